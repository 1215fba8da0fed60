/**
 * Every .py file of CPython's stdlib (site-packages excluded) through
 * bytes → decodeSource → parse, against CPython's ast.parse(bytes): the same
 * ast.dump text without and with include_attributes=True, or — for the
 * files CPython rejects — the same exception class, msg and lineno.
 *
 * One python3 process computes SHA-256 digests of its dumps while we parse
 * (so neither side holds all dumps in memory); only mismatching files are
 * dumped in full, to report their first differing line. The full report is
 * written to .cache/stdlib-conformance-report.txt.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeSource, dump, parse } from '../src/index.js';
import { PySyntaxError } from '../src/diagnostics.js';
import { CPythonOracle, REPO_ROOT } from './support/oracle.js';
import type { DigestResult } from './support/oracle.js';
import { firstDifference } from './support/textDiff.js';

/** Mismatching files whose dumps are fetched in full to locate the difference. */
const DETAILED_REPORTS = 25;

type OurResult =
  | { ok: true; dump: string; dumpAttrs: string }
  | { ok: false; type: string; msg: string; lineno: number | null };

interface Failure {
  file: string;
  reason: string;
  detail?: string;
}

const oracle = new CPythonOracle();
afterAll(() => oracle.close());

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function parseFile(path: string): OurResult {
  try {
    const bytes = readFileSync(path);
    const tree = parse(decodeSource(bytes, path), { filename: path });
    return {
      ok: true,
      dump: sha256(dump(tree)),
      dumpAttrs: sha256(dump(tree, { includeAttributes: true })),
    };
  } catch (error) {
    if (error instanceof PySyntaxError) return { ok: false, type: error.kind, msg: error.msg, lineno: error.lineno };
    const e = error instanceof Error ? error : new Error(String(error));
    return { ok: false, type: `crash ${e.name}`, msg: `${e.message}\n${(e.stack ?? '').split('\n').slice(1, 6).join('\n')}`, lineno: null };
  }
}

function describeError(r: { type: string; msg: string; lineno?: number | null }): string {
  return `${r.type}: ${r.msg} (line ${r.lineno ?? '-'})`;
}

function compare(file: string, ours: OurResult, cpython: DigestResult): Failure | null {
  if (cpython.ok && ours.ok) {
    if (ours.dump !== cpython.dump) return { file, reason: 'different AST' };
    if (ours.dumpAttrs !== cpython.dumpAttrs) return { file, reason: 'different positions (include_attributes=True)' };
    return null;
  }
  if (cpython.ok && !ours.ok) return { file, reason: `we reject it: ${describeError(ours)}` };
  if (!cpython.ok && ours.ok) return { file, reason: `CPython rejects it, we accept it: ${describeError(cpython)}` };
  if (!cpython.ok && !ours.ok) {
    if (ours.type !== cpython.type || ours.msg !== cpython.msg || ours.lineno !== cpython.lineno) {
      return { file, reason: `different error:\n    cpython: ${describeError(cpython)}\n    ours:    ${describeError(ours)}` };
    }
  }
  return null;
}

describe('the stdlib parses exactly as with CPython', () => {
  it('gives the same ast.dump (with and without attributes) or the same error for every file', async () => {
    const { root, files } = await oracle.stdlib();
    expect(files.length).toBeGreaterThan(1000);
    const paths = files.map((f) => join(root, f));
    // CPython digests the files while we parse them.
    const expected = oracle.digest(paths);

    const started = performance.now();
    const ours = paths.map(parseFile);
    const ourSeconds = (performance.now() - started) / 1000;
    const cpython = await expected;

    const failures: Failure[] = [];
    paths.forEach((path, i) => {
      const failure = compare(files[i]!, ours[i]!, cpython[i]!);
      if (failure) failures.push(failure);
    });

    const dumpMismatches = failures.filter((f) => f.reason.startsWith('different AST') || f.reason.startsWith('different positions'));
    for (const failure of dumpMismatches.slice(0, DETAILED_REPORTS)) {
      const path = join(root, failure.file);
      const attrs = failure.reason.startsWith('different positions');
      const theirs = await oracle.dump(path, attrs, 1);
      const tree = parse(decodeSource(readFileSync(path), path), { filename: path });
      failure.detail = firstDifference(theirs, dump(tree, { includeAttributes: attrs, indent: 1 }));
    }

    const rejected = cpython.filter((r) => !r.ok).length;
    const summary =
      `stdlib conformance: ${paths.length - failures.length}/${paths.length} files match CPython ` +
      `(${rejected} rejected by CPython); our parse+dump took ${ourSeconds.toFixed(1)} s`;
    const report = failures
      .map((f) => `${f.file}: ${f.reason}${f.detail ? `\n${f.detail.replace(/^/gm, '    ')}` : ''}`)
      .join('\n');
    mkdirSync(join(REPO_ROOT, '.cache'), { recursive: true });
    writeFileSync(join(REPO_ROOT, '.cache', 'stdlib-conformance-report.txt'), `${summary}\n\n${report}\n`);
    console.log(summary);

    if (failures.length > 0) {
      expect.fail(
        `${failures.length} of ${paths.length} stdlib files differ from CPython ` +
          `(full list: .cache/stdlib-conformance-report.txt):\n${report.split('\n').slice(0, 150).join('\n')}`,
      );
    }
  }, 540_000);
});
