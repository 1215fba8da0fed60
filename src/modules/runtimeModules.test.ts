/**
 * The compiler's table of runtime modules against the modules themselves
 * (their exports are the names) and against CPython's (which must have
 * every name listed; math must have no more).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { RUNTIME_MODULES, runtimeModuleSpecifier } from './runtimeModules.js';
import * as sys from '../../runtime/modules/sys.js';
import * as math from '../../runtime/modules/math.js';
import * as asyncio from '../../runtime/modules/asyncio.js';

const MODULES: Record<string, Record<string, unknown>> = { sys, math, asyncio };

function exportsOf(name: string): string[] {
  // `$`-names are the runtime's own (no Python identifier has one).
  return Object.keys(MODULES[name] ?? {}).filter((k) => !k.includes('$')).sort();
}

describe('RUNTIME_MODULES', () => {
  it('lists exactly what each runtime module exports', () => {
    expect(Object.keys(RUNTIME_MODULES).sort()).toEqual(Object.keys(MODULES).sort());
    for (const [name, spec] of Object.entries(RUNTIME_MODULES)) {
      expect({ name, names: exportsOf(name) }).toEqual({ name, names: [...spec.names].sort() });
    }
  });

  it('lists only names CPython\'s modules have, and all of math\'s', () => {
    const script = 'import json, sys, math, asyncio\nprint(json.dumps({"sys": dir(sys), "asyncio": dir(asyncio), "math": [n for n in dir(math) if not n.startswith("_")] + ["__name__"]}))';
    const run = spawnSync('python3', ['-c', script], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const cpython = JSON.parse(run.stdout) as Record<string, string[]>;
    expect(RUNTIME_MODULES['sys']!.names.filter((n) => !cpython['sys']!.includes(n))).toEqual([]);
    expect(RUNTIME_MODULES['asyncio']!.names.filter((n) => !cpython['asyncio']!.includes(n))).toEqual([]);
    expect([...RUNTIME_MODULES['math']!.names].sort()).toEqual(cpython['math']!.sort());
  });

  it('marks as builtin the modules CPython builds into the interpreter', () => {
    const run = spawnSync('python3', ['-c', 'import json, sys\nprint(json.dumps(sys.builtin_module_names))'], { encoding: 'utf8' });
    const builtin = JSON.parse(run.stdout) as string[];
    for (const [name, spec] of Object.entries(RUNTIME_MODULES)) expect({ name, builtin: spec.builtin }).toEqual({ name, builtin: builtin.includes(name) });
  });
});

describe('runtimeModuleSpecifier', () => {
  it('adds the module to a package path, or finds it beside a runtime file', () => {
    expect(runtimeModuleSpecifier('pyasync/runtime', 'math')).toBe('pyasync/runtime/math');
    expect(runtimeModuleSpecifier('pyasync/runtime/', 'math')).toBe('pyasync/runtime/math');
    expect(runtimeModuleSpecifier('file:///x/dist/runtime/index.js', 'sys')).toBe('file:///x/dist/runtime/modules/sys.js');
    expect(runtimeModuleSpecifier('/abs/runtime/index.ts', 'math')).toBe('/abs/runtime/modules/math.ts');
    expect(runtimeModuleSpecifier('./vendor/runtime/index.mjs', 'math')).toBe('./vendor/runtime/modules/math.mjs');
    expect(runtimeModuleSpecifier('/srv/static/pyasync.js', 'sys')).toBe('/srv/static/modules/sys.js');
  });
});
