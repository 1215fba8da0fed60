/**
 * math's integer functions, exact: factorial, gcd, lcm, isqrt, comb, perm.
 * Ints are JS numbers in the safe range and bigints beyond (normalised
 * results, as runtime/README.md requires).
 */
import { OverflowError, ValueError } from '../../../builtins/exceptions.js';
import { bitLength, intFromBigInt, type PyInt } from '../../../builtins/numbers/core.js';

const MAX_SAFE = 9007199254740991;
const SSIZE_MAX = 9223372036854775807n;

/** The product lo * (lo+1) * ... * hi, by halves (balanced products are what makes bigint multiplication fast). */
function rangeProduct(lo: bigint, hi: bigint): bigint {
  if (hi - lo < 8n) {
    let p = 1n;
    for (let i = lo; i <= hi; i++) p *= i;
    return p;
  }
  const mid = (lo + hi) >> 1n;
  return rangeProduct(lo, mid) * rangeProduct(mid + 1n, hi);
}

export function factorial(n: PyInt): PyInt {
  if (n < 0) throw new ValueError('factorial() not defined for negative values');
  if (typeof n === 'bigint' && n > SSIZE_MAX) throw new OverflowError(`factorial() argument should not exceed ${SSIZE_MAX}`);
  const k = Number(n);
  if (k <= 18) {
    let p = 1;
    for (let i = 2; i <= k; i++) p *= i;
    return p;
  }
  return intFromBigInt(rangeProduct(2n, BigInt(k)));
}

function gcdNumbers(a: number, b: number): number {
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

function gcdBig(a: bigint, b: bigint): bigint {
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

function abs(n: PyInt): PyInt {
  return n < 0 ? -n : n;
}

export function gcd2(a: PyInt, b: PyInt): PyInt {
  a = abs(a);
  b = abs(b);
  if (typeof a === 'number' && typeof b === 'number') return gcdNumbers(a, b);
  return intFromBigInt(gcdBig(BigInt(a), BigInt(b)));
}

export function lcm2(a: PyInt, b: PyInt): PyInt {
  if (a === 0 || b === 0) return 0;
  const g = gcd2(a, b);
  const aa = abs(a);
  const bb = abs(b);
  if (typeof aa === 'number' && typeof bb === 'number' && typeof g === 'number') {
    const r = (aa / g) * bb;
    if (r <= MAX_SAFE) return r;
  }
  return intFromBigInt((BigInt(aa) / BigInt(g)) * BigInt(bb));
}

/** The integer square root (the floor of the exact root). */
export function isqrt(n: PyInt): PyInt {
  if (n < 0) throw new ValueError('isqrt() argument must be nonnegative');
  if (typeof n === 'number') {
    let r = Math.floor(Math.sqrt(n));
    // Math.sqrt is correctly rounded, but n itself may not be exact above 2**53.
    while (r * r > n) r--;
    while ((r + 1) * (r + 1) <= n) r++;
    return r;
  }
  // Newton's iteration from above: one step from the float estimate lands at or above the root.
  const f = Number(n);
  let x = Number.isFinite(f) ? BigInt(Math.floor(Math.sqrt(f))) + 1n : 1n << BigInt((bitLength(n) >> 1) + 1);
  // floor((x + n // x) / 2) >= isqrt(n) for any x > 0.
  x = (x + n / x) >> 1n;
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) break;
    x = y;
  }
  while (x * x > n) x--;
  return intFromBigInt(x);
}

/** n! / (n-k)!, for 0 <= k <= n. */
function fallingProduct(n: bigint, k: bigint): bigint {
  if (k === 0n) return 1n;
  return rangeProduct(n - k + 1n, n);
}

export function perm(n: PyInt, k: PyInt | null): PyInt {
  if (k === null) return factorial(n);
  if (n < 0) throw new ValueError('n must be a non-negative integer');
  if (k < 0) throw new ValueError('k must be a non-negative integer');
  if (k > n) return 0;
  return intFromBigInt(fallingProduct(BigInt(n), BigInt(k)));
}

export function comb(n: PyInt, k: PyInt): PyInt {
  if (n < 0) throw new ValueError('n must be a non-negative integer');
  if (k < 0) throw new ValueError('k must be a non-negative integer');
  if (k > n) return 0;
  const bn = BigInt(n);
  let bk = BigInt(k);
  if (bn - bk < bk) bk = bn - bk;
  if (bk === 0n) return 1;
  if (typeof n === 'number' && n <= 50) {
    // Exact in doubles: C(n, k) * n < 2**53 for n <= 50, so no partial product rounds.
    let r = 1;
    const kk = Number(bk);
    for (let i = 1; i <= kk; i++) r = (r * (n - kk + i)) / i;
    if (r <= MAX_SAFE) return Math.round(r);
  }
  return intFromBigInt(fallingProduct(bn, bk) / rangeProduct(1n, bk));
}
