import { describe, expect, it } from 'vitest';
import { dictTableSize, intDigits, intSize, setTableSize, strSize } from './sizes.js';

// The expected figures are CPython 3.11's (64-bit) answers for the same values.
describe('__sizeof__ formulas', () => {
  it('counts an int in 30-bit digits, at least one', () => {
    expect([0, 5, -5, 2 ** 30, 2 ** 60].map((n) => intSize(n))).toEqual([28, 28, 28, 32, 36]);
    expect(intSize(10n ** 100n)).toBe(72);
    expect(intSize(true)).toBe(28);
    expect([intDigits(0), intDigits(false), intDigits(2 ** 30 - 1), intDigits(2 ** 30)]).toEqual([0, 0, 1, 2]);
  });

  it('sizes a str by its widest character', () => {
    expect(['', 'abc', 'é', '€uro', '😀'].map(strSize)).toEqual([49, 52, 74, 82, 80]);
  });

  it('sizes a dict grown by insertion', () => {
    // {} shares its keys; then 8, 16, 32, 64 slots as the usable ones run out.
    const int = [0, 1, 5, 6, 10, 11, 21, 22, 42, 43, 80].map((n) => 48 + dictTableSize(n, false));
    expect(int).toEqual([48, 208, 208, 336, 336, 616, 616, 1152, 1152, 2248, 2248]);
    const str = [1, 5, 6, 10, 30].map((n) => 48 + dictTableSize(n, true));
    expect(str).toEqual([168, 168, 256, 256, 816]);
  });

  it('sizes a set grown by insertion', () => {
    expect([0, 4, 5, 18, 19, 39, 43, 80].map((n) => 200 + setTableSize(n))).toEqual([200, 200, 712, 712, 2248, 2248, 2248, 8392]);
  });
});
