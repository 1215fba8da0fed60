/**
 * JS errors reaching Python code, and the exception class for those that
 * have no Python counterpart. The mapping (README, "JavaScript interop"):
 * a JS `TypeError` is Python's `TypeError`, a `RangeError` is `ValueError`
 * (a stack overflow is `RecursionError`), anything else thrown is
 * `JsException`; each carries the JS value as `js_error`. A Python
 * exception that went through JS comes back as itself.
 */
import { callableClass } from '../builtins/callableClass.js';
import { BaseException, Exception, TypeError, ValueError } from '../builtins/exceptions.js';
import { toPython } from '../builtins/errors.js';

export const JsException = callableClass(class JsException extends Exception {
  static readonly __module__ = 'pyasync.ffi';
  /** The JS error's `name` (`Error`, `SyntaxError`, a custom error class's). */
  declare name: string;
});
export type JsException = InstanceType<typeof JsException>;

const hooks: { toPy?: (v: unknown) => unknown } = {};

/** Set by convert.ts (which imports this module): how `js_error` is seen from Python. */
export function setErrorConversion(toPy: (v: unknown) => unknown): void {
  hooks.toPy = toPy;
}

function messageOf(e: unknown): string {
  if (e instanceof globalThis.Error) return e.message;
  try {
    return String(e);
  } catch {
    return Object.prototype.toString.call(e);
  }
}

/** The Python exception a JS value thrown at Python code is. */
export function fromJsError(e: unknown): unknown {
  if (e instanceof BaseException) return toPython(e);
  // A stack overflow is Python's RecursionError, wherever it happened.
  if (e instanceof globalThis.RangeError && /call stack/i.test(e.message)) return toPython(e);
  const jsError = hooks.toPy ? hooks.toPy(e) : e;
  let py: BaseException;
  if (e instanceof globalThis.TypeError) py = new TypeError(messageOf(e));
  else if (e instanceof globalThis.RangeError) py = new ValueError(messageOf(e));
  else {
    const ex = new JsException(messageOf(e));
    // A class field would be set after the constructor's `name`; kept as the JS error's.
    ex.name = e instanceof globalThis.Error ? e.name : 'Error';
    py = ex;
  }
  Object.defineProperty(py, 'js_error', { value: jsError, writable: true, enumerable: false, configurable: true });
  return toPython(py);
}
