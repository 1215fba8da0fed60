/**
 * A traceback report cut as CPython's format_exception cuts it: each line alone,
 * except that a frame's source and marker lines go with its `File` line,
 * and a chaining message goes with the blank lines around it.
 */
export function chunks(text: string): string[] {
  const out: string[] = [];
  const lines = text.split(/(?<=\n)/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('    ') && out.length > 0 && out[out.length - 1]!.startsWith('  File ')) {
      out[out.length - 1] += line;
    } else if (line === '\n' && CHAINING.test(lines[i + 1] ?? '') && lines[i + 2] === '\n') {
      // "The above exception was the direct cause…" between its blank lines: one piece.
      out.push(line + lines[i + 1]! + lines[i + 2]!);
      i += 2;
    } else {
      out.push(line);
    }
  }
  return out;
}

const CHAINING = /^(The above exception was the direct cause|During handling of the above exception)/;
