/**
 * hashlib's hash objects: `_hashlib.HASH` (md5, sha1, the SHA-2 and SHA-3
 * families), `_hashlib.HASHXOF` (shake_128/256, whose digest takes a
 * length) and `_blake2.blake2b` / `blake2s` (types with keyed, salted and
 * personalised variants), each over a running @noble/hashes state.
 */
import { AttributeError, MemoryError, SystemError, TypeError } from '../../../builtins/exceptions.js';
import { PyBytes, PyStrBox } from '../../../builtins/values.js';
import { bufferBytes } from '../../../builtins/buffer.js';
import { objectId } from '../../../builtins/classes.js';
import { callableClass } from '../../../builtins/callableClass.js';
import { intArg } from '../../../builtins/files.js';
import { takeKeywords } from '../../../asyncio/keywords.js';
import type { Algorithm, NobleHash } from './algorithms.js';

/** The data a hash takes: bytes-like; a str is refused with CPython's own message. */
export function hashData(v: unknown): Uint8Array {
  if (typeof v === 'string' || v instanceof PyStrBox) throw new TypeError('Strings must be encoded before hashing');
  const b = bufferBytes(v);
  if (b === null) throw new TypeError('object supporting the buffer API required');
  return b;
}

export function hex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += (b < 16 ? '0' : '') + b.toString(16);
  return out;
}

/** CPython's argument-count errors of the C methods (METH_NOARGS, METH_O). */
function noArgs(args: unknown[], method: string): void {
  const kw = takeKeywords(args);
  if (kw !== null && Object.keys(kw).length > 0) throw new TypeError(`${method}() takes no keyword arguments`);
  if (args.length > 0) throw new TypeError(`${method}() takes no arguments (${args.length} given)`);
}

function oneArg(args: unknown[], method: string): unknown {
  const kw = takeKeywords(args);
  if (kw !== null && Object.keys(kw).length > 0) throw new TypeError(`${method}() takes no keyword arguments`);
  if (args.length !== 1) throw new TypeError(`${method}() takes exactly one argument (${args.length} given)`);
  return args[0];
}

const address = (o: object): string => `0x${objectId(o).toString(16).padStart(12, '0')}`;

/**
 * `_hashlib.HASH`: a noble state fed by update(), finished on a clone so
 * that hashing can go on after digest().
 */
class HashType {
  static readonly __name__: string = 'HASH';
  static readonly __qualname__: string = 'HASH';
  static readonly __module__: string = '_hashlib';
  constructor(protected readonly $state: NobleHash, readonly $algorithm: Algorithm) {
    // Calling the type from Python passes no state: CPython's types cannot be instantiated either.
    if (!($algorithm as Algorithm | undefined)) throw new TypeError(`cannot create '_hashlib.${new.target.__name__}' instances`);
  }

  get name(): string {
    return this.$algorithm.name;
  }

  get digest_size(): number {
    return this.$algorithm.digestSize;
  }

  get block_size(): number {
    return this.$algorithm.blockSize;
  }

  /** The attributes are read-only, and there is no instance dict. */
  __setattr__(name: string, _value: unknown): never {
    if (name === 'name' || name === 'digest_size' || name === 'block_size') {
      throw new AttributeError(`attribute '${name}' of '_hashlib.HASH' objects is not writable`);
    }
    const type = (this.constructor as unknown as { __name__: string }).__name__;
    throw new AttributeError(`'_hashlib.${type}' object has no attribute '${name}'`);
  }

  update(...args: unknown[]): null {
    this.$state.update(hashData(oneArg(args, 'HASH.update')));
    return null;
  }

  /** The digest as it stands now. */
  $digest(): Uint8Array {
    return this.$state.clone().digest();
  }

  digest(...args: unknown[]): PyBytes {
    noArgs(args, 'HASH.digest');
    return new PyBytes(this.$digest());
  }

  hexdigest(...args: unknown[]): string {
    noArgs(args, 'HASH.hexdigest');
    return hex(this.$digest());
  }

  copy(...args: unknown[]): HashImpl {
    noArgs(args, 'HASH.copy');
    return new HashImpl(this.$state.clone(), this.$algorithm);
  }

  __repr__(): string {
    return `<${this.name} _hashlib.HASH object @ ${address(this)}>`;
  }
}

// Callable (type(h)() reaches the constructor, which refuses it), and a base subclasses extend as the one Python sees.
export const HashImpl = callableClass(HashType);
export type HashImpl = HashType;

/** `_hashlib.HASHXOF`, a HASH subclass as in CPython. */
class HashXofType extends HashImpl {
  static override readonly __name__: string = 'HASHXOF';
  static override readonly __qualname__: string = 'HASHXOF';

  #output(args: unknown[], method: string): Uint8Array {
    const kw = takeKeywords(args) ?? {};
    if (args.length > 1) throw new TypeError(`${method}() takes at most 1 argument (${args.length} given)`);
    const length = args.length > 0 ? args[0] : kw['length'];
    if (length === undefined) throw new TypeError(`${method}() missing required argument 'length' (pos 1)`);
    const n = intArg(length);
    if (n < 0) {
      // CPython's: digest() hands the negative size to PyBytes_FromStringAndSize, hexdigest() to PyMem_Malloc.
      if (method === 'digest') throw new SystemError('Negative size passed to PyBytes_FromStringAndSize');
      throw new MemoryError();
    }
    if (n === 0) return new Uint8Array(0);
    return this.$state.clone().xof!(n);
  }

  override digest(...args: unknown[]): PyBytes {
    return new PyBytes(this.#output(args, 'digest'));
  }

  override hexdigest(...args: unknown[]): string {
    return hex(this.#output(args, 'hexdigest'));
  }

  override copy(...args: unknown[]): HashXofImpl {
    noArgs(args, 'HASH.copy');
    return new HashXofImpl(this.$state.clone(), this.$algorithm);
  }

  override __repr__(): string {
    return `<${this.name} _hashlib.HASHXOF object @ ${address(this)}>`;
  }
}

export const HashXofImpl = callableClass(HashXofType);
export type HashXofImpl = HashXofType;

/** A fresh hash object of an algorithm, fed `data`. */
export function newHash(algorithm: Algorithm, data: Uint8Array | null): HashImpl | HashXofImpl {
  const state = algorithm.create();
  if (data !== null) state.update(data);
  return algorithm.xof ? new HashXofImpl(state, algorithm) : new HashImpl(state, algorithm);
}
