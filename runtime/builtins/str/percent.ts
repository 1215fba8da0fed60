/**
 * `fmt % args` for str: CPython's PyUnicode_Format, step for step (argument
 * consumption order decides which error comes first). Floats are printed
 * by the numbers module through formatHooks.number.
 */
import { OverflowError, TypeError, ValueError } from '../exceptions.js';
import { repr, str } from '../repr.js';
import { BASE_VALUE, PyBoxed, PyBytes, PyFloat, PyTuple, float, isIntNumber, typeName, unbox } from '../values.js';
import { indexArg } from './args.js';
import { codePoints, cpIndex, cpLength, fromCodePoints } from './core.js';
import { formatHooks } from './formatSpec.js';
import { getitem, isMapping } from './hooks.js';
import { ascii } from './repr.js';
import { callSpecial } from '../special.js';

const F_LJUST = 1;
const F_SIGN = 2;
const F_BLANK = 4;
const F_ALT = 8;
const F_ZERO = 16;

/** The argument cursor (CPython's ctx->args/arglen/argidx). */
interface Args {
  current: unknown;
  length: number;
  index: number;
}

function nextArg(a: Args): unknown {
  if (a.index < a.length) {
    const i = a.index++;
    return a.length < 0 ? a.current : (a.current as PyTuple)[i];
  }
  throw new TypeError('not enough arguments for format string');
}

function isIntValue(v: unknown): v is number | bigint | boolean {
  return (typeof v === 'number' && isIntNumber(v)) || typeof v === 'bigint' || typeof v === 'boolean';
}

function starArg(a: Args, cInt: boolean): number {
  const v = nextArg(a);
  if (!isIntValue(v)) throw new TypeError('* wants int');
  return indexArg(v, cInt);
}

/** An int argument for %d/%x… (floats truncate for %d), or the TypeError. */
function intValue(v: unknown, type: string): bigint | number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number' && isIntNumber(v)) return v;
  if (typeof v === 'bigint') return v;
  const isFloatValue = typeof v === 'number' || v instanceof PyFloat;
  if (isFloatValue && type !== 'x' && type !== 'X' && type !== 'o') {
    const x = typeof v === 'number' ? v : v.value;
    if (x !== x) throw new ValueError('cannot convert float NaN to integer');
    if (!Number.isFinite(x)) throw new OverflowError('cannot convert float infinity to integer');
    const t = Math.trunc(x);
    return Number.isSafeInteger(t) ? t + 0 : BigInt(t);
  }
  // An int subclass's instance formats as its value; a float subclass's as its class's __int__ makes it (float's truncates).
  if (v instanceof PyBoxed && kindOfBase(v) !== 'other') {
    const base = v[BASE_VALUE];
    if (typeof base === 'number' && isIntNumber(base)) return base;
    if (typeof base === 'bigint' || type === 'x' || type === 'X' || type === 'o') return intValue(base, type);
    return intValue(callSpecial(v, '__int__'), type);
  }
  if (type === 'x' || type === 'X' || type === 'o') {
    throw new TypeError(`%${type} format: an integer is required, not ${typeName(v)}`);
  }
  throw new TypeError(`%${type} format: a real number is required, not ${typeName(v)}`);
}

/** _PyUnicode_FormatLong: sign, `0x`/`0o` prefix with '#', digits zero-padded to the precision. */
function formatLong(v: bigint | number, alt: boolean, prec: number, type: string): string {
  const negative = v < 0;
  const magnitude = negative ? -v : v;
  const radix = type === 'x' || type === 'X' ? 16 : type === 'o' ? 8 : 10;
  let digits = magnitude.toString(radix);
  if (prec > digits.length) digits = '0'.repeat(prec - digits.length) + digits;
  let prefix = alt && radix !== 10 ? (radix === 16 ? '0x' : '0o') : '';
  if (type === 'X') {
    digits = digits.toUpperCase();
    prefix = prefix.toUpperCase();
  }
  return (negative ? '-' : '') + prefix + digits;
}

/** A float argument for %e/%f/%g, or `must be real number`. */
function floatValue(v: unknown): number {
  // `+ 0`: the -0 of 0.0 is +0 (values.ts).
  if (typeof v === 'number') return v + 0;
  if (v instanceof PyFloat) return v.value;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') {
    const x = Number(v);
    if (!Number.isFinite(x)) throw new OverflowError('int too large to convert to float');
    return x;
  }
  if (v instanceof PyBoxed && kindOfBase(v) !== 'other') {
    // A float subclass's instance is its value; an int subclass's is what its class's __float__ makes (int's converts).
    const base = v[BASE_VALUE];
    return base instanceof PyFloat || (typeof base === 'number' && !isIntNumber(base)) ? floatValue(base) : floatValue(callSpecial(v, '__float__'));
  }
  throw new TypeError(`must be real number, not ${typeName(v)}`);
}

/** PyOS_double_to_string(x, type, prec, alt) through the numbers module. */
function formatFloat(x: number, type: string, prec: number, alt: boolean): string {
  if (!formatHooks.number) throw new globalThis.Error('%-formatting floats needs formatHooks.number (the numbers module)');
  return formatHooks.number(float(x), `${alt ? '#' : ''}.${prec}${type}`);
}

function kindOfBase(v: PyBoxed): 'number' | 'other' {
  const base = v[BASE_VALUE];
  return typeof base === 'number' || typeof base === 'bigint' || base instanceof PyFloat ? 'number' : 'other';
}

/** %c: one character from an int or a str of length one. */
function formatChar(v: unknown): string {
  v = unbox(v);
  if (typeof v === 'string') {
    if (cpLength(v) === 1) return v;
  } else if (isIntValue(v)) {
    const c = typeof v === 'boolean' ? (v ? 1 : 0) : v;
    if (c < 0 || c > 0x10ffff) throw new OverflowError('%c arg not in range(0x110000)');
    return String.fromCodePoint(Number(c));
  }
  throw new TypeError('%c requires int or char');
}

/** %s/%b in bytes formatting: the bytes themselves. */
function bytesText(v: unknown): string {
  v = unbox(v);
  if (v instanceof PyBytes) {
    let s = '';
    for (const b of v.bytes) s += String.fromCharCode(b);
    return s;
  }
  throw new TypeError(`%b requires a bytes-like object, or an object that implements __bytes__, not '${typeName(v)}'`);
}

/** %c in bytes formatting: an int in range(256) or a single byte. */
function byteChar(v: unknown): string {
  v = unbox(v);
  if (v instanceof PyBytes && v.bytes.length === 1) return String.fromCharCode(v.bytes[0]!);
  if (isIntValue(v)) {
    const c = typeof v === 'boolean' ? (v ? 1 : 0) : v;
    if (c < 0 || c > 255) throw new OverflowError('%c arg not in range(256)');
    return String.fromCharCode(Number(c));
  }
  throw new TypeError('%c requires an integer in range(256) or a single byte');
}

/** Reads a run of digits for width or precision; null when there is none. */
function readDigits(fmt: string, pos: number, limit: number, what: string): [number, number] {
  let value = 0;
  let i = pos;
  while (i < fmt.length) {
    const d = fmt.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) break;
    if (value > (limit - d) / 10) throw new ValueError(`${what} too big`);
    value = value * 10 + d;
    i++;
  }
  return [value, i];
}

function isDigitAt(fmt: string, pos: number): boolean {
  const c = fmt.charCodeAt(pos);
  return c >= 0x30 && c <= 0x39;
}

const SSIZE_MAX = 9223372036854775807;
const INT_MAX = 2147483647;

/** `fmt % args`; with `bytes`, fmt and the result are bytes as latin-1 strings (`b'%s' % …`). */
export function percentFormat(fmt: string, args: unknown, bytes = false): string {
  const a: Args =
    args instanceof PyTuple ? { current: args, length: args.length, index: 0 } : { current: args, length: -1, index: -2 };
  // A number, str or other primitive is never a mapping: no hook call for the common `'%d' % n`.
  const dict = args !== null && (typeof args === 'object' || typeof args === 'function') && isMapping(args) ? args : null;
  const n = fmt.length;
  let out = '';
  let pos = 0;
  while (pos < n) {
    const at = fmt.indexOf('%', pos);
    if (at < 0) {
      out += fmt.slice(pos);
      break;
    }
    out += fmt.slice(pos, at);
    pos = at + 1;
    if (fmt.charCodeAt(pos) === 0x25) {
      out += '%';
      pos++;
      continue;
    }
    // A conversion specifier: [(key)][flags][width][.precision][hlL]type.
    if (fmt.charCodeAt(pos) === 0x28) {
      if (dict === null) throw new TypeError('format requires a mapping');
      let depth = 1;
      const keyStart = ++pos;
      while (depth > 0 && pos < n) {
        const c = fmt.charCodeAt(pos++);
        if (c === 0x29) depth--;
        else if (c === 0x28) depth++;
      }
      if (depth > 0) throw new ValueError('incomplete format key');
      a.current = getitem(dict, fmt.slice(keyStart, pos - 1));
      a.length = -1;
      a.index = -2;
    }
    let flags = 0;
    for (; pos < n; pos++) {
      const c = fmt[pos];
      if (c === '-') flags |= F_LJUST;
      else if (c === '+') flags |= F_SIGN;
      else if (c === ' ') flags |= F_BLANK;
      else if (c === '#') flags |= F_ALT;
      else if (c === '0') flags |= F_ZERO;
      else break;
    }
    if (pos >= n) throw new ValueError('incomplete format');
    let width = -1;
    let prec = -1;
    if (fmt[pos] === '*') {
      width = starArg(a, false);
      if (width < 0) {
        flags |= F_LJUST;
        width = -width;
      }
      pos++;
    } else if (isDigitAt(fmt, pos)) {
      const [w, next] = readDigits(fmt, pos, SSIZE_MAX, 'width');
      width = w;
      pos = next;
    }
    if (fmt[pos] === '.') {
      prec = 0;
      pos++;
      if (fmt[pos] === '*') {
        prec = Math.max(starArg(a, true), 0);
        pos++;
      } else {
        [prec, pos] = readDigits(fmt, pos, INT_MAX, 'precision');
      }
    }
    if (pos < n && (fmt[pos] === 'h' || fmt[pos] === 'l' || fmt[pos] === 'L')) pos++;
    if (pos >= n) throw new ValueError('incomplete format');
    const type = String.fromCodePoint(fmt.codePointAt(pos)!);
    pos += type.length;
    const v = nextArg(a);

    let text: string;
    let signed = false;
    switch (bytes && (type === 's' || type === 'b' || type === 'r' || type === 'c') ? 'bytes-' + type : type) {
      case 's':
        text = typeof v === 'string' ? v : str(v);
        break;
      case 'bytes-s':
      case 'bytes-b':
        text = bytesText(v);
        break;
      case 'bytes-r':
        text = ascii(v);
        break;
      case 'bytes-c':
        text = byteChar(v);
        break;
      case 'r':
        text = repr(v);
        break;
      case 'a':
        text = ascii(v);
        break;
      case 'd':
      case 'i':
      case 'u':
      case 'o':
      case 'x':
      case 'X':
        // The common `%d` of a small int: its decimal digits.
        text = typeof v === 'number' && (v | 0) === v && prec < 0 && type !== 'x' && type !== 'X' && type !== 'o'
          ? String(v)
          : formatLong(intValue(v, type), (flags & F_ALT) !== 0, prec, type);
        signed = true;
        break;
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G':
        text = formatFloat(floatValue(v), type, prec < 0 ? 6 : prec, (flags & F_ALT) !== 0);
        signed = true;
        break;
      case 'c':
        text = formatChar(v);
        break;
      default: {
        const c = type.codePointAt(0)!;
        const shown = c >= 31 && c <= 126 ? type : '?';
        throw new ValueError(`unsupported format character '${shown}' (0x${c.toString(16)}) at index ${cpIndex(fmt, pos - type.length)}`);
      }
    }
    out += pad(text, type, flags, width, prec, signed);
    if (dict !== null && a.index < a.length) throw new TypeError(`not all arguments converted during ${bytes ? 'bytes' : 'string'} formatting`);
  }
  if (a.index < a.length && dict === null) throw new TypeError(`not all arguments converted during ${bytes ? 'bytes' : 'string'} formatting`);
  return out;
}

/** unicode_format_arg_output: precision cut for s/r/a, sign, '#' prefix, fill and width. */
function pad(text: string, type: string, flags: number, width: number, prec: number, signed: boolean): string {
  // No width, precision or sign flag (a plain `%s`, `%d`): the text as it is, without counting its code points.
  if (width < 0 && prec < 0 && !(flags & (F_SIGN | F_BLANK))) return text;
  let body = text;
  let len = cpLength(text);
  if (prec >= 0 && len > prec && (type === 's' || type === 'r' || type === 'a')) {
    body = len === text.length ? text.slice(0, prec) : fromCodePoints(codePoints(text).slice(0, prec));
    len = prec;
  }
  if ((width < 0 || width <= len) && !(flags & (F_SIGN | F_BLANK))) return body;
  const fill = signed && flags & F_ZERO ? '0' : ' ';
  let sign = '';
  if (signed) {
    const c = body[0];
    if (c === '-' || c === '+') {
      sign = c;
      body = body.slice(1);
      len--;
    } else if (flags & F_SIGN) {
      sign = '+';
    } else if (flags & F_BLANK) {
      sign = ' ';
    }
  }
  let prefix = '';
  if (flags & F_ALT && (type === 'x' || type === 'X' || type === 'o')) {
    prefix = body.slice(0, 2);
    body = body.slice(2);
    len -= 2;
  }
  const room = Math.max(width, len + sign.length + prefix.length) - len - sign.length - prefix.length;
  if (flags & F_LJUST) return sign + prefix + body + ' '.repeat(room);
  if (fill === '0') return sign + prefix + '0'.repeat(room) + body;
  return ' '.repeat(room) + sign + prefix + body;
}
