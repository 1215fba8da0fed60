import { describe, expect, it } from 'vitest';
import * as t from '@babel/types';
import { quoted } from './quoted.js';
import { printStatement } from '../codegen.js';

/** The literal as the printer prints it: with `quoted`'s raw text, and with jsesc (no raw text). */
function printedBothWays(value: string): [string, string] {
  const withRaw = quoted(value);
  expect(withRaw.extra?.raw).toBeDefined();
  return [printStatement(t.expressionStatement(withRaw)), printStatement(t.expressionStatement(t.stringLiteral(value)))];
}

describe('quoted', () => {
  it('escapes every code unit as jsesc does', () => {
    const units: string[] = [];
    for (let c = 0; c <= 0xffff; c++) units.push(String.fromCharCode(c), 'a');
    const [ours, jsesc] = printedBothWays(units.join(''));
    expect(ours).toBe(jsesc);
  });

  it.each([
    ['NUL before a digit', '\x001'],
    ['NUL at the end', 'a\x00'],
    ['NUL before a letter', '\x00a'],
    ['a surrogate pair', 'x\u{1F600}y'],
    ['lone surrogates', '\uD83D|\uDE00'],
    ['quotes and backslashes', `'"\\\``],
    ['line separators', '\u2028\u2029\u0085'],
    ['DEL and vertical tab', '\x7f\x0b'],
    ['a script tag', '</script><!--'],
    ['letter escapes, quotes and backslashes alone (written by JSON.stringify)', 'a\nb\tc\r\b\f"d"\\e\n'],
  ])('%s', (_name, value) => {
    const [ours, jsesc] = printedBothWays(value);
    expect(ours).toBe(jsesc);
  });
});
