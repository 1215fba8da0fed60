// Runs a JavaScript module as `node FILE` would, and writes its evaluation
// time on fd 3 as JSON {wall, cpu} in seconds (Node's start-up left out, as
// the other variants leave out theirs), and the process's peak RSS in KB.
import { writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const url = pathToFileURL(resolve(process.argv[2])).href;
const cpuStart = process.cpuUsage();
const start = performance.now();
try {
  await import(url);
} finally {
  const wall = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  writeSync(3, JSON.stringify({ wall, cpu: (cpu.user + cpu.system) / 1e6, maxRss: process.resourceUsage().maxRSS }));
}
