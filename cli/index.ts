/**
 * The `pyasync` command line: yargs with one module per command.
 * bin/pyasync.js runs the built copy of this file (dist/cli/index.js).
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import yargs from 'yargs';
import { astCommand } from './commands/ast.js';
import { runCommand, unknownRunOption } from './commands/run.js';
import { buildCommand } from './commands/build.js';
import { watchCommand } from './commands/watch.js';

/** Thrown from yargs' failure handler once the failure is reported, to stop parsing. */
class ReportedFailure extends Error {}

const COMMANDS = new Set(['ast', 'run', 'build', 'watch']);

export async function main(args: readonly string[]): Promise<void> {
  const command = COMMANDS.has(args[0] ?? '') ? args[0]! : null;
  // Options after run's file belong to the program, so yargs takes an
  // unknown one before it for the file: caught here, as python3 does.
  const unknown = command === 'run' ? unknownRunOption(args.slice(1)) : null;
  if (unknown !== null) {
    process.stderr.write(`pyasync run: unknown option ${unknown} (see pyasync run --help)\n`);
    process.exitCode = 2;
    return;
  }
  try {
    await yargs([...args])
      .scriptName('pyasync')
      .usage('Usage: $0 <command> [options]\n\nCompile Python 3.11 to ES-module JavaScript with CPython semantics.')
      .command(astCommand)
      .command(runCommand)
      .command(buildCommand)
      .command(watchCommand)
      .example('$0 ast example.py', 'Print the AST of example.py, exactly as `python3 -m ast example.py` does')
      .example('$0 ast -a --indent 2 example.py', 'The same with line and column attributes, indented by 2')
      .example('$0 run main.py arg1', 'Compile main.py (cached) and run it under Node, as python3 main.py arg1')
      .example('$0 build src --out-dir dist', 'Compile every .py under src/ into dist/ (.js and .js.map)')
      .example('$0 watch src --out-dir dist --run src/main.py', 'Rebuild on every change and restart the program')
      .strict()
      .demandCommand(1, 'Give a command, e.g. pyasync ast example.py')
      .version(packageVersion())
      .help()
      .alias('h', 'help')
      .fail((message, error, cli) => {
        if (message && command !== null) {
          // A command given with bad options: one line, as compilers do.
          process.stderr.write(`pyasync ${command}: ${message} (see pyasync ${command} --help)\n`);
        } else if (message) {
          // No command, or an unknown one: the help, then what was wrong.
          cli.showHelp();
          process.stderr.write(`\n${message}\n`);
        } else {
          // A bug of ours, not bad input: a message, and the stack only on request.
          process.stderr.write(`pyasync: internal error: ${error?.message ?? 'unknown'}\n`);
          if (process.env['PYASYNC_DEBUG']) process.stderr.write(`${error?.stack ?? ''}\n`);
        }
        throw new ReportedFailure();
      })
      .parseAsync();
  } catch (error) {
    if (!(error instanceof ReportedFailure)) throw error;
    process.exitCode = 1;
  }
}

/** Found from here both in cli/ (sources) and in dist/cli/ (build). */
function packageVersion(): string {
  for (const relative of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'pyasync' && pkg.version) return pkg.version;
    } catch {
      // Not at this level; try the next one up.
    }
  }
  return 'unknown';
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main(process.argv.slice(2));
}
