/** split, rsplit, splitlines, join and the strip family. */
import { isPlainSequence, iterHooks } from '../list.js';
import { MemoryError, TypeError, ValueError } from '../exceptions.js';
import { typeName } from '../values.js';
import { boxedStr, checkArgCount, checkPositional, indexArg, oneArg } from './args.js';
import { isSpaceCp } from './chars.js';
import { MAX_STRING_UNITS, codePoints, fromCodePoints, hasSurrogates, indexOfUnits, lastIndexOfUnits, mayCutPair } from './core.js';

function badSeparator(sep: unknown): never {
  throw new TypeError(`must be str or None, not ${typeName(sep)}`);
}

function separator(sep: unknown): string | null {
  if (sep === undefined || sep === null) return null;
  if (typeof sep !== 'string') return separator(boxedStr(sep) ?? badSeparator(sep));
  if (sep.length === 0) throw new ValueError('empty separator');
  return sep;
}

/** maxsplit: negative means no limit. */
function maxSplit(v: unknown): number {
  if (v === undefined) return Infinity;
  const n = indexArg(v);
  return n < 0 ? Infinity : n;
}

export function str_split(s: string, sep?: unknown, maxsplit?: unknown): string[] {
  if (arguments.length > 3) checkArgCount('split', arguments.length - 1, 0, 2);
  const max = maxSplit(maxsplit);
  const p = separator(sep);
  if (p === null) return splitWhitespace(s, max);
  if (max === Infinity && !mayCutPair(p)) return s.split(p);
  const out: string[] = [];
  let pos = 0;
  let at = indexOfUnits(s, p, 0);
  while (at >= 0 && out.length < max) {
    out.push(s.slice(pos, at));
    pos = at + p.length;
    at = indexOfUnits(s, p, pos);
  }
  out.push(s.slice(pos));
  return out;
}

export function str_rsplit(s: string, sep?: unknown, maxsplit?: unknown): string[] {
  if (arguments.length > 3) checkArgCount('rsplit', arguments.length - 1, 0, 2);
  const max = maxSplit(maxsplit);
  const p = separator(sep);
  if (p === null) return rsplitWhitespace(s, max);
  const out: string[] = [];
  let end = s.length;
  let at = lastIndexOfUnits(s, p, end - p.length);
  while (at >= 0 && out.length < max) {
    out.push(s.slice(at + p.length, end));
    end = at;
    at = end - p.length < 0 ? -1 : lastIndexOfUnits(s, p, end - p.length);
  }
  out.push(s.slice(0, end));
  return out.reverse();
}

/* Whitespace characters are all in the BMP, so code units do here. */

// A char-code loop: a global RegExp's match() of the runs took longer.
function splitWhitespace(s: string, max: number): string[] {
  const out: string[] = [];
  const n = s.length;
  let i = 0;
  for (;;) {
    while (i < n && isSpaceCp(s.charCodeAt(i))) i++;
    if (i === n) break;
    if (out.length >= max) {
      out.push(s.slice(i));
      break;
    }
    let j = i + 1;
    while (j < n && !isSpaceCp(s.charCodeAt(j))) j++;
    out.push(s.slice(i, j));
    i = j;
  }
  return out;
}

function rsplitWhitespace(s: string, max: number): string[] {
  const out: string[] = [];
  let i = s.length;
  for (;;) {
    while (i > 0 && isSpaceCp(s.charCodeAt(i - 1))) i--;
    if (i === 0) break;
    if (out.length >= max) {
      out.push(s.slice(0, i));
      break;
    }
    let j = i - 1;
    while (j > 0 && !isSpaceCp(s.charCodeAt(j - 1))) j--;
    out.push(s.slice(j, i));
    i = j;
  }
  return out.reverse();
}

/** \n \r \r\n \v \f \x1c \x1d \x1e \x85 \u2028 \u2029. */
function isLineBreak(c: number): boolean {
  return (c >= 0x0a && c <= 0x0d) || (c >= 0x1c && c <= 0x1e) || c === 0x85 || c === 0x2028 || c === 0x2029;
}

export function str_splitlines(s: string, keepends?: unknown): string[] {
  if (arguments.length > 2) checkArgCount('splitlines', arguments.length - 1, 0, 1);
  const keep = keepends === undefined ? false : indexArg(keepends, true) !== 0;
  const out: string[] = [];
  const n = s.length;
  let start = 0;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (!isLineBreak(c)) {
      i++;
      continue;
    }
    let eol = i + 1;
    if (c === 0x0d && eol < n && s.charCodeAt(eol) === 0x0a) eol++;
    out.push(s.slice(start, keep ? eol : i));
    start = i = eol;
  }
  if (start < n) out.push(s.slice(start));
  return out;
}

function joinBoxed(sep: string, items: readonly unknown[]): string {
  return str_join(sep, items.map((item) => boxedStr(item) ?? item));
}

export function str_join(sep: string, iterable: unknown): string {
  if (arguments.length !== 2) oneArg('str.join', arguments.length - 1);
  let items: unknown[];
  if (isPlainSequence(iterable)) items = iterable as unknown[];
  else if (typeof iterable === 'string') items = Array.from(iterable);
  else {
    // A Python class's instance (a list subclass too) through its __iter__; the runtime's iterables as JS iterables.
    const own = iterHooks.items?.(iterable) ?? (iterable !== null && typeof iterable === 'object' && Symbol.iterator in iterable ? (iterable as Iterable<unknown>) : null);
    if (!own) throw new TypeError('can only join an iterable');
    items = Array.from(own);
  }
  let units = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (typeof item !== 'string') {
      // Instances of str subclasses join as their values (items may be the caller's list: copy it first).
      if (boxedStr(item) !== undefined) return joinBoxed(sep, items);
      throw new TypeError(`sequence item ${i}: expected str instance, ${typeName(item)} found`);
    }
    units += item.length;
  }
  if (units + sep.length * Math.max(items.length - 1, 0) > MAX_STRING_UNITS) throw new MemoryError();
  return items.join(sep);
}

type Side = 1 | 2 | 3;
const LEFT = 1;
const RIGHT = 2;

function strip(name: string, s: string, chars: unknown, side: Side): string {
  let i = 0;
  let j = s.length;
  if (chars === undefined || chars === null) {
    if (side & LEFT) while (i < j && isSpaceCp(s.charCodeAt(i))) i++;
    if (side & RIGHT) while (j > i && isSpaceCp(s.charCodeAt(j - 1))) j--;
    return s.slice(i, j);
  }
  if (typeof chars !== 'string') chars = boxedStr(chars) ?? chars;
  if (typeof chars !== 'string') throw new TypeError(`${name} arg must be None or str`);
  // By code units unless both have surrogates: a unit of a pair matches nothing in chars that has none, and
  // chars' halves match nothing in s that has none. A program strips with the same few chars over and over:
  // the last one's answer is kept.
  if (chars !== lastChars) {
    lastChars = chars;
    lastCharsWide = hasSurrogates(chars);
  }
  if (lastCharsWide && hasSurrogates(s)) {
    // By code point, so that half a pair never matches.
    const set = new Set(codePoints(chars));
    const cps = codePoints(s);
    let a = 0;
    let b = cps.length;
    if (side & LEFT) while (a < b && set.has(cps[a]!)) a++;
    if (side & RIGHT) while (b > a && set.has(cps[b - 1]!)) b--;
    return fromCodePoints(cps.slice(a, b));
  }
  if (side & LEFT) while (i < j && hasUnit(chars, s.charCodeAt(i))) i++;
  if (side & RIGHT) while (j > i && hasUnit(chars, s.charCodeAt(j - 1))) j--;
  return s.slice(i, j);
}

let lastChars = '';
let lastCharsWide = false;

/** Whether `chars` has the code unit `c` (compared as numbers: no one-unit string is made per test). */
function hasUnit(chars: string, c: number): boolean {
  for (let k = 0; k < chars.length; k++) if (chars.charCodeAt(k) === c) return true;
  return false;
}

export function str_strip(s: string, chars?: unknown): string {
  if (arguments.length > 2) checkPositional('strip', arguments.length - 1, 0, 1);
  return strip('strip', s, chars, 3);
}

export function str_lstrip(s: string, chars?: unknown): string {
  if (arguments.length > 2) checkPositional('lstrip', arguments.length - 1, 0, 1);
  return strip('lstrip', s, chars, 1);
}

export function str_rstrip(s: string, chars?: unknown): string {
  if (arguments.length > 2) checkPositional('rstrip', arguments.length - 1, 0, 1);
  return strip('rstrip', s, chars, 2);
}
