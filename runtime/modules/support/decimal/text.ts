/**
 * Decimal numbers as text: the spec's numeric-string syntax (with the
 * underscores and surrounding whitespace Python allows) and its
 * to-scientific-string and to-engineering-string conversions.
 */
import { type Dec, INF, QNAN, SNAN, fin, inf, nan } from './value.js';

// CPython's C decimal drops every underscore before parsing ('1__0', '_1', 'N_aN' are numbers).
const DIGITS = '[0-9]+';
const NUMBER = new RegExp(
  `^([+-]?)(?:(${DIGITS})?(?:\\.(${DIGITS})?)?(?:[eE]([+-]?${DIGITS}))?|(inf|infinity)|(s?nan)(${DIGITS})?)$`,
  'i',
);

// Beyond this an exponent no longer fits a JS number exactly; CPython would accept up to about 1e18.
const EXP_LIMIT = 1e15;

/** Parses a numeric string exactly; null when it is not one (a ConversionSyntax). */
export function parseDecimal(text: string): Dec | null {
  const s = text.trim().replaceAll('_', '');
  const m = NUMBER.exec(s);
  if (m === null) return null;
  const [, signText, intPart, fracPart, expPart, infText, nanText, payload] = m;
  const sign: 0 | 1 = signText === '-' ? 1 : 0;
  if (infText !== undefined) return inf(sign);
  if (nanText !== undefined) {
    const kind = nanText.length === 4 ? SNAN : QNAN;
    return nan(sign, payload === undefined ? 0n : BigInt(payload.replaceAll('_', '')), kind);
  }
  if (intPart === undefined && fracPart === undefined) return null;
  // '1.' and '.5' are numbers, '.' is not (the regexp lets it through with both parts missing).
  const whole = (intPart ?? '').replaceAll('_', '');
  const frac = (fracPart ?? '').replaceAll('_', '');
  let exp = 0;
  if (expPart !== undefined) {
    const e = Number(expPart.replaceAll('_', ''));
    if (!(Math.abs(e) < EXP_LIMIT)) return null;
    exp = e;
  }
  return fin(sign, BigInt(whole + frac || '0'), exp - frac.length);
}

/** The spec's to-scientific-string (`eng` false) or to-engineering-string. */
export function toText(d: Dec, eng: boolean, capitals: boolean): string {
  const sign = d.sign ? '-' : '';
  if (d.kind === INF) return `${sign}Infinity`;
  if (d.kind === QNAN || d.kind === SNAN) {
    const name = d.kind === SNAN ? 'sNaN' : 'NaN';
    return `${sign}${name}${d.coef === 0n ? '' : d.coef.toString()}`;
  }
  const digits = d.coef.toString();
  const leftdigits = d.exp + digits.length;
  let dot: number;
  if (d.exp <= 0 && leftdigits > -6) dot = leftdigits;
  else if (!eng) dot = 1;
  else if (d.coef === 0n) dot = mod3(leftdigits + 1) - 1;
  else dot = mod3(leftdigits - 1) + 1;
  let body: string;
  if (dot <= 0) body = `0.${'0'.repeat(-dot)}${digits}`;
  else if (dot >= digits.length) body = digits + '0'.repeat(dot - digits.length);
  else body = `${digits.slice(0, dot)}.${digits.slice(dot)}`;
  const e = leftdigits - dot;
  if (e !== 0) body += `${capitals ? 'E' : 'e'}${e > 0 ? '+' : '-'}${Math.abs(e)}`;
  return sign + body;
}

function mod3(n: number): number {
  return ((n % 3) + 3) % 3;
}

/** Decimal(float): the float's exact value (every binary fraction has a finite decimal expansion). */
export function fromNumber(x: number): Dec {
  if (Number.isNaN(x)) return nan(0);
  const sign: 0 | 1 = x < 0 || Object.is(x, -0) ? 1 : 0;
  if (!Number.isFinite(x)) return inf(sign);
  let a = Math.abs(x);
  if (a === 0) return fin(sign, 0n, 0);
  // a = m * 2**k with m an odd integer.
  let k = 0;
  while (!Number.isInteger(a)) {
    a *= 2;
    k--;
  }
  let m = BigInt(a);
  if (k === 0) return fin(sign, m, 0);
  // m / 2**-k = m * 5**-k / 10**-k
  while ((m & 1n) === 0n && k < 0) {
    m >>= 1n;
    k++;
  }
  return fin(sign, m * 5n ** BigInt(-k), k);
}

