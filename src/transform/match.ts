/**
 * `match` statements: an if/else-if chain over a temporary holding the
 * subject. Each pattern compiles to a conjunction of tests — runtime
 * helpers for what CPython does in one instruction (is it a sequence, the
 * values of a mapping's keys, a class pattern's attributes) keep what they
 * find in temporaries the sub-patterns test — and to the bindings its
 * captures make. As in CPython, names are bound only once the whole
 * pattern has matched, before the guard runs:
 *
 *     match point:                      $1 = point;
 *         case [x, 0]:                  if (($2 = $matchSequence($1, 2)) !== null && $eqTest($2[1], 0)) {
 *             …                           x = $2[0]; …
 *         case Point(x=0, y=y) if y:    } else if (($3 = $matchClass($1, Point, 0, ["x", "y"])) !== null
 *             …                                    && $eqTest($3[0], 0) && (y = $3[1], $truthy(y))) { … }
 */
import * as t from './build.js';
import { quoted } from './quoted.js';
import type * as py from '../ast/nodes.js';
import type { TransformContext } from './context.js';
import { call, condition, constant, expression } from './expressions.js';
import { statements } from './statements.js';
import { foldConstant, PyTuple as FoldedTuple } from '../semantics/constantFolding.js';

/** A compiled pattern: what must hold, and what it binds once everything holds. */
interface Compiled {
  tests: t.Expression[];
  binds: Binding[];
}

interface Binding {
  name: string;
  value: t.Expression;
  at: py.Located;
}

export function Match(node: py.Match, ctx: TransformContext): t.Statement[] {
  const subject = ctx.temp();
  const out: t.Statement[] = [t.expressionStatement(t.assignmentExpression('=', subject, expression(node.subject, ctx)))];
  // Compiled in order (temporaries number as they read), chained from the last.
  const cases = node.cases.map((c) => matchCase(c, subject, ctx));
  let chain: t.Statement | null = null;
  for (let i = cases.length - 1; i >= 0; i--) {
    const { test, body, at } = cases[i]!;
    // An irrefutable pattern is the last case (the compile checks see to that).
    chain = test === null ? body : ctx.at(at, t.ifStatement(test, body, chain));
  }
  if (chain === null) return out;
  if (chain.type === 'BlockStatement') out.push(...chain.body);
  else out.push(chain);
  return out;
}

/** A case as the test that selects it (null when it always matches) and the block it runs. */
function matchCase(c: py.match_case, subject: t.Identifier, ctx: TransformContext): { test: t.Expression | null; body: t.BlockStatement; at: py.Located } {
  const compiled = pattern(c.pattern, subject, ctx);
  const assignments = compiled.binds.map((b) => ctx.at(b.at, t.assignmentExpression('=', ctx.variable(b.name, b.at), b.value)));
  if (c.guard) {
    const guard = condition(c.guard, ctx);
    const test = and([...compiled.tests, assignments.length > 0 ? t.sequenceExpression([...assignments, guard]) : guard]);
    return { test, body: t.blockStatement(statements(c.body, ctx)), at: c.pattern };
  }
  const body = t.blockStatement([...assignments.map((a) => t.expressionStatement(a)), ...statements(c.body, ctx)]);
  return { test: compiled.tests.length === 0 ? null : and(compiled.tests), body, at: c.pattern };
}

function and(tests: t.Expression[]): t.Expression {
  return tests.reduce((a, b) => t.logicalExpression('&&', a, b));
}

/** Compiles `p` against `subject`, an expression cheap to repeat and free of effects. */
function pattern(p: py.pattern, subject: t.Expression, ctx: TransformContext): Compiled {
  switch (p.nodeType) {
    case 'MatchValue':
      return { tests: [ctx.at(p, call(ctx.rt('eqTest'), [subject, value(p.value, ctx)]))], binds: [] };
    case 'MatchSingleton':
      // None, True and False match by identity (None is also `undefined` to the runtime).
      return { tests: [ctx.at(p, t.binaryExpression(p.value === null ? '==' : '===', subject, constant(p.value, ctx)))], binds: [] };
    case 'MatchSequence':
      return sequence(p, subject, ctx);
    case 'MatchMapping':
      return mapping(p, subject, ctx);
    case 'MatchClass':
      return classPattern(p, subject, ctx);
    case 'MatchStar':
      // Handled by its sequence pattern.
      return { tests: [], binds: [] };
    case 'MatchAs': {
      const inner = p.pattern ? pattern(p.pattern, subject, ctx) : { tests: [], binds: [] };
      if (p.name !== null) inner.binds.push({ name: p.name, value: subject, at: p });
      return inner;
    }
    case 'MatchOr':
      return alternatives(p, subject, ctx);
  }
}

/** A dotted name, or a literal: folded as CPython folds it (`-1`, `1+2j`, `'a' 'b'`). */
function value(v: py.expr, ctx: TransformContext): t.Expression {
  if (v.nodeType === 'Attribute') return expression(v, ctx);
  const folded = foldConstant(v);
  if (folded === undefined || folded instanceof FoldedTuple) return expression(v, ctx);
  return ctx.at(v, constant(folded, ctx));
}

function sequence(p: py.MatchSequence, subject: t.Expression, ctx: TransformContext): Compiled {
  const star = p.patterns.findIndex((q) => q.nodeType === 'MatchStar');
  const count = p.patterns.length;
  const items = ctx.temp();
  const check = star < 0 ? 'matchSequence' : 'matchSequenceAtLeast';
  const fixed = star < 0 ? count : count - 1;
  const tests: t.Expression[] = [
    ctx.at(p, t.binaryExpression('!==', t.assignmentExpression('=', items, call(ctx.rt(check), [subject, t.numericLiteral(fixed)])), t.nullLiteral())),
  ];
  const binds: Binding[] = [];
  p.patterns.forEach((q, i) => {
    if (q.nodeType === 'MatchStar') {
      if (q.name !== null) {
        const rest = call(ctx.rt('sequenceRest'), [items, t.numericLiteral(i), t.numericLiteral(count - i - 1)]);
        binds.push({ name: q.name, value: rest, at: q });
      }
      return;
    }
    // Items after a star are counted from the end.
    const index = star < 0 || i < star
      ? t.numericLiteral(i)
      : t.binaryExpression('-', t.memberExpression(items, t.identifier('length')), t.numericLiteral(count - i));
    merge(tests, binds, pattern(q, t.memberExpression(items, index, true), ctx));
  });
  return { tests, binds };
}

function mapping(p: py.MatchMapping, subject: t.Expression, ctx: TransformContext): Compiled {
  const tests: t.Expression[] = [ctx.at(p, call(ctx.rt('matchMapping'), [subject, t.numericLiteral(p.keys.length)]))];
  const binds: Binding[] = [];
  const keyArray = t.arrayExpression(p.keys.map((k) => value(k, ctx)));
  // With `**rest`, a temporary keeps the keys for the rest.
  const saved = p.rest !== null && p.keys.length > 0 ? ctx.temp() : null;
  if (p.keys.length > 0) {
    const values = ctx.temp();
    const keys = saved ? t.assignmentExpression('=', saved, keyArray) : keyArray;
    tests.push(notNull(values, call(ctx.rt('mappingValues'), [subject, keys])));
    p.patterns.forEach((q, i) => merge(tests, binds, pattern(q, t.memberExpression(values, t.numericLiteral(i), true), ctx)));
  }
  if (p.rest !== null) binds.push({ name: p.rest, value: call(ctx.rt('mappingRest'), [subject, saved ?? keyArray]), at: p });
  return { tests, binds };
}

/** `(tmp = value) !== null`. */
function notNull(tmp: t.Identifier, value: t.Expression): t.Expression {
  return t.binaryExpression('!==', t.assignmentExpression('=', tmp, value), t.nullLiteral());
}

function classPattern(p: py.MatchClass, subject: t.Expression, ctx: TransformContext): Compiled {
  const cls = expression(p.cls, ctx);
  if (p.patterns.length === 0 && p.kwd_patterns.length === 0) {
    return { tests: [ctx.at(p, call(ctx.rt('matchType'), [subject, cls]))], binds: [] };
  }
  const values = ctx.temp();
  const tests = [ctx.at(p, notNull(values, call(ctx.rt('matchClass'), [
    subject, cls, t.numericLiteral(p.patterns.length), t.arrayExpression(p.kwd_attrs.map((a) => quoted(a))),
  ])))];
  const binds: Binding[] = [];
  [...p.patterns, ...p.kwd_patterns].forEach((q, i) => merge(tests, binds, pattern(q, t.memberExpression(values, t.numericLiteral(i), true), ctx)));
  return { tests, binds };
}

/**
 * `p1 | p2`: the first alternative that matches. When they bind names, each
 * alternative stores its values in temporaries shared by all of them.
 */
function alternatives(p: py.MatchOr, subject: t.Expression, ctx: TransformContext): Compiled {
  const compiled = p.patterns.map((q) => pattern(q, subject, ctx));
  const names = compiled[0]!.binds.map((b) => b.name);
  const temps = new Map(names.map((n) => [n, ctx.temp()]));
  const tests = compiled.map((c) => {
    const stores = c.binds.map((b) => t.assignmentExpression('=', temps.get(b.name)!, b.value));
    const all = stores.length > 0 ? [...c.tests, t.sequenceExpression([...stores, t.booleanLiteral(true)])] : c.tests;
    return all.length > 0 ? and(all) : t.booleanLiteral(true);
  });
  const test = tests.reduce((a, b) => t.logicalExpression('||', a, b));
  return {
    tests: test.type === 'BooleanLiteral' ? [] : [test],
    binds: names.map((name) => ({ name, value: temps.get(name)!, at: p })),
  };
}

function merge(tests: t.Expression[], binds: Binding[], sub: Compiled): void {
  tests.push(...sub.tests);
  binds.push(...sub.binds);
}
