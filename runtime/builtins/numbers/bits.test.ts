import { describe, expect, test } from 'vitest';
import { and_, or_, xor, invert, lshift, rshift } from './bits.js';
import { MemoryError } from '../exceptions.js';
import { Prng, differences, randomInt, randomNumber, SPECIAL_NUMBERS, NON_NUMBERS, type Case } from './testing.js';

const PY: Record<string, string> = {
  invert: 'lambda a: ~a if isinstance(a, int) else NotImplemented',
};
const OPS: Record<string, string> = { and_: '&', or_: '|', xor: '^', lshift: '<<', rshift: '>>' };
for (const [name, op] of Object.entries(OPS)) {
  PY[name] = `lambda a, b: (a ${op} b) if isinstance(a, int) and isinstance(b, int) else NotImplemented`;
}
const OURS = { and_, or_, xor, invert, lshift, rshift };

function cases(): Case[] {
  const rng = new Prng(99);
  const out: Case[] = [];
  const specials = [...SPECIAL_NUMBERS, ...NON_NUMBERS];
  for (const name of ['and_', 'or_', 'xor']) {
    for (const a of specials) for (const b of specials) out.push([name, [a, b]]);
    for (let k = 0; k < 3000; k++) out.push([name, [randomInt(rng), randomInt(rng)]]);
    for (let k = 0; k < 500; k++) out.push([name, [randomNumber(rng), randomNumber(rng)]]);
  }
  for (const name of ['lshift', 'rshift']) {
    for (const a of specials) {
      for (const b of [0, 1, 2, 31, 32, 52, 53, 54, 63, 64, 100, 1000, -1, -100, true, false, 1.5, f0(), 2n ** 64n, 'a']) {
        if (name === 'lshift' && typeof b === 'bigint' && a !== 0 && a !== false && a !== 'a' && a !== null) continue;
        out.push([name, [a, b]]);
      }
    }
    for (let k = 0; k < 3000; k++) out.push([name, [randomInt(rng), rng.range(-2, 200)]]);
    for (let k = 0; k < 500; k++) out.push([name, [randomInt(rng), rng.range(0, 2000)]]);
  }
  for (const a of specials) out.push(['invert', [a]]);
  for (let k = 0; k < 2000; k++) out.push(['invert', [randomNumber(rng)]]);
  return out;
}

function f0(): unknown {
  return 0.5;
}

describe('bitwise operators against python3', () => {
  test('& | ^ ~ << >>: bools, ints of every size, NotImplemented for floats and others', () => {
    expect(differences(PY, OURS, cases())).toEqual([]);
  });

  test('huge shifts fail as CPython does', () => {
    expect(() => lshift(1, 2n ** 62n)).toThrow(MemoryError);
    expect(() => lshift(1, 2n ** 100n)).toThrow('too many digits in integer');
    expect(lshift(0, 2n ** 100n)).toBe(0);
    expect(rshift(-5, 2n ** 100n)).toBe(-1);
    expect(rshift(5n ** 100n, 2n ** 100n)).toBe(0);
  });
});
