/**
 * Python's `hmac` (RFC 2104): HMAC objects over any hashlib-style hash
 * (digestmod a name, a constructor or a module with `new`), `hmac.digest`
 * (one shot, over @noble/hashes' HMAC for a known algorithm) and
 * `compare_digest`, with CPython's errors.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { AttributeError, TypeError, ValueError } from '../builtins/exceptions.js';
import { BASE_VALUE, PyBoxed, PyBytes, PyStrBox, typeName } from '../builtins/values.js';
import { PyByteArray } from '../builtins/bytearray.js';
import { bufferBytes } from '../builtins/buffer.js';
import { callableClass } from '../builtins/callableClass.js';
import { objectId } from '../builtins/classes.js';
import { callMethod, getattr, hasattr } from '../builtins/attributes.js';
import { call } from '../builtins/calls.js';
import { callable } from '../builtins/types.js';
import { intArg } from '../builtins/files.js';
import { takeKeywords } from '../asyncio/keywords.js';
import { hmac as nobleHmac } from '@noble/hashes/hmac.js';
import { bytesLike, hmacAlgorithm } from './support/hashlib/kdf.js';
import { algorithmNamed } from './support/hashlib/algorithms.js';
import * as hashlib from './hashlib.js';
import { pyFunction } from './support/pydef.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './hmac.js';

export const __name__ = 'hmac';
loadedModules.$set('hmac', self);

const table = (x: number): PyBytes => new PyBytes(Uint8Array.from({ length: 256 }, (_, i) => i ^ x));
export const trans_5C = table(0x5c);
export const trans_36 = table(0x36);
/** The digest size of the HMAC module itself: None (each HMAC object has its own). */
export const digest_size = null;

const isStr = (v: unknown): boolean => typeof v === 'string' || v instanceof PyStrBox;
const EMPTY = new PyBytes(new Uint8Array(0));

type DigestCons = (data?: PyBytes) => unknown;

/**
 * `digest_cons`: a name goes to hashlib.new, a callable is called, anything
 * else is a module whose `new` is. A name or constructor OpenSSL's HMAC
 * would take must not be an XOF (OpenSSL refuses it without a reason).
 */
function digestConstructor(digestmod: unknown): DigestCons {
  const name = isStr(digestmod) ? String(digestmod) : hashlib.$constructorName(digestmod);
  if (name !== undefined && algorithmNamed(name)?.xof === true) throw new ValueError('no reason supplied');
  if (isStr(digestmod)) return (d = EMPTY) => call(hashlib.new, [digestmod, d], null);
  if (callable(digestmod)) return (d) => call(digestmod, d === undefined ? [] : [d], null);
  return (d = EMPTY) => callMethod(digestmod, 'new', d);
}

function translate(key: Uint8Array, x: number): PyBytes {
  return new PyBytes(key.map((b) => b ^ x));
}

/** The key padded to the block size, hashed first when longer. */
function paddedKey(key: Uint8Array, blocksize: number, cons: DigestCons): Uint8Array {
  let k = key;
  if (k.length > blocksize) k = bufferBytes(callMethod(cons(new PyBytes(k.slice())), 'digest'))!;
  const out = new Uint8Array(Math.max(blocksize, k.length));
  out.set(k);
  return out;
}

const COPY = Symbol('copy');

/**
 * digest_size and block_size are own attributes that __init__ sets (not
 * class fields, which JS would make on every instance): copy() sets only
 * digest_size, as CPython 3.11's does.
 */
interface HMACImpl {
  digest_size: unknown;
  block_size: number;
}

class HMACImpl {
  static readonly __name__ = 'HMAC';
  static readonly __qualname__ = 'HMAC';
  static readonly __module__ = 'hmac';
  #inner: unknown;
  #outer: unknown;
  #cons: DigestCons;

  constructor(...args: unknown[]) {
    if (args[0] === COPY) {
      const from = args[1] as HMACImpl;
      this.#cons = from.#cons;
      this.#inner = callMethod(from.#inner, 'copy');
      this.#outer = callMethod(from.#outer, 'copy');
      this.digest_size = from.digest_size;
      return;
    }
    const kw = takeKeywords(args) ?? {};
    if (args.length > 3) throw new TypeError(`HMAC.__init__() takes from 2 to 4 positional arguments but ${args.length + 1} were given`);
    const names = ['key', 'msg', 'digestmod'];
    for (const k of Object.keys(kw)) {
      const at = names.indexOf(k);
      if (at < 0) throw new TypeError(`HMAC.__init__() got an unexpected keyword argument '${k}'`);
      if (at < args.length) throw new TypeError(`HMAC.__init__() got multiple values for argument '${k}'`);
    }
    const arg = (i: number): unknown => (i < args.length ? args[i] : kw[names[i]!]);
    const key = arg(0);
    if (key === undefined) throw new TypeError("HMAC.__init__() missing 1 required positional argument: 'key'");
    const msg = arg(1) ?? null;
    const digestmod = arg(2) ?? '';
    const raw = key instanceof PyBoxed ? key[BASE_VALUE] : key;
    if (!(raw instanceof PyBytes || raw instanceof PyByteArray)) throw new TypeError(`key: expected bytes or bytearray, but got '${typeName(key)}'`);
    if (digestmod === '' || digestmod === null || digestmod === false) throw new TypeError("Missing required parameter 'digestmod'.");
    this.#cons = digestConstructor(digestmod);
    this.#inner = this.#cons();
    this.#outer = this.#cons();
    this.digest_size = getattr(this.#inner, 'digest_size');
    let blocksize = hasattr(this.#inner, 'block_size') ? intArg(getattr(this.#inner, 'block_size')) : 64;
    if (blocksize < 16) blocksize = 64;
    this.block_size = blocksize;
    const k = paddedKey(bufferBytes(key)!.slice(), blocksize, this.#cons);
    callMethod(this.#outer, 'update', translate(k, 0x5c));
    callMethod(this.#inner, 'update', translate(k, 0x36));
    if (msg !== null) this.update(msg);
  }

  /** CPython's HMAC has `__slots__`: only these attributes can be set (`name` is a property without a setter). */
  __setattr__(name: string, value: unknown): null {
    if (name === 'name') throw new AttributeError("property 'name' of 'HMAC' object has no setter");
    if (name !== 'digest_size' && name !== 'block_size') throw new AttributeError(`'HMAC' object has no attribute '${name}'`);
    Object.defineProperty(this, name, { value, writable: true, configurable: true, enumerable: true });
    return null;
  }

  get name(): string {
    return `hmac-${String(getattr(this.#inner, 'name'))}`;
  }

  update(msg: unknown): null {
    callMethod(this.#inner, 'update', msg);
    return null;
  }

  copy(): HMACImpl {
    return new HMACImpl(COPY, this);
  }

  #current(): unknown {
    const h = callMethod(this.#outer, 'copy');
    callMethod(h, 'update', callMethod(this.#inner, 'digest'));
    return h;
  }

  digest(): unknown {
    return callMethod(this.#current(), 'digest');
  }

  hexdigest(): unknown {
    return callMethod(this.#current(), 'hexdigest');
  }

  __repr__(): string {
    return `<hmac.HMAC object at 0x${objectId(this).toString(16).padStart(12, '0')}>`;
  }
}

// `HMAC.blocksize`, the class attribute CPython's subclasses may change (the runtime reads it on the prototype).
Object.defineProperty(HMACImpl.prototype, 'blocksize', { value: 64, enumerable: false });
export const HMAC = callableClass(HMACImpl);
(HMAC as unknown as { $kw: unknown }).$kw = (args: unknown[], kw: Record<string, unknown>) => new HMACImpl(...args, kw);

const hmacNew = pyFunction('key, msg=, digestmod=', 'new', 'hmac', (key: unknown, msg: unknown = null, digestmod: unknown = '') =>
  new HMACImpl(key, msg, digestmod));
export { hmacNew as new };

/** `hmac.digest(key, msg, digest)`: OpenSSL's one-shot HMAC for a name it knows, else the generic construction. */
export const digest = pyFunction('key, msg, digest', 'digest', 'hmac', (key: unknown, msg: unknown, digestArg: unknown) => {
  const name = isStr(digestArg) ? String(digestArg) : hashlib.$constructorName(digestArg);
  if (name !== undefined) {
    const k = bytesLike(key);
    const m = bytesLike(msg);
    if (algorithmNamed(name) !== undefined) return new PyBytes(nobleHmac(hmacAlgorithm(name).fn, k, m));
  }
  const cons = digestConstructor(digestArg);
  const inner = cons();
  const outer = cons();
  const blocksize = hasattr(inner, 'block_size') ? intArg(getattr(inner, 'block_size')) : 64;
  const k = paddedKey(bytesLike(key), blocksize, cons);
  callMethod(inner, 'update', translate(k, 0x36));
  callMethod(outer, 'update', translate(k, 0x5c));
  callMethod(inner, 'update', msg);
  callMethod(outer, 'update', callMethod(inner, 'digest'));
  return callMethod(outer, 'digest');
});

/** `compare_digest(a, b)`: ASCII strs or bytes-likes, compared in time independent of where they differ. */
function compare_digest(...args: unknown[]): boolean {
  const kw = takeKeywords(args);
  if (kw !== null && Object.keys(kw).length > 0) throw new TypeError('_hashlib.compare_digest() takes no keyword arguments');
  if (args.length !== 2) throw new TypeError(`compare_digest expected 2 arguments, got ${args.length}`);
  const [a, b] = args;
  if (isStr(a) && isStr(b)) {
    const sa = String(a);
    const sb = String(b);
    if (!/^[\x00-\x7f]*$/.test(sa) || !/^[\x00-\x7f]*$/.test(sb)) throw new TypeError('comparing strings with non-ASCII characters is not supported');
    return equalTimed(Uint8Array.from(sa, (c) => c.charCodeAt(0)), Uint8Array.from(sb, (c) => c.charCodeAt(0)));
  }
  const ba = bufferBytes(a);
  const bb = bufferBytes(b);
  if (ba === null && bb === null) throw new TypeError(`unsupported operand types(s) or combination of types: '${typeName(a)}' and '${typeName(b)}'`);
  if (ba === null) throw new TypeError(`a bytes-like object is required, not '${typeName(a)}'`);
  if (bb === null) throw new TypeError(`a bytes-like object is required, not '${typeName(b)}'`);
  return equalTimed(ba, bb);
}
export { compare_digest };

/** CPython's _tscmp: the time depends on the length of b only. */
function equalTimed(a: Uint8Array, b: Uint8Array): boolean {
  let result = a.length === b.length ? 0 : 1;
  const left = a.length === b.length ? a : b;
  for (let i = 0; i < b.length; i++) result |= left[i]! ^ b[i]!;
  return result === 0;
}
