/**
 * binascii's Base64 codec and errors, shared by the binascii and base64
 * modules: b2a_base64, and a2b_base64 with its lenient and strict rules
 * and CPython's messages.
 */
import { ValueError, TypeError } from '../../../builtins/exceptions.js';
import { PyBytes, typeName, unbox } from '../../../builtins/values.js';
import { defineClass, newException } from '../stdlib/pyclass.js';
import { bufferSnapshot } from '../../../builtins/buffer.js';

export const BinasciiError = defineClass('binascii', 'Error', [ValueError], {});

export function binasciiError(message: string): unknown {
  return newException(BinasciiError, [message], null);
}

/** The bytes of a bytes-like object, or null. */
export function bufferOf(v: unknown): Uint8Array | null {
  const b = unbox(v);
  if (b instanceof PyBytes) return b.bytes;
  return bufferSnapshot(b);
}

/** binascii's argument: a bytes-like object. */
export function binaryArg(v: unknown): Uint8Array {
  const b = bufferOf(v);
  if (b === null) throw new TypeError(`a bytes-like object is required, not '${typeName(v)}'`);
  return b;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_REV = new Int16Array(256).fill(-1);
for (let i = 0; i < 64; i++) B64_REV[B64.charCodeAt(i)] = i;

/** binascii.b2a_base64 (without the newline unless asked). */
export function b2aBase64(data: Uint8Array, newline: boolean): string {
  let out = '';
  let i = 0;
  for (; i + 2 < data.length; i += 3) {
    const n = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + B64[n & 63]!;
  }
  const rest = data.length - i;
  if (rest === 1) {
    const n = data[i]! << 16;
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + '==';
  } else if (rest === 2) {
    const n = (data[i]! << 16) | (data[i + 1]! << 8);
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + '=';
  }
  return newline ? out + '\n' : out;
}

/** binascii.a2b_base64: non-alphabet characters skipped (or refused in strict mode), padding checked. */
export function a2bBase64(data: Uint8Array, strict: boolean): Uint8Array {
  const out: number[] = [];
  if (strict && data.length > 0 && data[0] === 0x3d) throw binasciiError('Leading padding not allowed');
  let quadPos = 0;
  let leftchar = 0;
  let pads = 0;
  let paddingStarted = false;
  for (let i = 0; i < data.length; i++) {
    const ch = data[i]!;
    if (ch === 0x3d) {
      paddingStarted = true;
      if (quadPos >= 2 && quadPos + ++pads >= 4) {
        // A pad sequence ends the input.
        if (strict && i + 1 < data.length) throw binasciiError('Excess data after padding');
        return Uint8Array.from(out);
      }
      continue;
    }
    const v = B64_REV[ch]!;
    if (v < 0) {
      if (strict) throw binasciiError('Only base64 data is allowed');
      continue;
    }
    if (strict && paddingStarted) throw binasciiError('Discontinuous padding not allowed');
    pads = 0;
    switch (quadPos) {
      case 0:
        quadPos = 1;
        leftchar = v;
        break;
      case 1:
        quadPos = 2;
        out.push(((leftchar << 2) | (v >> 4)) & 0xff);
        leftchar = v & 0x0f;
        break;
      case 2:
        quadPos = 3;
        out.push(((leftchar << 4) | (v >> 2)) & 0xff);
        leftchar = v & 0x03;
        break;
      default:
        quadPos = 0;
        out.push(((leftchar << 6) | v) & 0xff);
        leftchar = 0;
    }
  }
  if (quadPos === 1) {
    const n = Math.floor(out.length / 3) * 4 + 1;
    throw binasciiError(`Invalid base64-encoded string: number of data characters (${n}) cannot be 1 more than a multiple of 4`);
  }
  if (quadPos !== 0) throw binasciiError('Incorrect padding');
  return Uint8Array.from(out);
}



/** A str argument of the decoding functions as its bytes (ASCII characters only, else CPython's ValueError); undefined for anything else. */
export function asciiStrBytes(v: unknown): Uint8Array | undefined {
  const s = unbox(v);
  if (typeof s !== 'string') return undefined;
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 127) throw new ValueError('string argument should contain only ASCII characters');
    out[i] = c;
  }
  return out;
}
