/**
 * asyncio.runners: `asyncio.run(main())` and Runner, as CPython 3.11's:
 * a new loop, the coroutine as its main Task, then the shutdown — remaining
 * tasks cancelled and gathered, `shutdown_asyncgens` and
 * `shutdown_default_executor` run as tasks of their own (so each run uses
 * three Task numbers, as in CPython), the loop closed.
 *
 * A JS program cannot block, so `run` returns a Promise; the compiler
 * awaits it where the call is (module level, `if __name__ == "__main__":`,
 * a plain function called from there), which makes the statements after it
 * wait, as they do in CPython.
 */
import { KeyboardInterrupt, RuntimeError, ValueError } from '../builtins/exceptions.js';
import { getattr } from '../builtins/attributes.js';
import { call } from '../builtins/calls.js';
import { partial } from '../modules/functools.js';
import { SIGINT, default_int_handler, getHandler, loopRunning, setHandler } from '../modules/support/signal/handlers.js';
import { CancelledError } from './exceptions.js';
import { repr } from '../builtins/repr.js';
import { callableClass } from '../builtins/callableClass.js';
import type { PyCallable } from '../builtins/calls.js';
import { PyDict } from '../builtins/dict.js';
import { _get_running_loop, new_event_loop, set_event_loop } from './events.js';
import { blocking, boxed, unboxed, type BaseEventLoop } from './baseEvents.js';
import { iscoroutine } from './coroutines.js';
import { all_tasks, gather, type Task } from './tasks.js';
import { reportUnretrieved } from './futures.js';
import { takeKeywords, type Keywords } from './keywords.js';
import { truthy } from '../builtins/truth.js';
import { rememberingSite } from '../builtins/blockingSites.js';
import { withContext } from '../builtins/errors.js';

async function cancelAllTasks(loop: BaseEventLoop): Promise<void> {
  const toCancel = [...all_tasks(loop)] as Task[];
  if (toCancel.length === 0) return;
  for (const task of toCancel) task.cancel();
  await loop.$runUntilComplete(gather(...toCancel, { return_exceptions: true }));
  for (const task of toCancel) {
    if (task.cancelled()) continue;
    const exc = task.exception();
    if (exc !== null) {
      loop.call_exception_handler(new PyDict(Object.entries({
        message: 'unhandled exception during asyncio.run() shutdown',
        exception: exc,
        task,
      })));
    }
  }
}

class RunnerImpl {
  static readonly __name__ = 'Runner';
  static readonly __module__ = 'asyncio.runners';
  private $loop: BaseEventLoop | null = null;
  private $state: 'created' | 'initialized' | 'closed' = 'created';
  private readonly $debug: boolean | null;
  _interrupt_count = 0;

  constructor(...args: unknown[]) {
    const kw = takeKeywords(args);
    const debug = kw?.['debug'] ?? null;
    this.$debug = debug === null ? null : truthy(debug);
  }

  $lazyInit(): BaseEventLoop {
    if (this.$state === 'closed') throw new RuntimeError('Runner is closed');
    if (this.$state === 'initialized') return this.$loop!;
    const loop = new_event_loop();
    set_event_loop(loop);
    if (this.$debug !== null) loop.set_debug(this.$debug);
    this.$loop = loop;
    this.$state = 'initialized';
    return loop;
  }

  get_loop(): BaseEventLoop {
    return this.$lazyInit();
  }

  run(coro: unknown): Promise<unknown> {
    return blocking(this.$run(coro));
  }

  async $run(coro: unknown): Promise<unknown> {
    if (!iscoroutine(coro)) throw new ValueError(`a coroutine was expected, got ${repr(coro)}`);
    if (_get_running_loop() !== null) throw new RuntimeError('Runner.run() cannot be called from a running event loop');
    const loop = this.$lazyInit();
    const task = loop.create_task(coro);
    // Ctrl-C cancels the main task (and a second one raises KeyboardInterrupt), unless the program has a SIGINT handler of its own.
    let sigintHandler: unknown = null;
    if (getHandler(SIGINT) === default_int_handler) {
      sigintHandler = call(partial, [getattr(this, '_on_sigint')], { main_task: task });
      setHandler(SIGINT, sigintHandler, true);
    }
    this._interrupt_count = 0;
    try {
      return await loop.$runUntilComplete(task);
    } catch (error) {
      if (error instanceof CancelledError && this._interrupt_count > 0 && task.uncancel() === 0) throw withContext(new KeyboardInterrupt(), error);
      throw error;
    } finally {
      if (sigintHandler !== null && getHandler(SIGINT) === sigintHandler) setHandler(SIGINT, default_int_handler);
    }
  }

  _on_sigint(_signum: unknown, _frame: unknown, ...rest: unknown[]): null {
    const mainTask = (takeKeywords(rest)?.['main_task'] ?? rest[0]) as Task;
    this._interrupt_count += 1;
    if (this._interrupt_count === 1 && !mainTask.done()) {
      mainTask.cancel();
      // Wakes a loop waiting for a timer or the host.
      this.$loop?.call_soon_threadsafe(() => null);
      return null;
    }
    throw new KeyboardInterrupt();
  }

  close(): Promise<unknown> {
    return blocking(this.$close().then(() => null));
  }

  async $close(): Promise<void> {
    if (this.$state !== 'initialized') return;
    const loop = this.$loop!;
    try {
      await cancelAllTasks(loop);
      await loop.$runUntilComplete(loop.shutdown_asyncgens());
      await loop.$runUntilComplete(loop.shutdown_default_executor());
    } finally {
      set_event_loop(null);
      reportUnretrieved(loop);
      loop.close();
      this.$loop = null;
      this.$state = 'closed';
    }
  }

  __enter__(): this {
    this.$lazyInit();
    return this;
  }

  __exit__(): Promise<unknown> {
    return this.close();
  }
}

export const Runner = callableClass(RunnerImpl);
(Runner as unknown as PyCallable).$kw = (args: unknown[], kw: Keywords) => new RunnerImpl(...args, kw);

async function runImpl(main: unknown, debug: unknown): Promise<unknown> {
  if (_get_running_loop() !== null) throw new RuntimeError('asyncio.run() cannot be called from a running event loop');
  const runner = new RunnerImpl({ debug: debug ?? null });
  // `with Runner(debug=debug) as runner`: entered before run() checks its argument, so even
  // `asyncio.run(42)` makes a loop whose closing runs (and numbers) the two shutdown Tasks.
  runner.$lazyInit();
  // The whole run counts as one loop running for SIGINT: its Node listener stays through the shutdown's loop runs.
  loopRunning(true);
  let result: unknown;
  try {
    result = await runner.$run(main);
  } finally {
    try {
      await runner.$close();
    } finally {
      loopRunning(false);
    }
  }
  return result;
}

/** asyncio.run(main, *, debug=None): a Promise of main's result (boxed when it is a thenable). */
export function run(main: unknown, ...rest: unknown[]): Promise<unknown> {
  const kw = takeKeywords(rest);
  return blocking(runImpl(main, kw?.['debug'] ?? null));
}
(run as unknown as PyCallable).$kw = (args: unknown[], kw: Keywords) => run(args[0] ?? kw['main'], kw);

/** What compiled code awaits at a blocking call: the Promise of asyncio.run, or any other value (boxed). */
export function blk(v: unknown): unknown {
  return v instanceof Promise ? rememberingSite(v) : boxed(v);
}

export { unboxed };
