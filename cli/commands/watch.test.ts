/**
 * `pyasync watch` for real: one watcher process on a temporary folder,
 * driven through edits, a syntax error and its fix, a file added, renamed
 * and deleted, and a burst of saves; `--run` restarts the program after
 * each good build. At the end the output tree must equal a fresh build's.
 * Timeouts are generous: the machine running the tests may be busy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../../tests/support/oracle.js';

const REGISTER_TS = join(REPO_ROOT, 'tests', 'support', 'register-ts.mjs');
const CLI = join(REPO_ROOT, 'cli', 'index.ts');
const RUNTIME = pathToFileURL(join(REPO_ROOT, 'runtime', 'index.ts')).href;
const TIMEOUT = 60_000;

let dir: string;
let watcher: ChildProcess;
let stderr = '';
let stdout = '';

function write(path: string, text: string): void {
  writeFileSync(join(dir, 'app', path), text);
}

function out(path: string): string {
  return join(dir, 'out', path);
}

async function until(what: string, condition: () => boolean): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > TIMEOUT) throw new Error(`timed out waiting for ${what}\nstderr:\n${stderr}\nstdout:\n${stdout}`);
    if (watcher.exitCode !== null) throw new Error(`the watcher exited (${watcher.exitCode}) waiting for ${what}\n${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The rebuild lines (`[hh:mm:ss] … compiled …`) so far. */
function rebuilds(): string[] {
  return stderr.split('\n').filter((l) => /^\[\d\d:\d\d:\d\d\] /.test(l));
}

function tree(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const e of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) files.set(join(e.parentPath, e.name).slice(root.length + 1), readFileSync(join(e.parentPath, e.name), 'utf8'));
  }
  return files;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pyasync-watch-test-'));
  mkdirSync(join(dir, 'app'));
  write('main.py', 'import util\nprint("value", util.VALUE)\n');
  write('util.py', 'VALUE = 1\n');
  write('other.py', 'def f():\n    return 1\n');
  watcher = spawn(
    process.execPath,
    ['--import', REGISTER_TS, CLI, 'watch', 'app', '--out-dir', 'out', '--runtime', RUNTIME, '--run', join('app', 'main.py'), '--debounce', '30'],
    { cwd: dir, env: { ...process.env, PYASYNC_CACHE_DIR: join(dir, 'cache'), NO_COLOR: '1', FORCE_COLOR: '' } },
  );
  watcher.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  watcher.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
});

afterAll(async () => {
  if (watcher.exitCode === null) {
    watcher.kill('SIGKILL');
    await new Promise((r) => watcher.once('close', r));
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('pyasync watch', () => {
  it('builds, runs, and follows edits, errors, new, renamed and deleted files', async () => {
    await until('the initial build', () => rebuilds().length >= 1 && stderr.includes('watching app'));
    expect(rebuilds()[0]).toMatch(/initial build: compiled 3 files in/);
    await until('the first run', () => stdout.includes('value 1\n'));

    write('util.py', 'VALUE = 2\n');
    await until('the program restarted on the new build', () => stdout.includes('value 2\n'));
    expect(rebuilds()[1]).toMatch(/app\/util\.py changed: compiled 1 file in .*\(2 unchanged\); .* after the change$/);

    write('other.py', 'def f(:\n    return 1\n');
    await until('the syntax error', () => rebuilds().length >= 3);
    expect(stderr).toContain('app/other.py:1:7: SyntaxError: invalid syntax\n    def f(:\n          ^\n');
    expect(rebuilds()[2]).toMatch(/\(2 unchanged, 2 removed, 1 failed\)/);
    expect(existsSync(out('other.js'))).toBe(false);

    write('other.py', 'def f():\n    return 2\n');
    await until('the fix', () => rebuilds().length >= 4);
    expect(rebuilds()[3]).toMatch(/compiled 1 file .*; fixed: app\/other\.py;/);
    expect(readFileSync(out('other.js'), 'utf8')).toContain('return 2');

    write('added.py', 'X = 1\n');
    await until('the added file', () => existsSync(out('added.js')));
    renameSync(join(dir, 'app', 'added.py'), join(dir, 'app', 'renamed.py'));
    await until('the renamed file', () => existsSync(out('renamed.js')) && !existsSync(out('added.js')) && !existsSync(out('added.js.map')));
    rmSync(join(dir, 'app', 'renamed.py'));
    await until('the deleted file', () => !existsSync(out('renamed.js')) && !existsSync(out('renamed.js.map')));

    // A package: added, renamed (its old outputs go), then edited under its new name.
    mkdirSync(join(dir, 'app', 'pkg'));
    write('pkg/__init__.py', 'P = 1\n');
    await until('the added package', () => existsSync(out('pkg/__init__.js')));
    renameSync(join(dir, 'app', 'pkg'), join(dir, 'app', 'pkg2'));
    await until('the renamed package', () => existsSync(out('pkg2/__init__.js')) && !existsSync(out('pkg/__init__.js')));
    write('pkg2/__init__.py', 'P = 12345\n');
    await until('the edit in the renamed package', () => readFileSync(out('pkg2/__init__.js'), 'utf8').includes('12345'));

    // A burst of saves: the last one wins, and the program ends up running it.
    for (let i = 10; i < 20; i++) write('util.py', `VALUE = ${i}\n`);
    await until('the burst', () => stdout.includes('value 19\n'));
    expect(readFileSync(out('util.js'), 'utf8')).toContain('19');
    expect(watcher.exitCode).toBe(null);

    // The watched output is what a fresh build of the final sources writes.
    const fresh = spawnSync(process.execPath, ['--import', REGISTER_TS, CLI, 'build', 'app', '--out-dir', 'fresh', '--runtime', RUNTIME, '--no-cache'], { cwd: dir, encoding: 'utf8' });
    expect(fresh.status).toBe(0);
    expect(tree(join(dir, 'out'))).toEqual(tree(join(dir, 'fresh')));

    watcher.kill('SIGTERM');
    await new Promise((r) => watcher.once('close', r));
    expect(watcher.exitCode).toBe(0);
    expect(stderr).not.toMatch(/internal error|^\s+at /m);
  }, 5 * TIMEOUT);
});
