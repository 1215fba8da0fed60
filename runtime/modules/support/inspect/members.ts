/**
 * inspect's functions about an object's members and documentation:
 * getmembers, getdoc and cleandoc, isabstract, unwrap, getmodule and the
 * descriptor predicates, with the lookups of CPython's inspect.py (which
 * is written in Python: the same steps, in the same order, here).
 */
import { AttributeError, TypeError, ValueError } from '../../../builtins/exceptions.js';
import { BOUND, call, isPyFunction, type PyCallable } from '../../../builtins/calls.js';
import { isClassLike, mroOf, object, objectId, type PyClass } from '../../../builtins/classes.js';
import { getattr, hasattr } from '../../../builtins/attributes.js';
import { dir, methodType, type } from '../../../builtins/types.js';
import { truthy } from '../../../builtins/truth.js';
import { repr } from '../../../builtins/repr.js';
import { PyTuple } from '../../../builtins/values.js';
import { MethodDescriptor, PyProperty } from '../../../builtins/classes/descriptors.js';
import { isModule } from '../namespaces.js';
import { loadedModules } from '../moduleTable.js';
import { pyFunction } from '../pydef.js';

const Q = 'inspect';

function isFunction(obj: unknown): boolean {
  return isPyFunction(obj) && (obj as PyCallable)[BOUND] === undefined && !isClassLike(obj);
}

function isMethod(obj: unknown): boolean {
  return type(obj) === methodType;
}

/** A class's own namespace entry `key`, as `base.__dict__[key]`, or undefined. */
function ownEntry(cls: PyClass, key: string): unknown {
  const ns = getattr(cls, '__dict__') as { get?: unknown };
  return call(getattr(ns, 'get'), [key, MISSING], null);
}

const MISSING = Object.freeze({});

export const getmembers = pyFunction('object, predicate=', 'getmembers', Q, (obj: unknown, predicate?: unknown) => {
  const names = dir(obj) as string[];
  const mro: PyClass[] = isClassLike(obj) ? [obj as PyClass, ...mroOf(obj as PyClass)] : [];
  const results: PyTuple[] = [];
  const processed = new Set<string>();
  for (const key of names) {
    let value: unknown;
    try {
      value = getattr(obj, key);
      if (processed.has(key)) throw new AttributeError(key);
    } catch (e) {
      if (!(e instanceof AttributeError)) throw e;
      // An attribute dir() lists that getattr can't read (a class's descriptor refusing it): its raw entry.
      value = MISSING;
      for (const base of mro) {
        const entry = ownEntry(base, key);
        if (entry !== MISSING) {
          value = entry;
          break;
        }
      }
      if (value === MISSING) continue;
    }
    if (predicate === undefined || predicate === null || truthy(call(predicate, [value], null))) results.push(PyTuple.of(key, value));
    processed.add(key);
  }
  results.sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
  return results;
});

/** Python's str.isspace for the characters lstrip() removes. */
const LEADING_SPACE = /^[\s\x1c-\x1f\x85]+/u;

export const cleandoc = pyFunction('doc', 'cleandoc', Q, (doc: unknown) => {
  if (typeof doc !== 'string') throw new AttributeError(`'${(type(doc) as PyClass).__name__}' object has no attribute 'expandtabs'`);
  const lines = (call(getattr(doc, 'expandtabs'), [], null) as string).split('\n');
  let margin = Infinity;
  for (const line of lines.slice(1)) {
    const content = line.replace(LEADING_SPACE, '').length;
    if (content > 0) margin = Math.min(margin, line.length - content);
  }
  lines[0] = lines[0]!.replace(LEADING_SPACE, '');
  if (margin < Infinity) for (let i = 1; i < lines.length; i++) lines[i] = lines[i]!.slice(margin);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  while (lines.length > 0 && lines[0] === '') lines.shift();
  return lines.join('\n');
});

/** The class a plain function was defined in, found through its module and qualified name (CPython's _findclass). */
function findClass(fn: unknown): PyClass | null {
  const module = loadedModules.get(getattr(fn, '__module__') as string);
  if (module === undefined) return null;
  let cls: unknown = module;
  const path = (getattr(fn, '__qualname__') as string).split('.').slice(0, -1);
  for (const name of path) cls = getattr(cls, name);
  return isClassLike(cls) ? (cls as PyClass) : null;
}

/** An inherited docstring (CPython's _finddoc): a class's first documented base, a method's first documented namesake up the MRO. */
function findDoc(obj: unknown): unknown {
  if (isClassLike(obj)) {
    for (const base of mroOf(obj as PyClass)) {
      if (base === object) continue;
      const doc = getattr(base, '__doc__', null);
      if (doc !== null) return doc;
    }
    return null;
  }
  let cls: PyClass | null;
  let name: string;
  if (isMethod(obj)) {
    const func = getattr(obj, '__func__');
    name = getattr(func, '__name__') as string;
    const self = getattr(obj, '__self__');
    cls = isClassLike(self) && getattr(getattr(self, name, null), '__func__', null) === func ? (self as PyClass) : (type(self) as PyClass);
  } else if (isFunction(obj)) {
    name = getattr(obj, '__name__') as string;
    cls = findClass(obj);
    if (cls === null || getattr(cls, name) !== obj) return null;
  } else {
    return null;
  }
  for (const base of mroOf(cls)) {
    let doc: unknown;
    try {
      doc = getattr(getattr(base, name), '__doc__');
    } catch (e) {
      if (e instanceof AttributeError) continue;
      throw e;
    }
    if (doc !== null) return doc;
  }
  return null;
}

export const getdoc = pyFunction('object', 'getdoc', Q, (obj: unknown) => {
  let doc: unknown;
  try {
    doc = getattr(obj, '__doc__');
  } catch (e) {
    if (e instanceof AttributeError) return null;
    throw e;
  }
  if (doc === null) {
    try {
      doc = findDoc(obj);
    } catch (e) {
      if (e instanceof AttributeError || e instanceof TypeError) return null;
      throw e;
    }
  }
  return typeof doc === 'string' ? cleandoc(doc) : null;
});

export const isabstract = pyFunction('object', 'isabstract', Q, (obj: unknown) => {
  if (!isClassLike(obj)) return false;
  return truthy(getattr(obj, '__abstractmethods__', PyTuple.of()));
});

export const unwrap = pyFunction('func, *, stop=', 'unwrap', Q, (func: unknown, stop?: unknown) => {
  const original = func;
  // The ids seen, as CPython's: a wrapper chain longer than the recursion limit is a loop too.
  const seen = new Set<number>([objectId(func as object)]);
  const more = (f: unknown): boolean => hasattr(f, '__wrapped__') && (stop === undefined || stop === null || !truthy(call(stop, [f], null)));
  while (more(func)) {
    func = getattr(func, '__wrapped__');
    const id = objectId(func as object);
    if (seen.has(id) || seen.size >= 1000) throw new ValueError(`wrapper loop when unwrapping ${repr(original)}`);
    seen.add(id);
  }
  return func;
});

/** Whether obj's type has any of `names` (the descriptor protocol's methods). */
function typeHas(obj: unknown, ...names: string[]): boolean {
  // The runtime's own descriptor types keep the protocol internal (classAttributes.ts applies it): what CPython's types define.
  if (obj instanceof PyProperty) return true;
  if (obj instanceof MethodDescriptor) return names.includes('__get__');
  const tp = type(obj);
  return names.some((n) => hasattr(tp, n));
}

export const isdatadescriptor = pyFunction('object', 'isdatadescriptor', Q, (obj: unknown) => {
  if (isClassLike(obj) || isMethod(obj) || isFunction(obj)) return false;
  return typeHas(obj, '__set__', '__delete__');
});

export const ismethoddescriptor = pyFunction('object', 'ismethoddescriptor', Q, (obj: unknown) => {
  if (isClassLike(obj) || isMethod(obj) || isFunction(obj)) return false;
  return typeHas(obj, '__get__') && !typeHas(obj, '__set__', '__delete__');
});

export const getmodule = pyFunction('object, _filename=', 'getmodule', Q, (obj: unknown) => {
  if (isModule(obj)) return obj;
  const name = getattr(obj, '__module__', null);
  if (typeof name === 'string') return loadedModules.get(name) ?? null;
  return null;
});
