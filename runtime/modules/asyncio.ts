/**
 * Python's `asyncio` package: its exports are the package's attributes
 * (this namespace object is the module object compiled code sees). The
 * implementation is in runtime/asyncio/, one file per CPython module.
 */
export const __name__ = 'asyncio';

export {
  CancelledError, InvalidStateError, TimeoutError, IncompleteReadError, LimitOverrunError, SendfileNotAvailableError, BrokenBarrierError,
} from '../asyncio/exceptions.js';
export {
  Handle, TimerHandle, get_running_loop, get_event_loop, set_event_loop, new_event_loop, _get_running_loop, _set_running_loop,
  AbstractEventLoopPolicy, DefaultEventLoopPolicy, get_event_loop_policy, set_event_loop_policy,
} from '../asyncio/events.js';
export { BaseEventLoop, BaseEventLoop as AbstractEventLoop } from '../asyncio/baseEvents.js';
export { Future, isfuture } from '../asyncio/futures.js';
export { wrap_future, run_coroutine_threadsafe } from '../asyncio/concurrentFutures.js';
// CPython's asyncio imports concurrent.futures: run_coroutine_threadsafe makes its Future (its executors load with that module).
import './support/concurrent/future.js';
export { iscoroutine } from '../asyncio/coroutines.js';
// As CPython's: through bound methods and partials to the function.
export { iscoroutinefunction } from './inspect.js';
export {
  Task, create_task, current_task, all_tasks, ensure_future, sleep, gather, shield, wait, wait_for, as_completed,
  FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED,
} from '../asyncio/tasks.js';
export { run, Runner } from '../asyncio/runners.js';
export { TaskGroup } from '../asyncio/taskgroups.js';
export { to_thread } from '../asyncio/threads.js';
export { Timeout, timeout, timeout_at } from '../asyncio/timeouts.js';
export { Lock, Event, Condition, Semaphore, BoundedSemaphore, Barrier } from '../asyncio/locks.js';
export { Queue, PriorityQueue, LifoQueue, QueueEmpty, QueueFull } from '../asyncio/queues.js';
export { BaseProtocol, Protocol, BufferedProtocol, DatagramProtocol, SubprocessProtocol } from '../asyncio/baseProtocols.js';
export {
  BaseTransport, ReadTransport, WriteTransport, Transport, DatagramTransport, SubprocessTransport,
} from '../asyncio/transports.js';
export { Server } from '../asyncio/server.js';
export {
  StreamReader, StreamWriter, StreamReaderProtocol, open_connection, start_server, open_unix_connection, start_unix_server,
} from '../asyncio/streams.js';
export { create_subprocess_exec, create_subprocess_shell } from '../asyncio/subprocess.js';
// `import asyncio` binds asyncio.subprocess too, as asyncio/__init__.py imports it.
export * as subprocess from './asyncio.subprocess.js';
