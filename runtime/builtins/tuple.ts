/**
 * tuple: a PyTuple (an Array subclass the runtime never mutates). Methods as
 * `tuple_<name>(t, …)`, subscripts, operators, repr and hash. Order
 * comparisons are equality.ts's lt/le/gt/ge.
 */
import { IndexError, TypeError, ValueError } from './exceptions.js';
import { eqItem, pyHash } from './equality.js';
import { reprHooks, repr } from './repr.js';
import { PyTuple, isIntNumber, typeName } from './values.js';
import { adjustSlice, iterItems, repeatCount, reprEnter, reprLeave, searchBound, slice, subscriptIndex } from './list.js';
import { checkPositional, oneArg } from './str/args.js';

/** tuple(iterable). A tuple argument is returned as is, as CPython does. */
export function tupleFromIterable(iterable?: unknown): PyTuple {
  if (iterable === undefined) return new PyTuple();
  // A tuple is its own copy; a subclass's (a namedtuple) is copied into a plain tuple.
  if (iterable instanceof PyTuple && Object.getPrototypeOf(iterable) === PyTuple.prototype) return iterable;
  return PyTuple.fromArray(iterItems(iterable));
}

export function tupleGetItem(t: readonly unknown[], i: unknown): unknown {
  let k = typeof i === 'number' && isIntNumber(i) ? i : subscriptIndex(i, 'tuple');
  if (k < 0) k += t.length;
  if (k < 0 || k >= t.length) throw new IndexError('tuple index out of range');
  return t[k];
}

/** `t[start:stop:step]`. The whole tuple is returned as is, as CPython does. */
export function tupleSlice(t: PyTuple, start?: unknown, stop?: unknown, step?: unknown): PyTuple {
  const n = adjustSlice(t.length, start, stop, step);
  const { start: lo, step: st } = slice;
  if (n === t.length && st === 1) return t;
  const out = new PyTuple();
  for (let i = 0, j = lo; i < n; i++, j += st) out.push(t[j]);
  return out;
}

export function tuple_index(t: readonly unknown[], x: unknown, start?: unknown, stop?: unknown): number {
  if (arguments.length < 2 || arguments.length > 4) checkPositional('index', arguments.length - 1, 1, 3);
  let i = searchBound(start, t.length, 0);
  const end = searchBound(stop, t.length, Infinity);
  for (; i < end && i < t.length; i++) if (eqItem(t[i], x)) return i;
  throw new ValueError('tuple.index(x): x not in tuple');
}

export function tuple_count(t: readonly unknown[], x: unknown): number {
  if (arguments.length !== 2) oneArg('tuple.count', arguments.length - 1);
  let n = 0;
  for (let i = 0; i < t.length; i++) if (eqItem(t[i], x)) n++;
  return n;
}

/** `x in t`. */
export function tupleContains(t: readonly unknown[], x: unknown): boolean {
  for (let i = 0; i < t.length; i++) if (eqItem(t[i], x)) return true;
  return false;
}

/** `a + b` for a tuple a. */
export function tupleConcat(a: PyTuple, b: unknown): PyTuple {
  if (!(b instanceof PyTuple)) {
    throw new TypeError(`can only concatenate tuple (not "${typeName(b)}") to tuple`);
  }
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out = new PyTuple();
  for (let i = 0; i < a.length; i++) out.push(a[i]);
  for (let i = 0; i < b.length; i++) out.push(b[i]);
  return out;
}

/** `t * n` (and `n * t`). */
export function tupleRepeat(t: PyTuple, n: unknown): PyTuple {
  const count = repeatCount(n, t.length);
  if (count === 1 || t.length === 0) return t;
  const out = new PyTuple();
  for (let c = 0; c < count; c++) for (let i = 0; i < t.length; i++) out.push(t[i]);
  return out;
}

/** hash(t): CPython's value (number in the safe range, else bigint). */
export function tupleHash(t: PyTuple): number | bigint {
  return pyHash(t);
}

export function reprTuple(t: readonly unknown[]): string {
  if (t.length === 0) return '()';
  if (!reprEnter(t)) return '(...)';
  try {
    if (t.length === 1) return `(${repr(t[0])},)`;
    let s = '(';
    for (let i = 0; i < t.length; i++) s += (i > 0 ? ', ' : '') + repr(t[i]);
    return s + ')';
  } finally {
    reprLeave(t);
  }
}

reprHooks.tuple = reprTuple;
