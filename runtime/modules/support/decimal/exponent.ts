/**
 * Operations about the exponent: quantize, the to-integral family,
 * normalize (the spec's reduce), scaleb and the unary plus, minus, abs.
 */
import { add } from './arith.js';
import { dropDigits, finish } from './rounding.js';
import { type Ctx, CLAMPED, INEXACT, ROUNDED, SUBNORMAL, etiny, etop, type Rounding } from './signals.js';
import { type Dec, FINITE, INF, adjusted, fin, ndigits, negate, pow10 } from './value.js';
import { invalid, nanResult } from './nans.js';

export function plus(a: Dec, c: Ctx): Dec {
  if (a.kind !== FINITE) return nanResult(c, a) ?? a;
  return add(fin(0, 0n, a.exp), a, c);
}

export function minus(a: Dec, c: Ctx): Dec {
  if (a.kind !== FINITE) return nanResult(c, a) ?? negate(a);
  return add(fin(0, 0n, a.exp), negate(a), c);
}

export function abs(a: Dec, c: Ctx): Dec {
  if (a.kind !== FINITE && a.kind !== INF) return nanResult(c, a)!;
  return a.sign ? minus(a, c) : plus(a, c);
}

/** a with exponent `exp` (rounding with `mode`), for finite a; null when the coefficient would exceed prec. */
function rescale(a: Dec, exp: number, mode: Rounding): { d: Dec; inexact: boolean; rounded: boolean } {
  if (a.coef === 0n) return { d: fin(a.sign, 0n, exp), inexact: false, rounded: false };
  if (exp <= a.exp) return { d: fin(a.sign, a.coef * pow10(a.exp - exp), exp), inexact: false, rounded: false };
  const r = dropDigits(a.coef, exp - a.exp, a.sign, mode);
  return { d: fin(a.sign, r.coef, exp), inexact: r.inexact, rounded: true };
}

/** With clamp = 1, an exponent above Etop is lowered by padding the coefficient with zeros. */
function padded(d: Dec, c: Ctx): Dec {
  if (!c.clamp || d.exp <= etop(c)) return d;
  c.status |= CLAMPED;
  return fin(d.sign, d.coef * pow10(d.exp - etop(c)), etop(c));
}

export function quantize(a: Dec, b: Dec, c: Ctx, mode: Rounding = c.rounding): Dec {
  const n = nanResult(c, a, b);
  if (n !== null) return n;
  if (a.kind === INF || b.kind === INF) return a.kind === INF && b.kind === INF ? a : invalid(c);
  const exp = b.exp;
  if (exp > c.emax || exp < etiny(c)) return invalid(c);
  if (a.coef === 0n) return padded(fin(a.sign, 0n, exp), c);
  if (adjusted(a) - exp + 1 > c.prec) return invalid(c);
  const r = rescale(a, exp, mode);
  if (ndigits(r.d.coef) > c.prec || (r.d.coef !== 0n && adjusted(r.d) > c.emax)) return invalid(c);
  if (r.rounded) c.status |= ROUNDED;
  if (r.inexact) c.status |= INEXACT;
  // CPython's quantize reports Subnormal but never Underflow.
  if (r.d.coef !== 0n && adjusted(r.d) < c.emin) c.status |= SUBNORMAL;
  return padded(r.d, c);
}

/** to_integral_value (exact = false: no flags) and to_integral_exact. */
export function toIntegral(a: Dec, c: Ctx, mode: Rounding = c.rounding, exact = false): Dec {
  if (a.kind !== FINITE) return nanResult(c, a) ?? a;
  if (a.exp >= 0) return a;
  const r = rescale(a, 0, mode);
  if (exact) {
    if (r.rounded && a.coef !== 0n) c.status |= ROUNDED;
    if (r.inexact) c.status |= INEXACT;
  }
  return r.d;
}

export function normalize(a: Dec, c: Ctx): Dec {
  if (a.kind !== FINITE) return nanResult(c, a) ?? a;
  const d = finish(a.sign, a.coef, a.exp, c);
  if (d.kind !== FINITE) return d;
  if (d.coef === 0n) return fin(d.sign, 0n, 0);
  let { coef, exp } = d;
  const max = c.clamp ? etop(c) : c.emax;
  while (exp < max && coef % 10n === 0n) {
    coef /= 10n;
    exp++;
  }
  return fin(d.sign, coef, exp);
}

/** scaleb(a, b): a times 10**b for an integral b with exponent 0. */
export function scaleb(a: Dec, b: Dec, c: Ctx): Dec {
  const n = nanResult(c, a, b);
  if (n !== null) return n;
  if (b.kind !== FINITE || b.exp !== 0) return invalid(c);
  const limit = 2n * BigInt(c.emax + c.prec);
  const shift = b.sign ? -b.coef : b.coef;
  if (shift > limit || shift < -limit) return invalid(c);
  if (a.kind === INF) return a;
  return finish(a.sign, a.coef, a.exp + Number(shift), c);
}

