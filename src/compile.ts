/**
 * `compile`: Python source to an ES module and its source map.
 * source → parse → check (CPython's compile-time errors, and the symbol
 * table) → transform (Babel AST) → generate.
 */
import { parse } from './parser/parser.js';
import { analyze } from './semantics/checks.js';
import type { CompileWarning } from './semantics/compileWarnings.js';
import { transformModule } from './transform/index.js';
import { generateCode, type SourceMap } from './codegen.js';
import { assumingResolver, type ModuleResolver } from './modules/resolver.js';
import { withJsModules, type JsModuleMap } from './modules/jsModules.js';

export interface CompileOptions {
  /** The .py file's name, for errors and the source map. */
  filename?: string;
  /** The module's dotted name (default: the file's name without `.py`); `__name__` is `"__main__"` in the program's entry. */
  moduleName?: string;
  /** The specifier compiled code imports the runtime from. Default `pyasync/runtime`. */
  runtime?: string;
  /** Whether the file is a package's `__init__.py` (default: from the file's name); its relative imports start from itself. */
  isPackage?: boolean;
  /**
   * How imported modules are found (src/modules/resolver.ts: `FileResolver`
   * looks under the program's folder and reports a missing module or name
   * at compile time). Default: the runtime's modules, and any other name
   * taken to be a module of the program, unchecked.
   */
  resolver?: ModuleResolver;
  /** The extension in the specifiers of other compiled modules (`./m.js`). Default `.js`. */
  extension?: string;
  /** The module's `__file__`. Default: `filename`. */
  file?: string | null;
  /**
   * ES modules Python code imports by name (`{ fs: 'node:fs' }`: `import fs`,
   * `from fs import readFileSync`), as static ES imports of the specifiers;
   * their values are JS values (README, "JavaScript interop").
   */
  jsModules?: JsModuleMap;
  /**
   * Accept `await`, `async for` and `async with` at module level, compiled to
   * ES-module top-level await (CPython's `ast.PyCF_ALLOW_TOP_LEVEL_AWAIT`;
   * the CLI's `--top-level-await`). Without it they are CPython's SyntaxError.
   */
  topLevelAwait?: boolean;
}

export interface CompileResult {
  code: string;
  map: SourceMap;
  /** The program's modules this one imports (absolute dotted names), to compile them too. */
  imports: string[];
  /** The SyntaxWarnings CPython's compiler would issue (`x is 1`…), in its order; the CLI prints them as warnings.py does. */
  warnings: CompileWarning[];
}

/** `m.py` is `m`; `pkg/__init__.py` is `pkg`. */
function defaultModuleName(filename: string): string {
  const parts = filename.split(/[\\/]/);
  const base = parts.pop() ?? filename;
  if (base === '__init__.py' && parts.length > 0) return parts.pop()!;
  return base.endsWith('.py') ? base.slice(0, -3) : base;
}

export function compile(source: string, options: CompileOptions = {}): CompileResult {
  const filename = options.filename ?? '<unknown>';
  const tree = parse(source, { filename });
  const warnings: CompileWarning[] = [];
  const symbols = analyze(tree, filename, source, { allowTopLevelAwait: options.topLevelAwait === true, warnings });
  const { program, dependencies } = transformModule(tree, symbols, {
    filename,
    source,
    moduleName: options.moduleName ?? defaultModuleName(filename),
    runtime: options.runtime ?? 'pyasync/runtime',
    isPackage: options.isPackage ?? /(^|[\\/])__init__\.py$/.test(filename),
    resolver: withJsModules(options.resolver ?? assumingResolver, options.jsModules),
    extension: options.extension ?? '.js',
    file: options.file === undefined ? filename : options.file,
    topLevelAwait: options.topLevelAwait === true,
  });
  return { ...generateCode(program, filename, source), imports: dependencies, warnings };
}
