/**
 * open() and the file objects it returns, under Node (fs's synchronous
 * calls on a file descriptor, reached without importing Node at load
 * time). As in CPython, a binary file is buffered (`BufferedReader`,
 * `BufferedWriter`, `BufferedRandom`, or `FileIO` with buffering=0) and a
 * text file (`TextIOWrapper`) decodes and encodes on top of one, reading
 * 8 KiB chunks ahead, translating newlines as `newline=` says.
 *
 * One difference: pending writes of every open file are written before
 * open() opens another file (and at exit), so `open(p, 'w').write(s)`
 * followed by reading p sees s, as it does in CPython, where the unreferenced
 * file is closed at once.
 */
import { PyBytes, PyTuple, isIntNumber, TYPE_NAME, typeName, unbox } from './values.js';
import { AttributeError, OSError, StopIteration, TypeError, ValueError } from './exceptions.js';
import { decodeBytes, encodeStr } from './str.js';
import { lookupCodec, type Codec } from './str/codecs.js';
import { repr } from './repr.js';
import { iterate } from './iteration.js';
import { truthy } from './truth.js';
import { callSpecial, hasSpecial } from './special.js';
import type { PyCallable } from './calls.js';
import { callMethod, getattr, hasattr } from './attributes.js';
import { atExit, fromNodeError, nodeFs, osError, pause, writeAll, type NodeError, type NodeFs } from './io.js';
import { bufferSnapshot, readWriteBuffer } from './buffer.js';
import { argTypeName, type ClinicSignature, unpackKeywords } from './arity.js';
import { UnsupportedOperation, _BufferedIOBase, _RawIOBase, _TextIOBase, intArg, madeBare, selfMethod, sizeArg } from './ioBases.js';
import { MRO_HIDDEN, PY_BASES, pyClassOf } from './classes/model.js';
import { PyBuffered } from './bufferedStreams.js';
import { NATIVE_REINIT } from './classes/nativeInit.js';

export { UnsupportedOperation, intArg, sizeArg } from './ioBases.js';

const BUFFER_SIZE = 8192;
/** How much a text file reads ahead at a time, as CPython's TextIOWrapper. */
const TEXT_CHUNK = 8192;
const EMPTY: Uint8Array = new Uint8Array(0);

/** Hands a file's buffered writes on (to the binary file, or to the OS): hidden from Python code. */
const SYNC = Symbol('pyasync.sync');

/** A file with writes not yet handed to the OS: written out before open() and at exit. */
interface Pending {
  [SYNC](): void;
}
const pendingFiles = new Set<Pending>();
let exitHook = false;

function markPending(file: Pending): void {
  pendingFiles.add(file);
  if (!exitHook) {
    exitHook = true;
    atExit(flushAllFiles);
  }
}

/** Writes out what every open file has buffered (before another open, at exit, for os functions that look at files). */
export function flushAllFiles(): void {
  // A text file hands its text to its binary file, which joins the set: a Set's walk visits what is added.
  for (const file of pendingFiles) {
    pendingFiles.delete(file);
    try {
      file[SYNC]();
    } catch {
      // As CPython at shutdown: a file that cannot be written is given up.
    }
  }
}

function closedError(text: boolean): ValueError {
  return new ValueError(text ? 'I/O operation on closed file.' : 'I/O operation on closed file');
}


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

/** The parts as one array (the part itself when there is one). */
function concat(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
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
    if (this.#py !== null) return this.#py.write(data) as number;
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
    if (this.#py !== null) return;
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

function isatty(fd: number): boolean {
  const tty = (globalThis as { process?: { getBuiltinModule?(id: string): unknown } }).process?.getBuiltinModule?.('tty') as
    | { isatty(fd: number): boolean }
    | undefined;
  return tty?.isatty(fd) ?? false;
}

/**
 * `next()` of a stream whose readline() a subclass may have replaced: its
 * readline() as Python sees it, which must give bytes (or str), as CPython's
 * buffered and text files check.
 */
function nextLine(file: object, binary: boolean): unknown {
  const line = callMethod(file, 'readline');
  if (binary ? !(line instanceof PyBytes) : typeof line !== 'string') {
    throw new OSError(`readline() should have returned a ${binary ? 'bytes' : 'str'} object, not '${typeName(line)}'`);
  }
  if ((binary ? (line as PyBytes).bytes.length : (line as string).length) === 0) throw new StopIteration();
  return line;
}

/** readlines(hint), as IOBase's: lines until one takes their total size past hint (all of them for hint ≤ 0 or None). */
function readLines<L extends string | PyBytes>(file: { readline(): L }, hint: unknown): L[] {
  const limit = hint === undefined || hint === null ? -1 : intArg(hint);
  const lines: L[] = [];
  let total = 0;
  // A subclass's own readline() is the one its lines come from.
  const readline = pyClassOf(file) === undefined ? (): L => file.readline() : (): L => callMethod(file, 'readline') as L;
  for (;;) {
    const line = readline();
    const size = typeof line === 'string' ? line.length : (line as PyBytes).bytes.length;
    if (size === 0) break;
    lines.push(line);
    if (limit > 0 && size > limit - total) break;
    total += size;
  }
  return lines;
}

// --- text files --------------------------------------------------------------

type Newline = null | '' | '\n' | '\r' | '\r\n';

const SEEN_CR = 1;
const SEEN_LF = 2;
const SEEN_CRLF = 4;

/** UTF-16 index after `count` code points of `s` from `from` (or s.length). */
function advanceCodePoints(s: string, from: number, count: number): number {
  let i = from;
  for (let k = 0; k < count && i < s.length; k++) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  return i;
}

function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n--;
      i++;
    }
  }
  return n;
}

/** How many bytes `s` took in the file (to find the file position of unread text). */
function encodedLength(s: string, codec: Codec): number {
  if (codec !== 'utf-8') return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else if (c >= 0xdc80 && c <= 0xdcff) n += 1; // a byte surrogateescape kept
    else n += 3;
  }
  return n;
}

/** Where a trailing incomplete UTF-8 sequence starts (bytes.length when there is none). */
function completeUtf8(bytes: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const b = bytes[bytes.length - back]!;
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 ? 2 : 1;
    return b >= 0xc2 && b <= 0xf4 && need > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}

/** Any surrogate (a string the fast write path cannot encode without checking). */
const SURROGATE = /[\ud800-\udfff]/;

/** What a text file asks of the binary stream under it: a BufferedFile, or any Python binary stream (PythonBuffer). */
export interface BinaryBuffer {
  readonly name: unknown;
  readonly closed: boolean;
  read(size?: unknown): PyBytes;
  read1(size?: unknown): PyBytes;
  write(data: unknown): unknown;
  flush(): unknown;
  truncate(size?: unknown): unknown;
  tell(): number;
  seek(offset: unknown, whence?: unknown): number;
  close(): unknown;
  fileno(): unknown;
  isatty(): boolean;
  readable(): boolean;
  writable(): boolean;
  seekable(): boolean;
}

/**
 * `io.TextIOWrapper(io.BytesIO())`: a Python binary stream seen through its
 * Python methods, as CPython's TextIOWrapper calls them.
 */
class PythonBuffer implements BinaryBuffer {
  constructor(private readonly stream: unknown) {}

  get name(): unknown {
    return getattr(this.stream, 'name');
  }

  get closed(): boolean {
    return truthy(getattr(this.stream, 'closed'));
  }

  read(size?: unknown): PyBytes {
    return bytesResult(size === undefined ? callMethod(this.stream, 'read') : callMethod(this.stream, 'read', size), 'read');
  }

  read1(size?: unknown): PyBytes {
    const method = hasattr(this.stream, 'read1') ? 'read1' : 'read';
    return bytesResult(callMethod(this.stream, method, size), method);
  }

  write(data: unknown): unknown {
    return callMethod(this.stream, 'write', data);
  }

  flush(): unknown {
    return callMethod(this.stream, 'flush');
  }

  truncate(size?: unknown): unknown {
    return callMethod(this.stream, 'truncate', size);
  }

  tell(): number {
    return Number(callMethod(this.stream, 'tell'));
  }

  seek(offset: unknown, whence: unknown = 0): number {
    return Number(callMethod(this.stream, 'seek', offset, whence));
  }

  close(): unknown {
    return callMethod(this.stream, 'close');
  }

  fileno(): unknown {
    return callMethod(this.stream, 'fileno');
  }

  isatty(): boolean {
    return truthy(callMethod(this.stream, 'isatty'));
  }

  readable(): boolean {
    return truthy(callMethod(this.stream, 'readable'));
  }

  writable(): boolean {
    return truthy(callMethod(this.stream, 'writable'));
  }

  seekable(): boolean {
    return truthy(callMethod(this.stream, 'seekable'));
  }
}

function bytesResult(v: unknown, method: string): PyBytes {
  if (v instanceof PyBytes) return v;
  const view = bufferSnapshot(v);
  if (view !== null) return new PyBytes(view);
  throw new TypeError(`underlying ${method}() should have returned a bytes-like object, not '${typeName(v)}'`);
}

/** What open() passes a TextIOWrapper it makes (a Python call passes the buffer and CPython's arguments instead). */
const OPENED = Symbol('pyasync.opened');

interface OpenedText {
  mode: string;
  encoding: string;
  codec: Codec;
  errors: string;
  newline: Newline;
  lineBuffering: boolean;
  writeThrough?: boolean;
}

const RECONFIGURE_SIGNATURE: ClinicSignature = {
  name: 'reconfigure', params: ['encoding', 'errors', 'newline', 'line_buffering', 'write_through'], posonly: 0, minpos: 0, maxpos: 0,
};

const TEXT_WRAPPER_SIGNATURE: ClinicSignature = {
  name: 'TextIOWrapper', params: ['buffer', 'encoding', 'errors', 'newline', 'line_buffering', 'write_through'], posonly: 0, minpos: 1, maxpos: 6,
};

/** `TextIOWrapper(buffer, encoding=None, errors=None, newline=None, line_buffering=False, write_through=False)`. */
function wrapperArguments(args: unknown[]): [unknown, OpenedText] {
  const last = args[args.length - 1];
  const kw = args.length > 0 && last !== null && typeof last === 'object' && Object.getPrototypeOf(last) === Object.prototype
    ? (last as Record<string, unknown>) : null;
  const [buffer, encoding, errors, newline, lineBuffering, writeThrough] = unpackKeywords(TEXT_WRAPPER_SIGNATURE, kw === null ? args : args.slice(0, -1), kw);
  const encodingName = localeDefault(optionalStr('TextIOWrapper', 'encoding', encoding));
  const errorsName = optionalStr('TextIOWrapper', 'errors', errors);
  const newlineValue = checkedNewline(optionalStr('TextIOWrapper', 'newline', newline));
  return [buffer, {
    mode: '',
    encoding: encodingName ?? 'UTF-8',
    codec: lookupCodec(encodingName ?? 'utf-8'),
    errors: errorsName ?? 'strict',
    newline: newlineValue as Newline,
    lineBuffering: truthy(lineBuffering ?? false),
    writeThrough: truthy(writeThrough ?? false),
  }];
}

/** The binary stream of a TextIOWrapper not set up, or detached: every use is refused with `message`. */
class NoBuffer implements BinaryBuffer {
  constructor(private readonly message: string) {}

  #refuse(): never {
    throw new ValueError(this.message);
  }

  get name(): unknown {
    return this.#refuse();
  }

  get closed(): boolean {
    return this.#refuse();
  }

  read(): PyBytes {
    return this.#refuse();
  }

  read1(): PyBytes {
    return this.#refuse();
  }

  write(): unknown {
    return this.#refuse();
  }

  flush(): unknown {
    return this.#refuse();
  }

  truncate(): unknown {
    return this.#refuse();
  }

  tell(): number {
    return this.#refuse();
  }

  seek(): number {
    return this.#refuse();
  }

  close(): unknown {
    return this.#refuse();
  }

  fileno(): unknown {
    return this.#refuse();
  }

  isatty(): boolean {
    return this.#refuse();
  }

  readable(): boolean {
    return this.#refuse();
  }

  writable(): boolean {
    return this.#refuse();
  }

  seekable(): boolean {
    return this.#refuse();
  }
}

const UNINITIALIZED = new NoBuffer('I/O operation on uninitialized object');
const DETACHED = new NoBuffer('underlying buffer has been detached');

/**
 * A text file over a buffered binary one. Read-ahead is kept decoded but not
 * newline-translated, so the file position of the unread text is known.
 */
export class TextIOWrapper extends _TextIOBase {
  static override readonly __name__: string = 'TextIOWrapper';
  static readonly [TYPE_NAME] = '_io.TextIOWrapper';
  /** A Python call with keywords (`TextIOWrapper(b, encoding='utf-8')`): they come last, as a plain object (as a subclass's constructor gets them). */
  static $kw(this: new (...args: unknown[]) => TextIOWrapper, args: unknown[], kwargs: Record<string, unknown>): TextIOWrapper {
    return new this(...args, kwargs);
  }
  static override readonly __module__: string = '_io';
  /** The binary stream as Python code sees it (`t.buffer`; None once detached). */
  buffer: unknown = null;
  /** What this file reads and writes through: that stream, adapted when it is not the runtime's own. */
  #binary: BinaryBuffer = UNINITIALIZED;
  /** Whether #binary is a Python stream (or none): its `closed` is then asked at each use, as CPython does. */
  #slow = true;
  #readable = false;
  #writable = false;
  #seekable = false;
  /** open()'s mode; a wrapper made by a Python call has none (CPython's open() sets the attribute). */
  readonly mode?: string;
  // Own data attributes, over _TextIOBase's None defaults.
  encoding = 'UTF-8';
  errors = 'strict';
  line_buffering = false;
  write_through = false;
  #codec: Codec = 'utf-8';
  #newline: Newline = null;
  /** What '\n' becomes on writing ('\r' or '\r\n'), or null. */
  #writeNewline: string | null = null;
  #closed = false;
  #decoded = '';
  #dpos = 0;
  /** Bytes of a character split across chunks. */
  #tail = EMPTY;
  #seen = 0;
  /** Whether anything was read yet (reconfigure() cannot change the decoding after). */
  #reading = false;
  /**
   * Written, not yet handed to the binary file: encoded pieces, then text
   * still to encode (UTF-8 without surrogates, the common case, is encoded
   * in one go). Only read() of everything, tell(), seek() and flush() hand
   * them on first; readline() and read(n) read past them, as in CPython.
   */
  #pendingBytes: Uint8Array[] = [];
  #pendingText = '';
  /** tell() is refused while the file is iterated (as CPython, which cannot tell mid-iteration). */
  #telling = false;

  /** `TextIOWrapper(buffer, …)` from Python; open() passes its binary file, OPENED and what it worked out. */
  constructor(...args: unknown[]) {
    super();
    if (args[1] === OPENED) {
      this.#setup(args[0], args[2] as OpenedText);
      return;
    }
    // A Python subclass's instance made bare waits for its __init__'s super().__init__(…) (NATIVE_REINIT).
    if (!madeBare(new.target, args)) this.#initPython(args);
  }

  #initPython(args: unknown[]): void {
    const [buffer, opened] = wrapperArguments([...args]);
    this.#setup(buffer, opened);
  }

  [NATIVE_REINIT](...args: unknown[]): void {
    this.#initPython(args);
  }

  #setEncoding(encoding: string, codec: Codec, errors: string): void {
    this.encoding = encoding;
    this.errors = errors;
    this.#codec = codec;
  }

  #setNewline(newline: Newline): void {
    this.#newline = newline;
    this.#writeNewline = newline === '\r' || newline === '\r\n' ? newline : null;
  }

  /** CPython's order: the buffer's readable(), writable() and seekable() (and tell() of a seekable writable one). */
  #setup(buffer: unknown, opened: OpenedText): void {
    this.#binary = UNINITIALIZED;
    this.#slow = true;
    if (opened.mode !== '') (this as { mode?: string }).mode = opened.mode;
    this.#setEncoding(opened.encoding, opened.codec, opened.errors);
    this.#setNewline(opened.newline);
    this.line_buffering = opened.lineBuffering;
    this.write_through = opened.writeThrough ?? false;
    const own = buffer instanceof BufferedFile && !pyClassOf(buffer) !== undefined;
    const binary: BinaryBuffer = own ? buffer : new PythonBuffer(buffer);
    this.#readable = binary.readable();
    this.#writable = binary.writable();
    this.buffer = buffer;
    const seekable = binary.seekable();
    if (!own && seekable && this.#writable) binary.tell();
    this.#binary = binary;
    this.#slow = !own;
    this.#closed = false;
    this.#decoded = '';
    this.#dpos = 0;
    this.#tail = EMPTY;
    this.#seen = 0;
    this.#reading = false;
    this.#pendingBytes = [];
    this.#pendingText = '';
    this.#seekable = seekable;
    this.#telling = seekable;
  }

  get name(): unknown {
    return this.#binary.name;
  }

  get closed(): boolean {
    return this.#slow ? this.#binary.closed : this.#closed || this.#binary.closed;
  }

  /** The newline kinds met so far when translating ('\r', '\n', '\r\n', a tuple of several, or None). */
  get newlines(): unknown {
    if (this.#binary === DETACHED) throw new ValueError('underlying buffer has been detached');
    const kinds: string[] = [];
    if (this.#seen & SEEN_CR) kinds.push('\r');
    if (this.#seen & SEEN_LF) kinds.push('\n');
    if (this.#seen & SEEN_CRLF) kinds.push('\r\n');
    return kinds.length === 0 ? null : kinds.length === 1 ? kinds[0] : PyTuple.fromArray(kinds);
  }

  /** `<_io.TextIOWrapper name='f' mode='r' encoding='UTF-8'>`: the name and mode when it has them. */
  __repr__(): string {
    if (this.#binary === UNINITIALIZED) throw new ValueError('I/O operation on uninitialized object');
    // CPython names the class so whatever the object's type (a subclass's instance too).
    let out = '<_io.TextIOWrapper';
    for (const attribute of ['name', 'mode']) {
      let value: unknown;
      try {
        value = getattr(this, attribute, undefined);
      } catch (e) {
        if (!(e instanceof ValueError)) throw e;
      }
      if (value !== undefined) out += ` ${attribute}=${repr(value)}`;
    }
    return `${out} encoding=${repr(this.encoding)}>`;
  }

  #checkOpen(): void {
    if (this.#closed || (this.#slow && this.#binary.closed)) throw closedError(true);
  }

  #checkRead(): void {
    this.#checkOpen();
    if (!this.#readable) throw new UnsupportedOperation('not readable');
    this.#reading = true;
  }

  /** detach(): flushed, the buffer is handed over and this object is left unusable. */
  override detach(): unknown {
    if (this.#binary instanceof NoBuffer) return this.#binary.flush();
    callMethod(this, 'flush');
    const buffer = this.buffer;
    pendingFiles.delete(this);
    this.buffer = null;
    this.#binary = DETACHED;
    this.#slow = true;
    return buffer;
  }

  /** reconfigure(*, encoding, errors, newline, line_buffering, write_through): flushed first; the decoding only before reading. */
  reconfigure(...args: unknown[]): null {
    const kw = args.length > 0 && isKeywordObject(args[args.length - 1]) ? (args.pop() as Record<string, unknown>) : {};
    if (args.length > 0) throw new TypeError('reconfigure() takes no positional arguments');
    const [encoding, errors, newline, lineBuffering, writeThrough] = unpackKeywords(RECONFIGURE_SIGNATURE, [], kw);
    const encodingName = optionalStr('reconfigure', 'encoding', encoding ?? null);
    const errorsName = optionalStr('reconfigure', 'errors', errors ?? null);
    const hasNewline = newline !== undefined;
    const newlineValue = hasNewline ? checkedNewline(optionalStr('reconfigure', 'newline', newline)) : null;
    if (this.#reading && (encodingName !== null || errorsName !== null || hasNewline)) {
      throw new UnsupportedOperation('It is not possible to set the encoding or newline of stream after the first read');
    }
    callMethod(this, 'flush');
    if (encodingName !== null || errorsName !== null) {
      const codec = encodingName !== null ? lookupCodec(encodingName) : this.#codec;
      this.#setEncoding(encodingName ?? this.encoding, codec, errorsName ?? (encodingName !== null ? 'strict' : this.errors));
    }
    if (hasNewline) this.#setNewline(newlineValue as Newline);
    if (lineBuffering !== undefined && lineBuffering !== null) this.line_buffering = truthy(lineBuffering);
    if (writeThrough !== undefined && writeThrough !== null) this.write_through = truthy(writeThrough);
    return null;
  }

  // --- reading -------------------------------------------------------------

  /** Decodes the next chunk (`size` bytes, or the rest with -1) into the read-ahead; false at the end of the file. */
  #fetch(size = TEXT_CHUNK): boolean {
    const chunk = (size < 0 ? this.#binary.read() : this.#binary.read1(size)).bytes;
    if (chunk.length === 0) {
      if (this.#tail.length === 0) return false;
      // The file ends inside a character: the decoder reports it (or replaces it).
      const rest = this.#tail;
      this.#tail = EMPTY;
      this.#append(decodeBytes(rest, this.#codec, this.errors));
      return true;
    }
    let bytes = chunk;
    if (this.#tail.length > 0) bytes = concat([this.#tail, chunk], this.#tail.length + chunk.length);
    // Reading to the end decodes as final, as CPython's read() does: an unfinished character is the error, at its place in the whole.
    const cut = this.#codec === 'utf-8' && size >= 0 ? completeUtf8(bytes) : bytes.length;
    this.#tail = cut === bytes.length ? EMPTY : bytes.slice(cut);
    this.#append(decodeBytes(bytes.subarray(0, cut), this.#codec, this.errors));
    return true;
  }

  #append(text: string): void {
    this.#decoded = this.#dpos === this.#decoded.length ? text : this.#decoded.slice(this.#dpos) + text;
    this.#dpos = 0;
  }

  /** Consumes the read-ahead up to `end`, translating newlines when newline=None. */
  #take(end: number): string {
    const raw = this.#decoded.slice(this.#dpos, end);
    this.#dpos = end;
    if (this.#newline !== null && this.#newline !== '') return raw;
    if (raw.indexOf('\r') < 0) {
      if (raw.indexOf('\n') >= 0) this.#seen |= SEEN_LF;
      return raw;
    }
    const translate = this.#newline === null;
    return raw.replace(/\r\n?|\n/g, (m) => {
      this.#seen |= m === '\n' ? SEEN_LF : m === '\r' ? SEEN_CR : SEEN_CRLF;
      return translate ? '\n' : m;
    });
  }

  /** Where the line starting at #dpos ends in the read-ahead, reading more as needed; -1 at the end of the file. */
  #lineEnd(): number {
    let from = 0;
    // A long line is read in growing chunks, so that searching it again stays linear overall.
    let chunk = TEXT_CHUNK;
    for (;;) {
      const s = this.#decoded;
      const start = this.#dpos + from;
      let end = -1;
      switch (this.#newline) {
        case '\n':
        case '\r': {
          const i = s.indexOf(this.#newline, start);
          if (i >= 0) end = i + 1;
          break;
        }
        case '\r\n': {
          const i = s.indexOf('\r\n', start);
          if (i >= 0) end = i + 2;
          break;
        }
        default: {
          const lf = s.indexOf('\n', start);
          const cr = s.indexOf('\r', start);
          if (cr >= 0 && (lf < 0 || cr < lf)) {
            if (cr + 1 < s.length) end = s.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
            else {
              // A '\r' last in the read-ahead may begin a '\r\n'.
              from = cr - this.#dpos;
              if (this.#fetch(chunk)) continue;
              end = cr + 1;
            }
          } else if (lf >= 0) end = lf + 1;
        }
      }
      if (end >= 0) return end;
      // A '\r\n' may straddle the chunks: search again from its '\r'.
      from = Math.max(0, this.#decoded.length - this.#dpos - 1);
      if (!this.#fetch(chunk)) return -1;
      chunk = Math.min(chunk * 2, 1 << 24);
    }
  }

  readline(size?: unknown): string {
    const limit = size === undefined ? -1 : intArg(size);
    this.#checkRead();
    let end = this.#lineEnd();
    if (end < 0) end = this.#decoded.length;
    if (limit >= 0) {
      const cut = advanceCodePoints(this.#decoded, this.#dpos, limit);
      // A limit inside the line's '\r\n' takes the whole translated newline, one character.
      const crlfAt = this.#newline === null && end - 2 === cut - 1 && this.#decoded.charCodeAt(cut - 1) === 13;
      if (cut < end && !crlfAt) end = cut;
    }
    return this.#take(end);
  }

  read(size?: unknown): string {
    const n = sizeArg(size);
    this.#checkRead();
    if (n < 0) {
      this[SYNC]();
      while (this.#fetch(-1));
      return this.#take(this.#decoded.length);
    }
    // Characters counted so far from #dpos, and the UTF-16 offset reached.
    let count = 0;
    let offset = 0;
    const universal = this.#newline === null;
    for (;;) {
      const s = this.#decoded;
      let i = this.#dpos + offset;
      while (count < n && i < s.length) {
        const c = s.charCodeAt(i);
        if (c === 13 && universal && i + 1 === s.length) break; // a '\r' whose '\n' may follow
        if (c === 13 && universal && s.charCodeAt(i + 1) === 10) i += 2;
        else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i += 2;
        else if (c >= 0xd800 && c <= 0xdbff && i + 1 === s.length) break; // a pair split across chunks
        else i += 1;
        count++;
      }
      offset = i - this.#dpos;
      if (count === n) break;
      if (!this.#fetch(Math.max(TEXT_CHUNK, n - count))) {
        offset = this.#decoded.length - this.#dpos;
        break;
      }
    }
    return this.#take(this.#dpos + offset);
  }

  readlines(hint?: unknown): string[] {
    // A subclass's own readline() is the one its lines come from.
    if (pyClassOf(this) !== undefined) return super.readlines(hint) as string[];
    return readLines(this, hint);
  }

  __iter__(): this {
    this.#checkOpen();
    return this;
  }

  __next__(): string {
    if (pyClassOf(this) !== undefined) return nextLine(this, false) as string;
    this.#telling = false;
    const line = this.readline();
    if (line === '') {
      this.#telling = this.#seekable;
      throw new StopIteration();
    }
    return line;
  }

  /** A for loop's walk: checked at once, as iter(f) checks. */
  [Symbol.iterator](): Generator<string> {
    // A subclass's own readline() is the one its lines come from.
    if (pyClassOf(this) !== undefined) return super[Symbol.iterator]() as Generator<string>;
    this.#checkOpen();
    return this.#lines();
  }

  *#lines(): Generator<string> {
    for (;;) {
      this.#telling = false;
      const line = this.readline();
      if (line === '') break;
      yield line;
    }
    this.#telling = this.#seekable;
  }

  // --- writing -------------------------------------------------------------

  write(text: unknown): number {
    this.#checkOpen();
    if (!this.#writable) throw new UnsupportedOperation('not writable');
    if (typeof text !== 'string') throw new TypeError(`write() argument must be str, not ${argTypeName(text)}`);
    let out = text;
    if (this.#writeNewline !== null && out.indexOf('\n') >= 0) out = out.replaceAll('\n', this.#writeNewline);
    // What was read ahead is dropped: the write lands where the binary file is (CPython's TextIOWrapper does the same).
    if (this.#dpos < this.#decoded.length || this.#tail.length > 0) {
      this.#decoded = '';
      this.#dpos = 0;
      this.#tail = EMPTY;
    }
    if (this.#pendingText === '' && this.#pendingBytes.length === 0) markPending(this);
    if (this.#codec === 'utf-8' && this.errors === 'strict' && !SURROGATE.test(out)) {
      this.#pendingText += out;
      if (this.#pendingText.length >= BUFFER_SIZE) this[SYNC]();
    } else {
      const bytes = encodeStr(out, this.#codec, this.errors);
      if (this.#pendingText !== '') this.#pendingBytes.push(encodeStr(this.#pendingText, 'utf-8', 'strict'));
      this.#pendingText = '';
      this.#pendingBytes.push(bytes);
    }
    if (this.line_buffering && (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0)) TextIOWrapper.prototype.flush.call(this);
    else if (this.write_through) this[SYNC]();
    return codePointLength(text);
  }

  writelines(lines: unknown): null {
    this.#checkOpen();
    if (pyClassOf(this) !== undefined) return super.writelines(lines) as null;
    for (const line of iterate(lines)) this.write(line);
    return null;
  }

  /** Encodes the pending text into the binary file's buffer. */
  [SYNC](): void {
    if (this.#pendingText === '' && this.#pendingBytes.length === 0) return;
    const parts = this.#pendingBytes;
    if (this.#pendingText !== '') parts.push(encodeStr(this.#pendingText, 'utf-8', 'strict'));
    this.#pendingBytes = [];
    this.#pendingText = '';
    pendingFiles.delete(this);
    this.#binary.write(new PyBytes(concat(parts, parts.reduce((n, p) => n + p.length, 0))));
  }

  flush(): null {
    this.#checkOpen();
    this[SYNC]();
    this.#binary.flush();
    return null;
  }

  truncate(size?: unknown): unknown {
    this.#checkOpen();
    selfMethod(this, 'flush');
    return this.#binary.truncate(size === undefined || size === null ? selfMethod(this, 'tell') : size);
  }

  // --- position ------------------------------------------------------------

  tell(): number {
    this.#checkOpen();
    if (!this.#seekable) throw new UnsupportedOperation('underlying stream is not seekable');
    if (!this.#telling) throw new OSError('telling position disabled by next() call');
    selfMethod(this, 'flush');
    return this.#binary.tell() - this.#tail.length - encodedLength(this.#decoded.slice(this.#dpos), this.#codec);
  }

  seek(cookie: unknown, whence: unknown = 0): number {
    this.#checkOpen();
    if (!this.#seekable) throw new UnsupportedOperation('underlying stream is not seekable');
    const from = intArg(whence);
    if (typeof cookie !== 'number' && typeof cookie !== 'bigint' && typeof cookie !== 'boolean') {
      throw new TypeError(`'<' not supported between instances of '${typeName(cookie)}' and 'int'`);
    }
    const position = intArg(cookie);
    if (from === 1) {
      if (position !== 0) throw new UnsupportedOperation("can't do nonzero cur-relative seeks");
      return selfMethod(this, 'tell') as number;
    }
    if (from === 2) {
      if (position !== 0) throw new UnsupportedOperation("can't do nonzero end-relative seeks");
      selfMethod(this, 'flush');
      this.#decoded = '';
      this.#dpos = 0;
      this.#tail = EMPTY;
      return this.#binary.seek(0, 2);
    }
    if (from !== 0) throw new ValueError(`invalid whence (${from}, should be 0, 1 or 2)`);
    if (position < 0) throw new ValueError(`negative seek position ${position}`);
    selfMethod(this, 'flush');
    this.#decoded = '';
    this.#dpos = 0;
    this.#tail = EMPTY;
    return this.#binary.seek(position);
  }

  // --- the file itself -----------------------------------------------------

  close(): null {
    if (this.#slow) return this.#closeStream();
    if (this.#closed) return null;
    try {
      this[SYNC]();
    } finally {
      this.#closed = true;
      pendingFiles.delete(this);
      this.#binary.close();
    }
    return null;
  }

  /** A Python stream's close, as CPython's: nothing if the stream is closed, else flush() then the stream's close(). */
  #closeStream(): null {
    if (this.#binary.closed) return null;
    let failure: unknown = null;
    try {
      callMethod(this, 'flush');
    } catch (e) {
      failure = e;
    }
    pendingFiles.delete(this);
    this.#pendingBytes = [];
    this.#pendingText = '';
    this.#binary.close();
    if (failure !== null) throw failure;
    return null;
  }

  fileno(): unknown {
    this.#checkOpen();
    return this.#binary.fileno();
  }

  isatty(): boolean {
    this.#checkOpen();
    return this.#binary.isatty();
  }

  readable(): boolean {
    this.#checkOpen();
    return this.#binary.readable();
  }

  writable(): boolean {
    this.#checkOpen();
    return this.#binary.writable();
  }

  seekable(): boolean {
    this.#checkOpen();
    return this.#binary.seekable();
  }

  __enter__(): this {
    this.#checkOpen();
    return this;
  }

  __exit__(): null {
    selfMethod(this, 'close');
    return null;
  }
}

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

/** An argument of open() or TextIOWrapper() that is a str or None. */
function optionalStr(callee: string, name: string, v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string') throw new TypeError(`${callee}() argument '${name}' must be str or None, not ${typeName(v)}`);
  return v;
}

/** An encoding argument, None for 'locale' (the default encoding, the locale's, UTF-8 for the runtime). */
function localeDefault(encoding: string | null): string | null {
  return encoding === 'locale' ? null : encoding;
}

/** A text file's `newline`: None or one of the four values CPython allows. */
function checkedNewline(newline: string | null): string | null {
  if (newline !== null && !['', '\n', '\r', '\r\n'].includes(newline)) throw new ValueError(`illegal newline value: ${newline}`);
  return newline;
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

function isKeywordObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;
}
