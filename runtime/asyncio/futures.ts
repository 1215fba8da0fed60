/**
 * asyncio.futures: Future, as CPython's (`_asyncio.Future`): states
 * PENDING/CANCELLED/FINISHED, done callbacks always run through the loop's
 * `call_soon`, `_make_cancelled_error` handing the saved CancelledError to
 * the first caller only, "exception was never retrieved" reporting.
 *
 * A Task waiting on a Future is in its callback list as itself (it has
 * `$wakeFrom`): scheduling it puts the Task on the ready queue directly.
 *
 * Futures are thenables, so JS code can `await` them; the runtime never
 * lets JS adopt one in place of a Python value (coroutines.ts boxes them).
 */
import { genericRuntimeClasses } from '../builtins/genericClasses.js';
import { BaseException, RuntimeError, StopIteration, TypeError } from '../builtins/exceptions.js';
import { callableClass } from '../builtins/callableClass.js';
import { repr } from '../builtins/repr.js';
import { BOUND, type PyCallable } from '../builtins/calls.js';
import { PyDict } from '../builtins/dict.js';
import { typeName } from '../builtins/values.js';
import { CancelledError, InvalidStateError } from './exceptions.js';
import { formatCallbackSource, get_event_loop } from './events.js';
import type { BaseEventLoop } from './baseEvents.js';
import { optional, takeKeywords } from './keywords.js';

export const PENDING = 'PENDING';
export const CANCELLED = 'CANCELLED';
export const FINISHED = 'FINISHED';
export type FutureState = typeof PENDING | typeof CANCELLED | typeof FINISHED;

/** A Task in a Future's callback list: woken through the ready queue. */
export interface FutureWaiter {
  $wakeFrom(fut: Future): void;
}

function isWaiter(cb: unknown): cb is FutureWaiter {
  return typeof cb === 'object' && cb !== null && typeof (cb as Partial<FutureWaiter>).$wakeFrom === 'function';
}

/** Futures whose exception nobody retrieved yet: reported when asyncio.run ends (CPython: when collected). */
const unretrieved = new Set<Future>();

/** The class itself (runtime subclasses extend it, not the callable Proxy: `super()` through a Proxy's construct trap is slow). */
export class FutureImpl {
  static readonly __name__: string = 'Future';
  static readonly __module__: string = '_asyncio';

  _state: FutureState = PENDING;
  _result: unknown = null;
  _exception: BaseException | null = null;
  _loop: BaseEventLoop;
  /**
   * The done callbacks: null for none, the callback itself for one (most
   * Futures get one or none: a Task's waiter, gather's callback), an array
   * for several (a lone callback that is an array is kept in one).
   */
  $callbacks: unknown = null;
  _cancel_message: unknown = null;
  _cancelled_exc: BaseException | null = null;
  _asyncio_future_blocking = false;
  _log_destroy_pending = true;
  /** In `unretrieved`: a field, so that reading a result does not look the Future up in the set. */
  private $unretrieved = false;

  // No rest parameter: the runtime's `new Future(loop)` (every Task) should not make an array.
  constructor(first?: unknown) {
    if (arguments.length === 1 && typeof first === 'object' && first !== null && (first as { $push?: unknown }).$push !== undefined) {
      // The runtime's own `new Future(loop)`.
      this._loop = first as BaseEventLoop;
      return;
    }
    const args = Array.prototype.slice.call(arguments) as unknown[];
    const kw = takeKeywords(args);
    const loop = (args[0] ?? kw?.['loop'] ?? null) as BaseEventLoop | null;
    this._loop = loop ?? get_event_loop();
  }

  get $logTraceback(): boolean {
    return this.$unretrieved;
  }

  set $logTraceback(v: boolean) {
    if (v === this.$unretrieved) return;
    this.$unretrieved = v;
    if (v) unretrieved.add(this as unknown as Future);
    else unretrieved.delete(this as unknown as Future);
  }

  get_loop(): BaseEventLoop {
    return this._loop;
  }

  cancel(msg?: unknown): boolean {
    this.$logTraceback = false;
    if (this._state !== PENDING) return false;
    this._state = CANCELLED;
    this._cancel_message = optional(msg, 'msg');
    this.$scheduleCallbacks();
    return true;
  }

  /** The callbacks, in order (a copy). */
  $callbackList(): unknown[] {
    const c = this.$callbacks;
    return c === null ? [] : Array.isArray(c) ? c.slice() : [c];
  }

  /** CPython's `_callbacks`: None when there are none. */
  get _callbacks(): unknown[] | null {
    return this.$callbacks === null ? null : this.$callbackList();
  }

  $scheduleCallbacks(): void {
    const c = this.$callbacks;
    if (c === null) return;
    this.$callbacks = null;
    if (!Array.isArray(c)) {
      this.$scheduleCallback(c);
      return;
    }
    for (let i = 0; i < c.length; i++) this.$scheduleCallback(c[i]);
  }

  private $scheduleCallback(cb: unknown): void {
    // isWaiter, inline: every Future and Task completion passes here.
    if (typeof cb === 'object' && cb !== null && typeof (cb as Partial<FutureWaiter>).$wakeFrom === 'function') {
      (cb as FutureWaiter).$wakeFrom(this as unknown as Future);
    } else {
      this._loop.$callSoon1(cb, this);
    }
  }

  cancelled(): boolean {
    return this._state === CANCELLED;
  }

  done(): boolean {
    return this._state !== PENDING;
  }

  _make_cancelled_error(): BaseException {
    if (this._cancelled_exc !== null) {
      const exc = this._cancelled_exc;
      this._cancelled_exc = null;
      return exc;
    }
    return this._cancel_message === null ? new CancelledError() : new CancelledError(this._cancel_message);
  }

  result(): unknown {
    if (this._state === CANCELLED) throw this._make_cancelled_error();
    if (this._state !== FINISHED) throw new InvalidStateError('Result is not set.');
    this.$logTraceback = false;
    if (this._exception !== null) throw this._exception;
    return this._result;
  }

  exception(): BaseException | null {
    if (this._state === CANCELLED) throw this._make_cancelled_error();
    if (this._state !== FINISHED) throw new InvalidStateError('Exception is not set.');
    this.$logTraceback = false;
    return this._exception;
  }

  add_done_callback(fn: unknown, ...rest: unknown[]): null {
    takeKeywords(rest);
    if (this._state !== PENDING) this._loop.call_soon(fn, this);
    else this.$pushCallback(fn);
    return null;
  }

  $pushCallback(cb: unknown): void {
    const c = this.$callbacks;
    if (c === null) this.$callbacks = Array.isArray(cb) ? [cb] : cb;
    else if (Array.isArray(c)) c.push(cb);
    else this.$callbacks = [c, cb];
  }

  /** A Task waits: it is its own callback entry (CPython's `Task.task_wakeup`). */
  $addWaiter(waiter: FutureWaiter): void {
    this.$pushCallback(waiter);
  }

  remove_done_callback(fn: unknown): number {
    const all = this.$callbackList();
    const kept = all.filter((f) => !sameCallback(f, fn));
    const removed = all.length - kept.length;
    if (removed > 0) this.$callbacks = kept.length === 0 ? null : kept.length === 1 && !Array.isArray(kept[0]) ? kept[0] : kept;
    return removed;
  }

  set_result(result: unknown): null {
    if (this._state !== PENDING) throw new InvalidStateError('invalid state');
    this._result = result;
    this._state = FINISHED;
    this.$scheduleCallbacks();
    return null;
  }

  set_exception(exception: unknown): null {
    if (this._state !== PENDING) throw new InvalidStateError('invalid state');
    let exc = exception;
    if (typeof exc === 'function') exc = (exc as () => unknown)();
    if (exc instanceof StopIteration && exc.constructor === StopIteration) {
      throw new TypeError('StopIteration interacts badly with generators and cannot be raised into a Future');
    }
    if (!(exc instanceof BaseException)) throw new TypeError('invalid exception object');
    this._exception = exc;
    this._state = FINISHED;
    // Before the callbacks: a waiter runs at once, and one that reads the exception (JS awaiting the future) retrieves it.
    this.$logTraceback = true;
    this.$scheduleCallbacks();
    return null;
  }

  /** The words after the class name in the repr (Task adds its own). */
  $reprInfo(): string[] {
    const info: string[] = [this._state.toLowerCase()];
    if (this._state === FINISHED) {
      if (this._exception !== null) info.push(`exception=${repr(this._exception)}`);
      else info.push(`result=${shortRepr(this._result)}`);
    }
    if (this.$callbacks !== null) info.push(formatCallbacks(this.$callbackList()));
    return info;
  }

  __repr__(): string {
    return `<${(this.constructor as unknown as { __name__: string }).__name__} ${this.$reprInfo().join(' ')}>`;
  }

  __await__(): AwaitIterator {
    return new AwaitIterator(this);
  }

  __iter__(): AwaitIterator {
    return new AwaitIterator(this);
  }

  /** JS's `await fut`: settles with the result, or rejects with the exception (CancelledError when cancelled). */
  then(onFulfilled?: (v: unknown) => unknown, onRejected?: (e: unknown) => unknown): Promise<unknown> {
    const p = new Promise<unknown>((resolve, reject) => {
      const settle = (): void => {
        try {
          resolve(this.result());
        } catch (e) {
          reject(e);
        }
      };
      if (this._state !== PENDING) settle();
      else this.$pushCallback({ $wakeFrom: settle } satisfies FutureWaiter);
    });
    return p.then(onFulfilled, onRejected);
  }
}

export const Future = callableClass(FutureImpl);
// `asyncio.Future[int]` (and its subclasses'): a types.GenericAlias, as CPython's __class_getitem__ makes.
genericRuntimeClasses.add(Future);
export type Future = FutureImpl;
(Future as unknown as PyCallable).$kw = (args: unknown[], kw: Record<string, unknown>) => new FutureImpl(...args, kw);

/** `loop.create_future()`: not through the class's Proxy. */
export function newFuture(loop: BaseEventLoop): Future {
  return new FutureImpl(loop);
}

export function isfuture(x: unknown): x is Future {
  return x instanceof FutureImpl;
}

/**
 * What `fut.__await__()` returns: the runtime awaits the future itself when
 * Python code hands this on (`return fut.__await__()` in an `__await__`);
 * stepping it by hand is the limit of native async functions.
 */
export class AwaitIterator {
  static readonly __name__ = 'coroutine_wrapper';
  private $yielded = false;

  constructor(readonly $target: unknown) {}

  __iter__(): this {
    return this;
  }

  /** A Future's `__await__`: yields the Future itself while it is pending, then returns its result. */
  __next__(): unknown {
    const fut = this.$target;
    if (!(fut instanceof FutureImpl)) throw stepError();
    if (!fut.done()) {
      if (this.$yielded) throw new RuntimeError("await wasn't used with future");
      this.$yielded = true;
      fut._asyncio_future_blocking = true;
      return fut;
    }
    throw new StopIteration(fut.result());
  }

  send(_value: unknown): unknown {
    return this.__next__();
  }

  throw(exc: unknown): never {
    if (!(this.$target instanceof FutureImpl)) throw stepError();
    throw typeof exc === 'function' ? (exc as () => unknown)() : exc;
  }
}

export function stepError(): BaseException {
  return new RuntimeError(
    'pyasync cannot step an awaitable by hand (send()/__next__() on a coroutine or its __await__ iterator): '
    + 'coroutines compile to native JS async functions; await it or wrap it in a Task instead',
  );
}

/** Bound methods are made afresh at each attribute read: CPython compares them by function and object. */
function sameCallback(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'function' || typeof b !== 'function') return false;
  const x = (a as PyCallable)[BOUND];
  const y = (b as PyCallable)[BOUND];
  return x !== undefined && y !== undefined && x.self === y.self && x.func === y.func;
}

/** reprlib.repr's abbreviations, as asyncio's reprs use them: long strings, ints and other objects shortened in the middle. */
function shortRepr(v: unknown): string {
  const cut = (text: string, limit: number): string => {
    if (text.length <= limit) return text;
    const i = Math.max(0, Math.floor((limit - 3) / 2));
    const j = Math.max(0, limit - 3 - i);
    return text.slice(0, i) + '...' + text.slice(text.length - j);
  };
  if (typeof v === 'string') {
    const chars = [...v];
    let text = repr(chars.slice(0, 30).join(''));
    if (text.length > 30) {
      const i = 13;
      const j = 14;
      text = repr(chars.slice(0, i).join('') + chars.slice(chars.length - j).join(''));
      text = text.slice(0, i) + '...' + text.slice(text.length - j);
    }
    return text;
  }
  if (typeof v === 'number' || typeof v === 'bigint') return cut(repr(v), 40);
  if (Array.isArray(v)) return repr(v);
  if (typeof v === 'object' && v !== null) return cut(repr(v), 30);
  return repr(v);
}

function formatCallbacks(cbs: unknown[]): string {
  const one = (cb: unknown): string => {
    if (isWaiter(cb)) return (cb as { $callbackName?: string }).$callbackName ?? 'Task.task_wakeup()';
    return formatCallbackSource(cb, []);
  };
  const n = cbs.length;
  let text: string;
  if (n === 1) text = one(cbs[0]);
  else if (n === 2) text = `${one(cbs[0])}, ${one(cbs[1])}`;
  else text = `${one(cbs[0])}, <${n - 2} more>, ${one(cbs[n - 1])}`;
  return `cb=[${text}]`;
}

/** `_set_result_unless_cancelled(fut, result)`: what sleep's timer calls. */
export function setResultUnlessCancelled(fut: Future, result: unknown): null {
  if (fut.cancelled()) return null;
  fut.set_result(result);
  return null;
}

/** Reports the exceptions nobody retrieved (loop.call_exception_handler), as CPython does when it collects such a future. */
export function reportUnretrieved(loop: BaseEventLoop): void {
  const futures = [...unretrieved];
  unretrieved.clear();
  for (const fut of futures) fut.$logTraceback = false;
  for (const fut of futures) {
    // The class's own name, as CPython's `__del__` says it (`_GatheringFuture`, a Python subclass's).
    loop.call_exception_handler(new PyDict(Object.entries({
      message: `${typeName(fut)} exception was never retrieved`,
      exception: fut._exception,
      future: fut,
    })));
  }
}
