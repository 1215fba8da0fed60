/**
 * The build, for `pyasync build` (once) and `pyasync watch` (again after
 * each change). A module is compiled only when neither this process's
 * memory of the last build nor the disk cache has its output for the same
 * source, settings and compiler, with the file-system facts it depended on
 * unchanged. Modules to compile go to worker threads when there are enough
 * of them to repay starting the workers, and the thread that compiles a
 * module writes its files; imports found while compiling a file input are
 * compiled in turn.
 *
 * A watch rebuild starts from the last build's state, kept in memory: it
 * re-plans only the changed paths, and revisits only the modules compiled
 * from them or whose recorded file-system questions they may answer
 * differently (dependents.ts), so its cost follows the change, not the tree.
 */
import type { CompileWarning } from '../../src/semantics/compileWarnings.js';
import { availableParallelism, loadavg } from 'node:os';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { outputPath } from '../../src/modules/names.js';
import type { FileResolver, ResolvedModule } from '../../src/modules/resolver.js';
import type { decodeSource } from '../../src/parser/sourceDecoding.js';
import { BuildCache, dependenciesOf, describeFound, jobKey, sha256, stillValid, type Oracle } from './cache.js';
import { DependencyIndex } from './dependents.js';
import { emitResult } from './emit.js';
import { folderFileJob, makeJob, plan, skippedName, walkFolder } from './plan.js';
import { removeFile, type SourceMapMode } from './output.js';
import { Progress } from './report.js';
import { WorkerPool } from './pool.js';
import { copyRuntime } from './runtimeCopy.js';
import { tuneTieringForBuild } from './tiering.js';
import type { CompileSettings, Diagnostic, EmitSettings, Job, JobOutcome, SharedFacts } from './types.js';

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
  /** Threads compiling: worker threads at most (1: none, this thread compiles). */
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
  /** The SyntaxWarnings of the modules this build compiled (not of those its cache had: as compileall's, once per compilation). */
  warnings: CompileWarning[];
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

/** Modules checked against the cache between two looks at the workers' answers. */
const QUEUE_SLICE = 64;

/** Modules in one batch for a worker at most. */
const BATCH_MODULES = 16;

/** A module to compile, with its source's size in bytes (what its compile time follows). */
interface Pending {
  job: Job;
  key: string;
  size: number;
}

/** What the last build knows of a module: the job as compiled (with its runtime specifier), its cache key, what came of it. */
interface ModuleRecord {
  job: Job;
  key: string;
  outcome: JobOutcome;
}

interface Inputs {
  folders: { folder: string; root: string }[];
  files: string[];
  /** Reported by every build: inputs that do not exist, a runtime that cannot be copied. */
  errors: string[];
}

interface Local {
  compileJob: typeof import('./compileJob.js').compileJob;
  Resolvers: typeof import('./compileJob.js').Resolvers;
}

interface BuildOracle extends Oracle {
  resolve(root: string, name: string): ResolvedModule | null;
}

function idOf(job: { root: string; name: string }): string {
  return `${job.root}\0${job.name}`;
}

function under(path: string, folder: string): boolean {
  return path.length > folder.length && path.startsWith(folder) && path[folder.length] === sep;
}

export class Builder {
  private generation = 0;
  private planned = false;
  /** Every module of the last build (those reachable from the inputs), by id. */
  private readonly records = new Map<string, ModuleRecord>();
  private readonly index = new DependencyIndex();
  /** The modules the inputs name (each .py of a folder input, each file input), by id. */
  private entries = new Map<string, Job>();
  private inputs: Inputs = { folders: [], files: [], errors: [] };
  private readonly hashes = new Map<string, string | null>();
  /** The size of each source hashed, by path. */
  private readonly sizes = new Map<string, number>();
  /** Sources hashed in this build and not yet looked up in the cache: a cache entry leaves out their text (cache.ts). */
  private readonly bytes = new Map<string, Uint8Array>();
  private lastOutputs = new Set<string>();
  private runtimeIndex: string | null = null;
  private pool: WorkerPool | null = null;
  private local: Local | null = null;
  private readonly cache: BuildCache | null;
  private readonly outDir: string;
  private readonly cwd: string;
  private readonly settings: CompileSettings;
  private readonly emit: EmitSettings;

  constructor(private readonly options: BuilderOptions) {
    this.cache = options.cacheDir === null ? null : new BuildCache(options.cacheDir);
    this.cwd = options.cwd ?? process.cwd();
    this.outDir = resolve(this.cwd, options.outDir);
    this.settings = { runtime: options.runtime, topLevelAwait: options.topLevelAwait, esTopLevelAwait: options.esTopLevelAwait, declarations: options.declarations };
    this.emit = { outDir: this.outDir, sourceMaps: options.sourceMaps, cacheDir: options.cacheDir };
    // Only when given, so that the cache keys of builds without it stay what they were.
    if (options.jsModules !== undefined && Object.keys(options.jsModules).length > 0) this.settings.jsModules = { ...options.jsModules };
  }

  /** Stops the workers once their cache entries, and this thread's, are written. */
  async close(): Promise<void> {
    await this.pool?.close();
    this.pool = null;
    await this.cache?.flush();
  }

  /** Loads the compiler in this thread ahead of a rebuild that compiles here (watch mode, between changes). */
  async warmUp(): Promise<void> {
    await this.loadLocal();
  }

  /** A full build without `changes`; with them (watch mode), a rebuild of what they may affect. */
  async build(changes?: Changes): Promise<BuildReport> {
    const started = performance.now();
    this.generation++;
    let dirty: Set<string> | null = null;
    if (changes !== undefined && this.planned) {
      for (const path of changes.paths) this.forget(path, changes.structure);
      dirty = this.replan(changes);
    } else {
      this.hashes.clear();
      this.sizes.clear();
    }
    const full = dirty === null;
    if (full) {
      this.planAll();
      this.startWorkersEarly();
    }
    await preloadResolver();
    const structure = full || changes!.structure;

    const report: BuildReport = { compiled: 0, unchanged: 0, failed: 0, removed: 0, seconds: 0, diagnostics: [], warnings: [], errors: [...this.inputs.errors], changed: [] };
    report.failed += report.errors.length;
    const oracle = this.oracle();
    const seen = new Set<string>();
    const queue: Job[] = [];
    const enqueue = (job: Job): void => {
      const id = idOf(job);
      if (seen.has(id)) return;
      seen.add(id);
      queue.push(this.withRuntime(job));
    };
    if (dirty === null) {
      for (const job of this.entries.values()) enqueue(job);
    } else {
      for (const id of dirty) {
        const entry = this.entries.get(id);
        if (entry !== undefined) {
          enqueue(entry);
          continue;
        }
        // Built because something imports it: found again, as its importers would find it.
        const record = this.records.get(id);
        if (record === undefined) continue;
        const found = oracle.resolve(record.job.root, record.job.name);
        if (found?.kind === 'source') enqueue(makeJob(record.job.root, record.job.name, found.isPackage, found.path, outputPath(record.job.name, found.isPackage), this.cwd));
      }
    }

    const compiledNow = new Set<string>();
    /** Compiled modules' facts, for the workers that did not compile them. */
    const factsLog: SharedFacts[] = [];
    const progress = this.options.progress;
    let done = 0;
    const finished = (job: Job, key: string, outcome: JobOutcome, compiled: boolean): void => {
      done++;
      progress?.update(done, seen.size, job.displayName);
      if (outcome.facts !== undefined) {
        factsLog.push(...outcome.facts);
        delete outcome.facts;
      }
      const id = idOf(job);
      const old = this.records.get(id);
      if (old !== undefined) this.index.remove(id, old.job.root, old.job.path, old.outcome.deps);
      this.records.set(id, { job, key, outcome });
      this.index.add(id, job.root, job.path, outcome.deps);
      if (compiled) {
        compiledNow.add(id);
        report.warnings.push(...outcome.warnings);
      }
      report.changed.push(...outcome.changed);
      report.errors.push(...outcome.errors);
      report.failed += outcome.errors.length;
      for (const found of outcome.imports) {
        const next = makeJob(job.root, found.name, found.isPackage, found.path, outputPath(found.name, found.isPackage), this.cwd);
        if (!full) {
          // A rebuild follows an import only to a module it does not know as this one.
          const known = this.records.get(idOf(next));
          if (known !== undefined && known.job.path === next.path && known.job.isPackage === next.isPackage) continue;
        }
        enqueue(next);
      }
    };

    const toCompile: Pending[] = [];
    /** Whether toCompile is in order, largest first. */
    let sorted = true;
    const reuse = (job: Job): void => {
      const hash = job.path === null ? '' : this.hash(job.path);
      const key = jobKey(job, hash ?? 'unreadable', this.settings);
      if (hash !== null) {
        const remembered = this.records.get(idOf(job));
        const deps = remembered?.outcome.deps ?? null;
        if (remembered !== undefined && remembered.key === key && deps !== null && stillValid(deps, job.root, oracle, structure)) {
          // Its files, written by this process, are in place.
          finished(job, key, { ...remembered.outcome, changed: [], errors: [] }, false);
          return;
        }
        const cached = this.cache?.get(key, () => this.sourceText(job, hash)) ?? null;
        const cachedDeps = cached === null ? null : dependenciesOf(cached);
        if (cached !== null && cachedDeps !== null && stillValid(cachedDeps, job.root, oracle, true)) {
          finished(job, key, emitResult(job, key, cached, this.emit, null), false);
          return;
        }
      }
      if (job.path !== null) this.bytes.delete(job.path);
      toCompile.push({ job, key, size: job.path === null ? 0 : (this.sizes.get(job.path) ?? 0) });
      sorted = false;
    };
    const handle = (batch: Pending[], outcomes: JobOutcome[]): void => {
      batch.forEach(({ job, key }, i) => finished(job, key, outcomes[i]!, true));
    };

    let resolvers: InstanceType<Local['Resolvers']> | null = null;
    let seeded = 0;
    const compileHere = async (): Promise<void> => {
      const local = await this.loadLocal();
      resolvers ??= new local.Resolvers();
      // The facts of modules the workers compiled, as the workers see those of modules compiled here.
      resolvers.seed(factsLog.slice(seeded));
      seeded = factsLog.length;
      const next = toCompile.shift()!;
      const outcome = emitResult(next.job, next.key, local.compileJob(resolvers, next.job, this.settings), this.emit, this.cache);
      const facts = resolvers.drain();
      if (facts.length > 0) outcome.facts = facts;
      handle([next], [outcome]);
    };
    const inflight = new Set<Promise<void>>();
    // With workers, this thread only plans, checks the cache and hands out
    // batches: were it to compile too, the workers' answers and the next
    // batches would wait on its compiles, and a second compiling thread
    // costs no more start-up as a worker than here.
    const workers = this.options.jobs > 1 ? this.options.jobs : 0;
    for (;;) {
      // A slice of the queue at a time, so that the first batches go out before the whole tree is hashed.
      for (let n = 0; n < QUEUE_SLICE && queue.length > 0; n++) reuse(queue.shift()!);
      if (queue.length === 0 && toCompile.length === 0 && inflight.size === 0) break;
      const parallel = workers > 0 && (this.pool !== null || toCompile.length >= WORKER_THRESHOLD);
      if (parallel) {
        this.pool ??= new WorkerPool(workers);
        const pool = this.pool;
        if (!sorted && toCompile.length > 0 && inflight.size < pool.size * 2) {
          // Largest first (the longest processing time rule): the build then ends on small
          // modules, not with one thread still compiling a big one while the others idle.
          toCompile.sort((a, b) => b.size - a.size);
          sorted = true;
        }
        while (toCompile.length > 0 && inflight.size < pool.size * 2) {
          const batch = nextBatch(toCompile, pool.size);
          const task = pool.run(this.generation, this.settings, this.emit, batch, factsLog).then((outcomes) => handle(batch, outcomes));
          inflight.add(task);
          void task.finally(() => inflight.delete(task)).catch(() => undefined);
        }
        if (queue.length > 0) {
          // The workers' answers (which may add imports to the queue) first, then the next slice.
          await new Promise<void>((resolve) => setImmediate(resolve));
        } else if (inflight.size > 0) {
          await Promise.race(inflight);
        }
      } else if (queue.length > 0 && toCompile.length < WORKER_THRESHOLD) {
        // Not yet enough to tell whether workers would repay their start: more of the queue first.
        continue;
      } else if (toCompile.length > 0) {
        // Many modules to compile in this thread: a burst, as for workers (the pool tunes it for them).
        if (toCompile.length >= WORKER_THRESHOLD) tuneTieringForBuild();
        await compileHere();
      } else {
        await Promise.race(inflight);
      }
    }
    progress?.clear();
    this.bytes.clear();

    // What the inputs reach now; modules no longer reached are forgotten, and their files removed.
    const live = new Set<string>();
    const stack = [...this.entries.keys()];
    for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
      if (live.has(id)) continue;
      const record = this.records.get(id);
      if (record === undefined) continue;
      live.add(id);
      for (const found of record.outcome.imports) stack.push(idOf({ root: record.job.root, name: found.name }));
    }
    const outputs = new Set<string>();
    let ok = 0;
    for (const [id, record] of this.records) {
      if (!live.has(id)) {
        this.index.remove(id, record.job.root, record.job.path, record.outcome.deps);
        this.records.delete(id);
        continue;
      }
      for (const file of record.outcome.files) outputs.add(file);
      if (record.outcome.ok) ok++;
      else report.diagnostics.push(record.outcome.diagnostic!);
    }
    for (const id of compiledNow) if (this.records.get(id)?.outcome.ok === true) report.compiled++;
    report.unchanged = ok - report.compiled;
    report.failed += report.diagnostics.length;

    if (this.options.removeStale) {
      // Outputs of modules gone or now failing, and of files a module no longer writes; and
      // those written by this build for a module it then found unreached (a revisited importee).
      const written = report.changed.filter((path) => !outputs.has(path));
      for (const path of new Set([...this.lastOutputs, ...written])) {
        if (!outputs.has(path) && removeFile(path)) {
          if (this.lastOutputs.has(path)) report.removed++;
          report.changed.push(path);
        }
      }
      this.lastOutputs = outputs;
    }
    report.diagnostics.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
    // By file, each file's in the order CPython's compiler issues them (a stable sort).
    report.warnings.sort((a, b) => (a.filename < b.filename ? -1 : a.filename > b.filename ? 1 : 0));
    report.seconds = (performance.now() - started) / 1000;
    return report;
  }

  /** The compiled .js of a source file of the last build. */
  compiledFile(source: string): string | undefined {
    for (const { job } of this.records.values()) if (job.path === source) return join(this.outDir, ...`${job.outPath}.js`.split('/'));
    return undefined;
  }

  /**
   * Starts the workers of a build that finds nothing cached (no cache folder
   * yet, or no cache) and has enough modules to compile, before this thread
   * loads the resolver and checks the cache: their start-up (each loads the
   * compiler) then overlaps this thread's, instead of following it.
   */
  private startWorkersEarly(): void {
    if (this.options.jobs <= 1 || this.pool !== null || this.entries.size < WORKER_THRESHOLD) return;
    if (this.cache !== null && existsSync(this.cache.dir)) return;
    this.pool = new WorkerPool(this.options.jobs);
    this.pool.start();
  }

  private async loadLocal(): Promise<Local> {
    if (this.local === null) {
      const mod = await import('./compileJob.js');
      this.local = { compileJob: mod.compileJob, Resolvers: mod.Resolvers };
    }
    return this.local;
  }

  /** The inputs walked afresh: every module they name, the runtime copied. */
  private planAll(): void {
    const { jobs, errors, folders, files } = plan(this.options.inputs, { target: this.options.target, cwd: this.cwd });
    this.entries = new Map();
    for (const job of jobs) if (!this.entries.has(idOf(job))) this.entries.set(idOf(job), job);
    this.inputs = { folders, files, errors };
    this.runtimeIndex = null;
    if (this.options.runtimePath !== null) {
      try {
        this.runtimeIndex = copyRuntime(resolve(this.cwd, this.options.runtimePath));
      } catch (error) {
        this.inputs.errors.push(`pyasync: can't copy the runtime to '${this.options.runtimePath}': ${(error as Error).message}`);
      }
    }
    this.planned = true;
  }

  /**
   * The plan brought up to date with changed paths, and the modules they
   * may affect; null when the inputs themselves changed (a file input, a
   * folder input or what makes it a package), which takes a full re-plan.
   */
  private replan(changes: Changes): Set<string> | null {
    const dirty = new Set<string>();
    for (const path of changes.paths) {
      this.index.contentDependents(path, dirty);
      if (!changes.structure) continue;
      if (this.inputs.files.includes(path)) return null;
      for (const { folder, root } of this.inputs.folders) {
        if (path === folder || under(folder, path)) return null;
        for (let dir = folder; ; dir = dirname(dir)) {
          if (path === join(dir, '__init__.py')) return null;
          if (dir === root || dirname(dir) === dir) break;
        }
        if (!under(path, folder) || relative(folder, path).split(sep).some(skippedName)) continue;
        for (const [id, job] of this.entries) {
          if (job.root === root && job.path !== null && (job.path === path || under(job.path, path))) {
            this.entries.delete(id);
            dirty.add(id);
          }
        }
        const added: Job[] = [];
        let stat;
        try {
          stat = statSync(path);
        } catch {
          stat = null;
        }
        if (stat?.isDirectory()) walkFolder(path, root, this.cwd, added);
        else if (stat?.isFile() && path.endsWith('.py')) added.push(folderFileJob(root, path, this.cwd));
        for (const job of added) {
          const id = idOf(job);
          if (!this.entries.has(id)) this.entries.set(id, job);
          dirty.add(id);
        }
      }
      this.index.structureDependents(path, dirty);
    }
    return dirty;
  }

  private forget(path: string, structure: boolean): void {
    this.hashes.delete(path);
    this.sizes.delete(path);
    if (structure) {
      for (const known of this.hashes.keys()) {
        if (under(known, path)) {
          this.hashes.delete(known);
          this.sizes.delete(known);
        }
      }
    }
  }

  private withRuntime(job: Job): Job {
    if (this.runtimeIndex === null) return job;
    const from = dirname(join(this.outDir, ...job.outPath.split('/')));
    const rel = relative(from, this.runtimeIndex).split(sep).join('/');
    return { ...job, runtime: rel.startsWith('.') ? rel : `./${rel}` };
  }

  private hash(path: string): string | null {
    let hash = this.hashes.get(path);
    if (hash === undefined) {
      try {
        const bytes = readFileSync(path);
        hash = sha256(bytes);
        this.sizes.set(path, bytes.length);
        this.bytes.set(path, bytes);
      } catch {
        hash = null;
      }
      this.hashes.set(path, hash);
    }
    return hash;
  }

  /**
   * The source text of a module whose source has SHA-256 `hash`, as its
   * compilation decoded it: from the bytes read to hash it, else read again
   * (null when they are no longer those bytes).
   */
  private sourceText(job: Job, hash: string): string | null {
    let bytes: Uint8Array = new Uint8Array();
    if (job.path !== null) {
      const kept = this.bytes.get(job.path);
      this.bytes.delete(job.path);
      if (kept !== undefined) {
        bytes = kept;
      } else {
        try {
          bytes = readFileSync(job.path);
        } catch {
          return null;
        }
        if (sha256(bytes) !== hash) return null;
      }
    }
    try {
      return loadDecoder()(bytes, job.displayName);
    } catch {
      return null;
    }
  }

  /** Answers module searches afresh for this build (one resolver per root, loaded only when asked). */
  private oracle(): BuildOracle {
    const resolvers = new Map<string, FileResolver>();
    let FileResolverClass: typeof FileResolver | null = null;
    const resolveIn = (root: string, name: string): ResolvedModule | null => {
      let resolver = resolvers.get(root);
      if (resolver === undefined) {
        FileResolverClass ??= loadResolver();
        resolver = new FileResolverClass(root);
        resolvers.set(root, resolver);
      }
      return resolver.find(name);
    };
    return {
      hash: (path) => this.hash(path),
      find: (root, name) => describeFound(resolveIn(root, name)),
      resolve: resolveIn,
    };
  }
}

/**
 * The next batch for a worker, from the front of `pending` (largest
 * first): about a quarter of each worker's share of what is left, in
 * bytes, so that batches shrink toward the end of the build; at least one
 * module, at most BATCH_MODULES.
 */
function nextBatch(pending: Pending[], workers: number): Pending[] {
  let left = 0;
  for (const p of pending) left += p.size;
  const budget = left / (workers * 4);
  let bytes = pending[0]!.size;
  let n = 1;
  while (n < pending.length && n < BATCH_MODULES && bytes + pending[n]!.size <= budget) bytes += pending[n++]!.size;
  return pending.splice(0, n);
}

let resolverModule: typeof FileResolver | null = null;
function loadResolver(): typeof FileResolver {
  if (resolverModule === null) throw new Error('resolver not loaded');
  return resolverModule;
}

let decoder: typeof decodeSource | null = null;
function loadDecoder(): typeof decodeSource {
  if (decoder === null) throw new Error('source decoder not loaded');
  return decoder;
}

/** Loads the resolver (and the parser it needs for module facts), and the source decoder, before a build checks cached entries. */
export async function preloadResolver(): Promise<void> {
  resolverModule ??= (await import('../../src/modules/resolver.js')).FileResolver;
  decoder ??= (await import('../../src/parser/sourceDecoding.js')).decodeSource;
}

export { describeIoError } from './emit.js';

/**
 * Threads to compile on: one per core that other processes leave idle (by
 * the load average, as `make -l` judges it), at least one. A thread costs
 * its own start-up and JIT warm-up; on cores that are busy anyway it buys
 * no time, only spends CPU.
 */
export function defaultJobs(cores = availableParallelism(), load = loadavg()[0]!): number {
  return Math.max(1, Math.min(cores, Math.floor(cores - load) + 1));
}
