/** `super()`: the attributes after a class in an object's MRO, bound to the object. */
import { typeName } from '../values.js';
import { RuntimeError, TypeError, attributeNotFound } from '../exceptions.js';
import { MANY_ARGUMENTS, call, isPyFunction, type PyCallable } from '../calls.js';
import { PyClassMethod, PyProperty, PyStaticMethod } from './descriptors.js';
import { callSpecial, hasSpecial } from '../special.js';
import {
  CLASS, bindMethod, builtinClasses, classAttribute, classEpoch, isClassLike, isinstance, issubclass, mroOf, object, typeOf, type PyClass,
} from './model.js';

type Found = { found: true; value: unknown; owner: PyClass } | undefined;

/** What `super().name` found after a class in one MRO, while no class attribute changed since. */
interface SuperEntry {
  readonly start: PyClass;
  readonly epoch: number;
  readonly found: Found;
}

/** By class and name: the last lookup (one MRO per name, which is the usual case). */
const superEntries = new WeakMap<PyClass, Map<string, SuperEntry>>();

/** classAttribute after thisClass in start's MRO, kept for the next `super()` call of a method. */
function superLookup(thisClass: PyClass, start: PyClass, name: string): Found {
  let byName = superEntries.get(thisClass);
  const cached = byName?.get(name);
  if (cached !== undefined && cached.start === start && cached.epoch === classEpoch) return cached.found;
  const found = classAttribute(start, name, mroOf(start).indexOf(thisClass) + 1);
  if (byName === undefined) superEntries.set(thisClass, (byName = new Map()));
  byName.set(name, { start, epoch: classEpoch, found });
  return found;
}

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
    const entry = superLookup(this.thisClass, this.start, name);
    if (entry === undefined) return undefined;
    const value = entry.value;
    if (value instanceof PyStaticMethod) return { value: value.__func__ };
    if (value instanceof PyClassMethod) return { value: bindMethod(value.__func__, this.start) };
    if (value instanceof PyProperty) return { value: value.fget === null ? null : call(value.fget, [this.self], null) };
    if (typeof value === 'function' && !isClassLike(value) && this.self !== this.start) {
      if (isPyFunction(value)) return { value: bindMethod(value, this.self) };
      return { value: (value as (...a: unknown[]) => unknown).bind(this.self) };
    }
    // Another descriptor (a builtin type's `int.real`, a class's own): its `__get__`, as for any attribute read.
    if (typeof value === 'object' && value !== null && hasSpecial(value, '__get__')) {
      return { value: callSpecial(value, '__get__', this.self === this.start ? null : this.self, this.start) };
    }
    return { value };
  }

  __repr__(): string {
    return `<super: <class '${this.thisClass.__name__}'>, <${typeName(this.self)} object>>`;
  }
}

/** type(v) for any value (an int, a str: the runtime's builtin classes), which types.ts provides. */
export const superHooks: { typeOf?: (v: unknown) => PyClass } = {};

/** `super()` in a method of `cls` whose first argument is `self`; `super(cls, self)`. */
export function makeSuper(cls: unknown, self: unknown): PySuper {
  // The usual zero-argument super() in a method called on an instance of that method's class.
  if (typeof self === 'object' && self !== null && (self as Record<PropertyKey, unknown>)[CLASS] === cls) return new PySuper(cls as PyClass, self, cls as PyClass);
  if (arguments.length > 2) throw new TypeError(`super() expected at most 2 arguments, got ${arguments.length}`);
  if (!isClassLike(cls)) throw new TypeError(`super() argument 1 must be a type, not ${typeName(cls)}`);
  const klass = cls as PyClass;
  if (isClassLike(self) && issubclass(self as PyClass, klass)) return new PySuper(klass, self, self as PyClass);
  if (typeof self === 'object' && self !== null && isinstance(self, klass)) return new PySuper(klass, self, typeOf(self));
  // A builtin value (`super(int, 5)`): its type's MRO, as CPython's supercheck reads type(obj).
  const selfType = superHooks.typeOf?.(self);
  if (selfType === undefined || !issubclass(selfType, klass)) throw new TypeError('super(type, obj): obj must be an instance or subtype of type');
  return new PySuper(klass, self, selfType);
}

// super(x=1): CPython's super() takes no keyword arguments.
(makeSuper as unknown as PyCallable).$kw = (args: unknown[], kwargs: Record<string, unknown>): unknown => {
  if (Object.keys(kwargs).length > 0) throw new TypeError('super() takes no keyword arguments');
  return (makeSuper as (...a: unknown[]) => unknown)(...args);
};

/**
 * A zero-argument `super()` where CPython's has nothing to work with: in a
 * function without arguments, or outside a class (no `__class__` cell).
 * Raised when the call runs, as CPython raises it.
 */
export function superUnavailable(hasArgument: boolean): never {
  throw new RuntimeError(hasArgument ? 'super(): __class__ cell not found' : 'super(): no arguments');
}

export function superGetattr(s: PySuper, name: string): unknown {
  const found = s.find(name);
  if (found !== undefined) return found.value;
  // A builtin base's data attribute (`int.real`): a getter on its prototype, not in its namespace.
  const mro = mroOf(s.start);
  for (let i = mro.indexOf(s.thisClass) + 1; i < mro.length; i++) {
    const c = mro[i]!;
    if (!builtinClasses.has(c)) continue;
    const getter = Object.getOwnPropertyDescriptor(c.prototype, name)?.get;
    if (getter !== undefined) return getter.call(s.self);
  }
  switch (name) {
    case '__class__':
      return PySuper;
    // The super object's own members, found when the classes after __thisclass__ have no such attribute.
    case '__thisclass__':
      return s.thisClass;
    case '__self__':
      return s.self;
    case '__self_class__':
      return s.start;
  }
  throw attributeNotFound(`'super' object has no attribute '${name}'`, name, s);
}

/** `super().name(*args)` without making a bound method. */
/** A method of a builtin type (`list.sort`) that `super().name` finds on the classes after the current one, unbound; else undefined. */
export function superBuiltinMethod(s: PySuper, name: string): ((...a: unknown[]) => unknown) | undefined {
  const entry = superLookup(s.thisClass, s.start, name);
  if (entry === undefined || !builtinClasses.has(entry.owner)) return undefined;
  const value = entry.value;
  return typeof value === 'function' && !isPyFunction(value) && !isClassLike(value) ? (value as (...a: unknown[]) => unknown) : undefined;
}

export function superCall(s: PySuper, name: string, args: unknown[], kwargs: Record<string, unknown> | null): unknown {
  const entry = superLookup(s.thisClass, s.start, name);
  const value = entry?.value;
  // object.__init_subclass__ runs without its class (see objectType.ts): a keyword a hook forwards to it is an error here.
  if (kwargs !== null && name === '__init_subclass__' && entry?.owner === object && Object.keys(kwargs).length > 0) {
    throw new TypeError(`${(s.self as PyClass).__qualname__}.__init_subclass__() takes no keyword arguments`);
  }
  // call() also passes an argument list too long for the stack (see PackedArgs).
  if (kwargs === null && s.self !== s.start && args.length <= MANY_ARGUMENTS) {
    if (isPyFunction(value)) return (value as (...a: unknown[]) => unknown)(s.self, ...args);
    if (typeof value === 'function' && !isClassLike(value)) return (value as (...a: unknown[]) => unknown).apply(s.self, args);
  }
  return call(superGetattr(s, name), args, kwargs);
}
