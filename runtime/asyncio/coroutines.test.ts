/**
 * "coroutine '…' was never awaited": the FinalizationRegistry path, in a
 * child process that can force collections (`--expose-gc`; a program cannot,
 * which is why no fixture shows the warning).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../../tests/support/oracle.js';

const SCRIPT = `
const { coroutine, asyncDef, def } = await import(${JSON.stringify(pathToFileURL(join(REPO_ROOT, 'runtime', 'index.ts')).href)});
const body = async () => 1;
asyncDef(def(function f() { return coroutine(body, []); }, '', 'f'), body, 'outer.<locals>.f', '/tmp/x.py', 1);
(() => { coroutine(body, []); })();
(() => { coroutine(body, []).__qualname__ = 'renamed'; })();
const awaited = coroutine(body, []);
await awaited.$start();
for (let i = 0; i < 5; i++) {
  globalThis.gc();
  await new Promise((r) => setTimeout(r, 20));
}
process.stdout.write('end\\n');
`;

describe('never awaited', () => {
  it('warns once per collected coroutine that never ran, as CPython words it', () => {
    const r = spawnSync(process.execPath, ['--expose-gc', '--import', join(REPO_ROOT, 'tests', 'support', 'register-ts.mjs'), '--input-type=module', '-e', SCRIPT], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.stdout).toBe('end\n');
    // One warning per coroutine (in whichever order V8 collects them), under its qualname at that time.
    const warnings = r.stderr.split('RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n');
    expect(warnings.pop()).toBe('');
    expect(warnings.sort()).toEqual([
      "sys:1: RuntimeWarning: coroutine 'outer.<locals>.f' was never awaited\n",
      "sys:1: RuntimeWarning: coroutine 'renamed' was never awaited\n",
    ]);
  });
});
