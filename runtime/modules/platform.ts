/**
 * Python's `platform`: what the machine and the Python are. Under Node the
 * machine's facts come from Node's `os` module (the same uname(2) fields
 * CPython reads) and `process.report` (the C library's version); in a
 * browser, where none is known, the answers are CPython's for an unknown
 * value: empty strings. The Python is pyasync: python_version() is the
 * version of Python it implements, python_implementation() is 'pyasync'
 * (as `sys.implementation.name`) and python_compiler() names the JS engine.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { call } from '../builtins/calls.js';
import { PyDict } from '../builtins/dict.js';
import { OSError } from '../builtins/exceptions.js';
import { PyTuple } from '../builtins/values.js';
import { property } from '../builtins/classes/descriptors.js';
import { getitem } from '../builtins/items.js';
import { truthy } from '../builtins/truth.js';
import { namedtuple } from './support/collections/namedtuple.js';
import { pyClass, pyFunction } from './support/pydef.js';
import { loadedModules } from './support/moduleTable.js';
import { version_info } from './sys.js';
import * as self from './platform.js';

export const __name__ = 'platform';
loadedModules.$set('platform', self);

const Q = 'platform';

interface NodeOs {
  type(): string;
  hostname(): string;
  release(): string;
  version(): string;
  machine(): string;
}

interface NodeProcess {
  arch?: string;
  platform?: string;
  versions?: Record<string, string>;
  getBuiltinModule?(id: string): unknown;
  report?: { getReport(): { header?: { glibcVersionRuntime?: string } } };
}

const proc = (globalThis as { process?: NodeProcess }).process;

function nodeOs(): NodeOs | undefined {
  return proc?.getBuiltinModule?.('node:os') as NodeOs | undefined;
}

const uname_result_base = call(namedtuple, ['uname_result_base', 'system node release version machine'], { module: Q });

/**
 * CPython's uname_result: the five uname fields as a named tuple, and the
 * processor, found when first read, as a sixth item of iteration, len and
 * indexing (not of the repr).
 */
export const uname_result = pyClass('uname_result', Q, [uname_result_base], {
  _fields: PyTuple.fromArray(['system', 'node', 'release', 'version', 'machine', 'processor']),
  processor: property(pyFunction('self', 'uname_result.processor', Q, () => processorName())),
  __iter__: pyFunction('self', 'uname_result.__iter__', Q, (s: unknown) => [...baseItems(s), processorName()][Symbol.iterator]()),
  __getitem__: pyFunction('self, key', 'uname_result.__getitem__', Q, (s: unknown, key: unknown) => getitem(PyTuple.fromArray([...baseItems(s), processorName()]), key)),
  __len__: pyFunction('self', 'uname_result.__len__', Q, () => 6),
});

/** The five fields, as the base tuple holds them (tuple's own iteration, not the override above). */
function baseItems(s: unknown): unknown[] {
  return Array.from(s as PyTuple);
}

let unameCache: unknown = null;

export const uname = pyFunction('', 'uname', Q, (): unknown => {
  if (unameCache !== null) return unameCache;
  const os = nodeOs();
  const fields = os === undefined ? ['', '', '', '', ''] : [os.type(), os.hostname(), os.release(), os.version(), os.machine()];
  unameCache = call(uname_result, fields, null);
  return unameCache;
});

function field(i: number): string {
  return Array.from(call(uname, [], null) as PyTuple)[i] as string;
}

export const system = pyFunction('', 'system', Q, (): string => field(0));
export const node = pyFunction('', 'node', Q, (): string => field(1));
export const release = pyFunction('', 'release', Q, (): string => field(2));
export const version = pyFunction('', 'version', Q, (): string => field(3));
export const machine = pyFunction('', 'machine', Q, (): string => field(4));

let processorCache: string | null = null;

/** What CPython's processor() finds on a POSIX system: `uname -p`, with 'unknown' (Debian's answer) as ''. */
function processorName(): string {
  if (processorCache !== null) return processorCache;
  processorCache = '';
  const child = proc?.getBuiltinModule?.('node:child_process') as { execFileSync(file: string, args: string[], options: object): string } | undefined;
  if (child !== undefined && proc?.platform !== 'win32') {
    try {
      const out = child.execFileSync('uname', ['-p'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      processorCache = out === 'unknown' ? '' : out;
    } catch {
      // No uname: unknown, as CPython's when the command fails.
    }
  }
  return processorCache;
}

export const processor = pyFunction('', 'processor', Q, (): string => processorName());

export const architecture = pyFunction('executable=, bits=, linkage=', 'architecture', Q, (_executable?: unknown, bits?: unknown, linkage?: unknown): PyTuple => {
  const wide = proc?.arch === undefined ? null : /64/.test(proc.arch);
  const b = wide === null ? (truthy(bits ?? '') ? bits : '64bit') : wide ? '64bit' : '32bit';
  const l = proc?.platform === 'linux' ? 'ELF' : proc?.platform === 'win32' ? 'WindowsPE' : (linkage ?? '');
  return PyTuple.fromArray([b, l]);
});

export const python_version = pyFunction('', 'python_version', Q, (): string => `${version_info[0]}.${version_info[1]}.${version_info[2]}`);

export const python_version_tuple = pyFunction('', 'python_version_tuple', Q, (): PyTuple =>
  PyTuple.fromArray([String(version_info[0]), String(version_info[1]), String(version_info[2])]),
);

export const python_implementation = pyFunction('', 'python_implementation', Q, (): string => 'pyasync');
export const python_compiler = pyFunction('', 'python_compiler', Q, (): string => {
  const v8 = proc?.versions?.['v8'];
  return v8 === undefined ? '' : `V8 ${v8}`;
});
export const python_build = pyFunction('', 'python_build', Q, (): PyTuple => PyTuple.fromArray(['', '']));
export const python_branch = pyFunction('', 'python_branch', Q, (): string => '');
export const python_revision = pyFunction('', 'python_revision', Q, (): string => '');

let libc: [string, string] | null = null;

/** The C library Node runs on: glibc and its version on Linux (musl and others report none). */
function libcVersion(): [string, string] {
  if (libc !== null) return libc;
  libc = ['', ''];
  if (proc?.platform === 'linux') {
    try {
      const glibc = proc.report?.getReport().header?.glibcVersionRuntime;
      if (glibc !== undefined) libc = ['glibc', glibc];
    } catch {
      // No report: the library stays unknown, as CPython's when it cannot read the executable.
    }
  }
  return libc;
}

export const libc_ver = pyFunction('executable=, lib=, version=, chunksize=', 'libc_ver', Q, (_e?: unknown, lib?: unknown, ver?: unknown): PyTuple => {
  const [name, v] = libcVersion();
  return PyTuple.fromArray(name === '' ? [lib ?? '', ver ?? ''] : [name, v]);
});

export const platform = pyFunction('aliased=, terse=', 'platform', Q, (_aliased?: unknown, terse?: unknown): string => {
  const [sys, , rel, , mach] = Array.from(call(uname, [], null) as PyTuple) as string[];
  let parts: string[];
  if (sys === 'Linux') {
    // Linux names its C library whether terse or not, as CPython's does.
    const [name, v] = libcVersion();
    parts = [sys, rel!, mach!, processorName(), 'with', name + v];
  } else if (terse !== undefined && truthy(terse)) {
    parts = [sys!, rel!];
  } else {
    const [bits, linkage] = Array.from(call(architecture, [], null) as PyTuple) as string[];
    parts = [sys!, rel!, mach!, processorName(), bits!, linkage!];
  }
  // CPython's _platform: the non-empty parts joined by '-', spaces made '_', separators '-', no doubled '-'.
  let text = parts.filter((p) => p !== '').map((p) => p.trim()).join('-').replace(/ /g, '_').replace(/[/\\:;"()]/g, '-');
  text = text.replace(/unknown/g, '');
  while (text.includes('--')) text = text.replace(/--/g, '-');
  return text.endsWith('-') ? text.slice(0, -1) : text;
});

export const mac_ver = pyFunction('release=, versioninfo=, machine=', 'mac_ver', Q, (rel?: unknown, info?: unknown, mach?: unknown): PyTuple =>
  PyTuple.fromArray([rel ?? '', info ?? PyTuple.fromArray(['', '', '']), mach ?? '']),
);

export const win32_ver = pyFunction('release=, version=, csd=, ptype=', 'win32_ver', Q, (r?: unknown, v?: unknown, c?: unknown, p?: unknown): PyTuple =>
  PyTuple.fromArray([r ?? '', v ?? '', c ?? '', p ?? '']),
);

export const win32_edition = pyFunction('', 'win32_edition', Q, (): null => null);
export const win32_is_iot = pyFunction('', 'win32_is_iot', Q, (): boolean => false);

export const java_ver = pyFunction('release=, vendor=, vminfo=, osinfo=', 'java_ver', Q, (r?: unknown, v?: unknown, vm?: unknown, os?: unknown): PyTuple =>
  PyTuple.fromArray([r ?? '', v ?? '', vm ?? PyTuple.fromArray(['', '', '']), os ?? PyTuple.fromArray(['', '', ''])]),
);

export const system_alias = pyFunction('system, release, version', 'system_alias', Q, (s: unknown, r: unknown, v: unknown): PyTuple =>
  PyTuple.fromArray([s, r, v]),
);

let osRelease: PyDict | null = null;

/** `/etc/os-release` (else `/usr/lib/os-release`) as a dict, parsed as CPython's freedesktop_os_release does. */
export const freedesktop_os_release = pyFunction('', 'freedesktop_os_release', Q, (): PyDict => {
  if (osRelease !== null) return copyOf(osRelease);
  const fs = proc?.getBuiltinModule?.('node:fs') as { readFileSync(path: string, encoding: string): string } | undefined;
  let text: string | null = null;
  for (const path of ['/etc/os-release', '/usr/lib/os-release']) {
    try {
      text = fs?.readFileSync(path, 'utf8') ?? null;
      if (text !== null) break;
    } catch {
      // The next candidate, as CPython tries each.
    }
  }
  if (text === null) throw new OSError(2, 'No such file or directory', '/usr/lib/os-release');
  const info = new PyDict<unknown, unknown>([['NAME', 'Linux'], ['ID', 'linux'], ['PRETTY_NAME', 'Linux']]);
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z0-9_]+)=(["']?)(.*)\2$/.exec(line);
    if (m === null) continue;
    // Shell unquoting of the value: backslash escapes of `\`, `$`, `"`, `'` and the backtick.
    info.$set(m[1]!, m[3]!.replace(/\\([\\$"'`])/g, '$1'));
  }
  osRelease = info as PyDict;
  return copyOf(osRelease);
});

/** A new dict each call, as CPython's (the caller may change it). */
function copyOf(d: PyDict): PyDict {
  const copy = new PyDict<unknown, unknown>();
  for (const k of d) copy.$set(k, d.$get(k));
  return copy as PyDict;
}
