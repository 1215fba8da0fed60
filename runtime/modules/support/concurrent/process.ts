/**
 * concurrent.futures.process (CPython 3.11's Lib/concurrent/futures/process.py)
 * without processes: a submitted call runs at once, inside submit(), in the
 * program's own process, as ThreadPoolExecutor's do (./thread.ts). So
 * nothing is pickled (a lambda can be submitted; results and exceptions are
 * the objects themselves, with no `_RemoteTraceback` cause) and the calls
 * share the program's globals.
 *
 * Worker processes are counted as CPython starts them on Linux: with the
 * default "fork" context all `max_workers` at the first submit, each running
 * the initializer; with `max_tasks_per_child` (a "spawn" context) one at a
 * time, replaced once it has run that many calls.
 */
import { RuntimeError, TypeError, ValueError } from '../../../builtins/exceptions.js';
import { call } from '../../../builtins/calls.js';
import { callMethod } from '../../../builtins/attributes.js';
import { truthy } from '../../../builtins/truth.js';
import { isinstanceInt } from '../../../builtins/isinstanceFast.js';
import { le } from '../../../builtins/operators.js';
import { PyDict } from '../../../builtins/dict.js';
import { PyTuple } from '../../../builtins/values.js';
import { PyGenerator } from '../../../builtins/generators.js';
import { iterate } from '../../../builtins/iteration.js';
import { zip } from '../../../builtins/functions.js';
import { toIndex } from '../math/args.js';
import { pyClass, pyFunction, kwargsRecord } from '../pydef.js';
import { defineClass, newException } from '../stdlib/pyclass.js';
import { BrokenExecutor, Executor, executorMap, newFuture } from './base.js';
import { checkInitializer, checkMaxWorkers, cpuCount, inWorker, runInitializer, runWorkItem } from './thread.js';
import { copyContext, type ContextImpl } from '../../../asyncio/contexts.js';

const Q = 'concurrent.futures.process';

export const BrokenProcessPool = defineClass(Q, 'BrokenProcessPool', [BrokenExecutor], {
  __doc__: '\n    Raised when a process in a ProcessPoolExecutor terminated abruptly\n    while a future was in the running state.\n    ',
});

/** The executor's state, kept in its instance attributes under CPython's names. */
interface PoolObj {
  _max_workers: unknown;
  _mp_context: unknown;
  _initializer: unknown;
  _initargs: unknown;
  _max_tasks_per_child: unknown;
  _broken: unknown;
  _shutdown_thread: unknown;
}

/**
 * The emulated worker processes of a pool, once started: how many calls the
 * current one has run, and their Context (a forked process's copy of the
 * program's at the first submit).
 */
const workers = new WeakMap<object, { tasks: number; context: ContextImpl }>();

/**
 * The workers a submit finds (starting them as CPython would): false when
 * an initializer failed, which ends its process and breaks the pool.
 */
function startWorkers(ex: PoolObj): { ok: boolean; context: ContextImpl } {
  let state = workers.get(ex);
  const perChild = ex._max_tasks_per_child;
  const limited = perChild !== null && perChild !== undefined;
  let starting = 0;
  if (state === undefined) {
    state = { tasks: 0, context: copyContext() };
    workers.set(ex, state);
    starting = limited ? 1 : Number(toIndex(ex._max_workers));
  } else if (limited && state.tasks >= Number(toIndex(perChild))) {
    state.tasks = 0;
    starting = 1;
  }
  let ok = true;
  const initializer = ex._initializer;
  const context = state.context;
  if (initializer !== null && initializer !== undefined) {
    for (let i = 0; i < starting; i++) if (!inWorker(context, () => runInitializer(initializer, ex._initargs))) ok = false;
  }
  state.tasks += 1;
  return { ok, context };
}

function breakPool(ex: PoolObj): void {
  ex._broken = 'A child process terminated abruptly, the process pool is not usable anymore';
  ex._shutdown_thread = true;
}

/** `partial(_process_chunk, fn)`: the calls of one chunk of map's arguments, as a list. */
function processChunk(fn: unknown): unknown {
  return pyFunction('chunk', '_process_chunk', Q, (chunk: PyTuple) => [...chunk].map((args) => call(fn, [...(args as PyTuple)], null)));
}

/** `_get_chunks(*iterables, chunksize)`: tuples of up to chunksize argument tuples. */
function* getChunks(iterables: unknown[], chunksize: number): Generator<unknown, void, unknown> {
  let chunk: unknown[] = [];
  for (const args of iterate(call(zip, iterables, null))) {
    chunk.push(args);
    if (chunk.length === chunksize) {
      yield PyTuple.fromArray(chunk);
      chunk = [];
    }
  }
  if (chunk.length > 0) yield PyTuple.fromArray(chunk);
}

/** `_chain_from_iterable_of_lists`: the results of the chunks, one by one. */
function* chainFromLists(results: PyGenerator): Generator<unknown, void, unknown> {
  for (const element of results) {
    const list = element as unknown[];
    list.reverse();
    while (list.length > 0) yield list.pop();
  }
}

const method = <F extends (...args: never[]) => unknown>(spec: string, name: string, impl: F): F =>
  pyFunction(spec, `ProcessPoolExecutor.${name}`, Q, impl);

export const ProcessPoolExecutor = pyClass('ProcessPoolExecutor', Q, [Executor], {
  __init__: method('self, max_workers=, mp_context=, initializer=, initargs=, *, max_tasks_per_child=', '__init__',
    (ex: PoolObj, maxWorkers: unknown = null, mpContext: unknown = null, initializer: unknown = null,
      initargs: unknown = PyTuple.fromArray([]), maxTasksPerChild: unknown = null) => {
      if (maxWorkers === null || maxWorkers === undefined) {
        ex._max_workers = cpuCount() ?? 1;
      } else {
        checkMaxWorkers(maxWorkers);
        ex._max_workers = maxWorkers;
      }
      // No multiprocessing: a context given is kept, not used.
      ex._mp_context = mpContext ?? null;
      checkInitializer(initializer);
      ex._initializer = initializer;
      ex._initargs = initargs;
      if (maxTasksPerChild !== null && maxTasksPerChild !== undefined) {
        if (!isinstanceInt(maxTasksPerChild)) throw new TypeError('max_tasks_per_child must be an integer');
        if (truthy(le(maxTasksPerChild, 0))) throw new ValueError('max_tasks_per_child must be >= 1');
      }
      ex._max_tasks_per_child = maxTasksPerChild ?? null;
      ex._broken = false;
      ex._shutdown_thread = false;
      return null;
    }),
  submit: method('self, fn, /, *args, **kwargs', 'submit', (ex: PoolObj, fn: unknown, args: PyTuple, kwargs: PyDict) => {
    if (truthy(ex._broken)) throw newException(BrokenProcessPool, [ex._broken], null);
    if (truthy(ex._shutdown_thread)) throw new RuntimeError('cannot schedule new futures after shutdown');
    const f = newFuture();
    const worker = startWorkers(ex);
    if (!worker.ok) {
      breakPool(ex);
      const bpe = call(BrokenProcessPool, ['A process in the process pool was terminated abruptly while the future was running or pending.'], null);
      callMethod(f, 'set_exception', bpe);
      return f;
    }
    inWorker(worker.context, () => runWorkItem(f, fn, [...args], kwargsRecord(kwargs) ?? null));
    return f;
  }),
  map: method('self, fn, *iterables, timeout=, chunksize=', 'map',
    (ex: PoolObj, fn: unknown, iterables: PyTuple, timeout: unknown = null, chunksize: unknown = 1) => {
      if (truthy(le(chunksize, 0))) throw new ValueError('chunksize must be >= 1.');
      const size = Number(toIndex(chunksize));
      const chunks = new PyGenerator(getChunks([...iterables], size), '_get_chunks');
      const results = executorMap(ex, processChunk(fn), [chunks], timeout);
      return new PyGenerator(chainFromLists(results), '_chain_from_iterable_of_lists');
    }),
  shutdown: method('self, wait=, *, cancel_futures=', 'shutdown', (ex: PoolObj) => {
    ex._shutdown_thread = true;
    return null;
  }),
});
