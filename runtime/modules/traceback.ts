/**
 * Python's `traceback` module, the part programs use to report an exception
 * they caught: print_exc, format_exc, print_exception, format_exception,
 * format_exception_only. The text is the runtime's own traceback printer's
 * (runtime/program/main.ts), as for an uncaught exception: chained causes
 * and contexts, exception groups, notes. Its exports are exactly the
 * module's attributes.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { BaseException, TypeError } from '../builtins/exceptions.js';
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

/**
 * The report cut as CPython's format_exception cuts it: each line alone,
 * except that a frame's source and marker lines go with its `File` line.
 */
function chunks(text: string): string[] {
  const out: string[] = [];
  const lines = text.split(/(?<=\n)/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('    ') && out.length > 0 && out[out.length - 1]!.startsWith('  File ')) {
      out[out.length - 1] += line;
    } else if (line === '\n' && CHAINING.test(lines[i + 1] ?? '') && lines[i + 2] === '\n') {
      // "The above exception was the direct cause…" between its blank lines: one piece.
      out.push(line + lines[i + 1]! + lines[i + 2]!);
      i += 2;
    } else {
      out.push(line);
    }
  }
  return out;
}

const CHAINING = /^(The above exception was the direct cause|During handling of the above exception)/;

function formatted(e: BaseException | null, chain: unknown): string[] {
  // What CPython prints for (None, None, None): sys.exc_info() outside any handler.
  if (e === null) return ['NoneType: None\n'];
  // Reported where it is handled: its frames start at the one that caught it.
  return chunks(formatException(e, 'handled', chain === undefined || truthy(chain), new Error()));
}

function write(file: unknown, lines: string[]): null {
  const target = file === undefined || file === null ? sys.stderr : file;
  for (const line of lines) callMethod(target, 'write', line);
  return null;
}

export const format_exception = pyFunction('exc, /, value=, tb=, limit=, chain=', 'format_exception', Q,
  (exc: unknown, value?: unknown, _tb?: unknown, _limit?: unknown, chain?: unknown) => formatted(exceptionOf(exc, value), chain));

export const print_exception = pyFunction('exc, /, value=, tb=, limit=, file=, chain=', 'print_exception', Q,
  (exc: unknown, value?: unknown, _tb?: unknown, _limit?: unknown, file?: unknown, chain?: unknown) => write(file, formatted(exceptionOf(exc, value), chain)));

export const format_exception_only = pyFunction('exc, /, value=', 'format_exception_only', Q, (exc: unknown, value?: unknown) => {
  const e = exceptionOf(exc, value);
  return e === null ? ['NoneType: None\n'] : chunks(exceptionOnly(e));
});

export const format_exc = pyFunction('limit=, chain=', 'format_exc', Q,
  (_limit?: unknown, chain?: unknown) => formatted(handledException(), chain).join(''));

export const print_exc = pyFunction('limit=, file=, chain=', 'print_exc', Q,
  (_limit?: unknown, file?: unknown, chain?: unknown) => write(file, formatted(handledException(), chain)));

// The frames of a caught exception are printed while the program runs: under `pyasync run`, the
// source-mapped frame formatter is loaded before the program's code runs (as for logging).
await preloadFrames();
