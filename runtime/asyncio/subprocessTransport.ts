/**
 * loop.subprocess_exec / subprocess_shell: CPython's _UnixSubprocessTransport
 * (base_subprocess.py) over a child started by Node's `spawn`. Each pipe is
 * a transport of its own (the socket transport, over the Node stream of the
 * child's stdin, stdout or stderr) whose protocol reports to this one, as
 * CPython's Read/WriteSubprocessPipeProto do; the pipes are connected by a
 * task, and calls to the subprocess protocol wait until it has run
 * `connection_made`. Node's 'exit' event enters the loop as CPython's child
 * watcher's does (three loop callbacks later), and `wait()` returns once the
 * process has exited and every pipe is closed.
 */
import type { ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import { ProcessLookupError, TypeError, ValueError } from '../builtins/exceptions.js';
import { callMethod } from '../builtins/attributes.js';
import { callableClass } from '../builtins/callableClass.js';
import { PyTuple, isIntNumber } from '../builtins/values.js';
import { fromNodeError } from '../builtins/io.js';
import { truthy } from '../builtins/truth.js';
import { toPython } from '../builtins/errors.js';
import { intArg } from '../builtins/files.js';
import { childProcesses, prepareLaunch, returncodeOf, SIGKILL, SIGTERM, type Launch } from '../modules/support/subprocess/launch.js';
import { invokeCallback, isFatal } from './events.js';
import type { BaseEventLoop } from './baseEvents.js';
import type { Future } from './futures.js';
import { aw, runtimeCoroutine, type PyCoroutine } from './coroutines.js';
import { markCoroutineFunctions } from './coroutineFunctions.js';
import { ProtocolImpl } from './baseProtocols.js';
import { SubprocessTransportImpl } from './transports.js';
import { SocketTransport, holdHandle, protocolMethod, readEarly, releaseHandle, soon, type EarlyReads } from './socketTransport.js';
import type { Keywords } from './keywords.js';

export const PIPE = -1;
export const STDOUT = -2;
export const DEVNULL = -3;

const isNone = (v: unknown): boolean => v === null || v === undefined;

type Stdio = 'pipe' | 'inherit' | 'ignore' | number;

/** A stdin/stdout/stderr argument as Node's stdio entry (a file object gives its descriptor). */
function stdioOf(v: unknown, fd: 0 | 1 | 2): Stdio | 'merge' {
  if (isNone(v)) return 'inherit';
  if (v === PIPE) return 'pipe';
  if (v === DEVNULL) return 'ignore';
  if (v === STDOUT && fd === 2) return 'merge';
  if (typeof v === 'number' && isIntNumber(v) && v >= 0) return v;
  if (typeof v === 'number') throw new ValueError(`bad value for ${['stdin', 'stdout', 'stderr'][fd]}: ${v}`);
  return intArg(callMethod(v, 'fileno'));
}

/** WriteSubprocessPipeProto and ReadSubprocessPipeProto in one: what a pipe's transport reports to the subprocess transport. */
class SubprocessPipeProtoImpl extends ProtocolImpl {
  static override readonly __name__: string = 'ReadSubprocessPipeProto';
  static override readonly __module__: string = 'asyncio.base_subprocess';
  proc: UnixSubprocessTransportImpl | null;
  pipe: unknown = null;
  disconnected = false;

  constructor(proc: UnixSubprocessTransportImpl, readonly fd: number) {
    super();
    this.proc = proc;
  }

  override connection_made(transport: unknown): null {
    this.pipe = transport;
    return null;
  }

  override connection_lost(exc: unknown): null {
    this.disconnected = true;
    this.proc?._pipe_connection_lost(this.fd, exc ?? null);
    this.proc = null;
    return null;
  }

  override pause_writing(): null {
    callMethod(this.proc?._protocol, 'pause_writing');
    return null;
  }

  override resume_writing(): null {
    callMethod(this.proc?._protocol, 'resume_writing');
    return null;
  }

  override data_received(data: unknown): null {
    this.proc?._pipe_data_received(this.fd, data);
    return null;
  }

  override __repr__(): string {
    return `<${this.fd === 0 ? 'WriteSubprocessPipeProto' : 'ReadSubprocessPipeProto'} fd=${this.fd} pipe=${String(this.pipe)}>`;
  }
}

type PendingCall = [(...args: unknown[]) => unknown, unknown[]];

class UnixSubprocessTransportImpl extends SubprocessTransportImpl {
  static override readonly __name__: string = '_UnixSubprocessTransport';
  static override readonly __module__: string = 'asyncio.unix_events';

  _closed = false;
  _protocol: unknown;
  _loop: BaseEventLoop | null;
  _proc: ChildProcess | null = null;
  _pid: number | null = null;
  _returncode: number | null = null;
  _exit_waiters: Future[] | null = [];
  _pending_calls: PendingCall[] | null = [];
  _pipes = new Map<number, SubprocessPipeProtoImpl | null>();
  _finished = false;
  $early = new Map<number, EarlyReads>();

  constructor(loop: BaseEventLoop, protocol: unknown, launch: Launch, stdio: [Stdio, Stdio, Stdio | 'merge'], waiter: Future) {
    super();
    this._loop = loop;
    this._protocol = protocol;
    stdio.forEach((s, fd) => {
      if (s === 'pipe') this._pipes.set(fd, null);
    });
    this.$start(launch, stdio);
    this._extra.$set('subprocess', null);
    loop.create_task(runtimeCoroutine(connectPipes, [this, waiter], 'BaseSubprocessTransport._connect_pipes'));
  }

  private $start(launch: Launch, stdio: [Stdio, Stdio, Stdio | 'merge']): void {
    const cp = childProcesses("asyncio's subprocess support");
    const [stdin, stdout, stderr] = stdio;
    let file = launch.file;
    let args = launch.argv.slice(1);
    let argv0 = launch.argv[0];
    let errStdio: Stdio;
    if (stderr !== 'merge') errStdio = stderr;
    else if (stdout === 'pipe') {
      // Node's stdio cannot give two descriptors one pipe: a shell joins stderr to stdout, then becomes the program.
      args = ['-c', 'exec "$0" "$@" 2>&1', file, ...args];
      file = '/bin/sh';
      argv0 = 'sh';
      errStdio = 'ignore';
    } else errStdio = stdout === 'inherit' ? 1 : stdout;
    const child = cp.spawn(file, args, { argv0, cwd: launch.cwd, env: launch.env, stdio: [stdin, stdout, errStdio] });
    for (const fd of [1, 2] as const) {
      const stream = child.stdio[fd] as Socket | null;
      if (stream !== null && this._pipes.has(fd)) this.$early.set(fd, readEarly(stream));
    }
    this._proc = child;
    this._pid = child.pid ?? null;
    const loop = this._loop!;
    holdHandle(loop, child);
    child.on('error', () => {
      // A signal that could not be sent; a failed spawn is reported by connectPipes.
    });
    child.on('exit', (code: number | null, signal: string | null) => {
      const returncode = returncodeOf(code, signal);
      releaseHandle(loop, child);
      // The child watcher's thread hands the exit to the loop, which calls _process_exited a turn later.
      soon(loop, () => loop.call_soon(() => loop.call_soon(() => this._process_exited(returncode))));
    });
  }

  override __repr__(): string {
    const info: string[] = ['_UnixSubprocessTransport'];
    if (this._closed) info.push('closed');
    if (this._pid !== null) info.push(`pid=${this._pid}`);
    if (this._returncode !== null) info.push(`returncode=${this._returncode}`);
    else if (this._pid !== null) info.push('running');
    else info.push('not started');
    return `<${info.join(' ')}>`;
  }

  override set_protocol(protocol: unknown): null {
    this._protocol = protocol;
    return null;
  }

  override get_protocol(): unknown {
    return this._protocol;
  }

  override is_closing(): boolean {
    return this._closed;
  }

  override close(): null {
    if (this._closed) return null;
    this._closed = true;
    for (const proto of this._pipes.values()) if (proto !== null) callMethod(proto.pipe, 'close');
    if (this._proc !== null && this._returncode === null && this._proc.exitCode === null && this._proc.signalCode === null) {
      this._proc.kill('SIGKILL');
    }
    return null;
  }

  override get_pid(): unknown {
    return this._pid;
  }

  override get_returncode(): unknown {
    return this._returncode;
  }

  get_pipe_transport(fd: unknown): unknown {
    const proto = this._pipes.get(Number(fd));
    return proto === undefined || proto === null ? null : proto.pipe;
  }

  private $checkProc(): ChildProcess {
    if (this._proc === null) throw new ProcessLookupError();
    return this._proc;
  }

  send_signal(signal: unknown): null {
    const proc = this.$checkProc();
    // A child already reaped is not signalled, as Popen.send_signal's poll() finds.
    if (proc.exitCode === null && proc.signalCode === null) proc.kill(intArg(signal));
    return null;
  }

  terminate(): null {
    return this.send_signal(SIGTERM);
  }

  override kill(): null {
    return this.send_signal(SIGKILL);
  }

  _call(cb: (...args: unknown[]) => unknown, ...data: unknown[]): void {
    if (this._pending_calls !== null) this._pending_calls.push([cb, data]);
    else this._loop!.call_soon(cb, ...data);
  }

  _pipe_connection_lost(fd: number, exc: unknown): void {
    this._call(protocolMethod(this._protocol, 'pipe_connection_lost'), fd, exc);
    this._try_finish();
  }

  _pipe_data_received(fd: number, data: unknown): void {
    this._call(protocolMethod(this._protocol, 'pipe_data_received'), fd, data);
  }

  _process_exited(returncode: number): void {
    if (this._returncode !== null) return;
    this._returncode = returncode;
    this._call(protocolMethod(this._protocol, 'process_exited'));
    this._try_finish();
  }

  _wait(): PyCoroutine {
    return runtimeCoroutine(waitForExit, [this], 'BaseSubprocessTransport._wait');
  }

  _try_finish(): void {
    if (this._finished || this._returncode === null) return;
    for (const p of this._pipes.values()) if (p === null || !p.disconnected) return;
    this._finished = true;
    this._call(() => this._call_connection_lost(null));
  }

  _call_connection_lost(exc: unknown): void {
    try {
      callMethod(this._protocol, 'connection_lost', exc);
    } finally {
      for (const waiter of this._exit_waiters ?? []) if (!waiter.cancelled()) waiter.set_result(this._returncode);
      this._exit_waiters = null;
      this._loop = null;
      this._proc = null;
      this._protocol = null;
    }
  }
}

async function waitForExit(t: UnixSubprocessTransportImpl): Promise<unknown> {
  if (t._returncode !== null) return t._returncode;
  const waiter = t._loop!.create_future();
  t._exit_waiters!.push(waiter);
  return aw(waiter);
}

/** The child's pipes, each a transport of its own; then the protocol's connection_made and the calls that waited for it. */
async function connectPipes(t: UnixSubprocessTransportImpl, waiter: Future): Promise<unknown> {
  try {
    const proc = t._proc!;
    const loop = t._loop!;
    if (t._pid === null) await aw(spawnFailure(loop, proc, t));
    const streams: [number, Socket | null][] = [[0, proc.stdin as Socket | null], [1, proc.stdout as Socket | null], [2, proc.stderr as Socket | null]];
    for (const [fd, stream] of streams) {
      if (stream === null || !t._pipes.has(fd)) continue;
      const proto = new SubprocessPipeProtoImpl(t, fd);
      const connected = loop.create_future();
      new SocketTransport(loop, stream, proto, connected, null, fd === 0 ? 'write' : 'read', t.$early.get(fd) ?? null);
      await aw(connected);
      t._pipes.set(fd, proto);
    }
    loop.call_soon(protocolMethod(t._protocol, 'connection_made'), t);
    for (const [cb, data] of t._pending_calls ?? []) loop.call_soon(cb, ...data);
    t._pending_calls = null;
  } catch (error) {
    const exc = toPython(error);
    if (isFatal(exc)) throw exc;
    if (!waiter.cancelled()) waiter.set_exception(exc);
    return null;
  }
  if (!waiter.cancelled()) waiter.set_result(null);
  return null;
}

/** A spawn that failed after the checks (Node reports it as an 'error' event): its OSError. */
function spawnFailure(loop: BaseEventLoop, proc: ChildProcess, t: UnixSubprocessTransportImpl): Future {
  const failed = loop.create_future();
  proc.once('error', (error: unknown) => soon(loop, () => {
    t._closed = true;
    if (!failed.done()) failed.set_exception(fromNodeError(error, proc.spawnfile) as never);
  }));
  return failed;
}

export const UnixSubprocessTransport = callableClass(UnixSubprocessTransportImpl);

const POPEN_KEYWORDS = ['cwd', 'env', 'executable', 'close_fds', 'pass_fds', 'start_new_session', 'restore_signals'];

/** `loop.subprocess_exec` / `subprocess_shell`: the checks of base_events.py, then the transport once its pipes are connected. */
export async function subprocessTransport(
  loop: BaseEventLoop, factory: unknown, args: unknown, shell: boolean, kw: Keywords | null,
): Promise<unknown> {
  const opts: Record<string, unknown> = { stdin: PIPE, stdout: PIPE, stderr: PIPE, universal_newlines: false, shell, bufsize: 0, encoding: null, errors: null, text: null, ...(kw ?? {}) };
  if (truthy(opts['universal_newlines'] ?? false)) throw new ValueError('universal_newlines must be False');
  if (shell ? !truthy(opts['shell'] ?? false) : truthy(opts['shell'] ?? false)) throw new ValueError(shell ? 'shell must be True' : 'shell must be False');
  if (opts['bufsize'] !== 0) throw new ValueError('bufsize must be 0');
  if (truthy(opts['text'] ?? false)) throw new ValueError('text must be False');
  if (!isNone(opts['encoding'])) throw new ValueError('encoding must be None');
  if (!isNone(opts['errors'])) throw new ValueError('errors must be None');
  for (const key of Object.keys(opts)) {
    if (!['stdin', 'stdout', 'stderr', 'universal_newlines', 'shell', 'bufsize', 'encoding', 'errors', 'text', ...POPEN_KEYWORDS].includes(key)) {
      throw new TypeError(`Popen.__init__() got an unexpected keyword argument '${key}'`);
    }
  }
  const protocol = invokeCallback(factory, []);
  const stdio: [Stdio, Stdio, Stdio | 'merge'] = [
    stdioOf(opts['stdin'], 0) as Stdio, stdioOf(opts['stdout'], 1) as Stdio, stdioOf(opts['stderr'], 2),
  ];
  const launch = prepareLaunch(args, shell, opts['executable'], opts['cwd'], opts['env']);
  const waiter = loop.create_future();
  const transport = new UnixSubprocessTransportImpl(loop, protocol, launch, stdio, waiter);
  try {
    await aw(waiter);
  } catch (error) {
    const exc = toPython(error);
    if (isFatal(exc)) throw exc;
    transport.close();
    if (transport._pid !== null) await aw(transport._wait());
    throw exc;
  }
  return PyTuple.fromArray([transport, protocol]);
}

markCoroutineFunctions(UnixSubprocessTransportImpl.prototype, ['_wait']);
