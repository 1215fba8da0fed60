/**
 * Powers and square roots: x ** n for integral n (exact when the exact
 * result is of reasonable size, else at a working precision wide enough
 * for a correct rounding), and the correctly rounded square root.
 */
import { divide, multiply } from './arith.js';
import { cmpMagnitude } from './compare.js';
import { finish, overflowResult } from './rounding.js';
import { type Ctx, CLAMPED, INEXACT, ROUNDED, etiny } from './signals.js';
import { type Dec, FINITE, INF, adjusted, fin, inf, ndigits, pow10 } from './value.js';
import { invalid, nanResult } from './nans.js';


export function isIntegral(d: Dec): boolean {
  if (d.kind !== FINITE) return false;
  if (d.exp >= 0 || d.coef === 0n) return true;
  return -d.exp < ndigits(d.coef) + 1 && d.coef % pow10(-d.exp) === 0n;
}

/** The value of an integral finite Decimal (whose exponent is not absurdly large). */
export function integerValue(d: Dec): bigint {
  const v = d.exp >= 0 ? d.coef * pow10(d.exp) : d.coef / pow10(-d.exp);
  return d.sign ? -v : v;
}

/** log10 |a| for finite nonzero a, to about 15 digits. */
function log10Abs(a: Dec): number {
  const s = a.coef.toString();
  const lead = Number(`${s[0]}.${s.slice(1, 17) || '0'}`);
  return a.exp + s.length - 1 + Math.log10(lead);
}

export const ONE: Dec = fin(0, 1n, 0);

export function power(a: Dec, b: Dec, c: Ctx, nonInteger: (a: Dec, b: Dec, c: Ctx) => Dec): Dec {
  const n = nanResult(c, a, b);
  if (n !== null) return n;
  const aZero = a.kind === FINITE && a.coef === 0n;
  // x ** 0 is an exact 1, not fitted to the context (no clamping).
  if (b.kind === FINITE && b.coef === 0n) return aZero ? invalid(c) : fin(0, 1n, 0);
  const bInt = isIntegral(b);
  if (a.sign && !aZero && !bInt) return invalid(c);
  const sign: 0 | 1 = a.sign && bInt && (integerValue(b) & 1n) === 1n ? 1 : 0;
  if (aZero) return b.sign ? inf(sign) : fin(sign, 0n, 0);
  if (a.kind === INF) return b.sign ? fin(sign, 0n, 0) : inf(sign);
  if (b.kind === INF) {
    const m = cmpMagnitude(a, ONE);
    if (m === 0) {
      c.status |= INEXACT | ROUNDED;
      return fin(0, pow10(c.prec - 1), 1 - c.prec);
    }
    return (m < 0) === (b.sign === 0) ? fin(0, 0n, 0) : inf(0);
  }
  const certain = powerBounds(a, b, sign, c);
  if (certain !== null) return certain;
  if (!bInt) return nonInteger(a, b, c);
  return integerPower(a, integerValue(b), sign, c);
}

/**
 * CPython's early verdict on powers that certainly overflow or underflow,
 * from lower bounds of log10|log10|a|| and log10|b| against the number of
 * digits of Emax or Etiny. Only when it speaks does an underflow round
 * 1E(Etiny-1) in the context's mode (else the stepwise powering decides).
 */
/** CPython's lower bound on log10|ln a| (in whole powers of ten), for a != 1. */
function logLogBound(a: Dec, ax: number): number {
  if (ax === 0 || ax === -1) {
    // Near 1, |ln a| is about |a - 1|.
    const e = Math.min(a.exp, 0);
    const diff = a.coef * pow10(a.exp - e) - pow10(-e);
    return ndigits(diff < 0n ? -diff : diff) + e - 2;
  }
  return String(ax < 0 ? -(ax + 1) : ax).length - 1;
}

function powerBounds(a: Dec, b: Dec, sign: 0 | 1, c: Ctx): Dec | null {
  if (a.exp <= 0 && a.coef === pow10(-a.exp)) return null;
  const ax = adjusted(a);
  const bound = logLogBound(a, ax) + adjusted(b);
  const tiny = (ax < 0) !== (b.sign === 1);
  if (!tiny) return String(c.emax).length < bound ? overflowResult(sign, c) : null;
  return String(Math.abs(etiny(c))).length < bound ? finish(sign, 1n, etiny(c) - 1, c) : null;
}

function integerPower(a: Dec, N: bigint, sign: 0 | 1, c: Ctx): Dec {
  const absN = N < 0n ? -N : N;
  // A base equal to 1 (1.000): an exact 1 whose zeros grow with n, at most prec digits.
  if (a.exp <= 0 && a.coef === pow10(-a.exp)) {
    let shift = N < 0n ? 0 : Number(absN) * -a.exp;
    if (shift > c.prec - 1) {
      shift = c.prec - 1;
      c.status |= ROUNDED;
    }
    return fin(sign, pow10(shift), -shift);
  }
  if (absN >= 1n << 62n) {
    // Beyond any exponent CPython steps through: the result over- or underflows.
    const magnitude = log10Abs(a) * Number(N);
    if (magnitude > 0) return overflowResult(sign, c);
    return finish(sign, 1n, etiny(c) - 1, c);
  }
  // As CPython does: left-to-right binary powering, each product rounded
  // half-even at prec + digits(n) + 2 digits (one more for 1/a when n < 0),
  // then the result fitted to the context.
  const w: Ctx = { prec: c.prec + absN.toString().length + 2 + (N < 0n ? 1 : 0), rounding: 'ROUND_HALF_EVEN', emin: c.emin, emax: c.emax, clamp: 0, status: 0 };
  let base = fin(0, a.coef, a.exp);
  if (N < 0n) {
    // An overflow here is carried on as an infinity (CPython stops only for invalid results).
    base = divide(ONE, base, w);
  }
  let result = base;
  const bits = absN.toString(2);
  for (let i = 1; i < bits.length; i++) {
    result = multiply(result, result, w);
    if (bits[i] === '1') result = multiply(result, base, w);
    if (result.kind !== FINITE || (result.coef === 0n && (w.status & CLAMPED) !== 0)) break;
  }
  c.status |= w.status;
  if (result.kind === INF) return overflowResult(sign, c);
  return finish(sign, result.coef, result.exp, c);
}

export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt((n.toString(2).length >> 1) + 1);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** The square root, always rounded half-even as CPython's is. */
export function sqrt(a: Dec, ctx: Ctx): Dec {
  const n = nanResult(ctx, a);
  if (n !== null) return n;
  const ideal = Math.floor(a.exp / 2);
  if (a.kind === FINITE && a.coef === 0n) return finish(a.sign, 0n, ideal, ctx);
  if (a.sign) return invalid(ctx);
  if (a.kind === INF) return a;
  const c: Ctx = { ...ctx, rounding: 'ROUND_HALF_EVEN', status: 0 };
  let coef = a.coef;
  let exp = a.exp;
  if (exp & 1) {
    coef *= 10n;
    exp--;
  }
  const k = Math.max(0, Math.ceil((2 * c.prec + 2 - ndigits(coef)) / 2));
  coef *= pow10(2 * k);
  exp -= 2 * k;
  let r = isqrt(coef);
  let e = exp / 2;
  if (r * r === coef) {
    while (e < ideal && r % 10n === 0n) {
      r /= 10n;
      e++;
    }
  } else {
    r = r * 10n + 1n;
    e--;
  }
  const result = finish(0, r, e, c);
  ctx.status |= c.status;
  return result;
}


/** pow(a, b, m) for integral operands: (a ** b) % m, exact, with the sign of a ** b. */
export function powerMod(a: Dec, b: Dec, m: Dec, c: Ctx): Dec {
  const n = nanResult(c, a, b, m);
  if (n !== null) return n;
  if (!isIntegral(a) || !isIntegral(b) || !isIntegral(m)) return invalid(c);
  const base = integerValue(a);
  const e = integerValue(b);
  const mod = integerValue(m);
  if (e < 0n || mod === 0n || (base === 0n && e === 0n) || (mod < 0n ? -mod : mod).toString().length > c.prec) return invalid(c);
  const am = mod < 0n ? -mod : mod;
  let r = 1n % am;
  let x = (base < 0n ? -base : base) % am;
  let k = e;
  while (k > 0n) {
    if (k & 1n) r = (r * x) % am;
    x = (x * x) % am;
    k >>= 1n;
  }
  const sign: 0 | 1 = base < 0n && (e & 1n) === 1n ? 1 : 0;
  return finish(sign, r, 0, c);
}
