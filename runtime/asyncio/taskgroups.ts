/**
 * asyncio.taskgroups: TaskGroup (3.11), as CPython's: the first child
 * failure cancels the others and the parent task (undone by `uncancel` in
 * `__aexit__`), which waits for every child and raises their errors as an
 * ExceptionGroup ('unhandled errors in a TaskGroup').
 */
import { BaseException, KeyboardInterrupt, RuntimeError, SystemExit } from '../builtins/exceptions.js';
import { BaseExceptionGroup } from '../builtins/exceptionGroups.js';
import { callableClass } from '../builtins/callableClass.js';
import { repr } from '../builtins/repr.js';
import { PyDict } from '../builtins/dict.js';
import { CancelledError } from './exceptions.js';
import { get_running_loop } from './events.js';
import type { BaseEventLoop } from './baseEvents.js';
import type { Future } from './futures.js';
import { runtimeCoroutine, aw, type PyCoroutine } from './coroutines.js';
import { markCoroutineFunctions } from './coroutineFunctions.js';
import { current_task, type Task } from './tasks.js';
import { takeKeywords } from './keywords.js';

function isBaseError(exc: unknown): boolean {
  return exc instanceof SystemExit || exc instanceof KeyboardInterrupt;
}

class TaskGroupImpl {
  static readonly __name__ = 'TaskGroup';
  static readonly __module__ = 'asyncio.taskgroups';

  _entered = false;
  _exiting = false;
  _aborting = false;
  _loop: BaseEventLoop | null = null;
  _parent_task: Task | null = null;
  _parent_cancel_requested = false;
  _tasks = new Set<Task>();
  _errors: BaseException[] | null = [];
  _base_error: BaseException | null = null;
  _on_completed_fut: Future | null = null;
  private readonly $onTaskDone = (task: Task): null => this.$taskDone(task);

  __repr__(): string {
    const info = [''];
    if (this._tasks.size > 0) info.push(`tasks=${this._tasks.size}`);
    if (this._errors !== null && this._errors.length > 0) info.push(`errors=${this._errors.length}`);
    if (this._aborting) info.push('cancelling');
    else if (this._entered) info.push('entered');
    return `<TaskGroup${info.join(' ')}>`;
  }

  __aenter__(): PyCoroutine {
    return runtimeCoroutine(aenter, [this], 'TaskGroup.__aenter__');
  }

  __aexit__(et: unknown, exc: unknown, tb: unknown): PyCoroutine {
    return runtimeCoroutine(aexit, [this, et, exc, tb], 'TaskGroup.__aexit__');
  }

  create_task(coro: unknown, ...rest: unknown[]): Task {
    const kw = takeKeywords(rest);
    if (!this._entered) throw new RuntimeError(`TaskGroup ${repr(this)} has not been entered`);
    if (this._exiting && this._tasks.size === 0) throw new RuntimeError(`TaskGroup ${repr(this)} is finished`);
    if (this._aborting) throw new RuntimeError(`TaskGroup ${repr(this)} is shutting down`);
    const task = this._loop!.create_task(coro);
    const name = kw?.['name'] ?? rest[0] ?? null;
    if (name !== null) task.set_name(name);
    task.add_done_callback(this.$onTaskDone);
    this._tasks.add(task);
    return task;
  }

  _abort(): void {
    this._aborting = true;
    for (const t of this._tasks) if (!t.done()) t.cancel();
  }

  private $taskDone(task: Task): null {
    this._tasks.delete(task);
    if (this._on_completed_fut !== null && this._tasks.size === 0) {
      if (!this._on_completed_fut.done()) this._on_completed_fut.set_result(true);
    }
    if (task.cancelled()) return null;
    const exc = task.exception();
    if (exc === null) return null;
    this._errors!.push(exc);
    if (isBaseError(exc) && this._base_error === null) this._base_error = exc;
    const parent = this._parent_task!;
    if (parent.done()) {
      this._loop!.call_exception_handler(new PyDict(Object.entries({
        message: `Task ${repr(task)} has errored out but its parent task ${repr(parent)} is already completed`,
        exception: exc,
        task,
      })));
      return null;
    }
    if (!this._aborting && !this._parent_cancel_requested) {
      // Cancel the parent to interrupt what the `async with` body awaits; __aexit__ uncancels it.
      this._abort();
      this._parent_cancel_requested = true;
      parent.cancel();
    }
    return null;
  }
}

async function aenter(self: TaskGroupImpl): Promise<unknown> {
  if (self._entered) throw new RuntimeError(`TaskGroup ${repr(self)} has already been entered`);
  self._entered = true;
  if (self._loop === null) self._loop = get_running_loop();
  self._parent_task = current_task(self._loop);
  if (self._parent_task === null) throw new RuntimeError(`TaskGroup ${repr(self)} cannot determine the parent task`);
  return self;
}

async function aexit(self: TaskGroupImpl, et: unknown, exc: unknown, _tb: unknown): Promise<unknown> {
  self._exiting = true;
  if (exc !== null && exc !== undefined && isBaseError(exc) && self._base_error === null) self._base_error = exc as BaseException;
  let propagateCancellation: unknown = et === CancelledError ? exc : null;
  if (self._parent_cancel_requested) {
    // No cancellation left once ours is undone: do not propagate CancelledError.
    if (self._parent_task!.uncancel() === 0) propagateCancellation = null;
  }
  if (et !== null && et !== undefined && !self._aborting) self._abort();
  while (self._tasks.size > 0) {
    if (self._on_completed_fut === null) self._on_completed_fut = self._loop!.create_future();
    try {
      await aw(self._on_completed_fut);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      if (!self._aborting) {
        // The parent task is being cancelled while children still run.
        propagateCancellation = e;
        self._abort();
      }
    }
    self._on_completed_fut = null;
  }
  if (self._base_error !== null) throw self._base_error;
  const errors = self._errors!;
  if (propagateCancellation !== null && errors.length === 0) throw propagateCancellation;
  if (et !== null && et !== undefined && et !== CancelledError) errors.push(exc as BaseException);
  if (errors.length > 0) {
    self._errors = null;
    const me = new BaseExceptionGroup('unhandled errors in a TaskGroup', [...errors]) as BaseException;
    me.__cause__ = null;
    if (exc instanceof BaseException) me.__context__ = exc;
    me.__suppress_context__ = true;
    throw me;
  }
  return null;
}

export const TaskGroup = callableClass(TaskGroupImpl);

markCoroutineFunctions(TaskGroupImpl.prototype, ['__aenter__', '__aexit__']);
