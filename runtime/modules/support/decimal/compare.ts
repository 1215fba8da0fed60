/**
 * Orderings of Decimal values: numerical comparison (the spec's compare,
 * NaNs excluded by the caller) and the total ordering of compare_total.
 */
import { type Dec, FINITE, INF, QNAN, adjusted, pow10 } from './value.js';

/** Compares |a| and |b| for finite a, b: -1, 0 or 1. */
export function cmpMagnitude(a: Dec, b: Dec): number {
  const za = a.coef === 0n;
  const zb = b.coef === 0n;
  if (za || zb) return za && zb ? 0 : za ? -1 : 1;
  const ea = adjusted(a);
  const eb = adjusted(b);
  if (ea !== eb) return ea < eb ? -1 : 1;
  // Same adjusted exponent: aligning costs at most the longer coefficient's length.
  const e = Math.min(a.exp, b.exp);
  const ca = a.coef * pow10(a.exp - e);
  const cb = b.coef * pow10(b.exp - e);
  return ca < cb ? -1 : ca > cb ? 1 : 0;
}

/** Numerical comparison of two non-NaN values (infinities included). */
export function cmpNumbers(a: Dec, b: Dec): number {
  const za = a.kind === FINITE && a.coef === 0n;
  const zb = b.kind === FINITE && b.coef === 0n;
  if (za && zb) return 0;
  const sa = za ? 0 : a.sign ? -1 : 1;
  const sb = zb ? 0 : b.sign ? -1 : 1;
  if (sa !== sb) return sa < sb ? -1 : 1;
  // Same sign, both nonzero.
  let m: number;
  if (a.kind === INF || b.kind === INF) m = a.kind === b.kind ? 0 : a.kind === INF ? 1 : -1;
  else m = cmpMagnitude(a, b);
  return sa < 0 ? -m : m;
}

/** The spec's total ordering (compare_total): by sign, then value, then exponent; NaNs at the ends. */
export function cmpTotal(a: Dec, b: Dec): number {
  if (a.sign !== b.sign) return a.sign ? -1 : 1;
  const r = cmpTotalAbs(a, b);
  return a.sign ? -r : r;
}

/** compare_total of |a| and |b|. */
export function cmpTotalAbs(a: Dec, b: Dec): number {
  const rank = (d: Dec): number => (d.kind === FINITE ? 0 : d.kind === INF ? 1 : d.kind === QNAN ? 3 : 2);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  if (ra >= 2) return a.coef < b.coef ? -1 : a.coef > b.coef ? 1 : 0;
  if (ra === 1) return 0;
  const m = cmpMagnitude(a, b);
  if (m !== 0) return m;
  return a.exp < b.exp ? -1 : a.exp > b.exp ? 1 : 0;
}
