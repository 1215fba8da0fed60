import { describe, expect, it } from 'vitest';
import { parse } from '../parser/parser.js';
import { analyze } from '../semantics/checks.js';
import { soleGeneratorFunctions } from './freshGenerators.js';

function sole(source: string): string[] {
  const tree = parse(source);
  return [...soleGeneratorFunctions(tree, analyze(tree, 'main.py', source))].sort();
}

const GEN = 'def g():\n    yield 1\n';

describe('generator functions a loop may close', () => {
  it('takes a plain module-level generator function bound once', () => {
    expect(sole(GEN)).toEqual(['g']);
    expect(sole(`${GEN}h = g\nfor x in g(): pass\n`)).toEqual(['g']);
  });

  it('leaves out every other binding of the name, wherever it is', () => {
    const rebinds = [
      'g = 5\n', 'del g\n', 'import g\n', 'from m import g\n', 'for g in []: pass\n', 'with open("f") as g: pass\n',
      'try: pass\nexcept E as g: pass\n', '(g := 1)\n', '[(g := x) for x in y]\n', 'def f():\n    global g\n    g = 1\n',
      'class C:\n    def m(self):\n        global g\n        del g\n', 'match v:\n    case [*g]: pass\n', 'match v:\n    case {**g}: pass\n',
      'def g():\n    yield 2\n', 'class g: pass\n', 'g += 1\n', 'if c:\n    def g(): pass\n',
    ];
    for (const more of rebinds) expect({ more, sole: sole(GEN + more) }).toEqual({ more, sole: [] });
  });

  it('is not fooled by other scopes\' own variables of that name', () => {
    expect(sole(`${GEN}def f(g):\n    g = 2\n    for g in []: pass\nclass C:\n    g = 1\nlambda g: g\n[g for g in range(3)]\n`)).toEqual(['g']);
  });

  it('leaves out decorated, async and non-generator functions', () => {
    expect(sole('@d\ndef g():\n    yield 1\nasync def a():\n    yield 1\ndef f():\n    return 1\ndef h():\n    def inner():\n        yield 1\n    return inner\n')).toEqual([]);
  });
});
