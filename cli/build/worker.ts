/**
 * A build worker thread: compiles the batches of modules it is sent and
 * writes their files (cache entries, outputs) itself, answering only what
 * the main thread keeps of each. Its resolvers (which memoize what they
 * find on disk) last one build generation, so a watch rebuild never sees
 * files as they were.
 */
import { parentPort } from 'node:worker_threads';
import { BuildCache } from './cache.js';
import { compileJob, Resolvers } from './compileJob.js';
import { emitResult } from './emit.js';
import type { FlushRequest, WorkerRequest, WorkerResponse } from './pool.js';

let generation = -1;
let resolvers = new Resolvers();
const caches = new Map<string, BuildCache>();

parentPort!.on('message', (request: WorkerRequest | FlushRequest) => {
  if ('flush' in request) {
    void Promise.all([...caches.values()].map((c) => c.flush())).then(() => parentPort!.postMessage({ id: request.id, outcomes: [] } satisfies WorkerResponse));
    return;
  }
  if (request.generation !== generation) {
    generation = request.generation;
    resolvers = new Resolvers();
  }
  const dir = request.emit.cacheDir;
  let cache: BuildCache | null = null;
  if (dir !== null) {
    cache = caches.get(dir) ?? new BuildCache(dir, true);
    caches.set(dir, cache);
  }
  resolvers.seed(request.facts);
  let response: WorkerResponse;
  try {
    const outcomes = request.jobs.map(({ job, key }) => {
      const outcome = emitResult(job, key, compileJob(resolvers, job, request.settings), request.emit, cache);
      const facts = resolvers.drain();
      if (facts.length > 0) outcome.facts = facts;
      return outcome;
    });
    response = { id: request.id, outcomes };
  } catch (error) {
    response = { id: request.id, outcomes: [], crash: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(response);
});
