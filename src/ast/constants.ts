/**
 * Python constant values as they appear in `ast.Constant.value` and
 * `ast.MatchSingleton.value`. Each JS shape stands for one Python type, so
 * that `dump` (and later the compiler) can tell `1` from `1.0`:
 * None → null, bool → boolean, int → bigint, float → number, str → string,
 * bytes → PyBytes, complex → PyComplex, Ellipsis → PyEllipsis.
 * str is also PyStrCodePoints in the one case a JS string cannot hold.
 */
export class PyBytes {
  constructor(readonly bytes: Uint8Array) {}
}

/**
 * A str that holds a high surrogate directly followed by a low surrogate as
 * two separate code points (from escapes: `'\ud800\udc02'`, or
 * `'\ud800' '\udc02'`). A JS string cannot represent it: its two UTF-16
 * units would read as the one astral character U+10002. Only built when
 * such a pair occurs; every other str, lone surrogates included, is a plain
 * JS string. `codePoints` are the str's code points (ints up to 0x10FFFF).
 */
export class PyStrCodePoints {
  constructor(readonly codePoints: readonly number[]) {}
}

export class PyComplex {
  constructor(readonly real: number, readonly imag: number) {}
}

export class PyEllipsis {
  static readonly instance = new PyEllipsis();
  private constructor() {}
}

export const Ellipsis = PyEllipsis.instance;

export type PyConstant = null | boolean | bigint | number | string | PyStrCodePoints | PyBytes | PyComplex | PyEllipsis;
