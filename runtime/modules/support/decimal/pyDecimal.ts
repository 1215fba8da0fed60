/**
 * The Decimal class: construction from str, int, float, tuple and Decimal,
 * text, hashing and conversions, the numeric special methods with
 * CPython's coercions (ints on either side, floats only in comparisons),
 * and the named methods, each taking an optional context.
 */
import { PyClassMethod, PyProperty, PyStaticMethod, getClassAttr, object } from '../../../builtins/classes.js';
import { HASH_MODULUS } from '../../../builtins/numbers/hash.js';
import { modPow } from '../../../builtins/numbers/pow.js';
import { NUMBER_KEY } from '../../../builtins/dict.js';
import { OverflowError, TypeError, ValueError } from '../../../builtins/exceptions.js';
import { getattr } from '../../../builtins/attributes.js';
import { NotImplemented } from '../../../builtins/notImplemented.js';
import { isinstance, type } from '../../../builtins/types.js';
import { BASE_VALUE, PyComplex, PyFloat, PyIntBox, PyStrBox, PyTuple, TYPE_NAME, float as pyFloat, intFromBigInt, isFloat, isIntNumber, typeName, unbox } from '../../../builtins/values.js';
import { pyFunction } from '../pydef.js';
import { defineClass, newInstance } from '../stdlib/pyclass.js';
import { divmod as decDivmod, fma } from './arith.js';
import { cmpNumbers } from './compare.js';
import { quantize, toIntegral } from './exponent.js';
import { formatDecimal, FormatError } from './format.js';
import { createdNaN } from './nans.js';
import { binaryOps, unaryOps } from './operations.js';
import { isIntegral, powerMod } from './powers.js';
import { FloatOperation, type PyCtx, Q, contextArg, getcontext, run, signal } from './pyContext.js';
import { Rational } from '../../numbers.js';
import { finish } from './rounding.js';
import { CONVERSION_SYNTAX, FLOAT_OPERATION, INVALID_OPERATION, type Rounding, ROUNDINGS } from './signals.js';
import { fromNumber, parseDecimal, toText } from './text.js';
import { type Dec, FINITE, INF, QNAN, SNAN, adjusted, fin, inf, nan, pow10 } from './value.js';

export interface PyDec {
  $dec: Dec;
}

export function isDecimal(v: unknown): v is PyDec {
  return typeof v === 'object' && v !== null && (v as Partial<PyDec>).$dec !== undefined;
}

let DecimalClass: unknown;

export function wrap(d: Dec, cls: unknown = DecimalClass): PyDec {
  const o = newInstance(cls) as unknown as PyDec;
  o.$dec = d;
  return o;
}

function fromBigInt(v: bigint): Dec {
  return v < 0n ? fin(1, -v, 0) : fin(0, v, 0);
}

/** An int (bool and int subclasses included) as a Dec, else null. */
function intOperand(v: unknown): Dec | null {
  if (typeof v === 'boolean') return fin(0, v ? 1n : 0n, 0);
  if (typeof v === 'number' && isIntNumber(v)) return fromBigInt(BigInt(v));
  if (typeof v === 'bigint') return fromBigInt(v);
  if (v instanceof PyIntBox) return intOperand(v[BASE_VALUE]);
  return null;
}

/** The Dec of a Decimal or an int operand; null for anything else (NotImplemented). */
export function operand(v: unknown): Dec | null {
  if (isDecimal(v)) return v.$dec;
  return intOperand(v);
}

/** An operand of a named method or a Context method: Decimal or int, else TypeError. */
export function convertArg(v: unknown): Dec {
  const d = operand(v);
  if (d === null) throw new TypeError(`conversion from ${typeName(v)} to Decimal is not supported`);
  return d;
}

function floatValue(v: unknown): number {
  const u = unbox(v);
  return u instanceof PyFloat ? u.value : (u as number) + 0; // `+ 0`: 0.0 is -0 (values.ts)
}

function fromSequence(v: readonly unknown[]): Dec {
  if (v.length !== 3) throw new ValueError('argument must be a sequence of length 3');
  const [signV, digitsV, expV] = v;
  if (!(signV === 0 || signV === 1 || signV === false || signV === true)) throw new ValueError('sign must be an integer with the value 0 or 1');
  const sign: 0 | 1 = signV === 1 || signV === true ? 1 : 0;
  if (!Array.isArray(digitsV)) throw new ValueError('coefficient must be a tuple of digits');
  let text = '';
  for (const x of digitsV) {
    if (!(typeof x === 'number' && isIntNumber(x) && x >= 0 && x <= 9)) throw new ValueError('coefficient must be a tuple of digits');
    text += String(x);
  }
  const coef = BigInt(text || '0');
  if (typeof expV === 'string') {
    if (expV === 'F') return inf(sign);
    if (expV === 'n' || expV === 'N') return nan(sign, coef, expV === 'N' ? SNAN : QNAN);
    throw new ValueError("string argument in the third position must be 'F', 'n' or 'N'");
  }
  if (!(typeof expV === 'number' && isIntNumber(expV)) && typeof expV !== 'bigint') throw new ValueError('exponent must be an integer');
  return fin(sign, coef, Number(expV));
}

/** The exact value Decimal(value) holds, signalling as CPython does in `ctx`. */
export function convertValue(value: unknown, ctx: PyCtx): Dec {
  if (isDecimal(value)) return value.$dec;
  const i = intOperand(value);
  if (i !== null) return i;
  const u = value instanceof PyStrBox ? value[BASE_VALUE] : value;
  if (typeof u === 'string') {
    const d = parseDecimal(u);
    if (d !== null) return d;
    signal(ctx, CONVERSION_SYNTAX);
    return nan(0);
  }
  if (isFloat(unbox(value))) {
    signal(ctx, FLOAT_OPERATION);
    return fromNumber(floatValue(value));
  }
  if (Array.isArray(value)) return fromSequence(value);
  throw new TypeError(`conversion from ${typeName(value)} to Decimal is not supported`);
}

function text(d: Dec, ctx?: PyCtx): string {
  return toText(d, false, (ctx ?? getcontext()).$capitals === 1);
}

const MODULUS = HASH_MODULUS;
const INV10 = modPow(10n, MODULUS - 2n, MODULUS);

function hashOf(self: PyDec): unknown {
  const d = self.$dec;
  if (d.kind === SNAN) throw new TypeError('Cannot hash a signaling NaN value');
  if (d.kind === QNAN) return (getClassAttr(object, '__hash__') as (o: unknown) => unknown)(self);
  if (d.kind === INF) return d.sign ? -314159 : 314159;
  const scale = d.exp >= 0 ? modPow(10n, BigInt(d.exp), MODULUS) : modPow(INV10, BigInt(-d.exp), MODULUS);
  let h = (d.coef % MODULUS) * scale % MODULUS;
  if (d.sign) h = -h;
  return intFromBigInt(h === -1n ? -2n : h);
}

/** The integer value of a finite Decimal, rounded with `mode`. */
function integerOf(d: Dec, mode: Rounding): bigint {
  if (d.kind === QNAN || d.kind === SNAN) throw new ValueError('cannot convert NaN to integer');
  if (d.kind === INF) throw new OverflowError('cannot convert Infinity to integer');
  const c = { prec: 1, rounding: mode, emin: 0, emax: 0, clamp: 0, status: 0 };
  const r = toIntegral(d, c, mode);
  const v = r.exp >= 0 ? r.coef * pow10(r.exp) : r.coef;
  return r.sign ? -v : v;
}

function toInt(self: PyDec, mode: Rounding = 'ROUND_DOWN'): unknown {
  return intFromBigInt(integerOf(self.$dec, mode));
}

function toFloat(self: PyDec): unknown {
  const d = self.$dec;
  if (d.kind === SNAN) throw new ValueError('cannot convert signaling NaN to float');
  if (d.kind === QNAN) return d.sign ? -NaN : NaN;
  if (d.kind === INF) return d.sign ? -Infinity : Infinity;
  return pyFloat(Number(`${d.sign ? '-' : ''}${d.coef}e${d.exp}`));
}

type Cmp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';

function comparable(other: unknown, ctx: PyCtx, op: Cmp): Dec | null {
  const d = operand(other);
  if (d !== null) return d;
  const quiet = op === 'eq' || op === 'ne';
  let u = unbox(other);
  if (u instanceof PyComplex && quiet && u.imag === 0) u = u.real;
  if (isFloat(u)) {
    // Equality with a float only raises the flag; an ordering also consults the trap.
    if (quiet) ctx.flags.$set(FloatOperation, true);
    else signal(ctx, FLOAT_OPERATION);
    return fromNumber(u instanceof PyFloat ? u.value : (u as number) + 0); // `+ 0`: 0.0 is -0 (values.ts)
  }
  return null;
}

function richCompare(op: Cmp): unknown {
  return pyFunction('self, other', `Decimal.__${op}__`, Q, (self: PyDec, other: unknown): unknown => {
    const ctx = getcontext();
    const a = self.$dec;
    let b = comparable(other, ctx, op);
    let r: number;
    if (b === null) {
      if (!isinstance(other, Rational)) return NotImplemented;
      const n = BigInt(getattr(other, 'numerator') as number | bigint);
      const den = BigInt(getattr(other, 'denominator') as number | bigint);
      if (a.kind !== FINITE) b = fromBigInt(n);
      else {
        if (!nanCheck(a, a, ctx, op)) return op === 'ne';
        r = cmpNumbers(fin(a.sign, a.coef * den, a.exp), fromBigInt(n));
        return outcome(op, r);
      }
    }
    if (!nanCheck(a, b, ctx, op)) return op === 'ne';
    return outcome(op, cmpNumbers(a, b));
  });
}

/** false for a comparison with a NaN (signalling as CPython does); true when the values compare. */
function nanCheck(a: Dec, b: Dec, ctx: PyCtx, op: Cmp): boolean {
  const nanA = a.kind === QNAN || a.kind === SNAN;
  const nanB = b.kind === QNAN || b.kind === SNAN;
  if (!nanA && !nanB) return true;
  if (op !== 'eq' && op !== 'ne') signal(ctx, INVALID_OPERATION);
  else if (a.kind === SNAN || b.kind === SNAN) signal(ctx, INVALID_OPERATION);
  return false;
}

function outcome(op: Cmp, r: number): boolean {
  switch (op) {
    case 'eq': return r === 0;
    case 'ne': return r !== 0;
    case 'lt': return r < 0;
    case 'le': return r <= 0;
    case 'gt': return r > 0;
    case 'ge': return r >= 0;
  }
}

function binaryDunder(name: string, op: (a: Dec, b: Dec, c: PyCtx) => unknown): [unknown, unknown] {
  const forward = pyFunction('self, other', `Decimal.__${name}__`, Q, (self: PyDec, other: unknown) => {
    const b = operand(other);
    return b === null ? NotImplemented : op(self.$dec, b, getcontext());
  });
  const reverse = pyFunction('self, other', `Decimal.__r${name}__`, Q, (self: PyDec, other: unknown) => {
    const a = operand(other);
    return a === null ? NotImplemented : op(a, self.$dec, getcontext());
  });
  return [forward, reverse];
}

const viaOp = (name: string) => (a: Dec, b: Dec, ctx: PyCtx): PyDec => wrap(run(ctx, (c) => binaryOps[name]!(a, b, c)));

export function asTuple(d: Dec): unknown {
  const digits = d.kind === INF ? [0] : [...d.coef.toString()].map(Number);
  const exponent = d.kind === INF ? 'F' : d.kind === QNAN ? 'n' : d.kind === SNAN ? 'N' : intFromBigInt(BigInt(d.exp));
  const cls = decimalTupleHolder.cls;
  return (cls as (...a: unknown[]) => unknown)(d.sign, PyTuple.fromArray(d.kind !== FINITE && d.coef === 0n && d.kind !== INF ? [] : digits), exponent);
}

/** decimal.DecimalTuple, a namedtuple the module makes (the collections machinery lives there). */
export const decimalTupleHolder: { cls: unknown } = { cls: null };

export function numberClass(d: Dec, ctx: PyCtx): string {
  if (d.kind === SNAN) return 'sNaN';
  if (d.kind === QNAN) return 'NaN';
  const s = d.sign ? '-' : '+';
  if (d.kind === INF) return `${s}Infinity`;
  if (d.coef === 0n) return `${s}Zero`;
  return adjusted(d) < ctx.$c.emin ? `${s}Subnormal` : `${s}Normal`;
}

function roundingArg(v: unknown, ctx: PyCtx): Rounding {
  if (v === undefined || v === null) return ctx.$c.rounding;
  if (typeof v !== 'string' || !(ROUNDINGS as readonly string[]).includes(v)) {
    throw new TypeError('valid values for rounding are:\n  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n   ROUND_05UP]');
  }
  return v as Rounding;
}

const [__add__, __radd__] = binaryDunder('add', viaOp('add'));
const [__sub__, __rsub__] = binaryDunder('sub', viaOp('subtract'));
const [__mul__, __rmul__] = binaryDunder('mul', viaOp('multiply'));
const [__truediv__, __rtruediv__] = binaryDunder('truediv', viaOp('divide'));
const [__floordiv__, __rfloordiv__] = binaryDunder('floordiv', viaOp('divide_int'));
const [__mod__, __rmod__] = binaryDunder('mod', viaOp('remainder'));
const [__divmod__, __rdivmod__] = binaryDunder('divmod', (a, b, ctx) => {
  const [q, r] = run(ctx, (c) => decDivmod(a, b, c));
  return PyTuple.of<unknown>(wrap(q), wrap(r));
});
// __pow__ itself takes the optional modulo (below).
const __rpow__ = binaryDunder('pow', viaOp('power'))[1];

/** pow(a, b, modulo) for Decimals and ints. */
export function powerModulo(a: Dec, b: Dec, m: Dec, ctx: PyCtx): PyDec {
  return wrap(run(ctx, (c) => powerMod(a, b, m, c)));
}

const members: Record<string, unknown> = {
  __slots__: [],
  __new__: new PyStaticMethod(pyFunction('cls, value=, context=', 'Decimal.__new__', Q, (cls: unknown, value: unknown = '0', context: unknown = null) =>
    wrap(convertValue(value, contextArg(context)), cls))),
  from_float: new PyClassMethod(pyFunction('cls, f', 'Decimal.from_float', Q, (cls: unknown, f: unknown) => fromFloatArg(f, cls))),
  __repr__: pyFunction('self', 'Decimal.__repr__', Q, (self: PyDec) => `Decimal('${text(self.$dec)}')`),
  __str__: pyFunction('self, context=', 'Decimal.__str__', Q, (self: PyDec, context: unknown = null) => text(self.$dec, contextArg(context))),
  to_eng_string: pyFunction('self, context=', 'Decimal.to_eng_string', Q, (self: PyDec, context: unknown = null) =>
    toText(self.$dec, true, contextArg(context).$capitals === 1)),
  __format__: pyFunction('self, specifier, /', 'Decimal.__format__', Q, (self: PyDec, spec: unknown) => {
    if (typeof spec !== 'string') throw new TypeError(`format() argument 2 must be str, not ${typeName(spec)}`);
    const ctx = getcontext();
    try {
      return formatDecimal(self.$dec, spec, ctx.$c.rounding, ctx.$capitals === 1);
    } catch (e) {
      if (e instanceof FormatError) throw new ValueError(e.message);
      throw e;
    }
  }),
  __hash__: pyFunction('self', 'Decimal.__hash__', Q, hashOf),
  __bool__: pyFunction('self', 'Decimal.__bool__', Q, (self: PyDec) => !(self.$dec.kind === FINITE && self.$dec.coef === 0n)),
  __int__: pyFunction('self', 'Decimal.__int__', Q, (self: PyDec) => toInt(self)),
  __trunc__: pyFunction('self', 'Decimal.__trunc__', Q, (self: PyDec) => toInt(self)),
  __floor__: pyFunction('self', 'Decimal.__floor__', Q, (self: PyDec) => toInt(self, 'ROUND_FLOOR')),
  __ceil__: pyFunction('self', 'Decimal.__ceil__', Q, (self: PyDec) => toInt(self, 'ROUND_CEILING')),
  __float__: pyFunction('self', 'Decimal.__float__', Q, toFloat),
  __complex__: pyFunction('self', 'Decimal.__complex__', Q, (self: PyDec) => new PyComplex(Number(floatValue(toFloat(self))), 0)),
  __round__: pyFunction('self, ndigits=', 'Decimal.__round__', Q, (self: PyDec, ndigits: unknown = null) => {
    if (ndigits === null || ndigits === undefined) return intFromBigInt(integerOf(self.$dec, 'ROUND_HALF_EVEN'));
    const n = intOperand(ndigits);
    if (n === null || typeof ndigits === 'boolean') throw new TypeError('optional arg must be an integer');
    const ctx = getcontext();
    const e = -Number(n.sign ? -n.coef : n.coef);
    return wrap(run(ctx, (c) => quantize(self.$dec, fin(0, 1n, e), c)));
  }),
  __eq__: richCompare('eq'),
  __ne__: richCompare('ne'),
  __lt__: richCompare('lt'),
  __le__: richCompare('le'),
  __gt__: richCompare('gt'),
  __ge__: richCompare('ge'),
  __add__, __radd__, __sub__, __rsub__, __mul__, __rmul__, __truediv__, __rtruediv__,
  __floordiv__, __rfloordiv__, __mod__, __rmod__, __divmod__, __rdivmod__, __rpow__,
  __pow__: pyFunction('self, other, modulo=', 'Decimal.__pow__', Q, (self: PyDec, other: unknown, modulo: unknown = null) => {
    const b = operand(other);
    if (b === null) return NotImplemented;
    const ctx = getcontext();
    if (modulo === null || modulo === undefined) return wrap(run(ctx, (c) => binaryOps['power']!(self.$dec, b, c)));
    const m = operand(modulo);
    return m === null ? NotImplemented : powerModulo(self.$dec, b, m, ctx);
  }),
  __neg__: pyFunction('self', 'Decimal.__neg__', Q, (self: PyDec) => wrap(run(getcontext(), (c) => unaryOps['minus']!(self.$dec, c)))),
  __pos__: pyFunction('self', 'Decimal.__pos__', Q, (self: PyDec) => wrap(run(getcontext(), (c) => unaryOps['plus']!(self.$dec, c)))),
  __abs__: pyFunction('self', 'Decimal.__abs__', Q, (self: PyDec) => wrap(run(getcontext(), (c) => unaryOps['abs']!(self.$dec, c)))),
  __reduce__: pyFunction('self', 'Decimal.__reduce__', Q, (self: PyDec) => PyTuple.of<unknown>(type(self), PyTuple.of<unknown>(text(self.$dec)))),
  __copy__: pyFunction('self', 'Decimal.__copy__', Q, (self: PyDec) => self),
  __deepcopy__: pyFunction('self, memo', 'Decimal.__deepcopy__', Q, (self: PyDec) => self),
  as_tuple: pyFunction('self', 'Decimal.as_tuple', Q, (self: PyDec) => asTuple(self.$dec)),
  as_integer_ratio: pyFunction('self', 'Decimal.as_integer_ratio', Q, (self: PyDec) => {
    const d = self.$dec;
    if (d.kind === QNAN || d.kind === SNAN) throw new ValueError('cannot convert NaN to integer ratio');
    if (d.kind === INF) throw new OverflowError('cannot convert Infinity to integer ratio');
    let n = d.coef;
    let den = 1n;
    if (d.exp >= 0) n *= pow10(d.exp);
    else {
      den = pow10(-d.exp);
      const g = gcd(n, den);
      n /= g;
      den /= g;
    }
    return PyTuple.of<unknown>(intFromBigInt(d.sign ? -n : n), intFromBigInt(den));
  }),
  adjusted: pyFunction('self', 'Decimal.adjusted', Q, (self: PyDec) => (self.$dec.kind === FINITE ? adjusted(self.$dec) : 0)),
  canonical: pyFunction('self', 'Decimal.canonical', Q, (self: PyDec) => self),
  conjugate: pyFunction('self', 'Decimal.conjugate', Q, (self: PyDec) => self),
  radix: pyFunction('self', 'Decimal.radix', Q, () => wrap(fin(0, 10n, 0))),
  copy_abs: pyFunction('self', 'Decimal.copy_abs', Q, (self: PyDec) => wrap({ ...self.$dec, sign: 0 })),
  copy_negate: pyFunction('self', 'Decimal.copy_negate', Q, (self: PyDec) => wrap({ ...self.$dec, sign: self.$dec.sign ? 0 : 1 })),
  copy_sign: pyFunction('self, other, context=', 'Decimal.copy_sign', Q, (self: PyDec, other: unknown) =>
    wrap({ ...self.$dec, sign: convertArg(other).sign })),
  same_quantum: pyFunction('self, other, context=', 'Decimal.same_quantum', Q, (self: PyDec, other: unknown) => sameQuantum(self.$dec, convertArg(other))),
  is_canonical: pyFunction('self', 'Decimal.is_canonical', Q, () => true),
  is_finite: pyFunction('self', 'Decimal.is_finite', Q, (self: PyDec) => self.$dec.kind === FINITE),
  is_infinite: pyFunction('self', 'Decimal.is_infinite', Q, (self: PyDec) => self.$dec.kind === INF),
  is_nan: pyFunction('self', 'Decimal.is_nan', Q, (self: PyDec) => self.$dec.kind === QNAN || self.$dec.kind === SNAN),
  is_qnan: pyFunction('self', 'Decimal.is_qnan', Q, (self: PyDec) => self.$dec.kind === QNAN),
  is_snan: pyFunction('self', 'Decimal.is_snan', Q, (self: PyDec) => self.$dec.kind === SNAN),
  is_signed: pyFunction('self', 'Decimal.is_signed', Q, (self: PyDec) => self.$dec.sign === 1),
  is_zero: pyFunction('self', 'Decimal.is_zero', Q, (self: PyDec) => self.$dec.kind === FINITE && self.$dec.coef === 0n),
  is_normal: pyFunction('self, context=', 'Decimal.is_normal', Q, (self: PyDec, context: unknown = null) =>
    /[+-]Normal/.test(numberClass(self.$dec, contextArg(context)))),
  is_subnormal: pyFunction('self, context=', 'Decimal.is_subnormal', Q, (self: PyDec, context: unknown = null) =>
    numberClass(self.$dec, contextArg(context)).endsWith('Subnormal')),
  number_class: pyFunction('self, context=', 'Decimal.number_class', Q, (self: PyDec, context: unknown = null) => numberClass(self.$dec, contextArg(context))),
  quantize: pyFunction('self, exp, rounding=, context=', 'Decimal.quantize', Q, (self: PyDec, exp: unknown, rounding: unknown = null, context: unknown = null) => {
    const ctx = contextArg(context);
    const mode = roundingArg(rounding, ctx);
    const b = convertArg(exp);
    return wrap(run(ctx, (c) => quantize(self.$dec, b, c, mode)));
  }),
  fma: pyFunction('self, other, third, context=', 'Decimal.fma', Q, (self: PyDec, other: unknown, third: unknown, context: unknown = null) => {
    const b = convertArg(other);
    const d = convertArg(third);
    return wrap(run(contextArg(context), (c) => fma(self.$dec, b, d, c)));
  }),
};

for (const name of ['to_integral', 'to_integral_value', 'to_integral_exact'] as const) {
  members[name] = pyFunction('self, rounding=, context=', `Decimal.${name}`, Q, (self: PyDec, rounding: unknown = null, context: unknown = null) => {
    const ctx = contextArg(context);
    const mode = roundingArg(rounding, ctx);
    return wrap(run(ctx, (c) => toIntegral(self.$dec, c, mode, name === 'to_integral_exact')));
  });
}
for (const name of ['sqrt', 'exp', 'ln', 'log10', 'normalize', 'logb', 'next_plus', 'next_minus']) {
  members[name] = pyFunction('self, context=', `Decimal.${name}`, Q, (self: PyDec, context: unknown = null) =>
    wrap(run(contextArg(context), (c) => unaryOps[name]!(self.$dec, c))));
}
for (const name of ['compare', 'compare_signal', 'compare_total', 'compare_total_mag', 'max', 'max_mag', 'min', 'min_mag', 'scaleb', 'remainder_near', 'next_toward']) {
  members[name] = pyFunction('self, other, context=', `Decimal.${name}`, Q, (self: PyDec, other: unknown, context: unknown = null) => {
    const b = convertArg(other);
    return wrap(run(contextArg(context), (c) => binaryOps[name]!(self.$dec, b, c)));
  });
}
members['real'] = new PyProperty(pyFunction('self', 'Decimal.real', Q, (self: PyDec) => self));
members['imag'] = new PyProperty(pyFunction('self', 'Decimal.imag', Q, () => wrap(fin(0, 0n, 0))));

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function sameQuantum(a: Dec, b: Dec): boolean {
  if (a.kind === FINITE && b.kind === FINITE) return a.exp === b.exp;
  const nanA = a.kind === QNAN || a.kind === SNAN;
  const nanB = b.kind === QNAN || b.kind === SNAN;
  if (nanA || nanB) return nanA && nanB;
  return a.kind === INF && b.kind === INF;
}

export function fromFloatArg(f: unknown, cls: unknown): PyDec {
  const i = intOperand(f);
  if (i !== null) return wrap(i, cls);
  if (!isFloat(unbox(f))) throw new TypeError('argument must be int or float');
  return wrap(fromNumber(floatValue(f)), cls);
}

export const Decimal = defineClass(Q, 'Decimal', [], members);
Object.defineProperty(Decimal, TYPE_NAME, { value: 'decimal.Decimal' });
DecimalClass = Decimal;

/** The int or float a Decimal equals, for dict keys (`d[1]` finds `Decimal(1)`). */
function numberKey(this: PyDec): number | bigint | undefined {
  if (type(this) !== Decimal) return undefined;
  const d = this.$dec;
  if (d.kind !== FINITE) return undefined;
  if (isIntegral(d)) {
    if (d.exp > 400) return undefined;
    const v = d.exp >= 0 ? d.coef * pow10(d.exp) : d.coef / pow10(-d.exp);
    return intFromBigInt(d.sign ? -v : v);
  }
  const x = Number(`${d.sign ? '-' : ''}${d.coef}e${d.exp}`);
  const back = fromNumber(x);
  return cmpNumbers(back, d) === 0 ? x : undefined;
}
Object.defineProperty((Decimal as unknown as { prototype: object }).prototype, NUMBER_KEY, { value: numberKey });

/** Context.create_decimal: the value rounded to the context. */
export function createDecimal(value: unknown, ctx: PyCtx): PyDec {
  const d = convertValue(value, ctx);
  return wrap(run(ctx, (c) => (d.kind === FINITE ? finish(d.sign, d.coef, d.exp, c) : d.kind === INF ? d : createdNaN(d, c))));
}

