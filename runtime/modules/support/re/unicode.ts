/**
 * Character predicates and case rules of Python's re: `\w`, `\d`, `\s` as
 * str methods define them for str patterns (ASCII under re.ASCII and for
 * bytes), and IGNORECASE as CPython's sre applies it: two characters match
 * when their simple lowercase mappings agree, or when the pair is one of
 * Unicode's few extra equivalences (dotless ı and i, long ſ and s, …).
 */

const WORD = /[\p{L}\p{N}_]/u;
const DIGIT = /\p{Nd}/u;
const LOWER_CACHE = new Int32Array(0x10000).fill(-1);
const UPPER_CACHE = new Int32Array(0x10000).fill(-1);

function single(s: string, fallback: number): number {
  const c = s.codePointAt(0)!;
  return s.length === (c > 0xffff ? 2 : 1) ? c : fallback;
}

/** The simple lowercase mapping (one code point to one), as str.lower gives it for most characters. */
export function lower(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  if (c < 0x10000) {
    let v = LOWER_CACHE[c]!;
    if (v < 0) {
      v = c === 0x130 ? 0x69 : single(String.fromCharCode(c).toLowerCase(), c);
      LOWER_CACHE[c] = v;
    }
    return v;
  }
  return single(String.fromCodePoint(c).toLowerCase(), c);
}

export function upper(c: number): number {
  if (c < 128) return c >= 97 && c <= 122 ? c - 32 : c;
  if (c < 0x10000) {
    let v = UPPER_CACHE[c]!;
    if (v < 0) {
      v = single(String.fromCharCode(c).toUpperCase(), c);
      UPPER_CACHE[c] = v;
    }
    return v;
  }
  return single(String.fromCodePoint(c).toUpperCase(), c);
}

export function asciiLower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** Lowercase characters equivalent beyond their lowercase mapping (Unicode's case folding adds them). */
const EXTRA: ReadonlyMap<number, readonly number[]> = new Map<number, number[]>([
  [0x69, [0x131]], [0x73, [0x17f]], [0xb5, [0x3bc]], [0x131, [0x69]], [0x17f, [0x73]], [0x345, [0x3b9, 0x1fbe]],
  [0x390, [0x1fd3]], [0x3b0, [0x1fe3]], [0x3b2, [0x3d0]], [0x3b5, [0x3f5]], [0x3b8, [0x3d1]], [0x3b9, [0x345, 0x1fbe]],
  [0x3ba, [0x3f0]], [0x3bc, [0xb5]], [0x3c0, [0x3d6]], [0x3c1, [0x3f1]], [0x3c2, [0x3c3]], [0x3c3, [0x3c2]],
  [0x3c6, [0x3d5]], [0x3d0, [0x3b2]], [0x3d1, [0x3b8]], [0x3d5, [0x3c6]], [0x3d6, [0x3c0]], [0x3f0, [0x3ba]],
  [0x3f1, [0x3c1]], [0x3f5, [0x3b5]], [0x432, [0x1c80]], [0x434, [0x1c81]], [0x43e, [0x1c82]], [0x441, [0x1c83]],
  [0x442, [0x1c84, 0x1c85]], [0x44a, [0x1c86]], [0x463, [0x1c87]], [0x1c80, [0x432]], [0x1c81, [0x434]], [0x1c82, [0x43e]],
  [0x1c83, [0x441]], [0x1c84, [0x442, 0x1c85]], [0x1c85, [0x442, 0x1c84]], [0x1c86, [0x44a]], [0x1c87, [0x463]],
  [0x1c88, [0xa64b]], [0x1e61, [0x1e9b]], [0x1e9b, [0x1e61]], [0x1fbe, [0x345, 0x3b9]], [0x1fd3, [0x390]], [0x1fe3, [0x3b0]],
  [0xa64b, [0x1c88]], [0xfb05, [0xfb06]], [0xfb06, [0xfb05]],
]);

/** Whether `a` and `b` match each other under IGNORECASE. */
export function caseEqual(a: number, b: number, ascii: boolean): boolean {
  if (a === b) return true;
  if (ascii) return asciiLower(a) === asciiLower(b);
  const la = lower(a);
  const lb = lower(b);
  if (la === lb) return true;
  const extra = EXTRA.get(lb);
  return extra !== undefined && extra.includes(la);
}

/** The characters equivalent to `c` under IGNORECASE that a predicate on `c` alone would miss (for sets). */
export function caseVariants(c: number, ascii: boolean): number[] {
  if (ascii) {
    const l = asciiLower(c);
    return l !== c ? [l] : c >= 97 && c <= 122 ? [c - 32] : [];
  }
  const out: number[] = [];
  const l = lower(c);
  if (l !== c) out.push(l);
  const u = upper(c);
  if (u !== c) out.push(u);
  const extra = EXTRA.get(l);
  if (extra !== undefined) out.push(...extra);
  return out;
}

export function isWord(c: number, ascii: boolean): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  if (ascii) return false;
  return WORD.test(String.fromCodePoint(c));
}

export function isDigit(c: number, ascii: boolean): boolean {
  if (c < 128) return c >= 48 && c <= 57;
  if (ascii) return false;
  return DIGIT.test(String.fromCodePoint(c));
}

export function isSpace(c: number, ascii: boolean): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13) || (!ascii && c >= 0x1c && c <= 0x1f);
  if (ascii) return false;
  return (
    c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000
  );
}

/** Line breaks for `$`, `^` and `.`: only `\n`, as in CPython. */
export const NEWLINE = 10;
