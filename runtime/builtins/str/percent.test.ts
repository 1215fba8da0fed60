/**
 * `fmt % args` against python3 on random format strings and arguments.
 * Floats are printed by a stand-in that replays python3's own answers (see
 * NumberFormats), so what is checked is everything around them.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { PyBytes, PyFloat, PyTuple } from '../values.js';
import { formatHooks } from './formatSpec.js';
import { percentFormat } from './percent.js';
import { PyDict } from '../dict.js';
import { NumberFormats, Prng, mismatches, randomString, runPython } from './testing.js';
import type { Check } from './testing.js';
import '../bytes.js';

const rng = new Prng(31337);
const pick = <T>(items: readonly T[]): T => rng.pick(items);
const maybe = (p: number, text: () => string): string => (rng.chance(p) ? text() : '');

const TYPES = ['s', 'r', 'a', 'd', 'i', 'u', 'o', 'x', 'X', 'e', 'E', 'f', 'F', 'g', 'G', 'c'];

interface Spec {
  text: string;
  /** Arguments it takes from a tuple ('*'s and the value). */
  takes: number;
  type: string;
}

function randomSpec(keyed: boolean): Spec {
  let text = '%';
  if (keyed || rng.chance(0.03)) text += '(' + pick(['a', 'b', 'x', 'a', 'b', '', '(a)', 'missing']) + ')';
  const flags = rng.int(4);
  for (let i = 0; i < flags; i++) text += pick(['-', '+', ' ', '#', '0']);
  let takes = 1;
  if (rng.chance(0.5)) {
    const star = rng.chance(0.1);
    takes += star ? 1 : 0;
    text += star ? '*' : String(rng.int(13));
  }
  if (rng.chance(0.35)) {
    const star = rng.chance(0.1);
    takes += star ? 1 : 0;
    text += '.' + (star ? '*' : pick(['', '0', '1', '3', '8']));
  }
  text += maybe(0.03, () => pick(['h', 'l', 'L', 'll']));
  const type = rng.chance(0.97) ? pick([...TYPES, ...TYPES, '%', 'y', '\u{1f600}', '\x10']) : '';
  return { text: text + type, takes, type };
}

/** A value for conversion `type`, of a fitting kind most of the time. */
function valueFor(type: string): unknown {
  const fit = rng.chance(0.85);
  if (fit && 'diuoxX'.includes(type)) return pick([rng.int(300) - 150, 0, 65, 2n ** 70n, -(2n ** 64n) + 1n, true, 1.5, -2.75]);
  if (fit && 'eEfFgG'.includes(type)) return pick([1.5, -2.25, 0.1, 3.999, new PyFloat(3), new PyFloat(-0), Infinity, -Infinity, NaN, 7, -3, true]);
  if (fit && type === 'c') return pick([65, 0x1f600, 0x10ffff, 0x110000, -1, 'x', '\u{1f600}', 'ab', true]);
  return pick([
    () => rng.int(300) - 150,
    () => randomString(rng, pick([['ascii'], ['ascii', 'bmp', 'astral']]), 4),
    () => pick([null, [1, 'a'], new PyBytes(new Uint8Array([104, 105])), 1.5, 'x', '', PyTuple.of<unknown>(1, 'b')]),
  ])();
}

function randomCase(): [string, unknown] {
  const keyed = rng.chance(0.2);
  const specs = Array.from({ length: rng.range(0, 3) }, () => randomSpec(keyed && rng.chance(0.9)));
  let fmt = '';
  for (const spec of specs) fmt += pick(['', 'ab', ' ', '\u00e9', '\u{1f600}', '%%', '=']) + spec.text;
  fmt += maybe(0.15, () => pick(['!', '%', ' end']));
  if (keyed) {
    const t = specs[0]?.type ?? 's';
    return [fmt, new PyDict<string, unknown>([['a', valueFor(t)], ['b', valueFor(t)], ['x', 'xx'], ['(a)', 3]])];
  }
  const args: unknown[] = [];
  for (const spec of specs) {
    for (let k = 1; k < spec.takes; k++) args.push(pick([3, 5, -4, 0, 1.5, 'x']));
    args.push(valueFor(spec.type));
  }
  // Now and then one argument too few or too many.
  if (rng.chance(0.05)) args.pop();
  if (rng.chance(0.05)) args.push(1);
  if (args.length === 1 && rng.chance(0.5)) return [fmt, args[0]];
  return [fmt, PyTuple.fromArray(args)];
}

const numbers = new NumberFormats();
afterAll(() => {
  delete formatHooks.number;
});

const checks: Check[] = [];
for (let i = 0; i < 6000; i++) {
  const [fmt, args] = randomCase();
  checks.push({ py: 'lambda f, a: f % a', args: [fmt, args], js: () => percentFormat(fmt, args) });
}
for (const [fmt, args] of [
  ['%99999999999999999999d', 1],
  ['%.99999999999999d', 1],
  ['%.*s', PyTuple.of<unknown>(2n ** 70n, 'x')],
  ['%*s', PyTuple.of<unknown>(2n ** 70n, 'x')],
  ['%s %s', ['a', 'b']],
  ['abc', []],
  ['abc', new PyBytes(new Uint8Array([1]))],
  ['%(a)s', new PyBytes(new Uint8Array([1]))],
  ['%c', 2n ** 100n],
  ['%d', new PyFloat(1e20)],
  ['%i', new PyFloat(-1e300)],
  ['%x', 2n ** 64n],
  ['%#10.5x', -255],
  ['% #010X', 255],
] as const) {
  checks.push({ py: 'lambda f, a: f % a', args: [fmt, args], js: () => percentFormat(fmt, args) });
}

formatHooks.number = numbers.record;
for (const c of checks) {
  try {
    c.js();
  } catch {
    // Only the questions matter in this pass.
  }
}
const numberChecks = numbers.checks();
const outcomes = runPython([...numberChecks, ...checks]);
numbers.setAnswers(outcomes.slice(0, numberChecks.length));
formatHooks.number = numbers.replay;
const expected = outcomes.slice(numberChecks.length);

describe('% formatting against python3', () => {
  it(`${checks.length} format strings agree`, () => {
    expect(mismatches(checks, expected)).toEqual([]);
  });
  it('exercises successes and errors alike', () => {
    const ok = expected.filter((o) => o.ok).length;
    expect(ok).toBeGreaterThan(checks.length / 5);
    expect(checks.length - ok).toBeGreaterThan(checks.length / 5);
  });
});
