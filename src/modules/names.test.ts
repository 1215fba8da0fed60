/**
 * Module-name arithmetic: relative names resolved as CPython's importlib
 * resolves them (checked against python3's `importlib.util.resolve_name`
 * and `importlib._bootstrap._resolve_name`), and the specifiers between
 * compiled modules.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { namespaceLocal, outputPath, packageOf, prefixes, relativeSpecifier, resolveImportName } from './names.js';

describe('resolveImportName', () => {
  const cases: [module: string | null, level: number, pkg: string | null][] = [
    ['x', 0, null], ['a.b', 0, 'p'], [null, 1, 'a'], ['m', 1, 'a'], ['m', 1, 'a.b.c'], ['m.n', 2, 'a.b.c'], [null, 2, 'a.b.c'],
    ['y', 3, 'a.b.c'], [null, 3, 'a.b.c'], ['y', 4, 'a.b.c'], [null, 2, 'a'], ['m', 1, null], ['m', 1, ''], [null, 1, null],
  ];

  it('agrees with importlib', () => {
    const script = String.raw`
import json, sys, importlib._bootstrap as b
out = []
for module, level, pkg in json.load(sys.stdin):
    try:
        if level == 0:
            out.append(module)
        elif not pkg:
            raise ImportError('attempted relative import with no known parent package')
        else:
            out.append(b._resolve_name(module or '', pkg, level).rstrip('.'))
    except (ImportError, ValueError) as e:
        out.append({'error': str(e)})
print(json.dumps(out))
`;
    const run = spawnSync('python3', ['-c', script], { input: JSON.stringify(cases), encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const expected = JSON.parse(run.stdout) as unknown[];
    expect(cases.map(([m, l, p]) => resolveImportName(m, l, p))).toEqual(expected);
  });
});

describe('module paths', () => {
  it('finds the package relative imports start from', () => {
    expect(packageOf('a.b.c', false)).toBe('a.b');
    expect(packageOf('a.b', true)).toBe('a.b');
    expect(packageOf('main', false)).toBeNull();
    expect(packageOf('__main__', false)).toBeNull();
  });

  it('lists what `import a.b.c` imports, in order', () => {
    expect(prefixes('a.b.c')).toEqual(['a', 'a.b', 'a.b.c']);
    expect(prefixes('m')).toEqual(['m']);
  });

  it('places modules and packages in the output tree', () => {
    expect(outputPath('a.b', false)).toBe('a/b');
    expect(outputPath('a.b', true)).toBe('a/b/__init__');
    expect(outputPath('__main__', false)).toBe('__main__');
  });

  it('writes specifiers from one compiled module to another', () => {
    expect(relativeSpecifier('main', 'pkg/__init__', '.js')).toBe('./pkg/__init__.js');
    expect(relativeSpecifier('pkg/mod', 'pkg/__init__', '.js')).toBe('./__init__.js');
    expect(relativeSpecifier('pkg/sub/deep', 'pkg/other', '.mjs')).toBe('../other.mjs');
    expect(relativeSpecifier('pkg/sub/__init__', 'util', '.js')).toBe('../../util.js');
    expect(relativeSpecifier('a/b/c', 'a/b/c', '.js')).toBe('./c.js');
  });

  it('names namespace imports apart from runtime helpers and temporaries', () => {
    expect(namespaceLocal('math')).toBe('$math$');
    expect(namespaceLocal('pkg.sub.mod')).toBe('$pkg$sub$mod$');
  });
});
