/**
 * statistics against python3's: mean, variance, pvariance, stdev, pstdev
 * and fmean of many float lists (wide magnitudes, cancellations, ints
 * mixed in) must be CPython's to the last bit — CPython sums exactly with
 * fractions and rounds once. One python3 process answers all the lists.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import '../index.js';
import * as statistics from './statistics.js';
import { repr } from '../builtins/repr.js';
import { PyFloat, float as pyFloat } from '../builtins/values.js';

type Fn = (...args: unknown[]) => unknown;
const S = statistics as unknown as Record<string, Fn>;
const FUNCTIONS = ['mean', 'fmean', 'variance', 'pvariance', 'stdev', 'pstdev'];

/** A deterministic generator (mulberry32), so that failures reproduce. */
function generator(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Data sets: ints (JS integers) and floats (boxed when integral, as the runtime holds them). */
function dataSets(): unknown[][] {
  const rnd = generator(2024);
  const f = (x: number): unknown => pyFloat(x);
  const sets: unknown[][] = [[0.1, 0.2, 0.3], [f(1e16), 1, f(-1e16), 3], [2.5, 2.5], [1, 2, 3, 4], [f(1), f(2)]];
  for (let i = 0; i < 150; i++) {
    const n = 2 + Math.floor(rnd() * 25);
    const scale = 10 ** Math.floor(rnd() * 40 - 20);
    sets.push(Array.from({ length: n }, () => (rnd() < 0.2 ? Math.round(rnd() * 100) : f((rnd() - 0.5) * scale))));
  }
  return sets;
}

describe('statistics', () => {
  it('computes what CPython computes, bit for bit', () => {
    const sets = dataSets();
    const script = `import ast, json, statistics as st, sys\nsets = ast.literal_eval(sys.stdin.read())\n` +
      `print(json.dumps([[repr(getattr(st, f)(d)) for f in ${JSON.stringify(FUNCTIONS)}] for d in sets]))`;
    // repr() writes each value as a Python literal of its type.
    const input = `[${sets.map((d) => `[${d.map((x) => repr(x)).join(', ')}]`).join(', ')}]`;
    const run = spawnSync('python3', ['-c', script], { input, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const expected = JSON.parse(run.stdout) as string[][];
    const got = sets.map((d) => FUNCTIONS.map((f) => repr(S[f]!(d))));
    expect(got).toEqual(expected);
  });

  it('keeps int results for whole values, as CPython', () => {
    expect(S['mean']!([1, 2, 3])).toBe(2);
    expect(S['variance']!([1, 3, 5])).toBe(4);
    expect(S['mean']!([1, 2])).toEqual(1.5);
    // 0.0, which the runtime holds as -0 (values.ts); other integral floats are boxed.
    expect(Object.is(S['stdev']!([1, 1]), -0)).toBe(true);
    expect(S['stdev']!([1, 3, 5])).toBeInstanceOf(PyFloat);
  });
});
