/**
 * Python's `json.decoder`: the decoder class and its error, as json
 * defines them (`json.decoder.JSONDecodeError is json.JSONDecodeError`).
 */
import { loadedModules } from './support/moduleTable.js';
import * as self from './json.decoder.js';

export const __name__ = 'json.decoder';
loadedModules.set('json.decoder', self);

export { JSONDecoder } from './json.js';
export { JSONDecodeError } from './support/json/decoder.js';
