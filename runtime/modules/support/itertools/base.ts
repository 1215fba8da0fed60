/**
 * itertools' iterator objects: each is a JS iterator (for the runtime's
 * loops) and a Python iterator (`__next__`, `__iter__`), with CPython's type
 * name and, by default, CPython's `<itertools.chain object at 0x…>` repr.
 */
import { nextResult, iterate } from '../../../builtins/iteration.js';
import { objectId } from '../../../builtins/classes.js';
import type { PyCallable } from '../../../builtins/calls.js';

export abstract class ItertoolsIterator implements IterableIterator<unknown> {
  static readonly __module__: string = 'itertools';
  protected abstract readonly source: Iterator<unknown>;

  next(): IteratorResult<unknown> {
    return this.source.next();
  }

  [Symbol.iterator](): this {
    return this;
  }

  __iter__(): this {
    return this;
  }

  __next__(): unknown {
    return nextResult(this.next());
  }

  __repr__(): string {
    const name = (this.constructor as unknown as { __name__: string }).__name__;
    return `<itertools.${name} object at 0x${objectId(this).toString(16).padStart(12, '0')}>`;
  }
}

/** An iterator object of type `name` over a JS generator. */
export function iteratorType(name: string): new (source: Iterator<unknown>) => ItertoolsIterator {
  const cls = class extends ItertoolsIterator {
    static readonly __name__ = name;
    static readonly __qualname__ = name;
    constructor(protected readonly source: Iterator<unknown>) {
      super();
    }
  };
  Object.defineProperty(cls, 'name', { value: name });
  return cls;
}

/** iter(x) as a JS iterator: fails now for a non-iterable, as CPython's constructors do. */
export function iteratorOf(x: unknown): Iterator<unknown> {
  return iterate(x)[Symbol.iterator]();
}

/** A runtime function that takes keywords: `$kw` receives them. */
export function withKeywords<F extends (...args: never[]) => unknown>(fn: F, kw: (args: unknown[], kwargs: Record<string, unknown>) => unknown): F {
  (fn as unknown as PyCallable).$kw = kw;
  return fn;
}
