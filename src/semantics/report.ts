/**
 * Builds the PySyntaxError of a compile-time check.
 *
 * CPython's symtable and code generator raise their SyntaxErrors from AST
 * positions, so `compile(str)` reports UTF-8 byte columns (+1) for them,
 * unlike the parser's character columns. We report what CPython reports
 * (see src/diagnostics.ts); on ASCII lines the two units agree.
 */
import { PySyntaxError } from '../diagnostics.js';
import { LineIndex } from '../lineIndex.js';
import type { CompileWarning } from './compileWarnings.js';

/** A source range as the AST stores it (byte columns, 0-based). */
export interface Loc {
  readonly lineno: number;
  readonly col_offset: number;
  readonly end_lineno: number | null;
  readonly end_col_offset: number | null;
}

/** CPython's UNSET_LOC: the location of compiler-made ("artificial") code. */
export const UNSET_LOC: Loc = { lineno: -1, col_offset: -1, end_lineno: -1, end_col_offset: -1 };

export class Reporter {
  private readonly lines: LineIndex;
  /** The SyntaxWarnings issued so far, in the order CPython's code generator issues them. */
  readonly warnings: CompileWarning[] = [];

  constructor(
    readonly filename: string,
    source: string,
  ) {
    this.lines = new LineIndex(source);
  }

  /** The error CPython raises with `PyErr_RangedSyntaxLocationObject(loc)` or `compiler_error` at `loc`. */
  at(msg: string, loc: Loc): PySyntaxError {
    const lineno = loc.lineno;
    const endLineno = loc.end_lineno ?? lineno;
    const endCol = loc.end_col_offset ?? loc.col_offset;
    const text = lineno < 1 ? null : this.lines.line(lineno);
    return new PySyntaxError('SyntaxError', msg, this.filename, lineno, loc.col_offset + 1, text, endLineno, endCol + 1);
  }

  /** compiler_warn: a SyntaxWarning at the line of `loc`, shown with that line as warnings.py shows it. */
  warn(message: string, loc: Loc): void {
    const lineno = loc.lineno;
    const line = lineno < 1 ? null : (this.lines.line(lineno)?.trim() ?? null);
    this.warnings.push({ category: 'SyntaxWarning', message, filename: this.filename, lineno, line });
  }

  /**
   * future.c's errors (`PyErr_SyntaxLocationObject`): a start column only, as
   * given (`offset` is 1-based but in bytes); the end is the same line with
   * no end column, which we write -1 as PySyntaxError has no None.
   */
  atLine(msg: string, lineno: number, byteOffset: number): PySyntaxError {
    return new PySyntaxError('SyntaxError', msg, this.filename, lineno, byteOffset, this.lines.line(lineno), lineno, -1);
  }
}
