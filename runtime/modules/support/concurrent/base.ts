/**
 * concurrent.futures._base (CPython 3.11's Lib/concurrent/futures/_base.py)
 * for a runtime with one thread: Future with CPython's states, callbacks,
 * waiters and repr; wait() and as_completed(); the Executor base class.
 *
 * Whatever could finish a pending future would run on the one thread, so
 * nothing can while a call waits for it: a wait with a timeout sleeps the
 * timeout out and reports what CPython reports when it expires, a wait
 * without one (a deadlock in CPython too, unless another thread ends it)
 * raises RuntimeError naming the limit.
 */
import { BaseException, Exception, NotImplementedError, RuntimeError, TimeoutError, ValueError } from '../../../builtins/exceptions.js';
import { call } from '../../../builtins/calls.js';
import { callMethod, callMethodKw } from '../../../builtins/attributes.js';
import { toPython } from '../../../builtins/errors.js';
import { objectId } from '../../../builtins/classes/identity.js';
import { PySet } from '../../../builtins/set.js';
import { PyTuple, typeName } from '../../../builtins/values.js';
import { PyGenerator } from '../../../builtins/generators.js';
import { iterate } from '../../../builtins/iteration.js';
import { zip } from '../../../builtins/functions.js';
import { repr } from '../../../builtins/repr.js';
import { truthy } from '../../../builtins/truth.js';
import { futuresLogger, writeExceptionWarning, writeWarning } from '../../../asyncio/output.js';
import { GenericAlias } from '../../types.js';
import { sleep } from '../../time.js';
import { toDouble } from '../math/args.js';
import { namedtuple } from '../collections/namedtuple.js';
import { defineClass } from '../stdlib/pyclass.js';
import { pyClass, pyClassMethod, pyFunction } from '../pydef.js';

const Q = 'concurrent.futures._base';

export const FIRST_COMPLETED = 'FIRST_COMPLETED';
export const FIRST_EXCEPTION = 'FIRST_EXCEPTION';
export const ALL_COMPLETED = 'ALL_COMPLETED';
const AS_COMPLETED = '_AS_COMPLETED';

export const PENDING = 'PENDING';
export const RUNNING = 'RUNNING';
export const CANCELLED = 'CANCELLED';
export const CANCELLED_AND_NOTIFIED = 'CANCELLED_AND_NOTIFIED';
export const FINISHED = 'FINISHED';

const DESCRIPTION: Record<string, string> = {
  PENDING: 'pending', RUNNING: 'running', CANCELLED: 'cancelled', CANCELLED_AND_NOTIFIED: 'cancelled', FINISHED: 'finished',
};

export const Error = defineClass(Q, 'Error', [Exception], { __doc__: 'Base class for all future-related exceptions.' });
export const CancelledError = defineClass(Q, 'CancelledError', [Error], { __doc__: 'The Future was cancelled.' });
export const InvalidStateError = defineClass(Q, 'InvalidStateError', [Error], { __doc__: 'The operation is not allowed in this state.' });
export const BrokenExecutor = defineClass(Q, 'BrokenExecutor', [RuntimeError], {
  __doc__: '\n    Raised when a executor has become non-functional after a severe failure.\n    ',
});
export { TimeoutError };

export const DoneAndNotDoneFutures = call(namedtuple, ['DoneAndNotDoneFutures', 'done not_done'], { module: Q });

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

// ---------------------------------------------------------------------------
// Waiters: what wait() and as_completed() learn from the futures they watch

class Waiter {
  finished_futures: unknown[] = [];
  /** CPython's threading.Event: set once the wait may end. */
  event = false;

  add_result(future: unknown): void {
    this.finished_futures.push(future);
  }

  add_exception(future: unknown): void {
    this.finished_futures.push(future);
  }

  add_cancelled(future: unknown): void {
    this.finished_futures.push(future);
  }
}

/** Used by as_completed() and wait(return_when=FIRST_COMPLETED): any completion ends the wait. */
class AnyCompletedWaiter extends Waiter {
  override add_result(future: unknown): void {
    super.add_result(future);
    this.event = true;
  }

  override add_exception(future: unknown): void {
    super.add_exception(future);
    this.event = true;
  }

  override add_cancelled(future: unknown): void {
    super.add_cancelled(future);
    this.event = true;
  }
}

/** Used by wait(return_when=FIRST_EXCEPTION and ALL_COMPLETED). */
class AllCompletedWaiter extends Waiter {
  constructor(private numPendingCalls: number, private readonly stopOnException: boolean) {
    super();
  }

  private decrement(): void {
    this.numPendingCalls -= 1;
    if (this.numPendingCalls === 0) this.event = true;
  }

  override add_result(future: unknown): void {
    super.add_result(future);
    this.decrement();
  }

  override add_exception(future: unknown): void {
    super.add_exception(future);
    if (this.stopOnException) this.event = true;
    else this.decrement();
  }

  override add_cancelled(future: unknown): void {
    super.add_cancelled(future);
    this.decrement();
  }
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

function getResult(f: FutureObj): unknown {
  if (truthy(f._exception)) throw f._exception;
  return f._result;
}

/** A timeout argument (None: wait forever), in seconds. */
function timeoutSeconds(timeout: unknown): number | null {
  return timeout === null || timeout === undefined ? null : toDouble(timeout);
}

/**
 * CPython's Condition/Event wait for something only another thread could
 * do: with a timeout, the timeout passes (a negative or zero one returns at
 * once, as CPython's does); without one, the wait would never end.
 */
function waitInVain(seconds: number | null, what: string): void {
  if (seconds === null) {
    throw new RuntimeError(`${what} would block forever: pyasync runs one thread, so nothing can finish a pending future meanwhile`);
  }
  if (seconds > 0) sleep(seconds);
}

function monotonic(): number {
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
    if (isCancelled(f._state)) throw call(CancelledError, [], null);
    if (f._state === FINISHED) return getResult(f);
    waitInVain(timeoutSeconds(timeout), 'Future.result() on a pending future with no timeout');
    if (isCancelled(f._state)) throw call(CancelledError, [], null);
    if (f._state === FINISHED) return getResult(f);
    throw new TimeoutError();
  }),
  exception: method('Future', 'self, timeout=', 'exception', (f: FutureObj, timeout: unknown = null) => {
    if (isCancelled(f._state)) throw call(CancelledError, [], null);
    if (f._state === FINISHED) return f._exception;
    waitInVain(timeoutSeconds(timeout), 'Future.exception() on a pending future with no timeout');
    if (isCancelled(f._state)) throw call(CancelledError, [], null);
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
    if (isDone(f._state)) throw call(InvalidStateError, [`${f._state}: ${repr(f)}`], null);
    f._result = result;
    setFinished(f, (w) => w.add_result(f));
    invokeCallbacks(f);
    return null;
  }),
  set_exception: method('Future', 'self, exception', 'set_exception', (f: FutureObj, exception: unknown) => {
    if (isDone(f._state)) throw call(InvalidStateError, [`${f._state}: ${repr(f)}`], null);
    f._exception = exception;
    setFinished(f, (w) => w.add_exception(f));
    invokeCallbacks(f);
    return null;
  }),
  __class_getitem__: pyClassMethod(GenericAlias),
});

/** `_base.Future()`, as the executors make theirs. */
export function newFuture(): FutureObj {
  return call(Future, [], null) as FutureObj;
}

// ---------------------------------------------------------------------------
// wait() and as_completed()

function installWaiter(fs: FutureObj[], returnWhen: unknown): Waiter {
  let waiter: Waiter;
  if (returnWhen === AS_COMPLETED || returnWhen === FIRST_COMPLETED) {
    waiter = new AnyCompletedWaiter();
  } else {
    const pending = fs.filter((f) => f._state !== CANCELLED_AND_NOTIFIED && f._state !== FINISHED).length;
    if (returnWhen === FIRST_EXCEPTION) waiter = new AllCompletedWaiter(pending, true);
    else if (returnWhen === ALL_COMPLETED) waiter = new AllCompletedWaiter(pending, false);
    else throw new ValueError(`Invalid return condition: ${repr(returnWhen)}`);
  }
  for (const f of fs) f._waiters.push(waiter);
  return waiter;
}

function removeWaiter(f: FutureObj, waiter: Waiter): void {
  const at = f._waiters.indexOf(waiter);
  if (at < 0) throw new ValueError('list.remove(x): x not in list');
  f._waiters.splice(at, 1);
}

/** `set(fs)`: the futures once each, in the order given. */
function futureSet(fs: unknown): PySet {
  const set = new PySet();
  for (const f of iterate(fs)) set.$add(f);
  return set;
}

function finishedOrNotified(f: FutureObj): boolean {
  return f._state === CANCELLED_AND_NOTIFIED || f._state === FINISHED;
}

function byCompletion(fs: FutureObj[]): FutureObj[] {
  const order = (f: FutureObj): number => completions.get(f) ?? Infinity;
  return fs.sort((a, b) => order(a) - order(b));
}

export const wait = pyFunction('fs, timeout=, return_when=', 'wait', Q, (fsArg: unknown, timeout: unknown = null, returnWhen: unknown = ALL_COMPLETED) => {
  const fs = futureSet(fsArg);
  const all = [...fs] as FutureObj[];
  const done = new PySet();
  for (const f of all) if (finishedOrNotified(f)) done.$add(f);
  const notDone = (): PySet => {
    const rest = new PySet();
    for (const f of all) if (!done.$has(f)) rest.$add(f);
    return rest;
  };
  if (returnWhen === FIRST_COMPLETED && done.size > 0) return call(DoneAndNotDoneFutures, [done, notDone()], null);
  if (returnWhen === FIRST_EXCEPTION && done.size > 0) {
    for (const f of done as Iterable<FutureObj>) {
      if (!truthy(callMethod(f, 'cancelled')) && callMethod(f, 'exception') !== null) {
        return call(DoneAndNotDoneFutures, [done, notDone()], null);
      }
    }
  }
  if (done.size === all.length) return call(DoneAndNotDoneFutures, [done, notDone()], null);
  const waiter = installWaiter(all, returnWhen);
  try {
    waitInVain(timeoutSeconds(timeout), 'wait() for futures still pending, with no timeout,');
  } finally {
    for (const f of all) removeWaiter(f, waiter);
  }
  for (const f of waiter.finished_futures) done.$add(f);
  return call(DoneAndNotDoneFutures, [done, notDone()], null);
});

/** Hands out the finished futures in `finished` (from its front), each dropped from `sets` and from the waiter first. */
function* yieldFinished(finished: FutureObj[], waiter: Waiter, sets: PySet[]): Generator<unknown, void, unknown> {
  while (finished.length > 0) {
    const f = finished[0]!;
    for (const set of sets) set.$delete(f);
    removeWaiter(f, waiter);
    yield finished.shift();
  }
}

function* asCompletedBody(fsArg: unknown, timeout: unknown): Generator<unknown, void, unknown> {
  const seconds = timeoutSeconds(timeout);
  const endTime = seconds === null ? 0 : seconds + monotonic();
  const fs = futureSet(fsArg);
  const total = fs.size;
  const all = [...fs] as FutureObj[];
  const finished = byCompletion(all.filter(finishedOrNotified));
  const pending = new PySet();
  for (const f of all) if (!finishedOrNotified(f)) pending.$add(f);
  const waiter = installWaiter(all, AS_COMPLETED);
  try {
    yield* yieldFinished(finished, waiter, [fs]);
    while (pending.size > 0) {
      let waitTimeout: number | null = null;
      if (seconds !== null) {
        waitTimeout = endTime - monotonic();
        if (waitTimeout < 0) throw new TimeoutError(`${pending.size} (of ${total}) futures unfinished`);
      }
      if (!waiter.event) waitInVain(waitTimeout, 'as_completed() waiting for a pending future with no timeout');
      const now = waiter.finished_futures as FutureObj[];
      waiter.finished_futures = [];
      waiter.event = false;
      yield* yieldFinished(now, waiter, [fs, pending]);
    }
  } finally {
    for (const f of fs as Iterable<FutureObj>) removeWaiter(f, waiter);
  }
}

export const as_completed = pyFunction('fs, timeout=', 'as_completed', Q, (fs: unknown, timeout: unknown = null) =>
  new PyGenerator(asCompletedBody(fs, timeout), 'as_completed'));

// ---------------------------------------------------------------------------
// Executor

/** `_result_or_cancel(fut, timeout)`: the result, the future cancelled in any case. */
function resultOrCancel(fut: unknown, timeout: number | null): unknown {
  try {
    return callMethod(fut, 'result', timeout);
  } finally {
    callMethod(fut, 'cancel');
  }
}

/** What Executor.map returns once every call is submitted: the results in order. */
function* resultIterator(fs: unknown[], endTime: number | null): Generator<unknown, void, unknown> {
  try {
    fs.reverse();
    while (fs.length > 0) {
      yield resultOrCancel(fs.pop(), endTime === null ? null : endTime - monotonic());
    }
  } finally {
    for (const f of fs) callMethod(f, 'cancel');
  }
}

/** Executor.map's work: each call submitted now, the results read as the iterator is. */
export function executorMap(executor: unknown, fn: unknown, iterables: unknown[], timeout: unknown): PyGenerator {
  const seconds = timeoutSeconds(timeout);
  const endTime = seconds === null ? null : seconds + monotonic();
  const fs: unknown[] = [];
  for (const args of iterate(call(zip, iterables, null))) fs.push(callMethod(executor, 'submit', fn, ...(args as PyTuple)));
  return new PyGenerator(resultIterator(fs, endTime), 'Executor.map.<locals>.result_iterator');
}

export const Executor = pyClass('Executor', Q, [], {
  __doc__: 'This is an abstract base class for concrete asynchronous executors.',
  submit: method('Executor', 'self, fn, /, *args, **kwargs', 'submit', () => {
    throw new NotImplementedError();
  }),
  map: method('Executor', 'self, fn, *iterables, timeout=, chunksize=', 'map',
    (self: unknown, fn: unknown, iterables: PyTuple, timeout: unknown = null) => executorMap(self, fn, [...iterables], timeout)),
  shutdown: method('Executor', 'self, wait=, *, cancel_futures=', 'shutdown', () => null),
  __enter__: method('Executor', 'self', '__enter__', (self: unknown) => self),
  __exit__: method('Executor', 'self, exc_type, exc_val, exc_tb', '__exit__', (self: unknown) => {
    callMethodKw(self, 'shutdown', [], { wait: true });
    return false;
  }),
});
