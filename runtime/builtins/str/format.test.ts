/**
 * format(value, spec), str.format and str.format_map against python3 on
 * random specs and templates. Numbers are formatted by a stand-in that
 * replays python3's own answers (see NumberFormats).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { AttributeError } from '../exceptions.js';
import { PyBytes, PyFloat, PyTuple } from '../values.js';
import { PyDict } from '../dict.js';
import { formatHooks, formatValue } from './formatSpec.js';
import { strFormat, str_format_map } from './format.js';
import { strHooks } from './hooks.js';
import '../bytes.js';
import { NumberFormats, Prng, mismatches, randomString, runPython } from './testing.js';
import type { Check } from './testing.js';

const rng = new Prng(99);
const pick = <T>(items: readonly T[]): T => rng.pick(items);
const maybe = (p: number, text: () => string): string => (rng.chance(p) ? text() : '');

function randomSpec(): string {
  let spec = '';
  if (rng.chance(0.4)) spec += maybe(0.5, () => pick(['*', '0', ' ', '{', '}', '\u{1f600}', '\u00e9', '<', '\x00'])) + pick(['<', '>', '^', '=']);
  spec += maybe(0.15, () => pick(['+', '-', ' ']));
  spec += maybe(0.05, () => 'z');
  spec += maybe(0.08, () => '#');
  spec += maybe(0.2, () => '0');
  spec += maybe(0.6, () => String(rng.int(14)));
  spec += maybe(0.1, () => pick([',', '_', ',_', '_,', ',,']));
  spec += maybe(0.35, () => '.' + pick(['', '0', '1', '2', '5']));
  spec += maybe(0.3, () => pick(['s', 'd', 'x', 'f', '%', ',', '\u00e9', '\u{1f600}', '\x10', ' ', 'ss', 'n']));
  return spec;
}

const numbers = new NumberFormats();
const specChecks: Check[] = [];

const VALUES: unknown[] = [null, [1, 'a'], PyTuple.of(1), new PyBytes(new Uint8Array([97, 0])), true, false, 0, 42, -7, 2n ** 70n, 1.5, new PyFloat(-0), -2.75];
for (let i = 0; i < 1500; i++) {
  const s = randomString(rng, pick([['ascii'], ['ascii', 'bmp', 'astral'], ['latin1', 'astral', 'space']]), 8);
  const spec = i % 5 === 0 ? pick(['', 's', '10', '<5', '^7', '.2', 'x^9.3', '09', '=5', '\u{1f600}>4']) : randomSpec();
  specChecks.push({ py: 'format', args: [s, spec], js: () => formatValue(s, spec) });
  const v = pick(VALUES);
  const spec2 = rng.chance(0.4) ? '' : randomSpec();
  specChecks.push({ py: 'format', args: [v, spec2], js: () => formatValue(v, spec2) });
}

/** Field names: numbering, keywords, lookups and broken ones. */
const NAMES = ['', '', '', '0', '1', '2', 'a', 'b', 'd', '0[0]', '2[1]', 'd[x]', 'd[0]', 'd[y]', '0[a]', '1.real', '0.x', 'd[x].real', '0[', '0]', '2[0]x', '00', ' 0', '-1', 'a.', '..', '[0]', '9999999999999999999999', 'zz', '2[5]', 'd[]', '0{'];
const CONVERSIONS = ['', '', '', '!r', '!s', '!a', '!x', '!', '!rr', '!\u00e9'];

function randomField(depth: number): string {
  let field = '{' + pick(NAMES) + pick(CONVERSIONS);
  if (rng.chance(0.4)) {
    const spec = depth < 2 && rng.chance(0.3) ? '{' + pick(['', '1', 'b', '0']) + '}' + maybe(0.3, () => randomSpec()) : randomSpec();
    field += ':' + spec;
  }
  return field + (rng.chance(0.97) ? '}' : '');
}

function randomTemplate(): string {
  let t = '';
  const parts = rng.range(0, 4);
  for (let i = 0; i < parts; i++) {
    t += pick(['ab', ' ', '\u00e9', '\u{1f600}', '{{', '}}', 'x=', '']);
    t += rng.chance(0.03) ? pick(['{', '}']) : randomField(0);
  }
  return t + maybe(0.2, () => pick(['}', '{', 'end']));
}

// Attribute access goes through strHooks.getattr: `.real` of an int, for the test.
strHooks.getattr = (obj, name) => {
  if (name === 'real' && typeof obj === 'number') return obj;
  throw new AttributeError(`'${typeof obj === 'number' ? 'int' : typeof obj === 'string' ? 'str' : 'list'}' object has no attribute '${name}'`);
};
afterAll(() => {
  delete strHooks.getattr;
  delete formatHooks.number;
});

const formatChecks: Check[] = [];
for (let i = 0; i < 2500; i++) {
  const t = randomTemplate();
  const s = randomString(rng, ['ascii', 'bmp', 'astral'], 5);
  const args: unknown[] = [s, pick([3, -12, 255, 7]), [s, 'q', 'w']].slice(0, rng.range(0, 3));
  const dict = new PyDict<unknown, unknown>([['x', 5], [0, 'zero']]);
  const kwargs = new Map<string, unknown>([['a', s], ['b', 10], ['d', dict]]);
  if (rng.chance(0.2)) kwargs.delete('a');
  formatChecks.push({ py: 'lambda s, a, k: s.format(*a, **k)', args: [t, args, kwargs], js: () => strFormat(t, args, kwargs) });
  if (i % 4 === 0) {
    const mapping = rng.chance(0.8) ? new PyDict<unknown, unknown>([['a', s], ['b', 1], ['d', dict]]) : [1, 2];
    formatChecks.push({ py: 'lambda s, m: s.format_map(m)', args: [t, mapping], js: () => str_format_map(t, mapping) });
  }
}
formatChecks.push({ py: 'lambda s: s.format()', args: ['{0:{{}}}'], js: () => strFormat('{0:{{}}}', []) });
formatChecks.push({ py: 'lambda s: s.format(1, 2, 3)', args: ['{:{:{}}}'], js: () => strFormat('{:{:{}}}', [1, 2, 3]) });
formatChecks.push({ py: 'lambda s: s.format_map({})', args: ['a'], js: () => str_format_map('a', new Map()) });
// Keyword arguments may come as a plain object too.
formatChecks.push({
  py: "lambda s: s.format(1, a='x', b=[2])",
  args: ['{a!r:>5}|{b[0]}|{0}|{c}'],
  js: () => strFormat('{a!r:>5}|{b[0]}|{0}|{c}', [1], { a: 'x', b: [2] }),
});

// First pass: learn which numbers get formatted with which specs.
formatHooks.number = numbers.record;
for (const c of [...specChecks, ...formatChecks]) {
  try {
    c.js();
  } catch {
    // Only the questions matter in this pass.
  }
}
const numberChecks = numbers.checks();
const outcomes = runPython([...numberChecks, ...specChecks, ...formatChecks]);
numbers.setAnswers(outcomes.slice(0, numberChecks.length));
formatHooks.number = numbers.replay;
const specExpected = outcomes.slice(numberChecks.length, numberChecks.length + specChecks.length);
const formatExpected = outcomes.slice(numberChecks.length + specChecks.length);

describe('formatHooks.object', () => {
  it("formats a user object through its hook, and falls back to object.__format__", () => {
    class Point {
      static readonly __name__ = 'Point';
    }
    const p = new Point();
    formatHooks.object = (value, spec) => (value instanceof Point ? `P<${spec}>` : undefined);
    try {
      expect(formatValue(p, '>5')).toBe('P<>5>');
      expect(strFormat('{0:x}', [p])).toBe('P<x>');
      expect(() => formatValue(new PyDict(), 'x')).toThrow('unsupported format string passed to dict.__format__');
    } finally {
      delete formatHooks.object;
    }
    expect(() => formatValue(p, '>5')).toThrow('unsupported format string passed to Point.__format__');
  });
});

describe('format(value, spec) against python3', () => {
  it(`${specChecks.length} specs agree`, () => {
    expect(mismatches(specChecks, specExpected)).toEqual([]);
  });
});

describe('str.format and str.format_map against python3', () => {
  it(`${formatChecks.length} templates agree`, () => {
    expect(mismatches(formatChecks, formatExpected)).toEqual([]);
  });
  it('exercises successes and errors alike', () => {
    const ok = formatExpected.filter((o) => o.ok).length;
    expect(ok).toBeGreaterThan(formatChecks.length / 8);
    expect(formatChecks.length - ok).toBeGreaterThan(formatChecks.length / 5);
  });
});
