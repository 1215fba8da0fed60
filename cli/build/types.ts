/**
 * What the build's parts exchange: a module to compile (a job), what
 * compiling it gave, and the file-system facts its output depends on.
 * Everything here crosses the worker boundary, so it is plain data.
 */
import type { SourceMap } from '../../src/codegen.js';

export interface CompileSettings {
  /** The specifier compiled code imports the runtime from. */
  runtime: string;
  /** Accept `await`, `async for`, `async with` at module level (CPython's PyCF_ALLOW_TOP_LEVEL_AWAIT). */
  topLevelAwait: boolean;
  /** Output may use ES top-level await (a module-level blocking `asyncio.run`); false makes that an error. */
  esTopLevelAwait: boolean;
  /** Write a `.d.ts` from the module's annotations. */
  declarations: boolean;
  /** Python module names imported as ES modules (`--js-module`, src/modules/jsModules.ts); absent when none. */
  jsModules?: Record<string, string>;
}

export interface Job {
  /** The import root (sys.path[0]) the module is found from. */
  root: string;
  /** Dotted name; the files named on the command line are `__main__` with --target browser. */
  name: string;
  isPackage: boolean;
  /** The .py file; null for a namespace package. */
  path: string | null;
  /** Output path relative to the out dir, `/`-separated, without extension. */
  outPath: string;
  /** How errors and the source map name the file. */
  displayName: string;
  /** `__file__`. */
  file: string | null;
  /** The runtime's specifier for this module, when it differs per module (--runtime-path: a relative path). */
  runtime?: string;
}

/**
 * What a compilation looked at besides its own source, to re-check later:
 * the answer to each module search (`none`, `runtime`, or the source's
 * kind and paths), the SHA-256 of each module whose names it read, and the
 * listing of each package folder it enumerated.
 */
export interface Dependencies {
  finds: [string, string][];
  facts: [string, string | null][];
  listings: [string, string][];
}

/** A module found while compiling another, to compile in turn. */
export interface FoundModule {
  name: string;
  isPackage: boolean;
  path: string | null;
}

/** A compile error, laid out for `file:line:col: Kind: msg` plus CPython's source line and caret. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  kind: string;
  message: string;
  /** The source line and the caret line, indented by four spaces; may be empty. */
  snippet: string;
}

export interface CompiledOutput {
  code: string;
  map: SourceMap;
  declarations: string | null;
  imports: FoundModule[];
  deps: Dependencies;
}

/** A failure keeps what the compilation looked at (null for an unreadable file), so it can be cached too. */
export type JobResult = { ok: true; output: CompiledOutput } | { ok: false; diagnostic: Diagnostic; deps: Dependencies | null };
