/**
 * Making classes: the `class` statement (`makeClass`) and the builtin types
 * made classes (`registerBuiltinClass`). The prototype chain follows the
 * class's MRO (CPython's C3 linearization). With single inheritance that is
 * the bases' own chain; when multiple inheritance puts classes in an order
 * no base's chain has, the class gets copies ("mirrors") of those classes'
 * attributes linked in MRO order, and assignments to a class attribute
 * update its mirrors (classAttributes.ts).
 */
import { BaseException, RuntimeError, TypeError, ValueError } from '../exceptions.js';
import { toPython } from '../errors.js';
import { PyBoxed, PyTuple, typeName, unbox } from '../values.js';
import { str } from '../repr.js';
import { callSpecial, hasSpecial } from '../special.js';
import { BOUND_BUILTIN, METHOD_OF, call, isPyFunction, type PyCallable } from '../calls.js';
import { PLAIN_SET } from '../attributeKeys.js';
import { PyClassMethod, PyStaticMethod } from './descriptors.js';
import {
  BUILTIN_METHOD, CLASS, INFO, OBJECT_PROTO, bindMethod, builtinClasses, classAttribute, classChanged, defineHidden, infoOf,
  isClassLike, linearize, mroOf, object, ownPrototypes, typeBuiltin, type ClassInfo, type PyClass,
} from './model.js';
import { getClassAttr, installMethodDescriptor, setClassAttribute, unboundCallError } from './classAttributes.js';
import { construct, constructClass } from './construction.js';
import { ClassCell, calculateMetaclass, namespaceHooks, setMetaclass, takePendingClass, withPendingClass } from './metaclasses.js';
import { WATCHED_NAMES, noteOverride } from '../subclassOverrides.js';

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
    } else if (n !== native && !mroOf(native as unknown as PyClass).includes(n as unknown as PyClass) && !sameLayout(native, n)) {
      throw new TypeError(`multiple bases have instance lay-out conflict`);
    }
  }
  return { native, nativeArgs, nativeInit };
}

// The exception classes whose CPython instances have a struct of their own (exceptions.c's
// ComplexExtendsException): two bases conflict only when they lead to different ones of these.
const SOLID_EXCEPTIONS = new Set(['BaseExceptionGroup', 'StopIteration', 'SystemExit', 'ImportError', 'OSError', 'NameError', 'AttributeError', 'SyntaxError', 'UnicodeError']);

/**
 * Whether two unrelated exception classes share their instance layout, as
 * CPython's ArithmeticError and TypeError do (decimal's FloatOperation
 * derives from both). The first base then gives the JS layout; the other
 * is mirrored.
 */
function sameLayout(a: new (...args: unknown[]) => object, b: new (...args: unknown[]) => object): boolean {
  if (!(a.prototype instanceof BaseException) || !(b.prototype instanceof BaseException)) return false;
  const sa = solidBase(a);
  const sb = solidBase(b);
  return sa === sb || sa.prototype instanceof sb || sb.prototype instanceof sa;
}

function solidBase(cls: new (...args: unknown[]) => object): new (...args: unknown[]) => object {
  let c = cls;
  while (c.prototype !== BaseException.prototype && !SOLID_EXCEPTIONS.has((c as unknown as { __name__?: string }).__name__ ?? '')) {
    c = Object.getPrototypeOf(c) as new (...args: unknown[]) => object;
  }
  return c;
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
  if (native !== null && !(proto instanceof native)) {
    // An instance of a builtin layout (a box for int, float, str or bytes; a list's Array; an
    // exception's Error) must be one by its prototype chain: every class but object is mirrored
    // above the layout's prototype (`class Shade(str, Enum)`, `class E(ValueError, Mixin)`).
    tail = mro.length - 1;
    proto = (native.prototype instanceof PyBoxed ? native.prototype : layoutPrototype(mro, native)) as Record<PropertyKey, unknown>;
  }
  for (let i = tail - 1; i >= 1; i--) {
    const source = mro[i]!;
    const mirror = Object.create(proto) as Record<PropertyKey, unknown>;
    // A runtime class's hidden bases' attributes count as its own (ownPrototypes): copied after, so its own win.
    const owns = ownPrototypes(source);
    for (let k = owns.length - 1; k >= 0; k--) {
      for (const key of Reflect.ownKeys(owns[k]!)) Object.defineProperty(mirror, key, Object.getOwnPropertyDescriptor(owns[k]!, key)!);
    }
    infoOf(source).mirrors.push(mirror);
    proto = mirror;
  }
  return proto;
}

/** The prototype of the first base whose instances have the layout `native` makes (list's, ValueError's). */
function layoutPrototype(mro: PyClass[], native: new (...args: unknown[]) => object): object {
  const base = mro.find((c, i) => i > 0 && (c.prototype === native.prototype || c.prototype instanceof native));
  return base !== undefined ? base.prototype : native.prototype;
}

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** A class's function, made before its body runs (methods close over it for super()), until buildClass fills it in. */
const unfinished = new WeakMap<PyClass, (info: ClassInfo) => void>();

function newClassObject(name: string): PyClass {
  // Set once the class is made: calls before (from its own body) take the general path.
  let made: ClassInfo | undefined;
  const cls = function (...args: unknown[]): unknown {
    return made !== undefined ? constructClass(cls, made, args) : construct(cls, args, null);
  } as unknown as PyClass;
  Object.defineProperty(cls, 'name', { value: name });
  unfinished.set(cls, (info) => {
    made = info;
  });
  return cls;
}

/**
 * `class Name(*bases, **keywords): body` — `body(ns, cls)` runs the class
 * body, assigning its names to `ns`; `cls` is the class being made (the
 * `__class__` that `super()` uses). A metaclass (`metaclass=`, or a base's)
 * other than `type` makes the class from the namespace instead.
 */
export function makeClass(
  name: string,
  bases: unknown[],
  body: (ns: Record<string, unknown>, cls: PyClass) => void,
  keywords: Record<string, unknown> | null = null,
): PyClass {
  const origBases = bases;
  bases = resolveBases(bases);
  let explicit: unknown;
  if (keywords !== null && 'metaclass' in keywords) {
    explicit = keywords['metaclass'];
    keywords = Object.fromEntries(Object.entries(keywords).filter(([k]) => k !== 'metaclass'));
  }
  // A metaclass that is no class (a function) is called as it is.
  const meta = explicit !== undefined && !isClassLike(explicit) ? explicit : calculateMetaclass((explicit ?? typeBuiltin) as PyClass, bases);
  if (meta !== typeBuiltin) return classThroughMetaclass(meta, name, bases, origBases, body, keywords) as PyClass;
  const cls = newClassObject(name);
  const ns: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  body(ns, cls);
  if (bases !== origBases) ns['__orig_bases__'] = PyTuple.fromArray(origBases);
  return buildClass(cls, name, bases, ns, keywords, null);
}

/**
 * PEP 560: a base that is no class (typing's `Stack[int]`) is replaced by
 * what its `__mro_entries__` returns; the bases as written are then kept
 * as the class's `__orig_bases__`. The same array comes back when no base
 * needed it.
 */
function resolveBases(bases: unknown[]): unknown[] {
  let resolved: unknown[] | null = null;
  for (let i = 0; i < bases.length; i++) {
    const b = bases[i];
    if (isClassLike(b)) {
      resolved?.push(b);
      continue;
    }
    if (!hasSpecial(b, '__mro_entries__')) throw new TypeError(`bases must be types`);
    const entries = callSpecial(b, '__mro_entries__', PyTuple.fromArray(bases));
    if (!(entries instanceof PyTuple)) throw new TypeError('__mro_entries__ must return a tuple');
    resolved ??= bases.slice(0, i);
    resolved.push(...entries);
  }
  return resolved ?? bases;
}

/**
 * CPython's __build_class__ with a metaclass: `__prepare__` gives the
 * namespace (a dict by default), the body fills it, and the metaclass is
 * called with the name, the bases and the namespace (and the class
 * keywords). The body runs into a JS record first and its names are then
 * stored in the mapping in order, so a `__prepare__` mapping sees them all
 * once the body has run.
 */
function classThroughMetaclass(
  meta: unknown,
  name: string,
  bases: unknown[],
  origBases: unknown[],
  body: (ns: Record<string, unknown>, cls: PyClass) => void,
  keywords: Record<string, unknown> | null,
): unknown {
  const basesTuple = PyTuple.fromArray(bases);
  let namespace: unknown;
  if (isClassLike(meta)) {
    const prepare = classAttribute(meta as PyClass, '__prepare__');
    if (prepare !== undefined && prepare.owner !== typeBuiltin) {
      namespace = call(getClassAttr(meta as PyClass, '__prepare__'), [name, basesTuple], keywords);
    }
  }
  namespace ??= namespaceHooks.dict!();
  const cls = newClassObject(name);
  const ns: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  body(ns, cls);
  if (bases !== origBases) ns['__orig_bases__'] = PyTuple.fromArray(origBases);
  if (ns['__classcell__'] === cls) ns['__classcell__'] = new ClassCell(cls);
  for (const key of Object.keys(ns)) namespaceHooks.setitem!(namespace, key, ns[key]);
  return withPendingClass(name, cls, () => call(meta, [name, basesTuple, namespace], keywords));
}

/**
 * `type.__new__(meta, name, bases, namespace, **keywords)` once the
 * arguments are checked: the class, made by `meta` (or `type` when null).
 * A class statement's own class object is used when this makes its class.
 */
export function classFromNamespace(
  meta: PyClass | null,
  name: string,
  bases: unknown[],
  ns: Record<string, unknown>,
  keywords: Record<string, unknown> | null,
): PyClass {
  const cell = ns['__classcell__'];
  const own = cell instanceof ClassCell && unfinished.has(cell.cls) ? cell.cls : undefined;
  const pending = own === undefined ? takePendingClass(name) : undefined;
  const cls = own ?? (pending !== undefined && unfinished.has(pending) ? pending : newClassObject(name));
  return buildClass(cls, name, bases, ns, keywords, meta);
}

/**
 * A builtin type's static or class method as the type gives it (`str.maketrans`,
 * `dict.fromkeys`): CPython's built-in method bound to the type, which its repr,
 * `__qualname__` and `__self__` show (None for the static `maketrans`). A
 * function of its own: one JS function may serve two types (bytes' and bytearray's `maketrans`).
 */
function builtinStatic(cls: PyClass, type: string, name: string, fn: (...a: unknown[]) => unknown): (...a: unknown[]) => unknown {
  const method = function (this: unknown, ...args: unknown[]): unknown {
    return fn.apply(this, args);
  };
  Object.defineProperty(method, 'name', { value: name });
  const keywords = (fn as PyCallable).$kw;
  if (keywords !== undefined) (method as unknown as PyCallable).$kw = keywords;
  defineHidden(method, BOUND_BUILTIN, { self: cls, name, type, isStatic: STATIC_METHODS.has(name) });
  return method;
}

/** The builtin types' static methods; their other methods read from the type (fromkeys, fromhex…) are class methods. */
const STATIC_METHODS = new Set(['maketrans']);

/** The builtin types CPython does not let a class derive from (no Py_TPFLAGS_BASETYPE): bool, range, memoryview… */
const FINAL_TYPES = new WeakSet<Function>();

export function markFinalType(cls: Function): void {
  FINAL_TYPES.add(cls);
}

/** Fills in a class object from its namespace. */
function buildClass(
  cls: PyClass,
  name: string,
  bases: unknown[],
  ns: Record<string, unknown>,
  keywords: Record<string, unknown> | null,
  meta: PyClass | null,
): PyClass {
  const baseClasses = (bases.length > 0 ? bases : [object]) as PyClass[];
  for (const base of baseClasses) {
    if (FINAL_TYPES.has(base)) throw new TypeError(`type '${base.__name__}' is not an acceptable base type`);
  }
  const finish = unfinished.get(cls)!;
  unfinished.delete(cls);
  delete ns['__classcell__'];
  const mro = linearize(cls, baseClasses);
  const { native, nativeArgs, nativeInit } = nativeBase(mro);
  const proto = Object.create(chainFor(mro, native)) as Record<PropertyKey, unknown>;
  const dict = new Map<string, unknown>();
  cls.prototype = proto;
  defineHidden(proto, CLASS, cls);
  defineHidden(proto, 'constructor', cls);
  const info: ClassInfo = { dict, bases: baseClasses, mro, native, nativeArgs, nativeInit, mirrors: [], callable: false };
  Object.defineProperty(cls, INFO, { value: info, enumerable: false });
  if (meta !== null) setMetaclass(cls, meta);
  cls.__name__ = name;
  cls.__qualname__ = typeof ns['__qualname__'] === 'string' ? (ns['__qualname__'] as string) : name;
  delete ns['__qualname__'];
  if ('__eq__' in ns && !('__hash__' in ns)) ns['__hash__'] = null;
  if ('__slots__' in ns) checkSlotConflicts(name, ns);
  for (const key of Object.keys(ns)) {
    let value = ns[key];
    // `__new__` and `__init_subclass__` are static/class methods without the decorator.
    if (key === '__new__' && isPyFunction(value)) value = new PyStaticMethod(value);
    if ((key === '__init_subclass__' || key === '__class_getitem__') && isPyFunction(value)) value = new PyClassMethod(value);
    setClassAttribute(cls, key, value);
  }
  (cls as unknown as { __module__: unknown }).__module__ = ns['__module__'] ?? '__main__';
  // What a base defines (a mixin before list, say) counts for the container fast paths too (its own names did, as they were set).
  if (native !== null) {
    for (const c of mro.slice(1)) {
      if (builtinClasses.has(c) || c === object) continue;
      for (const key of infoOf(c).dict.keys()) if (WATCHED_NAMES.has(key)) noteOverride(native, key);
    }
  }
  info.slots = slotsOf(mro, ns);
  if (info.slots) defineHidden(proto, PLAIN_SET, false);
  const callMethod = proto['__call__'];
  info.callable = typeof callMethod === 'function' || callMethod instanceof PyStaticMethod || callMethod instanceof PyClassMethod;
  for (const key of Object.keys(ns)) {
    const value = ns[key];
    if (value !== null && typeof value === 'object' && hasSpecial(value, '__set_name__')) setName(value, cls, key);
  }
  finish(info);
  for (const b of baseClasses) (infoOf(b).subclasses ??= []).push(new WeakRef(cls));
  // __init_subclass__ of the nearest base that defines one.
  const parent = mro[1];
  if (parent !== undefined) {
    const hook = classAttribute(cls, '__init_subclass__', 1);
    if (hook !== undefined && hook.found) {
      const value = hook.value;
      if (hook.owner === object && keywords !== null && Object.keys(keywords).length > 0) {
        throw new TypeError(`${cls.__qualname__}.__init_subclass__() takes no keyword arguments`);
      }
      call(value instanceof PyClassMethod ? bindMethod(value.__func__, cls) : value, [], keywords);
    }
  }
  return cls;
}

/** `__set_name__(owner, name)`; CPython 3.11 reports its failure as a RuntimeError caused by the error. */
function setName(value: object, cls: PyClass, key: string): void {
  try {
    callSpecial(value, '__set_name__', cls, key);
  } catch (error) {
    const cause = toPython(error);
    if (!(cause instanceof BaseException)) throw error;
    const wrapped = new RuntimeError(`Error calling __set_name__ on '${typeName(value)}' instance '${key}' in '${cls.__name__}'`);
    wrapped.__cause__ = cause;
    wrapped.__context__ = cause;
    wrapped.__suppress_context__ = true;
    throw wrapped;
  }
}

/**
 * Gives a finished class `__slots__` (dataclass(slots=True), which CPython
 * does by remaking the class): its instances then take only those names,
 * unless a base gives them a `__dict__`.
 */
export function declareSlots(cls: PyClass, names: readonly string[]): void {
  const slots = PyTuple.fromArray(names);
  setClassAttribute(cls, '__slots__', slots);
  const info = infoOf(cls);
  info.slots = slotsOf(mroOf(cls), { __slots__: slots });
  if (info.slots) defineHidden(cls.prototype, PLAIN_SET, false);
}

/** CPython's ValueError for a `__slots__` name the class body also assigns (`__slots__ = ('a',); a = 1`). */
function checkSlotConflicts(className: string, ns: Record<string, unknown>): void {
  const own = ns['__slots__'];
  if (own === null || typeof own !== 'object' && typeof own !== 'string') return;
  const list = typeof own === 'string' ? [own] : [...(own as Iterable<unknown>)];
  for (const n of list) {
    if (typeof n !== 'string' || n === '__dict__' || n === '__weakref__') continue;
    // A private slot name is stored mangled, as the class body's own names are.
    const key = n.startsWith('__') && !n.endsWith('__') ? `_${className.replace(/^_+/, '')}${n}` : n;
    if (Object.hasOwn(ns, key)) throw new ValueError(`'${key}' in __slots__ conflicts with class variable`);
  }
}

/** The names `__slots__` allow across the MRO, or null when instances have a `__dict__`. */
function slotsOf(mro: PyClass[], ns: Record<string, unknown>): ReadonlySet<string> | null {
  if (!('__slots__' in ns)) return null;
  const names = new Set<string>();
  for (const c of mro) {
    if (c === object) continue;
    const info = infoOf(c);
    const own = c === mro[0] ? ns['__slots__'] : info.dict.get('__slots__');
    if (own === undefined) {
      // A builtin base (tuple, int, str…) gives its instances no __dict__ either, as in CPython.
      if (builtinClasses.has(c) || c === object) continue;
      return null;
    }
    const list = typeof own === 'string' ? [own] : [...(own as Iterable<unknown>)];
    for (const n of list) names.add(String(n));
    // A base with a runtime layout gives a __dict__, unless that layout is a builtin type's (a tuple's).
    if (info.native !== null && c !== mro[0] && !mroOf(c).some((b) => builtinClasses.has(b) && infoOf(b).native === info.native)) return null;
  }
  return names.has('__dict__') ? null : names;
}

/** Which values are instances of a builtin type (its subclasses' included; a box by its value): filled by types.ts. */
export const builtinInstanceTests = new Map<Function, (v: unknown) => boolean>();

/**
 * A builtin type's method called through the type (`list.append(xs, 1)`, or
 * bound to a subclass's instance): CPython's method descriptors refuse a
 * `self` of another type before the method sees it.
 */
function checkSelf(cls: PyClass, key: string, args: unknown[]): void {
  const test = builtinInstanceTests.get(cls);
  if (test === undefined) return;
  if (args.length > 0 && test(unbox(args[0]))) return;
  throw unboundCallError(cls.__name__!, key, args);
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
    const wrapper = boxed && key === '__format__'
      // As CPython's int, float and str __format__: an empty spec is str(self), a subclass's own __str__ included (an IntEnum member's).
      ? function (this: unknown, ...args: unknown[]): unknown {
        if (this !== undefined) args.unshift(this);
        else checkSelf(cls, key, args);
        if (args[0] instanceof PyBoxed && args[1] === '') return str(args[0]);
        return m(...args.map(unbox));
      }
      : boxed
      ? function (this: unknown, ...args: unknown[]): unknown {
        if (this !== undefined) args.unshift(this);
        else checkSelf(cls, key, args);
        for (let i = 0; i < args.length; i++) args[i] = unbox(args[i]);
        return m(...args);
      }
      : function (this: unknown, ...args: unknown[]): unknown {
        if (this !== undefined) return m(this, ...args);
        checkSelf(cls, key, args);
        return m(...args);
      };
    defineHidden(wrapper, BUILTIN_METHOD, true);
    defineHidden(wrapper, METHOD_OF, { type: name, name: key });
    defineHidden(proto, key, wrapper);
    dict.set(key, wrapper);
  }
  for (const [key, fn] of Object.entries(statics)) {
    const value = new PyStaticMethod(builtinStatic(cls, name, key, fn as (...a: unknown[]) => unknown));
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
