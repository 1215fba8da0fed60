/**
 * The long fuzz sweep: `npm run fuzz -- [--seed N] [--count M] [--files F]
 * [--budget MS] [--no-cpython]`. Same inputs as tests/fuzz.test.ts, many
 * more of them, in rounds of 5,000 so memory stays flat. Every input that
 * crashes, hangs or kills the parser, and every disagreement with CPython,
 * is saved under .cache/fuzz/<seed>/ as a .py file with a report beside it.
 * Exits with status 1 when something crashed, hung, died or built a
 * different AST.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CPythonOracle, REPO_ROOT } from '../support/oracle.js';
import { loadCorpus } from './corpus.js';
import { deepInputs, generateInputs } from './mutate.js';
import type { FuzzInput } from './mutate.js';
import { compareWithCPython, describeCase, percent, runInputs } from './harness.js';
import type { Outcome } from '../support/oracle.js';
import type { FuzzOutcome } from './protocol.js';

const ROUND = 5000;

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    count: { type: 'string', default: '100000' },
    files: { type: 'string', default: '1000' },
    budget: { type: 'string', default: '5000' },
    'no-cpython': { type: 'boolean', default: false },
  },
});
const seed = Number(values.seed);
const count = Number(values.count);
const budgetMs = Number(values.budget);
const withCPython = !values['no-cpython'];
if (![seed, count, budgetMs, Number(values.files)].every(Number.isFinite)) {
  console.error('usage: npm run fuzz -- [--seed N] [--count M] [--files F] [--budget MS] [--no-cpython]');
  process.exit(2);
}

const outDir = join(REPO_ROOT, '.cache', 'fuzz', String(seed));
mkdirSync(outDir, { recursive: true });
const saved: Record<string, number> = {};

function save(kind: string, input: FuzzInput, ours: FuzzOutcome, cpython?: Outcome): void {
  const n = (saved[kind] = (saved[kind] ?? 0) + 1);
  if (n > 200) return;
  const base = join(outDir, `${kind}-${String(n).padStart(3, '0')}`);
  writeFileSync(`${base}.py`, input.source);
  writeFileSync(`${base}.txt`, describeCase(input.label, input.source, ours, cpython) + '\n');
}

const oracle = new CPythonOracle();
const started = performance.now();
const corpus = await loadCorpus(oracle, seed, Number(values.files));
const totals = { inputs: 0, broken: 0, compared: 0, sameDecision: 0, bothAccepted: 0, sameAst: 0, astDiff: 0, bothRejected: 0, sameError: 0 };

const rounds = Math.ceil(count / ROUND);
for (let round = -1; round < rounds; round++) {
  // Round -1: the deep-nesting inputs, at two sizes.
  const inputs =
    round < 0
      ? [...deepInputs(10_000), ...deepInputs(100_000)]
      : generateInputs(corpus, (seed * 1_000_003 + round) >>> 0, Math.min(ROUND, count - round * ROUND));
  const outcomes = await runInputs(inputs.map((i) => i.source), { budgetMs, dumps: withCPython });
  totals.inputs += inputs.length;
  outcomes.forEach((o, i) => {
    if (o.kind !== 'ok' && o.kind !== 'syntax') {
      totals.broken++;
      save(o.kind, inputs[i]!, o);
    }
  });
  if (withCPython && round >= 0) {
    const a = await compareWithCPython(oracle, inputs.map((i) => i.source), outcomes);
    totals.compared += a.compared;
    totals.sameDecision += a.sameDecision;
    totals.bothAccepted += a.bothAccepted - a.astNotCompared;
    totals.sameAst += a.sameAst;
    totals.astDiff += a.astDifferences.length;
    totals.bothRejected += a.bothRejected;
    totals.sameError += a.sameMsgAndLine;
    for (const i of a.decisionDifferences) save('decision', inputs[i]!, outcomes[i]!, a.cpython[i]);
    for (const i of a.astDifferences) save('ast', inputs[i]!, outcomes[i]!, a.cpython[i]);
    // Both reject, with another message or line: kept for whoever improves error parity.
    for (const i of a.errorDifferences) save('message', inputs[i]!, outcomes[i]!, a.cpython[i]);
  }
  const elapsed = ((performance.now() - started) / 1000).toFixed(0);
  console.log(
    `${round < 0 ? 'deep' : `round ${round + 1}/${rounds}`}: ${totals.inputs} inputs, ${totals.broken} crashes/hangs` +
      (withCPython ? `, decisions agree ${percent(totals.sameDecision, totals.compared)}, AST differences ${totals.astDiff}` : '') +
      ` (${elapsed} s)`,
  );
}
await oracle.close();

console.log(
  `\nfuzz sweep seed ${seed}: ${totals.inputs} inputs; ${totals.broken} crashed, hung or died` +
    (withCPython
      ? `; accept/reject agrees with CPython on ${totals.sameDecision}/${totals.compared} (${percent(totals.sameDecision, totals.compared)}); ` +
        `same AST on ${totals.sameAst}/${totals.bothAccepted}; same msg+line on ${totals.sameError}/${totals.bothRejected}`
      : ''),
);
if (Object.keys(saved).length > 0) console.log(`inputs saved in ${outDir}: ${JSON.stringify(saved)}`);
process.exitCode = totals.broken > 0 || totals.astDiff > 0 ? 1 : 0;
