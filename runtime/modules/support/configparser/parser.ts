/**
 * configparser's RawConfigParser and ConfigParser, Python classes made here
 * with the methods Python 3.11 documents. The state lives in the instance
 * attributes CPython uses (`_sections`, `_defaults`, `_proxies`,
 * `_interpolation`, `default_section`…), the dicts are made by `dict_type`,
 * and the methods call one another through the instance (`optionxform`,
 * `get`, `set`, `add_section`, `_read`…), so a subclass written in Python
 * that overrides one sees it used, as in CPython.
 */
import { KeyError, OSError, TypeError, ValueError } from '../../../builtins/exceptions.js';
import { callMethod, callMethodKw, getattr, hasattr, setattr } from '../../../builtins/attributes.js';
import { call } from '../../../builtins/calls.js';
import { PyProperty, object, type PyClass } from '../../../builtins/classes.js';
import { PyDict } from '../../../builtins/dict.js';
import { toPython } from '../../../builtins/errors.js';
import { open } from '../../../builtins/files.js';
import { dict, float, format, int, len } from '../../../builtins/functions.js';
import { iterate } from '../../../builtins/iteration.js';
import { delitem, getitem, setitem } from '../../../builtins/items.js';
import { eqTest, in_, mod } from '../../../builtins/operators.js';
import { repr, str } from '../../../builtins/repr.js';
import { truthy } from '../../../builtins/truth.js';
import { isinstance, type } from '../../../builtins/types.js';
import { PyBytes, PyTuple } from '../../../builtins/values.js';
import { DeprecationWarning } from '../../../builtins/exceptions.js';
import { ChainMap } from '../collections/chainMaps.js';
import { text_encoding } from '../io/newlineDecoder.js';
import { StringIO } from '../io/stringIO.js';
import { Mapping, MutableMapping } from '../../collections.abc.js';
import { chain } from '../../itertools.js';
import { VERBOSE, compile, escape } from '../../re.js';
import { warnCaller } from '../warnings/fromRuntime.js';
import { pyFunction, kwargsRecord } from '../pydef.js';
import { defineClass, newException } from '../stdlib/pyclass.js';
import {
  DuplicateOptionError, DuplicateSectionError, NoOptionError, NoSectionError, ParsingError, afterKeyError, configError,
} from './errors.js';
import {
  BasicInterpolation, Interpolation, NOT_FOUND, lookupIn, mappingLookup, nativeKind, ownGet, substituteNative, valueHook, type Lookup,
} from './interpolation.js';
import { ConverterMapping, SectionProxy } from './proxies.js';
import { SPACE_CLASS, pyRstrip, readSource, registerPattern } from './reader.js';

const Q = 'configparser';
type Obj = Record<string, unknown>;

export const DEFAULTSECT = 'DEFAULT';

/** The default of parameters CPython marks "not given" (`fallback`, `interpolation`, `converters`). */
export const _UNSET = call(object, [], null);

const unset = (v: unknown): boolean => v === undefined || v === _UNSET;

// The patterns, as class attributes a subclass may replace; the module's own are matched by the JS equivalents beside them.
const SECT_TMPL = '\\[(?P<header>.+)\\]';
const OPT_TMPL = '(?P<option>.*?)\\s*(?P<vi>{delim})\\s*(?P<value>.*)$';
const OPT_NV_TMPL = '(?P<option>.*?)\\s*(?:(?P<vi>{delim})\\s*(?P<value>.*))?$';
const S = SPACE_CLASS;

function optionRegExp(delims: readonly string[], noValue: boolean): RegExp {
  const alternatives = delims.map((d) => d.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|');
  return noValue
    ? new RegExp(`^([^\\n]*?)${S}*(?:(${alternatives})${S}*([^\\n]*))?$`)
    : new RegExp(`^([^\\n]*?)${S}*(${alternatives})${S}*([^\\n]*)$`);
}

function compiled(template: string, delim: string, js: RegExp): unknown {
  const pattern = compile(template.replace('{delim}', delim), VERBOSE);
  registerPattern(pattern, js);
  return pattern;
}

const SECTCRE = compiled(SECT_TMPL, '', /^\[([^\n]+)\]/);
const OPTCRE = compiled(OPT_TMPL, '=|:', optionRegExp(['=', ':'], false));
const OPTCRE_NV = compiled(OPT_NV_TMPL, '=|:', optionRegExp(['=', ':'], true));

const tuple = (...items: unknown[]): PyTuple => PyTuple.fromArray(items);

/** A RawConfigParser method's qualified name. */
const M = (name: string): string => `RawConfigParser.${name}`;

function attr(self: unknown, name: string): unknown {
  return getattr(self, name);
}

function optionxform(self: unknown, option: unknown): unknown {
  return callMethod(self, 'optionxform', option);
}

/** `not section or section == self.default_section`: the name reaches DEFAULT. */
function isDefault(self: unknown, section: unknown): boolean {
  return !truthy(section) || eqTest(section, attr(self, 'default_section'));
}

/** The `vars=` mapping with its names put through optionxform and its values made str (None kept). */
function varsDict(self: unknown, vars: unknown): PyDict {
  const out = new PyDict();
  for (const pair of iterate(callMethod(vars, 'items'))) {
    const [key, value] = [...iterate(pair)];
    out.$set(optionxform(self, key), value === null ? null : str(value));
  }
  return out;
}

/** The values `get` reads: vars, then the section (none for DEFAULT), then DEFAULT. */
interface Unified {
  vars: PyDict | null;
  section: unknown;
  defaults: unknown;
}

function unify(self: unknown, section: unknown, vars: unknown): Unified {
  let sectionDict: unknown = lookupIn(attr(self, '_sections'), section);
  if (sectionDict === NOT_FOUND) {
    if (!eqTest(section, attr(self, 'default_section'))) throw afterKeyError(configError(NoSectionError, section), section, true);
    sectionDict = null;
  }
  return { vars: truthy(vars) ? varsDict(self, vars) : null, section: sectionDict, defaults: attr(self, '_defaults') };
}

function unifiedLookup(u: Unified): Lookup {
  return (key) => {
    if (u.vars !== null) {
      const v = u.vars.$get(key);
      if (v !== undefined) return v;
    }
    if (u.section !== null) {
      const v = lookupIn(u.section, key);
      if (v !== NOT_FOUND) return v;
    }
    return lookupIn(u.defaults, key);
  };
}

/** CPython's `_ChainMap(vardict, sectiondict, self._defaults)`, for a Python-written interpolation. */
function unifiedChainMap(u: Unified): unknown {
  return call(ChainMap, [u.vars ?? new PyDict(), u.section ?? new PyDict(), u.defaults], null);
}

/** The interpolation's before_get of `value`, natively for the module's own interpolations. */
function interpolate(self: unknown, section: unknown, option: unknown, value: unknown, map: Lookup, mapping: () => unknown): unknown {
  const interpolation = attr(self, '_interpolation');
  const kind = nativeKind(interpolation);
  if (kind === 'plain') return value;
  if (kind !== null) return substituteNative(kind, self, section, option, value, map);
  return callMethod(interpolation, 'before_get', self, section, option, value, mapping());
}

const rawUnify = pyFunction('self, section, vars', M('_unify_values'), Q, (self: Obj, section: unknown, vars: unknown) =>
  unifiedChainMap(unify(self, section, vars)));

function getImpl(self: Obj, section: unknown, option: unknown, raw: unknown, vars: unknown, fallback: unknown): unknown {
  let map: Lookup;
  let mapping: () => unknown;
  try {
    if (usesOwn(self, '_unify_values', rawUnify)) {
      const u = unify(self, section, vars);
      map = unifiedLookup(u);
      mapping = () => unifiedChainMap(u);
    } else {
      const d = callMethod(self, '_unify_values', section, vars);
      map = mappingLookup(d);
      mapping = () => d;
    }
  } catch (e) {
    if (unset(fallback) || !isinstance(toPython(e), NoSectionError)) throw e;
    return fallback;
  }
  option = optionxform(self, option);
  const value = map(option);
  if (value === NOT_FOUND) {
    if (unset(fallback)) throw afterKeyError(configError(NoOptionError, option, section), option, false);
    return fallback;
  }
  if (truthy(raw) || value === null) return value;
  return interpolate(self, section, option, value, map, mapping);
}

function itemsImpl(self: Obj, section: unknown, raw: unknown, vars: unknown): unknown {
  if (unset(section)) return callMethod(Mapping, 'items', self);
  const d = callMethod(attr(self, '_defaults'), 'copy');
  const sectionDict = lookupIn(attr(self, '_sections'), section);
  if (sectionDict !== NOT_FOUND) callMethod(d, 'update', sectionDict);
  else if (!eqTest(section, attr(self, 'default_section'))) throw afterKeyError(configError(NoSectionError, section), section, false);
  const keys = [...iterate(callMethod(d, 'keys'))];
  if (truthy(vars)) {
    for (const pair of iterate(callMethod(vars, 'items'))) {
      const [key, value] = [...iterate(pair)];
      setitem(d, optionxform(self, key), value);
    }
  }
  const map: Lookup = (key) => lookupIn(d, key);
  return keys.map((option) => {
    const value = getitem(d, option);
    return tuple(option, truthy(raw) ? value : interpolate(self, section, option, value, map, () => d));
  });
}

/** The dict of a section's own options (the defaults' for the default section), or NoSectionError as CPython's set/remove_option raise it. */
function optionsOf(self: Obj, section: unknown): unknown {
  if (isDefault(self, section)) return attr(self, '_defaults');
  const sectdict = lookupIn(attr(self, '_sections'), section);
  if (sectdict === NOT_FOUND) throw afterKeyError(configError(NoSectionError, section), section, true);
  return sectdict;
}

function setImpl(self: Obj, section: unknown, option: unknown, value: unknown): null {
  if (truthy(value)) {
    const hook = valueHook(attr(self, '_interpolation'), 'before_set');
    if (hook !== null) value = call(hook, [self, section, option, value], null);
  }
  setitem(optionsOf(self, section), optionxform(self, option), value);
  return null;
}

function addSectionImpl(self: Obj, section: unknown): null {
  if (eqTest(section, attr(self, 'default_section'))) throw new ValueError(mod('Invalid section name: %r', tuple(section)) as string);
  const sections = attr(self, '_sections');
  if (in_(section, sections)) throw configError(DuplicateSectionError, section);
  setitem(sections, section, call(attr(self, '_dict'), [], null));
  setitem(attr(self, '_proxies'), section, call(SectionProxy, [self, section], null));
  return null;
}

function readDictImpl(self: Obj, dictionary: unknown, source: unknown): null {
  const strict = truthy(attr(self, '_strict'));
  const sectionsSeen = new Set<string>();
  const optionsSeen = new Set<string>();
  for (const pair of iterate(callMethod(dictionary, 'items'))) {
    const [rawSection, keys] = [...iterate(pair)];
    const section = str(rawSection);
    try {
      callMethod(self, 'add_section', section);
    } catch (e) {
      const err = toPython(e);
      if (!(isinstance(err, DuplicateSectionError) || err instanceof ValueError)) throw e;
      if (strict && sectionsSeen.has(section)) throw e;
    }
    sectionsSeen.add(section);
    for (const item of iterate(callMethod(keys, 'items'))) {
      const [rawKey, rawValue] = [...iterate(item)];
      const key = optionxform(self, str(rawKey));
      const value = rawValue === null ? null : str(rawValue);
      const seenKey = `${section}\u0000${typeof key === 'string' ? key : str(key)}`;
      if (strict && optionsSeen.has(seenKey)) throw configError(DuplicateOptionError, section, key, source);
      optionsSeen.add(seenKey);
      callMethod(self, 'set', section, key, value);
    }
  }
  return null;
}

function isPathLike(x: unknown): boolean {
  return hasattr(type(x), '__fspath__');
}

function readFilesImpl(self: Obj, filenames: unknown, encoding: unknown): unknown[] {
  if (typeof filenames === 'string' || filenames instanceof PyBytes || isPathLike(filenames)) filenames = [filenames];
  const enc = text_encoding(encoding ?? null);
  const readOk: unknown[] = [];
  for (let filename of iterate(filenames)) {
    try {
      const fp = call(open, [filename], { encoding: enc });
      try {
        callMethod(self, '_read', fp, filename);
      } finally {
        callMethod(fp, 'close');
      }
    } catch (e) {
      if (toPython(e) instanceof OSError) continue;
      throw e;
    }
    if (isPathLike(filename)) filename = callMethod(filename, '__fspath__');
    readOk.push(filename);
  }
  return readOk;
}

function writeSectionImpl(self: Obj, fp: unknown, name: unknown, items: unknown, delimiter: unknown): null {
  callMethod(fp, 'write', `[${format(name)}]\n`);
  const hook = valueHook(attr(self, '_interpolation'), 'before_write');
  const allowNoValue = truthy(attr(self, '_allow_no_value'));
  for (const pair of iterate(items)) {
    const [key, raw] = [...iterate(pair)];
    const value = hook === null ? raw : call(hook, [self, name, key, raw], null);
    const text = value !== null || !allowNoValue ? `${str(delimiter)}${str(value).replaceAll('\n', '\n\t')}` : '';
    callMethod(fp, 'write', `${format(key)}${text}\n`);
  }
  callMethod(fp, 'write', '\n');
  return null;
}

function writeImpl(self: Obj, fp: unknown, spaceAround: unknown): null {
  const first = (attr(self, '_delimiters') as PyTuple)[0];
  const d = truthy(spaceAround) ? ` ${format(first)} ` : first;
  const defaults = attr(self, '_defaults');
  if (truthy(defaults)) callMethod(self, '_write_section', fp, attr(self, 'default_section'), callMethod(defaults, 'items'), d);
  const sections = attr(self, '_sections');
  for (const section of [...iterate(sections)]) {
    callMethod(self, '_write_section', fp, section, callMethod(getitem(sections, section), 'items'), d);
  }
  return null;
}

/** RawConfigParser.__init__. */
function initImpl(self: Obj, defaults: unknown, dictType: unknown, allowNoValue: unknown, delimiters: unknown, commentPrefixes: unknown,
  inlineCommentPrefixes: unknown, strict: unknown, emptyLinesInValues: unknown, defaultSection: unknown, interpolation: unknown,
  converters: unknown): null {
  self['_dict'] = dictType;
  self['_sections'] = call(dictType, [], null);
  self['_defaults'] = call(dictType, [], null);
  self['_converters'] = call(ConverterMapping, [self], null);
  self['_proxies'] = call(dictType, [], null);
  setitem(self['_proxies'], defaultSection, call(SectionProxy, [self, defaultSection], null));
  self['_delimiters'] = PyTuple.fromArray([...iterate(delimiters)]);
  if (eqTest(delimiters, tuple('=', ':'))) {
    self['_optcre'] = attr(self, truthy(allowNoValue) ? 'OPTCRE_NV' : 'OPTCRE');
  } else {
    const given = [...iterate(delimiters)];
    const d = given.map((x) => escape(x) as string).join('|');
    const template = attr(self, truthy(allowNoValue) ? '_OPT_NV_TMPL' : '_OPT_TMPL');
    const pattern = compile(callMethodKw(template, 'format', [], { delim: d }), VERBOSE);
    // The module's own template over str delimiters: the JS equivalent can match for it.
    if ((template === OPT_TMPL || template === OPT_NV_TMPL) && given.every((x) => typeof x === 'string')) {
      registerPattern(pattern, optionRegExp(given as string[], template === OPT_NV_TMPL));
    }
    self['_optcre'] = pattern;
  }
  self['_comment_prefixes'] = PyTuple.fromArray(truthy(commentPrefixes) ? [...iterate(commentPrefixes)] : []);
  self['_inline_comment_prefixes'] = PyTuple.fromArray(truthy(inlineCommentPrefixes) ? [...iterate(inlineCommentPrefixes)] : []);
  self['_strict'] = strict;
  self['_allow_no_value'] = allowNoValue;
  self['_empty_lines_in_values'] = emptyLinesInValues;
  self['default_section'] = defaultSection;
  let chosen = unset(interpolation) ? attr(self, '_DEFAULT_INTERPOLATION') : interpolation;
  if (chosen === null) chosen = call(Interpolation, [], null);
  self['_interpolation'] = chosen;
  if (!isinstance(chosen, Interpolation)) {
    throw new TypeError(`interpolation= must be None or an instance of Interpolation; got an object of type ${str(type(chosen))}`);
  }
  if (!unset(converters)) callMethod(self['_converters'], 'update', converters);
  if (truthy(defaults)) callMethod(self, '_read_defaults', defaults);
  return null;
}


/** getint, getfloat and getboolean: `get` with a conversion, the fallback also answering a missing section or option. */
function typedGetter(name: string, conv: (self: Obj) => unknown): unknown {
  return pyFunction('self, section, option, *, raw=, vars=, fallback=, **kwargs', M(name), Q,
    (self: Obj, section: unknown, option: unknown, raw: unknown = false, vars: unknown = null, fallback: unknown = _UNSET, kwargs: PyDict) =>
      callMethodKw(self, '_get_conv', [section, option, conv(self)], { raw, vars, fallback, ...kwargsRecord(kwargs) }));
}

const rawUnderscoreGet = pyFunction('self, section, conv, option, **kwargs', M('_get'), Q,
  (self: Obj, section: unknown, conv: unknown, option: unknown, kwargs: PyDict) =>
    call(conv, [callMethodKw(self, 'get', [section, option], kwargsRecord(kwargs) ?? null)], null));

/** What getImpl returns, given as the fallback, for a missing section or option. */
const ABSENT = Symbol('configparser.absent');

/** Whether `self.name` is the module's own method `fn` (not a subclass's override, nor an instance attribute). */
function usesOwn(self: Obj, name: string, fn: unknown): boolean {
  return !Object.hasOwn(self, name) && getattr(type(self), name) === fn;
}

const rawGet = pyFunction('self, section, option, *, raw=, vars=, fallback=', M('get'), Q,
  (self: Obj, section: unknown, option: unknown, raw: unknown = false, vars: unknown = null, fallback: unknown = _UNSET) =>
    getImpl(self, section, option, raw, vars, fallback));

ownGet.method = rawGet;
ownGet.raw = (parser, section, option, fallback) => getImpl(parser as Obj, section, option, true, null, fallback);

const BOOLEAN_STATES = new PyDict<string, boolean>([
  ['1', true], ['yes', true], ['true', true], ['on', true], ['0', false], ['no', false], ['false', false], ['off', false],
]);

export const RawConfigParser: PyClass = defineClass(Q, 'RawConfigParser', [MutableMapping], {
  __doc__: 'ConfigParser that does not do interpolation.',
  _SECT_TMPL: SECT_TMPL,
  _OPT_TMPL: OPT_TMPL,
  _OPT_NV_TMPL: OPT_NV_TMPL,
  _DEFAULT_INTERPOLATION: call(Interpolation, [], null),
  SECTCRE,
  OPTCRE,
  OPTCRE_NV,
  NONSPACECRE: compile('\\S'),
  BOOLEAN_STATES,
  __init__: pyFunction(
    'self, defaults=, dict_type=, allow_no_value=, *, delimiters=, comment_prefixes=, inline_comment_prefixes=, strict=, empty_lines_in_values=, default_section=, interpolation=, converters=',
    M('__init__'), Q,
    (self: Obj, defaults: unknown = null, dictType: unknown = dict, allowNoValue: unknown = false, delimiters: unknown = tuple('=', ':'),
      commentPrefixes: unknown = tuple('#', ';'), inlineCommentPrefixes: unknown = null, strict: unknown = true,
      emptyLinesInValues: unknown = true, defaultSection: unknown = DEFAULTSECT, interpolation: unknown = _UNSET, converters: unknown = _UNSET) =>
      initImpl(self, defaults, dictType, allowNoValue, delimiters, commentPrefixes, inlineCommentPrefixes, strict, emptyLinesInValues,
        defaultSection, interpolation, converters)),
  defaults: pyFunction('self', M('defaults'), Q, (self: Obj) => attr(self, '_defaults')),
  sections: pyFunction('self', M('sections'), Q, (self: Obj) => [...iterate(callMethod(attr(self, '_sections'), 'keys'))]),
  add_section: pyFunction('self, section', M('add_section'), Q, (self: Obj, section: unknown) => addSectionImpl(self, section)),
  has_section: pyFunction('self, section', M('has_section'), Q, (self: Obj, section: unknown) => in_(section, attr(self, '_sections'))),
  options: pyFunction('self, section', M('options'), Q, (self: Obj, section: unknown) => {
    const sectionDict = lookupIn(attr(self, '_sections'), section);
    if (sectionDict === NOT_FOUND) throw afterKeyError(configError(NoSectionError, section), section, true);
    const opts = callMethod(sectionDict, 'copy');
    callMethod(opts, 'update', attr(self, '_defaults'));
    return [...iterate(callMethod(opts, 'keys'))];
  }),
  read: pyFunction('self, filenames, encoding=', M('read'), Q, (self: Obj, filenames: unknown, encoding: unknown = null) =>
    readFilesImpl(self, filenames, encoding)),
  read_file: pyFunction('self, f, source=', M('read_file'), Q, (self: Obj, f: unknown, source: unknown = null) => {
    if (source === null) source = getattr(f, 'name', '<???>');
    callMethod(self, '_read', f, source);
    return null;
  }),
  read_string: pyFunction('self, string, source=', M('read_string'), Q, (self: Obj, string: unknown, source: unknown = '<string>') => {
    callMethod(self, 'read_file', call(StringIO, [string], null), source);
    return null;
  }),
  read_dict: pyFunction('self, dictionary, source=', M('read_dict'), Q, (self: Obj, dictionary: unknown, source: unknown = '<dict>') =>
    readDictImpl(self, dictionary, source)),
  readfp: pyFunction('self, fp, filename=', M('readfp'), Q, (self: Obj, fp: unknown, filename: unknown = null) => {
    warnCaller("This method will be removed in Python 3.12. Use 'parser.read_file()' instead.", DeprecationWarning, 2);
    callMethodKw(self, 'read_file', [fp], { source: filename });
    return null;
  }),
  get: rawGet,
  _get: rawUnderscoreGet,
  _get_conv: pyFunction('self, section, option, conv, *, raw=, vars=, fallback=, **kwargs', M('_get_conv'), Q,
    (self: Obj, section: unknown, option: unknown, conv: unknown, raw: unknown = false, vars: unknown = null, fallback: unknown = _UNSET, kwargs: PyDict) => {
      if (!unset(fallback) && kwargs.$size === 0 && usesOwn(self, '_get', rawUnderscoreGet) && usesOwn(self, 'get', rawGet)) {
        // What the calls below do, without making the exception a missing option would be caught as (V8 makes one slowly).
        const value = getImpl(self, section, option, raw, vars, ABSENT);
        return value === ABSENT ? fallback : call(conv, [value], null);
      }
      try {
        return callMethodKw(self, '_get', [section, conv, option], { raw, vars, ...kwargsRecord(kwargs) });
      } catch (e) {
        const err = toPython(e);
        if (unset(fallback) || !(isinstance(err, NoSectionError) || isinstance(err, NoOptionError))) throw e;
        return fallback;
      }
    }),
  getint: typedGetter('getint', () => int),
  getfloat: typedGetter('getfloat', () => float),
  getboolean: typedGetter('getboolean', (self) => getattr(self, '_convert_to_boolean')),
  items: pyFunction('self, section=, raw=, vars=', M('items'), Q,
    (self: Obj, section: unknown = _UNSET, raw: unknown = false, vars: unknown = null) => itemsImpl(self, section, raw, vars)),
  popitem: pyFunction('self', M('popitem'), Q, (self: Obj) => {
    for (const key of iterate(callMethod(self, 'sections'))) {
      const value = getitem(self, key);
      delitem(self, key);
      return tuple(key, value);
    }
    throw new KeyError();
  }),
  optionxform: pyFunction('self, optionstr', M('optionxform'), Q, (_self: Obj, optionstr: unknown) => callMethod(optionstr, 'lower')),
  has_option: pyFunction('self, section, option', M('has_option'), Q, (self: Obj, section: unknown, option: unknown) => {
    if (isDefault(self, section)) return in_(optionxform(self, option), attr(self, '_defaults'));
    const sectionDict = lookupIn(attr(self, '_sections'), section);
    if (sectionDict === NOT_FOUND) return false;
    const key = optionxform(self, option);
    return in_(key, sectionDict) || in_(key, attr(self, '_defaults'));
  }),
  set: pyFunction('self, section, option, value=', M('set'), Q, (self: Obj, section: unknown, option: unknown, value: unknown = null) =>
    setImpl(self, section, option, value)),
  write: pyFunction('self, fp, space_around_delimiters=', M('write'), Q, (self: Obj, fp: unknown, space: unknown = true) => writeImpl(self, fp, space)),
  _write_section: pyFunction('self, fp, section_name, section_items, delimiter', M('_write_section'), Q, writeSectionImpl),
  remove_option: pyFunction('self, section, option', M('remove_option'), Q, (self: Obj, section: unknown, option: unknown) => {
    const sectdict = optionsOf(self, section);
    const key = optionxform(self, option);
    const existed = in_(key, sectdict);
    if (existed) delitem(sectdict, key);
    return existed;
  }),
  remove_section: pyFunction('self, section', M('remove_section'), Q, (self: Obj, section: unknown) => {
    const sections = attr(self, '_sections');
    const existed = in_(section, sections);
    if (existed) {
      delitem(sections, section);
      delitem(attr(self, '_proxies'), section);
    }
    return existed;
  }),
  __getitem__: pyFunction('self, key', M('__getitem__'), Q, (self: Obj, key: unknown) => {
    if (!eqTest(key, attr(self, 'default_section')) && !truthy(callMethod(self, 'has_section', key))) throw new KeyError(key);
    return getitem(attr(self, '_proxies'), key);
  }),
  __setitem__: pyFunction('self, key, value', M('__setitem__'), Q, (self: Obj, key: unknown, value: unknown) => {
    // Assigning a section's own proxy to it changes nothing; anything else replaces the section's options.
    if (in_(key, self) && getitem(self, key) === value) return null;
    if (eqTest(key, attr(self, 'default_section'))) callMethod(attr(self, '_defaults'), 'clear');
    else if (in_(key, attr(self, '_sections'))) callMethod(getitem(attr(self, '_sections'), key), 'clear');
    callMethod(self, 'read_dict', new PyDict([[key, value]]));
    return null;
  }),
  __delitem__: pyFunction('self, key', M('__delitem__'), Q, (self: Obj, key: unknown) => {
    if (eqTest(key, attr(self, 'default_section'))) throw new ValueError('Cannot remove the default section.');
    if (!truthy(callMethod(self, 'has_section', key))) throw new KeyError(key);
    callMethod(self, 'remove_section', key);
    return null;
  }),
  __contains__: pyFunction('self, key', M('__contains__'), Q, (self: Obj, key: unknown) =>
    eqTest(key, attr(self, 'default_section')) || truthy(callMethod(self, 'has_section', key))),
  __len__: pyFunction('self', M('__len__'), Q, (self: Obj) => (len(attr(self, '_sections')) as number) + 1),
  __iter__: pyFunction('self', M('__iter__'), Q, (self: Obj) =>
    call(chain, [tuple(attr(self, 'default_section')), callMethod(attr(self, '_sections'), 'keys')], null)),
  _read: pyFunction('self, fp, fpname', M('_read'), Q, (self: Obj, fp: unknown, fpname: unknown) => {
    readSource(self, fp, fpname);
    return null;
  }),
  _join_multiline_values: pyFunction('self', M('_join_multiline_values'), Q, (self: Obj) => {
    const hook = valueHook(attr(self, '_interpolation'), 'before_read');
    const sections: Array<[unknown, unknown]> = [[attr(self, 'default_section'), attr(self, '_defaults')]];
    const all = attr(self, '_sections');
    for (const name of [...iterate(all)]) sections.push([name, getitem(all, name)]);
    for (const [section, options] of sections) {
      for (const name of [...iterate(options)]) {
        let val = getitem(options, name);
        if (Array.isArray(val) && !(val instanceof PyTuple)) {
          val = pyRstrip(val.every((line) => typeof line === 'string') ? val.join('\n') : (callMethod('\n', 'join', val) as string));
        }
        setitem(options, name, hook === null ? val : call(hook, [self, section, name, val], null));
      }
    }
    return null;
  }),
  _read_defaults: pyFunction('self, defaults', M('_read_defaults'), Q, (self: Obj, defaults: unknown) => {
    const target = attr(self, '_defaults');
    for (const pair of iterate(callMethod(defaults, 'items'))) {
      const [key, value] = [...iterate(pair)];
      setitem(target, optionxform(self, key), value);
    }
    return null;
  }),
  _handle_error: pyFunction('self, exc, fpname, lineno, line', M('_handle_error'), Q,
    (_self: Obj, exc: unknown, fpname: unknown, lineno: unknown, line: unknown) => {
      const error = truthy(exc) ? exc : newException(ParsingError, [fpname], null);
      callMethod(error, 'append', lineno, repr(line));
      return error;
    }),
  _unify_values: rawUnify,
  _convert_to_boolean: pyFunction('self, value', M('_convert_to_boolean'), Q, (self: Obj, value: unknown) => {
    const states = attr(self, 'BOOLEAN_STATES');
    const key = callMethod(value, 'lower');
    if (!in_(key, states)) throw new ValueError(mod('Not a boolean: %s', tuple(value)) as string);
    return getitem(states, key);
  }),
  _validate_value_types: pyFunction('self, *, section=, option=, value=', M('_validate_value_types'), Q,
    (self: Obj, section: unknown = '', option: unknown = '', value: unknown = '') => {
      if (typeof section !== 'string') throw new TypeError('section names must be strings');
      if (typeof option !== 'string') throw new TypeError('option keys must be strings');
      if (!truthy(attr(self, '_allow_no_value')) || truthy(value)) {
        if (typeof value !== 'string') throw new TypeError('option values must be strings');
      }
      return null;
    }),
  converters: new PyProperty(pyFunction('self', M('converters'), Q, (self: Obj) => attr(self, '_converters'))),
});

export const ConfigParser: PyClass = defineClass(Q, 'ConfigParser', [RawConfigParser], {
  __doc__: 'ConfigParser implementing interpolation.',
  _DEFAULT_INTERPOLATION: call(BasicInterpolation, [], null),
  set: pyFunction('self, section, option, value=', 'ConfigParser.set', Q, (self: Obj, section: unknown, option: unknown, value: unknown = null) => {
    callMethodKw(self, '_validate_value_types', [], { option, value });
    return setImpl(self, section, option, value);
  }),
  add_section: pyFunction('self, section', 'ConfigParser.add_section', Q, (self: Obj, section: unknown) => {
    callMethodKw(self, '_validate_value_types', [], { section });
    return addSectionImpl(self, section);
  }),
  // The defaults given to the constructor are made str like every value set, but not checked as interpolation syntax.
  _read_defaults: pyFunction('self, defaults', 'ConfigParser._read_defaults', Q, (self: Obj, defaults: unknown) => {
    const held = attr(self, '_interpolation');
    try {
      setattr(self, '_interpolation', call(Interpolation, [], null));
      callMethod(self, 'read_dict', new PyDict([[attr(self, 'default_section'), defaults]]));
    } finally {
      setattr(self, '_interpolation', held);
    }
    return null;
  }),
});

export const SafeConfigParser: PyClass = defineClass(Q, 'SafeConfigParser', [ConfigParser], {
  __doc__: 'ConfigParser alias for backwards compatibility purposes.',
  __init__: pyFunction('self, *args, **kwargs', 'SafeConfigParser.__init__', Q, (self: Obj, args: PyTuple, kwargs: PyDict) => {
    call(getattr(ConfigParser, '__init__'), [self, ...args], kwargsRecord(kwargs) ?? null);
    warnCaller('The SafeConfigParser class has been renamed to ConfigParser in Python 3.2. This alias will be removed in Python 3.12. Use ConfigParser directly instead.',
      DeprecationWarning, 2);
    return null;
  }),
});
