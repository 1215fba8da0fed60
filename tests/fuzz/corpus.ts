/** The fuzzers' seed material: a deterministic sample of stdlib files. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CPythonOracle } from '../support/oracle.js';
import { Prng } from '../support/prng.js';

export interface CorpusFile {
  name: string;
  source: string;
}

/** Up to `count` stdlib files under 200 kB, chosen by `seed`. */
export async function loadCorpus(oracle: CPythonOracle, seed: number, count: number): Promise<CorpusFile[]> {
  const { root, files } = await oracle.stdlib();
  const rng = new Prng(seed ^ 0x5eed);
  const chosen = new Set<string>();
  for (let tries = 0; chosen.size < Math.min(count, files.length) && tries < count * 10; tries++) {
    chosen.add(rng.pick(files));
  }
  const corpus: CorpusFile[] = [];
  for (const name of [...chosen].sort()) {
    const bytes = readFileSync(join(root, name));
    if (bytes.length > 200_000) continue;
    // Excerpts are edited as text; a few stdlib files are not UTF-8 on purpose.
    const source = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    corpus.push({ name, source });
  }
  return corpus;
}
