import { describe, expect, test } from 'vitest';
import { eq, ne, lt, le, gt, ge } from './compare.js';
import { hashNumber } from './hash.js';
import { Prng, differences, randomFloat, randomInt, randomNumber, SPECIAL_NUMBERS, NON_NUMBERS, f, type Case } from './testing.js';

const OPS: Record<string, string> = { eq: '==', ne: '!=', lt: '<', le: '<=', gt: '>', ge: '>=' };
const PY: Record<string, string> = {
  hash: 'lambda a: hash(a)',
};
for (const [name, op] of Object.entries(OPS)) {
  PY[name] = `lambda a, b: (a ${op} b) if num(a) and num(b) else NotImplemented`;
}
const OURS = { eq, ne, lt, le, gt, ge, hash: hashNumber };

function cases(): Case[] {
  const rng = new Prng(5);
  const out: Case[] = [];
  const specials = [...SPECIAL_NUMBERS, ...NON_NUMBERS];
  for (const name of Object.keys(OPS)) {
    for (const a of specials) for (const b of specials) out.push([name, [a, b]]);
    for (let k = 0; k < 3000; k++) out.push([name, [randomNumber(rng), randomNumber(rng)]]);
    // An int against the float nearest to it: the comparison must stay exact.
    for (let k = 0; k < 1000; k++) {
      const a = randomInt(rng);
      const near = Number(a);
      if (!Number.isFinite(near)) continue;
      out.push([name, [a, f(near)]]);
      out.push([name, [f(near), a]]);
    }
  }
  for (const a of SPECIAL_NUMBERS) if (!(typeof a === 'number' && a !== a)) out.push(['hash', [a]]);
  for (let k = 0; k < 4000; k++) out.push(['hash', [randomInt(rng)]]);
  for (let k = 0; k < 4000; k++) {
    const x = randomFloat(rng);
    if (!(typeof x === 'number' && x !== x)) out.push(['hash', [x]]);
  }
  for (const big of [2n ** 61n - 1n, 2n ** 61n, 2n ** 61n - 2n, -(2n ** 61n - 1n), -(2n ** 61n), -(2n ** 61n) + 2n, 2n ** 122n - 1n]) {
    out.push(['hash', [big]]);
  }
  return out;
}

describe('comparisons and hash against python3', () => {
  test('== != < <= > >= exact across int, bool, float; NotImplemented for others', () => {
    expect(differences(PY, OURS, cases())).toEqual([]);
  });

  test('2**53 + 1 is not float(2**53); hash(1) == hash(1.0) == hash(True); nan hashes to 0', () => {
    expect(eq(9007199254740993n, f(2 ** 53))).toBe(false);
    expect(lt(f(2 ** 53), 9007199254740993n)).toBe(true);
    expect(hashNumber(1)).toBe(hashNumber(f(1)));
    expect(hashNumber(true)).toBe(1);
    expect(hashNumber(-1)).toBe(-2);
    expect(hashNumber(NaN)).toBe(0);
  });
});
