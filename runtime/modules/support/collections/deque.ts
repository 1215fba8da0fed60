/**
 * collections.deque: a ring buffer (appends and pops at both ends are O(1))
 * behind a Python class, so that `class Q(deque)` subclasses it. A deque's
 * items live under a symbol on the instance; an instance whose `__init__`
 * never ran (a subclass that skips `super().__init__()`) is an empty deque,
 * as after CPython's `deque.__new__`.
 */
import { AttributeError, IndexError, RuntimeError, TypeError, ValueError } from '../../../builtins/exceptions.js';
import { compare as compareValues, eqItem, eq as pyEq } from '../../../builtins/equality.js';
import { NotImplemented } from '../../../builtins/notImplemented.js';
import { reprEnter, reprLeave } from '../../../builtins/list.js';
import { repr } from '../../../builtins/repr.js';
import { PyTuple, TYPE_NAME, isIntNumber, typeName } from '../../../builtins/values.js';
import { construct, pyClassOf, type PyClass } from '../../../builtins/classes.js';
import { iterate } from '../../../builtins/iteration.js';
import { notAnInteger, pyClass, pyFunction } from '../pydef.js';

const STATE = Symbol('pyasync.deque');

/** The items of a deque: a power-of-two ring. */
class Ring {
  buf: unknown[] = new Array<unknown>(8);
  head = 0;
  size = 0;
  maxlen: number | null = null;
  /** Bumped by every change, so iterators can tell they are stale. */
  version = 0;

  at(i: number): unknown {
    return this.buf[(this.head + i) & (this.buf.length - 1)];
  }

  setAt(i: number, v: unknown): void {
    this.buf[(this.head + i) & (this.buf.length - 1)] = v;
  }

  private grow(): void {
    const old = this.buf;
    const next = new Array<unknown>(old.length * 2);
    for (let i = 0; i < this.size; i++) next[i] = old[(this.head + i) & (old.length - 1)];
    this.buf = next;
    this.head = 0;
  }

  push(v: unknown): void {
    if (this.maxlen === 0) return;
    if (this.maxlen !== null && this.size === this.maxlen) this.shift();
    if (this.size === this.buf.length) this.grow();
    this.buf[(this.head + this.size) & (this.buf.length - 1)] = v;
    this.size++;
    this.version++;
  }

  unshift(v: unknown): void {
    if (this.maxlen === 0) return;
    if (this.maxlen !== null && this.size === this.maxlen) this.pop();
    if (this.size === this.buf.length) this.grow();
    this.head = (this.head - 1) & (this.buf.length - 1);
    this.buf[this.head] = v;
    this.size++;
    this.version++;
  }

  pop(): unknown {
    const i = (this.head + this.size - 1) & (this.buf.length - 1);
    const v = this.buf[i];
    this.buf[i] = undefined;
    this.size--;
    this.version++;
    return v;
  }

  shift(): unknown {
    const v = this.buf[this.head];
    this.buf[this.head] = undefined;
    this.head = (this.head + 1) & (this.buf.length - 1);
    this.size--;
    this.version++;
    return v;
  }

  toArray(): unknown[] {
    const out = new Array<unknown>(this.size);
    for (let i = 0; i < this.size; i++) out[i] = this.at(i);
    return out;
  }

  /** Replaces the items (keeping maxlen): used by the operations that rebuild. */
  fill(items: readonly unknown[]): void {
    let cap = 8;
    while (cap < items.length) cap *= 2;
    this.buf = new Array<unknown>(cap);
    for (let i = 0; i < items.length; i++) this.buf[i] = items[i];
    this.head = 0;
    this.size = items.length;
    this.version++;
  }
}

function ring(self: unknown): Ring {
  const obj = self as Record<symbol, Ring | undefined>;
  let r = obj[STATE];
  if (r === undefined) {
    if (!isDeque(self)) throw new TypeError(`descriptor requires a 'collections.deque' object but received a '${typeName(self)}'`);
    r = new Ring();
    Object.defineProperty(obj, STATE, { value: r, enumerable: false, writable: true });
  }
  return r;
}

export function isDeque(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return false;
  if ((v as Record<symbol, unknown>)[STATE] !== undefined) return true;
  const cls = pyClassOf(v);
  return cls !== undefined && v instanceof (deque as unknown as Function);
}

function index(r: Ring, i: unknown): number {
  if (typeof i === 'boolean') i = i ? 1 : 0;
  if (typeof i !== 'number' || !isIntNumber(i)) {
    if (typeof i === 'bigint') throw new IndexError('deque index out of range');
    throw new TypeError(`sequence index must be integer, not '${typeName(i)}'`);
  }
  const k = i < 0 ? i + r.size : i;
  if (k < 0 || k >= r.size) throw new IndexError('deque index out of range');
  return k;
}

function toInt(v: unknown): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number' && isIntNumber(v)) return v;
  if (typeof v === 'bigint') return v < 0n ? -Infinity : Infinity;
  throw notAnInteger(v);
}

function extendRight(r: Ring, iterable: unknown, self: unknown): void {
  const items = iterable === self ? r.toArray() : iterate(iterable);
  for (const x of items) r.push(x);
}

function extendLeft(r: Ring, iterable: unknown, self: unknown): void {
  const items = iterable === self ? r.toArray() : iterate(iterable);
  for (const x of items) r.unshift(x);
}

/** A deque's iterator: fails once the deque changed, as CPython's. */
class DequeIterator implements IterableIterator<unknown> {
  static readonly __name__ = '_collections._deque_iterator';
  private i = 0;
  private readonly version: number;

  constructor(
    private readonly r: Ring,
    private readonly reverse: boolean,
  ) {
    this.version = r.version;
  }

  next(): IteratorResult<unknown> {
    const r = this.r;
    if (r.version !== this.version) throw new RuntimeError('deque mutated during iteration');
    if (this.i >= r.size) return { done: true, value: undefined };
    const k = this.i++;
    return { done: false, value: r.at(this.reverse ? r.size - 1 - k : k) };
  }

  [Symbol.iterator](): this {
    return this;
  }
}

function newLike(self: unknown, items: Iterable<unknown>, maxlen: number | null): unknown {
  const cls = pyClassOf(self) ?? (deque as PyClass);
  if (cls === deque) {
    const d = construct(deque, [], null);
    const r = ring(d);
    r.maxlen = maxlen;
    for (const x of items) r.push(x);
    return d;
  }
  return construct(cls, maxlen === null ? [[...items]] : [[...items], maxlen], null);
}

const Q = 'collections';
const m = <F extends (...args: never[]) => unknown>(spec: string, name: string, f: F): F => pyFunction(spec, `deque.${name}`, Q, f);

function compare(op: '<' | '<=' | '>' | '>=', a: unknown, b: unknown): unknown {
  if (!isDeque(b)) return NotImplemented;
  const x = ring(a).toArray();
  const y = ring(b).toArray();
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    if (!eqItem(x[i], y[i])) {
      return compareValues(op, x[i], y[i]);
    }
  }
  switch (op) {
    case '<':
      return x.length < y.length;
    case '<=':
      return x.length <= y.length;
    case '>':
      return x.length > y.length;
    case '>=':
      return x.length >= y.length;
  }
}

export const deque: PyClass = pyClass('deque', Q, [], {
  __init__: m('self, iterable=, maxlen=', '__init__', (self: unknown, iterable?: unknown, maxlen?: unknown) => {
    const r = ring(self);
    if (maxlen !== undefined && maxlen !== null) {
      if (typeof maxlen !== 'number' && typeof maxlen !== 'boolean' && typeof maxlen !== 'bigint') throw new TypeError('an integer is required');
      const n = toInt(maxlen);
      if (n < 0) throw new ValueError('maxlen must be non-negative');
      r.maxlen = n;
    } else {
      r.maxlen = null;
    }
    if (r.size > 0) r.fill([]);
    if (iterable !== undefined) extendRight(r, iterable, self);
    return null;
  }),
  append: m('self, x, /', 'append', (self: unknown, x: unknown) => (ring(self).push(x), null)),
  appendleft: m('self, x, /', 'appendleft', (self: unknown, x: unknown) => (ring(self).unshift(x), null)),
  pop: m('self, /', 'pop', (self: unknown) => {
    const r = ring(self);
    if (r.size === 0) throw new IndexError('pop from an empty deque');
    return r.pop();
  }),
  popleft: m('self, /', 'popleft', (self: unknown) => {
    const r = ring(self);
    if (r.size === 0) throw new IndexError('pop from an empty deque');
    return r.shift();
  }),
  extend: m('self, iterable, /', 'extend', (self: unknown, iterable: unknown) => (extendRight(ring(self), iterable, self), null)),
  extendleft: m('self, iterable, /', 'extendleft', (self: unknown, iterable: unknown) => (extendLeft(ring(self), iterable, self), null)),
  clear: m('self, /', 'clear', (self: unknown) => (ring(self).fill([]), null)),
  copy: m('self, /', 'copy', (self: unknown) => newLike(self, ring(self).toArray(), ring(self).maxlen)),
  __copy__: m('self, /', '__copy__', (self: unknown) => newLike(self, ring(self).toArray(), ring(self).maxlen)),
  count: m('self, value, /', 'count', (self: unknown, value: unknown) => {
    const r = ring(self);
    const version = r.version;
    let n = 0;
    for (let i = 0; i < r.size; i++) {
      if (eqItem(r.at(i), value)) n++;
      if (r.version !== version) throw new RuntimeError('deque mutated during iteration');
    }
    return n;
  }),
  index: m('self, value, start=, stop=, /', 'index', (self: unknown, value: unknown, start?: unknown, stop?: unknown) => {
    const r = ring(self);
    let lo = start === undefined ? 0 : toInt(start);
    let hi = stop === undefined ? r.size : toInt(stop);
    if (lo < 0) lo = Math.max(0, lo + r.size);
    if (hi < 0) hi = Math.max(0, hi + r.size);
    hi = Math.min(hi, r.size);
    const version = r.version;
    for (let i = lo; i < hi; i++) {
      if (eqItem(r.at(i), value)) return i;
      if (r.version !== version) throw new RuntimeError('deque mutated during iteration');
    }
    throw new ValueError(`${repr(value)} is not in deque`);
  }),
  insert: m('self, index, value, /', 'insert', (self: unknown, i: unknown, value: unknown) => {
    const r = ring(self);
    if (r.maxlen !== null && r.size >= r.maxlen) throw new IndexError('deque already at its maximum size');
    let k = toInt(i);
    if (k < 0) k = Math.max(0, k + r.size);
    k = Math.min(k, r.size);
    const items = r.toArray();
    items.splice(k, 0, value);
    r.fill(items);
    return null;
  }),
  remove: m('self, value, /', 'remove', (self: unknown, value: unknown) => {
    const r = ring(self);
    for (let i = 0; i < r.size; i++) {
      if (eqItem(r.at(i), value)) {
        const items = r.toArray();
        items.splice(i, 1);
        r.fill(items);
        return null;
      }
    }
    throw new ValueError(`${repr(value)} is not in deque`);
  }),
  reverse: m('self, /', 'reverse', (self: unknown) => {
    const r = ring(self);
    r.fill(r.toArray().reverse());
    return null;
  }),
  rotate: m('self, n=, /', 'rotate', (self: unknown, n: unknown = 1) => {
    const r = ring(self);
    const k = toInt(n);
    if (r.size <= 1) return null;
    let s = k % r.size;
    if (s < 0) s += r.size;
    if (s === 0) return null;
    const items = r.toArray();
    r.fill([...items.slice(items.length - s), ...items.slice(0, items.length - s)]);
    return null;
  }),
  __len__: m('self, /', '__len__', (self: unknown) => ring(self).size),
  __bool__: m('self, /', '__bool__', (self: unknown) => ring(self).size > 0),
  __iter__: m('self, /', '__iter__', (self: unknown) => new DequeIterator(ring(self), false)),
  __reversed__: m('self, /', '__reversed__', (self: unknown) => new DequeIterator(ring(self), true)),
  __contains__: m('self, value, /', '__contains__', (self: unknown, value: unknown) => {
    const r = ring(self);
    const version = r.version;
    for (let i = 0; i < r.size; i++) {
      if (eqItem(r.at(i), value)) return true;
      if (r.version !== version) throw new RuntimeError('deque mutated during iteration');
    }
    return false;
  }),
  __getitem__: m('self, index, /', '__getitem__', (self: unknown, i: unknown) => {
    const r = ring(self);
    return r.at(index(r, i));
  }),
  __setitem__: m('self, index, value, /', '__setitem__', (self: unknown, i: unknown, value: unknown) => {
    const r = ring(self);
    r.setAt(index(r, i), value);
    return null;
  }),
  __delitem__: m('self, index, /', '__delitem__', (self: unknown, i: unknown) => {
    const r = ring(self);
    const k = index(r, i);
    const items = r.toArray();
    items.splice(k, 1);
    r.fill(items);
    return null;
  }),
  __eq__: m('self, other, /', '__eq__', (self: unknown, other: unknown) => {
    if (!isDeque(other)) return NotImplemented;
    const x = ring(self).toArray();
    const y = ring(other).toArray();
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!eqItem(x[i], y[i])) return false;
    return true;
  }),
  __ne__: m('self, other, /', '__ne__', (self: unknown, other: unknown) => {
    if (!isDeque(other)) return NotImplemented;
    return !pyEq(self, other);
  }),
  __lt__: m('self, other, /', '__lt__', (self: unknown, other: unknown) => compare('<', self, other)),
  __le__: m('self, other, /', '__le__', (self: unknown, other: unknown) => compare('<=', self, other)),
  __gt__: m('self, other, /', '__gt__', (self: unknown, other: unknown) => compare('>', self, other)),
  __ge__: m('self, other, /', '__ge__', (self: unknown, other: unknown) => compare('>=', self, other)),
  __hash__: null,
  __add__: m('self, other, /', '__add__', (self: unknown, other: unknown) => {
    if (!isDeque(other)) throw new TypeError(`can only concatenate deque (not "${typeName(other)}") to deque`);
    return newLike(self, [...ring(self).toArray(), ...ring(other).toArray()], ring(self).maxlen);
  }),
  __iadd__: m('self, other, /', '__iadd__', (self: unknown, other: unknown) => {
    extendRight(ring(self), other, self);
    return self;
  }),
  __mul__: m('self, n, /', '__mul__', (self: unknown, n: unknown) => {
    const items = ring(self).toArray();
    const k = toInt(n);
    const out: unknown[] = [];
    for (let i = 0; i < k; i++) out.push(...items);
    return newLike(self, out, ring(self).maxlen);
  }),
  __rmul__: m('self, n, /', '__rmul__', (self: unknown, n: unknown) => {
    const items = ring(self).toArray();
    const out: unknown[] = [];
    for (let i = 0; i < toInt(n); i++) out.push(...items);
    return newLike(self, out, ring(self).maxlen);
  }),
  __imul__: m('self, n, /', '__imul__', (self: unknown, n: unknown) => {
    const r = ring(self);
    const items = r.toArray();
    const k = toInt(n);
    const out: unknown[] = [];
    for (let i = 0; i < k; i++) out.push(...items);
    r.fill([]);
    for (const x of out) r.push(x);
    return self;
  }),
  __reduce__: m('self, /', '__reduce__', (self: unknown) =>
    PyTuple.of<unknown>(pyClassOf(self) ?? deque, PyTuple.of<unknown>(ring(self).toArray(), ring(self).maxlen))),
  __repr__: m('self, /', '__repr__', (self: unknown) => {
    const r = ring(self);
    // The short name, as _PyType_Name gives it (error messages say 'collections.deque').
    const name = (pyClassOf(self) ?? deque).__name__;
    if (!reprEnter(self as object)) return '[...]';
    try {
      const items = r.toArray().map(repr).join(', ');
      return r.maxlen === null ? `${name}([${items}])` : `${name}([${items}], maxlen=${r.maxlen})`;
    } finally {
      reprLeave(self as object);
    }
  }),
});

// Error messages name the C type: 'collections.deque'.
Object.defineProperty(deque, TYPE_NAME, { value: 'collections.deque' });

// maxlen is a read-only attribute computed from the ring.
Object.defineProperty(deque.prototype, 'maxlen', {
  configurable: true,
  enumerable: false,
  get(this: unknown) {
    return ring(this).maxlen;
  },
  set() {
    throw new AttributeError("attribute 'maxlen' of 'collections.deque' objects is not writable");
  },
});

/** The items of any deque, for copy and json-like walkers. */
export function dequeItems(d: unknown): unknown[] {
  return ring(d).toArray();
}
