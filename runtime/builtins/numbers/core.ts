/**
 * Shared pieces of the number implementation: the kinds of number values
 * (see runtime/README.md), conversions between them, and exact helpers on
 * the binary representation of doubles and on bigints.
 */
import { BASE_VALUE, PyBoxed, PyFloat, float, intFromBigInt, isIntNumber, typeName } from '../values.js';
import { OverflowError, TypeError } from '../exceptions.js';

export const MAX_SAFE = 9007199254740991;

/** A Python int: a JS number in the safe range, a bigint outside it. */
export type PyInt = number | bigint;
/** Any Python number this module handles: int, bool or float. */
export type PyNumber = number | bigint | boolean | PyFloat;
/** What arithmetic returns (bools only come back from `&`, `|`, `^`). */
export type PyNumberResult = number | bigint | PyFloat;

/** The kind of a value, for the slow paths of the operators. */
export const K_NONE = 0;
/** int held in a JS number (bools included: they count as 0 and 1). */
export const K_INT = 1;
export const K_BIG = 2;
export const K_FLOAT = 3;

export function kindOf(v: unknown): number {
  switch (typeof v) {
    case 'number':
      // -0 is the float 0.0 (values.ts).
      return isIntNumber(v) ? K_INT : K_FLOAT;
    case 'bigint':
      return K_BIG;
    case 'boolean':
      return K_INT;
  }
  return v instanceof PyFloat ? K_FLOAT : K_NONE;
}

/** int, float or bool. */
export function isNumber(v: unknown): v is PyNumber {
  const t = typeof v;
  return t === 'number' || t === 'bigint' || t === 'boolean' || v instanceof PyFloat;
}

/** Python truthiness of a number (nan is true, as in Python). */
export function truthy(v: PyNumber): boolean {
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return v !== 0n;
  return v.value !== 0;
}

/** A float result in our representation: 0.0 is -0, other integral values (and -0.0) are boxed. */
export const boxFloat: (x: number) => number | PyFloat = float;

/**
 * x mod c with the sign of c, for a safe int x and an int32 c > 0 (`state *
 * 48271 % 2147483647`). Beyond the int32 range a JS `%` is a call to fmod;
 * a division and a floor are a few instructions: floor(x / c) comes out
 * exact or one too large, and below 2 ** 52 in magnitude the product and
 * the difference are exact, so one correction gives the remainder.
 */
export function safeIntMod(x: number, c: number): number {
  if (x < 4503599627370496 && x > -4503599627370496) {
    const m = x - Math.floor(x / c) * c;
    return m < 0 ? m + c : m;
  }
  // `+ 0` turns -0 (from -n % n) into the int 0.
  const m = x % c;
  return m < 0 ? m + c : m + 0;
}

/** The int value of an int or bool (the caller knows it is one). */
export function intOf(v: unknown): PyInt {
  return typeof v === 'boolean' ? (v ? 1 : 0) : (v as PyInt);
}

/** The float value of a value of kind `kind` (not K_NONE). */
export function floatOf(v: unknown, kind: number): number {
  // `+ 0`: the -0 of 0.0 is +0 (values.ts).
  if (kind === K_FLOAT) return typeof v === 'number' ? v + 0 : (v as PyFloat).value;
  if (kind === K_BIG) return bigToFloat(v as bigint);
  return typeof v === 'boolean' ? (v ? 1 : 0) : (v as number);
}

/** float(int) for a bigint: correctly rounded, OverflowError when out of range. */
export function bigToFloat(b: bigint): number {
  const x = Number(b);
  if (x === Infinity || x === -Infinity) throw new OverflowError('int too large to convert to float');
  return x;
}

/** The float value of any number, as PyFloat_AsDouble gives it. */
export function toJsNumber(v: unknown): number {
  const kind = kindOf(v);
  if (kind === K_NONE) {
    // An int or float subclass's instance (math.sqrt(Celsius(4.0))).
    if (v instanceof PyBoxed && kindOf(v[BASE_VALUE]) !== K_NONE) return toJsNumber(v[BASE_VALUE]);
    throw new TypeError(`must be real number, not ${typeName(v)}`);
  }
  return floatOf(v, kind);
}

export { intFromBigInt };

/** The number of bits of |b| (0 for 0). */
export function bitLength(b: bigint): number {
  if (b < 0n) b = -b;
  if (b === 0n) return 0;
  // toString(16) is linear; refine the last hex digit by hand.
  const hex = b.toString(16);
  const lead = parseInt(hex[0]!, 16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(lead));
}

// The binary representation of doubles, read through one shared buffer.
const view = /*#__PURE__*/ new DataView(new ArrayBuffer(8));

/** Set by `decompose`: x = frMant * 2 ** frExp exactly, frMant an integer < 2 ** 53. */
export let frMant = 0;
export let frExp = 0;

/** Splits a finite non-zero |x| into integer mantissa and exponent (frMant, frExp). */
export function decompose(x: number): void {
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const e = (hi >>> 20) & 0x7ff;
  const m = (hi & 0xfffff) * 4294967296 + lo;
  if (e === 0) {
    frMant = m;
    frExp = -1074;
  } else {
    frMant = m + 4503599627370496;
    frExp = e - 1075;
  }
}

/** 2 ** n exactly, for integer n in [-1074, 1023] (0 below, Infinity above). */
export function pow2(n: number): number {
  if (n >= -1022) {
    if (n > 1023) return Infinity;
    view.setUint32(0, (n + 1023) << 20);
    view.setUint32(4, 0);
    return view.getFloat64(0);
  }
  if (n < -1074) return 0;
  // 2 ** (n + 52) is normal; the division by 2 ** 52 is exact.
  view.setUint32(0, (n + 52 + 1023) << 20);
  view.setUint32(4, 0);
  return view.getFloat64(0) / 4503599627370496;
}

/** x * 2 ** n, exact whenever the result is representable (no double rounding). */
export function ldexp(x: number, n: number): number {
  if (n > 1023) {
    x *= pow2(1023);
    n -= 1023;
    if (n > 1023) {
      x *= pow2(1023);
      n -= 1023;
      if (n > 1023) n = 1023;
    }
    return x * pow2(n);
  }
  if (n < -1022) {
    // Scale into the normal range first so that only the last product rounds.
    x *= pow2(-1022);
    n += 1022;
    if (n < -1022) {
      x *= pow2(-1022);
      n += 1022;
      if (n < -1074) return x * 0;
    }
    return x * pow2(n);
  }
  return x * pow2(n);
}

/**
 * n / d correctly rounded to a double (round half to even), for n >= 0 and
 * d > 0. Infinity when the quotient is beyond the float range.
 */
export function ratioToFloat(n: bigint, d: bigint): number {
  if (n === 0n) return 0;
  const nb = bitLength(n);
  const db = bitLength(d);
  // q = floor(n * 2**s / d) has 55 or 56 bits: two more than a double holds.
  const s = 55 - (nb - db);
  let q: bigint;
  let r: bigint;
  if (s >= 0) {
    const ns = n << BigInt(s);
    q = ns / d;
    r = ns - q * d;
  } else {
    const ds = d << BigInt(-s);
    q = n / ds;
    r = n - q * ds;
  }
  const e = bitLength(q) - 1 - s; // floor(log2(n / d))
  if (e > 1023) return Infinity;
  const ulpExp = Math.max(e - 52, -1074);
  const drop = ulpExp + s; // bits of q below the last kept bit, at least 2
  const D = BigInt(drop);
  let m = q >> D;
  const low = q - (m << D);
  const half = 1n << (D - 1n);
  if (low > half || (low === half && (r !== 0n || (m & 1n) === 1n))) m += 1n;
  return ldexp(Number(m), ulpExp);
}

/** 10n ** k, cached for the small exponents used over and over. */
const pow10Cache: bigint[] = [];
export function bigPow10(k: number): bigint {
  if (k < 64) {
    let p = pow10Cache[k];
    if (p === undefined) p = pow10Cache[k] = 10n ** BigInt(k);
    return p;
  }
  return 10n ** BigInt(k);
}

/** round(n / d) with ties to even, for bigints with d > 0. */
export function divRoundHalfEven(n: bigint, d: bigint): bigint {
  let q = n / d;
  let r = n - q * d;
  if (r < 0n) {
    q -= 1n;
    r += d;
  }
  const twice = 2n * r;
  if (twice > d || (twice === d && (q & 1n) === 1n)) q += 1n;
  return q;
}
