/**
 * Where asyncio's log messages and warnings go: `sys.stderr` as it is when
 * they are written (a program may have replaced it), as CPython's logging
 * and warnings modules do.
 */
import * as sys from '../modules/sys.js';
import { writeStderr } from '../builtins/io.js';
import { callMethod } from '../builtins/attributes.js';

export function writeWarning(text: string): void {
  const target = sys.stderr;
  if (target === sys.__stderr__) writeStderr(text);
  else callMethod(target, 'write', text);
}
