/**
 * The conditions an operation may raise (the spec's "exceptional
 * conditions", as bits of a status word) and the signals they map to. Four
 * conditions are kinds of InvalidOperation: CPython reports them by their
 * own class names in a trapped exception's message.
 */

export const CONVERSION_SYNTAX = 1 << 0;
export const DIVISION_IMPOSSIBLE = 1 << 1;
export const DIVISION_UNDEFINED = 1 << 2;
export const INVALID_CONTEXT = 1 << 3;
export const INVALID_OPERATION = 1 << 4;
export const FLOAT_OPERATION = 1 << 5;
export const DIVISION_BY_ZERO = 1 << 6;
export const OVERFLOW = 1 << 7;
export const UNDERFLOW = 1 << 8;
export const SUBNORMAL = 1 << 9;
export const INEXACT = 1 << 10;
export const ROUNDED = 1 << 11;
export const CLAMPED = 1 << 12;

/** Every condition that is an InvalidOperation signal. */
export const INVALID_ANY = CONVERSION_SYNTAX | DIVISION_IMPOSSIBLE | DIVISION_UNDEFINED | INVALID_CONTEXT | INVALID_OPERATION;

/** The signals, in the order CPython lists a context's flags and picks the class of a trapped exception. */
export const SIGNALS: readonly { name: string; mask: number }[] = [
  { name: 'InvalidOperation', mask: INVALID_ANY },
  { name: 'FloatOperation', mask: FLOAT_OPERATION },
  { name: 'DivisionByZero', mask: DIVISION_BY_ZERO },
  { name: 'Overflow', mask: OVERFLOW },
  { name: 'Underflow', mask: UNDERFLOW },
  { name: 'Subnormal', mask: SUBNORMAL },
  { name: 'Inexact', mask: INEXACT },
  { name: 'Rounded', mask: ROUNDED },
  { name: 'Clamped', mask: CLAMPED },
];

/** The conditions, in the order a trapped exception's message lists them. */
export const CONDITIONS: readonly { name: string; bit: number }[] = [
  { name: 'InvalidOperation', bit: INVALID_OPERATION },
  { name: 'ConversionSyntax', bit: CONVERSION_SYNTAX },
  { name: 'DivisionImpossible', bit: DIVISION_IMPOSSIBLE },
  { name: 'DivisionUndefined', bit: DIVISION_UNDEFINED },
  { name: 'InvalidContext', bit: INVALID_CONTEXT },
  { name: 'FloatOperation', bit: FLOAT_OPERATION },
  { name: 'DivisionByZero', bit: DIVISION_BY_ZERO },
  { name: 'Overflow', bit: OVERFLOW },
  { name: 'Underflow', bit: UNDERFLOW },
  { name: 'Subnormal', bit: SUBNORMAL },
  { name: 'Inexact', bit: INEXACT },
  { name: 'Rounded', bit: ROUNDED },
  { name: 'Clamped', bit: CLAMPED },
];

export const ROUND_UP = 'ROUND_UP';
export const ROUND_DOWN = 'ROUND_DOWN';
export const ROUND_CEILING = 'ROUND_CEILING';
export const ROUND_FLOOR = 'ROUND_FLOOR';
export const ROUND_HALF_UP = 'ROUND_HALF_UP';
export const ROUND_HALF_DOWN = 'ROUND_HALF_DOWN';
export const ROUND_HALF_EVEN = 'ROUND_HALF_EVEN';
export const ROUND_05UP = 'ROUND_05UP';
export const ROUNDINGS = [ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP] as const;
export type Rounding = (typeof ROUNDINGS)[number];

/**
 * What arithmetic needs of a context; `status` collects the conditions of
 * the operation in progress (the caller turns them into flags and traps).
 */
export interface Ctx {
  prec: number;
  rounding: Rounding;
  emin: number;
  emax: number;
  clamp: number;
  status: number;
}

export const etiny = (c: Ctx): number => c.emin - c.prec + 1;
export const etop = (c: Ctx): number => c.emax - c.prec + 1;
