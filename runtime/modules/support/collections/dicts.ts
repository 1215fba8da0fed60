/**
 * collections.defaultdict and collections.OrderedDict: Python subclasses of
 * dict (their instances are PyDicts, so every dict operation applies), made
 * as a `class` statement makes them.
 */
import '../../../builtins/types.js';
import { KeyError, TypeError } from '../../../builtins/exceptions.js';
import { DictItems, DictKeys, DictValues, PyDict, dict_update, reprDict } from '../../../builtins/dict.js';
import { callMethod } from '../../../builtins/attributes.js';
import { $eq, eqItem } from '../../../builtins/equality.js';
import { dict } from '../../../builtins/functions.js';
import { NotImplemented } from '../../../builtins/notImplemented.js';
import { reprEnter, reprLeave } from '../../../builtins/list.js';
import { repr } from '../../../builtins/repr.js';
import { PyTuple, TYPE_NAME } from '../../../builtins/values.js';
import { call } from '../../../builtins/calls.js';
import { construct, isinstance, pyClassOf, type PyClass } from '../../../builtins/classes.js';
import { truthy } from '../../../builtins/truth.js';
import { iterate } from '../../../builtins/iteration.js';
import { kwargsRecord, pyClass, pyClassMethod, pyFunction } from '../pydef.js';

const Q = 'collections';

/**
 * PyDict's own get and clear: on an instance of a dict subclass, `d.get`
 * and `d.clear` are Python's dict methods (which call back into these).
 */
export function rawGet(d: PyDict, k: unknown, dflt?: unknown): unknown {
  return PyDict.prototype.$get.call(d, k, dflt);
}

export function rawClear(d: PyDict): void {
  PyDict.prototype.$clear.call(d);
}

/** A dict's keys and values, in order (a snapshot). */
export function entries(d: PyDict): [unknown, unknown][] {
  const out: [unknown, unknown][] = [];
  for (const k of d) out.push([k, rawGet(d, k)]);
  return out;
}

/** dict's own ==, whatever the subclass defines. */
export function dictEquals(a: PyDict, b: PyDict): boolean {
  return (PyDict.prototype as unknown as Record<symbol, (this: PyDict, o: unknown) => boolean>)[$eq]!.call(a, b);
}

function itemsIterator(d: PyDict): Iterator<PyTuple> {
  return entries(d).map(([k, v]) => PyTuple.of(k, v))[Symbol.iterator]();
}

function classOf(self: unknown): PyClass {
  return pyClassOf(self)!;
}

// ---------------------------------------------------------------------------
// defaultdict

function isCallable(f: unknown): boolean {
  return typeof f === 'function';
}

type WithFactory = PyDict & { default_factory?: unknown };

export const defaultdict: PyClass = pyClass('defaultdict', Q, [dict], {
  __init__: pyFunction('self, default_factory=, /, *args, **kwargs', 'defaultdict.__init__', Q,
    (self: WithFactory, factory: unknown, args: PyTuple, kwargs: PyDict) => {
      if (factory !== undefined && factory !== null && !isCallable(factory)) throw new TypeError('first argument must be callable or None');
      self.default_factory = factory ?? null;
      if (args.length > 1) throw new TypeError(`dict expected at most 1 argument, got ${args.length}`);
      dict_update(self, args.length > 0 ? args[0] : undefined, kwargsRecord(kwargs));
      return null;
    }),
  __missing__: pyFunction('self, key, /', 'defaultdict.__missing__', Q, (self: WithFactory, key: unknown) => {
    const factory = self.default_factory;
    if (factory === null || factory === undefined) throw new KeyError(key);
    const value = call(factory, [], null);
    self.$set(key, value);
    return value;
  }),
  __repr__: pyFunction('self, /', 'defaultdict.__repr__', Q, (self: WithFactory) => {
    const factory = self.default_factory ?? null;
    let f: string;
    if (factory !== null && !reprEnter(factory as object)) f = '...';
    else {
      try {
        f = repr(factory);
      } finally {
        if (factory !== null) reprLeave(factory as object);
      }
    }
    return `${classOf(self).__name__}(${f}, ${reprDict(self)})`;
  }),
  __reduce__: pyFunction('self, /', 'defaultdict.__reduce__', Q, (self: WithFactory) =>
    PyTuple.of<unknown>(classOf(self), PyTuple.of(self.default_factory ?? null), null, null, itemsIterator(self))),
  // defaultdict's nb_or: a new defaultdict (the defaultdict operand's class and factory) of the left operand, updated with the right.
  __or__: pyFunction('self, other, /', 'defaultdict.__or__', Q, (self: WithFactory, other: unknown) => defaultdictOr(self, self, other)),
  __ror__: pyFunction('self, other, /', 'defaultdict.__ror__', Q, (self: WithFactory, other: unknown) => defaultdictOr(self, other, self)),
  copy: pyFunction('self, /', 'defaultdict.copy', Q, (self: WithFactory) => construct(classOf(self), [self.default_factory ?? null, self], null)),
  __copy__: pyFunction('self, /', 'defaultdict.__copy__', Q, (self: WithFactory) => construct(classOf(self), [self.default_factory ?? null, self], null)),
});

function defaultdictOr(self: WithFactory, left: unknown, right: unknown): unknown {
  const other = left === self ? right : left;
  if (!(other instanceof PyDict)) return NotImplemented;
  const made = construct(classOf(self), [self.default_factory ?? null, left], null) as PyDict;
  dict_update(made, right, undefined);
  return made;
}

// ---------------------------------------------------------------------------
// OrderedDict

/** OrderedDict's views: dict's, under their own names. */
class OdictKeys extends DictKeys {
  static override readonly __name__ = 'odict_keys';
}
class OdictValues extends DictValues {
  static override readonly __name__ = 'odict_values';
}
class OdictItems extends DictItems {
  static override readonly __name__ = 'odict_items';
}

function isOrderedDict(v: unknown): boolean {
  return v instanceof PyDict && isinstance(v, OrderedDict);
}

function odEquals(self: PyDict, other: unknown): unknown {
  if (!(other instanceof PyDict)) return NotImplemented;
  if (!dictEquals(self, other)) return false;
  if (!isOrderedDict(other)) return true;
  const a = [...self];
  const b = [...other];
  for (let i = 0; i < a.length; i++) if (!eqItem(a[i], b[i])) return false;
  return true;
}

function popFirst(d: PyDict): PyTuple {
  for (const k of d) {
    const v = d.$take(k);
    return PyTuple.of(k, v);
  }
  throw new KeyError('dictionary is empty');
}

function popLast(d: PyDict): PyTuple {
  const keys = [...d];
  if (keys.length === 0) throw new KeyError('dictionary is empty');
  const k = keys[keys.length - 1];
  return PyTuple.of(k, d.$take(k));
}

export const OrderedDict: PyClass = pyClass('OrderedDict', Q, [dict], {
  __init__: pyFunction('self, other=, /, **kwds', 'OrderedDict.__init__', Q, (self: PyDict, other: unknown, kwds: PyDict) => {
    dict_update(self, other, kwargsRecord(kwds));
    return null;
  }),
  move_to_end: pyFunction('self, key, last=', 'OrderedDict.move_to_end', Q, (self: PyDict, key: unknown, last: unknown = true) => {
    if (!self.$has(key)) throw new KeyError(key);
    if (truthy(last)) {
      const stored = [...self].find((k) => eqItem(k, key));
      const v = self.$take(key);
      self.$set(stored, v);
    } else {
      const all = entries(self);
      const i = all.findIndex(([k]) => eqItem(k, key));
      const moved = all.splice(i, 1)[0]!;
      rawClear(self);
      self.$set(moved[0], moved[1]);
      for (const [k, v] of all) self.$set(k, v);
    }
    return null;
  }),
  popitem: pyFunction('self, /, last=', 'OrderedDict.popitem', Q, (self: PyDict, last: unknown = true) =>
    truthy(last) ? popLast(self) : popFirst(self)),
  keys: pyFunction('self, /', 'OrderedDict.keys', Q, (self: PyDict) => new OdictKeys(self)),
  values: pyFunction('self, /', 'OrderedDict.values', Q, (self: PyDict) => new OdictValues(self)),
  items: pyFunction('self, /', 'OrderedDict.items', Q, (self: PyDict) => new OdictItems(self)),
  __or__: pyFunction('self, other, /', 'OrderedDict.__or__', Q, (self: PyDict, other: unknown) => {
    if (!(other instanceof PyDict)) return NotImplemented;
    const made = construct(classOf(self), [self], null) as PyDict;
    callMethod(made, 'update', other);
    return made;
  }),
  __ror__: pyFunction('self, other, /', 'OrderedDict.__ror__', Q, (self: PyDict, other: unknown) => {
    if (!(other instanceof PyDict)) return NotImplemented;
    const made = construct(classOf(self), [other], null) as PyDict;
    callMethod(made, 'update', self);
    return made;
  }),
  __eq__: pyFunction('self, other, /', 'OrderedDict.__eq__', Q, (self: PyDict, other: unknown) => odEquals(self, other)),
  __ne__: pyFunction('self, other, /', 'OrderedDict.__ne__', Q, (self: PyDict, other: unknown) => {
    const r = odEquals(self, other);
    return r === NotImplemented ? r : !r;
  }),
  __repr__: pyFunction('self, /', 'OrderedDict.__repr__', Q, (self: PyDict) => {
    const name = classOf(self).__name__;
    if (self.$size === 0) return `${name}()`;
    if (!reprEnter(self)) return '...';
    try {
      return `${name}([${entries(self).map(([k, v]) => repr(PyTuple.of(k, v))).join(', ')}])`;
    } finally {
      reprLeave(self);
    }
  }),
  __reduce__: pyFunction('self, /', 'OrderedDict.__reduce__', Q, (self: PyDict) =>
    PyTuple.of<unknown>(classOf(self), new PyTuple(), null, null, itemsIterator(self))),
  copy: pyFunction('self, /', 'OrderedDict.copy', Q, (self: PyDict) => construct(classOf(self), [self], null)),
  __copy__: pyFunction('self, /', 'OrderedDict.__copy__', Q, (self: PyDict) => construct(classOf(self), [self], null)),
  fromkeys: pyClassMethod(pyFunction('cls, iterable, value=, /', 'OrderedDict.fromkeys', Q, (cls: PyClass, iterable: unknown, value: unknown = null) => {
    const d = construct(cls, [], null) as PyDict;
    for (const k of iterate(iterable)) d.$set(k, value);
    return d;
  })),
});

// Error messages name the C types: 'collections.defaultdict', 'collections.OrderedDict'.
Object.defineProperty(defaultdict, TYPE_NAME, { value: 'collections.defaultdict' });
Object.defineProperty(OrderedDict, TYPE_NAME, { value: 'collections.OrderedDict' });
