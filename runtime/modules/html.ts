/**
 * Python's `html`: escape and unescape, with HTML5's rules for numeric
 * references (invalid code points, the Windows-1252 remapping) and the full
 * table of named references (support/html/entities.ts, generated from
 * CPython's html.entities.html5), longest-prefix matching included.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { AttributeError, TypeError } from '../builtins/exceptions.js';
import { typeName } from '../builtins/values.js';
import { truthy } from '../builtins/truth.js';
import { pyFunction } from './support/pydef.js';
import { loadedModules } from './support/moduleTable.js';
import { LEGACY, NAMED } from './support/html/entities.js';
import * as self from './html.js';

export const __name__ = 'html';
loadedModules.$set('html', self);

// CPython's html imports its html5 table from html.entities, which is then an attribute of the package.
export * as entities from './html.entities.js';

const Q = 'html';

function text(s: unknown, method: string): string {
  if (typeof s !== 'string') throw new AttributeError(`'${typeName(s)}' object has no attribute '${method}'`);
  return s;
}

export const escape = pyFunction('s, quote=', 'escape', Q, (s: unknown, quote: unknown = true) => {
  let out = text(s, 'replace').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  if (truthy(quote)) out = out.replace(/"/g, '&quot;').replace(/'/g, '&#x27;');
  return out;
});

/** Numeric references the HTML5 parser maps to other characters. */
const INVALID_CHARREFS = new Map<number, string>([
  [0x00, '\ufffd'], [0x0d, '\r'], [0x80, '\u20ac'], [0x81, '\x81'], [0x82, '\u201a'], [0x83, '\u0192'], [0x84, '\u201e'],
  [0x85, '\u2026'], [0x86, '\u2020'], [0x87, '\u2021'], [0x88, '\u02c6'], [0x89, '\u2030'], [0x8a, '\u0160'], [0x8b, '\u2039'],
  [0x8c, '\u0152'], [0x8d, '\x8d'], [0x8e, '\u017d'], [0x8f, '\x8f'], [0x90, '\x90'], [0x91, '\u2018'], [0x92, '\u2019'],
  [0x93, '\u201c'], [0x94, '\u201d'], [0x95, '\u2022'], [0x96, '\u2013'], [0x97, '\u2014'], [0x98, '\u02dc'], [0x99, '\u2122'],
  [0x9a, '\u0161'], [0x9b, '\u203a'], [0x9c, '\u0153'], [0x9d, '\x9d'], [0x9e, '\u017e'], [0x9f, '\u0178'],
]);

/** Code points a numeric reference drops: controls, noncharacters. */
function invalidCodepoint(n: number): boolean {
  return (n >= 0x1 && n <= 0x8) || n === 0xb || (n >= 0xe && n <= 0x1f) || (n >= 0x7f && n <= 0x9f) ||
    (n >= 0xfdd0 && n <= 0xfdef) || (n & 0xfffe) === 0xfffe;
}

const LEGACY_NAMES = new Set(LEGACY);

/** `s in html5`: a name with its ';', or a legacy one without. */
function entity(name: string): string | undefined {
  if (name.endsWith(';')) {
    const bare = name.slice(0, -1);
    return Object.hasOwn(NAMED, bare) ? NAMED[bare] : undefined;
  }
  return LEGACY_NAMES.has(name) ? NAMED[name] : undefined;
}

function replaceCharref(s: string): string {
  if (s[0] === '#') {
    const hex = s[1] === 'x' || s[1] === 'X';
    const digits = s.slice(hex ? 2 : 1).replace(/;$/, '');
    const num = parseInt(digits, hex ? 16 : 10);
    const mapped = INVALID_CHARREFS.get(num);
    if (mapped !== undefined) return mapped;
    if ((num >= 0xd800 && num <= 0xdfff) || num > 0x10ffff) return '\ufffd';
    if (invalidCodepoint(num)) return '';
    return String.fromCodePoint(num);
  }
  const whole = entity(s);
  if (whole !== undefined) return whole;
  // The longest name that is a prefix (as the standard defines it).
  const chars = Array.from(s);
  for (let x = chars.length - 1; x > 1; x--) {
    const found = entity(chars.slice(0, x).join(''));
    if (found !== undefined) return found + chars.slice(x).join('');
  }
  return '&' + s;
}

const CHARREF = /&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)/gu;

export const unescape = pyFunction('s', 'unescape', Q, (s: unknown) => {
  const t = s as string;
  if (typeof t !== 'string') throw new TypeError(`argument of type '${typeName(s)}' is not iterable`);
  if (!t.includes('&')) return t;
  return t.replace(CHARREF, (_m, ref: string) => replaceCharref(ref));
});
