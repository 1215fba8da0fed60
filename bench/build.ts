/**
 * `npm run bench:build [-- --runs N --exclude-tests --jobs N|auto --edits N --no-build --no-startup --no-watch]`:
 * `pyasync build` of a copy of CPython's standard library against
 * `python3 -m compileall -q -f -j 0` of the same tree, in the same run,
 * both with a cold cache (a fresh out dir and cache dir for pyasync, no
 * __pycache__ for CPython), wall and CPU time (children's user + system,
 * from /usr/bin/time when present); then pyasync again with the cache warm;
 * then `pyasync watch` on the same tree, the time from an edit to the
 * edited module's output renamed into place (median of several edits);
 * then `pyasync run hello.py` start-up (bench/startup.ts).
 *
 * Both use every core: `compileall -j 0` does whatever the load, so
 * pyasync gets `--jobs <cores>` (`--jobs auto`: pyasync's own default,
 * which counts the cores the load average leaves idle, and so right after
 * the npm script's own build of the CLI often counts one).
 *
 * It runs the built CLI (bin/pyasync.js → dist/), which the npm script
 * builds first. The copy (site-packages and non-.py files left out) is
 * made once in the OS temporary folder and reused.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measureStartup } from './startup.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '1' },
    'exclude-tests': { type: 'boolean', default: false },
    jobs: { type: 'string' },
    edits: { type: 'string', default: '9' },
    'no-build': { type: 'boolean', default: false },
    'no-startup': { type: 'boolean', default: false },
    'no-watch': { type: 'boolean', default: false },
  },
});

const REPO = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(REPO, 'bin', 'pyasync.js');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const TEST_DIRECTORY = /^(test|tests|idle_test)$/;

interface Timing {
  wall: number;
  cpu: number;
  status: number | null;
  stderr: string;
  stdout: string;
}

function stdlibRoot(): string {
  const r = spawnSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], { encoding: 'utf8' });
  return r.stdout.trim();
}

/** The copy, made once: .py files only, without site-packages (and test suites with --exclude-tests). */
function stdlibCopy(): { dir: string; files: number } {
  const dir = join(tmpdir(), `pyasync-bench-stdlib${values['exclude-tests'] ? '-notests' : ''}`, 'lib');
  if (!existsSync(join(dir, 'os.py'))) {
    rmSync(dir, { recursive: true, force: true });
    cpSync(stdlibRoot(), dir, {
      recursive: true,
      filter: (src) => {
        const name = src.slice(src.lastIndexOf('/') + 1);
        if (!statSync(src).isDirectory()) return name.endsWith('.py');
        if (name === 'site-packages' || name === '__pycache__') return false;
        return !(values['exclude-tests'] && TEST_DIRECTORY.test(name));
      },
    });
  }
  let files = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) if (entry.isFile() && entry.name.endsWith('.py')) files++;
  return { dir, files };
}

function removePycache(dir: string): void {
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory() && entry.name === '__pycache__') rmSync(join(entry.parentPath, entry.name), { recursive: true, force: true });
  }
}

/** Runs a command; wall time measured here, CPU time from /usr/bin/time's last stderr line. */
function timed(command: string, args: string[], cwd: string): Promise<Timing> {
  const [file, argv] = TIME ? [TIME, ['-f', '@@%U %S', command, ...args]] : [command, args];
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(file, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => {
      const wall = (performance.now() - started) / 1000;
      const match = /@@([\d.]+) ([\d.]+)\s*$/.exec(stderr);
      const cpu = match ? Number(match[1]) + Number(match[2]) : NaN;
      // /usr/bin/time adds a line of its own for a non-zero status.
      const own = match ? stderr.slice(0, match.index).replace(/Command exited with non-zero status \d+\n$/, '') : stderr;
      resolve({ wall, cpu, status, stderr: own, stdout });
    });
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function fmt(s: number): string {
  return Number.isNaN(s) ? '—' : `${s.toFixed(2)} s`;
}

async function main(): Promise<void> {
  if (!existsSync(join(REPO, 'dist', 'cli', 'build', 'worker.js'))) {
    console.error('bench:build runs the built CLI: npm run build first');
    process.exit(1);
  }
  const { dir, files } = stdlibCopy();
  const root = join(dir, '..');
  const runs = Math.max(1, Number(values.runs));
  const jobs = values.jobs === 'auto' ? [] : ['--jobs', values.jobs ?? String(availableParallelism())];
  console.log(`stdlib copy: ${files} .py files in ${dir}; ${availableParallelism()} cores, load average ${loadavg()[0]!.toFixed(1)}; pyasync build ${jobs.length > 0 ? jobs.join(' ') : 'with its default --jobs'}`);
  if (!values['no-build']) await buildTimes(dir, root, runs, jobs);
  if (!values['no-watch']) await watchLatency(dir);
  if (!values['no-startup']) await measureStartup({ runs: 10 });
}

async function buildTimes(dir: string, root: string, runs: number, jobs: string[]): Promise<void> {

  const ours: Timing[] = [];
  const theirs: Timing[] = [];
  let warm: Timing | null = null;
  let summaryLine = '';
  for (let run = 0; run < runs; run++) {
    // Alternate which goes first, so that neither always meets a colder disk cache.
    const order = run % 2 === 0 ? ['pyasync', 'python3'] : ['python3', 'pyasync'];
    for (const which of order) {
      if (which === 'pyasync') {
        const work = mkdtempSync(join(tmpdir(), 'pyasync-bench-build-'));
        const args = [BIN, 'build', dir, '--out-dir', join(work, 'out'), '--cache-dir', join(work, 'cache'), ...jobs];
        const cold = await timed(process.execPath, args, root);
        ours.push(cold);
        summaryLine = cold.stderr.split('\n').filter((l) => l.startsWith('compiled ')).pop() ?? '';
        if (run === 0) warm = await timed(process.execPath, args, root);
        rmSync(work, { recursive: true, force: true });
      } else {
        removePycache(dir);
        theirs.push(await timed('python3', ['-m', 'compileall', '-q', '-f', '-j', '0', dir], root));
        removePycache(dir);
      }
    }
  }
  const compileallErrors = (`${theirs[0]?.stdout}${theirs[0]?.stderr}`.match(/\*\*\* Error compiling/g) ?? []).length;
  console.log(`pyasync build: ${summaryLine}`);
  console.log(`python3 -m compileall: status ${theirs[0]?.status}, ${compileallErrors} files with errors`);
  console.log('');
  console.log('| | wall | CPU (user + sys) |');
  console.log('|---|---|---|');
  const ow = median(ours.map((t) => t.wall));
  const tw = median(theirs.map((t) => t.wall));
  const oc = median(ours.map((t) => t.cpu));
  const tc = median(theirs.map((t) => t.cpu));
  console.log(`| python3 -m compileall -q -f -j 0 | ${fmt(tw)} | ${fmt(tc)} |`);
  console.log(`| pyasync build (cold cache) | ${fmt(ow)} | ${fmt(oc)} |`);
  if (warm) console.log(`| pyasync build (warm cache) | ${fmt(warm.wall)} | ${fmt(warm.cpu)} |`);
  console.log('');
  console.log(`pyasync / compileall: ${(ow / tw).toFixed(2)}× wall, ${(oc / tc).toFixed(2)}× CPU (median of ${runs}; target ≤ 1× wall)`);
}

/**
 * `pyasync watch` on the stdlib copy: after its first build, edits a
 * module several times and times each edit from the write to the moment
 * its compiled .js holding the edit is in place (polled every millisecond),
 * and reads the rebuild's own figure (from the first change event to the
 * end of the rebuild). A module few others import (colorsys) and one many
 * import (keyword: its importers' `from keyword import …` are re-checked).
 */
async function watchLatency(dir: string): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'pyasync-bench-watch-'));
  const out = join(work, 'out');
  const child = spawn(process.execPath, [BIN, 'watch', dir, '--out-dir', out, '--cache-dir', join(work, 'cache')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let buffer = '';
  const waiters: ((line: string) => void)[] = [];
  child.stderr.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let nl;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (/^\[\d\d:\d\d:\d\d\] /.test(line)) waiters.shift()?.(line);
    }
  });
  const nextLine = (): Promise<string> => new Promise((resolve) => waiters.push(resolve));
  const edits = Math.max(1, Number(values.edits));
  const originals = new Map<string, string>();
  try {
    const initial = await nextLine();
    console.log(`\npyasync watch of the stdlib copy: ${initial.replace(/^\[[^\]]*\] /, '')}`);
    await new Promise((r) => setTimeout(r, 1000));
    for (const name of ['colorsys', 'keyword']) {
      const target = join(dir, `${name}.py`);
      const original = readFileSync(target, 'utf8');
      originals.set(target, original);
      const reported: number[] = [];
      const observed: number[] = [];
      let summary = '';
      for (let i = 0; i < edits; i++) {
        const line = nextLine();
        const marker = `EDIT_${i}_${Date.now()}`;
        const started = performance.now();
        writeFileSync(target, `${original}\n${marker} = ${i}\n`);
        await untilOutput(join(out, `${name}.js`), marker);
        observed.push(performance.now() - started);
        const text = await line;
        summary = text.replace(/^\[[^\]]*\] /, '');
        const m = /([\d.]+) (ms|s) after the change/.exec(text);
        if (m) reported.push(Number(m[1]) * (m[2] === 's' ? 1000 : 1));
        await new Promise((r) => setTimeout(r, 300));
      }
      writeFileSync(target, original);
      await nextLine();
      console.log(`edit ${name}.py → ${name}.js in place: median ${median(observed).toFixed(0)} ms (min ${Math.min(...observed).toFixed(0)}, max ${Math.max(...observed).toFixed(0)}, ${edits} edits; target ≤ 100 ms); the rebuild's own figure ${median(reported).toFixed(0)} ms; last: ${summary}`);
    }
  } finally {
    for (const [target, original] of originals) writeFileSync(target, original);
    child.kill('SIGTERM');
    await new Promise((r) => child.once('close', r));
    rmSync(work, { recursive: true, force: true });
  }
}

/** Resolves once `file` holds `marker` (outputs are renamed into place, so a read sees all or nothing). */
async function untilOutput(file: string, marker: string): Promise<void> {
  const started = performance.now();
  for (;;) {
    try {
      if (readFileSync(file, 'utf8').includes(marker)) return;
    } catch {
      // Not there yet.
    }
    if (performance.now() - started > 60_000) throw new Error(`${file} never got ${marker}`);
    await new Promise((r) => setTimeout(r, 1));
  }
}

await main();
