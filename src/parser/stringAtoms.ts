/**
 * The `strings` atom: a run of adjacent STRING tokens becomes one Constant or
 * JoinedStr (strings.ts does the decoding); f-string replacement fields are
 * parsed by a nested Parser over the field's text, as CPython 3.11 does.
 */
import type { expr } from '../ast/nodes.js';
import { setTokenError, tokenError, TokenKind, type Token } from './tokens.js';
import { Parser } from './state.js';
import { concatenateStrings, type StringHost } from './strings.js';
import { tokenize } from './tokenizer.js';
import { starExpressions } from './expressions.js';
import { PySyntaxError } from '../diagnostics.js';

export function parseStrings(p: Parser): expr {
  const start = p.pos;
  while (p.tok.kind === TokenKind.STRING) p.next();
  const tokens = p.tokens.slice(start, p.pos);
  return concatenateStrings(tokens, hostFor(p));
}

function hostFor(p: Parser): StringHost {
  return {
    filename: p.filename,
    parseFStringExpression: (text, lineno, colOffset) => parseFStringExpression(p, text, lineno, colOffset),
    syntaxError: (msg, token) => {
      const t = token ?? p.tok;
      return p.makeError('SyntaxError', msg, t.lineno, t.col_offset, t.end_lineno, t.end_col_offset);
    },
  };
}

/**
 * CPython parses `(text)` in f-string mode: a token ending on the field's
 * first line is shifted right by `colOffset`, and every line by `lineno - 1`.
 */
function parseFStringExpression(outer: Parser, text: string, lineno: number, colOffset: number): expr {
  const source = '(' + text + ')';
  const tokens = tokenize(source, outer.filename);
  for (const t of tokens) shift(t, lineno, colOffset);
  const last = tokens[tokens.length - 1]!;
  const error = tokenError(last);
  if (error !== null) setTokenError(last, shiftedError(error, lineno));
  const p = new Parser(tokens, source, outer.filename, { lineno, colOffset });
  p.depth = outer.depth;
  try {
    const e = starExpressions(p);
    while (p.tok.kind === TokenKind.NEWLINE) p.next();
    if (p.tok.kind !== TokenKind.ENDMARKER) p.raiseInvalidSyntax();
    return e;
  } catch (e) {
    throw e instanceof PySyntaxError ? (p.tokenizerErrorAfter(e) ?? e) : e;
  }
}

/** Tokenizer errors in a field keep their columns but get the field's real line. */
function shiftedError(e: PySyntaxError, lineno: number): PySyntaxError {
  const d = lineno - 1;
  return new PySyntaxError(e.kind, e.msg, e.filename, e.lineno + d, e.offset, e.text, e.end_lineno + d, e.end_offset);
}

function shift(t: Token, lineno: number, colOffset: number): void {
  if (t.end_lineno === 1) {
    t.col_offset += colOffset;
    t.end_col_offset += colOffset;
  }
  t.lineno += lineno - 1;
  t.end_lineno += lineno - 1;
}
