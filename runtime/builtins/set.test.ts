import { describe, expect, it } from 'vitest';
import { Prng } from '../../tests/support/prng.js';
import { cpythonSteps, runtimeSteps } from '../../tests/support/operationSequences.js';
import { compare, eq, ne, pyHash } from './equality.js';
import type { CompareOp } from './equality.js';
import * as S from './set.js';
import { PyAnySet, PyFrozenSet, PySet } from './set.js';
import { dict_fromkeys, PyDict } from './dict.js';
import { repr } from './repr.js';
import './str/repr.js'; // str's repr hook: error messages hold quotes
import { PyFloat, PyTuple } from './values.js';

/**
 * Random operation sequences on a set or frozenset, run by python3 (one
 * process for the whole file) and by the runtime; after each step the
 * result's repr, the set's repr — so its iteration order, which follows
 * CPython's hash table — or the exception's type and args must agree.
 *
 * Members are ints, floats, bools, tuples and frozensets: their hashes are
 * fixed in CPython. (str and None hashes change from one CPython process to
 * the next, and so does the order of sets holding them.)
 */
interface Env {
  x: PyAnySet;
}

interface Op {
  py: string;
  run(env: Env): unknown;
}





// CONTAINERS_SEED replays another sequence (for longer local sweeps).
const rng = new Prng(Number(process.env.CONTAINERS_SEED ?? 1999));

function member(): unknown {
  return rng.pick<() => unknown>([
    () => rng.range(-3, 40),
    () => rng.range(-3, 40),
    () => rng.range(0, 9),
    () => rng.pick<unknown>([64, 100, 1000, 2 ** 40, -(2 ** 40), 2n ** 60n, 2n ** 61n - 1n, -1, -2]),
    () => rng.pick<unknown>([0.5, 1.5, new PyFloat(2), true, false]),
    () => PyTuple.of(rng.range(0, 3), rng.range(0, 3)),
    () => new PyFrozenSet([rng.range(0, 3)]),
  ])();
}

function members(max: number): unknown[] {
  return Array.from({ length: rng.int(max + 1) }, member);
}

/** Constants only (for a set display, which CPython builds from a frozenset constant when longer than 2). */
function constant(): unknown {
  return rng.pick<() => unknown>([() => rng.range(-3, 40), () => rng.pick<unknown>([0.5, true, 2n ** 60n]), () => PyTuple.of(1, rng.range(0, 3))])();
}

const py = (v: unknown): string => repr(v);

/**
 * Another operand: a set, frozenset, list, dict or range, written as CPython
 * rebuilds it. (A range is given to us as a list, so not where an error
 * message would name its type.)
 */
function operand(withRange = true): { py: string; value: () => unknown } {
  const items = members(rng.pick([3, 6, 12]));
  switch (rng.int(withRange ? 6 : 5)) {
    case 0:
    case 1:
      return { py: `set(${py(items)})`, value: () => new PySet(items) };
    case 2:
      return { py: `frozenset(${py(items)})`, value: () => new PyFrozenSet(items) };
    case 3:
      return { py: py(items), value: () => items };
    case 4:
      return { py: `dict.fromkeys(${py(items)}, 0)`, value: () => dict_fromkeys(items, 0) };
    default: {
      const lo = rng.range(-5, 30);
      const hi = lo + rng.range(0, 40);
      const range = Array.from({ length: hi - lo }, (_, i) => lo + i);
      return { py: `range(${lo}, ${hi})`, value: () => range };
    }
  }
}

function operands(): { py: string; values: () => unknown[] } {
  const list = Array.from({ length: rng.pick([0, 1, 1, 2, 3]) }, operand);
  return { py: list.map((o) => o.py).join(', '), values: () => list.map((o) => o.value()) };
}

const MUTATORS: Record<string, (s: PySet, ...a: unknown[]) => unknown> = {
  update: S.set_update,
  intersection_update: S.set_intersection_update,
  difference_update: S.set_difference_update,
};
const QUERIES: Record<string, (s: PyAnySet, ...a: unknown[]) => unknown> = {
  union: S.set_union,
  intersection: S.set_intersection,
  difference: S.set_difference,
};
const BINARY: Record<string, (s: PyAnySet, o: unknown) => unknown> = {
  symmetric_difference: S.set_symmetric_difference,
  issubset: S.set_issubset,
  issuperset: S.set_issuperset,
  isdisjoint: S.set_isdisjoint,
};
const OPERATORS: Record<string, (a: PyAnySet, b: unknown) => PyAnySet> = {
  '|': S.setOr,
  '&': S.setAnd,
  '-': S.setSub,
  '^': S.setXor,
  '|=': S.setInplaceOr,
  '&=': S.setInplaceAnd,
  '-=': S.setInplaceSub,
  '^=': S.setInplaceXor,
};

/** Generates one op; `frozen` tracks whether x is a frozenset at this point. */
function randomOp(state: { frozen: boolean }): Op {
  const mutable = !state.frozen;
  const kind = rng.int(24);
  if (mutable && kind < 8) {
    switch (kind) {
      case 0:
      case 1: {
        const v = rng.chance(0.95) ? member() : [1];
        return { py: `r = x.add(${py(v)})`, run: (e) => S.set_add(e.x as PySet, v) };
      }
      case 2: {
        const v = rng.chance(0.9) ? member() : rng.pick<unknown>([[1], new PySet([1])]);
        return { py: `r = x.remove(${py(v)})`, run: (e) => S.set_remove(e.x as PySet, v) };
      }
      case 3: {
        const v = member();
        return { py: `r = x.discard(${py(v)})`, run: (e) => S.set_discard(e.x as PySet, v) };
      }
      case 4:
      case 5:
        return { py: 'r = x.pop()', run: (e) => S.set_pop(e.x as PySet) };
      case 6: {
        const name = rng.pick(Object.keys(MUTATORS));
        const o = operands();
        return { py: `r = x.${name}(${o.py})`, run: (e) => MUTATORS[name]!(e.x as PySet, ...o.values()) };
      }
      default: {
        if (rng.chance(0.2)) return { py: 'r = x.clear()', run: (e) => S.set_clear(e.x as PySet) };
        const o = operand();
        return { py: `r = x.symmetric_difference_update(${o.py})`, run: (e) => S.set_symmetric_difference_update(e.x as PySet, o.value()) };
      }
    }
  }
  switch (kind % 16) {
    case 0: {
      const name = rng.pick(Object.keys(QUERIES));
      const o = operands();
      return { py: `r = x.${name}(${o.py})`, run: (e) => QUERIES[name]!(e.x, ...o.values()) };
    }
    case 1: {
      const name = rng.pick(Object.keys(BINARY));
      const o = rng.chance(0.1) ? { py: 'x', value: () => undefined } : operand();
      return { py: `r = x.${name}(${o.py})`, run: (e) => BINARY[name]!(e.x, o.py === 'x' ? e.x : o.value()) };
    }
    case 2:
    case 3: {
      const op = rng.pick(Object.keys(OPERATORS));
      const o = rng.chance(0.1) ? { py: 'x', value: () => undefined } : operand(false);
      const value = (e: Env): unknown => (o.py === 'x' ? e.x : o.value());
      if (op.endsWith('=')) return { py: `x ${op} ${o.py}`, run: (e) => void (e.x = OPERATORS[op]!(e.x, value(e))) };
      return { py: `r = x ${op} ${o.py}`, run: (e) => OPERATORS[op]!(e.x, value(e)) };
    }
    case 4: {
      const o = operand(false);
      const [name, fn] = rng.pick<[string, (a: unknown, b: unknown) => boolean]>([
        ['==', eq],
        ['!=', ne],
        ...(['<', '<=', '>', '>='] as CompareOp[]).map((op): [string, (a: unknown, b: unknown) => boolean] => [
          op,
          (a, b) => compare(op, a, b),
        ]),
      ]);
      return { py: `r = x ${name} ${o.py}`, run: (e) => fn(e.x, o.value()) };
    }
    case 5: {
      const v = rng.chance(0.9) ? member() : rng.pick<unknown>([[1], new PySet([1]), new PySet([])]);
      const text = v instanceof PySet ? `set(${py([...v])})` : py(v);
      return { py: `r = ${text} in x`, run: (e) => S.setContains(e.x, v) };
    }
    case 6:
      return { py: 'r = hash(frozenset(x))', run: (e) => pyHash(S.frozensetFrom(e.x)) };
    case 7:
      return { py: 'r = list(x)', run: (e) => [...e.x] };
    case 8:
      return { py: 'r = x.copy()', run: (e) => S.set_copy(e.x) };
    case 9: {
      if (state.frozen) {
        state.frozen = false;
        return { py: 'x = set(x)', run: (e) => void (e.x = S.setFrom(e.x)) };
      }
      state.frozen = true;
      return { py: 'x = frozenset(x)', run: (e) => void (e.x = S.frozensetFrom(e.x)) };
    }
    case 10: {
      if (!mutable) return { py: 'r = len(x)', run: (e) => e.x.$size };
      return rng.chance(0.5)
        ? {
            py: 'for e in x: x.add(1000)',
            run: (e) => {
              for (const _ of e.x) S.set_add(e.x as PySet, 1000);
            },
          }
        : {
            py: 'for e in list(x)[:3]: x.discard(e); x.add(e)',
            run: (e) => {
              for (const v of [...e.x].slice(0, 3)) {
                S.set_discard(e.x as PySet, v);
                S.set_add(e.x as PySet, v);
              }
            },
          };
    }
    case 11: {
      // A set display: constants only and more than 2 of them, or built item by item.
      const items = Array.from({ length: rng.range(1, 9) }, constant);
      state.frozen = false;
      return { py: `x = {${items.map(py).join(', ')}}`, run: (e) => void (e.x = S.setDisplay(items, true)) };
    }
    case 12: {
      const items = members(20);
      const d = dict_fromkeys(items, 0);
      state.frozen = false;
      return { py: `x = set(dict.fromkeys(${py(items)}, 0))`, run: (e) => void (e.x = new PySet(d)) };
    }
    default: {
      const items = members(rng.pick([4, 10, 30]));
      state.frozen = rng.chance(0.2);
      const make = state.frozen ? 'frozenset' : 'set';
      return {
        py: `x = ${make}(${py(items)})`,
        run: (e) => void (e.x = make === 'set' ? new PySet(items) : new PyFrozenSet(items)),
      };
    }
  }
}

function randomCase(): Op[] {
  const state = { frozen: false };
  const items = members(10);
  const ops: Op[] = [{ py: `x = set(${py(items)})`, run: (e) => void (e.x = new PySet(items)) }];
  const n = rng.range(5, 25);
  for (let i = 0; i < n; i++) ops.push(randomOp(state));
  return ops;
}

describe('set against CPython (generated operation sequences)', () => {
  const cases = Array.from({ length: 700 }, randomCase);
  const expected = cpythonSteps(cases.map((c) => c.map((op) => op.py)));

  it('agrees on every step, iteration order included', () => {
    let steps = 0;
    for (let i = 0; i < cases.length; i++) {
      const got = runtimeSteps(cases[i]!, { x: new PySet() } as Env);
      for (let j = 0; j < got.length; j++) {
        steps++;
        if (JSON.stringify(got[j]) !== JSON.stringify(expected[i]![j])) {
          const history = cases[i]!.slice(0, j + 1).map((op) => op.py).join('\n');
          expect(got[j], history).toEqual(expected[i]![j]);
        }
      }
    }
    expect(steps).toBeGreaterThan(9000);
  });
});

describe('set', () => {
  it('prints set(), frozenset() and frozenset({...}) as CPython', () => {
    expect(repr(new PySet())).toBe('set()');
    expect(repr(new PyFrozenSet())).toBe('frozenset()');
    expect(repr(new PyFrozenSet([3, 1, 2]))).toBe('frozenset({1, 2, 3})');
    expect(repr(S.setDisplay([1, 33, 3, 5, 17], true))).toBe('{1, 33, 3, 17, 5}');
    expect(repr(new PySet([5, 3, 1, 17, 33]))).toBe('{1, 33, 3, 5, 17}');
  });

  it('holds str and None members (in an order of its own, as CPython’s is per process)', () => {
    const s = new PySet(['a', 'b', null, 'a', 1]);
    expect(s.$size).toBe(4);
    expect(s.$has('a') && s.$has(null) && s.$has(1) && !s.$has('c')).toBe(true);
    expect(S.set_remove(s, 'a')).toBe(null);
    expect(() => S.set_remove(s, 'a')).toThrow("'a'");
    expect(new Set([...s])).toEqual(new Set(['b', null, 1]));
  });

  it('is unhashable while frozenset hashes as CPython', () => {
    expect(() => pyHash(new PySet())).toThrow("unhashable type: 'set'");
    expect(pyHash(new PyFrozenSet([1, 2]))).toBe(-1826646154956904602n);
    expect(pyHash(new PyFrozenSet())).toBe(133146708735736);
    const d = new PyDict();
    d.$set(new PyFrozenSet([1, 2]), 'x');
    expect(d.$get(new PyFrozenSet([2, 1]))).toBe('x');
  });

  it('raises KeyError on pop from an empty set and on a missing remove', () => {
    expect(() => S.set_pop(new PySet())).toThrow('pop from an empty set');
    expect(() => S.set_remove(new PySet(), 5)).toThrow('5');
  });

  it('stays fast on large int and tuple sets', () => {
    const s = new PySet();
    for (let i = 0; i < 200_000; i++) s.$add(PyTuple.of(i % 500, i % 401));
    expect(s.$size).toBe(200_000 > 500 * 401 ? 500 * 401 : new Set(Array.from({ length: 200_000 }, (_, i) => `${i % 500},${i % 401}`)).size);
    const t = new PySet(Array.from({ length: 100_000 }, (_, i) => i * 7));
    expect(t.$has(7 * 99_999) && !t.$has(1)).toBe(true);
  });
});
