/**
 * Python's `concurrent.futures` (CPython 3.11's package, ./support/concurrent/):
 * Future, wait, as_completed, Executor, ThreadPoolExecutor and
 * ProcessPoolExecutor for a runtime with one thread. A submitted call runs
 * inside submit(), so an executor's futures are done when it returns them;
 * waiting on a future nothing has finished raises RuntimeError (no timeout)
 * or waits the timeout out (README, "Differences from CPython").
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './concurrent.futures.js';

export const __name__ = 'concurrent.futures';
loadedModules.$set('concurrent.futures', self);

export {
  FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED, CancelledError, TimeoutError, InvalidStateError, BrokenExecutor, Future, Executor,
  wait, as_completed,
} from './support/concurrent/base.js';
export { ThreadPoolExecutor } from './support/concurrent/thread.js';
export { ProcessPoolExecutor } from './support/concurrent/process.js';
// The package's own import of its _base module binds it, as in CPython.
export * as _base from './concurrent.futures._base.js';
