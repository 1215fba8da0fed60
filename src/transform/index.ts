/**
 * A Python module to a Babel `Program`: an ES module that imports what it
 * uses from the runtime, declares its module-level names with `let`, and
 * exports them (Python modules are namespaces of their globals).
 */
import * as t from '@babel/types';
import type { Module } from '../ast/nodes.js';
import type { SymbolTable } from '../semantics/scopes.js';
import { DEF_GLOBAL, DEF_IMPORT, DEF_LOCAL } from '../semantics/scopes.js';
import { jsName, TransformContext } from './context.js';
import { statements } from './statements.js';

export interface TransformOptions {
  filename: string;
  source: string;
  /** The module's dotted name; `__name__` is `"__main__"` instead when it is the program's entry. */
  moduleName: string;
  /** How the module imports the runtime. */
  runtime: string;
}

export function transformModule(tree: Module, symbols: SymbolTable, options: TransformOptions): t.Program {
  const ctx = new TransformContext(options.filename, options.source, symbols);
  const body = statements(tree.body, ctx);
  const importMetaUrl = t.memberExpression(t.metaProperty(t.identifier('import'), t.identifier('meta')), t.identifier('url'));
  const nameOf = t.callExpression(ctx.rt('moduleName'), [importMetaUrl, t.stringLiteral(options.moduleName)]);
  const globals = moduleGlobals(symbols);
  const declarations = [
    ...globals.map((name) => t.variableDeclarator(t.identifier(jsName(name)))),
    ...ctx.moduleTemps().map((tmp) => t.variableDeclarator(tmp)),
  ];
  const header: t.Statement[] = [];
  const imports = [...ctx.runtimeImports].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (imports.length > 0) {
    header.push(t.importDeclaration(
      imports.map(([local, name]) => t.importSpecifier(t.identifier(local), t.identifier(name))),
      t.stringLiteral(options.runtime),
    ));
  }
  header.push(t.variableDeclaration('const', [t.variableDeclarator(t.identifier('__name__'), nameOf)]));
  if (declarations.length > 0) header.push(t.variableDeclaration('let', declarations));
  const exported = globals.map((name) => t.exportSpecifier(t.identifier(jsName(name)), t.identifier(name)));
  const footer = exported.length > 0 ? [t.exportNamedDeclaration(null, exported)] : [];
  return t.program([...header, ...body, ...footer], [], 'module');
}

/** The module's global names: bound at module level, or declared `global` and bound in a function. */
function moduleGlobals(symbols: SymbolTable): string[] {
  const names = new Set<string>();
  for (const [name, flags] of symbols.top.symbols) if (flags & (DEF_LOCAL | DEF_IMPORT)) names.add(name);
  const visit = (scope: SymbolTable['top']): void => {
    for (const [name, flags] of scope.symbols) if (flags & DEF_GLOBAL && flags & DEF_LOCAL) names.add(name);
    scope.children.forEach(visit);
  };
  symbols.top.children.forEach(visit);
  names.delete('__name__');
  return [...names];
}
