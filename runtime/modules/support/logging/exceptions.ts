/**
 * The text of a record's `exc_info`, as traceback.print_exception writes
 * it: the runtime's own traceback printer (runtime/program/main.ts), so
 * chained exceptions and groups read as in an uncaught report. The frames
 * are those of the exception's creation, when the runtime's source-mapped
 * traceback support is loaded; otherwise only the header and the exception
 * lines (see README's "Differences from CPython").
 */
import { BaseException } from '../../../builtins/exceptions.js';
import { PyTuple } from '../../../builtins/values.js';
import { formatException } from '../../../program/main.js';

/** The exception of an exc_info tuple `(type, value, tb)` (or of a bare exception), or null for `(None, None, None)`. */
export function excValue(ei: unknown): BaseException | null {
  if (ei instanceof BaseException) return ei;
  if (ei instanceof PyTuple || Array.isArray(ei)) {
    const v = (ei as unknown[])[1];
    return v instanceof BaseException ? v : null;
  }
  return null;
}

/**
 * The exception asyncio's event loop is logging (logging.ts asyncioLogger),
 * while it does: a callback's or a Task's, whose frames are its own, not
 * those of whatever drives the loop.
 */
export const loopReport: { exception: BaseException | null } = { exception: null };

export function formatExcInfo(ei: unknown): string {
  const e = excValue(ei);
  // What CPython prints for sys.exc_info() outside any handler.
  if (e === null) return 'NoneType: None\n';
  if (e === loopReport.exception) return formatException(e, 'callback');
  // Reported where it is handled: its frames start at the one that caught it.
  return formatException(e, 'handled', true, new Error());
}
