/**
 * The standard library as benchmark input: CPython's own `.py` files
 * (site-packages excluded), decoded once, held in memory.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeSource } from '../../src/index.js';
import { CPythonOracle } from '../../tests/support/oracle.js';

export interface Source {
  /** Absolute path. */
  path: string;
  /** Path relative to the stdlib root. */
  name: string;
  text: string;
  lines: number;
}

export interface Stdlib {
  root: string;
  sources: Source[];
  /** Files left out: test suites, and files that do not decode. */
  skipped: number;
}

/** Test suites (`test/`, `*\/tests/`, `idlelib/idle_test/`…) are left out: they hold Python 2 samples and data, not library code. */
const TEST_DIRECTORY = /^(test|tests|idle_test)$/;

export async function loadStdlib(options: { includeTests?: boolean } = {}): Promise<Stdlib> {
  const oracle = new CPythonOracle();
  const { root, files } = await oracle.stdlib();
  await oracle.close();
  const sources: Source[] = [];
  let skipped = 0;
  for (const name of files) {
    if (!options.includeTests && name.split('/').slice(0, -1).some((dir) => TEST_DIRECTORY.test(dir))) {
      skipped++;
      continue;
    }
    const path = join(root, name);
    try {
      const text = decodeSource(readFileSync(path), path);
      sources.push({ path, name, text, lines: countLines(text) });
    } catch {
      skipped++;
    }
  }
  return { root, sources, skipped };
}

export function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return text.length > 0 && !text.endsWith('\n') ? n + 1 : n;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
