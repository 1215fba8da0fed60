/**
 * Node module hooks that run the TypeScript sources directly (with the same
 * Babel preset as the build), for the processes the tests spawn and for the
 * long sweeps: they must exercise src/, not a possibly stale dist/.
 */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transpile } from './transpile.mjs';

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
  const source = await transpile(filename, await readFile(filename, 'utf8'));
  return { format: 'module', source, shortCircuit: true };
}
