import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { walk, forEachChild } from './walk.js';
import { astFromJson } from './fromJson.js';
import type { JsonValue } from './fromJson.js';
import { Dict, Load, Name } from './nodes.js';
import type { AST, expr as Expr } from './nodes.js';

const CONVERTER = fileURLToPath(new URL('../../scripts/cpython-ast-json.py', import.meta.url));

// For each source: the tree, and ast.walk's order as "Type@line:col" labels.
const ORACLE = `
import ast, importlib.util, json, sys
spec = importlib.util.spec_from_file_location('conv', sys.argv[1])
conv = importlib.util.module_from_spec(spec)
spec.loader.exec_module(conv)
def label(n):
    return type(n).__name__ + ('@%s:%s' % (n.lineno, n.col_offset) if 'lineno' in n._attributes else '')
out = []
for item in json.load(sys.stdin):
    source = open(item['path'], 'rb').read() if 'path' in item else item['source']
    tree = ast.parse(source)
    out.append({'ast': conv.node_to_json(tree), 'order': [label(n) for n in ast.walk(tree)]})
print(json.dumps(out))
`;

function label(node: AST): string {
  const located = node as { lineno?: number; col_offset?: number };
  return located.lineno === undefined || node.nodeType === 'TypeIgnore'
    ? node.nodeType
    : `${node.nodeType}@${located.lineno}:${located.col_offset}`;
}

describe('walk against ast.walk', () => {
  it('visits the same nodes in the same breadth-first order', () => {
    const lib = spawnSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], {
      encoding: 'utf8',
    }).stdout.trim();
    const items = [
      { source: 'def f(a, *b, c=1, **d):\n    return {**a, 1: b}[c:d] if x else [y async for y in z]\n' },
      { source: 'match p:\n    case {1: a, **r} | C(x, y=[*_]):\n        pass\n' },
      { path: `${lib}/argparse.py` },
      { path: `${lib}/test/test_patma.py` },
    ];
    const r = spawnSync('python3', ['-c', ORACLE, CONVERTER], {
      input: JSON.stringify(items),
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    expect(r.stderr).toBe('');
    const results = JSON.parse(r.stdout) as { ast: JsonValue; order: string[] }[];
    expect(results.length).toBe(items.length);
    for (const { ast, order } of results) {
      const ours = Array.from(walk(astFromJson(ast)), label);
      expect(ours.length).toBe(order.length);
      expect(ours).toEqual(order);
    }
  });
});

describe('forEachChild', () => {
  it('skips the None keys of dict unpacking and visits shared singletons each time', () => {
    const a = Name('a', Load, 1, 3, 1, 4);
    const b = Name('b', Load, 1, 6, 1, 7);
    // nodes.ts types Dict.keys as expr[], but `{**b}` gives CPython a None key.
    const d = Dict([null as unknown as Expr, a], [b, b], 1, 0, 1, 8);
    const seen: AST[] = [];
    forEachChild(d, (child) => seen.push(child));
    expect(seen).toEqual([a, b, b]);
    expect(Array.from(walk(d)).map((n) => n.nodeType)).toEqual(['Dict', 'Name', 'Name', 'Name', 'Load', 'Load', 'Load']);
  });
});
