/**
 * `with a as x, b as y: body` — one manager at a time, each wrapping the
 * rest (CPython nests them the same way):
 *
 *     $1 = a;
 *     $2 = $withExit($1);          // __exit__, bound (TypeError if no context manager)
 *     $3 = $withEnter($1);         // __enter__()
 *     $4 = true;                   // __exit__ still to be called with Nones
 *     try {
 *       x = $3;                    // inside: a failing unpacking goes to __exit__
 *       …
 *     } catch ($error) {
 *       $4 = false;
 *       $withError($2, $error);    // __exit__(type, value, None); re-raises unless it returned true
 *     } finally {
 *       if ($4) $2(null, null, null);
 *     }
 *
 * `finally` also covers `return`, `break` and `continue` leaving the body.
 */
import * as t from './build.js';
import type * as py from '../ast/nodes.js';
import type { TransformContext } from './context.js';
import { assignTo, call, expression } from './expressions.js';
import { statements } from './statements.js';
import { suspensionMark, withUnseen } from './unseenTracebacks.js';

export function With(node: py.With, ctx: TransformContext): t.Statement[] {
  const mark = suspensionMark();
  // `__exit__` sees the traceback of what the body raises: none of it is unseen (unseenTracebacks.ts).
  return withUnseen(withItems(node, 0, ctx, SYNC), null, mark, ctx);
}

/** How a `with` statement reaches its manager: directly, or (`async with`) awaiting `__aenter__`/`__aexit__`. */
export interface WithProtocol {
  readonly exit: string;
  readonly enter: string;
  readonly error: string;
  /** The result of calling `__enter__`/`__exit__` (awaited for `async with`). */
  settle(call: t.Expression, ctx: TransformContext, node: py.With | py.AsyncWith): t.Expression;
  /** The error path's call (awaited for `async with`). */
  settleError(call: t.Expression, ctx: TransformContext, node: py.With | py.AsyncWith): t.Expression;
}

const SYNC: WithProtocol = { exit: 'withExit', enter: 'withEnter', error: 'withError', settle: (e) => e, settleError: (e) => e };

export function withItems(node: py.With | py.AsyncWith, index: number, ctx: TransformContext, protocol: WithProtocol): t.Statement[] {
  const { items, body } = node;
  const item = items[index]!;
  const manager = ctx.temp();
  const exit = ctx.temp();
  const out: t.Statement[] = [
    t.expressionStatement(t.assignmentExpression('=', manager, expression(item.context_expr, ctx))),
    t.expressionStatement(t.assignmentExpression('=', exit, call(ctx.rt(protocol.exit), [manager]))),
  ];
  const enter = protocol.settle(call(ctx.rt(protocol.enter), [manager]), ctx, node);
  const value = item.optional_vars ? ctx.temp() : null;
  out.push(t.expressionStatement(value ? t.assignmentExpression('=', value, enter) : enter));
  const pending = ctx.temp();
  const inner: t.Statement[] = [];
  if (item.optional_vars && value !== null) inner.push(t.expressionStatement(assignTo(item.optional_vars, value, ctx)));
  inner.push(...(index + 1 < items.length ? withItems(node, index + 1, ctx, protocol) : statements(body, ctx)));
  const error = t.identifier('$error');
  out.push(
    t.expressionStatement(t.assignmentExpression('=', pending, t.booleanLiteral(true))),
    t.tryStatement(
      t.blockStatement(inner),
      t.catchClause(error, t.blockStatement([
        t.expressionStatement(t.assignmentExpression('=', pending, t.booleanLiteral(false))),
        // CPython 3.11 runs every item's __exit__ at the `with` statement's position: its frame shows that line.
        t.expressionStatement(protocol.settleError(ctx.at(node, call(ctx.rt(protocol.error), [exit, error])), ctx, node)),
      ])),
      t.blockStatement([t.ifStatement(pending, t.expressionStatement(ctx.at(node, protocol.settle(ctx.at(node, call(exit, [t.nullLiteral(), t.nullLiteral(), t.nullLiteral()])), ctx, node))))]),
    ),
  );
  return out;
}
