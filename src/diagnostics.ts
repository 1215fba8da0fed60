/**
 * SyntaxError as CPython reports it: the same fields as Python's
 * SyntaxError (`msg`, `filename`, `lineno`, `offset`, `text`, `end_lineno`,
 * `end_offset`). Offsets are 1-based character columns, as in CPython's
 * exception objects (not UTF-8 bytes).
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
}
