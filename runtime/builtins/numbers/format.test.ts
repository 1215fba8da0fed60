import { describe, expect, test } from 'vitest';
import { formatNumber } from './format.js';
import { reprNumber, reprComplex } from './repr.js';
import { Prng, differences, randomFloat, randomInt, randomNumber, SPECIAL_NUMBERS, f, type Case } from './testing.js';
import { PyComplex, PyFloat } from '../values.js';
import { repr } from '../repr.js';

const PY = {
  repr: 'lambda v: repr(v)',
  format: 'lambda v, s: format(v, s)',
};
const OURS = {
  repr: (v: PyComplex | number) => (v instanceof PyComplex ? reprComplex(v) : reprNumber(v)),
  format: formatNumber,
};

const FILLS = ['*', '0', ' ', 'x', '=', '\u{1F600}', '<', '{'];
const TYPES = ['', '', '', 'b', 'c', 'd', 'o', 'x', 'X', 'n', 'e', 'E', 'f', 'F', 'g', 'G', '%', 's', 'r', 'q'];

function randomSpec(rng: Prng): string {
  if (rng.chance(0.03)) {
    let s = '';
    for (let k = rng.range(1, 5); k > 0; k--) s += rng.pick(['d', '.', ',', '_', '0', '5', '#', '+', 'z', '<', 'x', '%']);
    return s;
  }
  let s = '';
  const a = rng.int(4);
  if (a === 1) s += rng.pick(['<', '>', '^', '=']);
  else if (a === 2) s += rng.pick(FILLS) + rng.pick(['<', '>', '^', '=']);
  if (rng.chance(0.4)) s += rng.pick(['+', '-', ' ']);
  if (rng.chance(0.15)) s += 'z';
  if (rng.chance(0.2)) s += '#';
  if (rng.chance(0.25)) s += '0';
  if (rng.chance(0.5)) s += String(rng.range(1, 30));
  if (rng.chance(0.25)) s += rng.pick([',', '_']);
  if (rng.chance(0.5)) s += '.' + String(rng.chance(0.1) ? rng.range(20, 60) : rng.range(0, 12));
  s += rng.pick(TYPES);
  return s;
}

function randomComplex(rng: Prng): PyComplex {
  const part = () => {
    const x = randomFloat(rng);
    return x instanceof PyFloat ? x.value : x;
  };
  return new PyComplex(rng.chance(0.2) ? rng.pick([0, -0]) : part(), part());
}

function cases(): Case[] {
  const rng = new Prng(1234);
  const out: Case[] = [];
  for (const v of SPECIAL_NUMBERS) out.push(['repr', [v]]);
  for (let k = 0; k < 20000; k++) out.push(['repr', [randomFloat(rng)]]);
  for (let k = 0; k < 2000; k++) out.push(['repr', [randomInt(rng)]]);
  for (let k = 0; k < 1000; k++) out.push(['repr', [randomComplex(rng)]]);
  out.push(['repr', [10n ** 4299n]], ['repr', [10n ** 4300n]], ['repr', [-(10n ** 4300n) + 1n]]);
  for (let k = 0; k < 25000; k++) out.push(['format', [randomNumber(rng), randomSpec(rng)]]);
  for (let k = 0; k < 3000; k++) out.push(['format', [randomComplex(rng), randomSpec(rng)]]);
  // Ties and near-ties in every notation and precision.
  for (let k = 0; k < 6000; k++) {
    const x = f((rng.range(-100000, 100000) + rng.pick([0, 0.5, 0.25, 0.125])) / 10 ** rng.range(0, 6));
    out.push(['format', [x, '.' + rng.range(0, 8) + rng.pick(['f', 'e', 'g', '%', ''])]]);
  }
  for (let k = 0; k < 3000; k++) {
    const x = randomFloat(rng);
    out.push(['format', [x, '.' + rng.range(0, 120) + rng.pick(['f', 'e', 'g'])]]);
  }
  for (const spec of ['', 'd', 'x', ',', '_x', '10']) out.push(['format', [10n ** 4300n, spec]], ['format', [2n ** 20000n, spec]]);
  for (const v of [true, false]) for (const spec of ['', 'd', '5', '^5', 'x', 'f', 'c', 's', 'xx', '.2']) out.push(['format', [v, spec]]);
  return out;
}

describe('repr and format against python3', () => {
  test('repr of ints, floats, complex; format() with every spec feature and error', () => {
    const all = cases();
    expect(differences(PY, OURS, all)).toEqual([]);
  });

  test('repr hook is registered', () => {
    expect(repr(f(1))).toBe('1.0');
    expect(repr(f(1e16))).toBe('1e+16');
    expect(repr(f(-0))).toBe('-0.0');
  });
});
