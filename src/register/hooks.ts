/**
 * The Node module hooks behind `pyasync/register`. The file Node was started
 * with is the program's `__main__`: it is loaded through a small wrapper that
 * sets `sys.argv` and `sys.path` and runs it as `pyasync run` does (an
 * uncaught exception printed as CPython's traceback, `SystemExit`'s status).
 * Compiled code imports the program's other modules by relative `.py`
 * specifiers, named after their path from the entry's folder; `pyasync/runtime`
 * is the runtime installed beside these hooks, wherever the program lives.
 */
import { dirname } from 'node:path';
import type { MessagePort } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { compileModule, entryIdentity, importedIdentity, isModuleError, type ModuleIdentity } from '../plugin/compileModule.js';

interface ResolveContext {
  parentURL?: string | undefined;
  conditions?: string[];
  importAttributes?: Record<string, string>;
}

interface ResolveResult {
  url: string;
  format?: string | null | undefined;
  shortCircuit?: boolean;
}

interface LoadResult {
  format: string;
  source?: string | Uint8Array | null;
  shortCircuit?: boolean;
}

type NextResolve = (specifier: string, context?: ResolveContext) => Promise<ResolveResult>;
type NextLoad = (url: string, context?: object) => Promise<LoadResult>;

const RUNTIME = 'pyasync/runtime';
/** The entry module itself, imported by its wrapper. */
const MAIN_QUERY = '?pyasync-main';

const PROGRAM_MAIN = new URL('../../runtime/program/main.js', import.meta.url).href;
const SYS_STATE = new URL('../../runtime/modules/support/sysState.js', import.meta.url).href;
const PROGRAM_ARGV = new URL('./argv.js', import.meta.url).href;

/** To the main thread (./index.ts): each compiled module's text and map, for tracebacks. */
let compiledPort: MessagePort | null = null;

/** The message each compiled module sends through `compiledPort`. */
export interface CompiledMessage {
  url: string;
  js: string;
  /** The source map, as JSON text. */
  map: string;
}

export function initialize(data: { port?: MessagePort } | undefined): void {
  compiledPort = data?.port ?? null;
}

/** The modules imported by Python code, by URL (without query); any other .py file is an entry. */
const imported = new Map<string, ModuleIdentity>();
const entries = new Set<string>();

function withoutQuery(url: string): string {
  const query = url.search(/[?#]/);
  return query < 0 ? url : url.slice(0, query);
}

function isPythonUrl(url: string): boolean {
  return url.startsWith('file:') && withoutQuery(url).endsWith('.py');
}

function identityOf(url: string): ModuleIdentity {
  const bare = withoutQuery(url);
  return imported.get(bare) ?? entryIdentity(fileURLToPath(bare));
}

export async function resolve(specifier: string, context: ResolveContext, nextResolve: NextResolve): Promise<ResolveResult> {
  const parent = context.parentURL;
  if (parent !== undefined && isPythonUrl(parent) && (specifier === RUNTIME || specifier.startsWith(`${RUNTIME}/`))) {
    // Found from this package, not from the program's folder, which may have no node_modules.
    return nextResolve(specifier, { ...context, parentURL: import.meta.url });
  }
  if (!specifier.endsWith('.py')) return nextResolve(specifier, context);
  if (parent !== undefined && isPythonUrl(parent) && /^\.\.?\//.test(specifier)) {
    // One module of the program importing another. Not through Node's resolver: a
    // namespace package's `__init__.py` does not exist (it compiles to an empty module).
    const url = new URL(specifier, parent).href;
    if (!entries.has(url)) imported.set(url, importedIdentity(identityOf(parent).root, fileURLToPath(url)));
    return { url, format: 'module', shortCircuit: true };
  }
  const result = await nextResolve(specifier, context);
  if (!isPythonUrl(result.url)) return result;
  if (parent === undefined) entries.add(result.url);
  return { ...result, format: 'module', shortCircuit: true };
}

export async function load(url: string, context: object, nextLoad: NextLoad): Promise<LoadResult> {
  if (!isPythonUrl(url)) return nextLoad(url, context);
  if (entries.has(url)) return { format: 'module', source: entryWrapper(url), shortCircuit: true };
  const path = fileURLToPath(withoutQuery(url));
  const result = compileModule(path, identityOf(url), { runtime: RUNTIME });
  if (isModuleError(result)) {
    // As `pyasync run` reports it: CPython's message on stderr, status 1, before any module of the program runs further.
    const message = JSON.stringify(`${result.message}\n`);
    return { format: 'module', source: `process.stderr.write(${message});\nprocess.exit(1);\n`, shortCircuit: true };
  }
  // Inline, so that `--enable-source-maps` (and debuggers) show .py lines.
  const map = JSON.stringify(result.map);
  const source = `${result.code}\n//# sourceMappingURL=data:application/json;base64,${Buffer.from(map).toString('base64')}\n`;
  // Sent before Node gets the source, so it is waiting on the port by the time any frame of it can be printed.
  compiledPort?.postMessage({ url, js: source, map } satisfies CompiledMessage);
  return { format: 'module', source, shortCircuit: true };
}

/** The program's entry: sys.argv and sys.path[0] as `python3 main.py` sets them, then the module run as `__main__`. */
function entryWrapper(url: string): string {
  const main = JSON.stringify(url + MAIN_QUERY);
  return [
    `import { setProgram } from ${JSON.stringify(SYS_STATE)};`,
    `import { runMain } from ${JSON.stringify(PROGRAM_MAIN)};`,
    `import { programArgv } from ${JSON.stringify(PROGRAM_ARGV)};`,
    `setProgram(programArgv(), ${JSON.stringify(dirname(fileURLToPath(url)))});`,
    `process.exitCode = await runMain(${main});`,
    '',
  ].join('\n');
}
