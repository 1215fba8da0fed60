/**
 * The lazy builtins zip, map, filter and enumerate: iterator objects with
 * CPython's type names. Their arguments are turned into iterators when the
 * builtin is called (so `zip(1, 2)` fails there, as in CPython); items are
 * computed one `next()` at a time. Their Python types (`__next__`,
 * `__iter__`) are made in iteratorTypes.ts.
 */
import { PyTuple, isIntNumber } from './values.js';
import { TypeError, ValueError } from './exceptions.js';
import { iterate } from './iteration.js';
import { truthy } from './truth.js';
import { add } from './operators.js';
import { asFunction } from './invoke.js';
import { pyIndex } from './numbers/index.js';

type It = Iterator<unknown>;

const DONE: IteratorResult<never> = { done: true, value: undefined as never };

abstract class LazyIterator implements IterableIterator<unknown> {
  abstract next(): IteratorResult<unknown>;

  [Symbol.iterator](): this {
    return this;
  }
}

function iteratorOf(x: unknown): It {
  return iterate(x)[Symbol.iterator]();
}

function argumentsRange(i: number): string {
  return i === 1 ? 'argument 1' : `arguments 1-${i}`;
}

export class Zip extends LazyIterator {
  private iterators: It[] | null;

  constructor(iterables: readonly unknown[], private readonly strict: boolean) {
    super();
    this.iterators = iterables.length === 0 ? null : iterables.map(iteratorOf);
  }

  next(): IteratorResult<unknown> {
    const its = this.iterators;
    if (its === null) return DONE;
    const items = new Array<unknown>(its.length);
    for (let i = 0; i < its.length; i++) {
      const r = its[i]!.next();
      if (r.done) {
        this.iterators = null;
        if (this.strict) checkStrict(its, i);
        return DONE;
      }
      items[i] = r.value;
    }
    return { done: false, value: PyTuple.fromArray(items) };
  }
}

/** zip(strict=True): iterator `i` ended; every other one must end at the same point. */
function checkStrict(its: It[], i: number): void {
  if (i > 0) throw new ValueError(`zip() argument ${i + 1} is shorter than ${argumentsRange(i)}`);
  for (let j = 1; j < its.length; j++) {
    if (!its[j]!.next().done) throw new ValueError(`zip() argument ${j + 1} is longer than ${argumentsRange(j)}`);
  }
}

export class PyMap extends LazyIterator {
  private readonly fn: (...args: unknown[]) => unknown;
  private readonly iterators: It[];

  constructor(fn: unknown, iterables: readonly unknown[]) {
    super();
    if (iterables.length === 0) throw new TypeError('map() must have at least two arguments.');
    this.fn = asFunction(fn);
    this.iterators = iterables.map(iteratorOf);
  }

  next(): IteratorResult<unknown> {
    const its = this.iterators;
    if (its.length === 1) {
      const r = its[0]!.next();
      return r.done ? DONE : { done: false, value: this.fn(r.value) };
    }
    const items = new Array<unknown>(its.length);
    for (let i = 0; i < its.length; i++) {
      const r = its[i]!.next();
      if (r.done) return DONE;
      items[i] = r.value;
    }
    return { done: false, value: this.fn(...items) };
  }
}

export class Filter extends LazyIterator {
  private readonly fn: ((x: unknown) => unknown) | null;
  private readonly it: It;

  constructor(fn: unknown, iterable: unknown) {
    super();
    this.fn = fn === null || fn === undefined ? null : asFunction(fn);
    this.it = iteratorOf(iterable);
  }

  next(): IteratorResult<unknown> {
    const fn = this.fn;
    for (;;) {
      const r = this.it.next();
      if (r.done) return DONE;
      if (truthy(fn === null ? r.value : fn(r.value))) return r;
    }
  }
}

export class Enumerate extends LazyIterator {
  private readonly it: It;

  constructor(iterable: unknown, private count: unknown) {
    super();
    // The start is an index (`__index__`), checked before the iterable, as CPython does.
    if (typeof count !== 'number' || !isIntNumber(count)) this.count = pyIndex(count);
    this.it = iteratorOf(iterable);
  }

  next(): IteratorResult<unknown> {
    const r = this.it.next();
    if (r.done) return DONE;
    const i = this.count;
    this.count = typeof i === 'number' && i < Number.MAX_SAFE_INTEGER ? i + 1 : add(i, 1);
    return { done: false, value: PyTuple.of(i, r.value) };
  }
}
