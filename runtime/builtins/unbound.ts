/**
 * The errors for a name that has no value (never assigned, or deleted):
 * compiled code holds such a name as `undefined` and throws one of these
 * when it is read or deleted.
 */
import { NameError, UnboundLocalError, nameNotFound } from './exceptions.js';

/** A function's own variable. */
export function unboundLocal(name: string): UnboundLocalError {
  return new UnboundLocalError(`cannot access local variable '${name}' where it is not associated with a value`);
}

/** A module-level (global) or class-body name. */
export function unboundGlobal(name: string): NameError {
  return nameNotFound(`name '${name}' is not defined`, name);
}

/** A variable of an enclosing function (`nonlocal`, or read by a nested function). */
export function unboundFree(name: string): NameError {
  return nameNotFound(`cannot access free variable '${name}' where it is not associated with a value in enclosing scope`, name);
}
