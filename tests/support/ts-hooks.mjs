/**
 * Node module hooks that run the TypeScript sources directly (with the same
 * Babel preset as the build), for the processes the tests spawn and for the
 * long sweeps: they must exercise src/, not a possibly stale dist/.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

// Transpiled files are cached by content: every spawned CLI or fuzz worker
// would otherwise spend seconds re-running Babel over the whole parser.
const CACHE_DIR = fileURLToPath(new URL('../../.cache/ts-loader/', import.meta.url));

const require = createRequire(import.meta.url);
// Babel is loaded only on a cache miss: importing it costs every spawned
// process a quarter of a second, and almost every load is a hit.
const babelVersion = require('@babel/core/package.json').version;

export async function resolve(specifier, context, nextResolve) {
  // Sources import each other as './x.js' (NodeNext style); on disk it is x.ts.
  if (
    specifier.endsWith('.js') &&
    /^(\.{1,2}\/|\/|file:)/.test(specifier) &&
    context.parentURL?.endsWith('.ts')
  ) {
    const url = new URL(specifier, context.parentURL);
    if (!existsSync(fileURLToPath(url))) {
      const tsUrl = new URL(specifier.slice(0, -3) + '.ts', context.parentURL);
      if (existsSync(fileURLToPath(tsUrl))) return { url: tsUrl.href, shortCircuit: true };
    }
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const filename = fileURLToPath(url);
  const code = await readFile(filename, 'utf8');
  const key = createHash('sha256').update(`${babelVersion}\0${filename}\0${code}`).digest('hex');
  const cached = `${CACHE_DIR}${key}.js`;
  try {
    return { format: 'module', source: await readFile(cached, 'utf8'), shortCircuit: true };
  } catch {
    // Not cached yet.
  }
  const { transformAsync } = await import('@babel/core');
  // Resolved from here, not from the working directory, which may be anywhere.
  const presetTypescript = require.resolve('@babel/preset-typescript');
  const result = await transformAsync(code, {
    filename,
    babelrc: false,
    configFile: false,
    sourceMaps: 'inline',
    presets: [[presetTypescript, { onlyRemoveTypeImports: true, allowDeclareFields: true }]],
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
  return { format: 'module', source, shortCircuit: true };
}
