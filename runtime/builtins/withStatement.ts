/**
 * The runtime side of `with` statements. Compiled code looks the manager's
 * `__enter__` and `__exit__` up on its type (withExit), calls `__enter__`
 * (withEnter), runs the body, and on the way out calls `__exit__` with
 * Nones, or — when the body raised — through withError, which passes the
 * exception and re-raises it unless `__exit__` returns a true value.
 */
import { BaseException, TypeError } from './exceptions.js';
import { typeName } from './values.js';
import { callSpecial, hasSpecial, lookupSpecial } from './special.js';
import { toPython } from './errors.js';
import { truthy } from './truth.js';

export type ExitMethod = (type: unknown, value: unknown, traceback: unknown) => unknown;

/** The manager's `__exit__`, bound; CPython's TypeError when it is not a context manager. */
export function withExit(manager: unknown): ExitMethod {
  if (!hasSpecial(manager, '__enter__')) {
    throw new TypeError(`'${typeName(manager)}' object does not support the context manager protocol`);
  }
  const exit = lookupSpecial(manager, '__exit__');
  if (exit === undefined) {
    throw new TypeError(`'${typeName(manager)}' object does not support the context manager protocol (missed __exit__ method)`);
  }
  return exit as ExitMethod;
}

/** `manager.__enter__()`, looked up on its type. */
export function withEnter(manager: unknown): unknown {
  return callSpecial(manager, '__enter__');
}

/**
 * The body raised `error`: `__exit__(type, value, traceback)`, then the
 * error again unless `__exit__` returned a true value. The traceback is
 * None until the runtime has traceback objects.
 */
export function withError(exit: ExitMethod, error: unknown): void {
  const exc = toPython(error);
  const type = exc !== null && typeof exc === 'object' ? (exc as object).constructor : null;
  let swallow: unknown;
  try {
    swallow = exit(type, exc, null);
  } catch (raised) {
    // Raised while the body's exception was being handled: that is its context.
    if (raised instanceof BaseException && raised !== exc && raised.__context__ === null && exc instanceof BaseException) {
      raised.__context__ = exc;
    }
    throw raised;
  }
  if (!truthy(swallow)) throw exc;
}
