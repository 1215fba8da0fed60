/**
 * What the runtime's binary files (files.ts) and text files (textFiles.ts)
 * share: the files with writes not yet handed to the OS (written out before
 * open() opens another file and at exit), the arguments both check, and the
 * line helpers of IOBase's protocol as their subclasses may change it.
 */
import { PyBytes, typeName } from './values.js';
import { OSError, StopIteration, TypeError, ValueError } from './exceptions.js';
import { callMethod } from './attributes.js';
import { atExit } from './io.js';
import { intArg } from './ioBases.js';
import { pyClassOf } from './classes/model.js';

export const BUFFER_SIZE = 8192;
export const EMPTY: Uint8Array = new Uint8Array(0);

/** Hands a file's buffered writes on (to the binary file, or to the OS): hidden from Python code. */
export const SYNC = Symbol('pyasync.sync');

/** A file with writes not yet handed to the OS: written out before open() and at exit. */
export interface Pending {
  [SYNC](): void;
}
export const pendingFiles = new Set<Pending>();
let exitHook = false;

export function markPending(file: Pending): void {
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

export function closedError(text: boolean): ValueError {
  return new ValueError(text ? 'I/O operation on closed file.' : 'I/O operation on closed file');
}



/** The parts as one array (the part itself when there is one). */
export function concat(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}


export function isatty(fd: number): boolean {
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
export function nextLine(file: object, binary: boolean): unknown {
  const line = callMethod(file, 'readline');
  if (binary ? !(line instanceof PyBytes) : typeof line !== 'string') {
    throw new OSError(`readline() should have returned a ${binary ? 'bytes' : 'str'} object, not '${typeName(line)}'`);
  }
  if ((binary ? (line as PyBytes).bytes.length : (line as string).length) === 0) throw new StopIteration();
  return line;
}

/** readlines(hint), as IOBase's: lines until one takes their total size past hint (all of them for hint ≤ 0 or None). */
export function readLines<L extends string | PyBytes>(file: { readline(): L }, hint: unknown): L[] {
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


/** An argument of open() or TextIOWrapper() that is a str or None. */
export function optionalStr(callee: string, name: string, v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string') throw new TypeError(`${callee}() argument '${name}' must be str or None, not ${typeName(v)}`);
  return v;
}

/** An encoding argument, None for 'locale' (the default encoding, the locale's, UTF-8 for the runtime). */
export function localeDefault(encoding: string | null): string | null {
  return encoding === 'locale' ? null : encoding;
}

/** A text file's `newline`: None or one of the four values CPython allows. */
export function checkedNewline(newline: string | null): string | null {
  if (newline !== null && !['', '\n', '\r', '\r\n'].includes(newline)) throw new ValueError(`illegal newline value: ${newline}`);
  return newline;
}

/** The keywords a call passes a runtime class, last, as a plain object (no Python value is one). */
export function isKeywordObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;
}
