/**
 * `pyasync build <files|dirs…> --out-dir DIR`: compiles Python programs to
 * ES modules (a .js, a source map and optionally a .d.ts per module),
 * mirroring the tree. cli/build/ does the work; this file is the command's
 * options and its report: every error of every file as
 * `file:line:col: Kind: msg` with the source line and a caret, then a
 * summary; status 1 if anything failed (what compiled is still written).
 */
import { formatWarning } from '../../src/semantics/compileWarnings.js';
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { Builder, defaultJobs, type BuilderOptions, type BuildReport } from '../build/builder.js';
import { defaultCacheDir } from '../build/cache.js';
import { formatDiagnostic, Progress, styleFor, summary } from '../build/report.js';
import type { SourceMapMode } from '../build/output.js';
import { JS_MODULE_DESCRIPTION, optionValues, parseJsModules } from '../jsModuleOption.js';

export interface BuildArgs {
  inputs: string[];
  'out-dir': string;
  runtime: string;
  'runtime-path'?: string;
  'source-maps': boolean;
  'inline-source-maps': boolean;
  'top-level-await': boolean;
  'es-top-level-await': boolean;
  target: 'node' | 'browser';
  declarations: boolean;
  cache: boolean;
  'cache-dir'?: string;
  jobs?: number;
  'js-module'?: string | string[];
}

/** Options shared with `pyasync watch`. */
export function outputOptions<T>(yargs: Argv<T>): Argv<T> {
  return yargs
    .option('out-dir', { alias: 'o', type: 'string', demandOption: true, describe: 'Where the .js (.js.map, .d.ts) files go, mirroring the sources' })
    .option('runtime', { type: 'string', default: 'pyasync/runtime', describe: 'The specifier compiled code imports the runtime from (its modules from <runtime>/<name>)' })
    .option('runtime-path', { type: 'string', describe: 'Copy the runtime into this folder and import it by relative path (output used without a package manager)' })
    .option('source-maps', { type: 'boolean', default: true, describe: 'Write .js.map files (--no-source-maps: none)' })
    .option('inline-source-maps', { type: 'boolean', default: false, describe: 'Put the source map inside each .js instead' })
    .option('top-level-await', { type: 'boolean', default: false, describe: 'Accept await, async for and async with at module level (CPython\'s PyCF_ALLOW_TOP_LEVEL_AWAIT), compiled to ES top-level await' })
    .option('es-top-level-await', { type: 'boolean', default: true, describe: 'Output may use ES top-level await (a module-level blocking asyncio.run); --no-es-top-level-await makes code that needs it an error' })
    .option('target', { choices: ['node', 'browser'] as const, default: 'node' as const, describe: 'browser: the files named are __main__ outright (no script path tells the entry apart)' })
    .option('declarations', { type: 'boolean', default: false, describe: 'Write a .d.ts beside each module from its annotations' })
    .option('cache', { type: 'boolean', default: true, describe: 'Skip modules whose source, options and compiler are unchanged (--no-cache: compile all)' })
    .option('cache-dir', { type: 'string', describe: 'Where the cache lives (default node_modules/.cache/pyasync/build)' })
    .option('jobs', { alias: 'j', type: 'number', describe: 'Threads compiling (default: one per idle core, by the load average; 1: no worker threads, the main one compiles)' })
    // Not `array`, which would take the inputs after it too; repeating the option gives an array.
    .option('js-module', { type: 'string', requiresArg: true, describe: `${JS_MODULE_DESCRIPTION}; the specifier is written as given` })
    .check((argv) => {
      const jobs = (argv as { jobs?: number }).jobs;
      if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) throw new Error('--jobs must be a positive integer');
      parseJsModules(optionValues((argv as { 'js-module'?: unknown })['js-module']));
      return true;
    });
}

export const command = 'build <inputs..>';
export const describe = 'Compile Python programs (files or folders) to ES modules with source maps';

export function builder(yargs: Argv): Argv<BuildArgs> {
  return outputOptions(
    yargs.positional('inputs', { type: 'string', array: true, demandOption: true, describe: '.py files (built with what they import) or folders (every .py)' }),
  )
    .example('$0 build main.py --out-dir dist', 'Compile main.py and every module it imports into dist/')
    .example('$0 build src --out-dir dist --declarations', 'Compile every .py under src/, with .d.ts files for TypeScript')
    .example('$0 build src -o public/py --target browser --runtime-path public/pyasync', 'Output a browser loads as is, runtime copied beside it') as unknown as Argv<BuildArgs>;
}

export function builderOptions(argv: BuildArgs, inputs: readonly string[], removeStale: boolean): BuilderOptions {
  const sourceMaps: SourceMapMode = !argv['source-maps'] ? 'none' : argv['inline-source-maps'] ? 'inline' : 'file';
  return {
    inputs,
    outDir: argv['out-dir'],
    runtime: argv.runtime,
    runtimePath: argv['runtime-path'] ?? null,
    sourceMaps,
    topLevelAwait: argv['top-level-await'],
    esTopLevelAwait: argv['es-top-level-await'],
    target: argv.target,
    declarations: argv.declarations,
    cacheDir: argv.cache ? (argv['cache-dir'] ?? defaultCacheDir()) : null,
    jobs: argv.jobs ?? defaultJobs(),
    jsModules: parseJsModules(optionValues(argv['js-module'])),
    removeStale,
  };
}

/**
 * Why the output folder cannot be made or written to (a path under a
 * regular file, no permission), in one line; null if it can. The build
 * would otherwise fail once per file. Nothing is created here: a build
 * with nothing to write leaves no folder behind.
 */
export function prepareOutDir(outDir: string): string | null {
  let path = resolve(outDir);
  try {
    for (;;) {
      let stats;
      try {
        stats = statSync(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(path) === path) throw error;
        path = dirname(path);
        continue;
      }
      if (!stats.isDirectory()) throw Object.assign(new Error('Not a directory'), { code: 'ENOTDIR' });
      accessSync(path, constants.W_OK);
      return null;
    }
  } catch (error) {
    return `pyasync: can't write to the output folder '${outDir}': ${ioErrorText(error)}`;
  }
}

function ioErrorText(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  const known: Record<string, string> = { ENOTDIR: 'Not a directory', EACCES: 'Permission denied', EEXIST: 'File exists', EROFS: 'Read-only file system', ENOSPC: 'No space left on device', EPERM: 'Operation not permitted' };
  return known[e.code ?? ''] ?? e.message;
}

export async function handler(argv: ArgumentsCamelCase<BuildArgs>): Promise<void> {
  const problem = prepareOutDir(argv['out-dir']);
  if (problem !== null) {
    process.stderr.write(`${problem}\n`);
    process.exitCode = 1;
    return;
  }
  const builder = new Builder({ ...builderOptions(argv, argv.inputs, false), progress: new Progress(process.stderr) });
  try {
    const report = await builder.build();
    printReport(report);
    if (report.failed > 0) process.exitCode = 1;
  } finally {
    await builder.close();
  }
}

export function printReport(report: BuildReport, stream: NodeJS.WriteStream = process.stderr): void {
  const style = styleFor(stream);
  // One write: a stdlib build reports hundreds of errors.
  let text = '';
  for (const w of report.warnings) text += formatWarning(w);
  for (const line of report.errors) text += `${line}\n`;
  for (const d of report.diagnostics) text += formatDiagnostic(d, style);
  stream.write(`${text}${summary(report)}\n`);
}

export const buildCommand: CommandModule<object, BuildArgs> = { command, describe, builder, handler };
