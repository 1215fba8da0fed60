import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import '../index.js';
import { iter, next } from './iteration.js';
import { reversed } from './reversed.js';
import { type, isinstance } from './types.js';
import { getattr, hasattr } from './attributes.js';
import { call } from './calls.js';
import { repr } from './repr.js';
import { PyDict, dict_items, dict_values } from './dict.js';
import { PyFrozenSet, PySet } from './set.js';
import { range } from './range.js';
import { PyByteArray } from './bytearray.js';
import { PyBytes, PyTuple } from './values.js';
import { map, zip } from './functions.js';

/**
 * The builtins' iterators as Python sees them (iteratorTypes.ts): for each,
 * its type's name, whether it is an instance of that type, `__length_hint__`
 * before and after a step and once exhausted (or that it has none), and a
 * step through the type's `__next__`; each checked against python3.
 */
const SOURCES: { py: string; make(): unknown }[] = [
  { py: 'iter([1, 2, 3])', make: () => iter([1, 2, 3]) },
  { py: 'reversed([1, 2, 3])', make: () => reversed([1, 2, 3]) },
  { py: 'iter((1, 2, 3))', make: () => iter(PyTuple.of(1, 2, 3)) },
  { py: "iter('abc')", make: () => iter('abc') },
  { py: "iter('é😀x')", make: () => iter('é😀x') },
  { py: "iter({'a': 1, 'b': 2})", make: () => iter(new PyDict([['a', 1], ['b', 2]])) },
  { py: "iter({'a': 1, 'b': 2}.values())", make: () => iter(dict_values(new PyDict([['a', 1], ['b', 2]]))) },
  { py: "iter({'a': 1, 'b': 2}.items())", make: () => iter(dict_items(new PyDict([['a', 1], ['b', 2]]))) },
  { py: "reversed({'a': 1, 'b': 2})", make: () => reversed(new PyDict([['a', 1], ['b', 2]])) },
  { py: "reversed({'a': 1, 'b': 2}.items())", make: () => reversed(dict_items(new PyDict([['a', 1], ['b', 2]]))) },
  { py: 'iter({1, 2, 3})', make: () => iter(new PySet([1, 2, 3])) },
  { py: 'iter(frozenset({1, 2}))', make: () => iter(new PyFrozenSet([1, 2])) },
  { py: 'iter(range(5, 0, -2))', make: () => iter(range(5, 0, -2)) },
  { py: 'reversed(range(4))', make: () => reversed(range(4)) },
  { py: 'iter(range(2**64, 2**64 + 3))', make: () => iter(range(2n ** 64n, 2n ** 64n + 3n)) },
  { py: "iter(b'xyz')", make: () => iter(new PyBytes(Uint8Array.of(120, 121, 122))) },
  { py: "iter(bytearray(b'xyz'))", make: () => iter(new PyByteArray(Uint8Array.of(120, 121, 122))) },
  { py: 'reversed((1, 2, 3))', make: () => reversed(PyTuple.of(1, 2, 3)) },
  { py: "zip('ab', 'cd')", make: () => zip('ab', 'cd') },
  { py: 'map(abs, [-1, -2])', make: () => map(Math.abs, [-1, -2]) },
];

const ORACLE = `
import sys, json
def describe(it):
    t = type(it)
    hints = []
    if hasattr(it, '__length_hint__'):
        hints.append(it.__length_hint__())
    first = t.__next__(it)
    if hasattr(it, '__length_hint__'):
        hints.append(it.__length_hint__())
    rest = list(it)
    if hasattr(it, '__length_hint__'):
        hints.append(it.__length_hint__())
    return repr([t.__name__, isinstance(it, t), iter(it) is it, hints, first, rest])
sys.stdout.write(json.dumps([describe(eval(src)) for src in json.load(sys.stdin)]))
`;

function describeIterator(it: unknown): string {
  const t = type(it);
  const hinted = hasattr(it, '__length_hint__');
  const hint = (): unknown => call(getattr(it, '__length_hint__'), [], null);
  const hints: unknown[] = [];
  if (hinted) hints.push(hint());
  const first = call(getattr(t, '__next__'), [it], null);
  if (hinted) hints.push(hint());
  const rest: unknown[] = [];
  for (;;) {
    const v = next(it, undefined);
    if (v === undefined) break;
    rest.push(v);
  }
  if (hinted) hints.push(hint());
  return repr([getattr(t, '__name__'), isinstance(it, t), iter(it) === it, hints, first, rest]);
}

describe("builtin iterators' types against CPython", () => {
  const run = spawnSync('python3', ['-c', ORACLE], { input: JSON.stringify(SOURCES.map((s) => s.py)), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  const expected = JSON.parse(run.stdout) as string[];

  it('agrees on names, instances, hints and steps', () => {
    const wrong: string[] = [];
    SOURCES.forEach((s, i) => {
      const got = describeIterator(s.make());
      if (got !== expected[i]) wrong.push(`${s.py}: got ${got}, CPython ${expected[i]}`);
    });
    expect(wrong).toEqual([]);
  });

  it("refuses to make an iterator type's instances, with CPython's message", () => {
    expect(() => call(type(iter([])), [], null)).toThrow("cannot create 'list_iterator' instances");
    expect(() => call(type(iter(dict_items(new PyDict()))), [], null)).toThrow("cannot create 'dict_itemiterator' instances");
  });
});
