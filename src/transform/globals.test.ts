/**
 * `global x` in a function nested in one with its own variable `x`: how the
 * compiled code reaches the module's `x` (context.ts, hiddenGlobal). What the
 * programs do is CPython's (fixtures/scoping/global_hidden_by_enclosing.py,
 * fixtures/tracebacks/global_hidden_*.py).
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../compile.js';

function js(source: string): string {
  return compile(source, { filename: 'main.py', moduleName: '__main__', runtime: 'pyasync/runtime' }).code;
}

describe('`global` in a nested function', () => {
  const hidden = 'x = 10\ndef outer():\n    x = 20\n    def inner():\n        global x\n        x += 1\n        return x\n    return inner()\nprint(outer(), x)\n';

  it('reaches the module variable through an accessor where an enclosing function has its own variable of that name', () => {
    const code = js(hidden);
    expect(code).toContain('const $module$vars = {\n  get x() {\n    return x;\n  },\n  set x($v) {\n    x = $v;\n  }\n};');
    expect(code).toContain('$module$vars.x = $iaddInt($module$vars.x, 1)');
    expect(code).toContain('return $module$vars.x;');
    // The enclosing function keeps its own `x`, named as in Python.
    expect(code).toMatch(/let x, inner;\n\s+x = 20;/);
  });

  it('hides a parameter, a builtin, and globals only read (a getter alone)', () => {
    const param = js('def h(y):\n    def k():\n        global y\n        y = 2\n    k()\n');
    expect(param).toContain('$module$vars.y = 2;');
    // A builtin the enclosing function's `len` hides: the module's getter returns the builtin.
    const builtin = js('def f():\n    len = 1\n    def g():\n        global len\n        return len([])\n    return g()\n');
    expect(builtin).toContain('get len() {\n    return len;\n  }\n};');
    expect(builtin).not.toContain('set len');
    expect(builtin).toContain('return $module$vars.len([]);');
  });

  it('unbinds through the accessor (del) rather than deleting a property', () => {
    const code = js('x = 1\ndef f(x):\n    def g():\n        global x\n        del x\n    g()\n');
    expect(code).toContain('if ($module$vars.x === undefined) throw $unboundGlobal("x");\n    $module$vars.x = undefined;');
  });

  it('adds nothing where nothing hides the global', () => {
    const plain = [
      'x = 1\ndef f():\n    def g():\n        global x\n        x = 5\n    g()\n    return x\n',
      // The enclosing function's own `global x` makes its x the module's too.
      'def f():\n    global x\n    x = 1\n    def g():\n        global x\n        x = 2\n',
      // A class body's names are not JS variables.
      'class C:\n    x = 1\n    def m(self):\n        global x\n        x = 2\n',
      // Global all the way down.
      'def f():\n    global x\n    def g():\n        def h():\n            global x\n            x = 3\n',
    ];
    for (const source of plain) {
      const code = js(source);
      expect(code).not.toContain('$module$vars');
      expect(code).toMatch(/\bx = [235];/);
    }
  });
});
