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
  cp1125: '1125 cp866u ibm1125 ruscii',
  cp1250: '1250 windows_1250',
  cp1251: '1251 windows_1251',
  cp1252: '1252 windows_1252',
  cp1253: '1253 windows_1253',
  cp1254: '1254 windows_1254',
  cp1255: '1255 windows_1255',
  cp1256: '1256 windows_1256',
  cp1257: '1257 windows_1257',
  cp1258: '1258 windows_1258',
  cp437: '437 cspc8codepage437 ibm437',
  cp775: '775 cspc775baltic ibm775',
  cp850: '850 cspc850multilingual ibm850',
  cp852: '852 cspcp852 ibm852',
  cp855: '855 csibm855 ibm855',
  cp857: '857 csibm857 ibm857',
  cp858: '858 csibm858 ibm858',
  cp860: '860 csibm860 ibm860',
  cp861: '861 cp_is csibm861 ibm861',
  cp862: '862 cspc862latinhebrew ibm862',
  cp863: '863 csibm863 ibm863',
  cp865: '865 csibm865 ibm865',
  cp866: '866 csibm866 ibm866',
  cp869: '869 cp_gr csibm869 ibm869',
  cp932: '932 ms932 ms_kanji mskanji',
  cp949: '949 ms949 uhc',
  cp950: '950 ms950',
  euc_jp: 'eucjp u_jis ujis',
  euc_kr: 'euckr korean ks_c_5601 ks_c_5601_1987 ks_x_1001 ksc5601 ksx1001 x_mac_korean',
  gb18030: 'gb18030_2000',
  gb2312: 'chinese csiso58gb231280 euc_cn euccn eucgb2312_cn gb2312_1980 gb2312_80 iso_ir_58 x_mac_simp_chinese',
  gbk: '936 cp936 ms936',
  hp_roman8: 'cp1051 csHPRoman8 ibm1051 r8 roman8',
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
  iso8859_9: 'csisolatin5 iso_8859_9 iso_8859_9_1989 iso_ir_148 l5 latin5',
  koi8_r: 'cskoi8r',
  kz1048: 'kz_1048 rk1048 strk1048_2002',
  latin_1: '8859 cp819 csisolatin1 ibm819 iso8859 iso8859_1 iso_8859_1 iso_8859_1_1987 iso_ir_100 l1 latin latin1',
  mac_cyrillic: 'maccyrillic',
  mac_greek: 'macgreek',
  mac_iceland: 'maciceland',
  mac_latin2: 'mac_centeuro maccentraleurope maclatin2',
  mac_roman: 'macintosh macroman',
  mac_turkish: 'macturkish',
  ptcp154: 'cp154 csptcp154 cyrillic_asian pt154',
  shift_jis: 'csshiftjis s_jis shiftjis sjis x_mac_japanese',
  tis_620: 'iso_ir_166 tis620 tis_620_0 tis_620_2529_0 tis_620_2529_1',
  utf_16: 'u16 utf16',
  utf_16_be: 'unicodebigunmarked utf_16be',
  utf_16_le: 'unicodelittleunmarked utf_16le',
  utf_8: 'cp65001 u8 utf utf8 utf8_ucs2 utf8_ucs4',
};

/**
 * WHATWG TextDecoder label for the multi-byte Python codecs Node can decode
 * (close relatives in a few cases: WHATWG's shift_jis is cp932, its euc-kr
 * is cp949, its big5 includes HKSCS).
 */
const DECODER_LABEL: Record<string, string> = {
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
  // CPython raises these with lineno 0, offset -1, and no text or end
  // (None, given as 0 here).
  return new PySyntaxError('SyntaxError', msg, filename, 0, -1, null, 0, 0);
}

/**
 * The check CPython's file reader makes when it runs a script (`python3
 * FILE`), which compile() and imports do not make: with neither a BOM nor
 * a coding declaration, every line must be UTF-8.
 */
export function checkScriptEncoding(bytes: Uint8Array, filename: string): void {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return;
  const end1 = lineEndAfter(bytes, 0);
  let { spec, onlyComment } = codingSpec(bytes, 0, end1);
  if (spec === null && onlyComment && end1 < bytes.length) spec = codingSpec(bytes, end1, lineEndAfter(bytes, end1)).spec;
  if (spec !== null) return;
  const strict = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      if (b === 10 || (b === 13 && bytes[i + 1] !== 10)) line++;
      i++;
      continue;
    }
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    try {
      strict.decode(bytes.subarray(i, i + length));
      i += length;
    } catch {
      const hex = b.toString(16).padStart(2, '0');
      throw fileError(`Non-UTF-8 code starting with '\\x${hex}' in file ${filename} on line ${line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details`, filename);
    }
  }
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
  const table = SINGLE_BYTE[codec];
  if (table !== undefined) return singleByte(body, table, filename);
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

/** Decodes with a table of the characters of bytes 0x80..0xFF (U+FFFE: undefined). */
function singleByte(bytes: Uint8Array, table: string, filename: string): string {
  const parts: string[] = [];
  const CHUNK = 0x2000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const codes: number[] = [];
    const end = Math.min(bytes.length, i + CHUNK);
    for (let k = i; k < end; k++) {
      const b = bytes[k]!;
      if (b < 0x80) {
        codes.push(b);
        continue;
      }
      const c = table.charCodeAt(b - 0x80);
      if (c === 0xfffe) {
        const hex = b.toString(16).padStart(2, '0');
        throw fileError(`'charmap' codec can't decode byte 0x${hex} in position ${k}: character maps to <undefined>`, filename);
      }
      codes.push(c);
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
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
 * What a UTF-8 lead byte (≥ 0x80) promises: how many continuation bytes
 * follow (0: not a lead byte) and the range allowed for the first of them,
 * which rules out overlong forms, surrogates and code points past U+10FFFF.
 */
function utf8Lead(c: number): { need: number; lo: number; hi: number } {
  if (c >= 0xc2 && c <= 0xdf) return { need: 1, lo: 0x80, hi: 0xbf };
  if (c >= 0xe0 && c <= 0xef) return { need: 2, lo: c === 0xe0 ? 0xa0 : 0x80, hi: c === 0xed ? 0x9f : 0xbf };
  if (c >= 0xf0 && c <= 0xf4) return { need: 3, lo: c === 0xf0 ? 0x90 : 0x80, hi: c === 0xf4 ? 0x8f : 0xbf };
  return { need: 0, lo: 0x80, hi: 0xbf };
}

/**
 * Length of the valid UTF-8 sequence at i (bounded by n), or 0 if the bytes
 * there are not one, following Python's decoder (no surrogates, no
 * overlong forms, nothing above U+10FFFF).
 */
function validSequenceLength(b: Uint8Array, i: number, n: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  const { need, lo, hi } = utf8Lead(c);
  if (need === 0) return 0;
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
    const { need, lo, hi } = utf8Lead(c);
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
  let escaped = false;
  const raw: number[] = [];
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      raw.push(c);
      continue;
    }
    if (c >= 0xdc80 && c <= 0xdcff) {
      // A low surrogate reached here is not part of a pair: an escaped byte.
      escaped = true;
      raw.push(c - 0xdc00);
      continue;
    }
    let cp = c;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < b && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      cp = ((c - 0xd800) << 10) + (text.charCodeAt(i + 1) - 0xdc00) + 0x10000;
      i++;
    }
    if (cp < 0x800) raw.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) raw.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else raw.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  if (!escaped) return null;
  const bytes = Uint8Array.from(raw);
  const e = utf8Error(bytes, 0, bytes.length);
  return e === null ? null : `'utf-8' codec can't decode ${e.what}: ${e.reason}`;
}

/**
 * Python's single-byte codecs whose first 128 bytes are ASCII: the
 * characters of bytes 0x80..0xFF, U+FFFE where the codec has none.
 * (Node's TextDecoder differs from Python on several of these, e.g. it
 * decodes windows-1252 as Latin-1.)
 */
const SINGLE_BYTE: Record<string, string> = {
  cp1006: '\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008a\u008b\u008c\u008d\u008e\u008f\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009a\u009b\u009c\u009d\u009e\u009f\u00a0۰۱۲۳۴۵۶۷۸۹،؛\u00ad؟ﺁﺍﺎﺎﺏﺑﭖﭘﺓﺕﺗﭦﭨﺙﺛﺝﺟﭺﭼﺡﺣﺥﺧﺩﮄﺫﺭﮌﺯﮊﺱﺳﺵﺷﺹﺻﺽﺿﻁﻅﻉﻊﻋﻌﻍﻎﻏﻐﻑﻓﻕﻗﻙﻛﮒﮔﻝﻟﻠﻡﻣﮞﻥﻧﺅﻭﮦﮨﮩﮪﺀﺉﺊﺋﻱﻲﻳﮰﮮﹼﹽ',
  cp1125: 'АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмноп░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀рстуфхцчшщъыьэюяЁёҐґЄєІіЇї·√№¤■\u00a0',
  cp1250: '€\ufffe‚\ufffe„…†‡\ufffe‰Š‹ŚŤŽŹ\ufffe‘’“”•–—\ufffe™š›śťžź\u00a0ˇ˘Ł¤Ą¦§¨©Ş«¬\u00ad®Ż°±˛ł´µ¶·¸ąş»Ľ˝ľżŔÁÂĂÄĹĆÇČÉĘËĚÍÎĎĐŃŇÓÔŐÖ×ŘŮÚŰÜÝŢßŕáâăäĺćçčéęëěíîďđńňóôőö÷řůúűüýţ˙',
  cp1251: 'ЂЃ‚ѓ„…†‡€‰Љ‹ЊЌЋЏђ‘’“”•–—\ufffe™љ›њќћџ\u00a0ЎўЈ¤Ґ¦§Ё©Є«¬\u00ad®Ї°±Ііґµ¶·ё№є»јЅѕїАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюя',
  cp1252: '€\ufffe‚ƒ„…†‡ˆ‰Š‹Œ\ufffeŽ\ufffe\ufffe‘’“”•–—˜™š›œ\ufffežŸ\u00a0¡¢£¤¥¦§¨©ª«¬\u00ad®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ',
  cp1253: '€\ufffe‚ƒ„…†‡\ufffe‰\ufffe‹\ufffe\ufffe\ufffe\ufffe\ufffe‘’“”•–—\ufffe™\ufffe›\ufffe\ufffe\ufffe\ufffe\u00a0΅Ά£¤¥¦§¨©\ufffe«¬\u00ad®―°±²³΄µ¶·ΈΉΊ»Ό½ΎΏΐΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡ\ufffeΣΤΥΦΧΨΩΪΫάέήίΰαβγδεζηθικλμνξοπρςστυφχψωϊϋόύώ\ufffe',
  cp1254: '€\ufffe‚ƒ„…†‡ˆ‰Š‹Œ\ufffe\ufffe\ufffe\ufffe‘’“”•–—˜™š›œ\ufffe\ufffeŸ\u00a0¡¢£¤¥¦§¨©ª«¬\u00ad®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏĞÑÒÓÔÕÖ×ØÙÚÛÜİŞßàáâãäåæçèéêëìíîïğñòóôõö÷øùúûüışÿ',
  cp1255: '€\ufffe‚ƒ„…†‡ˆ‰\ufffe‹\ufffe\ufffe\ufffe\ufffe\ufffe‘’“”•–—˜™\ufffe›\ufffe\ufffe\ufffe\ufffe\u00a0¡¢£₪¥¦§¨©×«¬\u00ad®¯°±²³´µ¶·¸¹÷»¼½¾¿\u05b0\u05b1\u05b2\u05b3\u05b4\u05b5\u05b6\u05b7\u05b8\u05b9\ufffe\u05bb\u05bc\u05bd־\u05bf׀\u05c1\u05c2׃װױײ׳״\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffeאבגדהוזחטיךכלםמןנסעףפץצקרשת\ufffe\ufffe\u200e\u200f\ufffe',
  cp1256: '€پ‚ƒ„…†‡ˆ‰ٹ‹Œچژڈگ‘’“”•–—ک™ڑ›œ\u200c\u200dں\u00a0،¢£¤¥¦§¨©ھ«¬\u00ad®¯°±²³´µ¶·¸¹؛»¼½¾؟ہءآأؤإئابةتثجحخدذرزسشصض×طظعغـفقكàلâمنهوçèéêëىيîï\u064b\u064c\u064d\u064eô\u064f\u0650÷\u0651ù\u0652ûü\u200e\u200fے',
  cp1257: '€\ufffe‚\ufffe„…†‡\ufffe‰\ufffe‹\ufffe¨ˇ¸\ufffe‘’“”•–—\ufffe™\ufffe›\ufffe¯˛\ufffe\u00a0\ufffe¢£¤\ufffe¦§Ø©Ŗ«¬\u00ad®Æ°±²³´µ¶·ø¹ŗ»¼½¾æĄĮĀĆÄÅĘĒČÉŹĖĢĶĪĻŠŃŅÓŌÕÖ×ŲŁŚŪÜŻŽßąįāćäåęēčéźėģķīļšńņóōõö÷ųłśūüżž˙',
  cp1258: '€\ufffe‚ƒ„…†‡ˆ‰\ufffe‹Œ\ufffe\ufffe\ufffe\ufffe‘’“”•–—˜™\ufffe›œ\ufffe\ufffeŸ\u00a0¡¢£¤¥¦§¨©ª«¬\u00ad®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂĂÄÅÆÇÈÉÊË\u0300ÍÎÏĐÑ\u0309ÓÔƠÖ×ØÙÚÛÜƯ\u0303ßàáâăäåæçèéêë\u0301íîïđñ\u0323óôơö÷øùúûüư₫ÿ',
  cp437: 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0',
  cp720: '\u0080\u0081éâ\u0084à\u0086çêëèïî\u008d\u008e\u008f\u0090\u0651\u0652ô¤ـûùءآأؤ£إئابةتثجحخدذرزسشص«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀ضطظعغفµقكلمنهوىي≡\u064b\u064c\u064d\u064e\u064f\u0650≈°∙·√ⁿ²■\u00a0',
  cp737: 'ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩαβγδεζηθικλμνξοπρσςτυφχψ░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀ωάέήϊίόύϋώΆΈΉΊΌΎΏ±≥≤ΪΫ÷≈°∙·√ⁿ²■\u00a0',
  cp775: 'ĆüéāäģåćłēŖŗīŹÄÅÉæÆōöĢ¢ŚśÖÜø£Ø×¤ĀĪóŻżź”¦©®¬½¼Ł«»░▒▓│┤ĄČĘĖ╣║╗╝ĮŠ┐└┴┬├─┼ŲŪ╚╔╩╦╠═╬Žąčęėįšųūž┘┌█▄▌▐▀ÓßŌŃõÕµńĶķĻļņĒŅ’\u00ad±“¾¶§÷„°∙·¹³²■\u00a0',
  cp850: 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0',
  cp852: 'ÇüéâäůćçłëŐőîŹÄĆÉĹĺôöĽľŚśÖÜŤťŁ×čáíóúĄąŽžĘę¬źČş«»░▒▓│┤ÁÂĚŞ╣║╗╝Żż┐└┴┬├─┼Ăă╚╔╩╦╠═╬¤đĐĎËďŇÍÎě┘┌█▄ŢŮ▀ÓßÔŃńňŠšŔÚŕŰýÝţ´\u00ad˝˛ˇ˘§÷¸°¨˙űŘř■\u00a0',
  cp855: 'ђЂѓЃёЁєЄѕЅіІїЇјЈљЉњЊћЋќЌўЎџЏюЮъЪаАбБцЦдДеЕфФгГ«»░▒▓│┤хХиИ╣║╗╝йЙ┐└┴┬├─┼кК╚╔╩╦╠═╬¤лЛмМнНоОп┘┌█▄Пя▀ЯрРсСтТуУжЖвВьЬ№\u00adыЫзЗшШэЭщЩчЧ§■\u00a0',
  cp856: 'אבגדהוזחטיךכלםמןנסעףפץצקרשת\ufffe£\ufffe×\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe®¬½¼\ufffe«»░▒▓│┤\ufffe\ufffe\ufffe©╣║╗╝¢¥┐└┴┬├─┼\ufffe\ufffe╚╔╩╦╠═╬¤\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe┘┌█▄¦\ufffe▀\ufffe\ufffe\ufffe\ufffe\ufffe\ufffeµ\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe¯´\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0',
  cp857: 'ÇüéâäàåçêëèïîıÄÅÉæÆôöòûùİÖÜø£ØŞşáíóúñÑĞğ¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ºªÊËÈ\ufffeÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµ\ufffe×ÚÛÙìÿ¯´\u00ad±\ufffe¾¶§÷¸°¨·¹³²■\u00a0',
  cp858: 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈ€ÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0',
  cp860: 'ÇüéâãàÁçêÊèÍÔìÃÂÉÀÈôõòÚùÌÕÜ¢£Ù₧ÓáíóúñÑªº¿Ò¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0',
  cp861: 'ÇüéâäàåçêëèÐðÞÄÅÉæÆôöþûÝýÖÜø£Ø₧ƒáíóúÁÍÓÚ¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0',
  cp862: 'אבגדהוזחטיךכלםמןנסעףפץצקרשת¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0',
  cp863: 'ÇüéâÂà¶çêëèïî‗À§ÉÈÊôËÏûù¤ÔÜ¢£ÙÛƒ¦´óú¨¸³¯Î⌐¬½¼¾«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0',
  cp865: 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø₧ƒáíóúñÑªº¿⌐¬½¼¡«¤░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0',
  cp866: 'АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмноп░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀рстуфхцчшщъыьэюяЁёЄєЇїЎў°∙·√№¤■\u00a0',
  cp869: '\ufffe\ufffe\ufffe\ufffe\ufffe\ufffeΆ\ufffe·¬¦‘’Έ―ΉΊΪΌ\ufffe\ufffeΎΫ©Ώ²³ά£έήίϊΐόύΑΒΓΔΕΖΗ½ΘΙ«»░▒▓│┤ΚΛΜΝ╣║╗╝ΞΟ┐└┴┬├─┼ΠΡ╚╔╩╦╠═╬ΣΤΥΦΧΨΩαβγ┘┌█▄δε▀ζηθικλμνξοπρσςτ΄\u00ad±υφχ§ψ΅°¨ωϋΰώ■\u00a0',
  cp874: '€\ufffe\ufffe\ufffe\ufffe…\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe‘’“”•–—\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\u00a0กขฃคฅฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรฤลฦวศษสหฬอฮฯะ\u0e31าำ\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\ufffe\ufffe\ufffe\ufffe฿เแโใไๅๆ\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e๏๐๑๒๓๔๕๖๗๘๙๚๛\ufffe\ufffe\ufffe\ufffe',
  hp_roman8: '\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008a\u008b\u008c\u008d\u008e\u008f\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009a\u009b\u009c\u009d\u009e\u009f\u00a0ÀÂÈÊËÎÏ´ˋˆ¨˜ÙÛ₤¯Ýý°ÇçÑñ¡¿¤£¥§ƒ¢âêôûáéóúàèòùäëöüÅîØÆåíøæÄìÖÜÉïßÔÁÃãÐðÍÌÓÒÕõŠšÚŸÿÞþ·µ¶¾—¼½ªº«■»±\ufffe',
  iso8859_10: '\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008a\u008b\u008c\u008d\u008e\u008f\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009a\u009b\u009c\u009d\u009e\u009f\u00a0ĄĒĢĪĨĶ§ĻĐŠŦŽ\u00adŪŊ°ąēģīĩķ·ļđšŧž―ūŋĀÁÂÃÄÅÆĮČÉĘËĖÍÎÏÐŅŌÓÔÕÖŨØŲÚÛÜÝÞßāáâãäåæįčéęëėíîïðņōóôõöũøųúûüýþĸ',
  iso8859_11: '\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008a\u008b\u008c\u008d\u008e\u008f\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009a\u009b\u009c\u009d\u009e\u009f\u00a0กขฃคฅฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรฤลฦวศษสหฬอฮฯะ\u0e31าำ\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\ufffe\ufffe\ufffe\ufffe฿เแโใไๅๆ\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e๏๐๑๒๓๔๕๖๗๘๙๚๛\ufffe\ufffe\ufffe\ufffe',
  iso8859_13: '\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008a\u008b\u008c\u008d\u008e\u008f\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009a\u009b\u009c\u009d\u009e\u009f\u00a0”¢£¤„¦§Ø©Ŗ«¬\u00ad®Æ°±²³“µ¶·ø¹ŗ»¼½¾æĄĮĀĆÄÅĘĒČÉŹĖĢĶĪĻŠŃŅÓŌÕÖ×ŲŁŚŪÜŻŽßąįāćäåęēčéźėģķīļšńņóōõö÷ųłśūüżž’',
  iso8859_14: '\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008a\u008b\u008c\u008d\u008e\u008f\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009a\u009b\u009c\u009d\u009e\u009f\u00a0Ḃḃ£ĊċḊ§Ẁ©ẂḋỲ\u00ad®ŸḞḟĠġṀṁ¶ṖẁṗẃṠỳẄẅṡÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏŴÑÒÓÔÕÖṪØÙÚÛÜÝŶßàáâãäåæçèéêëìíîïŵñòóôõöṫøùúûüýŷÿ',
  iso8859_15: '\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008a\u008b\u008c\u008d\u008e\u008f\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009a\u009b\u009c\u009d\u009e\u009f\u00a0¡¢£€¥Š§š©ª«¬\u00ad®¯°±²³Žµ¶·ž¹º»ŒœŸ¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ',
  iso8859_16: '\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008a\u008b\u008c\u008d\u008e\u008f\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009a\u009b\u009c\u009d\u009e\u009f\u00a0ĄąŁ€„Š§š©Ș«Ź\u00adźŻ°±ČłŽ”¶·žčș»ŒœŸżÀÁÂĂÄĆÆÇÈÉÊËÌÍÎÏĐŃÒÓÔŐÖŚŰÙÚÛÜĘȚßàáâăäćæçèéêëìíîïđńòóôőöśűùúûüęțÿ',
  iso8859_2: '\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008a\u008b\u008c\u008d\u008e\u008f\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009a\u009b\u009c\u009d\u009e\u009f\u00a0Ą˘Ł¤ĽŚ§¨ŠŞŤŹ\u00adŽŻ°ą˛ł´ľśˇ¸šşťź˝žżŔÁÂĂÄĹĆÇČÉĘËĚÍÎĎĐŃŇÓÔŐÖ×ŘŮÚŰÜÝŢßŕáâăäĺćçčéęëěíîďđńňóôőö÷řůúűüýţ˙',
  iso8859_3: '\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008a\u008b\u008c\u008d\u008e\u008f\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009a\u009b\u009c\u009d\u009e\u009f\u00a0Ħ˘£¤\ufffeĤ§¨İŞĞĴ\u00ad\ufffeŻ°ħ²³´µĥ·¸ışğĵ½\ufffeżÀÁÂ\ufffeÄĊĈÇÈÉÊËÌÍÎÏ\ufffeÑÒÓÔĠÖ×ĜÙÚÛÜŬŜßàáâ\ufffeäċĉçèéêëìíîï\ufffeñòóôġö÷ĝùúûüŭŝ˙',
  iso8859_4: '\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008a\u008b\u008c\u008d\u008e\u008f\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009a\u009b\u009c\u009d\u009e\u009f\u00a0ĄĸŖ¤ĨĻ§¨ŠĒĢŦ\u00adŽ¯°ą˛ŗ´ĩļˇ¸šēģŧŊžŋĀÁÂÃÄÅÆĮČÉĘËĖÍÎĪĐŅŌĶÔÕÖ×ØŲÚÛÜŨŪßāáâãäåæįčéęëėíîīđņōķôõö÷øųúûüũū˙',
  iso8859_5: '\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008a\u008b\u008c\u008d\u008e\u008f\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009a\u009b\u009c\u009d\u009e\u009f\u00a0ЁЂЃЄЅІЇЈЉЊЋЌ\u00adЎЏАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюя№ёђѓєѕіїјљњћќ§ўџ',
  iso8859_6: '\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008a\u008b\u008c\u008d\u008e\u008f\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009a\u009b\u009c\u009d\u009e\u009f\u00a0\ufffe\ufffe\ufffe¤\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe،\u00ad\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe؛\ufffe\ufffe\ufffe؟\ufffeءآأؤإئابةتثجحخدذرزسشصضطظعغ\ufffe\ufffe\ufffe\ufffe\ufffeـفقكلمنهوىي\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe',
  iso8859_7: '\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008a\u008b\u008c\u008d\u008e\u008f\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009a\u009b\u009c\u009d\u009e\u009f\u00a0‘’£€₯¦§¨©ͺ«¬\u00ad\ufffe―°±²³΄΅Ά·ΈΉΊ»Ό½ΎΏΐΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡ\ufffeΣΤΥΦΧΨΩΪΫάέήίΰαβγδεζηθικλμνξοπρςστυφχψωϊϋόύώ\ufffe',
  iso8859_8: '\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008a\u008b\u008c\u008d\u008e\u008f\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009a\u009b\u009c\u009d\u009e\u009f\u00a0\ufffe¢£¤¥¦§¨©×«¬\u00ad®¯°±²³´µ¶·¸¹÷»¼½¾\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe‗אבגדהוזחטיךכלםמןנסעףפץצקרשת\ufffe\ufffe\u200e\u200f\ufffe',
  iso8859_9: '\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008a\u008b\u008c\u008d\u008e\u008f\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009a\u009b\u009c\u009d\u009e\u009f\u00a0¡¢£¤¥¦§¨©ª«¬\u00ad®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏĞÑÒÓÔÕÖ×ØÙÚÛÜİŞßàáâãäåæçèéêëìíîïğñòóôõö÷øùúûüışÿ',
  koi8_r: '─│┌┐└┘├┤┬┴┼▀▄█▌▐░▒▓⌠■∙√≈≤≥\u00a0⌡°²·÷═║╒ё╓╔╕╖╗╘╙╚╛╜╝╞╟╠╡Ё╢╣╤╥╦╧╨╩╪╫╬©юабцдефгхийклмнопярстужвьызшэщчъЮАБЦДЕФГХИЙКЛМНОПЯРСТУЖВЬЫЗШЭЩЧЪ',
  koi8_t: 'қғ‚Ғ„…†‡\ufffe‰ҳ‹ҲҷҶ\ufffeҚ‘’“”•–—\ufffe™\ufffe›\ufffe\ufffe\ufffe\ufffe\ufffeӯӮё¤ӣ¦§\ufffe\ufffe\ufffe«¬\u00ad®\ufffe°±²Ё\ufffeӢ¶·\ufffe№\ufffe»\ufffe\ufffe\ufffe©юабцдефгхийклмнопярстужвьызшэщчъЮАБЦДЕФГХИЙКЛМНОПЯРСТУЖВЬЫЗШЭЩЧЪ',
  koi8_u: '─│┌┐└┘├┤┬┴┼▀▄█▌▐░▒▓⌠■∙√≈≤≥\u00a0⌡°²·÷═║╒ёє╔ії╗╘╙╚╛ґ╝╞╟╠╡ЁЄ╣ІЇ╦╧╨╩╪Ґ╬©юабцдефгхийклмнопярстужвьызшэщчъЮАБЦДЕФГХИЙКЛМНОПЯРСТУЖВЬЫЗШЭЩЧЪ',
  kz1048: 'ЂЃ‚ѓ„…†‡€‰Љ‹ЊҚҺЏђ‘’“”•–—\ufffe™љ›њқһџ\u00a0ҰұӘ¤Ө¦§Ё©Ғ«¬\u00ad®Ү°±Ііөµ¶·ё№ғ»әҢңүАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюя',
  mac_arabic: 'Ä\u00a0ÇÉÑÖÜáàâäں«çéèêëí…îïñó»ôö÷úùûü\u0020!"#$٪&\u0027()*+،-./٠١٢٣٤٥٦٧٨٩:؛<=>؟❊ءآأؤإئابةتثجحخدذرزسشصضطظعغ[\u005c]^_ـفقكلمنهوىي\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652پٹچەڤگڈڑ{|}ژے',
  mac_croatian: 'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®Š™´¨≠ŽØ∞±≤≥∆µ∂∑∏š∫ªºΩžø¿¡¬√ƒ≈Ć«Č…\u00a0ÀÃÕŒœĐ—“”‘’÷◊\uf8ff©⁄€‹›Æ»–·‚„‰ÂćÁčÈÍÎÏÌÓÔđÒÚÛÙıˆ˜¯πË˚¸Êæˇ',
  mac_cyrillic: 'АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ†°Ґ£§•¶І®©™Ђђ≠Ѓѓ∞±≤≥іµґЈЄєЇїЉљЊњјЅ¬√ƒ≈∆«»…\u00a0ЋћЌќѕ–—“”‘’÷„ЎўЏџ№Ёёяабвгдежзийклмнопрстуфхцчшщъыьэю€',
  mac_farsi: 'Ä\u00a0ÇÉÑÖÜáàâäں«çéèêëí…îïñó»ôö÷úùûü\u0020!"#$٪&\u0027()*+،-./۰۱۲۳۴۵۶۷۸۹:؛<=>؟❊ءآأؤإئابةتثجحخدذرزسشصضطظعغ[\u005c]^_ـفقكلمنهوىي\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652پٹچەڤگڈڑ{|}ژے',
  mac_greek: 'Ä¹²É³ÖÜ΅àâä΄¨çéèêë£™îï•½‰ôö¦€ùûü†ΓΔΘΛΞΠß®©ΣΪ§≠°·Α±≤≥¥ΒΕΖΗΙΚΜΦΫΨΩάΝ¬ΟΡ≈Τ«»…\u00a0ΥΧΆΈœ–―“”‘’÷ΉΊΌΎέήίόΏύαβψδεφγηιξκλμνοπώρστθωςχυζϊϋΐΰ\u00ad',
  mac_iceland: 'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûüÝ°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u00a0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€ÐðÞþý·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ',
  mac_latin2: 'ÄĀāÉĄÖÜáąČäčĆćéŹźĎíďĒēĖóėôöõúĚěü†°Ę£§•¶ß®©™ę¨≠ģĮįĪ≤≥īĶ∂∑łĻļĽľĹĺŅņŃ¬√ńŇ∆«»…\u00a0ňŐÕőŌ–—“”‘’÷◊ōŔŕŘ‹›řŖŗŠ‚„šŚśÁŤťÍŽžŪÓÔūŮÚůŰűŲųÝýķŻŁżĢˇ',
  mac_roman: 'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u00a0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ',
  mac_romanian: 'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ĂȘ∞±≤≥¥µ∂∑∏π∫ªºΩăș¿¡¬√ƒ≈∆«»…\u00a0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›Țț‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ',
  mac_turkish: 'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u00a0ÀÃÕŒœ–—“”‘’÷◊ÿŸĞğİıŞş‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙ\uf8a0ˆ˜¯˘˙˚¸˝˛ˇ',
  ptcp154: 'ҖҒӮғ„…ҶҮҲүҠӢҢҚҺҸҗ‘’“”•–—ҳҷҡӣңқһҹ\u00a0ЎўЈӨҘҰ§Ё©Ә«¬ӯ®Ҝ°ұІіҙө¶·ё№ә»јҪҫҝАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюя',
  tis_620: '\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008a\u008b\u008c\u008d\u008e\u008f\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009a\u009b\u009c\u009d\u009e\u009f\ufffeกขฃคฅฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรฤลฦวศษสหฬอฮฯะ\u0e31าำ\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\ufffe\ufffe\ufffe\ufffe฿เแโใไๅๆ\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e๏๐๑๒๓๔๕๖๗๘๙๚๛\ufffe\ufffe\ufffe\ufffe',
};
