/**
 * Special methods (`__enter__`, `__len__`, `__iter__`…) of objects that are
 * not builtin values. Python looks them up on the type, not the instance,
 * and a Python function found there receives the object as its first
 * argument (`self`); a JS function (a runtime class's method, a JS object's
 * method) receives it as `this`.
 */
import { call, isPyFunction } from './calls.js';

/** The special method `name` of `obj`'s type, bound to `obj`, or undefined. */
export function lookupSpecial(obj: unknown, name: string): ((...args: unknown[]) => unknown) | undefined {
  if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) return undefined;
  const type = Object.getPrototypeOf(obj) as Record<string, unknown> | null;
  const f = type?.[name];
  if (typeof f !== 'function') return undefined;
  if (isPyFunction(f)) return (...args: unknown[]) => (f as (...a: unknown[]) => unknown)(obj, ...args);
  // Reflect's: a callable Python instance (a mock set as a magic method) is a function without Function.prototype.
  return (...args: unknown[]) => Reflect.apply(f as (...a: unknown[]) => unknown, obj, args);
}

/** `type(obj).name(obj, *args)`; undefined when the type has no such method. */
export function callSpecial(obj: unknown, name: string, ...args: unknown[]): unknown {
  if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) return undefined;
  const type = Object.getPrototypeOf(obj) as Record<string, unknown> | null;
  const f = type?.[name];
  if (typeof f !== 'function') return undefined;
  if (isPyFunction(f)) return (f as (...a: unknown[]) => unknown)(obj, ...args);
  return Reflect.apply(f as (...a: unknown[]) => unknown, obj, args);
}

/** Whether `obj`'s type defines the special method `name`. */
export function hasSpecial(obj: unknown, name: string): boolean {
  if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) return false;
  const type = Object.getPrototypeOf(obj) as Record<string, unknown> | null;
  return typeof type?.[name] === 'function';
}

/**
 * Calls `f`, found on obj's type, as a method of obj: a Python function with
 * obj as its first argument, a JS function with obj as `this`, anything else
 * through the call layer (CPython's "'X' object is not callable").
 */
export function invokeMethod(f: unknown, obj: unknown, args: unknown[]): unknown {
  if (isPyFunction(f)) return (f as (...a: unknown[]) => unknown)(obj, ...args);
  if (typeof f === 'function') return Reflect.apply(f as (...a: unknown[]) => unknown, obj, args);
  return call(f, [obj, ...args], null);
}
