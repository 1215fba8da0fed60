/**
 * The match statement and its patterns (PEP 634), from CPython 3.11's
 * grammar. `match` and `case` are soft keywords: a line starting with
 * `match` is a match statement only if a subject and `:` follow.
 */
import * as ast from '../ast/nodes.js';
import type { expr, match_case, pattern, stmt } from '../ast/nodes.js';
import { PyComplex } from '../ast/constants.js';
import { TokenKind, type Token } from './tokens.js';
import { Parser } from './state.js';
import { namedExpression, starNamedExpression, startsExpression } from './expressions.js';
import { parseNumber } from './numbers.js';
import { parseStrings } from './stringAtoms.js';
import { block } from './statements.js';
import { empty, exact } from './lists.js';
import { PySyntaxError } from '../diagnostics.js';

const { NAME, NUMBER, STRING, NEWLINE, INDENT, DEDENT, OP } = TokenKind;

// match_stmt:
//     | "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
//     | invalid_match_stmt
// subject_expr: star_named_expression ',' star_named_expressions? | named_expression
export function matchStatement(p: Parser): stmt | null {
  const save = p.pos;
  const depth = p.depth;
  const start = p.next();
  if (!startsExpression(p.tok)) {
    p.reset(save);
    return null;
  }
  let subject: expr;
  try {
    subject = subjectExpression(p);
  } catch (e) {
    if (e instanceof PySyntaxError && !p.isTokenizerError(e)) {
      p.reset(save, depth);
      return null;
    }
    throw e;
  }
  if (!p.at(':')) {
    if (p.tok.kind === NEWLINE && startsBareSubject(p, save)) {
      p.raiseHere("expected ':'");
    }
    p.reset(save);
    return null;
  }
  p.next();
  if (p.tok.kind !== NEWLINE) p.raiseInvalidSyntax();
  p.next();
  if (!p.atKind(INDENT)) {
    p.raiseHere(`expected an indented block after 'match' statement on line ${start.lineno}`, 'IndentationError');
  }
  p.next();
  const cases: match_case[] = [];
  while (p.atKind(NAME) && p.tok.value === 'case') cases.push(caseBlock(p));
  if (!p.atKind(DEDENT)) p.raiseInvalidSyntax();
  p.next();
  const end = p.lastSignificant;
  return ast.Match(subject, cases, start.lineno, start.col_offset, end.end_lineno, end.end_col_offset);
}

/** `match x` followed by a newline is CPython's "expected ':'" only when it cannot be an expression statement. */
function startsBareSubject(p: Parser, save: number): boolean {
  const after = p.tokens[save + 1]!;
  return after.kind === NAME || after.kind === NUMBER || after.kind === STRING;
}

function subjectExpression(p: Parser): expr {
  const s = p.tok;
  const first = starNamedExpression(p);
  if (!p.at(',')) {
    if (first.nodeType === 'Starred') p.raiseInvalidSyntax();
    return first;
  }
  const elts = [first];
  while (p.accept(',')) {
    if (p.at(':')) break;
    elts.push(starNamedExpression(p));
  }
  const end = p.prev;
  return ast.Tuple(exact(elts), ast.Load, s.lineno, s.col_offset, end.end_lineno, end.end_col_offset);
}

// case_block: "case" patterns guard? ':' block
// guard: 'if' named_expression
function caseBlock(p: Parser): match_case {
  const t = p.next();
  const pat = patterns(p);
  let guard: expr | null = null;
  if (p.accept('if')) guard = namedExpression(p);
  p.expectHeaderColon();
  const body = block(p, "'case' statement", t);
  return ast.match_case(pat, guard, body);
}

// patterns: open_sequence_pattern | pattern
// open_sequence_pattern: maybe_star_pattern ',' maybe_sequence_pattern?
function patterns(p: Parser): pattern {
  const s = p.tok;
  const first = maybeStarPattern(p);
  if (!p.at(',')) {
    if (first.nodeType === 'MatchStar') p.raiseInvalidSyntax();
    return first;
  }
  const items = [first];
  while (p.accept(',')) {
    if (p.at(':') || p.at('if')) break;
    items.push(maybeStarPattern(p));
  }
  return sequence(items, s, p.prev);
}

function sequence(items: pattern[], start: Token, end: Token): pattern {
  return ast.MatchSequence(exact(items), start.lineno, start.col_offset, end.end_lineno, end.end_col_offset);
}

// maybe_star_pattern: star_pattern | pattern
// star_pattern: '*' pattern_capture_target | '*' wildcard_pattern
function maybeStarPattern(p: Parser): pattern {
  if (!p.at('*')) return pattern_(p);
  const star = p.next();
  const name = p.expectName();
  const target = name.value === '_' ? null : name.value;
  return ast.MatchStar(target, star.lineno, star.col_offset, name.end_lineno, name.end_col_offset);
}

// pattern: as_pattern | or_pattern
// as_pattern: or_pattern 'as' pattern_capture_target
function pattern_(p: Parser): pattern {
  const s = p.tok;
  const inner = orPattern(p);
  if (!p.at('as')) return inner;
  p.next();
  const t = p.tok;
  if (t.kind === NAME && t.value === '_') p.raiseAtToken("cannot use '_' as a target", t);
  if (t.kind !== NAME || !p.atName()) {
    if (startsExpression(t)) {
      const target = namedExpression(p);
      p.raiseAtNode('invalid pattern target', target);
    }
    p.raiseInvalidSyntax();
  }
  p.next();
  return ast.MatchAs(inner, t.value, s.lineno, s.col_offset, t.end_lineno, t.end_col_offset);
}

// or_pattern: '|'.closed_pattern+
function orPattern(p: Parser): pattern {
  const s = p.tok;
  const first = closedPattern(p);
  if (!p.at('|')) return first;
  const alternatives = [first];
  while (p.accept('|')) alternatives.push(closedPattern(p));
  return ast.MatchOr(exact(alternatives), s.lineno, s.col_offset, p.prev.end_lineno, p.prev.end_col_offset);
}

// closed_pattern:
//     | literal_pattern | capture_pattern | wildcard_pattern | value_pattern
//     | group_pattern | sequence_pattern | mapping_pattern | class_pattern
function closedPattern(p: Parser): pattern {
  p.enter();
  try {
    const t = p.tok;
    switch (t.kind) {
      case NUMBER:
      case STRING:
        return literalValue(p);
      case OP:
        if (t.value === '-') return literalValue(p);
        if (t.value === '(') return parenthesisedPattern(p);
        if (t.value === '[') return bracketPattern(p);
        if (t.value === '{') return mappingPattern(p);
        break;
      case NAME:
        if (t.value === 'None' || t.value === 'True' || t.value === 'False') {
          p.next();
          const value = t.value === 'None' ? null : t.value === 'True';
          return ast.MatchSingleton(value, t.lineno, t.col_offset, t.end_lineno, t.end_col_offset);
        }
        if (!p.atName()) break;
        return namePattern(p);
    }
    return p.raiseInvalidSyntax();
  } finally {
    p.leave();
  }
}

/** capture_pattern, wildcard_pattern, value_pattern and class_pattern all start with a name. */
function namePattern(p: Parser): pattern {
  const first = p.next();
  let cls: expr = ast.Name(first.value, ast.Load, first.lineno, first.col_offset, first.end_lineno, first.end_col_offset);
  let dotted = false;
  while (p.at('.')) {
    p.next();
    const attr = p.expectName();
    cls = ast.Attribute(cls, attr.value, ast.Load, first.lineno, first.col_offset, attr.end_lineno, attr.end_col_offset);
    dotted = true;
  }
  if (p.at('(')) return classPattern(p, cls);
  if (dotted) return ast.MatchValue(cls, cls.lineno, cls.col_offset, cls.end_lineno, cls.end_col_offset);
  const name = first.value === '_' ? null : first.value;
  return ast.MatchAs(null, name, first.lineno, first.col_offset, first.end_lineno, first.end_col_offset);
}

// class_pattern:
//     | name_or_attr '(' ')'
//     | name_or_attr '(' positional_patterns ','? ')'
//     | name_or_attr '(' keyword_patterns ','? ')'
//     | name_or_attr '(' positional_patterns ',' keyword_patterns ','? ')'
function classPattern(p: Parser, cls: expr): pattern {
  p.next();
  const positional: pattern[] = [];
  const kwdAttrs: string[] = [];
  const kwdPatterns: pattern[] = [];
  let firstKeyword: Token | null = null;
  while (!p.at(')')) {
    if (p.tok.kind === NAME && p.peekAt(1).value === '=') {
      const name = p.next();
      p.next();
      firstKeyword ??= name;
      kwdAttrs.push(name.value);
      kwdPatterns.push(pattern_(p));
    } else {
      const pat = pattern_(p);
      if (firstKeyword) {
        let lastPat = pat;
        while (p.at(',') && !p.peekAt(1).value.match(/^[)]$/) && !(p.peekAt(1).kind === NAME && p.peekAt(2).value === '=')) {
          p.next();
          lastPat = pattern_(p);
        }
        p.raiseBetween('positional patterns follow keyword patterns', pat, lastPat);
      }
      positional.push(pat);
    }
    if (!p.accept(',')) break;
  }
  const close = p.expect(')');
  return ast.MatchClass(cls, positional, kwdAttrs, kwdPatterns, cls.lineno, cls.col_offset, close.end_lineno, close.end_col_offset);
}

// group_pattern: '(' pattern ')'
// sequence_pattern: '(' open_sequence_pattern? ')'
function parenthesisedPattern(p: Parser): pattern {
  const open = p.next();
  if (p.at(')')) {
    const close = p.next();
    return ast.MatchSequence(empty(), open.lineno, open.col_offset, close.end_lineno, close.end_col_offset);
  }
  const first = maybeStarPattern(p);
  if (p.at(')') && first.nodeType !== 'MatchStar') {
    p.next();
    return first;
  }
  const items = [first];
  if (!p.at(')')) p.expect(',');
  while (!p.at(')')) {
    items.push(maybeStarPattern(p));
    if (!p.accept(',')) break;
  }
  const close = p.expect(')');
  return ast.MatchSequence(exact(items), open.lineno, open.col_offset, close.end_lineno, close.end_col_offset);
}

// sequence_pattern: '[' maybe_sequence_pattern? ']'
function bracketPattern(p: Parser): pattern {
  const open = p.next();
  const items: pattern[] = [];
  while (!p.at(']')) {
    items.push(maybeStarPattern(p));
    if (!p.accept(',')) break;
  }
  const close = p.expect(']');
  return ast.MatchSequence(exact(items), open.lineno, open.col_offset, close.end_lineno, close.end_col_offset);
}

// mapping_pattern: '{' [items_pattern ','] [double_star_pattern] ','? '}'
// key_value_pattern: (literal_expr | attr) ':' pattern
function mappingPattern(p: Parser): pattern {
  const open = p.next();
  const keys: expr[] = [];
  const values: pattern[] = [];
  let rest: string | null = null;
  while (!p.at('}')) {
    if (p.at('**')) {
      p.next();
      if (p.at('_')) p.raiseInvalidSyntax();
      rest = p.expectName().value;
      p.accept(',');
      break;
    }
    keys.push(mappingKey(p));
    p.expect(':');
    values.push(pattern_(p));
    if (!p.accept(',')) break;
  }
  const close = p.expect('}');
  return ast.MatchMapping(keys, values, rest, open.lineno, open.col_offset, close.end_lineno, close.end_col_offset);
}

function mappingKey(p: Parser): expr {
  const t = p.tok;
  if (t.kind === NAME && (t.value === 'None' || t.value === 'True' || t.value === 'False')) {
    p.next();
    const value = t.value === 'None' ? null : t.value === 'True';
    return ast.Constant(value, null, t.lineno, t.col_offset, t.end_lineno, t.end_col_offset);
  }
  if (t.kind === NAME && p.atName()) {
    const first = p.next();
    let e: expr = ast.Name(first.value, ast.Load, first.lineno, first.col_offset, first.end_lineno, first.end_col_offset);
    if (!p.at('.')) p.raiseInvalidSyntax();
    while (p.accept('.')) {
      const attr = p.expectName();
      e = ast.Attribute(e, attr.value, ast.Load, first.lineno, first.col_offset, attr.end_lineno, attr.end_col_offset);
    }
    return e;
  }
  return literalExpression(p);
}

/** literal_pattern's numbers and strings, wrapped in MatchValue. */
function literalValue(p: Parser): pattern {
  const value = literalExpression(p);
  return ast.MatchValue(value, value.lineno, value.col_offset, value.end_lineno, value.end_col_offset);
}

// literal_expr: signed_number !('+' | '-') | complex_number | strings
// complex_number: signed_real_number ('+' | '-') imaginary_number
// signed_number: NUMBER | '-' NUMBER
function literalExpression(p: Parser): expr {
  if (p.tok.kind === STRING) return parseStrings(p);
  const real = signedNumber(p);
  if (!p.at('+') && !p.at('-')) return real;
  const opTok = p.next();
  if (isImaginary(real)) p.raiseAtNode('real number required in complex literal', real.nodeType === 'UnaryOp' ? real.operand : real);
  const t = p.tok;
  if (t.kind !== NUMBER) p.raiseInvalidSyntax();
  p.next();
  const imag = ast.Constant(parseNumber(p, t), null, t.lineno, t.col_offset, t.end_lineno, t.end_col_offset);
  if (!isImaginary(imag)) p.raiseAtNode('imaginary number required in complex literal', imag);
  const op = opTok.value === '+' ? ast.Add : ast.Sub;
  return ast.BinOp(real, op, imag, real.lineno, real.col_offset, imag.end_lineno, imag.end_col_offset);
}

function signedNumber(p: Parser): expr {
  const minus = p.accept('-');
  const t = p.tok;
  if (t.kind !== NUMBER) p.raiseInvalidSyntax();
  p.next();
  const number = ast.Constant(parseNumber(p, t), null, t.lineno, t.col_offset, t.end_lineno, t.end_col_offset);
  if (!minus) return number;
  return ast.UnaryOp(ast.USub, number, minus.lineno, minus.col_offset, t.end_lineno, t.end_col_offset);
}

function isImaginary(e: expr): boolean {
  const c = e.nodeType === 'UnaryOp' ? e.operand : e;
  return c.nodeType === 'Constant' && c.value instanceof PyComplex;
}
