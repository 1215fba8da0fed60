/**
 * Test support for the numbers modules (not part of the runtime): value
 * pools around the representation's edges, and a runner that evaluates a
 * whole batch of calls in one python3 process and compares each outcome
 * (repr of the result, or exception type and message) with ours.
 */
import { spawnSync } from 'node:child_process';
import { BaseException, exceptionStr } from '../exceptions.js';
import { NotImplemented } from '../notImplemented.js';
import { PyComplex, PyFloat, PyTuple, float, isIntNumber } from '../values.js';
import { repr } from '../repr.js';
import { Prng } from '../../../tests/support/prng.js';
import { reprComplex, reprNumber } from './repr.js';
// Error messages quote strings with repr: the str module's hook must be in place.
import '../str/repr.js';

export { Prng };

/** A call: the name of a function known on both sides and its arguments. */
export type Case = [name: string, args: unknown[]];

const view = new DataView(new ArrayBuffer(8));

function floatHex(x: number): string {
  view.setFloat64(0, x);
  return view.getBigUint64(0).toString(16).padStart(16, '0');
}

export function floatFromBits(bits: bigint): number {
  view.setBigUint64(0, bits);
  return view.getFloat64(0);
}

/** JSON form of an argument, exact for floats (their bits). */
function encode(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'number':
      // `+ 0`: 0.0 is held as -0 (values.ts).
      return isIntNumber(v) ? { i: String(v) } : { f: floatHex(v + 0) };
    case 'bigint':
      // Hex: Python's decimal int() would refuse more than 4300 digits.
      return { x: v.toString(16) };
    case 'boolean':
      return { b: v };
    case 'string':
      return { s: v };
  }
  if (v instanceof PyFloat) return { f: floatHex(v.value) };
  if (v instanceof PyComplex) return { c: [floatHex(v.real), floatHex(v.imag)] };
  if (Array.isArray(v)) return { l: v.map(encode) };
  throw new Error(`cannot encode ${String(v)}`);
}

const PY_PRELUDE = String.raw`
import json, struct, sys, math
sys.set_int_max_str_digits(4300)
def dec(v):
    if v is None: return None
    if 'i' in v: return int(v['i'])
    if 'x' in v: return int(v['x'], 16)
    if 'f' in v: return struct.unpack('>d', bytes.fromhex(v['f']))[0]
    if 'b' in v: return v['b']
    if 's' in v: return v['s']
    if 'c' in v: return complex(*(struct.unpack('>d', bytes.fromhex(h))[0] for h in v['c']))
    if 'l' in v: return [dec(x) for x in v['l']]
def num(x): return isinstance(x, (int, float))
def show(r):
    if r is NotImplemented: return 'NotImplemented'
    return '=' + repr(r)
`;

const PY_LOOP = String.raw`
out = []
for name, args in json.load(sys.stdin):
    try:
        out.append(show(FNS[name](*[dec(a) for a in args])))
    except Exception as e:
        out.append('!' + type(e).__name__ + ': ' + str(e))
json.dump(out, sys.stdout)
`;

/** Runs the cases through python3: `fns` maps each name to a Python expression for a callable. */
export function runPython(fns: Record<string, string>, cases: readonly Case[]): string[] {
  const table = 'FNS = {' + Object.entries(fns).map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(', ') + '}\n';
  const script = PY_PRELUDE + table + PY_LOOP;
  const input = JSON.stringify(cases.map(([name, args]) => [name, args.map(encode)]));
  const run = spawnSync('python3', ['-c', script], { input, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as string[];
}

/** Our outcome in the same form as the Python side's. */
export function show(r: unknown): string {
  if (r === NotImplemented) return 'NotImplemented';
  return '=' + reprValue(r);
}

function reprValue(r: unknown): string {
  if (r instanceof PyTuple) return '(' + r.map(reprValue).join(', ') + (r.length === 1 ? ',)' : ')');
  if (r instanceof PyComplex) return reprComplex(r);
  if (typeof r === 'string') return repr(r);
  if (r === null || r === undefined) return 'None';
  return reprNumber(r as number);
}

export function outcome(f: () => unknown): string {
  try {
    return show(f());
  } catch (e) {
    if (e instanceof BaseException) return '!' + (e.constructor as typeof BaseException).__name__ + ': ' + exceptionStr(e);
    throw e;
  }
}

/**
 * Runs every case on both sides; returns the differences (at most `limit`)
 * as readable lines, and how many cases there were.
 */
export function differences(
  fns: Record<string, string>,
  ours: Record<string, (...args: never[]) => unknown>,
  cases: readonly Case[],
  limit = 20,
): string[] {
  const expected = runPython(fns, cases);
  const diffs: string[] = [];
  for (let k = 0; k < cases.length; k++) {
    const [name, args] = cases[k]!;
    const fn = ours[name] as (...a: unknown[]) => unknown;
    const got = outcome(() => fn(...args));
    if (got !== expected[k]) {
      diffs.push(`${name}(${args.map(argText).join(', ')}): python ${expected[k]}, ours ${got}`);
      if (diffs.length >= limit) break;
    }
  }
  return diffs;
}

function argText(v: unknown): string {
  if (typeof v === 'number' && !isIntNumber(v)) return Object.is(v, -0) ? '-0 /* 0.0 */' : String(v);
  if (v instanceof PyFloat) return `float(${v.value})`;
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(argText).join(', ')}]`;
  if (v instanceof PyComplex) return `complex(${v.real}, ${v.imag})`;
  return String(v);
}

/** A float in our representation. */
export const f: (x: number) => number | PyFloat = float;

/** An int in our representation. */
export function i(x: number | bigint): number | bigint {
  if (typeof x === 'number') return x;
  return x >= -9007199254740991n && x <= 9007199254740991n ? Number(x) : x;
}

const SAFE = 9007199254740991;

/** Ints around every edge of the representation, and random ones of all sizes. */
export function randomInt(rng: Prng): number | bigint {
  switch (rng.int(10)) {
    case 0:
      return rng.range(-10, 10);
    case 1:
      return rng.range(-1000000, 1000000);
    case 2:
      return i(BigInt(rng.pick([SAFE, -SAFE, 2 ** 31, -(2 ** 31), 2 ** 32, 2 ** 52])) + BigInt(rng.range(-3, 3)));
    case 3:
      return rng.pick([1, -1]) * rng.int(SAFE);
    case 4: {
      let b = 0n;
      const words = rng.range(1, 4);
      for (let k = 0; k < words; k++) b = (b << 32n) | BigInt(rng.int(2 ** 32));
      return i(rng.chance(0.5) ? -b : b);
    }
    case 5: {
      let b = 0n;
      const words = rng.range(4, 40);
      for (let k = 0; k < words; k++) b = (b << 32n) | BigInt(rng.int(2 ** 32));
      return i(rng.chance(0.5) ? -b : b);
    }
    case 6:
      return i((rng.chance(0.5) ? 1n : -1n) * 2n ** BigInt(rng.range(50, 1100)) + BigInt(rng.range(-2, 2)));
    case 7:
      return rng.range(-100, 100) * 2 ** rng.range(0, 20);
    default:
      return rng.range(-50, 50);
  }
}

/** Floats of every kind: decimals, halves, integral values, random bits, signed zeros, inf, nan. */
export function randomFloat(rng: Prng): number | PyFloat {
  switch (rng.int(12)) {
    case 0:
      return f(rng.range(-100000, 100000) / 1000);
    case 1:
      return f(rng.range(-100, 100) + 0.5);
    case 2:
      return f(rng.range(-1000, 1000));
    case 3:
    case 4: {
      // Random bits: every exponent, subnormals included (nan and inf are rare here).
      const hi = BigInt(rng.int(2 ** 32));
      const lo = BigInt(rng.int(2 ** 32));
      return f(floatFromBits((hi << 32n) | lo));
    }
    case 5:
      return f(rng.pick([0, -0, Infinity, -Infinity, NaN, 0.1, 0.5, 1e16, 1e-5, 2 ** 53, 2 ** 63, 1.7976931348623157e308, 5e-324, -2.5, 1e22, 123456789.125]));
    case 6:
      return f((rng.next() - 0.5) * 10 ** rng.range(-30, 30));
    case 7:
      return f(rng.pick([1, -1]) * rng.next() * 2 ** 53);
    case 8:
      return f(rng.range(-20, 20) / 8);
    default:
      return f((rng.next() - 0.5) * 200);
  }
}

/** Any number: ints, floats and bools. */
export function randomNumber(rng: Prng): unknown {
  const k = rng.int(10);
  if (k < 4) return randomInt(rng);
  if (k < 9) return randomFloat(rng);
  return rng.chance(0.5);
}

/** Values every binary operation is tried on, against each other. */
export const SPECIAL_NUMBERS: unknown[] = [
  0, 1, -1, 2, -2, 3, 7, -7, 10, SAFE, -SAFE, 9007199254740992n, -9007199254740992n, 2n ** 64n, -(2n ** 64n),
  2n ** 1100n, true, false, f(0), f(-0), f(1), f(-1), 0.5, -0.5, 2.5, -7.5, 1e-300, f(1e300), f(Infinity), f(-Infinity), NaN,
  f(2 ** 53), 1.5,
];

/** Non-numbers: operations on them must return NotImplemented. */
export const NON_NUMBERS: unknown[] = [null, 'a', [1]];
