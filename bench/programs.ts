/**
 * `npm run bench:programs [-- --runs N --only a,b --small --clock cpu --profile --top K]`:
 * the CPU-bound programs of bench/programs/, each run three ways in the same
 * session: `python3` on NAME.py, pyasync's compiled NAME.py under Node, and
 * Node on the hand-written NAME.mjs. All three must print the same thing.
 * Times are each program's own execution (median of the runs), measured from
 * inside the child process (`--clock cpu`: the process's CPU time, steadier
 * on a busy machine); pyasync's compile time is reported beside it.
 * `--profile` also runs each compiled program once more under V8's sampling
 * profiler (over its execution only) and prints where the time goes:
 * runtime helpers by self and total time.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  PROGRAMS,
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

const { runs, clock, small, profile, top, programs } = benchOptions(PROGRAMS);

interface Row {
  name: string;
  times: Partial<Record<Variant, number>>;
  compileMs?: number;
  /** Why pyasync has no time: not compiled yet, failed, or printed something else. */
  problem?: string;
}

const dir = mkdtempSync(join(tmpdir(), 'pyasync-bench-'));
const rows: Row[] = [];
const profiles: { name: string; file: string; url: string }[] = [];
const loadBefore = loadavg()[0]!;
try {
  for (const program of programs) {
    const size = small ? program.small : undefined;
    const source = programSource(program.name, 'py', size);
    const py = writeProgram(dir, `${program.name}.py`, source);
    const js = writeProgram(dir, `${program.name}.mjs`, programSource(program.name, 'mjs', size));
    const row: Row = { name: program.name, times: {} };
    rows.push(row);
    process.stderr.write(`${program.name}: `);

    let compiled = compileProgram(program.name, source);
    let compiledFile: string | undefined;
    if (compiled.ok) {
      // Warm compiles: the steady-state cost, not the compiler's own start-up.
      const ms: number[] = [];
      for (let i = 0; i < 5; i++) {
        const start = performance.now();
        compiled = compileProgram(program.name, source);
        ms.push(performance.now() - start);
      }
      row.compileMs = median(ms);
      if (compiled.ok) compiledFile = writeProgram(dir, `${program.name}.compiled.mjs`, compiled.code);
    } else {
      row.problem = `does not compile: ${compiled.error}`;
    }

    const samples: Record<Variant, number[]> = { cpython: [], pyasync: [], js: [] };
    let expected: string | undefined;
    for (let run = 0; run < runs; run++) {
      const cpython = await runVariant('cpython', py);
      if (cpython.status !== 0) throw new Error(`python3 failed on bench/programs/${program.name}.py: ${cpython.stderr}`);
      expected ??= cpython.stdout;
      samples.cpython.push(cpython[clock]);
      if (compiledFile && !row.problem) {
        const ours = await runVariant('pyasync', compiledFile);
        const problem = mismatch(ours, expected);
        if (problem) row.problem = problem;
        else samples.pyasync.push(ours[clock]);
      }
      const theirs = await runVariant('js', js);
      const jsProblem = mismatch(theirs, expected);
      if (jsProblem) throw new Error(`bench/programs/${program.name}.mjs disagrees with the Python program: ${jsProblem}`);
      samples.js.push(theirs[clock]);
      process.stderr.write('.');
    }
    for (const variant of ['cpython', 'pyasync', 'js'] as const) {
      if (samples[variant].length === runs) row.times[variant] = median(samples[variant]);
    }
    process.stderr.write(row.problem ? ` ${row.problem}\n` : '\n');

    if (profile && compiledFile && !row.problem) {
      const file = join(dir, `${program.name}.cpuprofile`);
      await runVariant('pyasync', compiledFile, { cpuProfile: file });
      if (existsSync(file)) profiles.push({ name: program.name, file, url: pathToFileURL(compiledFile).href });
    }
  }

  printTable(rows);
  for (const { name, file, url } of profiles) {
    console.log(`\nprofile of pyasync's ${name} (V8 sampling profiler, execution only):`);
    console.log(formatSummary(summarizeProfile(file, REPO_ROOT, url), top));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** Why `got` does not count as a run of the program that printed `expected`, if it does not. */
function mismatch(got: Outcome, expected: string): string | undefined {
  if (got.status !== 0) return `fails: ${failureLine(got.stderr) || `exit status ${got.status}`}`;
  if (got.stdout !== expected) {
    const gotLines = got.stdout.split('\n');
    const wantLines = expected.split('\n');
    const i = wantLines.findIndex((line, k) => line !== gotLines[k]);
    return `wrong output (line ${i + 1}: ${JSON.stringify(gotLines[i] ?? '')}, CPython: ${JSON.stringify(wantLines[i] ?? '')})`;
  }
  if (Number.isNaN(got.wall)) return 'no time reported';
  return undefined;
}

function printTable(rows: Row[]): void {
  const header = ['program', 'CPython s', 'pyasync s', 'JS s', 'speedup vs CPython', 'pyasync/JS', 'compile ms'];
  const cells = rows.map((r) => {
    const { cpython, pyasync, js } = r.times;
    const s = (x: number | undefined): string => (x === undefined ? '-' : x.toFixed(3));
    return [
      r.name,
      s(cpython),
      pyasync === undefined ? '-' : s(pyasync),
      s(js),
      cpython !== undefined && pyasync !== undefined ? `${(cpython / pyasync).toFixed(2)}x` : '-',
      js !== undefined && pyasync !== undefined ? `${(pyasync / js).toFixed(2)}x` : '-',
      r.compileMs === undefined ? '-' : r.compileMs.toFixed(1),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const format = (c: string[]): string => c.map((x, i) => (i === 0 ? x.padEnd(widths[i]!) : x.padStart(widths[i]!))).join('  ');
  const load = `load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after, ${availableParallelism()} cores`;
  console.log(
    `\n${small ? 'small inputs' : 'benchmark inputs'}, median of ${runs} run(s), ${clock === 'wall' ? 'wall-clock' : 'CPU'} seconds ` +
      `excluding start-up and compiling (${load})`,
  );
  console.log(format(header));
  for (const c of cells) console.log(format(c));
  for (const r of rows) if (r.problem) console.log(`  ${r.name}: pyasync ${r.problem}`);

  const ran = rows.filter((r) => r.times.pyasync !== undefined);
  if (ran.length === 0) return;
  const geomean = (xs: number[]): number => Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);
  const speedups = ran.map((r) => r.times.cpython! / r.times.pyasync!);
  const ratios = ran.map((r) => r.times.pyasync! / r.times.js!);
  console.log(
    `${ran.length} of ${rows.length} programs run under pyasync. Geometric means: speedup vs CPython ${geomean(speedups).toFixed(2)}x ` +
      `(target >= 3x: met by ${speedups.filter((x) => x >= 3).length}), time vs hand-written JS ${geomean(ratios).toFixed(2)}x ` +
      `(target <= 2x: met by ${ratios.filter((x) => x <= 2).length})`,
  );
}
