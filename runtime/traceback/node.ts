/**
 * Tracebacks under Node: compiled modules are those a loader registered
 * (./compiled.ts), or else files found beside their source maps
 * (`x.mjs.map`, as `pyasync run` and `pyasync build` write them, or the
 * file's `sourceMappingURL`). Loaded by runtime/program/main.ts only
 * when a traceback is printed.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, resolve } from 'node:path';
import { PythonModule } from './pythonSource.js';
import { TracebackFormatter } from './format.js';
import type { RawSourceMap } from './sourceMap.js';
import { compiledSource } from './compiled.js';

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function loadModule(url: string): PythonModule | null {
  const compiled = compiledSource(url);
  if (compiled !== null) return PythonModule.fromMap(url, compiled.js, compiled.map, read);
  if (!url.startsWith('file:') || !/\.[cm]?js$/.test(url)) return null;
  const path = fileURLToPath(url);
  const js = read(path);
  if (js === null) return null;
  let mapText = read(`${path}.map`);
  if (mapText === null) {
    const comment = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(js);
    if (comment === null || comment[1]!.startsWith('data:')) return null;
    mapText = read(fileURLToPath(new URL(comment[1]!, pathToFileURL(path))));
    if (mapText === null) return null;
  }
  const raw = JSON.parse(mapText) as RawSourceMap;
  // `pyasync build` writes sources relative to the map.
  if (raw.sources.length === 1 && !raw.sources[0]!.startsWith('/')) raw.sources = [resolve(dirname(path), raw.sources[0]!)];
  return PythonModule.fromMap(url, js, raw, read);
}

export function nodeTracebacks(entryUrl: string | null): TracebackFormatter {
  return new TracebackFormatter(loadModule, entryUrl, read);
}
