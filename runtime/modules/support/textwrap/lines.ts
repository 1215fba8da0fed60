/**
 * str helpers shared by textwrap and string: Python's splitlines(keepends=True)
 * (every line boundary str.splitlines knows) and lengths in code points.
 */

const BOUNDARY = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/g;

/** s.splitlines(keepends=True). */
export function splitLinesKeepEnds(s: string): string[] {
  const lines: string[] = [];
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(s); m !== null; m = BOUNDARY.exec(s)) {
    const end = m.index + m[0].length;
    lines.push(s.slice(start, end));
    start = end;
  }
  if (start < s.length) lines.push(s.slice(start));
  return lines;
}

/** len(s): code points, as Python counts. */
export function pyLen(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}
