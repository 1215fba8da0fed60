/**
 * Python's `json` module: dumps/dump and loads/load with CPython 3.11's
 * options, output and errors, and the JSONEncoder/JSONDecoder classes
 * (Python classes: `class MyEncoder(json.JSONEncoder)` overriding `default`
 * works with `cls=`). Its exports are exactly the module's attributes.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { TypeError } from '../builtins/exceptions.js';
import { PyBytes, typeName } from '../builtins/values.js';
import { PyByteArray } from '../builtins/bytearray.js';
import { PyDict } from '../builtins/dict.js';
import { call } from '../builtins/calls.js';
import { callMethod, getattr } from '../builtins/attributes.js';
import { truthy } from '../builtins/truth.js';
import { str as strOf } from '../builtins/repr.js';
import { iterate } from '../builtins/iteration.js';
import { decodeBytes } from '../builtins/str/codecs.js';
import { PyTuple } from '../builtins/values.js';
import { pyClassOf, type PyClass } from '../builtins/classes.js';
import { kwargsRecord, pyClass, pyFunction } from './support/pydef.js';
import { encode, iterencodeChunks, notSerializable, type EncoderOptions } from './support/json/encoder.js';
import { PyGenerator } from '../builtins/generators.js';
import { JSONDecodeError, decode, rawDecode, type DecoderOptions } from './support/json/decoder.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './json.js';

export const __name__ = 'json';
loadedModules.$set('json', self);

export { JSONDecodeError };
// `import json` binds json.decoder and json.encoder too, as json/__init__.py imports them.
export * as decoder from './json.decoder.js';
export * as encoder from './json.encoder.js';

const Q = 'json';

function flag(v: unknown, dflt: boolean): boolean {
  return v === undefined ? dflt : truthy(v);
}

function indentString(indent: unknown): string | null {
  if (indent === undefined || indent === null) return null;
  if (typeof indent === 'string') return indent;
  const n = indent === true ? 1 : indent === false ? 0 : Number(indent);
  return n > 0 ? ' '.repeat(n) : '';
}

function separatorsOf(separators: unknown, indent: string | null): [string, string] {
  if (separators !== undefined && separators !== null) {
    const [item, key] = [...iterate(separators)];
    return [strOf(item), strOf(key)];
  }
  return [indent !== null ? ',' : ', ', ': '];
}

/** The options of an encoder object (a JSONEncoder or a subclass's instance), read from its attributes as CPython does. */
function encoderOptions(enc: Record<string, unknown>): EncoderOptions {
  const indent = indentString(enc['indent']);
  return {
    skipkeys: truthy(enc['skipkeys']),
    ensureAscii: truthy(enc['ensure_ascii']),
    checkCircular: truthy(enc['check_circular']),
    allowNan: truthy(enc['allow_nan']),
    sortKeys: truthy(enc['sort_keys']),
    indent,
    itemSeparator: strOf(enc['item_separator']),
    keySeparator: strOf(enc['key_separator']),
    default: (o) => callMethod(enc, 'default', o),
  };
}

export const JSONEncoder: PyClass = pyClass('JSONEncoder', 'json.encoder', [], {
  item_separator: ', ',
  key_separator: ': ',
  __init__: pyFunction(
    'self, *, skipkeys=, ensure_ascii=, check_circular=, allow_nan=, sort_keys=, indent=, separators=, default=',
    'JSONEncoder.__init__', 'json.encoder',
    (enc: Record<string, unknown>, skipkeys?: unknown, ensureAscii?: unknown, checkCircular?: unknown, allowNan?: unknown,
      sortKeys?: unknown, indent?: unknown, separators?: unknown, dflt?: unknown) => {
      enc['skipkeys'] = skipkeys ?? false;
      enc['ensure_ascii'] = ensureAscii ?? true;
      enc['check_circular'] = checkCircular ?? true;
      enc['allow_nan'] = allowNan ?? true;
      enc['sort_keys'] = sortKeys ?? false;
      enc['indent'] = indent ?? null;
      if (separators !== undefined && separators !== null) {
        const [item, key] = [...iterate(separators)];
        enc['item_separator'] = item;
        enc['key_separator'] = key;
      } else if (indent !== undefined && indent !== null) {
        enc['item_separator'] = ',';
      }
      if (dflt !== undefined && dflt !== null) enc['default'] = dflt;
      return null;
    }),
  default: pyFunction('self, o', 'JSONEncoder.default', 'json.encoder', (_enc: unknown, o: unknown) => notSerializable(o)),
  encode: pyFunction('self, o', 'JSONEncoder.encode', 'json.encoder', (enc: Record<string, unknown>, o: unknown) => {
    // A subclass's own iterencode makes the chunks (a str is encoded directly, as in CPython).
    if (typeof o !== 'string' && getattr(pyClassOf(enc), 'iterencode') !== baseIterencode) {
      return [...iterate(callMethod(enc, 'iterencode', o, true))].map((c) => strOf(c)).join('');
    }
    return encode(o, encoderOptions(enc));
  }),
  // One shot without indent: the C encoder's one-item list; otherwise json.encoder's generator of chunks.
  iterencode: pyFunction('self, o, _one_shot=', 'JSONEncoder.iterencode', 'json.encoder',
    (enc: Record<string, unknown>, o: unknown, oneShot: unknown = false) => {
      const opts = encoderOptions(enc);
      if (truthy(oneShot) && opts.indent === null) return [encode(o, opts)];
      return new PyGenerator(iterencodeChunks(o, opts), '_make_iterencode.<locals>._iterencode');
    }),
});

const baseIterencode = getattr(JSONEncoder, 'iterencode');

const DUMPS_SPEC = 'obj, *, skipkeys=, ensure_ascii=, check_circular=, allow_nan=, cls=, indent=, separators=, default=, sort_keys=, **kw';

function dumpsImpl(obj: unknown, skipkeys: unknown, ensureAscii: unknown, checkCircular: unknown, allowNan: unknown, cls: unknown,
  indent: unknown, separators: unknown, dflt: unknown, sortKeys: unknown, kw: PyDict): string {
  const extra = kwargsRecord(kw);
  if ((cls !== undefined && cls !== null) || extra !== undefined) {
    const keywords: Record<string, unknown> = {
      skipkeys: skipkeys ?? false, ensure_ascii: ensureAscii ?? true, check_circular: checkCircular ?? true, allow_nan: allowNan ?? true,
      indent: indent ?? null, separators: separators ?? null, default: dflt ?? null, sort_keys: sortKeys ?? false, ...extra,
    };
    const enc = call(cls ?? JSONEncoder, [], keywords);
    return callMethod(enc, 'encode', obj) as string;
  }
  const ind = indentString(indent);
  const [itemSeparator, keySeparator] = separatorsOf(separators, ind);
  return encode(obj, {
    skipkeys: flag(skipkeys, false),
    ensureAscii: flag(ensureAscii, true),
    checkCircular: flag(checkCircular, true),
    allowNan: flag(allowNan, true),
    sortKeys: flag(sortKeys, false),
    indent: ind,
    itemSeparator,
    keySeparator,
    default: dflt === undefined || dflt === null ? notSerializable : (o) => call(dflt, [o], null),
  });
}

export const dumps = pyFunction(DUMPS_SPEC, 'dumps', Q, dumpsImpl);

export const dump = pyFunction(
  'obj, fp, *, skipkeys=, ensure_ascii=, check_circular=, allow_nan=, cls=, indent=, separators=, default=, sort_keys=, **kw', 'dump', Q,
  (obj: unknown, fp: unknown, skipkeys: unknown, ensureAscii: unknown, checkCircular: unknown, allowNan: unknown, cls: unknown,
    indent: unknown, separators: unknown, dflt: unknown, sortKeys: unknown, kw: PyDict) => {
    const keywords: Record<string, unknown> = {
      skipkeys: skipkeys ?? false, ensure_ascii: ensureAscii ?? true, check_circular: checkCircular ?? true, allow_nan: allowNan ?? true,
      indent: indent ?? null, separators: separators ?? null, default: dflt ?? null, sort_keys: sortKeys ?? false, ...kwargsRecord(kw),
    };
    const enc = call(cls ?? JSONEncoder, [], keywords) as Record<string, unknown>;
    if (pyClassOf(fp) !== undefined || getattr(pyClassOf(enc), 'iterencode') !== baseIterencode) {
      // A file object written in Python (or an encoder's own iterencode) sees each chunk, as CPython writes them.
      for (const chunk of iterate(callMethod(enc, 'iterencode', obj))) callMethod(fp, 'write', chunk);
      return null;
    }
    // The runtime's own files cannot tell the chunks apart: one write, of the chunks made before an error too.
    const opts = encoderOptions(enc);
    let text: string;
    try {
      text = encode(obj, opts);
    } catch (error) {
      let partial = '';
      try {
        for (const chunk of iterencodeChunks(obj, opts)) partial += chunk;
      } catch {
        // The same error again, after the same chunks.
      }
      if (partial !== '') callMethod(fp, 'write', partial);
      throw error;
    }
    callMethod(fp, 'write', text);
    return null;
  },
);

function decoderOptions(d: Record<string, unknown>): DecoderOptions {
  return {
    objectHook: d['object_hook'] ?? null,
    objectPairsHook: d['object_pairs_hook'] ?? null,
    parseFloat: d['parse_float'] ?? null,
    parseInt: d['parse_int'] ?? null,
    parseConstant: d['parse_constant'] ?? null,
    strict: truthy(d['strict'] ?? true),
  };
}

export const JSONDecoder: PyClass = pyClass('JSONDecoder', 'json.decoder', [], {
  __init__: pyFunction(
    'self, *, object_hook=, parse_float=, parse_int=, parse_constant=, strict=, object_pairs_hook=',
    'JSONDecoder.__init__', 'json.decoder',
    (dec: Record<string, unknown>, objectHook?: unknown, parseFloat?: unknown, parseInt?: unknown, parseConstant?: unknown, strict?: unknown,
      objectPairsHook?: unknown) => {
      dec['object_hook'] = objectHook ?? null;
      dec['parse_float'] = parseFloat ?? null;
      dec['parse_int'] = parseInt ?? null;
      dec['parse_constant'] = parseConstant ?? null;
      dec['strict'] = strict ?? true;
      dec['object_pairs_hook'] = objectPairsHook ?? null;
      return null;
    }),
  decode: pyFunction('self, s', 'JSONDecoder.decode', 'json.decoder', (dec: Record<string, unknown>, s: unknown) => {
    if (typeof s !== 'string') throw new TypeError(`expected string or bytes-like object, got '${typeName(s)}'`);
    return decode(s, decoderOptions(dec));
  }),
  raw_decode: pyFunction('self, s, idx=', 'JSONDecoder.raw_decode', 'json.decoder', (dec: Record<string, unknown>, s: unknown, idx: unknown = 0) => {
    const [value, end] = rawDecode(String(s), Number(idx), decoderOptions(dec));
    return PyTuple.of(value, end);
  }),
});

/** The text of loads' argument: a str, or bytes decoded as UTF-8 (a BOM dropped). */
function documentText(s: unknown): string {
  if (typeof s === 'string') {
    if (s.startsWith('\ufeff')) throw new JSONDecodeError('Unexpected UTF-8 BOM (decode using utf-8-sig)', s, 0);
    return s;
  }
  if (s instanceof PyBytes || s instanceof PyByteArray) {
    const bytes = s instanceof PyBytes ? s.bytes : Uint8Array.from(iterate(s) as Iterable<number>);
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    return decodeBytes(bom ? bytes.subarray(3) : bytes, 'utf-8', 'strict');
  }
  throw new TypeError(`the JSON object must be str, bytes or bytearray, not ${typeName(s)}`);
}

function loadsImpl(s: unknown, cls: unknown, objectHook: unknown, parseFloat: unknown, parseInt: unknown, parseConstant: unknown,
  objectPairsHook: unknown, kw: PyDict): unknown {
  const text = documentText(s);
  const extra = kwargsRecord(kw);
  if ((cls !== undefined && cls !== null) || extra !== undefined) {
    const keywords: Record<string, unknown> = { ...extra };
    if (objectHook != null) keywords['object_hook'] = objectHook;
    if (parseFloat != null) keywords['parse_float'] = parseFloat;
    if (parseInt != null) keywords['parse_int'] = parseInt;
    if (parseConstant != null) keywords['parse_constant'] = parseConstant;
    if (objectPairsHook != null) keywords['object_pairs_hook'] = objectPairsHook;
    const dec = call(cls ?? JSONDecoder, [], keywords);
    return callMethod(dec, 'decode', text);
  }
  return decode(text, decoderOptions({
    object_hook: objectHook, parse_float: parseFloat, parse_int: parseInt, parse_constant: parseConstant, object_pairs_hook: objectPairsHook,
  }));
}

const LOADS_SPEC = 's, *, cls=, object_hook=, parse_float=, parse_int=, parse_constant=, object_pairs_hook=, **kw';
export const loads = pyFunction(LOADS_SPEC, 'loads', Q, loadsImpl);

export const load = pyFunction(
  'fp, *, cls=, object_hook=, parse_float=, parse_int=, parse_constant=, object_pairs_hook=, **kw', 'load', Q,
  (fp: unknown, ...rest: unknown[]) => (loadsImpl as (...a: unknown[]) => unknown)(call(getattr(fp, 'read'), [], null), ...rest),
);

