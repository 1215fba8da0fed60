/**
 * Helpers for runtime modules written in TypeScript that define Python
 * classes and functions (functools, dataclasses, enum…). Their classes are
 * made by the runtime's own class factory, so they behave as classes
 * compiled from Python (isinstance, subclassing, repr); their methods are
 * either Python-style functions (`pyMethod`: self first, with a signature)
 * or JS methods (`this` is the object).
 *
 * A runtime function called with keywords receives them as a trailing plain
 * object (calls.ts); `splitKeywords` separates them from the positional
 * arguments.
 */
import { makeClass, object, getClassAttr, type PyClass } from '../../../builtins/classes.js';
import { call, def } from '../../../builtins/calls.js';
import { TypeError } from '../../../builtins/exceptions.js';
import { type } from '../../../builtins/types.js';
import { setattr } from '../../../builtins/attributes.js';

export type Kw = Record<string, unknown>;

/** Whether `v` is the keywords object the call layer appends (a plain JS object, which no Python value is). */
export function isKeywords(v: unknown): v is Kw {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}

/** The positional arguments and the keywords (empty when none were passed). */
export function splitKeywords(args: readonly unknown[]): [unknown[], Kw] {
  const last = args[args.length - 1];
  if (args.length > 0 && isKeywords(last)) return [args.slice(0, -1), last];
  return [args as unknown[], {}];
}

/** CPython's error for a keyword a function does not take. */
export function checkKeywords(kw: Kw, allowed: readonly string[], fname: string): void {
  for (const key of Object.keys(kw)) {
    if (!allowed.includes(key)) throw new TypeError(`${fname}() got an unexpected keyword argument '${key}'`);
  }
}

/**
 * `cls(*args, **kwargs)` for an exception a runtime module raises, with the
 * stack of this call. A class made by `defineClass` is made as a Python
 * class is: V8's Error constructor gets the class as `new.target`, which is
 * on no stack, so it records no frames, and the traceback would show none
 * of the Python code that called the module.
 */
export function newException(cls: unknown, args: unknown[], kwargs: Kw | null = null): Error {
  const error = call(cls, args, kwargs) as Error;
  Error.captureStackTrace(error, newException);
  return error;
}

/** A Python class of module `module` with the given members (JS methods, pyMethods, descriptors, values). */
export function defineClass(module: string, name: string, bases: unknown[], members: Record<string, unknown>, qualname = name): PyClass {
  return makeClass(name, bases, (ns) => {
    ns['__module__'] = module;
    ns['__qualname__'] = qualname;
    Object.assign(ns, members);
  });
}

/** A Python-style method (receives the object first), with the signature CPython's errors name. */
export function pyMethod<F extends (...args: never[]) => unknown>(fn: F, spec: string, qualname: string, module: string): F {
  return def(fn, spec, qualname, module);
}

/** `object.__new__(cls)`: a bare instance of a Python class. */
export function newInstance(cls: unknown): Record<string, unknown> {
  return (getClassAttr(object, '__new__') as (c: unknown) => Record<string, unknown>)(cls);
}

/**
 * `copy.copy` of a Python-written container (UserDict, UserList): a bare
 * instance of its class (its `__init__` not called) with its attributes,
 * `data` replaced by the given copy.
 */
export function copyWithData(obj: Record<string, unknown>, data: unknown): Record<string, unknown> {
  const copy = newInstance(type(obj));
  Object.assign(copy, obj);
  setattr(copy, 'data', data);
  return copy;
}
