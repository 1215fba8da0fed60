/**
 * Metaclasses: a Python class deriving from `type` whose instances are
 * classes. A class made by such a metaclass keeps it in its ClassInfo
 * (`meta`), and its JS prototype becomes the metaclass's "class side": an
 * object on Function.prototype (the class stays a JS function with call,
 * apply, bind) that shows the metaclass's attributes as the runtime's
 * special-method dispatch reads them (`proto[CLASS]`, `proto.__repr__`,
 * `proto.__getitem__`…). Python attribute reads on the class go through
 * getClassAttr, which looks the metaclass up after the class's own MRO.
 *
 * Classes of plain `type` are untouched: none of this is on their paths
 * but one check of `info.meta` when an instance is made the slow way.
 */
import { TypeError } from '../exceptions.js';
import { PLAIN_GET, PLAIN_SET, attrName } from '../attributeKeys.js';
import { objectId } from './identity.js';
import { OBJECT_PROTO, classAttribute, defineHidden, issubclass, ownInfo, pyClassOf, typeBuiltin, type PyClass } from './model.js';

/** Set by types.ts, which this module cannot import without a cycle: a new dict, and `mapping[key] = value`. */
export const namespaceHooks: { dict?: () => unknown; setitem?: (mapping: unknown, key: string, value: unknown) => void } = {};

/**
 * The metaclass of a class: its Python metaclass, else the class its JS
 * prototype names (an enum class's EnumType, see enum/meta.ts), else `type`.
 */
export function metaclassOf(cls: PyClass): PyClass {
  return ownInfo(cls)?.meta ?? pyClassOf(cls) ?? typeBuiltin;
}

/** Whether `meta` is a Python metaclass: a class other than `type` deriving from it. */
export function isMetaclass(meta: unknown): meta is PyClass {
  return typeof meta === 'function' && meta !== typeBuiltin && ownInfo(meta as PyClass) !== undefined
    && issubclass(meta as PyClass, typeBuiltin);
}

/**
 * CPython's _PyType_CalculateMetaclass: the most derived of `meta` and the
 * bases' metaclasses, which must all be on one line of inheritance.
 */
export function calculateMetaclass(meta: PyClass, bases: readonly unknown[]): PyClass {
  let winner = meta;
  for (const base of bases) {
    const m = metaclassOf(base as PyClass);
    if (issubclass(winner, m)) continue;
    if (issubclass(m, winner)) {
      winner = m;
      continue;
    }
    throw new TypeError(
      'metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases',
    );
  }
  return winner;
}

/**
 * object's methods a class sees as its metaclass's (`A == B`, hash(A),
 * str(A), format(A)); the rest of object's (its `__repr__`, `__init__`…) stand
 * for instances of ordinary classes, and a class has type's behaviour there.
 */
const OBJECT_METHODS_SHOWN = new Set<PropertyKey>(['__eq__', '__ne__', '__hash__', '__str__', '__format__']);

const classSides = new WeakMap<PyClass, object>();

/** The JS prototype of the classes `meta` makes: the metaclass's attributes, read when asked (they may change). */
function classSide(meta: PyClass): object {
  let side = classSides.get(meta);
  if (side !== undefined) return side;
  const target = Object.create(Function.prototype) as Record<PropertyKey, unknown>;
  // Compiled code's attribute fast paths must not read the metaclass's attributes as the class's own.
  defineHidden(target, PLAIN_GET, false);
  defineHidden(target, PLAIN_SET, false);
  const shown = (key: PropertyKey): boolean => {
    if (typeof key === 'string' && attrName(key) === null) return false;
    const proto = meta.prototype;
    if (!(key in proto)) return false;
    return proto[key] !== OBJECT_PROTO[key] || OBJECT_METHODS_SHOWN.has(key);
  };
  side = new Proxy(target, {
    get(t, key, receiver) {
      return shown(key) ? Reflect.get(meta.prototype, key, receiver) : Reflect.get(t, key, receiver);
    },
    has(t, key) {
      return shown(key) || key in t;
    },
  });
  classSides.set(meta, side);
  return side;
}

/** Makes `cls` an instance of the metaclass `meta`. */
export function setMetaclass(cls: PyClass, meta: PyClass): void {
  ownInfo(cls)!.meta = meta;
  Object.setPrototypeOf(cls, classSide(meta));
}

/** The metaclass's own `__call__` (a singleton's, a registry's), or undefined when it is type's. */
export function metaclassCall(meta: PyClass): unknown {
  const entry = classAttribute(meta, '__call__');
  return entry === undefined || entry.owner === typeBuiltin ? undefined : entry.value;
}

/**
 * `__classcell__` in the namespace a metaclass gets, when a method uses
 * super() or `__class__`: the class object those methods close over, which
 * `type.__new__` then makes the class.
 */
export class ClassCell {
  static readonly __name__ = 'cell';
  constructor(readonly cls: PyClass) {}

  __repr__(): string {
    return `<cell at 0x${objectId(this).toString(16).padStart(12, '0')}: empty>`;
  }
}

/**
 * A class statement run through a metaclass: its class object (see
 * ClassCell), also for a namespace that lost its `__classcell__` (a
 * metaclass that filters the names). Innermost statement last.
 */
const pendingClasses: { name: string; cls: PyClass; taken: boolean }[] = [];

export function withPendingClass<T>(name: string, cls: PyClass, run: () => T): T {
  pendingClasses.push({ name, cls, taken: false });
  try {
    return run();
  } finally {
    pendingClasses.pop();
  }
}

/** The pending class object for a `type.__new__` of `name`, once. */
export function takePendingClass(name: string): PyClass | undefined {
  const top = pendingClasses[pendingClasses.length - 1];
  if (top === undefined || top.taken || top.name !== name) return undefined;
  top.taken = true;
  return top.cls;
}
