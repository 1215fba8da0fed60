import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../tests/support/oracle.js';

/**
 * input() reading a real stdin (a pipe) in a child process, against python3
 * running the same program on the same bytes. Each program is written in
 * Python and as the JS compiled code would be (`rt` is the runtime).
 */
const dir = mkdtempSync(join(tmpdir(), 'pyasync-input-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const runtime = pathToFileURL(join(REPO_ROOT, 'runtime', 'index.ts')).href;
const main = pathToFileURL(join(REPO_ROOT, 'runtime', 'program', 'main.ts')).href;
const loader = join(REPO_ROOT, 'tests', 'support', 'register-ts.mjs');

interface Outcome {
  stdout: string;
  lastErr: string;
  status: number | null;
}

function spawnWith(command: string, args: string[], stdin: Uint8Array): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: dir });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('close', (status) => resolve({ stdout, lastErr: stderr.trimEnd().split('\n').pop() ?? '', status }));
    child.stdin.end(stdin);
  });
}

let count = 0;

async function both(python: string, js: string, stdin: string | Uint8Array): Promise<[Outcome, Outcome]> {
  const bytes = typeof stdin === 'string' ? new TextEncoder().encode(stdin) : stdin;
  const name = `program${count++}`;
  writeFileSync(join(dir, `${name}.py`), python);
  writeFileSync(join(dir, `${name}.mjs`), `import * as rt from '${runtime}';\n${js}\n`);
  const launcher = `const { runMain } = await import('${main}'); process.exitCode = await runMain('${pathToFileURL(join(dir, `${name}.mjs`)).href}');`;
  return Promise.all([
    spawnWith('python3', [`${name}.py`], bytes),
    spawnWith(process.execPath, ['--import', loader, '--input-type=module', '-e', launcher], bytes),
  ]);
}

describe.concurrent('input() under Node', () => {
  it('reads lines, keeps \\r, returns the last line without its newline, then raises EOFError', async () => {
    const [py, js] = await both(
      'while True:\n    print(repr(input()))\n',
      'for (;;) rt.print(rt.repr(rt.input()));',
      'one\ntwo\r\n\n\rthree\nlast',
    );
    expect(js).toEqual(py);
    expect(py.lastErr).toBe('EOFError: EOF when reading a line');
  });

  it('writes the prompt to stdout after what print() buffered', async () => {
    const [py, js] = await both(
      "print('hello')\nname = input('name? ')\nage = input(42)\nprint(name, age, sep='|')\ninput('gone? ')\n",
      "rt.print('hello'); const name = rt.input('name? '); const age = rt.input(42); rt.call(rt.print, [name, age], { sep: '|' }); rt.input('gone? ');",
      'Ada\n36\n',
    );
    expect(js).toEqual(py);
  });

  it('turns undecodable bytes into lone surrogates, as CPython under a UTF-8 locale', async () => {
    const [py, js] = await both(
      'print(ascii(input()), ascii(input()))\n',
      'rt.print(rt.ascii(rt.input()), rt.ascii(rt.input()));',
      new Uint8Array([0x61, 0xff, 0x62, 0x0a, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0x0a]),
    );
    expect(js).toEqual(py);
  });

  it('reads lines longer than its buffer, and many lines', async () => {
    const long = 'é'.repeat(70_000) + '😀';
    const many = Array.from({ length: 50_000 }, (_, i) => String(i)).join('\n');
    const [py, js] = await both(
      'line = input()\nprint(len(line), line[-2:])\ntotal = 0\ntry:\n    while True:\n        total += int(input())\nexcept EOFError:\n    print(total)\n',
      `const line = rt.input(); rt.print(rt.len(line), [...line].slice(-2).join(''));
let total = 0;
try { for (;;) total += Number(rt.input()); } catch (e) { if (!(e instanceof rt.EOFError)) throw e; rt.print(total); }`,
      `${long}\n${many}\n`,
    );
    expect(js).toEqual(py);
  });

  it('checks its arguments as CPython', async () => {
    const [py, js] = await both('input(1, 2)\n', 'rt.input(1, 2);', '');
    expect(js).toEqual(py);
    expect(py.lastErr).toBe('TypeError: input expected at most 1 argument, got 2');
  });
});

describe.concurrent('sys.stdin under Node', () => {
  const cli = join(REPO_ROOT, 'cli', 'index.ts');

  /** The Python program compiled and run by `pyasync run`, and by python3, on the same input. */
  async function compiledAndPython(python: string, stdin: string): Promise<[Outcome, Outcome]> {
    const name = `program${count++}`;
    writeFileSync(join(dir, `${name}.py`), python);
    const bytes = new TextEncoder().encode(stdin);
    return Promise.all([
      spawnWith('python3', [`${name}.py`], bytes),
      spawnWith(process.execPath, ['--import', loader, cli, 'run', `${name}.py`], bytes),
    ]);
  }

  it('reads lines, sizes, the rest, and iterates, sharing its buffer with input()', async () => {
    const program = [
      'import sys',
      'print(type(sys.stdin).__name__, sys.stdin.name, sys.stdin.mode, sys.stdin.readable(), sys.stdin.fileno(), sys.stdin is sys.__stdin__)',
      'print(repr(sys.stdin.readline()), repr(input()))',
      'print(repr(sys.stdin.read(4)), repr(sys.stdin.read(3)), repr(sys.stdin.readline()), repr(sys.stdin.readline(2)))',
      'for i, line in enumerate(sys.stdin):',
      '    print(i, repr(line))',
      '    if i == 1:',
      '        break',
      'print(sys.stdin.readlines(), repr(sys.stdin.read()), repr(sys.stdin.readline()))',
    ].join('\n');
    const [py, js] = await compiledAndPython(program, 'one\ntwo\nthree four\nfive\nsix\nseven\neight\nnine\nten');
    expect(js).toEqual(py);
    expect(py.status).toBe(0);
  });

  it('reads to the end with a for loop and with read()', async () => {
    const [py, js] = await compiledAndPython('import sys\nprint(sum(int(line) for line in sys.stdin))\nprint(repr(sys.stdin.read()))\n', '1\n2\n3\n');
    expect(js).toEqual(py);
  });

  it('once replaced, input() reads from the replacement', async () => {
    const program = 'import sys, io\nsys.stdin = io.StringIO("from a buffer\\n")\nprint(input())\nsys.stdin = sys.__stdin__\nprint(input())\n';
    const [py, js] = await compiledAndPython(program, 'from the pipe\n');
    expect(js).toEqual(py);
  });
});
