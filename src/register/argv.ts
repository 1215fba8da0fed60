/**
 * `sys.argv` under the loader, as `python3 main.py args…` sets it: Node
 * resolves the script in `process.argv[1]` to an absolute path, while
 * CPython keeps it as typed. Where the system shows the command line as
 * typed (Linux's /proc/self/cmdline), the script's word is taken from there;
 * elsewhere `sys.argv[0]` stays Node's absolute path.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export function programArgv(): string[] {
  const args = process.argv.slice(1);
  const typed = typedScript(args.length);
  // Only when it names the same file: NODE_OPTIONS or an odd launcher could shift the words.
  if (typed !== null && args.length > 0 && resolve(typed) === args[0]) args[0] = typed;
  return args;
}

/** The word as many places from the end of the raw command line as the script is in `process.argv`. */
function typedScript(fromEnd: number): string | null {
  let raw: string[];
  try {
    raw = readFileSync('/proc/self/cmdline', 'utf8').split('\0');
  } catch {
    return null;
  }
  // Each word ends with a NUL.
  raw.pop();
  return raw[raw.length - fromEnd] ?? null;
}
