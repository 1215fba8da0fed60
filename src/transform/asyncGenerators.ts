/**
 * Async generators (PEP 525) and asynchronous generator expressions (PEP 530).
 *
 * `async def f(a): … yield x …` is a Python function returning an async
 * generator object around a native JS async generator holding the body:
 *
 *     f = $asyncGenDef($def(function f(a) { return $asyncGenerator(async function* () {…}, "f"); }, "a", "f", __name__, 1));
 *
 * `await e` inside is the coroutine's `$un(await $aw(e))` (async.ts);
 * `yield x` is `yield $box(x)`: a JS async generator awaits what it
 * yields, and a Future must reach the consumer as a value, not be adopted.
 * `(expr async for x in it)` and `(await g(x) for x in xs)` become the same
 * kind of function over `$iter`, the outermost iterable, evaluated (and
 * `__aiter__`'d or iter()'d) where the expression stands.
 */
import * as t from './build.js';
import { quoted } from './quoted.js';
import type * as py from '../ast/nodes.js';
import { jsName, type TransformContext } from './context.js';
import { assignTo, call, condition, expression } from './expressions.js';
import { functionExpression, localNames } from './functions.js';
import { asyncComprehensionLoop, returnValue } from './async.js';

/** `async def` whose body yields. */
export function AsyncGeneratorDef(node: py.AsyncFunctionDef, ctx: TransformContext): t.Statement[] {
  let value: t.Expression = functionExpression(node as unknown as py.FunctionDef, node.name, node.body, ctx);
  value = call(ctx.rt('asyncGenDef'), [value]);
  for (let i = node.decorator_list.length - 1; i >= 0; i--) value = call(expression(node.decorator_list[i]!, ctx), [value]);
  return [t.expressionStatement(t.assignmentExpression('=', ctx.boundName(node, node.name, 'def'), value))];
}

/** generators.ts hands over the body of a generator function that is also a coroutine. */
export function asyncGeneratorFunctionBody(node: py.FunctionDef | py.Lambda, body: t.Statement[], ctx: TransformContext): t.Statement[] {
  const qualname = ctx.qualname(node.nodeType === 'Lambda' ? '<lambda>' : node.name);
  const fn = t.functionExpression(null, [], t.blockStatement(body), true, true);
  return [t.returnStatement(call(ctx.rt('asyncGenerator'), [fn, quoted(qualname)]))];
}

/** `yield x` in an async generator. */
export function asyncYield(node: py.Yield, ctx: TransformContext): t.Expression {
  return t.yieldExpression(node.value ? returnValue(expression(node.value, ctx), ctx) : t.nullLiteral());
}

/** Whether a generator expression is asynchronous (an `async for` clause or an `await` inside). */
export function isAsyncGeneratorExp(node: py.GeneratorExp, ctx: TransformContext): boolean {
  return ctx.symbols.scopes.get(node)?.isCoroutine === true;
}

/**
 * `(elt async for x in it if c for y in ys)`:
 *
 *     $asyncGenerator(async function* ($iter) {
 *       for (;;) { let $item0; try { $item0 = $un(await $asyncForNext($iter)); } catch … ; x = $item0;
 *         if (c) for (const $item1 of $iterate(ys)) { y = $item1; yield $box(elt); } }
 *     }, "<genexpr>", $asyncForIter(it))
 */
export function asyncGeneratorExp(node: py.GeneratorExp, ctx: TransformContext): t.Expression {
  const generators = node.generators;
  // An async clause over a call owns the generator the call made: dropped (finalized) when the clause's loop ends.
  const owns = (g: py.comprehension): boolean => g.is_async !== 0 && isFreshIterable(g.iter);
  const iterableOf = (g: py.comprehension): t.Expression => owns(g)
    ? freshAsyncIterator(expression(g.iter, ctx), ctx)
    : call(ctx.rt(g.is_async ? 'asyncForIter' : 'iterate'), [expression(g.iter, ctx)]);
  const outer = iterableOf(generators[0]!);
  const source = t.identifier('$iter');
  const qualname = ctx.qualname('<genexpr>');
  const { result, temps } = ctx.inComprehension(node, qualname, () => {
    let body: t.Statement = t.expressionStatement(t.yieldExpression(returnValue(expression(node.elt, ctx), ctx)));
    for (let i = generators.length - 1; i >= 0; i--) {
      const g = generators[i]!;
      for (let j = g.ifs.length - 1; j >= 0; j--) body = t.ifStatement(condition(g.ifs[j]!, ctx), body);
      const item = t.identifier(`$item${i}`);
      const loopBody = [t.expressionStatement(assignTo(g.target, item, ctx)), body];
      if (g.is_async) {
        if (i === 0) {
          body = asyncComprehensionLoop(source, item, loopBody, ctx);
          if (owns(g)) body = dropAfterLoop(source, [body], ctx);
        } else {
          const iterator = ctx.temp();
          const loop = asyncComprehensionLoop(iterator, item, loopBody, ctx);
          body = t.blockStatement([
            t.expressionStatement(t.assignmentExpression('=', iterator, iterableOf(g))),
            owns(g) ? dropAfterLoop(iterator, [loop], ctx) : loop,
          ]);
        }
      } else {
        body = t.forOfStatement(
          t.variableDeclaration('const', [t.variableDeclarator(item)]),
          i === 0 ? source : iterableOf(g),
          t.blockStatement(loopBody),
        );
      }
    }
    return body;
  });
  const names = [...localNames(ctx.symbols.scopes.get(node)!).map((n) => t.identifier(jsName(n))), ...temps];
  const declarations = names.length > 0 ? [t.variableDeclaration('let', names.map((n) => t.variableDeclarator(n)))] : [];
  const fn = t.functionExpression(null, [source], t.blockStatement([...declarations, result]), true, true);
  return call(ctx.rt('asyncGenerator'), [fn, quoted(qualname), outer]);
}

/**
 * `async for x in agen(): … break`: in CPython the generator, referenced by
 * the loop alone, is finalized when the loop ends, and the event loop's
 * finalizer hook schedules its `aclose()` at once. A loop over a call or a
 * generator expression does the same here with the generator the call made
 * (runtime: asyncForFresh notes it, asyncForDrop hands it to the hook):
 *
 *     $1 = $asyncForFresh($agSerial(), agen());
 *     try { for (;;) {…} } finally { $asyncForDrop($1); }
 */
export function isFreshIterable(iter: py.expr): boolean {
  return iter.nodeType === 'Call' || iter.nodeType === 'GeneratorExp';
}

export function freshAsyncIterator(iterable: t.Expression, ctx: TransformContext): t.Expression {
  return call(ctx.rt('asyncForFresh'), [call(ctx.rt('agSerial'), []), iterable]);
}

export function dropAfterLoop(iterator: t.Identifier, loop: t.Statement[], ctx: TransformContext): t.Statement {
  return t.tryStatement(t.blockStatement(loop), null, t.blockStatement([t.expressionStatement(call(ctx.rt('asyncForDrop'), [iterator]))]));
}
