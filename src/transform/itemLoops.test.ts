/**
 * The shape of `for` loops over items (itemLoops.ts): what they do is the
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
    expect(code).toContain('for ($2 = $loopOver(xs), $3 = Array.isArray($2) ? 0 : -1; $3 < 0 ? !($4 = $2.next()).done : $3 < $2.length;) {');
    expect(code).toContain('$1 = $3 < 0 ? $4.value : $2[$3++];');
    expect(code).not.toContain(' of ');
  });

  it('walk a comprehension\'s first iterable as passed in', () => {
    const code = js('def f(xs):\n    return [x * 2 for x in xs]\n');
    expect(code).toContain('Array.isArray($iter) ? 0 : -1');
    expect(code).toContain('const $item0 = ');
    expect(code).toContain('})($loopOver(xs))');
  });

  it('keep for…of for dict items taken as pairs', () => {
    expect(js('def f(d):\n    for k, v in d.items():\n        print(k, v)\n')).toContain(' of $itemPairs(');
  });
});
