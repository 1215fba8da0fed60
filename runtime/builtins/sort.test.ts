import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { Prng } from '../../tests/support/prng.js';
import { BaseException } from './exceptions.js';
import { lt } from './equality.js';
import { list_sort, sortHooks, sorted } from './sort.js';
import { repr } from './repr.js';
import './list.js';
import './tuple.js';
import './str/repr.js'; // str's repr hook: error messages and astral strings
import { PyFloat, PyTuple } from './values.js';

/**
 * Generated sorts checked against python3 (one process for the file): the
 * result, the list afterwards (also after a failing comparison), and the
 * exception.
 */
interface Case {
  items: unknown[];
  key: keyof typeof KEYS;
  reverse: boolean | null;
  method: 'sort' | 'sorted';
}

const KEYS = {
  none: { py: 'None', js: undefined },
  first: { py: 'lambda v: v[0]', js: (v: unknown) => (v as unknown[])[0] },
  mod3: { py: 'lambda v: v % 3', js: (v: unknown) => (((v as number) % 3) + 3) % 3 },
  zero: { py: 'lambda v: 0', js: () => 0 },
  len: { py: 'len', js: (v: unknown) => [...(v as string)].length },
} as const;

const ORACLE = `
import sys, json
out = []
for c in json.load(sys.stdin):
    x = eval(c['items'], {'nan': float('nan')})
    key = eval(c['key'])
    kw = {} if c['reverse'] is None else {'reverse': c['reverse']}
    try:
        r = x.sort(key=key, **kw) if c['method'] == 'sort' else sorted(x, key=key, **kw)
        out.append(['ok', repr(r), repr(x)])
    except Exception as e:
        out.append(['err', type(e).__name__, repr(e.args), repr(x)])
sys.stdout.write(json.dumps(out))
`;

function python(script: string, input: unknown): unknown {
  const run = spawnSync('python3', ['-c', script], { input: JSON.stringify(input), encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

/** repr, with NaN spelled as Python spells it (the numbers module owns float repr). */
function show(v: unknown): string {
  return repr(v).replace(/\bNaN\b/g, 'nan');
}

function ours(c: Case): string[] {
  const x = c.items.slice();
  try {
    const key = KEYS[c.key].js;
    const r = c.method === 'sort' ? list_sort(x, key, c.reverse ?? undefined) : sorted(x, key, c.reverse ?? undefined);
    return ['ok', show(r), show(x)];
  } catch (e) {
    if (!(e instanceof BaseException)) throw e;
    return ['err', (e.constructor as typeof BaseException).__name__, repr(e.args), show(x)];
  }
}

const rng = new Prng(Number(process.env.CONTAINERS_SEED ?? 777));
const STRINGS = ['a', 'B', 'ab', '', 'é', '\uffff', '\u{10000}', 'a\u{10000}', 'a\uffff', 'b'];

function randomCase(): Case {
  const n = rng.pick([0, 1, 2, 3, 5, 10, 40, 63, 64, 65, 100, 300, 1000]);
  const shape = rng.int(9);
  const mixed = rng.chance(0.3);
  const items: unknown[] = [];
  let key: Case['key'] = 'none';
  for (let i = 0; i < n; i++) {
    switch (shape) {
      case 0: // ints with many equal values, sorted by a key: stability is visible
        items.push(rng.range(-20, 20));
        break;
      case 1: // (k, i) pairs: stability on the first item
        items.push(PyTuple.of(rng.range(0, 5), i));
        break;
      case 2:
        items.push(rng.pick(STRINGS));
        break;
      case 3: // mixed int/float/bool
        items.push(rng.pick<() => unknown>([() => rng.range(-5, 5), () => 0.5, () => new PyFloat(2), () => true, () => 2n ** 60n])());
        break;
      case 4: // almost sorted, with runs
        items.push(rng.chance(0.9) ? i : rng.range(0, n));
        break;
      case 5: // a NaN or two
        items.push(rng.chance(0.1) ? NaN : rng.range(0, 9));
        break;
      case 6: // a str among ints: TypeError, from CPython's first failing comparison
        items.push(rng.chance(0.05) ? 'a' : rng.range(0, 9));
        break;
      case 7: // tuples of numbers and strs (compared directly); in some lists a NaN, a bool, a nested tuple or a mismatch too
        items.push(PyTuple.of(
          rng.chance(0.5) ? rng.range(0, 3) : rng.pick<unknown>([0.5, -1, 2n ** 60n]),
          mixed && rng.chance(0.1)
            ? rng.pick<() => unknown>([() => rng.range(0, 2), () => NaN, () => true, () => PyTuple.of(rng.range(0, 2))])()
            : rng.pick(STRINGS),
          ...(rng.chance(0.3) ? [] : [rng.pick(STRINGS)]),
        ));
        break;
      default: // lists and tuples compared item by item
        items.push(rng.chance(0.5) ? [rng.range(0, 2), rng.range(0, 2)] : [rng.range(0, 2)]);
    }
  }
  if (shape === 0) key = rng.pick<Case['key']>(['none', 'mod3', 'zero']);
  if (shape === 1) key = rng.pick<Case['key']>(['first', 'zero']);
  if (shape === 2) key = rng.pick<Case['key']>(['none', 'len']);
  return { items, key, reverse: rng.pick([null, false, true]), method: rng.chance(0.5) ? 'sort' : 'sorted' };
}

describe('sort against CPython', () => {
  const cases = Array.from({ length: 800 }, randomCase);
  const expected = python(
    ORACLE,
    cases.map((c) => ({ items: show(c.items), key: KEYS[c.key].py, reverse: c.reverse, method: c.method })),
  ) as string[][];

  it('gives the same order, the same error and leaves the same list', () => {
    for (let i = 0; i < cases.length; i++) {
      const got = ours(cases[i]!);
      if (JSON.stringify(got) !== JSON.stringify(expected[i])) {
        expect({ input: show(cases[i]!.items), key: cases[i]!.key, got }).toEqual({
          input: show(cases[i]!.items),
          key: cases[i]!.key,
          got: expected[i],
        });
      }
    }
  });
});

describe('sort', () => {
  afterEach(() => {
    sortHooks.lt = lt;
  });

  it('asks the same `<` questions as CPython, in the same order', () => {
    const lists = Array.from({ length: 240 }, (_, i) => {
      const n = i < 200 ? rng.range(0, 63) : rng.range(64, 2000);
      // Partly ordered data makes runs and galloping; few distinct values make ties.
      const spread = rng.pick([5, 30, 1000]);
      const ordered = rng.chance(0.5);
      return Array.from({ length: n }, (_, j) => (ordered && rng.chance(0.8) ? j : rng.range(0, spread)));
    });
    const script = `
import sys, json
class C:
    def __init__(self, v): self.v = v
    def __lt__(self, other):
        log.append([self.v, other.v])
        return self.v < other.v
out = []
for items in json.load(sys.stdin):
    log = []
    sorted([C(v) for v in items])
    out.append(log)
sys.stdout.write(json.dumps(out))
`;
    const expected = python(script, lists) as number[][][];
    for (let i = 0; i < lists.length; i++) {
      const log: number[][] = [];
      sortHooks.lt = (a, b) => {
        log.push([a as number, b as number]);
        return (a as number) < (b as number);
      };
      sorted(lists[i]);
      // Compared as text: deep equality on logs this long is slow.
      if (JSON.stringify(log) !== JSON.stringify(expected[i])) expect(log).toEqual(expected[i]);
    }
  });

  it('raises list modified during sort when the key function mutates the list', () => {
    const l: unknown[] = [3, 1, 2];
    const seen: number[] = [];
    expect(() =>
      list_sort(l, (v: unknown) => {
        seen.push(l.length); // the list looks empty while it is sorted
        l.push(9);
        return v;
      }),
    ).toThrow('list modified during sort');
    expect(seen).toEqual([0, 1, 2]);
    expect(l).toEqual([1, 2, 3]);
  });

  it('keeps the list when the key function raises', () => {
    const l = [3, 1, 2];
    expect(() =>
      list_sort(l, (v: unknown) => {
        if (v === 2) throw new Error('boom');
        return v;
      }, true),
    ).toThrow('boom');
    expect(l).toEqual([3, 1, 2]);
  });

  it('rejects reverse values CPython rejects, and a non-callable key only when it is called', () => {
    expect(() => list_sort([2, 1], undefined, 0.5)).toThrow("'float' object cannot be interpreted as an integer");
    expect(() => list_sort([2, 1], undefined, null)).toThrow("'NoneType' object cannot be interpreted as an integer");
    expect(list_sort([], 5)).toBe(null);
    expect(() => list_sort([1], 5)).toThrow("'int' object is not callable");
  });

  it('sorts large number and string lists on the native path', () => {
    const nums = Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 100_003);
    const s = sorted(nums) as number[];
    expect(s.every((v, i) => i === 0 || s[i - 1]! <= v)).toBe(true);
    const strs = nums.map((n) => `k${n}`);
    const t = sorted(strs, undefined, true) as string[];
    expect(t.every((v, i) => i === 0 || t[i - 1]! >= v)).toBe(true);
  });
});
