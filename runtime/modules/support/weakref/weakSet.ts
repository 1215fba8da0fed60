/**
 * _weakrefset.py's WeakSet, ported method by method: a set `data` of refs
 * whose callback drops them when their referent dies (after the running
 * iterations end, as with the weak mappings). Operators and comparisons
 * take any iterable of weakly referenceable objects, as CPython's do; the
 * repr is the repr of `data`.
 */
import { KeyError, TypeError } from '../../../builtins/exceptions.js';
import { PySet, set_clear } from '../../../builtins/set.js';
import { PyGenerator } from '../../../builtins/generators.js';
import type { PyClass } from '../../../builtins/classes.js';
import { call } from '../../../builtins/calls.js';
import { callMethod, getattr, setattr } from '../../../builtins/attributes.js';
import { iterate } from '../../../builtins/iteration.js';
import { len } from '../../../builtins/functions.js';
import * as ops from '../../../builtins/operators.js';
import { repr } from '../../../builtins/repr.js';
import { NotImplemented } from '../../../builtins/notImplemented.js';
import { isinstance, type } from '../../../builtins/types.js';
import { GenericAlias } from '../../types.js';
import { pyClass, pyClassMethod, pyFunction } from '../pydef.js';
import { makeRef } from './refType.js';

const Q = '_weakrefset';
type Obj = object;

function dataOf(self: Obj): PySet {
  return getattr(self, 'data') as PySet;
}

function pendingOf(self: Obj): unknown[] {
  return getattr(self, '_pending_removals') as unknown[];
}

function iteratingOf(self: Obj): PySet {
  return getattr(self, '_iterating') as PySet;
}

function commitRemovals(self: Obj): void {
  const pending = pendingOf(self);
  const data = dataOf(self);
  while (pending.length > 0) data.$delete(pending.pop());
}

function commitIfPending(self: Obj): void {
  if (pendingOf(self).length > 0) commitRemovals(self);
}

function refs(other: unknown, callback: unknown = null): PySet {
  const out = new PySet();
  for (const item of iterate(other)) out.$add(makeRef(item, callback));
  return out;
}

function sameClass(self: Obj, arg: unknown): unknown {
  return call(type(self), [arg], null);
}

const method = <F extends (...args: never[]) => unknown>(spec: string, name: string, impl: F): F =>
  pyFunction(spec, `WeakSet.${name}`, Q, impl);

function* items(self: Obj): Generator<unknown, void, undefined> {
  const guard = {};
  const iterating = iteratingOf(self);
  iterating.$add(guard);
  try {
    for (const itemref of [...dataOf(self)]) {
      const item = call(itemref, [], null);
      if (item !== null) yield item;
    }
  } finally {
    iterating.$delete(guard);
    if (iterating.$size === 0) commitRemovals(self);
  }
}

function copyOf(self: Obj): unknown {
  return sameClass(self, self);
}

function isubImpl(self: Obj, other: unknown): Obj {
  commitIfPending(self);
  if (self === other) set_clear(dataOf(self));
  else callMethod(dataOf(self), 'difference_update', refs(other));
  return self;
}

function iandImpl(self: Obj, other: unknown): Obj {
  commitIfPending(self);
  callMethod(dataOf(self), 'intersection_update', refs(other));
  return self;
}

function ixorImpl(self: Obj, other: unknown): Obj {
  commitIfPending(self);
  if (self === other) set_clear(dataOf(self));
  else callMethod(dataOf(self), 'symmetric_difference_update', refs(other, getattr(self, '_remove')));
  return self;
}

const difference = method('self, other', 'difference', (self: Obj, other: unknown) => {
  const newset = copyOf(self) as Obj;
  isubImpl(newset, other);
  return newset;
});
const intersection = method('self, other', 'intersection', (self: Obj, other: unknown) => {
  const kept: unknown[] = [];
  for (const item of iterate(other)) if (ops.in_(item, self)) kept.push(item);
  return sameClass(self, kept);
});
const issubset = method('self, other', 'issubset', (self: Obj, other: unknown) => callMethod(dataOf(self), 'issubset', refs(other)));
const issuperset = method('self, other', 'issuperset', (self: Obj, other: unknown) => callMethod(dataOf(self), 'issuperset', refs(other)));
const symmetricDifference = method('self, other', 'symmetric_difference', (self: Obj, other: unknown) => {
  const newset = copyOf(self) as Obj;
  ixorImpl(newset, other);
  return newset;
});
const union = method('self, other', 'union', (self: Obj, other: unknown) => sameClass(self, [...iterate(self), ...iterate(other)]));

export const WeakSet: PyClass = pyClass('WeakSet', Q, [], {
  __init__: method('self, data=', '__init__', (self: Obj, data: unknown = null) => {
    setattr(self, 'data', new PySet());
    const selfref = makeRef(self, null);
    const remove = pyFunction('item, selfref=', 'WeakSet.__init__.<locals>._remove', Q, (item: unknown) => {
      const me = call(selfref, [], null);
      if (me !== null) {
        if (iteratingOf(me as Obj).$size > 0) pendingOf(me as Obj).push(item);
        else dataOf(me as Obj).$delete(item);
      }
      return null;
    });
    setattr(self, '_remove', remove);
    setattr(self, '_pending_removals', []);
    setattr(self, '_iterating', new PySet());
    if (data !== null) callMethod(self, 'update', data);
    return null;
  }),
  _commit_removals: method('self', '_commit_removals', (self: Obj) => {
    commitRemovals(self);
    return null;
  }),
  __iter__: method('self', '__iter__', (self: Obj) => new PyGenerator(items(self), 'WeakSet.__iter__')),
  __len__: method('self', '__len__', (self: Obj) => dataOf(self).$size - pendingOf(self).length),
  __contains__: method('self, item', '__contains__', (self: Obj, item: unknown) => {
    let wr: unknown;
    try {
      wr = makeRef(item, null);
    } catch (e) {
      if (e instanceof TypeError) return false;
      throw e;
    }
    return dataOf(self).$has(wr);
  }),
  add: method('self, item', 'add', (self: Obj, item: unknown) => {
    commitIfPending(self);
    dataOf(self).$add(makeRef(item, getattr(self, '_remove')));
    return null;
  }),
  clear: method('self', 'clear', (self: Obj) => {
    commitIfPending(self);
    set_clear(dataOf(self));
    return null;
  }),
  copy: method('self', 'copy', copyOf),
  pop: method('self', 'pop', (self: Obj) => {
    commitIfPending(self);
    for (;;) {
      let itemref: unknown;
      try {
        itemref = callMethod(dataOf(self), 'pop');
      } catch (e) {
        if (e instanceof KeyError) {
          const err = new KeyError('pop from empty WeakSet');
          (err as unknown as { __suppress_context__: boolean }).__suppress_context__ = true;
          throw err;
        }
        throw e;
      }
      const item = call(itemref, [], null);
      if (item !== null) return item;
    }
  }),
  remove: method('self, item', 'remove', (self: Obj, item: unknown) => {
    commitIfPending(self);
    callMethod(dataOf(self), 'remove', makeRef(item, null));
    return null;
  }),
  discard: method('self, item', 'discard', (self: Obj, item: unknown) => {
    commitIfPending(self);
    callMethod(dataOf(self), 'discard', makeRef(item, null));
    return null;
  }),
  update: method('self, other', 'update', (self: Obj, other: unknown) => {
    commitIfPending(self);
    for (const element of iterate(other)) callMethod(self, 'add', element);
    return null;
  }),
  __ior__: method('self, other', '__ior__', (self: Obj, other: unknown) => {
    callMethod(self, 'update', other);
    return self;
  }),
  difference,
  __sub__: difference,
  difference_update: method('self, other', 'difference_update', (self: Obj, other: unknown) => {
    callMethod(self, '__isub__', other);
    return null;
  }),
  __isub__: method('self, other', '__isub__', isubImpl),
  intersection,
  __and__: intersection,
  intersection_update: method('self, other', 'intersection_update', (self: Obj, other: unknown) => {
    callMethod(self, '__iand__', other);
    return null;
  }),
  __iand__: method('self, other', '__iand__', iandImpl),
  issubset,
  __le__: issubset,
  __lt__: method('self, other', '__lt__', (self: Obj, other: unknown) => ops.lt(dataOf(self), refs(other))),
  issuperset,
  __ge__: issuperset,
  __gt__: method('self, other', '__gt__', (self: Obj, other: unknown) => ops.gt(dataOf(self), refs(other))),
  __eq__: method('self, other', '__eq__', (self: Obj, other: unknown) => {
    if (!isinstance(other, type(self) as PyClass)) return NotImplemented;
    return ops.eq(dataOf(self), refs(other));
  }),
  symmetric_difference: symmetricDifference,
  __xor__: symmetricDifference,
  symmetric_difference_update: method('self, other', 'symmetric_difference_update', (self: Obj, other: unknown) => {
    callMethod(self, '__ixor__', other);
    return null;
  }),
  __ixor__: method('self, other', '__ixor__', ixorImpl),
  union,
  __or__: union,
  isdisjoint: method('self, other', 'isdisjoint', (self: Obj, other: unknown) => len(callMethod(self, 'intersection', other)) === 0),
  __repr__: method('self', '__repr__', (self: Obj) => repr(dataOf(self))),
  __class_getitem__: pyClassMethod(GenericAlias),
});
