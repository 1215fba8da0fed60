/**
 * The lines of a source string, split where CPython's tokenizer splits them
 * (LF, CR LF, CR), computed once on first use: errors need a line's text,
 * and most parses never need any.
 */
import { utf16Column } from './parser/positions.js';

const NON_ASCII = /[^\x00-\x7f]/;

export class LineIndex {
  private starts: number[] | null = null;
  /** Per line: 0 not looked at yet, 1 all ASCII (UTF-8 byte columns are UTF-16 columns), 2 not. */
  private ascii: Uint8Array | null = null;

  constructor(readonly source: string) {}

  /** Line `lineno` (1-based) with its line break as written; null when there is no such line. */
  line(lineno: number): string | null {
    const starts = this.lineStarts();
    if (lineno < 1 || lineno > starts.length) return null;
    const end = lineno < starts.length ? starts[lineno]! : this.source.length;
    return this.source.slice(starts[lineno - 1]!, end);
  }

  /** Lines `first` to `last` (1-based, inclusive) with their line breaks; null when some are not in the source. */
  lineSpan(first: number, last: number): string | null {
    const starts = this.lineStarts();
    if (first < 1 || last < first || last > starts.length) return null;
    const end = last < starts.length ? starts[last]! : this.source.length;
    return this.source.slice(starts[first - 1]!, end);
  }

  /**
   * `utf16Column(this.line(lineno) ?? '', byteCol)` without making the
   * line's string, and on an ASCII line without reading it again: the
   * transform asks this of every node it locates.
   */
  utf16Column(lineno: number, byteCol: number): number {
    const starts = this.lineStarts();
    if (lineno < 1 || lineno > starts.length || byteCol <= 0) return 0;
    const start = starts[lineno - 1]!;
    const end = lineno < starts.length ? starts[lineno]! : this.source.length;
    // An all-ASCII source (most are), found by one native scan, needs no table of lines.
    if (this.allAscii()) return byteCol < end - start ? byteCol : end - start;
    const ascii = (this.ascii ??= new Uint8Array(starts.length));
    let kind = ascii[lineno - 1]!;
    if (kind === 0) {
      kind = 1;
      const s = this.source;
      for (let i = start; i < end; i++) {
        if (s.charCodeAt(i) >= 0x80) {
          kind = 2;
          break;
        }
      }
      ascii[lineno - 1] = kind;
    }
    if (kind === 1) return byteCol < end - start ? byteCol : end - start;
    return utf16Column(this.source.slice(start, end), byteCol);
  }

  /** Whether the whole source is ASCII: one scan, made once (the transform asks it too). */
  allAscii(): boolean {
    return (this.asciiSource ??= !NON_ASCII.test(this.source));
  }

  private asciiSource: boolean | undefined = undefined;

  private lineStarts(): number[] {
    if (this.starts !== null) return this.starts;
    const starts = [0];
    const s = this.source;
    if (s.indexOf('\r') < 0) {
      // LF alone ends lines (almost every file): indexOf finds them faster than a test of every code unit.
      for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
      return starts;
    }
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
