/**
 * Reads of variables that may have no value yet (assigned only in a branch,
 * deleted, an `except … as` name after its handler): compiled code holds an
 * unbound variable as `undefined` and reads it through these.
 */
import { unboundFree, unboundGlobal, unboundLocal } from './unbound.js';

/** A function's own variable. */
export function local<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw unboundLocal(name);
  return value;
}

/** A module-level variable. */
export function global<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw unboundGlobal(name);
  return value;
}

/** An enclosing function's variable, read by a function made before the variable was certainly bound. */
export function free<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw unboundFree(name);
  return value;
}
