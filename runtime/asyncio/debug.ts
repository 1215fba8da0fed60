/**
 * The "one task in flight" assertion mode (PYASYNC_ASYNC_DEBUG=1): every
 * Task step runs inside an AsyncLocalStorage context naming the Task, which
 * JS carries through the step's promise continuations. At every suspension
 * and at the end of a task the code running must belong to the task the
 * loop believes is in flight; otherwise a coroutine body ran outside its
 * Task's step and the schedule is no longer CPython's.
 */
import { writeStderr } from '../builtins/io.js';

interface Storage<T> {
  run<R>(store: T, fn: () => R): R;
  getStore(): T | undefined;
}

interface Owned {
  _loop: { $inFlight: unknown };
  _name?: string;
}

type NodeProcess = { env: Record<string, string | undefined>; getBuiltinModule?(id: string): unknown; exit(code: number): never };

const proc = (globalThis as { process?: NodeProcess }).process;
const storage: Storage<unknown> | null = (() => {
  if (!proc || !proc.env['PYASYNC_ASYNC_DEBUG'] || proc.env['PYASYNC_ASYNC_DEBUG'] === '0') return null;
  const hooks = proc.getBuiltinModule?.('node:async_hooks') as { AsyncLocalStorage: new () => Storage<unknown> } | undefined;
  return hooks ? new hooks.AsyncLocalStorage() : null;
})();

export const debugEnabled = storage !== null;

/** Runs a Task's first step in a context naming it (resumptions inherit the context through the awaited promise). */
export function debugStart<R>(task: unknown, fn: () => R): R {
  return storage === null ? fn() : storage.run(task, fn);
}

let checks = 0;

/** Asserts that the code reaching `where` runs in `task`'s step and that the loop has `task` in flight. */
export function debugCheck(task: Owned, where: string): void {
  if (storage === null) return;
  checks++;
  const owner = storage.getStore() as Owned | undefined;
  const inFlight = task._loop.$inFlight;
  if (owner !== task || inFlight !== task) {
    const name = (t: unknown): string => (t === null || t === undefined ? 'None' : String((t as Owned)._name ?? '?'));
    writeStderr(`pyasync debug: one-task-in-flight violated at ${where}: code of ${name(owner)} ran while the loop had ${name(inFlight)} in flight (task ${name(task)})\n`);
    proc!.exit(70);
  }
}

export function debugChecks(): number {
  return checks;
}
