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
import { PyBytes, PyTuple, isIntNumber, typeName, unbox } from './values.js';
import { OSError, StopIteration, TypeError, ValueError } from './exceptions.js';
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

/** io.UnsupportedOperation (in CPython also a ValueError, which a single JS base cannot express). */
export class UnsupportedOperation extends OSError {
  static readonly __module__ = 'io';
}

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

/** An int argument (bool included), as CPython's index conversion. */
export function intArg(v: unknown): number {
  if (typeof v === 'number' && isIntNumber(v)) return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return Number(v);
  throw new TypeError(`'${typeName(v)}' object cannot be interpreted as an integer`);
}

/** A size argument of read()/readline(): an int, or None for "all". */
export function sizeArg(v: unknown): number {
  if (v === undefined || v === null) return -1;
  if (typeof v === 'number' && isIntNumber(v)) return v;
  if (typeof v === 'boolean' || typeof v === 'bigint') return intArg(v);
  throw new TypeError(`argument should be integer or None, not '${typeName(v)}'`);
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
export class BufferedFile {
  static readonly __module__ = '_io';
  readonly name: unknown;
  readonly mode: string;
  #fs: NodeFs;
  #fd: number;
  #readable: boolean;
  #writable: boolean;
  #appending: boolean;
  #seekable: boolean;
  #closefd: boolean;
  #bufferSize: number;
  #closed = false;
  /** The file offset of the next read or write of the OS file. */
  #rawPos: number;
  /** Read ahead: #rbuf[#rstart:] comes before #rawPos. */
  #rbuf = EMPTY;
  #rstart = 0;
  /** Written, not yet handed to the OS: they go at #rawPos. */
  #wbuf: Uint8Array[] = [];
  #wsize = 0;

  constructor(opened: Opened) {
    this.#fs = opened.fs;
    this.#fd = opened.fd;
    this.name = opened.name;
    this.mode = opened.mode;
    this.#readable = opened.readable;
    this.#writable = opened.writable;
    this.#appending = opened.appending;
    this.#seekable = opened.seekable;
    this.#closefd = opened.closefd;
    this.#bufferSize = opened.bufferSize;
    this.#rawPos = opened.position;
  }

  get closed(): boolean {
    return this.#closed;
  }

  __repr__(): string {
    const type = (this.constructor as { __name__?: string }).__name__;
    return `<_io.${type} name=${repr(this.name)}>`;
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
    const memory = readWriteBuffer(target, 'readinto');
    this.#checkRead('readinto');
    const data = this.read(memory.length).bytes;
    memory.set(data);
    return data.length;
  }

  /** At most one read of the OS file: what is buffered, or else one buffer's worth. */
  read1(size?: unknown): PyBytes {
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
    return readLines(this, hint);
  }

  __iter__(): this {
    if (this.#closed) throw closedError(false);
    return this;
  }

  __next__(): PyBytes {
    const line = this.readline();
    if (line.bytes.length === 0) throw new StopIteration();
    return line;
  }

  [Symbol.iterator](): Generator<PyBytes> {
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
    if (this.#closed) throw closedError(false);
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
    if (this.#wsize === 0) return;
    const data = concat(this.#wbuf, this.#wsize);
    this.#wbuf = [];
    this.#wsize = 0;
    pendingFiles.delete(this);
    this.#rawWrite(data);
  }

  flush(): null {
    if (this.#closed) throw new ValueError('flush of closed file');
    this[SYNC]();
    return null;
  }

  truncate(size?: unknown): number {
    if (this.#closed) throw closedError(false);
    if (!this.#writable) throw new UnsupportedOperation('truncate');
    this[SYNC]();
    const at = size === undefined || size === null ? this.tell() : intArg(size);
    try {
      this.#fs.ftruncateSync(this.#fd, at);
    } catch (error) {
      throw fromNodeError(error);
    }
    return at;
  }

  // --- position ------------------------------------------------------------

  tell(): number {
    if (this.#closed) throw closedError(false);
    if (!this.#seekable) throw osError('ESPIPE');
    if (this.#appending) this[SYNC]();
    return this.#rawPos - this.#unread() + this.#wsize;
  }

  seek(offset: unknown, whence: unknown = 0): number {
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
    if (this.#closed) return null;
    try {
      this[SYNC]();
    } finally {
      this.#closed = true;
      pendingFiles.delete(this);
      if (this.#closefd) {
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
    if (this.#closed) throw closedError(false);
    return this.#fd;
  }

  isatty(): boolean {
    if (this.#closed) throw closedError(false);
    return isatty(this.#fd);
  }

  readable(): boolean {
    if (this.#closed) throw closedError(false);
    return this.#readable;
  }

  writable(): boolean {
    if (this.#closed) throw closedError(false);
    return this.#writable;
  }

  seekable(): boolean {
    if (this.#closed) throw closedError(false);
    return this.#seekable;
  }

  __enter__(): this {
    if (this.#closed) throw closedError(true);
    return this;
  }

  __exit__(): null {
    this.close();
    return null;
  }
}

export class BufferedReader extends BufferedFile {
  static readonly __name__ = 'BufferedReader';
}

export class BufferedWriter extends BufferedFile {
  static readonly __name__ = 'BufferedWriter';
}

export class BufferedRandom extends BufferedFile {
  static readonly __name__ = 'BufferedRandom';
}

/** buffering=0: every write goes straight to the OS. */
export class FileIO extends BufferedFile {
  static readonly __name__ = 'FileIO';

  override __repr__(): string {
    return this.closed ? '<_io.FileIO [closed]>' : `<_io.FileIO name=${repr(this.name)} mode='${this.mode}' closefd=True>`;
  }
}

function isatty(fd: number): boolean {
  const tty = (globalThis as { process?: { getBuiltinModule?(id: string): unknown } }).process?.getBuiltinModule?.('tty') as
    | { isatty(fd: number): boolean }
    | undefined;
  return tty?.isatty(fd) ?? false;
}

/** readlines(hint): lines until their total size reaches hint (all of them for hint ≤ 0 or None). */
function readLines<L extends string | PyBytes>(file: { readline(): L }, hint: unknown): L[] {
  const limit = hint === undefined || hint === null ? -1 : intArg(hint);
  const lines: L[] = [];
  let total = 0;
  for (;;) {
    const line = file.readline();
    const size = typeof line === 'string' ? line.length : (line as PyBytes).bytes.length;
    if (size === 0) break;
    lines.push(line);
    total += size;
    if (limit > 0 && total >= limit) break;
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
}

const TEXT_WRAPPER_PARAMETERS = ['buffer', 'encoding', 'errors', 'newline', 'line_buffering', 'write_through'];

/** `TextIOWrapper(buffer, encoding=None, errors=None, newline=None, line_buffering=False, write_through=False)`. */
function wrapperArguments(args: unknown[]): OpenedText {
  const last = args[args.length - 1];
  const kw = last !== null && typeof last === 'object' && Object.getPrototypeOf(last) === Object.prototype ? (args.pop() as Record<string, unknown>) : {};
  if (args.length > 5) throw new TypeError(`TextIOWrapper() takes at most 6 arguments (${args.length + 1} given)`);
  const values: unknown[] = [...args];
  for (const [name, value] of Object.entries(kw)) {
    const i = TEXT_WRAPPER_PARAMETERS.indexOf(name) - 1;
    if (i < 0) throw new TypeError(`'${name}' is an invalid keyword argument for TextIOWrapper()`);
    values[i] = value;
  }
  const [encoding, errors, newline, lineBuffering] = values;
  const encodingName = optionalStr('TextIOWrapper', 'encoding', encoding);
  const errorsName = optionalStr('TextIOWrapper', 'errors', errors);
  const newlineValue = checkedNewline(optionalStr('TextIOWrapper', 'newline', newline));
  return {
    mode: '',
    encoding: encodingName ?? 'UTF-8',
    codec: lookupCodec(encodingName ?? 'utf-8'),
    errors: errorsName ?? 'strict',
    newline: newlineValue as Newline,
    lineBuffering: truthy(lineBuffering ?? false),
  };
}

/**
 * A text file over a buffered binary one. Read-ahead is kept decoded but not
 * newline-translated, so the file position of the unread text is known.
 */
export class TextIOWrapper {
  static readonly __name__ = 'TextIOWrapper';
  /** A Python call with keywords (`TextIOWrapper(b, encoding='utf-8')`): they come last, as a plain object. */
  static $kw(args: unknown[], kwargs: Record<string, unknown>): TextIOWrapper {
    if (args.length === 0 && 'buffer' in kwargs) {
      const { buffer, ...rest } = kwargs;
      return new TextIOWrapper(buffer, rest);
    }
    const [buffer, ...rest] = args;
    return new TextIOWrapper(buffer, ...rest, kwargs);
  }
  static readonly __module__ = '_io';
  /** The binary stream as Python code sees it (`t.buffer`). */
  readonly buffer: unknown;
  /** What this file reads and writes through: that stream, adapted when it is not the runtime's own. */
  #binary: BinaryBuffer;
  /** open()'s mode; a wrapper made by a Python call has none (CPython's open() sets the attribute). */
  readonly mode?: string;
  readonly encoding: string;
  readonly errors: string;
  readonly line_buffering: boolean;
  #codec: Codec;
  #newline: Newline;
  /** What '\n' becomes on writing ('\r' or '\r\n'), or null. */
  #writeNewline: string | null;
  #closed = false;
  #decoded = '';
  #dpos = 0;
  /** Bytes of a character split across chunks. */
  #tail = EMPTY;
  #seen = 0;
  /**
   * Written, not yet handed to the binary file: encoded pieces, then text
   * still to encode (UTF-8 without surrogates, the common case, is encoded
   * in one go). Only read() of everything, tell(), seek() and flush() hand
   * them on first; readline() and read(n) read past them, as in CPython.
   */
  #pendingBytes: Uint8Array[] = [];
  #pendingText = '';
  /** tell() is refused while the file is iterated (as CPython, which cannot tell mid-iteration). */
  #telling: boolean;

  constructor(buffer: unknown, ...args: unknown[]) {
    if (buffer === undefined) throw new TypeError("TextIOWrapper() missing required argument 'buffer' (pos 1)");
    const opened = args[0] === OPENED ? (args[1] as OpenedText) : wrapperArguments(args);
    this.buffer = buffer;
    this.#binary = buffer instanceof BufferedFile ? buffer : new PythonBuffer(buffer);
    if (opened.mode !== '') this.mode = opened.mode;
    this.encoding = opened.encoding;
    this.#codec = opened.codec;
    this.errors = opened.errors;
    this.#newline = opened.newline;
    this.#writeNewline = opened.newline === '\r' || opened.newline === '\r\n' ? opened.newline : null;
    this.line_buffering = opened.lineBuffering;
    this.#telling = this.#binary.seekable();
  }

  get name(): unknown {
    return this.#binary.name;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** The newline kinds met so far when translating ('\r', '\n', '\r\n', a tuple of several, or None). */
  get newlines(): unknown {
    const kinds: string[] = [];
    if (this.#seen & SEEN_CR) kinds.push('\r');
    if (this.#seen & SEEN_LF) kinds.push('\n');
    if (this.#seen & SEEN_CRLF) kinds.push('\r\n');
    return kinds.length === 0 ? null : kinds.length === 1 ? kinds[0] : PyTuple.fromArray(kinds);
  }

  __repr__(): string {
    return `<_io.TextIOWrapper name=${repr(this.name)} mode=${repr(this.mode)} encoding=${repr(this.encoding)}>`;
  }

  #checkOpen(): void {
    if (this.#closed) throw closedError(true);
  }

  #checkRead(): void {
    this.#checkOpen();
    if (!this.#binary.readable()) throw new UnsupportedOperation('not readable');
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
    return readLines(this, hint);
  }

  __iter__(): this {
    this.#checkOpen();
    return this;
  }

  __next__(): string {
    this.#telling = false;
    const line = this.readline();
    if (line === '') {
      this.#telling = this.#binary.seekable();
      throw new StopIteration();
    }
    return line;
  }

  /** A for loop's walk: checked at once, as iter(f) checks. */
  [Symbol.iterator](): Generator<string> {
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
    this.#telling = this.#binary.seekable();
  }

  // --- writing -------------------------------------------------------------

  write(text: unknown): number {
    this.#checkOpen();
    if (!this.#binary.writable()) throw new UnsupportedOperation('not writable');
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
    if (this.line_buffering && (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0)) this.flush();
    return codePointLength(text);
  }

  writelines(lines: unknown): null {
    this.#checkOpen();
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
    this.flush();
    return this.#binary.truncate(size === undefined || size === null ? this.tell() : size);
  }

  // --- position ------------------------------------------------------------

  tell(): number {
    this.#checkOpen();
    if (!this.#binary.seekable()) throw osError('ESPIPE');
    if (!this.#telling) throw new OSError('telling position disabled by next() call');
    this.flush();
    return this.#binary.tell() - this.#tail.length - encodedLength(this.#decoded.slice(this.#dpos), this.#codec);
  }

  seek(cookie: unknown, whence: unknown = 0): number {
    this.#checkOpen();
    const from = intArg(whence);
    if (typeof cookie !== 'number' && typeof cookie !== 'bigint' && typeof cookie !== 'boolean') {
      throw new TypeError(`'<' not supported between instances of '${typeName(cookie)}' and 'int'`);
    }
    const position = intArg(cookie);
    if (!this.#binary.seekable()) throw osError('ESPIPE');
    if (from === 1) {
      if (position !== 0) throw new UnsupportedOperation("can't do nonzero cur-relative seeks");
      return this.tell();
    }
    if (from === 2) {
      if (position !== 0) throw new UnsupportedOperation("can't do nonzero end-relative seeks");
      this.flush();
      this.#decoded = '';
      this.#dpos = 0;
      this.#tail = EMPTY;
      return this.#binary.seek(0, 2);
    }
    if (from !== 0) throw new ValueError(`invalid whence (${from}, should be 0, 1 or 2)`);
    if (position < 0) throw new ValueError(`negative seek position ${position}`);
    this.flush();
    this.#decoded = '';
    this.#dpos = 0;
    this.#tail = EMPTY;
    return this.#binary.seek(position);
  }

  // --- the file itself -----------------------------------------------------

  close(): null {
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
    this.close();
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
  const encodingName = optionalStr('open', 'encoding', encoding);
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
  const opened: Opened = {
    fs, fd, name: file,
    mode: flags.updating ? (flags.writing ? 'rb+' : binaryMode + '+') : binaryMode,
    readable: flags.reading || flags.updating,
    writable: !flags.reading || flags.updating,
    appending: flags.appending,
    seekable,
    closefd: path !== null || truthy(closefd),
    bufferSize: bufferingSize === 0 ? 0 : bufferingSize > 1 ? bufferingSize : BUFFER_SIZE,
    position: flags.appending && seekable ? size : 0,
  };
  const binary =
    bufferingSize === 0
      ? new FileIO(opened)
      : flags.updating
        ? new BufferedRandom(opened)
        : flags.reading
          ? new BufferedReader(opened)
          : new BufferedWriter(opened);
  if (flags.binary) return binary;
  const lineBuffering = bufferingSize === 1 || (bufferingSize === -1 && isatty(fd));
  return new TextIOWrapper(binary, OPENED, {
    mode, encoding: encodingName ?? 'UTF-8', codec, errors: errorsName ?? 'strict', newline: newlineValue as Newline, lineBuffering,
  } satisfies OpenedText);
}
