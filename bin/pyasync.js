#!/usr/bin/env node
// The built CLI (npm run build, which `npm install` runs via prepare).
const args = process.argv.slice(2);
if (args[0] === 'run' && args.length > 1 && !args[1].startsWith('-')) {
  // `pyasync run FILE …`, the common case, starts without loading yargs and the other commands.
  const { runFile } = await import('../dist/cli/commands/run.js');
  process.exitCode = await runFile(args[1], args.slice(2));
} else {
  const { main } = await import('../dist/cli/index.js');
  await main(args);
}
