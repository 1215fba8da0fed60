/**
 * What the str module needs from types it does not own: subscription
 * (`'{0[k]}'.format`, `%(k)s`, translate), attribute access (`'{0.attr}'`)
 * and dicts (maketrans). The defaults cover the builtin containers (dict,
 * list, tuple, str, bytes; JS Maps too); the hooks let the modules that own
 * other objects answer first.
 */
import { KeyError, TypeError, attributeNotFound } from '../exceptions.js';
import { PyBytes, PyTuple, typeName } from '../values.js';
import { bytesGetItem } from '../bytes.js';
import { PyDict, dictGetItem, dict_items } from '../dict.js';
import { listGetItem } from '../list.js';
import { tupleGetItem } from '../tuple.js';
import { strGetItem } from './core.js';

export const strHooks: {
  /** `getattr(obj, name)` ('{0.name}' in str.format): attributes.ts's getattr. */
  getattr?: (obj: unknown, name: string) => unknown;
  /** `obj[key]` for objects the defaults do not know; undefined falls back to them. */
  getitem?: (obj: unknown, key: unknown) => unknown;
  /** Whether `obj` supports `obj[key]` (a user class with __getitem__), as `%` tests for a mapping. */
  isMapping?: (obj: unknown) => boolean;
} = {};

export function getattr(obj: unknown, name: string): unknown {
  if (strHooks.getattr) return strHooks.getattr(obj, name);
  throw attributeNotFound(`'${typeName(obj)}' object has no attribute '${name}'`, name, obj);
}

/** `obj[key]` for the builtin containers, through the hook first. */
export function getitem(obj: unknown, key: unknown): unknown {
  if (strHooks.getitem) {
    const v = strHooks.getitem(obj, key);
    if (v !== undefined) return v;
  }
  if (obj instanceof PyTuple) return tupleGetItem(obj, key);
  if (Array.isArray(obj)) return listGetItem(obj, key);
  if (obj instanceof PyDict) return dictGetItem(obj, key);
  if (typeof obj === 'string') return strGetItem(obj, key);
  if (obj instanceof PyBytes) return bytesGetItem(obj, key);
  if (obj instanceof Map) {
    if (obj.has(key)) return obj.get(key);
    throw new KeyError(key);
  }
  throw new TypeError(`'${typeName(obj)}' object is not subscriptable`);
}

/** The items of a dict (or JS Map), or null for anything else. */
export function dictItems(obj: unknown): Iterable<readonly [unknown, unknown]> | null {
  if (obj instanceof PyDict) return Array.from(dict_items(obj), (item) => [item[0], item[1]] as const);
  return obj instanceof Map ? (obj as Map<unknown, unknown>).entries() : null;
}

/** Whether `%` takes `obj` as its mapping: subscriptable and neither a tuple nor a str. */
export function isMapping(obj: unknown): boolean {
  if (strHooks.isMapping?.(obj)) return true;
  if (obj instanceof PyTuple || typeof obj === 'string') return false;
  return obj instanceof PyDict || Array.isArray(obj) || obj instanceof Map || obj instanceof PyBytes;
}
