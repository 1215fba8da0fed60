/**
 * math's fast paths (fast.ts) against the double-double code they stand in
 * front of: bit for bit on random arguments across each function's domain
 * and on the hard cases (near 1 for log, near multiples of pi/2, the
 * ends of exp's range, near +-1 for asin and acos...). MATH_FAST_N raises
 * the number of random arguments per function (default 100,000; 2,000,000
 * were run once for every function when fast.ts was written).
 */
import { describe, expect, it } from 'vitest';
import * as real from './real.js';
import * as trig from './trig.js';
import * as special from './special.js';

const N = Number(process.env['MATH_FAST_N'] ?? 100000);

/** xorshift128+, seeded: reproducible arguments. */
class Rng {
  private a = 0x9e3779b9;
  private b = 0x243f6a88;
  private c = 0xb7e15162;
  private d = 0x12345678;
  constructor(seed: number) {
    this.a ^= seed;
    for (let i = 0; i < 20; i++) this.u32();
  }
  u32(): number {
    const t = this.a ^ (this.a << 11);
    this.a = this.b;
    this.b = this.c;
    this.c = this.d;
    this.d = (this.d ^ (this.d >>> 19) ^ (t ^ (t >>> 8))) >>> 0;
    return this.d;
  }
  /** Uniform in [0, 1) with 53 random bits. */
  unit(): number {
    return ((this.u32() >>> 5) * 67108864 + (this.u32() >>> 6)) / 9007199254740992;
  }
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.unit();
  }
  /** Log-uniform magnitude in [2**lo, 2**hi), random sign when signed. */
  logUniform(lo: number, hi: number, signed: boolean): number {
    const v = 2 ** this.uniform(lo, hi) * (1 + this.unit() * 2 ** -20);
    return signed && this.u32() & 1 ? -v : v;
  }
}

function bits(x: number): string {
  const v = new DataView(new ArrayBuffer(8));
  v.setFloat64(0, x);
  return `${x} (${v.getBigUint64(0).toString(16)})`;
}

function same(a: number, b: number): boolean {
  return Object.is(a, b);
}

function outcome(f: () => number): number | string {
  try {
    return f();
  } catch (e) {
    return (e as Error).message;
  }
}

/** Runs f and ref on every argument; returns the first few mismatches. */
function mismatches(args: Iterable<number>, f: (x: number) => number, ref: (x: number) => number): string[] {
  const out: string[] = [];
  for (const x of args) {
    const a = outcome(() => f(x));
    const b = outcome(() => ref(x));
    const ok = typeof a === 'number' && typeof b === 'number' ? same(a, b) : a === b;
    if (!ok && out.length < 5) out.push(`x=${bits(x)}: ${typeof a === 'number' ? bits(a) : a} != ${typeof b === 'number' ? bits(b) : b}`);
  }
  return out;
}

function* randoms(seed: number, n: number, gen: (r: Rng) => number): Generator<number> {
  const r = new Rng(seed);
  for (let i = 0; i < n; i++) yield gen(r);
}

/** Each double within `width` ulps of each of the points. */
function* around(points: number[], width: number): Generator<number> {
  for (const p of points) {
    let x = p;
    for (let i = 0; i < width; i++) x = nextDown(x);
    for (let i = 0; i <= 2 * width; i++, x = nextUp(x)) yield x;
  }
}

function nextUp(x: number): number {
  if (x === 0) return 5e-324;
  const v = new DataView(new ArrayBuffer(8));
  v.setFloat64(0, x);
  v.setBigInt64(0, v.getBigInt64(0) + (x > 0 ? 1n : -1n));
  return v.getFloat64(0);
}

function nextDown(x: number): number {
  return -nextUp(-x);
}

const SPECIAL = [0, -0, 5e-324, -5e-324, 2.2250738585072014e-308, -2.2250738585072014e-308, 1e-300, 1e-20, 1.4901161193847656e-8, 0.5, 1, -1, 2, 3, 10, 100, 1e10, 1e300, 1.7976931348623157e308, -1.7976931348623157e308, Infinity, -Infinity, NaN];

interface Case {
  name: string;
  f: (x: number) => number;
  ref: (x: number) => number;
  gens: ((r: Rng) => number)[];
  points: number[];
}

const PIO2 = Math.PI / 2;
const multiplesOfHalfPi = Array.from({ length: 40 }, (_, k) => (k - 20) * PIO2).concat([1e5 * PIO2, 2 ** 18 * PIO2, 333331 * PIO2]);

const CASES: Case[] = [
  {
    name: 'exp', f: real.exp, ref: (x) => (Math.abs(x) < 1.1102230246251565e-16 || x < -745.1332191019412 || !(x <= 709.782712893384) ? real.exp(x) : real.expDD(x)),
    gens: [(r) => r.uniform(-746, 710), (r) => r.uniform(-1, 1), (r) => r.logUniform(-60, 9.5, true)],
    points: [709.782712893384, 709.78, 708.39641853226408, -708.3964185322641, -708.4, -707.7, -745.1332191019412, -744.44, 0, 1, -1, 2 ** -54, 1e-10],
  },
  {
    name: 'exp2', f: real.exp2, ref: (x) => {
      const k = Math.round(x);
      const f = x - k;
      return f === 0 || !(x <= 1024) || x < -1075 ? real.exp2(x) : real.exp2DD(k, f);
    },
    gens: [(r) => r.uniform(-1076, 1025), (r) => r.uniform(-2, 2), (r) => r.logUniform(-60, 10, true)],
    points: [1024, 1023.5, 1023, -1022, -1021.5, -1021, -1074, -1075, 0.5, -0.5, 1e-10],
  },
  {
    name: 'expm1', f: real.expm1, ref: (x) => (Math.abs(x) < 5.551115123125783e-17 || x < -38 || !(x <= 709.782712893384) ? real.expm1(x) : real.expm1DD(x)),
    gens: [(r) => r.uniform(-40, 710), (r) => r.uniform(-1, 1), (r) => r.logUniform(-60, 9.5, true)],
    points: [709.782712893384, 709.78, -38, -37.9, 0.0026, -0.0026, 0.0027, -0.0027, 0.34657359027997264, -0.34657359027997264, 0.6931471805599453, 2 ** -54, 1e-10],
  },
  {
    name: 'log', f: real.log, ref: (x) => (x > 0 && x !== 1 && x !== Infinity ? real.logSlow(x) : real.log(x)),
    gens: [(r) => r.logUniform(-1074, 1024, false), (r) => r.uniform(0, 4), (r) => 1 + r.logUniform(-53, -5, true)],
    points: [1, 0.9921875, 1.0078125, 2, 0.5, 0.75, 1.5, 1.9999999999999998, 2.2250738585072014e-308, 1e-310, 5e-324, 1.7976931348623157e308],
  },
  {
    name: 'log2', f: real.log2, ref: (x) => (x > 0 && x !== Infinity ? real.log2DD(x) : real.log2(x)),
    gens: [(r) => r.logUniform(-1074, 1024, false), (r) => r.uniform(0, 4), (r) => 1 + r.logUniform(-53, -5, true)],
    points: [1, 0.9921875, 1.0078125, 2, 4, 0.5, 2 ** -1022, 2 ** -1074, 2 ** 1023, 3, 1e-310],
  },
  {
    name: 'sin', f: real.sin, ref: (x) => (Number.isFinite(x) ? trig.sin(x) : real.sin(x)),
    gens: [(r) => r.uniform(-10, 10), (r) => r.uniform(-1e6, 1e6), (r) => r.logUniform(-30, 25, true)],
    points: multiplesOfHalfPi,
  },
  {
    name: 'cos', f: real.cos, ref: (x) => (Number.isFinite(x) ? trig.cos(x) : real.cos(x)),
    gens: [(r) => r.uniform(-10, 10), (r) => r.uniform(-1e6, 1e6), (r) => r.logUniform(-30, 25, true)],
    points: multiplesOfHalfPi,
  },
  {
    name: 'tan', f: real.tan, ref: (x) => (Number.isFinite(x) ? trig.tan(x) : real.tan(x)),
    gens: [(r) => r.uniform(-10, 10), (r) => r.uniform(-1e6, 1e6), (r) => r.logUniform(-30, 25, true)],
    points: multiplesOfHalfPi,
  },
  {
    name: 'atan', f: real.atan, ref: trig.atan,
    gens: [(r) => r.uniform(-4, 4), (r) => r.logUniform(-30, 60, true)],
    points: [1, -1, 2 ** 30, 2 ** 53, 2 ** 54, 1.4901161193847656e-8, 0.5, 1e20],
  },
  {
    name: 'asin', f: real.asin, ref: (x) => (x > -1 && x < 1 ? trig.asin(x) : real.asin(x)),
    gens: [(r) => r.uniform(-1, 1), (r) => r.logUniform(-30, 0, true), (r) => (1 - r.logUniform(-53, -1, false)) * (r.u32() & 1 ? 1 : -1)],
    points: [1, -1, 0.5, -0.5, 0.7071067811865476, 1.4901161193847656e-8],
  },
  {
    name: 'acos', f: real.acos, ref: (x) => (x > -1 && x < 1 ? trig.acos(x) : real.acos(x)),
    gens: [(r) => r.uniform(-1, 1), (r) => r.logUniform(-60, 0, true), (r) => (1 - r.logUniform(-53, -1, false)) * (r.u32() & 1 ? 1 : -1)],
    points: [1, -1, 0.5, -0.5, 0.7071067811865476, 1e-20, 0, -0],
  },
];

/** atan2 on pairs: the second argument comes from a second stream. */
function atan2Ref(y: number, x: number): number {
  if (x !== x || y !== y || !Number.isFinite(x) || !Number.isFinite(y) || x === 0 || y === 0) return real.atan2(y, x);
  return trig.atan2(y, x);
}

describe('fast paths agree with the double-double code bit for bit', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const found: string[] = [];
      c.gens.forEach((g, i) => found.push(...mismatches(randoms(i * 7919 + c.name.length, Math.ceil(N / c.gens.length), g), c.f, c.ref)));
      found.push(...mismatches(around([...c.points, ...SPECIAL.filter(Number.isFinite)], 3), c.f, c.ref));
      found.push(...mismatches(SPECIAL, c.f, c.ref));
      expect(found).toEqual([]);
    });
  }

  it('atan2', () => {
    const r = new Rng(99);
    const found: string[] = [];
    const pairs: [number, number][] = [];
    for (let i = 0; i < N; i++) {
      const k = i % 3;
      if (k === 0) pairs.push([r.uniform(-10, 10), r.uniform(-10, 10)]);
      else if (k === 1) pairs.push([r.logUniform(-320, 320, true), r.logUniform(-320, 320, true)]);
      else pairs.push([r.logUniform(-5, 5, true), r.logUniform(-40, 40, true)]);
    }
    for (const y of SPECIAL) for (const x of SPECIAL) pairs.push([y, x]);
    for (const [y, x] of pairs) {
      const a = outcome(() => real.atan2(y, x));
      const b = outcome(() => atan2Ref(y, x));
      if (!Object.is(a, b) && found.length < 5) found.push(`atan2(${y}, ${x}): ${a} != ${b}`);
    }
    expect(found).toEqual([]);
  });
});

export { special };
