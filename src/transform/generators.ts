/**
 * Generators. A generator function's body becomes a JS generator function
 * that the runtime wraps in a Python generator object when the function is
 * called: `function f(a) { return $generator(function* () {…}, "f"); }`.
 * `yield x` is JS's `yield x` (the runtime passes None as the value of a
 * `yield` resumed by `next()`), and `yield from x` is
 * `yield* $yieldFrom(x)`, which forwards send/throw/close as PEP 380 says
 * and gives back x's return value. A generator expression is a generator
 * function of its own scope, whose outermost iterable is evaluated where
 * the expression is and passed in as `$iter`.
 */
import * as t from './build.js';
import { quoted } from './quoted.js';
import type * as py from '../ast/nodes.js';
import type { TransformContext } from './context.js';
import { assignTo, condition, expression } from './expressions.js';
import { localsDeclaration } from './functions.js';
import { asyncGeneratorExp, asyncGeneratorFunctionBody, asyncYield, isAsyncGeneratorExp } from './asyncGenerators.js';

export function Yield(node: py.Yield, ctx: TransformContext): t.Expression {
  if (ctx.scope.isCoroutine) return asyncYield(node, ctx);
  return t.yieldExpression(node.value ? expression(node.value, ctx) : t.nullLiteral());
}

export function YieldFrom(node: py.YieldFrom, ctx: TransformContext): t.Expression {
  return t.yieldExpression(t.callExpression(ctx.rt('yieldFrom'), [expression(node.value, ctx)]), true);
}

export function GeneratorExp(node: py.GeneratorExp, ctx: TransformContext): t.Expression {
  if (isAsyncGeneratorExp(node, ctx)) return asyncGeneratorExp(node, ctx);
  const [first, ...rest] = node.generators;
  // The outermost iterable belongs to the enclosing scope and is evaluated (and iter()'d) at once.
  const outer = t.callExpression(ctx.rt('iterate'), [expression(first!.iter, ctx)]);
  const source = t.identifier('$iter');
  const qualname = ctx.qualname('<genexpr>');
  const { result, temps } = ctx.inComprehension(node, qualname, () => {
    let body: t.Statement = t.expressionStatement(t.yieldExpression(expression(node.elt, ctx)));
    for (let i = rest.length; i >= 0; i--) {
      const g = i === 0 ? first! : rest[i - 1]!;
      for (let j = g.ifs.length - 1; j >= 0; j--) body = t.ifStatement(condition(g.ifs[j]!, ctx), body);
      const item = t.identifier(`$item${i}`);
      const iterable = i === 0 ? source : t.callExpression(ctx.rt('iterate'), [expression(g.iter, ctx)]);
      body = t.forOfStatement(
        t.variableDeclaration('const', [t.variableDeclarator(item)]),
        iterable,
        t.blockStatement([t.expressionStatement(assignTo(g.target, item, ctx)), body]),
      );
    }
    return body;
  });
  const declarations = declare(node, temps, ctx);
  const fn = t.functionExpression(null, [source], t.blockStatement([...declarations, result]), true);
  return t.callExpression(ctx.rt('generator'), [fn, quoted(qualname), outer]);
}

/** The `let` declaring the names a scope binds and the temporaries its code uses. */
function declare(node: py.AST, temps: t.Identifier[], ctx: TransformContext): t.Statement[] {
  return localsDeclaration(ctx.symbols.scopes.get(node)!, temps);
}

/**
 * The body of a generator function: called by functions.ts with the
 * function's compiled body when its scope is a generator; returns the
 * statements the JS function runs when called.
 */
export function generatorFunctionBody(node: py.FunctionDef | py.Lambda, body: t.Statement[], ctx: TransformContext): t.Statement[] {
  if (ctx.symbols.scopes.get(node)?.isCoroutine) return asyncGeneratorFunctionBody(node, body, ctx);
  const qualname = ctx.qualname(node.nodeType === 'Lambda' ? '<lambda>' : node.name);
  const fn = t.functionExpression(null, [], t.blockStatement(body), true);
  return [t.returnStatement(t.callExpression(ctx.rt('generator'), [fn, quoted(qualname)]))];
}
