/**
 * A module's runtime import: a specifier per runtime export the module
 * uses (a twentieth of the standard library's output nodes). It maps to no
 * source position and comes first, so it is put before the program's
 * statements as text (codegen.ts's `printAround`), joined from specifiers
 * printed by @babel/generator once per name. `runtimeImport` builds the
 * same declarations as trees (the tests print both).
 *
 * Each export is imported as `$$name` and given its local names by one
 * `const` (`const $add = $$add, len = $$len;`): an imported binding is a
 * live binding, which V8's optimizing compiler reads (and checks for its
 * temporal dead zone) at every use, while a module-level `const` holding a
 * function is a constant it calls and inlines without a check. `$$` occurs
 * in no other name the compiler makes.
 */
import * as t from './build.js';
import { quoted } from './quoted.js';
import { printStatement } from '../codegen.js';
import { ProcessCache } from './processCache.js';

/** The runtime exports a module uses: [local name, export name], sorted. */
export type RuntimeImports = readonly (readonly [string, string])[];

/** The binding an export is imported under, which the locals are `const`s of. */
function importedName(name: string): string {
  return `$$${name}`;
}

/** The exports of `imports`, each once (`len` and `$len` may both stand for `len`), in their order there. */
function exportNames(imports: RuntimeImports): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const [, name] of imports) {
    if (!seen.has(name)) {
      seen.add(name);
      names.push(name);
    }
  }
  return names;
}

/** The runtime import as trees: what `runtimeImportText` prints. */
export function runtimeImport(imports: RuntimeImports, runtime: string): t.Statement[] {
  if (imports.length === 0) return [];
  const specifiers = exportNames(imports).map((name) => t.importSpecifier(t.identifier(importedName(name)), t.identifier(name)));
  const locals = imports.map(([local, name]) => t.variableDeclarator(t.identifier(local), t.identifier(importedName(name))));
  return [t.importDeclaration(specifiers, quoted(runtime)), t.variableDeclaration('const', locals)];
}

/** The runtime import as @babel/generator prints `runtimeImport(imports, runtime)`; empty without imports. */
export function runtimeImportText(imports: RuntimeImports, runtime: string): string {
  if (imports.length === 0) return '';
  const names = exportNames(imports);
  const specifiers: string[] = new Array(names.length);
  for (let i = 0; i < names.length; i++) specifiers[i] = printedSpecifier(names[i]!);
  // As the printer puts declarators with initialisers: one a line after the first, indented.
  let locals = '';
  for (let i = 0; i < imports.length; i++) {
    const [local, name] = imports[i]!;
    locals = i === 0 ? `${local} = ${importedName(name)}` : `${locals},\n  ${local} = ${importedName(name)}`;
  }
  return `import { ${specifiers.join(', ')} } from ${printedSource(runtime)};\nconst ${locals};`;
}

/**
 * The lines of `runtimeImportText(imports, runtime)` (codegen.ts's
 * `lineCount`), without reading it: the import on one line, then the
 * `const`'s declarators one a line.
 */
export function runtimeImportLines(imports: RuntimeImports): number {
  return imports.length === 0 ? 1 : 1 + imports.length;
}

/**
 * Per export name, its specifier (imported as `importedName(name)`) as
 * printed; per runtime specifier, the source; bounded for long-lived
 * compilers. Keyed by the export name alone: the local name follows from it,
 * and is not made again for each lookup.
 */
const SPECIFIERS = new ProcessCache<string>();
const SOURCES = new ProcessCache<string>();

function printedSpecifier(name: string): string {
  let text = SPECIFIERS.get(name);
  if (text === undefined) {
    const local = importedName(name);
    const whole = printStatement(t.importDeclaration([t.importSpecifier(t.identifier(local), t.identifier(name))], quoted('x')));
    text = whole.slice('import { '.length, -' } from "x";'.length);
    SPECIFIERS.set(name, text);
  }
  return text;
}

function printedSource(runtime: string): string {
  let text = SOURCES.get(runtime);
  if (text === undefined) {
    const whole = printStatement(t.importDeclaration([t.importSpecifier(t.identifier('x'), t.identifier('x'))], quoted(runtime)));
    text = whole.slice('import { x } from '.length, -';'.length);
    SOURCES.set(runtime, text);
  }
  return text;
}
