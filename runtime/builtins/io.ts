/**
 * Standard output and error. Output is buffered and written in large
 * pieces (per-line writes dominate print-heavy programs under Node); the
 * buffer is flushed before anything goes to stderr and when the process
 * exits, so the order of the two streams is kept.
 */
interface NodeProcess {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  on(event: 'exit', listener: () => void): unknown;
}

const nodeProcess = (globalThis as { process?: NodeProcess }).process;
const FLUSH_AT = 1 << 16;
let pending = '';
let exitHookInstalled = false;

export function writeStdout(text: string): void {
  if (!nodeProcess) {
    writeConsole(text, false);
    return;
  }
  pending += text;
  if (pending.length >= FLUSH_AT) flushStdout();
  else if (!exitHookInstalled) {
    exitHookInstalled = true;
    nodeProcess.on('exit', flushStdout);
  }
}

export function writeStderr(text: string): void {
  flushStdout();
  if (nodeProcess) nodeProcess.stderr.write(text);
  else writeConsole(text, true);
}

export function flushStdout(): void {
  if (pending === '' || !nodeProcess) return;
  const text = pending;
  pending = '';
  nodeProcess.stdout.write(text);
}

/** Browsers: console.log takes whole lines, so partial lines wait for their end. */
const consoleLines = { out: '', err: '' };

function writeConsole(text: string, error: boolean): void {
  const key = error ? 'err' : 'out';
  const all = consoleLines[key] + text;
  const lines = all.split('\n');
  consoleLines[key] = lines.pop()!;
  for (const line of lines) (error ? console.error : console.log)(line);
}
