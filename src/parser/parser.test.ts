/**
 * The parser, construct by construct: every snippet's tree (positions
 * included) must dump exactly as CPython's `ast.dump(ast.parse(src),
 * include_attributes=True)`, asked of one python3 process for the whole file.
 * Snippets go through both sides as UTF-8 file bytes (BOM handling is a
 * property of files, not of str sources).
 */
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from './parser.js';
import { dump } from '../ast/dump.js';
import { decodeSource } from './sourceDecoding.js';
import { PySyntaxError } from '../diagnostics.js';

const CONSTRUCTS: Record<string, string[]> = {
  'literals': [
    'x = 1; y = 0x_ff; z = 0o17; w = 0b1_0; v = 1_000_000; big = 123456789012345678901234567890\n',
    'f = 1.5; g = .5; h = 5.; i = 1e10; j = 1E-5; k = 1_0.0_1e+1_0; c = 3j; d = 1.5J; e = 0j\n',
    "s = 'a'; t = \"b\"; u = '''c'''; v = \"\"\"d\"\"\"; w = u'e'; r = r'\\d'; b = b'\\x00'; br = Rb'x'\n",
    'x = ...; y = None; z = True; w = False\n',
    "s = 'a' 'b' \"c\"\nt = (\n  'multi'\n  'line'\n)\n",
    "é = 'ünïcode'; 𝔘 = 1; ｘ = 2\n",
  ],
  'f-strings': [
    "f'{a}'; f'{a!r}'; f'{a!s:>10}'; f'{a:{w}.{p}f}'; f'{a=}'; f'{a = !r}'; f'{{}}{a}'\n",
    "x = f'a' 'b' f'{c}' 'd'\ny = f'''\n{a +\n b}\n'''\n",
    "f'{x:%Y-%m-%d}' ; f'{\"nested\"}' ; f'{f\"{1}\"}'\n",
  ],
  'operators': [
    'a + b - c * d / e // f % g @ h ** i\n',
    'a | b ^ c & d << e >> f\n',
    '-a; +b; ~c; not d; -(-a); not not x\n',
    'a ** -b ** c; (-a) ** b\n',
    'a < b <= c > d >= e == f != g; a is b; a is not b; a in b; a not in b\n',
    'a and b or c and not d; (a or b) and c\n',
    'x = a if b else c if d else e\n',
  ],
  'parenthesised positions': [
    '(a) + (b)\n(a + b) * c\n((a)).b\n(f)(x)\n(a)[1]\n',
    'x = (1, 2)\ny = (1,)\nz = ()\nw = (yield)\n',
    '(\n  a\n  +\n  b\n)\n',
  ],
  'primaries': [
    'a.b.c; a[1]; a[1:2]; a[:]; a[::2]; a[1:2, 3]; a[...]; a[:, None]; a[1,]; a[*b]\n',
    'f(); f(a); f(a, b=1); f(*a, **k); f(a, *b, c=1, **d); f(a=1, *b); f(x for x in y)\n',
    'obj.method(arg)[0].attr(**kw)\n',
  ],
  'displays': [
    '[]; [1]; [1, 2,]; [*a, *b]; (); {}; {1}; {1, 2}; {*a}; {1: 2}; {**a, 1: 2, **b}\n',
    '[x for x in y]; {x for x in y}; {k: v for k, v in y}; (x for x in y if x if y for z in x)\n',
    '[x async for x in y]; [await x for x in y]\n',
    '[(y := f(x)) for x in z]\n',
  ],
  'lambda': [
    'lambda: 0; lambda x: x; lambda x, y=1, *a, z, w=2, **k: 0; lambda x, /, y: 0; lambda *, k: 0\n',
  ],
  'walrus': ['if (n := len(a)) > 10: pass\nwhile chunk := f.read(): pass\nprint(x := 1)\n'],
  'assignment': [
    'a = b = c\na, b = b, a\n[a, *b] = c\na.x, a[0] = 1, 2\n(a) = 1\n*a, b = c\nx = yield y\n',
    'x: int\nx: int = 1\n(y): int = 2\na.b: int\na[0]: int = 1\nz: int = yield\n',
    'a += 1; a -= 1; a *= 1; a /= 1; a //= 1; a %= 1; a **= 1; a @= 1; a &= 1; a |= 1; a ^= 1; a >>= 1; a <<= 1\n',
    'x = 1,\nx = 1, 2,\n',
  ],
  'simple statements': [
    'pass; break; continue\nreturn\nreturn 1\nreturn 1, 2\n',
    'del a; del a, b; del a[0], a.b; del (a, b); del [a, b]\n',
    'assert x; assert x, "msg"\nraise; raise E; raise E from e\n',
    'global a, b\nnonlocal c\n',
    'import a; import a.b.c; import a as b, c.d as e\n',
    'from a import b; from a.b import c as d, e; from . import x; from .. import y; from ...a import *; from .a import (b, c,)\n',
  ],
  'compound statements': [
    'if a:\n    pass\nelif b:\n    pass\nelif c:\n    pass\nelse:\n    pass\n',
    'while x:\n    break\nelse:\n    pass\n',
    'for x in y:\n    continue\nelse:\n    pass\nfor a, b in c: pass\nfor (a, b) in c: pass\nfor [a, *b] in c: pass\nfor x, in y: pass\n',
    'try:\n    pass\nexcept E as e:\n    pass\nexcept (A, B):\n    pass\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass\n',
    'try:\n    pass\nexcept* E:\n    pass\nexcept* (A, B) as g:\n    pass\n',
    'try:\n    pass\nfinally:\n    pass\n',
    'with a: pass\nwith a as b, c as d: pass\nwith (a as b, c): pass\nwith (a, b): pass\nwith (a, b) as c: pass\nwith (a): pass\nwith (yield): pass\n',
    'if x: pass; pass\nif x:\n    pass;\n',
  ],
  'functions and classes': [
    'def f(): pass\ndef f(a, b=1, *args, c, d=2, **kw) -> int: return a\ndef f(a, /, b, *, c): pass\ndef f(*args: *Ts): pass\n',
    '@dec\n@dec.attr(1)\n@(lambda f: f)\ndef f(): pass\n',
    'class A: pass\nclass B(A, metaclass=M, **kw): x = 1\n@dec\nclass C(): pass\n',
    'async def f():\n    await x\n    async for a in b: pass\n    async with c as d: pass\n    return [i async for i in j]\n',
    'def g():\n    yield\n    yield 1\n    yield from x\n    x = yield\n',
    'def f(a, b): return\ndef g(a,\n      b,\n      ): pass\n',
  ],
  'match': [
    'match x:\n    case 1: pass\n    case -1: pass\n    case 1 + 2j: pass\n    case "s" "t": pass\n    case None | True | False: pass\n',
    'match x:\n    case a: pass\n    case _: pass\n    case a.b: pass\n    case (a): pass\n    case a as b: pass\n    case 1 | 2 as c: pass\n',
    'match x:\n    case [a, *b, c]: pass\n    case (a, b): pass\n    case []: pass\n    case (): pass\n    case a, *_: pass\n    case [*_]: pass\n',
    'match x:\n    case {1: a, "k": b, **rest}: pass\n    case {}: pass\n    case {a.b: c}: pass\n',
    'match x:\n    case Point(1, y=2): pass\n    case a.B(c, d): pass\n    case C(): pass\n    case D(x=1,): pass\n',
    'match x, y:\n    case 1, 2 if a > b: pass\nmatch *a, b:\n    case _: pass\nmatch = 1\nmatch(x)\nmatch.a = 1\ncase = 2\n',
  ],
  'layout': [
    'if x:\n\tpass\n',
    'x = [\n    1,\n    2,\n]\ny = 1 + \\\n    2\n',
    'if x:\n    pass\n\n\n    # comment\n    y = 1\n',
    'x = 1\r\ny = 2\r\n',
    'x = 1\ry = 2\r',
    '\ufeffx = 1\n',
    'x = 1',
    'def f():\n    pass\n\x0c\ndef g(): pass\n',
    '',
    '# only a comment',
  ],
  'type comments are ignored': ['x = 1  # type: int\ndef f(a,  # type: int\n      b):  # type: (...) -> None\n    pass  # type: ignore\n'],
};

/** With `type_comments=True` (what `python3 -m ast` uses); results are trees or error messages. */
const WITH_TYPE_COMMENTS: string[] = [
  'x = 1  # type: int\nfor a in b:  # type: int\n    pass\nwith a as b:  # type: int\n    pass\nwith (a as b):  # type: ignore\n    pass\n',
  'def f(a,  # type: int\n      b, *c,  # type: str\n      **d  # type: bytes\n      ):\n    # type: (...) -> None\n    pass\n',
  'def g(a, b):  # type: (int, int) -> None\n    pass\nasync def h(): # type: () -> int\n    pass\n',
  'x = 1  # type: ignore\ny = 2 #type:ignore[attr]\nimport z  # type: ignore # noqa\n# type: ignore\nw = 3 # type: ignored\n',
  'x = [  # type: ignore\n  1,\n]\n',
  '# type: int\nx = 1\n',
  'x + 1  # type: int\n',
  'def f(*, # type: int\n a): pass\n',
  'if x:  # type: int\n    pass\n',
];

const all = [...Object.values(CONSTRUCTS).flat().map((src) => [src, false] as const), ...WITH_TYPE_COMMENTS.map((src) => [src, true] as const)];
let expected: Map<string, string>;

const key = (src: string, typeComments: boolean): string => JSON.stringify([src, typeComments]);

beforeAll(() => {
  const program = [
    'import ast, json, sys',
    'out = {}',
    'for src, tc in json.load(sys.stdin):',
    '    try:',
    "        out[json.dumps([src, tc])] = ast.dump(ast.parse(src.encode('utf-8'), type_comments=tc), include_attributes=True)",
    '    except SyntaxError as e:',
    "        out[json.dumps([src, tc])] = f'{e.msg} {e.lineno} {e.offset}'",
    'json.dump(out, sys.stdout)',
  ].join('\n');
  const r = spawnSync('python3', ['-c', program], { input: JSON.stringify(all), maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(String(r.stderr));
  const entries = Object.entries(JSON.parse(String(r.stdout)) as Record<string, string>);
  // Python's json.dumps spaces its separators; re-key with JS's.
  expected = new Map(entries.map(([k, v]) => [JSON.stringify(JSON.parse(k)), v]));
});

function ours(src: string, typeComments: boolean): string {
  try {
    return dump(parse(decodeSource(Buffer.from(src, 'utf8'), '<unknown>'), { typeComments }), { includeAttributes: true });
  } catch (e) {
    if (!(e instanceof PySyntaxError)) throw e;
    return `${e.msg} ${e.lineno} ${e.offset}`;
  }
}

describe('parse matches ast.parse', () => {
  for (const [construct, sources] of Object.entries(CONSTRUCTS)) {
    it(construct, () => {
      for (const src of sources) expect(ours(src, false), JSON.stringify(src)).toBe(expected.get(key(src, false)));
    });
  }

  it('type comments (typeComments: true, as ast.parse(type_comments=True))', () => {
    for (const src of WITH_TYPE_COMMENTS) expect(ours(src, true), JSON.stringify(src)).toBe(expected.get(key(src, true)));
  });
});

describe('parse rejects', () => {
  it('throws PySyntaxError with CPython fields', () => {
    let caught: unknown;
    try {
      parse('x = (1,\ny = 2\n', { filename: 'f.py' });
    } catch (e) {
      caught = e;
    }
    expect(caught).toMatchObject({ msg: "'(' was never closed", filename: 'f.py', lineno: 1, offset: 5 });
  });

  it('turns nesting deeper than CPython allows into a SyntaxError', () => {
    for (const src of ['-'.repeat(5000) + '1', 'lambda: '.repeat(5000) + '1', 'a' + '.b'.repeat(5000), '2**'.repeat(5000) + '2']) {
      expect(() => parse(src)).toThrow(/maximum recursion depth exceeded during ast construction/);
    }
  });
});
