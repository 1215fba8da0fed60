/**
 * Argument checks shared by the str and bytes methods, with CPython's
 * messages (which differ by how each method is declared in CPython's C).
 */
import { OverflowError, TypeError } from '../exceptions.js';
import { BASE_VALUE, PyBoxed, PyFloat, isIntNumber, typeName } from '../values.js';

import { argTypeName } from '../arity.js';

export { noArgs, oneArg, checkPositional, checkArgCount } from '../arity.js';

const SSIZE_MAX = 2n ** 63n;
const INT_MAX = 2n ** 31n;

/**
 * An int argument (`__index__`): ints and bools; bigints too large for
 * ssize_t (or C int) raise OverflowError, others become (unsafe) numbers.
 */
export function indexArg(v: unknown, cInt = false): number {
  if (typeof v === 'number') {
    if (isIntNumber(v)) {
      if (cInt && (v >= 2 ** 31 || v < -(2 ** 31))) throw new OverflowError('Python int too large to convert to C int');
      return v;
    }
  } else if (typeof v === 'boolean') {
    return v ? 1 : 0;
  } else if (typeof v === 'bigint') {
    const limit = cInt ? INT_MAX : SSIZE_MAX;
    if (v >= limit || v < -limit) {
      throw new OverflowError(`Python int too large to convert to C ${cInt ? 'int' : 'ssize_t'}`);
    }
    return Number(v);
  } else if (v instanceof PyBoxed && typeof v[BASE_VALUE] !== 'string' && !(v[BASE_VALUE] instanceof PyFloat)) {
    // An int subclass's instance.
    if (typeof v[BASE_VALUE] === 'number' || typeof v[BASE_VALUE] === 'bigint') return indexArg(v[BASE_VALUE], cInt);
  }
  throw new TypeError(`'${typeName(v)}' object cannot be interpreted as an integer`);
}

/** The value of an instance of a str subclass (`class Color(str)`), which str's methods take as a str; else undefined. */
export function boxedStr(v: unknown): string | undefined {
  return v instanceof PyBoxed && typeof v[BASE_VALUE] === 'string' ? v[BASE_VALUE] : undefined;
}

/** A str argument, as Argument Clinic checks one: `replace() argument 1 must be str, not None`. */
export function strArg(v: unknown, what: string): string {
  if (typeof v !== 'string') return boxedStr(v) ?? badStr(v, what);
  return v;
}

function badStr(v: unknown, what: string): never {
  throw new TypeError(`${what} must be str, not ${argTypeName(v)}`);
}
