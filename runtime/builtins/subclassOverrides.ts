/**
 * Whether any Python class deriving from a builtin container has defined a
 * special method that the container's fast paths would otherwise bypass.
 * While a flag is off, every list or tuple with such a class behaves as the
 * exact type does, so `len(x)`, `if x:`, `a, b = x`, hashing and ordering
 * skip telling a subclass's instance from an exact list or tuple (a load of
 * its constructor per call, which showed in list-heavy programs). Flags only
 * turn on: when such a class is made (its own namespace or a base's), or
 * when one of these names is assigned on a class that is, or is a base of,
 * such a class. Imports only values.ts (which imports nothing), so that any
 * module may read it first.
 *
 * The hottest fast paths (truth, len, unpacking, PySequence_Fast) do not
 * even read a flag: they call an array test held in a module variable,
 * Array.isArray until the flag turns on and isExactArray after
 * (whenOverridden), so their bytecode stays as small as TurboFan's
 * always-inline limit wants it.
 */
import { PyTuple } from './values.js';

/** Python subclasses of list or tuple. */
export const arrayOverrides = {
  /** `__bool__` or `__len__` (truth). */
  truth: false,
  /** `__len__`. */
  len: false,
  /** `__iter__` (unpacking, `*x`, join, tuple(), list.extend…). */
  iter: false,
  /** `__hash__`, or `__eq__`, which sets it to None. */
  hash: false,
  /** `__lt__`, `__le__`, `__gt__`, `__ge__` (sorted, min, heapq…). */
  order: false,
};

/** Python subclasses of dict, set or frozenset. */
export const mappingOverrides = {
  /** `__len__`. */
  len: false,
};

type ArrayFlag = keyof typeof arrayOverrides;
type Flag = ArrayFlag | 'mappingLen';

const listeners: Record<Flag, Array<() => void>> = { truth: [], len: [], iter: [], hash: [], order: [], mappingLen: [] };

function isOn(flag: Flag): boolean {
  return flag === 'mappingLen' ? mappingOverrides.len : arrayOverrides[flag];
}

/** Runs `turnOn` when the flag turns on (now, if it is on already). */
export function whenOverridden(flag: Flag, turnOn: () => void): void {
  if (isOn(flag)) turnOn();
  else listeners[flag].push(turnOn);
}

function setFlag(flag: Flag): void {
  if (isOn(flag)) return;
  if (flag === 'mappingLen') mappingOverrides.len = true;
  else arrayOverrides[flag] = true;
  for (const f of listeners[flag]) f();
  listeners[flag].length = 0;
}

/** A list or tuple, not of a subclass: told by its constructor, a load the engine caches for each kind of array. */
export function isExactArray(v: unknown): v is unknown[] {
  return Array.isArray(v) && (v.constructor === Array || v.constructor === PyTuple);
}

/** The special methods the flags watch. */
export const WATCHED_NAMES: ReadonlySet<string> = new Set(['__bool__', '__len__', '__iter__', '__hash__', '__eq__', '__lt__', '__le__', '__gt__', '__ge__']);

/** The JS constructors of dict, set and frozenset (dict.ts and set.ts register them). */
const mappingNatives = new Set<Function>();

export function registerMappingNative(ctor: Function): void {
  mappingNatives.add(ctor);
}

/** The container family whose instances a class with this native constructor has, or null. */
function familyOf(native: Function | null): 'array' | 'mapping' | null {
  if (native === null) return null;
  if (native === Array || native.prototype instanceof Array) return 'array';
  for (let p: unknown = native; typeof p === 'function'; p = Object.getPrototypeOf(p)) if (mappingNatives.has(p as Function)) return 'mapping';
  return null;
}

/** Records that a class whose instances are made by `native` defines (or inherits) `name`. */
export function noteOverride(native: Function | null, name: string): void {
  const family = familyOf(native);
  if (family === 'array') {
    switch (name) {
      case '__len__':
        setFlag('len');
        setFlag('truth');
        break;
      case '__bool__':
        setFlag('truth');
        break;
      case '__iter__':
        setFlag('iter');
        break;
      case '__hash__':
      case '__eq__':
        setFlag('hash');
        break;
      case '__lt__':
      case '__le__':
      case '__gt__':
      case '__ge__':
        setFlag('order');
        break;
    }
  } else if (family === 'mapping' && name === '__len__') {
    setFlag('mappingLen');
  }
}
