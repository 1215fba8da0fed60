/**
 * The build cache: one file per compiled module, named by the hash of
 * everything its output is a function of — the compiler (its version and
 * files), the build settings, the module's name and paths, and its source's
 * SHA-256 — and holding the output and the file-system facts the
 * compilation looked at (src/modules/cache.ts does the same for
 * `pyasync run` with whole programs). An entry is used only when those
 * facts still hold. Entries are never updated in place, only written whole
 * and renamed, so concurrent builds cannot see half an entry.
 *
 * It lives in `node_modules/.cache/pyasync/build` of the nearest
 * node_modules above the working folder (where babel-loader, eslint and
 * others keep theirs), else under the per-user temporary folder of
 * `pyasync run`'s cache; `--cache-dir` overrides both.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rename, renameSync, rmSync, statSync, writeFile } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheRoot } from '../../src/modules/cache.js';
import { listSubmodules } from '../../src/modules/listing.js';
import type { ResolvedModule } from '../../src/modules/resolver.js';
import type { SourceMap } from '../../src/codegen.js';
import type { CompiledOutput, CompileSettings, Dependencies, Job, JobResult } from './types.js';
import { writeText } from './output.js';

/**
 * 3: a JSON line, then an ok result's code and source mappings as they are
 * (see `entryText`); 2 left out the map's sourcesContent.
 */
const FORMAT = 3;

/**
 * Temporary names: drawn once per thread (pids can repeat across containers
 * sharing a cache), then counted — random bytes for every entry cost a
 * system call each.
 */
const TMP_PREFIX = `${process.pid}.${randomBytes(6).toString('hex')}`;
let tmpCounter = 0;

export function defaultCacheDir(cwd = process.cwd()): string {
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules'))) return join(dir, 'node_modules', '.cache', 'pyasync', 'build');
    if (dirname(dir) === dir) break;
  }
  return join(cacheRoot(), 'build');
}

let fingerprint: string | null = null;

/**
 * The compiler's identity: the package version and the size and time of
 * each compiler file (src/ from the sources, dist/src/ when built), so a
 * changed compiler never serves stale output.
 */
export function compilerFingerprint(): string {
  if (fingerprint !== null) return fingerprint;
  const hash = createHash('sha256');
  const src = fileURLToPath(new URL('../../src/', import.meta.url));
  try {
    hash.update(readFileSync(new URL('../../package.json', import.meta.url)));
  } catch {
    // dist/cli/build: the package file is one level further up.
    try {
      hash.update(readFileSync(new URL('../../../package.json', import.meta.url)));
    } catch {
      // No package file: the compiler's files alone identify it.
    }
  }
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.[jt]s$/.test(entry.name) && !entry.name.endsWith('.test.ts')) {
        const stat = statSync(path);
        hash.update(`${entry.name}\0${stat.size}\0${stat.mtimeMs}\n`);
      }
    }
  };
  walk(src);
  fingerprint = hash.digest('hex');
  return fingerprint;
}

export function jobKey(job: Job, sourceHash: string, settings: CompileSettings): string {
  const parts = [FORMAT, compilerFingerprint(), settings, job, sourceHash];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/**
 * An entry as stored: a line of JSON, the result, in which an ok result's
 * code and its map's mappings are their lengths, followed by the code and
 * the mappings themselves, not escaped into JSON (the code is most of an
 * entry: escaping it, and parsing it back, cost more than writing it). And
 * when the map's only source has its text, `sourcesContent` is null (the
 * key in place, so the map's keys keep their order) with `sourceLength`
 * beside: the text is the module's own source, which the entry's key pins
 * by its SHA-256 and which the builder reads anyway to hash it.
 */
interface StoredOutput extends Omit<CompiledOutput, 'code' | 'map'> {
  code: number;
  map: Omit<SourceMap, 'mappings' | 'sourcesContent'> & { mappings: number; sourcesContent?: string[] | null };
  sourceLength?: number;
}
type StoredResult = Exclude<JobResult, { ok: true }> | { ok: true; output: StoredOutput };

/** The entry's text, in parts to write one after another. */
export function entryText(result: JobResult): string[] {
  if (!result.ok) return [`${JSON.stringify(result)}\n`];
  const { code, map } = result.output;
  const content = map.sourcesContent;
  const output: StoredOutput = { ...result.output, code: code.length, map: { ...map, mappings: map.mappings.length } };
  if (content !== undefined && content.length === 1 && map.sources.length === 1 && typeof content[0] === 'string') {
    output.map.sourcesContent = null;
    output.sourceLength = content[0].length;
  }
  return [`${JSON.stringify({ ok: true, output })}\n`, code, map.mappings];
}

/** The result an entry's text holds; `source()` gives the module's source text. Null: unreadable, or no longer that source. */
export function parseEntry(text: string, source: () => string | null): JobResult | null {
  const eol = text.indexOf('\n');
  if (eol < 0) return null;
  const entry = JSON.parse(text.slice(0, eol)) as StoredResult;
  if (!entry.ok) return entry;
  const { sourceLength, ...stored } = entry.output;
  const codeEnd = eol + 1 + stored.code;
  if (codeEnd + stored.map.mappings !== text.length) return null;
  // Assigned, not spread: each key keeps its place, so the map's JSON reads as when just compiled.
  const output = stored as unknown as CompiledOutput;
  output.code = text.slice(eol + 1, codeEnd);
  output.map.mappings = text.slice(codeEnd);
  if (sourceLength !== undefined) {
    const content = source();
    if (content === null || content.length !== sourceLength) return null;
    output.map.sourcesContent = [content];
  }
  return { ok: true, output };
}

export class BuildCache {
  /** Shard folders known to exist: one mkdir each, not one per entry. */
  private readonly made = new Set<string>();
  /** Entries being written: the compiling thread goes on meanwhile, and flush() waits for them. */
  private pending = 0;
  private readonly idle: (() => void)[] = [];
  /**
   * `sync`: written before set() returns (a worker thread, which has
   * nothing else to do meanwhile, and whose writes would otherwise queue
   * on the thread pool it shares with every other thread of the process).
   */
  constructor(readonly dir: string, private readonly sync = false) {}

  private file(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key.slice(2)}.entry`);
  }

  /** The entry for `key`; `source()`: the module's source text, asked only when the entry needs it. */
  get(key: string, source: () => string | null): JobResult | null {
    const file = this.file(key);
    // A miss (every module of a cold build) asked without a read that throws: the exception,
    // its message and stack, cost ~10 µs more than the system call.
    if (!existsSync(file)) return null;
    try {
      return parseEntry(readFileSync(file, 'utf8'), source);
    } catch {
      return null;
    }
  }

  /** Writes an entry in the background (a cache that cannot be written only costs time). */
  set(key: string, result: JobResult): void {
    const path = this.file(key);
    const shard = dirname(path);
    try {
      if (!this.made.has(shard)) {
        mkdirSync(shard, { recursive: true });
        this.made.add(shard);
      }
    } catch {
      return;
    }
    const tmp = `${path}.${TMP_PREFIX}.${tmpCounter++}.tmp`;
    const text = entryText(result);
    if (this.sync) {
      try {
        writeText(tmp, text);
        renameSync(tmp, path);
      } catch {
        rmSync(tmp, { force: true });
      }
      return;
    }
    this.pending++;
    writeFile(tmp, text.join(''), (error) => {
      if (error !== null) {
        rmSync(tmp, { force: true });
        this.done();
        return;
      }
      rename(tmp, path, (renameError) => {
        if (renameError !== null) rmSync(tmp, { force: true });
        this.done();
      });
    });
  }

  private done(): void {
    if (--this.pending === 0) for (const resolve of this.idle.splice(0)) resolve();
  }

  /** Resolves once every entry set so far is written. */
  flush(): Promise<void> {
    return this.pending === 0 ? Promise.resolve() : new Promise((resolve) => this.idle.push(resolve));
  }
}

/** The questions a cached compilation asked, asked again. */
export interface Oracle {
  find(root: string, name: string): string;
  hash(path: string): string | null;
}

/** The facts a result depends on; null when it must not be reused (an unreadable file). */
export function dependenciesOf(result: JobResult): Dependencies | null {
  return result.ok ? result.output.deps : result.deps;
}

export function stillValid(deps: Dependencies, root: string, oracle: Oracle, structure: boolean): boolean {
  for (const [path, hash] of deps.facts) if (oracle.hash(path) !== hash) return false;
  if (!structure) return true;
  for (const [name, found] of deps.finds) if (oracle.find(root, name) !== found) return false;
  for (const [dir, names] of deps.listings) if (listSubmodules(dir).join('/') !== names) return false;
  return true;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A module search's answer as a string the cache compares. */
export function describeFound(found: ResolvedModule | null): string {
  if (found === null) return 'none';
  if (found.kind === 'runtime') return 'runtime';
  return `source:${found.isPackage ? 'package' : 'module'}:${found.path ?? ''}:${found.dir ?? ''}`;
}

