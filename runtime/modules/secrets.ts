/**
 * Python's `secrets` (CPython 3.11's Lib/secrets.py): tokens and choices
 * from random.SystemRandom, which draws from `crypto.getRandomValues`
 * (Node 20 and browsers), and hmac's compare_digest.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { ValueError } from '../builtins/exceptions.js';
import { call } from '../builtins/calls.js';
import { callMethod, getattr } from '../builtins/attributes.js';
import { le } from '../builtins/operators.js';
import { truthy } from '../builtins/truth.js';
import { isInt } from '../builtins/values.js';
import { toIndex } from './support/math/args.js';
import { SystemRandom } from './random.js';
import { compare_digest } from './hmac.js';
import { urlsafe_b64encode } from './base64.js';
import { hexlify } from './binascii.js';
import { pyFunction } from './support/pydef.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './secrets.js';

export const __name__ = 'secrets';
loadedModules.$set('secrets', self);

export * as base64 from './base64.js';
export * as binascii from './binascii.js';
export { SystemRandom, compare_digest };

const Q = 'secrets';

export const _sysrand = call(SystemRandom, [], null);
export const randbits = getattr(_sysrand, 'getrandbits');
export const choice = getattr(_sysrand, 'choice');

export const DEFAULT_ENTROPY = 32;

export const randbelow = pyFunction('exclusive_upper_bound', 'randbelow', Q, (n: unknown) => {
  if (truthy(le(n, 0))) throw new ValueError('Upper bound must be positive.');
  // _randbelow_with_getrandbits starts with n.bit_length(): a float has none.
  if (typeof n === 'boolean') return callMethod(_sysrand, '_randbelow', n ? 1 : 0);
  if (!isInt(n)) callMethod(n, 'bit_length');
  return callMethod(_sysrand, '_randbelow', isInt(n) ? n : toIndex(n));
});

export const token_bytes = pyFunction('nbytes=', 'token_bytes', Q, (nbytes: unknown = null) =>
  callMethod(_sysrand, 'randbytes', nbytes === null ? DEFAULT_ENTROPY : nbytes));

export const token_hex = pyFunction('nbytes=', 'token_hex', Q, (nbytes: unknown = null) =>
  callMethod(call(hexlify, [call(token_bytes, [nbytes], null)], null), 'decode', 'ascii'));

export const token_urlsafe = pyFunction('nbytes=', 'token_urlsafe', Q, (nbytes: unknown = null) => {
  const tok = call(token_bytes, [nbytes], null);
  return callMethod(callMethod(call(urlsafe_b64encode, [tok], null), 'rstrip', callMethod('=', 'encode')), 'decode', 'ascii');
});
