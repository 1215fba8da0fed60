/**
 * `**` and pow() on int, bool and float, two- and three-argument, with
 * CPython's special cases and errors (float_pow, long_pow).
 */
import { PyComplex, PyFloat, isIntNumber } from '../values.js';
import { MemoryError, OverflowError, TypeError, ValueError, ZeroDivisionError } from '../exceptions.js';
import { NotImplemented, type NotImplementedType } from '../notImplemented.js';
import {
  MAX_SAFE, K_NONE, K_FLOAT, kindOf, intOf, floatOf, boxFloat, intFromBigInt, bitLength, bigToFloat,
  type PyInt, type PyNumberResult,
} from './core.js';
import { bigMod } from './arith.js';
import { crPow, sinCos, SIN_COS } from './fpow.js';
import { complexBinary } from './complex.js';

/** V8's limit on the size of a bigint, in bits (beyond it CPython would run out of memory too). */
const MAX_BIGINT_BITS = 2 ** 30;

/** a ** b, or pow(a, b, m) when m is given (undefined and None mean absent). */
export function pow(a: unknown, b: unknown, m?: unknown): PyNumberResult | PyComplex | NotImplementedType {
  if (m !== undefined && m !== null) return pow3(a, b, m);
  if (typeof a === 'number' && typeof b === 'number') return numberPow(a, b);
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka === K_NONE || kb === K_NONE) return complexBinary('**', a, b);
  if (ka === K_FLOAT || kb === K_FLOAT) return floatPow(floatOf(a, ka), floatOf(b, kb));
  const x = intOf(a);
  const y = intOf(b);
  // A negative exponent makes it float ** float (long_pow hands over to float_pow).
  if (y < 0) return floatPow(typeof x === 'bigint' ? bigToFloat(x) : x, typeof y === 'bigint' ? bigToFloat(y) : y);
  if (typeof x === 'number' && typeof y === 'number') return smallIntPow(x, y);
  return bigIntPow(BigInt(x), BigInt(y));
}

/** a ** b for two JS numbers (ints, or floats: non-integral, or -0 for 0.0). */
export function numberPow(a: number, b: number): number | bigint | PyFloat | PyComplex {
  // `+ 0`: a float's true value (the -0 of 0.0 is +0, values.ts).
  if (Number.isInteger(b)) return isIntNumber(a) && isIntNumber(b) && b >= 0 ? smallIntPow(a, b) : floatPow(a + 0, b + 0);
  // A fractional exponent of a positive finite base (the common float case): straight to crPow.
  if (a > 0 && a !== 1 && a < Infinity && b > -Infinity && b < Infinity) {
    const r = crPow(a, b);
    if (r !== Infinity) return boxFloat(r); // (floatPow raises the overflow)
  }
  return floatPow(a + 0, b);
}

/** int ** int for JS numbers, exponent >= 0: exact, by squaring while it stays safe. */
function smallIntPow(x: number, y: number): PyInt {
  let result = 1;
  let base = x;
  let e = y;
  for (;;) {
    if (e & 1) {
      result *= base;
      if (result > MAX_SAFE || result < -MAX_SAFE) return bigIntPow(BigInt(x), BigInt(y));
    }
    e = Math.floor(e / 2);
    if (e === 0) return result + 0;
    base *= base;
    if (base > MAX_SAFE) return bigIntPow(BigInt(x), BigInt(y));
  }
}

function bigIntPow(x: bigint, y: bigint): PyInt {
  if (x === 0n || x === 1n) return y === 0n ? 1 : Number(x);
  if (x === -1n) return y % 2n === 0n ? 1 : -1;
  // Refuse what V8 cannot hold (CPython would fail with MemoryError too).
  if (y > BigInt(MAX_BIGINT_BITS) || bitLength(x) * Number(y) > MAX_BIGINT_BITS) throw new MemoryError();
  return intFromBigInt(x ** y);
}

/**
 * float ** float as CPython's float_pow: special cases first, then the
 * platform pow (here crPow), with OverflowError on overflow; a negative base
 * with a fractional exponent gives a complex result.
 */
export function floatPow(iv: number, iw: number): number | PyFloat | PyComplex {
  if (iw === 0) return boxFloat(1);
  if (iv !== iv) return iv; // nan ** w = nan
  if (iw !== iw) return iv === 1 ? boxFloat(1) : iw;
  if (iw === Infinity || iw === -Infinity) {
    const av = Math.abs(iv);
    if (av === 1) return boxFloat(1);
    if (iw > 0 === av > 1) return Math.abs(iw);
    return boxFloat(0);
  }
  if (iv === Infinity || iv === -Infinity) {
    const odd = isOddInteger(iw);
    if (iw > 0) return odd ? iv : Math.abs(iv);
    return boxFloat(odd ? (iv < 0 ? -0 : 0) : 0);
  }
  if (iv === 0) {
    if (iw < 0) throw new ZeroDivisionError('0.0 cannot be raised to a negative power');
    return boxFloat(isOddInteger(iw) ? iv : 0);
  }
  let negate = false;
  if (iv < 0) {
    if (iw !== Math.floor(iw)) return complexPow(iv, iw);
    iv = -iv;
    negate = isOddInteger(iw);
  }
  if (iv === 1) return boxFloat(negate ? -1 : 1);
  const r = crPow(iv, iw);
  if (r === Infinity) throw new OverflowError(34, 'Numerical result out of range');
  return boxFloat(negate ? -r : r);
}

function isOddInteger(w: number): boolean {
  // Doubles beyond 2 ** 53 are all even.
  return Number.isInteger(w) && Math.abs(w) < 9007199254740992 && Math.abs(w % 2) === 1;
}

/** A negative float to a fractional power: CPython's complex pow with a zero imaginary part. */
function complexPow(base: number, exp: number): PyComplex {
  const vabs = Math.abs(base);
  const len = crPowAny(vabs, exp);
  if (len === Infinity) throw new OverflowError('complex exponentiation');
  const phase = Math.PI * exp; // atan2(0.0, negative) is pi
  sinCos(phase);
  const real = len * SIN_COS[0]!;
  const imag = len * SIN_COS[1]!;
  if (!Number.isFinite(real) || !Number.isFinite(imag)) throw new OverflowError('complex exponentiation');
  return new PyComplex(real, imag);
}

/** libm pow for a positive base, infinities included (complexPow checks the result). */
function crPowAny(x: number, y: number): number {
  if (x === 1) return 1;
  if (x === Infinity) return y > 0 ? Infinity : 0;
  return crPow(x, y);
}

/** pow(a, b, m): integers only. */
function pow3(a: unknown, b: unknown, m: unknown): PyInt | NotImplementedType {
  const ka = kindOf(a);
  const kb = kindOf(b);
  const km = kindOf(m);
  // CPython tries each operand's slot in turn; float's refuses any modulus at once.
  if (ka === K_FLOAT || kb === K_FLOAT || km === K_FLOAT) {
    throw new TypeError('pow() 3rd argument not allowed unless all arguments are integers');
  }
  if (ka === K_NONE || kb === K_NONE || km === K_NONE) return NotImplemented;
  const x = intOf(a);
  const y = intOf(b);
  const z = intOf(m);
  if (z === 0 || z === 0n) throw new ValueError('pow() 3rd argument cannot be 0');
  let mod = BigInt(z);
  const negativeMod = mod < 0n;
  if (negativeMod) mod = -mod;
  let base = bigMod(BigInt(x), mod);
  let exp = BigInt(y);
  if (exp < 0n) {
    base = modInverse(base, mod);
    exp = -exp;
  }
  let result = modPow(base, exp, mod);
  if (negativeMod && result !== 0n) result -= mod;
  return intFromBigInt(result);
}

/** base ** exp % mod for base >= 0 and mod >= 1. */
export function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  if (mod === 1n) return 0n;
  let result = 1n;
  let b = base % mod;
  let e = exp;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % mod;
    e >>= 1n;
    if (e > 0n) b = (b * b) % mod;
  }
  return result;
}

/** The inverse of a modulo m (0 <= a < m), or CPython's ValueError. */
function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [a, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) throw new ValueError('base is not invertible for the given modulus');
  return bigMod(oldS, m);
}
