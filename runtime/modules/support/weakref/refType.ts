/**
 * weakref.ref (ReferenceType), as CPython's _weakref C type: calling it
 * gives the referent or None; `ref(o)` without a callback gives the same
 * object again while it lives; equal while both referents live when the
 * referents are equal (else only to itself); the referent's hash, kept once
 * taken; `__callback__`; the repr naming the referent's type. KeyedRef and
 * WeakMethod are weakref.py's subclasses.
 */
import { AttributeError, TypeError } from '../../../builtins/exceptions.js';
import { PyProperty, PyStaticMethod, bindMethod, classAttribute, getClassAttr, isClassLike, isinstance, object, pyClassOf, type PyClass } from '../../../builtins/classes.js';
import { isModule } from '../namespaces.js';
import { BOUND, call, type PyCallable } from '../../../builtins/calls.js';
import { getattr, setattr } from '../../../builtins/attributes.js';
import { PyDict } from '../../../builtins/dict.js';
import { isKeywords } from '../stdlib/pyclass.js';
import { id } from '../../../builtins/functions.js';
import { pyHash } from '../../../builtins/equality.js';
import { eq, ne } from '../../../builtins/operators.js';
import { truthy } from '../../../builtins/truth.js';
import { repr } from '../../../builtins/repr.js';
import { NotImplemented } from '../../../builtins/notImplemented.js';
import { PyTuple, TYPE_NAME, typeName } from '../../../builtins/values.js';
import { methodType, type } from '../../../builtins/types.js';
import { GenericAlias } from '../../types.js';
import { expectedArgs, pyClass, pyClassMethod, pyFunction } from '../pydef.js';
import { basicRef, referentOf, register, stateOf, tpName, weakrefable } from './referents.js';

const Q = 'weakref';

/** `%p` as CPython prints an address. */
export function address(obj: unknown): string {
  return `0x${(id(obj) as number).toString(16)}`;
}

function newObject(cls: unknown): object {
  return (getClassAttr(object, '__new__') as (c: unknown) => object)(cls);
}

/** `ref.__new__(cls, ob, callback=None)`: the basic ref again when there is one, else a new reference. */
function refNew(cls: unknown, ...args: unknown[]): unknown {
  // Keywords are left to __init__ (CPython's weakref___new__ ignores them).
  if (args.length > 0 && isKeywords(args[args.length - 1])) args.pop();
  if (args.length < 1 || args.length > 2) throw expectedArgs('__new__', 1, 2, args.length);
  const obj = weakrefable(args[0]);
  const callback = args[1] ?? null;
  const basic = callback === null && cls === ReferenceType;
  if (basic) {
    const existing = basicRef(obj, 'ref');
    if (existing !== undefined) return existing;
  }
  const r = newObject(cls);
  register(r, obj, callback, basic ? 'ref' : null);
  return r;
}

/** `ref(obj, callback)`. */
export function makeRef(obj: unknown, callback: unknown): object {
  return refNew(ReferenceType, obj, callback) as object;
}

function refState(self: unknown, method: string): NonNullable<ReturnType<typeof stateOf>> {
  const state = typeof self === 'function' ? stateOf(self) : undefined;
  if (state === undefined) throw new TypeError(`descriptor '${method}' requires a 'weakref.ReferenceType' object but received a '${typeName(self)}'`);
  return state;
}

/** Whether `v` is a weak reference or a proxy (CPython's PyWeakref_Check). */
export function isWeakref(v: unknown): v is object {
  return (typeof v === 'function' || typeof v === 'object') && v !== null && stateOf(v) !== undefined;
}

function refCall(self: unknown, args: PyTuple): unknown {
  if (args.length > 0) throw expectedArgs('weakref', 0, 0, args.length);
  refState(self, '__call__');
  return referentOf(self as object) ?? null;
}

function refHash(self: unknown): unknown {
  const state = refState(self, '__hash__');
  if (state.hash !== undefined) return state.hash;
  const obj = state.target.deref();
  if (obj === undefined) throw new TypeError('weak object has gone away');
  state.hash = pyHash(obj);
  return state.hash;
}

/** CPython's weakref_richcompare: referents compared while both live, identity once either is dead. */
function refCompare(self: unknown, other: unknown, equal: boolean): unknown {
  if (!isWeakref(self) || !isWeakref(other)) return NotImplemented;
  const a = referentOf(self);
  const b = referentOf(other);
  if (a === undefined || b === undefined) return (self === other) === equal;
  return equal ? eq(a, b) : ne(a, b);
}

function refRepr(self: unknown): string {
  refState(self, '__repr__');
  const obj = referentOf(self as object);
  if (obj === undefined) return `<weakref at ${address(self)}; dead>`;
  const name = specialName(obj);
  const to = `<weakref at ${address(self)}; to '${tpName(obj)}' at ${address(obj)}`;
  return typeof name === 'string' ? `${to} (${name})>` : `${to}>`;
}

const refHashMethod = pyFunction('self, /', 'ReferenceType.__hash__', Q, refHash);

/**
 * `__name__` as CPython's repr looks it up, on the type (_PyObject_LookupSpecial):
 * a function's and a class's own, an instance's only from its class (a class
 * attribute or property), none for a bound method or a module.
 */
function specialName(obj: object): unknown {
  const cls = pyClassOf(obj);
  if (cls !== undefined && !isClassLike(obj)) {
    if (classAttribute(cls, '__name__') === undefined) return undefined;
  } else if ((obj as PyCallable)[BOUND] !== undefined || isModule(obj)) {
    return undefined;
  }
  try {
    return getattr(obj, '__name__');
  } catch (e) {
    if (e instanceof AttributeError) return undefined;
    throw e;
  }
}

export const ReferenceType: PyClass = pyClass('ReferenceType', Q, [], {
  __slots__: PyTuple.of(),
  __new__: new PyStaticMethod(refNew),
  __init__: pyFunction('self, /, *args, **kwargs', 'ReferenceType.__init__', Q, (_self: unknown, args: PyTuple, kwargs: PyDict) => {
    if (kwargs.$size > 0) throw new TypeError('ref() takes no keyword arguments');
    if (args.length < 1 || args.length > 2) throw expectedArgs('__init__', 1, 2, args.length);
    return null;
  }),
  __call__: pyFunction('self, /, *args', 'ReferenceType.__call__', Q, refCall),
  __hash__: refHashMethod,
  __eq__: pyFunction('self, other, /', 'ReferenceType.__eq__', Q, (self: unknown, other: unknown) => refCompare(self, other, true)),
  __ne__: pyFunction('self, other, /', 'ReferenceType.__ne__', Q, (self: unknown, other: unknown) => refCompare(self, other, false)),
  __repr__: pyFunction('self, /', 'ReferenceType.__repr__', Q, refRepr),
  __callback__: new PyProperty(pyFunction('self', 'ReferenceType.__callback__', Q, (self: unknown) => refState(self, '__callback__').callback)),
  __class_getitem__: pyClassMethod(GenericAlias),
});
Object.defineProperty(ReferenceType, TYPE_NAME, { value: 'weakref.ReferenceType' });

/** weakref.py's KeyedRef: a ref carrying the key its WeakValueDictionary entry has. */
export const KeyedRef: PyClass = pyClass('KeyedRef', Q, [ReferenceType], {
  __doc__: "Specialized reference that includes a key corresponding to the value.\n\n    This is used in the WeakValueDictionary to avoid having to create\n    a function object for each key stored in the mapping.  A shared\n    callback object can use the 'key' attribute of a KeyedRef instead\n    of getting a reference to the key from an enclosing scope.\n\n    ",
  __slots__: PyTuple.of('key'),
  __new__: new PyStaticMethod(pyFunction('type, ob, callback, key', 'KeyedRef.__new__', Q, (cls: unknown, ob: unknown, callback: unknown, key: unknown) => {
    const r = refNew(cls, ob, callback);
    setattr(r, 'key', key);
    return r;
  })),
  __init__: pyFunction('self, ob, callback, key', 'KeyedRef.__init__', Q, () => null),
});

interface WeakMethodSlots {
  _func_ref: unknown;
  _meth_type: unknown;
  _alive: boolean;
}

/** weakref.py's WeakMethod: a ref to a bound method's object and function, which gives a new bound method while both live. */
export const WeakMethod: PyClass = pyClass('WeakMethod', Q, [ReferenceType], {
  __doc__: '\n    A custom `weakref.ref` subclass which simulates a weak reference to\n    a bound method, working around the lifetime problem of bound methods.\n    ',
  __slots__: PyTuple.of('_func_ref', '_meth_type', '_alive', '__weakref__'),
  __new__: new PyStaticMethod(pyFunction('cls, meth, callback=', 'WeakMethod.__new__', Q, (cls: unknown, meth: unknown, callback: unknown = null) => {
    let obj: unknown;
    let func: unknown;
    try {
      obj = getattr(meth, '__self__');
      func = getattr(meth, '__func__');
    } catch (e) {
      if (e instanceof AttributeError) throw new TypeError(`argument should be a bound method, not ${repr(type(meth))}`);
      throw e;
    }
    let selfRef: unknown = null;
    const cb = pyFunction('arg', 'WeakMethod.__new__.<locals>._cb', Q, () => {
      const me = call(selfRef, [], null) as (WeakMethodSlots & object) | null;
      if (me !== null && me._alive) {
        me._alive = false;
        if (callback !== null) call(callback, [me], null);
      }
      return null;
    });
    const me = refNew(cls, obj, cb) as WeakMethodSlots & object;
    setattr(me, '_func_ref', call(ReferenceType, [func, cb], null));
    setattr(me, '_meth_type', type(meth));
    setattr(me, '_alive', true);
    selfRef = call(ReferenceType, [me], null);
    return me;
  })),
  __call__: pyFunction('self', 'WeakMethod.__call__', Q, (self: WeakMethodSlots & object) => {
    const obj = referentOf(self);
    const func = call(self._func_ref, [], null);
    if (obj === undefined || func === null) return null;
    // The runtime's bound methods are made by binding, not by calling their type.
    if (self._meth_type === methodType) return bindMethod(func, obj);
    return call(self._meth_type, [func, obj], null);
  }),
  __eq__: pyFunction('self, other', 'WeakMethod.__eq__', Q, (self: WeakMethodSlots & object, other: unknown) => {
    if (!isWeakMethod(other)) return NotImplemented;
    if (!self._alive || !other._alive) return self === other;
    return truthy(refCompare(self, other, true)) && truthy(eq(self._func_ref, other._func_ref));
  }),
  __ne__: pyFunction('self, other', 'WeakMethod.__ne__', Q, (self: WeakMethodSlots & object, other: unknown) => {
    if (!isWeakMethod(other)) return NotImplemented;
    if (!self._alive || !other._alive) return self !== other;
    return truthy(refCompare(self, other, false)) || truthy(ne(self._func_ref, other._func_ref));
  }),
  // weakref.py's `__hash__ = ref.__hash__`: defining __eq__ would otherwise leave it unhashable.
  __hash__: refHashMethod,
});

function isWeakMethod(v: unknown): v is WeakMethodSlots & object {
  return isinstance(v, WeakMethod);
}

