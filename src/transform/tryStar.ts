/**
 * `try: … except* T as e: …` (PEP 654). The `catch` hands the exception to
 * the runtime's ExceptStar, which gives each handler the part of the group
 * its types match (wrapping a naked exception in a group), collects what
 * the handlers raise, and finally throws what is left, combined as CPython
 * combines it:
 *
 *     } catch ($error) {
 *       $1 = $exceptStar($error);
 *       if (($2 = $1.match(ValueError)) !== null) {
 *         try { e = $2; … } catch ($error) { $1.raised($error); } finally { e = undefined; }
 *       }
 *       $1.reraise();
 *     }
 *
 * A bare `raise` in a handler throws its match again, which ExceptStar
 * recognises as re-raised (kept in the original group's structure).
 */
import * as t from './build.js';
import type * as py from '../ast/nodes.js';
import { unbindVariable, type TransformContext } from './context.js';
import { call, expression } from './expressions.js';
import { handlingStatements, statements } from './statements.js';
import { suspensionMark, withUnseen } from './unseenTracebacks.js';

export function TryStar(node: py.TryStar, ctx: TransformContext): t.Statement[] {
  const mark = suspensionMark();
  // Its handlers see exception groups, tracebacks included: no class is unseen in its body.
  const body = withUnseen(statements(node.body, ctx), null, mark, ctx);
  const state = ctx.temp();
  const error = t.identifier('$error');
  const method = (name: string, args: t.Expression[]): t.CallExpression => call(t.memberExpression(state, t.identifier(name)), args);
  const handlers = (node.handlers as py.ExceptHandler[]).map((h) => {
    const match = ctx.temp();
    // The grammar requires a type after `except*`.
    const test = t.binaryExpression('!==', t.assignmentExpression('=', match, method('match', [expression(h.type!, ctx)])), t.nullLiteral());
    const body: t.Statement[] = [];
    let unbind: t.BlockStatement | null = null;
    if (h.name) {
      body.push(t.expressionStatement(t.assignmentExpression('=', ctx.boundName(h, h.name, ' as'), match)));
      const target = ctx.variable(h.name);
      // The name is deleted when the handler ends, as in CPython.
      unbind = t.blockStatement([t.expressionStatement(
        unbindVariable(target),
      )]);
    }
    // While the handler runs, the matched group is the exception being handled (sys.exception()).
    const handling = handlingStatements(match, ctx, node.lineno);
    body.unshift(handling.enter);
    body.push(...ctx.inHandler(match, () => statements(h.body, ctx)));
    const guarded = t.tryStatement(
      t.blockStatement(body),
      t.catchClause(error, t.blockStatement([t.expressionStatement(method('raised', [error]))])),
      t.blockStatement(unbind === null ? [handling.exit] : [...unbind.body, handling.exit]),
    );
    return ctx.at(h, t.ifStatement(test, t.blockStatement([guarded])));
  });
  const catchBody = t.blockStatement([
    t.expressionStatement(t.assignmentExpression('=', state, call(ctx.rt('exceptStar'), [error]))),
    ...handlers,
    t.expressionStatement(method('reraise', [])),
  ]);
  let result: t.Statement[];
  if (node.orelse.length > 0) {
    // `else:` runs only when the body raised nothing, outside the handlers' reach.
    const ok = ctx.temp();
    result = [
      t.expressionStatement(t.assignmentExpression('=', ok, t.booleanLiteral(false))),
      t.tryStatement(t.blockStatement([...body, t.expressionStatement(t.assignmentExpression('=', ok, t.booleanLiteral(true)))]), t.catchClause(error, catchBody)),
      t.ifStatement(ok, t.blockStatement(statements(node.orelse, ctx))),
    ];
  } else {
    result = [t.tryStatement(t.blockStatement(body), t.catchClause(error, catchBody))];
  }
  if (node.finalbody.length === 0) return result;
  return [t.tryStatement(t.blockStatement(result), null, t.blockStatement(statements(node.finalbody, ctx)))];
}
