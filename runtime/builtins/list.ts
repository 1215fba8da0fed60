/**
 * list: a plain JS Array. Python's list methods as `list_<name>(lst, …)`, the
 * subscript and operator forms, repr, and the helpers the other sequence
 * types share (index and slice arguments, reading any iterable, the repr
 * recursion guard). `list.sort` lives in sort.ts.
 */
import { IndexError, MemoryError, OverflowError, TypeError, ValueError } from './exceptions.js';
import { eqItem } from './equality.js';
import { repr, reprHooks } from './repr.js';
import { PyBytes, PyTuple, isIntNumber, typeName } from './values.js';
import { userIndex } from './numbers/index.js';
import { checkPositional, noArgs, oneArg } from './str/args.js';
import { isExactArray, whenOverridden } from './subclassOverrides.js';


// ---------------------------------------------------------------------------
// Shared helpers

/** How objects that are not JS iterables (instances of Python classes with `__iter__`) are read: set by dunders.ts. */
export const iterHooks: { items?: (x: unknown) => Iterable<unknown> | null } = {};

/**
 * A list or tuple, not of a subclass: what the builtins read directly. A
 * subclass's instance is iterated (its class may define `__iter__`), as
 * CPython's PySequence_Fast, tuple(), list.extend and unpacking do.
 */
export function isPlainSequence(x: unknown): x is readonly unknown[] {
  return isItemsArray(x);
}

/** Array.isArray until a Python subclass of list or tuple defines __iter__ (subclassOverrides.ts), then exact lists and tuples only. */
var isItemsArray: (v: unknown) => v is unknown[] = Array.isArray;
whenOverridden('iter', () => {
  isItemsArray = isExactArray;
});

/**
 * The items of an iterable, as CPython's PySequence_Fast: a list or tuple
 * itself (do not mutate the result), anything else read into a new array.
 * Strings give their code points, dicts their keys.
 */
export function iterItems(x: unknown, notIterable?: string): readonly unknown[] {
  if (isPlainSequence(x)) return x;
  if (x !== null && x !== undefined) {
    // An instance of a Python class (a subclass of list, dict, set… too): its own __iter__ if it has one.
    if (typeof x === 'object' || typeof x === 'function') {
      const own = iterHooks.items?.(x);
      if (own) return Array.from(own);
    }
    if (typeof (x as Partial<Iterable<unknown>>)[Symbol.iterator] === 'function') return Array.from(x as Iterable<unknown>);
    if (x instanceof PyBytes) return Array.from(x.bytes);
  }
  throw new TypeError(notIterable ?? `'${typeName(x)}' object is not iterable`);
}

const SSIZE_MAX = 2n ** 63n - 1n;

/** An int/bool index as a JS number; a bigint beyond C's ssize_t raises as CPython. */
function ssize(v: bigint, onOverflow: () => Error): number {
  if (v > SSIZE_MAX || v < -SSIZE_MAX - 1n) throw onOverflow();
  return Number(v); // beyond any length, so callers find it out of range
}

/** A subscript index (`seq[i]`): TypeError names the sequence type, as CPython does. */
export function subscriptIndex(i: unknown, kind: string): number {
  if (typeof i === 'number' && isIntNumber(i)) return i;
  if (typeof i === 'boolean') return i ? 1 : 0;
  if (typeof i === 'bigint') return ssize(i, () => new IndexError("cannot fit 'int' into an index-sized integer"));
  const j = userIndex(i);
  if (j !== undefined) return subscriptIndex(j, kind);
  throw new TypeError(`${kind} indices must be integers or slices, not ${typeName(i)}`);
}

/** An integer argument such as list.pop's or list.insert's index. */
export function intArg(i: unknown): number {
  if (typeof i === 'number' && isIntNumber(i)) return i;
  if (typeof i === 'boolean') return i ? 1 : 0;
  if (typeof i === 'bigint') return ssize(i, () => new OverflowError('Python int too large to convert to C ssize_t'));
  const j = userIndex(i);
  if (j !== undefined) return intArg(j);
  throw new TypeError(`'${typeName(i)}' object cannot be interpreted as an integer`);
}

/** A start/stop argument of index(): clamped like a slice bound, never None. */
export function searchBound(v: unknown, length: number, fallback: number): number {
  if (v === undefined) return fallback;
  let n: number;
  if (typeof v === 'number' && isIntNumber(v)) n = v;
  else if (typeof v === 'boolean') n = v ? 1 : 0;
  else if (typeof v === 'bigint') n = v < 0n ? -Infinity : Infinity;
  else {
    const j = userIndex(v);
    if (j === undefined) throw new TypeError('slice indices must be integers or have an __index__ method');
    return searchBound(j, length, fallback);
  }
  if (n < 0) {
    n += length;
    if (n < 0) n = 0;
  }
  return n;
}

/** A slice after CPython's PySlice_Unpack + PySlice_AdjustIndices. Reused: read it before the next call. */
export const slice = { start: 0, stop: 0, step: 1, length: 0 };

function sliceBound(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' && isIntNumber(v)) return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  // Huge bounds clamp, as CPython clamps them to ±PY_SSIZE_T_MAX.
  if (typeof v === 'bigint') return v < 0n ? -Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER;
  const j = userIndex(v);
  if (j !== undefined) return sliceBound(j);
  throw new TypeError('slice indices must be integers or None or have an __index__ method');
}

/** Resolves `[start:stop:step]` against a length into `slice`; returns the slice length. */
export function adjustSlice(length: number, start: unknown, stop: unknown, step: unknown): number {
  const st = sliceBound(step) ?? 1;
  if (st === 0) throw new ValueError('slice step cannot be zero');
  let lo = sliceBound(start);
  let hi = sliceBound(stop);
  if (lo === null) lo = st < 0 ? length - 1 : 0;
  else if (lo < 0) {
    lo += length;
    if (lo < 0) lo = st < 0 ? -1 : 0;
  } else if (lo >= length) lo = st < 0 ? length - 1 : length;
  if (hi === null) hi = st < 0 ? -1 : length;
  else if (hi < 0) {
    hi += length;
    if (hi < 0) hi = st < 0 ? -1 : 0;
  } else if (hi >= length) hi = st < 0 ? length - 1 : length;
  let n = 0;
  if (st < 0) {
    if (hi < lo) n = Math.floor((lo - hi - 1) / -st) + 1;
  } else if (lo < hi) n = Math.floor((hi - lo - 1) / st) + 1;
  slice.start = lo;
  slice.stop = hi;
  slice.step = st;
  slice.length = n;
  return n;
}

/** The items of `seq[start:stop:step]` as a new plain array. */
export function sliceItems(seq: readonly unknown[], start: unknown, stop: unknown, step: unknown): unknown[] {
  const n = adjustSlice(seq.length, start, stop, step);
  const { start: lo, step: st } = slice;
  if (st === 1) return Array.prototype.slice.call(seq, lo, lo + n) as unknown[];
  const out = new Array<unknown>(n);
  for (let i = 0, j = lo; i < n; i++, j += st) out[i] = seq[j];
  return out;
}

/** A sequence repeat count (`seq * n`): CPython's TypeError/OverflowError/MemoryError. */
export function repeatCount(n: unknown, itemCount: number): number {
  let count: number;
  if (typeof n === 'number' && isIntNumber(n)) count = n;
  else if (typeof n === 'boolean') count = n ? 1 : 0;
  else if (typeof n === 'bigint') count = ssize(n, () => new OverflowError("cannot fit 'int' into an index-sized integer"));
  else throw new TypeError(`can't multiply sequence by non-int of type '${typeName(n)}'`);
  if (count <= 0 || itemCount === 0) return 0;
  if (count * itemCount > 0xffffffff) throw new MemoryError();
  return count;
}

/** Objects whose repr is being built: a container met again inside itself prints as `[...]`. */
const reprActive = new Set<object>();

/** Enters o's repr; false when o is already being printed (then print the `...` form). */
export function reprEnter(o: object): boolean {
  if (reprActive.has(o)) return false;
  reprActive.add(o);
  return true;
}

export function reprLeave(o: object): void {
  reprActive.delete(o);
}

// ---------------------------------------------------------------------------
// Subscripts

export function listGetItem(l: readonly unknown[], i: unknown): unknown {
  let k = typeof i === 'number' && isIntNumber(i) ? i : subscriptIndex(i, 'list');
  if (k < 0) k += l.length;
  if (k < 0 || k >= l.length) throw new IndexError('list index out of range');
  return l[k];
}

export function listSetItem(l: unknown[], i: unknown, v: unknown): void {
  let k = typeof i === 'number' && isIntNumber(i) ? i : subscriptIndex(i, 'list');
  if (k < 0) k += l.length;
  if (k < 0 || k >= l.length) throw new IndexError('list assignment index out of range');
  l[k] = v;
}

export function listDelItem(l: unknown[], i: unknown): void {
  let k = subscriptIndex(i, 'list');
  if (k < 0) k += l.length;
  if (k < 0 || k >= l.length) throw new IndexError('list assignment index out of range');
  if (k === l.length - 1) Array.prototype.pop.call(l);
  else Array.prototype.splice.call(l, k, 1);
}

/** `l[start:stop:step]` (missing parts as null/undefined). */
export function listSlice(l: readonly unknown[], start?: unknown, stop?: unknown, step?: unknown): unknown[] {
  return sliceItems(l, start, stop, step);
}

/** `l[start:stop:step] = value`. */
export function listSetSlice(l: unknown[], start: unknown, stop: unknown, step: unknown, value: unknown): void {
  const n = adjustSlice(l.length, start, stop, step);
  const { start: lo, step: st } = slice;
  if (st === 1) {
    // A list assigned into itself is read before it changes.
    const items = value === l ? (Array.prototype.slice.call(l) as unknown[]) : iterItems(value, 'can only assign an iterable');
    const hi = Math.max(lo, slice.stop);
    spliceIn(l, lo, hi - lo, items);
    return;
  }
  const items = value === l ? (Array.prototype.slice.call(l) as unknown[]) : iterItems(value, 'must assign iterable to extended slice');
  if (items.length !== n) {
    throw new ValueError(`attempt to assign sequence of size ${items.length} to extended slice of size ${n}`);
  }
  for (let i = 0, j = lo; i < n; i++, j += st) l[j] = items[i];
}

/** Replaces `count` items at `at` by `items`, without spreading them as call arguments (no size limit). */
function spliceIn(l: unknown[], at: number, count: number, items: readonly unknown[]): void {
  const delta = items.length - count;
  const oldLength = l.length;
  if (delta > 0) {
    l.length = oldLength + delta;
    for (let i = oldLength - 1; i >= at + count; i--) l[i + delta] = l[i];
  } else if (delta < 0) {
    for (let i = at + count; i < oldLength; i++) l[i + delta] = l[i];
    l.length = oldLength + delta;
  }
  for (let i = 0; i < items.length; i++) l[at + i] = items[i];
}

/** `del l[start:stop:step]`. */
export function listDelSlice(l: unknown[], start?: unknown, stop?: unknown, step?: unknown): void {
  const n = adjustSlice(l.length, start, stop, step);
  if (n === 0) return;
  let { start: lo, step: st } = slice;
  if (st === 1) {
    spliceIn(l, lo, n, []);
    return;
  }
  if (st < 0) {
    // The same items, visited upwards.
    lo += st * (n - 1);
    st = -st;
  }
  const last = lo + st * (n - 1);
  let write = lo;
  for (let read = lo; read < l.length; read++) {
    if (read <= last && (read - lo) % st === 0) continue;
    l[write++] = l[read];
  }
  l.length = write;
}

// ---------------------------------------------------------------------------
// Methods
//
// A list may be an instance of a subclass whose methods shadow Array's own
// (`class Stack(list): def push(self, x)`), so the array is changed by
// element stores and Array.prototype's functions, never through its methods.

export function list_append(l: unknown[], x: unknown): null {
  if (arguments.length !== 2) oneArg('list.append', arguments.length - 1);
  l[l.length] = x;
  return null;
}

export function list_extend(l: unknown[], iterable: unknown): null {
  if (arguments.length !== 2) oneArg('list.extend', arguments.length - 1);
  const items = iterable === l ? (Array.prototype.slice.call(l) as unknown[]) : iterItems(iterable);
  for (let i = 0, n = l.length; i < items.length; i++) l[n + i] = items[i];
  return null;
}

export function list_insert(l: unknown[], index: unknown, x: unknown): null {
  if (arguments.length !== 3) checkPositional('insert', arguments.length - 1, 2, 2);
  let i = intArg(index);
  const n = l.length;
  if (i < 0) {
    i += n;
    if (i < 0) i = 0;
  } else if (i > n) i = n;
  if (i === n) l[n] = x;
  else Array.prototype.splice.call(l, i, 0, x);
  return null;
}

export function list_remove(l: unknown[], x: unknown): null {
  if (arguments.length !== 2) oneArg('list.remove', arguments.length - 1);
  for (let i = 0; i < l.length; i++) {
    if (eqItem(l[i], x)) {
      Array.prototype.splice.call(l, i, 1);
      return null;
    }
  }
  throw new ValueError('list.remove(x): x not in list');
}

export function list_pop(l: unknown[], index?: unknown): unknown {
  if (arguments.length > 2) checkPositional('pop', arguments.length - 1, 0, 1);
  let i = index === undefined ? -1 : intArg(index);
  if (l.length === 0) throw new IndexError('pop from empty list');
  if (i < 0) i += l.length;
  if (i < 0 || i >= l.length) throw new IndexError('pop index out of range');
  if (i === l.length - 1) return Array.prototype.pop.call(l);
  return (Array.prototype.splice.call(l, i, 1) as unknown[])[0];
}

export function list_clear(l: unknown[]): null {
  if (arguments.length !== 1) noArgs('list.clear', arguments.length - 1);
  l.length = 0;
  return null;
}

export function list_index(l: readonly unknown[], x: unknown, start?: unknown, stop?: unknown): number {
  if (arguments.length < 2 || arguments.length > 4) checkPositional('index', arguments.length - 1, 1, 3);
  let i = searchBound(start, l.length, 0);
  const end = searchBound(stop, l.length, Infinity);
  for (; i < end && i < l.length; i++) if (eqItem(l[i], x)) return i;
  throw new ValueError(`${repr(x)} is not in list`);
}

export function list_count(l: readonly unknown[], x: unknown): number {
  if (arguments.length !== 2) oneArg('list.count', arguments.length - 1);
  let n = 0;
  for (let i = 0; i < l.length; i++) if (eqItem(l[i], x)) n++;
  return n;
}

export function list_reverse(l: unknown[]): null {
  if (arguments.length !== 1) noArgs('list.reverse', arguments.length - 1);
  Array.prototype.reverse.call(l);
  return null;
}

export function list_copy(l: readonly unknown[]): unknown[] {
  if (arguments.length !== 1) noArgs('list.copy', arguments.length - 1);
  return Array.prototype.slice.call(l) as unknown[];
}

// ---------------------------------------------------------------------------
// Operators

/** `x in l`. */
export function listContains(l: readonly unknown[], x: unknown): boolean {
  for (let i = 0; i < l.length; i++) if (eqItem(l[i], x)) return true;
  return false;
}

/** `a + b` for a list a. */
export function listConcat(a: readonly unknown[], b: unknown): unknown[] {
  if (!Array.isArray(b) || b instanceof PyTuple) {
    throw new TypeError(`can only concatenate list (not "${typeName(b)}") to list`);
  }
  const out = new Array<unknown>(a.length + b.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i];
  for (let i = 0; i < b.length; i++) out[a.length + i] = b[i];
  return out;
}

/** `l * n` (and `n * l`). */
export function listRepeat(l: readonly unknown[], n: unknown): unknown[] {
  const count = repeatCount(n, l.length);
  const out = new Array<unknown>(count * l.length);
  for (let c = 0, k = 0; c < count; c++) for (let i = 0; i < l.length; i++) out[k++] = l[i];
  return out;
}

/** `a += iterable`: extends a in place and returns it. */
export function listInplaceConcat(a: unknown[], iterable: unknown): unknown[] {
  list_extend(a, iterable);
  return a;
}

/** `a *= n`: repeats a in place and returns it. */
export function listInplaceRepeat(a: unknown[], n: unknown): unknown[] {
  const count = repeatCount(n, a.length);
  const size = a.length;
  if (count === 0) a.length = 0;
  for (let c = 1; c < count; c++) for (let i = 0; i < size; i++) a[c * size + i] = a[i];
  return a;
}

// ---------------------------------------------------------------------------
// repr

export function reprList(l: readonly unknown[]): string {
  if (l.length === 0) return '[]';
  if (!reprEnter(l)) return '[...]';
  try {
    let s = '[';
    // The length is re-read: an item's repr may change the list.
    for (let i = 0; i < l.length; i++) s += (i > 0 ? ', ' : '') + repr(l[i]);
    return s + ']';
  } finally {
    reprLeave(l);
  }
}

reprHooks.list = reprList;
