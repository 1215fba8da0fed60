/**
 * asyncio.tasks: Task, as CPython's `__step`/`__wakeup`, and the functions
 * built on it (sleep, gather, wait, wait_for, as_completed, shield,
 * ensure_future, current_task, all_tasks).
 *
 * A Task's coroutine is a native async function. Its first step calls the
 * body synchronously; when the body awaits a pending Future, `awaitPending`
 * registers the Task as the Future's waiter and hands the body a Promise
 * (resolved or rejected by the Task's next step) — that is the suspension.
 * A compiled body that returns or raises before suspending reports it
 * (coroutines.ts), and the first step finishes the Task at once, as
 * CPython's `send()` raising StopIteration does; a body whose every end
 * reports ends its Task from its `$ret`/`$coroutineFailed` in a later step
 * too (topEnded), any other through a reaction to its Promise.
 * The Task is its own ready-queue entry for its steps and wakeups.
 */
import { BaseException, RuntimeError, TypeError, ValueError } from '../builtins/exceptions.js';
import { callableClass } from '../builtins/callableClass.js';
import { repr, str } from '../builtins/repr.js';
import { le } from '../builtins/operators.js';
import { toPython } from '../builtins/errors.js';
import { PySet } from '../builtins/set.js';
import { PyFloat, PyTuple, typeName } from '../builtins/values.js';
import { iterate } from '../builtins/iteration.js';
import { generator } from '../builtins/generators.js';
import { truthy } from '../builtins/truth.js';
import { def, restItems, type PyCallable } from '../builtins/calls.js';
import { callMethod } from '../builtins/attributes.js';
import { exceptionOnly } from '../program/main.js';
import * as sys from '../modules/sys.js';
import { CancelledError, InvalidStateError, TimeoutError } from './exceptions.js';
import { FINISHED, Future, FutureImpl, PENDING, isfuture, setResultUnlessCancelled, type FutureWaiter } from './futures.js';
import { PY_BASES } from '../builtins/classes.js';
import { Handle, _get_running_loop, formatCallbackSource, get_event_loop, get_running_loop, isFatal, type ReadyEntry } from './events.js';
import { BaseEventLoop, Boxed, boxed, seconds } from './baseEvents.js';
import { PyCoroutine, DONE, CREATED, NOT_NOW, iscoroutine, runtimeCoroutine, shortcut, aw, finishedNow, now, setStartingTop } from './coroutines.js';
import { markCoroutineFunctions } from './coroutineFunctions.js';
import { debugEnabled, debugCheck, debugStart } from './debug.js';
import { takeKeywords, type Keywords } from './keywords.js';
import { ContextImpl, capturedContext, contextHooks, copyContext } from './contexts.js';

let taskNameCounter = 0;
/*
 * Tasks not done yet, in creation order (CPython's `_all_tasks` keeps every
 * task weakly; all_tasks() filters the done ones): a list linked through the
 * tasks themselves, so that a task's creation and end cost no hashing and no
 * table growth.
 */
let firstLive: Task | null = null;
let lastLive: Task | null = null;

function addLive(task: Task): void {
  task.$prevLive = lastLive;
  if (lastLive === null) firstLive = task;
  else lastLive.$nextLive = task;
  lastLive = task;
}

function removeLive(task: Task): void {
  const prev = task.$prevLive;
  const next = task.$nextLive;
  if (prev === null && firstLive !== task) return;
  if (prev === null) firstLive = next;
  else prev.$nextLive = next;
  if (next === null) lastLive = prev;
  else next.$prevLive = prev;
  task.$prevLive = task.$nextLive = null;
}

class TaskImpl extends FutureImpl implements ReadyEntry, FutureWaiter {
  static override readonly __name__: string = 'Task';

  /** The name, or the number N of the default name `Task-N`, made into a string when first read. */
  $name: string | number;
  _num_cancels_requested = 0;
  _must_cancel = false;
  _fut_waiter: Future | null = null;
  _coro: PyCoroutine;
  /** The Future whose completion is the next step (null: a plain step). */
  $wakeFut: Future | null = null;
  /** The exception the next plain step throws into the coroutine (CPython's `call_soon(self.__step, exc)`). */
  $stepExc: BaseException | undefined = undefined;
  /** The value the next step resumes the coroutine with (boxed). */
  $value: unknown = null;
  /** The settle functions of the Promise the suspended coroutine awaits. */
  $resolve: ((v: unknown) => void) | null = null;
  $reject: ((e: unknown) => void) | null = null;
  /** What runs first at the next step, in place of the code after a runtime coroutine's await (awaitThen). */
  $cont: Continuation | null = null;
  /** The contextvars Context the Task's code runs in (contexts.ts); null until a program makes a ContextVar. */
  $context: ContextImpl | null = capturedContext();
  /** Neighbours in the list of live tasks (addLive). */
  $prevLive: Task | null = null;
  $nextLive: Task | null = null;
  /** The turn batch whose Promise the suspended coroutine awaits (sleepTurn), and the member after this one. */
  $batch: TurnBatch | null = null;
  $batchNext: Task | null = null;
  /** The line of the `await` the top body last suspended at (coroutines.ts suspendAt), 0 before it has. */
  $line = 0;
  /** The Promise of a body whose every end is reported (CoroutineInfo.endsReported), from its first suspension on. */
  $body: Promise<unknown> | null = null;

  constructor(coro: unknown, loop?: BaseEventLoop | null, name?: unknown) {
    super(loop ?? get_event_loop());
    if (!(coro instanceof PyCoroutine)) {
      this._log_destroy_pending = false;
      throw new TypeError(`a coroutine was expected, got ${repr(coro)}`);
    }
    this.$name = name === null || name === undefined ? ++taskNameCounter : str(name);
    this._coro = coro;
    // Marks the coroutine as wrapped (gather's fast path); its first step sets the same. A coroutine already
    // started or wrapped keeps its mark, which is how this Task's step finds it cannot drive it.
    if (coro.$state === CREATED && coro.$task === null) coro.$task = this;
    this._loop.$push(this);
    addLive(this);
  }

  get _name(): string {
    const name = this.$name;
    return typeof name === 'number' ? (this.$name = `Task-${name}`) : name;
  }

  set _name(name: string) {
    this.$name = name;
  }

  // --- the ready-queue entry -------------------------------------------------

  $run(): void {
    const batch = this.$batch;
    if (batch !== null) {
      // The first member of a turn batch: every member resumes through its own job of the batch's Promise, in
      // order, each taking its turn in `resumed` (so this one goes back to the front of the queue).
      this._loop.$unpop(this);
      this._loop.$resuming = this;
      resumingLoop = this._loop;
      batch.$resolve!(null);
      batch.$resolve = null;
      return;
    }
    if (this.$resolve !== null && this.$wakeFut === null && this.$stepExc === undefined && this.$cont === null && !this._must_cancel
      && this._state === PENDING && this._loop.$inFlight === null) {
      // The common step, sleep(0)'s resumption: $step's path for it, without its other cases (a cold run
      // executes this mostly unoptimised, so every call and test here costs).
      this._fut_waiter = null;
      this._loop.$inFlight = this;
      const resolve = this.$resolve;
      this.$resolve = this.$reject = null;
      const v = this.$value;
      this.$value = null;
      resolve(v);
      return;
    }
    const fut = this.$wakeFut;
    if (fut !== null) {
      this.$wakeFut = null;
      this.$wakeup(fut);
      return;
    }
    const exc = this.$stepExc;
    this.$stepExc = undefined;
    this.$step(exc);
  }

  /** A Future this Task waits on is done (Future.$scheduleCallbacks): the wakeup goes on the ready queue. */
  $wakeFrom(fut: Future): void {
    this.$wakeFut = fut;
    this._loop.$push(this);
  }

  private $wakeup(fut: Future): void {
    if (fut._state === FINISHED && fut._exception === null) {
      this.$value = boxed(fut._result);
      this.$step(undefined);
      return;
    }
    let exc: BaseException | undefined;
    try {
      fut.result();
    } catch (e) {
      exc = toPython(e) as BaseException;
    }
    this.$step(exc);
  }

  private $step(excIn: BaseException | undefined): void {
    if (this._state !== PENDING) {
      throw new InvalidStateError(`_step(): already done: ${repr(this)}, ${excIn === undefined ? 'None' : repr(excIn)}`);
    }
    let exc = excIn;
    if (this._must_cancel) {
      if (!(exc instanceof CancelledError)) exc = this._make_cancelled_error();
      this._must_cancel = false;
    }
    this._fut_waiter = null;
    const loop = this._loop;
    // enterTask, inline (it only throws when another Task is in flight): every Task's first step passes here.
    if (loop.$inFlight !== null) enterTask(loop, this);
    loop.$inFlight = this;
    const coro = this._coro;
    if (coro.$state === CREATED) {
      if (exc !== undefined && !coro.$throwAtStart(exc)) {
        // Thrown into a coroutine that never ran: its body never starts.
        coro.$consume();
        this.$finish(true, exc);
        return;
      }
      let body: Promise<unknown>;
      try {
        if (debugEnabled) {
          // The settlement callbacks must be made inside the Task's context: no synchronous ending there.
          debugStart(this, () => coro.$start().then((v) => this.$settled(false, v), (e) => this.$settled(true, e)));
          return;
        }
        if (coro.$info.reports === true) {
          // A compiled body's `$enter` takes this Task as its token (coroutines.ts startingTop).
          setStartingTop(this);
          if (coro.$info.endsReported === true) firstStepOf = this;
        }
        body = coro.$start(this);
      } catch (e) {
        coro.$state = DONE;
        this.$finish(true, e);
        return;
      } finally {
        setStartingTop(null);
        firstStepOf = null;
      }
      if (coro.$info.reports === true && finishedNow()) {
        // The body returned or raised without suspending: the step ends here, as CPython's send() returning.
        let value: unknown;
        try {
          value = now(body);
        } catch (e) {
          this.$finish(true, e);
          return;
        }
        this.$finish(false, value);
        return;
      }
      if (coro.$info.endsReported === true) {
        // Its `$ret` or `$coroutineFailed` ends the Task (topEnded): the Promise is only kept for a rejection to be handled.
        this.$body = body;
        return;
      }
      // Shared callbacks, not two closures per Task: the body settles within one of its steps, so its Task is in flight then.
      body.then(bodyReturned, bodyRaised);
      // Suspended already (awaitPending left the task), or still running in microtasks: the loop waits for it.
      return;
    }
    if (coro.$task !== this && this.$resolve === null) {
      // Awaited directly before the task's first step: a native async function cannot be driven by two
      // callers, so the task fails as CPython's second driver does (README, Differences).
      this.$finish(true, new RuntimeError('cannot reuse already awaited coroutine'));
      return;
    }
    const resolve = this.$resolve;
    const reject = this.$reject;
    this.$resolve = this.$reject = null;
    if (resolve === null || reject === null) throw new RuntimeError('internal error: resuming a task that is not suspended');
    const cont = this.$cont;
    if (cont !== null) {
      this.$cont = null;
      this.$value = null;
      this.$continue(cont, exc, resolve, reject);
      return;
    }
    if (exc === undefined) {
      const v = this.$value;
      this.$value = null;
      resolve(v);
    } else {
      reject(exc);
    }
  }

  /** Runs the continuation of `awaitThen` in this step: its result or exception resumes the coroutine, unless it waits again. */
  private $continue(cont: Continuation, exc: BaseException | undefined, resolve: (v: unknown) => void, reject: (e: unknown) => void): void {
    let v: unknown;
    try {
      v = cont(exc);
    } catch (e) {
      reject(e);
      return;
    }
    if (v === STILL_WAITING) {
      // It waits on another Future (awaitAgain): the coroutine stays suspended on the same Promise.
      this.$resolve = resolve;
      this.$reject = reject;
      leaveTask(this._loop, this);
      return;
    }
    resolve(boxed(v));
  }

  /** The coroutine's body settled (a promise reaction): the task is done; the loop goes on. */
  $settled(failed: boolean, value: unknown): void {
    if (debugEnabled) debugCheck(this, 'finish');
    this.$finish(failed, value);
    this._loop.$drive();
  }

  /** CPython's `__step` after `send`/`throw` ended the coroutine. */
  private $finish(failed: boolean, value: unknown): void {
    this._coro.$state = DONE;
    const loop = this._loop;
    removeLive(this);
    if (!failed) {
      if (this._must_cancel) {
        // Cancelled right before the coroutine returned.
        this._must_cancel = false;
        super.cancel(this._cancel_message);
      } else {
        // Future.set_result, inline (Task's own set_result refuses): the Task is pending, as $step checked.
        this._result = value instanceof Boxed ? value.value : value;
        this._state = FINISHED;
        this.$scheduleCallbacks();
      }
      // leaveTask, inline (it only throws when this Task is not the one in flight).
      if (loop.$inFlight !== this) leaveTask(loop, this);
      loop.$inFlight = null;
      return;
    }
    const e = toPython(value) as BaseException;
    if (e instanceof CancelledError) {
      this._cancelled_exc = e;
      super.cancel(null);
      leaveTask(loop, this);
      return;
    }
    super.set_exception(e);
    leaveTask(loop, this);
    if (isFatal(e)) loop.$fatal(e);
  }

  // --- Python's API ------------------------------------------------------------

  override cancel(...args: unknown[]): boolean {
    const kw = takeKeywords(args);
    const msg = args.length > 0 ? args[0] ?? null : kw?.['msg'] ?? null;
    this.$logTraceback = false;
    if (this._state !== PENDING) return false;
    this._num_cancels_requested += 1;
    if (this._fut_waiter !== null) {
      // Leave _fut_waiter: it may be a Task that swallows the cancellation and must be cancelled again.
      if (this._fut_waiter.cancel(msg)) return true;
    }
    this._must_cancel = true;
    this._cancel_message = msg;
    return true;
  }

  cancelling(): number {
    return this._num_cancels_requested;
  }

  uncancel(): number {
    if (this._num_cancels_requested > 0) this._num_cancels_requested -= 1;
    return this._num_cancels_requested;
  }

  override set_result(): never {
    throw new RuntimeError('Task does not support set_result operation');
  }

  override set_exception(): never {
    throw new RuntimeError('Task does not support set_exception operation');
  }

  get_coro(): PyCoroutine {
    return this._coro;
  }

  get_context(): ContextImpl {
    return (this.$context ??= copyContext());
  }

  get_name(): string {
    return this._name;
  }

  set_name(value: unknown): null {
    this._name = str(value);
    return null;
  }

  get_stack(): unknown[] {
    return [];
  }

  /** What CPython prints for a task get_stack() finds no frames of (README: frames are not kept). */
  print_stack(...args: unknown[]): null {
    const file = takeKeywords(args)?.['file'] ?? null;
    let text = `No stack for ${repr(this)}\n`;
    if (this._exception !== null) text += exceptionOnly(this._exception);
    // print(…, file=None): stdout.
    callMethod(file ?? sys.stdout, 'write', text);
    return null;
  }

  override $reprInfo(): string[] {
    const info = super.$reprInfo();
    if (this._num_cancels_requested > 0 && this._state === PENDING) info[0] = 'cancelling';
    info.splice(1, 0, `name=${repr(this._name)}`, `coro=<${formatCoroutine(this._coro)}>`);
    if (this._fut_waiter !== null) info.splice(3, 0, `wait_for=${repr(this._fut_waiter)}`);
    return info;
  }
}

/** The running Task's body returned after suspending (see `$step`). */
function bodyReturned(value: unknown): void {
  const loop = _get_running_loop();
  // No Task in flight: the loop ended under it (SystemExit, KeyboardInterrupt).
  if (loop !== null && loop.$inFlight !== null) loop.$inFlight.$settled(false, value);
}

function bodyRaised(error: unknown): void {
  const loop = _get_running_loop();
  if (loop !== null && loop.$inFlight !== null) loop.$inFlight.$settled(true, error);
}

/** The Task whose first step is starting its body (its `$ret` then reports through the register, as any body's). */
let firstStepOf: Task | null = null;

function ignore(): void {}

/**
 * A top body's `$ret`/`$coroutineFailed` (coroutines.ts startingTop): in a later step, the Task ends now, as
 * bodyReturned/bodyRaised would have it end in the reaction to the body's Promise (true); in its first step, the
 * step reads the register, as for any body (false).
 */
export function topEnded(top: unknown, failed: boolean, value: unknown): boolean {
  const task = top as Task;
  if (task === firstStepOf) return false;
  // The body throws `value` next: its Promise's rejection is expected.
  if (failed) task.$body?.then(undefined, ignore);
  const loop = _get_running_loop();
  if (loop === null || loop.$inFlight === null) return true;
  try {
    loop.$inFlight.$settled(failed, value);
  } catch (error) {
    // An internal failure (a replaced call_soon that raises): uncaught, as it was from the reaction to the body's
    // Promise that ended a Task before, not thrown into the body, whose catch would report it as its own end.
    queueMicrotask(() => {
      throw error;
    });
  }
  return true;
}

// Python sees the callable Future as the base (TaskImpl extends the raw class).
Object.defineProperty(TaskImpl, PY_BASES, { value: [Future] });
export const Task = callableClass(TaskImpl);
/** `loop.create_task(coro)`: not through the class's Proxy. */
export function newTask(coro: unknown, loop: BaseEventLoop, name: unknown): Task {
  return new TaskImpl(coro, loop, name);
}
export type Task = TaskImpl;
(Task as unknown as PyCallable).$kw = (args: unknown[], kw: Keywords) => {
  const task = new TaskImpl(args[0] ?? kw['coro'], (kw['loop'] ?? null) as BaseEventLoop | null, kw['name'] ?? null);
  const context = kw['context'] ?? null;
  if (context !== null) task.$context = contextArgument(context);
  return task;
};

/** `main() running at file:line`, `f() done, defined at file:line`, as asyncio's _format_coroutine. */
export function formatCoroutine(coro: PyCoroutine): string {
  const info = coro.$info;
  const name = `${info.qualname}()`;
  if (info.file === null) {
    return coro.$state === DONE ? name : coro.cr_running ? `${name} running` : name;
  }
  if (coro.$state === DONE) return `${name} done, defined at ${info.file}:${info.line}`;
  // Suspended, a Task's top body is at the line of its last `await`; running, at a line not recorded: its def's.
  const task = coro.$task as Task | null;
  const line = task !== null && task._coro === coro && task.$line > 0 && !coro.cr_running ? task.$line : info.line;
  return `${name} running at ${info.file}:${line}`;
}

// ---------------------------------------------------------------------------
// Entering and leaving task steps; suspension

function enterTask(loop: BaseEventLoop, task: Task): void {
  const current = loop.$inFlight;
  if (current !== null) {
    throw new RuntimeError(`Cannot enter into task ${repr(task)} while another task ${repr(current)} is being executed.`);
  }
  loop.$inFlight = task;
}

function leaveTask(loop: BaseEventLoop, task: Task): void {
  if (loop.$inFlight !== task) {
    throw new RuntimeError(`Leaving task ${repr(task)} does not match the current task ${repr(loop.$inFlight)}.`);
  }
  loop.$inFlight = null;
}

export function currentTask(): Task | null {
  const loop = _get_running_loop();
  return loop === null ? null : loop.$inFlight;
}

let suspending: Task | null = null;

function suspensionExecutor(resolve: (v: unknown) => void, reject: (e: unknown) => void): void {
  suspending!.$resolve = resolve;
  suspending!.$reject = reject;
}

/** Ends the current step of `task`: the Promise its coroutine awaits settles at the next step. */
function suspend(task: Task): Promise<unknown> {
  if (debugEnabled) debugCheck(task, 'await');
  suspending = task;
  const p = new Promise<unknown>(suspensionExecutor);
  suspending = null;
  const loop = task._loop;
  // leaveTask, inline: every suspension passes here, and a cold run executes it mostly unoptimised.
  if (loop.$inFlight !== task) leaveTask(loop, task);
  loop.$inFlight = null;
  // Called even when a $drive frame is below (a task's first step), where it returns at once: optimised code made
  // while first steps run would otherwise have no feedback for this call, and be thrown away at the first later one.
  loop.$drive();
  return p;
}

/** `await fut` on a pending Future: CPython's "blocking" branch of `__step`. */
export function awaitPending(fut: Future): unknown {
  const task = currentTask();
  if (task === null) return fut.then(boxed);
  if (fut._loop !== task._loop) {
    task.$stepExc = new RuntimeError(`Task ${repr(task)} got Future ${repr(fut)} attached to a different loop`);
    task._loop.$push(task);
    return suspend(task);
  }
  if (fut === task) {
    task.$stepExc = new RuntimeError(`Task cannot await on itself: ${repr(task)}`);
    task._loop.$push(task);
    return suspend(task);
  }
  fut.$addWaiter(task);
  task._fut_waiter = fut;
  if (task._must_cancel) {
    if (fut.cancel(task._cancel_message)) task._must_cancel = false;
  }
  return suspend(task);
}

/**
 * The rest of a runtime coroutine after `await fut`, run by the Task's next
 * step before the awaiting code resumes, so that no coroutine object or JS
 * async function is needed for it (Queue.get on an empty queue): given the
 * exception the await raised (undefined: it returned), it returns the
 * coroutine's result, raises its exception, or returns STILL_WAITING after
 * awaitAgain (its loop waits once more).
 */
export type Continuation = (exc: BaseException | undefined) => unknown;
export const STILL_WAITING: unique symbol = Symbol('pyasync.stillWaiting');

/**
 * `await fut` in the running Task (`fut` a pending Future the caller made on
 * the running loop; the caller made sure a Task runs), followed by `cont`:
 * the Promise compiled code awaits.
 */
export function awaitThen(fut: Future, cont: Continuation): unknown {
  currentTask()!.$cont = cont;
  return awaitPending(fut);
}

/** Inside a Continuation: waits on `fut` again, then runs `cont` (the Continuation returns STILL_WAITING). */
export function awaitAgain(fut: Future, cont: Continuation): typeof STILL_WAITING {
  const task = currentTask()!;
  fut.$addWaiter(task);
  task._fut_waiter = fut;
  task.$cont = cont;
  if (task._must_cancel) {
    if (fut.cancel(task._cancel_message)) task._must_cancel = false;
  }
  return STILL_WAITING;
}

/** A bare `yield` in a Task (what `sleep(0)` does): the next step is scheduled with call_soon. */
export function sleep0(value: unknown): unknown {
  const loop = _get_running_loop();
  const task = loop === null ? null : loop.$inFlight;
  if (task === null) return Promise.resolve(value);
  task.$value = value;
  loop!.$push(task);
  return suspend(task);
}

// ---------------------------------------------------------------------------
// Module functions

export function current_task(loop?: unknown): Task | null {
  const l = (loop ?? null) as BaseEventLoop | null;
  return (l ?? get_running_loop()).$inFlight;
}

export function all_tasks(loop?: unknown): PySet {
  const l = loop === undefined || loop === null ? get_running_loop() : loop as BaseEventLoop;
  const set = new PySet();
  for (let t = firstLive; t !== null; t = t.$nextLive) if (t._loop === l && t._state === PENDING) set.$add(t);
  return set;
}

export function create_task(coro: unknown, ...rest: unknown[]): Task {
  const kw = takeKeywords(rest);
  const loop = get_running_loop();
  const task = loop.create_task(coro);
  const name = kw?.['name'] ?? null;
  if (name !== null) task.set_name(name);
  const context = kw?.['context'] ?? null;
  if (context !== null) task.$context = contextArgument(context);
  return task;
}
def(create_task, 'coro, *, name=, context=', 'create_task', 'asyncio.tasks');

export function ensure_future(x: unknown, loop?: unknown): Future {
  const l = isKeywordLoop(loop);
  if (isfuture(x)) {
    if (l !== null && l !== x._loop) throw new ValueError('The future belongs to a different loop than the one specified as the loop argument');
    return x;
  }
  let coro = x;
  if (!iscoroutine(x)) {
    if (isAwaitable(x)) coro = runtimeCoroutine(wrapAwaitable, [x], '_wrap_awaitable');
    else throw new TypeError('An asyncio.Future, a coroutine or an awaitable is required');
  }
  return (l ?? get_event_loop()).create_task(coro);
}

function isKeywordLoop(loop: unknown): BaseEventLoop | null {
  if (loop === undefined || loop === null) return null;
  if (typeof loop === 'object' && Object.getPrototypeOf(loop) === Object.prototype) return ((loop as Keywords)['loop'] ?? null) as BaseEventLoop | null;
  return loop as BaseEventLoop;
}

function isAwaitable(x: unknown): boolean {
  if (x === null || (typeof x !== 'object' && typeof x !== 'function')) return false;
  return typeof (x as Record<string, unknown>)['__await__'] === 'function' || typeof (x as { then?: unknown }).then === 'function';
}

async function wrapAwaitable(x: unknown): Promise<unknown> {
  return await aw(x);
}

// --- sleep -------------------------------------------------------------------

export async function sleepBody(delay: unknown, result: unknown): Promise<unknown> {
  // CPython compares first (`if delay <= 0`): a str or None fails there, with the comparison's TypeError.
  if (typeof delay !== 'number') le(delay, 0);
  const d = seconds(delay);
  if (d <= 0) return await sleep0(boxed(result ?? null));
  const loop = get_running_loop();
  const future = loop.create_future();
  const h = loop.call_later(d, setResultUnlessCancelled, future, result ?? null);
  try {
    return await aw(future);
  } finally {
    h.cancel();
  }
}

// sleep(0) awaited: one loop turn, no timer. (Numbers are JS numbers by then: see sleep.)
shortcut(sleepBody, (coro, args) => {
  const delay = args[0];
  if (typeof delay !== 'number' || delay > 0) return NOT_NOW;
  coro.$consume();
  return sleep0(boxed(args[1] ?? null));
});

/** `await asyncio.sleep(d[, r])` compiled directly (the coroutine object could not escape): no coroutine object. */
export function sleepNow(delay: unknown, result?: unknown): unknown {
  if (typeof delay === 'number' && delay <= 0) {
    // sleep0, inline: this is every `await asyncio.sleep(0)`, and a cold run executes it mostly unoptimised.
    const loop = _get_running_loop();
    const task = loop === null ? null : loop.$inFlight;
    const value = result === null || result === undefined ? null : boxed(result);
    if (task === null) return Promise.resolve(value);
    task.$value = value;
    loop!.$push(task);
    // suspend(task), inline.
    if (debugEnabled) debugCheck(task, 'await');
    suspending = task;
    const p = new Promise<unknown>(suspensionExecutor);
    suspending = null;
    loop!.$inFlight = null;
    loop!.$drive();
    return p;
  }
  return sleepBody(delay, result ?? null);
}

/**
 * Turn batches. `await asyncio.sleep(0)` as a statement compiles to
 * `for ($p = $sleepTurn(0); $p !== null; $p = $resumed()) await $p;`.
 * Tasks yielding one after another, with nothing else queued between them,
 * form a batch: they await one shared Promise, in the order they joined,
 * which is their order in the ready queue. When the loop reaches the first
 * member it settles that Promise once; JS then runs the members'
 * continuations in that order, one job each — one Promise for the batch
 * rather than one per step, which is most of what a step costs. Each job
 * starts with `resumed()`, where the member takes its turn: it leaves the
 * ready queue and becomes the Task in flight, exactly as the loop's step
 * would have made it. A member whose turn it is not (a Task before it is
 * still in flight — its step went on through more microtasks, such as its
 * body's end —, it was cancelled meanwhile, the loop stopped) waits on a
 * Promise of its own instead, and the loop resumes it as any Task when it
 * reaches it; so do all members after it, which are behind it in the queue.
 */
export class TurnBatch {
  readonly $promise: Promise<unknown>;
  $resolve: ((v: unknown) => void) | null = null;
  $last: Task;

  constructor(first: Task) {
    batchMaking = this;
    this.$promise = new Promise<unknown>(batchExecutor);
    batchMaking = null;
    this.$last = first;
  }
}

let batchMaking: TurnBatch | null = null;

function batchExecutor(resolve: (v: unknown) => void): void {
  batchMaking!.$resolve = resolve;
}

/** The loop whose batch members are resuming (BaseEventLoop.$resuming), for `resumed`, which has no other way to find it. */
let resumingLoop: BaseEventLoop | null = null;

/** `await asyncio.sleep(d)` as a statement: the Promise to await before `resumed()`. */
export function sleepTurn(delay: unknown): unknown {
  if (typeof delay !== 'number' || delay > 0 || debugEnabled) return sleepNow(delay);
  const loop = _get_running_loop();
  const task = loop === null ? null : loop.$inFlight;
  if (task === null || task._loop !== loop) return sleepNow(delay);
  let batch = loop!.$openBatch;
  if (batch === null) {
    batch = new TurnBatch(task);
    loop!.$openBatch = batch;
  } else {
    batch.$last.$batchNext = task;
    batch.$last = task;
  }
  task.$batch = batch;
  task.$value = null;
  loop!.$pushMember(task);
  loop!.$inFlight = null;
  if (!loop!.$driving && loop!.$resuming === null) {
    // The loop goes on from here, before this coroutine's `await` joins the Promise: a Task it starts must not
    // join the batch ahead of this one (their jobs would run in the wrong order). Between a batch's members, and
    // in a step the loop runs itself, the loop goes on only after that `await`.
    loop!.$openBatch = null;
    loop!.$drive();
  }
  return batch.$promise;
}

/**
 * Right after the Promise of `sleepTurn` settled: null when the coroutine
 * goes on, or a Promise to await first (see TurnBatch).
 */
export function resumed(): unknown {
  const loop = resumingLoop;
  if (loop === null) return null;
  const task = loop.$resuming!;
  const next = task.$batchNext;
  loop.$resuming = next;
  if (next === null) resumingLoop = null;
  task.$batchNext = null;
  task.$batch = null;
  if (loop.$inFlight === null && loop.$running && !task._must_cancel && task._state === PENDING && loop.$takeHead(task)) {
    task._fut_waiter = null;
    loop.$inFlight = task;
    return null;
  }
  // Not its turn: it stays where it is in the ready queue, to be resumed as any Task.
  suspending = task;
  const p = new Promise<unknown>(suspensionExecutor);
  suspending = null;
  if (next === null) loop.$drive();
  return p;
}

export function sleep(delay: unknown, result: unknown = null): PyCoroutine {
  if (result === undefined) result = null;
  // sleep(0) is recognised by aw() before the body runs: one loop turn, no timer.
  // Numbers become JS numbers now (so aw() sees sleep(0.0)); anything else fails in the body, as CPython's comparison does.
  const numeric = typeof delay === 'number' || typeof delay === 'bigint' || typeof delay === 'boolean' || delay instanceof PyFloat;
  return runtimeCoroutine(sleepBody, [numeric ? seconds(delay) : delay, result], 'sleep');
}
def(sleep, 'delay, result=', 'sleep', 'asyncio.tasks');

// --- gather ------------------------------------------------------------------

class GatheringFuture extends FutureImpl {
  static override readonly __name__: string = '_GatheringFuture';
  static override readonly __module__: string = 'asyncio.tasks';
  _cancel_requested = false;

  constructor(readonly _children: Future[], loop: BaseEventLoop) {
    super(loop);
  }

  override cancel(...args: unknown[]): boolean {
    const kw = takeKeywords(args);
    const msg = args.length > 0 ? args[0] ?? null : kw?.['msg'] ?? null;
    if (this.done()) return false;
    let ret = false;
    for (const child of this._children) if (child.cancel(msg)) ret = true;
    // Any child actually cancelled: the gather is cancelled whatever return_exceptions says.
    if (ret) this._cancel_requested = true;
    return ret;
  }
}
Object.defineProperty(GatheringFuture, PY_BASES, { value: [Future] });

export function gather(...args: unknown[]): Future {
  const kw = takeKeywords(args);
  return gatherImpl(restItems(args), kw !== null && truthy(kw['return_exceptions'] ?? false));
}
def(gather, '*coros_or_futures, return_exceptions=', 'gather', 'asyncio.tasks');

function gatherImpl(items: readonly unknown[], returnExceptions: boolean): Future {
  if (items.length === 0) {
    const loop = get_event_loop();
    const outer = loop.create_future();
    outer.set_result([]);
    return outer;
  }
  const children: Future[] = [];
  const state = new Gathering(children, returnExceptions);
  let loop: BaseEventLoop | null = null;
  // CPython's arg_to_fut maps an argument given twice to one future. A coroutine no Task wraps yet cannot have been
  // seen before, so the map is made only when another argument comes (from the pairs so far, all distinct).
  let argToFut: Map<unknown, Future> | null = null;
  for (let i = 0; i < items.length; i++) {
    const arg = items[i];
    if (argToFut === null && arg instanceof PyCoroutine && arg.$state === CREATED && arg.$task === null) {
      loop ??= get_event_loop();
      if (loop.create_task === BaseEventLoop.prototype.create_task && loop._task_factory === null) {
        // ensure_future's own path for a coroutine: the Task is new, so pending and plain.
        loop._check_closed();
        const task = newTask(arg, loop, null);
        task._log_destroy_pending = false;
        task.$pushCallback(state);
        state.nfuts += 1;
        children.push(task);
        continue;
      }
    }
    if (argToFut === null) {
      argToFut = new Map();
      for (let j = 0; j < i; j++) argToFut.set(items[j], children[j]!);
    }
    let fut = argToFut.get(arg);
    if (fut === undefined) {
      fut = ensure_future(arg, loop);
      if (loop === null) loop = fut._loop;
      if (fut !== arg) fut._log_destroy_pending = false;
      // A Future done already gets its callback through call_soon, and a Python override of add_done_callback
      // its call, as a function.
      if (fut.add_done_callback !== FutureImpl.prototype.add_done_callback) callMethod(fut, 'add_done_callback', state.$function());
      else if (fut._state === PENDING) fut.$pushCallback(state);
      else fut.add_done_callback(state.$function());
      state.nfuts += 1;
      argToFut.set(arg, fut);
    }
    children.push(fut);
  }
  state.outer = new GatheringFuture(children, loop!);
  return state.outer;
}

/**
 * gather's `_done_callback` and the state it closes over in CPython. It is
 * in each child's callback list as itself (a FutureWaiter, as a Task is):
 * a child's completion puts a small entry on the ready queue, where CPython
 * does `call_soon(_done_callback, fut)`, without a closure, its Handle or
 * its argument list.
 */
class Gathering implements FutureWaiter {
  nfuts = 0;
  nfinished = 0;
  outer: GatheringFuture | null = null;
  private $fn: ((fut: Future) => null) | null = null;

  constructor(readonly children: Future[], readonly returnExceptions: boolean) {}

  /** How a Future's repr names it. */
  get $callbackName(): string {
    return formatCallbackSource(this.$function(), []);
  }

  $wakeFrom(fut: Future): void {
    const loop = fut._loop;
    // A loop whose call_soon was replaced is called through it, as CPython's Future does.
    if (loop.call_soon !== BaseEventLoop.prototype.call_soon) loop.call_soon(this.$function(), fut);
    else {
      loop._check_closed();
      loop.$push(new GatheringStep(this, fut));
    }
  }

  /** The callback as a function, for the rare paths that need one (call_soon). */
  $function(): (fut: Future) => null {
    let fn = this.$fn;
    if (fn === null) {
      fn = (fut: Future): null => this.$done(fut);
      Object.defineProperty(fn, '__qualname__', { value: 'gather.<locals>._done_callback' });
      this.$fn = fn;
    }
    return fn;
  }

  $done(fut: Future): null {
    this.nfinished += 1;
    const outer = this.outer;
    if (outer !== null && outer._state === PENDING && isPlainDone(fut) && fut._exception === null) {
      // A runtime Future or Task that returned: no method of it to call, nothing it could tell us by one.
      if (this.nfinished === this.nfuts) this.$finishAll(fut);
      return null;
    }
    if (outer === null || outer.done()) {
      // Mark the exception retrieved.
      if (!fut.cancelled()) fut.exception();
      return null;
    }
    if (!this.returnExceptions) {
      if (fut.cancelled()) {
        outer.set_exception(fut._make_cancelled_error());
        return null;
      }
      const exc = fut.exception();
      if (exc !== null) {
        outer.set_exception(exc);
        return null;
      }
    }
    if (this.nfinished === this.nfuts) this.$finishAll(fut);
    return null;
  }

  /** Every child is done: the outer Future gets their results (or is cancelled). */
  private $finishAll(fut: Future): void {
    const outer = this.outer!;
    const children = this.children;
    const results: unknown[] = [];
    let last: Future = fut;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      last = child;
      let res: unknown;
      if (isPlainDone(child) && child._exception === null) {
        // child.result(), without the call: it returned (its traceback flag is clear: only set_exception sets it).
        res = child._result;
      } else if (child.cancelled()) {
        res = new CancelledError(child._cancel_message === null ? '' : child._cancel_message);
      } else {
        res = child.exception();
        if (res === null) res = child.result();
      }
      results.push(res);
    }
    if (outer._cancel_requested) {
      // The loop variable is the last child, as in CPython.
      outer.set_exception(last._make_cancelled_error());
    } else {
      outer.set_result(results);
    }
  }
}

/**
 * A finished Future or Task of the runtime's own classes (not a Python
 * subclass, which may override cancelled/exception/result): gather may read
 * its state rather than call those.
 */
function isPlainDone(fut: Future): boolean {
  const proto = Object.getPrototypeOf(fut) as unknown;
  return (proto === TaskImpl.prototype || proto === FutureImpl.prototype) && fut._state === FINISHED;
}

/** gather's callback for one child, on the ready queue (a Handle nobody can reach, as CallbackEntry). */
class GatheringStep implements ReadyEntry {
  constructor(
    private readonly $gathering: Gathering,
    private readonly $fut: Future,
  ) {}

  $run(): void {
    try {
      this.$gathering.$done(this.$fut);
    } catch (error) {
      new Handle(this.$gathering.$function(), [this.$fut], this.$fut._loop).$reportError(error);
    }
  }
}

// --- shield ------------------------------------------------------------------

export function shield(arg: unknown): Future {
  const inner = ensure_future(arg);
  if (inner.done()) return inner;
  const loop = inner._loop;
  const outer = loop.create_future();
  const innerDone = (): null => {
    if (outer.cancelled()) {
      if (!inner.cancelled()) inner.exception();
      return null;
    }
    if (inner.cancelled()) outer.cancel();
    else {
      const exc = inner.exception();
      if (exc !== null) outer.set_exception(exc);
      else outer.set_result(inner.result());
    }
    return null;
  };
  const outerDone = (): null => {
    if (!inner.done()) inner.remove_done_callback(innerDone);
    return null;
  };
  Object.defineProperty(innerDone, '__qualname__', { value: 'shield.<locals>._inner_done_callback' });
  Object.defineProperty(outerDone, '__qualname__', { value: 'shield.<locals>._outer_done_callback' });
  inner.add_done_callback(innerDone);
  outer.add_done_callback(outerDone);
  return outer;
}

// --- wait_for, wait, as_completed ----------------------------------------------

function releaseWaiter(waiter: Future): null {
  if (!waiter.done()) waiter.set_result(null);
  return null;
}

function releaser(waiter: Future): (f?: unknown) => null {
  const cb = (): null => releaseWaiter(waiter);
  Object.defineProperty(cb, '__qualname__', { value: '_release_waiter' });
  return cb;
}

async function cancelAndWait(fut: Future, loop: BaseEventLoop): Promise<void> {
  const waiter = loop.create_future();
  const cb = releaser(waiter);
  fut.add_done_callback(cb);
  try {
    fut.cancel();
    // Not on fut itself, so that this wait stays cancellable.
    await aw(waiter);
  } finally {
    fut.remove_done_callback(cb);
  }
}

async function waitForBody(fut: unknown, timeout: unknown): Promise<unknown> {
  const loop = get_running_loop();
  if (timeout === null || timeout === undefined) return await aw(fut);
  const limit = seconds(timeout);
  if (limit <= 0) {
    const f = ensure_future(fut, loop);
    if (f.done()) return boxed(f.result());
    await cancelAndWait(f, loop);
    try {
      return boxed(f.result());
    } catch (e) {
      if (e instanceof CancelledError) throw chained(new TimeoutError(), e);
      throw e;
    }
  }
  const waiter = loop.create_future();
  const timeoutHandle = loop.call_later(limit, releaseWaiter, waiter);
  const cb = releaser(waiter);
  const f = ensure_future(fut, loop);
  f.add_done_callback(cb);
  try {
    try {
      await aw(waiter);
    } catch (e) {
      if (e instanceof CancelledError) {
        if (f.done()) return boxed(f.result());
        f.remove_done_callback(cb);
        // The awaited task must not be running after wait_for() returns.
        await cancelAndWait(f, loop);
      }
      throw e;
    }
    if (f.done()) return boxed(f.result());
    f.remove_done_callback(cb);
    await cancelAndWait(f, loop);
    try {
      return boxed(f.result());
    } catch (e) {
      if (e instanceof CancelledError) throw chained(new TimeoutError(), e);
      throw e;
    }
  } finally {
    timeoutHandle.cancel();
  }
}

function chained(e: BaseException, cause: BaseException): BaseException {
  e.__cause__ = cause;
  e.__context__ = cause;
  e.__suppress_context__ = true;
  return e;
}

export function wait_for(fut: unknown, timeout: unknown): PyCoroutine {
  return runtimeCoroutine(waitForBody, [fut, timeout], 'wait_for');
}
def(wait_for, 'fut, timeout', 'wait_for', 'asyncio.tasks');

export const FIRST_COMPLETED = 'FIRST_COMPLETED';
export const FIRST_EXCEPTION = 'FIRST_EXCEPTION';
export const ALL_COMPLETED = 'ALL_COMPLETED';

async function waitBody(fs: unknown, timeout: unknown, returnWhen: unknown): Promise<unknown> {
  if (isfuture(fs) || iscoroutine(fs)) throw new TypeError(`expect a list of futures, not ${typeName(fs)}`);
  const items = [...new Set(iterate(fs) as Iterable<unknown>)];
  if (items.length === 0) throw new ValueError('Set of Tasks/Futures is empty.');
  if (returnWhen !== FIRST_COMPLETED && returnWhen !== FIRST_EXCEPTION && returnWhen !== ALL_COMPLETED) {
    throw new ValueError(`Invalid return_when value: ${str(returnWhen)}`);
  }
  const loop = get_running_loop();
  if (items.some((f) => iscoroutine(f))) throw new TypeError('Passing coroutines is forbidden, use tasks explicitly.');
  const futures = items.map((f) => ensure_future(f, loop));
  const waiter = loop.create_future();
  const timeoutHandle = timeout === null || timeout === undefined ? null : loop.call_later(seconds(timeout), releaseWaiter, waiter);
  let counter = futures.length;
  const onCompletion = (f: Future): null => {
    counter -= 1;
    if (counter <= 0 || returnWhen === FIRST_COMPLETED || (returnWhen === FIRST_EXCEPTION && !f.cancelled() && f.exception() !== null)) {
      timeoutHandle?.cancel();
      if (!waiter.done()) waiter.set_result(null);
    }
    return null;
  };
  Object.defineProperty(onCompletion, '__qualname__', { value: '_wait.<locals>._on_completion' });
  for (const f of futures) f.add_done_callback(onCompletion);
  try {
    await aw(waiter);
  } finally {
    timeoutHandle?.cancel();
    for (const f of futures) f.remove_done_callback(onCompletion);
  }
  const done = new PySet();
  const pending = new PySet();
  for (const f of futures) (f.done() ? done : pending).$add(f);
  return PyTuple.of(done, pending);
}

export function wait(fs: unknown, ...rest: unknown[]): PyCoroutine {
  const kw = takeKeywords(rest);
  return runtimeCoroutine(waitBody, [fs, kw?.['timeout'] ?? rest[0] ?? null, kw?.['return_when'] ?? ALL_COMPLETED], 'wait');
}
(wait as unknown as PyCallable).$kw = (args: unknown[], kw: Keywords) => wait(args[0] ?? kw['fs'], kw);

export function as_completed(fs: unknown, ...rest: unknown[]): unknown {
  const kw = takeKeywords(rest);
  const timeout = kw?.['timeout'] ?? rest[0] ?? null;
  // A generator function in CPython: nothing, not even the argument check, happens before the first next().
  return generator(function* () {
    if (isfuture(fs) || iscoroutine(fs)) throw new TypeError(`expect an iterable of futures, not ${isfuture(fs) ? 'Future' : 'coroutine'}`);
    const done: Future[] = [];
    const getters: Future[] = [];
    const loop = get_event_loop();
    const todo = new Set<Future>([...new Set(iterate(fs) as Iterable<unknown>)].map((f) => ensure_future(f, loop)));
    let timeoutHandle: { cancel(): unknown } | null = null;
    const deliver = (f: Future | null): void => {
      done.push(f as Future);
      const g = getters.shift();
      if (g !== undefined && !g.done()) g.set_result(null);
    };
    const onTimeout = (): null => {
      for (const f of todo) {
        f.remove_done_callback(onCompletion);
        deliver(null as unknown as Future);
      }
      todo.clear();
      return null;
    };
    const onCompletion = (f: Future): null => {
      if (todo.size === 0) return null;
      todo.delete(f);
      deliver(f);
      if (todo.size === 0 && timeoutHandle !== null) timeoutHandle.cancel();
      return null;
    };
    Object.defineProperty(onCompletion, '__qualname__', { value: 'as_completed.<locals>._on_completion' });
    const waitForOne = async (): Promise<unknown> => {
      while (done.length === 0) {
        const getter = loop.create_future();
        getters.push(getter);
        await aw(getter);
      }
      const f = done.shift()!;
      if (f === null) throw new TimeoutError();
      return boxed(f.result());
    };
    for (const f of todo) f.add_done_callback(onCompletion);
    if (todo.size > 0 && timeout !== null) timeoutHandle = loop.call_later(seconds(timeout), onTimeout);
    const n = todo.size;
    for (let i = 0; i < n; i++) yield runtimeCoroutine(waitForOne, [], 'as_completed.<locals>._wait_for_one');
  }, 'as_completed');
}

markCoroutineFunctions({ sleep, wait_for, wait }, ['sleep', 'wait_for', 'wait']);

/** `create_task(…, context=ctx)`: a contextvars Context. */
export function contextArgument(context: unknown): ContextImpl {
  if (!(context instanceof ContextImpl)) throw new TypeError(`an instance of Context was expected, got ${repr(context)}`);
  return context;
}

// The current Context, while a Task's code runs, is the Task's.
contextHooks.inFlight = () => _get_running_loop()?.$inFlight?.$context ?? null;
