/**
 * Import errors found at compile time: a module pyasync cannot find, or a
 * name a module does not define. They carry a SyntaxError's fields (file,
 * line, source text, columns of the offending name) and are shown the same
 * way, under their own class name:
 *
 *       File "main.py", line 3
 *         import foo
 *                ^^^
 *     ModuleNotFoundError: No module named 'foo'
 *
 * The last line is the one CPython's traceback ends with.
 */
import { PySyntaxError } from '../diagnostics.js';
import { formatSyntaxError, PLAIN_UTF8_FILE, type SourceFileInfo } from '../errorDisplay.js';

export type ImportErrorKind = 'ImportError' | 'ModuleNotFoundError';

export class PyImportError extends PySyntaxError {
  /** The module the error names (ImportError's `name` when raised at run time), if any. */
  moduleName: string | null = null;

  constructor(
    readonly pythonKind: ImportErrorKind,
    msg: string,
    filename: string,
    lineno: number,
    offset: number,
    text: string | null,
    endLineno: number,
    endOffset: number,
  ) {
    // Displayed as a SyntaxError is (ranged carets), then relabelled by formatCompileError.
    super('SyntaxError', msg, filename, lineno, offset, text, endLineno, endOffset);
    this.name = pythonKind;
  }
}

/** Any compile-time error as pyasync prints it: CPython's SyntaxError display, or the same for an import error. */
export function formatCompileError(err: PySyntaxError, file: SourceFileInfo = PLAIN_UTF8_FILE): string {
  const text = formatSyntaxError(err, file);
  if (!(err instanceof PyImportError)) return text;
  const last = `SyntaxError: ${err.msg}\n`;
  return text.endsWith(last) ? text.slice(0, -last.length) + `${err.pythonKind}: ${err.msg}\n` : text;
}
