/**
 * `repr(str)` and `ascii(x)` character for character as CPython 3.11
 * prints them. Registers itself as repr's str hook when loaded.
 */
import { repr, reprHooks } from '../repr.js';
import { isPrintableCp } from './chars.js';
import { isAscii } from './core.js';

const HEX = '0123456789abcdef';

function hexEscape(prefix: string, code: number, width: number): string {
  let s = prefix;
  for (let shift = (width - 1) * 4; shift >= 0; shift -= 4) s += HEX[(code >>> shift) & 15];
  return s;
}

/** A code unit that never needs an escape: printable ASCII other than \ and the quotes. */
function isPlainAscii(c: number): boolean {
  return c >= 0x20 && c < 0x7f && c !== 0x5c && c !== 0x27 && c !== 0x22;
}

/** How repr writes code point `c` between `quote`s, or null for the character itself. */
function escapeCodePoint(c: number, quote: number, asciiOnly: boolean): string | null {
  if (c === quote || c === 0x5c) return '\\' + String.fromCharCode(c);
  if (c < 0x7f) {
    if (c >= 0x20) return null;
    return c === 0x09 ? '\\t' : c === 0x0a ? '\\n' : c === 0x0d ? '\\r' : hexEscape('\\x', c, 2);
  }
  if (!asciiOnly && isPrintableCp(c)) return null;
  if (c <= 0xff) return hexEscape('\\x', c, 2);
  if (c <= 0xffff) return hexEscape('\\u', c, 4);
  return hexEscape('\\U', c, 8);
}

function quoted(s: string, asciiOnly: boolean): string {
  const n = s.length;
  let i = 0;
  while (i < n && isPlainAscii(s.charCodeAt(i))) i++;
  if (i === n) return "'" + s + "'";
  // Double quotes only when that spares escaping single quotes.
  const quote = s.includes("'") && !s.includes('"') ? 0x22 : 0x27;
  const q = quote === 0x22 ? '"' : "'";
  let out = q;
  let start = 0;
  while (i < n) {
    let c = s.charCodeAt(i);
    if (isPlainAscii(c)) {
      i++;
      continue;
    }
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
        width = 2;
      }
    }
    const esc = escapeCodePoint(c, quote, asciiOnly);
    if (esc !== null) {
      out += s.slice(start, i) + esc;
      start = i + width;
    }
    i += width;
  }
  return out + s.slice(start) + q;
}

/** `repr(s)` for a str. */
export function reprStr(s: string): string {
  return quoted(s, false);
}

/** `ascii(s)` for a str: its repr with every non-ASCII character escaped. */
export function asciiStr(s: string): string {
  return quoted(s, true);
}

/**
 * Escapes the non-ASCII characters of an already built repr (what ascii()
 * does to the repr of any object).
 */
export function escapeNonAscii(text: string): string {
  if (isAscii(text)) return text;
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    out += c < 0x80 ? ch : c <= 0xff ? hexEscape('\\x', c, 2) : c <= 0xffff ? hexEscape('\\u', c, 4) : hexEscape('\\U', c, 8);
  }
  return out;
}

/** `ascii(v)`. */
export function ascii(v: unknown): string {
  if (typeof v === 'string') return asciiStr(v);
  return escapeNonAscii(repr(v));
}

reprHooks.str = reprStr;
