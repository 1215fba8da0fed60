/**
 * What the compiled `$call$m$N` helpers use to call a method of a str, list
 * or dict directly (src/transform/builtinMethods.ts): the method tables
 * `callMethod` looks in, and the tests for the exact types whose methods
 * those tables hold (an instance of a Python subclass finds its methods on
 * its class instead).
 */
import { TABLES } from './attributes.js';
import { PyDict } from './dict.js';

export const strMethods = TABLES.str;
export const listMethods = TABLES.list;
export const dictMethods = TABLES.dict;

export function isExactList(o: unknown): boolean {
  return Array.isArray(o) && Object.getPrototypeOf(o) === Array.prototype;
}

export function isExactDict(o: unknown): boolean {
  // The prototype itself, not instanceof: no walk up the chain of a Python instance that is not a dict.
  return typeof o === 'object' && o !== null && Object.getPrototypeOf(o) === PyDict.prototype;
}
