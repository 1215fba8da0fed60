/**
 * + - * / // % divmod and the unary operators on int, bool and float, with
 * CPython's results and errors. Each binary operator returns NotImplemented
 * when an operand is not a number, for the generic dispatch to go on.
 *
 * Fast path first: both operands JS numbers. Ints stay JS numbers while the
 * result is in the safe range (checked on the rounded result: rounding is
 * monotonic, so a rounded result within ±(2**53 - 1) is exact).
 */
import { PyComplex, PyFloat, PyTuple, isIntNumber } from '../values.js';
import { complexAbs, complexBinary, complexNeg } from './complex.js';
import { ZeroDivisionError, OverflowError } from '../exceptions.js';
import { NotImplemented, type NotImplementedType } from '../notImplemented.js';
import {
  MAX_SAFE, K_NONE, K_FLOAT, kindOf, intOf, floatOf, boxFloat, intFromBigInt, ratioToFloat,
  type PyInt, type PyNumberResult,
} from './core.js';

type Result = PyNumberResult | PyComplex | NotImplementedType;

export function add(a: unknown, b: unknown): Result {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (Number.isInteger(r)) {
      if (isIntNumber(a) && isIntNumber(b)) {
        return r <= MAX_SAFE && r >= -MAX_SAFE ? r : intFromBigInt(BigInt(a) + BigInt(b));
      }
      // A float's true value: `+ 0` turns the -0 of 0.0 into +0 (values.ts).
      return boxFloat((a + 0) + (b + 0));
    }
    // Non-integral: a float operand is non-zero, or the other operand's value is the result either way.
    return r;
  }
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka === K_NONE || kb === K_NONE) return complexBinary('+', a, b);
  if (ka === K_FLOAT || kb === K_FLOAT) return boxFloat(floatOf(a, ka) + floatOf(b, kb));
  const x = intOf(a);
  const y = intOf(b);
  if (typeof x === 'number' && typeof y === 'number') return add(x, y);
  return intFromBigInt(BigInt(x) + BigInt(y));
}

export function sub(a: unknown, b: unknown): Result {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (Number.isInteger(r)) {
      if (isIntNumber(a) && isIntNumber(b)) {
        return r <= MAX_SAFE && r >= -MAX_SAFE ? r : intFromBigInt(BigInt(a) - BigInt(b));
      }
      // A float's true value: `+ 0` turns the -0 of 0.0 into +0 (values.ts).
      return boxFloat((a + 0) - (b + 0));
    }
    // Non-integral: a float operand is non-zero, or the other operand's value is the result either way.
    return r;
  }
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka === K_NONE || kb === K_NONE) return complexBinary('-', a, b);
  if (ka === K_FLOAT || kb === K_FLOAT) return boxFloat(floatOf(a, ka) - floatOf(b, kb));
  const x = intOf(a);
  const y = intOf(b);
  if (typeof x === 'number' && typeof y === 'number') return sub(x, y);
  return intFromBigInt(BigInt(x) - BigInt(y));
}

export function mul(a: unknown, b: unknown): Result {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (Number.isInteger(r)) {
      if (isIntNumber(a) && isIntNumber(b)) {
        // `+ 0` turns the -0 of `0 * -5` into the int 0.
        return r <= MAX_SAFE && r >= -MAX_SAFE ? r + 0 : intFromBigInt(BigInt(a) * BigInt(b));
      }
      // A float's true value: `+ 0` turns the -0 of 0.0 into +0 (values.ts).
      return boxFloat((a + 0) * (b + 0));
    }
    // Non-integral: a float operand is non-zero, or the other operand's value is the result either way.
    return r;
  }
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka === K_NONE || kb === K_NONE) return complexBinary('*', a, b);
  if (ka === K_FLOAT || kb === K_FLOAT) return boxFloat(floatOf(a, ka) * floatOf(b, kb));
  const x = intOf(a);
  const y = intOf(b);
  if (typeof x === 'number' && typeof y === 'number') return mul(x, y);
  return intFromBigInt(BigInt(x) * BigInt(y));
}

export function truediv(a: unknown, b: unknown): Result {
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) {
      throw new ZeroDivisionError(isIntNumber(a) && isIntNumber(b) ? 'division by zero' : 'float division by zero');
    }
    return boxFloat((a + 0) / b);
  }
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka === K_NONE || kb === K_NONE) return complexBinary('/', a, b);
  if (ka === K_FLOAT || kb === K_FLOAT) {
    const x = floatOf(a, ka);
    const y = floatOf(b, kb);
    if (y === 0) throw new ZeroDivisionError('float division by zero');
    return boxFloat(x / y);
  }
  return boxFloat(intTrueDiv(intOf(a), intOf(b)));
}

/** int / int, correctly rounded like CPython's long_true_divide. */
function intTrueDiv(x: PyInt, y: PyInt): number {
  if (typeof x === 'number' && typeof y === 'number') {
    if (y === 0) throw new ZeroDivisionError('division by zero');
    return x / y; // both exact doubles: IEEE division rounds correctly
  }
  let n = BigInt(x);
  let d = BigInt(y);
  if (d === 0n) throw new ZeroDivisionError('division by zero');
  const negative = n < 0n !== d < 0n;
  if (n < 0n) n = -n;
  if (d < 0n) d = -d;
  const q = ratioToFloat(n, d);
  if (q === Infinity) throw new OverflowError('integer division result too large for a float');
  return negative ? -q : q;
}

export function floordiv(a: unknown, b: unknown): Result {
  if (typeof a === 'number' && typeof b === 'number') {
    if (isIntNumber(a) && isIntNumber(b)) {
      if (b === 0) throw new ZeroDivisionError('integer division or modulo by zero');
      const r = a % b;
      // a - r is an exact multiple of b, so the division is exact.
      const q = (a - r) / b;
      return r !== 0 && r < 0 !== b < 0 ? q - 1 : q + 0;
    }
    if (b === 0) throw new ZeroDivisionError('float floor division by zero');
    return boxFloat(floatFloorDiv(a + 0, b));
  }
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka === K_NONE || kb === K_NONE) return NotImplemented;
  if (ka === K_FLOAT || kb === K_FLOAT) {
    const x = floatOf(a, ka);
    const y = floatOf(b, kb);
    if (y === 0) throw new ZeroDivisionError('float floor division by zero');
    return boxFloat(floatFloorDiv(x, y));
  }
  const x = intOf(a);
  const y = intOf(b);
  if (typeof x === 'number' && typeof y === 'number') return floordiv(x, y);
  const n = BigInt(x);
  const d = BigInt(y);
  if (d === 0n) throw new ZeroDivisionError('integer division or modulo by zero');
  return intFromBigInt(bigFloorDiv(n, d));
}

export function mod(a: unknown, b: unknown): Result {
  if (typeof a === 'number' && typeof b === 'number') {
    if (isIntNumber(a) && isIntNumber(b)) {
      if (b === 0) throw new ZeroDivisionError('integer modulo by zero');
      const r = a % b;
      return r !== 0 && r < 0 !== b < 0 ? r + b : r + 0;
    }
    if (b === 0) throw new ZeroDivisionError('float modulo');
    return boxFloat(floatMod(a + 0, b));
  }
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka === K_NONE || kb === K_NONE) return NotImplemented;
  if (ka === K_FLOAT || kb === K_FLOAT) {
    const x = floatOf(a, ka);
    const y = floatOf(b, kb);
    if (y === 0) throw new ZeroDivisionError('float modulo');
    return boxFloat(floatMod(x, y));
  }
  const x = intOf(a);
  const y = intOf(b);
  if (typeof x === 'number' && typeof y === 'number') return mod(x, y);
  const n = BigInt(x);
  const d = BigInt(y);
  if (d === 0n) throw new ZeroDivisionError('integer modulo by zero');
  return intFromBigInt(bigMod(n, d));
}

/** divmod(a, b): a tuple (a // b, a % b). */
export function divmod(a: unknown, b: unknown): PyTuple<PyNumberResult> | NotImplementedType {
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka === K_NONE || kb === K_NONE) return NotImplemented;
  if (ka === K_FLOAT || kb === K_FLOAT) {
    const x = floatOf(a, ka);
    const y = floatOf(b, kb);
    if (y === 0) throw new ZeroDivisionError('float divmod()');
    return PyTuple.of<PyNumberResult>(boxFloat(floatFloorDiv(x, y)), boxFloat(floatMod(x, y)));
  }
  const x = intOf(a);
  const y = intOf(b);
  if (typeof x === 'number' && typeof y === 'number') {
    if (y === 0) throw new ZeroDivisionError('integer division or modulo by zero');
    return PyTuple.of<PyNumberResult>(floordiv(x, y) as number, mod(x, y) as number);
  }
  const n = BigInt(x);
  const d = BigInt(y);
  if (d === 0n) throw new ZeroDivisionError('integer division or modulo by zero');
  return PyTuple.of<PyNumberResult>(intFromBigInt(bigFloorDiv(n, d)), intFromBigInt(bigMod(n, d)));
}

export function bigFloorDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return q * d !== n && n < 0n !== d < 0n ? q - 1n : q;
}

export function bigMod(n: bigint, d: bigint): bigint {
  const r = n % d;
  return r !== 0n && r < 0n !== d < 0n ? r + d : r;
}

/**
 * CPython's float floor division (float_floor_div via _float_div_mod): the
 * quotient of the exact fmod, snapped to an integer, with zeros signed like
 * the true quotient.
 */
export function floatFloorDiv(vx: number, wx: number): number {
  const m = vx % wx; // JS % is C's fmod: exact
  let div = (vx - m) / wx;
  if (m !== 0 && wx < 0 !== m < 0) div -= 1;
  if (div !== 0) {
    let floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
    return floordiv;
  }
  // Zero quotient: the sign of the true quotient.
  const t = vx / wx;
  return t < 0 || Object.is(t, -0) ? -0 : 0;
}

/** CPython's float %: fmod, moved to the sign of the divisor. */
export function floatMod(vx: number, wx: number): number {
  let m = vx % wx;
  if (m !== 0) {
    if (wx < 0 !== m < 0) m += wx;
    return m;
  }
  return wx < 0 ? -0 : 0;
}

export function neg(a: unknown): PyNumberResult | PyComplex | NotImplementedType {
  if (typeof a === 'number') {
    // `0 - a` keeps ints free of -0; floats need the true negation (-(0.0), held as -0, is the box of -0.0).
    if (Number.isInteger(a)) return Object.is(a, -0) ? new PyFloat(-0) : 0 - a;
    return -a;
  }
  if (typeof a === 'boolean') return a ? -1 : 0;
  if (typeof a === 'bigint') return intFromBigInt(-a);
  if (a instanceof PyFloat) return boxFloat(-a.value);
  if (a instanceof PyComplex) return complexNeg(a);
  return NotImplemented;
}

export function pos(a: unknown): PyNumberResult | PyComplex | NotImplementedType {
  if (typeof a === 'number' || typeof a === 'bigint' || a instanceof PyFloat || a instanceof PyComplex) return a;
  if (typeof a === 'boolean') return a ? 1 : 0;
  return NotImplemented;
}

export function abs(a: unknown): PyNumberResult | NotImplementedType {
  // abs(0.0) is 0.0, held as -0 like the operand.
  if (typeof a === 'number') return Object.is(a, -0) ? a : Math.abs(a);
  if (typeof a === 'boolean') return a ? 1 : 0;
  if (typeof a === 'bigint') return a < 0n ? -a : a;
  if (a instanceof PyFloat) return boxFloat(Math.abs(a.value));
  if (a instanceof PyComplex) return boxFloat(complexAbs(a));
  return NotImplemented;
}
