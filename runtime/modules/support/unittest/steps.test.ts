/**
 * The step driver behind TestCase.run: synchronous parts keep the whole run
 * synchronous; the first Promise makes the rest asynchronous, with a
 * rejection thrown back at the generator's `yield` so its handlers and
 * finally blocks run in order.
 */
import { describe, expect, it } from 'vitest';
import '../../../index.js';
import { drive, type Steps } from './steps.js';
import { commonShortenRepr, countDifferences } from './util.js';

function* parts(log: string[], values: unknown[]): Steps<string> {
  try {
    for (const v of values) {
      try {
        log.push(`got ${String(yield v)}`);
      } catch (e) {
        log.push(`caught ${(e as Error).message}`);
      }
    }
    return 'done';
  } finally {
    log.push('finally');
  }
}

describe('drive', () => {
  it('runs synchronous steps synchronously', () => {
    const log: string[] = [];
    expect(drive(parts(log, [1, 2]))).toBe('done');
    expect(log).toEqual(['got 1', 'got 2', 'finally']);
  });

  it('turns asynchronous at the first Promise and throws rejections back in', async () => {
    const log: string[] = [];
    const out = drive(parts(log, [1, Promise.resolve(2), Promise.reject(new Error('no')), 4]));
    expect(out).toBeInstanceOf(Promise);
    expect(log).toEqual(['got 1']);
    expect(await out).toBe('done');
    expect(log).toEqual(['got 1', 'got 2', 'caught no', 'got 4', 'finally']);
  });
});

describe('unittest.util', () => {
  it('shortens two long reprs around their common prefix as CPython does', () => {
    // python3 -c "import unittest.util as u; print(u._common_shorten_repr('x'*100, 'x'*99+'y'))"
    expect(commonShortenRepr('x'.repeat(100), 'x'.repeat(99) + 'y')).toEqual([
      `'xxxx[34 chars]${'x'.repeat(62)}'`,
      `'xxxx[34 chars]${'x'.repeat(61)}y'`,
    ]);
    expect(commonShortenRepr(1, 2)).toEqual(['1', '2']);
  });

  it('counts differing elements in first-seen order', () => {
    expect(countDifferences([1, 2, 2, 3], [2, 1, 1])).toEqual([[1, 2, 1], [2, 1, 2], [1, 0, 3]]);
  });
});
