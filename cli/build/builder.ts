/**
 * The build, for `pyasync build` (once) and `pyasync watch` (again after
 * each change). A module is compiled only when neither this process's
 * memory of the last build nor the disk cache has its output for the same
 * source, settings and compiler, with the file-system facts it depended on
 * unchanged. Modules to compile go to worker threads when there are enough
 * of them to repay starting the workers; imports found while compiling a
 * file input are compiled in turn.
 */
import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { outputPath } from '../../src/modules/names.js';
import type { FileResolver } from '../../src/modules/resolver.js';
import { BuildCache, dependenciesOf, describeFound, jobKey, sha256, stillValid, type Oracle } from './cache.js';
import { plan, makeJob } from './plan.js';
import { outputFiles, removeFile, writeIfChanged, type SourceMapMode } from './output.js';
import { Progress } from './report.js';
import { WorkerPool } from './pool.js';
import { copyRuntime } from './runtimeCopy.js';
import type { CompileSettings, Diagnostic, Job, JobResult } from './types.js';

export interface BuilderOptions {
  inputs: readonly string[];
  outDir: string;
  /** The runtime's specifier (ignored with runtimePath). */
  runtime: string;
  /** Copy the runtime into this folder and import it by relative path. */
  runtimePath: string | null;
  sourceMaps: SourceMapMode;
  topLevelAwait: boolean;
  esTopLevelAwait: boolean;
  target: 'node' | 'browser';
  declarations: boolean;
  /** `--js-module`: Python module names imported as ES modules, their specifiers written as given. */
  jsModules?: Readonly<Record<string, string>>;
  /** null: no disk cache. */
  cacheDir: string | null;
  /** Worker threads at most (1: compile in this thread). */
  jobs: number;
  /** Remove the outputs of modules that went away or now fail (watch mode). */
  removeStale: boolean;
  cwd?: string;
  progress?: Progress;
}

export interface BuildReport {
  compiled: number;
  unchanged: number;
  failed: number;
  removed: number;
  seconds: number;
  diagnostics: Diagnostic[];
  /** One-line errors: inputs that do not exist, outputs that cannot be written. */
  errors: string[];
  /** Output files written (or removed) by this build. */
  changed: string[];
}

export interface Changes {
  /** Paths that changed (absolute). */
  paths: readonly string[];
  /** Whether files or folders may have appeared or disappeared (not only changed content). */
  structure: boolean;
}

/** Fewer modules than this to compile are compiled in this thread: starting workers costs more. */
const WORKER_THRESHOLD = 24;

interface Remembered {
  key: string;
  result: JobResult;
}

export class Builder {
  private generation = 0;
  private readonly memory = new Map<string, Remembered>();
  private readonly hashes = new Map<string, string | null>();
  private lastOutputs = new Set<string>();
  /** Each source file of the last build and its compiled .js. */
  private readonly jsOf = new Map<string, string>();
  private pool: WorkerPool | null = null;
  private readonly cache: BuildCache | null;
  private readonly outDir: string;
  private readonly settings: CompileSettings;

  constructor(private readonly options: BuilderOptions) {
    this.cache = options.cacheDir === null ? null : new BuildCache(options.cacheDir);
    this.outDir = resolve(options.cwd ?? process.cwd(), options.outDir);
    this.settings = { runtime: options.runtime, topLevelAwait: options.topLevelAwait, esTopLevelAwait: options.esTopLevelAwait, declarations: options.declarations };
    // Only when given, so that the cache keys of builds without it stay what they were.
    if (options.jsModules !== undefined && Object.keys(options.jsModules).length > 0) this.settings.jsModules = { ...options.jsModules };
  }

  async close(): Promise<void> {
    await this.pool?.close();
    this.pool = null;
  }

  async build(changes?: Changes): Promise<BuildReport> {
    const started = performance.now();
    this.generation++;
    await preloadResolver();
    const structure = changes === undefined || changes.structure;
    if (changes === undefined) this.hashes.clear();
    else {
      for (const path of changes.paths) {
        this.hashes.delete(path);
        if (changes.structure) for (const known of this.hashes.keys()) if (known.startsWith(path + sep)) this.hashes.delete(known);
      }
    }
    const report: BuildReport = { compiled: 0, unchanged: 0, failed: 0, removed: 0, seconds: 0, diagnostics: [], errors: [], changed: [] };
    const { jobs: initial, errors } = plan(this.options.inputs, { target: this.options.target, cwd: this.options.cwd });
    report.errors.push(...errors);
    report.failed += errors.length;

    let runtimeIndex: string | null = null;
    if (this.options.runtimePath !== null) {
      try {
        runtimeIndex = copyRuntime(resolve(this.options.cwd ?? process.cwd(), this.options.runtimePath));
      } catch (error) {
        report.errors.push(`pyasync: can't copy the runtime to '${this.options.runtimePath}': ${(error as Error).message}`);
        report.failed++;
      }
    }
    const withRuntime = (job: Job): Job => {
      if (runtimeIndex === null) return job;
      const from = dirname(join(this.outDir, ...job.outPath.split('/')));
      const rel = relative(from, runtimeIndex).split(sep).join('/');
      return { ...job, runtime: rel.startsWith('.') ? rel : `./${rel}` };
    };

    const oracle = this.oracle();
    const seen = new Set<string>();
    const queue: Job[] = [];
    const enqueue = (job: Job): void => {
      const id = `${job.root}\0${job.name}`;
      if (seen.has(id)) return;
      seen.add(id);
      queue.push(withRuntime(job));
    };
    initial.forEach(enqueue);

    const outputs = new Set<string>();
    const progress = this.options.progress;
    let done = 0;
    /** `remembered`: this process wrote the module's files in its last build, unchanged since. */
    const finished = (job: Job, result: JobResult, key: string, remembered = false): void => {
      done++;
      progress?.update(done, seen.size, job.displayName);
      if (job.path !== null) this.jsOf.set(job.path, join(this.outDir, ...`${job.outPath}.js`.split('/')));
      if (dependenciesOf(result) !== null) this.memory.set(job.outPath, { key, result });
      else this.memory.delete(job.outPath);
      if (!result.ok) {
        report.failed++;
        report.diagnostics.push(result.diagnostic);
        return;
      }
      const output = result.output;
      const files = outputFiles(this.outDir, job.outPath, job.path, output, this.options.sourceMaps);
      for (const [path, text] of files) {
        if (remembered && this.lastOutputs.has(path)) {
          outputs.add(path);
          continue;
        }
        try {
          if (writeIfChanged(path, text)) report.changed.push(path);
          outputs.add(path);
        } catch (error) {
          report.errors.push(`pyasync: can't write '${path}': ${describeIoError(error)}`);
          report.failed++;
        }
      }
      for (const found of output.imports) enqueue(makeJob(job.root, found.name, found.isPackage, found.path, outputPath(found.name, found.isPackage), this.options.cwd));
    };

    const toCompile: { job: Job; key: string }[] = [];
    const reuse = (job: Job): void => {
      const hash = job.path === null ? '' : this.hash(job.path);
      const key = jobKey(job, hash ?? 'unreadable', this.settings);
      if (hash !== null) {
        const remembered = this.memory.get(job.outPath);
        if (remembered !== undefined && remembered.key === key && stillValid(dependenciesOf(remembered.result)!, job.root, oracle, structure)) {
          if (remembered.result.ok) report.unchanged++;
          finished(job, remembered.result, key, true);
          return;
        }
        const cached = this.cache?.get(key) ?? null;
        const deps = cached === null ? null : dependenciesOf(cached);
        if (cached !== null && deps !== null && stillValid(deps, job.root, oracle, true)) {
          if (cached.ok) report.unchanged++;
          finished(job, cached, key);
          return;
        }
      }
      toCompile.push({ job, key });
    };
    const handle = (batch: { job: Job; key: string }[], results: JobResult[]): void => {
      batch.forEach(({ job, key }, i) => {
        const result = results[i]!;
        if (result.ok) report.compiled++;
        if (dependenciesOf(result) !== null) this.cache?.set(key, result);
        finished(job, result, key);
      });
    };

    let local: { compileJob: typeof import('./compileJob.js').compileJob; resolvers: import('./compileJob.js').Resolvers } | null = null;
    const inflight = new Set<Promise<void>>();
    for (;;) {
      for (let job = queue.shift(); job !== undefined; job = queue.shift()) reuse(job);
      if (toCompile.length === 0 && inflight.size === 0) break;
      const parallel = this.options.jobs > 1 && (this.pool !== null || toCompile.length >= WORKER_THRESHOLD);
      if (parallel) {
        this.pool ??= new WorkerPool(this.options.jobs);
        const pool = this.pool;
        while (toCompile.length > 0 && inflight.size < pool.size * 2) {
          const size = Math.max(1, Math.min(16, Math.ceil(toCompile.length / (pool.size * 4))));
          const batch = toCompile.splice(0, size);
          const task = pool.run(this.generation, this.settings, batch.map((b) => b.job)).then((results) => handle(batch, results));
          inflight.add(task);
          void task.finally(() => inflight.delete(task)).catch(() => undefined);
        }
        if (inflight.size > 0) await Promise.race(inflight);
      } else {
        if (local === null) {
          const mod = await import('./compileJob.js');
          local = { compileJob: mod.compileJob, resolvers: new mod.Resolvers() };
        }
        const next = toCompile.shift();
        if (next !== undefined) handle([next], [local.compileJob(local.resolvers, next.job, this.settings)]);
      }
    }
    progress?.clear();

    if (this.options.removeStale) {
      // Outputs of modules gone or now failing, and of files a module no longer writes.
      for (const path of this.lastOutputs) {
        if (!outputs.has(path) && removeFile(path)) {
          report.removed++;
          report.changed.push(path);
        }
      }
      this.lastOutputs = outputs;
    }
    report.diagnostics.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
    report.seconds = (performance.now() - started) / 1000;
    return report;
  }

  /** The compiled .js of a source file of the last build. */
  compiledFile(source: string): string | undefined {
    return this.jsOf.get(source);
  }

  private hash(path: string): string | null {
    let hash = this.hashes.get(path);
    if (hash === undefined) {
      try {
        hash = sha256(readFileSync(path));
      } catch {
        hash = null;
      }
      this.hashes.set(path, hash);
    }
    return hash;
  }

  /** Answers module searches afresh for this build (one resolver per root, loaded only when asked). */
  private oracle(): Oracle {
    const resolvers = new Map<string, FileResolver>();
    let FileResolverClass: typeof FileResolver | null = null;
    return {
      hash: (path) => this.hash(path),
      find: (root, name) => {
        let resolver = resolvers.get(root);
        if (resolver === undefined) {
          FileResolverClass ??= loadResolver();
          resolver = new FileResolverClass(root);
          resolvers.set(root, resolver);
        }
        return describeFound(resolver.find(name));
      },
    };
  }
}

let resolverModule: typeof FileResolver | null = null;
function loadResolver(): typeof FileResolver {
  if (resolverModule === null) throw new Error('resolver not loaded');
  return resolverModule;
}

/** Loads the resolver (and the parser it needs for module facts) before a build checks cached entries. */
export async function preloadResolver(): Promise<void> {
  resolverModule ??= (await import('../../src/modules/resolver.js')).FileResolver;
}

export function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'Permission denied';
    case 'ENOENT':
      return 'No such file or directory';
    case 'ENOTDIR':
      return 'Not a directory';
    case 'EISDIR':
      return 'Is a directory';
    case 'EROFS':
      return 'Read-only file system';
    case 'ENOSPC':
      return 'No space left on device';
    default:
      return (error as Error).message;
  }
}

export function defaultJobs(): number {
  return availableParallelism();
}
