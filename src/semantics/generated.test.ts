/**
 * `check` on random programs (program_generator.py, fixed seeds) built from
 * the constructs the checks care about: each must get CPython's outcome,
 * which exercises the order in which errors are found far beyond the
 * hand-written table.
 */
import { describe, it, expect } from 'vitest';
import { checkOutcome, cpythonGenerated } from './testing.js';
import type { Outcome } from './testing.js';

const RUNS = [
  { seed: 1, count: 1000, risk: 0.01 },
  { seed: 2, count: 1000, risk: 0.03 },
  { seed: 3, count: 1000, risk: 0.1 },
];

describe('check on generated programs', () => {
  for (const run of RUNS) {
    it(`matches CPython (seed ${run.seed}, risk ${run.risk})`, { timeout: 600_000 }, () => {
      const cases = cpythonGenerated(run.seed, run.count, run.risk);
      const mismatches: string[] = [];
      let accepted = 0;
      for (const c of cases) {
        const got: Outcome = checkOutcome(c.source, c.topLevelAwait);
        if (c.outcome.ok) accepted++;
        if (JSON.stringify(got) !== JSON.stringify(c.outcome)) {
          mismatches.push(`${JSON.stringify(c.source)} (topLevelAwait=${c.topLevelAwait}): got ${JSON.stringify(got)}, CPython ${JSON.stringify(c.outcome)}`);
        }
      }
      expect(mismatches.slice(0, 5)).toEqual([]);
      // Both outcomes must be well represented for the comparison to mean something.
      expect(accepted).toBeGreaterThan(cases.length * 0.1);
      expect(cases.length - accepted).toBeGreaterThan(cases.length * 0.1);
    });
  }
});
