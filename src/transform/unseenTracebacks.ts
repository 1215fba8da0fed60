/**
 * `try` and `with` statements and the exceptions whose tracebacks nothing
 * can see (runtime/builtins/unseenTracebacks.ts): a `try` whose handlers
 * provably never look at what they catch marks those classes unseen while
 * its body runs; every other `try` and `with` marks none, as its handlers,
 * `finally` or `__exit__` may look. Only bodies that cannot suspend are
 * marked (a generator's `yield` is fine: generators resume with none).
 */
import * as t from './build.js';
import { suspensions } from './build.js';
import type * as py from '../ast/nodes.js';
import { jsName, type TransformContext } from './context.js';
import { call } from './expressions.js';
import { isProvidedBuiltin } from './builtinNames.js';
import { someChild } from '../ast/walk.js';
import { DEF_GLOBAL, DEF_IMPORT, DEF_LOCAL, DEF_NONLOCAL, DEF_PARAM } from '../semantics/scopes.js';
import { verbatimStatement } from './verbatim.js';

/** What the suspension counts were before a body was compiled. */
export interface SuspensionMark {
  readonly yields: number;
  readonly awaits: number;
}

export function suspensionMark(): SuspensionMark {
  return { yields: suspensions.yields, awaits: suspensions.awaits };
}

/** Whether the body compiled since `mark` can leave its frame suspended with the mark still set. */
function suspendsSince(mark: SuspensionMark, ctx: TransformContext): boolean {
  if (suspensions.awaits !== mark.awaits) return true;
  if (suspensions.yields === mark.yields) return false;
  // A generator's yields are fine (it is resumed with no unseen classes); an async generator's are not.
  const unit = ctx.codeUnit();
  return unit === null || unit.nodeType !== 'FunctionDef' || ctx.symbols.scopes.get(unit)?.isGenerator !== true;
}

/**
 * `body` with its unseen classes set around it (those of the `try`
 * statement `owner`, or none), if it cannot suspend:
 * `$z = $tracebacksUnseen(classes); try { body } finally { $tracebacksUnseen($z); }`.
 * The classes are named only then, so a body that suspends imports none for it.
 */
export function withUnseen(body: t.Statement[], owner: py.Try | null, mark: SuspensionMark, ctx: TransformContext): t.Statement[] {
  if (suspendsSince(mark, ctx)) return body;
  const classes = owner !== null ? unseenClasses(owner, ctx) : null;
  const saved = ctx.temp();
  const unseen = ctx.rt('tracebacksUnseen').name;
  // Code without source positions, but the classes: text (verbatim.ts).
  const enter = classes === null
    ? verbatimStatement(`${saved.name} = ${unseen}(null)`)
    : t.expressionStatement(t.assignmentExpression('=', saved, call(t.identifier(unseen), [classes])));
  return [enter, t.tryStatement(t.blockStatement(body), null, t.blockStatement([verbatimStatement(`${unseen}(${saved.name})`)]))];
}

const EXCEPTION_NAME = /^(BaseException|Exception|[A-Za-z]*(Error|Warning|Exit|Iteration|Interrupt)|BaseExceptionGroup|ExceptionGroup)$/;

/** A builtin exception class named directly (not rebound anywhere it is visible). */
function builtinException(e: py.expr, ctx: TransformContext): boolean {
  return e.nodeType === 'Name' && EXCEPTION_NAME.test(e.id) && isProvidedBuiltin(e.id) && ctx.resolve(e.id) === 'builtin';
}

/** A statement that cannot raise (so it leaves the caught exception unseen: no context for a new one). */
function cannotRaise(s: py.stmt, ctx: TransformContext): boolean {
  switch (s.nodeType) {
    case 'Pass':
    case 'Break':
    case 'Continue':
      return true;
    case 'Return':
      return s.value === null || s.value.nodeType === 'Constant';
    case 'Assign':
      return s.targets.length === 1 && s.targets[0]!.nodeType === 'Name' && s.value.nodeType === 'Constant';
    case 'AugAssign':
      // `errors += 1` on a local that is bound and only ever an int: int arithmetic cannot raise.
      return (s.op.nodeType === 'Add' || s.op.nodeType === 'Sub') && isIntConstant(s.value) && s.target.nodeType === 'Name' && alwaysBoundInt(s.target.id, ctx);
    default:
      return false;
  }
}

function isIntConstant(e: py.expr): boolean {
  if (e.nodeType === 'UnaryOp' && (e.op.nodeType === 'USub' || e.op.nodeType === 'UAdd')) e = e.operand;
  return e.nodeType === 'Constant' && typeof e.value === 'bigint';
}

/** A function's local that is certainly bound here and that every binding in the function makes an int. */
function alwaysBoundInt(name: string, ctx: TransformContext): boolean {
  const unit = ctx.codeUnit();
  if (unit === null || (unit.nodeType !== 'FunctionDef' && unit.nodeType !== 'AsyncFunctionDef') || ctx.scope.kind !== 'function') return false;
  const flags = ctx.scope.flags(ctx.mangle(name));
  if (!(flags & DEF_LOCAL) || flags & (DEF_PARAM | DEF_GLOBAL | DEF_NONLOCAL | DEF_IMPORT)) return false;
  if (ctx.unboundCheck(name, 'local') !== null) return false;
  return !unit.body.some((s) => bindsOtherwise(s, name));
}

/**
 * Whether `node` binds `name` other than to an int (`name = 1`,
 * `name += 1`, `name -= 1`), nested functions included (a `nonlocal` there
 * counts): any other assignment, a loop or `with` target, an `except` or
 * import name, a walrus, a `del`, a pattern capture, a definition.
 */
function bindsOtherwise(node: py.AST, name: string): boolean {
  switch (node.nodeType) {
    case 'Assign':
      if (node.targets.length === 1 && node.targets[0]!.nodeType === 'Name' && node.targets[0]!.id === name && isIntConstant(node.value)) return false;
      break;
    case 'AugAssign':
      if (node.target.nodeType === 'Name' && node.target.id === name && (node.op.nodeType === 'Add' || node.op.nodeType === 'Sub') && isIntConstant(node.value)) return false;
      break;
    case 'Name':
      return node.id === name && node.ctx.nodeType !== 'Load';
    case 'ExceptHandler':
    case 'FunctionDef':
    case 'AsyncFunctionDef':
    case 'ClassDef':
    case 'MatchAs':
    case 'MatchStar':
      if (node.name === name) return true;
      break;
    case 'MatchMapping':
      if (node.rest === name) return true;
      break;
    case 'alias':
      if ((node.asname ?? node.name.split('.')[0]) === name) return true;
      break;
    case 'Global':
    case 'Nonlocal':
      if (node.names.includes(name)) return true;
      break;
  }
  return someChild(node, bindsOtherwise, name);
}

/**
 * A class the module's own `class Name(…)` statement binds, named from
 * function or module code that sees that global, where nothing else in
 * the module binds the name: the class object the handler will compare
 * with is, but for rebinding from outside the module (`mod.Name = …`,
 * `globals()`), the one there when the `try` starts. Its value then is
 * passed (undefined before the class statement runs, which covers nothing).
 */
function moduleClass(e: py.expr, ctx: TransformContext): boolean {
  if (e.nodeType !== 'Name' || ctx.scope.kind === 'class' || ctx.resolve(e.id) !== 'global' || ctx.mangle(e.id) !== e.id) return false;
  const module = ctx.module;
  if (module === null || module.nodeType !== 'Module') return false;
  // Asked once per module and name: each answer walks the whole module.
  let answers = soleClassBindings.get(module);
  if (answers === undefined) soleClassBindings.set(module, (answers = new Map()));
  let answer = answers.get(e.id);
  if (answer === undefined) answers.set(e.id, (answer = boundOnlyByOneClass(module, e.id)));
  return answer;
}

const soleClassBindings = new WeakMap<py.Module, Map<string, boolean>>();

/** Whether the module binds `name` by exactly one top-level `class` statement and nothing else. */
function boundOnlyByOneClass(module: py.Module, name: string): boolean {
  let classes = 0;
  for (const s of module.body) {
    if (s.nodeType === 'ClassDef' && s.name === name) {
      classes++;
      if (someChild(s, bindsOtherwise, name)) return false;
    } else if (bindsOtherwise(s, name)) return false;
  }
  return classes === 1;
}

/**
 * The classes a `try` may mark unseen, or null: each handler names builtin
 * exception classes or classes of the module (moduleClass) (a name or a
 * tuple of names; a bare `except:` is BaseException), binds no name, and
 * holds only statements that cannot raise.
 */
function unseenClasses(node: py.Try, ctx: TransformContext): t.Expression | null {
  if (node.handlers.length === 0) return null;
  const builtins: string[] = [];
  const own: string[] = [];
  const add = (e: py.expr): boolean => {
    if (builtinException(e, ctx)) builtins.push((e as py.Name).id);
    else if (moduleClass(e, ctx)) own.push((e as py.Name).id);
    else return false;
    return true;
  };
  for (const handler of node.handlers) {
    const h = handler as py.ExceptHandler;
    if (h.name !== null || !h.body.every((s) => cannotRaise(s, ctx))) return null;
    if (h.type === null) builtins.push('BaseException');
    else if (h.type.nodeType === 'Tuple' && h.type.elts.length > 0) {
      if (!h.type.elts.every(add)) return null;
    } else if (!add(h.type)) return null;
  }
  const classes = [...new Set(builtins)].map((n) => ctx.builtin(n) as t.Expression)
    .concat([...new Set(own)].map((n) => t.identifier(jsName(n))));
  return classes.length === 1 ? classes[0]! : t.arrayExpression(classes);
}
