import { describe, expect, it } from 'vitest';
import { Prng } from '../../tests/support/prng.js';
import { cpythonSteps, runtimeSteps } from '../../tests/support/operationSequences.js';
import { eq } from './equality.js';
import * as D from './dict.js';
import { PyDict } from './dict.js';
import { dictViewOp, frozensetFrom, PyAnySet, PySet } from './set.js';
import { repr } from './repr.js';
import './str/repr.js'; // str's repr hook: error messages hold quotes
import { PyFloat, PyTuple } from './values.js';

/**
 * Random operation sequences on a dict, run by python3 (one process for the
 * whole file) and by the runtime; after each step the result's repr, the
 * dict's repr, or the exception's type and args must agree.
 */
interface Env {
  x: PyDict;
}

interface Op {
  py: string;
  run(env: Env): unknown;
}


/**
 * A set holding a str or None anywhere has CPython's per-process hashes
 * (randomised str hashes, None's address) in its order; such sets are
 * compared as the sorted reprs of their members.
 */
const CANON_PY = `
def has_str(v):
    return v is None or isinstance(v, str) or (isinstance(v, (tuple, frozenset)) and any(has_str(i) for i in v))
def canon(s):
    return sorted(map(repr, s)) if any(has_str(v) for v in s) else s
`;

function hasStr(v: unknown): boolean {
  return v === null || typeof v === 'string' || ((v instanceof PyTuple || v instanceof PyAnySet) && [...v].some(hasStr));
}

function canon(s: PySet): unknown {
  return [...s].some(hasStr) ? [...s].map((v) => repr(v)).sort() : s;
}




// CONTAINERS_SEED replays another sequence (for longer local sweeps).
const rng = new Prng(Number(process.env.CONTAINERS_SEED ?? 4242));

/**
 * Keys: 1, 1.0 and True are one key; so are 2**60 and 2.0**60 — the latter
 * only in lookups that cannot fail or store it (float repr is the numbers
 * module's, not loaded here).
 */
let strKeys = false;
const STR_KEYS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'];

function key(lookupOnly = false): unknown {
  // Some cases use mostly str keys, enough of them to outgrow a small dict's scan.
  if (strKeys && rng.chance(0.9)) return rng.pick(STR_KEYS);
  return rng.pick<() => unknown>([
    () => rng.range(-1, 6),
    () => rng.range(0, 3),
    () => rng.pick(['a', 'b', 'c']),
    () => rng.pick([true, false, null]),
    () => rng.pick([new PyFloat(1), new PyFloat(2), 0.5]),
    () => rng.pick([PyTuple.of<unknown>(1, 'a'), PyTuple.of(1), PyTuple.of(), PyTuple.of<unknown>(PyTuple.of(1), 2)]),
    () => frozensetFrom(rng.pick([[1], [1, 2], []])),
    () => (lookupOnly && rng.chance(0.5) ? new PyFloat(2 ** 60) : 2n ** 60n),
    () => (rng.chance(0.3) ? [1] : rng.range(0, 4)),
  ])();
}

function value(): unknown {
  return rng.pick<() => unknown>([() => rng.range(0, 9), () => rng.pick(['v', 'w']), () => [rng.range(0, 2)], () => null])();
}

function pairs(max: number): PyTuple[] {
  return Array.from({ length: rng.int(max + 1) }, () => PyTuple.of(key(), value()));
}

function dictOf(max: number): PyDict {
  const d = new PyDict();
  for (const p of pairs(max)) {
    if (!Array.isArray(p[0]) || p[0] instanceof PyTuple) d.$set(p[0], p[1]);
  }
  return d;
}

const py = (v: unknown): string => repr(v);

function randomOp(): Op {
  switch (rng.int(30)) {
    case 0:
    case 1:
    case 2: {
      const [k, v] = [key(), value()];
      return { py: `x[${py(k)}] = ${py(v)}`, run: (e) => D.dictSetItem(e.x, k, v) };
    }
    case 3:
    case 4: {
      const k = key();
      return { py: `r = x[${py(k)}]`, run: (e) => D.dictGetItem(e.x, k) };
    }
    case 5:
    case 6: {
      const k = key();
      return { py: `del x[${py(k)}]`, run: (e) => D.dictDelItem(e.x, k) };
    }
    case 7: {
      const k = key(true);
      return { py: `r = ${py(k)} in x`, run: (e) => D.dictContains(e.x, k) };
    }
    case 8: {
      const k = key(true);
      if (rng.chance(0.5)) return { py: `r = x.get(${py(k)})`, run: (e) => D.dict_get(e.x, k) };
      const d = value();
      return { py: `r = x.get(${py(k)}, ${py(d)})`, run: (e) => D.dict_get(e.x, k, d) };
    }
    case 9: {
      const [k, v] = [key(), value()];
      if (rng.chance(0.3)) return { py: `r = x.setdefault(${py(k)})`, run: (e) => D.dict_setdefault(e.x, k) };
      return { py: `r = x.setdefault(${py(k)}, ${py(v)})`, run: (e) => D.dict_setdefault(e.x, k, v) };
    }
    case 10:
    case 11: {
      if (rng.chance(0.5)) {
        const k = key();
        return { py: `r = x.pop(${py(k)})`, run: (e) => D.dict_pop(e.x, k) };
      }
      const k = key(true);
      const d = value();
      return { py: `r = x.pop(${py(k)}, ${py(d)})`, run: (e) => D.dict_pop(e.x, k, d) };
    }
    case 12:
      return { py: 'r = x.popitem()', run: (e) => D.dict_popitem(e.x) };
    case 13: {
      const choice = rng.int(5);
      if (choice === 0) {
        const other = dictOf(4);
        return { py: `r = x.update(${py(other)})`, run: (e) => D.dict_update(e.x, other) };
      }
      if (choice === 1) {
        const v = value();
        return { py: `r = x.update(a=${py(v)}, z=1)`, run: (e) => D.dict_update(e.x, undefined, { a: v, z: 1 }) };
      }
      if (choice === 2) {
        const bad = rng.pick<unknown>([[PyTuple.of(1, 2, 3)], [1], 5, [[1, 2], 'ab', 'abc']]);
        return { py: `r = x.update(${py(bad)})`, run: (e) => D.dict_update(e.x, bad) };
      }
      const ps = pairs(4);
      const asLists = ps.map((p) => Array.from(p));
      return { py: `r = x.update(${py(asLists)})`, run: (e) => D.dict_update(e.x, asLists) };
    }
    case 14:
      return rng.chance(0.3)
        ? { py: 'r = x.clear()', run: (e) => D.dict_clear(e.x) }
        : { py: 'r = x.copy()', run: (e) => D.dict_copy(e.x) };
    case 15: {
      const ks = Array.from({ length: rng.int(4) }, () => key());
      const v = value();
      return { py: `r = dict.fromkeys(${py(ks)}, ${py(v)})`, run: () => D.dict_fromkeys(ks, v) };
    }
    case 16: {
      const other = rng.chance(0.8) ? dictOf(4) : [PyTuple.of(1, 2)];
      return { py: `r = x | ${py(other)}`, run: (e) => D.dictOr(e.x, other) };
    }
    case 17: {
      const other = rng.chance(0.7) ? dictOf(4) : pairs(3);
      return { py: `x |= ${py(other)}`, run: (e) => void (e.x = D.dictInplaceOr(e.x, other)) };
    }
    case 18: {
      const other = rng.chance(0.5) ? D.dict_copy(new PyDict()) : dictOf(3);
      return { py: `r = x == ${py(other)}`, run: (e) => eq(e.x, other) };
    }
    case 19: {
      const which = rng.pick(['keys', 'values', 'items'] as const);
      const fn = { keys: D.dict_keys, values: D.dict_values, items: D.dict_items }[which];
      return { py: `r = x.${which}()`, run: (e) => fn(e.x) };
    }
    case 20: {
      const k = key(true);
      const v = value();
      const which = rng.int(3);
      if (which === 0) return { py: `r = ${py(k)} in x.keys()`, run: (e) => D.dict_keys(e.x).has(k) };
      if (which === 1) return { py: `r = ${py(v)} in x.values()`, run: (e) => D.dict_values(e.x).has(v) };
      const item = rng.chance(0.8) ? PyTuple.of(k, v) : PyTuple.of(k);
      return { py: `r = ${py(item)} in x.items()`, run: (e) => D.dict_items(e.x).has(item) };
    }
    case 21: {
      // Set operations on views: the resulting set's order is CPython's table order.
      const op = rng.pick(['|', '&', '-', '^'] as const);
      // A set is written as set(list): its repr's order would not rebuild the same table.
      const members = Array.from({ length: rng.int(5) }, () => rng.range(-2, 12));
      const asSet = rng.chance(0.5);
      const other = asSet ? new PySet(members) : members;
      const text = asSet ? `set(${py(members)})` : py(members);
      const left = rng.chance(0.5);
      return left
        ? { py: `r = canon(x.keys() ${op} ${text})`, run: (e) => canon(dictViewOp(op, D.dict_keys(e.x), other)) }
        : other instanceof PySet
          ? { py: `r = canon(${text} ${op} x.keys())`, run: (e) => canon(dictViewOp(op, other, D.dict_keys(e.x))) }
          : {
              py: `r = canon(x.items() ${op} x.items())`,
              run: (e) => canon(dictViewOp(op, D.dict_items(e.x), D.dict_items(e.x))),
            };
    }
    case 22: {
      const members = Array.from({ length: rng.int(4) }, () => rng.range(0, 4));
      const s = new PySet(members);
      return rng.chance(0.5)
        ? { py: `r = x.keys() == set(${py(members)})`, run: (e) => eq(D.dict_keys(e.x), s) }
        : { py: `r = set(${py(members)}) == x.keys()`, run: (e) => eq(s, D.dict_keys(e.x)) };
    }
    case 23:
      return { py: 'r = list(reversed(x))', run: (e) => [...D.dictReversed(e.x)] };
    case 24:
      return { py: 'r = [k for k in x]', run: (e) => [...e.x] };
    case 25: {
      // Mutation while iterating.
      const which = rng.int(4);
      if (which === 0) {
        return {
          py: 'for k in x: x[99] = 1',
          run: (e) => {
            for (const _ of e.x) D.dictSetItem(e.x, 99, 1);
          },
        };
      }
      if (which === 1) {
        return {
          py: 'for k in x: del x[k]',
          run: (e) => {
            for (const k of e.x) D.dictDelItem(e.x, k);
          },
        };
      }
      if (which === 2) {
        return {
          py: 'for k in list(x)[:2]: x[k] = x.pop(k)',
          run: (e) => {
            for (const k of [...e.x].slice(0, 2)) D.dictSetItem(e.x, k, D.dict_pop(e.x, k));
          },
        };
      }
      return {
        py: 'for k in x.values(): x.popitem(); x[77] = 0',
        run: (e) => {
          for (const _ of D.dict_values(e.x)) {
            D.dict_popitem(e.x);
            D.dictSetItem(e.x, 77, 0);
          }
        },
      };
    }
    case 26:
      return { py: 'r = len(x)', run: (e) => e.x.$size };
    default: {
      const d = dictOf(6);
      return { py: `x = ${py(d)}`, run: (e) => void (e.x = D.dict_copy(d)) };
    }
  }
}

function randomCase(): Op[] {
  strKeys = rng.chance(0.4);
  const start = dictOf(strKeys ? 12 : 6);
  const ops: Op[] = [{ py: `x = ${py(start)}`, run: (e) => void (e.x = D.dict_copy(start)) }];
  const n = rng.range(5, 25);
  for (let i = 0; i < n; i++) ops.push(randomOp());
  return ops;
}

describe('dict against CPython (generated operation sequences)', () => {
  const cases = Array.from({ length: 600 }, randomCase);
  const expected = cpythonSteps(cases.map((c) => c.map((op) => op.py)), CANON_PY);

  it('agrees on every step', () => {
    let steps = 0;
    for (let i = 0; i < cases.length; i++) {
      const got = runtimeSteps(cases[i]!, { x: new PyDict() } as Env);
      for (let j = 0; j < got.length; j++) {
        steps++;
        if (JSON.stringify(got[j]) !== JSON.stringify(expected[i]![j])) {
          const history = cases[i]!.slice(0, j + 1).map((op) => op.py).join('\n');
          expect(got[j], history).toEqual(expected[i]![j]);
        }
      }
    }
    expect(steps).toBeGreaterThan(8000);
  });
});

describe('dict', () => {
  it('treats 1, 1.0, True and 2**60 / 2.0**60 as one key each, keeping the first form', () => {
    const d = new PyDict();
    d.$set(true, 'a');
    d.$set(1, 'b');
    d.$set(new PyFloat(1), 'c');
    d.$set(2n ** 60n, 'x');
    d.$set(new PyFloat(2 ** 60), 'y');
    d.$set(new PyFloat(-0), 'z');
    d.$set(0, 'w');
    expect(d.$size).toBe(3);
    expect(D.reprDict(d)).toBe("{True: 'c', 1152921504606846976: 'y', 0.0: 'w'}".replace('0.0', repr(new PyFloat(-0))));
    expect(d.$get(1)).toBe('c');
    expect(D.dictGetItem(d, 2n ** 60n)).toBe('y');
  });

  it('raises unhashable TypeErrors and KeyError with the key', () => {
    const d = new PyDict();
    expect(() => d.$set([1], 1)).toThrow("unhashable type: 'list'");
    expect(() => d.$set(new PyDict(), 1)).toThrow("unhashable type: 'dict'");
    expect(() => d.$set(new PySet(), 1)).toThrow("unhashable type: 'set'");
    expect(() => d.$set(PyTuple.of<unknown>(1, [2]), 1)).toThrow("unhashable type: 'list'");
    expect(() => D.dictGetItem(d, 'x')).toThrow("'x'");
  });

  it('prints a dict inside itself as {...}', () => {
    const d = new PyDict();
    d.$set('me', d);
    d.$set('l', [d]);
    expect(D.reprDict(d)).toBe("{'me': {...}, 'l': [{...}]}");
  });

  it('calls __missing__ of a subclass for missing keys', () => {
    class Counter extends PyDict {
      __missing__(): number {
        return 0;
      }
    }
    const c = new Counter();
    expect(D.dictGetItem(c, 'nope')).toBe(0);
    expect(c.$size).toBe(0);
  });

  it('stays correct through heavy insert/delete churn (compaction)', () => {
    const d = new PyDict();
    const model = new Map<unknown, unknown>();
    const r = new Prng(9);
    for (let i = 0; i < 20_000; i++) {
      const k = r.chance(0.5) ? r.range(0, 300) : PyTuple.of(r.range(0, 20), r.range(0, 20));
      const mk = k instanceof PyTuple ? `t${k[0]},${k[1]}` : k;
      if (r.chance(0.55)) {
        d.$set(k, i);
        model.set(mk, i);
      } else {
        expect(d.$delete(k)).toBe(model.delete(mk));
      }
    }
    expect(d.$size).toBe(model.size);
    const keys = [...d].map((k) => (k instanceof PyTuple ? `t${k[0]},${k[1]}` : k));
    expect(keys).toEqual([...model.keys()]);
    for (const k of d) expect(d.$get(k)).toBe(model.get(k instanceof PyTuple ? `t${k[0]},${k[1]}` : k));
  });

  it('pops items in LIFO order in constant time', () => {
    const d = new PyDict();
    for (let i = 0; i < 100_000; i++) d.$set(i, i);
    for (let i = 99_999; i >= 0; i--) expect(D.dict_popitem(d)[0]).toBe(i);
    expect(() => D.dict_popitem(d)).toThrow('popitem(): dictionary is empty');
  });

  it('converts to JSON as a plain object', () => {
    const d = new PyDict<unknown, unknown>([
      ['a', 1],
      [2, [3]],
    ]);
    // (JS objects list integer-like keys first.)
    expect(JSON.stringify(d)).toBe('{"2":[3],"a":1}');
  });
});
