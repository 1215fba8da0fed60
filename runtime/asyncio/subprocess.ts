/**
 * asyncio.subprocess: `create_subprocess_exec` / `create_subprocess_shell`,
 * the `Process` they return (a StreamWriter on the child's stdin,
 * StreamReaders on its stdout and stderr, `wait`, `communicate`, the
 * signals) and SubprocessStreamProtocol joining the streams to the
 * subprocess transport (subprocessTransport.ts) — CPython 3.11's
 * asyncio/subprocess.py, in its order of operations.
 */
import { BrokenPipeError, ConnectionResetError } from '../builtins/exceptions.js';
import { callMethod } from '../builtins/attributes.js';
import { callableClass } from '../builtins/callableClass.js';
import { repr } from '../builtins/repr.js';
import { PyTuple } from '../builtins/values.js';
import type { PyCallable } from '../builtins/calls.js';
import { get_event_loop, get_running_loop } from './events.js';
import type { BaseEventLoop } from './baseEvents.js';
import type { Future } from './futures.js';
import { aw, runtimeCoroutine, type PyCoroutine } from './coroutines.js';
import { markCoroutineFunctions } from './coroutineFunctions.js';
import { gather } from './tasks.js';
import { FlowControlMixinImpl, StreamReader, StreamWriter } from './streams.js';
import { takeKeywords, type Keywords } from './keywords.js';
import { PIPE, STDOUT, DEVNULL } from './subprocessTransport.js';

export { PIPE, STDOUT, DEVNULL };

const DEFAULT_LIMIT = 2 ** 16;

class SubprocessStreamProtocolImpl extends FlowControlMixinImpl {
  static override readonly __name__: string = 'SubprocessStreamProtocol';
  static override readonly __module__: string = 'asyncio.subprocess';
  _limit: number;
  stdin: StreamWriter | null = null;
  stdout: StreamReader | null = null;
  stderr: StreamReader | null = null;
  _transport: unknown = null;
  _process_exited = false;
  _pipe_fds: number[] = [];
  _stdin_closed: Future;

  constructor(...args: unknown[]) {
    const kw = takeKeywords(args);
    const limit = args[0] ?? kw?.['limit'] ?? DEFAULT_LIMIT;
    const loop = (args[1] ?? kw?.['loop'] ?? null) as BaseEventLoop | null;
    super(loop ?? get_event_loop());
    this._limit = Number(limit);
    this._stdin_closed = this._loop.create_future();
  }

  override __repr__(): string {
    const info = ['SubprocessStreamProtocol'];
    if (this.stdin !== null) info.push(`stdin=${repr(this.stdin)}`);
    if (this.stdout !== null) info.push(`stdout=${repr(this.stdout)}`);
    if (this.stderr !== null) info.push(`stderr=${repr(this.stderr)}`);
    return `<${info.join(' ')}>`;
  }

  override connection_made(transport: unknown): null {
    this._transport = transport;
    const stdoutTransport = callMethod(transport, 'get_pipe_transport', 1);
    if (stdoutTransport !== null) {
      this.stdout = new StreamReader(this._limit, this._loop);
      this.stdout.set_transport(stdoutTransport);
      this._pipe_fds.push(1);
    }
    const stderrTransport = callMethod(transport, 'get_pipe_transport', 2);
    if (stderrTransport !== null) {
      this.stderr = new StreamReader(this._limit, this._loop);
      this.stderr.set_transport(stderrTransport);
      this._pipe_fds.push(2);
    }
    const stdinTransport = callMethod(transport, 'get_pipe_transport', 0);
    if (stdinTransport !== null) this.stdin = new StreamWriter(stdinTransport, this, null, this._loop);
    return null;
  }

  pipe_data_received(fd: unknown, data: unknown): null {
    const reader = fd === 1 ? this.stdout : fd === 2 ? this.stderr : null;
    reader?.feed_data(data);
    return null;
  }

  pipe_connection_lost(fd: unknown, exc: unknown): null {
    const e = exc ?? null;
    if (fd === 0) {
      this.stdin?.close();
      this.connection_lost(e);
      if (e === null) this._stdin_closed.set_result(null);
      else {
        this._stdin_closed.set_exception(e);
        this._stdin_closed.$logTraceback = false;
      }
      return null;
    }
    const reader = fd === 1 ? this.stdout : fd === 2 ? this.stderr : null;
    if (reader !== null) {
      if (e === null) reader.feed_eof();
      else reader.set_exception(e);
    }
    const i = this._pipe_fds.indexOf(fd as number);
    if (i >= 0) this._pipe_fds.splice(i, 1);
    this._maybe_close_transport();
    return null;
  }

  process_exited(): null {
    this._process_exited = true;
    this._maybe_close_transport();
    return null;
  }

  _maybe_close_transport(): void {
    if (this._pipe_fds.length === 0 && this._process_exited) {
      callMethod(this._transport, 'close');
      this._transport = null;
    }
  }

  override _get_close_waiter(stream: unknown): Future {
    return (stream === this.stdin ? this._stdin_closed : null) as Future;
  }
}

export const SubprocessStreamProtocol = callableClass(SubprocessStreamProtocolImpl);

class ProcessImpl {
  static readonly __name__ = 'Process';
  static readonly __module__ = 'asyncio.subprocess';
  _transport: unknown;
  _protocol: SubprocessStreamProtocolImpl;
  _loop: BaseEventLoop;
  stdin: StreamWriter | null;
  stdout: StreamReader | null;
  stderr: StreamReader | null;
  pid: unknown;

  constructor(transport: unknown, protocol: unknown, loop: unknown) {
    this._transport = transport;
    this._protocol = protocol as SubprocessStreamProtocolImpl;
    this._loop = loop as BaseEventLoop;
    this.stdin = this._protocol.stdin;
    this.stdout = this._protocol.stdout;
    this.stderr = this._protocol.stderr;
    this.pid = callMethod(transport, 'get_pid');
  }

  __repr__(): string {
    return `<Process ${String(this.pid)}>`;
  }

  get returncode(): unknown {
    return callMethod(this._transport, 'get_returncode');
  }

  wait(): PyCoroutine {
    return runtimeCoroutine(processWait, [this], 'Process.wait');
  }

  send_signal(signal: unknown): null {
    callMethod(this._transport, 'send_signal', signal);
    return null;
  }

  terminate(): null {
    callMethod(this._transport, 'terminate');
    return null;
  }

  kill(): null {
    callMethod(this._transport, 'kill');
    return null;
  }

  _feed_stdin(input: unknown): PyCoroutine {
    return runtimeCoroutine(feedStdin, [this, input], 'Process._feed_stdin');
  }

  _noop(): PyCoroutine {
    return runtimeCoroutine(noop, [], 'Process._noop');
  }

  _read_stream(fd: unknown): PyCoroutine {
    return runtimeCoroutine(readStream, [this, fd], 'Process._read_stream');
  }

  communicate(input?: unknown): PyCoroutine {
    const kw = takeKeywords(input === undefined ? [] : [input]);
    const value = kw !== null ? (kw['input'] ?? null) : (input ?? null);
    return runtimeCoroutine(communicate, [this, value], 'Process.communicate');
  }
}

async function processWait(self: ProcessImpl): Promise<unknown> {
  return aw(callMethod(self._transport, '_wait'));
}

async function feedStdin(self: ProcessImpl, input: unknown): Promise<unknown> {
  const stdin = self.stdin!;
  try {
    stdin.write(input);
    await aw(stdin.drain());
  } catch (e) {
    if (!(e instanceof BrokenPipeError || e instanceof ConnectionResetError)) throw e;
  }
  stdin.close();
  return null;
}

async function noop(): Promise<unknown> {
  return null;
}

async function readStream(self: ProcessImpl, fd: unknown): Promise<unknown> {
  const transport = callMethod(self._transport, 'get_pipe_transport', fd);
  const stream = fd === 2 ? self.stderr! : self.stdout!;
  const output = await aw(stream.read());
  callMethod(transport, 'close');
  return output;
}

async function communicate(self: ProcessImpl, input: unknown): Promise<unknown> {
  const stdin = input !== null ? self._feed_stdin(input) : self._noop();
  const stdout = self.stdout !== null ? self._read_stream(1) : self._noop();
  const stderr = self.stderr !== null ? self._read_stream(2) : self._noop();
  const results = (await aw(gather(stdin, stdout, stderr))) as unknown[];
  await aw(self.wait());
  return PyTuple.fromArray([results[1], results[2]]);
}

export const Process = callableClass(ProcessImpl);
(Process as unknown as PyCallable).$kw = (args, kw) => {
  const named = ['transport', 'protocol', 'loop'].map((n, i) => (i < args.length ? args[i] : kw[n]));
  return new ProcessImpl(named[0], named[1], named[2]);
};

/** The keywords create_subprocess_* take for themselves; the others go to the loop's method (and Popen). */
function streamKeywords(kw: Keywords | null): { stdin: unknown; stdout: unknown; stderr: unknown; limit: number; rest: Record<string, unknown> } {
  const { stdin = null, stdout = null, stderr = null, limit = DEFAULT_LIMIT, ...rest } = (kw ?? {}) as Record<string, unknown>;
  return { stdin, stdout, stderr, limit: Number(limit), rest };
}

export function create_subprocess_exec(program: unknown, ...args: unknown[]): PyCoroutine {
  const kw = takeKeywords(args);
  return runtimeCoroutine(createExec, [program, args, streamKeywords(kw)], 'create_subprocess_exec');
}

export function create_subprocess_shell(cmd: unknown, ...args: unknown[]): PyCoroutine {
  const kw = takeKeywords(args);
  const opts = streamKeywords(kw);
  // stdin, stdout, stderr may also come by position, after cmd.
  const [stdin = opts.stdin, stdout = opts.stdout, stderr = opts.stderr] = args;
  return runtimeCoroutine(createShell, [cmd, { ...opts, stdin, stdout, stderr }], 'create_subprocess_shell');
}

type StreamOpts = ReturnType<typeof streamKeywords>;

async function createExec(program: unknown, args: unknown[], opts: StreamOpts): Promise<unknown> {
  const loop = get_running_loop();
  const factory = (): unknown => new SubprocessStreamProtocolImpl(opts.limit, loop);
  const result = (await aw(loop.subprocess_exec(factory, program, ...args, { stdin: opts.stdin, stdout: opts.stdout, stderr: opts.stderr, ...opts.rest }))) as unknown[];
  return new ProcessImpl(result[0], result[1], loop);
}

async function createShell(cmd: unknown, opts: StreamOpts): Promise<unknown> {
  const loop = get_running_loop();
  const factory = (): unknown => new SubprocessStreamProtocolImpl(opts.limit, loop);
  const result = (await aw(loop.subprocess_shell(factory, cmd, { stdin: opts.stdin, stdout: opts.stdout, stderr: opts.stderr, ...opts.rest }))) as unknown[];
  return new ProcessImpl(result[0], result[1], loop);
}

markCoroutineFunctions(ProcessImpl.prototype, ['wait', 'communicate', '_feed_stdin', '_noop', '_read_stream']);
markCoroutineFunctions({ create_subprocess_exec, create_subprocess_shell }, ['create_subprocess_exec', 'create_subprocess_shell']);
