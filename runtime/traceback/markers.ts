/**
 * The source line and PEP 657 markers under a traceback entry, drawn as
 * CPython 3.11 draws them: `^` under the failing expression; for a binary
 * operation `~` under the operands and `^` under the operator, for a
 * subscript `~` under the value and `^` under `[…]`. No marker line when
 * plain `^`s would cover the whole (stripped) line, and none beyond the
 * first line of an expression that spans several.
 */

/** A range in code points of its lines (1-based lines, 0-based columns). */
export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Where `~` gives way to `^` and back, in code points of the line. */
export interface Anchors {
  start: number;
  end: number;
}

const OPERATORS: Readonly<Record<string, string>> = {
  Add: '+', Sub: '-', Mult: '*', MatMult: '@', Div: '/', Mod: '%', Pow: '**',
  LShift: '<<', RShift: '>>', BitOr: '|', BitXor: '^', BitAnd: '&', FloorDiv: '//',
};

export function operatorText(op: string): string | undefined {
  return OPERATORS[op];
}

/**
 * The anchors of a one-line binary operation or subscript: from the end of
 * its left part, past closing parentheses and spaces, the operator (or
 * the opening bracket up to the end of the range).
 */
export function findAnchors(chars: readonly string[], leftEnd: number, end: number, operator: string | null): Anchors | null {
  let i = leftEnd;
  while (i < end && (chars[i] === ')' || chars[i] === ' ' || chars[i] === '\t' || chars[i] === '\\' || chars[i] === '\f')) i++;
  if (operator === null) {
    if (chars[i] !== '[') return null;
    return { start: i, end };
  }
  if (chars.slice(i, i + operator.length).join('') !== operator) return null;
  return { start: i, end: i + operator.length };
}

/** `    source line\n` and the marker line (when CPython draws one). */
export function sourceLines(line: string, range: Range | null, anchors: Anchors | null): string {
  const chars = Array.from(line.replace(/[\r\n]+$/, ''));
  let first = 0;
  while (first < chars.length && /\s/.test(chars[first]!)) first++;
  let last = chars.length;
  while (last > first && /\s/.test(chars[last - 1]!)) last--;
  if (first === last) return '';
  let text = `    ${chars.slice(first, last).join('')}\n`;
  if (range === null) return text;
  const start = range.column;
  const end = range.endLine === range.line ? Math.min(range.endColumn, chars.length) : last;
  if (start < first || end <= start) return text;
  if (anchors === null && start === first && end >= last) return text;
  let marks = ' '.repeat(4 + start - first);
  for (let i = start; i < end; i++) marks += anchors === null || (i >= anchors.start && i < anchors.end) ? '^' : '~';
  return text + marks + '\n';
}
