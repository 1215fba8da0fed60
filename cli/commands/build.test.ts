/**
 * `pyasync build` on programs and folders, as a separate process from the
 * sources: the tree it writes (a .js and a .js.map per module, packages
 * included), errors reported per file without stopping the others, and
 * the built program run under Node printing what python3 prints; the
 * cache, worker threads, and the output options.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../../tests/support/oracle.js';

const REGISTER_TS = join(REPO_ROOT, 'tests', 'support', 'register-ts.mjs');
const CLI = join(REPO_ROOT, 'cli', 'index.ts');
const RUNTIME = pathToFileURL(join(REPO_ROOT, 'runtime', 'index.ts')).href;

let dir: string;
let cache: string;

const SOURCES: Record<string, string> = {
  'src/main.py': 'import math\nfrom shop import cart\nfrom shop.cart import total\nprint(cart.__name__, total([1.5, 2.25]), math.floor(2.5), __name__)\n',
  'src/shop/__init__.py': 'TAX = 0.5\n',
  'src/shop/cart.py': 'from . import TAX\nfrom .prices import price\n\ndef total(items):\n    return sum(price(i) for i in items) + TAX\n',
  'src/shop/prices.py': 'def price(x):\n    return x * 2\n',
  'src/shop/unused.py': 'VALUE = 1\n',
  'src/broken.py': 'def f(:\n',
  'src/needs_missing.py': 'import not_there\n',
};

function pyasync(args: string[], env: NodeJS.ProcessEnv = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', REGISTER_TS, CLI, 'build', ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, PYASYNC_CACHE_DIR: cache, NO_COLOR: '', FORCE_COLOR: '', ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function write(path: string, text: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

function files(root: string): string[] {
  return readdirSync(join(dir, root), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(join(dir, root).length + 1))
    .sort();
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pyasync-build-test-'));
  cache = mkdtempSync(join(tmpdir(), 'pyasync-build-cache-'));
  for (const [path, text] of Object.entries(SOURCES)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
});

/** `compiled N files in T (…)` with the time left out. */
function summary(stderr: string): string {
  return (stderr.trimEnd().split('\n').pop() ?? '').replace(/ in [\d.]+ m?s/, '');
}

describe('pyasync build', () => {
  it('builds a folder: every module, errors reported per file, the rest written', () => {
    const result = pyasync(['src', '--out-dir', 'out']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${join('src', 'broken.py')}:1:7: SyntaxError: invalid syntax\n    def f(:\n          ^\n`);
    expect(result.stderr).toContain(`${join('src', 'needs_missing.py')}:1:8: ModuleNotFoundError: No module named 'not_there'\n    import not_there\n           ^^^^^^^^^\n`);
    expect(summary(result.stderr)).toBe('compiled 5 files (2 failed)');
    // No colour when stderr is not a terminal.
    expect(result.stderr).not.toContain('\x1b[');
    expect(files('out')).toEqual([
      'main.js', 'main.js.map', 'shop/__init__.js', 'shop/__init__.js.map', 'shop/cart.js', 'shop/cart.js.map',
      'shop/prices.js', 'shop/prices.js.map', 'shop/unused.js', 'shop/unused.js.map',
    ]);
  });

  it('writes ES modules that import the runtime and each other, with source maps', () => {
    const main = readFileSync(join(dir, 'out', 'main.js'), 'utf8');
    expect(main).toContain('from "pyasync/runtime";');
    expect(main).toContain('import * as $math$ from "pyasync/runtime/math";');
    expect(main).toContain('import * as $shop$cart$ from "./shop/cart.js";');
    expect(main.trimEnd().endsWith('//# sourceMappingURL=main.js.map')).toBe(true);
    const map = JSON.parse(readFileSync(join(dir, 'out', 'shop', 'cart.js.map'), 'utf8')) as { sources: string[]; file: string; sourcesContent: string[] };
    expect(map.file).toBe('cart.js');
    expect(map.sources).toEqual(['../../src/shop/cart.py']);
    expect(map.sourcesContent).toEqual([SOURCES['src/shop/cart.py']]);
    const cart = readFileSync(join(dir, 'out', 'shop', 'cart.js'), 'utf8');
    expect(cart).toContain('var __name__ = $moduleName(import.meta.url, "shop.cart"),\n  __file__ = "shop/cart.py";');
  });

  it('builds a program from its entry, and the build runs as python3 runs the sources', () => {
    const result = pyasync([join('src', 'main.py'), '--out-dir', 'app', '--runtime', RUNTIME, '--no-source-maps']);
    expect({ ...result, stderr: summary(result.stderr) }).toEqual({ status: 0, stdout: '', stderr: 'compiled 4 files' });
    expect(files('app')).toEqual(['main.js', 'shop/__init__.js', 'shop/cart.js', 'shop/prices.js']);
    writeFileSync(join(dir, 'app', 'package.json'), '{"type": "module"}\n');
    const run = spawnSync(process.execPath, ['--import', REGISTER_TS, join(dir, 'app', 'main.js')], { cwd: dir, encoding: 'utf8' });
    const python = spawnSync('python3', [join('src', 'main.py')], { cwd: dir, encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({ status: 0, stdout: python.stdout, stderr: '' });
  });

  it('--js-module NAME=SPECIFIER compiles `import NAME` to an import of the specifier, as written', () => {
    write('jsmod/main.py', 'import fs\nfrom helper import triple\nprint(fs.existsSync("main.js"), triple(14))\n');
    write('jsmod/helper.mjs', 'export function triple(x) { return 3 * x; }\n');
    const result = pyasync([join('jsmod', 'main.py'), '-o', join('jsmod', 'out'), '--runtime', RUNTIME, '--no-source-maps', '--js-module', 'fs=node:fs', '--js-module', 'helper=../helper.mjs']);
    expect({ ...result, stderr: summary(result.stderr) }).toEqual({ status: 0, stdout: '', stderr: 'compiled 1 file' });
    const main = readFileSync(join(dir, 'jsmod', 'out', 'main.js'), 'utf8');
    expect(main).toContain('import * as $fs$ from "node:fs";');
    writeFileSync(join(dir, 'jsmod', 'out', 'package.json'), '{"type": "module"}\n');
    const run = spawnSync(process.execPath, ['--import', REGISTER_TS, 'main.js'], { cwd: join(dir, 'jsmod', 'out'), encoding: 'utf8' });
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({ status: 0, stdout: 'True 42\n', stderr: '' });
    expect(pyasync([join('jsmod', 'main.py'), '-o', join('jsmod', 'out'), '--js-module', '1x=y']).stderr).toContain("--js-module: '1x' is not a Python module name");
  });

  it('builds a package folder as that package, from the folder above it', () => {
    const result = pyasync([join('src', 'shop'), '--out-dir', 'pkg-out']);
    expect(result.status).toBe(0);
    expect(files('pkg-out')).toEqual([
      'shop/__init__.js', 'shop/__init__.js.map', 'shop/cart.js', 'shop/cart.js.map', 'shop/prices.js', 'shop/prices.js.map',
      'shop/unused.js', 'shop/unused.js.map',
    ]);
  });

  it('leaves no temporary files and reports inputs that do not exist', () => {
    expect(files('out').some((f) => f.endsWith('.tmp'))).toBe(false);
    const result = pyasync(['nowhere.py', '--out-dir', 'out2']);
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n')[0]).toBe("pyasync: can't open 'nowhere.py': No such file or directory");
    expect(summary(result.stderr)).toBe('compiled 0 files (1 failed)');
    expect(existsSync(join(dir, 'out2'))).toBe(false);
  });

  it('skips unchanged modules through the cache, and recompiles what an edit affects', () => {
    const again = pyasync(['src', '--out-dir', 'out'], { FORCE_COLOR: '1' });
    expect(summary(again.stderr.replace(/\x1b\[\d+m/g, ''))).toBe('compiled 0 files (5 unchanged, 2 failed)');
    // FORCE_COLOR colours the report even on a pipe.
    expect(again.stderr).toContain(`\x1b[1m${join('src', 'broken.py')}:1:7\x1b[22m: \x1b[31m\x1b[1mSyntaxError`);
    writeFileSync(join(dir, 'src', 'shop', 'prices.py'), 'def price(x):\n    return x * 3\n');
    // cart.py imports a name from prices.py, so it is checked again too.
    expect(summary(pyasync(['src', '--out-dir', 'out']).stderr)).toBe('compiled 2 files (3 unchanged, 2 failed)');
    expect(readFileSync(join(dir, 'out', 'shop', 'prices.js'), 'utf8')).toContain('3');
  });

  it("prints CPython's SyntaxWarnings for what it compiles, as compileall does, and none for what its cache has", () => {
    const source = 'x = 1\nprint(x is 1)\nassert (x, "msg")\n';
    write('warn/w.py', source);
    const run = spawnSync('python3', ['-m', 'compileall', '-q', '-f', 'w.py'], { cwd: join(dir, 'warn'), encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '' } });
    expect(run.stderr).toContain('SyntaxWarning');
    const first = pyasync([join('warn', 'w.py'), '--out-dir', 'warn-out']);
    expect(first.stderr.split('\n').slice(0, -2).join('\n') + '\n').toBe(run.stderr.replaceAll('w.py:', `${join('warn', 'w.py')}:`));
    expect(pyasync([join('warn', 'w.py'), '--out-dir', 'warn-out']).stderr).not.toContain('SyntaxWarning');
  });

  it('compiles many modules on worker threads, with inline maps, declarations and the top-level-await check', () => {
    for (let i = 0; i < 30; i++) {
      const next = i < 29 ? `from m${i + 1} import value as v\n` : 'v = 0\n';
      write(`many/m${i}.py`, `${next}def value(x: int = ${i}) -> int:\n    return x\n`);
    }
    write('many/blocking.py', 'import asyncio\nasync def main():\n    pass\nasyncio.run(main())\n');
    const result = pyasync(['many', '--out-dir', 'many-out', '--jobs', '2', '--inline-source-maps', '--declarations', '--no-es-top-level-await']);
    expect(result.status).toBe(1);
    expect(summary(result.stderr)).toBe('compiled 30 files (1 failed)');
    expect(result.stderr).toContain(`${join('many', 'blocking.py')}:4:1: Error: this needs top-level await`);
    expect(result.stderr).toContain('    asyncio.run(main())\n    ^\n');
    const files = readdirSync(join(dir, 'many-out')).sort();
    expect(files).toHaveLength(60);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    const m3 = readFileSync(join(dir, 'many-out', 'm3.js'), 'utf8');
    const inline = /\/\/# sourceMappingURL=data:application\/json;charset=utf-8;base64,(\S+)\n$/.exec(m3);
    expect(JSON.parse(Buffer.from(inline![1]!, 'base64').toString()).sources).toEqual(['../many/m3.py']);
    expect(readFileSync(join(dir, 'many-out', 'm3.d.ts'), 'utf8')).toContain('export declare function value(x?: number): number;');
  });

  it('compiles on workers (their cache entries reused next time) to the same files and errors as --jobs 1 in this thread', () => {
    for (let i = 0; i < 30; i++) {
      const next = i < 29 ? `from m${i + 1} import value as v${i === 10 ? ', missing' : ''}\n` : 'v = 0\n';
      write(`solo/m${i}.py`, `${next}def value(x=${i}):\n    return x\n`);
    }
    const cacheDir = join(dir, 'solo-cache');
    const workers = pyasync(['solo', '--out-dir', 'solo-workers', '--cache-dir', cacheDir, '--jobs', '2']);
    const here = pyasync(['solo', '--out-dir', 'solo-here', '--jobs', '1', '--no-cache']);
    expect(summary(workers.stderr)).toBe('compiled 29 files (1 failed)');
    expect(workers.stderr.replace(/ in [\d.]+ m?s/, '')).toBe(here.stderr.replace(/ in [\d.]+ m?s/, ''));
    expect(workers.stderr).toContain(`cannot import name 'missing' from 'm11'`);
    const contents = (root: string): string[] => files(root).map((f) => `${f}\n${readFileSync(join(dir, root, f), 'utf8')}`);
    expect(contents('solo-workers')).toEqual(contents('solo-here'));
    const warm = pyasync(['solo', '--out-dir', 'solo-warm', '--cache-dir', cacheDir, '--jobs', '2']);
    expect(summary(warm.stderr)).toBe('compiled 0 files (29 unchanged, 1 failed)');
    expect(contents('solo-warm')).toEqual(contents('solo-here'));
  });

  it('built (bin/pyasync.js), compiles on workers loaded from their bundle to the same files as the sources do', () => {
    const bundle = join(REPO_ROOT, 'dist', 'cli', 'build', 'worker.bundle.js');
    expect(existsSync(bundle), 'npm run build makes the bundle').toBe(true);
    for (let i = 0; i < 30; i++) {
      // \N{...} reads the parser's data file, which the bundle finds beside itself.
      const next = i < 29 ? `from m${i + 1} import value as v\n` : 'v = "\\N{BULLET}"\n';
      write(`bundled/m${i}.py`, `${next}def value(x=${i}):\n    return x\n`);
    }
    const built = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'pyasync.js'), 'build', 'bundled', '--out-dir', 'bundled-built', '--no-cache', '--jobs', '2'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '' },
    });
    const here = pyasync(['bundled', '--out-dir', 'bundled-here', '--jobs', '1', '--no-cache']);
    expect(summary(built.stderr)).toBe('compiled 30 files');
    expect(summary(here.stderr)).toBe('compiled 30 files');
    const contents = (root: string): string[] => files(root).map((f) => `${f}\n${readFileSync(join(dir, root, f), 'utf8')}`);
    expect(contents('bundled-built')).toEqual(contents('bundled-here'));
    expect(readFileSync(join(dir, 'bundled-built', 'm29.js'), 'utf8')).toContain('v = "\\u2022";');
  });

  it('--runtime-path copies the runtime and imports it relatively; --target browser makes the named file __main__', () => {
    const result = pyasync([join('src', 'main.py'), '--out-dir', 'web', '--runtime-path', join('web', 'rt'), '--target', 'browser', '--no-source-maps']);
    expect(summary(result.stderr)).toBe('compiled 4 files');
    const main = readFileSync(join(dir, 'web', 'main.js'), 'utf8');
    expect(main).toMatch(/from "\.\/rt\/index\.[jt]s";/);
    expect(main).toContain('$moduleName(import.meta.url, "__main__")');
    expect(readFileSync(join(dir, 'web', 'shop', 'cart.js'), 'utf8')).toMatch(/from "\.\.\/rt\/index\.[jt]s";/);
    // Every runtime specifier of the output names a file of the copy (running it is the first test's job).
    for (const module of ['main.js', 'shop/cart.js']) {
      const code = readFileSync(join(dir, 'web', module), 'utf8');
      const specifiers = [...code.matchAll(/from "(\.[^"]*rt\/[^"]*)"/g)].map((m) => m[1]!);
      expect(specifiers.length).toBeGreaterThan(0);
      for (const specifier of specifiers) expect(existsSync(join(dir, 'web', dirname(module), specifier))).toBe(true);
    }
    expect(files('web/rt').some((f) => f.includes('.test.'))).toBe(false);
  });
});
