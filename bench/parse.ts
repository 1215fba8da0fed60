/**
 * `npm run bench:parse [-- --iterations N --python-iterations M]`: parse
 * throughput on CPython's stdlib, ours against CPython's `ast.parse`, in the
 * same run. Both sides parse already-decoded sources held in memory (no file
 * I/O or decoding in the timings), warm up first, and report their best
 * iteration. Files either side rejects are left out of both.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { decodeSource, parse } from '../src/index.js';
import { CPythonOracle } from '../tests/support/oracle.js';

const { values } = parseArgs({
  options: {
    iterations: { type: 'string', default: '5' },
    'python-iterations': { type: 'string', default: '3' },
  },
});
const iterations = Math.max(1, Number(values.iterations));
const pythonIterations = Math.max(1, Number(values['python-iterations']));

const oracle = new CPythonOracle();
const { root, files } = await oracle.stdlib();

interface Source {
  path: string;
  text: string;
}
const all: Source[] = [];
for (const file of files) {
  const path = join(root, file);
  try {
    all.push({ path, text: decodeSource(readFileSync(path), path) });
  } catch {
    // Undecodable on purpose (test data for encoding errors): not parse work.
  }
}

// Warm-up, which also drops the files we reject (CPython rejects them too).
const sources = all.filter(({ text, path }) => {
  try {
    parse(text, { filename: path });
    return true;
  } catch {
    return false;
  }
});

const lines = sources.reduce((n, s) => n + countLines(s.text), 0);
const megabytes = sources.reduce((n, s) => n + Buffer.byteLength(s.text, 'utf8'), 0) / 1e6;

let peakHeap = 0;
const ourTimes: number[] = [];
for (let i = 0; i < iterations; i++) {
  const start = performance.now();
  for (let k = 0; k < sources.length; k++) {
    const s = sources[k]!;
    parse(s.text, { filename: s.path });
    // Sampling outside the timed loop would miss the trees' high-water mark.
    if (i === 0 && k % 64 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }
  ourTimes.push((performance.now() - start) / 1000);
}
const ourBest = Math.min(...ourTimes);
const peakRss = process.resourceUsage().maxRSS * 1024;

const cpython = await oracle.bench(
  sources.map((s) => s.path),
  pythonIterations,
);
await oracle.close();
const cpythonBest = Math.min(...cpython.times);

const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const row = (name: string, seconds: number, times: number[]): string =>
  `${name.padEnd(22)} ${seconds.toFixed(2).padStart(6)} s   ${Math.round(lines / seconds)
    .toLocaleString('en-US')
    .padStart(10)} lines/s   ${(megabytes / seconds).toFixed(2).padStart(6)} MB/s   (runs: ${times.map((t) => t.toFixed(2)).join(', ')})`;

console.log(
  `stdlib of CPython ${cpython.version}: ${sources.length} files, ${lines.toLocaleString('en-US')} lines, ` +
    `${megabytes.toFixed(1)} MB (excluded: ${files.length - sources.length} files that do not decode or parse)`,
);
console.log(row('pyasync parse', ourBest, ourTimes));
console.log(row('CPython ast.parse', cpythonBest, cpython.times));
if (cpython.excluded > 0) console.log(`(CPython rejected ${cpython.excluded} of these files, which it did not time: the comparison is slightly in its favour)`);
console.log(`ratio: pyasync is ${(cpythonBest / ourBest).toFixed(2)}x CPython's lines/s`);
console.log(`pyasync memory: peak RSS ${mb(peakRss)}, peak heap used ${mb(peakHeap)} (sources held in memory included)`);

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return text.length > 0 && !text.endsWith('\n') ? n + 1 : n;
}
