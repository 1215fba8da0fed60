/**
 * input() and the standard input it reads: under Node, fd 0 read
 * synchronously (so a program blocks on input() as CPython's does, piped or
 * at a terminal), in chunks kept across calls. Lines end at '\n' only and
 * undecodable bytes become lone surrogates, as CPython's stdin does under a
 * UTF-8 locale. sys.stdin builds on readStdinLine and readStdinRest.
 */
import { EOFError, OSError, TypeError, ValueError } from './exceptions.js';
import { str } from './repr.js';
import { callMethod } from './attributes.js';
import { decodeBytes } from './str.js';
import { flushStdout, fromNodeError, nodeFs, pause, stdoutRedirection, writeStdout, type NodeError } from './io.js';

const CHUNK = 1 << 16;
let buffer = new Uint8Array(CHUNK);
let start = 0;
let end = 0;

/** What input() reads when `sys.stdin` was replaced by another object (set by the sys module). */
let stdinRedirect: unknown = null;

export function redirectStdin(source: unknown): void {
  stdinRedirect = source;
}

/** Whether the standard input's own stream (`sys.__stdin__`) was closed. */
let stdinClosed = false;

export function isStdinClosed(): boolean {
  return stdinClosed;
}

export function markStdinClosed(): void {
  stdinClosed = true;
}

/** `sys.stdin.close()`, as exit() and quit() do first (errors ignored, as theirs). */
export function closeStdin(): void {
  if (stdinRedirect === null) {
    stdinClosed = true;
    return;
  }
  try {
    callMethod(stdinRedirect, 'close');
  } catch {
    // As CPython's Quitter: whatever sys.stdin does, the SystemExit follows.
  }
}

/** input(prompt=''): one line of standard input without its '\n'; EOFError at the end of the input. */
export function input(...args: unknown[]): string {
  if (args.length > 1) throw new TypeError(`input expected at most 1 argument, got ${args.length}`);
  const out = stdoutRedirection();
  if (out !== null) {
    if (args.length === 1) callMethod(out, 'write', str(args[0]));
    callMethod(out, 'flush');
  } else {
    if (args.length === 1) writeStdout(str(args[0]));
    flushStdout();
  }
  let line: string;
  if (stdinRedirect === null && stdinClosed) throw new ValueError('I/O operation on closed file.');
  if (stdinRedirect !== null) {
    const got = callMethod(stdinRedirect, 'readline');
    if (typeof got !== 'string') throw new TypeError('object.readline() returned non-string');
    line = got;
  } else {
    line = readStdinLine();
  }
  if (line === '') throw new EOFError('EOF when reading a line');
  return line.endsWith('\n') ? line.slice(0, -1) : line;
}

/** The next line of standard input with its '\n' ('' at the end of the input). */
export function readStdinLine(): string {
  // Bytes already searched, counted from `start` (fill() may move the buffered bytes).
  let searched = 0;
  for (;;) {
    const newline = buffer.subarray(0, end).indexOf(10, start + searched);
    if (newline >= 0) return take(newline + 1);
    searched = end - start;
    if (!fill()) return take(end);
  }
}

/** The rest of standard input, up to its end. */
export function readStdinRest(): string {
  while (fill());
  return take(end);
}

/** Decodes and consumes the buffered bytes up to `to`. */
function take(to: number): string {
  const text = decodeBytes(buffer.subarray(start, to), 'utf-8', 'surrogateescape');
  start = to;
  return text;
}

/** Reads more of fd 0 into the buffer; false at the end of the input. */
function fill(): boolean {
  const fs = nodeFs();
  if (fs === null) throw new OSError("input(): no standard input to read in this JavaScript environment (it needs Node's fs)");
  if (start > 0 && start === end) start = end = 0;
  if (buffer.length - end < CHUNK / 4) {
    // Keep the unconsumed bytes, in a larger buffer when they fill most of it.
    const kept = end - start;
    const grown = kept * 2 > buffer.length ? new Uint8Array(buffer.length * 2) : buffer;
    if (grown === buffer) buffer.copyWithin(0, start, end);
    else grown.set(buffer.subarray(start, end));
    buffer = grown;
    start = 0;
    end = kept;
  }
  for (;;) {
    try {
      const n = fs.readSync(0, buffer, end, buffer.length - end, null);
      end += n;
      return n > 0;
    } catch (error) {
      const code = (error as NodeError).code;
      // A non-blocking stdin (a terminal some other code put in raw mode) has nothing yet: wait for it.
      if (code === 'EAGAIN') pause();
      else if (code === 'EOF') return false;
      else throw fromNodeError(error);
    }
  }
}
