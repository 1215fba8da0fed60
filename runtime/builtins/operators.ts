/**
 * Python's operators as compiled code calls them (`a + b` is `$add(a, b)`):
 * numbers first (their fast paths decide in a few instructions), then the
 * builtin sequences, sets and mappings, then CPython's TypeError.
 */
import * as num from './numbers.js';
import { NotImplemented, unsupported } from './notImplemented.js';
import { pyIndex } from './numbers/index.js';
import { PyBytes, PyTuple, typeName } from './values.js';
import { TypeError } from './exceptions.js';
import { strConcat, strRepeat, strContains, strLt, strLe, strGt, strGe, percentFormat } from './str.js';
import { listConcat, listRepeat, listContains, listInplaceConcat, listInplaceRepeat } from './list.js';
import { tupleConcat, tupleRepeat, tupleContains } from './tuple.js';
import { PyDict, dictContains, dictOr, dictInplaceOr, isSetLikeView } from './dict.js';
import {
  PyAnySet, PySet, dictViewOp, setContains, setOr, setAnd, setSub, setXor, setInplaceOr, setInplaceAnd, setInplaceSub, setInplaceXor,
} from './set.js';
import { bytesConcat, bytesRepeat, bytesContains, bytesPercent } from './bytes.js';
import { eq as structuralEq, lt as seqLt, le as seqLe, gt as seqGt, ge as seqGe } from './equality.js';
import { PyRange } from './range.js';
import { PyByteArray } from './bytearray.js';
import { binaryOp, compareOp, inplaceOp, instanceContains, isInstance, richEq, richNe, special, unaryOp } from './dunders.js';
import { iterate } from './iteration.js';
import { truthy } from './truth.js';

/** Both operands int32: results are exact ints, decided before the general numeric code (the hot path of loops). */
function isInt32(v: unknown): v is number {
  return typeof v === 'number' && (v | 0) === v;
}

export function add(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    // int32 operands give an exact int; a non-integral result can only come from a float operand, and is the float.
    if (((a | 0) === a && (b | 0) === b) || !Number.isInteger(r)) return r;
  }
  if (typeof a === 'string' && typeof b === 'string') return a + b;
  const r = num.add(a, b);
  if (r !== NotImplemented) return r;
  if (typeof a === 'string') return strConcat(a, b);
  if (Array.isArray(a)) {
    // A subclass of list or tuple (a namedtuple's) may define its own +.
    if (isInstance(a) && special(a, '__add__') !== undefined) return binaryOp('+', a, b);
    return a instanceof PyTuple ? tupleConcat(a, b) : listConcat(a, b);
  }
  if (a instanceof PyBytes) return bytesConcat(a, b);
  if (a instanceof PyByteArray) return a.concat(b);
  return binaryOp('+', a, b);
}

export function sub(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    // int32 operands give an exact int; a non-integral result can only come from a float operand, and is the float.
    if (((a | 0) === a && (b | 0) === b) || !Number.isInteger(r)) return r;
  }
  const r = num.sub(a, b);
  if (r !== NotImplemented) return r;
  if (a instanceof PyAnySet && b instanceof PyAnySet) return setSub(a, b);
  if (isSetLikeView(a) || isSetLikeView(b)) return dictViewOp('-', a, b);
  return binaryOp('-', a, b);
}

export function mul(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') {
    const p = a * b;
    if ((a | 0) === a && (b | 0) === b) {
      if (p <= 9007199254740991 && p >= -9007199254740991) return p === 0 ? 0 : p;
    } else if (!Number.isInteger(p)) return p;
  }
  const r = num.mul(a, b);
  if (r !== NotImplemented) return r;
  // A sequence times anything its type cannot multiply is a repetition (an error for a non-int), as in CPython.
  if (isSequence(a) && special(b, '__rmul__') === undefined && special(a, '__mul__') === undefined) return sequenceRepeat(a, b);
  if (isSequence(b) && special(a, '__mul__') === undefined) return sequenceRepeat(b, a);
  return binaryOp('*', a, b);
}

function isSequence(v: unknown): boolean {
  return typeof v === 'string' || Array.isArray(v) || v instanceof PyBytes;
}

/** The repetition count: an int, or an object's `__index__`. */
function repeatCount(n: unknown): unknown {
  return isInstance(n) && special(n, '__index__') !== undefined ? pyIndex(n) : n;
}

function sequenceRepeat(seq: unknown, count: unknown): unknown {
  const n = repeatCount(count);
  if (typeof seq === 'string') return strRepeat(seq, n);
  if (seq instanceof PyTuple) return tupleRepeat(seq, n);
  if (Array.isArray(seq)) return listRepeat(seq, n);
  if (seq instanceof PyBytes) return bytesRepeat(seq, n);
  return undefined;
}

export function truediv(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number' && b !== 0) {
    const q = a / b;
    if (!Number.isInteger(q)) return q;
  }
  const r = num.truediv(a, b);
  if (r !== NotImplemented) return r;
  return binaryOp('/', a, b);
}

export function floordiv(a: unknown, b: unknown): unknown {
  if (isInt32(a) && isInt32(b) && (b as number) > 0) return Math.floor((a as number) / (b as number));
  const r = num.floordiv(a, b);
  if (r !== NotImplemented) return r;
  return binaryOp('//', a, b);
}

export function mod(a: unknown, b: unknown): unknown {
  if (isInt32(a) && isInt32(b) && (b as number) > 0) {
    const m = (a as number) % (b as number);
    return m < 0 ? m + (b as number) : m === 0 ? 0 : m;
  }
  const r = num.mod(a, b);
  if (r !== NotImplemented) return r;
  if (typeof a === 'string') return percentFormat(a, b);
  if (a instanceof PyBytes) return bytesPercent(a, b);
  return binaryOp('%', a, b);
}

/** `a ** b` (the builtin pow, with its modulus, is in functions.ts). */
export function power(a: unknown, b: unknown): unknown {
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
  const r = num.rshift(a, b);
  if (r !== NotImplemented) return r;
  return binaryOp('>>', a, b);
}

export function and_(a: unknown, b: unknown): unknown {
  const r = num.and_(a, b);
  if (r !== NotImplemented) return r;
  if (a instanceof PyAnySet && b instanceof PyAnySet) return setAnd(a, b);
  if (isSetLikeView(a) || isSetLikeView(b)) return dictViewOp('&', a, b);
  return binaryOp('&', a, b);
}

export function or_(a: unknown, b: unknown): unknown {
  const r = num.or_(a, b);
  if (r !== NotImplemented) return r;
  if (a instanceof PyAnySet && b instanceof PyAnySet) return setOr(a, b);
  if (isSetLikeView(a) || isSetLikeView(b)) return dictViewOp('|', a, b);
  if (a instanceof PyDict && b instanceof PyDict && special(a, '__or__') === undefined && special(b, '__ror__') === undefined) return dictOr(a, b);
  return binaryOp('|', a, b);
}

export function xor(a: unknown, b: unknown): unknown {
  const r = num.xor(a, b);
  if (r !== NotImplemented) return r;
  if (a instanceof PyAnySet && b instanceof PyAnySet) return setXor(a, b);
  if (isSetLikeView(a) || isSetLikeView(b)) return dictViewOp('^', a, b);
  return binaryOp('^', a, b);
}

// In-place forms: mutable containers change in place; everything else is the plain operator.

export function iadd(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') return add(a, b);
  if (typeof a === 'string' && typeof b === 'string') return strConcat(a, b);
  if (isInstance(a)) {
    const r = inplaceOp('__iadd__', a, b);
    if (r !== NotImplemented) return r;
  }
  if (Array.isArray(a) && !(a instanceof PyTuple)) return listInplaceConcat(a, b);
  return inplaceFallback('+=', add, a, b);
}

export function imul(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') return mul(a, b);
  if (isInstance(a)) {
    const r = inplaceOp('__imul__', a, b);
    if (r !== NotImplemented) return r;
  }
  if (Array.isArray(a) && !(a instanceof PyTuple)) return listInplaceRepeat(a, repeatCount(b));
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
  if (typeof a === 'number' && typeof b === 'number') return sub(a, b);
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
  if (a === b) return typeof a !== 'number' || !Number.isNaN(a);
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
      return sequences(a, b);
    }
    const d = compareOp(op, a, b);
    if (d !== NotImplemented) return d;
    throw new TypeError(`'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
  };
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

// Membership.

export function in_(x: unknown, container: unknown): boolean {
  if (typeof container === 'string') return strContains(container, x);
  if (container instanceof PyTuple) return tupleContains(container, x);
  if (Array.isArray(container)) return listContains(container, x);
  if (container instanceof PyDict) return dictContains(container, x);
  if (container instanceof PyAnySet) return setContains(container, x);
  if (container instanceof PyRange) return container.has(x);
  if (container instanceof PyBytes) return bytesContains(container, x);
  if (container instanceof PyByteArray) return bytesContains(container.snapshot(), x);
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
