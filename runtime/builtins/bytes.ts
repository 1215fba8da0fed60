/**
 * bytes basics: repr, len, indexing (an int), slicing, concatenation,
 * repetition, comparison, `in`, hex() and decode(). Registers repr's bytes
 * hook when loaded.
 */
import { IndexError, MemoryError, OverflowError, TypeError, ValueError } from './exceptions.js';
import { reprHooks } from './repr.js';
import { BASE_VALUE, PyBoxed, PyBytes, isIntNumber, typeName } from './values.js';
import { checkArgCount, indexArg } from './str/args.js';
import { decodeBytes } from './str/codecs.js';
import { adjustSlice, sliceIndexValue, sliceStep } from './str/core.js';
import { userIndex } from './numbers/index.js';
import { bufferBytes, bufferBytesOrNull } from './buffer.js';
import { argTypeName } from './arity.js';
// The method table lives with the methods (a re-export reads nothing while the modules load).
export { BYTES_METHODS, bytesFromHex, bytesPercent } from './bytes/methods.js';

const HEX = '0123456789abcdef';

/** `repr(b)`: the same quote rule as str, everything outside printable ASCII as `\xhh`. */
export function reprBytes(value: PyBytes): string {
  const b = value.bytes;
  let single = false;
  let double = false;
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 0x27) single = true;
    else if (b[i] === 0x22) double = true;
  }
  const quote = single && !double ? 0x22 : 0x27;
  let out = quote === 0x22 ? 'b"' : "b'";
  let run = 0;
  // Printable runs are copied in one go; escapes are written as they come.
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c >= 0x20 && c < 0x7f && c !== quote && c !== 0x5c) continue;
    if (i > run) out += latin1(b, run, i);
    run = i + 1;
    if (c === quote || c === 0x5c) out += '\\' + String.fromCharCode(c);
    else if (c === 0x09) out += '\\t';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else out += '\\x' + HEX[c >> 4] + HEX[c & 15];
  }
  return out + latin1(b, run, b.length) + (quote === 0x22 ? '"' : "'");
}

/** The bytes from..to as the characters of the same codes (in chunks: spreading a long array overflows the stack). */
function latin1(b: Uint8Array, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i += 4096) out += String.fromCharCode(...b.subarray(i, Math.min(i + 4096, to)));
  return out;
}

reprHooks.bytes = reprBytes;

/** `len(b)`. */
export function bytesLen(b: PyBytes): number {
  return b.bytes.length;
}

/** `b[index]`: an int. */
export function bytesGetItem(b: PyBytes, index: unknown): number {
  const data = b.bytes;
  if (typeof index === 'number' && isIntNumber(index)) {
    const i = index < 0 ? index + data.length : index;
    if (i >= 0 && i < data.length) return data[i]!;
    throw new IndexError('index out of range');
  }
  if (typeof index === 'boolean') return bytesGetItem(b, index ? 1 : 0);
  if (typeof index === 'bigint') {
    if (index >= 2n ** 63n || index < -(2n ** 63n)) throw new IndexError(`cannot fit 'int' into an index-sized integer`);
    throw new IndexError('index out of range');
  }
  const j = userIndex(index);
  if (j !== undefined) return bytesGetItem(b, j);
  throw new TypeError(`byte indices must be integers or slices, not ${typeName(index)}`);
}

/** `b[start:stop:step]`. */
export function bytesSlice(b: PyBytes, start?: unknown, stop?: unknown, step?: unknown): PyBytes {
  const data = b.bytes;
  const st = sliceStep(step);
  const [first, , count] = adjustSlice(data.length, sliceIndexValue(start), sliceIndexValue(stop), st);
  if (count <= 0) return new PyBytes(new Uint8Array(0));
  if (st === 1) return new PyBytes(data.slice(first, first + count));
  const out = new Uint8Array(count);
  for (let k = 0, i = first; k < count; k++, i += st) out[k] = data[i]!;
  return new PyBytes(out);
}

/** `a + b`. */
export function bytesConcat(a: PyBytes, b: unknown): PyBytes {
  // No buffer to be had (a released memoryview) is reported as the concatenation's error too.
  const other = b instanceof PyBytes ? b.bytes : bufferBytesOrNull(b);
  if (other === null) throw new TypeError(`can't concat ${typeName(b)} to bytes`);
  const out = new Uint8Array(a.bytes.length + other.length);
  out.set(a.bytes);
  out.set(other, a.bytes.length);
  return new PyBytes(out);
}

/** `b * n` and `n * b`. */
export function bytesRepeat(b: PyBytes, n: unknown): PyBytes {
  let count: number;
  if (typeof n === 'number' && isIntNumber(n)) count = n;
  else if (typeof n === 'boolean') count = n ? 1 : 0;
  else if (typeof n === 'bigint') {
    if (n >= 2n ** 63n || n < -(2n ** 63n)) throw new OverflowError(`cannot fit 'int' into an index-sized integer`);
    count = n < 0n ? 0 : Number(n);
  } else throw new TypeError(`can't multiply sequence by non-int of type '${typeName(n)}'`);
  const data = b.bytes;
  if (count <= 0 || data.length === 0) return new PyBytes(new Uint8Array(0));
  if (data.length * count > 0x7fffffff) throw new MemoryError();
  const out = new Uint8Array(data.length * count);
  for (let k = 0; k < count; k++) out.set(data, k * data.length);
  return new PyBytes(out);
}

/** -1, 0 or 1: bytes order lexicographically by byte value. */
export function bytesCompare(a: PyBytes, b: PyBytes): number {
  const x = a.bytes;
  const y = b.bytes;
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
}

export function bytesEq(a: PyBytes, b: PyBytes): boolean {
  return a.bytes.length === b.bytes.length && bytesCompare(a, b) === 0;
}

export function bytesLt(a: PyBytes, b: PyBytes): boolean {
  return bytesCompare(a, b) < 0;
}

export function bytesLe(a: PyBytes, b: PyBytes): boolean {
  return bytesCompare(a, b) <= 0;
}

export function bytesGt(a: PyBytes, b: PyBytes): boolean {
  return bytesCompare(a, b) > 0;
}

export function bytesGe(a: PyBytes, b: PyBytes): boolean {
  return bytesCompare(a, b) >= 0;
}

/** A hash consistent with bytesEq. */
export function bytesHash(b: PyBytes): number {
  let h = 0x811c9dc5;
  const data = b.bytes;
  for (let i = 0; i < data.length; i++) h = Math.imul(h ^ data[i]!, 0x01000193);
  return h === -1 ? -2 : h;
}

/** Index of `sub` in `data` at or after `from`, or -1. */
function indexOfBytes(data: Uint8Array, sub: Uint8Array, from: number): number {
  if (sub.length === 0) return from <= data.length ? from : -1;
  const first = sub[0]!;
  const last = data.length - sub.length;
  outer: for (let i = data.indexOf(first, from); i >= 0 && i <= last; i = data.indexOf(first, i + 1)) {
    for (let k = 1; k < sub.length; k++) if (data[i + k] !== sub[k]) continue outer;
    return i;
  }
  return -1;
}

/** `x in b`: an int in range(256) or a bytes. */
export function bytesContains(b: PyBytes, x: unknown): boolean {
  if (x instanceof PyBoxed) x = x[BASE_VALUE];
  if (x instanceof PyBytes) return indexOfBytes(b.bytes, x.bytes, 0) >= 0;
  const buffer = bufferBytes(x);
  if (buffer !== null) return indexOfBytes(b.bytes, buffer, 0) >= 0;
  if ((typeof x === 'number' && isIntNumber(x)) || typeof x === 'boolean' || typeof x === 'bigint') {
    const v = typeof x === 'boolean' ? (x ? 1 : 0) : x;
    if (v < 0 || v > 255) throw new ValueError('byte must be in range(0, 256)');
    return b.bytes.includes(Number(v));
  }
  throw new TypeError(`a bytes-like object is required, not '${typeName(x)}'`);
}

/** `b.hex([sep[, bytes_per_sep]])`: groups counted from the right, or from the left when negative. */
export function bytes_hex(b: PyBytes, sep?: unknown, bytesPerSep?: unknown): string {
  if (arguments.length > 3) checkArgCount('hex', arguments.length - 1, 0, 2);
  const data = b.bytes;
  let out = '';
  // Argument Clinic converts bytes_per_sep (a C int) before sep is looked at.
  const group = bytesPerSep === undefined ? 1 : indexArg(bytesPerSep, true);
  if (sep === undefined) {
    for (let i = 0; i < data.length; i++) out += HEX[data[i]! >> 4]! + HEX[data[i]! & 15];
    return out;
  }
  let s: string;
  if (typeof sep === 'string') s = sep;
  else if (sep instanceof PyBytes) s = sep.bytes.length === 1 ? String.fromCharCode(sep.bytes[0]!) : '';
  else {
    // Any other sized object is measured first; one of length 1 is still no separator.
    const length = Array.isArray(sep) ? sep.length : bufferBytesOrNull(sep)?.length;
    if (length === undefined) throw new TypeError(`object of type '${typeName(sep)}' has no len()`);
    if (length !== 1) throw new ValueError('sep must be length 1.');
    throw new TypeError('sep must be str or bytes.');
  }
  if (s.length !== 1) throw new ValueError('sep must be length 1.');
  if (s.charCodeAt(0) > 0x7f) throw new ValueError('sep must be ASCII.');
  const size = Math.abs(group);
  if (size === 0) return bytes_hex(b);
  for (let i = 0; i < data.length; i++) {
    // Separators between groups: aligned to the end for a positive group size.
    const boundary = group > 0 ? (data.length - i) % size === 0 : i % size === 0;
    if (i > 0 && boundary) out += s;
    out += HEX[data[i]! >> 4]! + HEX[data[i]! & 15];
  }
  return out;
}

/** `b.decode(encoding='utf-8', errors='strict')`. */
export function bytes_decode(b: PyBytes, encoding?: unknown, errors?: unknown): string {
  if (arguments.length > 3) checkArgCount('decode', arguments.length - 1, 0, 2);
  if (encoding !== undefined && typeof encoding !== 'string') {
    throw new TypeError(`decode() argument 'encoding' must be str, not ${argTypeName(encoding)}`);
  }
  if (errors !== undefined && typeof errors !== 'string') {
    throw new TypeError(`decode() argument 'errors' must be str, not ${argTypeName(errors)}`);
  }
  return decodeBytes(b.bytes, encoding ?? 'utf-8', errors ?? 'strict');
}


