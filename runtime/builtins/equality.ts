/**
 * Python's `==`, `hash()` and the order operators for builtin values, as the
 * containers need them: dict keys and set members are found by hash and `==`,
 * lists and tuples compare item by item.
 *
 * Hashes are CPython's 64-bit values for every type whose hash CPython fixes
 * (int, bool, float, complex, tuple, frozenset), because set iteration order —
 * which programs print — follows from them. str and bytes hashes are
 * randomised per process in CPython, so ours are simply fast.
 *
 * Runtime classes (dict, set, …) take part through the `$eq`/`$compare`/
 * `$hash` methods below; numbers and user objects defined elsewhere plug in
 * through `equalityHooks`.
 */
import { TypeError } from './exceptions.js';
import { NotImplemented } from './notImplemented.js';
import { arrayOverrides as arrayOverridesImport } from './subclassOverrides.js';
import { PyBytes, PyComplex, PyFloat, PyTuple, typeName } from './values.js';

// A module variable (a `var`): an imported binding's read carries a hole check (subclassOverrides.ts imports only values.ts, so it is there first).
var arrayOverrides = arrayOverridesImport;

export type CompareOp = '<' | '<=' | '>' | '>=';

/** `obj[$eq](other)`: Python `obj == other`, or undefined for NotImplemented. */
export const $eq = Symbol('pyasync.eq');
/** `obj[$compare](op, other)`: Python `obj <op> other`, or undefined for NotImplemented. */
export const $compare = Symbol('pyasync.compare');
/** `obj[$hash]()`: Python's hash(obj) (throws for unhashable types). Objects without it hash by identity. */
export const $hash = Symbol('pyasync.hash');

export interface PyValueProtocol {
  [$eq]?(other: unknown): boolean | undefined;
  [$compare]?(op: CompareOp, other: unknown): boolean | undefined;
  [$hash]?(): number | bigint;
}

/**
 * Where the numbers module and compiled classes plug in. Each hook is asked
 * only about values this module does not know (objects other than the builtin
 * representations); `undefined` means "not mine / NotImplemented".
 */
export const equalityHooks: {
  /** Python `a == b` where a or b is an object this module does not know. */
  eq?: (a: unknown, b: unknown) => boolean | undefined;
  /**
   * Python `a <op> b` where a or b is an object this module does not know,
   * or an instance of a Python subclass of list, tuple, set… whose base
   * type's order is `own` (NotImplemented for operands it does not take).
   */
  compare?: (op: CompareOp, a: unknown, b: unknown, own?: (a: unknown, b: unknown) => unknown) => boolean | undefined;
  /** Whether v is an instance of a Python class (a subclass of a builtin type's included). */
  isInstance?: (v: unknown) => boolean;
  /** Whether a tuple or list subclass's prototype has a Python `__eq__` (a builtin base's own is a JS function). */
  ownEq?: (proto: object) => boolean;
  /** Python hash(v) of an unknown object; undefined = hash by identity. Throws for unhashable. */
  hash?: (v: object) => number | bigint | undefined;
} = {};

// ---------------------------------------------------------------------------
// Numbers

/** The numeric value of an int/bool/float (not complex), or undefined. */
function numericValue(v: unknown): number | bigint | undefined {
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return v;
    case 'boolean':
      return v ? 1 : 0;
    case 'object':
      if (v instanceof PyFloat) return v.value;
  }
  return undefined;
}

/** Exact order of two numbers: negative, 0, positive, or NaN when unordered (a NaN). */
function numCompare(a: number | bigint, b: number | bigint): number {
  if (typeof a === 'number') {
    if (typeof b === 'number') return a < b ? -1 : a > b ? 1 : a === b ? 0 : NaN;
    return -bigNumCompare(b, a);
  }
  if (typeof b === 'number') return bigNumCompare(a, b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares an int held as bigint with a JS number exactly (no rounding of the bigint). */
function bigNumCompare(a: bigint, b: number): number {
  if (b !== b) return NaN;
  if (b === Infinity) return -1;
  if (b === -Infinity) return 1;
  const floor = Math.floor(b);
  const fb = BigInt(floor);
  if (a < fb) return -1;
  if (a > fb) return 1;
  return floor === b ? 0 : -1;
}

function numEq(a: number | bigint, b: number | bigint): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  return numCompare(a, b) === 0;
}

// ---------------------------------------------------------------------------
// Equality

/** Python `a == b`. */
export function eq(a: unknown, b: unknown): boolean {
  if (a === b) return true; // (a NaN is never === itself)
  switch (typeof a) {
    case 'string':
      // Only an object (a str subclass, a user __eq__) can equal a str that is not ===.
      return typeof b === 'object' && b !== null && eqSlow(a, b);
    case 'number':
      if (typeof b === 'number') return false;
      break;
    case 'undefined':
      return b === null;
    case 'object':
      if (a === null) return b === undefined;
      // Tuples and lists first: the common value-compared dict keys and set members.
      if (Array.isArray(a) && Array.isArray(b) && a instanceof PyTuple === b instanceof PyTuple && !ownEq(a) && !ownEq(b)) return seqEq(a, b);
  }
  return eqSlow(a, b);
}

function eqSlow(a: unknown, b: unknown): boolean {
  const na = numericValue(a);
  if (na !== undefined) {
    const nb = numericValue(b);
    if (nb !== undefined) return numEq(na, nb);
    if (b instanceof PyComplex) return b.imag === 0 && numEq(na, b.real);
  } else if (a instanceof PyComplex) {
    if (b instanceof PyComplex) return a.real === b.real && a.imag === b.imag;
    const nb = numericValue(b);
    if (nb !== undefined) return a.imag === 0 && numEq(a.real, nb);
  } else if (Array.isArray(a)) {
    if (Array.isArray(b) && a instanceof PyTuple === b instanceof PyTuple && !ownEq(a) && !ownEq(b)) return seqEq(a, b);
  } else if (a instanceof PyBytes) {
    if (b instanceof PyBytes) return bytesEq(a.bytes, b.bytes);
  }
  // A Python subclass of dict, set or frozenset whose class defines __eq__: that decides, as for any instance.
  if (equalityHooks.eq && (ownValueEq(a) || ownValueEq(b))) {
    const hooked = equalityHooks.eq(a, b);
    if (hooked !== undefined) return hooked;
  }
  return valueEq(a, b);
}

function valueEq(a: unknown, b: unknown): boolean {
  if (typeof a === 'object' && a !== null) {
    const own = (a as PyValueProtocol)[$eq]?.(b);
    if (own !== undefined) return own;
  }
  if (typeof b === 'object' && b !== null) {
    const reflected = (b as PyValueProtocol)[$eq]?.(a);
    if (reflected !== undefined) return reflected;
  }
  if (equalityHooks.eq && (isForeign(a) || isForeign(b))) {
    const hooked = equalityHooks.eq(a, b);
    if (hooked !== undefined) return hooked;
  }
  return false;
}

/**
 * `a == b` by the builtin types' own equality, for instances of subclasses
 * of list, tuple, dict, set or frozenset whose classes' `__eq__` declined
 * (NotImplemented): their values compare, their classes are not asked again.
 */
export function builtinEq(a: unknown, b: unknown): boolean {
  if (Array.isArray(a)) return Array.isArray(b) && a instanceof PyTuple === b instanceof PyTuple && seqEq(a, b);
  return a === b || valueEq(a, b);
}

/** A runtime value (a dict, set…) of a Python subclass whose class defines `__eq__`. */
function ownValueEq(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || (v as PyValueProtocol)[$eq] === undefined) return false;
  return equalityHooks.ownEq?.(Object.getPrototypeOf(v) as object) ?? false;
}

/** An object none of the builtin representations covers (a user object, a number type from elsewhere). */
function isForeign(v: unknown): boolean {
  if (typeof v === 'function') return true;
  if (typeof v !== 'object' || v === null) return false;
  if (Array.isArray(v)) return ownEq(v);
  return !(v instanceof PyFloat || v instanceof PyComplex || v instanceof PyBytes);
}

/**
 * Whether a tuple or list is of a Python subclass defining `__eq__` (a
 * mock's `_Call`), which then decides, also inside containers.
 */
function ownEq(v: readonly unknown[]): boolean {
  const proto = Object.getPrototypeOf(v) as object;
  if (proto === PyTuple.prototype || proto === Array.prototype) return false;
  return equalityHooks.ownEq?.(proto) ?? false;
}

/**
 * `==` as containers apply it (CPython's PyObject_RichCompareBool): an object
 * is equal to itself. JS numbers have no identity, so every NaN counts as the
 * same object here — `x in [x]` holds for a NaN x, as it does in CPython.
 */
export function eqItem(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'string') return typeof b === 'object' && b !== null && eq(a, b);
  if (typeof a === 'number' && typeof b === 'number') return a !== a && b !== b;
  return eq(a, b);
}

/** Python `a != b` (for builtins, the negation of ==). */
export function ne(a: unknown, b: unknown): boolean {
  return !eq(a, b);
}

function seqEq(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  // Lengths are re-read each step: an item's __eq__ may shrink either sequence.
  for (let i = 0; i < a.length && i < b.length; i++) {
    if (!eqItem(a[i], b[i])) return false;
  }
  return true;
}

function bytesEq(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// ---------------------------------------------------------------------------
// Order

/** Python `a < b`. */
export function lt(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'string' && typeof b === 'string') return strCompare(a, b) < 0;
  return compare('<', a, b);
}

/** Python `a <= b`. */
export function le(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a <= b;
  if (typeof a === 'string' && typeof b === 'string') return strCompare(a, b) <= 0;
  return compare('<=', a, b);
}

/** Python `a > b`. */
export function gt(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a > b;
  if (typeof a === 'string' && typeof b === 'string') return strCompare(a, b) > 0;
  return compare('>', a, b);
}

/** Python `a >= b`. */
export function ge(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a >= b;
  if (typeof a === 'string' && typeof b === 'string') return strCompare(a, b) >= 0;
  return compare('>=', a, b);
}

const REFLECTED: Record<CompareOp, CompareOp> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

function applyOp(op: CompareOp, c: number): boolean {
  switch (op) {
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
  }
}

/** Python `a <op> b` for any values, with CPython's TypeError when neither side supports it. */
export function compare(op: CompareOp, a: unknown, b: unknown): boolean {
  const na = numericValue(a);
  if (na !== undefined) {
    const nb = numericValue(b);
    if (nb !== undefined) return applyOp(op, numCompare(na, nb));
  } else if (typeof a === 'string') {
    if (typeof b === 'string') return applyOp(op, strCompare(a, b));
  } else if (Array.isArray(a)) {
    if (Array.isArray(b) && a instanceof PyTuple === b instanceof PyTuple) {
      if (isPlainArray(a) && isPlainArray(b)) return seqCompare(op, a, b);
      // A subclass's class may define the comparison (sorted, min, heapq, bisect ask it too).
      const hooked = equalityHooks.compare?.(op, a, b, (x, y) => builtinOrder(op, x, y));
      if (hooked !== undefined) return hooked;
      // Only a Python class's methods decline (a runtime subclass, a struct sequence, compares as a tuple).
      if (!(equalityHooks.isInstance?.(a) ?? false) && !(equalityHooks.isInstance?.(b) ?? false)) return seqCompare(op, a, b);
      throw new TypeError(`'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
    }
  } else if (a instanceof PyBytes) {
    if (b instanceof PyBytes) return applyOp(op, bytesCompare(a.bytes, b.bytes));
  }
  // A Python subclass of set or frozenset (a runtime value with an order of its own): its class's comparison first.
  if (equalityHooks.compare && (subclassValue(a) || subclassValue(b))) {
    const hooked = equalityHooks.compare(op, a, b, (x, y) => builtinOrder(op, x, y));
    if (hooked !== undefined) return hooked;
    // Its class's method and the other operand's declined.
    throw new TypeError(`'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
  }
  if (typeof a === 'object' && a !== null) {
    const own = (a as PyValueProtocol)[$compare]?.(op, b);
    if (own !== undefined) return own;
  }
  if (typeof b === 'object' && b !== null) {
    const reflected = (b as PyValueProtocol)[$compare]?.(REFLECTED[op], a);
    if (reflected !== undefined) return reflected;
  }
  if (equalityHooks.compare && (isForeign(a) || isForeign(b))) {
    const hooked = equalityHooks.compare(op, a, b);
    if (hooked !== undefined) return hooked;
  }
  throw new TypeError(`'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

/**
 * The builtin order of two lists, two tuples, two sets…, whatever their
 * classes define (what list's and set's own `__lt__` compare);
 * NotImplemented for operands it does not take.
 */
export function builtinOrder(op: CompareOp, a: unknown, b: unknown): unknown {
  if (Array.isArray(a)) return Array.isArray(b) && a instanceof PyTuple === b instanceof PyTuple ? seqCompare(op, a, b) : NotImplemented;
  const r = typeof a === 'object' && a !== null ? (a as PyValueProtocol)[$compare]?.(op, b) : undefined;
  return r === undefined ? NotImplemented : r;
}

/** A list or tuple, not of a subclass. */
function isPlainArray(v: readonly unknown[]): boolean {
  // Once a subclass defines an order (subclassOverrides.ts): by the constructor, a load the engine caches.
  return !arrayOverrides.order || v.constructor === Array || v.constructor === PyTuple;
}

/** A runtime value with an order (a set…) of a Python subclass. */
function subclassValue(v: unknown): boolean {
  return typeof v === 'object' && v !== null && (v as PyValueProtocol)[$compare] !== undefined && (equalityHooks.isInstance?.(v) ?? false);
}

/** Lexicographic order: the first items that differ decide, else the lengths. */
export function seqCompare(op: CompareOp, a: readonly unknown[], b: readonly unknown[]): boolean {
  for (let i = 0; i < a.length && i < b.length; i++) {
    const x = a[i];
    const y = b[i];
    // Numbers (NaN aside) and strs are equal exactly when ===, and then order as JS orders numbers and strCompare strs.
    if (typeof x === 'number' && typeof y === 'number' && x === x && y === y) {
      if (x === y) continue;
      return applyOp(op, x < y ? -1 : 1);
    }
    if (typeof x === 'string' && typeof y === 'string') {
      if (x === y) continue;
      return applyOp(op, strCompare(x, y));
    }
    if (!eqItem(x, y)) return compare(op, x, y);
  }
  return applyOp(op, a.length - b.length);
}

function bytesCompare(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/**
 * Orders strings by code point, as Python does. JS's `<` orders UTF-16 code
 * units, which disagrees when an astral character (a surrogate pair, units
 * D800–DFFF) meets a BMP character from U+E000 up.
 */
export function strCompare(a: string, b: string): number {
  if (a === b) return 0;
  const n = a.length < b.length ? a.length : b.length;
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return a.length - b.length;
  let x = a.charCodeAt(i);
  let y = b.charCodeAt(i);
  if (x >= 0xd800 && y >= 0xd800) {
    x = x < 0xe000 ? x + 0x2000 : x - 0x800;
    y = y < 0xe000 ? y + 0x2000 : y - 0x800;
  }
  return x - y;
}

// ---------------------------------------------------------------------------
// Hash: 64-bit values as two int32 halves, so that no BigInt is made on the
// common paths. The halves travel through a typed array rather than as return
// values or arguments: V8 boxes an int32 beyond its small-integer range
// whenever it crosses a call that is not inlined.

/** The hash hashInto last computed: [low, high] int32 halves. Read it right after the call. */
export const lastHash = new Int32Array(2);
const H = lastHash;

/** Python's hash(v): number in the safe range, bigint beyond it. Throws TypeError for unhashable values. */
export function pyHash(v: unknown): number | bigint {
  hashInto(v);
  return bitsToHash(H[1]!, H[0]!);
}

/**
 * A 32-bit hash for bucketing (the low half of Python's hash): equal values
 * have equal hashes. Throws `TypeError: unhashable type: 'list'` as CPython.
 */
export function hash(v: unknown): number {
  // `+ 0`: hash(0.0) is the int 0 (0.0 is -0, values.ts).
  if (typeof v === 'number' && (v | 0) === v) return v === -1 ? -2 : v + 0;
  hashInto(v);
  return H[0]!;
}

/** Computes Python's hash(v) into lastHash. */
export function hashInto(v: unknown): void {
  switch (typeof v) {
    case 'number':
      if (Number.isSafeInteger(v)) return safeIntInto(v + 0);
      return floatInto(v);
    case 'string':
      return stringInto(v);
    case 'boolean':
      H[0] = v ? 1 : 0;
      H[1] = 0;
      return;
    case 'undefined':
      return noneInto();
    case 'bigint':
      return bigInto(v);
    case 'object':
      if (v === null) return noneInto();
      return objectInto(v);
    case 'function': {
      // An instance of a class with `__call__` is a JS function (construction.ts); its `__hash__` decides.
      const hooked = equalityHooks.hash?.(v);
      if (hooked !== undefined) return hashValueInto(hooked);
    }
  }
  identityInto(v as object);
}

function safeIntInto(v: number): void {
  if ((v | 0) === v) {
    H[0] = v === -1 ? -2 : v;
    H[1] = v >> 31;
    return;
  }
  H[0] = v | 0;
  H[1] = Math.floor(v / 4294967296) | 0;
}

/** None hashes by address in CPython 3.11, so any constant will do. */
function noneInto(): void {
  H[0] = 0x1c3a5e7;
  H[1] = 0;
}

function objectInto(v: object): void {
  if (v instanceof PyTuple) {
    // A subclass's own __hash__ decides; else tuple's.
    if (arrayOverrides.hash && v.constructor !== PyTuple && subclassHashInto(v)) return;
    return tupleInto(v);
  }
  if (v instanceof PyFloat) {
    const x = v.value;
    return Number.isSafeInteger(x) ? safeIntInto(x === 0 ? 0 : x) : floatInto(x);
  }
  if (Array.isArray(v)) {
    if (v.constructor !== Array && subclassHashInto(v)) return;
    throw unhashable(v);
  }
  if (v instanceof PyBytes) return bytesInto(v.bytes);
  if (v instanceof PyComplex) return complexInto(v);
  const own = (v as PyValueProtocol)[$hash];
  // An instance of a Python subclass (of frozenset, set, dict…) hashes by its class's __hash__ when it has one.
  if (own !== undefined) return subclassHashInto(v) ? undefined : hashValueInto(own.call(v));
  const hooked = equalityHooks.hash?.(v);
  if (hooked !== undefined) return hashValueInto(hooked);
  identityInto(v);
}

/** Python's hash(v) into lastHash when v's class defines `__hash__` (throws when it sets it to None); false otherwise. */
function subclassHashInto(v: object): boolean {
  const hooked = equalityHooks.hash?.(v);
  if (hooked === undefined) return false;
  hashValueInto(hooked);
  return true;
}

/** The TypeError for hashing an unhashable value. */
export function unhashable(v: unknown): TypeError {
  return new TypeError(`unhashable type: '${typeName(v)}'`);
}

/**
 * True when v may hash by value (tuples, frozensets, …) rather than by
 * identity. Once a hash hook is installed every foreign object counts (the
 * hook is not called here: a __hash__ runs once per lookup, as in CPython).
 */
export function hashesByValue(v: object): boolean {
  return (
    v instanceof PyTuple ||
    v instanceof PyBytes ||
    v instanceof PyComplex ||
    (v as PyValueProtocol)[$hash] !== undefined ||
    equalityHooks.hash !== undefined
  );
}

const identities = new WeakMap<object, number>();
let nextIdentity = 1;

/** Objects without a value hash hash by identity, as CPython's object.__hash__. */
function identityInto(v: object): void {
  let id = identities.get(v);
  if (id === undefined) {
    // Spread as CPython's address-derived hashes are; odd steps never repeat mod 2^32.
    id = Math.imul(nextIdentity++, 0x9e3779b1) | 0;
    identities.set(v, id);
  }
  H[0] = id;
  H[1] = 0;
}

/** A Python-level hash value (number or bigint) into lastHash. */
function hashValueInto(h: number | bigint): void {
  if (typeof h === 'number') {
    H[0] = h | 0;
    H[1] = Math.floor(h / 4294967296) | 0;
    return;
  }
  const u = BigInt.asUintN(64, h);
  H[0] = Number(u & 0xffffffffn) | 0;
  H[1] = Number(u >> 32n) | 0;
}

function bitsToHash(hi: number, lo: number): number | bigint {
  const value = hi * 4294967296 + (lo >>> 0);
  if (Number.isSafeInteger(value)) return value;
  return (BigInt(hi) << 32n) | BigInt(lo >>> 0);
}

const MODULUS = (1n << 61n) - 1n;

/** int beyond the safe range: sign × (|v| mod 2^61−1), −1 becoming −2. */
function bigInto(v: bigint): void {
  const m = (v < 0n ? -v : v) % MODULUS;
  let h = v < 0n ? -m : m;
  if (h === -1n) h = -2n;
  hashValueInto(h);
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const TWO32 = 4294967296;
const TWO61 = 2305843009213693952;

/**
 * CPython's float hash: the value as a rational, reduced modulo P = 2^61−1
 * (so equal ints and floats hash alike). |x| = M·2^E with M < 2^53; since
 * 2^61 ≡ 1 (mod P), M·2^E ≡ M·2^k with k = E mod 61, which is a rotation of
 * M within 61 bits. Every step below is exact in doubles.
 */
function floatInto(x: number): void {
  if (x !== x) {
    // nan hashes by identity in CPython 3.11; a NaN here has none.
    H[0] = 0;
    H[1] = 0;
    return;
  }
  if (x === Infinity || x === -Infinity) {
    H[0] = x > 0 ? 314159 : -314159;
    H[1] = x > 0 ? 0 : -1;
    return;
  }
  const negative = x < 0;
  f64[0] = negative ? -x : x;
  const high = LITTLE_ENDIAN ? u32[1]! : u32[0]!;
  const low = LITTLE_ENDIAN ? u32[0]! : u32[1]!;
  const biased = high >>> 20;
  let mantissa = (high & 0xfffff) * TWO32 + low;
  let exponent: number;
  if (biased === 0) {
    exponent = -1074;
  } else {
    mantissa += 4503599627370496; // 2^52, the implicit bit
    exponent = biased - 1075;
  }
  const k = ((exponent % 61) + 61) % 61;
  const shifted = mantissa * 2 ** k; // exact: only the exponent changes
  const top = Math.floor(shifted / TWO61); // bits pushed past bit 60 wrap to the bottom
  const rest = shifted - top * TWO61;
  // top and rest occupy disjoint bits, so their halves add without carries.
  let lo = ((rest % TWO32) + (top % TWO32)) | 0;
  let hi = (Math.floor(rest / TWO32) + Math.floor(top / TWO32)) | 0;
  if (hi === 0x1fffffff && lo === -1) {
    hi = 0; // 2^61−1 ≡ 0
    lo = 0;
  }
  if (negative) {
    lo = (~lo + 1) | 0;
    hi = (~hi + (lo === 0 ? 1 : 0)) | 0;
    if (hi === -1 && lo === -1) lo = -2;
  }
  H[0] = lo;
  H[1] = hi;
}

/** The high 32 bits of the unsigned product a × b, b given as 16-bit halves (b1, b0). */
function mulHigh(a: number, b1: number, b0: number): number {
  const a1 = a >>> 16;
  const a0 = a & 0xffff;
  const p01 = a0 * b1;
  const p10 = a1 * b0;
  // Every partial product is below 2^32, so each step stays exact.
  const carry = (((a0 * b0) >>> 16) + (p01 & 0xffff) + (p10 & 0xffff)) >>> 16;
  return (a1 * b1 + (p01 >>> 16) + (p10 >>> 16) + carry) | 0;
}

/** The product of two unsigned 64-bit values modulo 2^64, as [low, high] into `out`. */
function mul64(ahi: number, alo: number, bhi: number, blo: number, out: Int32Array): void {
  out[0] = Math.imul(alo, blo);
  out[1] = (mulHigh(alo, blo >>> 16, blo & 0xffff) + Math.imul(ahi, blo) + Math.imul(alo, bhi)) | 0;
}

const PRODUCT = new Int32Array(2);

// xxHash's primes as CPython's tuple hash uses them, split into int32 halves
// (and the low halves into 16-bit pieces for mulHigh).
const XXPRIME_1_HI = 0x9e3779b1 | 0;
const XXPRIME_1_LO = 0x85ebca87 | 0;
const XXPRIME_1_L1 = 0x85eb;
const XXPRIME_1_L0 = 0xca87;
const XXPRIME_2_HI = 0xc2b2ae3d | 0;
const XXPRIME_2_LO = 0x27d4eb4f | 0;
const XXPRIME_2_L1 = 0x27d4;
const XXPRIME_2_L0 = 0xeb4f;
const XXPRIME_5_HI = 0x27d4eb2f | 0;
const XXPRIME_5_LO = 0x165667c5 | 0;
/** XXPRIME_5 ^ 3527539, which CPython adds with the length so that hash(()) keeps its old value. */
const LENGTH_SALT_LO = XXPRIME_5_LO ^ 3527539;

/** CPython's tuple hash (an xxHash-style mix of the item hashes), all in int32 halves. */
function tupleInto(t: readonly unknown[]): void {
  let hi = XXPRIME_5_HI;
  let lo = XXPRIME_5_LO;
  for (let i = 0; i < t.length; i++) {
    const x = t[i];
    let laneLo: number;
    let laneHi: number;
    if (typeof x === 'number' && (x | 0) === x) {
      laneLo = x === -1 ? -2 : x;
      laneHi = x >> 31;
    } else {
      hashInto(x);
      laneLo = H[0]!;
      laneHi = H[1]!;
    }
    // acc += lane * XXPRIME_2
    const mLo = Math.imul(laneLo, XXPRIME_2_LO);
    const mHi = (mulHigh(laneLo, XXPRIME_2_L1, XXPRIME_2_L0) + Math.imul(laneHi, XXPRIME_2_LO) + Math.imul(laneLo, XXPRIME_2_HI)) | 0;
    const sumLo = (lo >>> 0) + (mLo >>> 0);
    hi = (hi + mHi + (sumLo > 0xffffffff ? 1 : 0)) | 0;
    lo = sumLo | 0;
    // acc = rotate_left(acc, 31)
    const rHi = (hi << 31) | (lo >>> 1);
    lo = (lo << 31) | (hi >>> 1);
    hi = rHi;
    // acc *= XXPRIME_1
    const pLo = Math.imul(lo, XXPRIME_1_LO);
    hi = (mulHigh(lo, XXPRIME_1_L1, XXPRIME_1_L0) + Math.imul(hi, XXPRIME_1_LO) + Math.imul(lo, XXPRIME_1_HI)) | 0;
    lo = pLo;
  }
  // acc += len ^ (XXPRIME_5 ^ 3527539); len < 2^32, so the high half added is the salt's.
  const sumLo = (lo >>> 0) + ((t.length ^ LENGTH_SALT_LO) >>> 0);
  hi = (hi + XXPRIME_5_HI + (sumLo > 0xffffffff ? 1 : 0)) | 0;
  lo = sumLo | 0;
  if (hi === -1 && lo === -1) {
    H[0] = 1546275796;
    H[1] = 0;
    return;
  }
  H[0] = lo;
  H[1] = hi;
}

/** CPython's complex hash: hash(real) + 1000003·hash(imag), modulo 2^64. */
function complexInto(c: PyComplex): void {
  floatOrIntInto(c.imag);
  mul64(H[1]!, H[0]!, 0, 1000003, PRODUCT);
  floatOrIntInto(c.real);
  const sumLo = (H[0]! >>> 0) + (PRODUCT[0]! >>> 0);
  const hi = (H[1]! + PRODUCT[1]! + (sumLo > 0xffffffff ? 1 : 0)) | 0;
  const lo = sumLo | 0;
  H[0] = hi === -1 && lo === -1 ? -2 : lo;
  H[1] = hi;
}

function floatOrIntInto(x: number): void {
  if (x === 0) {
    H[0] = 0;
    H[1] = 0;
  } else if (Number.isSafeInteger(x)) safeIntInto(x);
  else floatInto(x);
}

/** A fast string hash (CPython's is randomised per process, so no value is expected). */
function stringInto(s: string): void {
  const n = s.length;
  if (n === 0) {
    H[0] = 0;
    H[1] = 0;
    return;
  }
  let h = 0x811c9dc5 ^ n;
  for (let i = 0; i < n; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  H[0] = h;
  H[1] = Math.imul(h ^ (h >>> 13), 0x2c1b3c6d);
}

function bytesInto(b: Uint8Array): void {
  const n = b.length;
  if (n === 0) {
    H[0] = 0;
    H[1] = 0;
    return;
  }
  let h = 0x811c9dc5 ^ n;
  for (let i = 0; i < n; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
  h ^= h >>> 16;
  H[0] = h;
  H[1] = Math.imul(h ^ (h >>> 13), 0x2c1b3c6d);
}

/**
 * CPython's frozenset hash from its members' hashes, given as [low, high]
 * int32 pairs: an order-independent xor of shuffled member hashes, then a
 * final mix.
 */
export function frozensetHash(hashes: Int32Array, count: number): number | bigint {
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < count; i++) {
    // ((h ^ 89869747) ^ (h << 16)) * 3644798167
    const l0 = hashes[2 * i]!;
    const h0 = hashes[2 * i + 1]!;
    const xHi = h0 ^ ((h0 << 16) | (l0 >>> 16));
    const xLo = l0 ^ 89869747 ^ (l0 << 16);
    mul64(xHi, xLo, 0, 3644798167 | 0, PRODUCT);
    lo ^= PRODUCT[0]!;
    hi ^= PRODUCT[1]!;
  }
  // hash ^= (len + 1) * 1927868237
  mul64(0, count + 1, 0, 1927868237, PRODUCT);
  lo ^= PRODUCT[0]!;
  hi ^= PRODUCT[1]!;
  // hash ^= (hash >> 11) ^ (hash >> 25)   (logical shifts)
  const s11Lo = (lo >>> 11) | (hi << 21);
  const s11Hi = hi >>> 11;
  const s25Lo = (lo >>> 25) | (hi << 7);
  const s25Hi = hi >>> 25;
  lo ^= s11Lo ^ s25Lo;
  hi ^= s11Hi ^ s25Hi;
  // hash = hash * 69069 + 907133923
  mul64(hi, lo, 0, 69069, PRODUCT);
  const sumLo = (PRODUCT[0]! >>> 0) + 907133923;
  hi = (PRODUCT[1]! + (sumLo > 0xffffffff ? 1 : 0)) | 0;
  lo = sumLo | 0;
  if (hi === -1 && lo === -1) return 590923713;
  return bitsToHash(hi, lo);
}
