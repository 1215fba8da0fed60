import { describe, expect, it } from 'vitest';
import { Prng } from '../../tests/support/prng.js';
import { cpythonSteps, runtimeSteps } from '../../tests/support/operationSequences.js';
import { BaseException } from './exceptions.js';
import { eq, ge, gt, le, lt } from './equality.js';
import * as L from './list.js';
import { PyDict } from './dict.js';
import { PySet } from './set.js';
import { repr } from './repr.js';
import './str/repr.js'; // str's repr hook: error messages hold quotes
import { PyFloat, PyTuple } from './values.js';

/**
 * Random operation sequences on a list, run by python3 (one process for the
 * whole file) and by the runtime; after each step the result's repr, the
 * list's repr, or the exception's type and args must agree.
 */
interface Op {
  py: string;
  run(env: { x: unknown[] }): unknown;
}





// CONTAINERS_SEED replays another sequence (for longer local sweeps).
const rng = new Prng(Number(process.env.CONTAINERS_SEED ?? 20240611));

function item(): unknown {
  return rng.pick<() => unknown>([
    () => rng.range(-2, 6),
    () => rng.range(-2, 6),
    () => rng.pick(['a', 'b', 'ab']),
    () => rng.pick([new PyFloat(1), 0.5, new PyFloat(3)]),
    () => rng.pick([true, false, null]),
    () => PyTuple.of<unknown>(rng.range(0, 2), rng.pick(['a', 'b'])),
    () => [rng.range(0, 2)],
    () => 2n ** 60n,
  ])();
}

function numberItem(): unknown {
  return rng.pick<() => unknown>([() => rng.range(-3, 9), () => 0.5, () => new PyFloat(2), () => true])();
}

function items(max: number, gen = item): unknown[] {
  const n = rng.int(max + 1);
  const out: unknown[] = [];
  for (let i = 0; i < n; i++) out.push(gen());
  return out;
}

function index(): unknown {
  return rng.chance(0.9) ? rng.range(-7, 7) : rng.pick<unknown>([true, 'a', 0.5, null, 2n ** 70n, 2n ** 62n]);
}

function bound(): unknown {
  return rng.chance(0.3) ? null : rng.chance(0.95) ? rng.range(-8, 8) : rng.pick<unknown>([2n ** 80n, -(2n ** 80n), 'a', true]);
}

function step(): unknown {
  return rng.pick<unknown>([null, null, 1, 2, -1, -2, 3, 0, -3]);
}

const py = (v: unknown): string => repr(v);
const sliceText = (a: unknown, b: unknown, c: unknown): string =>
  `${a === null ? '' : py(a)}:${b === null ? '' : py(b)}:${c === null ? '' : py(c)}`;

function randomOp(homogeneous: boolean): Op {
  const gen = homogeneous ? numberItem : item;
  const kind = rng.int(26);
  switch (kind) {
    case 0:
    case 1: {
      const v = gen();
      return { py: `r = x.append(${py(v)})`, run: (e) => L.list_append(e.x, v) };
    }
    case 2: {
      const v = rng.chance(0.7) ? items(3, gen) : rng.pick<unknown>([PyTuple.fromArray(items(2, gen)), 'ab', 5]);
      return { py: `r = x.extend(${py(v)})`, run: (e) => L.list_extend(e.x, v) };
    }
    case 3: {
      const i = index();
      const v = gen();
      return { py: `r = x.insert(${py(i)}, ${py(v)})`, run: (e) => L.list_insert(e.x, i, v) };
    }
    case 4: {
      const v = gen();
      return { py: `r = x.remove(${py(v)})`, run: (e) => L.list_remove(e.x, v) };
    }
    case 5: {
      if (rng.chance(0.4)) return { py: 'r = x.pop()', run: (e) => L.list_pop(e.x) };
      const i = index();
      return { py: `r = x.pop(${py(i)})`, run: (e) => L.list_pop(e.x, i) };
    }
    case 6: {
      const v = gen();
      if (rng.chance(0.5)) return { py: `r = x.index(${py(v)})`, run: (e) => L.list_index(e.x, v) };
      const a = rng.range(-6, 6);
      const b = rng.chance(0.8) ? rng.range(-6, 6) : rng.pick<unknown>([null, 2n ** 70n]);
      return { py: `r = x.index(${py(v)}, ${py(a)}, ${py(b)})`, run: (e) => L.list_index(e.x, v, a, b) };
    }
    case 7: {
      const v = gen();
      return { py: `r = x.count(${py(v)})`, run: (e) => L.list_count(e.x, v) };
    }
    case 8:
      return { py: 'r = x.reverse()', run: (e) => L.list_reverse(e.x) };
    case 9:
      return { py: 'r = x.copy()', run: (e) => L.list_copy(e.x) };
    case 10: {
      const i = index();
      return { py: `r = x[${py(i)}]`, run: (e) => L.listGetItem(e.x, i) };
    }
    case 11: {
      const i = index();
      const v = gen();
      return { py: `x[${py(i)}] = ${py(v)}`, run: (e) => L.listSetItem(e.x, i, v) };
    }
    case 12: {
      const i = index();
      return { py: `del x[${py(i)}]`, run: (e) => L.listDelItem(e.x, i) };
    }
    case 13:
    case 14: {
      const [a, b, c] = [bound(), bound(), step()];
      return { py: `r = x[${sliceText(a, b, c)}]`, run: (e) => L.listSlice(e.x, a, b, c) };
    }
    case 15:
    case 16: {
      const [a, b, c] = [bound(), bound(), step()];
      const v = rng.chance(0.85) ? items(4, gen) : rng.pick<unknown>(['xy', 7, PyTuple.of(1, 2)]);
      if (rng.chance(0.1)) return { py: `x[${sliceText(a, b, c)}] = x`, run: (e) => L.listSetSlice(e.x, a, b, c, e.x) };
      return { py: `x[${sliceText(a, b, c)}] = ${py(v)}`, run: (e) => L.listSetSlice(e.x, a, b, c, v) };
    }
    case 17: {
      const [a, b, c] = [bound(), bound(), step()];
      return { py: `del x[${sliceText(a, b, c)}]`, run: (e) => L.listDelSlice(e.x, a, b, c) };
    }
    case 18: {
      const v = rng.chance(0.8) ? items(3, gen) : rng.pick<unknown>([PyTuple.of(1), 'ab', 3]);
      return { py: `r = x + ${py(v)}`, run: (e) => L.listConcat(e.x, v) };
    }
    case 19: {
      const n = rng.pick<unknown>([-1, 0, 1, 2, 3, true, 0.5, 'a']);
      return { py: `r = x * ${py(n)}`, run: (e) => L.listRepeat(e.x, n) };
    }
    case 20: {
      const v = rng.chance(0.7) ? items(3, gen) : rng.pick<unknown>([PyTuple.of(1, 2), 'ab', 3, null]);
      return { py: `x += ${py(v)}`, run: (e) => void (e.x = L.listInplaceConcat(e.x, v)) };
    }
    case 21: {
      const n = rng.pick<unknown>([0, 1, 2, true, 0.5]);
      return { py: `x *= ${py(n)}`, run: (e) => void (e.x = L.listInplaceRepeat(e.x, n)) };
    }
    case 22: {
      const v = gen();
      return { py: `r = ${py(v)} in x`, run: (e) => L.listContains(e.x, v) };
    }
    case 23: {
      const other = items(4, gen);
      const [name, fn] = rng.pick<[string, (a: unknown, b: unknown) => boolean]>([
        ['<', lt],
        ['<=', le],
        ['>', gt],
        ['>=', ge],
        ['==', eq],
      ]);
      return { py: `r = x ${name} ${py(other)}`, run: (e) => fn(e.x, other) };
    }
    case 24:
      return { py: 'r = x.clear()', run: (e) => L.list_clear(e.x) };
    default: {
      const v = items(5, gen);
      return { py: `x = ${py(v)}`, run: (e) => void (e.x = v.slice()) };
    }
  }
}

function randomCase(): Op[] {
  const homogeneous = rng.chance(0.5);
  const start = items(6, homogeneous ? numberItem : item);
  const ops: Op[] = [{ py: `x = ${py(start)}`, run: (e) => void (e.x = start.slice()) }];
  const n = rng.range(5, 20);
  for (let i = 0; i < n; i++) ops.push(randomOp(homogeneous));
  return ops;
}

describe('list against CPython (generated operation sequences)', () => {
  const cases = Array.from({ length: 600 }, randomCase);
  const expected = cpythonSteps(cases.map((c) => c.map((op) => op.py)));

  it('agrees on every step', () => {
    let steps = 0;
    for (let i = 0; i < cases.length; i++) {
      const got = runtimeSteps(cases[i]!, { x: [] as unknown[] });
      for (let j = 0; j < got.length; j++) {
        steps++;
        if (JSON.stringify(got[j]) !== JSON.stringify(expected[i]![j])) {
          const history = cases[i]!.slice(0, j + 1).map((op) => op.py).join('\n');
          expect({ history, got: got[j] }).toEqual({ history, got: expected[i]![j] });
        }
      }
    }
    expect(steps).toBeGreaterThan(6000);
  });
});

describe('list', () => {
  it('prints a list inside itself as [...]', () => {
    const l: unknown[] = [1];
    l.push(l);
    l.push(PyTuple.of(l));
    expect(L.reprList(l)).toBe('[1, [...], ([...],)]');
  });

  it('extends with any JS iterable, dicts by key, sets, generators', () => {
    const l: unknown[] = [];
    const d = new PyDict<unknown, unknown>([
      ['a', 1],
      ['b', 2],
    ]);
    L.list_extend(l, d);
    L.list_extend(l, new PySet([7]));
    L.list_extend(
      l,
      (function* () {
        yield 8;
      })(),
    );
    L.list_extend(l, 'h\u{1F600}');
    expect(l).toEqual(['a', 'b', 7, 8, 'h', '\u{1F600}']);
    expect(() => L.list_extend(l, null)).toThrow("'NoneType' object is not iterable");
  });

  it('assigns and deletes huge slices without spreading arguments', () => {
    const big = Array.from({ length: 300_000 }, (_, i) => i);
    const l = [0, 1, 2];
    L.listSetSlice(l, 1, 2, null, big);
    expect(l.length).toBe(300_002);
    expect(l[300_001]).toBe(2);
    L.listDelSlice(l, 1, -1, null);
    expect(l).toEqual([0, 2]);
    L.listInplaceConcat(l, big);
    expect(l.length).toBe(300_002);
  });

  it('raises MemoryError for absurd repeats', () => {
    expect(() => L.listRepeat([1], 2n ** 62n)).toThrow(BaseException);
    expect(L.listRepeat([], 2n ** 62n)).toEqual([]);
  });
});
