/**
 * Attributes of classes: `cls.name` and assignments to it. A class keeps
 * its namespace (`__dict__`) with the raw values — the `property`,
 * `staticmethod` and `classmethod` objects themselves — for lookups on the
 * class and through `super()`; its prototype (and the mirrors multiple
 * inheritance made of it) holds what instances see: functions, accessors
 * for properties and for static and class methods, and the method aliases
 * compiled code's call fast path tests.
 */
import { PyTuple, typeName } from '../values.js';
import { AttributeError, TypeError, attributeNotFound } from '../exceptions.js';
import { BOUND, METHOD_OF, call, isPyFunction, type PyCallable } from '../calls.js';
import { PLAIN_GET, PLAIN_SET, attrKey, attrName, methodKey } from '../attributeKeys.js';
import { MethodDescriptor, PyClassMethod, PyProperty, PyStaticMethod } from './descriptors.js';
import {
  BUILTIN_METHOD, UNBOUND, object, bindMethod, builtinClasses, isinstance as isinstanceOf, classAttribute, classChanged, defineHidden, guardClassAssign, infoOf, isClassLike, mroOf, ownInfo, pyClassOf, typeBuiltin, typeOf,
  type PyClass,
} from './model.js';
import { dictHooks, firstWeakref, ownAttribute } from './instanceAttributes.js';
import { callSpecial, hasSpecial } from '../special.js';
import { WATCHED_NAMES, noteOverride } from '../subclassOverrides.js';
import { GetSetDescriptor } from './dataDescriptors.js';

/** Marks `name` as overridden for every container class at or below `cls` (subclassOverrides.ts). */
function noteOverrideBelow(cls: PyClass, name: string, seen = new Set<PyClass>()): void {
  if (seen.has(cls)) return;
  seen.add(cls);
  const info = infoOf(cls);
  noteOverride(info.native, name);
  for (const ref of info.subclasses ?? []) {
    const sub = ref.deref();
    if (sub !== undefined) noteOverrideBelow(sub, name, seen);
  }
}

/** Sets a class attribute on the class's namespace, its prototype and its mirrors. */
export function setClassAttribute(cls: PyClass, name: string, value: unknown): void {
  const info = infoOf(cls);
  classChanged();
  if (WATCHED_NAMES.has(name)) noteOverrideBelow(cls, name);
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
    } else if (isUserDescriptor(value)) {
      installUserDescriptor(target, key, name, value);
    } else {
      Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable: false });
    }
    if (key === name) defineHidden(target, methodKey(name), method);
    if (name === '__setattr__') defineHidden(target, PLAIN_SET, false);
    if (name === '__getattribute__') defineHidden(target, PLAIN_GET, false);
  }
  if (name === '__call__') info.callable = value !== null && value !== undefined;
}

/** An object of a class defining `__get__`, `__set__` or `__delete__`: a descriptor (the descriptor HowTo's). */
function isUserDescriptor(value: unknown): value is object {
  // A callable instance (a PropertyMock) is a function.
  const instance = (typeof value === 'object' && value !== null) || (typeof value === 'function' && pyClassOf(value) !== undefined && !isClassLike(value));
  return instance
    && (hasSpecial(value, '__get__') || hasSpecial(value, '__set__') || hasSpecial(value, '__delete__'));
}

/**
 * A descriptor object on a prototype: an accessor calling its `__get__`
 * (with the instance and its class) and `__set__`. A data descriptor
 * (`__set__` or `__delete__`) takes every assignment, so no instance
 * attribute ever hides it; a non-data one (`__get__` only) lets an
 * assignment make the instance attribute, which then hides it, as in CPython.
 */
function installUserDescriptor(target: object, key: string, name: string, descriptor: object): void {
  const getter = hasSpecial(descriptor, '__get__');
  const setter = hasSpecial(descriptor, '__set__');
  const data = setter || hasSpecial(descriptor, '__delete__');
  Object.defineProperty(target, key, {
    configurable: true,
    enumerable: false,
    get(this: object) {
      return getter ? callSpecial(descriptor, '__get__', this, typeOf(this)) : descriptor;
    },
    set(this: object, v: unknown) {
      if (setter) callSpecial(descriptor, '__set__', this, v);
      else if (data) throw new AttributeError('__set__');
      else ownAttribute(this, name, v);
    },
  });
}

/**
 * A staticmethod or classmethod on a prototype: an accessor giving the
 * function (or the method bound to the instance's class), so that what a
 * plain property read finds on a prototype is never a descriptor object.
 * Assigning the name on an instance makes an instance attribute, as for any
 * non-data descriptor.
 */
export function installMethodDescriptor(target: object, key: string, descriptor: MethodDescriptor): void {
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
  classChanged();
  const key = attrKey(name);
  for (const target of [cls.prototype, ...info.mirrors]) {
    delete target[key];
    if (key === name) delete target[methodKey(name)];
  }
}

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
      // A class whose JS prototype names its metaclass (an enum class's EnumType) has that class.
      return ownInfo(cls)?.meta ?? pyClassOf(cls) ?? typeBuiltin;
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
      return () => (ownInfo(cls)?.subclasses ?? []).map((r) => r.deref()).filter((c) => c !== undefined);
  }
  const meta = ownInfo(cls)?.meta;
  // A property of the metaclass (a data descriptor) comes before the class's own attributes, as in CPython.
  const metaEntry = meta !== undefined ? classAttribute(meta, name) : undefined;
  if (metaEntry !== undefined && metaEntry.value instanceof PyProperty) return metaProperty(metaEntry.value, cls, name);
  const entry = classAttribute(cls, name);
  // Every class has a `__doc__` of its own in CPython (None without a docstring): object's is only object's.
  if (entry !== undefined && !(entry.owner === object && cls !== object && name === '__doc__')) {
    const value = entry.value;
    if (value instanceof PyStaticMethod) return value.__func__;
    if (value instanceof PyClassMethod) return bindMethod(value.__func__, cls);
    // A descriptor read from the class: `__get__(None, cls)`.
    if (isUserDescriptor(value) && hasSpecial(value, '__get__')) return callSpecial(value, '__get__', null, cls);
    if (typeof value === 'function' && ownInfo(entry.owner)?.prototypeMethods === true && isThisMethod(value)) return selfFirst(entry.owner, name, value);
    return value;
  }
  if (name === '__doc__') return null;
  if (name === '__weakref__') {
    const slot = weakrefSlot(cls);
    if (slot !== undefined) return slot;
  }
  if (metaEntry !== undefined) return metaAttribute(metaEntry.value, cls, meta!);
  if (meta !== undefined) {
    // The metaclass's __getattr__, last, as for an instance's.
    const fallback = classAttribute(meta, '__getattr__');
    if (fallback !== undefined) return call(metaAttribute(fallback.value, cls, meta), [name], null);
  }
  throw attributeNotFound(`type object '${cls.__name__ ?? (cls as Function).name}' has no attribute '${name}'`, name, cls);
}

const weakrefSlots = new WeakMap<PyClass, GetSetDescriptor>();

/**
 * `C.__weakref__`: the descriptor of the slot the first class without
 * `__slots__` (or naming `__weakref__` in them) gave its instances: its
 * first weak reference, or None.
 */
function weakrefSlot(cls: PyClass): GetSetDescriptor | undefined {
  const owner = mroOf(cls).slice().reverse().find((c) => {
    const info = ownInfo(c);
    if (info === undefined || c === object || builtinClasses.has(c) || info.prototypeMethods === true) return false;
    const slots = info.dict.get('__slots__');
    return slots === undefined || (typeof slots === 'string' ? slots === '__weakref__' : [...(slots as Iterable<unknown>)].includes('__weakref__'));
  });
  if (owner === undefined) return undefined;
  let slot = weakrefSlots.get(owner);
  if (slot === undefined) {
    slot = new GetSetDescriptor('__weakref__', owner, 'list of weak references to the object', { get: (obj) => firstWeakref(obj as object) }, (obj) => isinstanceOf(obj, owner), false);
    weakrefSlots.set(owner, slot);
  }
  return slot;
}

/** A runtime class's JS method, which takes its instance as `this` (not a Python function, builtin wrapper or class). */
function isThisMethod(value: Function): boolean {
  const f = value as PyCallable & Record<symbol, unknown>;
  return !isPyFunction(f) && !isClassLike(f) && f[BOUND] === undefined && f[BUILTIN_METHOD] !== true && f[METHOD_OF] === undefined;
}

/**
 * CPython's complaint about a builtin type's method called through the type
 * without its instance first (`list.append()`, `list.append(5, 1)`).
 */
export function unboundCallError(clsName: string, name: string, args: readonly unknown[]): TypeError {
  const dunder = name.startsWith('__') && name.endsWith('__');
  if (args.length === 0) {
    return new TypeError(dunder ? `descriptor '${name}' of '${clsName}' object needs an argument` : `unbound method ${clsName}.${name}() needs an argument`);
  }
  return new TypeError(dunder
    ? `descriptor '${name}' requires a '${clsName}' object but received a '${typeName(args[0])}'`
    : `descriptor '${name}' for '${clsName}' objects doesn't apply to a '${typeName(args[0])}' object`);
}

const selfFirstMethods = new WeakMap<Function, Function>();

/**
 * A runtime class's method read from the class (`type(gen).__next__`,
 * `asyncio.Queue.put_nowait`): a method descriptor taking the instance as
 * its first argument, checked as CPython's are; called on an instance
 * (`this`), it is the method itself.
 */
function selfFirst(cls: PyClass, name: string, method: Function): Function {
  let wrapper = selfFirstMethods.get(method);
  if (wrapper !== undefined) return wrapper;
  const m = method as (this: unknown, ...args: unknown[]) => unknown;
  const clsName = cls.__name__ ?? (cls as Function).name;
  wrapper = function (this: unknown, ...args: unknown[]): unknown {
    if (this !== undefined) return m.apply(this, args);
    const self = args[0];
    if (args.length > 0 && (typeof self === 'object' || typeof self === 'function') && self !== null && isinstanceOf(self, cls)) {
      return m.apply(self, args.slice(1));
    }
    // Some methods check an unbound call themselves (with their own words): theirs, unless the method was not made for one.
    try {
      return m.apply(undefined, args);
    } catch (e) {
      if (!(e instanceof globalThis.TypeError)) throw e;
    }
    throw unboundCallError(clsName, name, args);
  };
  Object.defineProperty(wrapper, 'name', { value: name });
  defineHidden(wrapper, BUILTIN_METHOD, true);
  defineHidden(wrapper, METHOD_OF, { type: clsName, name });
  selfFirstMethods.set(method, wrapper);
  return wrapper;
}

function metaProperty(prop: PyProperty, cls: PyClass, name: string): unknown {
  if (prop.fget === null) throw new AttributeError(`property '${name}' of '${typeOf(cls).__name__}' object has no getter`);
  return call(prop.fget, [cls], null);
}

/** An attribute of a class's metaclass, as the class sees it: methods bound to the class, classmethods to the metaclass. */
function metaAttribute(value: unknown, cls: PyClass, meta: PyClass): unknown {
  if (value instanceof PyStaticMethod) return value.__func__;
  if (value instanceof PyClassMethod) return bindMethod(value.__func__, meta);
  if (typeof value !== 'function' || isClassLike(value) || (value as PyCallable)[BOUND] !== undefined) return value;
  if (isPyFunction(value)) return bindMethod(value, cls);
  // type's own methods (`A.__call__`, `A.__init__`): JS methods taking the class as `this`.
  const method = value as (this: unknown, ...a: unknown[]) => unknown;
  return (...args: unknown[]) => method.apply(cls, args);
}

export function setClassAttr(cls: PyClass, name: string, value: unknown): void {
  guardClassAssign(cls, name, false);
  const meta = ownInfo(cls)?.meta;
  if (meta !== undefined) {
    // The metaclass's own __setattr__ takes the assignment (its `super().__setattr__` is type's, below).
    const own = classAttribute(meta, '__setattr__');
    if (own !== undefined && own.owner !== typeBuiltin && own.owner !== object) {
      call(metaAttribute(own.value, cls, meta), [name, value], null);
      return;
    }
  }
  typeSetattr(cls, name, value);
}

/** `type.__setattr__(cls, name, value)`. */
export function typeSetattr(cls: PyClass, name: string, value: unknown): void {
  if (name === '__name__' || name === '__qualname__') {
    if (typeof value !== 'string') throw new TypeError(`can only assign string to ${cls.__name__}.${name}, not '${typeName(value)}'`);
    cls[name] = value;
    return;
  }
  if (ownInfo(cls) === undefined || builtinClasses.has(cls)) throw new TypeError(`cannot set '${name}' attribute of immutable type '${cls.__name__}'`);
  const meta = ownInfo(cls)!.meta;
  const metaEntry = meta !== undefined ? classAttribute(meta, name) : undefined;
  if (metaEntry !== undefined && metaEntry.value instanceof PyProperty) {
    // A property of the metaclass takes the assignment.
    const prop = metaEntry.value;
    if (prop.fset === null) throw new AttributeError(`property '${name}' of '${meta!.__name__}' object has no setter`);
    call(prop.fset, [cls, value], null);
    return;
  }
  setClassAttribute(cls, name, value);
}
