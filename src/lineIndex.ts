/**
 * The lines of a source string, split where CPython's tokenizer splits them
 * (LF, CR LF, CR), computed once on first use: errors need a line's text,
 * and most parses never need any.
 */
export class LineIndex {
  private starts: number[] | null = null;

  constructor(readonly source: string) {}

  /** Line `lineno` (1-based) with its line break as written; null when there is no such line. */
  line(lineno: number): string | null {
    const starts = this.lineStarts();
    if (lineno < 1 || lineno > starts.length) return null;
    const end = lineno < starts.length ? starts[lineno]! : this.source.length;
    return this.source.slice(starts[lineno - 1]!, end);
  }

  private lineStarts(): number[] {
    if (this.starts !== null) return this.starts;
    const starts = [0];
    const s = this.source;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (s.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
    return starts;
  }
}
