/**
 * `for k, v in x.items()` as compiled loops and comprehensions walk it: each
 * item as a [k, v] array the loop unpacks at once. An exact dict's items
 * view hands out one reused array (no tuple per item); anything else is
 * iterated and unpacked as the general loop would, with its errors.
 */
import { dictItemPairs } from './dict.js';
import { iterate, unpack } from './iteration.js';

export function itemPairs(items: unknown): Iterable<readonly unknown[]> {
  return dictItemPairs(items) ?? unpackedPairs(iterate(items));
}

function* unpackedPairs(items: Iterable<unknown>): Generator<readonly unknown[]> {
  for (const item of items) yield unpack(item, 2);
}
