/**
 * The first pass of CPython's symtable (Python/symtable.c): walks the tree
 * in CPython's order, records every name's flags per scope, and raises the
 * errors that pass raises, first one first.
 */
import type {
  AST,
  Module,
  stmt,
  expr,
  arguments as Arguments,
  arg,
  comprehension,
  pattern,
  excepthandler,
  ListComp,
  SetComp,
  DictComp,
  GeneratorExp,
  NamedExpr,
  Name,
} from '../ast/nodes.js';
import {
  Scope, mangle, DEF_GLOBAL, DEF_LOCAL, DEF_PARAM, DEF_NONLOCAL, USE, DEF_IMPORT, DEF_ANNOT, DEF_COMP_ITER, NEVER, SCRAMBLED, SWAPPED, SWAPPED3,
} from './scopes.js';
import type { BlockKind, ComprehensionKind, SymbolTable } from './scopes.js';
import type { Loc, Reporter } from './report.js';

export function buildSymbolTable(module: Module, futureAnnotations: boolean, reporter: Reporter): SymbolTable {
  const builder = new ScopeBuilder(futureAnnotations, reporter);
  return builder.build(module);
}

class ScopeBuilder {
  private readonly scopes = new Map<AST, Scope>();
  private readonly stack: Scope[] = [];
  private cur!: Scope;
  private top!: Scope;
  /** The class whose body is being visited: names are mangled with it. */
  private className: string | null = null;
  private nestedGlobals = false;
  private readonly unboundGlobals = new Set<string>();

  constructor(
    private readonly futureAnnotations: boolean,
    private readonly reporter: Reporter,
  ) {}

  build(module: Module): SymbolTable {
    this.top = this.enter('module', module);
    this.stmts(module.body);
    this.exit();
    return { top: this.top, scopes: this.scopes, nestedGlobals: this.nestedGlobals, unboundGlobals: this.unboundGlobals };
  }

  // ---- scopes and names ----

  private enter(kind: BlockKind, node: AST | null): Scope {
    const scope = new Scope(kind);
    const prev = this.stack.length > 0 ? this.cur : null;
    // bpo-37757: walrus is refused in any block nested in a comprehension's iterable.
    if (prev !== null) scope.compIterExpr = prev.compIterExpr;
    this.stack.push(scope);
    this.cur = scope;
    if (kind !== 'annotation' && prev !== null) prev.children.push(scope);
    if (node !== null) this.scopes.set(node, scope);
    return scope;
  }

  private exit(): void {
    this.stack.pop();
    if (this.stack.length > 0) this.cur = this.stack[this.stack.length - 1]!;
  }

  private addDef(name: string, flag: number, loc: Loc): void {
    this.addDefTo(this.cur, name, flag, loc);
  }

  private addDefTo(scope: Scope, name: string, flag: number, loc: Loc): void {
    const mangled = mangle(this.className, name);
    const old = scope.symbols.get(mangled);
    let val = flag;
    if (old !== undefined) {
      if (flag & DEF_PARAM && old & DEF_PARAM) {
        throw this.reporter.at(`duplicate argument '${name}' in function definition`, loc);
      }
      val = old | flag;
    }
    if (scope.compIterTarget) {
      if (val & (DEF_GLOBAL | DEF_NONLOCAL)) {
        throw this.reporter.at(`comprehension inner loop cannot rebind assignment expression target '${name}'`, loc);
      }
      val |= DEF_COMP_ITER;
    }
    if (val !== old) scope.symbols.set(mangled, val);
    // A global declaration anywhere also marks the name in the module's table.
    if (!(flag & DEF_PARAM) && flag & DEF_GLOBAL) this.top.symbols.set(mangled, this.top.flags(mangled) | flag);
  }

  private lookup(name: string): number {
    return this.cur.flags(mangle(this.className, name));
  }

  // ---- co_varnames order (see Scope.reorders) ----

  /** Whether names met here go into a code object's co_varnames: a function's own, not a comprehension's. */
  private ordersNames(): boolean {
    return this.cur.kind === 'function' && this.cur.comprehension === null;
  }

  private record(kind: number, a: number, b: number, c = 0, d = 0): void {
    const list = (this.cur.reorders ??= []);
    list.push(kind, a, b);
    if (kind === SWAPPED || kind === SWAPPED3) list.push(c);
    if (kind === SWAPPED3) list.push(d);
  }

  /** A jump (`return`, `break`, `continue`) out of a `try` with `finally` runs a copy of that body first. */
  private jump(): void {
    if (this.cur.finallyDepth > 0) this.cur.reorderedUntold = true;
  }

  private recordDirective(name: string, loc: Loc): void {
    const scope = this.cur;
    const mangled = mangle(this.className, name);
    if (scope.directives === null) scope.directives = new Map();
    if (!scope.directives.has(mangled)) scope.directives.set(mangled, loc);
  }

  // ---- statements ----

  private stmts(body: readonly stmt[]): void {
    for (let i = 0; i < body.length; i++) this.stmt(body[i]!);
  }

  private stmt(s: stmt): void {
    switch (s.nodeType) {
      case 'FunctionDef':
      case 'AsyncFunctionDef': {
        const start = this.cur.symbols.size;
        this.addDef(s.name, DEF_LOCAL, s);
        this.exprs(s.args.defaults);
        this.optionalExprs(s.args.kw_defaults);
        this.argumentAnnotations(s.args, s.returns);
        this.exprs(s.decorator_list);
        // CPython emits the decorators, defaults and annotations, then stores the name.
        if (this.cur.symbols.size > start + 1 && this.ordersNames()) this.record(SCRAMBLED, start, this.cur.symbols.size);
        const scope = this.enter('function', s);
        if (s.nodeType === 'AsyncFunctionDef') scope.isCoroutine = true;
        this.parameters(s.args);
        this.stmts(s.body);
        this.exit();
        break;
      }
      case 'ClassDef': {
        const start = this.cur.symbols.size;
        this.addDef(s.name, DEF_LOCAL, s);
        this.exprs(s.bases);
        for (const k of s.keywords) this.expr(k.value);
        this.exprs(s.decorator_list);
        if (this.cur.symbols.size > start + 1 && this.ordersNames()) this.record(SCRAMBLED, start, this.cur.symbols.size);
        this.enter('class', s);
        const outer = this.className;
        this.className = s.name;
        this.stmts(s.body);
        this.className = outer;
        this.exit();
        break;
      }
      case 'Return':
        if (s.value !== null) this.expr(s.value);
        this.jump();
        break;
      case 'Delete':
        if (this.cur !== this.top) for (const target of s.targets) this.noteUnboundGlobals(target);
        this.exprs(s.targets);
        break;
      case 'Assign': {
        const a = this.cur.symbols.size;
        this.exprs(s.targets);
        const b = this.cur.symbols.size;
        this.expr(s.value);
        // CPython emits the value, then the targets.
        if (b > a && this.cur.symbols.size > b && this.ordersNames()) this.record(SWAPPED, a, b, this.cur.symbols.size);
        break;
      }
      case 'AnnAssign': {
        const a = this.cur.symbols.size;
        if (s.target.nodeType === 'Name') {
          const target = s.target;
          const cur = this.lookup(target.id);
          if (cur & (DEF_GLOBAL | DEF_NONLOCAL) && this.cur !== this.top && s.simple) {
            const what = cur & DEF_GLOBAL ? 'global' : 'nonlocal';
            throw this.reporter.at(`annotated name '${target.id}' can't be ${what}`, s);
          }
          if (s.simple) this.addDef(target.id, DEF_ANNOT | DEF_LOCAL, target);
          else if (s.value !== null) this.addDef(target.id, DEF_LOCAL, target);
        } else {
          this.expr(s.target);
        }
        const b = this.cur.symbols.size;
        this.annotation(s.annotation);
        const c = this.cur.symbols.size;
        if (s.value !== null) this.expr(s.value);
        // CPython emits the value, then the target; a local's annotation never.
        if (this.ordersNames()) {
          if (c > b) this.record(NEVER, b, c);
          if (b > a && this.cur.symbols.size > c) this.record(SWAPPED3, a, b, c, this.cur.symbols.size);
        }
        break;
      }
      case 'AugAssign':
        this.expr(s.target);
        this.expr(s.value);
        break;
      case 'For':
      case 'AsyncFor': {
        const a = this.cur.symbols.size;
        this.expr(s.target);
        const b = this.cur.symbols.size;
        this.expr(s.iter);
        // CPython emits the iterable, then the target.
        if (b > a && this.cur.symbols.size > b && this.ordersNames()) this.record(SWAPPED, a, b, this.cur.symbols.size);
        this.stmts(s.body);
        this.stmts(s.orelse);
        break;
      }
      case 'While':
      case 'If':
        this.expr(s.test);
        this.stmts(s.body);
        this.stmts(s.orelse);
        break;
      case 'Match':
        // A pattern's captures are stored once it matched, after its loads.
        this.cur.reorderedUntold = true;
        this.expr(s.subject);
        for (const c of s.cases) {
          this.pattern(c.pattern);
          if (c.guard !== null) this.expr(c.guard);
          this.stmts(c.body);
        }
        break;
      case 'Raise':
        if (s.exc !== null) {
          this.expr(s.exc);
          if (s.cause !== null) this.expr(s.cause);
        }
        break;
      case 'Try':
      case 'TryStar': {
        const guarded = s.finalbody.length > 0;
        if (guarded) this.cur.finallyDepth++;
        this.stmts(s.body);
        const a = this.cur.symbols.size;
        this.stmts(s.orelse);
        const b = this.cur.symbols.size;
        for (const h of s.handlers) this.handler(h);
        // CPython emits a try/except*'s handlers before its `else`.
        if (s.nodeType === 'TryStar' && b > a && this.cur.symbols.size > b && this.ordersNames()) this.record(SWAPPED, a, b, this.cur.symbols.size);
        if (guarded) this.cur.finallyDepth--;
        this.stmts(s.finalbody);
        break;
      }
      case 'Assert':
        this.expr(s.test);
        if (s.msg !== null) this.expr(s.msg);
        break;
      case 'Import':
      case 'ImportFrom':
        for (const a of s.names) {
          const name = a.asname ?? a.name;
          if (name === '*') {
            if (this.cur.kind !== 'module') throw this.reporter.at('import * only allowed at module level', a);
            continue;
          }
          const dot = name.indexOf('.');
          this.addDef(dot < 0 ? name : name.slice(0, dot), DEF_IMPORT, a);
        }
        break;
      case 'Global':
      case 'Nonlocal': {
        const isGlobal = s.nodeType === 'Global';
        const kind = isGlobal ? 'global' : 'nonlocal';
        if (isGlobal && this.stack.length > 2) this.nestedGlobals = true;
        for (const name of s.names) {
          const cur = this.lookup(name);
          if (cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) {
            let msg: string;
            if (cur & DEF_PARAM) msg = `name '${name}' is parameter and ${kind}`;
            else if (cur & USE) msg = `name '${name}' is used prior to ${kind} declaration`;
            else if (cur & DEF_ANNOT) msg = `annotated name '${name}' can't be ${kind}`;
            else msg = `name '${name}' is assigned to before ${kind} declaration`;
            throw this.reporter.at(msg, s);
          }
          this.addDef(name, isGlobal ? DEF_GLOBAL : DEF_NONLOCAL, s);
          this.recordDirective(name, s);
        }
        break;
      }
      case 'Expr':
        this.expr(s.value);
        break;
      case 'With':
      case 'AsyncWith':
        for (const item of s.items) {
          this.expr(item.context_expr);
          if (item.optional_vars !== null) this.expr(item.optional_vars);
        }
        this.stmts(s.body);
        break;
      case 'Break':
      case 'Continue':
        this.jump();
        break;
      case 'Pass':
        break;
    }
  }

  private handler(h: excepthandler): void {
    if (h.type !== null) this.expr(h.type);
    if (h.name !== null) {
      if (this.cur !== this.top && this.lookup(h.name) & DEF_GLOBAL) this.unboundGlobals.add(mangle(this.className, h.name));
      this.addDef(h.name, DEF_LOCAL, h);
    }
    this.stmts(h.body);
  }

  /** Records the names `del target` unbinds that are globals declared here (a `global` statement precedes their uses). */
  private noteUnboundGlobals(target: expr): void {
    if (target.nodeType === 'Name') {
      if (this.lookup(target.id) & DEF_GLOBAL) this.unboundGlobals.add(mangle(this.className, target.id));
    } else if (target.nodeType === 'Tuple' || target.nodeType === 'List') {
      for (const e of target.elts) this.noteUnboundGlobals(e);
    }
  }

  /** Annotations are evaluated in the enclosing scope, or in a throw-away block under the future import. */
  private argumentAnnotations(args: Arguments, returns: expr | null): void {
    if (this.futureAnnotations) this.enter('annotation', null);
    this.argAnnotations(args.posonlyargs);
    this.argAnnotations(args.args);
    if (args.vararg !== null && args.vararg.annotation !== null) this.expr(args.vararg.annotation);
    if (args.kwarg !== null && args.kwarg.annotation !== null) this.expr(args.kwarg.annotation);
    this.argAnnotations(args.kwonlyargs);
    if (this.futureAnnotations) this.exit();
    if (returns !== null) this.annotation(returns);
  }

  private argAnnotations(args: readonly arg[]): void {
    for (const a of args) if (a.annotation !== null) this.expr(a.annotation);
  }

  private annotation(e: expr): void {
    if (this.futureAnnotations) this.enter('annotation', null);
    this.expr(e);
    if (this.futureAnnotations) this.exit();
  }

  private parameters(args: Arguments): void {
    this.params(args.posonlyargs);
    this.params(args.args);
    this.params(args.kwonlyargs);
    if (args.vararg !== null) this.addDef(args.vararg.arg, DEF_PARAM, args.vararg);
    if (args.kwarg !== null) this.addDef(args.kwarg.arg, DEF_PARAM, args.kwarg);
  }

  private params(args: readonly arg[]): void {
    for (const a of args) this.addDef(a.arg, DEF_PARAM, a);
  }

  // ---- expressions ----

  private exprs(list: readonly expr[]): void {
    for (let i = 0; i < list.length; i++) this.expr(list[i]!);
  }

  /** Lists that may hold None (kw_defaults, Dict.keys). */
  private optionalExprs(list: readonly (expr | null)[]): void {
    for (let i = 0; i < list.length; i++) {
      const e = list[i];
      if (e !== null && e !== undefined) this.expr(e);
    }
  }

  private expr(e: expr): void {
    switch (e.nodeType) {
      case 'NamedExpr':
        this.refuseInAnnotation('named expression', e);
        this.namedExpr(e);
        break;
      case 'BoolOp':
        this.exprs(e.values);
        break;
      case 'BinOp':
        this.expr(e.left);
        this.expr(e.right);
        break;
      case 'UnaryOp':
        this.expr(e.operand);
        break;
      case 'Lambda':
        this.exprs(e.args.defaults);
        this.optionalExprs(e.args.kw_defaults);
        this.enter('function', e);
        this.parameters(e.args);
        this.expr(e.body);
        this.exit();
        break;
      case 'IfExp':
        this.expr(e.test);
        this.expr(e.body);
        this.expr(e.orelse);
        break;
      case 'Dict': {
        const a = this.cur.symbols.size;
        this.optionalExprs(e.keys);
        const b = this.cur.symbols.size;
        this.exprs(e.values);
        // CPython emits each key with its value.
        if (b > a && this.cur.symbols.size > b && this.ordersNames()) this.record(SWAPPED, a, b, this.cur.symbols.size);
        break;
      }
      case 'Set':
        this.exprs(e.elts);
        break;
      case 'ListComp':
        this.comprehension(e, 'list', e.generators, e.elt, null);
        break;
      case 'SetComp':
        this.comprehension(e, 'set', e.generators, e.elt, null);
        break;
      case 'DictComp':
        this.comprehension(e, 'dict', e.generators, e.key, e.value);
        break;
      case 'GeneratorExp':
        this.comprehension(e, 'generator', e.generators, e.elt, null);
        break;
      case 'Yield':
      case 'YieldFrom':
        this.refuseInAnnotation('yield expression', e);
        if (e.value !== null) this.expr(e.value);
        this.cur.isGenerator = true;
        if (this.cur.comprehension !== null) {
          const where = this.cur.comprehension === 'generator' ? 'generator expression' : `${this.cur.comprehension} comprehension`;
          throw this.reporter.at(`'yield' inside ${where}`, e);
        }
        break;
      case 'Await':
        this.refuseInAnnotation('await expression', e);
        this.expr(e.value);
        this.cur.isCoroutine = true;
        break;
      case 'Compare':
        this.expr(e.left);
        this.exprs(e.comparators);
        break;
      case 'Call':
        this.expr(e.func);
        this.exprs(e.args);
        for (const k of e.keywords) this.expr(k.value);
        break;
      case 'FormattedValue':
        this.expr(e.value);
        if (e.format_spec !== null) this.expr(e.format_spec);
        break;
      case 'JoinedStr':
        this.exprs(e.values);
        break;
      case 'Constant':
        break;
      case 'Attribute':
        this.expr(e.value);
        break;
      case 'Subscript':
        this.expr(e.value);
        this.expr(e.slice);
        break;
      case 'Starred':
        this.expr(e.value);
        break;
      case 'Slice':
        if (e.lower !== null) this.expr(e.lower);
        if (e.upper !== null) this.expr(e.upper);
        if (e.step !== null) this.expr(e.step);
        break;
      case 'Name':
        this.name(e);
        break;
      case 'List':
      case 'Tuple':
        this.exprs(e.elts);
        break;
    }
  }

  private name(e: Name): void {
    const load = e.ctx.nodeType === 'Load';
    // CPython's AST optimizer, which runs first, has made this a constant.
    if (load && e.id === '__debug__') return;
    this.addDef(e.id, load ? USE : DEF_LOCAL, e);
    // `super()` needs the implicit __class__ cell.
    if (load && this.cur.kind === 'function' && e.id === 'super') this.addDef('__class__', USE, e);
  }

  private refuseInAnnotation(what: string, e: expr): void {
    if (this.cur.kind === 'annotation') throw this.reporter.at(`'${what}' can not be used within an annotation`, e);
  }

  private namedExpr(e: NamedExpr): void {
    if (this.cur.compIterExpr > 0) {
      throw this.reporter.at('assignment expression cannot be used in a comprehension iterable expression', e);
    }
    if (this.cur.comprehension !== null) this.bindInEnclosingScope(e.target as Name);
    this.expr(e.value);
    this.expr(e.target);
  }

  /** PEP 572: a walrus in a comprehension binds in the nearest enclosing non-comprehension scope. */
  private bindInEnclosingScope(target: Name): void {
    const name = target.id;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const scope = this.stack[i]!;
      if (scope.comprehension !== null) {
        // CPython looks the name up unmangled here.
        if (scope.flags(name) & DEF_COMP_ITER) {
          throw this.reporter.at(`assignment expression cannot rebind comprehension iteration variable '${name}'`, target);
        }
        continue;
      }
      if (scope.kind === 'function') {
        this.addDef(name, scope.flags(name) & DEF_GLOBAL ? DEF_GLOBAL : DEF_NONLOCAL, target);
        this.recordDirective(name, target);
        this.addDefTo(scope, name, DEF_LOCAL, target);
        return;
      }
      if (scope.kind === 'module') {
        this.addDef(name, DEF_GLOBAL, target);
        this.recordDirective(name, target);
        this.addDefTo(scope, name, DEF_GLOBAL, target);
        return;
      }
      if (scope.kind === 'class') {
        throw this.reporter.at('assignment expression within a comprehension cannot be used in a class body', target);
      }
    }
  }

  private comprehension(
    e: ListComp | SetComp | DictComp | GeneratorExp,
    kind: ComprehensionKind,
    generators: readonly comprehension[],
    elt: expr,
    value: expr | null,
  ): void {
    const outermost = generators[0]!;
    // The outermost iterable is evaluated in the enclosing scope.
    this.cur.compIterExpr++;
    this.expr(outermost.iter);
    this.cur.compIterExpr--;
    const scope = this.enter('function', e);
    scope.comprehension = kind;
    if (outermost.is_async) scope.isCoroutine = true;
    this.addDef('.0', DEF_PARAM, e);
    scope.compIterTarget = true;
    this.expr(outermost.target);
    scope.compIterTarget = false;
    this.exprs(outermost.ifs);
    for (let i = 1; i < generators.length; i++) this.generator(generators[i]!);
    if (value !== null) this.expr(value);
    this.expr(elt);
    const isGenerator = kind === 'generator';
    scope.isGenerator = isGenerator;
    this.exit();
    // An async list/set/dict comprehension is awaited where it stands.
    if (scope.isCoroutine && !isGenerator) this.cur.isCoroutine = true;
  }

  private generator(g: comprehension): void {
    const scope = this.cur;
    scope.compIterTarget = true;
    this.expr(g.target);
    scope.compIterTarget = false;
    scope.compIterExpr++;
    this.expr(g.iter);
    scope.compIterExpr--;
    this.exprs(g.ifs);
    if (g.is_async) scope.isCoroutine = true;
  }

  // ---- patterns ----

  private pattern(p: pattern): void {
    switch (p.nodeType) {
      case 'MatchValue':
        this.expr(p.value);
        break;
      case 'MatchSingleton':
        break;
      case 'MatchSequence':
        for (const q of p.patterns) this.pattern(q);
        break;
      case 'MatchStar':
        if (p.name !== null) this.addDef(p.name, DEF_LOCAL, p);
        break;
      case 'MatchMapping':
        this.exprs(p.keys);
        for (const q of p.patterns) this.pattern(q);
        if (p.rest !== null) this.addDef(p.rest, DEF_LOCAL, p);
        break;
      case 'MatchClass':
        this.expr(p.cls);
        for (const q of p.patterns) this.pattern(q);
        for (const q of p.kwd_patterns) this.pattern(q);
        break;
      case 'MatchAs':
        if (p.pattern !== null) this.pattern(p.pattern);
        if (p.name !== null) this.addDef(p.name, DEF_LOCAL, p);
        break;
      case 'MatchOr':
        for (const q of p.patterns) this.pattern(q);
        break;
    }
  }
}
