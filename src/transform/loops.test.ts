/**
 * The shape of `for` loops over items (loops.ts): what they do is the
 * fixtures' business (fixtures/control/loop_sources.py).
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../compile.js';

function js(source: string): string {
  return compile(source, { filename: 'm.py', runtime: 'pyasync/runtime' }).code;
}

describe('item loops', () => {
  it('index a list or tuple and step any other iterator, in one loop', () => {
    const code = js('def f(xs):\n    for x in xs:\n        print(x)\n');
    expect(code).toContain('for ($2 = $iterate(xs), $3 = 0, $4 = $loopIterator($2);;) {');
    expect(code).toContain('if ($4 === null) {\n      if ($3 >= $2.length) break;\n      $1 = $2[$3++];\n    } else {\n      if (($5 = $4.next()).done) break;\n      $1 = $5.value;\n    }');
    expect(code).not.toContain(' of ');
  });

  it("walk a comprehension's first iterable as passed in", () => {
    const code = js('def f(xs):\n    return [x * 2 for x in xs]\n');
    expect(code).toContain('$loopIterator($iter);;) {');
    expect(code).toContain('})($iterate(xs))');
  });

  it('keep for…of for dict items taken as pairs', () => {
    expect(js('def f(d):\n    for k, v in d.items():\n        print(k, v)\n')).toContain(' of $itemPairs(');
  });
});
