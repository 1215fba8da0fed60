/** Messages between tests/fuzz/harness.ts and tests/fuzz/worker.ts. */
export interface WorkerRequest {
  /** Index of sources[0] in the whole run. */
  first: number;
  sources: string[];
  /** Also return the SHA-256 of `dump(tree, {includeAttributes: true})`. */
  dumps: boolean;
}

export type WorkerOutcome =
  | { kind: 'ok'; dump: string | null; ms: number }
  | { kind: 'syntax'; type: string; msg: string; lineno: number; offset: number; ms: number }
  | { kind: 'crash'; error: string; ms: number };

export interface WorkerResult {
  index: number;
  outcome: WorkerOutcome;
}

/** What the harness records per input: the worker's answer, or that it never came. */
export type FuzzOutcome = WorkerOutcome | { kind: 'hang'; ms: number } | { kind: 'died'; error: string; ms: number };
