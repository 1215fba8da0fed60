/**
 * Python's builtin functions and types, as compiled code imports them under
 * their Python names. The types (`int`, `str`, `list`…) are plain functions
 * that convert; `isinstance` and `type` know which values each stands for.
 * Builtins taking keyword arguments have a `$kw` entry the call layer uses.
 */
import { callSpecial, hasSpecial } from './special.js';
import { BASE_VALUE, PyBoxed, PyBytes, PyComplex, PyFloat, PyTuple, typeName, unbox } from './values.js';
import { TypeError, ValueError } from './exceptions.js';
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
import { binaryOp, instanceLen, unaryOp } from './dunders.js';
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
  if (x instanceof PyByteArray) return x.size;
  if (x instanceof PyMemoryView) return x.__len__();
  return instanceLen(x);
}

export function repr(x: unknown): string {
  if (arguments.length !== 1) throw exactlyOne('repr', arguments.length);
  return reprValue(x);
}

export const str = withKeywords(function str(x?: unknown, encoding?: unknown, errors?: unknown): string {
  if (encoding === undefined && errors === undefined) {
    if (typeof x === 'string') return x;
    // An int in the safe range (integral floats are PyFloat boxes, 0.0 is -0): its digits, as JS writes them.
    if (typeof x === 'number' && Number.isSafeInteger(x) && !Object.is(x, -0)) return String(x);
    return x === undefined ? '' : strValue(x);
  }
  return decodedStr(x, encoding, errors);
}, (args, kw) => {
  unexpected('str', kw, ['object', 'encoding', 'errors']);
  const x = kw['object'] ?? args[0];
  const encoding = kw['encoding'] ?? args[1];
  const errors = kw['errors'] ?? args[2];
  if (encoding === undefined && errors === undefined) return x === undefined ? '' : strValue(x);
  return decodedStr(x, encoding, errors);
});

/** str(b, encoding[, errors]): the bytes decoded. */
function decodedStr(x: unknown, encoding: unknown, errors: unknown): string {
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
  if (typeof spec !== 'string') throw new TypeError(`format() argument 2 must be str, not ${typeName(spec)}`);
  return formatValue(value, spec);
}

export function bool(x?: unknown, ...rest: unknown[]): boolean {
  if (rest.length > 0) throw new TypeError(`bool expected at most 1 argument, got ${rest.length + 1}`);
  return x === undefined ? false : truthy(x);
}

export const int = withKeywords(function int(x: unknown = 0, base?: unknown): unknown {
  return num.int(x, base);
}, (args, kw) => {
  // int(x, base=10): x is positional-only.
  unexpected('int', kw, ['base']);
  if (args.length === 0 && kw['base'] !== undefined) throw new TypeError('int() missing string argument');
  return num.int(args.length > 0 ? args[0] : 0, kw['base'] ?? args[1]);
});

export const float = withKeywords(function float(x: unknown = -0): unknown {
  return num.float(x);
}, (args, kw) => {
  if (Object.keys(kw).length > 0) throw new TypeError('float() takes no keyword arguments');
  return num.float(args.length > 0 ? args[0] : -0);
});

export function list(iterable?: unknown): unknown[] {
  return iterable === undefined ? [] : [...iterate(iterable)];
}

export function tuple(iterable?: unknown): PyTuple {
  return tupleFromIterable(iterable);
}

export const dict = withKeywords(
  function dict(other?: unknown): PyDict {
    return dictFrom(other);
  },
  (args, kw) => dictFrom(args[0], kw),
);

export function set(iterable?: unknown): PySet {
  return setFrom(iterable);
}

export function frozenset(iterable?: unknown): PyFrozenSet {
  return frozensetFrom(iterable);
}

export const bytes = withKeywords(function bytes(source?: unknown, encoding?: unknown, errors?: unknown): PyBytes {
  return makeBytes(source, encoding, errors);
}, (args, kw) => {
  unexpected('bytes', kw, ['source', 'encoding', 'errors']);
  return makeBytes(kw['source'] ?? args[0], kw['encoding'] ?? args[1], kw['errors'] ?? args[2]);
});

export const bytearray = withKeywords(function bytearray(source?: unknown, encoding?: unknown, errors?: unknown): PyByteArray {
  return makeByteArray(source, encoding, errors);
}, (args, kw) => {
  unexpected('bytearray', kw, ['source', 'encoding', 'errors']);
  return makeByteArray(kw['source'] ?? args[0], kw['encoding'] ?? args[1], kw['errors'] ?? args[2]);
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

export const complex = withKeywords(function complex(real?: unknown, imag?: unknown): PyComplex {
  return makeComplex(real, imag);
}, (args, kw) => {
  unexpected('complex', kw, ['real', 'imag']);
  return makeComplex(kw['real'] ?? args[0], kw['imag'] ?? args[1]);
});

export function abs(x: unknown): unknown {
  if (arguments.length !== 1) throw exactlyOne('abs', arguments.length);
  const r = num.abs(x);
  return r !== NotImplemented ? r : unaryOp('__abs__', 'abs', x);
}

function extreme(name: 'min' | 'max', args: unknown[], kw: Kw): unknown {
  unexpected(name, kw, ['key', 'default']);
  const key = kw['key'] === null || kw['key'] === undefined ? null : asFunction(kw['key']);
  if (args.length === 0) throw new TypeError(`${name} expected at least 1 argument, got 0`);
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
  if (typeof start === 'string') throw new TypeError("sum() can't sum strings [use ''.join(seq) instead]");
  let total = start;
  for (const item of iterate(iterable)) total = add(total, item);
  return total;
}

export const sum = withKeywords(function sum(iterable: unknown, start: unknown = 0): unknown {
  if (arguments.length === 0) throw new TypeError('sum() takes at least 1 positional argument (0 given)');
  return sumOf(iterable, start);
}, (args, kw) => sumOf(args[0], kw['start'] ?? args[1] ?? 0));

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
    unexpected('sorted', kw, ['key', 'reverse']);
    return sortedList(args[0], kw['key'] ?? undefined, kw['reverse'] ?? undefined);
  },
);

export { reversed } from './reversed.js';

export const enumerate = withKeywords(function enumerate(iterable: unknown, start: unknown = 0): Enumerate {
  return new Enumerate(iterable, start);
}, (args, kw) => {
  unexpected('enumerate', kw, ['iterable', 'start']);
  return new Enumerate(kw['iterable'] ?? args[0], kw['start'] ?? args[1] ?? 0);
});

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
  if (n < 0 || n > 0x10ffff) throw new ValueError('chr() arg not in range(0x110000)');
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
  return pyHash(x);
}


export function divmod(a: unknown, b: unknown): unknown {
  if (arguments.length !== 2) throw expected('divmod', 2, arguments.length);
  const r = num.divmod(a, b);
  return r !== NotImplemented ? r : binaryOp('divmod()', a, b);
}

function roundOf(x: unknown, ndigits?: unknown): unknown {
  if (arguments.length === 0) throw new TypeError("round() missing required argument 'number' (pos 1)");
  // A class's own __round__ (a subclass of int or float included); None for ndigits is no ndigits.
  if (typeof x === 'object' && x !== null && !(x instanceof PyFloat) && hasSpecial(x, '__round__')) {
    return ndigits === undefined || ndigits === null ? callSpecial(x, '__round__') : callSpecial(x, '__round__', ndigits);
  }
  return num.round(x, ndigits);
}

export const round = withKeywords(function round(x: unknown, ndigits?: unknown): unknown {
  return arguments.length === 0 ? (roundOf as () => unknown)() : roundOf(x, ndigits);
}, (args, kw) => {
  // Argument Clinic's order of complaints: too many, given twice, missing, unknown.
  const given = args.length + Object.keys(kw).length;
  if (given > 2) throw new TypeError(`round() takes at most 2 arguments (${given} given)`);
  if (args.length >= 1 && 'number' in kw) throw new TypeError("argument for round() given by name ('number') and position (1)");
  if (args.length >= 2 && 'ndigits' in kw) throw new TypeError("argument for round() given by name ('ndigits') and position (2)");
  if (args.length === 0 && !('number' in kw)) throw new TypeError("round() missing required argument 'number' (pos 1)");
  unexpected('round', kw, ['number', 'ndigits']);
  return roundOf('number' in kw ? kw['number'] : args[0], 'ndigits' in kw ? kw['ndigits'] : args[1]);
});

export const pow = withKeywords(function pow(base: unknown, exp: unknown, mod?: unknown): unknown {
  if (arguments.length < 2) throw new TypeError(`pow() missing required argument '${arguments.length === 0 ? 'base' : 'exp'}' (pos ${arguments.length + 1})`);
  return powOf(base, exp, mod ?? undefined);
}, (args, kw) => {
  unexpected('pow', kw, ['base', 'exp', 'mod']);
  return powOf(kw['base'] ?? args[0], kw['exp'] ?? args[1], kw['mod'] ?? args[2] ?? undefined);
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
