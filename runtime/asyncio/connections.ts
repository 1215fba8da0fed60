/**
 * loop.create_connection and loop.create_server over Node's net module
 * (loaded on first use). Node's connect and listen events reach Python
 * through Futures set from loop callbacks; `happy_eyeballs_delay` and
 * `interleave` become Node's `autoSelectFamily` and its attempt timeout.
 */
import type { Server as NetServer, Socket } from 'node:net';
import { NotImplementedError, OSError, TypeError, ValueError } from '../builtins/exceptions.js';
import { repr } from '../builtins/repr.js';
import { iterate } from '../builtins/iteration.js';
import { truthy } from '../builtins/truth.js';
import { PyTuple, isIntNumber } from '../builtins/values.js';
import { osError } from '../builtins/io.js';
import { invokeCallback } from './events.js';
import type { BaseEventLoop } from './baseEvents.js';
import { seconds } from './baseEvents.js';
import { aw } from './coroutines.js';
import { sleepNow } from './tasks.js';
import { loadNet } from './nodeNet.js';
import { SocketTransport, socketError, soon } from './socketTransport.js';
import { Server } from './server.js';
import { fspath } from '../modules/support/os/node.js';
import type { Keywords } from './keywords.js';

/** Positional arguments and keywords bound by name, as a Python signature would. */
export function bindParams(fn: string, names: readonly string[], args: unknown[], kw: Keywords | null, keywordOnly: readonly string[]): Record<string, unknown> {
  if (args.length > names.length) {
    throw new TypeError(`${fn}() takes from 1 to ${names.length + 1} positional arguments but ${args.length + 1} were given`);
  }
  const bound: Record<string, unknown> = {};
  names.forEach((n, i) => {
    if (i < args.length) bound[n] = args[i];
  });
  for (const [key, value] of Object.entries(kw ?? {})) {
    if (!names.includes(key) && !keywordOnly.includes(key)) throw new TypeError(`${fn}() got an unexpected keyword argument '${key}'`);
    if (Object.hasOwn(bound, key)) throw new TypeError(`${fn}() got multiple values for argument '${key}'`);
    bound[key] = value;
  }
  return bound;
}

const isNone = (v: unknown): boolean => v === null || v === undefined;

function portOf(port: unknown): number {
  if (isNone(port)) return 0;
  if (typeof port === 'string' && /^\d+$/.test(port)) return Number(port);
  if (typeof port !== 'number' || !isIntNumber(port)) throw new OSError(`getaddrinfo() argument 2 must be integer or string`);
  return port;
}

const CONNECT_KEYWORDS = [
  'ssl', 'family', 'proto', 'flags', 'sock', 'local_addr', 'server_hostname', 'ssl_handshake_timeout',
  'ssl_shutdown_timeout', 'happy_eyeballs_delay', 'interleave',
];

export async function createConnection(loop: BaseEventLoop, factory: unknown, opts: Record<string, unknown>): Promise<unknown> {
  const host = opts['host'] ?? null;
  const port = opts['port'] ?? null;
  if (!isNone(opts['server_hostname']) && isNone(opts['ssl'])) throw new ValueError('server_hostname is only meaningful with ssl');
  if (!isNone(opts['ssl']) && opts['ssl'] !== false) throw new NotImplementedError('pyasync: asyncio connections over ssl are not supported');
  if (!isNone(opts['sock'])) {
    if (!isNone(host) || !isNone(port)) throw new ValueError('host/port and sock can not be specified at the same time');
    throw new NotImplementedError('pyasync: create_connection(sock=...) is not supported');
  }
  if (isNone(host) && isNone(port)) throw new ValueError('host and port was not specified and no sock specified');
  const delay = opts['happy_eyeballs_delay'] ?? null;
  const family = opts['family'] ?? 0;
  const net = await loadNet();
  const options: Record<string, unknown> = {
    host: isNone(host) ? 'localhost' : String(host),
    port: portOf(port),
    allowHalfOpen: true,
    family: family === 2 ? 4 : family === 10 ? 6 : 0,
  };
  if (!isNone(delay) || !isNone(opts['interleave'])) {
    options['autoSelectFamily'] = true;
    // Node's attempt timeout has a floor of 10 ms.
    if (!isNone(delay)) options['autoSelectFamilyAttemptTimeout'] = Math.max(10, Math.round(seconds(delay) * 1000));
  } else {
    options['autoSelectFamily'] = false;
  }
  const local = opts['local_addr'] ?? null;
  if (!isNone(local)) {
    const [lhost, lport] = [...(iterate(local) as Iterable<unknown>)];
    options['localAddress'] = String(lhost);
    if (!isNone(lport) && lport !== 0) options['localPort'] = portOf(lport);
  }
  return connectTransport(loop, net.connect(options as never), factory, connectError, null);
}

/**
 * Waits on the loop for `sock` to connect (a failure is `toError`'s exception), then makes the protocol and its
 * transport, with `extra` info set, and waits for the transport to start, as CPython's _create_connection_transport.
 */
async function connectTransport(
  loop: BaseEventLoop, sock: Socket, factory: unknown, toError: (error: unknown) => unknown, extra: Record<string, unknown> | null,
): Promise<unknown> {
  const connected = loop.create_future();
  const onError = (error: unknown): void => soon(loop, () => {
    if (!connected.done()) connected.set_exception(toError(error) as never);
  });
  sock.once('error', onError);
  sock.once('connect', () => soon(loop, () => {
    sock.removeListener('error', onError);
    if (!connected.done()) connected.set_result(null);
  }));
  try {
    await aw(connected);
  } catch (e) {
    sock.destroy();
    throw e;
  }
  const protocol = invokeCallback(factory, []);
  const waiter = loop.create_future();
  const transport = new SocketTransport(loop, sock, protocol, waiter, null);
  if (extra !== null) for (const [key, value] of Object.entries(extra)) transport._extra.$set(key, value);
  try {
    await aw(waiter);
  } catch (e) {
    transport.close();
    throw e;
  }
  return PyTuple.fromArray([transport, protocol]);
}

/** CPython's message for a refused connect: `[Errno 111] Connect call failed ('127.0.0.1', 1)`. */
function connectError(error: unknown): unknown {
  const errors = (error as { errors?: unknown[] } | null)?.errors;
  const one = Array.isArray(errors) && errors.length > 0 ? errors[errors.length - 1] : error;
  const e = one as { code?: string; address?: string; port?: number };
  if (typeof e?.code === 'string' && e.address !== undefined) {
    const base = osError(e.code) as unknown as { errno: unknown };
    const address = e.address.includes(':') ? PyTuple.fromArray([e.address, e.port ?? 0, 0, 0]) : PyTuple.fromArray([e.address, e.port ?? 0]);
    return new OSError(base.errno, `Connect call failed ${repr(address)}`);
  }
  return socketError(one);
}

export { CONNECT_KEYWORDS };

export const SERVER_KEYWORDS = [
  'family', 'flags', 'sock', 'backlog', 'ssl', 'reuse_address', 'reuse_port', 'ssl_handshake_timeout',
  'ssl_shutdown_timeout', 'start_serving',
];

export async function createServer(loop: BaseEventLoop, factory: unknown, opts: Record<string, unknown>): Promise<unknown> {
  if (!isNone(opts['ssl']) && opts['ssl'] !== false) throw new NotImplementedError('pyasync: asyncio servers over ssl are not supported');
  if (!isNone(opts['sock'])) throw new NotImplementedError('pyasync: create_server(sock=...) is not supported');
  let host = opts['host'] ?? null;
  if (host === '') host = null;
  const port = portOf(opts['port'] ?? null);
  const backlog = isNone(opts['backlog']) ? 100 : Number(opts['backlog']);
  const hosts: (string | null)[] = isNone(host) ? [null]
    : typeof host === 'string' ? [host] : [...new Set([...(iterate(host) as Iterable<unknown>)].map((h) => String(h)))];
  const net = await loadNet();
  const servers: NetServer[] = [];
  try {
    for (const h of hosts) servers.push(await listen(loop, net.createServer({ allowHalfOpen: true, pauseOnConnect: true }), h, port, backlog));
  } catch (e) {
    for (const s of servers) s.close();
    throw e;
  }
  const server = new Server(loop, servers, factory, backlog);
  if (opts['start_serving'] === undefined || truthy(opts['start_serving'])) {
    server._start_serving();
    // One loop turn, as CPython gives its readers time to be registered.
    await sleepNow(0);
  }
  return server;
}

/** Bind errors io.ts's errno table does not name. */
const BIND_ERRORS: Record<string, { errno: number; strerror: string }> = {
  EADDRINUSE: { errno: 98, strerror: 'Address already in use' },
  EADDRNOTAVAIL: { errno: 99, strerror: 'Cannot assign requested address' },
};

async function listen(loop: BaseEventLoop, server: NetServer, host: string | null, port: number, backlog: number): Promise<NetServer> {
  const listening = loop.create_future();
  const onError = (error: unknown): void => soon(loop, () => {
    if (listening.done()) return;
    const e = error as { code?: string };
    const known = typeof e?.code === 'string' ? BIND_ERRORS[e.code] ?? osError(e.code) as unknown as { errno: unknown; strerror: unknown } : null;
    if (known === null) {
      listening.set_exception(socketError(error) as never);
      return;
    }
    const address = PyTuple.fromArray([host ?? '0.0.0.0', port]);
    listening.set_exception(new OSError(known.errno, `error while attempting to bind on address ${repr(address)}: ${String(known.strerror).toLowerCase()}`) as never);
  });
  server.once('error', onError);
  server.once('listening', () => soon(loop, () => {
    server.removeListener('error', onError);
    if (!listening.done()) listening.set_result(null);
  }));
  server.listen({ host: host ?? undefined, port, backlog });
  await aw(listening);
  return server;
}

export const UNIX_CONNECT_KEYWORDS = ['ssl', 'sock', 'server_hostname', 'ssl_handshake_timeout', 'ssl_shutdown_timeout'];
export const UNIX_SERVER_KEYWORDS = ['sock', 'backlog', 'ssl', 'ssl_handshake_timeout', 'ssl_shutdown_timeout', 'start_serving'];

/** loop.create_unix_connection: a Node socket connected to `path`, then the transport as for TCP. */
export async function createUnixConnection(loop: BaseEventLoop, factory: unknown, opts: Record<string, unknown>): Promise<unknown> {
  if (!isNone(opts['ssl']) && opts['ssl'] !== false) throw new NotImplementedError('pyasync: asyncio connections over ssl are not supported');
  if (!isNone(opts['server_hostname'])) throw new ValueError('server_hostname is only meaningful with ssl');
  if (!isNone(opts['ssl_handshake_timeout'])) throw new ValueError('ssl_handshake_timeout is only meaningful with ssl');
  if (!isNone(opts['ssl_shutdown_timeout'])) throw new ValueError('ssl_shutdown_timeout is only meaningful with ssl');
  const pathArg = opts['path'] ?? null;
  if (isNone(pathArg)) {
    if (isNone(opts['sock'])) throw new ValueError('no path and sock were specified');
    throw new NotImplementedError('pyasync: create_unix_connection(sock=...) is not supported');
  }
  if (!isNone(opts['sock'])) throw new ValueError('path and sock can not be specified at the same time');
  const path = fspath(pathArg);
  const net = await loadNet();
  // A Unix socket's addresses are paths: the client's own is unnamed.
  return connectTransport(loop, net.connect({ path, allowHalfOpen: true }), factory, socketError, { sockname: '', peername: path });
}

interface StatForSocket {
  statSync(path: string, options: { throwIfNoEntry: false }): { isSocket(): boolean } | undefined;
  unlinkSync(path: string): void;
}

/** loop.create_unix_server: a stale socket file at `path` is removed first, as CPython does; a path in use is its OSError. */
export async function createUnixServer(loop: BaseEventLoop, factory: unknown, opts: Record<string, unknown>): Promise<unknown> {
  if (typeof opts['ssl'] === 'boolean') throw new TypeError('ssl argument must be an SSLContext or None');
  if (!isNone(opts['ssl_handshake_timeout']) && !truthy(opts['ssl'] ?? null)) throw new ValueError('ssl_handshake_timeout is only meaningful with ssl');
  if (!isNone(opts['ssl_shutdown_timeout']) && !truthy(opts['ssl'] ?? null)) throw new ValueError('ssl_shutdown_timeout is only meaningful with ssl');
  if (!isNone(opts['ssl'])) throw new NotImplementedError('pyasync: asyncio servers over ssl are not supported');
  const pathArg = opts['path'] ?? null;
  if (isNone(pathArg)) {
    if (isNone(opts['sock'])) throw new ValueError('path was not specified, and no sock specified');
    throw new NotImplementedError('pyasync: create_unix_server(sock=...) is not supported');
  }
  if (!isNone(opts['sock'])) throw new ValueError('path and sock can not be specified at the same time');
  const path = fspath(pathArg);
  const backlog = isNone(opts['backlog']) ? 100 : Number(opts['backlog']);
  const net = await loadNet();
  const fs = (globalThis as { process?: { getBuiltinModule?(id: string): unknown } }).process?.getBuiltinModule?.('node:fs') as StatForSocket | undefined;
  if (fs !== undefined && !path.startsWith('\0')) {
    try {
      if (fs.statSync(path, { throwIfNoEntry: false })?.isSocket() === true) fs.unlinkSync(path);
    } catch {
      // CPython logs that it could not check or remove the stale socket, and goes on to bind.
    }
  }
  const server = net.createServer({ allowHalfOpen: true, pauseOnConnect: true });
  const listening = loop.create_future();
  const onError = (error: unknown): void => soon(loop, () => {
    if (listening.done()) return;
    const code = (error as { code?: string } | null)?.code;
    listening.set_exception((code === 'EADDRINUSE' ? new OSError(98, `Address ${repr(path)} is already in use`) : socketError(error)) as never);
  });
  server.once('error', onError);
  server.once('listening', () => soon(loop, () => {
    server.removeListener('error', onError);
    if (!listening.done()) listening.set_result(null);
  }));
  server.listen({ path, backlog });
  await aw(listening);
  const made = new Server(loop, [server], factory, backlog);
  if (opts['start_serving'] === undefined || truthy(opts['start_serving'])) {
    made._start_serving();
    await sleepNow(0);
  }
  return made;
}
