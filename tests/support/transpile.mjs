/**
 * TypeScript → JavaScript for the tests, with the same Babel preset as the
 * build, cached by content: the loader hooks (ts-hooks.mjs) and the test
 * build (testBuild.mjs) share it, so a file is transpiled once whatever
 * runs it first.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const CACHE_DIR = fileURLToPath(new URL('../../.cache/ts-loader/', import.meta.url));

const require = createRequire(import.meta.url);
// Babel is loaded only on a cache miss: importing it costs every spawned
// process a quarter of a second, and almost every load is a hit.
const babelVersion = require('@babel/core/package.json').version;

/** The JavaScript for `code`, the content of the TypeScript file `filename`. */
export async function transpile(filename, code) {
  const key = createHash('sha256').update(`${babelVersion}\0${filename}\0${code}`).digest('hex');
  const cached = `${CACHE_DIR}${key}.js`;
  try {
    return await readFile(cached, 'utf8');
  } catch {
    // Not cached yet.
  }
  const { transformAsync } = await import('@babel/core');
  const result = await transformAsync(code, {
    filename,
    babelrc: false,
    configFile: false,
    sourceMaps: 'inline',
    // Resolved from here, not from the working directory, which may be anywhere.
    presets: [[require.resolve('@babel/preset-typescript'), { onlyRemoveTypeImports: true, allowDeclareFields: true }]],
  });
  const source = result?.code ?? '';
  try {
    await mkdir(CACHE_DIR, { recursive: true });
    // Write then rename, so a concurrent reader never sees half a file.
    const temporary = `${cached}.${process.pid}.tmp`;
    await writeFile(temporary, source);
    await rename(temporary, cached);
  } catch {
    // A read-only checkout only loses the cache.
  }
  return source;
}
