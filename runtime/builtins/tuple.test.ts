import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { Prng } from '../../tests/support/prng.js';
import { BaseException } from './exceptions.js';
import { compare, eq, pyHash } from './equality.js';
import type { CompareOp } from './equality.js';
import * as T from './tuple.js';
import { PyDict } from './dict.js';
import { repr } from './repr.js';
import './list.js';
import './str/repr.js'; // str's repr hook: error messages hold quotes
import { PyFloat, PyTuple } from './values.js';

/**
 * Random tuple operations (subscripts, slices, methods, operators, hash,
 * comparisons), each checked against python3 (one process for the file).
 */
interface Case {
  py: string;
  run(): unknown;
}

const rng = new Prng(Number(process.env.CONTAINERS_SEED ?? 8080));

function item(): unknown {
  return rng.pick<() => unknown>([
    () => rng.range(-2, 5),
    () => rng.pick(['a', 'b']),
    () => rng.pick([new PyFloat(1), 0.5, true, null]),
    () => PyTuple.of(rng.range(0, 2)),
    () => [rng.range(0, 2)],
  ])();
}

function tuple(max = 6, gen = item): PyTuple {
  return PyTuple.fromArray(Array.from({ length: rng.int(max + 1) }, gen));
}

const py = (v: unknown): string => repr(v);
const bound = (): unknown => (rng.chance(0.3) ? null : rng.chance(0.9) ? rng.range(-8, 8) : rng.pick<unknown>([2n ** 80n, 'a']));
const part = (v: unknown): string => (v === null ? '' : py(v));

function randomCase(): Case {
  const x = tuple();
  switch (rng.int(12)) {
    case 0: {
      const i = rng.chance(0.9) ? rng.range(-7, 7) : rng.pick<unknown>([true, 'a', 0.5, 2n ** 70n]);
      return { py: `${py(x)}[${py(i)}]`, run: () => T.tupleGetItem(x, i) };
    }
    case 1: {
      const [a, b, c] = [bound(), bound(), rng.pick<unknown>([null, 1, 2, -1, -2, 0])];
      return { py: `${py(x)}[${part(a)}:${part(b)}:${part(c)}]`, run: () => T.tupleSlice(x, a, b, c) };
    }
    case 2: {
      const v = item();
      if (rng.chance(0.5)) return { py: `${py(x)}.index(${py(v)})`, run: () => T.tuple_index(x, v) };
      const [a, b] = [rng.range(-5, 5), rng.range(-5, 5)];
      return { py: `${py(x)}.index(${py(v)}, ${a}, ${b})`, run: () => T.tuple_index(x, v, a, b) };
    }
    case 3: {
      const v = item();
      return { py: `${py(x)}.count(${py(v)})`, run: () => T.tuple_count(x, v) };
    }
    case 4: {
      const y = rng.chance(0.8) ? tuple(3) : rng.pick<unknown>([[1], 'ab', 3]);
      return { py: `${py(x)} + ${py(y)}`, run: () => T.tupleConcat(x, y) };
    }
    case 5: {
      const n = rng.pick<unknown>([-1, 0, 1, 2, 3, true, 0.5]);
      return { py: `${py(x)} * ${py(n)}`, run: () => T.tupleRepeat(x, n) };
    }
    case 6: {
      const v = item();
      return { py: `${py(v)} in ${py(x)}`, run: () => T.tupleContains(x, v) };
    }
    case 7: {
      const h = tuple(4, () => rng.pick<() => unknown>([() => rng.range(-3, 3), () => 1.5, () => PyTuple.of(rng.range(0, 9))])());
      return { py: `hash(${py(h)})`, run: () => pyHash(h) };
    }
    case 8: {
      const y = tuple(4);
      const op = rng.pick<CompareOp>(['<', '<=', '>', '>=']);
      return rng.chance(0.2)
        ? { py: `${py(x)} == ${py(y)}`, run: () => eq(x, y) }
        : { py: `${py(x)} ${op} ${py(y)}`, run: () => compare(op, x, y) };
    }
    case 9: {
      const source = rng.pick<unknown>([[1, 2], 'ab', x, new PyDict([['k', 1]]), 5]);
      const text = source instanceof PyDict ? "{'k': 1}" : py(source);
      return { py: `tuple(${text})`, run: () => T.tupleFromIterable(source) };
    }
    case 10: {
      // The whole tuple, sliced or repeated once, is the same object.
      return rng.chance(0.5)
        ? { py: `(lambda t: t[:] is t)(${py(x)})`, run: () => T.tupleSlice(x) === x }
        : { py: `(lambda t: t * 1 is t)(${py(x)})`, run: () => T.tupleRepeat(x, 1) === x };
    }
    default:
      return { py: `${py(x)} == ${py(x)}`, run: () => eq(x, PyTuple.fromArray(x)) };
  }
}

function outcome(f: () => unknown): string {
  try {
    return repr(f());
  } catch (e) {
    if (!(e instanceof BaseException)) throw e;
    return `${(e.constructor as typeof BaseException).__name__}${repr(e.args)}`;
  }
}

describe('tuple against CPython', () => {
  const cases = Array.from({ length: 2000 }, randomCase);
  const script = `
import sys, json
def run(src):
    try:
        return repr(eval(src))
    except Exception as e:
        return type(e).__name__ + repr(e.args)
sys.stdout.write(json.dumps([run(c) for c in json.load(sys.stdin)]))
`;
  const run = spawnSync('python3', ['-c', script], { input: JSON.stringify(cases.map((c) => c.py)), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  const expected = JSON.parse(run.stdout) as string[];

  it('agrees on every case', () => {
    for (let i = 0; i < cases.length; i++) {
      const got = outcome(cases[i]!.run);
      if (got !== expected[i]) expect(got, cases[i]!.py).toBe(expected[i]);
    }
  });
});

describe('tuple', () => {
  it('prints (1,) and () and a tuple holding itself through a list', () => {
    expect(T.reprTuple(PyTuple.of(1))).toBe('(1,)');
    expect(T.reprTuple(new PyTuple())).toBe('()');
    const l: unknown[] = [];
    const t = PyTuple.of<unknown>(l);
    l.push(t);
    expect(T.reprTuple(t)).toBe('([(...)],)');
  });
});
