/**
 * The hash algorithms hashlib offers, by CPython's names, over
 * @noble/hashes (pure ES modules: no node:crypto, so the runtime also runs
 * in browsers). Each entry makes a fresh noble hash state; its sizes are
 * those CPython's hash objects report.
 */
import { md5, sha1, ripemd160 } from '@noble/hashes/legacy.js';
import { sha224, sha256, sha384, sha512, sha512_224, sha512_256 } from '@noble/hashes/sha2.js';
import { sha3_224, sha3_256, sha3_384, sha3_512, shake128, shake256 } from '@noble/hashes/sha3.js';
import { blake2b, blake2s } from '@noble/hashes/blake2.js';
import type { CHash, Hash } from '@noble/hashes/utils.js';

/** A running noble hash state (XOFs also have `xof(n)`). */
export interface NobleHash extends Hash<NobleHash> {
  xof?(bytes: number): Uint8Array;
}

export interface Algorithm {
  readonly name: string;
  readonly create: () => NobleHash;
  /** The noble function for HMAC and PBKDF2 (its block and output sizes are the algorithm's). */
  readonly fn: CHash;
  readonly digestSize: number;
  readonly blockSize: number;
  /** shake_128/256: digest(length), digest_size 0, type HASHXOF. */
  readonly xof: boolean;
}

function algorithm(name: string, fn: CHash, xof = false): Algorithm {
  return {
    name,
    create: () => fn.create() as unknown as NobleHash,
    fn,
    digestSize: xof ? 0 : fn.outputLen,
    blockSize: fn.blockLen,
    xof,
  };
}

const TABLE: readonly Algorithm[] = [
  algorithm('md5', md5),
  algorithm('sha1', sha1),
  algorithm('sha224', sha224),
  algorithm('sha256', sha256),
  algorithm('sha384', sha384),
  algorithm('sha512', sha512),
  algorithm('sha512_224', sha512_224),
  algorithm('sha512_256', sha512_256),
  algorithm('sha3_224', sha3_224),
  algorithm('sha3_256', sha3_256),
  algorithm('sha3_384', sha3_384),
  algorithm('sha3_512', sha3_512),
  algorithm('shake_128', shake128 as unknown as CHash, true),
  algorithm('shake_256', shake256 as unknown as CHash, true),
  algorithm('ripemd160', ripemd160),
  algorithm('blake2b', blake2b as unknown as CHash),
  algorithm('blake2s', blake2s as unknown as CHash),
];

const BY_NAME = new Map(TABLE.map((a) => [a.name, a]));

/** The algorithm OpenSSL (CPython's `_hashlib.new`) finds by this name: case does not matter. */
export function algorithmNamed(name: string): Algorithm | undefined {
  return BY_NAME.get(name.toLowerCase());
}

export const GUARANTEED: readonly string[] = [
  'blake2b', 'blake2s', 'md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512', 'sha512',
  'shake_128', 'shake_256',
];

export const AVAILABLE: readonly string[] = TABLE.map((a) => a.name);
