/**
 * asyncio.base_events.Server, as CPython 3.11's: listening sockets (Node
 * servers) that accept while serving, a count of live connections, and
 * `wait_closed` — which in 3.11 returns at once once `close()` has run.
 * Connections arriving before `start_serving` wait, as a listen backlog
 * would hold them.
 */
import type { Server as NetServer, Socket } from 'node:net';
import { RuntimeError } from '../builtins/exceptions.js';
import { PyDict } from '../builtins/dict.js';
import { PyTuple } from '../builtins/values.js';
import { repr } from '../builtins/repr.js';
import { toPython } from '../builtins/errors.js';
import { callableClass } from '../builtins/callableClass.js';
import { CancelledError } from './exceptions.js';
import { invokeCallback, isFatal } from './events.js';
import type { BaseEventLoop } from './baseEvents.js';
import type { Future } from './futures.js';
import { aw, runtimeCoroutine, type PyCoroutine } from './coroutines.js';
import { markCoroutineFunctions } from './coroutineFunctions.js';
import { sleepNow } from './tasks.js';
import {
  SocketTransport, TransportSocket, handleFd, holdHandle, releaseHandle, socketAddress, soon,
} from './socketTransport.js';

class ServerImpl {
  static readonly __name__ = 'Server';
  static readonly __module__ = 'asyncio.base_events';

  _loop: BaseEventLoop;
  _sockets: TransportSocket[] | null;
  _active_count = 0;
  _waiters: Future[] | null = [];
  _protocol_factory: unknown;
  _backlog: number;
  _serving = false;
  _serving_forever_fut: Future | null = null;
  private $servers: NetServer[];
  /** Connections accepted by Node before the server started serving. */
  private $backlog: Socket[] = [];

  constructor(loop: BaseEventLoop, servers: NetServer[], protocolFactory: unknown, backlog: number) {
    this._loop = loop;
    this.$servers = servers;
    this._protocol_factory = protocolFactory;
    this._backlog = backlog;
    this._sockets = servers.map((s) => {
      const local = (): PyTuple | string => {
        const a = s.address();
        return a === null || typeof a === 'string' ? (a ?? '') : socketAddress(a.address, a.port, a.family);
      };
      const fd = handleFd(s);
      return new TransportSocket(local, null, () => fd);
    });
    for (const s of servers) {
      holdHandle(loop, s);
      s.on('connection', (sock: Socket) => {
        // Held by its transport once made; until then only the listening server keeps the process alive.
        sock.unref();
        if (this._serving) soon(loop, () => this.$accept(sock));
        else if (this._sockets !== null) this.$backlog.push(sock);
        else sock.destroy();
      });
    }
  }

  /** `_accept_connection`, then its `_accept_connection2` task's step: the protocol and transport are made a turn later. */
  private $accept(sock: Socket): void {
    const loop = this._loop;
    soon(loop, () => {
      let protocol: unknown = null;
      try {
        protocol = invokeCallback(this._protocol_factory, []);
        const waiter = loop.create_future();
        new SocketTransport(loop, sock, protocol, waiter, this);
      } catch (error) {
        const exc = toPython(error);
        if (isFatal(exc)) throw exc;
        sock.destroy();
        loop.call_exception_handler(new PyDict(Object.entries({
          message: 'Error on transport creation for incoming connection', exception: exc, protocol,
        })));
      }
    });
  }

  _attach(): void {
    this._active_count += 1;
  }

  _detach(): void {
    this._active_count -= 1;
    if (this._active_count === 0 && this._sockets === null) this._wakeup();
  }

  _wakeup(): void {
    const waiters = this._waiters;
    this._waiters = null;
    for (const w of waiters ?? []) if (!w.done()) w.set_result(w);
  }

  _start_serving(): void {
    if (this._serving) return;
    this._serving = true;
    const waiting = this.$backlog;
    this.$backlog = [];
    for (const sock of waiting) soon(this._loop, () => this.$accept(sock));
  }

  get_loop(): BaseEventLoop {
    return this._loop;
  }

  is_serving(): boolean {
    return this._serving;
  }

  get sockets(): PyTuple {
    return PyTuple.fromArray(this._sockets ?? []);
  }

  close(): null {
    const sockets = this._sockets;
    if (sockets === null) return null;
    this._sockets = null;
    for (const s of this.$servers) {
      s.close();
      releaseHandle(this._loop, s);
    }
    for (const sock of this.$backlog) sock.destroy();
    this.$backlog = [];
    this._serving = false;
    const fut = this._serving_forever_fut;
    if (fut !== null && !fut.done()) {
      fut.cancel();
      this._serving_forever_fut = null;
    }
    if (this._active_count === 0) this._wakeup();
    return null;
  }

  start_serving(): PyCoroutine {
    return runtimeCoroutine(startServing, [this], 'Server.start_serving');
  }

  serve_forever(): PyCoroutine {
    return runtimeCoroutine(serveForever, [this], 'Server.serve_forever');
  }

  wait_closed(): PyCoroutine {
    return runtimeCoroutine(waitClosed, [this], 'Server.wait_closed');
  }

  __aenter__(): PyCoroutine {
    return runtimeCoroutine(async (self: ServerImpl) => self, [this], 'Server.__aenter__');
  }

  __aexit__(..._exc: unknown[]): PyCoroutine {
    return runtimeCoroutine(serverExit, [this], 'Server.__aexit__');
  }

  __repr__(): string {
    return `<Server sockets=${repr(this.sockets)}>`;
  }
}

async function startServing(self: ServerImpl): Promise<unknown> {
  self._start_serving();
  await sleepNow(0);
  return null;
}

async function serveForever(self: ServerImpl): Promise<unknown> {
  if (self._serving_forever_fut !== null) {
    throw new RuntimeError(`server ${repr(self)} is already being awaited on serve_forever()`);
  }
  if (self._sockets === null) throw new RuntimeError(`server ${repr(self)} is closed`);
  self._start_serving();
  const fut = self._loop.create_future();
  self._serving_forever_fut = fut;
  try {
    await aw(fut);
  } catch (e) {
    if (e instanceof CancelledError) {
      self.close();
      await aw(self.wait_closed());
    }
    throw e;
  } finally {
    self._serving_forever_fut = null;
  }
  return null;
}

async function waitClosed(self: ServerImpl): Promise<unknown> {
  if (self._sockets === null || self._waiters === null) return null;
  const waiter = self._loop.create_future();
  self._waiters.push(waiter);
  await aw(waiter);
  return null;
}

async function serverExit(self: ServerImpl): Promise<unknown> {
  self.close();
  await aw(self.wait_closed());
  return null;
}

export const Server = callableClass(ServerImpl);
export type Server = ServerImpl;
export { ServerImpl };

markCoroutineFunctions(ServerImpl.prototype, ['start_serving', 'serve_forever', 'wait_closed', '__aenter__', '__aexit__']);
