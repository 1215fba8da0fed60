/**
 * set and frozenset: PySet and PyFrozenSet.
 *
 * The table is CPython's setobject table, probe for probe (linear probes of
 * 9, then perturbation; the same growth rule, dummies for deleted entries,
 * the same pop finger), and every operation inserts in the order CPython's
 * does. Iteration walks the table, so a set of ints, floats or tuples prints
 * in CPython's order (`{3, 1, 2}` is `{1, 2, 3}`). Strings hash differently
 * from CPython — whose str hashes change with every process anyway.
 *
 * Methods as `set_<name>(s, …)` (the ones that do not mutate work on both
 * types); operators as setOr/setAnd/setSub/setXor and in-place forms.
 */
import { AttributeError, KeyError, RuntimeError, TypeError } from './exceptions.js';
import type { CompareOp } from './equality.js';
import { $compare, $eq, $hash, eqItem, frozensetHash, hashInto, lastHash, unhashable } from './equality.js';
import { repr, reprHooks } from './repr.js';
import { typeName } from './values.js';
import { DictItems, DictKeys, PyDict, dict_copy, dict_items, isSetLikeView } from './dict.js';
import { iterItems, reprEnter, reprLeave } from './list.js';
import { noArgs, oneArg } from './arity.js';
import { registerMappingNative } from './subclassOverrides.js';

/** A deleted entry: lookups probe past it, insertions may reuse it. */
const DUMMY: unique symbol = Symbol('dummy');
const MINSIZE = 8;
const LINEAR_PROBES = 9;

/**
 * The hash of the key being looked up or placed, as [low, high] int32
 * halves. The table functions read it on entry: passed as arguments, int32s
 * beyond V8's small-integer range would be boxed at every call. A table
 * function may change it (an == between frozensets uses it), so set it again
 * before each call.
 */
const KH = new Int32Array(2);

/**
 * A table of never-used slots. They stay holes, which read as undefined:
 * writing undefined into every slot costs three times the allocation, and
 * the larger tables of `a | b` and `a - b` are made for each result.
 */
function newTable(size: number): unknown[] {
  const bits = 31 - Math.clz32(size);
  let template = TABLE_TEMPLATES[bits];
  if (template === undefined) {
    template = new Array<unknown>(size);
    if (bits <= 16) TABLE_TEMPLATES[bits] = template;
    else return template;
  }
  return template.slice();
}

const TABLE_TEMPLATES: unknown[][] = [];

/** Zeroed hash arrays by log2 of the table size, which newHashes copies. */
const HASH_TEMPLATES: number[][] = [];

/**
 * The hashes of a table of `size` slots: a JS array of doubles (each an
 * int32 half), copied from a template. An Int32Array would be an off-heap
 * buffer whose allocation and sweeping cost more than the set operation that
 * makes the table.
 */
function newHashes(size: number): number[] {
  const bits = 31 - Math.clz32(size);
  let template = HASH_TEMPLATES[bits];
  if (template === undefined) {
    // Filled with a non-integer first, so that the array holds unboxed doubles.
    template = new Array<number>(2 * size).fill(0.5).fill(0);
    if (bits <= 16) HASH_TEMPLATES[bits] = template;
    else return template;
  }
  return template.slice();
}

/** Sets KH to Python's hash of key. */
function keyHash(key: unknown): void {
  if (typeof key === 'number' && (key | 0) === key) {
    KH[0] = key === -1 ? -2 : key;
    KH[1] = key >> 31;
    return;
  }
  hashInto(key);
  KH[0] = lastHash[0]!;
  KH[1] = lastHash[1]!;
}

/** Sets KH to the hash of the member in slot i of s. */
function slotHash(s: PyAnySet, i: number): void {
  const hashes = s.$hashes;
  if (hashes === null) {
    const k = s.$table[i] as number;
    KH[0] = k === -1 ? -2 : k;
    KH[1] = k >> 31;
    return;
  }
  KH[0] = hashes[2 * i]!;
  KH[1] = hashes[2 * i + 1]!;
}

function isInt32(k: unknown): k is number {
  return typeof k === 'number' && (k | 0) === k;
}

/**
 * An int-only table gets its hashes array when a member of another kind
 * arrives: the hash of each int member, -1 for dummies.
 */
function storeHashes(s: PyAnySet): number[] {
  const table = s.$table;
  const hashes = newHashes(table.length);
  for (let i = 0; i < table.length; i++) {
    const k = table[i];
    if (k === undefined) continue;
    if (k === DUMMY) {
      hashes[2 * i] = -1;
      hashes[2 * i + 1] = -1;
    } else {
      hashes[2 * i] = (k as number) === -1 ? -2 : (k as number);
      hashes[2 * i + 1] = (k as number) >> 31;
    }
  }
  s.$hashes = hashes;
  return hashes;
}

/** What set and frozenset share: the table and every non-mutating operation. */
export abstract class PyAnySet implements Iterable<unknown> {
  /** @internal Table slots: a member, undefined (never used) or DUMMY. */
  $table: unknown[];
  /**
   * @internal Each slot's hash as [lo, hi] int32 pairs; null while every
   * member is an int32 (a set of ints, the usual kind), whose hash is itself
   * (-2 for -1): such a table stores no hashes and compares members as numbers.
   */
  $hashes: number[] | null = null;
  /** @internal Table size − 1. */
  $mask = MINSIZE - 1;
  /** @internal Active + dummy slots. */
  $fill = 0;
  /** @internal Active slots. */
  $used = 0;
  /** @internal Where pop() starts looking. */
  $finger = 0;

  constructor(iterable?: unknown) {
    this.$table = newTable(MINSIZE);
    if (iterable !== undefined) updateInternal(this, iterable);
  }

  get $size(): number {
    return this.$used;
  }

  /** `x in s` (a set x is looked up as a frozenset, as CPython does). */
  $has(x: unknown): boolean {
    return setContains(this, x);
  }

  // JS code's view of a set, Set-like: `has` and `size` (and a set's `add`, `delete`). The
  // runtime itself uses the `$` names, which a Python subclass's methods and instance
  // attributes cannot shadow.
  has(x: unknown): boolean {
    return this.$has(x);
  }

  get size(): number {
    return this.$size;
  }

  /** `self.size = …` on a subclass's instance: the instance's own attribute. */
  set size(value: unknown) {
    Object.defineProperty(this, 'size', { value, writable: true, enumerable: true, configurable: true });
  }

  [Symbol.iterator](): SetIterator {
    return new SetIterator(this);
  }

  /** Node's console.log and inspect show the Python repr. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return reprSet(this);
  }

  [$eq](other: unknown): boolean | undefined {
    if (other instanceof PyAnySet) {
      if (this.$used !== other.$used) return false;
      return isSubset(this, other);
    }
    if (isSetLikeView(other)) return other.size === this.$used && isSubsetOfAny(this, other);
    return undefined;
  }

  [$compare](op: CompareOp, other: unknown): boolean | undefined {
    let otherSize: number;
    let contains: (x: unknown) => boolean;
    if (other instanceof PyAnySet) {
      otherSize = other.$used;
      contains = (x) => containsKey(other, x);
    } else if (isSetLikeView(other)) {
      otherSize = other.size;
      contains = (x) => other.has(x);
    } else return undefined;
    const subset = (): boolean => this.$used <= otherSize && everyMember(this, contains);
    const superset = (): boolean => {
      if (otherSize > this.$used) return false;
      for (const x of other as Iterable<unknown>) if (!containsKey(this, x)) return false;
      return true;
    };
    switch (op) {
      case '<=':
        return subset();
      case '<':
        return this.$used < otherSize && subset();
      case '>=':
        return superset();
      case '>':
        return this.$used > otherSize && superset();
    }
  }
}

export class PySet extends PyAnySet {
  static get __name__(): string {
    return this === PySet ? 'set' : this.name;
  }

  /** s.add(x) (JS convenience; returns None as Python's). */
  $add(x: unknown): null {
    keyHash(x);
    addEntry(this, x === undefined ? null : x);
    return null;
  }

  /** Removes x; false when it was missing. */
  $delete(x: unknown): boolean {
    return discardKey(this, x);
  }

  add(x: unknown): null {
    return this.$add(x);
  }

  delete(x: unknown): boolean {
    return this.$delete(x);
  }

  [$hash](): never {
    throw unhashable(this);
  }
}

export class PyFrozenSet extends PyAnySet {
  static get __name__(): string {
    return this === PyFrozenSet ? 'frozenset' : this.name;
  }

  /** @internal hash(), computed once. */
  $hashCache: number | bigint | undefined = undefined;

  [$hash](): number | bigint {
    if (this.$hashCache === undefined) {
      const members = new Int32Array(2 * this.$used);
      let n = 0;
      forEachEntry(this, (_key, i) => {
        slotHash(this, i);
        members[2 * n] = KH[0]!;
        members[2 * n + 1] = KH[1]!;
        n++;
      });
      this.$hashCache = frozensetHash(members, n);
    }
    return this.$hashCache;
  }
}

/** The result type of an operation on s: set or frozenset (subclasses give their base). */
function newLike(s: PyAnySet): PyAnySet {
  return s instanceof PyFrozenSet ? new PyFrozenSet() : new PySet();
}

// ---------------------------------------------------------------------------
// The table

/** Calls fn with each member and its slot (whose hash slotHash reads). */
function forEachEntry(s: PyAnySet, fn: (key: unknown, slot: number) => void): void {
  const { $table: table } = s;
  for (let i = 0; i < table.length; i++) {
    const k = table[i];
    if (k !== undefined && k !== DUMMY) fn(k, i);
  }
}

/** The slot of an entry equal to key (whose hash is in KH), or -1. */
function findEntry(s: PyAnySet, key: unknown): number {
  const lo = KH[0]!;
  const hi = KH[1]!;
  const { $table: table, $hashes: hashes } = s;
  const mask = s.$mask;
  const intKey = isInt32(key);
  let i = lo & mask;
  let pLo = lo;
  let pHi = hi;
  for (;;) {
    let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
    let j = i;
    do {
      const k = table[j];
      if (k === undefined) return -1;
      if (hashes === null) {
        // Int members: an int key is equal only to itself; another key compares with the hash of each int.
        if (k === key) return j;
        if (!intKey && k !== DUMMY && ((k as number) === -1 ? -2 : (k as number)) === lo && (k as number) >> 31 === hi && eqItem(k, key)) return j;
      } else if (hashes[2 * j] === lo && hashes[2 * j + 1] === hi && k !== DUMMY) {
        if (k === key || eqItem(k, key)) return j;
      }
      j++;
    } while (probes-- > 0);
    // perturb >>= 5 on the unsigned 64-bit hash; the next slot is (i*5 + 1 + perturb) & mask.
    pLo = (pLo >>> 5) | (pHi << 27);
    pHi = pHi >>> 5;
    i = (i * 5 + 1 + (pLo >>> 0)) & mask;
  }
}

/**
 * CPython's set_add_entry for a key whose hash is in KH: it goes to the last
 * dummy met on its probe path, else to the never-used slot that ends the
 * path; the table grows when 3/5 full.
 */
function addEntry(s: PyAnySet, key: unknown): void {
  const lo = KH[0]!;
  const hi = KH[1]!;
  const table = s.$table;
  let hashes = s.$hashes;
  if (hashes === null && !isInt32(key)) hashes = storeHashes(s);
  const mask = s.$mask;
  let i = lo & mask;
  let pLo = lo;
  let pHi = hi;
  let freeslot = -1;
  for (;;) {
    let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
    let j = i;
    do {
      const k = table[j];
      if (k === undefined) {
        if (freeslot >= 0) {
          table[freeslot] = key;
          if (hashes !== null) {
            hashes[2 * freeslot] = lo;
            hashes[2 * freeslot + 1] = hi;
          }
          s.$used++;
          return;
        }
        table[j] = key;
        if (hashes !== null) {
          hashes[2 * j] = lo;
          hashes[2 * j + 1] = hi;
        }
        s.$fill++;
        s.$used++;
        if (s.$fill * 5 >= mask * 3) resize(s, s.$used > 50000 ? s.$used * 2 : s.$used * 4);
        return;
      }
      if (k === DUMMY) freeslot = j;
      else if (hashes === null ? k === key : hashes[2 * j] === lo && hashes[2 * j + 1] === hi && (k === key || eqItem(k, key))) return;
      j++;
    } while (probes-- > 0);
    pLo = (pLo >>> 5) | (pHi << 27);
    pHi = pHi >>> 5;
    i = (i * 5 + 1 + (pLo >>> 0)) & mask;
  }
}

/**
 * Places the key of slot `from` of (fromTable, fromHashes), known to be
 * absent, into a table without dummies (CPython's set_insert_clean).
 */
function insertClean(table: unknown[], hashes: number[] | null, mask: number, fromTable: unknown[], fromHashes: number[] | null, from: number): void {
  let lo: number;
  let hi: number;
  if (fromHashes === null) {
    const k = fromTable[from] as number;
    lo = k === -1 ? -2 : k;
    hi = k >> 31;
  } else {
    lo = fromHashes[2 * from]!;
    hi = fromHashes[2 * from + 1]!;
  }
  let i = lo & mask;
  let pLo = lo;
  let pHi = hi;
  for (;;) {
    let j = i;
    const last = i + LINEAR_PROBES <= mask ? i + LINEAR_PROBES : i;
    for (; j <= last; j++) {
      if (table[j] === undefined) {
        table[j] = fromTable[from];
        if (hashes !== null) {
          hashes[2 * j] = lo;
          hashes[2 * j + 1] = hi;
        }
        return;
      }
    }
    pLo = (pLo >>> 5) | (pHi << 27);
    pHi = pHi >>> 5;
    i = (i * 5 + 1 + (pLo >>> 0)) & mask;
  }
}

/** Moves the active entries, in table order, to a table of the smallest size above minused. */
function resize(s: PyAnySet, minused: number): void {
  let size = MINSIZE;
  while (size <= minused) size *= 2;
  const oldTable = s.$table;
  const oldHashes = s.$hashes;
  const table = newTable(size);
  const hashes = oldHashes === null ? null : newHashes(size);
  const mask = size - 1;
  // The walk ends at the last member: ints fill the low slots of a table sized for growth.
  for (let i = 0, left = s.$used; left > 0; i++) {
    const k = oldTable[i];
    if (k !== undefined && k !== DUMMY) {
      insertClean(table, hashes, mask, oldTable, oldHashes, i);
      left--;
    }
  }
  s.$table = table;
  s.$hashes = hashes;
  s.$mask = mask;
  s.$fill = s.$used;
}

/** Removes the entry equal to key (whose hash is in KH); false when there was none. */
function discardEntry(s: PyAnySet, key: unknown): boolean {
  const j = findEntry(s, key);
  if (j < 0) return false;
  s.$table[j] = DUMMY;
  const hashes = s.$hashes;
  if (hashes !== null) {
    hashes[2 * j] = -1;
    hashes[2 * j + 1] = -1;
  }
  s.$used--;
  return true;
}

function clearTable(s: PyAnySet): void {
  s.$table = newTable(MINSIZE);
  s.$hashes = null;
  s.$mask = MINSIZE - 1;
  s.$fill = 0;
  s.$used = 0;
  // CPython leaves the pop finger where it was.
}

/** Sets KH for x as a lookup key and returns the key: a (mutable) set is looked up as the frozenset of its members. */
function lookupHash(x: unknown): unknown {
  if (x instanceof PySet) {
    const frozen = new PyFrozenSet(x);
    keyHash(frozen);
    return frozen;
  }
  keyHash(x);
  return x;
}

function containsKey(s: PyAnySet, x: unknown): boolean {
  keyHash(x);
  return findEntry(s, x) >= 0;
}

/** `x in s`. */
export function setContains(s: PyAnySet, x: unknown): boolean {
  if (typeof x === 'number' && (x | 0) === x) {
    keyHash(x);
    return findEntry(s, x) >= 0;
  }
  const key = lookupHash(x);
  return findEntry(s, key) >= 0;
}

function discardKey(s: PyAnySet, x: unknown): boolean {
  const key = lookupHash(x);
  return discardEntry(s, key);
}

// ---------------------------------------------------------------------------
// CPython's internal algorithms, in its order of insertion

/** set_merge: one resize up front, then a straight copy or clean inserts when the target is empty. */
function merge(s: PyAnySet, other: PyAnySet): void {
  if (other === s || other.$used === 0) return;
  if ((s.$fill + other.$used) * 5 >= s.$mask * 3) resize(s, (s.$used + other.$used) * 2);
  const { $table: otherTable, $hashes: otherHashes } = other;
  if (s.$fill === 0 && s.$mask === other.$mask && other.$fill === other.$used) {
    s.$table = otherTable.slice();
    s.$hashes = otherHashes === null ? null : otherHashes.slice();
    s.$fill = other.$fill;
    s.$used = other.$used;
    return;
  }
  if (s.$fill === 0) {
    // An empty table takes the other's kind: int-only, or with hashes.
    if (otherHashes === null) s.$hashes = null;
    else if (s.$hashes === null) s.$hashes = newHashes(s.$table.length);
    s.$fill = other.$used;
    s.$used = other.$used;
    for (let i = 0, left = other.$used; left > 0; i++) {
      const k = otherTable[i];
      if (k !== undefined && k !== DUMMY) {
        insertClean(s.$table, s.$hashes, s.$mask, otherTable, otherHashes, i);
        left--;
      }
    }
    return;
  }
  const { $used: used, $fill: fill } = other;
  for (let i = 0, seen = 0; i <= other.$mask; i++) {
    const k = otherTable[i];
    if (k !== undefined && k !== DUMMY) {
      slotHash(other, i);
      addEntry(s, k);
      if (++seen === used && unchanged(other, otherTable, used, fill)) break;
    }
  }
}

/**
 * Whether a walk of s's table that has met all of its `used` members may
 * stop there (they sit in the low slots of a table of ints): an __eq__ run
 * by the walk may have added to s, and the walk then goes on, as CPython's,
 * to the members added after its position.
 */
function unchanged(s: PyAnySet, table: unknown[], used: number, fill: number): boolean {
  return s.$used === used && s.$fill === fill && s.$table === table;
}

/** set_update_internal: sets merge, dicts presize, anything else is added item by item. */
function updateInternal(s: PyAnySet, other: unknown): void {
  if (other instanceof PyAnySet) return merge(s, other);
  if (other instanceof PyDict && other.constructor === PyDict) {
    const n = other.$size;
    if ((s.$fill + n) * 5 >= s.$mask * 3) resize(s, (s.$used + n) * 2);
  }
  const items = iterItems(other);
  for (let i = 0; i < items.length; i++) {
    const k = items[i];
    keyHash(k);
    addEntry(s, k === undefined ? null : k);
  }
}

// ---------------------------------------------------------------------------
// Results of operations on sets of ints, built at their final size

/*
 * CPython builds the result of `a & b`, `a - b` and `a | b` by adding its
 * members one by one, the table growing on the way (8, 32, 128… slots). Its
 * final layout is that of the last table, and when no two members share a
 * home slot there (hash & mask), every member sits in its home slot however
 * it got there. For members that are ints (no __eq__ to run) the result is
 * then built once at its final size; when two members do share a home slot
 * the result is built CPython's way after all.
 */

/**
 * The members of a result in the order CPython adds them: reused (no
 * Python code runs while one is collected and placed), up to a size worth
 * keeping.
 */
let scratch: number[] = [];
const SCRATCH_KEPT = 1 << 16;

/** The mask of the table that adding n distinct members to `mask`'s table (filled with `used` and no dummies) ends with. */
function grownMask(mask: number, used: number, n: number): number {
  let target = used + n;
  for (;;) {
    // addEntry resizes once fill * 5 >= mask * 3.
    const at = Math.ceil((mask * 3) / 5);
    const trigger = used < at ? at : used + 1;
    if (target < trigger) return mask;
    used = trigger;
    let size = MINSIZE;
    const minused = used > 50000 ? used * 2 : used * 4;
    while (size <= minused) size *= 2;
    mask = size - 1;
  }
}

/** The table of the int members members[0..n) each in its home slot of a table of mask + 1, or null when two share one. */
function homeTable(members: number[], n: number, mask: number): unknown[] | null {
  const table = newTable(mask + 1);
  for (let i = 0; i < n; i++) {
    const k = members[i]!;
    const home = (k === -1 ? -2 : k) & mask;
    if (table[home] !== undefined) return null;
    table[home] = k;
  }
  return table;
}

/** A fresh result s holds members[0..n), added in that order to its empty table. */
function fillFrom(s: PyAnySet, members: number[], n: number): void {
  const mask = grownMask(MINSIZE - 1, 0, n);
  const table = homeTable(members, n, mask);
  if (table !== null) {
    s.$table = table;
    s.$mask = mask;
    s.$fill = n;
    s.$used = n;
    return;
  }
  for (let i = 0; i < n; i++) {
    const k = members[i]!;
    KH[0] = k === -1 ? -2 : k;
    KH[1] = k >> 31;
    addEntry(s, k);
  }
}

function scratchFor(n: number): number[] {
  if (scratch.length >= n) return scratch;
  const members = new Array<number>(n).fill(0);
  if (n <= SCRATCH_KEPT) scratch = members;
  return members;
}

/**
 * `s - o` for int-only s and o: the members of s not in o, in s's order.
 * Kept apart from intIntersection (one loop with a flag measured ~25% slower
 * on `a & b` + `a - b`: each loop's feedback then mixes both operations).
 */
function intDifference(result: PyAnySet, s: PyAnySet, o: PyAnySet): void {
  const out = scratchFor(s.$used);
  const table = s.$table;
  let n = 0;
  for (let i = 0, left = s.$used; left > 0; i++) {
    const k = table[i];
    if (k === undefined || k === DUMMY) continue;
    left--;
    KH[0] = (k as number) === -1 ? -2 : (k as number);
    KH[1] = (k as number) >> 31;
    if (findEntry(o, k) < 0) out[n++] = k as number;
  }
  fillFrom(result, out, n);
}

/** `small & big` for int-only sets: the members of small found in big, in small's order. */
function intIntersection(result: PyAnySet, small: PyAnySet, big: PyAnySet): void {
  const out = scratchFor(small.$used);
  const table = small.$table;
  let n = 0;
  for (let i = 0, left = small.$used; left > 0; i++) {
    const k = table[i];
    if (k === undefined || k === DUMMY) continue;
    left--;
    KH[0] = (k as number) === -1 ? -2 : (k as number);
    KH[1] = (k as number) >> 31;
    if (findEntry(big, k) >= 0) out[n++] = k as number;
  }
  fillFrom(result, out, n);
}

/**
 * `a | b` for int-only sets, or null: CPython copies a (into a table sized
 * for it, or a's own layout when the sizes match), makes room for b, then
 * adds b's members that a lacks.
 */
function intUnion(a: PyAnySet, b: PyAnySet): PyAnySet | null {
  // The copy's table: merge() into an empty set resizes it for a.$used * 2 once that is 3/5 of 7.
  let mask = MINSIZE - 1;
  if (a.$used * 5 >= mask * 3) {
    let size = MINSIZE;
    while (size <= a.$used * 2) size *= 2;
    mask = size - 1;
  }
  // The straight copy keeps a's layout, which homes alone need not give.
  if (mask === a.$mask && a.$fill === a.$used) return null;
  const out = scratchFor(a.$used + b.$used);
  let n = 0;
  const aTable = a.$table;
  for (let i = 0, left = a.$used; left > 0; i++) {
    const k = aTable[i];
    if (k === undefined || k === DUMMY) continue;
    left--;
    out[n++] = k as number;
  }
  const used = n;
  // merge() makes room for b (b is not a, and not empty).
  if ((used + b.$used) * 5 >= mask * 3) {
    let size = MINSIZE;
    while (size <= (used + b.$used) * 2) size *= 2;
    mask = size - 1;
  }
  const bTable = b.$table;
  for (let i = 0, left = b.$used; left > 0; i++) {
    const k = bTable[i];
    if (k === undefined || k === DUMMY) continue;
    left--;
    KH[0] = (k as number) === -1 ? -2 : (k as number);
    KH[1] = (k as number) >> 31;
    if (findEntry(a, k) < 0) out[n++] = k as number;
  }
  mask = grownMask(mask, used, n - used);
  const table = homeTable(out, n, mask);
  if (table === null) return null;
  const result = newLike(a);
  result.$table = table;
  result.$mask = mask;
  result.$fill = n;
  result.$used = n;
  return result;
}

function copyOf(s: PyAnySet): PyAnySet {
  const out = newLike(s);
  merge(out, s);
  return out;
}

/** set_intersection: walks the smaller set (or the iterable) and keeps its members found in the other. */
function intersection(s: PyAnySet, other: unknown): PyAnySet {
  if (other === s) return copyOf(s);
  const result = newLike(s);
  if (other instanceof PyAnySet) {
    let big: PyAnySet = s;
    let small: PyAnySet = other;
    if (other.$used > s.$used) {
      big = other;
      small = s;
    }
    if (small.$hashes === null && big.$hashes === null) {
      intIntersection(result, small, big);
      return result;
    }
    const { $table: table, $used: used, $fill: fill } = small;
    for (let i = 0, seen = 0; i < table.length; i++) {
      const k = table[i];
      if (k === undefined || k === DUMMY) continue;
      slotHash(small, i);
      if (findEntry(big, k) >= 0) {
        slotHash(small, i);
        addEntry(result, k);
      }
      if (++seen === used && unchanged(small, table, used, fill)) break;
    }
    return result;
  }
  const items = iterItems(other);
  for (let i = 0; i < items.length; i++) {
    const k = items[i];
    keyHash(k);
    const lo = KH[0]!;
    const hi = KH[1]!;
    if (findEntry(s, k) >= 0) {
      KH[0] = lo;
      KH[1] = hi;
      addEntry(result, k);
    }
  }
  return result;
}

/** set_difference_update_internal, including its clean-up of dummies. */
function differenceUpdate(s: PyAnySet, other: unknown): void {
  if (other === s) return clearTable(s);
  if (other instanceof PyAnySet) {
    // A much larger other is first cut down to the common members.
    const source = other.$used >> 3 > s.$used ? intersection(s, other) : other;
    const { $table: table, $used: used, $fill: fill } = source;
    for (let i = 0, seen = 0; i < table.length; i++) {
      const k = table[i];
      if (k === undefined || k === DUMMY) continue;
      slotHash(source, i);
      discardEntry(s, k);
      if (++seen === used && unchanged(source, table, used, fill)) break;
    }
  } else {
    const items = iterItems(other);
    for (let i = 0; i < items.length; i++) discardKey(s, items[i]);
  }
  if (s.$fill - s.$used <= s.$mask >>> 2) return;
  resize(s, s.$used > 50000 ? s.$used * 2 : s.$used * 4);
}

/** set_difference: walks s, or copies s and removes the other's members when s is much the larger. */
function difference(s: PyAnySet, other: unknown): PyAnySet {
  let otherSize: number;
  if (other instanceof PyAnySet) otherSize = other.$used;
  else if (other instanceof PyDict && other.constructor === PyDict) otherSize = other.$size;
  else return copyAndDifference(s, other);
  if (s.$used >> 2 > otherSize) return copyAndDifference(s, other);
  const result = newLike(s);
  if (other instanceof PyDict) {
    forEachEntry(s, (k, i) => {
      if (!other.$has(k)) {
        slotHash(s, i);
        addEntry(result, k);
      }
    });
    return result;
  }
  const o = other as PyAnySet;
  if (s.$hashes === null && o.$hashes === null) {
    intDifference(result, s, o);
    return result;
  }
  const { $table: table, $used: used, $fill: fill } = s;
  for (let i = 0, seen = 0; i < table.length; i++) {
    const k = table[i];
    if (k === undefined || k === DUMMY) continue;
    slotHash(s, i);
    if (findEntry(o, k) < 0) {
      slotHash(s, i);
      addEntry(result, k);
    }
    if (++seen === used && unchanged(s, table, used, fill)) break;
  }
  return result;
}

function copyAndDifference(s: PyAnySet, other: unknown): PyAnySet {
  const result = copyOf(s);
  differenceUpdate(result, other);
  return result;
}

/** set_symmetric_difference_update: each member of other is removed if present, else added. */
function symmetricDifferenceUpdate(s: PyAnySet, other: unknown): void {
  if (other === s) return clearTable(s);
  if (other instanceof PyDict && other.constructor === PyDict) {
    for (const k of iterItems(other)) {
      keyHash(k);
      const lo = KH[0]!;
      const hi = KH[1]!;
      if (!discardEntry(s, k)) {
        KH[0] = lo;
        KH[1] = hi;
        addEntry(s, k);
      }
    }
    return;
  }
  const source = other instanceof PyAnySet ? other : newFrom(s, other);
  forEachEntry(source, (k, i) => {
    slotHash(source, i);
    if (!discardEntry(s, k)) {
      slotHash(source, i);
      addEntry(s, k);
    }
  });
}

function newFrom(like: PyAnySet, iterable: unknown): PyAnySet {
  const out = newLike(like);
  updateInternal(out, iterable);
  return out;
}

/** set_swap_bodies: s takes over tmp's table (the pop finger stays). */
function takeBody(s: PyAnySet, tmp: PyAnySet): void {
  s.$table = tmp.$table;
  s.$hashes = tmp.$hashes;
  s.$mask = tmp.$mask;
  s.$fill = tmp.$fill;
  s.$used = tmp.$used;
}

function isSubset(s: PyAnySet, other: PyAnySet): boolean {
  if (s.$used > other.$used) return false;
  const { $table: table } = s;
  for (let i = 0; i < table.length; i++) {
    const k = table[i];
    if (k !== undefined && k !== DUMMY) {
      slotHash(s, i);
      if (findEntry(other, k) < 0) return false;
    }
  }
  return true;
}

function everyMember(s: PyAnySet, contains: (x: unknown) => boolean): boolean {
  const { $table: table } = s;
  for (let i = 0; i < table.length; i++) {
    const k = table[i];
    if (k !== undefined && k !== DUMMY && !contains(k)) return false;
  }
  return true;
}

function isSubsetOfAny(s: PyAnySet, other: DictKeys | DictItems): boolean {
  return everyMember(s, (x) => other.has(x));
}

// ---------------------------------------------------------------------------
// Construction

/** set(iterable). */
export function setFrom(iterable?: unknown): PySet {
  return new PySet(iterable);
}

/** frozenset(iterable): a frozenset argument is returned as is. */
export function frozensetFrom(iterable?: unknown): PyFrozenSet {
  if (iterable instanceof PyFrozenSet && iterable.constructor === PyFrozenSet) return iterable;
  return new PyFrozenSet(iterable);
}

/**
 * A set display `{a, b, c}`. CPython compiles a display of three or more
 * constants to a frozenset constant — which its constant merging rebuilds
 * from the frozenset's own iteration order — copied into a new set; any other
 * display adds its items one by one. Pass allConstants for the former.
 */
export function setDisplay(items: readonly unknown[], allConstants = false): PySet {
  const s = new PySet();
  if (allConstants && items.length > 2) merge(s, new PyFrozenSet([...new PyFrozenSet(items)]));
  else updateInternal(s, items);
  return s;
}

// ---------------------------------------------------------------------------
// Methods

/** A frozenset shares set's method table but has none of its mutators. */
function mutable(s: PyAnySet, name: string): void {
  if (!(s instanceof PySet)) throw new AttributeError(`'${typeName(s)}' object has no attribute '${name}'`);
}

/** The name of the type whose method is called, as CPython's arity complaints qualify it. */
function kindOf(s: PyAnySet): string {
  return s instanceof PyFrozenSet ? 'frozenset' : 'set';
}

export function set_add(s: PySet, x: unknown): null {
  if (arguments.length !== 2) oneArg('set.add', arguments.length - 1);
  mutable(s, 'add');
  return s.$add(x);
}

export function set_remove(s: PySet, x: unknown): null {
  if (arguments.length !== 2) oneArg('set.remove', arguments.length - 1);
  mutable(s, 'remove');
  if (!discardKey(s, x)) throw new KeyError(x);
  return null;
}

export function set_discard(s: PySet, x: unknown): null {
  if (arguments.length !== 2) oneArg('set.discard', arguments.length - 1);
  mutable(s, 'discard');
  discardKey(s, x);
  return null;
}

/** s.pop(): the first member from the finger on, as CPython's. */
export function set_pop(s: PySet): unknown {
  if (arguments.length !== 1) noArgs('set.pop', arguments.length - 1);
  mutable(s, 'pop');
  if (s.$used === 0) throw new KeyError('pop from an empty set');
  const { $table: table, $hashes: hashes } = s;
  let i = s.$finger & s.$mask;
  while (table[i] === undefined || table[i] === DUMMY) {
    i++;
    if (i > s.$mask) i = 0;
  }
  const key = table[i];
  table[i] = DUMMY;
  if (hashes !== null) {
    hashes[2 * i] = -1;
    hashes[2 * i + 1] = -1;
  }
  s.$used--;
  s.$finger = i + 1;
  return key;
}

export function set_clear(s: PySet): null {
  if (arguments.length !== 1) noArgs('set.clear', arguments.length - 1);
  mutable(s, 'clear');
  clearTable(s);
  return null;
}

/** s.copy(); an exact frozenset's copy is itself. */
export function set_copy(s: PyAnySet): PyAnySet {
  if (arguments.length !== 1) noArgs(`${kindOf(s)}.copy`, arguments.length - 1);
  if (s instanceof PyFrozenSet && s.constructor === PyFrozenSet) return s;
  return copyOf(s);
}

export function set_update(s: PySet, ...others: unknown[]): null {
  mutable(s, 'update');
  for (const other of others) updateInternal(s, other);
  return null;
}

export function set_union(s: PyAnySet, ...others: unknown[]): PyAnySet {
  const result = copyOf(s);
  for (const other of others) if (other !== s) updateInternal(result, other);
  return result;
}

export function set_intersection(s: PyAnySet, ...others: unknown[]): PyAnySet {
  if (others.length === 0) return copyOf(s);
  let result = s;
  for (const other of others) result = intersection(result, other);
  return result;
}

export function set_intersection_update(s: PySet, ...others: unknown[]): null {
  mutable(s, 'intersection_update');
  takeBody(s, set_intersection(s, ...others));
  return null;
}

export function set_difference(s: PyAnySet, ...others: unknown[]): PyAnySet {
  if (others.length === 0) return copyOf(s);
  const result = difference(s, others[0]);
  for (let i = 1; i < others.length; i++) differenceUpdate(result, others[i]);
  return result;
}

export function set_difference_update(s: PySet, ...others: unknown[]): null {
  mutable(s, 'difference_update');
  for (const other of others) differenceUpdate(s, other);
  return null;
}

export function set_symmetric_difference(s: PyAnySet, other: unknown): PyAnySet {
  if (arguments.length !== 2) oneArg(`${kindOf(s)}.symmetric_difference`, arguments.length - 1);
  const result = newFrom(s, other);
  symmetricDifferenceUpdate(result, s);
  return result;
}

export function set_symmetric_difference_update(s: PySet, other: unknown): null {
  if (arguments.length !== 2) oneArg('set.symmetric_difference_update', arguments.length - 1);
  mutable(s, 'symmetric_difference_update');
  symmetricDifferenceUpdate(s, other);
  return null;
}

export function set_issubset(s: PyAnySet, other: unknown): boolean {
  if (arguments.length !== 2) oneArg(`${kindOf(s)}.issubset`, arguments.length - 1);
  return isSubset(s, other instanceof PyAnySet ? other : new PySet(other));
}

export function set_issuperset(s: PyAnySet, other: unknown): boolean {
  if (arguments.length !== 2) oneArg(`${kindOf(s)}.issuperset`, arguments.length - 1);
  if (other instanceof PyAnySet) return isSubset(other, s);
  const items = iterItems(other);
  for (let i = 0; i < items.length; i++) if (!setContains(s, items[i])) return false;
  return true;
}

export function set_isdisjoint(s: PyAnySet, other: unknown): boolean {
  if (arguments.length !== 2) oneArg(`${kindOf(s)}.isdisjoint`, arguments.length - 1);
  if (other === s) return s.$used === 0;
  // Only a set or frozenset itself is read directly; a subclass's instance is iterated, as CPython 3.11 does.
  if (other instanceof PyAnySet && (Object.getPrototypeOf(other) === PySet.prototype || Object.getPrototypeOf(other) === PyFrozenSet.prototype)) {
    let big: PyAnySet = s;
    let small: PyAnySet = other;
    if (other.$used > s.$used) {
      big = other;
      small = s;
    }
    return everyMember(small, (k) => !containsKey(big, k));
  }
  const items = iterItems(other);
  for (let i = 0; i < items.length; i++) if (setContains(s, items[i])) return false;
  return true;
}

// ---------------------------------------------------------------------------
// Operators: the left operand is a set or frozenset; the right must be one too.

function operandError(op: string, a: unknown, b: unknown): TypeError {
  return new TypeError(`unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'`);
}

/** `a | b`. */
export function setOr(a: PyAnySet, b: unknown): PyAnySet {
  if (!(b instanceof PyAnySet)) throw operandError('|', a, b);
  if (b !== a && a.$hashes === null && b.$hashes === null && a.$used > 0 && b.$used > 0) {
    const union = intUnion(a, b);
    if (union !== null) return union;
  }
  const result = copyOf(a);
  if (b !== a) merge(result, b);
  return result;
}

/** `a & b`. */
export function setAnd(a: PyAnySet, b: unknown): PyAnySet {
  if (!(b instanceof PyAnySet)) throw operandError('&', a, b);
  return intersection(a, b);
}

/** `a - b`. */
export function setSub(a: PyAnySet, b: unknown): PyAnySet {
  if (!(b instanceof PyAnySet)) throw operandError('-', a, b);
  return difference(a, b);
}

/** `a ^ b`. */
export function setXor(a: PyAnySet, b: unknown): PyAnySet {
  if (!(b instanceof PyAnySet)) throw operandError('^', a, b);
  return set_symmetric_difference(a, b);
}

/** `a |= b` (a frozenset gets a new frozenset, as `a = a | b`). */
export function setInplaceOr(a: PyAnySet, b: unknown): PyAnySet {
  if (!(a instanceof PySet)) return setOrAssign(a, b, '|=', setOr);
  if (!(b instanceof PyAnySet)) throw operandError('|=', a, b);
  updateInternal(a, b);
  return a;
}

/** `a &= b`. */
export function setInplaceAnd(a: PyAnySet, b: unknown): PyAnySet {
  if (!(a instanceof PySet)) return setOrAssign(a, b, '&=', setAnd);
  if (!(b instanceof PyAnySet)) throw operandError('&=', a, b);
  takeBody(a, intersection(a, b));
  return a;
}

/** `a -= b`. */
export function setInplaceSub(a: PyAnySet, b: unknown): PyAnySet {
  if (!(a instanceof PySet)) return setOrAssign(a, b, '-=', setSub);
  if (!(b instanceof PyAnySet)) throw operandError('-=', a, b);
  differenceUpdate(a, b);
  return a;
}

/** `a ^= b`. */
export function setInplaceXor(a: PyAnySet, b: unknown): PyAnySet {
  if (!(a instanceof PySet)) return setOrAssign(a, b, '^=', setXor);
  if (!(b instanceof PyAnySet)) throw operandError('^=', a, b);
  symmetricDifferenceUpdate(a, b);
  return a;
}

function setOrAssign(a: PyAnySet, b: unknown, op: string, binary: (a: PyAnySet, b: unknown) => PyAnySet): PyAnySet {
  if (!(b instanceof PyAnySet)) throw operandError(op, a, b);
  return binary(a, b);
}

/**
 * `a <op> b` where a or b is a dict keys/items view (and the other any
 * iterable): always a set, built as CPython's view operators build it.
 */
export function dictViewOp(op: '|' | '&' | '-' | '^', a: unknown, b: unknown): PySet {
  if (op === '&') return viewIntersection(a, b);
  if (op === '^' && a instanceof DictItems && b instanceof DictItems) return itemsXor(a, b);
  const result = viewToSet(a);
  switch (op) {
    case '|':
      updateInternal(result, b);
      break;
    case '-':
      differenceUpdate(result, b);
      break;
    case '^':
      symmetricDifferenceUpdate(result, b);
      break;
  }
  return result;
}

/** items ^ items, as CPython computes it: by key, so unhashable values do not matter. */
function itemsXor(a: DictItems, b: DictItems): PySet {
  const rest = dict_copy(a.mapping);
  const result = new PySet();
  for (const pair of dict_items(b.mapping)) {
    const [key, value] = pair;
    const mine = rest.$get(key);
    if (mine !== undefined && eqItem(mine, value)) rest.$delete(key);
    else result.$add(pair);
  }
  updateInternal(result, dict_items(rest));
  return result;
}

/** A keys view of a plain dict is read as the dict itself (which presizes the set). */
function viewToSet(v: unknown): PySet {
  return new PySet(v instanceof DictKeys && v.mapping.constructor === PyDict ? v.mapping : v);
}

function viewIntersection(a: unknown, b: unknown): PySet {
  let view = a;
  let other = b;
  if (!isSetLikeView(view)) {
    view = b;
    other = a;
  }
  let self = view as DictKeys | DictItems;
  if (other instanceof PySet && other.constructor === PySet && self.size <= other.$used) {
    return set_intersection(other, self) as PySet;
  }
  if (isSetLikeView(other) && other.size > self.size) {
    const swap = self;
    self = other;
    other = swap;
  }
  const result = new PySet();
  const items = iterItems(other);
  for (let i = 0; i < items.length; i++) if (self.has(items[i])) result.$add(items[i]);
  return result;
}

// ---------------------------------------------------------------------------
// Iteration and repr

/** CPython's set iterator: walks the table and fails once the set's size changed. */
export class SetIterator implements IterableIterator<unknown> {
  private s: PyAnySet | null;
  private pos = 0;
  private expected: number;
  /** The items not yet given, for `__length_hint__`. */
  private remaining: number;

  constructor(s: PyAnySet) {
    this.s = s;
    this.expected = s.$used;
    this.remaining = s.$used;
  }

  next(): IteratorResult<unknown> {
    const s = this.s;
    if (s === null) return { done: true, value: undefined };
    if (s.$used !== this.expected) {
      this.expected = -1; // stays broken, as CPython's
      throw new RuntimeError('Set changed size during iteration');
    }
    const table = s.$table;
    let i = this.pos;
    while (i <= s.$mask && (table[i] === undefined || table[i] === DUMMY)) i++;
    if (i > s.$mask) {
      this.s = null;
      return { done: true, value: undefined };
    }
    this.pos = i + 1;
    this.remaining--;
    return { done: false, value: table[i] };
  }

  /** As CPython's: none left once the set changed size. */
  lengthHint(): number {
    return this.s !== null && this.s.$used === this.expected ? this.remaining : 0;
  }

  [Symbol.iterator](): this {
    return this;
  }
}

export function reprSet(s: PyAnySet): string {
  const name = typeName(s);
  const exact = s.constructor === PySet;
  if (s.$used === 0) return `${name}()`;
  if (!reprEnter(s)) return `${name}(...)`;
  try {
    const parts: string[] = [];
    const proto = Object.getPrototypeOf(s) as object;
    if (proto === PySet.prototype || proto === PyFrozenSet.prototype) {
      forEachEntry(s, (k) => {
        parts.push(repr(k));
      });
    } else {
      // A subclass's members as list(s) gives them (through its class's __iter__), as CPython's set repr does.
      for (const k of iterItems(s)) parts.push(repr(k));
    }
    const body = `{${parts.join(', ')}}`;
    return exact ? body : `${name}(${body})`;
  } finally {
    reprLeave(s);
  }
}

const previousObjectRepr = reprHooks.object;
reprHooks.object = (v: object): string | undefined => {
  if (v instanceof PyAnySet) return reprSet(v);
  return previousObjectRepr?.(v);
};

registerMappingNative(PyAnySet);
