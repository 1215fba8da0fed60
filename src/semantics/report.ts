/**
 * Builds the PySyntaxError of a compile-time check.
 *
 * CPython's symtable and code generator raise their SyntaxErrors from AST
 * positions, so `compile(str)` reports UTF-8 byte columns (+1) for them,
 * unlike the parser's character columns. We report what CPython reports
 * (see src/diagnostics.ts); on ASCII lines the two units agree.
 */
import { PySyntaxError } from '../diagnostics.js';

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
  private lineStarts: number[] | null = null;

  constructor(
    readonly filename: string,
    private readonly source: string,
  ) {}

  /** The error CPython raises with `PyErr_RangedSyntaxLocationObject(loc)` or `compiler_error` at `loc`. */
  at(msg: string, loc: Loc): PySyntaxError {
    const lineno = loc.lineno;
    const endLineno = loc.end_lineno ?? lineno;
    const endCol = loc.end_col_offset ?? loc.col_offset;
    if (lineno < 1) return new PySyntaxError('SyntaxError', msg, this.filename, lineno, loc.col_offset + 1, null, endLineno, endCol + 1);
    const text = this.lineText(lineno);
    const endText = endLineno === lineno ? text : this.lineText(endLineno);
    return new PySyntaxError(
      'SyntaxError',
      msg,
      this.filename,
      lineno,
      this.column(text, loc.col_offset),
      text,
      endLineno,
      this.column(endText, endCol),
    );
  }

  /**
   * future.c's errors (`PyErr_SyntaxLocationObject`): a start column only, as
   * given (`offset` is 1-based but in bytes); the end is the same line with
   * no end column, which we write -1 as PySyntaxError has no None.
   */
  atLine(msg: string, lineno: number, byteOffset: number): PySyntaxError {
    const text = this.lineText(lineno);
    const offset = byteOffset < 1 ? byteOffset : this.column(text, byteOffset - 1);
    return new PySyntaxError('SyntaxError', msg, this.filename, lineno, offset, text, lineno, -1);
  }

  private column(_text: string | null, byteCol: number): number {
    return byteCol + 1;
  }

  /** Line `lineno` with its line break, as CPython's SyntaxError.text; null past the end. */
  private lineText(lineno: number): string | null {
    const starts = this.getLineStarts();
    if (lineno > starts.length) return null;
    const start = starts[lineno - 1]!;
    const end = lineno < starts.length ? starts[lineno]! : this.source.length;
    return this.source.slice(start, end);
  }

  private getLineStarts(): number[] {
    if (this.lineStarts !== null) return this.lineStarts;
    const starts = [0];
    const s = this.source;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (s.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
    return starts;
  }
}
