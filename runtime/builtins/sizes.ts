/**
 * What `__sizeof__` answers: CPython 3.11's sizes on a 64-bit build, worked
 * out from the value rather than measured. object's method is the type's
 * fixed size (`tp_basicsize`) plus its item size times the item count; int,
 * str, bytes, list, dict, set, frozenset and bytearray have their own.
 *
 * Where CPython's answer depends on the value's history rather than on the
 * value, these assume the plainest one: a list has room for its items and no
 * more (appending over-allocates in CPython), a dict or set grew by single
 * insertions (a copy, a set display of constants or a deletion leaves
 * CPython's table another size), a bytearray's buffer is its length plus
 * one. A str subclass's instance counts as its value does as a str.
 */
import { bitLength } from './numbers/core.js';
import { builtinClasses, mroOf, object, ownInfo, pyClassOf, type PyClass } from './classes/model.js';

const POINTER = 8;

/** tp_basicsize of builtin types, by name (an exception class not listed has its nearest listed base's). */
const BASIC_SIZES = new Map<string, number>([
  ['object', 16], ['int', 24], ['bool', 24], ['float', 24], ['complex', 32], ['str', 80], ['bytes', 33], ['tuple', 24],
  ['list', 40], ['dict', 48], ['set', 200], ['frozenset', 200], ['bytearray', 56], ['range', 48], ['slice', 40],
  ['memoryview', 144], ['NoneType', 16], ['ellipsis', 16], ['NotImplementedType', 16], ['function', 136],
  ['builtin_function_or_method', 56], ['property', 64], ['staticmethod', 32], ['classmethod', 32],
  ['BaseException', 72], ['StopIteration', 80], ['SystemExit', 80], ['OSError', 112], ['ImportError', 96], ['SyntaxError', 136],
  ['NameError', 80], ['AttributeError', 88], ['UnicodeDecodeError', 112], ['UnicodeEncodeError', 112],
  ['UnicodeTranslateError', 112], ['BaseExceptionGroup', 88], ['ExceptionGroup', 96],
]);

/** Builtin types whose instances have a weak-reference slot already: a subclass adds none. */
const WEAKREFERENCED = new Set(['set', 'frozenset', 'memoryview', 'function', 'ExceptionGroup']);

/**
 * Whether a class is one of CPython's C types, whose size BASIC_SIZES gives
 * or its nearest base's does: the builtin types, and the builtin exceptions
 * (`isBuiltinException`, set by the module that knows them).
 */
export const sizeHooks: { isBuiltinException: (cls: PyClass) => boolean } = { isBuiltinException: () => false };

function isCType(c: PyClass): boolean {
  return c === object || builtinClasses.has(c) || sizeHooks.isBuiltinException(c);
}

/** The names in a class's own `__slots__` that take room (`__dict__` and `__weakref__` are counted apart), and whether it asks for `__weakref__`. */
function ownSlots(cls: PyClass): { count: number; weakref: boolean } | null {
  const slots = ownInfo(cls)?.dict.get('__slots__');
  if (slots === undefined) return null;
  const names: unknown[] = typeof slots === 'string' ? [slots] : Array.isArray(slots) ? slots : [...(slots as Iterable<unknown>)];
  let count = 0;
  for (const n of names) if (n !== '__dict__' && n !== '__weakref__') count++;
  return { count, weakref: names.includes('__weakref__') };
}

/**
 * tp_basicsize of a class: its nearest C type's, plus a pointer per slot of
 * the classes above it and one for `__weakref__` if they give instances one
 * (a class without `__slots__` does; the `__dict__` costs nothing in 3.11).
 */
export function basicSize(cls: PyClass): number {
  let slots = 0;
  let weakref = false;
  for (const c of mroOf(cls)) {
    if (isCType(c)) {
      const name = String(c.__name__);
      const size = BASIC_SIZES.get(name);
      if (size === undefined) continue;
      return size + slots * POINTER + (weakref && !WEAKREFERENCED.has(name) ? POINTER : 0);
    }
    // A Python class, or a runtime class CPython writes in Python (asyncio.Queue): slots, or a dict and a weakref.
    const own = ownInfo(c) !== undefined && !builtinClasses.has(c) && ownInfo(c)!.prototypeMethods !== true ? ownSlots(c) : null;
    if (own === null) weakref = true;
    else {
      slots += own.count;
      if (own.weakref) weakref = true;
    }
  }
  return 16 + slots * POINTER + (weakref ? POINTER : 0);
}

/** The number of 30-bit digits of an int (0 has none). */
export function intDigits(n: number | bigint | boolean): number {
  if (typeof n === 'boolean') return n ? 1 : 0;
  if (n === 0 || n === 0n) return 0;
  const big = typeof n === 'bigint' ? n : BigInt(n);
  return Math.ceil(bitLength(big < 0n ? -big : big) / 30);
}

/** int.__sizeof__: at least one digit, whatever the class. */
export function intSize(n: number | bigint | boolean): number {
  return 24 + 4 * Math.max(1, intDigits(n));
}

/** str.__sizeof__: a compact ASCII, Latin-1, UCS-2 or UCS-4 string with its terminator. */
export function strSize(s: string): number {
  let max = 0;
  let length = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp > max) max = cp;
    length++;
  }
  if (max < 128) return 48 + length + 1;
  const kind = max < 256 ? 1 : max < 65536 ? 2 : 4;
  return 72 + (length + 1) * kind;
}

/** The size of a dict's keys table holding `count` items (none for an empty dict, which shares one). */
export function dictTableSize(count: number, allStrKeys: boolean): number {
  if (count === 0) return 0;
  // Grown by insertion: 8 slots, then GROWTH_RATE (3 × used) rounded up to a power of two when the usable ones run out.
  let log2 = 3;
  let used = 0;
  while (used < count) {
    const usable = ((1 << log2) * 2) / 3 | 0;
    if (count <= usable) break;
    used = usable;
    log2 = Math.max(3, Math.ceil(Math.log2(3 * used + 1)));
  }
  const slots = 1 << log2;
  const usable = (slots * 2) / 3 | 0;
  const indexBytes = log2 < 8 ? 1 : log2 < 16 ? 2 : log2 < 32 ? 4 : 8;
  return 32 + slots * indexBytes + usable * (allStrKeys ? 16 : 24);
}

/** The size of a set's table beyond the 8 entries its object holds, for `count` items added one by one. */
export function setTableSize(count: number): number {
  let slots = 8;
  let fill = 0;
  while (fill < count) {
    fill++;
    // set_add_entry: resize once the table is 3/5 full, to four times the items (rounded up to a power of two).
    if (fill * 5 >= (slots - 1) * 3) {
      let size = 8;
      while (size <= fill * 4) size <<= 1;
      slots = size;
    }
  }
  return slots > 8 ? slots * 16 : 0;
}

/** The fixed size of a builtin container or of its subclass's instance (which the subclass's slots may enlarge). */
function fixedSize(self: object, builtin: number): number {
  const cls = pyClassOf(self);
  return cls === undefined ? builtin : basicSize(cls);
}

/** list.__sizeof__: room for its items. */
export function listSize(self: unknown[]): number {
  return fixedSize(self, 40) + POINTER * self.length;
}

/** dict.__sizeof__, for `count` items (16-byte entries when every key is a str, 24-byte ones otherwise). */
export function dictSize(self: object, count: number, allStrKeys: boolean): number {
  return fixedSize(self, 48) + dictTableSize(count, allStrKeys);
}

/** set.__sizeof__ and frozenset's. */
export function setSize(self: object, count: number): number {
  return fixedSize(self, 200) + setTableSize(count);
}

/** bytearray.__sizeof__: its buffer holds the bytes and a terminator, once it holds any. */
export function byteArraySize(self: object, length: number): number {
  return fixedSize(self, 56) + (length > 0 ? length + 1 : 0);
}

/** bytes.__sizeof__ (a subclass's instance is counted as its value). */
export function bytesSize(length: number): number {
  return 33 + length;
}
