/**
 * Coroutine objects and `await`. `async def f(a)` compiles to a function
 * returning `$coroutine(f$, [a])`: a lazy coroutine holding the body (a
 * native JS async function, `f$`) and the arguments; nothing runs until it
 * is awaited or wrapped in a Task.
 *
 * Every Python `await e` is `$un(($1 = $aw(e)) instanceof $Promise ? await $1 : $1)`:
 * `aw` decides what the awaitable is — a coroutine starts inline, a
 * finished Future gives its result or raises at once, a pending one
 * suspends the current Task (tasks.ts), `sleep(0)` yields one loop turn,
 * objects with `__await__`, generator-based coroutines and JS thenables are
 * driven through Futures. `aw` returns a Promise only when the Task must
 * really wait; anything else is the result, ready, and costs no JS `await`
 * (CPython's `await` of a coroutine that returns without suspending costs
 * no loop turn either). Values handed through JS promises are boxed when
 * they are thenables themselves (a Future returned by a coroutine), so JS
 * never adopts them; `$un` unboxes.
 *
 * Synchronous completion: a compiled coroutine body (a native async
 * function) runs synchronously up to its first real suspension, but its
 * Promise cannot be read synchronously. So the body reports how it ended
 * in a register: `$enter()` clears it on entry, `return $ret(v)` and the
 * body's final `throw $coroutineFailed(e)` fill it. The code that started
 * the body reads it at once (`$now(f$(x))`, `aw`, a Task's first step):
 * filled means the body finished before returning to its caller; empty
 * means it suspended (every body starts by clearing it, and any body that
 * finished inside it had its report taken by whoever started that one).
 */
import { COROUTINE_FUNCTION } from './coroutineFunctions.js';
import { BaseException, RuntimeError, StopIteration, TypeError } from '../builtins/exceptions.js';
import { typeName } from '../builtins/values.js';
import { repr } from '../builtins/repr.js';
import { toPython } from '../builtins/errors.js';
import { callSpecial, hasSpecial } from '../builtins/special.js';
import { call } from '../builtins/calls.js';
import { PyGenerator } from '../builtins/generators.js';
import { Boxed, boxed, unboxed } from './baseEvents.js';
import { AwaitIterator, FINISHED, Future, PENDING, isfuture, stepError } from './futures.js';
import { awaitPending, currentTask, sleep0, topEnded } from './tasks.js';
import { writeWarning } from './output.js';

export interface CoroutineInfo {
  /** A compiled body that reports synchronous completion (`$enter`/`$ret`/`$coroutineFailed`). */
  readonly reports?: boolean;
  /** Every way out of the body passes its `$ret` or `$coroutineFailed`, with the token `$enter` gave it (see `startingTop`). */
  readonly endsReported?: boolean;
  readonly name: string;
  readonly qualname: string;
  readonly file: string | null;
  readonly line: number;
}

type Body = (...args: unknown[]) => Promise<unknown>;

/**
 * A runtime coroutine's shortcut for `await`: what its body would return
 * (Queue.get on a non-empty queue, sleep(0)'s single yield), without the
 * body's async function, or NOT_NOW when the body must run. It consumes the
 * coroutine (`$consume`) before anything else can run. Only for bodies
 * whose first step is that check, as CPython's.
 */
export type Shortcut = (coro: PyCoroutine, args: unknown[]) => unknown;
export const NOT_NOW: unique symbol = Symbol('pyasync.notNow');

/** Gives a runtime coroutine body its `await` shortcut (a property, so that it works across the import cycle). */
export function shortcut(body: (...args: never[]) => Promise<unknown>, fn: Shortcut): void {
  (body as unknown as { $shortcut?: Shortcut }).$shortcut = fn;
}

// ---------------------------------------------------------------------------
// The completion register (see the file comment)

const EMPTY: unique symbol = Symbol('pyasync.empty');
const FAILED: unique symbol = Symbol('pyasync.failed');
let completed: unknown = EMPTY;
let completedError: unknown = undefined;

function ignore(): void {}

/*
 * The top body of a Task. A Task's first step starts its coroutine's body
 * with `startingTop` set to the Task (tasks.ts); the body's `$enter()` takes
 * it and keeps it in a local (`const $top = $enter()`; null in any other
 * body), and hands it to the `$ret`/`$coroutineFailed` that end the body.
 * There, in a later step, the Task ends at once (`topEnded`), as CPython's
 * `__step` does when `send()` raises StopIteration: no reaction to the
 * body's Promise, no later job, and the tasks after it in a turn batch find
 * the loop free for their turn.
 */
let startingTop: unknown = null;

/** Set by a Task's first step right before it starts a compiled body (null again right after). */
export function setStartingTop(task: unknown): void {
  startingTop = task;
}

/** First statement of a compiled coroutine body: nothing has finished yet. Returns the Task whose top body this is, or null. */
export function enter(): unknown {
  completed = EMPTY;
  const top = startingTop;
  if (top === null) return null;
  startingTop = null;
  return top;
}

/**
 * `await` in a compiled coroutine body, where it really suspends: the line
 * of the `await` (of the `async for`/`async with`) is where a Task whose
 * top body this is (`top`, from `$enter`; null in any other body) shows
 * its coroutine running in its repr, as CPython's shows the frame's line.
 */
export function suspendAt<T>(top: unknown, line: number, awaited: T): T {
  if (top !== null) (top as { $line: number }).$line = line;
  return awaited;
}

/** `return v` in a compiled coroutine body (`top`: what `$enter` returned): reported, and boxed for the body's Promise. */
export function ret(v: unknown, top?: unknown): unknown {
  const value = typeof v === 'object' && v !== null && typeof (v as { then?: unknown }).then === 'function' ? new Boxed(v) : v;
  if (top != null && topEnded(top, false, value)) return value;
  completed = v;
  return value;
}

/** The compiled coroutine body's last word on an exception (PEP 479 applied): reported, then thrown. */
export function coroutineFailed(error: unknown, top?: unknown): unknown {
  const e = coroutineError(error);
  if (top != null && topEnded(top, true, e)) return e;
  completed = FAILED;
  completedError = e;
  return e;
}

/**
 * Right after a compiled body returned its Promise `p`: the body's result
 * (boxed) if it finished synchronously, its exception thrown here (the
 * Promise's rejection is then handled), or `p` itself when it suspended.
 */
export function now(p: Promise<unknown>): unknown {
  const v = completed;
  if (v === EMPTY) return p;
  completed = EMPTY;
  if (v === FAILED) {
    const e = completedError;
    completedError = undefined;
    p.then(undefined, ignore);
    throw e;
  }
  return typeof v === 'object' && v !== null && typeof (v as { then?: unknown }).then === 'function' ? new Boxed(v) : v;
}

/** Whether the body just started finished synchronously (then `now` must be called). */
export function finishedNow(): boolean {
  return completed !== EMPTY;
}

export { Promise_ as Promise };
const Promise_ = Promise;

const NO_ARGS: unknown[] = Object.freeze([]) as unknown as unknown[];

export const CREATED = 0;
export const STARTED = 1;
export const DONE = 2;

const INFO = Symbol('pyasync.coroutineInfo');

/** "coroutine '…' was never awaited", when the platform tells us a coroutine was collected unstarted. */
const neverAwaited = typeof FinalizationRegistry === 'function'
  ? new FinalizationRegistry<string>((qualname) => {
    try {
      writeWarning(`sys:1: RuntimeWarning: coroutine '${qualname}' was never awaited\n`
        + 'RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n');
    } catch {
      // stderr is gone: nothing to warn on.
    }
  })
  : null;

/*
 * Registering with the FinalizationRegistry costs more than making the
 * coroutine, and most coroutines are awaited or wrapped in a Task at once.
 * So a new coroutine waits in `unwatched` (held, so it cannot be collected
 * meanwhile) and is registered at the end of the current job only if it
 * has not started by then.
 */
const NOT_WATCHED = 0;
const WATCH_PENDING = 1;
const WATCHED = 2;
let unwatched: PyCoroutine[] = [];

function watchUnstarted(): void {
  const list = unwatched;
  unwatched = [];
  // Indexed: a cold run executes this unoptimised, where for-of makes an iterator result per element.
  for (let i = 0; i < list.length; i++) {
    const coro = list[i]!;
    if (coro.$state === CREATED) {
      coro.$watch = WATCHED;
      neverAwaited!.register(coro, coro.__qualname__, coro);
    } else {
      coro.$watch = NOT_WATCHED;
    }
  }
}

/** Names assigned by Python code (`coro.__name__ = …`): rare, so kept off the coroutine objects. */
const renames = new WeakMap<object, { name?: string; qualname?: string }>();

function renamesOf(coro: object): { name?: string; qualname?: string } {
  let r = renames.get(coro);
  if (r === undefined) {
    r = {};
    renames.set(coro, r);
  }
  return r;
}

export class PyCoroutine {
  static readonly __name__ = 'coroutine';

  $state = CREATED;
  /** The Task running it once started (for cr_running). */
  $task: unknown = null;
  /** Whether "never awaited" is to be reported if it is collected unstarted (see `unwatched`). */
  $watch = NOT_WATCHED;

  constructor(
    readonly $body: Body,
    /** The arguments, until the body starts with them. */
    public $args: unknown[],
    readonly $info: CoroutineInfo,
    watched = true,
    readonly $shortcut: Shortcut | null = null,
  ) {
    // The runtime's own coroutines (asyncio.sleep…) are not watched.
    if (watched && neverAwaited !== null) {
      this.$watch = WATCH_PENDING;
      if (unwatched.push(this) === 1) queueMicrotask(watchUnstarted);
    }
  }

  get __name__(): string {
    return renames.get(this)?.name ?? this.$info.name;
  }

  set __name__(name: unknown) {
    if (typeof name !== 'string') throw new TypeError('__name__ must be set to a string object');
    renamesOf(this).name = name;
  }

  get __qualname__(): string {
    return renames.get(this)?.qualname ?? this.$info.qualname;
  }

  set __qualname__(name: unknown) {
    if (typeof name !== 'string') throw new TypeError('__qualname__ must be set to a string object');
    renamesOf(this).qualname = name;
    // The "never awaited" warning names the coroutine by its qualname at collection time.
    if (this.$state === CREATED && this.$watch === WATCHED) {
      neverAwaited!.unregister(this);
      neverAwaited!.register(this, name, this);
    }
  }

  /** What can be told of the code: its names, file and first line (there is no bytecode). */
  get cr_code(): CodeInfo {
    return codeOf(this.$info);
  }

  /** None once the coroutine is finished, as in CPython; otherwise a frame naming the code. */
  get cr_frame(): FrameInfo | null {
    return this.$state === DONE ? null : new FrameInfo(codeOf(this.$info));
  }

  get cr_origin(): null {
    return null;
  }

  get cr_running(): boolean {
    return this.$state === STARTED && this.$task !== null && this.$task === currentTask();
  }

  get cr_await(): null {
    return null;
  }

  get cr_suspended(): boolean {
    return this.$state === STARTED && !this.cr_running;
  }

  /**
   * Runs the body: the coroutine's first step happens now, synchronously, up to its first suspension. `task` is
   * the running Task (a Task's first step passes itself rather than have it looked up).
   */
  $start(task: unknown = currentTask()): Promise<unknown> {
    if (this.$state !== CREATED) throw new RuntimeError('cannot reuse already awaited coroutine');
    this.$state = STARTED;
    this.$task = task;
    if (this.$watch === WATCHED) neverAwaited!.unregister(this);
    const args = this.$args;
    // The body holds them now: a Task's coroutine should not keep a second copy alive.
    this.$args = NO_ARGS;
    switch (args.length) {
      case 0:
        return this.$body();
      case 1:
        return this.$body(args[0]);
      case 2:
        return this.$body(args[0], args[1]);
      default:
        return this.$body(...args);
    }
  }

  $finished(): void {
    this.$state = DONE;
  }


  /**
   * A Task's first step throws `exc` (its cancellation) into this coroutine, which never ran: a coroutine's body
   * then never starts (false). An async generator's `asend`/`athrow` awaitable overrides this to pass `exc` on to
   * its generator when `$start` runs it (true), as CPython's do.
   */
  $throwAtStart(_exc: BaseException): boolean {
    return false;
  }

  /** Marks the coroutine finished without running (a cancelled Task's first step, sleep(0) recognised by `aw`). */
  $consume(): void {
    this.$state = DONE;
    if (this.$watch === WATCHED) neverAwaited!.unregister(this);
  }

  send(value: unknown): never {
    if (this.$state === CREATED && value !== null && value !== undefined) {
      throw new TypeError("can't send non-None value to a just-started coroutine");
    }
    if (this.$state === DONE) throw new RuntimeError('cannot reuse already awaited coroutine');
    throw stepError();
  }

  throw(type: unknown, value?: unknown): never {
    const exc = exceptionToThrow(type, value);
    if (this.$state === CREATED) {
      // A coroutine that never ran raises the exception where its body would begin (PEP 479 applies there too).
      this.$consume();
      throw coroutineError(exc);
    }
    if (this.$state === DONE) throw new RuntimeError('cannot reuse already awaited coroutine');
    throw stepError();
  }

  close(): null {
    if (this.$state === CREATED) this.$consume();
    else if (this.$state === STARTED && !this.cr_running && (this.$task === null || (this.$task as Future).done())) this.$state = DONE;
    else if (this.$state === STARTED) {
      throw new RuntimeError('pyasync cannot close a suspended coroutine (it is a native JS async function): cancel its Task instead');
    }
    return null;
  }

  __await__(): AwaitIterator {
    return new AwaitIterator(this);
  }

  __repr__(): string {
    return `<coroutine object ${this.__qualname__} at ${addressOf(this)}>`;
  }
}

/** `cr_code`: a code object's names and place. */
export class CodeInfo {
  static readonly __name__ = 'code';

  constructor(
    readonly co_name: string,
    readonly co_qualname: string,
    readonly co_filename: string,
    readonly co_firstlineno: number,
  ) {}

  __repr__(): string {
    return `<code object ${this.co_name} at ${addressOf(this)}, file "${this.co_filename}", line ${this.co_firstlineno}>`;
  }
}

/** `cr_frame`: only the code is known (a native async function's locals and line are not observable). */
export class FrameInfo {
  static readonly __name__ = 'frame';

  constructor(readonly f_code: CodeInfo) {}

  get f_lineno(): number {
    return this.f_code.co_firstlineno;
  }

  __repr__(): string {
    return `<frame at ${addressOf(this)}, file '${this.f_code.co_filename}', line ${this.f_lineno}, code ${this.f_code.co_name}>`;
  }
}

const codes = new WeakMap<CoroutineInfo, CodeInfo>();

function codeOf(info: CoroutineInfo): CodeInfo {
  let code = codes.get(info);
  if (code === undefined) {
    code = new CodeInfo(info.name, info.qualname, info.file ?? '<runtime>', info.line);
    codes.set(info, code);
  }
  return code;
}

const addresses = new WeakMap<object, string>();
let lastAddress = 0x7f5b2c000000;

export function addressOf(obj: object): string {
  let a = addresses.get(obj);
  if (a === undefined) {
    lastAddress += 0x90;
    a = '0x' + lastAddress.toString(16);
    addresses.set(obj, a);
  }
  return a;
}

function exceptionToThrow(type: unknown, value: unknown): BaseException {
  if (type instanceof BaseException) return type;
  if (typeof type === 'function') {
    const made = value instanceof BaseException ? value : (value === undefined || value === null ? (type as () => unknown)() : (type as (v: unknown) => unknown)(value));
    if (made instanceof BaseException) return made;
  }
  throw new TypeError('exceptions must be classes or instances deriving from BaseException, not ' + typeName(type));
}

// ---------------------------------------------------------------------------
// What compiled code calls

/**
 * `async def`: marks the Python function `fn` (which returns
 * `$coroutine(body, [args])`) as a coroutine function and gives the body the
 * names and place its coroutines report.
 */
export function asyncDef<F extends Function>(
  fn: F, body: Body, qualname: string, file: string | null, line: number, reports = false, endsReported = false,
): F {
  const info: CoroutineInfo = { reports, endsReported, name: qualname.slice(qualname.lastIndexOf('.') + 1), qualname, file, line };
  (body as unknown as Record<symbol, CoroutineInfo>)[INFO] = info;
  (fn as unknown as Record<symbol, boolean>)[COROUTINE_FUNCTION] = true;
  // Compiled `await f(x)` calls the body directly while the global `f` is still this function.
  (body as unknown as { $def: unknown }).$def = fn;
  return fn;
}

export function coroutine(body: Body, args: unknown[]): PyCoroutine {
  return new PyCoroutine(body, args, (body as unknown as Record<symbol, CoroutineInfo>)[INFO]!);
}

/** A coroutine of a runtime function (asyncio.sleep…): a JS async body and its Python names. */
export function runtimeCoroutine(fn: (...args: never[]) => Promise<unknown>, args: unknown[], qualname: string): PyCoroutine {
  const body = fn as unknown as Body;
  let info = (body as unknown as Record<symbol, CoroutineInfo>)[INFO];
  if (info === undefined) {
    info = { reports: false, endsReported: false, name: qualname.slice(qualname.lastIndexOf('.') + 1), qualname, file: null, line: 0 };
    (body as unknown as Record<symbol, CoroutineInfo>)[INFO] = info;
  }
  return new PyCoroutine(body, args, info, false, (body as unknown as { $shortcut?: Shortcut }).$shortcut ?? null);
}

/** `runtimeCoroutine(fn, args, qualname)` for one body, with its names and shortcut looked up once. */
export function runtimeCoroutineMaker(fn: (...args: never[]) => Promise<unknown>, qualname: string): (args: unknown[]) => PyCoroutine {
  const made = runtimeCoroutine(fn, [], qualname);
  made.$consume();
  const info = made.$info;
  const shortcutOf = made.$shortcut;
  const body = fn as unknown as Body;
  return (args) => new PyCoroutine(body, args, info, false, shortcutOf);
}

export { iscoroutinefunction } from './coroutineFunctions.js';

export function iscoroutine(x: unknown): boolean {
  return x instanceof PyCoroutine || (x instanceof PyGenerator && ITERABLE_COROUTINES.has(x));
}

/** Generators of functions decorated with `types.coroutine`: awaitable. */
export const ITERABLE_COROUTINES = new WeakSet<object>();

/** PEP 479 for coroutines: a StopIteration escaping the body becomes RuntimeError. */
export function coroutineError(error: unknown): unknown {
  if (error instanceof StopIteration) {
    const e = new RuntimeError('coroutine raised StopIteration');
    e.__cause__ = error;
    e.__context__ = error;
    e.__suppress_context__ = true;
    return e;
  }
  return error;
}

export { boxed as box, unboxed as un, Boxed };

/** Whether `await x` accepts x (CPython's `__await__` slot, plus JS thenables). */
export function isAwaitable(x: unknown): boolean {
  if (x instanceof PyCoroutine || isfuture(x) || x instanceof AwaitIterator) return true;
  if (x instanceof PyGenerator) return ITERABLE_COROUTINES.has(x);
  if (x === null || (typeof x !== 'object' && typeof x !== 'function')) return false;
  return hasSpecial(x, '__await__') || typeof (x as { then?: unknown }).then === 'function';
}

/** `await x`: see the file comment. */
export function aw(x: unknown): unknown {
  if (x instanceof PyCoroutine) {
    const shortcutOf = x.$shortcut;
    if (shortcutOf !== null && x.$state === CREATED) {
      const r = shortcutOf(x, x.$args);
      if (r !== NOT_NOW) return r;
    }
    const body = x.$start();
    if (completed !== EMPTY && x.$info.reports === true) {
      x.$state = DONE;
      return now(body);
    }
    const finished = (): void => x.$finished();
    body.then(finished, finished);
    return body;
  }
  if (isfuture(x)) {
    if (x._state !== PENDING) return x._state === FINISHED && x._exception === null ? boxed(x._result) : boxed(x.result());
    return awaitPending(x);
  }
  return awaitOther(x);
}

/**
 * `await o.get()` and `await o.put(x)` (the transform emits awaitGet/awaitPut
 * for them): a runtime queue may hand back the result without the coroutine
 * object nobody else could see (queues.ts sets `queueAwaits`, with the
 * queue's prototype: only its direct instances are looked at, since looking
 * `get` up on another object could run a Python property before the call
 * does). Otherwise `call` (the module's method-call helper) makes the
 * coroutine and `aw` awaits it.
 */
export const queueAwaits: {
  proto: object | null;
  /** The result, or NOT_NOW: the coroutine must be made and awaited. */
  get: (q: never) => unknown;
  put: (q: never, item: unknown) => unknown;
} = { proto: null, get: () => NOT_NOW, put: () => NOT_NOW };

export function awaitGet(o: unknown, call: (o: unknown) => unknown): unknown {
  if (o !== null && typeof o === 'object' && Object.getPrototypeOf(o) === queueAwaits.proto) {
    const r = queueAwaits.get(o as never);
    if (r !== NOT_NOW) return r;
  }
  return aw(call(o));
}

export function awaitPut(o: unknown, item: unknown, call: (o: unknown, a: unknown) => unknown): unknown {
  if (o !== null && typeof o === 'object' && Object.getPrototypeOf(o) === queueAwaits.proto) {
    const r = queueAwaits.put(o as never, item);
    if (r !== NOT_NOW) return r;
  }
  return aw(call(o, item));
}

function awaitOther(x: unknown): unknown {
  if (x instanceof AwaitIterator) return aw(x.$target);
  if (x instanceof PyGenerator) {
    if (ITERABLE_COROUTINES.has(x)) return awaitIterator(x);
    throw new TypeError(`object ${typeName(x)} can't be used in 'await' expression`);
  }
  if (hasSpecial(x, '__await__')) {
    const it = callSpecial(x, '__await__');
    if (it instanceof PyCoroutine) throw new TypeError('__await__() returned a coroutine');
    if (it instanceof AwaitIterator) return aw(it.$target);
    if (!hasSpecial(it, '__next__') && !(it instanceof PyGenerator)) {
      throw new TypeError(`__await__() returned non-iterator of type '${typeName(it)}'`);
    }
    return awaitIterator(it);
  }
  if (x !== null && (typeof x === 'object' || typeof x === 'function') && typeof (x as { then?: unknown }).then === 'function') {
    return awaitThenable(x as PromiseLike<unknown>);
  }
  const slot = x !== null && typeof x === 'object' ? (Object.getPrototypeOf(x) as Record<string, unknown> | null)?.['__await__'] : undefined;
  // `__await__ = None` (or another non-callable) is called as CPython calls the slot.
  if (slot !== undefined) call(slot, [x], null);
  throw new TypeError(`object ${typeName(x)} can't be used in 'await' expression`);
}

/**
 * An iterator-based awaitable (`__await__` returning a generator, a
 * `types.coroutine` generator): each value it yields is what a Task would
 * see — a Future to wait for, or None for one loop turn.
 */
async function awaitIterator(it: unknown): Promise<unknown> {
  let sent: unknown = null;
  let error: unknown;
  let failed = false;
  for (;;) {
    let r: { done: boolean; value: unknown };
    if (it instanceof PyGenerator) {
      const step = failed ? it.$throw(error) : it.next(sent);
      r = { done: step.done === true, value: step.value };
    } else {
      try {
        const value = failed ? callSpecial(it, 'throw', error) : sent === null ? callSpecial(it, '__next__') : callSpecial(it, 'send', sent);
        r = { done: false, value };
      } catch (e) {
        if (e instanceof StopIteration) r = { done: true, value: e.value };
        else throw e;
      }
    }
    failed = false;
    if (r.done) return boxed(r.value ?? null);
    const y = r.value;
    try {
      if (y === null || y === undefined) sent = unboxed(await sleep0(null));
      else if (isfuture(y)) {
        // Only a Future's own iterator (`yield from fut`, `await fut`) marks it as blocking.
        if (!y._asyncio_future_blocking) {
          const task = currentTask();
          throw new RuntimeError(`yield was used instead of yield from in task ${task === null ? 'None' : repr(task)} with ${repr(y)}`);
        }
        y._asyncio_future_blocking = false;
        sent = unboxed(await aw(y));
      } else throw new RuntimeError(`Task got bad yield: ${repr(y)}`);
    } catch (e) {
      error = toPython(e);
      failed = true;
    }
  }
}

/** A JS Promise or thenable: a Future of the running loop settles with it, and the Task waits for that. */
function awaitThenable(x: PromiseLike<unknown>): unknown {
  const task = currentTask();
  if (task === null) return Promise.resolve(x).then(boxed, (e) => Promise.reject(toPython(e)));
  const fut = task._loop.create_future();
  x.then(
    (v) => {
      if (fut._state === PENDING) fut.set_result(v);
    },
    (e) => {
      if (fut._state === PENDING) fut.set_exception(toPython(e));
    },
  );
  return awaitPending(fut);
}

/** For JS code: a Promise of a Python awaitable's result (a coroutine runs as a Task of the running loop). */
export function toPromise(awaitable: unknown): Promise<unknown> {
  return (async () => unboxed(await aw(awaitable)))();
}
