/**
 * `check` over the standard library (site-packages excluded): on every file
 * CPython compiles, it must raise nothing; on the files CPython's parser
 * accepts but its compiler rejects (test_future_stmt's bad futures), it
 * must raise CPython's error.
 */
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { decodeSource } from '../parser/sourceDecoding.js';
import { parse } from '../parser/parser.js';
import { PySyntaxError } from '../diagnostics.js';
import { check } from './checks.js';
import { cpythonStdlib } from './testing.js';
import type { Outcome } from './testing.js';

function outcomeOf(error: unknown): Outcome {
  if (!(error instanceof PySyntaxError)) throw error;
  return { ok: false, msg: error.msg, lineno: error.lineno, offset: error.offset, end_lineno: error.end_lineno, end_offset: error.end_offset };
}

describe('check over the standard library', () => {
  it('agrees with CPython on every file its parser accepts', { timeout: 600_000 }, () => {
    const { files } = cpythonStdlib();
    const mismatches: string[] = [];
    const parserFailures: string[] = [];
    let checked = 0;
    let rejected = 0;
    for (const file of files) {
      if (!file.ok && !file.parsed) continue;
      let source: string;
      let tree;
      try {
        source = decodeSource(readFileSync(file.path), file.path);
        tree = parse(source, { filename: file.path });
      } catch (e) {
        // Not check's business: the parser's own tests cover these.
        parserFailures.push(`${file.path}: ${e instanceof Error ? e.message : String(e)}`);
        continue;
      }
      let outcome: Outcome = { ok: true };
      try {
        check(tree, file.path, source);
      } catch (e) {
        outcome = outcomeOf(e);
      }
      checked++;
      const want = file.ok ? { ok: true } : file.error!;
      if (!file.ok) rejected++;
      if (JSON.stringify(outcome) !== JSON.stringify(want)) {
        mismatches.push(`${file.path}: got ${JSON.stringify(outcome)}, CPython ${JSON.stringify(want)}`);
      }
    }
    if (parserFailures.length > 0) console.warn(`parser failed on ${parserFailures.length} file(s):\n${parserFailures.join('\n')}`);
    expect(mismatches).toEqual([]);
    // Guard against a vacuous pass (e.g. the parser failing everywhere).
    expect(checked).toBeGreaterThan(files.length * 0.95);
    expect(rejected).toBeGreaterThan(0);
  });
});
