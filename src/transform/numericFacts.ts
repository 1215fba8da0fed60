/**
 * What the compiler knows statically about numeric operands, and the
 * specialised runtime helpers that knowledge selects. Only facts that hold
 * whatever the program does at run time: a literal's type and value.
 *
 * `x * 2.0` compiles to `$mulFloat(x, 2)` and `n - 1` to `$subInt(n, 1)`:
 * the literal travels as a plain JS number, so an integral float literal is
 * no longer a PyFloat allocated at every evaluation, and the helper's fast
 * path checks only the other operand (runtime/builtins/literalOperators.ts).
 */
import * as t from './build.js';
import type * as py from '../ast/nodes.js';
import type { TransformContext } from './context.js';

type Operator = py.operator['nodeType'];

/** Float literal helpers: [for `x op c`, for `c op x`, for `x op= c`]. */
const FLOAT_HELPERS: Partial<Record<Operator, readonly [string, string, string]>> = {
  Add: ['addFloat', 'floatAdd', 'iaddFloat'],
  Sub: ['subFloat', 'floatSub', 'isubFloat'],
  Mult: ['mulFloat', 'floatMul', 'imulFloat'],
  Div: ['truedivFloat', 'floatTruediv', 'itruedivFloat'],
};

/** Int literal helpers for `c op x` (literal on the left). */
const INT_LEFT_HELPERS: Partial<Record<Operator, string>> = { Add: 'intAdd', Sub: 'intSub', Mult: 'intMul' };

/** Int literal helpers (literal on the right): [for `x op c`, for `x op= c`]; `//` and `%` want c > 0. */
const INT_HELPERS: Partial<Record<Operator, readonly [string, string | null]>> = {
  Add: ['addInt', 'iaddInt'],
  Sub: ['subInt', 'isubInt'],
  Mult: ['mulInt', null],
  FloorDiv: ['floordivInt', null],
  Mod: ['modInt', null],
};

const INT32_MAX = 2147483647;

/** The value of a float literal (`2.0`, `-0.5`, `1e999`) as a JS number; undefined for anything else. */
export function floatLiteral(node: py.expr): number | undefined {
  if (node.nodeType === 'Constant') return typeof node.value === 'number' ? node.value : undefined;
  // A negated literal, as CPython folds it (`-0.0` included).
  if (node.nodeType === 'UnaryOp' && node.op.nodeType === 'USub' && node.operand.nodeType === 'Constant') {
    const v = node.operand.value;
    return typeof v === 'number' ? -v : undefined;
  }
  return undefined;
}

/** The value of an int literal (not a bool) in the int32 range as a JS number; undefined for anything else. */
export function int32Literal(node: py.expr): number | undefined {
  let v: bigint | undefined;
  if (node.nodeType === 'Constant' && typeof node.value === 'bigint') v = node.value;
  else if (node.nodeType === 'UnaryOp' && node.op.nodeType === 'USub' && node.operand.nodeType === 'Constant' && typeof node.operand.value === 'bigint') {
    v = -node.operand.value;
  }
  return v !== undefined && v <= BigInt(INT32_MAX) && v >= -BigInt(INT32_MAX) ? Number(v) : undefined;
}

function isLiteral(node: py.expr): boolean {
  return floatLiteral(node) !== undefined || int32Literal(node) !== undefined || node.nodeType === 'Constant';
}

function numberLiteral(v: number): t.Expression {
  const magnitude = Math.abs(v);
  const literal = magnitude === Infinity ? t.identifier('Infinity') : t.numericLiteral(magnitude);
  return v < 0 || Object.is(v, -0) ? t.unaryExpression('-', literal) : literal;
}

/** ±n/2 for odd n <= 9 but 1/2 (a square root, crPow's own case): runtime powerHalf's exponents. */
function isHalfPower(c: number): boolean {
  return Number.isInteger(2 * c) && Math.abs(2 * c) <= 9 && c !== 0.5;
}

/** The helper for `x op c` / `x op= c` with the literal `c` on the right, or null. */
function rightLiteralHelper(op: Operator, right: py.expr, inplace: boolean): [string, number] | null {
  const f = floatLiteral(right);
  if (f !== undefined) {
    // A non-integral exponent: `d ** -1.5` (an integral one keeps the general path, as int ** int must not apply).
    if (op === 'Pow' && !inplace && !Number.isInteger(f)) return [isHalfPower(f) ? 'powerHalf' : 'powerFloat', f];
    const helpers = FLOAT_HELPERS[op];
    return helpers ? [inplace ? helpers[2] : helpers[0], f] : null;
  }
  const i = int32Literal(right);
  if (i === undefined) return null;
  const helpers = INT_HELPERS[op];
  if (!helpers || ((op === 'FloorDiv' || op === 'Mod') && i <= 0)) return null;
  const name = inplace ? helpers[1] : helpers[0];
  return name === null ? null : [name, i];
}

/**
 * `left op right` with a number literal on one side, as a call of the
 * specialised helper; null when there is none (the caller then emits the
 * general operator).
 */
export function literalOperation(
  node: py.BinOp,
  ctx: TransformContext,
  expression: (node: py.expr, ctx: TransformContext) => t.Expression,
): t.Expression | null {
  // Two literals: left to the general operator (CPython folds them; nothing is hot there).
  if (isLiteral(node.left) && isLiteral(node.right)) return null;
  const right = rightLiteralHelper(node.op.nodeType, node.right, false);
  if (right !== null) return t.callExpression(ctx.rt(right[0]), [expression(node.left, ctx), numberLiteral(right[1])]);
  const leftInt = int32Literal(node.left);
  const intHelper = INT_LEFT_HELPERS[node.op.nodeType];
  if (leftInt !== undefined && intHelper !== undefined) {
    return t.callExpression(ctx.rt(intHelper), [numberLiteral(leftInt), expression(node.right, ctx)]);
  }
  const left = floatLiteral(node.left);
  const helpers = FLOAT_HELPERS[node.op.nodeType];
  if (left === undefined || helpers === undefined) return null;
  return t.callExpression(ctx.rt(helpers[1]), [numberLiteral(left), expression(node.right, ctx)]);
}

/**
 * `x op= literal`: the in-place helper and the literal as a JS number, for
 * AugAssign to call instead of the general in-place operator; null when
 * there is none.
 */
export function inplaceLiteral(node: py.AugAssign, ctx: TransformContext): { op: t.Identifier; value: t.Expression } | null {
  const helper = rightLiteralHelper(node.op.nodeType, node.value, true);
  return helper === null ? null : { op: ctx.rt(helper[0]), value: numberLiteral(helper[1]) };
}

/** A non-negative int literal subscript (`v[0]`) as a JS number for `$getitemAt`/`$setitemAt`; undefined otherwise. */
export function literalIndex(slice: py.expr): t.NumericLiteral | undefined {
  const i = int32Literal(slice);
  return i === undefined || i < 0 ? undefined : t.numericLiteral(i);
}

/** `obj[key]` read, through `$getitemAt` for an int literal key. */
export function subscriptGet(
  obj: t.Expression,
  slice: py.expr,
  ctx: TransformContext,
  expression: (node: py.expr, ctx: TransformContext) => t.Expression,
): t.Expression {
  const index = literalIndex(slice);
  if (index !== undefined) return t.callExpression(ctx.rt('getitemAt'), [obj, index]);
  return t.callExpression(ctx.rt('getitem'), [obj, expression(slice, ctx)]);
}

/** `obj[key] = value`, through `$setitemAt` for an int literal key. */
export function subscriptSet(
  obj: t.Expression,
  slice: py.expr,
  value: t.Expression,
  ctx: TransformContext,
  expression: (node: py.expr, ctx: TransformContext) => t.Expression,
): t.Expression {
  const index = literalIndex(slice);
  if (index !== undefined) return t.callExpression(ctx.rt('setitemAt'), [obj, index, value]);
  return t.callExpression(ctx.rt('setitem'), [obj, expression(slice, ctx), value]);
}
