/**
 * SourceMapWriter against @babel/generator's own source map: over every
 * fixture and a few large standard-library modules, the printed code and
 * the map (mappings, names, sources, sourcesContent) must be identical.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCode, generateWithBabelMap } from './codegen.js';
import { fixturePrograms, programOf } from './transform/testing.js';

function expectSameOutput(path: string, source: string, ast = programOf(path, source)): boolean {
  if (ast === null) return false;
  const ours = generateCode(ast, path, source);
  const babel = generateWithBabelMap(ast, path, source);
  expect(ours.code).toBe(babel.code);
  expect(JSON.stringify(ours.map)).toBe(JSON.stringify(babel.map));
  return true;
}

const STDLIB = ['argparse.py', 'enum.py', 'tarfile.py', 'difflib.py', 'email/_header_value_parser.py', 'calendar.py', 'textwrap.py'];

describe('SourceMapWriter', () => {
  it('writes the map @babel/generator writes, for every fixture', () => {
    let compared = 0;
    for (const { path, source, program } of fixturePrograms()) if (expectSameOutput(path, source, program)) compared++;
    expect(compared).toBeGreaterThan(150);
  });

  it('and for large standard-library modules', () => {
    const stdlib = execFileSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], { encoding: 'utf8' }).trim();
    for (const name of STDLIB) expect(expectSameOutput(join(stdlib, name), readFileSync(join(stdlib, name), 'utf8'))).toBe(true);
  });

  it('and for non-ASCII text, CR LF line ends and a file name with backslashes', () => {
    const source = 'é = "ü→𝄞"\r\nclass C:\r\n    def m(self, x=é):\r\n        return [y for y in "𝄞𝄞" if y != x]\r\nprint(C().m())\r\n';
    expect(expectSameOutput('dir\\sub\\m.py', source)).toBe(true);
  });
});
