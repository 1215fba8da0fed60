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
import type { TransformContext } from './context.js';
import { call } from './expressions.js';
import { isProvidedBuiltin } from './builtinNames.js';

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
 * `body` with its unseen classes set around it (`classes`, or none), if it
 * cannot suspend: `$z = $tracebacksUnseen(classes); try { body } finally { $tracebacksUnseen($z); }`.
 */
export function withUnseen(body: t.Statement[], classes: t.Expression | null, mark: SuspensionMark, ctx: TransformContext): t.Statement[] {
  if (suspendsSince(mark, ctx)) return body;
  const saved = ctx.temp();
  const unseen = (value: t.Expression): t.Expression => call(ctx.rt('tracebacksUnseen'), [value]);
  return [
    t.expressionStatement(t.assignmentExpression('=', saved, unseen(classes ?? t.nullLiteral()))),
    t.tryStatement(t.blockStatement(body), null, t.blockStatement([t.expressionStatement(unseen(t.cloneNode(saved)))])),
  ];
}

const EXCEPTION_NAME = /^(BaseException|Exception|[A-Za-z]*(Error|Warning|Exit|Iteration|Interrupt)|BaseExceptionGroup|ExceptionGroup)$/;

/** A builtin exception class named directly (not rebound anywhere it is visible). */
function builtinException(e: py.expr, ctx: TransformContext): boolean {
  return e.nodeType === 'Name' && EXCEPTION_NAME.test(e.id) && isProvidedBuiltin(e.id) && ctx.resolve(e.id) === 'builtin';
}

/** A statement that cannot raise (so it leaves the caught exception unseen: no context for a new one). */
function cannotRaise(s: py.stmt): boolean {
  switch (s.nodeType) {
    case 'Pass':
    case 'Break':
    case 'Continue':
      return true;
    case 'Return':
      return s.value === null || s.value.nodeType === 'Constant';
    case 'Assign':
      return s.targets.length === 1 && s.targets[0]!.nodeType === 'Name' && s.value.nodeType === 'Constant';
    default:
      return false;
  }
}

/**
 * The classes a `try` may mark unseen, or null: each handler names builtin
 * exception classes (a name or a tuple of names; a bare `except:` is
 * BaseException), binds no name, and holds only statements that cannot raise.
 */
export function unseenClasses(node: py.Try, ctx: TransformContext): t.Expression | null {
  if (node.handlers.length === 0) return null;
  const names: string[] = [];
  for (const handler of node.handlers) {
    const h = handler as py.ExceptHandler;
    if (h.name !== null || !h.body.every(cannotRaise)) return null;
    if (h.type === null) names.push('BaseException');
    else if (builtinException(h.type, ctx)) names.push((h.type as py.Name).id);
    else if (h.type.nodeType === 'Tuple' && h.type.elts.length > 0 && h.type.elts.every((e) => builtinException(e, ctx))) {
      for (const e of h.type.elts) names.push((e as py.Name).id);
    } else return null;
  }
  const unique = [...new Set(names)];
  return unique.length === 1 ? ctx.builtin(unique[0]!) : t.arrayExpression(unique.map((n) => ctx.builtin(n)));
}
