/**
 * == != < <= > >= between ints, bools and floats, exact as in Python: JS
 * compares a bigint with a number by their mathematical values, so no
 * conversion through doubles is involved (2**53 + 1 != float(2**53)).
 */
import { PyFloat } from '../values.js';
import { NotImplemented, type NotImplementedType } from '../notImplemented.js';

type CmpResult = boolean | NotImplementedType;

/** The value to compare: a number or a bigint, or undefined for a non-number. */
function cmpValue(v: unknown): number | bigint | undefined {
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return v;
    case 'boolean':
      return v ? 1 : 0;
  }
  return v instanceof PyFloat ? v.value : undefined;
}

export function eq(a: unknown, b: unknown): CmpResult {
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  const x = cmpValue(a);
  const y = cmpValue(b);
  if (x === undefined || y === undefined) return NotImplemented;
  // Loose equality between bigint and number compares exact values (false for nan and infinities).
  // eslint-disable-next-line eqeqeq
  return x == y;
}

export function ne(a: unknown, b: unknown): CmpResult {
  if (typeof a === 'number' && typeof b === 'number') return a !== b;
  const x = cmpValue(a);
  const y = cmpValue(b);
  if (x === undefined || y === undefined) return NotImplemented;
  // eslint-disable-next-line eqeqeq
  return x != y;
}

export function lt(a: unknown, b: unknown): CmpResult {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  const x = cmpValue(a);
  const y = cmpValue(b);
  if (x === undefined || y === undefined) return NotImplemented;
  return x < y;
}

export function le(a: unknown, b: unknown): CmpResult {
  if (typeof a === 'number' && typeof b === 'number') return a <= b;
  const x = cmpValue(a);
  const y = cmpValue(b);
  if (x === undefined || y === undefined) return NotImplemented;
  return x <= y;
}

export function gt(a: unknown, b: unknown): CmpResult {
  if (typeof a === 'number' && typeof b === 'number') return a > b;
  const x = cmpValue(a);
  const y = cmpValue(b);
  if (x === undefined || y === undefined) return NotImplemented;
  return x > y;
}

export function ge(a: unknown, b: unknown): CmpResult {
  if (typeof a === 'number' && typeof b === 'number') return a >= b;
  const x = cmpValue(a);
  const y = cmpValue(b);
  if (x === undefined || y === undefined) return NotImplemented;
  return x >= y;
}
