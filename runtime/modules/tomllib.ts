/**
 * Python's `tomllib` (3.11): `loads` and `load` read a TOML 1.0 document
 * into a dict, and TOMLDecodeError (a ValueError) says what is wrong and
 * where, with CPython's messages. The reader is support/tomllib/.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { AttributeError, TypeError, ValueError } from '../builtins/exceptions.js';
import { float, int } from '../builtins/functions.js';
import { PyBytes, PyTuple, typeName } from '../builtins/values.js';
import { call } from '../builtins/calls.js';
import { callMethod, getattr } from '../builtins/attributes.js';
import { isinstanceDict, isinstanceList } from '../builtins/isinstanceFast.js';
import { float as floatOf } from '../builtins/numbers/convert.js';
import { decodeBytes } from '../builtins/str/codecs.js';
import { pyFunction } from './support/pydef.js';
import { TOMLDecodeError } from './support/tomllib/decodeError.js';
import { parseToml, type FloatMaker } from './support/tomllib/parser.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './tomllib.js';

export const __name__ = 'tomllib';
loadedModules.$set('tomllib', self);

export const __all__ = PyTuple.of('loads', 'load', 'TOMLDecodeError');
export { TOMLDecodeError };

// loads and load are defined in tomllib._parser, whose name CPython's functions keep.
const Q = 'tomllib._parser';

/** parse_float as the reader calls it: the default float directly, any other callable checked as CPython checks it. */
function floatMaker(parseFloat: unknown): FloatMaker {
  if (parseFloat === undefined || parseFloat === float) return floatOf;
  return (text) => {
    const value = call(parseFloat, [text], null);
    if (isinstanceDict(value) || isinstanceList(value)) throw new ValueError('parse_float must not return dicts or lists');
    return value;
  };
}

/** int() of a long decimal literal: CPython's limit on digits of int(str) applies. */
function longInt(text: string): unknown {
  return int(text, 0);
}

function loadsImpl(s: unknown, parseFloat: unknown): unknown {
  // CPython's first step is `s.replace("\r\n", "\n")`: whatever is not a str fails there, as it does.
  const text = typeof s === 'string' ? s : callMethod(s, 'replace', '\r\n', '\n');
  if (typeof text !== 'string') throw new TypeError(`Expected str object, not '${typeName(s)}'`);
  const src = text.includes('\r\n') ? text.replaceAll('\r\n', '\n') : text;
  return parseToml(src, floatMaker(parseFloat), longInt);
}

export const loads = pyFunction('s, /, *, parse_float=', 'loads', Q, loadsImpl);

export const load = pyFunction('fp, /, *, parse_float=', 'load', Q, (fp: unknown, parseFloat: unknown) => {
  const data = callMethod(fp, 'read');
  let text: unknown;
  if (data instanceof PyBytes) text = decodeBytes(data.bytes, 'utf-8', 'strict');
  else {
    let decode: unknown;
    try {
      decode = getattr(data, 'decode');
    } catch (error) {
      if (!(error instanceof AttributeError)) throw error;
      throw new TypeError("File must be opened in binary mode, e.g. use `open('foo.toml', 'rb')`");
    }
    text = call(decode, [], null);
  }
  return loadsImpl(text, parseFloat);
});
