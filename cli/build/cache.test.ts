import { describe, expect, it } from 'vitest';
import { entryText, parseEntry } from './cache.js';
import type { Dependencies, JobResult } from './types.js';

const deps: Dependencies = { finds: [['m', 'none']], facts: [], listings: [] };

function ok(code: string, source: string, sourcesContent: string[] | undefined = [source]): JobResult {
  return {
    ok: true,
    output: {
      code,
      map: { version: 3, names: ['x'], sources: ['m.py'], ...(sourcesContent === undefined ? {} : { sourcesContent }), mappings: 'AAAA;AACA', file: undefined },
      declarations: null,
      imports: [],
      deps,
      warnings: [],
    },
  };
}

/** The entry as written and read back, through JSON as the file holds it. */
function roundTrip(result: JobResult, source: () => string | null): JobResult | null {
  return parseEntry(entryText(result).join(''), source);
}

describe('cache entries', () => {
  it('give back the result, the source text taken from the source, the keys in their order', () => {
    const source = 'x = "é→"\n';
    const result = ok('const x = "é→";\n"quoted \\"\\n"', source);
    const back = roundTrip(result, () => source);
    expect(back).toEqual(JSON.parse(JSON.stringify(result)));
    expect(JSON.stringify(back)).toBe(JSON.stringify(result));
  });

  it('do not hold the source text', () => {
    const text = entryText(ok('x;', 'a_distinctive_source_text'));
    expect(text.join('')).not.toContain('a_distinctive_source_text');
  });

  it('are a miss when the source text is not there or not of its length, or the entry is cut short', () => {
    const result = ok('x;', 'abc');
    expect(roundTrip(result, () => null)).toBeNull();
    expect(roundTrip(result, () => 'abcd')).toBeNull();
    const text = entryText(result).join('');
    expect(parseEntry(text.slice(0, -1), () => 'abc')).toBeNull();
  });

  it('keep a map without its source text, and a failure, as they are', () => {
    const noContent = ok('x;', 'abc', undefined);
    expect(JSON.stringify(roundTrip(noContent, () => 'abc'))).toBe(JSON.stringify(noContent));
    const failure: JobResult = { ok: false, diagnostic: { file: 'm.py', line: 1, column: 1, kind: 'SyntaxError', message: 'invalid syntax', snippet: '    x\n    ^\n' }, deps };
    expect(roundTrip(failure, () => null)).toEqual(failure);
  });
});
