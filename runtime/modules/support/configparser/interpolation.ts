/**
 * configparser's interpolations: Interpolation (values as they are),
 * BasicInterpolation (`%(name)s` from the same section or DEFAULT, `%%`
 * for a percent sign), ExtendedInterpolation (`${name}`, `${section:name}`,
 * `$$`) and the deprecated LegacyInterpolation, with the errors and
 * messages Python 3.11 documents.
 *
 * The parser's `get` asks `nativeKind` whether its interpolation is one of
 * these, unchanged by a subclass: it then substitutes here, looking names
 * up in its own dicts, instead of building the ChainMap CPython hands to
 * `before_get` (which a Python-written interpolation still receives).
 */
import { KeyError, TypeError, ValueError } from '../../../builtins/exceptions.js';
import { callMethod, callMethodKw, getattr } from '../../../builtins/attributes.js';
import { PyDict } from '../../../builtins/dict.js';
import { getitem } from '../../../builtins/items.js';
import { in_, mod } from '../../../builtins/operators.js';
import { str } from '../../../builtins/repr.js';
import { truthy } from '../../../builtins/truth.js';
import { isinstance, type } from '../../../builtins/types.js';
import { PyTuple } from '../../../builtins/values.js';
import { toPython } from '../../../builtins/errors.js';
import { DeprecationWarning } from '../../../builtins/exceptions.js';
import { compile } from '../../re.js';
import { warnCaller } from '../warnings/fromRuntime.js';
import { pyFunction } from '../pydef.js';
import { defineClass } from '../stdlib/pyclass.js';
import {
  InterpolationDepthError, InterpolationMissingOptionError, InterpolationSyntaxError, MAX_INTERPOLATION_DEPTH, NoOptionError,
  NoSectionError, afterKeyError, chained, configError,
} from './errors.js';

const Q = 'configparser';

/** What a Lookup answers for a name it does not have. */
export const NOT_FOUND: unique symbol = Symbol('configparser.notFound');

/** A name's value in the mapping an interpolation reads (CPython's `map[name]`), or NOT_FOUND. */
export type Lookup = (key: unknown) => unknown;

/** `d[key]` of any mapping, NOT_FOUND for a KeyError; a plain dict is read directly. */
export function lookupIn(d: unknown, key: unknown): unknown {
  if (d instanceof PyDict && Object.getPrototypeOf(d) === PyDict.prototype) {
    const v = d.$get(key);
    return v === undefined ? NOT_FOUND : v;
  }
  try {
    return getitem(d, key);
  } catch (e) {
    if (toPython(e) instanceof KeyError) return NOT_FOUND;
    throw e;
  }
}

export function mappingLookup(d: unknown): Lookup {
  return (key) => lookupIn(d, key);
}

const tuple = (...items: unknown[]): PyTuple => PyTuple.fromArray(items);

/** `''.join(pieces)`: Python's join when a piece is not a str, for its TypeError. */
function joinPieces(pieces: unknown[]): unknown {
  for (const p of pieces) if (typeof p !== 'string') return callMethod('', 'join', pieces);
  return pieces.join('');
}

/** A value that is not a str where the substitution reads one: CPython's `rest.find(...)` fails on it. */
function notAString(rest: unknown, marker: string): never {
  callMethod(rest, 'find', marker);
  throw new TypeError(`expected str, got ${str(getattr(type(rest), '__name__'))}`);
}

/** RawConfigParser.get, and what it does for `get(section, option, raw=True, fallback=…)` (parser.ts sets them). */
export const ownGet: { method: unknown; raw: ((parser: object, section: unknown, option: unknown, fallback: unknown) => unknown) | null } = {
  method: null,
  raw: null,
};

/** The raw value CPython's messages quote: `parser.get(section, option, raw=True, fallback=rest)`, through the parser's own get. */
function rawValue(parser: unknown, section: unknown, option: unknown, rest: unknown): unknown {
  if (ownGet.raw !== null && typeof parser === 'object' && parser !== null && !Object.hasOwn(parser, 'get') && getattr(type(parser), 'get') === ownGet.method) {
    return ownGet.raw(parser, section, option, rest);
  }
  return callMethodKw(parser, 'get', [section, option], { raw: true, fallback: rest });
}

/** Where a substitution puts its pieces: a list (its JS array) or anything with `append`. */
export interface Sink {
  push(piece: unknown): unknown;
}

/**
 * One level deeper, when a subclass overrides `_interpolate_some`: CPython
 * recurses through `self._interpolate_some`, which gets the Python mapping.
 */
export type Deeper = (option: unknown, value: unknown, section: unknown, mapping: unknown, depth: number) => void;

const BASIC_KEY = /^%\(([^)]+)\)s/;
const EXTENDED_KEY = /^\$\{([^}]+)\}/;

/** `%(name)s` and `%%` substituted into `rest`, appended to `accum`; names found through `map`, nested up to MAX_INTERPOLATION_DEPTH. */
export function interpolateBasic(parser: unknown, option: unknown, accum: Sink, value: unknown, section: unknown, map: Lookup, depth: number,
  mapping: unknown = null, deeper: Deeper | null = null): void {
  const rawval = rawValue(parser, section, option, value);
  if (depth > MAX_INTERPOLATION_DEPTH) throw configError(InterpolationDepthError, option, section, rawval);
  if (typeof value !== 'string') {
    if (!truthy(value)) return;
    notAString(value, '%');
  }
  let rest = value;
  while (rest !== '') {
    const p = rest.indexOf('%');
    if (p < 0) {
      accum.push(rest);
      return;
    }
    if (p > 0) {
      accum.push(rest.slice(0, p));
      rest = rest.slice(p);
    }
    const c = rest.charAt(1);
    if (c === '%') {
      accum.push('%');
      rest = rest.slice(2);
    } else if (c === '(') {
      const m = BASIC_KEY.exec(rest);
      if (m === null) throw configError(InterpolationSyntaxError, option, section, mod('bad interpolation variable reference %r', tuple(rest)));
      const name = callMethod(parser, 'optionxform', m[1]);
      rest = rest.slice(m[0].length);
      const v = map(name);
      if (v === NOT_FOUND) throw afterKeyError(configError(InterpolationMissingOptionError, option, section, rawval, name), name, true);
      if (!(typeof v === 'string' ? v.includes('%') : in_('%', v))) accum.push(v);
      else if (deeper !== null) deeper(option, v, section, mapping, depth + 1);
      else interpolateBasic(parser, option, accum, v, section, map, depth + 1);
    } else {
      throw configError(InterpolationSyntaxError, option, section, mod("'%%' must be followed by '%%' or '(', found: %r", tuple(rest)));
    }
  }
}

/** Whether `e` is one of the errors ExtendedInterpolation reports as a missing reference. */
function isMissingReference(e: unknown): boolean {
  return e instanceof KeyError || isinstance(e, NoSectionError) || isinstance(e, NoOptionError);
}

/** `${name}`, `${section:name}` and `$$` substituted into `rest`; a reference to another section reads that section's raw items. */
export function interpolateExtended(parser: unknown, option: unknown, accum: Sink, value: unknown, section: unknown, map: Lookup, depth: number,
  _mapping: unknown = null, deeper: Deeper | null = null): void {
  const rawval = rawValue(parser, section, option, value);
  if (depth > MAX_INTERPOLATION_DEPTH) throw configError(InterpolationDepthError, option, section, rawval);
  if (typeof value !== 'string') {
    if (!truthy(value)) return;
    notAString(value, '$');
  }
  let rest = value;
  while (rest !== '') {
    const p = rest.indexOf('$');
    if (p < 0) {
      accum.push(rest);
      return;
    }
    if (p > 0) {
      accum.push(rest.slice(0, p));
      rest = rest.slice(p);
    }
    const c = rest.charAt(1);
    if (c === '$') {
      accum.push('$');
      rest = rest.slice(2);
    } else if (c === '{') {
      const m = EXTENDED_KEY.exec(rest);
      if (m === null) throw configError(InterpolationSyntaxError, option, section, mod('bad interpolation variable reference %r', tuple(rest)));
      const path = m[1]!.split(':');
      rest = rest.slice(m[0].length);
      let sect = section;
      let opt = option;
      let v: unknown;
      try {
        if (path.length === 1) {
          opt = callMethod(parser, 'optionxform', path[0]);
          v = map(opt);
          if (v === NOT_FOUND) throw new KeyError(opt);
        } else if (path.length === 2) {
          sect = path[0];
          opt = callMethod(parser, 'optionxform', path[1]);
          v = callMethodKw(parser, 'get', [sect, opt], { raw: true });
        } else {
          throw configError(InterpolationSyntaxError, option, section, mod("More than one ':' found: %r", tuple(rest)));
        }
      } catch (e) {
        if (!isMissingReference(toPython(e))) throw e;
        throw chained(configError(InterpolationMissingOptionError, option, section, rawval, path.join(':')), e, true);
      }
      if (typeof v === 'string' ? v.includes('$') : in_('$', v)) {
        const items = new PyDict();
        for (const pair of callMethodKw(parser, 'items', [sect], { raw: true }) as Iterable<unknown>) {
          const [k, val] = pair as unknown[];
          items.$set(k, val);
        }
        if (deeper !== null) deeper(opt, v, sect, items, depth + 1);
        else interpolateExtended(parser, opt, accum, v, sect, mappingLookup(items), depth + 1);
      } else {
        accum.push(v);
      }
    } else {
      throw configError(InterpolationSyntaxError, option, section, mod("'$' must be followed by '$' or '{', found: %r", tuple(rest)));
    }
  }
}

/** `before_set`'s check: after the escapes and the well-formed references, no `marker` may be left. */
function checkSyntax(value: unknown, escaped: string, reference: RegExp, marker: string): unknown {
  if (typeof value !== 'string') callMethod(value, 'replace', escaped, '');
  const left = (value as string).replaceAll(escaped, '').replace(reference, '');
  const at = left.indexOf(marker);
  if (at >= 0) throw new ValueError(mod('invalid interpolation syntax in %r at position %d', tuple(value, at)) as string);
  return value;
}

const passValue = (name: string, cls = 'Interpolation'): ((...args: unknown[]) => unknown) =>
  pyFunction('self, parser, section, option, value', `${cls}.${name}`, Q, (_s: unknown, _p: unknown, _sec: unknown, _o: unknown, value: unknown) => value);

const plainBeforeGet = pyFunction('self, parser, section, option, value, defaults', 'Interpolation.before_get', Q,
  (_s: unknown, _p: unknown, _sec: unknown, _o: unknown, value: unknown) => value);

export const Interpolation = defineClass(Q, 'Interpolation', [], {
  __doc__: 'Dummy interpolation that passes the value through with no changes.',
  before_get: plainBeforeGet,
  before_set: passValue('before_set'),
  before_read: passValue('before_read'),
  before_write: passValue('before_write'),
});

type Substitute = typeof interpolateBasic;

/** A `_interpolate_some` method and the `before_get` that runs it (or a subclass's override of it). */
function substitution(cls: string, substitute: Substitute): { some: unknown; beforeGet: unknown } {
  const some = pyFunction('self, parser, option, accum, rest, section, map, depth', `${cls}._interpolate_some`, Q,
    (self: unknown, parser: unknown, option: unknown, accum: unknown, rest: unknown, section: unknown, map: unknown, depth: unknown) => {
      const sink: Sink = Array.isArray(accum) ? accum : { push: (piece) => callMethod(accum, 'append', piece) };
      // Called as a subclass's super()._interpolate_some: deeper levels go through the override again.
      const deeper: Deeper | null = getattr(type(self), '_interpolate_some') === some ? null
        : (opt, value, sect, mapping, d) => callMethod(self, '_interpolate_some', parser, opt, accum, value, sect, mapping, d);
      substitute(parser, option, sink, rest, section, mappingLookup(map), Number(depth), map, deeper);
      return null;
    });
  const beforeGet = pyFunction('self, parser, section, option, value, defaults', `${cls}.before_get`, Q,
    (self: unknown, parser: unknown, section: unknown, option: unknown, value: unknown, defaults: unknown) => {
      const pieces: unknown[] = [];
      if (getattr(type(self), '_interpolate_some') === some) substitute(parser, option, pieces, value, section, mappingLookup(defaults), 1);
      else callMethod(self, '_interpolate_some', parser, option, pieces, value, section, defaults, 1);
      return joinPieces(pieces);
    });
  return { some, beforeGet };
}

const basic = substitution('BasicInterpolation', interpolateBasic);
const extended = substitution('ExtendedInterpolation', interpolateExtended);

export const BasicInterpolation = defineClass(Q, 'BasicInterpolation', [Interpolation], {
  __doc__: 'Interpolation as implemented in the classic ConfigParser.\n\n    The option values can contain format strings which refer to other values in\n    the same section, or values in the special default section.\n    ',
  _KEYCRE: compile('%\\(([^)]+)\\)s'),
  before_get: basic.beforeGet,
  before_set: pyFunction('self, parser, section, option, value', 'BasicInterpolation.before_set', Q,
    (_s: unknown, _p: unknown, _sec: unknown, _o: unknown, value: unknown) => checkSyntax(value, '%%', /%\(([^)]+)\)s/g, '%')),
  _interpolate_some: basic.some,
});

export const ExtendedInterpolation = defineClass(Q, 'ExtendedInterpolation', [Interpolation], {
  __doc__: 'Advanced variant of interpolation, supports the syntax used by\n    `zc.buildout`. Enables interpolation between sections.',
  _KEYCRE: compile('\\$\\{([^}]+)\\}'),
  before_get: extended.beforeGet,
  before_set: pyFunction('self, parser, section, option, value', 'ExtendedInterpolation.before_set', Q,
    (_s: unknown, _p: unknown, _sec: unknown, _o: unknown, value: unknown) => checkSyntax(value, '$$', /\$\{([^}]+)\}/g, '$')),
  _interpolate_some: extended.some,
});

const LEGACY_KEY = /%\(([^)]*)\)s/g;

export const LegacyInterpolation = defineClass(Q, 'LegacyInterpolation', [Interpolation], {
  __doc__: 'Deprecated interpolation used in old versions of ConfigParser.\n    Use BasicInterpolation or ExtendedInterpolation instead.',
  _KEYCRE: compile('%\\(([^)]*)\\)s|.'),
  __init__: pyFunction('self, *args, **kwargs', 'LegacyInterpolation.__init__', Q, () => {
    warnCaller('LegacyInterpolation has been deprecated since Python 3.2 and will be removed from the configparser module in Python 3.13. Use BasicInterpolation or ExtendedInterpolation instead.',
      DeprecationWarning, 2);
    return null;
  }),
  // Names are put through optionxform, then the value is %-formatted with the mapping, until no `%(` is left (at most MAX_INTERPOLATION_DEPTH times).
  before_get: pyFunction('self, parser, section, option, value, vars', 'LegacyInterpolation.before_get', Q,
    (_s: unknown, parser: unknown, section: unknown, option: unknown, value: unknown, vars: unknown) => {
      const rawval = value;
      const pending = (v: unknown): boolean => truthy(v) && (typeof v === 'string' ? v.includes('%(') : in_('%(', v));
      for (let depth = MAX_INTERPOLATION_DEPTH; depth > 0; depth--) {
        if (!pending(value)) break;
        value = (value as string).replace(LEGACY_KEY, (_m, name: string) => `%(${str(callMethod(parser, 'optionxform', name))})s`);
        try {
          value = mod(value, vars);
        } catch (e) {
          const err = toPython(e);
          if (!(err instanceof KeyError)) throw e;
          throw chained(configError(InterpolationMissingOptionError, option, section, rawval, (getattr(err, 'args') as PyTuple)[0]), err, true);
        }
      }
      if (pending(value)) throw configError(InterpolationDepthError, option, section, rawval);
      return value;
    }),
  before_set: passValue('before_set', 'LegacyInterpolation'),
});

/** How `get` may substitute for an interpolation: `plain` (values as they are), `basic`, `extended`, or null (call its before_get). */
export type NativeKind = 'plain' | 'basic' | 'extended' | null;

export function nativeKind(interpolation: unknown): NativeKind {
  const cls = type(interpolation);
  const beforeGet = getattr(cls, 'before_get');
  if (beforeGet === plainBeforeGet) return 'plain';
  if (beforeGet === basic.beforeGet) return getattr(cls, '_interpolate_some') === basic.some ? 'basic' : null;
  if (beforeGet === extended.beforeGet) return getattr(cls, '_interpolate_some') === extended.some ? 'extended' : null;
  return null;
}

/** `before_get` of a basic or extended interpolation, substituted here with `map`. */
export function substituteNative(kind: 'basic' | 'extended', parser: unknown, section: unknown, option: unknown, value: unknown, map: Lookup): unknown {
  const pieces: unknown[] = [];
  (kind === 'basic' ? interpolateBasic : interpolateExtended)(parser, option, pieces, value, section, map, 1);
  return joinPieces(pieces);
}

/** The interpolation's `before_<hook>` (set, read, write), or null when it is Interpolation's, which returns the value unchanged. */
export function valueHook(interpolation: unknown, hook: 'before_set' | 'before_read' | 'before_write'): unknown {
  const f = getattr(type(interpolation), hook);
  return PASS_THROUGH.has(f) ? null : getattr(interpolation, hook);
}

const PASS_THROUGH = new Set<unknown>([
  getattr(Interpolation, 'before_set'), getattr(Interpolation, 'before_read'), getattr(Interpolation, 'before_write'),
]);
