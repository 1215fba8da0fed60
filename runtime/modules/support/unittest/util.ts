/**
 * unittest's helpers for messages (CPython 3.11's unittest/util.py): a
 * repr cut at 80 characters, the shortening of two long reprs around their
 * common prefix, a class's dotted name, and the element count differences
 * assertCountEqual reports.
 */
import { getattr } from '../../../builtins/attributes.js';
import { repr, str } from '../../../builtins/repr.js';
import { eq } from '../../../builtins/equality.js';

const MAX_LENGTH = 80;
const PLACEHOLDER_LEN = 12;
const MIN_BEGIN_LEN = 5;
const MIN_END_LEN = 5;
const MIN_COMMON_LEN = 5;
const MIN_DIFF_LEN = MAX_LENGTH - (MIN_BEGIN_LEN + PLACEHOLDER_LEN + MIN_COMMON_LEN + PLACEHOLDER_LEN + MIN_END_LEN);

/** Lengths and slices in code points, as Python's str counts them. */
const chars = (s: string): string[] => Array.from(s);

/** repr(obj), falling back to object's repr when the object's own fails; cut at 80 characters when `short`. */
export function safeRepr(obj: unknown, short = false): string {
  let result: string;
  try {
    result = repr(obj);
  } catch {
    result = `<${String(getattr(getattr(obj, '__class__'), '__name__'))} object>`;
  }
  const cs = chars(result);
  if (!short || cs.length < MAX_LENGTH) return result;
  return cs.slice(0, MAX_LENGTH).join('') + ' [truncated]...';
}

export function strclass(cls: unknown): string {
  return `${str(getattr(cls, '__module__'))}.${str(getattr(cls, '__qualname__'))}`;
}

function shorten(s: string[], prefixlen: number, suffixlen: number): string[] {
  const skip = s.length - prefixlen - suffixlen;
  if (skip <= PLACEHOLDER_LEN) return s;
  return [...s.slice(0, prefixlen), `[${skip} chars]`, ...s.slice(s.length - suffixlen)];
}

/** The reprs of the values, shortened around their common prefix when one is over 80 characters. */
export function commonShortenRepr(...values: unknown[]): string[] {
  const reprs = values.map((v) => chars(safeRepr(v)));
  const maxlen = Math.max(...reprs.map((r) => r.length));
  if (maxlen <= MAX_LENGTH) return reprs.map((r) => r.join(''));
  let prefixlen = 0;
  const first = reprs[0]!;
  while (prefixlen < first.length && reprs.every((r) => r[prefixlen] === first[prefixlen])) prefixlen++;
  const prefix = first.slice(0, prefixlen);
  const commonLen = MAX_LENGTH - (maxlen - prefixlen + MIN_BEGIN_LEN + PLACEHOLDER_LEN);
  if (commonLen > MIN_COMMON_LEN) {
    const p = shorten(prefix, MIN_BEGIN_LEN, commonLen).join('');
    return reprs.map((r) => p + r.slice(prefixlen).join(''));
  }
  const p = shorten(prefix, MIN_BEGIN_LEN, MIN_COMMON_LEN).join('');
  return reprs.map((r) => p + shorten(r.slice(prefixlen), MIN_DIFF_LEN, MIN_END_LEN).join(''));
}

/** [count in first, count in second, element] for each element whose counts differ, in first-seen order. */
export function countDifferences(first: unknown[], second: unknown[]): [number, number, unknown][] {
  const tally = (items: unknown[]): [unknown, number][] => {
    const out: [unknown, number][] = [];
    for (const item of items) {
      const entry = out.find(([e]) => e === item || eq(e, item));
      if (entry) entry[1]++;
      else out.push([item, 1]);
    }
    return out;
  };
  const s = tally(first);
  const t = tally(second);
  const result: [number, number, unknown][] = [];
  for (const [elem, cs] of s) {
    const ct = t.find(([e]) => e === elem || eq(e, elem))?.[1] ?? 0;
    if (cs !== ct) result.push([cs, ct, elem]);
  }
  for (const [elem, ct] of t) {
    if (!s.some(([e]) => e === elem || eq(e, elem))) result.push([0, ct, elem]);
  }
  return result;
}
