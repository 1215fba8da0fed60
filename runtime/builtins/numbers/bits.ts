/**
 * The bitwise operators on int and bool: & | ^ ~ << >>. Python ints are
 * two's complement of unbounded width, which is what JS bigints implement;
 * int32 operands take JS's own operators.
 */
import { MemoryError, OverflowError, ValueError } from '../exceptions.js';
import { NotImplemented, type NotImplementedType } from '../notImplemented.js';
import { MAX_SAFE, intFromBigInt, bitLength, pow2, type PyInt } from './core.js';
import { isIntNumber } from '../values.js';

// The int32 test leaves out -0, the float 0.0 (values.ts).
const is = Object.is;

type IntResult = PyInt | NotImplementedType;

/** An int or bool as a PyInt, or undefined for anything else (floats included). */
function asInt(v: unknown): PyInt | undefined {
  switch (typeof v) {
    case 'number':
      return isIntNumber(v) ? v : undefined;
    case 'bigint':
      return v;
    case 'boolean':
      return v ? 1 : 0;
  }
  return undefined;
}

export function and_(a: unknown, b: unknown): PyInt | boolean | NotImplementedType {
  if (typeof a === 'number' && typeof b === 'number' && a === (a | 0) && b === (b | 0) && !is(a, -0) && !is(b, -0)) return a & b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a && b;
  const x = asInt(a);
  const y = asInt(b);
  if (x === undefined || y === undefined) return NotImplemented;
  if (typeof x === 'number' && typeof y === 'number' && x === (x | 0) && y === (y | 0) && !is(x, -0) && !is(y, -0)) return x & y;
  return intFromBigInt(BigInt(x) & BigInt(y));
}

export function or_(a: unknown, b: unknown): PyInt | boolean | NotImplementedType {
  if (typeof a === 'number' && typeof b === 'number' && a === (a | 0) && b === (b | 0) && !is(a, -0) && !is(b, -0)) return a | b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a || b;
  const x = asInt(a);
  const y = asInt(b);
  if (x === undefined || y === undefined) return NotImplemented;
  if (typeof x === 'number' && typeof y === 'number' && x === (x | 0) && y === (y | 0) && !is(x, -0) && !is(y, -0)) return x | y;
  return intFromBigInt(BigInt(x) | BigInt(y));
}

export function xor(a: unknown, b: unknown): PyInt | boolean | NotImplementedType {
  if (typeof a === 'number' && typeof b === 'number' && a === (a | 0) && b === (b | 0) && !is(a, -0) && !is(b, -0)) return a ^ b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a !== b;
  const x = asInt(a);
  const y = asInt(b);
  if (x === undefined || y === undefined) return NotImplemented;
  if (typeof x === 'number' && typeof y === 'number' && x === (x | 0) && y === (y | 0) && !is(x, -0) && !is(y, -0)) return x ^ y;
  return intFromBigInt(BigInt(x) ^ BigInt(y));
}

export function invert(a: unknown): IntResult {
  const x = asInt(a);
  if (x === undefined) return NotImplemented;
  if (typeof x === 'number') return x === MAX_SAFE ? -9007199254740992n : -x - 1;
  return intFromBigInt(-x - 1n);
}

// CPython's limit on the number of 30-bit digits of an int (64-bit build).
const MAX_LONG_DIGITS = 2305843009213693945n;
const MAX_WORDSHIFT = 2305843009213693951n; // PY_SSIZE_T_MAX / 4, where CPython clips a shift
// V8 refuses bigints above 2 ** 30 bits; CPython would fail to allocate (MemoryError).
const MAX_BIGINT_BITS = 2 ** 30;

export function lshift(a: unknown, b: unknown): IntResult {
  if (typeof a === 'number' && typeof b === 'number' && isIntNumber(a) && isIntNumber(b) && b >= 0 && b < 53) {
    // Multiplying by a power of two is exact until it leaves the safe range.
    const r = a * pow2(b);
    if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
  }
  const x = asInt(a);
  const n = asInt(b);
  if (x === undefined || n === undefined) return NotImplemented;
  if (n < 0) throw new ValueError('negative shift count');
  if (x === 0 || x === 0n) return 0;
  const bx = BigInt(x);
  const bn = BigInt(n);
  if (bn + BigInt(bitLength(bx)) > BigInt(MAX_BIGINT_BITS)) {
    let wordshift = bn / 30n;
    if (wordshift > MAX_WORDSHIFT) wordshift = MAX_WORDSHIFT;
    const size = BigInt(Math.ceil(bitLength(bx) / 30)) + wordshift + (bn % 30n === 0n ? 0n : 1n);
    if (size > MAX_LONG_DIGITS) throw new OverflowError('too many digits in integer');
    throw new MemoryError();
  }
  return intFromBigInt(bx << bn);
}

export function rshift(a: unknown, b: unknown): IntResult {
  if (typeof a === 'number' && typeof b === 'number' && isIntNumber(a) && isIntNumber(b) && b >= 0 && b < 1024) {
    if (b >= 53) return a < 0 ? -1 : 0;
    // Division by a power of two is exact, so the floor is the arithmetic shift.
    return Math.floor(a / pow2(b)) + 0;
  }
  const x = asInt(a);
  const n = asInt(b);
  if (x === undefined || n === undefined) return NotImplemented;
  if (n < 0) throw new ValueError('negative shift count');
  if (typeof x === 'number') {
    if (n >= 53) return x < 0 ? -1 : 0;
    return Math.floor(x / pow2(n as number)) + 0;
  }
  if (n > MAX_BIGINT_BITS) return x < 0n ? -1 : 0;
  return intFromBigInt(x >> BigInt(n));
}
