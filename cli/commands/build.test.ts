/**
 * `pyasync build` on programs and folders, as a separate process from the
 * sources: the tree it writes (a .js and a .js.map per module, packages
 * included), errors reported per file without stopping the others, and
 * the built program run under Node printing what python3 prints.
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

const SOURCES: Record<string, string> = {
  'src/main.py': 'import math\nfrom shop import cart\nfrom shop.cart import total\nprint(cart.__name__, total([1.5, 2.25]), math.floor(2.5), __name__)\n',
  'src/shop/__init__.py': 'TAX = 0.5\n',
  'src/shop/cart.py': 'from . import TAX\nfrom .prices import price\n\ndef total(items):\n    return sum(price(i) for i in items) + TAX\n',
  'src/shop/prices.py': 'def price(x):\n    return x * 2\n',
  'src/shop/unused.py': 'VALUE = 1\n',
  'src/broken.py': 'def f(:\n',
  'src/needs_missing.py': 'import not_there\n',
};

function pyasync(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', REGISTER_TS, CLI, 'build', ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function files(root: string): string[] {
  return readdirSync(join(dir, root), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(join(dir, root).length + 1))
    .sort();
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pyasync-build-test-'));
  for (const [path, text] of Object.entries(SOURCES)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pyasync build', () => {
  it('builds a folder: every module, errors reported per file, the rest written', () => {
    const result = pyasync(['src', '--out-dir', 'out']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`  File "${join('src', 'broken.py')}", line 1\n    def f(:\n          ^\nSyntaxError: invalid syntax\n`);
    expect(result.stderr).toContain(`  File "${join('src', 'needs_missing.py')}", line 1\n    import not_there\n           ^^^^^^^^^\nModuleNotFoundError: No module named 'not_there'\n`);
    expect(result.stderr).toMatch(/compiled 5 files, 2 with errors\n$/);
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
    expect(result).toEqual({ status: 0, stdout: '', stderr: 'compiled 4 files\n' });
    expect(files('app')).toEqual(['main.js', 'shop/__init__.js', 'shop/cart.js', 'shop/prices.js']);
    writeFileSync(join(dir, 'app', 'package.json'), '{"type": "module"}\n');
    const run = spawnSync(process.execPath, ['--import', REGISTER_TS, join(dir, 'app', 'main.js')], { cwd: dir, encoding: 'utf8' });
    const python = spawnSync('python3', [join('src', 'main.py')], { cwd: dir, encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({ status: 0, stdout: python.stdout, stderr: '' });
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
    expect(result.stderr).toBe("pyasync: can't open 'nowhere.py': No such file or directory\ncompiled 0 files, 1 with errors\n");
    expect(existsSync(join(dir, 'out2'))).toBe(false);
  });
});
