/**
 * compile()'s `topLevelAwait` option: module-level `await`, `async for`,
 * `async with` and async comprehensions are CPython's SyntaxError without
 * it (same message, same line, as python3's compile()) and ES-module
 * top-level await with it (the module runs: checked by importing it).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compile } from '../compile.js';
import { REPO_ROOT } from '../../tests/support/oracle.js';

const PRELUDE = `class CM:
    async def __aenter__(self):
        out.append("enter")
        return 1
    async def __aexit__(self, *a):
        out.append("exit")

class It:
    def __init__(self):
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        self.i += 1
        if self.i > 2:
            raise StopAsyncIteration
        return self.i

async def f():
    return "f"

out = []
`;

const CASES: Record<string, string> = {
  await: 'out.append(await f())\n',
  'async with': 'async with CM() as x:\n    out.append(x)\n',
  'async for': 'async for i in It():\n    out.append(i)\nelse:\n    out.append("else")\n',
  comprehension: 'out.append([i async for i in It()])\n',
  'await in comprehension': 'out.append([await f() for _ in range(2)])\n',
};

type Outcome = { error: string | null; out: string };

/** What python3 says of each case: compile() without the flag, and the program's `out` run with it. */
function cpython(): Record<string, { plain: string | null; flagged: Outcome }> {
  const script = `
import ast, asyncio, json, sys
cases = json.loads(sys.stdin.read())
prelude = cases.pop("$prelude")
result = {}
for name, body in cases.items():
    src = prelude + body
    try:
        compile(src, "m.py", "exec")
        plain = None
    except SyntaxError as e:
        plain = f"{e.msg} (line {e.lineno})"
    code = compile(src, "m.py", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    ns = {}
    async def run():
        r = eval(code, ns)
        if r is not None:
            await r
    asyncio.run(run())
    result[name] = {"plain": plain, "flagged": {"error": None, "out": repr(ns["out"])}}
print(json.dumps(result))
`;
  const run = spawnSync('python3', ['-c', script], { input: JSON.stringify({ ...CASES, $prelude: PRELUDE }), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as Record<string, { plain: string | null; flagged: Outcome }>;
}

function pyasyncPlain(source: string): string | null {
  try {
    compile(source, { filename: 'm.py' });
    return null;
  } catch (e) {
    const err = e as { msg?: string; message: string; lineno?: number };
    return `${err.msg ?? err.message} (line ${err.lineno})`;
  }
}

describe('top-level await', () => {
  const expected = cpython();
  const dir = mkdtempSync(join(tmpdir(), 'pyasync-tla-'));

  for (const [name, body] of Object.entries(CASES)) {
    it(`${name}: SyntaxError without the option`, () => {
      expect(pyasyncPlain(PRELUDE + body)).toBe(expected[name]!.plain);
    });

    it(`${name}: runs as ES-module top-level await with it`, async () => {
      const { code } = compile(PRELUDE + body + 'import sys\nsys.modules["$tla"] = out\n', {
        filename: 'm.py',
        topLevelAwait: true,
        runtime: pathToFileURL(join(REPO_ROOT, 'runtime', 'index.ts')).href,
      });
      expect(code).toContain('await ');
      const file = join(dir, `${name.replace(/\W/g, '_')}.mjs`);
      writeFileSync(file, code);
      await import(pathToFileURL(file).href);
      const { loadedModules } = await import('../../runtime/modules/support/moduleTable.js');
      const { repr } = await import('../../runtime/builtins/repr.js');
      expect(repr(loadedModules.$get('$tla'))).toBe(expected[name]!.flagged.out);
    });
  }

  it('cleans up', () => {
    rmSync(dir, { recursive: true, force: true });
  });
});
