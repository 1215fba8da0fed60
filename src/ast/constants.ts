/**
 * Python constant values as they appear in `ast.Constant.value` and
 * `ast.MatchSingleton.value`. Each Python type has exactly one JS shape so
 * that `dump` (and later the compiler) can tell `1` from `1.0`:
 * None → null, bool → boolean, int → bigint, float → number, str → string,
 * bytes → PyBytes, complex → PyComplex, Ellipsis → PyEllipsis.
 */
export class PyBytes {
  constructor(readonly bytes: Uint8Array) {}
}

export class PyComplex {
  constructor(readonly real: number, readonly imag: number) {}
}

export class PyEllipsis {
  static readonly instance = new PyEllipsis();
  private constructor() {}
}

export const Ellipsis = PyEllipsis.instance;

export type PyConstant = null | boolean | bigint | number | string | PyBytes | PyComplex | PyEllipsis;
