/**
 * Python's operator.index(): the int an object stands for where Python
 * needs an integer (chr, hex, sequence repetition, indices). bool is an
 * int; other objects answer through their type's `__index__`.
 */
import { TypeError } from '../exceptions.js';
import { BASE_VALUE, PyIntBox, isInt, isIntNumber, typeName } from '../values.js';
import { callSpecial, hasSpecial } from '../special.js';

export function pyIndex(v: unknown): number | bigint {
  if (typeof v === 'number') {
    if (isIntNumber(v)) return v;
  } else if (typeof v === 'boolean') return v ? 1 : 0;
  else if (typeof v === 'bigint') return v;
  // An int subclass's instance is its int value, whatever its class's __index__ says (CPython's _PyNumber_Index).
  else if (v instanceof PyIntBox) return v[BASE_VALUE] as number | bigint;
  else if (typeof v === 'object' && v !== null && hasSpecial(v, '__index__')) {
    const r = callSpecial(v, '__index__');
    if (typeof r === 'boolean') return r ? 1 : 0;
    if (isInt(r)) return r as number | bigint;
    throw new TypeError(`__index__ returned non-int (type ${typeName(r)})`);
  }
  throw new TypeError(`'${typeName(v)}' object cannot be interpreted as an integer`);
}

/** The int of an object whose type defines `__index__`; undefined for anything else (the caller raises its own TypeError). */
export function userIndex(v: unknown): number | bigint | undefined {
  if (v instanceof PyIntBox) return v[BASE_VALUE] as number | bigint;
  if (typeof v !== 'object' || v === null || !hasSpecial(v, '__index__')) return undefined;
  return pyIndex(v);
}
