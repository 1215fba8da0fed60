/**
 * The loop of `for x in xs` (a statement or a comprehension's clause) over
 * `$loopOver(xs)`: a list or tuple is indexed, anything else is stepped
 * through its JS iterator, in one loop with one body:
 *
 *     for ($s = $loopOver(xs), $k = Array.isArray($s) ? 0 : -1; $k < 0 ? !($r = $s.next()).done : $k < $s.length;) {
 *       $item = $k < 0 ? $r.value : $s[$k++];
 *       …
 *     }
 *
 * Why not `for…of`: V8 compiles a `for…of` over arrays well only while
 * every array it meets has one elements kind; a Python list of floats may
 * hold doubles in one call and boxed integral floats in another
 * (spectralnorm's `[1.0] * n`), and the loop then goes through the
 * generic iterator protocol. An indexed load handles a few kinds inline.
 *
 * Same steps as CPython's: a list's iterator re-reads the length at each
 * step (a list grown or shrunk while walked), and a loop left early leaves
 * the iterator as it is (no `return()`, as iterate()'s `keptOpen` ensures
 * for `for…of`).
 */
import * as t from './build.js';
import type * as py from '../ast/nodes.js';
import type { TransformContext } from './context.js';

/**
 * The loop over `source` (an expression giving `$loopOver(…)`'s value, or
 * an identifier already holding it), with `item` (a statement binding the
 * current item, built from the expression given) first in its body.
 */
export function itemLoop(
  source: t.Expression,
  item: (value: t.Expression) => t.Statement,
  body: t.Statement[],
  ctx: TransformContext,
  at: py.Located | null = null,
): t.ForStatement {
  const init: t.Expression[] = [];
  let s: t.Identifier;
  if (source.type === 'Identifier') {
    s = source;
  } else {
    s = ctx.temp();
    init.push(t.assignmentExpression('=', s, source));
  }
  const k = ctx.temp();
  const r = ctx.temp();
  const id = (x: t.Identifier): t.Identifier => t.identifier(x.name);
  const isArray = t.callExpression(t.memberExpression(t.identifier('Array'), t.identifier('isArray')), [id(s)]);
  init.push(t.assignmentExpression('=', k, t.conditionalExpression(isArray, t.numericLiteral(0), t.unaryExpression('-', t.numericLiteral(1)))));
  const iterating = (): t.Expression => t.binaryExpression('<', id(k), t.numericLiteral(0));
  // Located as the loop (`at`, a `for` statement): a traceback through the iterator's `__next__` shows the line as CPython does.
  const next = t.callExpression(t.memberExpression(id(s), t.identifier('next')), []);
  const step = at === null ? next : ctx.at(at, next);
  const test = t.conditionalExpression(
    iterating(),
    t.unaryExpression('!', t.memberExpression(t.assignmentExpression('=', id(r), step), t.identifier('done'))),
    t.binaryExpression('<', id(k), t.memberExpression(id(s), t.identifier('length'))),
  );
  const current = t.conditionalExpression(
    iterating(),
    t.memberExpression(id(r), t.identifier('value')),
    t.memberExpression(id(s), t.updateExpression('++', id(k)), true),
  );
  return t.forStatement(init.length === 1 ? init[0]! : t.sequenceExpression(init), test, null, t.blockStatement([item(current), ...body]));
}
