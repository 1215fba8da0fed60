/**
 * Where asyncio's log messages and warnings go: `sys.stderr` as it is when
 * they are written (a program may have replaced it), as CPython's logging
 * and warnings modules do.
 */
import * as sys from '../modules/sys.js';
import { writeStderr } from '../builtins/io.js';
import { callMethod } from '../builtins/attributes.js';
import type { BaseException } from '../builtins/exceptions.js';
import { formatException, writeReport } from '../program/main.js';

/**
 * CPython's asyncio reports through the `asyncio` logger. When the program
 * imported logging, runtime/modules/logging.ts sets `log`, which hands the
 * message (and the exception, for its traceback) to that logger and
 * returns true, or returns false when the record would reach no handler
 * but the default lastResort: the caller then writes the text itself, as
 * lastResort would, with the source-mapped frames (writeExceptionWarning).
 */
export const asyncioLogger: LoggerHook = { log: null };

/** The same for the `concurrent.futures` logger (its Futures' failing done callbacks, its executors' initializers). */
export const futuresLogger: LoggerHook = { log: null };

export interface LoggerHook {
  log: ((level: number, text: string, e: BaseException | null) => boolean) | null;
}

export function writeWarning(text: string): void {
  const target = sys.stderr;
  if (target === sys.__stderr__) writeStderr(text);
  else callMethod(target, 'write', text);
}

/**
 * `head`, then `e`'s traceback with its source-mapped frames. On the real
 * stderr the report may wait for the frames to load (program/main.ts
 * writeReport); a replaced `sys.stderr` gets it at once, frames or not.
 */
export function writeExceptionWarning(head: string, e: BaseException): void {
  if (sys.stderr === sys.__stderr__) writeReport(head, e);
  else callMethod(sys.stderr, 'write', head + formatException(e, 'callback'));
}
