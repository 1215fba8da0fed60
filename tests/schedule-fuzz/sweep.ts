/**
 * The scheduling sweep: `npm run fuzz:schedule -- [--seed N] [--count M] [--jobs J]`.
 * Random asyncio programs (tests/schedule-fuzz/programs.py: tasks that
 * sleep(0), await nested coroutines, cancel each other, schedule callbacks,
 * raise, return early) log the order in which everything ran; each must
 * print under `pyasync run` exactly what CPython printed. CPython answers
 * for all of them in one process; pyasync runs each in its own (the built
 * CLI, so `npm run build` first, which the npm script does). Every program
 * that differs is kept under .cache/schedule-fuzz/<seed>/ with both
 * outputs; exits with status 1 if any did.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(REPO, 'bin', 'pyasync.js');

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    count: { type: 'string', default: '500' },
    jobs: { type: 'string', default: String(availableParallelism()) },
  },
});
const seed = Number(values.seed);
const count = Number(values.count);
const jobs = Math.max(1, Number(values.jobs));
if (![seed, count, jobs].every(Number.isInteger)) {
  console.error('usage: npm run fuzz:schedule -- [--seed N] [--count M] [--jobs J]');
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'pyasync-schedule-'));
const made = spawnSync('python3', [join(REPO, 'tests', 'schedule-fuzz', 'programs.py'), String(seed), String(count), dir], { encoding: 'utf8' });
if (made.status !== 0) {
  console.error(`python3 failed to make the programs:\n${made.stderr}`);
  process.exit(2);
}

interface Run {
  stdout: string;
  stderr: string;
  status: number | null;
}

function runPyasync(file: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'run', '--no-cache', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('close', (status) => resolve({ stdout, stderr, status }));
  });
}

const reportDir = join(REPO, '.cache', 'schedule-fuzz', String(seed));
rmSync(reportDir, { recursive: true, force: true });
let next = seed;
let differing = 0;
let done = 0;

async function worker(): Promise<void> {
  while (next < seed + count) {
    const n = next++;
    const py = join(dir, `p${n}.py`);
    const expected = readFileSync(join(dir, `p${n}.out`), 'utf8');
    const got = await runPyasync(py);
    done++;
    if (got.stdout === expected && got.status === 0 && got.stderr === '') continue;
    differing++;
    mkdirSync(reportDir, { recursive: true });
    copyFileSync(py, join(reportDir, `p${n}.py`));
    writeFileSync(join(reportDir, `p${n}.cpython.out`), expected);
    writeFileSync(join(reportDir, `p${n}.pyasync.out`), `${got.stdout}\n--- stderr (status ${got.status}) ---\n${got.stderr}`);
    console.log(`p${n}: differs from CPython`);
  }
}

const started = performance.now();
await Promise.all(Array.from({ length: jobs }, worker));
rmSync(dir, { recursive: true, force: true });
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`${done} programs (seeds ${seed}–${seed + count - 1}) in ${seconds} s: ${differing} differ from CPython${differing > 0 ? `; kept under ${reportDir}` : ''}`);
process.exit(differing > 0 ? 1 : 0);
