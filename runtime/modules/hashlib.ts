/**
 * Python's `hashlib` over @noble/hashes (pure ES modules, so it also runs
 * in browsers): md5, sha1, the SHA-2 and SHA-3 families, shake_128/256,
 * blake2b/blake2s, `new()` by name (also sha512_224, sha512_256 and
 * ripemd160, which CPython's OpenSSL offers), pbkdf2_hmac, scrypt and
 * file_digest, with CPython's types, reprs and errors.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { TypeError, ValueError } from '../builtins/exceptions.js';
import { PyBytes, PyStrBox } from '../builtins/values.js';
import { PyByteArray } from '../builtins/bytearray.js';
import { PySet } from '../builtins/set.js';
import { callMethod, hasattr } from '../builtins/attributes.js';
import { call } from '../builtins/calls.js';
import { truthy } from '../builtins/truth.js';
import { repr } from '../builtins/repr.js';
import { intArg } from '../builtins/files.js';
import { takeKeywords } from '../asyncio/keywords.js';
import { AVAILABLE, GUARANTEED, algorithmNamed } from './support/hashlib/algorithms.js';
import { HashImpl, HashXofImpl, hashData, newHash } from './support/hashlib/hashObject.js';
import { blake2b, blake2s } from './support/hashlib/blake2.js';
import { pbkdf2Hmac, scrypt } from './support/hashlib/kdf.js';
import { pyFunction } from './support/pydef.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './hashlib.js';

export const __name__ = 'hashlib';
loadedModules.$set('hashlib', self);

export { blake2b, blake2s, scrypt };

const isStr = (v: unknown): boolean => typeof v === 'string' || v instanceof PyStrBox;

/** `_hashlib.openssl_<name>(string=b'', *, usedforsecurity=True)`. */
function constructor(name: string): (...args: unknown[]) => HashImpl | HashXofImpl {
  const algorithm = algorithmNamed(name)!;
  const fname = `openssl_${name}`;
  const fn = function (...args: unknown[]): HashImpl | HashXofImpl {
    const kw = takeKeywords(args) ?? {};
    if (args.length > 1) throw new TypeError(`${fname}() takes at most 1 positional argument (${args.length} given)`);
    for (const k of Object.keys(kw)) {
      if (k !== 'string' && k !== 'usedforsecurity') throw new TypeError(`'${k}' is an invalid keyword argument for ${fname}()`);
    }
    if (args.length === 1 && kw['string'] !== undefined) throw new TypeError(`argument for ${fname}() given by name ('string') and position (1)`);
    const data = args.length === 1 ? args[0] : kw['string'];
    return newHash(algorithm, data === undefined ? null : hashData(data));
  };
  Object.defineProperty(fn, 'name', { value: fname });
  // The runtime reads a JS function's own `__module__` as its Python one.
  Object.defineProperty(fn, '__module__', { value: '_hashlib' });
  return fn;
}

export const md5 = constructor('md5');
export const sha1 = constructor('sha1');
export const sha224 = constructor('sha224');
export const sha256 = constructor('sha256');
export const sha384 = constructor('sha384');
export const sha512 = constructor('sha512');
export const sha3_224 = constructor('sha3_224');
export const sha3_256 = constructor('sha3_256');
export const sha3_384 = constructor('sha3_384');
export const sha3_512 = constructor('sha3_512');
export const shake_128 = constructor('shake_128');
export const shake_256 = constructor('shake_256');

export const algorithms_guaranteed = new PySet(GUARANTEED);
export const algorithms_available = new PySet(AVAILABLE);

/** `hashlib.new(name, data=b'', **kwargs)`: blake2b/blake2s take their parameters; others only usedforsecurity. */
function hashNew(...args: unknown[]): unknown {
  const kw = takeKeywords(args) ?? {};
  const rest: Record<string, unknown> = { ...kw };
  if (args.length > 2) throw new TypeError(`__hash_new() takes from 1 to 2 positional arguments but ${args.length} were given`);
  const take = (key: string, at: number): unknown => {
    if (rest[key] === undefined) return args[at];
    if (args.length > at) throw new TypeError(`__hash_new() got multiple values for argument '${key}'`);
    const v = rest[key];
    delete rest[key];
    return v;
  };
  const name = take('name', 0);
  if (name === undefined) throw new TypeError("__hash_new() missing 1 required positional argument: 'name'");
  const data = take('data', 1) ?? new PyBytes(new Uint8Array(0));
  if (name === 'blake2b' || name === 'blake2s') return call(name === 'blake2b' ? blake2b : blake2s, [data], rest);
  if (!isStr(name)) throw new TypeError('name must be a string');
  for (const k of Object.keys(rest)) {
    if (k !== 'string' && k !== 'usedforsecurity') throw new TypeError(`'${k}' is an invalid keyword argument for new()`);
  }
  if (rest['string'] !== undefined) throw new TypeError("argument for new() given by name ('string') and position (2)");
  const algorithm = algorithmNamed(String(name));
  if (algorithm === undefined) throw new ValueError(`unsupported hash type ${String(name)}`);
  return newHash(algorithm, hashData(data));
}
Object.defineProperty(hashNew, 'name', { value: '__hash_new' });
Object.defineProperty(hashNew, '__module__', { value: 'hashlib' });
export { hashNew as new };

export const pbkdf2_hmac = pyFunction('hash_name, password, salt, iterations, dklen=', 'pbkdf2_hmac', '_hashlib', pbkdf2Hmac);

/** `file_digest(fileobj, digest, /, *, _bufsize=2**18)`: a BytesIO's buffer at once, else readinto() chunks. */
export const file_digest = pyFunction('fileobj, digest, /, *, _bufsize=', 'file_digest', 'hashlib', (fileobj: unknown, digest: unknown, bufsize: unknown = 2 ** 18) => {
  const digestobj = isStr(digest) ? hashNew(digest) : call(digest, [], null);
  if (hasattr(fileobj, 'getbuffer')) {
    callMethod(digestobj, 'update', callMethod(fileobj, 'getbuffer'));
    return digestobj;
  }
  if (!(hasattr(fileobj, 'readinto') && hasattr(fileobj, 'readable') && truthy(callMethod(fileobj, 'readable')))) {
    throw new ValueError(`'${repr(fileobj)}' is not a file-like object in binary reading mode.`);
  }
  const buf = new PyByteArray(new Uint8Array(intArg(bufsize)));
  for (;;) {
    const size = intArg(callMethod(fileobj, 'readinto', buf));
    if (size === 0) break;
    callMethod(digestobj, 'update', new PyBytes(buf.$store.slice(0, size)));
  }
  return digestobj;
});

const CONSTRUCTORS = new Map<unknown, string>(
  [md5, sha1, sha224, sha256, sha384, sha512, sha3_224, sha3_256, sha3_384, sha3_512, shake_128, shake_256].map((f) => [f, f.name.slice('openssl_'.length)]),
);

/** The algorithm name of one of the `openssl_*` constructors (what hmac hands to OpenSSL's HMAC), or undefined. */
export function $constructorName(f: unknown): string | undefined {
  return CONSTRUCTORS.get(f);
}
