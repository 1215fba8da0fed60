/**
 * Statements, from CPython 3.11's Grammar/python.gram, with the
 * invalid_* rules that give CPython's specific SyntaxError messages.
 */
import * as ast from '../ast/nodes.js';
import type { alias, excepthandler, expr, operator, stmt, withitem } from '../ast/nodes.js';
import { TokenKind, type Token } from './tokens.js';
import { Parser } from './state.js';
import {
  expression, namedExpression, starExpressions, startsExpression, yieldExpression, bitwiseOr, invalidNamedAssignment,
} from './expressions.js';
import { functionParameters } from './arguments.js';
import { callArguments } from './callArguments.js';
import { exprName, invalidTarget, setContext, starTarget, starTargets } from './targets.js';
import { matchStatement } from './patterns.js';
import { PySyntaxError } from '../diagnostics.js';
import { empty, exact } from './lists.js';

const { NAME, NEWLINE, INDENT, DEDENT, ENDMARKER } = TokenKind;

// file: [statements] ENDMARKER
export function file(p: Parser): ast.Module {
  const body: stmt[] = [];
  while (p.tok.kind !== ENDMARKER) {
    if (p.tok.kind === NEWLINE) {
      p.next();
      continue;
    }
    statement(p, body);
  }
  return ast.Module(exact(body), empty());
}

// statements: statement+
// statement: compound_stmt | simple_stmts
export function statement(p: Parser, out: stmt[]): void {
  const t = p.tok;
  if (t.kind === NAME) {
    switch (t.value) {
      case 'def': out.push(functionDef(p, empty(), t)); return;
      case 'if': out.push(ifStatement(p)); return;
      case 'class': out.push(classDef(p, empty(), t)); return;
      case 'with': out.push(withStatement(p, null)); return;
      case 'for': out.push(forStatement(p, null)); return;
      case 'try': out.push(tryStatement(p)); return;
      case 'while': out.push(whileStatement(p)); return;
      case 'async': {
        const n = p.peekAt(1);
        if (n.kind === NAME) {
          if (n.value === 'def') { p.next(); out.push(functionDef(p, empty(), t)); return; }
          if (n.value === 'with') { p.next(); out.push(withStatement(p, t)); return; }
          if (n.value === 'for') { p.next(); out.push(forStatement(p, t)); return; }
        }
        p.raiseInvalidSyntax(n);
        break;
      }
      case 'match': {
        const m = matchStatement(p);
        if (m) { out.push(m); return; }
        break;
      }
    }
  } else if (t.kind === TokenKind.OP && t.value === '@') {
    out.push(decorated(p));
    return;
  } else if (t.kind === INDENT) {
    p.raiseHere('unexpected indent', 'IndentationError', t);
  }
  simpleStatements(p, out);
}

// simple_stmts: simple_stmt !';' NEWLINE | ';'.simple_stmt+ [';'] NEWLINE
function simpleStatements(p: Parser, out: stmt[]): void {
  for (;;) {
    out.push(simpleStatement(p));
    if (p.accept(';')) {
      if (p.tok.kind === NEWLINE) break;
      continue;
    }
    break;
  }
  if (p.tok.kind !== NEWLINE) {
    if (p.tok.kind === ENDMARKER) return;
    p.raiseInvalidSyntax();
  }
  p.next();
}

// simple_stmt:
//     | assignment | star_expressions | &'return' return_stmt | &('import' | 'from') import_stmt
//     | &'raise' raise_stmt | 'pass' | &'del' del_stmt | &'yield' yield_stmt | &'assert' assert_stmt
//     | 'break' | 'continue' | &'global' global_stmt | &'nonlocal' nonlocal_stmt
function simpleStatement(p: Parser): stmt {
  const t = p.tok;
  if (t.kind === NAME) {
    switch (t.value) {
      case 'pass': p.next(); return ast.Pass(t.lineno, t.col_offset, t.end_lineno, t.end_col_offset);
      case 'break': p.next(); return ast.Break(t.lineno, t.col_offset, t.end_lineno, t.end_col_offset);
      case 'continue': p.next(); return ast.Continue(t.lineno, t.col_offset, t.end_lineno, t.end_col_offset);
      case 'return': return returnStatement(p);
      case 'import': return importName(p);
      case 'from': return importFrom(p);
      case 'raise': return raiseStatement(p);
      case 'del': return delStatement(p);
      case 'assert': return assertStatement(p);
      case 'global':
      case 'nonlocal': return globalStatement(p);
      case 'yield': {
        const y = yieldExpression(p);
        if (p.at('=')) p.raiseAtNode('assignment to yield expression not possible', y);
        return ast.Expr(y, y.lineno, y.col_offset, y.end_lineno, y.end_col_offset);
      }
    }
  }
  return expressionStatement(p);
}

// assignment:
//     | NAME ':' expression ['=' annotated_rhs ]
//     | ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' annotated_rhs ]
//     | (star_targets '=' )+ (yield_expr | star_expressions) !'=' [TYPE_COMMENT]
//     | single_target augassign ~ (yield_expr | star_expressions)
function expressionStatement(p: Parser): stmt {
  const start = p.tok;
  if (!startsExpression(start)) p.raiseInvalidSyntax();
  const first = starExpressions(p);
  const t = p.tok;
  if (t.kind === TokenKind.OP) {
    if (t.value === '=') return assignment(p, start, first);
    if (t.value === ':') return annotatedAssignment(p, start, first);
    const op = AUGMENTED.get(t.value);
    if (op) return augmentedAssignment(p, start, first, op);
  }
  if (first.nodeType === 'Name' && (first.id === 'print' || first.id === 'exec') && startsExpression(t)) {
    legacyStatement(p, first);
  }
  return ast.Expr(first, start.lineno, start.col_offset, p.prev.end_lineno, p.prev.end_col_offset);
}

/** invalid_legacy_expression: `print "x"` / `exec code`. */
function legacyStatement(p: Parser, name: ast.Name): void {
  const rest = p.speculate(() => starExpressions(p));
  if (rest) p.raiseBetween(`Missing parentheses in call to '${name.id}'. Did you mean ${name.id}(...)?`, name, rest);
}

function rhs(p: Parser): expr {
  return p.at('yield') ? yieldExpression(p) : starExpressions(p);
}

function assignment(p: Parser, start: Token, first: expr): stmt {
  const targets: expr[] = [first];
  checkAssignmentTarget(p, first, start, true);
  let value: expr | null = null;
  while (p.accept('=')) {
    const s = p.tok;
    if (!startsExpression(p.tok) && !p.at('yield')) p.raiseInvalidSyntax();
    value = rhs(p);
    if (p.at('=')) {
      checkAssignmentTarget(p, value, s, false);
      targets.push(value);
    }
  }
  for (const target of targets) setContext(target, ast.Store);
  const v = value!;
  const typeComment = p.typeComment();
  return ast.Assign(exact(targets), v, typeComment, start.lineno, start.col_offset, p.prev.end_lineno, p.prev.end_col_offset);
}

/**
 * Called at each `=` of an assignment chain, before the right-hand side is
 * parsed, as CPython's invalid_assignment rules see it. For the first target
 * CPython's invalid_named_expression gets its say first: on the target itself
 * or, for an unparenthesised tuple, on its last element.
 */
function checkAssignmentTarget(p: Parser, target: expr, startToken: Token, first: boolean): void {
  if ((target.nodeType === 'Yield' || target.nodeType === 'YieldFrom') && startToken.value === 'yield') {
    p.raiseAtNode('assignment to yield expression not possible', target);
  }
  const bad = invalidTarget(target, 'star');
  if (!bad) return;
  if (first) {
    const bare = target.nodeType === 'Tuple' && startToken.value !== '(' && target.elts.length > 0;
    const candidate = bare ? (target as ast.Tuple).elts[target.elts.length - 1]! : target;
    const candidateStart = bare ? tokenAt(p, candidate) : startToken;
    invalidNamedAssignment(p, candidate, candidateStart);
  }
  p.raiseAtNode(`cannot assign to ${exprName(bad)}`, bad);
}

/** The token where a node of the current statement starts (searching back from the cursor). */
function tokenAt(p: Parser, e: expr): Token {
  for (let i = p.pos - 1; i >= 0; i--) {
    const t = p.tokens[i]!;
    if (t.lineno === e.lineno && t.col_offset === e.col_offset) {
      while (i > 0 && p.tokens[i - 1]!.value === '(') i--;
      return p.tokens[i]!;
    }
    if (t.lineno < e.lineno) break;
  }
  return p.tok;
}

const AUGMENTED: ReadonlyMap<string, operator> = new Map<string, operator>([
  ['+=', ast.Add], ['-=', ast.Sub], ['*=', ast.Mult], ['@=', ast.MatMult], ['/=', ast.Div], ['%=', ast.Mod],
  ['&=', ast.BitAnd], ['|=', ast.BitOr], ['^=', ast.BitXor], ['<<=', ast.LShift], ['>>=', ast.RShift],
  ['**=', ast.Pow], ['//=', ast.FloorDiv],
]);

function augmentedAssignment(p: Parser, start: Token, target: expr, op: operator): stmt {
  if (target.nodeType !== 'Name' && target.nodeType !== 'Attribute' && target.nodeType !== 'Subscript') {
    p.raiseAtNode(`'${exprName(target)}' is an illegal expression for augmented assignment`, target);
  }
  p.next();
  const value = rhs(p);
  setContext(target, ast.Store);
  return ast.AugAssign(target, op, value, start.lineno, start.col_offset, p.prev.end_lineno, p.prev.end_col_offset);
}

function annotatedAssignment(p: Parser, start: Token, target: expr): stmt {
  const parenthesised = start.value === '(';
  if (target.nodeType === 'Tuple' && !parenthesised) {
    p.raiseAtNode('only single target (not tuple) can be annotated', target.elts[0]!);
  }
  if (target.nodeType === 'Tuple' || target.nodeType === 'List') {
    p.raiseAtNode(`only single target (not ${target.nodeType === 'Tuple' ? 'tuple' : 'list'}) can be annotated`, target);
  }
  if (target.nodeType !== 'Name' && target.nodeType !== 'Attribute' && target.nodeType !== 'Subscript') {
    // Only CPython's invalid_assignment reads past the ':' (so not p.peekAt, which
    // would move where a generic error is reported).
    if (startsExpression(p.tokens[p.pos + 1]!)) p.raiseAtNode('illegal target for annotation', target);
    p.raiseInvalidSyntax();
  }
  p.next();
  const annotation = expression(p);
  let value: expr | null = null;
  if (p.accept('=')) value = rhs(p);
  setContext(target, ast.Store);
  const simple = target.nodeType === 'Name' && !parenthesised ? 1 : 0;
  return ast.AnnAssign(target, annotation, value, simple, start.lineno, start.col_offset, p.prev.end_lineno, p.prev.end_col_offset);
}

// return_stmt: 'return' [star_expressions]
function returnStatement(p: Parser): stmt {
  const t = p.next();
  if (!startsExpression(p.tok)) return ast.Return(null, t.lineno, t.col_offset, t.end_lineno, t.end_col_offset);
  const value = starExpressions(p);
  return ast.Return(value, t.lineno, t.col_offset, p.prev.end_lineno, p.prev.end_col_offset);
}

// raise_stmt: 'raise' expression ['from' expression ] | 'raise'
function raiseStatement(p: Parser): stmt {
  const t = p.next();
  if (!startsExpression(p.tok)) return ast.Raise(null, null, t.lineno, t.col_offset, t.end_lineno, t.end_col_offset);
  const exc = expression(p);
  let cause: expr | null = null;
  if (p.accept('from')) cause = expression(p);
  return ast.Raise(exc, cause, t.lineno, t.col_offset, p.prev.end_lineno, p.prev.end_col_offset);
}

// global_stmt: 'global' ','.NAME+    nonlocal_stmt: 'nonlocal' ','.NAME+
function globalStatement(p: Parser): stmt {
  const t = p.next();
  const names = [p.expectName().value];
  while (p.accept(',')) names.push(p.expectName().value);
  return t.value === 'global'
    ? ast.Global(exact(names), t.lineno, t.col_offset, p.prev.end_lineno, p.prev.end_col_offset)
    : ast.Nonlocal(exact(names), t.lineno, t.col_offset, p.prev.end_lineno, p.prev.end_col_offset);
}

// del_stmt: 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt
function delStatement(p: Parser): stmt {
  const t = p.next();
  const targets: expr[] = [];
  if (!startsExpression(p.tok)) p.raiseInvalidSyntax();
  for (;;) {
    const target = p.at('*') ? starTarget(p) : bitwiseOr(p);
    targets.push(target);
    if (!p.accept(',')) break;
    if (p.tok.kind === NEWLINE || p.at(';')) break;
  }
  if (p.tok.kind !== NEWLINE && !p.at(';') && p.tok.kind !== ENDMARKER) {
    // invalid_del_stmt: 'del' star_expressions
    p.raiseInvalidSyntax();
  }
  for (const target of targets) {
    const bad = invalidTarget(target, 'del');
    if (bad) p.raiseAtNode(`cannot delete ${exprName(bad)}`, bad);
    setContext(target, ast.Del);
  }
  return ast.Delete(exact(targets), t.lineno, t.col_offset, p.prev.end_lineno, p.prev.end_col_offset);
}

// assert_stmt: 'assert' expression [',' expression ]
function assertStatement(p: Parser): stmt {
  const t = p.next();
  const test = expression(p);
  let msg: expr | null = null;
  if (p.accept(',')) msg = expression(p);
  return ast.Assert(test, msg, t.lineno, t.col_offset, p.prev.end_lineno, p.prev.end_col_offset);
}

// import_name: 'import' dotted_as_names
// dotted_as_name: dotted_name ['as' NAME ]
function importName(p: Parser): stmt {
  const t = p.next();
  const names: alias[] = [];
  do {
    const first = p.tok;
    const name = dottedName(p);
    let asname: string | null = null;
    if (p.accept('as')) asname = p.expectName().value;
    names.push(ast.alias(name, asname, first.lineno, first.col_offset, p.prev.end_lineno, p.prev.end_col_offset));
  } while (p.accept(','));
  return ast.Import(exact(names), t.lineno, t.col_offset, p.prev.end_lineno, p.prev.end_col_offset);
}

// dotted_name: dotted_name '.' NAME | NAME
function dottedName(p: Parser): string {
  let name = p.expectName().value;
  while (p.at('.')) {
    p.next();
    name += '.' + p.expectName().value;
  }
  return name;
}

// import_from:
//     | 'from' ('.' | '...')* dotted_name 'import' import_from_targets
//     | 'from' ('.' | '...')+ 'import' import_from_targets
// import_from_targets: '(' import_from_as_names [','] ')' | import_from_as_names !',' | '*'
function importFrom(p: Parser): stmt {
  const t = p.next();
  let level = 0;
  while (p.at('.') || p.at('...')) level += p.next().value.length;
  let module: string | null = null;
  if (!p.at('import') || level === 0) module = dottedName(p);
  p.expect('import');
  const names: alias[] = [];
  if (p.at('*')) {
    const star = p.next();
    names.push(ast.alias('*', null, star.lineno, star.col_offset, star.end_lineno, star.end_col_offset));
  } else {
    const parenthesised = p.accept('(') !== null;
    do {
      if (parenthesised && p.at(')') && names.length > 0) break;
      const name = p.expectName();
      let asname: string | null = null;
      if (p.accept('as')) asname = p.expectName().value;
      names.push(ast.alias(name.value, asname, name.lineno, name.col_offset, p.prev.end_lineno, p.prev.end_col_offset));
      if (!parenthesised && p.at(',') && (p.peekAt(1).kind === NEWLINE || p.peekAt(1).kind === ENDMARKER)) {
        p.next();
        p.raiseHere('trailing comma not allowed without surrounding parentheses');
      }
    } while (p.accept(','));
    if (parenthesised) p.expect(')');
  }
  return ast.ImportFrom(module, exact(names), level, t.lineno, t.col_offset, p.prev.end_lineno, p.prev.end_col_offset);
}

// block: NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block
export function block(p: Parser, what: string | null, header: Token): stmt[] {
  const body: stmt[] = [];
  if (p.tok.kind === NEWLINE) {
    p.next();
    if (!p.atKind(INDENT)) {
      const msg = what ? `expected an indented block after ${what} on line ${header.lineno}` : 'expected an indented block';
      p.raiseHere(msg, 'IndentationError');
    }
    p.next();
    while (!p.atKind(DEDENT) && !p.atKind(ENDMARKER)) statement(p, body);
    p.next();
    return exact(body);
  }
  if (p.tok.kind === ENDMARKER) p.raiseInvalidSyntax();
  simpleStatements(p, body);
  return exact(body);
}


// decorators: ('@' f=named_expression NEWLINE )+
function decorated(p: Parser): stmt {
  const pushed: expr[] = [];
  while (p.at('@')) {
    p.next();
    pushed.push(namedExpression(p));
    if (p.tok.kind !== NEWLINE) p.raiseInvalidSyntax();
    p.next();
  }
  const decorators = exact(pushed);
  const t = p.tok;
  if (p.at('def')) return functionDef(p, decorators, t);
  if (p.at('class')) return classDef(p, decorators, t);
  if (p.at('async') && p.peekAt(1).value === 'def') {
    p.next();
    return functionDef(p, decorators, t);
  }
  return p.raiseInvalidSyntax();
}

// function_def_raw:
//     | 'def' NAME &&'(' [params] ')' ['->' expression ] &&':' [func_type_comment] block
//     | ASYNC 'def' NAME &&'(' [params] ')' ['->' expression ] &&':' [func_type_comment] block
function functionDef(p: Parser, decorators: expr[], start: Token): stmt {
  const def = p.next();
  const name = p.expectName();
  p.expectForced('(');
  const args = functionParameters(p);
  p.expect(')');
  let returns: expr | null = null;
  // `['->' expression]` is optional: when no expression follows, the forced ':' is expected at '->'.
  if (p.at('->') && startsExpression(p.peekAt(1))) {
    p.next();
    returns = expression(p);
  }
  p.expectForced(':');
  const typeComment = functionTypeComment(p);
  const body = block(p, 'function definition', def);
  const make = start.value === 'async' ? ast.AsyncFunctionDef : ast.FunctionDef;
  return make(name.value, args, body, decorators, returns, typeComment, start.lineno, start.col_offset, p.lastSignificant.end_lineno, p.lastSignificant.end_col_offset);
}

// func_type_comment:
//     | NEWLINE TYPE_COMMENT &(NEWLINE INDENT)   # on its own line, first in the body
//     | TYPE_COMMENT
function functionTypeComment(p: Parser): string | null {
  if (p.atKind(NEWLINE) && p.peekAt(1).kind === TokenKind.TYPE_COMMENT && p.peekAt(2).kind === NEWLINE && p.peekAt(3).kind === INDENT) {
    p.next();
  }
  return p.typeComment();
}

// class_def_raw: 'class' NAME ['(' [arguments] ')' ] &&':' block
function classDef(p: Parser, decorators: expr[], start: Token): stmt {
  const t = p.next();
  const name = p.expectName();
  let bases: expr[] = empty();
  let keywords: ast.keyword[] = empty();
  if (p.at('(')) ({ args: bases, keywords } = callArguments(p, false));
  p.expectHeaderColon();
  const body = block(p, 'class definition', t);
  return ast.ClassDef(name.value, bases, keywords, body, decorators, start.lineno, start.col_offset, p.lastSignificant.end_lineno, p.lastSignificant.end_col_offset);
}

// if_stmt: 'if' named_expression ':' block elif_stmt | 'if' named_expression ':' block [else_block]
// elif_stmt: 'elif' named_expression ':' block elif_stmt | 'elif' named_expression ':' block [else_block]
function ifStatement(p: Parser): stmt {
  const t = p.next();
  const test = namedExpression(p);
  p.expectHeaderColon();
  const body = block(p, `'${t.value}' statement`, t);
  let orelse: stmt[] = empty();
  if (p.at('elif')) orelse = exact([ifStatement(p)]);
  else if (p.at('else')) orelse = elseBlock(p);
  return ast.If(test, body, orelse, t.lineno, t.col_offset, p.lastSignificant.end_lineno, p.lastSignificant.end_col_offset);
}

// else_block: 'else' &&':' block
function elseBlock(p: Parser): stmt[] {
  const t = p.next();
  p.expectForced(':');
  return block(p, "'else' statement", t);
}

// while_stmt: 'while' named_expression ':' block [else_block]
function whileStatement(p: Parser): stmt {
  const t = p.next();
  const test = namedExpression(p);
  p.expectHeaderColon();
  const body = block(p, "'while' statement", t);
  const orelse = p.at('else') ? elseBlock(p) : empty<stmt>();
  return ast.While(test, body, orelse, t.lineno, t.col_offset, p.lastSignificant.end_lineno, p.lastSignificant.end_col_offset);
}

// for_stmt: [ASYNC] 'for' star_targets 'in' ~ star_expressions ':' [TYPE_COMMENT] block [else_block]
function forStatement(p: Parser, asyncTok: Token | null): stmt {
  const t = p.next();
  const target = starTargets(p, 'for');
  if (!p.at('in')) p.raiseInvalidSyntax();
  p.next();
  const iter = starExpressions(p);
  p.expectHeaderColon();
  const typeComment = p.typeComment();
  const body = block(p, "'for' statement", t);
  const orelse = p.at('else') ? elseBlock(p) : empty<stmt>();
  const start = asyncTok ?? t;
  const make = asyncTok ? ast.AsyncFor : ast.For;
  return make(target, iter, body, orelse, typeComment, start.lineno, start.col_offset, p.lastSignificant.end_lineno, p.lastSignificant.end_col_offset);
}

// with_stmt:
//     | [ASYNC] 'with' '(' ','.with_item+ ','? ')' ':' block
//     | [ASYNC] 'with' ','.with_item+ ':' [TYPE_COMMENT] block
function withStatement(p: Parser, asyncTok: Token | null): stmt {
  const t = p.next();
  let items: withitem[] | null = null;
  let typeComment: string | null = null;
  if (p.at('(')) items = parenthesisedWithItems(p);
  if (items) {
    p.expectHeaderColon();
  } else {
    items = [withItem(p)];
    while (p.accept(',')) items.push(withItem(p));
    p.expectHeaderColon();
    typeComment = p.typeComment();
  }
  const body = block(p, "'with' statement", t);
  const start = asyncTok ?? t;
  const make = asyncTok ? ast.AsyncWith : ast.With;
  return make(exact(items), body, typeComment, start.lineno, start.col_offset, p.lastSignificant.end_lineno, p.lastSignificant.end_col_offset);
}

/**
 * `with (a as b, c):` — tried first, as in CPython's PEG grammar; when the
 * parenthesised form does not fit (`with (a, b) as c:`, `with (yield):`),
 * the cursor goes back and the parenthesis is part of an expression.
 */
function parenthesisedWithItems(p: Parser): withitem[] | null {
  const save = p.pos;
  const depth = p.depth;
  p.next();
  const items: withitem[] = [];
  try {
    while (!p.at(')')) {
      if (!startsExpression(p.tok) || p.at('*')) break;
      items.push(withItem(p));
      if (!p.accept(',')) break;
    }
  } catch (e) {
    if (!(e instanceof PySyntaxError) || p.isTokenizerError(e)) throw e;
    p.reset(save, depth);
    return null;
  }
  if (p.at(')') && items.length > 0) {
    const after = p.peekAt(1);
    if (after.value === ':') {
      p.next();
      return items;
    }
    // invalid_with_stmt: `with (a as b)` and the line ends
    if (after.kind === NEWLINE && items.some((item) => item.optional_vars)) p.raiseAtToken("expected ':'", after);
  }
  p.reset(save);
  return null;
}

// with_item: expression 'as' star_target &(',' | ')' | ':') | invalid_with_item | expression
function withItem(p: Parser): withitem {
  const context = expression(p);
  let vars: expr | null = null;
  if (p.accept('as')) {
    vars = starTarget(p);
    if (!p.at(',') && !p.at(')') && !p.at(':') && !p.atKind(NEWLINE)) p.raiseInvalidSyntax();
    const bad = invalidTarget(vars, 'star');
    if (bad) p.raiseAtNode(`cannot assign to ${exprName(bad)}`, bad);
    setContext(vars, ast.Store);
  }
  return ast.withitem(context, vars);
}

// try_stmt:
//     | 'try' &&':' block finally_block
//     | 'try' &&':' block except_block+ [else_block] [finally_block]
//     | 'try' &&':' block except_star_block+ [else_block] [finally_block]
function tryStatement(p: Parser): stmt {
  const t = p.next();
  p.expectForced(':');
  const body = block(p, "'try' statement", t);
  const handlers: excepthandler[] = [];
  let star: boolean | null = null;
  while (p.at('except')) {
    const isStar = p.peekAt(1).value === '*';
    if (star !== null && star !== isStar) {
      p.raiseAtToken("cannot have both 'except' and 'except*' on the same 'try'", p.tok);
    }
    star = isStar;
    handlers.push(exceptBlock(p, isStar));
  }
  const orelse = handlers.length && p.at('else') ? elseBlock(p) : empty<stmt>();
  let finalbody: stmt[] = empty();
  if (p.at('finally')) {
    const f = p.next();
    p.expectForced(':');
    finalbody = block(p, "'finally' statement", f);
  }
  if (!handlers.length && !finalbody.length) p.raiseHere("expected 'except' or 'finally' block");
  const make = star ? ast.TryStar : ast.Try;
  return make(body, exact(handlers), orelse, finalbody, t.lineno, t.col_offset, p.lastSignificant.end_lineno, p.lastSignificant.end_col_offset);
}

// except_block:
//     | 'except' expression ['as' NAME ] ':' block
//     | 'except' ':' block
// except_star_block: 'except' '*' expression ['as' NAME ] ':' block
function exceptBlock(p: Parser, isStar: boolean): excepthandler {
  const t = p.next();
  if (isStar) p.next();
  let type: expr | null = null;
  let name: string | null = null;
  if (!p.at(':')) {
    if (isStar || startsExpression(p.tok)) {
      type = expression(p);
      if (p.at(',')) {
        const t = type;
        const rest = p.speculate(() => {
          p.next();
          const e = starExpressions(p);
          return p.at(':') || p.at('as') ? e : null;
        });
        if (rest) p.raiseBetween('multiple exception types must be parenthesized', t, rest);
      }
      if (p.accept('as')) name = p.expectName().value;
    }
  } else if (isStar) {
    p.raiseAtToken('expected one or more exception types', p.tok);
  }
  p.expectHeaderColon();
  const body = block(p, isStar ? "'except*' statement" : "'except' statement", t);
  return ast.ExceptHandler(type, name, body, t.lineno, t.col_offset, p.lastSignificant.end_lineno, p.lastSignificant.end_col_offset);
}
