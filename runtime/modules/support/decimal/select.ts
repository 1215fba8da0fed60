/** compare, max, min and their magnitude variants, with the spec's NaN rules. */
import { cmpMagnitude, cmpNumbers, cmpTotal } from './compare.js';
import { finish } from './rounding.js';
import { type Ctx, INVALID_OPERATION } from './signals.js';
import { type Dec, FINITE, QNAN, SNAN, fin } from './value.js';
import { fitNaN, nanResult } from './nans.js';

/** compare(a, b): Decimal -1, 0 or 1, or a NaN. */
export function compare(a: Dec, b: Dec, c: Ctx): Dec {
  const n = nanResult(c, a, b);
  if (n !== null) return n;
  const r = cmpNumbers(a, b);
  return fin(r < 0 ? 1 : 0, r === 0 ? 0n : 1n, 0);
}

/** compare_signal: compare, with InvalidOperation for quiet NaNs too. */
export function compareSignal(a: Dec, b: Dec, c: Ctx): Dec {
  if (a.kind === QNAN || b.kind === QNAN) c.status |= INVALID_OPERATION;
  return compare(a, b, c);
}

function fitted(d: Dec, c: Ctx): Dec {
  return d.kind === FINITE ? finish(d.sign, d.coef, d.exp, c) : d;
}

/** max (which > 0) or min (which < 0), by value or by magnitude; a quiet NaN loses to a number. */
export function choose(a: Dec, b: Dec, c: Ctx, which: 1 | -1, magnitude: boolean): Dec {
  if (a.kind === SNAN || b.kind === SNAN) return nanResult(c, a, b)!;
  if (a.kind === QNAN || b.kind === QNAN) {
    if (a.kind === QNAN && b.kind === QNAN) return fitNaN(a, c);
    return fitted(a.kind === QNAN ? b : a, c);
  }
  let r = 0;
  if (magnitude) {
    r = a.kind === FINITE && b.kind === FINITE ? cmpMagnitude(a, b) : a.kind === b.kind ? 0 : a.kind === FINITE ? -1 : 1;
  }
  if (r === 0) r = cmpNumbers(a, b);
  if (r === 0) r = cmpTotal(a, b);
  return fitted(r * which >= 0 ? a : b, c);
}

