/**
 * asyncio.streams: StreamReader (a byte buffer fed by a protocol, read by
 * coroutines that wait for data on a Future), StreamWriter (a transport
 * with `drain` for flow control), StreamReaderProtocol joining them to a
 * transport, and open_connection / start_server. Messages, limits and
 * the order of wake-ups are CPython 3.11's.
 */
import { AssertionError, ConnectionResetError, NotImplementedError, RuntimeError, StopAsyncIteration, ValueError } from '../builtins/exceptions.js';
import { callableClass } from '../builtins/callableClass.js';
import { repr } from '../builtins/repr.js';
import { PyDict } from '../builtins/dict.js';
import { PyByteArray } from '../builtins/bytearray.js';
import { PyBytes, PyTuple, isIntNumber, typeName } from '../builtins/values.js';
import { TypeError } from '../builtins/exceptions.js';
import { callMethod } from '../builtins/attributes.js';
import type { PyCallable } from '../builtins/calls.js';
import { IncompleteReadError, LimitOverrunError } from './exceptions.js';
import { get_event_loop, get_running_loop, invokeCallback } from './events.js';
import type { BaseEventLoop } from './baseEvents.js';
import type { Future } from './futures.js';
import { aw, iscoroutine, runtimeCoroutine, type PyCoroutine } from './coroutines.js';
import { markCoroutineFunctions } from './coroutineFunctions.js';
import { sleepNow, type Task } from './tasks.js';
import { ProtocolImpl } from './baseProtocols.js';
import { takeKeywords, optional, type Keywords } from './keywords.js';
import { bindParams, CONNECT_KEYWORDS, SERVER_KEYWORDS, UNIX_CONNECT_KEYWORDS, UNIX_SERVER_KEYWORDS } from './connections.js';
import { bufferSnapshot } from '../builtins/buffer.js';

const DEFAULT_LIMIT = 2 ** 16;

/** The reader's buffer: bytes from `start` to `end` of a growable array. */
class ByteBuffer {
  private data = new Uint8Array(256);
  private start = 0;
  private end = 0;

  get length(): number {
    return this.end - this.start;
  }

  append(bytes: Uint8Array): void {
    if (this.end + bytes.length > this.data.length) {
      const size = this.length + bytes.length;
      const target = size * 2 > this.data.length ? new Uint8Array(Math.max(256, size * 2)) : this.data;
      const live = this.data.subarray(this.start, this.end);
      if (target === this.data) this.data.copyWithin(0, this.start, this.end);
      else target.set(live);
      this.data = target;
      this.end = size - bytes.length;
      this.start = 0;
    }
    this.data.set(bytes, this.end);
    this.end += bytes.length;
  }

  /** Removes and returns the first n bytes (all when n is larger). */
  take(n: number): PyBytes {
    const k = Math.min(n, this.length);
    const out = this.data.slice(this.start, this.start + k);
    this.start += k;
    if (this.start === this.end) this.start = this.end = 0;
    return new PyBytes(out);
  }

  peek(): Uint8Array {
    return this.data.slice(this.start, this.end);
  }

  discard(n: number): void {
    this.start = Math.min(this.end, this.start + n);
    if (this.start === this.end) this.start = this.end = 0;
  }

  clear(): void {
    this.start = this.end = 0;
  }

  /** Index of `sep` at or after `offset`, or -1. */
  find(sep: Uint8Array, offset: number): number {
    const d = this.data;
    const last = this.end - sep.length;
    outer: for (let i = this.start + Math.max(0, offset); i <= last; i++) {
      for (let j = 0; j < sep.length; j++) if (d[i + j] !== sep[j]) continue outer;
      return i - this.start;
    }
    return -1;
  }

  startsWith(sep: Uint8Array, at: number): boolean {
    if (at < 0 || at + sep.length > this.length) return false;
    for (let j = 0; j < sep.length; j++) if (this.data[this.start + at + j] !== sep[j]) return false;
    return true;
  }
}

function bytesArg(x: unknown, what: string): Uint8Array {
  if (x instanceof PyBytes) return x.bytes;
  const buffer = bufferSnapshot(x);
  if (buffer !== null) return buffer;
  throw new TypeError(`a bytes-like object is required, not '${typeName(x)}'` + (what === '' ? '' : ''));
}

function intArg(x: unknown): number {
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (typeof x === 'number' && isIntNumber(x)) return x;
  if (typeof x === 'bigint') return Number(x);
  throw new TypeError(`'${typeName(x)}' object cannot be interpreted as an integer`);
}

// ---------------------------------------------------------------------------
// StreamReader

class StreamReaderImpl {
  static readonly __name__ = 'StreamReader';
  static readonly __module__ = 'asyncio.streams';

  _limit: number;
  _loop: BaseEventLoop;
  _eof = false;
  _waiter: Future | null = null;
  _exception: unknown = null;
  _transport: unknown = null;
  _paused = false;
  private $buffer = new ByteBuffer();

  constructor(...args: unknown[]) {
    this._limit = DEFAULT_LIMIT;
    this._loop = null as unknown as BaseEventLoop;
    this.__init__(...args);
  }

  /** Also what a Python subclass's construction calls, with its keywords. */
  __init__(...args: unknown[]): null {
    const kw = takeKeywords(args);
    const limit = args[0] ?? kw?.['limit'] ?? DEFAULT_LIMIT;
    const loop = args[1] ?? kw?.['loop'] ?? null;
    this._limit = intArg(limit);
    if (this._limit <= 0) throw new ValueError('Limit cannot be <= 0');
    this._loop = (loop as BaseEventLoop | null) ?? get_event_loop();
    return null;
  }

  get _buffer(): PyByteArray {
    return new PyByteArray(this.$buffer.peek());
  }

  __repr__(): string {
    const info = ['StreamReader'];
    if (this.$buffer.length > 0) info.push(`${this.$buffer.length} bytes`);
    if (this._eof) info.push('eof');
    if (this._limit !== DEFAULT_LIMIT) info.push(`limit=${this._limit}`);
    if (this._waiter !== null) info.push(`waiter=${repr(this._waiter)}`);
    if (this._exception !== null) info.push(`exception=${repr(this._exception)}`);
    if (this._transport !== null) info.push(`transport=${repr(this._transport)}`);
    if (this._paused) info.push('paused');
    return `<${info.join(' ')}>`;
  }

  exception(): unknown {
    return this._exception;
  }

  set_exception(exc: unknown): null {
    this._exception = exc;
    const waiter = this._waiter;
    if (waiter !== null) {
      this._waiter = null;
      if (!waiter.cancelled()) waiter.set_exception(exc);
    }
    return null;
  }

  _wakeup_waiter(): void {
    const waiter = this._waiter;
    if (waiter !== null) {
      this._waiter = null;
      if (!waiter.cancelled()) waiter.set_result(null);
    }
  }

  set_transport(transport: unknown): null {
    if (this._transport !== null) throw new RuntimeError('Transport already set');
    this._transport = transport;
    return null;
  }

  _maybe_resume_transport(): void {
    if (this._paused && this.$buffer.length <= this._limit) {
      this._paused = false;
      callMethod(this._transport, 'resume_reading');
    }
  }

  feed_eof(): null {
    this._eof = true;
    this._wakeup_waiter();
    return null;
  }

  at_eof(): boolean {
    return this._eof && this.$buffer.length === 0;
  }

  feed_data(data: unknown): null {
    if (this._eof) throw new AssertionError('feed_data after feed_eof');
    const bytes = bytesArg(data, '');
    if (bytes.length === 0) return null;
    this.$buffer.append(bytes);
    this._wakeup_waiter();
    if (this._transport !== null && !this._paused && this.$buffer.length > 2 * this._limit) {
      try {
        callMethod(this._transport, 'pause_reading');
        this._paused = true;
      } catch (e) {
        if (e instanceof NotImplementedError) this._transport = null;
        else throw e;
      }
    }
    return null;
  }

  $wait(funcName: string): Promise<unknown> {
    return waitForData(this, funcName);
  }

  readline(): PyCoroutine {
    return runtimeCoroutine(readline, [this], 'StreamReader.readline');
  }

  readuntil(separator?: unknown): PyCoroutine {
    const sep = optional(separator, 'separator');
    return runtimeCoroutine(readuntil, [this, sep === null ? NEWLINE : sep], 'StreamReader.readuntil');
  }

  read(n?: unknown): PyCoroutine {
    const size = optional(n, 'n');
    return runtimeCoroutine(read, [this, size === null ? -1 : intArg(size)], 'StreamReader.read');
  }

  readexactly(n: unknown): PyCoroutine {
    const size = optional(n, 'n');
    return runtimeCoroutine(readexactly, [this, intArg(size)], 'StreamReader.readexactly');
  }

  __aiter__(): this {
    return this;
  }

  __anext__(): PyCoroutine {
    return runtimeCoroutine(anext, [this], 'StreamReader.__anext__');
  }

  get $buf(): ByteBuffer {
    return this.$buffer;
  }
}

const NEWLINE = new PyBytes(new Uint8Array([10]));

async function waitForData(self: StreamReaderImpl, funcName: string): Promise<unknown> {
  if (self._waiter !== null) {
    throw new RuntimeError(`${funcName}() called while another coroutine is already waiting for incoming data`);
  }
  if (self._paused) {
    self._paused = false;
    callMethod(self._transport, 'resume_reading');
  }
  const waiter = self._loop.create_future();
  self._waiter = waiter;
  try {
    await aw(waiter);
  } finally {
    self._waiter = null;
  }
  return null;
}

async function readline(self: StreamReaderImpl): Promise<unknown> {
  try {
    return await readuntil(self, NEWLINE);
  } catch (e) {
    if (e instanceof IncompleteReadError) return (e as unknown as { partial: unknown }).partial;
    if (e instanceof LimitOverrunError) {
      const consumed = intArg((e as unknown as { consumed: unknown }).consumed);
      const buf = self.$buf;
      if (buf.startsWith(NEWLINE.bytes, consumed)) buf.discard(consumed + 1);
      else buf.clear();
      self._maybe_resume_transport();
      throw new ValueError((e as unknown as { args: unknown[] }).args[0]);
    }
    throw e;
  }
}

async function readuntil(self: StreamReaderImpl, separator: unknown): Promise<unknown> {
  const sep = bytesArg(separator, 'separator');
  if (sep.length === 0) throw new ValueError('Separator should be at least one-byte string');
  if (self._exception !== null) throw self._exception;
  const buf = self.$buf;
  let offset = 0;
  let isep: number;
  for (;;) {
    const buflen = buf.length;
    if (buflen - offset >= sep.length) {
      isep = buf.find(sep, offset);
      if (isep !== -1) break;
      offset = buflen + 1 - sep.length;
      if (offset > self._limit) throw new LimitOverrunError('Separator is not found, and chunk exceed the limit', offset);
    }
    if (self._eof) {
      const chunk = buf.take(buf.length);
      throw new IncompleteReadError(chunk, null);
    }
    await waitForData(self, 'readuntil');
  }
  if (isep > self._limit) throw new LimitOverrunError('Separator is found, but chunk is longer than limit', isep);
  const chunk = buf.take(isep + sep.length);
  self._maybe_resume_transport();
  return chunk;
}

async function read(self: StreamReaderImpl, n: number): Promise<unknown> {
  if (self._exception !== null) throw self._exception;
  if (n === 0) return new PyBytes(new Uint8Array(0));
  if (n < 0) {
    const blocks: Uint8Array[] = [];
    for (;;) {
      const block = (await read(self, self._limit)) as PyBytes;
      if (block.bytes.length === 0) break;
      blocks.push(block.bytes);
    }
    const out = new Uint8Array(blocks.reduce((k, b) => k + b.length, 0));
    let at = 0;
    for (const b of blocks) {
      out.set(b, at);
      at += b.length;
    }
    return new PyBytes(out);
  }
  if (self.$buf.length === 0 && !self._eof) await waitForData(self, 'read');
  const data = self.$buf.take(n);
  self._maybe_resume_transport();
  return data;
}

async function readexactly(self: StreamReaderImpl, n: number): Promise<unknown> {
  if (n < 0) throw new ValueError('readexactly size can not be less than zero');
  if (self._exception !== null) throw self._exception;
  if (n === 0) return new PyBytes(new Uint8Array(0));
  const buf = self.$buf;
  while (buf.length < n) {
    if (self._eof) {
      const incomplete = buf.take(buf.length);
      throw new IncompleteReadError(incomplete, n);
    }
    await waitForData(self, 'readexactly');
  }
  const data = buf.take(n);
  self._maybe_resume_transport();
  return data;
}

async function anext(self: StreamReaderImpl): Promise<unknown> {
  const line = (await readline(self)) as PyBytes;
  if (line.bytes.length === 0) throw new StopAsyncIteration();
  return line;
}

export const StreamReader = callableClass(StreamReaderImpl);
export type StreamReader = StreamReaderImpl;

// ---------------------------------------------------------------------------
// The protocols

/** Flow control for `drain`: writers wait while the transport's buffer is over its high-water mark. */
class FlowControlMixinImpl extends ProtocolImpl {
  static override readonly __name__: string = 'FlowControlMixin';
  static override readonly __module__: string = 'asyncio.streams';
  _loop: BaseEventLoop;
  _paused = false;
  _drain_waiters: Future[] = [];
  _connection_lost = false;

  constructor(...args: unknown[]) {
    super();
    const kw = takeKeywords(args);
    const loop = (args[0] ?? kw?.['loop'] ?? null) as BaseEventLoop | null;
    this._loop = loop ?? get_event_loop();
  }

  override pause_writing(): null {
    this._paused = true;
    return null;
  }

  override resume_writing(): null {
    this._paused = false;
    for (const waiter of this._drain_waiters) if (!waiter.done()) waiter.set_result(null);
    return null;
  }

  override connection_lost(exc: unknown): null {
    this._connection_lost = true;
    if (!this._paused) return null;
    for (const waiter of this._drain_waiters) {
      if (waiter.done()) continue;
      if (exc === null || exc === undefined) waiter.set_result(null);
      else waiter.set_exception(exc);
    }
    return null;
  }

  _drain_helper(): PyCoroutine {
    return runtimeCoroutine(drainHelper, [this], 'FlowControlMixin._drain_helper');
  }

  _get_close_waiter(_stream: unknown): Future {
    throw new RuntimeError('not implemented');
  }
}

async function drainHelper(self: FlowControlMixinImpl): Promise<unknown> {
  if (self._connection_lost) throw new ConnectionResetError('Connection lost');
  if (!self._paused) return null;
  const waiter = self._loop.create_future();
  self._drain_waiters.push(waiter);
  try {
    await aw(waiter);
  } finally {
    const i = self._drain_waiters.indexOf(waiter);
    if (i >= 0) self._drain_waiters.splice(i, 1);
  }
  return null;
}

class StreamReaderProtocolImpl extends FlowControlMixinImpl {
  static override readonly __name__: string = 'StreamReaderProtocol';
  _stream_reader_wr: StreamReaderImpl | null;
  _stream_writer: StreamWriterImpl | null = null;
  _task: Task | null = null;
  _transport: unknown = null;
  _client_connected_cb: unknown;
  _over_ssl = false;
  _closed: Future;

  constructor(...args: unknown[]) {
    const kw = takeKeywords(args);
    const loop = args[2] ?? kw?.['loop'] ?? null;
    super(loop);
    const reader = (args[0] ?? kw?.['stream_reader'] ?? null) as StreamReaderImpl | null;
    this._stream_reader_wr = reader;
    this._client_connected_cb = args[1] ?? kw?.['client_connected_cb'] ?? null;
    this._closed = this._loop.create_future();
  }

  get _stream_reader(): StreamReaderImpl | null {
    return this._stream_reader_wr;
  }

  override connection_made(transport: unknown): null {
    const reader = this._stream_reader;
    if (reader !== null) reader.set_transport(transport);
    this._transport = transport;
    this._over_ssl = callMethod(transport, 'get_extra_info', 'sslcontext') !== null;
    const cb = this._client_connected_cb;
    if (cb !== null) {
      const writer = new StreamWriter(transport, this, reader, this._loop);
      this._stream_writer = writer;
      const res = invokeCallback(cb, [reader, writer]);
      if (iscoroutine(res)) {
        const loop = this._loop;
        const task = loop.create_task(res);
        this._task = task;
        const callback = (t: Task): null => {
          const exc = t.exception();
          if (exc !== null) {
            loop.call_exception_handler(new PyDict(Object.entries({
              message: 'Unhandled exception in client_connected_cb', exception: exc, transport,
            })));
            callMethod(transport, 'close');
          }
          return null;
        };
        Object.defineProperty(callback, '__qualname__', { value: 'StreamReaderProtocol.connection_made.<locals>.callback' });
        task.add_done_callback(callback);
      }
    }
    return null;
  }

  override connection_lost(exc: unknown): null {
    const e = exc ?? null;
    const reader = this._stream_reader;
    if (reader !== null) {
      if (e === null) reader.feed_eof();
      else reader.set_exception(e);
    }
    if (!this._closed.done()) {
      if (e === null) this._closed.set_result(null);
      else {
        this._closed.set_exception(e);
        // CPython's protocol retrieves it when collected: never reported.
        this._closed.$logTraceback = false;
      }
    }
    super.connection_lost(e);
    this._stream_reader_wr = null;
    this._stream_writer = null;
    this._task = null;
    this._transport = null;
    return null;
  }

  override data_received(data: unknown): null {
    this._stream_reader?.feed_data(data);
    return null;
  }

  override eof_received(): boolean {
    this._stream_reader?.feed_eof();
    return !this._over_ssl;
  }

  override _get_close_waiter(_stream: unknown): Future {
    return this._closed;
  }
}

export const FlowControlMixin = callableClass(FlowControlMixinImpl);
export { FlowControlMixinImpl };
export const StreamReaderProtocol = callableClass(StreamReaderProtocolImpl);

// ---------------------------------------------------------------------------
// StreamWriter

class StreamWriterImpl {
  static readonly __name__ = 'StreamWriter';
  static readonly __module__ = 'asyncio.streams';
  _transport: unknown;
  _protocol: FlowControlMixinImpl;
  _reader: StreamReaderImpl | null;
  _loop: BaseEventLoop;
  _complete_fut: Future;

  constructor(transport: unknown, protocol: unknown, reader: unknown, loop: unknown) {
    this._transport = transport;
    this._protocol = protocol as FlowControlMixinImpl;
    this._reader = (reader ?? null) as StreamReaderImpl | null;
    this._loop = loop as BaseEventLoop;
    this._complete_fut = this._loop.create_future();
    this._complete_fut.set_result(null);
  }

  __repr__(): string {
    const info = ['StreamWriter', `transport=${repr(this._transport)}`];
    if (this._reader !== null) info.push(`reader=${repr(this._reader)}`);
    return `<${info.join(' ')}>`;
  }

  get transport(): unknown {
    return this._transport;
  }

  write(data: unknown): null {
    callMethod(this._transport, 'write', data);
    return null;
  }

  writelines(data: unknown): null {
    callMethod(this._transport, 'writelines', data);
    return null;
  }

  write_eof(): unknown {
    return callMethod(this._transport, 'write_eof');
  }

  can_write_eof(): unknown {
    return callMethod(this._transport, 'can_write_eof');
  }

  close(): unknown {
    return callMethod(this._transport, 'close');
  }

  is_closing(): unknown {
    return callMethod(this._transport, 'is_closing');
  }

  wait_closed(): PyCoroutine {
    return runtimeCoroutine(writerWaitClosed, [this], 'StreamWriter.wait_closed');
  }

  get_extra_info(name: unknown, fallback?: unknown): unknown {
    return callMethod(this._transport, 'get_extra_info', name, optional(fallback, 'default'));
  }

  drain(): PyCoroutine {
    return runtimeCoroutine(drain, [this], 'StreamWriter.drain');
  }
}

async function writerWaitClosed(self: StreamWriterImpl): Promise<unknown> {
  await aw(callMethod(self._protocol, '_get_close_waiter', self));
  return null;
}

async function drain(self: StreamWriterImpl): Promise<unknown> {
  if (self._reader !== null) {
    const exc = self._reader.exception();
    if (exc !== null) throw exc;
  }
  if (callMethod(self._transport, 'is_closing') === true) {
    // One loop turn, so that connection_lost can run and drain reports the loss.
    await sleepNow(0);
  }
  await aw(callMethod(self._protocol, '_drain_helper'));
  return null;
}

export const StreamWriter = callableClass(StreamWriterImpl);
export type StreamWriter = StreamWriterImpl;

// ---------------------------------------------------------------------------
// open_connection and start_server

function limitOf(kw: Keywords | null): number {
  const limit = kw?.['limit'];
  if (kw !== null) delete kw['limit'];
  return limit === undefined ? DEFAULT_LIMIT : intArg(limit);
}

export function open_connection(...args: unknown[]): PyCoroutine {
  const kw = takeKeywords(args);
  const limit = limitOf(kw);
  const opts = bindParams('open_connection', ['host', 'port'], args, kw, CONNECT_KEYWORDS);
  return runtimeCoroutine(openConnection, [limit, opts], 'open_connection');
}

async function openConnection(limit: number, opts: Record<string, unknown>): Promise<unknown> {
  const loop = get_running_loop();
  const reader = new StreamReader(limit, loop);
  const protocol = new StreamReaderProtocol(reader, null, loop);
  const { host, port, ...rest } = opts;
  const result = await aw(loop.create_connection(() => protocol, host ?? null, port ?? null, rest));
  const transport = (result as unknown[])[0];
  const writer = new StreamWriter(transport, protocol, reader, loop);
  return PyTuple.fromArray([reader, writer]);
}

export function start_server(clientConnected: unknown, ...args: unknown[]): PyCoroutine {
  const kw = takeKeywords(args);
  const limit = limitOf(kw);
  const opts = bindParams('start_server', ['host', 'port'], args, kw, SERVER_KEYWORDS);
  return runtimeCoroutine(startServer, [clientConnected, limit, opts], 'start_server');
}

async function startServer(cb: unknown, limit: number, opts: Record<string, unknown>): Promise<unknown> {
  const loop = get_running_loop();
  const factory = (): unknown => {
    const reader = new StreamReader(limit, loop);
    return new StreamReaderProtocol(reader, cb, loop);
  };
  const { host, port, ...rest } = opts;
  return aw(loop.create_server(factory, host ?? null, port ?? null, rest));
}

export function open_unix_connection(...args: unknown[]): PyCoroutine {
  const kw = takeKeywords(args);
  const limit = limitOf(kw);
  const opts = bindParams('open_unix_connection', ['path'], args, kw, UNIX_CONNECT_KEYWORDS);
  return runtimeCoroutine(openUnixConnection, [limit, opts], 'open_unix_connection');
}

async function openUnixConnection(limit: number, opts: Record<string, unknown>): Promise<unknown> {
  const loop = get_running_loop();
  const reader = new StreamReader(limit, loop);
  const protocol = new StreamReaderProtocol(reader, null, loop);
  const { path, ...rest } = opts;
  const result = await aw(loop.create_unix_connection(() => protocol, path ?? null, rest));
  const writer = new StreamWriter((result as unknown[])[0], protocol, reader, loop);
  return PyTuple.fromArray([reader, writer]);
}

export function start_unix_server(clientConnected: unknown, ...args: unknown[]): PyCoroutine {
  const kw = takeKeywords(args);
  const limit = limitOf(kw);
  const opts = bindParams('start_unix_server', ['path'], args, kw, UNIX_SERVER_KEYWORDS);
  return runtimeCoroutine(startUnixServer, [clientConnected, limit, opts], 'start_unix_server');
}

async function startUnixServer(cb: unknown, limit: number, opts: Record<string, unknown>): Promise<unknown> {
  const loop = get_running_loop();
  const factory = (): unknown => new StreamReaderProtocol(new StreamReader(limit, loop), cb, loop);
  const { path, ...rest } = opts;
  return aw(loop.create_unix_server(factory, path ?? null, rest));
}

(StreamReader as unknown as PyCallable).$kw = (args, kw) => new StreamReaderImpl(...args, kw);
(StreamReaderProtocol as unknown as PyCallable).$kw = (args, kw) => new StreamReaderProtocolImpl(...args, kw);
(StreamWriter as unknown as PyCallable).$kw = (args, kw) => {
  const named = ['transport', 'protocol', 'reader', 'loop'].map((n, i) => (i < args.length ? args[i] : kw[n]));
  return new StreamWriterImpl(named[0], named[1], named[2], named[3]);
};

markCoroutineFunctions(StreamReaderImpl.prototype, ['readline', 'readuntil', 'read', 'readexactly', '__anext__']);
markCoroutineFunctions(StreamWriterImpl.prototype, ['wait_closed', 'drain']);
markCoroutineFunctions({ open_connection, start_server, open_unix_connection, start_unix_server }, ['open_connection', 'start_server', 'open_unix_connection', 'start_unix_server']);
