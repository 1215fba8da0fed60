/**
 * `npm run bench:async [-- --runs N --only a,b --small --clock cpu --profile --top K]`: the
 * asyncio programs of bench/programs/ (abinary, tasks, queue), each run by
 * `python3`, compiled by pyasync under Node, and as its hand-written JS
 * twins (tasks has two: yielding with setImmediate, and to the microtask
 * queue), in the same session; all must print the same thing. Reports each
 * one's execution time (median of the runs, start-up and compiling left out)
 * and its process's peak RSS (median of the runs) beside the peak RSS of an
 * empty program under the same variant, which is the start-up's share.
 * `--profile`, as in bench:programs: each compiled program once more under
 * V8's sampling profiler, runtime helpers by self and total time.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ASYNC_PROGRAMS,
  REPO_ROOT,
  compileProgram,
  failureLine,
  programSource,
  runVariant,
  writeProgram,
  type Outcome,
  type Variant,
} from './support/programs.js';
import { formatSummary, summarizeProfile } from './support/profile.js';
import { median } from './support/stdlib.js';
import { benchOptions } from './support/options.js';

const { runs, clock, small, profile, top, programs } = benchOptions(ASYNC_PROGRAMS);

/** One line of the table: a program under one variant (one JS twin, for 'js'). */
interface Row {
  program: string;
  label: string;
  variant: Variant;
  seconds?: number;
  maxRssKb?: number;
  problem?: string;
}

const dir = mkdtempSync(join(tmpdir(), 'pyasync-bench-async-'));
const rows: Row[] = [];
const profiles: { name: string; file: string; url: string }[] = [];
const loadBefore = loadavg()[0]!;
try {
  const baseline = await baselineRss();
  for (const program of programs) {
    const size = small ? program.small : undefined;
    const source = programSource(program.name, 'py', size);
    const py = writeProgram(dir, `${program.name}.py`, source);
    const compiled = compileProgram(program.name, source);
    const runners: { row: Row; file?: string }[] = [
      { row: { program: program.name, label: 'CPython', variant: 'cpython' }, file: py },
      {
        row: { program: program.name, label: 'pyasync', variant: 'pyasync', ...(compiled.ok ? {} : { problem: `does not compile: ${compiled.error}` }) },
        ...(compiled.ok ? { file: writeProgram(dir, `${program.name}.compiled.mjs`, compiled.code) } : {}),
      },
      ...program.twins.map((twin) => ({
        row: { program: program.name, label: `JS ${twin}.mjs`, variant: 'js' as const },
        file: writeProgram(dir, `${twin}.mjs`, programSource(twin, 'mjs', size)),
      })),
    ];
    rows.push(...runners.map((r) => r.row));
    process.stderr.write(`${program.name}: `);

    const samples = runners.map(() => ({ seconds: [] as number[], rss: [] as number[] }));
    let expected: string | undefined;
    for (let run = 0; run < runs; run++) {
      for (const [i, { row, file }] of runners.entries()) {
        if (!file || row.problem) continue;
        const outcome = await runVariant(row.variant, file);
        if (row.variant === 'cpython') {
          if (outcome.status !== 0) throw new Error(`python3 failed on bench/programs/${program.name}.py: ${outcome.stderr}`);
          expected ??= outcome.stdout;
        }
        const problem = mismatch(outcome, expected!);
        if (problem && row.variant === 'js') throw new Error(`${row.label} disagrees with the Python program: ${problem}`);
        if (problem) {
          row.problem = problem;
          continue;
        }
        samples[i]!.seconds.push(outcome[clock]);
        samples[i]!.rss.push(outcome.maxRss);
      }
      process.stderr.write('.');
    }
    for (const [i, { row }] of runners.entries()) {
      if (samples[i]!.seconds.length !== runs) continue;
      row.seconds = median(samples[i]!.seconds);
      row.maxRssKb = median(samples[i]!.rss);
    }
    process.stderr.write(runners.some((r) => r.row.problem) ? ` ${runners.find((r) => r.row.problem)!.row.problem}\n` : '\n');

    const ours = runners[1]!;
    if (profile && ours.file && !ours.row.problem) {
      const file = join(dir, `${program.name}.cpuprofile`);
      await runVariant('pyasync', ours.file, { cpuProfile: file });
      if (existsSync(file)) profiles.push({ name: program.name, file, url: pathToFileURL(ours.file).href });
    }
  }
  printTable(rows, baseline);
  for (const { name, file, url } of profiles) {
    console.log(`\nprofile of pyasync's ${name} (V8 sampling profiler, execution only):`);
    console.log(formatSummary(summarizeProfile(file, REPO_ROOT, url), top));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** The peak RSS (KB) of an empty program under each variant: what start-up alone costs. */
async function baselineRss(): Promise<Record<Variant, number>> {
  const empty = compileProgram('empty', 'pass\n');
  if (!empty.ok) throw new Error(`pyasync does not compile an empty program: ${empty.error}`);
  const py = writeProgram(dir, 'empty.py', 'pass\n');
  const compiled = writeProgram(dir, 'empty.compiled.mjs', empty.code);
  const js = writeProgram(dir, 'empty.mjs', '');
  return {
    cpython: (await runVariant('cpython', py)).maxRss,
    pyasync: (await runVariant('pyasync', compiled)).maxRss,
    js: (await runVariant('js', js)).maxRss,
  };
}

/** Why `got` does not count as a run of the program that printed `expected`, if it does not. */
function mismatch(got: Outcome, expected: string): string | undefined {
  if (got.status !== 0) return `fails: ${failureLine(got.stderr) || `exit status ${got.status}`}`;
  if (got.stdout !== expected) return `wrong output: ${JSON.stringify(got.stdout.slice(0, 200))}, CPython: ${JSON.stringify(expected.slice(0, 200))}`;
  if (Number.isNaN(got.wall)) return 'no time reported';
  return undefined;
}

function printTable(rows: Row[], baseline: Record<Variant, number>): void {
  const mb = (kb: number | undefined): string => (kb === undefined || Number.isNaN(kb) ? '-' : (kb / 1024).toFixed(1));
  const header = ['program', 'variant', 'seconds', 'vs CPython', 'pyasync vs this', 'peak RSS MB', 'empty program MB'];
  const cells = rows.map((r) => {
    const group = rows.filter((x) => x.program === r.program);
    const cpython = group.find((x) => x.variant === 'cpython')?.seconds;
    const ours = group.find((x) => x.variant === 'pyasync')?.seconds;
    const ratio = (a: number | undefined, b: number | undefined): string => (a !== undefined && b !== undefined ? `${(a / b).toFixed(2)}x` : '-');
    return [
      r.program,
      r.label,
      r.seconds === undefined ? '-' : r.seconds.toFixed(3),
      // How many times faster than CPython this variant runs.
      r.variant === 'cpython' ? '' : ratio(cpython, r.seconds),
      r.variant === 'js' ? ratio(ours, r.seconds) : '',
      mb(r.maxRssKb),
      mb(baseline[r.variant]),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const format = (c: string[]): string => c.map((x, i) => (i < 2 ? x.padEnd(widths[i]!) : x.padStart(widths[i]!))).join('  ');
  const load = `load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after, ${availableParallelism()} cores`;
  console.log(
    `\n${small ? 'small inputs' : 'benchmark inputs'}, median of ${runs} run(s), ${clock === 'wall' ? 'wall-clock' : 'CPU'} seconds ` +
      `excluding start-up and compiling; peak RSS of the whole process (${load})`,
  );
  console.log(format(header));
  for (const c of cells) console.log(format(c));
  for (const r of rows) if (r.problem) console.log(`  ${r.program}: ${r.label} ${r.problem}`);
  console.log('targets: abinary within 1.3x of the JS twin; tasks and queue >= 3x faster than CPython');
}
