/**
 * `async def`, `await`, `async with`, `async for`.
 *
 * `async def f(a, b)` becomes a Python function that checks its arguments
 * and returns a lazy coroutine holding the body and the arguments; the body
 * is a native JS async function declared beside it, named differently from
 * the Python name (a named function expression would bind its own name):
 *
 *     async function f$(a, b) {
 *       const $top = $enter();
 *       try { …body… } catch ($e) { throw $coroutineFailed($e, $top); }   // PEP 479
 *     }
 *     f = $asyncDef($def(function f(a, b) { return $coroutine(f$, [a, b]); }, "a, b", "f", __name__, 1), f$, "f", __file__, 1, true, true);
 *
 * `await e` is
 * `$un(($1 = $aw(e)) instanceof $Promise ? await $suspendAt($top, line, $1) : $1)`
 * (runtime/asyncio/coroutines.ts): a JS `await` only when the Task really
 * waits, which records the line for the Task's repr. A `return v` in a
 * coroutine is `return $ret(v, $top)`, which reports the
 * result to whoever started the body (so a body that finishes without
 * suspending is not awaited: `$enter`, `$ret` and `$coroutineFailed` keep
 * that register) and boxes it, so that JS never adopts a returned Future
 * as if it were a Promise. `$top` is the Task whose top body this is (null
 * otherwise): it ends there. A body with a `return` that a `finally`
 * follows keeps the plain `$enter()`/`$ret(v)`/`$coroutineFailed(e)`, and
 * its Task ends through a reaction to the body's Promise.
 * `await f(x)` of a module-level `async def f`
 * that nothing in the module rebinds calls the body directly: `$now(f$(x))`
 * in place of `$aw(…)` — the coroutine object cannot escape there — while
 * `f` is still the function defined (`f$.$def`, set by `$asyncDef`).
 */
import * as t from './build.js';
import type * as py from '../ast/nodes.js';
import { forEachChild, forEachNestedBody, walk } from '../ast/walk.js';
import { CompileError, jsName, type TransformContext } from './context.js';
import { assignTo, call, expression } from './expressions.js';
import { statements } from './statements.js';
import { functionExpression } from './functions.js';
import { targetNames } from './bindings.js';
import { withItems, type WithProtocol } from './withStatement.js';
import { isPlainName } from './attributeHelpers.js';
import { AsyncGeneratorDef, dropAfterLoop, freshAsyncIterator, isFreshIterable } from './asyncGenerators.js';

interface AsyncState {
  /** Body functions declared for the async defs being compiled, innermost last. */
  pending: t.FunctionDeclaration[];
  /** Body names already used in this module. */
  used: Map<string, number>;
  /** Module-level async defs whose body a direct `await f(...)` may call: name → (body name, parameter count). */
  fastPath: Map<string, { body: string; params: number }> | null;
  /** The def each fast-path entry is for. */
  fastNodes: Map<string, py.AST>;
  /** How many times each name is bound anywhere in the module (parameters, imports and `global` included). */
  rebound: Map<string, number>;
}

const states = new WeakMap<TransformContext, AsyncState>();

function state(ctx: TransformContext): AsyncState {
  let s = states.get(ctx);
  if (s === undefined) {
    s = { pending: [], used: new Map(), fastPath: null, fastNodes: new Map(), rebound: new Map() };
    states.set(ctx, s);
  }
  return s;
}

/** The JS name of the body function of `async def name`. */
function bodyName(name: string, ctx: TransformContext, node: py.AsyncFunctionDef): string {
  const s = state(ctx);
  const fast = s.fastPath?.get(name);
  if (fast !== undefined && s.fastNodes.get(name) === node) return fast.body;
  const base = jsName(name) === name ? `${name}$` : `${name}$$`;
  const n = s.used.get(base) ?? 0;
  s.used.set(base, n + 1);
  return n === 0 ? base : `${base}${n}`;
}

export function AsyncFunctionDef(node: py.AsyncFunctionDef, ctx: TransformContext): t.Statement[] {
  const scope = ctx.symbols.scopes.get(node)!;
  if (scope.isGenerator) return AsyncGeneratorDef(node, ctx);
  fastPathTable(ctx);
  const s = state(ctx);
  const body = t.identifier(bodyName(node.name, ctx, node));
  s.pending.push(t.functionDeclaration(body, [], t.blockStatement([]), false, true));
  let value: t.Expression;
  let declaration: t.FunctionDeclaration;
  try {
    value = functionExpression(node as unknown as py.FunctionDef, node.name, node.body, ctx);
  } finally {
    declaration = s.pending.pop()!;
  }
  const firstLine = node.decorator_list.length > 0 ? node.decorator_list[0]!.lineno : node.lineno;
  const qualname = ctx.qualname(node.name);
  const asyncDefArgs = [value, t.cloneNode(body), t.stringLiteral(qualname), t.identifier('__file__'), t.numericLiteral(firstLine), t.booleanLiteral(true)];
  if (endsReportedBodies.has(declaration)) asyncDefArgs.push(t.booleanLiteral(true));
  value = call(ctx.rt('asyncDef'), asyncDefArgs);
  for (let i = node.decorator_list.length - 1; i >= 0; i--) value = call(expression(node.decorator_list[i]!, ctx), [value]);
  return [
    ctx.at(node, declaration),
    t.expressionStatement(t.assignmentExpression('=', ctx.boundName(node, node.name, 'def'), value)),
  ];
}

/**
 * Called by functions.ts with a coroutine function's compiled body: fills in
 * the body function and returns what the Python function itself runs.
 */
export function coroutineFunctionBody(node: py.FunctionDef | py.Lambda, inner: t.Statement[], ctx: TransformContext): t.Statement[] {
  const s = state(ctx);
  const declaration = s.pending[s.pending.length - 1];
  if (declaration === undefined) return ctx.unsupported('this coroutine', node);
  const params = parameterNames(node.args, ctx);
  const error = t.identifier('$e');
  declaration.params = params.map((p) => t.identifier(p));
  const top = t.identifier('$top');
  const ends: EndsReport = { calls: [], guarded: false };
  for (const stmt of inner) reportReturns(stmt, ctx, false, ends);
  // Every end reported: the body hands `$enter`'s token to them, and a Task ends when its top body's `$ret` runs.
  const endsReported = !ends.guarded;
  if (endsReported) {
    endsReportedBodies.add(declaration);
    for (const c of ends.calls) c.arguments.push(t.cloneNode(top));
  }
  declaration.body = t.blockStatement([
    // The token also tells each suspension whose line the Task's repr shows (suspendedAt).
    t.variableDeclaration('const', [t.variableDeclarator(t.cloneNode(top), call(ctx.rt('enter'), []))]),
    t.tryStatement(
      t.blockStatement(inner),
      t.catchClause(error, t.blockStatement([t.throwStatement(call(ctx.rt('coroutineFailed'), endsReported ? [error, t.cloneNode(top)] : [error]))])),
    ),
  ]);
  const args = t.arrayExpression(params.map((p) => t.identifier(p)));
  return [t.returnStatement(call(ctx.rt('coroutine'), [t.cloneNode(declaration.id!), args]))];
}

/** Every parameter as the body function receives it: positional, `*args`, keyword-only, `**kwargs`. */
function parameterNames(args: py.arguments, ctx: TransformContext): string[] {
  const all = [...args.posonlyargs, ...args.args, ...(args.vararg ? [args.vararg] : []), ...args.kwonlyargs, ...(args.kwarg ? [args.kwarg] : [])];
  return all.map((a) => jsName(ctx.mangle(a.arg)));
}

/** `return v` in a coroutine (or a function the compiler made async): a thenable value is boxed. */
export function returnValue(value: t.Expression, ctx: TransformContext): t.Expression {
  if (ctx.scope.isCoroutine && !ctx.scope.isGenerator && ctx.scope.kind === 'function') return reported(call(ctx.rt('ret'), [value]));
  if (!ctx.scope.isCoroutine && !isBlockingScope(ctx)) return value;
  if (t.isNumericLiteral(value) || t.isStringLiteral(value) || t.isBooleanLiteral(value) || t.isNullLiteral(value)) return value;
  return call(ctx.rt('box'), [value]);
}

/** `$ret(v)` calls made by returnValue. */
const reportedCalls = new WeakSet<t.Node>();

/** What reportReturns learns of a body: whether a return goes unreported (a `finally` follows it). */
interface EndsReport {
  /** The `$ret(v)` calls of the body's reported returns. */
  readonly calls: t.CallExpression[];
  guarded: boolean;
}

/** Body functions whose every end is reported (AsyncFunctionDef passes it to `$asyncDef`). */
const endsReportedBodies = new WeakSet<t.FunctionDeclaration>();

function reported(e: t.CallExpression): t.CallExpression {
  reportedCalls.add(e);
  return e;
}

/**
 * The returns of a coroutine body not made by returnValue (a bare `return`,
 * the `return null` ending the body) report their None too; nested
 * functions (comprehensions' arrows, inner defs) keep theirs. A return that
 * a `finally` (a Python one, or a `with`'s exit) still follows must not
 * report: the finally may suspend, and then the body has not finished when
 * its caller reads the register; such a return goes through the body's
 * Promise, as any suspended body's result does.
 */
function reportReturns(node: t.Node, ctx: TransformContext, guarded: boolean, ends: EndsReport): void {
  if (t.isFunction(node) || t.isClass(node)) return;
  if (node.type === 'ReturnStatement') {
    const argument = node.argument;
    const isReported = argument !== null && argument !== undefined && reportedCalls.has(argument);
    if (guarded) {
      ends.guarded = true;
      if (isReported) node.argument = unreported((argument as t.CallExpression).arguments[0] as t.Expression, ctx);
      else if (argument === null || argument === undefined) node.argument = t.nullLiteral();
    } else if (!isReported) {
      node.argument = reported(call(ctx.rt('ret'), [argument ?? t.nullLiteral()]));
      ends.calls.push(node.argument);
    } else {
      ends.calls.push(argument as t.CallExpression);
    }
    return;
  }
  if (node.type === 'TryStatement' && node.finalizer) {
    reportReturns(node.block, ctx, true, ends);
    if (node.handler) reportReturns(node.handler, ctx, true, ends);
    reportReturns(node.finalizer, ctx, guarded, ends);
    return;
  }
  for (const key of t.VISITOR_KEYS[node.type] ?? []) {
    const child = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(child)) {
      for (const c of child) if (c !== null && typeof c === 'object' && typeof (c as t.Node).type === 'string') reportReturns(c as t.Node, ctx, guarded, ends);
    } else if (child !== null && typeof child === 'object' && typeof (child as t.Node).type === 'string') {
      reportReturns(child as t.Node, ctx, guarded, ends);
    }
  }
}

/** A returned value that travels through the body's Promise: a thenable is boxed so that JS does not adopt it. */
function unreported(value: t.Expression, ctx: TransformContext): t.Expression {
  if (t.isNumericLiteral(value) || t.isStringLiteral(value) || t.isBooleanLiteral(value) || t.isNullLiteral(value)) return value;
  return call(ctx.rt('box'), [value]);
}

// ---------------------------------------------------------------------------
// await

/** Modules compiled with the top-level-await option (compile.ts `topLevelAwait`). */
const topLevelAwaitContexts = new WeakSet<TransformContext>();

export function allowTopLevelAwait(ctx: TransformContext): void {
  topLevelAwaitContexts.add(ctx);
}

/** Whether the code being compiled may use `await` itself: a coroutine, or the module body under the option. */
export function canAwait(ctx: TransformContext): boolean {
  return ctx.scope.isCoroutine || (ctx.scope.kind === 'module' && topLevelAwaitContexts.has(ctx));
}

export function Await(node: py.Await, ctx: TransformContext): t.Expression {
  return inHandlerAgain(awaitExpression(node, ctx, true), ctx);
}

/**
 * Inside an `except` block, the block's exception is the one being handled
 * again once the `await` is over: other tasks may have run meanwhile
 * (runtime/builtins/handledException.ts).
 */
function inHandlerAgain(awaited: t.Expression, ctx: TransformContext): t.Expression {
  const caught = ctx.handlerAround();
  return caught === null ? awaited : call(ctx.rt('rehandling'), [awaited, t.cloneNode(caught)]);
}

/**
 * `await e` as a statement (its value discarded): the same, without `$un`
 * unboxing a value nobody reads (`await q.put(x)`, `await asyncio.sleep(0)`).
 */
export function discardedAwait(node: py.Await, ctx: TransformContext): t.Expression {
  return ctx.at(node, inHandlerAgain(awaitExpression(node, ctx, false), ctx));
}

/**
 * `await asyncio.sleep(d)` as a statement, outside `except` blocks:
 * `for ($1 = $sleepTurn(d); $1 !== null; $1 = $resumed()) await $1;`, which
 * lets tasks yielding one after another share one Promise (runtime
 * asyncio/tasks.ts, TurnBatch). Null for any other statement.
 */
export function awaitStatement(node: py.Await, ctx: TransformContext): t.Statement | null {
  const value = node.value;
  if (!canAwait(ctx) || ctx.handlerAround() !== null) return null;
  const args = sleepArguments(value, ctx);
  if (args === null || args.length !== 1) return null;
  const tmp = ctx.temp();
  const start = ctx.at(value, call(ctx.rt('sleepTurn'), [expression(args[0]!, ctx)]));
  return ctx.at(node, t.forStatement(
    t.assignmentExpression('=', tmp, start),
    t.binaryExpression('!==', t.cloneNode(tmp), t.nullLiteral()),
    t.assignmentExpression('=', t.cloneNode(tmp), call(ctx.rt('resumed'), [])),
    t.expressionStatement(ctx.at(node, t.awaitExpression(suspendedAt(node, t.cloneNode(tmp), ctx)))),
  ));
}

function awaitExpression(node: py.Await, ctx: TransformContext, used: boolean): t.Expression {
  if (!canAwait(ctx)) return ctx.unsupported('await outside an async function', node);
  const sleep = sleepCall(node.value, ctx);
  // The JS `await` is located at the Python one: a suspended coroutine's frame in a traceback is there.
  if (sleep !== null) return unboxedIf(used, ctx.at(node, t.awaitExpression(suspendedAt(node, sleep, ctx))), ctx);
  const method = methodAwait(node.value, ctx);
  if (method !== null) return awaitResult(node, method, used, ctx);
  const direct = fastCall(node, ctx);
  if (direct === null) return awaitResult(node, call(ctx.rt('aw'), [expression(node.value, ctx)]), used, ctx);
  // Another module may have rebound the global (`module.f = …`, unittest.mock.patch): then the call goes the usual way.
  const call_ = node.value as py.Call;
  const name = (call_.func as py.Name).id;
  const body = fastPathTable(ctx).get(name)!.body;
  const original = t.memberExpression(t.identifier(body), t.identifier('$def'));
  const still = t.binaryExpression('===', expression(call_.func, ctx), original);
  return awaitResult(node, t.conditionalExpression(still, call(ctx.rt('now'), [direct]), call(ctx.rt('aw'), [expression(node.value, ctx)])), used, ctx);
}

/** `$un(($1 = awaited) instanceof $Promise ? await $1 : $1)`: a JS `await` only when `$aw`/`$now` hands back a Promise. */
function awaitResult(node: py.Await | null, awaited: t.Expression, used: boolean, ctx: TransformContext, line: py.stmt | null = null): t.Expression {
  const tmp = ctx.temp();
  const at = node ?? line;
  const suspend = t.awaitExpression(at !== null ? suspendedAt(at, t.cloneNode(tmp), ctx) : t.cloneNode(tmp));
  return unboxedIf(used, t.conditionalExpression(
    t.binaryExpression('instanceof', t.assignmentExpression('=', tmp, awaited), ctx.rt('Promise')),
    node !== null ? ctx.at(node, suspend) : suspend,
    t.cloneNode(tmp),
  ), ctx);
}

/**
 * What a coroutine's own body awaits where it suspends at `node`:
 * `$suspendAt($top, line, awaited)`, which records the line for its Task's
 * repr. Elsewhere (a comprehension's function, module-level top-level
 * await) there is no `$top` and nothing to record.
 */
function suspendedAt(node: { lineno: number }, awaited: t.Expression, ctx: TransformContext): t.Expression {
  const scope = ctx.scope;
  if (scope.kind !== 'function' || !scope.isCoroutine || scope.isGenerator || scope.comprehension !== null) return awaited;
  return call(ctx.rt('suspendAt'), [t.identifier('$top'), t.numericLiteral(node.lineno), awaited]);
}

/** A value handed through a Promise may be boxed (coroutines.ts): `$un` unboxes it where the value is used. */
function unboxedIf(used: boolean, value: t.Expression, ctx: TransformContext): t.Expression {
  return used ? call(ctx.rt('un'), [value]) : value;
}

/** `await asyncio.sleep(d)`: `$sleepNow(d)`, which always suspends (sleep(0) yields one loop turn). */
function sleepCall(value: py.expr, ctx: TransformContext): t.Expression | null {
  const args = sleepArguments(value, ctx);
  return args === null ? null : ctx.at(value, call(ctx.rt('sleepNow'), args.map((a) => expression(a, ctx))));
}

/** The arguments of `asyncio.sleep(delay[, result])` called with one or two plain positional ones; null for any other expression. */
function sleepArguments(value: py.expr, ctx: TransformContext): py.expr[] | null {
  if (value.nodeType !== 'Call' || value.keywords.length > 0 || value.args.length < 1 || value.args.length > 2) return null;
  if (value.args.some((a) => a.nodeType === 'Starred')) return null;
  return isAsyncioSleep(value.func, ctx) ? value.args : null;
}

/** Method names (with their argument count and runtime helper) whose `await o.m(…)` goes through a helper: Queue.get and Queue.put have shortcuts there. */
const AWAIT_METHODS = new Map<string, { args: number; helper: string }>([['get', { args: 0, helper: 'awaitGet' }], ['put', { args: 1, helper: 'awaitPut' }]]);

/**
 * `await o.get()`, `await o.put(x)`: `$awaitGet(o, $call$get$0)`,
 * which lets a runtime queue hand back the result without making the
 * coroutine object (nothing else could see it), and otherwise calls the
 * module's method helper and awaits what it returns, as `$aw` would.
 */
function methodAwait(value: py.expr, ctx: TransformContext): t.Expression | null {
  if (value.nodeType !== 'Call' || value.keywords.length > 0 || value.func.nodeType !== 'Attribute') return null;
  if (value.args.some((a) => a.nodeType === 'Starred')) return null;
  const attr = ctx.mangle(value.func.attr);
  const entry = AWAIT_METHODS.get(attr);
  if (entry === undefined || entry.args !== value.args.length || !isPlainName(attr)) return null;
  const target = expression(value.func.value, ctx);
  const args = value.args.map((a) => expression(a, ctx));
  const helper = ctx.attributes.call(attr, args.length);
  return ctx.at(value, call(ctx.rt(entry.helper), [target, ...args, helper]));
}

/**
 * A call whose coroutine object cannot escape, awaited at once: `f$(x)` for
 * `await f(x)` when f is a module-level async def nothing rebinds, called
 * with all its parameters. The call is located at the `await`: it runs the
 * body up to its first suspension, and an exception raised there shows the
 * awaiting frame at its `await`, as CPython's traceback does.
 */
function fastCall(node: py.Await, ctx: TransformContext): t.Expression | null {
  const value = node.value;
  if (value.nodeType !== 'Call' || value.keywords.length > 0) return null;
  if (value.args.some((a) => a.nodeType === 'Starred')) return null;
  if (value.func.nodeType !== 'Name') return null;
  const entry = fastPathTable(ctx).get(value.func.id);
  if (entry === undefined || entry.params !== value.args.length) return null;
  if (ctx.resolve(value.func.id) !== 'global') return null;
  return ctx.at(node, call(t.identifier(entry.body), value.args.map((a) => expression(a, ctx))));
}

/** `asyncio.sleep` (or a `sleep` imported from asyncio), where that name cannot be anything else. */
function isAsyncioSleep(func: py.expr, ctx: TransformContext): boolean {
  const info = blockingInfo(ctx);
  fastPathTable(ctx);
  const rebound = state(ctx).rebound;
  if (func.nodeType === 'Attribute') {
    if (func.attr !== 'sleep' || func.value.nodeType !== 'Name') return false;
    const name = func.value.id;
    return info.modules.has(name) && (rebound.get(name) ?? 0) <= 1 && ctx.resolve(name) === 'global';
  }
  if (func.nodeType === 'Name') {
    return info.sleeps.has(func.id) && (rebound.get(func.id) ?? 0) <= 1 && ctx.resolve(func.id) === 'global';
  }
  return false;
}

function fastPathTable(ctx: TransformContext): Map<string, { body: string; params: number }> {
  const s = state(ctx);
  if (s.fastPath !== null) return s.fastPath;
  const table = new Map<string, { body: string; params: number }>();
  s.fastPath = table;
  const module = moduleOf(ctx);
  if (module === null) return table;
  const candidates = new Map<string, py.AsyncFunctionDef>();
  for (const stmt of module.body) {
    if (stmt.nodeType !== 'AsyncFunctionDef' || stmt.decorator_list.length > 0) continue;
    const a = stmt.args;
    if (a.vararg || a.kwarg || a.kwonlyargs.length > 0) continue;
    if (ctx.symbols.scopes.get(stmt)?.isGenerator) continue;
    candidates.set(stmt.name, candidates.has(stmt.name) ? (null as unknown as py.AsyncFunctionDef) : stmt);
  }
  // Any other binding of the name anywhere (even a parameter or a `global`) rules it out.
  const counts = s.rebound;
  const bind = (name: string | null | undefined): void => {
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  };
  for (const n of walk(module)) {
    switch (n.nodeType) {
      case 'Name':
        if (n.ctx.nodeType !== 'Load') bind(n.id);
        break;
      case 'FunctionDef':
      case 'ClassDef':
        bind(n.name);
        break;
      case 'AsyncFunctionDef':
        if (candidates.get(n.name) !== n) bind(n.name);
        break;
      case 'Global':
      case 'Nonlocal':
        // Twice: a name declared global somewhere may be rebound at any time.
        n.names.forEach(bind);
        n.names.forEach(bind);
        break;
      case 'alias':
        bind(n.asname ?? n.name.split('.')[0]);
        break;
      case 'ExceptHandler':
        bind(n.name);
        break;
      case 'arg':
        bind(n.arg);
        break;
      case 'MatchAs':
      case 'MatchStar':
        bind(n.name);
        break;
      case 'MatchMapping':
        bind(n.rest);
        break;
    }
  }
  for (const [name, def] of candidates) {
    if (def === null || counts.has(name)) continue;
    const body = bodyName(name, ctx, def);
    table.set(name, { body, params: def.args.posonlyargs.length + def.args.args.length });
    s.fastNodes.set(name, def);
  }
  return table;
}

// ---------------------------------------------------------------------------
// async with / async for

/**
 * `async with a as x: body`: the `with` desugaring (withStatement.ts), awaiting the manager:
 *
 *     $1 = a; $2 = $asyncWithExit($1);            // __aexit__, bound
 *     $3 = $un(await $aw($asyncWithEnter($1)));   // await __aenter__()
 *     $4 = true;
 *     try { x = $3; … } catch ($error) { $4 = false; await $asyncWithError($2, $error); }
 *     finally { if ($4) $un(await $aw($2(null, null, null))); }
 */
export function AsyncWith(node: py.AsyncWith, ctx: TransformContext): t.Statement[] {
  return withItems(node, 0, ctx, ASYNC_WITH);
}

const ASYNC_WITH: WithProtocol = {
  exit: 'asyncWithExit',
  enter: 'asyncWithEnter',
  error: 'asyncWithError',
  settle: (e, ctx, node) => awaitResult(null, call(ctx.rt('aw'), [e]), true, ctx, node),
  settleError: (e, ctx, node) => t.awaitExpression(suspendedAt(node, e, ctx)),
};

/**
 * `async for x in it: body else: orelse`:
 *
 *     $1 = $asyncForIter(it);                      // __aiter__()
 *     for (;;) {
 *       try { $2 = $un(await $asyncForNext($1)); }  // await __anext__()
 *       catch ($e) { if ($e instanceof $StopAsyncIteration) break; throw $e; }
 *       x = $2; …body…
 *     }
 *     …orelse…                                     // skipped by a `break` of the body (a labelled block)
 */
export function AsyncFor(
  node: py.AsyncFor,
  ctx: TransformContext,
  withElse: (loop: (label: t.Identifier | null) => t.Statement, orelse: py.stmt[], ctx: TransformContext) => t.Statement[],
): t.Statement[] {
  const iterator = ctx.temp();
  const fresh = isFreshIterable(node.iter);
  const setup = t.expressionStatement(t.assignmentExpression('=', iterator, fresh
    ? freshAsyncIterator(expression(node.iter, ctx), ctx)
    : call(ctx.rt('asyncForIter'), [expression(node.iter, ctx)])));
  const loop = withElse((label) => {
    ctx.breakLabels.push(label);
    try {
      const item = ctx.temp();
      const error = t.identifier('$e');
      const next = t.tryStatement(
        t.blockStatement([t.expressionStatement(t.assignmentExpression('=', item,
          call(ctx.rt('un'), [t.awaitExpression(suspendedAt(node, call(ctx.rt('asyncForNext'), [iterator]), ctx))])))]),
        t.catchClause(error, t.blockStatement([
          t.ifStatement(t.binaryExpression('instanceof', error, ctx.rt('StopAsyncIteration')), t.breakStatement()),
          t.throwStatement(error),
        ])),
      );
      const body = ctx.inBlock(() => {
        ctx.markBound(targetNames(node.target));
        return statements(node.body, ctx);
      });
      return t.forStatement(null, null, null, t.blockStatement([next, t.expressionStatement(assignTo(node.target, item, ctx)), ...body]));
    } finally {
      ctx.breakLabels.pop();
    }
  }, node.orelse, ctx);
  return fresh ? [setup, dropAfterLoop(iterator, loop, ctx)] : [setup, ...loop];
}

/**
 * One `async for` clause of a list/set/dict comprehension, over the
 * asynchronous iterator `iterator` (`$asyncForIter(…)`, made before):
 *
 *     for (;;) {
 *       let $item0;
 *       try { $item0 = $un(await $asyncForNext(iterator)); }
 *       catch ($e) { if ($e instanceof $StopAsyncIteration) break; throw $e; }
 *       …body…
 *     }
 */
export function asyncComprehensionLoop(iterator: t.Expression, item: t.Identifier, body: t.Statement[], ctx: TransformContext): t.Statement {
  const error = t.identifier('$e');
  const next = t.tryStatement(
    t.blockStatement([t.expressionStatement(t.assignmentExpression('=', item,
      call(ctx.rt('un'), [t.awaitExpression(call(ctx.rt('asyncForNext'), [iterator]))])))]),
    t.catchClause(error, t.blockStatement([
      t.ifStatement(t.binaryExpression('instanceof', error, ctx.rt('StopAsyncIteration')), t.breakStatement()),
      t.throwStatement(error),
    ])),
  );
  return t.forStatement(null, null, null, t.blockStatement([t.variableDeclaration('let', [t.variableDeclarator(item)]), next, ...body]));
}

// ---------------------------------------------------------------------------
// Blocking calls: asyncio.run() and the plain functions that call it

export interface BlockingInfo {
  /** Names bound to the asyncio module (`import asyncio`, `import asyncio as aio`). */
  modules: Set<string>;
  /** Names bound to asyncio.run (`from asyncio import run`). */
  runs: Set<string>;
  /** Names bound to asyncio.sleep (`from asyncio import sleep`). */
  sleeps: Set<string>;
  /** Names bound to the unittest module, and to unittest.main: its run of IsolatedAsyncioTestCases waits as asyncio.run does. */
  unittests: Set<string>;
  unittestMains: Set<string>;
  /** Module-level plain functions that make a blocking call (compiled as async functions). */
  functions: Set<py.FunctionDef>;
  functionNames: Set<string>;
}

function moduleOf(ctx: TransformContext): py.Module | null {
  for (const node of ctx.symbols.scopes.keys()) if (node.nodeType === 'Module') return node as py.Module;
  return null;
}

/** The names a blocking call needs in the source's text (`asyncio.run`, `from asyncio import run`, a loop's methods). */
const BLOCKING_NAMES = /asyncio|run_until_complete|run_forever|unittest/;

/** The module's BlockingInfo, made on first use and kept on the context (every compiled call asks for it). */
function blockingInfo(ctx: TransformContext): BlockingInfo {
  let info = ctx.blocking;
  if (info !== null) return info;
  info = {
    modules: new Set(), runs: new Set(), sleeps: new Set(), unittests: new Set(), unittestMains: new Set(), functions: new Set(), functionNames: new Set(),
  };
  ctx.blocking = info;
  // Identifiers are NFKC-normalised, so only an all-ASCII source can be ruled out by its text.
  const src = ctx.source;
  // Most modules mention none of the names: one scan of the text rules them out (half the time of three `includes`).
  const ascii = ctx.lines.allAscii();
  if (ascii && !BLOCKING_NAMES.test(src)) return info;
  // Blocking calls other than through asyncio's own names: `loop.run_until_complete(…)`, `loop.run_forever()`.
  const loopCalls = !ascii || src.includes('run_until_complete') || src.includes('run_forever');
  const module = moduleOf(ctx);
  if (module === null) return info;
  collectAsyncioImports(module.body, info);
  if (!loopCalls && info.modules.size === 0 && info.runs.size === 0 && info.unittests.size === 0 && info.unittestMains.size === 0) return info;
  const defs: py.FunctionDef[] = [];
  const collect = (body: py.stmt[]): void => {
    for (const s of body) {
      if (s.nodeType === 'FunctionDef') defs.push(s);
      else if (s.nodeType === 'If') {
        collect(s.body);
        collect(s.orelse);
      }
    }
  };
  collect(module.body);
  let changed = true;
  while (changed) {
    changed = false;
    for (const def of defs) {
      if (info.functions.has(def) || ctx.symbols.scopes.get(def)?.isGenerator) continue;
      if (ownCalls(def.body).some((c) => isBlockingCallNode(c, info!))) {
        info.functions.add(def);
        info.functionNames.add(def.name);
        changed = true;
      }
    }
  }
  return info;
}

/** Imports are statements: only statement bodies need looking at, not expressions. */
function collectAsyncioImports(body: readonly py.stmt[], info: BlockingInfo): void {
  for (const n of body) {
    switch (n.nodeType) {
      case 'Import':
        for (const a of n.names) {
          if (a.name === 'asyncio') info.modules.add(a.asname ?? 'asyncio');
          if (a.name === 'unittest') info.unittests.add(a.asname ?? 'unittest');
        }
        break;
      case 'ImportFrom':
        if (n.module === 'asyncio' && n.level === 0) {
          for (const a of n.names) {
            if (a.name === 'run') info.runs.add(a.asname ?? 'run');
            if (a.name === 'sleep') info.sleeps.add(a.asname ?? 'sleep');
          }
        }
        if (n.module === 'unittest' && n.level === 0) {
          for (const a of n.names) if (a.name === 'main') info.unittestMains.add(a.asname ?? 'main');
        }
        break;
      case 'FunctionDef':
      case 'AsyncFunctionDef':
      case 'ClassDef':
        collectAsyncioImports(n.body, info);
        break;
      default:
        forEachNestedBody(n, (nested) => collectAsyncioImports(nested, info));
        break;
    }
  }
}

/** The calls in a body, not looking into nested functions, classes, lambdas or comprehensions. */
function ownCalls(body: py.stmt[]): py.Call[] {
  const out: py.Call[] = [];
  const visit = (n: py.AST): void => {
    switch (n.nodeType) {
      case 'FunctionDef':
      case 'AsyncFunctionDef':
      case 'ClassDef':
      case 'Lambda':
      case 'ListComp':
      case 'SetComp':
      case 'DictComp':
      case 'GeneratorExp':
        return;
      case 'Call':
        out.push(n as py.Call);
        break;
    }
    forEachChild(n, visit);
  };
  for (const s of body) forEachChild(s, visit);
  return out;
}

function isBlockingCallNode(node: py.Call, info: BlockingInfo): boolean {
  const f = node.func;
  if (f.nodeType === 'Name') return info.runs.has(f.id) || info.functionNames.has(f.id) || info.unittestMains.has(f.id);
  if (f.nodeType === 'Attribute') {
    if (f.attr === 'run_until_complete' || f.attr === 'run_forever') return true;
    if (f.attr === 'main' && f.value.nodeType === 'Name' && info.unittests.has(f.value.id)) return true;
    return f.attr === 'run' && f.value.nodeType === 'Name' && info.modules.has(f.value.id);
  }
  return false;
}

function isUnittestMain(node: py.Call, info: BlockingInfo): boolean {
  const f = node.func;
  if (f.nodeType === 'Name') return info.unittestMains.has(f.id);
  return f.nodeType === 'Attribute' && f.attr === 'main' && f.value.nodeType === 'Name' && info.unittests.has(f.value.id);
}

/** Whether the code being compiled is the body of a function the compiler made async for a blocking call. */
function isBlockingScope(ctx: TransformContext): boolean {
  const info = ctx.blocking;
  if (info === null || info.functions.size === 0) return false;
  for (const def of info.functions) if (ctx.symbols.scopes.get(def) === ctx.scope) return true;
  return false;
}

/** functions.ts asks: is this plain `def` compiled as an async function? */
export function isBlockingFunction(node: py.AST, ctx: TransformContext): boolean {
  return node.nodeType === 'FunctionDef' && blockingInfo(ctx).functions.has(node as py.FunctionDef);
}

/**
 * expressions.ts hands every compiled call here: a blocking call
 * (`asyncio.run(main())`, `loop.run_until_complete(…)`, a function that
 * makes one) is awaited — `$un(await $blk(call))` — where the compiled code
 * can wait (module level, a function made async for it, a coroutine), and
 * is a compile-time error elsewhere.
 */
export function blockingCall(node: py.Call, compiled: t.Expression, ctx: TransformContext): t.Expression {
  const info = blockingInfo(ctx);
  if (!isBlockingCallNode(node, info)) return compiled;
  const scope = ctx.scope;
  const canWait = (scope.kind === 'module') || (scope.isCoroutine && scope.comprehension === null) || isBlockingScope(ctx);
  if (!canWait) {
    // unittest.main blocks only for IsolatedAsyncioTestCases: elsewhere it runs the synchronous tests as a plain call.
    if (isUnittestMain(node, info)) return compiled;
    const line = ctx.source.split(/\r\n|\r|\n/)[node.lineno - 1] ?? null;
    throw new CompileError(
      'SyntaxError',
      'pyasync cannot make this call block: asyncio.run(), run_until_complete() and the functions calling them '
      + 'can only wait at module level or in a plain function called from there',
      ctx.filename, node.lineno, node.col_offset + 1, line, node.end_lineno ?? node.lineno, (node.end_col_offset ?? node.col_offset) + 1,
    );
  }
  return ctx.at(node, call(ctx.rt('un'), [t.awaitExpression(call(ctx.rt('blk'), [compiled]))]));
}
