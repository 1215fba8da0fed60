/**
 * Bad input never shows an internal stack trace: unreadable files, a
 * folder where a file is expected, a file that is not UTF-8, an output
 * folder that cannot be made, unknown options. Each gives one line (or
 * CPython's own display, for `run`) and a non-zero status, in build, run
 * and watch alike. The CLI runs in this process (every case stops before
 * anything is compiled or watched); python3 gives the expected messages,
 * all from one process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../tests/support/oracle.js';
import { main } from '../index.js';

const STACK_FRAME = /^\s+at |internal error/m;
/**
 * Root reads any file whatever its mode, so as root the cases of a file
 * made unreadable by chmod run as `nobody` (in a process of their own).
 */
const ROOT = process.getuid?.() === 0;
const NOBODY = 65534;
const REGISTER_TS = join(REPO_ROOT, 'tests', 'support', 'register-ts.mjs');
const CLI = join(REPO_ROOT, 'cli', 'index.ts');
/**
 * Whether `nobody` can run this checkout's CLI at all: not when the checkout
 * sits under a folder closed to other users (a `mktemp -d` clone). The
 * unreadable-file cases are then skipped as root, since root cannot be
 * refused a read.
 */
const UNPRIVILEGED_RUNS = !ROOT || spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(REGISTER_TS)}, require('fs').constants.R_OK)`], { uid: NOBODY, gid: NOBODY }).status === 0;

let dir: string;
let python: Record<string, { status: number; stderr: string }>;

interface Outcome {
  status: number;
  stderr: string;
  stdout: string;
}

/** Runs `pyasync …args` in this process, capturing what it prints. */
async function pyasync(...args: string[]): Promise<Outcome> {
  const saved = { err: process.stderr.write, out: process.stdout.write, code: process.exitCode };
  let stderr = '';
  let stdout = '';
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += chunk.toString()), true)) as typeof process.stderr.write;
  process.stdout.write = ((chunk: string | Uint8Array) => ((stdout += chunk.toString()), true)) as typeof process.stdout.write;
  process.exitCode = undefined;
  try {
    await main(args);
    return { status: Number(process.exitCode ?? 0), stderr, stdout };
  } finally {
    process.stderr.write = saved.err;
    process.stdout.write = saved.out;
    process.exitCode = saved.code;
  }
}

/** `pyasync …args` as a user the chmod 000 file is unreadable to. */
async function pyasyncUnprivileged(...args: string[]): Promise<Outcome> {
  if (!ROOT) return pyasync(...args);
  const r = spawnSync(process.execPath, ['--import', REGISTER_TS, CLI, ...args], {
    cwd: dir, uid: NOBODY, gid: NOBODY, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1', HOME: dir },
  });
  return { status: r.status ?? -1, stderr: r.stderr, stdout: r.stdout };
}

/** A one-line error: a single line, no trace. */
function expectOneLine(outcome: Outcome, pattern: RegExp): void {
  expect(outcome.status, outcome.stderr).not.toBe(0);
  expect(outcome.stderr).toMatch(/^[^\n]+\n$/);
  expect(outcome.stderr).toMatch(pattern);
}

/** What python3 prints after its own name (`/usr/bin/python3: can't open file …`). */
function afterProgram(text: string): string {
  return text.slice(text.indexOf(': ') + 2);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pyasync-bad-input-'));
  // Open to `nobody` (see ROOT), except for the one unreadable file.
  chmodSync(dir, 0o777);
  writeFileSync(join(dir, 'ok.py'), 'x = 1\n');
  writeFileSync(join(dir, 'bad.py'), Buffer.from('print("hi")\n\xff = 1\n', 'latin1'));
  writeFileSync(join(dir, 'comment.py'), Buffer.from('x = 1  # caf\xe9\n', 'latin1'));
  mkdirSync(join(dir, 'somedir'));
  symlinkSync(join(dir, 'nowhere.py'), join(dir, 'broken.py'));
  writeFileSync(join(dir, 'secret.py'), 'x = 1\n');
  chmodSync(join(dir, 'secret.py'), 0o000);
  mkdirSync(join(dir, 'src'));
  mkdirSync(join(dir, 'locked'), { mode: 0o555 });
  writeFileSync(join(dir, 'src', 'bad.py'), Buffer.from('print("hi")\n\xff = 1\n', 'latin1'));
  // python3 on each script, and compile() (what an import does) on the bad one.
  const driver = [
    'import errno, json, os, subprocess, sys',
    'out = {}',
    'for name in sys.argv[1:]:',
    '    if name.endswith("secret.py") and os.geteuid() == 0:',
    '        # Root reads it, and nobody cannot run this python3: its words for the error the open() would raise.',
    '        out[name] = {"status": 2, "stderr": f"python3: can\'t open file {name!r}: [Errno {errno.EACCES}] {os.strerror(errno.EACCES)}\\n"}',
    '        continue',
    '    r = subprocess.run([sys.executable, name], capture_output=True, text=True)',
    '    out[name] = {"status": r.returncode, "stderr": r.stderr}',
    'try:',
    '    compile(open("src/bad.py", "rb").read(), "src/bad.py", "exec")',
    'except SyntaxError as e:',
    '    out["import"] = {"status": 1, "stderr": f"{e.lineno}:{e.offset}: SyntaxError: {e.msg}"}',
    'print(json.dumps(out))',
  ].join('\n');
  const names = ['bad.py', 'comment.py', 'somedir', 'broken.py', 'secret.py'].map((n) => join(dir, n));
  const result = spawnSync('python3', ['-c', driver, ...names], { cwd: dir, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`python3: ${result.stderr}`);
  python = JSON.parse(result.stdout) as typeof python;
  for (const [name, value] of Object.entries(python)) python[name.startsWith(dir) ? name.slice(dir.length + 1) : name] = value;
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('pyasync run on bad input', () => {
  it("reports a file that is not UTF-8 exactly as python3 does", async () => {
    for (const name of ['bad.py', 'comment.py']) {
      const ours = await pyasync('run', '--no-cache', join(dir, name));
      expect(python[name]!.stderr).toMatch(/^SyntaxError: Non-UTF-8 code starting with '\\x(ff|e9)' in file .* on line \d, but no encoding declared/);
      expect({ status: ours.status, stderr: ours.stderr }).toEqual(python[name]);
    }
  });

  it('reports a folder, a broken symbolic link and an unknown option in one line', async () => {
    for (const name of ['somedir', 'broken.py']) {
      const ours = await pyasync('run', join(dir, name));
      expectOneLine(ours, /^pyasync: /);
      expect(afterProgram(ours.stderr)).toBe(afterProgram(python[name]!.stderr));
      expect(ours.status).toBe(python[name]!.status);
    }
    expectOneLine(await pyasync('run', '--bogus', join(dir, 'ok.py')), /^pyasync run: unknown option --bogus/);
  });

  it.skipIf(!UNPRIVILEGED_RUNS)('reports an unreadable file as python3 does', async () => {
    const ours = await pyasyncUnprivileged('run', join(dir, 'secret.py'));
    expectOneLine(ours, /Permission denied/);
    expect(afterProgram(ours.stderr)).toBe(afterProgram(python['secret.py']!.stderr));
    expect(ours.status).toBe(python['secret.py']!.status);
  });
});

describe('pyasync build and watch on bad input', () => {
  it('reports an output folder that cannot be made in one line', async () => {
    for (const command of ['build', 'watch']) {
      const outcome = await pyasync(command, join(dir, 'ok.py'), '--out-dir', join(dir, 'ok.py', 'out'));
      expectOneLine(outcome, /^pyasync: can't write to the output folder '.*ok\.py\/out': Not a directory$/m);
    }
    // The output folder itself a file.
    expectOneLine(await pyasync('build', join(dir, 'ok.py'), '--out-dir', join(dir, 'ok.py')), /^pyasync: can't write to the output folder '.*ok\.py': Not a directory$/m);
  });

  it('reports unknown options and missing arguments in one line', async () => {
    for (const command of ['build', 'watch']) {
      expectOneLine(await pyasync(command, join(dir, 'ok.py'), '--out-dir', join(dir, 'o'), '--bogus'), new RegExp(`^pyasync ${command}: Unknown argument: bogus`));
      expectOneLine(await pyasync(command, join(dir, 'ok.py')), new RegExp(`^pyasync ${command}: Missing required argument: out-dir`));
    }
  });

  it('reports a missing input (a broken symbolic link) in one line, and a module that is not UTF-8 as an import does', async () => {
    const out = join(dir, 'out');
    const broken = await pyasync('build', join(dir, 'broken.py'), '--out-dir', out, '--no-cache', '--jobs', '1');
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/^pyasync: can't open '.*broken\.py': No such file or directory\ncompiled 0 files in .*\(1 failed\)\n$/);

    const bad = await pyasync('build', join(dir, 'src'), '--out-dir', out, '--no-cache', '--jobs', '1');
    expect(bad.status).toBe(1);
    expect(python['import']!.stderr).toMatch(/\(unicode error\) 'utf-8' codec can't decode byte 0xff/);
    expect(bad.stderr).toContain(`src/bad.py:${python['import']!.stderr}\n`);
    expect(bad.stderr).not.toMatch(STACK_FRAME);
  });

  it.skipIf(!UNPRIVILEGED_RUNS)('reports an unreadable file in one line', async () => {
    const outcome = await pyasyncUnprivileged('build', join(dir, 'secret.py'), '--out-dir', join(dir, 'out2'), '--no-cache', '--jobs', '1');
    expect(outcome.status).toBe(1);
    expect(outcome.stderr).toMatch(/secret\.py: OSError: can't read file: Permission denied\n/);
    expect(outcome.stderr).not.toMatch(STACK_FRAME);
  });

  it.skipIf(!UNPRIVILEGED_RUNS)('reports an output folder without write permission in one line', async () => {
    const outcome = await pyasyncUnprivileged('build', join(dir, 'ok.py'), '--out-dir', join(dir, 'locked', 'out'), '--no-cache', '--jobs', '1');
    expectOneLine(outcome, /^pyasync: can't write to the output folder '.*locked\/out': Permission denied\n$/);
  });

  it('never shows a stack trace', async () => {
    for (const args of [['run', join(dir, 'somedir')], ['build', join(dir, 'somedir'), '-o', join(dir, 'ok.py')], ['watch', join(dir, 'src'), '-o', join(dir, 'ok.py')]]) {
      expect((await pyasync(...args)).stderr).not.toMatch(STACK_FRAME);
    }
  });
});
