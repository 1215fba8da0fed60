/**
 * collections.UserDict and collections.ChainMap, MutableMappings as CPython
 * writes them in Python: their methods go through the object's own
 * `__getitem__`, `__setitem__`… (and the MutableMapping mixins for
 * `update`, `pop`, `setdefault`, `keys`…), so subclasses that override one
 * see it used everywhere, as in CPython.
 */
import { KeyError } from '../../../builtins/exceptions.js';
import { PyDict, dict_fromkeys } from '../../../builtins/dict.js';
import { NotImplemented } from '../../../builtins/notImplemented.js';
import { PyTuple } from '../../../builtins/values.js';
import { PyProperty, isinstance, type PyClass } from '../../../builtins/classes.js';
import { iterate, iter } from '../../../builtins/iteration.js';
import { callMethod, getattr, hasattr, setattr } from '../../../builtins/attributes.js';
import { delitem, getitem, setitem } from '../../../builtins/items.js';
import { in_, or_ } from '../../../builtins/operators.js';
import { repr } from '../../../builtins/repr.js';
import { truthy } from '../../../builtins/truth.js';
import { call } from '../../../builtins/calls.js';
import { type } from '../../../builtins/types.js';
import { MutableMapping } from '../../collections.abc.js';
import { copyWithData } from '../stdlib/pyclass.js';
import { pyClass, pyClassMethod, pyFunction } from '../pydef.js';

const Q = 'collections';
type Obj = Record<string, unknown>;

function dataOf(self: unknown): PyDict {
  return getattr(self, 'data') as PyDict;
}

/** `self.__class__(...args)`. */
function sameClass(self: unknown, args: unknown[]): unknown {
  return call(type(self), args, null);
}

export const UserDict: PyClass = pyClass('UserDict', Q, [MutableMapping], {
  __init__: pyFunction('self, dict=, /, **kwargs', 'UserDict.__init__', Q, (self: Obj, initial: unknown, kwargs: PyDict) => {
    setattr(self, 'data', new PyDict());
    if (initial !== undefined && initial !== null) callMethod(self, 'update', initial);
    if (kwargs.$size > 0) callMethod(self, 'update', kwargs);
    return null;
  }),
  __len__: pyFunction('self', 'UserDict.__len__', Q, (self: Obj) => dataOf(self).$size),
  __getitem__: pyFunction('self, key', 'UserDict.__getitem__', Q, (self: Obj, key: unknown) => {
    const data = dataOf(self);
    if (in_(key, data)) return getitem(data, key);
    if (hasattr(type(self), '__missing__')) return callMethod(self, '__missing__', key);
    throw new KeyError(key);
  }),
  __setitem__: pyFunction('self, key, item', 'UserDict.__setitem__', Q, (self: Obj, key: unknown, item: unknown) => {
    setitem(dataOf(self), key, item);
    return null;
  }),
  __delitem__: pyFunction('self, key', 'UserDict.__delitem__', Q, (self: Obj, key: unknown) => {
    delitem(dataOf(self), key);
    return null;
  }),
  __iter__: pyFunction('self', 'UserDict.__iter__', Q, (self: Obj) => iter(dataOf(self))),
  __contains__: pyFunction('self, key', 'UserDict.__contains__', Q, (self: Obj, key: unknown) => in_(key, dataOf(self))),
  __repr__: pyFunction('self', 'UserDict.__repr__', Q, (self: Obj) => repr(dataOf(self))),
  __or__: pyFunction('self, other', 'UserDict.__or__', Q, (self: Obj, other: unknown) => {
    if (isinstance(other, UserDict)) return sameClass(self, [or_(dataOf(self), dataOf(other))]);
    if (other instanceof PyDict) return sameClass(self, [or_(dataOf(self), other)]);
    return NotImplemented;
  }),
  __ror__: pyFunction('self, other', 'UserDict.__ror__', Q, (self: Obj, other: unknown) => {
    if (isinstance(other, UserDict)) return sameClass(self, [or_(dataOf(other), dataOf(self))]);
    if (other instanceof PyDict) return sameClass(self, [or_(other, dataOf(self))]);
    return NotImplemented;
  }),
  __ior__: pyFunction('self, other', 'UserDict.__ior__', Q, (self: Obj, other: unknown) => {
    callMethod(dataOf(self), 'update', isinstance(other, UserDict) ? dataOf(other) : other);
    return self;
  }),
  __copy__: pyFunction('self', 'UserDict.__copy__', Q, (self: Obj) => shallowCopy(self)),
  copy: pyFunction('self', 'UserDict.copy', Q, (self: Obj) => {
    if (type(self) === UserDict) return sameClass(self, [callMethod(dataOf(self), 'copy')]);
    // A subclass: a copy of its attributes (without calling its __init__), then the items through its own update().
    const copy = shallowCopy(self);
    setattr(copy, 'data', new PyDict());
    callMethod(copy, 'update', self);
    return copy;
  }),
  fromkeys: pyClassMethod(pyFunction('cls, iterable, value=', 'UserDict.fromkeys', Q, (cls: unknown, iterable: unknown, value: unknown = null) => {
    const d = call(cls, [], null);
    for (const key of iterate(iterable)) setitem(d, key, value);
    return d;
  })),
});

/** `copy.copy` of a UserDict: a new instance with the same attributes and a copy of `data`. */
function shallowCopy(self: Obj): Obj {
  return copyWithData(self, callMethod(dataOf(self), 'copy'));
}

function mapsOf(self: unknown): unknown[] {
  return getattr(self, 'maps') as unknown[];
}

function firstMapping(self: unknown): unknown {
  return mapsOf(self)[0];
}

export const ChainMap: PyClass = pyClass('ChainMap', Q, [MutableMapping], {
  __init__: pyFunction('self, *maps', 'ChainMap.__init__', Q, (self: Obj, maps: PyTuple) => {
    setattr(self, 'maps', maps.length > 0 ? [...maps] : [new PyDict()]);
    return null;
  }),
  __missing__: pyFunction('self, key', 'ChainMap.__missing__', Q, (_self: Obj, key: unknown) => {
    throw new KeyError(key);
  }),
  __getitem__: pyFunction('self, key', 'ChainMap.__getitem__', Q, (self: Obj, key: unknown) => {
    for (const mapping of mapsOf(self)) {
      try {
        return getitem(mapping, key);
      } catch (e) {
        if (!(e instanceof KeyError)) throw e;
      }
    }
    return callMethod(self, '__missing__', key);
  }),
  get: pyFunction('self, key, default=', 'ChainMap.get', Q, (self: Obj, key: unknown, dflt: unknown = null) =>
    (in_(key, self) ? getitem(self, key) : dflt)),
  __len__: pyFunction('self', 'ChainMap.__len__', Q, (self: Obj) => unionKeys(self).$size),
  __iter__: pyFunction('self', 'ChainMap.__iter__', Q, (self: Obj) => iter(unionKeys(self))),
  __contains__: pyFunction('self, key', 'ChainMap.__contains__', Q, (self: Obj, key: unknown) => mapsOf(self).some((m) => in_(key, m))),
  __bool__: pyFunction('self', 'ChainMap.__bool__', Q, (self: Obj) => mapsOf(self).some((m) => truthy(m))),
  __repr__: pyFunction('self', 'ChainMap.__repr__', Q, (self: Obj) =>
    `${String(getattr(type(self), '__name__'))}(${mapsOf(self).map((m) => repr(m)).join(', ')})`),
  fromkeys: pyClassMethod(pyFunction('cls, iterable, *args', 'ChainMap.fromkeys', Q, (cls: unknown, iterable: unknown, args: PyTuple) =>
    call(cls, [dict_fromkeys(iterable, args.length > 0 ? args[0] : null)], null))),
  copy: pyFunction('self', 'ChainMap.copy', Q, (self: Obj) => chainCopy(self)),
  __copy__: pyFunction('self', 'ChainMap.__copy__', Q, (self: Obj) => chainCopy(self)),
  new_child: pyFunction('self, m=, **kwargs', 'ChainMap.new_child', Q, (self: Obj, m: unknown, kwargs: PyDict) => {
    let child = m;
    if (child === null || child === undefined) child = kwargs;
    else if (kwargs.$size > 0) callMethod(child, 'update', kwargs);
    return sameClass(self, [child, ...mapsOf(self)]);
  }),
  parents: new PyProperty(pyFunction('self', 'ChainMap.parents', Q, (self: Obj) => sameClass(self, mapsOf(self).slice(1)))),
  __setitem__: pyFunction('self, key, value', 'ChainMap.__setitem__', Q, (self: Obj, key: unknown, value: unknown) => {
    setitem(firstMapping(self), key, value);
    return null;
  }),
  __delitem__: pyFunction('self, key', 'ChainMap.__delitem__', Q, (self: Obj, key: unknown) => {
    try {
      delitem(firstMapping(self), key);
    } catch (e) {
      if (e instanceof KeyError) throw new KeyError(`Key not found in the first mapping: ${repr(key)}`);
      throw e;
    }
    return null;
  }),
  popitem: pyFunction('self', 'ChainMap.popitem', Q, (self: Obj) => {
    try {
      return callMethod(firstMapping(self), 'popitem');
    } catch (e) {
      if (e instanceof KeyError) throw new KeyError('No keys found in the first mapping.');
      throw e;
    }
  }),
  pop: pyFunction('self, key, *args', 'ChainMap.pop', Q, (self: Obj, key: unknown, args: PyTuple) => {
    try {
      return callMethod(firstMapping(self), 'pop', key, ...args);
    } catch (e) {
      if (e instanceof KeyError) throw new KeyError(`Key not found in the first mapping: ${repr(key)}`);
      throw e;
    }
  }),
  clear: pyFunction('self', 'ChainMap.clear', Q, (self: Obj) => {
    callMethod(firstMapping(self), 'clear');
    return null;
  }),
  __ior__: pyFunction('self, other', 'ChainMap.__ior__', Q, (self: Obj, other: unknown) => {
    callMethod(firstMapping(self), 'update', other);
    return self;
  }),
  __or__: pyFunction('self, other', 'ChainMap.__or__', Q, (self: Obj, other: unknown) => {
    if (!isinstance(other, MutableMapping) && !(other instanceof PyDict)) return NotImplemented;
    const m = chainCopy(self);
    callMethod(firstMapping(m), 'update', other);
    return m;
  }),
});

/** The keys of all the maps, the last map's first, as CPython's ChainMap iterates them. */
function unionKeys(self: unknown): PyDict {
  const keys = new PyDict();
  const maps = mapsOf(self);
  for (let i = maps.length - 1; i >= 0; i--) for (const k of iterate(maps[i])) keys.$set(k, null);
  return keys;
}

function chainCopy(self: unknown): unknown {
  const [first, ...rest] = mapsOf(self);
  return sameClass(self, [callMethod(first, 'copy'), ...rest]);
}
