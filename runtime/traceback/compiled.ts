/**
 * Compiled modules that exist in no file: a loader that compiles Python as
 * it is imported (src/register) tells tracebacks where to find each
 * module's JS text and source map, by the URL V8 reports in its frames.
 * Consulted before any file is read. No platform imports: this module is
 * loaded by the loader's entry as well as by runtime/traceback/node.ts.
 */
import type { RawSourceMap } from './sourceMap.js';

export interface CompiledSource {
  /** The module's text as the engine ran it. */
  readonly js: string;
  readonly map: RawSourceMap;
}

export type CompiledSourceLookup = (url: string) => CompiledSource | null;

const lookups: CompiledSourceLookup[] = [];

export function addCompiledSources(lookup: CompiledSourceLookup): void {
  lookups.push(lookup);
}

export function compiledSource(url: string): CompiledSource | null {
  for (const lookup of lookups) {
    const found = lookup(url);
    if (found !== null) return found;
  }
  return null;
}
