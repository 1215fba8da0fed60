/**
 * `.d.ts` generation: annotations to TypeScript types, functions, classes
 * and module variables as JS sees them; and, end to end, TypeScript code
 * importing generated declarations type-checks with `tsc` (and misuse does
 * not).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from '../parser/parser.js';
import { declarationsOf } from './index.js';
import { REPO_ROOT } from '../../tests/support/oracle.js';

function dts(source: string): string {
  return declarationsOf(parse(source, { filename: 'm.py' }));
}

/** The declaration lines, helper interfaces and comments left out. */
function exports(source: string): string[] {
  return dts(source)
    .split('\n')
    .filter((l) => l.startsWith('export declare function') || l.startsWith('export declare let'));
}

describe('annotations as TypeScript types', () => {
  const cases: [string, string][] = [
    ['int', 'number'],
    ['str', 'string'],
    ['bool', 'boolean'],
    ['None', 'null'],
    ['list[int]', 'number[]'],
    ['list[int | None]', '(number | null)[]'],
    ['typing.List[str]', 'string[]'],
    ['dict[str, list[int]]', 'PyDict<string, number[]>'],
    ['tuple[int, str]', 'readonly [number, string]'],
    ['tuple[int, ...]', 'readonly number[]'],
    ['Optional[str]', 'string | null'],
    ['str | None', 'string | null'],
    ['Union[int, str, None]', 'number | string | null'],
    ['set[str]', 'PySet<string>'],
    ["Literal['a', 1]", '"a" | 1'],
    ['Callable[[int, str], bool]', '((arg0: number, arg1: string) => boolean)'],
    ['Iterable[int]', 'Iterable<number>'],
    ['float', 'number | PyFloat'],
    ['SomethingElse', 'unknown'],
    ['int | SomethingElse', 'unknown'],
  ];
  it.each(cases)('%s is %s', (annotation, expected) => {
    expect(exports(`x: ${annotation}\n`)).toEqual([`export declare let x: ${expected};`]);
  });

  it('parameters take plain numbers for floats; unannotated is unknown', () => {
    expect(exports('def f(a: float, b, c: "float" = 1.0) -> float: ...\n')).toEqual([
      'export declare function f(a: number, b: unknown, c?: number): number | PyFloat;',
    ]);
  });
});

describe('functions and module variables', () => {
  it('positional parameters, defaults optional, *args a rest parameter; keyword-only ones in the comment', () => {
    const text = dts('def add(a: int, b: int = 2, /, *rest: int, scale: int = 1, **kw: str) -> int: ...\n');
    expect(text).toContain('/** Keyword-only: scale, **kw (pass them through the runtime\'s `call(f, args, kwargs)`). */\nexport declare function add(a: number, b?: number, ...rest: number[]): number;');
  });

  it('async def returns a Coroutine of its result', () => {
    const text = dts('async def fetch(n: int) -> list[str]: ...\n');
    expect(text).toContain('export declare function fetch(n: number): Coroutine<string[]>;');
    expect(text).toContain('interface Coroutine<T> {');
  });

  it('unannotated variables take the type of a literal; private names are left out; reserved words get a $', () => {
    expect(exports('A = 1\nB = "s"\nC = f()\n_hidden = 2\ndef _p(): ...\nclass_: int = 3\n')).toEqual([
      'export declare let A: number;',
      'export declare let B: string;',
      'export declare let C: unknown;',
      'export declare let class_: number;',
    ]);
    expect(exports('def new(x: int) -> None: ...\n')).toEqual(['export declare function new$(x: number): null;']);
  });

  it('a module without public names is still a module', () => {
    expect(dts('import os\n')).toMatch(/export \{\};\n$/);
  });
});

describe('classes', () => {
  it('an instance interface and a callable constructor from __init__', () => {
    const text = dts([
      'class Point:',
      '    label: str = "p"',
      '    registry: ClassVar[int] = 0',
      '    def __init__(self, x: int, y: int = 0, *, tag: Optional[str] = None) -> None:',
      '        self.x = x',
      '        self.y = y',
      '        self.tags: list[str] = []',
      '        if tag:',
      '            self.tag = tag',
      '        self._private = 1',
      '    def dist(self, other: "Point") -> float: ...',
      '    async def later(self) -> None: ...',
      '    @property',
      '    def norm(self) -> int: ...',
      '    @staticmethod',
      '    def origin() -> "Point": ...',
      '    @classmethod',
      '    def make(cls, n: int) -> "Point": ...',
      '    def __repr__(self) -> str: ...',
      '',
    ].join('\n'));
    expect(text).toContain([
      'export interface Point {',
      '  label: string;',
      '  x: number;',
      '  y: number;',
      '  tags: string[];',
      '  tag: string | null;',
      '  dist(self: Point, other: Point): number | PyFloat;',
      '  later(self: Point): Coroutine<null>;',
      '  readonly norm: number;',
      '  origin(): Point;',
      '  make(n: number): Point;',
      '}',
      'export declare const Point: {',
      "  /** Keyword-only: tag (pass them through the runtime's `call(f, args, kwargs)`). */",
      '  (x: number, y?: number): Point;',
      '  readonly prototype: Point;',
      '};',
    ].join('\n'));
  });

  it('dataclass fields make the constructor; a subclass extends its base and inherits its constructor', () => {
    const text = dts([
      '@dataclass',
      'class Item:',
      '    name: str',
      '    count: int = 0',
      'class Special(Item):',
      '    pass',
      'class Other(Unknown):',
      '    pass',
      '',
    ].join('\n'));
    expect(text).toContain('export declare const Item: {\n  (name: string, count?: number): Item;');
    expect(text).toContain('export interface Special extends Item {}\nexport declare const Special: {\n  (name: string, count?: number): Special;');
    expect(text).toContain('export interface Other {}\nexport declare const Other: {\n  (...args: unknown[]): Other;');
  });
});

describe('TypeScript importing generated declarations', () => {
  it('type-checks correct use and rejects wrong use (tsc on a temporary project)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pyasync-dts-'));
    try {
      writeFileSync(join(dir, 'shapes.d.ts'), dts([
        'from typing import Optional',
        'class Shape:',
        '    def __init__(self, name: str, sides: int = 3) -> None:',
        '        self.name = name',
        '        self.sides = sides',
        '    def describe(self, prefix: Optional[str] = None) -> str: ...',
        'def biggest(shapes: list[Shape]) -> Shape | None: ...',
        'async def count(shapes: list[Shape]) -> dict[str, int]: ...',
        'LIMIT: int = 10',
        '',
      ].join('\n')));
      writeFileSync(join(dir, 'package.json'), '{"type": "module"}\n');
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', types: [] },
        files: ['good.ts', 'bad.ts'],
      }));
      writeFileSync(join(dir, 'good.ts'), [
        "import { Shape, biggest, count, LIMIT } from './shapes.js';",
        "const s: Shape = Shape('tri');",
        "const n: number = s.sides + LIMIT;",
        "const text: string = s.describe(s) + s.describe(s, 'x');",
        'const big: Shape | null = biggest([s, Shape("sq", 4)]);',
        'const coro = count([s]);',
        'export { n, text, big, coro };',
        '',
      ].join('\n'));
      writeFileSync(join(dir, 'bad.ts'), [
        "import { Shape, biggest } from './shapes.js';",
        "const s = Shape(3);",
        'const big: Shape = biggest([]);',
        'export { s, big };',
        '',
      ].join('\n'));
      const tsc = spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
      const errors = tsc.stdout.split('\n').filter((l) => /error TS\d+/.test(l));
      expect(errors.filter((l) => l.startsWith('good.ts'))).toEqual([]);
      expect(errors.map((l) => l.replace(/\(.*$/, ''))).toEqual(['bad.ts', 'bad.ts']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
