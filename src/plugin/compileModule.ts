/**
 * Compiling one .py module for a bundler or a Node loader, which see a
 * program one file at a time: which module a file is (its dotted name,
 * whether it is a package, the folder its absolute imports start from) and
 * its compiled code, with the compile errors CPython would raise turned
 * into one value the caller reports through its own channel.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import { compile } from '../compile.js';
import type { SourceMap } from '../codegen.js';
import { PySyntaxError } from '../diagnostics.js';
import { formatCompileError } from '../modules/errors.js';
import { describeSourceFile, PLAIN_UTF8_FILE } from '../errorDisplay.js';
import { decodeSource } from '../parser/sourceDecoding.js';
import { FileResolver } from '../modules/resolver.js';

/** Which module of a program a .py file is. */
export interface ModuleIdentity {
  /** The dotted name; `__main__` for the program's entry. */
  readonly name: string;
  readonly isPackage: boolean;
  /** The program's folder (sys.path[0]): the entry's folder, where absolute imports are found. */
  readonly root: string;
}

/** The entry of a program: the file reached from outside Python code (a JS module, an HTML page, the bundler's entry list). */
export function entryIdentity(path: string): ModuleIdentity {
  return { name: '__main__', isPackage: false, root: dirname(path) };
}

/**
 * A module imported by Python code of the program rooted at `root`. Compiled
 * code imports `a.b` as `<root>/a/b.py` and the package `a` as
 * `<root>/a/__init__.py`, so the path spells the name.
 */
export function importedIdentity(root: string, path: string): ModuleIdentity {
  const parts = relative(root, path).split(sep);
  const last = parts.pop()!.replace(/\.py$/, '');
  const isPackage = last === '__init__';
  if (!isPackage) parts.push(last);
  return { name: parts.join('.'), isPackage, root };
}

export interface CompiledModule {
  readonly code: string;
  readonly map: SourceMap;
  /** Files whose contents or existence decided this output (the modules whose names it checked): watch them too. */
  readonly dependencies: string[];
}

/** A compile-time error (SyntaxError, ImportError), as python3 would print it, with its 1-based line and 0-based column. */
export interface ModuleError {
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

export interface ModuleCompileOptions {
  /** The runtime's specifier in compiled code. */
  runtime: string;
  /** `__file__`: by default the file's absolute path, as CPython has it. */
  file?: string;
  /**
   * `__name__` as a plain string instead of asking the runtime whether the
   * module is the entry by its `import.meta.url`: in a bundle, all modules
   * share one URL.
   */
  staticName?: boolean;
}

export function compileModule(path: string, identity: ModuleIdentity, options: ModuleCompileOptions): CompiledModule | ModuleError {
  // A namespace package (a folder without __init__.py) is an empty module.
  const bytes = identity.isPackage && !isFile(path) ? new Uint8Array() : readFileSync(path);
  const resolver = new FileResolver(identity.root);
  try {
    const result = compile(decodeSource(bytes, path), {
      filename: path,
      moduleName: identity.name,
      isPackage: identity.isPackage,
      runtime: options.runtime,
      resolver,
      extension: '.py',
      file: options.file ?? path,
    });
    const code = options.staticName ? withStaticName(result.code, identity.name) : result.code;
    const dependencies = [...resolver.reads.keys()].filter((p) => p !== path);
    return { code, map: result.map, dependencies };
  } catch (error) {
    if (!(error instanceof PySyntaxError)) throw error;
    const file = error.filename === path ? describeSourceFile(bytes) : PLAIN_UTF8_FILE;
    return { message: formatCompileError(error, file).trimEnd(), line: error.lineno, column: Math.max(0, error.offset - 1) };
  }
}

export function isModuleError(result: CompiledModule | ModuleError): result is ModuleError {
  return 'message' in result;
}

/**
 * `var __name__ = $moduleName(import.meta.url, "m")` → `var __name__ = "m"`.
 * The header line carries no source positions, so the map stays exact.
 */
function withStaticName(code: string, name: string): string {
  return code.replace(/^(var __name__ = )\$moduleName\(import\.meta\.url, ("[\w.]*")\)/m, (_, head: string) => `${head}${JSON.stringify(name)}`);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
