/**
 * What compiled code imports: `import { print, add as $add, … } from 'pyasync/runtime'`.
 * Builtins under their Python names; the helpers compiled code calls for
 * operators, subscripts, attributes, calls and control flow; the value
 * classes. The value model is described in runtime/README.md.
 */
export * from './builtins/exceptions.js';
export * from './builtins/functions.js';
export { PyFloat, PyTuple, PyBytes, PyComplex, typeName } from './builtins/values.js';
export {
  add, sub, mul, truediv, floordiv, mod, power, matmul, lshift, rshift, and_, or_, xor,
  iadd, isub, imul, itruediv, ifloordiv, imod, ipow, imatmul, ilshift, irshift, iand, ior, ixor,
  neg, pos, invert, eq, ne, lt, le, gt, ge, in_, notIn,
} from './builtins/operators.js';
export { truthy, not, is, isNot } from './builtins/truth.js';
export { getitem, setitem, delitem, slice, PySlice } from './builtins/items.js';
export { callMethod, callMethodKw } from './builtins/attributes.js';
export { call, def } from './builtins/calls.js';
export { raise, exceptionMatches, toPython, noActiveException } from './builtins/errors.js';
export { iterate, unpack, unpackStar, tupleOf, tupleFrom } from './builtins/iteration.js';
export { dictOf, dictItems, kwargs, setOf, setAdd, dictSet } from './builtins/displays.js';
export { moduleName } from './program/moduleName.js';
export { PyDict } from './builtins/dict.js';
export { PySet, PyFrozenSet } from './builtins/set.js';
export { NotImplemented } from './builtins/notImplemented.js';
