/**
 * Finding modules by absolute dotted name, as CPython's import system does
 * for `python3 main.py`: first the modules built into the interpreter, then
 * the program's own files under sys.path[0] (the entry's folder) — a
 * package `a/` with `a/__init__.py`, a module `a.py`, or a namespace
 * package (a folder without `__init__.py`) — then the runtime's other
 * modules (math), which a local .py file of the same name shadows.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { decodeSource } from '../parser/sourceDecoding.js';
import { moduleFacts, NAMESPACE_FACTS, type ModuleFacts } from './moduleFacts.js';
import { runtimeModule, type RuntimeModuleSpec } from './runtimeModules.js';
import { parentOf, packageOf, resolveImportName } from './names.js';
import { listSubmodules } from './listing.js';

export interface SourceModule {
  readonly kind: 'source';
  readonly name: string;
  readonly isPackage: boolean;
  /** The .py file; null for a namespace package, which has none. */
  readonly path: string | null;
  /** A package's folder (where its submodules are found). */
  readonly dir: string | null;
}

export interface RuntimeModuleRef {
  readonly kind: 'runtime';
  readonly name: string;
  readonly names: readonly string[];
  /** Public names `from m import *` leaves out (CPython's `__all__` omits them). */
  readonly notInAll?: readonly string[];
  /** Other names are looked up at run time (the module's `__getattr__`; `js`). */
  readonly open?: boolean;
  /** An ES module outside the runtime (jsModules.ts): imported from this specifier, its values seen as JS values. */
  readonly specifier?: string;
}

export type ResolvedModule = SourceModule | RuntimeModuleRef;

export interface ModuleResolver {
  /** The module an absolute dotted name refers to, or null when there is none. */
  find(name: string): ResolvedModule | null;
  /** What the module's source tells statically; null when unknown. */
  facts(module: SourceModule): ModuleFacts | null;
  /** The names of a package's submodules and subpackages (its folder's importable entries). */
  submodules(pkg: SourceModule): string[];
  /**
   * False when `find` only assumes modules exist (no file system to look
   * at): importers then check nothing at compile time.
   */
  readonly checks: boolean;
}

/** The names a module is known to define, and whether it may define others (`open`). */
export interface ModuleNames {
  readonly names: ReadonlySet<string>;
  readonly open: boolean;
}

function runtimeRef(name: string, spec: RuntimeModuleSpec): RuntimeModuleRef {
  const ref: RuntimeModuleRef = spec.open ? { kind: 'runtime', name, names: spec.names, open: true } : { kind: 'runtime', name, names: spec.names };
  return spec.notInAll === undefined ? ref : { ...ref, notInAll: spec.notInAll };
}

/**
 * What `compile()` uses without a resolver: the runtime's modules, and any
 * other name taken to be a module file of the program (`a.b` → `a/b.js`),
 * unchecked.
 */
export const assumingResolver: ModuleResolver = {
  checks: false,
  find(name: string): ResolvedModule | null {
    const spec = runtimeModule(name);
    if (spec) return runtimeRef(name, spec);
    return { kind: 'source', name, isPackage: false, path: null, dir: null };
  },
  facts: () => null,
  submodules: () => [],
};

type Probe = 'file' | 'dir' | 'none';

/** A module found under a root folder; every file-system answer is recorded, for caches to re-check. */
export class FileResolver implements ModuleResolver {
  readonly checks = true;
  /** Each path looked at, and what it was. */
  readonly probes = new Map<string, Probe>();
  /** Each file read, with the SHA-256 of its bytes. */
  readonly reads = new Map<string, string>();
  /** Each folder listed for submodules, with what was found (joined by `/`). */
  readonly listings = new Map<string, string>();
  private readonly found = new Map<string, ResolvedModule | null>();
  private readonly factsCache = new Map<string, ModuleFacts | null>();
  private readonly bytesCache = new Map<string, Uint8Array>();

  constructor(readonly root: string) {}

  find(name: string): ResolvedModule | null {
    let module = this.found.get(name);
    if (module === undefined) {
      module = this.lookup(name);
      this.found.set(name, module);
    }
    return module;
  }

  private lookup(name: string): ResolvedModule | null {
    const spec = runtimeModule(name);
    if (spec?.builtin) return runtimeRef(name, spec);
    const file = this.findFile(name);
    if (file) return file;
    return spec ? runtimeRef(name, spec) : null;
  }

  private findFile(name: string): SourceModule | null {
    const parent = parentOf(name);
    let dir = this.root;
    if (parent !== null) {
      const p = this.find(parent);
      if (p === null || p.kind !== 'source' || p.dir === null) return null;
      dir = p.dir;
    }
    const last = name.slice(parent === null ? 0 : parent.length + 1);
    const folder = join(dir, last);
    const isDir = this.probe(folder) === 'dir';
    if (isDir) {
      const init = join(folder, '__init__.py');
      if (this.probe(init) === 'file') return { kind: 'source', name, isPackage: true, path: init, dir: folder };
    }
    const file = join(dir, `${last}.py`);
    if (this.probe(file) === 'file') return { kind: 'source', name, isPackage: false, path: file, dir: null };
    if (isDir) return { kind: 'source', name, isPackage: true, path: null, dir: folder };
    return null;
  }

  private probe(path: string): Probe {
    let kind = this.probes.get(path);
    if (kind === undefined) {
      try {
        const stat = statSync(path);
        kind = stat.isDirectory() ? 'dir' : stat.isFile() ? 'file' : 'none';
      } catch {
        kind = 'none';
      }
      this.probes.set(path, kind);
    }
    return kind;
  }

  /** A file's bytes, read once and recorded. */
  read(path: string): Uint8Array {
    let bytes = this.bytesCache.get(path);
    if (bytes === undefined) {
      bytes = readFileSync(path);
      this.bytesCache.set(path, bytes);
      this.reads.set(path, createHash('sha256').update(bytes).digest('hex'));
    }
    return bytes;
  }

  submodules(pkg: SourceModule): string[] {
    if (pkg.dir === null) return [];
    let listing = this.listings.get(pkg.dir);
    if (listing === undefined) {
      listing = listSubmodules(pkg.dir).join('/');
      this.listings.set(pkg.dir, listing);
    }
    return listing === '' ? [] : listing.split('/');
  }

  facts(module: SourceModule): ModuleFacts | null {
    if (module.path === null) return NAMESPACE_FACTS;
    let facts = this.factsCache.get(module.path);
    if (facts === undefined) {
      try {
        facts = moduleFacts(decodeSource(this.read(module.path), module.path), module.path);
      } catch {
        facts = null;
      }
      this.factsCache.set(module.path, facts);
    }
    return facts;
  }
}


/**
 * The names a module defines: its globals and what its star imports bring
 * (`from m import x` checks against these).
 */
export function moduleNames(resolver: ModuleResolver, module: ResolvedModule, visiting = new Set<string>()): ModuleNames {
  if (module.kind === 'runtime') return { names: new Set(module.names), open: false };
  const facts = resolver.checks ? resolver.facts(module) : null;
  if (facts === null || visiting.has(module.name)) return { names: facts?.globals ?? new Set(), open: true };
  if (facts.starImports.length === 0) return { names: facts.globals, open: facts.hasGetattr };
  visiting.add(module.name);
  const names = new Set(facts.globals);
  let open = facts.hasGetattr;
  for (const star of facts.starImports) {
    const from = starSource(resolver, module, star);
    if (from === null) {
      open = true;
      continue;
    }
    const exported = starNames(resolver, from, visiting);
    if (exported.open) open = true;
    for (const n of exported.names) names.add(n);
  }
  visiting.delete(module.name);
  return { names, open };
}

/**
 * The names `from m import *` binds: `__all__` when it is a literal,
 * else the names not starting with an underscore.
 */
export function starNames(resolver: ModuleResolver, module: ResolvedModule, visiting = new Set<string>()): ModuleNames {
  if (module.kind === 'source') {
    const facts = resolver.checks ? resolver.facts(module) : null;
    if (facts !== null && Array.isArray(facts.all)) return { names: new Set(facts.all), open: false };
    if (facts !== null && facts.all === 'dynamic') return { names: moduleNames(resolver, module, visiting).names, open: true };
  }
  const all = moduleNames(resolver, module, visiting);
  const hidden = module.kind === 'runtime' ? module.notInAll ?? [] : [];
  const names = new Set([...all.names].filter((n) => !n.startsWith('_') && !hidden.includes(n)));
  // A package's submodules its __init__ imported are among its globals by then.
  if (module.kind === 'source' && module.isPackage) {
    for (const n of resolver.facts(module)?.relativeSubmodules ?? []) if (!n.startsWith('_')) names.add(n);
  }
  return { names, open: all.open };
}

function starSource(resolver: ModuleResolver, module: SourceModule, star: { module: string | null; level: number }): ResolvedModule | null {
  const name = resolveImportName(star.module, star.level, packageOf(module.name, module.isPackage));
  return typeof name === 'string' ? resolver.find(name) : null;
}
