/**
 * The text file: `TextIOWrapper`, over one of the runtime's buffered files
 * (what open() makes) or over any Python binary stream (`io.BytesIO`, a
 * BufferedIOBase subclass's instance), which it reaches through its Python
 * methods as CPython's does. It reads 8 KiB chunks ahead, decoding them,
 * and translates newlines as `newline=` says.
 */
import { PyBytes, PyTuple, TYPE_NAME, typeName } from './values.js';
import { OSError, StopIteration, TypeError, ValueError } from './exceptions.js';
import { decodeBytes, encodeStr } from './str.js';
import { lookupCodec, type Codec } from './str/codecs.js';
import { repr } from './repr.js';
import { iterate } from './iteration.js';
import { truthy } from './truth.js';
import { callMethod, getattr, hasattr } from './attributes.js';
import { bufferSnapshot } from './buffer.js';
import { argTypeName, type ClinicSignature, unpackKeywords } from './arity.js';
import { UnsupportedOperation, _TextIOBase, intArg, madeBare, selfMethod, sizeArg } from './ioBases.js';
import { pyClassOf } from './classes/model.js';
import { NATIVE_REINIT } from './classes/nativeInit.js';
import {
  BUFFER_SIZE, EMPTY, SYNC, checkedNewline, closedError, concat, isKeywordObject, localeDefault, markPending, nextLine, optionalStr, pendingFiles,
  readLines,
} from './fileState.js';
// A cycle (files.ts makes text files): BufferedFile is only used once both modules have loaded.
import { BufferedFile } from './files.js';

/** How much a text file reads ahead at a time, as CPython's TextIOWrapper. */
const TEXT_CHUNK = 8192;

export type Newline = null | '' | '\n' | '\r' | '\r\n';

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
export const OPENED = Symbol('pyasync.opened');

export interface OpenedText {
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
