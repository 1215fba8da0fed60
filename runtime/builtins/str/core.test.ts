/**
 * len, indexing, slicing, `in`, +, *, ordering, hash, repr and ascii against
 * python3 on random strings of every kind of character.
 */
import { describe, expect, it } from 'vitest';
import { PyBytes, PyFloat, PyTuple } from '../values.js';
import { repr } from '../repr.js';
import {
  strCompare,
  strConcat,
  strContains,
  strGetItem,
  strHash,
  strLen,
  strRepeat,
  strSlice,
  strGe,
  strGt,
  strLe,
  strLt,
} from './core.js';
import { ascii, reprStr } from './repr.js';
import { Prng, mismatches, randomString, runPython } from './testing.js';
import type { Check, PoolName } from './testing.js';

const rng = new Prng(20241122);
const KINDS: PoolName[][] = [
  ['ascii'],
  ['ascii', 'space'],
  ['ascii', 'latin1'],
  ['ascii', 'bmp'],
  ['ascii', 'astral'],
  ['bmp', 'astral', 'high'],
  ['ascii', 'astral', 'low'],
  ['latin1', 'bmp', 'astral', 'space'],
];

function strings(count: number, maxLen: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(randomString(rng, KINDS[i % KINDS.length]!, maxLen));
  return out;
}

const BOUNDS: unknown[] = [null, 0, 1, 2, 3, -1, -2, -5, 7, 100, -100, true, false, 2n ** 70n, -(2n ** 70n)];
const STEPS: unknown[] = [null, 1, 2, 3, -1, -2, -3, 0, 2n ** 70n, -(2n ** 70n), true];

const groups: Record<string, Check[]> = { len: [], getitem: [], slice: [], contains: [], concat: [], repeat: [], compare: [], repr: [] };

for (const s of strings(400, 12)) {
  groups.len!.push({ py: 'len', args: [s], js: () => strLen(s) });
  groups.repr!.push({ py: 'repr', args: [s], js: () => reprStr(s) });
  groups.repr!.push({ py: 'ascii', args: [s], js: () => ascii(s) });
  groups.repr!.push({ py: 'lambda s: repr([s, (s,)])', args: [s], js: () => repr([s, PyTuple.of(s)]) });
  groups.repr!.push({ py: 'lambda s: ascii([s, (s, None)])', args: [s], js: () => ascii([s, PyTuple.of(s, null)]) });
  for (const i of [0, 1, 3, -1, -4, 11, -12, 40, true, 2n ** 70n, 1.5, null, 'x']) {
    groups.getitem!.push({ py: 'lambda s, i: s[i]', args: [s, i], js: () => strGetItem(s, i) });
  }
  for (let k = 0; k < 6; k++) {
    const a = rng.pick(BOUNDS);
    const b = rng.pick(BOUNDS);
    const c = rng.pick(STEPS);
    groups.slice!.push({ py: 'lambda s, a, b, c: s[a:b:c]', args: [s, a, b, c], js: () => strSlice(s, a, b, c) });
  }
}
groups.slice!.push({ py: "lambda s: s['a':]", args: ['abc'], js: () => strSlice('abc', 'a') });
groups.slice!.push({ py: 'lambda s: s[1.0:]', args: ['abc'], js: () => strSlice('abc', 1.5) });
groups.getitem!.push({ py: 'lambda s: s[1.0]', args: ['abc'], js: () => strGetItem('abc', new PyFloat(1)) });

for (const s of strings(300, 8)) {
  const subs = [s.slice(1, 3), s.slice(0, 1), '', 'a', '\ud83d', '\ude00', Array.from(s).slice(1, 3).join(''), 5, null];
  for (const sub of subs) groups.contains!.push({ py: 'lambda s, x: x in s', args: [s, sub], js: () => strContains(s, sub) });
  for (const other of [strings(1, 5)[0]!, 1, null, new PyBytes(new Uint8Array([97]))]) {
    groups.concat!.push({ py: 'lambda a, b: a + b', args: [s, other], js: () => strConcat(s, other) });
  }
  for (const n of [0, 1, 3, -2, true, false, 2n ** 70n, -(2n ** 70n), 1.5, '2']) {
    groups.repeat!.push({ py: 'lambda s, n: s * n', args: [s, n], js: () => strRepeat(s, n) });
  }
}
groups.repeat!.push({ py: 'lambda s, n: s * n', args: ['', 2n ** 63n], js: () => strRepeat('', 2n ** 63n) });

// Pairs that share prefixes so that the first difference falls anywhere, across every kind of character.
const ordered = strings(300, 5);
for (let i = 0; i < ordered.length; i++) {
  const a = ordered[i]!;
  const b = rng.chance(0.5) ? a + ordered[(i + 1) % ordered.length]! : ordered[(i * 7 + 3) % ordered.length]!;
  groups.compare!.push({ py: 'lambda a, b: (a < b, a <= b, a > b, a >= b, (a > b) - (a < b))', args: [a, b], js: () => PyTuple.of<unknown>(strLt(a, b), strLe(a, b), strGt(a, b), strGe(a, b), strCompare(a, b)) });
}
for (const [a, b] of [
  ['\uffff', '\u{10000}'],
  ['\ue000', '\ud800'],
  ['a\ud800', 'a\u{10000}'],
  ['\udbff', '\u{10000}'],
  ['\u{1f600}x', '\u{1f600}'],
  ['\u{1f600}', '\u{1f601}'],
  ['\u{10400}', '\ufb01'],
]) {
  groups.compare!.push({ py: 'lambda a, b: (a < b, a > b)', args: [a, b], js: () => PyTuple.of(strLt(a!, b!), strGt(a!, b!)) });
}

// Long strings: chunked conversions and the cached code point view.
const long = randomString(rng, ['ascii', 'bmp', 'astral', 'high'], 120_000);
groups.slice!.push({ py: 'lambda s: s[::-1]', args: [long], js: () => strSlice(long, null, null, -1) });
groups.slice!.push({ py: 'lambda s: s[5000:90000:3]', args: [long], js: () => strSlice(long, 5000, 90000, 3) });
groups.len!.push({ py: 'len', args: [long], js: () => strLen(long) });
groups.getitem!.push({ py: 'lambda s: [s[i] for i in range(0, len(s), 997)]', args: [long], js: () => Array.from({ length: Math.ceil(strLen(long) / 997) }, (_, k) => strGetItem(long, k * 997)) });
groups.repr!.push({ py: 'repr', args: [long], js: () => reprStr(long) });

const all = Object.values(groups).flat();
const expected = runPython(all);
let offset = 0;

describe('str core against python3', () => {
  for (const [name, checks] of Object.entries(groups)) {
    const from = offset;
    offset += checks.length;
    it(`${name} (${checks.length} cases)`, () => {
      expect(mismatches(checks, expected.slice(from, from + checks.length))).toEqual([]);
    });
  }
});

describe('strHash', () => {
  it('equal strings hash equal, different ones mostly differ', () => {
    const words = strings(500, 10);
    const seen = new Map<number, string>();
    let collisions = 0;
    for (const w of words) {
      const copy = (' ' + w).slice(1);
      expect(strHash(copy)).toBe(strHash(w));
      const other = seen.get(strHash(w));
      if (other !== undefined && other !== w) collisions++;
      seen.set(strHash(w), w);
    }
    expect(collisions).toBeLessThan(3);
  });
});
