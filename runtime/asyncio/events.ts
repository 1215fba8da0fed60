/**
 * asyncio.events: callback handles, the running loop and the event loop
 * policies (the Unix default one, as unix_events.py's). A Handle is what
 * the loop's ready queue holds; a Task is its own ready-queue entry for its
 * steps (tasks.ts), so both implement ReadyEntry.
 */
import { KeyboardInterrupt, NotImplementedError, RuntimeError, SystemExit, TypeError } from '../builtins/exceptions.js';
import { callableClass } from '../builtins/callableClass.js';
import { typeName } from '../builtins/values.js';
import { BOUND, call, isPyFunction, type PyCallable } from '../builtins/calls.js';
import { repr } from '../builtins/repr.js';
import { toPython } from '../builtins/errors.js';
import type { BaseEventLoop } from './baseEvents.js';
import { PyDict } from '../builtins/dict.js';
import { callMethod, getattr } from '../builtins/attributes.js';
import { isinstance } from '../builtins/classes/model.js';
import { functionSource } from '../builtins/codeObjects.js';
import { partial } from '../modules/functools.js';
import { ContextImpl, capturedContext, copyContext, runInContext } from './contexts.js';
import { asyncioLogger } from './output.js';
import { BOUND_SELF } from './coroutineFunctions.js';

/** What the loop's `_ready` deque holds: a Handle, or a Task waiting for its next step. */
export interface ReadyEntry {
  $run(): void;
}

export type Callback = (...args: unknown[]) => unknown;

/** Calls a callback: a JS or compiled function directly, anything else through Python's call protocol. */
export function invokeCallback(fn: unknown, args: readonly unknown[]): unknown {
  // Reflect.apply, not `fn.apply`: a callable instance (functools.partial) is a function whose attributes are its own.
  if (typeof fn === 'function') return Reflect.apply(fn as Callback, null, args as unknown[]);
  return call(fn, [...args], null);
}

export function isFatal(e: unknown): boolean {
  return e instanceof SystemExit || e instanceof KeyboardInterrupt;
}

export class Handle implements ReadyEntry {
  static readonly __name__: string = 'Handle';
  static readonly __module__ = 'asyncio.events';
  _cancelled = false;
  /** The contextvars Context the callback runs in: the one current when it was scheduled (contexts.ts). */
  $context: ContextImpl | null = capturedContext();

  constructor(
    public _callback: unknown,
    public _args: readonly unknown[],
    readonly _loop: BaseEventLoop,
  ) {}

  cancel(): null {
    if (!this._cancelled) {
      this._cancelled = true;
      this._callback = null;
      this._args = [];
    }
    return null;
  }

  cancelled(): boolean {
    return this._cancelled;
  }

  get_context(): ContextImpl {
    return (this.$context ??= copyContext());
  }

  $run(): void {
    if (this._cancelled) return;
    try {
      const context = this.$context;
      if (context === null) invokeCallback(this._callback, this._args);
      else runInContext(context, () => invokeCallback(this._callback, this._args));
    } catch (error) {
      this.$reportError(error);
    }
  }

  /** A raising callback goes to the loop's exception handler (fatal ones propagate), as Handle._run does. */
  $reportError(error: unknown): void {
    const e = toPython(error);
    if (isFatal(e)) throw e;
    this._loop.call_exception_handler(new PyDict(Object.entries({
      message: `Exception in callback ${formatCallbackSource(this._callback, this._args)}`,
      exception: e,
      handle: this,
    })));
  }

  $reprInfo(): string[] {
    const info = [this._cancelled ? 'cancelled' : ''];
    if (this._callback !== null) info.push(formatCallbackSource(this._callback, this._args));
    return info.filter((s) => s !== '');
  }

  __repr__(): string {
    return `<${(this.constructor as unknown as { __name__: string }).__name__} ${this.$reprInfo().join(' ')}>`;
  }
}

/**
 * A Future's done callback on the ready queue (`call_soon(callback, fut)`
 * from the runtime): a Handle nobody can reach, so it stays this small
 * entry; one is made only for the exception handler's `handle` entry, when
 * the callback raises.
 */
export class CallbackEntry implements ReadyEntry {
  constructor(
    private readonly $callback: unknown,
    private readonly $arg: unknown,
    private readonly $loop: BaseEventLoop,
  ) {}

  $run(): void {
    const fn = this.$callback;
    try {
      // Through invokeCallback: tracebacks end the callback's frames there (runtime/traceback).
      invokeCallback(fn, [this.$arg]);
    } catch (error) {
      new Handle(fn, [this.$arg], this.$loop).$reportError(error);
    }
  }
}

export class TimerHandle extends Handle {
  static override readonly __name__: string = 'TimerHandle';
  _scheduled = false;

  constructor(
    readonly _when: number,
    callback: unknown,
    args: readonly unknown[],
    loop: BaseEventLoop,
  ) {
    super(callback, args, loop);
  }

  when(): number {
    return this._when;
  }

  override cancel(): null {
    if (!this._cancelled) this._loop.$timerHandleCancelled(this);
    return super.cancel();
  }

  override $reprInfo(): string[] {
    const info = super.$reprInfo();
    info.splice(this._cancelled ? 1 : 0, 0, `when=${this._when}`);
    return info;
  }
}

/**
 * `f(a, b)` as asyncio's format_helpers name a callback in messages and
 * reprs: a functools.partial shows its function with the partial's
 * arguments, then the call's (`cb(1)()`).
 */
export function formatCallback(fn: unknown, args: readonly unknown[], kwargs: PyDict | null = null, suffix = ''): string {
  if (isinstance(fn, partial)) {
    suffix = formatArguments(args, kwargs) + suffix;
    return formatCallback(getattr(fn, 'func'), [...(getattr(fn, 'args') as unknown[])], getattr(fn, 'keywords') as PyDict, suffix);
  }
  const qual = (fn as { __qualname__?: unknown } | null)?.__qualname__;
  let name: string;
  if (typeof fn === 'function') {
    name = boundQualname(fn) ?? pythonQualname(fn) ?? qualnameOf(fn) ?? (typeof qual === 'string' ? qual : fn.name || repr(fn));
  } else {
    // An object with a `__qualname__` of its own (a coroutine object), else its repr.
    name = typeof qual === 'string' && qual !== '' ? qual : repr(fn);
  }
  return name + formatArguments(args, kwargs) + suffix;
}

/**
 * `Event.set`, `Queue.put_nowait` for a runtime method bound to an instance
 * (a JS bound function, or a bound method of one not written in Python): the
 * class that defines it, then its name.
 */
function boundQualname(fn: Function): string | null {
  let self = (fn as unknown as Record<symbol, unknown>)[BOUND_SELF];
  let name = fn.name.startsWith('bound ') ? fn.name.slice(6) : fn.name;
  const bound = (fn as PyCallable)[BOUND];
  if (bound !== undefined) {
    if (isPyFunction(bound.func) || typeof bound.func !== 'function') return null;
    self = bound.self;
    name = bound.func.name;
  }
  if (self === undefined || self === null || typeof self !== 'object' || name === '') return null;
  for (let p = Object.getPrototypeOf(self) as object | null; p !== null; p = Object.getPrototypeOf(p) as object | null) {
    if (!Object.hasOwn(p, name)) continue;
    const cls = (p as { constructor?: { __qualname__?: unknown; __name__?: unknown } }).constructor;
    const owner = cls?.__qualname__ ?? cls?.__name__;
    return typeof owner === 'string' ? `${owner}.${name}` : null;
  }
  return null;
}

/** `formatCallback` then ` at file:line` for a Python function (through partials and `__wrapped__`), as `_format_callback_source`. */
export function formatCallbackSource(fn: unknown, args: readonly unknown[]): string {
  const text = formatCallback(fn, args);
  const source = callbackSource(fn);
  return source === null ? text : `${text} at ${source}`;
}

function callbackSource(fn: unknown): string | null {
  // inspect.unwrap: follow `__wrapped__` as far as it goes.
  for (let seen = 0; seen < 100 && fn !== null && (typeof fn === 'function' || typeof fn === 'object'); seen++) {
    let inner: unknown;
    try {
      inner = getattr(fn, '__wrapped__');
    } catch {
      break;
    }
    fn = inner;
  }
  if (isinstance(fn, partial)) return callbackSource(getattr(fn, 'func'));
  return functionSource(fn);
}

function formatArguments(args: readonly unknown[], kwargs: PyDict | null): string {
  const items = args.map((a) => safeRepr(a));
  if (kwargs !== null) for (const k of kwargs) items.push(`${k as string}=${safeRepr(kwargs.$get(k))}`);
  return `(${items.join(', ')})`;
}

/** A Python function's or bound method's `__qualname__`: its own when assigned (functools.wraps), else its signature's. */
function pythonQualname(fn: Function): string | null {
  if (!isPyFunction(fn) && (fn as PyCallable)[BOUND] === undefined) return null;
  try {
    const q = getattr(fn, '__qualname__');
    return typeof q === 'string' && q !== '' ? q : null;
  } catch {
    return null;
  }
}

function qualnameOf(fn: Function): string | null {
  for (const key of Object.getOwnPropertySymbols(fn)) {
    const sig = (fn as unknown as Record<symbol, { qualname?: unknown }>)[key];
    if (sig !== null && typeof sig === 'object' && typeof sig.qualname === 'string') return sig.qualname;
  }
  return null;
}

function safeRepr(v: unknown): string {
  try {
    return repr(v);
  } catch {
    return '<object>';
  }
}

// ---------------------------------------------------------------------------
// The running loop

let runningLoop: BaseEventLoop | null = null;
/** Set by baseEvents.ts: makes a new loop (events.ts cannot import the class it would cycle with). */
export const loopFactory: { make?: () => BaseEventLoop } = {};

export function _get_running_loop(): BaseEventLoop | null {
  return runningLoop;
}

export function _set_running_loop(loop: BaseEventLoop | null): null {
  runningLoop = loop;
  return null;
}

export function get_running_loop(): BaseEventLoop {
  if (runningLoop === null) throw new RuntimeError('no running event loop');
  return runningLoop;
}

/** What CPython's selector event loop logs (at DEBUG, on the `asyncio` logger) when it is made. */
function makeLoop(): BaseEventLoop {
  const loop = loopFactory.make!();
  asyncioLogger.log?.(DEBUG_LEVEL, selectorMessage(), null);
  return loop;
}

const DEBUG_LEVEL = 10;

function selectorMessage(): string {
  const platform = (globalThis as { process?: { platform?: string } }).process?.platform;
  if (platform === 'win32') return 'Using proactor: IocpProactor';
  if (platform === 'linux' || platform === undefined) return 'Using selector: EpollSelector';
  return 'Using selector: KqueueSelector';
}

// ---------------------------------------------------------------------------
// Event loop policies: get_event_loop, set_event_loop and new_event_loop ask the current one

class AbstractEventLoopPolicyImpl {
  static readonly __name__: string = 'AbstractEventLoopPolicy';
  static readonly __qualname__: string = 'AbstractEventLoopPolicy';
  static readonly __module__: string = 'asyncio.events';

  get_event_loop(): unknown {
    throw new NotImplementedError();
  }

  set_event_loop(_loop: unknown): unknown {
    throw new NotImplementedError();
  }

  new_event_loop(): unknown {
    throw new NotImplementedError();
  }
}

/** The main thread's loop (there are no others): made on first use unless set_event_loop was called (asyncio.run sets one, then None). */
class BaseDefaultEventLoopPolicyImpl extends AbstractEventLoopPolicyImpl {
  static override readonly __name__: string = 'BaseDefaultEventLoopPolicy';
  static override readonly __qualname__: string = 'BaseDefaultEventLoopPolicy';
  $loop: BaseEventLoop | null = null;
  $setCalled = false;

  override get_event_loop(): unknown {
    // Through the attributes, as CPython's `self.set_event_loop(self.new_event_loop())`: a subclass may override them.
    if (this.$loop === null && !this.$setCalled) callMethod(this, 'set_event_loop', callMethod(this, 'new_event_loop'));
    if (this.$loop === null) throw new RuntimeError("There is no current event loop in thread 'MainThread'.");
    return this.$loop;
  }

  override set_event_loop(loop: unknown): null {
    this.$setCalled = true;
    this.$loop = (loop ?? null) as BaseEventLoop | null;
    return null;
  }

  override new_event_loop(): unknown {
    return makeLoop();
  }
}

class UnixDefaultEventLoopPolicyImpl extends BaseDefaultEventLoopPolicyImpl {
  static override readonly __name__: string = '_UnixDefaultEventLoopPolicy';
  static override readonly __qualname__: string = '_UnixDefaultEventLoopPolicy';
  static override readonly __module__: string = 'asyncio.unix_events';
}

export const AbstractEventLoopPolicy = callableClass(AbstractEventLoopPolicyImpl);
export const BaseDefaultEventLoopPolicy = callableClass(BaseDefaultEventLoopPolicyImpl);
export const DefaultEventLoopPolicy = callableClass(UnixDefaultEventLoopPolicyImpl);

/** The current policy: the default one until set_event_loop_policy; made on first use, as CPython's. */
let policy: unknown = null;
/** The current policy when it is the runtime's default one (no Python method to dispatch to), else null. */
let defaultPolicy: BaseDefaultEventLoopPolicyImpl | null = null;

export function get_event_loop_policy(): unknown {
  if (policy === null) {
    defaultPolicy = new DefaultEventLoopPolicy();
    policy = defaultPolicy;
  }
  return policy;
}

export function set_event_loop_policy(newPolicy: unknown): null {
  if (newPolicy !== null && newPolicy !== undefined && !isinstance(newPolicy, AbstractEventLoopPolicy as never)) {
    throw new TypeError(`policy must be an instance of AbstractEventLoopPolicy or None, not '${typeName(newPolicy)}'`);
  }
  policy = newPolicy ?? null;
  defaultPolicy = policy !== null && Object.getPrototypeOf(policy) === UnixDefaultEventLoopPolicyImpl.prototype ? policy as BaseDefaultEventLoopPolicyImpl : null;
  return null;
}

export function new_event_loop(): BaseEventLoop {
  const current = get_event_loop_policy();
  return (defaultPolicy !== null ? makeLoop() : callMethod(current, 'new_event_loop')) as BaseEventLoop;
}

export function set_event_loop(loop: BaseEventLoop | null): null {
  const current = get_event_loop_policy();
  if (defaultPolicy !== null) defaultPolicy.set_event_loop(loop);
  else callMethod(current, 'set_event_loop', loop);
  return null;
}

/** The running loop, else the policy's current one. */
export function get_event_loop(): BaseEventLoop {
  if (runningLoop !== null) return runningLoop;
  const current = get_event_loop_policy();
  return (defaultPolicy !== null ? defaultPolicy.get_event_loop() : callMethod(current, 'get_event_loop')) as BaseEventLoop;
}
