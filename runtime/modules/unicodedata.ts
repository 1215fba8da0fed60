/**
 * Python's `unicodedata` (CPython 3.11, Unicode 14.0.0): character
 * properties, names both ways and normalization, on tables generated from
 * python3's own module (support/unicodedata/), and `ucd_3_2_0` (the
 * `unicodedata.UCD` of Unicode 3.2.0, with the same methods). The tables
 * load with this module and are decoded on first use, so programs that
 * never import it carry none of them.
 *
 * The functions are C builtins in CPython: positional only, with its
 * argument-count and argument-type messages.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { noKeywords } from '../builtins/calls.js';
import { AttributeError, KeyError, TypeError, ValueError } from '../builtins/exceptions.js';
import { PyByteArray } from '../builtins/bytearray.js';
import { PyMemoryView } from '../builtins/memoryview/view.js';
import { decodeBytes, encodeStr } from '../builtins/str/codecs.js';
import { BASE_VALUE, PyBytes, PyBytesBox, PyStrBox, float, typeName } from '../builtins/values.js';
import { callableClass } from '../builtins/callableClass.js';
import { takeKeywords } from '../asyncio/keywords.js';
import * as db from './support/unicodedata/database.js';
import { normalized, quickCheckYes, type DecompositionData, type Form } from './support/unicodedata/normalization.js';
import { current, v3_2_0, type Database } from './support/unicodedata/versions.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './unicodedata.js';
import { argTypeName } from '../builtins/arity.js';

export const __name__ = 'unicodedata';
loadedModules.$set('unicodedata', self);

export const unidata_version = '14.0.0';

/** A str's value (a str subclass's base string), or null. */
function strValue(v: unknown): string | null {
  if (typeof v === 'string') return v;
  return v instanceof PyStrBox ? (v[BASE_VALUE] as string) : null;
}

/** The code point of a one-character str, else the clinic's TypeError (`argument` or `argument 1`). */
function character(v: unknown, fn: string, argument: string): number {
  const s = strValue(v);
  if (s !== null) {
    const cp = s.codePointAt(0);
    if (cp !== undefined && s.length === (cp > 0xffff ? 2 : 1)) return cp;
  }
  throw new TypeError(`${fn}() ${argument} must be a unicode character, not ${argTypeName(v)}`);
}

/** A function of one character: `unicodedata.f() takes exactly one argument` (`UCD.f()` for the methods). */
function property<R>(name: string, owner: string, get: (cp: number) => R): (chr: unknown) => R {
  const fn = {
    [name](chr: unknown): R {
      if (arguments.length !== 1) throw new TypeError(`${owner}.${name}() takes exactly one argument (${arguments.length} given)`);
      return get(character(chr, name, 'argument'));
    },
  }[name]!;
  return noKeywords(fn, `${owner}.${name}`);
}

/** A function of a character and an optional default, returned when the character has no value. */
function withDefault<R>(name: string, owner: string, get: (cp: number) => R | undefined | null, missing: string): (chr: unknown, fallback?: unknown) => unknown {
  const fn = {
    [name](chr: unknown, fallback?: unknown): unknown {
      const n = arguments.length;
      if (n < 1) throw new TypeError(`${name} expected at least 1 argument, got ${n}`);
      if (n > 2) throw new TypeError(`${name} expected at most 2 arguments, got ${n}`);
      const value = get(character(chr, name, 'argument 1'));
      if (value !== undefined && value !== null) return value;
      if (n === 2) return fallback;
      throw new ValueError(missing);
    },
  }[name]!;
  return noKeywords(fn, `${owner}.${name}`);
}

/** CPython's form: `<tag> ` then each code point as at least four upper-case hex digits. */
function decompositionText(d: db.Decomposition | undefined): string {
  if (d === undefined) return '';
  const hex = d.cps.map((c) => c.toString(16).toUpperCase().padStart(4, '0')).join(' ');
  return d.tag === 0 ? hex : `${db.DECOMPOSITION_TAGS[d.tag]!} ${hex}`;
}

/** CPython's NAME_MAXLEN, in UTF-8 bytes. */
const NAME_MAXLEN = 256;

/**
 * `lookup(name)`: a str or read-only bytes (the clinic's
 * `str(accept={str, robuffer})`), matched as its UTF-8 bytes; the KeyError
 * prints the name as C's `%s` does, up to its first NUL.
 */
function lookupFunction(owner: string, find: (name: string) => string | null): (name: unknown) => string {
  return noKeywords(function lookup(name: unknown): string {
    if (arguments.length !== 1) throw new TypeError(`${owner}.lookup() takes exactly one argument (${arguments.length} given)`);
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
    const found = find(text);
    if (found !== null) return found;
    const nul = shown.indexOf('\0');
    throw new KeyError(`undefined character name '${nul < 0 ? shown : shown.slice(0, nul)}'`);
  }, `${owner}.lookup`);
}

/** The two str arguments of normalize/is_normalized, and the form checked after both. */
function normalizationArgs(fn: string, count: number, form: unknown, unistr: unknown): [Form, string] {
  if (count !== 2) throw new TypeError(`${fn} expected 2 arguments, got ${count}`);
  const f = strValue(form);
  if (f === null) throw new TypeError(`${fn}() argument 1 must be str, not ${argTypeName(form)}`);
  const s = strValue(unistr);
  if (s === null) throw new TypeError(`${fn}() argument 2 must be str, not ${argTypeName(unistr)}`);
  if (f !== 'NFC' && f !== 'NFD' && f !== 'NFKC' && f !== 'NFKD') throw new ValueError('invalid normalization form');
  return [f, s];
}

/**
 * The argument itself (a str subclass's instance too) when it is empty or
 * passes CPython's quick check, which 3.2.0 never does.
 */
function normalizeFunction(owner: string, data: DecompositionData | null): (form: unknown, unistr: unknown) => unknown {
  return noKeywords(function normalize(form: unknown, unistr: unknown): unknown {
    const [f, s] = normalizationArgs('normalize', arguments.length, form, unistr);
    if (s.length === 0 || (data === null && quickCheckYes(f, s))) return unistr;
    return normalized(f, s, data ?? undefined);
  }, `${owner}.normalize`);
}

function isNormalizedFunction(owner: string, data: DecompositionData | null): (form: unknown, unistr: unknown) => boolean {
  return noKeywords(function is_normalized(form: unknown, unistr: unknown): boolean {
    const [f, s] = normalizationArgs('is_normalized', arguments.length, form, unistr);
    return s.length === 0 || (data === null && quickCheckYes(f, s)) || normalized(f, s, data ?? undefined) === s;
  }, `${owner}.is_normalized`);
}

/** The functions of a database, as the module's (`unicodedata.f`) or as UCD methods (`UCD.f`). */
function functionsOf(d: Database, owner: string) {
  return {
    category: property('category', owner, d.category),
    bidirectional: property('bidirectional', owner, d.bidirectional),
    combining: property('combining', owner, d.combining),
    east_asian_width: property('east_asian_width', owner, d.eastAsianWidth),
    mirrored: property('mirrored', owner, d.mirrored),
    decomposition: property('decomposition', owner, (cp) => decompositionText(d.decomposition(cp))),
    name: withDefault('name', owner, d.name, 'no such name'),
    decimal: withDefault('decimal', owner, d.decimal, 'not a decimal'),
    digit: withDefault('digit', owner, d.digit, 'not a digit'),
    // CPython's numeric is always a float.
    numeric: withDefault('numeric', owner, (cp) => {
      const v = d.numeric(cp);
      return v === undefined ? undefined : float(v);
    }, 'not a numeric character'),
    lookup: lookupFunction(owner, d.lookup),
    normalize: normalizeFunction(owner, d.normalization),
    is_normalized: isNormalizedFunction(owner, d.normalization),
  };
}

const functions = functionsOf(current, 'unicodedata');
export const category = functions.category;
export const bidirectional = functions.bidirectional;
export const combining = functions.combining;
export const east_asian_width = functions.east_asian_width;
export const mirrored = functions.mirrored;
export const decomposition = functions.decomposition;
export const name = functions.name;
export const decimal = functions.decimal;
export const digit = functions.digit;
export const numeric = functions.numeric;
export const lookup = functions.lookup;
export const normalize = functions.normalize;
export const is_normalized = functions.is_normalized;

const methods320 = functionsOf(v3_2_0, 'UCD');
const MAKE = Symbol('unicodedata.UCD');

/**
 * The arguments of a UCD method call without keywords (a C method takes
 * none) and, called through the class, without the instance, which
 * CPython's method descriptor checks.
 */
function positional(self: unknown, args: unknown[], method: string): unknown[] {
  const kw = takeKeywords(args);
  if (!(self instanceof UCDType)) {
    if (args.length === 0) throw new TypeError(`unbound method UCD.${method}() needs an argument`);
    const first = args.shift();
    if (!(first instanceof UCDType)) {
      throw new TypeError(`descriptor '${method}' for 'unicodedata.UCD' objects doesn't apply to a '${typeName(first)}' object`);
    }
  }
  if (kw !== null && Object.keys(kw).length > 0) throw new TypeError(`UCD.${method}() takes no keyword arguments`);
  return args;
}

/** `unicodedata.UCD`: the type of `ucd_3_2_0`, which Python code cannot instantiate. */
class UCDType {
  static readonly __name__: string = 'UCD';
  static readonly __qualname__: string = 'UCD';
  static readonly __module__: string = 'unicodedata';

  constructor(token?: unknown) {
    if (token !== MAKE) throw new TypeError("cannot create 'unicodedata.UCD' instances");
  }

  get unidata_version(): string {
    return v3_2_0.version;
  }

  /** A read-only member, and no instance dict. */
  __setattr__(name: string, _value: unknown): never {
    if (name === 'unidata_version') throw new AttributeError('readonly attribute');
    throw new AttributeError(`'unicodedata.UCD' object has no attribute '${name}'`);
  }

  category(...args: unknown[]): unknown {
    return methods320.category(...(positional(this, args, 'category') as [unknown]));
  }

  bidirectional(...args: unknown[]): unknown {
    return methods320.bidirectional(...(positional(this, args, 'bidirectional') as [unknown]));
  }

  combining(...args: unknown[]): unknown {
    return methods320.combining(...(positional(this, args, 'combining') as [unknown]));
  }

  east_asian_width(...args: unknown[]): unknown {
    return methods320.east_asian_width(...(positional(this, args, 'east_asian_width') as [unknown]));
  }

  mirrored(...args: unknown[]): unknown {
    return methods320.mirrored(...(positional(this, args, 'mirrored') as [unknown]));
  }

  decomposition(...args: unknown[]): unknown {
    return methods320.decomposition(...(positional(this, args, 'decomposition') as [unknown]));
  }

  name(...args: unknown[]): unknown {
    return methods320.name(...(positional(this, args, 'name') as [unknown]));
  }

  decimal(...args: unknown[]): unknown {
    return methods320.decimal(...(positional(this, args, 'decimal') as [unknown]));
  }

  digit(...args: unknown[]): unknown {
    return methods320.digit(...(positional(this, args, 'digit') as [unknown]));
  }

  numeric(...args: unknown[]): unknown {
    return methods320.numeric(...(positional(this, args, 'numeric') as [unknown]));
  }

  lookup(...args: unknown[]): unknown {
    return methods320.lookup(...(positional(this, args, 'lookup') as [unknown]));
  }

  normalize(...args: unknown[]): unknown {
    return methods320.normalize(...(positional(this, args, 'normalize') as [unknown, unknown]));
  }

  is_normalized(...args: unknown[]): unknown {
    return methods320.is_normalized(...(positional(this, args, 'is_normalized') as [unknown, unknown]));
  }
}

export const UCD = callableClass(UCDType);
export const ucd_3_2_0 = new UCD(MAKE);
