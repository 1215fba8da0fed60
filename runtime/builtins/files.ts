/**
 * open() and the file objects it returns, under Node (fs's synchronous
 * calls on a file descriptor, reached without importing Node at load
 * time). As in CPython, a binary file is buffered (`BufferedReader`,
 * `BufferedWriter`, `BufferedRandom`, or `FileIO` with buffering=0) and a
 * text file (`TextIOWrapper`, textFiles.ts) decodes and encodes on top of
 * one. The buffered classes made by a Python call over a Python raw stream
 * work as CPython's buffered.c (bufferedStreams.ts).
 *
 * One difference: pending writes of every open file are written before
 * open() opens another file (and at exit), so `open(p, 'w').write(s)`
 * followed by reading p sees s, as it does in CPython, where the unreferenced
 * file is closed at once.
 */
import { PyBytes, isIntNumber, TYPE_NAME, typeName, unbox } from './values.js';
import { AttributeError, OSError, StopIteration, TypeError, ValueError } from './exceptions.js';
import { decodeBytes } from './str.js';
import { lookupCodec } from './str/codecs.js';
import { repr } from './repr.js';
import { iterate } from './iteration.js';
import { truthy } from './truth.js';
import { callSpecial, hasSpecial } from './special.js';
import type { PyCallable } from './calls.js';
import { callMethod, getattr } from './attributes.js';
import { fromNodeError, nodeFs, osError, pause, writeAll, type NodeError, type NodeFs } from './io.js';
import { bufferSnapshot, readWriteBuffer } from './buffer.js';
import { argTypeName, type ClinicSignature, unpackKeywords } from './arity.js';
import { UnsupportedOperation, _BufferedIOBase, _RawIOBase, _TextIOBase, intArg, madeBare, selfMethod, sizeArg } from './ioBases.js';
import { MRO_HIDDEN, PY_BASES, pyClassOf } from './classes/model.js';
import { PyBuffered } from './bufferedStreams.js';
import { NATIVE_REINIT } from './classes/nativeInit.js';
import {
  BUFFER_SIZE, EMPTY, SYNC, checkedNewline, closedError, concat, flushAllFiles, isKeywordObject, isatty, localeDefault, markPending, nextLine,
  optionalStr, pendingFiles, readLines,
} from './fileState.js';
import { OPENED, TextIOWrapper, type Newline, type OpenedText } from './textFiles.js';

export { UnsupportedOperation, intArg, sizeArg } from './ioBases.js';
export { flushAllFiles } from './fileState.js';
export { TextIOWrapper, type BinaryBuffer } from './textFiles.js';

/** The parts in a new array of their own (never a view that keeps a larger buffer alive). */
function joined(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 0) return EMPTY;
  return parts.length === 1 ? parts[0]!.slice() : concat(parts, total);
}

function bytesLike(v: unknown): Uint8Array {
  v = unbox(v);
  if (v instanceof PyBytes) return v.bytes;
  // A bytearray or a memoryview can change after the write: their bytes as they are now.
  const buffer = bufferSnapshot(v);
  if (buffer !== null) return buffer;
  if (v instanceof Uint8Array) return v.slice();
  throw new TypeError(`a bytes-like object is required, not '${typeName(v)}'`);
}

/** What open() passes the binary file it makes (a Python call passes the raw stream instead). */
const OPENED_FILE = Symbol('pyasync.openedFile');

/** How a file was opened: what open() worked out from its arguments. */
interface Opened {
  fs: NodeFs;
  fd: number;
  name: unknown;
  /** The binary mode as CPython's buffered objects show it: 'rb', 'wb', 'ab', 'xb', 'rb+', 'ab+'… */
  mode: string;
  readable: boolean;
  writable: boolean;
  appending: boolean;
  seekable: boolean;
  closefd: boolean;
  bufferSize: number;
  position: number;
}

/**
 * A binary file: reads are served from a read-ahead buffer, writes collected
 * until the buffer size. Seekable files are read and written at explicit
 * positions, so the buffers never leave the OS's file offset out of step.
 */
export class BufferedFile extends _BufferedIOBase {
  static override readonly __module__: string = '_io';
  /** A Python call with keywords: they come last, as a plain object (as the constructor reads them from a subclass). */
  static $kw(this: new (...args: unknown[]) => BufferedFile, args: unknown[], kwargs: Record<string, unknown>): BufferedFile {
    return new this(...args, kwargs);
  }
  // The OS file's state: set for the files open() makes, unused by one made over a Python raw stream.
  #opened!: Opened;
  #fs!: NodeFs;
  #fd!: number;
  #readable!: boolean;
  #writable!: boolean;
  #appending!: boolean;
  #seekable!: boolean;
  #closefd!: boolean;
  #bufferSize!: number;
  #closed = false;
  /** The file offset of the next read or write of the OS file. */
  #rawPos!: number;
  /** Read ahead: #rbuf[#rstart:] comes before #rawPos. */
  #rbuf = EMPTY;
  #rstart = 0;
  /** Written, not yet handed to the OS: they go at #rawPos. */
  #wbuf: Uint8Array[] = [];
  #wsize = 0;
  /** The FileIO `raw` shows, made when first asked. */
  #rawFile: FileIO | null = null;
  /**
   * Set when the object is not an OS file open() made: made by a Python call
   * over a Python raw stream (`io.BufferedReader(raw)`), not yet set up (a
   * subclass before its `__init__`), or detached. Every method hands its
   * work to it first.
   */
  #py: PyBuffered | null = null;

  /** `BufferedReader(raw, buffer_size=8192)` from Python; open() passes OPENED_FILE and what it opened. */
  constructor(...args: unknown[]) {
    super();
    if (args[0] === OPENED_FILE) {
      this.#setOpened(args[1] as Opened);
      return;
    }
    this.#py = PyBuffered.uninitialized();
    // A Python subclass's instance made bare waits for its __init__'s super().__init__(…) (NATIVE_REINIT).
    if (!madeBare(new.target, args)) this.#initPython(args);
  }

  #setOpened(opened: Opened): void {
    this.#opened = opened;
    this.#fs = opened.fs;
    this.#fd = opened.fd;
    this.#readable = opened.readable;
    this.#writable = opened.writable;
    this.#appending = opened.appending;
    this.#seekable = opened.seekable;
    this.#closefd = opened.closefd;
    this.#bufferSize = opened.bufferSize;
    this.#rawPos = opened.position;
  }

  #initPython(args: unknown[]): void {
    if (this instanceof FileIO) {
      this.#py = null;
      this.#closed = false;
      this.#setOpened(openFileIO(args));
      return;
    }
    const kind = this instanceof BufferedReader ? 'reader' : this instanceof BufferedWriter ? 'writer' : 'random';
    const engine = PyBuffered.uninitialized();
    this.#py = engine;
    engine.init(kind, args);
  }

  [NATIVE_REINIT](...args: unknown[]): void {
    this.#initPython(args);
  }

  get name(): unknown {
    return this.#py !== null ? this.#py.name : this.#opened.name;
  }

  /** Whether closing closes the OS file (FileIO's `closefd`). */
  protected get $closefd(): boolean {
    return this.#closefd;
  }

  get mode(): unknown {
    return this.#py !== null ? this.#py.mode : this.#opened.mode;
  }

  /** The raw stream: the Python one it was made over, or a FileIO of the OS file. */
  get raw(): unknown {
    if (this.#py !== null) return this.#py.raw;
    if (this instanceof FileIO) throw new AttributeError("'_io.FileIO' object has no attribute 'raw'");
    return this.#rawStream();
  }

  #rawStream(): FileIO {
    if (this.#rawFile === null) {
      this.#rawFile = new FileIO(OPENED_FILE, { ...this.#opened, bufferSize: 0, position: this.#rawPos });
      if (this.#closed) this.#rawFile.close();
    }
    return this.#rawFile;
  }

  override get closed(): boolean {
    return this.#py !== null ? truthy(this.#py.closed) : this.#closed;
  }

  __repr__(): string {
    if (this.#py !== null) {
      const cls = pyClassOf(this);
      const type = cls !== undefined ? cls.__name__ : `_io.${(this.constructor as { __name__?: string }).__name__}`;
      let name: unknown;
      try {
        name = getattr(this, 'name', undefined);
      } catch (e) {
        if (!(e instanceof ValueError)) throw e;
      }
      return name === undefined ? `<${type}>` : `<${type} name=${repr(name)}>`;
    }
    const type = (this.constructor as { __name__?: string }).__name__;
    return `<_io.${type} name=${repr(this.name)}>`;
  }

  /** detach(): flushed, the raw stream is handed over and this object is left unusable. */
  override detach(): unknown {
    if (this.#py !== null) return this.#py.detach(this);
    if (this instanceof FileIO) throw new UnsupportedOperation('detach');
    callMethod(this, 'flush');
    const raw = this.#rawStream();
    pendingFiles.delete(this);
    this.#py = PyBuffered.detachedState();
    return raw;
  }

  peek(size?: unknown): PyBytes {
    if (this.#py !== null) return this.#py.peek(size) as PyBytes;
    if (size !== undefined) sizeArg(size);
    this.#checkRead('peek');
    this[SYNC]();
    if (this.#unread() === 0) {
      this.#rbuf = this.#rawRead(this.#readAhead());
      this.#rstart = 0;
    }
    return new PyBytes(this.#rbuf.slice(this.#rstart));
  }

  override readinto1(target: unknown): number {
    if (this.#py !== null) return this.#py.readinto(target, true) as number;
    const memory = readWriteBuffer(target, 'readinto1');
    const data = BufferedFile.prototype.read1.call(this, memory.length).bytes;
    memory.set(data);
    return data.length;
  }

  // --- reading -------------------------------------------------------------

  #checkRead(what: string): void {
    if (!this.#readable) throw new UnsupportedOperation(what);
    if (this.#closed) throw new ValueError(`${what} of closed file`);
  }

  /** One read of the OS file (short at its end). */
  #rawRead(n: number): Uint8Array {
    const buf = new Uint8Array(n);
    for (;;) {
      try {
        const got = this.#fs.readSync(this.#fd, buf, 0, n, this.#seekable ? this.#rawPos : null);
        this.#rawPos += got;
        return got === n ? buf : buf.subarray(0, got);
      } catch (error) {
        if ((error as NodeError).code === 'EAGAIN') pause();
        else throw fromNodeError(error);
      }
    }
  }

  #takeBuffered(n: number): Uint8Array {
    const end = Math.min(this.#rbuf.length, this.#rstart + n);
    const out = this.#rbuf.subarray(this.#rstart, end);
    this.#rstart = end;
    return out;
  }

  /** How much one read of the OS file asks for (an unbuffered file still reads lines in chunks). */
  #readAhead(): number {
    return this.#bufferSize || BUFFER_SIZE;
  }

  #unread(): number {
    return this.#rbuf.length - this.#rstart;
  }

  /** Forgets the read-ahead, moving the OS position back to the logical one. */
  #dropReadAhead(): void {
    if (this.#seekable) this.#rawPos -= this.#unread();
    this.#rbuf = EMPTY;
    this.#rstart = 0;
  }

  read(size?: unknown): PyBytes {
    if (this.#py !== null) return this.#py.read(size) as PyBytes;
    const n = sizeArg(size);
    this.#checkRead('read');
    if (n < -1) throw new ValueError('read length must be non-negative or -1');
    this[SYNC]();
    if (n === -1) return new PyBytes(this.#readAll());
    const parts: Uint8Array[] = [];
    let got = 0;
    if (this.#unread() > 0) {
      const head = this.#takeBuffered(n);
      parts.push(head);
      got = head.length;
    }
    while (got < n) {
      const chunk = this.#rawRead(Math.max(n - got, this.#readAhead()));
      if (chunk.length === 0) break;
      const wanted = n - got;
      if (chunk.length > wanted) {
        parts.push(chunk.subarray(0, wanted));
        this.#rbuf = chunk;
        this.#rstart = wanted;
        got = n;
      } else {
        parts.push(chunk);
        got += chunk.length;
      }
    }
    return new PyBytes(joined(parts, got));
  }

  #readAll(): Uint8Array {
    const parts: Uint8Array[] = [];
    let total = 0;
    if (this.#unread() > 0) {
      const head = this.#takeBuffered(this.#unread());
      parts.push(head);
      total = head.length;
    }
    this.#rbuf = EMPTY;
    this.#rstart = 0;
    let size = BUFFER_SIZE;
    if (this.#seekable) {
      try {
        size = Math.max(size, this.#fs.fstatSync(this.#fd).size - this.#rawPos + 1);
      } catch {
        // Unknown size: read in buffer-sized pieces.
      }
    }
    for (;;) {
      const chunk = this.#rawRead(size);
      if (chunk.length === 0) break;
      parts.push(chunk);
      total += chunk.length;
    }
    return joined(parts, total);
  }

  /** `readinto(b)`: reads up to len(b) bytes into a bytearray or a writable memoryview; how many it read. */
  readinto(target: unknown): number {
    if (this.#py !== null) return this.#py.readinto(target, false) as number;
    const memory = readWriteBuffer(target, 'readinto');
    this.#checkRead('readinto');
    const data = BufferedFile.prototype.read.call(this, memory.length).bytes;
    memory.set(data);
    return data.length;
  }

  /** At most one read of the OS file: what is buffered, or else one buffer's worth. */
  read1(size?: unknown): PyBytes {
    if (this.#py !== null) return this.#py.read1(size) as PyBytes;
    const n = sizeArg(size);
    this.#checkRead('read');
    this[SYNC]();
    if (n === 0) return new PyBytes(EMPTY);
    if (this.#unread() === 0) {
      this.#rbuf = this.#rawRead(Math.max(n, this.#readAhead()));
      this.#rstart = 0;
    }
    return new PyBytes(this.#takeBuffered(n < 0 ? this.#unread() : n).slice());
  }

  readline(size?: unknown): PyBytes {
    if (this.#py !== null) return this.#py.readline(size) as PyBytes;
    const limit = sizeArg(size);
    this.#checkRead('readline');
    this[SYNC]();
    const parts: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      if (this.#unread() === 0) {
        this.#rbuf = this.#rawRead(this.#readAhead());
        this.#rstart = 0;
        if (this.#rbuf.length === 0) break;
      }
      const room = limit < 0 ? Infinity : limit - total;
      const newline = this.#rbuf.indexOf(10, this.#rstart);
      const lineEnd = newline < 0 ? this.#rbuf.length : newline + 1;
      const piece = this.#takeBuffered(Math.min(lineEnd - this.#rstart, room));
      parts.push(piece);
      total += piece.length;
      if (newline >= 0 && this.#rstart === newline + 1) break;
      if (total === limit) break;
    }
    return new PyBytes(joined(parts, total));
  }

  readlines(hint?: unknown): PyBytes[] {
    if (this.#py !== null) return super.readlines(hint) as PyBytes[];
    return readLines(this, hint);
  }

  __iter__(): this {
    if (this.#py !== null) return super.__iter__() as this;
    if (this.#closed) throw closedError(false);
    return this;
  }

  __next__(): PyBytes {
    if (this.#py !== null || pyClassOf(this) !== undefined) return nextLine(this, true) as PyBytes;
    const line = this.readline();
    if (line.bytes.length === 0) throw new StopIteration();
    return line;
  }

  [Symbol.iterator](): Generator<PyBytes> {
    if (this.#py !== null || pyClassOf(this) !== undefined) return super[Symbol.iterator]() as Generator<PyBytes>;
    if (this.#closed) throw closedError(false);
    return this.#lines();
  }

  *#lines(): Generator<PyBytes> {
    for (;;) {
      const line = this.readline();
      if (line.bytes.length === 0) return;
      yield line;
    }
  }

  // --- writing -------------------------------------------------------------

  write(data: unknown): number {
    if (this.#py !== null) {
      const n = this.#py.write(data) as number;
      // Written out before open() and at exit as the OS files' writes are (CPython: when collected, or at exit).
      if (this.#py.hasPendingWrites()) markPending(this);
      return n;
    }
    const bytes = bytesLike(data);
    if (!this.#writable) throw new UnsupportedOperation('write');
    if (this.#closed) throw new ValueError('write to closed file');
    if (this.#unread() > 0) this.#dropReadAhead();
    if (this.#bufferSize === 0) {
      this.#rawWrite(bytes);
      return bytes.length;
    }
    this.#wbuf.push(bytes);
    this.#wsize += bytes.length;
    if (this.#wsize >= this.#bufferSize) this[SYNC]();
    else if (this.#wbuf.length === 1) markPending(this);
    return bytes.length;
  }

  writelines(lines: unknown): null {
    if (this.#py !== null) return super.writelines(lines) as null;
    if (this.#closed) throw closedError(false);
    if (pyClassOf(this) !== undefined) return super.writelines(lines) as null;
    for (const line of iterate(lines)) this.write(line);
    return null;
  }

  #rawWrite(data: Uint8Array): void {
    const atEnd = this.#appending || !this.#seekable;
    writeAll(this.#fs, this.#fd, data, atEnd ? null : this.#rawPos);
    if (this.#appending && this.#seekable) this.#rawPos = this.#fs.fstatSync(this.#fd).size;
    else this.#rawPos += data.length;
  }

  /** Hands the buffered writes to the OS. */
  [SYNC](): void {
    if (this.#py !== null) {
      pendingFiles.delete(this);
      this.#py.writeOut();
      return;
    }
    if (this.#wsize === 0) return;
    const data = concat(this.#wbuf, this.#wsize);
    this.#wbuf = [];
    this.#wsize = 0;
    pendingFiles.delete(this);
    this.#rawWrite(data);
  }

  flush(): null {
    if (this.#py !== null) return this.#py.flush() as null;
    if (this.#closed) throw new ValueError('flush of closed file');
    this[SYNC]();
    return null;
  }

  truncate(size?: unknown): number {
    if (this.#py !== null) return this.#py.truncate(size) as number;
    if (this.#closed) throw closedError(false);
    if (!this.#writable) throw new UnsupportedOperation('truncate');
    this[SYNC]();
    const at = size === undefined || size === null ? BufferedFile.prototype.tell.call(this) : intArg(size);
    try {
      this.#fs.ftruncateSync(this.#fd, at);
    } catch (error) {
      throw fromNodeError(error);
    }
    return at;
  }

  // --- position ------------------------------------------------------------

  tell(): number {
    if (this.#py !== null) return this.#py.tell() as number;
    if (this.#closed) throw closedError(false);
    if (!this.#seekable) throw osError('ESPIPE');
    if (this.#appending) this[SYNC]();
    return this.#rawPos - this.#unread() + this.#wsize;
  }

  seek(offset: unknown, whence: unknown = 0): number {
    if (this.#py !== null) return this.#py.seek(offset, whence) as number;
    const off = intArg(offset);
    const from = intArg(whence);
    if (this.#closed) throw new ValueError('seek of closed file');
    if (from < 0 || from > 2) throw new ValueError(`whence value ${from} unsupported`);
    if (!this.#seekable) throw osError('ESPIPE');
    this[SYNC]();
    const base = from === 0 ? 0 : from === 1 ? this.#rawPos - this.#unread() : this.#fs.fstatSync(this.#fd).size;
    const target = base + off;
    if (target < 0) throw osError('EINVAL');
    this.#rbuf = EMPTY;
    this.#rstart = 0;
    this.#rawPos = target;
    return target;
  }

  // --- the file itself -----------------------------------------------------

  close(): null {
    if (this.#py !== null) return this.#py.close(this) as null;
    if (this.#closed) return null;
    try {
      this[SYNC]();
    } finally {
      this.#closed = true;
      pendingFiles.delete(this);
      // The raw file, once shown, owns the descriptor: closing it closes the file (once).
      if (this.#rawFile !== null) this.#rawFile.close();
      else if (this.#closefd) {
        try {
          this.#fs.closeSync(this.#fd);
        } catch {
          // Already closed by someone else (an fd shared through open(fd)).
        }
      }
    }
    return null;
  }

  fileno(): number {
    if (this.#py !== null) return this.#py.fileno() as number;
    if (this.#closed) throw closedError(false);
    return this.#fd;
  }

  isatty(): boolean {
    if (this.#py !== null) return this.#py.isatty() as boolean;
    if (this.#closed) throw closedError(false);
    return isatty(this.#fd);
  }

  readable(): boolean {
    if (this.#py !== null) return this.#py.readable() as boolean;
    if (this.#closed) throw closedError(false);
    return this.#readable;
  }

  writable(): boolean {
    if (this.#py !== null) return this.#py.writable() as boolean;
    if (this.#closed) throw closedError(false);
    return this.#writable;
  }

  seekable(): boolean {
    if (this.#py !== null) return this.#py.seekable() as boolean;
    if (this.#closed) throw closedError(false);
    return this.#seekable;
  }

  __enter__(): this {
    if (this.#py !== null) return super.__enter__() as this;
    if (this.#closed) throw closedError(true);
    return this;
  }

  __exit__(): null {
    if (this.#py !== null) return super.__exit__() as null;
    selfMethod(this, 'close');
    return null;
  }
}

// Shared code only: Python sees BufferedReader's MRO as CPython's (BufferedReader, _BufferedIOBase, _IOBase, object).
Object.defineProperty(BufferedFile, MRO_HIDDEN, { value: true });

export class BufferedReader extends BufferedFile {
  static readonly __name__ = 'BufferedReader';
  static readonly [TYPE_NAME] = '_io.BufferedReader';
}

export class BufferedWriter extends BufferedFile {
  static readonly __name__ = 'BufferedWriter';
  static readonly [TYPE_NAME] = '_io.BufferedWriter';
}

export class BufferedRandom extends BufferedFile {
  static readonly __name__ = 'BufferedRandom';
  static readonly [TYPE_NAME] = '_io.BufferedRandom';
}

/** buffering=0: every write goes straight to the OS. */
export class FileIO extends BufferedFile {
  static readonly __name__ = 'FileIO';
  static readonly [TYPE_NAME] = '_io.FileIO';

  /** readall(): the rest of the file. */
  readall(): PyBytes {
    return BufferedFile.prototype.read.call(this);
  }

  get closefd(): boolean {
    return this.$closefd;
  }

  override __repr__(): string {
    if (this.closed) return '<_io.FileIO [closed]>';
    return `<_io.FileIO name=${repr(this.name)} mode='${String(this.mode)}' closefd=${this.$closefd ? 'True' : 'False'}>`;
  }
}

// A raw file in CPython: FileIO, _RawIOBase, _IOBase, object (the JS chain has BufferedFile's code under it).
Object.defineProperty(FileIO, PY_BASES, { value: [_RawIOBase] });

// --- open() ------------------------------------------------------------------

const OPEN_SIGNATURE: ClinicSignature = {
  name: 'open', params: ['file', 'mode', 'buffering', 'encoding', 'errors', 'newline', 'closefd', 'opener'], posonly: 0, minpos: 1, maxpos: 8,
};

/** open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None) */
export const open = Object.assign(
  function open(...args: unknown[]): BufferedFile | TextIOWrapper {
    return openWith(args, {});
  },
  { $kw: (args: unknown[], kwargs: Record<string, unknown>): unknown => openWith(args, kwargs) },
) as ((...args: unknown[]) => BufferedFile | TextIOWrapper) & PyCallable;

function openWith(args: unknown[], kwargs: Record<string, unknown>): BufferedFile | TextIOWrapper {
  const bound = unpackKeywords(OPEN_SIGNATURE, args, kwargs);
  const [file, mode = 'r', buffering = -1, encoding = null, errors = null, newline = null, closefd = true, opener = null] = bound;
  return openFile(file, mode, buffering, encoding, errors, newline, closefd, opener);
}

interface ModeFlags {
  creating: boolean;
  reading: boolean;
  writing: boolean;
  appending: boolean;
  updating: boolean;
  binary: boolean;
}

function parseMode(mode: string): ModeFlags {
  const seen = new Set<string>();
  for (const ch of mode) {
    if (!'rwxabt+'.includes(ch) || seen.has(ch)) throw new ValueError(`invalid mode: ${repr(mode)}`);
    seen.add(ch);
  }
  const flags = {
    creating: seen.has('x'), reading: seen.has('r'), writing: seen.has('w'), appending: seen.has('a'),
    updating: seen.has('+'), binary: seen.has('b'),
  };
  if (seen.has('t') && flags.binary) throw new ValueError("can't have text and binary mode at once");
  if (+flags.creating + +flags.reading + +flags.writing + +flags.appending > 1) {
    throw new ValueError('must have exactly one of create/read/write/append mode');
  }
  return flags;
}

/** The path of open()'s `file` argument: a str, bytes, or an os.PathLike's __fspath__(); null for a descriptor. */
function pathOf(file: unknown): string | null {
  if (typeof file === 'string') return file;
  if (file instanceof PyBytes) return decodeBytes(file.bytes, 'utf-8', 'surrogateescape');
  if (typeof file === 'number' && isIntNumber(file)) return null;
  if (typeof file === 'boolean' || typeof file === 'bigint') return null;
  if (hasSpecial(file, '__fspath__')) {
    const path = callSpecial(file, '__fspath__');
    if (typeof path === 'string' || path instanceof PyBytes) return pathOf(path);
    throw new TypeError(`expected ${typeName(file)}.__fspath__() to return str or bytes, not ${typeName(path)}`);
  }
  throw new TypeError(`expected str, bytes or os.PathLike object, not ${typeName(file)}`);
}

export function openFile(
  file: unknown, mode: unknown = 'r', buffering: unknown = -1, encoding: unknown = null, errors: unknown = null,
  newline: unknown = null, closefd: unknown = true, opener: unknown = null,
): BufferedFile | TextIOWrapper {
  if (typeof mode !== 'string') throw new TypeError(`open() argument 'mode' must be str, not ${argTypeName(mode)}`);
  const bufferingSize = intArg(buffering);
  // 'locale' asks for the locale's encoding, which the runtime takes to be UTF-8.
  const encodingName = localeDefault(optionalStr('open', 'encoding', encoding));
  const errorsName = optionalStr('open', 'errors', errors);
  const newlineValue = optionalStr('open', 'newline', newline);
  const flags = parseMode(mode);
  if (flags.binary) {
    if (encodingName !== null) throw new ValueError("binary mode doesn't take an encoding argument");
    if (errorsName !== null) throw new ValueError("binary mode doesn't take an errors argument");
    if (newlineValue !== null) throw new ValueError("binary mode doesn't take a newline argument");
  }
  checkedNewline(newlineValue);
  if (bufferingSize === 0 && !flags.binary) throw new ValueError("can't have unbuffered text I/O");
  if (+flags.creating + +flags.reading + +flags.writing + +flags.appending === 0) {
    throw new ValueError('Must have exactly one of create/read/write/append mode and at most one plus');
  }
  const codec = flags.binary ? 'utf-8' : lookupCodec(encodingName ?? 'utf-8');
  const opened = openDescriptor(file, flags, closefd, opener, bufferingSize === 0 ? 0 : bufferingSize > 1 ? bufferingSize : BUFFER_SIZE);
  const binary =
    bufferingSize === 0
      ? new FileIO(OPENED_FILE, opened)
      : flags.updating
        ? new BufferedRandom(OPENED_FILE, opened)
        : flags.reading
          ? new BufferedReader(OPENED_FILE, opened)
          : new BufferedWriter(OPENED_FILE, opened);
  if (flags.binary) return binary;
  const lineBuffering = bufferingSize === 1 || (bufferingSize === -1 && isatty(opened.fd));
  return new TextIOWrapper(binary, OPENED, {
    mode, encoding: encodingName ?? 'UTF-8', codec, errors: errorsName ?? 'strict', newline: newlineValue as Newline, lineBuffering,
  } satisfies OpenedText);
}

/** Opens (or takes) the OS file of open() or FileIO(): its descriptor and what the binary file needs to know of it. */
function openDescriptor(file: unknown, flags: ModeFlags, closefd: unknown, opener: unknown, bufferSize: number): Opened {
  const path = pathOf(file);
  if (path !== null && path.includes('\0')) throw new ValueError('embedded null byte');
  if (path === null) {
    if (intArg(file) < 0) throw new ValueError('negative file descriptor');
  } else if (!truthy(closefd)) {
    throw new ValueError('Cannot use closefd=False with file name');
  }
  const fs = nodeFs();
  if (fs === null) throw new OSError("open(): no file system in this JavaScript environment (it needs Node's fs)");
  flushAllFiles();

  const c = fs.constants;
  const access = flags.updating ? c['O_RDWR']! : flags.reading ? c['O_RDONLY']! : c['O_WRONLY']!;
  const creation = flags.writing ? c['O_CREAT']! | c['O_TRUNC']! : flags.appending ? c['O_CREAT']! | c['O_APPEND']! : flags.creating ? c['O_CREAT']! | c['O_EXCL']! : 0;
  const osFlags = access | creation | (c['O_CLOEXEC'] ?? 0);
  let fd: number;
  if (path === null) fd = intArg(file);
  else if (opener !== null && opener !== undefined) {
    const got = (opener as (...a: unknown[]) => unknown)(file, osFlags);
    if (typeof got !== 'number' || !isIntNumber(got)) throw new TypeError('expected an integer from opener');
    if (got < 0) throw new ValueError(`opener returned ${got}`);
    fd = got;
  } else {
    try {
      fd = fs.openSync(path, osFlags, 0o666);
    } catch (error) {
      throw fromNodeError(error, file);
    }
  }
  let seekable: boolean;
  let size = 0;
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) {
      if (path !== null) fs.closeSync(fd);
      throw osError('EISDIR', file);
    }
    seekable = stat.isFile();
    size = stat.size;
  } catch (error) {
    throw fromNodeError(error, path === null ? null : file);
  }

  const binaryMode = flags.creating ? 'xb' : flags.reading ? 'rb' : flags.writing ? 'wb' : 'ab';
  return {
    fs, fd, name: file,
    mode: flags.updating ? (flags.writing ? 'rb+' : binaryMode + '+') : binaryMode,
    readable: flags.reading || flags.updating,
    writable: !flags.reading || flags.updating,
    appending: flags.appending,
    seekable,
    closefd: path !== null || truthy(closefd),
    bufferSize,
    position: flags.appending && seekable ? size : 0,
  };
}

const FILEIO_SIGNATURE: ClinicSignature = { name: 'FileIO', params: ['file', 'mode', 'closefd', 'opener'], posonly: 0, minpos: 1, maxpos: 4 };

/** `io.FileIO(file, mode='r', closefd=True, opener=None)`: CPython's mode rules (b is allowed, t is not). */
function openFileIO(args: unknown[]): Opened {
  const kw = args.length > 0 && isKeywordObject(args[args.length - 1]) ? (args[args.length - 1] as Record<string, unknown>) : null;
  const [file, mode = 'r', closefd = true, opener = null] = unpackKeywords(FILEIO_SIGNATURE, kw === null ? args : args.slice(0, -1), kw);
  if (typeof file === 'number' && !isIntNumber(file)) throw new TypeError('integer argument expected, got float');
  if (typeof mode !== 'string') throw new TypeError(`FileIO() argument 'mode' must be str, not ${argTypeName(mode)}`);
  const seen = new Set<string>();
  let kinds = 0;
  for (const ch of mode) {
    if (ch === 'b') continue;
    if (!'rwxa+'.includes(ch)) throw new ValueError(`invalid mode: ${mode}`);
    if (seen.has(ch) || (ch !== '+' && kinds > 0)) throw new ValueError(BAD_FILEIO_MODE);
    if (ch !== '+') kinds++;
    seen.add(ch);
  }
  if (kinds === 0) throw new ValueError(BAD_FILEIO_MODE);
  const flags: ModeFlags = {
    creating: seen.has('x'), reading: seen.has('r'), writing: seen.has('w'), appending: seen.has('a'), updating: seen.has('+'), binary: true,
  };
  return openDescriptor(file, flags, closefd, opener, 0);
}

const BAD_FILEIO_MODE = 'Must have exactly one of create/read/write/append mode and at most one plus';
