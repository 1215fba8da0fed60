/**
 * `--runtime-path DIR`: output that runs without a package manager (a
 * static site, a folder copied to a server) gets its own copy of the
 * runtime, which compiled modules import by relative path. The copy is the
 * runtime beside this CLI: the built JavaScript (dist/runtime) when
 * installed, the TypeScript sources when the tests run the CLI from them.
 * Files already up to date are left alone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeIfChanged } from './output.js';

const SOURCE = fileURLToPath(new URL('../../runtime/', import.meta.url));
const COPIED = /^(?!.*\.test\.[jt]s$)(?!testing\.[jt]s$)(?!.*\.d\.ts$).*\.[jt]s$/;

/** Copies the runtime into `dest`; returns the path of its index module, which compiled code imports. */
export function copyRuntime(dest: string): string {
  let index: string | null = null;
  const walk = (from: string, to: string, top: boolean): void => {
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      const path = join(from, entry.name);
      if (entry.isDirectory()) walk(path, join(to, entry.name), false);
      else if (COPIED.test(entry.name) || entry.name.endsWith('.js.map')) {
        writeIfChanged(join(to, entry.name), readFileSync(path, 'utf8'));
        if (top && /^index\.[jt]s$/.test(entry.name)) index = join(to, entry.name);
      }
    }
  };
  walk(SOURCE, dest, true);
  if (index === null) throw new Error(`no runtime found in ${SOURCE}`);
  return index;
}
