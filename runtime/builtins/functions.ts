/**
 * Python's builtin functions and types, as compiled code imports them under
 * their Python names. The types (`int`, `str`, `list`…) are plain functions
 * that convert; `isinstance` and `type` know which values each stands for.
 * Builtins taking keyword arguments have a `$kw` entry the call layer uses.
 */
import { PyBytes, PyComplex, PyFloat, PyTuple, isInt, typeName } from './values.js';
import { BaseException, StopIteration, TypeError, ValueError } from './exceptions.js';
import { repr as reprValue, str as strValue } from './repr.js';
import { truthy } from './truth.js';
import { iterate } from './iteration.js';
import { writeStdout } from './io.js';
import { callMethod, registerBuiltinType } from './attributes.js';
import { formatValue, strLen, ascii as asciiOf } from './str.js';
import { tupleFromIterable } from './tuple.js';
import { PyDict, dictFrom } from './dict.js';
import { PyAnySet, PySet, PyFrozenSet, setFrom, frozensetFrom } from './set.js';
import { sorted as sortedList } from './sort.js';
import { pyHash } from './equality.js';
import { lt, add } from './operators.js';
import * as num from './numbers.js';
import { bytesLen } from './bytes.js';
import { PyRange, range } from './range.js';
import type { PyCallable } from './calls.js';

type Kw = Record<string, unknown>;

function withKeywords<F extends (...args: never[]) => unknown>(fn: F, kw: (args: unknown[], kwargs: Kw) => unknown): F {
  (fn as unknown as PyCallable).$kw = kw;
  return fn;
}

function unexpected(name: string, kwargs: Kw, allowed: readonly string[]): void {
  for (const key of Object.keys(kwargs)) {
    if (!allowed.includes(key)) throw new TypeError(`'${key}' is an invalid keyword argument for ${name}()`);
  }
}

/** print(*objects, sep=' ', end='\n', file=None, flush=False) */
export const print = withKeywords(
  function print(...args: unknown[]): null {
    writeStdout(args.map(strValue).join(' ') + '\n');
    return null;
  },
  (args, kw) => {
    unexpected('print', kw, ['sep', 'end', 'file', 'flush']);
    const sep = kw['sep'] ?? ' ';
    const end = kw['end'] ?? '\n';
    if (typeof sep !== 'string') throw new TypeError(`sep must be None or a string, not ${typeName(sep)}`);
    if (typeof end !== 'string') throw new TypeError(`end must be None or a string, not ${typeName(end)}`);
    const text = args.map(strValue).join(sep) + end;
    const file = kw['file'];
    if (file === null || file === undefined) writeStdout(text);
    else callMethod(file, 'write', text);
    return null;
  },
);

export function len(x: unknown): number {
  if (typeof x === 'string') return strLen(x);
  if (Array.isArray(x)) return x.length;
  if (x instanceof PyDict || x instanceof PyAnySet) return x.size;
  if (x instanceof PyRange) return x.length;
  if (x instanceof PyBytes) return bytesLen(x);
  throw new TypeError(`object of type '${typeName(x)}' has no len()`);
}

export function repr(x: unknown): string {
  return reprValue(x);
}

export function str(x?: unknown): string {
  return x === undefined ? '' : strValue(x);
}

export function ascii(x: unknown): string {
  return asciiOf(x);
}

export function format(value: unknown, spec: unknown = ''): string {
  if (typeof spec !== 'string') throw new TypeError(`format() argument 2 must be str, not ${typeName(spec)}`);
  return formatValue(value, spec);
}

export function bool(x?: unknown): boolean {
  return x === undefined ? false : truthy(x);
}

export function int(x: unknown = 0, base?: unknown): unknown {
  return num.int(x, base);
}

export function float(x: unknown = new PyFloat(0)): unknown {
  return num.float(x);
}

export function list(iterable?: unknown): unknown[] {
  return iterable === undefined ? [] : [...iterate(iterable)];
}

export function tuple(iterable?: unknown): PyTuple {
  return tupleFromIterable(iterable);
}

export const dict = withKeywords(
  function dict(other?: unknown): PyDict {
    return dictFrom(other);
  },
  (args, kw) => dictFrom(args[0], kw),
);

export function set(iterable?: unknown): PySet {
  return setFrom(iterable);
}

export function frozenset(iterable?: unknown): PyFrozenSet {
  return frozensetFrom(iterable);
}

export function abs(x: unknown): unknown {
  return num.abs(x);
}

function extreme(name: 'min' | 'max', args: unknown[], kw: Kw): unknown {
  unexpected(name, kw, ['key', 'default']);
  const key = kw['key'] ?? null;
  const items = args.length === 1 ? [...iterate(args[0])] : args;
  if (args.length === 0) throw new TypeError(`${name} expected at least 1 argument, got 0`);
  if (items.length === 0) {
    if ('default' in kw) return kw['default'];
    throw new ValueError(`${name}() arg is an empty sequence`);
  }
  let best = items[0];
  let bestKey = key === null ? best : (key as (v: unknown) => unknown)(best);
  for (let i = 1; i < items.length; i++) {
    const k = key === null ? items[i] : (key as (v: unknown) => unknown)(items[i]);
    if (truthy(name === 'min' ? lt(k, bestKey) : lt(bestKey, k))) {
      best = items[i];
      bestKey = k;
    }
  }
  return best;
}

export const min = withKeywords(function min(...args: unknown[]): unknown {
  return extreme('min', args, {});
}, (args, kw) => extreme('min', args, kw));

export const max = withKeywords(function max(...args: unknown[]): unknown {
  return extreme('max', args, {});
}, (args, kw) => extreme('max', args, kw));

function sumOf(iterable: unknown, start: unknown = 0): unknown {
  if (typeof start === 'string') throw new TypeError("sum() can't sum strings [use ''.join(seq) instead]");
  let total = start;
  for (const item of iterate(iterable)) total = add(total, item);
  return total;
}

export const sum = withKeywords(function sum(iterable: unknown, start: unknown = 0): unknown {
  return sumOf(iterable, start);
}, (args, kw) => sumOf(args[0], kw['start'] ?? args[1] ?? 0));

export function any(iterable: unknown): boolean {
  for (const item of iterate(iterable)) if (truthy(item)) return true;
  return false;
}

export function all(iterable: unknown): boolean {
  for (const item of iterate(iterable)) if (!truthy(item)) return false;
  return true;
}

export const sorted = withKeywords(
  function sorted(iterable: unknown): unknown[] {
    return sortedList(iterable);
  },
  (args, kw) => {
    unexpected('sorted', kw, ['key', 'reverse']);
    return sortedList(args[0], kw['key'] ?? undefined, kw['reverse'] ?? undefined);
  },
);

export function reversed(seq: unknown): Iterable<unknown> {
  if (Array.isArray(seq) || typeof seq === 'string') return [...iterate(seq)].reverse();
  if (seq instanceof PyRange) return [...seq].reverse();
  throw new TypeError(`'${typeName(seq)}' object is not reversible`);
}

function* enumerated(iterable: unknown, start: unknown): Generator<PyTuple> {
  let i = start;
  for (const item of iterate(iterable)) {
    yield PyTuple.of(i, item);
    i = add(i, 1);
  }
}

export const enumerate = withKeywords(function enumerate(iterable: unknown, start: unknown = 0): Generator<PyTuple> {
  return enumerated(iterable, start);
}, (args, kw) => enumerated(args[0], kw['start'] ?? args[1] ?? 0));

export function* zip(...iterables: unknown[]): Generator<PyTuple> {
  const iterators = iterables.map((it) => iterate(it)[Symbol.iterator]());
  if (iterators.length === 0) return;
  for (;;) {
    const items: unknown[] = [];
    for (const it of iterators) {
      const r = it.next();
      if (r.done) return;
      items.push(r.value);
    }
    yield PyTuple.fromArray(items);
  }
}

export function* map(fn: unknown, ...iterables: unknown[]): Generator<unknown> {
  for (const items of zip(...iterables)) yield (fn as (...a: unknown[]) => unknown)(...items);
}

export function* filter(fn: unknown, iterable: unknown): Generator<unknown> {
  for (const item of iterate(iterable)) {
    if (fn === null ? truthy(item) : truthy((fn as (v: unknown) => unknown)(item))) yield item;
  }
}

/** The builtin types and which values belong to them. */
const TYPE_TESTS = new Map<unknown, (v: unknown) => boolean>([
  [int, (v) => isInt(v) || typeof v === 'boolean'],
  [float, (v) => (typeof v === 'number' && !Number.isInteger(v)) || v instanceof PyFloat],
  [bool, (v) => typeof v === 'boolean'],
  [str, (v) => typeof v === 'string'],
  [list, (v) => Array.isArray(v) && !(v instanceof PyTuple)],
  [tuple, (v) => v instanceof PyTuple],
  [dict, (v) => v instanceof PyDict],
  [set, (v) => v instanceof PySet],
  [frozenset, (v) => v instanceof PyFrozenSet],
  [range, (v) => v instanceof PyRange],
]);

export function isinstance(x: unknown, cls: unknown): boolean {
  if (cls instanceof PyTuple) return cls.some((c) => isinstance(x, c));
  const test = TYPE_TESTS.get(cls);
  if (test) return test(x);
  if (typeof cls === 'function') return x instanceof (cls as new () => unknown);
  throw new TypeError('isinstance() arg 2 must be a type, a tuple of types, or a union');
}

/** type(x): the builtin type of a builtin value, else its class. */
export function type(x: unknown): unknown {
  if (typeof x === 'boolean') return bool;
  if (isInt(x)) return int;
  if (typeof x === 'string') return str;
  if (typeof x === 'number' || x instanceof PyFloat) return float;
  if (x instanceof PyTuple) return tuple;
  if (Array.isArray(x)) return list;
  if (x instanceof PyDict) return dict;
  if (x instanceof PyFrozenSet) return frozenset;
  if (x instanceof PySet) return set;
  if (x instanceof PyRange) return range;
  if (x instanceof BaseException || (x !== null && typeof x === 'object')) return (x as object).constructor;
  return { __name__: typeName(x) };
}

/** iter(x): a Python iterator (a JS iterator `next` can advance). */
export function iter(x: unknown): Iterator<unknown> {
  return iterate(x)[Symbol.iterator]();
}

export function next(it: unknown, ...fallback: unknown[]): unknown {
  const iterator = it as Iterator<unknown>;
  if (iterator === null || typeof iterator !== 'object' || typeof iterator.next !== 'function') {
    throw new TypeError(`'${typeName(it)}' object is not an iterator`);
  }
  const r = iterator.next();
  if (!r.done) return r.value;
  if (fallback.length > 0) return fallback[0];
  throw new StopIteration();
}

export function chr(i: unknown): string {
  if (!isInt(i)) throw new TypeError(`'${typeName(i)}' object cannot be interpreted as an integer`);
  const n = Number(i);
  if (n < 0 || n > 0x10ffff) throw new ValueError('chr() arg not in range(0x110000)');
  return String.fromCodePoint(n);
}

export function ord(c: unknown): number {
  if (typeof c !== 'string') throw new TypeError(`ord() expected string of length 1, but ${typeName(c)} found`);
  const n = strLen(c);
  if (n !== 1) throw new TypeError(`ord() expected a character, but string of length ${n} found`);
  return c.codePointAt(0)!;
}

function radix(prefix: string, base: number) {
  return (x: unknown): string => {
    if (typeof x === 'boolean') x = x ? 1 : 0;
    if (!isInt(x)) throw new TypeError(`'${typeName(x)}' object cannot be interpreted as an integer`);
    const big = BigInt(x);
    return (big < 0n ? '-' : '') + prefix + (big < 0n ? -big : big).toString(base);
  };
}

export const hex = radix('0x', 16);
export const oct = radix('0o', 8);
export const bin = radix('0b', 2);

export function hash(x: unknown): unknown {
  return pyHash(x);
}

export function callable(x: unknown): boolean {
  return typeof x === 'function';
}

export function divmod(a: unknown, b: unknown): unknown {
  return num.divmod(a, b);
}

export function round(x: unknown, ndigits?: unknown): unknown {
  return num.round(x, ndigits);
}

export function pow(base: unknown, exp: unknown, mod?: unknown): unknown {
  return num.pow(base, exp, mod);
}

registerBuiltinType(str, 'str');
registerBuiltinType(list, 'list');
registerBuiltinType(tuple, 'tuple');
registerBuiltinType(dict, 'dict');
registerBuiltinType(set, 'set');

export { range, PyComplex };
export { getattr, setattr, hasattr } from './attributes.js';
