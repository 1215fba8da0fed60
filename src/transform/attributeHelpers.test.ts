/** isPlainName against the pattern it implements by code units. */
import { describe, expect, it } from 'vitest';
import { isPlainName } from './attributeHelpers.js';

const PLAIN = /^[A-Za-z_][A-Za-z0-9_]*$/;

describe('isPlainName', () => {
  it('accepts exactly the names matching [A-Za-z_][A-Za-z0-9_]*, except __proto__', () => {
    const names = ['', '_', 'x', 'X1', '1x', '__init__', 'a_b9', 'é', 'aé', 'a-b', 'a$', '__proto__', 'proto', 'a b', '\u212a'];
    // Code units alone and after a letter: the character classes' edges (`@`, `[`, `` ` ``, `{`, `/`, `:`), and
    // those that `| 32` would fold onto a letter if the test were not exact.
    for (const c of [...Array(0x300).keys(), 0x1041, 0x1061, 0x2041, 0xff41, 0xd800, 0xffff]) names.push(String.fromCharCode(c), `a${String.fromCharCode(c)}`);
    const wrong = names.filter((name) => isPlainName(name) !== (PLAIN.test(name) && name !== '__proto__'));
    expect(wrong).toEqual([]);
  });
});
