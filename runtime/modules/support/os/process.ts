/**
 * os's process and terminal facts (ids, terminal size), random bytes and the
 * file-system encoding (UTF-8 with surrogateescape, as CPython's on Linux).
 */
import { OSError, OverflowError, PermissionError, ProcessLookupError, TypeError, ValueError } from '../../../builtins/exceptions.js';
import { noKeywords } from '../../../builtins/calls.js';
import { pyIndex } from '../../../builtins/numbers/index.js';
import { PyBytes } from '../../../builtins/values.js';
import { iterate } from '../../../builtins/iteration.js';
import { intArg } from '../../../builtins/files.js';
import { bytes_decode } from '../../../builtins/bytes.js';
import { str_encode } from '../../../builtins/str/methods.js';
import { osError } from '../../../builtins/io.js';
import { StructSequence } from '../structSequence.js';
import { pyFunction } from '../pydef.js';
import { fspathValue, plainPath, proc } from './node.js';
import { isValidSignal } from '../signal/numbers.js';
import { toSelf } from '../signal/handlers.js';

const Q = 'os';

export function getppid(): number {
  return proc?.ppid ?? 0;
}

export function getuid(): number {
  return proc?.getuid?.() ?? 0;
}

export function geteuid(): number {
  return proc?.geteuid?.() ?? 0;
}

export function getgid(): number {
  return proc?.getgid?.() ?? 0;
}

export function getegid(): number {
  return proc?.getegid?.() ?? 0;
}

/**
 * os.kill(pid, signal, /). A signal the program sends itself with a Python
 * handler runs that handler now, before kill returns (CPython's runs before
 * the next statement), rather than waiting for Node's event; every other
 * signal is sent for real.
 */
export const kill = noKeywords(function kill(...args: unknown[]): null {
  if (args.length !== 2) throw new TypeError(`kill() takes exactly 2 arguments (${args.length} given)`);
  const pid = pyIndex(args[0]);
  const signum = pyIndex(args[1]);
  if (pid >= 2 ** 31 || pid < -(2 ** 31)) throw new OverflowError('Python int too large to convert to C int');
  if (signum >= 2n ** 63n || signum < -(2n ** 63n)) throw new OverflowError('Python int too large to convert to C ssize_t');
  const host = proc as { pid: number; kill?(pid: number, signal: number): unknown } | undefined;
  if (host?.kill === undefined) throw new OSError(38, 'Function not implemented');
  if (Number(pid) === host.pid && isValidSignal(Number(signum))) {
    toSelf(Number(signum));
    return null;
  }
  try {
    host.kill(Number(pid), Number(signum));
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ESRCH') throw new ProcessLookupError(3, 'No such process');
    if (code === 'EPERM') throw new PermissionError(1, 'Operation not permitted');
    throw new OSError(22, 'Invalid argument');
  }
  return null;
}, 'posix.kill');

/** os.urandom(size): bytes from the system's entropy source. */
export const urandom = pyFunction('size, /', 'urandom', Q, (size: unknown) => {
  const n = intArg(size);
  if (n < 0) throw new ValueError('negative argument not allowed');
  const out = new Uint8Array(n);
  const crypto = (globalThis as { crypto?: { getRandomValues(a: Uint8Array): Uint8Array } }).crypto;
  // getRandomValues fills at most 65536 bytes at a time.
  for (let i = 0; i < n; i += 65536) crypto!.getRandomValues(out.subarray(i, Math.min(n, i + 65536)));
  return new PyBytes(out);
});

/** os.terminal_size((columns, lines)): a struct sequence. */
export class terminal_size extends StructSequence {
  static readonly __module__ = 'os';

  constructor(sequence: unknown) {
    const items = [...iterate(sequence)];
    if (items.length !== 2) throw new TypeError(`os.terminal_size() takes a 2-sequence (${items.length}-sequence given)`);
    super('os.terminal_size', ['columns', 'lines'], items);
  }
}

function ttyModule(): { isatty(fd: number): boolean } | undefined {
  return proc?.getBuiltinModule?.('tty') as { isatty(fd: number): boolean } | undefined;
}

/** os.get_terminal_size(fd=1): the size of the terminal on `fd`; ENOTTY when it is not one. */
export const get_terminal_size = pyFunction('fd=, /', 'get_terminal_size', Q, (fd: unknown) => {
  const n = fd === undefined ? 1 : intArg(fd);
  const stream = n === 2 ? proc?.stderr : proc?.stdout;
  if (ttyModule()?.isatty(n) !== true || stream?.columns === undefined) throw osError('ENOTTY');
  return new terminal_size([stream.columns, stream.rows ?? 0]);
});

/** os.fsencode(filename): a str path as the file system's bytes (UTF-8, surrogateescape). */
export const fsencode = pyFunction('filename', 'fsencode', Q, (filename: unknown) => {
  const p = fspathValue(filename);
  const value = plainPath(p);
  return typeof value === 'string' ? str_encode(value, 'utf-8', 'surrogateescape') : p;
});

/** os.fsdecode(filename): a bytes path as str. */
export const fsdecode = pyFunction('filename', 'fsdecode', Q, (filename: unknown) => {
  const p = fspathValue(filename);
  const value = plainPath(p);
  return value instanceof PyBytes ? bytes_decode(value, 'utf-8', 'surrogateescape') : p;
});
