/**
 * io.BytesIO: an in-memory binary file, a growable byte array with a
 * position (seeks past the end are allowed; a write there fills the gap
 * with zeros).
 */
import { BufferError, TypeError, ValueError } from '../../../builtins/exceptions.js';
import { BASE_VALUE, PyBytes, PyBytesBox, TYPE_NAME, typeName } from '../../../builtins/values.js';
import { takeKeywords } from '../../../asyncio/keywords.js';
import { callableClass } from '../../../builtins/callableClass.js';
import { NATIVE_REINIT } from '../../../builtins/classes/nativeInit.js';
import { memoryFileOn } from './memoryFile.js';
import { _BufferedIOBase } from '../../../builtins/ioBases.js';
import { intArg, sizeArg } from '../../../builtins/files.js';
import { iterate } from '../../../builtins/iteration.js';
import { bufferSnapshot, readWriteBuffer, type ResizableMemory } from '../../../builtins/buffer.js';
import { PyMemoryView, viewOfMemory } from '../../../builtins/memoryview/view.js';


/** The bytes of a bytes-like argument (copied when it could change under us). */
function bytesOf(v: unknown): Uint8Array {
  const value = v instanceof PyBytesBox ? v[BASE_VALUE] : v;
  if (value instanceof PyBytes) return value.bytes;
  const buffer = bufferSnapshot(value);
  if (buffer !== null) return buffer;
  throw new TypeError(`a bytes-like object is required, not '${typeName(v)}'`);
}

/** What `BytesIO.getbuffer()` views are views of (CPython's type of the same name). */
class BytesIOBuffer {
  static readonly __name__ = '_BytesIOBuffer';
  static readonly __module__ = '_io';
}

class BytesIOImpl extends memoryFileOn(_BufferedIOBase) {
  static readonly __name__ = 'BytesIO';
  static readonly [TYPE_NAME] = '_io.BytesIO';
  static readonly __module__ = '_io';
  #buffer!: Uint8Array;
  #length!: number;
  /** The memory getbuffer() views see, made on its first call. */
  #memory: ResizableMemory | null = null;
  protected readonly $closedMessage = 'I/O operation on closed file.';

  constructor(...args: unknown[]) {
    super();
    this.#init(args);
  }

  /** A subclass's `super().__init__(initial_bytes)`: the contents start over. */
  [NATIVE_REINIT](...args: unknown[]): void {
    this.#checkExports();
    this.#init(args);
  }

  #init(args: unknown[]): void {
    const kw = takeKeywords(args);
    const initial = args[0] ?? kw?.['initial_bytes'] ?? null;
    const bytes = initial === null ? new Uint8Array(0) : bytesOf(initial);
    this.#buffer = bytes.slice();
    this.#length = bytes.length;
    this.$pos = 0;
  }



  #bytes(start: number, end: number): PyBytes {
    return new PyBytes(this.#buffer.slice(start, end));
  }

  write(data: unknown): number {
    return this.#write(data);
  }

  /** CPython's CHECK_EXPORTS: a view known to be alive (inside a `with` block) forbids changes of size. */
  #checkExports(): void {
    if (this.#memory !== null && this.#memory.$exports > 0) throw new BufferError('Existing exports of data: object cannot be re-sized');
  }

  /** `getbuffer()`: a writable memoryview of the contents, sharing them. */
  getbuffer(): PyMemoryView {
    this.$check();
    if (this.#memory === null) {
      const file = this;
      this.#memory = {
        get size(): number {
          return file.#length;
        },
        get $store(): Uint8Array {
          return file.#buffer;
        },
        $exports: 0,
      };
    }
    return viewOfMemory(new BytesIOBuffer(), this.#memory);
  }

  override close(): null {
    this.#checkExports();
    return super.close();
  }

  #write(data: unknown): number {
    this.$check();
    this.#checkExports();
    const bytes = bytesOf(data);
    const end = this.$pos + bytes.length;
    if (end > this.#buffer.length) {
      const grown = new Uint8Array(Math.max(end, this.#buffer.length * 2, 64));
      grown.set(this.#buffer.subarray(0, this.#length));
      this.#buffer = grown;
    }
    // A gap left by a seek past the end reads as zeros: the grown buffer's, or old bytes cut off by truncate().
    if (this.$pos > this.#length) this.#buffer.fill(0, this.#length, this.$pos);
    this.#buffer.set(bytes, this.$pos);
    this.$pos = end;
    if (end > this.#length) this.#length = end;
    return bytes.length;
  }

  writelines(lines: unknown): null {
    this.$check();
    // BytesIO's own writing: a subclass's write() is not called (StringIO's writelines, IOBase's, does call it).
    for (const line of iterate(lines)) this.#write(line);
    return null;
  }

  read(size?: unknown): PyBytes {
    this.$check();
    const n = sizeArg(size);
    const start = Math.min(this.$pos, this.#length);
    const end = n < 0 ? this.#length : Math.min(this.#length, start + n);
    this.$pos = Math.max(this.$pos, end);
    return this.#bytes(start, end);
  }

  read1(size?: unknown): PyBytes {
    return BytesIOImpl.prototype.read.call(this, size);
  }

  /** `readinto(b)`: the next bytes, up to len(b), copied into a bytearray or a writable memoryview. */
  readinto(target: unknown): number {
    const memory = readWriteBuffer(target, 'readinto');
    const data = BytesIOImpl.prototype.read.call(this, memory.length).bytes;
    memory.set(data);
    return data.length;
  }

  readline(size?: unknown): PyBytes {
    this.$check();
    const limit = sizeArg(size);
    const start = Math.min(this.$pos, this.#length);
    const at = this.#buffer.subarray(start, this.#length).indexOf(10);
    let end = at < 0 ? this.#length : start + at + 1;
    if (limit >= 0 && end - start > limit) end = start + limit;
    this.$pos = Math.max(this.$pos, end);
    return this.#bytes(start, end);
  }

  readlines(hint?: unknown): PyBytes[] {
    const limit = hint === undefined || hint === null ? -1 : intArg(hint);
    const lines: PyBytes[] = [];
    let total = 0;
    for (;;) {
      const line = BytesIOImpl.prototype.readline.call(this);
      if (line.bytes.length === 0) break;
      lines.push(line);
      total += line.bytes.length;
      if (limit > 0 && total >= limit) break;
    }
    return lines;
  }

  getvalue(): PyBytes {
    this.$check();
    return this.#bytes(0, this.#length);
  }

  seek(pos: unknown, whence: unknown = 0): number {
    this.$check();
    const offset = intArg(pos);
    const mode = intArg(whence);
    if (mode !== 0 && mode !== 1 && mode !== 2) throw new ValueError(`invalid whence (${mode}, should be 0, 1 or 2)`);
    if (mode === 0 && offset < 0) throw new ValueError(`negative seek value ${offset}`);
    const base = mode === 0 ? 0 : mode === 1 ? this.$pos : this.#length;
    // Relative seeks before the start stop at it.
    this.$pos = Math.max(0, base + offset);
    return this.$pos;
  }

  truncate(size?: unknown): number {
    this.$check();
    this.#checkExports();
    const n = size === undefined || size === null ? this.$pos : intArg(size);
    if (n < 0) throw new ValueError(`negative size value ${n}`);
    if (n < this.#length) this.#length = n;
    return n;
  }

  /** BytesIO's iteration reads its own lines, whatever readline() a subclass defines (as CPython's). */
  protected $nextLine(): PyBytes {
    return BytesIOImpl.prototype.readline.call(this);
  }

  protected $atEnd(line: PyBytes): boolean {
    return line.bytes.length === 0;
  }

}

export const BytesIO = callableClass(BytesIOImpl);
(BytesIO as unknown as { $kw: unknown }).$kw = (args: unknown[], kw: Record<string, unknown>) => new BytesIOImpl(...args, kw);
