/**
 * Finding modules as `python3 main.py` does, on a tree in a temporary
 * folder: what each name resolves to is checked against python3's
 * importlib.util.find_spec run from the same folder.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { FileResolver, moduleNames, starNames, assumingResolver, type ResolvedModule } from './resolver.js';

let root: string;

const TREE: Record<string, string> = {
  'both/__init__.py': 'PACKAGE = True\n',
  'both.py': 'PACKAGE = False\n',
  'plain.py': 'def f(): pass\nx = 1\n_y = 2\nfrom star_source import *\n',
  'star_source.py': '__all__ = ["s1", "_s2"]\ns1 = 1\n_s2 = 2\ns3 = 3\n',
  'math.py': 'SHADOW = True\n',
  'sys.py': 'SHADOW = True\n',
  'nspkg/inner/mod.py': 'z = 1\n',
  'pkg/__init__.py': 'from .a import thing\nfrom . import b\nB = 2\n',
  'pkg/a.py': 'thing = 1\n',
  'pkg/b.py': '',
  'pkg/sub/__init__.py': '',
  'dynamic.py': '__all__ = []\n__all__.append("q")\nq = 1\nr = 2\n',
  'lazy.py': 'def __getattr__(name):\n    return 1\n',
  'broken.py': 'def (:\n',
  'with-dash.py': '',
};

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'pyasync-resolver-'));
  for (const [path, text] of Object.entries(TREE)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

function describeModule(m: ResolvedModule | null): string {
  if (m === null) return 'missing';
  if (m.kind === 'runtime') return 'builtin';
  return m.path === null ? 'namespace' : m.path.slice(root.length + 1);
}

describe('FileResolver', () => {
  const NAMES = ['both', 'plain', 'math', 'sys', 'nspkg', 'nspkg.inner', 'nspkg.inner.mod', 'pkg', 'pkg.a', 'pkg.sub', 'pkg.nope', 'plain.x', 'nope', 'sys.x'];

  it('resolves names as importlib does from the entry\'s folder', () => {
    const resolver = new FileResolver(root);
    const ours = NAMES.map((n) => describeModule(resolver.find(n)));
    const script = String.raw`
import importlib.util, json, sys
root = sys.argv[1]
sys.path = [root] + [p for p in sys.path if p]
out = []
for name in json.load(sys.stdin):
    try:
        spec = importlib.util.find_spec(name)
    except ModuleNotFoundError:
        spec = None
    if spec is None: out.append('missing')
    elif spec.origin in (None, 'namespace') and spec.submodule_search_locations is not None and not spec.has_location: out.append('namespace')
    elif spec.origin and spec.origin.startswith(root): out.append(spec.origin[len(root) + 1:])
    else: out.append('builtin')
print(json.dumps(out))
`;
    // -S: no site hooks, which on some installs import math (and more) at start-up and so
    // make a local math.py unable to shadow it.
    const run = spawnSync('python3', ['-S', '-c', script, root], { input: JSON.stringify(NAMES), encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
    expect(run.status, run.stderr).toBe(0);
    expect(ours).toEqual(JSON.parse(run.stdout));
  });

  it('records every path it looked at and every file it read', () => {
    const resolver = new FileResolver(root);
    resolver.find('pkg.a');
    resolver.find('nope');
    expect(resolver.probes.get(join(root, 'pkg'))).toBe('dir');
    expect(resolver.probes.get(join(root, 'pkg', '__init__.py'))).toBe('file');
    expect(resolver.probes.get(join(root, 'nope.py'))).toBe('none');
    const pkg = resolver.find('pkg');
    expect(pkg?.kind).toBe('source');
    if (pkg?.kind !== 'source') return;
    resolver.facts(pkg);
    expect([...resolver.reads.keys()]).toEqual([join(root, 'pkg', '__init__.py')]);
    expect(resolver.submodules(pkg)).toEqual(['a', 'b', 'sub']);
    expect(resolver.listings.get(join(root, 'pkg'))).toBe('a/b/sub');
  });

  it('knows the names a module defines, star imports included', () => {
    const resolver = new FileResolver(root);
    const names = (n: string): { names: string[]; open: boolean } => {
      const r = moduleNames(resolver, resolver.find(n)!);
      return { names: [...r.names].sort(), open: r.open };
    };
    const dunders = ['__doc__', '__file__', '__loader__', '__name__', '__package__', '__spec__'];
    expect(names('plain')).toEqual({ names: [...dunders, '_s2', '_y', 'f', 's1', 'x'], open: false });
    expect(names('lazy')).toEqual({ names: [...dunders, '__getattr__'].sort(), open: true });
    expect(names('broken').open).toBe(true);
    expect(names('math')).toEqual({ names: ['SHADOW', ...dunders], open: false });
  });

  it("knows the module dunders python3 sets (a package's __path__ too), those without a compiled counterpart aside", () => {
    const resolver = new FileResolver(root);
    const MODULES = ['plain', 'lazy', 'pkg.sub', 'nspkg', 'nspkg.inner.mod'];
    const ours = MODULES.map((n) => [...moduleNames(resolver, resolver.find(n)!).names].filter((name) => name.startsWith('__')).sort());
    const script = String.raw`
import importlib, json, sys
sys.path = [sys.argv[1]] + [p for p in sys.path if p]
uncompiled = {'__builtins__', '__cached__'}
print(json.dumps([sorted(n for n in dir(importlib.import_module(m)) if n.startswith('__') and n not in uncompiled) for m in json.load(sys.stdin)]))
`;
    const run = spawnSync('python3', ['-S', '-c', script, root], { input: JSON.stringify(MODULES), encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
    expect(run.status, run.stderr).toBe(0);
    expect(ours).toEqual(JSON.parse(run.stdout));
  });

  it('knows what `from m import *` binds', () => {
    const resolver = new FileResolver(root);
    const star = (n: string): { names: string[]; open: boolean } => {
      const r = starNames(resolver, resolver.find(n)!);
      return { names: [...r.names].sort(), open: r.open };
    };
    expect(star('star_source')).toEqual({ names: ['_s2', 's1'], open: false });
    expect(star('plain')).toEqual({ names: ['f', 's1', 'x'], open: false });
    // A computed __all__ may list any name the module has, its dunders too.
    expect(star('dynamic')).toEqual({
      names: ['__all__', '__doc__', '__file__', '__loader__', '__name__', '__package__', '__spec__', 'q', 'r'], open: true,
    });
    expect(star('pkg')).toEqual({ names: ['B', 'a', 'b', 'thing'], open: false });
    expect(star('sys').names).toContain('argv');
  });

  it('without a file system, assumes modules exist', () => {
    expect(assumingResolver.find('anything.at.all')).toMatchObject({ kind: 'source', name: 'anything.at.all' });
    expect(assumingResolver.find('math')).toMatchObject({ kind: 'runtime' });
  });
});
