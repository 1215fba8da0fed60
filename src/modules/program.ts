/**
 * Compiling a program: the given modules (the entry, or every file of a
 * folder) and every module they import, transitively. A module that fails
 * to compile is reported and the others still compile.
 */
import type { CompileWarning } from '../semantics/compileWarnings.js';
import { compile } from '../compile.js';
import type { SourceMap } from '../codegen.js';
import { PySyntaxError } from '../diagnostics.js';
import { decodeSource } from '../parser/sourceDecoding.js';
import { outputPath } from './names.js';
import type { FileResolver } from './resolver.js';
import type { JsModuleMap } from './jsModules.js';

export interface ProgramModule {
  /** The dotted name (`__main__` for `pyasync run`'s entry). */
  readonly name: string;
  readonly isPackage: boolean;
  /** The .py file; null for a namespace package (compiled as an empty module). */
  readonly path: string | null;
  /** Where the compiled module goes, relative to the output root, without extension (default: from the name). */
  readonly outPath?: string;
}

export interface CompiledModule extends ProgramModule {
  readonly outPath: string;
  readonly code: string;
  readonly map: SourceMap;
  /** The SyntaxWarnings CPython's compiler issues for the module. */
  readonly warnings: readonly CompileWarning[];
}

export interface FailedModule extends ProgramModule {
  readonly error: PySyntaxError;
  /** The file's bytes, for CPython's column rules in the error display. */
  readonly bytes: Uint8Array;
}

export interface ProgramOptions {
  /** The runtime's specifier. */
  runtime: string;
  /** The extension of compiled modules (in specifiers and file names). */
  extension: string;
  /** How a .py path is named in errors and source maps. */
  displayName(path: string): string;
  /** A module's `__file__` (default: its display name). */
  file?(path: string): string;
  /** ES modules imported by name (compile.ts, `jsModules`). */
  jsModules?: JsModuleMap;
  /** The entry modules (the roots) may use top-level await (compile.ts `topLevelAwait`); imported ones may not, as in CPython. */
  topLevelAwait?: boolean;
}

export interface ProgramResult {
  modules: CompiledModule[];
  failures: FailedModule[];
}

export function compileProgram(resolver: FileResolver, roots: readonly ProgramModule[], options: ProgramOptions): ProgramResult {
  const modules: CompiledModule[] = [];
  const failures: FailedModule[] = [];
  const seen = new Set(roots.map((r) => r.name));
  const queue = [...roots];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const module = next;
    const outPath = module.outPath ?? outputPath(module.name, module.isPackage);
    const bytes = module.path === null ? new Uint8Array() : resolver.read(module.path);
    const filename = module.path === null ? `${outPath}.py` : options.displayName(module.path);
    let result;
    try {
      const source = decodeSource(bytes, filename);
      result = compile(source, {
        filename,
        moduleName: module.name,
        isPackage: module.isPackage,
        runtime: options.runtime,
        resolver,
        extension: options.extension,
        file: module.path === null ? null : options.file ? options.file(module.path) : filename,
        jsModules: options.jsModules,
        topLevelAwait: options.topLevelAwait === true && roots.some((r) => r.name === module.name),
      });
    } catch (error) {
      if (!(error instanceof PySyntaxError)) throw error;
      failures.push({ ...module, error, bytes });
      continue;
    }
    modules.push({ ...module, outPath, code: result.code, map: result.map, warnings: result.warnings });
    for (const name of result.imports) {
      if (seen.has(name)) continue;
      seen.add(name);
      const found = resolver.find(name);
      if (found?.kind === 'source') queue.push({ name, isPackage: found.isPackage, path: found.path });
    }
  }
  return { modules, failures };
}
