/**
 * Python's `os.path` (POSIX: the module is `posixpath`, as in CPython on
 * Linux and macOS): path arithmetic on strings, and queries of the file
 * system through Node.
 */
import { TypeError, ValueError } from '../builtins/exceptions.js';
import { PyTuple, float as pyFloat, typeName, type PyFloat } from '../builtins/values.js';
import { iterate } from '../builtins/iteration.js';
import { cwd, fsCall, fspath, proc, statOrNone } from './support/os/node.js';

export const __name__ = 'posixpath';
export const sep = '/';
export const curdir = '.';
export const pardir = '..';
export const extsep = '.';
export const pathsep = ':';
export const altsep = null;
export const defpath = '/bin:/usr/bin';
export const devnull = '/dev/null';

export function join(a: unknown, ...p: unknown[]): string {
  let path = fspath(a);
  for (const part of p) {
    let b: string;
    try {
      b = fspath(part);
    } catch {
      throw new TypeError(`join() argument must be str, bytes, or os.PathLike object, not '${typeName(part)}'`);
    }
    if (b.startsWith('/')) path = b;
    else if (path === '' || path.endsWith('/')) path += b;
    else path += '/' + b;
  }
  return path;
}

export function split(p: unknown): PyTuple {
  const s = fspath(p);
  const i = s.lastIndexOf('/') + 1;
  let head = s.slice(0, i);
  const tail = s.slice(i);
  if (head !== '' && head !== '/'.repeat(head.length)) head = head.replace(/\/+$/, '');
  return PyTuple.fromArray([head, tail]);
}

export function splitext(p: unknown): PyTuple {
  const s = fspath(p);
  const slash = s.lastIndexOf('/');
  const dot = s.lastIndexOf('.');
  if (dot > slash) {
    // Leading dots of the name do not start an extension (`.bashrc`).
    let i = slash + 1;
    while (i < dot && s[i] === '.') i++;
    if (i < dot) return PyTuple.fromArray([s.slice(0, dot), s.slice(dot)]);
  }
  return PyTuple.fromArray([s, '']);
}

export function basename(p: unknown): string {
  const s = fspath(p);
  return s.slice(s.lastIndexOf('/') + 1);
}

export function dirname(p: unknown): string {
  return split(p)[0] as string;
}

export function isabs(p: unknown): boolean {
  return fspath(p).startsWith('/');
}

export function normpath(p: unknown): string {
  const s = fspath(p);
  if (s === '') return '.';
  const initial = s.startsWith('//') && !s.startsWith('///') ? 2 : s.startsWith('/') ? 1 : 0;
  const parts: string[] = [];
  for (const comp of s.split('/')) {
    if (comp === '' || comp === '.') continue;
    if (comp !== '..' || (initial === 0 && parts.length === 0) || (parts.length > 0 && parts[parts.length - 1] === '..')) parts.push(comp);
    else if (parts.length > 0) parts.pop();
  }
  const out = '/'.repeat(initial) + parts.join('/');
  return out === '' ? '.' : out;
}

export function abspath(p: unknown): string {
  const s = fspath(p);
  return normpath(s.startsWith('/') ? s : join(cwd(), s));
}

export function realpath(p: unknown): string {
  const s = abspath(p);
  try {
    return fsCall(s, (fs) => fs.realpathSync(s));
  } catch {
    return s;
  }
}

export function relpath(p: unknown, start: unknown = null): string {
  const s = fspath(p);
  if (s === '') throw new ValueError('no path specified');
  const from = abspath(start === null ? curdir : start).split('/').filter((x) => x !== '');
  const to = abspath(s).split('/').filter((x) => x !== '');
  let i = 0;
  while (i < from.length && i < to.length && from[i] === to[i]) i++;
  const parts = [...new Array<string>(from.length - i).fill('..'), ...to.slice(i)];
  return parts.length === 0 ? curdir : parts.join('/');
}

export function expanduser(p: unknown): string {
  const s = fspath(p);
  if (!s.startsWith('~')) return s;
  const i = s.indexOf('/', 1);
  const end = i < 0 ? s.length : i;
  if (end !== 1) return s;
  const home = proc?.env['HOME'] ?? '/';
  return (home.replace(/\/+$/, '') || '/') + s.slice(end);
}

export function commonprefix(m: unknown): string {
  const items = [...iterate(m)].map((x) => fspath(x));
  if (items.length === 0) return '';
  let prefix = items[0]!;
  for (const s of items) while (!s.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

export function commonpath(paths: unknown): string {
  const items = [...iterate(paths)].map((x) => fspath(x));
  if (items.length === 0) throw new ValueError('commonpath() arg is an empty sequence');
  const absolute = items.map((s) => s.startsWith('/'));
  if (absolute.some((a) => a !== absolute[0])) throw new ValueError("Can't mix absolute and relative paths");
  const split = items.map((s) => s.split('/').filter((c) => c !== '' && c !== '.'));
  const common: string[] = [];
  for (let i = 0; split.every((parts) => i < parts.length && parts[i] === split[0]![i]); i++) common.push(split[0]![i]!);
  return (absolute[0] ? '/' : '') + common.join('/');
}

export function exists(p: unknown): boolean {
  return statOrNone(p) !== undefined;
}

export function lexists(p: unknown): boolean {
  return statOrNone(p, false) !== undefined;
}

export function isfile(p: unknown): boolean {
  return statOrNone(p)?.isFile() ?? false;
}

export function isdir(p: unknown): boolean {
  return statOrNone(p)?.isDirectory() ?? false;
}

export function islink(p: unknown): boolean {
  return statOrNone(p, false)?.isSymbolicLink() ?? false;
}

export function getsize(p: unknown): number {
  const s = fspath(p);
  return fsCall(s, (fs) => fs.statSync(s)!.size);
}

export function getmtime(p: unknown): number | PyFloat {
  const s = fspath(p);
  return pyFloat(fsCall(s, (fs) => fs.statSync(s)!.mtimeMs) / 1000);
}

export function getatime(p: unknown): number | PyFloat {
  const s = fspath(p);
  return pyFloat(fsCall(s, (fs) => fs.statSync(s)!.atimeMs) / 1000);
}

export function getctime(p: unknown): number | PyFloat {
  const s = fspath(p);
  return pyFloat(fsCall(s, (fs) => fs.statSync(s)!.ctimeMs) / 1000);
}

export function samefile(f1: unknown, f2: unknown): boolean {
  const a = fspath(f1);
  const b = fspath(f2);
  const sa = fsCall(a, (fs) => fs.statSync(a)!);
  const sb = fsCall(b, (fs) => fs.statSync(b)!);
  return sa.ino === sb.ino && sa.dev === sb.dev;
}

/** POSIX has no drives: the drive is always empty. */
export function splitdrive(p: unknown): PyTuple {
  return PyTuple.fromArray([fspath(p).slice(0, 0), fspath(p)]);
}

/** POSIX paths are case-sensitive: the path as it is. */
export function normcase(p: unknown): string {
  return fspath(p);
}

/** True on macOS only, as posixpath's. */
export const supports_unicode_filenames = proc?.platform === 'darwin';

/** `$name` and `${name}` replaced by environment variables; unknown ones left as they are. */
export function expandvars(p: unknown): string {
  let path = fspath(p);
  if (!path.includes('$')) return path;
  const varprog = /\$([A-Za-z0-9_]+|\{[^}]*\})/g;
  let i = 0;
  for (;;) {
    varprog.lastIndex = i;
    const m = varprog.exec(path);
    if (m === null) break;
    const j = m.index + m[0].length;
    let name = m[1]!;
    if (name.startsWith('{') && name.endsWith('}')) name = name.slice(1, -1);
    const value = proc?.env[name];
    if (value === undefined) {
      i = j;
    } else {
      const tail = path.slice(j);
      path = path.slice(0, m.index) + value;
      i = path.length;
      path += tail;
    }
  }
  return path;
}
