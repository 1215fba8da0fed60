/**
 * hash() of ints, bools and floats as CPython computes it: the value modulo
 * the Mersenne prime 2**61 - 1 (a float is the rational m * 2**e, so equal
 * numbers of any type hash alike), with -1 replaced by -2.
 */
import { PyFloat } from '../values.js';
import { decompose, frMant, frExp, intFromBigInt, type PyInt } from './core.js';

/** sys.hash_info.modulus: numbers hash to their value modulo it. */
export const HASH_MODULUS = 2305843009213693951n; // 2**61 - 1
const MODULUS = HASH_MODULUS;
const HASH_INF = 314159;

/**
 * Python's hash(v) for a number, as a Python int (a JS number, a bigint
 * beyond the safe range). nan hashes to 0: CPython 3.11 hashes it by object
 * identity, which a JS number does not have.
 */
export function hashNumber(v: number | bigint | boolean | PyFloat): PyInt {
  if (typeof v === 'number') return Number.isSafeInteger(v) ? (v === -1 ? -2 : v + 0) : hashFloat(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return hashBig(v);
  return hashFloat(v.value);
}

function hashBig(v: bigint): PyInt {
  const h = v < 0n ? -(-v % MODULUS) : v % MODULUS;
  return h === -1n ? -2 : intFromBigInt(h);
}

function hashFloat(x: number): PyInt {
  if (x !== x) return 0;
  if (x === Infinity) return HASH_INF;
  if (x === -Infinity) return -HASH_INF;
  if (Number.isSafeInteger(x)) return x === -1 ? -2 : x + 0;
  decompose(x < 0 ? -x : x);
  // x = m * 2**e and 2**61 = 1 (mod 2**61 - 1), so 2**e reduces to 2**(e mod 61).
  const e = ((frExp % 61) + 61) % 61;
  const h = (BigInt(frMant) << BigInt(e)) % MODULUS;
  const signed = x < 0 ? -h : h;
  return signed === -1n ? -2 : intFromBigInt(signed);
}
