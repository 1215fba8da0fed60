/**
 * What os, os.path and pathlib use of Node (`fs`, `process`), found through
 * process.getBuiltinModule so that the runtime has no static Node import;
 * outside Node the functions raise OSError.
 */
import { OSError, TypeError } from '../../../builtins/exceptions.js';
import { BASE_VALUE, PyBoxed, PyBytes, typeName } from '../../../builtins/values.js';
import { decodeBytes } from '../../../builtins/str/codecs.js';
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

/** A directory entry as the OS reports it (its type from d_type, without a stat). */
export interface Dirent {
  name: string;
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}

export interface Dir {
  readSync(): Dirent | null;
  closeSync(): void;
}

/** Node's stats with `{ bigint: true }`: exact nanosecond times. */
export interface BigStats {
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
  mode: bigint;
  ino: bigint;
  dev: bigint;
  nlink: bigint;
  uid: bigint;
  gid: bigint;
  size: bigint;
  rdev: bigint;
  blksize: bigint;
  blocks: bigint;
  atimeNs: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
}

export interface Fs {
  opendirSync(path: string): Dir;
  statSync(path: string, options: { bigint: true }): BigStats;
  lstatSync(path: string, options: { bigint: true }): BigStats;
  fstatSync(fd: number, options: { bigint: true }): BigStats;
  accessSync(path: string, mode: number): void;
  chmodSync(path: string, mode: number): void;
  lchmodSync?(path: string, mode: number): void;
  lutimesSync(path: string, atime: number, mtime: number): void;
  symlinkSync(target: string, path: string): void;
  readlinkSync(path: string): string;
  linkSync(existing: string, path: string): void;
  openSync(path: string, flags: number, mode?: number): number;
  closeSync(fd: number): void;
  readSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: number | bigint | null): number;
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number, position?: number | null): number;
  ftruncateSync(fd: number, len: number): void;
  statfsSync(path: string): { bsize: number; blocks: number; bfree: number; bavail: number };
  constants: Record<string, number>;
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
  utimesSync(path: string, atime: Date | number, mtime: Date | number): void;
}

interface Process {
  cwd(): string;
  chdir(path: string): void;
  env: Record<string, string | undefined>;
  pid: number;
  getBuiltinModule?(id: string): unknown;
  platform: string;
  ppid?: number;
  getuid?(): number;
  getgid?(): number;
  geteuid?(): number;
  getegid?(): number;
  umask?(mask?: number): number;
  stdout?: { isTTY?: boolean; columns?: number; rows?: number };
  stderr?: { isTTY?: boolean; columns?: number; rows?: number };
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

/** A str or bytes value (a subclass's instance too) as its plain str or bytes, else null. */
export function plainPath(v: unknown): string | PyBytes | null {
  if (typeof v === 'string' || v instanceof PyBytes) return v;
  if (v instanceof PyBoxed) {
    const base = v[BASE_VALUE];
    if (typeof base === 'string' || base instanceof PyBytes) return base;
  }
  return null;
}

/**
 * os.fspath(path), CPython's PyOS_FSPath: a str or bytes as it is (a
 * subclass's instance too), else what its `__fspath__` returns, which must
 * be a str or bytes.
 */
export function fspathValue(path: unknown, fname: string | null = null): unknown {
  if (plainPath(path) !== null) return path;
  if (path !== null && typeof path === 'object' && hasSpecial(path, '__fspath__')) {
    const r = callSpecial(path, '__fspath__');
    if (plainPath(r) !== null) return r;
    throw new TypeError(`expected ${typeName(path)}.__fspath__() to return str or bytes, not ${typeName(r)}`);
  }
  if (fname !== null) throw new TypeError(`${fname}: path should be string, bytes or os.PathLike, not ${typeName(path)}`);
  throw new TypeError(`expected str, bytes or os.PathLike object, not ${typeName(path)}`);
}

/** A str path for the modules that take str paths only: a str, or what `__fspath__` returns. */
export function fspath(path: unknown, fname: string | null = null): string {
  if (typeof path === 'string') return path;
  const value = plainPath(fspathValue(path, fname));
  if (typeof value === 'string') return value;
  if (fname !== null) throw new TypeError(`${fname}: path should be string, bytes or os.PathLike, not ${typeName(path)}`);
  throw new TypeError(`expected str, bytes or os.PathLike object, not ${typeName(path)}`);
}

/** A str or bytes path as Node takes it: bytes decoded as the file system's encoding (UTF-8, surrogateescape). */
export function nodePath(path: string | PyBytes): string {
  return typeof path === 'string' ? path : decodeBytes(path.bytes, 'utf-8', 'surrogateescape');
}

/** stat() that answers undefined for a missing path (exists(), isfile()…). */
export function statOrNone(path: unknown, follow = true): Stats | undefined {
  let p: string;
  try {
    p = nodePath(plainPath(fspathValue(path))!);
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

/**
 * An open directory giving its entries in the OS's order (readdir's, as
 * CPython's scandir and listdir give them; Node's readdirSync sorts). Opening
 * raises at once for a missing directory, as CPython's scandir().
 */
export class DirectoryReader {
  private dir: Dir | null;

  constructor(readonly path: string) {
    this.dir = fsCall(path, (f) => f.opendirSync(path));
  }

  /** The next entry, or null at the end (the directory is then closed). */
  read(): Dirent | null {
    const dir = this.dir;
    if (dir === null) return null;
    const entry = fsCall(this.path, () => dir.readSync());
    if (entry === null) this.close();
    return entry;
  }

  close(): void {
    if (this.dir !== null) this.dir.closeSync();
    this.dir = null;
  }
}

/** All the entries of a directory, in the OS's order. */
export function readDirectory(dirPath: string): Dirent[] {
  const reader = new DirectoryReader(dirPath);
  const out: Dirent[] = [];
  try {
    for (let e = reader.read(); e !== null; e = reader.read()) out.push(e);
  } finally {
    reader.close();
  }
  return out;
}

/** os.listdir: the names in a directory, in the OS's order. */
export function listNames(dirPath: string): string[] {
  return readDirectory(dirPath).map((e) => e.name);
}

/** fsCall for a call naming two paths (rename, link, symlink): CPython's error shows both, `'a' -> 'b'`. */
export function fsCall2<T>(filename: unknown, filename2: unknown, fn: (fs: Fs) => T): T {
  flushAllFiles();
  try {
    return fn(fs());
  } catch (e) {
    const error = fromNodeError(e, filename);
    if (error instanceof OSError) (error as { filename2: unknown }).filename2 = filename2;
    throw error;
  }
}
