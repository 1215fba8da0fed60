/**
 * Worker threads compiling batches of modules. The worker file is found
 * beside this one (worker.ts under the test loader, worker.js or its bundle
 * when built); workers inherit the process's execArgv, so the loader's
 * `--import` runs in them too.
 */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { CompileSettings, EmitSettings, Job, JobOutcome, SharedFacts } from './types.js';
import { tuneTieringForBuild } from './tiering.js';

export interface WorkerRequest {
  id: number;
  generation: number;
  settings: CompileSettings;
  emit: EmitSettings;
  /** Each module with its cache key. */
  jobs: { job: Job; key: string }[];
  /** Facts of modules other workers compiled in this generation, new to this one. */
  facts: SharedFacts[];
}

/** Asks a worker to finish writing its cache entries (before it is terminated). */
export interface FlushRequest {
  id: number;
  flush: true;
}

export interface WorkerResponse {
  id: number;
  outcomes: JobOutcome[];
  /** A compiler bug (not a compile error): its stack. */
  crash?: string;
}

/**
 * A compile allocates a module's tree, its JS tree and its text, nearly
 * all dead by the next module: with V8's default young generation (semi-
 * spaces of a few MB) they outlive scavenges and get promoted, and the old
 * generation fills with garbage that only full collections free. 192 MB is
 * V8's young generation for 64 MB semi-spaces (`--max-semi-space-size=64`
 * took about a quarter off compile CPU in the main thread); it is a ceiling
 * the heap grows toward only as survival rates ask for it.
 */
const YOUNG_GENERATION_MB = 192;

/**
 * Built, the worker is loaded from its bundle (scripts/bundle-worker.mjs), one
 * file instead of the compiler's ~130, when `npm run build` made one.
 */
const WORKER_URL = ((): URL => {
  if (import.meta.url.endsWith('.ts')) return new URL('./worker.ts', import.meta.url);
  const bundle = new URL('./worker.bundle.js', import.meta.url);
  return existsSync(bundle) ? bundle : new URL('./worker.js', import.meta.url);
})();

/**
 * Batches a worker is sent before it answers the first: the next one waits
 * in its queue, so it goes on without waiting for this thread to take its
 * answer and send another (which, with every core compiling, may wait for
 * a time slice).
 */
const QUEUED_BATCHES = 2;

export class WorkerPool {
  private readonly workers: Worker[] = [];
  /** Batches sent to each worker and not yet answered. */
  private readonly load = new Map<Worker, number>();
  private readonly pending = new Map<number, { resolve(outcomes: JobOutcome[]): void; reject(error: Error): void; worker: Worker; batch: boolean }>();
  private readonly waiting: (() => void)[] = [];
  private nextId = 0;
  /** How much of the generation's facts log each worker has been sent. */
  private readonly sent = new Map<Worker, { generation: number; count: number }>();

  constructor(readonly size: number) {
    tuneTieringForBuild();
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_URL, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    worker.on('message', (response: WorkerResponse) => {
      const task = this.pending.get(response.id);
      if (task === undefined) return;
      this.pending.delete(response.id);
      if (task.batch) this.release(worker);
      if (response.crash !== undefined) task.reject(new Error(response.crash));
      else task.resolve(response.outcomes);
    });
    worker.on('error', (error) => {
      for (const [id, task] of this.pending) {
        if (task.worker === worker) {
          this.pending.delete(id);
          task.reject(error);
        }
      }
    });
    // Idle workers must not keep the process alive.
    worker.unref();
    this.workers.push(worker);
    this.load.set(worker, 0);
    return worker;
  }

  /** Starts every worker now (they load the compiler meanwhile), not as batches first need them. */
  start(): void {
    while (this.workers.length < this.size) this.spawn();
  }

  private release(worker: Worker): void {
    const left = this.load.get(worker)! - 1;
    this.load.set(worker, left);
    // A worker with nothing to do must not keep the process alive.
    if (left === 0) worker.unref();
    this.waiting.shift()?.();
  }

  /** The least busy worker (a new one rather than a busy one), once one has room in its queue. */
  private async acquire(): Promise<Worker> {
    for (;;) {
      let best: Worker | undefined;
      for (const worker of this.workers) if (best === undefined || this.load.get(worker)! < this.load.get(best)!) best = worker;
      if (this.workers.length < this.size && (best === undefined || this.load.get(best)! > 0)) best = this.spawn();
      if (best !== undefined && this.load.get(best)! < QUEUED_BATCHES) {
        const load = this.load.get(best)!;
        this.load.set(best, load + 1);
        // A busy worker keeps the process alive until it answers.
        if (load === 0) best.ref();
        return best;
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  /**
   * Compiles a batch on the least busy worker, which writes the modules'
   * files. `facts`: the generation's log of compiled modules' facts, of
   * which the worker is sent what it has not seen.
   */
  async run(generation: number, settings: CompileSettings, emit: EmitSettings, jobs: { job: Job; key: string }[], facts: readonly SharedFacts[]): Promise<JobOutcome[]> {
    const worker = await this.acquire();
    let sent = this.sent.get(worker);
    if (sent === undefined || sent.generation !== generation) this.sent.set(worker, (sent = { generation, count: 0 }));
    const news = facts.slice(sent.count);
    sent.count = facts.length;
    const id = this.nextId++;
    return new Promise<JobOutcome[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, worker, batch: true });
      const request: WorkerRequest = { id, generation, settings, emit, jobs, facts: news };
      worker.postMessage(request);
    });
  }

  private flush(worker: Worker): Promise<void> {
    const id = this.nextId++;
    return new Promise<void>((resolve) => {
      this.pending.set(id, { resolve: () => resolve(), reject: () => resolve(), worker, batch: false });
      worker.ref();
      const request: FlushRequest = { id, flush: true };
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => this.flush(w)));
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers.length = 0;
    this.load.clear();
  }
}
