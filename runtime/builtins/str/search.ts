/**
 * Searching str methods: find, index, count, startswith, replace,
 * partition, removeprefix… Positions are code points; start/end follow
 * CPython's ADJUST_INDICES (negative from the end, end clamped, start not).
 */
import { MemoryError, TypeError, ValueError } from '../exceptions.js';
import { PyTuple, typeName } from '../values.js';
import { boxedStr, checkArgCount, checkPositional, indexArg, oneArg, strArg } from './args.js';
import {
  MAX_STRING_UNITS,
  cpIndex,
  cpLength,
  cutsPair,
  indexOfUnits,
  lastIndexOfUnits,
  mayCutPair,
  sliceIndexValue,
  unitIndex,
  wideChars,
} from './core.js';

/** A search range in both code points and code units. */
interface Range {
  lo: number;
  hi: number;
  ulo: number;
  uhi: number;
  wide: string[] | null;
}

function searchRange(s: string, start: unknown, end: unknown): Range {
  const a = sliceIndexValue(start);
  const b = sliceIndexValue(end);
  const wide = wideChars(s);
  const n = wide === null ? s.length : wide.length;
  let hi = b === null ? n : b;
  if (hi > n) hi = n;
  else if (hi < 0) hi = Math.max(hi + n, 0);
  let lo = a === null ? 0 : a;
  if (lo < 0) lo = Math.max(lo + n, 0);
  if (wide === null) return { lo, hi, ulo: lo, uhi: hi, wide };
  // lo may lie past the end: then nothing matches and its unit index is moot.
  return { lo, hi, ulo: unitIndex(wide, Math.min(lo, n)), uhi: unitIndex(wide, hi), wide };
}

function subArg(sub: unknown, start?: unknown, end?: unknown): string {
  if (typeof sub !== 'string') sub = boxedStr(sub) ?? sub;
  if (typeof sub !== 'string') {
    // CPython reads the slice bounds before it looks at sub: a bad bound is reported first.
    sliceIndexValue(start);
    sliceIndexValue(end);
    throw new TypeError(`must be str, not ${typeName(sub)}`);
  }
  return sub;
}

/** Code point index of the first (or last) `sub` in s[start:end], or -1. */
function findIn(s: string, sub: string, start: unknown, end: unknown, last: boolean): number {
  const r = searchRange(s, start, end);
  const subLen = r.wide === null && !mayCutPair(sub) ? sub.length : cpLength(sub);
  if (r.hi - r.lo < subLen) return -1;
  let at: number;
  if (last) {
    at = lastIndexOfUnits(s, sub, r.uhi - sub.length);
    if (at < r.ulo) return -1;
  } else {
    at = indexOfUnits(s, sub, r.ulo);
    if (at < 0 || at + sub.length > r.uhi) return -1;
  }
  return r.wide === null ? at : cpIndex(s, at);
}

export function str_find(s: string, sub: unknown, start?: unknown, end?: unknown): number {
  if (arguments.length !== 2) checkArgCount('find', arguments.length - 1, 1, 3);
  return findIn(s, subArg(sub, start, end), start, end, false);
}

export function str_rfind(s: string, sub: unknown, start?: unknown, end?: unknown): number {
  if (arguments.length !== 2) checkArgCount('rfind', arguments.length - 1, 1, 3);
  return findIn(s, subArg(sub, start, end), start, end, true);
}

export function str_index(s: string, sub: unknown, start?: unknown, end?: unknown): number {
  if (arguments.length !== 2) checkArgCount('index', arguments.length - 1, 1, 3);
  const i = findIn(s, subArg(sub, start, end), start, end, false);
  if (i < 0) throw new ValueError('substring not found');
  return i;
}

export function str_rindex(s: string, sub: unknown, start?: unknown, end?: unknown): number {
  if (arguments.length !== 2) checkArgCount('rindex', arguments.length - 1, 1, 3);
  const i = findIn(s, subArg(sub, start, end), start, end, true);
  if (i < 0) throw new ValueError('substring not found');
  return i;
}

export function str_count(s: string, sub: unknown, start?: unknown, end?: unknown): number {
  if (arguments.length !== 2) checkArgCount('count', arguments.length - 1, 1, 3);
  const needle = subArg(sub, start, end);
  const r = searchRange(s, start, end);
  if (needle.length === 0) return r.hi >= r.lo ? r.hi - r.lo + 1 : 0;
  if (r.hi - r.lo < 1) return 0;
  let count = 0;
  let at = indexOfUnits(s, needle, r.ulo);
  while (at >= 0 && at + needle.length <= r.uhi) {
    count++;
    at = indexOfUnits(s, needle, at + needle.length);
  }
  return count;
}

/** startswith/endswith: CPython's tailmatch for one candidate. */
function tailMatch(s: string, r: Range, sub: string, atEnd: boolean): boolean {
  const subLen = r.wide === null && !mayCutPair(sub) ? sub.length : cpLength(sub);
  if (r.hi - subLen < r.lo) return false;
  if (subLen === 0) return true;
  const at = atEnd ? r.uhi - sub.length : r.ulo;
  // A match that cuts a surrogate pair is no match: Python sees one character there.
  return at >= r.ulo && s.startsWith(sub, at) && !(mayCutPair(sub) && cutsPair(s, at, sub));
}

function affix(name: string, s: string, prefix: unknown, start: unknown, end: unknown, atEnd: boolean): boolean {
  const r = searchRange(s, start, end);
  if (typeof prefix !== 'string') prefix = boxedStr(prefix) ?? prefix;
  if (typeof prefix === 'string') return tailMatch(s, r, prefix, atEnd);
  if (prefix instanceof PyTuple) {
    for (const item of prefix) {
      const p = typeof item === 'string' ? item : boxedStr(item) ?? item;
      if (typeof p !== 'string') throw new TypeError(`tuple for ${name} must only contain str, not ${typeName(p)}`);
      if (tailMatch(s, r, p, atEnd)) return true;
    }
    return false;
  }
  throw new TypeError(`${name} first arg must be str or a tuple of str, not ${typeName(prefix)}`);
}

export function str_startswith(s: string, prefix: unknown, start?: unknown, end?: unknown): boolean {
  if (arguments.length !== 2) checkArgCount('startswith', arguments.length - 1, 1, 3);
  return affix('startswith', s, prefix, start, end, false);
}

export function str_endswith(s: string, suffix: unknown, start?: unknown, end?: unknown): boolean {
  if (arguments.length !== 2) checkArgCount('endswith', arguments.length - 1, 1, 3);
  return affix('endswith', s, suffix, start, end, true);
}

export function str_replace(s: string, old: unknown, replacement: unknown, count?: unknown): string {
  if (arguments.length !== 3) checkPositional('replace', arguments.length - 1, 2, 3);
  const from = strArg(old, 'replace() argument 1');
  const to = strArg(replacement, 'replace() argument 2');
  let max = count === undefined ? -1 : indexArg(count);
  if (max < 0) max = Infinity;
  if (max === 0) return s;
  if (from.length === 0) {
    // An insertion before every character and at the end.
    const wide = wideChars(s);
    const chars = wide ?? s;
    const n = chars.length;
    if (to.length * Math.min(max, n + 1) + s.length > MAX_STRING_UNITS) throw new MemoryError();
    let out = '';
    let i = 0;
    for (; i < n && i < max; i++) out += to + chars[i];
    if (i < n) return out + (wide === null ? s.slice(i) : wide.slice(i).join(''));
    return i < max ? out + to : out;
  }
  let at = indexOfUnits(s, from, 0);
  // Most calls replace nothing: the string itself then.
  if (at < 0) return s;
  const plain = !mayCutPair(from);
  let out = '';
  let pos = 0;
  let done = 0;
  while (at >= 0 && done < max) {
    if (done === 16 && plain && max === Infinity && to.indexOf('$') < 0) {
      // Many occurrences: replaceAll does the rest in one pass (it reads `$&`, `$1`… in a replacement as patterns).
      return out + s.slice(pos).replaceAll(from, to);
    }
    out += s.slice(pos, at) + to;
    pos = at + from.length;
    done++;
    at = indexOfUnits(s, from, pos);
  }
  return out + s.slice(pos);
}

function sepArg(sep: unknown): string {
  if (typeof sep !== 'string') sep = boxedStr(sep) ?? sep;
  if (typeof sep !== 'string') throw new TypeError(`must be str, not ${typeName(sep)}`);
  if (sep.length === 0) throw new ValueError('empty separator');
  return sep;
}

export function str_partition(s: string, sep: unknown): PyTuple<string> {
  if (arguments.length !== 2) oneArg('str.partition', arguments.length - 1);
  const p = sepArg(sep);
  const at = indexOfUnits(s, p, 0);
  if (at < 0) return PyTuple.of(s, '', '');
  return PyTuple.of(s.slice(0, at), p, s.slice(at + p.length));
}

export function str_rpartition(s: string, sep: unknown): PyTuple<string> {
  if (arguments.length !== 2) oneArg('str.rpartition', arguments.length - 1);
  const p = sepArg(sep);
  const at = lastIndexOfUnits(s, p, s.length - p.length);
  if (at < 0) return PyTuple.of('', '', s);
  return PyTuple.of(s.slice(0, at), p, s.slice(at + p.length));
}

export function str_removeprefix(s: string, prefix: unknown): string {
  if (arguments.length !== 2) oneArg('str.removeprefix', arguments.length - 1);
  const p = strArg(prefix, 'removeprefix() argument');
  if (p.length === 0 || !s.startsWith(p) || (mayCutPair(p) && indexOfUnits(s, p, 0) !== 0)) return s;
  return s.slice(p.length);
}

export function str_removesuffix(s: string, suffix: unknown): string {
  if (arguments.length !== 2) oneArg('str.removesuffix', arguments.length - 1);
  const p = strArg(suffix, 'removesuffix() argument');
  if (p.length === 0 || !s.endsWith(p)) return s;
  if (mayCutPair(p) && lastIndexOfUnits(s, p, s.length - p.length) !== s.length - p.length) return s;
  return s.slice(0, s.length - p.length);
}
