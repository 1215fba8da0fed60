/**
 * `pyasync build <files|dirs…> --out-dir DIR`: compiles Python programs to
 * ES modules, a .js beside a .js.map for each module, mirroring the tree
 * (packages included).
 *
 * A file is built with every module it imports, found from its folder
 * (sys.path[0] when python3 runs it). A folder is built whole, as the
 * import root; a folder that is itself a package (it has `__init__.py`) is
 * built as that package, from the first folder above it that is not one.
 * Errors (syntax, or an import of a module that does not exist) are
 * reported as python3 reports them and do not stop the other files; the
 * status is 1 if any file failed. Each output is written to a temporary
 * file and renamed, so no half-written file is ever left.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import type { ProgramModule } from '../../src/modules/program.js';

export interface BuildArgs {
  inputs: string[];
  'out-dir': string;
  runtime: string;
  'source-maps': boolean;
}

export const command = 'build <inputs..>';
export const describe = 'Compile Python programs (files or folders) to ES modules with source maps';

export function builder(yargs: Argv): Argv<BuildArgs> {
  return yargs
    .positional('inputs', { type: 'string', array: true, demandOption: true, describe: '.py files (built with what they import) or folders' })
    .option('out-dir', { type: 'string', demandOption: true, describe: 'Where the .js and .js.map files go' })
    .option('runtime', { type: 'string', default: 'pyasync/runtime', describe: 'The specifier compiled code imports the runtime from (its modules from <runtime>/<name>)' })
    .option('source-maps', { type: 'boolean', default: true, describe: 'Write .js.map files (--no-source-maps to skip)' })
    .example('$0 build main.py --out-dir dist', 'Compile main.py and every module it imports into dist/')
    .example('$0 build src --out-dir dist', 'Compile every .py under src/ into dist/') as unknown as Argv<BuildArgs>;
}

export async function handler(argv: ArgumentsCamelCase<BuildArgs>): Promise<void> {
  const result = await build(argv.inputs, { outDir: argv['out-dir'], runtime: argv.runtime, sourceMaps: argv['source-maps'] });
  process.stderr.write(`compiled ${result.compiled} file${result.compiled === 1 ? '' : 's'}${result.failed ? `, ${result.failed} with errors` : ''}\n`);
  if (result.failed) process.exitCode = 1;
}

export interface BuildOptions {
  outDir: string;
  runtime?: string;
  sourceMaps?: boolean;
}

/** Builds the inputs; errors go to stderr as they are found. */
export async function build(inputs: readonly string[], options: BuildOptions): Promise<{ compiled: number; failed: number }> {
  // The compiler is loaded here, not when the CLI starts: `pyasync run` must not pay for it.
  const [{ FileResolver }, { compileProgram }, { formatCompileError }, { describeSourceFile }] = await Promise.all([
    import('../../src/modules/resolver.js'),
    import('../../src/modules/program.js'),
    import('../../src/modules/errors.js'),
    import('../../src/errorDisplay.js'),
  ]);
  const outDir = resolve(options.outDir);
  const written = new Set<string>();
  let failed = 0;
  for (const input of inputs) {
    const path = resolve(input);
    if (!existsSync(path)) {
      process.stderr.write(`pyasync: can't open '${input}': No such file or directory\n`);
      failed++;
      continue;
    }
    const { root, modules } = statSync(path).isDirectory() ? folderModules(path) : fileModule(path);
    const resolver = new FileResolver(root);
    const result = compileProgram(resolver, modules, {
      runtime: options.runtime ?? 'pyasync/runtime',
      extension: '.js',
      displayName: (p) => displayPath(p),
      file: (p) => relative(root, p).split(sep).join('/'),
    });
    for (const failure of result.failures) {
      process.stderr.write(formatCompileError(failure.error, describeSourceFile(failure.bytes)));
      failed++;
    }
    for (const module of result.modules) {
      const out = join(outDir, ...`${module.outPath}.js`.split('/'));
      if (written.has(out)) continue;
      written.add(out);
      mkdirSync(dirname(out), { recursive: true });
      const mapName = `${basename(out)}.map`;
      if (options.sourceMaps ?? true) {
        const sources = module.path === null ? module.map.sources : [relative(dirname(out), module.path).split(sep).join('/')];
        writeAtomically(`${out}.map`, JSON.stringify({ ...module.map, sources, file: basename(out) }));
        writeAtomically(out, `${module.code}\n//# sourceMappingURL=${mapName}\n`);
      } else {
        writeAtomically(out, `${module.code}\n`);
      }
    }
  }
  return { compiled: written.size, failed };
}

/** A file and (through the compilation) what it imports; its folder is the import root. */
function fileModule(path: string): { root: string; modules: ProgramModule[] } {
  return { root: dirname(path), modules: [{ name: basename(path).replace(/\.py$/, ''), isPackage: false, path }] };
}

/** Every .py file of a folder, named from the import root. */
function folderModules(folder: string): { root: string; modules: ProgramModule[] } {
  let root = folder;
  while (existsSync(join(root, '__init__.py')) && dirname(root) !== root) root = dirname(root);
  const modules: ProgramModule[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '__pycache__' && entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(path);
      } else if (entry.name.endsWith('.py')) {
        const parts = relative(root, path).slice(0, -3).split(sep);
        const isPackage = parts[parts.length - 1] === '__init__';
        if (isPackage) parts.pop();
        modules.push({ name: parts.join('.'), isPackage, path, outPath: relative(root, path).slice(0, -3).split(sep).join('/') });
      }
    }
  };
  walk(folder);
  return { root, modules };
}

/** A path as errors show it: relative to the working folder when inside it. */
function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') || rel === '' ? path : rel;
}

function writeAtomically(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

export const buildCommand: CommandModule<object, BuildArgs> = { command, describe, builder, handler };
