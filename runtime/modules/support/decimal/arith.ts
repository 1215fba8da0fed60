/**
 * The spec's arithmetic operations: add, subtract, multiply, divide,
 * divide-integer, remainder, fused multiply-add. Each is exact, then fitted
 * to the context once, so that results are correctly rounded.
 */
import { finish } from './rounding.js';
import { type Ctx, DIVISION_BY_ZERO, DIVISION_IMPOSSIBLE, DIVISION_UNDEFINED, CLAMPED, etiny } from './signals.js';
import { type Dec, FINITE, INF, adjusted, fin, inf, ndigits, negate, pow10 } from './value.js';
import { invalid, nanResult } from './nans.js';

export function add(a: Dec, b: Dec, c: Ctx): Dec {
  const n = nanResult(c, a, b);
  if (n !== null) return n;
  if (a.kind === INF) {
    if (b.kind === INF && a.sign !== b.sign) return invalid(c);
    return a;
  }
  if (b.kind === INF) return b;
  return addFinite(a, b, c);
}

export function subtract(a: Dec, b: Dec, c: Ctx): Dec {
  const n = nanResult(c, a, b);
  if (n !== null) return n;
  return add(a, negate(b), c);
}

/** The sign of an exact zero sum: negative only for two negatives, or for opposite signs when rounding toward -inf. */
function zeroSumSign(sa: 0 | 1, sb: 0 | 1, c: Ctx): 0 | 1 {
  if (sa === sb) return sa;
  return c.rounding === 'ROUND_FLOOR' ? 1 : 0;
}

function addFinite(a: Dec, b: Dec, c: Ctx): Dec {
  const ideal = Math.min(a.exp, b.exp);
  if (a.coef === 0n && b.coef === 0n) return finish(zeroSumSign(a.sign, b.sign, c), 0n, ideal, c);
  if (a.coef === 0n || b.coef === 0n) {
    const x = a.coef === 0n ? b : a;
    // Zeros past the rounding position change nothing but the Rounded flag: keep one of them.
    const target = Math.max(ideal, Math.min(etiny(c), adjusted(x) - c.prec + 1) - 1);
    if (x.exp <= target) return finish(x.sign, x.coef, x.exp, c);
    return finish(x.sign, x.coef * pow10(x.exp - target), target, c);
  }
  let [hi, lo] = adjusted(a) >= adjusted(b) ? [a, b] : [b, a];
  // An operand entirely below the rounding position of the result acts only as a sticky bit:
  // any nonzero value under 10**k rounds the same, so 1E(k-1) stands in for it.
  const k = Math.min(hi.exp, adjusted(hi) - c.prec - 2);
  if (adjusted(lo) < k) lo = fin(lo.sign, 1n, k - 1);
  const e = Math.min(hi.exp, lo.exp);
  const x = hi.coef * pow10(hi.exp - e) * (hi.sign ? -1n : 1n);
  const y = lo.coef * pow10(lo.exp - e) * (lo.sign ? -1n : 1n);
  const s = x + y;
  if (s === 0n) return finish(zeroSumSign(a.sign, b.sign, c), 0n, e, c);
  return finish(s < 0n ? 1 : 0, s < 0n ? -s : s, e, c);
}

export function multiply(a: Dec, b: Dec, c: Ctx): Dec {
  const n = nanResult(c, a, b);
  if (n !== null) return n;
  const sign = (a.sign ^ b.sign) as 0 | 1;
  if (a.kind === INF || b.kind === INF) {
    if ((a.kind === FINITE && a.coef === 0n) || (b.kind === FINITE && b.coef === 0n)) return invalid(c);
    return inf(sign);
  }
  return finish(sign, a.coef * b.coef, a.exp + b.exp, c);
}

export function divide(a: Dec, b: Dec, c: Ctx): Dec {
  const n = nanResult(c, a, b);
  if (n !== null) return n;
  const sign = (a.sign ^ b.sign) as 0 | 1;
  if (a.kind === INF) return b.kind === INF ? invalid(c) : inf(sign);
  if (b.kind === INF) {
    c.status |= CLAMPED;
    return fin(sign, 0n, etiny(c));
  }
  if (b.coef === 0n) {
    if (a.coef === 0n) return invalid(c, DIVISION_UNDEFINED);
    c.status |= DIVISION_BY_ZERO;
    return inf(sign);
  }
  const ideal = a.exp - b.exp;
  if (a.coef === 0n) return finish(sign, 0n, ideal, c);
  // Enough digits for prec + 1 of quotient; the remainder then only decides a sticky digit.
  const shift = Math.max(0, c.prec + 1 + ndigits(b.coef) - ndigits(a.coef));
  const num = a.coef * pow10(shift);
  let q = num / b.coef;
  const r = num - q * b.coef;
  let exp = ideal - shift;
  if (r !== 0n) {
    q = q * 10n + 1n;
    exp--;
  } else {
    while (exp < ideal && q % 10n === 0n) {
      q /= 10n;
      exp++;
    }
  }
  return finish(sign, q, exp, c);
}

/** The integer part of |a| / |b| for finite a, b (b nonzero), or null when it has more than prec digits. */
function integerQuotient(a: Dec, b: Dec, c: Ctx): bigint | null {
  if (a.coef === 0n) return 0n;
  const da = adjusted(a);
  const db = adjusted(b);
  if (da - db > c.prec) return null;
  if (da < db - 1) return 0n;
  const q = a.exp >= b.exp ? (a.coef * pow10(a.exp - b.exp)) / b.coef : a.coef / (b.coef * pow10(b.exp - a.exp));
  return ndigits(q) > c.prec ? null : q;
}

export function divideInt(a: Dec, b: Dec, c: Ctx): Dec {
  const n = nanResult(c, a, b);
  if (n !== null) return n;
  const sign = (a.sign ^ b.sign) as 0 | 1;
  if (a.kind === INF) return b.kind === INF ? invalid(c) : inf(sign);
  if (b.kind === INF) return fin(sign, 0n, 0);
  if (b.coef === 0n) {
    if (a.coef === 0n) return invalid(c, DIVISION_UNDEFINED);
    c.status |= DIVISION_BY_ZERO;
    return inf(sign);
  }
  const q = integerQuotient(a, b, c);
  if (q === null) return invalid(c, DIVISION_IMPOSSIBLE);
  return finish(sign, q, 0, c);
}

/** a - b * q exactly, with a's sign, for finite a, b and the integer quotient q. */
function remainderOf(a: Dec, b: Dec, q: bigint, c: Ctx): Dec {
  const e = Math.min(a.exp, b.exp);
  const r = a.coef * pow10(a.exp - e) - q * b.coef * pow10(b.exp - e);
  return finish(a.sign, r, e, c);
}

export function remainder(a: Dec, b: Dec, c: Ctx): Dec {
  const n = nanResult(c, a, b);
  if (n !== null) return n;
  if (a.kind === INF) return invalid(c);
  if (b.kind === INF) return finish(a.sign, a.coef, a.exp, c);
  if (b.coef === 0n) return invalid(c, a.coef === 0n ? DIVISION_UNDEFINED : undefined);
  const q = integerQuotient(a, b, c);
  if (q === null) return invalid(c, DIVISION_IMPOSSIBLE);
  return remainderOf(a, b, q, c);
}

/** divmod(a, b): the integer quotient and the remainder. */
export function divmod(a: Dec, b: Dec, c: Ctx): [Dec, Dec] {
  const n = nanResult(c, a, b);
  if (n !== null) return [n, n];
  const sign = (a.sign ^ b.sign) as 0 | 1;
  if (a.kind === INF) {
    if (b.kind === INF) {
      const r = invalid(c);
      return [r, r];
    }
    return [inf(sign), invalid(c)];
  }
  if (b.kind === INF) return [fin(sign, 0n, 0), finish(a.sign, a.coef, a.exp, c)];
  if (b.coef === 0n) {
    if (a.coef === 0n) {
      const r = invalid(c, DIVISION_UNDEFINED);
      return [r, r];
    }
    c.status |= DIVISION_BY_ZERO;
    return [inf(sign), invalid(c)];
  }
  const q = integerQuotient(a, b, c);
  if (q === null) {
    const r = invalid(c, DIVISION_IMPOSSIBLE);
    return [r, r];
  }
  return [finish(sign, q, 0, c), remainderOf(a, b, q, c)];
}

/** a * b + d with a single rounding. */
export function fma(a: Dec, b: Dec, d: Dec, c: Ctx): Dec {
  const n = nanResult(c, a, b, d);
  if (n !== null) return n;
  const sign = (a.sign ^ b.sign) as 0 | 1;
  let product: Dec;
  if (a.kind === INF || b.kind === INF) {
    if ((a.kind === FINITE && a.coef === 0n) || (b.kind === FINITE && b.coef === 0n)) return invalid(c);
    product = inf(sign);
  } else {
    product = fin(sign, a.coef * b.coef, a.exp + b.exp);
  }
  return add(product, d, c);
}
