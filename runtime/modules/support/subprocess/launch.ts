/**
 * What the `subprocess` module and asyncio's subprocess transport share:
 * Node's child_process (reached through process.getBuiltinModule, so that
 * nothing imports it at load time and the runtime still bundles for the
 * browser, where starting a process raises), the argument list CPython's
 * Popen builds (`/bin/sh -c` for shell=True, `executable`), and the checks
 * CPython's child makes before exec — the working directory and the
 * program's lookup on PATH — so that a missing program is CPython's
 * `FileNotFoundError: [Errno 2] No such file or directory: 'nope'`, raised
 * where CPython raises it rather than from a Node 'error' event later.
 */
import type * as ChildProcessModule from 'node:child_process';
import { IndexError, NotImplementedError, TypeError, ValueError } from '../../../builtins/exceptions.js';
import { PyBytes, typeName } from '../../../builtins/values.js';
import { PyDict } from '../../../builtins/dict.js';
import { iterate } from '../../../builtins/iteration.js';
import { callMethod } from '../../../builtins/attributes.js';
import { bytes_decode } from '../../../builtins/bytes.js';
import { osError } from '../../../builtins/io.js';
import { callSpecial, hasSpecial } from '../../../builtins/special.js';
import { cwd as currentDir, proc } from '../os/node.js';
import { SIGNAL_NAMES, SIGNAL_NUMBERS } from '../signal/numbers.js';

export type ChildProcesses = typeof ChildProcessModule;

let loaded: ChildProcesses | null | undefined;

/** Node's child_process, or NotImplementedError outside Node (`what` names the caller's feature). */
export function childProcesses(what: string): ChildProcesses {
  if (loaded === undefined) {
    const node = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;
    loaded = node === undefined ? null : (proc?.getBuiltinModule?.('node:child_process') as ChildProcesses | undefined) ?? null;
  }
  if (loaded === null) throw new NotImplementedError(`${what} needs Node.js (its child_process module)`);
  return loaded;
}

/** `repr(signal.Signals(n))`, or null for a number that names no signal. */
export function signalRepr(n: number): string | null {
  const name = SIGNAL_NAMES[n];
  return name === undefined ? null : `<Signals.${name}: ${n}>`;
}

/** A returncode from Node's exit report: the status, or minus the signal's number. */
export function returncodeOf(status: number | null, signal: string | null): number {
  if (status !== null) return status;
  return signal === null ? 0 : -(SIGNAL_NUMBERS[signal] ?? 0);
}

export const SIGTERM = 15;
export const SIGKILL = 9;

/** A str, bytes or PathLike argument as the str the OS gets (bytes decoded as os.fsdecode does). */
export function fsArg(x: unknown): string {
  if (typeof x === 'string') return x;
  if (x instanceof PyBytes) return bytes_decode(x, 'utf-8', 'surrogateescape');
  if (x !== null && typeof x === 'object' && hasSpecial(x, '__fspath__')) return fsArg(callSpecial(x, '__fspath__'));
  throw new TypeError(`expected str, bytes or os.PathLike object, not ${typeName(x)}`);
}

const isNone = (v: unknown): boolean => v === null || v === undefined;

/** What a child is started with: the file to exec, its argv (argv[0] first), where and with what environment. */
export interface Launch {
  file: string;
  argv: string[];
  cwd: string | undefined;
  env: Record<string, string> | undefined;
}

/**
 * Popen's argument list: `args` (a str, bytes or PathLike is one program;
 * with shell=True, `/bin/sh -c args`), `executable` in place of the program
 * (or of the shell), and the checks before exec, raising CPython's OSError.
 */
export function prepareLaunch(args: unknown, shell: boolean, executable: unknown, cwdArg: unknown, envArg: unknown): Launch {
  const single = typeof args === 'string' || args instanceof PyBytes || (args !== null && typeof args === 'object' && hasSpecial(args, '__fspath__'));
  let argv = single ? [fsArg(args)] : [...(iterate(args) as Iterable<unknown>)].map(fsArg);
  if (shell) argv = ['/bin/sh', '-c', ...argv];
  if (argv.length === 0) throw new IndexError('list index out of range');
  const program = isNone(executable) ? argv[0]! : fsArg(executable);
  if (shell && !isNone(executable)) argv[0] = program;
  const cwd = isNone(cwdArg) ? undefined : fsArg(cwdArg);
  const env = isNone(envArg) ? undefined : environment(envArg);
  const file = findProgram(program, cwd, env);
  return { file, argv, cwd, env };
}

function environment(env: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const keys = env instanceof PyDict ? [...env] : [...(iterate(callMethod(env, 'keys')) as Iterable<unknown>)];
  for (const k of keys) {
    const v = env instanceof PyDict ? env.$get(k) : callMethod(env, '__getitem__', k);
    const key = fsArg(k);
    const value = fsArg(v);
    if (key.includes('=')) throw new ValueError('illegal environment variable name');
    out[key] = value;
  }
  return out;
}

interface FsForLookup {
  statSync(path: string, options: { throwIfNoEntry: false }): { isDirectory(): boolean } | undefined;
  accessSync(path: string, mode: number): void;
  openSync(path: string, flags: string): number;
  readSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: number): number;
  closeSync(fd: number): void;
}

/**
 * Whether exec can run the file: a `#!` script or an ELF binary. libuv's
 * exec hands any other file to /bin/sh (execvp's fallback), where CPython's
 * execve fails with ENOEXEC.
 */
function execFormatKnown(fs: FsForLookup, path: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(path, 'r');
  } catch {
    // Executable but not readable: only exec can tell.
    return true;
  }
  try {
    const head = new Uint8Array(4);
    const n = fs.readSync(fd, head, 0, 4, 0);
    return (n >= 2 && head[0] === 0x23 && head[1] === 0x21) || (n === 4 && head[0] === 0x7f && head[1] === 0x45 && head[2] === 0x4c && head[3] === 0x46);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The child's chdir and exec, checked here: the directory must exist, and the
 * program (a path, or a name looked up on the PATH the child gets, as
 * execvpe does) must be an executable file. Gives the path to exec.
 */
function findProgram(program: string, cwd: string | undefined, env: Record<string, string> | undefined): string {
  const fs = proc?.getBuiltinModule?.('node:fs') as FsForLookup | undefined;
  if (fs === undefined) return program;
  const base = cwd === undefined ? currentDir() : absolute(cwd, currentDir());
  if (cwd !== undefined) {
    const st = fs.statSync(base, { throwIfNoEntry: false });
    if (st === undefined) throw osError('ENOENT', cwd);
    if (!st.isDirectory()) throw osError('ENOTDIR', cwd);
  }
  const tryPath = (candidate: string): string | null => {
    const st = fs.statSync(candidate, { throwIfNoEntry: false });
    if (st === undefined) return 'ENOENT';
    if (st.isDirectory()) return 'EACCES';
    try {
      fs.accessSync(candidate, 1);
    } catch {
      return 'EACCES';
    }
    return execFormatKnown(fs, candidate) ? null : 'ENOEXEC';
  };
  if (program.includes('/')) {
    const full = absolute(program, base);
    const error = tryPath(full);
    if (error !== null) throw osError(error, program);
    return full;
  }
  const searchPath = (env === undefined ? proc?.env['PATH'] : env['PATH']) ?? '/bin:/usr/bin';
  let saved: string | null = null;
  for (const dir of searchPath.split(':')) {
    const full = absolute(`${dir === '' ? '.' : dir}/${program}`, base);
    const error = tryPath(full);
    if (error === null) return full;
    if (error !== 'ENOENT' && saved === null) saved = error;
  }
  throw osError(saved ?? 'ENOENT', program);
}

function absolute(p: string, base: string): string {
  return p.startsWith('/') ? p : `${base.replace(/\/$/, '')}/${p}`;
}
