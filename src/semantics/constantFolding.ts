/**
 * The part of CPython's AST optimizer (Python/ast_opt.c) that the compile
 * checks can observe: which expressions become constants before code
 * generation, and their values. Mapping-pattern keys such as `-1` or
 * `1+2j` are only constants after folding, and `return <constant>` is
 * located differently from other returns.
 *
 * Values follow Python's arithmetic closely enough for those uses: ints
 * are exact (bigint), floats are doubles; folding gives up wherever CPython
 * refuses (errors, CPython's size limits), sometimes more conservatively.
 */
import { PyBytes, PyComplex } from '../ast/constants.js';
import type { PyConstant } from '../ast/constants.js';
import type { expr, operator } from '../ast/nodes.js';

export class PyTuple {
  constructor(readonly items: readonly Folded[]) {}
}

export type Folded = PyConstant | PyTuple;

/** Limits from ast_opt.c: results bigger than these are left to run time. */
const MAX_INT_BITS = 128n;
const MAX_STR_SIZE = 4096;
const MAX_COLLECTION_SIZE = 256;

/** The constant `e` becomes after folding, or undefined if it stays an expression. */
export function foldConstant(e: expr): Folded | undefined {
  switch (e.nodeType) {
    case 'Constant':
      return e.value;
    case 'Name':
      // __debug__ is True unless running with -O.
      return e.id === '__debug__' && e.ctx.nodeType === 'Load' ? true : undefined;
    case 'UnaryOp': {
      const v = foldConstant(e.operand);
      if (v === undefined) return undefined;
      switch (e.op.nodeType) {
        case 'Not':
          return !isTrue(v);
        case 'Invert':
          return typeof v === 'bigint' || typeof v === 'boolean' ? ~toBigInt(v) : undefined;
        case 'USub':
          return negate(v);
        case 'UAdd':
          return typeof v === 'boolean' ? toBigInt(v) : isNumber(v) ? v : undefined;
      }
      return undefined;
    }
    case 'BinOp': {
      const l = foldConstant(e.left);
      if (l === undefined) return undefined;
      const r = foldConstant(e.right);
      return r === undefined ? undefined : binop(e.op, l, r);
    }
    case 'Tuple': {
      if (e.ctx.nodeType !== 'Load') return undefined;
      const items: Folded[] = [];
      for (const elt of e.elts) {
        const v = foldConstant(elt);
        if (v === undefined) return undefined;
        items.push(v);
      }
      return new PyTuple(items);
    }
    case 'Subscript': {
      const v = foldConstant(e.value);
      const index = v === undefined ? undefined : foldConstant(e.slice);
      return v === undefined || index === undefined ? undefined : subscript(v, index);
    }
    default:
      return undefined;
  }
}

/** Python's `a == b` between constants (1 == 1.0 == True, -0.0 == 0, b'a' != 'a'). */
export function constantsEqual(a: Folded, b: Folded): boolean {
  if (isNumber(a) || isNumber(b)) {
    if (!isNumber(a) || !isNumber(b)) return false;
    const ca = toComplexParts(a);
    const cb = toComplexParts(b);
    return realsEqual(ca[0], cb[0]) && realsEqual(ca[1], cb[1]);
  }
  if (typeof a === 'string' || typeof b === 'string' || a === null || b === null) return a === b;
  if (a instanceof PyBytes && b instanceof PyBytes) {
    if (a.bytes.length !== b.bytes.length) return false;
    for (let i = 0; i < a.bytes.length; i++) if (a.bytes[i] !== b.bytes[i]) return false;
    return true;
  }
  if (a instanceof PyTuple && b instanceof PyTuple) {
    return a.items.length === b.items.length && a.items.every((x, i) => constantsEqual(x, b.items[i]!));
  }
  return a === b;
}

type Num = bigint | number | boolean | PyComplex;

function isNumber(v: Folded): v is Num {
  return typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean' || v instanceof PyComplex;
}

function toBigInt(v: bigint | boolean): bigint {
  return typeof v === 'boolean' ? (v ? 1n : 0n) : v;
}

/** Parts of a number as exact reals (ints stay bigints so that big ints compare exactly). */
function toComplexParts(v: Num): [bigint | number, number] {
  if (v instanceof PyComplex) return [v.real, v.imag];
  return [typeof v === 'boolean' ? toBigInt(v) : v, 0];
}

function realsEqual(a: bigint | number, b: bigint | number): boolean {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a === b;
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  const f = (typeof a === 'number' ? a : b) as number;
  const i = (typeof a === 'bigint' ? a : b) as bigint;
  return Number.isInteger(f) && BigInt(f) === i;
}

function isTrue(v: Folded): boolean {
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return v !== 0n;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v.length > 0;
  if (v instanceof PyComplex) return v.real !== 0 || v.imag !== 0;
  if (v instanceof PyBytes) return v.bytes.length > 0;
  if (v instanceof PyTuple) return v.items.length > 0;
  return true;
}

function negate(v: Folded): Folded | undefined {
  if (typeof v === 'bigint' || typeof v === 'boolean') return -toBigInt(v);
  if (typeof v === 'number') return -v;
  if (v instanceof PyComplex) return new PyComplex(-v.real, -v.imag);
  return undefined;
}

function bitLength(v: bigint): bigint {
  return BigInt((v < 0n ? -v : v).toString(2).length);
}

/** float(int), or undefined where Python raises OverflowError. */
function toFloat(v: bigint | number | boolean): number | undefined {
  if (typeof v === 'number') return v;
  const f = Number(toBigInt(v));
  return Number.isFinite(f) ? f : undefined;
}

function binop(op: operator, l: Folded, r: Folded): Folded | undefined {
  const kind = op.nodeType;
  if (isNumber(l) && isNumber(r)) return numericBinop(kind, l, r);
  if (kind === 'Add') {
    if (typeof l === 'string' && typeof r === 'string') return l + r;
    if (l instanceof PyBytes && r instanceof PyBytes) return new PyBytes(concatBytes(l.bytes, r.bytes));
    if (l instanceof PyTuple && r instanceof PyTuple) return new PyTuple([...l.items, ...r.items]);
    return undefined;
  }
  if (kind === 'Mult') {
    if ((typeof l === 'bigint' || typeof l === 'boolean') && !isNumber(r)) return repeat(r, toBigInt(l));
    if ((typeof r === 'bigint' || typeof r === 'boolean') && !isNumber(l)) return repeat(l, toBigInt(r));
  }
  return undefined;
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function repeat(seq: Folded, n: bigint): Folded | undefined {
  if (typeof seq === 'string' || seq instanceof PyBytes || seq instanceof PyTuple) {
    const size = typeof seq === 'string' ? [...seq].length : seq instanceof PyBytes ? seq.bytes.length : seq.items.length;
    const limit = seq instanceof PyTuple ? MAX_COLLECTION_SIZE : MAX_STR_SIZE;
    if (size > 0 && (n < 0n || n > BigInt(Math.floor(limit / size)))) return undefined;
    const count = n < 0n ? 0 : Number(n);
    if (typeof seq === 'string') return seq.repeat(count);
    if (seq instanceof PyBytes) {
      const out = new Uint8Array(seq.bytes.length * count);
      for (let i = 0; i < count; i++) out.set(seq.bytes, i * seq.bytes.length);
      return new PyBytes(out);
    }
    const items: Folded[] = [];
    for (let i = 0; i < count; i++) items.push(...seq.items);
    return new PyTuple(items);
  }
  return undefined;
}

function numericBinop(kind: operator['nodeType'], l: Num, r: Num): Folded | undefined {
  const bothBool = typeof l === 'boolean' && typeof r === 'boolean';
  if (l instanceof PyComplex || r instanceof PyComplex) return complexBinop(kind, l, r);
  if (typeof l === 'number' || typeof r === 'number') {
    const a = toFloat(l);
    const b = toFloat(r);
    return a === undefined || b === undefined ? undefined : floatBinop(kind, a, b);
  }
  const a = toBigInt(l);
  const b = toBigInt(r);
  switch (kind) {
    case 'Add':
      return a + b;
    case 'Sub':
      return a - b;
    case 'Mult':
      if (a !== 0n && b !== 0n && bitLength(a) + bitLength(b) > MAX_INT_BITS) return undefined;
      return a * b;
    case 'Div': {
      const x = toFloat(a);
      const y = toFloat(b);
      return b === 0n || x === undefined || y === undefined ? undefined : x / y;
    }
    case 'FloorDiv':
      return b === 0n ? undefined : floorDiv(a, b);
    case 'Mod':
      return b === 0n ? undefined : a - b * floorDiv(a, b);
    case 'Pow':
      if (b < 0n) {
        const x = toFloat(a);
        return a === 0n || x === undefined ? undefined : x ** Number(b);
      }
      if (a !== 0n && b > 0n && (bitLength(a) > MAX_INT_BITS || b > MAX_INT_BITS || bitLength(a) * b > MAX_INT_BITS)) return undefined;
      return a ** b;
    case 'LShift':
      if (b < 0n) return undefined;
      if (a !== 0n && b !== 0n && (b > MAX_INT_BITS || bitLength(a) > MAX_INT_BITS - b)) return undefined;
      return a << b;
    case 'RShift':
      return b < 0n ? undefined : a >> b;
    case 'BitAnd':
      return bothBool ? (l as boolean) && (r as boolean) : a & b;
    case 'BitOr':
      return bothBool ? (l as boolean) || (r as boolean) : a | b;
    case 'BitXor':
      return bothBool ? l !== r : a ^ b;
    default:
      return undefined;
  }
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

function floatBinop(kind: operator['nodeType'], a: number, b: number): Folded | undefined {
  switch (kind) {
    case 'Add':
      return a + b;
    case 'Sub':
      return a - b;
    case 'Mult':
      return a * b;
    case 'Div':
      return b === 0 ? undefined : a / b;
    case 'FloorDiv':
      return b === 0 ? undefined : Math.floor(a / b);
    case 'Mod': {
      if (b === 0) return undefined;
      const m = a % b;
      return m !== 0 && (m < 0) !== (b < 0) ? m + b : m;
    }
    case 'Pow': {
      if (a === 0 && b < 0) return undefined;
      if (a < 0 && !Number.isInteger(b)) return undefined;
      const p = a ** b;
      return Number.isFinite(a) && Number.isFinite(b) && !Number.isFinite(p) ? undefined : p;
    }
    default:
      return undefined;
  }
}

function complexBinop(kind: operator['nodeType'], l: Num, r: Num): Folded | undefined {
  const a = asComplex(l);
  const b = asComplex(r);
  if (a === undefined || b === undefined) return undefined;
  switch (kind) {
    case 'Add':
      return new PyComplex(a.real + b.real, a.imag + b.imag);
    case 'Sub':
      return new PyComplex(a.real - b.real, a.imag - b.imag);
    case 'Mult':
      return new PyComplex(a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real);
    case 'Div': {
      const d = b.real * b.real + b.imag * b.imag;
      if (d === 0) return undefined;
      return new PyComplex((a.real * b.real + a.imag * b.imag) / d, (a.imag * b.real - a.real * b.imag) / d);
    }
    default:
      return undefined;
  }
}

function asComplex(v: Num): PyComplex | undefined {
  if (v instanceof PyComplex) return v;
  const f = toFloat(v);
  return f === undefined ? undefined : new PyComplex(f, 0);
}

function subscript(v: Folded, index: Folded): Folded | undefined {
  if (typeof index !== 'bigint' && typeof index !== 'boolean') return undefined;
  const i = toBigInt(index);
  if (typeof v === 'string') {
    const chars = [...v];
    const k = i < 0n ? BigInt(chars.length) + i : i;
    return k >= 0n && k < BigInt(chars.length) ? chars[Number(k)]! : undefined;
  }
  if (v instanceof PyBytes || v instanceof PyTuple) {
    const n = BigInt(v instanceof PyBytes ? v.bytes.length : v.items.length);
    const k = i < 0n ? n + i : i;
    if (k < 0n || k >= n) return undefined;
    return v instanceof PyBytes ? BigInt(v.bytes[Number(k)]!) : v.items[Number(k)]!;
  }
  return undefined;
}
