/**
 * Ring buffers of a power-of-two capacity that only grows: the loop's ready
 * queue and a plain Queue's items. An array emptied from the front would
 * get its storage trimmed by V8, then regrown, on every refill.
 */

/** A ring of twice `old`'s capacity holding its `count` items from `head` on, now from index 0. */
export function grownRing<T>(old: readonly (T | undefined)[], head: number, count: number): (T | undefined)[] {
  const ring = new Array<T | undefined>(old.length * 2).fill(undefined);
  for (let i = 0; i < count; i++) ring[i] = old[(head + i) & (old.length - 1)];
  return ring;
}
