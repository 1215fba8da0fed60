/**
 * A module's result turned into files: its cache entry (when just
 * compiled) and its outputs. Runs in the thread that has the result — a
 * worker for what it compiled, the main thread for cache hits — so code
 * and source maps never cross between threads.
 */
import { dependenciesOf, type BuildCache } from './cache.js';
import { outputFiles, writeIfChanged } from './output.js';
import type { EmitSettings, Job, JobOutcome, JobResult } from './types.js';

export function emitResult(job: Job, key: string, result: JobResult, emit: EmitSettings, cache: BuildCache | null): JobOutcome {
  const deps = dependenciesOf(result);
  if (cache !== null && deps !== null) cache.set(key, result);
  const outcome: JobOutcome = {
    ok: result.ok, diagnostic: result.ok ? null : result.diagnostic, imports: result.ok ? result.output.imports : [], deps, files: [], changed: [], errors: [],
    warnings: result.ok ? result.output.warnings ?? [] : [],
  };
  if (!result.ok) return outcome;
  for (const [path, text] of outputFiles(emit.outDir, job.outPath, job.path, result.output, emit.sourceMaps)) {
    try {
      if (writeIfChanged(path, text)) outcome.changed.push(path);
      outcome.files.push(path);
    } catch (error) {
      outcome.errors.push(`pyasync: can't write '${path}': ${describeIoError(error)}`);
    }
  }
  return outcome;
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
