/**
 * A Python module to a Babel `Program`: an ES module that imports what it
 * uses from the runtime and the modules it imports, declares its
 * module-level names with `var`, and exports them: the ES namespace object
 * is the Python module object. `var`, because a module caught in an import
 * cycle may be read before its body ran: its names are then `undefined`
 * (not yet bound, as in Python) rather than a TDZ ReferenceError.
 */
import * as t from './build.js';
import { quoted } from './quoted.js';
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
  const importMetaUrl = t.memberExpression(t.metaProperty(t.identifier('import'), t.identifier('meta')), t.identifier('url'));
  const nameOf = t.callExpression(ctx.rt('moduleName'), [importMetaUrl, quoted(options.moduleName)]);
  const globals = moduleGlobals(symbols, options.isPackage);
  // enum.global_enum exports the members to the module's globals (`sys.modules[cls.__module__].__dict__`).
  if (/\bglobal_enum\b/.test(options.source)) {
    ctx.registersGlobals = true;
    ctx.usesGlobals = true;
  }
  if (ctx.usesGlobals) body.push(globalsFunction(ctx, moduleDunders(options.isPackage), globals));
  // First in the body (the function is hoisted), so that a class made by the module's code can be resolved at once.
  if (ctx.registersGlobals) body.unshift(t.expressionStatement(t.callExpression(ctx.rt('registerGlobals'), [t.identifier('__name__'), t.identifier(GLOBALS_FUNCTION)])));
  const declarations = [
    ...globals.map((name) => t.variableDeclarator(t.identifier(jsName(name)))),
    ...ctx.moduleTemps().map((tmp) => t.variableDeclarator(tmp)),
  ];
  // Before the runtime import is written: they call the runtime.
  const [named, documented, imported] = moduleDunderDeclarations(tree, options, nameOf, ctx);
  const header: t.Statement[] = [...modules.declarations];
  // A traceback's entries come from the source-mapped frames: loaded before the module's code runs.
  if (TRACEBACK_ENTRIES.some((name) => ctx.attributes.reads(name))) {
    header.unshift(t.importDeclaration([], quoted(runtimeModuleSpecifier(options.runtime, 'support/frames'))));
  }
  header.push(t.variableDeclaration('var', named));
  header.push(t.variableDeclaration('var', documented));
  header.push(t.variableDeclaration('var', imported));
  if (declarations.length > 0) header.push(t.variableDeclaration('var', declarations));
  header.push(...modules.prologue);
  const runtimeImports = sortedEntries(ctx.runtimeImports);
  const program = t.program([...header, ...body], [], 'module');
  // The runtime import, the helpers and the footer come already printed (texts printed once per name): they map to no source.
  const exported = [...moduleDunders(options.isPackage), ...globals];
  const footer = footerText(globals, exported);
  // The helpers right after the runtime import: they are constants, which must be initialised before the module's code runs.
  // With its line count, which the source map needs: known here without reading the joined text.
  const head = runtimeImportText(runtimeImports, options.runtime);
  const headLines = runtimeImportLines(runtimeImports);
  if (helpers.text === '') printAround(program, head, headLines, footer);
  else printAround(program, `${head}\n${helpers.text}`, headLines + helpers.lines, footer);
  const frame = (): { header: t.Statement[]; footer: t.Statement[] } => ({
    header: [...runtimeImport(runtimeImports, options.runtime), ...ctx.attributes.trees()],
    footer: footerDeclarations(globals, exported),
  });
  return { program, dependencies: moduleDependencies(ctx), frame };
}

/**
 * The module dunders (src/modules/names.ts), as CPython sets them before the
 * body runs: `__name__` and `__file__` in one declaration, `__doc__` and a
 * package's `__path__` in the next, then what the import system adds —
 * `__loader__`, `__spec__` (None in the entry module, `__main__`) and
 * `__package__` (None there too).
 */
function moduleDunderDeclarations(
  tree: Module, options: TransformOptions, nameOf: t.Expression, ctx: TransformContext,
): [t.VariableDeclarator[], t.VariableDeclarator[], t.VariableDeclarator[]] {
  const first = tree.body[0];
  const doc = first?.nodeType === 'Expr' && first.value.nodeType === 'Constant' && typeof first.value.value === 'string' ? first.value.value : null;
  const file = options.file;
  const named = [
    t.variableDeclarator(t.identifier('__name__'), nameOf),
    t.variableDeclarator(t.identifier('__file__'), file === null ? t.nullLiteral() : quoted(file)),
  ];
  const documented = [t.variableDeclarator(t.identifier('__doc__'), doc === null ? t.nullLiteral() : quoted(doc))];
  if (options.isPackage) {
    const cut = file === null ? -1 : Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
    const folder = file === null ? null : cut < 0 ? '.' : file.slice(0, cut);
    documented.push(t.variableDeclarator(t.identifier('__path__'), t.arrayExpression(folder === null ? [] : [quoted(folder)])));
  }
  const name = t.identifier('__name__');
  const pkg = packageOf(options.moduleName, options.isPackage) ?? '';
  const imported = [
    t.variableDeclarator(t.identifier('__loader__'), t.callExpression(ctx.rt('moduleLoader'), [name, t.identifier('__file__')])),
    t.variableDeclarator(t.identifier('__spec__'), t.callExpression(ctx.rt('moduleSpec'), [
      t.cloneNode(name), quoted(options.moduleName), t.identifier('__loader__'), ...(options.isPackage ? [t.identifier('__path__')] : []),
    ])),
    t.variableDeclarator(t.identifier('__package__'), t.conditionalExpression(
      t.binaryExpression('===', t.cloneNode(name), quoted('__main__')), t.nullLiteral(), quoted(pkg),
    )),
  ];
  return [named, documented, imported];
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
      if (flags & DEF_GLOBAL && flags & DEF_LOCAL) names.add(name);
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
