/**
 * Python's `os`, for what programs use in Node: the environment, the
 * current directory, directory listing and creation, removing and renaming
 * files, stat, walk, and `os.path` (runtime/modules/os.path.ts).
 */
import { PyGenerator } from '../builtins/generators.js';
import { TypeError } from '../builtins/exceptions.js';
import { PyDict } from '../builtins/dict.js';
import { PyTuple, float as pyFloat, typeName } from '../builtins/values.js';
import { truthy } from '../builtins/truth.js';
import { osError } from '../builtins/io.js';
import * as path from './os.path.js';
import { cwd, fsCall, fspath as toFspath, proc } from './support/os/node.js';
import { StructSequence } from './support/structSequence.js';
import { splitKeywords, checkKeywords } from './support/stdlib/pyclass.js';

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

export function fspath(p: unknown): string {
  return toFspath(p);
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

export function getpid(): number {
  return proc?.pid ?? 0;
}

export function cpu_count(): number | null {
  const n = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency;
  return n ?? null;
}

export function listdir(p: unknown = '.'): string[] {
  const s = toFspath(p);
  return fsCall(s, (fs) => fs.readdirSync(s));
}

export function mkdir(...rest: unknown[]): null {
  const [args, kw] = splitKeywords(rest);
  checkKeywords(kw, ['path', 'mode', 'dir_fd'], 'mkdir');
  const s = toFspath(args[0] ?? kw['path']);
  fsCall(s, (fs) => fs.mkdirSync(s));
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

export const unlink = remove;

export function rmdir(p: unknown): null {
  const s = toFspath(p);
  fsCall(s, (fs) => fs.rmdirSync(s));
  return null;
}

export function rename(src: unknown, dst: unknown): null {
  const a = toFspath(src);
  const b = toFspath(dst);
  fsCall(a, (fs) => fs.renameSync(a, b));
  return null;
}

export const replace = rename;

const STAT_FIELDS = ['st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid', 'st_size', 'st_atime', 'st_mtime', 'st_ctime'];

export function stat(p: unknown): StructSequence {
  const s = toFspath(p);
  const st = fsCall(s, (fs) => fs.statSync(s)!);
  // CPython's tuple holds whole seconds and the attributes floats; here both are the float times.
  const values = [
    st.mode, Number(st.ino), Number(st.dev), st.nlink, st.uid, st.gid, st.size, pyFloat(st.atimeMs / 1000), pyFloat(st.mtimeMs / 1000),
    pyFloat(st.ctimeMs / 1000),
  ];
  const result = new StructSequence('os.stat_result', STAT_FIELDS, values);
  return result;
}

/** os.walk(top, topdown=True): (dirpath, dirnames, filenames) for each directory, top-down by default. */
export function walk(...rest: unknown[]): PyGenerator {
  const [args, kw] = splitKeywords(rest);
  checkKeywords(kw, ['top', 'topdown', 'onerror', 'followlinks'], 'walk');
  const top = toFspath(args[0] ?? kw['top']);
  const topdown = truthy(args[1] ?? kw['topdown'] ?? true);
  function* visit(dir: string): Generator<unknown> {
    let names: string[];
    try {
      names = listdir(dir);
    } catch {
      return;
    }
    const dirs: string[] = [];
    const files: string[] = [];
    for (const n of names) (path.isdir(path.join(dir, n)) && !path.islink(path.join(dir, n)) ? dirs : files).push(n);
    if (topdown) {
      yield PyTuple.fromArray([dir, dirs, files]);
      for (const d of dirs) yield* visit(path.join(dir, d));
    } else {
      for (const d of dirs) yield* visit(path.join(dir, d));
      yield PyTuple.fromArray([dir, dirs, files]);
    }
  }
  // A generator object, as CPython's (its _walk generator function).
  return new PyGenerator(visit(top), '_walk');
}

