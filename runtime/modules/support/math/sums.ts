/**
 * math.fsum (exact: Shewchuk's partials, then correct rounding, with
 * CPython's handling of infinities, nan and overflow) and the Euclidean
 * norm behind hypot and dist (the exact sum of squares in double-double,
 * so the result is correctly rounded in all but the rarest cases).
 */
import { OverflowError, ValueError } from '../../../builtins/exceptions.js';
import { LO, add, sqrt as ddSqrt, twoProd } from './dd.js';

export function fsum(values: Iterable<number>): number {
  const partials: number[] = [];
  let specialSum = 0;
  let infSum = 0;
  for (let x of values) {
    const xsave = x;
    let i = 0;
    for (let j = 0; j < partials.length; j++) {
      let y = partials[j]!;
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[i++] = lo;
      x = hi;
    }
    partials.length = i;
    if (x !== 0) {
      if (!Number.isFinite(x)) {
        // A non-finite sum: a non-finite input, or finite inputs that overflowed.
        if (Number.isFinite(xsave)) throw new OverflowError('intermediate overflow in fsum');
        if (xsave === Infinity || xsave === -Infinity) infSum += xsave;
        specialSum += xsave;
        partials.length = 0;
      } else {
        partials.push(x);
      }
    }
  }
  if (specialSum !== 0) {
    if (infSum !== infSum) throw new ValueError('-inf + inf in fsum');
    return specialSum;
  }
  let n = partials.length;
  let hi = 0;
  let lo = 0;
  if (n > 0) {
    hi = partials[--n]!;
    // Sum from the top until the sum is inexact.
    while (n > 0) {
      const x = hi;
      const y = partials[--n]!;
      hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo !== 0) break;
    }
    // A half-way case rounds by the sign of the partials below.
    if (n > 0 && ((lo < 0 && partials[n - 1]! < 0) || (lo > 0 && partials[n - 1]! > 0))) {
      const y = lo * 2;
      const x = hi + y;
      const yr = x - hi;
      if (y === yr) hi = x;
    }
  }
  return hi;
}

/**
 * sqrt(sum of squares) of non-negative coordinates; `max` is the largest,
 * `nan` whether one is nan (infinity wins over nan, as in CPython).
 */
export function vectorNorm(coords: readonly number[], max: number, nan: boolean): number {
  if (max === Infinity) return max;
  if (nan) return NaN;
  if (max === 0 || coords.length <= 1) return max;
  // Scale by a power of two that brings the largest near 1: exact, no overflow.
  const e = Math.max(-1022, Math.min(1023, Math.floor(Math.log2(max))));
  const scale = 2 ** -e;
  const unscale = 2 ** e;
  let sh = 0;
  let sl = 0;
  for (const c of coords) {
    const x = c * scale;
    const ph = twoProd(x, x);
    sh = add(sh, sl, ph, LO);
    sl = LO;
  }
  const r = ddSqrt(sh, sl);
  return (r + LO) * unscale;
}
