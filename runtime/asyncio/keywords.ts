/**
 * Keyword arguments reaching the runtime's JS methods: the call layer
 * passes them to a bound JS method as a trailing plain object (a Python
 * value is never a plain object).
 */
import { Keywords as CallKeywords } from '../builtins/calls.js';
import { TypeError as KeywordError } from '../builtins/exceptions.js';

export type Keywords = Record<string, unknown>;

export function isKeywords(x: unknown): x is Keywords {
  return x !== null && typeof x === 'object' && Object.getPrototypeOf(x) === Object.prototype;
}

/**
 * Removes and returns the trailing keywords of `args`, if any: a plain
 * object (a bound JS method's keywords), or the call layer's Keywords (a
 * function with a signature, `def`'d with keyword-only parameters).
 */
export function takeKeywords(args: unknown[]): Keywords | null {
  if (args.length === 0) return null;
  const last = args[args.length - 1];
  if (last instanceof CallKeywords) {
    args.pop();
    return last.values;
  }
  if (isKeywords(last)) return args.pop() as Keywords;
  return null;
}

/** The trailing keywords of `args` left in place, for a method that checks them before passing `args` on. */
export function peekKeywords(args: readonly unknown[]): Keywords | null {
  if (args.length === 0) return null;
  const last = args[args.length - 1];
  if (last instanceof CallKeywords) return last.values;
  return isKeywords(last) ? last : null;
}

/** A parameter that may also have been passed by keyword: `cancel(msg=None)` called as `cancel(msg="x")`. */
export function optional(value: unknown, name: string): unknown {
  if (isKeywords(value)) return Object.hasOwn(value, name) ? value[name] : null;
  return value === undefined ? null : value;
}

/** Raises CPython's TypeError for keywords a function does not take. */
export function onlyKeywords(kw: Keywords | null, fn: string, allowed: readonly string[]): void {
  if (kw === null) return;
  for (const key of Object.keys(kw)) {
    if (!allowed.includes(key)) throw new KeywordError(`${fn}() got an unexpected keyword argument '${key}'`);
  }
}
