/**
 * `def` and `lambda`: JS functions whose parameters are the Python
 * positional parameters (then `...rest` for `*args`). Defaults are
 * evaluated once, where the `def` runs, into temporaries the JS default
 * values refer to; a missing argument arrives as `undefined` (None is
 * `null`), so JS's defaults apply exactly when Python's would. `$def`
 * attaches the Python signature, which calls with keywords bind by; the
 * prologue checks the argument count of direct calls. Keyword-only
 * parameters and `**kwargs` come from the runtime's `$restArgs` (see
 * runtime/builtins/calls.ts). Every name the function binds is declared
 * with `let` at its top.
 */
import * as t from './build.js';
import { quoted, quotedText } from './quoted.js';
import { letStatement, verbatimExpression, verbatimStatement } from './verbatim.js';
import type * as py from '../ast/nodes.js';
import { jsName, type TransformContext } from './context.js';
import { expression } from './expressions.js';
import { statement } from './statements.js';
import { scopeBody } from './bindings.js';
import { functionAnnotations } from './annotations.js';
import { generatorFunctionBody } from './generators.js';
import { coroutineFunctionBody, isBlockingFunction } from './async.js';
import { DEF_GLOBAL, DEF_IMPORT, DEF_LOCAL, DEF_NONLOCAL, DEF_PARAM, type Scope } from '../semantics/scopes.js';
import { codeFacts } from './codeFacts.js';

export function functionExpression(
  node: py.FunctionDef | py.Lambda,
  name: string | null,
  body: py.stmt[],
  ctx: TransformContext,
): t.Expression {
  const args = node.args;
  const positional = args.posonlyargs.length === 0 ? args.args : [...args.posonlyargs, ...args.args];
  const firstDefault = positional.length - args.defaults.length;
  const keywordStyle = args.kwonlyargs.length > 0 || args.kwarg !== null;
  // Each evaluation of the `def` gets its own defaults: an arrow function
  // receives them (`(($d0) => function f(a = $d0) {…})(1)`), so closures made
  // in a loop do not share them. Positional defaults are evaluated first, as in CPython.
  const defaults = args.defaults.map((d, i) => ({ tmp: t.identifier(`$d${i}`), value: expression(d, ctx) }));
  const kwDefaults = args.kw_defaults.map((d, i) => (d === null ? null : { tmp: t.identifier(`$k${i}`), value: expression(d, ctx) }));
  // Its body cannot run before the `def` binds its name (no decorator gets it first): a recursive call needs no check.
  if (name !== null && node.nodeType === 'FunctionDef' && node.decorator_list.length === 0) ctx.markBound([name]);
  const qualname = ctx.qualname(name ?? '<lambda>');
  const specText = signature(args);
  const firstArg = positional[0]?.arg ?? args.vararg?.arg ?? null;
  const scope = ctx.symbols.scopes.get(node)!;
  // For `__code__` (co_varnames, co_freevars…) and `__closure__`, found before the body is compiled (locals() reads them).
  const facts = codeFacts(node, scope, qualname, ctx);
  // The JS function is named as the Python one, unless its code refers to that name: inside a named
  // function expression the name would be the function itself, not the variable (which a decorator may rebind).
  const jsFunctionName = name !== null && !mentions(scope, ctx.mangle(name)) ? ctx.nameAt(node, ctx.mangle(name), 'def') : null;
  // How the prologue names the signature: the function itself when its name is its own (`$def` put the signature
  // on it; the name maps to the `def`'s), else the spec and qualname again.
  const signatureArgs = (): t.Expression[] => {
    if (jsFunctionName === null) return [quoted(specText), quoted(qualname)];
    const self = t.identifier(jsFunctionName.name);
    self.loc = jsFunctionName.loc;
    return [self];
  };
  const { result, temps } = ctx.inFunction(node, qualname, firstArg, () => {
    const params: (t.Identifier | t.AssignmentPattern | t.RestElement)[] = positional.map((a, i) => {
      const id = ctx.at(a, t.identifier(jsName(ctx.mangle(a.arg))));
      return i >= firstDefault ? t.assignmentPattern(id, defaults[i - firstDefault]!.tmp) : id;
    });
    const prologue: t.Statement[] = [];
    const checks: string[] = [];
    if (firstDefault > 0) checks.push(`arguments.length < ${firstDefault}`);
    if (!keywordStyle && !args.vararg) checks.push(`arguments.length > ${positional.length}`);
    if (checks.length > 0) {
      const test = checks.length === 2 && firstDefault === positional.length ? `arguments.length !== ${positional.length}` : checks.join(' || ');
      // The count, not the arguments object: passing that would make V8 build it on every call.
      // As text (verbatim.ts), mapped to the function's name when the check names the function.
      const named = jsFunctionName === null ? `${quotedText(specText)}, ${quotedText(qualname)}` : jsFunctionName.name;
      const check = verbatimStatement(`if (${test}) ${ctx.rt('checkArgs').name}(arguments.length, ${named})`);
      if (jsFunctionName !== null) check.loc = jsFunctionName.loc;
      prologue.push(check);
    }
    if (keywordStyle) {
      const rest = t.identifier('$rest');
      params.push(t.restElement(rest));
      const targets: (t.Identifier | t.AssignmentPattern)[] = [];
      if (args.vararg) targets.push(t.identifier(jsName(ctx.mangle(args.vararg.arg))));
      args.kwonlyargs.forEach((a, i) => {
        const id = ctx.at(a, t.identifier(jsName(ctx.mangle(a.arg))));
        const d = kwDefaults[i];
        targets.push(d ? t.assignmentPattern(id, d.tmp) : id);
      });
      if (args.kwarg) targets.push(t.identifier(jsName(ctx.mangle(args.kwarg.arg))));
      prologue.push(t.variableDeclaration('let', [
        t.variableDeclarator(t.arrayPattern(targets), t.callExpression(ctx.rt('restArgs'), [rest, ...signatureArgs()])),
      ]));
    } else if (args.vararg) {
      const rest = t.identifier(jsName(ctx.mangle(args.vararg.arg)));
      params.push(t.restElement(rest));
      prologue.push(t.expressionStatement(t.assignmentExpression('=', rest, t.callExpression(ctx.rt('tupleFrom'), [rest]))));
    }
    const parameters: string[] = [];
    for (const a of positional) parameters.push(ctx.mangle(a.arg));
    for (const a of args.kwonlyargs) parameters.push(ctx.mangle(a.arg));
    if (args.vararg) parameters.push(ctx.mangle(args.vararg.arg));
    if (args.kwarg) parameters.push(ctx.mangle(args.kwarg.arg));
    return { params, prologue, body: scopeBody(body, parameters, ctx, (s) => statement(s, ctx)) };
  });
  const inner = localsDeclaration(scope, temps);
  for (const s of result.body) inner.push(s);
  // A Python function that ends without `return` returns None (JS would give undefined, which reads as unbound).
  const last = inner[inner.length - 1];
  if (!scope.isGenerator && !(last && (t.isReturnStatement(last) || t.isThrowStatement(last)))) inner.push(t.returnStatement(t.nullLiteral()));
  // The argument checks run at the call; a generator's body waits for its first `next()`.
  const compiled = scope.isGenerator ? generatorFunctionBody(node, inner, ctx) : scope.isCoroutine ? coroutineFunctionBody(node, inner, ctx) : inner;
  const block = t.blockStatement(result.prologue.length === 0 ? compiled : result.prologue.concat(compiled));
  // A plain function calling asyncio.run() is async, and awaited where it is called (async.ts).
  const fn = t.functionExpression(jsFunctionName, result.params, block, false, isBlockingFunction(node, ctx));
  // The signature, for calls with keywords and for binding methods: `$def(function f(a, b = $d0) {…}, "a, b=", "f", __name__, 3)`.
  // Then the first line, for `__code__.co_firstlineno`: CPython's is the first decorator's, when there is one.
  const decorated = node.nodeType === 'Lambda' ? undefined : node.decorator_list[0];
  // The arguments after the function have no source positions, up to the keyword defaults: they are text (verbatim.ts),
  // which prints as the arguments would.
  let after = `${quotedText(specText + facts.text)}, ${quotedText(qualname)}, __name__, ${(decorated ?? node).lineno}`;
  const kwBound = args.kwonlyargs.flatMap((a, i) => (kwDefaults[i] ? [t.objectProperty(quoted(a.arg), kwDefaults[i]!.tmp)] : []));
  // The defaults, for `__defaults__` and `__kwdefaults__`; then the annotations, evaluated after them as in CPython.
  const annotations = functionAnnotations(node, ctx);
  if (defaults.length > 0 || kwBound.length > 0 || annotations !== null) {
    after += defaults.length > 0 ? `, [${defaults.map((d) => d.tmp.name).join(', ')}]` : ', null';
  }
  const defArgs: t.Expression[] = [fn, verbatimExpression(after)];
  if (kwBound.length > 0 || annotations !== null) defArgs.push(kwBound.length > 0 ? t.objectExpression(kwBound) : t.nullLiteral());
  if (annotations !== null) defArgs.push(annotations);
  const docstring = body[0]?.nodeType === 'Expr' && body[0].value.nodeType === 'Constant' && typeof body[0].value.value === 'string' ? body[0].value.value : null;
  let made = t.callExpression(ctx.rt('def'), defArgs);
  // A closure's cells, for `__closure__`: `$cells($def(…), () => [a, b])` reads the variables when asked.
  if (facts.free.length > 0) {
    made = t.callExpression(ctx.rt('cells'), [made, verbatimExpression(`() => [${facts.free.map(jsName).join(', ')}]`)]);
  }
  // The docstring, for `__doc__`: `$doc($def(…), "text")`.
  const defined = docstring === null || node.nodeType === 'Lambda' ? made : t.callExpression(ctx.rt('doc'), [made, quoted(docstring)]);
  const bound = [...defaults, ...kwDefaults.filter((d) => d !== null)];
  if (bound.length === 0) return defined;
  return t.callExpression(t.arrowFunctionExpression(bound.map((d) => d.tmp), defined), bound.map((d) => d.value));
}

/** The parameters as `$def` reads them: `"a, b=, /, c, *args, d, e=, **kw"`. */
function signature(args: py.arguments): string {
  const parts: string[] = [];
  const positional = [...args.posonlyargs, ...args.args];
  const firstDefault = positional.length - args.defaults.length;
  positional.forEach((a, i) => {
    parts.push(i >= firstDefault ? `${a.arg}=` : a.arg);
    if (i === args.posonlyargs.length - 1) parts.push('/');
  });
  if (args.vararg) parts.push(`*${args.vararg.arg}`);
  else if (args.kwonlyargs.length > 0) parts.push('*');
  args.kwonlyargs.forEach((a, i) => parts.push(args.kw_defaults[i] ? `${a.arg}=` : a.arg));
  if (args.kwarg) parts.push(`**${args.kwarg.arg}`);
  return parts.join(', ');
}

/** Whether a scope or any scope inside it uses `name`. */
function mentions(scope: Scope, name: string): boolean {
  return scope.symbols.has(name) || scope.children.some((c) => mentions(c, name));
}

/** `let a, b, $1;` at the top of a scope's JS function: the names it binds (localNames) and its temporaries; none without any. */
export function localsDeclaration(scope: Scope, temps: readonly t.Identifier[]): t.Statement[] {
  const names: string[] = [];
  for (const n of localNames(scope)) names.push(jsName(n));
  for (const tmp of temps) names.push(tmp.name);
  return names.length > 0 ? [letStatement(names)] : [];
}

/** Names a function binds that are its own (not parameters, not global or nonlocal). */
export function localNames(scope: Scope): string[] {
  const names: string[] = [];
  // forEach: no [name, flags] pair per entry.
  scope.symbols.forEach((flags, name) => {
    if (flags & (DEF_PARAM | DEF_GLOBAL | DEF_NONLOCAL)) return;
    if (flags & (DEF_LOCAL | DEF_IMPORT)) names.push(name);
  });
  return names;
}
