/** Sorting test names with a Python cmp function (TestLoader.sortTestMethodsUsing). */
import { call } from '../../../builtins/calls.js';

export function cmpToKeySort(names: string[], cmp: unknown): string[] {
  if (cmp === null) return names;
  // Array.prototype.sort is stable, as Python's sort.
  return [...names].sort((a, b) => Number(call(cmp, [a, b], null)));
}
