/**
 * The UTF-16 and UTF-32 codecs (with and without a byte-order mark) and
 * cp1252, beside codecs.ts's utf-8/ascii/latin-1. 'utf-16' and 'utf-32'
 * write a BOM and little-endian units, as CPython does on little-endian
 * machines, and read either order after a BOM. Error handlers other than
 * strict, ignore and replace act as strict.
 */
import { UnicodeDecodeError, UnicodeEncodeError } from '../exceptions.js';
import { PyBytes } from '../values.js';

type Wide = 'utf-16' | 'utf-16-le' | 'utf-16-be' | 'utf-32' | 'utf-32-le' | 'utf-32-be' | 'cp1252';

const NAMES: Record<string, Wide> = {
  utf_16: 'utf-16', utf16: 'utf-16', u16: 'utf-16', utf_16le: 'utf-16-le', utf_16_le: 'utf-16-le', utf_16be: 'utf-16-be',
  utf_16_be: 'utf-16-be', utf_32: 'utf-32', utf32: 'utf-32', u32: 'utf-32', utf_32le: 'utf-32-le', utf_32_le: 'utf-32-le',
  utf_32be: 'utf-32-be', utf_32_be: 'utf-32-be', cp1252: 'cp1252', windows_1252: 'cp1252', '1252': 'cp1252',
};

/** The wide codec an encoding name means, or undefined (then codecs.ts decides). */
export function wideCodec(encoding: string): Wide | undefined {
  return NAMES[encoding.toLowerCase().replace(/[^a-z0-9]+/g, '_')];
}

/** cp1252's bytes 0x80–0x9f (0 where the byte is undefined). */
const CP1252 = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

export function encodeWide(s: string, codec: Wide, errors: string): Uint8Array {
  const out: number[] = [];
  const chars = Array.from(s, (ch) => ch.codePointAt(0)!);
  if (codec === 'cp1252') {
    const byteOf = (c: number): number => {
      if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) return c;
      const k = CP1252.indexOf(c);
      return k > 0 || (k === 0 && c === 0x20ac) ? 0x80 + k : -1;
    };
    for (let i = 0; i < chars.length; i++) {
      const v = byteOf(chars[i]!);
      if (v >= 0) {
        out.push(v);
        continue;
      }
      let end = i + 1;
      while (end < chars.length && byteOf(chars[end]!) < 0) end++;
      if (errors === 'replace') for (let k = i; k < end; k++) out.push(0x3f);
      else if (errors !== 'ignore') {
        throw new UnicodeEncodeError('charmap', s, i, end, 'character maps to <undefined>');
      }
      i = end - 1;
    }
    return Uint8Array.from(out);
  }
  const utf32 = codec.startsWith('utf-32');
  const big = codec.endsWith('-be');
  const unit = (u: number): void => {
    if (utf32) {
      const bytes = [u & 0xff, (u >> 8) & 0xff, (u >> 16) & 0xff, (u >>> 24) & 0xff];
      out.push(...(big ? bytes.reverse() : bytes));
    } else {
      out.push(...(big ? [u >> 8, u & 0xff] : [u & 0xff, u >> 8]));
    }
  };
  if (codec === 'utf-16' || codec === 'utf-32') unit(0xfeff);
  chars.forEach((c, i) => {
    if (c >= 0xd800 && c <= 0xdfff) {
      if (errors === 'ignore') return;
      if (errors === 'replace') return unit(0x3f);
      throw new UnicodeEncodeError(codec, s, i, i + 1, 'surrogates not allowed');
    }
    if (utf32 || c < 0x10000) unit(c);
    else {
      unit(0xd800 + ((c - 0x10000) >> 10));
      unit(0xdc00 + ((c - 0x10000) & 0x3ff));
    }
  });
  return Uint8Array.from(out);
}

export function decodeWide(b: Uint8Array, codec: Wide, errors: string): string {
  let out = '';
  if (codec === 'cp1252') {
    for (let i = 0; i < b.length; i++) {
      const c = b[i]!;
      const cp = c >= 0x80 && c < 0xa0 ? CP1252[c - 0x80]! : c;
      if (cp !== 0 || c === 0) out += String.fromCodePoint(cp);
      else if (errors === 'replace') out += '\ufffd';
      else if (errors !== 'ignore') {
        throw new UnicodeDecodeError('charmap', new PyBytes(b.slice()), i, i + 1, 'character maps to <undefined>');
      }
    }
    return out;
  }
  const utf32 = codec.startsWith('utf-32');
  const size = utf32 ? 4 : 2;
  let big = codec.endsWith('-be');
  let i = 0;
  let name: string = codec;
  if (codec === 'utf-16' || codec === 'utf-32') {
    name = codec + '-le';
    if (utf32 ? b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0 : b[0] === 0xff && b[1] === 0xfe) i = size;
    else if (utf32 ? b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff : b[0] === 0xfe && b[1] === 0xff) {
      i = size;
      big = true;
      name = codec + '-be';
    }
  }
  const read = (at: number): number => {
    let v = 0;
    for (let k = 0; k < size; k++) v += b[at + k]! * 2 ** (8 * (big ? size - 1 - k : k));
    return v;
  };
  const fail = (start: number, end: number, reason: string): void => {
    if (errors === 'replace') out += '\ufffd';
    else if (errors !== 'ignore') {
      throw new UnicodeDecodeError(name, new PyBytes(b.slice()), start, end, reason);
    }
  };
  while (i < b.length) {
    if (i + size > b.length) {
      fail(i, b.length, 'truncated data');
      break;
    }
    const u = read(i);
    if (utf32) {
      if (u > 0x10ffff || (u >= 0xd800 && u <= 0xdfff)) fail(i, i + 4, 'code point not in range(0x110000)');
      else out += String.fromCodePoint(u);
      i += 4;
      continue;
    }
    if (u >= 0xd800 && u <= 0xdbff) {
      if (i + 4 > b.length) {
        fail(i, b.length, 'unexpected end of data');
        break;
      }
      const v = read(i + 2);
      if (v >= 0xdc00 && v <= 0xdfff) {
        out += String.fromCodePoint(0x10000 + ((u - 0xd800) << 10) + (v - 0xdc00));
        i += 4;
        continue;
      }
      fail(i, i + 2, 'illegal UTF-16 surrogate');
      i += 2;
      continue;
    }
    if (u >= 0xdc00 && u <= 0xdfff) {
      fail(i, i + 2, 'illegal encoding');
      i += 2;
      continue;
    }
    out += String.fromCharCode(u);
    i += 2;
  }
  return out;
}
