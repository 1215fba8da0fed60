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
import { AttributeError, TypeError } from '../exceptions.js';
import { BOUND, call, isPyFunction, type PyCallable } from '../calls.js';
import { PLAIN_GET, PLAIN_SET, attrKey, attrName, methodKey } from '../attributeKeys.js';
import { MethodDescriptor, PyClassMethod, PyProperty, PyStaticMethod } from './descriptors.js';
import {
  UNBOUND, bindMethod, builtinClasses, classAttribute, classChanged, defineHidden, infoOf, isClassLike, mroOf, ownInfo, typeBuiltin, typeOf,
  type PyClass,
} from './model.js';
import { dictHooks, ownAttribute } from './instanceAttributes.js';

/** Sets a class attribute on the class's namespace, its prototype and its mirrors. */
export function setClassAttribute(cls: PyClass, name: string, value: unknown): void {
  const info = infoOf(cls);
  classChanged();
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
