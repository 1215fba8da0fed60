/**
 * What compiled displays and comprehensions build: `{k: v}`, `{**m}`,
 * `{a, b}`, and `f(**m)`'s keywords.
 */
import { PyDict, dictSetItem, mappingPairs } from './dict.js';
import { PySet, setDisplay } from './set.js';
import { BASE_VALUE, PyStrBox, typeName } from './values.js';
import { TypeError } from './exceptions.js';

/** `{k1: v1, **m, k2: v2}`: entries as [key, value] pairs, in order. */
export function dictOf(entries: ReadonlyArray<readonly [unknown, unknown]>): PyDict {
  const d = new PyDict();
  for (const [k, v] of entries) dictSetItem(d, k, v);
  return d;
}

/** `{k1: v1, k2: v2}` without `**`: keys and values alternating, in order. */
export function dictFlat(kvs: readonly unknown[]): PyDict {
  const d = new PyDict();
  for (let i = 0; i < kvs.length; i += 2) d.$set(kvs[i], kvs[i + 1]);
  return d;
}

/**
 * `locals()` in a function: CPython 3.11 keeps one dict per call of the
 * function and refreshes it at each locals(), so `frame` is that dict (or
 * undefined before the first). Names and values alternate in `kvs`; a bound
 * variable is set (in place, keeping its position), an unbound one
 * (undefined) is removed, and keys code added to the dict stay.
 */
export function localsOf(frame: PyDict | undefined, kvs: readonly unknown[]): PyDict {
  const d = frame ?? new PyDict();
  for (let i = 0; i < kvs.length; i += 2) {
    const v = kvs[i + 1];
    if (v !== undefined) d.$set(kvs[i], v);
    else d.$delete(kvs[i]);
  }
  return d;
}

/** The [key, value] pairs of a mapping unpacked with `**` in a dict display. */
export function dictItems(mapping: unknown): Array<[unknown, unknown]> {
  const pairs = mappingPairs(mapping);
  if (pairs === null) throw new TypeError(`'${typeName(mapping)}' object is not a mapping`);
  return pairs;
}

/** `f(**m)`: the mapping's items as a keywords object (keys must be strings). */
export function kwargs(mapping: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of dictItems(mapping)) {
    // A str subclass's instance names its keyword by its value, as in CPython.
    const k = key instanceof PyStrBox ? key[BASE_VALUE] : key;
    if (typeof k !== 'string') throw new TypeError('keywords must be strings');
    out[k] = v;
  }
  return out;
}

/** `{a, b, c}`; `constants`: all items are literals, which CPython builds from a frozenset (its order differs). */
export function setOf(items: readonly unknown[], constants = false): PySet {
  return setDisplay(items, constants);
}

export function setAdd(s: PySet, x: unknown): void {
  s.$add(x);
}

export function dictSet(d: PyDict, k: unknown, v: unknown): void {
  dictSetItem(d, k, v);
}
