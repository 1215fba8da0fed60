/**
 * `pyasync run FILE.py [args…]`: compile the program (the file and every
 * module it imports) and run it under Node, printing what `python3 FILE.py
 * args…` prints, with the same exit status.
 *
 * Compiled programs are cached (src/modules/cache.ts): a second run of an
 * unchanged program loads neither the compiler nor Babel. The compiler is
 * therefore imported only when needed.
 */
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { ProgramCache, type ProgramRecord } from '../../src/modules/cache.js';
import { JS_MODULE_DESCRIPTION, optionValues, parseJsModules, resolveForRun } from '../jsModuleOption.js';

export interface RunArgs {
  file: string;
  args: string[];
  cache: boolean;
  topLevelAwait: boolean;
  jsModule?: string | string[];
}

/**
 * The runtime beside this CLI: dist/cli/commands → dist/runtime when built;
 * cli/commands → runtime/*.ts when the tests run the sources directly.
 */
const EXT = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const RUNTIME = new URL(`../../runtime/index${EXT}`, import.meta.url).href;
const PROGRAM = new URL(`../../runtime/program/main${EXT}`, import.meta.url).href;
const SYS_STATE = new URL(`../../runtime/modules/support/sysState${EXT}`, import.meta.url).href;

/** The program's SyntaxWarnings (`x is 1`…), beside its compiled entry, printed to stderr before it runs. */
const WARNINGS = 'warnings.txt';

export const command = 'run <file> [args..]';
export const describe = 'Compile a Python program and run it under Node, as python3 FILE would';

export function builder(yargs: Argv): Argv<RunArgs> {
  return yargs
    .positional('file', { type: 'string', demandOption: true, describe: 'The Python program' })
    .positional('args', { type: 'string', array: true, default: [], describe: "The program's sys.argv[1:]" })
    .option('cache', { type: 'boolean', default: true, describe: 'Reuse the compiled program when nothing changed (--no-cache to recompile)' })
    .option('top-level-await', {
      type: 'boolean', default: false, describe: 'Accept await, async for and async with at the top level of the program (ES-module top-level await)',
    })
    // Not `array`: that would take the program's file too; repeating the option gives an array.
    .option('js-module', { type: 'string', requiresArg: true, describe: JS_MODULE_DESCRIPTION })
    .check((argv) => {
      parseJsModules(optionValues((argv as { jsModule?: unknown }).jsModule));
      return true;
    })
    // Options after the file belong to the program, except pyasync's own
    // (--help, --version, --no-cache): those need a `--` before them.
    .parserConfiguration({ 'unknown-options-as-args': true })
    .example('$0 run main.py', 'Run main.py')
    .example('$0 run main.py input.txt -v', 'Run main.py with sys.argv == ["main.py", "input.txt", "-v"]')
    .example('$0 run main.py -- --help', 'Pass --help to the program')
    .example('$0 run --js-module fs=node:fs main.py', 'Run main.py with `import fs` importing Node\'s fs module') as unknown as Argv<RunArgs>;
}

export async function handler(argv: ArgumentsCamelCase<RunArgs>): Promise<void> {
  // What follows `--` is left in `_`, after the command's name.
  const args = [...argv.args, ...argv._.slice(1)].map(String);
  const jsModules = parseJsModules(optionValues(argv.jsModule));
  process.exitCode = await runFile(argv.file, args, { cache: argv.cache, topLevelAwait: argv.topLevelAwait, jsModules });
}

export interface RunOptions {
  /** Use (and fill) the compile cache. Default true, unless $PYASYNC_NO_CACHE is set. */
  cache?: boolean;
  /** Compile the program with top-level await allowed (not cached: the cache does not record the option). */
  topLevelAwait?: boolean;
  /** Python module names imported as ES modules (`--js-module`; not cached either), resolved by `resolveForRun`. */
  jsModules?: Readonly<Record<string, string>>;
}

/** Runs a Python program; returns the exit status python3 would have. */
export async function runFile(file: string, args: readonly string[] = [], options: RunOptions = {}): Promise<number> {
  const path = resolve(file);
  const problem = unopenable(path);
  if (problem !== null) {
    process.stderr.write(`pyasync: ${problem}\n`);
    return problem.startsWith("can't find") ? 1 : 2;
  }
  const topLevelAwait = options.topLevelAwait === true;
  const jsModules = resolveForRun(options.jsModules ?? {}, dirname(path));
  const mapped = Object.keys(jsModules).length > 0;
  const useCache = (options.cache ?? true) && !topLevelAwait && !mapped && !process.env['PYASYNC_NO_CACHE'];
  const cache = useCache ? new ProgramCache(path, RUNTIME) : null;
  let entry = cache?.lookup() ?? null;
  let scratch: string | null = null;
  if (entry === null) {
    const record = await compileForRun(path, topLevelAwait, jsModules);
    if (typeof record === 'number') return record;
    if (cache !== null) entry = cache.store(record);
    else {
      scratch = mkdtempSync(join(tmpdir(), 'pyasync-run-'));
      entry = writeProgram(scratch, record);
    }
  }
  if (existsSync(join(dirname(entry), WARNINGS))) process.stderr.write(readFileSync(join(dirname(entry), WARNINGS), 'utf8'));
  try {
    const sys = (await import(SYS_STATE)) as { setProgram(args: readonly string[], folder: string): void };
    sys.setProgram([file, ...args], dirname(path));
    const { runMain } = (await import(PROGRAM)) as { runMain: (url: string) => Promise<number> };
    return await runMain(pathToFileURL(entry).href);
  } finally {
    if (scratch !== null) rmSync(scratch, { recursive: true, force: true });
  }
}

/** Compiles the program; on a compile error, reports it as python3 would and returns the status. */
async function compileForRun(path: string, topLevelAwait: boolean, jsModules: Readonly<Record<string, string>>): Promise<ProgramRecord | number> {
  const [{ FileResolver }, { compileProgram }, { formatCompileError }, { describeSourceFile }, { checkScriptEncoding }, { PySyntaxError }, { formatWarning }] = await Promise.all([
    import('../../src/modules/resolver.js'),
    import('../../src/modules/program.js'),
    import('../../src/modules/errors.js'),
    import('../../src/errorDisplay.js'),
    import('../../src/parser/sourceDecoding.js'),
    import('../../src/diagnostics.js'),
    import('../../src/semantics/compileWarnings.js'),
  ]);
  // python3 reads its script with a check that imports do not make; its
  // error has no location, so it shows as the bare `SyntaxError: msg`.
  try {
    checkScriptEncoding(readFileSync(path), path);
  } catch (error) {
    if (!(error instanceof PySyntaxError)) throw error;
    process.stderr.write(`${error.kind}: ${error.msg}\n`);
    return 1;
  }
  const resolver = new FileResolver(dirname(path));
  const result = compileProgram(resolver, [{ name: '__main__', isPackage: false, path }], {
    runtime: RUNTIME,
    extension: '.mjs',
    displayName: (p) => p,
    topLevelAwait,
    jsModules,
  });
  // Python stops at the first module that fails to import; the entry is compiled first.
  const failure = result.failures[0];
  if (failure !== undefined) {
    const script = failure.name === '__main__';
    process.stderr.write(formatCompileError(failure.error, { ...describeSourceFile(failure.bytes), script }));
    return 1;
  }
  const files = result.modules.flatMap((m) => [
    { path: `${m.outPath}.mjs`, text: m.code + '\n' },
    { path: `${m.outPath}.mjs.map`, text: JSON.stringify(m.map) },
  ]);
  // Kept with the program so that every run shows them, as python3 shows a script's each time it compiles it.
  const warnings = result.modules.flatMap((m) => m.warnings).map(formatWarning).join('');
  if (warnings !== '') files.push({ path: WARNINGS, text: warnings });
  return { probes: resolver.probes, reads: resolver.reads, listings: resolver.listings, files, entry: '__main__.mjs' };
}

function writeProgram(folder: string, record: ProgramRecord): string {
  for (const file of record.files) {
    const out = join(folder, ...file.path.split('/'));
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, file.text);
  }
  return join(folder, record.entry);
}

const ERRNO: Record<string, [number, string]> = {
  ENOENT: [2, 'No such file or directory'],
  EACCES: [13, 'Permission denied'],
  EPERM: [1, 'Operation not permitted'],
  ELOOP: [40, 'Too many levels of symbolic links'],
  ENAMETOOLONG: [36, 'File name too long'],
  ENOTDIR: [20, 'Not a directory'],
};

/** Why python3 could not run `path` as a script, in its words; null if it can. */
function unopenable(path: string): string | null {
  try {
    if (statSync(path).isDirectory()) return `can't find '__main__' module in '${path}'`;
    closeSync(openSync(path, 'r'));
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const [errno, text] = ERRNO[code] ?? [5, (error as Error).message];
    return `can't open file '${path}': [Errno ${errno}] ${text}`;
  }
}

/** The first option before the program that is not one of run's own (python3: `unknown option`). */
export function unknownRunOption(args: readonly string[]): string | null {
  for (const arg of args) {
    if (arg === '--' || !arg.startsWith('-') || arg === '-') return null;
    const name = arg.split('=')[0]!;
    if (!RUN_OPTIONS.has(name)) return arg;
  }
  return null;
}

const RUN_OPTIONS = new Set(['--cache', '--no-cache', '--top-level-await', '--no-top-level-await', '--js-module', '--help', '-h', '--version']);

export const runCommand: CommandModule<object, RunArgs> = { command, describe, builder, handler };
