/** The bytes methods of bytes/methods.ts against python3, on random bytes and edge arguments. */
import { describe, expect, it } from 'vitest';
import { PyBytes, PyTuple } from '../values.js';
import { BYTES_METHODS, bytesFromHex, bytesPercent } from '../bytes.js';
import { makeBytes } from './methods.js';
import { Prng, mismatches, runPython } from '../str/testing.js';
import type { Check } from '../str/testing.js';

const rng = new Prng(8080);
const pick = <T>(items: readonly T[]): T => rng.pick(items);
const B = (s: string): PyBytes => new PyBytes(Uint8Array.from(s, (c) => c.charCodeAt(0)));

/** Short bytes over a small alphabet, so that searches find things. */
function randomBytes(): PyBytes {
  const pool = 'aAbB \t\n\r\x0b\x0c.,-_1x\x00\xff\xe9';
  const n = rng.int(9);
  let s = '';
  for (let i = 0; i < n; i++) s += pick([...pool]);
  return B(s);
}

const call = (name: string, b: PyBytes, args: unknown[]) => () => (BYTES_METHODS[name] as (...a: unknown[]) => unknown)(b, ...args);
const checks: Check[] = [];
const add = (name: string, b: PyBytes, args: unknown[]): void => {
  checks.push({ py: `lambda b, *a: b.${name}(*a)`, args: [b, ...args], js: call(name, b, args) });
};

for (let k = 0; k < 400; k++) {
  const b = randomBytes();
  const sub = pick<unknown>([randomBytes(), B('a'), B(''), 97, 0, 300, 'a', B('ab')]);
  const bounds = pick<unknown[]>([[], [1], [-2], [0, 3], [2, -1], [10], [-20, 2], [null, 2]]);
  for (const name of ['find', 'rfind', 'index', 'rindex', 'count']) add(name, b, [sub, ...bounds]);
  const prefix = pick<unknown>([B('a'), B(''), PyTuple.of(B('x'), B('a')), 'a', B('A\x00')]);
  add('startswith', b, [prefix, ...bounds]);
  add('endswith', b, [prefix, ...bounds]);
  const chars = pick<unknown[]>([[], [B('a ')], [null], ['a'], [B('')]]);
  for (const name of ['strip', 'lstrip', 'rstrip']) add(name, b, chars);
  const splitArgs = pick<unknown[]>([[], [null, 1], [B('a')], [B('a'), 1], [B(' ')], [B('')], ['a'], [null, 0], [B('ab'), -1]]);
  add('split', b, splitArgs);
  add('rsplit', b, splitArgs);
  add('splitlines', b, pick([[], [true], [false]]));
  add('partition', b, [pick<unknown>([B('a'), B(' '), B(''), 'a'])]);
  add('rpartition', b, [pick<unknown>([B('a'), B(' '), B('x1')])]);
  add('replace', b, [pick<unknown>([B('a'), B(''), 'a']), pick<unknown>([B('ZZ'), B('')]), ...pick<unknown[]>([[], [1], [0], [-1]])]);
  add('join', b, [pick<unknown>([[B('x'), B('y')], [], [B('q')], ['s'], [B('a'), 1]])]);
  for (const name of ['center', 'ljust', 'rjust']) add(name, b, [pick([0, 5, 10, 11]), ...pick<unknown[]>([[], [B('*')], ['*'], [B('ab')]])]);
  add('zfill', b, [pick([0, 3, 10])]);
  add('expandtabs', b, pick<unknown[]>([[], [4], [0], [1]]));
  add('removeprefix', b, [pick<unknown>([B('a'), B(''), 'a'])]);
  add('removesuffix', b, [pick<unknown>([B('a'), B(''), B('\xe9')])]);
  for (const name of ['upper', 'lower', 'swapcase', 'capitalize', 'title', 'isalpha', 'isdigit', 'isalnum', 'isspace', 'isascii', 'isupper', 'islower', 'istitle']) {
    add(name, b, []);
  }
}
for (const s of ['Hello World', 'HELLO', 'hello', 'Hello wORLD', '123', 'abc123', '  \t', '', 'They\'re', 'a1B2']) {
  for (const name of ['title', 'capitalize', 'istitle', 'isupper', 'islower', 'isalnum', 'isspace', 'isdigit']) add(name, B(s), []);
}
for (const s of ['de ad be ef', 'DEADBEEF', '', 'zz', 'a', '0 1', ' 01 ', '1g']) {
  checks.push({ py: 'bytes.fromhex', args: [s], js: () => bytesFromHex(s) });
}
const formats: [string, unknown][] = [
  ['%s is %d', PyTuple.of<unknown>(B('x'), 5)], ['%05.1f', 3.14159], ['%c%c', PyTuple.of<unknown>(72, B('i'))], ['%r', B('x')], ['%a', 'é'],
  ['%s', 'x'], ['%s', 5], ['%c', 300], ['%c', 'a'], ['%x|%-4d|%+d', PyTuple.of(255, 7, 3)], ['%b', B('raw')], ['%%', PyTuple.of()],
  ['%(k)s', null], ['%d', B('x')],
];
for (const [fmt, args] of formats) checks.push({ py: 'lambda f, a: f % a', args: [B(fmt), args], js: () => bytesPercent(B(fmt), args) });

const sources: unknown[][] = [[], [3], [0], [-1], [true], [[65, 66]], [[256]], [[1.5]], ['abc'], ['h\u00e9', 'utf-8'], ['h\u00e9', 'latin-1'],
  ['\u00e9', 'ascii', 'replace'], [B('copy')], [null], [1.5], [PyTuple.of(1, 2)], [[]], [5, 'utf-8']];
for (const args of sources) checks.push({ py: 'bytes', args, js: () => (makeBytes as (...a: unknown[]) => unknown)(...args) });

const expected = runPython(checks);

describe('bytes methods against python3', () => {
  it(`${checks.length} calls agree`, () => {
    expect(mismatches(checks, expected)).toEqual([]);
  });
});
