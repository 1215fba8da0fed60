/**
 * Python's `gzip`: `compress` and `decompress` as CPython 3.11's gzip.py
 * writes them over zlib (runtime/modules/zlib.ts): a header of its own and
 * a raw deflate stream (or zlib's own gzip wrapper when mtime is 0), and
 * members read one after the other, with their CRC and length checked.
 * `GzipFile` and `open` are not provided.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { EOFError, OSError } from '../builtins/exceptions.js';
import { PyBytes, PyFloat } from '../builtins/values.js';
import { repr } from '../builtins/repr.js';
import { call } from '../builtins/calls.js';
import { pyIndex } from '../builtins/numbers/index.js';
import { binaryArg } from './support/binascii/codec.js';
import { concat } from '../builtins/fileState.js';
import { compress as zlibCompress, decompressobj, crc32, MAX_WBITS } from './zlib.js';
import { callMethod, getattr } from '../builtins/attributes.js';
import { time } from './time.js';
import { defineClass } from './support/stdlib/pyclass.js';
import { pyFunction } from './support/pydef.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './gzip.js';

export const __name__ = 'gzip';
loadedModules.$set('gzip', self);

const Q = 'gzip';

/** CPython's, less GzipFile and open. */
export const __all__ = ['BadGzipFile', 'compress', 'decompress'];

export const READ = 1;
export const WRITE = 2;
export const FTEXT = 1;
export const FHCRC = 2;
export const FEXTRA = 4;
export const FNAME = 8;
export const FCOMMENT = 16;
const COMPRESS_LEVEL_FAST = 1;
const COMPRESS_LEVEL_BEST = 9;

/** An exception raised for invalid gzip files. */
export const BadGzipFile = defineClass(Q, 'BadGzipFile', [OSError], {});

function badGzip(message: string): unknown {
  return call(BadGzipFile, [message], null);
}

function truncated(): EOFError {
  return new EOFError('Compressed file ended before the end-of-stream marker was reached');
}

export const compress = pyFunction('data, compresslevel=, *, mtime=', 'compress', Q, (data: unknown, compresslevel: unknown = COMPRESS_LEVEL_BEST, mtime: unknown = null): PyBytes => {
  const bytes = binaryArg(data);
  const level = Number(pyIndex(compresslevel));
  if (mtime !== null && numberOf(mtime) === 0) {
    // CPython lets zlib write the header then: its own, with mtime 0.
    return call(zlibCompress, [data], { level, wbits: 31 }) as PyBytes;
  }
  const seconds = Math.trunc(numberOf(mtime === null ? time() : mtime));
  const xfl = level === COMPRESS_LEVEL_BEST ? 2 : level === COMPRESS_LEVEL_FAST ? 4 : 0;
  const header = [0x1f, 0x8b, 8, 0, seconds & 0xff, (seconds >>> 8) & 0xff, (seconds >>> 16) & 0xff, (seconds >>> 24) & 0xff, xfl, 255];
  const body = (call(zlibCompress, [data], { level, wbits: -MAX_WBITS }) as PyBytes).bytes;
  const crc = crc32(data) as number;
  const size = bytes.length >>> 0;
  const out = new Uint8Array(header.length + body.length + 8);
  out.set(header, 0);
  out.set(body, header.length);
  const trailer = new DataView(out.buffer, header.length + body.length, 8);
  trailer.setUint32(0, crc, true);
  trailer.setUint32(4, size, true);
  return new PyBytes(out);
});

function numberOf(v: unknown): number {
  return v instanceof PyFloat ? v.value : Number(v);
}

/** The offset after a member's header at `at`, or null at the end of the data (CPython's _read_gzip_header). */
function readHeader(data: Uint8Array, at: number): number | null {
  if (at >= data.length) return null;
  const exact = (n: number): number => {
    if (at + n > data.length) throw truncated();
    const start = at;
    at += n;
    return start;
  };
  if (at + 2 > data.length || data[at] !== 0x1f || data[at + 1] !== 0x8b) {
    const magic = new PyBytes(data.slice(at, at + 2));
    throw badGzip(`Not a gzipped file (${repr(magic)})`);
  }
  at += 2;
  const fixed = exact(8);
  if (data[fixed] !== 8) throw badGzip('Unknown compression method');
  const flag = data[fixed + 1]!;
  if (flag & FEXTRA) {
    const len = exact(2);
    exact(data[len]! | (data[len + 1]! << 8));
  }
  if (flag & FNAME) while (data[exact(1)] !== 0);
  if (flag & FCOMMENT) while (data[exact(1)] !== 0);
  if (flag & FHCRC) exact(2);
  return at;
}

export const decompress = pyFunction('data', 'decompress', Q, (data: unknown): PyBytes => {
  let bytes = binaryArg(data);
  const members: Uint8Array[] = [];
  for (;;) {
    const start = readHeader(bytes, 0);
    if (start === null) break;
    const d = call(decompressobj, [], { wbits: -MAX_WBITS });
    const out = (callMethod(d, 'decompress', new PyBytes(bytes.subarray(start))) as PyBytes).bytes;
    const unused = (getattr(d, 'unused_data') as PyBytes).bytes;
    if (getattr(d, 'eof') !== true || unused.length < 8) throw truncated();
    const view = new DataView(unused.buffer, unused.byteOffset, 8);
    if (view.getUint32(0, true) !== crc32(new PyBytes(out))) throw badGzip('CRC check failed');
    if (view.getUint32(4, true) !== (out.length >>> 0)) throw badGzip('Incorrect length of data produced');
    members.push(out);
    // Padding of zeros between members is allowed.
    let next = 8;
    while (next < unused.length && unused[next] === 0) next++;
    bytes = unused.subarray(next);
  }
  let size = 0;
  for (const m of members) size += m.length;
  return new PyBytes(members.length === 1 ? members[0]! : concat(members, size));
});
