/**
 * Calls with keyword arguments or `*`/`**` unpacking. A call with positional
 * arguments only is a direct JS call; anything else comes here, where the
 * callee's Python signature (attached by `def` through `$def`, or a
 * builtin's own `$kw` entry) binds the arguments with CPython's TypeErrors.
 */
import { TypeError } from './exceptions.js';
import { typeName } from './values.js';

/** A compiled function's parameters, parsed once from the spec `$def` receives. */
interface Signature {
  readonly name: string;
  readonly names: readonly string[];
  /** How many leading parameters are positional-only. */
  readonly posonly: number;
  /** How many leading parameters have no default. */
  readonly required: number;
  readonly vararg: boolean;
}

const SIGNATURE = Symbol('pyasync.signature');

/** A Python callable as the runtime sees it: a JS function, maybe with a signature or a keyword entry. */
export interface PyCallable {
  (...args: unknown[]): unknown;
  [SIGNATURE]?: Signature;
  /** Builtins taking keywords: called with the positional arguments and the keywords. */
  $kw?: (args: unknown[], kwargs: Record<string, unknown>) => unknown;
}

/**
 * `def f(a, b=1, /, c, *args)`: attaches the signature, written as Python
 * writes parameters: `"a, b=, /, c, *args"` (`=` marks a default).
 */
export function def<F extends (...args: never[]) => unknown>(fn: F, spec: string): F {
  const names: string[] = [];
  let posonly = 0;
  let required = -1;
  let vararg = false;
  for (const raw of spec.split(',')) {
    const p = raw.trim();
    if (p === '') continue;
    if (p === '/') posonly = names.length;
    else if (p.startsWith('*')) vararg = true;
    else {
      if (p.endsWith('=') && required < 0) required = names.length;
      names.push(p.endsWith('=') ? p.slice(0, -1) : p);
    }
  }
  if (required < 0) required = names.length;
  (fn as unknown as PyCallable)[SIGNATURE] = { name: fn.name, names, posonly, required, vararg };
  return fn;
}

/** Whether `f` is a compiled Python function (it binds `self` as its first argument when found on a class). */
export function isPyFunction(f: unknown): boolean {
  return typeof f === 'function' && (f as PyCallable)[SIGNATURE] !== undefined;
}

/** `f(*args, **kwargs)` and calls with keywords. `kwargs` is null when there are none. */
export function call(f: unknown, args: unknown[], kwargs: Record<string, unknown> | null): unknown {
  if (typeof f !== 'function') throw new TypeError(`'${typeName(f)}' object is not callable`);
  const callee = f as PyCallable;
  if (isClass(f)) return new (f as new (...a: unknown[]) => unknown)(...args);
  if (kwargs === null) return callee(...args);
  if (callee.$kw) return callee.$kw(args, kwargs);
  const sig = callee[SIGNATURE];
  // A JS function gets the keywords as a trailing plain object.
  if (!sig) return callee(...args, kwargs);
  return callee(...bind(sig, args, kwargs));
}

/** JS classes (the runtime's exceptions) are called with `new`. */
function isClass(f: Function): boolean {
  return Object.getOwnPropertyDescriptor(f, 'prototype')?.writable === false;
}

function bind(sig: Signature, args: unknown[], kwargs: Record<string, unknown>): unknown[] {
  const n = sig.names.length;
  if (args.length > n && !sig.vararg) {
    const takes = sig.required === n ? `${n}` : `from ${sig.required} to ${n}`;
    throw new TypeError(`${sig.name}() takes ${takes} positional argument${n === 1 && sig.required === n ? '' : 's'} but ${args.length} were given`);
  }
  const bound: unknown[] = args.slice(0, n);
  while (bound.length < n) bound.push(undefined);
  const positionalOnly: string[] = [];
  for (const key of Object.keys(kwargs)) {
    const i = sig.names.indexOf(key);
    if (i < 0) throw new TypeError(`${sig.name}() got an unexpected keyword argument '${key}'`);
    if (i < sig.posonly) {
      positionalOnly.push(key);
      continue;
    }
    if (i < args.length) throw new TypeError(`${sig.name}() got multiple values for argument '${key}'`);
    bound[i] = kwargs[key];
  }
  if (positionalOnly.length > 0) {
    throw new TypeError(`${sig.name}() got some positional-only arguments passed as keyword arguments: '${positionalOnly.join(', ')}'`);
  }
  const missing = sig.names.slice(0, sig.required).filter((_, i) => bound[i] === undefined);
  if (missing.length > 0) throw new TypeError(`${sig.name}() missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${listNames(missing)}`);
  return sig.vararg ? [...bound, ...args.slice(n)] : bound;
}

/** CPython's list of names: 'a', 'a' and 'b', 'a', 'b' and 'c'. */
function listNames(names: string[]): string {
  const quoted = names.map((n) => `'${n}'`);
  if (quoted.length === 1) return quoted[0]!;
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}
