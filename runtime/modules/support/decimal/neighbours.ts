/** logb, remainder_near and the next_* operations (the spec's neighbours of a number). */
import { add, remainder } from './arith.js';
import { cmpNumbers } from './compare.js';
import { finish } from './rounding.js';
import { type Ctx, DIVISION_BY_ZERO, DIVISION_IMPOSSIBLE, DIVISION_UNDEFINED, INEXACT, OVERFLOW, ROUNDED, SUBNORMAL, UNDERFLOW, CLAMPED, etiny, etop } from './signals.js';
import { type Dec, FINITE, INF, adjusted, fin, inf, pow10 } from './value.js';
import { invalid, nanResult } from './nans.js';

export function logb(a: Dec, c: Ctx): Dec {
  const n = nanResult(c, a);
  if (n !== null) return n;
  if (a.kind === INF) return inf(0);
  if (a.coef === 0n) {
    c.status |= DIVISION_BY_ZERO;
    return inf(1);
  }
  const e = adjusted(a);
  return finish(e < 0 ? 1 : 0, BigInt(Math.abs(e)), 0, c);
}

/** a - b * n with n the integer nearest a / b (ties to even). */
export function remainderNear(a: Dec, b: Dec, c: Ctx): Dec {
  const n = nanResult(c, a, b);
  if (n !== null) return n;
  if (a.kind === INF) return invalid(c);
  if (b.kind === INF) return finish(a.sign, a.coef, a.exp, c);
  if (b.coef === 0n) return invalid(c, a.coef === 0n ? DIVISION_UNDEFINED : undefined);
  if (a.coef === 0n) return finish(a.sign, 0n, Math.min(a.exp, b.exp), c);
  const da = adjusted(a);
  const db = adjusted(b);
  if (da - db > c.prec) return invalid(c, DIVISION_IMPOSSIBLE);
  // |a| < |b| / 10: the nearest integer is 0, as for remainder.
  if (da < db - 1) return remainder(a, b, c);
  const e = Math.min(a.exp, b.exp);
  const A = a.coef * pow10(a.exp - e);
  const B = b.coef * pow10(b.exp - e);
  let q = A / B;
  let r = A - q * B;
  let sign = a.sign;
  if (2n * r > B || (2n * r === B && (q & 1n) === 1n)) {
    q += 1n;
    r = B - r;
    sign = a.sign ? 0 : 1;
  }
  if (q.toString().length > c.prec) return invalid(c, DIVISION_IMPOSSIBLE);
  return finish(r === 0n ? a.sign : sign, r, e, c);
}

/** The closest representable number above (up) or below x; its conditions are not reported. */
function step(a: Dec, c: Ctx, up: boolean): Dec {
  const w: Ctx = { ...c, rounding: up ? 'ROUND_CEILING' : 'ROUND_FLOOR', status: 0 };
  if (a.kind === INF) {
    if ((a.sign === 0) === up) return a;
    return fin(up ? 1 : 0, pow10(c.prec) - 1n, etop(c));
  }
  const tinyExp = Math.min(etiny(c), a.coef === 0n ? etiny(c) : adjusted(a) - c.prec) - 1;
  return add(a, fin(up ? 0 : 1, 1n, tinyExp), w);
}

export function nextPlus(a: Dec, c: Ctx): Dec {
  return nanResult(c, a) ?? step(a, c, true);
}

export function nextMinus(a: Dec, c: Ctx): Dec {
  return nanResult(c, a) ?? step(a, c, false);
}

export function nextToward(a: Dec, b: Dec, c: Ctx): Dec {
  const n = nanResult(c, a, b);
  if (n !== null) return n;
  const order = cmpNumbers(a, b);
  if (order === 0) return { ...a, sign: b.sign };
  const r = step(a, c, order < 0);
  if (r.kind === INF) c.status |= OVERFLOW | INEXACT | ROUNDED;
  else if (r.kind === FINITE && adjusted(r) < c.emin) {
    c.status |= UNDERFLOW | SUBNORMAL | INEXACT | ROUNDED;
    if (r.coef === 0n) c.status |= CLAMPED;
  }
  return r;
}
