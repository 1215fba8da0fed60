/**
 * `pyasync watch` through a long scripted session: a seeded PRNG picks
 * edits, syntax errors and their fixes, files added, deleted and renamed,
 * folders renamed, editors' atomic saves (temp file + rename) and bursts of
 * saves, some waited for and some not. At the end the watcher must still be
 * running, its last line must describe the final sources, and its output
 * tree must equal a fresh `pyasync build` of them, file for file.
 * One watcher process and one build process; timeouts are generous for a
 * busy machine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../../tests/support/oracle.js';
import { Prng } from '../../tests/support/prng.js';

const REGISTER_TS = join(REPO_ROOT, 'tests', 'support', 'register-ts.mjs');
const CLI = join(REPO_ROOT, 'cli', 'index.ts');
const RUNTIME = pathToFileURL(join(REPO_ROOT, 'runtime', 'index.ts')).href;
const TIMEOUT = 60_000;
/** PYASYNC_WATCH_SEED=n replays another session. Session 3 saves a file atomically and edits it again, which Node's recursive watch on Linux missed. */
const SEED = Number(process.env['PYASYNC_WATCH_SEED'] ?? 3);
const STEPS = 60;

let dir: string;
let watcher: ChildProcess;
let stderr = '';

/** The sources as the script believes them to be: relative path → text. */
const sources = new Map<string, string>();
const broken = new Set<string>();
const log: string[] = [];

function app(path: string): string {
  return join(dir, 'app', path);
}

function rebuilds(): string[] {
  return stderr.split('\n').filter((l) => /^\[\d\d:\d\d:\d\d\] /.test(l));
}

async function until(what: string, condition: () => boolean): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > TIMEOUT) throw new Error(`timed out waiting for ${what}\nscript:\n${log.join('\n')}\nstderr:\n${stderr}`);
    if (watcher.exitCode !== null) throw new Error(`the watcher exited (${watcher.exitCode}) waiting for ${what}\n${stderr}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function tree(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const e of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) files.set(join(e.parentPath, e.name).slice(root.length + 1), readFileSync(join(e.parentPath, e.name), 'utf8'));
  }
  return files;
}

const ERRORS = ['def f(:\n    return 1\n', 'x = (1,\n', 'print "hello"\n', 'if True\n    pass\n', 'class C:\nreturn\n', 'x = 1 +\n'];

/** A module whose compiled form depends on its text, and sometimes on a sibling it imports. */
function validText(rng: Prng, path: string, version: number): string {
  const lines = [`VALUE = ${version}`, `def f(x):\n    return x + ${rng.int(1000)}`];
  // A top-level module: if it goes away, this module fails to build (and is fixed when it comes back).
  const others = [...sources.keys()].filter((p) => !p.includes('/') && p !== path);
  if (others.length > 0 && rng.chance(0.3)) lines.unshift(`import ${rng.pick(others).slice(0, -3)}`);
  if (rng.chance(0.3)) lines.push(`async def g():\n    return await h(${version})`);
  return lines.join('\n') + '\n';
}

function missingImport(text: string): boolean {
  const name = /^import (\w+)/.exec(text)?.[1];
  return name !== undefined && !sources.has(`${name}.py`);
}

function save(path: string, text: string, atomic: boolean): void {
  mkdirSync(dirname(app(path)), { recursive: true });
  if (atomic) {
    writeFileSync(app(path) + '.tmp', text);
    renameSync(app(path) + '.tmp', app(path));
  } else {
    writeFileSync(app(path), text);
  }
  sources.set(path, text);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pyasync-watch-reliability-'));
  mkdirSync(join(dir, 'app'));
  const rng = new Prng(SEED ^ 1);
  for (const path of ['main.py', 'util.py', 'models.py', 'pkg/__init__.py', 'pkg/a.py', 'pkg/sub/__init__.py', 'pkg/sub/b.py', 'lib/c.py']) {
    save(path, validText(rng, path, 0), false);
  }
  watcher = spawn(
    process.execPath,
    ['--import', REGISTER_TS, CLI, 'watch', 'app', '--out-dir', 'out', '--runtime', RUNTIME, '--debounce', '25', '--jobs', '1'],
    { cwd: dir, env: { ...process.env, PYASYNC_CACHE_DIR: join(dir, 'cache'), NO_COLOR: '1', FORCE_COLOR: '' } },
  );
  watcher.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
});

afterAll(async () => {
  if (watcher.exitCode === null && watcher.signalCode === null) {
    watcher.kill('SIGKILL');
    await new Promise((r) => watcher.once('close', r));
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('pyasync watch reliability', () => {
  it(`follows a ${STEPS}-step random session and ends equal to a fresh build`, async () => {
    await until('the initial build', () => rebuilds().length >= 1 && stderr.includes('watching app'));
    const rng = new Prng(SEED);
    let version = 1;
    let folders = 0;
    let edits = 0;

    for (let step = 0; step < STEPS; step++) {
      const files = [...sources.keys()];
      const before = rebuilds().length;
      const op = rng.pick(['edit', 'edit', 'edit', 'break', 'fix', 'add', 'delete', 'rename', 'move', 'folder', 'burst'] as const);
      let waited = rng.chance(0.75);
      const atomic = rng.chance(0.25);
      switch (op) {
        case 'edit': {
          const path = rng.pick(files);
          save(path, validText(rng, path, version++), atomic);
          broken.delete(path);
          log.push(`edit ${path}${atomic ? ' (atomic)' : ''}`);
          edits += 1;
          break;
        }
        case 'break': {
          const path = rng.pick(files);
          save(path, rng.pick(ERRORS), atomic);
          broken.add(path);
          log.push(`break ${path}`);
          edits += 1;
          break;
        }
        case 'fix': {
          const path = broken.size > 0 ? rng.pick([...broken]) : rng.pick(files);
          save(path, validText(rng, path, version++), atomic);
          broken.delete(path);
          log.push(`fix ${path}`);
          edits += 1;
          break;
        }
        case 'add': {
          const folder = rng.pick([...new Set(files.map((p) => dirname(p)))]);
          const path = `${folder === '.' ? '' : folder + '/'}new${version}.py`;
          save(path, validText(rng, path, version++), atomic);
          log.push(`add ${path}`);
          edits += 1;
          break;
        }
        case 'delete': {
          if (files.length < 4) continue;
          const path = rng.pick(files);
          rmSync(app(path));
          sources.delete(path);
          broken.delete(path);
          log.push(`delete ${path}`);
          edits += 1;
          break;
        }
        case 'rename':
        case 'move': {
          const path = rng.pick(files);
          const folder = op === 'move' ? rng.pick([...new Set(files.map((p) => dirname(p)))]) : dirname(path);
          const target = `${folder === '.' ? '' : folder + '/'}moved${version++}.py`;
          renameSync(app(path), app(target));
          sources.set(target, sources.get(path)!);
          sources.delete(path);
          if (broken.delete(path)) broken.add(target);
          log.push(`${op} ${path} -> ${target}`);
          edits += 1;
          break;
        }
        case 'folder': {
          const folder = rng.pick([...new Set(files.map((p) => dirname(p)).filter((f) => f !== '.'))].concat(['.']));
          if (folder === '.') continue;
          const renamed = `${dirname(folder) === '.' ? '' : dirname(folder) + '/'}dir${++folders}`;
          renameSync(app(folder), app(renamed));
          for (const path of files) {
            if (!path.startsWith(folder + '/')) continue;
            const moved = renamed + path.slice(folder.length);
            sources.set(moved, sources.get(path)!);
            sources.delete(path);
            if (broken.delete(path)) broken.add(moved);
          }
          log.push(`rename folder ${folder} -> ${renamed}`);
          edits += 1;
          // A folder renamed: the watcher re-creates its watches; the next edit in it must be seen.
          waited = true;
          break;
        }
        case 'burst': {
          // Rapid saves of one file, not waited for one by one; the last text must win.
          const path = rng.pick(files);
          const count = rng.range(5, 12);
          for (let i = 0; i < count; i++) {
            const bad = rng.chance(0.2);
            save(path, bad ? rng.pick(ERRORS) : validText(rng, path, version++), false);
            if (bad) broken.add(path);
            else broken.delete(path);
          }
          log.push(`burst of ${count} saves of ${path}`);
          edits += count;
          break;
        }
      }
      if (waited) await until(`the rebuild after step ${step} (${log.at(-1)})`, () => rebuilds().length > before);
    }
    expect(edits).toBeGreaterThanOrEqual(50);
    expect(log.some((l) => l.startsWith('rename folder'))).toBe(true);
    expect(log.some((l) => l.startsWith('burst'))).toBe(true);

    // The last change: once it is built, everything before it has been seen.
    const linesBefore = rebuilds().length;
    save('zz_last.py', 'LAST = 424242\n', false);
    await until('the last change', () => rebuilds().length > linesBefore && existsSync(join(dir, 'out', 'zz_last.js')));
    // Rebuilds of events that straggled in after it (a rename's second half) settle too: quiet for half a second.
    let quietSince = Date.now();
    let seen = stderr.length;
    await until('the watcher to go quiet', () => {
      if (stderr.length !== seen) [seen, quietSince] = [stderr.length, Date.now()];
      return Date.now() - quietSince >= 500 && stderr.endsWith('\n');
    });
    expect(watcher.exitCode).toBe(null);

    const fresh = spawnSync(process.execPath, ['--import', REGISTER_TS, CLI, 'build', 'app', '--out-dir', 'fresh', '--runtime', RUNTIME, '--no-cache', '--jobs', '1'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    const watched = tree(join(dir, 'out'));
    const built = tree(join(dir, 'fresh'));
    expect([...watched.keys()].sort(), log.join('\n')).toEqual([...built.keys()].sort());
    for (const [file, text] of built) expect(watched.get(file), file).toBe(text);
    // The modules that fail: the broken ones, and those importing a module that is gone.
    const failing = [...sources].filter(([path, text]) => broken.has(path) || missingImport(text)).map(([path]) => path).sort();
    expect(fresh.status, fresh.stderr).toBe(failing.length > 0 ? 1 : 0);
    expect([...fresh.stderr.matchAll(/^app\/(\S+?):\d+:\d+: /gm)].map((m) => m[1]).sort()).toEqual(failing);

    // The last line describes the final state: every module counted, the failing ones as failed.
    const last = rebuilds().at(-1)!;
    const counts = /compiled (\d+) files? in [^(;]*(?:\(([^)]*)\))?/.exec(last);
    expect(counts, last).not.toBe(null);
    const extra = Object.fromEntries((counts![2] ?? '').split(', ').filter(Boolean).map((part) => [part.split(' ')[1], Number(part.split(' ')[0])]));
    expect(extra['failed'] ?? 0, last).toBe(failing.length);
    const total = /compiled (\d+) files? in [^(]*(?:\((?:(\d+) failed)?\))?\n$/.exec(fresh.stderr);
    expect(total, fresh.stderr).not.toBe(null);
    expect(Number(counts![1]) + (extra['unchanged'] ?? 0) + (extra['failed'] ?? 0), last).toBe(Number(total![1]) + Number(total![2] ?? 0));
    
    watcher.kill('SIGTERM');
    await new Promise((r) => watcher.once('close', r));
    expect(watcher.exitCode).toBe(0);
    expect(stderr).not.toMatch(/internal error|^\s+at /m);
  }, 5 * TIMEOUT);
});
