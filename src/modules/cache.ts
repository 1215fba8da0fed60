/**
 * `pyasync run`'s cache of compiled programs, so that running a program
 * again does not load the compiler at all. One folder per entry file
 * (keyed by its path and the runtime's URL) holds the compiled modules and
 * a manifest of everything the compilation depended on: the compiler's own
 * files, each source file's SHA-256, and every path the module search
 * looked at (a new `foo.py` can change what `import foo` means). A hit
 * re-checks all of those, which costs a few stats and hashes.
 *
 * This file must stay light: it is loaded on every run, before knowing
 * whether the compiler is needed.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listSubmodules } from './listing.js';

const FORMAT = 2;

export interface CachedFile {
  /** Relative to the program's folder, with `/` separators. */
  readonly path: string;
  readonly text: string;
}

export interface ProgramRecord {
  /** What each looked-at path was: 'file', 'dir' or 'none'. */
  readonly probes: ReadonlyMap<string, string>;
  /** SHA-256 of each source file read. */
  readonly reads: ReadonlyMap<string, string>;
  /** Each package folder listed, with its entries joined by `/`. */
  readonly listings: ReadonlyMap<string, string>;
  /** The compiled files, the entry among them. */
  readonly files: readonly CachedFile[];
  /** The entry's compiled file (one of `files`). */
  readonly entry: string;
}

interface Manifest {
  format: number;
  compiler: string;
  probes: [string, string][];
  reads: [string, string][];
  listings: [string, string][];
  dir: string;
  entry: string;
}

/** Where caches live: $PYASYNC_CACHE_DIR, else a per-user folder in the OS's temporary directory. */
export function cacheRoot(): string {
  const configured = process.env['PYASYNC_CACHE_DIR'];
  if (configured) return configured;
  const uid = typeof process.getuid === 'function' ? String(process.getuid()) : (process.env['USERNAME'] ?? 'user');
  return join(tmpdir(), `pyasync-cache-${uid}`);
}

export class ProgramCache {
  private readonly folder: string;
  private compilerPrint: string | null = null;

  /** The cache of the program whose entry is `entryPath`, compiled against `runtime`. */
  constructor(entryPath: string, private readonly runtime: string, root = cacheRoot()) {
    const key = createHash('sha256').update(`${FORMAT}\0${runtime}\0${entryPath}`).digest('hex').slice(0, 32);
    this.folder = join(root, key);
  }

  /** The entry's compiled file when the cached program is still what compiling would give; else null. */
  lookup(): string | null {
    let manifest: Manifest;
    try {
      manifest = JSON.parse(readFileSync(join(this.folder, 'manifest.json'), 'utf8')) as Manifest;
    } catch {
      return null;
    }
    if (manifest.format !== FORMAT || manifest.compiler !== this.compilerFingerprint()) return null;
    for (const [path, kind] of manifest.probes) if (probe(path) !== kind) return null;
    for (const [path, hash] of manifest.reads) if (fileHash(path) !== hash) return null;
    for (const [dir, names] of manifest.listings) if (listSubmodules(dir).join('/') !== names) return null;
    return join(this.folder, manifest.dir, manifest.entry);
  }

  /**
   * Stores a compiled program; returns its entry's file. The files go to a
   * new folder, then the manifest is replaced in one rename, so a
   * concurrent run sees the old program or the new one, never a mix.
   */
  store(record: ProgramRecord): string {
    const dir = `p-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
    const base = join(this.folder, dir);
    for (const file of record.files) {
      const out = join(base, ...file.path.split('/'));
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, file.text);
    }
    mkdirSync(base, { recursive: true });
    const manifest: Manifest = {
      format: FORMAT,
      compiler: this.compilerFingerprint(),
      probes: [...record.probes],
      reads: [...record.reads],
      listings: [...record.listings],
      dir,
      entry: record.entry,
    };
    const tmp = join(this.folder, `manifest.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    writeFileSync(tmp, JSON.stringify(manifest));
    renameSync(tmp, join(this.folder, 'manifest.json'));
    this.removeOldPrograms(dir);
    return join(base, record.entry);
  }

  /** Earlier compilations of this entry, except any a concurrent run may still be loading. */
  private removeOldPrograms(keep: string): void {
    const now = Date.now();
    for (const name of readdirSync(this.folder)) {
      if (name === keep || !name.startsWith('p-')) continue;
      const path = join(this.folder, name);
      try {
        if (now - statSync(path).mtimeMs > 60_000) rmSync(path, { recursive: true, force: true });
      } catch {
        // Removed by another run meanwhile.
      }
    }
  }

  /**
   * The compiler's identity: its version and the size and time of each of
   * its files (src/ when run from the sources, dist/src/ when built), so
   * that a changed compiler never runs stale output.
   */
  private compilerFingerprint(): string {
    if (this.compilerPrint !== null) return this.compilerPrint;
    const hash = createHash('sha256').update(this.runtime);
    const walk = (dir: string): void => {
      const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
      for (const entry of entries) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.[jt]s$/.test(entry.name) && !entry.name.endsWith('.test.ts')) {
          const stat = statSync(path);
          hash.update(`${path}\0${stat.size}\0${stat.mtimeMs}\n`);
        }
      }
    };
    walk(fileURLToPath(new URL('../', import.meta.url)));
    this.compilerPrint = hash.digest('hex');
    return this.compilerPrint;
  }
}

function probe(path: string): string {
  try {
    const stat = statSync(path);
    return stat.isDirectory() ? 'dir' : stat.isFile() ? 'file' : 'none';
  } catch {
    return 'none';
  }
}

function fileHash(path: string): string | null {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    return null;
  }
}
