/**
 * Python's `array`: typed arrays of the codes b B u h H i I l L q Q f d
 * (x86-64 sizes), as CPython 3.11's arraymodule behaves: construction from
 * iterables, bytes and str, the list-like operations (indexing, slices and
 * slice assignment from arrays of the same code, `+`, `*`, comparisons), the
 * methods, the checks and messages of each code's conversion, and the
 * buffer protocol (`bytes(a)`, read-only `memoryview(a)` of unsigned bytes).
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { IndexError, TypeError, ValueError } from '../builtins/exceptions.js';
import { PyBytes, PyTuple, TYPE_NAME, isIntNumber, typeName, unbox } from '../builtins/values.js';
import { PyByteArray } from '../builtins/bytearray.js';
import { PySlice, delitem, getitem, setitem } from '../builtins/items.js';
import { call } from '../builtins/calls.js';
import { compare, eq } from '../builtins/equality.js';
import { repr } from '../builtins/repr.js';
import { iter, iterate } from '../builtins/iteration.js';
import { PyProperty } from '../builtins/classes/descriptors.js';
import { NotImplemented } from '../builtins/notImplemented.js';
import { pyIndex } from '../builtins/numbers/index.js';
import { BUFFER, bufferBytes } from '../builtins/buffer.js';
import { id } from '../builtins/functions.js';
import { defineClass, newInstance } from './support/stdlib/pyclass.js';
import { PyStaticMethod } from '../builtins/classes/descriptors.js';
import { PyDict } from '../builtins/dict.js';
import { type } from '../builtins/types.js';
import { pyFunction } from './support/pydef.js';
import { loadedModules } from './support/moduleTable.js';
import { ITEMSIZE, TYPECODES, badTypecode, toItem } from './support/array/items.js';
import { fromBytes, toBytes } from './support/array/memory.js';
import * as self from './array.js';
import { argTypeName } from '../builtins/arity.js';

export const __name__ = 'array';
loadedModules.$set('array', self);

const Q = 'array';

export const typecodes = TYPECODES;

interface State {
  readonly code: string;
  /**
   * The items as Python values, already converted: a list, so that list
   * indexing, slicing and comparison apply. Changed in place once the array
   * exists, since its iterators hold it.
   */
  items: unknown[];
}

const states = new WeakMap<object, State>();

function stateOf(a: unknown): State {
  const st = typeof a === 'object' && a !== null ? states.get(a) : undefined;
  if (st === undefined) throw new TypeError(`descriptor requires a 'array.array' object but received '${typeName(a)}'`);
  return st;
}

function isArray(v: unknown): v is object {
  return typeof v === 'object' && v !== null && states.has(v);
}

function method<A extends unknown[]>(spec: string, name: string, impl: (st: State, ...args: A) => unknown): unknown {
  return pyFunction(`self${spec === '' ? '' : ', ' + spec}`, `array.${name}`, Q, (a: object, ...args: A) => impl(stateOf(a), ...args));
}

/** A new array of `code` holding `items` (already converted). */
function make(code: string, items: unknown[]): object {
  const a = call(ArrayType, [code], null) as object;
  stateOf(a).items = items;
  return a;
}

function convertAll(code: string, values: Iterable<unknown>): unknown[] {
  const out: unknown[] = [];
  for (const v of values) out.push(toItem(code, v));
  return out;
}

/** extend(): items appended one by one, so those before a bad one stay. */
function extendFrom(st: State, values: unknown, message: string | null): void {
  if (isArray(values)) {
    const other = stateOf(values);
    if (other.code !== st.code) throw new TypeError('can only extend with array of same kind');
    appendAll(st.items, other.items);
    return;
  }
  if (message !== null) throw new TypeError(message.replace('%s', typeName(values)));
  for (const v of iterate(values)) st.items.push(toItem(st.code, v));
}

function indexOf(st: State, x: unknown, start: number, stop: number): number {
  const n = st.items.length;
  const from = start < 0 ? Math.max(0, start + n) : Math.min(start, n);
  const to = stop < 0 ? Math.max(0, stop + n) : Math.min(stop, n);
  for (let i = from; i < to; i++) if (eq(st.items[i], x)) return i;
  return -1;
}

function renamed<T>(f: () => T, message: string): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof IndexError) throw new IndexError(message);
    throw e;
  }
}

function compareWith(op: '<' | '<=' | '>' | '>=' | '==' | '!=') {
  return pyFunction('self, other, /', `array.__${{ '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge', '==': 'eq', '!=': 'ne' }[op]}__`, Q,
    (a: object, other: unknown) => {
      if (!isArray(other)) return NotImplemented;
      const x = stateOf(a).items;
      const y = stateOf(other).items;
      // Item by item as values: arrays hold no objects, so a NaN is never equal to itself here.
      if ((op === '==' || op === '!=') && x.length !== y.length) return op === '!=';
      const n = Math.min(x.length, y.length);
      let i = 0;
      while (i < n && eq(x[i], y[i])) i++;
      if (i === n) {
        if (op === '==') return x.length === y.length;
        if (op === '!=') return x.length !== y.length;
        return compare(op, x.length, y.length);
      }
      if (op === '==') return false;
      if (op === '!=') return true;
      return compare(op, x[i], y[i]);
    });
}

export const ArrayType = defineClass('array', 'array', [], {
  // Made by __new__, as CPython's is: a subclass's own __init__ need not call array's.
  __new__: new PyStaticMethod(pyFunction('cls, /, *args, **kw', 'array.__new__', Q, (cls: unknown, args: PyTuple, kw: PyDict) => {
    if (cls === ArrayType && kw.$size > 0) throw new TypeError('array.array() takes no keyword arguments');
    if (args.length === 0) throw new TypeError('array() takes at least 1 argument (0 given)');
    if (args.length > 2) throw new TypeError(`array() takes at most 2 arguments (${args.length} given)`);
    const tc = unbox(args[0]);
    if (typeof tc !== 'string' || [...tc].length !== 1) {
      throw new TypeError(`array() argument 1 must be a unicode character, not ${argTypeName(args[0])}`);
    }
    if (!TYPECODES.includes(tc)) throw badTypecode();
    const st: State = { code: tc, items: [] };
    const init = args.length > 1 ? args[1] : undefined;
    const text = unbox(init);
    if (typeof text === 'string') {
      if (tc !== 'u') throw new TypeError(`cannot use a str to initialize an array with typecode '${tc}'`);
      st.items = [...text];
    } else if (unbox(init) instanceof PyBytes || init instanceof PyByteArray) {
      st.items = fromBytes(tc, bufferBytes(init)!);
    } else if (isArray(init) && stateOf(init).code === 'u' && tc !== 'u') {
      throw new TypeError(`cannot use a unicode array to initialize an array with typecode '${tc}'`);
    } else if (init !== undefined) {
      st.items = convertAll(tc, isArray(init) ? stateOf(init).items : iterate(init));
    }
    const a = newInstance(cls);
    states.set(a, st);
    Object.defineProperty(a, BUFFER, { value: () => toBytes(st.code, st.items) });
    return a;
  })),
  typecode: new PyProperty(pyFunction('self', 'array.typecode', Q, (a: object) => stateOf(a).code)),
  itemsize: new PyProperty(pyFunction('self', 'array.itemsize', Q, (a: object) => ITEMSIZE[stateOf(a).code])),
  __hash__: null,
  __len__: method('', '__len__', (st) => st.items.length),
  // The live list's iterator: it sees the array change as CPython's does.
  __iter__: method('', '__iter__', (st) => iter(st.items)),
  __contains__: method('value, /', '__contains__', (st, v: unknown) => st.items.some((x) => eq(x, v))),
  __getitem__: method('key, /', '__getitem__', (st, key: unknown) => {
    // The common case, an int index that is a JS number, read directly.
    if (typeof key === 'number' && isIntNumber(key)) {
      const n = st.items.length;
      const i = key < 0 ? key + n : key;
      if (i < 0 || i >= n) throw new IndexError('array index out of range');
      return st.items[i];
    }
    if (key instanceof PySlice) return make(st.code, getitem(st.items, key) as unknown[]);
    checkIndex(key);
    return renamed(() => getitem(st.items, key), 'array index out of range');
  }),
  __setitem__: method('key, value, /', '__setitem__', (st, key: unknown, value: unknown) => {
    if (key instanceof PySlice) {
      if (!isArray(value)) throw new TypeError(`can only assign array (not "${typeName(value)}") to array slice`);
      const other = stateOf(value);
      if (other.code !== st.code) throw new TypeError('bad argument type for built-in operation');
      try {
        setitem(st.items, key, [...other.items]);
      } catch (e) {
        if (e instanceof ValueError) throw new ValueError(String((e as { args: unknown[] }).args[0]).replace('sequence', 'array'));
        throw e;
      }
      return null;
    }
    checkIndex(key);
    const item = toItem(st.code, value);
    renamed(() => setitem(st.items, key, item), 'array assignment index out of range');
    return null;
  }),
  __delitem__: method('key, /', '__delitem__', (st, key: unknown) => {
    if (!(key instanceof PySlice)) checkIndex(key);
    renamed(() => delitem(st.items, key), 'array assignment index out of range');
    return null;
  }),
  __add__: method('value, /', '__add__', (st, other: unknown) => {
    if (!isArray(other)) throw new TypeError(`can only append array (not "${typeName(other)}") to array`);
    const o = stateOf(other);
    if (o.code !== st.code) throw new TypeError('bad argument type for built-in operation');
    return make(st.code, [...st.items, ...o.items]);
  }),
  __iadd__: pyFunction('self, value, /', 'array.__iadd__', Q, (a: object, other: unknown) => {
    extendFrom(stateOf(a), other, 'can only extend array with array (not "%s")');
    return a;
  }),
  __mul__: method('value, /', '__mul__', (st, n: unknown) => make(st.code, repeat(st.items, n))),
  __rmul__: method('value, /', '__rmul__', (st, n: unknown) => make(st.code, repeat(st.items, n))),
  __imul__: pyFunction('self, value, /', 'array.__imul__', Q, (a: object, n: unknown) => {
    const st = stateOf(a);
    const items = repeat(st.items, n);
    st.items.length = 0;
    appendAll(st.items, items);
    return a;
  }),
  __eq__: compareWith('=='),
  __ne__: compareWith('!='),
  __lt__: compareWith('<'),
  __le__: compareWith('<='),
  __gt__: compareWith('>'),
  __ge__: compareWith('>='),
  __repr__: pyFunction('self', 'array.__repr__', Q, (a: object) => {
    const st = stateOf(a);
    const name = (type(a) as { __name__: string }).__name__;
    if (st.items.length === 0) return `${name}('${st.code}')`;
    const body = st.code === 'u' ? repr(st.items.join('')) : repr(st.items);
    return `${name}('${st.code}', ${body})`;
  }),
  __copy__: method('', '__copy__', (st) => make(st.code, [...st.items])),
  __deepcopy__: method('unused, /', '__deepcopy__', (st) => make(st.code, [...st.items])),
  append: method('v, /', 'append', (st, v: unknown) => {
    st.items.push(toItem(st.code, v));
    return null;
  }),
  extend: method('bb, /', 'extend', (st, values: unknown) => {
    extendFrom(st, values, null);
    return null;
  }),
  insert: method('i, v, /', 'insert', (st, i: unknown, v: unknown) => {
    const item = toItem(st.code, v);
    const n = st.items.length;
    let at = Number(pyIndex(i));
    if (at < 0) at = Math.max(0, at + n);
    st.items.splice(Math.min(at, n), 0, item);
    return null;
  }),
  pop: method('i=, /', 'pop', (st, i: unknown = -1) => {
    const n = st.items.length;
    let at = Number(pyIndex(i));
    if (n === 0) throw new IndexError('pop from empty array');
    if (at < 0) at += n;
    if (at < 0 || at >= n) throw new IndexError('pop index out of range');
    return st.items.splice(at, 1)[0];
  }),
  remove: method('v, /', 'remove', (st, v: unknown) => {
    const i = indexOf(st, v, 0, st.items.length);
    if (i < 0) throw new ValueError('array.remove(x): x not in array');
    st.items.splice(i, 1);
    return null;
  }),
  index: method('v, start=, stop=, /', 'index', (st, v: unknown, start: unknown = 0, stop?: unknown) => {
    const i = indexOf(st, v, Number(pyIndex(start)), stop === undefined ? Infinity : Number(pyIndex(stop)));
    if (i < 0) throw new ValueError('array.index(x): x not in array');
    return i;
  }),
  count: method('v, /', 'count', (st, v: unknown) => st.items.filter((x) => eq(x, v)).length),
  reverse: method('', 'reverse', (st) => {
    st.items.reverse();
    return null;
  }),
  buffer_info: pyFunction('self', 'array.buffer_info', Q, (a: object) => PyTuple.of(id(a), stateOf(a).items.length)),
  byteswap: method('', 'byteswap', (st) => {
    const size = ITEMSIZE[st.code]!;
    const data = toBytes(st.code, st.items);
    for (let i = 0; i < data.length; i += size) data.subarray(i, i + size).reverse();
    // Read in full first: a 'u' item that is no character leaves the array as it was.
    const swapped = fromBytes(st.code, data);
    st.items.length = 0;
    appendAll(st.items, swapped);
    return null;
  }),
  tobytes: method('', 'tobytes', (st) => new PyBytes(toBytes(st.code, st.items))),
  frombytes: method('buffer, /', 'frombytes', (st, buffer: unknown) => {
    const data = bufferBytes(buffer);
    if (data === null) throw new TypeError(`a bytes-like object is required, not '${typeName(buffer)}'`);
    fromBytes(st.code, data, st.items);
    return null;
  }),
  tolist: method('', 'tolist', (st) => [...st.items]),
  fromlist: method('list, /', 'fromlist', (st, list: unknown) => {
    if (!Array.isArray(list) || list instanceof PyTuple) throw new TypeError('arg must be list');
    appendAll(st.items, convertAll(st.code, list));
    return null;
  }),
  tounicode: method('', 'tounicode', (st) => {
    if (st.code !== 'u') throw new ValueError('tounicode() may only be called on unicode type arrays');
    return st.items.join('');
  }),
  fromunicode: method('ustr, /', 'fromunicode', (st, s: unknown) => {
    const text = unbox(s);
    if (typeof text !== 'string') throw new TypeError(`fromunicode() argument must be str, not ${argTypeName(s)}`);
    if (st.code !== 'u') throw new ValueError('fromunicode() may only be called on unicode type arrays');
    st.items.push(...text);
    return null;
  }),
});

// Its C name, which CPython's messages print.
Object.defineProperty(ArrayType, TYPE_NAME, { value: 'array.array' });

export { ArrayType as array };

/**
 * items.push(...more), in chunks: one spread of a large buffer's items
 * overflows the stack, and pushing one by one is several times slower.
 */
function appendAll(items: unknown[], more: readonly unknown[]): void {
  const CHUNK = 4096;
  if (more.length <= CHUNK) {
    items.push(...more);
    return;
  }
  for (let i = 0; i < more.length; i += CHUNK) items.push(...more.slice(i, i + CHUNK));
}

const SSIZE_MAX = 2n ** 63n - 1n;

function checkIndex(key: unknown): void {
  if (typeof key === 'number' ? isIntNumber(key) : typeof key === 'boolean') return;
  // PyNumber_AsSsize_t's IndexError, before the array's own range check.
  if (typeof key === 'bigint') {
    if (key > SSIZE_MAX || key < -SSIZE_MAX - 1n) throw new IndexError(`cannot fit 'int' into an index-sized integer`);
    return;
  }
  try {
    pyIndex(key);
  } catch {
    throw new TypeError('array indices must be integers');
  }
}

function repeat(items: readonly unknown[], n: unknown): unknown[] {
  let times: number;
  try {
    times = Number(pyIndex(n));
  } catch (e) {
    if (e instanceof TypeError) throw new TypeError(`can't multiply sequence by non-int of type '${typeName(n)}'`);
    throw e;
  }
  const out: unknown[] = [];
  for (let k = 0; k < times; k++) appendAll(out, items);
  return out;
}
