/**
 * `def` and `lambda`: JS functions whose parameters are the Python
 * parameters. Defaults are evaluated once, where the `def` runs, into
 * temporaries the JS default values refer to; a missing argument arrives as
 * `undefined` (None is `null`), so JS's defaults apply exactly when Python's
 * would. Every name the function binds is declared with `let` at its top.
 */
import * as t from '@babel/types';
import type * as py from '../ast/nodes.js';
import { jsName, type TransformContext } from './context.js';
import { expression } from './expressions.js';
import { statements } from './statements.js';
import { generatorFunctionBody } from './generators.js';
import { DEF_GLOBAL, DEF_IMPORT, DEF_LOCAL, DEF_NONLOCAL, DEF_PARAM, type Scope } from '../semantics/scopes.js';

export function functionExpression(
  node: py.FunctionDef | py.Lambda,
  name: string | null,
  body: py.stmt[],
  ctx: TransformContext,
): t.Expression {
  const args = node.args;
  if (args.kwonlyargs.length > 0 || args.kwarg !== null) ctx.unsupported('keyword-only parameters and **kwargs', node);
  // Defaults are evaluated in the enclosing scope, before the function exists.
  const positional = [...args.posonlyargs, ...args.args];
  const firstDefault = positional.length - args.defaults.length;
  // Each evaluation of the `def` gets its own defaults: an arrow function
  // receives them (`(($d0) => function f(a = $d0) {…})(1)`), so closures made
  // in a loop do not share them.
  const defaults = args.defaults.map((d, i) => ({ tmp: t.identifier(`$d${i}`), value: expression(d, ctx) }));
  const { result, temps } = ctx.inScope(node, () => {
    const params: (t.Identifier | t.AssignmentPattern | t.RestElement)[] = positional.map((a, i) => {
      const id = ctx.at(a, t.identifier(jsName(a.arg)));
      return i >= firstDefault ? t.assignmentPattern(id, defaults[i - firstDefault]!.tmp) : id;
    });
    const prologue: t.Statement[] = [];
    if (args.vararg) {
      const rest = t.identifier(jsName(args.vararg.arg));
      params.push(t.restElement(rest));
      prologue.push(t.expressionStatement(t.assignmentExpression('=', rest, t.callExpression(ctx.rt('tupleFrom'), [rest]))));
    }
    return { params, prologue, body: statements(body, ctx) };
  });
  const locals = localNames(ctx.symbols.scopes.get(node)!);
  const declarations = [...locals.map((n) => t.identifier(jsName(n))), ...temps];
  const inner = [
    ...(declarations.length ? [t.variableDeclaration('let', declarations.map((d) => t.variableDeclarator(d)))] : []),
    ...result.body,
  ];
  const scope = ctx.symbols.scopes.get(node)!;
  // The argument checks run at the call; a generator's body waits for its first `next()`.
  const block = t.blockStatement([...result.prologue, ...(scope.isGenerator ? generatorFunctionBody(node, inner, ctx) : inner)]);
  const fn = t.functionExpression(name === null ? null : ctx.nameAt(node, name, 'def'), result.params, block);
  // The signature, for calls with keywords: `$def(function f(a, b = $1) {…}, "a, b=")`.
  const defined = positional.length > 0 || args.vararg ? t.callExpression(ctx.rt('def'), [fn, t.stringLiteral(signature(args))]) : fn;
  if (defaults.length === 0) return defined;
  return t.callExpression(t.arrowFunctionExpression(defaults.map((d) => d.tmp), defined), defaults.map((d) => d.value));
}

/** The parameters as `$def` reads them: `"a, b=, /, c, *args"`. */
function signature(args: py.arguments): string {
  const parts: string[] = [];
  const positional = [...args.posonlyargs, ...args.args];
  const firstDefault = positional.length - args.defaults.length;
  positional.forEach((a, i) => {
    parts.push(i >= firstDefault ? `${a.arg}=` : a.arg);
    if (i === args.posonlyargs.length - 1) parts.push('/');
  });
  if (args.vararg) parts.push(`*${args.vararg.arg}`);
  return parts.join(', ');
}

/** Names a function binds that are its own (not parameters, not global or nonlocal). */
export function localNames(scope: Scope): string[] {
  const names: string[] = [];
  for (const [name, flags] of scope.symbols) {
    if (flags & DEF_PARAM) continue;
    if (flags & (DEF_GLOBAL | DEF_NONLOCAL)) continue;
    if (flags & (DEF_LOCAL | DEF_IMPORT)) names.push(name);
  }
  return names;
}
