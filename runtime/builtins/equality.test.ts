import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { Prng } from '../../tests/support/prng.js';
import { BaseException } from './exceptions.js';
import { compare, eq, equalityHooks, eqItem, ge, gt, hash, le, lt, ne, pyHash, strCompare } from './equality.js';
import { PyDict } from './dict.js';
import { PyFrozenSet, PySet } from './set.js';
import { repr } from './repr.js';
import './list.js';
import './tuple.js';
import './str/repr.js';
import { PyBytes, PyComplex, PyFloat, PyTuple } from './values.js';

/**
 * ==, the order operators and hash() on random pairs of values of every
 * builtin representation, against python3 (one process for the file).
 */

/** Python source for a value (float repr is the numbers module's, so numbers are written here). */
function src(v: unknown): string {
  if (typeof v === 'number') {
    if (v !== v) return "float('nan')";
    if (v === Infinity) return "float('inf')";
    if (v === -Infinity) return "-float('inf')";
    return String(v);
  }
  if (v instanceof PyFloat) return Object.is(v.value, -0) ? '-0.0' : `${BigInt(v.value)}.0`;
  if (v instanceof PyComplex) return `complex(${src(v.real)}, ${src(v.imag)})`;
  if (v instanceof PyBytes) return `bytes(${JSON.stringify(Array.from(v.bytes))})`;
  if (v instanceof PyTuple) return v.length === 1 ? `(${src(v[0])},)` : `(${v.map(src).join(', ')})`;
  if (Array.isArray(v)) return `[${v.map(src).join(', ')}]`;
  if (v instanceof PyFrozenSet) return `frozenset([${[...v].map(src).join(', ')}])`;
  if (v instanceof PySet) return `set([${[...v].map(src).join(', ')}])`;
  if (v instanceof PyDict) return `dict([${[...v].map((k) => `(${src(k)}, ${src(v.$get(k))})`).join(', ')}])`;
  return repr(v);
}

const rng = new Prng(Number(process.env.CONTAINERS_SEED ?? 31337));

function scalar(): unknown {
  return rng.pick<() => unknown>([
    () => rng.range(-3, 3),
    () => rng.pick([true, false, null]),
    () => rng.pick([0.5, -0.5, 1e-7, 1.5, NaN, Infinity, -Infinity]),
    () => new PyFloat(rng.pick([0, -0, 1, 2, 2 ** 53, 2 ** 60, -(2 ** 60), 2 ** 63, 1e20, 1e300])),
    () => rng.pick([2n ** 53n + 1n, 2n ** 60n, -(2n ** 60n), 2n ** 63n, 2n ** 61n - 1n, 10n ** 20n, 2n ** 1100n]),
    () => rng.pick([9007199254740991, -9007199254740991, 2 ** 40]),
    () => rng.pick(['', 'a', 'b', 'ab', 'é', '\uffff', '\u{10000}', 'a\u{10000}', 'a\uffff']),
    () => new PyComplex(rng.pick([0, 1, 1.5]), rng.pick([0, 0, 1])),
    () => new PyBytes(Uint8Array.from(rng.pick([[], [97], [97, 98], [255]]))),
  ])();
}

function value(depth = 0): unknown {
  if (depth > 1 || rng.chance(0.6)) return scalar();
  // No NaN inside containers: CPython's two literals are two objects, and container == checks identity first.
  const items = Array.from({ length: rng.int(3) }, () => value(depth + 1)).map((v) => (v !== v ? 0 : v));
  switch (rng.int(5)) {
    case 0:
    case 1:
      return PyTuple.fromArray(items);
    case 2:
      return items;
    case 3:
      return new PyFrozenSet(items.filter((i) => typeof i === 'number'));
    default:
      return new PySet(items.filter((i) => typeof i === 'number'));
  }
}

/** Values whose CPython hash is the same in every process (no str, bytes, None, NaN inside). */
function fixedHash(v: unknown): boolean {
  if (typeof v === 'string' || v === null || v instanceof PyBytes || (typeof v === 'number' && v !== v)) return false;
  if (v instanceof PyComplex) return v.real === v.real && v.imag === v.imag;
  if (v instanceof PyTuple || v instanceof PyFrozenSet) return [...v].every(fixedHash);
  return true;
}

const OPS: Array<[string, (a: unknown, b: unknown) => boolean]> = [
  ['==', eq],
  ['!=', ne],
  ['<', lt],
  ['<=', le],
  ['>', gt],
  ['>=', ge],
];

function outcome(f: () => unknown): string {
  try {
    const r = f();
    return typeof r === 'boolean' ? (r ? 'True' : 'False') : String(r);
  } catch (e) {
    if (!(e instanceof BaseException)) throw e;
    return `${(e.constructor as typeof BaseException).__name__}: ${e.message}`;
  }
}

describe('equality, order and hash against CPython', () => {
  const pairs = Array.from({ length: 3000 }, () => {
    const a = value();
    const b = rng.chance(0.15) ? a : value();
    return { a, b, op: rng.pick(OPS) };
  });
  const hashed = pairs.map((p) => p.a).filter(fixedHash);
  const script = `
import sys, json
cases = json.load(sys.stdin)
def run(f):
    try:
        return str(f())
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)
out = [run(lambda: eval(c)) for c in cases['compare']]
out2 = [run(lambda: hash(eval(c))) for c in cases['hash']]
sys.stdout.write(json.dumps([out, out2]))
`;
  const run = spawnSync('python3', ['-c', script], {
    input: JSON.stringify({
      compare: pairs.map(({ a, b, op }) => `${src(a)} ${op[0]} ${src(b)}`),
      hash: hashed.map(src),
    }),
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (run.status !== 0) throw new Error(run.stderr);
  const [compared, hashes] = JSON.parse(run.stdout) as [string[], string[]];

  it('agrees on == != < <= > >= (results and TypeErrors)', () => {
    for (let i = 0; i < pairs.length; i++) {
      const { a, b, op } = pairs[i]!;
      // (Python evaluates two separate literals, so `x == x` of a nan is False there too.)
      const got = outcome(() => op[1](a, b));
      if (got !== compared[i]) expect(got, `${src(a)} ${op[0]} ${src(b)}`).toBe(compared[i]);
    }
  });

  it('agrees on hash() for every type whose hash CPython fixes', () => {
    expect(hashed.length).toBeGreaterThan(800);
    for (let i = 0; i < hashed.length; i++) {
      const got = outcome(() => pyHash(hashed[i]));
      if (got !== hashes[i]) expect(got, src(hashed[i])).toBe(hashes[i]);
    }
  });
});

describe('equality', () => {
  it('counts every NaN as the same object in containers, as `x in [x]` in CPython', () => {
    expect(eq(NaN, NaN)).toBe(false);
    expect(eqItem(NaN, NaN)).toBe(true);
    expect(eq([NaN], [NaN])).toBe(true);
  });

  it('orders strings by code point, not UTF-16 unit', () => {
    expect(strCompare('\uffff', '\u{10000}')).toBeLessThan(0);
    expect('\uffff' < '\u{10000}').toBe(false); // what JS alone would say
    expect(lt('a\uffff', 'a\u{10000}')).toBe(true);
  });

  it('gives equal values equal 32-bit hashes', () => {
    expect(hash(1)).toBe(hash(true));
    expect(hash(1)).toBe(hash(new PyFloat(1)));
    expect(hash(2n ** 60n)).toBe(hash(new PyFloat(2 ** 60)));
    expect(hash(-1)).toBe(-2);
    expect(hash(PyTuple.of(1, 2))).toBe(hash(PyTuple.of<unknown>(new PyFloat(1), 2)));
    expect(() => hash([1])).toThrow("unhashable type: 'list'");
  });

  it('asks the hooks about objects it does not know', () => {
    class Money {
      constructor(readonly cents: number) {}
    }
    equalityHooks.eq = (a, b) => (a instanceof Money && b instanceof Money ? a.cents === b.cents : undefined);
    equalityHooks.compare = (op, a, b) =>
      a instanceof Money && b instanceof Money ? compare(op, a.cents, b.cents) : undefined;
    equalityHooks.hash = (v) => (v instanceof Money ? v.cents : undefined);
    try {
      expect(eq(new Money(5), new Money(5))).toBe(true);
      expect(lt(new Money(4), new Money(5))).toBe(true);
      expect(() => lt(new Money(4), 5)).toThrow("'<' not supported between instances of 'Money' and 'int'");
      const d = new PyDict();
      d.$set(new Money(5), 'five');
      expect(d.$get(new Money(5))).toBe('five');
      const plain = {};
      d.$set(plain, 'identity');
      expect(d.$get(plain)).toBe('identity');
      expect(d.$get({})).toBe(undefined);
    } finally {
      delete equalityHooks.eq;
      delete equalityHooks.compare;
      delete equalityHooks.hash;
    }
  });
});
