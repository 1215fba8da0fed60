/**
 * Python's `bisect` module, as its C implementation behaves: bisect_left /
 * bisect_right (bisect) and insort_left / insort_right (insort), with
 * `lo`, `hi` and the keyword-only `key` of 3.10+. Its exports are exactly
 * the module's attributes.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { ValueError } from '../builtins/exceptions.js';
import { lt } from '../builtins/equality.js';
import { getitem } from '../builtins/items.js';
import { len } from '../builtins/functions.js';
import { callMethod } from '../builtins/attributes.js';
import { asFunction } from '../builtins/invoke.js';
import { toIndex } from './support/math/args.js';
import { clinicFunction } from './support/pydef.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './bisect.js';

export const __name__ = 'bisect';
loadedModules.$set('bisect', self);

function bounds(a: unknown, lo: unknown, hi: unknown): [number, number] {
  const low = lo === undefined ? 0 : Number(toIndex(lo));
  if (low < 0) throw new ValueError('lo must be non-negative');
  let high = hi === undefined || hi === null ? -1 : Number(toIndex(hi));
  if (high === -1) high = Number(len(a));
  return [low, high];
}

function search(right: boolean, a: unknown, x: unknown, lo: unknown, hi: unknown, key: unknown): number {
  let [low, high] = bounds(a, lo, hi);
  const keyOf = key === undefined || key === null ? null : asFunction(key);
  const fast = Array.isArray(a) ? a : null;
  while (low < high) {
    const mid = (low + high) >>> 1;
    let item = fast !== null && mid < fast.length ? fast[mid] : getitem(a, mid);
    if (keyOf !== null) item = keyOf(item);
    if (right ? lt(x, item) : lt(item, x)) {
      if (right) high = mid;
      else low = mid + 1;
    } else if (right) low = mid + 1;
    else high = mid;
  }
  return low;
}

const PARAMS = ['a', 'x', 'lo', 'hi'];

export const bisect_right = clinicFunction('bisect_right', PARAMS, 2, ['key'], (a: unknown, x: unknown, lo?: unknown, hi?: unknown, key?: unknown) =>
  search(true, a, x, lo, hi, key));

export const bisect_left = clinicFunction('bisect_left', PARAMS, 2, ['key'], (a: unknown, x: unknown, lo?: unknown, hi?: unknown, key?: unknown) =>
  search(false, a, x, lo, hi, key));

function insertSorted(right: boolean, a: unknown, x: unknown, lo: unknown, hi: unknown, key: unknown): null {
  const k = key === undefined || key === null ? x : asFunction(key)(x);
  const i = search(right, a, k, lo, hi, key);
  callMethod(a, 'insert', i, x);
  return null;
}

export const insort_right = clinicFunction('insort_right', PARAMS, 2, ['key'], (a: unknown, x: unknown, lo?: unknown, hi?: unknown, key?: unknown) =>
  insertSorted(true, a, x, lo, hi, key));

export const insort_left = clinicFunction('insort_left', PARAMS, 2, ['key'], (a: unknown, x: unknown, lo?: unknown, hi?: unknown, key?: unknown) =>
  insertSorted(false, a, x, lo, hi, key));

export const bisect = bisect_right;
export const insort = insort_right;
