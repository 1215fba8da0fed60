/**
 * The exception being handled: what `sys.exception()` and `sys.exc_info()`
 * answer, and what `logging`'s `exc_info=True` and `Logger.exception` log.
 * Compiled `except` blocks set it while they run (`handling` on entry,
 * `handled` with the value it returned when they end, however they end),
 * and set it again after each `await` that suspends inside them: a task
 * that suspends in an `except` block leaves it to the tasks that run
 * meanwhile, which see it until they enter or leave handlers of their own
 * (CPython keeps it per coroutine; see README, "Differences from CPython").
 */
import { BaseException, isBaseException } from './exceptions.js';
import { PyTraceback } from './tracebackObjects.js';

let current: BaseException | null = null;

/**
 * Entering an `except` block for `e` (of the `try` statement at `line` of
 * the module at `url`, which its traceback starts at); returns what to
 * restore when it ends.
 */
export function handling(e: unknown, line?: number, url?: string): BaseException | null {
  const previous = current;
  if (isBaseException(e)) {
    current = e;
    const tb = e.__traceback__;
    if (tb instanceof PyTraceback && line !== undefined && url !== undefined) {
      const grown = tb.$caught(line, url);
      if (grown !== null) e.__traceback__ = grown;
    }
  }
  return previous;
}

/** Leaving an `except` block: `previous` is what `handling` returned. */
export function handled(previous: BaseException | null): void {
  current = previous;
}

/** Back in an `except` block for `e` after an `await` (the value passes through). */
export function rehandling<T>(value: T, e: unknown): T {
  if (isBaseException(e)) current = e;
  return value;
}

export function handledException(): BaseException | null {
  return current;
}
