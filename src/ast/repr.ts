/**
 * Python's `repr` of the constant values an AST can hold, character for
 * character as CPython 3.11 prints them (ast.dump relies on it).
 */
import { PyBytes, PyComplex, PyEllipsis, PyStrCodePoints } from './constants.js';
import type { PyConstant } from './constants.js';

export function pyRepr(value: PyConstant): string {
  switch (typeof value) {
    case 'string':
      return reprStr(value);
    case 'bigint':
      return reprInt(value);
    case 'number':
      return reprFloat(value);
    case 'boolean':
      return value ? 'True' : 'False';
    default:
      if (value === null) return 'None';
      if (value instanceof PyBytes) return reprBytes(value);
      if (value instanceof PyStrCodePoints) return reprStrCodePoints(value);
      if (value instanceof PyComplex) return reprComplex(value);
      if (value instanceof PyEllipsis) return 'Ellipsis';
      throw new TypeError(`not a Python constant: ${String(value)}`);
  }
}

/**
 * Python ints print in plain decimal. CPython 3.11 refuses (ValueError) to
 * print ints above 4300 digits unless sys.set_int_max_str_digits is raised;
 * we always print them.
 */
export function reprInt(value: bigint): string {
  return value.toString();
}

const HEX = '0123456789abcdef';

function hexEscape(prefix: string, code: number, width: number): string {
  let s = prefix;
  for (let shift = (width - 1) * 4; shift >= 0; shift -= 4) s += HEX[(code >>> shift) & 15];
  return s;
}

/**
 * A code unit that never forces the slow path: printable ASCII other than
 * the backslash and the two quotes.
 */
function isPlainAscii(c: number): boolean {
  return c >= 0x20 && c < 0x7f && c !== 0x5c && c !== 0x27 && c !== 0x22;
}

/**
 * `repr(str)`. A JS string is read by code point: a well-formed surrogate
 * pair is one astral character, a lone surrogate is one code point of its
 * own (printed `\udxxx`, as Python does).
 */
export function reprStr(s: string): string {
  const n = s.length;
  let i = 0;
  while (i < n && isPlainAscii(s.charCodeAt(i))) i++;
  if (i === n) return "'" + s + "'";
  // Python picks double quotes only when that avoids escaping.
  const quote = s.includes("'") && !s.includes('"') ? 0x22 : 0x27;
  const q = quote === 0x22 ? '"' : "'";
  let out = q + s.slice(0, i);
  let start = i;
  while (i < n) {
    let c = s.charCodeAt(i);
    if (isPlainAscii(c)) {
      i++;
      continue;
    }
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
        width = 2;
      }
    }
    const esc = escapeCodePoint(c, quote);
    if (esc !== null) {
      out += s.slice(start, i) + esc;
      start = i + width;
    }
    i += width;
  }
  return out + s.slice(start) + q;
}

/** How `repr(str)` writes code point `c` inside `quote`s, or null for as itself. */
function escapeCodePoint(c: number, quote: number): string | null {
  if (c === quote || c === 0x5c) return '\\' + String.fromCharCode(c);
  if (c < 0x7f) return c === 0x09 ? '\\t' : c === 0x0a ? '\\n' : c === 0x0d ? '\\r' : c < 0x20 ? hexEscape('\\x', c, 2) : null;
  if (isPrintable(c)) return null;
  if (c <= 0xff) return hexEscape('\\x', c, 2);
  if (c <= 0xffff) return hexEscape('\\u', c, 4);
  return hexEscape('\\U', c, 8);
}

/** `repr(str)` of a str held as code points (surrogates are never printable: they print escaped). */
export function reprStrCodePoints(value: PyStrCodePoints): string {
  const codePoints = value.codePoints;
  const quote = codePoints.includes(0x27) && !codePoints.includes(0x22) ? 0x22 : 0x27;
  const q = String.fromCharCode(quote);
  let out = q;
  for (const c of codePoints) out += escapeCodePoint(c, quote) ?? String.fromCodePoint(c);
  return out + q;
}

/** `repr(bytes)`: the same quote rule as str, everything outside printable ASCII as `\xhh`. */
export function reprBytes(value: PyBytes): string {
  const b = value.bytes;
  let hasSingle = false;
  let hasDouble = false;
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 0x27) hasSingle = true;
    else if (b[i] === 0x22) hasDouble = true;
  }
  const quote = hasSingle && !hasDouble ? 0x22 : 0x27;
  const parts: string[] = [quote === 0x22 ? 'b"' : "b'"];
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c === quote || c === 0x5c) parts.push('\\' + String.fromCharCode(c));
    else if (c === 0x09) parts.push('\\t');
    else if (c === 0x0a) parts.push('\\n');
    else if (c === 0x0d) parts.push('\\r');
    else if (c < 0x20 || c >= 0x7f) parts.push(hexEscape('\\x', c, 2));
    else parts.push(String.fromCharCode(c));
  }
  parts.push(quote === 0x22 ? '"' : "'");
  return parts.join('');
}

/** `repr(float)`. */
export function reprFloat(x: number): string {
  return formatDouble(x, true);
}

/**
 * `repr(complex)`: a real part of +0.0 is left out (and so are the
 * parentheses); both parts print like floats without the added `.0`.
 */
export function reprComplex(value: PyComplex): string {
  const { real, imag } = value;
  if (real === 0 && !Object.is(real, -0)) return formatDouble(imag, false) + 'j';
  const im = formatDouble(imag, false);
  const sign = im.charCodeAt(0) === 0x2d ? '' : '+';
  return '(' + formatDouble(real, false) + sign + im + 'j)';
}

/**
 * CPython's 'r' float format: the shortest digits that round-trip (which is
 * also what JS gives), in positional notation when the decimal exponent is
 * in [-4, 16) and as `d.ddde±XX` otherwise. `addDot0` is float repr's
 * `.0` on integral positional values; complex parts go without it.
 */
function formatDouble(x: number, addDot0: boolean): string {
  if (x !== x) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (x === 0) return sign + (addDot0 ? '0.0' : '0');
  const e = Math.abs(x).toExponential();
  const ePos = e.indexOf('e');
  const digits = ePos > 1 ? e[0] + e.slice(2, ePos) : e[0]!;
  const exp = Number(e.slice(ePos + 1));
  if (exp < -4 || exp >= 16) {
    const mantissa = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
    const absExp = exp < 0 ? -exp : exp;
    return sign + mantissa + (exp < 0 ? 'e-' : 'e+') + (absExp < 10 ? '0' : '') + absExp;
  }
  if (exp < 0) return sign + '0.' + '0'.repeat(-exp - 1) + digits;
  if (digits.length > exp + 1) return sign + digits.slice(0, exp + 1) + '.' + digits.slice(exp + 1);
  return sign + digits + '0'.repeat(exp + 1 - digits.length) + (addDot0 ? '.0' : '');
}

/**
 * Python's `str.isprintable` for one code point, from CPython 3.11's
 * Unicode 14.0 database rather than the JS engine's (newer) ICU data: code
 * points assigned after Unicode 14 are unprintable in CPython 3.11.
 */
export function isPrintable(code: number): boolean {
  if (code < 0x7f) return code >= 0x20;
  let lo = 0;
  let hi = NP_START.length - 1;
  // Find the last range starting at or before `code`.
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (NP_START[mid]! <= code) lo = mid;
    else hi = mid - 1;
  }
  return !(NP_START[lo]! <= code && code <= NP_END[lo]!);
}

/*
 * The code points for which CPython 3.11's str.isprintable() is false, as
 * inclusive ranges: base-36 pairs (gap since the previous range's end + 1,
 * range length - 1). Generated with python3 3.11.7 (unicodedata 14.0.0);
 * repr.test.ts checks every code point against python3.
 */
const NON_PRINTABLE_RANGES =
  '0 v 2n x c 0 ju 1 6 3 7 0 1 0 k 0 b1 0 12 1 1e 1 3 0 1j 7 r 3 6 g m 0 5c 0 1c 1 1n 1 2t d 1n 1 ' +
  '1d 1 f 0 s 1 1 0 b 4 v 8 22 0 4h 0 8 1 2 1 m 0 7 0 1 2 4 1 9 1 2 1 4 7 1 3 2 0 5 1 p 1 3 0 6 3 ' +
  '2 1 m 0 7 0 2 0 2 0 2 1 1 0 5 3 2 1 3 2 1 6 4 0 1 6 h 9 3 0 9 0 3 0 m 0 7 0 2 0 5 1 a 0 3 0 3 1 ' +
  '1 e 4 1 c 6 7 0 3 0 8 1 2 1 m 0 7 0 2 0 5 1 9 1 2 1 3 6 3 3 2 0 5 1 i 9 2 0 6 2 3 0 4 2 2 0 1 0 ' +
  '2 2 2 2 3 2 c 3 5 2 3 0 4 1 1 5 1 d l 4 d 0 3 0 n 0 g 1 9 0 3 0 4 6 2 0 3 1 1 1 4 1 a 6 m 0 3 0 ' +
  'n 0 a 0 5 1 9 0 3 0 4 6 2 5 2 0 4 1 a 0 2 c d 0 3 0 1f 0 3 0 6 3 g 1 q 0 3 0 i 2 o 0 9 0 1 1 7 ' +
  '2 1 3 6 0 1 0 8 5 a 1 3 b 1m 3 t 10 2 0 1 0 5 0 o 0 1 0 n 1 5 0 1 0 6 1 a 1 4 v 20 0 10 3 13 0 ' +
  '10 0 f 0 d 10 5i 0 1 4 1 1 ah 0 4 1 7 0 1 0 4 1 15 0 4 1 x 0 4 1 7 0 1 0 4 1 f 0 1l 0 4 1 1v 1 ' +
  'w 2 q 5 2e 1 6 1 hs 0 s 2 2h 6 m 8 o 8 k b d 0 3 0 2 b 2m 1 a 5 a 5 e 0 b 5 2h 6 17 4 1y 9 v 0 ' +
  'c 3 c 3 1 2 16 1 5 a 18 3 q 5 b 2 1q 1 1t 0 t 1 b 5 a 5 e 1 v 1c 25 2 1b 0 38 7 1o 2 f 2 1o 6 ' +
  '17 1 b 7 17 4 eu 1 6 1 12 1 6 1 8 0 1 0 1 0 1 0 v 1 1h 0 f 0 e 1 6 0 j 1 3 0 9 g o 7 1b g 2 1 r ' +
  '0 d 2 x e x e 3w 3 if o b k 1ec 1 w 0 9p 4 19 0 1 4 1 1 1k 6 2 d o 8 7 0 7 0 7 0 7 0 7 0 7 0 7 ' +
  '0 7 0 3i x q 0 2h b 5y p c 4 1r 0 2e 1 2v 4 17 0 2m 0 2c b 1b 0 mlp 2 1j 8 9o j 54 7 5n 4 2 0 1 ' +
  '0 5 n 1n 2 a 5 1k 7 1y 7 c 5 38 a u 2 26 0 b 3 x 0 1j 8 e 1 a 1 2v n s 9 6 1 6 1 6 8 7 0 7 0 1o ' +
  '3 3i 1 a 5 8mc b n 3 1d 6ir a6 1 2y 11 7 b 5 4 q 0 5 0 1 0 2 0 2 0 3h f cd 1 1i 6 1 v 16 5 1f 0 ' +
  'j 0 4 3 5 0 3r 3 5a 2 6 1 6 1 6 1 3 2 7 0 7 c 2 1 c 0 q 0 j 0 2 0 f 1 e x 3f 4 3 3 19 2 2g 0 d ' +
  '2 1 1a 1a 3l t 2 1d e s 3 10 8 u 4 17 4 u 0 11 3 e 15 4e 1 a 5 10 3 10 3 14 7 1g a c 0 f 0 7 0 ' +
  '2 0 b 0 f 0 7 0 2 1u 8n 8 m 9 8 n 6 0 16 0 9 1w 6 1 1 0 18 0 2 2 1 1 n 0 20 7 9 1b j 0 2 4 x 2 ' +
  'r 4 1 1r 1k 3 k 1 1e 0 2 4 8 0 3 0 t 1 3 3 a 6 9 6 1s v 13 3 c 8 1i 2 t 1 r 4 q 6 4 b 7 27 21 ' +
  '1i 1f c 1f 6 1a 7 a 85 v 0 16 0 3 1 2 25 14 7 16 l q 11 s j n 8 26 3 10 8 1q 0 5 c p 6 a 5 1h 0 ' +
  'i 7 13 8 2o 0 k a i 0 18 1s 7 0 1 0 4 0 f 0 b 5 1n 4 a 5 4 0 8 1 2 1 m 0 7 0 2 0 5 0 a 1 2 1 3 ' +
  '1 1 5 1 4 7 1 7 2 5 3u 2k 0 5 t 20 7 a 4l 1i 1 12 x 1x a a 5 d i 1m 5 a 1h r 1 f 3 n 54 1o 2r ' +
  '2b b 8 1 1 1 8 0 2 0 u 0 2 1 c 8 a 1x 8 1 1a 1 b q 20 7 2b c 21 7a 9 0 19 0 e 9 t 2 w 1 m 0 e ' +
  '20 7 0 2 0 18 2 1 0 2 0 9 7 a 5 6 0 2 0 11 0 2 0 6 6 a 8l p 52 1 e 1e c pn 2t 33 0 5 a 5g 217 ' +
  '2r c tr 34g g7 6ns ft 6 v 0 a 3 29 0 a 5 u 1 6 9 1y 9 a 0 7 0 l 4 j j3 2j 2s 23 3 1l 6 h 1r 5 a ' +
  '2 d 4qg 7 ye 15 9 6w6 4 0 7 0 2 0 83 18 3 g 4 7 b0 1s3 2z 4 d 2 9 6 a 1 4 3mn 1a 1 n 8 38 1n 6u ' +
  '9 13 1 22 7 34 k 1y 49 k b 2f 8 p 3q 2d 0 1z 0 2 1 1 1 2 1 4 0 c 0 1 0 7 0 1t 0 4 1 8 0 7 0 s 0 ' +
  '4 0 5 0 1 2 7 0 9g 1 84 1 ji e 5 0 f un v 68 7 0 h 1 7 0 2 0 5 5w 19 2 e 1 a 3 2 8v v g 1m 4 1 ' +
  'yn 7 0 4 0 2 0 f 0 5h 1 g 14 24 3 a 3 2 ls 1w 23 1p 5d 4 0 r 0 2 0 1 1 1 0 a 0 4 0 1 0 1 5 1 3 ' +
  '1 0 1 0 1 0 3 0 2 0 1 1 1 0 1 0 1 0 1 0 1 0 2 0 1 1 4 0 7 0 4 0 4 0 1 0 a 0 h 4 3 0 5 0 h 1f 2 ' +
  '7h 18 3 2s b f 1 f 0 f 0 11 9 4u 1j t c 18 3 9 6 2 d 6 49 rc 4 g 2 d 2 38 b 2h 6 c 3 1 e c 3 1k ' +
  '7 a 5 14 7 u 1 2 25 9g b e 1 5 2 5 2 7 8 t 2 b 4 6 9 a 5 8 7 7 8 43 0 1j 10 a sl wyo v 37d 6 66 ' +
  '1 4g2 d 5rl 2e6 f2 15t 3t7 fcms 6o 47bj';

const [NP_START, NP_END] = decodeRanges(NON_PRINTABLE_RANGES);

function decodeRanges(encoded: string): [Int32Array, Int32Array] {
  const nums = encoded.split(' ').map((t) => parseInt(t, 36));
  const starts = new Int32Array(nums.length / 2);
  const ends = new Int32Array(nums.length / 2);
  let next = 0;
  for (let k = 0; k < starts.length; k++) {
    starts[k] = next + nums[2 * k]!;
    ends[k] = starts[k]! + nums[2 * k + 1]!;
    next = ends[k]! + 1;
  }
  return [starts, ends];
}
