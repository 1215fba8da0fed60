/**
 * The integer arithmetic datetime needs: C-int argument checks with
 * CPython's messages, and exact bigint helpers (round-half-even division,
 * a float's exact ratio) so that microsecond totals beyond 2**53 stay exact.
 */
import { OverflowError, TypeError, ValueError } from '../../../builtins/exceptions.js';
import { PyFloat, intFromBigInt, isFloatNumber, isIntNumber, typeName } from '../../../builtins/values.js';

/** An `int` argument a C function parses with "i": bool and int accepted, floats refused. */
export function cInt(v: unknown): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number' && isIntNumber(v)) {
    if (v > 2147483647 || v < -2147483648) throw new OverflowError(`signed integer is greater than maximum`);
    return v;
  }
  if (typeof v === 'bigint') throw new OverflowError(v > 0n ? 'signed integer is greater than maximum' : 'signed integer is less than minimum');
  throw new TypeError(`'${typeName(v)}' object cannot be interpreted as an integer`);
}

/** A Python int (bool included) as a bigint, or null for anything else. */
export function bigIntOf(v: unknown): bigint | null {
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'number' && isIntNumber(v)) return BigInt(v);
  if (typeof v === 'bigint') return v;
  return null;
}

/** A Python float's value, or null. */
export function floatOf(v: unknown): number | null {
  // `+ 0`: the -0 of 0.0 is +0 (values.ts).
  if (typeof v === 'number' && isFloatNumber(v)) return v + 0;
  if (v instanceof PyFloat) return v.value;
  return null;
}

export function pyInt(x: bigint): number | bigint {
  return intFromBigInt(x);
}

/** Floor division and modulo of bigints, Python's way (the remainder has the divisor's sign). */
export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

export function floorMod(a: bigint, b: bigint): bigint {
  return a - floorDiv(a, b) * b;
}

/** a / b rounded to the nearest integer, ties to even (CPython's _PyLong_DivmodNear). */
export function divNear(a: bigint, b: bigint): bigint {
  let q = floorDiv(a, b);
  const r = a - q * b;
  const twice = 2n * r;
  const absB = b < 0n ? -b : b;
  const absTwice = twice < 0n ? -twice : twice;
  // r has b's sign; compare |2r| with |b|.
  if (absTwice > absB || (absTwice === absB && q % 2n !== 0n)) q += 1n;
  return q;
}

/** The exact ratio numerator/denominator of a finite double (float.as_integer_ratio). */
export function floatRatio(x: number): [bigint, bigint] {
  if (!Number.isFinite(x)) {
    if (Number.isNaN(x)) throw new ValueError('cannot convert NaN to integer ratio');
    throw new OverflowError('cannot convert Infinity to integer ratio');
  }
  let exp = 0;
  let m = x;
  while (!Number.isInteger(m)) {
    m *= 2;
    exp++;
  }
  let n = BigInt(m);
  let d = 1n << BigInt(exp);
  while (d > 1n && n % 2n === 0n) {
    n /= 2n;
    d /= 2n;
  }
  return [n, d];
}

/** C's round(): half away from zero. */
export function roundHalfAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}
