/**
 * The checks CPython runs when compiling a tree the parser accepted:
 * `compile(src, filename, 'exec')` after `ast.parse(src)` succeeded. In
 * CPython's order: future imports (future.c), the symbol table's two
 * passes (symtable.c), then the code generator (compile.c). The first
 * error is thrown as the PySyntaxError CPython raises.
 */
import type { Module } from '../ast/nodes.js';
import { checkFutureImports } from './future.js';
import { buildSymbolTable } from './scopeBuilder.js';
import { analyzeScopes } from './scopeAnalysis.js';
import { checkCodegen } from './compileChecks.js';
import { Reporter } from './report.js';
import type { SymbolTable } from './scopes.js';
import type { CompileWarning } from './compileWarnings.js';

export interface CheckOptions {
  /** Accept top-level `await`, `async for`, `async with` (CPython's ast.PyCF_ALLOW_TOP_LEVEL_AWAIT). */
  allowTopLevelAwait?: boolean;
  /** Receives the SyntaxWarnings the code generator's checks issue (compileWarnings.ts). */
  warnings?: CompileWarning[];
}

export function check(tree: Module, filename: string, source: string, options: CheckOptions = {}): void {
  analyze(tree, filename, source, options);
}

/** `check`, returning the symbol table it built (the compiler's transform reads it). */
export function analyze(tree: Module, filename: string, source: string, options: CheckOptions = {}): SymbolTable {
  const reporter = new Reporter(filename, source);
  const future = checkFutureImports(tree, reporter);
  const symbols = buildSymbolTable(tree, future.annotations, reporter);
  analyzeScopes(symbols.top, reporter);
  checkCodegen(tree, symbols, future, { allowTopLevelAwait: options.allowTopLevelAwait === true }, reporter);
  options.warnings?.push(...reporter.warnings);
  return symbols;
}
