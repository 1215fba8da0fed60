/**
 * Python's `abc`: ABC, its metaclass ABCMeta, abstractmethod, and the instantiation check with CPython's
 * "Can't instantiate abstract class X with abstract method(s) …" TypeError.
 */
import { RuntimeError, TypeError } from '../builtins/exceptions.js';
import {
  MethodDescriptor, PyClassMethod, classAttribute, isClassLike, makeClass, PyProperty, PyStaticMethod, getClassAttr, mroOf, object, pyClassOf, setClassAttribute,
  type PyClass,
} from '../builtins/classes.js';
import { call, def } from '../builtins/calls.js';
import { NotImplemented } from '../builtins/notImplemented.js';
import { truthy } from '../builtins/truth.js';
import { PyFrozenSet } from '../builtins/set.js';
import { frozenset } from '../builtins/functions.js';
import { getattr, hasattr, setattr } from '../builtins/attributes.js';
import { iterate } from '../builtins/iteration.js';
import { PyTuple } from '../builtins/values.js';
import { PyDict } from '../builtins/dict.js';
import { defineClass, newInstance } from './support/stdlib/pyclass.js';
import { issubclass, type } from '../builtins/types.js';

export const __name__ = 'abc';

function isAbstract(v: unknown): boolean {
  if (v instanceof PyProperty) return isAbstract(v.fget) || isAbstract(v.fset) || isAbstract(v.fdel);
  if (v instanceof MethodDescriptor) return isAbstract(v.__func__);
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return false;
  return Object.hasOwn(v, '__isabstractmethod__') && (v as Record<string, unknown>)['__isabstractmethod__'] === true;
}

/** The names still abstract in `cls`: declared abstract somewhere in its MRO and not overridden by a concrete one. */
function abstractNames(cls: PyClass): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const c of mroOf(cls)) {
    const dict = getClassAttr(c, '__dict__') as PyDict<unknown, unknown>;
    for (const key of dict) {
      const name = key as string;
      if (seen.has(name)) continue;
      seen.add(name);
      if (isAbstract(dict.$get(key))) names.push(name);
    }
  }
  return names.sort();
}

/**
 * The names that keep `cls` from being instantiated: its `__abstractmethods__`,
 * fixed when the class was made (a method added later changes nothing until
 * update_abstractmethods, as in CPython), else those of its MRO now.
 */
function blockingNames(cls: PyClass): string[] {
  const recorded = classAttribute(cls, '__abstractmethods__');
  if (recorded !== undefined && recorded.owner === cls && recorded.value instanceof PyFrozenSet) return [...recorded.value].map(String).sort();
  return abstractNames(cls);
}

function abcNew(cls: unknown, ...args: unknown[]): unknown {
  const c = cls as PyClass;
  const names = blockingNames(c);
  if (names.length > 0) {
    const plural = names.length === 1 ? 'method' : 'methods';
    throw new TypeError(`Can't instantiate abstract class ${c.__name__} with abstract ${plural} ${names.join(', ')}`);
  }
  if (args.length > 0 && getClassAttr(c, '__init__') === getClassAttr(object, '__init__')) {
    throw new TypeError(`${c.__name__}() takes no arguments`);
  }
  return newInstance(c);
}

function markAbstract(cls: PyClass): void {
  setClassAttribute(cls, '__abstractmethods__', frozenset(abstractNames(cls)) as PyFrozenSet);
}

export function abstractmethod(funcobj: unknown): unknown {
  setattr(funcobj, '__isabstractmethod__', true);
  return funcobj;
}

/** The deprecated abstractclassmethod, abstractstaticmethod and abstractproperty: the descriptor of a function made abstract. */
export const abstractclassmethod = def(function abstractclassmethod(callable: unknown): unknown {
  return new PyClassMethod(abstractmethod(callable));
}, 'callable', 'abstractclassmethod', 'abc');

export const abstractstaticmethod = def(function abstractstaticmethod(callable: unknown): unknown {
  return new PyStaticMethod(abstractmethod(callable));
}, 'callable', 'abstractstaticmethod', 'abc');

export const abstractproperty = def(function abstractproperty(fget: unknown = null, fset: unknown = null, fdel: unknown = null, doc: unknown = null): unknown {
  return new PyProperty(fget === null ? null : abstractmethod(fget), fset, fdel, doc);
}, 'fget=, fset=, fdel=, doc=', 'abstractproperty', 'abc');

/** What ABCMeta knows of one abstract class: its registered virtual subclasses and its answers so far. */
interface AbcRecord {
  readonly registry: Set<unknown>;
  readonly cache: Set<unknown>;
  negative: Set<unknown>;
  negativeVersion: number;
}

const RECORDS = new WeakMap<object, AbcRecord>();
/** Bumped by each register(), as CPython's `_abc_invalidation_counter`: every negative answer may have changed. */
let invalidation = 0;

function recordOf(cls: object): AbcRecord {
  let rec = RECORDS.get(cls);
  if (rec === undefined) {
    rec = { registry: new Set(), cache: new Set(), negative: new Set(), negativeVersion: invalidation };
    RECORDS.set(cls, rec);
  }
  return rec;
}

/** ABCMeta.__subclasscheck__ (CPython's _py_abc order): the hook, the MRO, the registry, then the subclasses, with caches. */
function abcSubclassCheck(cls: PyClass, sub: unknown): boolean {
  if (!isClassLike(sub)) throw new TypeError('issubclass() arg 1 must be a class');
  const rec = recordOf(cls);
  if (rec.cache.has(sub)) return true;
  if (rec.negativeVersion < invalidation) {
    rec.negative = new Set();
    rec.negativeVersion = invalidation;
  } else if (rec.negative.has(sub)) {
    return false;
  }
  const answer = decide(cls, rec, sub as PyClass);
  (answer ? rec.cache : rec.negative).add(sub);
  return answer;
}

function decide(cls: PyClass, rec: AbcRecord, sub: PyClass): boolean {
  // object's hook says NotImplemented: only a class's own (or a base's) is worth calling.
  const hook = classAttribute(cls, '__subclasshook__');
  if (hook !== undefined && hook.owner !== object) {
    const ok = call(getClassAttr(cls, '__subclasshook__'), [sub], null);
    if (ok !== NotImplemented) return truthy(ok);
  }
  if (mroOf(sub).includes(cls)) return true;
  for (const registered of rec.registry) if (issubclass(sub, registered)) return true;
  const subclasses = call(getClassAttr(cls, '__subclasses__'), [], null) as unknown[];
  for (const scls of subclasses) if (issubclass(sub, scls)) return true;
  return false;
}

/** ABCMeta's methods, which its classes have as class methods (`Iface.register(int)`). */
const abcMetaMethods = {
  register: def(function register(cls: PyClass, subclass: unknown): unknown {
    if (!isClassLike(subclass)) throw new TypeError('Can only register classes');
    if (issubclass(subclass, cls)) return subclass;
    if (issubclass(cls, subclass)) throw new RuntimeError('Refusing to create an inheritance cycle');
    recordOf(cls).registry.add(subclass);
    invalidation++;
    return subclass;
  }, 'cls, subclass', 'ABCMeta.register', 'abc'),
  __instancecheck__: def(function __instancecheck__(cls: PyClass, instance: unknown): boolean {
    const subclass = pyClassOf(instance) ?? type(instance);
    const subtype = type(instance);
    if (recordOf(cls).cache.has(subclass)) return true;
    if (subtype === subclass) return abcSubclassCheck(cls, subclass);
    return abcSubclassCheck(cls, subclass) || abcSubclassCheck(cls, subtype);
  }, 'cls, instance', 'ABCMeta.__instancecheck__', 'abc'),
  __subclasscheck__: def(function __subclasscheck__(cls: PyClass, subclass: unknown): boolean {
    return abcSubclassCheck(cls, subclass);
  }, 'cls, subclass', 'ABCMeta.__subclasscheck__', 'abc'),
};

/**
 * `class C(metaclass=ABCMeta)`: C checks abstract methods when instantiated,
 * as ABC's subclasses do. A metaclass deriving from type, so that metaclasses
 * may derive from it (a registry that is also abstract).
 */
export const ABCMeta = defineClass('abc', 'ABCMeta', [type], {
  __new__: new PyStaticMethod((mcs: unknown, ...args: unknown[]): unknown => {
    const cls = (getClassAttr(type as unknown as PyClass, '__new__') as (...a: unknown[]) => unknown)(mcs, ...args) as PyClass;
    // The abstract-method check goes where object.__new__ would make the instance.
    if (classAttribute(cls, '__new__')?.owner === object) setClassAttribute(cls, '__new__', new PyStaticMethod(abcNew));
    markAbstract(cls);
    return cls;
  }),
  ...abcMetaMethods,
});

/** `class C(ABC)`: a class whose metaclass is ABCMeta. */
export const ABC = makeClass('ABC', [], (ns) => {
  ns['__module__'] = 'abc';
  ns['__qualname__'] = 'ABC';
  ns['__slots__'] = [];
}, { metaclass: ABCMeta });

/** For collections.abc, whose classes are ABCs too (`$`: not attributes of the Python module). */
export { abcNew as $abcNew, markAbstract as $markAbstract };

/**
 * update_abstractmethods(cls): recomputes `__abstractmethods__` after
 * methods were added to or replaced in an abstract class (as dataclasses
 * and total_ordering do): the bases' abstract names the class still leaves
 * abstract, and its own abstract members.
 */
export const update_abstractmethods = def(function update_abstractmethods(cls: unknown): unknown {
  if (!hasattr(cls, '__abstractmethods__')) return cls;
  const abstracts = new Set<string>();
  for (const scls of getattr(cls, '__bases__') as PyTuple) {
    for (const name of iterate(getattr(scls, '__abstractmethods__', PyTuple.fromArray([])))) {
      const value = getattr(cls, name as string, null);
      if (truthy(getattr(value, '__isabstractmethod__', false))) abstracts.add(name as string);
    }
  }
  const own = getClassAttr(cls as PyClass, '__dict__') as PyDict<unknown, unknown>;
  for (const name of own) if (truthy(getattr(own.$get(name), '__isabstractmethod__', false))) abstracts.add(name as string);
  setClassAttribute(cls as PyClass, '__abstractmethods__', frozenset([...abstracts]) as PyFrozenSet);
  return cls;
}, 'cls', 'update_abstractmethods', 'abc');

/** get_cache_token(): changes whenever an ABC's registry does (CPython's `_abc_invalidation_counter`). */
export const get_cache_token = def(function get_cache_token(): number {
  return invalidation;
}, '', 'get_cache_token', 'abc');
