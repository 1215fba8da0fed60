/**
 * Packing and unpacking the items of a compiled struct layout, with
 * CPython's _struct checks and messages: which range each code and byte
 * order checks an int against (the native functions `<` and `=` borrow for
 * most codes, the standard ones for `l`/`L` and for `>`/`!`), `__index__`
 * for ints, PyFloat_AsDouble for floats, IEEE half floats rounded to even.
 */
import { OverflowError } from '../../../builtins/exceptions.js';
import { PyBytes, PyTuple, float, intFromBigInt, isFloat, isIntNumber, unbox } from '../../../builtins/values.js';
import { truthy } from '../../../builtins/truth.js';
import { bufferBytes } from '../../../builtins/buffer.js';
import { PyByteArray } from '../../../builtins/bytearray.js';
import { lookupSpecial } from '../../../builtins/special.js';
import { toDouble, toIndex } from '../math/args.js';
import type { Layout, Run } from './layout.js';
import { structError } from './error.js';

const LONG_MIN = -(1n << 63n);
const LONG_MAX = (1n << 63n) - 1n;
const ULONG_MAX = (1n << 64n) - 1n;

/** get_pylong: an int, or an object's `__index__`, else struct.error. */
function intArg(v: unknown): bigint {
  if (typeof v === 'number' && isIntNumber(v)) return BigInt(v);
  if (typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (isFloat(unbox(v)) || lookupSpecial(v, '__index__') === undefined) throw structError('required argument is not an integer');
  return BigInt(toIndex(v));
}

function outOfRange(): unknown {
  return structError('argument out of range');
}

/** _range_error: `'i' format requires -2147483648 <= number <= 2147483647`. */
function rangeError(code: string, size: number, unsigned: boolean): unknown {
  const ularge = (1n << BigInt(size * 8)) - 1n;
  if (unsigned) return structError(`'${code}' format requires 0 <= number <= ${ularge}`);
  const large = ularge >> 1n;
  return structError(`'${code}' format requires ${-large - 1n} <= number <= ${large}`);
}

/** The range messages of the native byte and short packers. */
const NATIVE_SMALL: Readonly<Record<string, [bigint, bigint, string]>> = {
  b: [-128n, 127n, 'byte format requires -128 <= number <= 127'],
  B: [0n, 255n, 'ubyte format requires 0 <= number <= 255'],
  h: [-32768n, 32767n, 'short format requires -32768 <= number <= 32767'],
  H: [0n, 65535n, 'ushort format requires 0 <= number <= 65535'],
};

/** NATIVE_SMALL's bounds as numbers, for checkedSmallInt. */
const NATIVE_SMALL_NUMBERS: Readonly<Record<string, [number, number, string]>> = Object.fromEntries(
  Object.entries(NATIVE_SMALL).map(([code, [min, max, message]]) => [code, [Number(min), Number(max), message]]),
);

/** An int item checked as CPython checks it for this code, byte order and size. */
function checkedInt(code: string, v: unknown, layout: Layout, size: number): bigint {
  const n = intArg(v);
  const unsigned = code === code.toUpperCase();
  // get_long / get_ulong: a C long (unsigned long) first.
  const long = (): void => {
    if (n < LONG_MIN || n > LONG_MAX) throw outOfRange();
  };
  const ulong = (): void => {
    if (n < 0n || n > ULONG_MAX) throw outOfRange();
  };
  const small = NATIVE_SMALL[code];
  const big = layout.order === '>' || layout.order === '!';
  if (small !== undefined && (!big || code === 'b' || code === 'B')) {
    long();
    if (n < small[0] || n > small[1]) throw structError(small[2]);
    return n;
  }
  if (code === 'P') {
    // PyLong_AsVoidPtr: a C long when negative, an unsigned long otherwise.
    if (n < LONG_MIN || n > ULONG_MAX) throw structError('int too large to convert');
    return n;
  }
  if (size === 8) {
    if (big) {
      // _PyLong_AsByteArray's OverflowError, reported as struct.error for an int.
      if (unsigned ? n < 0n || n > ULONG_MAX : n < LONG_MIN || n > LONG_MAX) throw structError('int too large to convert');
    } else if (unsigned) ulong();
    else long();
    return n;
  }
  if (unsigned) ulong();
  else long();
  const bits = BigInt(size * 8);
  if (unsigned ? n >= 1n << bits : n < -(1n << (bits - 1n)) || n >= 1n << (bits - 1n)) throw rangeError(code, size, unsigned);
  return n;
}

/** PyFloat_AsDouble's value, or struct.error for what it refuses. */
function floatArg(v: unknown): number {
  try {
    return toDouble(unbox(v));
  } catch {
    throw structError('required argument is not a float');
  }
}

function floatTooLarge(code: string, v: unknown): unknown {
  // s_pack_internal reports an int's OverflowError as its own.
  const u = unbox(v);
  if (typeof u === 'number' && isIntNumber(u) || typeof u === 'bigint' || typeof u === 'boolean') return structError('int too large to convert');
  return new OverflowError(`float too large to pack with ${code} format`);
}

/** PyFloat_Pack2: an IEEE half float, rounded half to even, or null when too large. */
function halfBits(x: number): number | null {
  let sign = 0;
  let e: number;
  let bits: number;
  if (x === 0) {
    sign = Object.is(x, -0) ? 1 : 0;
    e = 0;
    bits = 0;
  } else if (x === Infinity || x === -Infinity) {
    sign = x < 0 ? 1 : 0;
    e = 0x1f;
    bits = 0;
  } else if (Number.isNaN(x)) {
    e = 0x1f;
    bits = 512;
  } else {
    sign = x < 0 ? 1 : 0;
    if (sign) x = -x;
    // frexp, normalised to [1, 2).
    e = Math.floor(Math.log2(x));
    let f = x / 2 ** e;
    if (f >= 2) {
      f /= 2;
      e++;
    } else if (f < 1) {
      f *= 2;
      e--;
    }
    if (e >= 16) return null;
    if (e < -25) {
      f = 0;
      e = 0;
    } else if (e < -14) {
      f = f * 2 ** (14 + e);
      e = 0;
    } else {
      e += 15;
      f -= 1;
    }
    f *= 1024;
    bits = Math.trunc(f);
    if (f - bits > 0.5 || (f - bits === 0.5 && bits % 2 === 1)) {
      bits++;
      if (bits === 1024) {
        bits = 0;
        e++;
        if (e === 31) return null;
      }
    }
  }
  return bits | (e << 10) | (sign << 15);
}

/** PyFloat_Unpack2. */
function halfValue(h: number): number {
  const sign = h >> 15;
  let e = (h >> 10) & 0x1f;
  const f = h & 0x3ff;
  if (e === 0x1f) return f === 0 ? (sign ? -Infinity : Infinity) : NaN;
  let x = f / 1024;
  if (e === 0) e = -14;
  else {
    x += 1;
    e -= 15;
  }
  x *= 2 ** e;
  return sign ? -x : x;
}

function bytesItem(code: string, v: unknown): Uint8Array {
  const u = unbox(v);
  if (u instanceof PyBytes) return u.bytes;
  if (v instanceof PyByteArray) return bufferBytes(v)!;
  throw structError(`argument for '${code}' must be a bytes object`);
}

/**
 * One 8-byte scratch buffer for the conversions JS only offers through a
 * DataView (floats, 64-bit bigints): cheaper than a DataView over the
 * target at each call, and the target need not be aligned.
 */
const scratch = new DataView(new ArrayBuffer(8));
const scratchBytes = new Uint8Array(scratch.buffer);

/** The scratch's first `size` bytes (already in the byte order asked for) into `target`. */
function copyOut(target: Uint8Array, at: number, size: number): void {
  for (let k = 0; k < size; k++) target[at + k] = scratchBytes[k]!;
}

function copyIn(data: Uint8Array, at: number, size: number): void {
  for (let k = 0; k < size; k++) scratchBytes[k] = data[at + k]!;
}

/** Writes `n` (an int already checked to fit `size` bytes, signed or not) as two's complement. */
function writeInt(target: Uint8Array, at: number, size: number, n: number, little: boolean): void {
  if (size === 8) {
    // Two 32-bit halves: exact for any safe integer (division by 2**32 is exact).
    const hi = Math.floor(n / 4294967296);
    const lo = n - hi * 4294967296;
    writeInt(target, little ? at : at + 4, 4, lo, little);
    writeInt(target, little ? at + 4 : at, 4, hi, little);
    return;
  }
  // `>>>`/`>>` take the low 32 bits, so negative values come out as two's complement.
  if (little) {
    for (let k = 0; k < size; k++) target[at + k] = (n >>> (8 * k)) & 0xff;
  } else {
    for (let k = 0; k < size; k++) target[at + size - 1 - k] = (n >>> (8 * k)) & 0xff;
  }
}

/**
 * checkedInt for an int that is a JS number (a safe integer, so within C
 * long's range): the same checks and messages without bigints. Null for
 * what it does not cover ('P'), which takes the general path.
 */
function checkedSmallInt(code: string, n: number, layout: Layout, size: number): number | null {
  if (code === 'P') return null;
  const unsigned = code.charCodeAt(0) < 97;
  const big = layout.order === '>' || layout.order === '!';
  const small = NATIVE_SMALL_NUMBERS[code];
  if (small !== undefined && (!big || code === 'b' || code === 'B')) {
    if (n < small[0] || n > small[1]) throw structError(small[2]);
    return n;
  }
  if (size === 8) {
    if (unsigned && n < 0) throw big ? structError('int too large to convert') : outOfRange();
    return n;
  }
  if (unsigned) {
    if (n < 0) throw outOfRange();
    if (n >= 2 ** (size * 8)) throw rangeError(code, size, unsigned);
  } else {
    const half = 2 ** (size * 8 - 1);
    if (n < -half || n >= half) throw rangeError(code, size, unsigned);
  }
  return n;
}

function packOne(run: Run, at: number, v: unknown, target: Uint8Array, layout: Layout): void {
  const { code, size } = run;
  const little = layout.little;
  switch (code) {
    case 'c': {
      const u = unbox(v);
      if (!(u instanceof PyBytes) || u.bytes.length !== 1) throw structError('char format requires a bytes object of length 1');
      target[at] = u.bytes[0]!;
      return;
    }
    case 's': {
      const b = bytesItem(code, v);
      const n = Math.min(b.length, size);
      for (let k = 0; k < n; k++) target[at + k] = b[k]!;
      return;
    }
    case 'p': {
      const b = bytesItem(code, v);
      let n = Math.min(b.length, size - 1);
      for (let k = 0; k < n; k++) target[at + 1 + k] = b[k]!;
      if (n > 255) n = 255;
      if (size > 0) target[at] = n;
      return;
    }
    case '?':
      target[at] = truthy(v) ? 1 : 0;
      return;
    case 'e': {
      const h = halfBits(floatArg(v));
      if (h === null) throw floatTooLarge(code, v);
      writeInt(target, at, 2, h, little);
      return;
    }
    case 'f': {
      const x = floatArg(v);
      const y = Math.fround(x);
      // The native packer casts as C does; the standard ones refuse what becomes infinite.
      if (layout.order !== '@' && !Number.isFinite(y) && Number.isFinite(x)) throw floatTooLarge(code, v);
      scratch.setFloat32(0, y, little);
      copyOut(target, at, 4);
      return;
    }
    case 'd':
      scratch.setFloat64(0, typeof v === 'number' ? v + 0 : floatArg(v), little); // `+ 0`: 0.0 is -0 (values.ts)
      copyOut(target, at, 8);
      return;
  }
  // The common case, an int that is a JS number, without bigints.
  if (typeof v === 'number' && isIntNumber(v)) {
    const m = checkedSmallInt(code, v, layout, size);
    if (m !== null) {
      writeInt(target, at, size, m, little);
      return;
    }
  }
  const n = checkedInt(code, v, layout, size);
  if (size === 8) {
    scratch.setBigUint64(0, BigInt.asUintN(64, n), little);
    copyOut(target, at, 8);
  } else {
    writeInt(target, at, size, Number(BigInt.asIntN(size * 8, n)), little);
  }
}

/** Packs `values` (already counted) into `target` at `base`. */
export function packInto(layout: Layout, values: readonly unknown[], target: Uint8Array, base: number): void {
  // Pad bytes and the unused tails of strings are zeros.
  target.fill(0, base, base + layout.size);
  const runs = layout.runs;
  let k = 0;
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    const at = base + run.offset;
    for (let r = 0; r < run.repeat; r++) packOne(run, at + r * run.size, values[k++], target, layout);
  }
}

/** Reads `size` (1, 2 or 4) bytes as an unsigned int. */
function readUint(data: Uint8Array, at: number, size: number, little: boolean): number {
  let n = 0;
  if (little) {
    for (let k = size - 1; k >= 0; k--) n = n * 256 + data[at + k]!;
  } else {
    for (let k = 0; k < size; k++) n = n * 256 + data[at + k]!;
  }
  return n;
}

function readInt(data: Uint8Array, at: number, size: number, little: boolean, signed: boolean): number | bigint {
  if (size === 8) {
    const lo = readUint(data, little ? at : at + 4, 4, little);
    let hi = readUint(data, little ? at + 4 : at, 4, little);
    if (signed && hi >= 0x80000000) hi -= 4294967296;
    // Exact as a number while |value| < 2**53: the runtime's int is then a number.
    if (hi > -2097152 && hi < 2097152) return hi * 4294967296 + lo;
    copyIn(data, at, 8);
    return signed ? scratch.getBigInt64(0, little) : scratch.getBigUint64(0, little);
  }
  const n = readUint(data, at, size, little);
  if (signed) {
    const half = 2 ** (size * 8 - 1);
    if (n >= half) return n - 2 * half;
  }
  return n;
}

function unpackOne(run: Run, at: number, data: Uint8Array, little: boolean): unknown {
  const { code, size } = run;
  switch (code) {
    case 'c':
      return new PyBytes(Uint8Array.of(data[at]!));
    case 's':
      return new PyBytes(data.slice(at, at + size));
    case 'p': {
      let n = size > 0 ? data[at]! : 0;
      if (n >= size) n = size - 1;
      return new PyBytes(data.slice(at + 1, at + 1 + Math.max(n, 0)));
    }
    case '?':
      return data[at] !== 0;
    case 'e':
      return float(halfValue(readUint(data, at, 2, little)));
    case 'f':
      copyIn(data, at, 4);
      return float(scratch.getFloat32(0, little));
    case 'd':
      copyIn(data, at, 8);
      return float(scratch.getFloat64(0, little));
  }
  const n = readInt(data, at, size, little, code.charCodeAt(0) >= 97);
  return typeof n === 'bigint' ? intFromBigInt(n) : n;
}

/** The items of `layout.size` bytes of `data` from `base`, as a tuple. */
export function unpackFrom(layout: Layout, data: Uint8Array, base: number): PyTuple {
  // The tuple is sized once and filled by index (see PyTuple.fromArray).
  const out = new PyTuple<unknown>(layout.count);
  const runs = layout.runs;
  const little = layout.little;
  let k = 0;
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    const at = base + run.offset;
    for (let r = 0; r < run.repeat; r++) out[k++] = unpackOne(run, at + r * run.size, data, little);
  }
  return out;
}
