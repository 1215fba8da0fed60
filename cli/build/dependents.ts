/**
 * Which modules of the last build a change of the file system may affect,
 * so that a watch rebuild revisits only those. A module's compilation
 * reads, besides its own source, the answers of module searches (finds:
 * an import's module, a relative import's package, whether a name is a
 * package), other modules' sources (facts: the names `from m import x`
 * checks, star imports) and package folders' listings; cli/build/cache.ts
 * records them per module. This index answers the reverse question: given
 * a path that changed, the modules whose recorded questions may now have
 * another answer. It over-approximates (a module revisited whose answers
 * are unchanged is reused, not recompiled), never under-approximates.
 */
import { dirname, relative, sep } from 'node:path';
import type { Dependencies } from './types.js';

type Index = Map<string, Set<string>>;

function add(index: Index, key: string, id: string): void {
  let ids = index.get(key);
  if (ids === undefined) index.set(key, (ids = new Set()));
  ids.add(id);
}

function remove(index: Index, key: string, id: string): void {
  const ids = index.get(key);
  if (ids === undefined) return;
  ids.delete(id);
  if (ids.size === 0) index.delete(key);
}

function under(path: string, folder: string): boolean {
  return path.length > folder.length && path.startsWith(folder) && path[folder.length] === sep;
}

/** The dotted module name a path under an import root stands for (`a/b.py`, `a/b/__init__.py`, folder `a/b`: `a.b`); null for none. */
function moduleNameOf(root: string, path: string): string | null {
  const rel = relative(root, path);
  if (rel === '' || rel.startsWith('..')) return null;
  const parts = rel.split(sep);
  const last = parts.pop()!;
  if (last.endsWith('.py')) {
    if (last !== '__init__.py') parts.push(last.slice(0, -3));
  } else {
    parts.push(last);
  }
  return parts.length === 0 ? null : parts.join('.');
}

export class DependencyIndex {
  /** A module's own source path → the modules compiled from it. */
  private readonly sources: Index = new Map();
  /** A source whose facts were read → the modules that read them. */
  private readonly facts: Index = new Map();
  /** Import root → module name searched → the modules that searched it. */
  private readonly finds = new Map<string, Index>();
  /** Package folder listed → the modules that listed it. */
  private readonly listings: Index = new Map();

  add(id: string, root: string, path: string | null, deps: Dependencies | null): void {
    this.update(id, root, path, deps, add);
  }

  remove(id: string, root: string, path: string | null, deps: Dependencies | null): void {
    this.update(id, root, path, deps, remove);
  }

  private update(id: string, root: string, path: string | null, deps: Dependencies | null, op: typeof add): void {
    if (path !== null) op(this.sources, path, id);
    if (deps === null) return;
    for (const [fact] of deps.facts) op(this.facts, fact, id);
    let finds = this.finds.get(root);
    if (finds === undefined) this.finds.set(root, (finds = new Map()));
    for (const [name] of deps.finds) op(finds, name, id);
    for (const [dir] of deps.listings) op(this.listings, dir, id);
  }

  /** The modules whose output may change when the content of the file `path` changes. */
  contentDependents(path: string, into: Set<string>): void {
    for (const id of this.sources.get(path) ?? []) into.add(id);
    for (const id of this.facts.get(path) ?? []) into.add(id);
  }

  /**
   * The modules whose output may change when `path` (a file or a folder)
   * appears, disappears or is renamed: those compiled from or reading a
   * source at or under it, those that searched for a module it stands for
   * (or a submodule of one), those that listed its folder or a folder at
   * or under it.
   */
  structureDependents(path: string, into: Set<string>): void {
    const atOrUnder = (p: string): boolean => p === path || under(p, path);
    for (const index of [this.sources, this.facts]) {
      for (const [p, ids] of index) if (atOrUnder(p)) for (const id of ids) into.add(id);
    }
    for (const [root, finds] of this.finds) {
      const name = moduleNameOf(root, path);
      if (name === null) continue;
      for (const [searched, ids] of finds) {
        if (searched === name || searched.startsWith(`${name}.`)) for (const id of ids) into.add(id);
      }
    }
    const parent = dirname(path);
    for (const [dir, ids] of this.listings) if (dir === parent || atOrUnder(dir)) for (const id of ids) into.add(id);
  }
}
