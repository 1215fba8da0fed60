/**
 * Signals from outside, in real processes: each program runs under
 * `pyasync run` and under python3, gets the same signals (each sent once
 * the program has printed a line containing "ready"), and must end the
 * same way: stdout, stderr (less the frames of CPython's own library, as
 * fixtures/tracebacks compares them) and exit status or signal.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'pyasync-signal-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Outcome {
  stdout: string;
  stderr: string;
  status: number | null;
  signal: string | null;
}

/** Runs `command`, sending `signals` one by one, each shortly after the next line of stdout that says "ready". */
function drive(command: string[], signals: NodeJS.Signals[]): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    // PYTHONUNBUFFERED would make python3 write what it has buffered when a signal ends it: the programs flush themselves.
    const env = { ...process.env };
    delete env['PYTHONUNBUFFERED'];
    const child = spawn(command[0]!, command.slice(1), { cwd: dir, env });
    let stdout = '';
    let stderr = '';
    let readies = 0;
    const pending = [...signals];
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command.join(' ')} did not end: ${JSON.stringify({ stdout, stderr })}`));
    }, 60_000);
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString('utf8');
      const seen = stdout.split('\n').filter((line, i, all) => i < all.length - 1 && line.includes('ready')).length;
      while (readies < seen && pending.length > 0) {
        readies++;
        // A moment later: a signal that comes while python3 is still writing "ready" makes its handler's print reentrant.
        const signal = pending.shift()!;
        setTimeout(() => child.kill(signal), 300);
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, status, signal });
    });
  });
}

/** Tracebacks without the entries of files outside the program's folder (scripts/gen-fixtures.py's without_library_frames). */
function withoutLibraryFrames(stderr: string): string {
  const kept: string[] = [];
  let entry: string | null = null;
  for (const line of stderr.split(/(?<=\n)/)) {
    const at = line.indexOf('File "');
    if (at >= 0 && line.slice(0, at).trim() === '') entry = line.startsWith(`File "${dir}/`, at) ? null : line.slice(0, at);
    else if (entry !== null && !line.startsWith(entry + '  ')) entry = null;
    if (entry === null) kept.push(line);
  }
  return kept.join('');
}

async function both(name: string, source: string, signals: NodeJS.Signals[]): Promise<{ python: Outcome; pyasync: Outcome }> {
  writeFileSync(join(dir, name), source);
  const [python, pyasync] = await Promise.all([
    drive(['python3', name], signals),
    drive([process.execPath, '--import', join(ROOT, 'tests/support/register-ts.mjs'), join(ROOT, 'cli/index.ts'), 'run', '--no-cache', name], signals),
  ]);
  return { python: { ...python, stderr: withoutLibraryFrames(python.stderr) }, pyasync };
}

const SLEEPING_MAIN = `import asyncio

async def main():
    try:
        print("ready", flush=True)
        await asyncio.sleep(30)
    except asyncio.CancelledError:
        print("cancelled", flush=True)
        raise
    finally:
        print("finally", flush=True)

asyncio.run(main())
print("not reached")
`;

describe.concurrent('signals sent to a running program, as python3', () => {
  it('asyncio.run: SIGINT cancels the main task, then run raises KeyboardInterrupt and the process ends by SIGINT', async () => {
    const { python, pyasync } = await both('sigint_run.py', SLEEPING_MAIN, ['SIGINT']);
    expect(python).toMatchObject({ stdout: 'ready\ncancelled\nfinally\n', status: null, signal: 'SIGINT' });
    // The CancelledError thrown into main shows no frame of main's (README, Differences: tracebacks).
    const cancelFrame = `  File "${dir}/sigint_run.py", line 6, in main\n    await asyncio.sleep(30)\n`;
    expect(python.stderr).toContain(cancelFrame);
    expect(pyasync).toEqual({ ...python, stderr: python.stderr.replace(cancelFrame, '') });
  });

  it('asyncio.run: a main task that swallows the cancellation returns normally', async () => {
    const source = `import asyncio

async def main():
    try:
        print("ready", flush=True)
        await asyncio.sleep(30)
    except asyncio.CancelledError:
        print("cancelled", flush=True)
    return "swallowed"

print(asyncio.run(main()))
print("after run")
`;
    const { python, pyasync } = await both('sigint_swallowed.py', source, ['SIGINT']);
    expect(python).toEqual({ stdout: 'ready\ncancelled\nswallowed\nafter run\n', stderr: '', status: 0, signal: null });
    expect(pyasync).toEqual(python);
  });

  it('asyncio.run: a second SIGINT raises KeyboardInterrupt out of the loop', async () => {
    const source = `import asyncio

async def main():
    try:
        print("ready", flush=True)
        await asyncio.sleep(30)
    except asyncio.CancelledError:
        print("cancelled; ready again", flush=True)
        try:
            await asyncio.sleep(30)
        finally:
            print("inner finally", flush=True)

asyncio.run(main())
`;
    const { python, pyasync } = await both('sigint_twice.py', source, ['SIGINT', 'SIGINT']);
    expect(python).toMatchObject({ stdout: 'ready\ncancelled; ready again\ninner finally\n', status: null, signal: 'SIGINT' });
    expect(python.stderr).toMatch(/asyncio\.run\(main\(\)\)\nKeyboardInterrupt\n$/);
    expect(pyasync).toEqual(python);
  });

  it('loop.add_signal_handler: the callbacks run on the loop, which waits for them', async () => {
    const source = `import asyncio, signal

async def main():
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, lambda: print("SIGINT; ready", flush=True))
    print("ready", flush=True)
    await stop.wait()
    print("stopping", signal.getsignal(signal.SIGTERM).__name__)

asyncio.run(main())
print(signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT))
`;
    const { python, pyasync } = await both('add_handler.py', source, ['SIGINT', 'SIGTERM']);
    expect(python).toEqual({
      stdout: 'ready\nSIGINT; ready\nstopping _sighandler_noop\n0 <built-in function default_int_handler>\n', stderr: '', status: 0, signal: null,
    });
    expect(pyasync).toEqual(python);
  });

  it('loop.run_forever: SIGINT\'s default handler raises KeyboardInterrupt out of it', async () => {
    const source = `import asyncio, functools
loop = asyncio.new_event_loop()
loop.call_soon(functools.partial(print, "ready", flush=True))
loop.call_later(30, print, "not reached")
try:
    loop.run_forever()
except KeyboardInterrupt as e:
    print("interrupted", repr(e), loop.is_running())
finally:
    loop.close()
`;
    const { python, pyasync } = await both('run_forever.py', source, ['SIGINT']);
    expect(python).toEqual({ stdout: 'ready\ninterrupted KeyboardInterrupt() False\n', stderr: '', status: 0, signal: null });
    expect(pyasync).toEqual(python);
  });

  it('signal.signal: a handler that raises SystemExit ends asyncio.run after the main task\'s cleanup', async () => {
    const source = `import asyncio, signal

def on_term(signum, frame):
    print("handler", signum, flush=True)
    raise SystemExit(3)

async def main():
    signal.signal(signal.SIGTERM, on_term)
    try:
        print("ready", flush=True)
        await asyncio.sleep(30)
    finally:
        print("finally", flush=True)

asyncio.run(main())
`;
    const { python, pyasync } = await both('handler_exit.py', source, ['SIGTERM']);
    expect(python).toEqual({ stdout: 'ready\nhandler 15\nfinally\n', stderr: '', status: 3, signal: null });
    expect(pyasync).toEqual(python);
  });

  it('SIG_IGN: an ignored SIGINT does nothing, and asyncio.run installs no handler of its own', async () => {
    const source = `import asyncio, signal
signal.signal(signal.SIGINT, signal.SIG_IGN)

async def main():
    print(signal.getsignal(signal.SIGINT))
    print("ready", flush=True)
    await asyncio.sleep(2)
    print("slept")

asyncio.run(main())
`;
    const { python, pyasync } = await both('ignored.py', source, ['SIGINT']);
    expect(python).toEqual({ stdout: '1\nready\nslept\n', stderr: '', status: 0, signal: null });
    expect(pyasync).toEqual(python);
  });

  it('signal.alarm with SIGALRM\'s default action ends the process by SIGALRM', async () => {
    const source = `import asyncio, signal

async def main():
    print(signal.alarm(1), flush=True)
    await asyncio.sleep(5)
    print("not reached")

asyncio.run(main())
`;
    const { python, pyasync } = await both('alarm_default.py', source, []);
    expect(python).toEqual({ stdout: '0\n', stderr: '', status: null, signal: 'SIGALRM' });
    expect(pyasync).toEqual(python);
  });

  it('synchronous code: a handler runs once the code gives Node a turn (at the latest at the end; CPython: at once)', async () => {
    const source = `import signal, time

def on_term(signum, frame):
    print("handler", signum, flush=True)

signal.signal(signal.SIGTERM, on_term)
print("ready", flush=True)
time.sleep(2)
print("end", flush=True)
`;
    const { python, pyasync } = await both('sync_handler.py', source, ['SIGTERM']);
    expect(python).toEqual({ stdout: 'ready\nhandler 15\nend\n', stderr: '', status: 0, signal: null });
    expect(pyasync).toEqual({ ...python, stdout: 'ready\nend\nhandler 15\n' });
  });

  it('synchronous code: SIGINT ends the process by SIGINT (without the traceback CPython prints: README)', async () => {
    const source = `import time
print("ready", flush=True)
time.sleep(30)
print("not reached")
`;
    const { python, pyasync } = await both('sync_sleep.py', source, ['SIGINT']);
    expect(python).toMatchObject({ stdout: 'ready\n', status: null, signal: 'SIGINT' });
    expect(python.stderr).toMatch(/KeyboardInterrupt\n$/);
    expect(pyasync).toEqual({ ...python, stderr: '' });
  });
});
