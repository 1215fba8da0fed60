/**
 * `pyasync run` on multi-file programs, as a separate process from the
 * sources: output, sys.argv and exit status as python3's, compile errors
 * in imported modules, and the compile cache (reused while nothing changes,
 * redone when a source or the module search's answer changes).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from '../../tests/support/oracle.js';

const REGISTER_TS = join(REPO_ROOT, 'tests', 'support', 'register-ts.mjs');
const CLI = join(REPO_ROOT, 'cli', 'index.ts');

let dir: string;
let cache: string;

interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

function write(files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

function pyasync(args: string[]): Outcome {
  const r = spawnSync(process.execPath, ['--import', REGISTER_TS, CLI, 'run', ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, PYASYNC_CACHE_DIR: cache },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function python3(args: string[]): Outcome {
  const r = spawnSync('python3', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The compiled programs in the cache (one folder per compilation). */
function compilations(): string[] {
  return readdirSync(cache, { recursive: true, withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name.startsWith('p-'))
    .map((e) => e.name)
    .sort();
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pyasync-run-test-'));
  cache = mkdtempSync(join(tmpdir(), 'pyasync-run-cache-'));
  write({
    'app.py': [
      'import sys',
      'from lib import helpers',
      'from lib.helpers import double',
      'try:',
      '    import optional_extra',
      '    print("extra:", optional_extra.VALUE)',
      'except ImportError:',
      '    print("no extra")',
      'print(sys.argv, helpers.double(21), double(2), helpers.__name__, __name__)',
      'sys.exit(int(sys.argv[1]) if len(sys.argv) > 1 else 0)',
      '',
    ].join('\n'),
    'lib/__init__.py': '',
    'lib/helpers.py': 'def double(x):\n    return 2 * x\n',
  });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
});

describe('pyasync run', () => {
  it('prints what python3 prints, with sys.argv and the exit status', () => {
    const args = ['app.py', '4', '-v', 'x y'];
    const ours = pyasync(args);
    expect(ours).toEqual({ ...python3(args), stderr: '' });
    expect(ours.status).toBe(4);
  });

  it('reuses the compiled program until a source changes or a new module appears', () => {
    const first = compilations();
    expect(first).toHaveLength(1);
    expect(pyasync(['app.py']).stdout).toContain('[\'app.py\'] 42 4 lib.helpers __main__');
    expect(compilations()).toEqual(first);

    writeFileSync(join(dir, 'lib', 'helpers.py'), 'def double(x):\n    return 3 * x\n');
    expect(pyasync(['app.py']).stdout).toContain('63 6');
    const second = compilations();
    expect(second).not.toEqual(first);

    // A module the program looked for and did not find now exists.
    writeFileSync(join(dir, 'optional_extra.py'), 'VALUE = "here"\n');
    const third = pyasync(['app.py']);
    expect(third.stdout).toBe(python3(['app.py']).stdout);
    expect(third.stdout).toContain('extra: here');
    expect(compilations()).not.toEqual(second);
  });

  it('--no-cache compiles again, and leaves the cache alone', () => {
    const before = compilations();
    expect(pyasync(['--no-cache', 'app.py']).status).toBe(0);
    expect(compilations()).toEqual(before);
  });

  it('reports a syntax error in an imported module as python3 does', () => {
    write({ 'bad_entry.py': 'print("start")\nimport lib.broken\n', 'lib/broken.py': 'x = (1,\n' });
    const ours = pyasync(['bad_entry.py']);
    const python = python3(['bad_entry.py']);
    expect(ours.status).toBe(python.status);
    expect(ours.stdout).toBe('');
    expect(ours.stderr.trimEnd().split('\n').pop()).toBe(python.stderr.trimEnd().split('\n').pop());
    expect(ours.stderr).toContain(join(dir, 'lib', 'broken.py'));
  });

  it('reports a script\'s syntax errors at the end of input as python3 does (no caret: its tokenizer reads the file)', () => {
    const sources = ['x = 1\nif True:\n', 'try:\n    pass\n', 'for x in y:\n\n\n', 'if x:\n    pass\nelse:', 'x = 1\n\\', 'x = (1,\n', 'x = 1\n    y = 2\n'];
    sources.forEach((source, i) => write({ [`eof_${i}.py`]: source }));
    for (let i = 0; i < sources.length; i++) {
      const args = ['--no-cache', `eof_${i}.py`];
      expect({ source: sources[i], ...pyasync(args) }).toEqual({ source: sources[i], ...python3(args.slice(1)) });
    }
  });

  it('reports a missing module at compile time, with CPython\'s last line', () => {
    write({ 'missing.py': 'import lib.nothing\n' });
    const ours = pyasync(['missing.py']);
    expect(ours.status).toBe(1);
    expect(ours.stderr).toBe(`  File "${join(dir, 'missing.py')}", line 1\n    import lib.nothing\n           ^^^^^^^^^^^\nModuleNotFoundError: No module named 'lib.nothing'\n`);
    expect(python3(['missing.py']).stderr.trimEnd().split('\n').pop()).toBe("ModuleNotFoundError: No module named 'lib.nothing'");
  });

  it('reports a missing file with status 2', () => {
    const ours = pyasync(['nope.py']);
    expect(ours.status).toBe(2);
    expect(ours.stderr).toBe(`pyasync: can't open file '${join(dir, 'nope.py')}': [Errno 2] No such file or directory\n`);
  });

  it('stores the manifest it checks', () => {
    const manifests = readdirSync(cache, { recursive: true }).filter((p) => String(p).endsWith('manifest.json'));
    expect(manifests.length).toBeGreaterThan(0);
    const manifest = JSON.parse(readFileSync(join(cache, String(manifests[0])), 'utf8')) as { reads: [string, string][] };
    expect(manifest.reads.map(([p]) => p)).toContain(join(dir, 'lib', 'helpers.py'));
  });
  it('accepts top-level await in the entry only with --top-level-await, without caching it', () => {
    write({
      'tla.py': 'import tla_lib\nasync def f():\n    return tla_lib.VALUE\nprint(await f())\n',
      'tla_lib.py': 'VALUE = "from the library"\n',
    });
    const before = compilations();
    const plain = pyasync(['tla.py']);
    expect(plain.status).toBe(1);
    expect(plain.stderr.trimEnd().split('\n').pop()).toBe(python3(['tla.py']).stderr.trimEnd().split('\n').pop());
    const flagged = pyasync(['--top-level-await', 'tla.py']);
    expect(flagged).toEqual({ status: 0, stdout: 'from the library\n', stderr: '' });
    expect(compilations()).toEqual(before);
  });

  it('--js-module NAME=SPECIFIER imports an ES module as a Python module (a path from the current folder), without caching it', () => {
    write({
      'jsmods.py': 'import sys\nimport fs\nfrom helper import triple\nprint(fs.existsSync(sys.argv[0]), triple(14), sys.argv[1:])\n',
      'js/helper.mjs': 'export function triple(x) { return 3 * x; }\n',
    });
    const before = compilations();
    const ours = pyasync(['--js-module', 'fs=node:fs', '--js-module', 'helper=./js/helper.mjs', 'jsmods.py', 'a', '-b']);
    expect(ours).toEqual({ status: 0, stdout: "True 42 ['a', '-b']\n", stderr: '' });
    expect(compilations()).toEqual(before);
    // Without the mapping the name is an ordinary (missing) module.
    expect(pyasync(['jsmods.py']).stderr.trimEnd().split('\n').pop()).toBe("ModuleNotFoundError: No module named 'fs'");
    const bad = pyasync(['--js-module', 'fs', 'jsmods.py']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("--js-module needs NAME=SPECIFIER, not 'fs'");
  });
  it('keeps a callback\'s exception report where CPython prints it among the output, with its Python frames', () => {
    write({
      'callback_error.py': [
        'import asyncio',
        'def boom():',
        '    raise ValueError("x")',
        'async def main():',
        '    loop = asyncio.get_running_loop()',
        '    loop.call_soon(boom)',
        '    loop.call_soon(print, "right after")',
        '    await asyncio.sleep(0)',
        '    await asyncio.sleep(0)',
        '    print("later")',
        'asyncio.run(main())',
        '',
      ].join('\n'),
    });
    // stdout and stderr into one file, as `2>&1` does, so that their order shows.
    const merged = (command: string, args: string[], env: NodeJS.ProcessEnv): string => {
      const file = join(dir, 'merged.txt');
      const fd = openSync(file, 'w');
      try {
        spawnSync(command, args, { cwd: dir, stdio: ['ignore', fd, fd], timeout: 120_000, env: { ...process.env, ...env } });
      } finally {
        closeSync(fd);
      }
      return readFileSync(file, 'utf8');
    };
    const ours = merged(process.execPath, ['--import', REGISTER_TS, CLI, 'run', 'callback_error.py'], { PYASYNC_CACHE_DIR: cache });
    const theirs = merged('python3', ['callback_error.py'], { PYTHONDONTWRITEBYTECODE: '1' });
    // The program's lines and the exception's own line, in order (the report's head and frames differ: README).
    const outline = (text: string): string[] => text.split('\n').filter((l) => l !== '' && !/^(\s|Exception in callback|handle:|Traceback)/.test(l));
    expect(outline(ours)).toEqual(outline(theirs));
    expect(outline(theirs)).toEqual(['ValueError: x', 'right after', 'later']);
    expect(ours).toContain('File "' + join(dir, 'callback_error.py') + '", line 3, in boom');
  });
});
