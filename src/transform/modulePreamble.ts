/**
 * The statements a module starts with, after its runtime import and
 * attribute helpers: its ES imports of other modules, the module dunders
 * (`var __name__ = …`), the `var` of its globals and temporaries, and the
 * statement making it an attribute of its package. They map to no source
 * position and come before any code that does, so they are text put
 * before the program's statements (codegen.ts's `printAround`), as
 * @babel/generator prints them there (a twentieth of the nodes it printed
 * over the standard library); `preambleTrees` builds the same statements
 * as trees (moduleFrame.test.ts prints both).
 *
 * The module dunders (src/modules/names.ts) are set as CPython sets them
 * before the body runs: `__name__` and `__file__` in one declaration,
 * `__doc__` and a package's `__path__` in the next, then what the import
 * system adds — `__loader__`, `__spec__` (None in the entry module,
 * `__main__`) and `__package__` (None there too).
 */
import * as t from './build.js';
import { quoted, quotedText } from './quoted.js';

/** An ES import of another module: `import * as local from "specifier"`, or for its effect alone (local null). */
export interface EsImportStatement {
  readonly local: string | null;
  readonly specifier: string;
}

export interface Preamble {
  readonly imports: readonly EsImportStatement[];
  /** The module's dotted name. */
  readonly moduleName: string;
  /** `__file__`. */
  readonly file: string | null;
  /** `__doc__`: the module's docstring. */
  readonly doc: string | null;
  readonly isPackage: boolean;
  /** `__package__` (outside the entry module). */
  readonly package: string;
  /** The module's globals and temporaries, as JS names: declared by one `var`. */
  readonly declared: readonly string[];
  /** `$submodule(pkg, "name", self)`, which registers the module and makes it an attribute of its package (pkg null for none). */
  readonly submodule: Submodule | null;
  /** The local names of the runtime helpers the dunders' values call (TransformContext.rt). */
  readonly helpers: { readonly moduleName: string; readonly moduleLoader: string; readonly moduleSpec: string };
}

/** `helper(pkg, "name", self)`: the helper's local name, the package's and the module's namespace locals, the module's last name. */
export interface Submodule {
  readonly helper: string;
  readonly pkg: string | null;
  readonly name: string;
  readonly self: string;
}

/** The folder `__path__` holds: the file's, `.` for a bare name; null without a file. */
function packageFolder(file: string | null): string | null {
  if (file === null) return null;
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return cut < 0 ? '.' : file.slice(0, cut);
}

/** The preamble as @babel/generator prints `preambleTrees(preamble)` among top-level statements, and its line count. */
export function preambleText(p: Preamble): { text: string; lines: number } {
  let text = '';
  for (const { local, specifier } of p.imports) {
    text += local === null ? `import ${quotedText(specifier)};\n` : `import * as ${local} from ${quotedText(specifier)};\n`;
  }
  const { moduleName, moduleLoader, moduleSpec } = p.helpers;
  const name = quotedText(p.moduleName);
  // Declarators with initialisers one a line, indented after the first.
  text += `var __name__ = ${moduleName}(import.meta.url, ${name}),\n  __file__ = ${p.file === null ? 'null' : quotedText(p.file)};\n`;
  text += `var __doc__ = ${p.doc === null ? 'null' : quotedText(p.doc)}`;
  if (p.isPackage) {
    const folder = packageFolder(p.file);
    text += `,\n  __path__ = [${folder === null ? '' : quotedText(folder)}]`;
  }
  text += `;\nvar __loader__ = ${moduleLoader}(__name__, __file__),\n  __spec__ = ${moduleSpec}(__name__, ${name}, __loader__${p.isPackage ? ', __path__' : ''}),\n`;
  text += `  __package__ = __name__ === "__main__" ? null : ${quotedText(p.package)};`;
  let lines = p.imports.length + 6 + (p.isPackage ? 1 : 0);
  // Declarators without initialisers on one line.
  if (p.declared.length > 0) {
    text += `\nvar ${p.declared.join(', ')};`;
    lines++;
  }
  if (p.submodule !== null) {
    const { helper, pkg, name: last, self } = p.submodule;
    text += `\n${helper}(${pkg ?? 'null'}, ${quotedText(last)}, ${self});`;
    lines++;
  }
  return { text, lines };
}

/** The preamble as trees: what `preambleText` prints. */
export function preambleTrees(p: Preamble): t.Statement[] {
  const id = (name: string): t.Identifier => t.identifier(name);
  const statements: t.Statement[] = p.imports.map(({ local, specifier }) =>
    t.importDeclaration(local === null ? [] : [t.importNamespaceSpecifier(id(local))], quoted(specifier)),
  );
  const { moduleName, moduleLoader, moduleSpec } = p.helpers;
  const importMetaUrl = t.memberExpression(t.metaProperty(id('import'), id('meta')), id('url'));
  statements.push(t.variableDeclaration('var', [
    t.variableDeclarator(id('__name__'), t.callExpression(id(moduleName), [importMetaUrl, quoted(p.moduleName)])),
    t.variableDeclarator(id('__file__'), p.file === null ? t.nullLiteral() : quoted(p.file)),
  ]));
  const documented = [t.variableDeclarator(id('__doc__'), p.doc === null ? t.nullLiteral() : quoted(p.doc))];
  if (p.isPackage) {
    const folder = packageFolder(p.file);
    documented.push(t.variableDeclarator(id('__path__'), t.arrayExpression(folder === null ? [] : [quoted(folder)])));
  }
  statements.push(t.variableDeclaration('var', documented));
  statements.push(t.variableDeclaration('var', [
    t.variableDeclarator(id('__loader__'), t.callExpression(id(moduleLoader), [id('__name__'), id('__file__')])),
    t.variableDeclarator(id('__spec__'), t.callExpression(id(moduleSpec), [
      id('__name__'), quoted(p.moduleName), id('__loader__'), ...(p.isPackage ? [id('__path__')] : []),
    ])),
    t.variableDeclarator(id('__package__'), t.conditionalExpression(
      t.binaryExpression('===', id('__name__'), quoted('__main__')), t.nullLiteral(), quoted(p.package),
    )),
  ]));
  if (p.declared.length > 0) statements.push(t.variableDeclaration('var', p.declared.map((name) => t.variableDeclarator(id(name)))));
  if (p.submodule !== null) {
    const { helper, pkg, name: last, self } = p.submodule;
    statements.push(t.expressionStatement(t.callExpression(id(helper), [pkg === null ? t.nullLiteral() : id(pkg), quoted(last), id(self)])));
  }
  return statements;
}
