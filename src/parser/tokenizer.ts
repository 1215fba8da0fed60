/**
 * Python 3.11 tokenizer producing the token stream CPython's C tokenizer
 * feeds to its PEG parser: no comments or blank-line NEWLINEs, INDENT/DEDENT,
 * a NEWLINE per logical line and a final ENDMARKER. Errors do not throw:
 * the list then ends with one ERRORTOKEN carrying CPython's SyntaxError, so
 * that the parser can let an earlier parse error win, as CPython's lazy
 * tokenizer does.
 *
 * Positions follow CPython's AST: 1-based lines, 0-based UTF-8 byte columns.
 * INDENT, DEDENT and ENDMARKER have no extent in CPython (column -1); here
 * their col_offset and end_col_offset hold the byte column of the
 * tokenizer's cursor when it produced them, which is what CPython reports
 * (as the 1-based offset, without adding 1) for an error on such a token.
 */
import { PySyntaxError } from '../diagnostics.js';
import type { SyntaxErrorKind } from '../diagnostics.js';
import { escapedUtf8ErrorMessage } from './sourceDecoding.js';
import { setTokenError, tokenError, TokenKind, TokenObject } from './tokens.js';
import type { Token, TypeIgnoreComment } from './tokens.js';
import {
  ASCII_CLASS,
  HEX_DIGIT,
  IDENT_CHAR,
  IDENT_START,
  codePointHex,
  isPrintable,
  isXidContinue,
  isXidStart,
} from './charClasses.js';

const TABSIZE = 8;
/** CPython's MAXINDENT: the indent stack holds at most 100 levels, the first being column 0. */
const MAXINDENT = 100;
/** CPython's MAXLEVEL for nested brackets. */
const MAXLEVEL = 200;

const NON_ASCII = /[^\x00-\x7f]/g;

const LONE_ESCAPE = /(?<![\ud800-\udbff])[\udc80-\udcff]/;

/**
 * Shows the undecodable bytes kept by decodeSource as CPython shows them in
 * an error's text: decoded with replacement, one U+FFFD per maximal
 * invalid sequence.
 */
function replaceEscapedBytes(t: string): string {
  const bytes: number[] = [];
  const enc = new TextEncoder();
  let run = 0;
  const flush = (end: number): void => {
    if (run < end) for (const b of enc.encode(t.slice(run, end))) bytes.push(b);
  };
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 0xdc80 && c <= 0xdcff && !(i > 0 && (t.charCodeAt(i - 1) & 0xfc00) === 0xd800)) {
      flush(i);
      bytes.push(c - 0xdc00);
      run = i + 1;
    }
  }
  flush(t.length);
  return new TextDecoder().decode(Uint8Array.from(bytes));
}

const NUL_BYTES_MSG = 'source code string cannot contain null bytes';

/**
 * Messages of the errors CPython's tokenizer reports through an error code
 * rather than an exception already raised; when the parser has already
 * failed earlier, CPython keeps the parser's error over these (except an
 * unclosed bracket opened before the parse error's line).
 */
const DEFERRED_MESSAGES: ReadonlySet<string> = new Set([
  'unindent does not match any outer indentation level',
  'inconsistent use of tabs and spaces in indentation',
  'too many levels of indentation',
  'unexpected character after line continuation character',
  'unexpected EOF while parsing',
]);

/**
 * Whether the tokenizer error on `tok` replaces a generic parse error
 * reported at line `parseErrorLine`, as CPython decides when it tokenizes
 * the rest of the source after a failed parse
 * (`_PyPegen_tokenize_full_source_to_check_for_errors`).
 */
export function tokenizerErrorOverridesParseError(tok: Token, parseErrorLine: number): boolean {
  const err = tokenError(tok);
  if (err === null) return false;
  if (err.msg === NUL_BYTES_MSG) return true;
  if (DEFERRED_MESSAGES.has(err.msg)) return false;
  if (err.msg.endsWith(' was never closed')) return parseErrorLine > err.lineno;
  return true;
}

export interface TokenizeOptions {
  /**
   * CPython's `type_comments`: `# type: …` comments become TYPE_COMMENT
   * tokens, and `# type: ignore…` comments are collected in `typeIgnores`.
   */
  typeComments?: boolean;
  typeIgnores?: TypeIgnoreComment[];
}

export function tokenize(source: string, filename: string, options: TokenizeOptions = {}): Token[] {
  const tokenizer = new Tokenizer(source, filename);
  if (options.typeComments) tokenizer.typeIgnores = options.typeIgnores ?? [];
  return tokenizer.run();
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122);
}

function isQuote(c: number): boolean {
  return c === 34 || c === 39;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAsciiIdentChar(c: number): boolean {
  return c >= 0 && c < 128 && (ASCII_CLASS[c]! & IDENT_CHAR) !== 0;
}

/** CPython's is_potential_identifier_char (any non-ASCII counts). */
function isPotentialIdentChar(c: number): boolean {
  return c >= 128 || isAsciiIdentChar(c);
}

/** Length (1-3) of the operator starting with c, c2, c3; 1 for any other character. */
function operatorLength(c: number, c2: number, c3: number): number {
  switch (c) {
    case 33: // !
    case 37: // %
    case 38: // &
    case 43: // +
    case 61: // =
    case 64: // @
    case 94: // ^
    case 124: // |
      return c2 === 61 ? 2 : 1;
    case 58: // :
      return c2 === 61 ? 2 : 1;
    case 45: // -
      return c2 === 61 || c2 === 62 ? 2 : 1;
    case 42: // *
      if (c2 === 42) return c3 === 61 ? 3 : 2;
      return c2 === 61 ? 2 : 1;
    case 47: // /
      if (c2 === 47) return c3 === 61 ? 3 : 2;
      return c2 === 61 ? 2 : 1;
    case 60: // <
      if (c2 === 60) return c3 === 61 ? 3 : 2;
      return c2 === 61 || c2 === 62 ? 2 : 1;
    case 62: // >
      if (c2 === 62) return c3 === 61 ? 3 : 2;
      return c2 === 61 ? 2 : 1;
    default:
      return 1;
  }
}

/**
 * Operator texts as string constants: a token's value is one of these
 * rather than a fresh slice of the source (one string less per operator
 * token, and the parser's comparisons against literals are then between
 * internalized strings).
 */
const SINGLE_CHAR: readonly string[] = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));
const MULTI_CHAR = new Map<number, string>();
for (const op of ['!=', '%=', '&=', '+=', '==', '@=', '^=', '|=', ':=', '-=', '->', '**', '*=', '//', '/=', '<<', '<=', '<>', '>>', '>=', '**=', '//=', '<<=', '>>=']) {
  MULTI_CHAR.set(operatorKey(op.charCodeAt(0), op.charCodeAt(1), op.length === 3 ? op.charCodeAt(2) : 0), op);
}

function operatorKey(c: number, c2: number, c3: number): number {
  return c | (c2 << 7) | (c3 << 14);
}

class Tokenizer {
  private readonly src: string;
  private readonly n: number;
  /** CPython appends a newline to input that does not end with one. */
  private readonly virtualNewline: boolean;
  /** End of input including the virtual newline. */
  private readonly limit: number;
  /** Without CRs, '\n' alone ends lines and indexOf can find it. */
  private readonly hasCR: boolean;
  private readonly tokens: Token[] = [];
  /** Set when type comments are on: where `# type: ignore` comments go. */
  typeIgnores: TypeIgnoreComment[] | null = null;

  private pos: number;
  private lineno = 1;
  private lineStart: number;
  /**
   * Index of the first non-ASCII code unit at or after the start of the
   * line where it was last looked up (past the end of input if none):
   * byte columns before it are UTF-16 columns. Never Infinity: a double
   * here would make every column computed from it a heap number, and the
   * tokens' (and AST nodes') position fields doubles for the whole process.
   */
  private nextNonAscii = -1;
  private cacheIdx = -1;
  private cacheCol = 0;

  private atbol = true;
  private indent = 0;
  private readonly indstack: number[] = [0];
  private readonly altindstack: number[] = [0];

  private level = 0;
  private readonly parenChar: number[] = [];
  private readonly parenLine: number[] = [];
  private readonly parenIdx: number[] = [];
  private readonly parenLineStart: number[] = [];

  constructor(
    source: string,
    private readonly filename: string,
  ) {
    this.src = source;
    this.n = source.length;
    // A BOM belongs to file bytes (decodeSource drops it); in a str source
    // CPython reports it as an invalid character, and so does this.
    const last = this.n > 0 ? source.charCodeAt(this.n - 1) : -1;
    // CPython's newline translation of string input also appends a newline
    // after a final CR LF, which makes one more (blank) line.
    const crlf = last === 10 && this.n - 1 > 0 && source.charCodeAt(this.n - 2) === 13;
    this.virtualNewline = (last !== 10 && last !== 13) || crlf;
    this.limit = this.virtualNewline ? this.n + 1 : this.n;
    this.hasCR = source.indexOf('\r') >= 0;
    this.pos = 0;
    this.lineStart = 0;
  }

  run(): Token[] {
    if (this.src.indexOf('\0') >= 0) {
      this.pushError(new PySyntaxError('SyntaxError', NUL_BYTES_MSG, this.filename, 0, 0, null, 0, 0));
      return this.tokens;
    }
    const src = this.src;
    const n = this.n;
    let blankline = false;
    for (;;) {
      if (this.atbol) {
        // A new physical line that starts a logical line.
        this.atbol = false;
        const r = this.indentation();
        if (r < 0) return this.tokens;
        blankline = r === 1;
      }
      let pos = this.pos;
      let c = pos < n ? src.charCodeAt(pos) : this.cc(pos);
      while (c === 32 || c === 9 || c === 12) c = ++pos < n ? src.charCodeAt(pos) : this.cc(pos);
      const tokStart = pos;
      if (c === 35) {
        // Comment: skip to the end of the line.
        const nl = this.hasCR ? -1 : src.indexOf('\n', pos);
        if (nl >= 0) {
          pos = nl;
          c = 10;
        } else {
          do c = this.cc(++pos);
          while (c !== 10 && c !== 13 && c !== -1);
        }
        // After a type comment the line's NEWLINE is a token even on a
        // comment-only line, as CPython's tokenizer returns one there.
        if (this.typeIgnores && this.typeComment(tokStart, pos)) blankline = false;
      }
      this.pos = pos;

      let ok: boolean;
      if (c < 128 && c >= 0 && (ASCII_CLASS[c]! & IDENT_START) !== 0) {
        ok = this.nameOrString(tokStart, c);
      } else if (c === 10 || c === 13) {
        const startCol = this.byteCol(tokStart);
        const nlCol = this.byteCol(pos);
        const next = this.afterNewline(pos);
        if (!blankline && this.level === 0) {
          this.push(TokenKind.NEWLINE, '', this.lineno, startCol, this.lineno, nlCol);
        }
        this.pos = next;
        this.enterLine(next);
        this.atbol = true;
        ok = true;
      } else if (c === -1) {
        this.endOfInput();
        return this.tokens;
      } else if (c >= 128) {
        ok = this.nameOrString(tokStart, c);
      } else if (isDigit(c)) {
        ok = this.number(tokStart);
      } else if (c === 46) {
        const c2 = this.cc(pos + 1);
        ok = true;
        if (isDigit(c2)) ok = this.numberFraction(tokStart, pos + 1);
        else if (c2 === 46 && this.cc(pos + 2) === 46) this.pushSimple(TokenKind.OP, '...', tokStart, pos + 3);
        else this.pushSimple(TokenKind.OP, '.', tokStart, pos + 1);
      } else if (isQuote(c)) {
        ok = this.string(tokStart, pos);
      } else if (c === 92) {
        // Backslash continuation: the logical line goes on.
        ok = this.continuationLine(pos) >= 0;
      } else {
        ok = this.operator(tokStart, c);
      }
      if (!ok) return this.tokens;
    }
  }

  /**
   * With type comments on: a comment `[start, end)` matching CPython's
   * "# type: " prefix (each space standing for any run of spaces and tabs)
   * becomes a TYPE_COMMENT token, returning true, or, for "ignore" followed
   * by nothing alphanumeric, a recorded TypeIgnore.
   */
  private typeComment(start: number, end: number): boolean {
    const src = this.src;
    let p = start + 1;
    while (p < end && (src.charCodeAt(p) === 32 || src.charCodeAt(p) === 9)) p++;
    if (!src.startsWith('type:', p)) return false;
    p += 5;
    while (p < end && (src.charCodeAt(p) === 32 || src.charCodeAt(p) === 9)) p++;
    const afterIgnore = p + 6;
    if (afterIgnore <= end && src.startsWith('ignore', p)) {
      const next = afterIgnore < end ? src.charCodeAt(afterIgnore) : -1;
      if (next < 0 || (next < 128 && !isAsciiAlnum(next))) {
        this.typeIgnores!.push({ lineno: this.lineno, tag: src.slice(afterIgnore, end) });
        return false;
      }
    }
    const col = this.byteCol(p);
    this.push(TokenKind.TYPE_COMMENT, src.slice(p, end), this.lineno, col, this.lineno, this.byteCol(end));
    return true;
  }

  /** The code unit at i, a '\n' for the virtual final newline, -1 past the end. */
  private cc(i: number): number {
    if (i < this.n) return this.src.charCodeAt(i);
    return i === this.n && this.virtualNewline ? 10 : -1;
  }

  /** Index after the newline sequence starting at i (CR LF counts as one). */
  private afterNewline(i: number): number {
    return this.cc(i) === 13 && this.cc(i + 1) === 10 ? i + 2 : i + 1;
  }

  /**
   * Moves to the physical line starting at `start`. Like CPython, which
   * counts a line only once it reads it, nothing changes at end of input.
   */
  private enterLine(start: number): void {
    if (start >= this.limit) return;
    this.lineno++;
    this.lineStart = start;
    this.cacheIdx = -1;
  }

  /** UTF-8 byte column of index idx on the current line. */
  private byteCol(idx: number): number {
    const lineStart = this.lineStart;
    let nna = this.nextNonAscii;
    if (nna < lineStart) {
      // Only lines at or after a non-ASCII character get here.
      NON_ASCII.lastIndex = lineStart;
      const m = NON_ASCII.exec(this.src);
      nna = this.nextNonAscii = m === null ? this.limit + 1 : m.index;
    }
    if (idx <= nna) return idx - lineStart;
    const src = this.src;
    const n = this.n;
    const lim = idx < n ? idx : n;
    let i: number;
    let col: number;
    if (this.cacheIdx >= nna && this.cacheIdx <= lim) {
      i = this.cacheIdx;
      col = this.cacheCol;
    } else {
      i = nna;
      col = i - lineStart;
    }
    while (i < lim) {
      const c = src.charCodeAt(i++);
      if (c < 0x80) col += 1;
      else if (c < 0x800) col += 2;
      else if (c >= 0xd800 && c <= 0xdbff && i < lim && (src.charCodeAt(i) & 0xfc00) === 0xdc00) {
        col += 4;
        i++;
      } else if (c >= 0xdc80 && c <= 0xdcff) {
        // An undecodable source byte kept by decodeSource.
        col += 1;
      } else col += 3;
    }
    this.cacheIdx = i;
    this.cacheCol = col;
    return col + (idx - lim);
  }

  private push(
    kind: TokenKind,
    value: string,
    lineno: number,
    col: number,
    endLineno: number,
    endCol: number,
  ): void {
    this.tokens.push(new TokenObject(kind, value, lineno, col, endLineno, endCol));
  }

  /** A token on the current line; also moves the cursor to its end. */
  private pushSimple(kind: TokenKind, value: string, start: number, end: number): void {
    const col = this.byteCol(start);
    this.push(kind, value, this.lineno, col, this.lineno, col + (end - start));
    this.pos = end;
  }

  private pushError(error: PySyntaxError): void {
    const token: Token = new TokenObject(TokenKind.ERRORTOKEN, '', error.lineno, 0, error.end_lineno, 0);
    setTokenError(token, error);
    this.tokens.push(token);
  }


  // ---- error helpers -------------------------------------------------

  /** Index of the end (before any newline) of the line starting at `start`. */
  private lineEnd(start: number): number {
    const src = this.src;
    let i = start;
    const n = this.n;
    while (i < n) {
      const c = src.charCodeAt(i);
      if (c === 10 || c === 13) break;
      i++;
    }
    return i;
  }

  private lineText(start: number, withNewline: boolean): string {
    let t = this.src.slice(start, this.lineEnd(start));
    if (LONE_ESCAPE.test(t)) t = replaceEscapedBytes(t);
    return withNewline ? t + '\n' : t;
  }

  /** Number of code points in [a, b), counting positions past the end (the virtual newline) as one each. */
  private codePoints(a: number, b: number): number {
    const src = this.src;
    const lim = b < this.n ? b : this.n;
    let count = 0;
    for (let i = a; i < lim; i++) {
      const c = src.charCodeAt(i);
      if (c >= 0xdc00 && c <= 0xdfff && i > a) {
        const p = src.charCodeAt(i - 1);
        if (p >= 0xd800 && p <= 0xdbff) continue;
      }
      count++;
    }
    return count + (b - lim);
  }

  /** UTF-8 byte length of [a, b). */
  private utf8Len(a: number, b: number): number {
    return Buffer.byteLength(this.src.slice(a, b), 'utf8');
  }

  /**
   * CPython's tokenizer `syntaxerror()`: reported on the current line at
   * the cursor `cur` (offset = characters before the cursor), the text
   * being the line without its newline.
   */
  private errorAtCursor(msg: string, cur: number): false {
    const off = this.codePoints(this.lineStart, cur);
    this.pos = cur;
    this.pushError(
      new PySyntaxError('SyntaxError', msg, this.filename, this.lineno, off, this.lineText(this.lineStart, false), this.lineno, off),
    );
    return false;
  }

  /**
   * Errors CPython's parser raises from a tokenizer error code, located on
   * the tokenizer's current line, whose text then includes the newline.
   */
  private errorOnCurrentLine(kind: SyntaxErrorKind, msg: string, offset: number, endOffset: number): void {
    this.pushError(
      new PySyntaxError(kind, msg, this.filename, this.lineno, offset, this.lineText(this.lineStart, true), this.lineno, endOffset),
    );
  }

  /** Characters of the current line up to and including its newline (CPython's cursor at end of line). */
  private wholeLineLength(): number {
    return this.codePoints(this.lineStart, this.lineEnd(this.lineStart)) + 1;
  }

  private unexpectedEof(): void {
    const error = new PySyntaxError(
      'SyntaxError', 'unexpected EOF while parsing', this.filename, this.lineno, this.wholeLineLength(), this.lineText(this.lineStart, true), this.lineno, -1,
    );
    error.atEndOfInput = true;
    this.pushError(error);
  }

  private unclosedBracket(): void {
    const k = this.level - 1;
    const line = this.parenLine[k]!;
    const ls = this.parenLineStart[k]!;
    const off = this.codePoints(ls, this.parenIdx[k]!) + 1;
    const ch = String.fromCharCode(this.parenChar[k]!);
    this.pushError(
      new PySyntaxError('SyntaxError', `'${ch}' was never closed`, this.filename, line, off, this.lineText(ls, line === this.lineno), line, 0),
    );
  }

  // ---- indentation ---------------------------------------------------

  /**
   * Measures the indentation of a new line and emits INDENT/DEDENT tokens.
   * Returns 1 for a blank (or comment-only) line, 0 otherwise, -1 after an
   * error.
   */
  private indentation(): number {
    let col = 0;
    let altcol = 0;
    let contLineCol = 0;
    let pos = this.pos;
    const src = this.src;
    const n = this.n;
    let c: number;
    for (;;) {
      c = pos < n ? src.charCodeAt(pos) : this.cc(pos);
      if (c === 32) {
        col++;
        altcol++;
      } else if (c === 9) {
        col = ((col / TABSIZE) | 0) * TABSIZE + TABSIZE;
        altcol++;
      } else if (c === 12) {
        col = altcol = 0;
      } else if (c === 92) {
        // The first backslash decides the indentation of what follows.
        contLineCol = contLineCol !== 0 ? contLineCol : col;
        if (this.continuationLine(pos) < 0) return -1;
        pos = this.pos;
        continue;
      } else {
        break;
      }
      pos++;
    }
    this.pos = pos;
    const blank = c === 35 || c === 10 || c === 13;
    if (blank || this.level !== 0) return blank ? 1 : 0;
    if (contLineCol !== 0) {
      col = contLineCol;
      altcol = contLineCol;
    }
    const atEof = c === -1;
    const top = this.indent;
    if (col === this.indstack[top]) {
      if (altcol !== this.altindstack[top]) return this.tabError();
    } else if (col > this.indstack[top]!) {
      if (top + 1 >= MAXINDENT) {
        this.errorOnCurrentLine('IndentationError', 'too many levels of indentation', 1, 0);
        return -1;
      }
      if (altcol <= this.altindstack[top]!) return this.tabError();
      this.indent = top + 1;
      this.indstack[this.indent] = col;
      this.altindstack[this.indent] = altcol;
      this.pushIndentToken(TokenKind.INDENT, pos, atEof);
    } else {
      let k = top;
      while (k > 0 && col < this.indstack[k]!) k--;
      if (col !== this.indstack[k]) {
        this.errorOnCurrentLine(
          'IndentationError',
          'unindent does not match any outer indentation level',
          this.wholeLineLength(),
          -1,
        );
        return -1;
      }
      if (altcol !== this.altindstack[k]) return this.tabError();
      for (let d = top; d > k; d--) this.pushIndentToken(TokenKind.DEDENT, pos, atEof);
      this.indent = k;
    }
    return 0;
  }

  private tabError(): number {
    this.errorOnCurrentLine('TabError', 'inconsistent use of tabs and spaces in indentation', 1, 0);
    return -1;
  }

  private pushIndentToken(kind: TokenKind, pos: number, atEof: boolean): void {
    const col = atEof ? this.eofCol() : this.byteCol(pos);
    this.push(kind, '', this.lineno, col, this.lineno, col);
  }

  /** CPython's cursor column at end of input: the last line's length including its newline. */
  private eofCol(): number {
    return this.byteCol(this.lineEnd(this.lineStart)) + 1;
  }

  /**
   * After a backslash at `pos`: the next character must end the line and
   * more input must follow. Moves to the next line; -1 after an error.
   */
  private continuationLine(pos: number): number {
    const c = this.cc(pos + 1);
    if (c !== 10 && c !== 13) {
      // CPython points just past the character that follows the backslash.
      const off = this.codePoints(this.lineStart, pos + 1) + 1;
      this.pos = pos + 1;
      this.errorOnCurrentLine('SyntaxError', 'unexpected character after line continuation character', off, 0);
      return -1;
    }
    const next = this.afterNewline(pos + 1);
    if (next >= this.limit) {
      this.pos = next;
      if (this.level > 0) this.unclosedBracket();
      else this.unexpectedEof();
      return -1;
    }
    this.pos = next;
    this.enterLine(next);
    return 0;
  }

  private endOfInput(): void {
    if (this.level > 0) {
      this.unclosedBracket();
      return;
    }
    const col = this.eofCol();
    this.push(TokenKind.ENDMARKER, '', this.lineno, col, this.lineno, col);
  }

  // ---- names and strings ---------------------------------------------

  /**
   * The source's identifiers, each spelling one string: a name read again
   * is the same string object, so the Maps and Sets keyed by names later
   * (symbol tables, the transform's scopes, the source map's names) find it
   * by identity rather than comparing characters, and no new string is made.
   * Open addressing over the spellings' hashes.
   */
  private internKeys: (string | undefined)[] = new Array<string | undefined>(256).fill(undefined);
  // Small integers in a plain array: a typed array would cost an ArrayBuffer per file, which the GC must sweep.
  private internHashes: number[] = new Array<number>(256).fill(0);
  private internCount = 0;

  /** The one string for the ASCII name spelled by `src[start..end)`, whose hash nameOrString computed while scanning it. */
  private intern(start: number, end: number, hash: number): string {
    const keys = this.internKeys;
    const hashes = this.internHashes;
    const mask = keys.length - 1;
    const len = end - start;
    let i = hash & mask;
    for (;;) {
      const k = keys[i];
      if (k === undefined) break;
      if (hashes[i] === hash && k.length === len && this.src.startsWith(k, start)) return k;
      i = (i + 1) & mask;
    }
    const value = this.src.slice(start, end);
    keys[i] = value;
    hashes[i] = hash;
    if (++this.internCount * 2 > keys.length) this.growInterned();
    return value;
  }

  private growInterned(): void {
    const oldKeys = this.internKeys;
    const oldHashes = this.internHashes;
    const size = oldKeys.length * 2;
    const keys = new Array<string | undefined>(size).fill(undefined);
    const hashes = new Array<number>(size).fill(0);
    const mask = size - 1;
    for (let j = 0; j < oldKeys.length; j++) {
      const k = oldKeys[j];
      if (k === undefined) continue;
      let i = oldHashes[j]! & mask;
      while (keys[i] !== undefined) i = (i + 1) & mask;
      keys[i] = k;
      hashes[i] = oldHashes[j]!;
    }
    this.internKeys = keys;
    this.internHashes = hashes;
  }

  /** A NAME, or a STRING if the letters are a string prefix followed by a quote. */
  private nameOrString(start: number, first: number): boolean {
    const lower = first | 32;
    if (lower === 98 || lower === 114 || lower === 117 || lower === 102) {
      let i = start;
      let c = first;
      let sawB = false;
      let sawR = false;
      let sawU = false;
      let sawF = false;
      for (;;) {
        if (!(sawB || sawU || sawF) && (c === 98 || c === 66)) sawB = true;
        else if (!(sawB || sawU || sawR || sawF) && (c === 117 || c === 85)) sawU = true;
        else if (!(sawR || sawU) && (c === 114 || c === 82)) sawR = true;
        else if (!(sawF || sawB || sawU) && (c === 102 || c === 70)) sawF = true;
        else break;
        c = this.cc(++i);
        if (c === 34 || c === 39) return this.string(start, i);
      }
    }
    const src = this.src;
    const n = this.n;
    let nonAscii = first >= 128;
    let i = start + 1;
    // The spelling's hash (h * 31 + code unit), for intern().
    let hash = first;
    while (i < n) {
      const c = src.charCodeAt(i);
      if (c < 128) {
        if ((ASCII_CLASS[c]! & IDENT_CHAR) === 0) break;
      } else nonAscii = true;
      hash = (Math.imul(hash, 31) + c) | 0;
      i++;
    }
    const len = i - start;
    let value: string;
    if (nonAscii) {
      value = src.slice(start, i);
      if (!this.verifyIdentifier(start, value)) return false;
      value = value.normalize('NFKC');
    } else {
      value = this.intern(start, i, hash);
    }
    const col = this.byteCol(start);
    const endCol = nonAscii ? this.byteCol(i) : col + len;
    this.push(TokenKind.NAME, value, this.lineno, col, this.lineno, endCol);
    this.pos = i;
    return true;
  }

  /** CPython's verify_identifier: reports the first character that cannot be in an identifier. */
  private verifyIdentifier(start: number, text: string): boolean {
    const decodeError = escapedUtf8ErrorMessage(text, 0, text.length);
    if (decodeError !== null) {
      // CPython cannot even decode the identifier's bytes; it reports that
      // with the cursor after the identifier and no end.
      const end = start + text.length;
      this.pos = end;
      this.errorOnCurrentLine('SyntaxError', `(unicode error) ${decodeError}`, this.codePoints(this.lineStart, end), -1);
      return false;
    }
    let k = 0;
    for (const ch of text) {
      const ok = k === 0 ? isXidStart(ch) : isXidContinue(ch);
      const next = k + ch.length;
      if (!ok) {
        const cp = ch.codePointAt(0)!;
        const hex = codePointHex(cp);
        const msg = isPrintable(ch) ? `invalid character '${ch}' (U+${hex})` : `invalid non-printable character U+${hex}`;
        return this.errorAtCursor(msg, start + next);
      }
      k = next;
    }
    return true;
  }

  /** A string literal whose prefix starts at `start` and opening quote is at `q`. */
  private string(start: number, q: number): boolean {
    const src = this.src;
    const quote = src.charCodeAt(q);
    const firstLine = this.lineno;
    const firstLineStart = this.lineStart;
    const col = this.byteCol(start);
    let i = q + 1;
    let quoteSize = 1;
    let endQuoteSize = 0;
    if (this.cc(i) === quote) {
      if (this.cc(i + 1) === quote) {
        quoteSize = 3;
        i += 2;
      } else {
        endQuoteSize = 1;
        i += 1;
      }
    }
    let sawCR = false;
    const n = this.n;
    while (endQuoteSize !== quoteSize) {
      if (endQuoteSize === 0) {
        // Skip ordinary characters.
        while (i < n) {
          const d = src.charCodeAt(i);
          if (d === quote || d === 92 || d === 10 || d === 13) break;
          i++;
        }
      }
      const c = i < n ? src.charCodeAt(i) : this.cc(i);
      if (c === -1 || (quoteSize === 1 && (c === 10 || c === 13))) {
        const detected = this.lineno;
        const off = this.codePoints(firstLineStart, start) + 1;
        const msg =
          quoteSize === 3
            ? `unterminated triple-quoted string literal (detected at line ${detected})`
            : `unterminated string literal (detected at line ${detected})`;
        this.pos = i;
        this.pushError(
          new PySyntaxError('SyntaxError', msg, this.filename, firstLine, off, this.lineText(firstLineStart, false), firstLine, off),
        );
        return false;
      }
      if (c === quote) {
        endQuoteSize++;
        i++;
        continue;
      }
      endQuoteSize = 0;
      if (c === 92) {
        i++;
        const e = this.cc(i);
        if (e === 10 || e === 13) {
          if (e === 13) sawCR = true;
          i = this.afterNewline(i);
          this.enterLine(i);
        } else if (e !== -1) {
          i++;
        }
        continue;
      }
      if (c === 10 || c === 13) {
        if (c === 13) sawCR = true;
        i = this.afterNewline(i);
        this.enterLine(i);
        continue;
      }
      i++;
    }
    let value = src.slice(start, i);
    if (sawCR) value = value.replace(/\r\n?/g, '\n');
    this.push(TokenKind.STRING, value, firstLine, col, this.lineno, this.byteCol(i));
    this.pos = i;
    return true;
  }

  // ---- numbers -------------------------------------------------------

  private number(start: number): boolean {
    const c0 = this.cc(start);
    if (c0 === 48) {
      const c = this.cc(start + 1);
      if (c === 120 || c === 88) return this.radixNumber(start, 16, 'hexadecimal');
      if (c === 111 || c === 79) return this.radixNumber(start, 8, 'octal');
      if (c === 98 || c === 66) return this.radixNumber(start, 2, 'binary');
      return this.zeroNumber(start);
    }
    const i = this.decimalTail(start);
    if (i < 0) return false;
    return this.afterIntegerPart(start, i);
  }

  /** Continues after the integer digits of a decimal number ending before index i. */
  private afterIntegerPart(start: number, i: number): boolean {
    const c = this.cc(i);
    if (c === 46) return this.numberFraction(start, i + 1);
    return this.exponentOrEnd(start, i);
  }

  /** The digits after a '.', starting at index i. */
  private numberFraction(start: number, i: number): boolean {
    if (isDigit(this.cc(i))) {
      i = this.decimalTail(i);
      if (i < 0) return false;
    }
    return this.exponentOrEnd(start, i);
  }

  private exponentOrEnd(start: number, i: number): boolean {
    let c = this.cc(i);
    if (c === 101 || c === 69) {
      const e = i;
      c = this.cc(i + 1);
      if (c === 43 || c === 45) {
        if (!isDigit(this.cc(i + 2))) return this.errorAtCursor('invalid decimal literal', i + 2);
        i += 2;
      } else if (!isDigit(c)) {
        // 'e' not starting an exponent: fine only before a keyword such as 'else'.
        if (!this.endOfNumberOk(e, 'decimal')) return false;
        return this.emitNumber(start, e);
      } else {
        i += 1;
      }
      i = this.decimalTail(i);
      if (i < 0) return false;
      c = this.cc(i);
    }
    if (c === 106 || c === 74) return this.imaginary(start, i + 1);
    if (!this.endOfNumberOk(i, 'decimal')) return false;
    return this.emitNumber(start, i);
  }

  private imaginary(start: number, i: number): boolean {
    if (!this.endOfNumberOk(i, 'imaginary')) return false;
    return this.emitNumber(start, i);
  }

  /** Digits and single underscores from i (a digit); returns the index after them, -1 after an error. */
  private decimalTail(i: number): number {
    for (;;) {
      let c: number;
      do c = this.cc(++i);
      while (isDigit(c));
      if (c !== 95) return i;
      if (!isDigit(this.cc(i + 1))) {
        this.errorAtCursor('invalid decimal literal', i + 1);
        return -1;
      }
      i++;
    }
  }

  /** 0x / 0o / 0b literals of the given radix (16, 8 or 2). */
  private radixNumber(start: number, radix: number, kind: string): boolean {
    const isOk = (c: number): boolean =>
      radix === 16 ? c >= 0 && c < 128 && (ASCII_CLASS[c]! & HEX_DIGIT) !== 0 : c >= 48 && c < 48 + radix;
    let i = start + 2;
    let c = this.cc(i);
    do {
      if (c === 95) c = this.cc(++i);
      if (!isOk(c)) {
        if (radix !== 16 && isDigit(c)) {
          return this.errorAtCursor(`invalid digit '${String.fromCharCode(c)}' in ${kind} literal`, i + 1);
        }
        return this.errorAtCursor(`invalid ${kind} literal`, i);
      }
      do c = this.cc(++i);
      while (isOk(c));
    } while (c === 95);
    if (radix !== 16 && isDigit(c)) {
      return this.errorAtCursor(`invalid digit '${String.fromCharCode(c)}' in ${kind} literal`, i + 1);
    }
    if (!this.endOfNumberOk(i, kind)) return false;
    return this.emitNumber(start, i);
  }

  /** A decimal literal starting with '0': only zeros unless it is a float or imaginary. */
  private zeroNumber(start: number): boolean {
    let i = start + 1;
    let c = this.cc(i);
    for (;;) {
      if (c === 95) {
        c = this.cc(++i);
        if (!isDigit(c)) return this.errorAtCursor('invalid decimal literal', i);
      }
      if (c !== 48) break;
      c = this.cc(++i);
    }
    const zerosEnd = i + 1;
    let nonzero = false;
    if (isDigit(c)) {
      nonzero = true;
      i = this.decimalTail(i);
      if (i < 0) return false;
      c = this.cc(i);
    }
    if (c === 46) return this.numberFraction(start, i + 1);
    if (c === 101 || c === 69 || c === 106 || c === 74) return this.exponentOrEnd(start, i);
    if (nonzero) {
      // CPython gives this range in UTF-8 bytes.
      const col = this.utf8Len(this.lineStart, start) + 1;
      const endCol = this.utf8Len(this.lineStart, zerosEnd);
      this.pos = i;
      this.pushError(
        new PySyntaxError(
          'SyntaxError',
          'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers',
          this.filename,
          this.lineno,
          col,
          this.lineText(this.lineStart, false),
          this.lineno,
          endCol,
        ),
      );
      return false;
    }
    if (!this.endOfNumberOk(i, 'decimal')) return false;
    return this.emitNumber(start, i);
  }

  /**
   * CPython's verify_end_of_number for the character at i: a number may be
   * directly followed by the keywords and/else/for/if/in/is/not/or (3.11
   * only warns), but not by another identifier character.
   */
  private endOfNumberOk(i: number, kind: string): boolean {
    const c = this.cc(i);
    let r = false;
    switch (c) {
      case 97: // a
        r = this.lookahead(i + 1, 'nd');
        break;
      case 101: // e
        r = this.lookahead(i + 1, 'lse');
        break;
      case 102: // f
        r = this.lookahead(i + 1, 'or');
        break;
      case 105: {
        // i
        const c2 = this.cc(i + 1);
        r = c2 === 102 || c2 === 110 || c2 === 115;
        break;
      }
      case 111: // o
        r = this.lookahead(i + 1, 'r');
        break;
      case 110: // n
        r = this.lookahead(i + 1, 'ot');
        break;
    }
    if (r) return true;
    if (isAsciiIdentChar(c)) return this.errorAtCursor(`invalid ${kind} literal`, i);
    return true;
  }

  /** Whether `word` follows at i and is not followed by an identifier character. */
  private lookahead(i: number, word: string): boolean {
    for (let k = 0; k < word.length; k++) {
      if (this.cc(i + k) !== word.charCodeAt(k)) return false;
    }
    return !isPotentialIdentChar(this.cc(i + word.length));
  }

  private emitNumber(start: number, end: number): boolean {
    this.pushSimple(TokenKind.NUMBER, this.src.slice(start, end), start, end);
    return true;
  }

  // ---- operators -----------------------------------------------------

  private operator(start: number, c: number): boolean {
    const len = operatorLength(c, this.cc(start + 1), this.cc(start + 2));
    if (len === 1) {
      switch (c) {
        case 40:
        case 91:
        case 123:
          if (this.level >= MAXLEVEL) return this.errorAtCursor('too many nested parentheses', start + 1);
          this.parenChar[this.level] = c;
          this.parenLine[this.level] = this.lineno;
          this.parenIdx[this.level] = start;
          this.parenLineStart[this.level] = this.lineStart;
          this.level++;
          break;
        case 41:
        case 93:
        case 125: {
          const ch = String.fromCharCode(c);
          if (this.level === 0) return this.errorAtCursor(`unmatched '${ch}'`, start + 1);
          this.level--;
          const opening = this.parenChar[this.level]!;
          if (!((opening === 40 && c === 41) || (opening === 91 && c === 93) || (opening === 123 && c === 125))) {
            const op = String.fromCharCode(opening);
            const openLine = this.parenLine[this.level]!;
            const msg =
              openLine !== this.lineno
                ? `closing parenthesis '${ch}' does not match opening parenthesis '${op}' on line ${openLine}`
                : `closing parenthesis '${ch}' does not match opening parenthesis '${op}'`;
            return this.errorAtCursor(msg, start + 1);
          }
          break;
        }
        default:
          if (c < 32 || c === 127) {
            return this.errorAtCursor(`invalid non-printable character U+${codePointHex(c)}`, start + 1);
          }
      }
    }
    const text =
      len === 1 ? SINGLE_CHAR[c]! : MULTI_CHAR.get(operatorKey(c, this.cc(start + 1), len === 3 ? this.cc(start + 2) : 0))!;
    this.pushSimple(TokenKind.OP, text, start, start + len);
    return true;
  }
}
