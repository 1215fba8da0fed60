/**
 * Prints the Babel AST with @babel/generator, with a v3 source map back to
 * the .py file (its text included, so the map stands alone).
 */
import * as generator from '@babel/generator';
import type { GeneratorOptions, GeneratorResult } from '@babel/generator';
import type * as t from '@babel/types';

type Generate = (ast: t.Node, options: GeneratorOptions, code: Record<string, string>) => GeneratorResult;

// @babel/generator is CommonJS: under Node's ESM its function is `default.default`, under Babel's interop `default`.
const generatorModule = generator as unknown as { default: Generate | { default: Generate } };
const generate: Generate = typeof generatorModule.default === 'function' ? generatorModule.default : generatorModule.default.default;

export interface SourceMap {
  version: number;
  sources: string[];
  names: string[];
  mappings: string;
  sourcesContent?: string[];
  file?: string;
}

export function generateCode(program: t.Program, filename: string, source: string): { code: string; map: SourceMap } {
  const result: GeneratorResult = generate(program, { sourceMaps: true, sourceFileName: filename, retainLines: false }, { [filename]: source });
  const map = result.map as unknown as SourceMap;
  return { code: result.code, map };
}
