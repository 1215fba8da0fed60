/**
 * What statistics computes with Fraction in CPython: exact rationals over
 * BigInt, the `_sum` / `_ss` accumulations by denominator, `_convert`
 * back to int or a correctly rounded float, and `_float_sqrt_of_frac`
 * (the correctly rounded square root of a fraction). Non-finite floats
 * (which have no ratio) are summed as floats apart, as CPython does.
 */
import { AttributeError, OverflowError, TypeError, ValueError } from '../../../builtins/exceptions.js';
import { PyFloat, float as pyFloat, intFromBigInt, isFloat, isIntNumber, typeName } from '../../../builtins/values.js';
import { callMethod, getattr, hasattr } from '../../../builtins/attributes.js';
import { iterate } from '../../../builtins/iteration.js';
import { add } from '../../../builtins/operators.js';
import { bitLength, ratioToFloat } from '../../../builtins/numbers/core.js';
// A cycle (fractions computes with Frac), harmless: neither module uses the other's exports while loading.
import { $isFraction as isFraction, $makeFraction as makeFraction } from '../../fractions.js';

/** A fraction n/d in lowest terms, d > 0. */
export class Frac {
  constructor(readonly n: bigint, readonly d: bigint) {}

  static of(n: bigint, d: bigint = 1n): Frac {
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const g = gcd(n < 0n ? -n : n, d);
    return g > 1n ? new Frac(n / g, d / g) : new Frac(n, d);
  }

  add(o: Frac): Frac {
    return Frac.of(this.n * o.d + o.n * this.d, this.d * o.d);
  }

  sub(o: Frac): Frac {
    return Frac.of(this.n * o.d - o.n * this.d, this.d * o.d);
  }

  mul(o: Frac): Frac {
    return Frac.of(this.n * o.n, this.d * o.d);
  }

  div(o: Frac): Frac {
    return Frac.of(this.n * o.d, this.d * o.n);
  }

  /** float(self): n / d correctly rounded. */
  toFloat(): number {
    return checkedRatio(this.n, this.d);
  }
}

/** int / int as Python divides them: correctly rounded, OverflowError beyond the float range. */
function checkedRatio(n: bigint, d: bigint): number {
  const x = n < 0n ? -ratioToFloat(-n, d) : ratioToFloat(n, d);
  if (!Number.isFinite(x)) throw new OverflowError('integer division result too large for a float');
  return x;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** The type of the data, as `reduce(_coerce, types, int)` finds it: float once a float was seen, else Fraction once one was. */
export type NumType = 'int' | 'float' | 'fraction';

/** `_exact_ratio`: (numerator, denominator), or the value itself with a null denominator for a NaN or infinity. */
function exactRatio(x: unknown): [bigint, bigint] | [number, null] {
  if (typeof x === 'boolean') return [x ? 1n : 0n, 1n];
  if (typeof x === 'bigint') return [x, 1n];
  if (typeof x === 'number' && isIntNumber(x)) return [BigInt(x), 1n];
  if (isFloat(x)) {
    const v = x instanceof PyFloat ? x.value : x;
    if (!Number.isFinite(v)) return [v, null];
  }
  if (x !== null && x !== undefined && hasattr(x, 'as_integer_ratio')) {
    try {
      const [n, d] = [...iterate(callMethod(x, 'as_integer_ratio'))];
      return [BigInt(n as number | bigint), BigInt(d as number | bigint)];
    } catch (e) {
      if (e instanceof OverflowError || e instanceof ValueError) return [Number(x), null];
      throw e;
    }
  }
  if (x !== null && x !== undefined && hasattr(x, 'numerator') && hasattr(x, 'denominator')) {
    return [BigInt(getattr(x, 'numerator') as number | bigint), BigInt(getattr(x, 'denominator') as number | bigint)];
  }
  throw new TypeError(`can't convert type '${typeName(x)}' to numerator/denominator`);
}

function typeOf(x: unknown): NumType {
  if (isFloat(x)) return 'float';
  return isFraction(x) ? 'fraction' : 'int';
}

/** `_coerce(T, S)` for int, Fraction and float: int gives way to either, Fraction to float. */
function coerce(T: NumType, S: NumType): NumType {
  if (T === S || S === 'int') return T;
  if (T === 'int') return S;
  return 'float';
}

/** A sum: exact, or a float when non-finite values took part. */
export type Total = Frac | number;

/** `_sum(data)`: (T, total, count). */
export function exactSum(data: Iterable<unknown>): { T: NumType; total: Total; count: number } {
  let count = 0;
  let T: NumType = 'int';
  const partials = new Map<bigint, bigint>();
  let nonFinite: unknown = null;
  for (const x of data) {
    T = coerce(T, typeOf(x));
    const [n, d] = exactRatio(x);
    count++;
    if (d === null) nonFinite = add(nonFinite ?? 0, n);
    else partials.set(d, (partials.get(d) ?? 0n) + n);
  }
  if (nonFinite !== null) return { T, total: Number(nonFinite), count };
  let total = Frac.of(0n);
  for (const [d, n] of partials) total = total.add(Frac.of(n, d));
  return { T, total, count };
}

/** `_ss(data)` without a given centre: (T, sum of squared deviations, mean, count). */
export function sumOfSquares(data: Iterable<unknown>): { T: NumType; ssd: Total; count: number } {
  let count = 0;
  let T: NumType = 'int';
  const sx = new Map<bigint, bigint>();
  const sxx = new Map<bigint, bigint>();
  let nonFinite: unknown = null;
  for (const x of data) {
    T = coerce(T, typeOf(x));
    const [n, d] = exactRatio(x);
    count++;
    if (d === null) {
      nonFinite = add(nonFinite ?? 0, n);
      continue;
    }
    sx.set(d, (sx.get(d) ?? 0n) + n);
    sxx.set(d, (sxx.get(d) ?? 0n) + n * n);
  }
  if (count === 0) return { T, ssd: Frac.of(0n), count };
  if (nonFinite !== null) return { T, ssd: Number(nonFinite), count };
  let s = Frac.of(0n);
  for (const [d, n] of sx) s = s.add(Frac.of(n, d));
  let s2 = Frac.of(0n);
  for (const [d, n] of sxx) s2 = s2.add(Frac.of(n, d * d));
  const c = Frac.of(BigInt(count));
  return { T, ssd: c.mul(s2).sub(s.mul(s)).div(c), count };
}

/** `total / n` (Fraction or float division). */
export function divide(total: Total, n: number): Total {
  return typeof total === 'number' ? total / n : total.div(Frac.of(BigInt(n)));
}

/** `_convert(value, T)`: an int when T is int and the value whole, else a float. */
export function convert(value: Total, T: NumType): unknown {
  if (typeof value === 'number') return pyFloat(value);
  if (T === 'fraction') return makeFraction(value.n, value.d);
  if (T === 'int' && value.d === 1n) return intFromBigInt(value.n);
  return pyFloat(value.toFloat());
}

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  // Newton's method from the float estimate, then settle on the floor.
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) break;
    x = y;
  }
  while (x * x > n) x--;
  while ((x + 1n) * (x + 1n) <= n) x++;
  return x;
}

/** Python's floor division of bigints. */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n) && ((a < 0n) !== (b < 0n)) ? q - 1n : q;
}

function sqrtRto(n: bigint, m: bigint): bigint {
  const a = isqrt(n / m);
  return a | (a * a * m !== n ? 1n : 0n);
}

const SQRT_BIT_WIDTH = 2 * 53 + 3;

/** `_float_sqrt_of_frac(n, m)`: sqrt(n/m) correctly rounded; a float (non-finite) sum has no numerator, as in CPython. */
export function sqrtOfFrac(mss: Total): number | PyFloat {
  if (typeof mss === 'number') throw new AttributeError("'float' object has no attribute 'numerator'");
  const { n, d: m } = mss;
  const q = floorDiv(BigInt(bitLength(n) - bitLength(m) - SQRT_BIT_WIDTH), 2n);
  let numerator: bigint;
  let denominator: bigint;
  if (q >= 0n) {
    numerator = sqrtRto(n, m << (2n * q)) << q;
    denominator = 1n;
  } else {
    numerator = sqrtRto(n << (-2n * q), m);
    denominator = 1n << -q;
  }
  return pyFloat(checkedRatio(numerator, denominator));
}
