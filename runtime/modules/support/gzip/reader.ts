/**
 * The raw stream a reading GzipFile buffers (`io.BufferedReader(raw)`):
 * CPython's `gzip._GzipReader` over `_compression.DecompressReader`, reading
 * the compressed file through `_PaddedFile` (which puts back what the
 * decompressor read past a member's end), members one after the other with
 * their CRC and size checked, zero padding between them skipped, and
 * seeking by reading forward (backward: from the start again).
 */
import { ValueError } from '../../../builtins/exceptions.js';
import { PyBytes, TYPE_NAME, typeName } from '../../../builtins/values.js';
import { callMethod, getattr } from '../../../builtins/attributes.js';
import { call } from '../../../builtins/calls.js';
import { readWriteBuffer } from '../../../builtins/buffer.js';
import { concat } from '../../../builtins/fileState.js';
import { DEFAULT_BUFFER_SIZE, _RawIOBase, intArg, sizeArg } from '../../../builtins/ioBases.js';
import { checkPositional } from '../../../builtins/arity.js';
import { bufferOf } from '../binascii/codec.js';
import { TypeError } from '../../../builtins/exceptions.js';
import { crc32, decompressobj, MAX_WBITS } from '../../zlib.js';
import { badGzip, readExact, readGzipHeader, truncated } from './header.js';

const EMPTY = new Uint8Array(0);

/** What a file's read() gave, as bytes. */
function bytesRead(got: unknown): Uint8Array {
  const b = bufferOf(got);
  if (b === null) throw new TypeError(`a bytes-like object is required, not '${typeName(got)}'`);
  return b;
}

/** CPython's `_PaddedFile`: a file with bytes put back in front of what it has left to read. */
class PaddedFile {
  #buffer: Uint8Array = EMPTY;
  #length = 0;
  /** How much of #buffer has been read; null once it is used up (reads go to the file). */
  #read: number | null = 0;

  constructor(readonly file: unknown) {}

  read(size: number): Uint8Array {
    if (this.#read === null) return this.#fromFile(size);
    if (this.#read + size <= this.#length) {
      const start = this.#read;
      this.#read += size;
      return this.#buffer.subarray(start, this.#read);
    }
    const start = this.#read;
    this.#read = null;
    const head = this.#buffer.subarray(start);
    const tail = this.#fromFile(size - this.#length + start);
    return head.length === 0 ? tail : concat([head, tail], head.length + tail.length);
  }

  #fromFile(size: number): Uint8Array {
    return bytesRead(callMethod(this.file, 'read', size));
  }

  prepend(data: Uint8Array): void {
    if (this.#read !== null) {
      // What is put back was read since the last prepend: it is still in the buffer.
      this.#read -= data.length;
      return;
    }
    this.#buffer = data;
    this.#length = data.length;
    this.#read = 0;
  }

  seek(offset: number): unknown {
    this.#read = null;
    this.#buffer = EMPTY;
    return callMethod(this.file, 'seek', offset);
  }
}

function newDecompressor(): unknown {
  return call(decompressobj, [], { wbits: -MAX_WBITS });
}

export class GzipReader extends _RawIOBase {
  static override readonly __name__: string = '_GzipReader';
  static readonly [TYPE_NAME] = 'gzip._GzipReader';
  static override readonly __module__: string = 'gzip';

  readonly #fp: PaddedFile;
  #decompressor: unknown;
  /** The position in the decompressed stream. */
  #pos = 0;
  /** The decompressed stream's size, once known (for SEEK_END). */
  #size = -1;
  #newMember = true;
  #lastMtime: number | null = null;
  #crc = 0;
  #streamSize = 0;
  #closed = false;

  constructor(fp: unknown) {
    super();
    this.#fp = new PaddedFile(fp);
    this.#decompressor = newDecompressor();
  }

  get _last_mtime(): number | null {
    return this.#lastMtime;
  }

  override readable(): boolean {
    return true;
  }

  override seekable(): boolean {
    // _PaddedFile says so, to let unseekable streams be read forward.
    return true;
  }

  override tell(): number {
    return this.#pos;
  }

  override readinto(target: unknown): number {
    const memory = readWriteBuffer(target, 'readinto');
    const data = this.#chunk(memory.length);
    memory.set(data);
    return data.length;
  }

  override read(...args: unknown[]): PyBytes {
    checkPositional('read', args.length, 0, 1);
    const size = sizeArg(args[0]);
    if (size < 0) return this.readall();
    // A copy: the chunk may be a view of the decompressor's output.
    return new PyBytes(this.#chunk(size).slice());
  }

  override readall(): PyBytes {
    const parts: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const data = this.#chunk(Infinity);
      if (data.length === 0) break;
      parts.push(data);
      total += data.length;
    }
    return new PyBytes(parts.length === 1 ? parts[0]!.slice() : concat(parts, total));
  }

  /**
   * `_GzipReader.read(size)` for size > 0: what one decompression step
   * gives (empty at the end), Infinity for no limit. The next member starts
   * once a member's end has been reached and its trailer checked.
   */
  #chunk(size: number): Uint8Array {
    if (size === 0) return EMPTY;
    let out: Uint8Array;
    for (;;) {
      if (this.#decompressor === null) throw new ValueError('I/O operation on closed file.');
      if (getattr(this.#decompressor, 'eof') === true) {
        this.#readEof();
        this.#newMember = true;
        this.#decompressor = newDecompressor();
      }
      if (this.#newMember) {
        this.#crc = 0;
        this.#streamSize = 0;
        const mtime = readGzipHeader((n) => this.#fp.read(n));
        if (mtime === null) {
          this.#size = this.#pos;
          return EMPTY;
        }
        this.#lastMtime = mtime;
        this.#newMember = false;
      }
      const buf = this.#fp.read(DEFAULT_BUFFER_SIZE);
      // max_length 0 is zlib's "no limit".
      const got = callMethod(this.#decompressor, 'decompress', new PyBytes(buf), size === Infinity ? 0 : size) as PyBytes;
      out = got.bytes;
      const tail = (getattr(this.#decompressor, 'unconsumed_tail') as PyBytes).bytes;
      if (tail.length > 0) {
        this.#fp.prepend(tail);
      } else {
        // What the decompressor read past the member's end is the trailer and what follows it.
        const unused = (getattr(this.#decompressor, 'unused_data') as PyBytes).bytes;
        if (unused.length > 0) this.#fp.prepend(unused);
      }
      if (out.length > 0) break;
      if (buf.length === 0) throw truncated();
    }
    this.#crc = crc32(new PyBytes(out), this.#crc) as number;
    this.#streamSize += out.length;
    this.#pos += out.length;
    return out;
  }

  /** A member's trailer: its CRC and size checked; then the zero bytes gzip allows between members skipped. */
  #readEof(): void {
    const trailer = readExact((n) => this.#fp.read(n), 8);
    const view = new DataView(trailer.buffer, trailer.byteOffset, 8);
    const crc = view.getUint32(0, true);
    const isize = view.getUint32(4, true);
    if (crc !== this.#crc) throw badGzip(`CRC check failed 0x${crc.toString(16)} != 0x${this.#crc.toString(16)}`);
    if (isize !== this.#streamSize % 2 ** 32) throw badGzip('Incorrect length of data produced');
    let c = this.#fp.read(1);
    while (c.length > 0 && c[0] === 0) c = this.#fp.read(1);
    if (c.length > 0) this.#fp.prepend(c);
  }

  #rewind(): void {
    this.#fp.seek(0);
    this.#pos = 0;
    this.#decompressor = newDecompressor();
    this.#newMember = true;
  }

  override seek(...args: unknown[]): number {
    checkPositional('seek', args.length, 1, 2);
    let offset = intArg(args[0]);
    const whence = args.length > 1 ? intArg(args[1]) : 0;
    if (whence === 1) {
      offset = this.#pos + offset;
    } else if (whence === 2) {
      if (this.#size < 0) while (this.#chunk(DEFAULT_BUFFER_SIZE).length > 0);
      offset = this.#size + offset;
    } else if (whence !== 0) {
      throw new ValueError(`Invalid value for whence: ${whence}`);
    }
    if (offset < this.#pos) this.#rewind();
    else offset -= this.#pos;
    while (offset > 0) {
      const data = this.#chunk(Math.min(DEFAULT_BUFFER_SIZE, offset));
      if (data.length === 0) break;
      offset -= data.length;
    }
    return this.#pos;
  }

  /** Its own flag: IOBase's is an attribute looked up (and missed, raising inside) at every read of the buffered file. */
  override get closed(): boolean {
    return this.#closed;
  }

  override close(...args: unknown[]): unknown {
    this.#decompressor = null;
    const result = super.close(...args);
    this.#closed = true;
    return result;
  }
}
