/**
 * The pieces of source-mapped tracebacks: the source map decoder against
 * the compiler's own maps, and the JS stack reader. Whole tracebacks are
 * compared with python3's by the fixtures in fixtures/tracebacks.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile.js';
import { SourceMapIndex } from './sourceMap.js';
import { jsFrames, parseStack } from './stack.js';

describe('SourceMapIndex', () => {
  const source = 'def f(a):\n    return a / 0\n\nx = {"k": 1}\nprint(f(x["k"]))\n';
  const { code, map } = compile(source, { filename: '/abs/m.py' });
  const index = new SourceMapIndex(map);
  const jsLines = code.split('\n');

  /** Where the JS text `needle` (first found) maps back to. */
  function origin(needle: string): [number, number] | null {
    const line = jsLines.findIndex((l) => l.includes(needle));
    const position = index.lookup(line + 1, jsLines[line]!.indexOf(needle));
    return position && [position.line, position.column];
  }

  it('maps runtime calls back to the Python expressions they implement', () => {
    expect(origin('$truediv(')).toEqual([2, 11]);
    expect(origin('$getitem(')).toEqual([5, 8]);
    expect(origin('f($getitem')).toEqual([5, 6]);
  });

  it('knows which generated columns start a segment', () => {
    const line = jsLines.findIndex((l) => l.includes('$truediv('));
    expect(index.startsAt(line + 1, jsLines[line]!.indexOf('$truediv('))).toBe(true);
    expect(index.lookup(jsLines.length + 5, 0)).toBeNull();
  });
});

describe('JS frames', () => {
  it('reads the structured call sites, and leaves a readable stack behind', () => {
    function inner(): Error {
      return new Error('boom');
    }
    const error = inner();
    const frames = jsFrames(error);
    expect(frames[0]!.name).toBe('inner');
    expect(frames[0]!.url).toMatch(/traceback\.test\.ts$/);
    expect(jsFrames(error)).toBe(frames);
    expect(error.stack).toMatch(/^Error: boom\n    at inner /);
  });

  it('falls back to the text of a stack already formatted', () => {
    const error = new Error('x');
    void error.stack;
    expect(jsFrames(error)[0]!.url).toMatch(/traceback\.test\.ts$/);
    expect(parseStack('E: m\n    at f (file:///a/b.mjs:3:7)\n    at file:///a/c.mjs:1:2\n    at new C (node:internal/x:4:5)')).toEqual([
      { url: 'file:///a/b.mjs', line: 3, column: 7, name: 'f' },
      { url: 'file:///a/c.mjs', line: 1, column: 2, name: null },
      { url: 'node:internal/x', line: 4, column: 5, name: 'C' },
    ]);
  });
});
