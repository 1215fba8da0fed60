/**
 * Dotted module names: the package relative imports start from, CPython's
 * resolution of `from ..x import y`, and where a compiled module lives in
 * the output tree (which is what one module's import specifier for another
 * is made of).
 */

/** Relative-import failures, in CPython's words (raised as ImportError). */
export const NO_PARENT_PACKAGE = 'attempted relative import with no known parent package';
export const BEYOND_TOP_LEVEL = 'attempted relative import beyond top-level package';

/**
 * The package a module's relative imports start from (`__package__`): the
 * module itself for a package's `__init__.py`, else its parent; null for a
 * top-level module and for the program's entry (`__main__`).
 */
export function packageOf(name: string, isPackage: boolean): string | null {
  if (isPackage) return name;
  const dot = name.lastIndexOf('.');
  return dot < 0 ? null : name.slice(0, dot);
}

/**
 * The absolute name `from <dots><module> import …` refers to, as CPython's
 * importlib resolves it; a string of the error message when it cannot be
 * resolved (`{ error }`).
 */
export function resolveImportName(module: string | null, level: number, pkg: string | null): string | { error: string } {
  if (level === 0) return module ?? '';
  if (pkg === null || pkg === '') return { error: NO_PARENT_PACKAGE };
  const parts = pkg.split('.');
  if (level - 1 >= parts.length) return { error: BEYOND_TOP_LEVEL };
  const base = parts.slice(0, parts.length - (level - 1)).join('.');
  return module ? `${base}.${module}` : base;
}

/** `a.b.c` → `['a', 'a.b', 'a.b.c']`: what `import a.b.c` imports, in order. */
export function prefixes(name: string): string[] {
  const parts = name.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}

/** The parent package's name, or null for a top-level module. */
export function parentOf(name: string): string | null {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? null : name.slice(0, dot);
}

/**
 * Where a compiled module lives in the output tree, without extension:
 * `a.b` → `a/b`, the package `a` → `a/__init__`.
 */
export function outputPath(name: string, isPackage: boolean): string {
  const path = name.split('.').join('/');
  return isPackage ? `${path}/__init__` : path;
}

/** The specifier one compiled module imports another with: `./b.js`, `../c/__init__.js`. */
export function relativeSpecifier(fromOutput: string, toOutput: string, extension: string): string {
  const from = fromOutput.split('/').slice(0, -1);
  const to = toOutput.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const ups = from.length - common;
  const rest = to.slice(common).join('/');
  return (ups === 0 ? './' : '../'.repeat(ups)) + rest + extension;
}

/**
 * The JS name of the namespace object compiled code imports a module as:
 * `$math$`, `$a$b$` for `a.b`. Python names never contain `$`, and the
 * runtime's helpers (`$add`) and temporaries (`$1`) never end with one.
 */
export function namespaceLocal(name: string): string {
  return '$' + name.split('.').join('$') + '$';
}

/**
 * The globals a compiled module has before its body runs, as CPython sets
 * them on every module (a package's also has `__path__`): importers may take
 * them (`from pkg import __name__`). CPython's `__cached__` and
 * `__builtins__` have no compiled counterpart.
 */
export function moduleDunders(isPackage: boolean): readonly string[] {
  return isPackage ? PACKAGE_DUNDERS : MODULE_DUNDERS;
}

const MODULE_DUNDERS: readonly string[] = ['__name__', '__doc__', '__file__', '__loader__', '__spec__', '__package__'];
const PACKAGE_DUNDERS: readonly string[] = [...MODULE_DUNDERS, '__path__'];
