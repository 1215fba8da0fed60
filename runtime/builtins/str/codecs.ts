/**
 * str.encode and bytes.decode for CPython's utf-8, ascii and latin-1 codecs,
 * with the error handlers strict, ignore, replace, backslashreplace,
 * xmlcharrefreplace (encoding), surrogateescape and surrogatepass, and
 * CPython's UnicodeError messages.
 */
import { LookupError, TypeError, UnicodeDecodeError, UnicodeEncodeError } from '../exceptions.js';
import { decodeWide, encodeWide, wideCodec } from './codecsWide.js';
import { PyBytes } from '../values.js';
import { isAscii } from './core.js';

export type Codec = 'utf-8' | 'ascii' | 'latin-1';

const ALIASES: Record<string, Codec> = {};
for (const name of ['utf_8', 'cp65001', 'u8', 'utf', 'utf8', 'utf8_ucs2', 'utf8_ucs4']) ALIASES[name] = 'utf-8';
for (const name of [
  'latin_1', '8859', 'cp819', 'csisolatin1', 'ibm819', 'iso8859', 'iso8859_1', 'iso_8859_1', 'iso_8859_1_1987',
  'iso_ir_100', 'l1', 'latin', 'latin1',
]) {
  ALIASES[name] = 'latin-1';
}
for (const name of [
  'ascii', '646', 'ansi_x3.4_1968', 'ansi_x3.4_1986', 'ansi_x3_4_1968', 'cp367', 'csascii', 'ibm367', 'iso646_us',
  'iso_646.irv_1991', 'iso_ir_6', 'us', 'us_ascii',
]) {
  ALIASES[name] = 'ascii';
}

/** The codec an encoding name means (as Python normalises names), or LookupError. */
export function lookupCodec(encoding: string): Codec {
  if (encoding === 'utf-8') return 'utf-8';
  // encodings.normalize_encoding: runs of other characters than letters, digits and '.' become one '_'.
  let key = '';
  let punct = false;
  for (const ch of encoding.toLowerCase()) {
    if (/^[a-z0-9.]$/.test(ch)) {
      if (punct && key) key += '_';
      key += ch;
      punct = false;
    } else {
      punct = true;
    }
  }
  const codec = ALIASES[key];
  if (codec === undefined) throw new LookupError(`unknown encoding: ${encoding}`);
  return codec;
}

const HEX = '0123456789abcdef';

function hex(c: number, digits: number): string {
  let s = '';
  for (let shift = (digits - 1) * 4; shift >= 0; shift -= 4) s += HEX[(c >>> shift) & 15];
  return s;
}

/** `\xe9`, `\u20ac` or `\U0001f600`, as CPython names a character in messages and backslashreplace. */
function escapeChar(c: number): string {
  return c <= 0xff ? '\\x' + hex(c, 2) : c <= 0xffff ? '\\u' + hex(c, 4) : '\\U' + hex(c, 8);
}

function encodeError(codec: Codec, start: number, end: number, chars: number[], reason: string): UnicodeEncodeError {
  // The error holds the whole str (built in slices: a spread of a long text would overflow the stack).
  let text = '';
  for (let i = 0; i < chars.length; i += 4096) text += String.fromCodePoint(...chars.slice(i, i + 4096));
  return new UnicodeEncodeError(codec, text, start, end, reason);
}

function unknownHandler(errors: string): LookupError {
  return new LookupError(`unknown error handler name '${errors}'`);
}

/** A growable byte buffer. */
class ByteSink {
  bytes: Uint8Array;
  length = 0;

  constructor(capacity: number) {
    this.bytes = new Uint8Array(Math.max(capacity, 16));
  }

  push(b: number): void {
    if (this.length === this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes[this.length++] = b;
  }

  pushAscii(s: string): void {
    for (let i = 0; i < s.length; i++) this.push(s.charCodeAt(i));
  }

  pushUtf8(c: number): void {
    if (c < 0x80) this.push(c);
    else if (c < 0x800) {
      this.push(0xc0 | (c >> 6));
      this.push(0x80 | (c & 63));
    } else if (c < 0x10000) {
      this.push(0xe0 | (c >> 12));
      this.push(0x80 | ((c >> 6) & 63));
      this.push(0x80 | (c & 63));
    } else {
      this.push(0xf0 | (c >> 18));
      this.push(0x80 | ((c >> 12) & 63));
      this.push(0x80 | ((c >> 6) & 63));
      this.push(0x80 | (c & 63));
    }
  }

  result(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

const encoder = new TextEncoder();
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** `s.encode(encoding, errors)` as the bytes' contents. */
export function encodeStr(s: string, encoding: string, errors: string): Uint8Array {
  if (encoding !== 'utf-8') {
    const wide = wideCodec(encoding);
    if (wide !== undefined) return encodeWide(s, wide, errors);
  }
  const codec = lookupCodec(encoding);
  if (codec === 'utf-8' && !LONE_SURROGATE.test(s)) return encoder.encode(s);
  const limit = codec === 'ascii' ? 0x80 : codec === 'latin-1' ? 0x100 : 0x110000;
  if (codec !== 'utf-8' && isAscii(s)) {
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }
  const chars = Array.from(s, (ch) => ch.codePointAt(0)!);
  const encodable = (c: number): boolean => c < limit && (codec !== 'utf-8' || c < 0xd800 || c > 0xdfff);
  const reason = codec === 'utf-8' ? 'surrogates not allowed' : `ordinal not in range(${limit})`;
  const out = new ByteSink(s.length);
  const emit = (c: number): void => (codec === 'utf-8' ? out.pushUtf8(c) : out.push(c));
  for (let i = 0; i < chars.length; ) {
    const c = chars[i]!;
    if (encodable(c)) {
      emit(c);
      i++;
      continue;
    }
    // CPython hands the whole run of unencodable characters to the handler.
    let end = i + 1;
    while (end < chars.length && !encodable(chars[end]!)) end++;
    switch (errors) {
      case 'strict':
        throw encodeError(codec, i, end, chars, reason);
      case 'ignore':
        break;
      case 'replace':
        for (let k = i; k < end; k++) out.push(0x3f);
        break;
      case 'backslashreplace':
        for (let k = i; k < end; k++) out.pushAscii(escapeChar(chars[k]!));
        break;
      case 'xmlcharrefreplace':
        for (let k = i; k < end; k++) out.pushAscii(`&#${chars[k]!};`);
        break;
      case 'surrogateescape':
        for (let k = i; k < end; k++) {
          const d = chars[k]!;
          if (d < 0xdc80 || d > 0xdcff) throw encodeError(codec, i, end, chars, reason);
        }
        for (let k = i; k < end; k++) out.push(chars[k]! - 0xdc00);
        break;
      case 'surrogatepass':
        if (codec !== 'utf-8') throw encodeError(codec, i, end, chars, reason);
        for (let k = i; k < end; k++) {
          const d = chars[k]!;
          if (d < 0xd800 || d > 0xdfff) throw encodeError(codec, i, end, chars, reason);
        }
        for (let k = i; k < end; k++) out.pushUtf8(chars[k]!);
        break;
      default:
        throw unknownHandler(errors);
    }
    i = end;
  }
  return out.result();
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeError(codec: Codec, bytes: Uint8Array, start: number, end: number, reason: string): UnicodeDecodeError {
  return new UnicodeDecodeError(codec, new PyBytes(bytes.slice()), start, end, reason);
}

/**
 * One UTF-8 sequence at `i`: [code point, length], or [-1, bad length,
 * reason] with the bad length covering the start byte and the valid
 * continuation bytes before the problem (CPython's error range).
 */
function utf8Sequence(b: Uint8Array, i: number, surrogatePass: boolean): [number, number, string?] {
  const c = b[i]!;
  let need: number;
  let lo = 0x80;
  let hi = 0xbf;
  let cp: number;
  if (c < 0x80) return [c, 1];
  if (c >= 0xc2 && c <= 0xdf) {
    need = 1;
    cp = c & 0x1f;
  } else if (c >= 0xe0 && c <= 0xef) {
    need = 2;
    cp = c & 0x0f;
    if (c === 0xe0) lo = 0xa0;
    else if (c === 0xed && !surrogatePass) hi = 0x9f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    need = 3;
    cp = c & 0x07;
    if (c === 0xf0) lo = 0x90;
    else if (c === 0xf4) hi = 0x8f;
  } else {
    return [-1, 1, 'invalid start byte'];
  }
  for (let k = 1; k <= need; k++) {
    if (i + k >= b.length) return [-1, k, 'unexpected end of data'];
    const d = b[i + k]!;
    if (d < lo || d > hi) return [-1, k, 'invalid continuation byte'];
    lo = 0x80;
    hi = 0xbf;
    cp = (cp << 6) | (d & 0x3f);
  }
  return [cp, need + 1];
}

/** `bytes.decode(encoding, errors)`. */
export function decodeBytes(bytes: Uint8Array, encoding: string, errors: string): string {
  // CPython answers '' for empty bytes before looking the codec up.
  if (bytes.length === 0) return '';
  if (encoding !== 'utf-8') {
    const wide = wideCodec(encoding);
    if (wide !== undefined) return decodeWide(bytes, wide, errors);
  }
  const codec = lookupCodec(encoding);
  if (codec === 'latin-1') return latin1(bytes, 0, bytes.length);
  if (codec === 'utf-8') {
    try {
      return decoder.decode(bytes);
    } catch {
      // Invalid data: decode again below, reporting like CPython.
    }
  }
  let out = '';
  let i = 0;
  const surrogatePass = codec === 'utf-8' && errors === 'surrogatepass';
  while (i < bytes.length) {
    let cp: number;
    let len: number;
    let reason: string | undefined;
    if (codec === 'ascii') {
      cp = bytes[i]! < 0x80 ? bytes[i]! : -1;
      len = 1;
      reason = 'ordinal not in range(128)';
    } else {
      [cp, len, reason] = utf8Sequence(bytes, i, surrogatePass);
    }
    if (cp >= 0) {
      out += String.fromCodePoint(cp);
      i += len;
      continue;
    }
    const end = i + len;
    switch (errors) {
      case 'strict':
        throw decodeError(codec, bytes, i, end, reason!);
      case 'ignore':
        break;
      case 'replace':
        out += '\ufffd';
        break;
      case 'backslashreplace':
        for (let k = i; k < end; k++) out += '\\x' + hex(bytes[k]!, 2);
        break;
      case 'surrogateescape':
        for (let k = i; k < end; k++) {
          // Only bytes ≥ 0x80 can be escaped; an ASCII byte cannot be in error here.
          out += String.fromCharCode(0xdc00 + bytes[k]!);
        }
        break;
      case 'surrogatepass':
        throw decodeError(codec, bytes, i, end, reason!);
      case 'xmlcharrefreplace':
      case 'namereplace':
        throw new TypeError("don't know how to handle UnicodeDecodeError in error callback");
      default:
        throw unknownHandler(errors);
    }
    i = end;
  }
  return out;
}

function latin1(bytes: Uint8Array, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i += 4096) {
    out += String.fromCharCode(...bytes.subarray(i, Math.min(i + 4096, to)));
  }
  return out;
}
