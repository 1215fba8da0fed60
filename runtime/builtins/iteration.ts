/**
 * Python's iterator protocol as the runtime and compiled code use it.
 * `iterate(x)` gives what a `for` loop, an unpacking or `*x` walks: a JS
 * iterable. Builtin values and the runtime's own objects (generators
 * included) already are JS iterables; an object whose type defines
 * `__iter__` is walked through the iterator `__iter__` returns, calling its
 * `__next__` until StopIteration; one with only `__getitem__` through the
 * old sequence protocol (indexes from 0 until IndexError).
 *
 * Python code sees iterators through the builtins `iter()` and `next()`:
 * `iter(x)` returns x's Python iterator (the object `__iter__` returned, the
 * generator itself, or a runtime JS iterator), which `next()` advances.
 */
import { PyBytes, PyTuple, typeName } from './values.js';
import { IndexError, StopIteration, TypeError, ValueError } from './exceptions.js';
import { isPyFunction, restItems } from './calls.js';
import { invokeMethod } from './special.js';
import { eq } from './operators.js';
import { checkPositional } from './arity.js';
import { isExactArray, whenOverridden } from './subclassOverrides.js';
import { NotImplemented } from './notImplemented.js';
import { BytesIterator, ListIterator, StrIterator, TupleIterator } from './sequenceIterators.js';


type Method = (...args: unknown[]) => unknown;
type Proto = Record<string, unknown> | null;

/** The special method `name` on the type of `obj`, if any (not the instance: Python looks on the type). */
function special(obj: object, name: string): Method | undefined {
  const f = (Object.getPrototypeOf(obj) as Proto)?.[name];
  return typeof f === 'function' ? (f as Method) : undefined;
}


function notIterable(x: unknown): TypeError {
  return new TypeError(`'${typeName(x)}' object is not iterable`);
}

/** What `for` loops over: any iterable as a JS iterable, or CPython's TypeError. */
export function iterate(x: unknown): Iterable<unknown> {
  if (typeof x === 'string') return x;
  if (typeof x === 'object' && x !== null) {
    const proto = Object.getPrototypeOf(x) as Proto;
    if (proto === (Array.prototype as unknown) || proto === (PyTuple.prototype as unknown)) return x as unknown[];
    const it = objectIterable(x, proto);
    if (it !== null) return it;
  } else if (typeof x === 'function') {
    // A callable instance, or a class whose type defines __iter__ (an Enum class).
    const proto = Object.getPrototypeOf(x) as Proto;
    const it = objectIterable(x, proto);
    if (it !== null) return it;
  }
  throw notIterable(x);
}

const ARRAY_VALUES = Array.prototype[Symbol.iterator];

/**
 * On the prototype of a runtime class whose JS `__iter__` returns the object
 * itself (io's streams): `iter(x)` is then `x`, as in CPython, though a for
 * loop walks it by its faster JS iterator.
 */
export const ITER_IS_SELF: unique symbol = Symbol('pyasync.iterIsSelf');

/**
 * For a compiled `for` loop over `iterate(x)`'s result: null when it is a JS
 * array walked by the standard iterator (a list or tuple), which the loop
 * then walks by index, as the standard iterator would (the length read at
 * each step, like CPython's list iterator); anything else's JS iterator.
 */
export function loopIterator(items: Iterable<unknown>): Iterator<unknown> | null {
  return Array.isArray(items) && items[Symbol.iterator] === ARRAY_VALUES ? null : items[Symbol.iterator]();
}

/** An object's items as a JS iterable, or null when it is not iterable. */
function objectIterable(x: object, proto: Proto): Iterable<unknown> | null {
  const iter = proto?.['__iter__'];
  // A Python class's `__iter__` wins over what a builtin base class would iterate.
  if (typeof iter === 'function' && isPyFunction(iter)) return asIterable((iter as Method)(x));
  if (typeof (x as Partial<Iterable<unknown>>)[Symbol.iterator] === 'function') return keptOpen(x as Iterable<unknown>);
  if (x instanceof PyBytes) return x.bytes;
  if (typeof iter === 'function') return asIterable((iter as Method).call(x));
  if (iter === undefined && typeof proto?.['__getitem__'] === 'function') return new SequenceIterator(x);
  return null;
}

/**
 * A JS iterator with a `return()` (a JS generator object: the runtime's
 * enumerate, zip, map, a range iterator…) would be closed by a `for…of` left
 * early; in Python a loop left by `break` leaves its iterator as it is, so
 * the loop walks it through a view that has no `return()`.
 */
function keptOpen(x: Iterable<unknown>): Iterable<unknown> {
  return typeof (x as Partial<Iterator<unknown>>).return === 'function' ? new KeepOpen(x[Symbol.iterator]()) : x;
}

class KeepOpen implements IterableIterator<unknown> {
  constructor(private readonly it: Iterator<unknown>) {}

  next(): IteratorResult<unknown> {
    return this.it.next();
  }

  [Symbol.iterator](): this {
    return this;
  }
}

/** What an unpacking walks: as `iterate`, with the unpacking's own TypeError. */
function unpackable(x: unknown): Iterable<unknown> {
  if (typeof x === 'string') return x;
  if (typeof x === 'object' && x !== null) {
    const it = objectIterable(x, Object.getPrototypeOf(x) as Proto);
    if (it !== null) return it;
  }
  throw new TypeError(`cannot unpack non-iterable ${typeName(x)} object`);
}

/** The iterator `__iter__` returned, as a JS iterable. */
function asIterable(it: unknown): Iterable<unknown> {
  if (typeof it === 'object' && it !== null) {
    const next = special(it, '__next__');
    if (next !== undefined && isPyFunction(next)) return new ProtocolIterator(it, next);
    if (typeof (it as Partial<Iterable<unknown>>)[Symbol.iterator] === 'function' && isJsIterator(it)) return keptOpen(it as Iterable<unknown>);
    if (next !== undefined) return new ProtocolIterator(it, next);
  }
  throw nonIterator(it);
}

function nonIterator(it: unknown): TypeError {
  return new TypeError(`iter() returned non-iterator of type '${typeName(it)}'`);
}

/** A JS iterator (the runtime's own iterators and generators): a `next` that is not a Python method. */
function isJsIterator(it: object): boolean {
  const next = (it as Partial<Iterator<unknown>>).next;
  return typeof next === 'function' && !isPyFunction(next);
}

/** A Python iterator object walked from JS: `__next__` until StopIteration, whose value ends the walk. */
class ProtocolIterator implements IterableIterator<unknown> {
  constructor(
    private readonly it: object,
    private readonly nextMethod: Method,
  ) {}

  next(): IteratorResult<unknown> {
    try {
      return { value: invokeMethod(this.nextMethod, this.it, []), done: false };
    } catch (e) {
      if (e instanceof StopIteration) return { value: e.value, done: true };
      throw e;
    }
  }

  [Symbol.iterator](): this {
    return this;
  }
}

/** The sequence protocol: `obj[0]`, `obj[1]`… until IndexError (or StopIteration); CPython's `iterator` type. */
export class SequenceIterator implements IterableIterator<unknown> {
  private index = 0;
  private seq: object | null;

  constructor(seq: object) {
    this.seq = seq;
  }

  next(): IteratorResult<unknown> {
    const seq = this.seq;
    if (seq === null) return { value: undefined, done: true };
    const getitem = special(seq, '__getitem__');
    try {
      if (getitem === undefined) throw notIterable(seq);
      return { value: invokeMethod(getitem, seq, [this.index++]), done: false };
    } catch (e) {
      if (e instanceof IndexError || e instanceof StopIteration) {
        this.seq = null;
        return { value: undefined, done: true };
      }
      throw e;
    }
  }

  [Symbol.iterator](): this {
    return this;
  }

  /** The sequence's length less the items given; NotImplemented (no hint) for a sequence without `__len__`. */
  lengthHint(): unknown {
    const seq = this.seq;
    if (seq === null) return 0;
    const len = special(seq, '__len__');
    if (len === undefined) return NotImplemented;
    const n = invokeMethod(len, seq, []) as number;
    return Math.max(0, n - this.index);
  }
}

/** `iter(callable, sentinel)`: calls until the result equals the sentinel. */
export class CallableIterator implements IterableIterator<unknown> {
  private done = false;

  constructor(
    private readonly fn: Method,
    private readonly sentinel: unknown,
  ) {}

  next(): IteratorResult<unknown> {
    if (this.done) return { value: undefined, done: true };
    let value: unknown;
    try {
      value = this.fn();
    } catch (e) {
      if (e instanceof StopIteration) {
        this.done = true;
        return { value: undefined, done: true };
      }
      throw e;
    }
    if (eq(value, this.sentinel)) {
      this.done = true;
      return { value: undefined, done: true };
    }
    return { value, done: false };
  }

  [Symbol.iterator](): this {
    return this;
  }
}

/** Python's iter(x): the iterator object Python code sees (never a wrapper around a Python iterator). */
export function pyIter(x: unknown): unknown {
  if (typeof x === 'string') return new StrIterator(x);
  // Functions too: a class whose metaclass defines __iter__, a callable instance.
  if ((typeof x === 'object' || typeof x === 'function') && x !== null) {
    const proto = Object.getPrototypeOf(x) as Proto;
    const iter = proto?.['__iter__'];
    if (typeof iter === 'function' && isPyFunction(iter)) return checkedIterator((iter as Method)(x));
    const jsIter = (x as Partial<Iterable<unknown>>)[Symbol.iterator];
    // Lists and tuples (and the runtime's subclasses of them) walked by JS's array iterator: CPython's own iterator types instead.
    if (jsIter === ARRAY_VALUES && Array.isArray(x)) return x instanceof PyTuple ? new TupleIterator(x) : new ListIterator(x);
    if (typeof iter === 'function' && (proto as Record<symbol, unknown>)[ITER_IS_SELF] === true) return checkedIterator((iter as Method).call(x));
    if (typeof jsIter === 'function') return jsIter.call(x);
    if (x instanceof PyBytes) return new BytesIterator(x.bytes);
    if (typeof iter === 'function') return checkedIterator((iter as Method).call(x));
    if (iter === undefined && typeof proto?.['__getitem__'] === 'function') return new SequenceIterator(x);
  }
  throw notIterable(x);
}

function checkedIterator(it: unknown): unknown {
  if (typeof it === 'object' && it !== null && (special(it, '__next__') !== undefined || isJsIterator(it))) return it;
  throw nonIterator(it);
}

/** The builtin iter(x) and iter(callable, sentinel). */
export function iter(x: unknown, ...sentinel: unknown[]): unknown {
  if (sentinel.length === 0) {
    if (arguments.length === 0) checkPositional('iter', 0, 1, 2);
    return pyIter(x);
  }
  if (sentinel.length > 1) checkPositional('iter', sentinel.length + 1, 1, 2);
  if (typeof x !== 'function') throw new TypeError('iter(v, w): v must be callable');
  return new CallableIterator(x as Method, sentinel[0]);
}

/** The builtin next(iterator[, default]). */
export function next(it: unknown, ...fallback: unknown[]): unknown {
  if (fallback.length > 1) checkPositional('next', fallback.length + 1, 1, 2);
  if (typeof it === 'object' && it !== null) {
    const nextMethod = special(it, '__next__');
    if (nextMethod !== undefined && isPyFunction(nextMethod)) {
      if (fallback.length === 0) return nextMethod(it);
      try {
        return nextMethod(it);
      } catch (e) {
        if (e instanceof StopIteration) return fallback[0];
        throw e;
      }
    }
    // The runtime's iterators and generators: their JS `next` ends without raising.
    const jsNext = (it as Partial<Iterator<unknown>>).next;
    if (typeof jsNext === 'function' && !isPyFunction(jsNext)) {
      const r = jsNext.call(it) as IteratorResult<unknown>;
      if (!r.done) return r.value;
      if (fallback.length > 0) return fallback[0];
      throw stopIteration(r.value);
    }
    if (nextMethod !== undefined) {
      if (fallback.length === 0) return nextMethod.call(it);
      try {
        return nextMethod.call(it);
      } catch (e) {
        if (e instanceof StopIteration) return fallback[0];
        throw e;
      }
    }
  }
  if (arguments.length === 0) checkPositional('next', 0, 1, 2);
  throw new TypeError(`'${typeName(it)}' object is not an iterator`);
}

/** The StopIteration ending an iterator that returned `value` (no args for None, as CPython). */
export function stopIteration(value: unknown): StopIteration {
  return value === undefined || value === null ? new StopIteration() : new StopIteration(value);
}

/** A JS iterator step as Python's `__next__` answers: the value, or StopIteration carrying the return value. */
export function nextResult(r: IteratorResult<unknown>): unknown {
  if (!r.done) return r.value;
  throw stopIteration(r.value);
}

/** `a, b = x`: the items of x as an array of exactly `n`; reads at most n + 1 items, as CPython does. */
export function unpack(x: unknown, n: number): unknown[] {
  // A list or tuple of the right length is its own items (small enough for TurboFan to inline).
  return isArray(x) && x.length === n ? x : unpackSlow(x, n);
}

/*
 * Read through a module variable (a `var`: no hole check): fewer bytes of
 * bytecode for `unpack`, TurboFan's inlining budget. Array.isArray until a
 * Python subclass of list or tuple defines __iter__ (subclassOverrides.ts);
 * then exact lists and tuples only, and a subclass's instance is iterated.
 */
var isArray: (v: unknown) => v is unknown[] = Array.isArray;
whenOverridden('iter', () => {
  isArray = isExactArray;
});

function unpackSlow(x: unknown, n: number): unknown[] {
  if (isArray(x)) throw unpackError(x.length, n);
  const it = unpackable(x)[Symbol.iterator]();
  const items: unknown[] = [];
  for (;;) {
    const r = it.next();
    if (r.done) break;
    if (items.length === n) throw new ValueError(`too many values to unpack (expected ${n})`);
    items.push(r.value);
  }
  if (items.length !== n) throw unpackError(items.length, n);
  return items;
}

function unpackError(got: number, n: number): ValueError {
  if (got < n) return new ValueError(`not enough values to unpack (expected ${n}, got ${got})`);
  return new ValueError(`too many values to unpack (expected ${n})`);
}

/** `a, *b, c = x`: `before` items, a list of the middle, `after` items. */
export function unpackStar(x: unknown, before: number, after: number): unknown[] {
  const items = [...unpackable(x)];
  if (items.length < before + after) {
    throw new ValueError(`not enough values to unpack (expected at least ${before + after}, got ${items.length})`);
  }
  return [...items.slice(0, before), items.slice(before, items.length - after), ...items.slice(items.length - after)];
}

/** A tuple display `(a, b)`. */
export function tupleOf(...items: unknown[]): PyTuple {
  // Filled here rather than by PyTuple.fromArray: one call less per tuple (an Array subclass is costly enough to build).
  const n = items.length;
  const t = new PyTuple(n);
  for (let i = 0; i < n; i++) t[i] = items[i];
  return t;
}

/** `*args` of a compiled function: the JS rest array as a tuple. */
export function tupleFrom(items: unknown[]): PyTuple {
  return PyTuple.fromArray(restItems(items));
}
