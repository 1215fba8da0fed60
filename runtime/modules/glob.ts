/**
 * Python's `glob`, step for step as CPython 3.11's glob.py: patterns are
 * split at the last separator, each literal or magic part is matched against
 * the directory's entries with fnmatch, `**` recurses when `recursive=True`,
 * names starting with a dot match only a pattern starting with one (unless
 * `include_hidden=True`). Results come in the OS's directory order, not
 * sorted, as in CPython. Patterns are str (bytes patterns are not provided);
 * `dir_fd` is accepted only as None.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { NotImplementedError, OSError, TypeError } from '../builtins/exceptions.js';
import { typeName } from '../builtins/values.js';
import { truthy } from '../builtins/truth.js';
import { PyGenerator } from '../builtins/generators.js';
import { pyFunction } from './support/pydef.js';
import { loadedModules } from './support/moduleTable.js';
import { readDirectory, statOrNone, fspath } from './support/os/node.js';
import * as path from './os.path.js';
import { filter as fnmatchFilter } from './fnmatch.js';
import * as self from './glob.js';

export const __name__ = 'glob';
loadedModules.$set('glob', self);

const Q = 'glob';

const MAGIC = /[*?[]/;

function hasMagic(s: string): boolean {
  return MAGIC.test(s);
}

function isHidden(name: string): boolean {
  return name[0] === '.';
}

function isRecursive(pattern: string): boolean {
  return pattern === '**';
}

/** os.path.join, but an empty side gives the other unchanged. */
function joinPath(dirname: string, basename: string): string {
  if (!dirname || !basename) return dirname || basename;
  return path.join(dirname, basename);
}

/** `_iterdir` + `_listdir`: the names in a directory (only directories if `dironly`); nothing if it cannot be read. */
function listDir(dirname: string, dironly: boolean): string[] {
  let entries;
  try {
    entries = readDirectory(dirname || '.');
  } catch (e) {
    if (e instanceof OSError) return [];
    throw e;
  }
  const names: string[] = [];
  for (const entry of entries) {
    // DirEntry.is_dir(): the entry's type, through a symbolic link to its target.
    const isDir = entry.isDirectory() || (entry.isSymbolicLink() && statOrNone(joinPath(dirname, entry.name))?.isDirectory() === true);
    if (!dironly || isDir) names.push(entry.name);
  }
  return names;
}

function globPattern(dirname: string, pattern: string, dironly: boolean, includeHidden: boolean): string[] {
  let names = listDir(dirname, dironly);
  if (includeHidden || !isHidden(pattern)) names = names.filter((x) => includeHidden || !isHidden(x));
  return fnmatchFilter(names, pattern) as string[];
}

function globLiteral(dirname: string, basename: string): string[] {
  if (basename) {
    if (path.lexists(joinPath(dirname, basename))) return [basename];
  } else if (path.isdir(dirname)) {
    // An empty basename: the pattern ended with a separator, and matches only directories.
    return [basename];
  }
  return [];
}

function* rlistdir(dirname: string, dironly: boolean, includeHidden: boolean): Generator<string, void, undefined> {
  for (const x of listDir(dirname, dironly)) {
    if (includeHidden || !isHidden(x)) {
      yield x;
      const sub = dirname ? joinPath(dirname, x) : x;
      for (const y of rlistdir(sub, dironly, includeHidden)) yield joinPath(x, y);
    }
  }
}

function* globRecursive(dirname: string, pattern: string, dironly: boolean, includeHidden: boolean): Generator<string, void, undefined> {
  void pattern;
  yield '';
  yield* rlistdir(dirname, dironly, includeHidden);
}

type GlobInDir = (dirname: string, pattern: string, dironly: boolean, includeHidden: boolean) => Iterable<string>;

function* iglobParts(pathname: string, rootDir: string, recursive: boolean, dironly: boolean, includeHidden: boolean): Generator<string, void, undefined> {
  const [dirname, basename] = path.split(pathname) as unknown as [string, string];
  if (!hasMagic(pathname)) {
    if (basename) {
      if (path.lexists(joinPath(rootDir, pathname))) yield pathname;
    } else if (path.isdir(joinPath(rootDir, dirname))) {
      // A pattern ending with a separator matches only directories.
      yield pathname;
    }
    return;
  }
  if (!dirname) {
    if (recursive && isRecursive(basename)) yield* globRecursive(rootDir, basename, dironly, includeHidden);
    else yield* globPattern(rootDir, basename, dironly, includeHidden);
    return;
  }
  const dirs: Iterable<string> = dirname !== pathname && hasMagic(dirname) ? iglobParts(dirname, rootDir, recursive, true, includeHidden) : [dirname];
  let globInDir: GlobInDir;
  if (hasMagic(basename)) globInDir = recursive && isRecursive(basename) ? globRecursive : globPattern;
  else globInDir = (d, b) => globLiteral(d, b);
  for (const d of dirs) {
    for (const name of globInDir(joinPath(rootDir, d), basename, dironly, includeHidden)) yield path.join(d, name);
  }
}

function iglobImpl(pathnameArg: unknown, rootDirArg: unknown, dirFd: unknown, recursiveArg: unknown, includeHiddenArg: unknown): PyGenerator {
  if (dirFd !== undefined && dirFd !== null) throw new NotImplementedError('glob: dir_fd is not supported');
  const pathname = fspath(pathnameArg);
  const rootDir = rootDirArg === undefined || rootDirArg === null ? '' : fspath(rootDirArg);
  const recursive = truthy(recursiveArg ?? false);
  const includeHidden = truthy(includeHiddenArg ?? false);
  const it = iglobParts(pathname, rootDir, recursive, false, includeHidden);
  // An empty pattern, or `**` first, yields '' first: it is left out.
  const skipEmpty = !pathname || (recursive && isRecursive(pathname.slice(0, 2)));
  function* results(): Generator<string, void, undefined> {
    let first = true;
    for (const s of it) {
      if (first && skipEmpty) {
        first = false;
        if (!s) continue;
      }
      first = false;
      yield s;
    }
  }
  return new PyGenerator(skipEmpty ? results() : it, '_iglob');
}

export const iglob = pyFunction('pathname, *, root_dir=, dir_fd=, recursive=, include_hidden=', 'iglob', Q, iglobImpl);

export const glob = pyFunction('pathname, *, root_dir=, dir_fd=, recursive=, include_hidden=', 'glob', Q,
  (pathname: unknown, rootDir: unknown, dirFd: unknown, recursive: unknown, includeHidden: unknown) => [
    ...iglobImpl(pathname, rootDir, dirFd, recursive, includeHidden),
  ]);

export const has_magic = pyFunction('s', 'has_magic', Q, (s: unknown) => {
  if (typeof s !== 'string') throw new TypeError(`expected string or bytes-like object, got '${typeName(s)}'`);
  return hasMagic(s);
});

/** Not in `__all__`, "can be used by third-party code": the names in `dirname` a pattern (glob1) or a literal name (glob0) matches. */
export const glob0 = pyFunction('dirname, pattern', 'glob0', Q, (dirname: unknown, pattern: unknown) => globLiteral(fspath(dirname), fspath(pattern)));

export const glob1 = pyFunction('dirname, pattern', 'glob1', Q, (dirname: unknown, pattern: unknown) => globPattern(fspath(dirname), fspath(pattern), false, false));

/** Wraps each of `*?[` in brackets (POSIX paths have no drive). */
export const escape = pyFunction('pathname', 'escape', Q, (pathname: unknown) => fspath(pathname).replace(/([*?[])/g, '[$1]'));
