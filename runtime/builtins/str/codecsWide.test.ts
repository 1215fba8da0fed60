/** utf-16, utf-32 and cp1252 against python3. */
import { describe, expect, it } from 'vitest';
import { PyBytes } from '../values.js';
import { str_encode } from './methods.js';
import { bytes_decode } from '../bytes.js';
import { Prng, mismatches, randomString, runPython } from './testing.js';
import type { Check } from './testing.js';

const rng = new Prng(1616);
const checks: Check[] = [];
const encodings = ['utf-16', 'utf-16-le', 'utf-16-be', 'UTF-32', 'utf_32_le', 'utf-32-be', 'utf16', 'cp1252', 'windows-1252'];
for (let k = 0; k < 300; k++) {
  const s = randomString(rng, rng.pick([['ascii'], ['ascii', 'latin1', 'bmp', 'astral']]), 6);
  const enc = rng.pick(encodings);
  const errors = rng.pick(['strict', 'strict', 'replace', 'ignore']);
  checks.push({ py: 'lambda s, e, r: s.encode(e, r)', args: [s, enc, errors], js: () => str_encode(s, enc, errors) });
  const bytes = new PyBytes(Uint8Array.from({ length: rng.int(9) }, () => rng.pick([0, 0x61, 0xd8, 0xdc, 0x3d, 0xff, 0xfe, 0x81, 0x80, 0x9d, rng.int(256)])));
  checks.push({ py: 'lambda b, e, r: b.decode(e, r)', args: [bytes, enc, errors], js: () => bytes_decode(bytes, enc, errors) });
}

const expected = runPython(checks);

describe('wide codecs against python3', () => {
  it(`${checks.length} encodes and decodes agree`, () => {
    expect(mismatches(checks, expected)).toEqual([]);
  });
});
