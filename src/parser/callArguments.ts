/**
 * Call arguments (CPython's `arguments`/`args`/`kwargs` rules, with the
 * invalid_arguments and invalid_kwarg messages). Used by calls and by
 * class definitions' bases.
 */
import * as ast from '../ast/nodes.js';
import type { expr, keyword } from '../ast/nodes.js';
import { TokenKind, type Token } from './tokens.js';
import { Parser } from './state.js';
import { assignmentExpression, expression, forIfClauses, isComprehensionStart } from './expressions.js';
import { exprName } from './targets.js';
import { exact } from './lists.js';

function isSingleton(name: string): boolean {
  return name === 'True' || name === 'False' || name === 'None';
}

/** The token after the remaining arguments of a call (its `)` when they are well formed). */
function restOfArguments(p: Parser): Token {
  const end = p.speculate(() => {
    while (p.accept(',')) {
      if (p.at(')')) break;
      if (p.at('*') || p.at('**')) p.next();
      else if (p.tok.kind === TokenKind.NAME && p.peekAt(1).value === '=') {
        p.next();
        p.next();
      }
      expression(p);
    }
    return p.tok;
  });
  return end ?? p.tok;
}

export interface CallArguments {
  args: expr[];
  keywords: keyword[];
}

// '(' [arguments] ')'
// arguments: args [','] &')'
// args:
//     | ','.(starred_expression | ( assignment_expression | expression !':=') !'=')+ [',' kwargs ]
//     | kwargs
export function callArguments(p: Parser, allowGenerator = true): CallArguments {
  const open = p.next();
  const args: expr[] = [];
  const keywords: keyword[] = [];
  let sawKeyword = false;
  let sawDoubleStar = false;
  p.enter();
  while (!p.at(')')) {
    const t = p.tok;
    if (p.at('*')) {
      if (sawDoubleStar) p.raiseAtToken('iterable argument unpacking follows keyword argument unpacking', t);
      p.next();
      const value = expression(p);
      const starred = ast.Starred(value, ast.Load, t.lineno, t.col_offset, p.prev.end_lineno, p.prev.end_col_offset);
      if (isComprehensionStart(p)) p.raiseAtNode('iterable unpacking cannot be used in comprehension', starred);
      args.push(starred);
    } else if (p.at('**')) {
      p.next();
      const value = expression(p);
      keywords.push(ast.keyword(null, value, t.lineno, t.col_offset, p.prev.end_lineno, p.prev.end_col_offset));
      sawDoubleStar = true;
    } else if (t.kind === TokenKind.NAME && (p.atName() || isSingleton(t.value)) && p.peekAt(1).value === '=') {
      if (t.value === 'True' || t.value === 'False' || t.value === 'None') {
        p.raiseBetween(`cannot assign to ${t.value}`, t, p.peekAt(1));
      }
      const name = p.expectName();
      const eq = p.next();
      const value = expression(p);
      if (isComprehensionStart(p)) {
        p.raiseBetween("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", name, eq);
      }
      keywords.push(ast.keyword(name.value, value, name.lineno, name.col_offset, p.prev.end_lineno, p.prev.end_col_offset));
      sawKeyword = true;
    } else {
      const e = t.kind === TokenKind.NAME && p.peekAt(1).value === ':=' ? assignmentExpression(p) : expression(p);
      if (p.at(':=')) p.raiseAtNode(`cannot use assignment expressions with ${exprName(e)}`, e);
      if (p.at('=')) {
        if (e.nodeType === 'NamedExpr') p.raiseInvalidSyntax();
        p.raiseBetween('expression cannot contain assignment, perhaps you meant "=="?', e, p.tok);
      }
      if (isComprehensionStart(p)) {
        if (!allowGenerator && args.length === 0 && keywords.length === 0) p.raiseInvalidSyntax();
        const generators = forIfClauses(p);
        const last = generators[generators.length - 1]!;
        const lastItem = last.ifs.length ? last.ifs[last.ifs.length - 1]! : last.iter;
        if (args.length === 0 && keywords.length === 0 && p.at(')')) {
          const close = p.next();
          p.leave();
          const genexp = ast.GeneratorExp(e, generators, open.lineno, open.col_offset, close.end_lineno, close.end_col_offset);
          return { args: exact([genexp]), keywords };
        }
        // CPython's rule reads on past the ',' first, meeting any tokenizer error there.
        if (p.at(',') && p.peekAt(1).kind === TokenKind.ERRORTOKEN) p.raiseTokenError(p.peekAt(1));
        if (p.at(',') || args.length > 0 || keywords.length > 0) {
          p.raiseBetween('Generator expression must be parenthesized', e, lastItem);
        }
        p.raiseInvalidSyntax();
      }
      if (sawKeyword || sawDoubleStar) {
        // CPython reads the rest of the arguments before it complains.
        p.raiseHere(
          sawDoubleStar ? 'positional argument follows keyword argument unpacking' : 'positional argument follows keyword argument',
          'SyntaxError',
          restOfArguments(p),
        );
      }
      args.push(e);
    }
    if (!p.accept(',')) break;
  }
  p.leave();
  p.expect(')');
  return { args: exact(args), keywords: exact(keywords) };
}
