/**
 * `pyasync run FILE.py [args…]`: compile and run under Node, printing what
 * `python3 FILE.py` prints, with the same exit status.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { compile, decodeSource } from '../../src/index.js';
import { PySyntaxError } from '../../src/diagnostics.js';
import { describeSourceFile, formatSyntaxError } from '../../src/errorDisplay.js';

export interface RunArgs {
  file: string;
  args: string[];
}

/**
 * The runtime beside this CLI: dist/cli/commands → dist/runtime when built;
 * cli/commands → runtime/*.ts when the tests run the sources directly.
 */
const EXT = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const RUNTIME = new URL(`../../runtime/index${EXT}`, import.meta.url).href;
const PROGRAM = new URL(`../../runtime/program/main${EXT}`, import.meta.url).href;

export const command = 'run <file> [args..]';
export const describe = 'Compile a Python file and run it under Node, as python3 FILE would';

export function builder(yargs: Argv): Argv<RunArgs> {
  return yargs
    .positional('file', { type: 'string', demandOption: true, describe: 'The Python program' })
    .positional('args', { type: 'string', array: true, default: [], describe: "The program's sys.argv[1:]" })
    .example('$0 run main.py', 'Run main.py') as unknown as Argv<RunArgs>;
}

export async function handler(argv: ArgumentsCamelCase<RunArgs>): Promise<void> {
  process.exitCode = await runFile(argv.file);
}

export async function runFile(file: string): Promise<number> {
  const path = resolve(file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    process.stderr.write(`pyasync: can't open file '${path}': [Errno 2] No such file or directory\n`);
    return 2;
  }
  let code: string;
  try {
    code = compile(decodeSource(bytes, file), { filename: file, runtime: RUNTIME }).code;
  } catch (error) {
    if (!(error instanceof PySyntaxError)) throw error;
    process.stderr.write(formatSyntaxError(error, describeSourceFile(bytes)));
    return 1;
  }
  const dir = mkdtempSync(join(tmpdir(), 'pyasync-run-'));
  const out = join(dir, 'main.mjs');
  writeFileSync(out, code);
  try {
    const { runMain } = (await import(PROGRAM)) as { runMain: (url: string) => Promise<number> };
    return await runMain(pathToFileURL(out).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const runCommand: CommandModule<object, RunArgs> = { command, describe, builder, handler };
