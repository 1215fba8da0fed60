/**
 * Character names for `\N{...}` escapes, as CPython 3.11 resolves them
 * (Unicode 14.0.0): names and aliases match case-insensitively, named
 * sequences are refused, and the computed names (CJK unified ideographs,
 * Hangul syllables) must be written in upper case, as CPython only accepts
 * them that way.
 *
 * The table (unicodeNames.br, made by scripts/gen-unicode-names.py) is read
 * on the first lookup only, so parsing code without `\N{` never pays for it.
 */
import { readFileSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';

let table: Map<string, number> | null = null;

function loadTable(): Map<string, number> {
  const text = brotliDecompressSync(readFileSync(new URL('./unicodeNames.br', import.meta.url))).toString('latin1');
  const map = new Map<string, number>();
  let cp = -1;
  let pos = 0;
  let aliases = false;
  while (pos < text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    if (eol === pos) {
      aliases = true;
    } else {
      const semi = text.indexOf(';', pos);
      const number = semi === pos ? 0 : parseInt(text.slice(pos, semi), 16);
      const name = text.slice(semi + 1, eol);
      if (aliases) {
        map.set(name, number);
      } else {
        cp += number + 1;
        map.set(name, cp);
      }
    }
    pos = eol + 1;
  }
  return map;
}

const CJK_PREFIX = 'CJK UNIFIED IDEOGRAPH-';
const HANGUL_PREFIX = 'HANGUL SYLLABLE ';

/** Unicode 14.0.0's CJK unified ideograph blocks, as [first, last] pairs. */
const CJK_RANGES = [
  0x3400, 0x4dbf, 0x4e00, 0x9fff, 0x20000, 0x2a6df, 0x2a700, 0x2b738, 0x2b740, 0x2b81d, 0x2b820, 0x2cea1,
  0x2ceb0, 0x2ebe0, 0x30000, 0x3134a,
];

// Jamo short names (Unicode's Jamo.txt) of the leading consonants, vowels
// and trailing consonants that Hangul syllable names are spelled from.
const JAMO_L = ['G', 'GG', 'N', 'D', 'DD', 'R', 'M', 'B', 'BB', 'S', 'SS', '', 'J', 'JJ', 'C', 'K', 'T', 'P', 'H'];
const JAMO_V = [
  'A', 'AE', 'YA', 'YAE', 'EO', 'E', 'YEO', 'YE', 'O', 'WA', 'WAE', 'OE', 'YO', 'U', 'WEO', 'WE', 'WI', 'YU', 'EU',
  'YI', 'I',
];
const JAMO_T = [
  '', 'G', 'GG', 'GS', 'N', 'NJ', 'NH', 'D', 'L', 'LG', 'LM', 'LB', 'LS', 'LT', 'LP', 'LH', 'M', 'B', 'BS', 'S',
  'SS', 'NG', 'J', 'C', 'K', 'T', 'P', 'H',
];

/** Index of the longest jamo name in `list` that `name` has at `pos`, or -1. */
function longestJamo(name: string, pos: number, list: readonly string[]): number {
  let best = -1;
  let bestLength = -1;
  for (let i = 0; i < list.length; i++) {
    const jamo = list[i]!;
    if (jamo.length > bestLength && name.startsWith(jamo, pos)) {
      best = i;
      bestLength = jamo.length;
    }
  }
  return best;
}

function hangulSyllable(name: string): number {
  let pos = HANGUL_PREFIX.length;
  const l = longestJamo(name, pos, JAMO_L);
  if (l < 0) return -1;
  pos += JAMO_L[l]!.length;
  const v = longestJamo(name, pos, JAMO_V);
  if (v < 0) return -1;
  pos += JAMO_V[v]!.length;
  const t = longestJamo(name, pos, JAMO_T);
  if (t < 0) return -1;
  pos += JAMO_T[t]!.length;
  if (pos !== name.length) return -1;
  return 0xac00 + (l * JAMO_V.length + v) * JAMO_T.length + t;
}

function cjkIdeograph(name: string): number {
  const digits = name.length - CJK_PREFIX.length;
  if (digits !== 4 && digits !== 5) return -1;
  let cp = 0;
  for (let i = CJK_PREFIX.length; i < name.length; i++) {
    const c = name.charCodeAt(i);
    // Upper-case hex digits only, as CPython.
    if (c >= 0x30 && c <= 0x39) cp = cp * 16 + (c - 0x30);
    else if (c >= 0x41 && c <= 0x46) cp = cp * 16 + (c - 0x37);
    else return -1;
  }
  for (let i = 0; i < CJK_RANGES.length; i += 2) {
    if (cp >= CJK_RANGES[i]! && cp <= CJK_RANGES[i + 1]!) return cp;
  }
  return -1;
}

/** The code point named `name` in a `\N{name}` escape, or -1 when there is none. */
export function lookupUnicodeName(name: string): number {
  if (name.startsWith(HANGUL_PREFIX)) return hangulSyllable(name);
  if (name.startsWith(CJK_PREFIX)) return cjkIdeograph(name);
  // Names are ASCII; CPython upper-cases ASCII letters only.
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) >= 0x80) return -1;
  table ??= loadTable();
  return table.get(name.toUpperCase()) ?? -1;
}
