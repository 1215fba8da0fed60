/**
 * State shared by the transform's handlers: the runtime names a module
 * imports, temporaries, source positions for the source map, and the
 * symbol table of the scope being compiled.
 */
import * as t from './build.js';
import type { AST, Located, stmt } from '../ast/nodes.js';
import { DEF_BOUND, DEF_GLOBAL, DEF_IMPORT, DEF_LOCAL, DEF_NONLOCAL, DEF_PARAM, mangle, type Scope, type SymbolTable } from '../semantics/scopes.js';
import { PySyntaxError } from '../diagnostics.js';
import { LineIndex } from '../lineIndex.js';
import { forNamesBoundBy, type BindingFrame } from './bindings.js';
import type { BlockingInfo } from './async.js';
import { AttributeHelpers } from './attributeHelpers.js';
import { earlyGlobals } from './earlyGlobals.js';

/** Names JS reserves (or gives meaning to) that Python allows as identifiers. */
const JS_RESERVED = new Set([
  'arguments', 'await', 'case', 'catch', 'const', 'debugger', 'default', 'delete', 'do', 'enum', 'eval', 'export',
  'extends', 'function', 'implements', 'instanceof', 'interface', 'let', 'new', 'package', 'private', 'protected',
  'public', 'static', 'super', 'switch', 'this', 'throw', 'typeof', 'var', 'void', 'yield', 'undefined', 'NaN',
  'Infinity', 'Object', 'Array', 'Symbol', 'Promise', 'Error', 'Math', 'JSON', 'globalThis',
  // Globals compiled code itself uses (bytes and str literals), which `from js import String` would shadow.
  'String', 'Uint8Array',
]);

/**
 * The JS name of a Python identifier: itself, or with a `$` appended when JS
 * reserves it. Python identifiers never contain `$`, so runtime helpers
 * (`$add`) and temporaries (`$1`) cannot clash with them.
 */
export function jsName(name: string): string {
  return JS_RESERVED.has(name) ? name + '$' : name;
}

export class CompileError extends PySyntaxError {}

/** The module-level object whose accessors reach module variables that locals hide (TransformContext.hiddenGlobal). */
export const MODULE_VARS = '$module$vars';

/**
 * JS that unbinds a variable (`del x`, the end of `except* … as x`): a class
 * namespace's entry is deleted, a variable (or a hidden global's accessor) set to undefined.
 */
export function unbindVariable(target: t.Identifier | t.MemberExpression): t.Expression {
  if (target.type === 'Identifier' || (target.object.type === 'Identifier' && target.object.name === MODULE_VARS)) {
    return t.assignmentExpression('=', target, t.identifier('undefined'));
  }
  return t.unaryExpression('delete', target);
}

/** Runtime export → its local name (`add` → `$add`), made once per process rather than once per use. */
const RUNTIME_LOCALS = new Map<string, string>();

const IDENTIFIER_CHAR = /[\p{L}\p{N}_\p{Mn}\p{Mc}\p{Pc}]/u;

/** The column of `name` as a whole identifier in `line`, from `from`; -1 when it is not there. */
function findIdentifier(line: string, name: string, from: number): number {
  for (let i = line.indexOf(name, from); i >= 0; i = line.indexOf(name, i + 1)) {
    const before = i > 0 ? line[i - 1]! : '';
    const after = line[i + name.length] ?? '';
    if ((before === '' || !IDENTIFIER_CHAR.test(before)) && (after === '' || !IDENTIFIER_CHAR.test(after))) return i;
  }
  return -1;
}

export class TransformContext {
  /** Runtime exports used: local name → exported name (one export may be imported under two names). */
  readonly runtimeImports = new Map<string, string>();
  /** The module's attribute helpers (`$get$x`…), specialised per attribute name. */
  readonly attributes: AttributeHelpers = new AttributeHelpers(this);
  private temps = 0;
  loopLabels = 0;
  /** Whether the module calls `globals()`: it then defines `$module$globals` (globalsCall.ts). */
  usesGlobals = false;
  /**
   * Whether the module registers its globals under its name (an annotation
   * kept as text, which typing.get_type_hints evaluates there, or a use of
   * enum.global_enum, which adds the members to them).
   */
  registersGlobals = false;
  /** async.ts's facts about blocking calls (asyncio.run and the functions calling it), made on first use. */
  blocking: BlockingInfo | null = null;
  /** Per enclosing loop: the label a `break` must leave when the loop has an `else:`. */
  readonly breakLabels: (t.Identifier | null)[] = [];
  /** The variables holding the exceptions being handled: a bare `raise` re-raises the innermost. */
  readonly handledExceptions: t.Identifier[] = [];
  /** Per `except` block being compiled, innermost last: the function (or module) it is in. */
  private readonly handlerUnits: (AST | null)[] = [];
  /** Temporaries each function (or the module) declares, innermost last. */
  private readonly tempFrames: t.Identifier[][] = [[]];
  /** The symbol-table scopes enclosing the code being compiled, innermost last. */
  private readonly scopes: Scope[];
  /** Qualified-name prefixes (`C.`, `f.<locals>.`), innermost last. */
  private readonly qualPrefixes: string[] = [''];
  /** The classes whose bodies enclose the code (for private-name mangling), innermost last. */
  private readonly classNames: string[] = [];
  /** Per class body being compiled: the identifier of its namespace object. */
  private readonly namespaces: t.Identifier[] = [];
  /** The binding state of the function and module bodies being compiled, innermost last. */
  private readonly bindingFrames: BindingFrame[] = [];
  /** The globals functions read unchecked (earlyGlobals.ts), found when first needed. */
  private early: Set<string> | null = null;
  /** Per enclosing function: its first parameter (what `super()` binds to), innermost last. */
  private readonly firstArgs: (string | null)[] = [];
  /** The source's lines, for positions and error messages. */
  readonly lines: LineIndex;
  /** The module being compiled, for facts about the whole module computed on demand (floatPaths.ts). */
  module: AST | null = null;
  /** Module-level names an `import mod` statement binds (imports.ts): `mod.f(a)` on them uses a module-call helper. */
  readonly importedModules = new Set<string>();

  constructor(
    readonly filename: string,
    readonly source: string,
    readonly symbols: SymbolTable,
  ) {
    this.scopes = [symbols.top];
    this.lines = new LineIndex(source);
  }

  get scope(): Scope {
    return this.scopes[this.scopes.length - 1]!;
  }

  /** Whether the code being compiled is inside a function, lambda or comprehension (CPython's `ste_nested` for what it defines). */
  inFunctionScope(): boolean {
    for (const s of this.scopes) if (s.kind === 'function') return true;
    return false;
  }

  /** Innermost scope first. */
  scopeChain(): Scope[] {
    return [...this.scopes].reverse();
  }

  /** Compiles `body` inside the scope `node` opens; returns what it built and the temporaries it used. */
  inScope<T>(node: AST, body: () => T): { result: T; temps: t.Identifier[] } {
    const scope = this.symbols.scopes.get(node);
    if (!scope) throw new Error('internal: no scope for ' + node.nodeType);
    this.scopes.push(scope);
    this.scopeNodes.push(node);
    this.tempFrames.push([]);
    try {
      const result = body();
      return { result, temps: this.tempFrames[this.tempFrames.length - 1]! };
    } finally {
      this.scopes.pop();
      this.scopeNodes.pop();
      this.tempFrames.pop();
    }
  }

  /** Compiles an `except` block's body, whose exception `caught` holds (`raise` re-raises it, `await` sets it again). */
  inHandler<T>(caught: t.Identifier, body: () => T): T {
    this.handledExceptions.push(caught);
    this.handlerUnits.push(this.codeUnit());
    try {
      return body();
    } finally {
      this.handledExceptions.pop();
      this.handlerUnits.pop();
    }
  }

  /** The variable holding the exception of the innermost `except` block around the code in its own function, if any. */
  handlerAround(): t.Identifier | null {
    const n = this.handlerUnits.length;
    return n > 0 && this.handlerUnits[n - 1] === this.codeUnit() ? this.handledExceptions[n - 1]! : null;
  }

  /** The nodes opening `scopes` past the module's, innermost last. */
  private readonly scopeNodes: AST[] = [];

  /** The function being compiled (a comprehension's enclosing one), or the module, or null when unknown. */
  codeUnit(): AST | null {
    for (let i = this.scopeNodes.length - 1; i >= 0; i--) {
      const scope = this.scopes[i + 1]!;
      if (scope.kind === 'function' && scope.comprehension === null) return this.scopeNodes[i]!;
    }
    return this.module;
  }

  /** The qualified name of a function or class named `name` defined here. */
  qualname(name: string): string {
    // A name the enclosing function or class declares `global` gets no prefix (CPython's compiler_set_qualname).
    const scope = this.scope;
    if (scope.kind !== 'module' && scope.flags(this.mangle(name)) & DEF_GLOBAL) return name;
    return this.qualPrefixes[this.qualPrefixes.length - 1] + name;
  }

  /** Compiles a function body: its scope, its qualified name's prefix for what it defines, its first parameter. */
  inFunction<T>(node: AST, qualname: string, firstArg: string | null, body: () => T): { result: T; temps: t.Identifier[] } {
    this.qualPrefixes.push(qualname + '.<locals>.');
    this.firstArgs.push(firstArg);
    try {
      return this.inScope(node, body);
    } finally {
      this.qualPrefixes.pop();
      this.firstArgs.pop();
    }
  }

  /** Compiles a comprehension or generator expression: its scope, and `<listcomp>.` in what it defines' qualified names. */
  inComprehension<T>(node: AST, qualname: string, body: () => T): { result: T; temps: t.Identifier[] } {
    this.qualPrefixes.push(qualname + '.');
    try {
      return this.inScope(node, body);
    } finally {
      this.qualPrefixes.pop();
    }
  }

  /** Compiles a class body whose namespace is the JS object `namespace`. */
  inClass<T>(node: AST, name: string, qualname: string, namespace: t.Identifier, body: () => T): { result: T; temps: t.Identifier[] } {
    this.qualPrefixes.push(qualname + '.');
    this.classNames.push(name);
    this.namespaces.push(namespace);
    try {
      return this.inScope(node, body);
    } finally {
      this.qualPrefixes.pop();
      this.classNames.pop();
      this.namespaces.pop();
    }
  }

  /** `mangle` as a function of its own (made once per module). */
  readonly mangler = (name: string): string => this.mangle(name);

  /** A name as CPython stores it: `__x` inside class `C` is `_C__x`. */
  mangle(name: string): string {
    // Outside classes (most code) nothing is mangled; every name the transform meets is asked about.
    const classes = this.classNames.length;
    return classes === 0 ? name : mangle(this.classNames[classes - 1]!, name);
  }

  /** The first parameter of the innermost function, when the code is inside a class (for `super()`). */
  superArgument(): string | null {
    if (this.classNames.length === 0) return null;
    return this.firstArgs[this.firstArgs.length - 1] ?? null;
  }

  /** Whether the innermost function has a first parameter (a zero-argument `super()` outside a class says which is missing). */
  hasFirstArgument(): boolean {
    return (this.firstArgs[this.firstArgs.length - 1] ?? null) !== null;
  }

  /**
   * Where a name read here is found, by Python's rules: the class body's
   * namespace ('class', only in the class body itself), a local or an
   * enclosing function's variable ('local'), a module global ('global'),
   * or a builtin. Class scopes are invisible to the functions inside them.
   */
  resolve(name: string): 'class' | 'local' | 'global' | 'builtin' {
    const mangled = this.mangle(name);
    const chain = this.scopes;
    for (let i = 0; i < chain.length; i++) {
      const scope = chain[chain.length - 1 - i]!;
      const flags = scope.flags(mangled);
      if (scope.kind === 'module') return flags & (DEF_LOCAL | DEF_IMPORT) ? 'global' : this.globallyBound(mangled) ? 'global' : 'builtin';
      if (flags & DEF_GLOBAL) return this.symbols.top.flags(mangled) & (DEF_LOCAL | DEF_IMPORT) || this.globallyBound(mangled) ? 'global' : 'builtin';
      if (scope.kind === 'class') {
        if (i > 0) continue;
        if (flags & (DEF_LOCAL | DEF_IMPORT) && !(flags & DEF_NONLOCAL)) return 'class';
        continue;
      }
      if (flags & (DEF_LOCAL | DEF_IMPORT | DEF_PARAM | DEF_NONLOCAL)) return 'local';
    }
    return 'builtin';
  }

  /** Whether the module binds `name` (mangled): at its top level, or a function declaring it `global`. */
  isModuleGlobal(mangled: string): boolean {
    return (this.symbols.top.flags(mangled) & (DEF_LOCAL | DEF_IMPORT)) !== 0 || this.globallyBound(mangled);
  }

  /** Whether the body being compiled has certainly bound `name` by the statement being compiled (bindings.ts). */
  certainlyBound(name: string): boolean {
    const frame = this.bindingFrames[this.bindingFrames.length - 1];
    return frame !== undefined && frame.scope === this.scope && frame.bound.has(this.mangle(name));
  }

  /** Whether the code being compiled runs as part of a module-level statement: scopes run at once all the way up. */
  private runsWithModuleStatement(): boolean {
    for (let i = this.scopes.length - 1; i > 0; i--) {
      const scope = this.scopes[i]!;
      if (scope.kind === 'class') continue;
      if (scope.kind === 'function' && scope.comprehension !== null && scope.comprehension !== 'generator') continue;
      return false;
    }
    return true;
  }

  /** Whether some function binds `name` as a global (`global name; name = …`). */
  private globallyBound(name: string): boolean {
    if (this.globalAssignments === null) {
      // Computed once per module: the names functions bind as `global`.
      const names = new Set<string>();
      const visit = (scope: Scope): void => {
        // forEach rather than for-of over entries: that makes a [name, flags] pair per symbol, even optimized.
        scope.symbols.forEach((flags, n) => {
          if (flags & DEF_GLOBAL && flags & (DEF_LOCAL | DEF_IMPORT)) names.add(n);
        });
        scope.children.forEach(visit);
      };
      this.symbols.top.children.forEach(visit);
      this.globalAssignments = names;
    }
    return this.globalAssignments.has(name);
  }

  private globalAssignments: Set<string> | null = null;

  /**
   * A variable as JS sees it: an identifier, or in a class body a property
   * of the class namespace when the class body binds the name, or a module
   * variable that a local variable around hides (hiddenGlobal).
   */
  variable(name: string, py: Located | null = null): t.Identifier | t.MemberExpression {
    const mangled = this.mangle(name);
    const scope = this.scope;
    if (scope.kind === 'class') {
      const flags = scope.flags(mangled);
      if (flags & (DEF_LOCAL | DEF_IMPORT) && !(flags & (DEF_GLOBAL | DEF_NONLOCAL))) {
        const id = t.identifier(mangled);
        return t.memberExpression(this.namespaces[this.namespaces.length - 1]!, py === null ? id : this.at(py, id));
      }
    }
    if (this.symbols.nestedGlobals) {
      const hidden = this.hiddenGlobal(name, py);
      if (hidden !== null) return hidden;
    }
    const id = t.identifier(jsName(mangled));
    return py === null ? id : this.at(py, id);
  }

  /**
   * The variable a statement binds without a position of its own in
   * CPython's AST (`def name`, `class name`, `except E as name`), located
   * by finding the name on the statement's line.
   */
  boundName(py: Located, name: string, after: string): t.Identifier | t.MemberExpression {
    const target = this.variable(name);
    const located = this.nameAt(py, this.mangle(name), after);
    if (target.type === 'Identifier') return located;
    target.property = t.identifier(this.mangle(name));
    target.property.loc = located.loc;
    return target;
  }

  withBindings<T>(frame: BindingFrame, body: () => T): T {
    this.bindingFrames.push(frame);
    try {
      return body();
    } finally {
      this.bindingFrames.pop();
    }
  }

  /** Compiles a nested block: what it binds does not count as bound after it. */
  inBlock<T>(body: () => T): T {
    const frame = this.bindingFrames[this.bindingFrames.length - 1];
    if (frame === undefined || frame.scope !== this.scope) return body();
    // Frames only ever gain names, and a Set keeps insertion order: the block's names are those past `size`.
    const bound = frame.bound;
    const size = bound.size;
    try {
      return body();
    } finally {
      if (bound.size > size) {
        let i = 0;
        for (const n of bound) if (i++ >= size) bound.delete(n);
      }
    }
  }

  /** Records the names the statement `s` of the current block certainly bound. */
  markBoundBy(s: stmt): void {
    const frame = this.bindingFrames[this.bindingFrames.length - 1];
    if (frame === undefined || frame.scope !== this.scope) return;
    forNamesBoundBy(s, frame.bind);
  }

  /** Records names a statement of the current block certainly bound. */
  markBound(names: readonly string[], evenUnbindable = false): void {
    if (names.length === 0) return;
    const frame = this.bindingFrames[this.bindingFrames.length - 1];
    if (frame === undefined || frame.scope !== this.scope) return;
    for (const name of names) {
      if (evenUnbindable) frame.bound.add(this.mangle(name));
      else frame.bind(name);
    }
  }

  /**
   * How a read of `name` (resolved as `where`) must be checked for a value:
   * 'local', 'global' or 'free' (the runtime's `$local`/`$global`/`$free`),
   * or null when it certainly has one.
   */
  unboundCheck(name: string, where: 'local' | 'global'): 'local' | 'global' | 'free' | null {
    const mangled = this.mangle(name);
    const frame = this.bindingFrames[this.bindingFrames.length - 1];
    if (frame !== undefined && frame.scope === this.scope) {
      const flags = this.scope.flags(mangled);
      if (where === 'local' && this.scope.kind === 'function' && flags & (DEF_LOCAL | DEF_IMPORT | DEF_PARAM)) {
        if (frame.bound.has(mangled)) return null;
        // A `nonlocal` name this body has not assigned yet: the enclosing function's variable, checked as below.
        if (!(flags & DEF_NONLOCAL)) return 'local';
      }
      if (where === 'global' && this.scope.kind === 'module') return frame.bound.has(mangled) ? null : 'global';
    }
    const own = this.scope.flags(mangled);
    if (where === 'local' && this.scope.kind === 'function' && (!(own & (DEF_LOCAL | DEF_IMPORT | DEF_PARAM)) || own & DEF_NONLOCAL)) {
      // An enclosing function's variable: certainly bound if its frame had bound it where this function was made.
      for (let i = this.bindingFrames.length - 1; i >= 0; i--) {
        const outer = this.bindingFrames[i]!;
        if (outer.scope === this.scope || outer.scope.kind !== 'function') continue;
        const flags = outer.scope.flags(mangled);
        if (!(flags & (DEF_LOCAL | DEF_IMPORT | DEF_PARAM)) || flags & (DEF_NONLOCAL | DEF_GLOBAL)) continue;
        return outer.bound.has(mangled) ? null : 'free';
      }
    }
    // A global some code deletes may be unbound wherever it is read.
    const moduleFrame = this.bindingFrames[0];
    if (where !== 'global' || moduleFrame === undefined || this.scope.kind === 'module') return null;
    if (moduleFrame.unbindable.has(mangled)) return 'global';
    // A class body or comprehension run by the module statement being compiled: bound if that statement's predecessors bound it.
    if (this.runsWithModuleStatement()) return moduleFrame.bound.has(mangled) ? null : 'global';
    // A function: bound if the module bound it before anything could call a function (earlyGlobals.ts).
    this.early ??= earlyGlobals(this.module?.nodeType === 'Module' ? this.module.body : []);
    return this.early.has(mangled) ? null : 'global';
  }

  /** The module's own temporaries, to declare at its top. */
  moduleTemps(): t.Identifier[] {
    return this.tempFrames[0]!;
  }

  /** A runtime helper, imported as `$name` (`$add`, `$truthy`). */
  rt(name: string): t.Identifier {
    let local = RUNTIME_LOCALS.get(name);
    if (local === undefined) RUNTIME_LOCALS.set(name, (local = '$' + name));
    this.runtimeImports.set(local, name);
    return t.identifier(local);
  }

  /** Whether `node` is a call of the runtime helper `name` (without importing it). */
  callsRuntime(node: t.Expression, name: string): node is t.CallExpression {
    return node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === RUNTIME_LOCALS.get(name);
  }

  /** A Python builtin (print, len…) imported under its Python name. */
  builtin(name: string): t.Identifier {
    // Imported under its own name, unless the module has a global of that name.
    const shadowed = this.symbols.top.flags(name) & (DEF_LOCAL | DEF_IMPORT) || this.globallyBound(name);
    const local = shadowed ? '$' + name : jsName(name);
    this.runtimeImports.set(local, name);
    return t.identifier(local);
  }

  /**
   * The current function's scratch temporary, for a value read right after
   * it is set and never across other code (a float fast path's result).
   */
  scratch(): t.Identifier {
    const frame = this.tempFrames[this.tempFrames.length - 1]!;
    let id = this.scratchTemps.get(frame);
    if (id === undefined) this.scratchTemps.set(frame, (id = this.temp()));
    return t.identifier(id.name);
  }

  private readonly scratchTemps = new WeakMap<t.Identifier[], t.Identifier>();

  /** The current function's temporary for `purpose`, the same at every use in it (locals()' dict, one per call). */
  functionTemp(purpose: string): t.Identifier {
    const frame = this.tempFrames[this.tempFrames.length - 1]!;
    let temps = this.purposeTemps.get(frame);
    if (temps === undefined) this.purposeTemps.set(frame, (temps = new Map()));
    let id = temps.get(purpose);
    if (id === undefined) temps.set(purpose, (id = this.temp()));
    return t.identifier(id.name);
  }

  private readonly purposeTemps = new WeakMap<t.Identifier[], Map<string, t.Identifier>>();

  temp(): t.Identifier {
    const id = t.identifier(`$${++this.temps}`);
    this.tempFrames[this.tempFrames.length - 1]!.push(id);
    return id;
  }

  /**
   * Gives a JS node the Python node's range, in the source map's UTF-16
   * columns. Nodes made for the same Python node share one location
   * object (nothing changes a location once made): the handlers locate
   * several JS nodes per Python node, one after the other. Nodes are
   * located children first, and a child often starts where its parent
   * starts (`a.b(c)`, `a.b` and `a`) or ends where it ends: the last start
   * and end positions are reused when they recur, and the whole location
   * when both do (an expression statement and its expression).
   *
   * The locations live as long as the JS tree, through printing, and are
   * the larger part of it: they carry only what @babel/generator reads, a
   * position's line and column and a location's start, end and filename
   * (a missing `identifierName` reads as undefined), not Babel's position
   * `index` nor an `identifierName: undefined` slot (sourcePosition()).
   */
  at<N extends t.Node>(py: Located, node: N): N {
    if (py === this.lastLocated) {
      node.loc = this.lastLoc;
      return node;
    }
    const lineno = py.lineno;
    const col = py.col_offset;
    const endLineno = py.end_lineno ?? lineno;
    const endCol = py.end_col_offset ?? col;
    let start = this.startPosition;
    if (lineno !== this.startLine || col !== this.startCol || start === null) {
      start = sourcePosition(lineno, this.lines.utf16Column(lineno, col));
      this.startLine = lineno;
      this.startCol = col;
      this.startPosition = start;
    }
    let end = this.endPosition;
    if (endLineno !== this.endLine || endCol !== this.endCol || end === null) {
      end = sourcePosition(endLineno, this.lines.utf16Column(endLineno, endCol));
      this.endLine = endLineno;
      this.endCol = endCol;
      this.endPosition = end;
    }
    let loc = this.lastLoc;
    if (loc === null || loc.start !== start || loc.end !== end) {
      loc = new Location(start, end, this.filename) as t.SourceLocation;
      this.lastLoc = loc;
    }
    this.lastLocated = py;
    node.loc = loc;
    return node;
  }

  private lastLocated: Located | null = null;
  private lastLoc: t.SourceLocation | null = null;
  /** The last start and end positions made, and the Python line and byte column each is for. */
  private startLine = 0;
  private startCol = 0;
  private startPosition: t.SourceLocation['start'] | null = null;
  private endLine = 0;
  private endCol = 0;
  private endPosition: t.SourceLocation['end'] | null = null;

  /**
   * An identifier for a name CPython's AST gives no position of its own
   * (`def name`, `except E as name`): located by finding it on the
   * statement's line, after `after` when given.
   */
  nameAt(py: Located, name: string, after: string | null = null): t.Identifier {
    const id = t.identifier(jsName(name));
    const line = this.lines.line(py.lineno) ?? '';
    let from = this.lines.utf16Column(py.lineno, py.col_offset);
    if (after !== null) {
      const a = line.indexOf(after, from);
      if (a >= 0) from = a + after.length;
    }
    const column = findIdentifier(line, name, from);
    if (column >= 0) {
      id.loc = new NamedLocation(sourcePosition(py.lineno, column), sourcePosition(py.lineno, column + name.length), this.filename, name);
    }
    return id;
  }

  /**
   * The module's variable `name` (a builtin when the module has none), read
   * or bound here through `$module$vars` when an enclosing function's own
   * variable of that name hides it from JS: `global x` in a function nested
   * in one whose `x` is a parameter or a `let`. CPython reaches the module's
   * `x` there; a JS identifier `x` would be the enclosing function's.
   *
   * An accessor rather than renaming the enclosing function's variable: the
   * enclosing function, its closures and whatever it binds `x` by (parameters,
   * `def`, `import … as`, `for`…) compile as everywhere else, and only the
   * rare function that declares such a global pays for it, with a getter or
   * a setter call per access. Null, after one test of a flag, in modules
   * without `global` below the top level.
   */
  hiddenGlobal(name: string, py: Located | null = null): t.MemberExpression | null {
    if (!this.symbols.nestedGlobals) return null;
    const where = this.resolve(name);
    if (where !== 'global' && where !== 'builtin') return null;
    const mangled = this.mangle(name);
    const chain = this.scopes;
    // Resolved to the module: no scope between here and the `global` statement binds the name, so a function binding it is outside.
    for (let i = 1; i < chain.length; i++) {
      const scope = chain[i]!;
      if (scope.kind !== 'function') continue;
      const flags = scope.flags(mangled);
      if (flags & DEF_BOUND && !(flags & (DEF_GLOBAL | DEF_NONLOCAL))) {
        this.hiddenGlobals.add(mangled);
        const access = t.memberExpression(t.identifier(MODULE_VARS), t.identifier(mangled));
        return py === null ? access : this.at(py, access);
      }
    }
    return null;
  }

  /** The module names hiddenGlobal gave accessors for: index.ts defines them (moduleVars.ts). */
  readonly hiddenGlobals = new Set<string>();

  unsupported(what: string, py: Located): never {
    const line = this.lines.line(py.lineno);
    throw new CompileError(
      'SyntaxError', `pyasync does not compile ${what} yet`, this.filename, py.lineno, py.col_offset + 1, line, py.end_lineno ?? py.lineno,
      (py.end_col_offset ?? py.col_offset) + 1,
    );
  }
}

/** A position as @babel/generator reads it: line and column, without Babel's `index` (TransformContext.at). */
function sourcePosition(line: number, column: number): t.SourceLocation['start'] {
  return new Position(line, column) as t.SourceLocation['start'];
}

// Positions and locations are class instances, not object literals: they live as long as the module's
// JS tree, and V8 allocates a literal's objects in the old generation once most of them outlive a young
// collection (build.ts), where dead ones wait for a major collection; `new` has no allocation site.

class Position {
  declare line: number;
  declare column: number;
  constructor(line: number, column: number) {
    this.line = line;
    this.column = column;
  }
}

class Location {
  declare start: t.SourceLocation['start'];
  declare end: t.SourceLocation['end'];
  declare filename: string;
  constructor(start: t.SourceLocation['start'], end: t.SourceLocation['end'], filename: string) {
    this.start = start;
    this.end = end;
    this.filename = filename;
  }
}

/** A location naming its identifier, for the source map's `names`. */
class NamedLocation extends Location {
  declare identifierName: string;
  constructor(start: t.SourceLocation['start'], end: t.SourceLocation['end'], filename: string, identifierName: string) {
    super(start, end, filename);
    this.identifierName = identifierName;
  }
}
