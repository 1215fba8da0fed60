/**
 * The value of a Decimal as the General Decimal Arithmetic spec describes
 * it: a sign, a BigInt coefficient and an exponent for finite numbers, or
 * one of the specials (infinity, quiet and signalling NaN, whose
 * coefficient is the NaN's diagnostic payload). Exponents are JS numbers:
 * exact far beyond any exponent a context allows except the extremes of
 * MAX_EMAX.
 */

export const FINITE = 0;
export const INF = 1;
export const QNAN = 2;
export const SNAN = 3;
export type Kind = typeof FINITE | typeof INF | typeof QNAN | typeof SNAN;

export interface Dec {
  readonly sign: 0 | 1;
  readonly coef: bigint;
  readonly exp: number;
  readonly kind: Kind;
}

export function fin(sign: 0 | 1, coef: bigint, exp: number): Dec {
  return { sign, coef, exp, kind: FINITE };
}

export function inf(sign: 0 | 1): Dec {
  return { sign, coef: 0n, exp: 0, kind: INF };
}

export function nan(sign: 0 | 1 = 0, payload = 0n, kind: Kind = QNAN): Dec {
  return { sign, coef: payload, exp: 0, kind };
}

export const isNaN = (d: Dec): boolean => d.kind >= QNAN;
export const isFinite = (d: Dec): boolean => d.kind === FINITE;
export const isZero = (d: Dec): boolean => d.kind === FINITE && d.coef === 0n;

const POW10: bigint[] = [1n];

/** 10**n, cached for the sizes arithmetic meets most. */
export function pow10(n: number): bigint {
  if (n < 0) throw new RangeError('negative power of ten');
  if (n < 400) {
    while (POW10.length <= n) POW10.push(POW10[POW10.length - 1]! * 10n);
    return POW10[n]!;
  }
  return 10n ** BigInt(n);
}

/** Number of decimal digits of a non-negative coefficient (1 for zero). */
export function ndigits(c: bigint): number {
  if (c < 10n) return 1;
  if (c < 10000000000000000n) return c.toString().length;
  // Long coefficients: estimate from the bit length, then correct by one comparison.
  const bits = c.toString(16).length * 4;
  let est = Math.floor((bits - 4) * 0.30102999566398120) ;
  if (est < 1) est = 1;
  while (pow10(est) <= c) est++;
  return est;
}

/** Adjusted exponent: the exponent of the most significant digit. */
export function adjusted(d: Dec): number {
  return d.exp + ndigits(d.coef) - 1;
}

export function negate(d: Dec): Dec {
  return { ...d, sign: d.sign ? 0 : 1 };
}

export function withSign(d: Dec, sign: 0 | 1): Dec {
  return d.sign === sign ? d : { ...d, sign };
}

/** Removes trailing zeros of the coefficient while the exponent stays at most `maxExp`. */
export function stripZeros(coef: bigint, exp: number, maxExp = Infinity): [bigint, number] {
  if (coef === 0n) return [coef, exp];
  while (exp < maxExp && coef % 10n === 0n) {
    coef /= 10n;
    exp++;
  }
  return [coef, exp];
}
