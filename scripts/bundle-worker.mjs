/**
 * Run by `npm run build` after Babel: bundles the build worker
 * (dist/cli/build/worker.js, the compiler and @babel/generator and
 * @babel/types with it) into one file, dist/cli/build/worker.bundle.js,
 * which the build's worker threads load when it is there (cli/build/pool.ts).
 * Each worker thread loads the compiler afresh; from ~130 ES and CommonJS
 * files (resolved, read and lexed one by one) that took ~210 ms of CPU per
 * worker, from one file ~90 ms.
 *
 * The bundle sits beside worker.js so that its relative URLs resolve as
 * the files' would.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const dist = (path) => fileURLToPath(new URL(`../dist/${path}`, import.meta.url));

/**
 * The compiler's `import * as t from '@babel/types'` (and of
 * @babel/generator), CommonJS packages, bundled as Node imports them: each
 * export a plain binding read once when the package loads. esbuild's own
 * interop would make each a getter calling the package's getter, two calls
 * on every `t.identifier(…)` until the JIT inlines them.
 */
const commonJsAsNode = {
  name: 'commonjs-as-node',
  setup(build) {
    build.onResolve({ filter: /^@babel\/(types|generator)$/ }, ({ path, importer }) => {
      if (importer.includes('/node_modules/') || importer.includes('\\node_modules\\')) return undefined;
      return { path: createRequire(importer).resolve(path), namespace: 'commonjs-as-node' };
    });
    build.onLoad({ filter: /.*/, namespace: 'commonjs-as-node' }, ({ path }) => {
      const names = Object.keys(createRequire(import.meta.url)(path)).filter((n) => n !== 'default' && /^[A-Za-z_$][\w$]*$/.test(n));
      return {
        contents: `const lib = require(${JSON.stringify(path)});\nexport const { ${names.join(', ')} } = lib;\nexport default lib;\n`,
        resolveDir: dirname(path),
        loader: 'js',
      };
    });
  },
};

await build({
  entryPoints: [dist('cli/build/worker.js')],
  outfile: dist('cli/build/worker.bundle.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // esbuild follows the inputs' own maps back to the TypeScript sources.
  sourcemap: true,
  logLevel: 'warning',
  plugins: [commonJsAsNode],
});
