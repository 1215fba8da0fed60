/**
 * Python's `json.encoder`: the encoder class, and the string escapers
 * json.dumps uses (`encode_basestring_ascii` for ensure_ascii=True).
 */
import { TypeError } from '../builtins/exceptions.js';
import { typeName } from '../builtins/values.js';
import { encodeString } from './support/json/encoder.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './json.encoder.js';

export const __name__ = 'json.encoder';
loadedModules.set('json.encoder', self);

export { JSONEncoder } from './json.js';

function strArg(s: unknown): string {
  if (typeof s !== 'string') throw new TypeError(`first argument must be a string, not ${typeName(s)}`);
  return s;
}

export function encode_basestring(s: unknown): string {
  return encodeString(strArg(s), false);
}

export function encode_basestring_ascii(s: unknown): string {
  return encodeString(strArg(s), true);
}
