/**
 * Whether any Python class deriving from a builtin container has defined a
 * special method that the container's fast paths would otherwise bypass.
 * While a flag is off, every list or tuple with such a class behaves as the
 * exact type does, so `len(x)`, `if x:`, `a, b = x`, hashing and ordering
 * skip telling a subclass's instance from an exact list or tuple (a load of
 * its constructor per call, which showed in list-heavy programs). Flags only
 * turn on: when such a class is made (its own namespace or a base's), or
 * when one of these names is assigned on a class that is, or is a base of,
 * such a class. Imports nothing, so that any module may read it first.
 */

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
        arrayOverrides.len = true;
        arrayOverrides.truth = true;
        break;
      case '__bool__':
        arrayOverrides.truth = true;
        break;
      case '__iter__':
        arrayOverrides.iter = true;
        break;
      case '__hash__':
      case '__eq__':
        arrayOverrides.hash = true;
        break;
      case '__lt__':
      case '__le__':
      case '__gt__':
      case '__ge__':
        arrayOverrides.order = true;
        break;
    }
  } else if (family === 'mapping' && name === '__len__') {
    mappingOverrides.len = true;
  }
}
