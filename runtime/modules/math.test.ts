/**
 * The math module against python3's: every function on its special values
 * and error cases (exactly), the exact functions (integers, fsum, hypot) on
 * random arguments (exactly), and the transcendental ones on random
 * arguments, where a result may differ from glibc's in its last bit (see
 * runtime/README.md): there the rate of differences is bounded, and every
 * difference must be one ulp. One python3 process answers each batch.
 */
import { describe, expect, it } from 'vitest';
import * as math from './math.js';
import { PyFloat, PyTuple } from '../builtins/values.js';
import { Prng, outcome, randomInt, runPython, type Case } from '../builtins/numbers/testing.js';

const MATH = math as unknown as Record<string, (...args: unknown[]) => unknown>;
const NAMES = Object.keys(math).filter((n) => typeof MATH[n] === 'function' && !n.startsWith('$'));
const PY_FNS = Object.fromEntries(NAMES.map((n) => [n, `math.${n}`]));

/** A float in the runtime's representation. */
function f(x: number): number | PyFloat {
  return Number.isInteger(x) ? new PyFloat(x) : x;
}

const INF = Infinity;
const NAN = NaN;

/**
 * Functions glibc (or CPython itself, for gamma and lgamma) does not round
 * correctly: ours may differ from them by one ulp on any argument.
 */
const NOT_CORRECTLY_ROUNDED = new Set(['expm1', 'sinh', 'cosh', 'erf']);

/**
 * glibc's cbrt and erfc and CPython's own gamma and lgamma are several ulps
 * off (hundreds near lgamma's zeros): ours, correctly rounded, must be close.
 */
const APPROXIMATE = new Set(['cbrt', 'erfc', 'gamma', 'lgamma']);

function closeEnough(a: string, b: string): boolean {
  if (!a.startsWith('=') || !b.startsWith('=')) return false;
  const x = Number(a.slice(1));
  const y = Number(b.slice(1));
  return Math.abs(x - y) <= 1e-13 * Math.max(1, Math.abs(y));
}

/**
 * Runs the cases on both sides; returns the differing ones as text (a
 * one-ulp difference in a function that is not correctly rounded on
 * CPython's side counts only when `strict`).
 */
function compare(cases: readonly Case[], strict = false): { diffs: string[]; expected: string[]; got: string[] } {
  const expected = runPython(PY_FNS, cases);
  const got = cases.map(([name, args]) => outcome(() => MATH[name]!(...args)));
  const diffs: string[] = [];
  cases.forEach(([name, args], k) => {
    if (got[k] === expected[k]) return;
    if (!strict && NOT_CORRECTLY_ROUNDED.has(name) && ulpsApart(got[k]!, expected[k]!) <= 1) return;
    if (APPROXIMATE.has(name) && closeEnough(got[k]!, expected[k]!)) return;
    diffs.push(`${name}(${args.map(showArg).join(', ')}): python ${expected[k]}, ours ${got[k]}`);
  });
  return { diffs, expected, got };
}

function showArg(v: unknown): string {
  if (v instanceof PyFloat) return Object.is(v.value, -0) ? '-0.0' : `${v.value}.0`;
  if (Array.isArray(v)) return `[${v.map(showArg).join(', ')}]`;
  return typeof v === 'bigint' ? `${v}n` : String(v);
}

describe('math special values and errors', () => {
  const specials = [f(0), f(-0), f(1), f(-1), 0.5, -0.5, f(2), f(INF), f(-INF), NAN, f(1e308), f(-1e308), 5e-324, f(1e22), f(-1e22)];
  const ints: unknown[] = [0, 1, -1, 5, -5, 20, 10n ** 30n, -(10n ** 30n), 2n ** 70n, true, false];
  const bad: unknown[] = ['a', null, [1]];
  const unary = [
    'sqrt', 'cbrt', 'exp', 'exp2', 'expm1', 'log', 'log2', 'log10', 'log1p', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan',
    'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'erf', 'erfc', 'gamma', 'lgamma', 'fabs', 'degrees', 'radians',
    'floor', 'ceil', 'trunc', 'isfinite', 'isinf', 'isnan', 'frexp', 'modf', 'ulp',
  ];
  const binary = ['atan2', 'pow', 'copysign', 'fmod', 'remainder', 'nextafter', 'hypot', 'log', 'ldexp'];

  it('unary functions on special floats, ints and bad arguments', () => {
    const cases: Case[] = [];
    for (const name of unary) {
      for (const x of [...specials, ...ints]) cases.push([name, [x]]);
      for (const x of bad) cases.push([name, [x]]);
      cases.push([name, []], [name, [1, 2]]);
    }
    expect(compare(cases).diffs).toEqual([]);
  });

  it('binary functions on pairs of special values', () => {
    const values = [f(0), f(-0), f(1), f(-1), 0.5, -2.5, f(3), f(INF), f(-INF), NAN, f(1e300), 7, -7, 10n ** 400n];
    const cases: Case[] = [];
    for (const name of binary) for (const x of values) for (const y of values) cases.push([name, [x, y]]);
    for (const name of binary) cases.push([name, [1]], [name, ['a', 1]], [name, [1, 'a']]);
    expect(compare(cases).diffs).toEqual([]);
  });

  it('integer functions: values, negative and float arguments, huge ones', () => {
    const cases: Case[] = [];
    for (const x of [...ints, f(5), 5.5, 'a', 10n ** 20n]) {
      cases.push(['factorial', [x]], ['isqrt', [x]], ['gcd', [x, 12]], ['lcm', [x, 12]]);
      cases.push(['comb', [x, 3]], ['comb', [30, x]], ['perm', [x, 3]], ['perm', [x]], ['perm', [30, x]]);
    }
    cases.push(['gcd', []], ['lcm', []], ['gcd', [0, 0]], ['lcm', [4, 6, 0]], ['gcd', [12]], ['lcm', [-12]], ['perm', [5, null]]);
    cases.push(['factorial', [170]], ['factorial', [1000]], ['comb', [1000, 500]], ['perm', [1000, 400]], ['isqrt', [10n ** 401n]]);
    expect(compare(cases).diffs).toEqual([]);
  });

  it('fsum, prod, dist and hypot on special inputs', () => {
    const cases: Case[] = [
      ['fsum', [[]]], ['fsum', [[f(-0)]]], ['fsum', [[f(1e308), f(1e308)]]], ['fsum', [[f(INF), f(-INF)]]], ['fsum', [[f(INF), 1]]],
      ['fsum', [[NAN, f(INF)]]], ['fsum', [['a']]], ['fsum', [[0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]]],
      ['fsum', [[f(1e100), 1, f(-1e100), 1e-100, f(1e50), -1, f(-1e50)]]], ['fsum', [[2n ** 60n, 0.5, -(2n ** 60n)]]], ['fsum', [5]],
      ['prod', [[]]], ['prod', [[2, 3.5, 4]]], ['prod', [['a', 3]]], ['prod', [[2n ** 60n, 2n ** 60n]]], ['prod', [[1, 2], 3]],
      ['dist', [[1], [1, 2]]], ['dist', [PyTuple.of(1, 2), PyTuple.of(4, 6)]], ['dist', [1, 2]], ['dist', [[f(INF), NAN], [0, 0]]],
      ['hypot', []], ['hypot', [3, 4]], ['hypot', [f(INF), NAN]], ['hypot', [NAN, 1]], ['hypot', ['a']], ['hypot', [-5]],
      ['hypot', [f(1e308), f(1e308)]], ['hypot', [5e-324, 5e-324]], ['hypot', [1, 2, 3, 4, 5]],
      ['isclose', [1, 1.0000000001]], ['isclose', [f(INF), f(INF)]], ['isclose', [1, 2, 3]], ['isclose', [NAN, NAN]],
    ];
    expect(compare(cases).diffs).toEqual([]);
  });

  it('keyword arguments, as CPython takes and refuses them', () => {
    const kw = (fn: string, args: unknown[], kwargs: Record<string, unknown>): string =>
      outcome(() => (MATH[fn] as unknown as { $kw(a: unknown[], k: Record<string, unknown>): unknown }).$kw(args, kwargs));
    expect(kw('isclose', [1, 1.05], { rel_tol: 0.1 })).toBe('=True');
    expect(kw('isclose', [1, 1.05], { abs_tol: 0.01 })).toBe('=False');
    expect(kw('isclose', [1, 2], { rel_tol: -1 })).toBe('!ValueError: tolerances must be non-negative');
    expect(kw('isclose', [], { a: 1, b: 1 })).toBe('=True');
    expect(kw('prod', [[2, 3]], { start: 2 })).toBe('=12');
    expect(kw('sqrt', [], { x: 1 })).toBe('!TypeError: math.sqrt() takes no keyword arguments');
  });
});

const view = new DataView(new ArrayBuffer(8));

function bitsOf(x: number): bigint {
  view.setFloat64(0, x);
  return view.getBigInt64(0);
}

/** How many doubles apart two results are (Infinity when they are not both finite floats). */
function ulpsApart(a: string, b: string): number {
  if (!a.startsWith('=') || !b.startsWith('=')) return Infinity;
  const x = Number(a.slice(1));
  const y = Number(b.slice(1));
  if (!Number.isFinite(x) || !Number.isFinite(y)) return Infinity;
  return Math.abs(Number(bitsOf(x) - bitsOf(y)));
}

describe('math on random arguments', () => {
  const rng = new Prng(20240611);
  const uniform = (): number => rng.next() + rng.next() / 4294967296;
  const between = (lo: number, hi: number): number => lo + (hi - lo) * uniform();
  const wide = (lo: number, hi: number): number => (rng.chance(0.5) ? -1 : 1) * Math.exp(between(lo, hi));
  const positive = (lo: number, hi: number): number => Math.exp(between(lo, hi));

  /** Argument generators, and the share of results allowed to differ by one ulp (0: exact). */
  const FUNCTIONS: [string, () => unknown[], number][] = [
    ['sqrt', () => [f(positive(-700, 700))], 0],
    ['exp', () => [f(between(-745, 709))], 0.005],
    ['exp2', () => [f(between(-1070, 1020))], 0.005],
    ['expm1', () => [f(between(-40, 700))], 0.12],
    ['log', () => [f(positive(-700, 700))], 0.005],
    ['log2', () => [f(positive(-700, 700))], 0.005],
    ['log10', () => [f(positive(-700, 700))], 0.01],
    ['log1p', () => [f(between(-0.999, 1000))], 0.01],
    ['sin', () => [f(wide(-10, 40))], 0.01],
    ['cos', () => [f(wide(-10, 40))], 0.01],
    ['tan', () => [f(wide(-10, 40))], 0.01],
    ['atan', () => [f(wide(-20, 20))], 0.01],
    ['asin', () => [f(between(-1, 1))], 0.01],
    ['acos', () => [f(between(-1, 1))], 0.01],
    ['atan2', () => [f(wide(-300, 300)), f(wide(-300, 300))], 0.01],
    ['sinh', () => [f(between(-710, 710))], 0.15],
    ['cosh', () => [f(between(-710, 710))], 0.15],
    ['tanh', () => [f(between(-25, 25))], 0.01],
    ['asinh', () => [f(wide(-20, 20))], 0.03],
    ['acosh', () => [f(1 + positive(-30, 30))], 0.03],
    ['atanh', () => [f(between(-1, 1))], 0.01],
    ['cbrt', () => [f(wide(-300, 300))], 1],
    ['erf', () => [f(between(-7, 7))], 0.05],
    ['erfc', () => [f(between(-7, 28))], 1],
    ['gamma', () => [f(between(-170, 171))], 1],
    ['lgamma', () => [f(wide(-10, 100))], 1],
    ['pow', () => [f(positive(-20, 20)), f(between(-30, 30))], 0.005],
    ['hypot', () => Array.from({ length: rng.range(2, 5) }, () => f(wide(-600, 600))), 0],
    ['fsum', () => [Array.from({ length: rng.range(1, 30) }, () => f(wide(-60, 60)))], 0],
    ['fmod', () => [f(wide(-50, 50)), f(wide(-50, 50))], 0],
    ['remainder', () => [f(wide(-50, 50)), f(wide(-50, 50))], 0],
    ['ldexp', () => [f(wide(-50, 50)), rng.range(-1100, 1100)], 0],
    ['frexp', () => [f(wide(-700, 700))], 0],
    ['modf', () => [f(wide(-40, 40))], 0],
  ];

  for (const [name, args, allowed] of FUNCTIONS) {
    it(`${name}: ${allowed === 0 ? 'exact' : `within one ulp, at most ${allowed * 100}% different`}`, () => {
      const cases: Case[] = Array.from({ length: 2000 }, () => [name, args()]);
      const { diffs, expected, got } = compare(cases, true);
      const far = cases.map((_, k) => k).filter((k) => got[k] !== expected[k] && ulpsApart(got[k]!, expected[k]!) > 1 && !(APPROXIMATE.has(name) && closeEnough(got[k]!, expected[k]!)));
      expect(far.map((k) => diffs.find((d) => d.includes(expected[k]!)))).toEqual([]);
      if (allowed === 0) expect(diffs).toEqual([]);
      else expect(diffs.length).toBeLessThanOrEqual(allowed * cases.length);
    });
  }

  it('integer functions on random ints of every size', () => {
    const cases: Case[] = [];
    for (let k = 0; k < 400; k++) {
      const a = randomInt(rng);
      const b = randomInt(rng);
      cases.push(['gcd', [a, b]], ['lcm', [a, b]], ['isqrt', [a]], ['floor', [a]], ['trunc', [b]]);
      const n = rng.range(0, 300);
      cases.push(['comb', [n, rng.range(0, n + 5)]], ['perm', [n, rng.range(0, n + 5)]], ['factorial', [rng.range(0, 400)]]);
    }
    expect(compare(cases).diffs).toEqual([]);
  });
});
