/**
 * `globals()` (and `locals()`/`vars()` at module level, which CPython
 * answers with the same dict): the module's namespace as a dict. Compiled
 * code keeps the globals as `var`s, so each call becomes
 * `$module$globals()`, a function the module defines once (hoisted, like
 * `$module$setattr`), which hands the runtime's `globalsOf` the names and
 * current values: one dict per module, refreshed by every call, in
 * CPython's order — the dunders as the import system sets them, then the
 * names the module binds, in the order they first appear. Assigning or
 * deleting a key through the dict assigns or unbinds the variable
 * (`$module$setattr`); keys that name no variable stay in the dict only.
 */
import * as t from './build.js';
import type * as py from '../ast/nodes.js';
import type { TransformContext } from './context.js';
import { jsName } from './context.js';
import { quoted } from './quoted.js';

export const GLOBALS_FUNCTION = '$module$globals';

/** Whether the call is `globals()` naming the builtin. */
export function isGlobalsCall(node: py.Call, ctx: TransformContext): boolean {
  return node.func.nodeType === 'Name' && node.func.id === 'globals' && node.args.length === 0 && node.keywords.length === 0
    && ctx.resolve('globals') === 'builtin';
}

/** The compiled `globals()`: a call of the module's namespace function, which the module then defines. */
export function globalsCall(ctx: TransformContext): t.Expression {
  ctx.usesGlobals = true;
  return t.callExpression(t.identifier(GLOBALS_FUNCTION), []);
}

/** CPython's order of the dunders in a module's namespace (those pyasync defines; no `__builtins__`, `__cached__`). */
const DUNDER_ORDER = ['__name__', '__doc__', '__package__', '__loader__', '__spec__', '__path__', '__file__'];

/**
 * `function $module$globals() { return $globalsOf($module$globals, ["__name__", __name__, …], $module$setattr); }`:
 * the function itself keys the module's dict in the runtime.
 */
export function globalsFunction(ctx: TransformContext, dunders: readonly string[], globals: readonly string[]): t.Statement {
  const parts: t.Expression[] = [];
  for (const name of DUNDER_ORDER) if (dunders.includes(name)) parts.push(quoted(name), t.identifier(name));
  for (const name of globals) parts.push(quoted(name), t.identifier(jsName(name)));
  // $module$setattr lists the module's own names (not the dunders); a module without any has none.
  const setattr = globals.length > 0 ? t.identifier('$module$setattr') : t.nullLiteral();
  const call = t.callExpression(ctx.rt('globalsOf'), [t.identifier(GLOBALS_FUNCTION), t.arrayExpression(parts), setattr]);
  return t.functionDeclaration(t.identifier(GLOBALS_FUNCTION), [], t.blockStatement([t.returnStatement(call)]));
}
