/**
 * Every method of STR_METHODS against python3 on random strings and
 * arguments (values, exceptions and their messages, wrong argument counts).
 */
import { describe, expect, it } from 'vitest';
import { PyTuple } from '../values.js';
import { PyDict } from '../dict.js';
import { STR_METHODS } from './methods.js';
import { str_maketrans } from './translate.js';
import { Prng, mismatches, randomString, runPython } from './testing.js';
import type { Check, PoolName } from './testing.js';

const rng = new Prng(7);
const KINDS: PoolName[][] = [
  ['ascii'],
  ['ascii', 'space'],
  ['ascii', 'latin1', 'space'],
  ['ascii', 'bmp'],
  ['bmp', 'astral', 'space'],
  ['ascii', 'astral', 'high'],
  ['ascii', 'bmp', 'low'],
  ['latin1', 'bmp', 'astral'],
];

/** Strings made of one kind of character, so that predicates are sometimes true. */
const UNIFORM = ['ABCXYZ\u03a3\u00c0\u0130\u01c4\u{10400}', 'abcxyz\u03c3\u00df\u01c6\u{10428}', '0123456789\u0660\u0967\u{1d7ce}', '\u00bd\u2160\u2460\u4e09\u00b2', ' \t\n\x1c\x85\u3000\u2028', 'abc_\u00e9\u4e00\u0301\u{1e900}'];

// str hashes are randomised per process in CPython: nothing to compare.
const methodNames = Object.keys(STR_METHODS).filter((n) => n !== 'format' && n !== 'format_map' && n !== 'maketrans' && n !== '__hash__');

function pick<T>(items: readonly T[]): T {
  return rng.pick(items);
}

/** A string of the same kind as `s` (or a piece of it), for arguments. */
function related(s: string, kind: PoolName[]): string {
  const cps = Array.from(s);
  if (cps.length > 0 && rng.chance(0.6)) {
    const i = rng.int(cps.length);
    return cps.slice(i, i + rng.range(0, 3)).join('');
  }
  return randomString(rng, kind, 2);
}

function bound(): unknown {
  return pick([null, 0, 1, 2, -1, -3, 5, 20, -20, true, 2n ** 70n, -(2n ** 70n)]);
}

/** Argument lists for `name` called on `s`. */
function argLists(name: string, s: string, kind: PoolName[]): unknown[][] {
  const r = (): string => (rng.chance(0.2) ? pick(['a', 'aa', 'ab', 'aaa', 'ba']) : related(s, kind));
  switch (name) {
    case 'strip':
    case 'lstrip':
    case 'rstrip':
      return [[], [null], [r()], [r() + r()], [5], ['a', 'b']];
    case 'split':
    case 'rsplit':
      return [[], [null], [r()], [r(), pick([0, 1, 2, -1])], [null, pick([0, 1, 2, -1])], [''], [5], [r(), 1.5], [r(), 'x'], [1, 2, 3]];
    case 'splitlines':
      return [[], [true], [false], [1], ['x'], [1.5], [2, 3]];
    case 'join':
      return [[Array.from({ length: rng.int(4) }, r)], [PyTuple.of(r(), r())], [r() + r()], [[r(), 1]], [5], [], [[], []]];
    case 'replace':
      return [[r(), r()], [r(), r(), pick([0, 1, 2, -1])], ['', r()], ['', r(), pick([0, 1, 2])], [1, 'a'], ['a', 1], ['a'], ['a', 'b', 1.5]];
    case 'find':
    case 'rfind':
    case 'index':
    case 'rindex':
    case 'count':
      return [[r()], [r(), bound()], [r(), bound(), bound()], [''], ['', bound(), bound()], [1], [], ['a', 1.5], ['a', 1, 2, 3]];
    case 'startswith':
    case 'endswith':
      return [[r()], [r(), bound(), bound()], [PyTuple.of(r(), r())], [PyTuple.of<unknown>(r(), 1)], [''], ['', bound()], [1], [[r()]], []];
    case 'partition':
    case 'rpartition':
      return [[r()], [''], [1], []];
    case 'center':
    case 'ljust':
    case 'rjust':
      return [[rng.int(14)], [rng.int(14), pick(['*', '\u00e9', '\u{1f600}'])], [5, 'xy'], [5, 1], [5.0 + 0.5], ['5'], [-3], []];
    case 'zfill':
      return [[rng.int(12)], ['5'], [-1], []];
    case 'expandtabs':
      return [[], [pick([0, 1, 3, 4, 8, -2])], [1.5], [1, 2]];
    case 'encode':
      return [
        [],
        [pick(['ascii', 'latin-1', 'utf-8', 'UTF8', 'latin1', 'us-ascii', 'ISO-8859-1'])],
        [pick(['ascii', 'latin-1', 'utf-8']), pick(['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'surrogateescape', 'surrogatepass', 'bogus'])],
        ['nope'],
        [1],
        ['utf-8', 1],
      ];
    case 'removeprefix':
    case 'removesuffix':
      return [[r()], [s.slice(0, 2)], [''], [1], []];
    case 'translate': {
      const cps = Array.from(s);
      const table = rng.chance(0.5) ? new Map<unknown, unknown>() : new PyDict<unknown, unknown>();
      for (let k = 0; k < 3 && cps.length > 0; k++) {
        table.set(pick(cps).codePointAt(0), pick([null, r(), 0x41, 0x1f600, '']));
      }
      return [[table], [r() + r() + r()], [new Map([[cps[0]?.codePointAt(0) ?? 97, 1.5]])], [new Map([[cps[0]?.codePointAt(0) ?? 97, -1]])], [5]];
    }
    default:
      // The methods without arguments, called with one too many as well.
      return [[], ['x']];
  }
}

const checks: Check[] = [];
for (let i = 0; i < 240; i++) {
  const kind = KINDS[i % KINDS.length]!;
  // Every fifth string is made of one kind of character, every fifth of two letters (overlapping matches).
  const s = i % 5 === 4 ? randomUniform() : i % 5 === 3 ? randomTiny() : randomString(rng, kind, 10);
  for (const name of methodNames) {
    for (const args of argLists(name, s, kind)) {
      const f = STR_METHODS[name] as (...a: unknown[]) => unknown;
      checks.push({ py: `lambda s, *a: s.${name}(*a)`, args: [s, ...args], js: () => f(s, ...args) });
    }
  }
}

function randomTiny(): string {
  let s = '';
  for (let n = rng.int(9); n > 0; n--) s += pick(['a', 'a', 'b', '\u{1f600}']);
  return s;
}

function randomUniform(): string {
  const pool = Array.from(pick(UNIFORM));
  let s = '';
  const n = rng.range(1, 6);
  for (let i = 0; i < n; i++) s += pick(pool);
  // Sometimes title-case-like words.
  return rng.chance(0.3) ? s.charAt(0).toUpperCase() + s.slice(1) + ' ' + s : s;
}

// Capital sigma in every context the final-sigma rule looks at.
for (const s of ['\u03a3', 'A\u03a3', 'A\u03a3B', 'A\u03a3.', "A'\u03a3", 'A\u03a3\u0301', '1\u03a3', 'A\u0345\u03a3', '\u03a3A', 'A \u03a3', 'A\u03a3\u00ad', 'A\u03a3\u200d\u0391']) {
  for (const name of ['lower', 'title', 'capitalize', 'swapcase', 'casefold']) {
    const f = STR_METHODS[name] as (...a: unknown[]) => unknown;
    checks.push({ py: `lambda s: s.${name}()`, args: [s], js: () => f(s) });
  }
}

// Random Greek with case-ignorable and uncased neighbours, for the final-sigma rule.
for (let i = 0; i < 300; i++) {
  let g = '';
  for (let n = rng.range(1, 7); n > 0; n--) g += pick(['\u03a3', '\u03a3', '\u0391', '\u03b1', "'", '.', '\u0301', '\u00ad', '\u200d', ' ', '1', '\u{10400}', '\u{1d400}', '\u0345', 'a']);
  for (const name of ['lower', 'title', 'capitalize', 'swapcase', 'casefold', 'upper']) {
    const f = STR_METHODS[name] as (...a: unknown[]) => unknown;
    checks.push({ py: `lambda s: s.${name}()`, args: [g], js: () => f(g) });
  }
}

// Long strings (chunked conversions, whole-string fast paths).
const long = randomString(rng, ['ascii', 'bmp', 'astral', 'space', 'high'], 50_000);
for (const [name, args] of [
  ['upper', []], ['lower', []], ['title', []], ['swapcase', []], ['casefold', []], ['capitalize', []],
  ['strip', ['\u{1f600}\u{10400}a ']], ['split', []], ['splitlines', [true]], ['replace', ['a', '\u{1f600}']],
  ['find', ['\u{1d400}', 1000]], ['count', ['\u03a3']], ['center', [60_000, '\u{1f600}']], ['expandtabs', [3]],
  ['translate', [new Map([[0x1f600, null], [0x61, 'AA']])]], ['encode', ['utf-8', 'surrogateescape']], ['isprintable', []],
] as const) {
  const f = STR_METHODS[name] as (...a: unknown[]) => unknown;
  checks.push({ py: `lambda s, *a: s.${name}(*a)`, args: [long, ...args], js: () => f(long, ...args) });
}

// str.maketrans: one dict, two or three strings, and its errors.
for (const args of [
  [new PyDict<unknown, unknown>([['a', 'b'], [98, null], [0x1f600, 65], [97, 'z']])],
  [new PyDict([['ab', 1]])],
  [new PyDict([[1.5, 1]])],
  [new Map<unknown, unknown>([['a', 'b']])],
  [1],
  ['abc', 'xyz'],
  ['abc', 'xyz', 'q'],
  ['aab', 'xyz'],
  ['ab', 'c'],
  ['ab', 1],
  [1, 'ab'],
  ['ab', 'cd', 1],
  [],
  ['a', 'b', 'c', 'd'],
]) {
  checks.push({ py: 'lambda *a: str.maketrans(*a)', args, js: () => (str_maketrans as (...a: unknown[]) => unknown)(...args) });
}

const expected = runPython(checks);

describe('str methods against python3', () => {
  it(`${checks.length} calls agree`, () => {
    expect(mismatches(checks, expected)).toEqual([]);
  });
  it('covers every method of STR_METHODS', () => {
    expect(new Set(checks.map((c) => /\.(\w+)\(/.exec(c.py)?.[1]))).toEqual(new Set([...methodNames, 'maketrans']));
  });
});
