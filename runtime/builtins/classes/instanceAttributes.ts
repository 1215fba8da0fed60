/**
 * Attributes of instances: `obj.name`, `obj.name = v`, `del obj.name` and
 * `obj.__dict__`, as object.__getattribute__, __setattr__ and __delattr__
 * define them. Instance attributes are own properties; class attributes are
 * found on the prototype chain, where a property is an accessor (taking
 * precedence over the instance's own attribute, as a data descriptor does)
 * and functions are bound to the instance when read.
 */
import { BASE_VALUE, PyBoxed, typeName } from '../values.js';
import { AttributeError, BaseException, TypeError, attributeNotFound } from '../exceptions.js';
import { tupleFromIterable } from '../tuple.js';
import { callSpecial, hasSpecial, invokeMethod } from '../special.js';
import { BOUND_BUILTIN, METHOD_OF, SIGNATURE, call, type PyCallable } from '../calls.js';
import { PLAIN_GET, attrKey, attrName, instanceKey, isArrayEngineName, methodKey } from '../attributeKeys.js';
import { PyClassMethod, PyProperty, PyStaticMethod } from './descriptors.js';
import { classPropertyUnderEngine, isBuiltinExceptionField, isJsErrorProperty, storeOverJsProperty } from './exceptionAttributes.js';
import {
  OBJECT_PROTO, UNBOUND, asMethod, bindMethod, builtinClasses, classAttribute, defineHidden, infoOf, isClassLike, object, ownInfo, pyClassOf, typeOf, type PyClass,
} from './model.js';
import { boundLikeMethod } from '../../asyncio/coroutineFunctions.js';

/** What an attribute lookup that found nothing returns (undefined is a value some lookups can find). */
export const MISSING = Symbol('pyasync.missing');

/**
 * Set by attributes.ts: an attribute of obj's type that its JS prototype
 * chain does not hold, bound for obj (object's methods for an instance of a
 * runtime class, whose chain ends at JS's Object.prototype), or MISSING.
 */
export const instanceHooks: { typeAttribute?: (obj: object, name: string) => unknown } = {};

/** Set by the weakref module when loaded: the first live weak reference to an object, which `__weakref__` reads (else None). */
export const weakrefHooks: { first?: (obj: object) => object | undefined } = {};

/** What `obj.__weakref__` reads: its first weak reference, or None. */
export function firstWeakref(obj: object): unknown {
  return weakrefHooks.first?.(obj) ?? null;
}

// object's prototype has no prototype of its own, so none of Object.prototype's methods.
const isPrototypeOf = Object.prototype.isPrototypeOf;

/** The lookup's last resort before `__getattr__`: the type's namespace, for objects whose chain does not end at object's prototype. */
function typeAttribute(obj: object, name: string): unknown {
  if (instanceHooks.typeAttribute === undefined || isPrototypeOf.call(OBJECT_PROTO, obj)) return MISSING;
  return instanceHooks.typeAttribute(obj, name);
}

/** What a class attribute found for an instance becomes: a bound method, the function of a staticmethod… */
export function bindForInstance(value: unknown, obj: object): unknown {
  if (typeof value === 'function') {
    const unbound = (value as unknown as Record<symbol, unknown>)[UNBOUND];
    // A staticmethod's own function (read, not called), or a classmethod already bound.
    if (unbound !== undefined) return unbound === true ? value : unbound;
    if ((value as PyCallable)[SIGNATURE] !== undefined) return bindMethod(value, obj);
    if (isClassLike(value)) return value;
    // A callable Python instance (a mock) is no method: read through an instance it is itself, as in CPython.
    if (pyClassOf(value) !== undefined) return value;
    const bound = boundLikeMethod(value, (value as (...a: unknown[]) => unknown).bind(obj), obj);
    // A runtime method that refuses keywords (noKeywords) keeps refusing them once bound.
    const keywords = (value as PyCallable).$kw;
    if (keywords !== undefined) {
      (bound as unknown as PyCallable).$kw = (args, kwargs) => (Object.keys(kwargs).length === 0 ? bound(...args) : keywords(args, kwargs));
    }
    // A builtin type's method bound to an instance (`obj.__init__`) shows as CPython's method-wrapper, and a runtime
    // class's JS method (`range(3).count`) as a built-in method of its object.
    const of = (value as PyCallable)[METHOD_OF];
    if (typeof bound === 'function' && bound !== value) {
      // A plain store (as boundLikeMethod's): a bound method is made at every read of one.
      (bound as PyCallable)[BOUND_BUILTIN] = of !== undefined ? { self: obj, name: of.name, type: of.type } : { self: obj, name: (value as Function).name };
    }
    return bound;
  }
  if (value instanceof PyStaticMethod) return value.__func__;
  if (value instanceof PyClassMethod) return bindMethod(value.__func__, typeOf(obj));
  return value;
}

/**
 * What reading property `key` of `obj` gave, `value`, is as an attribute:
 * an own attribute as it is; a function found on the class bound, unless a
 * property's getter returned it (which must not run again to find out).
 */
export function foundAttr(obj: object, key: string, value: unknown): unknown {
  if (Object.hasOwn(obj, key)) return value;
  // The usual case, a method: the alias says so without looking for the property's owner.
  if (typeof value === 'function' && (obj as Record<string, unknown>)[methodKey(key)] === value) return bindMethod(value, obj);
  if (typeof value === 'function' && (value as unknown as Record<symbol, unknown>)[UNBOUND] === undefined) {
    for (let p = Object.getPrototypeOf(obj) as object | null; p !== null; p = Object.getPrototypeOf(p) as object | null) {
      const d = Object.getOwnPropertyDescriptor(p, key);
      if (d === undefined) continue;
      if (d.get !== undefined) return value;
      break;
    }
  }
  return bindForInstance(value, obj);
}

/** `obj.name` for an instance of a Python class (or any object whose attributes live on its JS chain). */
export function getInstanceAttr(obj: object, name: string): unknown {
  if ((obj as Record<string, unknown>)[PLAIN_GET] === false) return customGetattribute(obj, name);
  let found = lookupInstanceAttr(obj, name);
  if (found === MISSING) found = typeAttribute(obj, name);
  if (found !== MISSING) return found;
  const fallback = (obj as Record<string, unknown>)['__getattr__'];
  if (typeof fallback === 'function') return invokeMethod(fallback, obj, [name]);
  throw attributeNotFound(`'${typeName(obj)}' object has no attribute '${name}'`, name, obj);
}

/**
 * `obj.name`, or `absent` where reading it would raise AttributeError (the
 * lookup half of CPython's _PyObject_LookupAttr). An instance whose class
 * defines neither `__getattribute__` nor `__getattr__` reports a missing
 * name without an AttributeError being made, which costs a stack trace.
 */
export function findInstanceAttr(obj: object, name: string, absent: unknown): unknown {
  try {
    if ((obj as Record<string, unknown>)[PLAIN_GET] !== false && typeof (obj as Record<string, unknown>)['__getattr__'] !== 'function') {
      let found = lookupInstanceAttr(obj, name);
      if (found === MISSING) found = typeAttribute(obj, name);
      return found === MISSING ? absent : found;
    }
    return getInstanceAttr(obj, name);
  } catch (e) {
    // A property's getter raising AttributeError counts as missing too, as it does for getattr(obj, name, default).
    if (e instanceof AttributeError) return absent;
    throw e;
  }
}

/** object.__getattribute__: the attribute found on the instance or its class, bound as Python binds it. */
function lookupInstanceAttr(obj: object, name: string): unknown {
  if (isArrayEngineName(name) && Array.isArray(obj)) return arrayEngineAttr(obj, name);
  const key = attrKey(name);
  const value = (obj as Record<string, unknown>)[key];
  if (value !== undefined) return obj instanceof Error && isJsErrorProperty(obj, key) ? pythonErrorAttr(obj, key) : foundAttr(obj, key, value);
  switch (name) {
    case '__class__':
      return typeOf(obj);
    case '__dict__': {
      const cls = pyClassOf(obj);
      if (cls === undefined || (cls !== object && !infoOf(cls).slots)) return instanceDict(obj);
      break;
    }
    case '__doc__':
      // The class's own (found above when it has one): None, but for object's instances.
      return typeOf(obj) === object ? infoOf(object).dict.get('__doc__') : null;
    case '__weakref__': {
      // The slot a class without `__slots__` (or naming it there) gives its instances.
      const cls = pyClassOf(obj);
      if (cls !== undefined && cls !== object) {
        const slots = infoOf(cls).slots;
        if (!slots || slots.has('__weakref__')) return firstWeakref(obj);
      }
      break;
    }
  }
  return MISSING;
}

/**
 * The attribute `length` of a list or tuple subclass's instance (a JS array,
 * whose own `length` is its size): the instance's own, kept under its
 * instanceKey, else the class's, found above the array's property.
 */
function arrayEngineAttr(obj: unknown[], name: string): unknown {
  // As a plain read finds them: the instance's own first (a data descriptor's setter keeps it from having one).
  const own = instanceKey(obj, name);
  if (Object.hasOwn(obj, own)) return (obj as unknown as Record<string, unknown>)[own];
  const d = classSlotOverArray(obj, name);
  if (d === undefined) return MISSING;
  return d.get !== undefined ? d.get.call(obj) : bindForInstance(d.value, obj);
}

/** The property `name` of an array's class chain, below Array.prototype (whose `length` is the engine's). */
function classSlotOverArray(obj: unknown[], name: string): PropertyDescriptor | undefined {
  for (let p = Object.getPrototypeOf(obj) as object | null; p !== null && p !== Array.prototype; p = Object.getPrototypeOf(p) as object | null) {
    const d = Object.getOwnPropertyDescriptor(p, name);
    if (d !== undefined) return d;
  }
  return undefined;
}

/** An exception's attribute whose name JS's Error also has: only a Python class's, if any. */
function pythonErrorAttr(e: Error, key: string): unknown {
  const d = classPropertyUnderEngine(e, key);
  if (d === undefined) return MISSING;
  return d.get !== undefined ? d.get.call(e) : bindForInstance(d.value, e);
}

/** An instance whose class defines `__getattribute__`: it decides, and `__getattr__` gets what it cannot find. */
function customGetattribute(obj: object, name: string): unknown {
  try {
    return invokeMethod((obj as Record<string, unknown>)['__getattribute__'], obj, [name]);
  } catch (e) {
    const fallback = (obj as Record<string, unknown>)['__getattr__'];
    if (e instanceof AttributeError && typeof fallback === 'function') return invokeMethod(fallback, obj, [name]);
    throw e;
  }
}

export const dictHooks: { make?: (entries: [string, unknown][], owner?: object | null) => unknown } = {};

/** `obj.__dict__` / `vars(obj)`: the instance's attributes (a snapshot). */
export function instanceDict(obj: object): unknown {
  const entries: [string, unknown][] = [];
  const error = obj instanceof Error;
  // A list or tuple subclass's instance is a JS array: its items are not attributes.
  const array = Array.isArray(obj);
  for (const key of Object.keys(obj)) {
    if (array && /^(0|[1-9][0-9]*)$/.test(key)) continue;
    const name = attrName(key);
    if (name !== null && !(error && isBuiltinExceptionField(obj, name))) entries.push([name, (obj as Record<string, unknown>)[key]]);
  }
  return dictHooks.make ? dictHooks.make(entries, obj) : Object.fromEntries(entries);
}

/** `obj.name = value` for an instance of a Python class. */
export function setInstanceAttr(obj: object, name: string, value: unknown): void {
  const custom = (obj as Record<string, unknown>)['__setattr__'];
  if (custom !== objectSetattr && custom !== undefined) {
    invokeMethod(custom, obj, [name, value]);
    return;
  }
  storeAttribute(obj, name, value);
}

/** object.__setattr__: the instance's own attribute, unless `__slots__` forbid it. */
function storeAttribute(obj: object, name: string, value: unknown): void {
  if (name === '__class__') {
    assignClass(obj, value);
    return;
  }
  const cls = pyClassOf(obj);
  if (cls === object) throw new AttributeError(`'object' object has no attribute '${name}'`);
  const slots = cls === undefined ? null : infoOf(cls).slots;
  if (slots && !slots.has(name) && !(instanceKey(obj, name) in obj)) {
    throw new AttributeError(`'${typeName(obj)}' object has no attribute '${name}'`);
  }
  // BaseException's `args` descriptor stores any iterable as a tuple (its items read at once).
  writeInstanceAttr(obj, name, name === 'args' && obj instanceof BaseException ? tupleFromIterable(value) : value);
}

/**
 * `obj.__class__ = cls`: the instance takes cls's prototype when the two
 * classes lay their instances out alike (same builtin base, same
 * `__slots__`, both callable or neither), as CPython requires.
 */
function assignClass(obj: object, value: unknown): void {
  if (!isClassLike(value)) throw new TypeError(`__class__ must be set to a class, not '${typeName(value)}' object`);
  const now = pyClassOf(obj);
  const next = value as PyClass;
  if (now === undefined || builtinClasses.has(next) || ownInfo(next) === undefined) {
    throw new TypeError('__class__ assignment only supported for mutable types or ModuleType subclasses');
  }
  const a = infoOf(now);
  const b = infoOf(next);
  const sameSlots = (a.slots ?? null) === (b.slots ?? null)
    || (a.slots != null && b.slots != null && a.slots.size === b.slots.size && [...a.slots].every((n) => b.slots!.has(n)));
  if (a.native !== b.native || a.callable !== b.callable || !sameSlots) {
    throw new TypeError(`__class__ assignment: '${String(next.__name__)}' object layout differs from '${String(now.__name__)}'`);
  }
  Object.setPrototypeOf(obj, next.prototype);
}

// object.__class__ is a data descriptor: reading gives the class, assigning changes it (checked), even from a plain store.
Object.defineProperty(OBJECT_PROTO, '__class__', {
  get(this: object): unknown {
    return typeOf(this);
  },
  set(this: object, value: unknown) {
    assignClass(this, value);
  },
  configurable: true,
  enumerable: false,
});

/**
 * An instance attribute set where a plain assignment would run a class's
 * accessor (a name the class has as a staticmethod or classmethod).
 */
export function ownAttribute(obj: object, name: string, value: unknown): void {
  const key = instanceKey(obj, name);
  Object.defineProperty(obj, key, { value, writable: true, configurable: true, enumerable: true });
  if (typeof value === 'function' && key === name) hideMethod(obj, name);
}

/**
 * An instance attribute holding a function is called as it is, so the
 * instance's own undefined alias hides the class's method from the call
 * fast path (even when it holds that very method).
 */
function hideMethod(obj: object, name: string): void {
  const alias = methodKey(name);
  if ((obj as Record<string, unknown>)[alias] !== undefined) defineHidden(obj, alias, undefined);
}

/** An attribute store from outside the helpers (an object's `__dict__`): as `object.__setattr__` stores it. */
export function writeInstanceAttr(obj: object, name: string, value: unknown): void {
  const key = instanceKey(obj, name);
  if (obj instanceof Error && storeOverJsProperty(obj, key, value)) return;
  if (key !== name && isArrayEngineName(name) && Array.isArray(obj)) {
    // A property of the class (`length` with a setter) takes the store, as the plain assignment below would.
    const setter = classSlotOverArray(obj, name)?.set;
    if (setter !== undefined) {
      setter.call(obj, value);
      return;
    }
  }
  (obj as Record<string, unknown>)[key] = value;
  if (typeof value === 'function' && key === name) hideMethod(obj, name);
}

/** Removes an instance's own attribute (an object's `__dict__` losing a key). */
export function dropInstanceAttr(obj: object, name: string): void {
  delete (obj as Record<string, unknown>)[instanceKey(obj, name)];
}

export function delInstanceAttr(obj: object, name: string): void {
  const custom = (obj as Record<string, unknown>)['__delattr__'];
  if (custom !== undefined && custom !== objectDelattr) {
    invokeMethod(custom, obj, [name]);
    return;
  }
  removeAttribute(obj, name);
}

/** object.__delattr__: a property's deleter, a descriptor's `__delete__`, or the instance's own attribute. */
function removeAttribute(obj: object, name: string): void {
  const desc = findProperty(obj, name);
  if (desc !== undefined) {
    if (desc.fdel === null) throw new AttributeError(`property '${name}' of '${typeName(obj)}' object has no deleter`);
    call(desc.fdel, [obj], null);
    return;
  }
  const cls = pyClassOf(obj);
  const descriptor = cls === undefined ? undefined : classAttribute(cls, name)?.value;
  if (typeof descriptor === 'object' && descriptor !== null && hasSpecial(descriptor, '__delete__')) {
    callSpecial(descriptor, '__delete__', obj);
    return;
  }
  const key = instanceKey(obj, name);
  if (!Object.hasOwn(obj, key) || (obj instanceof Error && isJsErrorProperty(obj, key))) {
    throw new AttributeError(`'${typeName(obj)}' object has no attribute '${name}'`);
  }
  delete (obj as Record<string, unknown>)[key];
}

function findProperty(obj: object, name: string): PyProperty | undefined {
  const cls = pyClassOf(obj);
  if (cls === undefined) return undefined;
  const entry = classAttribute(cls, name);
  return entry?.value instanceof PyProperty ? entry.value : undefined;
}

function attributeName(name: unknown): string {
  if (name instanceof PyBoxed && typeof name[BASE_VALUE] === 'string') return name[BASE_VALUE];
  if (typeof name !== 'string') throw new TypeError(`attribute name must be string, not '${typeName(name)}'`);
  return name;
}

/** object.__setattr__, __delattr__ and __getattribute__ as they sit on object's prototype (objectType.ts). */
export const objectSetattr = asMethod((self, name, value) => {
  const key = attributeName(name);
  // An int, a str… (`object.__setattr__(5, 'a', 1)`, `super(int, 5).__setattr__`): no `__dict__`.
  if (typeof self !== 'object' && typeof self !== 'function') throw new AttributeError(`'${typeName(self)}' object has no attribute '${key}'`);
  storeAttribute(self, key, value);
  return null;
});

export const objectDelattr = asMethod((self, name) => {
  const key = attributeName(name);
  if (typeof self !== 'object' && typeof self !== 'function') throw new AttributeError(`'${typeName(self)}' object has no attribute '${key}'`);
  removeAttribute(self, key);
  return null;
});

export const objectGetattribute = asMethod((self, name) => {
  const key = attributeName(name);
  let found = lookupInstanceAttr(self, key);
  if (found === MISSING && (typeof self === 'object' || typeof self === 'function') && self !== null) found = typeAttribute(self, key);
  if (found === MISSING) throw attributeNotFound(`'${typeName(self)}' object has no attribute '${key}'`, key, self);
  return found;
});
