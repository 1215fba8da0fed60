/**
 * Compiling one module of a build, in a worker or in the main thread:
 * the compile pipeline of src/compile.ts, plus what a build needs around
 * it — the modules it imports (to compile them too), the file-system facts
 * its output depends on (for the cache), the top-level-await check and the
 * `.d.ts` text. The pipeline is spelled out here rather than calling
 * `compile()` because the top-level-await check reads the Babel AST.
 */
import type { CompileWarning } from '../../src/semantics/compileWarnings.js';
import type * as t from '@babel/types';
import { parse } from '../../src/parser/parser.js';
import { analyze } from '../../src/semantics/checks.js';
import { transformModule } from '../../src/transform/index.js';
import { generateCode } from '../../src/codegen.js';
import { decodeSource } from '../../src/parser/sourceDecoding.js';
import { PySyntaxError } from '../../src/diagnostics.js';
import { formatCompileError, PyImportError } from '../../src/modules/errors.js';
import { describeSourceFile } from '../../src/errorDisplay.js';
import { FileResolver, type ModuleResolver, type ResolvedModule, type SourceModule } from '../../src/modules/resolver.js';
import { factsOf, type ModuleFacts } from '../../src/modules/moduleFacts.js';
import { withJsModules } from '../../src/modules/jsModules.js';
import { declarationsOf } from '../../src/declarations/index.js';
import type { CompileSettings, Dependencies, Diagnostic, FoundModule, Job, JobResult, SharedFacts } from './types.js';
import { describeFound } from './cache.js';

/** The extension compiled modules have, in file names and import specifiers. */
export const EXTENSION = '.js';

/**
 * A FileResolver that also takes the facts of modules this thread has
 * compiled from their syntax trees, so that an importer compiled later
 * does not parse them again (a tenth of a stdlib build's time); and that
 * hands what it took — from a compile or from parsing an imported module —
 * to the other threads of the build, so that no module is parsed for its
 * facts by more than one of them.
 */
class SeededResolver extends FileResolver {
  /** null: the module does not compile (as moduleFacts() answers). */
  private readonly seeded = new Map<string, ModuleFacts | null>();
  /** Paths whose facts this thread took and has not yet handed out. */
  private fresh: string[] = [];

  /** Facts this thread took from a compiled module's tree. */
  seed(path: string, facts: ModuleFacts): void {
    this.seeded.set(path, facts);
    this.fresh.push(path);
  }

  /** Facts another thread took; `hash`: the SHA-256 of the bytes they are of. */
  adopt(shared: SharedFacts): void {
    this.seeded.set(shared.path, shared.facts);
    if (!this.reads.has(shared.path)) this.reads.set(shared.path, shared.hash);
  }

  /** The facts taken since the last call, for the other threads. */
  drain(into: SharedFacts[]): void {
    for (const path of this.fresh) {
      const hash = this.reads.get(path);
      // No hash: the file could not be read, which every thread finds for itself.
      if (hash !== undefined) into.push({ root: this.root, path, hash, facts: this.seeded.get(path) ?? null });
    }
    this.fresh = [];
  }

  override facts(module: SourceModule): ModuleFacts | null {
    if (module.path === null) return super.facts(module);
    const known = this.seeded.get(module.path);
    if (known !== undefined) return known;
    const facts = super.facts(module);
    this.seeded.set(module.path, facts);
    this.fresh.push(module.path);
    return facts;
  }
}

/** One resolver per import root, for one build: it memoizes what it finds, so it must not outlive the build. */
export class Resolvers {
  /** Facts other threads took in this build. */
  seed(shared: readonly SharedFacts[]): void {
    for (const s of shared) this.get(s.root).adopt(s);
  }

  /** The facts this thread took since the last call (from compiles and from parses of imported modules). */
  drain(): SharedFacts[] {
    const facts: SharedFacts[] = [];
    for (const resolver of this.byRoot.values()) resolver.drain(facts);
    return facts;
  }

  private readonly byRoot = new Map<string, SeededResolver>();
  get(root: string): SeededResolver {
    let resolver = this.byRoot.get(root);
    if (resolver === undefined) {
      resolver = new SeededResolver(root);
      this.byRoot.set(root, resolver);
    }
    return resolver;
  }
}

/** A resolver that records each question asked of the shared one, for this module's cache entry. */
class RecordingResolver implements ModuleResolver {
  readonly checks = true;
  readonly finds = new Map<string, string>();
  readonly facts_ = new Map<string, string | null>();
  readonly listings = new Map<string, string>();
  constructor(private readonly base: FileResolver) {}

  find(name: string): ResolvedModule | null {
    const found = this.base.find(name);
    this.finds.set(name, describeFound(found));
    return found;
  }

  facts(module: SourceModule): ModuleFacts | null {
    const facts = this.base.facts(module);
    if (module.path !== null) this.facts_.set(module.path, this.base.reads.get(module.path) ?? null);
    return facts;
  }

  submodules(pkg: SourceModule): string[] {
    const names = this.base.submodules(pkg);
    if (pkg.dir !== null) this.listings.set(pkg.dir, names.join('/'));
    return names;
  }
}

export function compileJob(resolvers: Resolvers, job: Job, settings: CompileSettings): JobResult {
  const base = resolvers.get(job.root);
  let bytes: Uint8Array = new Uint8Array();
  try {
    if (job.path !== null) bytes = base.read(job.path);
  } catch (error) {
    return { ok: false, diagnostic: ioDiagnostic(job, error), deps: null };
  }
  const resolver = new RecordingResolver(base);
  try {
    const source = decodeSource(bytes, job.displayName);
    const tree = parse(source, { filename: job.displayName });
    const warnings: CompileWarning[] = [];
    const symbols = analyze(tree, job.displayName, source, { allowTopLevelAwait: settings.topLevelAwait, warnings });
    // As moduleFacts() would take them from the file (a package's names include __path__).
    if (job.path !== null) base.seed(job.path, factsOf(tree, symbols, /(^|[\\/])__init__\.py$/.test(job.path)));
    const { program, dependencies } = transformModule(tree, symbols, {
      filename: job.displayName,
      source,
      moduleName: job.name,
      runtime: job.runtime ?? settings.runtime,
      isPackage: job.isPackage,
      resolver: withJsModules(resolver, settings.jsModules),
      extension: EXTENSION,
      file: job.file,
      topLevelAwait: settings.topLevelAwait,
    });
    if (!settings.esTopLevelAwait) {
      const awaiting = topLevelAwait(program);
      if (awaiting !== null) return { ok: false, diagnostic: topLevelAwaitDiagnostic(job, source, awaiting), deps: recorded(resolver) };
    }
    const { code, map } = generateCode(program, job.displayName, source);
    const imports: FoundModule[] = [];
    for (const name of dependencies) {
      const found = resolver.find(name);
      if (found?.kind === 'source') imports.push({ name, isPackage: found.isPackage, path: found.path });
    }
    return {
      ok: true,
      output: {
        code,
        map,
        declarations: settings.declarations ? declarationsOf(tree) : null,
        imports,
        deps: recorded(resolver),
        warnings,
      },
    };
  } catch (error) {
    if (error instanceof PySyntaxError) return { ok: false, diagnostic: syntaxDiagnostic(error, bytes), deps: recorded(resolver) };
    // A bug of pyasync's: reported against the file, and the build goes on (not cached: a fixed compiler must retry).
    const stack = process.env['PYASYNC_DEBUG'] && error instanceof Error ? `${error.stack ?? ''}\n` : '';
    const message = `pyasync failed to compile this file (a bug; PYASYNC_DEBUG=1 shows where): ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, diagnostic: { file: job.displayName, line: 0, column: 0, kind: 'InternalError', message, snippet: stack }, deps: null };
  }
}

function recorded(resolver: RecordingResolver): Dependencies {
  return { finds: [...resolver.finds], facts: [...resolver.facts_], listings: [...resolver.listings] };
}

/** CPython's display, rearranged: its location line becomes `file:line:col: Kind: msg`, the source and caret stay. */
function syntaxDiagnostic(error: PySyntaxError, bytes: Uint8Array): Diagnostic {
  const lines = formatCompileError(error, describeSourceFile(bytes)).split('\n');
  // First the `  File …` line, last the `Kind: msg` line and an empty string after the final newline.
  const snippet = lines.slice(1, -2).map((l) => `${l}\n`).join('');
  const kind = error instanceof PyImportError ? error.pythonKind : error.kind;
  return { file: error.filename, line: error.lineno, column: Math.max(1, error.offset), kind, message: error.msg, snippet };
}

function ioDiagnostic(job: Job, error: unknown): Diagnostic {
  const code = (error as NodeJS.ErrnoException).code;
  const message = code === 'EACCES' ? 'Permission denied' : code === 'EISDIR' ? 'Is a directory' : code === 'ENOENT' ? 'No such file or directory' : String((error as Error).message);
  return { file: job.displayName, line: 0, column: 0, kind: 'OSError', message: `can't read file: ${message}`, snippet: '' };
}

interface Position {
  line: number;
  column: number;
}

/** The first `await` (or `for await`) outside any function: where the module needs top-level await. */
export function topLevelAwait(program: t.Program): Position | null {
  let found: Position | null = null;
  // Generated nodes may have no position: the nearest enclosing one that has stands in.
  const visit = (node: unknown, at: Position): void => {
    if (found !== null || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child, at);
      return;
    }
    const n = node as { type?: unknown; loc?: { start: Position } | null; await?: unknown };
    if (typeof n.type !== 'string') return;
    if (/Function|ClassMethod|ObjectMethod/.test(n.type)) return;
    const here = n.loc?.start ?? at;
    if (n.type === 'AwaitExpression' || (n.type === 'ForOfStatement' && n.await === true)) {
      found = here;
      return;
    }
    for (const key of Object.keys(n)) {
      if (key !== 'loc' && key !== 'leadingComments' && key !== 'trailingComments') visit((n as Record<string, unknown>)[key], here);
    }
  };
  visit(program.body, { line: 1, column: 0 });
  return found;
}

function topLevelAwaitDiagnostic(job: Job, source: string, at: Position): Diagnostic {
  const text = source.split(/\r?\n|\r/)[at.line - 1] ?? '';
  const indent = text.length - text.trimStart().length;
  const shown = text.trim();
  const caret = Math.max(0, at.column - indent);
  return {
    file: job.displayName,
    line: at.line,
    column: at.column + 1,
    kind: 'Error',
    message: 'this needs top-level await (a blocking asyncio call at module level), which --no-top-level-await rules out',
    snippet: shown === '' ? '' : `    ${shown}\n    ${' '.repeat(caret)}^\n`,
  };
}
