/**
 * concurrent.futures.thread (CPython 3.11's Lib/concurrent/futures/thread.py)
 * without threads. A submitted call runs at once, inside submit(), as when
 * CPython's worker thread takes the work item before the submitting thread
 * goes on: each call is over before the next submit, so one worker is ever
 * needed (CPython's reuses an idle worker rather than start another), its
 * initializer runs once, before the first call. Futures are finished when
 * submit returns them; shutdown has nothing left to wait for or cancel.
 */
import { BaseException, RuntimeError, TypeError, ValueError } from '../../../builtins/exceptions.js';
import { call } from '../../../builtins/calls.js';
import { callMethod } from '../../../builtins/attributes.js';
import { toPython } from '../../../builtins/errors.js';
import { le } from '../../../builtins/operators.js';
import { truthy } from '../../../builtins/truth.js';
import { callable } from '../../../builtins/types.js';
import { PyDict } from '../../../builtins/dict.js';
import { PyTuple } from '../../../builtins/values.js';
import { iterate } from '../../../builtins/iteration.js';
import { pyClass, pyFunction, kwargsRecord } from '../pydef.js';
import { defineClass, newException } from '../stdlib/pyclass.js';
import { concurrent } from '../../../asyncio/concurrentFutures.js';
import { ContextImpl, runInContext } from '../../../asyncio/contexts.js';
import { BrokenExecutor, Executor, log, newFuture, type FutureObj } from './base.js';

const Q = 'concurrent.futures.thread';

/** os.cpu_count(), without loading the os module for it. */
export function cpuCount(): number | null {
  return (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? null;
}
const CRITICAL = 50;

export const BrokenThreadPool = defineClass(Q, 'BrokenThreadPool', [BrokenExecutor], {
  __doc__: '\n    Raised when a worker thread in a ThreadPoolExecutor failed initializing.\n    ',
});

/** The executor's state, kept in its instance attributes under CPython's names. */
interface PoolObj {
  _max_workers: unknown;
  _broken: unknown;
  _shutdown: unknown;
  _thread_name_prefix: unknown;
  _initializer: unknown;
  _initargs: unknown;
}

/**
 * The Context of each executor's worker, once started: a new thread's
 * starts empty, and the calls it runs (their done callbacks too) share it.
 */
const workers = new WeakMap<object, ContextImpl>();

/** `fn` in the worker's Context (already current when a call submits another to its own executor). */
export function inWorker<T>(context: ContextImpl, fn: () => T): T {
  return context.$entered ? fn() : runInContext(context, fn);
}

/** ThreadPoolExecutor-N names for pools given no prefix (CPython's class-wide `_counter`). */
let counter = 0;

/** `_WorkItem.run()`: the call, its result or exception on the future (unless cancelled before it could start). */
export function runWorkItem(future: FutureObj, fn: unknown, args: unknown[], kwargs: Record<string, unknown> | null): void {
  if (!truthy(callMethod(future, 'set_running_or_notify_cancel'))) return;
  let result: unknown;
  try {
    result = call(fn, args, kwargs);
  } catch (err) {
    callMethod(future, 'set_exception', toPython(err));
    return;
  }
  callMethod(future, 'set_result', result);
}

/** Runs an initializer as a worker does: false (after logging it, as CPython's worker does) when it raised. */
export function runInitializer(initializer: unknown, initargs: unknown): boolean {
  try {
    call(initializer, [...iterate(initargs)], null);
    return true;
  } catch (err) {
    const e = toPython(err);
    log(CRITICAL, 'Exception in initializer:', e instanceof BaseException ? e : null);
    return false;
  }
}

/** `max_workers <= 0`, with Python's comparison (and its TypeError for a non-number). */
export function checkMaxWorkers(maxWorkers: unknown): void {
  if (truthy(le(maxWorkers, 0))) throw new ValueError('max_workers must be greater than 0');
}

export function checkInitializer(initializer: unknown): void {
  if (initializer !== null && initializer !== undefined && !callable(initializer)) throw new TypeError('initializer must be a callable');
}

const method = <F extends (...args: never[]) => unknown>(spec: string, name: string, impl: F): F =>
  pyFunction(spec, `ThreadPoolExecutor.${name}`, Q, impl);

export const ThreadPoolExecutor = pyClass('ThreadPoolExecutor', Q, [Executor], {
  __init__: method('self, max_workers=, thread_name_prefix=, initializer=, initargs=', '__init__',
    (ex: PoolObj, maxWorkers: unknown = null, prefix: unknown = '', initializer: unknown = null, initargs: unknown = PyTuple.fromArray([])) => {
      if (maxWorkers === null || maxWorkers === undefined) maxWorkers = Math.min(32, (cpuCount() ?? 1) + 4);
      checkMaxWorkers(maxWorkers);
      checkInitializer(initializer);
      ex._max_workers = maxWorkers;
      ex._broken = false;
      ex._shutdown = false;
      ex._thread_name_prefix = truthy(prefix) ? prefix : `ThreadPoolExecutor-${counter++}`;
      ex._initializer = initializer;
      ex._initargs = initargs;
      return null;
    }),
  submit: method('self, fn, /, *args, **kwargs', 'submit', (ex: PoolObj, fn: unknown, args: PyTuple, kwargs: PyDict) => {
    if (truthy(ex._broken)) throw newException(BrokenThreadPool, [ex._broken], null);
    if (truthy(ex._shutdown)) throw new RuntimeError('cannot schedule new futures after shutdown');
    const f = newFuture();
    let worker = workers.get(ex);
    if (worker === undefined) {
      // The pool's one worker starts: its initializer first. A failure breaks the pool, the queued call's future with it.
      worker = new ContextImpl();
      workers.set(ex, worker);
      const initializer = ex._initializer;
      if (initializer !== null && initializer !== undefined && !inWorker(worker, () => runInitializer(initializer, ex._initargs))) {
        ex._broken = 'A thread initializer failed, the thread pool is not usable anymore';
        callMethod(f, 'set_exception', call(BrokenThreadPool, [ex._broken], null));
        return f;
      }
    }
    inWorker(worker, () => runWorkItem(f, fn, [...args], kwargsRecord(kwargs) ?? null));
    return f;
  }),
  shutdown: method('self, wait=, *, cancel_futures=', 'shutdown', (ex: PoolObj) => {
    // No call is ever queued (each ran inside its submit): nothing to cancel or to wait for.
    ex._shutdown = true;
    return null;
  }),
});

// asyncio's set_default_executor takes its instances from now on.
concurrent.ThreadPoolExecutor = ThreadPoolExecutor;
