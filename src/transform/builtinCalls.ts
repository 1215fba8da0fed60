/**
 * Calls of builtins the compiler can specialise because it knows the name
 * is the builtin (no scope rebinds it): `isinstance(x, str)` with a builtin
 * type named directly becomes `$isinstanceStr(x)`, the representation test
 * with the general isinstance behind it only for instances of Python
 * classes (runtime/builtins/isinstanceFast.ts). `locals()` in a function
 * lists the function's variables (localsCall.ts); `globals()` the module's
 * (globalsCall.ts).
 */
import * as t from './build.js';
import type * as py from '../ast/nodes.js';
import type { TransformContext } from './context.js';
import { isLocalsCall, localsCall } from './localsCall.js';
import { globalsCall, isGlobalsCall } from './globalsCall.js';
import { importCall } from './imports.js';

const ISINSTANCE_TESTS: Record<string, string> = {
  str: 'isinstanceStr', int: 'isinstanceInt', float: 'isinstanceFloat', bool: 'isinstanceBool', list: 'isinstanceList',
  tuple: 'isinstanceTuple', dict: 'isinstanceDict', set: 'isinstanceSet',
};

/** The runtime test for `isinstance(x, T)` with T a builtin type named directly, or null. */
function isinstanceTest(node: py.Call, ctx: TransformContext): string | null {
  if (node.func.nodeType !== 'Name' || node.func.id !== 'isinstance' || node.args.length !== 2 || node.keywords.length !== 0) return null;
  const [x, cls] = node.args as [py.expr, py.expr];
  if (x.nodeType === 'Starred' || cls.nodeType !== 'Name' || !Object.hasOwn(ISINSTANCE_TESTS, cls.id)) return null;
  if (ctx.resolve('isinstance') !== 'builtin' || ctx.resolve(cls.id) !== 'builtin') return null;
  return ISINSTANCE_TESTS[cls.id]!;
}

/** `type(name, bases, dict)`: three plain positional arguments, `type` the builtin. */
function isNewTypeCall(node: py.Call, ctx: TransformContext): boolean {
  return node.func.nodeType === 'Name' && node.func.id === 'type' && node.args.length === 3 && node.keywords.length === 0
    && node.args.every((a) => a.nodeType !== 'Starred') && ctx.resolve('type') === 'builtin';
}

/** Whether the call compiles to a specialised builtin that gives a JS boolean. */
export function isBooleanBuiltinCall(node: py.Call, ctx: TransformContext): boolean {
  return isinstanceTest(node, ctx) !== null;
}

/** The specialised call, or null when the call is not one of them. `expression` compiles the arguments. */
export function builtinCall(
  node: py.Call,
  ctx: TransformContext,
  expression: (e: py.expr, ctx: TransformContext) => t.Expression,
): t.Expression | null {
  const test = isinstanceTest(node, ctx);
  if (test !== null) return t.callExpression(ctx.rt(test), [expression(node.args[0]!, ctx)]);
  if (isLocalsCall(node, ctx)) return localsCall(node, ctx);
  if (isGlobalsCall(node, ctx)) return globalsCall(ctx);
  if (node.func.nodeType === 'Name' && node.func.id === '__import__' && ctx.resolve('__import__') === 'builtin') return importCall(node, ctx, expression);
  if (isNewTypeCall(node, ctx)) {
    // The class's __module__ is the calling module's name, which only the call site knows.
    return t.callExpression(ctx.rt('newTypeIn'), [t.identifier('__name__'), ...node.args.map((a) => expression(a, ctx))]);
  }
  return null;
}
