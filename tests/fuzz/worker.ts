/**
 * Child process of tests/fuzz/harness.ts: parses the sources it is sent,
 * one per event-loop turn (so each result leaves at once and the parent's
 * watchdog can tell which input hangs), and reports what happened.
 */
import { createHash } from 'node:crypto';
import { dump, parse } from '../../src/index.js';
import { PySyntaxError } from '../../src/diagnostics.js';
import type { WorkerOutcome, WorkerRequest, WorkerResult } from './protocol.js';

function run(source: string, withDump: boolean): WorkerOutcome {
  const started = performance.now();
  const ms = (): number => Math.round((performance.now() - started) * 10) / 10;
  let tree;
  try {
    tree = parse(source, { filename: '<fuzz>' });
  } catch (error) {
    if (error instanceof PySyntaxError) {
      return { kind: 'syntax', type: error.kind, msg: error.msg, lineno: error.lineno, offset: error.offset, ms: ms() };
    }
    const e = error instanceof Error ? error : new Error(String(error));
    const frames = (e.stack ?? '').split('\n').slice(1, 8).join('\n');
    return { kind: 'crash', error: `${e.name}: ${e.message}\n${frames}`, ms: ms() };
  }
  const parseMs = ms();
  if (!withDump) return { kind: 'ok', dump: null, ms: parseMs };
  try {
    const text = dump(tree, { includeAttributes: true });
    return { kind: 'ok', dump: createHash('sha256').update(text, 'utf8').digest('hex'), ms: parseMs };
  } catch {
    // ast.dump itself recurses; CPython's fails on very deep trees as well.
    return { kind: 'ok', dump: null, ms: parseMs };
  }
}

process.on('message', (request: WorkerRequest) => {
  let i = 0;
  const step = (): void => {
    if (i >= request.sources.length) return;
    const result: WorkerResult = { index: request.first + i, outcome: run(request.sources[i]!, request.dumps) };
    i++;
    process.send!(result, undefined, undefined, () => setImmediate(step));
  };
  step();
});
process.send!({ ready: true });
