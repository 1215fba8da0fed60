/**
 * Python's `math` module, as CPython 3.11 has it. Its exports are exactly
 * the module's attributes (this namespace object is the module object
 * compiled code sees). Arguments are read as CPython reads them (reals
 * through `__float__`, integers through `__index__`), results are Python
 * ints and floats in the runtime's representation, errors are CPython's.
 * The transcendental functions are computed in double-double precision and
 * rounded once (support/math/), which matches CPython on glibc nearly
 * always; README.md (Differences from CPython) has the details. The common
 * ones first try support/math/fast.ts, whose answers are the same.
 */
import { TypeError, ValueError, ZeroDivisionError } from '../builtins/exceptions.js';
import { PyFloat, PyTuple, typeName } from '../builtins/values.js';
import { iterate } from '../builtins/iteration.js';
import { mul } from '../builtins/operators.js';
import { lookupSpecial } from '../builtins/special.js';
import { floatToInt } from '../builtins/numbers/convert.js';
import { bitLength, ldexp as exactLdexp, ratioToFloat, type PyInt } from '../builtins/numbers/core.js';
import { noKeywords, type PyCallable } from '../builtins/calls.js';
import { arguments_, domainError, floatResult, iscloseKeywords, isIntValue, oneArgument, rangeError, toDouble, toIndex } from './support/math/args.js';
import * as real from './support/math/real.js';
import * as integers from './support/math/integers.js';
import * as special from './support/math/special.js';
import { fsum as exactSum, vectorNorm } from './support/math/sums.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './math.js';

export const __name__ = 'math';
loadedModules.$set('math', self);

export const pi = Math.PI;
export const e = Math.E;
export const tau = 2 * Math.PI;
export const inf = Infinity;
export const nan = NaN;

type Real = number | PyFloat;

/** A one-argument function of a real, with CPython's argument count check. */
function unary(name: string, f: (x: number) => number): (x: unknown) => Real {
  const fn = {
    [name](x: unknown): Real {
      if (arguments.length !== 1) throw oneArgument(name, arguments.length);
      return floatResult(f(toDouble(x)));
    },
  }[name]!;
  return noKeywords(fn, `math.${name}`);
}

/** A two-argument function of reals. */
function binary(name: string, f: (x: number, y: number) => number): (x: unknown, y: unknown) => Real {
  const fn = {
    [name](x: unknown, y: unknown): Real {
      if (arguments.length !== 2) throw arguments_(name, 2, arguments.length);
      return floatResult(f(toDouble(x), toDouble(y)));
    },
  }[name]!;
  return noKeywords(fn, `math.${name}`);
}


export const sqrt = unary('sqrt', real.sqrt);
export const cbrt = unary('cbrt', real.cbrt);
export const exp = unary('exp', real.exp);
export const exp2 = unary('exp2', real.exp2);
export const expm1 = unary('expm1', real.expm1);
export const log1p = unary('log1p', real.log1p);
export const sin = unary('sin', real.sin);
export const cos = unary('cos', real.cos);
export const tan = unary('tan', real.tan);
export const asin = unary('asin', real.asin);
export const acos = unary('acos', real.acos);
export const atan = unary('atan', real.atan);
export const sinh = unary('sinh', real.sinh);
export const cosh = unary('cosh', real.cosh);
export const tanh = unary('tanh', real.tanh);
export const asinh = unary('asinh', real.asinh);
export const acosh = unary('acosh', real.acosh);
export const atanh = unary('atanh', real.atanh);
export const erf = unary('erf', special.erf);
export const erfc = unary('erfc', special.erfc);
export const gamma = unary('gamma', special.gamma);
export const lgamma = unary('lgamma', special.lgamma);
export const fabs = unary('fabs', Math.abs);
export const degrees = unary('degrees', (x) => x * (180 / Math.PI));
export const radians = unary('radians', (x) => x * (Math.PI / 180));
export const atan2 = binary('atan2', real.atan2);
export const pow = binary('pow', real.pow);
export const copysign = binary('copysign', (x, y) => (y < 0 || Object.is(y, -0) || (y !== y && signBit(y)) ? -Math.abs(x) : Math.abs(x)));
export const fmod = binary('fmod', fmodDouble);
export const remainder = binary('remainder', remainderDouble);
export const nextafter = binary('nextafter', nextAfter);

const bits = new DataView(new ArrayBuffer(8));

function signBit(x: number): boolean {
  bits.setFloat64(0, x);
  return bits.getUint32(0) >>> 31 === 1;
}

/**
 * log of an int too large for a float: log(m) + log(2) e for its
 * mantissa m in [0.5, 1), as CPython's loghelper computes it.
 */
function logHelper(x: unknown, f: (v: number) => number, log2: number): number {
  if (typeof x === 'bigint') {
    if (x <= 0n) throw domainError();
    if (Number(x) === Infinity) {
      const n = bitLength(x);
      const m = ratioToFloat(x, 1n << BigInt(n));
      return f(m) + log2 * n;
    }
  }
  return f(toDouble(x));
}

/** log(x[, base]) */
export const log = noKeywords(function log(x: unknown, base?: unknown): Real {
  if (arguments.length < 1 || arguments.length > 2) throw new TypeError('math.log requires 1 to 2 arguments');
  const num = logHelper(x, real.log, 0.6931471805599453);
  if (arguments.length === 1) return floatResult(num);
  const den = logHelper(base, real.log, 0.6931471805599453);
  if (den === 0) throw new ZeroDivisionError('float division by zero');
  return floatResult(num / den);
}, 'math.log');

export const log2 = noKeywords(function log2(x: unknown): Real {
  if (arguments.length !== 1) throw oneArgument('log2', arguments.length);
  return floatResult(logHelper(x, real.log2, 1));
}, 'math.log2');

export const log10 = noKeywords(function log10(x: unknown): Real {
  if (arguments.length !== 1) throw oneArgument('log10', arguments.length);
  return floatResult(logHelper(x, real.log10, 0.3010299956639812));
}, 'math.log10');

/** floor, ceil and trunc: ints stay, floats round, other objects answer `__floor__`… */
function rounding(name: 'floor' | 'ceil' | 'trunc', f: (x: number) => number): (x: unknown) => PyInt {
  const special = `__${name}__`;
  const fn = {
    [name](x: unknown): PyInt {
      if (arguments.length !== 1) throw oneArgument(name, arguments.length);
      if (typeof x === 'number') return Number.isInteger(x) ? x + 0 : floatToInt(f(x));
      if (x instanceof PyFloat) return floatToInt(f(x.value));
      if (isIntValue(x)) return typeof x === 'boolean' ? (x ? 1 : 0) : x;
      const method = lookupSpecial(x, special);
      if (method !== undefined) return method() as PyInt;
      if (name === 'trunc') throw new TypeError(`type ${typeName(x)} doesn't define __trunc__ method`);
      return floatToInt(f(toDouble(x)));
    },
  }[name]!;
  return noKeywords(fn, `math.${name}`);
}

export const floor = rounding('floor', Math.floor);
export const ceil = rounding('ceil', Math.ceil);
export const trunc = rounding('trunc', Math.trunc);

export const isfinite = noKeywords(function isfinite(x: unknown): boolean {
  if (arguments.length !== 1) throw oneArgument('isfinite', arguments.length);
  return Number.isFinite(toDouble(x));
}, 'math.isfinite');

export const isinf = noKeywords(function isinf(x: unknown): boolean {
  if (arguments.length !== 1) throw oneArgument('isinf', arguments.length);
  const v = toDouble(x);
  return v === Infinity || v === -Infinity;
}, 'math.isinf');

export const isnan = noKeywords(function isnan(x: unknown): boolean {
  if (arguments.length !== 1) throw oneArgument('isnan', arguments.length);
  const v = toDouble(x);
  return v !== v;
}, 'math.isnan');

/** isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0) */
export function isclose(a: unknown, b: unknown): boolean {
  if (arguments.length !== 2) {
    throw new TypeError(`isclose() takes exactly 2 positional arguments (${arguments.length} given)`);
  }
  return closeTo(toDouble(a), toDouble(b), 1e-9, 0);
}
(isclose as unknown as PyCallable).$kw = (args: unknown[], kwargs: Record<string, unknown>): boolean => {
  const { a, b, rel, abs } = iscloseKeywords(args, kwargs);
  return closeTo(toDouble(a), toDouble(b), rel, abs);
};

function closeTo(a: number, b: number, rel: number, abs: number): boolean {
  if (rel < 0 || abs < 0) throw new ValueError('tolerances must be non-negative');
  if (a === b) return true;
  if (a === Infinity || a === -Infinity || b === Infinity || b === -Infinity) return false;
  const diff = Math.abs(b - a);
  return diff <= Math.abs(rel * b) || diff <= Math.abs(rel * a) || diff <= abs;
}

export const factorial = noKeywords(function factorial(n: unknown): PyInt {
  if (arguments.length !== 1) throw oneArgument('factorial', arguments.length);
  return integers.factorial(toIndex(n));
}, 'math.factorial');

export const isqrt = noKeywords(function isqrt(n: unknown): PyInt {
  if (arguments.length !== 1) throw oneArgument('isqrt', arguments.length);
  return integers.isqrt(toIndex(n));
}, 'math.isqrt');

export const gcd = noKeywords(function gcd(...args: unknown[]): PyInt {
  let g: PyInt = 0;
  for (const a of args) g = integers.gcd2(g, toIndex(a));
  return g;
}, 'math.gcd');

export const lcm = noKeywords(function lcm(...args: unknown[]): PyInt {
  let l: PyInt = 1;
  for (const a of args) l = integers.lcm2(l, toIndex(a));
  return l;
}, 'math.lcm');

export const comb = noKeywords(function comb(n: unknown, k: unknown): PyInt {
  if (arguments.length !== 2) throw arguments_('comb', 2, arguments.length);
  return integers.comb(toIndex(n), toIndex(k));
}, 'math.comb');

export const perm = noKeywords(function perm(n: unknown, k?: unknown): PyInt {
  if (arguments.length < 1 || arguments.length > 2) throw new TypeError(`perm expected at most 2 arguments, got ${arguments.length}`);
  return integers.perm(toIndex(n), k === undefined || k === null ? null : toIndex(k));
}, 'math.perm');

/** frexp(x) -> (m, e): x = m * 2**e, 0.5 <= |m| < 1. */
export const frexp = noKeywords(function frexp(x: unknown): PyTuple {
  if (arguments.length !== 1) throw oneArgument('frexp', arguments.length);
  const v = toDouble(x);
  if (v === 0 || v !== v || v === Infinity || v === -Infinity) return PyTuple.of(floatResult(v), 0);
  let e = Math.floor(Math.log2(Math.abs(v))) + 1;
  let m = exactLdexp(v, -e);
  // log2 may be off by one near powers of two.
  if (Math.abs(m) >= 1) {
    m /= 2;
    e += 1;
  } else if (Math.abs(m) < 0.5) {
    m *= 2;
    e -= 1;
  }
  return PyTuple.of(floatResult(m), e);
}, 'math.frexp');

/** ldexp(x, i) = x * 2**i */
export function ldexp(x: unknown, i: unknown): Real {
  if (arguments.length !== 2) throw arguments_('ldexp', 2, arguments.length);
  const v = toDouble(x);
  if (!isIntValue(i)) throw new TypeError('Expected an int as second argument to ldexp.');
  if (v === 0 || !Number.isFinite(v)) return floatResult(v);
  const n = typeof i === 'boolean' ? (i ? 1 : 0) : i;
  if (typeof n === 'bigint' || Math.abs(n) > 100000) {
    if (n > 0) throw rangeError();
    return floatResult(v < 0 ? -0 : 0);
  }
  const r = scaleRounded(v, n);
  if (r === Infinity || r === -Infinity) throw rangeError();
  return floatResult(r);
}

/** x * 2**n rounded once, subnormal results included (finite non-zero x, |n| <= 100000). */
function scaleRounded(x: number, n: number): number {
  const e = Math.floor(Math.log2(Math.abs(x)));
  if (e + n >= -1022) return exactLdexp(x, n);
  if (e + n < -1076) return x < 0 ? -0 : 0;
  // In units of the smallest subnormal: an integer below 2**52 after one rounding.
  const t = exactLdexp(x, n + 1074);
  const big = t < 0 ? -4503599627370496 : 4503599627370496;
  const r = (t + big - big) * 5e-324;
  return r === 0 && x < 0 ? -0 : r;
}
noKeywords(ldexp, 'math.ldexp');

/** modf(x) -> (fractional part, integral part), both floats with x's sign. */
export const modf = noKeywords(function modf(x: unknown): PyTuple {
  if (arguments.length !== 1) throw oneArgument('modf', arguments.length);
  const v = toDouble(x);
  if (v === Infinity || v === -Infinity) return PyTuple.of(floatResult(v < 0 ? -0 : 0), floatResult(v));
  const int = Math.trunc(v);
  const frac = v - int;
  return PyTuple.of(floatResult(v < 0 || Object.is(v, -0) ? -Math.abs(frac) : frac), floatResult(int));
}, 'math.modf');

function fmodDouble(x: number, y: number): number {
  if (y === Infinity || y === -Infinity) {
    if (Number.isFinite(x)) return x;
  }
  const r = x % y;
  if (r !== r && x === x && y === y) throw domainError();
  return r;
}

/** IEEE 754 remainder: x - n*y with n the integer nearest x/y (ties to even). */
function remainderDouble(x: number, y: number): number {
  if (x !== x) return x;
  if (y !== y) return y;
  if (x === Infinity || x === -Infinity || y === 0) throw domainError();
  if (y === Infinity || y === -Infinity) return x;
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  const m = ax % ay;
  const c = ay - m;
  let r: number;
  if (m < c) r = m;
  else if (m > c) r = -c;
  else {
    // Half-way: the even quotient wins; ax mod 2 ay is m for an even one.
    const twice = ay <= Number.MAX_VALUE / 2 ? ax % (2 * ay) : ax;
    r = twice === m ? m : -c;
  }
  return x < 0 || Object.is(x, -0) ? -r : r;
}

function nextAfter(x: number, y: number): number {
  if (x !== x) return x;
  if (y !== y) return y;
  if (x === y) return y;
  if (x === 0) return y > 0 ? 5e-324 : -5e-324;
  bits.setFloat64(0, x);
  let n = bits.getBigUint64(0);
  n += (y > x) === (x > 0) ? 1n : -1n;
  bits.setBigUint64(0, n);
  return bits.getFloat64(0);
}

/** ulp(x): the value of the least significant bit of x. */
export const ulp = noKeywords(function ulp(x: unknown): Real {
  if (arguments.length !== 1) throw oneArgument('ulp', arguments.length);
  let v = Math.abs(toDouble(x));
  if (v !== v || v === Infinity) return v;
  if (v === Number.MAX_VALUE) return floatResult(v - nextAfter(v, 0));
  const next = nextAfter(v, Infinity);
  v = next - v;
  return floatResult(v);
}, 'math.ulp');

/** fsum(iterable): the correctly rounded sum. */
export const fsum = noKeywords(function fsum(iterable: unknown): Real {
  if (arguments.length !== 1) throw oneArgument('fsum', arguments.length);
  const values = (function* (): Generator<number> {
    for (const x of iterate(iterable)) yield toDouble(x);
  })();
  return floatResult(exactSum(values));
}, 'math.fsum');

/** prod(iterable, *, start=1) */
export function prod(iterable: unknown): unknown {
  if (arguments.length !== 1) throw new TypeError(`prod() takes exactly 1 positional argument (${arguments.length} given)`);
  return product(iterable, 1);
}
(prod as unknown as PyCallable).$kw = (args: unknown[], kwargs: Record<string, unknown>): unknown => {
  if (args.length !== 1) throw new TypeError(`prod() takes exactly 1 positional argument (${args.length} given)`);
  for (const key of Object.keys(kwargs)) {
    if (key !== 'start') throw new TypeError(`prod() got an unexpected keyword argument '${key}'`);
  }
  return product(args[0], 'start' in kwargs ? kwargs['start'] : 1);
};

function product(iterable: unknown, start: unknown): unknown {
  let result = start;
  for (const x of iterate(iterable)) result = mul(result, x);
  return result;
}

/** hypot(*coordinates): the Euclidean norm. */
export const hypot = noKeywords(function hypot(...coords: unknown[]): Real {
  const values: number[] = [];
  let max = 0;
  let nan = false;
  for (const c of coords) {
    const v = Math.abs(toDouble(c));
    if (v !== v) nan = true;
    else if (v > max) max = v;
    values.push(v);
  }
  return floatResult(vectorNorm(values, max, nan));
}, 'math.hypot');

/** dist(p, q): the Euclidean distance between two points. */
export const dist = noKeywords(function dist(p: unknown, q: unknown): Real {
  if (arguments.length !== 2) throw arguments_('dist', 2, arguments.length);
  const ps = [...iterate(p)];
  const qs = [...iterate(q)];
  if (ps.length !== qs.length) throw new ValueError('both points must have the same number of dimensions');
  const values: number[] = [];
  let max = 0;
  let nan = false;
  for (let i = 0; i < ps.length; i++) {
    const v = Math.abs(toDouble(ps[i]) - toDouble(qs[i]));
    if (v !== v) nan = true;
    else if (v > max) max = v;
    values.push(v);
  }
  return floatResult(vectorNorm(values, max, nan));
}, 'math.dist');
