/**
 * Python's `os`, for what programs use in Node: the environment, the
 * current directory, directory listing (listdir, scandir) and creation,
 * removing, renaming and linking files, stat, permissions and times, walk,
 * file descriptors, and `os.path` (runtime/modules/os.path.ts). Errors are
 * CPython's OSError subclasses with its messages (`[Errno 2] No such file or
 * directory: 'x'`). Directories list in the OS's order, as CPython's.
 */
import { PyGenerator } from '../builtins/generators.js';
import { PyDict } from '../builtins/dict.js';
import { NotImplementedError, OSError as PyOSError, TypeError, ValueError } from '../builtins/exceptions.js';
import { PyTuple, isFloat, isInt, typeName } from '../builtins/values.js';
import { truthy } from '../builtins/truth.js';
import { osError } from '../builtins/io.js';
import { intArg } from '../builtins/files.js';
import * as path from './os.path.js';
import { cwd, fsCall, fsCall2, fspath as toFspath, fspathValue, listNames, proc, readDirectory, statOrNone, type Dirent } from './support/os/node.js';
import { call } from '../builtins/calls.js';
import { splitKeywords, checkKeywords } from './support/stdlib/pyclass.js';
import { pyFunction } from './support/pydef.js';
import { statPath } from './support/os/stat.js';
import { StructSequence } from './support/structSequence.js';
import { errorMessage } from './support/os/strerror.js';

export { scandir, DirEntry } from './support/os/scandir.js';
export {
  open, close, read, write, O_RDONLY, O_WRONLY, O_RDWR, O_ACCMODE, O_CREAT, O_EXCL, O_NOCTTY, O_TRUNC, O_APPEND, O_NONBLOCK, O_NDELAY,
  O_DSYNC, O_DIRECTORY, O_NOFOLLOW, O_CLOEXEC, O_SYNC,
} from './support/os/fd.js';
export { getppid, getuid, geteuid, getgid, getegid, kill, urandom, terminal_size, get_terminal_size, fsencode, fsdecode } from './support/os/process.js';

export const __name__ = 'os';
export { path };
export const sep = '/';
export const altsep = null;
export const curdir = '.';
export const pardir = '..';
export const extsep = '.';
export const pathsep = ':';
export const linesep = '\n';
export const devnull = '/dev/null';
export const name = 'posix';
export const error = PyOSError;
export const F_OK = 0;
export const R_OK = 4;
export const W_OK = 2;
export const X_OK = 1;
export const SEEK_SET = 0;
export const SEEK_CUR = 1;
export const SEEK_END = 2;

/** os.environ: a dict whose changes are the process's environment (its repr is a dict's here, not `environ({…})`). */
class Environ extends PyDict<unknown, unknown> {
  override $set(k: unknown, v: unknown): this {
    if (typeof k !== 'string') throw new TypeError(`str expected, not ${typeName(k)}`);
    if (typeof v !== 'string') throw new TypeError(`str expected, not ${typeName(v)}`);
    if (proc !== undefined) proc.env[k] = v;
    return super.$set(k, v);
  }

  override $take(k: unknown): unknown {
    if (typeof k === 'string' && proc !== undefined) delete proc.env[k];
    return super.$take(k);
  }

  override $clear(): void {
    if (proc !== undefined) for (const k of [...this]) delete proc.env[k as string];
    super.$clear();
  }
}

export const environ: PyDict = new Environ();
for (const [k, v] of Object.entries(proc?.env ?? {})) if (v !== undefined) PyDict.prototype.$set.call(environ, k, v);

export function getenv(key: unknown, dflt: unknown = null): unknown {
  if (typeof key !== 'string') throw new TypeError(`str expected, not ${typeName(key)}`);
  const v = environ.$get(key);
  return v === undefined ? dflt : v;
}

export function putenv(key: unknown, value: unknown): null {
  if (proc !== undefined) proc.env[key as string] = value as string;
  return null;
}

export function unsetenv(key: unknown): null {
  if (proc !== undefined) delete proc.env[key as string];
  return null;
}

export function fspath(p: unknown): unknown {
  return fspathValue(p);
}

export function getcwd(): string {
  return cwd();
}

export function chdir(p: unknown): null {
  const s = toFspath(p);
  try {
    proc?.chdir(s);
  } catch (e) {
    throw osError((e as { code?: string }).code ?? 'ENOENT', s);
  }
  return null;
}

/** `uname()`: the uname(2) fields Node's os module reads, as CPython's `posix.uname_result`. */
export function uname(): StructSequence {
  const os = proc?.getBuiltinModule?.('node:os') as { type(): string; hostname(): string; release(): string; version(): string; machine(): string } | undefined;
  if (os === undefined) throw new NotImplementedError('os.uname() needs Node');
  const fields = ['sysname', 'nodename', 'release', 'version', 'machine'];
  return new StructSequence('posix.uname_result', fields, [os.type(), os.hostname(), os.release(), os.version(), os.machine()]);
}

export function getpid(): number {
  return proc?.pid ?? 0;
}

export function cpu_count(): number | null {
  const n = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency;
  return n ?? null;
}

export function listdir(p: unknown = '.'): string[] {
  const s = toFspath(p);
  return listNames(s);
}

export function mkdir(...rest: unknown[]): null {
  const [args, kw] = splitKeywords(rest);
  checkKeywords(kw, ['path', 'mode', 'dir_fd'], 'mkdir');
  const s = toFspath(args[0] ?? kw['path']);
  noDirFd(args[2] ?? kw['dir_fd'], 'mkdir');
  const mode = args[1] ?? kw['mode'];
  const options = mode === undefined ? undefined : { mode: intArg(mode) };
  fsCall(s, (fs) => fs.mkdirSync(s, options));
  return null;
}

export function makedirs(...rest: unknown[]): null {
  const [args, kw] = splitKeywords(rest);
  checkKeywords(kw, ['name', 'mode', 'exist_ok'], 'makedirs');
  const s = toFspath(args[0] ?? kw['name']);
  const existOk = truthy(args[2] ?? kw['exist_ok'] ?? false);
  if (!existOk && path.exists(s)) throw osError('EEXIST', s);
  fsCall(s, (fs) => fs.mkdirSync(s, { recursive: true }));
  return null;
}

export function remove(p: unknown): null {
  const s = toFspath(p);
  fsCall(s, (fs) => fs.unlinkSync(s));
  return null;
}

/** os.unlink: remove under its own name (shutil.rmtree's onerror reports it). */
export function unlink(p: unknown): null {
  return remove(p);
}

export function rmdir(p: unknown): null {
  const s = toFspath(p);
  fsCall(s, (fs) => fs.rmdirSync(s));
  return null;
}

export function rename(src: unknown, dst: unknown): null {
  const a = toFspath(src);
  const b = toFspath(dst);
  fsCall2(a, b, (fs) => fs.renameSync(a, b));
  return null;
}

export const replace = rename;

/** dir_fd (paths relative to an open directory) has no Node counterpart: refused rather than ignored. */
function noDirFd(dirFd: unknown, fname: string): void {
  if (dirFd !== undefined && dirFd !== null) throw new NotImplementedError(`${fname}: dir_fd unavailable on this platform`);
}

/** os.stat(path, *, dir_fd=None, follow_symlinks=True): also of a file descriptor. */
export const stat = pyFunction('path, *, dir_fd=, follow_symlinks=', 'stat', 'os', (p: unknown, dirFd?: unknown, follow?: unknown) => {
  noDirFd(dirFd, 'stat');
  return statPath(p, truthy(follow ?? true), 'stat');
});

export const lstat = pyFunction('path, *, dir_fd=', 'lstat', 'os', (p: unknown, dirFd?: unknown) => {
  noDirFd(dirFd, 'lstat');
  return statPath(p, false, 'lstat');
});

export const fstat = pyFunction('fd', 'fstat', 'os', (fd: unknown) => statPath(intArg(fd), true, 'fstat'));

/** os.access(path, mode): whether the real user may; False, never an error, for a missing path. */
export const access = pyFunction('path, mode, *, dir_fd=, effective_ids=, follow_symlinks=', 'access', 'os', (p: unknown, mode: unknown, dirFd?: unknown) => {
  noDirFd(dirFd, 'access');
  const s = toFspath(p, 'access');
  const m = intArg(mode);
  try {
    fsCall(s, (fs) => fs.accessSync(s, m));
    return true;
  } catch (e) {
    if (e instanceof PyOSError) return false;
    throw e;
  }
});

export const chmod = pyFunction('path, mode, *, dir_fd=, follow_symlinks=', 'chmod', 'os', (p: unknown, mode: unknown, dirFd?: unknown) => {
  noDirFd(dirFd, 'chmod');
  const s = toFspath(p, 'chmod');
  const m = intArg(mode);
  fsCall(s, (fs) => fs.chmodSync(s, m));
  return null;
});

function timePair(v: unknown, what: string): [unknown, unknown] {
  if (!(v instanceof PyTuple) || v.length !== 2) throw new TypeError(`utime: '${what}' must be a tuple of two ints`);
  return [v[0], v[1]];
}

function seconds(v: unknown): number {
  if (isFloat(v)) return Number(v);
  if (isInt(v) || typeof v === 'boolean') return Number(v);
  throw new TypeError(`'${typeName(v)}' object cannot be interpreted as an integer`);
}

/**
 * os.utime(path, times=None, *, ns=None): access and modification times, in
 * seconds or nanoseconds. Node sets them from float seconds, so nanoseconds
 * are kept only to about a microsecond. CPython's error names no file.
 */
export const utime = pyFunction('path, times=, *, ns=, dir_fd=, follow_symlinks=', 'utime', 'os',
  (p: unknown, times?: unknown, ns?: unknown, dirFd?: unknown, follow?: unknown) => {
    noDirFd(dirFd, 'utime');
    const s = toFspath(p, 'utime');
    const hasTimes = times !== undefined && times !== null;
    const hasNs = ns !== undefined && ns !== null;
    if (hasTimes && hasNs) throw new ValueError("utime: you may specify either 'times' or 'ns' but not both");
    let atime: number;
    let mtime: number;
    if (hasTimes) {
      if (!(times instanceof PyTuple) || times.length !== 2) throw new TypeError("utime: 'times' must be either a tuple of two ints or None");
      [atime, mtime] = [seconds(times[0]), seconds(times[1])];
    } else if (hasNs) {
      const [a, m] = timePair(ns, 'ns');
      if (!isInt(a) || !isInt(m)) throw new TypeError("utime: 'ns' must be a tuple of two ints");
      [atime, mtime] = [Number(a) / 1e9, Number(m) / 1e9];
    } else {
      atime = mtime = Date.now() / 1000;
    }
    const followLinks = truthy(follow ?? true);
    fsCall(null, (fs) => (followLinks ? fs.utimesSync(s, atime, mtime) : fs.lutimesSync(s, atime, mtime)));
    return null;
  });

export const symlink = pyFunction('src, dst, target_is_directory=, *, dir_fd=', 'symlink', 'os', (src: unknown, dst: unknown, _targetIsDirectory?: unknown, dirFd?: unknown) => {
  noDirFd(dirFd, 'symlink');
  const a = toFspath(src, 'symlink');
  const b = toFspath(dst, 'symlink');
  fsCall2(a, b, (fs) => fs.symlinkSync(a, b));
  return null;
});

export const readlink = pyFunction('path, *, dir_fd=', 'readlink', 'os', (p: unknown, dirFd?: unknown) => {
  noDirFd(dirFd, 'readlink');
  const s = toFspath(p, 'readlink');
  return fsCall(s, (fs) => fs.readlinkSync(s));
});

export const link = pyFunction('src, dst, *, src_dir_fd=, dst_dir_fd=, follow_symlinks=', 'link', 'os', (src: unknown, dst: unknown, srcDirFd?: unknown, dstDirFd?: unknown) => {
  noDirFd(srcDirFd, 'link');
  noDirFd(dstDirFd, 'link');
  const a = toFspath(src, 'link');
  const b = toFspath(dst, 'link');
  fsCall2(a, b, (fs) => fs.linkSync(a, b));
  return null;
});

/** Removes a leaf directory, then each empty parent named in the path. */
export const removedirs = pyFunction('name', 'removedirs', 'os', (name: unknown) => {
  rmdir(name);
  let [head, tail] = path.split(name) as unknown as [string, string];
  if (!tail) [head, tail] = path.split(head) as unknown as [string, string];
  while (head && tail) {
    try {
      rmdir(head);
    } catch (e) {
      if (e instanceof PyOSError) break;
      throw e;
    }
    [head, tail] = path.split(head) as unknown as [string, string];
  }
  return null;
});

/** rename, making the new path's directories first and removing the old one's emptied ones after. */
export const renames = pyFunction('old, new', 'renames', 'os', (old: unknown, dst: unknown) => {
  const [head, tail] = path.split(dst) as unknown as [string, string];
  if (head && tail && !path.exists(head)) makedirs(head);
  rename(old, dst);
  const [oldHead, oldTail] = path.split(old) as unknown as [string, string];
  if (oldHead && oldTail) {
    try {
      removedirs(oldHead);
    } catch (e) {
      if (!(e instanceof PyOSError)) throw e;
    }
  }
  return null;
});

export const strerror = pyFunction('code, /', 'strerror', 'os', (code: unknown) => errorMessage(intArg(code)));

export function umask(mask: unknown): number {
  return proc?.umask?.(intArg(mask)) ?? 0o022;
}

/**
 * os.walk(top, topdown=True, onerror=None, followlinks=False), as CPython's
 * `_walk`: each directory's entries in the OS's order, a link to a directory
 * listed among the directories but entered only with followlinks, and a
 * directory that cannot be listed passed to onerror and skipped.
 */
export function walk(...rest: unknown[]): PyGenerator {
  const [args, kw] = splitKeywords(rest);
  checkKeywords(kw, ['top', 'topdown', 'onerror', 'followlinks'], 'walk');
  const top = toFspath(args[0] ?? kw['top']);
  const topdown = truthy(args[1] ?? kw['topdown'] ?? true);
  const onerror = args[2] ?? kw['onerror'] ?? null;
  const followlinks = truthy(args[3] ?? kw['followlinks'] ?? false);
  function* visit(dir: string): Generator<unknown> {
    let entries: Dirent[];
    try {
      entries = readDirectory(dir);
    } catch (e) {
      if (!(e instanceof PyOSError)) throw e;
      if (onerror !== null) call(onerror, [e], null);
      return;
    }
    const dirs: string[] = [];
    const nondirs: string[] = [];
    const walkDirs: string[] = [];
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      // DirEntry.is_dir(): through a link to its target; a broken link is not a directory.
      const isDir = entry.isDirectory() || (entry.isSymbolicLink() && statOrNone(full)?.isDirectory() === true);
      (isDir ? dirs : nondirs).push(entry.name);
      if (!topdown && isDir && (followlinks || !entry.isSymbolicLink())) walkDirs.push(full);
    }
    if (topdown) {
      yield PyTuple.fromArray([dir, dirs, nondirs]);
      // `dirs` as the caller left it: pruning it in place skips directories.
      for (const d of dirs) {
        const newPath = path.join(dir, d);
        if (followlinks || !path.islink(newPath)) yield* visit(newPath);
      }
    } else {
      for (const d of walkDirs) yield* visit(d);
      yield PyTuple.fromArray([dir, dirs, nondirs]);
    }
  }
  // A generator object, as CPython's (its _walk generator function).
  return new PyGenerator(visit(top), '_walk');
}
