/**
 * The CLI as a user runs it: a separate node process, its exit status and
 * both streams. The sources run through the test loader; bin/pyasync.js is
 * checked against the build (`npm install` runs it via prepare).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CPythonOracle, REPO_ROOT } from '../tests/support/oracle.js';

const REGISTER_TS = join(REPO_ROOT, 'tests', 'support', 'register-ts.mjs');
const EXAMPLE = join(REPO_ROOT, 'fixtures', 'cli', 'example.py');
const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const oracle = new CPythonOracle();
afterAll(() => oracle.close());

function pyasync(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', REGISTER_TS, join(REPO_ROOT, 'cli', 'index.ts'), ...args], {
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const STACK_FRAME = /^\s+at /m;

describe('the pyasync command', () => {
  it('prints the AST like python3 -m ast, options included', async () => {
    const ours = pyasync(['ast', '-a', '--indent=2', EXAMPLE]);
    const python = await oracle.pyast(['-a', '--indent=2', EXAMPLE]);
    expect(ours).toEqual({ status: 0, stdout: python.stdout, stderr: '' });
  });

  it('reads stdin when given no file', async () => {
    const ours = pyasync(['ast'], readFileSync(EXAMPLE, 'utf8'));
    expect(ours).toEqual({ status: 0, stdout: (await oracle.pyast([EXAMPLE])).stdout, stderr: '' });
  });

  it('shows a syntax error as CPython does, with status 1 and no stack trace', () => {
    const ours = pyasync(['ast'], 'x = 1\nif x\n    pass\n');
    // What python3 -m ast prints after its traceback for the same stdin.
    expect(ours).toEqual({
      status: 1,
      stdout: '',
      stderr: '  File "<stdin>", line 2\n    if x\n        ^\nSyntaxError: expected \':\'\n',
    });
  });

  it('reports a missing file without a stack trace', () => {
    const ours = pyasync(['ast', 'no-such-file.py']);
    expect(ours.status).toBe(2);
    expect(ours.stderr).toBe("pyasync ast: can't open 'no-such-file.py': No such file or directory\n");
    expect(ours.stderr).not.toMatch(STACK_FRAME);
  });

  it('prints its version', () => {
    expect(pyasync(['--version'])).toEqual({ status: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('prints help with an example', () => {
    const help = pyasync(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('pyasync ast example.py');
    expect(help.stdout).toMatch(/Commands:\n\s+pyasync ast \[file\]/);
    for (const command of ['run', 'build', 'watch']) expect(help.stdout).toMatch(new RegExp(`^\\s+pyasync ${command} \\S`, 'm'));
  });

  it('rejects a missing or unknown command with usage and status 1', () => {
    for (const args of [[], ['frobnicate']]) {
      const result = pyasync(args);
      expect({ args, status: result.status }).toEqual({ args, status: 1 });
      expect(result.stderr).toContain('Usage: pyasync');
      expect(result.stderr).not.toMatch(STACK_FRAME);
    }
  });

  it("rejects a command's unknown options and bad values in one line with status 1", () => {
    for (const args of [['ast', '--bogus', EXAMPLE], ['ast', '--indent', 'wide', EXAMPLE]]) {
      const result = pyasync(args);
      expect({ args, status: result.status }).toEqual({ args, status: 1 });
      expect(result.stderr).toMatch(/^pyasync ast: .+ \(see pyasync ast --help\)\n$/);
    }
  });

  it('runs from the build as bin/pyasync.js', async () => {
    const result = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'pyasync.js'), 'ast', EXAMPLE], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect({ status: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({
      status: 0,
      stdout: (await oracle.pyast([EXAMPLE])).stdout,
      stderr: '',
    });
  });
});
