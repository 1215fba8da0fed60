/**
 * Python's NotImplemented: what a binary operation on one type returns when
 * it does not handle the other operand, so that the generic operator
 * dispatch can try the reflected operation before raising
 * `unsupported operand type(s)`.
 */
import { TypeError } from './exceptions.js';
import { typeName } from './values.js';

export class NotImplementedType {
  /** Python's name for the class, as `type(NotImplemented).__name__`. */
  static readonly __name__ = 'NotImplementedType';
  static readonly __module__ = 'builtins';

  __repr__(): string {
    return 'NotImplemented';
  }
}

/** The singleton: compare with `===`. */
export const NotImplemented: NotImplementedType = /*#__PURE__*/ Object.freeze(new NotImplementedType());

/**
 * CPython's TypeError for an operator no operand supports:
 * `unsupported operand type(s) for +: 'int' and 'str'`. With a third operand
 * (three-argument pow) the types are listed with commas, as CPython does.
 */
export function unsupported(op: string, a: unknown, b: unknown, ...rest: [unknown?]): TypeError {
  if (rest.length === 0) {
    return new TypeError(`unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'`);
  }
  return new TypeError(`unsupported operand type(s) for ${op}: '${typeName(a)}', '${typeName(b)}', '${typeName(rest[0])}'`);
}
