import { afterAll, describe, expect, it } from 'vitest';
import { PySyntaxError } from './diagnostics.js';
import type { SyntaxErrorKind } from './diagnostics.js';
import { formatSyntaxError } from './errorDisplay.js';
import { CPythonOracle } from '../tests/support/oracle.js';
import type { DisplayRequest } from '../tests/support/oracle.js';
import { Prng } from '../tests/support/prng.js';

const oracle = new CPythonOracle();
afterAll(() => oracle.close());

/**
 * CPython prints errors raised for files, whose columns are UTF-8 bytes;
 * PySyntaxError has character columns. Converting here by a different route
 * (code point arrays) than errorDisplay.ts does keeps the check independent.
 */
function byteColumn(text: string | null, column: number): number {
  if (text === null || column <= 1) return column;
  const chars = Array.from(text);
  const before = chars.slice(0, column - 1).join('');
  return new TextEncoder().encode(before).length + Math.max(0, column - 1 - chars.length) + 1;
}

function toDisplayRequest(e: PySyntaxError): DisplayRequest {
  const endOnSameLine = e.end_lineno === e.lineno;
  return {
    type: e.kind,
    msg: e.msg,
    filename: e.filename,
    lineno: e.lineno,
    offset: byteColumn(e.text, e.offset),
    text: e.text,
    end_lineno: e.end_lineno,
    end_offset: endOnSameLine ? byteColumn(e.text, e.end_offset) : e.end_offset,
  };
}

function err(
  text: string | null,
  offset: number,
  endOffset: number,
  options: { kind?: SyntaxErrorKind; msg?: string; lineno?: number; endLineno?: number; filename?: string } = {},
): PySyntaxError {
  const lineno = options.lineno ?? 1;
  return new PySyntaxError(
    options.kind ?? 'SyntaxError',
    options.msg ?? 'invalid syntax',
    options.filename ?? 'x.py',
    lineno,
    offset,
    text,
    options.endLineno ?? lineno,
    endOffset,
  );
}

async function expectSameAsCPython(errors: PySyntaxError[]): Promise<void> {
  const expected = await oracle.display(errors.map(toDisplayRequest));
  const mismatches = errors
    .map((e, i) => ({ error: e, ours: formatSyntaxError(e), cpython: expected[i]! }))
    .filter((m) => m.ours !== m.cpython)
    .map(({ error, ours, cpython }) => ({
      text: error.text,
      offset: error.offset,
      end_offset: error.end_offset,
      lineno: error.lineno,
      end_lineno: error.end_lineno,
      ours,
      cpython,
    }));
  expect(mismatches.slice(0, 5)).toEqual([]);
}

describe('formatSyntaxError', () => {
  it('prints the location, the stripped line, carets and the message', () => {
    // As shown by python3 for `if x` with a missing colon.
    expect(formatSyntaxError(err('    if x\n', 9, 9, { msg: "expected ':'", lineno: 2 }))).toBe(
      '  File "x.py", line 2\n    if x\n        ^\nSyntaxError: expected \':\'\n',
    );
  });

  it('matches CPython on hand-picked shapes', async () => {
    await expectSameAsCPython([
      err('x = (1 2)\n', 6, 9, { msg: 'invalid syntax. Perhaps you forgot a comma?' }),
      err('x = "é" + (1 2)\n', 12, 15),
      err('s = "😀€" + (1 2)\n', 12, 15),
      err('        pass\n', 1, 0, { kind: 'TabError', msg: 'inconsistent use of tabs and spaces in indentation', lineno: 3 }),
      err('return 1\n', 1, 7, { kind: 'IndentationError', msg: 'expected an indented block after function definition on line 1' }),
      err('\tx = (\n', 6, 7, { lineno: 1, endLineno: 3 }),
      err('f(a,\n  b c)\n', 9, 12),
      err('x = 1 +\n', 8, 8),
      err('x = 1 +', 8, 8),
      err('abc\n', 10, 12),
      err(null, 1, 1, { msg: 'unknown encoding: uft-8', lineno: 0 }),
      err('\f  x\n', 4, 5),
      err('x\n', 1, 2, { msg: '' }),
      err('x y\n', 3, 1, { filename: '<snippet>' }),
    ]);
  });

  it('matches CPython on random lines, columns and ranges', async () => {
    const rng = new Prng(20240611);
    const pieces = [' ', '  ', '\t', '\f', 'x', 'abc', '(', ')', '"', 'é', '€', '😀', '\n', 'if x:', '1 2'];
    const errors: PySyntaxError[] = [];
    for (let i = 0; i < 2000; i++) {
      let text = '';
      const n = rng.range(0, 8);
      for (let j = 0; j < n; j++) text += rng.pick(pieces);
      if (rng.chance(0.7)) text += '\n';
      const length = Array.from(text).length;
      const offset = rng.range(-1, length + 3);
      const endOffset = rng.chance(0.2) ? rng.pick([-1, 0]) : rng.range(0, length + 4);
      const lineno = rng.range(1, 5);
      errors.push(
        err(rng.chance(0.05) ? null : text, offset, endOffset, {
          lineno,
          endLineno: rng.chance(0.2) ? lineno + rng.range(1, 3) : lineno,
          kind: rng.pick(['SyntaxError', 'IndentationError', 'TabError'] as const),
          msg: rng.chance(0.05) ? '' : 'bad thing',
        }),
      );
    }
    await expectSameAsCPython(errors);
  });
});
