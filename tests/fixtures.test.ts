/**
 * Program fixtures: every fixtures/<area>/<name>.py is compiled and run by
 * `pyasync run` (from the sources) and must print exactly what CPython
 * printed into <name>.out, and end with the status and last stderr line in
 * <name>.exit when CPython's run failed; where a <name>.err exists
 * (fixtures/tracebacks), the whole stderr must be CPython's, tracebacks
 * included, with the fixture's folder written `{dir}`. Regenerate the
 * expectations with `npm run gen:fixtures`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { REPO_ROOT } from './support/oracle.js';

import { buildTestMirror } from './support/testBuild.mjs';

const FIXTURES = join(REPO_ROOT, 'fixtures');
// The CLI from the plain-JS mirror of the current sources: no loader hooks per process.
let entry = '';
beforeAll(async () => {
  entry = join(await buildTestMirror(), 'tests', 'support', 'pyasync-from-source.js');
}, 120_000);

interface Outcome {
  stdout: string;
  stderr: string;
  status: number;
}

function runFixture(path: string): Promise<Outcome> {
  return new Promise((resolve) => {
    // As gen-fixtures.py runs python3: from the fixture's folder, by its name (sys.argv[0]).
    const child = spawn(process.execPath, [entry, 'run', basename(path)], { cwd: dirname(path) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('close', (status) => resolve({ stdout, stderr, status: status ?? -1 }));
  });
}

const areas = readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'cli');

for (const area of areas) {
  const folder = join(FIXTURES, area.name);
  // Entries are the files directly in the area folder; subfolders hold the modules they import.
  const programs = readdirSync(folder, { withFileTypes: true })
    .filter((f) => f.isFile() && f.name.endsWith('.py'))
    .map((f) => f.name)
    .sort();
  describe.concurrent(`fixtures/${area.name}`, () => {
    for (const program of programs) {
      it(program, async () => {
        const path = join(folder, program);
        const base = path.slice(0, -3);
        const expectedOut = readFileSync(base + '.out', 'utf8');
        const exitFile = base + '.exit';
        const [status, lastLine] = existsSync(exitFile) ? readFileSync(exitFile, 'utf8').split('\n') : ['0', ''];
        const got = await runFixture(path);
        expect(got.stdout).toBe(expectedOut);
        expect(got.status, got.stderr).toBe(Number(status));
        if (Number(status) !== 0) expect(got.stderr.trimEnd().split('\n').pop()).toBe(lastLine);
        const errFile = base + '.err';
        if (existsSync(errFile)) expect(got.stderr.split(`${folder}/`).join('{dir}/')).toBe(readFileSync(errFile, 'utf8'));
      });
    }
  });
}
