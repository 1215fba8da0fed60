/**
 * The text CPython 3.11 prints for an uncaught SyntaxError raised while
 * compiling a file (`python3 FILE`, `python3 -m ast FILE`): the location
 * line, the source line, a caret line, and `SyntaxError: msg`.
 *
 * CPython's printer (`print_exception` / `print_error_text` in
 * Python/pythonrun.c) works on the UTF-8 bytes of the line, and a SyntaxError
 * raised for file contents carries byte columns; PySyntaxError carries
 * character columns (what `compile(str)` reports). So the columns are turned
 * into byte columns first, and the caret line then counts bytes exactly as
 * CPython does — including its quirk of shifting carets right after
 * non-ASCII characters.
 */
import type { PySyntaxError } from './diagnostics.js';

const NEWLINE = 0x0a;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function formatSyntaxError(err: PySyntaxError): string {
  let out = `  File "${err.filename}", line ${err.lineno}\n`;
  if (err.text !== null) out += sourceAndCaret(err, err.text);
  out += err.msg === '' ? `${err.kind}\n` : `${err.kind}: ${err.msg}\n`;
  return out;
}

function sourceAndCaret(err: PySyntaxError, text: string): string {
  let bytes = encoder.encode(text);
  const lineSize = bytes.length;
  // CPython hands the line to C string functions, which stop at a NUL.
  const nul = bytes.indexOf(0);
  if (nul >= 0) bytes = bytes.subarray(0, nul);

  let offset = toByteColumn(text, err.offset);
  // CPython reads the end of the range only from SyntaxError itself; its
  // subclasses (IndentationError, TabError) always get a single caret.
  const ranged = err.kind === 'SyntaxError';
  let endOffset = ranged ? toByteColumn(text, err.end_offset) : -1;
  // Only the first line of a multi-line range is shown, underlined to its end.
  if (ranged && err.end_lineno > err.lineno) endOffset = lineSize;
  if (endOffset > lineSize + 1) endOffset = lineSize + 1;
  const carets = endOffset > 0 && endOffset > offset ? endOffset - offset : 1;

  offset -= 1;
  let start = 0;
  while (start < bytes.length && isIndentByte(bytes[start]!)) {
    start++;
    offset--;
  }
  let len = bytes.length - start;
  if (len > 0 && bytes[bytes.length - 1] === NEWLINE) len--;
  if (offset > len) offset = len;

  // Text spanning several lines: show from the line holding the offset.
  for (;;) {
    const nl = bytes.indexOf(NEWLINE, start);
    if (nl < 0) break;
    const lineLength = nl - start;
    if (lineLength >= offset) break;
    start += lineLength + 1;
    len -= lineLength + 1;
    offset -= lineLength + 1;
  }

  let out = '    ' + decoder.decode(bytes.subarray(start));
  if (bytes[start + len] !== NEWLINE) out += '\n';
  if (offset < 0) return out;
  return out + '    ' + ' '.repeat(offset) + '^'.repeat(carets) + '\n';
}

function isIndentByte(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0c;
}

/**
 * 1-based character column → 1-based UTF-8 byte column in `text`. Columns
 * past the end of the text count one byte per missing character; columns
 * below 1 (no position) are kept as they are.
 */
function toByteColumn(text: string, column: number): number {
  if (column <= 1) return column;
  let chars = column - 1;
  let bytes = 0;
  let i = 0;
  while (chars > 0 && i < text.length) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      bytes += 1;
      i += 1;
    } else if (c < 0x800) {
      bytes += 2;
      i += 1;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i += 2;
    } else {
      bytes += 3;
      i += 1;
    }
    chars--;
  }
  return bytes + chars + 1;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
