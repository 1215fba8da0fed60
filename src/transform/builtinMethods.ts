/**
 * Fast paths for methods of builtin values in the `$call$m$N` helpers
 * (attributeHelpers.ts). `s.strip(c)` on a str, `xs.append(x)` on a list
 * and `d.get(k)` on a dict call the runtime's method directly
 * (`$strMethods.strip(s, c)`), not through `$callMethod`'s lookup of the
 * value's type table with its rest-argument array. Exactly what
 * `$callMethod` would call: the same method of the same table, only for the
 * exact builtin types (a Python subclass may override the method).
 *
 * The names are the runtime's tables' (runtime/builtins/attributes.ts
 * TABLES, minus dunders); builtinMethods.test.ts keeps the two in step.
 */
import * as t from './build.js';
import { quoted } from './quoted.js';
import type { TransformContext } from './context.js';

const names = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));

export const STR_METHOD_NAMES = names(`
capitalize casefold center count encode endswith expandtabs find format format_map index isalnum isalpha isascii
isdecimal isdigit isidentifier islower isnumeric isprintable isspace istitle isupper join ljust lower lstrip maketrans
partition removeprefix removesuffix replace rfind rindex rjust rpartition rsplit rstrip split splitlines startswith
strip swapcase title translate upper zfill
`);

export const LIST_METHOD_NAMES = names('append extend insert remove pop clear index count reverse copy sort');

export const DICT_METHOD_NAMES = names('keys values items get setdefault pop popitem clear copy update');

/** Whether some builtin type has a method `name`: then `$call$name$N` helpers have fast paths. */
export function hasBuiltinMethodFastPaths(name: string): boolean {
  return STR_METHOD_NAMES.has(name) || LIST_METHOD_NAMES.has(name) || DICT_METHOD_NAMES.has(name);
}

/** `if (<o is an exact builtin type>) return $<type>Methods.<name>(o, ...args);` for each type that has the method. */
export function builtinMethodFastPaths(ctx: TransformContext, name: string, o: t.Identifier, args: t.Identifier[]): t.Statement[] {
  const out: t.Statement[] = [];
  const fastPath = (test: t.Expression, table: string): void => {
    const method = t.memberExpression(ctx.rt(table), t.identifier(name));
    out.push(t.ifStatement(test, t.returnStatement(t.callExpression(method, [o, ...args]))));
  };
  if (STR_METHOD_NAMES.has(name)) fastPath(t.binaryExpression('===', t.unaryExpression('typeof', o), quoted('string')), 'strMethods');
  if (LIST_METHOD_NAMES.has(name)) fastPath(t.callExpression(ctx.rt('isExactList'), [o]), 'listMethods');
  if (DICT_METHOD_NAMES.has(name)) fastPath(t.callExpression(ctx.rt('isExactDict'), [o]), 'dictMethods');
  return out;
}
