/**
 * hashlib's key derivation functions, pbkdf2_hmac and scrypt, over
 * @noble/hashes, with the argument checks and messages of CPython's
 * OpenSSL-backed ones (OpenSSL's own limits included: scrypt's default
 * 32 MiB memory budget, its n < 2**(16*r) and r*p < 2**30 rules).
 */
import { OverflowError, TypeError, ValueError } from '../../../builtins/exceptions.js';
import { PyBytes, PyStrBox, typeName } from '../../../builtins/values.js';
import { bufferBytes } from '../../../builtins/buffer.js';
import { intArg } from '../../../builtins/files.js';
import { takeKeywords } from '../../../asyncio/keywords.js';
import { defineClass, newException } from '../stdlib/pyclass.js';
import { pbkdf2 } from '@noble/hashes/pbkdf2.js';
import { scrypt as nobleScrypt } from '@noble/hashes/scrypt.js';
import { algorithmNamed, type Algorithm } from './algorithms.js';
import { argTypeName } from '../../../builtins/arity.js';

export const UnsupportedDigestmodError = defineClass('_hashlib', 'UnsupportedDigestmodError', [ValueError], {});

/** OpenSSL's refusal of a digest it does not know (hmac falls back to hashlib.new on it). */
export function unsupportedDigest(): unknown {
  return newException(UnsupportedDigestmodError, ['[digital envelope routines] unsupported'], null);
}

/** The algorithm OpenSSL's HMAC takes by this name: not an XOF, which it refuses without a reason. */
export function hmacAlgorithm(name: string): Algorithm {
  const algorithm = algorithmNamed(name);
  if (algorithm === undefined) throw unsupportedDigest();
  if (algorithm.xof) throw new ValueError('no reason supplied');
  return algorithm;
}

export function bytesLike(v: unknown): Uint8Array {
  const b = bufferBytes(v);
  if (b === null) throw new TypeError(`a bytes-like object is required, not '${typeName(v)}'`);
  return b.slice();
}

const INT_MAX = 2147483647;

export function pbkdf2Hmac(hashName: unknown, password: unknown, salt: unknown, iterations: unknown, dklen: unknown): PyBytes {
  if (typeof hashName !== 'string' && !(hashName instanceof PyStrBox)) {
    throw new TypeError(`pbkdf2_hmac() argument 'hash_name' must be str, not ${argTypeName(hashName)}`);
  }
  const pw = bytesLike(password);
  const s = bytesLike(salt);
  const c = intArg(iterations);
  const algorithm = hmacAlgorithm(String(hashName));
  if (c < 1) throw new ValueError('iteration value must be greater than 0.');
  if (c > INT_MAX) throw new OverflowError('iteration value is too great.');
  const dkLen = dklen === null || dklen === undefined ? algorithm.digestSize : intArg(dklen);
  if (dkLen < 1) throw new ValueError('key length must be greater than 0.');
  if (dkLen > INT_MAX) throw new OverflowError('key length is too great.');
  return new PyBytes(pbkdf2(algorithm.fn, pw, s, { c, dkLen }));
}

/** OpenSSL's default scrypt memory budget (maxmem=0). */
const SCRYPT_MAX_MEM = 32 * 1024 * 1024;

/** `scrypt(password, *, salt, n, r, p, maxmem=0, dklen=64)`. */
export function scrypt(...args: unknown[]): PyBytes {
  const kw = takeKeywords(args) ?? {};
  if (args.length !== 1) throw new TypeError(`scrypt() takes exactly 1 positional argument (${args.length} given)`);
  for (const k of Object.keys(kw)) {
    if (!['salt', 'n', 'r', 'p', 'maxmem', 'dklen'].includes(k)) throw new TypeError(`scrypt() got an unexpected keyword argument '${k}'`);
  }
  const password = bytesLike(args[0]);
  const given = (k: string): unknown => (kw[k] === undefined ? null : kw[k]);
  if (given('salt') === null) throw new TypeError('salt is required');
  const salt = bytesLike(kw['salt']);
  const unsigned = (k: string): number => {
    const v = given(k);
    if (v === null) throw new TypeError(`${k} is required and must be an unsigned int`);
    const n = intArg(v);
    if (n < 0) throw new OverflowError(`can't convert negative value to unsigned int`);
    return n;
  };
  const n = unsigned('n');
  if (n < 2 || (n & (n - 1)) !== 0) throw new ValueError('n must be a power of 2.');
  const r = unsigned('r');
  const p = unsigned('p');
  const maxmem = given('maxmem') === null ? 0 : intArg(kw['maxmem']);
  if (maxmem < 0 || maxmem > INT_MAX) throw new ValueError(`maxmem must be positive and smaller than ${INT_MAX}`);
  const dkLen = given('dklen') === null ? 64 : intArg(kw['dklen']);
  if (dkLen < 1 || dkLen > INT_MAX) throw new ValueError(`dklen must be greater than 0 and smaller than ${INT_MAX}`);
  // OpenSSL's: its parameter check (made first, without output) refuses r or p of 0; its derivation, the rest.
  if (r === 0 || p === 0) throw new ValueError('Invalid parameter combination for n, r, p, maxmem.');
  const needed = 128 * r * (n + 2) + 128 * r * p;
  if (r * p >= 2 ** 30 || (16 * r <= 63 && n >= 2 ** (16 * r)) || needed > (maxmem === 0 ? SCRYPT_MAX_MEM : maxmem)) {
    throw new ValueError('[digital envelope routines] memory limit exceeded');
  }
  return new PyBytes(nobleScrypt(password, salt, { N: n, r, p, dkLen, maxmem: Number.MAX_SAFE_INTEGER }));
}
