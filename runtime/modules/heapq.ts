/**
 * Python's `heapq` module: the C functions' exact sift algorithms (so a
 * heap's list holds its items in CPython's order), nlargest/nsmallest, and
 * merge as a lazy generator. Its exports are exactly the module's attributes.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { IndexError, TypeError } from '../builtins/exceptions.js';
import { PyTuple } from '../builtins/values.js';
import { lt } from '../builtins/equality.js';
import { iterate } from '../builtins/iteration.js';
import { asFunction } from '../builtins/invoke.js';
import { list_sort } from '../builtins/sort.js';
import { PyGenerator } from '../builtins/generators.js';
import { truthy } from '../builtins/truth.js';
import { toIndex } from './support/math/args.js';
import { noKeywords, positionalFunction, pyFunction } from './support/pydef.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './heapq.js';
import { argTypeName } from '../builtins/arity.js';

export const __name__ = 'heapq';
loadedModules.$set('heapq', self);

function list(heap: unknown, fn: string, argument = 'argument 1'): unknown[] {
  if (!Array.isArray(heap) || heap instanceof PyTuple) throw new TypeError(`${fn}() ${argument} must be list, not ${argTypeName(heap)}`);
  return heap;
}

function siftDown(heap: unknown[], start: number, pos: number): void {
  const item = heap[pos];
  while (pos > start) {
    const parentPos = (pos - 1) >> 1;
    const parent = heap[parentPos];
    if (lt(item, parent)) {
      heap[pos] = parent;
      pos = parentPos;
      continue;
    }
    break;
  }
  heap[pos] = item;
}

function siftUp(heap: unknown[], pos: number): void {
  const end = heap.length;
  const start = pos;
  const item = heap[pos];
  let child = 2 * pos + 1;
  while (child < end) {
    const right = child + 1;
    if (right < end && !lt(heap[child], heap[right])) child = right;
    heap[pos] = heap[child];
    pos = child;
    child = 2 * pos + 1;
  }
  heap[pos] = item;
  siftDown(heap, start, pos);
}

export const heappush = positionalFunction('heappush', 2, 2, (heap: unknown, item: unknown) => {
  const h = list(heap, 'heappush');
  h.push(item);
  siftDown(h, 0, h.length - 1);
  return null;
});

/** A METH_O function of _heapq: its own wording of a wrong argument count. */
function oneArgument<F extends (x: unknown) => unknown>(name: string, f: F): F {
  const fn = {
    [name](...args: unknown[]): unknown {
      if (args.length !== 1) throw new TypeError(`_heapq.${name}() takes exactly one argument (${args.length} given)`);
      return f(args[0]);
    },
  }[name]!;
  return noKeywords(fn as F, `_heapq.${name}`);
}

export const heappop = oneArgument('heappop', (heap: unknown) => {
  const h = list(heap, 'heappop', 'argument');
  if (h.length === 0) throw new IndexError('index out of range');
  const last = h.pop();
  if (h.length === 0) return last;
  const top = h[0];
  h[0] = last;
  siftUp(h, 0);
  return top;
});

export const heapreplace = positionalFunction('heapreplace', 2, 2, (heap: unknown, item: unknown) => {
  const h = list(heap, 'heapreplace');
  if (h.length === 0) throw new IndexError('index out of range');
  const top = h[0];
  h[0] = item;
  siftUp(h, 0);
  return top;
});

export const heappushpop = positionalFunction('heappushpop', 2, 2, (heap: unknown, item: unknown) => {
  const h = list(heap, 'heappushpop');
  if (h.length > 0 && lt(h[0], item)) {
    const top = h[0];
    h[0] = item;
    siftUp(h, 0);
    return top;
  }
  return item;
});

export const heapify = oneArgument('heapify', (heap: unknown) => {
  const h = list(heap, 'heapify', 'argument');
  for (let i = (h.length >> 1) - 1; i >= 0; i--) siftUp(h, i);
  return null;
});

/** The n first items of the sorted iterable: what nsmallest/nlargest are equivalent to. */
function firstSorted(n: unknown, iterable: unknown, key: unknown, reverse: boolean): unknown[] {
  const k = Number(toIndex(n));
  const items = [...iterate(iterable)];
  if (k <= 0) return [];
  list_sort(items, key === undefined ? null : key, reverse);
  return items.slice(0, k);
}

export const nsmallest = pyFunction('n, iterable, key=', 'nsmallest', 'heapq', (n: unknown, iterable: unknown, key?: unknown) =>
  firstSorted(n, iterable, key, false));

export const nlargest = pyFunction('n, iterable, key=', 'nlargest', 'heapq', (n: unknown, iterable: unknown, key?: unknown) =>
  firstSorted(n, iterable, key, true));

function* mergeItems(iterables: PyTuple, key: unknown, reverse: boolean): Generator<unknown, void, undefined> {
  const keyOf = key === null || key === undefined ? null : asFunction(key);
  const heads: { value: unknown; key: unknown; it: Iterator<unknown> }[] = [];
  for (const iterable of iterables) {
    const it = iterate(iterable)[Symbol.iterator]();
    const r = it.next();
    if (!r.done) heads.push({ value: r.value, key: keyOf ? keyOf(r.value) : r.value, it });
  }
  while (heads.length > 0) {
    // The earliest iterable wins ties, as CPython's (value, order) heap entries do.
    let best = 0;
    for (let i = 1; i < heads.length; i++) {
      if (reverse ? lt(heads[best]!.key, heads[i]!.key) : lt(heads[i]!.key, heads[best]!.key)) best = i;
    }
    const head = heads[best]!;
    yield head.value;
    const r = head.it.next();
    if (r.done) heads.splice(best, 1);
    else {
      head.value = r.value;
      head.key = keyOf ? keyOf(r.value) : r.value;
    }
  }
}

// A generator object, as CPython's merge is a generator function.
export const merge = pyFunction('*iterables, key=, reverse=', 'merge', 'heapq', (iterables: PyTuple, key?: unknown, reverse?: unknown) =>
  new PyGenerator(mergeItems(iterables, key, reverse !== undefined && truthy(reverse)), 'merge'));
