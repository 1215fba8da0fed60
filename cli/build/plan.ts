/**
 * What a build compiles: each input is a .py file (compiled with every
 * module it imports, found from its folder, sys.path[0] when python3 runs
 * it) or a folder (every .py under it; a folder that is itself a package
 * is built as that package, from the first folder above it that is not).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { Job } from './types.js';

export interface Plan {
  jobs: Job[];
  /** Inputs that are neither a file nor a folder: one-line errors. */
  errors: string[];
}

const SKIPPED_FOLDERS = new Set(['__pycache__', 'node_modules']);

export function plan(inputs: readonly string[], options: { target: 'node' | 'browser'; cwd?: string }): Plan {
  const cwd = options.cwd ?? process.cwd();
  const jobs: Job[] = [];
  const errors: string[] = [];
  for (const input of inputs) {
    const path = resolve(cwd, input);
    let stat;
    try {
      stat = statSync(path);
    } catch {
      errors.push(`pyasync: can't open '${input}': No such file or directory`);
      continue;
    }
    if (stat.isDirectory()) {
      jobs.push(...folderJobs(path, cwd));
    } else if (stat.isFile()) {
      const root = dirname(path);
      const name = basename(path).replace(/\.py$/, '');
      // In a browser no script path tells the entry apart, so the named file is `__main__` outright.
      jobs.push(makeJob(root, options.target === 'browser' ? '__main__' : name, false, path, name, cwd));
    } else {
      errors.push(`pyasync: can't open '${input}': not a file or folder`);
    }
  }
  return { jobs, errors };
}

export function makeJob(root: string, name: string, isPackage: boolean, path: string | null, outPath: string, cwd = process.cwd()): Job {
  const displayName = path === null ? `${outPath}.py` : displayPath(path, cwd);
  return { root, name, isPackage, path, outPath, displayName, file: path === null ? null : relative(root, path).split(sep).join('/') };
}

function folderJobs(folder: string, cwd: string): Job[] {
  let root = folder;
  while (existsSync(join(root, '__init__.py')) && dirname(root) !== root) root = dirname(root);
  const jobs: Job[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) walk(path);
      } else if (entry.name.endsWith('.py') && entry.isFile()) {
        const outPath = relative(root, path).slice(0, -3).split(sep).join('/');
        const parts = outPath.split('/');
        const isPackage = parts[parts.length - 1] === '__init__';
        if (isPackage) parts.pop();
        jobs.push(makeJob(root, parts.join('.'), isPackage, path, outPath, cwd));
      }
    }
  };
  walk(folder);
  return jobs;
}

/** A path as errors show it: relative to the working folder when inside it. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel.startsWith('..') || rel === '' ? path : rel;
}
