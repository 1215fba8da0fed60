/**
 * The text CPython 3.11 prints for an uncaught SyntaxError raised while
 * compiling a file (`python3 -m ast FILE`): the location line, the source
 * line, a caret line, and `SyntaxError: msg`.
 *
 * Two CPython details shape the carets. Its printer (`print_error_text` in
 * Python/pythonrun.c) indexes the UTF-8 bytes of the line with the column it
 * is given. And the column it is given depends on where the error was found:
 * errors from the tokenizer (and the compiler) carry character columns, while
 * errors from the parser carry UTF-8 byte columns when the file is plain
 * UTF-8 — or, when the file declares an encoding or starts with a BOM,
 * character columns counted on the line as read back from the file (BOM
 * included). PySyntaxError has the columns `compile(str)` reports
 * (characters, but UTF-8 bytes for compiler errors), so this module
 * re-derives what CPython would have put in the exception before laying out
 * the caret line as CPython does.
 */
import type { PySyntaxError } from './diagnostics.js';
import { byteColumnToCharOffset, utf8Length } from './parser/positions.js';

/** What CPython's column arithmetic depends on, besides the error itself. */
export interface SourceFileInfo {
  /** The file declares its encoding (PEP 263) or starts with a UTF-8 BOM. */
  declaredEncoding: boolean;
  /** The file starts with a UTF-8 BOM and is re-read from disk: CPython then shows the BOM on line 1. */
  bom: boolean;
  /**
   * The script python3 runs (`python3 FILE`), which its tokenizer reads from
   * the open file: an error at the end of input then has offset 0 (see
   * PySyntaxError.atEndOfInput). Imported modules are compiled from their text.
   */
  script?: boolean;
}

/** A UTF-8 file without BOM or coding declaration: the common case. */
export const PLAIN_UTF8_FILE: SourceFileInfo = { declaredEncoding: false, bom: false };

const NEWLINE = 0x0a;
const BOM = '\ufeff';
const encoder = new TextEncoder();
// ignoreBOM keeps a leading U+FEFF, which CPython shows and counts.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Messages CPython raises with character columns even for files: those of
 * the tokenizer (Parser/tokenizer.c), of the f-string expression sub-parser,
 * and of the compiler passes that run after parsing.
 */
const CHARACTER_COLUMN_MESSAGES = new RegExp(
  '^(?:' +
    [
      // tokenizer
      'invalid character ',
      'invalid non-printable character ',
      'invalid (?:decimal|hexadecimal|octal|binary|imaginary) literal',
      'invalid digit ',
      'leading zeros in decimal integer literals',
      'unterminated (?:triple-quoted )?string literal',
      'unmatched ',
      'closing parenthesis ',
      'too many nested parentheses',
      // the string decoder's UnicodeDecodeError for undecodable source bytes
      '\\(unicode error\\) ',
      // f-string replacement fields, parsed from a str
      'f-string: invalid syntax',
      'f-string: cannot use ',
      // compiler and symbol table
      "'\\w+' (?:outside|inside) ",
      "'\\w+' not properly in loop",
      "'\\w+' with value in async generator",
      'annotated name ',
      'assignment expression ',
      'asynchronous comprehension outside',
      "can't use starred expression here",
      'cannot (?:assign to|delete) __debug__',
      'comprehension inner loop cannot rebind',
      'duplicate argument ',
      'from __future__ imports must occur',
      'future feature ',
      'not a chance',
      'import \\* only allowed',
      'keyword argument repeated',
      'multiple starred expressions',
      "name '.*' is (?:assigned to|used prior|parameter|nonlocal)",
      'no binding for nonlocal',
      'nonlocal declaration not allowed',
      'starred assignment target must be',
      'too many statically nested blocks',
    ].join('|') +
    ')',
);

export function formatSyntaxError(err: PySyntaxError, file: SourceFileInfo = PLAIN_UTF8_FILE): string {
  let out = `  File "${err.filename}", line ${err.lineno}\n`;
  if (err.text !== null && file.script === true && err.atEndOfInput) {
    out += sourceAndCaret(err, err.text, 0, -1);
  } else if (err.text !== null) {
    const shown = CHARACTER_COLUMN_MESSAGES.test(err.msg)
      ? { text: err.text, offset: err.offset, endOffset: err.end_offset }
      : parserColumns(err, err.text, file);
    out += sourceAndCaret(err, shown.text, shown.offset, shown.endOffset);
  }
  out += err.msg === '' ? `${err.kind}\n` : `${err.kind}: ${err.msg}\n`;
  return out;
}

/** PEP 263 and BOM facts about a file's bytes, as CPython's tokenizer finds them. */
export function describeSourceFile(bytes: Uint8Array): SourceFileInfo {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { declaredEncoding: bom || hasCodingDeclaration(bytes, bom ? 3 : 0), bom };
}

interface ShownColumns {
  text: string;
  offset: number;
  endOffset: number;
}

/** The line and columns CPython's parser puts in a SyntaxError for a file. */
function parserColumns(err: PySyntaxError, text: string, file: SourceFileInfo): ShownColumns {
  const start = utf8Offset(text, err.offset);
  const end = utf8Offset(text, err.end_offset);
  if (!file.declaredEncoding) return { text, offset: start + 1, endOffset: end + 1 };
  const line = file.bom && err.lineno === 1 ? BOM + text : text;
  return {
    text: line,
    offset: charactersInUtf8Prefix(line, start + 1),
    endOffset: err.end_offset > 0 ? charactersInUtf8Prefix(line, end + 1) : err.end_offset,
  };
}

/** The caret block laid out as CPython's print_error_text does, in bytes. */
function sourceAndCaret(err: PySyntaxError, text: string, startColumn: number, endColumn: number): string {
  let bytes = encoder.encode(text);
  const lineSize = bytes.length;
  // CPython hands the line to C string functions, which stop at a NUL.
  const nul = bytes.indexOf(0);
  if (nul >= 0) bytes = bytes.subarray(0, nul);

  let offset = startColumn;
  // CPython reads the end of the range only from SyntaxError itself; its
  // subclasses (IndentationError, TabError) always get a single caret.
  const ranged = err.kind === 'SyntaxError';
  let endOffset = ranged ? endColumn : -1;
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
 * 1-based character column → 0-based UTF-8 byte offset in `text`. Columns
 * past the end count one byte per missing character; columns below 1 (no
 * position) map to one less than themselves, so that adding 1 restores them.
 */
function utf8Offset(text: string, column: number): number {
  if (column <= 1) return column - 1;
  let chars = column - 1;
  let bytes = 0;
  let i = 0;
  while (chars > 0 && i < text.length) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      bytes += 1;
    } else if (c < 0x800) {
      bytes += 2;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else {
      bytes += 3;
    }
    i++;
    chars--;
  }
  return bytes + chars;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * How many characters the first `n` bytes of the line's UTF-8 decode to, a
 * cut sequence counting as one (replacement) character; CPython clips `n` to
 * the line's length plus its terminating NUL, which counts as a character.
 */
function charactersInUtf8Prefix(line: string, n: number): number {
  return byteColumnToCharOffset(line, Math.max(0, Math.min(n, utf8Length(line) + 1)));
}

/**
 * A PEP 263 declaration on line 1, or on line 2 after a blank or comment
 * line 1: a comment line holding `coding:` or `coding=` and a name.
 */
function hasCodingDeclaration(bytes: Uint8Array, from: number): boolean {
  let lineStart = from;
  for (let line = 0; line < 2 && lineStart < bytes.length; line++) {
    let lineEnd = bytes.indexOf(NEWLINE, lineStart);
    if (lineEnd < 0) lineEnd = bytes.length;
    const text = decoder.decode(bytes.subarray(lineStart, lineEnd));
    if (/^[ \t\f]*#.*?coding[:=][ \t]*[\w.-]/.test(text)) return true;
    if (!/^[ \t\f]*(?:#.*)?\r?$/.test(text)) return false;
    lineStart = lineEnd + 1;
  }
  return false;
}
