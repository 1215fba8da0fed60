/**
 * `pyasync/plugin`: import .py files from a JS build. One unplugin
 * definition gives the Vite, Rollup, webpack and esbuild plugins
 * (`pyasync.vite()`, …).
 *
 * A .py file reached from outside Python code (an entry point, a JS
 * module, an HTML page) is a program's `__main__`, and its folder is the
 * program's sys.path[0]. Compiled code imports the program's other modules
 * by relative `.py` specifiers (`./pkg/mod.py`), which this plugin resolves
 * and names after their path from that folder (`pkg.mod`), as CPython would.
 * The runtime (`pyasync/runtime`) is the one installed beside this plugin.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve, relative, sep } from 'node:path';
import { createUnplugin, type UnpluginInstance } from 'unplugin';
import { compileModule, entryIdentity, importedIdentity, isModuleError, type ModuleIdentity } from './compileModule.js';

export interface PyasyncPluginOptions {
  /**
   * The specifier compiled code imports the runtime from. Default
   * `pyasync/runtime`, resolved by the plugin to the runtime installed with it
   * (so bundlers need no Node-style resolution of their own, Rollup included).
   * Another value is left to the bundler.
   */
  runtime?: string;
}

const DEFAULT_RUNTIME = 'pyasync/runtime';
const RUNTIME_SPECIFIER = /^pyasync\/runtime(\/[\w/]+)?$/;
const PYTHON_FILE = /\.py$/;

/** Bundlers add queries to ids (`main.py?import`, `?v=123`). */
function fileOf(id: string): string {
  const query = id.indexOf('?');
  return query < 0 ? id : id.slice(0, query);
}

export const pyasync: UnpluginInstance<PyasyncPluginOptions | undefined, false> = createUnplugin((options: PyasyncPluginOptions | undefined) => {
  const runtime = options?.runtime ?? DEFAULT_RUNTIME;
  const require = createRequire(import.meta.url);
  /** The modules reached from Python code; any other .py file is an entry. */
  const imported = new Map<string, ModuleIdentity>();
  /** The runtime's files this plugin resolved (esbuild then asks this plugin to load them too). */
  const runtimeFiles = new Set<string>();
  const identity = (file: string): ModuleIdentity => imported.get(file) ?? entryIdentity(file);

  return {
    name: 'pyasync',
    // Before Vite's own resolver, which would not know `.py` specifiers of namespace packages.
    enforce: 'pre',

    resolveId(source, importer) {
      if (runtime === DEFAULT_RUNTIME && RUNTIME_SPECIFIER.test(source)) {
        const file = require.resolve(source);
        runtimeFiles.add(file);
        return file;
      }
      if (importer === undefined || !PYTHON_FILE.test(source) || !/^\.\.?\//.test(source)) return null;
      const from = fileOf(importer);
      if (!PYTHON_FILE.test(from)) return null;
      const file = resolve(dirname(from), source);
      imported.set(file, importedIdentity(identity(from).root, file));
      return file;
    },

    loadInclude(id) {
      const file = fileOf(id);
      return PYTHON_FILE.test(file) || runtimeFiles.has(file);
    },

    load(id) {
      const file = fileOf(id);
      if (runtimeFiles.has(file)) return readFileSync(file, 'utf8');
      if (!PYTHON_FILE.test(file)) return null;
      const module = identity(file);
      const result = compileModule(file, module, {
        runtime,
        // Bundles do not carry the build machine's paths.
        file: relative(module.root, file).split(sep).join('/'),
        staticName: true,
      });
      if (isModuleError(result)) {
        this.error({ message: result.message, id: file, loc: { file, line: result.line, column: result.column } });
        // esbuild and webpack collect the error and go on: the module is then empty.
        return { code: '' };
      }
      for (const dependency of result.dependencies) this.addWatchFile(dependency);
      return { code: result.code, map: result.map };
    },

    vite: {
      // A package and its submodules import each other (a submodule sets
      // itself as an attribute of its package). Rolldown's scope hoisting
      // evaluates such cycles with the package's namespace object not yet
      // created; its strict execution order keeps ES semantics.
      config() {
        return { build: { rolldownOptions: { output: { strictExecutionOrder: true } } } };
      },
      // The dev server serves only files under the project's root; the
      // runtime may be elsewhere (a linked or global install).
      configResolved(config) {
        if (runtime !== DEFAULT_RUNTIME) return;
        const allow = config.server.fs.allow as string[];
        allow.push(dirname(require.resolve(DEFAULT_RUNTIME)));
      },
      // The dev server serves a `<script type="module" src="main.py">` as a
      // static file (it transforms only what it knows to be JS, or what is
      // marked as imported): the query marks it.
      transformIndexHtml: {
        order: 'pre',
        handler(html, context) {
          if (context.server === undefined) return html;
          return html.replace(/<script\b[^>]*>/g, (tag) =>
            /\btype=["']?module\b/.test(tag) ? tag.replace(/(\bsrc=["']?)([^"'\s>?]+\.py)(?=["'\s>])/, '$1$2?import') : tag);
        },
      },
      // A .py module's compiled code depends on the modules it imports (the
      // names it checks against them): on any change of a .py file, the page
      // reloads with every .py module compiled afresh.
      hotUpdate({ file }) {
        if (!PYTHON_FILE.test(file)) return;
        const graph = this.environment.moduleGraph;
        for (const module of graph.idToModuleMap.values()) {
          if (module.file !== null && PYTHON_FILE.test(module.file)) graph.invalidateModule(module);
        }
        this.environment.hot.send({ type: 'full-reload' });
        return [];
      },
    },
  };
});

export default pyasync;
