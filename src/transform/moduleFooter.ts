/**
 * A module's footer: `$module$setattr` (how other modules assign its
 * globals) and the export list. Both only list the module's global names,
 * map to no source, and a tenth of the standard library's output nodes went
 * to them; so each name's part (its `case` and its export specifier) is
 * printed by @babel/generator once per process and the footer is joined
 * from those texts, exactly as the printer prints the whole declarations
 * (`footerDeclarations` builds them, for the printer and for the tests).
 */
import * as t from './build.js';
import { quoted } from './quoted.js';
import { jsName } from './context.js';
import { printStatement } from '../codegen.js';
import { ProcessCache } from './processCache.js';
import { isPlainName } from './attributeHelpers.js';

/** The footer's declarations as a tree: what `footerText` prints. */
export function footerDeclarations(globals: readonly string[], exports: readonly string[]): t.Statement[] {
  return [...(globals.length > 0 ? [setattrFunction(globals)] : []), exportList(exports)];
}

/**
 * The footer as @babel/generator prints `footerDeclarations(globals,
 * exports)` among a program's top-level statements.
 */
export function footerText(globals: readonly string[], exports: readonly string[]): string {
  let text = '';
  if (globals.length > 0) {
    const cases: string[] = new Array(globals.length);
    for (let i = 0; i < globals.length; i++) cases[i] = printedCase(globals[i]!);
    text = `${SETATTR_HEAD}${cases.join('\n')}${SETATTR_TAIL}\n`;
  }
  const specifiers: string[] = new Array(exports.length);
  for (let i = 0; i < exports.length; i++) specifiers[i] = printedSpecifier(exports[i]!);
  return `${text}export { ${specifiers.join(', ')} };`;
}

/**
 * `$module$setattr(name, value)`: how Python code elsewhere assigns this module's
 * globals (`config.debug = True`, `import pkg.mod` setting `pkg.mod`): an
 * ES namespace object cannot be assigned to, but the module's own code can.
 * A hoisted function, so that it works before the module's body has run.
 */
function setattrFunction(names: readonly string[]): t.Statement {
  // `$`-names: the module's own globals may be called `name` or `value`. The function's name has a
  // `$` inside, which neither runtime helpers (`$setattr`) nor module namespaces (`$pkg$mod$`) have.
  const name = t.identifier('$name');
  const value = t.identifier('$value');
  const cases = names.map((n) => t.switchCase(quoted(n), [
    t.returnStatement(t.sequenceExpression([t.assignmentExpression('=', t.identifier(jsName(n)), value), t.booleanLiteral(true)])),
  ]));
  const body = t.blockStatement([t.switchStatement(name, cases), t.returnStatement(t.booleanLiteral(false))]);
  const fn = t.functionDeclaration(t.identifier('$module$setattr'), [name, value], body);
  const declaration = t.exportNamedDeclaration(fn, []);
  t.addComment(declaration, 'leading', ' Assignments to this module\'s globals from other modules (`module.name = value`).', true);
  return declaration;
}

function exportList(names: readonly string[]): t.Statement {
  return t.exportNamedDeclaration(null, names.map((name) => t.exportSpecifier(t.identifier(jsName(name)), t.identifier(name))));
}

/** A one-name setattr function printed, cut around its `case`: the text before and after it. */
const [SETATTR_HEAD, SETATTR_TAIL] = ((): [string, string] => {
  const text = printStatement(setattrFunction(['x']));
  const start = text.indexOf('    case ');
  const end = text.indexOf('\n  }\n', start);
  return [text.slice(0, start), text.slice(end)];
})();

/** Per name, its printed `case` (with its indentation) and export specifier; bounded for long-lived compilers. */
const CASES = new ProcessCache<string>();
const SPECIFIERS = new ProcessCache<string>();

/**
 * Whether `name` prints as itself both as a JS name and in a string literal:
 * then its case is the one-name function's with the name put in, and its
 * specifier the name alone, as the printer gives them.
 */
function printsAsItself(name: string): boolean {
  return isPlainName(name) && jsName(name) === name;
}

/** A name no printed case contains otherwise, standing for the global's. */
const NAME = 'pyasync$name';

/** The `case` of a one-name function, cut where the name goes. */
const CASE_PARTS = ((): string[] => {
  const whole = printStatement(setattrFunction([NAME]));
  return whole.slice(SETATTR_HEAD.length, whole.length - SETATTR_TAIL.length).split(NAME);
})();

function printedCase(name: string): string {
  let text = CASES.get(name);
  if (text === undefined) {
    if (printsAsItself(name)) {
      text = CASE_PARTS.join(name);
    } else {
      const whole = printStatement(setattrFunction([name]));
      text = whole.slice(SETATTR_HEAD.length, whole.length - SETATTR_TAIL.length);
    }
    CASES.set(name, text);
  }
  return text;
}

function printedSpecifier(name: string): string {
  let text = SPECIFIERS.get(name);
  if (text === undefined) {
    if (printsAsItself(name)) {
      text = name;
    } else {
      const whole = printStatement(exportList([name]));
      text = whole.slice('export { '.length, -' };'.length);
    }
    SPECIFIERS.set(name, text);
  }
  return text;
}
