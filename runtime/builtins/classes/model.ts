/**
 * The class model: what the runtime records about a class (its namespace,
 * bases, C3 MRO and the JS constructor its instances need), `object` at the
 * root of every class, and the questions asked of classes everywhere —
 * isinstance, issubclass, type(obj), the MRO entry for a name.
 *
 * A class is a JS function whose instances find its attributes on
 * `cls.prototype`; the runtime's own JS classes (exceptions, asyncio's)
 * are seen as classes too, their info made when first asked (infoOf).
 */
import { BaseException, TypeError } from '../exceptions.js';
import { BOUND, type PyCallable } from '../calls.js';
import { PLAIN_GET, PLAIN_SET } from '../attributeKeys.js';
import { nativeInitMethod } from './nativeInit.js';
import { valueHooks } from '../values.js';
import { instanceOf } from '../callableClass.js';

/**
 * On the methods of builtin types as their subclasses inherit them: the
 * runtime's own operations already cover these, so its special-method
 * dispatch must not call them (they would call back into it).
 */
export const BUILTIN_METHOD = Symbol('pyasync.builtinMethod');

/** On a Python class's prototype: the class. `obj[CLASS]` is type(obj) for instances of Python classes. */
export const CLASS = Symbol('pyasync.class');
export const INFO = Symbol('pyasync.classInfo');
/**
 * On a runtime JS class whose Python bases are not its one JS base
 * (ExceptionGroup derives from BaseExceptionGroup and Exception): its bases.
 */
export const PY_BASES = Symbol('pyasync.bases');
/**
 * On a runtime JS class that only shares code between the classes deriving
 * from it (the io streams' common parts): not in Python's MRO, its methods
 * counted as the deriving class's own.
 */
export const MRO_HIDDEN = Symbol('pyasync.mroHidden');

function mroHidden(c: unknown): boolean {
  return Object.hasOwn(c as object, MRO_HIDDEN);
}

/** The prototypes whose own attributes are a runtime class's own: its own, then those of the hidden classes under it. */
export function ownPrototypes(cls: PyClass): Record<PropertyKey, unknown>[] {
  const protos = [cls.prototype];
  for (let c: unknown = Object.getPrototypeOf(cls); typeof c === 'function' && mroHidden(c); c = Object.getPrototypeOf(c)) {
    protos.push((c as PyClass).prototype);
  }
  return protos;
}

export interface PyClass {
  (...args: unknown[]): unknown;
  prototype: Record<PropertyKey, unknown>;
  __name__: string;
  __qualname__: string;
  [INFO]?: ClassInfo;
}

export interface ClassInfo {
  /** The class's own namespace, with the raw values. */
  readonly dict: Map<string, unknown>;
  readonly bases: PyClass[];
  mro: PyClass[];
  /** The JS constructor instances are allocated with (an exception class, Array…), or null for plain objects. */
  readonly native: (new (...args: unknown[]) => object) | null;
  /** Whether the native constructor takes the call's arguments (exceptions) or none (containers, filled by `__init__`). */
  readonly nativeArgs: boolean;
  /**
   * Whether the native constructor also does `__init__`'s work, keywords
   * included (the runtime's classes that are Python classes in CPython,
   * like asyncio.Queue); false for exceptions, whose constructor is
   * `BaseException.__new__` (positional arguments only).
   */
  readonly nativeInit: boolean;
  /** Prototypes elsewhere that copy this class's attributes (multiple inheritance). */
  readonly mirrors: Record<PropertyKey, unknown>[];
  /** Instances are callable (the class defines `__call__`). */
  callable: boolean;
  /** The classes made with this one among their bases, for `__subclasses__()` (weakly held, as CPython's). */
  subclasses?: WeakRef<PyClass>[];
  /** The namespace is the JS class's prototype: its methods take the instance as `this`, not as a first argument. */
  prototypeMethods?: boolean;
  /** The class's metaclass when it is a Python class deriving from `type` (metaclasses.ts); undefined for `type`. */
  meta?: PyClass;
  /** The attribute names instances may have when every class in the MRO declares `__slots__`; null when they have a `__dict__`. */
  slots?: ReadonlySet<string> | null;
  /** `__new__` as the MRO gives it, found when `classEpoch` was `newEpoch`. */
  newEntry?: { found: true; value: unknown; owner: PyClass } | undefined;
  newEpoch?: number;
  /**
   * The class's `__init__` when making an instance is only a plain object on
   * its prototype and that compiled function run on it (object's `__new__`,
   * no native base, no `__call__`), as found when `classEpoch` was `plainEpoch`.
   */
  plainInit?: (...args: unknown[]) => unknown;
  plainEpoch?: number;
}

/** Counts changes to class attributes: facts cached about a class hold while it stays the same. */
export let classEpoch = 0;

export function classChanged(): void {
  classEpoch++;
}

/**
 * The root prototype has no JS prototype, so no JS name (`toString`,
 * `constructor`…) shows through as a Python attribute; `toString` is
 * defined for JS consoles and string concatenation.
 */
export const OBJECT_PROTO = Object.create(null) as Record<PropertyKey, unknown>;

/** `object()`: set by construction.ts, which this module cannot import without a cycle. */
let makeObject: (args: unknown[]) => unknown = () => {
  throw new TypeError('object() is not ready');
};

export function setObjectConstructor(make: (args: unknown[]) => unknown): void {
  makeObject = make;
}

export const object = function object(...args: unknown[]): unknown {
  return makeObject(args);
} as unknown as PyClass;

export function defineHidden(target: object, key: PropertyKey, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable: false });
}

defineHidden(OBJECT_PROTO, CLASS, object);
defineHidden(OBJECT_PROTO, PLAIN_GET, true);
defineHidden(OBJECT_PROTO, PLAIN_SET, true);
defineHidden(OBJECT_PROTO, 'toString', function toString(this: unknown): string {
  return hooks.str ? hooks.str(this) : '<object>';
});
object.prototype = OBJECT_PROTO;
object.__name__ = 'object';
object.__qualname__ = 'object';
(object as unknown as { __module__: string }).__module__ = 'builtins';
object[INFO] = { dict: new Map(), bases: [], mro: [], native: null, nativeArgs: false, nativeInit: false, mirrors: [], callable: false };
object[INFO].mro = [object];

/** Filled in by modules this one cannot import without a cycle. */
export const hooks: {
  str?: (v: unknown) => string;
  repr?: (v: unknown) => string;
  /** `type(a).__eq__(a, b)`, as it returns (NotImplemented included): object.__ne__ inverts it. */
  eq?: (a: unknown, b: unknown) => unknown;
  /** `not v`. */
  not?: (v: unknown) => boolean;
  /** hash(v): object.__hash__ of None is None's hash (an address in CPython, a constant here). */
  hash?: (v: unknown) => unknown;
} = {};

// object's methods take the object first; on the prototype they are JS
// methods that also work unbound (`object.__setattr__(self, name, value)`).
export type SelfMethod = (self: object, ...args: unknown[]) => unknown;

/** The JS method form of a self-first function: `this` is the object, or unbound the first argument is. */
export function asMethod(m: SelfMethod): (this: unknown, ...args: unknown[]) => unknown {
  return function (this: unknown, ...args: unknown[]): unknown {
    return this === undefined ? (m as (...a: unknown[]) => unknown)(...args) : m(this as object, ...args);
  };
}

export function isPyClass(v: unknown): v is PyClass {
  return typeof v === 'function' && ownInfo(v as PyClass) !== undefined;
}

/** Whether `v` is a class: a Python class, or one of the runtime's JS classes (exceptions…). */
export function isClassLike(v: unknown): boolean {
  if (typeof v !== 'function') return false;
  if (ownInfo(v as PyClass) !== undefined) return true;
  return Object.getOwnPropertyDescriptor(v, 'prototype')?.writable === false;
}

// A class's type is `type` (or its metaclass, which typeName finds first): `object of type 'type' has no len()`.
valueHooks.isClass = isClassLike;

/** A class's own info: JS classes inherit static properties, so a subclass must not see its base's. */
export function ownInfo(cls: PyClass): ClassInfo | undefined {
  return Object.hasOwn(cls, INFO) ? cls[INFO] : undefined;
}

/** A runtime JS class (an exception) seen as a Python class: its MRO from its JS chain. */
export function infoOf(cls: PyClass): ClassInfo {
  let info = ownInfo(cls);
  if (info !== undefined) return info;
  let mro: PyClass[] = [];
  const declared = Object.hasOwn(cls, PY_BASES) ? (cls as unknown as Record<symbol, PyClass[]>)[PY_BASES]! : null;
  if (declared !== null) {
    mro = linearize(cls, declared);
  } else {
    for (let c: unknown = cls; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
      if ((c as { prototype?: unknown }).prototype === Error.prototype) break;
      if (c === cls || !mroHidden(c)) mro.push(c as PyClass);
    }
    mro.push(object);
  }
  const dict = new Map<string, unknown>();
  // The class's own names, then those of the hidden classes it derives from (the nearest first).
  for (const proto of ownPrototypes(cls)) {
    for (const key of Object.getOwnPropertyNames(proto)) {
      if (key !== 'constructor' && !dict.has(key)) dict.set(key, Object.getOwnPropertyDescriptor(proto, key)?.value);
    }
  }
  const native = cls as unknown as new (...args: unknown[]) => object;
  const nativeInit = !(cls.prototype instanceof BaseException);
  // `super().__init__(…)` in a subclass finds the constructor's work as the class's `__init__`.
  if (nativeInit && !('__init__' in cls.prototype)) dict.set('__init__', nativeInitMethod(native));
  for (const [key, value] of pendingAttributes.get(cls) ?? []) dict.set(key, value);
  pendingAttributes.delete(cls);
  info = {
    dict, bases: declared ?? (mro.length > 1 ? [mro[1]!] : []), mro, native, nativeArgs: true, nativeInit, mirrors: [], callable: false,
    prototypeMethods: true,
  };
  Object.defineProperty(cls, INFO, { value: info, enumerable: false });
  return info;
}

/** Namespace entries of runtime classes whose info is not made yet (made when first asked for, from the prototype). */
const pendingAttributes = new WeakMap<PyClass, [string, unknown][]>();

/**
 * Adds entries to a class's namespace that its prototype does not hold (the
 * data descriptors of a builtin type's fields): for a runtime JS class, when
 * its info is made, so the prototype's names are read as late as before.
 */
export function addClassAttributes(cls: PyClass, entries: readonly [string, unknown][]): void {
  const info = ownInfo(cls);
  if (info !== undefined) {
    for (const [key, value] of entries) info.dict.set(key, value);
    classChanged();
    return;
  }
  pendingAttributes.set(cls, [...(pendingAttributes.get(cls) ?? []), ...entries]);
}

export function mroOf(cls: PyClass): PyClass[] {
  return infoOf(cls).mro;
}

/** C3 linearization, with CPython's error when there is none. */
export function linearize(cls: PyClass, bases: PyClass[]): PyClass[] {
  const sequences = [...bases.map((b) => [...mroOf(b)]), [...bases]].filter((s) => s.length > 0);
  const result: PyClass[] = [cls];
  for (;;) {
    const nonEmpty = sequences.filter((s) => s.length > 0);
    if (nonEmpty.length === 0) return result;
    let head: PyClass | undefined;
    for (const seq of nonEmpty) {
      const candidate = seq[0]!;
      if (!nonEmpty.some((s) => s.indexOf(candidate) > 0)) {
        head = candidate;
        break;
      }
    }
    if (head === undefined) {
      const names = [...new Set(nonEmpty.map((s) => s[0]!))].map((c) => c.__name__ ?? (c as Function).name);
      throw new TypeError(`Cannot create a consistent method resolution\norder (MRO) for bases ${names.join(', ')}`);
    }
    result.push(head);
    for (const seq of nonEmpty) if (seq[0] === head) seq.shift();
  }
}

/** The value of attribute `name` in the first class of `cls`'s MRO (from index `start`) that has it. */
export function classAttribute(cls: PyClass, name: string, start = 0): { found: true; value: unknown; owner: PyClass } | undefined {
  const mro = mroOf(cls);
  for (let i = start; i < mro.length; i++) {
    const dict = infoOf(mro[i]!).dict;
    if (dict.has(name)) return { found: true, value: dict.get(name), owner: mro[i]! };
  }
  return undefined;
}

/** type(obj) for instances of Python classes, else undefined. */
export function pyClassOf(obj: unknown): PyClass | undefined {
  if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) return undefined;
  return (obj as Record<PropertyKey, unknown>)[CLASS] as PyClass | undefined;
}

/** The class of an object: its Python class, or its JS constructor (runtime classes). */
export function typeOf(obj: object): PyClass {
  return (pyClassOf(obj) ?? (obj as { constructor: PyClass }).constructor) as PyClass;
}

/** Is `obj` an instance of the Python or runtime class `cls` (subclasses included)? */
export function isinstance(obj: unknown, cls: PyClass): boolean {
  if (cls === object) return true;
  if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) return false;
  if (instanceOf(obj, cls as unknown as Function)) return true;
  const own = pyClassOf(obj);
  if (own !== undefined) return mroOf(own).includes(cls);
  // A runtime class whose Python bases its one JS base cannot all give (io.UnsupportedOperation is also a ValueError).
  const ctor = (obj as { constructor?: unknown }).constructor;
  return typeof ctor === 'function' && Object.hasOwn(ctor, PY_BASES) && mroOf(ctor as PyClass).includes(cls);
}

/**
 * Whether `x`, an object, has the prototype of the class `cls` on its
 * chain, which makes it an instance of `cls` (the chain follows the MRO;
 * a class only in the MRO through a mirror is not found, and the caller
 * asks the MRO then). False, without throwing, when `cls` is no class.
 */
export function onClassChain(x: unknown, cls: unknown): boolean {
  return typeof x === 'object' && x !== null && typeof cls === 'function' && (cls as PyClass)[INFO] !== undefined && x instanceof cls;
}

export function issubclass(sub: PyClass, cls: PyClass): boolean {
  if (sub === cls || cls === object) return true;
  return mroOf(sub).includes(cls);
}

/** A method bound to an object: a JS function that passes the object first. */
export function bindMethod(func: unknown, self: unknown): PyCallable {
  const f = func as (...a: unknown[]) => unknown;
  const bound = ((...args: unknown[]) => f(self, ...args)) as PyCallable;
  bound[BOUND] = { self, func };
  return bound;
}

/** On the functions a staticmethod or classmethod gives an instance: used as they are, never bound again. */
export const UNBOUND = Symbol('pyasync.noBinding');

/**
 * On a class's JS prototype (the metaclass-like object an enum class has):
 * a check run before `cls.name = value` and `del cls.name` from Python
 * code, which raises to refuse them (EnumType refuses its members).
 */
export const CLASS_ASSIGN_GUARD = Symbol('pyasync.classAssignGuard');
export type ClassAssignGuard = (cls: PyClass, name: string, deleting: boolean) => void;

/** Runs the class's assignment guard, if its prototype has one. */
export function guardClassAssign(cls: PyClass, name: string, deleting: boolean): void {
  const guard = (Object.getPrototypeOf(cls) as { [CLASS_ASSIGN_GUARD]?: ClassAssignGuard } | null)?.[CLASS_ASSIGN_GUARD];
  if (guard !== undefined) guard(cls, name, deleting);
}

/** The builtin types registered as classes (registerBuiltinClass): their attributes cannot be set. */
export const builtinClasses = new WeakSet<Function>();

/** The builtin `type` (defined in types.ts, which registers it here): the class of classes. */
export let typeBuiltin: PyClass = object;

export function setTypeClass(cls: PyClass): void {
  typeBuiltin = cls;
}
