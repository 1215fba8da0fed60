import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import '../index.js'; // the whole runtime: type registrations and repr hooks
import { BaseException } from './exceptions.js';
import {
  mappingRest, mappingValues, matchClass, matchMapping, matchSequence, matchSequenceAtLeast, matchType, sequenceRest,
} from './patterns.js';
import { makeClass } from './classes.js';
import { setattr } from './attributes.js';
import { bool, dict, float, int, list, str, tuple } from './functions.js';
import { isinstance } from './types.js';
import { PyDict } from './dict.js';
import { PySet } from './set.js';
import { PyRange } from './range.js';
import { PyBytes, PyFloat, PyTuple } from './values.js';
import { repr } from './repr.js';

/**
 * The match helpers against `match` statements run by python3 (one process
 * for the file). A case's Python code matches `v` and leaves its answer in
 * `r`; both sides print it with repr, or an error as `Type: message`.
 */
interface Case {
  py: string;
  run(): unknown;
}

/** What a sequence pattern of `n` items (at least `n` with a star) sees, as a list. */
function seq(v: unknown, n: number, star = false): unknown {
  const items = star ? matchSequenceAtLeast(v, n) : matchSequence(v, n);
  return items === null ? null : sequenceRest(items, 0, 0);
}

const SEQUENCES: [string, () => unknown][] = [
  ['[1, 2]', () => [1, 2]],
  ['(1, 2)', () => PyTuple.of(1, 2)],
  ['[1, 2, 3]', () => [1, 2, 3]],
  ['range(2)', () => new PyRange(0, 2, 1)],
  ['range(10, 0, -4)', () => new PyRange(10, 0, -4)],
  ["'ab'", () => 'ab'],
  ["b'ab'", () => new PyBytes(Uint8Array.of(97, 98))],
  ['{1: 2, 3: 4}', () => new PyDict([[1, 2], [3, 4]])],
  ['{1, 2}', () => new PySet([1, 2])],
  ['None', () => null],
  ['[]', () => []],
];

const cases: Case[] = [];

for (const [text, make] of SEQUENCES) {
  cases.push(
    { py: `match ${text}:\n case [a, b]: r = [a, b]\n case _: r = None`, run: () => seq(make(), 2) },
    { py: `match ${text}:\n case [*xs]: r = xs\n case _: r = None`, run: () => seq(make(), 0, true) },
    { py: `match ${text}:\n case [a, *xs]: r = [a, xs]\n case _: r = None`, run: () => { const i = matchSequenceAtLeast(make(), 1); return i === null ? null : [i[0], sequenceRest(i, 1, 0)]; } },
    { py: `match ${text}:\n case [a, *xs, b, c]: r = [a, xs, b, c]\n case _: r = None`, run: () => { const i = matchSequenceAtLeast(make(), 3); return i === null ? null : [i[0], sequenceRest(i, 1, 2), i[i.length - 2], i[i.length - 1]]; } },
  );
}

const MAPPINGS: [string, () => unknown][] = [
  ["{'a': 1, 'b': 2, 'c': 3}", () => new PyDict([['a', 1], ['b', 2], ['c', 3]])],
  ["{'a': None, 'b': 2}", () => new PyDict([['a', null], ['b', 2]])],
  ["{'a': 1}", () => new PyDict([['a', 1]])],
  ['{1: 1, True: 2}', () => new PyDict([[1, 2]])],
  ['{}', () => new PyDict()],
  ['[1, 2]', () => [1, 2]],
  ["'ab'", () => 'ab'],
];

/** What `{k1: x, k2: y, **rest}` sees. */
function mapping(v: unknown, keys: unknown[], rest: boolean): unknown {
  if (!matchMapping(v, keys.length)) return null;
  const values = keys.length > 0 ? mappingValues(v, keys) : [];
  if (values === null) return null;
  return rest ? [...values, mappingRest(v, keys)] : values;
}

for (const [text, make] of MAPPINGS) {
  cases.push(
    { py: `match ${text}:\n case {'a': x, 'b': y}: r = [x, y]\n case _: r = None`, run: () => mapping(make(), ['a', 'b'], false) },
    { py: `match ${text}:\n case {'b': y, **rest}: r = [y, rest]\n case _: r = None`, run: () => mapping(make(), ['b'], true) },
    { py: `match ${text}:\n case {**rest}: r = [rest]\n case _: r = None`, run: () => mapping(make(), [], true) },
    { py: `match ${text}:\n case {}: r = []\n case _: r = None`, run: () => mapping(make(), [], false) },
    { py: `match ${text}:\n case {1.0: x}: r = [x]\n case _: r = None`, run: () => mapping(make(), [new PyFloat(1)], false) },
  );
}
cases.push(
  {
    py: "class K:\n A = 'a'\n B = 'a'\nmatch {'a': 1, 'b': 2}:\n case {K.A: 1, K.B: 2}: r = 1\n case _: r = None",
    run: () => mapping(new PyDict([['a', 1], ['b', 2]]), ['a', 'a'], false),
  },
  {
    py: "class K:\n A = 'a'\n B = 'a'\nmatch {'a': 1}:\n case {K.A: 1, K.B: 2}: r = 1\n case _: r = None",
    run: () => mapping(new PyDict([['a', 1]]), ['a', 'a'], false),
  },
);

// Class patterns with builtin types: one positional sub-pattern matches the subject itself.
const BUILTIN_TYPES: [string, unknown][] = [['int', int], ['bool', bool], ['float', float], ['str', str], ['list', list], ['tuple', tuple], ['dict', dict]];
const VALUES: [string, () => unknown][] = [
  ['1', () => 1], ['True', () => true], ['1.0', () => new PyFloat(1)], ['2.5', () => 2.5], ["'s'", () => 's'],
  ['[1]', () => [1]], ['(1,)', () => PyTuple.of(1)], ['{}', () => new PyDict()], ['None', () => null],
];
for (const [name, cls] of BUILTIN_TYPES) {
  for (const [text, make] of VALUES) {
    cases.push({ py: `match ${text}:\n case ${name}(x): r = [x]\n case _: r = None`, run: () => matchClass(make(), cls, 1, []) });
  }
  cases.push(
    { py: `match 1:\n case ${name}(): r = True\n case _: r = False`, run: () => matchType(1, cls) },
    // The type test comes first: a subject of another type is no error.
    { py: `match 1:\n case ${name}(a, b): r = [a, b]\n case _: r = None`, run: () => matchClass(1, cls, 2, []) },
  );
}
cases.push(
  { py: 'f = len\nmatch 1:\n case f(): r = 1', run: () => matchType(1, () => 0) },
  { py: 'f = 3\nmatch 1:\n case f(): r = 1', run: () => matchType(1, 3) },
);

// Class patterns with Python classes.
function pyClass(name: string, matchArgs: unknown): unknown {
  return makeClass(name, [], (ns) => {
    if (matchArgs !== undefined) ns['__match_args__'] = matchArgs;
  });
}
function instance(cls: unknown, attrs: Record<string, unknown>): unknown {
  const obj = (cls as () => unknown)();
  for (const [k, v] of Object.entries(attrs)) setattr(obj, k, v);
  return obj;
}
const classCases: [string, unknown, string, number, string[]][] = [
  // [__match_args__ (Python), its JS value, the pattern's arguments, positional count, keywords]
  ["('x', 'y')", PyTuple.of<unknown>('x', 'y'), 'a, b', 2, []],
  ["('x', 'y')", PyTuple.of('x', 'y'), 'a', 1, []],
  ["('x', 'y')", PyTuple.of('x', 'y'), 'a, b, c', 3, []],
  ["('x', 'y')", PyTuple.of('x', 'y'), 'a, y=b', 1, ['y']],
  ["('x', 'y')", PyTuple.of('x', 'y'), 'a, x=b', 1, ['x']],
  ["('x', 'z')", PyTuple.of('x', 'z'), 'a, b', 2, []],
  ["('x', 'z')", PyTuple.of('x', 'z'), 'a, y=b', 1, ['y']],
  ["('x', 'y')", PyTuple.of('x', 'y'), 'z=a', 0, ['z']],
  ["('x', 'y')", PyTuple.of('x', 'y'), 'y=a, x=b', 0, ['y', 'x']],
  ["['x']", ['x'], 'a', 1, []],
  ['(1,)', PyTuple.of(1), 'a', 1, []],
  ["('x', 1)", PyTuple.of<unknown>('x', 1), 'a', 1, []],
  ['None', undefined, 'a', 1, []],
  ['None', undefined, 'x=a', 0, ['x']],
];
for (const [pyArgs, jsArgs, pattern, positional, keywords] of classCases) {
  const decl = pyArgs === 'None' ? 'pass' : `__match_args__ = ${pyArgs}`;
  cases.push({
    py: `class P:\n ${decl}\np = P()\np.x = 1\np.y = 2\nmatch p:\n case P(${pattern}): r = [${patternNames(pattern)}]\n case _: r = None`,
    run: () => {
      const P = pyClass('P', jsArgs);
      return matchClass(instance(P, { x: 1, y: 2 }), P, positional, keywords);
    },
  });
}

/** The capture names of a class pattern's arguments (`a, y=b` → `a, b`). */
function patternNames(args: string): string {
  return args.split(',').map((a) => a.split('=').pop()!.trim()).join(', ');
}

cases.push({
  py: "class P:\n __match_args__ = ('x',)\nclass Q(P): pass\nq = Q()\nq.x = 5\nmatch q:\n case P(a): r = [a]",
  run: () => {
    const P = pyClass('P', PyTuple.of('x'));
    const Q = makeClass('Q', [P], () => {});
    return matchClass(instance(Q, { x: 5 }), P, 1, []);
  },
});

function outcome(run: () => unknown): string {
  try {
    return repr(run());
  } catch (e) {
    if (e instanceof BaseException) return `${(e.constructor as typeof BaseException).__name__}: ${e.__str__()}`;
    throw e;
  }
}

describe('match helpers, against CPython', () => {
  const script = `
import json, sys
out = []
for src in json.load(sys.stdin):
    ns = {}
    try:
        exec(src, ns)
        out.append(repr(ns.get('r')))
    except BaseException as e:
        out.append(type(e).__name__ + ': ' + str(e))
sys.stdout.write(json.dumps(out))
`;
  const run = spawnSync('python3', ['-c', script], { input: JSON.stringify(cases.map((c) => c.py)), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  const expected = JSON.parse(run.stdout) as string[];

  it.each(cases.map((c, i) => [c.py.replace(/\n/g, ' ⏎ ').slice(0, 100), i] as const))('%s', (_, i) => {
    expect(outcome(cases[i]!.run), cases[i]!.py).toBe(expected[i]);
  });

  it('keeps list and tuple subjects as they are (no copy)', () => {
    const l = [1, 2];
    expect(matchSequence(l, 2)).toBe(l);
    expect(isinstance(sequenceRest(PyTuple.of(1, 2, 3), 1, 0), tuple)).toBe(false);
  });
});
