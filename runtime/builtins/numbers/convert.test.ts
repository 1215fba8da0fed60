import { describe, expect, test } from 'vitest';
import { int, float } from './convert.js';
import { round } from './round.js';
import { truthy, toJsNumber, isNumber, boxFloat } from './core.js';
import { Prng, differences, randomFloat, randomInt, randomNumber, SPECIAL_NUMBERS, f, type Case } from './testing.js';
import { PyBytes, PyFloat } from '../values.js';

const PY = {
  int: 'lambda *a: int(*a)',
  float: 'lambda *a: float(*a)',
  round: 'lambda *a: round(*a)',
  truthy: 'lambda a: bool(a)',
  // math.sqrt raises PyFloat_AsDouble's TypeError for non-numbers.
  toJsNumber: 'lambda a: float(a) if num(a) else math.sqrt(a)',
};
const OURS = { int, float, round, truthy, toJsNumber: (a: unknown) => boxFloat(toJsNumber(a)) };

const PIECES = [
  '0', '1', '7', '9', '12', '_', '__', ' ', '  ', '\t', '\n', '+', '-', 'x', 'X', 'o', 'O', 'b', 'B', 'a', 'f', 'z', 'Z', 'g',
  '.', 'e', 'E', '\u0663', '\u{1D7CF}', '\uff11', '\u3000', '\x85', '\xa0', '\x1c', '\0', '\u200b', 'inf', 'nan', 'Infinity',
];

function randomText(rng: Prng): string {
  let s = '';
  const n = rng.range(0, 6);
  for (let k = 0; k < n; k++) s += rng.pick(PIECES);
  return s;
}

/** An int written in `base` (2..36), maybe with a prefix, underscores, sign and whitespace. */
function literal(rng: Prng, value: bigint, base: number, prefixed: boolean): string {
  let digits = (value < 0n ? -value : value).toString(base);
  if (rng.chance(0.3)) digits = digits.toUpperCase();
  if (rng.chance(0.3) && digits.length > 1) {
    const at = rng.range(1, digits.length - 1);
    digits = digits.slice(0, at) + '_' + digits.slice(at);
  }
  const prefix = prefixed ? (base === 16 ? '0x' : base === 8 ? '0o' : base === 2 ? '0b' : '') + (rng.chance(0.2) ? '_' : '') : '';
  const sign = value < 0n ? '-' : rng.chance(0.2) ? '+' : '';
  const ws = () => rng.pick(['', '', ' ', '\t', '\u3000']);
  return ws() + sign + prefix + digits + ws();
}

function floatText(rng: Prng): string {
  const x = randomFloat(rng);
  const v = x instanceof PyFloat ? x.value : x;
  let s = rng.chance(0.5) ? String(v) : v.toExponential(rng.range(0, 20));
  if (rng.chance(0.3)) s = s.replace(/(\d)(\d)/, '$1_$2');
  if (rng.chance(0.2)) s = s.toUpperCase();
  return rng.pick(['', ' ', '\u3000']) + s + rng.pick(['', ' ', '\n']);
}

function cases(): Case[] {
  const rng = new Prng(31);
  const out: Case[] = [];
  for (const a of [...SPECIAL_NUMBERS, null, [1]]) {
    out.push(['int', [a]], ['float', [a]], ['round', [a]], ['toJsNumber', [a]]);
    if (isNumber(a)) out.push(['truthy', [a]]);
    for (const n of [0, 1, -1, 2, -2, 5, -20, 400, -400, null, 1.5, true, 2n ** 70n]) out.push(['round', [a, n]]);
    // CPython computes 10**(2**70) for an int: only floats take a huge negative ndigits.
    if (a instanceof PyFloat || (typeof a === 'number' && !Number.isInteger(a))) out.push(['round', [a, -(2n ** 70n)]]);
  }
  for (let k = 0; k < 3000; k++) {
    const x = randomNumber(rng);
    out.push(['int', [x]], ['float', [x]], ['round', [x]]);
    out.push(['round', [x, rng.range(-25, 25)]]);
    out.push(['round', [x, rng.range(-330, 330)]]);
  }
  // round(float, n) on short decimals, where ties and near-ties abound.
  for (let k = 0; k < 4000; k++) {
    const digits = rng.range(1, 6);
    const x = f(rng.range(-100000, 100000) / 10 ** digits);
    out.push(['round', [x, rng.range(0, digits)]]);
    out.push(['round', [x]]);
  }
  for (let k = 0; k < 3000; k++) {
    const base = rng.pick([2, 8, 10, 16, 36, 3, 7, 0, 0, 10]);
    const value = BigInt(randomInt(rng));
    const written = base === 0 ? rng.pick([2, 8, 10, 16]) : base;
    const text = literal(rng, value, written, base === 0 ? written !== 10 : written !== 10 && rng.chance(0.5) && [2, 8, 16].includes(written));
    out.push(['int', base === 10 && rng.chance(0.5) ? [text] : [text, base]]);
  }
  for (let k = 0; k < 4000; k++) {
    const s = randomText(rng);
    out.push(['int', [s]]);
    out.push(['int', [s, rng.pick([0, 2, 8, 16, 36])]]);
    out.push(['float', [s]]);
  }
  for (let k = 0; k < 3000; k++) out.push(['float', [floatText(rng)]]);
  for (const base of [1, 37, -1, 2.5, true, null, 2n ** 64n, -(2n ** 64n)]) out.push(['int', ['11', base]]);
  out.push(['int', [12, 10]], ['int', [1.5, 16]], ['int', [null, 16]]);
  for (const n of [4299, 4300, 4301]) {
    out.push(['int', ['1'.repeat(n)]], ['int', ['0'.repeat(n)]], ['int', ['1'.repeat(n), 0]], ['int', ['1'.repeat(n), 36]]);
    out.push(['int', ['1'.repeat(n), 16]], ['int', ['1'.repeat(n) + 'x']], ['int', ['1_'.repeat(n) + '1']]);
  }
  out.push(['int', ['x'.repeat(300)]], ['float', ['x'.repeat(300)]], ['int', ['\u00e9'.repeat(300)]]);
  return out;
}

describe('conversions against python3', () => {
  test('int(), float(), round(), bool(): numbers, strings in every base, errors', () => {
    const all = cases();
    expect(all.length).toBeGreaterThan(40000);
    expect(differences(PY, OURS, all)).toEqual([]);
  });

  test('bytes parse like ASCII strings (values from python3)', () => {
    const b = (s: string) => new PyBytes(new TextEncoder().encode(s));
    expect(int(b(' 12 '))).toBe(12);
    expect(int(b('ff'), 16)).toBe(255);
    expect(float(b('1.5'))).toBe(1.5);
    expect(() => int(b('\u0663'))).toThrow('invalid literal for int() with base 10');
  });

  test('helpers', () => {
    expect(isNumber(true)).toBe(true);
    expect(isNumber(f(2))).toBe(true);
    expect(isNumber('1')).toBe(false);
    expect(() => toJsNumber(2n ** 1024n)).toThrow('int too large to convert to float');
  });
});
