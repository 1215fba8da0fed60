/**
 * The JS loop of a Python `for` (statement or comprehension clause) over
 * what `$iterate(x)` gave:
 *
 *     for ($1 = $iterate(xs), $2 = 0, $3 = $loopIterator($1);;) {
 *       if ($3 === null) {
 *         if ($2 >= $1.length) break;
 *         x = $1[$2++];
 *       } else {
 *         if (($4 = $3.next()).done) break;
 *         x = $4.value;
 *       }
 *       …body
 *     }
 *
 * Why not `for…of`: V8 compiles a `for…of` over arrays well only while
 * every array it meets there has one elements kind, and a Python list of
 * floats holds boxed integral floats in one call and plain doubles in the
 * next (spectralnorm's `[1.0] * n`, then the lists it computes); the loop
 * then takes the generic iterator protocol, a sixth of spectralnorm's
 * time. An indexed load handles a few kinds inline.
 *
 * The walk is the standard array iterator's own (index against the length
 * read at each step), which is CPython's list iterator too, so a list that
 * grows or shrinks in the loop is walked the same way. Anything else goes
 * through its JS iterator, as `for…of` would. Neither calls the iterator's
 * `return()` when the loop is left early, as `for…of` would: Python's
 * `break` leaves the iterator as it is (iterate() gives `for…of` views
 * without `return()` for that reason).
 */
import * as t from './build.js';
import type * as py from '../ast/nodes.js';
import type { TransformContext } from './context.js';
import { verbatimExpression, verbatimStatement } from './verbatim.js';

/**
 * The loop over `items` (an expression giving `$iterate(…)`'s result),
 * setting `item` to each item before `body`. The step of an iterator is
 * located at `loop`, where a traceback through a generator the loop drives
 * shows the loop's frame: the `for` statement (as CPython shows it), or a
 * comprehension clause's target (in the comprehension's scope, whose frame
 * CPython shows).
 */
export function itemLoop(items: t.Expression, item: t.Identifier, body: t.Statement[], loop: py.stmt | py.expr, ctx: TransformContext): t.ForStatement {
  const init: t.Expression[] = [];
  let seq: string;
  if (items.type === 'Identifier') {
    seq = items.name;
  } else {
    const tmp = ctx.temp();
    seq = tmp.name;
    init.push(t.assignmentExpression('=', tmp, items));
  }
  const index = ctx.temp().name;
  const iterator = ctx.temp().name;
  // The loop's own code is text (verbatim.ts): it has no source positions, and trees of it were a tenth of
  // the nodes of a module with loops.
  init.push(verbatimExpression(`${index} = 0, ${iterator} = ${ctx.rt('loopIterator').name}(${seq})`));
  const step = ctx.scratch();
  const target = item.name;
  // One test of the loop's kind per step (testing it in the condition and again for the item measured slower).
  const fromArray = t.blockStatement([
    verbatimStatement(`if (${index} >= ${seq}.length) break`),
    verbatimStatement(`${target} = ${seq}[${index}++]`),
  ]);
  const next = ctx.at(loop, t.callExpression(verbatimExpression(`${iterator}.next`), []));
  const fromIterator = t.blockStatement([
    t.ifStatement(t.memberExpression(t.assignmentExpression('=', step, next), t.identifier('done')), t.breakStatement()),
    verbatimStatement(`${target} = ${step.name}.value`),
  ]);
  const walk = t.ifStatement(verbatimExpression(`${iterator} === null`), fromArray, fromIterator);
  return t.forStatement(init.length === 1 ? init[0]! : t.sequenceExpression(init), null, null, t.blockStatement([walk, ...body]));
}
