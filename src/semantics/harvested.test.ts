/**
 * `check` on the snippets of CPython's own test suite (Lib/test): string
 * constants and doctest examples that CPython parses, compiled with and
 * without PyCF_ALLOW_TOP_LEVEL_AWAIT. Every one must get CPython's outcome.
 */
import { describe, it, expect } from 'vitest';
import { checkOutcome, cpythonHarvest } from './testing.js';
import type { Outcome } from './testing.js';

describe("check on snippets from CPython's test suite", () => {
  it('matches CPython on each', { timeout: 600_000 }, () => {
    const cases = cpythonHarvest();
    const mismatches: string[] = [];
    const parserFailures: string[] = [];
    let errors = 0;
    for (const c of cases) {
      let got: Outcome;
      try {
        got = checkOutcome(c.source, c.topLevelAwait);
      } catch (e) {
        parserFailures.push(`${JSON.stringify(c.source)}: ${e instanceof Error ? e.message : String(e)}`);
        continue;
      }
      if (!c.outcome.ok) errors++;
      if (JSON.stringify(got) !== JSON.stringify(c.outcome)) {
        mismatches.push(`${JSON.stringify(c.source)} (topLevelAwait=${c.topLevelAwait}): got ${JSON.stringify(got)}, CPython ${JSON.stringify(c.outcome)}`);
      }
    }
    if (parserFailures.length > 0) console.warn(`parser failed on ${parserFailures.length} snippet(s):\n${parserFailures.join('\n')}`);
    expect(mismatches).toEqual([]);
    expect(cases.length - parserFailures.length).toBeGreaterThan(cases.length * 0.9);
    expect(errors).toBeGreaterThan(200);
  });
});
