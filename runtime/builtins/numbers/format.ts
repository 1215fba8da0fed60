/**
 * format(x, spec) for int, bool, float and complex: CPython's
 * format_long_internal, format_float_internal and format_complex_internal
 * on top of the shared spec parser, with their layout rules (sign, '#'
 * prefix, zero padding grouped like the digits, fill and alignment) and
 * errors. Registered as the number hook of str's format machinery.
 */
import { PyComplex, PyFloat, isFloatNumber, typeName } from '../values.js';
import { MemoryError, OverflowError, ValueError } from '../exceptions.js';
import { SpecCache, formatHooks, parseFormatSpec, unknownFormatCode, type FormatSpec } from '../str/formatSpec.js';
import { bigToFloat } from './core.js';
import { formatFloatShort } from './digits.js';
import { intToString, reprComplex, reprNumber } from './repr.js';

const FLOAT_SPECS = new SpecCache('float', '', '>');
const INT_SPECS = new SpecCache('int', 'd', '>');

/** Python's format(v, spec) for a number. */
export function formatNumber(v: number | bigint | boolean | PyFloat | PyComplex, spec: string): string {
  if (v instanceof PyComplex) return spec.length === 0 ? reprComplex(v) : formatComplex(v, spec);
  if (spec.length === 0) return reprNumber(v);
  if (v instanceof PyFloat) return formatFloat(v.value, FLOAT_SPECS.parse(spec));
  // A float's true value: `+ 0` turns the -0 of 0.0 into +0 (values.ts).
  if (typeof v === 'number' && isFloatNumber(v)) return formatFloat(v + 0, FLOAT_SPECS.parse(spec));
  const objType = typeName(v);
  const f = objType === 'int' ? INT_SPECS.parse(spec) : parseFormatSpec(spec, objType, 'd', '>');
  const int: number | bigint = typeof v === 'boolean' ? (v ? 1 : 0) : v;
  switch (f.type) {
    case 'b':
    case 'c':
    case 'd':
    case 'o':
    case 'x':
    case 'X':
    case 'n':
      return formatInt(int, f);
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case '%':
      return formatFloat(typeof int === 'bigint' ? bigToFloat(int) : int, f);
  }
  throw unknownFormatCode(f.type, objType);
}

function formatInt(v: number | bigint, f: Readonly<FormatSpec>): string {
  if (f.precision >= 0) throw new ValueError('Precision not allowed in integer format specifier');
  if (f.noNegZero) throw new ValueError('Negative zero coercion (z) not allowed in integer format specifier');
  if (f.type === 'c') {
    if (f.sign !== '') throw new ValueError("Sign not allowed with integer format specifier 'c'");
    if (f.alternate) throw new ValueError("Alternate form (#) not allowed with integer format specifier 'c'");
    if (typeof v === 'bigint' && (v > 9223372036854775807n || v < -9223372036854775808n)) {
      throw new OverflowError('Python int too large to convert to C long');
    }
    if (v < 0 || v > 0x10ffff) throw new OverflowError('%c arg not in range(0x110000)');
    // The character goes through as a "remainder": never grouped or zero-padded.
    return layout(f, '', '', '', false, String.fromCodePoint(Number(v)), ',', 0);
  }
  const negative = v < 0;
  const magnitude = negative ? -v : v;
  let digits: string;
  let prefix = '';
  let groupSize = 3;
  switch (f.type) {
    case 'b':
      digits = magnitude.toString(2);
      prefix = '0b';
      groupSize = 4;
      break;
    case 'o':
      digits = magnitude.toString(8);
      prefix = '0o';
      groupSize = 4;
      break;
    case 'x':
      digits = magnitude.toString(16);
      prefix = '0x';
      groupSize = 4;
      break;
    case 'X':
      digits = magnitude.toString(16).toUpperCase();
      prefix = '0X';
      groupSize = 4;
      break;
    default:
      digits = intToString(magnitude);
  }
  if (!f.alternate) prefix = '';
  // 'n' groups by the locale: none in the C locale.
  const sep = f.type === 'n' ? '' : f.grouping;
  return layout(f, negative ? '-' : '', prefix, digits, false, '', sep, groupSize);
}

function formatFloat(val: number, f: Readonly<FormatSpec>): string {
  if (f.precision > 2147483647) throw new ValueError('precision too big');
  let type = f.type;
  let precision = f.precision;
  let defaultPrecision = 6;
  let addDot0 = false;
  if (type === '') {
    // No type: like repr without a precision, like 'g' (keeping a '.0') with one.
    addDot0 = true;
    type = 'r';
    defaultPrecision = 0;
  } else if (!'eEfFgGn%'.includes(type) || type.length !== 1) {
    throw unknownFormatCode(type, 'float');
  }
  if (type === 'n') type = 'g';
  let addPct = false;
  if (type === '%') {
    type = 'f';
    val *= 100;
    addPct = true;
  }
  if (precision < 0) precision = defaultPrecision;
  else if (type === 'r') type = 'g';
  const lower = type.toLowerCase() as 'e' | 'f' | 'g' | 'r';
  let buf = formatFloatShort(val, lower, precision, false, addDot0, f.alternate, f.noNegZero, type !== lower);
  if (addPct) buf += '%';
  if (f.sign !== '+' && f.sign !== ' ' && f.width < 0 && f.type !== 'n' && f.grouping === '') return buf;
  return layoutFloat(buf, f, f.type === 'n' ? '' : f.grouping);
}

/** Splits a formatted float into sign, leading digits, decimal point and remainder, then lays it out. */
function layoutFloat(buf: string, f: Readonly<FormatSpec>, sep: string): string {
  let i = 0;
  let sign = '';
  if (buf.charCodeAt(0) === 0x2d) {
    sign = '-';
    i = 1;
  }
  let j = i;
  while (j < buf.length && buf.charCodeAt(j) >= 0x30 && buf.charCodeAt(j) <= 0x39) j++;
  const digits = buf.slice(i, j);
  const hasDecimal = buf.charCodeAt(j) === 0x2e;
  const remainder = buf.slice(hasDecimal ? j + 1 : j);
  return layout(f, sign, '', digits, hasDecimal, remainder, sep, 3);
}

/**
 * CPython's calc_number_widths and fill_number:
 * [lpad][sign][prefix][spad][grouped digits][.][remainder][rpad].
 * With '0' fill and '=' alignment the padding is zeros inside the grouping.
 */
function layout(
  f: Readonly<FormatSpec>,
  signChar: string,
  prefix: string,
  digits: string,
  hasDecimal: boolean,
  remainder: string,
  sep: string,
  groupSize: number,
): string {
  let sign = '';
  if (f.sign === '+') sign = signChar === '-' ? '-' : '+';
  else if (f.sign === ' ') sign = signChar === '-' ? '-' : ' ';
  else sign = signChar;
  const remainderLen = remainder.length === 2 && remainder.codePointAt(0)! > 0xffff ? 1 : remainder.length;
  const nonDigits = sign.length + prefix.length + (hasDecimal ? 1 : 0) + remainderLen;
  const fill = f.fill === '' ? ' ' : f.fill;
  const align = f.align === '' ? '>' : f.align;
  const minWidth = fill === '0' && align === '=' ? f.width - nonDigits : 0;
  if (minWidth > 0x7fffffff) throw new MemoryError();
  const grouped = digits.length === 0 ? '' : group(digits, minWidth, sep, groupSize);
  const padding = f.width - (nonDigits + grouped.length);
  let lpad = 0;
  let spad = 0;
  let rpad = 0;
  if (padding > 0) {
    if (padding > 0x7fffffff) throw new MemoryError();
    if (align === '<') rpad = padding;
    else if (align === '^') {
      lpad = padding >> 1;
      rpad = padding - lpad;
    } else if (align === '=') spad = padding;
    else lpad = padding;
  }
  return (
    (lpad > 0 ? fill.repeat(lpad) : '') +
    sign +
    prefix +
    (spad > 0 ? fill.repeat(spad) : '') +
    grouped +
    (hasDecimal ? '.' : '') +
    remainder +
    (rpad > 0 ? fill.repeat(rpad) : '')
  );
}

/**
 * CPython's _PyUnicode_InsertThousandsGrouping: separators every
 * `size` digits from the right, and zeros (grouped as well) up to minWidth.
 */
function group(digits: string, minWidth: number, sep: string, size: number): string {
  let remaining = digits.length;
  if (sep === '') {
    const l = Math.max(remaining, minWidth, 1);
    return '0'.repeat(l - remaining) + digits;
  }
  if (minWidth <= remaining) {
    // No zero padding: plain groups from the right.
    const first = remaining % size || size;
    let out = digits.slice(0, first);
    for (let k = first; k < remaining; k += size) out += sep + digits.slice(k, k + size);
    return out;
  }
  const parts: string[] = [];
  let pos = remaining;
  for (;;) {
    const l = Math.min(size, Math.max(remaining, minWidth, 1));
    const nZeros = Math.max(0, l - remaining);
    const nChars = Math.max(0, Math.min(remaining, l));
    parts.push('0'.repeat(nZeros) + digits.slice(pos - nChars, pos));
    pos -= nChars;
    remaining -= nChars;
    minWidth -= l;
    if (remaining <= 0 && minWidth <= 0) break;
    minWidth -= sep.length;
  }
  return parts.reverse().join(sep);
}

/** format(complex, spec): CPython's format_complex_internal. */
function formatComplex(c: PyComplex, spec: string): string {
  const f = parseFormatSpec(spec, 'complex', '', '>');
  if (f.type !== '' && (!'eEfFgGn'.includes(f.type) || f.type.length !== 1)) throw unknownFormatCode(f.type, 'complex');
  if (f.fill === '0') throw new ValueError('Zero padding is not allowed in complex format specifier');
  if (f.align === '=') throw new ValueError("'=' alignment flag is not allowed in complex format specifier");
  let type = f.type;
  let precision = f.precision;
  let defaultPrecision = 6;
  let skipRe = false;
  let parens = false;
  if (type === '') {
    // Like str(c), unless a precision is given.
    type = 'r';
    defaultPrecision = 0;
    if (c.real === 0 && 1 / c.real > 0) skipRe = true;
    else parens = true;
  }
  if (type === 'n') type = 'g';
  if (precision < 0) precision = defaultPrecision;
  else if (type === 'r') type = 'g';
  const lower = type.toLowerCase() as 'e' | 'f' | 'g' | 'r';
  const upper = type !== lower;
  const sep = f.type === 'n' ? '' : f.grouping;
  const reBuf = formatFloatShort(c.real, lower, precision, false, false, f.alternate, f.noNegZero, upper);
  const imBuf = formatFloatShort(c.imag, lower, precision, false, false, f.alternate, f.noNegZero, upper);
  // Both parts without padding; the imaginary one always signed unless it stands alone.
  const bare: FormatSpec = { ...f, fill: '', align: '<', width: -1 };
  const re = skipRe ? '' : layoutFloat(reBuf, bare, sep);
  const im = layoutFloat(imBuf, skipRe ? bare : { ...bare, sign: '+' }, sep);
  const body = (parens ? '(' : '') + re + im + 'j' + (parens ? ')' : '');
  const width = f.width;
  const n = body.length;
  if (width <= n) return body;
  const fill = f.fill === '' ? ' ' : f.fill;
  const align = f.align === '' ? '>' : f.align;
  const lpad = align === '>' ? width - n : align === '^' ? (width - n) >> 1 : 0;
  return fill.repeat(lpad) + body + fill.repeat(width - n - lpad);
}

formatHooks.number = formatNumber;
