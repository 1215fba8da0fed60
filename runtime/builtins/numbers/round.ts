/**
 * round(x[, ndigits]) for ints, bools and floats, as int.__round__ and
 * float.__round__: ties to even, on the exact value of floats (dtoa's
 * correctly rounded digits read back as a float).
 */
import { BASE_VALUE, PyBoxed, PyBytes, PyFloat, isIntNumber, typeName } from '../values.js';
import { OverflowError, TypeError } from '../exceptions.js';
import { MAX_SAFE, boxFloat, intFromBigInt, bigPow10, divRoundHalfEven, type PyInt } from './core.js';
import { floatToInt } from './convert.js';
import { fixedDigits, outDigits, outDecpt } from './digits.js';

/** Python's round(x) and round(x, ndigits) (None for ndigits means absent). */
export function round(x: unknown, ndigits?: unknown): PyInt | number | PyFloat {
  let value: number;
  switch (typeof x) {
    case 'number':
      if (isIntNumber(x)) return roundInt(x, ndigits);
      // `+ 0`: the -0 of 0.0 is +0 (values.ts).
      value = x + 0;
      break;
    case 'bigint':
      return roundInt(x, ndigits);
    case 'boolean':
      return roundInt(x ? 1 : 0, ndigits);
    default:
      // An int or float subclass without a __round__ of its own rounds as its value.
      if (x instanceof PyBoxed && !(x[BASE_VALUE] instanceof PyBytes) && typeof x[BASE_VALUE] !== 'string') return round(x[BASE_VALUE], ndigits);
      if (!(x instanceof PyFloat)) throw new TypeError(`type ${typeName(x)} doesn't define __round__ method`);
      value = x.value;
  }
  if (ndigits === undefined || ndigits === null) return floatToInt(roundHalfEven(value));
  const n = ssizeArg(ndigits);
  if (!Number.isFinite(value) || value === 0) return boxFloat(value);
  // Beyond these every float rounds to itself, or to a zero of its sign.
  if (n > 323) return boxFloat(value);
  if (n < -308) return boxFloat(value < 0 ? -0 : 0);
  return doubleRound(value, n);
}

/** ndigits for float.__round__: an int, clipped as PyNumber_AsSsize_t(o, NULL) does. */
function ssizeArg(v: unknown): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number' && isIntNumber(v)) return v;
  if (typeof v === 'bigint') return v > 0n ? Infinity : -Infinity;
  throw new TypeError(`'${typeName(v)}' object cannot be interpreted as an integer`);
}

/** round(x) for a float: nearest integer value, ties to even (x - floor(x) is exact). */
function roundHalfEven(x: number): number {
  if (!Number.isFinite(x)) return x;
  const f = Math.floor(x);
  const diff = x - f;
  if (diff > 0.5) return f + 1;
  if (diff < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/** float.__round__(n): x rounded to n decimal places, as dtoa mode 3 then strtod. */
function doubleRound(x: number, n: number): number | PyFloat {
  fixedDigits(x < 0 ? -x : x, n);
  const text = `${x < 0 ? '-' : ''}0${outDigits}e${outDecpt - outDigits.length}`;
  const r = Number(text);
  if (r === Infinity || r === -Infinity) throw new OverflowError('rounded value too large to represent');
  return boxFloat(r);
}

/** int.__round__(ndigits): itself for ndigits >= 0, else rounded to a multiple of 10**-ndigits (ties to even). */
function roundInt(x: PyInt, ndigits: unknown): PyInt {
  if (ndigits === undefined || ndigits === null) return x;
  let n: number | bigint;
  if (typeof ndigits === 'boolean') n = ndigits ? 1 : 0;
  else if (typeof ndigits === 'number' && isIntNumber(ndigits)) n = ndigits;
  else if (typeof ndigits === 'bigint') n = ndigits;
  else throw new TypeError(`'${typeName(ndigits)}' object cannot be interpreted as an integer`);
  if (n >= 0) return x;
  const k = typeof n === 'bigint' ? Infinity : -n;
  if (typeof x === 'number' && k <= 15) {
    const p = 10 ** k;
    let r = x % p;
    let q = (x - r) / p;
    if (r < 0) {
      r += p;
      q -= 1;
    }
    if (2 * r > p || (2 * r === p && q % 2 !== 0)) q += 1;
    const result = q * p;
    if (result <= MAX_SAFE && result >= -MAX_SAFE) return result + 0;
    return intFromBigInt(BigInt(q) * BigInt(p));
  }
  const bx = BigInt(x);
  // 10**k beyond the value's size rounds it to 0 (CPython computes the power first).
  const digits = (bx < 0n ? -bx : bx).toString().length;
  if (k > digits) return 0;
  const p = bigPow10(k);
  return intFromBigInt(divRoundHalfEven(bx, p) * p);
}
