/**
 * Invalid snippets (tests/syntax-errors/cases.txt) through our parser and
 * compiler checks, against CPython's compile(src, '<snippet>', 'exec'):
 * the exception class, msg and lineno must match; offsets are compared and
 * counted but not required. The full table of differences is written to
 * .cache/syntax-errors-report.txt.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../src/index.js';
import { PySyntaxError } from '../src/diagnostics.js';
import { check } from '../src/semantics/checks.js';
import { CPythonOracle, REPO_ROOT } from './support/oracle.js';
import type { Outcome } from './support/oracle.js';
import { readCaseFile } from './support/caseFile.js';
import type { SnippetCase } from './support/caseFile.js';

const FILENAME = '<snippet>';
const CASES = readCaseFile(join(REPO_ROOT, 'tests', 'syntax-errors', 'cases.txt'));
const GROUPS = [...new Set(CASES.map((c) => c.group))];

interface Compared {
  case: SnippetCase;
  cpython: Outcome;
  ours: Outcome;
  /** Same class, msg and lineno. */
  same: boolean;
  sameOffset: boolean;
}

function ours(source: string): Outcome {
  try {
    check(parse(source, { filename: FILENAME }), FILENAME, source);
    return { ok: true };
  } catch (error) {
    if (error instanceof PySyntaxError) {
      return { ok: false, type: error.kind, msg: error.msg, lineno: error.lineno, offset: error.offset };
    }
    const e = error instanceof Error ? error : new Error(String(error));
    return { ok: false, type: `crash ${e.name}`, msg: e.message, lineno: null, offset: null };
  }
}

function describeOutcome(o: Outcome): string {
  return o.ok ? 'accepted' : `${o.type}: ${o.msg} @${o.lineno ?? '-'}:${o.offset ?? '-'}`;
}

function table(rows: Compared[]): string {
  return rows
    .map((r) => `  ${r.case.id}  ${JSON.stringify(r.case.source)}\n    cpython: ${describeOutcome(r.cpython)}\n    ours:    ${describeOutcome(r.ours)}`)
    .join('\n');
}

let results: Compared[] = [];
const oracle = new CPythonOracle();

beforeAll(async () => {
  const expected = await oracle.compile(CASES.map((c) => c.source), FILENAME);
  results = CASES.map((c, i) => {
    const cpython = expected[i]!;
    const got = ours(c.source);
    const same =
      !cpython.ok && !got.ok && got.type === cpython.type && got.msg === cpython.msg && got.lineno === cpython.lineno;
    return { case: c, cpython, ours: got, same, sameOffset: same && !got.ok && !cpython.ok && got.offset === cpython.offset };
  });
}, 120_000);

afterAll(async () => {
  await oracle.close();
  if (results.length === 0) return;
  const matched = results.filter((r) => r.same).length;
  const offsets = results.filter((r) => r.sameOffset).length;
  const summary =
    `syntax errors: ${matched}/${results.length} match CPython (class, msg, lineno); ` +
    `offsets agree on ${offsets}/${results.length}`;
  const offsetOnly = results.filter((r) => r.same && !r.sameOffset);
  mkdirSync(join(REPO_ROOT, '.cache'), { recursive: true });
  writeFileSync(
    join(REPO_ROOT, '.cache', 'syntax-errors-report.txt'),
    `${summary}\n\nDifferent class, msg or lineno:\n${table(results.filter((r) => !r.same))}\n\n` +
      `Same msg and lineno, different offset:\n${table(offsetOnly)}\n`,
  );
  console.log(`${summary} (details: .cache/syntax-errors-report.txt)`);
});

describe('syntax errors against CPython', () => {
  it('has at least 200 snippets, each rejected by CPython with a SyntaxError', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(200);
    const accepted = results.filter((r) => r.cpython.ok || !/Error$/.test(r.cpython.type)).map((r) => r.case.id);
    expect(accepted, 'cases.txt should only hold code CPython rejects').toEqual([]);
  });

  it.each(GROUPS)('%s: same class, msg and lineno as CPython', (group) => {
    const rows = results.filter((r) => r.case.group === group);
    expect(rows.length).toBeGreaterThan(0);
    const different = rows.filter((r) => !r.same);
    if (different.length > 0) {
      expect.fail(`${different.length}/${rows.length} snippets differ from CPython:\n${table(different)}`);
    }
  });
});
