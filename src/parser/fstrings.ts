/**
 * f-strings as CPython 3.11 parses them: the whole f-string is one STRING
 * token, scanned here for literal text and `{...}` replacement fields; each
 * field's expression text is handed back to the parser (StringHost).
 *
 * Positions follow CPython 3.11 exactly: the Constant and FormattedValue
 * parts carry the span of the whole run of strings, a nested format spec's
 * JoinedStr (and the literal that ends it) carries the span of its own
 * token, and the expression of a field starts where `fieldStart` says.
 */
import { Constant, FormattedValue, JoinedStr } from '../ast/nodes.js';
import type { expr } from '../ast/nodes.js';
import type { Token } from './tokens.js';
import type { StringHost } from './strings.js';
import { PyStrCodePoints } from '../ast/constants.js';
import { appendCodePoints, decodeStrEscapes, EscapeError } from './escapes.js';

/** CPython's limit on brackets open inside one replacement field. */
const MAX_NESTING = 200;

const BACKSLASH = 0x5c;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const NEWLINE = 0x0a;

/**
 * What a run of strings has produced so far: the pending literal text (merged
 * across pieces and tokens, never empty when present) and the finished parts.
 */
export class PartsBuilder {
  /** The pending literal, unless `codePoints` holds it. */
  private text = '';
  /**
   * The pending literal as code points, once it holds a high surrogate
   * followed by a low one that are two code points (see PyStrCodePoints).
   */
  private codePoints: number[] | null = null;
  readonly values: expr[] = [];
  /** Set once an f-string is met: the result is then a JoinedStr. */
  fmode = false;

  /** Appends decoded literal text to the pending literal. */
  addLiteral(piece: string | PyStrCodePoints): void {
    if (this.codePoints === null) {
      if (typeof piece === 'string') {
        // A piece that starts with a low surrogate after one that ends with
        // a high surrogate: both are lone code points (from escapes), which
        // JS string concatenation would pair.
        const text = this.text;
        if (piece.charCodeAt(0) >>> 10 !== 0x37 || text.charCodeAt(text.length - 1) >>> 10 !== 0x36) {
          this.text = text + piece;
          return;
        }
      }
      this.codePoints = [];
      appendCodePoints(this.codePoints, this.text);
      this.text = '';
    }
    if (typeof piece === 'string') appendCodePoints(this.codePoints, piece);
    else for (const c of piece.codePoints) this.codePoints.push(c);
  }

  /** The pending literal, which is emptied. */
  takeLiteral(): string | PyStrCodePoints {
    const codePoints = this.codePoints;
    if (codePoints !== null) {
      this.codePoints = null;
      return new PyStrCodePoints(codePoints);
    }
    const text = this.text;
    this.text = '';
    return text;
  }

  /** Turns the pending literal into a Constant located at [first, last]. */
  flushLiteral(first: Token, last: Token): void {
    if (this.text === '' && this.codePoints === null) return;
    this.values.push(makeStr(this.takeLiteral(), first, last));
  }
}

export function makeStr(value: string | PyStrCodePoints, first: Token, last: Token): Constant {
  // CPython looks at the first token's first byte: `u'...'` but not `U'...'`.
  const kind = first.value.charCodeAt(0) === 0x75 ? 'u' : null;
  return Constant(value, kind, first.lineno, first.col_offset, last.end_lineno, last.end_col_offset);
}

function utf8Width(c: number): number {
  // A surrogate pair counts 2 + 2 = 4 bytes, as its UTF-8 form.
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
}

function isSpace(c: number): boolean {
  // Py_ISSPACE: space, \t, \n, \v, \f, \r.
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/**
 * Parses the f-string body `src[start, end)` of token `t` (whose text is
 * `src`, newlines normalised) into `parts`.
 */
export function parseFString(
  parts: PartsBuilder,
  src: string,
  start: number,
  end: number,
  raw: boolean,
  t: Token,
  first: Token,
  last: Token,
  host: StringHost,
): void {
  parts.fmode = true;
  new FStringScanner(src, end, raw, t, first, last, host, start).concat(parts, 0);
}

class FStringScanner {
  /** Line count and UTF-8 column reached by `locate`, which only moves forward. */
  private locIndex = 0;
  private locLines = 0;
  private locCol = 0;

  constructor(
    private readonly src: string,
    private readonly end: number,
    private readonly raw: boolean,
    private readonly t: Token,
    private readonly first: Token,
    private readonly last: Token,
    private readonly host: StringHost,
    private pos: number,
  ) {}

  private fail(msg: string): never {
    throw this.host.syntaxError(msg, null);
  }

  /** Adds the literals and fields from `pos` up to the end (level 0) or to a spec's `}`. */
  concat(parts: PartsBuilder, level: number): void {
    const { src, end } = this;
    for (;;) {
      const more = this.literal(parts, level);
      if (more) continue;
      if (this.pos >= end || src.charCodeAt(this.pos) === RBRACE) break;
      const field = this.field(parts, level);
      parts.flushLiteral(this.first, this.last);
      parts.values.push(field);
    }
    // Unreachable at level 0 in practice (a lone '}' fails earlier); kept as CPython has it.
    if (level === 0 && this.pos < end - 1) this.fail('f-string: unexpected end of string');
    if (level !== 0 && (this.pos >= end || src.charCodeAt(this.pos) !== RBRACE)) this.fail("f-string: expecting '}'");
  }

  /**
   * Scans literal text up to a `{` or `}` that is not doubled (at level 0)
   * and adds it to `parts`. Returns true when it stopped after a doubled
   * brace, to be called again.
   */
  private literal(parts: PartsBuilder, level: number): boolean {
    const { src, end, raw } = this;
    const literalStart = this.pos;
    let s = literalStart;
    let doubled = false;
    let hasBackslash = false;
    while (s < end) {
      let ch = src.charCodeAt(s++);
      if (!raw && ch === BACKSLASH && s < end) {
        hasBackslash = true;
        ch = src.charCodeAt(s++);
        if (ch === 0x4e /* N */) {
          // Skip `\N{...}` whole, braces included. Without its `{` the
          // escape is malformed, which decoding reports.
          if (s < end && src.charCodeAt(s++) === LBRACE) {
            while (s < end && src.charCodeAt(s++) !== RBRACE) {
              // the name
            }
            continue;
          }
          break;
        }
        if (ch === LBRACE) this.host.warn?.("invalid escape sequence '\\{'", this.t);
      }
      if (ch === LBRACE || ch === RBRACE) {
        if (level === 0) {
          if (s < end && src.charCodeAt(s) === ch) {
            // `{{` or `}}`: the literal keeps one brace; resume after the other.
            this.pos = s + 1;
            doubled = true;
            break;
          }
          if (ch === RBRACE) {
            this.pos = s - 1;
            this.fail("f-string: single '}' is not allowed");
          }
        }
        s--;
        break;
      }
    }
    if (!doubled) this.pos = s;
    if (s > literalStart) {
      parts.addLiteral(raw || !hasBackslash ? src.slice(literalStart, s) : this.decode(literalStart, s));
    }
    return doubled;
  }

  private decode(start: number, end: number): string | PyStrCodePoints {
    const warn = this.host.warn;
    try {
      return decodeStrEscapes(this.src, start, end, warn ? (msg) => warn.call(this.host, msg, this.t) : null);
    } catch (e) {
      if (e instanceof EscapeError) this.fail(e.message);
      throw e;
    }
  }

  /** Parses the replacement field at `pos` (on its `{`) into a FormattedValue. */
  private field(parts: PartsBuilder, level: number): FormattedValue {
    const { src, end } = this;
    if (level >= 2) this.fail('f-string: expressions nested too deeply');
    const brace = this.pos;
    const exprStart = brace + 1;
    let s = exprStart;
    let quote = 0;
    let triple = false;
    const stack: number[] = [];
    for (; s < end; s++) {
      const ch = src.charCodeAt(s);
      if (ch === BACKSLASH) this.fail('f-string expression part cannot include a backslash');
      if (quote !== 0) {
        if (ch === quote) {
          if (triple) {
            if (s + 2 < end && src.charCodeAt(s + 1) === ch && src.charCodeAt(s + 2) === ch) {
              s += 2;
              quote = 0;
              triple = false;
            }
          } else {
            quote = 0;
          }
        }
      } else if (ch === 0x27 || ch === 0x22) {
        triple = s + 2 < end && src.charCodeAt(s + 1) === ch && src.charCodeAt(s + 2) === ch;
        if (triple) s += 2;
        quote = ch;
      } else if (ch === 0x5b || ch === LBRACE || ch === 0x28) {
        if (stack.length >= MAX_NESTING) this.fail('f-string: too many nested parenthesis');
        stack.push(ch);
      } else if (ch === 0x23) {
        this.fail("f-string expression part cannot include '#'");
      } else if (
        stack.length === 0 &&
        (ch === 0x21 || ch === 0x3a || ch === RBRACE || ch === 0x3d || ch === 0x3e || ch === 0x3c)
      ) {
        // `!=`, `==`, `<=`, `>=` and lone `<`, `>` belong to the expression.
        if (s + 1 < end && src.charCodeAt(s + 1) === 0x3d && ch !== 0x3a && ch !== RBRACE) {
          s++;
          continue;
        }
        if (ch === 0x3c || ch === 0x3e) continue;
        break;
      } else if (ch === 0x5d || ch === RBRACE || ch === 0x29) {
        if (stack.length === 0) this.fail(`f-string: unmatched '${String.fromCharCode(ch)}'`);
        const opening = stack.pop()!;
        if (!((opening === 0x28 && ch === 0x29) || (opening === 0x5b && ch === 0x5d) || (opening === LBRACE && ch === RBRACE))) {
          this.fail(
            `f-string: closing parenthesis '${String.fromCharCode(ch)}' does not match opening parenthesis '${String.fromCharCode(opening)}'`,
          );
        }
      }
    }
    const exprEnd = s;
    if (quote !== 0) this.fail('f-string: unterminated string');
    if (stack.length > 0) this.fail(`f-string: unmatched '${String.fromCharCode(stack[stack.length - 1]!)}'`);
    if (s >= end) this.fail("f-string: expecting '}'");

    const expression = this.compile(brace, exprEnd);

    if (src.charCodeAt(s) === 0x3d /* = */) {
      s++;
      // The closing quote stops this before the end of the token.
      while (isSpace(src.charCodeAt(s))) s++;
      // The `expr=` text goes in as literal text, before the field.
      parts.addLiteral(src.slice(exprStart, s));
      this.pos = s;
      return this.fieldRest(expression, level, true);
    }
    this.pos = s;
    return this.fieldRest(expression, level, false);
  }

  /** The conversion, format spec and closing brace of a field, from `pos`. */
  private fieldRest(expression: expr, level: number, debug: boolean): FormattedValue {
    const { src, end } = this;
    let s = this.pos;
    let conversion = -1;
    if (src.charCodeAt(s) === 0x21 /* ! */) {
      s++;
      if (s >= end) this.fail("f-string: expecting '}'");
      conversion = src.charCodeAt(s++);
      if (conversion !== 0x73 && conversion !== 0x72 && conversion !== 0x61) {
        this.fail("f-string: invalid conversion character: expected 's', 'r', or 'a'");
      }
    }
    if (s >= end) this.fail("f-string: expecting '}'");
    let formatSpec: JoinedStr | null = null;
    if (src.charCodeAt(s) === 0x3a /* : */) {
      s++;
      if (s >= end) this.fail("f-string: expecting '}'");
      this.pos = s;
      const spec = new PartsBuilder();
      spec.fmode = true;
      this.concat(spec, level + 1);
      // A spec's own literal tail and JoinedStr are located at its token.
      spec.flushLiteral(this.t, this.t);
      const t = this.t;
      formatSpec = JoinedStr(spec.values, t.lineno, t.col_offset, t.end_lineno, t.end_col_offset);
      s = this.pos;
    }
    if (s >= end || src.charCodeAt(s) !== RBRACE) this.fail("f-string: expecting '}'");
    this.pos = s + 1;
    if (debug && formatSpec === null && conversion === -1) conversion = 0x72; // !r
    const { first, last } = this;
    return FormattedValue(expression, conversion, formatSpec, first.lineno, first.col_offset, last.end_lineno, last.end_col_offset);
  }

  /** Parses the expression text `src[brace + 1, exprEnd)` through the host. */
  private compile(brace: number, exprEnd: number): expr {
    const { src } = this;
    let s = brace + 1;
    while (s < exprEnd) {
      const c = src.charCodeAt(s);
      if (c !== 0x20 && c !== 0x09 && c !== NEWLINE && c !== 0x0c) break;
      s++;
    }
    if (s === exprEnd) {
      const stop = src.charCodeAt(exprEnd);
      if (stop === RBRACE) this.fail('f-string: empty expression not allowed');
      this.fail(`f-string: expression required before '${String.fromCharCode(stop)}'`);
    }
    const [lineno, col] = this.fieldStart(brace);
    return this.host.parseFStringExpression(src.slice(brace + 1, exprEnd), lineno, col);
  }

  /**
   * Where CPython 3.11 places the `(` it wraps a field's expression in
   * (fstring_find_expr_location): on the brace's line, at the brace's
   * column — except that when the brace is followed by nothing but blanks up
   * to a newline the column is taken as 0 (or the token's column, on the
   * token's first line), which only the `(` itself could tell.
   */
  private fieldStart(brace: number): [number, number] {
    const { src, t } = this;
    let newlineAfterBrace = true;
    for (let i = brace + 1; ; i++) {
      // Past the end is NaN: not a blank (CPython meets its NUL there).
      const c = src.charCodeAt(i);
      if (c === RBRACE || c === NEWLINE) break;
      if (c !== 0x20 && c !== 0x09 && c !== 0x0c) {
        newlineAfterBrace = false;
        break;
      }
    }
    this.locate(brace);
    const lines = this.locLines;
    const cols = newlineAfterBrace ? 0 : this.locCol;
    return [t.lineno + lines, lines > 0 ? cols : t.col_offset + cols];
  }

  /** Advances the line/column cursor to `index` of the token text. */
  private locate(index: number): void {
    const { src } = this;
    let lines = this.locLines;
    let col = this.locCol;
    for (let i = this.locIndex; i < index; i++) {
      const c = src.charCodeAt(i);
      if (c === NEWLINE) {
        lines++;
        col = 0;
      } else {
        col += utf8Width(c);
      }
    }
    this.locIndex = index;
    this.locLines = lines;
    this.locCol = col;
  }
}
