/**
 * `pyasync ast [FILE]`: the twin of `python3 -m ast [-a] [-i N] FILE` —
 * the same dump on stdout, and on a syntax error the same display CPython
 * prints under its traceback, on stderr, with exit status 1.
 */
import { readFile } from 'node:fs/promises';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { decodeSource, dump, parse } from '../../src/index.js';
import { PySyntaxError } from '../../src/diagnostics.js';
import { formatSyntaxError } from '../../src/errorDisplay.js';

export interface AstOptions {
  file: string;
  includeAttributes: boolean;
  indent: number;
}

export interface CommandOutput {
  stdout: string;
  stderr: string;
  status: number;
}

export const command = 'ast [file]';
export const describe = 'Print the AST of a Python file, as python3 -m ast does';

/** The options as yargs declares them (handlers see them camel-cased too). */
export interface AstArgs {
  file: string;
  'include-attributes': boolean;
  indent: number;
}

export function builder(yargs: Argv): Argv<AstArgs> {
  return yargs
    .positional('file', {
      type: 'string',
      default: '-',
      describe: 'The file to parse; "-" (the default) reads stdin',
    })
    .option('include-attributes', {
      alias: 'a',
      type: 'boolean',
      default: false,
      describe: 'Include attributes such as line numbers and column offsets',
    })
    .option('indent', {
      alias: 'i',
      type: 'number',
      // python3 -m ast indents by 3, unlike ast.dump's default of one line.
      default: 3,
      describe: 'Indentation of nodes (number of spaces)',
    })
    .check((argv) => {
      if (!Number.isInteger(argv.indent)) throw new Error(`--indent: invalid int value: '${String(argv.indent)}'`);
      return true;
    });
}

export async function handler(argv: ArgumentsCamelCase<AstArgs>): Promise<void> {
  const result = await runAst(argv);
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  process.exitCode = result.status;
}

/** The whole command as a function of its options, for the handler and the tests. */
export async function runAst(options: AstOptions): Promise<CommandOutput> {
  const fromStdin = options.file === '-';
  const filename = fromStdin ? '<stdin>' : options.file;
  let bytes: Uint8Array;
  try {
    bytes = fromStdin ? await readStdin() : await readFile(options.file);
  } catch (error) {
    return { stdout: '', stderr: `pyasync ast: can't open '${options.file}': ${describeIoError(error)}\n`, status: 2 };
  }
  try {
    const tree = parse(decodeSource(bytes, filename), { filename });
    const text = dump(tree, { includeAttributes: options.includeAttributes, indent: options.indent });
    return { stdout: text + '\n', stderr: '', status: 0 };
  } catch (error) {
    if (error instanceof PySyntaxError) return { stdout: '', stderr: formatSyntaxError(error), status: 1 };
    throw error;
  }
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'No such file or directory';
  if (code === 'EISDIR') return 'Is a directory';
  if (code === 'EACCES') return 'Permission denied';
  return error instanceof Error ? error.message : String(error);
}

export const astCommand: CommandModule<object, AstArgs> = { command, describe, builder, handler };
