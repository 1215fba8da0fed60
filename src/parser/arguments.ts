/**
 * Parameter lists of `def` and `lambda` (CPython's `parameters` and
 * `lambda_params` rules, with the invalid_parameters messages).
 */
import * as ast from '../ast/nodes.js';
import type { arg, arguments as Arguments, expr } from '../ast/nodes.js';
import { Parser, isKeyword } from './state.js';
import { TokenKind, type Token } from './tokens.js';
import { expression, starExpression } from './expressions.js';
import { exact } from './lists.js';

// params: parameters
// parameters:
//     | slash_no_default param_no_default* param_with_default* [star_etc]
//     | slash_with_default param_with_default* [star_etc]
//     | param_no_default+ param_with_default* [star_etc]
//     | param_with_default+ [star_etc]
//     | star_etc
export function functionParameters(p: Parser): Arguments {
  return parameters(p, ')', true);
}

// lambda_params: lambda_parameters (the same shapes, without annotations)
export function lambdaParameters(p: Parser): Arguments {
  return parameters(p, ':', false);
}

function parameters(p: Parser, close: string, annotated: boolean): Arguments {
  let posonlyargs: arg[] = [];
  let args: arg[] = [];
  const defaults: expr[] = [];
  let vararg: arg | null = null;
  const kwonlyargs: arg[] = [];
  const kw_defaults: (expr | null)[] = [];
  let kwarg: arg | null = null;
  let sawSlash = false;
  let sawStar = false;
  let sawDefault = false;

  while (!p.at(close)) {
    const t = p.tok;
    /** The parameter this round parsed, for a type comment after it. */
    let current: arg | null = null;
    if (kwarg) p.raiseAtToken('arguments cannot follow var-keyword argument', t);
    if (p.at('/')) {
      if (sawSlash) p.raiseAtToken('/ may appear only once', t);
      if (sawStar) p.raiseAtToken('/ must be ahead of *', t);
      if (args.length === 0) {
        if (p.peekAt(1).value === ',') p.raiseAtToken('at least one argument must precede /', t);
        p.raiseInvalidSyntax(t);
      }
      p.next();
      if (p.at('*')) p.raiseAtToken('expected comma between / and *', p.tok);
      posonlyargs = args;
      args = [];
      sawSlash = true;
    } else if (p.at('*')) {
      if (sawStar) p.raiseAtToken('* argument may appear only once', t);
      p.next();
      sawStar = true;
      if (p.at(',') || p.at(close)) {
        const after = p.at(',') ? p.peekAt(1) : p.tok;
        if (after.value === close || after.value === '**') {
          // def: located at the '*'; lambda: wherever CPython's lookahead stopped.
          if (annotated) p.raiseAtToken('named arguments must follow bare *', t);
          p.raiseHere('named arguments must follow bare *', 'SyntaxError', after);
        }
        if (after.kind === TokenKind.TYPE_COMMENT) p.raiseAtToken('bare * has associated type comment', after);
      } else {
        vararg = current = parameter(p, annotated, true);
        if (p.at('=')) p.raiseAtToken('var-positional argument cannot have default value', p.tok);
      }
    } else if (p.at('**')) {
      p.next();
      kwarg = current = parameter(p, annotated, false);
      if (p.at('=')) p.raiseAtToken('var-keyword argument cannot have default value', p.tok);
    } else {
      if (p.at('(')) parenthesisedParameters(p, annotated);
      const a = (current = parameter(p, annotated, false));
      let value: expr | null = null;
      if (p.at('=')) {
        const eq = p.next();
        if (p.at(',') || p.at(close)) p.raiseAtToken('expected default value expression', eq);
        value = expression(p);
      }
      if (sawStar) {
        kwonlyargs.push(a);
        kw_defaults.push(value);
      } else {
        if (value) {
          defaults.push(value);
          sawDefault = true;
        } else if (sawDefault) {
          p.raiseAtNode('non-default argument follows default argument', a);
        }
        args.push(a);
      }
    }
    // param: … ',' TYPE_COMMENT? | … TYPE_COMMENT? &')'   (def only)
    const more = p.accept(',') !== null;
    if (current && annotated && p.atKind(TokenKind.TYPE_COMMENT) && (more || p.peekAt(1).value === close)) {
      current.type_comment = p.next().value;
    }
    if (!more) break;
  }
  if (!p.at(close)) p.raiseInvalidSyntax();
  return ast.arguments_(exact(posonlyargs), exact(args), vararg, exact(kwonlyargs), exact(kw_defaults), kwarg, exact(defaults));
}

/** invalid_parameters: `def f((a, b)):` — Python 2's tuple parameters. */
function parenthesisedParameters(p: Parser, annotated: boolean): never {
  const open = p.tok;
  let i = 1;
  const isName = (t: Token) => t.kind === TokenKind.NAME && !isKeyword(t.value);
  while (isName(p.peekAt(i)) && p.peekAt(i + 1).value === ',') i += 2;
  if (isName(p.peekAt(i))) i++;
  if (i > 1 && p.peekAt(i).value === ')') {
    const what = annotated ? 'Function parameters' : 'Lambda expression parameters';
    p.raiseBetween(`${what} cannot be parenthesized`, open, p.peekAt(i));
  }
  return p.raiseInvalidSyntax(open);
}

// param: NAME annotation?    annotation: ':' expression    star_annotation: ':' star_expression
function parameter(p: Parser, annotated: boolean, star: boolean): arg {
  const name = p.expectName();
  let annotation: expr | null = null;
  if (annotated && p.accept(':')) annotation = star ? starExpression(p) : expression(p);
  return ast.arg(name.value, annotation, null, name.lineno, name.col_offset, p.prev.end_lineno, p.prev.end_col_offset);
}
