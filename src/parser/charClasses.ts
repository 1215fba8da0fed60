/**
 * Character classes the tokenizer needs, with an ASCII table for the hot
 * path and Unicode property tests for the rare non-ASCII characters.
 */

/** Bit flags per ASCII code unit. */
export const IDENT_START = 1;
export const IDENT_CHAR = 2;
export const HEX_DIGIT = 4;

export const ASCII_CLASS: Uint8Array = (() => {
  const t = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
    const digit = c >= 48 && c <= 57;
    if (letter) t[c]! |= IDENT_START | IDENT_CHAR;
    if (digit) t[c]! |= IDENT_CHAR | HEX_DIGIT;
    if ((c >= 97 && c <= 102) || (c >= 65 && c <= 70)) t[c]! |= HEX_DIGIT;
  }
  return t;
})();

const XID_START = /^\p{XID_Start}$/u;
const XID_CONTINUE = /^\p{XID_Continue}$/u;
/** Py_UNICODE_ISPRINTABLE: everything except categories C* and Z* (but space). */
const NON_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;

export function isXidStart(ch: string): boolean {
  return ch === '_' || XID_START.test(ch);
}

export function isXidContinue(ch: string): boolean {
  return XID_CONTINUE.test(ch);
}

export function isPrintable(ch: string): boolean {
  return ch === ' ' || !NON_PRINTABLE.test(ch);
}

/** 'U+20AC' style hex as CPython formats it (%04X). */
export function codePointHex(cp: number): string {
  return cp.toString(16).toUpperCase().padStart(4, '0');
}
