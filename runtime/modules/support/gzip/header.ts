/**
 * What gzip's one-shot functions and its file objects share: the header
 * flags, BadGzipFile and the truncation error, and CPython's
 * `_read_gzip_header` over any source of bytes (the data given to
 * `decompress`, or the file a GzipFile reads).
 */
import { EOFError, OSError } from '../../../builtins/exceptions.js';
import { PyBytes } from '../../../builtins/values.js';
import { repr } from '../../../builtins/repr.js';
import { call } from '../../../builtins/calls.js';
import { concat } from '../../../builtins/fileState.js';
import { defineClass } from '../stdlib/pyclass.js';

export const FTEXT = 1;
export const FHCRC = 2;
export const FEXTRA = 4;
export const FNAME = 8;
export const FCOMMENT = 16;

/** An exception raised for invalid gzip files. */
export const BadGzipFile = defineClass('gzip', 'BadGzipFile', [OSError], {});

export function badGzip(message: string): unknown {
  return call(BadGzipFile, [message], null);
}

export function truncated(): EOFError {
  return new EOFError('Compressed file ended before the end-of-stream marker was reached');
}

/** `fp.read(n)`: at most n bytes, fewer at the end (or from a stream that gives short reads). */
export type ReadBytes = (n: number) => Uint8Array;

/** CPython's `_read_exact`: n bytes, reading again after a short read, EOFError at the end. */
export function readExact(read: ReadBytes, n: number): Uint8Array {
  let data = read(n);
  while (data.length < n) {
    const more = read(n - data.length);
    if (more.length === 0) throw truncated();
    data = concat([data, more], data.length + more.length);
  }
  return data;
}

/** Reads up to and including a NUL byte (or to the end). */
function skipString(read: ReadBytes): void {
  for (;;) {
    const s = read(1);
    if (s.length === 0 || s[0] === 0) return;
  }
}

/**
 * CPython's `_read_gzip_header`: reads a member's header, and gives its
 * mtime, or null when the source is already at its end.
 */
export function readGzipHeader(read: ReadBytes): number | null {
  const magic = read(2);
  if (magic.length === 0) return null;
  if (magic.length !== 2 || magic[0] !== 0x1f || magic[1] !== 0x8b) throw badGzip(`Not a gzipped file (${repr(new PyBytes(magic.slice()))})`);
  const fixed = readExact(read, 8);
  const view = new DataView(fixed.buffer, fixed.byteOffset, 8);
  if (fixed[0] !== 8) throw badGzip('Unknown compression method');
  const flag = fixed[1]!;
  if (flag & FEXTRA) {
    const len = readExact(read, 2);
    readExact(read, len[0]! | (len[1]! << 8));
  }
  if (flag & FNAME) skipString(read);
  if (flag & FCOMMENT) skipString(read);
  if (flag & FHCRC) readExact(read, 2);
  return view.getUint32(2, true);
}
