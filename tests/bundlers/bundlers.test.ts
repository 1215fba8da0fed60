/**
 * pyasync/plugin with each bundler, for real: the fixture app (tests/bundlers/app,
 * a `main.py` entry importing a package and a module, driven by asyncio.run)
 * is built through Vite's, Rollup's, esbuild's and webpack's JS APIs, and each
 * bundle, run with node, must print what `python3 main.py` prints. The
 * bundles' source maps must lead back to the .py lines, and a module that does
 * not compile must fail each build with CPython's message and position.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { ensureDist } from './dist.js';
import { bundle, BUNDLERS, type Bundler } from './build.js';

const run = promisify(execFile);
/** Four builds at once on a busy machine. */
const BUILD_TIMEOUT = 120_000;
const APP = join(import.meta.dirname, 'app');
const BROKEN = join(import.meta.dirname, 'broken');

interface Expected {
  stdout: string;
  /** The SyntaxError python3 raises compiling broken/greeting.py. */
  error: { lineno: number; offset: number; msg: string };
}

// One python3 process: the app's output on stdout, then the broken module's error as JSON on stderr.
const ORACLE = `
import json, runpy, sys
sys.path[0] = sys.argv[1]
try:
    runpy.run_path(sys.argv[1] + "/main.py", run_name="__main__")
finally:
    sys.stdout.flush()
path = sys.argv[2] + "/greeting.py"
try:
    compile(open(path).read(), path, "exec")
except SyntaxError as e:
    print(json.dumps({"lineno": e.lineno, "offset": e.offset, "msg": e.msg}), file=sys.stderr)
`;

let expected: Expected;
const outRoot = mkdtempSync(join(tmpdir(), 'pyasync-bundlers-'));

beforeAll(async () => {
  const [oracle] = await Promise.all([run('python3', ['-c', ORACLE, APP, BROKEN]), ensureDist()]);
  expected = { stdout: oracle.stdout, error: JSON.parse(oracle.stderr) as Expected['error'] };
}, 180_000);

afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

/** The 1-based line of `text` in a file, and its 0-based column. */
function positionOf(source: string, text: string): { line: number; column: number } {
  const index = source.indexOf(text);
  expect(index).toBeGreaterThanOrEqual(0);
  const before = source.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length };
}

describe.concurrent.each(BUNDLERS)('%s', (bundler: Bundler) => {
  test('builds the app, whose bundle prints what python3 prints, with source maps back to the .py files', async () => {
    const outDir = join(outRoot, bundler);
    const file = await bundle(bundler, join(APP, 'main.py'), outDir);
    const { stdout } = await run(process.execPath, [file], { cwd: outDir });
    expect(stdout).toBe(expected.stdout);

    // A string of main.py, found in the bundle, maps back to its line in main.py.
    const text = '"timed out as expected"';
    const python = positionOf(readFileSync(join(APP, 'main.py'), 'utf8'), text);
    const generated = positionOf(readFileSync(file, 'utf8'), text);
    const map = new TraceMap(readFileSync(`${file}.map`, 'utf8'));
    const original = originalPositionFor(map, generated);
    expect(original.source).toMatch(/(^|\/)main\.py$/);
    expect(original.line).toBe(python.line);
  }, BUILD_TIMEOUT);

  test('reports a module that does not compile through the bundler, as python3 words it', async () => {
    const failure = await bundle(bundler, join(BROKEN, 'main.py'), join(outRoot, `${bundler}-broken`)).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).not.toBeNull();
    const { message, id, loc } = reported(failure);
    const { lineno, offset, msg } = expected.error;
    const file = join(BROKEN, 'greeting.py');
    expect(message).toContain(`File "${file}", line ${lineno}`);
    expect(message).toContain(`SyntaxError: ${msg}`);
    if (bundler === 'webpack') return; // webpack's module errors keep only their text.
    if (id !== undefined) expect(id).toBe(file);
    expect(loc).toEqual({ file, line: lineno, column: offset - 1 });
  }, BUILD_TIMEOUT);
});

interface Reported {
  message: string;
  id?: string | undefined;
  loc?: { file?: string | undefined; line: number; column: number } | undefined;
}

/**
 * The error a build rejected with: Rollup's carries `id` and `loc`, Vite's
 * (Rolldown's) the same on each of its `errors`, esbuild's its messages with
 * a `location` (relative to the working directory).
 */
function reported(error: unknown): Reported {
  const e = error as {
    message: string; id?: string; loc?: Reported['loc'];
    errors?: ({ text: string; location: { file: string; line: number; column: number } | null } | { id?: string; loc?: Reported['loc'] })[];
  };
  const first = e.errors?.[0];
  if (first !== undefined && 'text' in first) {
    const at = first.location;
    return { message: first.text, ...(at ? { loc: { file: resolve(at.file), line: at.line, column: at.column } } : {}) };
  }
  if (first !== undefined) return { message: e.message, id: first.id, loc: first.loc };
  return { message: e.message, id: e.id, loc: e.loc };
}
