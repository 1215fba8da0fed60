/**
 * dict: PyDict, insertion-ordered, keys found by Python's hash and ==.
 *
 * Layout (as CPython's compact dict): keys and values sit in two arrays in
 * insertion order; a deleted entry leaves a hole until the arrays are
 * compacted. Two indexes map keys to slots:
 *  - `index`, a JS Map, for keys that have a normalised primitive form — str,
 *    int, float, bool, None (1, 1.0 and True all become 1; an int beyond the
 *    safe range and a float equal to it both become the same bigint) — and for
 *    objects that hash by identity (functions, plain instances);
 *  - `buckets`, hash → slot(s), for keys compared by value (tuples,
 *    frozensets, bytes, complex, objects with a value hash).
 * A small dict whose index keys are all str (a record: `{"id": 1, "name": …}`)
 * has no `index` yet: a scan of its few keys finds them, and a Map is only
 * built once it grows past SMALL slots or gets another kind of key.
 * Iteration order is the arrays' order, whichever index found the key.
 *
 * Methods as `dict_<name>(d, …)`; the views `dict_keys`/`dict_values`/
 * `dict_items` are live, sized, iterable and support `in`.
 */
import { BOUND, isPyFunction, type PyCallable } from './calls.js';
import { KeyError, RuntimeError, TypeError, ValueError } from './exceptions.js';
import { $compare, $eq, $hash, eqItem, hash, hashesByValue, unhashable, type CompareOp } from './equality.js';
import { repr, reprHooks } from './repr.js';
import { BASE_VALUE, PyBoxed, PyComplex, PyFloat, PyTuple, typeName } from './values.js';
import { BUILTIN_METHOD, CLASS } from './classes/model.js';
import { iterItems, reprEnter, reprLeave } from './list.js';
import { arrayOverrides as arrayOverridesImport, registerMappingNative } from './subclassOverrides.js';
import { checkPositional, noArgs } from './str/args.js';
import { invokeMethod } from './special.js';

// A module variable (a `var`): an imported binding's read carries a hole check (subclassOverrides.ts imports only values.ts, so it is there first).
var arrayOverrides = arrayOverridesImport;

/** Marks a deleted entry in the key array. */
const HOLE: unique symbol = Symbol('hole');
/** What PyDict.take returns for a missing key (never a stored value). */
export const MISSING: unique symbol = Symbol('missing');
/** indexKey's answer for keys that are looked up in the buckets. */
const BY_VALUE: unique symbol = Symbol('byValue');
/** Slots a dict of str keys scans before it builds its `index`. */
const SMALL = 8;

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** The normalised form of a float value: ints and integral floats share it. */
function floatKey(x: number): number | bigint {
  if (x === 0) return 0; // -0.0 == 0
  if (Number.isInteger(x) && (x > MAX_SAFE || x < -MAX_SAFE)) return BigInt(x);
  return x;
}

/** The `index` key for k, or BY_VALUE when k goes through the buckets. Throws for unhashable keys. */
/**
 * A method of values equal to an int or float they are not (a Fraction with
 * denominator 1 or a power of 2): the number they equal, or undefined. The
 * dict then indexes them under that number's key, so `d[0.5]` finds the key
 * `Fraction(1, 2)`, as hash and == do in CPython.
 */
export const NUMBER_KEY: unique symbol = Symbol('pyasync.numberKey');

interface NumberKeyed {
  [NUMBER_KEY](): number | bigint | undefined;
}

function indexKey(k: unknown): unknown {
  switch (typeof k) {
    case 'string':
    case 'number':
      return k; // a NaN is one key, as one float object would be
    case 'boolean':
      return k ? 1 : 0;
    case 'undefined':
      return null;
    case 'bigint':
      return k >= -9007199254740991n && k <= 9007199254740991n ? Number(k) : k;
    case 'object':
      if (k === null) return null;
      if (k instanceof PyFloat) return floatKey(k.value);
      if (Array.isArray(k)) {
        // A tuple, or a subclass of list whose class defines __hash__ (bucketHash raises for the others).
        if (k instanceof PyTuple || Object.getPrototypeOf(k) !== Array.prototype) return BY_VALUE;
        throw unhashable(k);
      }
      if (k instanceof PyComplex) return k.imag === 0 ? floatKey(k.real) : BY_VALUE;
      // `Color('red')` is the key 'red' while its class keeps str's __eq__ and __hash__.
      if (k instanceof PyBoxed && hashesAsBase(k)) return indexKey(k[BASE_VALUE]);
      if ((k as Record<symbol, unknown>)[NUMBER_KEY] !== undefined) {
        const n = (k as NumberKeyed)[NUMBER_KEY]();
        if (n !== undefined) return indexKey(n);
      }
      return hashesByValue(k) ? BY_VALUE : k;
  }
  // An instance of a class with `__call__` is a JS function (construction.ts) and hashes as its class says.
  if (typeof k === 'function' && (Object.getPrototypeOf(k) as Record<PropertyKey, unknown>)[CLASS] !== undefined) return BY_VALUE;
  // A bound method equals another binding of the same object and function.
  if (typeof k === 'function' && (k as PyCallable)[BOUND] !== undefined) return BY_VALUE;
  return k; // functions, classes and symbols: by identity
}

/** Whether a boxed subclass instance's class leaves `__eq__` and `__hash__` to its base type. */
function hashesAsBase(k: PyBoxed): boolean {
  const proto = Object.getPrototypeOf(k) as Record<string, unknown>;
  return isBuiltinMethod(proto['__eq__']) && isBuiltinMethod(proto['__hash__']);
}

function isBuiltinMethod(f: unknown): boolean {
  return typeof f === 'function' && (f as unknown as Record<symbol, unknown>)[BUILTIN_METHOD] !== undefined;
}

type Bucket = number | number[];

/**
 * The bucket of a value-compared key, cut to 30 bits so that V8 keeps it
 * unboxed as a Map key. A dict's order is its insertion order, so tuples —
 * the common case — need not pay for CPython's exact tuple hash here: any
 * mix that equal tuples share will do.
 */
function bucketHash(k: unknown): number {
  return (k instanceof PyTuple && !ownHash(k) ? tupleBucket(k) : hash(k)) & 0x3fffffff;
}

/** Whether a tuple is of a Python subclass whose class defines `__hash__` (or sets it to None): then that decides. */
function ownHash(t: PyTuple): boolean {
  if (!arrayOverrides.hash || t.constructor === PyTuple) return false;
  const f = (Object.getPrototypeOf(t) as Record<string, unknown>)['__hash__'];
  return f === null || (typeof f === 'function' && !isBuiltinMethod(f));
}

function tupleBucket(t: readonly unknown[]): number {
  let h = 0x345678 ^ t.length;
  for (let i = 0; i < t.length; i++) {
    const x = t[i];
    // hash() agrees for 1, 1.0 and True; nested tuples recurse so that they agree too.
    const e = typeof x === 'number' && (x | 0) === x ? (x === -1 ? -2 : x) : x instanceof PyTuple && !ownHash(x) ? tupleBucket(x) : hash(x);
    h = Math.imul(h ^ e, 0x9e3779b1);
    h ^= h >>> 15;
  }
  return h;
}

export class PyDict<K = unknown, V = unknown> implements Iterable<K> {
  static get __name__(): string {
    return this === PyDict ? 'dict' : this.name;
  }

  /** @internal Keys in insertion order; HOLE where one was deleted. */
  $ks: unknown[] = [];
  /** @internal Values, parallel to ks. */
  $vs: unknown[] = [];
  /** @internal Normalised primitive or identity key → slot; null while the index keys are few and all str (then ks is scanned). */
  $index: Map<unknown, number> | null = null;
  /** @internal 32-bit hash → slot(s) of keys compared by value. */
  $buckets: Map<number, Bucket> | null = null;
  /** @internal Number of live entries. */
  $live = 0;

  /** A dict of the given [key, value] pairs (JS convenience; see dictFrom for Python's dict()). */
  constructor(entries?: Iterable<readonly [K, V]>) {
    if (entries !== undefined) for (const [k, v] of entries) this.$set(k, v);
  }

  get $size(): number {
    return this.$live;
  }

  /** @internal The slot holding key k, or -1. */
  $slotOf(k: unknown): number {
    if (k instanceof PyTuple) return this.$findByValue(k, bucketHash(k));
    const p = indexKey(k);
    if (p !== BY_VALUE) return this.$indexSlot(p);
    return this.$findByValue(k, bucketHash(k));
  }

  /** @internal The slot of the index key p (a str or a number is its own index key), or -1. */
  $indexSlot(p: unknown): number {
    const index = this.$index;
    if (index !== null) {
      const s = index.get(p);
      return s === undefined ? -1 : s;
    }
    // Small: the index keys are the str keys of ks.
    if (typeof p !== 'string') return -1;
    const ks = this.$ks;
    for (let i = 0; i < ks.length; i++) if (ks[i] === p) return i;
    return -1;
  }

  /** The index, built from the str keys of a small dict when it has none yet. */
  private $indexMap(): Map<unknown, number> {
    if (this.$index !== null) return this.$index;
    const index = new Map<unknown, number>();
    const ks = this.$ks;
    for (let i = 0; i < ks.length; i++) {
      const k = ks[i];
      if (typeof k === 'string') index.set(k, i);
    }
    return (this.$index = index);
  }

  private $findByValue(k: unknown, h: number): number {
    const b = this.$buckets?.get(h);
    if (b === undefined) return -1;
    if (typeof b === 'number') return eqItem(this.$ks[b], k) ? b : -1;
    for (let i = 0; i < b.length; i++) if (eqItem(this.$ks[b[i]!], k)) return b[i]!;
    return -1;
  }

  /** The value for k, or dflt (undefined) when k is missing. */
  $get(k: K, dflt?: V): V | undefined {
    const s = typeof k === 'string' || typeof k === 'number' ? this.$indexSlot(k) : this.$slotOf(k);
    return s < 0 ? dflt : (this.$vs[s] as V);
  }

  $has(k: K): boolean {
    return (typeof k === 'string' || typeof k === 'number' ? this.$indexSlot(k) : this.$slotOf(k)) >= 0;
  }

  /** d[k] = v. An existing equal key keeps its original form (`d[1.0] = x` keeps the key 1). */
  $set(k: K, v: V): this {
    const value = v === undefined ? null : v; // stored values are never undefined, so get() can tell "missing"
    if (typeof k === 'string' || typeof k === 'number') {
      const s = this.$indexSlot(k);
      if (s >= 0) this.$vs[s] = value;
      else if (this.$index === null && typeof k === 'string' && this.$ks.length < SMALL) this.$append(k, value);
      else this.$indexMap().set(k, this.$append(k, value));
      return this;
    }
    const p = indexKey(k);
    if (p !== BY_VALUE) {
      const s = this.$indexSlot(p);
      if (s >= 0) this.$vs[s] = value;
      else this.$indexMap().set(p, this.$append(k === undefined ? null : k, value));
      return this;
    }
    const h = bucketHash(k);
    const s = this.$findByValue(k, h);
    if (s >= 0) this.$vs[s] = value;
    else this.$addToBucket(h, this.$append(k, value));
    return this;
  }

  /** Adds a new entry at the end and returns its slot. */
  private $append(k: unknown, v: unknown): number {
    // Reclaim holes once they outnumber live entries, as CPython's resize does.
    const holes = this.$ks.length - this.$live;
    if (holes > 8 && holes > this.$live) this.$compact();
    this.$ks.push(k);
    this.$vs.push(v);
    this.$live++;
    return this.$ks.length - 1;
  }

  private $addToBucket(h: number, slot: number): void {
    const buckets = (this.$buckets ??= new Map());
    const b = buckets.get(h);
    if (b === undefined) buckets.set(h, slot);
    else if (typeof b === 'number') buckets.set(h, [b, slot]);
    else b.push(slot);
  }

  private $removeFromBucket(h: number, slot: number): void {
    const buckets = this.$buckets!;
    const b = buckets.get(h)!;
    if (typeof b === 'number') buckets.delete(h);
    else {
      b.splice(b.indexOf(slot), 1);
      if (b.length === 1) buckets.set(h, b[0]!);
    }
  }

  /** Removes k; false when it was missing. */
  $delete(k: K): boolean {
    return this.$take(k) !== MISSING;
  }

  /** @internal Removes k and returns its value, or MISSING. */
  $take(k: unknown): unknown {
    const p = indexKey(k);
    let s: number;
    if (p !== BY_VALUE) {
      const found = this.$indexSlot(p);
      if (found < 0) return MISSING;
      this.$index?.delete(p);
      s = found;
    } else {
      const h = bucketHash(k);
      s = this.$findByValue(k, h);
      if (s < 0) return MISSING;
      this.$removeFromBucket(h, s);
    }
    const v = this.$vs[s];
    this.$ks[s] = HOLE;
    this.$vs[s] = undefined;
    this.$live--;
    if (this.$live === 0) {
      this.$ks.length = 0;
      this.$vs.length = 0;
    }
    return v;
  }

  /** Moves live entries down over the holes and renumbers both indexes. */
  private $compact(): void {
    const { $ks: ks, $vs: vs } = this;
    const moved = new Int32Array(ks.length);
    let w = 0;
    for (let r = 0; r < ks.length; r++) {
      if (ks[r] === HOLE) continue;
      moved[r] = w;
      ks[w] = ks[r];
      vs[w] = vs[r];
      w++;
    }
    ks.length = w;
    vs.length = w;
    const index = this.$index;
    if (index !== null) for (const [p, s] of index) index.set(p, moved[s]!);
    if (this.$buckets !== null) {
      for (const [h, b] of this.$buckets) {
        if (typeof b === 'number') this.$buckets.set(h, moved[b]!);
        else for (let i = 0; i < b.length; i++) b[i] = moved[b[i]!]!;
      }
    }
  }

  $clear(): void {
    this.$ks = [];
    this.$vs = [];
    this.$index = null;
    this.$buckets = null;
    this.$live = 0;
  }

  /** Iterates the keys (Python's `for k in d`), raising if the dict changes size meanwhile. */
  [Symbol.iterator](): DictIterator<K> {
    return new DictIterator<K>(this, KEYS);
  }

  /** JS interop: a plain object of the entries (non-str keys are written as str() would not: via repr). */
  // JS code's view of a dict, Map-like: `get`, `has`, `set`, `delete`, `clear`, `size`. The
  // runtime itself uses the `$` names, which a Python subclass's methods (`def get(self, …)`)
  // and instance attributes (`self.size = …`) cannot shadow.
  get(k: K, dflt?: V): V | undefined {
    return this.$get(k, dflt);
  }

  has(k: K): boolean {
    return this.$has(k);
  }

  set(k: K, v: V): this {
    return this.$set(k, v);
  }

  delete(k: K): boolean {
    return this.$delete(k);
  }

  clear(): void {
    this.$clear();
  }

  get size(): number {
    return this.$size;
  }

  /** `self.size = …` on a subclass's instance: the instance's own attribute. */
  set size(value: unknown) {
    Object.defineProperty(this, 'size', { value, writable: true, enumerable: true, configurable: true });
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const { $ks: ks, $vs: vs } = this;
    for (let i = 0; i < ks.length; i++) {
      const k = ks[i];
      if (k === HOLE) continue;
      out[typeof k === 'string' ? k : typeof k === 'number' && !Object.is(k, -0) ? String(k) : repr(k)] = vs[i];
    }
    return out;
  }

  [$eq](other: unknown): boolean | undefined {
    if (!(other instanceof PyDict)) return undefined;
    if (other.$live !== this.$live) return false;
    const { $ks: ks, $vs: vs } = this;
    for (let i = 0; i < ks.length; i++) {
      const k = ks[i];
      if (k === HOLE) continue;
      const s = other.$slotOf(k);
      if (s < 0 || !eqItem(vs[i], other.$vs[s])) return false;
    }
    return true;
  }

  [$hash](): never {
    throw unhashable(this);
  }

  /** Node's console.log and inspect show the Python repr. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return reprDict(this);
  }
}

// ---------------------------------------------------------------------------
// Iteration and views

const KEYS = 0;
const VALUES = 1;
const ITEMS = 2;
type ViewKind = typeof KEYS | typeof VALUES | typeof ITEMS;

function itemAt(d: PyDict, kind: ViewKind, i: number): unknown {
  return kind === KEYS ? d.$ks[i] : kind === VALUES ? d.$vs[i] : PyTuple.of(d.$ks[i], d.$vs[i]);
}

/** CPython's dict iterator: fails once the dict's size changed, or when more keys turn up than there were. */
export class DictIterator<T> implements IterableIterator<T> {
  private d: PyDict | null;
  private pos = 0;
  private expected: number;
  private remaining: number;
  /** For compiled `for k, v in d.items()`: each item written into this one [key, value] array, unpacked at once. */
  private readonly pair: unknown[] | null;

  constructor(d: PyDict, readonly kind: ViewKind, pairs = false) {
    this.d = d;
    this.expected = d.$live;
    this.remaining = d.$live;
    this.pair = pairs ? [null, null] : null;
  }

  next(): IteratorResult<T> {
    const d = this.d;
    if (d === null) return { done: true, value: undefined };
    if (d.$live !== this.expected) {
      this.expected = -1; // stays broken, as CPython's
      throw new RuntimeError('dictionary changed size during iteration');
    }
    const ks = d.$ks;
    let i = this.pos;
    while (i < ks.length && ks[i] === HOLE) i++;
    if (i >= ks.length) {
      this.d = null;
      return { done: true, value: undefined };
    }
    if (this.remaining === 0) {
      this.remaining = -1;
      throw new RuntimeError('dictionary keys changed during iteration');
    }
    this.remaining--;
    this.pos = i + 1;
    const pair = this.pair;
    if (pair !== null) {
      pair[0] = ks[i];
      pair[1] = d.$vs[i];
      return { done: false, value: pair as T };
    }
    return { done: false, value: itemAt(d, this.kind, i) as T };
  }

  [Symbol.iterator](): this {
    return this;
  }

  /** As CPython's: none left once the dict changed size. */
  lengthHint(): number {
    return this.d !== null && this.d.$live === this.expected ? Math.max(0, this.remaining) : 0;
  }
}

/** reversed(d) and reversed(view). */
export class DictReverseIterator<T> implements IterableIterator<T> {
  private d: PyDict | null;
  private pos: number;
  private expected: number;
  private remaining: number;

  constructor(d: PyDict, readonly kind: ViewKind) {
    this.d = d;
    this.pos = d.$ks.length - 1;
    this.expected = d.$live;
    this.remaining = d.$live;
  }

  next(): IteratorResult<T> {
    const d = this.d;
    if (d === null) return { done: true, value: undefined };
    if (d.$live !== this.expected) {
      this.expected = -1;
      throw new RuntimeError('dictionary changed size during iteration');
    }
    let i = Math.min(this.pos, d.$ks.length - 1);
    while (i >= 0 && d.$ks[i] === HOLE) i--;
    if (i < 0) {
      this.d = null;
      return { done: true, value: undefined };
    }
    this.pos = i - 1;
    this.remaining--;
    return { done: false, value: itemAt(d, this.kind, i) as T };
  }

  [Symbol.iterator](): this {
    return this;
  }

  lengthHint(): number {
    return this.d !== null && this.d.$live === this.expected ? Math.max(0, this.remaining) : 0;
  }
}

export abstract class DictView<T> implements Iterable<T> {
  protected abstract readonly kind: ViewKind;

  constructor(readonly mapping: PyDict) {}

  get size(): number {
    return this.mapping.$live;
  }

  abstract has(x: unknown): boolean;

  [Symbol.iterator](): DictIterator<T> {
    return new DictIterator<T>(this.mapping, this.kind);
  }

  reversed(): DictReverseIterator<T> {
    return new DictReverseIterator<T>(this.mapping, this.kind);
  }

  /** Python's `view.isdisjoint(iterable)`. */
  isdisjoint(other: unknown): boolean {
    for (const x of iterItems(other)) if (this.has(x)) return false;
    return true;
  }

  [$hash](): never {
    throw unhashable(this);
  }
}

export class DictKeys<K = unknown> extends DictView<K> {
  static readonly __name__: string = 'dict_keys';
  protected readonly kind = KEYS;

  has(x: unknown): boolean {
    return this.mapping.$slotOf(x) >= 0;
  }

  /** Views equal views; equality with sets is set.ts's (reached as the reflected ==). */
  [$eq](other: unknown): boolean | undefined {
    return isSetLikeView(other) ? viewsEqual(this, other) : undefined;
  }

  [$compare](op: CompareOp, other: unknown): boolean | undefined {
    return isSetLikeView(other) ? viewsCompare(op, this, other) : undefined;
  }
}

export class DictValues<V = unknown> extends DictView<V> {
  static readonly __name__: string = 'dict_values';
  protected readonly kind = VALUES;

  has(x: unknown): boolean {
    const { $ks: ks, $vs: vs } = this.mapping;
    for (let i = 0; i < ks.length; i++) if (ks[i] !== HOLE && eqItem(vs[i], x)) return true;
    return false;
  }
}

export class DictItems extends DictView<PyTuple> {
  static readonly __name__: string = 'dict_items';
  protected readonly kind = ITEMS;

  /** `(k, v) in d.items()`: only a 2-tuple can be in it. */
  has(x: unknown): boolean {
    if (!(x instanceof PyTuple) || x.length !== 2) return false;
    const s = this.mapping.$slotOf(x[0]);
    return s >= 0 && eqItem(this.mapping.$vs[s], x[1]);
  }

  [$eq](other: unknown): boolean | undefined {
    return isSetLikeView(other) ? viewsEqual(this, other) : undefined;
  }

  [$compare](op: CompareOp, other: unknown): boolean | undefined {
    return isSetLikeView(other) ? viewsCompare(op, this, other) : undefined;
  }
}

/**
 * The items of an exact `d.items()` view as [key, value] arrays for a loop
 * that unpacks each at once (one array reused: no tuple per item), or null
 * for anything else.
 */
export function dictItemPairs(view: unknown): IterableIterator<readonly [unknown, unknown]> | null {
  if (!(view instanceof DictItems) || Object.getPrototypeOf(view) !== DictItems.prototype) return null;
  return new DictIterator<readonly [unknown, unknown]>(view.mapping, ITEMS, true);
}

/** keys and items views are set-like (values views are not). */
export function isSetLikeView(v: unknown): v is DictKeys | DictItems {
  return v instanceof DictKeys || v instanceof DictItems;
}

/** Inclusion between two views, as sets compare. */
function viewsCompare(op: CompareOp, a: DictKeys | DictItems, b: DictKeys | DictItems): boolean {
  const within = (x: DictKeys | DictItems, y: DictKeys | DictItems): boolean => {
    for (const item of x) if (!y.has(item)) return false;
    return true;
  };
  switch (op) {
    case '<':
      return a.size < b.size && within(a, b);
    case '<=':
      return a.size <= b.size && within(a, b);
    case '>':
      return a.size > b.size && within(b, a);
    case '>=':
      return a.size >= b.size && within(b, a);
  }
}

function viewsEqual(a: DictKeys | DictItems, b: DictKeys | DictItems): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

export function dict_keys<K>(d: PyDict<K>): DictKeys<K> {
  if (arguments.length !== 1) noArgs('dict.keys', arguments.length - 1);
  return new DictKeys<K>(d);
}

export function dict_values<V>(d: PyDict<unknown, V>): DictValues<V> {
  if (arguments.length !== 1) noArgs('dict.values', arguments.length - 1);
  return new DictValues<V>(d);
}

export function dict_items(d: PyDict): DictItems {
  if (arguments.length !== 1) noArgs('dict.items', arguments.length - 1);
  return new DictItems(d);
}

/** reversed(d). */
export function dictReversed<K>(d: PyDict<K>): DictReverseIterator<K> {
  return new DictReverseIterator<K>(d, KEYS);
}

// ---------------------------------------------------------------------------
// Subscripts and methods

/** d[k]; a subclass's `__missing__` answers for missing keys (defaultdict, Counter). */
export function dictGetItem(d: PyDict, k: unknown): unknown {
  const s = typeof k === 'string' || typeof k === 'number' ? d.$indexSlot(k) : d.$slotOf(k);
  if (s >= 0) return d.$vs[s];
  const missing = (d as { __missing__?: unknown }).__missing__;
  if (typeof missing === 'function') {
    // A Python method takes the dict first; a JS one (a runtime subclass's) as `this`.
    return isPyFunction(missing) ? (missing as (self: unknown, key: unknown) => unknown)(d, k) : (missing as (key: unknown) => unknown).call(d, k);
  }
  throw new KeyError(k);
}

export function dictSetItem(d: PyDict, k: unknown, v: unknown): void {
  d.$set(k, v);
}

export function dictDelItem(d: PyDict, k: unknown): void {
  if (d.$take(k) === MISSING) throw new KeyError(k);
}

/** `k in d`. */
export function dictContains(d: PyDict, k: unknown): boolean {
  return d.$has(k);
}

export function dict_get(d: PyDict, k: unknown, dflt: unknown = null): unknown {
  if (arguments.length < 2 || arguments.length > 3) checkPositional('get', arguments.length - 1, 1, 2);
  if (typeof k === 'string' || typeof k === 'number') {
    const s = d.$indexSlot(k);
    return s < 0 ? dflt : d.$vs[s];
  }
  const s = d.$slotOf(k);
  return s < 0 ? dflt : d.$vs[s];
}

export function dict_setdefault(d: PyDict, k: unknown, dflt: unknown = null): unknown {
  if (arguments.length < 2 || arguments.length > 3) checkPositional('setdefault', arguments.length - 1, 1, 2);
  const s = d.$slotOf(k);
  if (s >= 0) return d.$vs[s];
  d.$set(k, dflt);
  return dflt === undefined ? null : dflt;
}

/** d.pop(k[, default]): KeyError when k is missing and no default was given. */
export function dict_pop(d: PyDict, k: unknown, dflt?: unknown): unknown {
  if (arguments.length < 2 || arguments.length > 3) checkPositional('pop', arguments.length - 1, 1, 2);
  // An empty dict answers before hashing the key, as CPython's does.
  const v = d.$size === 0 ? MISSING : d.$take(k);
  if (v !== MISSING) return v;
  if (dflt !== undefined) return dflt;
  throw new KeyError(k);
}

/** d.popitem(): the last inserted entry, as a tuple. */
export function dict_popitem(d: PyDict): PyTuple {
  if (arguments.length !== 1) noArgs('dict.popitem', arguments.length - 1);
  if (d.$live === 0) throw new KeyError('popitem(): dictionary is empty');
  const { $ks: ks } = d;
  let i = ks.length - 1;
  while (ks[i] === HOLE) i--;
  const k = ks[i];
  const v = d.$take(k);
  // The arrays end at the last live entry again, so repeated popitem stays O(1).
  while (ks.length > 0 && ks[ks.length - 1] === HOLE) {
    ks.pop();
    d.$vs.pop();
  }
  return PyTuple.of(k, v);
}

export function dict_clear(d: PyDict): null {
  if (arguments.length !== 1) noArgs('dict.clear', arguments.length - 1);
  d.$clear();
  return null;
}

export function dict_copy<K, V>(d: PyDict<K, V>): PyDict<K, V> {
  if (arguments.length !== 1) noArgs('dict.copy', arguments.length - 1);
  const out = new PyDict<K, V>();
  mergeFrom(out, d);
  return out;
}

/** dict.fromkeys(iterable, value=None). */
export function dict_fromkeys(iterable: unknown, value: unknown = null): PyDict {
  if (arguments.length !== 1 && arguments.length !== 2) checkPositional('fromkeys', arguments.length, 1, 2);
  const out = new PyDict();
  const items = iterItems(iterable);
  for (let i = 0; i < items.length; i++) out.$set(items[i], value);
  return out;
}

function mergeDict(target: PyDict, source: PyDict): void {
  const { $ks: ks, $vs: vs } = source;
  for (let i = 0; i < ks.length; i++) if (ks[i] !== HOLE) target.$set(ks[i], vs[i]);
}

/**
 * Whether a dict's entries are read directly when it is merged into another
 * (`dict(d)`, `{**d}`, `f(**d)`, `x.update(d)`), as CPython's dict_merge
 * does for a dict whose class keeps dict's `__iter__`; a subclass defining
 * its own is read through its `keys()` and `__getitem__`.
 */
function mergesAsDict(d: PyDict): boolean {
  return d.constructor === PyDict || !isPyFunction((Object.getPrototypeOf(d) as Record<string, unknown>)['__iter__']);
}

/** A Python mapping other than dict: an object with keys() and __getitem__ (compiled Mapping classes, dict subclasses). */
interface MappingLike {
  keys(): unknown;
  __getitem__(k: unknown): unknown;
}

function isMappingLike(v: unknown): v is MappingLike {
  if (typeof v !== 'object' || v === null) return false;
  const keys = (v as Partial<MappingLike>).keys;
  // A list subclass's instance sees the engine's Array.prototype.keys, no Python attribute.
  return typeof keys === 'function' && keys !== ARRAY_KEYS && typeof (v as Partial<MappingLike>).__getitem__ === 'function';
}

const ARRAY_KEYS = Array.prototype.keys;

/** The [key, value] pairs of a mapping as CPython's dict_merge reads them; null for an object that is no mapping. */
export function mappingPairs(m: unknown): Array<[unknown, unknown]> | null {
  const out: Array<[unknown, unknown]> = [];
  if (m instanceof PyDict && mergesAsDict(m)) {
    const { $ks: ks, $vs: vs } = m;
    for (let i = 0; i < ks.length; i++) if (ks[i] !== HOLE) out.push([ks[i], vs[i]]);
    return out;
  }
  if (!isMappingLike(m)) return null;
  // As Python calls them: a Python class's keys() and __getitem__ take the object first.
  for (const k of iterItems(invokeMethod(m.keys, m, []))) out.push([k, invokeMethod(m.__getitem__, m, [k])]);
  return out;
}

/** CPython's PyDict_Merge of a dict or a mapping into d. */
function mergeFrom(d: PyDict, source: PyDict | MappingLike): void {
  if (source instanceof PyDict && mergesAsDict(source)) return mergeDict(d, source);
  for (const [k, v] of mappingPairs(source)!) d.$set(k, v);
}

/**
 * d.update(other, **kwargs): other is a dict, a mapping, a JS Map, or an
 * iterable of key/value pairs; kwargs a plain object of str keys.
 */
export function dict_update(d: PyDict, other?: unknown, kwargs?: Record<string, unknown>): null {
  if (other !== undefined) updateFrom(d, other);
  if (kwargs !== undefined) for (const k of Object.keys(kwargs)) d.$set(k, kwargs[k]);
  return null;
}

function updateFrom(d: PyDict, other: unknown): void {
  if (other instanceof PyDict) {
    mergeFrom(d, other);
    return;
  }
  if (other instanceof Map) {
    for (const [k, v] of other) d.$set(k, v);
    return;
  }
  if (isMappingLike(other)) {
    // As Python calls them: a Python class's keys() and __getitem__ take the object first.
    for (const k of iterItems(invokeMethod(other.keys, other, []))) d.$set(k, invokeMethod(other.__getitem__, other, [k]));
    return;
  }
  const items = iterItems(other);
  for (let i = 0; i < items.length; i++) {
    const pair = items[i];
    let kv: readonly unknown[];
    try {
      kv = iterItems(pair);
    } catch (e) {
      if (e instanceof TypeError) {
        throw new TypeError(`cannot convert dictionary update sequence element #${i} to a sequence`);
      }
      throw e;
    }
    if (kv.length !== 2) {
      throw new ValueError(`dictionary update sequence element #${i} has length ${kv.length}; 2 is required`);
    }
    d.$set(kv[0], kv[1]);
  }
}

/** dict(other, **kwargs). */
export function dictFrom(other?: unknown, kwargs?: Record<string, unknown>): PyDict {
  const d = new PyDict();
  dict_update(d, other, kwargs);
  return d;
}

/** `a | b` for a dict a. */
export function dictOr(a: PyDict, b: unknown): PyDict {
  if (!(b instanceof PyDict)) {
    throw new TypeError(`unsupported operand type(s) for |: '${typeName(a)}' and '${typeName(b)}'`);
  }
  const out = dict_copy(a);
  mergeFrom(out, b);
  return out;
}

/** `a |= b`: anything dict.update accepts. */
export function dictInplaceOr(a: PyDict, b: unknown): PyDict {
  updateFrom(a, b);
  return a;
}

// ---------------------------------------------------------------------------
// repr

export function reprDict(d: PyDict): string {
  if (d.$live === 0) return '{}';
  if (!reprEnter(d)) return '{...}';
  try {
    let s = '{';
    let first = true;
    const { $ks: ks, $vs: vs } = d;
    for (let i = 0; i < ks.length; i++) {
      const k = ks[i];
      if (k === HOLE) continue;
      s += (first ? '' : ', ') + repr(k) + ': ' + repr(vs[i]);
      first = false;
    }
    return s + '}';
  } finally {
    reprLeave(d);
  }
}

function reprView(v: DictView<unknown>, name: string): string {
  if (!reprEnter(v)) return '...';
  try {
    const parts: string[] = [];
    for (const x of v) parts.push(repr(x));
    return `${name}([${parts.join(', ')}])`;
  } finally {
    reprLeave(v);
  }
}

const previousObjectRepr = reprHooks.object;
reprHooks.object = (v: object): string | undefined => {
  if (v instanceof PyDict) return reprDict(v);
  // By the view's class name: OrderedDict's views are odict_keys…
  if (v instanceof DictView) return reprView(v, typeName(v));
  return previousObjectRepr?.(v);
};

registerMappingNative(PyDict);
