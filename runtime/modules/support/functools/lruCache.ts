/**
 * functools.lru_cache: the wrapper is a Python-style function taking
 * `*args, **kwargs` (so that on a class it binds `self` as a method does),
 * with `cache_info`, `cache_clear`, `cache_parameters` and the wrapped
 * function's attributes. Keys are tuples of the arguments (keywords after a
 * marker, types appended when `typed`), in a dict ordered by recency.
 */
import { PyDict } from '../../../builtins/dict.js';
import { PyTuple, isIntNumber } from '../../../builtins/values.js';
import { TypeError } from '../../../builtins/exceptions.js';
import { Keywords, call, def } from '../../../builtins/calls.js';
import { type } from '../../../builtins/types.js';
import { getattr } from '../../../builtins/attributes.js';
import { StructSequence } from '../structSequence.js';
import { updateWrapper } from './wraps.js';

/** Separates keyword arguments from positional ones in a key (CPython's kwd_mark). */
const KWD_MARK = Object.freeze(Object.create(null) as object);

export function makeLruWrapper(fn: unknown, maxsize: number | null, typed: boolean): (...args: unknown[]) => unknown {
  if (typeof fn !== 'function' && !(typeof fn === 'object' && fn !== null)) throw new TypeError('the first argument must be callable');
  const cache = new PyDict<unknown, unknown>();
  let hits = 0;
  let misses = 0;
  const qualname = String(getattr(fn, '__qualname__', '<lru>'));
  const module = getattr(fn, '__module__', null);
  const wrapper = def(function (...rest: unknown[]): unknown {
    const last = rest[rest.length - 1];
    const kw = last instanceof Keywords ? last.values : null;
    const args = kw === null ? rest : rest.slice(0, -1);
    if (maxsize === 0) {
      misses++;
      return call(fn, args, kw);
    }
    const key = keyOf(args, kw, typed);
    const found = cache.$get(key);
    if (found !== undefined) {
      hits++;
      if (maxsize !== null) {
        cache.$delete(key);
        cache.$set(key, found);
      }
      return found;
    }
    misses++;
    const result = call(fn, args, kw);
    cache.$set(key, result);
    if (maxsize !== null && cache.$size > maxsize) {
      for (const oldest of cache) {
        cache.$delete(oldest);
        break;
      }
    }
    return result;
  }, '*args, **kwargs', qualname, typeof module === 'string' ? module : null);
  updateWrapper(wrapper, fn);
  const own = wrapper as unknown as Record<string, unknown>;
  own['cache_info'] = function cache_info(): StructSequence {
    return new StructSequence('CacheInfo', ['hits', 'misses', 'maxsize', 'currsize'], [hits, misses, maxsize, cache.$size]);
  };
  own['cache_clear'] = function cache_clear(): null {
    cache.$clear();
    hits = 0;
    misses = 0;
    return null;
  };
  own['cache_parameters'] = function cache_parameters(): PyDict {
    return new PyDict<unknown, unknown>([['maxsize', maxsize], ['typed', typed]]);
  };
  return wrapper;
}

function keyOf(args: unknown[], kw: Record<string, unknown> | null, typed: boolean): unknown {
  const parts: unknown[] = [...args];
  if (kw !== null) {
    const keys = Object.keys(kw);
    if (keys.length > 0) {
      parts.push(KWD_MARK);
      for (const k of keys) parts.push(k, kw[k]);
    }
  }
  if (typed) {
    for (const a of args) parts.push(type(a));
    if (kw !== null) for (const k of Object.keys(kw)) parts.push(type(kw[k]));
  }
  // CPython's fast path: a single int or str argument is its own key.
  if (parts.length === 1 && (typeof parts[0] === 'string' || typeof parts[0] === 'number' || typeof parts[0] === 'bigint')) return parts[0];
  return PyTuple.fromArray(parts);
}

/** The checks of lru_cache's maxsize argument. */
export function lruMaxsize(maxsize: unknown): number | null {
  if (maxsize === null || maxsize === undefined) return null;
  if (typeof maxsize === 'boolean') return maxsize ? 1 : 0;
  if (typeof maxsize === 'number' && isIntNumber(maxsize)) return maxsize < 0 ? 0 : maxsize;
  throw new TypeError('Expected first argument to be an integer, a callable, or None');
}

