/**
 * Decimal digits of doubles as CPython's dtoa gives them, and CPython's
 * format_float_short that lays them out (repr, str, format's e/f/g/%, round).
 *
 * The three dtoa modes: 0 (shortest round-trip digits), 2 (n significant
 * digits) and 3 (n digits after the point), rounding the exact binary value
 * half to even. JS's toExponential/toFixed give the same digits except on
 * exact ties, which they round up: the fast paths detect ties (cheap, exact
 * tests) and leave them, and values toFixed cannot print, to bigint
 * arithmetic.
 */
import { decompose, frMant, frExp, pow2, bigPow10, divRoundHalfEven } from './core.js';

/** Results of the digit functions: digits without trailing zeros, and the decimal point position. */
export let outDigits = '';
export let outDecpt = 0;

function setDigits(digits: string, decpt: number): void {
  // Trailing zeros go: dtoa never returns them.
  let end = digits.length;
  while (end > 0 && digits.charCodeAt(end - 1) === 0x30) end--;
  outDigits = end === digits.length ? digits : digits.slice(0, end);
  outDecpt = decpt;
}

/** Mode 0: the shortest digits that read back as ax (ax > 0, finite). */
export function shortestDigits(ax: number): void {
  const e = ax.toExponential();
  const ePos = e.indexOf('e');
  const digits = ePos > 1 ? e[0]! + e.slice(2, ePos) : e[0]!;
  setDigits(digits, Number(e.slice(ePos + 1)) + 1);
}

/** True when ax * 10 ** s (ax > 0 finite) is exactly halfway between two integers. */
function isTie(ax: number, s: number): boolean {
  if (s >= 0) {
    // ax * 10**s = k + 1/2 needs ax = odd / 2**(s+1) exactly (ax is a dyadic rational).
    const y = ax * pow2(Math.min(s + 1, 1023));
    return Number.isInteger(y) && y % 2 === 1;
  }
  // ax / 10**t = k + 1/2: ax = (2k+1) * 5**t * 2**(t-1), so 5**t divides the mantissa.
  const t = -s;
  if (t > 22 || !Number.isInteger(ax)) return false;
  decompose(ax);
  let m = frMant;
  if (m % 5 ** t !== 0) return false;
  let twos = frExp;
  while (m % 2 === 0) {
    m /= 2;
    twos++;
  }
  return twos + 1 === t;
}

/** round-half-even(ax * 10 ** s) exactly, for finite ax >= 0 and any integer s. */
function scaledExact(ax: number, s: number): bigint {
  decompose(ax);
  let num = BigInt(frMant);
  let den = 1n;
  if (frExp >= 0) num <<= BigInt(frExp);
  else den <<= BigInt(-frExp);
  if (s >= 0) num *= bigPow10(s);
  else den *= bigPow10(-s);
  return divRoundHalfEven(num, den);
}

/**
 * Mode 3: ax (> 0, finite) rounded to p digits after the point (p may be
 * negative: round to tens, hundreds, ...). A result of zero gives no digits
 * and decpt = -p, as dtoa does.
 */
export function fixedDigits(ax: number, p: number): void {
  if (p >= 0 && p <= 100 && ax < 1e21 && !isTie(ax, p)) {
    const s = ax.toFixed(p);
    const dot = s.indexOf('.');
    const intLen = dot < 0 ? s.length : dot;
    const raw = dot < 0 ? s : s.slice(0, dot) + s.slice(dot + 1);
    let z = 0;
    while (z < raw.length && raw.charCodeAt(z) === 0x30) z++;
    if (z === raw.length) {
      outDigits = '';
      outDecpt = -p;
      return;
    }
    setDigits(raw.slice(z), intLen - z);
    return;
  }
  const q = scaledExact(ax, p);
  if (q === 0n) {
    outDigits = '';
    outDecpt = -p;
    return;
  }
  const s = q.toString();
  setDigits(s, s.length - p);
}

/** Mode 2: ax (> 0, finite) rounded to n >= 1 significant digits. */
export function significantDigits(ax: number, n: number): void {
  if (n <= 101) {
    const s = ax.toExponential(n - 1);
    const ePos = s.indexOf('e');
    const exp = Number(s.slice(ePos + 1));
    // A carry (9.99 -> 1.0e+1) moves the exponent: test the tie at both scales.
    if (!isTie(ax, n - 1 - exp) && !isTie(ax, n - exp)) {
      const digits = ePos > 1 ? s[0]! + s.slice(2, ePos) : s[0]!;
      setDigits(digits, exp + 1);
      return;
    }
  }
  let e10 = Math.floor(Math.log10(ax));
  let q = scaledExact(ax, n - 1 - e10);
  const top = bigPow10(n);
  if (q >= top) {
    e10++;
    q = scaledExact(ax, n - 1 - e10);
  } else if (q < bigPow10(n - 1)) {
    e10--;
    q = scaledExact(ax, n - 1 - e10);
    if (q >= top) {
      e10++;
      q = scaledExact(ax, n - 1 - e10);
    }
  }
  setDigits(q.toString(), e10 + 1);
}

/**
 * CPython's format_float_short (PyOS_double_to_string): `code` is 'e', 'f',
 * 'g' or 'r' (repr's shortest digits); `upper` gives 'E', 'INF', 'NAN'.
 */
export function formatFloatShort(
  d: number,
  code: 'e' | 'f' | 'g' | 'r',
  precision: number,
  addSign: boolean,
  addDot0: boolean,
  alt: boolean,
  noNegZero: boolean,
  upper: boolean,
): string {
  if (d !== d) return (addSign ? '+' : '') + (upper ? 'NAN' : 'nan');
  if (d === Infinity || d === -Infinity) return (d < 0 ? '-' : addSign ? '+' : '') + (upper ? 'INF' : 'inf');
  // As PyOS_double_to_string: 'e' asks for one more significant digit, 'g' at least one.
  if (code === 'e') precision++;
  else if (code === 'g' && precision === 0) precision = 1;
  let negative = d < 0 || (d === 0 && 1 / d < 0);
  const ax = Math.abs(d);
  if (code === 'f' && !alt && ax < 1e21 && precision <= 100 && !isTie(ax, precision)) {
    // Fast path: toFixed lays the digits out as this function would.
    const fixed = ax.toFixed(precision);
    if (negative && noNegZero && /^[0.]*$/.test(fixed)) negative = false;
    return (negative ? '-' : addSign ? '+' : '') + fixed;
  }
  if (ax === 0) {
    outDigits = '0';
    outDecpt = 1;
  } else if (code === 'r') shortestDigits(ax);
  else if (code === 'f') fixedDigits(ax, precision);
  else significantDigits(ax, precision);
  const digits = outDigits;
  const digitsLen = digits.length;
  let decpt = outDecpt;
  if (noNegZero && negative && (digitsLen === 0 || digits === '0')) negative = false;

  // The output is a slice [vStart, vEnd) of the digits padded with zeros on both sides.
  let vEnd = digitsLen;
  let useExp = false;
  switch (code) {
    case 'e':
      useExp = true;
      vEnd = precision;
      break;
    case 'f':
      vEnd = decpt + precision;
      break;
    case 'g':
      if (decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision)) useExp = true;
      if (alt) vEnd = precision;
      break;
    case 'r':
      // Exponent from 1e16 on, as repr does.
      if (decpt <= -4 || decpt > 16) useExp = true;
      break;
  }
  let exp = 0;
  if (useExp) {
    exp = decpt - 1;
    decpt = 1;
  }
  const vStart = decpt <= 0 ? decpt - 1 : 0;
  if (!useExp && addDot0) vEnd = vEnd > decpt ? vEnd : decpt + 1;
  else vEnd = vEnd > decpt ? vEnd : decpt;

  let out = negative ? '-' : addSign ? '+' : '';
  if (decpt <= 0) {
    out += '0'.repeat(decpt - vStart) + '.' + '0'.repeat(-decpt);
  } else {
    out += '0'.repeat(-vStart);
  }
  if (decpt > 0 && decpt <= digitsLen) {
    out += digits.slice(0, decpt) + '.' + digits.slice(decpt);
  } else {
    out += digits;
  }
  if (digitsLen < decpt) {
    out += '0'.repeat(decpt - digitsLen) + '.' + '0'.repeat(vEnd - decpt);
  } else {
    out += '0'.repeat(vEnd - digitsLen);
  }
  // A trailing point goes, unless the alternate form keeps it.
  if (out.charCodeAt(out.length - 1) === 0x2e && !alt) out = out.slice(0, -1);
  if (useExp) {
    const a = exp < 0 ? -exp : exp;
    out += (upper ? 'E' : 'e') + (exp < 0 ? '-' : '+') + (a < 10 ? '0' : '') + a;
  }
  return out;
}
