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
