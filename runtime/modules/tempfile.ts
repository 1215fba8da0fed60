/**
 * Python's `tempfile`, after CPython 3.11's tempfile.py on Linux: the
 * default directory found as CPython finds it ($TMPDIR, $TEMP, $TMP, /tmp,
 * /var/tmp, /usr/tmp, the current directory — the first where a file can be
 * written), names of `prefix` + eight random characters + `suffix`, files
 * made with O_EXCL and mode 0o600, directories with mode 0o700.
 * TemporaryDirectory and NamedTemporaryFile(delete=True) clean up when
 * closed, and at exit if still open (CPython's finalizers). str paths only
 * (no bytes variants).
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { FileExistsError, FileNotFoundError, IsADirectoryError, OSError, PermissionError, TypeError, ValueError } from '../builtins/exceptions.js';
import { call, def } from '../builtins/calls.js';
import { callMethod, getattr } from '../builtins/attributes.js';
import { iterate } from '../builtins/iteration.js';
import { repr } from '../builtins/repr.js';
import { truthy } from '../builtins/truth.js';
import { type } from '../builtins/types.js';
import { PyTuple, typeName } from '../builtins/values.js';
import { atExit } from '../builtins/io.js';
import { openFile } from '../builtins/files.js';
import { defineClass } from './support/stdlib/pyclass.js';
import { PyProperty } from '../builtins/classes/descriptors.js';
import { BytesIO } from './support/io/bytesIO.js';
import { StringIO } from './support/io/stringIO.js';
import { pyFunction } from './support/pydef.js';
import { loadedModules } from './support/moduleTable.js';
import { cwd, fs, fspath } from './support/os/node.js';
import * as os from './os.js';
import * as path from './os.path.js';
import { rmtree } from './shutil.js';
import * as self from './tempfile.js';

export const __name__ = 'tempfile';
loadedModules.$set('tempfile', self);

const Q = 'tempfile';

export const TMP_MAX = 238328;
export const template = 'tmp';
/** The default directory once gettempdir() has found it (a program may set it first). */
export let tempdir: unknown = null;

/** `tempfile.tempdir = …` from Python: the module's variable. */
export function $module$setattr(name: string, value: unknown): boolean {
  if (name !== 'tempdir') return false;
  tempdir = value === undefined ? null : value;
  return true;
}

const CHARACTERS = 'abcdefghijklmnopqrstuvwxyz0123456789_';

/** `_RandomNameSequence`: eight characters drawn from CHARACTERS. */
function randomName(): string {
  const crypto = (globalThis as { crypto?: { getRandomValues(a: Uint8Array): Uint8Array } }).crypto!;
  let out = '';
  const bytes = new Uint8Array(16);
  while (out.length < 8) {
    crypto.getRandomValues(bytes);
    // Bytes below 222 (6 × 37) keep the choice uniform.
    for (const b of bytes) if (b < 222 && out.length < 8) out += CHARACTERS[b % 37];
  }
  return out;
}

const BIN_FLAGS = os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC;

function writeProbe(dir: string): 'ok' | 'exists' | 'failed' {
  const filename = path.join(dir, randomName());
  try {
    const fd = os.open(filename, BIN_FLAGS, 0o600);
    try {
      fs().writeSync(fd, new TextEncoder().encode('blat'), 0, 4);
    } finally {
      os.close(fd);
      os.unlink(filename);
    }
    return 'ok';
  } catch (e) {
    if (e instanceof FileExistsError) return 'exists';
    if (e instanceof OSError) return 'failed';
    throw e;
  }
}

function defaultTempdir(): string {
  const dirlist: string[] = [];
  for (const envname of ['TMPDIR', 'TEMP', 'TMP']) {
    const v = os.environ.$get(envname);
    if (typeof v === 'string' && v) dirlist.push(v);
  }
  dirlist.push('/tmp', '/var/tmp', '/usr/tmp', cwd());
  for (let dir of dirlist) {
    if (dir !== '.') dir = path.abspath(dir);
    for (let seq = 0; seq < 100; seq++) {
      const r = writeProbe(dir);
      if (r === 'ok') return dir;
      if (r === 'failed') break;
    }
  }
  throw new FileNotFoundError(2, `No usable temporary directory found in ${repr(dirlist)}`);
}

function getTempdir(): string {
  if (tempdir === null) tempdir = defaultTempdir();
  return fspath(tempdir);
}

export const gettempdir = pyFunction('', 'gettempdir', Q, () => getTempdir());

export const gettempprefix = pyFunction('', 'gettempprefix', Q, () => template);

function strPart(v: unknown, fallback: () => string): string {
  if (v === undefined || v === null) return fallback();
  if (typeof v !== 'string') {
    if (typeof v === 'object' && v !== null && 'bytes' in v) throw new TypeError('bytes paths are not supported by pyasync');
    throw new TypeError(`can only concatenate str (not "${typeName(v)}") to str`);
  }
  return v;
}

/** `_sanitize_params`: '' for no suffix, 'tmp' for no prefix, gettempdir() for no dir. */
function sanitize(suffix: unknown, prefix: unknown, dir: unknown): [string, string, string] {
  const dirText = dir === undefined || dir === null ? getTempdir() : fspath(dir);
  return [strPart(suffix, () => ''), strPart(prefix, () => template), dirText];
}

/** `_mkstemp_inner`: a new file's descriptor and absolute path. */
function mkstempInner(dir: string, pre: string, suf: string, flags: number): [number, string] {
  for (let seq = 0; seq < TMP_MAX; seq++) {
    const file = path.join(dir, pre + randomName() + suf);
    try {
      return [os.open(file, flags, 0o600), path.abspath(file)];
    } catch (e) {
      if (e instanceof FileExistsError) continue;
      throw e;
    }
  }
  throw new FileExistsError(17, 'No usable temporary file name found');
}

export const mkstemp = pyFunction('suffix=, prefix=, dir=, text=', 'mkstemp', Q, (suffix: unknown, prefix: unknown, dir: unknown) => {
  const [suf, pre, d] = sanitize(suffix, prefix, dir);
  return PyTuple.fromArray(mkstempInner(d, pre, suf, BIN_FLAGS));
});

function makeTempDir(suffix: unknown, prefix: unknown, dir: unknown): string {
  const [suf, pre, d] = sanitize(suffix, prefix, dir);
  for (let seq = 0; seq < TMP_MAX; seq++) {
    const file = path.join(d, pre + randomName() + suf);
    try {
      os.mkdir(file, 0o700);
    } catch (e) {
      if (e instanceof FileExistsError) continue;
      throw e;
    }
    return file;
  }
  throw new FileExistsError(17, 'No usable temporary directory name found');
}

export const mkdtemp = pyFunction('suffix=, prefix=, dir=', 'mkdtemp', Q, makeTempDir);

/** mktemp (unsafe, deprecated): a name no file has yet. */
export const mktemp = pyFunction('suffix=, prefix=, dir=', 'mktemp', Q, (suffix: unknown, prefix: unknown, dir: unknown) => {
  const suf = suffix ?? '';
  const pre = prefix ?? template;
  const d = dir === undefined || dir === null ? getTempdir() : fspath(dir);
  for (let seq = 0; seq < TMP_MAX; seq++) {
    const file = path.join(d, strPart(pre, () => template) + randomName() + strPart(suf, () => ''));
    if (!path.lexists(file)) return file;
  }
  throw new FileExistsError(17, 'No usable temporary filename found');
});

// ---------------------------------------------------------------------------
// TemporaryDirectory

type Obj = Record<string | symbol, unknown>;

/** Directories and files still to remove at exit (CPython's weakref finalizers). */
const pendingDirs = new Set<string>();
const pendingFiles = new Set<string>();
let exitHooked = false;

function hookExit(): void {
  if (exitHooked) return;
  exitHooked = true;
  atExit(() => {
    for (const f of pendingFiles) {
      try {
        os.unlink(f);
      } catch {
        // Already gone.
      }
    }
    for (const d of pendingDirs) removeTree(d, true);
  });
}

/** `TemporaryDirectory._rmtree`: rmtree that makes unreadable parts writable and retries, and ignores vanished ones. */
function removeTree(name: string, ignoreErrors: boolean): void {
  const onerror = def(function onerror(_func: unknown, p: unknown, excInfo: unknown): null {
    const exc = [...iterate(excInfo)][1];
    if (exc instanceof PermissionError) {
      const resetperms = (q: unknown): void => {
        os.chmod(q, 0o700);
      };
      try {
        if (p !== name) resetperms(path.dirname(p));
        resetperms(p);
        try {
          os.unlink(p);
        } catch (e) {
          if (!(e instanceof IsADirectoryError || e instanceof PermissionError)) throw e;
          removeTree(fspath(p), ignoreErrors);
        }
      } catch (e) {
        if (!(e instanceof FileNotFoundError)) throw e;
      }
    } else if (!(exc instanceof FileNotFoundError) && !ignoreErrors) {
      throw exc;
    }
    return null;
  }, 'func, path, exc_info', 'TemporaryDirectory._rmtree.<locals>.onerror', Q);
  call(rmtree, [name], { onerror });
}

export const TemporaryDirectory = defineClass(Q, 'TemporaryDirectory', [], {
  __init__: pyFunction('self, suffix=, prefix=, dir=, ignore_cleanup_errors=', 'TemporaryDirectory.__init__', Q,
    (obj: Obj, suffix: unknown, prefix: unknown, dir: unknown, ignoreCleanupErrors: unknown) => {
      const name = makeTempDir(suffix, prefix, dir);
      obj['name'] = name;
      obj['_ignore_cleanup_errors'] = ignoreCleanupErrors ?? false;
      pendingDirs.add(name);
      hookExit();
      return null;
    }),
  __repr__: pyFunction('self', 'TemporaryDirectory.__repr__', Q, (obj: Obj) =>
    `<${String(getattr(type(obj), '__name__'))} ${repr(obj['name'])}>`),
  __enter__: pyFunction('self', 'TemporaryDirectory.__enter__', Q, (obj: Obj) => obj['name']),
  __exit__: pyFunction('self, exc, value, tb', 'TemporaryDirectory.__exit__', Q, (obj: Obj) => {
    callMethod(obj, 'cleanup');
    return null;
  }),
  cleanup: pyFunction('self', 'TemporaryDirectory.cleanup', Q, (obj: Obj) => {
    const name = fspath(obj['name']);
    const detached = pendingDirs.delete(name);
    if (detached || path.exists(name)) removeTree(name, truthy(obj['_ignore_cleanup_errors']));
    return null;
  }),
});

// ---------------------------------------------------------------------------
// NamedTemporaryFile, TemporaryFile

const CLOSED = Symbol('pyasync.tempfileClosed');

function closeWrapper(obj: Obj): void {
  if (obj[CLOSED] === true) return;
  obj[CLOSED] = true;
  try {
    callMethod(obj['file'], 'close');
  } finally {
    if (truthy(obj['delete'])) {
      const name = fspath(obj['name']);
      pendingFiles.delete(name);
      os.unlink(name);
    }
  }
}

/** `_TemporaryFileWrapper`: the file's attributes, plus `name`, `delete`, and removal on close. */
export const _TemporaryFileWrapper = defineClass(Q, '_TemporaryFileWrapper', [], {
  __init__: pyFunction('self, file, name, delete=', '_TemporaryFileWrapper.__init__', Q, (obj: Obj, file: unknown, name: unknown, del: unknown) => {
    obj['file'] = file;
    obj['name'] = name;
    obj['delete'] = del ?? true;
    return null;
  }),
  __getattr__: pyFunction('self, name', '_TemporaryFileWrapper.__getattr__', Q, (obj: Obj, name: unknown) => getattr(obj['file'], String(name))),
  __enter__: pyFunction('self', '_TemporaryFileWrapper.__enter__', Q, (obj: Obj) => {
    callMethod(obj['file'], '__enter__');
    return obj;
  }),
  __exit__: pyFunction('self, exc, value, tb', '_TemporaryFileWrapper.__exit__', Q, (obj: Obj, exc: unknown, value: unknown, tb: unknown) => {
    const result = callMethod(obj['file'], '__exit__', exc, value, tb);
    closeWrapper(obj);
    return result;
  }),
  close: pyFunction('self', '_TemporaryFileWrapper.close', Q, (obj: Obj) => {
    closeWrapper(obj);
    return null;
  }),
  __iter__: pyFunction('self', '_TemporaryFileWrapper.__iter__', Q, (obj: Obj) => callMethod(obj['file'], '__iter__')),
});

const FILE_SPEC = 'mode=, buffering=, encoding=, newline=, suffix=, prefix=, dir=';

function openTemp(mode: unknown, buffering: unknown, encoding: unknown, newline: unknown, errors: unknown, fd: number, name: string | null): unknown {
  // The descriptor is made already: the opener hands it to open(), which names the file after `name` (or the descriptor).
  return openFile(name ?? fd, mode ?? 'w+b', buffering ?? -1, encoding ?? null, errors ?? null, newline ?? null, true, name === null ? null : () => fd);
}

export const NamedTemporaryFile = pyFunction(`${FILE_SPEC}, delete=, *, errors=`, 'NamedTemporaryFile', Q,
  (mode: unknown, buffering: unknown, encoding: unknown, newline: unknown, suffix: unknown, prefix: unknown, dir: unknown, del: unknown,
    errors: unknown) => {
    const [suf, pre, d] = sanitize(suffix, prefix, dir);
    const [fd, name] = mkstempInner(d, pre, suf, BIN_FLAGS);
    let file: unknown;
    try {
      file = openTemp(mode, buffering, encoding, newline, errors, fd, name);
    } catch (e) {
      os.close(fd);
      os.unlink(name);
      throw e;
    }
    const deleting = truthy(del ?? true);
    if (deleting) {
      pendingFiles.add(name);
      hookExit();
    }
    return call(_TemporaryFileWrapper, [file, name, del ?? true], null);
  });

/** On Linux a file without a name: made, unlinked at once, and opened by descriptor (its `name` is the descriptor). */
export const TemporaryFile = pyFunction(`${FILE_SPEC}, *, errors=`, 'TemporaryFile', Q,
  (mode: unknown, buffering: unknown, encoding: unknown, newline: unknown, suffix: unknown, prefix: unknown, dir: unknown, errors: unknown) => {
    const [suf, pre, d] = sanitize(suffix, prefix, dir);
    const [fd, name] = mkstempInner(d, pre, suf, BIN_FLAGS);
    try {
      os.unlink(name);
      return openTemp(mode, buffering, encoding, newline, errors, fd, null);
    } catch (e) {
      os.close(fd);
      throw e;
    }
  });

// ---------------------------------------------------------------------------
// SpooledTemporaryFile

type Spooled = Obj & { _file: unknown; _max_size: unknown; _rolled: boolean; _TemporaryFileArgs?: Record<string, unknown> };

function rollover(obj: Spooled): void {
  if (obj._rolled) return;
  const file = obj._file;
  const args = obj._TemporaryFileArgs!;
  const newfile = call(TemporaryFile, [], args);
  obj._file = newfile;
  delete obj._TemporaryFileArgs;
  const pos = callMethod(file, 'tell');
  const value = callMethod(file, 'getvalue');
  callMethod(newfile, 'write', value);
  // A StringIO's position counts characters, the file's bytes.
  const at = typeof value === 'string' ? new TextEncoder().encode(value.slice(0, Number(pos))).length : pos;
  callMethod(newfile, 'seek', at, 0);
  obj._rolled = true;
}

function spooledCheck(obj: Spooled, file: unknown): void {
  if (obj._rolled) return;
  const maxSize = obj._max_size;
  if (truthy(maxSize) && Number(callMethod(file, 'tell')) > Number(maxSize)) rollover(obj);
}

const delegate = (name: string, spec = 'self, *args') =>
  pyFunction(spec, `SpooledTemporaryFile.${name}`, Q, (obj: Spooled, args?: PyTuple) => callMethod(obj._file, name, ...(args ?? [])));

const fileProperty = (name: string) =>
  new PyProperty(pyFunction('self', `SpooledTemporaryFile.${name}`, Q, (obj: Spooled) => getattr(obj._file, name)));

/**
 * SpooledTemporaryFile: in memory (a BytesIO, or for text a StringIO where
 * CPython has a TextIOWrapper over a BytesIO) until it grows past max_size
 * or fileno() is asked for, then a TemporaryFile.
 */
export const SpooledTemporaryFile = defineClass(Q, 'SpooledTemporaryFile', [], {
  _rolled: false,
  __init__: pyFunction(`self, max_size=, ${FILE_SPEC}, *, errors=`, 'SpooledTemporaryFile.__init__', Q,
    (obj: Spooled, maxSize: unknown, mode: unknown, buffering: unknown, encoding: unknown, newline: unknown, suffix: unknown, prefix: unknown,
      dir: unknown, errors: unknown) => {
      const m = mode ?? 'w+b';
      if (typeof m !== 'string') throw new TypeError(`argument of type '${typeName(m)}' is not iterable`);
      obj._file = m.includes('b') ? new BytesIO() : new StringIO('', newline ?? null);
      obj._max_size = maxSize ?? 0;
      obj._rolled = false;
      obj._TemporaryFileArgs = {
        mode: m, buffering: buffering ?? -1, suffix: suffix ?? null, prefix: prefix ?? null, encoding: encoding ?? null,
        newline: newline ?? null, dir: dir ?? null, errors: errors ?? null,
      };
      return null;
    }),
  _check: pyFunction('self, file', 'SpooledTemporaryFile._check', Q, (obj: Spooled, file: unknown) => {
    spooledCheck(obj, file);
    return null;
  }),
  rollover: pyFunction('self', 'SpooledTemporaryFile.rollover', Q, (obj: Spooled) => {
    rollover(obj);
    return null;
  }),
  __enter__: pyFunction('self', 'SpooledTemporaryFile.__enter__', Q, (obj: Spooled) => {
    if (truthy(getattr(obj._file, 'closed'))) throw new ValueError('Cannot enter context with closed file');
    return obj;
  }),
  __exit__: pyFunction('self, exc, value, tb', 'SpooledTemporaryFile.__exit__', Q, (obj: Spooled) => {
    callMethod(obj._file, 'close');
    return null;
  }),
  __iter__: pyFunction('self', 'SpooledTemporaryFile.__iter__', Q, (obj: Spooled) => callMethod(obj._file, '__iter__')),
  close: delegate('close', 'self'),
  closed: fileProperty('closed'),
  encoding: fileProperty('encoding'),
  errors: fileProperty('errors'),
  newlines: fileProperty('newlines'),
  mode: new PyProperty(pyFunction('self', 'SpooledTemporaryFile.mode', Q, (obj: Spooled) =>
    obj._rolled ? getattr(obj._file, 'mode') : obj._TemporaryFileArgs!['mode'])),
  name: new PyProperty(pyFunction('self', 'SpooledTemporaryFile.name', Q, (obj: Spooled) => getattr(obj._file, 'name', null))),
  fileno: pyFunction('self', 'SpooledTemporaryFile.fileno', Q, (obj: Spooled) => {
    rollover(obj);
    return callMethod(obj._file, 'fileno');
  }),
  flush: delegate('flush', 'self'),
  isatty: delegate('isatty', 'self'),
  readable: delegate('readable', 'self'),
  read: delegate('read'),
  read1: delegate('read1'),
  readinto: delegate('readinto'),
  readline: delegate('readline'),
  readlines: delegate('readlines'),
  seekable: delegate('seekable', 'self'),
  seek: delegate('seek'),
  tell: delegate('tell', 'self'),
  writable: delegate('writable', 'self'),
  detach: delegate('detach', 'self'),
  truncate: pyFunction('self, size=', 'SpooledTemporaryFile.truncate', Q, (obj: Spooled, size: unknown) => {
    if (size === undefined || size === null) return callMethod(obj._file, 'truncate');
    if (Number(size) > Number(obj._max_size)) rollover(obj);
    return callMethod(obj._file, 'truncate', size);
  }),
  write: pyFunction('self, s', 'SpooledTemporaryFile.write', Q, (obj: Spooled, s: unknown) => {
    const file = obj._file;
    const rv = callMethod(file, 'write', s);
    spooledCheck(obj, file);
    return rv;
  }),
  writelines: pyFunction('self, iterable', 'SpooledTemporaryFile.writelines', Q, (obj: Spooled, iterable: unknown) => {
    const file = obj._file;
    const rv = callMethod(file, 'writelines', iterable);
    spooledCheck(obj, file);
    return rv;
  }),
});
