/**
 * A build worker thread: compiles the batches of modules it is sent. Its
 * resolvers (which memoize what they find on disk) last one build
 * generation, so a watch rebuild never sees files as they were.
 */
import { parentPort } from 'node:worker_threads';
import { compileJob, Resolvers } from './compileJob.js';
import type { WorkerRequest, WorkerResponse } from './pool.js';

let generation = -1;
let resolvers = new Resolvers();

parentPort!.on('message', (request: WorkerRequest) => {
  if (request.generation !== generation) {
    generation = request.generation;
    resolvers = new Resolvers();
  }
  let response: WorkerResponse;
  try {
    response = { id: request.id, results: request.jobs.map((job) => compileJob(resolvers, job, request.settings)) };
  } catch (error) {
    response = { id: request.id, results: [], crash: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(response);
});
