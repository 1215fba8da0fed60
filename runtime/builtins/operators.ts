/**
 * Python's operators as compiled code calls them (`a + b` is `$add(a, b)`):
 * numbers first (their fast paths decide in a few instructions), then the
 * builtin sequences, sets and mappings, then CPython's TypeError.
 */
import * as num from './numbers.js';
import { NotImplemented, unsupported } from './notImplemented.js';
import { pyIndex } from './numbers/index.js';
import { BASE_VALUE, PyBoxed, PyBytes, PyFloat, PyTuple, isInt, typeName, unbox } from './values.js';
import { MAX_SAFE, boxFloat, safeIntMod } from './numbers/core.js';
import { TypeError } from './exceptions.js';
import { strConcat, strRepeat, strContains, strLt, strLe, strGt, strGe, percentFormat } from './str.js';
import { listConcat, listRepeat, listContains, listInplaceConcat, listInplaceRepeat } from './list.js';
import { tupleConcat, tupleRepeat, tupleContains } from './tuple.js';
import { PyDict, dictContains, dictOr, dictInplaceOr, isSetLikeView } from './dict.js';
import {
  PyAnySet, PySet, PyFrozenSet, dictViewOp, setContains, setOr, setAnd, setSub, setXor, setInplaceOr, setInplaceAnd, setInplaceSub, setInplaceXor,
} from './set.js';
import { bytesConcat, bytesRepeat, bytesContains, bytesPercent } from './bytes.js';
import { builtinOrder, eq as structuralEq, lt as seqLt, le as seqLe, gt as seqGt, ge as seqGe } from './equality.js';
import { PyRange } from './range.js';
import { BYTEARRAY_DUNDERS, PyByteArray } from './bytearray.js';
import { isBytesLike } from './buffer.js';
import { binaryOp, compareOp, inplaceOp, instanceContains, invoke, isInstance, richEq, richNe, special, unaryOp, type OwnOperator } from './dunders.js';
import { valueOperators } from './valueOperators.js';
import { iterate } from './iteration.js';
import { truthy } from './truth.js';

/*
 * The arithmetic operators come in two parts: an exported fast path for two
 * JS numbers, small enough (in bytecode) for TurboFan to inline at many call
 * sites of a hot function, and an out-of-line slow path for everything else.
 * Two JS numbers are ints or non-integral floats: an int32 pair gives an
 * exact int, a non-integral result can only come from a float operand and is
 * that float; anything else (a big or boxed result) is the slow path's.
 */

/*
 * The fast paths' size in bytecode decides whether TurboFan inlines them
 * (V8 counts a budget of bytecode per optimised function), so they read
 * Number.isInteger through a module variable (a `var`: a `const` would add
 * a hole check to every read). TurboFan still sees the builtin through
 * the call's feedback and compiles it to the same machine check.
 */
var isInteger = Number.isInteger;
/*
 * An int32 is `a === (a | 0) && !is(a, -0)` (Object.is): -0 is the float
 * 0.0 (values.ts), which `a === (a | 0)` alone takes for the int 0.
 * TurboFan compiles `Object.is(a, -0)` with the constant -0 to a minus-zero
 * check of the value (a Smi never is); `Object.is(a, a | 0)` would be a
 * generic SameValue on an untyped a (fib took 45% longer).
 */
var is = Object.is;

/**
 * A boxed (integral) float with a JS number or another box: `x * 2.0`,
 * `1.0 / n`, a sum started at 0.0. First in the slow paths, before the
 * general numeric dispatch.
 */
function boxedFloats(a: unknown, b: unknown): boolean {
  return a instanceof PyFloat ? typeof b === 'number' || b instanceof PyFloat : b instanceof PyFloat && typeof a === 'number';
}

/** The value of a JS number or PyFloat operand (after `boxedFloats`). */
function fv(v: unknown): number {
  // `+ 0`: the -0 of 0.0 is +0 (values.ts).
  return typeof v === 'number' ? v + 0 : (v as PyFloat).value;
}

export function add(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (!isInteger(r) || (a === (a | 0) && b === (b | 0) && !is(a, -0) && !is(b, -0))) return r;
    // Ints past int32 (a running total): the sum is exact while it is a safe integer.
    if (r <= MAX_SAFE && r >= -MAX_SAFE && isInteger(a) && isInteger(b) && !is(a, -0) && !is(b, -0)) return r;
  }
  return addSlow(a, b);
}

function addSlow(a: unknown, b: unknown): unknown {
  // Two numbers beyond the int32 fast path (ints past 2**31, a float rounded to an integral value).
  if (typeof a === 'number' && typeof b === 'number') return num.add(a, b);
  if (boxedFloats(a, b)) return boxFloat(fv(a) + fv(b));
  if (typeof a === 'string' && typeof b === 'string') return a + b;
  const r = num.add(a, b);
  if (r !== NotImplemented) return r;
  // A str or bytes subclass on the right may reflect + (binaryOp), else adds as its value; so may a class with __radd__ (UserString).
  if (typeof a === 'string' && !(b instanceof PyBoxed)) {
    const radd = typeof b === 'object' && b !== null ? special(b, '__radd__') : undefined;
    const r = radd === undefined ? NotImplemented : invoke(radd, b, a);
    return r !== NotImplemented ? r : strConcat(a, b);
  }
  if (Array.isArray(a)) {
    // A subclass of list or tuple (a namedtuple's) may define its own +, and another class its reflected one (UserList, a list subclass).
    if (special(a, '__add__') !== undefined || special(b, '__radd__') !== undefined) return binaryOp('+', a, b, sequenceConcat);
    return a instanceof PyTuple ? tupleConcat(a, b) : listConcat(a, b);
  }
  if (a instanceof PyBytes && !(b instanceof PyBoxed)) return bytesConcat(a, b);
  // A bytearray subclass may define its own + (and the right operand its reflected one).
  if (a instanceof PyByteArray && special(a, '__add__') === undefined && special(b, '__radd__') === undefined) return a.concat(unbox(b));
  return binaryOp('+', a, b);
}

export function sub(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (!isInteger(r) || (a === (a | 0) && b === (b | 0) && !is(a, -0) && !is(b, -0))) return r;
  }
  return subSlow(a, b);
}

/** list's and tuple's `+` as the fallback after a subclass's methods: NotImplemented where it does not apply. */
function sequenceConcat(a: unknown, b: unknown): unknown {
  if (!Array.isArray(a)) return NotImplemented;
  return a instanceof PyTuple ? tupleConcat(a, b) : listConcat(a, b);
}

/** Two sets or frozensets, neither of a subclass (whose class may define the operator). */
function plainSets(a: PyAnySet, b: PyAnySet): boolean {
  const ka = a.constructor;
  const kb = b.constructor;
  return (ka === PySet || ka === PyFrozenSet) && (kb === PySet || kb === PyFrozenSet);
}

function subSlow(a: unknown, b: unknown): unknown {
  if (boxedFloats(a, b)) return boxFloat(fv(a) - fv(b));
  const r = num.sub(a, b);
  if (r !== NotImplemented) return r;
  if (a instanceof PyAnySet && b instanceof PyAnySet) return plainSets(a, b) ? setSub(a, b) : binaryOp('-', a, b, setSub as OwnOperator, true);
  if (isSetLikeView(a) || isSetLikeView(b)) return dictViewOp('-', a, b);
  return binaryOp('-', a, b);
}

export function mul(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') {
    const p = a * b;
    if (!isInteger(p)) return p;
    // A product of int32s is exact while it is a safe integer; `+ 0` turns -0 (from 0 * -n) into the int 0.
    if (a === (a | 0) && b === (b | 0) && !is(a, -0) && !is(b, -0) && p <= 9007199254740991 && p >= -9007199254740991) return p + 0;
  }
  return mulSlow(a, b);
}

function mulSlow(a: unknown, b: unknown): unknown {
  if (boxedFloats(a, b)) return boxFloat(fv(a) * fv(b));
  const r = num.mul(a, b);
  if (r !== NotImplemented) return r;
  // A sequence times anything its type cannot multiply is a repetition (an error for a non-int), as in CPython.
  if (isSequence(a) && special(b, '__rmul__') === undefined && special(a, '__mul__') === undefined) return sequenceRepeat(a, b);
  if (isSequence(b) && special(a, '__mul__') === undefined && special(b, '__rmul__') === undefined) return sequenceRepeat(b, a);
  return binaryOp('*', a, b, sequenceRepeatOwn);
}

/** A sequence's repetition as the fallback after the operands' methods (`2 * L()` whose `__rmul__` declined). */
function sequenceRepeatOwn(a: unknown, b: unknown): unknown {
  if (isSequence(a)) return sequenceRepeat(a, b);
  if (isSequence(b)) return sequenceRepeat(b, a);
  return NotImplemented;
}

function isSequence(v: unknown): boolean {
  return typeof v === 'string' || Array.isArray(v) || v instanceof PyBytes || v instanceof PyByteArray;
}

/** The repetition count: an int, or an object's `__index__`. */
function repeatCount(n: unknown): unknown {
  if (n instanceof PyBoxed && isInt(n[BASE_VALUE])) return n[BASE_VALUE];
  return isInstance(n) && special(n, '__index__') !== undefined ? pyIndex(n) : n;
}

function sequenceRepeat(seq: unknown, count: unknown): unknown {
  const n = repeatCount(count);
  if (typeof seq === 'string') return strRepeat(seq, n);
  if (seq instanceof PyTuple) return tupleRepeat(seq, n);
  if (Array.isArray(seq)) return listRepeat(seq, n);
  if (seq instanceof PyBytes) return bytesRepeat(seq, n);
  if (seq instanceof PyByteArray) return new PyByteArray(bytesRepeat(seq.snapshot(), n).bytes);
  return undefined;
}

export function truediv(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') {
    const q = a / b;
    if (!isInteger(q) && b !== 0) return q;
  }
  return truedivSlow(a, b);
}

function truedivSlow(a: unknown, b: unknown): unknown {
  if (boxedFloats(a, b) && fv(b) !== 0) return boxFloat(fv(a) / fv(b));
  const r = num.truediv(a, b);
  if (r !== NotImplemented) return r;
  return binaryOp('/', a, b);
}

export function floordiv(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number' && a === (a | 0) && b === (b | 0) && !is(a, -0) && b > 0) return Math.floor(a / b);
  return floordivSlow(a, b);
}

function floordivSlow(a: unknown, b: unknown): unknown {
  const r = num.floordiv(a, b);
  if (r !== NotImplemented) return r;
  return binaryOp('//', a, b);
}

export function mod(a: unknown, b: unknown): unknown {
  // A safe int modulo a positive int32 (-0, the float 0.0, fails both int tests).
  if (typeof a === 'number' && typeof b === 'number' && b === (b | 0) && b > 0) {
    if (a === (a | 0) && !is(a, -0)) {
      // The sign of the divisor; `+ 0` turns -0 (from -n % n) into the int 0.
      const m = a % b;
      return m < 0 ? m + b : m + 0;
    }
    // a !== 0: the -0 of 0.0 is not an int.
    if (a !== 0 && isInteger(a)) return safeIntMod(a, b);
  }
  return modSlow(a, b);
}

function modSlow(a: unknown, b: unknown): unknown {
  // A str is no number (num.mod gives NotImplemented for it): straight to formatting, unless a str subclass reflects %.
  if (typeof a === 'string') return b instanceof PyBoxed && special(b, '__rmod__') !== undefined ? binaryOp('%', a, b, percentFormat as OwnOperator, true) : percentFormat(a, b);
  const r = num.mod(a, b);
  if (r !== NotImplemented) return r;
  if (a instanceof PyBytes) return b instanceof PyBoxed && special(b, '__rmod__') !== undefined ? binaryOp('%', a, b, bytesPercent as OwnOperator, true) : bytesPercent(a, b);
  if (a instanceof PyByteArray && special(a, '__mod__') === undefined) return new PyByteArray(bytesPercent(a.snapshot(), b).bytes);
  return binaryOp('%', a, b);
}

/** `a ** b` (the builtin pow, with its modulus, is in functions.ts). */
export function power(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') return num.numberPow(a, b);
  return powerSlow(a, b);
}

function powerSlow(a: unknown, b: unknown): unknown {
  const r = num.pow(a, b);
  if (r !== NotImplemented) return r;
  return binaryOp('** or pow()', a, b);
}

export function matmul(a: unknown, b: unknown): unknown {
  return binaryOp('@', a, b);
}

export function lshift(a: unknown, b: unknown): unknown {
  const r = num.lshift(a, b);
  if (r !== NotImplemented) return r;
  return binaryOp('<<', a, b);
}

export function rshift(a: unknown, b: unknown): unknown {
  // An int32 shifted by 0–31 (the usual case): JS's arithmetic shift is Python's floor shift.
  if (typeof a === 'number' && typeof b === 'number' && a === (a | 0) && b === (b & 31) && !is(a, -0) && !is(b, -0)) return a >> b;
  return rshiftSlow(a, b);
}

function rshiftSlow(a: unknown, b: unknown): unknown {
  const r = num.rshift(a, b);
  if (r !== NotImplemented) return r;
  return binaryOp('>>', a, b);
}

export function and_(a: unknown, b: unknown): unknown {
  // int32 operands, inlined where the operator is used; the rest out of line.
  if (typeof a === 'number' && typeof b === 'number' && a === (a | 0) && b === (b | 0) && !is(a, -0) && !is(b, -0)) return a & b;
  return and_Slow(a, b);
}

function and_Slow(a: unknown, b: unknown): unknown {
  const r = num.and_(a, b);
  if (r !== NotImplemented) return r;
  if (a instanceof PyAnySet && b instanceof PyAnySet) return plainSets(a, b) ? setAnd(a, b) : binaryOp('&', a, b, setAnd as OwnOperator, true);
  if (isSetLikeView(a) || isSetLikeView(b)) return dictViewOp('&', a, b);
  return binaryOp('&', a, b);
}

export function or_(a: unknown, b: unknown): unknown {
  // int32 operands, inlined where the operator is used; the rest out of line.
  if (typeof a === 'number' && typeof b === 'number' && a === (a | 0) && b === (b | 0) && !is(a, -0) && !is(b, -0)) return a | b;
  return or_Slow(a, b);
}

function or_Slow(a: unknown, b: unknown): unknown {
  const r = num.or_(a, b);
  if (r !== NotImplemented) return r;
  if (a instanceof PyAnySet && b instanceof PyAnySet) return plainSets(a, b) ? setOr(a, b) : binaryOp('|', a, b, setOr as OwnOperator, true);
  if (isSetLikeView(a) || isSetLikeView(b)) return dictViewOp('|', a, b);
  if (a instanceof PyDict && b instanceof PyDict) {
    return special(a, '__or__') === undefined && special(b, '__ror__') === undefined ? dictOr(a, b) : binaryOp('|', a, b, dictOr as OwnOperator, true);
  }
  return binaryOp('|', a, b);
}

export function xor(a: unknown, b: unknown): unknown {
  // int32 operands, inlined where the operator is used; the rest out of line.
  if (typeof a === 'number' && typeof b === 'number' && a === (a | 0) && b === (b | 0) && !is(a, -0) && !is(b, -0)) return a ^ b;
  return xorSlow(a, b);
}

function xorSlow(a: unknown, b: unknown): unknown {
  const r = num.xor(a, b);
  if (r !== NotImplemented) return r;
  if (a instanceof PyAnySet && b instanceof PyAnySet) return plainSets(a, b) ? setXor(a, b) : binaryOp('^', a, b, setXor as OwnOperator, true);
  if (isSetLikeView(a) || isSetLikeView(b)) return dictViewOp('^', a, b);
  return binaryOp('^', a, b);
}

// In-place forms: mutable containers change in place; everything else is the plain operator.

export function iadd(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (!isInteger(r) || (a === (a | 0) && b === (b | 0) && !is(a, -0) && !is(b, -0))) return r;
    // As in add: ints past int32 whose sum is a safe integer.
    if (r <= MAX_SAFE && r >= -MAX_SAFE && isInteger(a) && isInteger(b) && !is(a, -0) && !is(b, -0)) return r;
  }
  return iaddSlow(a, b);
}

function iaddSlow(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') return num.add(a, b);
  if (typeof a === 'string' && typeof b === 'string') return strConcat(a, b);
  if (isInstance(a)) {
    const r = inplaceOp('__iadd__', a, b);
    if (r !== NotImplemented) return r;
  }
  if (Array.isArray(a) && !(a instanceof PyTuple)) {
    // A list has no in-place slot of its own before b's __radd__ (a subclass's instance has list's __iadd__, which extends).
    if (!isInstance(a) && special(b, '__radd__') !== undefined) return binaryOp('+', a, b, listInplaceConcat as OwnOperator);
    return listInplaceConcat(a, b);
  }
  // A bytearray grows in place (what other names for it see).
  if (a instanceof PyByteArray && isBytesLike(unbox(b))) return a.inplaceConcat(unbox(b));
  return inplaceFallback('+=', add, a, b);
}

export function imul(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') return mul(a, b);
  if (isInstance(a)) {
    const r = inplaceOp('__imul__', a, b);
    if (r !== NotImplemented) return r;
  }
  if (Array.isArray(a) && !(a instanceof PyTuple)) {
    // list's *= is no in-place slot of its own (unlike +=, a subclass's instance too): a's __mul__ and b's __rmul__ come first.
    if (special(a, '__mul__') !== undefined || special(b, '__rmul__') !== undefined) return binaryOp('*', a, b, (x, y) => listInplaceRepeat(x as unknown[], repeatCount(y)));
    return listInplaceRepeat(a, repeatCount(b));
  }
  if (a instanceof PyByteArray) return a.inplaceRepeat(bytesRepeat(a.snapshot(), repeatCount(b)));
  return inplaceFallback('*=', mul, a, b);
}

export function ior(a: unknown, b: unknown): unknown {
  if (isInstance(a)) {
    const r = inplaceOp('__ior__', a, b);
    if (r !== NotImplemented) return r;
  }
  if (a instanceof PySet) return setInplaceOr(a, b);
  if (a instanceof PyDict) return dictInplaceOr(a, b);
  return inplaceFallback('|=', or_, a, b);
}

export function iand(a: unknown, b: unknown): unknown {
  if (isInstance(a)) {
    const r = inplaceOp('__iand__', a, b);
    if (r !== NotImplemented) return r;
  }
  if (a instanceof PySet) return setInplaceAnd(a, b);
  return inplaceFallback('&=', and_, a, b);
}

export function isub(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (!isInteger(r) || (a === (a | 0) && b === (b | 0) && !is(a, -0) && !is(b, -0))) return r;
  }
  return isubSlow(a, b);
}

function isubSlow(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') return subSlow(a, b);
  if (isInstance(a)) {
    const r = inplaceOp('__isub__', a, b);
    if (r !== NotImplemented) return r;
  }
  if (a instanceof PySet) return setInplaceSub(a, b);
  return inplaceFallback('-=', sub, a, b);
}

export function ixor(a: unknown, b: unknown): unknown {
  if (isInstance(a)) {
    const r = inplaceOp('__ixor__', a, b);
    if (r !== NotImplemented) return r;
  }
  if (a instanceof PySet) return setInplaceXor(a, b);
  return inplaceFallback('^=', xor, a, b);
}

/**
 * `a op= b` where the in-place form is the plain operator: CPython names the
 * in-place operator in the TypeError (`unsupported operand type(s) for +=`).
 */
function inplaceFallback(symbol: string, plain: (a: unknown, b: unknown) => unknown, a: unknown, b: unknown): unknown {
  try {
    return plain(a, b);
  } catch (e) {
    const op = symbol === '**=' ? '** or pow()' : symbol.slice(0, -1);
    if (e instanceof TypeError && e.message === unsupported(op, a, b).message) throw unsupported(symbol, a, b);
    throw e;
  }
}

export const itruediv = (a: unknown, b: unknown): unknown =>
  typeof a === 'number' && typeof b === 'number' ? truediv(a, b) : inplaceFallback('/=', truediv, a, b);
export const ifloordiv = (a: unknown, b: unknown): unknown =>
  typeof a === 'number' && typeof b === 'number' ? floordiv(a, b) : inplaceFallback('//=', floordiv, a, b);
export const imod = (a: unknown, b: unknown): unknown =>
  typeof a === 'number' && typeof b === 'number' ? mod(a, b) : inplaceFallback('%=', mod, a, b);
export const ipow = (a: unknown, b: unknown): unknown =>
  typeof a === 'number' && typeof b === 'number' ? power(a, b) : inplaceFallback('**=', power, a, b);
export const ilshift = (a: unknown, b: unknown): unknown =>
  typeof a === 'number' && typeof b === 'number' ? lshift(a, b) : inplaceFallback('<<=', lshift, a, b);
export const irshift = (a: unknown, b: unknown): unknown =>
  typeof a === 'number' && typeof b === 'number' ? rshift(a, b) : inplaceFallback('>>=', rshift, a, b);
export const imatmul = (a: unknown, b: unknown): unknown => inplaceFallback('@=', matmul, a, b);

export function neg(a: unknown): unknown {
  const r = num.neg(a);
  if (r !== NotImplemented) return r;
  return unaryOp('__neg__', '-', a);
}

export function pos(a: unknown): unknown {
  const r = num.pos(a);
  if (r !== NotImplemented) return r;
  return unaryOp('__pos__', '+', a);
}

export function invert(a: unknown): unknown {
  const r = num.invert(a);
  if (r !== NotImplemented) return r;
  return unaryOp('__invert__', '~', a);
}

// Comparisons.

export function eq(a: unknown, b: unknown): unknown {
  // Identical values are equal (NaN is never identical to itself here), but an instance's own __eq__ decides for it.
  if (a === b && (typeof a !== 'object' || a === null || !isInstance(a))) return true;
  if (isInstance(a) || isInstance(b)) return richEq(a, b);
  if (typeof a === 'string' || typeof b === 'string') return false;
  return structuralEq(a, b);
}

export function ne(a: unknown, b: unknown): unknown {
  if (isInstance(a) || isInstance(b)) return richNe(a, b);
  return !eq(a, b);
}

type Order = (a: unknown, b: unknown) => unknown;

/** Sets, frozensets and the set-like dict views order by inclusion. */
function isSetLike(v: unknown): boolean {
  return v instanceof PyAnySet || isSetLikeView(v);
}

function ordering(op: '<' | '<=' | '>' | '>=', numeric: Order, strings: (a: string, b: string) => boolean, sequences: Order) {
  return (a: unknown, b: unknown): unknown => {
    const r = numeric(a, b);
    if (r !== NotImplemented) return r;
    if (typeof a === 'string' && typeof b === 'string') return strings(a, b);
    if ((Array.isArray(a) && Array.isArray(b)) || (isSetLike(a) && isSetLike(b)) || (a instanceof PyBytes && b instanceof PyBytes)) {
      // A subclass's class may define the comparison (either side); the builtin's order applies where it does not.
      if (!isInstance(a) && !isInstance(b)) return sequences(a, b);
      const d = compareOp(op, a, b, (x, y) => (sameKind(x, y) ? builtinOrder(op, x, y) : NotImplemented));
      if (d !== NotImplemented) return d;
      throw new TypeError(`'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
    }
    const d = compareOp(op, a, b);
    if (d !== NotImplemented) return d;
    if (a instanceof PyByteArray || b instanceof PyByteArray) {
      // bytearray orders against any bytes-like object, on either side (bytes' own order takes bytes alone).
      const e = byteArrayOrder(op, a, b);
      if (e !== NotImplemented) return e;
    }
    throw new TypeError(`'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
  };
}

/** Two lists, two tuples, two sets or set-like views (of subclasses too): what the builtin order compares. */
function sameKind(a: unknown, b: unknown): boolean {
  if (Array.isArray(a)) return Array.isArray(b) && a instanceof PyTuple === b instanceof PyTuple;
  return isSetLike(a) && isSetLike(b);
}

const ORDER_DUNDERS = { '<': ['__lt__', '__gt__'], '<=': ['__le__', '__ge__'], '>': ['__gt__', '__lt__'], '>=': ['__ge__', '__le__'] } as const;

function byteArrayOrder(op: '<' | '<=' | '>' | '>=', a: unknown, b: unknown): unknown {
  const [name, reflected] = ORDER_DUNDERS[op];
  const r = a instanceof PyByteArray ? BYTEARRAY_DUNDERS[name](a, b) : NotImplemented;
  return r === NotImplemented && b instanceof PyByteArray ? BYTEARRAY_DUNDERS[reflected](b, a) : r;
}

const ltSlow = ordering('<', num.lt, strLt, seqLt);
const leSlow = ordering('<=', num.le, strLe, seqLe);
const gtSlow = ordering('>', num.gt, strGt, seqGt);
const geSlow = ordering('>=', num.ge, strGe, seqGe);

// Two JS numbers (ints in the safe range, floats) compare exactly as Python compares them.
export function lt(a: unknown, b: unknown): unknown {
  return typeof a === 'number' && typeof b === 'number' ? a < b : ltSlow(a, b);
}

export function le(a: unknown, b: unknown): unknown {
  return typeof a === 'number' && typeof b === 'number' ? a <= b : leSlow(a, b);
}

export function gt(a: unknown, b: unknown): unknown {
  return typeof a === 'number' && typeof b === 'number' ? a > b : gtSlow(a, b);
}

export function ge(a: unknown, b: unknown): unknown {
  return typeof a === 'number' && typeof b === 'number' ? a >= b : geSlow(a, b);
}

/*
 * The comparisons as a condition tests them (`if a < b:`, `while a != b:`):
 * a JS boolean, the truth of what a rich comparison (`__lt__`…) returned.
 */

export function ltTest(a: unknown, b: unknown): boolean {
  return typeof a === 'number' && typeof b === 'number' ? a < b : truthy(ltSlow(a, b));
}

export function leTest(a: unknown, b: unknown): boolean {
  return typeof a === 'number' && typeof b === 'number' ? a <= b : truthy(leSlow(a, b));
}

export function gtTest(a: unknown, b: unknown): boolean {
  return typeof a === 'number' && typeof b === 'number' ? a > b : truthy(gtSlow(a, b));
}

export function geTest(a: unknown, b: unknown): boolean {
  return typeof a === 'number' && typeof b === 'number' ? a >= b : truthy(geSlow(a, b));
}

export function eqTest(a: unknown, b: unknown): boolean {
  return typeof a === 'number' && typeof b === 'number' ? a === b : truthy(eq(a, b));
}

export function neTest(a: unknown, b: unknown): boolean {
  return typeof a === 'number' && typeof b === 'number' ? a !== b : truthy(ne(a, b));
}

// Membership.

export function in_(x: unknown, container: unknown): boolean {
  if (typeof container === 'string') return strContains(container, x);
  if (Array.isArray(container)) {
    const proto = Object.getPrototypeOf(container) as object;
    if (proto === Array.prototype) return listContains(container, x);
    if (proto === PyTuple.prototype) return tupleContains(container as PyTuple, x);
    // A subclass's instance: its own __contains__, if it has one.
    const own = instanceContains(container, x);
    if (own !== undefined) return own;
    return container instanceof PyTuple ? tupleContains(container, x) : listContains(container, x);
  }
  if (container instanceof PyDict) {
    if (Object.getPrototypeOf(container) !== PyDict.prototype) {
      const own = instanceContains(container, x);
      if (own !== undefined) return own;
    }
    return dictContains(container, x);
  }
  if (container instanceof PyAnySet) {
    const proto = Object.getPrototypeOf(container) as object;
    if (proto !== PySet.prototype && proto !== PyFrozenSet.prototype) {
      const own = instanceContains(container, x);
      if (own !== undefined) return own;
    }
    return setContains(container, x);
  }
  if (container instanceof PyRange) return container.has(x);
  if (container instanceof PyBytes) return bytesContains(container, x);
  if (container instanceof PyByteArray && special(container, '__contains__') === undefined) return bytesContains(container.snapshot(), x);
  const own = instanceContains(container, x);
  if (own !== undefined) return own;
  if (isInstance(container) && (special(container, '__iter__') !== undefined || special(container, '__getitem__') !== undefined)) {
    for (const item of iterate(container)) if (item === x || truthy(eq(item, x))) return true;
    return false;
  }
  if (container !== null && container !== undefined && typeof (container as Iterable<unknown>)[Symbol.iterator] === 'function') {
    for (const item of container as Iterable<unknown>) if (eq(item, x)) return true;
    return false;
  }
  throw new TypeError(`argument of type '${typeName(container)}' is not iterable`);
}

export function notIn(x: unknown, container: unknown): boolean {
  return !in_(x, container);
}

// Subclasses of int, float, str and bytes without a method of their own use these on their base values.
Object.assign(valueOperators.binary, {
  '+': add, '-': sub, '*': mul, '/': truediv, '//': floordiv, '%': mod, '** or pow()': power, '@': matmul,
  '<<': lshift, '>>': rshift, '&': and_, '|': or_, '^': xor,
});
Object.assign(valueOperators.numeric, {
  '+': num.add, '-': num.sub, '*': num.mul, '/': num.truediv, '//': num.floordiv, '%': num.mod, '** or pow()': num.pow,
  '<<': num.lshift, '>>': num.rshift, '&': num.and_, '|': num.or_, '^': num.xor,
});
Object.assign(valueOperators.unary, { __neg__: neg, __pos__: pos, __invert__: invert });
