/**
 * CPython's `_io._IOBase`, `_io._RawIOBase`, `_io._BufferedIOBase` and
 * `_io._TextIOBase`: the C bases under `io.IOBase` and its kin, and under
 * the runtime's own streams (StringIO, BytesIO, open()'s files). Their
 * methods are the defaults a Python stream class inherits: each one reaches
 * the others through Python attribute lookup, so a subclass's `read`,
 * `readinto`, `flush` or `closed` is the one they use, as in CPython. The
 * runtime's own streams define their own methods; these only fill the gaps.
 */
import { NotImplementedError, OSError, StopIteration, SystemError, TypeError, ValueError } from './exceptions.js';
import { BASE_VALUE, PyBoxed, PyBytes, isIntNumber, typeName } from './values.js';
import { callMethod, lookupAttr, setattr } from './attributes.js';
import { call, isPyFunction } from './calls.js';
import { ITER_IS_SELF, iterate } from './iteration.js';
import { truthy } from './truth.js';
import { checkPositional, noArgs } from './arity.js';
import { readWriteBuffer } from './buffer.js';
import { PyByteArray } from './bytearray.js';
import { strLen } from './str/core.js';
import { CLASS, pyClassOf } from './classes/model.js';
import { len } from './functions.js';
import { concat } from './fileState.js';

/** io.UnsupportedOperation (in CPython also a ValueError: its bases are declared where the io module makes its classes). */
export class UnsupportedOperation extends OSError {
  static readonly __module__ = 'io';
}

/** io.DEFAULT_BUFFER_SIZE. */
export const DEFAULT_BUFFER_SIZE = 8192;

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

/** The bytes of a result that must be bytes (a bytes subclass's instance included), or null. */
export function bytesValue(v: unknown): PyBytes | null {
  if (v instanceof PyBytes) return v;
  if (v instanceof PyBoxed && v[BASE_VALUE] instanceof PyBytes) return v[BASE_VALUE];
  return null;
}

/**
 * Whether a runtime stream's constructor runs to make a bare instance of a
 * Python subclass with an `__init__` of its own (the class's call makes the
 * instance without arguments, then runs that `__init__`, whose
 * `super().__init__(…)` sets it up: NATIVE_REINIT). CPython's objects are
 * made bare by `__new__` the same way; the runtime's are otherwise set up
 * by their constructor.
 */
export function madeBare(newTarget: Function, args: readonly unknown[]): boolean {
  if (args.length > 0) return false;
  const proto = newTarget.prototype as Record<PropertyKey, unknown>;
  return CLASS in proto && isPyFunction(proto['__init__']);
}

/**
 * `self.name(*args)` where CPython looks the method up on the object: the
 * runtime's own method for an instance of its own class, a subclass's
 * override through Python's lookup (a Python method cannot be called as a
 * JS method of the object).
 */
export function selfMethod(obj: object, name: string, ...args: unknown[]): unknown {
  if (pyClassOf(obj) === undefined) return ((obj as Record<string, unknown>)[name] as (...a: unknown[]) => unknown).apply(obj, args);
  return callMethod(obj, name, ...args);
}

const CLOSED_FLAG = '__IOBase_closed';

/**
 * IOBase's own record of being closed (CPython's `__IOBase_closed` attribute), not the `closed` a subclass may redefine.
 * Read on every operation of a stream written in Python (its inherited `closed`), so an open stream's missing
 * attribute is told without an AttributeError.
 */
function closedFlag(self: unknown): boolean {
  return lookupAttr(self, CLOSED_FLAG, undefined) !== undefined;
}

function closedFile(): ValueError {
  return new ValueError('I/O operation on closed file.');
}

/** CPython's iobase_check_closed: the `closed` attribute, as the stream's class defines it. */
export function checkClosed(self: unknown): void {
  const closed = lookupAttr(self, 'closed', undefined);
  if (closed !== undefined && truthy(closed)) throw closedFile();
}

/** `_checkReadable()` and its kin: the stream's own answer must be True. */
function checkAble(self: unknown, method: string, what: string): true {
  if (callMethod(self, method) !== true) throw new UnsupportedOperation(`File or stream is not ${what}.`);
  return true;
}

/** len(x) for a line a stream gave (readlines and iteration stop at an empty one). */
function sizeOf(line: unknown): number {
  if (typeof line === 'string') return strLen(line);
  const bytes = bytesValue(line);
  if (bytes !== null) return bytes.bytes.length;
  return Number(len(line));
}


export class _IOBase {
  static readonly __name__: string = '_IOBase';
  static readonly __module__: string = '_io';

  seek(...args: unknown[]): unknown {
    void args;
    throw new UnsupportedOperation('seek');
  }

  tell(...args: unknown[]): unknown {
    noArgs('_IOBase.tell', args.length);
    return callMethod(this, 'seek', 0, 1);
  }

  truncate(...args: unknown[]): unknown {
    void args;
    throw new UnsupportedOperation('truncate');
  }

  flush(...args: unknown[]): unknown {
    noArgs('_IOBase.flush', args.length);
    if (closedFlag(this)) throw closedFile();
    return null;
  }

  /** flush(), then closed whatever flush() did (its error raised after). */
  close(...args: unknown[]): unknown {
    noArgs('_IOBase.close', args.length);
    if (closedFlag(this)) return null;
    let failure: unknown = null;
    try {
      callMethod(this, 'flush');
    } catch (e) {
      failure = e;
    }
    setattr(this, CLOSED_FLAG, true);
    if (failure !== null) throw failure;
    return null;
  }

  get closed(): unknown {
    return closedFlag(this);
  }

  seekable(...args: unknown[]): unknown {
    noArgs('_IOBase.seekable', args.length);
    return false;
  }

  readable(...args: unknown[]): unknown {
    noArgs('_IOBase.readable', args.length);
    return false;
  }

  writable(...args: unknown[]): unknown {
    noArgs('_IOBase.writable', args.length);
    return false;
  }

  _checkClosed(...args: unknown[]): unknown {
    noArgs('_IOBase._checkClosed', args.length);
    checkClosed(this);
    return null;
  }

  _checkSeekable(...args: unknown[]): unknown {
    noArgs('_IOBase._checkSeekable', args.length);
    return checkAble(this, 'seekable', 'seekable');
  }

  _checkReadable(...args: unknown[]): unknown {
    noArgs('_IOBase._checkReadable', args.length);
    return checkAble(this, 'readable', 'readable');
  }

  _checkWritable(...args: unknown[]): unknown {
    noArgs('_IOBase._checkWritable', args.length);
    return checkAble(this, 'writable', 'writable');
  }

  fileno(...args: unknown[]): unknown {
    noArgs('_IOBase.fileno', args.length);
    throw new UnsupportedOperation('fileno');
  }

  isatty(...args: unknown[]): unknown {
    noArgs('_IOBase.isatty', args.length);
    checkClosed(this);
    return false;
  }

  __enter__(): unknown {
    checkClosed(this);
    return this;
  }

  __exit__(...args: unknown[]): unknown {
    void args;
    return callMethod(this, 'close');
  }

  __iter__(): unknown {
    checkClosed(this);
    return this;
  }

  __next__(): unknown {
    const line = callMethod(this, 'readline');
    if (sizeOf(line) <= 0) throw new StopIteration();
    return line;
  }

  /** A for loop over the stream: its `__iter__` (checked at once), then `__next__` (a subclass's own, if it has one). */
  [Symbol.iterator](): Generator<unknown> {
    callMethod(this, '__iter__');
    return this.#lines();
  }

  *#lines(): Generator<unknown> {
    for (;;) {
      let line: unknown;
      try {
        line = callMethod(this, '__next__');
      } catch (e) {
        if (e instanceof StopIteration) return;
        throw e;
      }
      yield line;
    }
  }

  /**
   * readline(size=-1) of a binary stream that has only read(): one byte at
   * a time, or up to the newline peek() shows when the stream has peek().
   */
  readline(size?: unknown): unknown {
    const limit = sizeArg(size);
    const peek = lookupAttr(this, 'peek', undefined);
    const parts: Uint8Array[] = [];
    let total = 0;
    while (limit < 0 || total < limit) {
      let ahead = 1;
      if (peek !== undefined) {
        const peeked = call(peek, [1], null);
        const bytes = bytesValue(peeked);
        if (bytes === null) throw new OSError(`peek() should have returned a bytes object, not '${typeName(peeked)}'`);
        const b = bytes.bytes;
        if (b.length > 0) {
          let n = 0;
          const stop = limit >= 0 ? Math.min(b.length, limit) : b.length;
          while (n < stop) {
            if (b[n++] === 10) break;
          }
          ahead = n;
        }
      }
      const got = callMethod(this, 'read', ahead);
      const bytes = bytesValue(got);
      if (bytes === null) throw new OSError(`read() should have returned a bytes object, not '${typeName(got)}'`);
      if (bytes.bytes.length === 0) break;
      parts.push(bytes.bytes);
      total += bytes.bytes.length;
      if (bytes.bytes[bytes.bytes.length - 1] === 10) break;
    }
    // A copy even of one part: it may be a bytearray's storage.
    return new PyBytes(parts.length === 1 ? parts[0]!.slice() : concat(parts, total));
  }

  /** readlines(hint=-1): lines until their total size passes hint (all of them for hint <= 0). */
  readlines(hint?: unknown): unknown {
    const limit = sizeArg(hint);
    const lines: unknown[] = [];
    if (limit <= 0) {
      for (const line of iterate(this)) lines.push(line);
      return lines;
    }
    let length = 0;
    for (const line of iterate(this)) {
      lines.push(line);
      const n = sizeOf(line);
      if (n > limit - length) break;
      length += n;
    }
    return lines;
  }

  writelines(lines: unknown): unknown {
    checkClosed(this);
    for (const line of iterate(lines)) callMethod(this, 'write', line);
    return null;
  }
}

(_IOBase.prototype as unknown as Record<symbol, unknown>)[ITER_IS_SELF] = true;

export class _RawIOBase extends _IOBase {
  static override readonly __name__: string = '_RawIOBase';

  /** read(size=-1): readall(), or one readinto() of a bytearray of that size. */
  read(...args: unknown[]): unknown {
    checkPositional('read', args.length, 0, 1);
    const n = args.length === 0 ? -1 : intArg(args[0]);
    if (n < 0) return callMethod(this, 'readall');
    const buffer = new PyByteArray(new Uint8Array(n));
    const got = callMethod(this, 'readinto', buffer);
    if (got === null) return null;
    const count = intArg(got);
    // CPython makes bytes of that many bytes of the buffer, unchecked but for a negative count.
    if (count < 0) throw new SystemError('Negative size passed to PyBytes_FromStringAndSize');
    return new PyBytes(buffer.view.slice(0, Math.min(count, buffer.size)));
  }

  /** readall(): read(DEFAULT_BUFFER_SIZE) until an empty result (None at once: None). */
  readall(...args: unknown[]): unknown {
    noArgs('_RawIOBase.readall', args.length);
    const parts: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const data = callMethod(this, 'read', DEFAULT_BUFFER_SIZE);
      if (data === null) {
        if (parts.length === 0) return null;
        break;
      }
      const bytes = bytesValue(data);
      if (bytes === null) throw new TypeError('read() should return bytes');
      if (bytes.bytes.length === 0) break;
      parts.push(bytes.bytes);
      total += bytes.bytes.length;
    }
    // A copy even of one part: it may be a bytearray's storage.
    return new PyBytes(parts.length === 1 ? parts[0]!.slice() : concat(parts, total));
  }

  readinto(...args: unknown[]): unknown {
    void args;
    throw new NotImplementedError();
  }

  write(...args: unknown[]): unknown {
    void args;
    throw new NotImplementedError();
  }
}

/** BufferedIOBase's readinto(b) and readinto1(b): read(len(b)) or read1(len(b)), copied into b. */
function readIntoVia(self: unknown, target: unknown, method: 'read' | 'read1', name: string): number {
  const memory = readWriteBuffer(target, name);
  const data = callMethod(self, method, memory.length);
  const bytes = bytesValue(data);
  if (bytes === null) throw new TypeError('read() should return bytes');
  if (bytes.bytes.length > memory.length) {
    throw new ValueError(`read() returned too much data: ${memory.length} bytes requested, ${bytes.bytes.length} returned`);
  }
  memory.set(bytes.bytes);
  return bytes.bytes.length;
}

export class _BufferedIOBase extends _IOBase {
  static override readonly __name__: string = '_BufferedIOBase';

  read(...args: unknown[]): unknown {
    void args;
    throw new UnsupportedOperation('read');
  }

  read1(...args: unknown[]): unknown {
    void args;
    throw new UnsupportedOperation('read1');
  }

  write(...args: unknown[]): unknown {
    void args;
    throw new UnsupportedOperation('write');
  }

  detach(...args: unknown[]): unknown {
    noArgs('_BufferedIOBase.detach', args.length);
    throw new UnsupportedOperation('detach');
  }

  readinto(target: unknown): unknown {
    return readIntoVia(this, target, 'read', 'readinto');
  }

  readinto1(target: unknown): unknown {
    return readIntoVia(this, target, 'read1', 'readinto1');
  }
}

export class _TextIOBase extends _IOBase {
  static override readonly __name__: string = '_TextIOBase';

  detach(...args: unknown[]): unknown {
    noArgs('_TextIOBase.detach', args.length);
    throw new UnsupportedOperation('detach');
  }

  read(...args: unknown[]): unknown {
    void args;
    throw new UnsupportedOperation('read');
  }

  readline(...args: unknown[]): unknown {
    void args;
    throw new UnsupportedOperation('readline');
  }

  write(...args: unknown[]): unknown {
    void args;
    throw new UnsupportedOperation('write');
  }
}

// Defined outside the class body: TextIOWrapper's own `encoding` and `errors` are data attributes, which TypeScript
// refuses to let override accessors.
for (const name of ['encoding', 'newlines', 'errors']) {
  Object.defineProperty(_TextIOBase.prototype, name, { get: () => null, configurable: true, enumerable: false });
}
