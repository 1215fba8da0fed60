/**
 * Class-body annotations: recorded in `__annotations__` in order, names
 * evaluated and other annotations kept as their source text; under
 * `from __future__ import annotations` all of them as text.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../compile.js';

function annotationsOf(source: string): string[] {
  const code = compile(source, { filename: 'main.py' }).code;
  return [...code.matchAll(/\$annotate\(\$ns, ("[^"]*"), (.*)\);/g)].map((m) => `${m[1]}: ${m[2]}`);
}

describe('class-body annotations', () => {
  it('records each simple name in order, evaluating names and keeping the rest as text', () => {
    const source = 'class C:\n    a: int = 1\n    b: list[int]\n    c: "Fwd"\n    d: typing.Any\n    (e): int = 2\n    def f(self):\n        x: int = 3\n';
    const found = annotationsOf(source);
    expect(found.slice(0, 3)).toEqual(['"a": int', '"b": "list[int]"', '"c": "Fwd"']);
    expect(found[3]).toMatch(/^"d": .*typing/);
    expect(found).toHaveLength(4);
  });

  it('keeps every annotation as text under the future import', () => {
    const source = 'from __future__ import annotations\nclass C:\n    a: int\n    b: Optional[  str ]\n    c: Dict[str,int]\n';
    expect(annotationsOf(source)).toEqual(['"a": "int"', '"b": "Optional[str]"', '"c": "Dict[str, int]"']);
  });

  it('mangles private names as CPython does', () => {
    expect(annotationsOf('class C:\n    __x: int\n')).toEqual(['"_C__x": int']);
  });

  it('records nothing outside class bodies', () => {
    expect(annotationsOf('x: int = 1\ndef f():\n    y: int = 2\n')).toEqual([]);
  });
});
