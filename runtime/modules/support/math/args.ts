/**
 * How the math module reads its arguments and reports its errors, as
 * CPython's mathmodule.c does: reals through `__float__` (PyFloat_AsDouble),
 * integers through `__index__`, `ValueError: math domain error` and
 * `OverflowError: math range error`.
 */
import { OverflowError, TypeError, ValueError } from '../../../builtins/exceptions.js';
import { lookupSpecial } from '../../../builtins/special.js';
import { BASE_VALUE, PyFloat, PyFloatBox, float, isIntNumber, typeName } from '../../../builtins/values.js';
import { bigToFloat, type PyInt } from '../../../builtins/numbers/core.js';

export function domainError(): ValueError {
  return new ValueError('math domain error');
}

export function rangeError(): OverflowError {
  return new OverflowError('math range error');
}

/** A float argument's value (PyFloat_AsDouble). */
export function toDouble(v: unknown): number {
  switch (typeof v) {
    case 'number':
      // `+ 0`: the -0 of 0.0 is +0 (values.ts).
      return v + 0;
    case 'boolean':
      return v ? 1 : 0;
    case 'bigint':
      return bigToFloat(v);
  }
  if (v instanceof PyFloat) return v.value;
  // A float subclass's instance is its value, whatever its class's __float__ (CPython's PyFloat_AsDouble).
  if (v instanceof PyFloatBox) return toDouble(v[BASE_VALUE]);
  const toFloat = lookupSpecial(v, '__float__');
  if (toFloat !== undefined) {
    const r = toFloat();
    if (typeof r === 'number' || r instanceof PyFloat) return typeof r === 'number' ? r + 0 : r.value;
    throw new TypeError(`${typeName(v)}.__float__ returned non-float (type ${typeName(r)})`);
  }
  const toIndex = lookupSpecial(v, '__index__');
  if (toIndex !== undefined) return toDouble(indexResult(v, toIndex()));
  throw new TypeError(`must be real number, not ${typeName(v)}`);
}

/** An integer argument (operator.index). */
export function toIndex(v: unknown): PyInt {
  if (typeof v === 'number') {
    if (isIntNumber(v)) return v;
  } else if (typeof v === 'bigint') {
    return v;
  } else if (typeof v === 'boolean') {
    return v ? 1 : 0;
  } else if (!(v instanceof PyFloat)) {
    const toIndexMethod = lookupSpecial(v, '__index__');
    if (toIndexMethod !== undefined) return indexResult(v, toIndexMethod());
  }
  throw new TypeError(`'${typeName(v)}' object cannot be interpreted as an integer`);
}

function indexResult(v: unknown, r: unknown): PyInt {
  if ((typeof r === 'number' && isIntNumber(r)) || typeof r === 'bigint') return r;
  if (typeof r === 'boolean') return r ? 1 : 0;
  throw new TypeError(`__index__ returned non-int (type ${typeName(r)})`);
}

/** Whether a value is an int for math's purposes (bool included). */
export function isIntValue(v: unknown): v is number | bigint | boolean {
  return (typeof v === 'number' && isIntNumber(v)) || typeof v === 'bigint' || typeof v === 'boolean';
}

/** CPython's message for a one-argument function called with another count. */
export function oneArgument(name: string, given: number): TypeError {
  return new TypeError(`math.${name}() takes exactly one argument (${given} given)`);
}

/** CPython's message for a fixed-arity function called with another count. */
export function arguments_(name: string, expected: number, given: number): TypeError {
  return new TypeError(`${name} expected ${expected} argument${expected === 1 ? '' : 's'}, got ${given}`);
}

/** A float result in the runtime's representation (0.0 is -0, other integral values boxed). */
export const floatResult: (x: number) => number | PyFloat = float;

/**
 * `isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)` called with keywords, as
 * math's and cmath's take them: a, b, and the tolerances with their
 * defaults.
 */
export function iscloseKeywords(
  args: unknown[], kwargs: Record<string, unknown>,
): { a: unknown; b: unknown; rel: number; abs: number } {
  const names = ['a', 'b', 'rel_tol', 'abs_tol'];
  const values: unknown[] = [...args];
  if (values.length > 2) throw new TypeError(`isclose() takes exactly 2 positional arguments (${values.length} given)`);
  // As Argument Clinic: a missing argument is named first, then the first keyword that is unknown or repeats a positional one.
  let misplaced: string | null = null;
  for (const [key, value] of Object.entries(kwargs)) {
    const i = names.indexOf(key);
    if (i < 0) misplaced ??= `'${key}' is an invalid keyword argument for isclose()`;
    else if (i < values.length && values[i] !== undefined) misplaced ??= `argument for isclose() given by name ('${key}') and position (${i + 1})`;
    else values[i] = value;
  }
  if (values[0] === undefined) throw new TypeError("isclose() missing required argument 'a' (pos 1)");
  if (values[1] === undefined) throw new TypeError("isclose() missing required argument 'b' (pos 2)");
  if (misplaced !== null) throw new TypeError(misplaced);
  return {
    a: values[0], b: values[1],
    rel: values[2] === undefined ? 1e-9 : toDouble(values[2]), abs: values[3] === undefined ? 0 : toDouble(values[3]),
  };
}
