/** Comparisons for total_ordering's derived methods. */
import { eq as pyEq, ne as pyNe } from '../../../builtins/operators.js';
import { truthy } from '../../../builtins/truth.js';
import { invokeMethod } from '../../../builtins/special.js';

export function eq(a: unknown, b: unknown): boolean {
  return truthy(pyEq(a, b));
}

export function ne(a: unknown, b: unknown): boolean {
  return truthy(pyNe(a, b));
}

/** Calls the class's root comparison method as `type(self).__lt__(self, other)`. */
export function compareOp(fn: unknown, a: unknown, b: unknown): unknown {
  return invokeMethod(fn, a, [b]);
}
