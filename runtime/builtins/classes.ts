/**
 * Python classes. A class is a JS function: calling it makes an instance,
 * as calling a Python class does (no `new`). Its attributes live on
 * `cls.prototype`, so an instance finds them through JS's own prototype
 * lookup: instance attributes are own properties, methods are found on the
 * chain, properties are accessors there (which take precedence over the
 * instance's own attributes, as data descriptors do in Python).
 *
 * The chain follows the class's MRO (CPython's C3 linearization). With
 * single inheritance that is the bases' own chain; when multiple
 * inheritance puts classes in an order no base's chain has, the class gets
 * copies ("mirrors") of those classes' attributes linked in MRO order, and
 * assignments to a class attribute update its mirrors.
 *
 * Each class also keeps its namespace (`__dict__`) with the raw values —
 * the `property`, `staticmethod` and `classmethod` objects themselves — for
 * lookups on the class (`C.f`) and through `super()`.
 */
import { PyTuple, typeName } from './values.js';
import { AttributeError, BaseException, TypeError } from './exceptions.js';
import { NotImplemented } from './notImplemented.js';
import { callSpecial, hasSpecial, invokeMethod } from './special.js';
import { BOUND, SIGNATURE, call, callHooks, isPyFunction, type PyCallable } from './calls.js';
import { PLAIN_GET, PLAIN_SET, attrKey, attrName, methodKey } from './attributeKeys.js';

/**
 * On the methods of builtin types as their subclasses inherit them: the
 * runtime's own operations already cover these, so its special-method
 * dispatch must not call them (they would call back into it).
 */
export const BUILTIN_METHOD = Symbol('pyasync.builtinMethod');

/** On a Python class's prototype: the class. `obj[CLASS]` is type(obj) for instances of Python classes. */
export const CLASS = Symbol('pyasync.class');
const INFO = Symbol('pyasync.classInfo');
/**
 * On a runtime JS class whose Python bases are not its one JS base
 * (ExceptionGroup derives from BaseExceptionGroup and Exception): its bases.
 */
export const PY_BASES = Symbol('pyasync.bases');
/** On a runtime object accepted as `metaclass=` (abc.ABCMeta): run on each class made with it. */
export const METACLASS_HOOK = Symbol('pyasync.metaclassHook');

export interface PyClass {
  (...args: unknown[]): unknown;
  prototype: Record<PropertyKey, unknown>;
  __name__: string;
  __qualname__: string;
  [INFO]?: ClassInfo;
}

interface ClassInfo {
  /** The class's own namespace, with the raw values. */
  readonly dict: Map<string, unknown>;
  readonly bases: PyClass[];
  mro: PyClass[];
  /** The JS constructor instances are allocated with (an exception class, Array…), or null for plain objects. */
  readonly native: (new (...args: unknown[]) => object) | null;
  /** Whether the native constructor takes the call's arguments (exceptions) or none (containers, filled by `__init__`). */
  readonly nativeArgs: boolean;
  /** Prototypes elsewhere that copy this class's attributes (multiple inheritance). */
  readonly mirrors: Record<PropertyKey, unknown>[];
  /** Instances are callable (the class defines `__call__`). */
  callable: boolean;
  /** The attribute names instances may have when every class in the MRO declares `__slots__`; null when they have a `__dict__`. */
  slots?: ReadonlySet<string> | null;
  /** `__new__` as the MRO gives it, found when `classEpoch` was `newEpoch`. */
  newEntry?: { found: true; value: unknown; owner: PyClass } | undefined;
  newEpoch?: number;
}

/** Counts changes to class attributes: facts cached about a class hold while it stays the same. */
let classEpoch = 0;

/** staticmethod and classmethod objects: class attributes that an instance's lookup must unwrap or bind. */
export abstract class MethodDescriptor {
  constructor(readonly __func__: unknown) {}
}

export class PyStaticMethod extends MethodDescriptor {
  static readonly __name__ = 'staticmethod';
}

export class PyClassMethod extends MethodDescriptor {
  static readonly __name__ = 'classmethod';
}

export class PyProperty {
  static readonly __name__ = 'property';
  constructor(
    readonly fget: unknown = null,
    readonly fset: unknown = null,
    readonly fdel: unknown = null,
    readonly __doc__: unknown = null,
  ) {}

  getter(f: unknown): PyProperty {
    return new PyProperty(f, this.fset, this.fdel, this.__doc__);
  }

  setter(f: unknown): PyProperty {
    return new PyProperty(this.fget, f, this.fdel, this.__doc__);
  }

  deleter(f: unknown): PyProperty {
    return new PyProperty(this.fget, this.fset, f, this.__doc__);
  }
}

export function staticmethod(f: unknown): PyStaticMethod {
  return new PyStaticMethod(f);
}

export function classmethod(f: unknown): PyClassMethod {
  return new PyClassMethod(f);
}

export function property(fget: unknown = null, fset: unknown = null, fdel: unknown = null, doc: unknown = null): PyProperty {
  return new PyProperty(fget, fset, fdel, doc);
}

// ---------------------------------------------------------------------------
// object, the root of every class

/**
 * The root prototype has no JS prototype, so no JS name (`toString`,
 * `constructor`…) shows through as a Python attribute; `toString` is
 * defined for JS consoles and string concatenation.
 */
const OBJECT_PROTO = Object.create(null) as Record<PropertyKey, unknown>;

export const object = function object(...args: unknown[]): unknown {
  return construct(object as unknown as PyClass, args, null);
} as unknown as PyClass;

function defineHidden(target: object, key: PropertyKey, value: unknown): void {
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
object[INFO] = { dict: new Map(), bases: [], mro: [], native: null, nativeArgs: false, mirrors: [], callable: false };
object[INFO].mro = [object];

/** What an attribute lookup that found nothing returns (undefined is a value some lookups can find). */
const MISSING = Symbol('pyasync.missing');

/** Filled in by modules this one cannot import without a cycle. */
export const hooks: { str?: (v: unknown) => string; repr?: (v: unknown) => string } = {};

// object's methods take the object first; on the prototype they are JS
// methods that also work unbound (`object.__setattr__(self, name, value)`).
type SelfMethod = (self: object, ...args: unknown[]) => unknown;
const objectMethods: Record<string, SelfMethod> = {
  __init__() {
    return null;
  },
  __repr__(self) {
    return defaultRepr(self);
  },
  __str__(self) {
    return hooks.repr ? hooks.repr(self) : defaultRepr(self);
  },
  __eq__(self, other) {
    return self === other ? true : NotImplemented;
  },
  __ne__(self, other) {
    return self === other ? false : NotImplemented;
  },
  __hash__(self) {
    return identityHash(self);
  },
  __setattr__(self, name, value) {
    if (typeof name !== 'string') throw new TypeError(`attribute name must be string, not '${typeName(name)}'`);
    storeAttribute(self, name, value);
    return null;
  },
  __delattr__(self, name) {
    if (typeof name !== 'string') throw new TypeError(`attribute name must be string, not '${typeName(name)}'`);
    removeAttribute(self, name);
    return null;
  },
  __getattribute__(self, name) {
    if (typeof name !== 'string') throw new TypeError(`attribute name must be string, not '${typeName(name)}'`);
    const found = lookupInstanceAttr(self, name);
    if (found === MISSING) throw new AttributeError(`'${typeName(self)}' object has no attribute '${name}'`);
    return found;
  },
  __init_subclass__() {
    return null;
  },
  __format__(self, spec) {
    if (spec !== '') throw new TypeError(`unsupported format string passed to ${typeName(self)}.__format__`);
    return hooks.str ? hooks.str(self) : defaultRepr(self);
  },
};

/** The JS method form of a self-first function: `this` is the object, or unbound the first argument is. */
function asMethod(m: SelfMethod): (this: unknown, ...args: unknown[]) => unknown {
  return function (this: unknown, ...args: unknown[]): unknown {
    return this === undefined ? (m as (...a: unknown[]) => unknown)(...args) : m(this as object, ...args);
  };
}

const OBJECT_METHODS: Record<string, unknown> = {};
for (const [name, fn] of Object.entries(objectMethods)) {
  const method = asMethod(fn);
  OBJECT_METHODS[name] = method;
  defineHidden(OBJECT_PROTO, name, method);
  object[INFO].dict.set(name, method);
}


const identities = new WeakMap<object, number>();
let nextId = 1;

/** A stable number per object, standing in for CPython's addresses. */
export function objectId(v: object): number {
  let id = identities.get(v);
  if (id === undefined) {
    id = 0x7f0000001000 + 16 * nextId++;
    identities.set(v, id);
  }
  return id;
}

function identityHash(v: object): number {
  return Math.floor(objectId(v) / 16);
}

export function defaultRepr(v: object): string {
  const cls = typeOf(v);
  return `<${qualifiedName(cls)} object at 0x${objectId(v).toString(16).padStart(12, '0')}>`;
}

/** `module.Qualname`, or just the name for builtins. */
export function qualifiedName(cls: unknown): string {
  const c = cls as { __module__?: unknown; __qualname__?: unknown; __name__?: unknown; name?: string };
  const name = String(c.__qualname__ ?? c.__name__ ?? c.name);
  const module = c.__module__;
  return typeof module === 'string' && module !== 'builtins' ? `${module}.${name}` : name;
}

// ---------------------------------------------------------------------------
// Classes and their MRO

export function isPyClass(v: unknown): v is PyClass {
  return typeof v === 'function' && ownInfo(v as PyClass) !== undefined;
}

/** Whether `v` is a class: a Python class, or one of the runtime's JS classes (exceptions…). */
export function isClassLike(v: unknown): boolean {
  if (typeof v !== 'function') return false;
  if (ownInfo(v as PyClass) !== undefined) return true;
  return Object.getOwnPropertyDescriptor(v, 'prototype')?.writable === false;
}

/** A class's own info: JS classes inherit static properties, so a subclass must not see its base's. */
function ownInfo(cls: PyClass): ClassInfo | undefined {
  return Object.hasOwn(cls, INFO) ? cls[INFO] : undefined;
}

/** A runtime JS class (an exception) seen as a Python class: its MRO from its JS chain. */
function infoOf(cls: PyClass): ClassInfo {
  let info = ownInfo(cls);
  if (info !== undefined) return info;
  let mro: PyClass[] = [];
  const declared = Object.hasOwn(cls, PY_BASES) ? (cls as unknown as Record<symbol, PyClass[]>)[PY_BASES]! : null;
  if (declared !== null) {
    mro = linearize(cls, declared);
  } else {
    for (let c: unknown = cls; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
      if ((c as { prototype?: unknown }).prototype === Error.prototype) break;
      mro.push(c as PyClass);
    }
    mro.push(object);
  }
  const dict = new Map<string, unknown>();
  for (const key of Object.getOwnPropertyNames(cls.prototype)) {
    if (key !== 'constructor') dict.set(key, Object.getOwnPropertyDescriptor(cls.prototype, key)?.value);
  }
  info = {
    dict, bases: declared ?? (mro.length > 1 ? [mro[1]!] : []), mro, native: cls as unknown as new () => object, nativeArgs: true, mirrors: [], callable: false,
  };
  Object.defineProperty(cls, INFO, { value: info, enumerable: false });
  return info;
}

export function mroOf(cls: PyClass): PyClass[] {
  return infoOf(cls).mro;
}

/** C3 linearization, with CPython's error when there is none. */
function linearize(cls: PyClass, bases: PyClass[]): PyClass[] {
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

/** The JS constructor a class's instances need (an exception class), checking bases agree. */
function nativeBase(mro: PyClass[]): { native: (new (...args: unknown[]) => object) | null; nativeArgs: boolean } {
  let native: (new (...args: unknown[]) => object) | null = null;
  let nativeArgs = false;
  for (const c of mro.slice(1)) {
    const info = infoOf(c);
    const n = info.native;
    if (n === null) continue;
    if (native === null || (n !== native && mroOf(n as unknown as PyClass).includes(native as unknown as PyClass))) {
      // The most derived native base decides the layout.
      native = n;
      nativeArgs = info.nativeArgs;
    } else if (n !== native && !mroOf(native as unknown as PyClass).includes(n as unknown as PyClass)) {
      throw new TypeError(`multiple bases have instance lay-out conflict`);
    }
  }
  return { native, nativeArgs };
}

/**
 * The prototype a new class's own prototype inherits from: the longest
 * tail of its MRO that is some class's whole MRO is linked as is; the
 * classes before it are mirrored.
 */
function chainFor(mro: PyClass[]): Record<PropertyKey, unknown> {
  let tail = 1;
  while (tail < mro.length && !sameList(mroOf(mro[tail]!), mro.slice(tail))) tail++;
  let proto = tail < mro.length ? mro[tail]!.prototype : OBJECT_PROTO;
  for (let i = tail - 1; i >= 1; i--) {
    const source = mro[i]!;
    const mirror = Object.create(proto) as Record<PropertyKey, unknown>;
    const own = source.prototype;
    for (const key of Reflect.ownKeys(own)) Object.defineProperty(mirror, key, Object.getOwnPropertyDescriptor(own, key)!);
    infoOf(source).mirrors.push(mirror);
    proto = mirror;
  }
  return proto;
}

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * `class Name(*bases, **keywords): body` — `body(ns, cls)` runs the class
 * body, assigning its names to `ns`; `cls` is the class being made (the
 * `__class__` that `super()` uses).
 */
export function makeClass(
  name: string,
  bases: unknown[],
  body: (ns: Record<string, unknown>, cls: PyClass) => void,
  keywords: Record<string, unknown> | null = null,
): PyClass {
  for (const b of bases) {
    if (!isClassLike(b)) throw new TypeError(`bases must be types`);
  }
  let metaclassHook: ((cls: PyClass) => void) | null = null;
  if (keywords !== null && 'metaclass' in keywords) {
    // A runtime "metaclass" (abc.ABCMeta) is a hook run on the new class; others are not supported.
    const hook = (keywords['metaclass'] as { [METACLASS_HOOK]?: (cls: PyClass) => void } | null)?.[METACLASS_HOOK];
    if (hook === undefined) throw new TypeError(`pyasync does not support metaclasses yet (class ${name})`);
    metaclassHook = hook;
    keywords = Object.fromEntries(Object.entries(keywords).filter(([k]) => k !== 'metaclass'));
  }
  const cls = function (...args: unknown[]): unknown {
    return construct(cls, args, null);
  } as unknown as PyClass;
  Object.defineProperty(cls, 'name', { value: name });
  const ns: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  body(ns, cls);
  const baseClasses = (bases.length > 0 ? bases : [object]) as PyClass[];
  for (const b of baseClasses) {
    if (b === (typeBuiltin as unknown)) throw new TypeError('pyasync does not support metaclasses yet (subclassing type)');
  }
  const mro = linearize(cls, baseClasses);
  const { native, nativeArgs } = nativeBase(mro);
  const proto = Object.create(chainFor(mro)) as Record<PropertyKey, unknown>;
  const dict = new Map<string, unknown>();
  cls.prototype = proto;
  defineHidden(proto, CLASS, cls);
  defineHidden(proto, 'constructor', cls);
  const info: ClassInfo = { dict, bases: baseClasses, mro, native, nativeArgs, mirrors: [], callable: false };
  Object.defineProperty(cls, INFO, { value: info, enumerable: false });
  cls.__name__ = name;
  cls.__qualname__ = typeof ns['__qualname__'] === 'string' ? (ns['__qualname__'] as string) : name;
  delete ns['__qualname__'];
  if ('__eq__' in ns && !('__hash__' in ns)) ns['__hash__'] = null;
  for (const key of Object.keys(ns)) {
    let value = ns[key];
    // `__new__` and `__init_subclass__` are static/class methods without the decorator.
    if (key === '__new__' && isPyFunction(value)) value = new PyStaticMethod(value);
    if ((key === '__init_subclass__' || key === '__class_getitem__') && isPyFunction(value)) value = new PyClassMethod(value);
    setClassAttribute(cls, key, value);
  }
  (cls as unknown as { __module__: unknown }).__module__ = ns['__module__'] ?? '__main__';
  info.slots = slotsOf(mro, ns);
  if (info.slots) defineHidden(proto, PLAIN_SET, false);
  const callMethod = proto['__call__'];
  info.callable = typeof callMethod === 'function' || callMethod instanceof PyStaticMethod || callMethod instanceof PyClassMethod;
  for (const key of Object.keys(ns)) {
    const value = ns[key];
    if (value !== null && typeof value === 'object' && hasSpecial(value, '__set_name__')) callSpecial(value, '__set_name__', cls, key);
  }
  if (metaclassHook !== null) metaclassHook(cls);
  // __init_subclass__ of the nearest base that defines one.
  const parent = mro[1];
  if (parent !== undefined) {
    const hook = classAttribute(cls, '__init_subclass__', 1);
    if (hook !== undefined && hook.found) {
      const value = hook.value;
      call(value instanceof PyClassMethod ? bindMethod(value.__func__, cls) : value, [], keywords);
    }
  }
  return cls;
}

/** The names `__slots__` allow across the MRO, or null when instances have a `__dict__`. */
function slotsOf(mro: PyClass[], ns: Record<string, unknown>): ReadonlySet<string> | null {
  if (!('__slots__' in ns)) return null;
  const names = new Set<string>();
  for (const c of mro) {
    if (c === object) continue;
    const info = infoOf(c);
    const own = c === mro[0] ? ns['__slots__'] : info.dict.get('__slots__');
    if (own === undefined) return null;
    const list = typeof own === 'string' ? [own] : [...(own as Iterable<unknown>)];
    for (const n of list) names.add(String(n));
    if (info.native !== null && c !== mro[0]) return null;
  }
  return names.has('__dict__') ? null : names;
}

/** Sets a class attribute on the class's namespace, its prototype and its mirrors. */
export function setClassAttribute(cls: PyClass, name: string, value: unknown): void {
  const info = infoOf(cls);
  classEpoch++;
  info.dict.set(name, value);
  const key = attrKey(name);
  // Only a plain Python function is called with the instance first; anything else hides a base's alias.
  const method = isPyFunction(value) && !isClassLike(value) && (value as PyCallable)[BOUND] === undefined ? value : undefined;
  const targets = [cls.prototype, ...info.mirrors];
  for (const target of targets) {
    if (value instanceof PyProperty) {
      const prop = value;
      Object.defineProperty(target, key, {
        configurable: true,
        enumerable: false,
        get(this: object) {
          if (prop.fget === null) throw new AttributeError(`property '${name}' of '${typeName(this)}' object has no getter`);
          return call(prop.fget, [this], null);
        },
        set(this: object, v: unknown) {
          if (prop.fset === null) throw new AttributeError(`property '${name}' of '${typeName(this)}' object has no setter`);
          call(prop.fset, [this, v], null);
        },
      });
    } else if (value instanceof MethodDescriptor) {
      installMethodDescriptor(target, key, value);
    } else {
      Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable: false });
    }
    if (key === name) defineHidden(target, methodKey(name), method);
    if (name === '__setattr__') defineHidden(target, PLAIN_SET, false);
    if (name === '__getattribute__') defineHidden(target, PLAIN_GET, false);
  }
  if (name === '__call__') info.callable = value !== null && value !== undefined;
}

/** On the functions a staticmethod or classmethod gives an instance: used as they are, never bound again. */
const UNBOUND = Symbol('pyasync.noBinding');

/**
 * A staticmethod or classmethod on a prototype: an accessor giving the
 * function (or the method bound to the instance's class), so that what a
 * plain property read finds on a prototype is never a descriptor object.
 * Assigning the name on an instance makes an instance attribute, as for any
 * non-data descriptor.
 */
function installMethodDescriptor(target: object, key: string, descriptor: MethodDescriptor): void {
  const name = attrName(key) ?? key;
  let staticFunction: PyCallable | null = null;
  Object.defineProperty(target, key, {
    configurable: true,
    enumerable: false,
    get(this: object) {
      if (descriptor instanceof PyClassMethod) {
        const bound = bindMethod(descriptor.__func__, isClassLike(this) ? this : typeOf(this));
        (bound as unknown as Record<symbol, unknown>)[UNBOUND] = true;
        return bound;
      }
      if (staticFunction === null) {
        const f = descriptor.__func__;
        staticFunction = ((...args: unknown[]) => call(f, args, null)) as PyCallable;
        staticFunction.$kw = (args, kwargs) => call(f, args, kwargs);
        (staticFunction as unknown as Record<symbol, unknown>)[UNBOUND] = f;
      }
      return staticFunction;
    },
    set(this: object, v: unknown) {
      ownAttribute(this, name, v);
    },
  });
}

export function deleteClassAttribute(cls: PyClass, name: string): void {
  const info = infoOf(cls);
  if (!info.dict.has(name)) throw new AttributeError(`type object '${cls.__name__}' has no attribute '${name}'`);
  info.dict.delete(name);
  classEpoch++;
  const key = attrKey(name);
  for (const target of [cls.prototype, ...info.mirrors]) {
    delete target[key];
    if (key === name) delete target[methodKey(name)];
  }
}

/** The value of attribute `name` in the first class of `cls`'s MRO (from index `start`) that has it. */
function classAttribute(cls: PyClass, name: string, start = 0): { found: true; value: unknown; owner: PyClass } | undefined {
  const mro = mroOf(cls);
  for (let i = start; i < mro.length; i++) {
    const dict = infoOf(mro[i]!).dict;
    if (dict.has(name)) return { found: true, value: dict.get(name), owner: mro[i]! };
  }
  return undefined;
}


// ---------------------------------------------------------------------------
// Instances

/** `cls(*args, **kwargs)`: `__new__`, then `__init__` when `__new__` made an instance of `cls`. */
export function construct(cls: PyClass, args: unknown[], kwargs: Record<string, unknown> | null): unknown {
  const info = infoOf(cls);
  if (info.newEpoch !== classEpoch) {
    info.newEntry = classAttribute(cls, '__new__');
    info.newEpoch = classEpoch;
  }
  const newEntry = info.newEntry;
  let obj: unknown;
  const customNew = newEntry !== undefined && newEntry.owner !== object && infoOf(newEntry.owner).native === null;
  if (customNew) {
    const fn = newEntry.value instanceof PyStaticMethod ? newEntry.value.__func__ : newEntry.value;
    obj = call(fn, [cls, ...args], kwargs);
    if (!isinstance(obj, cls)) return obj;
  } else {
    obj = allocate(cls, info, args);
  }
  const init = (obj as Record<string, unknown>)['__init__'];
  if (init === OBJECT_METHODS['__init__']) {
    if (!customNew && (args.length > 0 || (kwargs !== null && Object.keys(kwargs).length > 0))) {
      throw new TypeError(`${cls.__name__}() takes no arguments`);
    }
    return obj;
  }
  let result: unknown;
  if (isPyFunction(init)) {
    result = kwargs === null ? (init as (...a: unknown[]) => unknown)(obj, ...args) : call(init, [obj, ...args], kwargs);
  } else if (typeof init === 'function') {
    // A runtime class's __init__ (an exception's, dict's): a JS method, keywords as a trailing plain object.
    const jsArgs = kwargs !== null && Object.keys(kwargs).length > 0 ? [...args, kwargs] : args;
    result = (init as (...a: unknown[]) => unknown).apply(obj, jsArgs);
  }
  if (result !== null && result !== undefined) throw new TypeError(`__init__() should return None, not '${typeName(result)}'`);
  return obj;
}

/** A bare instance of `cls` (`object.__new__(cls)`). */
function allocate(cls: PyClass, info: ClassInfo, args: unknown[]): object {
  if (info.native !== null) return Reflect.construct(info.native, info.nativeArgs ? args : [], cls) as object;
  if (info.callable) {
    // Python instances with __call__ are called as functions: the instance is one.
    const fn = ((...a: unknown[]) => invokeMethod((Object.getPrototypeOf(fn) as Record<string, unknown>)['__call__'], fn, a)) as unknown as object;
    Object.setPrototypeOf(fn, cls.prototype);
    return fn;
  }
  if (cls === object) return Object.create(BARE_OBJECT_PROTO) as object;
  return Object.create(cls.prototype) as object;
}

/** What `object()` makes: an instance with no `__dict__`, so no attributes can be set. */
const BARE_OBJECT_PROTO = Object.create(OBJECT_PROTO) as Record<PropertyKey, unknown>;
defineHidden(BARE_OBJECT_PROTO, PLAIN_SET, false);

/** `object.__new__(cls)`, as `super().__new__(cls)` in a `__new__` calls it. */
function objectNew(cls: unknown): object {
  if (!isPyClass(cls)) throw new TypeError(`object.__new__(X): X is not a type object (${typeName(cls)})`);
  return allocate(cls, infoOf(cls), []);
}
installMethodDescriptor(OBJECT_PROTO, '__new__', new PyStaticMethod(objectNew));
object[INFO].dict.set('__new__', new PyStaticMethod(objectNew));
classEpoch++;

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
  if (obj instanceof (cls as unknown as Function)) return true;
  const own = pyClassOf(obj);
  return own !== undefined && mroOf(own).includes(cls);
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

/** What a class attribute found for an instance becomes: a bound method, the function of a staticmethod… */
function bindForInstance(value: unknown, obj: object): unknown {
  if (typeof value === 'function') {
    const unbound = (value as unknown as Record<symbol, unknown>)[UNBOUND];
    // A staticmethod's own function (read, not called), or a classmethod already bound.
    if (unbound !== undefined) return unbound === true ? value : unbound;
    if ((value as PyCallable)[SIGNATURE] !== undefined) return bindMethod(value, obj);
    if (isClassLike(value)) return value;
    return (value as (...a: unknown[]) => unknown).bind(obj);
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
  const found = lookupInstanceAttr(obj, name);
  if (found !== MISSING) return found;
  const fallback = (obj as Record<string, unknown>)['__getattr__'];
  if (typeof fallback === 'function') return invokeMethod(fallback, obj, [name]);
  throw new AttributeError(`'${typeName(obj)}' object has no attribute '${name}'`);
}

/** object.__getattribute__: the attribute found on the instance or its class, bound as Python binds it. */
function lookupInstanceAttr(obj: object, name: string): unknown {
  const key = attrKey(name);
  const value = (obj as Record<string, unknown>)[key];
  if (value !== undefined) return foundAttr(obj, key, value);
  switch (name) {
    case '__class__':
      return typeOf(obj);
    case '__dict__': {
      const cls = pyClassOf(obj);
      if (cls === undefined || (cls !== object && !infoOf(cls).slots)) return instanceDict(obj);
      break;
    }
  }
  return MISSING;
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
  for (const key of Object.keys(obj)) {
    const name = attrName(key);
    if (name !== null) entries.push([name, (obj as Record<string, unknown>)[key]]);
  }
  return dictHooks.make ? dictHooks.make(entries, obj) : Object.fromEntries(entries);
}

/** `obj.name = value` for an instance of a Python class. */
export function setInstanceAttr(obj: object, name: string, value: unknown): void {
  const custom = (obj as Record<string, unknown>)['__setattr__'];
  if (custom !== OBJECT_METHODS['__setattr__'] && custom !== undefined) {
    invokeMethod(custom, obj, [name, value]);
    return;
  }
  storeAttribute(obj, name, value);
}

/** object.__setattr__: the instance's own attribute, unless `__slots__` forbid it. */
function storeAttribute(obj: object, name: string, value: unknown): void {
  const cls = pyClassOf(obj);
  if (cls === object) throw new AttributeError(`'object' object has no attribute '${name}'`);
  const slots = cls === undefined ? null : infoOf(cls).slots;
  if (slots && !slots.has(name) && !(attrKey(name) in obj)) {
    throw new AttributeError(`'${typeName(obj)}' object has no attribute '${name}'`);
  }
  writeInstanceAttr(obj, name, value);
}

/**
 * An instance attribute set where a plain assignment would run a class's
 * accessor (a name the class has as a staticmethod or classmethod).
 */
function ownAttribute(obj: object, name: string, value: unknown): void {
  const key = attrKey(name);
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
  const key = attrKey(name);
  (obj as Record<string, unknown>)[key] = value;
  if (typeof value === 'function' && key === name) hideMethod(obj, name);
}

/** Removes an instance's own attribute (an object's `__dict__` losing a key). */
export function dropInstanceAttr(obj: object, name: string): void {
  delete (obj as Record<string, unknown>)[attrKey(name)];
}

export function delInstanceAttr(obj: object, name: string): void {
  const custom = (obj as Record<string, unknown>)['__delattr__'];
  if (custom !== undefined && custom !== OBJECT_METHODS['__delattr__']) {
    invokeMethod(custom, obj, [name]);
    return;
  }
  removeAttribute(obj, name);
}

/** object.__delattr__: a property's deleter, or the instance's own attribute. */
function removeAttribute(obj: object, name: string): void {
  const desc = findProperty(obj, name);
  if (desc !== undefined) {
    if (desc.fdel === null) throw new AttributeError(`property '${name}' of '${typeName(obj)}' object has no deleter`);
    call(desc.fdel, [obj], null);
    return;
  }
  const key = attrKey(name);
  if (!Object.hasOwn(obj, key)) throw new AttributeError(`'${typeName(obj)}' object has no attribute '${name}'`);
  delete (obj as Record<string, unknown>)[key];
}

function findProperty(obj: object, name: string): PyProperty | undefined {
  const cls = pyClassOf(obj);
  if (cls === undefined) return undefined;
  const entry = classAttribute(cls, name);
  return entry?.value instanceof PyProperty ? entry.value : undefined;
}

// ---------------------------------------------------------------------------
// Attributes of classes

/** `cls.name` for a Python or runtime class. */
export function getClassAttr(cls: PyClass, name: string): unknown {
  switch (name) {
    case '__name__':
      return cls.__name__ ?? (cls as Function).name;
    case '__qualname__':
      return cls.__qualname__ ?? cls.__name__ ?? (cls as Function).name;
    case '__mro__':
      return PyTuple.fromArray(mroOf(cls));
    case '__bases__':
      return PyTuple.fromArray(infoOf(cls).bases);
    case '__base__':
      return infoOf(cls).bases[0] ?? null;
    case '__class__':
      return typeBuiltin;
    case '__dict__':
      return dictHooks.make ? dictHooks.make([...infoOf(cls).dict]) : Object.fromEntries(infoOf(cls).dict);
    case '__module__': {
      const m = (cls as unknown as { __module__?: unknown }).__module__;
      if (m !== undefined) return m;
      break;
    }
    case 'mro':
      return () => [...mroOf(cls)];
    case '__subclasses__':
      return () => [];
  }
  const entry = classAttribute(cls, name);
  if (entry !== undefined) {
    const value = entry.value;
    if (value instanceof PyStaticMethod) return value.__func__;
    if (value instanceof PyClassMethod) return bindMethod(value.__func__, cls);
    return value;
  }
  if (name === '__doc__') return null;
  throw new AttributeError(`type object '${cls.__name__ ?? (cls as Function).name}' has no attribute '${name}'`);
}

export function setClassAttr(cls: PyClass, name: string, value: unknown): void {
  if (name === '__name__' || name === '__qualname__') {
    if (typeof value !== 'string') throw new TypeError(`can only assign string to ${cls.__name__}.${name}, not '${typeName(value)}'`);
    cls[name] = value;
    return;
  }
  if (ownInfo(cls) === undefined || builtinClasses.has(cls)) throw new TypeError(`cannot set '${name}' attribute of immutable type '${cls.__name__}'`);
  setClassAttribute(cls, name, value);
}

/**
 * Makes a builtin type function (`list`, `int`…) a class: `__name__`, an
 * MRO, and a prototype holding its methods for subclasses' instances. The
 * methods take the object first (`list_append(self, x)`); on the prototype
 * they are JS methods that also work unbound (`list.append(xs, 1)`).
 */
const builtinClasses = new WeakSet<Function>();

export function registerBuiltinClass(
  fn: Function,
  name: string,
  base: PyClass | null,
  native: { ctor: new (...args: unknown[]) => object; args: boolean } | null,
  methods: Record<string, (self: never, ...args: never[]) => unknown>,
  statics: Record<string, (...args: never[]) => unknown> = {},
): void {
  const cls = fn as unknown as PyClass;
  builtinClasses.add(fn);
  classEpoch++;
  const parent = native !== null ? (native.ctor.prototype as object) : base !== null ? base.prototype : OBJECT_PROTO;
  const proto = Object.create(parent) as Record<PropertyKey, unknown>;
  const dict = new Map<string, unknown>();
  for (const [key, method] of Object.entries(methods)) {
    const m = method as (...a: unknown[]) => unknown;
    const wrapper = function (this: unknown, ...args: unknown[]): unknown {
      return this === undefined ? m(...args) : m(this, ...args);
    };
    defineHidden(wrapper, BUILTIN_METHOD, true);
    defineHidden(proto, key, wrapper);
    dict.set(key, wrapper);
  }
  for (const [key, fn] of Object.entries(statics)) {
    const value = new PyStaticMethod(fn);
    installMethodDescriptor(proto, key, value);
    dict.set(key, value);
  }
  defineHidden(proto, 'constructor', cls);
  Object.defineProperty(cls, 'prototype', { value: proto, writable: true });
  cls.__name__ = name;
  cls.__qualname__ = name;
  (cls as unknown as { __module__: string }).__module__ = 'builtins';
  const bases = base !== null ? [base] : [object];
  const info: ClassInfo = {
    dict, bases, mro: [], native: native?.ctor ?? null, nativeArgs: native?.args ?? false, mirrors: [], callable: false,
  };
  Object.defineProperty(cls, INFO, { value: info, enumerable: false });
  info.mro = [cls, ...mroOf(bases[0]!)];
}

// ---------------------------------------------------------------------------
// super()

export class PySuper {
  static readonly __name__ = 'super';
  constructor(
    readonly thisClass: PyClass,
    /** The object (or, in a classmethod, the class) methods bind to. */
    readonly self: unknown,
    /** Whose MRO is searched: type(self), or self when it is a class. */
    readonly start: PyClass,
  ) {}

  /** The attribute after `thisClass` in the MRO, bound as Python binds it. */
  find(name: string): { value: unknown } | undefined {
    const mro = mroOf(this.start);
    const i = mro.indexOf(this.thisClass);
    const entry = classAttribute(this.start, name, i + 1);
    if (entry === undefined) return undefined;
    const value = entry.value;
    if (value instanceof PyStaticMethod) return { value: value.__func__ };
    if (value instanceof PyClassMethod) return { value: bindMethod(value.__func__, this.start) };
    if (value instanceof PyProperty) return { value: value.fget === null ? null : call(value.fget, [this.self], null) };
    if (typeof value === 'function' && !isClassLike(value) && this.self !== this.start) {
      if (isPyFunction(value)) return { value: bindMethod(value, this.self) };
      return { value: (value as (...a: unknown[]) => unknown).bind(this.self) };
    }
    return { value };
  }

  __repr__(): string {
    return `<super: <class '${this.thisClass.__name__}'>, <${typeName(this.self)} object>>`;
  }
}

/** `super()` in a method of `cls` whose first argument is `self`; `super(cls, self)`. */
export function makeSuper(cls: unknown, self: unknown): PySuper {
  if (!isClassLike(cls)) throw new TypeError(`super() argument 1 must be a type, not ${typeName(cls)}`);
  const klass = cls as PyClass;
  if (isClassLike(self) && issubclass(self as PyClass, klass)) return new PySuper(klass, self, self as PyClass);
  if (self === null || self === undefined || !isinstance(self, klass)) {
    throw new TypeError('super(type, obj): obj must be an instance or subtype of type');
  }
  return new PySuper(klass, self, typeOf(self as object));
}

export function superGetattr(s: PySuper, name: string): unknown {
  const found = s.find(name);
  if (found !== undefined) return found.value;
  if (name === '__class__') return PySuper;
  throw new AttributeError(`'super' object has no attribute '${name}'`);
}

/** `super().name(*args)` without making a bound method. */
export function superCall(s: PySuper, name: string, args: unknown[], kwargs: Record<string, unknown> | null): unknown {
  const mro = mroOf(s.start);
  const entry = classAttribute(s.start, name, mro.indexOf(s.thisClass) + 1);
  const value = entry?.value;
  if (kwargs === null && s.self !== s.start) {
    if (isPyFunction(value)) return (value as (...a: unknown[]) => unknown)(s.self, ...args);
    if (typeof value === 'function' && !isClassLike(value)) return (value as (...a: unknown[]) => unknown).apply(s.self, args);
  }
  return call(superGetattr(s, name), args, kwargs);
}

// ---------------------------------------------------------------------------
// type

/** The builtin `type` (defined in types.ts, which registers it here): the class of classes. */
export let typeBuiltin: PyClass = object;
export function setTypeClass(cls: PyClass): void {
  typeBuiltin = cls;
}

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

export { BaseException };
