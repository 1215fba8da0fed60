/**
 * Writing a compiled module: `.js` with its source map (a `.js.map` file,
 * inline, or none) and optionally a `.d.ts`. Every file is written to a
 * temporary name and renamed, so readers never see half a file, and a file
 * whose content is already right is left alone (watchers downstream, e.g.
 * a dev server, see no change).
 */
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { CompiledOutput } from './types.js';

export type SourceMapMode = 'file' | 'inline' | 'none';

/**
 * A file's text, whole or in parts written one after the other: a module's
 * code is not copied into one string with the line that follows it (V8
 * would flatten the concatenation into a fresh copy of the code to write it).
 */
export type FileText = string | readonly string[];

/** The files a module's output consists of, by absolute path. */
export function outputFiles(outDir: string, outPath: string, sourcePath: string | null, output: CompiledOutput, mode: SourceMapMode): Map<string, FileText> {
  const js = join(outDir, ...`${outPath}.js`.split('/'));
  const files = new Map<string, FileText>();
  const sources = sourcePath === null ? output.map.sources : [relative(dirname(js), sourcePath).split(sep).join('/')];
  // `file` goes last whether the map had the key (undefined when just generated) or not (a cache
  // entry's JSON drops it): a module's map must read the same compiled or from the cache, or
  // every warm build would rewrite it.
  const { file: _file, ...rest } = output.map;
  const map = JSON.stringify({ ...rest, sources, file: basename(js) });
  if (mode === 'file') {
    files.set(`${js}.map`, map);
    files.set(js, [output.code, `\n//# sourceMappingURL=${basename(js)}.map\n`]);
  } else if (mode === 'inline') {
    files.set(js, `${output.code}\n//# sourceMappingURL=data:application/json;charset=utf-8;base64,${Buffer.from(map).toString('base64')}\n`);
  } else {
    files.set(js, [output.code, '\n']);
  }
  if (output.declarations !== null) files.set(join(outDir, ...`${outPath}.d.ts`.split('/')), output.declarations);
  return files;
}

/** Every file a module may have written, whatever the options: what removing it removes. */
export function possibleOutputs(outDir: string, outPath: string): string[] {
  const js = join(outDir, ...`${outPath}.js`.split('/'));
  return [js, `${js}.map`, join(outDir, ...`${outPath}.d.ts`.split('/'))];
}

/** Writes the file unless it already holds `text`; true when written. */
export function writeIfChanged(path: string, text: FileText): boolean {
  try {
    // A stat first: a cold build's files are all new, and a failed read costs an exception
    // each; and a file of another size differs without being read.
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat !== undefined && stat.size === byteLength(text) && readFileSync(path, 'utf8') === (typeof text === 'string' ? text : text.join(''))) return false;
  } catch {
    // Unreadable: write it.
  }
  writeAtomically(path, text);
  return true;
}

function byteLength(text: FileText): number {
  if (typeof text === 'string') return Buffer.byteLength(text);
  let n = 0;
  for (const part of text) n += Buffer.byteLength(part);
  return n;
}

/** Creates or truncates `path` and writes `text` to it. */
export function writeText(path: string, text: FileText): void {
  if (typeof text === 'string') {
    writeFileSync(path, text);
    return;
  }
  const fd = openSync(path, 'w');
  try {
    for (const part of text) {
      // One write(2) per part, each encoded on its own; a short write (rare on a regular file) is finished from a buffer.
      let written = writeSync(fd, part);
      const size = Buffer.byteLength(part);
      if (written < size) {
        const bytes = Buffer.from(part);
        while (written < size) written += writeSync(fd, bytes, written, size - written);
      }
    }
  } finally {
    closeSync(fd);
  }
}

let counter = 0;

export function writeAtomically(path: string, text: FileText): void {
  // Worker threads share the pid: the thread id keeps their temporary names apart.
  const tmp = `${path}.${process.pid}.${threadId}.${counter++}.tmp`;
  try {
    try {
      writeText(tmp, text);
    } catch (error) {
      // The folder is made only when missing: a mkdir per file is two system calls for every module of a build.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      mkdirSync(dirname(path), { recursive: true });
      writeText(tmp, text);
    }
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

export function removeFile(path: string): boolean {
  try {
    rmSync(path);
    return true;
  } catch {
    return false;
  }
}
