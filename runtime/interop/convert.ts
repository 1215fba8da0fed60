/**
 * Conversions at the JS boundary. They happen where a value crosses it:
 * arguments of a call into a JS function and values stored into JS objects
 * go Python → JS (`toJs`, shallow); results of JS calls, JS attributes and
 * items read, and the arguments JS passes to a Python callback go JS →
 * Python (`toPy`). Python values that are JS values already (str, int,
 * bool, lists, tuples, dicts…; runtime/README.md) cross as they are, so a
 * list handed to JS is the same Array. `to_js` / `to_py` (pyasync.ffi)
 * convert deeply, making new containers.
 */
import { PyFloat, PyTuple, intFromBigInt } from '../builtins/values.js';
import { PyDict } from '../builtins/dict.js';
import { PyAnySet, PySet } from '../builtins/set.js';
import { PyBytes } from '../builtins/values.js';
import { BOUND, SIGNATURE, call, type PyCallable } from '../builtins/calls.js';
import { pyClassOf } from '../builtins/classes.js';
import { PyCoroutine } from '../asyncio/coroutines.js';
import { _get_running_loop } from '../asyncio/events.js';
import { toPromise } from '../asyncio/coroutines.js';
import { isPythonObject, markPythonList } from './values.js';
import { setErrorConversion } from './errors.js';
import { proxyTarget, wrap } from './proxy.js';

/** JS functions standing for Python callables, both ways, so that identity survives a round trip. */
const jsFunctionOf = new WeakMap<object, Function>();
const pythonOf = new WeakMap<Function, unknown>();

/** A JS value as Python code sees it. */
export function toPy(v: unknown): unknown {
  switch (typeof v) {
    case 'undefined':
      return null;
    case 'number':
      // An integral number is an int: `+ 0` keeps JS's -0 (`0 * -1`) from reading as Python's 0.0 (values.ts).
      return v + 0;
    case 'bigint':
      return intFromBigInt(v);
    case 'object':
      if (v === null) return null;
      break;
    case 'function': {
      const py = pythonOf.get(v);
      if (py !== undefined) return py;
      break;
    }
    default:
      return v;
  }
  const o = v as object;
  if (isPythonObject(o)) return o;
  return wrap(o, undefined);
}

/** A Python value as JS code gets it (one level: containers are passed as they are). */
export function toJs(v: unknown): unknown {
  // `+ 0`: Python's 0.0 is held as -0 (values.ts); JS gets the value, +0.
  if (typeof v === 'number') return v + 0;
  if (typeof v !== 'object' && typeof v !== 'function') return v;
  if (v === null) return null;
  const target = proxyTarget(v);
  if (target !== undefined) return target;
  if (v instanceof PyFloat) return v.value;
  if (Array.isArray(v)) {
    if (!(v instanceof PyTuple)) markPythonList(v);
    return v;
  }
  if (v instanceof PyCoroutine) return runAsTask(v);
  if (typeof v === 'function' && isPythonCallable(v)) return jsFunction(v);
  return v;
}

function isPythonCallable(f: Function): boolean {
  return (f as PyCallable)[SIGNATURE] !== undefined || (f as PyCallable)[BOUND] !== undefined || pyClassOf(f) !== undefined
    || (f as { __name__?: unknown }).__name__ !== undefined;
}

/**
 * A coroutine JS holds (an `async def` callback's result, a coroutine passed
 * in): a Task of the running loop, which JS can await; with no loop running,
 * a Promise of its result.
 */
export function runAsTask(coro: PyCoroutine): unknown {
  const loop = _get_running_loop();
  if (loop !== null) return loop.create_task(coro);
  return toPromise(coro);
}

/** How many arguments a Python callable takes positionally, or -1 for any number. */
function arity(f: unknown): number {
  const bound = (f as PyCallable)[BOUND];
  if (bound !== undefined) {
    const n = arity(bound.func);
    return n < 0 ? n : Math.max(0, n - 1);
  }
  const sig = (f as PyCallable)[SIGNATURE];
  if (sig === undefined || sig.vararg !== null) return -1;
  return sig.names.length;
}

/**
 * The JS function JS code calls for Python callable `f`: JS arguments in
 * (extra ones dropped, as a JS function ignores them: `arr.map(f)` passes
 * three), the result out; a coroutine result is scheduled as a Task.
 */
export function jsFunction(f: Function): Function {
  let fn = jsFunctionOf.get(f);
  if (fn !== undefined) return fn;
  const n = arity(f);
  fn = function (this: unknown, ...args: unknown[]): unknown {
    const given = n >= 0 && args.length > n ? args.slice(0, n) : args;
    const result = call(f, given.map(toPy), null);
    return toJs(result);
  };
  const name = (f as { __name__?: unknown }).__name__;
  Object.defineProperty(fn, 'name', { value: typeof name === 'string' ? name : f.name });
  jsFunctionOf.set(f, fn);
  pythonOf.set(fn, f);
  return fn;
}

/** `to_js(x, depth=-1)`: containers become JS ones (dict → object when its keys are all str, else Map). */
export function deepToJs(v: unknown, depth: number, seen: Map<object, unknown> = new Map()): unknown {
  if (depth === 0 || typeof v !== 'object' || v === null) return toJs(v);
  const known = seen.get(v);
  if (known !== undefined) return known;
  const inner = depth - 1;
  if (Array.isArray(v)) {
    const out: unknown[] = [];
    seen.set(v, out);
    for (const item of v) out.push(deepToJs(item, inner, seen));
    return out;
  }
  if (v instanceof PyDict) {
    const keys = [...v];
    if (keys.every((k) => typeof k === 'string')) {
      const out: Record<string, unknown> = {};
      seen.set(v, out);
      for (const k of keys) out[k as string] = deepToJs(v.$get(k), inner, seen);
      return out;
    }
    const out = new Map<unknown, unknown>();
    seen.set(v, out);
    for (const k of keys) out.set(deepToJs(k, inner, seen), deepToJs(v.$get(k), inner, seen));
    return out;
  }
  if (v instanceof PyAnySet) {
    const out = new Set<unknown>();
    seen.set(v, out);
    for (const item of v) out.add(deepToJs(item, inner, seen));
    return out;
  }
  if (v instanceof PyBytes) return new Uint8Array(v.bytes);
  return toJs(v);
}

/** `to_py(x, depth=-1)`: JS containers become Python ones (Array → list, Map and plain objects → dict, Set → set). */
export function deepToPy(v: unknown, depth: number, seen: Map<object, unknown> = new Map()): unknown {
  const target = typeof v === 'object' || typeof v === 'function' ? proxyTarget(v) ?? v : v;
  if (depth === 0 || typeof target !== 'object' || target === null) return toPy(target);
  const known = seen.get(target);
  if (known !== undefined) return known;
  const inner = depth - 1;
  if (isPythonObject(target)) return target;
  if (Array.isArray(target)) {
    const out: unknown[] = [];
    seen.set(target, out);
    for (const item of target) out.push(deepToPy(item, inner, seen));
    return out;
  }
  if (target instanceof Map) {
    const out = new PyDict();
    seen.set(target, out);
    for (const [k, val] of target) out.$set(deepToPy(k, inner, seen), deepToPy(val, inner, seen));
    return out;
  }
  if (target instanceof Set) {
    const out = new PySet();
    seen.set(target, out);
    for (const item of target) out.$add(deepToPy(item, inner, seen));
    return out;
  }
  const proto = Object.getPrototypeOf(target) as unknown;
  if (proto === Object.prototype || proto === null) {
    const out = new PyDict();
    seen.set(target, out);
    for (const k of Object.keys(target)) out.$set(k, deepToPy((target as Record<string, unknown>)[k], inner, seen));
    return out;
  }
  return toPy(target);
}

setErrorConversion(toPy);
