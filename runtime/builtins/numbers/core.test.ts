import { describe, expect, it } from 'vitest';
import { safeIntMod } from './core.js';
import { mod } from '../operators.js';
import { modInt } from '../literalOperators.js';

/** Python's x % c, computed on bigints. */
function exact(x: number, c: number): number {
  const m = BigInt(x) % BigInt(c);
  return Number(m < 0n ? m + BigInt(c) : m);
}

describe('safeIntMod', () => {
  const divisors = [1, 2, 3, 7, 1000, 65536, 2147483647, 2147483646, 1234567891];
  const xs = [
    0, 1, -1, 2147483648, -2147483649, 48271 * 2147483646, -48271 * 2147483646, 2 ** 52 - 1, -(2 ** 52) + 1, 2 ** 52, -(2 ** 52),
    2 ** 53 - 1, -(2 ** 53) + 1, 2 ** 53 - 2, 4503599627370495 - 2147483647, 999999999999999, -999999999999999,
  ];
  it('agrees with exact arithmetic at the boundaries', () => {
    for (const c of divisors) {
      for (const x of xs) {
        for (const d of [-2, -1, 0, 1, 2]) {
          const v = x + d;
          if (!Number.isSafeInteger(v)) continue;
          // Multiples of c and their neighbours, where floor(x / c) may round up.
          for (const y of [v, Math.trunc(v / c) * c, Math.trunc(v / c) * c - 1, Math.trunc(v / c) * c + 1]) {
            if (!Number.isSafeInteger(y)) continue;
            expect(safeIntMod(y, c), `${y} % ${c}`).toBe(exact(y, c));
          }
        }
      }
    }
  });

  it('agrees with exact arithmetic on pseudo-random safe ints', () => {
    let s = 12345;
    for (let i = 0; i < 20000; i++) {
      s = (s * 48271) % 2147483647;
      const x = (s * 4194304 + (s % 4194304)) * (s % 2 === 0 ? 1 : -1);
      const c = (s % 2147483646) + 1;
      expect(safeIntMod(x, c), `${x} % ${c}`).toBe(exact(x, c));
    }
  });

  it('gives the int 0, never -0', () => {
    expect(Object.is(safeIntMod(-6 * 2 ** 40, 3), 0)).toBe(true);
    expect(Object.is(modInt(-6 * 2 ** 40, 3), 0)).toBe(true);
    expect(Object.is(mod(-(2 ** 53) + 1, 1), 0)).toBe(true);
  });

  it('is what % and modInt give for ints beyond the int32 range', () => {
    expect(mod(198759751 * 48271, 2147483647)).toBe(exact(198759751 * 48271, 2147483647));
    expect(modInt(-(2 ** 45) - 3, 10)).toBe(exact(-(2 ** 45) - 3, 10));
  });
});
