/**
 * asyncio streams over real loopback sockets: PEP 492's echo server
 * (fixtures/async-streams/servers/pep492_echo_server.py), compiled and run
 * by pyasync, serves real clients (Node sockets); the same conversation
 * with the program under python3 gives the expected transcript. The
 * server prints its port, and ends by itself once a client asks it to
 * shut down and everything is closed: an exited process is part of the
 * check (open sockets must not keep it alive, closed ones must not either).
 */
import { describe, expect, it } from 'vitest';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { REPO_ROOT } from './support/oracle.js';

const SERVER = join(REPO_ROOT, 'fixtures', 'async-streams', 'servers', 'pep492_echo_server.py');
const ENTRY = join(REPO_ROOT, 'tests', 'support', 'pyasync-from-source.ts');
const LOADER = join(REPO_ROOT, 'tests', 'support', 'register-ts.mjs');

/** Lines read from a socket, each awaited in turn; `end` settles when the peer closes. */
class LineClient {
  private buffer = '';
  private lines: string[] = [];
  private wanted: ((line: string) => void)[] = [];
  readonly ended: Promise<void>;

  private constructor(readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      let i: number;
      while ((i = this.buffer.indexOf('\n')) >= 0) {
        const line = this.buffer.slice(0, i);
        this.buffer = this.buffer.slice(i + 1);
        const waiter = this.wanted.shift();
        if (waiter) waiter(line);
        else this.lines.push(line);
      }
    });
    this.ended = new Promise((resolve) => socket.on('end', () => resolve()));
  }

  static open(port: number): Promise<LineClient> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port });
      socket.once('error', reject);
      socket.once('connect', () => resolve(new LineClient(socket)));
    });
  }

  readLine(): Promise<string> {
    const ready = this.lines.shift();
    if (ready !== undefined) return Promise.resolve(ready);
    return new Promise((resolve) => this.wanted.push(resolve));
  }

  async ask(text: string): Promise<string> {
    this.socket.write(text + '\n');
    return this.readLine();
  }
}

interface Run {
  transcript: string[];
  stdout: string;
  status: number | null;
}

function firstLine(child: ChildProcessWithoutNullStreams, out: { text: string }): Promise<string> {
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out.text += d.toString('utf8');
      const i = out.text.indexOf('\n');
      if (i >= 0) resolve(out.text.slice(0, i));
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before printing its port: ${out.text}`)));
  });
}

/** The conversation: two clients, one leaves, the other shuts the server down. */
async function converse(command: string, args: string[]): Promise<Run> {
  const child = spawn(command, args, { cwd: REPO_ROOT });
  const out = { text: '' };
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const first = await firstLine(child, out);
    const match = /^port (\d+)$/.exec(first);
    expect(match, first).not.toBeNull();
    const port = Number(match![1]);
    const transcript: string[] = [];
    const a = await LineClient.open(port);
    transcript.push(await a.ask('hello'));
    transcript.push(await a.ask('async for'));
    const b = await LineClient.open(port);
    transcript.push(await b.ask('second client'));
    transcript.push(await a.ask('still here'));
    a.socket.end();
    await a.ended;
    transcript.push('a: server closed the connection');
    a.socket.destroy();
    transcript.push(await b.ask('shutdown'));
    await b.ended;
    b.socket.destroy();
    const status = await exited;
    expect(stderr).toBe('');
    return { transcript, stdout: out.text.replace(/^port \d+\n/, 'port N\n'), status };
  } finally {
    if (child.exitCode === null) child.kill();
  }
}

describe('asyncio streams over loopback', () => {
  it('PEP 492 echo server compiled by pyasync answers real clients as CPython does', async () => {
    const [cpython, pyasync] = await Promise.all([
      converse('python3', [SERVER]),
      converse(process.execPath, ['--import', LOADER, ENTRY, 'run', SERVER]),
    ]);
    expect(cpython.status).toBe(0);
    expect(cpython.transcript).toContain('client 1: HELLO');
    expect(pyasync).toEqual(cpython);
  }, 60_000);
});
