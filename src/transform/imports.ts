/**
 * `import` statements. Each .py file is an ES module and each module it
 * imports is an ES import at the top of the compiled file, whose namespace
 * object is the Python module object (`import * as $m$ from "./m.js"`).
 * The statement binds its names where it runs (`m = $m$;`, `x =
 * $importFrom($m$, "x", "m");`), so they are the importer's own variables,
 * rebindable and exported like its other globals. ES modules evaluate their
 * imports before their own body, in order: a module imported anywhere in a
 * file (even in a function) runs before that file's body.
 *
 * Modules are found at compile time (src/modules/resolver.ts); one that
 * does not exist, or a name a module does not define, is an ImportError at
 * compile time, except inside a `try:` whose handlers catch ImportError,
 * where it is raised when the statement runs.
 */
import * as t from './build.js';
import { quoted } from './quoted.js';
import type * as py from '../ast/nodes.js';
import { jsName, type TransformContext } from './context.js';
import { DEF_IMPORT } from '../semantics/scopes.js';
import { PyImportError, type ImportErrorKind } from '../modules/errors.js';
import { moduleNames, starNames, type ModuleResolver, type ResolvedModule, type SourceModule } from '../modules/resolver.js';
import { namespaceLocal, outputPath, packageOf, parentOf, prefixes, relativeSpecifier, resolveImportName } from '../modules/names.js';
import { runtimeModule, runtimeModuleSpecifier } from '../modules/runtimeModules.js';
import { walkModuleLevel } from '../modules/moduleFacts.js';
import { isBuiltinName } from './builtinNames.js';
import { byteColumnToCharOffset, utf16Column, utf8Length } from '../parser/positions.js';
import type { EsImportStatement, Submodule } from './modulePreamble.js';

export interface ImportOptions {
  resolver: ModuleResolver;
  /** The module's dotted name. */
  moduleName: string;
  /** Whether the module is a package's `__init__.py`. */
  isPackage: boolean;
  /** The runtime's specifier (runtime modules are found beside it). */
  runtime: string;
  /** The extension of compiled modules in import specifiers (`.js`). */
  extension: string;
}

interface EsImport {
  readonly specifier: string;
  readonly local: string;
  /** Whether compiled code refers to the namespace (else a bare `import "…"` loads the module). */
  referenced: boolean;
}

interface ImportState extends ImportOptions {
  readonly pkg: string | null;
  readonly outPath: string;
  /** By module name, in the order Python would first import each. */
  readonly esImports: Map<string, EsImport>;
  /** The program's modules this one imports (absolute names). */
  readonly dependencies: Set<string>;
  /** The module's statements, to find the imports a `try:` guards if one fails (`guardedImports`). */
  readonly body: py.stmt[];
  /** Import statements inside a `try:` that catches ImportError; found on the first failed import. */
  guarded: Set<py.stmt> | null;
  /** The names each `from m import *` binds. */
  readonly stars: Map<py.ImportFrom, StarImport>;
}

interface StarImport {
  readonly names: string[];
  /** `__all__` is computed: which of the names exist is decided at run time. */
  readonly open: boolean;
}

const states = new WeakMap<TransformContext, ImportState>();

function state(ctx: TransformContext): ImportState {
  const s = states.get(ctx);
  if (!s) throw new Error('internal: imports compiled outside transformModule');
  return s;
}

/**
 * Before the module's statements are compiled: declares the names each
 * `from m import *` binds as module globals (the symbol table cannot know
 * them). The imports inside `try:` blocks that catch ImportError are found
 * only if an import fails: most modules import what exists.
 */
export function beginImports(ctx: TransformContext, tree: py.Module, options: ImportOptions): void {
  const st: ImportState = {
    ...options,
    pkg: packageOf(options.moduleName, options.isPackage),
    outPath: outputPath(options.moduleName, options.isPackage),
    esImports: new Map(),
    dependencies: new Set(),
    body: tree.body,
    guarded: null,
    stars: new Map(),
  };
  states.set(ctx, st);
  const top = ctx.symbols.top.symbols;
  // A package's submodules become its globals once imported (`import pkg.mod` sets `pkg.mod`):
  // declared here so that the package's namespace has a binding to set. Not those named as
  // builtins, which the package's own code may mean.
  const self = options.isPackage ? options.resolver.find(options.moduleName) : null;
  if (self?.kind === 'source') {
    for (const name of options.resolver.submodules(self)) {
      if (!isBuiltinName(name)) top.set(name, (top.get(name) ?? 0) | DEF_IMPORT);
    }
  }
  walkModuleLevel(tree.body, (s) => {
    if (s.nodeType === 'Import') {
      for (const a of s.names) ctx.importedModules.add(a.asname ?? a.name.split('.')[0]!);
      return;
    }
    if (s.nodeType !== 'ImportFrom' || s.names[0]?.name !== '*') return;
    const star = starImport(s, st);
    if (star === null) return;
    st.stars.set(s, star);
    for (const name of star.names) top.set(name, (top.get(name) ?? 0) | DEF_IMPORT);
  });
}

/**
 * The module's ES imports of other modules, and the statement that
 * registers it by name (for `unittest.mock.patch('pkg.mod.name')`, which
 * finds modules by name) and makes it an attribute of its package
 * (`$submodule($pkg$, "mod", $pkg$mod$)`, so that `import pkg.mod` makes
 * `pkg.mod` reachable), run first: parts of its preamble (modulePreamble.ts).
 */
export function moduleImports(ctx: TransformContext): { imports: EsImportStatement[]; submodule: Submodule | null } {
  const st = state(ctx);
  const parent = parentOf(st.moduleName);
  const pkg = parent === null ? null : st.resolver.find(parent);
  // The parent first: Python runs a package's __init__ before its submodules. Then the module itself.
  const entries = [...st.esImports];
  st.esImports.clear();
  const pkgLocal = pkg?.kind === 'source' ? esImport(st, pkg, true).name : null;
  // Only a module compiled with the program's files (a checking resolver) knows its own file's name to import; not
  // the entry, whose file may be named anything (it registers its globals instead, transform/index.ts).
  const selfLocal = pkgLocal !== null || (st.resolver.checks && st.moduleName !== '__main__') ? selfImport(st) : null;
  for (const [name, entry] of entries) if (!st.esImports.has(name)) st.esImports.set(name, entry);
  const last = parent === null ? st.moduleName : st.moduleName.slice(parent.length + 1);
  const submodule = selfLocal === null ? null : { helper: ctx.rt('submodule').name, pkg: pkgLocal, name: last, self: selfLocal };
  const imports: EsImportStatement[] = [...st.esImports.values()].map((e) => ({ local: e.referenced ? e.local : null, specifier: e.specifier }));
  return { imports, submodule };
}

/** The module's ES import of itself (its own namespace, the Python module object). */
function selfImport(st: ImportState): string {
  let entry = st.esImports.get(st.moduleName);
  if (entry === undefined) {
    entry = { specifier: relativeSpecifier(st.outPath, st.outPath, st.extension), local: namespaceLocal(st.moduleName), referenced: true };
    st.esImports.set(st.moduleName, entry);
  }
  entry.referenced = true;
  return entry.local;
}

/** The program's modules this one imports, for compiling the whole program. */
export function moduleDependencies(ctx: TransformContext): string[] {
  return [...state(ctx).dependencies];
}

export function Import(node: py.Import, ctx: TransformContext): t.Statement[] {
  const st = state(ctx);
  const out: t.Statement[] = [];
  for (const alias of node.names) {
    let module: ResolvedModule;
    let first: ResolvedModule;
    try {
      [first, module] = findChain(st, alias.name, alias, ctx);
    } catch (error) {
      out.push(...raiseIfGuarded(error, node, st, ctx));
      return out;
    }
    const bound = alias.asname ?? alias.name.split('.')[0]!;
    // `import a.b.c` binds `a`; `import a.b.c as m` binds the submodule itself.
    const value = alias.asname ? module : first;
    const ns = esImport(st, value, true);
    out.push(bind(bound, value.kind === 'runtime' && value.specifier !== undefined ? jsHelper(st, '$jsModule', [ns]) : ns, alias, ctx));
  }
  return out;
}

export function ImportFrom(node: py.ImportFrom, ctx: TransformContext): t.Statement[] {
  if (node.module === '__future__') return [];
  const st = state(ctx);
  const out: t.Statement[] = [];
  try {
    const name = resolveImportName(node.module, node.level ?? 0, st.pkg);
    if (typeof name !== 'string') throw importError('ImportError', name.error, node, ctx);
    const [, module] = findChain(st, name, moduleSpan(node, ctx), ctx);
    if (node.names[0]?.name === '*') return starStatements(node, module, st, ctx);
    for (const alias of node.names) {
      out.push(bind(alias.asname ?? alias.name, importedValue(module, alias, st, ctx), alias, ctx));
    }
    return out;
  } catch (error) {
    return [...out, ...raiseIfGuarded(error, node, st, ctx)];
  }
}

/** The value `from module import alias.name` binds. */
function importedValue(module: ResolvedModule, alias: py.alias, st: ImportState, ctx: TransformContext): t.Expression {
  const name = alias.name;
  if (module.kind === 'runtime') {
    if (module.specifier !== undefined) {
      return jsHelper(st, '$jsImportFrom', [esImport(st, module, true), quoted(name), quoted(module.name)]);
    }
    if (module.names.includes(name)) return t.memberExpression(esImport(st, module, true), t.identifier(name));
    // `from unittest import mock`: a submodule the package does not import itself.
    const sub = runtimeModule(`${module.name}.${name}`) !== undefined ? st.resolver.find(`${module.name}.${name}`) : null;
    if (sub?.kind === 'runtime') return esImport(st, sub, true);
    // `from js import fetch`: a name only the run time knows.
    if (!module.open) throw cannotImport(name, module, alias, ctx);
    return t.callExpression(ctx.rt('importFrom'), [esImport(st, module, true), quoted(name), quoted(module.name)]);
  }
  if (module.isPackage) {
    const sub = submoduleFor(module, name, st);
    if (sub !== null) {
      // Its parent is already imported: findChain(module) ran.
      return esImport(st, sub, true);
    }
  }
  if (st.resolver.checks) {
    const defined = moduleNames(st.resolver, module);
    if (!defined.open && !defined.names.has(name)) throw cannotImport(name, module, alias, ctx);
  }
  return t.callExpression(ctx.rt('importFrom'), [esImport(st, module, true), quoted(name), quoted(module.name)]);
}

/**
 * The submodule `from pkg import name` imports, or null when `name` is an
 * attribute of the package. As in CPython, an attribute the package's
 * `__init__` binds wins; a name it binds only with `from . import name` is
 * that submodule.
 */
function submoduleFor(pkg: SourceModule, name: string, st: ImportState): ResolvedModule | null {
  const facts = st.resolver.checks ? st.resolver.facts(pkg) : null;
  if (facts !== null && facts.globals.has(name) && !facts.submoduleImports.has(name)) return null;
  if (!st.resolver.checks) return null;
  const sub = st.resolver.find(`${pkg.name}.${name}`);
  return sub?.kind === 'source' ? sub : null;
}

function starImport(node: py.ImportFrom, st: ImportState): StarImport | null {
  const name = resolveImportName(node.module, node.level ?? 0, st.pkg);
  if (typeof name !== 'string') return null;
  const module = st.resolver.find(name);
  if (module === null) return null;
  const names = starNames(st.resolver, module);
  return { names: [...names.names], open: names.open };
}

/** `from m import *`: `({ a, b } = $m$);`, names of submodules imported on their own. */
function starStatements(node: py.ImportFrom, module: ResolvedModule, st: ImportState, ctx: TransformContext): t.Statement[] {
  const star = st.stars.get(node) ?? { names: [], open: false };
  const ns = esImport(st, module, true);
  const properties: t.ObjectProperty[] = [];
  const out: t.Statement[] = [];
  for (const name of star.names) {
    const sub = module.kind === 'source' && module.isPackage ? submoduleFor(module, name, st) : null;
    if (sub !== null) {
      out.push(bind(name, esImport(st, sub, true), node, ctx));
    } else if (star.open) {
      // `__all__` computed at run time: bind what it lists.
      const test = t.callExpression(ctx.rt('inAll'), [ns, quoted(name)]);
      out.push(t.ifStatement(test, bind(name, t.memberExpression(ns, quoted(name), true), node, ctx)));
    } else {
      properties.push(t.objectProperty(quoted(name), t.identifier(jsName(name))));
    }
  }
  if (properties.length > 0) {
    for (const p of properties) {
      const key = (p.key as t.StringLiteral).value;
      if (t.isValidIdentifier(key)) {
        p.key = t.identifier(key);
        p.shorthand = key === (p.value as t.Identifier).name;
      }
    }
    out.unshift(t.expressionStatement(t.assignmentExpression('=', t.objectPattern(properties), ns)));
  }
  return out;
}

/**
 * Resolves `a.b.c`, registering the ES import of each of `a`, `a.b`,
 * `a.b.c` in that order (Python imports a package before its submodules);
 * returns the first and the last.
 */
function findChain(st: ImportState, name: string, at: py.Located, ctx: TransformContext): [ResolvedModule, ResolvedModule] {
  let first: ResolvedModule | null = null;
  let parent: ResolvedModule | null = null;
  for (const prefix of prefixes(name)) {
    const module = st.resolver.find(prefix);
    const notPackage = parent !== null && (parent.kind === 'runtime' ? module?.kind !== 'runtime' && !(module === null && runtimeModule(parent.name)?.package === true) : !parent.isPackage);
    if (module === null || (notPackage && st.resolver.checks)) {
      const why = notPackage ? `; '${parent!.name}' is not a package` : '';
      throw importError('ModuleNotFoundError', `No module named '${prefix}'${why}`, at, ctx, prefix);
    }
    esImport(st, module, false);
    first ??= module;
    parent = module;
  }
  return [first!, parent!];
}

/** The namespace identifier of a module's ES import, registering it on first use. */
function esImport(st: ImportState, module: ResolvedModule, referenced: boolean): t.Identifier {
  let entry = st.esImports.get(module.name);
  if (entry === undefined) {
    const specifier = module.kind === 'runtime'
      ? module.specifier ?? runtimeModuleSpecifier(st.runtime, module.name)
      : relativeSpecifier(st.outPath, outputPath(module.name, module.isPackage), st.extension);
    entry = { specifier, local: namespaceLocal(module.name), referenced };
    st.esImports.set(module.name, entry);
    if (module.kind === 'source' && module.name !== st.moduleName) st.dependencies.add(module.name);
  }
  if (referenced) entry.referenced = true;
  return t.identifier(entry.local);
}

/** A call of the `js` runtime module's helper for ES modules imported by specifier (src/modules/jsModules.ts). */
function jsHelper(st: ImportState, helper: string, args: t.Expression[]): t.Expression {
  const js = runtimeModule('js')!;
  const ns = esImport(st, { kind: 'runtime', name: 'js', names: js.names, open: true }, true);
  return t.callExpression(t.memberExpression(ns, t.identifier(helper)), args);
}

function bind(name: string, value: t.Expression, at: py.Located, ctx: TransformContext): t.Statement {
  return ctx.at(at, t.expressionStatement(t.assignmentExpression('=', ctx.variable(name), value)));
}

function cannotImport(name: string, module: ResolvedModule, at: py.Located, ctx: TransformContext): PyImportError {
  const where = module.kind === 'source' && module.path !== null ? module.path : 'unknown location';
  return importError('ImportError', `cannot import name '${name}' from '${module.name}' (${where})`, at, ctx, module.name);
}

function importError(kind: ImportErrorKind, msg: string, at: py.Located, ctx: TransformContext, moduleName: string | null = null): PyImportError {
  const text = sourceLine(ctx, at.lineno);
  const endLine = at.end_lineno ?? at.lineno;
  const endText = endLine === at.lineno ? text : sourceLine(ctx, endLine);
  const start = byteColumnToCharOffset(text ?? '', at.col_offset) + 1;
  const end = byteColumnToCharOffset(endText ?? '', at.end_col_offset ?? at.col_offset) + 1;
  const error = new PyImportError(kind, msg, ctx.filename, at.lineno, start, text, endLine, end);
  error.moduleName = moduleName;
  return error;
}

/** Line `lineno` ending in `\n` whatever break it was written with (or none). */
function sourceLine(ctx: TransformContext, lineno: number): string | null {
  const line = ctx.lines.line(lineno);
  if (line === null) return null;
  let end = line.length;
  if (end > 0 && line.charCodeAt(end - 1) === 10) end--;
  if (end > 0 && line.charCodeAt(end - 1) === 13) end--;
  return (end === line.length ? line : line.slice(0, end)) + '\n';
}

/** The position of the module name in `from <dots>module import …` (CPython's AST has none). */
function moduleSpan(node: py.ImportFrom, ctx: TransformContext): py.Located {
  const line = sourceLine(ctx, node.lineno) ?? '';
  const from = utf16Column(line, node.col_offset);
  const written = '.'.repeat(node.level ?? 0) + (node.module ?? '');
  const span = NON_ASCII.test(written) ? writtenSpanByPattern(line, from, written) : writtenSpan(line, from, written);
  if (span === null) return node;
  const [start, end] = span;
  // Columns are UTF-8 bytes, as in CPython's AST.
  const byteStart = utf8Length(line, 0, start);
  return { lineno: node.lineno, col_offset: byteStart, end_lineno: node.lineno, end_col_offset: byteStart + utf8Length(line, start, end) };
}

const NON_ASCII = /[^\x00-\x7f]/;

/** What `\s` matches in a JS regular expression. */
function isSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028
    || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Where the ASCII name `written` (dots and identifier characters) stands after
 * `from` at `from` in `line`, spaces allowed around each dot: [start, end),
 * or null.
 */
function writtenSpan(line: string, from: number, written: string): [number, number] | null {
  if (!line.startsWith('from', from)) return null;
  let i = from + 4;
  while (i < line.length && isSpace(line.charCodeAt(i))) i++;
  const start = i;
  for (let k = 0; k < written.length; k++) {
    const c = written.charCodeAt(k);
    if (c === 46) {
      while (i < line.length && isSpace(line.charCodeAt(i))) i++;
      if (line.charCodeAt(i) !== 46) return null;
      i++;
      while (i < line.length && isSpace(line.charCodeAt(i))) i++;
    } else {
      if (line.charCodeAt(i) !== c) return null;
      i++;
    }
  }
  return [start, i];
}

/** writtenSpan for a name with non-ASCII characters. */
function writtenSpanByPattern(line: string, from: number, written: string): [number, number] | null {
  const pattern = written.split('').map((c) => (c === '.' ? '\\s*\\.\\s*' : c.replace(/[^\p{L}\p{N}_]/gu, ''))).join('');
  const match = new RegExp(`^from\\s*(${pattern})`, 'u').exec(line.slice(from));
  if (match === null) return null;
  const start = from + match[0].length - match[1]!.length;
  return [start, start + match[1]!.length];
}

/**
 * Inside a `try:` that catches ImportError the error is raised when the
 * statement runs, as CPython would; anywhere else it stops the compilation.
 */
function raiseIfGuarded(error: unknown, node: py.stmt, st: ImportState, ctx: TransformContext): t.Statement[] {
  if (!(error instanceof PyImportError) || !guardedImports(st).has(node)) throw error;
  return [t.throwStatement(importErrorValue(error, ctx))];
}

/** The exception a guarded import raises when it runs: with its `name` (the module) where CPython gives one. */
function importErrorValue(error: PyImportError, ctx: TransformContext): t.Expression {
  if (error.moduleName === null) return t.newExpression(ctx.rt(error.pythonKind), [quoted(error.msg)]);
  return t.callExpression(ctx.rt('importErrorNamed'), [ctx.rt(error.pythonKind), quoted(error.msg), quoted(error.moduleName)]);
}

const CATCHES_IMPORT_ERROR = new Set(['ImportError', 'ModuleNotFoundError', 'Exception', 'BaseException']);

function catchesImportError(h: py.excepthandler): boolean {
  const type = (h as py.ExceptHandler).type;
  if (type === null) return true;
  const names = type.nodeType === 'Tuple' ? type.elts : [type];
  return names.some((n) => n.nodeType === 'Name' && CATCHES_IMPORT_ERROR.has(n.id));
}

function guardedImports(st: ImportState): Set<py.stmt> {
  if (st.guarded === null) findGuarded(st.body, false, (st.guarded = new Set()));
  return st.guarded;
}

function findGuarded(body: readonly py.stmt[], guarded: boolean, out: Set<py.stmt>): void {
  for (const s of body) {
    switch (s.nodeType) {
      case 'Import':
      case 'ImportFrom':
        if (guarded) out.add(s);
        break;
      case 'FunctionDef':
      case 'AsyncFunctionDef':
      case 'ClassDef':
        // A body that runs later is not guarded by the try around its definition.
        findGuarded(s.body, false, out);
        break;
      case 'Try':
      case 'TryStar':
        findGuarded(s.body, guarded || s.handlers.some(catchesImportError), out);
        for (const h of s.handlers) findGuarded((h as py.ExceptHandler).body, guarded, out);
        findGuarded(s.orelse, guarded, out);
        findGuarded(s.finalbody, guarded, out);
        break;
      case 'If':
      case 'For':
      case 'AsyncFor':
      case 'While':
        findGuarded(s.body, guarded, out);
        findGuarded(s.orelse, guarded, out);
        break;
      case 'With':
      case 'AsyncWith':
        findGuarded(s.body, guarded, out);
        break;
      case 'Match':
        for (const c of s.cases) findGuarded(c.body, guarded, out);
        break;
    }
  }
}

const IMPORT_PARAMETERS = ['name', 'globals', 'locals', 'fromlist', 'level'] as const;

/**
 * `__import__(name, globals=None, locals=None, fromlist=(), level=0)` with
 * `name` a string literal: the module is found at compile time and imported
 * as `import name` imports it, and the call gives what CPython's gives — the
 * top-level package, or with a non-empty fromlist the named module itself
 * (after importing the submodules the fromlist names). ES imports are
 * static, so a name known only at run time, or a relative import, is a
 * compile-time error. A module that does not exist raises
 * ModuleNotFoundError when the call runs, as in CPython.
 */
export function importCall(node: py.Call, ctx: TransformContext, expression: (e: py.expr, ctx: TransformContext) => t.Expression): t.Expression {
  const st = state(ctx);
  const given = new Map<string, py.expr>();
  if (node.args.length > IMPORT_PARAMETERS.length) ctx.unsupported(`'__import__' with more than ${IMPORT_PARAMETERS.length} arguments`, node);
  node.args.forEach((a, i) => {
    if (a.nodeType === 'Starred') ctx.unsupported(`'__import__' with *arguments`, a);
    given.set(IMPORT_PARAMETERS[i]!, a);
  });
  for (const k of node.keywords) {
    if (k.arg === null || !(IMPORT_PARAMETERS as readonly string[]).includes(k.arg) || given.has(k.arg)) {
      ctx.unsupported(`'__import__' with ${k.arg === null ? '**arguments' : `the argument '${k.arg}' here`}`, k);
    }
    given.set(k.arg, k.value);
  }
  const name = given.get('name');
  if (name?.nodeType !== 'Constant' || typeof name.value !== 'string' || name.value === '') {
    return ctx.unsupported(`'__import__' of a module named at run time`, name ?? node);
  }
  const level = given.get('level');
  if (level !== undefined && !(level.nodeType === 'Constant' && (level.value === 0n || level.value === 0))) ctx.unsupported(`'__import__' with a level other than 0`, level);
  // The arguments are evaluated before the import, in the order written.
  const effects: t.Expression[] = [];
  let fromlistValue: t.Expression | null = null;
  for (const a of [...node.args, ...node.keywords.map((k) => k.value)]) {
    const compiled = expression(a as py.expr, ctx);
    if (a === given.get('fromlist')) fromlistValue = compiled;
    else if (a !== name && a !== level) effects.push(compiled);
  }
  const fromlist = given.get('fromlist');
  let result: t.Expression;
  try {
    const [first, module] = findChain(st, name.value, name, ctx);
    const value = (m: ResolvedModule): t.Expression => {
      const ns = esImport(st, m, true);
      return m.kind === 'runtime' && m.specifier !== undefined ? jsHelper(st, '$jsModule', [ns]) : ns;
    };
    if (fromlist === undefined) {
      result = value(first);
    } else {
      const literal = fromlist.nodeType === 'List' || fromlist.nodeType === 'Tuple' ? fromlist.elts : null;
      // The submodules a package's fromlist names are imported too (`__import__('pkg', fromlist=['sub'])`).
      if (module.kind === 'source' && module.isPackage) {
        for (const e of literal ?? []) {
          if (e.nodeType !== 'Constant' || typeof e.value !== 'string') continue;
          const sub = submoduleFor(module, e.value, st);
          if (sub !== null) esImport(st, sub, true);
        }
      }
      if (first === module) {
        effects.push(fromlistValue!);
        result = value(module);
      } else if (literal !== null && !literal.some((e) => e.nodeType === 'Starred')) {
        effects.push(fromlistValue!);
        result = value(literal.length > 0 ? module : first);
      } else {
        result = t.conditionalExpression(t.callExpression(ctx.rt('truthy'), [fromlistValue!]), value(module), value(first));
      }
    }
  } catch (error) {
    if (!(error instanceof PyImportError)) throw error;
    const raise = t.throwStatement(importErrorValue(error, ctx));
    result = t.callExpression(t.arrowFunctionExpression([], t.blockStatement([raise])), []);
  }
  return effects.length === 0 ? result : t.sequenceExpression([...effects, result]);
}
