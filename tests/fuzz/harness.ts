/**
 * Runs fuzz inputs through our parser in a child process with a watchdog:
 * an input that takes longer than the budget is recorded as a hang, one that
 * kills the process (stack overflow, out of memory) as died, and the run
 * goes on in a fresh process from the next input. Then compares our
 * accept/reject decisions and ASTs with CPython's.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CPythonOracle, Outcome } from '../support/oracle.js';
import type { FuzzOutcome, WorkerRequest, WorkerResult } from './protocol.js';

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));
const REGISTER_TS = fileURLToPath(new URL('../support/register-ts.mjs', import.meta.url));
/** Starting the worker transpiles the parser's sources. */
const STARTUP_BUDGET_MS = 60_000;

export interface RunOptions {
  /** Longest time one parse may take before it counts as a hang. */
  budgetMs: number;
  /** Also compute dump digests of accepted inputs (for comparing ASTs with CPython). */
  dumps: boolean;
  /** Inputs sent to the worker per message. */
  chunk?: number;
  onProgress?: (done: number) => void;
}

export async function runInputs(sources: readonly string[], options: RunOptions): Promise<FuzzOutcome[]> {
  const results: FuzzOutcome[] = new Array<FuzzOutcome>(sources.length);
  let next = 0;
  while (next < sources.length) next = await runWorker(sources, next, results, options);
  return results;
}

/** Runs inputs from `from` on until the end or a hang/death; returns where to resume. */
function runWorker(sources: readonly string[], from: number, results: FuzzOutcome[], options: RunOptions): Promise<number> {
  const chunk = options.chunk ?? 200;
  return new Promise((resolve) => {
    const child = fork(WORKER, [], {
      execArgv: ['--import', REGISTER_TS],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let pending = from;
    let sent = from;
    let settled = false;
    let timer: NodeJS.Timeout | undefined;

    const settle = (resumeAt: number): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.removeAllListeners();
      child.kill('SIGKILL');
      resolve(resumeAt);
    };
    const arm = (ms: number): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        results[pending] = { kind: 'hang', ms };
        settle(pending + 1);
      }, ms);
    };
    const sendChunk = (): void => {
      const end = Math.min(sources.length, sent + chunk);
      const request: WorkerRequest = { first: sent, sources: sources.slice(sent, end), dumps: options.dumps };
      child.send(request);
      sent = end;
    };

    child.on('message', (message: WorkerResult | { ready: true }) => {
      if ('ready' in message) {
        sendChunk();
        arm(options.budgetMs);
        return;
      }
      results[message.index] = message.outcome;
      pending = message.index + 1;
      options.onProgress?.(pending);
      if (pending >= sources.length) return settle(pending);
      if (pending === sent) sendChunk();
      arm(options.budgetMs);
    });
    child.on('exit', (code, signal) => {
      if (settled) return;
      results[pending] = { kind: 'died', error: `worker exited (code ${code}, signal ${signal})`, ms: 0 };
      settle(pending + 1);
    });
    arm(STARTUP_BUDGET_MS);
  });
}

/** How our outcomes compare with CPython's `ast.parse` on the same inputs. */
export interface Agreement {
  /** Inputs where CPython raised SyntaxError or accepted (others: MemoryError, RecursionError…). */
  compared: number;
  sameDecision: number;
  bothAccepted: number;
  sameAst: number;
  /** Both accepted but one side could not digest its dump (very deep trees). */
  astNotCompared: number;
  bothRejected: number;
  sameMsgAndLine: number;
  /** CPython gave up with another exception (MemoryError, RecursionError). */
  cpythonOther: number;
  decisionDifferences: number[];
  astDifferences: number[];
  errorDifferences: number[];
  cpython: Outcome[];
}

export async function compareWithCPython(
  oracle: CPythonOracle,
  sources: readonly string[],
  ours: readonly FuzzOutcome[],
  batch = 2000,
): Promise<Agreement> {
  const cpython: Outcome[] = [];
  for (let i = 0; i < sources.length; i += batch) cpython.push(...(await oracle.parse(sources.slice(i, i + batch))));
  const a: Agreement = {
    compared: 0,
    sameDecision: 0,
    bothAccepted: 0,
    sameAst: 0,
    astNotCompared: 0,
    bothRejected: 0,
    sameMsgAndLine: 0,
    cpythonOther: 0,
    decisionDifferences: [],
    astDifferences: [],
    errorDifferences: [],
    cpython,
  };
  cpython.forEach((theirs, i) => {
    const mine = ours[i]!;
    if (!theirs.ok && !/^(SyntaxError|IndentationError|TabError)$/.test(theirs.type)) {
      a.cpythonOther++;
      return;
    }
    if (mine.kind !== 'ok' && mine.kind !== 'syntax') return;
    a.compared++;
    if (theirs.ok !== (mine.kind === 'ok')) {
      a.decisionDifferences.push(i);
      return;
    }
    a.sameDecision++;
    if (theirs.ok && mine.kind === 'ok') {
      a.bothAccepted++;
      if (theirs.dump == null || mine.dump == null) a.astNotCompared++;
      else if (theirs.dump === mine.dump) a.sameAst++;
      else a.astDifferences.push(i);
    } else if (!theirs.ok && mine.kind === 'syntax') {
      a.bothRejected++;
      if (theirs.msg === mine.msg && theirs.lineno === mine.lineno) a.sameMsgAndLine++;
      else a.errorDifferences.push(i);
    }
  });
  return a;
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(2)}%`;
}

/** One line per input for the reports: label, source, both outcomes. */
export function describeCase(label: string, source: string, ours: FuzzOutcome, cpython?: Outcome): string {
  const mine =
    ours.kind === 'syntax'
      ? `${ours.type}: ${ours.msg} @${ours.lineno}:${ours.offset}`
      : ours.kind === 'ok'
        ? 'accepted'
        : ours.kind === 'crash' || ours.kind === 'died'
          ? `${ours.kind}: ${ours.error}`
          : `hang (> ${ours.ms} ms)`;
  const theirs = cpython === undefined ? '' : cpython.ok ? 'accepted' : `${cpython.type}: ${cpython.msg} @${cpython.lineno ?? '-'}:${cpython.offset ?? '-'}`;
  const shown = source.length > 4000 ? `${JSON.stringify(source.slice(0, 4000))}… (${source.length} chars)` : JSON.stringify(source);
  return `${label}\n  source:  ${shown}\n  ours:    ${mine}${cpython === undefined ? '' : `\n  cpython: ${theirs}`}`;
}
