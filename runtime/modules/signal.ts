/**
 * Python's `signal` (CPython 3.11's signal.py over Modules/signalmodule.c,
 * Linux's numbers). Handlers are kept in support/signal/handlers.ts, which
 * also says when they run: a signal from outside reaches its Python
 * handler through Node's `process` event, between jobs, when no Python
 * code is running (CPython runs it between bytecodes); one the program
 * sends itself (raise_signal, os.kill of its own pid) runs it at once.
 * The handler's `frame` argument is None.
 *
 * `alarm` is a timer that delivers SIGALRM when the host gets a turn (not
 * during a blocking `time.sleep`). Not provided: `pause`, `setitimer` and
 * `getitimer` (with the ITIMER_* constants and ItimerError),
 * `set_wakeup_fd`, `pthread_kill`, `pthread_sigmask`, `sigpending`,
 * `sigwait`, `sigwaitinfo`, `sigtimedwait`, `pidfd_send_signal` and
 * `struct_siginfo`: they need threads, blocking waits or the process's
 * signal mask, which a JS host does not expose.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { OSError, OverflowError, TypeError, ValueError } from '../builtins/exceptions.js';
import { getattr } from '../builtins/attributes.js';
import { call, noKeywords } from '../builtins/calls.js';
import { int } from '../builtins/numbers.js';
import { pyIndex } from '../builtins/numbers/index.js';
import { PySet } from '../builtins/set.js';
import { IntEnum } from './enum.js';
import { defineClass } from './support/stdlib/pyclass.js';
import { positionalFunction, pyFunction } from './support/pydef.js';
import { loadedModules } from './support/moduleTable.js';
import { NSIG as NSIG_VALUE, SIGNAL_NAMES, describeSignal, isValidSignal, signalMembers } from './support/signal/numbers.js';
import { SIG_DFL as DFL, SIG_IGN as IGN, default_int_handler, fromHost, getHandler, setHandler, toSelf } from './support/signal/handlers.js';
import * as self from './signal.js';

export const __name__ = 'signal';
loadedModules.$set('signal', self);

export const __doc__ = null;

const Q = 'signal';

// The docstring IntEnum._convert_ gives the classes it makes.
const DOC = 'An enumeration.';
export const Signals = defineClass(Q, 'Signals', [IntEnum], { __doc__: DOC, ...Object.fromEntries(signalMembers()) });
export const Handlers = defineClass(Q, 'Handlers', [IntEnum], { __doc__: DOC, SIG_DFL: DFL, SIG_IGN: IGN });
export const Sigmasks = defineClass(Q, 'Sigmasks', [IntEnum], { __doc__: DOC, SIG_BLOCK: 0, SIG_UNBLOCK: 1, SIG_SETMASK: 2 });

const sig = (name: string): unknown => getattr(Signals, name);
export const SIGHUP = sig('SIGHUP');
export const SIGINT = sig('SIGINT');
export const SIGQUIT = sig('SIGQUIT');
export const SIGILL = sig('SIGILL');
export const SIGTRAP = sig('SIGTRAP');
export const SIGABRT = sig('SIGABRT');
export const SIGIOT = sig('SIGIOT');
export const SIGBUS = sig('SIGBUS');
export const SIGFPE = sig('SIGFPE');
export const SIGKILL = sig('SIGKILL');
export const SIGUSR1 = sig('SIGUSR1');
export const SIGSEGV = sig('SIGSEGV');
export const SIGUSR2 = sig('SIGUSR2');
export const SIGPIPE = sig('SIGPIPE');
export const SIGALRM = sig('SIGALRM');
export const SIGTERM = sig('SIGTERM');
export const SIGSTKFLT = sig('SIGSTKFLT');
export const SIGCHLD = sig('SIGCHLD');
export const SIGCLD = sig('SIGCLD');
export const SIGCONT = sig('SIGCONT');
export const SIGSTOP = sig('SIGSTOP');
export const SIGTSTP = sig('SIGTSTP');
export const SIGTTIN = sig('SIGTTIN');
export const SIGTTOU = sig('SIGTTOU');
export const SIGURG = sig('SIGURG');
export const SIGXCPU = sig('SIGXCPU');
export const SIGXFSZ = sig('SIGXFSZ');
export const SIGVTALRM = sig('SIGVTALRM');
export const SIGPROF = sig('SIGPROF');
export const SIGWINCH = sig('SIGWINCH');
export const SIGIO = sig('SIGIO');
export const SIGPOLL = sig('SIGPOLL');
export const SIGPWR = sig('SIGPWR');
export const SIGSYS = sig('SIGSYS');
export const SIGRTMIN = sig('SIGRTMIN');
export const SIGRTMAX = sig('SIGRTMAX');

export const SIG_DFL = getattr(Handlers, 'SIG_DFL');
export const SIG_IGN = getattr(Handlers, 'SIG_IGN');
export const SIG_BLOCK = getattr(Sigmasks, 'SIG_BLOCK');
export const SIG_UNBLOCK = getattr(Sigmasks, 'SIG_UNBLOCK');
export const SIG_SETMASK = getattr(Sigmasks, 'SIG_SETMASK');

export const NSIG = NSIG_VALUE;

export { default_int_handler };

/** A C `int` argument (PyArg's "i"): an index that fits. */
function cInt(v: unknown): number {
  const n = pyIndex(v);
  if (n >= 2 ** 31 || n < -(2 ** 31)) throw new OverflowError('Python int too large to convert to C int');
  return Number(n);
}

function inRange(signum: number): void {
  if (signum < 1 || signum >= NSIG_VALUE) throw new ValueError('signal number out of range');
}

const einval = (): OSError => new OSError(22, 'Invalid argument');

/** signal.py's _enum_to_int: int(value), or the value itself when int() refuses it. */
function enumToInt(value: unknown): unknown {
  try {
    return int(value);
  } catch (error) {
    if (error instanceof ValueError || error instanceof TypeError) return value;
    throw error;
  }
}

/** signal.py's _int_to_enum: the member of `cls` with that value, or the value. */
function intToEnum(value: unknown, cls: unknown): unknown {
  if (typeof value !== 'number' && typeof value !== 'bigint') return value;
  try {
    return call(cls, [value], null);
  } catch (error) {
    if (error instanceof ValueError) return value;
    throw error;
  }
}

/** sigaction() refuses SIGKILL and SIGSTOP, and glibc keeps 32 and 33 for its threads. */
function catchable(signum: number): boolean {
  return signum !== 9 && signum !== 19 && signum !== 32 && signum !== 33;
}

/** signal(signalnum, handler): installs the handler, returns the previous one. */
export const signal = pyFunction('signalnum, handler', 'signal', Q, (signalnum: unknown, handler: unknown): unknown => {
  const signum = cInt(enumToInt(signalnum));
  let h = enumToInt(handler);
  inRange(signum);
  if (typeof h !== 'function') {
    if (h === IGN || h === 1n) h = IGN;
    else if (h === DFL || h === 0n) h = DFL;
    else throw new TypeError('signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object');
  }
  if (!catchable(signum)) throw einval();
  const old = getHandler(signum);
  setHandler(signum, h);
  return intToEnum(old, Handlers);
});

/** getsignal(signalnum): the handler, a Handlers member, or None where none is known. */
export const getsignal = pyFunction('signalnum', 'getsignal', Q, (signalnum: unknown): unknown => {
  const signum = cInt(signalnum);
  inRange(signum);
  return intToEnum(getHandler(signum), Handlers);
});

/** The signals a process may handle or be sent, as Signals members where they have a name. */
export const valid_signals = pyFunction('', 'valid_signals', Q, (): PySet => {
  const out = new PySet();
  for (let n = 1; n < NSIG_VALUE; n++) if (isValidSignal(n)) out.add(SIGNAL_NAMES[n] === undefined ? n : intToEnum(n, Signals));
  return out;
});

/** A C builtin of one positional argument, with `_signal.name()`'s messages. */
function oneArgument<R>(name: string, impl: (arg: unknown) => R): (arg: unknown) => R {
  const fn = {
    [name](...args: unknown[]): R {
      if (args.length !== 1) throw new TypeError(`_signal.${name}() takes exactly one argument (${args.length} given)`);
      return impl(args[0]);
    },
  }[name]!;
  return noKeywords(fn, `_signal.${name}`);
}

/** raise_signal(signalnum): the program sends itself the signal; its Python handler runs before this returns. */
export const raise_signal = oneArgument('raise_signal', (signalnum: unknown): null => {
  const signum = cInt(signalnum);
  if (signum === 0) return null;
  if (!isValidSignal(signum)) throw einval();
  toSelf(signum);
  return null;
});

/** strsignal(signalnum): the system's description, or None for a number it does not know. */
export const strsignal = oneArgument('strsignal', (signalnum: unknown): string | null => {
  const signum = cInt(signalnum);
  inRange(signum);
  return describeSignal(signum);
});

/** siginterrupt(signalnum, flag): whether a signal interrupts system calls; none is interrupted here, so only the checks remain. */
export const siginterrupt = positionalFunction('siginterrupt', 2, 2, (signalnum: unknown, flag: unknown): null => {
  const signum = cInt(signalnum);
  cInt(flag);
  inRange(signum);
  if (!catchable(signum)) throw einval();
  return null;
});

const SIGALRM_NUMBER = 14;
/** The pending alarm's deadline (ms, Date.now()'s clock), or 0. */
let alarmDeadline = 0;
let alarmTimer: ReturnType<typeof setTimeout> | null = null;
/** setTimeout's longest delay: a later alarm waits in steps. */
const MAX_DELAY = 2 ** 31 - 1;

/** The seconds left until the alarm, as Linux's alarm() rounds them: to the nearest, and at least 1 while one is pending. */
function alarmRemaining(): number {
  if (alarmDeadline === 0) return 0;
  const left = Math.max(0, alarmDeadline - Date.now()) / 1000;
  const whole = Math.floor(left);
  const fraction = left - whole;
  return (whole === 0 && fraction > 0) || fraction >= 0.5 ? whole + 1 : whole;
}

function armAlarm(): void {
  const timer = setTimeout(alarmDue, Math.min(Math.max(1, alarmDeadline - Date.now()), MAX_DELAY));
  // A pending alarm does not keep the program running, as a process's does not.
  (timer as { unref?: () => void }).unref?.();
  alarmTimer = timer;
}

function alarmDue(): void {
  alarmTimer = null;
  if (Date.now() < alarmDeadline) {
    armAlarm();
    return;
  }
  alarmDeadline = 0;
  fromHost(SIGALRM_NUMBER);
}

/** alarm(seconds): SIGALRM in that many seconds (0 cancels); returns the seconds left of the previous alarm. */
export const alarm = oneArgument('alarm', (seconds: unknown): number => {
  let secs = cInt(seconds);
  // C's unsigned int: a negative count is a very long one.
  if (secs < 0) secs += 2 ** 32;
  const previous = alarmRemaining();
  if (alarmTimer !== null) clearTimeout(alarmTimer);
  alarmTimer = null;
  alarmDeadline = 0;
  if (secs > 0) {
    alarmDeadline = Date.now() + secs * 1000;
    armAlarm();
  }
  return previous;
});
