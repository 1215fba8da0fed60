/**
 * The benchmark programs (CPU-bound and asyncio) on small inputs: pyasync's
 * compiled NAME.py and each hand-written JS twin (NAME.mjs; the async
 * programs may have several) must print exactly what python3 prints for
 * NAME.py (one python3 process for all of them). A program pyasync does not compile
 * yet is skipped here; `npm run bench:programs` reports it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ASYNC_PROGRAMS, PROGRAMS, compileProgram, failureLine, programSource, runVariant, writeProgram } from './support/programs.js';

const dir = mkdtempSync(join(tmpdir(), 'pyasync-bench-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cases = [...PROGRAMS.map((p) => ({ ...p, twins: [p.name] })), ...ASYNC_PROGRAMS].map((p) => {
  const source = programSource(p.name, 'py', p.small);
  return {
    name: p.name,
    py: writeProgram(dir, `${p.name}.py`, source),
    twins: p.twins.map((twin) => ({ twin, js: writeProgram(dir, `${twin}.mjs`, programSource(twin, 'mjs', p.small)) })),
    compiled: compileProgram(p.name, source),
  };
});

interface PythonRun {
  stdout: string;
  error: string | null;
}

function pythonOutputs(paths: string[]): Promise<PythonRun[]> {
  const script = fileURLToPath(new URL('./support/python_outputs.py', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn('python3', ['-X', 'utf8', script], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('error', reject);
    child.on('close', (status) => (status === 0 ? resolve(JSON.parse(out) as PythonRun[]) : reject(new Error(`python_outputs.py: status ${status}`))));
    child.stdin.end(JSON.stringify(paths));
  });
}

let expected: PythonRun[] = [];
beforeAll(async () => {
  expected = await pythonOutputs(cases.map((c) => c.py));
});

describe.concurrent('bench programs (small inputs)', () => {
  cases.forEach((c, i) => {
    c.twins.forEach(({ twin, js: file }) => {
      it(`${c.name}.py runs under python3 and its JS twin ${twin}.mjs prints the same`, async () => {
        expect(expected[i]!.error).toBeNull();
        expect(expected[i]!.stdout).not.toBe('');
        const js = await runVariant('js', file);
        expect(js.status, js.stderr).toBe(0);
        expect(js.stdout).toBe(expected[i]!.stdout);
      });
    });

    it.skipIf(!c.compiled.ok)(`${c.name}.py compiled by pyasync prints what python3 prints`, async () => {
      if (!c.compiled.ok) return;
      const ours = await runVariant('pyasync', writeProgram(dir, `${c.name}.compiled.mjs`, c.compiled.code));
      expect(ours.status, failureLine(ours.stderr)).toBe(0);
      expect(ours.stdout).toBe(expected[i]!.stdout);
      expect(ours.wall).toBeGreaterThanOrEqual(0);
    });
  });
});
