/** LineIndex.utf16Column against utf16Column over the line's text, on ASCII and non-ASCII lines. */
import { describe, expect, it } from 'vitest';
import { LineIndex } from './lineIndex.js';
import { utf16Column } from './parser/positions.js';

const SOURCE = 'x = 1\r\né = "ü→𝄞"\rdef f(a):\n    return "\udc80" + a  # 𝄞\n\nlast = 2';
/** Line breaks found without CRs, and the ASCII fast path, as well as the general ones. */
const LF_ONLY = 'x = 1\né = "ü→𝄞"\ndef f(a):\n    return "\udc80" + a  # 𝄞\n\nlast = 2\n';
const ASCII_ONLY = 'x = 1\ndef f(a):\n    return a\n\nlast = 2';

describe('LineIndex.utf16Column', () => {
  it.each([['CR, LF and CR LF', SOURCE], ['LF alone', LF_ONLY], ['ASCII alone', ASCII_ONLY]])('gives the UTF-16 column of every UTF-8 byte column, on every line and past the ends (%s)', (_, source) => {
    const index = new LineIndex(source);
    for (let lineno = -1; lineno <= 9; lineno++) {
      const line = index.line(lineno) ?? '';
      for (let col = -1; col <= 40; col++) expect(index.utf16Column(lineno, col), `line ${lineno} column ${col}`).toBe(utf16Column(line, col));
    }
  });
});

describe('LineIndex.allAscii', () => {
  it('tells whether every code unit of the source is ASCII', () => {
    expect(new LineIndex(ASCII_ONLY).allAscii()).toBe(true);
    expect(new LineIndex('').allAscii()).toBe(true);
    expect(new LineIndex(SOURCE).allAscii()).toBe(false);
    expect(new LineIndex('x = 1\n# \x80\n').allAscii()).toBe(false);
  });
});
