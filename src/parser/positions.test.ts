/** Column conversions, checked against Node's own UTF-8 encoder on random text. */
import { describe, expect, it } from 'vitest';
import { byteColumnToCharOffset, utf16Column, utf8Length } from './positions.js';

const PIECES = ['a', 'Z', ' ', 'é', 'ß', '€', '中', '😀', '𝄠', 'x'];

function randomLine(seed: number): string {
  let s = '';
  let state = seed;
  for (let i = 0; i < 20; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    s += PIECES[state % PIECES.length];
  }
  return s;
}

describe('positions', () => {
  it('agrees with UTF-8 encoding at every character boundary', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const line = randomLine(seed);
      const chars = [...line];
      let units = 0;
      chars.forEach((ch, k) => {
        const bytes = Buffer.byteLength(chars.slice(0, k).join(''), 'utf8');
        expect(utf16Column(line, bytes)).toBe(units);
        expect(byteColumnToCharOffset(line, bytes)).toBe(k);
        expect(utf8Length(line, 0, units)).toBe(bytes);
        units += ch.length;
      });
    }
  });

  it('counts an undecodable source byte (U+DC80..U+DCFF) as one byte, as the tokenizer does', () => {
    expect(utf16Column('\udcf6x', 1)).toBe(1);
    expect(byteColumnToCharOffset('\udcf6x', 1)).toBe(1);
    expect(utf8Length('\udcf6x')).toBe(2);
  });
});
