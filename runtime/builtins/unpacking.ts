/**
 * Calls with `*args` and `**kwargs` at the call site: `f(a, *xs, k=1, **m)`
 * compiles to `$callUnpacking(f, [a, $star(xs)], [{k: 1}, m])`, which
 * expands the iterables and merges the keywords in order, with CPython's
 * messages, which name the function (`__main__.f() argument after * must be
 * an iterable, not int`).
 */
import { TypeError } from './exceptions.js';
import { BASE_VALUE, PyStrBox, typeName } from './values.js';
import { PyDict, mappingPairs } from './dict.js';
import { PyAnySet } from './set.js';
import { call, signatureOf } from './calls.js';
import { getattr, callMethodKw } from './attributes.js';
import { iterate } from './iteration.js';
import { isPlainSequence } from './list.js';
import { isClassLike } from './classes.js';

/** `*x` among a call's arguments. */
export class Star {
  constructor(readonly value: unknown) {}
}

export function star(value: unknown): Star {
  return new Star(value);
}

/** How CPython names a callable in argument errors: `__main__.f()`, `print()`. */
function describe(f: unknown): string {
  const sig = signatureOf(f);
  if (sig !== undefined) return `${sig.module ? `${sig.module}.` : ''}${sig.qualname}()`;
  if (isClassLike(f)) return `${(f as { __name__?: string; name: string }).__name__ ?? (f as Function).name}()`;
  if (typeof f === 'function') return `${(f as Function).name}()`;
  return `${typeName(f)} object`;
}

function expand(f: unknown, args: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const a of args) {
    if (!(a instanceof Star)) {
      out.push(a);
      continue;
    }
    const v = a.value;
    // One push per item: push(...v) passes them all on the stack, which a long list overflows.
    // (A subclass of list or tuple is iterated: its class may define __iter__.)
    if (isPlainSequence(v)) {
      for (let i = 0; i < v.length; i++) out.push(v[i]);
      continue;
    }
    let items: Iterable<unknown>;
    try {
      items = iterate(v);
    } catch (e) {
      if (e instanceof TypeError && /is not iterable$/.test(String(e.args[0]))) {
        throw new TypeError(`${describe(f)} argument after * must be an iterable, not ${typeName(v)}`);
      }
      throw e;
    }
    for (const item of items) out.push(item);
  }
  return out;
}

/** The keywords of the parts: plain objects are `k=v` groups, anything else a `**` mapping. */
function merge(f: unknown, parts: unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const add = (name: unknown, value: unknown): void => {
    // A str subclass's instance names its keyword by its value, as in CPython.
    const key = name instanceof PyStrBox ? name[BASE_VALUE] : name;
    if (typeof key !== 'string') throw new TypeError('keywords must be strings');
    if (Object.hasOwn(out, key)) throw new TypeError(`${describe(f)} got multiple values for keyword argument '${key}'`);
    out[key] = value;
  };
  for (const part of parts) {
    if (part !== null && typeof part === 'object' && Object.getPrototypeOf(part) === Object.prototype) {
      for (const key of Object.keys(part)) add(key, (part as Record<string, unknown>)[key]);
    } else if (part instanceof PyDict) {
      // A dict subclass defining __iter__ gives its keys() and items (dict.ts).
      for (const [k, v] of mappingPairs(part)!) add(k, v);
    } else {
      let keys: unknown;
      try {
        keys = getattr(part, 'keys');
      } catch {
        throw new TypeError(`${describe(f)} argument after ** must be a mapping, not ${typeName(part)}`);
      }
      for (const key of iterate(call(keys, [], null))) add(key, call(getattr(part, '__getitem__'), [key], null));
    }
  }
  return out;
}

/** `f(*args, **kwargs)` with unpacking at the call site. */
export function callUnpacking(f: unknown, args: unknown[], keywords: unknown[] | null): unknown {
  return call(f, expand(f, args), keywords === null ? null : merge(f, keywords));
}

/** `obj.name(*args, **kwargs)` with unpacking at the call site. */
export function callMethodUnpacking(obj: unknown, name: string, args: unknown[], keywords: unknown[] | null): unknown {
  const f = getattr(obj, name);
  return callMethodKw(obj, name, expand(f, args), keywords === null ? null : merge(f, keywords));
}

/** `[*x]`, `(*x,)`, `{*x}`: the items of x, or CPython's message for a display. */
export function displayStar(x: unknown): Iterable<unknown> {
  if (isPlainSequence(x) || typeof x === 'string') return x as Iterable<unknown>;
  try {
    return iterate(x);
  } catch (e) {
    if (e instanceof TypeError && /is not iterable$/.test(String(e.args[0]))) {
      throw new TypeError(`Value after * must be an iterable, not ${typeName(x)}`);
    }
    throw e;
  }
}

/**
 * `{*x}` in a set display: a set or frozenset (of a subclass too) gives its
 * members as they are stored, whatever its class's `__iter__`, as CPython's
 * set update does; anything else as `displayStar`.
 */
export function setDisplayStar(x: unknown): Iterable<unknown> {
  return x instanceof PyAnySet ? (x as Iterable<unknown>) : displayStar(x);
}
