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
  /** The folder inputs and the import root each is built from: what a watch rebuild re-plans in part. */
  folders: { folder: string; root: string }[];
  /** The file inputs, by absolute path. */
  files: string[];
}

const SKIPPED_FOLDERS = new Set(['__pycache__', 'node_modules']);

export function plan(inputs: readonly string[], options: { target: 'node' | 'browser'; cwd?: string }): Plan {
  const cwd = options.cwd ?? process.cwd();
  const jobs: Job[] = [];
  const errors: string[] = [];
  const folders: { folder: string; root: string }[] = [];
  const files: string[] = [];
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
      const root = folderRoot(path);
      folders.push({ folder: path, root });
      walkFolder(path, root, cwd, jobs);
    } else if (stat.isFile()) {
      files.push(path);
      const root = dirname(path);
      const name = basename(path).replace(/\.py$/, '');
      // In a browser no script path tells the entry apart, so the named file is `__main__` outright.
      jobs.push(makeJob(root, options.target === 'browser' ? '__main__' : name, false, path, name, cwd));
    } else {
      errors.push(`pyasync: can't open '${input}': not a file or folder`);
    }
  }
  return { jobs, errors, folders, files };
}

export function makeJob(root: string, name: string, isPackage: boolean, path: string | null, outPath: string, cwd = process.cwd()): Job {
  const displayName = path === null ? `${outPath}.py` : displayPath(path, cwd);
  return { root, name, isPackage, path, outPath, displayName, file: path === null ? null : relative(root, path).split(sep).join('/') };
}

/** The import root a folder is built from: the first folder above it that is not a package. */
export function folderRoot(folder: string): string {
  let root = folder;
  while (existsSync(join(root, '__init__.py')) && dirname(root) !== root) root = dirname(root);
  return root;
}

/** Whether a folder's entry is left out of builds (and watches): hidden ones, node_modules, __pycache__. */
export function skippedName(name: string): boolean {
  return SKIPPED_FOLDERS.has(name) || name.startsWith('.');
}

/** The job of a .py file under a folder input whose import root is `root`. */
export function folderFileJob(root: string, path: string, cwd: string): Job {
  const outPath = relative(root, path).slice(0, -3).split(sep).join('/');
  const parts = outPath.split('/');
  const isPackage = parts[parts.length - 1] === '__init__';
  if (isPackage) parts.pop();
  return makeJob(root, parts.join('.'), isPackage, path, outPath, cwd);
}

/** Every .py under `folder` (in name order), as jobs from `root`, appended to `jobs`. */
export function walkFolder(folder: string, root: string, cwd: string, jobs: Job[]): void {
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
        if (!skippedName(entry.name)) walk(path);
      } else if (entry.name.endsWith('.py') && entry.isFile()) {
        jobs.push(folderFileJob(root, path, cwd));
      }
    }
  };
  walk(folder);
}

/** A path as errors show it: relative to the working folder when inside it. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel.startsWith('..') || rel === '' ? path : rel;
}
