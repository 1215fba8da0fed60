/**
 * The CPU-bound programs of bench/programs/ (each NAME.py with its
 * hand-written twin NAME.mjs), and how to run each of the three variants in a
 * child process that reports the program's own execution time: interpreter
 * or Node start-up, loading pyasync's runtime and compiling are left out.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compile } from '../../src/compile.js';
import { PySyntaxError } from '../../src/diagnostics.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const PROGRAMS_DIR = join(REPO_ROOT, 'bench', 'programs');
const SUPPORT_DIR = join(REPO_ROOT, 'bench', 'support');
const LOADER = join(REPO_ROOT, 'tests', 'support', 'register-ts.mjs');
/** Compiled programs import the runtime's sources, loaded through the TypeScript hook. */
export const RUNTIME_URL = pathToFileURL(join(REPO_ROOT, 'runtime', 'index.ts')).href;

export interface Program {
  name: string;
  /** The input size (the `N = …` line) the unit test uses: a fraction of a second. */
  small: number;
}

/** Each program's benchmark size is its own `N = …` line, chosen so CPython runs it in about 1–3 s here. */
export const PROGRAMS: readonly Program[] = [
  { name: 'fib', small: 15 },
  { name: 'nbody', small: 1000 },
  { name: 'spectralnorm', small: 30 },
  { name: 'wordcount', small: 2000 },
  { name: 'richards', small: 1 },
  { name: 'jsontree', small: 1 },
];

/**
 * The asyncio programs (`npm run bench:async`). `twins` are the hand-written
 * JS versions, each NAME.mjs file of bench/programs/ (default: the program's
 * own name); tasks has two, yielding a full event-loop turn and yielding to
 * the microtask queue only.
 */
export interface AsyncProgram extends Program {
  twins: readonly string[];
}

export const ASYNC_PROGRAMS: readonly AsyncProgram[] = [
  { name: 'abinary', small: 8, twins: ['abinary'] },
  { name: 'tasks', small: 50, twins: ['tasks', 'tasks.micro'] },
  { name: 'queue', small: 500, twins: ['queue'] },
];

export type Variant = 'cpython' | 'pyasync' | 'js';

const SIZE_LINE = { py: /^N = \d+$/m, mjs: /^const N = \d+;$/m } as const;

/** The program's source, with its size line set to `size` when one is given. */
export function programSource(name: string, kind: 'py' | 'mjs', size?: number): string {
  const text = readFileSync(join(PROGRAMS_DIR, `${name}.${kind}`), 'utf8');
  if (size === undefined) return text;
  if (!SIZE_LINE[kind].test(text)) throw new Error(`bench/programs/${name}.${kind} has no size line (N = …)`);
  return text.replace(SIZE_LINE[kind], kind === 'py' ? `N = ${size}` : `const N = ${size};`);
}

export type Compiled = { ok: true; code: string } | { ok: false; error: string };

/** pyasync's compile(); a feature it does not compile yet is an outcome, not a crash. */
export function compileProgram(name: string, source: string): Compiled {
  try {
    return { ok: true, code: compile(source, { filename: `${name}.py`, runtime: RUNTIME_URL }).code };
  } catch (error) {
    if (error instanceof PySyntaxError) return { ok: false, error: `${error.kind}: ${error.msg} (line ${error.lineno})` };
    return { ok: false, error: `compiler crash: ${(error as Error)?.message ?? String(error)}` };
  }
}

export interface Outcome {
  stdout: string;
  stderr: string;
  status: number;
  /** The program's execution time in seconds as the harness measured it, wall-clock and CPU (NaN if it reported none). */
  wall: number;
  cpu: number;
  /** The process's peak resident set size in KB (getrusage's ru_maxrss), start-up included (NaN if it reported none). */
  maxRss: number;
}

/** A file for a variant's child process: `source` written into `dir`. */
export function writeProgram(dir: string, file: string, source: string): string {
  const path = join(dir, file);
  writeFileSync(path, source);
  return path;
}

/** The command that runs `file` as `variant`, timing it from inside (fd 3 gets the time). */
export function commandFor(variant: Variant, file: string): [string, string[]] {
  switch (variant) {
    case 'cpython':
      return ['python3', [join(SUPPORT_DIR, 'time_python.py'), file]];
    case 'pyasync':
      return [process.execPath, ['--import', LOADER, join(SUPPORT_DIR, 'time-pyasync.ts'), file]];
    case 'js':
      return [process.execPath, [join(SUPPORT_DIR, 'time-js.mjs'), file]];
  }
}

export interface RunOptions {
  /** pyasync only: write a V8 CPU profile of the program's execution to this file. */
  cpuProfile?: string;
}

export function runVariant(variant: Variant, file: string, options: RunOptions = {}): Promise<Outcome> {
  const [command, args] = commandFor(variant, file);
  const env: NodeJS.ProcessEnv = { ...process.env, PYTHONDONTWRITEBYTECODE: '1' };
  if (options.cpuProfile) env['BENCH_CPU_PROFILE'] = options.cpuProfile;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: PROGRAMS_DIR,
      env,
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    const chunks: Record<'stdout' | 'stderr' | 'time', string> = { stdout: '', stderr: '', time: '' };
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (chunks.stdout += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (chunks.stderr += d));
    const timing = child.stdio[3] as NodeJS.ReadableStream;
    timing.setEncoding('utf8');
    timing.on('data', (d: string) => (chunks.time += d));
    child.on('error', reject);
    child.on('close', (status) => {
      const time = chunks.time
        ? (JSON.parse(chunks.time) as { wall: number; cpu: number; maxRss?: number })
        : { wall: NaN, cpu: NaN };
      const maxRss = time.maxRss ?? NaN;
      resolve({ stdout: chunks.stdout, stderr: chunks.stderr, status: status ?? -1, wall: time.wall, cpu: time.cpu, maxRss });
    });
  });
}

/**
 * What a failed run died of: the last exception line of its stderr (CPython
 * prints it last; a crash of Node's own prints a stack and code frame after it).
 */
export function failureLine(stderr: string): string {
  const lines = stderr.trimEnd().split('\n');
  const exception = [...lines].reverse().find((line) => /^[A-Z]\w*(Error|Exception|Exit|Interrupt)\b/.test(line));
  const line = exception ?? lines.at(-1) ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
