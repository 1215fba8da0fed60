/** NUMBER tokens to Python values: int → bigint, float → number, imaginary → PyComplex. */
import { PyComplex } from '../ast/constants.js';
import type { Token } from './tokens.js';
import type { Parser } from './state.js';

/** CPython refuses decimal int literals longer than sys.int_info.default_max_str_digits. */
const MAX_STR_DIGITS = 4300;

export function parseNumber(p: Parser, t: Token): bigint | number | PyComplex {
  let text = t.value;
  if (text.indexOf('_') >= 0) text = text.replace(/_/g, '');
  const last = text.charCodeAt(text.length - 1);
  if (last === 106 || last === 74) return new PyComplex(0, Number(text.slice(0, -1)));
  const c0 = text.charCodeAt(0);
  if (c0 === 48 && text.length > 1) {
    const c1 = text.charCodeAt(1) | 0x20;
    if (c1 === 120 || c1 === 111 || c1 === 98) return BigInt(text.slice(0, 2).toLowerCase() + text.slice(2));
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 101 || c === 69) return Number(text);
  }
  if (text.length > MAX_STR_DIGITS) {
    p.raiseAtToken(
      `Exceeds the limit (${MAX_STR_DIGITS} digits) for integer string conversion: value has ${text.length} digits; ` +
        'use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.',
      t,
    );
  }
  if (text.length < 16) return BigInt(Number(text));
  return BigInt(text);
}
