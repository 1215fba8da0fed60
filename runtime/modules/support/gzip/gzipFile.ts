/**
 * `gzip.GzipFile` and `gzip.open`, as CPython 3.11's gzip.py has them:
 * GzipFile is a Python class over `_compression.BaseStream` (an
 * `io.BufferedIOBase`, so ABCMeta, isinstance and the IOBase defaults —
 * iteration, readlines, readinto, the context manager — are CPython's),
 * keeping its state in the instance's attributes as gzip.py does (`mode`
 * is READ or WRITE, `fileobj`, `name`, `compress`, `crc`, `size`,
 * `offset`, `_buffer`). Reading goes through an `io.BufferedReader` over a
 * `_GzipReader` (reader.ts); writing compresses each write() into the file
 * object, with the header written first and the CRC and size last, at
 * close(). A GzipFile left open for writing is closed at exit (after the
 * atexit callbacks), as CPython's finalizer closes it at shutdown.
 */
import { DeprecationWarning, FutureWarning, OSError, TypeError, ValueError } from '../../../builtins/exceptions.js';
import { PyBytes, typeName } from '../../../builtins/values.js';
import { callMethod, getattr, hasattr } from '../../../builtins/attributes.js';
import { call } from '../../../builtins/calls.js';
import { truthy } from '../../../builtins/truth.js';
import { repr } from '../../../builtins/repr.js';
import { add, in_ } from '../../../builtins/operators.js';
import { property } from '../../../builtins/classes/descriptors.js';
import { objectId, type PyClass } from '../../../builtins/classes.js';
import { int } from '../../../builtins/numbers.js';
import { hasSpecial } from '../../../builtins/special.js';
import { BufferedReader, TextIOWrapper, flushAllFiles, open as builtinOpen } from '../../../builtins/files.js';
import { DEFAULT_BUFFER_SIZE, UnsupportedOperation } from '../../../builtins/ioBases.js';
import { atShutdown } from '../../../program/main.js';
import { BufferedIOBase } from '../io/abcs.js';
import { text_encoding } from '../io/newlineDecoder.js';
import { fspath } from '../os/node.js';
import { bufferOf } from '../binascii/codec.js';
import { structError } from '../struct/error.js';
import { pyClass, pyFunction } from '../pydef.js';
import { warnCaller } from '../warnings/fromRuntime.js';
import { compressobj, crc32, DEF_MEM_LEVEL, DEFLATED, MAX_WBITS, Z_SYNC_FLUSH } from '../../zlib.js';
import { time } from '../../time.js';
import { FNAME } from './header.js';
import { GzipReader } from './reader.js';

const Q = 'gzip';

export const READ = 1;
export const WRITE = 2;
export const COMPRESS_LEVEL_FAST = 1;
export const COMPRESS_LEVEL_BEST = 9;
const EBADF = 9;

type Obj = Record<string, unknown>;

/** `_compression.BaseStream`: the mode checks gzip, bz2 and lzma share. */
export const BaseStream: PyClass = pyClass('BaseStream', '_compression', [BufferedIOBase], {
  _check_not_closed: pyFunction('self', 'BaseStream._check_not_closed', '_compression', (self: unknown) => {
    checkNotClosed(self);
    return null;
  }),
  _check_can_read: pyFunction('self', 'BaseStream._check_can_read', '_compression', (self: unknown) => {
    if (!truthy(callMethod(self, 'readable'))) throw new UnsupportedOperation('File not open for reading');
    return null;
  }),
  _check_can_write: pyFunction('self', 'BaseStream._check_can_write', '_compression', (self: unknown) => {
    if (!truthy(callMethod(self, 'writable'))) throw new UnsupportedOperation('File not open for writing');
    return null;
  }),
  _check_can_seek: pyFunction('self', 'BaseStream._check_can_seek', '_compression', (self: unknown) => {
    if (!truthy(callMethod(self, 'readable'))) throw new UnsupportedOperation('Seeking is only supported on files open for reading');
    if (!truthy(callMethod(self, 'seekable'))) throw new UnsupportedOperation('The underlying file object does not support seeking');
    return null;
  }),
});

function checkNotClosed(self: unknown): void {
  if (truthy(getattr(self, 'closed'))) throw new ValueError('I/O operation on closed file');
}

/** `OSError(errno.EBADF, …)`: a read on a file open for writing, or the other way. */
function wrongMode(message: string): unknown {
  return call(OSError, [EBADF, message], null);
}

function isBytes(v: unknown): v is PyBytes {
  return v instanceof PyBytes;
}

/** `os.fspath(filename)`, bytes kept as they are. */
function fspathOf(filename: unknown): unknown {
  return isBytes(filename) ? filename : fspath(filename);
}

/** `struct.pack("<L", value)`. */
function uint32(value: number): Uint8Array {
  if (value < 0 || value > 0xffffffff) throw structError('argument out of range');
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value, true);
  return out;
}

function write(fileobj: unknown, data: Uint8Array): void {
  callMethod(fileobj, 'write', new PyBytes(data));
}

/** The writers still open, closed at exit (CPython's IOBase finalizer closes them at shutdown). */
const openWriters = new Set<object>();
let closingAtExit = false;

function closeOpenWriters(): void {
  // A text file over a GzipFile hands its text on first (CPython finalizes the wrapper, which closes the GzipFile).
  flushAllFiles();
  for (const f of [...openWriters]) {
    try {
      callMethod(f, 'close');
    } catch {
      // As CPython's finalizer at shutdown: the error is not the program's.
    }
  }
}

/** The part of a file name the header records: Latin-1 bytes, without a `.gz` suffix; none when not Latin-1. */
function headerName(name: unknown): Uint8Array {
  let fname: Uint8Array;
  if (isBytes(name)) {
    const b = name.bytes;
    fname = b.subarray(b.lastIndexOf(0x2f) + 1);
  } else {
    const s = typeof name === 'string' ? name : String(name);
    const base = s.slice(s.lastIndexOf('/') + 1);
    fname = new Uint8Array(base.length);
    for (let i = 0; i < base.length; i++) {
      const code = base.charCodeAt(i);
      if (code > 0xff) return new Uint8Array(0);
      fname[i] = code;
    }
  }
  const n = fname.length;
  if (n >= 3 && fname[n - 3] === 0x2e && fname[n - 2] === 0x67 && fname[n - 1] === 0x7a) fname = fname.subarray(0, n - 3);
  return fname;
}

/** `int(mtime)`. */
function seconds(v: unknown): number {
  return Number(int(v));
}

export const GzipFile: PyClass = pyClass('GzipFile', Q, [BaseStream], {
  myfileobj: null,

  __init__: pyFunction('self, filename=, mode=, compresslevel=, fileobj=, mtime=', 'GzipFile.__init__', Q,
    (self: Obj, filename: unknown = null, mode: unknown = null, compresslevel: unknown = COMPRESS_LEVEL_BEST, fileobj: unknown = null,
      mtime: unknown = null) => {
      if (truthy(mode) && (in_('t', mode) || in_('U', mode))) throw new ValueError(`Invalid mode: ${repr(mode)}`);
      if (truthy(mode) && !in_('b', mode)) mode = add(mode, 'b');
      if (fileobj === null) {
        fileobj = call(builtinOpen, [filename, truthy(mode) ? mode : 'rb'], null);
        self['myfileobj'] = fileobj;
      }
      if (filename === null) {
        filename = getattr(fileobj, 'name', '');
        if (!(typeof filename === 'string' || isBytes(filename))) filename = '';
      } else {
        filename = fspathOf(filename);
      }
      const origmode = mode;
      if (mode === null) mode = getattr(fileobj, 'mode', 'rb');
      if (truthy(callMethod(mode, 'startswith', 'r'))) {
        self['mode'] = READ;
        self['_buffer'] = new BufferedReader(new GzipReader(fileobj));
        self['name'] = filename;
      } else if (truthy(callMethod(mode, 'startswith', 'w')) || truthy(callMethod(mode, 'startswith', 'a')) || truthy(callMethod(mode, 'startswith', 'x'))) {
        if (origmode === null) {
          warnCaller('GzipFile was opened for writing, but this will change in future Python releases.  '
            + 'Specify the mode argument for opening it for writing.', FutureWarning, 2);
        }
        self['mode'] = WRITE;
        callMethod(self, '_init_write', filename);
        self['compress'] = call(compressobj, [compresslevel, DEFLATED, -MAX_WBITS, DEF_MEM_LEVEL, 0], null);
        self['_write_mtime'] = mtime;
      } else {
        throw new ValueError(`Invalid mode: ${repr(mode)}`);
      }
      self['fileobj'] = fileobj;
      if (self['mode'] === WRITE) {
        callMethod(self, '_write_gzip_header', compresslevel);
        if (!closingAtExit) {
          closingAtExit = true;
          atShutdown(closeOpenWriters);
        }
        openWriters.add(self);
      }
      return null;
    }),

  filename: property(pyFunction('self', 'GzipFile.filename', Q, (self: unknown) => {
    warnCaller('use the name attribute', DeprecationWarning, 2);
    const name = getattr(self, 'name');
    if (getattr(self, 'mode') === WRITE && !(typeof name === 'string' ? name.endsWith('.gz') : isBytes(name) && endsWithGz(name))) return add(name, '.gz');
    return name;
  })),

  mtime: property(pyFunction('self', 'GzipFile.mtime', Q, (self: unknown) => getattr(getattr(getattr(self, '_buffer'), 'raw'), '_last_mtime'))),

  __repr__: pyFunction('self', 'GzipFile.__repr__', Q, (self: unknown) => {
    const s = repr(getattr(self, 'fileobj'));
    return `<gzip ${s.slice(1, -1)} 0x${objectId(self as object).toString(16)}>`;
  }),

  _init_write: pyFunction('self, filename', 'GzipFile._init_write', Q, (self: Obj, filename: unknown) => {
    self['name'] = filename;
    self['crc'] = 0;
    self['size'] = 0;
    self['writebuf'] = [];
    self['bufsize'] = 0;
    // The position for seek() and tell().
    self['offset'] = 0;
    return null;
  }),

  _write_gzip_header: pyFunction('self, compresslevel', 'GzipFile._write_gzip_header', Q, (self: Obj, compresslevel: unknown) => {
    const fileobj = getattr(self, 'fileobj');
    write(fileobj, new Uint8Array([0x1f, 0x8b]));
    write(fileobj, new Uint8Array([8]));
    const fname = headerName(getattr(self, 'name'));
    write(fileobj, new Uint8Array([fname.length > 0 ? FNAME : 0]));
    const mtime = getattr(self, '_write_mtime');
    write(fileobj, uint32(seconds(mtime === null ? time() : mtime)));
    const level = Number(compresslevel);
    write(fileobj, new Uint8Array([level === COMPRESS_LEVEL_BEST ? 2 : level === COMPRESS_LEVEL_FAST ? 4 : 0]));
    write(fileobj, new Uint8Array([0xff]));
    if (fname.length > 0) {
      const named = new Uint8Array(fname.length + 1);
      named.set(fname);
      write(fileobj, named);
    }
    return null;
  }),

  write: pyFunction('self, data', 'GzipFile.write', Q, (self: Obj, data: unknown) => {
    checkNotClosed(self);
    if (getattr(self, 'mode') !== WRITE) throw wrongMode('write() on read-only GzipFile object');
    const fileobj = getattr(self, 'fileobj');
    if (fileobj === null) throw new ValueError('write() on closed GzipFile object');
    const bytes = bufferOf(data);
    if (bytes === null) throw new TypeError(`memoryview: a bytes-like object is required, not '${typeName(data)}'`);
    const length = bytes.length;
    if (length > 0) {
      callMethod(fileobj, 'write', callMethod(getattr(self, 'compress'), 'compress', data));
      self['size'] = add(getattr(self, 'size'), length);
      self['crc'] = crc32(data, getattr(self, 'crc'));
      self['offset'] = add(getattr(self, 'offset'), length);
    }
    return length;
  }),

  read: pyFunction('self, size=', 'GzipFile.read', Q, (self: unknown, size: unknown = -1) => {
    checkNotClosed(self);
    if (getattr(self, 'mode') !== READ) throw wrongMode('read() on write-only GzipFile object');
    return callMethod(getattr(self, '_buffer'), 'read', size);
  }),

  read1: pyFunction('self, size=', 'GzipFile.read1', Q, (self: unknown, size: unknown = -1) => {
    checkNotClosed(self);
    if (getattr(self, 'mode') !== READ) throw wrongMode('read1() on write-only GzipFile object');
    return callMethod(getattr(self, '_buffer'), 'read1', isNegative(size) ? DEFAULT_BUFFER_SIZE : size);
  }),

  peek: pyFunction('self, n', 'GzipFile.peek', Q, (self: unknown, n: unknown) => {
    checkNotClosed(self);
    if (getattr(self, 'mode') !== READ) throw wrongMode('peek() on write-only GzipFile object');
    return callMethod(getattr(self, '_buffer'), 'peek', n);
  }),

  closed: property(pyFunction('self', 'GzipFile.closed', Q, (self: unknown) => getattr(self, 'fileobj') === null)),

  close: pyFunction('self', 'GzipFile.close', Q, (self: Obj) => {
    const fileobj = getattr(self, 'fileobj');
    if (fileobj === null) return null;
    self['fileobj'] = null;
    openWriters.delete(self);
    try {
      const mode = getattr(self, 'mode');
      if (mode === WRITE) {
        callMethod(fileobj, 'write', callMethod(getattr(self, 'compress'), 'flush'));
        write(fileobj, uint32(Number(getattr(self, 'crc'))));
        // The size may pass 4 GiB: its low 32 bits.
        write(fileobj, uint32(Number(BigInt.asUintN(32, BigInt(getattr(self, 'size') as number | bigint)))));
      } else if (mode === READ) {
        callMethod(getattr(self, '_buffer'), 'close');
      }
    } finally {
      const myfileobj = getattr(self, 'myfileobj');
      if (truthy(myfileobj)) {
        self['myfileobj'] = null;
        callMethod(myfileobj, 'close');
      }
    }
    return null;
  }),

  flush: pyFunction('self, zlib_mode=', 'GzipFile.flush', Q, (self: unknown, zlibMode: unknown = Z_SYNC_FLUSH) => {
    checkNotClosed(self);
    if (getattr(self, 'mode') === WRITE) {
      const fileobj = getattr(self, 'fileobj');
      callMethod(fileobj, 'write', callMethod(getattr(self, 'compress'), 'flush', zlibMode));
      callMethod(fileobj, 'flush');
    }
    return null;
  }),

  fileno: pyFunction('self', 'GzipFile.fileno', Q, (self: unknown) => callMethod(getattr(self, 'fileobj'), 'fileno')),

  rewind: pyFunction('self', 'GzipFile.rewind', Q, (self: unknown) => {
    if (getattr(self, 'mode') !== READ) throw new OSError("Can't rewind in write mode");
    callMethod(getattr(self, '_buffer'), 'seek', 0);
    return null;
  }),

  readable: pyFunction('self', 'GzipFile.readable', Q, (self: unknown) => getattr(self, 'mode') === READ),
  writable: pyFunction('self', 'GzipFile.writable', Q, (self: unknown) => getattr(self, 'mode') === WRITE),
  seekable: pyFunction('self', 'GzipFile.seekable', Q, () => true),

  seek: pyFunction('self, offset, whence=', 'GzipFile.seek', Q, (self: Obj, offset: unknown, whence: unknown = 0) => {
    const mode = getattr(self, 'mode');
    if (mode === WRITE) {
      const current = getattr(self, 'offset');
      if (whence !== 0) {
        if (whence === 1) offset = add(current, offset);
        else throw new ValueError('Seek from end not supported');
      }
      const target = Number(offset);
      const from = Number(current);
      if (target < from) throw new OSError('Negative seek in write mode');
      const count = target - from;
      const chunk = new PyBytes(new Uint8Array(1024));
      for (let i = 0; i < Math.floor(count / 1024); i++) callMethod(self, 'write', chunk);
      callMethod(self, 'write', new PyBytes(new Uint8Array(count % 1024)));
    } else if (mode === READ) {
      checkNotClosed(self);
      return callMethod(getattr(self, '_buffer'), 'seek', offset, whence);
    }
    return getattr(self, 'offset');
  }),

  readline: pyFunction('self, size=', 'GzipFile.readline', Q, (self: unknown, size: unknown = -1) => {
    checkNotClosed(self);
    return callMethod(getattr(self, '_buffer'), 'readline', size);
  }),
});

function endsWithGz(name: PyBytes): boolean {
  const b = name.bytes;
  const n = b.length;
  return n >= 3 && b[n - 3] === 0x2e && b[n - 2] === 0x67 && b[n - 1] === 0x7a;
}

function isNegative(size: unknown): boolean {
  return (typeof size === 'number' || typeof size === 'bigint' || typeof size === 'boolean') && Number(size) < 0;
}

/** `gzip.open(filename, mode='rb', compresslevel=9, encoding=None, errors=None, newline=None)`. */
export const gzipOpen = pyFunction('filename, mode=, compresslevel=, encoding=, errors=, newline=', 'open', Q,
  (filename: unknown, mode: unknown = 'rb', compresslevel: unknown = COMPRESS_LEVEL_BEST, encoding: unknown = null, errors: unknown = null,
    newline: unknown = null) => {
    const text = in_('t', mode);
    if (text) {
      if (in_('b', mode)) throw new ValueError(`Invalid mode: ${repr(mode)}`);
    } else {
      if (encoding !== null) throw new ValueError("Argument 'encoding' not supported in binary mode");
      if (errors !== null) throw new ValueError("Argument 'errors' not supported in binary mode");
      if (newline !== null) throw new ValueError("Argument 'newline' not supported in binary mode");
    }
    const gzMode = callMethod(mode, 'replace', 't', '');
    let binary: unknown;
    if (typeof filename === 'string' || isBytes(filename) || (filename !== null && typeof filename === 'object' && hasSpecial(filename, '__fspath__'))) {
      binary = call(GzipFile, [filename, gzMode, compresslevel], null);
    } else if (hasattr(filename, 'read') || hasattr(filename, 'write')) {
      binary = call(GzipFile, [null, gzMode, compresslevel, filename], null);
    } else {
      throw new TypeError('filename must be a str or bytes object, or a file');
    }
    if (!text) return binary;
    return call(TextIOWrapper, [binary, call(text_encoding, [encoding], null), errors, newline], null);
  });
