/**
 * Ring buffers of a power-of-two capacity that only grows: the loop's ready
 * queue and a plain Queue's items. An array emptied from the front would
 * get its storage trimmed by V8, then regrown, on every refill.
 */

/** A ring of twice `old`'s capacity holding its `count` items from `head` on, now from index 0. */
export function grownRing<T>(old: readonly (T | undefined)[], head: number, count: number): (T | undefined)[] {
  const n = old.length;
  if (count === n) {
    // Full (every caller grows a full ring): copied by the array builtins, not by a loop that a cold run interprets
    // (the ready queue of 10,000 new tasks doubles eight times in a row).
    const free = new Array<T | undefined>(n).fill(undefined);
    return head === 0 ? old.concat(free) : old.slice(head).concat(old.slice(0, head), free);
  }
  const ring = new Array<T | undefined>(n * 2).fill(undefined);
  for (let i = 0; i < count; i++) ring[i] = old[(head + i) & (n - 1)];
  return ring;
}
