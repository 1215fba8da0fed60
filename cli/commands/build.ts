/**
 * `pyasync build <files|dirs…> --out-dir DIR`: compiles every .py file to
 * .js beside a .js.map, mirroring the tree. Errors are reported as python3
 * reports them and do not stop the other files; the status is 1 if any
 * file failed. Each output is written to a temporary file and renamed, so
 * no half-written file is ever left.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { compile, decodeSource } from '../../src/index.js';
import { PySyntaxError } from '../../src/diagnostics.js';
import { describeSourceFile, formatSyntaxError } from '../../src/errorDisplay.js';

export interface BuildArgs {
  inputs: string[];
  'out-dir': string;
  runtime: string;
  'source-maps': boolean;
}

export const command = 'build <inputs..>';
export const describe = 'Compile Python files (or directories of them) to ES modules with source maps';

export function builder(yargs: Argv): Argv<BuildArgs> {
  return yargs
    .positional('inputs', { type: 'string', array: true, demandOption: true, describe: '.py files or directories' })
    .option('out-dir', { type: 'string', demandOption: true, describe: 'Where the .js and .js.map files go' })
    .option('runtime', { type: 'string', default: 'pyasync/runtime', describe: 'The specifier compiled code imports the runtime from' })
    .option('source-maps', { type: 'boolean', default: true, describe: 'Write .js.map files (--no-source-maps to skip)' })
    .example('$0 build src --out-dir dist', 'Compile every .py under src/ into dist/') as unknown as Argv<BuildArgs>;
}

export function handler(argv: ArgumentsCamelCase<BuildArgs>): void {
  const outDir = resolve(argv['out-dir']);
  let failed = 0;
  let compiled = 0;
  for (const input of argv.inputs) {
    if (!existsSync(input)) {
      process.stderr.write(`pyasync: can't open '${input}': No such file or directory\n`);
      failed++;
      continue;
    }
    for (const { path, relativePath } of pythonFiles(resolve(input))) {
      const bytes = readFileSync(path);
      try {
        const result = compile(decodeSource(bytes, path), { filename: relativePath, runtime: argv.runtime, moduleName: moduleName(relativePath) });
        const out = join(outDir, relativePath.replace(/\.py$/, '.js'));
        mkdirSync(dirname(out), { recursive: true });
        const mapName = basename(out) + '.map';
        const code = argv['source-maps'] ? `${result.code}\n//# sourceMappingURL=${mapName}\n` : `${result.code}\n`;
        writeAtomically(out, code);
        if (argv['source-maps']) writeAtomically(out + '.map', JSON.stringify({ ...result.map, file: basename(out) }));
        compiled++;
      } catch (error) {
        if (!(error instanceof PySyntaxError)) throw error;
        process.stderr.write(formatSyntaxError(error, describeSourceFile(bytes)));
        failed++;
      }
    }
  }
  process.stderr.write(`compiled ${compiled} file${compiled === 1 ? '' : 's'}${failed ? `, ${failed} with errors` : ''}\n`);
  if (failed) process.exitCode = 1;
}

function* pythonFiles(input: string): Generator<{ path: string; relativePath: string }> {
  if (!statSync(input).isDirectory()) {
    yield { path: input, relativePath: basename(input) };
    return;
  }
  const walk = function* (dir: string): Generator<string> {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) yield* walk(path);
      else if (entry.name.endsWith('.py')) yield path;
    }
  };
  for (const path of walk(input)) yield { path, relativePath: relative(input, path) };
}

/** `pkg/mod.py` is module `pkg.mod`; `pkg/__init__.py` is `pkg`. */
function moduleName(relativePath: string): string {
  const parts = relativePath.replace(/\.py$/, '').split(/[\\/]/);
  if (parts[parts.length - 1] === '__init__') parts.pop();
  return parts.join('.');
}

function writeAtomically(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

export const buildCommand: CommandModule<object, BuildArgs> = { command, describe, builder, handler };
