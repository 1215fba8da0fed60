/**
 * Import statements: the ES module code they compile to, and the errors
 * found at compile time, whose class and message must be those CPython
 * raises when the same program runs (one python3 process runs them all).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { compile } from '../compile.js';
import { FileResolver } from '../modules/resolver.js';
import { PyImportError, formatCompileError } from '../modules/errors.js';
import { PySyntaxError } from '../diagnostics.js';

let root: string;

const TREE: Record<string, string> = {
  'mod.py': 'VALUE = 1\ndef f():\n    return 2\n',
  'pkg/__init__.py': 'from .sub import thing\nTOP = 1\n',
  'pkg/sub.py': 'thing = "thing"\nfrom . import other\n',
  'pkg/other.py': 'import mod\nx = 1\n',
  'pkg/deep/__init__.py': '',
  'pkg/deep/leaf.py': 'from .. import sub\nfrom ..sub import thing\nfrom ..other import x as other_x\n',
  'stars.py': '__all__ = ["a", "_b"]\na = 1\n_b = 2\nc = 3\n',
  'publics.py': 'from stars import *\nd = 4\n_e = 5\n',
  'dyn.py': '__all__ = ["a"] + ["b"]\na = 1\nb = 2\n',
  'getattr_mod.py': 'def __getattr__(name):\n    return name\n',
  'ns/inner/leaf.py': 'LEAF = 1\n',
};

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'pyasync-imports-'));
  for (const [path, text] of Object.entries(TREE)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Compiles `source` as module `name` of the tree (the entry, `__main__`, by default). */
function compileIn(source: string, name = '__main__', isPackage = false): string {
  return compile(source, { filename: join(root, 'main.py'), moduleName: name, isPackage, resolver: new FileResolver(root) }).code;
}

function compileError(source: string, name = '__main__'): PySyntaxError {
  try {
    compileIn(source, name);
  } catch (error) {
    if (error instanceof PySyntaxError) return error;
    throw error;
  }
  throw new Error('compiled without error: ' + source);
}

describe('compiled imports', () => {
  it('import a.b binds a, imports a before a.b, and a.b registers with a', () => {
    const code = compileIn('import pkg.sub\nprint(pkg.sub.thing)\n');
    expect(code).toContain('import * as $pkg$ from "./pkg/__init__.js";\nimport "./pkg/sub.js";');
    expect(code).toContain('pkg = $pkg$;');
    const sub = compileIn(TREE['pkg/sub.py']!, 'pkg.sub');
    expect(sub).toContain('import * as $pkg$ from "./__init__.js";\nimport * as $pkg$sub$ from "./sub.js";');
    expect(sub).toContain('$submodule($pkg$, "sub", $pkg$sub$);');
  });

  it('import a.b as m binds the submodule', () => {
    expect(compileIn('import pkg.sub as m\n')).toContain('m = $pkg$sub$;');
  });

  it('from .m import x takes the name from the module namespace, checked when it runs', () => {
    const code = compileIn(TREE['pkg/deep/leaf.py']!, 'pkg.deep.leaf');
    expect(code).toContain('sub = $pkg$sub$;');
    expect(code).toContain('thing = $importFrom($pkg$sub$, "thing", "pkg.sub");');
    expect(code).toContain('other_x = $importFrom($pkg$other$, "x", "pkg.other");');
    expect(code).toContain('import * as $pkg$other$ from "../other.js";');
  });

  it('from m import * binds __all__, or the public names, by destructuring', () => {
    expect(compileIn('from stars import *\n')).toMatch(/\(\{\n\s+a,\n\s+_b\n\}\s*=\s*\$stars\$\);/);
    const publics = compileIn('from publics import *\n');
    expect(publics).toMatch(/\(\{\n\s+d,\n\s+a\n\}\s*=\s*\$publics\$\);/);
    expect(compileIn('from math import *\nprint(pow(2, 3), floor(2.5))\n')).toContain('pow,');
  });

  it('from m import * with a computed __all__ binds what it lists at run time', () => {
    const code = compileIn('from dyn import *\n');
    expect(code).toContain('if ($inAll($dyn$, "a")) a = $dyn$["a"];');
  });

  it('from package import name: a submodule unless the package binds the name', () => {
    expect(compileIn('from pkg import sub, TOP\n')).toContain('sub = $pkg$sub$;');
    expect(compileIn('from pkg import sub, TOP\n')).toContain('TOP = $importFrom($pkg$, "TOP", "pkg");');
    expect(compileIn('from pkg import thing\n')).toContain('thing = $importFrom($pkg$, "thing", "pkg");');
  });

  it('runtime modules are imported from beside the runtime', () => {
    const code = compile('import math\nfrom sys import argv\n', { filename: 'm.py', runtime: 'file:///rt/index.js' }).code;
    expect(code).toContain('import * as $math$ from "file:///rt/modules/math.js";');
    expect(code).toContain('argv = $sys$.argv;');
    expect(compile('import math\n', { filename: 'm.py' }).code).toContain('from "pyasync/runtime/math"');
  });

  it('a package declares its submodules, so importing one sets its attribute', () => {
    const code = compileIn(TREE['pkg/__init__.py']!, 'pkg', true);
    expect(code).toMatch(/var thing, TOP, deep, other, sub;/);
    expect(code).toContain('case "deep":\n      return deep = $value, true;');
  });

  it('namespace packages and modules a module-level __getattr__ answers for', () => {
    expect(compileIn('import ns.inner.leaf\n')).toContain('import "./ns/inner/leaf.js";');
    expect(compileIn('from getattr_mod import anything\n')).toContain('anything = $importFrom($getattr_mod$, "anything", "getattr_mod");');
  });

  it('__future__ imports compile to nothing', () => {
    expect(compileIn('from __future__ import annotations\n')).not.toContain('__future__');
  });

  it('a missing module inside try/except ImportError raises when the statement runs', () => {
    const code = compileIn('try:\n    import nothing_here\nexcept ImportError:\n    nothing_here = None\n');
    // Its `name` is the module, as CPython's.
    expect(code).toContain(`throw $importErrorNamed($ModuleNotFoundError, "No module named 'nothing_here'", "nothing_here");`);
    expect(() => compileIn('try:\n    import nothing_here\nexcept KeyError:\n    pass\n')).toThrow(PyImportError);
    // A function defined in the try runs later, unguarded.
    expect(() => compileIn('try:\n    def f():\n        import nothing_here\nexcept ImportError:\n    pass\n')).toThrow(PyImportError);
  });
});

describe('compile-time import errors are CPython\'s', () => {
  const cases: [source: string, module: string][] = [
    ['import nosuch\n', '__main__'],
    ['import pkg.nosuch\n', '__main__'],
    ['import mod.sub\n', '__main__'],
    ['import sys.path\n', '__main__'],
    ['import math.floor\n', '__main__'],
    ['from mod import missing\n', '__main__'],
    ['from pkg import missing\n', '__main__'],
    ['from stars import c, zz\n', '__main__'],
    ['from publics import c, _e, zz\n', '__main__'],
    ['from . import x\n', '__main__'],
    ['from .mod import x\n', '__main__'],
    ['from ... import x\n', 'pkg.deep.leaf2'],
    ['from .... import x\n', 'pkg.deep.leaf2'],
    ['from ..nosuch import x\n', 'pkg.deep.leaf2'],
    ['import os, nosuch_either\n', '__main__'],
  ];

  it('with the class and message python3 raises', () => {
    const ours = cases.map(([source, module]) => {
      try {
        compileIn(source, module);
        return 'compiled';
      } catch (error) {
        if (!(error instanceof PyImportError)) throw error;
        return `${error.pythonKind}: ${error.msg}`;
      }
    });
    const script = String.raw`
import json, sys, importlib.util, os
root, cases = json.load(sys.stdin)
sys.path.insert(0, root)
out = []
for source, module in cases:
    name = module if module != '__main__' else '__entry__'
    globs = {'__name__': name, '__package__': name.rpartition('.')[0] if module != '__main__' else None}
    try:
        exec(compile(source, 'main.py', 'exec'), globs)
        out.append('compiled')
    except ImportError as e:
        out.append(type(e).__name__ + ': ' + str(e))
print(json.dumps(out))
`;
    const run = spawnSync('python3', ['-c', script], { input: JSON.stringify([root, cases]), encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
    expect(run.status, run.stderr).toBe(0);
    const expected = JSON.parse(run.stdout) as string[];
    expect(ours).toEqual(expected);
  });

  it('shown like a SyntaxError, under the exception\'s class', () => {
    const error = compileError('x = 1\nimport nosuch.path\n');
    expect(formatCompileError(error)).toBe(
      `  File "${join(root, 'main.py')}", line 2\n    import nosuch.path\n           ^^^^^^^^^^^\nModuleNotFoundError: No module named 'nosuch'\n`,
    );
    const from = compileError('from  .. mod import x\n', 'pkg.deep.x');
    expect(formatCompileError(from)).toBe(
      `  File "${join(root, 'main.py')}", line 1\n    from  .. mod import x\n          ^^^^^^\nModuleNotFoundError: No module named 'pkg.mod'\n`,
    );
    const name = compileError('from mod import (\n    VALUE,\n    nope,\n)\n');
    expect(formatCompileError(name)).toBe(
      `  File "${join(root, 'main.py')}", line 3\n    nope,\n    ^^^^\nImportError: cannot import name 'nope' from 'mod' (${join(root, 'mod.py')})\n`,
    );
  });

  it('runtime modules lack names at compile time too', () => {
    expect(compileError('from math import tau, nope\n').msg).toBe("cannot import name 'nope' from 'math' (unknown location)");
  });

  it('leaves the tree it read unchanged', () => {
    expect(readFileSync(join(root, 'mod.py'), 'utf8')).toBe(TREE['mod.py']);
  });
});
