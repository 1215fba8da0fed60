/**
 * Linux's signal numbers as CPython 3.11 names them (`signal.Signals`),
 * shared by the signal module, asyncio and subprocess (returncodes of
 * children killed by a signal).
 */

/** One past the highest signal number (signal.NSIG). */
export const NSIG = 65;

/** The canonical name of each numbered signal; 32 and 33 (glibc's own) and 35–63 have none. */
export const SIGNAL_NAMES: Readonly<Record<number, string>> = {
  1: 'SIGHUP', 2: 'SIGINT', 3: 'SIGQUIT', 4: 'SIGILL', 5: 'SIGTRAP', 6: 'SIGABRT', 7: 'SIGBUS', 8: 'SIGFPE', 9: 'SIGKILL',
  10: 'SIGUSR1', 11: 'SIGSEGV', 12: 'SIGUSR2', 13: 'SIGPIPE', 14: 'SIGALRM', 15: 'SIGTERM', 16: 'SIGSTKFLT', 17: 'SIGCHLD',
  18: 'SIGCONT', 19: 'SIGSTOP', 20: 'SIGTSTP', 21: 'SIGTTIN', 22: 'SIGTTOU', 23: 'SIGURG', 24: 'SIGXCPU', 25: 'SIGXFSZ',
  26: 'SIGVTALRM', 27: 'SIGPROF', 28: 'SIGWINCH', 29: 'SIGIO', 30: 'SIGPWR', 31: 'SIGSYS', 34: 'SIGRTMIN', 64: 'SIGRTMAX',
};

/** The aliases CPython's Signals has after the canonical names, each with its number. */
export const SIGNAL_ALIASES: readonly (readonly [string, number])[] = [['SIGIOT', 6], ['SIGCLD', 17], ['SIGPOLL', 29]];

/** The members of `signal.Signals` in CPython's order (by value, then name: an alias follows its signal). */
export function signalMembers(): [string, number][] {
  const members: [string, number][] = Object.entries(SIGNAL_NAMES).map(([n, name]) => [name, Number(n)]);
  for (const [name, n] of SIGNAL_ALIASES) members.push([name, n]);
  return members.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
}

export const SIGNAL_NUMBERS: Readonly<Record<string, number>> = Object.fromEntries(signalMembers());

/** What glibc's strsignal() says of each named signal (signal.strsignal). */
const DESCRIPTIONS: Readonly<Record<number, string>> = {
  1: 'Hangup', 2: 'Interrupt', 3: 'Quit', 4: 'Illegal instruction', 5: 'Trace/breakpoint trap', 6: 'Aborted', 7: 'Bus error',
  8: 'Floating point exception', 9: 'Killed', 10: 'User defined signal 1', 11: 'Segmentation fault', 12: 'User defined signal 2',
  13: 'Broken pipe', 14: 'Alarm clock', 15: 'Terminated', 16: 'Stack fault', 17: 'Child exited', 18: 'Continued',
  19: 'Stopped (signal)', 20: 'Stopped', 21: 'Stopped (tty input)', 22: 'Stopped (tty output)', 23: 'Urgent I/O condition',
  24: 'CPU time limit exceeded', 25: 'File size limit exceeded', 26: 'Virtual timer expired', 27: 'Profiling timer expired',
  28: 'Window changed', 29: 'I/O possible', 30: 'Power failure', 31: 'Bad system call',
};

/** The first real-time signal (SIGRTMIN): glibc keeps 32 and 33 for itself. */
export const SIGRTMIN = 34;

/** strsignal(n) for 1 ≤ n < NSIG, or null where glibc answers "Unknown signal" (32, 33). */
export function describeSignal(n: number): string | null {
  if (n >= SIGRTMIN) return `Real-time signal ${n - SIGRTMIN}`;
  return DESCRIPTIONS[n] ?? null;
}

/** Whether a process can be sent `n` (or have a handler for it): 1–31 and the real-time signals. */
export function isValidSignal(n: number): boolean {
  return (n >= 1 && n < 32) || (n >= SIGRTMIN && n < NSIG);
}
