/**
 * Which JS values already are Python values (the runtime's own
 * representation: runtime/README.md) and so cross the JS boundary as they
 * are, and the lists Python handed to JS (so they come back as the same
 * list rather than as a JsProxy of an Array).
 */
import { PyBytes, PyComplex, PyFloat, PyTuple } from '../builtins/values.js';
import { PyDict } from '../builtins/dict.js';
import { PyAnySet } from '../builtins/set.js';
import { BaseException } from '../builtins/exceptions.js';
import { PyGenerator } from '../builtins/generators.js';
import { BOUND, SIGNATURE, type PyCallable } from '../builtins/calls.js';
import { pyClassOf } from '../builtins/classes.js';
import { isModule } from '../modules/support/namespaces.js';
import { PyCoroutine } from '../asyncio/coroutines.js';
import { isfuture } from '../asyncio/futures.js';

/** Arrays that were Python lists when they were passed to JS. */
const pythonLists = new WeakSet<object>();

export function markPythonList(a: unknown[]): void {
  pythonLists.add(a);
}

/** Whether a JS object or function is a Python value (a list Python owns, a dict, an instance of a Python class…). */
export function isPythonObject(v: object): boolean {
  if (Array.isArray(v)) return v instanceof PyTuple || pythonLists.has(v);
  if (typeof v === 'function') {
    // Runtime classes (exceptions, dict…) have a Python `__name__`; JS's own classes (Map, Date) do not.
    return (v as PyCallable)[SIGNATURE] !== undefined || (v as PyCallable)[BOUND] !== undefined || pyClassOf(v) !== undefined || '__name__' in v;
  }
  return pyClassOf(v) !== undefined || v instanceof PyDict || v instanceof PyAnySet || v instanceof PyFloat || v instanceof PyBytes
    || v instanceof PyComplex || v instanceof BaseException || v instanceof PyCoroutine || v instanceof PyGenerator || isfuture(v)
    // A Python module exports `__name__`; an ES module imported from JS (import_module) is a JS object.
    || (isModule(v) && typeof (v as { __name__?: unknown }).__name__ === 'string');
}
