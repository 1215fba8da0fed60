/**
 * The parser's state: a cursor over the token list, position helpers and
 * error raising. The grammar itself lives in statements.ts, expressions.ts,
 * arguments.ts, targets.ts and patterns.ts as functions taking the Parser.
 */
import { TokenKind, tokenError, type Token } from './tokens.js';
import { PySyntaxError, type SyntaxErrorKind } from '../diagnostics.js';
import { byteColumnToCharOffset, utf8Length } from './positions.js';
import { LineIndex } from '../lineIndex.js';
import { tokenizerErrorOverridesParseError } from './tokenizer.js';

/** An AST position in CPython's terms (1-based lines, UTF-8 byte columns). */
export interface Span {
  lineno: number;
  col_offset: number;
  end_lineno: number | null;
  end_col_offset: number | null;
}

/**
 * How deeply expressions may nest. CPython 3.11 builds ASTs up to about this
 * depth (3 × its recursion limit, less its own frames) and raises
 * RecursionError beyond; we raise a SyntaxError with CPython's words instead,
 * and stay well inside V8's default stack.
 */
const MAX_DEPTH = 2990;
export const TOO_DEEP = 'maximum recursion depth exceeded during ast construction';

export class Parser {
  readonly tokens: Token[];
  pos = 0;
  tok: Token;
  depth = 0;
  /** Off while CPython would parse without its invalid_* rules (expression_without_invalid). */
  invalidRules = true;
  /**
   * The furthest token the valid grammar has looked at: CPython reports its
   * generic "invalid syntax" there (the last token its first pass fetched).
   */
  furthest = 0;
  /**
   * The furthest token read at all, error rules included (CPython's
   * p->fill): it decides whether a later tokenizer error overrides.
   */
  fetched = 0;
  /** Set while parsing the text of an f-string replacement field: where its `(` stands. */
  readonly fstring: { lineno: number; colOffset: number } | null;
  private readonly lines: LineIndex;

  constructor(
    tokens: Token[],
    readonly source: string,
    readonly filename: string,
    fstring: { lineno: number; colOffset: number } | null = null,
  ) {
    this.tokens = tokens;
    this.tok = tokens[0]!;
    this.fstring = fstring;
    this.lines = new LineIndex(source);
    if (this.tok.kind === TokenKind.ERRORTOKEN) this.raiseTokenError(this.tok);
  }

  // ---- cursor ----

  /** Consumes the current token and returns it. */
  next(): Token {
    const t = this.tok;
    const n = this.tokens[++this.pos]!;
    this.tok = n;
    if (this.pos > this.furthest) {
      this.furthest = this.pos;
      if (this.pos > this.fetched) this.fetched = this.pos;
    }
    if (n.kind === TokenKind.ERRORTOKEN) this.raiseTokenError(n);
    return t;
  }

  /**
   * Where a compound statement ends: CPython's EXTRA end is the last consumed
   * token that is not NEWLINE/INDENT/DEDENT (a trailing `;` counts).
   */
  get lastSignificant(): Token {
    let i = this.pos - 1;
    for (;;) {
      const t = this.tokens[i]!;
      if (t.kind !== TokenKind.NEWLINE && t.kind !== TokenKind.INDENT && t.kind !== TokenKind.DEDENT) return t;
      i--;
    }
  }

  /** The last consumed token: nodes end where it ends. */
  get prev(): Token {
    return this.tokens[this.pos - 1]!;
  }

  peekAt(offset: number): Token {
    let i = this.pos + offset;
    if (i >= this.tokens.length) i = this.tokens.length - 1;
    if (i > this.furthest) {
      this.furthest = i;
      if (i > this.fetched) this.fetched = i;
    }
    return this.tokens[i]!;
  }

  /** Moves the cursor back (for the few places the grammar backtracks). */
  reset(pos: number, depth = this.depth): void {
    this.pos = pos;
    this.tok = this.tokens[pos]!;
    this.depth = depth;
  }

  /**
   * Runs `attempt` and puts the cursor back, for CPython's invalid_* rules
   * that look ahead before choosing a message: a syntax error inside gives
   * null, and what they read does not move the generic error's location.
   * A tokenizer error met on the way is raised, as CPython raises it.
   */
  speculate<T>(attempt: () => T): T | null {
    const { pos, furthest, depth, invalidRules } = this;
    try {
      return attempt();
    } catch (e) {
      if (!(e instanceof PySyntaxError) || this.isTokenizerError(e)) throw e;
      return null;
    } finally {
      this.reset(pos, depth);
      this.furthest = furthest;
      this.invalidRules = invalidRules;
    }
  }

  /** How many brackets are open at the cursor (CPython's token `level`). */
  bracketLevel(): number {
    let level = 0;
    for (let i = this.pos - 1; i >= 0; i--) {
      const t = this.tokens[i]!;
      if (t.kind === TokenKind.NEWLINE || t.kind === TokenKind.INDENT || t.kind === TokenKind.DEDENT) break;
      if (t.kind !== TokenKind.OP) continue;
      const v = t.value;
      if (v === '(' || v === '[' || v === '{') level++;
      else if (v === ')' || v === ']' || v === '}') level--;
    }
    return level;
  }

  isTokenizerError(e: PySyntaxError): boolean {
    const last = this.tokens[this.tokens.length - 1]!;
    return tokenError(last) === e;
  }

  at(value: string): boolean {
    return this.tok.value === value && (this.tok.kind === TokenKind.OP || this.tok.kind === TokenKind.NAME);
  }

  atKind(kind: TokenKind): boolean {
    return this.tok.kind === kind;
  }

  /** An optional TYPE_COMMENT token's text (CPython's `[TYPE_COMMENT]`). */
  typeComment(): string | null {
    return this.tok.kind === TokenKind.TYPE_COMMENT ? this.next().value : null;
  }

  accept(value: string): Token | null {
    return this.at(value) ? this.next() : null;
  }

  expect(value: string): Token {
    if (this.at(value)) return this.next();
    return this.raiseInvalidSyntax();
  }

  /** A forced token (`&&':'` in CPython's grammar): anything else is "expected ':'" right there. */
  expectForced(value: string): Token {
    if (this.at(value)) return this.next();
    return this.raiseAtToken(`expected '${value}'`, this.tok);
  }

  /**
   * The `:` ending a compound statement's header where the grammar has no
   * forced token: CPython says "expected ':'" only when the line ends there
   * (its invalid_*_stmt rules), and "invalid syntax" otherwise.
   */
  expectHeaderColon(): Token {
    if (this.at(':')) return this.next();
    if (this.tok.kind === TokenKind.NEWLINE) return this.raiseHere("expected ':'");
    return this.raiseInvalidSyntax();
  }

  expectName(): Token {
    if (this.tok.kind === TokenKind.NAME && !isKeyword(this.tok.value)) return this.next();
    return this.raiseInvalidSyntax();
  }

  /** A NAME that is not a hard keyword. */
  atName(): boolean {
    return this.tok.kind === TokenKind.NAME && !isKeyword(this.tok.value);
  }

  enter(): void {
    if (++this.depth > MAX_DEPTH) {
      this.raise('SyntaxError', TOO_DEEP, this.tok, this.tok);
    }
  }

  leave(): void {
    this.depth--;
  }

  // ---- positions ----

  /** The source line `lineno` (1-based), its line break read as `\n` as CPython's tokenizer does. */
  private sourceLine(lineno: number): string {
    const line = this.lines.line(lineno) ?? '';
    return line.endsWith('\r') || line.endsWith('\r\n') ? line.replace(/\r\n?$/, '\n') : line;
  }

  // ---- errors ----

  /** CPython raises a tokenizer error as soon as the parser fetches the token. */
  raiseTokenError(t: Token): never {
    const error = tokenError(t);
    if (error === null) throw new Error('internal: ERRORTOKEN without error');
    throw error;
  }

  /** CPython's generic error at the token where parsing stopped. */
  raiseInvalidSyntax(at: Token = this.tokens[this.furthest]!): never {
    const error = tokenError(at);
    if (error !== null) throw error;
    if (at.kind === TokenKind.INDENT) this.raiseHere('unexpected indent', 'IndentationError', at);
    if (at.kind === TokenKind.DEDENT) this.raiseHere('unexpected unindent', 'IndentationError', at);
    return this.raise('SyntaxError', 'invalid syntax', at, at);
  }

  /**
   * CPython's RAISE_SYNTAX_ERROR without a location: at the last token read.
   * NEWLINE-less layout tokens (INDENT, DEDENT, ENDMARKER) have no column of
   * their own there, so CPython uses where its tokenizer stands, with no end.
   */
  raiseHere(msg: string, kind: SyntaxErrorKind = 'SyntaxError', at: Token = this.tokens[this.furthest]!): never {
    if (isLayoutToken(at)) {
      const error = this.makeError(kind, msg, at.lineno, at.col_offset, at.lineno, -1, true);
      // The DEDENTs the end of input closes stand past their line's text, as the ENDMARKER does; others at its indentation.
      error.atEndOfInput = at.kind === TokenKind.ENDMARKER
        || (at.kind === TokenKind.DEDENT && at.col_offset > utf8Length(this.sourceLine(at.lineno).replace(/\n$/, '')));
      throw error;
    }
    return this.raise(kind, msg, at, at);
  }

  /**
   * After the parser fails, CPython tokenizes the rest of the source and a
   * tokenizer error found there replaces the parser's error (a bracket left
   * open at the end only when it was opened on a line before the error).
   */
  tokenizerErrorAfter(parseError: PySyntaxError): PySyntaxError | null {
    const last = this.tokens[this.tokens.length - 1]!;
    const error = tokenError(last);
    if (error === null || error === parseError) return null;
    return tokenizerErrorOverridesParseError(last, this.tokens[this.fetched]!.lineno) ? error : null;
  }

  /** CPython's RAISE_SYNTAX_ERROR_KNOWN_LOCATION at a token. */
  raiseAtToken(msg: string, t: Token): never {
    return this.raise('SyntaxError', msg, t, t);
  }

  raiseAtNode(msg: string, node: Span, kind: SyntaxErrorKind = 'SyntaxError'): never {
    return this.raiseRange(kind, msg, node.lineno, node.col_offset, node.end_lineno ?? node.lineno, node.end_col_offset ?? node.col_offset);
  }

  raiseBetween(msg: string, a: Span, b: Span, kind: SyntaxErrorKind = 'SyntaxError'): never {
    return this.raiseRange(kind, msg, a.lineno, a.col_offset, b.end_lineno ?? b.lineno, b.end_col_offset ?? b.col_offset);
  }

  raise(kind: SyntaxErrorKind, msg: string, start: Token, end: Token): never {
    // A located error at a layout token: CPython's column for it is -1, shown as offset 0.
    if (isLayoutToken(start)) return this.raiseRange(kind, msg, start.lineno, -1, end.end_lineno, -1);
    return this.raiseRange(kind, msg, start.lineno, start.col_offset, end.end_lineno, end.end_col_offset);
  }

  raiseRange(kind: SyntaxErrorKind, msg: string, lineno: number, col: number, endLineno: number, endCol: number): never {
    throw this.makeError(kind, msg, lineno, col, endLineno, endCol);
  }

  /**
   * The error at byte columns [col, endCol) of those lines, with CPython's
   * 1-based character offsets. `unlocated`: CPython's position for an error
   * without a location at a layout token, its tokenizer's column as is and
   * no end (-1).
   */
  makeError(
    kind: SyntaxErrorKind, msg: string, lineno: number, col: number, endLineno: number, endCol: number, unlocated = false,
  ): PySyntaxError {
    let lineOf = (n: number): string => this.sourceLine(n);
    if (this.fstring) {
      // CPython 3.11 reports errors in a replacement field with the field's
      // own `(text)` as the source line and columns within it.
      const { lineno: first, colOffset } = this.fstring;
      if (lineno === first) col -= colOffset;
      if (endLineno === first) endCol -= colOffset;
      msg = 'f-string: ' + msg;
      lineOf = (n) => this.sourceLine(n - first + 1);
    }
    const line = lineOf(lineno);
    const endLine = endLineno === lineno ? line : lineOf(endLineno);
    const offset = col < 0 ? 0 : byteColumnToCharOffset(line, col) + (unlocated ? 0 : 1);
    const endOffset = unlocated ? -1 : endCol < 0 ? 0 : byteColumnToCharOffset(endLine, endCol) + 1;
    return new PySyntaxError(kind, msg, this.filename, lineno, offset, errorText(line), endLineno, endOffset);
  }
}

/** What decodeSource keeps of bytes that are not UTF-8 (Python's surrogateescape). */
const UNDECODED_BYTE = /[\udc80-\udcff]/;
const UNDECODED_BYTES = /[\udc80-\udcff]/g;

/** SyntaxError.text: CPython decodes the line with errors='replace'. */
function errorText(line: string): string {
  return UNDECODED_BYTE.test(line) ? line.replace(UNDECODED_BYTES, '\ufffd') : line;
}

function isLayoutToken(t: Token): boolean {
  return t.kind === TokenKind.INDENT || t.kind === TokenKind.DEDENT || t.kind === TokenKind.ENDMARKER;
}

const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del',
  'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal',
  'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);

/** Code units that start some keyword: most names (`self`, `_x`, `x`) are told apart without hashing. */
const KEYWORD_FIRST = new Uint8Array(128);
for (const k of KEYWORDS) KEYWORD_FIRST[k.charCodeAt(0)] = 1;

export function isKeyword(name: string): boolean {
  const n = name.length;
  if (n < 2 || n > 8) return false;
  const c = name.charCodeAt(0);
  return c < 128 && KEYWORD_FIRST[c] === 1 && KEYWORDS.has(name);
}
