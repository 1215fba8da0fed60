/**
 * Annotations in a class body (`x: int = 0`): CPython stores them in the
 * class's `__annotations__` dict, which dataclasses, NamedTuple and typing
 * read. A name or dotted name is evaluated, as CPython evaluates it; any
 * other annotation (`list[int]`, `Optional[str]`…) is kept as its source
 * text (spaced as ast.unparse spaces the common cases), as under
 * `from __future__ import annotations` (PEP 563), so that
 * subscripted types pyasync cannot evaluate never fail at class creation.
 * Under that future import every annotation is kept as a string.
 */
import * as t from './build.js';
import { quoted } from './quoted.js';
import type * as py from '../ast/nodes.js';
import type { TransformContext } from './context.js';
import { call, expression } from './expressions.js';
import { isDocstring } from '../semantics/future.js';

const FUTURE = new WeakMap<py.AST, boolean>();

/** Whether the module starts with `from __future__ import annotations` (asked per function: found once per module). */
export function futureAnnotations(ctx: TransformContext): boolean {
  const module = ctx.module;
  if (module === null || module.nodeType !== 'Module') return false;
  let future = FUTURE.get(module);
  if (future === undefined) FUTURE.set(module, (future = hasFutureAnnotations(module.body)));
  return future;
}

/** Whether a module body starts (after its docstring, among other future imports) with `from __future__ import annotations`. */
function hasFutureAnnotations(body: readonly py.stmt[]): boolean {
  for (let i = isDocstring(body[0]) ? 1 : 0; i < body.length; i++) {
    const s = body[i]!;
    if (s.nodeType !== 'ImportFrom' || s.module !== '__future__') return false;
    for (const alias of s.names) if (alias.name === 'annotations') return true;
  }
  return false;
}

/** The statement recording a class-body annotation, or null outside a class body. */
export function classAnnotation(node: py.AnnAssign, ctx: TransformContext): t.Statement | null {
  if (ctx.scope.kind !== 'class' || node.target.nodeType !== 'Name' || !node.simple) return null;
  return t.expressionStatement(call(ctx.rt('annotate'), [t.identifier('$ns'), quoted(ctx.mangle(node.target.id)), annotationValue(node.annotation, ctx)]));
}

/**
 * An annotation's value: evaluated when it is a name, a dotted name or a
 * string, else its source text (see above). A string (written or kept) makes
 * the module register its globals for typing.get_type_hints.
 */
export function annotationValue(ann: py.expr, ctx: TransformContext): t.Expression {
  const text = futureAnnotations(ctx) || !evaluable(ann);
  if (text || (ann.nodeType === 'Constant' && typeof ann.value === 'string')) {
    ctx.registersGlobals = true;
    ctx.usesGlobals = true;
  }
  return text ? quoted(sourceText(ann, ctx.source)) : expression(ann, ctx);
}

/**
 * A function's annotations, for its `__annotations__` (`{x: int, return: str}`,
 * parameters in order, then the return's), or null when it has none.
 */
export function functionAnnotations(node: py.FunctionDef | py.AsyncFunctionDef | py.Lambda, ctx: TransformContext): t.ObjectExpression | null {
  if (node.nodeType === 'Lambda') return null;
  const a = node.args;
  const params = [...a.posonlyargs, ...a.args, ...(a.vararg ? [a.vararg] : []), ...a.kwonlyargs, ...(a.kwarg ? [a.kwarg] : [])];
  const properties: t.ObjectProperty[] = [];
  for (const p of params) if (p.annotation !== null) properties.push(t.objectProperty(quoted(ctx.mangle(p.arg)), annotationValue(p.annotation, ctx)));
  if (node.returns !== null) properties.push(t.objectProperty(quoted('return'), annotationValue(node.returns, ctx)));
  return properties.length === 0 ? null : t.objectExpression(properties);
}

function evaluable(node: py.expr): boolean {
  if (node.nodeType === 'Name') return true;
  if (node.nodeType === 'Attribute') return evaluable(node.value);
  return node.nodeType === 'Constant' && (typeof node.value === 'string' || node.value === null);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The annotation's source, from its UTF-8 column offsets (lines joined as written). */
function sourceText(node: py.expr, source: string): string {
  const lines = source.split(/\r\n|\r|\n/);
  const first = node.lineno;
  const last = node.end_lineno ?? first;
  const parts: string[] = [];
  for (let n = first; n <= last; n++) {
    const bytes = encoder.encode(lines[n - 1] ?? '');
    const start = n === first ? node.col_offset : 0;
    const end = n === last ? node.end_col_offset ?? bytes.length : bytes.length;
    parts.push(decoder.decode(bytes.slice(start, end)));
  }
  // Close to ast.unparse's spelling for the common cases: `Dict[str, int]`, `Optional[int]`.
  return parts
    .join(' ')
    .replace(/\s+/g, ' ')
    .replace(/([[(]) /g, '$1')
    .replace(/ ([\]),])/g, '$1')
    .replace(/,(?=[^\s\])])/g, ', ')
    .trim();
}
