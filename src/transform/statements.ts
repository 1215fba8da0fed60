/**
 * Python statements to JS statements: one handler per node kind, named as
 * the kind, in a table TypeScript checks for exhaustiveness.
 */
import * as t from './build.js';
import { quoted } from './quoted.js';
import * as py from '../ast/nodes.js';
import { unbindVariable, type TransformContext } from './context.js';
import { DEF_GLOBAL, DEF_NONLOCAL } from '../semantics/scopes.js';
import { targetNames } from './bindings.js';
import { assignTo, call, condition, expression, getAttribute, itemPairsTargets, setAttribute } from './expressions.js';
import { functionExpression } from './functions.js';
import { ClassDef } from './classes.js';
import { With } from './withStatement.js';
import { Match } from './match.js';
import { TryStar } from './tryStar.js';
import { suspensionMark, withUnseen } from './unseenTracebacks.js';
import { classAnnotation } from './annotations.js';
import { Import, ImportFrom } from './imports.js';
import { inplaceLiteral, int32Literal, literalIndex } from './numericFacts.js';
import { floatInplace, floatInplaceItem } from './floatPaths.js';
import { itemLoop } from './loops.js';
import { isFreshGenerator } from './freshGenerators.js';
import { verbatimStatement } from './verbatim.js';
import { AsyncFunctionDef, AsyncWith, AsyncFor as asyncFor, awaitStatement, discardedAwait, returnValue } from './async.js';

type Handler<K extends py.stmt['nodeType']> = (node: Extract<py.stmt, { nodeType: K }>, ctx: TransformContext) => t.Statement[];

/** A nested block: within it, names its earlier statements bound are certainly bound; after it, only those bound before. */
export function statements(body: py.stmt[], ctx: TransformContext): t.Statement[] {
  return ctx.inBlock(() => {
    const out: t.Statement[] = [];
    for (let i = 0; i < body.length; i++) {
      const s = body[i]!;
      const compiled = statement(s, ctx);
      for (let k = 0; k < compiled.length; k++) out.push(compiled[k]!);
      ctx.markBoundBy(s);
    }
    return out;
  });
}

export function statement(node: py.stmt, ctx: TransformContext): t.Statement[] {
  const handler = STATEMENTS[node.nodeType] as Handler<typeof node.nodeType>;
  // Located in place (`at` sets the node's loc): no second array per statement.
  const out = handler(node as never, ctx);
  for (let i = 0; i < out.length; i++) {
    const s = out[i]!;
    if (!s.loc) ctx.at(node, s);
  }
  return out;
}

function block(body: py.stmt[], ctx: TransformContext): t.BlockStatement {
  return t.blockStatement(statements(body, ctx));
}

function FunctionDef(node: py.FunctionDef, ctx: TransformContext): t.Statement[] {
  let value = functionExpression(node, node.name, node.body, ctx);
  for (let i = node.decorator_list.length - 1; i >= 0; i--) value = call(expression(node.decorator_list[i]!, ctx), [value]);
  return [t.expressionStatement(t.assignmentExpression('=', ctx.boundName(node, node.name, 'def'), value))];
}

function Return(node: py.Return, ctx: TransformContext): t.Statement[] {
  return [t.returnStatement(node.value ? returnValue(expression(node.value, ctx), ctx) : null)];
}

/**
 * `del a, b.c, d[e], (f, [g])`, left to right. A deleted variable holds
 * `undefined` (unbound): `if (a === undefined) throw $unboundLocal("a"); a = undefined;`
 */
function Delete(node: py.Delete, ctx: TransformContext): t.Statement[] {
  const unboundError = (name: string): string => {
    if (ctx.scope.kind !== 'function') return 'unboundGlobal';
    const flags = ctx.scope.flags(name);
    if (flags & DEF_GLOBAL) return 'unboundGlobal';
    // Declared `nonlocal` here: a variable of an enclosing function.
    return flags & DEF_NONLOCAL ? 'unboundFree' : 'unboundLocal';
  };
  const del = (target: py.expr): t.Statement[] => {
    switch (target.nodeType) {
      case 'Name': {
        const variable = ctx.variable(target.id, target);
        const name = quoted(ctx.mangle(target.id));
        const check = t.ifStatement(
          t.binaryExpression('===', variable, t.identifier('undefined')),
          t.throwStatement(call(ctx.rt(unboundError(ctx.mangle(target.id))), [name])),
        );
        return [ctx.at(target, check), ctx.at(target, t.expressionStatement(unbindVariable(t.cloneNode(variable))))];
      }
      case 'Attribute':
        return [ctx.at(target, t.expressionStatement(call(ctx.rt('delattr'), [expression(target.value, ctx), quoted(ctx.mangle(target.attr))])))];
      case 'Subscript':
        return [ctx.at(target, t.expressionStatement(call(ctx.rt('delitem'), [expression(target.value, ctx), expression(target.slice, ctx)])))];
      case 'Tuple':
      case 'List':
        return target.elts.flatMap(del);
      default:
        return ctx.unsupported(`del of ${target.nodeType}`, target);
    }
  };
  return node.targets.flatMap(del);
}

function Assign(node: py.Assign, ctx: TransformContext): t.Statement[] {
  const value = expression(node.value, ctx);
  if (node.targets.length === 1) return [t.expressionStatement(assignTo(node.targets[0]!, value, ctx))];
  // `a = b = v` evaluates v once and assigns left to right.
  const tmp = ctx.temp();
  return [
    t.expressionStatement(t.assignmentExpression('=', tmp, value)),
    ...node.targets.map((target) => t.expressionStatement(assignTo(target, tmp, ctx))),
  ];
}

const INPLACE: Record<py.operator['nodeType'], string> = {
  Add: 'iadd', Sub: 'isub', Mult: 'imul', MatMult: 'imatmul', Div: 'itruediv', Mod: 'imod', Pow: 'ipow',
  LShift: 'ilshift', RShift: 'irshift', BitOr: 'ior', BitXor: 'ixor', BitAnd: 'iand', FloorDiv: 'ifloordiv',
};

function AugAssign(node: py.AugAssign, ctx: TransformContext): t.Statement[] {
  const target = node.target;
  // `n += 1`, `x *= 0.5`: a helper specialised for the literal (numericFacts.ts).
  const literal = target.nodeType === 'Name' ? inplaceLiteral(node, ctx) : null;
  if (literal !== null) {
    const name = target as py.Name;
    return [t.expressionStatement(t.assignmentExpression('=', ctx.variable(name.id), call(literal.op, [nameRead(name, ctx), literal.value])))];
  }
  // `self.n += 1`, `v[i] -= 1`: an int literal's helper, as for a name (a float literal keeps floatPaths.ts's fused form).
  const intLiteral = int32Literal(node.value) !== undefined ? inplaceLiteral(node, ctx) : null;
  // The target's new value from its current one: the literal's helper, the float fast path or the in-place operator.
  const update = (current: t.Expression): t.Expression => {
    if (intLiteral !== null) return call(intLiteral.op, [current, intLiteral.value]);
    return floatInplace(node.op.nodeType, current, node.value, ctx, expression)
      ?? call(ctx.rt(INPLACE[node.op.nodeType]), [current, expression(node.value, ctx)]);
  };
  if (target.nodeType === 'Name') {
    return [t.expressionStatement(t.assignmentExpression('=', ctx.variable(target.id), update(nameRead(target, ctx))))];
  }
  // The container and key are evaluated once.
  const obj = ctx.temp();
  if (target.nodeType === 'Subscript') {
    const index = literalIndex(target.slice);
    if (index !== undefined) {
      // `v[0] += x`: an int literal key needs no temporary (numericFacts.ts).
      const container = t.assignmentExpression('=', obj, expression(target.value, ctx));
      const fused = floatInplaceItem(node.op.nodeType, obj, index, node.value, ctx, expression);
      if (fused !== null) return [t.expressionStatement(t.sequenceExpression([container, fused]))];
      return [t.expressionStatement(t.sequenceExpression([
        container,
        call(ctx.rt('setitemAt'), [obj, index, update(ctx.at(target, call(ctx.rt('getitemAt'), [obj, index])))]),
      ]))];
    }
    const key = ctx.temp();
    return [t.expressionStatement(t.sequenceExpression([
      t.assignmentExpression('=', obj, expression(target.value, ctx)),
      t.assignmentExpression('=', key, expression(target.slice, ctx)),
      call(ctx.rt('setitem'), [obj, key, update(ctx.at(target, call(ctx.rt('getitem'), [obj, key])))]),
    ]))];
  }
  if (target.nodeType === 'Attribute') {
    const name = ctx.mangle(target.attr);
    return [t.expressionStatement(t.sequenceExpression([
      t.assignmentExpression('=', obj, expression(target.value, ctx)),
      // The read located at the target: a traceback marks `obj.name` (or `obj[key]` above) as CPython's does.
      setAttribute(obj, name, update(ctx.at(target, getAttribute(obj, name, ctx))), ctx),
    ]))];
  }
  return ctx.unsupported('this augmented assignment', node);
}

/**
 * The read of an augmented assignment's name: as any read of it, so that an
 * unbound variable raises UnboundLocalError or NameError (not an operator's
 * TypeError on None) and a class body falls back to the globals.
 */
function nameRead(target: py.Name, ctx: TransformContext): t.Expression {
  return expression({ ...target, ctx: py.Load }, ctx);
}

function AnnAssign(node: py.AnnAssign, ctx: TransformContext): t.Statement[] {
  const annotation = classAnnotation(node, ctx);
  const out = annotation === null ? [] : [ctx.at(node, annotation)];
  if (!node.value) return out;
  return [t.expressionStatement(assignTo(node.target, expression(node.value, ctx), ctx)), ...out];
}

/** Loops with an `else:` run it unless a `break` left the loop: a labelled block that `break` jumps out of. */
function withElse(loop: (label: t.Identifier | null) => t.Statement, orelse: py.stmt[], ctx: TransformContext): t.Statement[] {
  if (orelse.length === 0) return [loop(null)];
  const label = t.identifier(`$loop${++ctx.loopLabels}`);
  return [t.labeledStatement(label, t.blockStatement([loop(label), ...statements(orelse, ctx)]))];
}

/**
 * `for x in range(a, b, k)` with the builtin range and a literal step: a
 * counted JS loop (no range object, no iterator), the bounds checked and
 * converted as range() would.
 */
function countedRange(node: py.For, ctx: TransformContext): ((body: t.BlockStatement) => t.Statement) | null {
  const iter = node.iter;
  if (iter.nodeType !== 'Call' || iter.func.nodeType !== 'Name' || iter.func.id !== 'range' || iter.keywords.length > 0) return null;
  if (ctx.resolve('range') !== 'builtin' || iter.args.length < 1 || iter.args.length > 3 || iter.args.some((a) => a.nodeType === 'Starred')) return null;
  let step = 1;
  if (iter.args.length === 3) {
    const k = iter.args[2]!;
    const literal = k.nodeType === 'UnaryOp' && k.op.nodeType === 'USub' && k.operand.nodeType === 'Constant' ? k.operand : k;
    if (literal.nodeType !== 'Constant' || typeof literal.value !== 'bigint' || literal.value === 0n || literal.value > 1000000n) return null;
    step = Number(literal.value) * (literal === k ? 1 : -1);
  }
  const i = ctx.temp();
  const stop = ctx.temp();
  const start = iter.args.length === 1 ? t.numericLiteral(0) : call(ctx.rt('rangeBound'), [expression(iter.args[0]!, ctx), t.booleanLiteral(true)]);
  const end = call(ctx.rt('rangeBound'), [expression(iter.args[iter.args.length === 1 ? 0 : 1]!, ctx)]);
  const init = t.sequenceExpression([t.assignmentExpression('=', i, start), t.assignmentExpression('=', stop, end)]);
  const test = t.binaryExpression(step > 0 ? '<' : '>', i, stop);
  const update = step === 1 ? t.updateExpression('++', i) : t.assignmentExpression('+=', i, t.numericLiteral(step));
  return (body) => t.forStatement(init, test, update, t.blockStatement([t.expressionStatement(assignTo(node.target, i, ctx)), ...body.body]));
}

/**
 * `for i, x in enumerate(xs)` with the builtin enumerate (and a literal
 * start, if any): a counter beside the loop instead of a tuple per item.
 */
export function enumerateLoop(target: py.expr, iter: py.expr, ctx: TransformContext):
  { index: py.expr; value: py.expr; iterable: py.expr; start: t.Expression } | null {
  if ((target.nodeType !== 'Tuple' && target.nodeType !== 'List') || target.elts.length !== 2 || target.elts.some((e) => e.nodeType === 'Starred')) return null;
  if (iter.nodeType !== 'Call' || iter.func.nodeType !== 'Name' || iter.func.id !== 'enumerate' || iter.keywords.length > 0) return null;
  if (iter.args.length < 1 || iter.args.length > 2 || iter.args[0]!.nodeType === 'Starred' || ctx.resolve('enumerate') !== 'builtin') return null;
  let start = 0;
  if (iter.args.length === 2) {
    const k = iter.args[1]!;
    if (k.nodeType !== 'Constant' || typeof k.value !== 'bigint' || k.value < 0n || k.value > 1000000000n) return null;
    start = Number(k.value);
  }
  return { index: target.elts[0]!, value: target.elts[1]!, iterable: iter.args[0]!, start: t.numericLiteral(start) };
}

/**
 * The loop over `items` (`$iterate(iter)`); when `iter` makes a generator
 * only the loop holds (freshGenerators.ts), the loop is followed by its
 * closing, however it is left, as CPython closes it when the loop drops it.
 */
function closingFresh(iter: py.expr, items: t.Expression, loop: (items: t.Expression) => t.Statement, ctx: TransformContext): t.Statement[] {
  if (!isFreshGenerator(iter, ctx)) return [loop(items)];
  const held = ctx.temp();
  return [
    t.expressionStatement(t.assignmentExpression('=', held, items)),
    t.tryStatement(t.blockStatement([loop(held)]), null, t.blockStatement([t.expressionStatement(call(ctx.rt('dropped'), [held]))])),
  ];
}

function For(node: py.For, ctx: TransformContext): t.Statement[] {
  return withElse((label) => {
    ctx.breakLabels.push(label);
    try {
      // In the body, the loop variables are bound.
      const loopBody = (): t.Statement[] => ctx.inBlock(() => {
        ctx.markBound(targetNames(node.target));
        return statements(node.body, ctx);
      });
      const counted = countedRange(node, ctx);
      if (counted !== null) return counted(t.blockStatement(loopBody()));
      const enumerated = enumerateLoop(node.target, node.iter, ctx);
      if (enumerated !== null) {
        const item = ctx.temp();
        const counter = ctx.temp();
        const head = [
          t.expressionStatement(assignTo(enumerated.index, t.updateExpression('++', counter), ctx)),
          t.expressionStatement(assignTo(enumerated.value, item, ctx)),
        ];
        const items = call(ctx.rt('iterate'), [expression(enumerated.iterable, ctx)]);
        return t.blockStatement([
          t.expressionStatement(t.assignmentExpression('=', counter, enumerated.start)),
          ...closingFresh(enumerated.iterable, items, (held) => itemLoop(held, item, [...head, ...loopBody()], node, ctx), ctx),
        ]);
      }
      const item = ctx.temp();
      // `for k, v in x.items()`: each item as a pair, unpacked at once (see expressions.ts).
      const pair = itemPairsTargets(node);
      if (pair !== null) {
        const assign = pair.map((target, k) => t.expressionStatement(assignTo(target, t.memberExpression(item, t.numericLiteral(k), true), ctx)));
        return t.forOfStatement(item, call(ctx.rt('itemPairs'), [expression(node.iter, ctx)]), t.blockStatement([...assign, ...loopBody()]));
      }
      const items = call(ctx.rt('iterate'), [expression(node.iter, ctx)]);
      const loop = (held: t.Expression): t.Statement => itemLoop(held, item, [t.expressionStatement(assignTo(node.target, item, ctx)), ...loopBody()], node, ctx);
      const statementsOut = closingFresh(node.iter, items, loop, ctx);
      return statementsOut.length === 1 ? statementsOut[0]! : t.blockStatement(statementsOut);
    } finally {
      ctx.breakLabels.pop();
    }
  }, node.orelse, ctx);
}

function AsyncFor(node: py.AsyncFor, ctx: TransformContext): t.Statement[] {
  return asyncFor(node, ctx, withElse);
}

function While(node: py.While, ctx: TransformContext): t.Statement[] {
  return withElse((label) => {
    ctx.breakLabels.push(label);
    try {
      return t.whileStatement(condition(node.test, ctx), block(node.body, ctx));
    } finally {
      ctx.breakLabels.pop();
    }
  }, node.orelse, ctx);
}

function If(node: py.If, ctx: TransformContext): t.Statement[] {
  const orelse = node.orelse.length === 0 ? null
    : node.orelse.length === 1 && node.orelse[0]!.nodeType === 'If' ? statement(node.orelse[0]!, ctx)[0]!
    : block(node.orelse, ctx);
  return [t.ifStatement(condition(node.test, ctx), block(node.body, ctx), orelse)];
}




function Raise(node: py.Raise, ctx: TransformContext): t.Statement[] {
  if (!node.exc) {
    const current = ctx.handledExceptions[ctx.handledExceptions.length - 1];
    return [t.throwStatement(current ? current : call(ctx.rt('noActiveException'), []))];
  }
  const args = [expression(node.exc, ctx)];
  if (node.cause) args.push(expression(node.cause, ctx));
  // `raise X(...)` makes its exception here, so its stack is already this raise's; anything else may have been made elsewhere.
  return [t.throwStatement(call(ctx.rt(node.exc.nodeType === 'Call' ? 'raise' : 'raiseMade'), args))];
}

function Try(node: py.Try, ctx: TransformContext): t.Statement[] {
  const mark = suspensionMark();
  const compiled = statements(node.body, ctx);
  // Its handlers may leave what they catch unseen; else none of what its body raises is (unseenTracebacks.ts).
  let inner: t.Statement = t.blockStatement(withUnseen(compiled, node, mark, ctx));
  if (node.handlers.length > 0) {
    const caught = ctx.temp();
    // Inside an `except` block, what this `try` catches has the handled exception as its context.
    const outer = ctx.handledExceptions[ctx.handledExceptions.length - 1];
    const dispatch = ctx.inHandler(caught, (): t.Statement => {
      let dispatch: t.Statement = t.throwStatement(caught);
      for (let i = node.handlers.length - 1; i >= 0; i--) {
        const h = node.handlers[i] as py.ExceptHandler;
        const body: t.Statement[] = [];
        if (h.name) {
          // The name is unbound when the handler ends, as CPython's `finally: del name`.
          const target = ctx.boundName(h, h.name, ' as');
          body.push(t.expressionStatement(t.assignmentExpression('=', target, caught)));
          body.push(t.tryStatement(
            t.blockStatement(ctx.inBlock(() => {
              ctx.markBound([h.name!], true);
              return statements(h.body, ctx);
            })),
            null,
            t.blockStatement([t.expressionStatement(t.assignmentExpression('=', t.cloneNode(target), t.identifier('undefined')))]),
          ));
        } else {
          body.push(...statements(h.body, ctx));
        }
        const handler = t.blockStatement(body);
        dispatch = h.type
          ? ctx.at(h, t.ifStatement(call(ctx.rt('exceptionMatches'), [caught, expression(h.type, ctx)]), handler, dispatch))
          : handler;
      }
      return dispatch;
    });
    const param = t.identifier('$error');
    // An exception escaping a handler has the handled one as its __context__.
    const escaping = t.identifier('$inner');
    const handling = handlingStatements(caught, ctx, node.lineno);
    // The handler's own code has no source positions: text (verbatim.ts).
    const catchBody = t.blockStatement([
      verbatimStatement(`${caught.name} = ${outer ? `${ctx.rt('withContext').name}($error, ${outer.name})` : `${ctx.rt('toPython').name}($error)`}`),
      handling.enter,
      t.tryStatement(
        t.blockStatement([dispatch]),
        t.catchClause(escaping, t.blockStatement([verbatimStatement(`throw ${ctx.rt('withContext').name}($inner, ${caught.name})`)])),
        t.blockStatement([handling.exit]),
      ),
    ]);
    if (node.orelse.length > 0) {
      // `else:` runs only when the body raised nothing, outside the handlers' reach.
      const ok = ctx.temp();
      inner = t.blockStatement([
        t.expressionStatement(t.assignmentExpression('=', ok, t.booleanLiteral(false))),
        t.tryStatement(t.blockStatement([...(inner as t.BlockStatement).body, t.expressionStatement(t.assignmentExpression('=', ok, t.booleanLiteral(true)))]), t.catchClause(param, catchBody)),
        t.ifStatement(ok, block(node.orelse, ctx)),
      ]);
    } else {
      inner = t.tryStatement(inner as t.BlockStatement, t.catchClause(param, catchBody));
    }
  }
  if (node.finalbody.length === 0) return inner.type === 'BlockStatement' ? inner.body : [inner];
  const body = inner.type === 'BlockStatement' ? inner : t.blockStatement([inner]);
  if (!raises(node.finalbody)) return [t.tryStatement(body, null, block(node.finalbody, ctx))];
  // A `raise` in `finally` while an exception is on its way out: that exception is the new one's context.
  const pending = ctx.temp();
  const e = t.identifier('$pending');
  const f = t.identifier('$raised');
  return [
    t.expressionStatement(t.assignmentExpression('=', pending, t.identifier('undefined'))),
    t.tryStatement(
      body,
      t.catchClause(e, t.blockStatement([t.expressionStatement(t.assignmentExpression('=', pending, e)), t.throwStatement(e)])),
      t.blockStatement([t.tryStatement(block(node.finalbody, ctx), t.catchClause(f, t.blockStatement([
        t.throwStatement(t.conditionalExpression(t.binaryExpression('===', pending, t.identifier('undefined')), f, call(ctx.rt('withContext'), [f, pending]))),
      ])))]),
    ),
  ];
}

/**
 * While an `except` block runs, its exception (held by `caught`) is the one
 * being handled (sys.exception(), logging's exc_info): `enter` sets it,
 * `exit` (in a `finally`) sets back what it was before — except in a
 * coroutine, where after an `await` what it was before may be another
 * task's: there it becomes the exception of the handler around it in the
 * function, or none. Call it outside the block (`ctx.inHandler`). `line` is
 * the `try` statement's.
 */
export function handlingStatements(caught: t.Identifier, ctx: TransformContext, line: number): { enter: t.Statement; exit: t.Statement } {
  const enclosing = ctx.handlerAround();
  const saved = ctx.codeUnit()?.nodeType === 'AsyncFunctionDef' ? null : ctx.temp();
  // Code without source positions: text (verbatim.ts). Where it is caught (the `try` statement's line and
  // module): a traceback's entries start at that frame.
  const handling = `${ctx.rt('handling').name}(${caught.name}, ${line}, import.meta.url)`;
  const restored = saved !== null ? saved.name : enclosing !== null ? enclosing.name : 'null';
  return {
    enter: verbatimStatement(saved !== null ? `${saved.name} = ${handling}` : handling),
    exit: verbatimStatement(`${ctx.rt('handled').name}(${restored})`),
  };
}

/** Whether statements contain a `raise` (not counting nested functions and classes). */
function raises(body: py.stmt[]): boolean {
  return body.some((s) => {
    switch (s.nodeType) {
      case 'Raise':
        return true;
      case 'If':
      case 'For':
      case 'While':
        return raises(s.body) || raises(s.orelse);
      case 'With':
        return raises(s.body);
      case 'Try':
        return raises(s.body) || raises(s.orelse) || raises(s.finalbody) || s.handlers.some((h) => raises((h as py.ExceptHandler).body));
      default:
        return false;
    }
  });
}


function Assert(node: py.Assert, ctx: TransformContext): t.Statement[] {
  const args = node.msg ? [expression(node.msg, ctx)] : [];
  // The builtin class whatever the name means here, as CPython's LOAD_ASSERTION_ERROR (a variable may hide the name).
  const cls = ctx.resolve('AssertionError') === 'builtin' ? ctx.builtin('AssertionError') : ctx.rt('AssertionError');
  return [t.ifStatement(t.unaryExpression('!', condition(node.test, ctx)), t.throwStatement(t.newExpression(cls, args)))];
}

function Global(): t.Statement[] {
  return [];
}

function Nonlocal(): t.Statement[] {
  return [];
}

function Expr(node: py.Expr, ctx: TransformContext): t.Statement[] {
  // A docstring or other bare constant does nothing.
  if (node.value.nodeType === 'Constant') return [];
  if (node.value.nodeType === 'Await') return [awaitStatement(node.value, ctx) ?? t.expressionStatement(discardedAwait(node.value, ctx))];
  return [t.expressionStatement(expression(node.value, ctx))];
}

function Pass(): t.Statement[] {
  return [];
}

function Break(_node: py.Break, ctx: TransformContext): t.Statement[] {
  const label = ctx.breakLabels[ctx.breakLabels.length - 1];
  return [t.breakStatement(label ?? null)];
}

function Continue(): t.Statement[] {
  return [t.continueStatement()];
}

export const STATEMENTS = {
  FunctionDef, AsyncFunctionDef, ClassDef, Return, Delete, Assign, AugAssign, AnnAssign, For, AsyncFor, While, If,
  With, AsyncWith, Match, Raise, Try, TryStar, Assert, Import, ImportFrom, Global, Nonlocal, Expr, Pass, Break,
  Continue,
} satisfies { [K in py.stmt['nodeType']]: Handler<K> };
