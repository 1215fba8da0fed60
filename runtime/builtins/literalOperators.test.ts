import { describe, expect, test } from 'vitest';
import { powerFloat, powerHalf } from './literalOperators.js';
import { isListAt } from './items.js';
import { PyFloat, PyTuple } from './values.js';
import { Prng } from './numbers/testing.js';

/**
 * powerHalf is a shortcut to the half-integer power crPow reaches through
 * powerFloat: the same value for every base, in its range or not.
 */
describe('powerHalf', () => {
  const exponents = [-4.5, -3.5, -2.5, -1.5, -0.5, 1.5, 2.5, 3.5, 4.5];
  const same = (a: unknown, b: unknown): boolean =>
    a instanceof PyFloat && b instanceof PyFloat ? Object.is(a.value, b.value) : Object.is(a, b);

  test('agrees with powerFloat on random positive floats', () => {
    const rng = new Prng(7);
    const differ: string[] = [];
    for (let k = 0; k < 20000; k++) {
      const x = Math.exp((rng.next() - 0.5) * 80);
      for (const c of exponents) if (!same(powerHalf(x, c), powerFloat(x, c))) differ.push(`${x} ** ${c}`);
    }
    expect(differ).toEqual([]);
  });

  test('agrees on the edges: out of range, integral results, ints, boxed floats', () => {
    for (const x of [1e-31, 1e31, 4, 1, 0.25, 0, -2.5, Infinity, NaN, new PyFloat(4), 9]) {
      for (const c of exponents) {
        let ours: unknown;
        let theirs: unknown;
        try { ours = powerHalf(x, c); } catch (e) { ours = String(e); }
        try { theirs = powerFloat(x, c); } catch (e) { theirs = String(e); }
        expect(same(ours, theirs) || JSON.stringify(ours) === JSON.stringify(theirs), `${String(x)} ** ${c}`).toBe(true);
      }
    }
  });
});

describe('isListAt', () => {
  test('holds for a list and an index in range, and nothing else', () => {
    expect(isListAt([0.5, 1.5], 1)).toBe(true);
    expect(isListAt([0.5], 1)).toBe(false);
    expect(isListAt(PyTuple.of(0.5), 0)).toBe(false);
    expect(isListAt('ab', 0)).toBe(false);
    expect(isListAt(null, 0)).toBe(false);
    class Sub extends Array {}
    expect(isListAt(Sub.from([0.5]), 0)).toBe(false);
  });
});
