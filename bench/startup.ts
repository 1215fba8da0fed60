/**
 * Start-up of `pyasync run hello.py` with a warm compile cache (the built
 * CLI, bin/pyasync.js → dist/) against `python3 hello.py`, and `node -e 0`
 * for the floor Node itself sets: the median wall time of interleaved
 * runs. Run alone with `node --import ./tests/support/register-ts.mjs
 * bench/startup.ts [--runs N]` after `npm run build`; bench/build.ts runs it
 * at its end.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const BIN = fileURLToPath(new URL('../bin/pyasync.js', import.meta.url));

function wall(command: string, args: string[], env: NodeJS.ProcessEnv): number {
  const started = performance.now();
  const r = spawnSync(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - started;
  if (r.status !== 0 || r.stdout !== 'hello\n') throw new Error(`${command} ${args.join(' ')}: status ${r.status}\n${r.stderr}`);
  return ms;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function measureStartup(options: { runs: number }): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pyasync-bench-startup-'));
  const hello = join(dir, 'hello.py');
  writeFileSync(hello, 'print("hello")\n');
  const env = { ...process.env, PYASYNC_CACHE_DIR: join(dir, 'cache'), PYTHONDONTWRITEBYTECODE: '1' };
  try {
    // Warm the compile cache (and the OS's file cache for all three).
    wall(process.execPath, [BIN, 'run', hello], env);
    wall('python3', [hello], env);
    const ours: number[] = [];
    const python: number[] = [];
    const node: number[] = [];
    for (let i = 0; i < options.runs; i++) {
      ours.push(wall(process.execPath, [BIN, 'run', hello], env));
      python.push(wall('python3', [hello], env));
      const started = performance.now();
      spawnSync(process.execPath, ['-e', 'console.log("hello")'], { stdio: 'ignore' });
      node.push(performance.now() - started);
    }
    const o = median(ours);
    const p = median(python);
    console.log(`\nstart-up, hello.py, warm cache (median of ${options.runs}): pyasync run ${o.toFixed(0)} ms, python3 ${p.toFixed(0)} ms, node -e ${median(node).toFixed(0)} ms; pyasync / python3 = ${(o / p).toFixed(2)}× (target ≤ 3×)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' } } });
  await measureStartup({ runs: Math.max(1, Number(values.runs)) });
}
