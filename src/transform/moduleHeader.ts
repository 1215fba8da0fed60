/**
 * A module's runtime import: a specifier per runtime export the module
 * uses (a twentieth of the standard library's output nodes). It maps to no
 * source position and comes first, so it is put before the program's
 * statements as text (codegen.ts's `printAround`), joined from specifiers
 * printed by @babel/generator once per name. `runtimeImport` builds the
 * same declaration as a tree (the tests print both).
 */
import * as t from './build.js';
import { quoted } from './quoted.js';
import { printStatement } from '../codegen.js';

/** The runtime exports a module uses: [local name, export name], sorted. */
export type RuntimeImports = readonly (readonly [string, string])[];

/** The runtime import as a tree: what `runtimeImportText` prints. */
export function runtimeImport(imports: RuntimeImports, runtime: string): t.Statement {
  return t.importDeclaration(imports.map(([local, name]) => t.importSpecifier(t.identifier(local), t.identifier(name))), quoted(runtime));
}

/** The runtime import as @babel/generator prints `runtimeImport(imports, runtime)`; empty without imports. */
export function runtimeImportText(imports: RuntimeImports, runtime: string): string {
  if (imports.length === 0) return '';
  const specifiers: string[] = new Array(imports.length);
  for (let i = 0; i < imports.length; i++) specifiers[i] = printedSpecifier(imports[i]![0], imports[i]![1]);
  return `import { ${specifiers.join(', ')} } from ${printedSource(runtime)};`;
}

/** Per local name and export name, the specifier as printed; per runtime specifier, the source; bounded for long-lived compilers. */
const SPECIFIERS = new Map<string, Map<string, string>>();
const SOURCES = new Map<string, string>();
const LIMIT = 50_000;
let specifierCount = 0;

function printedSpecifier(local: string, name: string): string {
  let byName = SPECIFIERS.get(local);
  let text = byName?.get(name);
  if (text === undefined) {
    if (specifierCount >= LIMIT) {
      SPECIFIERS.clear();
      specifierCount = 0;
      byName = undefined;
    }
    const whole = printStatement(runtimeImport([[local, name]], 'x'));
    text = whole.slice('import { '.length, -' } from "x";'.length);
    if (byName === undefined) SPECIFIERS.set(local, (byName = new Map()));
    byName.set(name, text);
    specifierCount++;
  }
  return text;
}

function printedSource(runtime: string): string {
  let text = SOURCES.get(runtime);
  if (text === undefined) {
    if (SOURCES.size >= LIMIT) SOURCES.clear();
    const whole = printStatement(runtimeImport([['x', 'x']], runtime));
    text = whole.slice('import { x } from '.length, -';'.length);
    SOURCES.set(runtime, text);
  }
  return text;
}
