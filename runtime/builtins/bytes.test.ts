/** bytes basics and decoding against python3 on random byte strings. */
import { describe, expect, it } from 'vitest';
import { PyBytes, PyTuple } from './values.js';
import { repr } from './repr.js';
import {
  bytesCompare,
  bytesConcat,
  bytesContains,
  bytesEq,
  bytesGetItem,
  bytesHash,
  bytesLen,
  bytesRepeat,
  bytesSlice,
  bytes_decode,
  bytes_hex,
  reprBytes,
} from './bytes.js';
import { Prng, mismatches, randomString, runPython } from './str/testing.js';
import type { Check } from './str/testing.js';

const rng = new Prng(4242);
const pick = <T>(items: readonly T[]): T => rng.pick(items);

/** Random bytes: printable, quotes, controls, high bytes, and UTF-8 with damage. */
function randomBytes(): PyBytes {
  if (rng.chance(0.4)) {
    const text = randomString(rng, pick([['ascii'], ['ascii', 'latin1', 'bmp', 'astral']]), 8);
    const data = Array.from(new TextEncoder().encode(text));
    // Damage: drop, change or insert a byte.
    for (let k = rng.int(3); k > 0 && data.length > 0; k--) {
      const i = rng.int(data.length);
      const what = rng.int(3);
      if (what === 0) data.splice(i, 1);
      else if (what === 1) data[i] = pick([0x80, 0xbf, 0xc0, 0xc2, 0xe0, 0xed, 0xf0, 0xf4, 0xf5, 0xff, 0xa0, 0x9f]);
      else data.splice(i, 0, pick([0xe2, 0x82, 0xf0, 0x9f, 0xed, 0xa0]));
    }
    return new PyBytes(Uint8Array.from(data));
  }
  const n = rng.int(10);
  const pool = [0x61, 0x41, 0x27, 0x22, 0x5c, 0x00, 0x09, 0x0a, 0x0d, 0x7f, 0x80, 0xff, 0x20, 0x7e, 0x1f];
  return new PyBytes(Uint8Array.from({ length: n }, () => (rng.chance(0.7) ? pick(pool) : rng.int(256))));
}

const checks: Check[] = [];
for (let i = 0; i < 800; i++) {
  const b = randomBytes();
  checks.push({ py: 'repr', args: [b], js: () => reprBytes(b) });
  checks.push({ py: 'lambda b: repr([b, (b,)])', args: [b], js: () => repr([b, PyTuple.of(b)]) });
  checks.push({ py: 'len', args: [b], js: () => bytesLen(b) });
  for (const index of [0, 2, -1, -5, 9, true, 2n ** 70n, 1.5, 'a']) {
    checks.push({ py: 'lambda b, i: b[i]', args: [b, index], js: () => bytesGetItem(b, index) });
  }
  const bounds = [null, 0, 1, 3, -1, -4, 20, 2n ** 70n];
  const steps = [null, 1, 2, -1, -3, 0];
  const [start, stop, step] = [pick(bounds), pick(bounds), pick(steps)];
  checks.push({ py: 'lambda b, x, y, z: b[x:y:z]', args: [b, start, stop, step], js: () => bytesSlice(b, start, stop, step) });
  const other = pick<unknown>([randomBytes(), 'x', 1]);
  checks.push({ py: 'lambda a, b: a + b', args: [b, other], js: () => bytesConcat(b, other) });
  const n = pick<unknown>([0, 1, 3, -1, true, 1.5, 2n ** 70n]);
  checks.push({ py: 'lambda b, n: b * n', args: [b, n], js: () => bytesRepeat(b, n) });
  const c = rng.chance(0.5) ? bytesSlice(b, 0, rng.int(4)) : randomBytes();
  checks.push({
    py: 'lambda a, b: (a == b, (a > b) - (a < b))',
    args: [b, c],
    js: () => PyTuple.of<unknown>(bytesEq(b, c), bytesCompare(b, c)),
  });
  const needle = pick<unknown>([bytesSlice(b, 1, 3), new PyBytes(new Uint8Array(0)), 97, 0, 255, 256, -1, true, 'a', 1.5]);
  checks.push({ py: 'lambda b, x: x in b', args: [b, needle], js: () => bytesContains(b, needle) });
  const hexArgs = pick<unknown[]>([[], [':'], ['-', 2], [' ', -3], [new PyBytes(new Uint8Array([0x2e])), 1], [''], ['::'], ['\u00e9'], [1], [':', 0]]);
  checks.push({ py: 'lambda b, *a: b.hex(*a)', args: [b, ...hexArgs], js: () => (bytes_hex as (...a: unknown[]) => string)(b, ...hexArgs) });
  const decodeArgs = pick<unknown[]>([
    [],
    ['utf-8', pick(['strict', 'ignore', 'replace', 'backslashreplace', 'surrogateescape', 'surrogatepass', 'xmlcharrefreplace', 'bogus'])],
    [pick(['ascii', 'latin-1', 'UTF8', 'u8', 'iso8859-1', 'us_ascii']), pick(['strict', 'replace', 'ignore', 'backslashreplace', 'surrogateescape'])],
    ['nope'],
    [1],
    ['utf-8', 1],
    ['utf-8', 'strict', 3],
  ]);
  checks.push({ py: 'lambda b, *a: b.decode(*a)', args: [b, ...decodeArgs], js: () => (bytes_decode as (...a: unknown[]) => string)(b, ...decodeArgs) });
}

// Long inputs (chunked conversions).
const big = new PyBytes(Uint8Array.from({ length: 200_000 }, (_, i) => (i % 7 === 0 ? rng.int(256) : 0x61 + (i % 26))));
checks.push({ py: 'repr', args: [big], js: () => reprBytes(big) });
checks.push({ py: "lambda b: b.decode('latin-1')", args: [big], js: () => bytes_decode(big, 'latin-1') });
checks.push({ py: "lambda b: b.decode('utf-8', 'replace')", args: [big], js: () => bytes_decode(big, 'utf-8', 'replace') });
checks.push({ py: 'lambda b: b[::-3]', args: [big], js: () => bytesSlice(big, null, null, -3) });

const expected = runPython(checks);

describe('bytes against python3', () => {
  it(`${checks.length} operations agree`, () => {
    expect(mismatches(checks, expected)).toEqual([]);
  });
});

describe('bytesHash', () => {
  it('is equal for equal bytes', () => {
    for (let i = 0; i < 200; i++) {
      const b = randomBytes();
      expect(bytesHash(new PyBytes(b.bytes.slice()))).toBe(bytesHash(b));
    }
    expect(bytesHash(new PyBytes(new Uint8Array([1, 2])))).not.toBe(bytesHash(new PyBytes(new Uint8Array([2, 1]))));
  });
});
