/**
 * What os, os.path and pathlib use of Node (`fs`, `process`), found through
 * process.getBuiltinModule so that the runtime has no static Node import;
 * outside Node the functions raise OSError.
 */
import { OSError, TypeError } from '../../../builtins/exceptions.js';
import { typeName } from '../../../builtins/values.js';
import { fromNodeError } from '../../../builtins/io.js';
import { flushAllFiles } from '../../../builtins/files.js';
import { callSpecial, hasSpecial } from '../../../builtins/special.js';

export interface Stats {
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
  size: number;
  mtimeMs: number;
  atimeMs: number;
  ctimeMs: number;
  mode: number;
  ino: number | bigint;
  dev: number | bigint;
  nlink: number;
  uid: number;
  gid: number;
}

export interface Fs {
  statSync(path: string, options?: { throwIfNoEntry?: boolean }): Stats | undefined;
  lstatSync(path: string, options?: { throwIfNoEntry?: boolean }): Stats | undefined;
  readdirSync(path: string): string[];
  mkdirSync(path: string, options?: { recursive?: boolean; mode?: number }): unknown;
  rmdirSync(path: string): void;
  unlinkSync(path: string): void;
  renameSync(from: string, to: string): void;
  realpathSync(path: string): string;
  readFileSync(path: string): Uint8Array;
  writeFileSync(path: string, data: Uint8Array | string): void;
  existsSync(path: string): boolean;
  utimesSync(path: string, atime: Date, mtime: Date): void;
}

interface Process {
  cwd(): string;
  chdir(path: string): void;
  env: Record<string, string | undefined>;
  pid: number;
  getBuiltinModule?(id: string): unknown;
  platform: string;
}

export const proc = (globalThis as { process?: Process }).process;

let fsModule: Fs | null | undefined;

export function fs(): Fs {
  if (fsModule === undefined) fsModule = (proc?.getBuiltinModule?.('fs') as Fs | undefined) ?? null;
  if (fsModule === null) throw new OSError('file system access needs Node');
  return fsModule;
}

/** Runs a file-system call, turning Node's error into CPython's OSError for `filename`. */
export function fsCall<T>(filename: unknown, fn: (fs: Fs) => T): T {
  flushAllFiles();
  try {
    return fn(fs());
  } catch (e) {
    throw fromNodeError(e, filename);
  }
}

export function cwd(): string {
  return proc?.cwd() ?? '/';
}

/** os.fspath(path): a str, or what `__fspath__` returns. */
export function fspath(path: unknown, fname: string | null = null): string {
  if (typeof path === 'string') return path;
  if (path !== null && typeof path === 'object' && hasSpecial(path, '__fspath__')) {
    const r = callSpecial(path, '__fspath__');
    if (typeof r === 'string') return r;
    throw new TypeError(`expected ${typeName(path)}.__fspath__() to return str or bytes, not ${typeName(r)}`);
  }
  if (fname !== null) throw new TypeError(`${fname}: path should be string, bytes or os.PathLike, not ${typeName(path)}`);
  throw new TypeError(`expected str, bytes or os.PathLike object, not ${typeName(path)}`);
}

/** stat() that answers undefined for a missing path (exists(), isfile()…). */
export function statOrNone(path: unknown, follow = true): Stats | undefined {
  let p: string;
  try {
    p = fspath(path);
  } catch {
    return undefined;
  }
  flushAllFiles();
  try {
    return follow ? fs().statSync(p, { throwIfNoEntry: false }) : fs().lstatSync(p, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}
