/**
 * Backslash escapes of str and bytes literals, decoded as CPython 3.11 does
 * (its `unicode_escape` and bytes-escape decoders), with the same error texts.
 *
 * CPython decodes a str literal by first rewriting it to pure ASCII (each
 * non-ASCII character becomes `\UXXXXXXXX`, a backslash before one or at the
 * very end becomes `\u005c`) and then running the `unicode_escape` codec over
 * that, so the positions in its error messages count bytes of the rewritten
 * text. We decode the source directly and recompute those positions only
 * when an error is reported.
 */
import { PyStrCodePoints } from '../ast/constants.js';
import { lookupUnicodeName } from './unicodeNames.js';

/** A decoding error; `message` is CPython's SyntaxError text, e.g. `(unicode error) ...`. */
export class EscapeError extends Error {}

/** Receives CPython's DeprecationWarning text for the first invalid escape of a decoded piece. */
export type InvalidEscapeHandler = (message: string) => void;

const BACKSLASH = 0x5c;

function isOctal(c: number): boolean {
  return c >= 0x30 && c <= 0x37;
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

/** The character a one-letter escape stands for, or -1 (shared by str and bytes). */
function simpleEscape(c: number): number {
  switch (c) {
    case 0x5c: // \\
    case 0x27: // \'
    case 0x22: // \"
      return c;
    case 0x62: // \b
      return 0x08;
    case 0x66: // \f
      return 0x0c;
    case 0x74: // \t
      return 0x09;
    case 0x6e: // \n
      return 0x0a;
    case 0x72: // \r
      return 0x0d;
    case 0x76: // \v
      return 0x0b;
    case 0x61: // \a
      return 0x07;
    default:
      return -1;
  }
}

function invalidEscapeMessage(src: string, at: number): string {
  const c = src.charCodeAt(at);
  // An octal escape is only invalid when it is above \377, so three digits.
  if (isOctal(c)) return `invalid octal escape sequence '\\${src.slice(at, at + 3)}'`;
  return `invalid escape sequence '\\${src[at]}'`;
}

/**
 * Offset in CPython's ASCII rewrite of `src[start, end)` that corresponds to
 * `src[index]`.
 */
function rewrittenOffset(src: string, start: number, end: number, index: number): number {
  let offset = 0;
  let i = start;
  while (i < index) {
    let c = src.charCodeAt(i);
    if (c === BACKSLASH) {
      i++;
      if (i >= end || src.charCodeAt(i) >= 0x80) {
        offset += 6; // \u005c
        continue;
      }
      offset += 1;
      if (i >= index) break;
      c = src.charCodeAt(i);
    }
    if (c >= 0x80) {
      offset += 10; // \UXXXXXXXX
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < end && (src.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    } else {
      offset += 1;
      i++;
    }
  }
  return offset;
}

function unicodeEscapeError(src: string, start: number, end: number, from: number, to: number, reason: string): EscapeError {
  const first = rewrittenOffset(src, start, end, from);
  const last = rewrittenOffset(src, start, end, to);
  const where = last - first === 1 ? `byte 0x5c in position ${first}` : `bytes in position ${first}-${last - 1}`;
  return new EscapeError(`(unicode error) 'unicodeescape' codec can't decode ${where}: ${reason}`);
}

/**
 * Decodes the body `src[start, end)` of a str literal (or of one literal
 * piece of an f-string), which contains at least one backslash. The value
 * is a JS string unless escapes put a high surrogate right before a low one
 * (`'\ud800\udc00'`): Python keeps those as two code points.
 */
export function decodeStrEscapes(
  src: string,
  start: number,
  end: number,
  onInvalid: InvalidEscapeHandler | null,
): string | PyStrCodePoints {
  let out = '';
  // Indexes in `out` of low surrogates that do not pair with the unit before.
  let splits: number[] | null = null;
  let firstInvalid = -1;
  let chunk = start;
  let i = start;
  while (i < end) {
    if (src.charCodeAt(i) !== BACKSLASH) {
      i++;
      continue;
    }
    out += src.slice(chunk, i);
    const escape = i;
    i++;
    if (i >= end || src.charCodeAt(i) >= 0x80) {
      // CPython turns this backslash into \u005c: a plain backslash.
      out += '\\';
      chunk = i;
      continue;
    }
    const c = src.charCodeAt(i++);
    const simple = simpleEscape(c);
    if (simple >= 0) {
      out += String.fromCharCode(simple);
    } else if (c === 0x0a) {
      // backslash-newline: nothing
    } else if (isOctal(c)) {
      let value = c - 0x30;
      if (i < end && isOctal(src.charCodeAt(i))) {
        value = value * 8 + src.charCodeAt(i++) - 0x30;
        if (i < end && isOctal(src.charCodeAt(i))) value = value * 8 + src.charCodeAt(i++) - 0x30;
      }
      if (value > 0o377 && firstInvalid < 0) firstInvalid = i - 3;
      out += String.fromCharCode(value);
    } else if (c === 0x78 || c === 0x75 || c === 0x55) {
      const count = c === 0x78 ? 2 : c === 0x75 ? 4 : 8;
      let value = 0;
      for (let k = 0; k < count; k++) {
        const digit = i < end ? hexValue(src.charCodeAt(i)) : -1;
        if (digit < 0) {
          const reason = c === 0x78 ? 'truncated \\xXX escape' : c === 0x75 ? 'truncated \\uXXXX escape' : 'truncated \\UXXXXXXXX escape';
          throw unicodeEscapeError(src, start, end, escape, i, reason);
        }
        value = value * 16 + digit;
        i++;
      }
      if (value > 0x10ffff) throw unicodeEscapeError(src, start, end, escape, i, 'illegal Unicode character');
      // Only an escape yields a lone surrogate, and a high unit that ends
      // `out` is always a lone one (an astral character ends with its low).
      if (value >>> 10 === 0x37 && out.charCodeAt(out.length - 1) >>> 10 === 0x36) (splits ??= []).push(out.length);
      out += String.fromCodePoint(value);
    } else if (c === 0x4e) {
      out += String.fromCodePoint(namedEscape(src, start, end, escape, i));
      i = src.indexOf('}', i) + 1; // namedEscape found it
    } else {
      if (firstInvalid < 0) firstInvalid = i - 1;
      out += '\\';
      i--; // the character itself is kept, as text
    }
    chunk = i;
  }
  out += src.slice(chunk, end);
  if (firstInvalid >= 0 && onInvalid) onInvalid(invalidEscapeMessage(src, firstInvalid));
  if (splits === null) return out;
  const codePoints: number[] = [];
  appendCodePoints(codePoints, out, splits);
  return new PyStrCodePoints(codePoints);
}

/**
 * Appends the code points of `s` to `out`, reading a high + low unit as one
 * astral character unless the low one's index is in `splits` (ascending).
 */
export function appendCodePoints(out: number[], s: string, splits: readonly number[] = []): void {
  let next = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >>> 10 === 0x36 && i + 1 < s.length) {
      const lo = s.charCodeAt(i + 1);
      if (lo >>> 10 === 0x37) {
        while (next < splits.length && splits[next]! <= i) next++;
        if (next >= splits.length || splits[next] !== i + 1) {
          out.push(0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00));
          i++;
          continue;
        }
      }
    }
    out.push(c);
  }
}

/** The code point of the `\N{name}` escape whose `N` ends at `i`, or throws CPython's error. */
function namedEscape(src: string, start: number, end: number, escape: number, i: number): number {
  const malformed = 'malformed \\N character escape';
  if (i >= end || src.charCodeAt(i) !== 0x7b) throw unicodeEscapeError(src, start, end, escape, i, malformed);
  const nameStart = i + 1;
  let close = nameStart;
  while (close < end && src.charCodeAt(close) !== 0x7d) close++;
  if (close >= end || close === nameStart) throw unicodeEscapeError(src, start, end, escape, close, malformed);
  const cp = lookupUnicodeName(src.slice(nameStart, close));
  if (cp < 0) throw unicodeEscapeError(src, start, end, escape, close + 1, 'unknown Unicode character name');
  return cp;
}

/**
 * Decodes the body `src[start, end)` of a bytes literal (ASCII only, checked
 * by the caller), which contains at least one backslash.
 */
export function decodeBytesEscapes(src: string, start: number, end: number, onInvalid: InvalidEscapeHandler | null): Uint8Array {
  const out = new Uint8Array(end - start);
  let n = 0;
  let firstInvalid = -1;
  let i = start;
  while (i < end) {
    const c = src.charCodeAt(i++);
    if (c !== BACKSLASH || i >= end) {
      // A trailing backslash cannot happen: it would have escaped the quote.
      out[n++] = c;
      continue;
    }
    const e = src.charCodeAt(i++);
    const simple = simpleEscape(e);
    if (simple >= 0) {
      out[n++] = simple;
    } else if (e === 0x0a) {
      // backslash-newline: nothing
    } else if (isOctal(e)) {
      let value = e - 0x30;
      if (i < end && isOctal(src.charCodeAt(i))) {
        value = value * 8 + src.charCodeAt(i++) - 0x30;
        if (i < end && isOctal(src.charCodeAt(i))) value = value * 8 + src.charCodeAt(i++) - 0x30;
      }
      if (value > 0o377 && firstInvalid < 0) firstInvalid = i - 3;
      out[n++] = value & 0xff;
    } else if (e === 0x78) {
      const high = i + 1 < end ? hexValue(src.charCodeAt(i)) : -1;
      const low = high >= 0 ? hexValue(src.charCodeAt(i + 1)) : -1;
      if (low < 0) throw new EscapeError(`(value error) invalid \\x escape at position ${i - 2 - start}`);
      out[n++] = high * 16 + low;
      i += 2;
    } else {
      if (firstInvalid < 0) firstInvalid = i - 1;
      out[n++] = BACKSLASH;
      i--;
    }
  }
  if (firstInvalid >= 0 && onInvalid) onInvalid(invalidEscapeMessage(src, firstInvalid));
  return out.slice(0, n);
}
