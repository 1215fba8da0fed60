/**
 * A run of adjacent STRING tokens (implicit concatenation) to the one
 * Constant (str or bytes) or JoinedStr that CPython 3.11 builds from it
 * (`_PyPegen_concatenate_strings`), with its positions and its errors.
 */
import { Constant, JoinedStr } from '../ast/nodes.js';
import type { expr } from '../ast/nodes.js';
import { PyBytes } from '../ast/constants.js';
import type { PyStrCodePoints } from '../ast/constants.js';
import type { PySyntaxError } from '../diagnostics.js';
import type { Token } from './tokens.js';
import { decodeBytesEscapes, decodeStrEscapes, EscapeError } from './escapes.js';
import type { InvalidEscapeHandler } from './escapes.js';
import { makeStr, parseFString, PartsBuilder } from './fstrings.js';
import { escapedUtf8ErrorMessage } from './sourceDecoding.js';

export interface StringHost {
  filename: string;
  /**
   * Parses the text of one f-string replacement field as CPython does: it
   * tokenizes `(` + text + `)` and parses `star_expressions` in f-string
   * mode. The `(` stands at (startLineno, startColOffset); a token whose
   * last line is the text's first line gets startColOffset added to both its
   * columns, any other token keeps its own columns (CPython 3.11 shifts
   * columns by the token's *end* line, so a multi-line string token that
   * starts on the first line keeps its unshifted start column); lines are
   * `startLineno - 1 + ` the line within the text. Throws PySyntaxError.
   */
  parseFStringExpression(text: string, startLineno: number, startColOffset: number): expr;
  /**
   * The SyntaxError to throw. `token` null: CPython's RAISE_SYNTAX_ERROR,
   * located at the last token the parser has fetched (p->tokens[p->fill-1];
   * right after the `strings` rule, the token that follows the run).
   * Otherwise RAISE_SYNTAX_ERROR_KNOWN_LOCATION at that token's span.
   */
  syntaxError(msg: string, token: Token | null): PySyntaxError;
  /** CPython's DeprecationWarning for an invalid escape (its message; reported at `token.lineno`). */
  warn?(message: string, token: Token): void;
}

const QUOTE_SINGLE = 0x27;
const QUOTE_DOUBLE = 0x22;
const BACKSLASH = '\\';

/** A STRING token's prefix and where its body lies in its text. */
interface Literal {
  /** The token text, with `\r\n` and `\r` read as `\n` as CPython's tokenizer does. */
  text: string;
  bytes: boolean;
  raw: boolean;
  fmode: boolean;
  start: number;
  end: number;
}

function scanLiteral(token: Token): Literal {
  let text = token.value;
  if (text.indexOf('\r') >= 0) text = text.replace(/\r\n?/g, '\n');
  let bytes = false;
  let raw = false;
  let fmode = false;
  let i = 0;
  for (;;) {
    const c = text.charCodeAt(i) | 0x20; // ASCII lower case; quotes are unchanged by it
    if (c === 0x62) bytes = true;
    else if (c === 0x72) raw = true;
    else if (c === 0x66) fmode = true;
    else if (c !== 0x75) break;
    i++;
  }
  const quote = text.charCodeAt(i);
  let start = i + 1;
  let end = text.length - 1;
  if (end - start >= 4 && text.charCodeAt(start) === quote && text.charCodeAt(start + 1) === quote) {
    start += 2;
    end -= 2;
  }
  return { text, bytes, raw, fmode, start, end };
}

function warnHandler(host: StringHost, token: Token): InvalidEscapeHandler | null {
  const warn = host.warn;
  return warn ? (message) => warn.call(host, message, token) : null;
}

function decodeStr(lit: Literal, token: Token, host: StringHost): string | PyStrCodePoints {
  const { text, start, end } = lit;
  const backslash = lit.raw ? -1 : text.indexOf(BACKSLASH, start);
  if (backslash < 0 || backslash >= end) return text.slice(start, end);
  try {
    return decodeStrEscapes(text, start, end, warnHandler(host, token));
  } catch (e) {
    if (e instanceof EscapeError) throw host.syntaxError(e.message, null);
    throw e;
  }
}

function decodeBytes(lit: Literal, token: Token, host: StringHost): Uint8Array {
  const { text, start, end } = lit;
  let hasBackslash = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) throw host.syntaxError('bytes can only contain ASCII literal characters', token);
    if (c === 0x5c) hasBackslash = true;
  }
  if (lit.raw || !hasBackslash) {
    const out = new Uint8Array(end - start);
    for (let i = start; i < end; i++) out[i - start] = text.charCodeAt(i);
    return out;
  }
  try {
    return decodeBytesEscapes(text, start, end, warnHandler(host, token));
  } catch (e) {
    if (e instanceof EscapeError) throw host.syntaxError(e.message, null);
    throw e;
  }
}

function concatBytes(chunks: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const chunk of chunks) length += chunk.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/**
 * The node for the run of adjacent STRING tokens `tokens` (at least one),
 * spanning from the first token's start to the last one's end.
 */
/** Bytes of a source file that were not UTF-8 (kept by decodeSource as U+DC80..U+DCFF). */
const ESCAPED_BYTE = /[\udc80-\udcff]/;

/** CPython decodes a literal's bytes as UTF-8 and fails there on bytes that are not. */
function checkUndecodableBytes(text: string, start: number, end: number, host: StringHost): void {
  if (!ESCAPED_BYTE.test(text)) return;
  const msg = escapedUtf8ErrorMessage(text, start, end);
  if (msg !== null) throw host.syntaxError(`(unicode error) ${msg}`, null);
}

export function concatenateStrings(tokens: readonly Token[], host: StringHost): Constant | JoinedStr {
  const first = tokens[0]!;
  const last = tokens[tokens.length - 1]!;
  if (tokens.length === 1) {
    // The common case, a plain '...' or "..." literal with nothing to
    // decode, costs two native scans and a slice.
    const text = first.value;
    const quote = text.charCodeAt(0);
    if ((quote === QUOTE_SINGLE || quote === QUOTE_DOUBLE) && text.indexOf(BACKSLASH) < 0 && text.indexOf('\r') < 0) {
      const triple = text.length >= 6 && text.charCodeAt(1) === quote && text.charCodeAt(2) === quote;
      const q = triple ? 3 : 1;
      checkUndecodableBytes(text, q, text.length - q, host);
      const value = text.slice(q, text.length - q);
      return Constant(value, null, first.lineno, first.col_offset, first.end_lineno, first.end_col_offset);
    }
  }

  let bytesMode = false;
  const byteChunks: Uint8Array[] = [];
  const parts = new PartsBuilder();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const lit = scanLiteral(token);
    // As CPython: a token is decoded (f-strings: only split off) before the mix check.
    let bytes: Uint8Array | null = null;
    let str: string | PyStrCodePoints | null = null;
    if (lit.bytes) bytes = decodeBytes(lit, token, host);
    else {
      checkUndecodableBytes(lit.text, lit.start, lit.end, host);
      if (!lit.fmode) str = decodeStr(lit, token, host);
    }
    if (i !== 0 && bytesMode !== lit.bytes) throw host.syntaxError('cannot mix bytes and nonbytes literals', null);
    bytesMode = lit.bytes;
    if (bytes !== null) byteChunks.push(bytes);
    else if (str !== null) parts.addLiteral(str);
    else parseFString(parts, lit.text, lit.start, lit.end, lit.raw, token, first, last, host);
  }

  if (bytesMode) {
    const value = new PyBytes(byteChunks.length === 1 ? byteChunks[0]! : concatBytes(byteChunks));
    return Constant(value, null, first.lineno, first.col_offset, last.end_lineno, last.end_col_offset);
  }
  if (!parts.fmode) return makeStr(parts.takeLiteral(), first, last);
  parts.flushLiteral(first, last);
  return JoinedStr(parts.values, first.lineno, first.col_offset, last.end_lineno, last.end_col_offset);
}
