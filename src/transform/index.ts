/**
 * A Python module to a Babel `Program`: an ES module that imports what it
 * uses from the runtime and the modules it imports, declares its
 * module-level names with `var`, and exports them: the ES namespace object
 * is the Python module object. `var`, because a module caught in an import
 * cycle may be read before its body ran: its names are then `undefined`
 * (not yet bound, as in Python) rather than a TDZ ReferenceError.
 */
import * as t from './build.js';
import type { Module } from '../ast/nodes.js';
import type { SymbolTable } from '../semantics/scopes.js';
import { DEF_GLOBAL, DEF_IMPORT, DEF_LOCAL } from '../semantics/scopes.js';
import { jsName, TransformContext } from './context.js';
import { statement } from './statements.js';
import { allowTopLevelAwait } from './async.js';
import { scopeBody } from './bindings.js';
import { beginImports, moduleDependencies, moduleImports } from './imports.js';
import type { ModuleResolver } from '../modules/resolver.js';
import { moduleDunders, packageOf } from '../modules/names.js';
import { printAround } from '../codegen.js';
import { runtimeImport, runtimeImportLines, runtimeImportText } from './moduleHeader.js';
import { runtimeModuleSpecifier } from '../modules/runtimeModules.js';
import { footerDeclarations, footerText } from './moduleFooter.js';
import { GLOBALS_FUNCTION, globalsFunction } from './globalsCall.js';
import { moduleVarsDeclaration } from './moduleVars.js';
import { preambleText, preambleTrees, type Preamble } from './modulePreamble.js';

export interface TransformOptions {
  filename: string;
  source: string;
  /** The module's dotted name; `__name__` is `"__main__"` instead when it is the program's entry. */
  moduleName: string;
  /** How the module imports the runtime. */
  runtime: string;
  /** Whether the module is a package's `__init__.py`. */
  isPackage: boolean;
  /** How the modules it imports are found. */
  resolver: ModuleResolver;
  /** The extension of compiled modules in import specifiers. */
  extension: string;
  /** `__file__`. */
  file: string | null;
  /** Module-level `await`/`async for`/`async with` compile to ES-module top-level await. */
  topLevelAwait?: boolean;
}

export interface TransformResult {
  /** Print it with src/codegen.ts's `generateCode`: the module's runtime import, attribute helpers and footer come as text (see `printAround`), beside the tree. */
  program: t.Program;
  /** The program's modules this one imports (absolute dotted names). */
  dependencies: string[];
  /** The header and footer `program` is printed between, as trees: for tests of the nodes the transform makes. */
  frame(): { header: t.Statement[]; footer: t.Statement[] };
}

/** The attributes of a traceback object that need its frames (runtime/modules/support/frames.ts). */
const TRACEBACK_ENTRIES = ['tb_frame', 'tb_lineno', 'tb_next'];

export function transformModule(tree: Module, symbols: SymbolTable, options: TransformOptions): TransformResult {
  const ctx = new TransformContext(options.filename, options.source, symbols);
  ctx.module = tree;
  if (options.topLevelAwait === true) allowTopLevelAwait(ctx);
  beginImports(ctx, tree, options);
  const body = scopeBody(tree.body, [], ctx, (s) => statement(s, ctx));
  const modules = moduleImports(ctx);
  // Generated before the runtime import is written: the helpers use runtime exports too.
  const helpers = ctx.attributes.declarations();
  const moduleNameHelper = ctx.rt('moduleName').name;
  const globals = moduleGlobals(symbols, options.isPackage);
  // enum.global_enum exports the members to the module's globals (`sys.modules[cls.__module__].__dict__`).
  // The entry module's globals are found by name (unittest.mock.patch('__main__.f')); other modules register their namespace (imports.ts).
  if (/\bglobal_enum\b/.test(options.source) || (options.moduleName === '__main__' && /\bmock\b/.test(options.source))) {
    ctx.registersGlobals = true;
    ctx.usesGlobals = true;
  }
  if (ctx.usesGlobals) body.push(globalsFunction(ctx, moduleDunders(options.isPackage), globals));
  if (ctx.hiddenGlobals.size > 0) body.unshift(moduleVarsDeclaration(ctx, new Set(globals))!);
  // First in the body (the function is hoisted), so that a class made by the module's code can be resolved at once.
  if (ctx.registersGlobals) body.unshift(t.expressionStatement(t.callExpression(ctx.rt('registerGlobals'), [t.identifier('__name__'), t.identifier(GLOBALS_FUNCTION)])));
  const declared = globals.map(jsName);
  for (const tmp of ctx.moduleTemps()) declared.push(tmp.name);
  // Before the runtime import is written: its dunders' values call the runtime.
  const preamble: Preamble = {
    // A traceback's entries come from the source-mapped frames: loaded before the module's code runs.
    imports: TRACEBACK_ENTRIES.some((name) => ctx.attributes.reads(name))
      ? [{ local: null, specifier: runtimeModuleSpecifier(options.runtime, 'support/frames') }, ...modules.imports]
      : modules.imports,
    moduleName: options.moduleName,
    file: options.file,
    doc: moduleDocstring(tree),
    isPackage: options.isPackage,
    package: packageOf(options.moduleName, options.isPackage) ?? '',
    declared,
    submodule: modules.submodule,
    helpers: { moduleName: moduleNameHelper, moduleLoader: ctx.rt('moduleLoader').name, moduleSpec: ctx.rt('moduleSpec').name },
  };
  const runtimeImports = sortedEntries(ctx.runtimeImports);
  const program = t.program(body, [], 'module');
  // The runtime import, the helpers, the preamble and the footer come already printed (the first two from texts
  // printed once per name): they map to no source.
  const exported = [...moduleDunders(options.isPackage), ...globals];
  const footer = footerText(globals, exported);
  // The helpers right after the runtime import: they are constants, which must be initialised before the module's code runs.
  // With its line count, which the source map needs: known here without reading the joined text.
  const start = preambleText(preamble);
  let head = runtimeImportText(runtimeImports, options.runtime);
  let headLines = runtimeImportLines(runtimeImports);
  if (helpers.text !== '') {
    head = `${head}\n${helpers.text}`;
    headLines += helpers.lines;
  }
  printAround(program, head === '' ? start.text : `${head}\n${start.text}`, head === '' ? start.lines : headLines + start.lines, footer);
  const frame = (): { header: t.Statement[]; footer: t.Statement[] } => ({
    header: [...runtimeImport(runtimeImports, options.runtime), ...ctx.attributes.trees(), ...preambleTrees(preamble)],
    footer: footerDeclarations(globals, exported),
  });
  return { program, dependencies: moduleDependencies(ctx), frame };
}

/** The module's docstring: its first statement's string, if that is one. */
function moduleDocstring(tree: Module): string | null {
  const first = tree.body[0];
  return first?.nodeType === 'Expr' && first.value.nodeType === 'Constant' && typeof first.value.value === 'string' ? first.value.value : null;
}

/** The module's global names: bound at module level, or declared `global` and bound in a function. */
function moduleGlobals(symbols: SymbolTable, isPackage: boolean): string[] {
  const names = new Set<string>();
  // forEach rather than for-of over entries: that makes a [name, flags] pair per symbol, even optimized.
  symbols.top.symbols.forEach((flags, name) => {
    if (flags & (DEF_LOCAL | DEF_IMPORT)) names.add(name);
  });
  const visit = (scope: SymbolTable['top']): void => {
    scope.symbols.forEach((flags, name) => {
      // Bound by assignment or by an import (`global m; import math as m`).
      if (flags & DEF_GLOBAL && flags & (DEF_LOCAL | DEF_IMPORT)) names.add(name);
    });
    scope.children.forEach(visit);
  };
  symbols.top.children.forEach(visit);
  // Declared (and exported) with their first values.
  for (const name of moduleDunders(isPackage)) names.delete(name);
  return [...names];
}

/**
 * A map's entries sorted by key (code unit order, as `<` compares strings):
 * the keys sorted by the builtin comparison, which a comparator function
 * called per pair of entries costs several times more than.
 */
function sortedEntries(map: ReadonlyMap<string, string>): [string, string][] {
  const keys = [...map.keys()].sort();
  const entries: [string, string][] = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) entries[i] = [keys[i]!, map.get(keys[i]!)!];
  return entries;
}
