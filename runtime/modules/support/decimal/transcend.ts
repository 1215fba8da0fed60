/**
 * exp, ln and log10, correctly rounded (half-even, as CPython's are): a
 * fixed-point BigInt approximation with a bound on its error, widened
 * until both ends of the error interval round to the same result (Ziv's
 * method); powers with a non-integral exponent in terms of them, as
 * CPython's.
 */
import { multiply } from './arith.js';
import { finish, overflowResult } from './rounding.js';
import { type Ctx, INEXACT, ROUNDED } from './signals.js';
import { type Dec, FINITE, INF, adjusted, fin, inf, ndigits, pow10 } from './value.js';
import { invalid, nanResult } from './nans.js';

/** atanh(1/n) * 10**scale, to within `terms` units. */
function atanhInverse(n: bigint, scale: number): bigint {
  const one = pow10(scale);
  let power = one / n;
  const n2 = n * n;
  let sum = power;
  for (let k = 3n; power !== 0n; k += 2n) {
    power /= n2;
    sum += power / k;
  }
  return sum;
}

const GUARD = 10;

/** ln 2 and ln 10 times 10**scale, within 1 unit. */
function ln2(scale: number): bigint {
  return (2n * atanhInverse(3n, scale + GUARD)) / pow10(GUARD);
}

function ln10(scale: number): bigint {
  const s = scale + GUARD;
  return (3n * 2n * atanhInverse(3n, s) + 2n * atanhInverse(9n, s)) / pow10(GUARD);
}

/** ln(x) * 10**scale for finite x > 0, and a bound on the error in units. */
function lnFixed(x: Dec, scale: number): [bigint, bigint] {
  const s = scale + GUARD;
  const one = pow10(s);
  const n = ndigits(x.coef);
  const e = BigInt(x.exp + n - 1);
  // x = m * 10**e with m in [1, 10), then m = t * 2**j with t in [0.75, 1.5).
  let t = s >= n - 1 ? x.coef * pow10(s - (n - 1)) : x.coef / pow10(n - 1 - s);
  let j = 0n;
  const high = (3n * one) / 2n;
  while (t >= high) {
    t /= 2n;
    j++;
  }
  const z = ((t - one) * one) / (t + one);
  const zz = (z * z) / one;
  let term = z;
  let sum = z;
  for (let k = 3n; term !== 0n; k += 2n) {
    term = (term * zz) / one;
    sum += term / k;
  }
  const value = (2n * sum) / pow10(GUARD) + j * ln2(scale) + e * ln10(scale);
  const absE = e < 0n ? -e : e;
  return [value, 8n + 2n * (j + absE)];
}

/** exp(x) for finite x of moderate size: [coefficient, exponent, error bound in units of the coefficient]. */
function expFloating(x: Dec, scale: number): [bigint, number, bigint] {
  // exp(x) = 10**n * exp(r) with r = x - n ln 10 small.
  const approx = Number(`${x.sign ? '-' : ''}${x.coef}e${x.exp}`);
  const n = Math.round(approx / Math.LN10);
  const h = scale + GUARD;
  const one = pow10(h);
  let X = x.exp >= -h ? x.coef * pow10(x.exp + h) : x.coef / pow10(-x.exp - h);
  if (x.sign) X = -X;
  const extra = String(Math.abs(n)).length + 2;
  const r = X - (BigInt(n) * ln10(h + extra)) / pow10(extra);
  const k = 8;
  const y0 = r / BigInt(1 << k);
  let term = one;
  let sum = one;
  let terms = 0n;
  for (let i = 1n; term !== 0n; i++) {
    term = (term * y0) / (one * i);
    sum += term;
    terms++;
  }
  for (let i = 0; i < k; i++) sum = (sum * sum) / one;
  const err = (2560n * (terms + 8n)) / pow10(GUARD) + 3n;
  return [sum / pow10(GUARD), n - scale, err];
}

/**
 * The correctly rounded result near coef * 10**exp (off by at most err
 * units), or null when the error interval straddles a rounding boundary.
 */
function settle(sign: 0 | 1, coef: bigint, exp: number, err: bigint, ctx: Ctx): Dec | null {
  const c: Ctx = { ...ctx, rounding: 'ROUND_HALF_EVEN', status: 0 };
  if (coef - err <= 0n) return null;
  const lo = finish(sign, coef - err, exp, { ...c });
  const hi = finish(sign, coef + err, exp, { ...c });
  if (lo.kind !== hi.kind || lo.coef !== hi.coef || lo.exp !== hi.exp) return null;
  // The exact value is never representable here: a sticky digit gives Inexact and Rounded.
  const result = finish(sign, coef * 10n + 1n, exp - 1, c);
  ctx.status |= c.status | INEXACT | ROUNDED;
  return result;
}

export function exp(a: Dec, ctx: Ctx): Dec {
  const n = nanResult(ctx, a);
  if (n !== null) return n;
  if (a.kind === INF) return a.sign ? fin(0, 0n, 0) : a;
  if (a.coef === 0n) return fin(0, 1n, 0);
  const c: Ctx = { ...ctx, rounding: 'ROUND_HALF_EVEN', status: 0 };
  // Far beyond the exponent range the result over- or underflows whatever its digits.
  const approx = Number(`${a.sign ? '-' : ''}${a.coef}e${a.exp}`);
  const decimalExp = approx / Math.LN10;
  if (decimalExp > ctx.emax + 2) {
    const r = finish(0, 1n, ctx.emax + 2, c);
    ctx.status |= c.status;
    return r;
  }
  if (decimalExp < ctx.emin - ctx.prec - 2) {
    const r = finish(0, 1n, ctx.emin - ctx.prec - 2, c);
    ctx.status |= c.status;
    return r;
  }
  for (let scale = ctx.prec + 12; ; scale += scale) {
    const [coef, e, err] = expFloating(a, scale);
    const r = settle(0, coef, e, err, ctx);
    if (r !== null) return r;
  }
}

/** ln (log10 = false) or log10 of a finite positive x other than 1 (other than a power of ten for log10). */
function logarithm(a: Dec, ctx: Ctx, base10: boolean): Dec {
  for (let scale = ctx.prec + 12 + Math.max(0, -adjusted(a)); ; scale += ctx.prec + 12) {
    let [value, err] = lnFixed(a, scale);
    if (base10) {
      // log10 x = ln x / ln 10, with ln 10 >= 2 halving the error (plus one unit for the division).
      const l10 = ln10(scale + 5);
      value = (value * pow10(scale + 5)) / l10;
      err = err + 2n;
    }
    const sign: 0 | 1 = value < 0n ? 1 : 0;
    const abs = value < 0n ? -value : value;
    // Not enough significant digits yet (x near 1): widen first.
    if (ndigits(abs) < ctx.prec + 3 + ndigits(err)) continue;
    const r = settle(sign, abs, -scale, err, ctx);
    if (r !== null) return r;
  }
}

function logSpecial(a: Dec, ctx: Ctx): Dec | null {
  const n = nanResult(ctx, a);
  if (n !== null) return n;
  if (a.kind === FINITE && a.coef === 0n) return inf(1);
  if (a.sign) return invalid(ctx);
  if (a.kind === INF) return a;
  return null;
}

export function ln(a: Dec, ctx: Ctx): Dec {
  const special = logSpecial(a, ctx);
  if (special !== null) return special;
  if (a.exp <= 0 && a.coef === pow10(-a.exp)) return fin(0, 0n, 0);
  return logarithm(a, ctx, false);
}

export function log10(a: Dec, ctx: Ctx): Dec {
  const special = logSpecial(a, ctx);
  if (special !== null) return special;
  // A power of ten has an exact integral logarithm.
  const n = ndigits(a.coef);
  if (a.coef === pow10(n - 1)) {
    const e = a.exp + n - 1;
    const c: Ctx = { ...ctx, rounding: 'ROUND_HALF_EVEN', status: 0 };
    const r = finish(e < 0 ? 1 : 0, BigInt(Math.abs(e)), 0, c);
    ctx.status |= c.status;
    return r;
  }
  return logarithm(a, ctx, true);
}

/**
 * a ** b for a > 0 and a non-integral b, as CPython computes it:
 * exp(b * ln a) with ln, the product and exp each correctly rounded (half
 * even) at max(digits of a, prec) + 23 digits, then rounded to the context.
 */
const WIDE = 2 ** 52;

export function nonIntegerPower(a: Dec, b: Dec, ctx: Ctx): Dec {
  if (a.exp <= 0 && a.coef === pow10(-a.exp)) {
    ctx.status |= INEXACT | ROUNDED;
    return fin(0, pow10(ctx.prec - 1), 1 - ctx.prec);
  }
  // The working context has CPython's widest exponent range: only the final rounding under- or overflows.
  const w: Ctx = { prec: Math.max(ndigits(a.coef), ctx.prec) + 23, rounding: 'ROUND_HALF_EVEN', emin: -WIDE, emax: WIDE, clamp: 0, status: 0 };
  const product = multiply(ln(a, w), b, w);
  const e: Ctx = { ...w, status: 0 };
  const r = exp(product, e);
  ctx.status |= e.status;
  if (r.kind === INF) return overflowResult(0, ctx);
  return finish(r.sign, r.coef, r.exp, ctx);
}
