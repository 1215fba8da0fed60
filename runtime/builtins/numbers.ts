/**
 * Python's int, bool and float (and the number side of complex): the
 * operators, comparisons, hash, conversions, round, repr and format, with
 * CPython 3.11's results and error messages. The value model is in
 * runtime/README.md: int is a JS number in the safe range or a bigint beyond
 * it, bool a boolean, float a non-integral JS number or a PyFloat box.
 *
 * Binary operators return NotImplemented when an operand is not a number,
 * for the generic dispatch (operators.ts) to go on. Importing this module
 * registers repr's and format's number hooks.
 */
export { isNumber, truthy, toJsNumber, type PyInt, type PyNumber, type PyNumberResult } from './numbers/core.js';
export { isFloat, isInt } from './values.js';
export { add, sub, mul, truediv, floordiv, mod, divmod, neg, pos, abs } from './numbers/arith.js';
export { pow, numberPow } from './numbers/pow.js';
export { and_, or_, xor, invert, lshift, rshift } from './numbers/bits.js';
export { eq, ne, lt, le, gt, ge } from './numbers/compare.js';
export { hashNumber } from './numbers/hash.js';
export { int, float } from './numbers/convert.js';
export { round } from './numbers/round.js';
export { reprNumber, reprFloat, reprComplex, intToString } from './numbers/repr.js';
export { formatNumber } from './numbers/format.js';
