/**
 * Python's `traceback` module. Reporting an exception that was caught
 * (print_exc, format_exc, print_exception, format_exception,
 * format_exception_only): the text is the runtime's own traceback
 * printer's (runtime/program/main.ts), as for an uncaught exception:
 * chained causes and contexts, exception groups, notes. Tracebacks and
 * stacks as data (extract_tb, extract_stack, FrameSummary, StackSummary,
 * TracebackException): ./support/traceback, from the frames the runtime
 * knows (runtime/builtins/frames.ts). Its exports are exactly the
 * module's attributes.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { BaseException, TypeError } from '../builtins/exceptions.js';
import { call } from '../builtins/calls.js';
import { PyGenerator } from '../builtins/generators.js';
import { frameSource } from '../builtins/frames.js';
import { chunks } from './support/traceback/chunks.js';
import { extract, extractTraceback, frameSummary, FrameSummary, limited, limitOf, StackSummary, walk, walkStack } from './support/traceback/summaries.js';
import { TracebackException } from './support/traceback/tracebackException.js';
import { callMethod } from '../builtins/attributes.js';
import { truthy } from '../builtins/truth.js';
import { typeName } from '../builtins/values.js';
import { handledException } from '../builtins/handledException.js';
import { exceptionOnly, formatException, preloadFrames } from '../program/main.js';
import { loadedModules } from './support/moduleTable.js';
import { pyFunction } from './support/pydef.js';
import * as sys from './sys.js';
import * as self from './traceback.js';

export const __name__ = 'traceback';
loadedModules.$set('traceback', self);

const Q = 'traceback';

/**
 * The exception of `(exc)` or `(type, value, tb)` (3.10's two forms): `value`
 * is undefined when not given. null for None.
 */
function exceptionOf(exc: unknown, value: unknown): BaseException | null {
  const e = value === undefined ? exc : value;
  if (e === null) return null;
  if (e instanceof BaseException) return e;
  throw new TypeError(`Exception expected for value, ${typeName(e)} found`);
}

function formatted(e: BaseException | null, chain: unknown, limit: unknown): string[] {
  const kept = limitOf(limit);
  // What CPython prints for (None, None, None): sys.exc_info() outside any handler.
  if (e === null) return ['NoneType: None\n'];
  // Reported where it is handled: its frames start at the one that caught it.
  return chunks(formatException(e, 'handled', chain === undefined || truthy(chain), new Error(), kept));
}

function write(file: unknown, lines: string[]): null {
  const target = file === undefined || file === null ? sys.stderr : file;
  for (const line of lines) callMethod(target, 'write', line);
  return null;
}

export const format_exception = pyFunction('exc, /, value=, tb=, limit=, chain=', 'format_exception', Q,
  (exc: unknown, value?: unknown, _tb?: unknown, limit?: unknown, chain?: unknown) => formatted(exceptionOf(exc, value), chain, limit));

export const print_exception = pyFunction('exc, /, value=, tb=, limit=, file=, chain=', 'print_exception', Q,
  (exc: unknown, value?: unknown, _tb?: unknown, limit?: unknown, file?: unknown, chain?: unknown) => write(file, formatted(exceptionOf(exc, value), chain, limit)));

export const format_exception_only = pyFunction('exc, /, value=', 'format_exception_only', Q, (exc: unknown, value?: unknown) => {
  const e = exceptionOf(exc, value);
  return e === null ? ['NoneType: None\n'] : chunks(exceptionOnly(e));
});

export const format_exc = pyFunction('limit=, chain=', 'format_exc', Q,
  (limit?: unknown, chain?: unknown) => formatted(handledException(), chain, limit).join(''));

export const print_exc = pyFunction('limit=, file=, chain=', 'print_exc', Q,
  (limit?: unknown, file?: unknown, chain?: unknown) => write(file, formatted(handledException(), chain, limit)));

export { FrameSummary, StackSummary, TracebackException };

export const walk_tb = pyFunction('tb', 'walk_tb', Q, (tb: unknown) => new PyGenerator(walk(tb), 'walk_tb'));

export const extract_tb = pyFunction('tb, limit=', 'extract_tb', Q, (tb: unknown, limit?: unknown) => extractTraceback(tb, limitOf(limit)));

export const format_tb = pyFunction('tb, limit=', 'format_tb', Q, (tb: unknown, limit?: unknown) =>
  callMethod(extractTraceback(tb, limitOf(limit)), 'format'));

export const print_tb = pyFunction('tb, limit=, file=', 'print_tb', Q, (tb: unknown, limit?: unknown, file?: unknown) =>
  printList(extractTraceback(tb, limitOf(limit)), file));

function fromList(extracted: unknown): unknown {
  return callMethod(StackSummary, 'from_list', extracted);
}

function printList(extracted: unknown, file: unknown): null {
  return write(file, callMethod(fromList(extracted), 'format') as string[]);
}

export const format_list = pyFunction('extracted_list', 'format_list', Q, (extracted: unknown) => callMethod(fromList(extracted), 'format'));

export const print_list = pyFunction('extracted_list, file=', 'print_list', Q, (extracted: unknown, file?: unknown) => printList(extracted, file));

/**
 * extract_stack: the frames from the outermost to `f` (the caller's when
 * None), each at its current line, without positions. `limit` keeps the
 * innermost ones, as CPython's walk from `f` outwards does.
 */
function extractStack(f: unknown, limit: unknown, here: Error): unknown {
  const kept = limitOf(limit);
  if (f !== undefined && f !== null) {
    const stack = extract(StackSummary, walkStack(f), kept, true);
    callMethod(stack, 'reverse');
    return stack;
  }
  const frames = frameSource()?.stack(here) ?? [];
  const innermostFirst = limited([...frames].reverse(), kept);
  const result = call(StackSummary, [], null);
  for (const info of [...innermostFirst].reverse()) callMethod(result, 'append', frameSummary(info, false));
  return result;
}

export const extract_stack = pyFunction('f=, limit=', 'extract_stack', Q, (f?: unknown, limit?: unknown) => extractStack(f, limit, new Error()));

export const format_stack = pyFunction('f=, limit=', 'format_stack', Q, (f?: unknown, limit?: unknown) =>
  callMethod(fromList(extractStack(f, limit, new Error())), 'format'));

export const print_stack = pyFunction('f=, limit=, file=', 'print_stack', Q, (f?: unknown, limit?: unknown, file?: unknown) =>
  printList(extractStack(f, limit, new Error()), file));

// The frames of a caught exception are printed while the program runs: under `pyasync run`, the
// source-mapped frame formatter is loaded before the program's code runs (as for logging).
await preloadFrames();
