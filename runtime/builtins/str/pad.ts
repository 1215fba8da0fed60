/** center, ljust, rjust, zfill and expandtabs (widths count code points). */
import { MemoryError, TypeError } from '../exceptions.js';
import { BASE_VALUE, PyBoxed, typeName } from '../values.js';
import { checkArgCount, checkPositional, indexArg, oneArg } from './args.js';
import { MAX_STRING_UNITS, cpLength } from './core.js';

function fillArg(fill: unknown): string {
  if (fill === undefined) return ' ';
  if (fill instanceof PyBoxed) fill = fill[BASE_VALUE];
  if (typeof fill !== 'string') throw new TypeError(`The fill character must be a unicode character, not ${typeName(fill)}`);
  if (cpLength(fill) !== 1) throw new TypeError('The fill character must be exactly one character long');
  return fill;
}

function repeatFill(fill: string, count: number): string {
  if (count <= 0) return '';
  if (count * fill.length > MAX_STRING_UNITS) throw new MemoryError();
  return fill.repeat(count);
}

/** `left` and `right` fill around s: [left, right] counts, or null when s is wide enough. */
function margins(s: string, width: number, left: (marg: number) => number): [number, number] | null {
  const n = cpLength(s);
  if (width <= n) return null;
  const marg = width - n;
  const l = left(marg);
  return [l, marg - l];
}

function pad(s: string, width: unknown, fillchar: unknown, left: (marg: number, width: number) => number): string {
  const w = indexArg(width);
  const fill = fillArg(fillchar);
  const m = margins(s, w, (marg) => left(marg, w));
  if (m === null) return s;
  return repeatFill(fill, m[0]) + s + repeatFill(fill, m[1]);
}

export function str_center(s: string, width: unknown, fillchar?: unknown): string {
  if (arguments.length !== 2) checkPositional('center', arguments.length - 1, 1, 2);
  // CPython's rounding: the odd extra space goes left only when both the margin and the width are odd.
  return pad(s, width, fillchar, (marg, w) => Math.floor(marg / 2) + (marg & w & 1));
}

export function str_ljust(s: string, width: unknown, fillchar?: unknown): string {
  if (arguments.length !== 2) checkPositional('ljust', arguments.length - 1, 1, 2);
  return pad(s, width, fillchar, () => 0);
}

export function str_rjust(s: string, width: unknown, fillchar?: unknown): string {
  if (arguments.length !== 2) checkPositional('rjust', arguments.length - 1, 1, 2);
  return pad(s, width, fillchar, (marg) => marg);
}

export function str_zfill(s: string, width: unknown): string {
  if (arguments.length !== 2) oneArg('str.zfill', arguments.length - 1);
  const w = indexArg(width);
  const n = cpLength(s);
  if (w <= n) return s;
  const zeros = repeatFill('0', w - n);
  const c = s.charCodeAt(0);
  if (c === 0x2b || c === 0x2d) return s[0] + zeros + s.slice(1);
  return zeros + s;
}

export function str_expandtabs(s: string, tabsize?: unknown): string {
  if (arguments.length > 2) checkArgCount('expandtabs', arguments.length - 1, 0, 1);
  const size = tabsize === undefined ? 8 : indexArg(tabsize, true);
  if (!s.includes('\t')) return s;
  let out = '';
  let column = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x09) {
      out += s.slice(start, i);
      start = i + 1;
      if (size > 0) {
        const spaces = size - (column % size);
        out += repeatFill(' ', spaces);
        column += spaces;
      }
    } else if (c === 0x0a || c === 0x0d) {
      column = 0;
    } else if (c < 0xdc00 || c > 0xdfff || i === 0 || s.charCodeAt(i - 1) < 0xd800 || s.charCodeAt(i - 1) > 0xdbff) {
      // Every code point counts one column; the low half of a pair does not.
      column++;
    }
  }
  return out + s.slice(start);
}
