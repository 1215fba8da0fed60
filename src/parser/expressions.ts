/**
 * Expressions, from CPython 3.11's Grammar/python.gram. Each function parses
 * one grammar rule (quoted above it) starting at the current token.
 * Binary operators use precedence climbing over one table instead of one
 * function per level; the resulting trees are the same.
 */
import * as ast from '../ast/nodes.js';
import type { expr, comprehension, cmpop, operator } from '../ast/nodes.js';
import { Ellipsis } from '../ast/constants.js';
import { TokenKind, type Token } from './tokens.js';
import { Parser, isKeyword } from './state.js';
import { parseNumber } from './numbers.js';
import { parseStrings } from './stringAtoms.js';
import { lambdaParameters } from './arguments.js';
import { callArguments } from './callArguments.js';
import { starTargets, exprName } from './targets.js';
import { empty, exact } from './lists.js';

const { NAME, NUMBER, STRING, OP } = TokenKind;

// star_expressions:
//     | star_expression (',' star_expression )+ [','] | star_expression ',' | star_expression
export function starExpressions(p: Parser): expr {
  const s = p.tok;
  const first = starExpression(p);
  if (!p.at(',')) return first;
  const elts = [first];
  while (p.accept(',')) {
    if (!startsExpression(p.tok)) break;
    elts.push(starExpression(p));
  }
  return ast.Tuple(exact(elts), ast.Load, s.lineno, s.col_offset, p.prev.end_lineno, p.prev.end_col_offset);
}

// star_expression: '*' bitwise_or | expression
export function starExpression(p: Parser): expr {
  if (p.at('*')) return starred(p, bitwiseOr);
  return expression(p);
}

function starred(p: Parser, operand: (p: Parser) => expr): expr {
  const star = p.next();
  if (p.at('*')) p.raiseInvalidSyntax();
  const value = operand(p);
  return ast.Starred(value, ast.Load, star.lineno, star.col_offset, p.prev.end_lineno, p.prev.end_col_offset);
}

// star_named_expressions: ','.star_named_expression+ [',']
// star_named_expression: '*' bitwise_or | named_expression
export function starNamedExpression(p: Parser): expr {
  if (p.at('*')) return starred(p, bitwiseOr);
  return namedExpression(p);
}

// named_expression: assignment_expression | invalid_named_expression | expression !':='
// assignment_expression: NAME ':=' ~ expression
export function namedExpression(p: Parser): expr {
  if (p.tok.kind === NAME && p.peekAt(1).value === ':=' && p.atName()) return assignmentExpression(p);
  const start = p.tok;
  const e = expression(p);
  if (p.at(':=')) p.raiseAtNode(`cannot use assignment expressions with ${exprName(e)}`, e);
  if (p.at('=')) invalidNamedAssignment(p, e, start);
  return e;
}

export function assignmentExpression(p: Parser): expr {
  const name = p.next();
  p.next(); // ':='
  const value = expression(p);
  const target = ast.Name(name.value, ast.Store, name.lineno, name.col_offset, name.end_lineno, name.end_col_offset);
  return ast.NamedExpr(target, value, name.lineno, name.col_offset, p.prev.end_lineno, p.prev.end_col_offset);
}

/**
 * invalid_named_expression: `x = 1` where a condition or element is expected
 * (`if x = 1:`). Only raised where CPython's rule would match: the `=` must
 * be followed by a bitwise_or that is not itself followed by `=` or `:=`.
 */
export function invalidNamedAssignment(p: Parser, e: expr, startTok: Token = p.tokens[p.pos - 1]!): void {
  const rhsEnd = assignedBitwiseOr(p);
  if (!rhsEnd) return;
  if (e.nodeType === 'Name' && startTok.kind === NAME) {
    p.raiseBetween("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", e, rhsEnd);
  }
  const grouped = startTok.value === '(' && (e.lineno !== startTok.lineno || e.col_offset !== startTok.col_offset);
  if ((grouped || isBitwiseOrLevel(e)) && !startsWithDisplayOrSingleton(e)) {
    p.raiseAtNode(`cannot assign to ${exprName(e)} here. Maybe you meant '==' instead of '='?`, e);
  }
}

/**
 * At `=`: the last token of the bitwise_or after it when that is not followed
 * by `=` or `:=` (the lookahead of CPython's invalid_named_expression), else null.
 */
function assignedBitwiseOr(p: Parser): Token | null {
  return p.speculate(() => {
    p.next();
    if (!startsBitwiseOr(p.tok)) return null;
    bitwiseOr(p);
    return p.at('=') || p.at(':=') ? null : p.prev;
  });
}

function startsBitwiseOr(t: Token): boolean {
  return startsExpression(t) && t.value !== 'not' && t.value !== 'lambda' && t.value !== '*';
}

export function isBitwiseOrLevel(e: expr): boolean {
  switch (e.nodeType) {
    case 'BoolOp': case 'Compare': case 'IfExp': case 'Lambda': case 'NamedExpr': case 'Starred': return false;
    case 'UnaryOp': return e.op.nodeType !== 'Not';
    default: return true;
  }
}

/** CPython's lookahead !(list | tuple | genexp | 'True' | 'None' | 'False') at the start of an expression. */
function startsWithDisplayOrSingleton(e: expr): boolean {
  for (;;) {
    switch (e.nodeType) {
      case 'List': case 'Tuple': case 'GeneratorExp': return true;
      case 'Constant': return e.value === true || e.value === false || e.value === null;
      case 'BinOp': e = e.left; break;
      case 'Call': e = e.func; break;
      case 'Attribute': case 'Subscript': e = e.value; break;
      default: return false;
    }
  }
}

// expression:
//     | disjunction 'if' disjunction 'else' expression
//     | disjunction
//     | lambdef
export function expression(p: Parser): expr {
  p.enter();
  if (p.at('lambda')) {
    const e = lambdef(p);
    p.leave();
    return e;
  }
  const startPos = p.pos;
  const s = p.tok;
  const body = disjunction(p);
  if (p.invalidRules && startsExpression(p.tok)) juxtaposed(p, startPos, body);
  if (p.at('if') && p.tok.kind === NAME) {
    p.next();
    const test = disjunction(p);
    if (!p.at('else')) {
      if (!p.at(':')) p.raiseBetween("expected 'else' after 'if' expression", body, test);
      p.raiseInvalidSyntax();
    }
    p.next();
    const orelse = expression(p);
    p.leave();
    return ast.IfExp(test, body, orelse, s.lineno, s.col_offset, p.prev.end_lineno, p.prev.end_col_offset);
  }
  p.leave();
  return body;
}

// lambdef: 'lambda' [lambda_params] ':' expression
function lambdef(p: Parser): expr {
  const start = p.next();
  const args = lambdaParameters(p);
  p.expect(':');
  const body = expression(p);
  return ast.Lambda(args, body, start.lineno, start.col_offset, p.prev.end_lineno, p.prev.end_col_offset);
}

// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
export function yieldExpression(p: Parser): expr {
  const start = p.next();
  if (p.at('from')) {
    p.next();
    const value = expression(p);
    return ast.YieldFrom(value, start.lineno, start.col_offset, p.prev.end_lineno, p.prev.end_col_offset);
  }
  if (!startsExpression(p.tok)) return ast.Yield(null, start.lineno, start.col_offset, start.end_lineno, start.end_col_offset);
  const value = starExpressions(p);
  return ast.Yield(value, start.lineno, start.col_offset, p.prev.end_lineno, p.prev.end_col_offset);
}

// disjunction: conjunction ('or' conjunction )+ | conjunction
export function disjunction(p: Parser): expr {
  const s = p.tok;
  const first = conjunction(p);
  if (!(p.tok.value === 'or' && p.tok.kind === NAME)) return first;
  const values = [first];
  while (p.tok.value === 'or' && p.tok.kind === NAME) {
    p.next();
    values.push(conjunction(p));
  }
  return ast.BoolOp(ast.Or, exact(values), s.lineno, s.col_offset, p.prev.end_lineno, p.prev.end_col_offset);
}

// conjunction: inversion ('and' inversion )+ | inversion
function conjunction(p: Parser): expr {
  const s = p.tok;
  const first = inversion(p);
  if (!(p.tok.value === 'and' && p.tok.kind === NAME)) return first;
  const values = [first];
  while (p.tok.value === 'and' && p.tok.kind === NAME) {
    p.next();
    values.push(inversion(p));
  }
  return ast.BoolOp(ast.And, exact(values), s.lineno, s.col_offset, p.prev.end_lineno, p.prev.end_col_offset);
}

// inversion: 'not' inversion | comparison
function inversion(p: Parser): expr {
  if (p.tok.value === 'not' && p.tok.kind === NAME) {
    const start = p.next();
    p.enter();
    const operand = inversion(p);
    p.leave();
    return ast.UnaryOp(ast.Not, operand, start.lineno, start.col_offset, p.prev.end_lineno, p.prev.end_col_offset);
  }
  return comparison(p);
}

// comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
function comparison(p: Parser): expr {
  const s = p.tok;
  const left = bitwiseOr(p);
  let op = comparisonOperator(p);
  if (!op) return left;
  const ops: cmpop[] = [];
  const comparators: expr[] = [];
  while (op) {
    ops.push(op);
    comparators.push(bitwiseOr(p));
    op = comparisonOperator(p);
  }
  return ast.Compare(left, exact(ops), exact(comparators), s.lineno, s.col_offset, p.prev.end_lineno, p.prev.end_col_offset);
}

/** Consumes a comparison operator (`not in` and `is not` are two tokens). */
function comparisonOperator(p: Parser): cmpop | null {
  const t = p.tok;
  if (t.kind === OP) {
    let op: cmpop | null = null;
    switch (t.value) {
      case '==': op = ast.Eq; break;
      case '!=': op = ast.NotEq; break;
      case '<': op = ast.Lt; break;
      case '<=': op = ast.LtE; break;
      case '>': op = ast.Gt; break;
      case '>=': op = ast.GtE; break;
    }
    if (op) p.next();
    return op;
  }
  if (t.kind !== NAME) return null;
  if (t.value === 'in') {
    p.next();
    return ast.In;
  }
  if (t.value === 'is') {
    p.next();
    if (p.at('not')) {
      p.next();
      return ast.IsNot;
    }
    return ast.Is;
  }
  if (t.value === 'not' && p.peekAt(1).value === 'in' && p.peekAt(1).kind === NAME) {
    p.next();
    p.next();
    return ast.NotIn;
  }
  return null;
}

const BINARY_PRECEDENCE: ReadonlyMap<string, number> = new Map([
  ['|', 1], ['^', 2], ['&', 3], ['<<', 4], ['>>', 4], ['+', 5], ['-', 5],
  ['*', 6], ['/', 6], ['//', 6], ['%', 6], ['@', 6],
]);

const BINARY_OPERATORS: ReadonlyMap<string, operator> = new Map<string, operator>([
  ['|', ast.BitOr], ['^', ast.BitXor], ['&', ast.BitAnd], ['<<', ast.LShift], ['>>', ast.RShift],
  ['+', ast.Add], ['-', ast.Sub], ['*', ast.Mult], ['/', ast.Div], ['//', ast.FloorDiv],
  ['%', ast.Mod], ['@', ast.MatMult],
]);

// bitwise_or: bitwise_or '|' bitwise_xor | bitwise_xor   (and every level down to term)
export function bitwiseOr(p: Parser): expr {
  return binary(p, 1);
}

function binary(p: Parser, minPrecedence: number): expr {
  const s = p.tok;
  const depth = p.depth;
  let left = factor(p);
  for (;;) {
    const t = p.tok;
    if (t.kind !== OP) return (p.depth = depth), left;
    const precedence = BINARY_PRECEDENCE.get(t.value);
    if (precedence === undefined || precedence < minPrecedence) return (p.depth = depth), left;
    p.next();
    p.enter(); // each operator nests the tree one level deeper
    const right = precedence === 6 ? factor(p) : binary(p, precedence + 1);
    left = ast.BinOp(left, BINARY_OPERATORS.get(t.value)!, right, s.lineno, s.col_offset, p.prev.end_lineno, p.prev.end_col_offset);
  }
}

// factor: '+' factor | '-' factor | '~' factor | power
function factor(p: Parser): expr {
  const t = p.tok;
  if (t.kind === OP && (t.value === '-' || t.value === '+' || t.value === '~')) {
    p.next();
    p.enter();
    const operand = factor(p);
    p.leave();
    const op = t.value === '-' ? ast.USub : t.value === '+' ? ast.UAdd : ast.Invert;
    return ast.UnaryOp(op, operand, t.lineno, t.col_offset, p.prev.end_lineno, p.prev.end_col_offset);
  }
  return power(p);
}

// power: await_primary '**' factor | await_primary
function power(p: Parser): expr {
  const s = p.tok;
  const base = awaitPrimary(p);
  if (!(p.tok.value === '**' && p.tok.kind === OP)) return base;
  p.next();
  p.enter();
  const exponent = factor(p);
  p.leave();
  return ast.BinOp(base, ast.Pow, exponent, s.lineno, s.col_offset, p.prev.end_lineno, p.prev.end_col_offset);
}

// await_primary: AWAIT primary | primary
function awaitPrimary(p: Parser): expr {
  if (p.tok.value === 'await' && p.tok.kind === NAME) {
    const start = p.next();
    p.enter();
    const value = primary(p);
    p.leave();
    return ast.Await(value, start.lineno, start.col_offset, p.prev.end_lineno, p.prev.end_col_offset);
  }
  return primary(p);
}

// primary:
//     | primary '.' NAME
//     | primary genexp
//     | primary '(' [arguments] ')'
//     | primary '[' slices ']'
//     | atom
export function primary(p: Parser): expr {
  const s = p.tok;
  const depth = p.depth;
  let e = atom(p);
  for (;;) {
    const t = p.tok;
    if (t.kind !== OP) return (p.depth = depth), e;
    p.enter(); // each trailer nests the tree one level deeper
    if (t.value === '.') {
      p.next();
      const name = p.expectName();
      e = ast.Attribute(e, name.value, ast.Load, s.lineno, s.col_offset, name.end_lineno, name.end_col_offset);
    } else if (t.value === '(') {
      const { args, keywords } = callArguments(p);
      e = ast.Call(e, args, keywords, s.lineno, s.col_offset, p.prev.end_lineno, p.prev.end_col_offset);
    } else if (t.value === '[') {
      p.next();
      p.enter();
      const slice = slices(p);
      p.leave();
      p.expect(']');
      e = ast.Subscript(e, slice, ast.Load, s.lineno, s.col_offset, p.prev.end_lineno, p.prev.end_col_offset);
    } else {
      return (p.depth = depth), e;
    }
  }
}

// slices: slice !',' | ','.(slice | starred_expression)+ [',']
function slices(p: Parser): expr {
  const s = p.tok;
  const first = p.at('*') ? starred(p, expression) : slice(p);
  if (!p.at(',') && first.nodeType !== 'Starred') return first;
  const elts = [first];
  while (p.accept(',')) {
    if (p.at(']')) break;
    elts.push(p.at('*') ? starred(p, expression) : slice(p));
  }
  return ast.Tuple(exact(elts), ast.Load, s.lineno, s.col_offset, p.prev.end_lineno, p.prev.end_col_offset);
}

// slice: [expression] ':' [expression] [':' [expression] ] | named_expression
function slice(p: Parser): expr {
  const start = p.tok;
  let lower: expr | null = null;
  if (!p.at(':')) {
    lower = namedExpression(p);
    if (!p.at(':')) return lower;
    if (lower.nodeType === 'NamedExpr') p.raiseInvalidSyntax();
  }
  p.next();
  let upper: expr | null = null;
  let step: expr | null = null;
  if (startsExpression(p.tok)) upper = expression(p);
  if (p.accept(':')) {
    if (startsExpression(p.tok)) step = expression(p);
  }
  return ast.Slice(lower, upper, step, start.lineno, start.col_offset, p.prev.end_lineno, p.prev.end_col_offset);
}

// atom:
//     | NAME | 'True' | 'False' | 'None' | &STRING strings | NUMBER
//     | &'(' (tuple | group | genexp) | &'[' (list | listcomp)
//     | &'{' (dict | set | dictcomp | setcomp) | '...'
export function atom(p: Parser): expr {
  const t = p.tok;
  switch (t.kind) {
    case NAME: {
      if (isKeyword(t.value)) {
        if (t.value === 'True' || t.value === 'False' || t.value === 'None') {
          p.next();
          const value = t.value === 'True' ? true : t.value === 'False' ? false : null;
          return ast.Constant(value, null, t.lineno, t.col_offset, t.end_lineno, t.end_col_offset);
        }
        return p.raiseInvalidSyntax(t);
      }
      p.next();
      return ast.Name(t.value, ast.Load, t.lineno, t.col_offset, t.end_lineno, t.end_col_offset);
    }
    case NUMBER:
      p.next();
      return ast.Constant(parseNumber(p, t), null, t.lineno, t.col_offset, t.end_lineno, t.end_col_offset);
    case STRING:
      return parseStrings(p);
    case OP:
      switch (t.value) {
        case '(': return parenthesised(p);
        case '[': return listDisplay(p);
        case '{': return braceDisplay(p);
        case '...':
          p.next();
          return ast.Constant(Ellipsis, null, t.lineno, t.col_offset, t.end_lineno, t.end_col_offset);
      }
  }
  return p.raiseInvalidSyntax(t);
}

// tuple: '(' [star_named_expression ',' [star_named_expressions]  ] ')'
// group: '(' (yield_expr | named_expression) ')' | invalid_group
// genexp: '(' ( assignment_expression | expression !':=') for_if_clauses ')'
function parenthesised(p: Parser): expr {
  const open = p.next();
  p.enter();
  try {
    if (p.at(')')) {
      const close = p.next();
      return ast.Tuple(empty(), ast.Load, open.lineno, open.col_offset, close.end_lineno, close.end_col_offset);
    }
    if (p.at('yield')) {
      const y = yieldExpression(p);
      p.expect(')');
      return y;
    }
    if (p.at('**')) {
      const star = p.next();
      const value = bitwiseOr(p);
      if (p.at(')')) p.raiseBetween('cannot use double starred expression here', star, value);
      p.raiseInvalidSyntax();
    }
    const first = starNamedExpression(p);
    if (isComprehensionStart(p)) {
      if (first.nodeType === 'Starred') p.raiseAtNode('iterable unpacking cannot be used in comprehension', first);
      const generators = forIfClauses(p);
      const close = p.expect(')');
      return ast.GeneratorExp(first, generators, open.lineno, open.col_offset, close.end_lineno, close.end_col_offset);
    }
    if (p.at(')')) {
      if (first.nodeType === 'Starred') p.raiseAtNode('cannot use starred expression here', first);
      p.next();
      return first;
    }
    const elts = displayElements(p, first, ')', false);
    const close = p.expect(')');
    return ast.Tuple(exact(elts), ast.Load, open.lineno, open.col_offset, close.end_lineno, close.end_col_offset);
  } finally {
    p.leave();
  }
}

// list: '[' [star_named_expressions] ']'
// listcomp: '[' named_expression for_if_clauses ']'
function listDisplay(p: Parser): expr {
  const open = p.next();
  p.enter();
  try {
    if (p.at(']')) {
      const close = p.next();
      return ast.List(empty(), ast.Load, open.lineno, open.col_offset, close.end_lineno, close.end_col_offset);
    }
    const first = starNamedExpression(p);
    if (isComprehensionStart(p)) {
      if (first.nodeType === 'Starred') p.raiseAtNode('iterable unpacking cannot be used in comprehension', first);
      const generators = forIfClauses(p);
      const close = p.expect(']');
      return ast.ListComp(first, generators, open.lineno, open.col_offset, close.end_lineno, close.end_col_offset);
    }
    const elts = displayElements(p, first, ']', true);
    const close = p.expect(']');
    return ast.List(elts, ast.Load, open.lineno, open.col_offset, close.end_lineno, close.end_col_offset);
  } finally {
    p.leave();
  }
}

// dict: '{' [double_starred_kvpairs] '}'
// set: '{' star_named_expressions '}'
// dictcomp: '{' kvpair for_if_clauses '}'
// setcomp: '{' named_expression for_if_clauses '}'
function braceDisplay(p: Parser): expr {
  const open = p.next();
  p.enter();
  try {
    if (p.at('}')) {
      const close = p.next();
      return ast.Dict(empty(), empty(), open.lineno, open.col_offset, close.end_lineno, close.end_col_offset);
    }
    if (p.at('**')) return dictDisplay(p, open, null, null);
    if (p.at('*')) return setDisplay(p, open, starred(p, bitwiseOr));
    const first = namedExpression(p);
    if (p.at(':')) {
      p.next();
      dictValueStart(p);
      const value = expression(p);
      if (isComprehensionStart(p)) {
        const generators = forIfClauses(p);
        const close = p.expect('}');
        return ast.DictComp(first, value, generators, open.lineno, open.col_offset, close.end_lineno, close.end_col_offset);
      }
      return dictDisplay(p, open, first, value);
    }
    if (isComprehensionStart(p)) {
      const generators = forIfClauses(p);
      const close = p.expect('}');
      return ast.SetComp(first, generators, open.lineno, open.col_offset, close.end_lineno, close.end_col_offset);
    }
    return setDisplay(p, open, first);
  } finally {
    p.leave();
  }
}

function setDisplay(p: Parser, open: Token, first: expr): expr {
  if (isComprehensionStart(p)) p.raiseAtNode('iterable unpacking cannot be used in comprehension', first);
  const elts = displayElements(p, first, '}', true);
  const close = p.expect('}');
  return ast.Set(elts, open.lineno, open.col_offset, close.end_lineno, close.end_col_offset);
}

/**
 * The elements of a tuple, list or set display from its first one up to the
 * closing bracket (not consumed). `[` and `{` displays also get CPython's
 * invalid_comprehension message for `[x, y for …]`.
 */
function displayElements(p: Parser, first: expr, close: string, comprehensionTarget: boolean): expr[] {
  const elts = [first];
  while (p.accept(',')) {
    if (comprehensionTarget && isComprehensionStart(p)) unparenthesisedTarget(p, first, p.prev);
    if (p.at(close)) break;
    const e = starNamedExpression(p);
    elts.push(e);
    if (comprehensionTarget && isComprehensionStart(p)) unparenthesisedTarget(p, first, e);
  }
  return exact(elts);
}

/** invalid_comprehension: `[x, y for x, y in z]`. */
function unparenthesisedTarget(p: Parser, first: expr, last: { end_lineno: number | null; end_col_offset: number | null }): never {
  return p.raiseRange(
    'SyntaxError', 'did you forget parentheses around the comprehension target?',
    first.lineno, first.col_offset, last.end_lineno ?? first.lineno, last.end_col_offset ?? first.col_offset,
  );
}

// double_starred_kvpair: '**' bitwise_or | kvpair
// kvpair: expression ':' expression
function dictDisplay(p: Parser, open: Token, firstKey: expr | null, firstValue: expr | null): expr {
  const keys: (expr | null)[] = [];
  const values: expr[] = [];
  if (firstValue) {
    keys.push(firstKey);
    values.push(firstValue);
  } else {
    const star = p.next();
    values.push(bitwiseOr(p));
    keys.push(null);
    if (isComprehensionStart(p)) p.raiseAtToken('dict unpacking cannot be used in dict comprehension', star);
  }
  while (p.accept(',')) {
    if (p.at('}')) break;
    if (p.accept('**')) {
      keys.push(null);
      values.push(bitwiseOr(p));
      continue;
    }
    const key = expression(p);
    if (!p.at(':')) {
      // invalid_kvpair: the caret goes on the key's last character
      const endCol = key.end_col_offset ?? 0;
      p.raiseRange('SyntaxError', "':' expected after dictionary key", key.lineno, endCol - 1, key.end_lineno ?? key.lineno, -1);
    }
    p.next();
    dictValueStart(p);
    keys.push(key);
    values.push(expression(p));
  }
  const close = p.expect('}');
  return ast.Dict(exact(keys), exact(values), open.lineno, open.col_offset, close.end_lineno, close.end_col_offset);
}

/** After a dictionary key's `:` (invalid_double_starred_kvpairs / invalid_kvpair). */
function dictValueStart(p: Parser): void {
  if (p.at('*')) p.raiseAtToken('cannot use a starred expression in a dictionary value', p.tok);
  if (p.at('}') || p.at(',')) p.raiseAtToken("expression expected after dictionary key and ':'", p.prev);
}

export function isComprehensionStart(p: Parser): boolean {
  const t = p.tok;
  return t.kind === NAME && (t.value === 'for' || (t.value === 'async' && p.peekAt(1).value === 'for'));
}

// for_if_clauses: for_if_clause+
// for_if_clause:
//     | ASYNC 'for' star_targets 'in' ~ disjunction ('if' disjunction )*
//     | 'for' star_targets 'in' ~ disjunction ('if' disjunction )*
export function forIfClauses(p: Parser): comprehension[] {
  const generators: comprehension[] = [];
  while (isComprehensionStart(p)) {
    const isAsync = p.at('async') ? (p.next(), 1) : 0;
    p.next(); // 'for'
    const target = starTargets(p, 'for');
    if (!p.at('in')) p.raiseInvalidSyntax();
    p.next();
    const iter = disjunction(p);
    const ifs: expr[] = [];
    while (p.at('if')) {
      p.next();
      ifs.push(disjunction(p));
    }
    generators.push(ast.comprehension(target, iter, exact(ifs), isAsync));
  }
  return exact(generators);
}

/**
 * invalid_expression: a disjunction `a` directly followed by the start of
 * another expression. CPython parses that second expression `b` (without
 * its error rules, but meeting any tokenizer error on the way) and, inside
 * brackets, reports "Perhaps you forgot a comma?". It leaves alone an `a`
 * starting with a soft keyword or with a name followed by a string, and
 * `print`/`exec`, which have their own message.
 */
function juxtaposed(p: Parser, startPos: number, a: expr): void {
  const start = p.tokens[startPos]!;
  if (start.kind === NAME && (isSoftKeyword(start.value) || p.tokens[startPos + 1]!.kind === STRING)) return;
  if (a.nodeType === 'Name' && (a.id === 'print' || a.id === 'exec')) return;
  const b = p.speculate(() => {
    p.invalidRules = false;
    return expression(p);
  });
  if (b && p.bracketLevel() > 0) p.raiseBetween('invalid syntax. Perhaps you forgot a comma?', a, b);
}

function isSoftKeyword(name: string): boolean {
  return name === 'match' || name === 'case' || name === '_';
}

/** Whether a token can begin an expression (so optional expressions can be detected with one token). */
export function startsExpression(t: Token): boolean {
  switch (t.kind) {
    case NAME:
      if (!isKeyword(t.value)) return true;
      switch (t.value) {
        case 'True': case 'False': case 'None': case 'not': case 'lambda': case 'await': return true;
      }
      return false;
    case NUMBER:
    case STRING:
      return true;
    case OP:
      switch (t.value) {
        case '(': case '[': case '{': case '-': case '+': case '~': case '...': case '*': return true;
      }
      return false;
  }
  return false;
}
