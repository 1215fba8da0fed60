/**
 * The runtime side of `match` statements. The compiler turns each pattern
 * into tests and bindings; these helpers do the parts CPython does in one
 * instruction: is the subject a sequence (MATCH_SEQUENCE) or a mapping
 * (MATCH_MAPPING), the values of a mapping's keys (MATCH_KEYS), the
 * attributes a class pattern reads (MATCH_CLASS).
 */
import { PyTuple, typeName } from './values.js';
import { AttributeError, TypeError, ValueError } from './exceptions.js';
import { PyDict, dict_copy } from './dict.js';
import { repr } from './repr.js';
import { PyRange } from './range.js';
import { getattr, callMethod } from './attributes.js';
import { isClassLike, pyClassOf } from './classes.js';
import { PyAnySet } from './set.js';
import { bool, bytearray, bytes, dict, float, frozenset, int, list, set, str, tuple } from './functions.js';
import { isinstance, issubclass } from './types.js';
import { iterate, unpack } from './iteration.js';
import { instanceLen } from './dunders.js';
import { isExactArray } from './subclassOverrides.js';

/** Types whose instances sequence patterns match besides list, tuple and range (collections.abc.Sequence's, deque…). */
const sequenceTypes: Function[] = [];
/** Types whose instances mapping patterns match besides dict. */
const mappingTypes: Function[] = [];

/** Makes sequence patterns match instances of `cls` (as CPython's Py_TPFLAGS_SEQUENCE does). */
export function registerSequenceType(cls: Function): void {
  sequenceTypes.push(cls);
}

/** Makes mapping patterns match instances of `cls` (as CPython's Py_TPFLAGS_MAPPING does). */
export function registerMappingType(cls: Function): void {
  mappingTypes.push(cls);
}

/** The items of a sequence (never a str, bytes or bytearray), or null when `subject` is not one. */
function sequenceItems(subject: unknown, length: number, atLeast: boolean): readonly unknown[] | null {
  let items: readonly unknown[];
  if (isExactArray(subject)) {
    items = subject;
  } else if (Array.isArray(subject)) {
    // A subclass's instance: its length as len() gives it, then its items as unpacking iterates them (CPython's GET_LEN, UNPACK_SEQUENCE).
    const n = instanceLen(subject);
    if (atLeast ? n < length : n !== length) return null;
    if (!atLeast) return unpack(subject, length);
    items = [...iterate(subject)];
    if (items.length < length) throw new ValueError(`not enough values to unpack (expected at least ${length}, got ${items.length})`);
    return items;
  } else if (subject instanceof PyRange) {
    const n = subject.length;
    if (atLeast ? n < length : n !== length) return null;
    items = [...subject];
  } else if (sequenceTypes.some((c) => subject instanceof (c as new () => unknown))) {
    items = [...iterate(subject)];
  } else {
    return null;
  }
  return (atLeast ? items.length >= length : items.length === length) ? items : null;
}

/** `case [p1, p2]`: the items of a sequence of exactly `length` items, else null. */
export function matchSequence(subject: unknown, length: number): readonly unknown[] | null {
  return sequenceItems(subject, length, false);
}

/** `case [p1, *rest, p2]`: the items of a sequence of at least `length` items, else null. */
export function matchSequenceAtLeast(subject: unknown, length: number): readonly unknown[] | null {
  return sequenceItems(subject, length, true);
}

/** The list a star pattern captures: the items between the first `before` and the last `after`. */
export function sequenceRest(items: readonly unknown[], before: number, after: number): unknown[] {
  // A loop, not slice(): slicing a tuple would make a tuple.
  const rest: unknown[] = [];
  for (let i = before; i < items.length - after; i++) rest.push(items[i]);
  return rest;
}

function isMapping(subject: unknown): boolean {
  return subject instanceof PyDict || mappingTypes.some((c) => subject instanceof (c as new () => unknown));
}

/** `case {k1: p1, k2: p2}`: whether `subject` is a mapping with at least `length` items. */
export function matchMapping(subject: unknown, length: number): boolean {
  if (subject instanceof PyDict) return subject.$size >= length;
  if (!isMapping(subject)) return false;
  return length === 0 || (callMethod(subject, '__len__') as number) >= length;
}

const MISSING = Symbol('missing');

/**
 * The values of `keys` in a mapping (after matchMapping), or null when one is
 * missing. Keys are looked up as `mapping.get(key)` does: a dict subclass's
 * `__missing__` is not called.
 */
export function mappingValues(subject: unknown, keys: readonly unknown[]): unknown[] | null {
  if (keys.length > 1) checkDuplicateKeys(keys);
  const values: unknown[] = [];
  const plain = subject instanceof PyDict && Object.getPrototypeOf(subject) === PyDict.prototype;
  for (const key of keys) {
    const value = plain ? (subject as PyDict).$get(key, MISSING) : callMethod(subject, 'get', key, MISSING);
    if (value === MISSING) return null;
    values.push(value);
  }
  return values;
}

function checkDuplicateKeys(keys: readonly unknown[]): void {
  const seen = new PyDict();
  for (const key of keys) {
    if (seen.$has(key)) throw new ValueError(`mapping pattern checks duplicate key (${repr(key)})`);
    seen.$set(key, null);
  }
}

/** `**rest` in a mapping pattern: a dict of the subject's items but `keys`. */
export function mappingRest(subject: unknown, keys: readonly unknown[]): PyDict {
  let rest: PyDict;
  if (subject instanceof PyDict) {
    rest = dict_copy(subject);
  } else {
    rest = new PyDict();
    for (const key of iterate(subject)) rest.$set(key, callMethod(subject, '__getitem__', key));
  }
  for (const key of keys) rest.$delete(key);
  return rest;
}

/** Builtin types whose class pattern with one positional sub-pattern matches the subject itself (`case int(x)`). */
const MATCH_SELF = new Set<unknown>([bool, bytearray, bytes, dict, float, frozenset, int, list, set, str, tuple]);

function isType(v: unknown): boolean {
  return MATCH_SELF.has(v) || isClassLike(v);
}

function className(cls: unknown): string {
  const c = cls as { __name__?: unknown; name?: unknown };
  return String(c.__name__ ?? c.name);
}

function checkType(cls: unknown): void {
  if (!isType(cls)) throw new TypeError('called match pattern must be a type');
}

/** `case Cls()`: whether `subject` is an instance of `cls`. */
export function matchType(subject: unknown, cls: unknown): boolean {
  checkType(cls);
  return isInstance(subject, cls);
}

/** isinstance, with the common case first: a class whose prototype chain the instance is on. */
function isInstance(subject: unknown, cls: unknown): boolean {
  return (subject instanceof (cls as Function) && typeof subject === 'object') || isinstance(subject, cls);
}

/** `cls.__match_args__`: usually a tuple on the class's prototype (where class attributes live). */
function matchArgsOf(cls: unknown): unknown {
  const own = ((cls as { prototype?: Record<string, unknown> }).prototype)?.['__match_args__'];
  return own instanceof PyTuple ? own : getattr(cls, '__match_args__', MISSING);
}

/**
 * `case Cls(p1, p2, k1=p3)`: the values the sub-patterns match — the
 * attributes `Cls.__match_args__` names for the `positional` ones, then the
 * `keywords` attributes — or null when `subject` is not an instance of
 * `cls` or lacks one of the attributes.
 */
export function matchClass(subject: unknown, cls: unknown, positional: number, keywords: readonly string[]): unknown[] | null {
  checkType(cls);
  if (!isInstance(subject, cls)) return null;
  const values: unknown[] = [];
  // The attribute names read so far (a pattern names few: an array beats a Set).
  const seen: string[] = [];
  if (positional > 0) {
    // The builtin types have no __match_args__: skip the failing lookup.
    const matchArgs = MATCH_SELF.has(cls) ? MISSING : matchArgsOf(cls);
    if (matchArgs !== MISSING && !(matchArgs instanceof PyTuple)) {
      throw new TypeError(`${className(cls)}.__match_args__ must be a tuple (got ${typeName(matchArgs)})`);
    }
    const matchSelf = matchArgs === MISSING && matchesSelf(cls);
    const allowed = matchSelf ? 1 : matchArgs === MISSING ? 0 : (matchArgs as PyTuple).length;
    if (allowed < positional) {
      throw new TypeError(`${className(cls)}() accepts ${allowed} positional sub-pattern${allowed === 1 ? '' : 's'} (${positional} given)`);
    }
    if (matchSelf) {
      values.push(subject);
    } else {
      for (let i = 0; i < positional; i++) {
        const name = (matchArgs as PyTuple)[i];
        if (typeof name !== 'string') throw new TypeError(`__match_args__ elements must be strings (got ${typeName(name)})`);
        if (!attribute(subject, cls, name, seen, values)) return null;
      }
    }
  }
  for (const name of keywords) {
    if (!attribute(subject, cls, name, seen, values)) return null;
  }
  return values;
}

/** The builtin types in MATCH_SELF and their subclasses (CPython's inherited _Py_TPFLAGS_MATCH_SELF). */
function matchesSelf(cls: unknown): boolean {
  if (MATCH_SELF.has(cls)) return true;
  for (const builtin of MATCH_SELF) if (issubclass(cls, builtin)) return true;
  return false;
}

/**
 * An instance of a Python class with no builtin base, whose own JS
 * properties are exactly its instance attributes (its class's properties
 * live on the prototype, so none hides behind them): the fast path of
 * attribute reads.
 */
function isPlainInstance(v: unknown): v is object {
  return pyClassOf(v) !== undefined && !Array.isArray(v) && !(v instanceof Error) && !(v instanceof PyDict) && !(v instanceof PyAnySet);
}

/** Reads one attribute for a class pattern into `values`; false when the subject has none. */
function attribute(subject: unknown, cls: unknown, name: string, seen: string[], values: unknown[]): boolean {
  if (seen.includes(name)) throw new TypeError(`${className(cls)}() got multiple sub-patterns for attribute '${name}'`);
  seen.push(name);
  if (isPlainInstance(subject) && Object.hasOwn(subject, name)) {
    values.push((subject as Record<string, unknown>)[name]);
    return true;
  }
  try {
    values.push(getattr(subject, name));
    return true;
  } catch (e) {
    if (e instanceof AttributeError) return false;
    throw e;
  }
}
