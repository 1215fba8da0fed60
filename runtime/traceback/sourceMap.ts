/**
 * Reading a v3 source map (as src/codegen.ts writes them) just enough to
 * map a generated position back to its source: each generated line's
 * segments, decoded from the base64 VLQ `mappings` on first use.
 */

export interface RawSourceMap {
  version: number;
  sources: string[];
  sourcesContent?: (string | null)[];
  mappings: string;
}

export interface SourcePosition {
  source: number;
  /** 1-based. */
  line: number;
  /** 0-based, in UTF-16 units. */
  column: number;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64.length; i++) DIGIT[BASE64.charCodeAt(i)] = i;

/** Per generated line: flat [generatedColumn, source, line, column] quadruples, by column. */
type Line = number[];

export class SourceMapIndex {
  private readonly lines: Line[] = [];

  constructor(readonly map: RawSourceMap) {
    let source = 0;
    let line = 0;
    let column = 0;
    let current: Line = [];
    const text = map.mappings;
    let i = 0;
    let generated = 0;
    const fields: number[] = [];
    while (i <= text.length) {
      const c = text[i];
      if (c === ';' || c === ',' || c === undefined) {
        i++;
        if (c === ';' || c === undefined) {
          this.lines.push(current);
          current = [];
          generated = 0;
        }
        continue;
      }
      fields.length = 0;
      while (i < text.length && text[i] !== ',' && text[i] !== ';') {
        let value = 0;
        let shift = 0;
        let digit: number;
        do {
          digit = DIGIT[text.charCodeAt(i++)] ?? -1;
          if (digit < 0) throw new Error('bad source map');
          value += (digit & 31) << shift;
          shift += 5;
        } while (digit & 32);
        fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
      }
      generated += fields[0]!;
      if (fields.length >= 4) {
        source += fields[1]!;
        line += fields[2]!;
        column += fields[3]!;
        current.push(generated, source, line + 1, column);
      } else {
        // A segment with no source: the generated code from here on maps to nothing.
        current.push(generated, -1, 0, 0);
      }
    }
  }

  /** Where generated (line, column) (1-based line, 0-based column) comes from: the last segment at or before it on its line. */
  lookup(line: number, column: number): SourcePosition | null {
    const segments = this.lines[line - 1];
    if (segments === undefined) return null;
    let found = -1;
    for (let k = 0; k < segments.length && segments[k]! <= column; k += 4) found = k;
    if (found < 0 || segments[found + 1]! < 0) return null;
    return { source: segments[found + 1]!, line: segments[found + 2]!, column: segments[found + 3]! };
  }

  /** Whether a segment starts exactly at generated (line, column). */
  startsAt(line: number, column: number): boolean {
    const segments = this.lines[line - 1];
    if (segments === undefined) return false;
    for (let k = 0; k < segments.length; k += 4) if (segments[k] === column) return segments[k + 1]! >= 0;
    return false;
  }
}
