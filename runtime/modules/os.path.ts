/**
 * Python's `os.path` (POSIX: the module is `posixpath`, as in CPython on
 * Linux and macOS): path arithmetic on str or bytes paths, and queries of
 * the file system through Node.
 *
 * A bytes path is worked on as text of one char per byte (latin-1): the
 * separators and dots posixpath looks for are ASCII, so they are found at
 * the same places, and the result goes back to bytes unchanged.
 */
import { TypeError, ValueError } from '../builtins/exceptions.js';
import { PyBytes, PyTuple, float as pyFloat, typeName, type PyFloat } from '../builtins/values.js';
import { iterate } from '../builtins/iteration.js';
import { bytesToLatin1, latin1ToBytes } from '../builtins/bytes/methods.js';
import { decodeBytes, encodeStr } from '../builtins/str/codecs.js';
import { cwd, fsCall, fspathValue, nodePath, plainPath, proc, statOrNone } from './support/os/node.js';

type PathValue = string | PyBytes;

/** os.fspath(p) as plain str or bytes (a subclass's instance as its value). */
function pathValue(p: unknown): PathValue {
  return plainPath(fspathValue(p))!;
}

/** The text a path is worked on as: a str as it is, bytes one char per byte. */
function textOf(p: PathValue): string {
  return typeof p === 'string' ? p : bytesToLatin1(p.bytes);
}

/** Text worked on back as the kind of path it came from. */
function asPath(text: string, bytes: boolean): PathValue {
  return bytes ? latin1ToBytes(text) : text;
}

/** A str the system gave (the cwd, HOME, a resolved path) as text of the kind asked for: bytes as os.fsencode makes them. */
function systemText(s: string, bytes: boolean): string {
  return bytes ? bytesToLatin1(encodeStr(s, 'utf-8', 'surrogateescape')) : s;
}

/** Path text as Node takes it. */
function nodeText(text: string, bytes: boolean): string {
  return bytes ? decodeBytes(latin1ToBytes(text).bytes, 'utf-8', 'surrogateescape') : text;
}

function mixError(): TypeError {
  return new TypeError("Can't mix strings and bytes in path components");
}

/**
 * genericpath._check_arg_types, run when an operation on several paths
 * failed: a value that is not a str or bytes (an os.PathLike one too) is
 * named, else str and bytes together are refused. It returns when neither
 * applies, the caller raising its own error.
 */
function checkArgTypes(funcname: string, args: readonly unknown[]): void {
  let hasStr = false;
  let hasBytes = false;
  for (const s of args) {
    const value = plainPath(s);
    if (typeof value === 'string') hasStr = true;
    else if (value instanceof PyBytes) hasBytes = true;
    else throw new TypeError(`${funcname}() argument must be str, bytes, or os.PathLike object, not '${typeName(s)}'`);
  }
  if (hasStr && hasBytes) throw mixError();
}

/** The paths of one call, which must all be str or all bytes (as the str and bytes operations of posixpath require). */
function sameKind(funcname: string, raw: readonly unknown[], values: readonly PathValue[]): boolean {
  const bytes = values[0] instanceof PyBytes;
  if (values.some((v) => v instanceof PyBytes !== bytes)) {
    checkArgTypes(funcname, raw);
    throw mixError();
  }
  return bytes;
}

export const __name__ = 'posixpath';
export const sep = '/';
export const curdir = '.';
export const pardir = '..';
export const extsep = '.';
export const pathsep = ':';
export const altsep = null;
export const defpath = '/bin:/usr/bin';
export const devnull = '/dev/null';

export function join(a: string, ...p: string[]): string;
export function join(a: unknown, ...p: unknown[]): unknown;
export function join(a: unknown, ...p: unknown[]): unknown {
  const first = fspathValue(a);
  if (p.length === 0) return first;
  const start = plainPath(first)!;
  const bytes = start instanceof PyBytes;
  let path = textOf(start);
  for (const part of p) {
    let b: PathValue;
    try {
      b = pathValue(part);
      if (b instanceof PyBytes !== bytes) throw mixError();
    } catch (e) {
      if (e instanceof TypeError) checkArgTypes('join', [first, ...p]);
      throw e;
    }
    const text = textOf(b);
    if (text.startsWith('/')) path = text;
    else if (path === '' || path.endsWith('/')) path += text;
    else path += '/' + text;
  }
  return asPath(path, bytes);
}

function splitText(s: string): [string, string] {
  const i = s.lastIndexOf('/') + 1;
  let head = s.slice(0, i);
  const tail = s.slice(i);
  if (head !== '' && head !== '/'.repeat(head.length)) head = head.replace(/\/+$/, '');
  return [head, tail];
}

export function split(p: unknown): PyTuple {
  const v = pathValue(p);
  const bytes = v instanceof PyBytes;
  const [head, tail] = splitText(textOf(v));
  return PyTuple.fromArray([asPath(head, bytes), asPath(tail, bytes)]);
}

export function splitext(p: unknown): PyTuple {
  const v = pathValue(p);
  const bytes = v instanceof PyBytes;
  const s = textOf(v);
  const slash = s.lastIndexOf('/');
  const dot = s.lastIndexOf('.');
  if (dot > slash) {
    // Leading dots of the name do not start an extension (`.bashrc`).
    let i = slash + 1;
    while (i < dot && s[i] === '.') i++;
    if (i < dot) return PyTuple.fromArray([asPath(s.slice(0, dot), bytes), asPath(s.slice(dot), bytes)]);
  }
  return PyTuple.fromArray([v, asPath('', bytes)]);
}

export function basename(p: string): string;
export function basename(p: unknown): unknown;
export function basename(p: unknown): unknown {
  const v = pathValue(p);
  const s = textOf(v);
  return asPath(s.slice(s.lastIndexOf('/') + 1), v instanceof PyBytes);
}

export function dirname(p: string): string;
export function dirname(p: unknown): unknown;
export function dirname(p: unknown): unknown {
  const v = pathValue(p);
  return asPath(splitText(textOf(v))[0], v instanceof PyBytes);
}

export function isabs(p: unknown): boolean {
  return textOf(pathValue(p)).startsWith('/');
}

function normText(s: string): string {
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

export function normpath(p: string): string;
export function normpath(p: unknown): unknown;
export function normpath(p: unknown): unknown {
  const v = pathValue(p);
  return asPath(normText(textOf(v)), v instanceof PyBytes);
}

/** abspath's text: relative to the cwd (os.getcwdb() for bytes). */
function absText(s: string, bytes: boolean): string {
  if (s.startsWith('/')) return normText(s);
  const base = systemText(cwd(), bytes);
  return normText(base === '' || base.endsWith('/') ? base + s : `${base}/${s}`);
}

export function abspath(p: string): string;
export function abspath(p: unknown): unknown;
export function abspath(p: unknown): unknown {
  const v = pathValue(p);
  const bytes = v instanceof PyBytes;
  return asPath(absText(textOf(v), bytes), bytes);
}

export function realpath(p: string): string;
export function realpath(p: unknown): unknown;
export function realpath(p: unknown): unknown {
  const v = pathValue(p);
  const bytes = v instanceof PyBytes;
  const s = absText(textOf(v), bytes);
  let resolved = s;
  try {
    const target = nodeText(s, bytes);
    resolved = systemText(fsCall(target, (fs) => fs.realpathSync(target)), bytes);
  } catch {
    // A path that does not resolve (missing) stays as abspath made it.
  }
  return asPath(resolved, bytes);
}

export function relpath(p: string, start?: string | null): string;
export function relpath(p: unknown, start?: unknown): unknown;
export function relpath(p: unknown, start: unknown = null): unknown {
  const v = pathValue(p);
  const bytes = v instanceof PyBytes;
  if (textOf(v) === '') throw new ValueError('no path specified');
  const from = start === null ? asPath('.', bytes) : pathValue(start);
  sameKind('relpath', [v, from], [v, from]);
  const fromParts = absText(textOf(from), bytes).split('/').filter((x) => x !== '');
  const to = absText(textOf(v), bytes).split('/').filter((x) => x !== '');
  let i = 0;
  while (i < fromParts.length && i < to.length && fromParts[i] === to[i]) i++;
  const parts = [...new Array<string>(fromParts.length - i).fill('..'), ...to.slice(i)];
  return asPath(parts.length === 0 ? '.' : parts.join('/'), bytes);
}

export function expanduser(p: string): string;
export function expanduser(p: unknown): unknown;
export function expanduser(p: unknown): unknown {
  const original = fspathValue(p);
  const v = plainPath(original)!;
  const s = textOf(v);
  if (!s.startsWith('~')) return original;
  const i = s.indexOf('/', 1);
  const end = i < 0 ? s.length : i;
  if (end !== 1) return original;
  const bytes = v instanceof PyBytes;
  const home = systemText(proc?.env['HOME'] ?? '/', bytes);
  return asPath((home.replace(/\/+$/, '') + s.slice(end)) || '/', bytes);
}

export function commonprefix(m: unknown): unknown {
  const values = [...iterate(m)].map((x) => pathValue(x));
  if (values.length === 0) return '';
  const bytes = values[0] instanceof PyBytes;
  // min() and max() of str and bytes together: the first of the other kind is compared with the first item.
  const other = values.find((v) => v instanceof PyBytes !== bytes);
  if (other !== undefined) {
    throw new TypeError(`'<' not supported between instances of '${typeName(other)}' and '${typeName(values[0])}'`);
  }
  const items = values.map(textOf);
  let prefix = items[0]!;
  for (const s of items) while (!s.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return asPath(prefix, bytes);
}

export function commonpath(paths: unknown): unknown {
  const values = [...iterate(paths)].map((x) => pathValue(x));
  if (values.length === 0) throw new ValueError('commonpath() arg is an empty sequence');
  const bytes = sameKind('commonpath', values, values);
  const items = values.map(textOf);
  const absolute = items.map((s) => s.startsWith('/'));
  if (absolute.some((a) => a !== absolute[0])) throw new ValueError("Can't mix absolute and relative paths");
  const split = items.map((s) => s.split('/').filter((c) => c !== '' && c !== '.'));
  const common: string[] = [];
  for (let i = 0; split.every((parts) => i < parts.length && parts[i] === split[0]![i]); i++) common.push(split[0]![i]!);
  return asPath((absolute[0] ? '/' : '') + common.join('/'), bytes);
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

/** A stat of the path, its errors naming the path as given (a bytes one as bytes). */
function statOf(p: unknown): { size: number; mtimeMs: number; atimeMs: number; ctimeMs: number; ino: number | bigint; dev: number | bigint } {
  const v = pathValue(p);
  const target = nodePath(v);
  return fsCall(v, (fs) => fs.statSync(target)!);
}

export function getsize(p: unknown): number {
  return statOf(p).size;
}

export function getmtime(p: unknown): number | PyFloat {
  return pyFloat(statOf(p).mtimeMs / 1000);
}

export function getatime(p: unknown): number | PyFloat {
  return pyFloat(statOf(p).atimeMs / 1000);
}

export function getctime(p: unknown): number | PyFloat {
  return pyFloat(statOf(p).ctimeMs / 1000);
}

export function samefile(f1: unknown, f2: unknown): boolean {
  const sa = statOf(f1);
  const sb = statOf(f2);
  return sa.ino === sb.ino && sa.dev === sb.dev;
}

/** POSIX has no drives: the drive is always empty. */
export function splitdrive(p: unknown): PyTuple {
  const original = fspathValue(p);
  return PyTuple.fromArray([asPath('', plainPath(original) instanceof PyBytes), original]);
}

/** POSIX paths are case-sensitive: the path as it is. */
export function normcase(p: unknown): unknown {
  return fspathValue(p);
}

/** True on macOS only, as posixpath's. */
export const supports_unicode_filenames = proc?.platform === 'darwin';

/** `$name` and `${name}` replaced by environment variables (os.environb's for bytes); unknown ones left as they are. */
export function expandvars(p: unknown): unknown {
  const original = fspathValue(p);
  const v = plainPath(original)!;
  const bytes = v instanceof PyBytes;
  let path = textOf(v);
  if (!path.includes('$')) return original;
  const varprog = /\$([A-Za-z0-9_]+|\{[^}]*\})/g;
  let i = 0;
  for (;;) {
    varprog.lastIndex = i;
    const m = varprog.exec(path);
    if (m === null) break;
    const j = m.index + m[0].length;
    let name = m[1]!;
    if (name.startsWith('{') && name.endsWith('}')) name = name.slice(1, -1);
    const found = proc?.env[nodeText(name, bytes)];
    if (found === undefined) {
      i = j;
    } else {
      const tail = path.slice(j);
      path = path.slice(0, m.index) + systemText(found, bytes);
      i = path.length;
      path += tail;
    }
  }
  return asPath(path, bytes);
}
