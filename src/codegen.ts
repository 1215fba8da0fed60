/**
 * Prints the Babel AST with @babel/generator, with a v3 source map back to
 * the .py file (its text included, so the map stands alone). The map is
 * written by SourceMapWriter, which the printer feeds in place of its own
 * (the same map, made several times faster).
 */
import * as generator from '@babel/generator';
import type { CodeGenerator as CodeGeneratorType, GeneratorOptions, GeneratorResult } from '@babel/generator';
import type * as t from '@babel/types';
import { SourceMapWriter } from './sourceMapWriter.js';

type Generate = (ast: t.Node, options: GeneratorOptions, code: Record<string, string>) => GeneratorResult;
type CodeGeneratorClass = new (ast: t.Node, options: GeneratorOptions, code: Record<string, string>) => CodeGeneratorType;

// @babel/generator is CommonJS: under Node's ESM its exports are under `default`, and its function is `default.default`;
// under Babel's interop the function is `default` and the exports are the namespace itself.
const generatorModule = generator as unknown as { default: Generate | { default: Generate; CodeGenerator: CodeGeneratorClass }; CodeGenerator?: CodeGeneratorClass };
const generate: Generate = typeof generatorModule.default === 'function' ? generatorModule.default : generatorModule.default.default;
const CodeGenerator: CodeGeneratorClass | undefined =
  typeof generatorModule.default === 'function' ? generatorModule.CodeGenerator : generatorModule.default.CodeGenerator;

export interface SourceMap {
  version: number;
  sources: string[];
  names: string[];
  mappings: string;
  sourcesContent?: string[];
  file?: string;
}

const OPTIONS: GeneratorOptions = { retainLines: false };

/**
 * Text that stands among a program's statements already printed, before its
 * last `beforeLast` statements: code generated the same way in every module
 * (src/transform/attributeHelpers.ts), printed once and reused. It maps to
 * no source, and is printed as @babel/generator prints top-level statements.
 */
interface Verbatim {
  text: string;
  beforeLast: number;
}
const VERBATIM = new WeakMap<t.Program, Verbatim>();

/** Puts `text` (top-level statements, already printed) before the program's last `beforeLast` statements. */
export function insertPrinted(program: t.Program, beforeLast: number, text: string): void {
  if (text !== '') VERBATIM.set(program, { text, beforeLast });
}

/** A statement printed alone, as it prints at a program's top level. */
export function printStatement(statement: t.Statement): string {
  return generate(statement, OPTIONS, {}).code;
}

/**
 * Runs `print` on the program's statements before the verbatim text, and
 * appends the text and the rest printed without a map (they have no source
 * positions: the module's generated footer).
 */
function withVerbatim(program: t.Program, print: (program: t.Program) => { code: string; map: SourceMap }): { code: string; map: SourceMap } {
  const verbatim = VERBATIM.get(program);
  if (verbatim === undefined) return print(program);
  const split = program.body.length - verbatim.beforeLast;
  const head = print({ ...program, body: program.body.slice(0, split) });
  let code = head.code === '' ? verbatim.text : `${head.code}\n${verbatim.text}`;
  if (split < program.body.length) {
    const tail = generate({ ...program, directives: [], body: program.body.slice(split) }, OPTIONS, {}).code;
    code += `\n${tail}`;
  }
  return { code, map: head.map };
}

export function generateCode(program: t.Program, filename: string, source: string): { code: string; map: SourceMap } {
  return withVerbatim(program, (program) => generateProgram(program, filename, source));
}

function generateProgram(program: t.Program, filename: string, source: string): { code: string; map: SourceMap } {
  const code = { [filename]: source };
  if (CodeGenerator !== undefined) {
    // The printer takes its map from the generator's `_map` (null without `sourceMaps`): ours instead.
    const printer = new CodeGenerator(program, OPTIONS, code);
    const withMap = printer as unknown as { _map: unknown };
    if (withMap._map === null) {
      const writer = new SourceMapWriter(filename, code);
      withMap._map = writer;
      const result = printer.generate();
      // Every source has its text: the only source is the .py file, given with its text.
      return { code: result.code, map: writer.get() as SourceMap };
    }
  }
  return babelGenerate(program, filename, source);
}

/** @babel/generator's own source map: what SourceMapWriter must match (and the fallback should its printer change). */
export function generateWithBabelMap(program: t.Program, filename: string, source: string): { code: string; map: SourceMap } {
  return withVerbatim(program, (program) => babelGenerate(program, filename, source));
}

function babelGenerate(program: t.Program, filename: string, source: string): { code: string; map: SourceMap } {
  const result: GeneratorResult = generate(program, { sourceMaps: true, sourceFileName: filename, retainLines: false }, { [filename]: source });
  return { code: result.code, map: result.map as unknown as SourceMap };
}
