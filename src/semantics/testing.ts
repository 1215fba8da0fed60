/**
 * Test support: CPython's compile() outcome for a batch of sources, from one
 * python3 process (compile-oracle.py), and ours in the same shape.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parse } from '../parser/parser.js';
import { PySyntaxError } from '../diagnostics.js';
import { check } from './checks.js';

const ORACLE = fileURLToPath(new URL('../../scripts/semantics/compile-oracle.py', import.meta.url));

export interface Case {
  readonly source: string;
  readonly topLevelAwait?: boolean;
}

export type Outcome =
  | { ok: true }
  | { ok: false; msg: string; lineno: number; offset: number; end_lineno: number; end_offset: number };

export type OracleResult = Outcome | { parsed: false };

export interface StdlibFile {
  path: string;
  ok: boolean;
  parsed?: boolean;
  error?: Outcome;
}

function runOracle(request: unknown): unknown {
  const child = spawnSync('python3', ['-X', 'utf8', ORACLE], {
    input: JSON.stringify(request),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, PYTHONIOENCODING: 'utf-8', PYTHONDONTWRITEBYTECODE: '1' },
  });
  if (child.status !== 0) throw new Error(`compile-oracle.py failed: ${child.stderr}`);
  return JSON.parse(child.stdout);
}

export function cpythonOutcomes(cases: readonly Case[]): OracleResult[] {
  return runOracle({ cases }) as OracleResult[];
}

export interface HarvestedCase extends Case {
  readonly outcome: Outcome;
}

/** Snippets from CPython's test suite, with CPython's outcome (see compile-oracle.py). */
export function cpythonHarvest(): HarvestedCase[] {
  return runOracle({ harvest: true }) as HarvestedCase[];
}

/** Random programs from program_generator.py that CPython parses, with CPython's outcome. */
export function cpythonGenerated(seed: number, count: number, risk: number): HarvestedCase[] {
  return runOracle({ generated: { seed, count, risk } }) as HarvestedCase[];
}

export function cpythonStdlib(): { root: string; files: StdlibFile[] } {
  return runOracle({ stdlib: true }) as { root: string; files: StdlibFile[] };
}

/** What `check` says about already-parsed source (the parser must accept it). */
export function checkOutcome(source: string, topLevelAwait = false, filename = '<snippet>'): Outcome {
  const tree = parse(source, { filename });
  try {
    check(tree, filename, source, { allowTopLevelAwait: topLevelAwait });
    return { ok: true };
  } catch (e) {
    if (!(e instanceof PySyntaxError)) throw e;
    return { ok: false, msg: e.msg, lineno: e.lineno, offset: e.offset, end_lineno: e.end_lineno, end_offset: e.end_offset };
  }
}
