/**
 * Rounding a coefficient and fitting a finite result into a context: the
 * spec's rounding, overflow, subnormal and clamping rules.
 */
import { type Ctx, CLAMPED, INEXACT, OVERFLOW, ROUNDED, SUBNORMAL, UNDERFLOW, etiny, etop, type Rounding } from './signals.js';
import { type Dec, fin, inf, ndigits, pow10 } from './value.js';

/** Whether dropping a remainder (compared with half a unit: -1, 0, 1) rounds the kept part `q` away from zero. */
function roundsUp(mode: Rounding, sign: 0 | 1, q: bigint, half: number, nonzero: boolean): boolean {
  if (!nonzero) return false;
  switch (mode) {
    case 'ROUND_DOWN': return false;
    case 'ROUND_UP': return true;
    case 'ROUND_HALF_UP': return half >= 0;
    case 'ROUND_HALF_DOWN': return half > 0;
    case 'ROUND_HALF_EVEN': return half > 0 || (half === 0 && (q & 1n) === 1n);
    case 'ROUND_CEILING': return sign === 0;
    case 'ROUND_FLOOR': return sign === 1;
    case 'ROUND_05UP': {
      const last = q % 10n;
      return last === 0n || last === 5n;
    }
  }
}

/** Drops the last `k` (> 0) digits of `coef` with rounding `mode`. */
export function dropDigits(coef: bigint, k: number, sign: 0 | 1, mode: Rounding): { coef: bigint; inexact: boolean } {
  let q: bigint;
  let half: number;
  let nonzero: boolean;
  if (k > ndigits(coef)) {
    q = 0n;
    nonzero = coef !== 0n;
    half = -1;
  } else {
    const p = pow10(k);
    q = coef / p;
    const r = coef - q * p;
    nonzero = r !== 0n;
    const h = 5n * pow10(k - 1);
    half = r < h ? -1 : r === h ? 0 : 1;
  }
  if (roundsUp(mode, sign, q, half, nonzero)) q += 1n;
  return { coef: q, inexact: nonzero };
}

/** The result of an overflow: infinity or the largest finite number, as the rounding says. */
export function overflowResult(sign: 0 | 1, c: Ctx): Dec {
  c.status |= OVERFLOW | INEXACT | ROUNDED;
  const toInf = c.rounding === 'ROUND_HALF_UP' || c.rounding === 'ROUND_HALF_EVEN' || c.rounding === 'ROUND_HALF_DOWN'
    || c.rounding === 'ROUND_UP' || (c.rounding === 'ROUND_CEILING' && sign === 0) || (c.rounding === 'ROUND_FLOOR' && sign === 1);
  return toInf ? inf(sign) : fin(sign, pow10(c.prec) - 1n, etop(c));
}

/** Fits an exact finite result into the context (the spec's finalisation). */
export function finish(sign: 0 | 1, coef: bigint, exp: number, c: Ctx): Dec {
  const tiny = etiny(c);
  if (coef === 0n) {
    const max = c.clamp ? etop(c) : c.emax;
    if (exp > max) {
      exp = max;
      c.status |= CLAMPED;
    } else if (exp < tiny) {
      exp = tiny;
      c.status |= CLAMPED;
    }
    return fin(sign, 0n, exp);
  }
  let n = ndigits(coef);
  if (exp + n - 1 > c.emax) return overflowResult(sign, c);
  if (c.clamp && exp > etop(c)) {
    coef *= pow10(exp - etop(c));
    exp = etop(c);
    n = ndigits(coef);
    c.status |= CLAMPED;
  }
  if (exp + n - 1 < c.emin) {
    if (exp < tiny) {
      const r = dropDigits(coef, tiny - exp, sign, c.rounding);
      coef = r.coef;
      exp = tiny;
      c.status |= ROUNDED;
      if (r.inexact) c.status |= INEXACT | UNDERFLOW;
      if (coef === 0n) c.status |= CLAMPED;
    }
    c.status |= SUBNORMAL;
    return fin(sign, coef, exp);
  }
  if (n > c.prec) {
    const r = dropDigits(coef, n - c.prec, sign, c.rounding);
    exp += n - c.prec;
    coef = r.coef;
    c.status |= ROUNDED;
    if (r.inexact) c.status |= INEXACT;
    if (coef === pow10(c.prec)) {
      coef /= 10n;
      exp++;
    }
    n = c.prec;
  }
  if (exp + n - 1 > c.emax) return overflowResult(sign, c);
  return fin(sign, coef, exp);
}
