/**
 * Assignment, deletion and loop targets. Targets are parsed as expressions
 * and then given Store/Del context; an expression that cannot be a target
 * is reported with CPython's "cannot assign to …" wording.
 */
import * as ast from '../ast/nodes.js';
import type { expr, expr_context } from '../ast/nodes.js';
import { Parser } from './state.js';
import { bitwiseOr } from './expressions.js';
import { Ellipsis } from '../ast/constants.js';
import { exact } from './lists.js';

export type TargetKind = 'star' | 'for' | 'del';

// star_targets: star_target !',' | star_target (',' star_target )* [',']
// star_target: '*' (!'*' star_target) | target_with_star_atom
export function starTargets(p: Parser, kind: TargetKind): expr {
  const s = p.tok;
  const first = starTarget(p);
  let result = first;
  if (p.at(',')) {
    const elts = [first];
    while (p.accept(',')) {
      if (p.at('in') || p.at('=') || p.at(':')) break;
      elts.push(starTarget(p));
    }
    result = ast.Tuple(exact(elts), ast.Load, s.lineno, s.col_offset, p.prev.end_lineno, p.prev.end_col_offset);
  }
  const invalid = invalidTarget(result, kind);
  if (invalid) p.raiseAtNode(`cannot assign to ${exprName(invalid)}`, invalid);
  setContext(result, ast.Store);
  return result;
}

export function starTarget(p: Parser): expr {
  if (p.at('*')) {
    const star = p.next();
    if (p.at('*')) p.raiseInvalidSyntax();
    const value = starTarget(p);
    return ast.Starred(value, ast.Load, star.lineno, star.col_offset, p.prev.end_lineno, p.prev.end_col_offset);
  }
  return bitwiseOr(p);
}

export function setContext(e: expr, ctx: expr_context): void {
  switch (e.nodeType) {
    case 'Name':
    case 'Attribute':
    case 'Subscript':
      e.ctx = ctx;
      return;
    case 'Starred':
      e.ctx = ctx;
      setContext(e.value, ctx);
      return;
    case 'Tuple':
    case 'List':
      e.ctx = ctx;
      for (const elt of e.elts) setContext(elt, ctx);
      return;
  }
}

/** CPython's _PyPegen_get_invalid_target: the first sub-expression that cannot be a target. */
export function invalidTarget(e: expr, kind: TargetKind): expr | null {
  switch (e.nodeType) {
    case 'List':
    case 'Tuple':
      for (const elt of e.elts) {
        const bad = invalidTarget(elt, kind);
        if (bad) return bad;
      }
      return null;
    case 'Starred':
      if (kind === 'del') return e;
      return invalidTarget(e.value, kind);
    case 'Compare':
      // `for a in b` gets parsed as a comparison when the target is bad.
      if (kind === 'for') return e.ops[0]!.nodeType === 'In' ? invalidTarget(e.left, kind) : null;
      return e;
    case 'Name':
    case 'Subscript':
    case 'Attribute':
      return null;
    default:
      return e;
  }
}

/** CPython's _PyPegen_get_expr_name: how error messages name an expression. */
export function exprName(e: expr): string {
  switch (e.nodeType) {
    case 'Attribute': return 'attribute';
    case 'Subscript': return 'subscript';
    case 'Starred': return 'starred';
    case 'Name': return 'name';
    case 'List': return 'list';
    case 'Tuple': return 'tuple';
    case 'Lambda': return 'lambda';
    case 'Call': return 'function call';
    case 'BoolOp': case 'BinOp': case 'UnaryOp': return 'expression';
    case 'GeneratorExp': return 'generator expression';
    case 'Yield': case 'YieldFrom': return 'yield expression';
    case 'Await': return 'await expression';
    case 'ListComp': return 'list comprehension';
    case 'SetComp': return 'set comprehension';
    case 'DictComp': return 'dict comprehension';
    case 'Dict': return 'dict literal';
    case 'Set': return 'set display';
    case 'JoinedStr': case 'FormattedValue': return 'f-string expression';
    case 'Constant': {
      const v = e.value;
      if (v === null) return 'None';
      if (v === true) return 'True';
      if (v === false) return 'False';
      if (v === Ellipsis) return 'ellipsis';
      return 'literal';
    }
    case 'Compare': return 'comparison';
    case 'IfExp': return 'conditional expression';
    case 'NamedExpr': return 'named expression';
    case 'Slice': return 'slice';
  }
}

