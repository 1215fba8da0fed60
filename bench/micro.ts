/**
 * `npm run bench:micro [-- --only a,b]`: common operations (bench/micro/operations.py:
 * exceptions, calls with keywords, module functions, math, str and re and
 * json, dict/set/deque/Counter, super(), generators…) timed by CPU in one
 * `python3` process and in one `pyasync run` of the same file, each the
 * best of three runs after a warm-up; prints each operation's ratio
 * (pyasync's time over CPython's: below 1 is faster than CPython). A sweep
 * for slow spots rather than a target: the programs that have targets are
 * bench:programs and bench:async.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { only: { type: 'string' } } });
const FILE = fileURLToPath(new URL('./micro/operations.py', import.meta.url));
const CLI = fileURLToPath(new URL('../cli/index.ts', import.meta.url));
const REGISTER = fileURLToPath(new URL('../tests/support/register-ts.mjs', import.meta.url));

function timings(command: string, args: string[]): Map<string, number> {
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')}: status ${r.status}\n${r.stderr}`);
  const out = new Map<string, number>();
  for (const line of r.stdout.trim().split('\n')) {
    const [name, ms] = line.split(' ');
    out.set(name!, Number(ms));
  }
  return out;
}

const before = loadavg()[0]!;
const python = timings('python3', [FILE]);
const ours = timings(process.execPath, ['--import', REGISTER, CLI, 'run', '--no-cache', FILE]);
const only = values.only?.split(',') ?? null;
console.log(`operation            CPython ms  pyasync ms  pyasync/CPython   (load average ${before.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after, CPU time)`);
const ratios: number[] = [];
for (const [name, py] of python) {
  if (only !== null && !only.includes(name)) continue;
  const pa = ours.get(name);
  if (pa === undefined) throw new Error(`pyasync printed no time for ${name}`);
  const ratio = pa / Math.max(py, 0.01);
  ratios.push(ratio);
  console.log(`${name.padEnd(20)} ${py.toFixed(2).padStart(10)}  ${pa.toFixed(2).padStart(10)}  ${ratio.toFixed(2).padStart(15)}`);
}
const geomean = Math.exp(ratios.reduce((a, r) => a + Math.log(r), 0) / ratios.length);
console.log(`${ratios.length} operations; geometric mean of pyasync/CPython ${geomean.toFixed(2)}; slower than CPython: ${ratios.filter((r) => r > 1).length}`);
