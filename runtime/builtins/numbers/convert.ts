/**
 * int(x[, base]) and float(x) for numbers, strings and bytes, with CPython's
 * parsing rules (surrounding whitespace, underscores between digits, any
 * Unicode decimal digit, base prefixes) and error messages.
 */
import { BASE_VALUE, PyBoxed, PyBytes, PyFloat, float as floatOfValue, isFloatNumber, isIntNumber, typeName } from '../values.js';
import { OverflowError, TypeError, ValueError } from '../exceptions.js';
import { repr } from '../repr.js';
import { isDecimalCp, isSpaceCp } from '../str/chars.js';
import { isAscii } from '../str/core.js';
import { MAX_SAFE, bigToFloat, intFromBigInt, type PyInt } from './core.js';
import { intDigits } from './repr.js';
import { callSpecial, hasSpecial } from '../special.js';
import { pyIndex } from './index.js';

/** int(x) of a float value: truncation, with CPython's errors for nan and infinities. */
export function floatToInt(x: number): PyInt {
  if (x !== x) throw new ValueError('cannot convert float NaN to integer');
  if (x === Infinity || x === -Infinity) throw new OverflowError('cannot convert float infinity to integer');
  const t = Math.trunc(x);
  return t <= MAX_SAFE && t >= -MAX_SAFE ? t + 0 : BigInt(t);
}

/** An int or bool argument as a JS number clipped to the 64-bit range, as PyNumber_AsSsize_t does. */
function indexClipped(v: unknown): number | undefined {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number' && isIntNumber(v)) return v;
  if (typeof v === 'bigint') return v > 0n ? Number.MAX_SAFE_INTEGER * 1024 : -Number.MAX_SAFE_INTEGER * 1024;
  return undefined;
}

/** Python's int(x) and int(x, base). */
export function int(x: unknown = 0, base?: unknown): PyInt {
  if (base === undefined) {
    switch (typeof x) {
      case 'number':
        return Number.isInteger(x) ? x + 0 : floatToInt(x);
      case 'bigint':
        return x;
      case 'boolean':
        return x ? 1 : 0;
      case 'string':
        return parseIntText(asciiText(x), 10, x);
    }
    if (x instanceof PyFloat) return floatToInt(x.value);
    if (x instanceof PyBytes) return parseIntText(bytesText(x), 10, x);
    // Its class's __int__, __index__ or __trunc__ first (a str subclass may define them); int's and float's have __int__.
    const own = intFromSpecial(x);
    if (own !== undefined) return own;
    // A str or bytes subclass's instance parses as its value.
    if (x instanceof PyBoxed && (typeof x[BASE_VALUE] === 'string' || x[BASE_VALUE] instanceof PyBytes)) return int(x[BASE_VALUE]);
    throw new TypeError(`int() argument must be a string, a bytes-like object or a real number, not '${typeName(x)}'`);
  }
  const b = indexClipped(base);
  if (b === undefined) throw new TypeError(`'${typeName(base)}' object cannot be interpreted as an integer`);
  if ((b !== 0 && b < 2) || b > 36) throw new ValueError('int() base must be >= 2 and <= 36, or 0');
  if (typeof x === 'string') return parseIntText(asciiText(x), b, x);
  if (x instanceof PyBytes) return parseIntText(bytesText(x), b, x);
  if (x instanceof PyBoxed && (typeof x[BASE_VALUE] === 'string' || x[BASE_VALUE] instanceof PyBytes)) return int(x[BASE_VALUE], base);
  throw new TypeError("int() can't convert non-string with explicit base");
}

/**
 * CPython's _PyUnicode_TransformDecimalAndSpaceToASCII: non-ASCII
 * whitespace becomes ' ', non-ASCII decimal digits their ASCII digit; any
 * other non-ASCII character ends the text with '?' (so that parsing fails).
 */
function asciiText(s: string): string {
  if (isAscii(s)) return s;
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out += ch;
    else if (isSpaceCp(c)) out += ' ';
    else if (isDecimalCp(c)) out += String.fromCharCode(0x30 + decimalValue(c));
    else return out + '?';
  }
  return out;
}

/** The value of a Unicode decimal digit: decimal digits come in runs of ten, 0 to 9. */
function decimalValue(c: number): number {
  let start = c;
  while (isDecimalCp(start - 1)) start--;
  return (c - start) % 10;
}

/** bytes as text of the same code units (non-ASCII bytes can only fail to parse). */
function bytesText(b: PyBytes): string {
  let out = '';
  for (const byte of b.bytes) out += String.fromCharCode(byte);
  return out;
}

/** C's isspace in the C locale, which CPython's number parsers skip. */
function isCSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

function digitValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const l = c | 0x20;
  if (l >= 0x61 && l <= 0x7a) return l - 0x61 + 10;
  return 99;
}

/** %.200R: the repr, cut to 200 characters. */
function repr200(v: unknown): string {
  const r = repr(v);
  if (r.length <= 200) return r;
  const cps = Array.from(r);
  return cps.length <= 200 ? r : cps.slice(0, 200).join('');
}

function invalidLiteral(base: number, orig: unknown): ValueError {
  return new ValueError(`invalid literal for int() with base ${base}: ${repr200(orig)}`);
}

/** CPython's PyLong_FromString on the transformed text `t`; `orig` is named in errors. */
function parseIntText(t: string, base: number, orig: unknown): PyInt {
  const n = t.length;
  let i = 0;
  while (i < n && isCSpace(t.charCodeAt(i))) i++;
  let negative = false;
  if (t[i] === '+' || t[i] === '-') {
    negative = t[i] === '-';
    i++;
  }
  let b = base;
  let errorIfNonzero = false;
  const c0 = t.charCodeAt(i);
  const c1 = t.charCodeAt(i + 1) | 0x20;
  if (b === 0) {
    if (c0 !== 0x30) b = 10;
    else if (c1 === 0x78) b = 16;
    else if (c1 === 0x6f) b = 8;
    else if (c1 === 0x62) b = 2;
    else {
      // "Old-style" octal (010) is invalid, though zeros alone are fine.
      errorIfNonzero = true;
      b = 10;
    }
  }
  if (c0 === 0x30 && ((b === 16 && c1 === 0x78) || (b === 8 && c1 === 0x6f) || (b === 2 && c1 === 0x62))) {
    i += 2;
    if (t[i] === '_') i++; // one underscore may follow the prefix
  }
  if (t[i] === '_') throw invalidLiteral(base, orig);
  const start = i;
  let digits = 0;
  let underscores = false;
  let prevUnderscore = false;
  for (; i < n; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x5f) {
      if (prevUnderscore) throw invalidLiteral(base, orig);
      prevUnderscore = true;
      underscores = true;
      continue;
    }
    if (digitValue(c) >= b) break;
    digits++;
    prevUnderscore = false;
  }
  if (prevUnderscore || digits === 0) throw invalidLiteral(base, orig);
  if ((b & (b - 1)) !== 0 && intDigits.limit > 0 && digits > intDigits.limit) {
    throw new ValueError(
      `Exceeds the limit (${intDigits.limit} digits) for integer string conversion: value has ${digits} digits; use sys.set_int_max_str_digits() to increase the limit`,
    );
  }
  const end = i;
  while (i < n && isCSpace(t.charCodeAt(i))) i++;
  if (i !== n) throw invalidLiteral(base, orig);
  let text = t.slice(start, end);
  if (underscores) text = text.replace(/_/g, '');
  const value = digitsValue(text, b);
  if (errorIfNonzero && value !== 0) throw invalidLiteral(base, orig);
  if (typeof value === 'number') return negative ? 0 - value : value;
  return intFromBigInt(negative ? -value : value);
}

/** The value of validated digits in base b. */
function digitsValue(text: string, b: number): PyInt {
  if (b === 10) {
    if (text.length <= 15) return Number(text);
    return intFromBigInt(BigInt(text));
  }
  if (b === 16 || b === 8 || b === 2) return intFromBigInt(BigInt((b === 16 ? '0x' : b === 8 ? '0o' : '0b') + text));
  const small = parseInt(text, b);
  if (small <= MAX_SAFE) return small;
  // Chunks of digits whose value fits a double exactly, combined in bigint.
  const chunk = Math.floor(53 / Math.log2(b)) - 1;
  let value = 0n;
  for (let k = 0; k < text.length; k += chunk) {
    const part = text.slice(k, k + chunk);
    value = value * BigInt(b) ** BigInt(part.length) + BigInt(parseInt(part, b));
  }
  return intFromBigInt(value);
}

const SPECIAL_RE = /^([+-]?)(?:(inf|infinity)|nan)$/i;

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * Whether `t` is all a decimal float's form, `[+-]digits[.digits][e[+-]digits]`
 * with a digit before or after the point (no space, underscore or other
 * character): then Number reads it as float() does.
 */
function plainDecimal(t: string): boolean {
  let i = 0;
  let c = t.charCodeAt(0);
  if (c === 0x2b || c === 0x2d) c = t.charCodeAt(++i);
  let digits = 0;
  while (isDigitCode(c)) {
    digits++;
    c = t.charCodeAt(++i);
  }
  if (c === 0x2e) {
    c = t.charCodeAt(++i);
    while (isDigitCode(c)) {
      digits++;
      c = t.charCodeAt(++i);
    }
  }
  if (digits === 0) return false;
  if (c === 0x65 || c === 0x45) {
    c = t.charCodeAt(++i);
    if (c === 0x2b || c === 0x2d) c = t.charCodeAt(++i);
    if (!isDigitCode(c)) return false;
    while (isDigitCode(c)) c = t.charCodeAt(++i);
  }
  return i === t.length;
}

/** Python's float(x). */
export function float(x: unknown = 0): number | PyFloat {
  switch (typeof x) {
    case 'number':
      // An int becomes a float; a float (0.0, the -0, included) is itself.
      return isIntNumber(x) ? floatOfValue(x) : x;
    case 'bigint':
      return floatOfValue(bigToFloat(x));
    case 'boolean':
      return floatOfValue(x ? 1 : 0);
    case 'string':
      if (plainDecimal(x)) {
        const value = Number(x);
        return floatOfValue(value);
      }
      return parseFloatText(asciiText(x), x);
  }
  if (x instanceof PyFloat) return x;
  if (x instanceof PyBytes) return parseFloatText(bytesText(x), x);
  // Its class's __float__ or __index__ first (a str subclass may define them), then a str or bytes subclass's value.
  if (hasSpecial(x, '__float__')) {
    const r = callSpecial(x, '__float__');
    if (typeof r === 'number' && isFloatNumber(r)) return r;
    if (r instanceof PyFloat) return r;
    throw new TypeError(`${typeName(x)}.__float__ returned non-float (type ${typeName(r)})`);
  }
  if (hasSpecial(x, '__index__')) return float(pyIndex(x));
  if (x instanceof PyBoxed && (typeof x[BASE_VALUE] === 'string' || x[BASE_VALUE] instanceof PyBytes)) return float(x[BASE_VALUE]);
  throw new TypeError(`float() argument must be a string or a real number, not '${typeName(x)}'`);
}

/** int(x) of an object through its type's __int__, __index__ or __trunc__, in CPython's order. */
function intFromSpecial(x: unknown): PyInt | undefined {
  for (const name of ['__int__', '__index__', '__trunc__']) {
    if (!hasSpecial(x, name)) continue;
    const r = callSpecial(x, name);
    if (typeof r === 'boolean') return r ? 1 : 0;
    if (isIntValue(r)) return r;
    if (name === '__trunc__') return int(r);
    throw new TypeError(`${name} returned non-int (type ${typeName(r)})`);
  }
  return undefined;
}

function isIntValue(v: unknown): v is PyInt {
  return (typeof v === 'number' && isIntNumber(v)) || typeof v === 'bigint';
}

function parseFloatText(t: string, orig: unknown): number | PyFloat {
  let s = t;
  if (s.includes('_')) {
    // Underscores only between digits (checked before stripping, as CPython does).
    if (/(^|[^0-9])_|_($|[^0-9])/.test(s)) throw cannotConvert(orig);
    s = s.replace(/_/g, '');
  }
  let a = 0;
  let z = s.length;
  while (a < z && isCSpace(s.charCodeAt(a))) a++;
  while (z > a && isCSpace(s.charCodeAt(z - 1))) z--;
  s = s.slice(a, z);
  let value: number;
  if (plainDecimal(s)) value = Number(s);
  else {
    const m = SPECIAL_RE.exec(s);
    if (m === null) throw cannotConvert(orig);
    value = m[2] !== undefined ? (m[1] === '-' ? -Infinity : Infinity) : NaN;
  }
  return floatOfValue(value);
}

function cannotConvert(orig: unknown): ValueError {
  return new ValueError(`could not convert string to float: ${repr(orig)}`);
}
