/**
 * SyntaxError as CPython reports it: the same fields as Python's
 * SyntaxError (`msg`, `filename`, `lineno`, `offset`, `text`, `end_lineno`,
 * `end_offset`), with CPython's values: offsets are 1-based, in characters
 * for the parser's errors and, as CPython 3.11 leaves them, in UTF-8 bytes
 * for the compiler's (src/semantics) on lines with non-ASCII text.
 */
export type SyntaxErrorKind = 'SyntaxError' | 'IndentationError' | 'TabError';

export class PySyntaxError extends Error {
  constructor(
    readonly kind: SyntaxErrorKind,
    readonly msg: string,
    readonly filename: string,
    readonly lineno: number,
    readonly offset: number,
    readonly text: string | null,
    readonly end_lineno: number,
    readonly end_offset: number,
  ) {
    super(`${msg} (${filename}, line ${lineno})`);
    this.name = kind;
  }

  /**
   * Raised where the tokenizer stands at the end of the input, with no token
   * there. Reading the script it runs from its file, CPython's tokenizer is
   * then at column 0 of an empty buffer, so `python3 script.py` shows such an
   * error with offset 0 and no caret, where compile() of the same text (and
   * an import of it) gives the end of the last line.
   */
  atEndOfInput = false;
}
