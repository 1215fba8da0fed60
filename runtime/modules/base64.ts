/**
 * Python's `base64`: Base64 (standard, URL-safe, custom altchars, strict
 * `validate`), Base32 (and base32hex), Base16, and the legacy line-wrapped
 * encodebytes/decodebytes and file encode/decode. The Base64 decoder is
 * binascii's a2b_base64 (./binascii.ts); its errors are binascii.Error
 * (a ValueError). Base85/Ascii85 are not
 * provided.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { AssertionError, TypeError } from '../builtins/exceptions.js';
import { PyBytes, typeName } from '../builtins/values.js';
import { callMethod } from '../builtins/attributes.js';
import { truthy } from '../builtins/truth.js';
import { repr } from '../builtins/repr.js';
import { a2bBase64, b2aBase64, asciiStrBytes, binaryArg, binasciiError, bufferOf } from './support/binascii/codec.js';
import { pyFunction } from './support/pydef.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './base64.js';

export const __name__ = 'base64';
loadedModules.$set('base64', self);

const Q = 'base64';

/** `_bytes_from_decode_data`: bytes-like, or a str of ASCII characters. */
function decodeData(v: unknown): Uint8Array {
  const ascii = asciiStrBytes(v);
  if (ascii !== undefined) return ascii;
  const b = bufferOf(v);
  if (b === null) throw new TypeError(`argument should be a bytes-like object or ASCII string, not ${repr(typeName(v))}`);
  return b;
}

const bytes = (data: Uint8Array): PyBytes => new PyBytes(data);
const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** bytes.translate(bytes.maketrans(from, to)). */
function translate(data: Uint8Array, from: Uint8Array, to: Uint8Array): Uint8Array {
  const out = data.slice();
  for (let i = 0; i < out.length; i++) {
    const j = from.indexOf(out[i]!);
    if (j >= 0) out[i] = to[j]!;
  }
  return out;
}

function checkAltchars(altchars: unknown, data: Uint8Array): void {
  if (data.length !== 2) throw new AssertionError(repr(altchars));
}

export const b64encode = pyFunction('s, altchars=', 'b64encode', Q, (s: unknown, altchars: unknown = null) => {
  const encoded = ascii(b2aBase64(binaryArg(s), false));
  if (altchars === null) return bytes(encoded);
  const alt = binaryArg(altchars);
  checkAltchars(altchars, alt);
  return bytes(translate(encoded, ascii('+/'), alt));
});

export const b64decode = pyFunction('s, altchars=, validate=', 'b64decode', Q, (s: unknown, altchars: unknown = null, validate: unknown = false) => {
  let data = decodeData(s);
  if (altchars !== null) {
    const alt = decodeData(altchars);
    checkAltchars(altchars, alt);
    data = translate(data, alt, ascii('+/'));
  }
  return bytes(a2bBase64(data, truthy(validate)));
});

export const standard_b64encode = pyFunction('s', 'standard_b64encode', Q, (s: unknown) => bytes(ascii(b2aBase64(binaryArg(s), false))));

export const standard_b64decode = pyFunction('s', 'standard_b64decode', Q, (s: unknown) => bytes(a2bBase64(decodeData(s), false)));

export const urlsafe_b64encode = pyFunction('s', 'urlsafe_b64encode', Q, (s: unknown) =>
  bytes(translate(ascii(b2aBase64(binaryArg(s), false)), ascii('+/'), ascii('-_'))));

export const urlsafe_b64decode = pyFunction('s', 'urlsafe_b64decode', Q, (s: unknown) =>
  bytes(a2bBase64(translate(decodeData(s), ascii('-_'), ascii('+/')), false)));

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const B32HEX = '0123456789ABCDEFGHIJKLMNOPQRSTUV';

function b32encodeWith(alphabet: string, s: unknown): PyBytes {
  const data = bufferOf(s);
  if (data === null) throw new TypeError(`memoryview: a bytes-like object is required, not '${typeName(s)}'`);
  let out = '';
  for (let i = 0; i < data.length; i += 5) {
    let c = 0n;
    for (let j = 0; j < 5; j++) c = (c << 8n) | BigInt(data[i + j] ?? 0);
    for (let k = 7; k >= 0; k--) out += alphabet[Number((c >> BigInt(5 * k)) & 31n)];
  }
  const leftover = data.length % 5;
  const pads = [0, 6, 4, 3, 1][leftover]!;
  if (pads > 0) out = out.slice(0, out.length - pads) + '='.repeat(pads);
  return bytes(ascii(out));
}

function b32decodeWith(alphabet: string, s: unknown, casefold: unknown, map01: unknown): PyBytes {
  let data = decodeData(s);
  if (data.length % 8) throw binasciiError('Incorrect padding');
  if (map01 !== null && map01 !== undefined) {
    const m = decodeData(map01);
    if (m.length !== 1) throw new AssertionError(repr(map01));
    data = translate(data, ascii('01'), Uint8Array.of(0x4f, m[0]!));
  }
  let text = String.fromCharCode(...data);
  if (truthy(casefold)) text = text.toUpperCase();
  const l = text.length;
  const stripped = text.replace(/=+$/, '');
  const padchars = l - stripped.length;
  const decoded: number[] = [];
  let acc = 0n;
  for (let i = 0; i < stripped.length; i += 8) {
    acc = 0n;
    for (const ch of stripped.slice(i, i + 8)) {
      const v = alphabet.indexOf(ch);
      if (v < 0) throw binasciiError('Non-base32 digit found');
      acc = (acc << 5n) + BigInt(v);
    }
    for (let k = 4; k >= 0; k--) decoded.push(Number((acc >> BigInt(8 * k)) & 0xffn));
  }
  if (l % 8 || ![0, 1, 3, 4, 6].includes(padchars)) throw binasciiError('Incorrect padding');
  if (padchars && decoded.length > 0) {
    acc <<= BigInt(5 * padchars);
    const last: number[] = [];
    for (let k = 4; k >= 0; k--) last.push(Number((acc >> BigInt(8 * k)) & 0xffn));
    const leftover = Math.floor((43 - 5 * padchars) / 8);
    decoded.splice(decoded.length - 5, 5, ...last.slice(0, leftover));
  }
  return bytes(Uint8Array.from(decoded));
}

export const b32encode = pyFunction('s', 'b32encode', Q, (s: unknown) => b32encodeWith(B32, s));
export const b32decode = pyFunction('s, casefold=, map01=', 'b32decode', Q, (s: unknown, casefold: unknown = false, map01: unknown = null) =>
  b32decodeWith(B32, s, casefold, map01));
export const b32hexencode = pyFunction('s', 'b32hexencode', Q, (s: unknown) => b32encodeWith(B32HEX, s));
export const b32hexdecode = pyFunction('s, casefold=', 'b32hexdecode', Q, (s: unknown, casefold: unknown = false) =>
  b32decodeWith(B32HEX, s, casefold, null));

export const b16encode = pyFunction('s', 'b16encode', Q, (s: unknown) => {
  const data = binaryArg(s);
  let out = '';
  for (const b of data) out += b.toString(16).toUpperCase().padStart(2, '0');
  return bytes(ascii(out));
});

export const b16decode = pyFunction('s, casefold=', 'b16decode', Q, (s: unknown, casefold: unknown = false) => {
  let text = String.fromCharCode(...decodeData(s));
  if (truthy(casefold)) text = text.toUpperCase();
  if (/[^0-9A-F]/.test(text)) throw binasciiError('Non-base16 digit found');
  if (text.length % 2) throw binasciiError('Odd-length string');
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return bytes(out);
});

export const MAXLINESIZE = 76;
export const MAXBINSIZE = (MAXLINESIZE / 4) * 3;

/** `_input_type_check`: encodebytes and decodebytes take bytes-like objects only. */
function inputBytes(s: unknown): Uint8Array {
  const data = bufferOf(s);
  if (data === null) throw new TypeError(`expected bytes-like object, not ${typeName(s)}`);
  return data;
}

export const encodebytes = pyFunction('s', 'encodebytes', Q, (s: unknown) => {
  const data = inputBytes(s);
  let out = '';
  for (let i = 0; i < data.length; i += MAXBINSIZE) out += b2aBase64(data.subarray(i, i + MAXBINSIZE), true);
  return bytes(ascii(out));
});

export const decodebytes = pyFunction('s', 'decodebytes', Q, (s: unknown) => bytes(a2bBase64(inputBytes(s), false)));

/** encode(input, output): binary files, read 57 bytes at a time, one line each. */
export const encode = pyFunction('input, output', 'encode', Q, (input: unknown, output: unknown) => {
  for (;;) {
    const chunk = binaryArg(callMethod(input, 'read', MAXBINSIZE));
    if (chunk.length === 0) break;
    let data = chunk;
    while (data.length < MAXBINSIZE) {
      const more = binaryArg(callMethod(input, 'read', MAXBINSIZE - data.length));
      if (more.length === 0) break;
      const joined = new Uint8Array(data.length + more.length);
      joined.set(data);
      joined.set(more, data.length);
      data = joined;
    }
    callMethod(output, 'write', bytes(ascii(b2aBase64(data, true))));
  }
  return null;
});

export const decode = pyFunction('input, output', 'decode', Q, (input: unknown, output: unknown) => {
  for (;;) {
    const line = callMethod(input, 'readline');
    if (!truthy(line)) break;
    callMethod(output, 'write', bytes(a2bBase64(binaryArg(line), false)));
  }
  return null;
});
