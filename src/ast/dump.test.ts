import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { dump } from './dump.js';
import type { DumpOptions } from './dump.js';
import { astFromJson } from './fromJson.js';
import type { JsonValue } from './fromJson.js';
import {
  Add, alias, BinOp, Constant, ImportFrom, keyword, Load, MatchSingleton, Module, Name, Pass,
} from './nodes.js';
import type { AST } from './nodes.js';

const CONVERTER = fileURLToPath(new URL('../../scripts/cpython-ast-json.py', import.meta.url));

// Loads the converter as a module, parses every item with CPython and dumps
// the tree once per option set.
const ORACLE = `
import ast, importlib.util, json, sys
spec = importlib.util.spec_from_file_location('conv', sys.argv[1])
conv = importlib.util.module_from_spec(spec)
spec.loader.exec_module(conv)
req = json.load(sys.stdin)
out = []
for item in req['items']:
    if 'path' in item:
        with open(item['path'], 'rb') as f:
            source = f.read()
    else:
        source = item['source']
    tree = ast.parse(source, mode=item.get('mode', 'exec'), type_comments=item.get('typeComments', False))
    dumps = [ast.dump(tree, annotate_fields=v.get('annotateFields', True),
                      include_attributes=v.get('includeAttributes', False), indent=v.get('indent'))
             for v in req['variants']]
    out.append({'ast': conv.node_to_json(tree), 'dumps': dumps})
print(json.dumps(out))
`;

interface Item {
  source?: string;
  path?: string;
  mode?: 'exec' | 'eval' | 'single' | 'func_type';
  typeComments?: boolean;
}

function cpython(items: Item[], variants: DumpOptions[]): { ast: JsonValue; dumps: string[] }[] {
  const r = spawnSync('python3', ['-c', ORACLE, CONVERTER], {
    input: JSON.stringify({ items, variants }),
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (r.status !== 0) throw new Error(`python3 failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { ast: JsonValue; dumps: string[] }[];
}

const ALL_VARIANTS: DumpOptions[] = [
  {},
  { includeAttributes: true },
  { indent: 2 },
  { indent: 4, includeAttributes: true },
  { indent: '\t', annotateFields: false },
  { annotateFields: false, includeAttributes: true },
  { annotateFields: false, includeAttributes: true, indent: 1 },
  { indent: 0 },
  { indent: -1, includeAttributes: true },
  { indent: '.:' },
];

const SNIPPETS: Item[] = [
  { source: 'x = 1\n' },
  { source: 'a, *b = c[1:2, ::3] = d.e = f\ndel g[0], h.i\n' },
  { source: 'x: int = 1\ny: "str"\n(z): int\nz.w += 2 ** -3 @ q // 4 % 5 << 6 >> 7 | 8 ^ 9 & 10\n' },
  {
    source:
      '@dec\n@dec2(1)\nasync def f(a, /, b: int = 1, *args: str, c, d=2, **kw) -> None:\n' +
      '    await g\n    async for i in j:\n        yield i\n    else:\n        pass\n' +
      '    async with k as (l, m), n:\n        return (yield from o)\n',
  },
  { source: 'class C(B, metaclass=M, **kw):\n    """doc"""\n    global x, y\n    def g(self):\n        nonlocal z\n' },
  { source: 'lambda: 0\nlambda *, a=1: a\nlambda a, b=2, *c, d, **e: (a, b, c, d, e)\n' },
  {
    source:
      '[x for x in y if x if not x]\n{x for x in y}\n{k: v for k, v in z}\n(x async for x in y)\n' +
      '{**a, "b": 1, **c}\n{1, 2}\n[]\n()\n{}\n',
  },
  { source: 'a if b else c\na and b or not c\na < b <= c != d is e is not f in g not in h\n+a, -b, ~c\n(a := 1)\n' },
  {
    source:
      'f"{a!r:>{b}} {c=} {d!s} {e!a:x} {{}} {f:{g}.{h}}" f"plain"\nf"{x}" "y" f"{z:}"\n' +
      "rb'\\x00\\xff' b'\\'\"'\n'\\u00e9\\U0001f600\\x00\\t\\'' u'kind'\n",
  },
  { source: 'x = 0xffffffffffffffffffffffffffff, 1.5e300, 1e-7, 1e16, 10.0, 3j, 1.5j, 0j, ..., None, True, False\n' },
  {
    source:
      'try:\n    pass\nexcept E as e:\n    raise X from Y\nexcept (A, B):\n    raise\nexcept:\n    pass\n' +
      'else:\n    break\nfinally:\n    continue\ntry:\n    pass\nexcept* E:\n    pass\n',
  },
  {
    source:
      'match x:\n    case 1 | -2 | 3+4j | "s" | b"b" | a.b:\n        pass\n    case None | True | False:\n        pass\n' +
      '    case [a, *rest, _]:\n        pass\n    case {1: y, "k": [z], **kw} if y > 0:\n        pass\n' +
      '    case Point(1, y=2, z=(3 as w)):\n        pass\n    case (*_, ):\n        pass\n    case _:\n        pass\n',
  },
  { source: 'import a.b as c, d\nfrom . import e\nfrom ..f import (g as h, i)\nfrom j import *\nassert x, "msg"\n' },
  { source: 'while x:\n    if y:\n        pass\n    elif z:\n        pass\n    else:\n        pass\nelse:\n    pass\n' },
  { source: 'with a, b as c:\n    pass\nfor i, j in k:\n    print(*i, **j, sep="")\n' },
  { source: 's = "\\u2028\\x7f\\ud800\\u3000é\\U000e0001" + "\\\\"\n' },
  { source: 'def f(a, b):  # type: (int, str) -> None\n    x = 1  # type: int\n    pass  # type: ignore[xyz]\n', typeComments: true },
  { source: 'for x in y:  # type: int\n    pass\nwith a as b:  # type: int\n    pass\n', typeComments: true },
  { source: 'a + b * c', mode: 'eval' },
  { source: 'x = 1; print(x)\n', mode: 'single' },
  { source: '(int, *str) -> List[int]', mode: 'func_type' },
  { source: 'é = "ü"; 𝔘 = 1\n' },
];

function checkAll(items: Item[], variants: DumpOptions[]): number {
  const results = cpython(items, variants);
  let checked = 0;
  for (let k = 0; k < items.length; k++) {
    const tree = astFromJson(results[k]!.ast);
    variants.forEach((options, v) => {
      const expected = results[k]!.dumps[v]!;
      const actual = dump(tree, options);
      if (actual !== expected) {
        // Report the first difference rather than megabytes of text.
        let at = 0;
        while (actual[at] === expected[at]) at++;
        expect({
          item: items[k]!.path ?? items[k]!.source,
          options,
          actual: actual.slice(Math.max(0, at - 200), at + 200),
        }).toEqual({
          item: items[k]!.path ?? items[k]!.source,
          options,
          actual: expected.slice(Math.max(0, at - 200), at + 200),
        });
      }
      checked++;
    });
  }
  return checked;
}

describe('dump against CPython ast.dump', () => {
  it('snippets covering every kind of node, with every option', () => {
    expect(checkAll(SNIPPETS, ALL_VARIANTS)).toBe(SNIPPETS.length * ALL_VARIANTS.length);
  });

  it('standard library modules', () => {
    const lib = spawnSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], {
      encoding: 'utf8',
    }).stdout.trim();
    const files = [
      'ast.py', 'typing.py', 'argparse.py', 'asyncio/tasks.py', 'test/test_grammar.py', 'test/test_patma.py',
      'test/test_fstring.py', 'test/test_re.py', 'test/test_float.py', 'test/test_complex.py',
      'test/test_bytes.py', 'test/test_except_star.py', 'test/test_coroutines.py', 'test/test_string_literals.py',
    ];
    const variants: DumpOptions[] = [
      { includeAttributes: true },
      { indent: 1, includeAttributes: true },
      { annotateFields: false, indent: 2 },
    ];
    const items = files.map((f) => ({ path: `${lib}/${f}` }));
    expect(checkAll(items, variants)).toBe(files.length * variants.length);
  }, 120_000);

  // A JS string cannot hold a high surrogate followed by a low one as two
  // code points: such a str is a PyStrCodePoints (test_unicode.py has some).
  it('a surrogate pair written as two escapes', () => {
    expect(checkAll([{ source: "'\\ud800\\udc02'\n" }], [{}])).toBe(1);
  });
});

describe('dump of hand-built trees (expected strings from python3)', () => {
  it('leaves out end positions that are None, except on patterns', () => {
    expect(dump(Name('x', Load, 1, 0, null, null), { includeAttributes: true })).toBe(
      "Name(id='x', ctx=Load(), lineno=1, col_offset=0)",
    );
    expect(dump(MatchSingleton(null, 1, 2, null, null), { includeAttributes: true })).toBe(
      'MatchSingleton(value=None, lineno=1, col_offset=2, end_lineno=None, end_col_offset=None)',
    );
    expect(dump(Pass(3, 4, null, 8), { includeAttributes: true, indent: 2 })).toBe(
      'Pass(lineno=3, col_offset=4, end_col_offset=8)',
    );
    expect(dump(Pass(3, 4, 3, 8), { includeAttributes: true, indent: 2 })).toBe(
      'Pass(\n  lineno=3,\n  col_offset=4,\n  end_lineno=3,\n  end_col_offset=8)',
    );
  });

  it('switches to keywords after a skipped field when annotateFields is false', () => {
    const imp = ImportFrom(null, [alias('a', null, 1, 5, 1, 6)], null, 1, 0, 1, 6);
    expect(dump(imp, { annotateFields: false })).toBe("ImportFrom(names=[alias('a')])");
    expect(dump(imp, { annotateFields: false, includeAttributes: true, indent: 2 })).toBe(
      "ImportFrom(\n  names=[\n    alias(\n      'a',\n      lineno=1,\n      col_offset=5,\n      end_lineno=1,\n" +
        '      end_col_offset=6)],\n  lineno=1,\n  col_offset=0,\n  end_lineno=1,\n  end_col_offset=6)',
    );
    expect(dump(keyword(null, Name('x', Load, 1, 0, 1, 1), 1, 0, 1, 1), { annotateFields: false })).toBe(
      "keyword(value=Name('x', Load()))",
    );
  });

  it('treats missing fields like CPython (left out, keywords from there on)', () => {
    const partial = { nodeType: 'Name', id: 'x' } as unknown as AST;
    expect(dump(partial)).toBe("Name(id='x')");
    expect(dump(partial, { annotateFields: false })).toBe("Name('x')");
  });

  it('prints a non-optional None and the indent forms', () => {
    const c = Constant(null, null, 1, 0, 1, 4);
    expect(dump(c)).toBe('Constant(value=None)');
    expect(dump(c, { indent: 3 })).toBe('Constant(value=None)');
    const b = BinOp(Constant(1n, null, 1, 0, 1, 1), Add, Constant(2.5, null, 1, 4, 1, 7), 1, 0, 1, 7);
    expect(dump(b, { indent: '\t' })).toBe('BinOp(\n\tleft=Constant(value=1),\n\top=Add(),\n\tright=Constant(value=2.5))');
    expect(dump(b, { indent: 0 })).toBe('BinOp(\nleft=Constant(value=1),\nop=Add(),\nright=Constant(value=2.5))');
    expect(dump(b, { indent: -2 })).toBe('BinOp(\nleft=Constant(value=1),\nop=Add(),\nright=Constant(value=2.5))');
    expect(dump(Module([Pass(1, 0, 1, 4), Pass(2, 0, 2, 4)], []), { indent: 2 })).toBe(
      'Module(\n  body=[\n    Pass(),\n    Pass()],\n  type_ignores=[])',
    );
  });

  it('dumps lists and constants the way ast.dump formats them inside a tree', () => {
    const body = [Pass(1, 0, 1, 4)];
    expect(`Module(body=${dump(body)}, type_ignores=[])`).toBe(dump(Module(body, [])));
    expect(dump('x')).toBe("'x'");
    expect(dump(1.0)).toBe('1.0');
    expect(dump(null)).toBe('None');
  });
});
