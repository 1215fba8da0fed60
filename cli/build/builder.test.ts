/**
 * Watch rebuilds (Builder.build with the changed paths) revisit only what
 * a change may affect: after each change here, the rebuilt output tree and
 * the errors must equal a fresh build's, including modules whose own
 * source did not change but whose compilation read the changed files —
 * the names `from m import x` checks, star imports through a package, a
 * module that appears, disappears or becomes a package.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Builder, defaultJobs, type BuilderOptions, type BuildReport } from './builder.js';

let dir: string;
let builder: Builder;
let fresh = 0;

function options(outDir: string): BuilderOptions {
  return {
    inputs: ['app'],
    outDir,
    runtime: 'pyasync/runtime',
    runtimePath: null,
    sourceMaps: 'file',
    topLevelAwait: false,
    esTopLevelAwait: true,
    target: 'node',
    declarations: false,
    cacheDir: null,
    jobs: 1,
    removeStale: true,
    cwd: dir,
  };
}

function app(path: string): string {
  return join(dir, 'app', path);
}

function write(path: string, text: string): string {
  mkdirSync(dirname(app(path)), { recursive: true });
  writeFileSync(app(path), text);
  return app(path);
}

function tree(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const e of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) files.set(join(e.parentPath, e.name).slice(root.length + 1), readFileSync(join(e.parentPath, e.name), 'utf8'));
  }
  return files;
}

function errors(report: BuildReport): string[] {
  return report.diagnostics.map((d) => `${d.file}:${d.line}: ${d.kind}: ${d.message}`.replaceAll(`${dir}/`, ''));
}

function failing(report: BuildReport): string[] {
  return report.diagnostics.map((d) => d.file);
}

/** Rebuilds after `paths` changed, and checks the result against a fresh build of the same sources. */
async function rebuild(paths: string[], structure: boolean): Promise<BuildReport> {
  const report = await builder.build({ paths, structure });
  const other = new Builder(options(`fresh${fresh++}`));
  const expected = await other.build();
  await other.close();
  expect(errors(report)).toEqual(errors(expected));
  expect(tree(join(dir, 'out'))).toEqual(tree(join(dir, `fresh${fresh - 1}`)));
  expect(report.compiled + report.unchanged).toBe(expected.compiled);
  return report;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pyasync-builder-'));
  write('a.py', 'from b import x\nprint(x)\n');
  write('b.py', 'x = 1\n');
  write('pkg/__init__.py', 'from .m import *\n');
  write('pkg/m.py', 'y = 2\n');
  write('c.py', 'from pkg import y\nprint(y)\n');
  for (let i = 0; i < 6; i++) write(`other${i}.py`, `import b\nV = ${i}\n`);
  builder = new Builder(options('out'));
  const report = await builder.build();
  expect(report.diagnostics).toEqual([]);
});

afterAll(async () => {
  await builder.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Builder rebuilds', () => {
  it('recompiles the importers whose imported names changed, and only those', async () => {
    let report = await rebuild([write('b.py', 'z = 1\n')], false);
    expect(errors(report)).toEqual(["app/a.py:1: ImportError: cannot import name 'x' from 'b' (app/b.py)"]);
    // b and a; not the six modules that import b without reading its names.
    expect(report.compiled).toBe(1);
    report = await rebuild([write('b.py', 'x = 1\n')], false);
    expect(report.diagnostics).toEqual([]);
    expect(report.compiled).toBe(2);
  });

  it('follows names through a package star import', async () => {
    let report = await rebuild([write('pkg/m.py', 'w = 2\n')], false);
    expect(errors(report)).toEqual(["app/c.py:1: ImportError: cannot import name 'y' from 'pkg' (app/pkg/__init__.py)"]);
    report = await rebuild([write('pkg/m.py', 'y = 3\n')], false);
    expect(report.diagnostics).toEqual([]);
  });

  it('revisits importers when a module disappears, comes back as a package, and a package loses its __init__', async () => {
    rmSync(app('b.py'));
    let report = await rebuild([app('b.py')], true);
    expect(failing(report)).toEqual(['app/a.py', ...[0, 1, 2, 3, 4, 5].map((i) => `app/other${i}.py`)]);
    write('b/__init__.py', 'x = 3\n');
    report = await rebuild([app('b')], true);
    expect(report.diagnostics).toEqual([]);
    rmSync(app('pkg/__init__.py'));
    report = await rebuild([app('pkg/__init__.py')], true);
    expect(failing(report)).toEqual(['app/c.py']);
  });

  it('follows a renamed package folder', async () => {
    write('pkg/__init__.py', 'from .m import *\n');
    await rebuild([app('pkg/__init__.py')], true);
    renameSync(app('pkg'), app('pkg2'));
    const report = await rebuild([app('pkg'), app('pkg2')], true);
    expect(failing(report)).toEqual(['app/c.py']);
    write('c.py', 'from pkg2 import y\nprint(y)\n');
    expect((await rebuild([app('c.py')], false)).diagnostics).toEqual([]);
  });
});

describe('defaultJobs', () => {
  it('takes one thread per core the load average leaves idle, at least one', () => {
    expect(defaultJobs(2, 0.2)).toBe(2);
    expect(defaultJobs(2, 1.5)).toBe(1);
    expect(defaultJobs(2, 20)).toBe(1);
    expect(defaultJobs(8, 3.4)).toBe(5);
  });
});
