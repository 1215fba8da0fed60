/** str.translate and str.maketrans. */
import { LookupError, TypeError, ValueError } from '../exceptions.js';
import { isIntNumber } from '../values.js';
import { checkPositional, oneArg } from './args.js';
import { codePoints, cpLength } from './core.js';
import { PyDict } from '../dict.js';
import { dictItems, getitem } from './hooks.js';
import { argTypeName } from '../arity.js';

/** The replacement for code point `c`: a string, or null to keep it. */
function lookup(table: unknown, c: number): string | null {
  let v: unknown;
  try {
    v = getitem(table, c);
  } catch (e) {
    if (e instanceof LookupError) return null;
    throw e;
  }
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') v = v ? 1 : 0;
  if (typeof v === 'number' && isIntNumber(v)) {
    if (v < 0 || v > 0x10ffff) throw new ValueError('character mapping must be in range(0x110000)');
    return String.fromCodePoint(v);
  }
  if (typeof v === 'bigint') throw new ValueError('character mapping must be in range(0x110000)');
  throw new TypeError('character mapping must return integer, None or str');
}

export function str_translate(s: string, table: unknown): string {
  if (arguments.length !== 2) oneArg('str.translate', arguments.length - 1);
  // One lookup per distinct character, as CPython caches them.
  const cache = new Map<number, string | null>();
  let out = '';
  for (const c of codePoints(s)) {
    let r = cache.get(c);
    if (r === undefined) {
      r = lookup(table, c);
      cache.set(c, r);
    }
    out += r === null ? String.fromCodePoint(c) : r;
  }
  return out;
}

/** `str.maketrans(x[, y[, z]])`: a dict from code points to code points, strings or None. */
export function str_maketrans(x?: unknown, y?: unknown, z?: unknown): unknown {
  checkPositional('maketrans', arguments.length, 1, 3);
  const items: Array<[unknown, unknown]> = [];
  if (arguments.length === 1) {
    const source = dictItems(x);
    if (source === null) throw new TypeError('if you give only one argument to maketrans it must be a dict');
    for (const [key, value] of source) {
      if (typeof key === 'string') {
        if (cpLength(key) !== 1) throw new ValueError('string keys in translate table must be of length 1');
        items.push([key.codePointAt(0)!, value]);
      } else if ((typeof key === 'number' && isIntNumber(key)) || typeof key === 'bigint' || typeof key === 'boolean') {
        items.push([key, value]);
      } else {
        throw new TypeError('keys in translate table must be strings or integers');
      }
    }
    return new PyDict(items);
  }
  // Argument Clinic checks y and z before the body looks at x.
  if (typeof y !== 'string') throw new TypeError(`maketrans() argument 2 must be str, not ${argTypeName(y)}`);
  if (z !== undefined && typeof z !== 'string') throw new TypeError(`maketrans() argument 3 must be str, not ${argTypeName(z)}`);
  if (typeof x !== 'string') throw new TypeError('first maketrans argument must be a string if there is a second argument');
  const from = codePoints(x);
  const to = codePoints(y);
  if (from.length !== to.length) throw new ValueError('the first two maketrans arguments must have equal length');
  // Repeated keys keep their first place and last value, as dict insertion does.
  for (let i = 0; i < from.length; i++) items.push([from[i]!, to[i]!]);
  if (typeof z === 'string') for (const c of codePoints(z)) items.push([c, null]);
  return new PyDict(items);
}
