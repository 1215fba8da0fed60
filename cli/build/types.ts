/**
 * What the build's parts exchange: a module to compile (a job), what
 * compiling it gave, and the file-system facts its output depends on.
 * Everything here crosses the worker boundary, so it is plain data.
 */
import type { CompileWarning } from '../../src/semantics/compileWarnings.js';
import type { SourceMap } from '../../src/codegen.js';
import type { SourceMapMode } from './output.js';
import type { ModuleFacts } from '../../src/modules/moduleFacts.js';

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
  /** The SyntaxWarnings CPython's compiler issues for the module (`x is 1`…). */
  warnings: CompileWarning[];
}

/** A failure keeps what the compilation looked at (null for an unreadable file), so it can be cached too. */
export type JobResult = { ok: true; output: CompiledOutput } | { ok: false; diagnostic: Diagnostic; deps: Dependencies | null };

/** Where and how a compiled module's files are written, by whichever thread compiled it. */
export interface EmitSettings {
  outDir: string;
  sourceMaps: SourceMapMode;
  /** null: no disk cache. */
  cacheDir: string | null;
}

/**
 * What the main thread keeps of a module once its files are written: not
 * its code (which stays in the thread that wrote it), only what the next
 * build needs to tell whether it is still valid and what it imports.
 */
export interface JobOutcome {
  ok: boolean;
  diagnostic: Diagnostic | null;
  imports: FoundModule[];
  /** null: never reused (an unreadable file, a compiler bug). */
  deps: Dependencies | null;
  /** The module's output files, by absolute path. */
  files: string[];
  /** Those this build wrote (their content changed). */
  changed: string[];
  /** One-line errors: outputs that could not be written. */
  errors: string[];
  /** Its SyntaxWarnings (none for a failure). */
  warnings: CompileWarning[];
  /** The facts its compilation took from it and from the modules it imports, for the other threads of the build (not kept). */
  facts?: SharedFacts[];
}

/**
 * A module's facts (the names importers check), taken by one thread from
 * its tree when compiling it or when an importer asked, passed to the
 * others so that none parses the module for them again; `hash` is what
 * an importer's cache entry records for them; null facts: the module
 * does not compile.
 */
export interface SharedFacts {
  root: string;
  path: string;
  hash: string;
  facts: ModuleFacts | null;
}
