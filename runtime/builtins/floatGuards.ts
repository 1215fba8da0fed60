/**
 * What the compiler's float fast path (src/transform/floatPaths.ts) calls:
 * `dx = x1 - x2` compiles to
 *
 *     dx = typeof x1 === "number" && !$isInteger(x1) && typeof x2 === "number" && !$isInteger(x2)
 *       ? $isInteger($1 = x1 - x2) ? $boxFloat($1) : $1
 *       : $sub(x1, x2);
 *
 * Number.isInteger itself, under a name no Python global can shadow: it is a
 * builtin TurboFan compiles to a machine check, so a hot function may hold
 * any number of these without spending its inlining budget, which its
 * remaining runtime calls (list items, unpacking) need.
 */
export const isInteger: (x: unknown) => boolean = Number.isInteger;

/**
 * Object.is, for the int path's int32 test `typeof i === "number" && (i |
 * 0) === i && !$sameValue(i, -0)`: -0 is the float 0.0 (values.ts), which
 * `(i | 0) === i` alone takes for an int. With the constant -0 TurboFan
 * compiles it to a minus-zero check of the value (false for a Smi).
 */
export const sameValue: (a: unknown, b: unknown) => boolean = Object.is;

/** An integral float result's representation (0.0 is -0, the rest boxed): values.ts's `float`. */
export { float as boxFloat } from './values.js';

/**
 * Math.floor, for the int fast path's floor divisions by a literal
 * (`n * (n + 1) // 2 + 1`), under a name no Python global can shadow.
 */
export const floor: (x: number) => number = Math.floor;
