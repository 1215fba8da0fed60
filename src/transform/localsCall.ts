/**
 * `locals()` (and `vars()`, and `dir()`, which lists the same names sorted) called in a function: the compiler knows the
 * function's variables, so the call becomes `$1 = $localsOf($1, ["a", a,
 * "b", b])`: as in CPython 3.11, each call of the function has one dict,
 * which every locals() refreshes (setting the bound variables, removing
 * the unbound ones, held as `undefined`). The order is CPython 3.11's: the plain locals in
 * `co_varnames` order (localsOrder.ts), then the cell variables, then the
 * free variables, each of those two sorted by name.
 *
 * At module level it is the module's namespace, which `globals()` gives
 * (globalsCall.ts). In a class body it is the class namespace, which
 * compiled code does not keep as a dict: there, and in a comprehension
 * (its own function in 3.11, with its `.0`), both are compile-time errors.
 */
import * as t from './build.js';
import type * as py from '../ast/nodes.js';
import type { TransformContext } from './context.js';
import { localsOrder } from './codeFacts.js';
import { quoted } from './quoted.js';
import { globalsCall } from './globalsCall.js';


/** Whether the call is `locals()`, `vars()` or `dir()` naming the builtin, with no arguments. */
export function isLocalsCall(node: py.Call, ctx: TransformContext): boolean {
  if (node.func.nodeType !== 'Name' || node.args.length !== 0 || node.keywords.length !== 0) return false;
  const name = node.func.id;
  return (name === 'locals' || name === 'vars' || name === 'dir') && ctx.resolve(name) === 'builtin';
}

/** The compiled `locals()`, or `dir()`: the sorted names of what locals() gives; a compile-time error where it is not supported. */
export function localsCall(node: py.Call, ctx: TransformContext): t.Expression {
  const name = (node.func as py.Name).id;
  const namespace = localsDict(node, name, ctx);
  return name === 'dir' ? t.callExpression(ctx.builtin('sorted'), [namespace]) : namespace;
}

function localsDict(node: py.Call, name: string, ctx: TransformContext): t.Expression {
  const scope = ctx.scope;
  // At module level the namespace is the module's: globals() (globalsCall.ts).
  if (scope.kind === 'module') return globalsCall(ctx);
  if (scope.kind !== 'function') return ctx.unsupported(`${name}() in a class body`, node);
  const fn = ctx.codeUnit();
  if (scope.comprehension !== null || fn === null || (fn.nodeType !== 'FunctionDef' && fn.nodeType !== 'AsyncFunctionDef' && fn.nodeType !== 'Lambda')) {
    return ctx.unsupported(`${name}() in a comprehension`, node);
  }
  // Its code's facts (codeFacts.ts), as its `def` told them to `__code__`.
  const names = localsOrder(fn, scope, ctx);
  const parts: t.Expression[] = [];
  for (const n of names) parts.push(quoted(n), ctx.variable(n));
  const dict = ctx.functionTemp('locals');
  return t.assignmentExpression('=', dict, t.callExpression(ctx.rt('localsOf'), [t.identifier(dict.name), t.arrayExpression(parts)]));
}
