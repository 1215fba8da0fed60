import { describe, expect, test } from 'vitest';
import { PyComplex } from '../values.js';
import { add, sub, mul, truediv, neg, abs } from './arith.js';
import { pow } from './pow.js';
import { makeComplex } from './complex.js';
import { Prng, differences, f, type Case } from './testing.js';

const PY: Record<string, string> = {
  add: 'lambda a, b: a + b', sub: 'lambda a, b: a - b', mul: 'lambda a, b: a * b', truediv: 'lambda a, b: a / b',
  pow: 'lambda a, b: a ** b', neg: 'lambda a: -a', abs: 'abs', complex: 'complex',
};
const OURS = { add, sub, mul, truediv, pow, neg, abs, complex: makeComplex };

function cases(): Case[] {
  const rng = new Prng(31);
  const out: Case[] = [];
  const parts = [0, -0, 1, -1, 2, 0.5, -2.5, 3, 1e300, Infinity, NaN, 1e-300];
  const complexes: PyComplex[] = [];
  for (const re of parts) for (const im of [0, 1, -1.5, 2, Infinity]) complexes.push(new PyComplex(re, im));
  // Quarter steps: random doubles would meet glibc's rare one-ulp errors in hypot, sin and cos.
  for (let k = 0; k < 100; k++) complexes.push(new PyComplex(rng.range(-40, 40) / 4, rng.range(-40, 40) / 4));
  const reals: unknown[] = [0, 1, -3, 2n ** 70n, true, f(2), 0.5, -1.25];
  for (const a of complexes) {
    out.push(['neg', [a]], ['abs', [a]]);
    const b = rng.pick(complexes);
    for (const name of ['add', 'sub', 'mul', 'truediv']) out.push([name, [a, b]], [name, [a, rng.pick(reals)]], [name, [rng.pick(reals), a]]);
    out.push(['pow', [a, rng.pick<unknown>([0, 1, 2, 3, -1, -2, 10, 0.5, f(2), new PyComplex(0, 1), new PyComplex(1.5, -0.5), 101])]]);
  }
  for (const s of ['1+2j', ' (1+2j) ', 'j', '-j', '1e3j', '1.5', '-2.5e-3-4J', 'inf+nanj', '1_0j', 'abc', '1+', '+j', '2-j', '', '()', '1 + 2j']) {
    out.push(['complex', [s]]);
  }
  for (const [re, im] of [[1, 2], [f(0), -1.5], [new PyComplex(1, 1), new PyComplex(0, 1)], [2n ** 70n, 0]] as const) out.push(['complex', [re, im]]);
  return out;
}

describe('complex arithmetic against python3', () => {
  test('+ - * / **, unary, abs, complex() parsing', () => {
    expect(differences(PY, OURS, cases())).toEqual([]);
  });
});
