/** The `str.is…()` methods, by code point with Python 3.11's character data. */
import { noArgs } from './args.js';
import { isAscii } from './core.js';
import {
  isAlnumCp,
  isAlphaCp,
  isDecimalCp,
  isDigitCp,
  isLowerCp,
  isNumericCp,
  isPrintableCp,
  isSpaceCp,
  isTitleCp,
  isUpperCp,
  isXidContinueCp,
  isXidStartCp,
} from './chars.js';

/** The code point at unit `i` (a lone surrogate is its own code point). */
function cpAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff ? s.codePointAt(i)! : c;
}


/** Whether every code point satisfies `pred` (true for ''). */
function every(s: string, pred: (c: number) => boolean): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = cpAt(s, i);
    if (!pred(c)) return false;
    if (c > 0xffff) i++;
  }
  return true;
}

export function str_isdigit(s: string): boolean {
  if (arguments.length > 1) noArgs('str.isdigit', arguments.length - 1);
  if (isAscii(s)) return /^[0-9]+$/.test(s);
  return s.length > 0 && every(s, isDigitCp);
}

export function str_isdecimal(s: string): boolean {
  if (arguments.length > 1) noArgs('str.isdecimal', arguments.length - 1);
  if (isAscii(s)) return /^[0-9]+$/.test(s);
  return s.length > 0 && every(s, isDecimalCp);
}

export function str_isnumeric(s: string): boolean {
  if (arguments.length > 1) noArgs('str.isnumeric', arguments.length - 1);
  if (isAscii(s)) return /^[0-9]+$/.test(s);
  return s.length > 0 && every(s, isNumericCp);
}

export function str_isalpha(s: string): boolean {
  if (arguments.length > 1) noArgs('str.isalpha', arguments.length - 1);
  if (isAscii(s)) return /^[A-Za-z]+$/.test(s);
  return s.length > 0 && every(s, isAlphaCp);
}

export function str_isalnum(s: string): boolean {
  if (arguments.length > 1) noArgs('str.isalnum', arguments.length - 1);
  if (isAscii(s)) return /^[A-Za-z0-9]+$/.test(s);
  return s.length > 0 && every(s, isAlnumCp);
}

export function str_isspace(s: string): boolean {
  if (arguments.length > 1) noArgs('str.isspace', arguments.length - 1);
  if (isAscii(s)) return /^[\t-\r\x1c-\x20]+$/.test(s);
  return s.length > 0 && every(s, isSpaceCp);
}

export function str_isprintable(s: string): boolean {
  if (arguments.length > 1) noArgs('str.isprintable', arguments.length - 1);
  if (isAscii(s)) return /^[\x20-\x7e]*$/.test(s);
  return every(s, isPrintableCp);
}

export function str_isascii(s: string): boolean {
  if (arguments.length > 1) noArgs('str.isascii', arguments.length - 1);
  return isAscii(s);
}

/** No lowercase or titlecase character, and at least one uppercase one. */
export function str_isupper(s: string): boolean {
  if (arguments.length > 1) noArgs('str.isupper', arguments.length - 1);
  if (isAscii(s)) return !/[a-z]/.test(s) && /[A-Z]/.test(s);
  let cased = false;
  for (let i = 0; i < s.length; i++) {
    const c = cpAt(s, i);
    if (c > 0xffff) i++;
    if (isLowerCp(c) || isTitleCp(c)) return false;
    if (!cased && isUpperCp(c)) cased = true;
  }
  return cased;
}

/** No uppercase or titlecase character, and at least one lowercase one. */
export function str_islower(s: string): boolean {
  if (arguments.length > 1) noArgs('str.islower', arguments.length - 1);
  if (isAscii(s)) return !/[A-Z]/.test(s) && /[a-z]/.test(s);
  let cased = false;
  for (let i = 0; i < s.length; i++) {
    const c = cpAt(s, i);
    if (c > 0xffff) i++;
    if (isUpperCp(c) || isTitleCp(c)) return false;
    if (!cased && isLowerCp(c)) cased = true;
  }
  return cased;
}

/**
 * Uppercase and titlecase characters only after uncased ones, lowercase
 * ones only after cased ones, and at least one cased character.
 */
export function str_istitle(s: string): boolean {
  if (arguments.length > 1) noArgs('str.istitle', arguments.length - 1);
  // ASCII: words of one capital and small letters, between non-letters.
  if (isAscii(s)) return /^[^A-Za-z]*[A-Z][a-z]*(?:[^A-Za-z]+[A-Z][a-z]*)*[^A-Za-z]*$/.test(s);
  let cased = false;
  let previousCased = false;
  for (let i = 0; i < s.length; i++) {
    const c = cpAt(s, i);
    if (c > 0xffff) i++;
    if (isUpperCp(c) || isTitleCp(c)) {
      if (previousCased) return false;
      previousCased = true;
      cased = true;
    } else if (isLowerCp(c)) {
      if (!previousCased) return false;
      previousCased = true;
      cased = true;
    } else {
      previousCased = false;
    }
  }
  return cased;
}

export function str_isidentifier(s: string): boolean {
  if (arguments.length > 1) noArgs('str.isidentifier', arguments.length - 1);
  if (isAscii(s)) return /^[A-Za-z_][A-Za-z0-9_]*$/.test(s);
  if (s.length === 0) return false;
  const first = cpAt(s, 0);
  if (first !== 0x5f && !isXidStartCp(first)) return false;
  for (let i = first > 0xffff ? 2 : 1; i < s.length; i++) {
    const c = cpAt(s, i);
    if (c > 0xffff) i++;
    if (!isXidContinueCp(c)) return false;
  }
  return true;
}
