/**
 * Making instances: `cls(*args, **kwargs)` runs `__new__`, then `__init__`
 * when `__new__` made an instance of `cls`. An instance is a plain object
 * on the class's prototype, a function when the class defines `__call__`,
 * or an instance of the JS class its bases need (an exception, a list…).
 * Also the call layer's hook for calling classes and callable instances.
 */
import { PyBoxed, typeName } from '../values.js';
import { TypeError } from '../exceptions.js';
import { invokeMethod } from '../special.js';
import { MANY_ARGUMENTS, call, callHooks, isPyFunction } from '../calls.js';
import { PLAIN_SET } from '../attributeKeys.js';
import { PyStaticMethod } from './descriptors.js';
import {
  OBJECT_PROTO, builtinClasses, classAttribute, classChanged, classEpoch, defineHidden, infoOf, isPyClass, isinstance, object, pyClassOf,
  setObjectConstructor, type ClassInfo, type PyClass,
} from './model.js';
import { allocateInitNative, isKeywordObject } from './nativeInit.js';
import { bindForInstance } from './instanceAttributes.js';
import { installMethodDescriptor } from './classAttributes.js';
import { objectInit } from './objectType.js';
import { metaclassCall } from './metaclasses.js';

/**
 * `cls(*args)` for a class made by a `class` statement (`info` is its own):
 * while no class attribute has changed since `construct` found the class's
 * instances plain (see ClassInfo.plainInit), a new object on the prototype
 * and its `__init__`, without looking up `__new__` and `__init__` again.
 */
export function constructClass(cls: PyClass, info: ClassInfo, args: unknown[]): unknown {
  if (info.plainEpoch !== classEpoch) return construct(cls, args, null);
  const obj = Object.create(cls.prototype) as object;
  const result = info.plainInit!(obj, ...args);
  if (result !== null && result !== undefined) throw new TypeError(`__init__() should return None, not '${typeName(result)}'`);
  return obj;
}

/**
 * `cls(*args, **kwargs)`: its metaclass's `__call__` when that is not
 * type's, else `type.__call__`.
 */
export function construct(cls: PyClass, args: unknown[], kwargs: Record<string, unknown> | null): unknown {
  const info = infoOf(cls);
  if (info.meta !== undefined) {
    const metaCall = metaclassCall(info.meta);
    if (metaCall !== undefined) return call(bindForInstance(metaCall, cls), args, kwargs);
  }
  return constructInstance(cls, info, args, kwargs);
}

/** `type.__call__(cls, *args, **kwargs)`: `__new__`, then `__init__` when `__new__` made an instance of `cls`. */
export function constructInstance(cls: PyClass, info: ClassInfo, args: unknown[], kwargs: Record<string, unknown> | null): unknown {
  if (info.newEpoch !== classEpoch) {
    info.newEntry = classAttribute(cls, '__new__');
    info.newEpoch = classEpoch;
  }
  const newEntry = info.newEntry;
  let obj: unknown;
  // A Python class's own __new__; a runtime class's constructor (an exception's, a Queue's) does its work in allocate.
  const customNew = newEntry !== undefined && newEntry.owner !== object && !builtinClasses.has(newEntry.owner)
    && infoOf(newEntry.owner).native !== (newEntry.owner as unknown);
  const builtinNew = !customNew && newEntry !== undefined && newEntry.owner !== object && builtinClasses.has(newEntry.owner)
    && newEntry.value instanceof PyStaticMethod;
  if (customNew) {
    const fn = newEntry.value instanceof PyStaticMethod ? newEntry.value.__func__ : newEntry.value;
    obj = call(fn, [cls, ...args], kwargs);
    if (!isinstance(obj, cls)) return obj;
  } else if (builtinNew) {
    // An immutable builtin base (tuple, frozenset) takes the call's arguments in its __new__.
    const fn = (newEntry.value as PyStaticMethod).__func__ as (...a: unknown[]) => unknown;
    obj = kwargs !== null && Object.keys(kwargs).length > 0 ? fn(cls, ...args, kwargs) : fn(cls, ...args);
  } else {
    obj = allocate(cls, info, args, kwargs);
  }
  const init = (obj as Record<string, unknown>)['__init__'];
  if (init === objectInit) {
    if (!customNew && !builtinNew && (args.length > 0 || (kwargs !== null && Object.keys(kwargs).length > 0))) {
      throw new TypeError(`${cls.__name__}() takes no arguments`);
    }
    return obj;
  }
  let result: unknown;
  if (isPyFunction(init)) {
    if (!customNew && !builtinNew && info.native === null && !info.callable && cls !== object
      && (info.meta === undefined || metaclassCall(info.meta) === undefined)) {
      // Read before __init__ runs, which may change a class attribute: the epoch the facts were found in.
      info.plainInit = init as (...a: unknown[]) => unknown;
      info.plainEpoch = classEpoch;
    }
    // call() also passes an argument list too long for the stack (see PackedArgs).
    result = kwargs === null && args.length <= MANY_ARGUMENTS ? (init as (...a: unknown[]) => unknown)(obj, ...args) : call(init, [obj, ...args], kwargs);
  } else if (typeof init === 'function') {
    // A runtime class's __init__ (an exception's, dict's): a JS method, keywords as a trailing plain object.
    const jsArgs = kwargs !== null && Object.keys(kwargs).length > 0 ? [...args, kwargs] : args;
    result = (init as (...a: unknown[]) => unknown).apply(obj, jsArgs);
  }
  if (result !== null && result !== undefined) throw new TypeError(`__init__() should return None, not '${typeName(result)}'`);
  return obj;
}

/** A bare instance of `cls` (`object.__new__(cls)`). */
function allocate(cls: PyClass, info: ClassInfo, args: unknown[], kwargs: Record<string, unknown> | null): object {
  if (info.native !== null) {
    if (info.nativeInit) return allocateInitNative(cls, info.native, args, kwargs);
    return Reflect.construct(info.native, info.nativeArgs ? args : [], cls) as object;
  }
  if (info.callable) {
    // Python instances with __call__ are called as functions: the instance is one.
    const fn = ((...a: unknown[]) => invokeMethod((Object.getPrototypeOf(fn) as Record<string, unknown>)['__call__'], fn, a)) as unknown as object;
    Object.setPrototypeOf(fn, cls.prototype);
    // A JS function's own read-only `name` and `length` are not Python attributes: `self.name = …` must store.
    delete (fn as { name?: string }).name;
    delete (fn as { length?: number }).length;
    return fn;
  }
  if (cls === object) return Object.create(BARE_OBJECT_PROTO) as object;
  return Object.create(cls.prototype) as object;
}

/** What `object()` makes: an instance with no `__dict__`, so no attributes can be set. */
const BARE_OBJECT_PROTO = Object.create(OBJECT_PROTO) as Record<PropertyKey, unknown>;
defineHidden(BARE_OBJECT_PROTO, PLAIN_SET, false);

/**
 * `object.__new__(cls)`, as `super().__new__(cls, …)` in a `__new__` calls
 * it; an exception keeps the positional arguments, as BaseException.__new__.
 */
function objectNew(cls: unknown, ...args: unknown[]): object {
  if (!isPyClass(cls)) throw new TypeError(`object.__new__(X): X is not a type object (${typeName(cls)})`);
  const info = infoOf(cls);
  if (info.native !== null && info.native.prototype instanceof PyBoxed) {
    // An int, float, str or bytes subclass's instance needs its base value from that type's __new__.
    const base = info.mro.find((c) => !isPythonNew(infoOf(c).dict.get('__new__')))!;
    throw new TypeError(`object.__new__(${cls.__name__}) is not safe, use ${base.__name__}.__new__()`);
  }
  if (info.native !== null && info.nativeArgs && !info.nativeInit) {
    if (isKeywordObject(args[args.length - 1])) args.pop();
    return allocate(cls, info, args, null);
  }
  return allocate(cls, info, [], null);
}

function isPythonNew(v: unknown): boolean {
  return v instanceof PyStaticMethod && isPyFunction(v.__func__);
}

installMethodDescriptor(OBJECT_PROTO, '__new__', new PyStaticMethod(objectNew));
infoOf(object).dict.set('__new__', new PyStaticMethod(objectNew));
classChanged();
setObjectConstructor((args) => construct(object, args, null));

callHooks.call = (f, args, kwargs) => {
  if (isPyClass(f) && !builtinClasses.has(f)) return { value: construct(f, args, kwargs) };
  const cls = pyClassOf(f);
  if (cls !== undefined) {
    const method = (f as unknown as Record<string, unknown>)['__call__'];
    if (method === undefined) throw new TypeError(`'${cls.__name__}' object is not callable`);
    return { value: call(bindForInstance(method, f), args, kwargs) };
  }
  return undefined;
};
