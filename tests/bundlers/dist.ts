/**
 * Bundles, the Node loader and the browser test run the built package
 * (dist/, which `npm ci` builds through `prepare`): compiled code imports
 * `pyasync/runtime`, which resolves to dist/runtime. So that these tests
 * exercise the current sources, dist/src and dist/runtime are rebuilt once
 * when any source is newer than them (or they are missing). Test files run
 * in parallel: a lock folder makes one of them build while the others wait.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Each source folder, with the file of its build that `npm run build` writes. */
const PARTS = [
  { source: 'src', out: 'dist/src', ignore: 'src/**/*.test.ts,src/**/testing.ts,src/**/*.py' },
  { source: 'runtime', out: 'dist/runtime', ignore: 'runtime/**/*.test.ts,runtime/**/testing.ts' },
] as const;

const LOCK = join(ROOT, '.cache', 'dist-build.lock');
/** Left by a test run killed while building (a build takes well under this). */
const LOCK_STALE_MS = 90_000;

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Babel rewrites every file of a part on each build: its index's time is the part's build time. */
function builtAt(out: string): number {
  try {
    return statSync(join(ROOT, out, 'index.js')).mtimeMs;
  } catch {
    return -1;
  }
}

function staleParts(): (typeof PARTS)[number][] {
  return PARTS.filter((part) => builtAt(part.out) < newestSource(join(ROOT, part.source)));
}

function tryLock(): boolean {
  mkdirSync(join(ROOT, '.cache'), { recursive: true });
  try {
    mkdirSync(LOCK);
    return true;
  } catch {
    try {
      if (Date.now() - statSync(LOCK).mtimeMs > LOCK_STALE_MS) rmdirSync(LOCK);
    } catch {
      // Released meanwhile.
    }
    return false;
  }
}

/** Rebuilds what is stale of dist/src and dist/runtime (as `npm run build` does, without removing dist first). */
export async function ensureDist(): Promise<void> {
  while (staleParts().length > 0) {
    if (!tryLock()) {
      await new Promise((done) => setTimeout(done, 250));
      continue;
    }
    try {
      for (const part of staleParts()) {
        execFileSync(
          join(ROOT, 'node_modules/.bin/babel'),
          [part.source, '--out-dir', part.out, '--extensions', '.ts', '--ignore', part.ignore, '--copy-files', '--no-copy-ignored'],
          { cwd: ROOT, stdio: 'pipe' },
        );
      }
    } finally {
      rmdirSync(LOCK);
    }
  }
}
