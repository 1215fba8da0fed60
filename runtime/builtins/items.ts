/**
 * Subscripts: `a[i]`, `a[i] = v`, `del a[i]`, and slices (`a[1:2]` passes a
 * PySlice). Dispatches on the builtin type; CPython's TypeErrors otherwise.
 */
import { PyBytes, PyTuple } from './values.js';
import { strGetItem, strSlice } from './str.js';
import {
  adjustSlice, intArg, listGetItem, listSetItem, listDelItem, listSlice, listSetSlice, listDelSlice, slice as sliceState, subscriptIndex,
} from './list.js';
import { $eq, $hash, eq, unhashable } from './equality.js';
import { ValueError } from './exceptions.js';
import { tupleGetItem, tupleSlice } from './tuple.js';
import { PyDict, dictGetItem, dictSetItem, dictDelItem } from './dict.js';
import { bytesGetItem, bytesSlice } from './bytes.js';
import { PyRange } from './range.js';
import { PyByteArray } from './bytearray.js';
import { PyMemoryView } from './memoryview/view.js';
import { repr } from './repr.js';
import { instanceDelItem, instanceGetItem, instanceSetItem, special } from './dunders.js';
import { checkPositional, oneArg } from './arity.js';

/** Python's slice object. */
export class PySlice {
  static readonly __name__ = 'slice';

  constructor(
    readonly start: unknown,
    readonly stop: unknown,
    readonly step: unknown,
  ) {}

  __repr__(): string {
    return `slice(${repr(this.start)}, ${repr(this.stop)}, ${repr(this.step)})`;
  }

  /** Python's `slice.indices(length)`: (start, stop, step) resolved against a sequence of that length. */
  indices(length: unknown): PyTuple {
    if (arguments.length !== 1) oneArg('slice.indices', arguments.length);
    const n = intArg(length);
    if (n < 0) throw new ValueError('length should not be negative');
    adjustSlice(n, this.start, this.stop, this.step);
    return PyTuple.of(sliceState.start, sliceState.stop, sliceState.step);
  }

  [$eq](other: unknown): boolean | undefined {
    if (!(other instanceof PySlice)) return undefined;
    return eq(PyTuple.of(this.start, this.stop, this.step), PyTuple.of(other.start, other.stop, other.step));
  }

  [$hash](): never {
    throw unhashable(this);
  }
}

/** `slice(stop)`, `slice(start, stop[, step])`, and compiled `a:b:c`. */
export function slice(a: unknown, b?: unknown, c?: unknown): PySlice {
  if (arguments.length === 0 || arguments.length > 3) checkPositional('slice', arguments.length, 1, 3);
  if (b === undefined && c === undefined) return new PySlice(null, a ?? null, null);
  return new PySlice(a ?? null, b ?? null, c ?? null);
}

/*
 * getitem and setitem: a small fast path for a list or tuple (not a
 * subclass, which may define __getitem__) at an int index in range, which
 * TurboFan inlines into hot loops, and the general dispatch out of line.
 */

/*
 * The fast paths read the builtins they test through module variables (a
 * `var`, not a `const`, spares each read a hole check): a few bytes of
 * bytecode each, which decides how many of them TurboFan's inlining budget
 * takes into a hot function. The call feedback still lets TurboFan compile
 * `isArray(obj)` and `protoOf(obj)` as the builtins.
 */
var isArray = Array.isArray;
var protoOf = Object.getPrototypeOf;
var LIST_PROTO: object = Array.prototype;
var TUPLE_PROTO: object = PyTuple.prototype;
var DICT_PROTO: object = PyDict.prototype;
/** Object.is: an int32 index is `key === (key | 0) && !is(key, -0)`, which leaves out -0, the float 0.0 (values.ts). */
var is = Object.is;

export function getitem(obj: unknown, key: unknown): unknown {
  if (isArray(obj) && typeof key === 'number' && key >= 0 && key < obj.length && key === (key | 0) && !is(key, -0)) {
    const proto = protoOf(obj) as object;
    if (proto === LIST_PROTO || proto === TUPLE_PROTO) return obj[key];
  } else if (obj instanceof PyDict) {
    const v = dictGetFast(obj, key);
    if (v !== undefined) return v;
    // A missing key of an exact dict (no __getitem__ or __missing__ to consult): straight to the KeyError.
    if (protoOf(obj) === DICT_PROTO) return dictGetItem(obj, key);
  }
  return getitemSlow(obj, key);
}

/**
 * A dict (not a subclass, which may define __getitem__ or __missing__)
 * holding a str or int key: its value, found with one Map lookup; else
 * undefined (stored values never are).
 */
function dictGetFast(d: PyDict, key: unknown): unknown {
  const index = d.$index;
  if (index !== null && (typeof key === 'number' || typeof key === 'string') && protoOf(d) === DICT_PROTO) {
    const s = index.get(key);
    if (s !== undefined) return d.$vs[s];
  }
  return undefined;
}

/**
 * dict's own `__getitem__` and `__setitem__` as its Python subclasses inherit
 * them (types.ts sets them when it makes the dict class). A subclass whose
 * prototype chain gives these (Counter, defaultdict) subscripts as a dict
 * does: one property read on its prototype, exact whatever the class
 * assigns or deletes later, instead of a lookup of each special method.
 */
export const dictOwnItemMethods: { getitem: unknown; setitem: unknown } = { getitem: undefined, setitem: undefined };

type ItemMethods = { __getitem__?: unknown; __setitem__?: unknown };

/** A subclass of list or tuple whose class defines the special method `name` (`__getitem__`…). */
function overriddenSequence(obj: unknown, name: string): boolean {
  if (!Array.isArray(obj)) return false;
  const proto = Object.getPrototypeOf(obj) as object;
  return proto !== Array.prototype && proto !== PyTuple.prototype && special(obj, name) !== undefined;
}

function getitemSlow(obj: unknown, key: unknown): unknown {
  // First, since `s[i]` of a str comes here every time (getitem's fast path leaves strings out) and the tests below never match one.
  if (typeof obj === 'string') return key instanceof PySlice ? strSlice(obj, key.start, key.stop, key.step) : strGetItem(obj, key);
  if (obj instanceof PyDict) {
    const proto = protoOf(obj) as ItemMethods;
    if (proto === DICT_PROTO) {
      // With a str or int key: one Map lookup.
      if (typeof key === 'string' || typeof key === 'number') {
        const s = obj.$indexSlot(key);
        if (s >= 0) return obj.$vs[s];
      }
      return dictGetItem(obj, key);
    }
    // A subclass with dict's own __getitem__: a missing key still goes to its __missing__.
    if (proto.__getitem__ === dictOwnItemMethods.getitem) return dictGetItem(obj, key);
  }
  if (overriddenSequence(obj, '__getitem__')) return instanceGetItem(obj, key);
  if (obj instanceof PyTuple) return key instanceof PySlice ? tupleSlice(obj, key.start, key.stop, key.step) : tupleGetItem(obj, key);
  if (Array.isArray(obj)) return key instanceof PySlice ? listSlice(obj, key.start, key.stop, key.step) : listGetItem(obj, key);
  if (obj instanceof PyDict) {
    // A subclass may define __getitem__.
    if (Object.getPrototypeOf(obj) !== PyDict.prototype && special(obj, '__getitem__') !== undefined) return instanceGetItem(obj, key);
    return dictGetItem(obj, key);
  }
  if (obj instanceof PyBytes) return key instanceof PySlice ? bytesSlice(obj, key.start, key.stop, key.step) : bytesGetItem(obj, key);
  // A bytearray subclass may define __getitem__.
  if (obj instanceof PyByteArray && special(obj, '__getitem__') === undefined) return obj.getItem(key);
  if (obj instanceof PyMemoryView) return obj.getItem(key);
  if (obj instanceof PyRange) {
    if (key instanceof PySlice) return obj.slice(key.start, key.stop, key.step);
    // A range indexes with ints of any size (`range(2**64)[2**63]`), as CPython's computes the item exactly.
    return typeof key === 'bigint' ? obj.bigItem(key) : obj.item(subscriptIndex(key, 'range'));
  }
  return instanceGetItem(obj, key);
}

export function setitem(obj: unknown, key: unknown, value: unknown): void {
  if (isArray(obj) && typeof key === 'number' && key >= 0 && key < obj.length && key === (key | 0) && !is(key, -0) && protoOf(obj) === LIST_PROTO) {
    obj[key] = value;
    return;
  }
  if (obj instanceof PyDict && protoOf(obj) === DICT_PROTO) {
    // A dict, not a subclass (which may define __setitem__).
    obj.$set(key, value);
    return;
  }
  setitemSlow(obj, key, value);
}

/*
 * `obj[0]`, `v[2] += d`: a non-negative int literal key (an int32) compiles
 * to these, which skip the checks on the key.
 */

export function getitemAt(obj: unknown, i: number): unknown {
  if (isArray(obj) && i < obj.length) {
    const proto = protoOf(obj) as object;
    if (proto === LIST_PROTO || proto === TUPLE_PROTO) return obj[i];
  }
  return getitemSlow(obj, i);
}

export function setitemAt(obj: unknown, i: number, value: unknown): void {
  if (isArray(obj) && i < obj.length && protoOf(obj) === LIST_PROTO) {
    obj[i] = value;
    return;
  }
  setitemSlow(obj, i, value);
}

/**
 * Whether obj is a list (not a subclass) and i in range, so that `obj[i]`
 * reads the item and calls nothing: `v[0] += d * x`'s float fast path reads
 * the item itself after it and, when the item and the operands are floats,
 * stores the result straight into the list (src/transform/floatPaths.ts).
 */
export function isListAt(obj: unknown, i: number): obj is unknown[] {
  return isArray(obj) && i < obj.length && protoOf(obj) === LIST_PROTO;
}

function setitemSlow(obj: unknown, key: unknown, value: unknown): void {
  if (obj instanceof PyDict && (protoOf(obj) as ItemMethods).__setitem__ === dictOwnItemMethods.setitem) {
    dictSetItem(obj, key, value);
    return;
  }
  if (Array.isArray(obj) && !(obj instanceof PyTuple) && !overriddenSequence(obj, '__setitem__')) {
    if (key instanceof PySlice) listSetSlice(obj, key.start, key.stop, key.step, value);
    else listSetItem(obj, key, value);
    return;
  }
  if (obj instanceof PyDict) {
    // A subclass may define __setitem__.
    if (Object.getPrototypeOf(obj) !== PyDict.prototype && special(obj, '__setitem__') !== undefined) instanceSetItem(obj, key, value);
    else dictSetItem(obj, key, value);
    return;
  }
  if ((obj instanceof PyByteArray && special(obj, '__setitem__') === undefined) || obj instanceof PyMemoryView) {
    obj.setItem(key, value);
    return;
  }
  instanceSetItem(obj, key, value);
}

/*
 * list's and tuple's own item methods, as `list.__getitem__` and a subclass's
 * `super().__getitem__(i)` reach them: the builtin behaviour, never the
 * subclass's override (the generic getitem would dispatch back to it).
 */

export function listOwnGetItem(self: unknown, key: unknown): unknown {
  if (!isArray(self) || self instanceof PyTuple) return getitem(self, key);
  return key instanceof PySlice ? listSlice(self, key.start, key.stop, key.step) : listGetItem(self, key);
}

export function listOwnSetItem(self: unknown, key: unknown, value: unknown): null {
  if (!isArray(self) || self instanceof PyTuple) setitem(self, key, value);
  else if (key instanceof PySlice) listSetSlice(self, key.start, key.stop, key.step, value);
  else listSetItem(self, key, value);
  return null;
}

export function listOwnDelItem(self: unknown, key: unknown): null {
  if (!isArray(self) || self instanceof PyTuple) delitem(self, key);
  else if (key instanceof PySlice) listDelSlice(self, key.start, key.stop, key.step);
  else listDelItem(self, key);
  return null;
}

export function tupleOwnGetItem(self: unknown, key: unknown): unknown {
  if (!(self instanceof PyTuple)) return getitem(self, key);
  if (!(key instanceof PySlice)) return tupleGetItem(self, key);
  const items = tupleSlice(self, key.start, key.stop, key.step);
  // The whole of a subclass's instance (a namedtuple's) is a plain tuple, as in CPython.
  return items === self && protoOf(self) !== TUPLE_PROTO ? PyTuple.fromArray([...self]) : items;
}

export function delitem(obj: unknown, key: unknown): void {
  if (Array.isArray(obj) && !(obj instanceof PyTuple) && !overriddenSequence(obj, '__delitem__')) {
    if (key instanceof PySlice) listDelSlice(obj, key.start, key.stop, key.step);
    else listDelItem(obj, key);
    return;
  }
  if (obj instanceof PyDict) {
    // A subclass may define __delitem__ (Counter ignores missing keys).
    if (Object.getPrototypeOf(obj) !== PyDict.prototype && special(obj, '__delitem__') !== undefined) instanceDelItem(obj, key);
    else dictDelItem(obj, key);
    return;
  }
  if ((obj instanceof PyByteArray && special(obj, '__delitem__') === undefined) || obj instanceof PyMemoryView) {
    obj.delItem(key);
    return;
  }
  instanceDelItem(obj, key);
}

