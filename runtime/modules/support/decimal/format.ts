/**
 * Decimal.__format__: the format mini-language as CPython's C decimal
 * (libmpdec) reads it — fill, align, sign, `z`, `0`, width, `,`, precision
 * and the types e E f F g G n % — with rounding in the context's mode.
 */
import { dropDigits } from './rounding.js';
import type { Rounding } from './signals.js';
import { type Dec, FINITE, INF, SNAN, fin, ndigits, pow10 } from './value.js';

const SPEC = /^(?:([\s\S])?([<>=^]))?([-+ ])?(z)?(0)?([0-9]+)?(,)?(?:\.([0-9]+))?([eEfFgGn%])?$/u;

export class FormatError extends Error {}

/** d with exactly `digits` significant digits (padding with zeros or rounding). */
function toDigits(d: Dec, digits: number, mode: Rounding): Dec {
  const n = ndigits(d.coef);
  if (n === digits) return d;
  if (n < digits) return fin(d.sign, d.coef * pow10(digits - n), d.exp - (digits - n));
  const r = rounded(d, d.exp + n - digits, mode);
  // Rounding up to a new digit (9.99 -> 10.0): the last digit is a zero, drop it.
  return ndigits(r.coef) > digits ? fin(r.sign, r.coef / 10n, r.exp + 1) : r;
}

/** d rescaled to exponent `exp`. */
function rounded(d: Dec, exp: number, mode: Rounding): Dec {
  if (exp <= d.exp) return fin(d.sign, d.coef * pow10(d.exp - exp), exp);
  return fin(d.sign, dropDigits(d.coef, exp - d.exp, d.sign, mode).coef, exp);
}

function group(digits: string, minWidth: number): string {
  const sep = (s: string): string => s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  let d = digits;
  let g = sep(d);
  while (g.length < minWidth) {
    d = `0${d}`;
    g = sep(d);
  }
  return g;
}

export function formatDecimal(d: Dec, spec: string, mode: Rounding, capitals: boolean): string {
  const m = SPEC.exec(spec);
  if (m === null) throw new FormatError('invalid format string');
  const [, fillText, alignText, signText, zText, zeroText, widthText, commaText, precText, typeText] = m;
  if (zeroText !== undefined && alignText !== undefined) throw new FormatError('invalid format string');
  if (typeText === 'n' && commaText !== undefined) throw new FormatError('invalid format string');
  let fill = fillText ?? ' ';
  let align = alignText ?? '>';
  const zeroPad = zeroText !== undefined;
  if (zeroPad) {
    fill = '0';
    align = '=';
  }
  const width = widthText === undefined ? 0 : Number(widthText);
  let precision = precText === undefined ? null : Number(precText);
  const type = typeText === undefined ? (capitals ? 'G' : 'g') : typeText === 'n' ? 'g' : typeText;
  let negative = d.sign === 1;
  let body: string;
  if (d.kind !== FINITE) {
    body = d.kind === INF ? 'Infinity' : `${d.kind === SNAN ? 'sNaN' : 'NaN'}${d.coef === 0n ? '' : d.coef}`;
    if (type === '%') body += '%';
    if (zeroPad) {
      fill = ' ';
      align = '>';
    }
  } else {
    // CPython's 'z' makes a zero positive, for 'F' only one that was zero before rounding.
    const wasZero = d.coef === 0n;
    if (type === '%') d = fin(d.sign, d.coef, d.exp + 2);
    if (precision !== null) {
      if (type === 'e' || type === 'E') {
        if (d.coef !== 0n) d = toDigits(d, precision + 1, mode);
      } else if (type === 'f' || type === 'F' || type === '%') {
        d = rounded(d, -precision, mode);
      } else {
        if (precision === 0) precision = 1;
        if (ndigits(d.coef) > precision) d = toDigits(d, precision, mode);
      }
    }
    if (d.coef === 0n && d.exp > 0 && (type === 'f' || type === 'F' || type === '%')) d = fin(d.sign, 0n, 0);
    if (d.coef === 0n && zText !== undefined && (type !== 'F' || wasZero)) negative = false;
    const digits = d.coef.toString();
    const leftdigits = d.exp + digits.length;
    let dot: number;
    if (type === 'e' || type === 'E') dot = d.coef === 0n && precision !== null ? 1 - precision : 1;
    else if (type === 'f' || type === 'F' || type === '%') dot = leftdigits;
    else dot = d.exp <= 0 && leftdigits > -6 ? leftdigits : 1;
    let intPart: string;
    let fracPart: string;
    if (dot <= 0) {
      intPart = '0';
      fracPart = '0'.repeat(-dot) + digits;
    } else if (dot >= digits.length) {
      intPart = digits + '0'.repeat(dot - digits.length);
      fracPart = '';
    } else {
      intPart = digits.slice(0, dot);
      fracPart = digits.slice(dot);
    }
    const exp = leftdigits - dot;
    let tail = fracPart === '' ? '' : `.${fracPart}`;
    if (exp !== 0 || type === 'e' || type === 'E') {
      tail += `${type === 'E' || type === 'G' ? 'E' : 'e'}${exp < 0 ? '-' : '+'}${Math.abs(exp)}`;
    }
    if (type === '%') tail += '%';
    const signLength = negative || signText === '+' || signText === ' ' ? 1 : 0;
    if (commaText !== undefined || zeroPad) {
      const minWidth = zeroPad ? width - signLength - tail.length : 0;
      intPart = commaText !== undefined ? group(intPart, minWidth) : intPart.padStart(minWidth, '0');
    }
    body = intPart + tail;
  }
  const sign = negative ? '-' : signText === '+' ? '+' : signText === ' ' ? ' ' : '';
  const pad = Math.max(0, width - [...sign].length - [...body].length);
  const fillRun = (n: number): string => fill.repeat(n);
  switch (align) {
    case '<': return sign + body + fillRun(pad);
    case '=': return sign + fillRun(pad) + body;
    case '^': return fillRun(Math.floor(pad / 2)) + sign + body + fillRun(pad - Math.floor(pad / 2));
    default: return fillRun(pad) + sign + body;
  }
}
