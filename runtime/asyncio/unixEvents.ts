/**
 * asyncio.unix_events' signal handling: `loop.add_signal_handler` and
 * `remove_signal_handler`, as CPython 3.11's _UnixSelectorEventLoop.
 *
 * CPython sets the signal's Python handler to a no-op and has the C
 * handler write the signal's number into the loop's self-pipe (the wakeup
 * fd); the next `_run_once` finds the pipe readable in its select(), queues
 * the pipe's reader after the handles already ready, and the reader queues
 * the callback's Handle. Here the signal's arrival (support/signal/
 * handlers.ts `wakeup`) notes the number and schedules the reader as the
 * first timer due: `_run_once` moves due timers to the ready queue right
 * where CPython's select() puts the reader, before the other timers, so the
 * callback runs in the same iteration as in CPython.
 */
import { RuntimeError, TypeError, ValueError } from '../builtins/exceptions.js';
import { repr } from '../builtins/repr.js';
import { toPython } from '../builtins/errors.js';
import { pyFunction } from '../modules/support/pydef.js';
import { isValidSignal } from '../modules/support/signal/numbers.js';
import { SIGINT, SIG_DFL, default_int_handler, escape, setHandler, wakeup } from '../modules/support/signal/handlers.js';
import { Handle, _get_running_loop } from './events.js';
import { iscoroutine } from './coroutines.js';
import { iscoroutinefunction } from './coroutineFunctions.js';
import { takeKeywords } from './keywords.js';
import { endProgram } from '../program/main.js';
import type { BaseEventLoop } from './baseEvents.js';

/** What a loop keeps for its signals: CPython's `_signal_handlers`, and the numbers its self-pipe holds. */
export interface LoopSignals {
  readonly handlers: Map<number, Handle>;
  /** Signal numbers arrived and not yet read by the loop; null while no reader is scheduled. */
  pending: number[] | null;
}

/** The Python handler add_signal_handler installs: the signal only needs to reach the loop. */
const sighandlerNoop = pyFunction('signum, frame', '_sighandler_noop', 'asyncio.unix_events', (): null => null);

function checkSignal(sig: unknown): number {
  const n = typeof sig === 'boolean' ? Number(sig) : typeof sig === 'number' && Number.isInteger(sig) ? sig : typeof sig === 'bigint' ? Number(sig) : null;
  if (n === null) {
    // An int subclass (a Signals member) is an int: its value.
    const value = (sig as { _value_?: unknown } | null)?._value_;
    if (typeof value === 'number' && Number.isInteger(value)) return checkSignal(value);
    throw new TypeError(`sig must be an int, not ${repr(sig)}`);
  }
  if (!isValidSignal(n)) throw new ValueError(`invalid signal number ${n}`);
  return n;
}

/** `loop.add_signal_handler(sig, callback, *args)`. */
export function addSignalHandler(loop: BaseEventLoop, sig: unknown, callback: unknown, args: unknown[]): null {
  const kw = takeKeywords(args);
  if (kw !== null) {
    for (const key of Object.keys(kw)) throw new TypeError(`_UnixSelectorEventLoop.add_signal_handler() got an unexpected keyword argument '${key}'`);
  }
  if (iscoroutine(callback) || iscoroutinefunction(callback)) throw new TypeError('coroutines cannot be used with add_signal_handler()');
  const signum = checkSignal(sig);
  loop._check_closed();
  const state = (loop.$signals ??= { handlers: new Map(), pending: null });
  wakeup.target = (n) => signalArrived(loop, n);
  state.handlers.set(signum, new Handle(callback, args, loop));
  // sigaction() refuses SIGKILL and SIGSTOP.
  if (signum === 9 || signum === 19) {
    state.handlers.delete(signum);
    if (state.handlers.size === 0) wakeup.target = null;
    throw new RuntimeError(`sig ${signum} cannot be caught`);
  }
  setHandler(signum, sighandlerNoop);
  return null;
}

/** `loop.remove_signal_handler(sig)`: whether there was a handler; the signal gets its default handler back. */
export function removeSignalHandler(loop: BaseEventLoop, sig: unknown): boolean {
  const signum = checkSignal(sig);
  const state = loop.$signals;
  if (state === null || !state.handlers.delete(signum)) return false;
  setHandler(signum, signum === SIGINT ? default_int_handler : SIG_DFL);
  if (state.handlers.size === 0) wakeup.target = null;
  return true;
}

/** What a loop's close() does last: its signals get their default handlers back. */
export function closeSignals(loop: BaseEventLoop): void {
  const state = loop.$signals;
  if (state === null) return;
  for (const signum of [...state.handlers.keys()]) removeSignalHandler(loop, signum);
}

/** The C handler's write to the self-pipe: the loop reads it at the start of its next iteration. */
function signalArrived(loop: BaseEventLoop, signum: number): void {
  const state = loop.$signals;
  if (state === null || loop._closed) return;
  if (state.pending !== null) {
    state.pending.push(signum);
    return;
  }
  state.pending = [signum];
  loop.call_at(-Infinity, readFromSelf, loop);
}

/** `_read_from_self`, then `_handle_signal` for each number read. */
function readFromSelf(loop: BaseEventLoop): null {
  const state = loop.$signals!;
  const numbers = state.pending ?? [];
  state.pending = null;
  for (const signum of numbers) {
    const handle = state.handlers.get(signum);
    if (handle === undefined) continue;
    if (handle._cancelled) removeSignalHandler(loop, signum);
    else loop.$push(handle);
  }
  return null;
}
Object.defineProperty(readFromSelf, '__qualname__', { value: 'BaseSelectorEventLoop._read_from_self' });

// What a signal handler raises when run from the host's event: out of the running loop, as CPython's raises in its
// select(); with no loop running, nothing Python can receive it and the program ends with it.
escape.route = (error) => {
  const loop = _get_running_loop();
  if (loop === null || !loop.is_running()) endProgram(error);
  else loop.$fatal(toPython(error));
};
