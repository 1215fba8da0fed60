/**
 * `io.BufferedReader(raw)`, `io.BufferedWriter(raw)` and
 * `io.BufferedRandom(raw)` over a raw stream that is a Python object (a
 * RawIOBase subclass's instance, a BytesIO): CPython's buffered.c, the raw
 * stream reached only through its Python methods (`readinto`, `write`,
 * `seek`, `tell`, `readall`, `close`…), called when CPython calls them,
 * with the same buffer bookkeeping, so what a program sees of the raw
 * stream's calls and of the data is what CPython shows. The runtime's own
 * files (open()) keep their own buffering (files.ts), which only the OS sees.
 */
import { AttributeError, BlockingIOError, OSError, TypeError, ValueError } from './exceptions.js';
import { PyBytes, typeName } from './values.js';
import { callMethod, getattr, lookupAttr } from './attributes.js';
import { call } from './calls.js';
import { truthy } from './truth.js';
import { bufferSnapshot, readWriteBuffer } from './buffer.js';
import { makeMemoryView, viewOfMemory } from './memoryview/view.js';
import { unpackKeywords, type ClinicSignature } from './arity.js';
import { DEFAULT_BUFFER_SIZE, UnsupportedOperation, bytesValue, intArg, sizeArg } from './ioBases.js';
import { concat } from './fileState.js';

export type BufferedKind = 'reader' | 'writer' | 'random';

const CLASS_NAMES: Record<BufferedKind, string> = { reader: 'BufferedReader', writer: 'BufferedWriter', random: 'BufferedRandom' };

/** The keywords a trailing plain object carries, as the call layer passes them to a runtime class. */
function isKeywordObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;
}

/** `(raw, buffer_size=DEFAULT_BUFFER_SIZE)`, as the three classes' Argument Clinic parses it. */
function bufferedArguments(kind: BufferedKind, args: unknown[]): [unknown, number] {
  const kw = isKeywordObject(args[args.length - 1]) ? (args.pop() as Record<string, unknown>) : null;
  const sig: ClinicSignature = { name: CLASS_NAMES[kind], params: ['raw', 'buffer_size'], posonly: 0, minpos: 1, maxpos: 2 };
  const [raw, size] = unpackKeywords(sig, args, kw);
  return [raw, size === undefined ? DEFAULT_BUFFER_SIZE : intArg(size)];
}

/** `_checkReadable()` and its kin asked of the raw stream: its answer must be True itself. */
function checkRaw(raw: unknown, method: string, what: string): void {
  if (callMethod(raw, method) !== true) throw new UnsupportedOperation(`File or stream is not ${what}.`);
}

/** A writable memoryview of `buffer[start:start+length]`, as CPython lends readinto() (a view of the buffer itself). */
function lentView(buffer: Uint8Array, start: number, length: number): unknown {
  const part = buffer.subarray(start, start + length);
  return viewOfMemory(null, { size: length, $store: part, $exports: 0 });
}

export class PyBuffered {
  #raw: unknown = null;
  #ok = false;
  #detached = false;
  #readable = false;
  #writable = false;
  #bufferSize = DEFAULT_BUFFER_SIZE;
  #buffer: Uint8Array = new Uint8Array(0);
  /** The logical position in the buffer. */
  #pos = 0;
  /** Where the raw stream is, relative to the buffer's start (-1: unknown). */
  #rawPos = 0;
  /** The end of the data read into the buffer (-1: no read buffer). */
  #readEnd = -1;
  /** The part of the buffer written and not yet handed to the raw stream (#writeEnd -1: none). */
  #writePos = 0;
  #writeEnd = -1;
  /** The raw stream's position as last known (-1: unknown). */
  #absPos = -1;

  /** A buffered object not yet set up (a subclass whose `__init__` has not called its base's). */
  static uninitialized(): PyBuffered {
    return new PyBuffered();
  }

  /** What a detached buffered object holds: every method refuses. */
  static detachedState(): PyBuffered {
    const state = new PyBuffered();
    state.#detached = true;
    return state;
  }

  /** Sets the object up from the call's arguments (again, when `__init__` is called again). */
  init(kind: BufferedKind, args: unknown[]): void {
    const [raw, size] = bufferedArguments(kind, [...args]);
    this.#ok = false;
    this.#detached = false;
    if (kind === 'random') checkRaw(raw, 'seekable', 'seekable');
    if (kind !== 'writer') checkRaw(raw, 'readable', 'readable');
    if (kind !== 'reader') checkRaw(raw, 'writable', 'writable');
    this.#raw = raw;
    this.#readable = kind !== 'writer';
    this.#writable = kind !== 'reader';
    if (size <= 0) throw new ValueError('buffer size must be strictly positive');
    this.#bufferSize = size;
    this.#buffer = new Uint8Array(size);
    this.#absPos = -1;
    try {
      this.#rawTell();
    } catch {
      // As CPython: a raw stream that cannot tell is fine until something needs its position.
    }
    this.#readEnd = -1;
    this.#writePos = 0;
    this.#writeEnd = -1;
    this.#pos = 0;
    this.#rawPos = 0;
    this.#ok = true;
  }

  // --- CPython's bookkeeping ------------------------------------------------

  #checkInitialized(): void {
    if (!this.#ok) throw new ValueError(this.#detached ? 'raw stream has been detached' : 'I/O operation on uninitialized object');
  }

  #validRead(): boolean {
    return this.#readable && this.#readEnd !== -1;
  }

  #validWrite(): boolean {
    return this.#writable && this.#writeEnd !== -1;
  }

  #readahead(): number {
    return this.#validRead() ? this.#readEnd - this.#pos : 0;
  }

  #rawOffset(): number {
    return (this.#validRead() || this.#validWrite()) && this.#rawPos >= 0 ? this.#rawPos - this.#pos : 0;
  }

  #adjustPosition(pos: number): void {
    this.#pos = pos;
    if (this.#validRead() && this.#readEnd < pos) this.#readEnd = pos;
  }

  #resetRead(): void {
    this.#readEnd = -1;
  }

  #resetWrite(): void {
    this.#writePos = 0;
    this.#writeEnd = -1;
  }

  #isClosed(): boolean {
    return truthy(getattr(this.#raw, 'closed'));
  }

  /** CPython's CHECK_CLOSED: a closed raw stream is refused unless buffered data remains to be read. */
  #checkClosed(message: string): void {
    if (this.#isClosed() && this.#readahead() === 0) throw new ValueError(message);
  }

  #rawTell(): number {
    const n = intArg(callMethod(this.#raw, 'tell'));
    if (n < 0) throw new OSError(`Raw stream returned invalid position ${n}`);
    this.#absPos = n;
    return n;
  }

  #rawSeek(target: number, whence: number): number {
    const n = intArg(callMethod(this.#raw, 'seek', target, whence));
    if (n < 0) throw new OSError(`Raw stream returned invalid position ${n}`);
    this.#absPos = n;
    return n;
  }

  /** One raw readinto() of `buffer[start:start+length]`: the count, or null when the raw stream would block. */
  #rawRead(buffer: Uint8Array, start: number, length: number): number | null {
    const got = callMethod(this.#raw, 'readinto', lentView(buffer, start, length));
    if (got === null) return null;
    let n: number;
    try {
      n = intArg(got);
    } catch (e) {
      const error = new OSError('raw readinto() failed');
      error.__cause__ = e as OSError;
      throw error;
    }
    if (n < 0 || n > length) throw new OSError(`raw readinto() returned invalid length ${n} (should have been between 0 and ${length})`);
    if (n > 0 && this.#absPos !== -1) this.#absPos += n;
    return n;
  }

  /** Reads into the buffer after what it holds: the count, or null when the raw stream would block. */
  #fillBuffer(): number | null {
    const start = this.#validRead() ? this.#readEnd : 0;
    const n = this.#rawRead(this.#buffer, start, this.#bufferSize - start);
    if (n === null || n <= 0) return n;
    this.#readEnd = start + n;
    this.#rawPos = start + n;
    return n;
  }

  /** One raw write() of `data`: the count, or null when the raw stream would block. */
  #rawWrite(data: Uint8Array): number | null {
    const got = callMethod(this.#raw, 'write', makeMemoryView(new PyBytes(data.slice())));
    if (got === null) return null;
    let n: number;
    try {
      n = intArg(got);
    } catch {
      // CPython's conversion fails to -1, which the length check then reports.
      n = -1;
    }
    if (n < 0 || n > data.length) throw new OSError(`raw write() returned invalid length ${n} (should have been between 0 and ${data.length})`);
    if (n > 0 && this.#absPos !== -1) this.#absPos += n;
    return n;
  }

  /** Hands the written part of the buffer to the raw stream (moving it back first if it read ahead). */
  #flushWrites(): void {
    if (this.#validWrite() && this.#writePos !== this.#writeEnd) {
      const rewind = this.#rawOffset() + (this.#pos - this.#writePos);
      if (rewind !== 0) {
        this.#rawSeek(-rewind, 1);
        this.#rawPos -= rewind;
      }
      while (this.#writePos < this.#writeEnd) {
        const n = this.#rawWrite(this.#buffer.subarray(this.#writePos, this.#writeEnd));
        if (n === null) throw blocked(0);
        this.#writePos += n;
        this.#rawPos = this.#writePos;
      }
    }
    this.#resetWrite();
  }

  /** Writes out, then moves the raw stream back to the logical position (a read-ahead undone). */
  #flushAndRewind(): void {
    this.#flushWrites();
    if (this.#readable) {
      const offset = this.#rawOffset();
      try {
        // 0 - offset: never -0, which Python code would see as a float.
        this.#rawSeek(0 - offset, 1);
      } finally {
        this.#resetRead();
      }
    }
  }

  // --- the raw stream ---------------------------------------------------------

  /** None before the object is set up and once it is detached. */
  get raw(): unknown {
    return this.#raw;
  }

  get name(): unknown {
    this.#checkInitialized();
    return getattr(this.#raw, 'name');
  }

  get mode(): unknown {
    this.#checkInitialized();
    return getattr(this.#raw, 'mode');
  }

  get closed(): unknown {
    this.#checkInitialized();
    return getattr(this.#raw, 'closed');
  }

  readable(): unknown {
    this.#checkInitialized();
    return callMethod(this.#raw, 'readable');
  }

  writable(): unknown {
    this.#checkInitialized();
    return callMethod(this.#raw, 'writable');
  }

  seekable(): unknown {
    this.#checkInitialized();
    return callMethod(this.#raw, 'seekable');
  }

  fileno(): unknown {
    this.#checkInitialized();
    return callMethod(this.#raw, 'fileno');
  }

  isatty(): unknown {
    this.#checkInitialized();
    return callMethod(this.#raw, 'isatty');
  }

  detach(self: unknown): unknown {
    this.#checkInitialized();
    callMethod(self, 'flush');
    const raw = this.#raw;
    this.#raw = null;
    this.#detached = true;
    this.#ok = false;
    return raw;
  }

  /** close(): the object's flush(), then the raw stream's close(); flush()'s error raised after, as the context. */
  close(self: unknown): unknown {
    this.#checkInitialized();
    if (this.#isClosed()) return null;
    let failure: unknown = null;
    try {
      callMethod(self, 'flush');
    } catch (e) {
      failure = e;
    }
    try {
      callMethod(this.#raw, 'close');
    } catch (e) {
      if (failure !== null && e !== null && typeof e === 'object' && (e as { __context__?: unknown }).__context__ == null) {
        (e as { __context__: unknown }).__context__ = failure;
      }
      throw e;
    }
    this.#resetRead();
    this.#pos = 0;
    if (failure !== null) throw failure;
    return null;
  }

  // --- reading ---------------------------------------------------------------

  #checkReadable(method: string): void {
    if (!this.#readable) throw new UnsupportedOperation(method);
  }

  read(size: unknown): unknown {
    this.#checkInitialized();
    this.#checkReadable('read');
    const n = sizeArg(size);
    if (n < -1) throw new ValueError('read length must be non-negative or -1');
    this.#checkClosed('read of closed file');
    if (n === -1) return this.#readAll();
    if (n <= this.#readahead()) return this.#takeBuffered(n);
    return this.#readGeneric(n);
  }

  #takeBuffered(n: number): PyBytes {
    const out = this.#buffer.slice(this.#pos, this.#pos + n);
    this.#pos += n;
    return new PyBytes(out);
  }

  #readAll(): unknown {
    const have = this.#readahead();
    let head: Uint8Array | null = null;
    if (have > 0) {
      head = this.#buffer.slice(this.#pos, this.#pos + have);
      this.#pos += have;
    }
    if (this.#writable) this.#flushAndRewind();
    this.#resetRead();
    const readall = lookupAttr(this.#raw, 'readall', undefined);
    if (readall !== undefined) {
      const rest = call(readall, [], null);
      const bytes = bytesValue(rest);
      if (rest !== null && bytes === null) throw new TypeError('readall() should return bytes');
      if (head === null) return rest;
      return new PyBytes(bytes === null ? head : joinBytes([head, bytes.bytes]));
    }
    const parts: Uint8Array[] = head === null ? [] : [head];
    let total = have;
    for (;;) {
      const data = callMethod(this.#raw, 'read');
      const bytes = bytesValue(data);
      if (data !== null && bytes === null) throw new TypeError('read() should return bytes');
      if (bytes === null || bytes.bytes.length === 0) return total === 0 ? data : new PyBytes(joinBytes(parts));
      parts.push(bytes.bytes);
      total += bytes.bytes.length;
      if (this.#absPos !== -1) this.#absPos += bytes.bytes.length;
    }
  }

  /** read(n) past what is buffered: whole buffers straight into the result, the last part through the buffer. */
  #readGeneric(n: number): unknown {
    const out = new Uint8Array(n);
    let written = 0;
    let remaining = n;
    const have = this.#readahead();
    if (have > 0) {
      out.set(this.#buffer.subarray(this.#pos, this.#pos + have));
      written = have;
      remaining -= have;
      this.#pos += have;
    }
    if (this.#writable) this.#flushAndRewind();
    this.#resetRead();
    const ended = (r: number | null): unknown => (r === 0 || written > 0 ? new PyBytes(out.slice(0, written)) : null);
    while (remaining > 0) {
      const whole = this.#bufferSize * Math.floor(remaining / this.#bufferSize);
      if (whole === 0) break;
      const r = this.#rawRead(out, written, whole);
      if (r === null || r === 0) return ended(r);
      remaining -= r;
      written += r;
    }
    this.#pos = 0;
    this.#rawPos = 0;
    this.#readEnd = 0;
    while (remaining > 0 && this.#readEnd < this.#bufferSize) {
      const r = this.#fillBuffer();
      if (r === null || r === 0) return ended(r);
      const take = Math.min(remaining, r);
      out.set(this.#buffer.subarray(this.#pos, this.#pos + take), written);
      written += take;
      this.#pos += take;
      remaining -= take;
    }
    return new PyBytes(written === n ? out : out.slice(0, written));
  }

  read1(size: unknown): unknown {
    this.#checkInitialized();
    this.#checkReadable('read1');
    let n = sizeArg(size);
    if (n < 0) n = this.#bufferSize;
    this.#checkClosed('read of closed file');
    if (n === 0) return new PyBytes(new Uint8Array(0));
    const have = this.#readahead();
    if (have > 0) return this.#takeBuffered(Math.min(have, n));
    const out = new Uint8Array(n);
    if (this.#writable) this.#flushAndRewind();
    this.#resetRead();
    const r = this.#rawRead(out, 0, n) ?? 0;
    return new PyBytes(r === n ? out : out.slice(0, r));
  }

  peek(size: unknown): unknown {
    // BufferedWriter has no peek() in CPython.
    if (this.#ok && !this.#readable) throw new AttributeError("'_io.BufferedWriter' object has no attribute 'peek'");
    this.#checkInitialized();
    if (size !== undefined) sizeArg(size);
    this.#checkClosed('peek of closed file');
    if (this.#writable) this.#flushAndRewind();
    const have = this.#readahead();
    if (have > 0) return new PyBytes(this.#buffer.slice(this.#pos, this.#pos + have));
    this.#resetRead();
    const r = this.#fillBuffer() ?? 0;
    this.#pos = 0;
    return new PyBytes(this.#buffer.slice(0, Math.max(0, r)));
  }

  /** readinto(b) and readinto1(b) (at most one raw read, and none once something is copied). */
  readinto(target: unknown, once: boolean): unknown {
    this.#checkInitialized();
    const name = once ? 'readinto1' : 'readinto';
    const memory = readWriteBuffer(target, name);
    this.#checkReadable(once ? 'read1' : 'read');
    this.#checkClosed('readinto of closed file');
    let written = 0;
    const have = this.#readahead();
    if (have > 0) {
      if (have >= memory.length) {
        memory.set(this.#buffer.subarray(this.#pos, this.#pos + memory.length));
        this.#pos += memory.length;
        return memory.length;
      }
      memory.set(this.#buffer.subarray(this.#pos, this.#pos + have));
      this.#pos += have;
      written = have;
    }
    if (this.#writable) this.#flushAndRewind();
    this.#resetRead();
    this.#pos = 0;
    let remaining = memory.length - written;
    while (remaining > 0) {
      let n: number | null;
      if (remaining > this.#bufferSize) {
        n = this.#rawRead(memory, written, remaining);
      } else if (!(once && written > 0)) {
        n = this.#fillBuffer();
        if (n !== null && n > 0) {
          const take = Math.min(n, remaining);
          memory.set(this.#buffer.subarray(this.#pos, this.#pos + take), written);
          this.#pos += take;
          written += take;
          remaining -= take;
          continue;
        }
      } else {
        n = 0;
      }
      if (n === 0 || (n === null && written > 0)) break;
      if (n === null) return null;
      written += n;
      remaining -= n;
      if (once) break;
    }
    return written;
  }

  readline(size: unknown): unknown {
    this.#checkInitialized();
    this.#checkReadable('read');
    let limit = sizeArg(size);
    this.#checkClosed('readline of closed file');
    let n = this.#readahead();
    if (limit >= 0 && n > limit) n = limit;
    const nl = this.#buffer.subarray(this.#pos, this.#pos + n).indexOf(10);
    if (nl >= 0) return this.#takeBuffered(nl + 1);
    if (n === limit) return this.#takeBuffered(n);
    const parts: Uint8Array[] = [];
    if (n > 0) {
      parts.push(this.#buffer.slice(this.#pos, this.#pos + n));
      this.#pos += n;
      if (limit >= 0) limit -= n;
    }
    if (this.#writable) this.#flushAndRewind();
    for (;;) {
      this.#resetRead();
      let got = this.#fillBuffer();
      if (got === null || got <= 0) break;
      if (limit >= 0 && got > limit) got = limit;
      const at = this.#buffer.subarray(0, got).indexOf(10);
      if (at >= 0) {
        parts.push(this.#buffer.slice(0, at + 1));
        this.#pos = at + 1;
        break;
      }
      parts.push(this.#buffer.slice(0, got));
      if (got === limit) {
        this.#pos = got;
        break;
      }
      if (limit >= 0) limit -= got;
    }
    return new PyBytes(joinBytes(parts));
  }

  // --- writing ----------------------------------------------------------------

  write(data: unknown): unknown {
    this.#checkInitialized();
    if (!this.#writable) throw new UnsupportedOperation('write');
    const bytes = bytesArgument(data);
    if (this.#isClosed()) throw new ValueError('write to closed file');
    if (!this.#validRead() && !this.#validWrite()) {
      this.#pos = 0;
      this.#rawPos = 0;
    }
    const avail = this.#bufferSize - this.#pos;
    if (bytes.length <= avail) {
      this.#buffer.set(bytes, this.#pos);
      if (!this.#validWrite() || this.#writePos > this.#pos) this.#writePos = this.#pos;
      this.#adjustPosition(this.#pos + bytes.length);
      if (this.#pos > this.#writeEnd) this.#writeEnd = this.#pos;
      return bytes.length;
    }
    this.#flushWrites();
    const offset = this.#rawOffset();
    if (offset !== 0) {
      this.#rawSeek(-offset, 1);
      this.#rawPos -= offset;
    }
    let written = 0;
    let remaining = bytes.length;
    while (remaining > this.#bufferSize) {
      const n = this.#rawWrite(bytes.subarray(written));
      if (n === null) throw blocked(written);
      written += n;
      remaining -= n;
    }
    if (this.#readable) this.#resetRead();
    this.#resetWrite();
    if (remaining > 0) this.#buffer.set(bytes.subarray(written), 0);
    this.#writePos = 0;
    this.#writeEnd = remaining;
    this.#adjustPosition(remaining);
    this.#rawPos = 0;
    return bytes.length;
  }

  /** Whether written data waits in the buffer. */
  hasPendingWrites(): boolean {
    return this.#ok && this.#validWrite() && this.#writePos < this.#writeEnd;
  }

  /** The buffered writes handed to the raw stream, if it is still open (before open() and at exit). */
  writeOut(): void {
    if (this.hasPendingWrites() && !this.#isClosed()) this.#flushWrites();
  }

  /** A reader's flush() is its raw stream's; a writer's writes out its buffer. */
  flush(): unknown {
    this.#checkInitialized();
    if (!this.#writable) return callMethod(this.#raw, 'flush');
    this.#checkClosed('flush of closed file');
    this.#flushAndRewind();
    return null;
  }

  truncate(pos: unknown): unknown {
    this.#checkInitialized();
    this.#checkClosed('truncate of closed file');
    if (!this.#writable) throw new UnsupportedOperation('truncate');
    this.#flushAndRewind();
    const result = callMethod(this.#raw, 'truncate', pos === undefined ? null : pos);
    try {
      this.#rawTell();
    } catch {
      // The position is asked again when next needed.
    }
    return result;
  }

  // --- position -----------------------------------------------------------------

  tell(): unknown {
    this.#checkInitialized();
    return this.#rawTell() - this.#rawOffset();
  }

  seek(target: unknown, whence: unknown): unknown {
    this.#checkInitialized();
    const from = whence === undefined ? 0 : intArg(whence);
    if (from < 0 || from > 2) throw new ValueError(`whence value ${from} unsupported`);
    this.#checkClosed('seek of closed file');
    checkRaw(this.#raw, 'seekable', 'seekable');
    let position = intArg(target);
    if ((from === 0 || from === 1) && this.#readable) {
      const current = this.#absPos !== -1 ? this.#absPos : this.#rawTell();
      const avail = this.#readahead();
      if (avail > 0) {
        const offset = from === 0 ? position - (current - this.#rawOffset()) : position;
        if (offset >= -this.#pos && offset <= avail) {
          this.#pos += offset;
          return current - avail + offset;
        }
      }
    }
    if (this.#writable) this.#flushWrites();
    if (from === 1) position -= this.#rawOffset();
    const n = this.#rawSeek(position, from);
    this.#rawPos = -1;
    if (this.#readable) this.#resetRead();
    return n;
  }
}

/** CPython's BlockingIOError for a raw stream that would block (its write() gave None): how much got written. */
function blocked(written: number): OSError {
  // The runtime's OSError would take a third argument for a file name: characters_written is set after.
  const error = new BlockingIOError(0, 'write could not complete without blocking');
  (error as unknown as Record<string, unknown>)['characters_written'] = written;
  return error;
}

function joinBytes(parts: Uint8Array[]): Uint8Array {
  return concat(parts, parts.reduce((n, p) => n + p.length, 0));
}

/** write()'s argument: any bytes-like object, its bytes as they are now. */
function bytesArgument(v: unknown): Uint8Array {
  const bytes = bytesValue(v);
  if (bytes !== null) return bytes.bytes;
  const buffer = bufferSnapshot(v);
  if (buffer !== null) return buffer;
  throw new TypeError(`a bytes-like object is required, not '${typeName(v)}'`);
}
