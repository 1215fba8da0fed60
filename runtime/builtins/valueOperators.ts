/**
 * The operators on plain values, for an instance of a subclass of int,
 * float, str or bytes whose class defines no method of its own (dunders.ts
 * falls back to them). Filled by operators.ts and functions.ts; a module
 * of its own, importing nothing, so that it exists whichever of them a
 * module cycle evaluates first.
 */
export const valueOperators: {
  /** By the operator as binaryOp names it (`'+'`, `'divmod()'`). */
  binary: Record<string, (a: unknown, b: unknown) => unknown>;
  /**
   * The number types' own operators (numbers.ts's), NotImplemented for an
   * operand that is no number: what `1.5 + x` does before x's `__radd__`
   * when x's class derives from int but not from float.
   */
  numeric: Record<string, (a: unknown, b: unknown) => unknown>;
  /** By the special method's name (`'__neg__'`). */
  unary: Record<string, (a: unknown) => unknown>;
} = { binary: {}, numeric: {}, unary: {} };
