/** LineIndex.utf16Column against utf16Column over the line's text, on ASCII and non-ASCII lines. */
import { describe, expect, it } from 'vitest';
import { LineIndex } from './lineIndex.js';
import { utf16Column } from './parser/positions.js';

const SOURCE = 'x = 1\r\né = "ü→𝄞"\rdef f(a):\n    return "\udc80" + a  # 𝄞\n\nlast = 2';

describe('LineIndex.utf16Column', () => {
  it('gives the UTF-16 column of every UTF-8 byte column, on every line and past the ends', () => {
    const index = new LineIndex(SOURCE);
    for (let lineno = -1; lineno <= 9; lineno++) {
      const line = index.line(lineno) ?? '';
      for (let col = -1; col <= 40; col++) expect(index.utf16Column(lineno, col), `line ${lineno} column ${col}`).toBe(utf16Column(line, col));
    }
  });
});
