/**
 * Running a compiled program as `python3 main.py` would: import the entry
 * module, and turn an uncaught exception into CPython's traceback text on
 * stderr and exit status 1 (`SystemExit` into its status).
 */
import { BaseException, SystemExit, exceptionStr } from '../builtins/exceptions.js';
import { toPython } from '../builtins/errors.js';
import { str } from '../builtins/repr.js';
import { flushStdout, writeStderr } from '../builtins/io.js';
import { setEntryModule } from './moduleName.js';

/** Imports the module at `url`; returns the process exit status Python would have. */
export async function runMain(url: string): Promise<number> {
  setEntryModule(url);
  try {
    await import(url);
    flushStdout();
    return 0;
  } catch (error) {
    return reportUncaught(toPython(error));
  }
}

export function reportUncaught(error: unknown): number {
  if (error instanceof SystemExit) {
    const code = error.code;
    if (code === null || code === undefined) return 0;
    if (typeof code === 'number' && Number.isInteger(code)) return code;
    if (typeof code === 'boolean') return code ? 1 : 0;
    writeStderr(str(code) + '\n');
    return 1;
  }
  if (error instanceof BaseException) {
    // The frames (with source-mapped .py lines) come with the tracebacks work.
    writeStderr('Traceback (most recent call last):\n' + exceptionLine(error) + '\n');
    return 1;
  }
  writeStderr(`${(error as Error)?.stack ?? String(error)}\n`);
  return 1;
}

/** `ValueError: boom`, or just `ValueError` when str(e) is empty. */
export function exceptionLine(e: BaseException): string {
  const name = (e.constructor as typeof BaseException).__name__;
  const text = exceptionStr(e);
  return text ? `${name}: ${text}` : name;
}
