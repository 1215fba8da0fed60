/**
 * concurrent.futures._base's Future (CPython 3.11's Lib/concurrent/futures/_base.py)
 * for a runtime with one thread: its states, done callbacks, waiters and
 * repr; base.ts has the rest of the module. Apart because asyncio makes
 * these futures (run_coroutine_threadsafe): `import asyncio` loads this
 * file, not the executors.
 *
 * Whatever could finish a pending future would run on the one thread, so
 * nothing can while a call waits for it: a wait with a timeout sleeps the
 * timeout out and reports what CPython reports when it expires, a wait
 * without one (a deadlock in CPython too, unless another thread ends it)
 * raises RuntimeError naming the limit.
 */
import { BaseException, Exception, RuntimeError, TimeoutError } from '../../../builtins/exceptions.js';
import { call } from '../../../builtins/calls.js';
import { raiseMade, toPython } from '../../../builtins/errors.js';
import { objectId } from '../../../builtins/classes/identity.js';
import { typeName } from '../../../builtins/values.js';
import { genericAliasClass } from '../../../builtins/genericAlias.js';
import { repr } from '../../../builtins/repr.js';
import { truthy } from '../../../builtins/truth.js';
import { futuresLogger, writeExceptionWarning, writeWarning } from '../../../asyncio/output.js';
import { concurrent } from '../../../asyncio/concurrentFutures.js';
import { blockFor } from '../../../builtins/io.js';
import { toDouble } from '../math/args.js';
import { defineClass, newException } from '../stdlib/pyclass.js';
import { pyClass, pyClassMethod, pyFunction } from '../pydef.js';

const Q = 'concurrent.futures._base';

export const PENDING = 'PENDING';
export const RUNNING = 'RUNNING';
export const CANCELLED = 'CANCELLED';
export const CANCELLED_AND_NOTIFIED = 'CANCELLED_AND_NOTIFIED';
export const FINISHED = 'FINISHED';

const DESCRIPTION: Record<string, string> = {
  PENDING: 'pending', RUNNING: 'running', CANCELLED: 'cancelled', CANCELLED_AND_NOTIFIED: 'cancelled', FINISHED: 'finished',
};

// Not `Error` in this file: that is JS's.
const FutureError = defineClass(Q, 'Error', [Exception], { __doc__: 'Base class for all future-related exceptions.' });
export { FutureError as Error };
export const CancelledError = defineClass(Q, 'CancelledError', [FutureError], { __doc__: 'The Future was cancelled.' });
export const InvalidStateError = defineClass(Q, 'InvalidStateError', [FutureError], { __doc__: 'The operation is not allowed in this state.' });

// ---------------------------------------------------------------------------
// Logging: CPython's LOGGER = logging.getLogger("concurrent.futures")

const CRITICAL = 50;
const ERROR = 40;

/**
 * A record on the `concurrent.futures` logger: through logging when the
 * program imported it (logging.ts sets the hook), else on stderr as the
 * lastResort handler writes it (both levels used here pass its WARNING).
 */
export function log(level: number, text: string, e: BaseException | null): void {
  if (futuresLogger.log?.(level, text, e)) return;
  if (e !== null) writeExceptionWarning(`${text}\n`, e);
  else writeWarning(`${text}\n`);
}

/** What wait() and as_completed() install in a future's `_waiters` (base.ts): told of its completion. */
export interface Waiter {
  add_result(future: unknown): void;
  add_exception(future: unknown): void;
  add_cancelled(future: unknown): void;
}

// ---------------------------------------------------------------------------
// Future

/** A Future's state, kept in its instance attributes under CPython's names. */
export interface FutureObj {
  _state: string;
  _result: unknown;
  _exception: unknown;
  _waiters: Waiter[];
  _done_callbacks: unknown[];
}

/**
 * When each future finished or was cancelled, counted: as_completed() hands
 * out the futures already done in that order (CPython's come out in the
 * order of a set of them, by address).
 */
const completions = new WeakMap<object, number>();
let completed = 0;

/** When `f` finished or was cancelled, as a count (Infinity: not known to have). */
export function completionOrder(f: object): number {
  return completions.get(f) ?? Infinity;
}

function markCompleted(f: FutureObj): void {
  completions.set(f, ++completed);
}

const method = <F extends (...args: never[]) => unknown>(cls: string, spec: string, name: string, impl: F): F =>
  pyFunction(spec, `${cls}.${name}`, Q, impl);

function invokeCallbacks(f: FutureObj): void {
  const callbacks = f._done_callbacks;
  for (let i = 0; i < callbacks.length; i++) invokeFutureCallback(f, callbacks[i]);
}

/** A done callback, its exception logged: a callback boundary, where the traceback of what it raised starts (traceback/format.ts). */
function invokeFutureCallback(f: FutureObj, callback: unknown): void {
  try {
    call(callback, [f], null);
  } catch (err) {
    const e = toPython(err);
    if (!(e instanceof Exception)) throw e;
    log(ERROR, `exception calling callback for ${repr(f)}`, e);
  }
}

function isDone(state: string): boolean {
  return state === CANCELLED || state === CANCELLED_AND_NOTIFIED || state === FINISHED;
}

function isCancelled(state: string): boolean {
  return state === CANCELLED || state === CANCELLED_AND_NOTIFIED;
}

/** `__get_result`: `raise self._exception`, as compiled code raises a name (a class, or a non-exception's TypeError, too). */
function getResult(f: FutureObj): unknown {
  if (truthy(f._exception)) throw raiseMade(f._exception);
  return f._result;
}

/** A timeout argument (None: wait forever), in seconds. */
export function timeoutSeconds(timeout: unknown): number | null {
  return timeout === null || timeout === undefined ? null : toDouble(timeout);
}

/**
 * CPython's Condition/Event wait for something only another thread could
 * do: with a timeout, the timeout passes (a negative or zero one returns at
 * once, as CPython's does); without one, the wait would never end.
 */
export function waitInVain(seconds: number | null, what: string): void {
  if (seconds === null) {
    throw new RuntimeError(`${what} would block forever: pyasync runs one thread, so nothing can finish a pending future meanwhile`);
  }
  if (seconds > 0) blockFor(seconds * 1000);
}

export function monotonic(): number {
  return performance.now() / 1000;
}

function setFinished(f: FutureObj, notify: (w: Waiter) => void): void {
  f._state = FINISHED;
  markCompleted(f);
  for (const waiter of f._waiters) notify(waiter);
}

export const Future = pyClass('Future', Q, [], {
  __doc__: 'Represents the result of an asynchronous computation.',
  __init__: method('Future', 'self', '__init__', (f: FutureObj) => {
    f._state = PENDING;
    f._result = null;
    f._exception = null;
    f._waiters = [];
    f._done_callbacks = [];
    return null;
  }),
  _invoke_callbacks: method('Future', 'self', '_invoke_callbacks', (f: FutureObj) => {
    invokeCallbacks(f);
    return null;
  }),
  __repr__: method('Future', 'self', '__repr__', (f: FutureObj) => {
    const head = `<${typeName(f)} at 0x${objectId(f).toString(16)} state=${DESCRIPTION[f._state] ?? f._state}`;
    if (f._state === FINISHED) {
      if (truthy(f._exception)) return `${head} raised ${typeName(f._exception)}>`;
      return `${head} returned ${typeName(f._result)}>`;
    }
    return `${head}>`;
  }),
  cancel: method('Future', 'self', 'cancel', (f: FutureObj) => {
    if (f._state === RUNNING || f._state === FINISHED) return false;
    if (isCancelled(f._state)) return true;
    f._state = CANCELLED;
    markCompleted(f);
    invokeCallbacks(f);
    return true;
  }),
  cancelled: method('Future', 'self', 'cancelled', (f: FutureObj) => isCancelled(f._state)),
  running: method('Future', 'self', 'running', (f: FutureObj) => f._state === RUNNING),
  done: method('Future', 'self', 'done', (f: FutureObj) => isDone(f._state)),
  add_done_callback: method('Future', 'self, fn', 'add_done_callback', (f: FutureObj, fn: unknown) => {
    if (!isDone(f._state)) {
      f._done_callbacks.push(fn);
      return null;
    }
    invokeFutureCallback(f, fn);
    return null;
  }),
  result: method('Future', 'self, timeout=', 'result', (f: FutureObj, timeout: unknown = null) => {
    if (isCancelled(f._state)) throw newException(CancelledError, [], null);
    if (f._state === FINISHED) return getResult(f);
    waitInVain(timeoutSeconds(timeout), 'Future.result() on a pending future with no timeout');
    if (isCancelled(f._state)) throw newException(CancelledError, [], null);
    if (f._state === FINISHED) return getResult(f);
    throw new TimeoutError();
  }),
  exception: method('Future', 'self, timeout=', 'exception', (f: FutureObj, timeout: unknown = null) => {
    if (isCancelled(f._state)) throw newException(CancelledError, [], null);
    if (f._state === FINISHED) return f._exception;
    waitInVain(timeoutSeconds(timeout), 'Future.exception() on a pending future with no timeout');
    if (isCancelled(f._state)) throw newException(CancelledError, [], null);
    if (f._state === FINISHED) return f._exception;
    throw new TimeoutError();
  }),
  set_running_or_notify_cancel: method('Future', 'self', 'set_running_or_notify_cancel', (f: FutureObj) => {
    if (f._state === CANCELLED) {
      f._state = CANCELLED_AND_NOTIFIED;
      for (const waiter of f._waiters) waiter.add_cancelled(f);
      return false;
    }
    if (f._state === PENDING) {
      f._state = RUNNING;
      return true;
    }
    log(CRITICAL, `Future ${objectId(f)} in unexpected state: ${f._state}`, null);
    throw new RuntimeError('Future in unexpected state');
  }),
  set_result: method('Future', 'self, result', 'set_result', (f: FutureObj, result: unknown) => {
    if (isDone(f._state)) throw newException(InvalidStateError, [`${f._state}: ${repr(f)}`], null);
    f._result = result;
    setFinished(f, (w) => w.add_result(f));
    invokeCallbacks(f);
    return null;
  }),
  set_exception: method('Future', 'self, exception', 'set_exception', (f: FutureObj, exception: unknown) => {
    if (isDone(f._state)) throw newException(InvalidStateError, [`${f._state}: ${repr(f)}`], null);
    f._exception = exception;
    setFinished(f, (w) => w.add_exception(f));
    invokeCallbacks(f);
    return null;
  }),
  __class_getitem__: pyClassMethod(genericAliasClass()),
});

// asyncio's wrap_future and run_coroutine_threadsafe know these from now on.
concurrent.Future = Future;
concurrent.CancelledError = CancelledError;
concurrent.InvalidStateError = InvalidStateError;

/** `_base.Future()`, as the executors make theirs. */
export function newFuture(): FutureObj {
  return call(Future, [], null) as FutureObj;
}
