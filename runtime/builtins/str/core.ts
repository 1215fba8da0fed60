/**
 * Python str operations on JS strings, counted in code points: a surrogate
 * pair is one character, a lone surrogate is one character of its own.
 *
 * Most strings have no surrogates, and then code units are code points. A
 * regex that only matches surrogates answers in constant time on V8's
 * one-byte strings (it cannot match there), so ASCII and Latin-1 strings
 * take the fast path at once; for other strings the answer for the last
 * two strings seen is cached, which makes loops that index one string cheap.
 */
import { IndexError, MemoryError, OverflowError, TypeError, ValueError } from '../exceptions.js';
import { isIntNumber, typeName } from '../values.js';
import { userIndex } from '../numbers/index.js';
import { boxedStr } from './args.js';

const SURROGATE = /[\ud800-\udfff]/;

/**
 * The last two strings seen and their code points (null: no surrogates).
 * A hit costs a pointer comparison, so a loop indexing one string is cheap
 * whatever its characters.
 */
let cacheA = '';
let cacheAPoints: string[] | null = null;
let cacheB = '';
let cacheBPoints: string[] | null = null;

function remember(s: string, points: string[] | null): void {
  cacheB = cacheA;
  cacheBPoints = cacheAPoints;
  cacheA = s;
  cacheAPoints = points;
}

/**
 * The code points of `s` when it has surrogates, null when its code units
 * are its code points. The array holds one string per code point.
 */
export function wideChars(s: string): string[] | null {
  // Lengths first: comparing strings that are not the same object is a call.
  if (s.length === cacheA.length && s === cacheA) return cacheAPoints;
  let points: string[] | null;
  if (s.length === cacheB.length && s === cacheB) {
    // Most recent first, so that alternating between two strings stays cached.
    points = cacheBPoints;
  } else {
    points = SURROGATE.test(s) ? Array.from(s) : null;
  }
  remember(s, points);
  return points;
}

const NON_ASCII = /[^\0-\x7f]/;

/** Whether `s` is all ASCII: a char-code loop for short strings (cheaper than a RegExp call), the RegExp for long ones. */
export function isAscii(s: string): boolean {
  const n = s.length;
  if (n > 32) return !NON_ASCII.test(s);
  for (let i = 0; i < n; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** True when `s` has a surrogate code unit (so code units are not code points). */
export function hasSurrogates(s: string): boolean {
  return SURROGATE.test(s);
}

/** The code points of `s` as numbers (a lone surrogate is its own code point). */
export function codePoints(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out.push(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
        i++;
        continue;
      }
    }
    out.push(c);
  }
  return out;
}

/** The number of code points of `s`, without touching the cache (for arguments). */
export function cpLength(s: string): number {
  if (!SURROGATE.test(s)) return s.length;
  let n = s.length;
  for (let i = 0; i + 1 < s.length; i++) {
    if (isHigh(s.charCodeAt(i)) && isLow(s.charCodeAt(i + 1))) {
      n--;
      i++;
    }
  }
  return n;
}

/** The string of the code points `cps` (in chunks: spreading a long array overflows the stack). */
export function fromCodePoints(cps: readonly number[]): string {
  if (cps.length <= 4096) return String.fromCodePoint(...cps);
  let out = '';
  for (let i = 0; i < cps.length; i += 4096) out += String.fromCodePoint(...cps.slice(i, i + 4096));
  return out;
}

/** `len(s)`. */
export function strLen(s: string): number {
  const n = s.length;
  if (s === cacheA) return cacheAPoints === null ? n : cacheAPoints.length;
  // A short string is not worth a cache slot (and comparisons with it on later misses).
  if (n <= 64 && !SURROGATE.test(s)) return n;
  const wide = wideChars(s);
  return wide === null ? n : wide.length;
}

/** `s[index]`. */
export function strGetItem(s: string, index: unknown): string {
  if (typeof index === 'number') {
    const n = s.length;
    let wide: string[] | null;
    if (s === cacheA) {
      wide = cacheAPoints;
    } else {
      // Near either end, a few code units tell whether units are code points there (not -0: that is 0.0).
      if (Object.is(index | 0, index)) {
        if (index >= 0 && index < 4 && index < n) {
          if (!surrogateIn(s, 0, index + 1)) return s[index]!;
        } else if (index < 0 && index >= -4 && index >= -n) {
          if (!surrogateIn(s, n + index, n)) return s[n + index]!;
        }
      }
      wide = wideChars(s);
    }
    if (wide === null) {
      const i = index < 0 ? index + n : index;
      if (i >= 0 && i < n && Object.is(i | 0, i)) return s[i]!;
    } else {
      const m = wide.length;
      const i = index < 0 ? index + m : index;
      if (i >= 0 && i < m && Object.is(i | 0, i)) return wide[i]!;
    }
    if (!isIntNumber(index)) throw new TypeError(`string indices must be integers, not 'float'`);
    throw new IndexError('string index out of range');
  }
  if (typeof index === 'boolean') return strGetItem(s, index ? 1 : 0);
  if (typeof index === 'bigint') {
    if (index >= 2n ** 63n || index < -(2n ** 63n)) throw new IndexError(`cannot fit 'int' into an index-sized integer`);
    throw new IndexError('string index out of range');
  }
  const j = userIndex(index);
  if (j !== undefined) return strGetItem(s, j);
  throw new TypeError(`string indices must be integers, not '${typeName(index)}'`);
}

/**
 * A slice bound or step as a JS number: None is null; ints beyond the safe
 * range only ever clamp, so they become infinities.
 */
export function sliceIndexValue(v: unknown): number | null {
  if (typeof v === 'number') {
    if (isIntNumber(v)) return v;
  } else if (v === null || v === undefined) {
    return null;
  } else if (typeof v === 'boolean') {
    return v ? 1 : 0;
  } else if (typeof v === 'bigint') {
    return v > 0n ? Infinity : -Infinity;
  }
  const j = userIndex(v);
  if (j !== undefined) return sliceIndexValue(j);
  throw new TypeError('slice indices must be integers or None or have an __index__ method');
}

/**
 * PySlice_AdjustIndices: [start, stop, count] for a sequence of `length`,
 * from bounds already read by sliceIndexValue.
 */
export function adjustSlice(length: number, start: number | null, stop: number | null, step: number): [number, number, number] {
  let lo: number;
  let hi: number;
  if (step > 0) {
    lo = start === null ? 0 : start < 0 ? Math.max(start + length, 0) : Math.min(start, length);
    hi = stop === null ? length : stop < 0 ? Math.max(stop + length, 0) : Math.min(stop, length);
    return [lo, hi, hi > lo ? Math.floor((hi - lo - 1) / step) + 1 : 0];
  }
  lo = start === null ? length - 1 : start < 0 ? Math.max(start + length, -1) : Math.min(start, length - 1);
  hi = stop === null ? -1 : stop < 0 ? Math.max(stop + length, -1) : Math.min(stop, length - 1);
  return [lo, hi, lo > hi ? Math.floor((lo - hi - 1) / -step) + 1 : 0];
}

/** The step of a slice: 1 for None, never zero. */
export function sliceStep(step: unknown): number {
  if (step === null || step === undefined) return 1;
  const v = sliceIndexValue(step);
  if (v === 0) throw new ValueError('slice step cannot be zero');
  // Python clamps steps to the ssize_t range; any step past a string's length acts alike.
  return v === Infinity ? Number.MAX_SAFE_INTEGER : v === -Infinity ? -Number.MAX_SAFE_INTEGER : v!;
}

/** `s[start:stop:step]` (None or undefined for an omitted part). */
export function strSlice(s: string, start?: unknown, stop?: unknown, step?: unknown): string {
  const lo = sliceIndexValue(start);
  const hi = sliceIndexValue(stop);
  const st = sliceStep(step);
  const wide = wideChars(s);
  if (wide === null && st === 1) {
    // String.prototype.slice clamps negative and oversized bounds as Python does.
    return s.slice(lo ?? 0, hi ?? s.length);
  }
  const n = wide === null ? s.length : wide.length;
  const [first, , count] = adjustSlice(n, lo, hi, st);
  if (count <= 0) return '';
  if (wide === null) {
    let out = '';
    for (let k = 0, i = first; k < count; k++, i += st) out += s[i];
    return out;
  }
  if (st === 1) return wide.slice(first, first + count).join('');
  const parts = new Array<string>(count);
  for (let k = 0, i = first; k < count; k++, i += st) parts[k] = wide[i]!;
  return parts.join('');
}

/**
 * Code unit index of code point `cp` in `s` (cp in [0, len]), for strings
 * whose wide chars are `wide`.
 */
export function unitIndex(wide: string[] | null, cp: number): number {
  if (wide === null) return cp;
  let u = 0;
  for (let k = 0; k < cp; k++) u += wide[k]!.length;
  return u;
}

/** Code point index of code unit `u` (a code point boundary) in `s`. */
export function cpIndex(s: string, u: number): number {
  return codePointsBetween(s, 0, u);
}

/** How many code points the code units `from` to `to` (code point boundaries) of `s` hold: a surrogate pair is one. */
export function codePointsBetween(s: string, from: number, to: number): number {
  let cp = to - from;
  for (let i = from; i < to - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp--;
        i++;
      }
    }
  }
  return cp;
}

/**
 * Whether a match of `sub` at code unit `at` in `s` would cut a surrogate
 * pair (possible only when `sub` starts with a low or ends with a high
 * surrogate): such a match is not a match in Python.
 */
export function cutsPair(s: string, at: number, sub: string): boolean {
  if (sub.length === 0) {
    return at > 0 && isHigh(s.charCodeAt(at - 1)) && isLow(s.charCodeAt(at));
  }
  if (at > 0 && isLow(sub.charCodeAt(0)) && isHigh(s.charCodeAt(at - 1))) return true;
  const end = at + sub.length;
  return isHigh(sub.charCodeAt(sub.length - 1)) && isLow(s.charCodeAt(end));
}

function surrogateIn(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if ((s.charCodeAt(i) & 0xf800) === 0xd800) return true;
  return false;
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Whether `sub` could match in the middle of a surrogate pair. */
export function mayCutPair(sub: string): boolean {
  return sub.length > 0 && (isLow(sub.charCodeAt(0)) || isHigh(sub.charCodeAt(sub.length - 1)));
}

/** First match of `sub` in `s` at or after code unit `from` that does not cut a pair. */
export function indexOfUnits(s: string, sub: string, from: number): number {
  let at = s.indexOf(sub, from);
  if (at < 0 || !mayCutPair(sub)) return at;
  while (at >= 0 && cutsPair(s, at, sub)) at = s.indexOf(sub, at + 1);
  return at;
}

/** Last match of `sub` in `s` starting at or before code unit `from`. */
export function lastIndexOfUnits(s: string, sub: string, from: number): number {
  let at = s.lastIndexOf(sub, from);
  if (at < 0 || !mayCutPair(sub)) return at;
  while (at >= 0 && cutsPair(s, at, sub)) at = at === 0 ? -1 : s.lastIndexOf(sub, at - 1);
  return at;
}

/** `sub in s`. */
export function strContains(s: string, sub: unknown): boolean {
  if (typeof sub !== 'string') sub = boxedStr(sub) ?? sub;
  if (typeof sub !== 'string') {
    throw new TypeError(`'in <string>' requires string as left operand, not ${typeName(sub)}`);
  }
  return indexOfUnits(s, sub, 0) >= 0;
}

/** `a + b` with `a` a str. */
export function strConcat(a: string, b: unknown): string {
  if (typeof b !== 'string') throw new TypeError(`can only concatenate str (not "${typeName(b)}") to str`);
  return a + b;
}

/** `s * n` and `n * s`. */
export function strRepeat(s: string, n: unknown): string {
  let count: number;
  if (typeof n === 'number' && isIntNumber(n)) count = n;
  else if (typeof n === 'boolean') count = n ? 1 : 0;
  else if (typeof n === 'bigint') {
    if (n >= 2n ** 63n || n < -(2n ** 63n)) throw new OverflowError(`cannot fit 'int' into an index-sized integer`);
    if (n < 0n) return '';
    count = Number(n);
  } else throw new TypeError(`can't multiply sequence by non-int of type '${typeName(n)}'`);
  if (count <= 0 || s.length === 0) return '';
  if (count === 1) return s;
  if (s.length * count > MAX_STRING_UNITS) throw new MemoryError();
  return s.repeat(count);
}

/** V8's longest string; Python would raise MemoryError past what memory holds. */
export const MAX_STRING_UNITS = 0x1fffffe8;

/**
 * Python orders strings by code point. JS compares code units, which agrees
 * except where a surrogate meets a code unit in U+E000..U+FFFF, so only
 * strings with units ≥ U+D800 on both sides need the careful comparison.
 */
const HIGH_UNITS = /[\ud800-\uffff]/;

/** -1, 0 or 1 as Python orders `a` and `b`. */
export function strCompare(a: string, b: string): number {
  if (a === b) return 0;
  // Strings mostly differ early: below U+D800 a code unit is a whole code point.
  const n = Math.min(a.length, b.length, 8);
  for (let i = 0; i < n; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca !== cb) {
      if (ca < 0xd800 && cb < 0xd800) return ca < cb ? -1 : 1;
      break;
    }
  }
  if (!HIGH_UNITS.test(a) || !HIGH_UNITS.test(b)) return a < b ? -1 : 1;
  return compareByCodePoint(a, b);
}

function compareByCodePoint(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return a.length < b.length ? -1 : 1;
  // Step back to the start of a pair split by the first difference.
  if (i > 0 && isHigh(a.charCodeAt(i - 1)) && (isLow(a.charCodeAt(i)) || isLow(b.charCodeAt(i)))) i--;
  const ca = a.codePointAt(i)!;
  const cb = b.codePointAt(i)!;
  return ca < cb ? -1 : 1;
}

export function strLt(a: string, b: string): boolean {
  return strCompare(a, b) < 0;
}

export function strLe(a: string, b: string): boolean {
  return strCompare(a, b) <= 0;
}

export function strGt(a: string, b: string): boolean {
  return strCompare(a, b) > 0;
}

export function strGe(a: string, b: string): boolean {
  return strCompare(a, b) >= 0;
}

/** A 32-bit FNV-1a hash of the code units: equal strings hash equal. */
export function strHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  // Python's hash is never -1; keep that property for whoever mixes hashes.
  return h === -1 ? -2 : h;
}
