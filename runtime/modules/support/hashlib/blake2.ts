/**
 * `_blake2.blake2b` and `blake2s`: hash types (not functions) whose
 * constructor takes the digest size, a MAC key, a salt and a
 * personalisation, checked with CPython's messages. Shorter salts and
 * personalisations are zero-padded, as CPython's. BLAKE2's tree-hashing
 * parameters (fanout, depth, …) are accepted at their defaults only:
 * @noble/hashes does not implement tree mode.
 */
import { AttributeError, NotImplementedError, TypeError, ValueError } from '../../../builtins/exceptions.js';
import { PyBytes, typeName } from '../../../builtins/values.js';
import { bufferBytes } from '../../../builtins/buffer.js';
import { callableClass } from '../../../builtins/callableClass.js';
import { objectId } from '../../../builtins/classes.js';
import { intArg } from '../../../builtins/files.js';
import { truthy } from '../../../builtins/truth.js';
import { takeKeywords } from '../../../asyncio/keywords.js';
import { blake2b as nobleBlake2b, blake2s as nobleBlake2s } from '@noble/hashes/blake2.js';
import type { NobleHash } from './algorithms.js';
import { hashData, hex } from './hashObject.js';

interface Variant {
  readonly name: 'blake2b' | 'blake2s';
  readonly maxDigest: number;
  readonly maxKey: number;
  readonly saltSize: number;
  readonly blockSize: number;
  readonly create: (opts: { dkLen: number; key?: Uint8Array; salt?: Uint8Array; personalization?: Uint8Array }) => NobleHash;
}

const B: Variant = { name: 'blake2b', maxDigest: 64, maxKey: 64, saltSize: 16, blockSize: 128, create: (o) => nobleBlake2b.create(o) as unknown as NobleHash };
const S: Variant = { name: 'blake2s', maxDigest: 32, maxKey: 32, saltSize: 8, blockSize: 64, create: (o) => nobleBlake2s.create(o) as unknown as NobleHash };

/** The tree-hashing parameters and their defaults (the only values supported). */
const TREE: Readonly<Record<string, number | boolean>> = {
  fanout: 1, depth: 1, leaf_size: 0, node_offset: 0, node_depth: 0, inner_size: 0, last_node: false,
};
const CONSTANTS = ['SALT_SIZE', 'PERSON_SIZE', 'MAX_KEY_SIZE', 'MAX_DIGEST_SIZE'] as const;
const KEYWORDS = new Set(['digest_size', 'key', 'salt', 'person', 'usedforsecurity', ...Object.keys(TREE)]);

/** A byte-string parameter (key, salt, person): bytes-like. */
function bytesParam(v: unknown): Uint8Array {
  const b = bufferBytes(v);
  if (b === null) throw new TypeError(`a bytes-like object is required, not '${typeName(v)}'`);
  return b.slice();
}

function padded(b: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(size);
  out.set(b);
  return out;
}

const COPY = Symbol('copy');

function makeBlake2(v: Variant) {
  class Blake2 {
    static readonly __name__ = v.name;
    static readonly __qualname__ = v.name;
    static readonly __module__ = '_blake2';
    #state: NobleHash;
    readonly #digestSize: number;

    constructor(...args: unknown[]) {
      if (args[0] === COPY) {
        this.#state = args[1] as NobleHash;
        this.#digestSize = args[2] as number;
        return;
      }
      const kw = takeKeywords(args) ?? {};
      if (args.length > 1) throw new TypeError(`${v.name}() takes at most 1 positional argument (${args.length} given)`);
      for (const k of Object.keys(kw)) {
        if (!KEYWORDS.has(k)) throw new TypeError(`'${k}' is an invalid keyword argument for ${v.name}()`);
      }
      const data = args.length > 0 ? hashData(args[0]) : null;
      const digestSize = kw['digest_size'] === undefined ? v.maxDigest : intArg(kw['digest_size']);
      if (digestSize < 1 || digestSize > v.maxDigest) throw new ValueError(`digest_size must be between 1 and ${v.maxDigest} bytes`);
      const key = kw['key'] === undefined ? new Uint8Array(0) : bytesParam(kw['key']);
      const salt = kw['salt'] === undefined ? new Uint8Array(0) : bytesParam(kw['salt']);
      const person = kw['person'] === undefined ? new Uint8Array(0) : bytesParam(kw['person']);
      if (salt.length > v.saltSize) throw new ValueError(`maximum salt length is ${v.saltSize} bytes`);
      if (person.length > v.saltSize) throw new ValueError(`maximum person length is ${v.saltSize} bytes`);
      if (key.length > v.maxKey) throw new ValueError(`maximum key length is ${v.maxKey} bytes`);
      for (const [name, dflt] of Object.entries(TREE)) {
        const given = kw[name];
        if (given === undefined) continue;
        const value = typeof dflt === 'boolean' ? truthy(given) : intArg(given);
        if (value !== dflt) throw new NotImplementedError(`${v.name}(): tree hashing (${name}=${String(given)}) is not supported`);
      }
      this.#state = v.create({
        dkLen: digestSize,
        ...(key.length > 0 ? { key } : {}),
        ...(salt.length > 0 ? { salt: padded(salt, v.saltSize) } : {}),
        ...(person.length > 0 ? { personalization: padded(person, v.saltSize) } : {}),
      });
      this.#digestSize = digestSize;
      if (data !== null) this.#state.update(data);
    }

    get name(): string {
      return v.name;
    }

    get digest_size(): number {
      return this.#digestSize;
    }

    get block_size(): number {
      return v.blockSize;
    }

    /** The attributes are read-only, and there is no instance dict. */
    __setattr__(name: string, _value: unknown): never {
      if (name === 'name' || name === 'digest_size' || name === 'block_size') {
        throw new AttributeError(`attribute '${name}' of '_blake2.${v.name}' objects is not writable`);
      }
      if ((CONSTANTS as readonly string[]).includes(name)) throw new AttributeError(`'_blake2.${v.name}' object attribute '${name}' is read-only`);
      throw new AttributeError(`'_blake2.${v.name}' object has no attribute '${name}'`);
    }

    update(...args: unknown[]): null {
      const kw = takeKeywords(args);
      if (kw !== null && Object.keys(kw).length > 0) throw new TypeError(`${v.name}.update() takes no keyword arguments`);
      if (args.length !== 1) throw new TypeError(`${v.name}.update() takes exactly one argument (${args.length} given)`);
      this.#state.update(hashData(args[0]));
      return null;
    }

    $digest(): Uint8Array {
      return this.#state.clone().digest();
    }

    digest(...args: unknown[]): PyBytes {
      noArgs(args, `${v.name}.digest`);
      return new PyBytes(this.$digest());
    }

    hexdigest(...args: unknown[]): string {
      noArgs(args, `${v.name}.hexdigest`);
      return hex(this.$digest());
    }

    copy(...args: unknown[]): Blake2 {
      noArgs(args, `${v.name}.copy`);
      return new Blake2(COPY, this.#state.clone(), this.#digestSize);
    }

    __repr__(): string {
      return `<_blake2.${v.name} object at 0x${objectId(this).toString(16).padStart(12, '0')}>`;
    }
  }
  Object.defineProperty(Blake2, 'name', { value: v.name });
  // Class constants live on the prototype: the runtime reads a JS class's Python attributes there.
  const constants: Record<(typeof CONSTANTS)[number], number> = {
    SALT_SIZE: v.saltSize, PERSON_SIZE: v.saltSize, MAX_KEY_SIZE: v.maxKey, MAX_DIGEST_SIZE: v.maxDigest,
  };
  for (const [key, value] of Object.entries(constants)) Object.defineProperty(Blake2.prototype, key, { value, enumerable: false });
  const cls = callableClass(Blake2);
  // Keywords reach a runtime class's constructor through `$kw` (calls.ts).
  (cls as unknown as { $kw: unknown }).$kw = (args: unknown[], kw: Record<string, unknown>) => new Blake2(...args, kw);
  return cls;
}

function noArgs(args: unknown[], method: string): void {
  const kw = takeKeywords(args);
  if (kw !== null && Object.keys(kw).length > 0) throw new TypeError(`${method}() takes no keyword arguments`);
  if (args.length > 0) throw new TypeError(`${method}() takes no arguments (${args.length} given)`);
}

export const blake2b = makeBlake2(B);
export const blake2s = makeBlake2(S);
