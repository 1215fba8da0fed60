/**
 * asyncio.selector_events' socket transport over a Node socket. Node's
 * socket events never run Python code themselves: each one becomes a
 * callback on the loop's ready queue (`call_soon`), so protocol methods run
 * in the loop's order, as CPython's selector callbacks do. Reading starts
 * after `connection_made` (a Node socket only flows once a 'data' listener
 * is attached), and chunks that arrive while reading is paused wait in the
 * transport until it resumes.
 */
import type { Socket } from 'node:net';
import { RuntimeError, TypeError, ValueError } from '../builtins/exceptions.js';
import { PyDict } from '../builtins/dict.js';
import { callMethod } from '../builtins/attributes.js';
import { isinstance, typeOf, type PyClass } from '../builtins/classes.js';
import { BufferedProtocol } from './baseProtocols.js';
import { toPython } from '../builtins/errors.js';
import { truthy } from '../builtins/truth.js';
import { iterate } from '../builtins/iteration.js';
import { PyBytes, PyTuple, typeName } from '../builtins/values.js';
import { osError } from '../builtins/io.js';
import { callableClass } from '../builtins/callableClass.js';
import { repr } from '../builtins/repr.js';
import { OSError } from '../builtins/exceptions.js';
import { TransportImpl } from './transports.js';
import { isFatal } from './events.js';
import type { BaseEventLoop } from './baseEvents.js';
import type { Future } from './futures.js';
import { setResultUnlessCancelled } from './futures.js';
import { optional, takeKeywords } from './keywords.js';
import { bufferSnapshot, isBytesLike, writableBuffer } from '../builtins/buffer.js';

/** What keeps Node's process alive: a socket or a listening server, while its loop runs. */
export interface HostHandle {
  ref(): unknown;
  unref(): unknown;
}

/** Node's handles follow the loop: referenced while it runs, so a finished `asyncio.run` lets the process exit. */
export function holdHandle(loop: BaseEventLoop, handle: HostHandle): void {
  loop.$hostHandles.add(handle);
  if (loop.$running) handle.ref();
  else handle.unref();
}

export function releaseHandle(loop: BaseEventLoop, handle: HostHandle): void {
  loop.$hostHandles.delete(handle);
}

/** A Node callback's work, queued on the loop (dropped once the loop is closed, as a closed selector would). */
export function soon(loop: BaseEventLoop, fn: () => void): void {
  if (!loop._closed) loop.$callSoonFromHost(fn);
}

/** A socket address as Python's socket module gives it: (host, port) for IPv4, (host, port, flowinfo, scope_id) for IPv6. */
export function socketAddress(address: string | undefined, port: number | undefined, family: string | undefined): PyTuple | string {
  if (address === undefined) return '';
  if (family === 'IPv6' || address.includes(':')) return PyTuple.fromArray([address, port ?? 0, 0, 0]);
  return PyTuple.fromArray([address, port ?? 0]);
}

/** The errno OSError for a Node error (ECONNRESET → ConnectionResetError…). */
export function socketError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^E[A-Z0-9]+$/.test(code)) {
    const e = osError(code, null, error as never);
    if (code !== 'ECONNRESET' && code !== 'EPIPE' && code !== 'ECONNREFUSED') return e;
    const errno = (e as unknown as { errno: unknown }).errno;
    return new OSError(errno, (e as unknown as { strerror: unknown }).strerror);
  }
  return toPython(error);
}

const AF_UNIX = 1;
const AF_INET = 2;
const AF_INET6 = 10;
const SOCK_STREAM = 1;
const IPPROTO_TCP = 6;

/** asyncio.trsock.TransportSocket: what `get_extra_info('socket')` and `Server.sockets` give. */
class TransportSocketImpl {
  static readonly __name__ = 'TransportSocket';
  static readonly __module__ = 'asyncio.trsock';

  constructor(readonly $local: () => PyTuple | string, readonly $remote: (() => PyTuple | string) | null, readonly $fd: () => number) {}

  get family(): number {
    const local = this.$local();
    if (typeof local === 'string') return AF_UNIX;
    return Array.isArray(local) && local.length === 4 ? AF_INET6 : AF_INET;
  }

  get type(): number {
    return SOCK_STREAM;
  }

  get proto(): number {
    return typeof this.$local() === 'string' ? 0 : IPPROTO_TCP;
  }

  fileno(): number {
    return this.$fd();
  }

  getsockname(): PyTuple | string {
    return this.$local();
  }

  getpeername(): PyTuple | string {
    if (this.$remote === null) throw new OSError(107, 'Transport endpoint is not connected');
    return this.$remote();
  }

  __repr__(): string {
    const fd = this.$fd();
    let s = `<asyncio.TransportSocket fd=${fd}, family=${this.family}, type=${SOCK_STREAM}, proto=${this.proto}`;
    if (fd !== -1) {
      s += `, laddr=${repr(this.$local())}`;
      if (this.$remote !== null) s += `, raddr=${repr(this.$remote())}`;
    }
    return s + '>';
  }
}

export const TransportSocket = callableClass(TransportSocketImpl);
export type TransportSocket = TransportSocketImpl;

export function handleFd(handle: unknown): number {
  const fd = (handle as { _handle?: { fd?: unknown } } | null)?._handle?.fd;
  return typeof fd === 'number' ? fd : -1;
}

/** What a server counts: its live connections (Server._attach/_detach). */
export interface ServerAttachment {
  _attach(): void;
  _detach(): void;
}

/** `protocol.name` as a loop callback, named `Class.name` in the loop's error messages as CPython's bound method is. */
export function protocolMethod(protocol: unknown, name: string): (...args: unknown[]) => unknown {
  const fn = (...args: unknown[]): unknown => callMethod(protocol, name, ...args);
  const cls = typeOf(protocol as object) as unknown as { __qualname__?: string; __name__?: string };
  Object.defineProperty(fn, '__qualname__', { value: `${cls.__qualname__ ?? cls.__name__}.${name}` });
  return fn;
}

const DEFAULT_HIGH = 64 * 1024;

/** Bytes a transport's write takes: bytes, bytearray (copied, it may change) or memoryview-likes with `.bytes`. */
export function bytesOf(data: unknown): Uint8Array {
  if (data instanceof PyBytes) return data.bytes;
  const buffer = bufferSnapshot(data);
  if (buffer !== null) return buffer;
  throw new TypeError(`data argument must be a bytes-like object, not '${typeName(data)}'`);
}

type Pending = PyBytes | null; // null: the end of the stream

/**
 * A child's output pipe is read from the moment it is spawned: Node drains
 * (and drops) what an unread pipe holds when the child exits, which can
 * happen before the pipe's transport exists.
 */
export interface EarlyReads {
  chunks: Uint8Array[];
  ended: boolean;
  detach(): void;
}

export function readEarly(stream: Socket): EarlyReads {
  const early: EarlyReads = {
    chunks: [],
    ended: false,
    detach: () => {
      stream.removeListener('data', onData);
      stream.removeListener('end', onEnd);
    },
  };
  const onData = (chunk: Uint8Array): void => {
    early.chunks.push(new Uint8Array(chunk));
  };
  const onEnd = (): void => {
    early.ended = true;
  };
  stream.on('data', onData);
  stream.on('end', onEnd);
  return early;
}

class SocketTransportImpl extends TransportImpl {
  static override readonly __name__: string = '_SelectorSocketTransport';
  static override readonly __module__: string = 'asyncio.selector_events';

  _loop: BaseEventLoop;
  _sock: Socket | null;
  _protocol: unknown;
  _server: ServerAttachment | null;
  _closing = false;
  _paused = false;
  _eof = false;
  _conn_lost = 0;
  _protocol_connected = false;
  _protocol_paused = false;
  _high_water = DEFAULT_HIGH;
  _low_water = DEFAULT_HIGH / 4;
  private $fd: number;
  /** Reading was stopped for good (the peer's EOF, kept open by the protocol). */
  private $readDone = false;
  private $pending: Pending[] = [];
  private $error: unknown = null;
  /** connection_lost waits for the write buffer to drain. */
  private $closeWhenDrained = false;
  private $abort = false;

  /** A socket, or one end of a child's pipe (subprocessTransport.ts): a write end is never read. */
  private $mode: 'socket' | 'read' | 'write';

  /** What a child's pipe delivered before this transport was made (subprocessTransport.ts). */
  private $early: EarlyReads | null;

  constructor(
    loop: BaseEventLoop, sock: Socket, protocol: unknown, waiter: Future | null, server: ServerAttachment | null,
    mode: 'socket' | 'read' | 'write' = 'socket', early: EarlyReads | null = null,
  ) {
    super();
    this.$mode = mode;
    this.$early = early;
    this._loop = loop;
    this._sock = sock;
    this._protocol = protocol;
    this._server = server;
    this.$fd = handleFd(sock);
    const local = (): PyTuple | string => socketAddress(sock.localAddress, sock.localPort, sock.localFamily);
    const remote = (): PyTuple | string => socketAddress(sock.remoteAddress, sock.remotePort, sock.remoteFamily);
    const extra = new PyDict();
    if (mode === 'socket') {
      extra.$set('socket', new TransportSocket(local, remote, () => this.$fd));
      extra.$set('sockname', local());
      extra.$set('peername', remote());
    } else extra.$set('pipe', null);
    this._extra = extra;
    server?._attach();
    holdHandle(loop, sock);
    if (mode !== 'write' && early === null) sock.on('end', () => soon(loop, () => this.$received(null)));
    sock.on('drain', () => soon(loop, () => this.$drained()));
    sock.on('error', (e: unknown) => {
      this.$error ??= e;
    });
    sock.on('close', () => soon(loop, () => this.$socketClosed()));
    // CPython counts the protocol connected from here (connection_lost is always called), and names the callback in errors.
    this._protocol_connected = true;
    loop.call_soon(protocolMethod(protocol, 'connection_made'), this);
    loop.call_soon(() => this.$startReading());
    if (waiter !== null) loop.call_soon(setResultUnlessCancelled, waiter, null);
  }

  private $startReading(): void {
    const sock = this._sock;
    if (sock === null || this._closing || this.$mode === 'write') return;
    const early = this.$early;
    if (early !== null) {
      this.$early = null;
      early.detach();
      for (const chunk of early.chunks) soon(this._loop, () => this.$received(new PyBytes(chunk)));
      if (early.ended) {
        soon(this._loop, () => this.$received(null));
        return;
      }
      sock.on('end', () => soon(this._loop, () => this.$received(null)));
    }
    sock.on('data', (chunk: Uint8Array) => {
      const data = new PyBytes(new Uint8Array(chunk));
      soon(this._loop, () => this.$received(data));
    });
    if (this._paused) sock.pause();
    else sock.resume();
  }

  /** A chunk (or the end, null) read from the socket, as `_read_ready` handles it. */
  private $received(data: Pending): void {
    if (this._closing || this.$readDone) return;
    if (this._paused || this.$pending.length > 0) {
      this.$pending.push(data);
      return;
    }
    this.$deliver(data);
  }

  private $deliver(data: Pending): void {
    if (data === null) {
      this.$eofReceived();
      return;
    }
    if (isinstance(this._protocol, BufferedProtocol as unknown as PyClass)) {
      this.$bufferUpdated(data.bytes);
      return;
    }
    try {
      callMethod(this._protocol, 'data_received', data);
    } catch (error) {
      this.$fatal(error, 'Fatal error: protocol.data_received() call failed.');
    }
  }

  /** A BufferedProtocol fills the buffers it hands out (bytearrays, writable memoryviews) with what was read. */
  private $bufferUpdated(bytes: Uint8Array): void {
    let at = 0;
    while (at < bytes.length) {
      let target: Uint8Array;
      try {
        const buf = callMethod(this._protocol, 'get_buffer', bytes.length - at);
        const memory = writableBuffer(buf);
        if (memory === null || memory.length === 0) throw new RuntimeError('get_buffer() returned an empty buffer');
        target = memory;
      } catch (error) {
        this.$fatal(error, 'Fatal error: protocol.get_buffer() call failed.');
        return;
      }
      const n = Math.min(target.length, bytes.length - at);
      target.set(bytes.subarray(at, at + n));
      at += n;
      try {
        callMethod(this._protocol, 'buffer_updated', n);
      } catch (error) {
        this.$fatal(error, 'Fatal error: protocol.buffer_updated() call failed.');
        return;
      }
    }
  }

  private $eofReceived(): void {
    let keepOpen: unknown;
    try {
      keepOpen = callMethod(this._protocol, 'eof_received');
    } catch (error) {
      this.$fatal(error, 'Fatal error: protocol.eof_received() call failed.');
      return;
    }
    if (truthy(keepOpen ?? null)) {
      this.$readDone = true;
    } else {
      this.close();
    }
  }

  /** Chunks read before a pause_reading are delivered on resume, one per loop callback. */
  private $flushPending(): void {
    if (this._paused || this._closing || this.$pending.length === 0) return;
    const next = this.$pending.shift()!;
    this.$deliver(next);
    if (this.$pending.length > 0) soon(this._loop, () => this.$flushPending());
  }

  private $drained(): void {
    if (this._sock === null) return;
    this.$maybeResumeProtocol();
    if (this.$closeWhenDrained && this._sock.writableLength === 0) {
      this.$closeWhenDrained = false;
      this._conn_lost += 1;
      this._loop.call_soon(() => this.$callConnectionLost(null));
    }
  }

  private $socketClosed(): void {
    if (this._conn_lost > 0 || this._sock === null) return;
    const error = this.$error;
    // A clean close (both directions shut down) is not seen by CPython's transport until close().
    if (error !== null) this.$forceClose(socketError(error));
  }

  private $fatal(error: unknown, message: string): void {
    const exc = toPython(error);
    if (isFatal(exc)) throw exc;
    if (!(exc instanceof OSError)) {
      this._loop.call_exception_handler(new PyDict(Object.entries({
        message, exception: exc, transport: this, protocol: this._protocol,
      })));
    }
    this.$forceClose(exc);
  }

  private $forceClose(exc: unknown): void {
    if (this._conn_lost > 0) return;
    this.$closeWhenDrained = false;
    if (!this._closing) {
      this._closing = true;
      this.$stopReading();
    }
    this._conn_lost += 1;
    this.$abort = true;
    this._loop.call_soon(() => this.$callConnectionLost(exc));
  }

  private $callConnectionLost(exc: unknown): void {
    const sock = this._sock;
    try {
      if (this._protocol_connected) callMethod(this._protocol, 'connection_lost', exc);
    } finally {
      if (sock !== null) {
        // As CPython closes its socket after connection_lost: a forced close drops what is unsent.
        if (this.$abort) sock.destroy();
        else sock.destroySoon();
        releaseHandle(this._loop, sock);
      }
      this._sock = null;
      this._protocol = null;
      const server = this._server;
      this._server = null;
      server?._detach();
    }
  }

  private $stopReading(): void {
    this.$pending = [];
    this._sock?.pause();
  }

  // -------------------------------------------------------------------------
  // The Transport API

  override is_closing(): boolean {
    return this._closing;
  }

  override close(): null {
    if (this._closing) return null;
    this._closing = true;
    this.$stopReading();
    if (this._sock === null || this._sock.writableLength === 0) {
      this._conn_lost += 1;
      this._loop.call_soon(() => this.$callConnectionLost(null));
    } else {
      this.$closeWhenDrained = true;
    }
    return null;
  }

  override abort(): null {
    this.$forceClose(null);
    return null;
  }

  override set_protocol(protocol: unknown): null {
    this._protocol = protocol;
    this._protocol_connected = true;
    return null;
  }

  override get_protocol(): unknown {
    return this._protocol;
  }

  override is_reading(): boolean {
    return !this._paused && !this._closing;
  }

  override pause_reading(): null {
    if (this._closing || this._paused) return null;
    this._paused = true;
    this._sock?.pause();
    return null;
  }

  override resume_reading(): null {
    if (this._closing || !this._paused) return null;
    this._paused = false;
    if (!this.$readDone) this._sock?.resume();
    if (this.$pending.length > 0) soon(this._loop, () => this.$flushPending());
    return null;
  }

  override write(data: unknown): null {
    const bytes = bytesOf(data);
    if (this._eof) throw new RuntimeError('Cannot call write() after write_eof()');
    if (bytes.length === 0) return null;
    if (this._conn_lost > 0 || this._sock === null) {
      this._conn_lost += 1;
      return null;
    }
    this._sock.write(bytes);
    this.$maybePauseProtocol();
    return null;
  }

  override writelines(list: unknown): null {
    // b''.join's checks and message.
    const parts = [...(iterate(list) as Iterable<unknown>)].map((item, i) => {
      if (isBytesLike(item)) return bytesOf(item);
      throw new TypeError(`sequence item ${i}: expected a bytes-like object, ${typeName(item)} found`);
    });
    const total = parts.reduce((n, p) => n + p.length, 0);
    const joined = new Uint8Array(total);
    let at = 0;
    for (const p of parts) {
      joined.set(p, at);
      at += p.length;
    }
    return this.write(new PyBytes(joined));
  }

  override write_eof(): null {
    if (this._closing || this._eof) return null;
    this._eof = true;
    this._sock?.end();
    return null;
  }

  override can_write_eof(): boolean {
    return true;
  }

  override get_write_buffer_size(): number {
    return this._sock?.writableLength ?? 0;
  }

  override get_write_buffer_limits(): PyTuple {
    return PyTuple.fromArray([this._low_water, this._high_water]);
  }

  override set_write_buffer_limits(...args: unknown[]): null {
    const kw = takeKeywords(args);
    let high = optional(args[0] ?? kw ?? undefined, 'high');
    let low = optional(args[1] ?? kw ?? undefined, 'low');
    if (high === null) high = low === null ? DEFAULT_HIGH : 4 * Number(low);
    if (low === null) low = Math.floor(Number(high) / 4);
    if (!(Number(high) >= Number(low) && Number(low) >= 0)) {
      throw new ValueError(`high (${repr(high)}) must be >= low (${repr(low)}) must be >= 0`);
    }
    this._high_water = Number(high);
    this._low_water = Number(low);
    this.$maybePauseProtocol();
    return null;
  }

  private $maybePauseProtocol(): void {
    if (this.get_write_buffer_size() <= this._high_water || this._protocol_paused) return;
    this._protocol_paused = true;
    try {
      callMethod(this._protocol, 'pause_writing');
    } catch (error) {
      const exc = toPython(error);
      if (isFatal(exc)) throw exc;
      this._loop.call_exception_handler(new PyDict(Object.entries({
        message: 'protocol.pause_writing() failed', exception: exc, transport: this, protocol: this._protocol,
      })));
    }
  }

  private $maybeResumeProtocol(): void {
    if (!this._protocol_paused || this.get_write_buffer_size() > this._low_water) return;
    this._protocol_paused = false;
    try {
      callMethod(this._protocol, 'resume_writing');
    } catch (error) {
      const exc = toPython(error);
      if (isFatal(exc)) throw exc;
      this._loop.call_exception_handler(new PyDict(Object.entries({
        message: 'protocol.resume_writing() failed', exception: exc, transport: this, protocol: this._protocol,
      })));
    }
  }

  override __repr__(): string {
    const info: string[] = ['_SelectorSocketTransport'];
    if (this._sock === null) info.push('closed');
    else if (this._closing) info.push('closing');
    info.push(`fd=${this.$fd}`);
    if (this._sock !== null && !this._loop._closed) {
      info.push(`read=${this.is_reading() ? 'polling' : 'idle'}`);
      const size = this.get_write_buffer_size();
      info.push(`write=<${size > 0 ? 'polling' : 'idle'}, bufsize=${size}>`);
    }
    return `<${info.join(' ')}>`;
  }
}

export const SocketTransport = callableClass(SocketTransportImpl);
export type SocketTransport = SocketTransportImpl;
