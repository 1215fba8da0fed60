/**
 * Python's `concurrent.futures._base`: Future and its states, wait,
 * as_completed, Executor and the exceptions (./support/concurrent/).
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './concurrent.futures._base.js';

export const __name__ = 'concurrent.futures._base';
loadedModules.$set('concurrent.futures._base', self);

export {
  ALL_COMPLETED, BrokenExecutor, CANCELLED, CANCELLED_AND_NOTIFIED, CancelledError, DoneAndNotDoneFutures, Error, Executor, FINISHED,
  FIRST_COMPLETED, FIRST_EXCEPTION, Future, InvalidStateError, PENDING, RUNNING, TimeoutError, as_completed, wait,
} from './support/concurrent/base.js';
