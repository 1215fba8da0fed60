/**
 * The AST's lists at their exact length. An array that grows by push has
 * room for 17 elements from its first one (V8 grows a backing store to
 * 1.5 × its length + 16), and its store is allocated apart from the array,
 * young, whatever the array's allocation site: the tree's lists live
 * through the check and the transform, so each young collection meanwhile
 * copies that slack and then promotes it. Most lists hold one to three
 * elements (a call's arguments, a block's statements, a comparison's
 * operators); the parser builds them by push and hands the tree a copy of
 * the right size, the pushed array dying young (an empty one too: the
 * pushed array's literal `[]` would otherwise be kept whenever it stays
 * empty, and its allocation site judged long-lived).
 */
export function exact<T>(list: T[]): T[] {
  // slice(), not an array literal (`[list[0]]`): V8 tracks an allocation
  // site per literal and, as nearly all the tree's lists outlive a young
  // collection, allocates a literal's arrays in the old generation, where
  // they die unnoticed until a major collection and, pointing at young
  // nodes, keep those alive through every young collection meanwhile. A
  // builtin's copy has no allocation site: it is young and exactly sized.
  // Long lists are copied too: kept, their literal's arrays would outlive
  // young collections often enough for V8 to pretenure that literal's site.
  return list.slice();
}

const NONE: never[] = [];

/**
 * A fresh empty list for the tree (an `else`-less statement's `orelse`, an
 * undecorated `def`'s decorators): a copy of one empty array, for the
 * reason `exact` copies. Such a literal `[]` mostly outlives a young
 * collection, and V8 then allocates all of its arrays in the old generation.
 */
export function empty<T>(): T[] {
  return NONE.slice();
}
