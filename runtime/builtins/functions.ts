/**
 * Python's builtin functions and types, as compiled code imports them under
 * their Python names. The types (`int`, `str`, `list`…) are plain functions
 * that convert; `isinstance` and `type` know which values each stands for.
 * Builtins taking keyword arguments have a `$kw` entry the call layer uses.
 */
import { callSpecial, hasSpecial } from './special.js';
import { BASE_VALUE, PyBoxed, PyBytes, PyComplex, PyFloat, PyTuple, typeName, unbox } from './values.js';
import { OverflowError, TypeError, ValueError } from './exceptions.js';
import { repr as reprValue, str as strValue } from './repr.js';
import { truthy } from './truth.js';
import { iterate } from './iteration.js';
import { flushStdout, stdoutEncodable, stdoutRedirection, surrogateError, writeStdout } from './io.js';
import { objectId } from './classes.js';
import { callMethod, registerBuiltinType } from './attributes.js';
import { formatValue, strLen, ascii as asciiOf } from './str.js';
import { tupleFromIterable } from './tuple.js';
import { PyDict, DictView, dictFrom } from './dict.js';
import { PyAnySet, PySet, PyFrozenSet, setFrom, frozensetFrom } from './set.js';
import { sorted as sortedList } from './sort.js';
import { pyHash } from './equality.js';
import { lt, gt, add } from './operators.js';
import * as num from './numbers.js';
import { bytesLen, bytes_decode } from './bytes.js';
import { binaryOp, instanceLen, special, unaryOp } from './dunders.js';
import { isExactArray, whenOverridden } from './subclassOverrides.js';
import { valueOperators } from './valueOperators.js';
import { NotImplemented } from './notImplemented.js';
import { PyRange, range } from './range.js';
import { Enumerate, Filter, PyMap, Zip } from './iterators.js';
import { asFunction } from './invoke.js';
import { pyIndex } from './numbers/index.js';
import { makeComplex } from './numbers/complex.js';
import { makeBytes } from './bytes/methods.js';
import { PyByteArray, makeByteArray } from './bytearray.js';
import { PyMemoryView, makeMemoryView } from './memoryview/view.js';
import { bufferBytesOrNull } from './buffer.js';
import type { PyCallable } from './calls.js';
import { argTypeName, badArgument, checkPositional, type ClinicSignature, unpackKeywords } from './arity.js';

type Kw = Record<string, unknown>;

function withKeywords<F extends (...args: never[]) => unknown>(fn: F, kw: (args: unknown[], kwargs: Kw) => unknown): F {
  (fn as unknown as PyCallable).$kw = kw;
  return fn;
}

/** A builtin with `*args` (`print(*objects)`): its keyword entry also takes calls too long for the stack. */
function variadic<F extends (...args: never[]) => unknown>(fn: F, kw: (args: unknown[], kwargs: Kw) => unknown): F {
  (fn as unknown as PyCallable).$many = kw;
  return withKeywords(fn, kw);
}

function unexpected(name: string, kwargs: Kw, allowed: readonly string[]): void {
  for (const key of Object.keys(kwargs)) {
    if (!allowed.includes(key)) throw new TypeError(`'${key}' is an invalid keyword argument for ${name}()`);
  }
}

/** print(*objects, sep=' ', end='\n', file=None, flush=False) */
export const print = variadic(
  function print(...args: unknown[]): null {
    const redirected = stdoutRedirection();
    if (redirected !== null) return printTo(redirected, args, ' ', '\n', false);
    if (args.length === 1) {
      writeStdout(strValue(args[0]) + '\n');
      return null;
    }
    writeStdout(printed(args, ' ') + '\n');
    return null;
  },
  (args, kw) => {
    unexpected('print', kw, ['sep', 'end', 'file', 'flush']);
    // A str subclass's instance separates and ends as str() of it (its class's __str__, else its value), as CPython writes it.
    const sep = printedStr(kw['sep'] ?? ' ');
    const end = printedStr(kw['end'] ?? '\n');
    if (typeof sep !== 'string') throw new TypeError(`sep must be None or a string, not ${typeName(sep)}`);
    if (typeof end !== 'string') throw new TypeError(`end must be None or a string, not ${typeName(end)}`);
    const flush = kw['flush'] !== undefined && truthy(kw['flush']);
    const file = kw['file'] ?? stdoutRedirection();
    if (file !== null) return printTo(file, args, sep, end, flush);
    const text = printed(args, sep);
    if (end !== '\n' && !stdoutEncodable(end)) {
      // The objects are written before `end` fails to encode, as in CPython.
      writeStdout(text);
      throw surrogateError(end);
    }
    writeStdout(text + end);
    if (flush) flushStdout();
    return null;
  },
);

function printedStr(v: unknown): unknown {
  return v instanceof PyBoxed && typeof v[BASE_VALUE] === 'string' ? strValue(v) : v;
}

/** The objects joined by `sep`; when a str() fails, what came before it is still written, as CPython writes piece by piece. */
function printed(args: unknown[], sep: string): string {
  let text = '';
  let unencodable: string | null = null;
  try {
    for (let i = 0; i < args.length; i++) {
      if (i > 0) text += sep;
      const piece = strValue(args[i]);
      // A piece stdout cannot encode fails alone, after the pieces before it, as CPython's write of each piece does.
      if (!stdoutEncodable(piece)) {
        unencodable = piece;
        break;
      }
      text += piece;
    }
  } catch (error) {
    writeStdout(text);
    throw error;
  }
  if (unencodable !== null) {
    writeStdout(text);
    throw surrogateError(unencodable);
  }
  return text;
}

/** print(..., file=f): CPython calls f.write once per object, separator and end. */
function printTo(file: unknown, args: unknown[], sep: string, end: string, flush: boolean): null {
  for (let i = 0; i < args.length; i++) {
    if (i > 0) callMethod(file, 'write', sep);
    callMethod(file, 'write', strValue(args[i]));
  }
  callMethod(file, 'write', end);
  if (flush) callMethod(file, 'flush');
  return null;
}

const primitiveIds = new Map<unknown, number>();

/** id(x): an object's stable number (the one its default repr shows); equal primitives share one, as `is` says they are one. */
export function id(x: unknown): number {
  if (arguments.length !== 1) throw exactlyOne('id', arguments.length);
  if (x !== null && (typeof x === 'object' || typeof x === 'function')) return objectId(x);
  const key = x === undefined ? null : x;
  let n = primitiveIds.get(key);
  if (n === undefined) {
    n = objectId({});
    primitiveIds.set(key, n);
  }
  return n;
}

/** CPython's arity errors for builtins (METH_O ones, then the ones that count with `expected`). */
function exactlyOne(name: string, given: number): TypeError {
  return new TypeError(`${name}() takes exactly one argument (${given} given)`);
}

function expected(name: string, n: number, given: number, atLeast = false): TypeError {
  return new TypeError(`${name} expected ${atLeast ? 'at least ' : ''}${n} argument${n === 1 ? '' : 's'}, got ${given}`);
}

/*
 * The arrays whose length len() gives: every list and tuple until a Python
 * subclass of list or tuple defines __len__ (subclassOverrides.ts), exact
 * ones only after (instanceLen then answers for a subclass's instance).
 * Likewise dicts and sets, told from a subclass's instance by their
 * constructor once a subclass of dict or set defines __len__.
 */
var isSizedArray: (v: unknown) => v is unknown[] = Array.isArray;
whenOverridden('len', () => {
  isSizedArray = isExactArray;
});
var isSizedMapping = (v: unknown): v is PyDict | PyAnySet => v instanceof PyDict || v instanceof PyAnySet;
whenOverridden('mappingLen', () => {
  isSizedMapping = (v: unknown): v is PyDict | PyAnySet => v instanceof PyDict || v instanceof PyAnySet ? v.constructor === PyDict || v.constructor === PySet || v.constructor === PyFrozenSet : false;
});

export function len(x: unknown): number | bigint {
  if (arguments.length !== 1) throw exactlyOne('len', arguments.length);
  if (typeof x === 'string') return strLen(x);
  // A list or tuple (a subclass's instance too, unless some subclass defines __len__: then instanceLen, at the end, asks it).
  if (isSizedArray(x)) return x.length;
  if (isSizedMapping(x)) return x.$size;
  // A range longer than 2**53 has a bigint length (len() refuses beyond 2**63 - 1, as CPython).
  if (x instanceof PyRange) return x.pyLen();
  if (x instanceof PyBytes) return bytesLen(x);
  if (x instanceof DictView) return x.size;
  if (x instanceof PyByteArray && special(x, '__len__') === undefined) return x.size;
  if (x instanceof PyMemoryView) return x.__len__();
  return instanceLen(x);
}

export function repr(x: unknown): string {
  if (arguments.length !== 1) throw exactlyOne('repr', arguments.length);
  return reprValue(x);
}

const STR_SIGNATURE: ClinicSignature = { name: 'str', params: ['object', 'encoding', 'errors'], posonly: 0, minpos: 0, maxpos: 3 };

export const str = withKeywords(function str(x?: unknown, encoding?: unknown, errors?: unknown): string {
  if (encoding === undefined && errors === undefined) {
    if (typeof x === 'string') return x;
    // An int in the safe range (integral floats are PyFloat boxes, 0.0 is -0): its digits, as JS writes them.
    if (typeof x === 'number' && Number.isSafeInteger(x) && !Object.is(x, -0)) return String(x);
    return x === undefined ? '' : strValue(x);
  }
  if (arguments.length > 3) unpackKeywords(STR_SIGNATURE, [...arguments], null);
  return decodedStr(x, encoding, errors);
}, (args, kw) => {
  const [x, encoding, errors] = unpackKeywords(STR_SIGNATURE, args, kw);
  if (encoding === undefined && errors === undefined) return x === undefined ? '' : strValue(x);
  return decodedStr(x, encoding, errors);
});

/** str(b, encoding[, errors]): the bytes decoded. */
function decodedStr(x: unknown, encoding: unknown, errors: unknown): string {
  // Argument Clinic converts encoding and errors before str() looks at the object.
  if (encoding !== undefined && typeof encoding !== 'string') throw badArgument('str', "argument 'encoding'", 'str', encoding);
  if (errors !== undefined && typeof errors !== 'string') throw badArgument('str', "argument 'errors'", 'str', errors);
  if (typeof x === 'string') throw new TypeError('decoding str is not supported');
  const data = x instanceof PyBytes ? x.bytes : bufferBytesOrNull(x)?.slice() ?? null;
  if (data === null) throw new TypeError(`decoding to str: need a bytes-like object, ${typeName(x)} found`);
  return bytes_decode(new PyBytes(data), encoding ?? 'utf-8', errors ?? 'strict');
}

export function ascii(x: unknown): string {
  if (arguments.length !== 1) throw exactlyOne('ascii', arguments.length);
  return asciiOf(x);
}

/** `f"{value}"`: format(value, '') with the common cases first (a str is itself; an int in the safe range its digits). */
export function formatPlain(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && !Object.is(value, -0)) return String(value);
  return formatValue(value, '');
}

export function format(value: unknown, spec: unknown = ''): string {
  if (arguments.length === 0 || arguments.length > 2) throw arguments.length === 0 ? expected('format', 1, 0, true) : new TypeError(`format expected at most 2 arguments, got ${arguments.length}`);
  if (typeof spec !== 'string') throw new TypeError(`format() argument 2 must be str, not ${argTypeName(spec)}`);
  return formatValue(value, spec);
}

export function bool(x?: unknown): boolean {
  if (arguments.length > 1) checkPositional('bool', arguments.length, 0, 1);
  return x === undefined ? false : truthy(x);
}

const INT_SIGNATURE: ClinicSignature = { name: 'int', params: ['x', 'base'], posonly: 1, minpos: 0, maxpos: 2 };

export const int = withKeywords(function int(x: unknown = 0, base?: unknown): unknown {
  if (arguments.length > 2) unpackKeywords(INT_SIGNATURE, [...arguments], null);
  return num.int(x, base);
}, (args, kw) => {
  // int(x, /, base=10).
  const [x, base] = unpackKeywords(INT_SIGNATURE, args, kw);
  if (x === undefined && base !== undefined) throw new TypeError('int() missing string argument');
  return num.int(x === undefined ? 0 : x, base);
});

export const float = withKeywords(function float(x: unknown = -0): unknown {
  if (arguments.length > 1) checkPositional('float', arguments.length, 0, 1);
  return num.float(x);
}, (args, kw) => {
  if (Object.keys(kw).length > 0) throw new TypeError('float() takes no keyword arguments');
  if (args.length > 1) checkPositional('float', args.length, 0, 1);
  return num.float(args.length > 0 ? args[0] : -0);
});

export function list(iterable?: unknown): unknown[] {
  if (arguments.length > 1) checkPositional('list', arguments.length, 0, 1);
  return iterable === undefined ? [] : [...iterate(iterable)];
}

export function tuple(iterable?: unknown): PyTuple {
  if (arguments.length > 1) checkPositional('tuple', arguments.length, 0, 1);
  return tupleFromIterable(iterable);
}

export const dict = withKeywords(
  function dict(other?: unknown): PyDict {
    if (arguments.length > 1) checkPositional('dict', arguments.length, 0, 1);
    return dictFrom(other);
  },
  (args, kw) => {
    if (args.length > 1) checkPositional('dict', args.length, 0, 1);
    return dictFrom(args[0], kw);
  },
);

export function set(iterable?: unknown): PySet {
  if (arguments.length > 1) checkPositional('set', arguments.length, 0, 1);
  return setFrom(iterable);
}

export function frozenset(iterable?: unknown): PyFrozenSet {
  if (arguments.length > 1) checkPositional('frozenset', arguments.length, 0, 1);
  return frozensetFrom(iterable);
}

const BYTES_SIGNATURE: ClinicSignature = { name: 'bytes', params: ['source', 'encoding', 'errors'], posonly: 0, minpos: 0, maxpos: 3 };
const BYTEARRAY_SIGNATURE: ClinicSignature = { ...BYTES_SIGNATURE, name: 'bytearray' };

export const bytes = withKeywords(function bytes(source?: unknown, encoding?: unknown, errors?: unknown): PyBytes {
  if (arguments.length > 3) unpackKeywords(BYTES_SIGNATURE, [...arguments], null);
  return makeBytes(source, encoding, errors);
}, (args, kw) => {
  const [source, encoding, errors] = unpackKeywords(BYTES_SIGNATURE, args, kw);
  return makeBytes(source, encoding, errors);
});

export const bytearray = withKeywords(function bytearray(source?: unknown, encoding?: unknown, errors?: unknown): PyByteArray {
  if (arguments.length > 3) unpackKeywords(BYTEARRAY_SIGNATURE, [...arguments], null);
  return makeByteArray(source, encoding, errors);
}, (args, kw) => {
  const [source, encoding, errors] = unpackKeywords(BYTEARRAY_SIGNATURE, args, kw);
  return makeByteArray(source, encoding, errors);
});

function memoryviewOf(args: unknown[]): PyMemoryView {
  if (args.length !== 1) {
    if (args.length === 0) throw new TypeError("memoryview() missing required argument 'object' (pos 1)");
    throw new TypeError(`memoryview() takes at most 1 argument (${args.length} given)`);
  }
  return makeMemoryView(args[0]);
}

export const memoryview = withKeywords(function memoryview(...args: unknown[]): PyMemoryView {
  return memoryviewOf(args);
}, (args, kw) => {
  // Argument clinic's checks: the count first, then the one parameter's name.
  const names = Object.keys(kw);
  const total = args.length + names.length;
  if (total > 1) throw new TypeError(`memoryview() takes at most 1 ${args.length === 0 ? 'keyword ' : ''}argument (${total} given)`);
  return memoryviewOf(names[0] === 'object' ? [kw['object']] : args);
});

const COMPLEX_SIGNATURE: ClinicSignature = { name: 'complex', params: ['real', 'imag'], posonly: 0, minpos: 0, maxpos: 2 };

export const complex = withKeywords(function complex(real?: unknown, imag?: unknown): PyComplex {
  if (arguments.length > 2) unpackKeywords(COMPLEX_SIGNATURE, [...arguments], null);
  return makeComplex(real, imag);
}, (args, kw) => {
  const [real, imag] = unpackKeywords(COMPLEX_SIGNATURE, args, kw);
  return makeComplex(real, imag);
});

export function abs(x: unknown): unknown {
  if (arguments.length !== 1) throw exactlyOne('abs', arguments.length);
  const r = num.abs(x);
  return r !== NotImplemented ? r : unaryOp('__abs__', 'abs', x);
}

function extreme(name: 'min' | 'max', args: unknown[], kw: Kw): unknown {
  if (args.length === 0) throw new TypeError(`${name} expected at least 1 argument, got 0`);
  unexpected(name, kw, ['key', 'default']);
  const key = kw['key'] === null || kw['key'] === undefined ? null : asFunction(kw['key']);
  if (args.length > 1 && 'default' in kw) {
    throw new TypeError(`Cannot specify a default for ${name}() with multiple positional arguments`);
  }
  const items = args.length === 1 ? [...iterate(args[0])] : args;
  if (items.length === 0) {
    if ('default' in kw) return kw['default'];
    throw new ValueError(`${name}() arg is an empty sequence`);
  }
  let best = items[0];
  let bestKey = key === null ? best : key(best);
  for (let i = 1; i < items.length; i++) {
    const k = key === null ? items[i] : key(items[i]);
    // CPython asks `item < best` for min and `item > best` for max (which decides the TypeError's wording).
    if (truthy(name === 'min' ? lt(k, bestKey) : gt(k, bestKey))) {
      best = items[i];
      bestKey = k;
    }
  }
  return best;
}

export const min = variadic(function min(...args: unknown[]): unknown {
  return extreme('min', args, {});
}, (args, kw) => extreme('min', args, kw));

export const max = variadic(function max(...args: unknown[]): unknown {
  return extreme('max', args, {});
}, (args, kw) => extreme('max', args, kw));

function sumOf(iterable: unknown, start: unknown = 0): unknown {
  const items = iterate(iterable);
  if (typeof start === 'string') throw new TypeError("sum() can't sum strings [use ''.join(seq) instead]");
  if (start instanceof PyBytes || start instanceof PyByteArray) {
    throw new TypeError(`sum() can't sum ${start instanceof PyBytes ? 'bytes' : 'bytearray'} [use b''.join(seq) instead]`);
  }
  let total = start;
  for (const item of items) total = add(total, item);
  return total;
}

const SUM_SIGNATURE: ClinicSignature = { name: 'sum', params: ['iterable', 'start'], posonly: 1, minpos: 1, maxpos: 2 };

export const sum = withKeywords(function sum(iterable: unknown, start: unknown = 0): unknown {
  if (arguments.length === 0 || arguments.length > 2) unpackKeywords(SUM_SIGNATURE, [...arguments], null);
  return sumOf(iterable, start);
}, (args, kw) => {
  const [iterable, start] = unpackKeywords(SUM_SIGNATURE, args, kw);
  return sumOf(iterable, start === undefined ? 0 : start);
});

export function any(iterable: unknown): boolean {
  if (arguments.length !== 1) throw exactlyOne('any', arguments.length);
  for (const item of iterate(iterable)) if (truthy(item)) return true;
  return false;
}

export function all(iterable: unknown): boolean {
  if (arguments.length !== 1) throw exactlyOne('all', arguments.length);
  for (const item of iterate(iterable)) if (!truthy(item)) return false;
  return true;
}

export const sorted = withKeywords(
  function sorted(iterable: unknown): unknown[] {
    if (arguments.length !== 1) throw expected('sorted', 1, arguments.length);
    return sortedList(iterable);
  },
  (args, kw) => {
    if (args.length !== 1) throw expected('sorted', 1, args.length);
    if (Object.keys(kw).some((k) => k !== 'key' && k !== 'reverse')) {
      // sorted() makes its list before it hands the keywords to list.sort, whose name the complaint carries.
      list(args[0]);
      unexpected('sort', kw, ['key', 'reverse']);
    }
    // None is a value for both (key=None is no key; reverse=None is refused, as list.sort refuses it).
    return sortedList(args[0], 'key' in kw ? kw['key'] : undefined, 'reverse' in kw ? kw['reverse'] : undefined);
  },
);

export { reversed } from './reversed.js';

export const enumerate = withKeywords(function enumerate(iterable: unknown, start: unknown = 0): Enumerate {
  if (arguments.length === 0 || arguments.length > 2) enumerateArity(arguments.length, 0);
  return new Enumerate(iterable, start);
}, (args, kw) => {
  // CPython's enumerate reads its keywords by hand (enum_vectorcall), with complaints of its own.
  const names = Object.keys(kw);
  const total = args.length + names.length;
  if (total === 2 && names.length === 2 && names[0] === 'start') {
    if (names[1] !== 'iterable') throw new TypeError(`'${names[1]}' is an invalid keyword argument for enumerate()`);
    return new Enumerate(kw['iterable'], kw['start']);
  }
  if (total === 1 || total === 2) {
    const expectedNames = total === 1 ? ['iterable'] : ['iterable', 'start'].slice(args.length);
    names.forEach((name, i) => {
      if (name !== expectedNames[i]) throw new TypeError(`'${name}' is an invalid keyword argument for enumerate()`);
    });
    const all = [...args, ...names.map((name) => kw[name])];
    return new Enumerate(all[0], all.length > 1 ? all[1] : 0);
  }
  return enumerateArity(args.length, names.length);
});

function enumerateArity(nargs: number, nkwargs: number): never {
  if (nargs === 0) throw new TypeError("enumerate() missing required argument 'iterable'");
  throw new TypeError(`enumerate() takes at most 2 arguments (${nargs + nkwargs} given)`);
}

export const zip = variadic(function zip(...iterables: unknown[]): Zip {
  return new Zip(iterables, false);
}, (args, kw) => {
  unexpected('zip', kw, ['strict']);
  return new Zip(args, kw['strict'] !== undefined && truthy(kw['strict']));
});

export function map(fn: unknown, ...iterables: unknown[]): PyMap {
  return new PyMap(fn, iterables);
}

export function filter(fn: unknown, iterable: unknown): Filter {
  if (arguments.length !== 2) throw expected('filter', 2, arguments.length);
  return new Filter(fn, iterable);
}

// iter(x), iter(callable, sentinel) and next(it[, default]) follow Python's iterator protocol, in iteration.ts.
export { iter, next } from './iteration.js';

export function chr(i: unknown): string {
  if (arguments.length !== 1) throw exactlyOne('chr', arguments.length);
  const n = Number(pyIndex(i));
  if (n < 0 || n > 0x10ffff) {
    // Argument Clinic reads the argument as a C int first.
    if (n >= 2 ** 31 || n < -(2 ** 31)) throw new OverflowError('Python int too large to convert to C int');
    throw new ValueError('chr() arg not in range(0x110000)');
  }
  return String.fromCodePoint(n);
}

export function ord(c: unknown): number {
  if (arguments.length !== 1) throw exactlyOne('ord', arguments.length);
  if (c instanceof PyBoxed) c = c[BASE_VALUE];
  if (c instanceof PyBytes) {
    const n = bytesLen(c);
    if (n !== 1) throw new TypeError(`ord() expected a character, but string of length ${n} found`);
    return c.bytes[0]!;
  }
  if (typeof c !== 'string') throw new TypeError(`ord() expected string of length 1, but ${typeName(c)} found`);
  const n = strLen(c);
  if (n !== 1) throw new TypeError(`ord() expected a character, but string of length ${n} found`);
  return c.codePointAt(0)!;
}

function radix(prefix: string, base: number) {
  return function (x: unknown): string {
    if (arguments.length !== 1) throw exactlyOne(prefix === '0x' ? 'hex' : prefix === '0o' ? 'oct' : 'bin', arguments.length);
    const big = BigInt(pyIndex(x));
    return (big < 0n ? '-' : '') + prefix + (big < 0n ? -big : big).toString(base);
  };
}

export const hex = radix('0x', 16);
export const oct = radix('0o', 8);
export const bin = radix('0b', 2);

export function hash(x: unknown): unknown {
  if (arguments.length !== 1) throw exactlyOne('hash', arguments.length);
  return pyHash(x);
}


export function divmod(a: unknown, b: unknown): unknown {
  if (arguments.length !== 2) throw expected('divmod', 2, arguments.length);
  const r = num.divmod(a, b);
  return r !== NotImplemented ? r : binaryOp('divmod()', a, b);
}

function roundOf(x: unknown, ndigits?: unknown): unknown {
  // A class's own __round__ (a subclass of int or float included); None for ndigits is no ndigits.
  if (typeof x === 'object' && x !== null && !(x instanceof PyFloat) && hasSpecial(x, '__round__')) {
    return ndigits === undefined || ndigits === null ? callSpecial(x, '__round__') : callSpecial(x, '__round__', ndigits);
  }
  return num.round(x, ndigits);
}

const ROUND_SIGNATURE: ClinicSignature = { name: 'round', params: ['number', 'ndigits'], posonly: 0, minpos: 1, maxpos: 2 };

export const round = withKeywords(function round(x: unknown, ndigits?: unknown): unknown {
  if (arguments.length === 0 || arguments.length > 2) unpackKeywords(ROUND_SIGNATURE, [...arguments], null);
  return roundOf(x, ndigits);
}, (args, kw) => {
  const [number, ndigits] = unpackKeywords(ROUND_SIGNATURE, args, kw);
  return roundOf(number, ndigits);
});

const POW_SIGNATURE: ClinicSignature = { name: 'pow', params: ['base', 'exp', 'mod'], posonly: 0, minpos: 2, maxpos: 3 };

export const pow = withKeywords(function pow(base: unknown, exp: unknown, mod?: unknown): unknown {
  if (arguments.length < 2 || arguments.length > 3) unpackKeywords(POW_SIGNATURE, [...arguments], null);
  return powOf(base, exp, mod ?? undefined);
}, (args, kw) => {
  const [base, exp, mod] = unpackKeywords(POW_SIGNATURE, args, kw);
  return powOf(base, exp, mod ?? undefined);
});

/** pow() on numbers, else `__pow__`/`__rpow__` (two arguments) or the base values of int subclasses (three). */
function powOf(base: unknown, exp: unknown, mod: unknown): unknown {
  const r = num.pow(base, exp, mod);
  if (r !== NotImplemented) return r;
  if (mod === undefined) return binaryOp('** or pow()', base, exp);
  if (base instanceof PyBoxed || exp instanceof PyBoxed || mod instanceof PyBoxed) return powOf(unbox(base), unbox(exp), unbox(mod));
  // Three-argument pow calls only the base's __pow__ (CPython's slot_nb_power never tries __rpow__ then).
  if (hasSpecial(base, '__pow__')) {
    const r3 = callSpecial(base, '__pow__', exp, mod);
    if (r3 !== NotImplemented) return r3;
  }
  throw new TypeError(`unsupported operand type(s) for ** or pow(): '${typeName(base)}', '${typeName(exp)}', '${typeName(mod)}'`);
}

registerBuiltinType(str, 'str');
registerBuiltinType(list, 'list');
registerBuiltinType(tuple, 'tuple');
registerBuiltinType(dict, 'dict');
registerBuiltinType(set, 'set');

export { range, PyComplex };
export { getattr, setattr, hasattr } from './attributes.js';

valueOperators.binary['divmod()'] = divmod;
valueOperators.unary['__abs__'] = abs;
