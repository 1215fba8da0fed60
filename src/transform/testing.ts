/**
 * For tests of the transform's output: the Babel program of each fixture
 * that compiles (fixtures of compile errors are left out).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as t from '@babel/types';
import { parse } from '../parser/parser.js';
import { analyze } from '../semantics/checks.js';
import { assumingResolver } from '../modules/resolver.js';
import { transformModule } from './index.js';

export const FIXTURES = fileURLToPath(new URL('../../fixtures', import.meta.url));

export function pyFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? pyFiles(join(dir, d.name)) : d.name.endsWith('.py') ? [join(dir, d.name)] : [],
  );
}

/** The module's Babel program, with the header and footer printed apart from it, or null when pyasync rejects it. */
export function programOf(path: string, source: string): t.Program | null {
  try {
    const tree = parse(source, { filename: path });
    const symbols = analyze(tree, path, source);
    const { program, frame } = transformModule(tree, symbols, {
      filename: path, source, moduleName: 'm', runtime: 'pyasync/runtime', isPackage: path.endsWith('__init__.py'),
      resolver: assumingResolver, extension: '.js', file: path,
    });
    const { header, footer } = frame();
    return { ...program, body: [...header, ...program.body, ...footer] };
  } catch {
    return null;
  }
}

/** Each fixture's path, source and program. */
export function* fixturePrograms(): Generator<{ path: string; source: string; program: t.Program }> {
  for (const path of pyFiles(FIXTURES)) {
    const source = readFileSync(path, 'utf8');
    const program = programOf(path, source);
    if (program !== null) yield { path, source, program };
  }
}
