/**
 * `--js-module NAME=SPECIFIER` (repeatable): the `jsModules` compile option
 * (src/modules/jsModules.ts) on the command line — `import NAME` in Python
 * imports the ES module SPECIFIER, its values seen as JS values.
 */
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const JS_MODULE_DESCRIPTION = 'Import the ES module SPECIFIER as the Python module NAME (NAME=SPECIFIER, repeatable; e.g. fs=node:fs)';

const MODULE_NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;

/** The option's values: absent, one, or (repeated) several. */
export function optionValues(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** The mapping the option's values give; throws an Error naming the first bad one. */
export function parseJsModules(values: readonly unknown[] | undefined): Record<string, string> {
  const modules: Record<string, string> = {};
  for (const value of values ?? []) {
    const text = String(value);
    const eq = text.indexOf('=');
    const name = eq < 0 ? text : text.slice(0, eq);
    const specifier = eq < 0 ? '' : text.slice(eq + 1);
    if (eq < 0 || specifier === '') throw new Error(`--js-module needs NAME=SPECIFIER, not '${text}'`);
    if (!MODULE_NAME.test(name)) throw new Error(`--js-module: '${name}' is not a Python module name`);
    if (name === 'js' || name === 'pyasync') throw new Error(`--js-module: '${name}' is pyasync's own module`);
    modules[name] = specifier;
  }
  return modules;
}

/**
 * For `pyasync run`, whose compiled program lives in a cache folder: a
 * path (`./lib.mjs`, `/abs/lib.mjs`) is taken from the current folder and a
 * package name is found from the program's folder, as Node would find it
 * for a module there; both become file URLs. `node:` and other URLs stay
 * as they are, as does a package Node's require cannot find (an ESM-only
 * export): Node then looks for it from the cache folder.
 */
export function resolveForRun(modules: Readonly<Record<string, string>>, programDir: string, cwd = process.cwd()): Record<string, string> {
  const resolved: Record<string, string> = {};
  for (const [name, specifier] of Object.entries(modules)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(specifier) && !isAbsolute(specifier)) resolved[name] = specifier;
    else if (specifier.startsWith('./') || specifier.startsWith('../') || isAbsolute(specifier)) {
      resolved[name] = pathToFileURL(resolve(cwd, specifier)).href;
    } else {
      try {
        resolved[name] = pathToFileURL(createRequire(join(programDir, '__pyasync__.js')).resolve(specifier)).href;
      } catch {
        resolved[name] = specifier;
      }
    }
  }
  return resolved;
}
