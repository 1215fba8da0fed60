/**
 * Python's `zlib` (CPython 3.11's Modules/zlibmodule.c) on pako, a port of
 * zlib 1.3 to JS with zlib's own stream API, so the functions and the
 * Compress/Decompress objects drive a z_stream as CPython's do, in Node and
 * in browsers alike. Decompression, crc32 and adler32 give CPython's
 * answers; compressed bytes are zlib 1.3's, which may differ from those of
 * the older zlib a CPython build links (1.2.13 here), though any zlib
 * decompresses both.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import {
  ZStream, zlibDeflate, zlibDeflateEnd, zlibDeflateInit2, zlibDeflateSetDictionary, zlibInflate, zlibInflateEnd, zlibInflateInit2,
  zlibInflateSetDictionary, type Z_FlushMode, type Z_Strategy,
} from 'pako';
import { Exception, OverflowError, TypeError, ValueError } from '../builtins/exceptions.js';
import { PyBytes } from '../builtins/values.js';
import { pyIndex } from '../builtins/numbers/index.js';
import { property as propertyFactory } from '../builtins/classes/descriptors.js';
import { binaryArg } from './support/binascii/codec.js';
import { concat } from '../builtins/fileState.js';
import { crc32 as binasciiCrc32 } from './binascii.js';
import { defineClass } from './support/stdlib/pyclass.js';
import { pyFunction } from './support/pydef.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './zlib.js';

export const __name__ = 'zlib';
loadedModules.$set('zlib', self);

const Q = 'zlib';

export const MAX_WBITS = 15;
export const DEFLATED = 8;
export const DEF_MEM_LEVEL = 8;
export const DEF_BUF_SIZE = 16384;
export const Z_NO_COMPRESSION = 0;
export const Z_BEST_SPEED = 1;
export const Z_BEST_COMPRESSION = 9;
export const Z_DEFAULT_COMPRESSION = -1;
export const Z_FILTERED = 1;
export const Z_HUFFMAN_ONLY = 2;
export const Z_RLE = 3;
export const Z_FIXED = 4;
export const Z_DEFAULT_STRATEGY = 0;
export const Z_NO_FLUSH = 0;
export const Z_PARTIAL_FLUSH = 1;
export const Z_SYNC_FLUSH = 2;
export const Z_FULL_FLUSH = 3;
export const Z_FINISH = 4;
export const Z_BLOCK = 5;
export const Z_TREES = 6;
/** The version of the zlib pako ports. */
export const ZLIB_VERSION = '1.3.2';
export const ZLIB_RUNTIME_VERSION = ZLIB_VERSION;

const Z_OK = 0;
const Z_STREAM_END = 1;
const Z_NEED_DICT = 2;
const Z_STREAM_ERROR = -2;
const Z_DATA_ERROR = -3;
const Z_MEM_ERROR = -4;
const Z_BUF_ERROR = -5;
const Z_VERSION_ERROR = -6;

export const error = defineClass(Q, 'error', [Exception], {});

/** CPython's zlib_error: the stream's message, or zlib's own words for the codes that carry none. */
function zlibError(strm: ZStream, err: number, what: string): unknown {
  let msg: string | null = strm.msg !== '' && strm.msg !== undefined ? strm.msg : null;
  if (err === Z_VERSION_ERROR) msg = 'library version mismatch';
  if (msg === null) {
    if (err === Z_BUF_ERROR) msg = 'incomplete or truncated stream';
    else if (err === Z_STREAM_ERROR) msg = 'inconsistent stream state';
    else if (err === Z_DATA_ERROR) msg = 'invalid input data';
  }
  const text = msg === null ? `Error ${err} ${what}` : `Error ${err} ${what}: ${msg}`;
  return newError(text);
}

function newError(text: string): unknown {
  return new (error as unknown as new (m: string) => unknown)(text);
}

function intArg(v: unknown): number {
  const n = pyIndex(v);
  if (typeof n === 'bigint') throw new OverflowError('Python int too large to convert to C int');
  return n;
}

function bytesOf(chunks: Uint8Array[]): PyBytes {
  let size = 0;
  for (const c of chunks) size += c.length;
  // One chunk is a view of a larger output buffer: copied, to hold only its bytes.
  return new PyBytes(chunks.length === 1 ? chunks[0]!.slice() : concat(chunks, size));
}

/** Runs `step` with fresh output space until it leaves some unused (CPython's arrange_output_buffer loop). */
function drain(strm: ZStream, step: () => number, chunks: Uint8Array[], size = DEF_BUF_SIZE): number {
  let err: number;
  do {
    strm.output = new Uint8Array(size);
    strm.next_out = 0;
    strm.avail_out = size;
    err = step();
    if (strm.next_out > 0) chunks.push(strm.output.subarray(0, strm.next_out));
  } while (strm.avail_out === 0 && err !== Z_STREAM_END && err !== Z_STREAM_ERROR);
  return err;
}

function feed(strm: ZStream, data: Uint8Array): void {
  strm.input = data;
  strm.next_in = 0;
  strm.avail_in = data.length;
}

function deflateStream(level: number, method: number, wbits: number, memLevel: number, strategy: number): ZStream {
  const strm = new ZStream();
  const err = zlibDeflateInit2(strm, level, method, wbits, memLevel, strategy as Z_Strategy);
  if (err === Z_OK) return strm;
  if (err === Z_MEM_ERROR) throw new Exception('Out of memory while compressing data');
  if (err === Z_STREAM_ERROR) throw newError('Bad compression level');
  throw zlibError(strm, err, 'while compressing data');
}

export const compress = pyFunction('data, /, level=, wbits=', 'compress', Q, (data: unknown, level: unknown = -1, wbits: unknown = MAX_WBITS): PyBytes => {
  const input = binaryArg(data);
  const strm = deflateStream(intArg(level), DEFLATED, intArg(wbits), DEF_MEM_LEVEL, Z_DEFAULT_STRATEGY);
  feed(strm, input);
  const chunks: Uint8Array[] = [];
  const err = drain(strm, () => zlibDeflate(strm, Z_FINISH as Z_FlushMode), chunks);
  zlibDeflateEnd(strm);
  if (err !== Z_STREAM_END) throw zlibError(strm, err, 'while compressing data');
  return bytesOf(chunks);
});

function inflateStream(wbits: number): ZStream {
  const strm = new ZStream();
  const err = zlibInflateInit2(strm, wbits);
  if (err === Z_OK) return strm;
  if (err === Z_MEM_ERROR) throw new Exception('Out of memory while decompressing data');
  throw zlibError(strm, err, 'while preparing to decompress data');
}

export const decompress = pyFunction('data, /, wbits=, bufsize=', 'decompress', Q, (data: unknown, wbits: unknown = MAX_WBITS, bufsize: unknown = DEF_BUF_SIZE): PyBytes => {
  const input = binaryArg(data);
  const size = intArg(bufsize);
  if (size < 0) throw new ValueError('bufsize must be non-negative');
  const strm = inflateStream(intArg(wbits));
  feed(strm, input);
  const chunks: Uint8Array[] = [];
  let err = drain(strm, () => zlibInflate(strm, Z_NO_FLUSH as Z_FlushMode), chunks, Math.max(size, 1));
  zlibInflateEnd(strm);
  if (err === Z_OK && strm.avail_in === 0) err = Z_BUF_ERROR;
  if (err !== Z_STREAM_END) throw zlibError(strm, err, 'while decompressing data');
  return bytesOf(chunks);
});

/** crc32(data, value=0), as binascii's. */
export const crc32 = pyFunction('data, value=, /', 'crc32', Q, (data: unknown, value: unknown = 0): number =>
  (binasciiCrc32 as (d: unknown, v: unknown) => number)(data, value));

export const adler32 = pyFunction('data, value=, /', 'adler32', Q, (data: unknown, value: unknown = 1): number => {
  const v = Number(BigInt.asUintN(32, BigInt(pyIndex(value))));
  let a = v & 0xffff;
  let b = v >>> 16;
  const bytes = binaryArg(data);
  // zlib's NMAX: the most bytes before the sums must be reduced to stay exact in 32 bits.
  for (let i = 0; i < bytes.length;) {
    const end = Math.min(i + 5552, bytes.length);
    for (; i < end; i++) {
      a += bytes[i]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
});

const streams = new WeakMap<object, { strm: ZStream; open: boolean; zdict: Uint8Array | null; eof: boolean; raw: boolean }>();

function stateOf(obj: unknown, kind: string): { strm: ZStream; open: boolean; zdict: Uint8Array | null; eof: boolean; raw: boolean } {
  const state = streams.get(obj as object);
  if (state === undefined) throw new TypeError(`descriptor requires a 'zlib.${kind}' object`);
  return state;
}

/** The object compressobj() returns. */
const Compress = defineClass(Q, 'Compress', [], {
  compress: pyFunction('self, data, /', 'Compress.compress', Q, (obj: unknown, data: unknown): PyBytes => {
    const input = binaryArg(data);
    const state = stateOf(obj, 'Compress');
    if (!state.open) throw zlibError(state.strm, Z_STREAM_ERROR, 'while compressing data');
    feed(state.strm, input);
    const chunks: Uint8Array[] = [];
    let err: number;
    do {
      err = drain(state.strm, () => zlibDeflate(state.strm, Z_NO_FLUSH as Z_FlushMode), chunks);
    } while (state.strm.avail_in > 0 && err === Z_OK);
    if (err !== Z_OK && err !== Z_BUF_ERROR) throw zlibError(state.strm, err, 'while compressing data');
    return bytesOf(chunks);
  }),
  flush: pyFunction('self, mode=, /', 'Compress.flush', Q, (obj: unknown, mode: unknown = Z_FINISH): PyBytes => {
    const flushMode = intArg(mode);
    const state = stateOf(obj, 'Compress');
    // Z_NO_FLUSH is a no-op, as CPython's.
    if (flushMode === Z_NO_FLUSH) return new PyBytes(new Uint8Array(0));
    if (!state.open) throw zlibError(state.strm, Z_STREAM_ERROR, 'while flushing');
    feed(state.strm, new Uint8Array(0));
    const chunks: Uint8Array[] = [];
    const err = drain(state.strm, () => zlibDeflate(state.strm, flushMode as Z_FlushMode), chunks);
    if (err === Z_STREAM_END && flushMode === Z_FINISH) {
      zlibDeflateEnd(state.strm);
      state.open = false;
    } else if (err !== Z_OK && err !== Z_BUF_ERROR) {
      throw zlibError(state.strm, err, 'while flushing');
    }
    return bytesOf(chunks);
  }),
});

export const compressobj = pyFunction('level=, method=, wbits=, memLevel=, strategy=, zdict=', 'compressobj', Q,
  (level: unknown = -1, method: unknown = DEFLATED, wbits: unknown = MAX_WBITS, memLevel: unknown = DEF_MEM_LEVEL, strategy: unknown = Z_DEFAULT_STRATEGY, zdict: unknown = null): unknown => {
    const dict = zdict === null ? null : binaryArg(zdict);
    const strm = new ZStream();
    const err = zlibDeflateInit2(strm, intArg(level), intArg(method), intArg(wbits), intArg(memLevel), intArg(strategy) as Z_Strategy);
    if (err === Z_MEM_ERROR) throw new Exception("Can't allocate memory for compression object");
    if (err === Z_STREAM_ERROR) throw new ValueError('Invalid initialization option');
    if (err !== Z_OK) throw zlibError(strm, err, 'while creating compression object');
    if (dict !== null && zlibDeflateSetDictionary(strm, dict) !== Z_OK) throw new ValueError('Invalid dictionary');
    const obj = new (Compress as unknown as new () => object)();
    streams.set(obj, { strm, open: true, zdict: dict, eof: false, raw: false });
    return obj;
  });

/** The unused input after the end of the stream, the input not yet consumed for max_length, the end reached. */
const decompressFacts = new WeakMap<object, { unused: Uint8Array; tail: Uint8Array }>();

function saveUnconsumed(obj: object, strm: ZStream, input: Uint8Array, ended: boolean): void {
  const facts = decompressFacts.get(obj)!;
  const rest = input.subarray(strm.next_in);
  if (ended) {
    // After the end, what is left is unused_data, added to what an earlier call left there.
    if (rest.length > 0) facts.unused = concat([facts.unused, rest], facts.unused.length + rest.length);
    facts.tail = new Uint8Array(0);
  } else {
    facts.tail = rest.slice();
  }
}


function inflateAll(obj: object, input: Uint8Array, maxLength: number): PyBytes {
  const state = stateOf(obj, 'Decompress');
  const strm = state.strm;
  feed(strm, input);
  const chunks: Uint8Array[] = [];
  let produced = 0;
  let err = Z_OK;
  while (!state.eof && strm.avail_in > 0 && (maxLength === 0 || produced < maxLength)) {
    const room = maxLength === 0 ? DEF_BUF_SIZE : Math.min(DEF_BUF_SIZE, maxLength - produced);
    strm.output = new Uint8Array(room);
    strm.next_out = 0;
    strm.avail_out = room;
    err = zlibInflate(strm, Z_SYNC_FLUSH as Z_FlushMode);
    if (err === Z_NEED_DICT && state.zdict !== null) {
      if (zlibInflateSetDictionary(strm, state.zdict) !== Z_OK) throw zlibError(strm, Z_DATA_ERROR, 'while setting zdict');
      continue;
    }
    if (strm.next_out > 0) {
      chunks.push(strm.output.subarray(0, strm.next_out));
      produced += strm.next_out;
    }
    if (err === Z_STREAM_END) {
      state.eof = true;
      break;
    }
    if (err !== Z_OK && err !== Z_BUF_ERROR) {
      saveUnconsumed(obj, strm, input, false);
      throw zlibError(strm, err, 'while decompressing data');
    }
    if (err === Z_BUF_ERROR && strm.avail_out > 0) break;
  }
  saveUnconsumed(obj, strm, input, state.eof);
  return bytesOf(chunks);
}

/** The object decompressobj() returns. */
const Decompress = defineClass(Q, 'Decompress', [], {
  decompress: pyFunction('self, data, /, max_length=', 'Decompress.decompress', Q, (obj: unknown, data: unknown, maxLength: unknown = 0): PyBytes => {
    const input = binaryArg(data);
    const max = intArg(maxLength);
    if (max < 0) throw new ValueError('max_length must be non-negative');
    return inflateAll(obj as object, input, max);
  }),
  flush: pyFunction('self, length=, /', 'Decompress.flush', Q, (obj: unknown, length: unknown = DEF_BUF_SIZE): PyBytes => {
    if (intArg(length) <= 0) throw new ValueError('length must be greater than zero');
    const facts = decompressFacts.get(obj as object)!;
    const out = inflateAll(obj as object, facts.tail, 0);
    const state = stateOf(obj, 'Decompress');
    if (state.eof && state.open) {
      zlibInflateEnd(state.strm);
      state.open = false;
    }
    return out;
  }),
  unused_data: propertyOf((obj) => new PyBytes(decompressFacts.get(obj)!.unused.slice())),
  unconsumed_tail: propertyOf((obj) => new PyBytes(decompressFacts.get(obj)!.tail.slice())),
  eof: propertyOf((obj) => stateOf(obj, 'Decompress').eof),
});

function propertyOf(get: (obj: object) => unknown): unknown {
  return propertyFactory(pyFunction('self', 'Decompress.attribute', Q, (obj: unknown) => get(obj as object)));
}

export const decompressobj = pyFunction('wbits=, zdict=', 'decompressobj', Q, (wbits: unknown = MAX_WBITS, zdict: unknown = null): unknown => {
  const dict = zdict === null ? null : binaryArg(zdict);
  const bits = intArg(wbits);
  const strm = new ZStream();
  const err = zlibInflateInit2(strm, bits);
  if (err === Z_STREAM_ERROR) throw new ValueError('Invalid initialization option');
  if (err === Z_MEM_ERROR) throw new Exception("Can't allocate memory for decompression object");
  if (err !== Z_OK) throw zlibError(strm, err, 'while creating decompression object');
  const raw = bits < 0;
  // A raw stream has no header to ask for the dictionary: it is set at once, as CPython does.
  if (dict !== null && raw && zlibInflateSetDictionary(strm, dict) !== Z_OK) throw zlibError(strm, Z_DATA_ERROR, 'while setting zdict');
  const obj = new (Decompress as unknown as new () => object)();
  streams.set(obj, { strm, open: true, zdict: dict, eof: false, raw });
  decompressFacts.set(obj, { unused: new Uint8Array(0), tail: new Uint8Array(0) });
  return obj;
});
