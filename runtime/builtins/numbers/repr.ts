/**
 * repr() and str() of ints, bools, floats and complex numbers, as CPython
 * prints them; registered as the repr dispatcher's number hook at load.
 */
import { PyComplex, PyFloat, isIntNumber } from '../values.js';
import { ValueError } from '../exceptions.js';
import { reprHooks } from '../repr.js';
import { formatFloatShort } from './digits.js';

/** CPython's default sys.get_int_max_str_digits(). */
export const INT_MAX_STR_DIGITS = 4300;

/** sys.get_int_max_str_digits()/set_int_max_str_digits(): 0 is no limit. */
export const intDigits = { limit: INT_MAX_STR_DIGITS };
let strDigitsLimit: { digits: number; bound: bigint } | undefined;

/** str(int) in base 10, with CPython's limit on the number of digits. */
export function intToString(v: number | bigint): string {
  if (typeof v === 'number') return String(v);
  const digits = intDigits.limit;
  if (digits > 0) {
    if (strDigitsLimit?.digits !== digits) strDigitsLimit = { digits, bound: 10n ** BigInt(digits) };
    if (v >= strDigitsLimit.bound || -v >= strDigitsLimit.bound) {
      throw new ValueError(
        `Exceeds the limit (${digits} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`,
      );
    }
  }
  return v.toString();
}

/** repr(float): shortest round-trip digits, exponent outside [1e-4, 1e16), '.0' on integral values. */
export function reprFloat(x: number): string {
  const ax = x < 0 ? -x : x;
  if (ax >= 1e-4 && ax < 1e16) {
    // JS prints this range positionally too, with the same shortest digits.
    const s = String(x);
    return Number.isInteger(x) ? s + '.0' : s;
  }
  return formatFloatShort(x, 'r', 0, false, true, false, false, false);
}

/** repr() of an int, bool or float. */
export function reprNumber(v: number | bigint | boolean | PyFloat): string {
  // A float's true value: `+ 0` turns the -0 of 0.0 into +0 (values.ts).
  if (typeof v === 'number') return isIntNumber(v) ? String(v) : reprFloat(v + 0);
  if (typeof v === 'bigint') return intToString(v);
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  return reprFloat(v.value);
}

/** repr(complex): `(1+2j)`, or `2j` when the real part is +0.0. */
export function reprComplex(c: PyComplex): string {
  const { real, imag } = c;
  if (real === 0 && 1 / real > 0) return formatFloatShort(imag, 'r', 0, false, false, false, false, false) + 'j';
  return (
    '(' +
    formatFloatShort(real, 'r', 0, false, false, false, false, false) +
    formatFloatShort(imag, 'r', 0, true, false, false, false, false) +
    'j)'
  );
}

reprHooks.number = reprNumber;
reprHooks.complex = reprComplex;
