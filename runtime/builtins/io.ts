/**
 * Standard output and error. Output is buffered and written in large
 * pieces (per-line writes dominate print-heavy programs under Node), or line
 * by line when stdout is a terminal, as CPython does; the buffer is flushed
 * before anything goes to stderr and when the process exits, so the order
 * of the two streams is kept.
 *
 * Under Node the streams are written with fs.writeSync on fds 1 and 2: a
 * write to a closed pipe (`pyasync run x.py | head -1`) then fails where it
 * happens, as BrokenPipeError, instead of as a stream 'error' event after
 * the program has moved on. Node's modules are reached through
 * `process.getBuiltinModule`, so that nothing is imported at load time and
 * the runtime stays usable in browsers, where output goes to the console.
 */
import {
  FileExistsError, FileNotFoundError, IsADirectoryError, NotADirectoryError, OSError, PermissionError, TimeoutError, UnicodeEncodeError,
  type BaseException,
} from './exceptions.js';

/** The parts of Node's `fs` the runtime uses. */
export interface NodeFs {
  openSync(path: string, flags: number, mode?: number): number;
  closeSync(fd: number): void;
  readSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: number | null): number;
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number, position?: number | null): number;
  fstatSync(fd: number): { isFile(): boolean; isDirectory(): boolean; isFIFO(): boolean; size: number };
  ftruncateSync(fd: number, len: number): void;
  constants: Record<string, number>;
}

interface NodeProcess {
  versions: { node?: string };
  on(event: 'exit', listener: () => void): unknown;
  getBuiltinModule?(id: string): unknown;
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  env: Record<string, string | undefined>;
}

/** Node's errors carry the libuv code name (`'ENOENT'`). */
export interface NodeError {
  code?: string;
  errno?: number;
  message?: string;
}

const anyProcess = (globalThis as { process?: Partial<NodeProcess> }).process;
/** Node (or a runtime that passes for it); a bundler's `process` shim for browsers does not. */
const nodeProcess = typeof anyProcess?.versions?.node === 'string' ? (anyProcess as NodeProcess) : undefined;

let fsModule: NodeFs | null | undefined;

/** Node's `fs`, or null outside Node (or in a Node too old for getBuiltinModule). */
export function nodeFs(): NodeFs | null {
  if (fsModule === undefined) fsModule = (nodeProcess?.getBuiltinModule?.('fs') as NodeFs | undefined) ?? null;
  return fsModule;
}

/** Runs `fn` at process exit under Node (the buffered streams and files flush there). */
export function atExit(fn: () => void): void {
  nodeProcess?.on('exit', fn);
}

const FLUSH_AT = 1 << 16;
let pending = '';
let started = false;
/** A terminal gets each line when it is complete, as CPython line-buffers a TTY. */
let lineBuffered = false;

/**
 * Output held back, in order, while a report whose text is not known yet
 * (a traceback waiting for its frame formatter to load) keeps its place in
 * the stream: what the program prints after it must come after it.
 */
let held: Array<{ fd: 1 | 2; text: string | (() => string) }> | null = null;

/** Holds all further stdout and stderr output behind `report`, a stderr text made when releaseOutput runs. */
export function holdOutputBehind(report: () => string): void {
  flushStdout();
  (held ??= []).push({ fd: 2, text: report });
}

/** Writes the held output in order, the reports' texts made now, and stops holding. */
export function releaseOutput(): void {
  const queue = held;
  if (queue === null) return;
  // What is still buffered was printed after everything held: it goes last.
  const later = pending;
  pending = '';
  held = null;
  for (const { fd, text } of queue) {
    const data = typeof text === 'string' ? text : text();
    if (fd === 1) {
      pending = data;
      flushStdout();
    } else writeStderr(data);
  }
  pending = later;
}

// ---------------------------------------------------------------------------
// Lone surrogates: what stdout's UTF-8 encoding (and its error handler) makes of them

/**
 * stdout's error handler, picked as CPython picks it: surrogateescape in
 * UTF-8 mode and in the C and POSIX locales and the UTF-8 locales it
 * coerces them to (C.UTF-8), strict in any other locale.
 */
export const STDOUT_ERRORS: 'strict' | 'surrogateescape' = (() => {
  const env = nodeProcess?.env;
  if (env === undefined) return 'strict';
  if (env['PYTHONUTF8'] === '1') return 'surrogateescape';
  const locale = env['LC_ALL'] || env['LC_CTYPE'] || env['LANG'] || 'C';
  return ['C', 'POSIX', 'C.UTF-8', 'C.utf8', 'UTF-8'].includes(locale) ? 'surrogateescape' : 'strict';
})();

/** Whether a JS string has no lone surrogate (String.prototype.isWellFormed, Node 20). */
function wellFormed(text: string): boolean {
  return (text as unknown as { isWellFormed(): boolean }).isWellFormed();
}

function isSurrogate(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return ch.length === 1 && c >= 0xd800 && c <= 0xdfff;
}

/** A lone surrogate surrogateescape writes as the byte it stands for (U+DC80..U+DCFF). */
function isEscapedByte(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return ch.length === 1 && c >= 0xdc80 && c <= 0xdcff;
}

/** Whether stdout can encode the str: no lone surrogate, or only escaped bytes under surrogateescape. */
export function stdoutEncodable(text: string): boolean {
  if (wellFormed(text)) return true;
  if (STDOUT_ERRORS !== 'surrogateescape') return false;
  for (const ch of text) if (isSurrogate(ch) && !isEscapedByte(ch)) return false;
  return true;
}

/**
 * CPython's error for a str stdout cannot encode: from the first lone
 * surrogate the handler cannot write to the end of its run (code point
 * positions).
 */
export function surrogateError(text: string): UnicodeEncodeError {
  const chars = [...text];
  const escaping = STDOUT_ERRORS === 'surrogateescape';
  const start = chars.findIndex((ch) => isSurrogate(ch) && !(escaping && isEscapedByte(ch)));
  let end = start + 1;
  while (end < chars.length && isSurrogate(chars[end]!)) end++;
  return new UnicodeEncodeError('utf-8', text, start, end, 'surrogates not allowed');
}

/** stdout's bytes for a str with escaped bytes (surrogateescape). */
function encodeEscaped(text: string): Uint8Array {
  const parts: number[] = [];
  let run = '';
  const flush = (): void => {
    if (run !== '') parts.push(...encoder.encode(run));
    run = '';
  };
  for (const ch of text) {
    if (isEscapedByte(ch)) {
      flush();
      parts.push(ch.charCodeAt(0) & 0xff);
    } else {
      run += ch;
    }
  }
  flush();
  return Uint8Array.from(parts);
}

/** stderr's backslashreplace: lone surrogates written as `\\udcxx`. */
function stderrText(text: string): string {
  if (wellFormed(text)) return text;
  return [...text].map((ch) => (isSurrogate(ch) ? '\\u' + ch.charCodeAt(0).toString(16) : ch)).join('');
}

/** Where print() writes when `sys.stdout` was replaced by another object (set by the sys module). */
let stdoutRedirect: unknown = null;

export function redirectStdout(target: unknown): void {
  stdoutRedirect = target;
}

export function stdoutRedirection(): unknown {
  return stdoutRedirect;
}

export function writeStdout(text: string): void {
  if (!stdoutEncodable(text)) throw surrogateError(text);
  if (!started) start();
  pending += text;
  if (pending.length >= FLUSH_AT || (lineBuffered && text.includes('\n'))) flushStdout();
}

function start(): void {
  started = true;
  if (!nodeProcess) {
    // A browser's console takes whole lines, and no exit comes to flush a buffer: each line goes when complete.
    lineBuffered = true;
    return;
  }
  const tty = nodeProcess.getBuiltinModule?.('tty') as { isatty(fd: number): boolean } | undefined;
  lineBuffered = tty?.isatty(1) ?? false;
  atExit(() => {
    try {
      releaseOutput();
      flushStdout();
    } catch {
      // A reader gone at exit (a closed pipe): nothing is left to tell.
    }
  });
}

export function writeStderr(text: string): void {
  text = stderrText(text);
  flushStdout();
  if (held !== null) {
    held.push({ fd: 2, text });
    return;
  }
  if (!nodeProcess) writeConsole(text, true);
  else writeFd(2, text);
}

export function flushStdout(): void {
  if (pending === '') return;
  const text = pending;
  pending = '';
  if (held !== null) {
    held.push({ fd: 1, text });
    return;
  }
  if (!nodeProcess) writeConsole(text, false);
  else writeFd(1, text);
}

const encoder = new TextEncoder();

function writeFd(fd: number, text: string): void {
  const fs = nodeFs();
  if (fs === null) {
    (fd === 1 ? nodeProcess!.stdout : nodeProcess!.stderr).write(text);
    return;
  }
  writeAll(fs, fd, wellFormed(text) ? encoder.encode(text) : encodeEscaped(text));
}

/** Writes all of `data` to `fd`, raising the OSError for a failed write (BrokenPipeError for EPIPE). */
export function writeAll(fs: NodeFs, fd: number, data: Uint8Array, position: number | null = null): void {
  let done = 0;
  while (done < data.length) {
    try {
      done += fs.writeSync(fd, data, done, data.length - done, position === null ? null : position + done);
    } catch (error) {
      // A non-blocking descriptor (a pipe some other code made so) is full: wait for the reader.
      if ((error as NodeError).code === 'EAGAIN') pause();
      else throw fromNodeError(error);
    }
  }
}

/** Sleeps the thread a moment (for a non-blocking descriptor that is not ready). */
export function pause(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
}

/**
 * Blocks the thread for `ms` milliseconds, output printed before appearing
 * first: time.sleep, and the waits of queue and concurrent.futures that
 * nothing can cut short.
 */
export function blockFor(ms: number): void {
  flushStdout();
  const end = Date.now() + ms;
  try {
    const cell = new Int32Array(new SharedArrayBuffer(4));
    for (let left = ms; left > 0; left = end - Date.now()) Atomics.wait(cell, 0, 0, left);
  } catch {
    // No Atomics.wait here (a browser's main thread): wait by spinning.
    while (Date.now() < end) { /* spin */ }
  }
}

type OSErrorClass = new (...args: unknown[]) => BaseException;

/**
 * errno (Linux's numbers, glibc's words) and the OSError subclass CPython
 * raises for it; the subclasses exceptions.ts does not define yet are
 * named in comments and raised as OSError.
 */
const ERRNO: Record<string, [number, string, OSErrorClass?]> = {
  EPERM: [1, 'Operation not permitted', PermissionError],
  ENOENT: [2, 'No such file or directory', FileNotFoundError],
  ESRCH: [3, 'No such process'], // CPython: ProcessLookupError
  EINTR: [4, 'Interrupted system call'], // CPython: InterruptedError
  EIO: [5, 'Input/output error'],
  ENXIO: [6, 'No such device or address'],
  ENOEXEC: [8, 'Exec format error'],
  EBADF: [9, 'Bad file descriptor'],
  ECHILD: [10, 'No child processes'], // CPython: ChildProcessError
  EAGAIN: [11, 'Resource temporarily unavailable'], // CPython: BlockingIOError
  ENOMEM: [12, 'Cannot allocate memory'],
  EACCES: [13, 'Permission denied', PermissionError],
  EBUSY: [16, 'Device or resource busy'],
  EEXIST: [17, 'File exists', FileExistsError],
  EXDEV: [18, 'Invalid cross-device link'],
  ENODEV: [19, 'No such device'],
  ENOTDIR: [20, 'Not a directory', NotADirectoryError],
  EISDIR: [21, 'Is a directory', IsADirectoryError],
  EINVAL: [22, 'Invalid argument'],
  ENFILE: [23, 'Too many open files in system'],
  EMFILE: [24, 'Too many open files'],
  ENOTTY: [25, 'Inappropriate ioctl for device'],
  ETXTBSY: [26, 'Text file busy'],
  EFBIG: [27, 'File too large'],
  ENOSPC: [28, 'No space left on device'],
  ESPIPE: [29, 'Illegal seek'],
  EROFS: [30, 'Read-only file system'],
  EMLINK: [31, 'Too many links'],
  EPIPE: [32, 'Broken pipe'], // CPython: BrokenPipeError
  ENAMETOOLONG: [36, 'File name too long'],
  ENOSYS: [38, 'Function not implemented'],
  ENOTEMPTY: [39, 'Directory not empty'],
  ELOOP: [40, 'Too many levels of symbolic links'],
  ENOTSUP: [95, 'Operation not supported'],
  ECONNABORTED: [103, 'Software caused connection abort'], // CPython: ConnectionAbortedError
  ECONNRESET: [104, 'Connection reset by peer'], // CPython: ConnectionResetError
  ESHUTDOWN: [108, 'Cannot send after transport endpoint shutdown'], // CPython: BrokenPipeError
  ETIMEDOUT: [110, 'Connection timed out', TimeoutError],
  ECONNREFUSED: [111, 'Connection refused'], // CPython: ConnectionRefusedError
};

/**
 * The OSError CPython raises for a failed system call: `FileNotFoundError:
 * [Errno 2] No such file or directory: 'x'` for Node's ENOENT.
 */
export function osError(code: string, filename: unknown = null, fallback?: NodeError): BaseException {
  const known = ERRNO[code];
  const errno = known?.[0] ?? (fallback?.errno !== undefined ? Math.abs(fallback.errno) : 0);
  const strerror = known?.[1] ?? fallback?.message ?? code;
  const cls = known?.[2] ?? (OSError as OSErrorClass);
  return filename === null ? new cls(errno, strerror) : new cls(errno, strerror, filename);
}

/** The Python exception for an error thrown by Node's fs (anything else passes through). */
export function fromNodeError(error: unknown, filename: unknown = null): unknown {
  const code = (error as NodeError | null)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? osError(code, filename, error as NodeError) : error;
}

/** Browsers: console.log takes whole lines, so partial lines wait for their end. */
const consoleLines = { out: '', err: '' };

function writeConsole(text: string, error: boolean): void {
  const key = error ? 'err' : 'out';
  const all = consoleLines[key] + text;
  const lines = all.split('\n');
  consoleLines[key] = lines.pop()!;
  for (const line of lines) (error ? console.error : console.log)(line);
}
