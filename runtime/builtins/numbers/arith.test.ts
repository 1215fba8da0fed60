import { describe, expect, test } from 'vitest';
import { add, sub, mul, truediv, floordiv, mod, divmod, neg, pos, abs } from './arith.js';
import { Prng, differences, randomNumber, randomInt, SPECIAL_NUMBERS, NON_NUMBERS, f, type Case } from './testing.js';
import { NotImplemented } from '../notImplemented.js';
import { PyFloat } from '../values.js';

const BINARY: Record<string, string> = {
  add: '+', sub: '-', mul: '*', truediv: '/', floordiv: '//', mod: '%',
};

const PY: Record<string, string> = {
  divmod: 'lambda a, b: divmod(a, b) if num(a) and num(b) else NotImplemented',
  neg: 'lambda a: -a if num(a) else NotImplemented',
  pos: 'lambda a: +a if num(a) else NotImplemented',
  abs: 'lambda a: abs(a) if num(a) else NotImplemented',
};
for (const [name, op] of Object.entries(BINARY)) {
  PY[name] = `lambda a, b: (a ${op} b) if num(a) and num(b) else NotImplemented`;
}

const OURS = { add, sub, mul, truediv, floordiv, mod, divmod, neg, pos, abs };

function cases(): Case[] {
  const rng = new Prng(20240611);
  const out: Case[] = [];
  const binary = [...Object.keys(BINARY), 'divmod'];
  const specials = [...SPECIAL_NUMBERS, ...NON_NUMBERS];
  for (const name of binary) {
    for (const a of specials) for (const b of specials) out.push([name, [a, b]]);
    for (let k = 0; k < 4000; k++) out.push([name, [randomNumber(rng), randomNumber(rng)]]);
    // Ints only, where the safe-range edges matter most.
    for (let k = 0; k < 2000; k++) out.push([name, [randomInt(rng), randomInt(rng)]]);
  }
  for (const name of ['neg', 'pos', 'abs']) {
    for (const a of specials) out.push([name, [a]]);
    for (let k = 0; k < 2000; k++) out.push([name, [randomNumber(rng)]]);
  }
  return out;
}

describe('arithmetic against python3', () => {
  test('+ - * / // % divmod, unary - + abs: results and errors', () => {
    const all = cases();
    expect(all.length).toBeGreaterThan(50000);
    expect(differences(PY, OURS, all)).toEqual([]);
  });
});

describe('representation', () => {
  test('int results are JS numbers in the safe range, bigints beyond, never -0', () => {
    expect(add(9007199254740990, 1)).toBe(9007199254740991);
    expect(add(9007199254740991, 1)).toBe(9007199254740992n);
    expect(sub(-9007199254740991, 1)).toBe(-9007199254740992n);
    expect(add(9007199254740992n, -1)).toBe(9007199254740991);
    expect(mul(94906267, 94906267)).toBe(9007199515875289n); // product past 2**53: exact
    expect(Object.is(mul(0, -5), 0)).toBe(true);
    expect(Object.is(floordiv(0, -5), 0)).toBe(true);
    expect(Object.is(mod(-4, 2), 0)).toBe(true);
    expect(Object.is(neg(0), 0)).toBe(true);
  });

  test('integral float results are boxed, others are plain numbers', () => {
    expect(add(0.5, 0.5)).toEqual(new PyFloat(1));
    expect(add(0.25, 0.5)).toBe(0.75);
    expect(mul(f(-1), 0)).toEqual(new PyFloat(-0));
    expect(truediv(1, 2)).toBe(0.5);
    expect(truediv(4, 2)).toEqual(new PyFloat(2));
  });

  test('non-numbers give NotImplemented, for the generic dispatch', () => {
    for (const op of [add, sub, mul, truediv, floordiv, mod, divmod]) {
      expect(op(1 as never, 'a' as never)).toBe(NotImplemented);
      expect(op(null as never, 1.5 as never)).toBe(NotImplemented);
    }
    expect(neg('a')).toBe(NotImplemented);
  });
});
