/**
 * Attributes and method calls. Builtin values carry no JS methods of
 * Python's names (the runtime never patches built-ins), so `x.append(1)`
 * compiles to `$callMethod(x, 'append', 1)`, which finds the method in the
 * table of x's type; other objects use their own JS properties.
 */
import { BASE_VALUE, PyBoxed, PyBytes, PyComplex, PyFloat, PyTuple, isIntNumber, typeName } from './values.js';
import { BYTES_METHODS } from './bytes/methods.js';
import { AttributeError, TypeError, attributeNotFound } from './exceptions.js';
import { STR_METHODS, strFormat, strHooks } from './str.js';
import * as list from './list.js';
import * as tuple from './tuple.js';
import * as dict from './dict.js';
import * as set from './set.js';
import { list_sort } from './sort.js';
import {
  ANNOTATIONS, BOUND, BOUND_BUILTIN, DEFAULTS, DOC, MANY_ARGUMENTS, METHOD_OF, SIGNATURE, call, def, isPyFunction, type BoundBuiltin, type PyCallable,
} from './calls.js';
import { isSlotMethod } from './dunders.js';
import { closureOf, codeOf } from './codeObjects.js';
import { isModule, moduleDelattr, moduleGetattr, moduleSetattr } from '../modules/support/namespaces.js';
import {
  COMPLEX_ATTRIBUTES, COMPLEX_METHODS, FLOAT_ATTRIBUTES, FLOAT_METHODS, INT_ATTRIBUTES, INT_METHODS, BOOL_METHODS, BOOL_OWN_METHODS, intToBytes,
} from './numbers/methods.js';
import { PLAIN_GET, PLAIN_SET, attrKey, instanceKey, methodKey } from './attributeKeys.js';
import {
  CLASS, PySuper, bindMethod, deleteClassAttribute, findInstanceAttr, foundAttr, delInstanceAttr, getClassAttr, getInstanceAttr, instanceDict, isClassLike, setClassAttr,
  setInstanceAttr, superBuiltinMethod, superCall, superGetattr, type PyClass,
} from './classes.js';
import { isJsErrorProperty } from './classes/exceptionAttributes.js';
import { str } from './repr.js';
import { runtimeDunder } from './runtimeDunders.js';
import { checkDunderCall, dunderKeywordsError } from './dunderArity.js';
import { PyRange } from './range.js';
import { PySlice } from './items.js';
import { PyMemoryView } from './memoryview/view.js';
import { BYTEARRAY_METHOD_NAMES, BYTEARRAY_STATIC_NAMES, PyByteArray, makeByteArray } from './bytearray.js';
import { badArgument, checkPositional, type ClinicSignature, noArgs, unpackKeywords } from './arity.js';
import { dictSize, listSize, setSize } from './sizes.js';
import { classAttribute, guardClassAssign, ownInfo, ownPrototypes, pyClassOf } from './classes/model.js';
import { MISSING, instanceHooks } from './classes/instanceAttributes.js';
import { PyClassMethod, PyStaticMethod } from './classes/descriptors.js';
import { callSpecial, hasSpecial } from './special.js';

/** type(x) of a builtin value, for `x.__class__`: set by functions.ts, which defines the builtin types. */
export const attributeHooks: { typeOf?: (v: unknown) => unknown } = {};

function builtinTypeOf(v: unknown): unknown {
  return attributeHooks.typeOf ? attributeHooks.typeOf(v) : null;
}

type Method = (self: never, ...args: never[]) => unknown;

const SORT_POSITIONAL: ClinicSignature = { name: 'sort', params: ['key', 'reverse'], posonly: 0, minpos: 0, maxpos: 0 };

const LIST_METHODS: Record<string, Method> = {
  append: list.list_append, extend: list.list_extend, insert: list.list_insert, remove: list.list_remove,
  pop: list.list_pop, clear: list.list_clear, index: list.list_index, count: list.list_count,
  reverse: list.list_reverse, copy: list.list_copy,
  __sizeof__: function (self: unknown[]): number {
    if (arguments.length !== 1) noArgs('list.__sizeof__', arguments.length - 1);
    return listSize(self);
  } as Method,
  sort: ((self: unknown[], ...args: unknown[]) => {
    if (args.length > 0) unpackKeywords(SORT_POSITIONAL, args, null);
    return list_sort(self);
  }) as Method,
};

const TUPLE_METHODS: Record<string, Method> = {
  index: tuple.tuple_index, count: tuple.tuple_count,
  __getnewargs__: function (self: PyTuple): PyTuple {
    if (arguments.length !== 1) noArgs('tuple.__getnewargs__', arguments.length - 1);
    return PyTuple.of(PyTuple.fromArray([...self]));
  } as Method,
};

const DICT_METHODS: Record<string, Method> = {
  keys: dict.dict_keys, values: dict.dict_values, items: dict.dict_items, get: dict.dict_get,
  setdefault: dict.dict_setdefault, pop: dict.dict_pop, popitem: dict.dict_popitem, clear: dict.dict_clear,
  copy: dict.dict_copy,
  __sizeof__: function (self: dict.PyDict): number {
    if (arguments.length !== 1) noArgs('dict.__sizeof__', arguments.length - 1);
    let strKeys = true;
    for (const k of self) if (typeof k !== 'string') strKeys = false;
    return dictSize(self, self.$size, strKeys);
  } as Method,
  // Positional arguments only: dict_update's third parameter holds the keywords, which callMethodKw passes.
  update: function (d: dict.PyDict, other?: unknown): null {
    if (arguments.length > 2) checkPositional('update', arguments.length - 1, 0, 1);
    return dict.dict_update(d, other);
  } as Method,
};

/** set.__sizeof__ and frozenset's. */
function setSizeof(name: string): Method {
  return function (self: set.PyAnySet): number {
    if (arguments.length !== 1) noArgs(`${name}.__sizeof__`, arguments.length - 1);
    return setSize(self, self.$size);
  } as Method;
}

const FROZENSET_METHODS: Record<string, Method> = {
  __sizeof__: setSizeof('frozenset'),
  copy: set.set_copy, union: set.set_union, intersection: set.set_intersection, difference: set.set_difference,
  symmetric_difference: set.set_symmetric_difference, issubset: set.set_issubset, issuperset: set.set_issuperset,
  isdisjoint: set.set_isdisjoint,
};

const SET_METHODS: Record<string, Method> = {
  __sizeof__: setSizeof('set'),
  add: set.set_add, remove: set.set_remove, discard: set.set_discard, pop: set.set_pop, clear: set.set_clear,
  copy: set.set_copy, update: set.set_update, union: set.set_union, intersection: set.set_intersection,
  intersection_update: set.set_intersection_update, difference: set.set_difference,
  difference_update: set.set_difference_update, symmetric_difference: set.set_symmetric_difference,
  symmetric_difference_update: set.set_symmetric_difference_update, issubset: set.set_issubset,
  issuperset: set.set_issuperset, isdisjoint: set.set_isdisjoint,
};

export const TABLES = {
  bytes: BYTES_METHODS as Record<string, Method>,
  str: STR_METHODS as Record<string, Method>, list: LIST_METHODS, tuple: TUPLE_METHODS, dict: DICT_METHODS, set: SET_METHODS,
  frozenset: FROZENSET_METHODS, int: INT_METHODS, bool: BOOL_OWN_METHODS, float: FLOAT_METHODS, complex: COMPLEX_METHODS,
};

/** The builtin type functions (`str`, `list`…), whose attributes are their types' methods, unbound. */
const TYPE_TABLES = new Map<unknown, Record<string, Method>>();

export function registerBuiltinType(type: unknown, kind: keyof typeof TABLES): void {
  TYPE_TABLES.set(type, TABLES[kind]);
}

/** The method table of a builtin value's type, or null for other objects. */
function methodsOf(obj: unknown): Record<string, Method> | null {
  switch (typeof obj) {
    case 'string':
      return STR_METHODS as Record<string, Method>;
    case 'number':
      return isIntNumber(obj) ? INT_METHODS : FLOAT_METHODS;
    case 'bigint':
      return INT_METHODS;
    case 'boolean':
      return BOOL_METHODS;
    case 'object':
      break;
    default:
      return null;
  }
  if (obj === null) return null;
  // Exact types first: an instance of a Python subclass of list or dict finds its methods on its class.
  const proto = Object.getPrototypeOf(obj) as object | null;
  // Module namespaces (`struct.pack(...)` comes here) and other prototype-less objects: no builtin type.
  if (proto === null) return null;
  if (proto === Array.prototype) return LIST_METHODS;
  if (proto === PyTuple.prototype) return TUPLE_METHODS;
  if (proto === dict.PyDict.prototype) return DICT_METHODS;
  if (proto === set.PySet.prototype) return SET_METHODS;
  if (proto === set.PyFrozenSet.prototype) return FROZENSET_METHODS;
  if ((obj as Record<PropertyKey, unknown>)[CLASS] !== undefined) return null;
  if (obj instanceof PyBytes) return BYTES_METHODS;
  if (obj instanceof PyFloat) return FLOAT_METHODS;
  if (obj instanceof PyComplex) return COMPLEX_METHODS;
  if (obj instanceof PyTuple) return TUPLE_METHODS;
  if (Array.isArray(obj)) return LIST_METHODS;
  if (obj instanceof dict.PyDict) return DICT_METHODS;
  if (obj instanceof set.PyFrozenSet) return FROZENSET_METHODS;
  if (obj instanceof set.PyAnySet) return SET_METHODS;
  return null;
}

const EXACT_PROTOTYPES = new Set<object>([
  Array.prototype, PyTuple.prototype, dict.PyDict.prototype, set.PySet.prototype, set.PyFrozenSet.prototype,
  PyFloat.prototype, PyComplex.prototype, PyBytes.prototype,
]);

/** Data attributes of builtin values (`(5).real`, `z.imag`). */
function valueAttributes(obj: unknown): Record<string, (self: never) => unknown> | null {
  switch (typeof obj) {
    case 'number':
      return isIntNumber(obj) ? INT_ATTRIBUTES : FLOAT_ATTRIBUTES;
    case 'bigint':
    case 'boolean':
      return INT_ATTRIBUTES;
  }
  if (obj instanceof PyFloat) return FLOAT_ATTRIBUTES;
  if (obj instanceof PyComplex) return COMPLEX_ATTRIBUTES;
  return null;
}

function noAttribute(obj: unknown, name: string): AttributeError {
  if (isClassLike(obj)) {
    const fn = obj as { __name__?: string; name: string };
    return attributeNotFound(`type object '${fn.__name__ ?? fn.name}' has no attribute '${name}'`, name, obj);
  }
  return attributeNotFound(`'${typeName(obj)}' object has no attribute '${name}'`, name, obj);
}

/** `obj.name(...args)`. */
export function callMethod(obj: unknown, name: string, ...args: unknown[]): unknown {
  // None has only object's methods and NoneType's few.
  if (obj === null || obj === undefined) return call(getattr(obj, name), args, null);
  // A plain Python method of the object's class (see methodKey): called with the object first.
  const o = obj as Record<string, unknown>;
  const f = o[methodKey(name)];
  if (f !== undefined && o[name] === f && o[PLAIN_GET] !== false) return (f as (...a: unknown[]) => unknown)(obj, ...args);
  // `super().f(x)` in a method: before the builtin types' tests, which a super object never passes.
  if (obj instanceof PySuper) return superCall(obj, name, args, null);
  const table = methodsOf(obj);
  if (table !== null) {
    const method = table[name];
    // Not a method: a data attribute (`(5).real()` calls an int) or a class method, which getattr finds.
    if (method === undefined) return call(getattr(obj, name), args, null);
    // A special method called by name: its count checked as CPython's slot wrapper checks it.
    if (name.charCodeAt(0) === 95) checkDunderCall(ownerName(obj, table, name), name, args.length);
    return (method as (self: unknown, ...a: unknown[]) => unknown)(obj, ...args);
  }
  if (isModule(obj)) {
    // A module's functions are its globals: never bound.
    const g = o[name];
    return call(g !== undefined ? g : moduleGetattr(obj, name), args, null);
  }
  if (typeof obj === 'object') {
    if ((obj as Record<PropertyKey, unknown>)[CLASS] === undefined) {
      // A runtime object's JS method (a generator's send…).
      const g = o[name];
      if (typeof g === 'function' && !Object.hasOwn(obj, name) && (g as PyCallable)[SIGNATURE] === undefined && !isClassLike(g)
        && !(obj instanceof Error && isJsErrorProperty(obj, name))) {
        if (name.charCodeAt(0) === 95 && isRuntimeBuiltin(obj)) checkDunderCall(typeName(obj), name, args.length);
        return (g as (...a: unknown[]) => unknown).apply(obj, args);
      }
    }
  }
  return call(getattr(obj, name), args, null);
}

/** The signatures of the builtin methods that take keywords, by method table; the others take none. */
const sig = (name: string, params: readonly string[], maxpos = params.length, posonly = 0, minpos = 0): ClinicSignature => ({ name, params, posonly, minpos, maxpos });
const SPLIT = sig('split', ['sep', 'maxsplit']);
const RSPLIT = sig('rsplit', ['sep', 'maxsplit']);
const SPLITLINES = sig('splitlines', ['keepends']);
const EXPANDTABS = sig('expandtabs', ['tabsize']);
const SORT = sig('sort', ['key', 'reverse'], 0);
const BYTES_KEYWORDS: Record<string, ClinicSignature> = {
  split: SPLIT, rsplit: RSPLIT, splitlines: SPLITLINES, expandtabs: EXPANDTABS, decode: sig('decode', ['encoding', 'errors']),
  hex: sig('hex', ['sep', 'bytes_per_sep']), translate: sig('translate', ['table', 'delete'], 2, 1, 1),
};
const METHOD_SIGNATURES = new Map<Record<string, Method>, Record<string, ClinicSignature>>([
  [STR_METHODS as Record<string, Method>, { split: SPLIT, rsplit: RSPLIT, splitlines: SPLITLINES, expandtabs: EXPANDTABS, encode: sig('encode', ['encoding', 'errors']) }],
  [BYTES_METHODS as Record<string, Method>, BYTES_KEYWORDS],
  [LIST_METHODS, { sort: SORT }],
  [INT_METHODS, { to_bytes: sig('to_bytes', ['length', 'byteorder', 'signed'], 2) }],
  [BOOL_METHODS, { to_bytes: sig('to_bytes', ['length', 'byteorder', 'signed'], 2) }],
]);

/** The positional arguments of a builtin method called with keywords, as Argument Clinic binds them (trailing ones not given left off). */
function bindKeywords(signature: ClinicSignature, args: unknown[], kwargs: Record<string, unknown>): unknown[] {
  const bound = unpackKeywords(signature, args, kwargs);
  while (bound.length > 0 && bound[bound.length - 1] === undefined) bound.pop();
  return bound;
}

/**
 * object's special methods, which the builtin values show though their
 * method tables leave them out: attribute access by name, formatting with
 * an empty spec, and `__init__` (list's, dict's and set's start over; the
 * others' accept anything, their `__new__` having done the work).
 */
const OBJECT_DUNDERS: Record<string, (obj: unknown, ...args: unknown[]) => unknown> = {
  __getattribute__: (obj, name) => getattr(obj, name as string),
  __setattr__: (obj, name, value) => setattr(obj, name as string, value),
  __delattr__: (obj, name) => delattr(obj, name as string),
  __format__: (obj, spec) => {
    if (typeof spec !== 'string') throw badArgument('__format__', 'argument', 'str', spec);
    if (spec !== '') throw new TypeError(`unsupported format string passed to ${typeName(obj)}.__format__`);
    return str(obj);
  },
  __init__: (obj, ...args) => {
    if (obj instanceof PyByteArray) {
      const last = args[args.length - 1];
      const keywords = last !== null && typeof last === 'object' && Object.getPrototypeOf(last) === Object.prototype;
      const [source, encoding, errors] = unpackKeywords(BYTEARRAY_INIT, keywords ? args.slice(0, -1) : args, keywords ? last as Record<string, unknown> : null);
      obj.setItem(new PySlice(null, null, null), makeByteArray(source, encoding, errors));
      return null;
    }
    const init = (builtinTypeOf(obj) as { prototype?: { __init__?: unknown } } | null)?.prototype?.__init__;
    return typeof init === 'function' && (Array.isArray(obj) || obj instanceof dict.PyDict || obj instanceof set.PySet) ? init.apply(obj, args) : null;
  },
};

const BYTEARRAY_INIT: ClinicSignature = { name: 'bytearray', params: ['source', 'encoding', 'errors'], posonly: 0, minpos: 0, maxpos: 3 };

/** One of object's special methods bound to a builtin value (with its slot's argument check), or undefined. */
function objectDunder(obj: unknown, name: string): unknown {
  const f = OBJECT_DUNDERS[name];
  return f === undefined ? undefined : boundDunder(obj, name, f, objectDunderOwner(obj, name));
}

/** The type whose slot `obj.name` is, for its `__qualname__`: object's, but for the types with an `__init__` or `__format__` of their own. */
function objectDunderOwner(obj: unknown, name: string): string {
  if (name === '__init__' && (Array.isArray(obj) || obj instanceof dict.PyDict || obj instanceof set.PySet || obj instanceof PyByteArray)) return typeName(obj);
  if (name === '__format__' && (typeof obj === 'string' || typeof obj === 'number' || typeof obj === 'bigint' || typeof obj === 'boolean' || obj instanceof PyFloat || obj instanceof PyComplex)) {
    return typeof obj === 'boolean' ? 'int' : typeName(obj);
  }
  return 'object';
}

/** A special method bound to a builtin value, with its slot's argument check and its refusal of keywords. */
function boundDunder(obj: unknown, name: string, method: (self: never, ...args: never[]) => unknown, slotOwner?: string): unknown {
  const f = method as (self: unknown, ...args: unknown[]) => unknown;
  const owner = typeName(obj);
  const bound = (...args: unknown[]): unknown => {
    checkDunderCall(owner, name, args.length);
    return f(obj, ...args);
  };
  Object.defineProperty(bound, BOUND_BUILTIN, { value: slotOwner === undefined ? { self: obj, name } : { self: obj, name, type: slotOwner } });
  // Keywords: refused by the slot wrappers; `__init__` hands them on, trailing, as the call layer would.
  (bound as unknown as PyCallable).$kw = (args: unknown[], kwargs: Record<string, unknown>): unknown => {
    if (Object.keys(kwargs).length === 0) return bound(...args);
    const refusal = dunderKeywordsError(owner, name);
    if (refusal !== null) throw refusal;
    return f(obj, ...args, kwargs);
  };
  return bound;
}

/** A range, slice, memoryview or bytearray itself, which has no `__dict__` (a Python subclass's instance has one). */
function hasNoDict(obj: object): boolean {
  return isRuntimeBuiltin(obj) && pyClassOf(obj) === undefined;
}

/** The builtin types the runtime makes as classes of its own (range, slice, memoryview, bytearray): their special methods are JS methods. */
function isRuntimeBuiltin(obj: unknown): boolean {
  return obj instanceof PyRange || obj instanceof PySlice || obj instanceof PyMemoryView || obj instanceof PyByteArray;
}

/** The name of the type that defines a builtin value's method `name`, as its complaints name it (bool's are int's, but for bool's own). */
function ownerName(obj: unknown, table: Record<string, Method>, name: string): string {
  if (table === BOOL_METHODS) return Object.hasOwn(BOOL_OWN_METHODS, name) ? 'bool' : 'int';
  return table === INT_METHODS ? 'int' : typeName(obj);
}

/** `obj.name(*args, **kwargs)`. */
export function callMethodKw(obj: unknown, name: string, args: unknown[], kwargs: Record<string, unknown> | null): unknown {
  // Too many arguments for the stack (`asyncio.gather(*coros)` of 100,000): call() packs them for a `*args` parameter.
  if (args.length > MANY_ARGUMENTS && methodsOf(obj) === null) {
    return obj instanceof PySuper ? superCall(obj, name, args, kwargs) : call(getattr(obj, name), args, kwargs);
  }
  if (kwargs === null) return callMethod(obj, name, ...args);
  if (typeof obj === 'string' && name === 'format') return strFormat(obj, args, kwargs);
  // dict.update(**kwargs), unless a subclass defines its own update (Counter's adds).
  if (obj instanceof dict.PyDict && name === 'update' && (obj as { update?: PyCallable }).update?.[SIGNATURE] === undefined) {
    if (args.length > 1) checkPositional('update', args.length, 0, 1);
    return dict.dict_update(obj, args[0], kwargs);
  }
  const table = methodsOf(obj);
  if (table !== null) {
    // Not a method: a data attribute or a class method, which getattr finds (or reports missing).
    if (table[name] === undefined) return call(getattr(obj, name), args, kwargs);
    const signature = METHOD_SIGNATURES.get(table)?.[name];
    if (signature === undefined) {
      // `f(x, **{})` passes no keywords.
      if (Object.keys(kwargs).length === 0) return callMethod(obj, name, ...args);
      throw dunderKeywordsError(ownerName(obj, table, name), name) ?? new TypeError(`${ownerName(obj, table, name)}.${name}() takes no keyword arguments`);
    }
    const bound = bindKeywords(signature, args, kwargs);
    // Keyword-only parameters: the methods' positional entries refuse them.
    if (name === 'sort' && Array.isArray(obj)) return list_sort(obj as unknown[], ...(bound as [unknown?, unknown?]));
    if (name === 'to_bytes' && (table === INT_METHODS || table === BOOL_METHODS)) return intToBytes(obj, ...bound);
    return callMethod(obj, name, ...bound);
  }
  if (obj instanceof PySuper) {
    // `super().sort(reverse=True)` in a list subclass: a builtin type's method, which takes its keywords in order.
    if (name === 'update' && obj.self instanceof dict.PyDict && superBuiltinMethod(obj, name) !== undefined) return dict.dict_update(obj.self, args[0], kwargs);
    const selfTable = builtinTableOf(obj.self);
    const signature = selfTable !== null ? METHOD_SIGNATURES.get(selfTable)?.[name] : undefined;
    const builtin = signature !== undefined ? superBuiltinMethod(obj, name) : undefined;
    if (builtin !== undefined) {
      const bound = bindKeywords(signature!, args, kwargs);
      if (name === 'sort' && Array.isArray(obj.self)) return list_sort(obj.self as unknown[], ...(bound as [unknown?, unknown?]));
      if (name === 'to_bytes' && selfTable === INT_METHODS) return intToBytes(obj.self instanceof PyBoxed ? obj.self[BASE_VALUE] : obj.self, ...bound);
      return builtin.apply(obj.self, bound);
    }
    return superCall(obj, name, args, kwargs);
  }
  if (name.charCodeAt(0) === 95 && isRuntimeBuiltin(obj) && Object.keys(kwargs).length > 0 && typeof (obj as Record<string, unknown>)[name] === 'function') {
    const refusal = dunderKeywordsError(typeName(obj), name);
    if (refusal !== null) throw refusal;
  }
  if (obj instanceof PyByteArray && (BYTEARRAY_METHOD_NAMES.includes(name) || BYTEARRAY_STATIC_NAMES.includes(name))) {
    // bytearray's methods take keywords where bytes' do.
    const signature = BYTES_KEYWORDS[name];
    if (signature !== undefined) return callMethod(obj, name, ...bindKeywords(signature, args, kwargs));
    if (Object.keys(kwargs).length > 0) throw new TypeError(`bytearray.${name}() takes no keyword arguments`);
    return callMethod(obj, name, ...args);
  }
  return call(getattr(obj, name), args, kwargs);
}

/** The method table of the builtin type a value's class derives from (a list subclass's instance has list's). */
function builtinTableOf(v: unknown): Record<string, Method> | null {
  const value = v instanceof PyBoxed ? v[BASE_VALUE] : v;
  if (typeof value === 'string') return STR_METHODS as Record<string, Method>;
  if (value instanceof PyBytes) return BYTES_METHODS as Record<string, Method>;
  if (Array.isArray(value) && !(value instanceof PyTuple)) return LIST_METHODS;
  if ((typeof value === 'number' && isIntNumber(value)) || typeof value === 'bigint' || typeof value === 'boolean') return INT_METHODS;
  return null;
}

/** A name that is not a JS string: a str subclass's instance is its value, anything else a TypeError. */
function attributeName(name: unknown): string {
  if (name instanceof PyBoxed && typeof name[BASE_VALUE] === 'string') return name[BASE_VALUE];
  throw new TypeError(`attribute name must be string, not '${typeName(name)}'`);
}

/** `obj.name`, and the builtin getattr(obj, name[, default]). */
export function getattr(obj: unknown, name: string, ...fallback: unknown[]): unknown {
  if (fallback.length > 0) {
    if (fallback.length > 1) checkPositional('getattr', fallback.length + 2, 2, 3);
    try {
      return getattr(obj, name);
    } catch (e) {
      if (e instanceof AttributeError) return fallback[0];
      throw e;
    }
  }
  if (typeof name !== 'string') {
    // The builtin called with too few arguments comes here, its name being undefined.
    if (arguments.length < 2) checkPositional('getattr', arguments.length, 2, 3);
    name = attributeName(name);
  }
  // The hot path: a data attribute of an instance of a Python class (its own, or a class constant).
  if (typeof obj === 'object' && obj !== null && (obj as Record<string, unknown>)[PLAIN_GET] === true) {
    const key = attrKey(name);
    const v = (obj as Record<string, unknown>)[key];
    if (v !== undefined) return typeof v !== 'function' ? v : foundAttr(obj, key, v);
  }
  const table = methodsOf(obj);
  if (table !== null) {
    const method = table[name];
    // dict's class method reached from a dict (`{}.fromkeys`): bound to the type, as the type gives it.
    if (name === 'fromkeys' && table === DICT_METHODS) return getClassAttr(builtinTypeOf(obj) as PyClass, name);
    if (method !== undefined) {
      const owner = name.charCodeAt(0) === 95 ? ownerName(obj, table, name) : null;
      const bound = (...args: unknown[]): unknown => {
        if (owner !== null) checkDunderCall(owner, name, args.length);
        return (method as (self: unknown, ...a: unknown[]) => unknown)(obj, ...args);
      };
      Object.defineProperty(bound, BOUND_BUILTIN, { value: { self: obj, name, type: ownerName(obj, table, name) } });
      return bound;
    }
    const attribute = valueAttributes(obj)?.[name];
    if (attribute !== undefined) return (attribute as (self: unknown) => unknown)(obj);
    if (name === '__class__') return builtinTypeOf(obj);
    // list's, dict's and set's `__hash__` is None: they are unhashable.
    if (name === '__hash__' && (table === LIST_METHODS || table === DICT_METHODS || table === SET_METHODS)) return null;
    const inherited = objectDunder(obj, name);
    if (inherited !== undefined) return inherited;
    if ((name === 'from_bytes' && (table === INT_METHODS || table === BOOL_METHODS)) || (name === 'fromhex' && table === FLOAT_METHODS)) {
      // A class method reached from an instance (`(5).from_bytes(b)`): the type's, bound to the type.
      return getClassAttr(builtinTypeOf(obj) as PyClass, name);
    }
    // A runtime subclass of a builtin type (sys.version_info, a tuple with named fields) has attributes of its own.
    if (typeof obj === 'object' && obj !== null && !EXACT_PROTOTYPES.has(Object.getPrototypeOf(obj) as object) && name in obj) {
      return getInstanceAttr(obj, name);
    }
    const found = typeAttribute(obj, name);
    if (found !== MISSING) return found;
    throw noAttribute(obj, name);
  }
  if (obj === null || obj === undefined) {
    if (name === '__class__') return builtinTypeOf(obj);
    const found = typeAttribute(obj, name);
    if (found !== MISSING) return found;
    throw noAttribute(obj, name);
  }
  if (typeof obj === 'function') {
    if (isClassLike(obj)) return getClassAttr(obj as PyClass, name);
    // An instance of a Python class with `__call__` is a JS function too.
    if ((obj as unknown as Record<PropertyKey, unknown>)[CLASS] !== undefined) return getInstanceAttr(obj, name);
    const typeTable = TYPE_TABLES.get(obj);
    if (typeTable !== undefined && typeTable[name] !== undefined) return typeTable[name];
    return functionAttr(obj as PyCallable, name);
  }
  if (typeof obj === 'object') {
    if (obj instanceof PySuper) return superGetattr(obj, name);
    if (isModule(obj)) return moduleGetattr(obj, name);
    if (name.charCodeAt(0) === 95 && isRuntimeBuiltin(obj) && !(name in obj)) {
      const operator = runtimeDunder(obj, name);
      if (operator === null) return null;
      const inherited = operator !== undefined ? boundDunder(obj, name, operator) : objectDunder(obj, name);
      if (inherited !== undefined) return inherited;
    }
    return getInstanceAttr(obj, name);
  }
  if (name === '__class__') return builtinTypeOf(obj);
  throw noAttribute(obj, name);
}

/**
 * The attribute `name` of obj's type (its namespace, then its bases' up to
 * object's), bound for obj: what a value whose own lookup found nothing
 * still has — object's methods (`(5).__reduce_ex__`, `None.__sizeof__`),
 * a type's class methods and data descriptors, its `__doc__`. The slow path
 * of a lookup about to fail; MISSING when the type has nothing either.
 */
function typeAttribute(obj: unknown, name: string): unknown {
  const cls = builtinTypeOf(obj);
  if (!isClassLike(cls)) return MISSING;
  const entry = classAttribute(cls as PyClass, name);
  if (entry === undefined) return MISSING;
  // A runtime class's namespace holds its JS prototype's names: the object's own lookup gave those, or hid them (an Error's `name`).
  if (ownInfo(entry.owner)?.prototypeMethods === true && ownPrototypes(entry.owner).some((p) => Object.hasOwn(p, attrKey(name)))) return MISSING;
  const value = entry.value;
  switch (name) {
    case '__doc__':
      // Every type has its own (object's is object's alone).
      return entry.owner === cls ? value : null;
    case '__hash__':
      // A builtin container subclass's instance is as unhashable as the container.
      if (Array.isArray(obj) && !(obj instanceof PyTuple) || obj instanceof dict.PyDict || obj instanceof set.PySet || obj instanceof PyByteArray) return null;
  }
  if (value instanceof PyStaticMethod) return value.__func__;
  if (value instanceof PyClassMethod) return bindMethod(value.__func__, cls);
  if (typeof value === 'function' && !isClassLike(value)) {
    if (isPyFunction(value)) return bindMethod(value, obj);
    // A builtin type's method (object's included) works on the object passed first.
    return boundDunder(obj, name, value as Method, String((entry.owner as PyClass).__name__));
  }
  if (typeof value === 'object' && value !== null && hasSpecial(value, '__get__')) return callSpecial(value, '__get__', obj, cls);
  return value;
}
instanceHooks.typeAttribute = typeAttribute;

/**
 * getattr(obj, name, absent) as CPython's _PyObject_LookupAttr gives it to
 * C code: an ordinary instance's missing attribute is told without raising
 * (and catching) an AttributeError, for checks made on every call such as
 * io's `closed`. Everything else goes through getattr.
 */
export function lookupAttr(obj: unknown, name: string, absent: unknown): unknown {
  if (typeof obj === 'object' && obj !== null && methodsOf(obj) === null && !(obj instanceof PySuper) && !isModule(obj) && !isRuntimeBuiltin(obj)) {
    return findInstanceAttr(obj, name, absent);
  }
  return getattr(obj, name, absent);
}

function dictFromObject(o: Record<string, unknown>): dict.PyDict {
  const d = new dict.PyDict();
  for (const k of Object.keys(o)) d.$set(k, o[k]);
  return d;
}

/** `__name__`, `__qualname__`, `__self__`… of a builtin type's method (`list.append`, `[].append`), or undefined for others. */
function builtinMethodAttr(fn: PyCallable, method: BoundBuiltin | NonNullable<PyCallable[typeof METHOD_OF]>, name: string): unknown {
  const bound = fn[BOUND_BUILTIN];
  switch (name) {
    case '__name__':
      return method.name;
    case '__qualname__': {
      // A slot's method-wrapper and an unbound method name the defining type; a bound built-in method its object's type
      // (`L().append` is `L.append`), or the type it is bound to (`dict.fromkeys`).
      if (bound === undefined || isSlotMethod(method.type ?? typeName(bound.self), method.name)) return `${method.type ?? typeName(bound!.self)}.${method.name}`;
      const self = bound.self;
      return `${isClassLike(self) ? (self as PyClass).__name__ : typeName(self)}.${method.name}`;
    }
    case '__self__':
      return bound === undefined ? undefined : bound.isStatic === true ? null : bound.self;
    case '__module__':
      return null;
  }
  return undefined;
}

/** Attributes of functions: their names from the signature, else what was assigned to them. */
function functionAttr(fn: PyCallable, name: string): unknown {
  const bound = fn[BOUND];
  if (bound !== undefined && name !== '__self__' && name !== '__func__') {
    // A bound method shows its function's attributes.
    return getattr(bound.func, name);
  }
  const key = instanceKey(fn, name);
  const own = (fn as unknown as Record<string, unknown>)[key];
  if (own !== undefined && Object.hasOwn(fn, key)) return own;
  const builtin = fn[BOUND_BUILTIN] ?? fn[METHOD_OF];
  if (builtin !== undefined) {
    // A builtin type's method, bound (`[].append`) or as the type holds it (`list.append`).
    const named = builtinMethodAttr(fn, builtin, name);
    if (named !== undefined) return named;
  }
  const sig = fn[SIGNATURE];
  switch (name) {
    case '__name__':
      return sig?.name ?? (fn as unknown as { __name__?: string }).__name__ ?? fn.name;
    case '__qualname__':
      return sig?.qualname ?? fn.name;
    case '__doc__':
      return (fn as { [DOC]?: string })[DOC] ?? null;
    case '__module__':
      return sig?.module ?? '__main__';
    case '__code__': {
      const code = codeOf(fn);
      if (code !== undefined) return code;
      break;
    }
    case '__closure__':
      if (sig !== undefined) return closureOf(fn);
      break;
    case '__defaults__': {
      const d = fn[DEFAULTS]?.defaults;
      return d ? PyTuple.fromArray(d) : null;
    }
    case '__kwdefaults__': {
      const d = fn[DEFAULTS]?.kwdefaults;
      return d ? dictFromObject(d) : null;
    }
    case '__annotations__': {
      if (sig === undefined) break;
      // Made on first use and kept, so that changes to it stay, as the dict CPython keeps on the function.
      const annotations = dictFromObject((fn as { [ANNOTATIONS]?: Record<string, unknown> })[ANNOTATIONS] ?? {});
      (fn as unknown as Record<string, unknown>)[key] = annotations;
      return annotations;
    }
    case '__dict__':
      return instanceDict(fn);
    case '__self__':
      if (fn[BOUND] !== undefined) return fn[BOUND].self;
      break;
    case '__func__':
      if (fn[BOUND] !== undefined) return fn[BOUND].func;
      break;
    case '__get__':
      // A Python function is a descriptor: `f.__get__(obj, cls)` binds it to obj (or gives it as it is for None).
      if (sig !== undefined && !isClassLike(fn)) {
        return def((obj: unknown, _type: unknown = null) => (obj === null || obj === undefined ? fn : bindMethod(fn, obj)),
          'instance, owner=None, /', `${String(sig.qualname)}.__get__`, sig.module);
      }
      break;
  }
  if (own !== undefined) return own;
  if (name === '__class__') return builtinTypeOf(fn);
  const found = typeAttribute(fn, name);
  if (found !== MISSING) return found;
  throw attributeNotFound(`'${fn[BOUND] !== undefined ? 'method' : typeName(fn)}' object has no attribute '${name}'`, name, fn);
}

/** `obj.name = value`, and the builtin setattr. */
export function setattr(obj: unknown, name: string, value: unknown): null {
  if (arguments.length !== 3) checkPositional('setattr', arguments.length, 3, 3);
  if (typeof name !== 'string') name = attributeName(name);
  // The hot path: an instance whose class has no `__setattr__` of its own and no `__slots__`.
  if (typeof obj === 'object' && obj !== null && (obj as Record<string, unknown>)[PLAIN_SET] === true && typeof value !== 'function') {
    (obj as Record<string, unknown>)[attrKey(name)] = value;
    return null;
  }
  if (obj !== null && (typeof obj === 'object' || typeof obj === 'function') && methodsOf(obj) === null && !hasNoDict(obj)) {
    if (typeof obj === 'function' && isClassLike(obj)) setClassAttr(obj as PyClass, name, value);
    else if (isModule(obj)) moduleSetattr(obj, name, value);
    else setInstanceAttr(obj, name, value);
    return null;
  }
  if (name === '__class__') throw new TypeError('__class__ assignment only supported for mutable types or ModuleType subclasses');
  throw new AttributeError(`'${typeName(obj)}' object has no attribute '${name}'`);
}

/** `del obj.name`, and the builtin delattr. */
export function delattr(obj: unknown, name: string): null {
  if (arguments.length !== 2) checkPositional('delattr', arguments.length, 2, 2);
  if (typeof name !== 'string') name = attributeName(name);
  if (obj !== null && (typeof obj === 'object' || typeof obj === 'function') && methodsOf(obj) === null && !hasNoDict(obj)) {
    if (typeof obj === 'function' && isClassLike(obj)) {
      guardClassAssign(obj as PyClass, name, true);
      deleteClassAttribute(obj as PyClass, name);
    }
    else if (isModule(obj)) moduleDelattr(obj, name);
    else delInstanceAttr(obj, name);
    return null;
  }
  throw new AttributeError(`'${typeName(obj)}' object has no attribute '${name}'`);
}

export function hasattr(obj: unknown, name: string): boolean {
  if (arguments.length !== 2) checkPositional('hasattr', arguments.length, 2, 2);
  try {
    getattr(obj, name);
    return true;
  } catch (e) {
    if (e instanceof AttributeError) return false;
    throw e;
  }
}

// str.format's `{0.attr}` fields look attributes up through this module.
strHooks.getattr = (obj: unknown, name: string): unknown => getattr(obj, name);
