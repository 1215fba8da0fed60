/**
 * Python's `abc`: ABC, its metaclass ABCMeta, abstractmethod, and the instantiation check with CPython's
 * "Can't instantiate abstract class X with abstract method(s) …" TypeError.
 */
import { TypeError } from '../builtins/exceptions.js';
import {
  MethodDescriptor, classAttribute, makeClass, PyProperty, PyStaticMethod, getClassAttr, mroOf, object, setClassAttribute, type PyClass,
} from '../builtins/classes.js';
import { PyFrozenSet } from '../builtins/set.js';
import { frozenset } from '../builtins/functions.js';
import { setattr } from '../builtins/attributes.js';
import { PyDict } from '../builtins/dict.js';
import { defineClass, newInstance } from './support/stdlib/pyclass.js';
import { type } from '../builtins/types.js';

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

function abcNew(cls: unknown, ...args: unknown[]): unknown {
  const c = cls as PyClass;
  const names = abstractNames(c);
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
});

/** `class C(ABC)`: a class whose metaclass is ABCMeta. */
export const ABC = makeClass('ABC', [], (ns) => {
  ns['__module__'] = 'abc';
  ns['__qualname__'] = 'ABC';
  ns['__slots__'] = [];
}, { metaclass: ABCMeta });

/** For collections.abc, whose classes are ABCs too (`$`: not attributes of the Python module). */
export { abcNew as $abcNew, markAbstract as $markAbstract };
