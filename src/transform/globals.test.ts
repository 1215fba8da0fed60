import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { compile } from '../compile.js';
import { PySyntaxError } from '../diagnostics.js';

function compileError(source: string): PySyntaxError | null {
  try {
    compile(source, { filename: 'main.py', moduleName: '__main__' });
  } catch (e) {
    if (e instanceof PySyntaxError) return e;
    throw e;
  }
  return null;
}

describe('`global` in a nested function', () => {
  const hidden = 'x = 10\ndef outer():\n    x = 20\n    def inner():\n        global x\n        x += 1\n        return x\n    return inner()\nprint(outer(), x)\n';

  it('is refused where an enclosing function has its own variable of that name (a JS let would hide the global)', () => {
    // CPython compiles it: the refusal is pyasync's, and must say where and why.
    expect(spawnSync('python3', ['-c', hidden], { encoding: 'utf8' }).stdout).toBe('11 11\n');
    const e = compileError(hidden);
    expect(e?.msg).toMatch(/^pyasync cannot compile 'global x' here: an enclosing function has its own variable 'x'/);
    expect([e?.lineno, e?.offset]).toEqual([5, 9]);
    // A parameter hides it as well.
    expect(compileError('def h(y):\n    def k():\n        global y\n        y = 2\n    k()\n')?.lineno).toBe(3);
  });

  it('compiles where nothing hides the global', () => {
    expect(compileError('x = 1\ndef f():\n    def g():\n        global x\n        x = 5\n    g()\n    return x\n')).toBeNull();
    // The enclosing function's own `global x` makes its x the module's too.
    expect(compileError('def f():\n    global x\n    x = 1\n    def g():\n        global x\n        x = 2\n')).toBeNull();
    // A class body's names are not JS variables.
    expect(compileError('class C:\n    x = 1\n    def m(self):\n        global x\n        x = 2\n')).toBeNull();
  });
});
