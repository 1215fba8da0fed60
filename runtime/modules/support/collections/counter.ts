/**
 * collections.Counter, a Python subclass of dict as CPython 3.11 writes it:
 * missing keys count 0, `update` adds, the arithmetic keeps positive counts,
 * comparisons treat missing keys as zero, and most_common orders by count
 * (ties in insertion order).
 */
import '../../../builtins/types.js';
import { NotImplementedError, TypeError } from '../../../builtins/exceptions.js';
import { PyDict, dictGetItem, dict_update } from '../../../builtins/dict.js';
import { dict } from '../../../builtins/functions.js';
import { NotImplemented } from '../../../builtins/notImplemented.js';
import { add, sub } from '../../../builtins/operators.js';
import { eq, gt, le, lt } from '../../../builtins/equality.js';
import { PyTuple, typeName, isInt } from '../../../builtins/values.js';
import { call } from '../../../builtins/calls.js';
import { construct, isinstance, pyClassOf, type PyClass } from '../../../builtins/classes.js';
import { iterate } from '../../../builtins/iteration.js';
import { getattr } from '../../../builtins/attributes.js';
import { list_sort } from '../../../builtins/sort.js';
import { reprDict } from '../../../builtins/dict.js';
import { kwargsRecord, pyClass, pyClassMethod, pyFunction } from '../pydef.js';
import { entries, rawGet } from './dicts.js';

const Q = 'collections';

function isCounter(v: unknown): v is PyDict {
  return v instanceof PyDict && isinstance(v, Counter);
}

/** A Python mapping: a dict, or an object with keys() and __getitem__. */
function isMapping(v: unknown): boolean {
  if (v instanceof PyDict) return true;
  if (v === null || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return typeof o['keys'] === 'function' && typeof o['__getitem__'] === 'function' && typeof o['items'] === 'function';
}

/** `(key, value)` pairs of any mapping, through its items(). */
function mappingItems(m: unknown): [unknown, unknown][] {
  if (m instanceof PyDict) return entries(m);
  const out: [unknown, unknown][] = [];
  for (const pair of iterate(call(getattr(m, 'items'), [], null))) {
    const [k, v] = [...iterate(pair)];
    out.push([k, v]);
  }
  return out;
}

function count(c: PyDict, k: unknown): unknown {
  return dictGetItem(c, k);
}

function newCounter(): PyDict {
  return construct(Counter, [], null) as PyDict;
}

function keepPositive(self: PyDict): PyDict {
  for (const [k, v] of entries(self)) if (!gt(v, 0)) self.$delete(k);
  return self;
}

function mostCommon(self: PyDict, n: unknown = null): unknown[] {
  const items: unknown[] = entries(self).map(([k, v]) => PyTuple.of(k, v));
  list_sort(items, (t: PyTuple) => t[1], true);
  if (n === null || n === undefined) return items;
  if (!isInt(n) && typeof n !== 'boolean') throw new TypeError(`'${typeName(n)}' object cannot be interpreted as an integer`);
  const k = Number(n);
  return k <= 0 ? [] : items.slice(0, k);
}

function update(self: PyDict, iterable: unknown, kwds: PyDict | undefined, sign: 1 | -1): void {
  if (iterable !== undefined && iterable !== null) {
    if (isMapping(iterable)) {
      if (sign === 1 && self.$size === 0 && iterable instanceof PyDict) dict_update(self, iterable);
      else for (const [k, v] of mappingItems(iterable)) self.$set(k, sign === 1 ? add(rawGet(self, k, 0), v) : sub(rawGet(self, k, 0), v));
    } else {
      for (const k of iterate(iterable)) self.$set(k, sign === 1 ? add(rawGet(self, k, 0), 1) : sub(rawGet(self, k, 0), 1));
    }
  }
  if (kwds !== undefined && kwds.$size > 0) update(self, kwds, undefined, sign);
}

type Binary = (self: PyDict, other: unknown) => unknown;

function binary(name: string, f: (self: PyDict, other: PyDict) => unknown): Binary {
  return pyFunction('self, other', `Counter.${name}`, Q, (self: PyDict, other: unknown) => (isCounter(other) ? f(self, other) : NotImplemented));
}

/** all(test(self[e], other[e]) for e in self and other). */
function allCounts(self: PyDict, other: PyDict, test: (a: unknown, b: unknown) => boolean): boolean {
  for (const c of [self, other]) for (const e of [...c]) if (!test(count(self, e), count(other, e))) return false;
  return true;
}

function* elements(self: PyDict): Generator<unknown, void, undefined> {
  for (const [k, v] of entries(self)) {
    if (!isInt(v) && typeof v !== 'boolean') throw new TypeError(`'${typeName(v)}' object cannot be interpreted as an integer`);
    const n = Number(v);
    for (let i = 0; i < n; i++) yield k;
  }
}

export const Counter: PyClass = pyClass('Counter', Q, [dict], {
  __init__: pyFunction('self, iterable=, /, **kwds', 'Counter.__init__', Q, (self: PyDict, iterable: unknown, kwds: PyDict) => {
    call(getattr(self, 'update'), [iterable ?? null], kwargsRecord(kwds) ?? null);
    return null;
  }),
  __missing__: pyFunction('self, key', 'Counter.__missing__', Q, () => 0),
  total: pyFunction('self', 'Counter.total', Q, (self: PyDict) => {
    let t: unknown = 0;
    for (const [, v] of entries(self)) t = add(t, v);
    return t;
  }),
  most_common: pyFunction('self, n=', 'Counter.most_common', Q, (self: PyDict, n?: unknown) => mostCommon(self, n)),
  elements: pyFunction('self', 'Counter.elements', Q, (self: PyDict) => elements(self)),
  fromkeys: pyClassMethod(pyFunction('cls, iterable, v=', 'Counter.fromkeys', Q, () => {
    throw new NotImplementedError('Counter.fromkeys() is undefined.  Use Counter(iterable) instead.');
  })),
  update: pyFunction('self, iterable=, /, **kwds', 'Counter.update', Q, (self: PyDict, iterable: unknown, kwds: PyDict) => {
    update(self, iterable, kwds, 1);
    return null;
  }),
  subtract: pyFunction('self, iterable=, /, **kwds', 'Counter.subtract', Q, (self: PyDict, iterable: unknown, kwds: PyDict) => {
    update(self, iterable, kwds, -1);
    return null;
  }),
  copy: pyFunction('self', 'Counter.copy', Q, (self: PyDict) => construct(pyClassOf(self)!, [self], null)),
  __reduce__: pyFunction('self', 'Counter.__reduce__', Q, (self: PyDict) => PyTuple.of<unknown>(pyClassOf(self), PyTuple.of(dictCopy(self)))),
  __delitem__: pyFunction('self, elem', 'Counter.__delitem__', Q, (self: PyDict, elem: unknown) => {
    self.$delete(elem);
    return null;
  }),
  __eq__: binary('__eq__', (self, other) => allCounts(self, other, (a, b) => eq(a, b))),
  __ne__: binary('__ne__', (self, other) => !allCounts(self, other, (a, b) => eq(a, b))),
  __le__: binary('__le__', (self, other) => allCounts(self, other, (a, b) => le(a, b))),
  __lt__: binary('__lt__', (self, other) => allCounts(self, other, (a, b) => le(a, b)) && !allCounts(self, other, (a, b) => eq(a, b))),
  __ge__: binary('__ge__', (self, other) => allCounts(self, other, (a, b) => le(b, a))),
  __gt__: binary('__gt__', (self, other) => allCounts(self, other, (a, b) => le(b, a)) && !allCounts(self, other, (a, b) => eq(a, b))),
  __repr__: pyFunction('self', 'Counter.__repr__', Q, (self: PyDict) => {
    const name = typeName(self);
    if (self.$size === 0) return `${name}()`;
    let d: PyDict;
    try {
      d = new PyDict((mostCommon(self) as PyTuple[]).map((t) => [t[0], t[1]] as const));
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      d = dictCopy(self);
    }
    return `${name}(${reprDict(d)})`;
  }),
  __add__: binary('__add__', (self, other) => {
    const result = newCounter();
    for (const [k, v] of entries(self)) {
      const n = add(v, count(other, k));
      if (gt(n, 0)) result.$set(k, n);
    }
    for (const [k, v] of entries(other)) if (!self.$has(k) && gt(v, 0)) result.$set(k, v);
    return result;
  }),
  __sub__: binary('__sub__', (self, other) => {
    const result = newCounter();
    for (const [k, v] of entries(self)) {
      const n = sub(v, count(other, k));
      if (gt(n, 0)) result.$set(k, n);
    }
    for (const [k, v] of entries(other)) if (!self.$has(k) && lt(v, 0)) result.$set(k, sub(0, v));
    return result;
  }),
  __or__: binary('__or__', (self, other) => {
    const result = newCounter();
    for (const [k, v] of entries(self)) {
      const o = count(other, k);
      const n = lt(v, o) ? o : v;
      if (gt(n, 0)) result.$set(k, n);
    }
    for (const [k, v] of entries(other)) if (!self.$has(k) && gt(v, 0)) result.$set(k, v);
    return result;
  }),
  __and__: binary('__and__', (self, other) => {
    const result = newCounter();
    for (const [k, v] of entries(self)) {
      const o = count(other, k);
      const n = lt(v, o) ? v : o;
      if (gt(n, 0)) result.$set(k, n);
    }
    return result;
  }),
  __pos__: pyFunction('self', 'Counter.__pos__', Q, (self: PyDict) => {
    const result = newCounter();
    for (const [k, v] of entries(self)) if (gt(v, 0)) result.$set(k, v);
    return result;
  }),
  __neg__: pyFunction('self', 'Counter.__neg__', Q, (self: PyDict) => {
    const result = newCounter();
    for (const [k, v] of entries(self)) if (lt(v, 0)) result.$set(k, sub(0, v));
    return result;
  }),
  __iadd__: binary('__iadd__', (self, other) => {
    for (const [k, v] of entries(other)) self.$set(k, add(count(self, k), v));
    return keepPositive(self);
  }),
  __isub__: binary('__isub__', (self, other) => {
    for (const [k, v] of entries(other)) self.$set(k, sub(count(self, k), v));
    return keepPositive(self);
  }),
  __ior__: binary('__ior__', (self, other) => {
    for (const [k, v] of entries(other)) if (gt(v, count(self, k))) self.$set(k, v);
    return keepPositive(self);
  }),
  __iand__: binary('__iand__', (self, other) => {
    for (const [k, v] of entries(self)) {
      const o = count(other, k);
      if (lt(o, v)) self.$set(k, o);
    }
    return keepPositive(self);
  }),
});

function dictCopy(d: PyDict): PyDict {
  return new PyDict(entries(d));
}

