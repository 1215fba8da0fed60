/**
 * Python's `fractions` (CPython 3.11's Lib/fractions.py): Fraction, a
 * numbers.Rational kept in lowest terms over BigInt (exact for huge
 * numerators), built from ints, Rationals, floats and strings, with
 * CPython's arithmetic (`_operator_fallbacks`: exact with ints and
 * Fractions, float or complex arithmetic with floats and complexes),
 * comparisons with floats (nan, inf), the hash of the equal int or float,
 * limit_denominator and rounding; Decimals convert by their as_integer_ratio.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { HASH_MODULUS } from '../builtins/numbers/hash.js';
import { modPow } from '../builtins/numbers/pow.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './fractions.js';
import { PyClassMethod, PyProperty, PyStaticMethod, getClassAttr, type PyClass } from '../builtins/classes.js';
import { NUMBER_KEY } from '../builtins/dict.js';
import { bitLength, pow2 } from '../builtins/numbers/core.js';
import { TypeError, ValueError, ZeroDivisionError } from '../builtins/exceptions.js';
import { NotImplemented } from '../builtins/notImplemented.js';
import { callMethod, getattr } from '../builtins/attributes.js';
import { call } from '../builtins/calls.js';
import { repr } from '../builtins/repr.js';
import { complex, divmod, float as floatBuiltin, int } from '../builtins/functions.js';
import { add, eq, floordiv, ge, gt, le, lt, mod, mul, power, sub, truediv } from '../builtins/operators.js';
import { iterate } from '../builtins/iteration.js';
import { isinstance, type } from '../builtins/types.js';
import { PyFloat, PyTuple, float as pyFloat, intFromBigInt, isFloat, isIntNumber, typeName } from '../builtins/values.js';
import { defineClass, newInstance } from './support/stdlib/pyclass.js';
import { pyFunction } from './support/pydef.js';
import { Frac } from './support/statistics/exact.js';
import { Complex, Integral, Rational, Real } from './numbers.js';

export const __name__ = 'fractions';
export const __all__ = ['Fraction'];
loadedModules.$set('fractions', self);

const Q = 'fractions';

interface Fr {
  $n: bigint;
  $d: bigint;
}

const MODULUS = HASH_MODULUS;
const HASH_INF = 314159n;

// CPython's _RATIONAL_FORMAT (its `d*` in the fractional part included): \d is any Unicode decimal digit.
const D = '\\p{Nd}';
const RATIONAL_FORMAT = new RegExp(
  `^\\s*([-+]?)(?=${D}|\\.${D})(${D}*|${D}+(?:_${D}+)*)` +
  `(?:(?:/(${D}+(?:_${D}+)*))?|(?:\\.(d*|${D}+(?:_${D}+)*))?(?:[eE]([-+]?${D}+(?:_${D}+)*))?)\\s*$`,
  'u',
);

function big(v: unknown): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return BigInt(v);
  if (typeof v === 'boolean') return v ? 1n : 0n;
  return big(call(int, [v], null));
}

function isPyInt(v: unknown): boolean {
  return typeof v === 'bigint' || typeof v === 'boolean' || (typeof v === 'number' && isIntNumber(v));
}

function isFraction(v: unknown): v is Fr {
  return isinstance(v, Fraction);
}

/** A decimal.Decimal (its runtime value slot), told apart without loading the decimal module. */
function isDecimal(v: unknown): boolean {
  return typeof v === 'object' && v !== null && (v as { $dec?: unknown }).$dec !== undefined;
}

function isComplex(v: unknown): boolean {
  return isinstance(v, complex as never);
}

function parseInt(s: string): bigint {
  return big(call(int, [s], null));
}

/** `Fraction(n, d, _normalize=False)`: a plain Fraction, ZeroDivisionError for d == 0. */
function make(n: bigint, d: bigint, cls: unknown = Fraction, normalize = true): Fr {
  if (d === 0n) throw new ZeroDivisionError(`Fraction(${n}, 0)`);
  if (normalize) {
    let g = gcd(n < 0n ? -n : n, d < 0n ? -d : d);
    if (d < 0n) g = -g;
    n /= g;
    d /= g;
  }
  const o = newInstance(cls) as unknown as Fr;
  o.$n = n;
  o.$d = d;
  return o;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function fromFrac(f: Frac): Fr {
  return make(f.n, f.d, Fraction, false);
}

/** Floor division and modulo as Python's ints do them. */
function fdiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

function fmod(a: bigint, b: bigint): bigint {
  const r = a % b;
  return r !== 0n && (r < 0n) !== (b < 0n) ? r + b : r;
}

/** Numerator and denominator of an int or a Rational. */
function ratio(v: unknown): [bigint, bigint] {
  if (isPyInt(v)) return [big(v), 1n];
  if (isFraction(v)) return [v.$n, v.$d];
  return [big(getattr(v, 'numerator')), big(getattr(v, 'denominator'))];
}

function toFloat(a: Fr): number {
  return new Frac(a.$n, a.$d).toFloat();
}

function asComplex(v: unknown): unknown {
  return call(complex, [v], null);
}

type Mono = (a: [bigint, bigint], b: [bigint, bigint]) => unknown;

/** `_operator_fallbacks(monomorphic, fallback)`: the forward and reverse dunders. */
function fallbacks(name: string, mono: Mono, fallback: (a: unknown, b: unknown) => unknown): [unknown, unknown] {
  const forward = pyFunction('a, b', `Fraction.__${name}__`, Q, (a: Fr, b: unknown) => {
    if (isPyInt(b) || isFraction(b)) return mono([a.$n, a.$d], ratio(b));
    if (isFloat(b)) return fallback(pyFloat(toFloat(a)), b);
    if (isComplex(b)) return fallback(asComplex(a), b);
    return NotImplemented;
  });
  const reverse = pyFunction('b, a', `Fraction.__r${name}__`, Q, (b: Fr, a: unknown) => {
    if (isinstance(a, Rational)) return mono(ratio(a), [b.$n, b.$d]);
    if (isinstance(a, Real)) return fallback(call(floatBuiltin, [a], null), pyFloat(toFloat(b)));
    if (isinstance(a, Complex)) return fallback(asComplex(a), asComplex(b));
    return NotImplemented;
  });
  return [forward, reverse];
}

const frac = ([n, d]: [bigint, bigint]): Frac => new Frac(n, d);

const [__add__, __radd__] = fallbacks('add', (a, b) => fromFrac(frac(a).add(frac(b))), add);
const [__sub__, __rsub__] = fallbacks('sub', (a, b) => fromFrac(frac(a).sub(frac(b))), sub);
const [__mul__, __rmul__] = fallbacks('mul', (a, b) => fromFrac(frac(a).mul(frac(b))), mul);
const [__truediv__, __rtruediv__] = fallbacks('truediv', ([na, da], [nb, db]) => make(na * db, da * nb), truediv);
const [__floordiv__, __rfloordiv__] = fallbacks('floordiv', ([na, da], [nb, db]) => intFromBigInt(floorDivChecked(na * db, da * nb)), floordiv);
const [__divmod__, __rdivmod__] = fallbacks('divmod', ([na, da], [nb, db]) => {
  const x = na * db;
  const y = da * nb;
  const q = floorDivChecked(x, y);
  return PyTuple.of<unknown>(intFromBigInt(q), make(x - q * y, da * db));
}, divmod);
const [__mod__, __rmod__] = fallbacks('mod', ([na, da], [nb, db]) => {
  if (nb === 0n) throw new ZeroDivisionError('integer modulo by zero');
  return make(fmod(na * db, nb * da), da * db);
}, mod);

function floorDivChecked(x: bigint, y: bigint): bigint {
  if (y === 0n) throw new ZeroDivisionError('integer division or modulo by zero');
  return fdiv(x, y);
}

function pyPow(a: bigint, p: bigint): bigint {
  return a ** p;
}

function richcmp(op: (x: unknown, y: unknown) => unknown, name: string): unknown {
  return pyFunction('a, b', `Fraction.__${name}__`, Q, (a: Fr, b: unknown) => {
    if (isinstance(b, Rational)) {
      const [nb, db] = ratio(b);
      return op(intFromBigInt(a.$n * db), intFromBigInt(a.$d * nb));
    }
    if (isFloat(b)) {
      const x = b instanceof PyFloat ? b.value : b;
      if (!Number.isFinite(x)) return op(pyFloat(0), b);
      return op(a, fromFloat(Fraction, b));
    }
    return NotImplemented;
  });
}

function fromFloat(cls: unknown, f: unknown): unknown {
  const [n, d] = [...iterate(callMethod(f, 'as_integer_ratio'))];
  return call(cls, [n, d], null);
}

/** `round(self)`: the nearest int, half to even. */
function roundHalfEven(n: bigint, d: bigint): bigint {
  const floor = fdiv(n, d);
  const r2 = (n - floor * d) * 2n;
  if (r2 < d) return floor;
  if (r2 > d) return floor + 1n;
  return floor % 2n === 0n ? floor : floor + 1n;
}

function construct(cls: unknown, numerator: unknown = 0, denominator: unknown = null): Fr {
  let n: bigint;
  let d: bigint;
  if (denominator === null || denominator === undefined) {
    if (typeof numerator === 'number' && isIntNumber(numerator) || typeof numerator === 'bigint') {
      return make(big(numerator), 1n, cls, false);
    }
    if (isinstance(numerator, Rational)) {
      [n, d] = ratio(numerator);
      return make(n, d, cls, false);
    }
    if (isFloat(numerator) || isDecimal(numerator)) {
      const [a, b] = [...iterate(callMethod(numerator, 'as_integer_ratio'))];
      return make(big(a), big(b), cls, false);
    }
    if (typeof numerator === 'string') {
      const m = RATIONAL_FORMAT.exec(numerator);
      if (m === null) throw new ValueError(`Invalid literal for Fraction: ${repr(numerator)}`);
      const [, sign, num, denom, decimal, exp] = m;
      n = num ? parseInt(num) : 0n;
      if (denom) {
        d = parseInt(denom);
      } else {
        d = 1n;
        if (decimal) {
          const digits = decimal.replaceAll('_', '');
          const scale = 10n ** BigInt(digits.length);
          n = n * scale + parseInt(digits);
          d *= scale;
        }
        if (exp) {
          const e = parseInt(exp);
          if (e >= 0n) n *= 10n ** e;
          else d *= 10n ** -e;
        }
      }
      if (sign === '-') n = -n;
    } else {
      throw new TypeError('argument should be a string or a Rational instance');
    }
  } else if (isPyInt(numerator) && typeof numerator !== 'boolean' && isPyInt(denominator) && typeof denominator !== 'boolean') {
    n = big(numerator);
    d = big(denominator);
  } else if (isinstance(numerator, Rational) && isinstance(denominator, Rational)) {
    const [na, da] = ratio(numerator);
    const [nb, db] = ratio(denominator);
    n = na * db;
    d = nb * da;
  } else {
    throw new TypeError('both arguments should be Rational instances');
  }
  return make(n, d, cls);
}

function hashOf(a: Fr): unknown {
  const dinv = modPow(a.$d, MODULUS - 2n, MODULUS);
  let h: bigint;
  if (a.$d % MODULUS === 0n) h = HASH_INF;
  else h = (((a.$n < 0n ? -a.$n : a.$n) % MODULUS) * dinv) % MODULUS;
  const result = a.$n >= 0n ? h : -h;
  return intFromBigInt(result === -1n ? -2n : result);
}

function clsName(v: unknown): string {
  return String(getattr(type(v), '__name__'));
}

function limitDenominator(a: Fr, maxDenominator: unknown = 1000000): unknown {
  if (truthyLt(maxDenominator, 1)) throw new ValueError('max_denominator should be at least 1');
  const max = big(maxDenominator);
  if (a.$d <= max) return make(a.$n, a.$d, Fraction, false);
  let [p0, q0, p1, q1] = [0n, 1n, 1n, 0n];
  let [n, d] = [a.$n, a.$d];
  for (;;) {
    const x = fdiv(n, d);
    const q2 = q0 + x * q1;
    if (q2 > max) break;
    [p0, q0, p1, q1] = [p1, q1, p0 + x * p1, q2];
    [n, d] = [d, n - x * d];
  }
  const k = fdiv(max - q0, q1);
  const bound1 = make(p0 + k * p1, q0 + k * q1);
  const bound2 = make(p1, q1);
  const dist = (b: Fr): Frac => {
    const f = new Frac(b.$n, b.$d).sub(new Frac(a.$n, a.$d));
    return f.n < 0n ? new Frac(-f.n, f.d) : f;
  };
  const d2 = dist(bound2);
  const d1 = dist(bound1);
  return d2.n * d1.d <= d1.n * d2.d ? bound2 : bound1;
}

function truthyLt(a: unknown, b: unknown): boolean {
  return lt(a, b) === true;
}

const fractionHash = pyFunction('self', 'Fraction.__hash__', Q, hashOf);

const fractionEq = pyFunction('a, b', 'Fraction.__eq__', Q, (a: Fr, b: unknown): unknown => {
  if (isPyInt(b) && typeof b !== 'boolean') return a.$d === 1n && a.$n === big(b);
  if (isinstance(b, Rational)) {
    const [nb, db] = ratio(b);
    return a.$n === nb && a.$d === db;
  }
  if (isinstance(b, Complex) && eq(getattr(b, 'imag'), 0) === true) b = getattr(b, 'real');
  if (isFloat(b)) {
    const x = b instanceof PyFloat ? b.value : b;
    if (!Number.isFinite(x)) return false;
    return eq(a, fromFloat(Fraction, b));
  }
  return NotImplemented;
});

export const Fraction = defineClass(Q, 'Fraction', [Rational], {
  __slots__: [],
  __new__: new PyStaticMethod(pyFunction('cls, numerator=, denominator=', 'Fraction.__new__', Q,
    (cls: unknown, numerator: unknown = 0, denominator: unknown = null) => construct(cls, numerator, denominator))),
  from_float: new PyClassMethod(pyFunction('cls, f', 'Fraction.from_float', Q, (cls: unknown, f: unknown) => {
    if (isinstance(f, Integral)) return call(cls, [f], null);
    if (!isFloat(f)) throw new TypeError(`${String(getattr(cls, '__name__'))}.from_float() only takes floats, not ${repr(f)} (${typeName(f)})`);
    return fromFloat(cls, f);
  })),
  from_decimal: new PyClassMethod(pyFunction('cls, dec', 'Fraction.from_decimal', Q, (cls: unknown, dec: unknown) => {
    if (isinstance(dec, Integral)) return call(cls, [call(int, [dec], null)], null);
    if (isDecimal(dec)) return call(cls, [...iterate(callMethod(dec, 'as_integer_ratio'))], null);
    throw new TypeError(`${String(getattr(cls, '__name__'))}.from_decimal() only takes Decimals, not ${repr(dec)} (${typeName(dec)})`);
  })),
  as_integer_ratio: pyFunction('self', 'Fraction.as_integer_ratio', Q, (a: Fr) => PyTuple.of<unknown>(intFromBigInt(a.$n), intFromBigInt(a.$d))),
  limit_denominator: pyFunction('self, max_denominator=', 'Fraction.limit_denominator', Q, limitDenominator),
  numerator: new PyProperty(pyFunction('a', 'Fraction.numerator', Q, (a: Fr) => intFromBigInt(a.$n))),
  denominator: new PyProperty(pyFunction('a', 'Fraction.denominator', Q, (a: Fr) => intFromBigInt(a.$d))),
  _numerator: new PyProperty(pyFunction('a', 'Fraction._numerator', Q, (a: Fr) => intFromBigInt(a.$n))),
  _denominator: new PyProperty(pyFunction('a', 'Fraction._denominator', Q, (a: Fr) => intFromBigInt(a.$d))),
  __repr__: pyFunction('self', 'Fraction.__repr__', Q, (a: Fr) => `${clsName(a)}(${a.$n}, ${a.$d})`),
  __str__: pyFunction('self', 'Fraction.__str__', Q, (a: Fr) => (a.$d === 1n ? `${a.$n}` : `${a.$n}/${a.$d}`)),
  __add__, __radd__, __sub__, __rsub__, __mul__, __rmul__, __truediv__, __rtruediv__,
  __floordiv__, __rfloordiv__, __divmod__, __rdivmod__, __mod__, __rmod__,
  __pow__: pyFunction('a, b', 'Fraction.__pow__', Q, (a: Fr, b: unknown) => {
    if (isinstance(b, Rational)) {
      const [nb, db] = ratio(b);
      if (db === 1n) {
        if (nb >= 0n) return make(pyPow(a.$n, nb), pyPow(a.$d, nb), Fraction, false);
        if (a.$n >= 0n) return make(pyPow(a.$d, -nb), pyPow(a.$n, -nb), Fraction, false);
        return make(pyPow(-a.$d, -nb), pyPow(-a.$n, -nb), Fraction, false);
      }
      return power(pyFloat(toFloat(a)), call(floatBuiltin, [b], null));
    }
    return power(pyFloat(toFloat(a)), b);
  }),
  __rpow__: pyFunction('b, a', 'Fraction.__rpow__', Q, (b: Fr, a: unknown) => {
    if (b.$d === 1n && b.$n >= 0n) return power(a, intFromBigInt(b.$n));
    if (isinstance(a, Rational)) {
      const [n, d] = ratio(a);
      return power(make(n, d), b);
    }
    if (b.$d === 1n) return power(a, intFromBigInt(b.$n));
    return power(a, pyFloat(toFloat(b)));
  }),
  __pos__: pyFunction('a', 'Fraction.__pos__', Q, (a: Fr) => make(a.$n, a.$d, Fraction, false)),
  __neg__: pyFunction('a', 'Fraction.__neg__', Q, (a: Fr) => make(-a.$n, a.$d, Fraction, false)),
  __abs__: pyFunction('a', 'Fraction.__abs__', Q, (a: Fr) => make(a.$n < 0n ? -a.$n : a.$n, a.$d, Fraction, false)),
  __int__: pyFunction('a', 'Fraction.__int__', Q, (a: Fr) => intFromBigInt(a.$n < 0n ? -fdiv(-a.$n, a.$d) : fdiv(a.$n, a.$d))),
  __trunc__: pyFunction('a', 'Fraction.__trunc__', Q, (a: Fr) => intFromBigInt(a.$n < 0n ? -fdiv(-a.$n, a.$d) : fdiv(a.$n, a.$d))),
  __floor__: pyFunction('a', 'Fraction.__floor__', Q, (a: Fr) => intFromBigInt(fdiv(a.$n, a.$d))),
  __ceil__: pyFunction('a', 'Fraction.__ceil__', Q, (a: Fr) => intFromBigInt(-fdiv(-a.$n, a.$d))),
  __float__: pyFunction('self', 'Fraction.__float__', Q, (a: Fr) => pyFloat(toFloat(a))),
  __round__: pyFunction('self, ndigits=', 'Fraction.__round__', Q, (a: Fr, ndigits: unknown = null) => {
    if (ndigits === null || ndigits === undefined) return intFromBigInt(roundHalfEven(a.$n, a.$d));
    const nd = big(call(int, [ndigits], null));
    const shift = 10n ** (nd < 0n ? -nd : nd);
    if (nd > 0n) return make(roundHalfEven(a.$n * shift, a.$d), shift);
    return make(roundHalfEven(a.$n, a.$d * shift) * shift, 1n);
  }),
  __hash__: fractionHash,
  __eq__: fractionEq,
  __lt__: richcmp(lt, 'lt'),
  __gt__: richcmp(gt, 'gt'),
  __le__: richcmp(le, 'le'),
  __ge__: richcmp(ge, 'ge'),
  __bool__: pyFunction('a', 'Fraction.__bool__', Q, (a: Fr) => a.$n !== 0n),
  __reduce__: pyFunction('self', 'Fraction.__reduce__', Q, (a: Fr) =>
    PyTuple.of<unknown>(type(a), PyTuple.of<unknown>(intFromBigInt(a.$n), intFromBigInt(a.$d)))),
  __copy__: pyFunction('self', 'Fraction.__copy__', Q, (a: Fr) => (type(a) === Fraction ? a : call(type(a), [intFromBigInt(a.$n), intFromBigInt(a.$d)], null))),
  __deepcopy__: pyFunction('self, memo', 'Fraction.__deepcopy__', Q, (a: Fr) => (type(a) === Fraction ? a : call(type(a), [intFromBigInt(a.$n), intFromBigInt(a.$d)], null))),
});


/**
 * The int or float a Fraction equals (denominator 1, or a power of 2 with a
 * numerator that fits a float's mantissa), for dict keys: `d[0.5]` finds
 * `Fraction(1, 2)`. Not for a subclass that compares or hashes otherwise.
 */
function numberKey(this: Fr): number | bigint | undefined {
  const cls = type(this);
  if (cls !== Fraction && (getClassAttr(cls as PyClass, '__eq__') !== fractionEq || getClassAttr(cls as PyClass, '__hash__') !== fractionHash)) return undefined;
  const { $n: n, $d: d } = this;
  if (d === 1n) return intFromBigInt(n);
  if ((d & (d - 1n)) !== 0n) return undefined;
  const k = bitLength(d) - 1;
  if (k > 1074 || n >= 1n << 53n || n <= -(1n << 53n)) return undefined;
  return Number(n) * pow2(-k);
}

Object.defineProperty((Fraction as unknown as { prototype: object }).prototype, NUMBER_KEY, { value: numberKey });

/** For statistics, whose results are Fractions for Fraction data (`$`: not attributes of the Python module). */
export { isFraction as $isFraction };
export function $makeFraction(n: bigint, d: bigint): unknown {
  return make(n, d, Fraction, false);
}
