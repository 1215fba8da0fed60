/**
 * Python generator objects. A compiled generator function returns
 * `$generator(function* () {…}, "qualname")`: the JS generator runs the
 * body, and PyGenerator adds what Python has on top of it — the
 * `send`/`throw`/`close` methods, "generator already executing", the
 * just-started check on `send`, StopIteration carrying the return value,
 * and PEP 479 (a StopIteration escaping the body becomes RuntimeError).
 *
 * PyGenerator is also a JS iterator (`next()` returning `{value, done}`,
 * `[Symbol.iterator]`), so `for…of`, spreads and every runtime function
 * that iterates use it without a StopIteration per loop. It has no JS
 * `return()`: a `for` loop left by `break` must leave the generator
 * suspended, since Python code may go on iterating it.
 */
import { tracebacksUnseen } from './unseenTracebacks.js';
import { AttributeError, BaseException, isBaseException, isExceptionClass, GeneratorExit, RuntimeError, StopIteration, TypeError, ValueError } from './exceptions.js';
import { call } from './calls.js';
import { PyTuple, typeName } from './values.js';
import { nextResult, pyIter } from './iteration.js';
import { getattr } from './attributes.js';
import { isAscii } from './str/core.js';

const CREATED = 0;
const SUSPENDED = 1;
const RUNNING = 2;
const CLOSED = 3;

const FINISHED: IteratorResult<unknown> = Object.freeze({ value: undefined, done: true });

export class PyGenerator {
  /** `type(g).__name__`. */
  static readonly __name__ = 'generator';
  static readonly __module__ = 'builtins';

  private $state = CREATED;
  /** A `__name__` assigned by Python code. */
  private $name: string | undefined = undefined;

  constructor(
    private readonly $body: Generator<unknown, unknown, unknown>,
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

  get gi_running(): boolean {
    return this.$state === RUNNING;
  }

  /** JS's iterator protocol: resumes the body with `value` (None when a `for…of` asks). */
  next(value?: unknown): IteratorResult<unknown> {
    const state = this.$state;
    if (state === RUNNING) throw alreadyExecuting();
    if (state === CLOSED) return FINISHED;
    this.$state = RUNNING;
    let r: IteratorResult<unknown>;
    // The body's `try` statements may be suspended in: it starts from no unseen tracebacks (unseenTracebacks.ts).
    const unseen = tracebacksUnseen(null);
    try {
      r = this.$body.next(value === undefined ? null : value);
    } catch (e) {
      this.$state = CLOSED;
      throw generatorStopped(e);
    } finally {
      tracebacksUnseen(unseen);
    }
    this.$state = r.done ? CLOSED : SUSPENDED;
    return r;
  }

  /** Raises `exc` at the suspended `yield` (or before the first line when not started). */
  $throw(exc: unknown): IteratorResult<unknown> {
    const state = this.$state;
    if (state === RUNNING) throw alreadyExecuting();
    if (state === CLOSED) throw exc;
    this.$state = RUNNING;
    let r: IteratorResult<unknown>;
    const unseen = tracebacksUnseen(null);
    try {
      r = this.$body.throw(exc);
    } catch (e) {
      this.$state = CLOSED;
      throw generatorStopped(e);
    } finally {
      tracebacksUnseen(unseen);
    }
    this.$state = r.done ? CLOSED : SUSPENDED;
    return r;
  }

  // Python's throw() takes the place of the JS protocol's optional one, which for…of and spreads never call.
  [Symbol.iterator](): Iterator<unknown> {
    return this as unknown as Iterator<unknown>;
  }

  __iter__(): this {
    return this;
  }

  __next__(): unknown {
    return nextResult(this.next(null));
  }

  send(value: unknown): unknown {
    if (this.$state === CREATED && value !== null && value !== undefined) {
      throw new TypeError("can't send non-None value to a just-started generator");
    }
    return nextResult(this.next(value));
  }

  /** `throw(exc)`, or the older `throw(type[, value[, traceback]])`. */
  throw(type: unknown, value?: unknown, _traceback?: unknown): unknown {
    return nextResult(this.$throw(exceptionToThrow(type, value)));
  }

  close(): null {
    const state = this.$state;
    if (state === RUNNING) throw alreadyExecuting();
    if (state === CLOSED) return null;
    if (state === CREATED) {
      // Never started: no `finally` of the body can be pending.
      this.$state = CLOSED;
      this.$body.return(undefined);
      return null;
    }
    let r: IteratorResult<unknown>;
    try {
      r = this.$throw(new GeneratorExit());
    } catch (e) {
      if (e instanceof GeneratorExit) return null;
      throw e;
    }
    if (r.done) return null;
    throw new RuntimeError('generator ignored GeneratorExit');
  }

  __repr__(): string {
    return `<generator object ${this.__qualname__} at ${addressOf(this)}>`;
  }
}

/** What a compiled generator function returns: `body` is its JS generator function, called with `arg`. */
export function generator(
  body: (arg?: unknown) => Generator<unknown, unknown, unknown>,
  qualname: string,
  arg?: unknown,
): PyGenerator {
  return new PyGenerator(body(arg), qualname);
}

function alreadyExecuting(): BaseException {
  return new ValueError('generator already executing');
}

/** PEP 479: a StopIteration leaving the body would end the caller's loop silently; it becomes a RuntimeError. */
export function generatorStopped(e: unknown): unknown {
  if (!(e instanceof StopIteration)) return e;
  const error = new RuntimeError('generator raised StopIteration');
  error.__cause__ = e;
  error.__context__ = e;
  error.__suppress_context__ = true;
  return error;
}



/** The exception `throw(type, value)` raises: CPython's rules for a class with a value, or an instance alone. */
export function exceptionToThrow(type: unknown, value: unknown): BaseException {
  const noValue = value === undefined || value === null;
  if (isExceptionClass(type)) {
    if (!noValue && value instanceof type) return value as BaseException;
    const args = noValue ? [] : value instanceof PyTuple ? [...value] : [value];
    return call(type, args, null) as BaseException;
  }
  if (isBaseException(type)) {
    if (!noValue) throw new TypeError('instance exception may not have a separate value');
    return type;
  }
  throw new TypeError(`exceptions must be classes or instances deriving from BaseException, not ${kindOf(type)}`);
}

/** Python's type name for what `throw` received: a class (JS class syntax, or a builtin type) is a 'type'. */
function kindOf(v: unknown): string {
  if (typeof v !== 'function') return typeName(v);
  const isClassSyntax = Object.getOwnPropertyDescriptor(v, 'prototype')?.writable === false;
  return isClassSyntax || BUILTIN_TYPES.has(v.name) ? 'type' : 'function';
}

const BUILTIN_TYPES = new Set(['int', 'float', 'complex', 'str', 'bytes', 'bool', 'list', 'tuple', 'dict', 'set', 'frozenset', 'range', 'object', 'type']);

const addresses = new WeakMap<object, string>();
let lastAddress = 0x7f3a1c000000;

/** A stable made-up address for a repr (`<generator object f at 0x7f3a1c000040>`). */
function addressOf(obj: object): string {
  let a = addresses.get(obj);
  if (a === undefined) {
    lastAddress += 0x40;
    a = '0x' + lastAddress.toString(16);
    addresses.set(obj, a);
  }
  return a;
}

/**
 * `yield from x`, compiled as `yield* $yieldFrom(x)`: a JS generator that
 * forwards what the delegating generator receives (values sent, exceptions
 * thrown, close) to x as PEP 380 says, and returns x's return value.
 */
export function yieldFrom(source: unknown): Generator<unknown, unknown, unknown> {
  if (source instanceof PyGenerator) return fromGenerator(source);
  const it = pyIter(source);
  if (it instanceof PyGenerator) return fromGenerator(it);
  const jsNext = (it as Partial<Iterator<unknown>>).next;
  if (typeof jsNext === 'function' && typeof (it as Partial<Iterable<unknown>>)[Symbol.iterator] === 'function' && !hasPythonNext(it)) {
    return fromJsIterator(it as Iterator<unknown>, iteratorTypeName(source, it));
  }
  return fromPythonIterator(it);
}

function hasPythonNext(it: unknown): boolean {
  const proto = Object.getPrototypeOf(it) as Record<string, unknown> | null;
  return typeof proto?.['__next__'] === 'function';
}

function* fromGenerator(sub: PyGenerator): Generator<unknown, unknown, unknown> {
  let r = sub.next(null);
  while (!r.done) {
    let sent: unknown;
    try {
      sent = yield r.value;
    } catch (e) {
      if (e instanceof GeneratorExit) {
        sub.close();
        throw e;
      }
      r = sub.$throw(e);
      continue;
    }
    r = sub.next(sent);
  }
  return r.value === undefined ? null : r.value;
}

/** The runtime's own iterators (over lists, ranges, dicts…): no send, throw or close, as CPython's builtin iterators. */
function* fromJsIterator(it: Iterator<unknown>, name: string): Generator<unknown, unknown, unknown> {
  let r = it.next();
  while (!r.done) {
    const sent = yield r.value;
    if (sent !== null && sent !== undefined) throw attributeError(name, 'send');
    r = it.next();
  }
  return null;
}

/** An iterator written in Python: its `__next__`, and its `send`/`throw`/`close` when it has them. */
function* fromPythonIterator(it: unknown): Generator<unknown, unknown, unknown> {
  const next = getattr(it, '__next__') as () => unknown;
  let value: unknown;
  try {
    value = next();
  } catch (e) {
    if (e instanceof StopIteration) return e.value;
    throw e;
  }
  for (;;) {
    let sent: unknown;
    try {
      sent = yield value;
    } catch (e) {
      if (e instanceof GeneratorExit) {
        const close = getattr(it, 'close', undefined);
        if (close !== undefined) (close as () => unknown)();
        throw e;
      }
      const throwInto = getattr(it, 'throw', undefined);
      if (throwInto === undefined) throw e;
      try {
        value = (throwInto as (e: unknown) => unknown)(e);
      } catch (e2) {
        if (e2 instanceof StopIteration) return e2.value;
        throw e2;
      }
      continue;
    }
    try {
      value = sent === null || sent === undefined ? next() : (getattr(it, 'send') as (v: unknown) => unknown)(sent);
    } catch (e) {
      if (e instanceof StopIteration) return e.value;
      throw e;
    }
  }
}

function attributeError(type: string, name: string): BaseException {
  return new AttributeError(`'${type}' object has no attribute '${name}'`);
}

const BUILTIN_ITERATORS: Record<string, string> = {
  range: 'range_iterator', dict: 'dict_keyiterator', dict_keys: 'dict_keyiterator', dict_values: 'dict_valueiterator',
  dict_items: 'dict_itemiterator', set: 'set_iterator', frozenset: 'set_iterator', bytes: 'bytes_iterator',
};

/** CPython's names for the builtin iterators, for the AttributeError of a non-None `send` through `yield from`. */
function iteratorTypeName(source: unknown, it: unknown): string {
  if (typeof source === 'string') return isAscii(source) ? 'str_ascii_iterator' : 'str_iterator';
  if (source instanceof PyTuple) return 'tuple_iterator';
  if (Array.isArray(source)) return 'list_iterator';
  const name = typeName(source);
  const builtin = BUILTIN_ITERATORS[name];
  if (builtin !== undefined) return builtin;
  return source === it ? name : typeName(it);
}
