/**
 * Python's `struct`, as CPython 3.11's _struct behaves on x86-64 Linux:
 * pack / unpack / pack_into / unpack_from / iter_unpack / calcsize, the
 * Struct class and struct.error, every format code and byte order, with
 * CPython's checks and messages (support/struct/codec.ts).
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { IndexError, OverflowError, StopIteration, TypeError, UnicodeEncodeError } from '../builtins/exceptions.js';
import { PyBytes, PyTuple, TYPE_NAME, typeName, unbox } from '../builtins/values.js';
import { PyProperty } from '../builtins/classes/descriptors.js';
import { Keywords, call, checkArgs, def, restItems } from '../builtins/calls.js';
import { bufferBytes, writableBuffer } from '../builtins/buffer.js';
import { pyIndex } from '../builtins/numbers/index.js';
import { defineClass, newException } from './support/stdlib/pyclass.js';
import { clinicFunction, expectedArgs, pyFunction } from './support/pydef.js';
import { PyDict } from '../builtins/dict.js';
import { hash } from '../builtins/equality.js';
import { loadedModules } from './support/moduleTable.js';
import { StructError, structError } from './support/struct/error.js';
import { compileLayout, type Layout } from './support/struct/layout.js';
import { packInto, unpackFrom } from './support/struct/codec.js';
import * as self from './struct.js';
import { argTypeName } from '../builtins/arity.js';

export const __name__ = 'struct';
loadedModules.$set('struct', self);

const Q = 'struct';

export { StructError as error };

interface Compiled extends Layout {
  /** The format as Struct.format shows it (a str; a bytes format decoded). */
  readonly format: string;
}

const cache = new Map<string, Compiled>();

/** The format argument (str or bytes) compiled; cached, as CPython caches its Structs. */
function compiled(format: unknown): Compiled {
  // The common case first: a str format already compiled (so already known to be ASCII).
  if (typeof format === 'string') {
    const hit = cache.get(format);
    if (hit !== undefined) return hit;
  }
  const f = unbox(format);
  let text: string;
  if (typeof f === 'string') {
    text = f;
    // A str format is encoded to ASCII first.
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) > 127) throw newException(UnicodeEncodeError, ['ascii', text, i, i + 1, 'ordinal not in range(128)'], null);
    }
  } else if (f instanceof PyBytes) text = String.fromCharCode(...f.bytes);
  else {
    // CPython looks the format up in its cache first: an unhashable one fails there.
    hash(format);
    throw new TypeError(`Struct() argument 1 must be a str or bytes object, not ${typeName(format)}`);
  }
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const layout: Compiled = { ...compileLayout(text), format: text };
  if (cache.size >= 100) cache.clear();
  cache.set(text, layout);
  return layout;
}

/** The "y*" argument: a bytes-like object's bytes. */
function readBuffer(v: unknown): Uint8Array {
  const b = bufferBytes(v);
  if (b === null) throw new TypeError(`a bytes-like object is required, not '${typeName(v)}'`);
  return b;
}

const SSIZE_MAX = 2n ** 63n - 1n;

/** An `n` (Py_ssize_t) argument, with the error PyNumber_AsSsize_t raises past its range. */
function ssize(v: unknown, overflow: (m: string) => Error): number {
  const i = pyIndex(v);
  if (typeof i === 'bigint' && (i > SSIZE_MAX || i < -SSIZE_MAX - 1n)) throw overflow(`cannot fit 'int' into an index-sized integer`);
  return Number(i);
}

function doPack(s: Compiled, values: readonly unknown[]): PyBytes {
  if (values.length !== s.count) throw structError(`pack expected ${s.count} items for packing (got ${values.length})`);
  const out = new Uint8Array(s.size);
  packInto(s, values, out, 0);
  return new PyBytes(out);
}

function doUnpack(s: Compiled, buffer: unknown): PyTuple {
  const data = readBuffer(buffer);
  if (data.length !== s.size) throw structError(`unpack requires a buffer of ${s.size} bytes`);
  return unpackFrom(s, data, 0);
}

function doPackInto(s: Compiled, args: readonly unknown[]): null {
  if (args.length !== s.count + 2) {
    if (args.length === 0) throw structError('pack_into expected buffer argument');
    if (args.length === 1) throw structError('pack_into expected offset argument');
    throw structError(`pack_into expected ${s.count} items for packing (got ${args.length - 2})`);
  }
  const target = writableBuffer(args[0]);
  if (target === null) throw new TypeError(`argument must be read-write bytes-like object, not ${argTypeName(args[0])}`);
  let offset = ssize(args[1], (m) => new IndexError(m));
  if (offset < 0) {
    if (offset + s.size > 0) throw structError(`no space to pack ${s.size} bytes at offset ${offset}`);
    if (offset + target.length < 0) throw structError(`offset ${offset} out of range for ${target.length}-byte buffer`);
    offset += target.length;
  }
  if (target.length - offset < s.size) {
    throw structError(`pack_into requires a buffer of at least ${s.size + offset} bytes for packing ${s.size} bytes at offset ${offset} (actual buffer size is ${target.length})`);
  }
  packInto(s, args.slice(2), target, offset);
  return null;
}

function doUnpackFrom(s: Compiled, buffer: unknown, offsetArg: unknown): PyTuple {
  const data = readBuffer(buffer);
  let offset = offsetArg === undefined ? 0 : ssize(offsetArg, () => new OverflowError('Python int too large to convert to C ssize_t'));
  if (offset < 0) {
    if (offset + s.size > 0) throw structError(`not enough data to unpack ${s.size} bytes at offset ${offset}`);
    if (offset + data.length < 0) throw structError(`offset ${offset} out of range for ${data.length}-byte buffer`);
    offset += data.length;
  }
  if (data.length - offset < s.size) {
    throw structError(`unpack_from requires a buffer of at least ${s.size + offset} bytes for unpacking ${s.size} bytes at offset ${offset} (actual buffer size is ${data.length})`);
  }
  return unpackFrom(s, data, offset);
}

/**
 * A call's positional arguments (`args`, the function's own rest array, is
 * trimmed in place), checking that it has no keywords: `name() takes no
 * keyword arguments`.
 */
function positionalOnly(args: unknown[], shown: string): readonly unknown[] {
  if (args[args.length - 1] instanceof Keywords) {
    const { values } = args.pop() as Keywords;
    for (const key in values) if (Object.hasOwn(values, key)) throw new TypeError(`${shown}() takes no keyword arguments`);
  }
  return restItems(args);
}

/**
 * A METH_VARARGS/FASTCALL builtin: positional arguments only, checked by the
 * body, and `name() takes no keyword arguments` for any keyword. Written out
 * rather than made by pyFunction('*args, **kw'): these are called in loops,
 * and no tuple or dict is needed for the arguments.
 */
function cFunction<R>(name: string, shown: string, impl: (args: readonly unknown[]) => R): (...args: never[]) => R {
  const fn = function (...args: unknown[]): R {
    return impl(positionalOnly(args, shown));
  };
  Object.defineProperty(fn, 'name', { value: name });
  return def(fn, '*args, **kw', name, Q);
}

/** cFunction's method form, `self` first. */
function cMethod<R>(qualname: string, impl: (self: object, args: readonly unknown[]) => R): (...args: never[]) => R {
  const spec = 'self, /, *args, **kw';
  const fn = function (self?: unknown, ...args: unknown[]): R {
    // No `self` (nothing, or only keywords): the missing-argument error comes first.
    if (self === undefined || self instanceof Keywords) checkArgs(0, spec, qualname);
    return impl(self as object, positionalOnly(args, qualname));
  };
  Object.defineProperty(fn, 'name', { value: qualname.slice(qualname.lastIndexOf('.') + 1) });
  return def(fn, spec, qualname, '_struct');
}

/** A METH_O builtin's one argument. */
function oneArg(shown: string, args: readonly unknown[]): unknown {
  if (args.length !== 1) throw new TypeError(`${shown}() takes exactly one argument (${args.length} given)`);
  return args[0];
}

interface IterState {
  readonly layout: Compiled;
  /** The buffer, read anew at each step: CPython's iterator sees a bytearray's later changes. */
  readonly buffer: unknown;
  /** Its length when the iteration began (CPython's export stops it changing). */
  readonly length: number;
  at: number;
}

const iterStates = new WeakMap<object, IterState>();

const UnpackIterator = defineClass('_struct', 'unpack_iterator', [], {
  __iter__: pyFunction('self', 'unpack_iterator.__iter__', '_struct', (it: object) => it),
  __next__: pyFunction('self', 'unpack_iterator.__next__', '_struct', (it: object) => {
    const st = iterStates.get(it)!;
    const data = readBuffer(st.buffer);
    if (st.at + st.layout.size > Math.min(st.length, data.length)) throw new StopIteration();
    const items = unpackFrom(st.layout, data, st.at);
    st.at += st.layout.size;
    return items;
  }),
  __length_hint__: pyFunction('self', 'unpack_iterator.__length_hint__', '_struct', (it: object) => {
    const st = iterStates.get(it)!;
    return Math.max(0, Math.floor((st.length - st.at) / st.layout.size));
  }),
});

function doIterUnpack(s: Compiled, buffer: unknown): unknown {
  if (s.size === 0) throw structError('cannot iteratively unpack with a struct of length 0');
  const view = readBuffer(buffer);
  if (view.length % s.size !== 0) throw structError(`iterative unpacking requires a buffer of a multiple of ${s.size} bytes`);
  const it = call(UnpackIterator, [], null) as object;
  iterStates.set(it, { layout: s, buffer, length: view.length, at: 0 });
  return it;
}

const structStates = new WeakMap<object, Compiled>();

function stateOf(s: object): Compiled {
  const st = structStates.get(s);
  if (st === undefined) throw structError('Struct not initialized');
  return st;
}

export const Struct = defineClass('_struct', 'Struct', [], {
  // Argument Clinic's parsing of `Struct(format)`.
  __init__: pyFunction('self, /, *args, **kw', 'Struct.__init__', '_struct', (s: object, args: PyTuple, kw: PyDict) => {
    const given = args.length + kw.$size;
    if (given > 1) throw new TypeError(`Struct() takes at most 1 argument (${given} given)`);
    const format = args.length > 0 ? args[0] : kw.$get('format');
    if (format === undefined) throw new TypeError(`Struct() missing required argument 'format' (pos 1)`);
    structStates.set(s, compiled(format));
    return null;
  }),
  format: new PyProperty(pyFunction('self', 'Struct.format', '_struct', (s: object) => stateOf(s).format)),
  size: new PyProperty(pyFunction('self', 'Struct.size', '_struct', (s: object) => stateOf(s).size)),
  pack: cMethod('Struct.pack', (s, args) => doPack(stateOf(s), args)),
  pack_into: cMethod('Struct.pack_into', (s, args) => doPackInto(stateOf(s), args)),
  unpack: cMethod('Struct.unpack', (s, args) => doUnpack(stateOf(s), oneArg('Struct.unpack', args))),
  unpack_from: pyFunction('self, buffer, offset=', 'Struct.unpack_from', '_struct', (s: object, buffer: unknown, offset?: unknown) =>
    doUnpackFrom(stateOf(s), buffer, offset)),
  iter_unpack: cMethod('Struct.iter_unpack', (s, args) => doIterUnpack(stateOf(s), oneArg('Struct.iter_unpack', args))),
});

// Their C names, which CPython's messages print.
Object.defineProperty(Struct, TYPE_NAME, { value: '_struct.Struct' });
Object.defineProperty(UnpackIterator, TYPE_NAME, { value: '_struct.unpack_iterator' });

function missingFormat(args: readonly unknown[]): unknown {
  if (args.length === 0) throw new TypeError('missing format argument');
  return args[0];
}

function fixedArgs(name: string, args: readonly unknown[], n: number): void {
  if (args.length !== n) throw expectedArgs(name, n, n, args.length);
}

export const pack = cFunction('pack', '_struct.pack', (args) => doPack(compiled(missingFormat(args)), args.slice(1)));

export const pack_into = cFunction('pack_into', '_struct.pack_into', (args) => doPackInto(compiled(missingFormat(args)), args.slice(1)));

export const unpack = cFunction('unpack', '_struct.unpack', (args) => {
  fixedArgs('unpack', args, 2);
  return doUnpack(compiled(args[0]), args[1]);
});

export const unpack_from = clinicFunction('unpack_from', ['format', 'buffer', 'offset'], 2, [], (format: unknown, buffer: unknown, offset?: unknown) =>
  doUnpackFrom(compiled(format), buffer, offset));

export const iter_unpack = cFunction('iter_unpack', '_struct.iter_unpack', (args) => {
  fixedArgs('iter_unpack', args, 2);
  return doIterUnpack(compiled(args[0]), args[1]);
});

export const calcsize = cFunction('calcsize', '_struct.calcsize', (args) => compiled(oneArg('_struct.calcsize', args)).size);
