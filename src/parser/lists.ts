/**
 * The AST's lists at their exact length. An array that grows by push has
 * room for 17 elements from its first one (V8 grows a backing store to
 * 1.5 × its length + 16), and its store is allocated apart from the array,
 * young, whatever the array's allocation site: the tree's lists live
 * through the check and the transform, so each young collection meanwhile
 * copies that slack and then promotes it. Most lists hold one to three
 * elements (a call's arguments, a block's statements, a comparison's
 * operators); the parser builds them by push and hands the tree a copy of
 * the right size, the pushed array dying young.
 */
export function exact<T>(list: T[]): T[] {
  switch (list.length) {
    case 0:
      // `[]` has no store of its own.
      return list;
    case 1:
      return [list[0]!];
    case 2:
      return [list[0]!, list[1]!];
    case 3:
      return [list[0]!, list[1]!, list[2]!];
    default:
      // Past 16 elements the slack is at most a third of the store.
      return list.length <= 16 ? list.slice() : list;
  }
}
