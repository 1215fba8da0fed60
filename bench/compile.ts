/**
 * `npm run bench:compile [-- --runs N --min-seconds S --include-tests --list --split-generate]`:
 * compile throughput on CPython's stdlib. pyasync's whole `compile()` (parse,
 * check, transform, generate with source map), stage by stage, against
 * CPython's `compile(src, path, 'exec')` to bytecode measured in the same run
 * (one python3 process) over the same files: the files pyasync compiles
 * fully today. Both sides time decoded sources held in memory, warm up
 * first, and report the median of several runs on one thread.
 * `--split-generate` also times printing without the source map (what
 * the map costs), on the side: compile() always makes the map.
 * It also reports the garbage collector's pauses during the timed runs
 * (by kind, per pass) and, from one untimed pass, how many bytes each
 * stage allocates: a stage's time does not include the collections its
 * garbage causes later, nor the GC threads' CPU.
 */
import { spawn } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { PerformanceObserver, constants as perfConstants } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from '../src/parser/parser.js';
import { analyze } from '../src/semantics/checks.js';
import { transformModule } from '../src/transform/index.js';
import { generateCode } from '../src/codegen.js';
import * as generator from '@babel/generator';
import { compile, type CompileOptions } from '../src/compile.js';
import { PySyntaxError } from '../src/diagnostics.js';
import { assumingResolver } from '../src/modules/resolver.js';
import { loadStdlib, median, type Source } from './support/stdlib.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    'min-seconds': { type: 'string', default: '0.5' },
    'include-tests': { type: 'boolean', default: false },
    list: { type: 'boolean', default: false },
    'split-generate': { type: 'boolean', default: false },
  },
});
const runs = Math.max(1, Number(values.runs));
const minSeconds = Math.max(0.01, Number(values['min-seconds']));

const RUNTIME = 'pyasync/runtime';
const NOT_YET = /^pyasync does not compile (.*) yet$/;
const STAGES = ['parse', 'check', 'transform', 'generate'] as const;

const stdlib = await loadStdlib({ includeTests: values['include-tests'] });
const all = stdlib.sources;

// Classification, which is also the first warm-up pass.
const compiled: Source[] = [];
const notYet = new Map<string, number>();
/** Compile errors other than "not yet": the stdlib compiles under CPython, so each is pyasync's. */
const otherErrors = new Map<string, number>();
const crashed: { source: Source; error: string }[] = [];
for (const source of all) {
  try {
    compile(source.text, compileOptions(source));
    compiled.push(source);
  } catch (error) {
    const feature = error instanceof PySyntaxError ? NOT_YET.exec(error.msg)?.[1] : undefined;
    if (feature !== undefined) notYet.set(feature, (notYet.get(feature) ?? 0) + 1);
    else if (error instanceof PySyntaxError) otherErrors.set(error.msg, (otherErrors.get(error.msg) ?? 0) + 1);
    else crashed.push({ source, error: String((error as Error)?.stack ?? error).split('\n').slice(0, 2).join(' ') });
  }
}

const totalLines = sum(all.map((s) => s.lines));
const lines = sum(compiled.map((s) => s.lines));
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const pct = (part: number, whole: number): string => `${whole > 0 ? ((100 * part) / whole).toFixed(1) : '0.0'}%`;

console.log(`pyasync compile() over CPython's stdlib (${stdlib.root}${values['include-tests'] ? '' : ', test suites left out'})`);
console.log(
  `  ${all.length} files, ${fmt(totalLines)} lines: ${compiled.length} compile fully (${pct(compiled.length, all.length)} of files, ` +
    `${fmt(lines)} lines = ${pct(lines, totalLines)}); ${sum([...notYet.values()])} stop at a feature not compiled yet; ` +
    `${sum([...otherErrors.values()])} raise another compile error; ${crashed.length} crash`,
);
if (notYet.size > 0) {
  const top = [...notYet].sort((a, b) => b[1] - a[1]);
  console.log(`  first feature not compiled yet, by files: ${top.map(([f, n]) => `${f} ${n}`).join(', ')}`);
}
if (otherErrors.size > 0) {
  const top = [...otherErrors].sort((a, b) => b[1] - a[1]).slice(0, 5);
  console.log(`  other compile errors: ${top.map(([msg, n]) => `${JSON.stringify(msg)} ${n}`).join(', ')}`);
}
for (const { source, error } of crashed.slice(0, 5)) console.log(`  CRASH ${source.name}: ${error}`);
if (values.list) console.log(`  compiled: ${compiled.map((s) => s.name).join(' ')}`);
if (compiled.length === 0) {
  console.log('nothing compiles yet: no throughput to measure');
  process.exit(0);
}

/** Each file compiled as the stdlib module it is (`email/mime/text.py` is `email.mime.text`), so relative imports resolve. */
function compileOptions(source: Source): CompileOptions {
  return { filename: source.path, runtime: RUNTIME, moduleName: moduleNameOf(source.name), isPackage: isPackage(source.name) };
}

function moduleNameOf(name: string): string {
  const parts = name.replace(/\.py$/, '').split('/');
  if (parts.at(-1) === '__init__') parts.pop();
  return parts.join('.');
}

function isPackage(name: string): boolean {
  return /(^|\/)__init__\.py$/.test(name);
}

/** The process's CPU time in ms (all its threads: the GC's and the optimizing compiler's too). */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * compile()'s pipeline, with clocks between the stages (src/compile.ts
 * makes the same calls): wall time into `stageTimes[0..3]`, CPU time into
 * `stageTimes[4..7]`.
 */
function compileStaged(source: Source, stageTimes: Float64Array): string {
  const t0 = performance.now();
  const c0 = cpuMs();
  const tree = parse(source.text, { filename: source.path });
  const t1 = performance.now();
  const c1 = cpuMs();
  const symbols = analyze(tree, source.path, source.text);
  const t2 = performance.now();
  const c2 = cpuMs();
  const { program } = transformModule(tree, symbols, {
    filename: source.path,
    source: source.text,
    moduleName: moduleNameOf(source.name),
    runtime: RUNTIME,
    isPackage: isPackage(source.name),
    resolver: assumingResolver,
    extension: '.js',
    file: source.path,
  });
  const t3 = performance.now();
  const c3 = cpuMs();
  const { code } = generateCode(program, source.path, source.text);
  const t4 = performance.now();
  const c4 = cpuMs();
  stageTimes[0] += t1 - t0;
  stageTimes[1] += t2 - t1;
  stageTimes[2] += t3 - t2;
  stageTimes[3] += t4 - t3;
  stageTimes[4] += c1 - c0;
  stageTimes[5] += c2 - c1;
  stageTimes[6] += c3 - c2;
  stageTimes[7] += c4 - c3;
  return code;
}

// The staged pipeline must be compile() itself, or its timings mean nothing.
const scratch = new Float64Array(8);
for (const source of compiled) {
  if (compileStaged(source, scratch) !== compile(source.text, compileOptions(source)).code) {
    throw new Error(`bench/compile.ts: the staged pipeline no longer matches compile() on ${source.name}: update it from src/compile.ts`);
  }
}

// Warm-up: let the JIT settle on the hot paths before timing anything.
const warmStart = performance.now();
let warmPasses = 0;
while (warmPasses < 3 || performance.now() - warmStart < 1500) {
  for (const source of compiled) compileStaged(source, scratch);
  warmPasses++;
}
const passSeconds = (performance.now() - warmStart) / 1000 / warmPasses;
const reps = Math.max(1, Math.ceil(minSeconds / passSeconds));

// A major collection before each run, asked for as `{ type: 'major' }`: a bare `gc()` (Node 20) also throws
// away what the warm-up's optimizing compiler built: each run then re-optimizes a hundred-odd functions of
// the transform alone, and the stages take up to twice the CPU time they take warm.
const collect = (globalThis as { gc?: (options: { type: 'major' }) => void }).gc;
const gcPauses = observeGc();
const wall: number[] = [];
const cpu: number[] = [];
const stages: number[][] = STAGES.map(() => []);
const stageCpu: number[][] = STAGES.map(() => []);
for (let run = 0; run < runs; run++) {
  collect?.({ type: 'major' });
  const stageTimes = new Float64Array(8);
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  for (let r = 0; r < reps; r++) {
    for (let k = 0; k < compiled.length; k++) compileStaged(compiled[k]!, stageTimes);
  }
  wall.push((performance.now() - start) / 1000 / reps);
  const used = process.cpuUsage(cpuStart);
  cpu.push((used.user + used.system) / 1e6 / reps);
  STAGES.forEach((_, i) => {
    stages[i]!.push(stageTimes[i]! / 1000 / reps);
    stageCpu[i]!.push(stageTimes[4 + i]! / 1000 / reps);
  });
}

// The observer hears of the collections once the event loop has run timers.
await new Promise((resolve) => setTimeout(resolve, 50));
const gcReport = gcPauses.stop(runs * reps);
const allocation = measureAllocation();

const printOnly = values['split-generate'] ? timePrintingWithoutMap() : null;

const cpython = await cpythonCompile(
  compiled.map((s) => s.path),
  runs,
  minSeconds,
);

const ours = median(wall);
const theirs = median(cpython.wall);
const stageMedians = stages.map(median);
const stageSum = sum(stageMedians);
const row = (name: string, seconds: number, cpuSeconds: number, times: number[]): string =>
  `  ${name.padEnd(22)} ${(seconds * 1000).toFixed(1).padStart(8)} ms/pass ${fmt(lines / seconds).padStart(10)} lines/s` +
  `   (CPU ${(cpuSeconds * 1000).toFixed(1)} ms/pass; runs: ${times.map((t) => (t * 1000).toFixed(1)).join(', ')} ms)`;

console.log(
  `throughput on the ${compiled.length} files pyasync compiles (${fmt(lines)} lines), median of ${runs} runs ` +
    `(pyasync: ${reps} passes per run after ${warmPasses} warm-up passes; CPython: ${cpython.reps} per run):`,
);
console.log(row('pyasync compile()', ours, median(cpu), wall));
STAGES.forEach((stage, i) => {
  const s = stageMedians[i]!;
  const label = stage === 'generate' ? 'generate (+ source map)' : stage;
  const c = median(stageCpu[i]!);
  console.log(
    `    ${label.padEnd(24)} ${(s * 1000).toFixed(1).padStart(8)} ms  ${pct(s, stageSum).padStart(6)}   ${fmt(lines / s).padStart(10)} lines/s` +
      `   (CPU ${(c * 1000).toFixed(1)} ms)`,
  );
});
if (printOnly !== null) {
  const s = printOnly;
  const generate = stageMedians[3]!;
  console.log(
    `      of which printing   ${(s * 1000).toFixed(1).padStart(8)} ms (@babel/generator without a source map, timed apart); ` +
      `the source map ${((generate - s) * 1000).toFixed(1)} ms`,
  );
}
console.log(`    GC pauses (main thread)   ${gcReport}`);
console.log(`    allocated per pass        ${allocation}`);
console.log(row(`CPython ${cpython.version} compile()`, theirs, median(cpython.cpu), cpython.wall));
if (cpython.rejected > 0) console.log(`  (CPython rejected ${cpython.rejected} of these files and did not time them)`);
const ratio = theirs / ours;
const cpuRatio = median(cpython.cpu) / median(cpu);
console.log(
  `ratio: pyasync compiles at ${ratio.toFixed(2)}x CPython's compile() throughput (target >= 0.5x: ${ratio >= 0.5 ? 'met' : 'NOT met'}); ` +
    `by CPU time ${cpuRatio.toFixed(2)}x`,
);
console.log(
  `(load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores. CPU time above wall time means V8's background threads ` +
    `(GC, optimizing compiler) used another core; CPU time below it, that the process waited for a core)`,
);

/** Collects the GC's pauses from now until `stop`, which sums them per pass by kind. */
function observeGc(): { stop(passes: number): string } {
  const kinds = new Map<number, { count: number; ms: number }>();
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as unknown as { detail?: { kind?: number } }).detail?.kind ?? 0;
      const sum = kinds.get(kind) ?? { count: 0, ms: 0 };
      sum.count++;
      sum.ms += entry.duration;
      kinds.set(kind, sum);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  const NAMES = new Map<number, string>([
    [perfConstants.NODE_PERFORMANCE_GC_MINOR, 'scavenge'],
    [perfConstants.NODE_PERFORMANCE_GC_MAJOR, 'mark-compact'],
    [perfConstants.NODE_PERFORMANCE_GC_INCREMENTAL, 'incremental marking'],
    [perfConstants.NODE_PERFORMANCE_GC_WEAKCB, 'weak callbacks'],
  ]);
  return {
    stop(passes: number): string {
      observer.disconnect();
      let total = 0;
      const parts: string[] = [];
      for (const [kind, { count, ms }] of [...kinds].sort((a, b) => b[1].ms - a[1].ms)) {
        total += ms;
        parts.push(`${NAMES.get(kind) ?? `kind ${kind}`} ${(ms / passes).toFixed(1)} ms (${(count / passes).toFixed(1)}x)`);
      }
      return `${(total / passes).toFixed(1)} ms/pass: ${parts.join(', ') || 'none'}`;
    },
  };
}

/**
 * Bytes each stage allocates over one pass, from the heap's growth across
 * the stage: a stage during which a collection ran (the heap shrank) tells
 * nothing and is left out, and the sums are scaled up by lines from the
 * stages that counted.
 */
function measureAllocation(): string {
  const used = (): number => getHeapStatistics().used_heap_size;
  const bytes = new Float64Array(4);
  const countedLines = new Float64Array(4);
  for (const source of compiled) {
    const options = compileOptions(source);
    let before = used();
    const tree = parse(source.text, { filename: source.path });
    before = count(0, before, source.lines);
    const symbols = analyze(tree, source.path, source.text);
    before = count(1, before, source.lines);
    const { program } = transformModule(tree, symbols, {
      filename: source.path, source: source.text, moduleName: options.moduleName!, runtime: RUNTIME, isPackage: options.isPackage!,
      resolver: assumingResolver, extension: '.js', file: source.path,
    });
    before = count(2, before, source.lines);
    generateCode(program, source.path, source.text);
    count(3, before, source.lines);
  }
  function count(stage: number, before: number, lines: number): number {
    const after = used();
    if (after >= before) {
      bytes[stage] += after - before;
      countedLines[stage] += lines;
    }
    // The next stage starts after this measurement's own allocation.
    return used();
  }
  const mb = (n: number): string => `${(n / 1e6).toFixed(0)} MB`;
  const perStage = STAGES.map((stage, i) => (countedLines[i]! > 0 ? (bytes[i]! * lines) / countedLines[i]! : NaN));
  return `${mb(sum(perStage))} (${STAGES.map((stage, i) => `${stage} ${mb(perStage[i]!)}`).join(', ')})`;
}

/** The median over `runs` passes of @babel/generator printing each module's program without a source map. */
function timePrintingWithoutMap(): number {
  const module = generator as unknown as { default: unknown };
  const print = (typeof module.default === 'function' ? module.default : (module.default as { default: unknown }).default) as (
    ast: unknown,
    options: object,
  ) => { code: string };
  // Each module's program made just before it is printed, as in compile(): all of them held at once would slow the GC.
  const programOf = (source: Source): unknown => {
    const tree = parse(source.text, { filename: source.path });
    return transformModule(tree, analyze(tree, source.path, source.text), {
      filename: source.path, source: source.text, moduleName: moduleNameOf(source.name), runtime: RUNTIME,
      isPackage: isPackage(source.name), resolver: assumingResolver, extension: '.js', file: source.path,
    }).program;
  };
  for (const source of compiled) print(programOf(source), { retainLines: false });
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    let seconds = 0;
    for (const source of compiled) {
      const program = programOf(source);
      const start = performance.now();
      print(program, { retainLines: false });
      seconds += (performance.now() - start) / 1000;
    }
    times.push(seconds);
  }
  return median(times);
}

interface CPythonTimes {
  version: string;
  reps: number;
  wall: number[];
  cpu: number[];
  rejected: number;
}

function cpythonCompile(paths: string[], runs: number, minSeconds: number): Promise<CPythonTimes> {
  const script = fileURLToPath(new URL('./cpython_compile.py', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn('python3', ['-X', 'utf8', script], {
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      if (status !== 0) reject(new Error(`bench/cpython_compile.py exited with status ${status}`));
      else resolve(JSON.parse(out) as CPythonTimes);
    });
    child.stdin.end(JSON.stringify({ paths, runs, minSeconds }));
  });
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
