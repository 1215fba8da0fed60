/**
 * Python's `shutil`, ported from CPython 3.11's shutil.py for Linux: file
 * copies (copyfile, copy, copy2, copymode, copystat, copyfileobj), trees
 * (copytree, rmtree with onerror as the fd-based rmtree reports errors),
 * move, which, disk_usage, get_terminal_size, and its exceptions. Archives
 * (make_archive, unpack_archive) and chown are not provided.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { Exception, NotImplementedError, OSError, FileNotFoundError, IsADirectoryError, ValueError } from '../builtins/exceptions.js';
import { call, def } from '../builtins/calls.js';
import { callMethod, getattr } from '../builtins/attributes.js';
import { isinstance, type } from '../builtins/types.js';
import { in_ } from '../builtins/operators.js';
import { repr, str } from '../builtins/repr.js';
import { truthy } from '../builtins/truth.js';
import { iterate } from '../builtins/iteration.js';
import { PyTuple } from '../builtins/values.js';
import { setFrom } from '../builtins/set.js';
import { defineClass, newException } from './support/stdlib/pyclass.js';
import { pyFunction } from './support/pydef.js';
import { loadedModules } from './support/moduleTable.js';
import { fsCall, fspath } from './support/os/node.js';
import { scandir, DirEntry } from './support/os/scandir.js';
import { statPath } from './support/os/stat.js';
import { namedtuple } from './support/collections/namedtuple.js';
import { filter as fnmatchFilter } from './fnmatch.js';
import * as os from './os.js';
import * as path from './os.path.js';
import * as self from './shutil.js';

export const __name__ = 'shutil';
loadedModules.$set('shutil', self);

const Q = 'shutil';
const COPY_BUFSIZE = 64 * 1024;

export const Error = defineClass(Q, 'Error', [OSError], {});
export const SameFileError = defineClass(Q, 'SameFileError', [Error], {});
export const SpecialFileError = defineClass(Q, 'SpecialFileError', [OSError], {});
export const ExecError = defineClass(Q, 'ExecError', [OSError], {});
export const ReadError = defineClass(Q, 'ReadError', [OSError], {});
export const RegistryError = defineClass(Q, 'RegistryError', [Exception], {});

type Obj = Record<string, unknown>;

function raise(cls: unknown, ...args: unknown[]): never {
  throw newException(cls, args, null);
}

function isEntry(p: unknown): boolean {
  return isinstance(p, DirEntry);
}

function entryPath(p: unknown): string {
  return fspath(p);
}

function statOf(p: unknown): Obj {
  return (isEntry(p) ? callMethod(p, 'stat') : statPath(p, true, 'stat')) as Obj;
}

function isLink(p: unknown): boolean {
  return isEntry(p) ? truthy(callMethod(p, 'is_symlink')) : path.islink(p);
}

function sameFile(src: unknown, dst: unknown): boolean {
  try {
    if (isEntry(src)) {
      const a = callMethod(src, 'stat') as Obj;
      const b = statPath(dst, true, 'stat') as unknown as Obj;
      return a['st_ino'] === b['st_ino'] && a['st_dev'] === b['st_dev'];
    }
    return path.samefile(src, dst);
  } catch (e) {
    if (e instanceof OSError) return false;
    throw e;
  }
}

export const copyfileobj = pyFunction('fsrc, fdst, length=', 'copyfileobj', Q, (fsrc: unknown, fdst: unknown, length: unknown) => {
  const n = length === undefined || !truthy(length) ? COPY_BUFSIZE : length;
  for (;;) {
    const buf = callMethod(fsrc, 'read', n);
    if (!truthy(buf)) break;
    callMethod(fdst, 'write', buf);
  }
  return null;
});

function copyFile(src: unknown, dst: unknown, follow: boolean): unknown {
  if (sameFile(src, dst)) raise(SameFileError, `${repr(src)} and ${repr(dst)} are the same file`);
  for (const fn of [src, dst]) {
    let mode: number;
    try {
      mode = Number(statOf(fn)['st_mode']);
    } catch (e) {
      // Most likely missing.
      if (e instanceof OSError) continue;
      throw e;
    }
    if ((mode & 0o170000) === 0o010000) raise(SpecialFileError, `\`${entryPath(fn)}\` is a named pipe`);
  }
  if (!follow && isLink(src)) {
    os.symlink(os.readlink(src), dst);
    return dst;
  }
  const s = entryPath(src);
  const d = fspath(dst);
  const data = fsCall(s, (fs) => fs.readFileSync(s));
  try {
    fsCall(d, (fs) => fs.writeFileSync(d, data));
  } catch (e) {
    // Issue 43219: a less confusing error for a destination in a missing directory.
    if (e instanceof IsADirectoryError && !path.exists(d)) {
      const err = new FileNotFoundError(`Directory does not exist: ${d}`);
      err.__cause__ = e;
      throw err;
    }
    throw e;
  }
  return dst;
}

const FOLLOW = 'src, dst, *, follow_symlinks=';

export const copyfile = pyFunction(FOLLOW, 'copyfile', Q, (src: unknown, dst: unknown, follow: unknown) => copyFile(src, dst, truthy(follow ?? true)));

function copyMode(src: unknown, dst: unknown, follow: boolean): null {
  // Linux has no lchmod: between two links there is nothing to do.
  if (!follow && isLink(src) && path.islink(dst)) return null;
  const mode = Number(statOf(src)['st_mode']) & 0o7777;
  os.chmod(dst, mode);
  return null;
}

export const copymode = pyFunction(FOLLOW, 'copymode', Q, (src: unknown, dst: unknown, follow: unknown) => copyMode(src, dst, truthy(follow ?? true)));

function copyStat(src: unknown, dst: unknown, followSymlinks: boolean): null {
  const follow = followSymlinks || !(isLink(src) && path.islink(dst));
  const st = (isEntry(src) ? call(getattr(src, 'stat'), [], { follow_symlinks: follow }) : call(os.stat, [src], { follow_symlinks: follow })) as Obj;
  const mode = Number(st['st_mode']) & 0o7777;
  call(os.utime, [dst], { ns: PyTuple.fromArray([st['st_atime_ns'], st['st_mtime_ns']]), follow_symlinks: follow });
  // os.chmod does not take follow_symlinks=False on Linux: a link's mode is left.
  if (follow) os.chmod(dst, mode);
  return null;
}

export const copystat = pyFunction(FOLLOW, 'copystat', Q, (src: unknown, dst: unknown, follow: unknown) => copyStat(src, dst, truthy(follow ?? true)));

function intoDirectory(src: unknown, dst: unknown): unknown {
  return path.isdir(dst) ? path.join(dst, path.basename(src)) : dst;
}

export const copy = pyFunction(FOLLOW, 'copy', Q, (src: unknown, dstArg: unknown, followArg: unknown) => {
  const follow = truthy(followArg ?? true);
  const dst = intoDirectory(src, dstArg);
  copyFile(src, dst, follow);
  copyMode(src, dst, follow);
  return dst;
});

export const copy2 = pyFunction(FOLLOW, 'copy2', Q, (src: unknown, dstArg: unknown, followArg: unknown) => {
  const follow = truthy(followArg ?? true);
  const dst = intoDirectory(src, dstArg);
  copyFile(src, dst, follow);
  copyStat(src, dst, follow);
  return dst;
});

/** ignore_patterns(*patterns): a copytree `ignore` callable giving the names any pattern matches. */
export const ignore_patterns = pyFunction('*patterns', 'ignore_patterns', Q, (patterns: PyTuple) =>
  def(function _ignore_patterns(_path: unknown, names: unknown): unknown {
    const ignored: unknown[] = [];
    for (const pattern of patterns) ignored.push(...(fnmatchFilter(names, pattern) as unknown[]));
    return setFrom(ignored);
  }, 'path, names', 'ignore_patterns.<locals>._ignore_patterns', Q));

interface TreeOptions {
  symlinks: boolean;
  ignore: unknown;
  copyFunction: unknown;
  ignoreDangling: boolean;
  dirsExistOk: boolean;
}

function copyTree(src: unknown, dst: unknown, o: TreeOptions): unknown {
  const it = scandir(src);
  const entries = [...iterate(it)];
  callMethod(it, 'close');
  const names = entries.map((e) => (e as Obj)['name']);
  const ignored = o.ignore !== null ? call(o.ignore, [fspath(src), names], null) : PyTuple.fromArray([]);
  call(os.makedirs, [dst], { exist_ok: o.dirsExistOk });
  const errors: unknown[] = [];
  const useEntry = o.copyFunction === copy2 || o.copyFunction === copy;
  for (const entry of entries) {
    const name = (entry as Obj)['name'];
    if (in_(name, ignored)) continue;
    const srcname = path.join(src, name);
    const dstname = path.join(dst, name);
    const srcobj = useEntry ? entry : srcname;
    try {
      if (truthy(callMethod(entry, 'is_symlink'))) {
        const linkto = os.readlink(srcname);
        if (o.symlinks) {
          os.symlink(linkto, dstname);
          copyStat(srcobj, dstname, !o.symlinks);
        } else {
          if (!path.exists(linkto) && o.ignoreDangling) continue;
          if (truthy(callMethod(entry, 'is_dir'))) copyTree(srcobj, dstname, o);
          else call(o.copyFunction, [srcobj, dstname], null);
        }
      } else if (truthy(callMethod(entry, 'is_dir'))) {
        copyTree(srcobj, dstname, o);
      } else {
        call(o.copyFunction, [srcobj, dstname], null);
      }
    } catch (e) {
      if (isinstance(e, Error)) errors.push(...iterate((e as { args: PyTuple }).args[0]));
      else if (e instanceof OSError) errors.push(PyTuple.fromArray([srcname, dstname, str(e)]));
      else throw e;
    }
  }
  try {
    copyStat(src, dst, true);
  } catch (e) {
    if (!(e instanceof OSError)) throw e;
    errors.push(PyTuple.fromArray([src, dst, str(e)]));
  }
  if (errors.length > 0) raise(Error, errors);
  return dst;
}

export const copytree = pyFunction('src, dst, symlinks=, ignore=, copy_function=, ignore_dangling_symlinks=, dirs_exist_ok=', 'copytree', Q,
  (src: unknown, dst: unknown, symlinks: unknown, ignore: unknown, copyFunction: unknown, ignoreDangling: unknown, dirsExistOk: unknown) =>
    copyTree(src, dst, {
      symlinks: truthy(symlinks ?? false),
      ignore: ignore ?? null,
      copyFunction: copyFunction ?? copy2,
      ignoreDangling: truthy(ignoreDangling ?? false),
      dirsExistOk: truthy(dirsExistOk ?? false),
    }));

type OnError = (func: unknown, p: unknown, e: unknown) => void;

/** Calls `fn`; a failure goes to onerror with the function CPython's rmtree names, as if from an except block. */
function attempt(onerror: OnError, func: unknown, p: unknown, fn: () => void): boolean {
  try {
    fn();
    return true;
  } catch (e) {
    if (!(e instanceof OSError)) throw e;
    onerror(func, p, e);
    return false;
  }
}

/** `_rmtree_safe_fd`'s walk, by path: the same errors, reported with the same functions. */
function removeTree(p: string, onerror: OnError): void {
  let entries: unknown[];
  try {
    const it = scandir(p);
    entries = [...iterate(it)];
    callMethod(it, 'close');
  } catch (e) {
    if (!(e instanceof OSError)) throw e;
    (e as { filename: unknown }).filename = p;
    onerror(scandir, p, e);
    return;
  }
  for (const entry of entries) {
    const fullname = path.join(p, (entry as Obj)['name'] as string);
    let isDir: boolean;
    try {
      isDir = truthy(call(getattr(entry, 'is_dir'), [], { follow_symlinks: false }));
    } catch (e) {
      if (!(e instanceof OSError)) throw e;
      isDir = false;
    }
    if (isDir) {
      removeTree(fullname, onerror);
      attempt(onerror, os.rmdir, fullname, () => os.rmdir(fullname));
    } else {
      attempt(onerror, os.unlink, fullname, () => os.unlink(fullname));
    }
  }
}

export const rmtree = pyFunction('path, ignore_errors=, onerror=, *, dir_fd=', 'rmtree', Q,
  (pathArg: unknown, ignoreErrors: unknown, onerrorArg: unknown, dirFd: unknown) => {
    if (dirFd !== undefined && dirFd !== null) throw new NotImplementedError('rmtree: dir_fd is not supported');
    let onerror: OnError;
    if (truthy(ignoreErrors ?? false)) {
      onerror = () => {};
    } else if (onerrorArg === undefined || onerrorArg === null) {
      onerror = (_f, _p, e) => {
        throw e;
      };
    } else {
      onerror = (f, p, e) => {
        call(onerrorArg, [f, p, PyTuple.fromArray([type(e), e, (e as { __traceback__?: unknown }).__traceback__ ?? null])], null);
      };
    }
    let st: Obj;
    try {
      st = os.lstat(pathArg) as unknown as Obj;
    } catch (e) {
      if (!(e instanceof OSError)) throw e;
      onerror(os.lstat, pathArg, e);
      return null;
    }
    const p = fspath(pathArg);
    if ((Number(st['st_mode']) & 0o170000) === 0o120000) {
      onerror(path.islink, pathArg, new OSError('Cannot call rmtree on a symbolic link'));
      return null;
    }
    // os.open(path, O_RDONLY) opens a file as well as a directory: its error is the first one CPython reports.
    if (!attempt(onerror, os.open, pathArg, () => os.close(os.open(p, os.O_RDONLY, undefined)))) return null;
    removeTree(p, onerror);
    attempt(onerror, os.rmdir, pathArg, () => os.rmdir(pathArg));
    return null;
  });

function baseName(p: unknown): string {
  return path.basename(fspath(p).replace(/\/+$/, ''));
}

function destInSrc(src: unknown, dst: unknown): boolean {
  let a = path.abspath(fspath(src));
  let b = path.abspath(fspath(dst));
  if (!a.endsWith('/')) a += '/';
  if (!b.endsWith('/')) b += '/';
  return b.startsWith(a);
}

export const move = pyFunction('src, dst, copy_function=', 'move', Q, (src: unknown, dst: unknown, copyFunctionArg: unknown) => {
  const copyFunction = copyFunctionArg ?? copy2;
  let realDst: unknown = dst;
  if (path.isdir(dst)) {
    if (sameFile(src, dst)) {
      os.rename(src, dst);
      return null;
    }
    realDst = path.join(dst, baseName(src));
    if (path.exists(realDst)) raise(Error, `Destination path '${fspath(realDst)}' already exists`);
  }
  try {
    os.rename(src, realDst);
  } catch (e) {
    if (!(e instanceof OSError)) throw e;
    if (path.islink(src)) {
      os.symlink(os.readlink(src), realDst);
      os.unlink(src);
    } else if (path.isdir(src)) {
      if (destInSrc(src, dst)) raise(Error, `Cannot move a directory '${fspath(src)}' into itself '${fspath(dst)}'.`);
      call(copytree, [src, realDst], { copy_function: copyFunction, symlinks: true });
      call(rmtree, [src], null);
    } else {
      call(copyFunction, [src, realDst], null);
      os.unlink(src);
    }
  }
  return realDst;
});

function accessCheck(fn: string, mode: unknown): boolean {
  return path.exists(fn) && truthy(os.access(fn, mode)) && !path.isdir(fn);
}

/** which(cmd, mode=F_OK|X_OK, path=None): the first match on PATH (POSIX: no PATHEXT, no current directory). */
export const which = pyFunction('cmd, mode=, path=', 'which', Q, (cmdArg: unknown, modeArg: unknown, pathArg: unknown) => {
  const mode = modeArg ?? os.F_OK | os.X_OK;
  const cmd = fspath(cmdArg);
  if (path.dirname(cmd)) return accessCheck(cmd, mode) ? cmdArg : null;
  const search: unknown = pathArg === undefined || pathArg === null ? (os.environ.$get('PATH') as string | undefined) ?? '/bin:/usr/bin' : pathArg;
  if (!truthy(search)) return null;
  const seen = new Set<string>();
  for (const dir of (os.fsdecode(search) as string).split(':')) {
    if (seen.has(dir)) continue;
    seen.add(dir);
    const name = path.join(dir, cmd);
    if (accessCheck(name, mode)) return name;
  }
  return null;
});

let usageType: unknown;

/** disk_usage(path): usage(total, used, free) in bytes, as statvfs gives them. */
export const disk_usage = pyFunction('path', 'disk_usage', Q, (p: unknown) => {
  const s = fspath(p);
  const st = fsCall(s, (fs) => fs.statfsSync(s));
  usageType ??= call(namedtuple, ['usage', 'total used free'], { module: Q });
  return call(usageType, [st.blocks * st.bsize, (st.blocks - st.bfree) * st.bsize, st.bavail * st.bsize], null);
});

function envSize(name: string): number {
  const v = os.environ.$get(name);
  if (typeof v !== 'string') return 0;
  const t = v.trim();
  return /^[+-]?\d+$/.test(t) ? Number(t) : 0;
}

/** get_terminal_size(fallback=(80, 24)): $COLUMNS and $LINES, else stdout's terminal, else the fallback. */
export const get_terminal_size = pyFunction('fallback=', 'get_terminal_size', Q, (fallbackArg: unknown) => {
  const fallback = fallbackArg ?? PyTuple.fromArray([80, 24]);
  let columns = envSize('COLUMNS');
  let lines = envSize('LINES');
  if (columns <= 0 || lines <= 0) {
    let size: Obj;
    try {
      size = os.get_terminal_size(1) as unknown as Obj;
    } catch (e) {
      if (!(e instanceof OSError || e instanceof ValueError)) throw e;
      size = new os.terminal_size(fallback) as unknown as Obj;
    }
    const fb = [...iterate(fallback)];
    if (columns <= 0) columns = truthy(size['columns']) ? (size['columns'] as number) : (fb[0] as number);
    if (lines <= 0) lines = truthy(size['lines']) ? (size['lines'] as number) : (fb[1] as number);
  }
  return new os.terminal_size(PyTuple.fromArray([columns, lines]));
});
