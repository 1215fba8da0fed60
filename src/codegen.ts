/**
 * Prints the Babel AST with @babel/generator, with a v3 source map back to
 * the .py file (its text included, so the map stands alone). The map is
 * written by SourceMapWriter, which the printer feeds in place of its own
 * (the same map, made several times faster).
 */
import * as generator from '@babel/generator';
import type { CodeGenerator as CodeGeneratorType, GeneratorOptions, GeneratorResult } from '@babel/generator';
import * as t from '@babel/types';
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
 * Text printed before and after a program's statements: code generated the
 * same way in every module or built from parts printed once per name
 * (src/transform/attributeHelpers.ts, moduleHeader.ts, moduleFooter.ts),
 * reused as text. It maps to no source, and is printed as @babel/generator
 * prints top-level statements: one per line, joined by newlines.
 */
interface Verbatim {
  head: string;
  /** The head's lines (its newlines plus one), from whoever joined it: counting them would flatten the joined text. */
  headLines: number;
  tail: string;
}
const VERBATIM = new WeakMap<t.Program, Verbatim>();

/**
 * Puts `head` and `tail` (top-level statements, already printed) before and
 * after the program's statements; `headLines` is the head's line count
 * (`lineCount(head)`).
 */
export function printAround(program: t.Program, head: string, headLines: number, tail: string): void {
  if (head !== '' || tail !== '') VERBATIM.set(program, { head, headLines, tail });
}

/** A statement printed alone, as it prints at a program's top level. */
export function printStatement(statement: t.Statement): string {
  return generate(statement, OPTIONS, {}).code;
}

/** Statements printed alone, as they print at a program's top level. */
export function printStatements(statements: t.Statement[]): string {
  return statements.length === 0 ? '' : generate(t.program(statements, [], 'module'), OPTIONS, {}).code;
}

/**
 * Runs `print` on the program's statements and puts the verbatim text
 * around them. The head's lines come first in the map too: each adds an
 * empty line (`;`) before the mappings, as the printer leaves the lines of
 * statements without source positions empty (and, as it does, none when
 * there are no mappings at all).
 */
function withVerbatim(program: t.Program, print: (program: t.Program) => { code: string; map: SourceMap }): { code: string; map: SourceMap } {
  const verbatim = VERBATIM.get(program);
  if (verbatim === undefined) return print(program);
  const printed = print(program);
  let code = printed.code;
  let map = printed.map;
  const { head, headLines, tail } = verbatim;
  if (head !== '') {
    code = code === '' ? head : `${head}\n${code}`;
    if (map.mappings !== '') map = { ...map, mappings: `${';'.repeat(headLines)}${map.mappings}` };
  }
  if (tail !== '') code = code === '' ? tail : `${code}\n${tail}`;
  return { code, map };
}

/** The lines of `text`: its newlines plus one (`''` is one line). */
export function lineCount(text: string): number {
  let count = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  return count;
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
