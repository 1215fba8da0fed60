/**
 * Runs a module compiled by pyasync as `pyasync run` does (uncaught
 * exceptions reported, output flushed, the exit status Python would have),
 * and writes its execution time on fd 3 as JSON {wall, cpu} in seconds. The
 * runtime is loaded before the clock starts: module loading is start-up, not
 * the program. With BENCH_CPU_PROFILE=FILE, V8's sampling profiler runs over
 * exactly that span and its profile is written to FILE. The peak RSS (KB) is
 * the whole process's, the TypeScript loader that compiles the runtime's
 * sources included.
 */
import { writeFileSync, writeSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import '../../runtime/index.js';
// asyncio is loaded before the clock starts too, as time_python.py imports it first.
import '../../runtime/modules/asyncio.js';
import { runMain } from '../../runtime/program/main.js';

const url = pathToFileURL(resolve(process.argv[2]!)).href;
const profileFile = process.env['BENCH_CPU_PROFILE'];
const session = profileFile ? new Session() : null;
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
}
const cpuStart = process.cpuUsage();
const start = performance.now();
const status = await runMain(url);
const wall = (performance.now() - start) / 1000;
const cpu = process.cpuUsage(cpuStart);
if (session && profileFile) {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(profileFile, JSON.stringify(profile));
  session.disconnect();
}
writeSync(3, JSON.stringify({ wall, cpu: (cpu.user + cpu.system) / 1e6, maxRss: process.resourceUsage().maxRSS }));
process.exitCode = status;
