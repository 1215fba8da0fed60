/**
 * CPython's AST columns are UTF-8 byte offsets, while SyntaxError offsets
 * count characters (code points) and source maps UTF-16 units. These
 * convert within one line of text.
 * A lone U+DC80..U+DCFF stands for one undecodable source byte (kept so by
 * decodeSource, as the tokenizer counts it) and so takes one byte.
 */

/** UTF-8 bytes taken by the code unit at `i` (0 for the second half of a pair). */
function unitBytes(s: string, i: number, end: number): number {
  const c = s.charCodeAt(i);
  if (c < 0x80) return 1;
  if (c < 0x800) return 2;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < end && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) return 4;
  if (c >= 0xdc00 && c <= 0xdfff && i > 0 && (s.charCodeAt(i - 1) & 0xfc00) === 0xd800) return 0;
  if (c >= 0xdc80 && c <= 0xdcff) return 1;
  return 3;
}

/** Characters (code points) in the first `byteCol` UTF-8 bytes of `line`. */
export function byteColumnToCharOffset(line: string, byteCol: number): number {
  let bytes = 0;
  let chars = 0;
  for (let i = 0; i < line.length && bytes < byteCol; i++) {
    const n = unitBytes(line, i, line.length);
    if (n === 0) continue;
    bytes += n;
    chars++;
  }
  return byteCol > bytes ? chars + (byteCol - bytes) : chars;
}

/** UTF-8 length of `s.slice(start, end)`. */
export function utf8Length(s: string, start = 0, end = s.length): number {
  let n = 0;
  for (let i = start; i < end; i++) n += unitBytes(s, i, end);
  return n;
}

/** UTF-16 column (what source maps count) of UTF-8 byte column `byteCol` in `line`. */
export function utf16Column(line: string, byteCol: number): number {
  let bytes = 0;
  let i = 0;
  while (i < line.length && bytes < byteCol) {
    const n = unitBytes(line, i, line.length);
    bytes += n;
    i += n === 4 ? 2 : 1; // a surrogate pair is one character of four bytes
  }
  return i;
}
