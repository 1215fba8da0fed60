/**
 * Python's `gzip`, as CPython 3.11's gzip.py: `compress` and `decompress`
 * over zlib (runtime/modules/zlib.ts), with a header of their own and a
 * raw deflate stream (or zlib's own gzip wrapper when mtime is 0), members
 * read one after the other with their CRC and length checked; `GzipFile`
 * and `open` (binary and text modes) in support/gzip/gzipFile.ts.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { PyBytes, PyFloat } from '../builtins/values.js';
import { call } from '../builtins/calls.js';
import { pyIndex } from '../builtins/numbers/index.js';
import { binaryArg } from './support/binascii/codec.js';
import { concat } from '../builtins/fileState.js';
import { compress as zlibCompress, decompressobj, crc32, MAX_WBITS } from './zlib.js';
import { callMethod, getattr } from '../builtins/attributes.js';
import { time } from './time.js';
import { pyFunction } from './support/pydef.js';
import { loadedModules } from './support/moduleTable.js';
import { badGzip, readGzipHeader, truncated } from './support/gzip/header.js';
import { COMPRESS_LEVEL_BEST, COMPRESS_LEVEL_FAST } from './support/gzip/gzipFile.js';
import * as self from './gzip.js';

export const __name__ = 'gzip';
loadedModules.$set('gzip', self);

const Q = 'gzip';

export const __all__ = ['BadGzipFile', 'GzipFile', 'open', 'compress', 'decompress'];

export { BadGzipFile, FTEXT, FHCRC, FEXTRA, FNAME, FCOMMENT } from './support/gzip/header.js';
export { GzipFile, READ, WRITE, gzipOpen as open } from './support/gzip/gzipFile.js';

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

export const decompress = pyFunction('data', 'decompress', Q, (data: unknown): PyBytes => {
  let bytes = binaryArg(data);
  const members: Uint8Array[] = [];
  for (;;) {
    let start = 0;
    const mtime = readGzipHeader((n) => {
      const part = bytes.subarray(start, start + n);
      start += part.length;
      return part;
    });
    if (mtime === null) break;
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
