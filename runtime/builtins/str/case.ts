/**
 * The case-changing str methods. Runs of characters on which the engine's
 * toUpperCase/toLowerCase agree with CPython 3.11 go to them whole; the
 * characters where they differ (and capital sigma, whose final form follows
 * CPython's own context rule) are mapped one by one with chars.ts.
 */
import { noArgs } from './args.js';
import { isAscii } from './core.js';
import {
  LOWER_DIFFERS,
  UPPER_DIFFERS,
  foldCp,
  foldSpecial,
  isCasedCp,
  isLowerCp,
  isUpperCp,
  lowerCp,
  lowerSigma,
  titleCp,
  upperCp,
} from './chars.js';

const UPPER_SPECIAL = new RegExp(UPPER_DIFFERS.source, 'gu');
const LOWER_SPECIAL = new RegExp(`\\u03a3|${LOWER_DIFFERS.source}`, 'gu');

/**
 * `plain` on the text between matches of `special` (a global regex), and
 * `each` on every match: its code point and unit index.
 */
function mapRuns(s: string, special: RegExp, plain: (text: string) => string, each: (c: number, at: number) => string): string {
  special.lastIndex = 0;
  let m = special.exec(s);
  if (m === null) return plain(s);
  let out = '';
  let pos = 0;
  for (; m !== null; m = special.exec(s)) {
    out += plain(s.slice(pos, m.index)) + each(m[0].codePointAt(0)!, m.index);
    pos = m.index + m[0].length;
  }
  return out + plain(s.slice(pos));
}

/** Whether the global regex `re` matches somewhere in `s`. */
function hasMatch(re: RegExp, s: string): boolean {
  re.lastIndex = 0;
  const found = re.test(s);
  re.lastIndex = 0;
  return found;
}

const toUpper = (text: string): string => text.toUpperCase();
const toLower = (text: string): string => text.toLowerCase();

/** Lowercase of the code point `c` at unit `at` of `s` (capital sigma depends on its neighbours). */
function lowerAt(s: string, c: number, at: number): string {
  return c === 0x3a3 ? lowerSigma(s, at) : lowerCp(c);
}

export function str_upper(s: string): string {
  if (arguments.length > 1) noArgs('str.upper', arguments.length - 1);
  if (isAscii(s)) return s.toUpperCase();
  return mapRuns(s, UPPER_SPECIAL, toUpper, upperCp);
}

export function str_lower(s: string): string {
  if (arguments.length > 1) noArgs('str.lower', arguments.length - 1);
  if (isAscii(s)) return s.toLowerCase();
  return mapRuns(s, LOWER_SPECIAL, toLower, (c, at) => lowerAt(s, c, at));
}

export function str_casefold(s: string): string {
  if (arguments.length > 1) noArgs('str.casefold', arguments.length - 1);
  if (isAscii(s)) return s.toLowerCase();
  return mapRuns(s, foldSpecial(), toLower, foldCp);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** An ASCII string rewritten byte by byte (typed arrays: per-character string building is slow). */
function mapAscii(s: string, f: (bytes: Uint8Array) => void): string {
  const bytes = encoder.encode(s);
  f(bytes);
  return decoder.decode(bytes);
}

/**
 * Splits `s` into runs by `kind` (a number per code point) and maps each run
 * with `map(run, kind, unit index of the run)`.
 */
function mapByKind(s: string, kind: (c: number) => number, map: (run: string, k: number, at: number) => string): string {
  let out = '';
  let start = 0;
  let current = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i)!;
    const k = kind(c);
    if (k !== current) {
      if (i > start) out += map(s.slice(start, i), current, start);
      start = i;
      current = k;
    }
    if (c > 0xffff) i++;
  }
  return s.length > start ? out + map(s.slice(start), current, start) : out;
}

/** Lowercase of `run`, which starts at unit `at` of `s` (the context of any capital sigma). */
function lowerRun(s: string, run: string, at: number, plain: boolean): string {
  return plain ? run.toLowerCase() : mapRuns(run, LOWER_SPECIAL, toLower, (c, i) => lowerAt(s, c, at + i));
}

export function str_swapcase(s: string): string {
  if (arguments.length > 1) noArgs('str.swapcase', arguments.length - 1);
  if (isAscii(s)) {
    return mapAscii(s, (b) => {
      for (let i = 0; i < b.length; i++) if (((b[i]! | 0x20) - 0x61) >>> 0 < 26) b[i]! ^= 0x20;
    });
  }
  // Runs of uppercase characters go to lowercase, runs of lowercase ones to uppercase.
  const plain = !hasMatch(LOWER_SPECIAL, s);
  return mapByKind(
    s,
    (c) => (isUpperCp(c) ? 1 : isLowerCp(c) ? 2 : 0),
    (run, k, at) => (k === 1 ? lowerRun(s, run, at, plain) : k === 2 ? mapRuns(run, UPPER_SPECIAL, toUpper, upperCp) : run),
  );
}

export function str_capitalize(s: string): string {
  if (arguments.length > 1) noArgs('str.capitalize', arguments.length - 1);
  if (s.length === 0) return s;
  if (isAscii(s)) return s[0]!.toUpperCase() + s.slice(1).toLowerCase();
  const first = s.codePointAt(0)!;
  const rest = first > 0xffff ? 2 : 1;
  // The first character takes its titlecase form (ǆ → ǅ), as since Python 3.8.
  return titleCp(first) + lowerRun(s, s.slice(rest), rest, false);
}

/**
 * Each run of cased characters gets its first in titlecase and the rest in
 * lowercase. (Uncased characters have no case mappings in Python 3.11's data.)
 */
export function str_title(s: string): string {
  if (arguments.length > 1) noArgs('str.title', arguments.length - 1);
  if (isAscii(s)) {
    return mapAscii(s, (b) => {
      let previousCased = false;
      for (let i = 0; i < b.length; i++) {
        const c = b[i]!;
        const cased = ((c | 0x20) - 0x61) >>> 0 < 26;
        if (cased) b[i] = previousCased ? c | 0x20 : c & ~0x20;
        previousCased = cased;
      }
    });
  }
  const plain = !hasMatch(LOWER_SPECIAL, s);
  return mapByKind(
    s,
    (c) => (isCasedCp(c) ? 1 : 0),
    (run, k, at) => {
      if (k === 0) return run;
      const first = run.codePointAt(0)!;
      const width = first > 0xffff ? 2 : 1;
      return titleCp(first) + lowerRun(s, run.slice(width), at + width, plain);
    },
  );
}
