/**
 * asyncio.exceptions: CancelledError is a BaseException (since 3.8), so
 * `except Exception` does not swallow a cancellation; asyncio.TimeoutError
 * is the builtin TimeoutError (3.11).
 */
import { BaseException, EOFError, Exception, RuntimeError, TimeoutError } from '../builtins/exceptions.js';
import { callableClass } from '../builtins/callableClass.js';
import { repr } from '../builtins/repr.js';
import { PyBytes } from '../builtins/values.js';

const MODULE = 'asyncio.exceptions';

export const CancelledError = callableClass(class CancelledError extends BaseException {
  static readonly __module__ = MODULE;
});
export type CancelledError = InstanceType<typeof CancelledError>;

export const InvalidStateError = callableClass(class InvalidStateError extends Exception {
  static readonly __module__ = MODULE;
});
export type InvalidStateError = InstanceType<typeof InvalidStateError>;

/** A Barrier that was aborted or reset while a task waited on it (3.11). */
export const BrokenBarrierError = callableClass(class BrokenBarrierError extends RuntimeError {
  static readonly __module__ = MODULE;
});

export const SendfileNotAvailableError = callableClass(class SendfileNotAvailableError extends RuntimeError {
  static readonly __module__ = MODULE;
});

/** Raised by StreamReader.readexactly: `partial` holds what was read before the end. */
export const IncompleteReadError = callableClass(class IncompleteReadError extends EOFError {
  static readonly __module__ = MODULE;
  partial: unknown;
  expected: unknown;

  constructor(partial: unknown, expected: unknown) {
    const size = partial instanceof PyBytes ? partial.bytes.length : (partial as { length?: number } | null)?.length ?? 0;
    super(`${size} bytes read on a total of ${expected === null || expected === undefined ? 'undefined' : repr(expected)} expected bytes`);
    this.partial = partial;
    this.expected = expected;
  }
});

export const LimitOverrunError = callableClass(class LimitOverrunError extends Exception {
  static readonly __module__ = MODULE;
  consumed: unknown;

  constructor(message: unknown, consumed: unknown) {
    super(message);
    this.consumed = consumed;
  }
});

export { TimeoutError };
