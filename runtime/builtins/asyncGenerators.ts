/**
 * Python async generator objects (PEP 525). A compiled async generator
 * function returns `$asyncGenerator(async function* () {…}, "qualname")`:
 * the native JS async generator runs the body (its `await`s are the
 * runtime's `$un(await $aw(e))`, so every suspension goes through the Task
 * as in a coroutine), and PyAsyncGenerator adds what Python has on top:
 * `__anext__`/`asend`/`athrow`/`aclose` returning awaitables, "already
 * running", the just-started check, GeneratorExit on `aclose`, PEP 479's
 * conversions, and the firstiter/finalizer hooks an event loop installs
 * (sys.set_asyncgen_hooks) to close unfinished generators at shutdown.
 *
 * The awaitables (`async_generator_asend`, `async_generator_athrow`,
 * `anext_awaitable`) are coroutines of the runtime to `await`/Tasks: `aw`
 * starts them inline as it starts any coroutine, and their one step is the
 * generator's step. Values yielded are boxed by compiled code when they may
 * be thenable (a JS async generator would adopt them), and unboxed by the
 * `$un` of whoever awaits.
 */
import { BaseException, GeneratorExit, RuntimeError, StopAsyncIteration, StopIteration, TypeError } from './exceptions.js';
import { call } from './calls.js';
import { typeName } from './values.js';
import { type } from './types.js';
import { callSpecial, hasSpecial } from './special.js';
import { exceptionToThrow } from './generators.js';
import { PyCoroutine, STARTED, addressOf, aw, box, type CoroutineInfo } from '../asyncio/coroutines.js';
import { currentTask } from '../asyncio/tasks.js';
import { asyncForIter } from '../asyncio/protocols.js';
import { asyncgenHooks, type TrackedAsyncGenerator } from './asyncGeneratorHooks.js';
import { noKeywords } from './calls.js';

const CREATED = 0;
const SUSPENDED = 1;
const CLOSED = 2;

type Body = AsyncGenerator<unknown, unknown, unknown>;

/** What a function compiled from an async generator `async def` carries (inspect.isasyncgenfunction reads it). */
export const ASYNC_GENERATOR_FUNCTION = Symbol.for('pyasync.asyncGeneratorFunction');


/** How many async generators were made: a loop over a call tells the generators the call made by their serial. */
let serials = 0;

export class PyAsyncGenerator {
  /** `type(ag).__name__`. */
  static readonly __name__ = 'async_generator';

  readonly $serial = ++serials;
  /** An `async for` over the call that made it holds the only reference (see asyncForFresh). */
  $loopOwned = false;

  $state = CREATED;
  /** An `asend`/`athrow`/`aclose` awaitable is running the body (CPython's ag_running_async). */
  $running = false;
  $hooked = false;
  /** The finalizer hook in force at the first iteration (the loop that saw it). */
  $finalizer: unknown = null;
  /** The set of an event loop that tracks this generator until it is closed. */
  $tracker: Set<TrackedAsyncGenerator> | null = null;
  private $name: string | undefined = undefined;

  constructor(
    readonly $body: Body,
    public __qualname__: string,
  ) {}

  get __name__(): string {
    if (this.$name !== undefined) return this.$name;
    const q = this.__qualname__;
    return q.slice(q.lastIndexOf('.') + 1);
  }

  set __name__(name: string) {
    if (typeof name !== 'string') throw new TypeError('__name__ must be set to a string object');
    this.$name = name;
  }

  get ag_running(): boolean {
    return this.$running;
  }

  /** The awaitable the body is suspended on: pyasync does not track it. */
  get ag_await(): null {
    return null;
  }

  get ag_frame(): null {
    return null;
  }

  __aiter__(): this {
    return this;
  }

  __anext__(): AsyncGenASend {
    this.$initHooks();
    return new AsyncGenASend(this, null);
  }

  asend(value: unknown): AsyncGenASend {
    this.$initHooks();
    return new AsyncGenASend(this, value);
  }

  athrow(type: unknown, value?: unknown, traceback?: unknown): AsyncGenAThrow {
    void traceback;
    this.$initHooks();
    return new AsyncGenAThrow(this, false, type, value);
  }

  aclose(): AsyncGenAThrow {
    this.$initHooks();
    return new AsyncGenAThrow(this, true, null, null);
  }

  __repr__(): string {
    return `<async_generator object ${this.__qualname__} at ${addressOf(this)}>`;
  }

  /** CPython calls the hooks once, when the first awaitable is made. */
  private $initHooks(): void {
    if (this.$hooked) return;
    this.$hooked = true;
    this.$finalizer = asyncgenHooks.finalizer;
    const firstiter = asyncgenHooks.firstiter;
    if (firstiter !== null && firstiter !== undefined) call(firstiter, [this], null);
  }

  private $closed(): void {
    this.$state = CLOSED;
    this.$running = false;
    if (this.$tracker !== null) {
      this.$tracker.delete(this);
      this.$tracker = null;
    }
  }

  /** One step of `asend(value)` / `__anext__()`: the next value yielded, or StopAsyncIteration. */
  async $send(value: unknown): Promise<unknown> {
    if (this.$running) throw new RuntimeError('anext(): asynchronous generator is already running');
    if (this.$state === CLOSED) throw new StopAsyncIteration();
    if (this.$state === CREATED && value !== null && value !== undefined) {
      throw new TypeError("can't send non-None value to a just-started async generator");
    }
    this.$running = true;
    this.$state = SUSPENDED;
    let r: IteratorResult<unknown>;
    try {
      r = await this.$body.next(value === undefined ? null : value);
    } catch (e) {
      this.$closed();
      throw escaped(e);
    }
    if (r.done) {
      this.$closed();
      throw new StopAsyncIteration();
    }
    this.$running = false;
    return r.value;
  }

  /**
   * One step of `athrow(…)` or `aclose()`. `thrown`, when given, is thrown in instead (a Task's cancellation
   * before the awaitable's first step), with `close`'s handling of the outcome, as CPython's athrow `throw()`.
   */
  async $throw(close: boolean, type: unknown, value: unknown, thrown?: BaseException): Promise<unknown> {
    if (this.$running) {
      throw new RuntimeError(`${close ? 'aclose' : 'athrow'}(): asynchronous generator is already running`);
    }
    if (this.$state === CLOSED) return null;
    const exc = thrown ?? (close ? new GeneratorExit() : exceptionToThrow(type, value));
    if (this.$state === CREATED) {
      // Never started: no `finally` of the body can be pending; the exception is raised where the body would begin.
      this.$closed();
      void this.$body.return(undefined);
      if (close && thrown === undefined) return null;
      throw exc;
    }
    this.$running = true;
    let r: IteratorResult<unknown>;
    try {
      r = await this.$body.throw(exc);
    } catch (e) {
      this.$closed();
      if (close && e instanceof GeneratorExit) return null;
      throw escaped(e);
    }
    if (r.done) {
      this.$closed();
      if (close) return null;
      throw new StopAsyncIteration();
    }
    this.$running = false;
    if (close) throw new RuntimeError('async generator ignored GeneratorExit');
    return r.value;
  }
}

/** PEP 479 for async generators: StopIteration or StopAsyncIteration leaving the body becomes RuntimeError. */
function escaped(e: unknown): unknown {
  if (!(e instanceof StopAsyncIteration) && !(e instanceof StopIteration)) return e;
  const error = new RuntimeError(`async generator raised ${e instanceof StopAsyncIteration ? 'StopAsyncIteration' : 'StopIteration'}`);
  error.__cause__ = e;
  error.__context__ = e;
  error.__suppress_context__ = true;
  return error;
}

async function unusedBody(): Promise<unknown> {
  return null;
}

function info(qualname: string): CoroutineInfo {
  return { name: qualname, qualname, file: null, line: 0 };
}

const ASEND_INFO = info('async_generator_asend');
const ATHROW_INFO = info('async_generator_athrow');
const ANEXT_INFO = info('anext_awaitable');

/**
 * The awaitable of one generator step: a runtime coroutine whose start
 * runs the step (so `await`, Tasks, gather and wait_for take it as they
 * take any coroutine).
 */
abstract class AsyncGenAwaitable extends PyCoroutine {
  constructor(awaitableInfo: CoroutineInfo) {
    super(unusedBody, [], awaitableInfo, false);
  }

  /** What a Task's cancellation throws in before the first step (`$throwAtStart`). */
  protected $startExc: BaseException | undefined = undefined;

  protected abstract $run(): Promise<unknown>;
  protected abstract $reused(): BaseException;

  $reusedError(): BaseException {
    return this.$reused();
  }

  override $start(): Promise<unknown> {
    if (this.$state !== 0) throw this.$reused();
    this.$state = STARTED;
    this.$task = currentTask();
    return this.$run();
  }

  override __repr__(): string {
    return `<${this.$info.qualname} object at ${addressOf(this)}>`;
  }
}

export class AsyncGenASend extends AsyncGenAwaitable {
  constructor(readonly $gen: PyAsyncGenerator, readonly $value: unknown) {
    super(ASEND_INFO);
  }

  override $throwAtStart(exc: BaseException): boolean {
    this.$startExc = exc;
    return true;
  }

  protected $run(): Promise<unknown> {
    // CPython's asend throw(): into the generator, its yielded value the awaitable's result.
    if (this.$startExc !== undefined) return this.$gen.$throw(false, null, null, this.$startExc);
    return this.$gen.$send(this.$value);
  }

  protected $reused(): BaseException {
    return new RuntimeError('cannot reuse already awaited __anext__()/asend()');
  }
}

export class AsyncGenAThrow extends AsyncGenAwaitable {
  constructor(readonly $gen: PyAsyncGenerator, readonly $close: boolean, readonly $type: unknown, readonly $value: unknown) {
    super(ATHROW_INFO);
  }

  override $throwAtStart(exc: BaseException): boolean {
    this.$startExc = exc;
    return true;
  }

  protected $run(): Promise<unknown> {
    return this.$gen.$throw(this.$close, this.$type, this.$value, this.$startExc);
  }

  protected $reused(): BaseException {
    return new RuntimeError('cannot reuse already awaited aclose()/athrow()');
  }
}

/** `anext(it, default)`: the iterator's `__anext__()` awaited, StopAsyncIteration giving `default`. */
export class AnextAwaitable extends AsyncGenAwaitable {
  constructor(readonly $awaitable: unknown, readonly $default: unknown) {
    super(ANEXT_INFO);
  }

  protected async $run(): Promise<unknown> {
    try {
      return await aw(this.$awaitable);
    } catch (e) {
      if (e instanceof StopAsyncIteration) return box(this.$default);
      throw e;
    }
  }

  protected $reused(): BaseException {
    // Awaiting it again awaits the `__anext__()` awaitable again, which says what it is.
    const inner = this.$awaitable;
    return inner instanceof AsyncGenAwaitable ? inner.$reusedError() : new RuntimeError('cannot reuse already awaited coroutine');
  }
}

// `type(x).__name__` (PyCoroutine's static name is typed as the literal 'coroutine').
for (const [cls, name] of [[AsyncGenASend, 'async_generator_asend'], [AsyncGenAThrow, 'async_generator_athrow'], [AnextAwaitable, 'anext_awaitable']] as const) {
  Object.defineProperty(cls, '__name__', { value: name });
}

// ---------------------------------------------------------------------------
// What compiled code calls

/** What a compiled async generator function returns: `body` is its JS async generator function, called with `arg`. */
export function asyncGenerator(body: (arg?: unknown) => Body, qualname: string, arg?: unknown): PyAsyncGenerator {
  return new PyAsyncGenerator(body(arg), qualname);
}

/** `async def` with `yield`: marks the Python function as an async generator function. */
export function asyncGenDef<F extends Function>(fn: F): F {
  (fn as unknown as Record<symbol, boolean>)[ASYNC_GENERATOR_FUNCTION] = true;
  return fn;
}

export function isasyncgenfunction(fn: unknown): boolean {
  return typeof fn === 'function' && (fn as unknown as Record<symbol, unknown>)[ASYNC_GENERATOR_FUNCTION] === true;
}

// ---------------------------------------------------------------------------
// `async for x in agen()`: the generator is dropped when the loop ends

export function agSerial(): number {
  return serials;
}

/** `__aiter__()` of a loop's iterable that a call made: a generator made by the call and not iterated yet is the loop's. */
export function asyncForFresh(serial: number, iterable: unknown): unknown {
  const it = asyncForIter(iterable);
  if (it instanceof PyAsyncGenerator && it.$serial > serial && !it.$hooked) it.$loopOwned = true;
  return it;
}

/** The loop ended: a generator it owned and left suspended is finalized as CPython's refcounting would, by the finalizer hook. */
export function asyncForDrop(it: unknown): void {
  if (!(it instanceof PyAsyncGenerator) || !it.$loopOwned) return;
  it.$loopOwned = false;
  if (it.$state !== SUSPENDED || it.$running) return;
  const finalizer = it.$finalizer;
  if (finalizer !== null && finalizer !== undefined) call(finalizer, [it], null);
}

// ---------------------------------------------------------------------------
// The builtins aiter() and anext()

/** The type name errors print: a class or a builtin function is not a 'function' to Python. */
function kindName(x: unknown): string {
  const name = typeName(x);
  if (name !== 'function') return name;
  const cls = type(x) as { __name__?: unknown };
  return typeof cls.__name__ === 'string' ? cls.__name__ : name;
}

export function aiter(...args: unknown[]): unknown {
  if (args.length !== 1) throw new TypeError(`aiter() takes exactly one argument (${args.length} given)`);
  const x = args[0];
  if (!hasSpecial(x, '__aiter__')) throw new TypeError(`'${kindName(x)}' object is not an async iterable`);
  const it = callSpecial(x, '__aiter__');
  if (!hasSpecial(it, '__anext__')) throw new TypeError(`aiter() returned not an async iterator of type '${kindName(it)}'`);
  return it;
}

export function anext(...args: unknown[]): unknown {
  if (args.length < 1) throw new TypeError(`anext expected at least 1 argument, got ${args.length}`);
  if (args.length > 2) throw new TypeError(`anext expected at most 2 arguments, got ${args.length}`);
  const it = args[0];
  if (!hasSpecial(it, '__anext__')) throw new TypeError(`'${kindName(it)}' object is not an async iterator`);
  const awaitable = callSpecial(it, '__anext__');
  return args.length === 1 ? awaitable : new AnextAwaitable(awaitable, args[1]);
}

noKeywords(aiter, 'aiter');
noKeywords(anext, 'anext');
