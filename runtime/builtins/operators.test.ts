import { describe, expect, test } from 'vitest';
import * as op from './operators.js';
import { Prng, differences, randomInt, randomNumber, SPECIAL_NUMBERS, f, type Case } from './numbers/testing.js';

/**
 * The operators compiled code calls (`$add`…) on numbers, against python3:
 * their inlinable fast paths (two JS numbers: int32 edges, -0, integral
 * float results that must be boxed, products past int32 and past the safe
 * range) and their slow paths (boxed floats, bigints, bools), in-place
 * forms included.
 */
const SYMBOLS: Record<string, string> = {
  add: '+', sub: '-', mul: '*', truediv: '/', floordiv: '//', mod: '%', power: '**',
  iadd: '+', isub: '-', imul: '*', itruediv: '/', ifloordiv: '//', imod: '%', ipow: '**',
};

const PY: Record<string, string> = {};
for (const [name, symbol] of Object.entries(SYMBOLS)) PY[name] = `lambda a, b: a ${symbol} b`;

const OURS = {
  add: op.add, sub: op.sub, mul: op.mul, truediv: op.truediv, floordiv: op.floordiv, mod: op.mod, power: op.power,
  iadd: op.iadd, isub: op.isub, imul: op.imul, itruediv: op.itruediv, ifloordiv: op.ifloordiv, imod: op.imod, ipow: op.ipow,
};

const INT32_EDGES = [0, 1, -1, 2, 46340, 46341, -46341, 65536, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, 2 ** 32, 2 ** 53 - 1, -(2 ** 53 - 1)];
const FLOATS = [0.5, -0.5, 1.5, 2.5, -2.25, 0.1, 1e-300, f(1e300), 3.75, f(0), f(-0), f(1), f(2), f(-3), f(2 ** 60)];

function cases(): Case[] {
  const rng = new Prng(99);
  const out: Case[] = [];
  const values = [...INT32_EDGES, ...FLOATS, ...SPECIAL_NUMBERS];
  for (const name of Object.keys(SYMBOLS)) {
    for (const a of values) {
      for (const b of values) {
        if ((name === 'power' || name === 'ipow') && (typeof b === 'bigint' || (typeof b === 'number' && Math.abs(b) > 12))) continue;
        out.push([name, [a, b]]);
      }
    }
    if (name === 'power' || name === 'ipow') continue;
    for (let k = 0; k < 800; k++) out.push([name, [randomNumber(rng), randomNumber(rng)]]);
    for (let k = 0; k < 800; k++) out.push([name, [randomInt(rng), randomInt(rng)]]);
    // Small ints and halves: int32 results, integral float results.
    for (let k = 0; k < 800; k++) out.push([name, [rng.range(-100, 100) / rng.pick([1, 2, 4]), rng.range(-100, 100) / rng.pick([1, 2, 4])]]);
  }
  // Int powers, and float powers whose results are exact (fpow.test.ts compares the inexact ones with
  // the correctly rounded value; glibc's pow, behind CPython's, is a rare ulp off).
  for (let k = 0; k < 3000; k++) {
    const a = rng.chance(0.5) ? rng.range(-20, 20) : rng.pick([0.5, 0.25, 2.25, 6.25, 0.0625, -0.5, -2.25, f(4), f(9), f(-4)]);
    const b = rng.chance(0.5) ? rng.range(-12, 12) : rng.pick([0.5, -0.5, 1.5, -1.5, 2.5, -3.5, 4.5, f(2), f(-1), 0.25]);
    out.push([rng.chance(0.5) ? 'power' : 'ipow', [a, b]]);
  }
  return out;
}

describe('operators on numbers against python3', () => {
  test('fast and slow paths give CPython results, types and errors', () => {
    expect(differences(PY, OURS, cases())).toEqual([]);
  });

  test('int results are never -0', () => {
    expect(Object.is(op.mul(0, -5), 0)).toBe(true);
    expect(Object.is(op.mod(-4, 2), 0)).toBe(true);
    expect(Object.is(op.imul(-3, 0), 0)).toBe(true);
  });
});
