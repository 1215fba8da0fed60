/**
 * CPython's AST columns are UTF-8 byte offsets, while SyntaxError offsets
 * count characters (code points). These convert within one line of text.
 */

/** Characters (code points) in the first `byteCol` UTF-8 bytes of `line`. */
export function byteColumnToCharOffset(line: string, byteCol: number): number {
  let bytes = 0;
  let chars = 0;
  for (let i = 0; i < line.length && bytes < byteCol; i++) {
    const c = line.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < line.length && (line.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
    chars++;
  }
  return byteCol > bytes ? chars + (byteCol - bytes) : chars;
}

/** UTF-8 length of `s.slice(start, end)`. */
export function utf8Length(s: string, start = 0, end = s.length): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < end && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
