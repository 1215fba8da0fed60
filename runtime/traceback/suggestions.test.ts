import { describe, expect, it } from 'vitest';
import { closestName, levenshtein } from './suggestions.js';

describe('suggestions', () => {
  it('weighs moves at 2 and case changes at 1, as suggestions.c', () => {
    expect(levenshtein('abc', 'abc', 10)).toBe(0);
    expect(levenshtein('abc', 'Abc', 10)).toBe(1);
    expect(levenshtein('abc', 'abd', 10)).toBe(2);
    expect(levenshtein('abc', 'ab', 10)).toBe(2);
    // Over the limit: max_cost + 1.
    expect(levenshtein('abcdef', 'uvwxyz', 3)).toBe(4);
  });

  it('takes the first closest name within a third of the characters', () => {
    expect(closestName(['deposit', 'balance'], 'balanse')).toBe('balance');
    expect(closestName(['floor', 'sqrt'], 'sqr')).toBe('sqrt');
    expect(closestName(['alpha', 'beta'], 'zzz')).toBeNull();
    // The name itself is no suggestion; equally close names: the first.
    expect(closestName(['x', 'ab', 'ac'], 'aa')).toBe('ab');
    expect(closestName(['aa'], 'aa')).toBeNull();
  });

  it('gives up on long candidate lists, as CPython does from 750 names', () => {
    const many = Array.from({ length: 750 }, (_, i) => `name${i}`);
    expect(closestName(many, 'name1x')).toBeNull();
  });
});
