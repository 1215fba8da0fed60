/**
 * Python subclasses of the runtime's JS classes whose constructor does
 * `__init__`'s work (asyncio.Queue, Future, Semaphore…: Python classes in
 * CPython). The native constructor gets the keywords of the call as the
 * class's own call would, and a subclass's `super().__init__(…)` reaches
 * it as the base's `__init__`.
 */
import { TypeError } from '../exceptions.js';
import { typeName } from '../values.js';
import { isPyFunction, type PyCallable } from '../calls.js';
import type { PyClass } from './model.js';

/**
 * On a runtime class whose constructor takes the call's keywords as a
 * trailing plain object (asyncio.Queue): a subclass's instance is made by
 * that constructor directly, not through the class's `$kw` entry.
 */
export const KEYWORDS_TRAILING = Symbol('pyasync.keywordsTrailing');

/** What a keyword call of a runtime JS function passes last: a plain object (no Python value is one). */
export function isKeywordObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;
}

function hasKeywords(kwargs: Record<string, unknown> | null): kwargs is Record<string, unknown> {
  if (kwargs === null) return false;
  for (const _ in kwargs) return true;
  return false;
}

/**
 * An instance of the runtime class `native` made by `native(*args,
 * **kwargs)`, whose prototype is `newTarget`'s: keywords go through the
 * class's keyword entry (`$kw`) when it has one, else as the trailing plain
 * object its constructor reads.
 */
export function constructNative(native: new (...args: unknown[]) => object, args: unknown[], kwargs: Record<string, unknown> | null, newTarget: Function): object {
  if (!hasKeywords(kwargs)) return Reflect.construct(native, args, newTarget) as object;
  const entry = (native as unknown as PyCallable).$kw;
  // A constructor that reads its keywords trailing (KEYWORDS_TRAILING) runs with the subclass's prototype, where it may call overrides.
  if (entry === undefined || (native as unknown as Record<symbol, unknown>)[KEYWORDS_TRAILING] === true) {
    return Reflect.construct(native, [...args, kwargs], newTarget) as object;
  }
  const obj = entry.call(native, args, kwargs) as object;
  if (newTarget !== native) Object.setPrototypeOf(obj, newTarget.prototype as object);
  return obj;
}

/**
 * On the instances of a runtime class that keeps its state in JS private
 * fields (the io streams): a method setting the instance up again from
 * `__init__`'s arguments (keywords trailing), which is what a subclass's
 * `super().__init__(…)` does; copying a fresh instance's own properties
 * cannot reach private fields.
 */
export const NATIVE_REINIT = Symbol('pyasync.nativeReinit');

/** Instances made from a call's own arguments although their class overrides `__init__`. */
const madeFromCall = new WeakSet<object>();

/**
 * A new instance of a Python subclass of a runtime class like asyncio.Queue.
 * CPython would make a bare instance and let `__init__` set it up: the
 * native constructor is the base's `__init__`, so it gets the call's
 * arguments only when the class inherits that `__init__`. A class with an
 * `__init__` of its own starts from the base made without arguments, and
 * its `super().__init__(…)` redoes that with its own (nativeInitMethod);
 * a base that cannot be made without arguments (Task) gets the call's,
 * once: making it again could repeat what its constructor starts
 * (a Task schedules its coroutine).
 */
export function allocateInitNative(cls: PyClass, native: new (...args: unknown[]) => object, args: unknown[], kwargs: Record<string, unknown> | null): object {
  if (!isPyFunction(cls.prototype['__init__'])) return constructNative(native, args, kwargs, cls);
  try {
    return Reflect.construct(native, [], cls) as object;
  } catch {
    const obj = constructNative(native, args, kwargs, cls);
    madeFromCall.add(obj);
    return obj;
  }
}

/**
 * The `__init__` of a runtime class whose constructor does its work: a JS
 * method (`this` the instance, or unbound the first argument, keywords
 * trailing) that makes a new instance with the arguments and takes over
 * its attributes.
 */
export function nativeInitMethod(native: new (...args: unknown[]) => object): (this: unknown, ...args: unknown[]) => null {
  return function __init__(this: unknown, ...args: unknown[]): null {
    const self = (this === undefined ? args.shift() : this) as object;
    if (self === null || typeof self !== 'object' || !(self instanceof (native as unknown as Function))) {
      throw new TypeError(`descriptor '__init__' requires a '${(native as unknown as PyClass).__name__}' object but received a '${typeName(self)}'`);
    }
    if (madeFromCall.has(self)) return null;
    const reinit = (self as Record<symbol, unknown>)[NATIVE_REINIT];
    if (typeof reinit === 'function') {
      (reinit as (...a: unknown[]) => unknown).apply(self, args);
      return null;
    }
    const kwargs = isKeywordObject(args[args.length - 1]) ? (args.pop() as Record<string, unknown>) : null;
    const fresh = constructNative(native, args, kwargs, native);
    for (const key of Reflect.ownKeys(fresh)) Object.defineProperty(self, key, Object.getOwnPropertyDescriptor(fresh, key)!);
    return null;
  };
}
