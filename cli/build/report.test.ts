/** The report's pieces, in-process: when to colour, the diagnostic layout, the summary line. */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, styleFor, summary, useColour } from './report.js';

describe('colour', () => {
  it('follows the terminal, NO_COLOR and FORCE_COLOR', () => {
    expect(useColour({ isTTY: true }, {})).toBe(true);
    expect(useColour({ isTTY: false }, {})).toBe(false);
    expect(useColour({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    // An empty NO_COLOR does not count (no-color.org).
    expect(useColour({ isTTY: true }, { NO_COLOR: '' })).toBe(true);
    expect(useColour({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(useColour({ isTTY: false }, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(true);
    expect(useColour({ isTTY: true }, { FORCE_COLOR: '0' })).toBe(false);
    expect(useColour({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
  });
});

describe('diagnostics and summaries', () => {
  const diagnostic = { file: 'src/a.py', line: 2, column: 5, kind: 'SyntaxError', message: "expected ':'", snippet: '    if x\n        ^\n' };

  it('puts file:line:col first, then the source line and the caret', () => {
    expect(formatDiagnostic(diagnostic, styleFor({ isTTY: false }, {}))).toBe("src/a.py:2:5: SyntaxError: expected ':'\n    if x\n        ^\n");
  });

  it('colours the location, the kind and the caret', () => {
    expect(formatDiagnostic(diagnostic, styleFor({ isTTY: true }, {}))).toBe(
      "\x1b[1msrc/a.py:2:5\x1b[22m: \x1b[31m\x1b[1mSyntaxError\x1b[22m\x1b[39m: expected ':'\n    if x\n\x1b[31m        ^\x1b[39m\n",
    );
  });

  it('a diagnostic without position or source line is one line', () => {
    expect(formatDiagnostic({ ...diagnostic, line: 0, snippet: '', kind: 'OSError', message: "can't read file: Permission denied" }, styleFor({}, {}))).toBe(
      "src/a.py: OSError: can't read file: Permission denied\n",
    );
  });

  it('counts what was compiled, reused, removed and failed', () => {
    expect(summary({ compiled: 412, unchanged: 0, failed: 0, seconds: 1.3 })).toBe('compiled 412 files in 1.30 s');
    expect(summary({ compiled: 1, unchanged: 3, failed: 2, removed: 1, seconds: 0.012 })).toBe('compiled 1 file in 12 ms (3 unchanged, 1 removed, 2 failed)');
  });
});
