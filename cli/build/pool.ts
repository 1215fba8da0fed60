/**
 * Worker threads compiling batches of modules. The worker file is found
 * beside this one (worker.ts under the test loader, worker.js when built);
 * workers inherit the process's execArgv, so the loader's `--import` runs in
 * them too.
 */
import { Worker } from 'node:worker_threads';
import type { CompileSettings, Job, JobResult } from './types.js';

export interface WorkerRequest {
  id: number;
  generation: number;
  settings: CompileSettings;
  jobs: Job[];
}

export interface WorkerResponse {
  id: number;
  results: JobResult[];
  /** A compiler bug (not a compile error): its stack. */
  crash?: string;
}

const WORKER_URL = new URL(`./worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

export class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly pending = new Map<number, { resolve(results: JobResult[]): void; reject(error: Error): void; worker: Worker }>();
  private readonly waiting: (() => void)[] = [];
  private nextId = 0;

  constructor(readonly size: number) {}

  private spawn(): Worker {
    const worker = new Worker(WORKER_URL);
    worker.on('message', (response: WorkerResponse) => {
      const task = this.pending.get(response.id);
      if (task === undefined) return;
      this.pending.delete(response.id);
      this.release(worker);
      if (response.crash !== undefined) task.reject(new Error(response.crash));
      else task.resolve(response.results);
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
    return worker;
  }

  private release(worker: Worker): void {
    const next = this.waiting.shift();
    this.idle.push(worker);
    if (next) next();
  }

  private async acquire(): Promise<Worker> {
    for (;;) {
      const worker = this.idle.pop();
      if (worker !== undefined) return worker;
      if (this.workers.length < this.size) return this.spawn();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  /** Compiles a batch on the next free worker. */
  async run(generation: number, settings: CompileSettings, jobs: Job[]): Promise<JobResult[]> {
    const worker = await this.acquire();
    const id = this.nextId++;
    return new Promise<JobResult[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, worker });
      // A busy worker keeps the process alive until it answers.
      worker.ref();
      const request: WorkerRequest = { id, generation, settings, jobs };
      worker.postMessage(request);
    }).finally(() => worker.unref());
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers.length = 0;
    this.idle.length = 0;
  }
}
