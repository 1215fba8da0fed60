/**
 * Calling a Python callable from runtime code (key functions, map, filter):
 * a compiled function without keyword-only parameters or `**kwargs` is
 * called directly; anything else (a builtin, a class, a bound method, a
 * callable instance) goes through the call layer, which also raises
 * CPython's "'int' object is not callable".
 */
import { SIGNATURE, call, type PyCallable } from './calls.js';

type Fn = (...args: unknown[]) => unknown;

/** `f` as a JS function of positional arguments. */
export function asFunction(f: unknown): Fn {
  if (typeof f === 'function') {
    const sig = (f as PyCallable)[SIGNATURE];
    if (sig !== undefined && sig.kwonly.length === 0 && sig.kwarg === null) return f as Fn;
  }
  return (...args: unknown[]) => call(f, args, null);
}
