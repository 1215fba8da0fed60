/**
 * Python's `unicodedata` (CPython 3.11, Unicode 14.0.0): character
 * properties, names both ways and normalization, on tables generated from
 * python3's own module (support/unicodedata/). The tables load with this
 * module and are decoded on first use, so programs that never import it
 * carry none of them.
 *
 * The functions are C builtins in CPython: positional only, with its
 * argument-count and argument-type messages.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { noKeywords } from '../builtins/calls.js';
import { KeyError, TypeError, ValueError } from '../builtins/exceptions.js';
import { PyByteArray } from '../builtins/bytearray.js';
import { PyMemoryView } from '../builtins/memoryview/view.js';
import { decodeBytes, encodeStr } from '../builtins/str/codecs.js';
import { BASE_VALUE, PyBytes, PyBytesBox, PyStrBox, float, isNone, typeName } from '../builtins/values.js';
import * as db from './support/unicodedata/database.js';
import { lookupName, nameOfCode } from './support/unicodedata/nameTable.js';
import { normalized, quickCheckYes, type Form } from './support/unicodedata/normalization.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './unicodedata.js';

export const __name__ = 'unicodedata';
loadedModules.$set('unicodedata', self);

export const unidata_version = '14.0.0';

/** A str's value (a str subclass's base string), or null. */
function strValue(v: unknown): string | null {
  if (typeof v === 'string') return v;
  return v instanceof PyStrBox ? (v[BASE_VALUE] as string) : null;
}

/** How the argument clinic names a bad argument's type: None is `None`, not `NoneType`. */
function clinicTypeName(v: unknown): string {
  return isNone(v) ? 'None' : typeName(v);
}

/** The code point of a one-character str, else the clinic's TypeError (`argument` or `argument 1`). */
function character(v: unknown, fn: string, argument: string): number {
  const s = strValue(v);
  if (s !== null) {
    const cp = s.codePointAt(0);
    if (cp !== undefined && s.length === (cp > 0xffff ? 2 : 1)) return cp;
  }
  throw new TypeError(`${fn}() ${argument} must be a unicode character, not ${clinicTypeName(v)}`);
}

/** A function of one character: `unicodedata.f() takes exactly one argument`. */
function property<R>(name: string, get: (cp: number) => R): (chr: unknown) => R {
  const fn = {
    [name](chr: unknown): R {
      if (arguments.length !== 1) throw new TypeError(`unicodedata.${name}() takes exactly one argument (${arguments.length} given)`);
      return get(character(chr, name, 'argument'));
    },
  }[name]!;
  return noKeywords(fn, `unicodedata.${name}`);
}

/** A function of a character and an optional default, returned when the character has no value. */
function withDefault<R>(name: string, get: (cp: number) => R | undefined, missing: string): (chr: unknown, fallback?: unknown) => unknown {
  const fn = {
    [name](chr: unknown, fallback?: unknown): unknown {
      const n = arguments.length;
      if (n < 1) throw new TypeError(`${name} expected at least 1 argument, got ${n}`);
      if (n > 2) throw new TypeError(`${name} expected at most 2 arguments, got ${n}`);
      const value = get(character(chr, name, 'argument 1'));
      if (value !== undefined) return value;
      if (n === 2) return fallback;
      throw new ValueError(missing);
    },
  }[name]!;
  return noKeywords(fn, `unicodedata.${name}`);
}

export const category = property('category', (cp) => db.category.get(cp));
export const bidirectional = property('bidirectional', (cp) => db.bidirectional.get(cp));
export const combining = property('combining', (cp) => db.combining.get(cp));
export const east_asian_width = property('east_asian_width', (cp) => db.eastAsianWidth.get(cp));
export const mirrored = property('mirrored', (cp) => db.mirrored.get(cp));

/** CPython's form: `<tag> ` then each code point as at least four upper-case hex digits. */
export const decomposition = property('decomposition', (cp) => {
  const d = db.decomposition(cp);
  if (d === undefined) return '';
  const hex = d.cps.map((c) => c.toString(16).toUpperCase().padStart(4, '0')).join(' ');
  return d.tag === 0 ? hex : `${db.DECOMPOSITION_TAGS[d.tag]!} ${hex}`;
});

export const name = withDefault('name', (cp) => nameOfCode(cp) ?? undefined, 'no such name');

export const decimal = withDefault('decimal', (cp) => {
  const v = db.numeric(cp);
  return v?.kind === 'D' ? v.value : undefined;
}, 'not a decimal');

export const digit = withDefault('digit', (cp) => {
  const v = db.numeric(cp);
  return v !== undefined && v.kind !== 'N' ? v.value : undefined;
}, 'not a digit');

export const numeric = withDefault('numeric', (cp) => {
  const v = db.numeric(cp);
  return v === undefined ? undefined : float(v.value);
}, 'not a numeric character');

/** CPython's NAME_MAXLEN, in UTF-8 bytes. */
const NAME_MAXLEN = 256;

/**
 * `lookup(name)`: a str or read-only bytes (the clinic's
 * `str(accept={str, robuffer})`), matched as its UTF-8 bytes; the KeyError
 * prints the name as C's `%s` does, up to its first NUL.
 */
export const lookup = noKeywords(function lookup(name: unknown): string {
  if (arguments.length !== 1) throw new TypeError(`unicodedata.lookup() takes exactly one argument (${arguments.length} given)`);
  let text = strValue(name);
  let shown: string;
  let size: number;
  if (text !== null) {
    size = encodeStr(text, 'utf-8', 'strict').length;
    shown = text;
  } else if (name instanceof PyBytes || name instanceof PyBytesBox) {
    const bytes = name instanceof PyBytes ? name.bytes : (name[BASE_VALUE] as PyBytes).bytes;
    size = bytes.length;
    shown = decodeBytes(bytes, 'utf-8', 'replace');
    // Bytes outside ASCII never match a name: keep them out of the match as code points.
    text = bytes.every((b) => b < 0x80) ? shown : '\u0080';
  } else if (name instanceof PyByteArray || name instanceof PyMemoryView) {
    throw new TypeError(`lookup() argument must be read-only bytes-like object, not ${typeName(name)}`);
  } else {
    throw new TypeError(`a bytes-like object is required, not '${typeName(name)}'`);
  }
  if (size > NAME_MAXLEN) throw new KeyError('name too long');
  const found = lookupName(text);
  if (found !== null) return found;
  const nul = shown.indexOf('\0');
  throw new KeyError(`undefined character name '${nul < 0 ? shown : shown.slice(0, nul)}'`);
}, 'unicodedata.lookup');

/** The two str arguments of normalize/is_normalized, and the form checked after both. */
function normalizationArgs(fn: string, count: number, form: unknown, unistr: unknown): [Form, string] {
  if (count !== 2) throw new TypeError(`${fn} expected 2 arguments, got ${count}`);
  const f = strValue(form);
  if (f === null) throw new TypeError(`${fn}() argument 1 must be str, not ${clinicTypeName(form)}`);
  const s = strValue(unistr);
  if (s === null) throw new TypeError(`${fn}() argument 2 must be str, not ${clinicTypeName(unistr)}`);
  if (f !== 'NFC' && f !== 'NFD' && f !== 'NFKC' && f !== 'NFKD') throw new ValueError('invalid normalization form');
  return [f, s];
}

/** The argument itself (a str subclass's instance too) when it passes CPython's quick check, as CPython. */
export const normalize = noKeywords(function normalize(form: unknown, unistr: unknown): unknown {
  const [f, s] = normalizationArgs('normalize', arguments.length, form, unistr);
  if (s.length === 0 || quickCheckYes(f, s)) return unistr;
  return normalized(f, s);
}, 'unicodedata.normalize');

export const is_normalized = noKeywords(function is_normalized(form: unknown, unistr: unknown): boolean {
  const [f, s] = normalizationArgs('is_normalized', arguments.length, form, unistr);
  return s.length === 0 || quickCheckYes(f, s) || normalized(f, s) === s;
}, 'unicodedata.is_normalized');
