/**
 * Python 3.11's character properties and case mappings, one code point at a
 * time. The JS engine's Unicode data is newer than CPython 3.11's (Unicode
 * 14.0): a JS property counts only for code points assigned in Unicode 14
 * (printable there, or a format character), and the few properties that
 * changed since are listed as exceptions. unicodeData.ts holds what JS has
 * no property for. chars.test.ts compares every code point with python3.
 */
import { DIGIT_NOT_DECIMAL, FOLD_MAP, NON_PRINTABLE, NUMERIC_NOT_N, TITLE_MAP } from './unicodeData.js';

interface Ranges {
  starts: Int32Array;
  ends: Int32Array;
}

function decodeRanges(encoded: string): Ranges {
  const nums = encoded.split(' ').map((t) => parseInt(t, 36));
  const starts = new Int32Array(nums.length / 2);
  const ends = new Int32Array(nums.length / 2);
  let next = 0;
  for (let k = 0; k < starts.length; k++) {
    starts[k] = next + nums[2 * k]!;
    ends[k] = starts[k]! + nums[2 * k + 1]!;
    next = ends[k]! + 1;
  }
  return { starts, ends };
}

function inRanges(r: Ranges, c: number): boolean {
  const { starts, ends } = r;
  let lo = 0;
  let hi = starts.length - 1;
  if (hi < 0 || c < starts[0]!) return false;
  // The last range starting at or before c.
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= c) lo = mid;
    else hi = mid - 1;
  }
  return c <= ends[lo]!;
}

/** Decoded on first use: most programs never look past Latin-1. */
let nonPrintable: Ranges | null = null;
let digitNotDecimal: Ranges | null = null;
let numericNotN: Ranges | null = null;

export function isPrintableCp(c: number): boolean {
  if (c < 0x7f) return c >= 0x20;
  if (c < 0xa1) return false;
  return !inRanges((nonPrintable ??= decodeRanges(NON_PRINTABLE)), c);
}

/** Python's whitespace: bidirectional class WS, B or S, or category Zs. */
export function isSpaceCp(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/**
 * A property the JS engine knows, counted only for code points assigned in
 * Unicode 14 (printable there, or, with `formatToo`, a format character).
 * Answers for the BMP are remembered, as regex tests are slow one by one.
 */
class Property {
  private memo: Uint8Array | null = null;

  constructor(
    private readonly re: RegExp,
    private readonly formatToo = false,
  ) {}

  has(c: number): boolean {
    if (c > 0xffff) return this.compute(c);
    const memo = (this.memo ??= new Uint8Array(0x10000));
    const known = memo[c]!;
    if (known !== 0) return known === 2;
    const v = this.compute(c);
    memo[c] = v ? 2 : 1;
    return v;
  }

  private compute(c: number): boolean {
    const s = String.fromCodePoint(c);
    return (isPrintableCp(c) || (this.formatToo && RE_CF.test(s))) && this.re.test(s);
  }
}

const RE_CF = /^\p{Cf}$/u;
const ALPHA = new Property(/^\p{L}$/u);
const DECIMAL = new Property(/^\p{Nd}$/u);
const NUMBER = new Property(/^\p{N}$/u);
const UPPER = new Property(/^\p{Uppercase}$/u);
const LOWER = new Property(/^\p{Lowercase}$/u);
const TITLE = new Property(/^\p{Lt}$/u);
const CASED = new Property(/^\p{Cased}$/u);
const IGNORABLE = new Property(/^\p{Case_Ignorable}$/u, true);
const XID_START = new Property(/^\p{XID_Start}$/u);
const XID_CONTINUE = new Property(/^\p{XID_Continue}$/u);

/*
 * Lowercase/Cased changed after Unicode 14 for these: U+0295 stopped being
 * lowercase (it became Lo), the others became Other_Lowercase.
 */
function lowerCasedException(c: number): boolean | null {
  if (c === 0x295) return true;
  if (c === 0x10fc || c === 0xab69 || (c >= 0xa7f2 && c <= 0xa7f4)) return false;
  return null;
}

export function isAlphaCp(c: number): boolean {
  if (c < 0x80) return ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
  return ALPHA.has(c);
}

export function isDecimalCp(c: number): boolean {
  if (c < 0x80) return c >= 0x30 && c <= 0x39;
  return DECIMAL.has(c);
}

export function isDigitCp(c: number): boolean {
  if (c < 0x80) return c >= 0x30 && c <= 0x39;
  return isDecimalCp(c) || inRanges((digitNotDecimal ??= decodeRanges(DIGIT_NOT_DECIMAL)), c);
}

export function isNumericCp(c: number): boolean {
  if (c < 0x80) return c >= 0x30 && c <= 0x39;
  return NUMBER.has(c) || inRanges((numericNotN ??= decodeRanges(NUMERIC_NOT_N)), c);
}

export function isAlnumCp(c: number): boolean {
  return isAlphaCp(c) || isDecimalCp(c) || isDigitCp(c) || isNumericCp(c);
}

export function isUpperCp(c: number): boolean {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  return UPPER.has(c);
}

export function isLowerCp(c: number): boolean {
  if (c < 0x80) return c >= 0x61 && c <= 0x7a;
  return lowerCasedException(c) ?? LOWER.has(c);
}

/** Category Lt. */
export function isTitleCp(c: number): boolean {
  if (c < 0x80) return false;
  return TITLE.has(c);
}

export function isCasedCp(c: number): boolean {
  if (c < 0x80) return ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
  return lowerCasedException(c) ?? CASED.has(c);
}

/** Case_Ignorable (format characters included, which are unprintable). */
export function isCaseIgnorableCp(c: number): boolean {
  if (c < 0x80) return c === 0x27 || c === 0x2e || c === 0x3a || c === 0x5e || c === 0x60;
  if (c === 0x1171e) return true; // became a spacing mark after Unicode 14
  if (c >= 0x13439 && c <= 0x1343f) return false; // assigned after Unicode 14
  return IGNORABLE.has(c);
}

export function isXidStartCp(c: number): boolean {
  if (c < 0x80) return ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
  return XID_START.has(c);
}

export function isXidContinueCp(c: number): boolean {
  if (c < 0x80) return ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
  // Katakana middle dots joined XID_Continue in Unicode 15.1.
  if (c === 0x30fb || c === 0xff65) return false;
  return XID_CONTINUE.has(c);
}

/*
 * Where the JS engine's toUpperCase/toLowerCase differ from CPython 3.11's:
 * characters assigned after Unicode 14 and old characters that gained a case
 * partner since. CPython maps all of them to themselves.
 */
export const UPPER_DIFFERS = /[\u019b\u0264\u1c8a\ua7cd\ua7cf\ua7d3\ua7d5\ua7db\u{10d70}-\u{10d85}\u{16ebb}-\u{16ed3}]/u;
export const LOWER_DIFFERS = /[\u1c89\ua7cb\ua7cc\ua7ce\ua7d2\ua7d4\ua7da\ua7dc\u{10d50}-\u{10d65}\u{16ea0}-\u{16eb8}]/u;

/** Mappings of BMP characters once computed (building them costs a few string operations). */
class MappingMemo {
  private memo: (string | undefined)[] | null = null;

  constructor(private readonly compute: (c: number) => string) {}

  get(c: number): string {
    if (c > 0xffff) return this.compute(c);
    const memo = (this.memo ??= new Array<string | undefined>(0x10000));
    return (memo[c] ??= this.compute(c));
  }
}

const UPPER_MEMO = new MappingMemo((c) => {
  const s = String.fromCodePoint(c);
  return UPPER_DIFFERS.test(s) ? s : s.toUpperCase();
});
const LOWER_MEMO = new MappingMemo((c) => {
  const s = String.fromCodePoint(c);
  return LOWER_DIFFERS.test(s) ? s : s.toLowerCase();
});
const TITLE_MEMO = new MappingMemo((c) => (titleMap ??= decodeMap(TITLE_MAP)).get(c) ?? upperCp(c));
const FOLD_MEMO = new MappingMemo((c) => (foldMap ??= decodeMap(FOLD_MAP)).get(c) ?? lowerCp(c));

/** `chr(c).upper()`. */
export function upperCp(c: number): string {
  if (c < 0x80) return String.fromCharCode(c >= 0x61 && c <= 0x7a ? c - 32 : c);
  return UPPER_MEMO.get(c);
}

/** `chr(c).lower()` outside the final-sigma context. */
export function lowerCp(c: number): string {
  if (c < 0x80) return String.fromCharCode(c >= 0x41 && c <= 0x5a ? c + 32 : c);
  return LOWER_MEMO.get(c);
}

let titleMap: Map<number, string> | null = null;
let foldMap: Map<number, string> | null = null;

function decodeMap(encoded: string): Map<number, string> {
  const map = new Map<number, string>();
  let next = 0;
  for (const token of encoded.split(' ')) {
    const colon = token.indexOf(':');
    if (colon >= 0) {
      const c = next + parseInt(token.slice(0, colon), 36);
      map.set(c, String.fromCodePoint(...token.slice(colon + 1).split(',').map((t) => parseInt(t, 36))));
      next = c + 1;
    } else {
      const [gap, count, delta] = token.split('.').map((t) => parseInt(t, 36)) as [number, number, number];
      const first = next + gap;
      for (let c = first; c <= first + count; c++) map.set(c, String.fromCodePoint(c + delta));
      next = first + count + 1;
    }
  }
  return map;
}

/** `chr(c).title()`: the titlecase mapping. */
export function titleCp(c: number): string {
  if (c < 0x80) return upperCp(c);
  return TITLE_MEMO.get(c);
}

let foldSpecialRe: RegExp | null = null;

/**
 * The characters casefold() cannot leave to toLowerCase: those folding
 * otherwise than they lowercase, capital sigma (always σ when folded) and
 * those where the engine's lowercase differs from CPython's. Global.
 */
export function foldSpecial(): RegExp {
  if (foldSpecialRe === null) {
    const hex = (c: number): string => `\\u{${c.toString(16)}}`;
    const keys = Array.from((foldMap ??= decodeMap(FOLD_MAP)).keys(), hex).join('');
    foldSpecialRe = new RegExp(`[${keys}\\u03a3]|${LOWER_DIFFERS.source}`, 'gu');
  }
  return foldSpecialRe;
}

/** `chr(c).casefold()`. */
export function foldCp(c: number): string {
  if (c < 0x80) return lowerCp(c);
  return FOLD_MEMO.get(c);
}

/** The code point ending just before unit `j` of `s`, and where it starts. */
function previousCodePoint(s: string, j: number): [number, number] {
  const c = s.charCodeAt(j - 1);
  if (c >= 0xdc00 && c <= 0xdfff && j >= 2) {
    const h = s.charCodeAt(j - 2);
    if (h >= 0xd800 && h <= 0xdbff) return [((h - 0xd800) << 10) + (c - 0xdc00) + 0x10000, j - 2];
  }
  return [c, j - 1];
}

/**
 * The lowercase of the capital sigma at unit `i` of `s`: final (ς) when a
 * cased letter precedes it and none follows, case-ignorable characters
 * skipped either way.
 */
export function lowerSigma(s: string, i: number): string {
  let j = i;
  let c = -1;
  while (j > 0) {
    [c, j] = previousCodePoint(s, j);
    if (!isCaseIgnorableCp(c)) break;
    c = -1;
  }
  if (c < 0 || !isCasedCp(c)) return '\u03c3';
  for (j = i + 1; j < s.length; j += c > 0xffff ? 2 : 1) {
    c = s.codePointAt(j)!;
    if (!isCaseIgnorableCp(c)) return isCasedCp(c) ? '\u03c3' : '\u03c2';
  }
  return '\u03c2';
}
