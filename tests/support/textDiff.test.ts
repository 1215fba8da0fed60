import { describe, expect, it } from 'vitest';
import { firstDifference } from './textDiff.js';

describe('firstDifference', () => {
  it('points at the first differing line with context from both sides', () => {
    const report = firstDifference('a\nb\nc\nd', 'a\nb\nX\nd', 1);
    expect(report).toBe(
      'first difference at dump line 3:\n' +
        '  cpython      2| b\n> cpython      3| c\n  cpython      4| d\n' +
        '  ours         2| b\n> ours         3| X\n  ours         4| d',
    );
  });

  it('reports a missing tail and equal texts', () => {
    expect(firstDifference('a\nb', 'a', 0)).toBe('first difference at dump line 2:\n> cpython      2| b\n');
    expect(firstDifference('a', 'a')).toBe('no difference');
  });
});
