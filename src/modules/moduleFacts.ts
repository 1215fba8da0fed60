/**
 * What the compiler can know about a module from its source without running
 * it: the global names it binds, its `__all__` when that is a literal, the
 * modules it star-imports, and whether it defines a module `__getattr__`.
 * Importers use them for `from m import *` and for compile-time ImportErrors.
 */
import type * as py from '../ast/nodes.js';
import { forEachNestedBody } from '../ast/walk.js';
import { parse } from '../parser/parser.js';
import { analyze } from '../semantics/checks.js';
import { DEF_GLOBAL, DEF_IMPORT, DEF_LOCAL, type Scope, type SymbolTable } from '../semantics/scopes.js';
import { moduleDunders } from './names.js';

export interface ModuleFacts {
  /** Names bound at module level, or declared `global` and bound in a function; and the module dunders (names.ts). */
  readonly globals: ReadonlySet<string>;
  /** Names bound only by `from . import name` (the package's own submodules). */
  readonly submoduleImports: ReadonlySet<string>;
  /** `__all__`: the names of a literal list or tuple of strings; 'dynamic' when built otherwise; null when absent. */
  readonly all: readonly string[] | 'dynamic' | null;
  /** `from X import *` statements at module level, as written (relative ones unresolved). */
  readonly starImports: readonly { module: string | null; level: number }[];
  /** A module-level `__getattr__` (PEP 562) answers for any name. */
  readonly hasGetattr: boolean;
  /**
   * Submodules a package's `__init__` imports relatively (`from .x import y`
   * imports `x`): once imported they are attributes, and globals, of the package.
   */
  readonly relativeSubmodules: ReadonlySet<string>;
}

/** The facts of a module's source; null when it does not compile (its own compilation reports why). */
export function moduleFacts(source: string, filename: string): ModuleFacts | null {
  let tree: py.Module;
  let symbols: SymbolTable;
  try {
    tree = parse(source, { filename });
    symbols = analyze(tree, filename, source);
  } catch {
    return null;
  }
  return factsOf(tree, symbols, /(^|[\\/])__init__\.py$/.test(filename));
}

export function factsOf(tree: py.Module, symbols: SymbolTable, isPackage = false): ModuleFacts {
  const globals = globalNames(symbols);
  for (const name of moduleDunders(isPackage)) globals.add(name);
  const plainBindings = new Set<string>();
  const submoduleImports = new Set<string>();
  const starImports: { module: string | null; level: number }[] = [];
  const relativeSubmodules = new Set<string>();
  let all: readonly string[] | 'dynamic' | null = null;
  walkModuleLevel(tree.body, (s) => {
    if (s.nodeType === 'ImportFrom') {
      if (s.level === 1 && s.module !== null) relativeSubmodules.add(s.module.split('.')[0]!);
      for (const a of s.names) {
        if (a.name === '*') starImports.push({ module: s.module, level: s.level ?? 0 });
        else if (s.level === 1 && s.module === null) submoduleImports.add(a.asname ?? a.name);
        else plainBindings.add(a.asname ?? a.name);
      }
      return;
    }
    const value = allAssignment(s);
    if (value === undefined) return;
    all = combineAll(all, value, s.nodeType === 'AugAssign');
  });
  // A name bound any other way too is an attribute of the package, not (only) its submodule.
  for (const name of submoduleImports) {
    if (plainBindings.has(name) || (symbols.top.flags(name) & DEF_LOCAL) !== 0) submoduleImports.delete(name);
  }
  return { globals, submoduleImports, all, starImports, hasGetattr: globals.has('__getattr__'), relativeSubmodules };
}

/** A namespace package's: no source, only the dunders every package has. */
export const NAMESPACE_FACTS: ModuleFacts = {
  globals: new Set(moduleDunders(true)), submoduleImports: new Set(), all: null, starImports: [], hasGetattr: false, relativeSubmodules: new Set(),
};

/** `__all__` after one more statement binding it (`+=` extends a known list). */
function combineAll(all: readonly string[] | 'dynamic' | null, value: string[] | null, extend: boolean): readonly string[] | 'dynamic' {
  if (value === null || all === 'dynamic') return 'dynamic';
  if (!extend) return value;
  return all === null ? 'dynamic' : [...all, ...value];
}

function globalNames(symbols: SymbolTable): Set<string> {
  const names = new Set<string>();
  for (const [name, flags] of symbols.top.symbols) if (flags & (DEF_LOCAL | DEF_IMPORT)) names.add(name);
  const visit = (scope: Scope): void => {
    for (const [name, flags] of scope.symbols) if (flags & DEF_GLOBAL && flags & (DEF_LOCAL | DEF_IMPORT)) names.add(name);
    scope.children.forEach(visit);
  };
  symbols.top.children.forEach(visit);
  return names;
}

/** Statements that run at module level: into `if`/`try`/loops/`with`, not into functions or classes. */
export function walkModuleLevel(body: readonly py.stmt[], visit: (s: py.stmt) => void): void {
  for (const s of body) {
    visit(s);
    forEachNestedBody(s, (nested) => walkModuleLevel(nested, visit));
  }
}

/**
 * For a statement binding `__all__`: the strings of its literal value (null
 * when not a literal of strings); undefined for any other statement.
 */
function allAssignment(s: py.stmt): string[] | null | undefined {
  let value: py.expr | null = null;
  if (s.nodeType === 'Assign' && s.targets.some((t) => t.nodeType === 'Name' && t.id === '__all__')) value = s.value;
  else if (s.nodeType === 'AnnAssign' && s.target.nodeType === 'Name' && s.target.id === '__all__') value = s.value;
  else if (s.nodeType === 'AugAssign' && s.target.nodeType === 'Name' && s.target.id === '__all__') value = s.value;
  else if (
    s.nodeType === 'Expr' && s.value.nodeType === 'Call' && s.value.func.nodeType === 'Attribute' &&
    s.value.func.value.nodeType === 'Name' && s.value.func.value.id === '__all__'
  ) {
    return null;
  } else return undefined;
  if (value === null) return null;
  if (value.nodeType !== 'List' && value.nodeType !== 'Tuple') return null;
  const names: string[] = [];
  for (const e of value.elts) {
    if (e.nodeType !== 'Constant' || typeof e.value !== 'string') return null;
    names.push(e.value);
  }
  return names;
}
