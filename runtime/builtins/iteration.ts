/**
 * Iteration as compiled `for` loops, unpacking and `*x` use it: every
 * iterable becomes a JS iterable (arrays, strings by code point, and the
 * runtime's own containers already are).
 */
import { PyTuple, typeName } from './values.js';
import { TypeError, ValueError } from './exceptions.js';

/** What `for` loops over: any iterable as a JS iterable, or CPython's TypeError. */
export function iterate(x: unknown): Iterable<unknown> {
  if (x !== null && x !== undefined && typeof (x as Iterable<unknown>)[Symbol.iterator] === 'function') {
    return x as Iterable<unknown>;
  }
  throw new TypeError(`'${typeName(x)}' object is not iterable`);
}

/** `a, b = x`: the items of x as an array of exactly `n`. */
export function unpack(x: unknown, n: number): unknown[] {
  const items = Array.isArray(x) ? x : [...iterate(x)];
  if (items.length !== n) {
    if (items.length < n) throw new ValueError(`not enough values to unpack (expected ${n}, got ${items.length})`);
    throw new ValueError(`too many values to unpack (expected ${n})`);
  }
  return items;
}

/** `a, *b, c = x`: `before` items, a list of the middle, `after` items. */
export function unpackStar(x: unknown, before: number, after: number): unknown[] {
  const items = [...iterate(x)];
  if (items.length < before + after) {
    throw new ValueError(`not enough values to unpack (expected at least ${before + after}, got ${items.length})`);
  }
  return [...items.slice(0, before), items.slice(before, items.length - after), ...items.slice(items.length - after)];
}

/** A tuple display `(a, b)`. */
export function tupleOf(...items: unknown[]): PyTuple {
  return PyTuple.fromArray(items);
}

/** `*args` of a compiled function: the JS rest array as a tuple. */
export function tupleFrom(items: unknown[]): PyTuple {
  return PyTuple.fromArray(items);
}
