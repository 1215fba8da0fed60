import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from '../parser/parser.js';
import { analyze } from '../semantics/checks.js';
import { assumingResolver } from '../modules/resolver.js';
import { transformModule } from './index.js';
import { FIXTURES, pyFiles } from './testing.js';
import { generateCode, generateWithBabelMap, printStatements } from '../codegen.js';

/** Each fixture's transform, or null when pyasync rejects it. */
function transformed(path: string, source: string): ReturnType<typeof transformModule> | null {
  try {
    const tree = parse(source, { filename: path });
    return transformModule(tree, analyze(tree, path, source), {
      filename: path, source, moduleName: 'm', runtime: 'pyasync/runtime', isPackage: path.endsWith('__init__.py'),
      resolver: assumingResolver, extension: '.js', file: path,
    });
  } catch {
    return null;
  }
}

describe("a module's header and footer, joined from parts printed once", () => {
  it('print as @babel/generator prints them in the program, and the map is the one it makes with the header in the tree', () => {
    let checked = 0;
    for (const path of pyFiles(FIXTURES)) {
      const source = readFileSync(path, 'utf8');
      const result = transformed(path, source);
      if (result === null) continue;
      const { program, frame } = result;
      const { header, footer } = frame();
      const ours = generateCode(program, path, source);
      // The program printed whole with its header (no text around it): Babel's own printing and map.
      const babel = generateWithBabelMap({ ...program, body: [...header, ...program.body] }, path, source);
      expect(ours.code.startsWith(`${babel.code}\n`), path).toBe(true);
      expect(ours.code.endsWith(`\n${printStatements(footer)}`), path).toBe(true);
      expect(ours.map.mappings, path).toBe(babel.map.mappings);
      expect(ours.map.names, path).toEqual(babel.map.names);
      checked++;
    }
    expect(checked).toBeGreaterThan(400);
  });
});
