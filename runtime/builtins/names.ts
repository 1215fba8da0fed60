/**
 * Reads of variables that may have no value yet (assigned only in a branch,
 * deleted, an `except … as` name after its handler): compiled code holds an
 * unbound variable as `undefined` and reads it through these.
 */
import { unboundFree, unboundGlobal, unboundLocal } from './unbound.js';
import { TypeError } from './exceptions.js';
import { typeName } from './values.js';

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

/**
 * A module-level variable that may be unbound, called: the function it holds,
 * else NameError, or CPython's TypeError for a value that is not callable.
 */
export function calledGlobal<T>(value: T | undefined, name: string): T {
  if (typeof value === 'function') return value;
  if (value === undefined) throw unboundGlobal(name);
  throw new TypeError(`'${typeName(value)}' object is not callable`);
}

/** An enclosing function's variable, read by a function made before the variable was certainly bound. */
export function free<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw unboundFree(name);
  return value;
}
