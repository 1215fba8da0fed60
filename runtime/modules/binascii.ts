/**
 * Python's `binascii`: the Base64 and hex codecs base64 is built on
 * (b2a_base64, a2b_base64 with its lenient and strict rules and CPython's
 * messages, hexlify/unhexlify), crc32, and binascii.Error / Incomplete.
 * The uu, quoted-printable and crc_hqx codecs are not provided.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { Exception, TypeError } from '../builtins/exceptions.js';
import { PyBytes, typeName } from '../builtins/values.js';
import { truthy } from '../builtins/truth.js';
import { bytes_hex } from '../builtins/bytes.js';
import { defineClass } from './support/stdlib/pyclass.js';
import { BinasciiError, a2bBase64, b2aBase64, asciiStrBytes, binaryArg, binasciiError, bufferOf } from './support/binascii/codec.js';
import { pyFunction } from './support/pydef.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './binascii.js';

export const __name__ = 'binascii';
loadedModules.$set('binascii', self);

const Q = 'binascii';

export { BinasciiError as Error };
export const Incomplete = defineClass('binascii', 'Incomplete', [Exception], {});

/** binascii.Error, which CPython's base64 raises for malformed input. */
/** The `ascii_buffer_converter` of the a2b_ functions: bytes-like, or a str of ASCII characters. */
function asciiArg(v: unknown): Uint8Array {
  const ascii = asciiStrBytes(v);
  if (ascii !== undefined) return ascii;
  const b = bufferOf(v);
  if (b === null) throw new TypeError(`argument should be bytes, buffer or ASCII string, not '${typeName(v)}'`);
  return b;
}

const ascii = (s: string): PyBytes => new PyBytes(Uint8Array.from(s, (c) => c.charCodeAt(0)));

export const b2a_base64 = pyFunction('data, /, *, newline=', 'b2a_base64', Q, (data: unknown, newline: unknown = true) =>
  ascii(b2aBase64(binaryArg(data), truthy(newline))));

export const a2b_base64 = pyFunction('data, /, *, strict_mode=', 'a2b_base64', Q, (data: unknown, strictMode: unknown = false) =>
  new PyBytes(a2bBase64(asciiArg(data), truthy(strictMode))));

export const hexlify = pyFunction('data, sep=, bytes_per_sep=', 'hexlify', Q, (data: unknown, sep?: unknown, bytesPerSep?: unknown) =>
  ascii(bytes_hex(new PyBytes(binaryArg(data)), sep, bytesPerSep)));

export const b2a_hex = hexlify;

export const unhexlify = pyFunction('hexstr, /', 'unhexlify', Q, (hexstr: unknown) => {
  const data = asciiArg(hexstr);
  if (data.length % 2) throw binasciiError('Odd-length string');
  const out = new Uint8Array(data.length / 2);
  for (let i = 0; i < out.length; i++) {
    const hi = hexDigit(data[2 * i]!);
    const lo = hexDigit(data[2 * i + 1]!);
    if (hi < 0 || lo < 0) throw binasciiError('Non-hexadecimal digit found');
    out[i] = (hi << 4) | lo;
  }
  return new PyBytes(out);
});

export const a2b_hex = unhexlify;

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

const CRC_TABLE = new Int32Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  CRC_TABLE[n] = c;
}

/** crc32(data, crc=0): zlib's CRC-32, as an unsigned int. */
export const crc32 = pyFunction('data, crc=, /', 'crc32', Q, (data: unknown, crc: unknown = 0) => {
  let c = ~Number(BigInt.asUintN(32, BigInt(crc as number | bigint)));
  const bytes = binaryArg(data);
  // An indexed loop: for…of over a typed array costs several times more per byte.
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (~c) >>> 0;
});
