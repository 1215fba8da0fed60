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

describe('the globals typing.get_type_hints reads', () => {
  const registers = (source: string): boolean => /\$registerGlobals\(__name__, \$module\$globals\)/.test(compile(source, { filename: 'main.py' }).code);

  it('are registered by a module with an annotation kept as text or written as a string', () => {
    expect(registers('class C:\n    b: list[int]\n')).toBe(true);
    expect(registers('def f(x: "Fwd") -> None:\n    pass\n')).toBe(true);
    expect(registers('def f(x: Optional[int]):\n    pass\n')).toBe(true);
  });

  it('are not registered when every annotation is a name', () => {
    expect(registers('class C:\n    a: int\ndef f(x: int, y: typing.Any) -> None:\n    pass\n')).toBe(false);
  });

  it('are registered by a module naming enum.global_enum', () => {
    expect(registers('import enum\n@enum.global_enum\nclass E(enum.Enum):\n    A = 1\n')).toBe(true);
  });
});
