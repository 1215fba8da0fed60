/**
 * subprocess and asyncio's subprocesses where Node's child_process is
 * missing (a browser): importing works, starting a process raises; and the
 * tables and quoting that the fixtures reach only in part, against CPython.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { list2cmdline } from './subprocess.js';
import { signalRepr } from './support/subprocess/launch.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('without child_process', () => {
  it('imports, and raises NotImplementedError when a process is started', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pyasync-subprocess-'));
    const script = join(dir, 'no-child-process.mjs');
    writeFileSync(script, `
      process.getBuiltinModule = undefined;
      const sp = await import(${JSON.stringify(join(ROOT, 'runtime/modules/subprocess.ts'))});
      const aio = await import(${JSON.stringify(join(ROOT, 'runtime/modules/asyncio.ts'))});
      const report = (e) => console.log(e.constructor.name + ': ' + String(e.args?.[0] ?? e.message));
      try { sp.run(['echo', 'x']); } catch (e) { report(e); }
      try { await aio.run(aio.create_subprocess_exec('echo', 'x')); } catch (e) { report(e); }
    `);
    const run = spawnSync(process.execPath, ['--import', join(ROOT, 'tests/support/register-ts.mjs'), script], { encoding: 'utf8', cwd: ROOT });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe([
      'NotImplementedError: subprocess needs Node.js (its child_process module)',
      "NotImplementedError: asyncio's subprocess support needs Node.js (its child_process module)",
      '',
    ].join('\n'));
  });
});

describe('against CPython', () => {
  it('quotes argument lists as list2cmdline does', () => {
    const cases = [['a', 'b c'], [''], ['tab\tx', 'q"q', 'end\\', 'end\\\\ x', 'x\\"y', '\\\\"'], ['é ü', 'a\\b']];
    const run = spawnSync('python3', ['-c', 'import json, subprocess, sys\nprint(json.dumps([subprocess.list2cmdline(c) for c in json.loads(sys.argv[1])]))', JSON.stringify(cases)], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(cases.map((c) => list2cmdline(c))).toEqual(JSON.parse(run.stdout));
  });

  it('names signals as signal.Signals does', () => {
    const run = spawnSync('python3', ['-c', 'import json, signal\nprint(json.dumps({n: repr(signal.Signals(n)) if n in set(signal.Signals) else None for n in range(0, 70)}))'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const expected = JSON.parse(run.stdout) as Record<string, string | null>;
    for (const [n, name] of Object.entries(expected)) expect({ n, name: signalRepr(Number(n)) }).toEqual({ n, name });
  });
});
