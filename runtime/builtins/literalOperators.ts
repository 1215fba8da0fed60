/**
 * Arithmetic with a number literal on one side (`1.0 / n`, `x * 2.0`,
 * `n - 1`, `state % 3`, `count += 1`): the compiler passes the literal as a
 * plain JS number `c` (src/transform/numericFacts.ts), which spares a PyFloat
 * allocation per evaluation for an integral float literal and, for an int
 * literal, the checks on the literal's side. Each fast path is a few
 * bytecodes, so that TurboFan inlines many of them into a hot function.
 *
 * Float literal, other side a JS number (an int or a non-integral float):
 * the result is IEEE arithmetic on the two doubles, as CPython converts the
 * int (exactly: numbers are safe ints) and computes in floats; an integral
 * result is boxed. Int literal (an int32, positive for `//` and `%`), other
 * side an int32: the exact int. Everything else (a PyFloat, bool, big int,
 * a user class's `__add__`/`__radd__`, a division by zero, a result outside
 * the safe range) goes to the general operator with the literal in its
 * Python representation, so results, errors and dispatch are unchanged.
 */
import { PyFloat } from './values.js';
import { boxFloat, safeIntMod } from './numbers/core.js';
import { numberPow } from './numbers/pow.js';
import { halfIntegerPow } from './numbers/fpow.js';
import { add, sub, mul, truediv, floordiv, mod, power, iadd, isub, imul, itruediv } from './operators.js';

// An int32 is `x === (x | 0) && !is(x, -0)`: -0 is the float 0.0 (values.ts; operators.ts on the form).
var is = Object.is;

// ---------------------------------------------------------------------------
// A float literal `c`.

/** `x + c` */
export function addFloat(x: unknown, c: number): unknown {
  if (typeof x === 'number') {
    const r = x + c;
    return Number.isInteger(r) ? boxFloat((x + 0) + c) : r;
  }
  return x instanceof PyFloat ? boxFloat(x.value + c) : add(x, boxFloat(c));
}

/** `c + x` */
export function floatAdd(c: number, x: unknown): unknown {
  if (typeof x === 'number') {
    const r = c + x;
    return Number.isInteger(r) ? boxFloat(c + (x + 0)) : r;
  }
  return x instanceof PyFloat ? boxFloat(c + x.value) : add(boxFloat(c), x);
}

/** `x - c` */
export function subFloat(x: unknown, c: number): unknown {
  if (typeof x === 'number') {
    const r = x - c;
    return Number.isInteger(r) ? boxFloat((x + 0) - c) : r;
  }
  return x instanceof PyFloat ? boxFloat(x.value - c) : sub(x, boxFloat(c));
}

/** `c - x` */
export function floatSub(c: number, x: unknown): unknown {
  if (typeof x === 'number') {
    const r = c - x;
    return Number.isInteger(r) ? boxFloat(c - (x + 0)) : r;
  }
  return x instanceof PyFloat ? boxFloat(c - x.value) : sub(boxFloat(c), x);
}

/** `x * c` */
export function mulFloat(x: unknown, c: number): unknown {
  if (typeof x === 'number') {
    const r = x * c;
    return Number.isInteger(r) ? boxFloat((x + 0) * c) : r;
  }
  return x instanceof PyFloat ? boxFloat(x.value * c) : mul(x, boxFloat(c));
}

/** `c * x` */
export function floatMul(c: number, x: unknown): unknown {
  if (typeof x === 'number') {
    const r = c * x;
    return Number.isInteger(r) ? boxFloat(c * (x + 0)) : r;
  }
  return x instanceof PyFloat ? boxFloat(c * x.value) : mul(boxFloat(c), x);
}

/** `x / c` */
export function truedivFloat(x: unknown, c: number): unknown {
  if (typeof x === 'number' && c !== 0) {
    const r = x / c;
    return Number.isInteger(r) ? boxFloat((x + 0) / c) : r;
  }
  return x instanceof PyFloat && c !== 0 ? boxFloat(x.value / c) : truediv(x, boxFloat(c));
}

/** `c / x` */
export function floatTruediv(c: number, x: unknown): unknown {
  if (typeof x === 'number' && x !== 0) {
    const r = c / x;
    return Number.isInteger(r) ? boxFloat(c / (x + 0)) : r;
  }
  return x instanceof PyFloat && x.value !== 0 ? boxFloat(c / x.value) : truediv(boxFloat(c), x);
}

/** `x ** c` for a non-integral c (`d ** -1.5`, `s ** 0.5`) */
export function powerFloat(x: unknown, c: number): unknown {
  return typeof x === 'number' ? numberPow(x, c) : power(x, c);
}

/**
 * `x ** c` for c = ±n/2, odd n <= 9, c != 0.5 (`d ** -1.5`): straight to the
 * half-integer power crPow would reach through numberPow (same result),
 * for a positive float in its range; everything else as `powerFloat`.
 */
export function powerHalf(x: unknown, c: number): unknown {
  if (typeof x === 'number' && x > 1e-30 && x < 1e30) {
    const r = halfIntegerPow(x, c);
    return Number.isInteger(r) ? boxFloat(r) : r;
  }
  return powerFloat(x, c);
}

// In place (`x += 0.5`): a number's in-place operator is the plain one; other objects may define __iadd__.

/** `x += c` */
export function iaddFloat(x: unknown, c: number): unknown {
  if (typeof x === 'number') {
    const r = x + c;
    return Number.isInteger(r) ? boxFloat((x + 0) + c) : r;
  }
  return x instanceof PyFloat ? boxFloat(x.value + c) : iadd(x, boxFloat(c));
}

/** `x -= c` */
export function isubFloat(x: unknown, c: number): unknown {
  if (typeof x === 'number') {
    const r = x - c;
    return Number.isInteger(r) ? boxFloat((x + 0) - c) : r;
  }
  return x instanceof PyFloat ? boxFloat(x.value - c) : isub(x, boxFloat(c));
}

/** `x *= c` */
export function imulFloat(x: unknown, c: number): unknown {
  if (typeof x === 'number') {
    const r = x * c;
    return Number.isInteger(r) ? boxFloat((x + 0) * c) : r;
  }
  return x instanceof PyFloat ? boxFloat(x.value * c) : imul(x, boxFloat(c));
}

/** `x /= c` */
export function itruedivFloat(x: unknown, c: number): unknown {
  if (typeof x === 'number' && c !== 0) {
    const r = x / c;
    return Number.isInteger(r) ? boxFloat((x + 0) / c) : r;
  }
  return x instanceof PyFloat && c !== 0 ? boxFloat(x.value / c) : itruediv(x, boxFloat(c));
}

// ---------------------------------------------------------------------------
// An int literal `c`, an int32 (`//` and `%`: a positive one), on the right.

/** `x + c` */
export function addInt(x: unknown, c: number): unknown {
  if (typeof x === 'number') {
    const r = x + c;
    // An int32 x: the exact int. A non-integral x: the float, unless it rounded to an integral value (boxed).
    if ((x === (x | 0) && !is(x, -0)) || !Number.isInteger(r)) return r;
  }
  return add(x, c);
}

/** `x - c` */
export function subInt(x: unknown, c: number): unknown {
  if (typeof x === 'number') {
    const r = x - c;
    if ((x === (x | 0) && !is(x, -0)) || !Number.isInteger(r)) return r;
  }
  return sub(x, c);
}

/** `x * c` */
export function mulInt(x: unknown, c: number): unknown {
  if (typeof x === 'number') {
    const r = x * c;
    // Int32s: exact while the rounded product is safe; `+ 0` turns -0 (from 0 * -n) into the int 0.
    if ((x === (x | 0) && !is(x, -0)) ? r <= 9007199254740991 && r >= -9007199254740991 : !Number.isInteger(r)) return r + 0;
  }
  return mul(x, c);
}

/** `x // c`, c > 0 */
export function floordivInt(x: unknown, c: number): unknown {
  if (typeof x === 'number' && x === (x | 0) && !is(x, -0)) return Math.floor(x / c);
  return floordiv(x, c);
}

/** `x % c`, c > 0 */
export function modInt(x: unknown, c: number): unknown {
  if (typeof x === 'number') {
    if (x === (x | 0) && !is(x, -0)) {
      // The sign of the divisor; `+ 0` turns -0 (from -n % n) into the int 0.
      const m = x % c;
      return m < 0 ? m + c : m + 0;
    }
    // x !== 0: the -0 of 0.0 is not an int.
    if (x !== 0 && Number.isInteger(x)) return safeIntMod(x, c);
  }
  return mod(x, c);
}

/** `x += c` */
export function iaddInt(x: unknown, c: number): unknown {
  if (typeof x === 'number') {
    const r = x + c;
    if ((x === (x | 0) && !is(x, -0)) || !Number.isInteger(r)) return r;
  }
  return iadd(x, c);
}

/** `x -= c` */
export function isubInt(x: unknown, c: number): unknown {
  if (typeof x === 'number') {
    const r = x - c;
    if ((x === (x | 0) && !is(x, -0)) || !Number.isInteger(r)) return r;
  }
  return isub(x, c);
}

// An int literal `c`, an int32, on the left.

/** `c + x` */
export function intAdd(c: number, x: unknown): unknown {
  if (typeof x === 'number') {
    const r = c + x;
    if ((x === (x | 0) && !is(x, -0)) || !Number.isInteger(r)) return r;
  }
  return add(c, x);
}

/** `c - x` */
export function intSub(c: number, x: unknown): unknown {
  if (typeof x === 'number') {
    const r = c - x;
    if ((x === (x | 0) && !is(x, -0)) || !Number.isInteger(r)) return r;
  }
  return sub(c, x);
}

/** `c * x` */
export function intMul(c: number, x: unknown): unknown {
  if (typeof x === 'number') {
    const r = c * x;
    if ((x === (x | 0) && !is(x, -0)) ? r <= 9007199254740991 && r >= -9007199254740991 : !Number.isInteger(r)) return r + 0;
  }
  return mul(c, x);
}
