/**
 * Turns the bytes of a Python source file into text as CPython does:
 * UTF-8 by default, a UTF-8 BOM, and a PEP 263 coding cookie on line 1 or 2.
 *
 * Bytes that are not valid UTF-8 in a UTF-8 file do not fail here: CPython
 * accepts them in comments and reports them only where a token needs them
 * (an identifier, a string literal), lazily. So they are kept as lone
 * surrogates U+DC80..U+DCFF, one per byte (Python's "surrogateescape"
 * convention); the tokenizer and the string-literal decoder report them.
 */
import { PySyntaxError } from '../diagnostics.js';

/** Python codec aliases (normalised) of the codecs we can decode, by canonical codec name. */
const ALIASES: Record<string, string> = {
  ascii: '646 ansi_x3.4_1968 ansi_x3.4_1986 ansi_x3_4_1968 cp367 csascii ibm367 iso646_us iso_646.irv_1991 iso_ir_6 us us_ascii',
  big5: 'big5_tw csbig5 x_mac_trad_chinese',
  big5hkscs: 'big5_hkscs hkscs',
  cp1250: '1250 windows_1250',
  cp1251: '1251 windows_1251',
  cp1252: '1252 windows_1252',
  cp1253: '1253 windows_1253',
  cp1254: '1254 windows_1254',
  cp1255: '1255 windows_1255',
  cp1256: '1256 windows_1256',
  cp1257: '1257 windows_1257',
  cp1258: '1258 windows_1258',
  cp866: '866 csibm866 ibm866',
  cp932: '932 ms932 ms_kanji mskanji',
  cp949: '949 ms949 uhc',
  cp950: '950 ms950',
  euc_jp: 'eucjp u_jis ujis',
  euc_kr: 'euckr korean ks_c_5601 ks_c_5601_1987 ks_x_1001 ksc5601 ksx1001 x_mac_korean',
  gb18030: 'gb18030_2000',
  gb2312: 'chinese csiso58gb231280 euc_cn euccn eucgb2312_cn gb2312_1980 gb2312_80 iso_ir_58 x_mac_simp_chinese',
  gbk: '936 cp936 ms936',
  iso2022_jp: 'csiso2022jp iso2022jp iso_2022_jp',
  iso8859_10: 'csisolatin6 iso_8859_10 iso_8859_10_1992 iso_ir_157 l6 latin6',
  iso8859_11: 'iso_8859_11 iso_8859_11_2001 thai',
  iso8859_13: 'iso_8859_13 l7 latin7',
  iso8859_14: 'iso_8859_14 iso_8859_14_1998 iso_celtic iso_ir_199 l8 latin8',
  iso8859_15: 'iso_8859_15 l9 latin9',
  iso8859_16: 'iso_8859_16 iso_8859_16_2001 iso_ir_226 l10 latin10',
  iso8859_2: 'csisolatin2 iso_8859_2 iso_8859_2_1987 iso_ir_101 l2 latin2',
  iso8859_3: 'csisolatin3 iso_8859_3 iso_8859_3_1988 iso_ir_109 l3 latin3',
  iso8859_4: 'csisolatin4 iso_8859_4 iso_8859_4_1988 iso_ir_110 l4 latin4',
  iso8859_5: 'csisolatincyrillic cyrillic iso_8859_5 iso_8859_5_1988 iso_ir_144',
  iso8859_6: 'arabic asmo_708 csisolatinarabic ecma_114 iso_8859_6 iso_8859_6_1987 iso_ir_127',
  iso8859_7: 'csisolatingreek ecma_118 elot_928 greek greek8 iso_8859_7 iso_8859_7_1987 iso_ir_126',
  iso8859_8: 'csisolatinhebrew hebrew iso_8859_8 iso_8859_8_1988 iso_ir_138',
  koi8_r: 'cskoi8r',
  latin_1: '8859 cp819 csisolatin1 ibm819 iso8859 iso8859_1 iso_8859_1 iso_8859_1_1987 iso_ir_100 l1 latin latin1',
  mac_cyrillic: 'maccyrillic',
  mac_roman: 'macintosh macroman',
  shift_jis: 'csshiftjis s_jis shiftjis sjis x_mac_japanese',
  tis_620: 'iso_ir_166 tis620 tis_620_0 tis_620_2529_0 tis_620_2529_1',
  utf_16: 'u16 utf16',
  utf_16_be: 'unicodebigunmarked utf_16be',
  utf_16_le: 'unicodelittleunmarked utf_16le',
  utf_8: 'cp65001 u8 utf utf8 utf8_ucs2 utf8_ucs4',
};

/** WHATWG TextDecoder label for each Python codec decodable with Node's TextDecoder. */
const DECODER_LABEL: Record<string, string> = {
  iso8859_2: 'iso-8859-2',
  iso8859_3: 'iso-8859-3',
  iso8859_4: 'iso-8859-4',
  iso8859_5: 'iso-8859-5',
  iso8859_6: 'iso-8859-6',
  iso8859_7: 'iso-8859-7',
  iso8859_8: 'iso-8859-8',
  iso8859_10: 'iso-8859-10',
  iso8859_11: 'windows-874',
  iso8859_13: 'iso-8859-13',
  iso8859_14: 'iso-8859-14',
  iso8859_15: 'iso-8859-15',
  iso8859_16: 'iso-8859-16',
  cp1250: 'windows-1250',
  cp1251: 'windows-1251',
  cp1252: 'windows-1252',
  cp1253: 'windows-1253',
  cp1254: 'windows-1254',
  cp1255: 'windows-1255',
  cp1256: 'windows-1256',
  cp1257: 'windows-1257',
  cp1258: 'windows-1258',
  cp866: 'ibm866',
  koi8_r: 'koi8-r',
  koi8_u: 'koi8-u',
  mac_roman: 'macintosh',
  mac_cyrillic: 'x-mac-cyrillic',
  euc_jp: 'euc-jp',
  shift_jis: 'shift_jis',
  cp932: 'shift_jis',
  iso2022_jp: 'iso-2022-jp',
  euc_kr: 'euc-kr',
  cp949: 'euc-kr',
  gbk: 'gbk',
  gb2312: 'gbk',
  gb18030: 'gb18030',
  big5: 'big5',
  big5hkscs: 'big5',
  cp950: 'big5',
  tis_620: 'windows-874',
  utf_16: 'utf-16le',
  utf_16_le: 'utf-16le',
  utf_16_be: 'utf-16be',
};

let aliasIndex: Map<string, string> | null = null;

function canonicalCodec(name: string): string {
  if (aliasIndex === null) {
    aliasIndex = new Map();
    for (const [canon, list] of Object.entries(ALIASES)) {
      for (const a of list.split(' ')) aliasIndex.set(a, canon);
    }
  }
  // Python's encodings.normalize_encoding: runs of characters other than
  // ASCII alphanumerics and '.' become one '_'.
  const norm = name
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return aliasIndex.get(norm) ?? aliasIndex.get(norm.replace(/\./g, '_')) ?? norm;
}

/** CPython's get_normal_name: only the UTF-8 and Latin-1 spellings are normalised. */
function normalCookieName(s: string): string {
  const b = s.slice(0, 12).toLowerCase().replace(/_/g, '-');
  if (b === 'utf-8' || b.startsWith('utf-8-')) return 'utf-8';
  if (
    b === 'latin-1' ||
    b === 'iso-8859-1' ||
    b === 'iso-latin-1' ||
    b.startsWith('latin-1-') ||
    b.startsWith('iso-8859-1-') ||
    b.startsWith('iso-latin-1-')
  ) {
    return 'iso-8859-1';
  }
  return s;
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * The coding spec in line bytes [a, b), as CPython's get_coding_spec finds
 * it: the line must be a comment, containing `coding[:=]` then the name.
 * Returns null when there is none, and sets `commentOrBlank.value` to
 * whether the line holds only a comment or whitespace.
 */
function codingSpec(bytes: Uint8Array, a: number, b: number): { spec: string | null; onlyComment: boolean } {
  let i = a;
  while (i < b && (bytes[i] === 32 || bytes[i] === 9 || bytes[i] === 12)) i++;
  const onlyComment = i >= b || bytes[i] === 35 || bytes[i] === 10 || bytes[i] === 13;
  if (i >= b || bytes[i] !== 35) return { spec: null, onlyComment };
  for (; i + 6 < b; i++) {
    if (
      bytes[i] === 99 && bytes[i + 1] === 111 && bytes[i + 2] === 100 &&
      bytes[i + 3] === 105 && bytes[i + 4] === 110 && bytes[i + 5] === 103
    ) {
      let t = i + 6;
      if (bytes[t] !== 58 && bytes[t] !== 61) continue;
      do t++;
      while (t < b && (bytes[t] === 32 || bytes[t] === 9));
      const begin = t;
      while (t < b && (isAlnum(bytes[t]!) || bytes[t] === 45 || bytes[t] === 95 || bytes[t] === 46)) t++;
      if (begin < t) {
        let s = '';
        for (let k = begin; k < t; k++) s += String.fromCharCode(bytes[k]!);
        return { spec: normalCookieName(s), onlyComment };
      }
    }
  }
  return { spec: null, onlyComment };
}

/** End (exclusive, including the newline) of the line starting at `a`. */
function lineEndAfter(bytes: Uint8Array, a: number): number {
  let i = a;
  while (i < bytes.length) {
    const c = bytes[i++];
    if (c === 10) return i;
    if (c === 13) return bytes[i] === 10 ? i + 1 : i;
  }
  return i;
}

function fileError(msg: string, filename: string): PySyntaxError {
  // CPython raises these with lineno 0, offset -1 and no text.
  return new PySyntaxError('SyntaxError', msg, filename, 0, -1, null, 0, -1);
}

export function decodeSource(bytes: Uint8Array, filename: string): string {
  let start = 0;
  let bom = false;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    bom = true;
    start = 3;
  }
  const end1 = lineEndAfter(bytes, start);
  let { spec, onlyComment } = codingSpec(bytes, start, end1);
  if (spec === null && onlyComment && end1 < bytes.length) {
    spec = codingSpec(bytes, end1, lineEndAfter(bytes, end1)).spec;
  }
  if (spec === null || spec === 'utf-8') return decodeUtf8Escaped(bytes, start);
  if (bom) throw fileError(`encoding problem: ${spec} with BOM`, filename);
  const codec = canonicalCodec(spec);
  const body = bytes.subarray(start);
  if (codec === 'utf_8') return decodeStrict(body, 'utf-8', 'utf-8', filename);
  if (codec === 'latin_1') return latin1(body);
  if (codec === 'ascii') return ascii(body, filename);
  const label = DECODER_LABEL[codec];
  if (label === undefined) throw fileError(`unknown encoding: ${spec}`, filename);
  return decodeStrict(body, label, codec, filename);
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    s += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + CHUNK)));
  }
  return s;
}

function ascii(bytes: Uint8Array, filename: string): string {
  const bad = bytes.findIndex((b) => b >= 0x80);
  if (bad >= 0) {
    const hex = bytes[bad]!.toString(16).padStart(2, '0');
    throw fileError(`'ascii' codec can't decode byte 0x${hex} in position ${bad}: ordinal not in range(128)`, filename);
  }
  return latin1(bytes);
}

function decodeStrict(bytes: Uint8Array, label: string, codec: string, filename: string): string {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    if (codec === 'utf-8') {
      const e = utf8Error(bytes, 0, bytes.length);
      if (e !== null) throw fileError(`'utf-8' codec can't decode ${e.what}: ${e.reason}`, filename);
    }
    throw fileError(`'${codec}' codec can't decode the source`, filename);
  }
}

const utf8Fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** UTF-8 decoding that keeps each byte of an invalid sequence as U+DC80+byte. */
function decodeUtf8Escaped(bytes: Uint8Array, start: number): string {
  const body = bytes.subarray(start);
  try {
    return utf8Fatal.decode(body);
  } catch {
    // Fall through to the slow path below.
  }
  let out = '';
  let i = 0;
  let run = 0;
  const n = body.length;
  while (i < n) {
    const len = validSequenceLength(body, i, n);
    if (len > 0) {
      i += len;
      continue;
    }
    if (run < i) out += utf8Fatal.decode(body.subarray(run, i));
    out += String.fromCharCode(0xdc00 + body[i]!);
    i++;
    run = i;
  }
  if (run < n) out += utf8Fatal.decode(body.subarray(run, n));
  return out;
}

/**
 * Length of the valid UTF-8 sequence at i (bounded by n), or 0 if the bytes
 * there are not one, following Python's decoder (no surrogates, no
 * overlong forms, nothing above U+10FFFF).
 */
function validSequenceLength(b: Uint8Array, i: number, n: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  let need: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (c >= 0xc2 && c <= 0xdf) need = 1;
  else if (c >= 0xe0 && c <= 0xef) {
    need = 2;
    if (c === 0xe0) lo = 0xa0;
    if (c === 0xed) hi = 0x9f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    need = 3;
    if (c === 0xf0) lo = 0x90;
    if (c === 0xf4) hi = 0x8f;
  } else return 0;
  for (let k = 1; k <= need; k++) {
    if (i + k >= n) return 0;
    const d = b[i + k]!;
    if (d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) return 0;
  }
  return need + 1;
}

/**
 * Python's UTF-8 decode error for bytes [a, b): what it names ("byte 0xf6 in
 * position 1" or "bytes in position 0-1", positions relative to a) and why.
 */
function utf8Error(bytes: Uint8Array, a: number, b: number): { what: string; reason: string } | null {
  let i = a;
  while (i < b) {
    const len = validSequenceLength(bytes, i, b);
    if (len > 0) {
      i += len;
      continue;
    }
    const c = bytes[i]!;
    let need = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    }
    const pos = i - a;
    if (need === 0) {
      return { what: `byte 0x${c.toString(16).padStart(2, '0')} in position ${pos}`, reason: 'invalid start byte' };
    }
    // Count the valid continuation bytes that follow.
    let k = 1;
    while (k <= need && i + k < b) {
      const d = bytes[i + k]!;
      if (d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) break;
      k++;
    }
    const reason = i + k >= b ? 'unexpected end of data' : 'invalid continuation byte';
    const what =
      k === 1
        ? `byte 0x${c.toString(16).padStart(2, '0')} in position ${pos}`
        : `bytes in position ${pos}-${pos + k - 1}`;
    return { what, reason };
  }
  return null;
}

/**
 * For text produced by decodeSource: if [a, b) holds escaped invalid bytes
 * (U+DC80..U+DCFF), the message of the UnicodeDecodeError Python raises
 * when it decodes those bytes as UTF-8 (without the "(unicode error) "
 * prefix), positions counted in bytes from a; otherwise null. The
 * string-literal decoder uses it on a literal's body.
 */
export function escapedUtf8ErrorMessage(text: string, a: number, b: number): string | null {
  let first = -1;
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc80 && c <= 0xdcff) {
      const p = text.charCodeAt(i - 1);
      if (i > a && p >= 0xd800 && p <= 0xdbff) continue;
      first = i;
      break;
    }
  }
  if (first < 0) return null;
  const bytes = Buffer.from(text.slice(a, b).replace(/[\udc80-\udcff]/g, '\u0080'), 'utf8');
  // Re-create the original bytes: each escape stood for one byte.
  const raw: number[] = [];
  let j = 0;
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc80 && c <= 0xdcff && !(i > a && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff)) {
      raw.push(c - 0xdc00);
      j += 2;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let k = 0; k < len; k++) raw.push(bytes[j + k]!);
    j += len;
    if (cp >= 0x10000) i++;
  }
  const arr = Uint8Array.from(raw);
  const e = utf8Error(arr, 0, arr.length);
  return e === null ? null : `'utf-8' codec can't decode ${e.what}: ${e.reason}`;
}
