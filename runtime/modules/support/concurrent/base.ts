/**
 * concurrent.futures._base (CPython 3.11's Lib/concurrent/futures/_base.py)
 * for a runtime with one thread: wait() and as_completed() over the
 * futures of ./future.ts, and the Executor base class. A wait for a future
 * nothing has finished is future.ts's waitInVain.
 */
import { NotImplementedError, RuntimeError, TimeoutError, ValueError } from '../../../builtins/exceptions.js';
import { call } from '../../../builtins/calls.js';
import { callMethod, callMethodKw } from '../../../builtins/attributes.js';
import { PySet } from '../../../builtins/set.js';
import { PyTuple } from '../../../builtins/values.js';
import { PyGenerator } from '../../../builtins/generators.js';
import { iterate } from '../../../builtins/iteration.js';
import { zip } from '../../../builtins/functions.js';
import { repr } from '../../../builtins/repr.js';
import { truthy } from '../../../builtins/truth.js';
import { namedtuple } from '../collections/namedtuple.js';
import { defineClass } from '../stdlib/pyclass.js';
import { pyClass, pyFunction } from '../pydef.js';
import {
  CANCELLED_AND_NOTIFIED, FINISHED, completionOrder, monotonic, timeoutSeconds, waitInVain, type FutureObj, type Waiter,
} from './future.js';

export {
  CANCELLED, CANCELLED_AND_NOTIFIED, CancelledError, Error, FINISHED, Future, InvalidStateError, PENDING, RUNNING, log, newFuture,
  type FutureObj,
} from './future.js';

const Q = 'concurrent.futures._base';

const method = <F extends (...args: never[]) => unknown>(cls: string, spec: string, name: string, impl: F): F =>
  pyFunction(spec, `${cls}.${name}`, Q, impl);

export const FIRST_COMPLETED = 'FIRST_COMPLETED';
export const FIRST_EXCEPTION = 'FIRST_EXCEPTION';
export const ALL_COMPLETED = 'ALL_COMPLETED';
const AS_COMPLETED = '_AS_COMPLETED';

export const BrokenExecutor = defineClass(Q, 'BrokenExecutor', [RuntimeError], {
  __doc__: '\n    Raised when a executor has become non-functional after a severe failure.\n    ',
});
export { TimeoutError };

export const DoneAndNotDoneFutures = call(namedtuple, ['DoneAndNotDoneFutures', 'done not_done'], { module: Q });

// ---------------------------------------------------------------------------
// Waiters: what wait() and as_completed() learn from the futures they watch

class WaiterBase implements Waiter {
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
class AnyCompletedWaiter extends WaiterBase {
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
class AllCompletedWaiter extends WaiterBase {
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
// wait() and as_completed()

function installWaiter(fs: FutureObj[], returnWhen: unknown): WaiterBase {
  let waiter: WaiterBase;
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

function removeWaiter(f: FutureObj, waiter: WaiterBase): void {
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
  return fs.sort((a, b) => completionOrder(a) - completionOrder(b));
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
function* yieldFinished(finished: FutureObj[], waiter: WaiterBase, sets: PySet[]): Generator<unknown, void, unknown> {
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
