/**
 * `compile`: Python source to an ES module and its source map.
 * source → parse → check (CPython's compile-time errors, and the symbol
 * table) → transform (Babel AST) → generate.
 */
import { parse } from './parser/parser.js';
import { analyze } from './semantics/checks.js';
import { transformModule } from './transform/index.js';
import { generateCode, type SourceMap } from './codegen.js';

export interface CompileOptions {
  /** The .py file's name, for errors and the source map. */
  filename?: string;
  /** The module's dotted name (default: the file's name without `.py`); `__name__` is `"__main__"` in the program's entry. */
  moduleName?: string;
  /** The specifier compiled code imports the runtime from. Default `pyasync/runtime`. */
  runtime?: string;
}

export interface CompileResult {
  code: string;
  map: SourceMap;
}

function defaultModuleName(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? filename;
  return base.endsWith('.py') ? base.slice(0, -3) : base;
}

export function compile(source: string, options: CompileOptions = {}): CompileResult {
  const filename = options.filename ?? '<unknown>';
  const tree = parse(source, { filename });
  const symbols = analyze(tree, filename, source);
  const program = transformModule(tree, symbols, {
    filename,
    source,
    moduleName: options.moduleName ?? defaultModuleName(filename),
    runtime: options.runtime ?? 'pyasync/runtime',
  });
  return generateCode(program, filename, source);
}
