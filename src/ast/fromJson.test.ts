import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { astFromJson, constantFromJson, parseResultLines } from './fromJson.js';
import { Expr, Load, Module, Name } from './nodes.js';
import { Ellipsis, PyBytes, PyComplex, PyStrCodePoints } from './constants.js';

const CONVERTER = fileURLToPath(new URL('../../scripts/cpython-ast-json.py', import.meta.url));

function convert(items: { source: string; mode?: string }[], ...args: string[]): string {
  const r = spawnSync('python3', [CONVERTER, '--stdin', ...args], { input: JSON.stringify(items), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
}

describe('cpython-ast-json.py + astFromJson', () => {
  it('rebuilds the objects the factories build (same keys, same order, shared singletons)', () => {
    const [result] = parseResultLines(convert([{ source: 'x\n' }]));
    const tree = astFromJson(result!.ast!);
    const expected = Module([Expr(Name('x', Load, 1, 0, 1, 1), 1, 0, 1, 1)], []);
    expect(tree).toEqual(expected);
    expect(JSON.stringify(tree)).toBe(JSON.stringify(expected));
    const name = ((tree as typeof expected).body[0] as ReturnType<typeof Expr>).value as ReturnType<typeof Name>;
    expect(name.ctx).toBe(Load);
  });

  it('decodes every kind of constant without loss', () => {
    const source = "1; 10**0; 0x1ffffffffffffffffff; 1.0; 1e400; 0.1; 2j; b'\\x00\\''; 'é\\ud800'; ...; None; True\n";
    const [result] = parseResultLines(convert([{ source }]));
    const values = (astFromJson(result!.ast!) as ReturnType<typeof Module>).body.map((s) => {
      const e = (s as ReturnType<typeof Expr>).value;
      return e.nodeType === 'Constant' ? e.value : e.nodeType;
    });
    expect(values).toEqual([
      1n, 'BinOp', 0x1ffffffffffffffffffn, 1, Infinity, 0.1, new PyComplex(0, 2), new PyBytes(new Uint8Array([0, 0x27])),
      'é\ud800', Ellipsis, null, true,
    ]);
    expect(Object.is(constantFromJson({ $float: '-0.0' }), -0)).toBe(true);
    expect(constantFromJson({ $float: 'nan' })).toBeNaN();
  });

  it('rebuilds a str whose escaped surrogate halves meet as PyStrCodePoints, and only that one', () => {
    const source = "'\\ud800\\udc02'; 'a' '\\udbff' '\\udfff'; '\\udc00\\ud800'; '\\U00010002'; '\\ud800\\U00010002\\udc00'\n";
    const [result] = parseResultLines(convert([{ source }]));
    const values = (astFromJson(result!.ast!) as ReturnType<typeof Module>).body.map((s) => {
      const e = (s as ReturnType<typeof Expr>).value;
      return e.nodeType === 'Constant' ? e.value : e.nodeType;
    });
    expect(values).toEqual([
      new PyStrCodePoints([0xd800, 0xdc02]), new PyStrCodePoints([0x61, 0xdbff, 0xdfff]), '\udc00\ud800', '\u{10002}',
      '\ud800\u{10002}\udc00',
    ]);
    expect(constantFromJson({ $str: [0x10002, 0x41] })).toBe('\u{10002}A');
    expect(() => constantFromJson({ $str: [0x110000] })).toThrow(TypeError);
  });

  it('reports syntax errors with CPython fields, and dumps on request', () => {
    const lines = parseResultLines(convert([{ source: 'x = (\n' }, { source: '1 +', mode: 'eval' }, { source: 'y' }], '--dump'));
    expect(lines.map((l) => l.error?.msg ?? l.dump)).toEqual([
      "'(' was never closed",
      'invalid syntax',
      "Module(body=[Expr(value=Name(id='y', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], type_ignores=[])",
    ]);
    expect(lines[0]!.error).toMatchObject({ type: 'SyntaxError', lineno: 1, offset: 5 });
  });

  it('rejects what is not a node', () => {
    expect(() => astFromJson({ nodeType: 'Nope' })).toThrow(TypeError);
    expect(() => constantFromJson({ $what: 1 })).toThrow(TypeError);
  });
});
