/**
 * Mutation fuzzing: stdlib excerpts with random edits, and deeply nested
 * constructs. Every input must give an AST or a PySyntaxError — no other
 * exception, no hang (a watchdog kills the parse after a time budget) — and
 * our accept/reject decisions and ASTs must agree with CPython's ast.parse
 * on at least the measured floors. Details: .cache/fuzz-report.txt.
 * The long sweep is `npm run fuzz -- --seed N --count M`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CPythonOracle, REPO_ROOT } from './support/oracle.js';
import { loadCorpus } from './fuzz/corpus.js';
import { deepInputs, generateInputs } from './fuzz/mutate.js';
import type { FuzzInput } from './fuzz/mutate.js';
import { compareWithCPython, describeCase, percent, runInputs } from './fuzz/harness.js';
import type { Agreement } from './fuzz/harness.js';
import type { FuzzOutcome } from './fuzz/protocol.js';

const SEED = 20240611;
const COUNT = 3000;
const BUDGET_MS = 5000;
/**
 * Floors from measurement (2998/3000 decisions and 689/689 ASTs agreed when
 * written); raise the first as the parser improves. An AST that differs on
 * code both accept is always a bug, hence 1.
 */
const DECISION_FLOOR = 0.995;
const AST_FLOOR = 1;

const oracle = new CPythonOracle();
let mutated: FuzzInput[] = [];
let deep: FuzzInput[] = [];
let outcomes: FuzzOutcome[] = [];
let agreement: Agreement | null = null;

beforeAll(async () => {
  const corpus = await loadCorpus(oracle, SEED, 300);
  mutated = generateInputs(corpus, SEED, COUNT);
  deep = deepInputs();
  outcomes = await runInputs([...mutated, ...deep].map((i) => i.source), { budgetMs: BUDGET_MS, dumps: true });
  agreement = await compareWithCPython(oracle, mutated.map((i) => i.source), outcomes.slice(0, mutated.length));
}, 540_000);

afterAll(async () => {
  await oracle.close();
  if (!agreement) return;
  const a = agreement;
  const summary =
    `fuzz (seed ${SEED}, ${mutated.length} mutated + ${deep.length} deep inputs): ` +
    `accept/reject agrees with CPython on ${a.sameDecision}/${a.compared} (${percent(a.sameDecision, a.compared)}), ` +
    `same AST on ${a.sameAst}/${a.bothAccepted - a.astNotCompared} accepted by both, ` +
    `same msg+line on ${a.sameMsgAndLine}/${a.bothRejected} rejected by both; ` +
    `${a.cpythonOther} inputs where CPython raised MemoryError/RecursionError`;
  const section = (title: string, indices: number[]): string =>
    `${title} (${indices.length}):\n` +
    indices
      .slice(0, 60)
      .map((i) => describeCase(mutated[i]!.label, mutated[i]!.source, outcomes[i]!, a.cpython[i]))
      .join('\n') +
    '\n';
  const slow = outcomes
    .map((o, i) => ({ o, i }))
    .filter(({ o }) => o.ms > 200)
    .map(({ o, i }) => `${[...mutated, ...deep][i]!.label}: ${o.ms} ms`);
  mkdirSync(join(REPO_ROOT, '.cache'), { recursive: true });
  writeFileSync(
    join(REPO_ROOT, '.cache', 'fuzz-report.txt'),
    `${summary}\n\n` +
      section('Different accept/reject decision', a.decisionDifferences) +
      section('Different AST', a.astDifferences) +
      section('Different msg or line (both reject)', a.errorDifferences) +
      `Slow parses (> 200 ms):\n${slow.join('\n')}\n`,
  );
  console.log(`${summary} (details: .cache/fuzz-report.txt)`);
});

function failures(inputs: FuzzInput[], from: number): string[] {
  return inputs
    .map((input, k) => ({ input, outcome: outcomes[from + k]! }))
    .filter(({ outcome }) => outcome.kind !== 'ok' && outcome.kind !== 'syntax')
    .map(({ input, outcome }) => describeCase(input.label, input.source, outcome));
}

describe('fuzzing the parser', () => {
  it(`gives an AST or a SyntaxError for ${COUNT} mutated stdlib excerpts, each within ${BUDGET_MS} ms`, () => {
    expect(outcomes.length).toBe(mutated.length + deep.length);
    expect(failures(mutated, 0)).toEqual([]);
  });

  it('gives an AST or a SyntaxError for deeply nested input (10,000 levels), within the budget', () => {
    expect(failures(deep, mutated.length)).toEqual([]);
  });

  it(`agrees with CPython on accepting or rejecting at least ${DECISION_FLOOR * 100}% of the inputs`, () => {
    const a = agreement!;
    expect(a.compared).toBeGreaterThan(COUNT * 0.9);
    expect(a.sameDecision / a.compared).toBeGreaterThanOrEqual(DECISION_FLOOR);
  });

  it(`builds the same AST as CPython for at least ${AST_FLOOR * 100}% of the inputs both accept`, () => {
    const a = agreement!;
    const compared = a.bothAccepted - a.astNotCompared;
    expect(compared).toBeGreaterThan(COUNT * 0.05);
    expect(a.sameAst / compared).toBeGreaterThanOrEqual(AST_FLOOR);
  });
});
