import { describe, expect, test } from 'vitest';
import { numberPow } from './pow.js';
import { halfIntegerPow, halfIntegerPowLoop } from './fpow.js';
import { runPython, Prng, type Case } from './testing.js';
import { PyFloat } from '../values.js';

/**
 * The fast paths of float `**` (half-integer exponents from a corrected
 * candidate, small exponents, the general log/exp path) against python3:
 * against the correctly rounded value (decimal arithmetic at 60 digits)
 * exactly, and against CPython's own `**` (glibc's pow, which is not quite
 * always correctly rounded) but for rare one-ulp differences.
 */
const PY = {
  exact: "lambda x, y: float(__import__('decimal').Context(prec=60).power(__import__('decimal').Decimal(x), __import__('decimal').Decimal(y)))",
  cpython: 'lambda x, y: x ** y',
};

const HALF_INTEGERS = [0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 3.5, -3.5, 4.5, -4.5];

function cases(): [number, number][] {
  const rng = new Prng(2024);
  const out: [number, number][] = [];
  // Bases across the half-integer fast path's range and beyond its edges (1e-30, 1e30).
  for (let k = 0; k < 6000; k++) {
    const x = (0.5 + rng.next()) * 2 ** rng.range(-120, 120) + rng.next() * 1e-12;
    out.push([x, rng.pick(HALF_INTEGERS)]);
  }
  // nbody's shape: sums of squares to the power -1.5.
  for (let k = 0; k < 2000; k++) out.push([rng.next() * 1000 + 1e-3, -1.5]);
  // Small integral and general fractional exponents.
  for (let k = 0; k < 2000; k++) {
    const x = (0.5 + rng.next()) * 2 ** rng.range(-40, 40);
    out.push([x, rng.chance(0.5) ? rng.range(-12, 12) + 0 : (rng.next() - 0.5) * 16]);
  }
  // Non-integral bases: float ** number (an integral JS number would be an int).
  return out.filter(([x, y]) => y !== 0 && !Number.isInteger(x));
}

function value(r: unknown): number {
  return r instanceof PyFloat ? r.value : (r as number);
}

describe('float ** against python3', () => {
  const all = cases();
  const calls: Case[] = all.flatMap(([x, y]): Case[] => [['exact', [x, y]], ['cpython', [x, y]]]);
  const py = runPython(PY, calls).map((s) => Number(s.slice(1)));

  test('the correctly rounded result, every path', () => {
    const wrong = all.filter(([x, y], i) => value(numberPow(x, y)) !== py[2 * i]).map(([x, y]) => `${x} ** ${y}`);
    expect(wrong).toEqual([]);
  });

  test("CPython's result but for rare one-ulp differences", () => {
    const ours = all.map(([x, y]) => value(numberPow(x, y)));
    const diffs = ours.map((r, i) => [r, py[2 * i + 1]!] as const).filter(([r, cp]) => r !== cp);
    const farther = diffs.filter(([r, cp]) => !(Math.abs(r - cp) <= Math.abs(r) * 2 ** -52 * 1.01));
    expect(farther).toEqual([]);
    expect(diffs.length).toBeLessThan(all.length / 200);
  });
});

test('x ** -1.5 unrolled is the loop, bit for bit', () => {
  const rng = new Prng(1515);
  const differ: number[] = [];
  for (let k = 0; k < 200000; k++) {
    // Across the whole range the path takes (1e-30, 1e30), and nbody's sums of squares.
    const x = k % 2 === 0 ? (0.5 + rng.next()) * 2 ** rng.range(-99, 99) : rng.next() * 1000 + 1e-3;
    if (!(x > 1e-30 && x < 1e30)) continue;
    if (!Object.is(halfIntegerPow(x, -1.5), halfIntegerPowLoop(x, -1.5))) differ.push(x);
  }
  for (const x of [1, 2, 4, 0.25, 9, 1e-29, 9.99e29]) if (!Object.is(halfIntegerPow(x, -1.5), halfIntegerPowLoop(x, -1.5))) differ.push(x);
  expect(differ).toEqual([]);
});
