/**
 * The operations Decimal methods and Context methods share, by name: each
 * takes Dec operands and the arithmetic context, so that
 * `Decimal.sqrt(context=c)` and `c.sqrt(x)` are one function.
 */
import { add, divide, divideInt, multiply, remainder, subtract } from './arith.js';
import { cmpTotal, cmpTotalAbs } from './compare.js';
import { abs, minus, normalize, plus, quantize, scaleb, toIntegral } from './exponent.js';
import { power, sqrt } from './powers.js';
import { choose, compare, compareSignal } from './select.js';
import type { Ctx } from './signals.js';
import { exp, ln, log10, nonIntegerPower } from './transcend.js';
import { type Dec, fin } from './value.js';
import { logb, nextMinus, nextPlus, nextToward, remainderNear } from './neighbours.js';

export type Unary = (a: Dec, c: Ctx) => Dec;
export type Binary = (a: Dec, b: Dec, c: Ctx) => Dec;

export const unaryOps: Record<string, Unary> = {
  sqrt, exp, ln, log10, normalize, logb,
  next_plus: nextPlus, next_minus: nextMinus,
  plus, minus, abs,
  to_integral: (a, c) => toIntegral(a, c),
  to_integral_value: (a, c) => toIntegral(a, c),
  to_integral_exact: (a, c) => toIntegral(a, c, c.rounding, true),
};

const order = (r: number): Dec => fin(r < 0 ? 1 : 0, r === 0 ? 0n : 1n, 0);

export const binaryOps: Record<string, Binary> = {
  add, subtract, multiply, divide, remainder,
  remainder_near: remainderNear, next_toward: nextToward,
  divide_int: divideInt,
  power: (a, b, c) => power(a, b, c, nonIntegerPower),
  compare, compare_signal: compareSignal,
  compare_total: (a, b) => order(cmpTotal(a, b)),
  compare_total_mag: (a, b) => order(cmpTotalAbs(a, b)),
  max: (a, b, c) => choose(a, b, c, 1, false),
  min: (a, b, c) => choose(a, b, c, -1, false),
  max_mag: (a, b, c) => choose(a, b, c, 1, true),
  min_mag: (a, b, c) => choose(a, b, c, -1, true),
  quantize: (a, b, c) => quantize(a, b, c),
  scaleb,
};

