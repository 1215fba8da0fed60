/**
 * `const $module$vars = { get x() { return x; }, set x($v) { x = $v; } };`:
 * the accessors through which functions reach module variables that an
 * enclosing function's own variables hide from JS (TransformContext.hiddenGlobal).
 */
import * as t from './build.js';
import { jsName, MODULE_VARS, type TransformContext } from './context.js';
import { isBuiltinName, isProvidedBuiltin } from './builtinNames.js';

/** The declaration, or null when no function needed it; `declared` are the module's variables. */
export function moduleVarsDeclaration(ctx: TransformContext, declared: ReadonlySet<string>): t.Statement | null {
  if (ctx.hiddenGlobals.size === 0) return null;
  const value = t.identifier('$v');
  const accessors: t.ObjectMethod[] = [];
  for (const name of ctx.hiddenGlobals) {
    const key = t.identifier(name);
    if (!declared.has(name)) {
      // Never bound in the module (only read, as `global` names can be): the builtin, or a NameError (a ReferenceError, as an undeclared name is read).
      const read = isBuiltinName(name) && isProvidedBuiltin(name) ? ctx.builtin(name) : t.identifier(jsName(name));
      accessors.push(t.objectMethod('get', key, [], t.blockStatement([t.returnStatement(read)])));
      continue;
    }
    const variable = t.identifier(jsName(name));
    accessors.push(t.objectMethod('get', key, [], t.blockStatement([t.returnStatement(variable)])));
    accessors.push(t.objectMethod('set', t.cloneNode(key), [value], t.blockStatement([
      t.expressionStatement(t.assignmentExpression('=', t.cloneNode(variable), t.cloneNode(value))),
    ])));
  }
  return t.variableDeclaration('const', [t.variableDeclarator(t.identifier(MODULE_VARS), t.objectExpression(accessors))]);
}
