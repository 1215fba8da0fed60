/**
 * The parts of `sys` the program's launcher sets: `sys.argv` and
 * `sys.path`. Kept apart from runtime/modules/sys.ts, whose exports are
 * exactly the Python module's attributes.
 */

interface NodeProcess {
  argv?: string[];
  cwd?(): string;
}

const nodeProcess = (globalThis as { process?: NodeProcess }).process;

/**
 * Without a launcher (`node out/main.js a b`): the script Node runs and its
 * arguments, as python3 gives `['main.py', 'a', 'b']`.
 */
function defaultArgv(): string[] {
  const args = nodeProcess?.argv;
  return args && args.length >= 2 ? args.slice(1) : [''];
}

function defaultPath(): string[] {
  const script = nodeProcess?.argv?.[1];
  if (!script) return [''];
  const slash = Math.max(script.lastIndexOf('/'), script.lastIndexOf('\\'));
  return [slash < 0 ? (nodeProcess?.cwd?.() ?? '') : script.slice(0, slash)];
}

export const argv: string[] = defaultArgv();
export const path: string[] = defaultPath();

/** What `pyasync run FILE args…` sets before the program starts: `sys.argv` and `sys.path[0]`. */
export function setProgram(args: readonly string[], folder: string): void {
  argv.length = 0;
  argv.push(...args);
  path.length = 0;
  path.push(folder);
}
