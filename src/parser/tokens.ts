/**
 * The token stream shared by the tokenizer and the parser. Token kinds follow
 * CPython's `token` module (the names the parser's grammar uses); operators
 * and delimiters all have kind OP and are told apart by `value`.
 */
import type { PySyntaxError } from '../diagnostics.js';

export const TokenKind = {
  ENDMARKER: 0,
  NAME: 1,
  NUMBER: 2,
  STRING: 3,
  NEWLINE: 4,
  INDENT: 5,
  DEDENT: 6,
  OP: 7,
  /** Stands where the tokenizer failed; its `error` is raised when the parser reaches it. */
  ERRORTOKEN: 8,
  /** `# type: …` (only with the typeComments option); `value` is the text after `type:`. */
  TYPE_COMMENT: 9,
} as const;
export type TokenKind = (typeof TokenKind)[keyof typeof TokenKind];

/** A `# type: ignore…` comment (only with the typeComments option): CPython's TypeIgnore. */
export interface TypeIgnoreComment {
  lineno: number;
  /** What follows `ignore` (`'[attr-defined]'`, or ''). */
  tag: string;
}

export interface Token {
  kind: TokenKind;
  /**
   * The token's text. NAME: the identifier, NFKC-normalised when it is not
   * ASCII. OP: the operator (`'**='`). STRING/NUMBER: the source text.
   * NEWLINE/INDENT/DEDENT/ENDMARKER: ''.
   */
  value: string;
  /** CPython's positions: 1-based lines, 0-based UTF-8 byte columns. */
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
}

/**
 * A token as the tokenizer makes it: an instance rather than an object
 * literal, as a module's tokens all live until its parse ends, and V8
 * allocates all of a literal's objects in the old generation once most of
 * them outlive a young collection (src/ast/nodes.ts says why that costs).
 */
export class TokenObject implements Token {
  declare kind: TokenKind;
  declare value: string;
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number;
  declare end_col_offset: number;
  constructor(kind: TokenKind, value: string, lineno: number, col_offset: number, end_lineno: number, end_col_offset: number) {
    this.kind = kind;
    this.value = value;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}

/**
 * Per ERRORTOKEN: the error CPython's tokenizer raises there. Kept apart from
 * the tokens so that each of the many tokens is one field smaller.
 */
const errors = new WeakMap<Token, PySyntaxError>();

export function tokenError(t: Token): PySyntaxError | null {
  return t.kind === TokenKind.ERRORTOKEN ? errors.get(t) ?? null : null;
}

export function setTokenError(t: Token, error: PySyntaxError): void {
  errors.set(t, error);
}
