/**
 * The program's signal handlers (CPython's table of Python-level handlers,
 * Modules/signalmodule.c) and how signals reach them under Node.
 *
 * CPython's C handler only notes that a signal came; the Python handler
 * runs later, between bytecodes of the main thread. Here a signal from
 * outside arrives as Node's `process` event, which Node emits only between
 * jobs, when no JS (so no Python) is running: the handler runs then, which
 * is the same thing seen from Python — except that code which never gives
 * the host a turn (a long computation, `time.sleep`) keeps it waiting. A
 * signal the program sends itself (`signal.raise_signal`, `os.kill` of its
 * own pid) runs the handler at once, as CPython's does before the next
 * statement.
 *
 * Node gets a listener only for a signal whose Python handler is a
 * callable or SIG_IGN; SIG_DFL leaves Node's own behaviour, which is the
 * system's default action (SIGINT and SIGTERM end the process) except for
 * what Node changes at startup (SIGPIPE and SIGXFSZ ignored, SIGUSR1 starts
 * its inspector): those get the system's default back when the program
 * asks for SIG_DFL. Listeners do not keep Node running.
 *
 * Loaded by asyncio (loops arm SIGINT while they run; asyncio.run installs
 * its own SIGINT handler), so it stays small: the `signal` module builds
 * its enums elsewhere.
 */
import { KeyboardInterrupt } from '../../../builtins/exceptions.js';
import { call } from '../../../builtins/calls.js';
import { positionalFunction } from '../pydef.js';
import { NSIG, SIGNAL_NAMES, SIGRTMIN } from './numbers.js';
import { beforeEnd } from '../../../program/main.js';

export const SIG_DFL = 0;
export const SIG_IGN = 1;
export const SIGINT = 2;
const SIGPIPE = 13;
const SIGXFSZ = 25;
const SIGUSR1 = 10;

/** The signals Node handles differently from the system's default until a listener comes and goes. */
const NODE_OWN = new Set([SIGUSR1, SIGPIPE, SIGXFSZ]);

interface SignalProcess {
  pid: number;
  on(event: string, listener: () => void): unknown;
  off(event: string, listener: () => void): unknown;
  kill(pid: number, signal: number): unknown;
}

function hostProcess(): SignalProcess | null {
  const p = (globalThis as { process?: Partial<SignalProcess> }).process;
  return p !== undefined && typeof p.on === 'function' && typeof p.off === 'function' && typeof p.kill === 'function' && typeof p.pid === 'number'
    ? p as SignalProcess
    : null;
}

/** `signal.default_int_handler(signalnum, frame, /)`: raises KeyboardInterrupt. */
export const default_int_handler = positionalFunction('default_int_handler', 2, 2, (): never => {
  throw new KeyboardInterrupt();
});

/**
 * The Python handler of each signal: SIG_DFL (0), SIG_IGN (1), a callable,
 * or null where CPython knows none (32, 33). CPython starts with SIGINT's
 * default_int_handler and SIGPIPE and SIGXFSZ ignored (as Node does too).
 */
const handlers: unknown[] = Array.from({ length: NSIG }, (_, n) => (n === 32 || n === 33 ? null : SIG_DFL));
handlers[SIGINT] = default_int_handler;
handlers[SIGPIPE] = SIG_IGN;
handlers[SIGXFSZ] = SIG_IGN;

/** SIGPIPE and SIGXFSZ while their SIG_IGN is still Node's own: no listener needed. */
const ignoredByNode = new Set([SIGPIPE, SIGXFSZ]);
/** Signals of NODE_OWN given the system's default back. */
const defaulted = new Set<number>();
/** Node's listeners, by signal number. */
const listeners = new Map<number, () => void>();
/** Event loops running (run_forever): while one runs, SIGINT's default_int_handler raises KeyboardInterrupt out of it. */
let loopsRunning = 0;

/** A Python handler of the program, by number (the caller checked the range). */
export function getHandler(signum: number): unknown {
  return handlers[signum];
}

/**
 * Sets a signal's Python handler (SIG_DFL, SIG_IGN or a callable, checked
 * by the caller) and Node's listener to match. `runtime` marks a handler
 * the runtime installs for the program (asyncio.run's SIGINT handler).
 */
export function setHandler(signum: number, handler: unknown, runtime = false): void {
  handlers[signum] = handler;
  if (runtime) runtimeHandlers.add(handler as object);
  ignoredByNode.delete(signum);
  syncListener(signum);
  if (handler === SIG_DFL) systemDefault(signum);
  syncKeepAlive();
}

/** Handlers installed by the runtime, not the program: waiting for them does not keep the program running. */
const runtimeHandlers = new WeakSet<object>([default_int_handler]);
/** While set, Node keeps running: an event loop runs and the program waits for a signal of its own. */
let keepAlive: ReturnType<typeof setInterval> | null = null;

/**
 * An event loop waiting with nothing to do keeps CPython's process in
 * select() for ever; under Node, a loop with nothing pending lets the
 * process end (README). A program that handles a signal of its own
 * (signal.signal, loop.add_signal_handler) waits for it, so while a loop
 * runs Node is kept running too; nothing does once the loops stop.
 */
function syncKeepAlive(): void {
  const want = loopsRunning > 0 && handlers.some((h) => typeof h === 'function' && !runtimeHandlers.has(h));
  if (want === (keepAlive !== null)) return;
  if (keepAlive !== null) {
    clearInterval(keepAlive);
    keepAlive = null;
  } else {
    keepAlive = setInterval(() => {}, 2 ** 30);
  }
}

/**
 * Where a signal goes before its Python handler runs, as CPython's wakeup
 * fd (set_wakeup_fd): the event loop that has signal handlers of its own
 * (loop.add_signal_handler) notes the number, to run its callback later.
 */
export const wakeup: { target: ((signum: number) => void) | null } = { target: null };

/**
 * What a Python handler raises when the signal came from the host (no
 * Python code on the stack to raise it into): set by asyncio, which sends
 * it out of the running loop, as CPython's handler raises it in the loop's
 * select(); the program ends with it otherwise.
 */
export const escape: { route: ((error: unknown) => void) | null } = { route: null };

function wantsListener(signum: number): boolean {
  const handler = handlers[signum];
  if (handler === SIG_DFL || handler === null) return false;
  if (handler === SIG_IGN) return !ignoredByNode.has(signum);
  if (handler === default_int_handler && signum === SIGINT) return loopsRunning > 0;
  return true;
}

function syncListener(signum: number): void {
  const name = SIGNAL_NAMES[signum];
  // Node has no events for the real-time signals: their handlers run only when the program sends them.
  if (name === undefined || signum >= SIGRTMIN) return;
  const want = wantsListener(signum);
  const listener = listeners.get(signum);
  if (want === (listener !== undefined)) return;
  const proc = hostProcess();
  if (proc === null) return;
  if (listener !== undefined) {
    listeners.delete(signum);
    proc.off(name, listener);
    // The last listener gone, libuv put back the system's default.
    if (NODE_OWN.has(signum)) defaulted.add(signum);
    return;
  }
  const added = (): void => fromHost(signum);
  listeners.set(signum, added);
  proc.on(name, added);
  if (!turnAtEnd) {
    turnAtEnd = true;
    beforeEnd.push(hostTurn);
  }
}

/** Whether the program's end waits for a host turn while a listener is left: Node emits a signal that came during synchronous code only then. */
let turnAtEnd = false;

function hostTurn(): Promise<void> {
  if (listeners.size === 0) return Promise.resolve();
  // Node emits signal events in its poll phase: the second of two setImmediates runs after one, wherever the first began.
  const g = globalThis as { setImmediate?: (f: () => void) => unknown };
  const later = (f: () => void): unknown => (typeof g.setImmediate === 'function' ? g.setImmediate(f) : setTimeout(f, 0));
  return new Promise((resolve) => later(() => later(resolve)));
}

/** Gives a signal Node changed at startup the system's default action (a listener that comes and goes leaves it so). */
function systemDefault(signum: number): void {
  if (!NODE_OWN.has(signum) || defaulted.has(signum) || listeners.has(signum)) return;
  const proc = hostProcess();
  const name = SIGNAL_NAMES[signum];
  if (proc === null || name === undefined) return;
  const nothing = (): void => {};
  proc.on(name, nothing);
  proc.off(name, nothing);
  defaulted.add(signum);
}

/** A signal from outside (or an alarm): the wakeup target notes it, then the Python handler runs; what it raises escapes. */
export function fromHost(signum: number): void {
  const handler = handlers[signum];
  if (handler === SIG_IGN || handler === null) return;
  if (handler === SIG_DFL) {
    sendToSelf(signum);
    return;
  }
  wakeup.target?.(signum);
  try {
    call(handler, [signum, null], null);
  } catch (error) {
    if (escape.route !== null) escape.route(error);
    else throw error;
  }
}

/**
 * A signal the program sends itself (raise_signal, os.kill of its pid):
 * a Python handler runs now and what it raises propagates to the caller;
 * SIG_DFL sends it for real (the system's default action: most end the
 * process); SIG_IGN does nothing.
 */
export function toSelf(signum: number): void {
  const handler = handlers[signum];
  if (handler === SIG_IGN) return;
  if (handler === SIG_DFL || handler === null) {
    sendToSelf(signum);
    return;
  }
  wakeup.target?.(signum);
  call(handler, [signum, null], null);
}

function sendToSelf(signum: number): void {
  const proc = hostProcess();
  if (proc === null) return;
  systemDefault(signum);
  proc.kill(proc.pid, signum);
}

/**
 * An event loop starts or stops running (or asyncio.run, which runs one
 * several times): while one runs, SIGINT's default handler raises
 * KeyboardInterrupt out of it.
 */
export function loopRunning(running: boolean): void {
  loopsRunning += running ? 1 : -1;
  if (loopsRunning !== (running ? 1 : 0)) return;
  if (handlers[SIGINT] === default_int_handler) syncListener(SIGINT);
  syncKeepAlive();
}
