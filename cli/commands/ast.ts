/**
 * `pyasync ast [FILE]`: the twin of `python3 -m ast [-a] [-i N] FILE` —
 * the same dump on stdout, and on a syntax error the same display CPython
 * prints under its traceback, on stderr, with exit status 1.
 */
import { readFile } from 'node:fs/promises';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
// From their own modules, not src/index.js: that would load the whole compiler (Babel's
// generator and types) into every command's start-up, `pyasync build`'s main thread included.
import { parse } from '../../src/parser/parser.js';
import { dump } from '../../src/ast/dump.js';
import { decodeSource } from '../../src/parser/sourceDecoding.js';
import { PySyntaxError } from '../../src/diagnostics.js';
import { describeSourceFile, formatSyntaxError } from '../../src/errorDisplay.js';

export interface AstOptions {
  file: string;
  includeAttributes: boolean;
  indent: number;
  /** False for --no-type-comments; python3 -m ast parses with type comments by default. */
  typeComments?: boolean;
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
  'type-comments': boolean;
}

export function builder(yargs: Argv): Argv<AstArgs> {
  return yargs
    .usage('Usage: $0 ast [file] [options]\n\nPrint the AST of a Python file, exactly as `python3 -m ast` does.')
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
    .option('type-comments', {
      type: 'boolean',
      default: true,
      describe: 'Add type comments (--no-type-comments leaves them out, as python3 -m ast --no-type-comments)',
    })
    .option('indent', {
      alias: 'i',
      type: 'number',
      // python3 -m ast indents by 3, unlike ast.dump's default of one line.
      default: 3,
      describe: 'Indentation of nodes (number of spaces)',
    })
    .check((argv) => {
      if (!Number.isInteger(argv.indent)) throw new Error('argument -i/--indent: expected an integer');
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
    const tree = parse(decodeSource(bytes, filename), { filename, typeComments: options.typeComments ?? true });
    const text = dump(tree, { includeAttributes: options.includeAttributes, indent: options.indent });
    return { stdout: text + '\n', stderr: '', status: 0 };
  } catch (error) {
    // ast.dump recurses in Python too: on trees this deep python3 -m ast fails the same way.
    if (error instanceof RangeError) {
      return { stdout: '', stderr: 'RecursionError: maximum recursion depth exceeded while dumping the AST\n', status: 1 };
    }
    if (error instanceof PySyntaxError) {
      const file = describeSourceFile(bytes);
      // CPython shows a BOM because it re-reads the line from the file; stdin has none to re-read.
      if (fromStdin) file.bom = false;
      return { stdout: '', stderr: formatSyntaxError(error, file), status: 1 };
    }
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
