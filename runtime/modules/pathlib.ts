/**
 * Python's `pathlib` (POSIX flavour): PurePath/PurePosixPath for path
 * arithmetic, Path/PosixPath adding file-system access through Node.
 * `Path(...)` makes a PosixPath, as CPython does on Linux and macOS.
 */
import { DeprecationWarning, TypeError, ValueError } from '../builtins/exceptions.js';
import { warnCaller } from './support/warnings/fromRuntime.js';
import { pyFunction } from './support/pydef.js';
import { PyBytes, PyTuple, typeName } from '../builtins/values.js';
import { callMethod } from '../builtins/attributes.js';
import { PyGenerator } from '../builtins/generators.js';
import { encodeStr } from '../builtins/str/codecs.js';
import { PyClassMethod, PyProperty, PyStaticMethod, isinstance, pyClassOf, type PyClass } from '../builtins/classes.js';
import { NotImplemented } from '../builtins/notImplemented.js';
import { repr } from '../builtins/repr.js';
import { pyHash } from '../builtins/equality.js';
import { truthy } from '../builtins/truth.js';
import { open as openFile } from '../builtins/files.js';
import { call } from '../builtins/calls.js';
import { osError } from '../builtins/io.js';
import { cwd, fsCall, fspath, listNames, proc, statOrNone } from './support/os/node.js';
import { checkKeywords, defineClass, newInstance, splitKeywords } from './support/stdlib/pyclass.js';
import * as ospath from './os.path.js';
import { statPath } from './support/os/stat.js';
import { isBytesLike } from '../builtins/buffer.js';

export const __name__ = 'pathlib';

type PathObj = Record<string, unknown> & { _str: string };

/** Joins and normalises segments as pathlib does: no `.` parts, no doubled or trailing slashes. */
function parse(segments: unknown[]): string {
  let root = '';
  const parts: string[] = [];
  for (const seg of segments) {
    let s: string;
    if (isPath(seg)) s = (seg as PathObj)._str;
    else if (typeof seg === 'string') s = seg;
    else {
      try {
        s = fspath(seg);
      } catch {
        throw new TypeError(`expected str, bytes or os.PathLike object, not ${typeName(seg)}`);
      }
    }
    if (s.startsWith('/')) {
      root = s.startsWith('//') && !s.startsWith('///') ? '//' : '/';
      parts.length = 0;
    }
    for (const p of s.split('/')) if (p !== '' && p !== '.') parts.push(p);
  }
  const joined = root + parts.join('/');
  return joined === '' ? '.' : joined;
}

function isPath(v: unknown): boolean {
  return isinstance(v, PurePath);
}

function make(cls: unknown, s: string): PathObj {
  const p = newInstance(cls) as PathObj;
  p._str = s;
  return p;
}

function partsOf(s: string): string[] {
  if (s === '.') return [];
  const root = s.startsWith('//') && !s.startsWith('///') ? '//' : s.startsWith('/') ? '/' : '';
  const rest = s.slice(root.length).split('/').filter((x) => x !== '');
  return root === '' ? rest : [root, ...rest];
}

function nameOf(s: string): string {
  const parts = partsOf(s);
  const last = parts[parts.length - 1] ?? '';
  return last.startsWith('/') ? '' : last;
}

function suffixOf(name: string): string {
  const i = name.lastIndexOf('.');
  return i > 0 && i < name.length - 1 ? name.slice(i) : '';
}

function parentOf(s: string): string {
  const parts = partsOf(s);
  if (parts.length === 0) return '.';
  if (parts.length === 1) return parts[0]!.startsWith('/') ? parts[0]! : '.';
  const [first, ...rest] = parts;
  rest.pop();
  if (first!.startsWith('/')) return first! + rest.join('/');
  return [first, ...rest].join('/');
}

function typeOfPath(self: unknown): PyClass {
  return pyClassOf(self)!;
}

function prop(fget: (self: PathObj) => unknown): PyProperty {
  return new PyProperty(fget);
}

const pureMembers: Record<string, unknown> = {
  __new__: new PyStaticMethod((cls: unknown, ...args: unknown[]) => {
    const target = cls === PurePath ? PurePosixPath : cls === Path ? PosixPath : cls;
    return make(target, parse(args));
  }),
  __str__(this: PathObj): string {
    return this._str;
  },
  // os.fsencode of the path: UTF-8, with surrogateescape.
  __bytes__(this: PathObj): PyBytes {
    return new PyBytes(encodeStr(this._str, 'utf-8', 'surrogateescape'));
  },
  __fspath__(this: PathObj): string {
    return this._str;
  },
  __repr__(this: PathObj): string {
    return `${typeOfPath(this).__name__}(${repr(this._str)})`;
  },
  __truediv__(this: PathObj, other: unknown): unknown {
    if (typeof other !== 'string' && !isPath(other)) return NotImplemented;
    return make(typeOfPath(this), parse([this, other]));
  },
  __rtruediv__(this: PathObj, other: unknown): unknown {
    if (typeof other !== 'string' && !isPath(other)) return NotImplemented;
    return make(typeOfPath(this), parse([other, this]));
  },
  __eq__(this: PathObj, other: unknown): unknown {
    if (!isPath(other)) return NotImplemented;
    return this._str === (other as PathObj)._str;
  },
  __hash__(this: PathObj): unknown {
    return pyHash(this._str);
  },
  __lt__(this: PathObj, other: unknown): unknown {
    return isPath(other) ? comparePaths(this, other as PathObj) < 0 : NotImplemented;
  },
  __le__(this: PathObj, other: unknown): unknown {
    return isPath(other) ? comparePaths(this, other as PathObj) <= 0 : NotImplemented;
  },
  __gt__(this: PathObj, other: unknown): unknown {
    return isPath(other) ? comparePaths(this, other as PathObj) > 0 : NotImplemented;
  },
  __ge__(this: PathObj, other: unknown): unknown {
    return isPath(other) ? comparePaths(this, other as PathObj) >= 0 : NotImplemented;
  },
  name: prop((self) => nameOf(self._str)),
  suffix: prop((self) => suffixOf(nameOf(self._str))),
  suffixes: prop((self) => {
    const name = nameOf(self._str);
    if (name.endsWith('.')) return [];
    const stripped = name.replace(/^\.+/, '');
    return stripped.split('.').slice(1).map((s) => '.' + s);
  }),
  stem: prop((self) => {
    const name = nameOf(self._str);
    const suffix = suffixOf(name);
    return suffix === '' ? name : name.slice(0, -suffix.length);
  }),
  parent: prop((self) => make(typeOfPath(self), parentOf(self._str))),
  parents: prop((self) => {
    const out: PathObj[] = [];
    let s = self._str;
    for (let p = parentOf(s); p !== s; s = p, p = parentOf(s)) out.push(make(typeOfPath(self), p));
    return PyTuple.fromArray(out);
  }),
  parts: prop((self) => PyTuple.fromArray(partsOf(self._str))),
  drive: prop(() => ''),
  root: prop((self) => (self._str.startsWith('/') ? (self._str.startsWith('//') && !self._str.startsWith('///') ? '//' : '/') : '')),
  anchor: prop((self) => (self._str.startsWith('/') ? (self._str.startsWith('//') && !self._str.startsWith('///') ? '//' : '/') : '')),
  is_absolute(this: PathObj): boolean {
    return this._str.startsWith('/');
  },
  joinpath(this: PathObj, ...others: unknown[]): PathObj {
    return make(typeOfPath(this), parse([this, ...others]));
  },
  with_name(this: PathObj, name: unknown): PathObj {
    if (nameOf(this._str) === '') throw new ValueError(`${repr(this)} has an empty name`);
    if (typeof name !== 'string' || name === '' || name.includes('/') || name === '.') throw new ValueError(`Invalid name ${repr(name)}`);
    return make(typeOfPath(this), parse([parentOf(this._str), name]));
  },
  with_suffix(this: PathObj, suffix: unknown): PathObj {
    if (typeof suffix !== 'string') throw new TypeError(`expected str, not ${typeName(suffix)}`);
    if (suffix.includes('/') || (suffix !== '' && (!suffix.startsWith('.') || suffix === '.'))) throw new ValueError(`Invalid suffix ${repr(suffix)}`);
    const name = nameOf(this._str);
    if (name === '') throw new ValueError(`${repr(this)} has an empty name`);
    const old = suffixOf(name);
    const stem = old === '' ? name : name.slice(0, -old.length);
    return make(typeOfPath(this), parse([parentOf(this._str), stem + suffix]));
  },
  with_stem(this: PathObj, stem: unknown): PathObj {
    return (this['with_name'] as (n: unknown) => PathObj).call(this, String(stem) + suffixOf(nameOf(this._str)));
  },
  relative_to(this: PathObj, ...others: unknown[]): PathObj {
    const base = parse(others);
    const mine = partsOf(this._str);
    const theirs = partsOf(base);
    const ok = theirs.length <= mine.length && theirs.every((p, i) => p === mine[i]);
    if (!ok) {
      throw new ValueError(`${repr(this._str)} is not in the subpath of ${repr(base)} OR one path is relative and the other is absolute.`);
    }
    return make(typeOfPath(this), parse(mine.slice(theirs.length)));
  },
  is_relative_to(this: PathObj, ...others: unknown[]): boolean {
    const mine = partsOf(this._str);
    const theirs = partsOf(parse(others));
    return theirs.length <= mine.length && theirs.every((p, i) => p === mine[i]);
  },
  as_posix(this: PathObj): string {
    return this._str;
  },
  as_uri(this: PathObj): string {
    if (!this._str.startsWith('/')) throw new ValueError("relative path can't be expressed as a file URI");
    return 'file://' + quoteFromBytes(encodeStr(this._str, 'utf-8', 'surrogateescape'));
  },
  is_reserved(): boolean {
    return false;
  },
  match(this: PathObj, pattern: unknown): boolean {
    const pat = partsOf(String(pattern));
    const mine = partsOf(this._str);
    if (pat.length > mine.length) return false;
    const tail = mine.slice(mine.length - pat.length);
    return pat.every((p, i) => globRegex(p).test(tail[i]!));
  },
};

/** The paths under `self` that `pattern` matches (`**` for any depth of directories), as Path.glob lists them. */
function globPaths(self: PathObj, pat: string): PathObj[] {
  const cls = typeOfPath(self);
  const out: PathObj[] = [];
  const walk = (dir: string, parts: string[]): void => {
    if (parts.length === 0) return;
    const [head, ...tail] = parts as [string, ...string[]];
    let names: string[];
    try {
      names = listNames(dir);
    } catch {
      return;
    }
    if (head === '**') {
      walk(dir, tail);
      for (const n of names) if (ospath.isdir(ospath.join(dir, n))) walk(ospath.join(dir, n), parts);
      return;
    }
    const re = globRegex(head);
    for (const n of names) {
      if (!re.test(n) || (n.startsWith('.') && !head.startsWith('.'))) continue;
      const full = ospath.join(dir, n);
      if (tail.length === 0) out.push(make(cls, parse([self._str === '.' ? '' : self._str, ospath.relpath(full, self._str)])));
      else if (ospath.isdir(full)) walk(full, tail);
    }
  };
  walk(self._str, pat.split('/').filter((p) => p !== ''));
  return out;
}

/** urllib.parse.quote_from_bytes(b, safe='/'): unreserved bytes as they are, others %XX. */
function quoteFromBytes(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9_.\-~/]/.test(c) ? c : '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** The arguments of a method taking `names` positionally or by keyword (undefined when not given). */
function namedArgs(rest: unknown[], names: readonly string[], fname: string): unknown[] {
  const [args, kw] = splitKeywords(rest);
  checkKeywords(kw, names, fname);
  if (args.length > names.length) {
    throw new TypeError(`${fname}() takes from 1 to ${names.length + 1} positional arguments but ${args.length + 1} were given`);
  }
  return names.map((n, i) => (i < args.length ? args[i] : kw[n]));
}

/** Opens the path with the builtin open(), runs `use` on the file and closes it, as pathlib's `with self.open(...)`. */
function withFile(self: PathObj, args: unknown[], kw: Record<string, unknown>, use: (f: unknown) => unknown): unknown {
  const given: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(kw)) if (v !== undefined) given[k] = v;
  const f = call(openFile, [self._str, ...args], Object.keys(given).length > 0 ? given : null);
  try {
    return use(f);
  } finally {
    callMethod(f, 'close');
  }
}

function comparePaths(a: PathObj, b: PathObj): number {
  const pa = partsOf(a._str);
  const pb = partsOf(b._str);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] !== pb[i]) return pa[i]! < pb[i]! ? -1 : 1;
  }
  return pa.length - pb.length;
}

function globRegex(pattern: string): RegExp {
  let re = '';
  for (const c of pattern) {
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export const PurePath = defineClass('pathlib', 'PurePath', [], pureMembers);
export const PurePosixPath = defineClass('pathlib', 'PurePosixPath', [PurePath], {});


const concreteMembers: Record<string, unknown> = {
  cwd: new PyClassMethod((cls: unknown) => make(cls === Path ? PosixPath : cls, cwd())),
  home: new PyClassMethod((cls: unknown) => make(cls === Path ? PosixPath : cls, proc?.env['HOME'] ?? '/')),
  exists(this: PathObj): boolean {
    return statOrNone(this._str) !== undefined;
  },
  is_file(this: PathObj): boolean {
    return statOrNone(this._str)?.isFile() ?? false;
  },
  is_dir(this: PathObj): boolean {
    return statOrNone(this._str)?.isDirectory() ?? false;
  },
  is_symlink(this: PathObj): boolean {
    return statOrNone(this._str, false)?.isSymbolicLink() ?? false;
  },
  read_text(this: PathObj, ...rest: unknown[]): unknown {
    const [encoding, errors] = namedArgs(rest, ['encoding', 'errors'], 'read_text');
    return withFile(this, ['r'], { encoding, errors }, (f) => callMethod(f, 'read'));
  },
  read_bytes(this: PathObj): unknown {
    return withFile(this, ['rb'], {}, (f) => callMethod(f, 'read'));
  },
  write_text(this: PathObj, ...rest: unknown[]): unknown {
    const [data, encoding, errors, newline] = namedArgs(rest, ['data', 'encoding', 'errors', 'newline'], 'write_text');
    if (typeof data !== 'string') throw new TypeError(`data must be str, not ${typeName(data)}`);
    return withFile(this, ['w'], { encoding, errors, newline }, (f) => callMethod(f, 'write', data));
  },
  write_bytes(this: PathObj, data: unknown): unknown {
    // CPython takes a memoryview of the data: any bytes-like object.
    if (!isBytesLike(data)) {
      throw new TypeError(`memoryview: a bytes-like object is required, not '${typeName(data)}'`);
    }
    return withFile(this, ['wb'], {}, (f) => callMethod(f, 'write', data));
  },
  open(this: PathObj, ...rest: unknown[]): unknown {
    const [args, kw] = splitKeywords(rest);
    return call(openFile, [this._str, ...args], Object.keys(kw).length > 0 ? kw : null);
  },
  // iterdir, glob and rglob give generator objects, as CPython's generator methods: the directory is read on the first next().
  iterdir(this: PathObj): PyGenerator {
    const self = this;
    return new PyGenerator((function* () {
      const names = listNames(self._str);
      const cls = typeOfPath(self);
      for (const n of names) yield make(cls, parse([self._str, n]));
    })(), 'Path.iterdir');
  },
  rglob(this: PathObj, pattern: unknown): PyGenerator {
    const self = this;
    return new PyGenerator((function* () {
      yield* globPaths(self, `**/${String(pattern)}`);
    })(), 'Path.rglob');
  },
  samefile(this: PathObj, other: unknown): boolean {
    return ospath.samefile(this._str, isPath(other) ? (other as PathObj)._str : other);
  },
  glob(this: PathObj, pattern: unknown): PyGenerator {
    const self = this;
    return new PyGenerator((function* () {
      yield* globPaths(self, String(pattern));
    })(), 'Path.glob');
  },
  mkdir(this: PathObj, ...rest: unknown[]): null {
    const [args, kw] = splitKeywords(rest);
    const parents = truthy(args[1] ?? kw['parents'] ?? false);
    const existOk = truthy(args[2] ?? kw['exist_ok'] ?? false);
    if (statOrNone(this._str) !== undefined) {
      if (existOk && ospath.isdir(this._str)) return null;
      throw osError('EEXIST', this._str);
    }
    fsCall(this._str, (fs) => fs.mkdirSync(this._str, { recursive: parents }));
    return null;
  },
  rmdir(this: PathObj): null {
    fsCall(this._str, (fs) => fs.rmdirSync(this._str));
    return null;
  },
  unlink(this: PathObj, ...rest: unknown[]): null {
    const [args, kw] = splitKeywords(rest);
    const missingOk = truthy(args[0] ?? kw['missing_ok'] ?? false);
    if (missingOk && statOrNone(this._str, false) === undefined) return null;
    fsCall(this._str, (fs) => fs.unlinkSync(this._str));
    return null;
  },
  touch(this: PathObj, ...rest: unknown[]): null {
    const [, existOk] = namedArgs(rest, ['mode', 'exist_ok'], 'touch');
    if (statOrNone(this._str) === undefined) {
      fsCall(this._str, (fs) => fs.writeFileSync(this._str, ''));
    } else {
      if (existOk !== undefined && !truthy(existOk)) throw osError('EEXIST', this._str);
      const now = new Date();
      fsCall(this._str, (fs) => fs.utimesSync(this._str, now, now));
    }
    return null;
  },
  rename(this: PathObj, target: unknown): PathObj {
    const to = parse([target]);
    fsCall(this._str, (fs) => fs.renameSync(this._str, to));
    return make(typeOfPath(this), to);
  },
  // POSIX rename replaces an existing target, as os.replace does.
  replace(this: PathObj, target: unknown): PathObj {
    const to = parse([target]);
    fsCall(this._str, (fs) => fs.renameSync(this._str, to));
    return make(typeOfPath(this), to);
  },
  resolve(this: PathObj): PathObj {
    return make(typeOfPath(this), ospath.realpath(this._str));
  },
  absolute(this: PathObj): PathObj {
    return make(typeOfPath(this), this._str.startsWith('/') ? this._str : parse([cwd(), this._str]));
  },
  expanduser(this: PathObj): PathObj {
    return make(typeOfPath(this), ospath.expanduser(this._str));
  },
  stat(this: PathObj): unknown {
    return statPath(this._str, true, 'stat');
  },
  // A no-op context manager since 3.9, deprecated in 3.11.
  __enter__: pyFunction('self', 'Path.__enter__', 'pathlib', (self: PathObj): PathObj => {
    warnCaller('pathlib.Path.__enter__() is deprecated and scheduled for removal in Python 3.13; Path objects as a context manager is a no-op',
      DeprecationWarning, 2);
    return self;
  }),
  __exit__: pyFunction('self, t, v, tb', 'Path.__exit__', 'pathlib', (): null => null),
};

export const Path = defineClass('pathlib', 'Path', [PurePath], concreteMembers);
export const PosixPath = defineClass('pathlib', 'PosixPath', [Path, PurePosixPath], {});
