import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAst } from './ast.js';
import type { AstOptions } from './ast.js';
import { CPythonOracle, REPO_ROOT } from '../../tests/support/oracle.js';

const oracle = new CPythonOracle();
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pyasync-ast-'));
});
afterAll(async () => {
  await oracle.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Invalid files, written byte for byte: `python3 -m ast` must show the same error display. */
const INVALID: Record<string, string | Uint8Array> = {
  'comma.py': 'x = (1 2)\n',
  'colon.py': 'x = 1\nif x\n    pass\n',
  'tab.py': 'def f():\n\tif 1:\n        pass\n',
  'indent.py': 'def f():\nreturn 1\n',
  'unexpected-indent.py': 'x = 1\n    y = 2\n',
  'unindent.py': 'if x:\n        a = 1\n    b = 2\n',
  'triple.py': 'x = 1\ns = """abc\ndef\n',
  'single.py': "s = 'abc\n",
  'non-ascii.py': 'x = "é" + (1 2)\n',
  'emoji.py': 's = "😀€" + (1 2)\n',
  'tab-line.py': 'if x:\n\ty = (1 2)\n',
  'eof.py': 'x = (',
  'unclosed.py': 'x = (1,\n 2,\n',
  'mismatch.py': 'x = [1, 2)\n',
  'char.py': 'x = 1 € 2\n',
  'print.py': 'print "hello"\n',
  'fstring.py': 'f"{}"\n',
  'number.py': 'x = 0777\n',
  'assign.py': 'f() = 1\n',
  'crlf.py': 'x = 1\r\ny = (1 2)\r\n',
  'bom.py': '\ufeffx = (1 2)\n',
  'formfeed.py': '\fx = (1 2)\n',
  'unknown-encoding.py': '# coding: uft-8\nx = 1\n',
  'not-utf8.py': Uint8Array.from([0x78, 0x20, 0x3d, 0x20, 0x27, 0xe9, 0x27, 0x0a]),
  'latin1.py': Uint8Array.from(Buffer.from('# coding: latin-1\nx = "\xe9" + (1 2)\n', 'latin1')),
  'continuation.py': 'x = 1 + \\\n',
  'utf8-cookie.py': '# coding: utf-8\nx = "é" + (1 2)\n',
  'cookie-line2.py': '#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\nx = "é" + (1 2)\n',
  'bom-non-ascii.py': '\ufeffx = "é" + (1 2)\n',
  'bom-line2.py': '\ufeffx = 1\ny = "é" + (1 2)\n',
  'bom-start.py': '\ufeff(1 2)\n',
  'bom-indent.py': '\ufeff  x\n',
  'bom-char.py': '\ufeffx = €\n',
  'non-ascii-char.py': 'x = "é" + €\n',
  'non-ascii-string.py': 's = "é" + \'abc\n',
  'non-ascii-number.py': 'x = "é" + 0777\n',
  'non-ascii-fstring.py': 'x = "é" + f"{a!x}"\n',
  'non-ascii-print.py': 'é = 1; print "é"\n',
  'non-ascii-bracket.py': 'x = ["é", (1]\n',
  'generator.py': 'f(a for a in b, c)\n',
};

/** Valid for `ast.parse` (compiler checks such as 'return' outside function do not run). */
const VALID: Record<string, string> = {
  'return.py': 'return 1\n',
  'await.py': 'await x\n',
  'unreachable-case.py': 'match x:\n    case a | b: pass\n',
  'empty.py': '',
  'comments.py': '# only a comment\n\n',
};

const OPTION_SETS: { argv: string[]; options: Omit<AstOptions, 'file'> }[] = [
  { argv: [], options: { includeAttributes: false, indent: 3 } },
  { argv: ['-a'], options: { includeAttributes: true, indent: 3 } },
  { argv: ['--indent', '0'], options: { includeAttributes: false, indent: 0 } },
  { argv: ['-a', '--indent=1'], options: { includeAttributes: true, indent: 1 } },
];

/** Stdlib files without `# type:` comments (`python -m ast` would report those; we do not). */
const STDLIB_SAMPLES = ['asyncio/locks.py', 'textwrap.py', 'json/decoder.py', 'string.py'];

function write(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

interface Run {
  path: string;
  argv: string[];
  options: Omit<AstOptions, 'file'>;
}

/** Runs every case before asserting, so one failure report lists all differences. */
async function expectSameAsPython(runs: Run[]): Promise<void> {
  const differences = [];
  for (const { path, argv, options } of runs) {
    const [ours, python] = await Promise.all([runAst({ ...options, file: path }), oracle.pyast([...argv, path])]);
    if (ours.stdout !== python.stdout || ours.stderr !== python.stderr || ours.status !== python.status) {
      differences.push({ path, argv, ours, python });
    }
  }
  expect(differences).toEqual([]);
}

describe('pyasync ast', () => {
  it('prints the same error display and exit status as python3 -m ast', async () => {
    const runs: Run[] = [];
    for (const [name, content] of Object.entries(INVALID)) {
      const path = write(name, content);
      expect((await oracle.pyast([path])).status, `CPython should reject ${name}`).toBe(1);
      runs.push({ path, argv: [], options: OPTION_SETS[0]!.options });
    }
    await expectSameAsPython(runs);
  });

  it('prints the same dump as python3 -m ast for the fixtures, with each option set', async () => {
    const paths = ['example.py', 'features.py', 'unicode.py'].map((f) => join(REPO_ROOT, 'fixtures', 'cli', f));
    for (const [name, content] of Object.entries(VALID)) paths.push(write(name, content));
    await expectSameAsPython(paths.flatMap((path) => OPTION_SETS.map((set) => ({ path, ...set }))));
  });

  it('prints the same dump as python3 -m ast for stdlib modules', async () => {
    const { root } = await oracle.stdlib();
    const paths = STDLIB_SAMPLES.map((file) => join(root, file));
    for (const path of paths) expect(readFileSync(path, 'utf8')).not.toMatch(/#\s*type:/);
    await expectSameAsPython(paths.flatMap((path) => OPTION_SETS.slice(0, 2).map((set) => ({ path, ...set }))));
  });

  it('reports a missing file without a stack trace', async () => {
    const result = await runAst({ file: join(dir, 'missing.py'), includeAttributes: false, indent: 3 });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`pyasync ast: can't open '${join(dir, 'missing.py')}': No such file or directory\n`);
  });
});
