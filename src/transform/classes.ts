/**
 * `class C(Base, metaclass=M): body` → `C = $class("C", [Base], ($ns, __class__) => {…})`.
 * The body runs once, as Python runs it, assigning the names it binds to the
 * namespace object `$ns`; methods refer to the class made from it through
 * `__class__` (what `super()` uses), as CPython's `__class__` cell.
 */
import * as t from './build.js';
import { quoted, quotedText } from './quoted.js';
import type * as py from '../ast/nodes.js';
import type { TransformContext } from './context.js';
import { call, expression } from './expressions.js';
import { statement } from './statements.js';
import { scopeBody } from './bindings.js';
import { letStatement, verbatimStatement } from './verbatim.js';
import { someChild } from '../ast/walk.js';
import type { AST } from '../ast/nodes.js';

export function ClassDef(node: py.ClassDef, ctx: TransformContext): t.Statement[] {
  const bases = node.bases.map((b) =>
    b.nodeType === 'Starred' ? t.spreadElement(call(ctx.rt('iterate'), [expression(b.value, ctx)])) : expression(b, ctx),
  );
  const keywords = node.keywords.map((k) =>
    k.arg === null
      ? t.spreadElement(call(ctx.rt('kwargs'), [expression(k.value, ctx)]))
      : t.objectProperty(quoted(k.arg), expression(k.value, ctx)),
  );
  const decorators = node.decorator_list.map((d) => expression(d, ctx));
  const qualname = ctx.qualname(node.name);
  const ns = t.identifier('$ns');
  const { result, temps } = ctx.inClass(node, node.name, qualname, ns, () => {
    // `$ns.__module__ = __name__;` and `$ns.__qualname__ = "C";`, as text (verbatim.ts).
    const prologue: t.Statement[] = [verbatimStatement('$ns.__module__ = __name__'), verbatimStatement(`$ns.__qualname__ = ${quotedText(qualname)}`)];
    let body = node.body;
    const first = body[0];
    if (first?.nodeType === 'Expr' && first.value.nodeType === 'Constant' && typeof first.value.value === 'string') {
      prologue.push(ctx.at(first, verbatimStatement(`$ns.__doc__ = ${quotedText(first.value.value)}`)));
      body = body.slice(1);
    }
    // A method using super() or __class__: CPython's `__classcell__`, last in the namespace a metaclass sees.
    const cell = usesClassCell(node, ctx) ? [verbatimStatement('$ns.__classcell__ = __class__')] : [];
    const initial = first === body[0] ? ['__module__', '__qualname__'] : ['__module__', '__qualname__', '__doc__'];
    return [...prologue, ...scopeBody(body, initial, ctx, (s) => statement(s, ctx)), ...cell];
  });
  const declarations = temps.length > 0 ? [letStatement(temps.map((tmp) => tmp.name))] : [];
  const bodyFn = t.arrowFunctionExpression([ns, t.identifier('__class__')], t.blockStatement([...declarations, ...result]));
  const args: t.Expression[] = [quoted(node.name), t.arrayExpression(bases), bodyFn];
  if (keywords.length > 0) args.push(t.objectExpression(keywords));
  let value: t.Expression = call(ctx.rt('class'), args);
  for (let i = decorators.length - 1; i >= 0; i--) value = call(decorators[i]!, [value]);
  return [t.expressionStatement(t.assignmentExpression('=', ctx.boundName(node, node.name, 'class'), value))];
}

/**
 * Whether a function in the class body (not in a nested class's body)
 * names `super` or `__class__`: CPython then gives the class a `__class__`
 * cell and its namespace a `__classcell__`. Most classes name neither, which
 * their text tells without walking their body: a name is its identifier as
 * written unless that has non-ASCII letters (NFKC makes `ｓuper` `super`).
 */
function usesClassCell(node: py.ClassDef, ctx: TransformContext): boolean {
  if (node.end_lineno !== null) {
    const text = ctx.lines.lineSpan(node.lineno, node.end_lineno);
    if (text !== null && !text.includes('super') && !text.includes('__class__') && (ctx.lines.allAscii() || !NON_ASCII.test(text))) {
      return false;
    }
  }
  for (const s of node.body) if (namesClassCell(s, false)) return true;
  return false;
}

const NON_ASCII = /[^\x00-\x7f]/;

function namesClassCell(n: AST, inFunction: boolean): boolean {
  if (n.nodeType === 'Name') return inFunction && (n.id === 'super' || n.id === '__class__');
  if (n.nodeType === 'ClassDef') {
    // A nested class's body has its own cell; its bases, keywords and decorators are evaluated here.
    for (const c of n.bases) if (namesClassCell(c, inFunction)) return true;
    for (const c of n.keywords) if (namesClassCell(c, inFunction)) return true;
    for (const c of n.decorator_list) if (namesClassCell(c, inFunction)) return true;
    return false;
  }
  const nested = inFunction || n.nodeType === 'FunctionDef' || n.nodeType === 'AsyncFunctionDef' || n.nodeType === 'Lambda';
  return someChild(n, namesClassCell, nested);
}
