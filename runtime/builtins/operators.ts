/**
 * Python's operators as compiled code calls them (`a + b` is `$add(a, b)`):
 * numbers first (their fast paths decide in a few instructions), then the
 * builtin sequences, sets and mappings, then CPython's TypeError.
 */
import * as num from './numbers.js';
import { NotImplemented } from './notImplemented.js';
import { PyBytes, PyTuple, typeName } from './values.js';
import { TypeError } from './exceptions.js';
import { strConcat, strRepeat, strContains, strLt, strLe, strGt, strGe, percentFormat } from './str.js';
import { listConcat, listRepeat, listContains, listInplaceConcat, listInplaceRepeat } from './list.js';
import { tupleConcat, tupleRepeat, tupleContains } from './tuple.js';
import { PyDict, dictContains, dictOr, dictInplaceOr } from './dict.js';
import {
  PyAnySet, PySet, setContains, setOr, setAnd, setSub, setXor, setInplaceOr, setInplaceAnd, setInplaceSub, setInplaceXor,
} from './set.js';
import { bytesConcat, bytesRepeat, bytesContains } from './bytes.js';
import { eq as structuralEq, lt as seqLt, le as seqLe, gt as seqGt, ge as seqGe } from './equality.js';
import { PyRange } from './range.js';
import { binaryOp, compareOp, inplaceOp, instanceContains, isInstance, richEq, richNe, special, unaryOp } from './dunders.js';
import { iterate } from './iteration.js';
import { truthy } from './truth.js';

export function add(a: unknown, b: unknown): unknown {
  const r = num.add(a, b);
  if (r !== NotImplemented) return r;
  if (typeof a === 'string') return strConcat(a, b);
  if (a instanceof PyTuple) return tupleConcat(a, b);
  if (Array.isArray(a)) return listConcat(a, b);
  if (a instanceof PyBytes) return bytesConcat(a, b);
  return binaryOp('+', a, b);
}

export function sub(a: unknown, b: unknown): unknown {
  const r = num.sub(a, b);
  if (r !== NotImplemented) return r;
  if (a instanceof PyAnySet && b instanceof PyAnySet) return setSub(a, b);
  return binaryOp('-', a, b);
}

export function mul(a: unknown, b: unknown): unknown {
  const r = num.mul(a, b);
  if (r !== NotImplemented) return r;
  const seq = sequenceRepeat(a, b) ?? sequenceRepeat(b, a);
  if (seq !== undefined) return seq;
  return binaryOp('*', a, b);
}

function sequenceRepeat(seq: unknown, n: unknown): unknown {
  if (!num.isNumber(n) || num.isFloat(n)) return undefined;
  if (typeof seq === 'string') return strRepeat(seq, n);
  if (seq instanceof PyTuple) return tupleRepeat(seq, n);
  if (Array.isArray(seq)) return listRepeat(seq, n);
  if (seq instanceof PyBytes) return bytesRepeat(seq, n);
  return undefined;
}

export function truediv(a: unknown, b: unknown): unknown {
  const r = num.truediv(a, b);
  if (r !== NotImplemented) return r;
  return binaryOp('/', a, b);
}

export function floordiv(a: unknown, b: unknown): unknown {
  const r = num.floordiv(a, b);
  if (r !== NotImplemented) return r;
  return binaryOp('//', a, b);
}

export function mod(a: unknown, b: unknown): unknown {
  const r = num.mod(a, b);
  if (r !== NotImplemented) return r;
  if (typeof a === 'string') return percentFormat(a, b);
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
  return binaryOp('&', a, b);
}

export function or_(a: unknown, b: unknown): unknown {
  const r = num.or_(a, b);
  if (r !== NotImplemented) return r;
  if (a instanceof PyAnySet && b instanceof PyAnySet) return setOr(a, b);
  if (a instanceof PyDict && b instanceof PyDict) return dictOr(a, b);
  return binaryOp('|', a, b);
}

export function xor(a: unknown, b: unknown): unknown {
  const r = num.xor(a, b);
  if (r !== NotImplemented) return r;
  if (a instanceof PyAnySet && b instanceof PyAnySet) return setXor(a, b);
  return binaryOp('^', a, b);
}

// In-place forms: mutable containers change in place; everything else is the plain operator.

export function iadd(a: unknown, b: unknown): unknown {
  if (isInstance(a)) {
    const r = inplaceOp('__iadd__', a, b);
    if (r !== NotImplemented) return r;
  }
  if (Array.isArray(a) && !(a instanceof PyTuple)) return listInplaceConcat(a, b);
  return add(a, b);
}

export function imul(a: unknown, b: unknown): unknown {
  if (isInstance(a)) {
    const r = inplaceOp('__imul__', a, b);
    if (r !== NotImplemented) return r;
  }
  if (Array.isArray(a) && !(a instanceof PyTuple)) return listInplaceRepeat(a, b);
  return mul(a, b);
}

export function ior(a: unknown, b: unknown): unknown {
  if (isInstance(a)) {
    const r = inplaceOp('__ior__', a, b);
    if (r !== NotImplemented) return r;
  }
  if (a instanceof PySet) return setInplaceOr(a, b);
  if (a instanceof PyDict) return dictInplaceOr(a, b);
  return or_(a, b);
}

export function iand(a: unknown, b: unknown): unknown {
  if (isInstance(a)) {
    const r = inplaceOp('__iand__', a, b);
    if (r !== NotImplemented) return r;
  }
  if (a instanceof PySet) return setInplaceAnd(a, b);
  return and_(a, b);
}

export function isub(a: unknown, b: unknown): unknown {
  if (isInstance(a)) {
    const r = inplaceOp('__isub__', a, b);
    if (r !== NotImplemented) return r;
  }
  if (a instanceof PySet) return setInplaceSub(a, b);
  return sub(a, b);
}

export function ixor(a: unknown, b: unknown): unknown {
  if (isInstance(a)) {
    const r = inplaceOp('__ixor__', a, b);
    if (r !== NotImplemented) return r;
  }
  if (a instanceof PySet) return setInplaceXor(a, b);
  return xor(a, b);
}

export {
  truediv as itruediv, floordiv as ifloordiv, mod as imod, power as ipow, lshift as ilshift, rshift as irshift,
  matmul as imatmul,
};

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
  if (typeof a === 'string' || typeof b === 'string') return false;
  if (isInstance(a) || isInstance(b)) return richEq(a, b);
  return structuralEq(a, b);
}

export function ne(a: unknown, b: unknown): unknown {
  if (isInstance(a) || isInstance(b)) return richNe(a, b);
  return !eq(a, b);
}

type Order = (a: unknown, b: unknown) => unknown;

function ordering(op: '<' | '<=' | '>' | '>=', numeric: Order, strings: (a: string, b: string) => boolean, sequences: Order) {
  return (a: unknown, b: unknown): unknown => {
    const r = numeric(a, b);
    if (r !== NotImplemented) return r;
    if (typeof a === 'string' && typeof b === 'string') return strings(a, b);
    if ((Array.isArray(a) && Array.isArray(b)) || (a instanceof PyAnySet && b instanceof PyAnySet) || (a instanceof PyBytes && b instanceof PyBytes)) {
      return sequences(a, b);
    }
    const d = compareOp(op, a, b);
    if (d !== NotImplemented) return d;
    throw new TypeError(`'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
  };
}

export const lt = ordering('<', num.lt, strLt, seqLt);
export const le = ordering('<=', num.le, strLe, seqLe);
export const gt = ordering('>', num.gt, strGt, seqGt);
export const ge = ordering('>=', num.ge, strGe, seqGe);

// Membership.

export function in_(x: unknown, container: unknown): boolean {
  if (typeof container === 'string') return strContains(container, x);
  if (container instanceof PyTuple) return tupleContains(container, x);
  if (Array.isArray(container)) return listContains(container, x);
  if (container instanceof PyDict) return dictContains(container, x);
  if (container instanceof PyAnySet) return setContains(container, x);
  if (container instanceof PyRange) return container.has(x);
  if (container instanceof PyBytes) return bytesContains(container, x);
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
