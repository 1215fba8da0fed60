/**
 * Python's `subprocess` on Node's synchronous `spawnSync`: `run`,
 * `call`, `check_call`, `check_output`, `getoutput`, `getstatusoutput`,
 * `CompletedProcess`, `Popen`, the exceptions with CPython's messages, and
 * `list2cmdline`.
 *
 * A JS thread cannot wait for a child it started asynchronously, so a child
 * runs to its end inside one call: `run` and friends spawn it with their
 * timeout (it is killed with SIGKILL when that passes, as `run` does). A
 * `Popen` runs its child in the constructor, or, with stdin=PIPE, as soon
 * as its input is complete (`communicate`, `wait`, `poll`, `stdin.close()`,
 * a read of `stdout`/`stderr`, leaving its `with` block); what was written
 * to `p.stdin` before is the child's input. Captured output is then read
 * from memory through `p.stdout`/`p.stderr`.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import type { SpawnSyncReturns, StdioOptions } from 'node:child_process';
import { AttributeError, Exception, NotImplementedError, TypeError, ValueError } from '../builtins/exceptions.js';
import { call } from '../builtins/calls.js';
import { callMethod, getattr, setattr } from '../builtins/attributes.js';
import { repr, str } from '../builtins/repr.js';
import { truthy } from '../builtins/truth.js';
import { iterate } from '../builtins/iteration.js';
import { PyBytes, PyTuple, typeName, isIntNumber } from '../builtins/values.js';
import { type } from '../builtins/types.js';
import { PyProperty } from '../builtins/classes/descriptors.js';
import { bufferSnapshot } from '../builtins/buffer.js';
import { bytes_decode } from '../builtins/bytes.js';
import { str_encode } from '../builtins/str/methods.js';
import { fromNodeError } from '../builtins/io.js';
import { intArg } from '../builtins/files.js';
import { defineClass, newException } from './support/stdlib/pyclass.js';
import { kwargsRecord, pyClassMethod, pyFunction } from './support/pydef.js';
import { loadedModules } from './support/moduleTable.js';
import { childProcesses, fsArg, prepareLaunch, returncodeOf, signalRepr, SIGKILL, SIGTERM, type Launch } from './support/subprocess/launch.js';
import { proc } from './support/os/node.js';
import { BytesIO, StringIO } from './io.js';
import { GenericAlias } from './types.js';
import * as self from './subprocess.js';

export const __name__ = 'subprocess';
loadedModules.$set('subprocess', self);

const Q = 'subprocess';

export const __all__ = [
  'Popen', 'PIPE', 'STDOUT', 'call', 'check_call', 'getstatusoutput', 'getoutput', 'check_output', 'run', 'CalledProcessError',
  'DEVNULL', 'SubprocessError', 'TimeoutExpired', 'CompletedProcess',
];

export const PIPE = -1;
export const STDOUT = -2;
export const DEVNULL = -3;

const isNone = (v: unknown): boolean => v === null || v === undefined;
const orNone = (v: unknown): unknown => (v === undefined ? null : v);

// ---------------------------------------------------------------------------
// Exceptions

export const SubprocessError = defineClass(Q, 'SubprocessError', [Exception], {});

/** `stdout`, an alias of `output` that can be set too. */
const outputAlias = (owner: string): PyProperty => new PyProperty(
  pyFunction('self', `${owner}.stdout`, Q, (s: unknown) => getattr(s, 'output')),
  pyFunction('self, value', `${owner}.stdout`, Q, (s: unknown, v: unknown) => {
    setattr(s, 'output', v);
    return null;
  }),
);

export const CalledProcessError = defineClass(Q, 'CalledProcessError', [SubprocessError], {
  __init__: pyFunction('self, returncode, cmd, output=, stderr=', 'CalledProcessError.__init__', Q,
    (s: unknown, returncode: unknown, cmd: unknown, output: unknown, stderr: unknown) => {
      setattr(s, 'returncode', returncode);
      setattr(s, 'cmd', cmd);
      setattr(s, 'output', orNone(output));
      setattr(s, 'stderr', orNone(stderr));
      return null;
    }),
  __str__: pyFunction('self', 'CalledProcessError.__str__', Q, (s: unknown) => {
    const rc = getattr(s, 'returncode');
    const cmd = str(getattr(s, 'cmd'));
    if (truthy(rc) && typeof rc === 'number' && rc < 0) {
      const signal = signalRepr(-rc);
      return signal === null ? `Command '${cmd}' died with unknown signal ${-rc}.` : `Command '${cmd}' died with ${signal}.`;
    }
    return `Command '${cmd}' returned non-zero exit status ${typeof rc === 'boolean' ? Number(rc) : str(rc)}.`;
  }),
  stdout: outputAlias('CalledProcessError'),
});

export const TimeoutExpired = defineClass(Q, 'TimeoutExpired', [SubprocessError], {
  __init__: pyFunction('self, cmd, timeout, output=, stderr=', 'TimeoutExpired.__init__', Q,
    (s: unknown, cmd: unknown, timeout: unknown, output: unknown, stderr: unknown) => {
      setattr(s, 'cmd', cmd);
      setattr(s, 'timeout', timeout);
      setattr(s, 'output', orNone(output));
      setattr(s, 'stderr', orNone(stderr));
      return null;
    }),
  __str__: pyFunction('self', 'TimeoutExpired.__str__', Q, (s: unknown) =>
    `Command '${str(getattr(s, 'cmd'))}' timed out after ${str(getattr(s, 'timeout'))} seconds`),
  stdout: outputAlias('TimeoutExpired'),
});

// ---------------------------------------------------------------------------
// CompletedProcess

export const CompletedProcess = defineClass(Q, 'CompletedProcess', [], {
  __init__: pyFunction('self, args, returncode, stdout=, stderr=', 'CompletedProcess.__init__', Q,
    (s: unknown, args: unknown, returncode: unknown, stdout: unknown, stderr: unknown) => {
      setattr(s, 'args', args);
      setattr(s, 'returncode', returncode);
      setattr(s, 'stdout', orNone(stdout));
      setattr(s, 'stderr', orNone(stderr));
      return null;
    }),
  __repr__: pyFunction('self', 'CompletedProcess.__repr__', Q, (s: unknown) => {
    const parts = [`args=${repr(getattr(s, 'args'))}`, `returncode=${repr(getattr(s, 'returncode'))}`];
    const out = getattr(s, 'stdout');
    const err = getattr(s, 'stderr');
    if (out !== null) parts.push(`stdout=${repr(out)}`);
    if (err !== null) parts.push(`stderr=${repr(err)}`);
    return `${typeNameOf(s)}(${parts.join(', ')})`;
  }),
  check_returncode: pyFunction('self', 'CompletedProcess.check_returncode', Q, (s: unknown) => {
    if (truthy(getattr(s, 'returncode'))) {
      throw newException(CalledProcessError, [getattr(s, 'returncode'), getattr(s, 'args'), getattr(s, 'stdout'), getattr(s, 'stderr')], null);
    }
    return null;
  }),
  __class_getitem__: pyClassMethod(GenericAlias),
});

function typeNameOf(x: unknown): string {
  return String(getattr(type(x), '__name__'));
}

// ---------------------------------------------------------------------------
// Popen's state

/** Where a standard stream of the child goes: Node's stdio entry, or `merge` for stderr=STDOUT. */
type Stream = 'inherit' | 'pipe' | 'ignore' | 'merge' | number;

interface State {
  launch: Launch;
  args: unknown;
  stdin: Stream;
  stdout: Stream;
  stderr: Stream;
  text: boolean;
  encoding: string;
  errors: string;
  /** What was written to the stdin pipe before the child ran. */
  input: Uint8Array[];
  inputClosed: boolean;
  ran: boolean;
  /** The captured output (the part read so far, after a timeout). */
  out: Uint8Array | null;
  err: Uint8Array | null;
  timedOut: boolean;
  communicated: boolean;
  readers: [Reader | null, Reader | null];
}

const states = new WeakMap<object, State>();

function stateOf(p: unknown): State {
  const st = states.get(p as object);
  if (st === undefined) throw new TypeError(`descriptor requires a 'subprocess.Popen' object but received a '${typeName(p)}'`);
  return st;
}

function streamOf(v: unknown, name: string): Stream {
  if (isNone(v)) return 'inherit';
  if (v === PIPE) return 'pipe';
  if (v === DEVNULL) return 'ignore';
  if (v === STDOUT) {
    if (name === 'stderr') return 'merge';
    throw new ValueError('STDOUT can only be used for stderr');
  }
  if (typeof v === 'number' && isIntNumber(v)) {
    if (v < 0) throw new ValueError(`bad value for ${name}: ${v}`);
    return v;
  }
  if (typeof v === 'boolean') return v ? 1 : 0;
  // A file object: the child gets its descriptor, as CPython's `fileno()` handle.
  return intArg(callMethod(v, 'fileno'));
}

interface Fs {
  openSync(path: string, flags: string): number;
  unlinkSync(path: string): void;
  closeSync(fd: number): void;
  fstatSync(fd: number): { size: number };
  readSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: number): number;
}

/** A file unlinked at once, for stdout=PIPE with stderr=STDOUT: both streams of the child write it, in their order. */
function mergedFile(): { fd: number; fs: Fs } {
  const fs = proc?.getBuiltinModule?.('node:fs') as Fs;
  const os = proc?.getBuiltinModule?.('node:os') as { tmpdir(): string };
  const path = `${os.tmpdir()}/pyasync-subprocess-${proc?.pid ?? 0}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const fd = fs.openSync(path, 'w+');
  fs.unlinkSync(path);
  return { fd, fs };
}

function readWhole(fs: Fs, fd: number): Uint8Array {
  const size = fs.fstatSync(fd).size;
  const out = new Uint8Array(size);
  let at = 0;
  while (at < size) {
    const n = fs.readSync(fd, out, at, size - at, at);
    if (n <= 0) break;
    at += n;
  }
  return out.subarray(0, at);
}

function joined(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((k, c) => k + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function timeoutMs(timeout: unknown): number | undefined {
  if (isNone(timeout)) return undefined;
  const t = Number(timeout);
  // spawnSync takes 0 as "no limit": a timeout already over still gets the child killed.
  return Math.max(1, Math.ceil(t * 1000));
}

/** Runs the child to its end (or its timeout); sets returncode and pid on `p`. */
function execute(p: unknown, st: State, timeout: unknown): void {
  if (st.ran) return;
  st.ran = true;
  st.inputClosed = true;
  const cp = childProcesses('subprocess');
  let merged: { fd: number; fs: Fs } | null = null;
  const stdio = (s: Stream): 'inherit' | 'pipe' | 'ignore' | number => (s === 'merge' ? 'inherit' : s);
  let err: 'inherit' | 'pipe' | 'ignore' | number = stdio(st.stderr);
  let out: 'inherit' | 'pipe' | 'ignore' | number = stdio(st.stdout);
  if (st.stderr === 'merge') {
    if (st.stdout === 'pipe') {
      merged = mergedFile();
      out = err = merged.fd;
    } else err = st.stdout === 'inherit' ? 1 : out;
  }
  const { launch } = st;
  let r: SpawnSyncReturns<Buffer>;
  try {
    r = cp.spawnSync(launch.file, launch.argv.slice(1), {
      argv0: launch.argv[0],
      cwd: launch.cwd,
      env: launch.env,
      stdio: [st.stdin === 'pipe' ? 'pipe' : stdio(st.stdin), out, err] as StdioOptions,
      input: st.stdin === 'pipe' ? joined(st.input) : undefined,
      timeout: timeoutMs(timeout),
      killSignal: 'SIGKILL',
      maxBuffer: Infinity,
    });
  } finally {
    st.input = [];
  }
  if (merged !== null) {
    st.out = readWhole(merged.fs, merged.fd);
    merged.fs.closeSync(merged.fd);
  } else if (st.stdout === 'pipe') st.out = r.stdout === null ? new Uint8Array(0) : new Uint8Array(r.stdout);
  if (st.stderr === 'pipe') st.err = r.stderr === null ? new Uint8Array(0) : new Uint8Array(r.stderr);
  setattr(p, 'pid', r.pid);
  const error = r.error as { code?: string } | undefined;
  if (error !== undefined && error.code !== 'ETIMEDOUT') {
    setattr(p, 'returncode', null);
    throw fromNodeError(error, launch.argv[0]);
  }
  setattr(p, 'returncode', returncodeOf(r.status, r.signal));
  if (error !== undefined) st.timedOut = true;
}

/** Output as Python sees it: bytes, or text decoded with universal newlines. */
function outputValue(st: State, data: Uint8Array): unknown {
  const bytes = new PyBytes(data);
  if (!st.text) return bytes;
  return bytes_decode(bytes, st.encoding, st.errors).replace(/\r\n?/g, '\n');
}

function timeoutError(st: State, timeout: unknown, withOutput: boolean): unknown {
  // CPython's partial output is what it read before the time was up: bytes, even in text mode, or None.
  const partial = (d: Uint8Array | null): unknown => (withOutput && d !== null && d.length > 0 ? new PyBytes(d) : null);
  return call(TimeoutExpired, [st.args, timeout, partial(st.out), partial(st.err)], null);
}

// ---------------------------------------------------------------------------
// The pipes' file objects

/** `p.stdout` / `p.stderr` for PIPE: reads what the child wrote once it has run. */
interface Reader {
  popen: unknown;
  fd: 1 | 2;
  inner: unknown;
  closed: boolean;
}

const readers = new WeakMap<object, Reader>();

function readerOf(r: unknown): Reader {
  const reader = readers.get(r as object);
  if (reader === undefined) throw new TypeError(`descriptor requires a pipe object but received a '${typeName(r)}'`);
  return reader;
}

/** The in-memory file holding the output (the child is run first if it has not been). */
function innerOf(r: Reader): unknown {
  if (r.closed) throw new ValueError(r.fd === 1 || r.fd === 2 ? closedMessage(r.popen) : 'I/O operation on closed file.');
  if (r.inner === null) {
    const st = stateOf(r.popen);
    execute(r.popen, st, null);
    const data = (r.fd === 1 ? st.out : st.err) ?? new Uint8Array(0);
    r.inner = st.text ? call(StringIO, [outputValue(st, data)], null) : call(BytesIO, [new PyBytes(data)], null);
  }
  return r.inner;
}

function closedMessage(popen: unknown): string {
  return stateOf(popen).text ? 'I/O operation on closed file.' : 'read of closed file';
}

const readerMethod = (name: string, spec: string) =>
  pyFunction(spec, `_PipeReader.${name}`, Q, (s: unknown, ...rest: unknown[]) =>
    callMethod(innerOf(readerOf(s)), name, ...rest.filter((a) => a !== undefined)));

const PipeReader = defineClass(Q, '_PipeReader', [], {
  read: readerMethod('read', 'self, size=, /'),
  readline: readerMethod('readline', 'self, size=, /'),
  readlines: readerMethod('readlines', 'self, hint=, /'),
  __iter__: pyFunction('self', '_PipeReader.__iter__', Q, (s: unknown) => {
    innerOf(readerOf(s));
    return s;
  }),
  __next__: pyFunction('self', '_PipeReader.__next__', Q, (s: unknown) => callMethod(innerOf(readerOf(s)), '__next__')),
  readable: pyFunction('self', '_PipeReader.readable', Q, () => true),
  writable: pyFunction('self', '_PipeReader.writable', Q, () => false),
  close: pyFunction('self', '_PipeReader.close', Q, (s: unknown) => {
    readerOf(s).closed = true;
    return null;
  }),
  closed: new PyProperty(pyFunction('self', '_PipeReader.closed', Q, (s: unknown) => readerOf(s).closed)),
  __enter__: pyFunction('self', '_PipeReader.__enter__', Q, (s: unknown) => s),
  __exit__: pyFunction('self, *args', '_PipeReader.__exit__', Q, (s: unknown) => {
    readerOf(s).closed = true;
    return null;
  }),
});

function makeReader(popen: unknown, fd: 1 | 2): unknown {
  const obj = call(PipeReader, [], null) as object;
  const reader: Reader = { popen, fd, inner: null, closed: false };
  readers.set(obj, reader);
  stateOf(popen).readers[fd - 1] = reader;
  return obj;
}

/** `p.stdin` for PIPE: collects the child's input until it is complete (closed), then runs the child. */
const writers = new WeakMap<object, unknown>();

function writerPopen(w: unknown): unknown {
  const popen = writers.get(w as object);
  if (popen === undefined) throw new TypeError(`descriptor requires a pipe object but received a '${typeName(w)}'`);
  return popen;
}

function inputBytes(st: State, data: unknown, how: 'write' | 'communicate' | 'fast'): Uint8Array {
  if (st.text) {
    if (typeof data !== 'string') {
      if (how === 'communicate') throw new AttributeError(`'${typeName(data)}' object has no attribute 'encode'`);
      throw new TypeError(`write() argument must be str, not ${typeName(data)}`);
    }
    return str_encode(data, st.encoding, st.errors).bytes;
  }
  if (data instanceof PyBytes) return data.bytes;
  const buffer = bufferSnapshot(data);
  if (buffer !== null) return buffer;
  throw new TypeError(`${how === 'communicate' ? 'memoryview: ' : ''}a bytes-like object is required, not '${typeName(data)}'`);
}

function writerOpen(w: unknown): State {
  const st = stateOf(writerPopen(w));
  if (st.inputClosed) throw new ValueError(st.text ? 'I/O operation on closed file.' : 'write to closed file');
  return st;
}

const PipeWriter = defineClass(Q, '_PipeWriter', [], {
  write: pyFunction('self, data, /', '_PipeWriter.write', Q, (s: unknown, data: unknown) => {
    const st = writerOpen(s);
    const bytes = inputBytes(st, data, 'write');
    st.input.push(bytes.slice());
    return st.text ? (data as string).length : bytes.length;
  }),
  writelines: pyFunction('self, lines, /', '_PipeWriter.writelines', Q, (s: unknown, lines: unknown) => {
    const st = writerOpen(s);
    for (const line of iterate(lines) as Iterable<unknown>) st.input.push(inputBytes(st, line, 'write').slice());
    return null;
  }),
  flush: pyFunction('self', '_PipeWriter.flush', Q, (s: unknown) => {
    writerOpen(s);
    return null;
  }),
  readable: pyFunction('self', '_PipeWriter.readable', Q, () => false),
  writable: pyFunction('self', '_PipeWriter.writable', Q, () => true),
  close: pyFunction('self', '_PipeWriter.close', Q, (s: unknown) => {
    closeInput(writerPopen(s));
    return null;
  }),
  closed: new PyProperty(pyFunction('self', '_PipeWriter.closed', Q, (s: unknown) => stateOf(writerPopen(s)).inputClosed)),
  __enter__: pyFunction('self', '_PipeWriter.__enter__', Q, (s: unknown) => s),
  __exit__: pyFunction('self, *args', '_PipeWriter.__exit__', Q, (s: unknown) => {
    closeInput(writerPopen(s));
    return null;
  }),
});

/** The end of the child's input: it runs now. */
function closeInput(popen: unknown): void {
  const st = stateOf(popen);
  if (st.inputClosed) return;
  st.inputClosed = true;
  execute(popen, st, null);
}

// ---------------------------------------------------------------------------
// Popen

const POPEN_SPEC = 'self, args, bufsize=, executable=, stdin=, stdout=, stderr=, preexec_fn=, close_fds=, shell=, cwd=, env=, '
  + 'universal_newlines=, startupinfo=, creationflags=, restore_signals=, start_new_session=, pass_fds=, *, user=, group=, '
  + 'extra_groups=, encoding=, errors=, text=, umask=, pipesize=, process_group=';

function popenInit(
  p: unknown, args: unknown, _bufsize: unknown, executable: unknown, stdin: unknown, stdout: unknown, stderr: unknown,
  preexecFn: unknown, _closeFds: unknown, shell: unknown, cwd: unknown, env: unknown, universalNewlines: unknown,
  startupinfo: unknown, creationflags: unknown, _restoreSignals: unknown, _startNewSession: unknown, _passFds: unknown,
  user: unknown, group: unknown, extraGroups: unknown, encoding: unknown, errors: unknown, text: unknown, umask: unknown,
  _pipesize: unknown, processGroup: unknown,
): null {
  if (!isNone(startupinfo)) throw new ValueError('startupinfo is only supported on Windows platforms');
  if (!isNone(creationflags) && creationflags !== 0) throw new ValueError('creationflags is only supported on Windows platforms');
  for (const [name, v] of [['preexec_fn', preexecFn], ['user', user], ['group', group], ['extra_groups', extraGroups], ['process_group', processGroup]] as const) {
    if (!isNone(v)) throw new NotImplementedError(`pyasync: Popen(${name}=...) is not supported`);
  }
  if (!isNone(umask) && umask !== -1) throw new NotImplementedError('pyasync: Popen(umask=...) is not supported');
  if (!isNone(universalNewlines) && !isNone(text) && truthy(universalNewlines) !== truthy(text)) {
    throw newException(SubprocessError, ['Cannot disambiguate when both text and universal_newlines are supplied but different. Pass one or the other.'], null);
  }
  const textMode = !isNone(encoding) || !isNone(errors) || truthy(text ?? null) || truthy(universalNewlines ?? null);
  setattr(p, 'args', args);
  setattr(p, 'stdin', null);
  setattr(p, 'stdout', null);
  setattr(p, 'stderr', null);
  setattr(p, 'pid', null);
  setattr(p, 'returncode', null);
  setattr(p, 'encoding', orNone(encoding));
  setattr(p, 'errors', orNone(errors));
  setattr(p, 'text_mode', textMode);
  const st: State = {
    launch: null as unknown as Launch,
    args,
    stdin: streamOf(stdin, 'stdin'),
    stdout: streamOf(stdout, 'stdout'),
    stderr: streamOf(stderr, 'stderr'),
    text: textMode,
    encoding: isNone(encoding) ? 'utf-8' : String(encoding),
    errors: isNone(errors) ? 'strict' : String(errors),
    input: [],
    inputClosed: false,
    ran: false,
    out: null,
    err: null,
    timedOut: false,
    communicated: false,
    readers: [null, null],
  };
  childProcesses('subprocess');
  st.launch = prepareLaunch(args, truthy(shell ?? null), executable, cwd, env);
  states.set(p as object, st);
  if (st.stdin === 'pipe') {
    const w = call(PipeWriter, [], null) as object;
    writers.set(w, p);
    setattr(p, 'stdin', w);
  }
  if (st.stdout === 'pipe') setattr(p, 'stdout', makeReader(p, 1));
  if (st.stderr === 'pipe') setattr(p, 'stderr', makeReader(p, 2));
  // Without a stdin pipe nothing more can reach the child: it runs now (run() and call() start it themselves, with their timeout).
  if (st.stdin !== 'pipe' && !startLater) execute(p, st, null);
  return null;
}

/** The rest of a captured stream, read and closed as communicate() does; None when not a pipe. */
function drain(st: State, fd: 1 | 2): unknown {
  const reader = st.readers[fd - 1];
  if (reader === null) return null;
  if (reader.closed) return outputValue(st, new Uint8Array(0));
  const data = callMethod(innerOf(reader), 'read');
  reader.closed = true;
  return data;
}

function communicate(p: unknown, input: unknown, timeout: unknown): PyTuple {
  const st = stateOf(p);
  const given = !isNone(input);
  if (st.communicated && given && truthy(input)) throw new ValueError('Cannot send input after starting communication');
  const nones = [st.stdin, st.stdout, st.stderr].filter((s) => s !== 'pipe').length;
  const fast = isNone(timeout) && !st.communicated && nones >= 2;
  if (st.stdin === 'pipe' && !st.inputClosed) {
    if (given) st.input.push(inputBytes(st, input, fast ? 'fast' : 'communicate').slice());
    st.inputClosed = true;
  }
  try {
    execute(p, st, timeout);
  } finally {
    st.communicated = true;
  }
  if (st.timedOut) {
    st.timedOut = false;
    throw timeoutError(st, timeout, true);
  }
  return PyTuple.fromArray([drain(st, 1), drain(st, 2)]);
}

function waitFor(p: unknown, timeout: unknown): unknown {
  const st = stateOf(p);
  if (!st.ran) {
    execute(p, st, timeout);
    if (st.timedOut) {
      st.timedOut = false;
      throw timeoutError(st, timeout, false);
    }
  }
  return getattr(p, 'returncode');
}

/** A signal to a child: one that has run is gone (nothing to do, as for a reaped child); one still waiting for input never runs. */
function signalChild(p: unknown, sig: number): null {
  const st = stateOf(p);
  if (st.ran) return null;
  st.ran = true;
  st.inputClosed = true;
  st.out = st.stdout === 'pipe' ? new Uint8Array(0) : null;
  st.err = st.stderr === 'pipe' ? new Uint8Array(0) : null;
  setattr(p, 'returncode', -sig);
  return null;
}

export const Popen = defineClass(Q, 'Popen', [], {
  __init__: pyFunction(POPEN_SPEC, 'Popen.__init__', Q, popenInit),
  __repr__: pyFunction('self', 'Popen.__repr__', Q, (p: unknown) => {
    const name = typeNameOf(p);
    const text = `<${name}: returncode: ${str(getattr(p, 'returncode'))} args: ${repr(getattr(p, 'args'))}>`;
    return text.length > 80 ? `${text.slice(0, 76)}...>` : text;
  }),
  universal_newlines: new PyProperty(
    pyFunction('self', 'Popen.universal_newlines', Q, (p: unknown) => getattr(p, 'text_mode')),
    pyFunction('self, universal_newlines', 'Popen.universal_newlines', Q, (p: unknown, v: unknown) => {
      setattr(p, 'text_mode', truthy(v));
      return null;
    }),
  ),
  communicate: pyFunction('self, input=, timeout=', 'Popen.communicate', Q, (p: unknown, input: unknown, timeout: unknown) =>
    communicate(p, orNone(input), orNone(timeout))),
  wait: pyFunction('self, timeout=', 'Popen.wait', Q, (p: unknown, timeout: unknown) => waitFor(p, orNone(timeout))),
  poll: pyFunction('self', 'Popen.poll', Q, (p: unknown) => waitFor(p, null)),
  send_signal: pyFunction('self, sig', 'Popen.send_signal', Q, (p: unknown, sig: unknown) => signalChild(p, intArg(sig))),
  terminate: pyFunction('self', 'Popen.terminate', Q, (p: unknown) => signalChild(p, SIGTERM)),
  kill: pyFunction('self', 'Popen.kill', Q, (p: unknown) => signalChild(p, SIGKILL)),
  __enter__: pyFunction('self', 'Popen.__enter__', Q, (p: unknown) => p),
  __exit__: pyFunction('self, exc_type, value, traceback', 'Popen.__exit__', Q, (p: unknown) => {
    for (const name of ['stdout', 'stderr', 'stdin']) {
      const f = getattr(p, name);
      if (truthy(f)) callMethod(f, 'close');
    }
    waitFor(p, null);
    return null;
  }),
  __class_getitem__: pyClassMethod(GenericAlias),
});

// ---------------------------------------------------------------------------
// The functions

function keywords(kwargs: unknown): Record<string, unknown> {
  return kwargsRecord(kwargs) ?? {};
}

/** Set while run() and call() make their Popen: they start the child with their timeout. */
let startLater = false;

function popen(popenargs: PyTuple, kw: Record<string, unknown>): unknown {
  startLater = true;
  try {
    return call(Popen, [...popenargs], kw);
  } finally {
    startLater = false;
  }
}

export const run = pyFunction('*popenargs, input=, capture_output=, timeout=, check=, **kwargs', 'run', Q,
  (popenargs: PyTuple, input: unknown, captureOutput: unknown, timeout: unknown, check: unknown, kwargs: unknown) => {
    const kw = keywords(kwargs);
    if (!isNone(input)) {
      if (!isNone(kw['stdin'])) throw new ValueError('stdin and input arguments may not both be used.');
      kw['stdin'] = PIPE;
    }
    if (truthy(captureOutput ?? false)) {
      if (!isNone(kw['stdout']) || !isNone(kw['stderr'])) throw new ValueError('stdout and stderr arguments may not be used with capture_output.');
      kw['stdout'] = PIPE;
      kw['stderr'] = PIPE;
    }
    const p = popen(popenargs, kw);
    let out: unknown;
    let err: unknown;
    try {
      [out, err] = [...communicate(p, orNone(input), orNone(timeout))];
    } finally {
      closeAll(p);
    }
    const retcode = getattr(p, 'returncode');
    if (truthy(check ?? false) && truthy(retcode)) {
      throw newException(CalledProcessError, [retcode, getattr(p, 'args')], { output: out, stderr: err });
    }
    return call(CompletedProcess, [getattr(p, 'args'), retcode, out, err], null);
  });

/** What leaving Popen's `with` block does to the pipes (the child has run). */
function closeAll(p: unknown): void {
  for (const name of ['stdout', 'stderr', 'stdin']) {
    const f = getattr(p, name);
    if (truthy(f)) callMethod(f, 'close');
  }
}

const call_ = pyFunction('*popenargs, timeout=, **kwargs', 'call', Q, (popenargs: PyTuple, timeout: unknown, kwargs: unknown) => {
  const p = popen(popenargs, keywords(kwargs));
  try {
    return waitFor(p, orNone(timeout));
  } finally {
    closeAll(p);
  }
});
export { call_ as call };

export const check_call = pyFunction('*popenargs, **kwargs', 'check_call', Q, (popenargs: PyTuple, kwargs: unknown) => {
  const kw = keywords(kwargs);
  const retcode = call(call_, [...popenargs], kw);
  if (truthy(retcode)) {
    const cmd = isNone(kw['args']) ? popenargs[0] : kw['args'];
    throw newException(CalledProcessError, [retcode, cmd], null);
  }
  return 0;
});

export const check_output = pyFunction('*popenargs, timeout=, **kwargs', 'check_output', Q, (popenargs: PyTuple, timeout: unknown, kwargs: unknown) => {
  const kw = keywords(kwargs);
  for (const name of ['stdout', 'check']) {
    if (Object.hasOwn(kw, name)) throw new ValueError(`${name} argument not allowed, it will be overridden.`);
  }
  if (Object.hasOwn(kw, 'input') && isNone(kw['input'])) {
    const text = ['universal_newlines', 'text', 'encoding', 'errors'].some((k) => truthy(kw[k] ?? null));
    kw['input'] = text ? '' : new PyBytes(new Uint8Array(0));
  }
  const done = call(run, [...popenargs], { ...kw, stdout: PIPE, timeout: orNone(timeout), check: true });
  return getattr(done, 'stdout');
});

export const getstatusoutput = pyFunction('cmd, *, encoding=, errors=', 'getstatusoutput', Q, (cmd: unknown, encoding: unknown, errors: unknown) => {
  let data: unknown;
  let exitcode: unknown;
  try {
    data = call(check_output, [cmd], { shell: true, text: true, stderr: STDOUT, encoding: orNone(encoding), errors: orNone(errors) });
    exitcode = 0;
  } catch (e) {
    if (!(e instanceof (CalledProcessError as unknown as new () => object))) throw e;
    data = getattr(e, 'output');
    exitcode = getattr(e, 'returncode');
  }
  let text = data as string;
  if (text.endsWith('\n')) text = text.slice(0, -1);
  return PyTuple.fromArray([exitcode, text]);
});

export const getoutput = pyFunction('cmd, *, encoding=, errors=', 'getoutput', Q, (cmd: unknown, encoding: unknown, errors: unknown) =>
  (call(getstatusoutput, [cmd], { encoding: orNone(encoding), errors: orNone(errors) }) as PyTuple)[1]);

/** The Windows command line for an argument list (MS C runtime quoting), as CPython's. */
export const list2cmdline = pyFunction('seq', 'list2cmdline', Q, (seq: unknown) => {
  const result: string[] = [];
  for (const item of iterate(seq) as Iterable<unknown>) {
    const arg = fsArg(item);
    let backslashes = 0;
    if (result.length > 0) result.push(' ');
    const needquote = arg.includes(' ') || arg.includes('\t') || arg === '';
    if (needquote) result.push('"');
    for (const c of arg) {
      if (c === '\\') backslashes++;
      else if (c === '"') {
        result.push('\\'.repeat(backslashes * 2), '\\"');
        backslashes = 0;
      } else {
        result.push('\\'.repeat(backslashes), c);
        backslashes = 0;
      }
    }
    result.push('\\'.repeat(backslashes));
    if (needquote) result.push('\\'.repeat(backslashes), '"');
  }
  return result.join('');
});

