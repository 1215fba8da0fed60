/**
 * The methods and data attributes of int (and bool), float and complex, as
 * `self`-first functions the attribute layer binds: `(255).to_bytes(2,
 * 'big')` is `INT_METHODS.to_bytes(255, 2, 'big')`, `(7).real` is
 * `INT_ATTRIBUTES.real(7)`. The alternate constructors (`int.from_bytes`,
 * `float.fromhex`) live on the types, as INT_CLASS_METHODS/FLOAT_CLASS_METHODS.
 */
import { PyBytes, PyComplex, PyFloat, PyTuple, isIntNumber, typeName } from '../values.js';
import { OverflowError, TypeError, ValueError } from '../exceptions.js';
import { NotImplemented } from '../notImplemented.js';
import { iterate } from '../iteration.js';
import { bufferBytes } from '../buffer.js';
import { K_NONE, K_FLOAT, kindOf, intOf, bitLength, decompose, frMant, frExp, ldexp, boxFloat, type PyInt } from './core.js';
import { intFromBigInt } from '../values.js';
import { add, sub, mul, truediv, floordiv, mod, divmod, neg, pos, abs } from './arith.js';
import { pow } from './pow.js';
import { and_, or_, xor, invert, lshift, rshift } from './bits.js';
import { eq, ne, lt, le, gt, ge } from './compare.js';
import { hashNumber } from './hash.js';
import { complexBinary } from './complex.js';
import { eq as valueEq, hash as hashValue } from '../equality.js';
import { pyIndex } from './index.js';
import { round } from './round.js';
import { floatToInt, float as toFloat } from './convert.js';
import { formatNumber } from './format.js';
import type { PyCallable } from '../calls.js';
import { reprNumber, reprComplex } from './repr.js';
import { argTypeName, badArgument, type ClinicSignature, noArgs, oneArg, unpackKeywords } from '../arity.js';
import { intSize } from '../sizes.js';

type Method = (self: never, ...args: never[]) => unknown;
type Num = number | bigint | boolean | PyFloat;

function intValue(self: unknown): PyInt {
  return intOf(self);
}

function floatValue(self: unknown): number {
  return typeof self === 'number' ? self + 0 : (self as PyFloat).value; // `+ 0`: 0.0 is -0 (values.ts)
}

/**
 * The special methods ints and floats share, for `accepts` (the other
 * operand's kinds the type handles: int's only ints and bools, float's any
 * number); other operands get NotImplemented, as CPython's slots return.
 */
function arithmetic(accepts: (v: unknown) => boolean): Record<string, Method> {
  const binary = (f: (a: unknown, b: unknown) => unknown) => (a: unknown, b: unknown) => (accepts(b) ? f(a, b) : NotImplemented);
  const reflected = (f: (a: unknown, b: unknown) => unknown) => (a: unknown, b: unknown) => (accepts(b) ? f(b, a) : NotImplemented);
  return {
    __add__: binary(add), __radd__: reflected(add), __sub__: binary(sub), __rsub__: reflected(sub),
    __mul__: binary(mul), __rmul__: reflected(mul), __truediv__: binary(truediv), __rtruediv__: reflected(truediv),
    __floordiv__: binary(floordiv), __rfloordiv__: reflected(floordiv), __mod__: binary(mod), __rmod__: reflected(mod),
    __divmod__: binary(divmod), __rdivmod__: reflected(divmod), __pow__: binary(pow), __rpow__: reflected(pow),
    __eq__: binary(eq), __ne__: binary(ne), __lt__: binary(lt), __le__: binary(le), __gt__: binary(gt), __ge__: binary(ge),
    __neg__: neg, __pos__: pos, __abs__: abs,
    __bool__: (a: Num) => (typeof a === 'number' ? a !== 0 : typeof a === 'bigint' ? a !== 0n : typeof a === 'boolean' ? a : a.value !== 0),
    __hash__: (a: Num) => hashNumber(a),
    __repr__: (a: Num) => reprNumber(a),
    __str__: (a: Num) => reprNumber(a),
    __format__: (a: Num, spec: unknown) => {
      if (typeof spec !== 'string') throw new TypeError(`__format__() argument must be str, not ${argTypeName(spec)}`);
      return formatNumber(a, spec);
    },
    __round__: (a: unknown, n?: unknown) => round(a, n),
    __float__: (a: unknown) => toFloat(a),
    __int__: (a: unknown) => (kindOf(a) === K_FLOAT ? floatToInt(floatValue(a)) : intValue(a)),
    __trunc__: (a: unknown) => (kindOf(a) === K_FLOAT ? floatToInt(floatValue(a)) : intValue(a)),
    __floor__: (a: unknown) => (kindOf(a) === K_FLOAT ? floatToInt(Math.floor(floatValue(a))) : intValue(a)),
    __ceil__: (a: unknown) => (kindOf(a) === K_FLOAT ? floatToInt(Math.ceil(floatValue(a))) : intValue(a)),
  };
}

function isIntLike(v: unknown): boolean {
  const k = kindOf(v);
  return k !== K_NONE && k !== K_FLOAT;
}

function isNumberLike(v: unknown): boolean {
  return kindOf(v) !== K_NONE;
}


// ---------------------------------------------------------------------------
// int

function bitLengthOf(n: PyInt): number {
  if (typeof n === 'number') {
    const a = Math.abs(n);
    return a < 2 ** 31 ? 32 - Math.clz32(a) : bitLength(BigInt(a));
  }
  return bitLength(n);
}

function bitCount(n: PyInt): number {
  let b = BigInt(n);
  if (b < 0n) b = -b;
  let count = 0;
  for (const ch of b.toString(2)) if (ch === '1') count++;
  return count;
}

function byteorderOf(byteorder: unknown, method: 'to_bytes' | 'from_bytes'): boolean {
  if (typeof byteorder !== 'string') throw badArgument(method, "argument 'byteorder'", 'str', byteorder);
  if (byteorder === 'little') return true;
  if (byteorder === 'big') return false;
  throw new ValueError("byteorder must be either 'little' or 'big'");
}

const TO_BYTES_SIGNATURE: ClinicSignature = { name: 'to_bytes', params: ['length', 'byteorder', 'signed'], posonly: 0, minpos: 0, maxpos: 2 };

/** `n.to_bytes(length=1, byteorder='big')` called with positional arguments alone. */
function toBytes(self: unknown, length?: unknown, byteorder?: unknown): PyBytes {
  if (arguments.length > 3) unpackKeywords(TO_BYTES_SIGNATURE, [...arguments].slice(1), null);
  return intToBytes(self, length, byteorder);
}

/** `n.to_bytes(length=1, byteorder='big', *, signed=False)`, its keywords bound (callMethodKw). */
export function intToBytes(self: unknown, length: unknown = 1, byteorder: unknown = 'big', signed: unknown = false): PyBytes {
  if (typeof length !== 'number' || !isIntNumber(length)) {
    throw new TypeError(`'${typeName(length)}' object cannot be interpreted as an integer`);
  }
  if (length < 0) throw new ValueError('length argument must be non-negative');
  const little = byteorderOf(byteorder, 'to_bytes');
  let n = BigInt(intValue(self));
  if (n < 0n) {
    if (signed !== true) throw new OverflowError("can't convert negative int to unsigned");
    n += 1n << BigInt(length * 8);
    if (n < 1n << BigInt(length * 8 - 1)) throw new OverflowError('int too big to convert');
  } else if (n >= 1n << BigInt(length * 8 - (signed === true ? 1 : 0))) {
    throw new OverflowError('int too big to convert');
  }
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    out[little ? i : length - 1 - i] = Number(n & 0xffn);
    n >>= 8n;
  }
  return new PyBytes(out);
}

/** `int.from_bytes(bytes, byteorder='big', *, signed=False)`. */
export function intFromBytes(bytes: unknown, byteorder: unknown = 'big', signed: unknown = false): PyInt {
  if (arguments.length !== 2 && arguments.length !== 1) unpackKeywords(FROM_BYTES_SIGNATURE, [...arguments], null);
  return fromBytes(bytes, byteorder, signed);
}

function fromBytes(bytes: unknown, byteorder: unknown, signed: unknown): PyInt {
  const little = byteorderOf(byteorder, 'from_bytes');
  let data: ArrayLike<number> | null = bytes instanceof PyBytes ? bytes.bytes : bufferBytes(bytes, true);
  if (data === null) {
    // PyObject_Bytes: a str, or anything not iterable, cannot be converted.
    if (typeof bytes === 'string') throw new TypeError('cannot convert \'str\' object to bytes');
    let source: Iterable<unknown>;
    try {
      source = iterate(bytes);
    } catch (e) {
      if (e instanceof TypeError) throw new TypeError(`cannot convert '${typeName(bytes)}' object to bytes`);
      throw e;
    }
    const items: number[] = [];
    for (const v of source) {
      if (typeof v !== 'number' || !isIntNumber(v)) throw new TypeError(`'${typeName(v)}' object cannot be interpreted as an integer`);
      if (v < 0 || v > 255) throw new ValueError('bytes must be in range(0, 256)');
      items.push(v);
    }
    data = items;
  }
  let n = 0n;
  const len = data.length;
  for (let i = 0; i < len; i++) n = (n << 8n) | BigInt(data[little ? len - 1 - i : i]!);
  if (signed === true && len > 0 && n >= 1n << BigInt(len * 8 - 1)) n -= 1n << BigInt(len * 8);
  return intFromBigInt(n);
}

export const INT_METHODS: Record<string, Method> = {
  ...arithmetic(isIntLike),
  // int's own repr of a bool is the number (`int.__repr__(True)` is '1'); bool has its own (BOOL_METHODS).
  __repr__: (a: Num) => reprNumber(typeof a === 'boolean' ? Number(a) : a),
  __sizeof__(self: number | bigint | boolean) {
    if (arguments.length !== 1) noArgs('int.__sizeof__', arguments.length - 1);
    return intSize(self);
  },
  __getnewargs__(self: Num) {
    if (arguments.length !== 1) noArgs('int.__getnewargs__', arguments.length - 1);
    return PyTuple.of(typeof self === 'boolean' ? Number(self) : self);
  },
  bit_length(self: unknown) {
    if (arguments.length !== 1) noArgs('int.bit_length', arguments.length - 1);
    return bitLengthOf(intValue(self));
  },
  bit_count(self: unknown) {
    if (arguments.length !== 1) noArgs('int.bit_count', arguments.length - 1);
    return bitCount(intValue(self));
  },
  to_bytes: toBytes,
  // int's ndigits is an index (float's may be None).
  __round__: (a: unknown, n?: unknown) => round(a, n === null ? pyIndex(n) : n),
  conjugate(self: unknown) {
    if (arguments.length !== 1) noArgs('int.conjugate', arguments.length - 1);
    return intValue(self);
  },
  as_integer_ratio(self: unknown) {
    if (arguments.length !== 1) noArgs('int.as_integer_ratio', arguments.length - 1);
    return PyTuple.of(intValue(self), 1);
  },
  __index__: (self: unknown) => intValue(self),
  // bool's own give a bool for two bools (BOOL_OWN_METHODS).
  __and__: (a: unknown, b: unknown) => intBits.and(a, b), __rand__: (a: unknown, b: unknown) => intBits.rand(a, b),
  __or__: (a: unknown, b: unknown) => intBits.or(a, b), __ror__: (a: unknown, b: unknown) => intBits.ror(a, b),
  __xor__: (a: unknown, b: unknown) => intBits.xor(a, b), __rxor__: (a: unknown, b: unknown) => intBits.rxor(a, b),
  __lshift__: (a: unknown, b: unknown) => lshift(a, b), __rlshift__: (a: unknown, b: unknown) => lshift(b, a),
  __rshift__: (a: unknown, b: unknown) => rshift(a, b), __rrshift__: (a: unknown, b: unknown) => rshift(b, a),
  __invert__: (a: unknown) => invert(a),
};

/** int's bit operations, on bools as numbers (`int.__and__(True, True)` is 1). */
const intBits = {
  and: (a: unknown, b: unknown): unknown => and_(asInt(a), asInt(b)),
  rand: (a: unknown, b: unknown): unknown => and_(asInt(b), asInt(a)),
  or: (a: unknown, b: unknown): unknown => or_(asInt(a), asInt(b)),
  ror: (a: unknown, b: unknown): unknown => or_(asInt(b), asInt(a)),
  xor: (a: unknown, b: unknown): unknown => xor(asInt(a), asInt(b)),
  rxor: (a: unknown, b: unknown): unknown => xor(asInt(b), asInt(a)),
};

/** A bool as int's methods see it: the number. */
function asInt(v: unknown): unknown {
  return typeof v === 'boolean' ? Number(v) : v;
}

/** bool's own methods (CPython's bool_as_number and bool_repr). */
export const BOOL_OWN_METHODS: Record<string, Method> = {
  __repr__: (a: unknown) => (a ? 'True' : 'False'),
  __and__: (a: unknown, b: unknown) => (typeof b === 'boolean' ? (a as boolean) && b : intBits.and(a, b)),
  __rand__: (a: unknown, b: unknown) => (typeof b === 'boolean' ? b && (a as boolean) : intBits.rand(a, b)),
  __or__: (a: unknown, b: unknown) => (typeof b === 'boolean' ? (a as boolean) || b : intBits.or(a, b)),
  __ror__: (a: unknown, b: unknown) => (typeof b === 'boolean' ? b || (a as boolean) : intBits.ror(a, b)),
  __xor__: (a: unknown, b: unknown) => (typeof b === 'boolean' ? a !== b : intBits.xor(a, b)),
  __rxor__: (a: unknown, b: unknown) => (typeof b === 'boolean' ? b !== a : intBits.rxor(a, b)),
};

/** What a bool's methods are: its own, then int's. */
export const BOOL_METHODS: Record<string, Method> = { ...INT_METHODS, ...BOOL_OWN_METHODS };

export const INT_ATTRIBUTES: Record<string, (self: never) => unknown> = {
  real: (self: unknown) => intValue(self),
  imag: () => 0,
  numerator: (self: unknown) => intValue(self),
  denominator: () => 1,
};

// from_bytes(bytes, byteorder='big', *, signed=False) called with keywords.
const FROM_BYTES_SIGNATURE: ClinicSignature = { name: 'from_bytes', params: ['bytes', 'byteorder', 'signed'], posonly: 0, minpos: 1, maxpos: 2 };

(intFromBytes as unknown as PyCallable).$kw = (args, kw) => {
  const [bytes, byteorder, signed] = unpackKeywords(FROM_BYTES_SIGNATURE, args, kw);
  return fromBytes(bytes, byteorder ?? 'big', signed ?? false);
};

export const INT_CLASS_METHODS: Record<string, (...args: never[]) => unknown> = { from_bytes: intFromBytes };

// ---------------------------------------------------------------------------
// float

/** `x.as_integer_ratio()`: the exact fraction in lowest terms. */
function asIntegerRatio(self: unknown): PyTuple {
  const x = floatValue(self);
  if (x !== x) throw new ValueError('cannot convert NaN to integer ratio');
  if (!Number.isFinite(x)) throw new OverflowError('cannot convert Infinity to integer ratio');
  if (x === 0) return PyTuple.of(0, 1);
  decompose(x);
  let m = BigInt(frMant);
  let e = frExp;
  while (m % 2n === 0n && e < 0) {
    m /= 2n;
    e++;
  }
  if (x < 0) m = -m;
  if (e >= 0) return PyTuple.of(intFromBigInt(m << BigInt(e)), 1);
  return PyTuple.of(intFromBigInt(m), intFromBigInt(1n << BigInt(-e)));
}

/** `x.hex()`: CPython's `[-]0x1.<13 hex digits, trailing zeros dropped>p<exp>`. */
function floatHex(self: unknown): string {
  const x = floatValue(self);
  if (x !== x) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (x === 0) return sign + '0x0.0p+0';
  decompose(Math.abs(x));
  const subnormal = frMant < 2 ** 52;
  const frac = (subnormal ? frMant : frMant - 2 ** 52).toString(16).padStart(13, '0');
  const exp = subnormal ? -1022 : frExp + 52;
  return `${sign}0x${subnormal ? 0 : 1}.${frac}p${exp >= 0 ? '+' : ''}${exp}`;
}

/** `float.fromhex(s)`. */
export function floatFromHex(s: unknown): number | PyFloat {
  if (arguments.length !== 1) oneArg('float.fromhex', arguments.length);
  if (typeof s !== 'string') throw new TypeError(`bad argument type for built-in operation`);
  const text = s.trim().toLowerCase();
  const special = /^([+-]?)(inf|infinity|nan)$/.exec(text);
  if (special) return special[2] === 'nan' ? NaN : special[1] === '-' ? -Infinity : Infinity;
  const m = /^([+-]?)(?:0x)?([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([+-]?\d+))?$/.exec(text);
  if (m === null || (m[2] === '' && (m[3] ?? '') === '')) throw new ValueError('invalid hexadecimal floating-point string');
  const digits = m[2]! + (m[3] ?? '');
  let exp = Number(m[4] ?? 0) - 4 * (m[3] ?? '').length;
  let mant = BigInt('0x' + (digits === '' ? '0' : digits));
  let value: number;
  if (mant === 0n) value = 0;
  else {
    // Round to 53 significant bits, half to even, then scale exactly.
    const bits = bitLength(mant);
    if (bits > 53) {
      const shift = BigInt(bits - 53);
      const half = 1n << (shift - 1n);
      const rest = mant & ((1n << shift) - 1n);
      mant >>= shift;
      if (rest > half || (rest === half && (mant & 1n) === 1n)) mant += 1n;
      exp += bits - 53;
    }
    value = ldexp(Number(mant), exp);
    if (value === Infinity) throw new OverflowError('hexadecimal value too large to represent as a float');
  }
  return boxFloat(m[1] === '-' ? -value : value);
}

export const FLOAT_METHODS: Record<string, Method> = {
  ...arithmetic(isNumberLike),
  is_integer(self: unknown) {
    if (arguments.length !== 1) noArgs('float.is_integer', arguments.length - 1);
    return Number.isInteger(floatValue(self));
  },
  as_integer_ratio(self: unknown) {
    if (arguments.length !== 1) noArgs('float.as_integer_ratio', arguments.length - 1);
    return asIntegerRatio(self);
  },
  hex(self: unknown) {
    if (arguments.length !== 1) noArgs('float.hex', arguments.length - 1);
    return floatHex(self);
  },
  conjugate(self: unknown) {
    if (arguments.length !== 1) noArgs('float.conjugate', arguments.length - 1);
    return self;
  },
  __getnewargs__(self: unknown) {
    if (arguments.length !== 1) noArgs('float.__getnewargs__', arguments.length - 1);
    return PyTuple.of(self);
  },
};

export const FLOAT_ATTRIBUTES: Record<string, (self: never) => unknown> = {
  real: (self: unknown) => self,
  imag: () => -0, // 0.0 (values.ts)
};

export const FLOAT_CLASS_METHODS: Record<string, (...args: never[]) => unknown> = { fromhex: floatFromHex };

// ---------------------------------------------------------------------------
// complex

/** complex's operator methods take any number as the other operand, and give NotImplemented for the rest. */
function complexOperators(): Record<string, Method> {
  const operators: Record<string, Method> = {};
  for (const [name, op] of [['add', '+'], ['sub', '-'], ['mul', '*'], ['truediv', '/']] as const) {
    operators[`__${name}__`] = (a: PyComplex, b: unknown) => complexBinary(op, a, b);
    operators[`__r${name}__`] = (a: PyComplex, b: unknown) => complexBinary(op, b, a);
  }
  const noModulo = (m: unknown): void => {
    if (m !== undefined && m !== null) throw new ValueError('complex modulo');
  };
  operators['__pow__'] = (a: PyComplex, b: unknown, m?: unknown) => (noModulo(m), complexBinary('**', a, b));
  operators['__rpow__'] = (a: PyComplex, b: unknown, m?: unknown) => (noModulo(m), complexBinary('**', b, a));
  operators['__eq__'] = (a: PyComplex, b: unknown) => complexEq(a, b);
  operators['__ne__'] = (a: PyComplex, b: unknown) => {
    const same = complexEq(a, b);
    return same === NotImplemented ? same : !same;
  };
  // complex has no order: its rich comparison answers NotImplemented, so `<` raises TypeError.
  for (const name of ['__lt__', '__le__', '__gt__', '__ge__']) operators[name] = () => NotImplemented;
  return operators;
}

/** Equality with another number or complex, as `==` compares them (equality.ts); NotImplemented for other operands. */
function complexEq(a: PyComplex, b: unknown): boolean | typeof NotImplemented {
  return b instanceof PyComplex || kindOf(b) !== K_NONE ? valueEq(a, b) : NotImplemented;
}

export const COMPLEX_METHODS: Record<string, Method> = {
  ...complexOperators(),
  __bool__: (self: PyComplex) => self.real !== 0 || self.imag !== 0,
  __hash__: (self: PyComplex) => hashValue(self),
  __format__: (self: PyComplex, spec: unknown) => {
    if (typeof spec !== 'string') throw new TypeError(`__format__() argument must be str, not ${argTypeName(spec)}`);
    return formatNumber(self, spec);
  },
  __getnewargs__: (self: PyComplex) => PyTuple.of(boxFloat(self.real), boxFloat(self.imag)),
  conjugate(self: PyComplex) {
    if (arguments.length !== 1) noArgs('complex.conjugate', arguments.length - 1);
    return new PyComplex(self.real, -self.imag);
  },
  __repr__: (self: PyComplex) => reprComplex(self),
  __str__: (self: PyComplex) => reprComplex(self),
  __abs__: (self: PyComplex) => abs(self),
  __neg__: (self: PyComplex) => neg(self),
  __pos__: (self: PyComplex) => self,
  // 3.11's complex.__complex__: the number itself.
  __complex__: (self: PyComplex) => self,
};

export const COMPLEX_ATTRIBUTES: Record<string, (self: never) => unknown> = {
  real: (self: PyComplex) => boxFloat(self.real),
  imag: (self: PyComplex) => boxFloat(self.imag),
};

/** The method table of a number's type (bool shares int's), or null for other values. */
export function numberMethods(v: unknown): Record<string, Method> | null {
  switch (typeof v) {
    case 'number':
      return isIntNumber(v) ? INT_METHODS : FLOAT_METHODS;
    case 'bigint':
    case 'boolean':
      return INT_METHODS;
  }
  if (v instanceof PyFloat) return FLOAT_METHODS;
  if (v instanceof PyComplex) return COMPLEX_METHODS;
  return null;
}

/** The data attributes (`real`, `imag`…) of a number's type, or null for other values. */
export function numberAttributes(v: unknown): Record<string, (self: never) => unknown> | null {
  switch (typeof v) {
    case 'number':
      return isIntNumber(v) ? INT_ATTRIBUTES : FLOAT_ATTRIBUTES;
    case 'bigint':
    case 'boolean':
      return INT_ATTRIBUTES;
  }
  if (v instanceof PyFloat) return FLOAT_ATTRIBUTES;
  if (v instanceof PyComplex) return COMPLEX_ATTRIBUTES;
  return null;
}

