import { describe, expect, it } from 'vitest';
import { grownRing } from './ring.js';

describe('grownRing', () => {
  it('keeps the items in order when they wrap around the end', () => {
    // Capacity 4, head at 2: the items are c, d, then a, b after the wrap.
    const ring = grownRing(['a', 'b', 'c', 'd'], 2, 4);
    expect(ring).toEqual(['c', 'd', 'a', 'b', undefined, undefined, undefined, undefined]);
  });

  it('copies only the live items', () => {
    expect(grownRing([undefined, 'x', 'y', undefined], 1, 2)).toEqual(['x', 'y', undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('grows a full ring, wrapped or not, to twice its capacity', () => {
    expect(grownRing(['a', 'b', 'c', 'd'], 0, 4)).toEqual(['a', 'b', 'c', 'd', undefined, undefined, undefined, undefined]);
    expect(grownRing(['a', 'b', 'c', 'd'], 3, 4)).toEqual(['d', 'a', 'b', 'c', undefined, undefined, undefined, undefined]);
  });
});
