/**
 * Making classes: the `class` statement (`makeClass`) and the builtin types
 * made classes (`registerBuiltinClass`). The prototype chain follows the
 * class's MRO (CPython's C3 linearization). With single inheritance that is
 * the bases' own chain; when multiple inheritance puts classes in an order
 * no base's chain has, the class gets copies ("mirrors") of those classes'
 * attributes linked in MRO order, and assignments to a class attribute
 * update its mirrors (classAttributes.ts).
 */
import { TypeError } from '../exceptions.js';
import { PyBoxed, unbox } from '../values.js';
import { callSpecial, hasSpecial } from '../special.js';
import { call, isPyFunction } from '../calls.js';
import { PLAIN_SET } from '../attributeKeys.js';
import { PyClassMethod, PyStaticMethod } from './descriptors.js';
import {
  BUILTIN_METHOD, CLASS, INFO, METACLASS_HOOK, OBJECT_PROTO, bindMethod, builtinClasses, classAttribute, classChanged, defineHidden, infoOf,
  isClassLike, linearize, mroOf, object, typeBuiltin, type ClassInfo, type PyClass,
} from './model.js';
import { installMethodDescriptor, setClassAttribute } from './classAttributes.js';
import { construct, constructClass } from './construction.js';

/** The JS constructor a class's instances need (an exception class), checking bases agree. */
function nativeBase(mro: PyClass[]): { native: (new (...args: unknown[]) => object) | null; nativeArgs: boolean; nativeInit: boolean } {
  let native: (new (...args: unknown[]) => object) | null = null;
  let nativeArgs = false;
  let nativeInit = false;
  for (const c of mro.slice(1)) {
    const info = infoOf(c);
    const n = info.native;
    if (n === null) continue;
    if (native === null || (n !== native && mroOf(n as unknown as PyClass).includes(native as unknown as PyClass))) {
      // The most derived native base decides the layout.
      native = n;
      nativeArgs = info.nativeArgs;
      nativeInit = info.nativeInit;
    } else if (n !== native && !mroOf(native as unknown as PyClass).includes(n as unknown as PyClass)) {
      throw new TypeError(`multiple bases have instance lay-out conflict`);
    }
  }
  return { native, nativeArgs, nativeInit };
}

/**
 * The prototype a new class's own prototype inherits from: the longest
 * tail of its MRO that is some class's whole MRO is linked as is; the
 * classes before it are mirrored.
 */
function chainFor(mro: PyClass[], native: (new (...args: unknown[]) => object) | null): Record<PropertyKey, unknown> {
  let tail = 1;
  while (tail < mro.length && !sameList(mroOf(mro[tail]!), mro.slice(tail))) tail++;
  let proto = tail < mro.length ? mro[tail]!.prototype : OBJECT_PROTO;
  if (native !== null && native.prototype instanceof PyBoxed && !(proto instanceof native)) {
    // A box (an int, float, str or bytes subclass's instance) must be one by its prototype chain:
    // every class but object is mirrored above the layout's prototype (`class Shade(str, Enum)`).
    tail = mro.length - 1;
    proto = native.prototype as unknown as Record<PropertyKey, unknown>;
  }
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
  // Set once the class is made: calls before (from its own body) take the general path.
  let made: ClassInfo | undefined;
  const cls = function (...args: unknown[]): unknown {
    return made !== undefined ? constructClass(cls, made, args) : construct(cls, args, null);
  } as unknown as PyClass;
  Object.defineProperty(cls, 'name', { value: name });
  const ns: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  body(ns, cls);
  const baseClasses = (bases.length > 0 ? bases : [object]) as PyClass[];
  for (const b of baseClasses) {
    if (b === (typeBuiltin as unknown)) throw new TypeError('pyasync does not support metaclasses yet (subclassing type)');
  }
  const mro = linearize(cls, baseClasses);
  const { native, nativeArgs, nativeInit } = nativeBase(mro);
  const proto = Object.create(chainFor(mro, native)) as Record<PropertyKey, unknown>;
  const dict = new Map<string, unknown>();
  cls.prototype = proto;
  defineHidden(proto, CLASS, cls);
  defineHidden(proto, 'constructor', cls);
  const info: ClassInfo = { dict, bases: baseClasses, mro, native, nativeArgs, nativeInit, mirrors: [], callable: false };
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
  made = info;
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

/**
 * Makes a builtin type function (`list`, `int`…) a class: `__name__`, an
 * MRO, and a prototype holding its methods for subclasses' instances. The
 * methods take the object first (`list_append(self, x)`); on the prototype
 * they are JS methods that also work unbound (`list.append(xs, 1)`).
 */
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
  classChanged();
  const parent = native !== null ? (native.ctor.prototype as object) : base !== null ? base.prototype : OBJECT_PROTO;
  const proto = Object.create(parent) as Record<PropertyKey, unknown>;
  const dict = new Map<string, unknown>();
  // int, float, str and bytes: a subclass's instance is a box whose base value their methods work on.
  const boxed = native !== null && native.ctor.prototype instanceof PyBoxed;
  for (const [key, method] of Object.entries(methods)) {
    const m = method as (...a: unknown[]) => unknown;
    const wrapper = boxed
      ? function (this: unknown, ...args: unknown[]): unknown {
        if (this !== undefined) args.unshift(this);
        for (let i = 0; i < args.length; i++) args[i] = unbox(args[i]);
        return m(...args);
      }
      : function (this: unknown, ...args: unknown[]): unknown {
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
    dict, bases, mro: [], native: native?.ctor ?? null, nativeArgs: native?.args ?? false, nativeInit: false, mirrors: [], callable: false,
  };
  Object.defineProperty(cls, INFO, { value: info, enumerable: false });
  info.mro = [cls, ...mroOf(bases[0]!)];
}
