/**
 * weakref.py's WeakValueDictionary and WeakKeyDictionary, MutableMappings
 * over a plain dict `data` of KeyedRefs (values) or refs (keys), ported
 * method by method: an entry goes when its referent dies (the ref's
 * callback), and removals that come while the mapping is being iterated
 * wait in `_pending_removals` until the iteration ends (_IterationGuard).
 * `keys()`, `values()`, `items()` are generators, as in CPython.
 */
import { KeyError, TypeError } from '../../../builtins/exceptions.js';
import { PyDict } from '../../../builtins/dict.js';
import { PySet } from '../../../builtins/set.js';
import { PyTuple } from '../../../builtins/values.js';
import { PyGenerator } from '../../../builtins/generators.js';
import type { PyClass } from '../../../builtins/classes.js';
import { call } from '../../../builtins/calls.js';
import { callMethod, callMethodKw, getattr, hasattr, setattr } from '../../../builtins/attributes.js';
import { delitem, getitem, setitem } from '../../../builtins/items.js';
import { iterate } from '../../../builtins/iteration.js';
import { id } from '../../../builtins/functions.js';
import { NotImplemented } from '../../../builtins/notImplemented.js';
import { isinstance, type } from '../../../builtins/types.js';
import { MutableMapping, Mapping } from '../../collections.abc.js';
import { kwargsRecord, pyClass, pyClassMethod, pyFunction } from '../pydef.js';
import { GenericAlias } from '../../types.js';
import { KeyedRef, makeRef } from './refType.js';

const Q = 'weakref';
type Obj = object;

function dataOf(self: Obj): PyDict {
  return getattr(self, 'data') as PyDict;
}

function pendingOf(self: Obj): unknown[] {
  return getattr(self, '_pending_removals') as unknown[];
}

function iteratingOf(self: Obj): PySet {
  return getattr(self, '_iterating') as PySet;
}

/** `_IterationGuard(self)`: removals wait while `body` iterates, and are made when the last iteration ends. */
function* guarded<T>(self: Obj, body: () => Generator<T, void, undefined>, commit: (self: Obj) => void): Generator<T, void, undefined> {
  const guard = {};
  const iterating = iteratingOf(self);
  iterating.$add(guard);
  try {
    yield* body();
  } finally {
    iterating.$delete(guard);
    if (iterating.$size === 0) commit(self);
  }
}

/** A generator object named as CPython's generator method is. */
function generator(qualname: string, body: Generator<unknown, void, undefined>): PyGenerator {
  return new PyGenerator(body, qualname);
}

function addressRepr(self: Obj): string {
  return `<${String(getattr(type(self), '__name__'))} at 0x${(id(self) as number).toString(16)}>`;
}

/** `other` as something with items(): a mapping as it is, anything else through dict(). */
function itemsOf(other: unknown): Iterable<unknown> {
  const mapping = hasattr(other, 'items') ? other : new PyDict(iterate(other) as Iterable<[unknown, unknown]>);
  return iterate(callMethod(mapping, 'items'));
}

function pair(item: unknown): [unknown, unknown] {
  const [k, v] = [...iterate(item)];
  return [k, v];
}

/** `|=`, `|` and reflected `|` of both weak dictionaries, each named as the class's method (`method`). */
function unionOperators(method: <F extends (...args: never[]) => unknown>(spec: string, name: string, impl: F) => F): Record<string, unknown> {
  return {
    __ior__: method('self, other', '__ior__', (self: Obj, other: unknown) => {
      callMethod(self, 'update', other);
      return self;
    }),
    __or__: method('self, other', '__or__', (self: Obj, other: unknown) => {
      if (!isinstance(other, Mapping)) return NotImplemented;
      const c = callMethod(self, 'copy');
      callMethod(c, 'update', other);
      return c;
    }),
    __ror__: method('self, other', '__ror__', (self: Obj, other: unknown) => {
      if (!isinstance(other, Mapping)) return NotImplemented;
      const c = call(type(self), [], null);
      callMethod(c, 'update', other);
      callMethod(c, 'update', self);
      return c;
    }),
  };
}

// ---------------------------------------------------------------------------
// WeakValueDictionary

function commitValueRemovals(self: Obj): void {
  const pending = pendingOf(self);
  const d = dataOf(self);
  while (pending.length > 0) removeDeadEntry(d, pending.pop());
}

/** `_remove_dead_weakref(d, key)`: deletes the entry only when its ref is dead. */
function removeDeadEntry(d: PyDict, key: unknown): void {
  const wr = d.$get(key);
  if (wr !== undefined && call(wr, [], null) === null) d.$delete(key);
}

function commitIfPending(self: Obj): void {
  if (pendingOf(self).length > 0) commitValueRemovals(self);
}

const vmethod = <F extends (...args: never[]) => unknown>(spec: string, name: string, impl: F): F =>
  pyFunction(spec, `WeakValueDictionary.${name}`, Q, impl);

function valueRef(self: Obj, key: unknown, value: unknown): unknown {
  return call(KeyedRef, [value, getattr(self, '_remove'), key], null);
}

export const WeakValueDictionary: PyClass = pyClass('WeakValueDictionary', Q, [MutableMapping], {
  __doc__: 'Mapping class that references values weakly.\n\n    Entries in the dictionary will be discarded when no strong\n    reference to the value exists anymore\n    ',
  __init__: vmethod('self, other=, /, **kw', '__init__', (self: Obj, other: unknown = PyTuple.of(), kw: PyDict) => {
    const selfref = makeRef(self, null);
    const remove = pyFunction('wr, selfref=, _atomic_removal=', 'WeakValueDictionary.__init__.<locals>.remove', Q, (wr: unknown) => {
      const me = call(selfref, [], null);
      if (me !== null) {
        const key = getattr(wr, 'key');
        if (iteratingOf(me as Obj).$size > 0) pendingOf(me as Obj).push(key);
        else removeDeadEntry(dataOf(me as Obj), key);
      }
      return null;
    });
    setattr(self, '_remove', remove);
    setattr(self, '_pending_removals', []);
    setattr(self, '_iterating', new PySet());
    setattr(self, 'data', new PyDict());
    callMethodKw(self, 'update', [other], kwargsRecord(kw) ?? null);
    return null;
  }),
  _commit_removals: vmethod('self, _atomic_removal=', '_commit_removals', (self: Obj) => {
    commitValueRemovals(self);
    return null;
  }),
  __getitem__: vmethod('self, key', '__getitem__', (self: Obj, key: unknown) => {
    commitIfPending(self);
    const o = call(getitem(dataOf(self), key), [], null);
    if (o === null) throw new KeyError(key);
    return o;
  }),
  __delitem__: vmethod('self, key', '__delitem__', (self: Obj, key: unknown) => {
    commitIfPending(self);
    delitem(dataOf(self), key);
    return null;
  }),
  __len__: vmethod('self', '__len__', (self: Obj) => {
    commitIfPending(self);
    return dataOf(self).$size;
  }),
  __contains__: vmethod('self, key', '__contains__', (self: Obj, key: unknown) => {
    commitIfPending(self);
    const wr = dataOf(self).$get(key);
    return wr !== undefined && call(wr, [], null) !== null;
  }),
  __repr__: vmethod('self', '__repr__', addressRepr),
  __setitem__: vmethod('self, key, value', '__setitem__', (self: Obj, key: unknown, value: unknown) => {
    commitIfPending(self);
    setitem(dataOf(self), key, valueRef(self, key, value));
    return null;
  }),
  copy: vmethod('self', 'copy', (self: Obj) => valueCopy(self)),
  __copy__: vmethod('self', 'copy', (self: Obj) => valueCopy(self)),
  __deepcopy__: vmethod('self, memo', '__deepcopy__', (self: Obj, memo: unknown) => {
    commitIfPending(self);
    const copy = call(type(self), [], null);
    const deepcopy = deepcopyFunction();
    for (const [key, o] of liveValues(self)) setitem(copy, call(deepcopy, [key, memo], null), o);
    return copy;
  }),
  get: vmethod('self, key, default=', 'get', (self: Obj, key: unknown, dflt: unknown = null) => {
    commitIfPending(self);
    const wr = dataOf(self).$get(key);
    if (wr === undefined) return dflt;
    const o = call(wr, [], null);
    return o === null ? dflt : o;
  }),
  items: vmethod('self', 'items', (self: Obj) => {
    commitIfPending(self);
    return generator('WeakValueDictionary.items', guarded(self, function* () {
      for (const [k, v] of liveValues(self)) yield PyTuple.of(k, v);
    }, commitValueRemovals));
  }),
  keys: vmethod('self', 'keys', (self: Obj) => valueKeys(self)),
  __iter__: vmethod('self', 'keys', (self: Obj) => valueKeys(self)),
  itervaluerefs: vmethod('self', 'itervaluerefs', (self: Obj) => {
    commitIfPending(self);
    return generator('WeakValueDictionary.itervaluerefs', guarded(self, function* () {
      const d = dataOf(self);
      for (const k of [...d]) {
        const wr = d.$get(k);
        if (wr !== undefined) yield wr;
      }
    }, commitValueRemovals));
  }),
  values: vmethod('self', 'values', (self: Obj) => {
    commitIfPending(self);
    return generator('WeakValueDictionary.values', guarded(self, function* () {
      for (const [, v] of liveValues(self)) yield v;
    }, commitValueRemovals));
  }),
  popitem: vmethod('self', 'popitem', (self: Obj) => {
    commitIfPending(self);
    for (;;) {
      const [key, wr] = pair(callMethod(dataOf(self), 'popitem'));
      const o = call(wr, [], null);
      if (o !== null) return PyTuple.of(key, o);
    }
  }),
  pop: vmethod('self, key, *args', 'pop', (self: Obj, key: unknown, args: PyTuple) => {
    commitIfPending(self);
    const wr = dataOf(self).$get(key);
    if (wr !== undefined) dataOf(self).$delete(key);
    const o = wr === undefined ? null : call(wr, [], null);
    if (o !== null) return o;
    if (args.length > 0) return args[0];
    throw new KeyError(key);
  }),
  setdefault: vmethod('self, key, default=', 'setdefault', (self: Obj, key: unknown, dflt: unknown = null) => {
    const wr = dataOf(self).$get(key);
    const o = wr === undefined ? null : call(wr, [], null);
    if (o !== null) return o;
    commitIfPending(self);
    setitem(dataOf(self), key, valueRef(self, key, dflt));
    return dflt;
  }),
  update: vmethod('self, other=, /, **kwargs', 'update', (self: Obj, other: unknown = null, kwargs: PyDict) => {
    commitIfPending(self);
    const d = dataOf(self);
    if (other !== null) for (const item of itemsOf(other)) {
      const [key, o] = pair(item);
      setitem(d, key, valueRef(self, key, o));
    }
    for (const key of [...kwargs]) setitem(d, key, valueRef(self, key, kwargs.$get(key)));
    return null;
  }),
  valuerefs: vmethod('self', 'valuerefs', (self: Obj) => {
    commitIfPending(self);
    const d = dataOf(self);
    return [...d].map((k) => d.$get(k));
  }),
  ...unionOperators(vmethod),
  __class_getitem__: pyClassMethod(GenericAlias),
});

/** The live (key, value) pairs, from a snapshot of the keys. */
function* liveValues(self: Obj): Generator<[unknown, unknown], void, undefined> {
  const d = dataOf(self);
  for (const k of [...d]) {
    const wr = d.$get(k);
    if (wr === undefined) continue;
    const v = call(wr, [], null);
    if (v !== null) yield [k, v];
  }
}

function valueKeys(self: Obj): PyGenerator {
  commitIfPending(self);
  return generator('WeakValueDictionary.keys', guarded(self, function* () {
    for (const [k] of liveValues(self)) yield k;
  }, commitValueRemovals));
}

function valueCopy(self: Obj): unknown {
  commitIfPending(self);
  const copy = call(WeakValueDictionary, [], null);
  for (const [key, o] of liveValues(self)) setitem(copy, key, o);
  return copy;
}

let deepcopyFn: unknown = null;

/** copy.deepcopy, set by the weakref module (copy imports much; only __deepcopy__ needs it). */
export function setDeepcopy(f: unknown): void {
  deepcopyFn = f;
}

function deepcopyFunction(): unknown {
  if (deepcopyFn === null) throw new TypeError('copy.deepcopy is not loaded');
  return deepcopyFn;
}

// ---------------------------------------------------------------------------
// WeakKeyDictionary

function commitKeyRemovals(self: Obj): void {
  const pending = pendingOf(self);
  const d = dataOf(self);
  while (pending.length > 0) d.$delete(pending.pop());
}

const kmethod = <F extends (...args: never[]) => unknown>(spec: string, name: string, impl: F): F =>
  pyFunction(spec, `WeakKeyDictionary.${name}`, Q, impl);

function keyRef(self: Obj, key: unknown): unknown {
  return makeRef(key, getattr(self, '_remove'));
}

/** The live (key, value) pairs, from a snapshot of the refs. */
function* liveKeys(self: Obj): Generator<[unknown, unknown], void, undefined> {
  const d = dataOf(self);
  for (const wr of [...d]) {
    const key = call(wr, [], null);
    if (key !== null && d.$has(wr)) yield [key, d.$get(wr)];
  }
}

function keyKeys(self: Obj): PyGenerator {
  return generator('WeakKeyDictionary.keys', guarded(self, function* () {
    for (const [k] of liveKeys(self)) yield k;
  }, commitKeyRemovals));
}

function keyCopy(self: Obj): unknown {
  const copy = call(WeakKeyDictionary, [], null);
  for (const [key, value] of liveKeys(self)) setitem(copy, key, value);
  return copy;
}

function setDirty(self: Obj): void {
  setattr(self, '_dirty_len', true);
}

export const WeakKeyDictionary: PyClass = pyClass('WeakKeyDictionary', Q, [MutableMapping], {
  __doc__: ' Mapping class that references keys weakly.\n\n    Entries in the dictionary will be discarded when there is no\n    longer a strong reference to the key. This can be used to\n    associate additional data with an object owned by other parts of\n    an application without adding attributes to those objects. This\n    can be especially useful with objects that override attribute\n    accesses.\n    ',
  __init__: kmethod('self, dict=', '__init__', (self: Obj, initial: unknown = null) => {
    setattr(self, 'data', new PyDict());
    const selfref = makeRef(self, null);
    const remove = pyFunction('k, selfref=', 'WeakKeyDictionary.__init__.<locals>.remove', Q, (k: unknown) => {
      const me = call(selfref, [], null);
      if (me !== null) {
        if (iteratingOf(me as Obj).$size > 0) pendingOf(me as Obj).push(k);
        else dataOf(me as Obj).$delete(k);
      }
      return null;
    });
    setattr(self, '_remove', remove);
    setattr(self, '_pending_removals', []);
    setattr(self, '_iterating', new PySet());
    setattr(self, '_dirty_len', false);
    if (initial !== null) callMethod(self, 'update', initial);
    return null;
  }),
  _commit_removals: kmethod('self', '_commit_removals', (self: Obj) => {
    commitKeyRemovals(self);
    return null;
  }),
  _scrub_removals: kmethod('self', '_scrub_removals', (self: Obj) => {
    const d = dataOf(self);
    setattr(self, '_pending_removals', pendingOf(self).filter((k) => d.$has(k)));
    setattr(self, '_dirty_len', false);
    return null;
  }),
  __delitem__: kmethod('self, key', '__delitem__', (self: Obj, key: unknown) => {
    setDirty(self);
    delitem(dataOf(self), makeRef(key, null));
    return null;
  }),
  __getitem__: kmethod('self, key', '__getitem__', (self: Obj, key: unknown) => getitem(dataOf(self), makeRef(key, null))),
  __len__: kmethod('self', '__len__', (self: Obj) => {
    if (getattr(self, '_dirty_len') === true && pendingOf(self).length > 0) callMethod(self, '_scrub_removals');
    return dataOf(self).$size - pendingOf(self).length;
  }),
  __repr__: kmethod('self', '__repr__', addressRepr),
  __setitem__: kmethod('self, key, value', '__setitem__', (self: Obj, key: unknown, value: unknown) => {
    setitem(dataOf(self), keyRef(self, key), value);
    return null;
  }),
  copy: kmethod('self', 'copy', (self: Obj) => keyCopy(self)),
  __copy__: kmethod('self', 'copy', (self: Obj) => keyCopy(self)),
  __deepcopy__: kmethod('self, memo', '__deepcopy__', (self: Obj, memo: unknown) => {
    const copy = call(type(self), [], null);
    const deepcopy = deepcopyFunction();
    for (const [key, value] of liveKeys(self)) setitem(copy, key, call(deepcopy, [value, memo], null));
    return copy;
  }),
  get: kmethod('self, key, default=', 'get', (self: Obj, key: unknown, dflt: unknown = null) =>
    callMethod(dataOf(self), 'get', makeRef(key, null), dflt)),
  __contains__: kmethod('self, key', '__contains__', (self: Obj, key: unknown) => {
    let wr: unknown;
    try {
      wr = makeRef(key, null);
    } catch (e) {
      if (e instanceof TypeError) return false;
      throw e;
    }
    return dataOf(self).$has(wr);
  }),
  items: kmethod('self', 'items', (self: Obj) => generator('WeakKeyDictionary.items', guarded(self, function* () {
    for (const [k, v] of liveKeys(self)) yield PyTuple.of(k, v);
  }, commitKeyRemovals))),
  keys: kmethod('self', 'keys', (self: Obj) => keyKeys(self)),
  __iter__: kmethod('self', 'keys', (self: Obj) => keyKeys(self)),
  values: kmethod('self', 'values', (self: Obj) => generator('WeakKeyDictionary.values', guarded(self, function* () {
    for (const [, v] of liveKeys(self)) yield v;
  }, commitKeyRemovals))),
  keyrefs: kmethod('self', 'keyrefs', (self: Obj) => [...dataOf(self)]),
  popitem: kmethod('self', 'popitem', (self: Obj) => {
    setDirty(self);
    for (;;) {
      const [wr, value] = pair(callMethod(dataOf(self), 'popitem'));
      const o = call(wr, [], null);
      if (o !== null) return PyTuple.of(o, value);
    }
  }),
  pop: kmethod('self, key, *args', 'pop', (self: Obj, key: unknown, args: PyTuple) => {
    setDirty(self);
    return callMethod(dataOf(self), 'pop', makeRef(key, null), ...args);
  }),
  setdefault: kmethod('self, key, default=', 'setdefault', (self: Obj, key: unknown, dflt: unknown = null) =>
    callMethod(dataOf(self), 'setdefault', keyRef(self, key), dflt)),
  update: kmethod('self, dict=, /, **kwargs', 'update', (self: Obj, other: unknown = null, kwargs: PyDict) => {
    const d = dataOf(self);
    if (other !== null) for (const item of itemsOf(other)) {
      const [key, value] = pair(item);
      setitem(d, keyRef(self, key), value);
    }
    if (kwargs.$size > 0) callMethod(self, 'update', kwargs);
    return null;
  }),
  ...unionOperators(kmethod),
  __class_getitem__: pyClassMethod(GenericAlias),
});
