/**
 * `isinstance(x, T)` for the builtin types the compiler sees named directly
 * (`isinstance(x, str)` with `str` the builtin): the representation test
 * inline, and the general isinstance only for an instance of a Python class,
 * which may subclass T. The same answers as `isinstance(x, T)` for every x.
 */
import { PyFloat, PyTuple, isFloatNumber, isIntNumber } from './values.js';
import { PyDict } from './dict.js';
import { PySet } from './set.js';
import { CLASS } from './classes.js';
import { bool, dict, float, int, list, set, str, tuple } from './functions.js';
import { isinstance } from './types.js';

/** Whether x is an instance of a Python class (which may subclass a builtin type) that is an instance of cls. */
function ofSubclass(x: unknown, cls: unknown): boolean {
  return typeof x === 'object' && x !== null && (x as Record<PropertyKey, unknown>)[CLASS] !== undefined && isinstance(x, cls);
}

export function isinstanceStr(x: unknown): boolean {
  return typeof x === 'string' || ofSubclass(x, str);
}

export function isinstanceInt(x: unknown): boolean {
  switch (typeof x) {
    case 'number':
      return isIntNumber(x);
    case 'boolean':
    case 'bigint':
      return true;
  }
  return ofSubclass(x, int);
}

export function isinstanceFloat(x: unknown): boolean {
  if (typeof x === 'number') return isFloatNumber(x);
  return x instanceof PyFloat || ofSubclass(x, float);
}

export function isinstanceBool(x: unknown): boolean {
  return typeof x === 'boolean' || ofSubclass(x, bool);
}

export function isinstanceList(x: unknown): boolean {
  return (Array.isArray(x) && !(x instanceof PyTuple)) || ofSubclass(x, list);
}

export function isinstanceTuple(x: unknown): boolean {
  return x instanceof PyTuple || ofSubclass(x, tuple);
}

export function isinstanceDict(x: unknown): boolean {
  return x instanceof PyDict || ofSubclass(x, dict);
}

export function isinstanceSet(x: unknown): boolean {
  return x instanceof PySet || ofSubclass(x, set);
}
