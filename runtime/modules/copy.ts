/**
 * Python's `copy` module: copy and deepcopy as CPython's copy.py does them —
 * immutable values are their own copies, the builtin containers copy
 * directly, `__copy__`/`__deepcopy__(memo)` win, and other objects go
 * through the reduce protocol (a class's `__reduce_ex__`/`__reduce__`, or
 * object's: a new instance of the class with the attributes copied). The
 * memo is a dict keyed by id(), as user `__deepcopy__` methods expect.
 * Its exports are exactly the module's attributes.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { Exception, TypeError, isBaseException } from '../builtins/exceptions.js';
import { callableClass } from '../builtins/callableClass.js';
import { BASE_VALUE, PyBoxed, PyBytes, PyComplex, PyFloat, PyTuple, typeName } from '../builtins/values.js';
import { PyDict } from '../builtins/dict.js';
import { PyFrozenSet, PySet } from '../builtins/set.js';
import { PyByteArray } from '../builtins/bytearray.js';
import { PyRange } from '../builtins/range.js';
import { PySlice, setitem } from '../builtins/items.js';
import { id } from '../builtins/functions.js';
import { call } from '../builtins/calls.js';
import { callMethod, getattr } from '../builtins/attributes.js';
import { isClassLike, pyClassOf, object as objectClass, type PyClass } from '../builtins/classes.js';
import { iterate } from '../builtins/iteration.js';
import { isModule } from './support/namespaces.js';
import { NotImplemented } from '../builtins/notImplemented.js';
import { Ellipsis } from '../builtins/types.js';
import { PyProperty } from '../builtins/classes.js';
import { pyFunction } from './support/pydef.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './copy.js';

export const __name__ = 'copy';
loadedModules.$set('copy', self);

export const Error = callableClass(class Error extends Exception {
  static readonly __module__ = 'copy';
});
export const error = Error;
export const dispatch_table = new PyDict();

/** Values that are their own copies, shallow or deep. */
function isAtomic(x: unknown): boolean {
  if (x === null || x === undefined) return true;
  switch (typeof x) {
    case 'number':
    case 'bigint':
    case 'boolean':
    case 'string':
    case 'symbol':
      return true;
    case 'function':
      // Functions and classes (a metaclass's too); an instance of a class with __call__ is an object to copy.
      return pyClassOf(x) === undefined || isClassLike(x);
  }
  return (
    x instanceof PyFloat || x instanceof PyComplex || x instanceof PyBytes || x instanceof PyRange || x instanceof PySlice ||
    x === NotImplemented || x === Ellipsis || x instanceof PyProperty || isClassLike(x)
  );
}

/** A special method of x's class (a Python class's own, not object's), or undefined. */
function classMethod(x: object, name: string): unknown {
  const cls = pyClassOf(x);
  if (cls === undefined) return undefined;
  const f = (Object.getPrototypeOf(x) as Record<string, unknown>)[name];
  const base = (objectClass as PyClass).prototype[name];
  return typeof f === 'function' && f !== base ? f : undefined;
}

function cannotPickle(x: unknown): TypeError {
  return new TypeError(`cannot pickle '${typeName(x)}' object`);
}

/** A bare instance of x's class with x's layout (a list, dict, set or tuple subclass keeps its kind). */
function bareLike(x: object, cls: PyClass, items: readonly unknown[] | null): object {
  const target = cls as unknown as new () => object;
  if (x instanceof PyTuple) {
    const t = Reflect.construct(PyTuple, [], target) as PyTuple;
    (items ?? []).forEach((v, i) => (t[i] = v));
    return t;
  }
  if (Array.isArray(x)) return Reflect.construct(Array, [], target);
  if (x instanceof PyDict) return Reflect.construct(PyDict, [], target);
  if (x instanceof PyFrozenSet) return Reflect.construct(PyFrozenSet, [], target);
  if (x instanceof PySet) return Reflect.construct(PySet, [], target);
  // A bytearray subclass's instance: its contents, as bytearray's `__reduce_ex__` gives them to the class.
  if (x instanceof PyByteArray) return Reflect.construct(PyByteArray, [x.view.slice()], target);
  const bare = Object.create(Object.getPrototypeOf(x) as object) as object;
  // An int, float, str or bytes subclass's instance: its value is its `__reduce_ex__`'s argument (immutable, shared).
  if (x instanceof PyBoxed) (bare as PyBoxed)[BASE_VALUE] = x[BASE_VALUE];
  return bare;
}

type Memo = PyDict | null;

/** The own properties a dict or set has for its items, which are not Python attributes. */
const DICT_FIELDS = new Set(Object.keys(new PyDict()));
const SET_FIELDS = new Set(Object.keys(new PySet()));
const BYTEARRAY_FIELDS = new Set(Object.keys(new PyByteArray()));

/** x's Python attributes (its `__dict__`): own properties, not its items. */
function attributeKeys(x: object): string[] {
  const fields = x instanceof PyDict ? DICT_FIELDS : x instanceof PySet || x instanceof PyFrozenSet ? SET_FIELDS
    : x instanceof PyByteArray ? BYTEARRAY_FIELDS : null;
  const array = Array.isArray(x);
  return Object.keys(x).filter((k) => !(array && /^(0|[1-9]\d*)$/.test(k)) && !(fields?.has(k) ?? false));
}

function deep(v: unknown, memo: Memo): unknown {
  return memo === null ? v : deepcopyImpl(v, memo);
}

/**
 * object.__reduce_ex__(4) and _reconstruct for an instance of a Python
 * class: a new instance, then its attributes, list items or dict items.
 */
function reconstructInstance(x: object, memo: Memo): object {
  const cls = pyClassOf(x)!;
  const items = x instanceof PyTuple ? [...x].map((v) => deep(v, memo)) : null;
  const y = bareLike(x, cls, items);
  if (memo !== null) memo.$set(id(x), y);
  let state: unknown = null;
  if (classMethod(x, '__getstate__') !== undefined) state = callMethod(x, '__getstate__');
  else {
    const keys = attributeKeys(x);
    if (keys.length > 0) {
      const attrs = new PyDict();
      for (const k of keys) attrs.$set(k, (x as Record<string, unknown>)[k]);
      state = attrs;
    }
  }
  if (state !== null && state !== undefined) {
    const copied = deep(state, memo);
    if (classMethod(y, '__setstate__') !== undefined) callMethod(y, '__setstate__', copied);
    else if (copied instanceof PyDict) for (const k of copied) (y as Record<string, unknown>)[k as string] = PyDict.prototype.$get.call(copied, k);
  }
  if (Array.isArray(x) && !(x instanceof PyTuple)) {
    for (const item of [...x]) (y as unknown[]).push(deep(item, memo));
  } else if (x instanceof PyDict) {
    for (const k of [...x]) (y as PyDict).$set(deep(k, memo), deep(PyDict.prototype.$get.call(x, k), memo));
  } else if (x instanceof PySet && y instanceof PySet) {
    for (const k of [...x]) y.$add(deep(k, memo));
  }
  return y;
}

/** _reconstruct(x, memo, *rv) for the tuple a `__reduce_ex__`/`__reduce__` returned. */
function reconstruct(x: object, rv: unknown, memo: Memo): unknown {
  if (typeof rv === 'string') return x;
  const parts = [...iterate(rv)];
  const [func, args, state, listiter, dictiter] = [parts[0], parts[1], parts[2] ?? null, parts[3] ?? null, parts[4] ?? null];
  const argv = [...iterate(memo !== null ? deep(args, memo) : args)];
  const y = call(func, argv, null);
  if (memo !== null) memo.$set(id(x), y);
  if (state !== null && state !== undefined) {
    const st = deep(state, memo);
    let setstate: unknown;
    try {
      setstate = getattr(y, '__setstate__');
    } catch {
      setstate = undefined;
    }
    if (setstate !== undefined) call(setstate, [st], null);
    else if (st instanceof PyDict) for (const k of st) (y as Record<string, unknown>)[k as string] = PyDict.prototype.$get.call(st, k);
  }
  if (listiter !== null) for (const item of iterate(listiter)) callMethod(y, 'append', deep(item, memo));
  if (dictiter !== null) {
    for (const pair of iterate(dictiter)) {
      const [k, v] = [...iterate(pair)];
      setitem(y, deep(k, memo), deep(v, memo));
    }
  }
  return y;
}

function reduceOf(x: object): unknown {
  if (classMethod(x, '__reduce_ex__') !== undefined) return callMethod(x, '__reduce_ex__', 4);
  if (classMethod(x, '__reduce__') !== undefined) return callMethod(x, '__reduce__');
  return undefined;
}

function copyImpl(x: unknown): unknown {
  if (isAtomic(x)) return x;
  const obj = x as object;
  const own = pyClassOf(obj);
  if (own === undefined) {
    if (x instanceof PyTuple || x instanceof PyFrozenSet) return x;
    if (Array.isArray(x)) return x.slice();
    if (x instanceof PyDict) return new PyDict(entries(x));
    if (x instanceof PySet) {
      const s = new PySet();
      for (const v of x) s.$add(v);
      return s;
    }
    if (x instanceof PyByteArray) return call(getattr(x, 'copy'), [], null);
    // A runtime object with a copy method of its own (itertools.tee's iterators).
    const ownCopy = (x as { __copy__?: unknown }).__copy__;
    if (typeof ownCopy === 'function') return (ownCopy as () => unknown).call(x);
    // A builtin exception: rebuilt from BaseException.__reduce__'s class, args and `__dict__`.
    if (isBaseException(x)) return reconstruct(obj, callMethod(x, '__reduce__'), null);
    throw cannotPickle(x);
  }
  if (classMethod(obj, '__copy__') !== undefined) return callMethod(obj, '__copy__');
  const rv = reduceOf(obj);
  if (rv !== undefined) return reconstruct(obj, rv, null);
  return reconstructInstance(obj, null);
}

function entries(d: PyDict): [unknown, unknown][] {
  return [...d].map((k) => [k, PyDict.prototype.$get.call(d, k)]);
}

function keepAlive(x: unknown, memo: PyDict): void {
  const key = id(memo);
  const list = PyDict.prototype.$get.call(memo, key) as unknown[] | undefined;
  if (list === undefined) memo.$set(key, [x]);
  else list.push(x);
}

function deepcopyImpl(x: unknown, memo: PyDict): unknown {
  const key = id(x);
  const found = PyDict.prototype.$get.call(memo, key);
  if (found !== undefined) return found;
  let y: unknown;
  if (isAtomic(x)) y = x;
  else {
    const obj = x as object;
    const own = pyClassOf(obj);
    if (own === undefined && Array.isArray(x) && !(x instanceof PyTuple)) {
      const out: unknown[] = [];
      memo.$set(key, out);
      for (const item of [...x]) out.push(deepcopyImpl(item, memo));
      y = out;
    } else if (own === undefined && x instanceof PyTuple) {
      const items = [...x].map((v) => deepcopyImpl(v, memo));
      const again = PyDict.prototype.$get.call(memo, key);
      if (again !== undefined) return again;
      y = items.every((v, i) => v === x[i]) ? x : PyTuple.fromArray(items);
    } else if (own === undefined && x instanceof PyDict) {
      const out = new PyDict();
      memo.$set(key, out);
      for (const [k, v] of entries(x)) out.$set(deepcopyImpl(k, memo), deepcopyImpl(v, memo));
      y = out;
    } else if (own === undefined && (x instanceof PySet || x instanceof PyFrozenSet)) {
      const items = [...x].map((v) => deepcopyImpl(v, memo));
      y = x instanceof PyFrozenSet ? new PyFrozenSet(items) : new PySet(items);
    } else if (own === undefined) {
      if (x instanceof PyByteArray) y = call(getattr(x, 'copy'), [], null);
      else if (isBaseException(x)) y = reconstruct(obj, callMethod(x, '__reduce__'), memo);
      else if (isModule(x)) throw cannotPickle(x);
      else throw cannotPickle(x);
    } else if (classMethod(obj, '__deepcopy__') !== undefined) {
      y = callMethod(obj, '__deepcopy__', memo);
    } else {
      const rv = reduceOf(obj);
      y = rv !== undefined ? reconstruct(obj, rv, memo) : reconstructInstance(obj, memo);
    }
  }
  if (y !== x) {
    memo.$set(key, y);
    keepAlive(x, memo);
  }
  return y;
}

export const copy = pyFunction('x', 'copy', 'copy', (x: unknown) => copyImpl(x));

export const deepcopy = pyFunction('x, memo=, _nil=', 'deepcopy', 'copy', (x: unknown, memo: unknown = null) => {
  const m = memo === null || memo === undefined ? new PyDict() : memo;
  if (!(m instanceof PyDict)) throw new TypeError(`'${typeName(m)}' object has no attribute 'get'`);
  return deepcopyImpl(x, m);
});
