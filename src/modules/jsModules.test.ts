/**
 * ES modules imported by name (`jsModules`): the static imports they
 * compile to, and a compiled program using them run once end to end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from '../compile.js';
import { FileResolver } from './resolver.js';
import { withJsModules } from './jsModules.js';

const RUNTIME = fileURLToPath(new URL('../../runtime/index.ts', import.meta.url));
const REGISTER = fileURLToPath(new URL('../../tests/support/register-ts.mjs', import.meta.url));

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'pyasync-jsmodules-'));
  writeFileSync(join(root, 'fs.py'), 'LOCAL = 1\n');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const MODULES = { fs: 'node:fs', nodepath: 'node:path' };

function compileIn(source: string): string {
  return compile(source, { filename: join(root, 'main.py'), moduleName: '__main__', runtime: RUNTIME, resolver: new FileResolver(root), jsModules: MODULES }).code;
}

describe('jsModules', () => {
  it('compiles imports of mapped names to static ES imports of their specifiers, ahead of a local file', () => {
    const code = compileIn('import fs\nfrom nodepath import basename, join as pjoin\n');
    expect(code).toContain('import * as $fs$ from "node:fs";');
    expect(code).toContain('import * as $nodepath$ from "node:path";');
    expect(code).toMatch(/fs = \$js\$\.\$jsModule\(\$fs\$\);/);
    expect(code).toMatch(/basename = \$js\$\.\$jsImportFrom\(\$nodepath\$, "basename", "nodepath"\);/);
    expect(code).toMatch(/pjoin = \$js\$\.\$jsImportFrom\(\$nodepath\$, "join", "nodepath"\);/);
    expect(code).not.toContain('./fs.js');
  });

  it('leaves the resolver alone without a mapping, and refuses names that are not identifiers', () => {
    const resolver = new FileResolver(root);
    expect(withJsModules(resolver, undefined)).toBe(resolver);
    expect(withJsModules(resolver, {})).toBe(resolver);
    expect(() => withJsModules(resolver, { 'a.b': 'x' })).toThrow("jsModules: 'a.b' is not a Python module name");
    expect(() => withJsModules(resolver, { '@scope/pkg': 'x' })).toThrow('is not a Python module name');
    expect(() => withJsModules(resolver, { js: 'x' })).toThrow("jsModules: 'js' is pyasync's own module");
  });

  it('runs: values come as JS values do, a missing name is an ImportError', () => {
    const source = [
      'import fs',
      'from nodepath import basename, sep',
      'from pyasync.ffi import JsProxy',
      'print(basename("/a/b.txt"), sep, isinstance(fs, JsProxy), callable(fs.existsSync))',
      'print(fs.existsSync("/definitely/not/here"))',
      'try:',
      '    from nodepath import no_such_export',
      'except ImportError as e:',
      '    print(e)',
      '',
    ].join('\n');
    const file = join(root, 'main.mjs');
    writeFileSync(file, compileIn(source));
    const run = spawnSync(process.execPath, ['--import', REGISTER, file], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe("b.txt / True True\nFalse\ncannot import name 'no_such_export' from 'nodepath' (unknown location)\n");
  });
});
