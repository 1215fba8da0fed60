/**
 * Python expressions to JS expressions: one handler per node kind, named as
 * the kind, in a table TypeScript checks for exhaustiveness. Operators go
 * through runtime helpers (`$add`) that implement Python's semantics.
 */
import * as t from './build.js';
import { quoted } from './quoted.js';
import { verbatimExpression } from './verbatim.js';
import type * as py from '../ast/nodes.js';
import { PyBytes, PyComplex, PyEllipsis, PyStrCodePoints } from '../ast/constants.js';
import { jsName, type TransformContext } from './context.js';
import { functionExpression, localsDeclaration } from './functions.js';
import { enumerateLoop } from './statements.js';
import { GeneratorExp, Yield, YieldFrom } from './generators.js';
import { isAsyncGeneratorExp } from './asyncGenerators.js';
import { isBuiltinClass, isBuiltinName, isProvidedBuiltin } from './builtinNames.js';
import { isPlainName } from './attributeHelpers.js';
import { builtinCall, isBooleanBuiltinCall } from './builtinCalls.js';
import { Await, asyncComprehensionLoop, blockingCall } from './async.js';
import { literalOperation, subscriptGet, subscriptSet } from './numericFacts.js';
import { floatAccumulate, floatBinOp } from './floatPaths.js';
import { itemLoop } from './loops.js';

type Handler<K extends py.expr['nodeType']> = (node: Extract<py.expr, { nodeType: K }>, ctx: TransformContext) => t.Expression;

const BINARY: Record<py.operator['nodeType'], string> = {
  Add: 'add', Sub: 'sub', Mult: 'mul', MatMult: 'matmul', Div: 'truediv', Mod: 'mod', Pow: 'power',
  LShift: 'lshift', RShift: 'rshift', BitOr: 'or_', BitXor: 'xor', BitAnd: 'and_', FloorDiv: 'floordiv',
};

const COMPARE: Record<py.cmpop['nodeType'], string> = {
  Eq: 'eq', NotEq: 'ne', Lt: 'lt', LtE: 'le', Gt: 'gt', GtE: 'ge', Is: 'is', IsNot: 'isNot', In: 'in_', NotIn: 'notIn',
};

export function expression(node: py.expr, ctx: TransformContext): t.Expression {
  const handler = EXPRESSIONS[node.nodeType] as Handler<typeof node.nodeType>;
  const out = ctx.at(node, handler(node as never, ctx));
  // asyncio.run() and the functions calling it are awaited where they are called (async.ts).
  return node.nodeType === 'Call' ? blockingCall(node, out, ctx) : out;
}

/** An expression whose value is only tested for truth (`if`, `while`, `and`/`or` operands there). */
export function condition(node: py.expr, ctx: TransformContext): t.Expression {
  switch (node.nodeType) {
    case 'BoolOp': {
      const op = node.op.nodeType === 'And' ? '&&' : '||';
      return ctx.at(node, node.values.map((v) => condition(v, ctx)).reduce((a, b) => t.logicalExpression(op, a, b)));
    }
    case 'UnaryOp':
      if (node.op.nodeType === 'Not') return ctx.at(node, t.unaryExpression('!', condition(node.operand, ctx)));
      break;
    case 'Compare':
      return ctx.at(node, comparison(node, ctx, true));
    case 'Constant':
      if (typeof node.value === 'boolean') return expression(node, ctx);
      break;
    case 'Call':
      if (isBooleanBuiltinCall(node, ctx)) return expression(node, ctx);
      break;
  }
  return t.callExpression(ctx.rt('truthy'), [expression(node, ctx)]);
}

export function call(callee: t.Expression, args: (t.Expression | t.SpreadElement)[]): t.CallExpression {
  return t.callExpression(callee, args);
}

function BoolOp(node: py.BoolOp, ctx: TransformContext): t.Expression {
  // `a and b` is `a` when `a` is false, else `b`: a temporary holds `a`.
  const [first, ...rest] = node.values;
  let result = expression(node.values[node.values.length - 1]!, ctx);
  const operands = [first!, ...rest.slice(0, -1)];
  for (let i = operands.length - 1; i >= 0; i--) {
    if (isBoolean(operands[i]!)) {
      // A JS boolean operand: JS's && and || give what Python's and/or give.
      result = t.logicalExpression(node.op.nodeType === 'And' ? '&&' : '||', expression(operands[i]!, ctx), result);
      continue;
    }
    const tmp = ctx.temp();
    const test = t.callExpression(ctx.rt('truthy'), [t.assignmentExpression('=', tmp, expression(operands[i]!, ctx))]);
    result = node.op.nodeType === 'And' ? t.conditionalExpression(test, result, tmp) : t.conditionalExpression(test, tmp, result);
  }
  return result;
}

/** Whether an expression always gives a JS boolean (`not x`, `is`, `in`, True/False). */
function isBoolean(node: py.expr): boolean {
  switch (node.nodeType) {
    case 'UnaryOp':
      return node.op.nodeType === 'Not';
    case 'Compare':
      return node.ops.every((op) => op.nodeType === 'Is' || op.nodeType === 'IsNot' || op.nodeType === 'In' || op.nodeType === 'NotIn');
    case 'Constant':
      return typeof node.value === 'boolean';
    case 'BoolOp':
      return node.values.every(isBoolean);
  }
  return false;
}

function NamedExpr(node: py.NamedExpr, ctx: TransformContext): t.Expression {
  return t.assignmentExpression('=', ctx.variable((node.target as py.Name).id), expression(node.value, ctx));
}

function BinOp(node: py.BinOp, ctx: TransformContext): t.Expression {
  const float = floatBinOp(node, ctx, expression);
  if (float !== null) return float;
  const specialised = literalOperation(node, ctx, expression);
  if (specialised !== null) return specialised;
  return call(ctx.rt(BINARY[node.op.nodeType]), [expression(node.left, ctx), expression(node.right, ctx)]);
}

function UnaryOp(node: py.UnaryOp, ctx: TransformContext): t.Expression {
  // A negative number literal is a constant, as CPython folds it.
  if (node.op.nodeType === 'USub' && node.operand.nodeType === 'Constant') {
    const v = node.operand.value;
    if (typeof v === 'bigint') return constant(-v, ctx);
    if (typeof v === 'number') return constant(-v, ctx);
  }
  const operand = expression(node.operand, ctx);
  switch (node.op.nodeType) {
    case 'Not': return t.unaryExpression('!', t.callExpression(ctx.rt('truthy'), [operand]));
    case 'USub': return call(ctx.rt('neg'), [operand]);
    case 'UAdd': return call(ctx.rt('pos'), [operand]);
    case 'Invert': return call(ctx.rt('invert'), [operand]);
  }
}

function Lambda(node: py.Lambda, ctx: TransformContext): t.Expression {
  return functionExpression(node, null, [{ nodeType: 'Return', value: node.body, ...position(node.body) } as py.Return], ctx);
}

function IfExp(node: py.IfExp, ctx: TransformContext): t.Expression {
  return t.conditionalExpression(condition(node.test, ctx), expression(node.body, ctx), expression(node.orelse, ctx));
}

function Dict(node: py.Dict, ctx: TransformContext): t.Expression {
  // Without `**m`: keys and values in one flat array, in evaluation order (all are evaluated before any is hashed).
  if (node.keys.every((k) => k !== null)) {
    if (node.keys.length === 0) return t.newExpression(ctx.rt('PyDict'), []);
    const flat: t.Expression[] = [];
    for (let i = 0; i < node.keys.length; i++) flat.push(expression(node.keys[i]!, ctx), expression(node.values[i]!, ctx));
    return call(ctx.rt('dictFlat'), [t.arrayExpression(flat)]);
  }
  const entries = node.keys.map((k, i) =>
    k === null
      ? t.spreadElement(call(ctx.rt('dictItems'), [expression(node.values[i]!, ctx)]))
      : t.arrayExpression([expression(k, ctx), expression(node.values[i]!, ctx)]),
  );
  return call(ctx.rt('dictOf'), [t.arrayExpression(entries)]);
}

function Set(node: py.Set, ctx: TransformContext): t.Expression {
  // `{*s}` reads a set's members as stored, whatever its class's __iter__ (CPython's set update).
  const items = t.arrayExpression(elements(node.elts, ctx, 'setDisplayStar'));
  const constants = node.elts.every((e) => e.nodeType === 'Constant');
  return call(ctx.rt('setOf'), constants ? [items, t.booleanLiteral(true)] : [items]);
}

function ListComp(node: py.ListComp, ctx: TransformContext): t.Expression {
  return comprehension(node, '<listcomp>', ctx, (result) =>
    t.expressionStatement(t.callExpression(t.memberExpression(result, t.identifier('push')), [expression(node.elt, ctx)])),
    t.arrayExpression([]),
  );
}

function SetComp(node: py.SetComp, ctx: TransformContext): t.Expression {
  return comprehension(node, '<setcomp>', ctx, (result) =>
    t.expressionStatement(call(ctx.rt('setAdd'), [result, expression(node.elt, ctx)])),
    call(ctx.rt('setOf'), [t.arrayExpression([])]),
  );
}

function DictComp(node: py.DictComp, ctx: TransformContext): t.Expression {
  return comprehension(node, '<dictcomp>', ctx, (result) =>
    t.expressionStatement(call(ctx.rt('dictSet'), [result, expression(node.key, ctx), expression(node.value, ctx)])),
    t.newExpression(ctx.rt('PyDict'), []),
  );
}

/**
 * A comprehension is a function of its own in Python (its variables do not
 * leak): an arrow function run at once, with the loops inside. Its
 * outermost iterable belongs to the enclosing scope: it is evaluated there
 * and passed in as `$iter`.
 */
function comprehension(
  node: py.ListComp | py.SetComp | py.DictComp | py.GeneratorExp,
  kind: string,
  ctx: TransformContext,
  add: (result: t.Identifier) => t.Statement,
  init: t.Expression,
  generatorStops = false,
): t.Expression {
  const generators = node.generators;
  // With `await` or `async for` inside (inside an async def), the comprehension is an async arrow awaited where it stands.
  const isAsync = ctx.symbols.scopes.get(node)!.isCoroutine;
  if (isAsync && node.nodeType === 'GeneratorExp') ctx.unsupported('asynchronous generator expressions', node);
  // `for i, x in enumerate(xs)` clauses count beside the loop (see statements.ts).
  const enumerated = generators.map((g) => (g.is_async ? null : enumerateLoop(g.target, g.iter, ctx)));
  // Over the builtin range(): its bounds are evaluated outside and counted inside, without a range object.
  const counted = enumerated[0] || generators[0]!.is_async ? null : countedRange(generators[0]!.iter, ctx);
  const bounds = (counted === null ? [] : counted.args.length === 1 ? ['$stop'] : ['$start', '$stop']).map((n) => t.identifier(n));
  // `for k, v in x.items()` clauses take each item as a pair, unpacked at once.
  const pairs = generators.map((g, i) => (enumerated[i] || g.is_async ? null : itemPairsTargets(g)));
  const iterableOf = (i: number): t.Expression => generators[i]!.is_async
    ? call(ctx.rt('asyncForIter'), [expression(generators[i]!.iter, ctx)])
    : call(ctx.rt(pairs[i] ? 'itemPairs' : 'iterate'), [expression(enumerated[i]?.iterable ?? generators[i]!.iter, ctx)]);
  const outer = counted ? counted.args.map((a) => expression(a, ctx)) : [iterableOf(0)];
  const source = t.identifier('$iter');
  const result = t.identifier('$result');
  const { result: loops, temps } = ctx.inComprehension(node, ctx.qualname(kind), () => {
    let body: t.Statement = add(result);
    for (let i = generators.length - 1; i >= 0; i--) {
      const g = generators[i]!;
      const e = enumerated[i];
      for (let j = g.ifs.length - 1; j >= 0; j--) body = t.ifStatement(condition(g.ifs[j]!, ctx), body);
      const item = t.identifier(`$item${i}`);
      if (i === 0 && counted) {
        body = countedLoop(counted.step, bounds, item, t.blockStatement([t.expressionStatement(assignTo(g.target, item, ctx)), body]), ctx);
        continue;
      }
      const iterable = i === 0 ? source : iterableOf(i);
      if (g.is_async) {
        const loopBody = [t.expressionStatement(assignTo(g.target, item, ctx)), body];
        if (i === 0) {
          body = asyncComprehensionLoop(source, item, loopBody, ctx);
        } else {
          const iterator = ctx.temp();
          body = t.blockStatement([
            t.expressionStatement(t.assignmentExpression('=', iterator, iterable)),
            asyncComprehensionLoop(iterator, item, loopBody, ctx),
          ]);
        }
        continue;
      }
      const pair = pairs[i];
      if (pair) {
        const assign = pair.map((target, k) => t.expressionStatement(assignTo(target, t.memberExpression(item, t.numericLiteral(k), true), ctx)));
        body = t.forOfStatement(t.variableDeclaration('const', [t.variableDeclarator(item)]), iterable, t.blockStatement([...assign, body]));
        continue;
      }
      // The loops below walk into a temporary of the comprehension's own (no `const` in their head).
      const loopItem = ctx.temp();
      if (e) {
        const counter = ctx.temp();
        const loop = itemLoop(iterable, loopItem, [
          t.expressionStatement(assignTo(e.index, t.updateExpression('++', counter), ctx)),
          t.expressionStatement(assignTo(e.value, loopItem, ctx)),
          body,
        ], g.target, ctx);
        body = t.blockStatement([t.expressionStatement(t.assignmentExpression('=', counter, e.start)), loop]);
        continue;
      }
      // A generator driven by the loop raising: the frame is the comprehension's (its target is in its scope).
      body = itemLoop(iterable, loopItem, [t.expressionStatement(assignTo(g.target, loopItem, ctx)), body], g.target, ctx);
    }
    return body;
  });
  const decls = localsDeclaration(ctx.symbols.scopes.get(node)!, temps);
  const caught = t.identifier('$error');
  const guarded = generatorStops
    ? t.tryStatement(t.blockStatement([loops]), t.catchClause(caught, t.blockStatement([
      t.throwStatement(call(ctx.rt('generatorStopped'), [caught])),
    ])))
    : loops;
  const made = t.callExpression(
    t.arrowFunctionExpression(counted ? bounds : [source], t.blockStatement([
      ...decls,
      t.variableDeclaration('let', [t.variableDeclarator(result, init)]),
      guarded,
      t.returnStatement(result),
    ]), isAsync),
    outer,
  );
  // The result is a list, set or dict, never thenable: awaited as is, no box.
  return isAsync ? t.awaitExpression(made) : made;
}

/** The two targets of a `for k, v in x.items()` clause (no arguments to items), or null. */
export function itemPairsTargets({ target, iter }: { target: py.expr; iter: py.expr }): [py.expr, py.expr] | null {
  if ((target.nodeType !== 'Tuple' && target.nodeType !== 'List') || target.elts.length !== 2 || target.elts.some((e) => e.nodeType === 'Starred')) return null;
  if (iter.nodeType !== 'Call' || iter.func.nodeType !== 'Attribute' || iter.func.attr !== 'items' || iter.args.length > 0 || iter.keywords.length > 0) return null;
  return [target.elts[0]!, target.elts[1]!];
}

/** `range(stop)` / `range(start, stop[, step])` with the builtin range and a literal step: its bound arguments and step. */
function countedRange(iter: py.expr, ctx: TransformContext): { args: py.expr[]; step: number } | null {
  if (iter.nodeType !== 'Call' || iter.func.nodeType !== 'Name' || iter.func.id !== 'range' || iter.keywords.length > 0) return null;
  if (iter.args.length < 1 || iter.args.length > 3 || iter.args.some((a) => a.nodeType === 'Starred') || ctx.resolve('range') !== 'builtin') return null;
  let step = 1;
  if (iter.args.length === 3) {
    const k = iter.args[2]!;
    const literal = k.nodeType === 'UnaryOp' && k.op.nodeType === 'USub' && k.operand.nodeType === 'Constant' ? k.operand : k;
    if (literal.nodeType !== 'Constant' || typeof literal.value !== 'bigint' || literal.value === 0n || literal.value > 1000000n) return null;
    step = Number(literal.value) * (literal === k ? 1 : -1);
  }
  return { args: iter.args.slice(0, 2), step };
}

/** The counting loop over range's bounds (`$stop` or `$start, $stop`), converted in order as range() converts them. */
function countedLoop(step: number, bounds: t.Identifier[], item: t.Identifier, body: t.BlockStatement, ctx: TransformContext): t.Statement {
  const stop = t.identifier('$end');
  const start = bounds.length === 1 ? t.numericLiteral(0) : call(ctx.rt('rangeBound'), [bounds[0]!, t.booleanLiteral(true)]);
  const init = t.variableDeclaration('let', [
    t.variableDeclarator(item, start),
    t.variableDeclarator(stop, call(ctx.rt('rangeBound'), [bounds[bounds.length - 1]!])),
  ]);
  const test = t.binaryExpression(step > 0 ? '<' : '>', item, stop);
  const update = step === 1 ? t.updateExpression('++', item) : t.assignmentExpression('+=', item, t.numericLiteral(step));
  return t.forStatement(init, test, update, body);
}






function Compare(node: py.Compare, ctx: TransformContext): t.Expression {
  return comparison(node, ctx, false);
}

/** The rich comparisons; as a condition tests them, their `…Test` forms give the truth of the result. */
const RICH: readonly py.cmpop['nodeType'][] = ['Eq', 'NotEq', 'Lt', 'LtE', 'Gt', 'GtE'];

/**
 * A comparison, or (`test`) its truth as a JS boolean. `a < b < c` evaluates
 * `b` once: a temporary holds each middle operand. As a value, a chain is
 * the first false result (by Python's truth: a rich comparison may return
 * anything), else the last.
 */
function comparison(node: py.Compare, ctx: TransformContext, test: boolean): t.Expression {
  // `x is None` / `x is not None`: JS's `== null` is exactly that (None is null, undefined reads as None).
  if (node.ops.length === 1 && (node.ops[0]!.nodeType === 'Is' || node.ops[0]!.nodeType === 'IsNot')) {
    const right = node.comparators[0]!;
    if (right.nodeType === 'Constant' && right.value === null) {
      return t.binaryExpression(node.ops[0]!.nodeType === 'Is' ? '==' : '!=', expression(node.left, ctx), t.nullLiteral());
    }
  }
  const helper = (op: py.cmpop): t.Identifier => {
    const name = COMPARE[op.nodeType];
    return ctx.rt(test && RICH.includes(op.nodeType) ? `${name}Test` : name);
  };
  let left = expression(node.left, ctx);
  const tests: t.Expression[] = [];
  node.ops.forEach((op, i) => {
    let right = expression(node.comparators[i]!, ctx);
    if (i < node.ops.length - 1) {
      const tmp = ctx.temp();
      right = t.assignmentExpression('=', tmp, right);
      tests.push(call(helper(op), [left, right]));
      left = tmp;
    } else {
      tests.push(call(helper(op), [left, right]));
    }
  });
  if (test || tests.length === 1) return tests.reduce((a, b) => t.logicalExpression('&&', a, b));
  // As a value: `$truthy(r = first) ? rest : r`, from the last link back.
  let result = tests[tests.length - 1]!;
  for (let i = tests.length - 2; i >= 0; i--) {
    const r = ctx.temp();
    result = t.conditionalExpression(call(ctx.rt('truthy'), [t.assignmentExpression('=', r, tests[i]!)]), result, r);
  }
  return result;
}

/**
 * Closures here are kept out of Call (and passed what they need): a
 * function with a closure that captures a variable allocates a context for
 * it on every call, taken or not, and Call runs for every call expression.
 */
function Call(node: py.Call, ctx: TransformContext): t.Expression {
  const simple = node.keywords.length === 0 && node.args.every((a) => a.nodeType !== 'Starred');
  if (node.func.nodeType === 'Name' && node.func.id === 'super' && ctx.resolve('super') === 'builtin') {
    // Zero-argument super(): the class being defined and the function's first argument, as CPython's __class__ cell gives them.
    if (node.args.length === 0 && node.keywords.length === 0) {
      const self = ctx.superArgument();
      if (self === null) return call(ctx.rt('superUnavailable'), [t.booleanLiteral(ctx.hasFirstArgument())]);
      return call(ctx.rt('super'), [t.identifier('__class__'), t.identifier(jsName(ctx.mangle(self)))]);
    }
    // With keywords: a call of the builtin with them, which refuses them as CPython's super() does.
    if (node.keywords.length > 0 || unpacks(node)) {
      if (unpacks(node)) return call(ctx.rt('callUnpacking'), [ctx.rt('super'), callArguments(node.args, ctx), keywordParts(node.keywords, ctx)]);
      return call(ctx.rt('call'), [ctx.rt('super'), t.arrayExpression(elements(node.args, ctx)), keywords(node.keywords, ctx)]);
    }
    return call(ctx.rt('super'), expressionList(node.args, ctx));
  }
  // sum(x for x in xs) adds as it goes: a loop, without a generator object per item.
  if (node.func.nodeType === 'Name' && node.func.id === 'sum' && node.args.length === 1 && node.keywords.length === 0
    && node.args[0]!.nodeType === 'GeneratorExp' && ctx.resolve('sum') === 'builtin' && !isAsyncGeneratorExp(node.args[0] as py.GeneratorExp, ctx)) {
    return sumOfGenerator(node.args[0] as py.GeneratorExp, ctx);
  }
  // 'sep'.join(x for x in xs): str.join makes a list of its argument first (CPython's PySequence_Fast), so the
  // generator is consumed as a list comprehension would be, without a generator object per item.
  if (node.func.nodeType === 'Attribute' && node.func.attr === 'join' && node.func.value.nodeType === 'Constant' && typeof node.func.value.value === 'string'
    && node.args.length === 1 && node.keywords.length === 0 && node.args[0]!.nodeType === 'GeneratorExp' && !isAsyncGeneratorExp(node.args[0] as py.GeneratorExp, ctx)) {
    const gen = node.args[0] as py.GeneratorExp;
    const items = consumedGenerator(gen, ctx, (result) =>
      t.expressionStatement(t.callExpression(t.memberExpression(result, t.identifier('push')), [expression(gen.elt, ctx)])), t.arrayExpression([]));
    // The loop runs where CPython's join call would call the generator: its frame line points at the call.
    return call(ctx.attributes.call('join', 1), [expression(node.func.value, ctx), ctx.at(node, items)]);
  }
  if (node.func.nodeType === 'Attribute') {
    const target = expression(node.func.value, ctx);
    const attr = ctx.mangle(node.func.attr);
    if (simple && isPlainName(attr) && node.args.length <= 8) {
      // The helper's arguments: the target, then the call's (one array, no spread of another).
      const args: t.Expression[] = [target];
      for (let i = 0; i < node.args.length; i++) args.push(expression(node.args[i]!, ctx));
      const receiver = node.func.value;
      const ofModule = receiver.nodeType === 'Name' && ctx.importedModules.has(receiver.id) && ctx.resolve(receiver.id) === 'global';
      return call(ofModule ? ctx.attributes.moduleCall(attr, node.args.length) : ctx.attributes.call(attr, node.args.length), args);
    }
    // The attribute's name as a string literal: only the general paths need it.
    const name = quoted(attr);
    if (simple) {
      const args: t.Expression[] = [target, name];
      for (let i = 0; i < node.args.length; i++) args.push(expression(node.args[i]!, ctx));
      return call(ctx.rt('callMethod'), args);
    }
    if (unpacks(node)) return call(ctx.rt('callMethodUnpacking'), [target, name, callArguments(node.args, ctx), keywordParts(node.keywords, ctx)]);
    return call(ctx.rt('callMethodKw'), [target, name, t.arrayExpression(elements(node.args, ctx)), keywords(node.keywords, ctx)]);
  }
  const special = builtinCall(node, ctx, expression);
  if (special !== null) return special;
  const callee = calleeExpression(node.func, ctx);
  // The runtime's exception classes are JS classes: calling one is `new`.
  if (simple && node.func.nodeType === 'Name' && isBuiltinClass(node.func.id) && t.isIdentifier(callee) && callee.name === node.func.id) {
    return t.newExpression(callee, expressionList(node.args, ctx));
  }
  if (simple) {
    // A name is called directly (it almost always holds a function); any other callee
    // (`handlers[k](x)`, `f()()`) is checked first, for CPython's "'int' object is not callable".
    const target = node.func.nodeType === 'Name' ? callee : call(ctx.rt('callee'), [callee]);
    return call(target, expressionList(node.args, ctx));
  }
  if (unpacks(node)) return call(ctx.rt('callUnpacking'), [callee, callArguments(node.args, ctx), keywordParts(node.keywords, ctx)]);
  return call(ctx.rt('call'), [callee, t.arrayExpression(elements(node.args, ctx)), keywords(node.keywords, ctx)]);
}

/**
 * A generator expression consumed whole where it stands (`sum(x for …)`,
 * `sep.join(x for …)`) as a loop: the comprehension's loop, with PEP 479's
 * rule of the generator it replaces (a StopIteration leaving its body is a
 * RuntimeError; its first iterable is evaluated outside, as CPython does).
 */
function consumedGenerator(gen: py.GeneratorExp, ctx: TransformContext, add: (result: t.Identifier) => t.Statement, init: t.Expression): t.Expression {
  return comprehension(gen, '<genexpr>', ctx, add, init, true);
}

function sumOfGenerator(gen: py.GeneratorExp, ctx: TransformContext): t.Expression {
  return consumedGenerator(gen, ctx, (result) =>
    t.expressionStatement(t.assignmentExpression('=', result,
      floatAccumulate(result, gen.elt, ctx, expression) ?? call(ctx.rt('add'), [result, expression(gen.elt, ctx)]))),
    t.numericLiteral(0),
  );
}

/** Each of `list` compiled, in order; map's thisArg carries the context, so no closure is made per list. */
export function expressionList(list: readonly py.expr[], ctx: TransformContext): t.Expression[] {
  return list.map(expressionIn, ctx);
}

function expressionIn(this: TransformContext, e: py.expr): t.Expression {
  return expression(e, this);
}

/** Display elements, `*x` spread through the runtime's iteration. */
function elements(nodes: py.expr[], ctx: TransformContext, star = 'displayStar'): (t.Expression | t.SpreadElement)[] {
  return nodes.map((n) =>
    n.nodeType === 'Starred' ? t.spreadElement(call(ctx.rt(star), [expression(n.value, ctx)])) : expression(n, ctx),
  );
}

/** Whether a call unpacks `*x` or `**m`. */
function unpacks(node: py.Call): boolean {
  return node.args.some((a) => a.nodeType === 'Starred') || node.keywords.some((k) => k.arg === null);
}

/** A call's positional arguments, `*x` as `$star(x)` for the runtime to expand. */
function callArguments(nodes: py.expr[], ctx: TransformContext): t.ArrayExpression {
  return t.arrayExpression(nodes.map((n) => (n.nodeType === 'Starred' ? call(ctx.rt('star'), [expression(n.value, ctx)]) : expression(n, ctx))));
}

/** A call's keywords in order: `k=v` runs as objects, `**m` as the mapping itself; null when there are none. */
function keywordParts(kws: py.keyword[], ctx: TransformContext): t.Expression {
  if (kws.length === 0) return t.nullLiteral();
  const parts: t.Expression[] = [];
  // The open `k=v` run's object, filled in place: a builder copies the list it is given.
  let group: t.ObjectExpression | null = null;
  for (const k of kws) {
    if (k.arg === null) {
      group = null;
      parts.push(expression(k.value, ctx));
    } else {
      if (group === null) {
        group = t.objectExpression([]);
        parts.push(group);
      }
      group.properties.push(t.objectProperty(quoted(k.arg), expression(k.value, ctx)));
    }
  }
  return t.arrayExpression(parts);
}

function keywords(kws: py.keyword[], ctx: TransformContext): t.Expression {
  if (kws.length === 0) return t.nullLiteral();
  const props: (t.ObjectProperty | t.SpreadElement)[] = kws.map((k) =>
    k.arg === null
      ? t.spreadElement(call(ctx.rt('kwargs'), [expression(k.value, ctx)]))
      : t.objectProperty(quoted(k.arg), expression(k.value, ctx)),
  );
  return t.objectExpression(props);
}

function FormattedValue(node: py.FormattedValue, ctx: TransformContext): t.Expression {
  let value = expression(node.value, ctx);
  if (node.conversion === 114) value = call(ctx.rt('repr'), [value]);
  else if (node.conversion === 115) value = call(ctx.rt('str'), [value]);
  else if (node.conversion === 97) value = call(ctx.rt('ascii'), [value]);
  // Without a spec: repr/str/ascii already give the str, and a plain value takes format's fast path.
  if (!node.format_spec) return node.conversion === -1 ? call(ctx.rt('formatPlain'), [value]) : value;
  return call(ctx.rt('format'), [value, expression(node.format_spec, ctx)]);
}

function JoinedStr(node: py.JoinedStr, ctx: TransformContext): t.Expression {
  // Every part is a JS string (a literal, or a `$format` result), so `+` concatenates.
  const parts = node.values.map((v) => expression(v, ctx));
  if (parts.length === 0) return quoted('');
  return parts.reduce((a, b) => t.binaryExpression('+', a, b));
}

function Constant(node: py.Constant, ctx: TransformContext): t.Expression {
  return constant(node.value, ctx);
}

export function constant(v: py.Constant['value'], ctx: TransformContext): t.Expression {
  if (v === null) return t.nullLiteral();
  switch (typeof v) {
    case 'boolean': return t.booleanLiteral(v);
    case 'string': return quoted(v);
    case 'bigint': {
      const magnitude = v < 0n ? -v : v;
      const literal = magnitude <= 9007199254740991n ? t.numericLiteral(Number(magnitude)) : t.bigIntLiteral(magnitude.toString());
      return v < 0n ? t.unaryExpression('-', literal) : literal;
    }
    case 'number': {
      const magnitude = Math.abs(v);
      const literal = magnitude === Infinity ? t.identifier('Infinity') : t.numericLiteral(magnitude);
      const signed = v < 0 || Object.is(v, -0) ? t.unaryExpression('-', literal) : literal;
      // 0.0 is the number -0; -0.0 and other integral floats are boxed (runtime/builtins/values.ts).
      if (v === 0) return Object.is(v, -0) ? t.newExpression(ctx.rt('PyFloat'), [signed]) : t.unaryExpression('-', literal);
      if (Number.isInteger(v)) return t.newExpression(ctx.rt('PyFloat'), [signed]);
      return signed;
    }
  }
  if (v instanceof PyBytes) {
    return t.newExpression(ctx.rt('PyBytes'), [t.callExpression(t.memberExpression(t.identifier('Uint8Array'), t.identifier('of')), [...v.bytes].map((b) => t.numericLiteral(b)))]);
  }
  if (v instanceof PyComplex) return t.newExpression(ctx.rt('PyComplex'), [t.numericLiteral(v.real), t.numericLiteral(v.imag)]);
  if (v instanceof PyEllipsis) return ctx.rt('Ellipsis');
  if (v instanceof PyStrCodePoints) return t.callExpression(t.memberExpression(t.identifier('String'), t.identifier('fromCharCode')), v.codePoints.map((c) => t.numericLiteral(c)));
  return t.nullLiteral();
}

function Attribute(node: py.Attribute, ctx: TransformContext): t.Expression {
  return getAttribute(expression(node.value, ctx), ctx.mangle(node.attr), ctx);
}

/** `obj.name` read: the module's helper for the name, or the runtime's getattr. */
export function getAttribute(obj: t.Expression, name: string, ctx: TransformContext): t.Expression {
  return isPlainName(name) ? call(ctx.attributes.get(name), [obj]) : call(ctx.rt('getattr'), [obj, quoted(name)]);
}

/** `obj.name = value`. */
export function setAttribute(obj: t.Expression, name: string, value: t.Expression, ctx: TransformContext): t.Expression {
  return isPlainName(name) ? call(ctx.attributes.set(name), [obj, value]) : call(ctx.rt('setattr'), [obj, quoted(name), value]);
}

function Subscript(node: py.Subscript, ctx: TransformContext): t.Expression {
  return subscriptGet(expression(node.value, ctx), node.slice, ctx, expression);
}

function Starred(node: py.Starred, ctx: TransformContext): t.Expression {
  return ctx.unsupported('a starred expression here', node);
}

function Name(node: py.Name, ctx: TransformContext): t.Expression {
  const where = ctx.resolve(node.id);
  if (where === 'builtin' && isBuiltinName(node.id)) return builtinName(node, ctx);
  const variable = ctx.variable(node.id, node);
  if (where === 'global' && isBuiltinName(node.id) && isProvidedBuiltin(node.id)) {
    // A global that shadows a builtin: the builtin until the module binds it (and again after `del`).
    const id = variable as t.Identifier;
    return t.conditionalExpression(t.binaryExpression('!==', id, t.identifier('undefined')), id, builtinName(node, ctx));
  }
  if (where === 'local' || where === 'global') {
    const check = ctx.unboundCheck(node.id, where);
    if (check !== null) return call(ctx.rt(check), [variable, quoted(ctx.mangle(node.id))]);
  }
  if (where === 'class' && !ctx.certainlyBound(node.id)) {
    // A class body's name not bound yet there: CPython's LOAD_NAME goes on to the globals, then the builtins.
    const again = t.cloneNode(variable);
    return t.conditionalExpression(t.binaryExpression('!==', variable, t.identifier('undefined')), again, classFallback(node, ctx));
  }
  return variable;
}

/** What a class body reads for a name of its own it has not bound (yet, or after `del`): the global, else the builtin. */
function classFallback(node: py.Name, ctx: TransformContext): t.Expression {
  const mangled = ctx.mangle(node.id);
  const name = quoted(mangled);
  if (ctx.isModuleGlobal(mangled)) {
    const global = t.identifier(jsName(mangled));
    if (isBuiltinName(node.id) && isProvidedBuiltin(node.id)) {
      return t.conditionalExpression(t.binaryExpression('!==', global, t.identifier('undefined')), t.cloneNode(global), ctx.builtin(node.id));
    }
    return call(ctx.rt('global'), [global, name]);
  }
  if (isBuiltinName(node.id) && isProvidedBuiltin(node.id)) return ctx.builtin(node.id);
  return call(ctx.rt('global'), [t.identifier('undefined'), name]);
}

/**
 * What a call calls. A global that may be unbound is checked by a helper that
 * also checks it is callable: wrapped in the plain check, V8 would word a
 * call of something not callable as `$global(...) is not a function`.
 */
function calleeExpression(func: py.expr, ctx: TransformContext): t.Expression {
  const read = expression(func, ctx);
  if (func.nodeType === 'Name' && ctx.callsRuntime(read, 'global')) read.callee = ctx.rt('calledGlobal');
  return read;
}

function builtinName(node: py.Name, ctx: TransformContext): t.Expression {
  if (!isProvidedBuiltin(node.id)) ctx.unsupported(`the builtin '${node.id}'`, node);
  // A builtin an enclosing function's variable hides (`global list` under a function with its own `list`).
  return ctx.hiddenGlobal(node.id, node) ?? ctx.builtin(node.id);
}

function List(node: py.List, ctx: TransformContext): t.Expression {
  return t.arrayExpression(elements(node.elts, ctx));
}

function Tuple(node: py.Tuple, ctx: TransformContext): t.Expression {
  return call(ctx.rt('tupleOf'), elements(node.elts, ctx));
}

function Slice(node: py.Slice, ctx: TransformContext): t.Expression {
  const part = (e: py.expr | null): t.Expression => (e ? expression(e, ctx) : t.nullLiteral());
  return call(ctx.rt('slice'), [part(node.lower), part(node.upper), part(node.step)]);
}

export const EXPRESSIONS = {
  BoolOp, NamedExpr, BinOp, UnaryOp, Lambda, IfExp, Dict, Set, ListComp, SetComp, DictComp, GeneratorExp, Await,
  Yield, YieldFrom, Compare, Call, FormattedValue, JoinedStr, Constant, Attribute, Subscript, Starred, Name, List,
  Tuple, Slice,
} satisfies { [K in py.expr['nodeType']]: Handler<K> };

/** Assignment of a JS value to a Python target (name, attribute, item, or an unpacking). */
export function assignTo(target: py.expr, value: t.Expression, ctx: TransformContext): t.Expression {
  switch (target.nodeType) {
    case 'Name':
      return ctx.at(target, t.assignmentExpression('=', ctx.variable(target.id, target), value));
    case 'Attribute':
    case 'Subscript': {
      // Python evaluates the value before the target's object and key.
      let prior: t.Expression | null = null;
      if (!isPure(value)) {
        const tmp = ctx.temp();
        prior = t.assignmentExpression('=', tmp, value);
        value = tmp;
      }
      const store = target.nodeType === 'Attribute'
        ? setAttribute(expression(target.value, ctx), ctx.mangle(target.attr), value, ctx)
        : subscriptSet(expression(target.value, ctx), target.slice, value, ctx, expression);
      return ctx.at(target, prior === null ? store : t.sequenceExpression([prior, store]));
    }
    case 'Tuple':
    case 'List':
      // Apart: its closure would make every call of assignTo allocate a context.
      return unpackTo(target, value, ctx);
    default:
      return ctx.unsupported(`assignment to ${target.nodeType}`, target);
  }
}

function unpackTo(target: py.Tuple | py.List, value: t.Expression, ctx: TransformContext): t.Expression {
  const star = target.elts.findIndex((e) => e.nodeType === 'Starred');
  const items = ctx.temp();
  const unpack = star < 0
    ? call(ctx.rt('unpack'), [value, t.numericLiteral(target.elts.length)])
    : call(ctx.rt('unpackStar'), [value, t.numericLiteral(star), t.numericLiteral(target.elts.length - star - 1)]);
  const steps: t.Expression[] = [t.assignmentExpression('=', items, unpack)];
  target.elts.forEach((e, i) => {
    // Assigned to a name as it is, so as text (verbatim.ts): it has no source position.
    const item = e.nodeType === 'Name' ? verbatimExpression(`${items.name}[${i}]`) : t.memberExpression(items, t.numericLiteral(i), true);
    steps.push(assignTo(e.nodeType === 'Starred' ? e.value : e, item, ctx));
  });
  return t.sequenceExpression(steps);
}

/** An expression whose evaluation has no effects (a variable, a literal, an item of a temporary). */
function isPure(e: t.Expression): boolean {
  if (t.isIdentifier(e) || t.isLiteral(e)) return true;
  return t.isMemberExpression(e) && t.isIdentifier(e.object) && (t.isNumericLiteral(e.property) || !e.computed);
}

function position(node: py.expr): py.Located {
  return { lineno: node.lineno, col_offset: node.col_offset, end_lineno: node.end_lineno, end_col_offset: node.end_col_offset };
}
