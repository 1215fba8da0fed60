/** NaN operands and invalid results, as every operation treats them. */
import { type Ctx, CONVERSION_SYNTAX, INVALID_OPERATION } from './signals.js';
import { type Dec, QNAN, SNAN, nan, pow10 } from './value.js';

/** A NaN whose payload fits the context (the payload keeps its last prec - clamp digits). */
export function fitNaN(d: Dec, c: Ctx): Dec {
  const room = c.prec - c.clamp;
  if (d.coef !== 0n && d.coef.toString().length > room) return nan(d.sign, room <= 0 ? 0n : d.coef % pow10(room), d.kind);
  return d;
}

/** The result when an operand is a NaN (the first signalling one, else the first quiet one), or null. */
export function nanResult(c: Ctx, ...ops: Dec[]): Dec | null {
  for (const d of ops) {
    if (d.kind === SNAN) {
      c.status |= INVALID_OPERATION;
      return fitNaN(nan(d.sign, d.coef, QNAN), c);
    }
  }
  for (const d of ops) if (d.kind === QNAN) return fitNaN(d, c);
  return null;
}

export function invalid(c: Ctx, condition = INVALID_OPERATION): Dec {
  c.status |= condition;
  return nan(0);
}

/** Context.create_decimal of a NaN: a payload too long for the context is a conversion error. */
export function createdNaN(d: Dec, c: Ctx): Dec {
  if (d.coef !== 0n && d.coef.toString().length > c.prec - c.clamp) {
    c.status |= CONVERSION_SYNTAX;
    return nan(0);
  }
  return d;
}
