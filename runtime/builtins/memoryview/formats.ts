/**
 * The item formats a memoryview reads and writes: the native single-character
 * struct formats CPython's memoryview.cast accepts (x86-64 sizes, little
 * endian), each with how an item is unpacked to a Python value and packed from
 * one, with memoryview's own errors ("invalid type/value for format 'B'").
 */
import { TypeError, ValueError } from '../exceptions.js';
import { PyBytes, PyFloat, PyFloatBox, float, intFromBigInt, isInt, isIntNumber, unbox } from '../values.js';
import { callSpecial, hasSpecial } from '../special.js';
import { truthy } from '../truth.js';

export interface ItemFormat {
  /** The format character ('B', 'd'…). */
  readonly code: string;
  readonly itemsize: number;
  read(view: DataView, at: number): unknown;
  /** Writes a Python value, or throws memoryview's TypeError/ValueError naming `format`. */
  write(view: DataView, at: number, value: unknown, format: string): void;
}

function invalidType(format: string): TypeError {
  return new TypeError(`memoryview: invalid type for format '${format}'`);
}

function invalidValue(format: string): ValueError {
  return new ValueError(`memoryview: invalid value for format '${format}'`);
}

/** An int argument as a bigint (bool and `__index__` objects too), or a TypeError naming the format. */
function intValue(v: unknown, format: string): bigint {
  if (typeof v === 'number' && isIntNumber(v)) return BigInt(v);
  if (typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'object' && v !== null && !(v instanceof PyFloat) && hasSpecial(v, '__index__')) {
    const r = callSpecial(v, '__index__');
    if (isInt(r)) return BigInt(r);
    if (typeof r === 'boolean') return r ? 1n : 0n;
  }
  throw invalidType(format);
}

/** A float argument (ints, and objects with `__float__` or `__index__`), or a TypeError naming the format. */
function floatValue(value: unknown, format: string): number {
  // A float subclass's instance is its value.
  const v = value instanceof PyFloatBox ? unbox(value) : value;
  // `+ 0`: the -0 of 0.0 is +0 (values.ts).
  if (typeof v === 'number') return v + 0;
  if (v instanceof PyFloat) return v.value;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') {
    const x = Number(v);
    // An int too large for a double: CPython's OverflowError, which memoryview reports as a bad value.
    if (!Number.isFinite(x)) throw invalidValue(format);
    return x;
  }
  if (typeof v === 'object' && v !== null) {
    if (hasSpecial(v, '__float__')) {
      const r = callSpecial(v, '__float__');
      if (typeof r === 'number') return r + 0;
      if (r instanceof PyFloat) return r.value;
    } else if (hasSpecial(v, '__index__')) return Number(intValue(v, format));
  }
  throw invalidType(format);
}

/** An integer format of `size` bytes: small ones through DataView's number accessors, 8-byte ones through its bigint ones. */
function integer(code: string, size: 1 | 2 | 4 | 8, signed: boolean, wrapNegative = false): ItemFormat {
  const bits = BigInt(size * 8);
  const min = signed ? -(1n << (bits - 1n)) : wrapNegative ? -(1n << (bits - 1n)) : 0n;
  const max = signed ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n;
  const check = (value: unknown, format: string): bigint => {
    const n = intValue(value, format);
    if (n < min || n > max) throw invalidValue(format);
    return n;
  };
  switch (size) {
    case 1:
      return {
        code, itemsize: 1,
        read: signed ? (d, at) => d.getInt8(at) : (d, at) => d.getUint8(at),
        write: (d, at, v, f) => d.setUint8(at, Number(BigInt.asUintN(8, check(v, f)))),
      };
    case 2:
      return {
        code, itemsize: 2,
        read: signed ? (d, at) => d.getInt16(at, true) : (d, at) => d.getUint16(at, true),
        write: (d, at, v, f) => d.setUint16(at, Number(BigInt.asUintN(16, check(v, f))), true),
      };
    case 4:
      return {
        code, itemsize: 4,
        read: signed ? (d, at) => d.getInt32(at, true) : (d, at) => d.getUint32(at, true),
        write: (d, at, v, f) => d.setUint32(at, Number(BigInt.asUintN(32, check(v, f))), true),
      };
    case 8:
      return {
        code, itemsize: 8,
        read: signed ? (d, at) => intFromBigInt(d.getBigInt64(at, true)) : (d, at) => intFromBigInt(d.getBigUint64(at, true)),
        write: (d, at, v, f) => d.setBigUint64(at, BigInt.asUintN(64, check(v, f)), true),
      };
  }
}

const FORMATS: Record<string, ItemFormat> = {
  b: integer('b', 1, true),
  B: integer('B', 1, false),
  h: integer('h', 2, true),
  H: integer('H', 2, false),
  i: integer('i', 4, true),
  I: integer('I', 4, false),
  l: integer('l', 8, true),
  L: integer('L', 8, false),
  q: integer('q', 8, true),
  Q: integer('Q', 8, false),
  n: integer('n', 8, true),
  N: integer('N', 8, false),
  // A pointer takes negative ints too (PyLong_AsVoidPtr), stored as their two's complement.
  P: integer('P', 8, false, true),
  c: {
    code: 'c', itemsize: 1,
    read: (d, at) => new PyBytes(Uint8Array.of(d.getUint8(at))),
    write(d, at, v, f) {
      const b = unbox(v);
      if (!(b instanceof PyBytes)) throw invalidType(f);
      if (b.bytes.length !== 1) throw invalidValue(f);
      d.setUint8(at, b.bytes[0]!);
    },
  },
  '?': {
    code: '?', itemsize: 1,
    read: (d, at) => d.getUint8(at) !== 0,
    write: (d, at, v) => d.setUint8(at, truthy(v) ? 1 : 0),
  },
  f: {
    code: 'f', itemsize: 4,
    read: (d, at) => float(d.getFloat32(at, true)),
    write: (d, at, v, f) => d.setFloat32(at, floatValue(v, f), true),
  },
  d: {
    code: 'd', itemsize: 8,
    read: (d, at) => float(d.getFloat64(at, true)),
    write: (d, at, v, f) => d.setFloat64(at, floatValue(v, f), true),
  },
};

/** The format of a struct format string memoryview.cast accepts ('B' or '@B'), or undefined. */
export function nativeFormat(format: string): ItemFormat | undefined {
  const code = format.length === 2 && format[0] === '@' ? format[1]! : format.length === 1 ? format : '';
  return Object.hasOwn(FORMATS, code) ? FORMATS[code] : undefined;
}

/** The unsigned-byte format every bytes-like object exports. */
export const BYTE_FORMAT: ItemFormat = FORMATS['B']!;

/** 'B', 'b' and 'c' (optionally '@'-prefixed): the formats casts and hashing treat as plain bytes. */
export function isByteFormat(format: string): boolean {
  const code = format.length === 2 && format[0] === '@' ? format[1] : format;
  return code === 'B' || code === 'b' || code === 'c';
}
