/**
 * asyncio.base_events: the event loop. `_run_once` as CPython has it — a
 * FIFO `_ready` queue and a timer heap ordered by heapq's own algorithm
 * (so timers with equal deadlines come out in CPython's order), each
 * iteration running the handles that were ready when it began.
 *
 * One task in flight: a handle that resumes a Task (its first step runs
 * synchronously; a later step resolves the Promise its coroutine awaits)
 * pauses the loop until that Task suspends again or finishes. The Task
 * restarts the loop itself — from `suspend` (tasks.ts) when its coroutine
 * reaches the next real suspension, or from its body's settlement — so no
 * other Python code can run among the microtasks of a step.
 */
import { BaseException, Exception, KeyboardInterrupt, RuntimeError, SystemExit, TypeError, ValueError } from '../builtins/exceptions.js';
import { PyDict } from '../builtins/dict.js';
import { repr } from '../builtins/repr.js';
import { float, PyBytes, PyFloat } from '../builtins/values.js';
import { toPython } from '../builtins/errors.js';
import {
  CallbackEntry, Handle, TimerHandle, _get_running_loop, _set_running_loop, invokeCallback, isFatal, loopFactory, type ReadyEntry,
} from './events.js';
import { Future, isfuture, newFuture } from './futures.js';
import { Task, contextArgument, ensure_future, newTask, type TurnBatch } from './tasks.js';
import { PyCoroutine, aw, runtimeCoroutine } from './coroutines.js';
import { markCoroutineFunctions } from './coroutineFunctions.js';
import { asyncioLogger, writeExceptionWarning, writeWarning } from './output.js';
import { installAsyncgenHooks, shutdownAsyncgens } from './asyncgens.js';
import { onlyKeywords, peekKeywords, takeKeywords, type Keywords } from './keywords.js';
import {
  CONNECT_KEYWORDS, SERVER_KEYWORDS, UNIX_CONNECT_KEYWORDS, UNIX_SERVER_KEYWORDS, bindParams, createConnection, createServer,
  createUnixConnection, createUnixServer,
} from './connections.js';
import { subprocessTransport } from './subprocessTransport.js';
import type { HostHandle } from './socketTransport.js';
import { grownRing } from './ring.js';
import { tracebacksUnseen } from '../builtins/unseenTracebacks.js';
import { call } from '../builtins/calls.js';
import { callMethod, callMethodKw } from '../builtins/attributes.js';
import { addSignalHandler, closeSignals, removeSignalHandler, type LoopSignals } from './unixEvents.js';
import { loopRunning } from '../modules/support/signal/handlers.js';
import { isinstance } from '../builtins/types.js';
import { concurrent, wrapFuture } from './concurrentFutures.js';
import { ContextImpl, runInContext } from './contexts.js';

const MIN_SCHEDULED_TIMER_HANDLES = 100;
/** The one keyword call_soon, call_later and call_at take: callbacks' own keywords go through functools.partial. */
const CONTEXT_ONLY = ['context'] as const;
const MIN_CANCELLED_TIMER_HANDLES_FRACTION = 0.5;
const CLOCK_RESOLUTION = 1e-9;
/** The ready queue's first capacity (a power of two). */
const RING_INITIAL = 64;
/** While handles keep being ready, the host (I/O, timers, a page) still gets a turn this often. */
const HOST_TURN_MS = 40;

const now: () => number = typeof performance !== 'undefined' ? () => performance.now() : () => Date.now();

type Resolver = { resolve: () => void; reject: (e: unknown) => void };

export class BaseEventLoop {
  static readonly __name__ = '_UnixSelectorEventLoop';
  static readonly __module__ = 'asyncio.unix_events';

  /**
   * The ready queue (CPython's `_ready` deque): a ring buffer whose capacity,
   * a power of two, only grows, so that a steady stream of steps and
   * callbacks allocates nothing for it (an array shrunk from the front gets
   * its storage trimmed, then regrown).
   */
  private $ring: (ReadyEntry | undefined)[] = new Array<ReadyEntry | undefined>(RING_INITIAL).fill(undefined);
  private $ringHead = 0;
  private $ringSize = 0;
  _scheduled: TimerHandle[] = [];
  _timer_cancelled_count = 0;
  _stopping = false;
  _closed = false;
  _debug = false;
  /** Kept for programs that read or set it: debug mode's slow-callback warnings are not given (README). */
  slow_callback_duration: unknown = 0.1;
  _exception_handler: unknown = null;
  _task_factory: unknown = null;
  /** Set by set_default_executor (run_in_executor(None, …) makes none: see there). */
  _default_executor: unknown = null;
  _executor_shutdown_called = false;
  /** The Context run_in_executor(None, …) runs its calls in, standing for the default executor's worker thread's. */
  private $workerContext: ContextImpl | null = null;
  /** run_forever is in progress. */
  $running = false;
  /** A `$drive` frame is on the stack. */
  $driving = false;
  /** The Task whose step is running (between its resumption and its next suspension): current_task(). */
  $inFlight: Task | null = null;
  /**
   * Turn batches (tasks.ts sleepTurn): the batch the next `await asyncio.sleep(0)` may join — its members are the
   * last entries of the ready queue, pushed this iteration (null: the next one opens a new batch).
   */
  $openBatch: TurnBatch | null = null;
  /** While a resolved batch's members resume: the member whose resumption job runs next (the loop waits meanwhile). */
  $resuming: Task | null = null;
  /** Handles of the current `_run_once` iteration still to run. */
  private $todo = 0;
  private $iterating = false;
  /** Waiting for the host: a timer deadline, or nothing ready at all. */
  private $idle = false;
  private $timer: ReturnType<typeof setTimeout> | null = null;
  private $lastTurn = 0;
  /** Iterations since the clock was last read for the host's turn. */
  private $sinceClock = 0;
  private $finish: Resolver | null = null;
  /** Node sockets and servers of this loop: they keep the process alive only while the loop runs. */
  $hostHandles = new Set<HostHandle>();
  private $hostWakePending = false;
  /** The host just had its turn: the iteration it delayed starts without another. */
  private $polled = false;
  /** Puts back the async generator hooks run_forever replaced (asyncgens.ts). */
  private $restoreAsyncgenHooks: (() => void) | null = null;
  /** The callbacks of add_signal_handler (unixEvents.ts), once there has been one. */
  $signals: LoopSignals | null = null;

  time(): number | PyFloat {
    return float(this.$time());
  }

  $time(): number {
    return now() / 1000;
  }

  // -------------------------------------------------------------------------
  // Scheduling

  call_soon(callback: unknown, ...args: unknown[]): Handle {
    this._check_closed();
    const kw = takeKeywords(args);
    if (kw !== null) onlyKeywords(kw, 'BaseEventLoop.call_soon', CONTEXT_ONLY);
    const handle = new Handle(callback, args, this);
    if (kw !== null && kw['context'] !== undefined && kw['context'] !== null) handle.$context = contextArgument(kw['context']);
    this.$push(handle);
    return handle;
  }

  /** `call_soon(callback, arg)` from the runtime (a Future's done callbacks): no keywords to look for, no Handle kept. */
  $callSoon1(callback: unknown, arg: unknown): void {
    // A loop whose call_soon was replaced is called through it, as CPython's Future does.
    if (this.call_soon !== BaseEventLoop.prototype.call_soon) {
      this.call_soon(callback, arg);
      return;
    }
    this._check_closed();
    this.$push(new CallbackEntry(callback, arg, this));
  }

  call_soon_threadsafe(callback: unknown, ...args: unknown[]): Handle {
    onlyKeywords(peekKeywords(args), 'BaseEventLoop.call_soon_threadsafe', CONTEXT_ONLY);
    return this.call_soon(callback, ...args);
  }

  /**
   * `run_in_executor(executor, func, *args)`: `executor.submit(func, *args)`
   * wrapped in an asyncio Future (concurrentFutures.ts), as CPython's. A
   * concurrent.futures executor runs func inside submit (there are no
   * threads), blocking the loop for as long as it takes.
   *
   * With None and no default executor set, func runs here at once too, with
   * no ThreadPoolExecutor made for it (`_default_executor` stays None): its
   * result or exception reaches the Future through call_soon, when CPython's
   * wrapped future would get it through call_soon_threadsafe.
   */
  run_in_executor(executor: unknown, func: unknown, ...args: unknown[]): Future | unknown {
    this._check_closed();
    if (executor === null || executor === undefined) {
      executor = this._default_executor;
      this.$checkDefaultExecutor();
      if (executor === null) return this.$runHere(func, args);
    }
    return wrapFuture(callMethod(executor, 'submit', func, ...args), this);
  }

  private $runHere(func: unknown, args: unknown[]): Future {
    const fut = this.create_future();
    // In the Context of the default executor's worker, as CPython's thread has its own (empty at first).
    const worker = (this.$workerContext ??= new ContextImpl());
    let settle: () => void;
    try {
      const result = worker.$entered ? invokeCallback(func, args) : runInContext(worker, () => invokeCallback(func, args));
      settle = () => {
        if (!fut.cancelled()) fut.set_result(result);
      };
    } catch (e) {
      const error = toPython(e);
      settle = () => {
        if (!fut.cancelled()) fut.set_exception(error);
      };
    }
    this.call_soon(settle);
    return fut;
  }

  private $checkDefaultExecutor(): void {
    if (this._executor_shutdown_called) throw new RuntimeError('Executor shutdown has been called');
  }

  set_default_executor(executor: unknown): null {
    const pool = concurrent.ThreadPoolExecutor;
    if (pool === null || !isinstance(executor, pool)) throw new TypeError('executor must be ThreadPoolExecutor instance');
    this._default_executor = executor;
    return null;
  }

  call_later(delay: unknown, callback: unknown, ...args: unknown[]): TimerHandle {
    if (delay === null || delay === undefined) throw new TypeError('delay must not be None');
    onlyKeywords(peekKeywords(args), 'BaseEventLoop.call_later', CONTEXT_ONLY);
    return this.call_at(this.$time() + seconds(delay), callback, ...args);
  }

  call_at(when: unknown, callback: unknown, ...args: unknown[]): TimerHandle {
    if (when === null || when === undefined) throw new TypeError('when cannot be None');
    this._check_closed();
    const kw = takeKeywords(args);
    if (kw !== null) onlyKeywords(kw, 'BaseEventLoop.call_at', CONTEXT_ONLY);
    const timer = new TimerHandle(seconds(when), callback, args, this);
    if (kw !== null && kw['context'] !== undefined && kw['context'] !== null) timer.$context = contextArgument(kw['context']);
    heappush(this._scheduled, timer);
    timer._scheduled = true;
    if (this.$idle) this.$wake();
    return timer;
  }

  /** Appends to the ready queue (a Handle, or a Task whose next step is due). */
  $push(entry: ReadyEntry): void {
    // Anything else queued after a batch's members ends that batch: they would no longer resume one after another.
    this.$openBatch = null;
    // $enqueue, inline: every step and wakeup passes here, and a cold run executes it mostly unoptimised.
    let ring = this.$ring;
    const size = this.$ringSize;
    if (size === ring.length) ring = this.$growRing();
    ring[(this.$ringHead + size) & (ring.length - 1)] = entry;
    this.$ringSize = size + 1;
    if (this.$idle) this.$wake();
  }

  /**
   * A callback for an I/O event of the host (a socket's data, a connection):
   * queued now, but an idle loop wakes only once the host has delivered every
   * event of its current poll, as one select() hands all ready sockets to
   * the same iteration.
   */
  $callSoonFromHost(callback: () => void): void {
    this.$enqueue(new Handle(callback, [], this));
    if (!this.$idle || this.$hostWakePending) return;
    this.$hostWakePending = true;
    const wake = (): void => {
      this.$hostWakePending = false;
      if (this.$idle) this.$wake();
    };
    const g = globalThis as { setImmediate?: (f: () => void) => unknown };
    if (typeof g.setImmediate === 'function') g.setImmediate(wake);
    else setTimeout(wake, 0);
  }

  $timerHandleCancelled(handle: TimerHandle): void {
    if (handle._scheduled) this._timer_cancelled_count++;
  }

  create_future(): Future {
    return newFuture(this);
  }

  create_task(coro: unknown, ...rest: unknown[]): Task {
    const kw = takeKeywords(rest);
    this._check_closed();
    const name = kw?.['name'] ?? null;
    const context = kw?.['context'] ?? null;
    if (this._task_factory !== null) return this.$factoryTask(coro, name, context);
    const task = newTask(coro, this, name);
    if (context !== null) task.$context = contextArgument(context);
    return task;
  }

  /** create_task through set_task_factory's factory: `factory(loop, coro[, context=])`, then the name set as asyncio's _set_task_name. */
  private $factoryTask(coro: unknown, name: unknown, context: unknown): Task {
    const task = call(this._task_factory, [this, coro], context === null ? null : { context }) as Task;
    if (name !== null) callMethod(task, 'set_name', name);
    return task;
  }

  set_task_factory(factory: unknown): null {
    if (factory !== null && factory !== undefined && typeof factory !== 'function') {
      throw new TypeError('task factory must be a callable or None');
    }
    this._task_factory = factory ?? null;
    return null;
  }

  get_task_factory(): unknown {
    return this._task_factory;
  }

  // -------------------------------------------------------------------------
  // Network connections (connections.ts)

  create_connection(protocolFactory: unknown, ...rest: unknown[]): PyCoroutine {
    const kw = takeKeywords(rest);
    const opts = bindParams('create_connection', ['host', 'port'], rest, kw, CONNECT_KEYWORDS);
    return runtimeCoroutine(createConnection, [this, protocolFactory, opts], 'BaseEventLoop.create_connection');
  }

  create_server(protocolFactory: unknown, ...rest: unknown[]): PyCoroutine {
    const kw = takeKeywords(rest);
    const opts = bindParams('create_server', ['host', 'port'], rest, kw, SERVER_KEYWORDS);
    return runtimeCoroutine(createServer, [this, protocolFactory, opts], 'BaseEventLoop.create_server');
  }

  create_unix_connection(protocolFactory: unknown, ...rest: unknown[]): PyCoroutine {
    const kw = takeKeywords(rest);
    const opts = bindParams('create_unix_connection', ['path'], rest, kw, UNIX_CONNECT_KEYWORDS);
    return runtimeCoroutine(createUnixConnection, [this, protocolFactory, opts], 'BaseEventLoop.create_unix_connection');
  }

  create_unix_server(protocolFactory: unknown, ...rest: unknown[]): PyCoroutine {
    const kw = takeKeywords(rest);
    const opts = bindParams('create_unix_server', ['path'], rest, kw, UNIX_SERVER_KEYWORDS);
    return runtimeCoroutine(createUnixServer, [this, protocolFactory, opts], 'BaseEventLoop.create_unix_server');
  }

  // -------------------------------------------------------------------------
  // Subprocesses (subprocessTransport.ts)

  subprocess_exec(protocolFactory: unknown, program: unknown, ...args: unknown[]): PyCoroutine {
    const kw = takeKeywords(args);
    return runtimeCoroutine(subprocessTransport, [this, protocolFactory, [program, ...args], false, kw], 'BaseEventLoop.subprocess_exec');
  }

  subprocess_shell(protocolFactory: unknown, cmd: unknown, ...rest: unknown[]): PyCoroutine {
    const kw = takeKeywords(rest);
    if (rest.length > 0) throw new TypeError(`BaseEventLoop.subprocess_shell() takes 3 positional arguments but ${rest.length + 3} were given`);
    return runtimeCoroutine(subprocessShell, [this, protocolFactory, cmd, kw], 'BaseEventLoop.subprocess_shell');
  }

  // -------------------------------------------------------------------------
  // Running

  is_running(): boolean {
    return this.$running;
  }

  is_closed(): boolean {
    return this._closed;
  }

  get_debug(): boolean {
    return this._debug;
  }

  set_debug(enabled: unknown): null {
    this._debug = Boolean(enabled);
    return null;
  }

  stop(): null {
    this._stopping = true;
    return null;
  }

  add_signal_handler(sig: unknown, callback: unknown, ...args: unknown[]): null {
    return addSignalHandler(this, sig, callback, args);
  }

  remove_signal_handler(sig: unknown): boolean {
    return removeSignalHandler(this, sig);
  }

  close(): null {
    if (this.$running) throw new RuntimeError('Cannot close a running event loop');
    if (this._closed) return null;
    this._closed = true;
    this.$ring = new Array<ReadyEntry | undefined>(RING_INITIAL).fill(undefined);
    this.$ringHead = 0;
    this.$ringSize = 0;
    this.$openBatch = null;
    this._scheduled = [];
    this._executor_shutdown_called = true;
    const executor = this._default_executor;
    if (executor !== null) {
      this._default_executor = null;
      callMethodKw(executor, 'shutdown', [], { wait: false });
    }
    closeSignals(this);
    return null;
  }

  _check_closed(): void {
    if (this._closed) throw new RuntimeError('Event loop is closed');
  }

  private $checkRunning(): void {
    if (this.$running) throw new RuntimeError('This event loop is already running');
    if (_get_running_loop() !== null) throw new RuntimeError('Cannot run the event loop while another loop is running');
  }

  /** run_forever: settles when the loop stops (or a SystemExit/KeyboardInterrupt escapes a callback). */
  $runForever(): Promise<void> {
    this._check_closed();
    this.$checkRunning();
    _set_running_loop(this);
    this.$running = true;
    this.$iterating = false;
    this.$todo = 0;
    this.$lastTurn = now();
    for (const h of this.$hostHandles) h.ref();
    this.$restoreAsyncgenHooks = installAsyncgenHooks(this);
    loopRunning(true);
    return new Promise<void>((resolve, reject) => {
      this.$finish = { resolve, reject };
      this.$drive();
    });
  }

  /** `loop.run_forever()` from Python: blocking, like asyncio.run (the compiler awaits it). */
  run_forever(): Promise<unknown> {
    return blocking(this.$runForever().then(() => null));
  }

  run_until_complete(future: unknown): Promise<unknown> {
    return blocking(this.$runUntilComplete(future));
  }

  async $runUntilComplete(future: unknown): Promise<unknown> {
    this._check_closed();
    this.$checkRunning();
    const newTask = !isfuture(future);
    const fut = ensure_future(future, this);
    if (newTask) fut._log_destroy_pending = false;
    fut.add_done_callback(runUntilCompleteCallback);
    try {
      await this.$runForever();
    } catch (e) {
      if (newTask && fut.done() && !fut.cancelled()) fut.exception();
      throw e;
    } finally {
      fut.remove_done_callback(runUntilCompleteCallback);
    }
    if (!fut.done()) throw new RuntimeError('Event loop stopped before Future completed.');
    return boxed(fut.result());
  }

  private $end(error?: unknown): void {
    if (this.$running) loopRunning(false);
    this._stopping = false;
    this.$running = false;
    this.$iterating = false;
    this.$todo = 0;
    this.$idle = false;
    if (this.$timer !== null) {
      clearTimeout(this.$timer);
      this.$timer = null;
    }
    _set_running_loop(null);
    for (const h of this.$hostHandles) h.unref();
    this.$restoreAsyncgenHooks?.();
    this.$restoreAsyncgenHooks = null;
    const finish = this.$finish;
    this.$finish = null;
    if (finish === null) return;
    if (error === undefined) finish.resolve();
    else finish.reject(error);
  }

  /** A SystemExit or KeyboardInterrupt left a callback or a task: run_forever ends with it. */
  $fatal(error: unknown): void {
    this.$inFlight = null;
    this.$end(error);
  }

  /** Wakes a loop waiting for the host (a timer or nothing): something became ready. */
  private $wake(): void {
    this.$idle = false;
    if (this.$timer !== null) {
      clearTimeout(this.$timer);
      this.$timer = null;
    }
    queueMicrotask(() => this.$drive());
  }

  /**
   * Runs ready handles until one resumes a Task (the loop then waits for
   * that Task to suspend or finish, which calls `$drive` again), the loop
   * stops, or nothing is ready (it then waits for a timer or the host).
   *
   * One function with the start of each iteration, as CPython's `_run_once`:
   * every suspension calls it, and V8 inlines a function of less than 460
   * bytes of bytecode at each call site it optimises — this loop, with the
   * Task step it inlines in turn, compiled again into every suspending
   * function, costs short programs more compile time than it wins back.
   */
  $drive(): void {
    if (this.$driving || this.$inFlight !== null || this.$resuming !== null || !this.$running) return;
    this.$driving = true;
    this.$idle = false;
    const unseen = tracebacksUnseen(null);
    try {
      for (;;) {
        if (this.$todo === 0) {
          // A batch never spans two iterations: its members all resume in the one after they joined it.
          this.$openBatch = null;
          if (this.$iterating) {
            this.$iterating = false;
            if (this._stopping) {
              this.$end();
              return;
            }
          }
          // The start of `_run_once`: timers due move to the ready queue; or the loop waits for the host.
          const scheduled = this._scheduled;
          if (scheduled.length > MIN_SCHEDULED_TIMER_HANDLES
            && this._timer_cancelled_count / scheduled.length > MIN_CANCELLED_TIMER_HANDLES_FRACTION) {
            const kept: TimerHandle[] = [];
            for (const h of scheduled) {
              if (h._cancelled) h._scheduled = false;
              else kept.push(h);
            }
            heapify(kept);
            this._scheduled = kept;
            this._timer_cancelled_count = 0;
          } else {
            while (scheduled.length > 0 && scheduled[0]!._cancelled) {
              this._timer_cancelled_count--;
              const h = heappop(scheduled);
              h._scheduled = false;
            }
          }
          const ready = this.$readyCount();
          // The clock is read on every iteration only when something needs it (timers, waiting); otherwise on
          // every eighth, enough for the host's turn every HOST_TURN_MS.
          const t = ready === 0 || this._scheduled.length > 0 || (++this.$sinceClock & 7) === 0 ? now() : this.$lastTurn;
          const polled = this.$polled;
          this.$polled = false;
          // With sockets open, every iteration polls the host's I/O first, as _run_once's select() does.
          if (ready > 0 && !polled && (t - this.$lastTurn > HOST_TURN_MS || this.$hostHandles.size > 0)) {
            // A turn for the host between iterations (Python code cannot observe it).
            this.$lastTurn = t;
            this.$polled = true;
            this.$hostTurn();
            return;
          }
          if (ready === 0 && !this._stopping) {
            this.$lastTurn = t;
            if (this._scheduled.length === 0) {
              // Nothing ready, no timer: only the host (a JS Promise, I/O) can make something ready.
              this.$idle = true;
              return;
            }
            const wait = this._scheduled[0]!._when - this.$time();
            if (wait > 0) {
              this.$waitForTimer(wait);
              return;
            }
          }
          const heap = this._scheduled;
          const end = heap.length > 0 ? this.$time() + CLOCK_RESOLUTION : 0;
          while (heap.length > 0) {
            const h = heap[0]!;
            if (h._when >= end) break;
            heappop(heap);
            h._scheduled = false;
            this.$enqueue(h);
          }
          this.$todo = this.$readyCount();
          this.$iterating = true;
          continue;
        }
        const ring = this.$ring;
        const head = this.$ringHead;
        const entry = ring[head]!;
        ring[head] = undefined;
        this.$ringHead = (head + 1) & (ring.length - 1);
        this.$ringSize--;
        this.$todo--;
        try {
          // Callbacks start from no unseen tracebacks, whatever code drives the loop (unseenTracebacks.ts).
          tracebacksUnseen(null);
          entry.$run();
        } catch (error) {
          const e = toPython(error);
          if (isFatal(e)) {
            this.$fatal(e);
            return;
          }
          this.call_exception_handler(new PyDict(Object.entries({ message: 'Exception in callback', exception: e })));
        }
        if (this.$inFlight !== null || this.$resuming !== null || !this.$running) return;
      }
    } finally {
      this.$driving = false;
      tracebacksUnseen(unseen);
    }
  }

  private $readyCount(): number {
    return this.$ringSize;
  }

  private $enqueue(entry: ReadyEntry): void {
    this.$openBatch = null;
    this.$pushMember(entry);
  }

  /** Appends without closing the open turn batch: a Task joining it (tasks.ts sleepTurn), or $enqueue's entry. */
  $pushMember(entry: ReadyEntry): void {
    let ring = this.$ring;
    const size = this.$ringSize;
    if (size === ring.length) ring = this.$growRing();
    ring[(this.$ringHead + size) & (ring.length - 1)] = entry;
    this.$ringSize = size + 1;
  }

  /** Puts back at the front the entry `$drive` just took (a batch's first member resumes through its job, as the others). */
  $unpop(entry: ReadyEntry): void {
    const ring = this.$ring;
    const head = (this.$ringHead - 1) & (ring.length - 1);
    ring[head] = entry;
    this.$ringHead = head;
    this.$ringSize++;
    this.$todo++;
  }

  /** Takes `entry` off the ready queue if it is first there (a batch member's turn, within the current iteration). */
  $takeHead(entry: ReadyEntry): boolean {
    const ring = this.$ring;
    const head = this.$ringHead;
    if (this.$ringSize === 0 || ring[head] !== entry || this.$todo === 0) return false;
    ring[head] = undefined;
    this.$ringHead = (head + 1) & (ring.length - 1);
    this.$ringSize--;
    this.$todo--;
    return true;
  }

  private $growRing(): (ReadyEntry | undefined)[] {
    const ring = grownRing(this.$ring, this.$ringHead, this.$ringSize);
    this.$ring = ring;
    this.$ringHead = 0;
    return ring;
  }

  /** The entries ready to run, in order (what CPython's `loop._ready` deque holds). */
  get _ready(): ReadyEntry[] {
    const ring = this.$ring;
    const out: ReadyEntry[] = [];
    for (let i = 0; i < this.$ringSize; i++) out.push(ring[(this.$ringHead + i) & (ring.length - 1)]!);
    return out;
  }

  /** Nothing ready before the first timer, `wait` seconds away (a method: a closure in $drive would give every call a context). */
  private $waitForTimer(wait: number): void {
    this.$idle = true;
    this.$timer = setTimeout(() => {
      this.$timer = null;
      this.$idle = false;
      this.$drive();
    }, Math.min(Math.ceil(wait * 1000), 86400000));
  }

  private $hostTurn(): void {
    const resume = (): void => this.$drive();
    const g = globalThis as { setImmediate?: (f: () => void) => unknown };
    if (typeof g.setImmediate === 'function') g.setImmediate(resume);
    else setTimeout(resume, 0);
  }

  // -------------------------------------------------------------------------
  // Errors

  set_exception_handler(handler: unknown): null {
    if (handler !== null && handler !== undefined && typeof handler !== 'function') {
      throw new TypeError(`A callable object or None is expected, got ${repr(handler)}`);
    }
    this._exception_handler = handler ?? null;
    return null;
  }

  get_exception_handler(): unknown {
    return this._exception_handler;
  }

  call_exception_handler(context: PyDict): null {
    if (this._exception_handler === null) {
      try {
        this.default_exception_handler(context);
      } catch (e) {
        if (isFatal(toPython(e))) throw e;
      }
      return null;
    }
    try {
      invokeCallback(this._exception_handler, [this, context]);
    } catch (error) {
      const e = toPython(error);
      if (isFatal(e)) throw e;
      try {
        this.default_exception_handler(new PyDict(Object.entries({
          message: 'Unhandled error in exception handler',
          exception: e,
          context,
        })));
      } catch (again) {
        if (isFatal(toPython(again))) throw again;
      }
    }
    return null;
  }

  /**
   * CPython's default handler logs the message, the other context entries
   * (sorted) and the traceback at ERROR on the `asyncio` logger: on stderr
   * unless the program configured logging (output.ts asyncioLogger).
   */
  default_exception_handler(context: PyDict): null {
    const message = context.$get('message');
    const lines = [typeof message === 'string' && message !== '' ? message : 'Unhandled exception in event loop'];
    const keys = [...context].filter((k): k is string => typeof k === 'string' && k !== 'message' && k !== 'exception').sort();
    for (const key of keys) lines.push(`${key}: ${repr(context.$get(key))}`);
    const exception = context.$get('exception');
    if (asyncioLogger.log?.(40 /* logging.ERROR */, lines.join('\n'), exception instanceof BaseException ? exception : null)) return null;
    const text = lines.join('\n') + '\n';
    if (exception !== undefined && exception !== null) writeExceptionWarning(text, exception as never);
    else writeWarning(text);
    return null;
  }

  // -------------------------------------------------------------------------
  // Shutdown helpers (asyncio.run awaits them, as CPython's Runner.close does)

  shutdown_asyncgens(): PyCoroutine {
    return shutdownAsyncgens(this);
  }

  shutdown_default_executor(): PyCoroutine {
    return runtimeCoroutine(shutdownDefaultExecutor, [this], 'BaseEventLoop.shutdown_default_executor');
  }

  __repr__(): string {
    const cap = (b: boolean): string => (b ? 'True' : 'False');
    return `<_UnixSelectorEventLoop running=${cap(this.$running)} closed=${cap(this._closed)} debug=${cap(this._debug)}>`;
  }
}

loopFactory.make = () => new BaseEventLoop();

/**
 * CPython shuts the default executor down in a thread of its own and awaits
 * a Future that thread completes through call_soon_threadsafe; here the
 * shutdown runs at once (nothing is ever queued in an executor) and the
 * Future completes through call_soon, so the wait takes the same turn.
 */
async function shutdownDefaultExecutor(loop: BaseEventLoop): Promise<unknown> {
  loop._executor_shutdown_called = true;
  const executor = loop._default_executor;
  if (executor === null) return null;
  const future = loop.create_future();
  try {
    callMethodKw(executor, 'shutdown', [], { wait: true });
    if (!loop._closed) loop.call_soon(() => future.set_result(null));
  } catch (e) {
    const error = toPython(e);
    if (!(error instanceof Exception)) throw error;
    if (!loop._closed) loop.call_soon(() => future.set_exception(error));
  }
  return await aw(future);
}

function runUntilCompleteCallback(fut: Future): null {
  if (!fut.cancelled()) {
    const exc = fut.exception();
    if (exc instanceof SystemExit || exc instanceof KeyboardInterrupt) return null;
  }
  fut._loop.stop();
  return null;
}
Object.defineProperty(runUntilCompleteCallback, '__qualname__', { value: '_run_until_complete_cb' });

/** Seconds as a JS number (int, float, PyFloat or bool). */
export function seconds(x: unknown): number {
  if (typeof x === 'number') return x;
  if (x instanceof PyFloat) return x.value;
  if (typeof x === 'bigint') return Number(x);
  if (typeof x === 'boolean') return x ? 1 : 0;
  throw new TypeError(`'${typeof x === 'string' ? 'str' : 'object'}' object cannot be interpreted as a number`);
}

// ---------------------------------------------------------------------------
// Blocking calls: what asyncio.run and run_until_complete return to compiled code

/**
 * What a blocking call (asyncio.run…) returns: a Promise, which the
 * compiler's `await $blk(…)` waits for (Python values are never Promises).
 */
export function blocking<T>(p: Promise<T>): Promise<T> {
  return p;
}

/** A value a Promise resolves with, so that JS does not adopt a thenable (a Future) in its place. */
export class Boxed {
  constructor(readonly value: unknown) {}
}

export function boxed(v: unknown): unknown {
  return typeof v === 'object' && v !== null && typeof (v as { then?: unknown }).then === 'function' ? new Boxed(v) : v;
}

export function unboxed(v: unknown): unknown {
  // Most values awaited are numbers, strings or None: no prototype walk for them.
  return typeof v === 'object' && v !== null && v instanceof Boxed ? v.value : v;
}

// ---------------------------------------------------------------------------
// heapq, as CPython's: only `<` on the deadline, the same sift order

function heappush(heap: TimerHandle[], item: TimerHandle): void {
  heap.push(item);
  siftdown(heap, 0, heap.length - 1);
}

function heappop(heap: TimerHandle[]): TimerHandle {
  const last = heap.pop()!;
  if (heap.length === 0) return last;
  const top = heap[0]!;
  heap[0] = last;
  siftup(heap, 0);
  return top;
}

function heapify(heap: TimerHandle[]): void {
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftup(heap, i);
}

function siftdown(heap: TimerHandle[], start: number, pos: number): void {
  const item = heap[pos]!;
  while (pos > start) {
    const parentPos = (pos - 1) >> 1;
    const parent = heap[parentPos]!;
    if (item._when < parent._when) {
      heap[pos] = parent;
      pos = parentPos;
      continue;
    }
    break;
  }
  heap[pos] = item;
}

function siftup(heap: TimerHandle[], pos: number): void {
  const end = heap.length;
  const start = pos;
  const item = heap[pos]!;
  let child = 2 * pos + 1;
  while (child < end) {
    const right = child + 1;
    if (right < end && !(heap[child]!._when < heap[right]!._when)) child = right;
    heap[pos] = heap[child]!;
    pos = child;
    child = 2 * pos + 1;
  }
  heap[pos] = item;
  siftdown(heap, start, pos);
}

markCoroutineFunctions(BaseEventLoop.prototype, [
  'shutdown_asyncgens', 'shutdown_default_executor', 'create_connection', 'create_server', 'create_unix_connection', 'create_unix_server',
  'subprocess_exec', 'subprocess_shell',
]);

async function subprocessShell(loop: BaseEventLoop, factory: unknown, cmd: unknown, kw: Keywords | null): Promise<unknown> {
  if (typeof cmd !== 'string' && !(cmd instanceof PyBytes)) throw new ValueError('cmd must be a string');
  return subprocessTransport(loop, factory, cmd, true, kw);
}
