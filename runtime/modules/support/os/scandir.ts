/**
 * os.scandir: an iterator (and context manager) of posix.DirEntry objects in
 * the OS's directory order. An entry knows its type from the directory read
 * (d_type); it stats only to follow a symbolic link or when asked for stat(),
 * and caches both stats, as CPython's.
 */
import { OSError, StopIteration, TypeError } from '../../../builtins/exceptions.js';
import { PyStaticMethod } from '../../../builtins/classes.js';
import { repr } from '../../../builtins/repr.js';
import { truthy } from '../../../builtins/truth.js';
import { pyFunction } from '../pydef.js';
import { defineClass, newInstance } from '../stdlib/pyclass.js';
import { DirectoryReader, fspath, type Dirent } from './node.js';
import { statPath } from './stat.js';
import type { StructSequence } from '../structSequence.js';

const Q = 'posix';

/** `__new__` of a type Python code cannot instantiate. */
const noNew = (name: string): PyStaticMethod =>
  new PyStaticMethod(() => {
    throw new TypeError(`cannot create '${name}' instances`);
  });

interface EntryState {
  dirent: Dirent;
  stat: StructSequence | null;
  lstat: StructSequence | null;
}

const STATE = Symbol('pyasync.dirEntry');

type Obj = Record<string | symbol, unknown>;

function entryState(self: unknown): EntryState {
  return (self as Obj)[STATE] as EntryState;
}

function entryStat(self: unknown, follow: boolean): StructSequence {
  const st = entryState(self);
  const p = (self as Obj)['path'];
  if (!follow || !st.dirent.isSymbolicLink()) return (st.lstat ??= statPath(p, false, 'lstat'));
  return (st.stat ??= statPath(p, true, 'stat'));
}

/** is_dir / is_file: the d_type, or the target's type through a link; a missing target is neither. */
function entryIs(self: unknown, follow: unknown, kind: 'dir' | 'file'): boolean {
  const st = entryState(self);
  if (truthy(follow ?? true) && st.dirent.isSymbolicLink()) {
    let s: StructSequence;
    try {
      s = entryStat(self, true);
    } catch (e) {
      if (e instanceof OSError && (e as { errno?: unknown }).errno === 2) return false;
      throw e;
    }
    const fmt = Number((s as unknown as Obj)['st_mode']) & 0o170000;
    return fmt === (kind === 'dir' ? 0o040000 : 0o100000);
  }
  return kind === 'dir' ? st.dirent.isDirectory() : st.dirent.isFile();
}

export const DirEntry = defineClass(Q, 'DirEntry', [], {
  __new__: noNew('posix.DirEntry'),
  is_dir: pyFunction('self, *, follow_symlinks=', 'DirEntry.is_dir', Q, (self: unknown, follow: unknown) => entryIs(self, follow, 'dir')),
  is_file: pyFunction('self, *, follow_symlinks=', 'DirEntry.is_file', Q, (self: unknown, follow: unknown) => entryIs(self, follow, 'file')),
  is_symlink: pyFunction('self', 'DirEntry.is_symlink', Q, (self: unknown) => entryState(self).dirent.isSymbolicLink()),
  stat: pyFunction('self, *, follow_symlinks=', 'DirEntry.stat', Q, (self: unknown, follow: unknown) => entryStat(self, truthy(follow ?? true))),
  inode: pyFunction('self', 'DirEntry.inode', Q, (self: unknown) => (entryStat(self, false) as unknown as Obj)['st_ino']),
  __fspath__: pyFunction('self', 'DirEntry.__fspath__', Q, (self: unknown) => (self as Obj)['path']),
  __repr__: pyFunction('self', 'DirEntry.__repr__', Q, (self: unknown) => `<DirEntry ${repr((self as Obj)['name'])}>`),
});

const READER = Symbol('pyasync.scandirReader');

function reader(self: unknown): DirectoryReader {
  return (self as Obj)[READER] as DirectoryReader;
}

export const ScandirIterator = defineClass(Q, 'ScandirIterator', [], {
  __new__: noNew('posix.ScandirIterator'),
  __iter__: pyFunction('self', 'ScandirIterator.__iter__', Q, (self: unknown) => self),
  __next__: pyFunction('self', 'ScandirIterator.__next__', Q, (self: unknown) => {
    const r = reader(self);
    const dirent = r.read();
    if (dirent === null) throw new StopIteration();
    const entry = newInstance(DirEntry) as Obj;
    entry['name'] = dirent.name;
    const base = (self as Obj)[BASE] as string;
    entry['path'] = base === '' ? dirent.name : base.endsWith('/') ? base + dirent.name : `${base}/${dirent.name}`;
    Object.defineProperty(entry, STATE, { value: { dirent, stat: null, lstat: null } satisfies EntryState });
    return entry;
  }),
  close: pyFunction('self', 'ScandirIterator.close', Q, (self: unknown) => {
    reader(self).close();
    return null;
  }),
  __enter__: pyFunction('self', 'ScandirIterator.__enter__', Q, (self: unknown) => self),
  __exit__: pyFunction('self, *args', 'ScandirIterator.__exit__', Q, (self: unknown) => {
    reader(self).close();
    return false;
  }),
});

const BASE = Symbol('pyasync.scandirBase');

/** os.scandir(path='.'). */
export function scandir(p: unknown = null): unknown {
  const s = p === null || p === undefined ? '.' : fspath(p, 'scandir');
  const it = newInstance(ScandirIterator) as Obj;
  Object.defineProperty(it, READER, { value: new DirectoryReader(s) });
  Object.defineProperty(it, BASE, { value: s });
  return it;
}
