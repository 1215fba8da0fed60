/**
 * The errors CPython's code generator (Python/compile.c) raises, found by
 * walking the tree in the order compile.c emits code, with its notion of
 * "current location" (SET_LOC/UNSET_LOC) and its frame-block stack (loops,
 * try/finally, with, except handlers), so that the first error and its
 * position are CPython's. No code is generated.
 */
import type {
  AST,
  Module,
  stmt,
  expr,
  arguments as Arguments,
  arg,
  keyword,
  comprehension,
  withitem,
  Try,
  TryStar,
  With,
  AsyncWith,
  Return,
  Match,
  FunctionDef,
  AsyncFunctionDef,
  ClassDef,
  AnnAssign,
  AugAssign,
  Attribute,
  Compare,
  Subscript,
  Lambda,
  ListComp,
  SetComp,
  DictComp,
  GeneratorExp,
  expr_context,
} from '../ast/nodes.js';
import { foldConstant } from './constantFolding.js';
import { callerWarning, compareWarning, indexWarning, subscripterWarning } from './compileWarnings.js';
import { isDocstring } from './future.js';
import { compilePattern, newPatternContext } from './patternChecks.js';
import { UNSET_LOC } from './report.js';
import type { Loc, Reporter } from './report.js';
import type { Scope, SymbolTable } from './scopes.js';
import { DEF_IMPORT } from './scopes.js';
import type { FutureFeatures } from './future.js';

export interface CompileOptions {
  readonly allowTopLevelAwait: boolean;
}

export function checkCodegen(
  module: Module,
  symbols: SymbolTable,
  future: FutureFeatures,
  options: CompileOptions,
  reporter: Reporter,
): void {
  new CodegenChecker(symbols, future, options, reporter).module(module);
}

type UnitKind = 'module' | 'class' | 'function' | 'async_function' | 'lambda' | 'comprehension';

/** compile.c's fblocktype. */
const FB = {
  WhileLoop: 0,
  ForLoop: 1,
  TryExcept: 2,
  FinallyTry: 3,
  FinallyEnd: 4,
  With: 5,
  AsyncWith: 6,
  HandlerCleanup: 7,
  PopValue: 8,
  ExceptionHandler: 9,
  ExceptionGroupHandler: 10,
  AsyncComprehensionGenerator: 11,
} as const;
type FBType = (typeof FB)[keyof typeof FB];

interface FBlock {
  readonly type: FBType;
  /** FinallyTry: the finally body, compiled again wherever a jump leaves the try. */
  readonly finalbody: readonly stmt[] | null;
  /** With/AsyncWith: the statement, whose location the exit call gets. */
  readonly withStmt: stmt | null;
}

/** CO_MAXBLOCKS. */
const MAX_BLOCKS = 20;
/** STACK_USE_GUIDELINE: above it, calls are compiled another way (same order of evaluation). */
const STACK_USE_GUIDELINE = 30;

interface Unit {
  readonly kind: UnitKind;
  readonly scope: Scope;
  readonly fblocks: FBlock[];
}

const WHILE: FBlock = { type: FB.WhileLoop, finalbody: null, withStmt: null };
const FOR: FBlock = { type: FB.ForLoop, finalbody: null, withStmt: null };

function block(type: FBType): FBlock {
  return { type, finalbody: null, withStmt: null };
}

export class CodegenChecker {
  private unit!: Unit;
  /** compile.c's current location (u_lineno/u_col_offset/...). */
  loc: Loc = UNSET_LOC;

  constructor(
    private readonly symbols: SymbolTable,
    private readonly future: FutureFeatures,
    private readonly options: CompileOptions,
    private readonly reporter: Reporter,
  ) {}

  error(msg: string): never {
    throw this.reporter.at(msg, this.loc);
  }

  module(module: Module): void {
    this.unit = { kind: 'module', scope: this.symbols.top, fblocks: [] };
    this.body(module.body);
  }

  /** compiler_body: a leading docstring is not compiled as a statement. */
  private body(stmts: readonly stmt[]): void {
    for (let i = isDocstring(stmts[0]) ? 1 : 0; i < stmts.length; i++) this.stmt(stmts[i]!);
  }

  private stmts(stmts: readonly stmt[]): void {
    for (let i = 0; i < stmts.length; i++) this.stmt(stmts[i]!);
  }

  /** Compiles `fn` as the body of a new code object (compiler_enter_scope): own blocks, own location. */
  private withUnit(kind: UnitKind, node: AST, firstLine: number, fn: () => void): void {
    const outer = this.unit;
    const outerLoc = this.loc;
    const scope = this.symbols.scopes.get(node);
    if (scope === undefined) throw new Error('internal error: no scope for a nested code block');
    this.unit = { kind, scope, fblocks: [] };
    this.loc = { lineno: firstLine, col_offset: 0, end_lineno: firstLine, end_col_offset: 0 };
    fn();
    this.unit = outer;
    this.loc = outerLoc;
  }

  private isTopLevelAwait(): boolean {
    return this.options.allowTopLevelAwait && this.unit.scope.kind === 'module';
  }

  // ---- frame blocks ----

  private push(fb: FBlock): void {
    if (this.unit.fblocks.length >= MAX_BLOCKS) this.error('too many statically nested blocks');
    this.unit.fblocks.push(fb);
  }

  private pop(): void {
    this.unit.fblocks.pop();
  }

  /**
   * What `return`, `break` and `continue` compile before jumping: finally
   * bodies (compiled again, inline) and with-exits, innermost first, down
   * to the enclosing loop if `toLoop`. Returns whether a loop was found.
   */
  private unwind(preserveTos: boolean, toLoop: boolean): boolean {
    const fblocks = this.unit.fblocks;
    if (fblocks.length === 0) return false;
    const top = fblocks[fblocks.length - 1]!;
    if (top.type === FB.ExceptionGroupHandler) this.error("'break', 'continue' and 'return' cannot appear in an except* block");
    if (toLoop && (top.type === FB.WhileLoop || top.type === FB.ForLoop)) return true;
    fblocks.pop();
    if (top.type === FB.FinallyTry) {
      if (preserveTos) this.push(block(FB.PopValue));
      this.stmts(top.finalbody!);
      if (preserveTos) this.pop();
      this.loc = UNSET_LOC;
    } else if (top.type === FB.With || top.type === FB.AsyncWith) {
      this.loc = UNSET_LOC;
    }
    const found = this.unwind(preserveTos, toLoop);
    fblocks.push(top);
    return found;
  }

  // ---- statements ----

  private stmt(s: stmt): void {
    this.loc = s;
    switch (s.nodeType) {
      case 'FunctionDef':
      case 'AsyncFunctionDef':
        return this.functionDef(s);
      case 'ClassDef':
        return this.classDef(s);
      case 'Return':
        return this.returnStmt(s);
      case 'Delete':
        return this.exprs(s.targets);
      case 'Assign':
        this.expr(s.value);
        return this.exprs(s.targets);
      case 'AugAssign':
        return this.augAssign(s);
      case 'AnnAssign':
        return this.annAssign(s);
      case 'For':
        this.push(FOR);
        this.expr(s.iter);
        this.expr(s.target);
        this.stmts(s.body);
        this.pop();
        return this.stmts(s.orelse);
      case 'AsyncFor':
        if (!this.isTopLevelAwait() && this.unit.kind !== 'async_function') this.error("'async for' outside async function");
        this.expr(s.iter);
        this.push(FOR);
        this.expr(s.target);
        this.stmts(s.body);
        this.pop();
        return this.stmts(s.orelse);
      case 'While':
        this.push(WHILE);
        this.jumpIf(s.test);
        this.stmts(s.body);
        this.loc = s;
        // compiler_while compiles the test again after the body: its warnings come twice.
        this.warnAgain(s.test);
        this.pop();
        return this.stmts(s.orelse);
      case 'If':
        this.jumpIf(s.test);
        this.stmts(s.body);
        return this.stmts(s.orelse);
      case 'Match':
        return this.match(s);
      case 'Raise':
        if (s.exc !== null) {
          this.expr(s.exc);
          if (s.cause !== null) this.expr(s.cause);
        }
        return;
      case 'Try':
      case 'TryStar':
        if (s.finalbody.length > 0) return this.tryFinally(s);
        return s.nodeType === 'Try' ? this.tryExcept(s) : this.tryStarExcept(s);
      case 'Assert':
        if (s.test.nodeType === 'Tuple' && s.test.elts.length > 0) {
          this.reporter.warn('assertion is always true, perhaps remove parentheses?', this.loc);
        }
        this.jumpIf(s.test);
        if (s.msg !== null) this.expr(s.msg);
        return;
      case 'Import':
        for (const a of s.names) {
          const dot = a.name.indexOf('.');
          this.storeName(a.asname ?? (dot < 0 ? a.name : a.name.slice(0, dot)));
        }
        return;
      case 'ImportFrom':
        if (s.lineno > this.future.lineno && s.module === '__future__') {
          this.error('from __future__ imports must occur at the beginning of the file');
        }
        for (const a of s.names) {
          if (a.name === '*') return;
          this.storeName(a.asname ?? a.name);
        }
        return;
      case 'Expr':
        if (s.value.nodeType !== 'Constant') this.expr(s.value);
        return;
      case 'Break':
      case 'Continue':
        return this.loopExit(s.nodeType === 'Break');
      case 'With':
        return this.withStmt(s, 0);
      case 'AsyncWith':
        return this.asyncWithStmt(s, 0);
      case 'Global':
      case 'Nonlocal':
      case 'Pass':
        return;
    }
  }

  private functionDef(s: FunctionDef | AsyncFunctionDef): void {
    this.checkDebugArgs(s.args);
    this.exprs(s.decorator_list);
    this.defaults(s.args);
    if (!this.future.annotations) this.argumentAnnotations(s.args, s.returns);
    const firstLine = s.decorator_list.length > 0 ? s.decorator_list[0]!.lineno : s.lineno;
    const kind = s.nodeType === 'AsyncFunctionDef' ? 'async_function' : 'function';
    this.withUnit(kind, s, firstLine, () => {
      const body = s.body;
      for (let i = isDocstring(body[0]) ? 1 : 0; i < body.length; i++) this.stmt(body[i]!);
    });
    this.storeName(s.name);
  }

  private classDef(s: ClassDef): void {
    this.exprs(s.decorator_list);
    const firstLine = s.decorator_list.length > 0 ? s.decorator_list[0]!.lineno : s.lineno;
    this.withUnit('class', s, firstLine, () => this.body(s.body));
    this.callArguments(s.bases, s.keywords);
    this.storeName(s.name);
  }

  private returnStmt(s: Return): void {
    const value = s.value;
    const scope = this.unit.scope;
    if (scope.kind !== 'function') this.error("'return' outside function");
    if (value !== null && scope.isCoroutine && scope.isGenerator) this.error("'return' with value in async generator");
    const preserveTos = value !== null && foldConstant(value) === undefined;
    if (preserveTos) this.expr(value);
    else if (value !== null) this.loc = value;
    if (value === null || value.lineno !== s.lineno) this.loc = s;
    this.unwind(preserveTos, false);
  }

  private loopExit(isBreak: boolean): void {
    const loc = this.loc;
    if (!this.unwind(false, true)) {
      this.loc = loc;
      this.error(isBreak ? "'break' outside loop" : "'continue' not properly in loop");
    }
  }

  private augAssign(s: AugAssign): void {
    const target = s.target;
    const outer = this.loc;
    this.loc = target;
    if (target.nodeType === 'Attribute') this.expr(target.value);
    else if (target.nodeType === 'Subscript') {
      this.expr(target.value);
      this.expr(target.slice);
    }
    this.loc = outer;
    this.expr(s.value);
    this.loc = target;
    if (target.nodeType === 'Name') this.storeName(target.id);
  }

  private annAssign(s: AnnAssign): void {
    const target = s.target;
    if (s.value !== null) {
      this.expr(s.value);
      this.expr(target);
    }
    const evaluated = this.unit.kind === 'module' || this.unit.kind === 'class';
    if (target.nodeType === 'Name') {
      this.storeName(target.id);
      if (s.simple && evaluated && !this.future.annotations) this.expr(s.annotation);
    } else if (target.nodeType === 'Attribute') {
      this.storeName(target.attr);
      if (s.value === null) this.expr(target.value);
    } else if (target.nodeType === 'Subscript' && s.value === null) {
      this.expr(target.value);
      this.annotationSubscript(target.slice);
    }
    if (!s.simple && evaluated && !this.future.annotations) this.expr(s.annotation);
  }

  /** check_ann_subscr: slices and tuples in an annotated target's subscript are checked piecewise. */
  private annotationSubscript(e: expr): void {
    if (e.nodeType === 'Slice') {
      if (e.lower !== null) this.expr(e.lower);
      if (e.upper !== null) this.expr(e.upper);
      if (e.step !== null) this.expr(e.step);
    } else if (e.nodeType === 'Tuple') {
      for (const elt of e.elts) this.annotationSubscript(elt);
    } else {
      this.expr(e);
    }
  }

  private tryFinally(s: Try | TryStar): void {
    this.push({ type: FB.FinallyTry, finalbody: s.finalbody, withStmt: null });
    if (s.handlers.length > 0) {
      if (s.nodeType === 'Try') this.tryExcept(s);
      else this.tryStarExcept(s);
    } else {
      this.stmts(s.body);
    }
    this.pop();
    this.stmts(s.finalbody);
    // The exceptional path compiles the finally body a second time.
    this.loc = UNSET_LOC;
    this.push(block(FB.FinallyEnd));
    this.stmts(s.finalbody);
    this.pop();
  }

  private tryExcept(s: Try): void {
    this.push(block(FB.TryExcept));
    this.stmts(s.body);
    this.pop();
    this.stmts(s.orelse);
    this.loc = UNSET_LOC;
    this.push(block(FB.ExceptionHandler));
    const n = s.handlers.length;
    for (let i = 0; i < n; i++) {
      const h = s.handlers[i]!;
      this.loc = h;
      if (h.type === null && i < n - 1) this.error("default 'except:' must be last");
      if (h.type !== null) this.expr(h.type);
      if (h.name !== null) this.handlerName(h.name);
      this.push(block(FB.HandlerCleanup));
      this.stmts(h.body);
      this.pop();
      this.loc = UNSET_LOC;
    }
    this.pop();
  }

  /**
   * `except E as __debug__`. CPython 3.11 ignores this store's error and
   * carries on, so what it finally reports depends on the code generated
   * next (often this error, sometimes `cannot delete __debug__` at line -1,
   * or a SystemError). We report this error, CPython's answer when the
   * handler or what follows it uses any new name or constant.
   */
  private handlerName(name: string): void {
    this.storeName(name);
  }

  private tryStarExcept(s: TryStar): void {
    this.push(block(FB.TryExcept));
    this.stmts(s.body);
    this.pop();
    this.loc = UNSET_LOC;
    this.push(block(FB.ExceptionGroupHandler));
    for (const h of s.handlers) {
      this.loc = h;
      if (h.type !== null) this.expr(h.type);
      if (h.name !== null) this.handlerName(h.name);
      this.push(block(FB.HandlerCleanup));
      this.stmts(h.body);
      this.pop();
      this.loc = UNSET_LOC;
    }
    this.pop();
    this.stmts(s.orelse);
  }

  /** One `with` per item, nested, as compile.c does. */
  private withStmt(s: With, pos: number): void {
    const item = s.items[pos]!;
    this.expr(item.context_expr);
    this.push({ type: FB.With, finalbody: null, withStmt: s });
    this.withTarget(item);
    if (pos + 1 === s.items.length) this.stmts(s.body);
    else this.withStmt(s, pos + 1);
    this.loc = UNSET_LOC;
    this.pop();
    this.loc = s;
  }

  private asyncWithStmt(s: AsyncWith, pos: number): void {
    if (!this.isTopLevelAwait() && this.unit.kind !== 'async_function') this.error("'async with' outside async function");
    const item = s.items[pos]!;
    this.expr(item.context_expr);
    this.push({ type: FB.AsyncWith, finalbody: null, withStmt: s });
    this.withTarget(item);
    if (pos + 1 === s.items.length) this.stmts(s.body);
    else this.asyncWithStmt(s, pos + 1);
    this.pop();
    this.loc = s;
  }

  private withTarget(item: withitem): void {
    if (item.optional_vars !== null) this.expr(item.optional_vars);
  }

  private match(s: Match): void {
    this.expr(s.subject);
    const cases = s.cases;
    const last = cases[cases.length - 1]!.pattern;
    const hasDefault = last.nodeType === 'MatchAs' && last.name === null && cases.length > 1 ? 1 : 0;
    for (let i = 0; i < cases.length - hasDefault; i++) {
      const m = cases[i]!;
      this.loc = m.pattern;
      // Irrefutable patterns must be guarded, last, or both.
      const pc = newPatternContext(m.guard !== null || i === cases.length - 1);
      compilePattern(this, m.pattern, pc);
      for (const name of pc.stores) this.storeName(name);
      if (m.guard !== null) this.jumpIf(m.guard);
      this.stmts(m.body);
      this.loc = m.pattern;
    }
    if (hasDefault) {
      const m = cases[cases.length - 1]!;
      this.loc = m.pattern;
      if (m.guard !== null) this.jumpIf(m.guard);
      this.stmts(m.body);
      this.loc = UNSET_LOC;
    }
  }

  // ---- names and arguments ----

  /** compiler_nameop's forbidden_name check for a store. */
  storeName(name: string): void {
    if (name === '__debug__') this.error('cannot assign to __debug__');
  }

  checkForbidden(name: string, ctx: expr_context): void {
    if (name !== '__debug__') return;
    if (ctx.nodeType === 'Store') this.error('cannot assign to __debug__');
    if (ctx.nodeType === 'Del') this.error('cannot delete __debug__');
  }

  private checkDebugArgs(args: Arguments): void {
    const check = (a: arg | null): void => {
      if (a !== null) this.storeName(a.arg);
    };
    args.posonlyargs.forEach(check);
    args.args.forEach(check);
    check(args.vararg);
    args.kwonlyargs.forEach(check);
    check(args.kwarg);
  }

  private defaults(args: Arguments): void {
    this.exprs(args.defaults);
    for (let i = 0; i < args.kwonlyargs.length; i++) {
      const d = args.kw_defaults[i];
      if (d !== null && d !== undefined) this.expr(d);
    }
  }

  private argumentAnnotations(args: Arguments, returns: expr | null): void {
    const annotate = (a: arg | null): void => {
      if (a === null || a.annotation === null) return;
      // `*args: *Ts` evaluates Ts, not a starred expression.
      this.expr(a.annotation.nodeType === 'Starred' ? a.annotation.value : a.annotation);
    };
    args.args.forEach(annotate);
    args.posonlyargs.forEach(annotate);
    annotate(args.vararg);
    args.kwonlyargs.forEach(annotate);
    annotate(args.kwarg);
    if (returns !== null) this.expr(returns);
  }

  /** validate_keywords: `__debug__=` and repeated keyword names. */
  private validateKeywords(keywords: readonly keyword[]): void {
    for (let i = 0; i < keywords.length; i++) {
      const name = keywords[i]!.arg;
      if (name === null) continue;
      this.storeName(name);
      for (let j = i + 1; j < keywords.length; j++) {
        if (keywords[j]!.arg === name) {
          this.loc = keywords[j]!;
          this.error(`keyword argument repeated: ${name}`);
        }
      }
    }
  }

  /** compiler_call_helper's evaluation order: positional arguments, then keyword values. */
  private callArguments(args: readonly expr[], keywords: readonly keyword[]): void {
    this.validateKeywords(keywords);
    for (const a of args) this.expr(a.nodeType === 'Starred' ? a.value : a);
    for (const k of keywords) this.expr(k.value);
  }

  // ---- expressions ----

  private exprs(list: readonly expr[]): void {
    for (let i = 0; i < list.length; i++) this.expr(list[i]!);
  }

  /** compiler_visit_expr: an expression's errors are located at it; the location is restored after. */
  expr(e: expr): void {
    const outer = this.loc;
    this.loc = e;
    this.expr1(e);
    this.loc = outer;
  }

  private expr1(e: expr): void {
    switch (e.nodeType) {
      case 'NamedExpr':
        this.expr(e.value);
        return this.expr(e.target);
      case 'BoolOp':
        return this.exprs(e.values);
      case 'BinOp':
        this.expr(e.left);
        return this.expr(e.right);
      case 'UnaryOp':
        return this.expr(e.operand);
      case 'Lambda':
        return this.lambda(e);
      case 'IfExp':
        this.jumpIf(e.test);
        this.expr(e.body);
        return this.expr(e.orelse);
      case 'Dict':
        for (let i = 0; i < e.values.length; i++) {
          const key = e.keys[i];
          if (key !== null && key !== undefined) this.expr(key);
          this.expr(e.values[i]!);
        }
        return;
      case 'Set':
        return this.elements(e.elts);
      case 'ListComp':
      case 'SetComp':
      case 'GeneratorExp':
        return this.comprehension(e, e.elt, null);
      case 'DictComp':
        return this.comprehension(e, e.key, e.value);
      case 'Yield':
        if (this.unit.scope.kind !== 'function') this.error("'yield' outside function");
        if (e.value !== null) this.expr(e.value);
        return;
      case 'YieldFrom':
        if (this.unit.scope.kind !== 'function') this.error("'yield' outside function");
        if (this.unit.kind === 'async_function') this.error("'yield from' inside async function");
        return this.expr(e.value);
      case 'Await':
        if (!this.isTopLevelAwait()) {
          if (this.unit.scope.kind !== 'function') this.error("'await' outside function");
          if (this.unit.kind !== 'async_function' && this.unit.kind !== 'comprehension') this.error("'await' outside async function");
        }
        return this.expr(e.value);
      case 'Compare':
        this.warnCompare(e);
        this.expr(e.left);
        return this.exprs(e.comparators);
      case 'Call': {
        this.validateKeywords(e.keywords);
        if (this.isMethodCall(e.func, e.args, e.keywords)) {
          const method = e.func as Attribute;
          this.expr(method.value);
          this.loc = method;
          this.exprs(e.args);
          for (const k of e.keywords) this.expr(k.value);
          this.loc = e;
          return;
        }
        const notCallable = callerWarning(e.func);
        if (notCallable !== null) this.reporter.warn(notCallable, this.loc);
        this.expr(e.func);
        return this.callArguments(e.args, e.keywords);
      }
      case 'FormattedValue':
        this.expr(e.value);
        if (e.format_spec !== null) this.expr(e.format_spec);
        return;
      case 'JoinedStr':
        return this.exprs(e.values);
      case 'Constant':
        return;
      case 'Attribute':
        this.expr(e.value);
        if (e.ctx.nodeType === 'Store') {
          this.matchAttributeLocation(e);
          this.storeName(e.attr);
        }
        return;
      case 'Subscript':
        if (e.ctx.nodeType === 'Load') this.warnSubscript(e);
        this.expr(e.value);
        return this.expr(e.slice);
      case 'Starred':
        if (e.ctx.nodeType === 'Store') this.error('starred assignment target must be in a list or tuple');
        return this.error("can't use starred expression here");
      case 'Slice':
        if (e.lower !== null) this.expr(e.lower);
        if (e.upper !== null) this.expr(e.upper);
        if (e.step !== null) this.expr(e.step);
        return;
      case 'Name':
        return this.checkForbidden(e.id, e.ctx);
      case 'List':
      case 'Tuple':
        if (e.ctx.nodeType === 'Store') return this.unpackTargets(e.elts);
        if (e.ctx.nodeType === 'Load') return this.elements(e.elts);
        return this.exprs(e.elts);
    }
  }

  /**
   * Kept out of expr1: a function holding a closure that captures one of
   * its variables allocates a context on every call, branch taken or not,
   * and expr1 runs for every expression.
   */
  private lambda(e: Lambda): void {
    this.checkDebugArgs(e.args);
    this.defaults(e.args);
    this.withUnit('lambda', e, e.lineno, () => this.expr(e.body));
  }

  private warnCompare(e: Compare): void {
    const message = compareWarning(e);
    if (message !== null) this.reporter.warn(message, this.loc);
  }

  /** An expression's warnings once more, as a second compilation of it issues them (its errors were found the first time). */
  private warnAgain(e: expr): void {
    const outer = this.loc;
    this.jumpIf(e);
    this.loc = outer;
  }

  private warnSubscript(e: Subscript): void {
    const notSubscriptable = subscripterWarning(e.value);
    if (notSubscriptable !== null) this.reporter.warn(notSubscriptable, this.loc);
    const badIndex = indexWarning(e.value, e.slice);
    if (badIndex !== null) this.reporter.warn(badIndex, this.loc);
  }

  /** maybe_optimize_method_call's conditions for `obj.meth(...)`. */
  private isMethodCall(func: expr, args: readonly expr[], keywords: readonly keyword[]): boolean {
    if (func.nodeType !== 'Attribute' || func.ctx.nodeType !== 'Load') return false;
    const obj = func.value;
    if (obj.nodeType === 'Name' && this.symbols.top.flags(obj.id) & DEF_IMPORT) return false;
    if (args.length + keywords.length + (keywords.length > 0 ? 1 : 0) >= STACK_USE_GUIDELINE) return false;
    return !args.some((a) => a.nodeType === 'Starred') && !keywords.some((k) => k.arg === null);
  }

  /** update_start_location_to_match_attr: a multi-line attribute is located at its name. */
  private matchAttributeLocation(e: Attribute): void {
    const loc = this.loc;
    const endLine = e.end_lineno ?? e.lineno;
    if (loc.lineno === endLine) return;
    const endCol = e.end_col_offset ?? e.col_offset;
    const len = [...e.attr].length;
    const col = len <= endCol ? endCol - len : -1;
    const endLineno = Math.max(endLine, loc.end_lineno ?? endLine);
    let endColOffset = len <= endCol ? loc.end_col_offset ?? endCol : -1;
    if (endLine === endLineno) endColOffset = Math.max(col, endColOffset);
    this.loc = { lineno: endLine, col_offset: col, end_lineno: endLineno, end_col_offset: endColOffset };
  }

  /** starunpack_helper: the values of starred items are evaluated, not the Starred nodes. */
  private elements(elts: readonly expr[]): void {
    for (const e of elts) this.expr(e.nodeType === 'Starred' ? e.value : e);
  }

  /** assignment_helper: at most one starred target, with fewer than 256 targets before it. */
  private unpackTargets(elts: readonly expr[]): void {
    let seenStar = false;
    for (let i = 0; i < elts.length; i++) {
      if (elts[i]!.nodeType !== 'Starred') continue;
      if (seenStar) this.error('multiple starred expressions in assignment');
      if (i >= 1 << 8 || elts.length - i - 1 >= 0x7fffffff >> 8) this.error('too many expressions in star-unpacking assignment');
      seenStar = true;
    }
    this.elements(elts);
  }

  /** compiler_jump_if: conditions are compiled as jumps, a chained comparison leaving its location set. */
  private jumpIf(e: expr): void {
    if (e.nodeType === 'UnaryOp' && e.op.nodeType === 'Not') return this.jumpIf(e.operand);
    if (e.nodeType === 'BoolOp') {
      for (const v of e.values) this.jumpIf(v);
      return;
    }
    if (e.nodeType === 'IfExp') {
      this.jumpIf(e.test);
      this.jumpIf(e.body);
      return this.jumpIf(e.orelse);
    }
    if (e.nodeType === 'Compare' && e.ops.length > 1) {
      this.loc = e;
      this.warnCompare(e);
      this.expr(e.left);
      return this.exprs(e.comparators);
    }
    this.expr(e);
  }

  private comprehension(e: ListComp | SetComp | DictComp | GeneratorExp, elt: expr, value: expr | null): void {
    const outerKind = this.unit.kind;
    const topLevelAwait = this.isTopLevelAwait();
    const generators = e.generators;
    this.withUnit('comprehension', e, e.lineno, () => {
      this.loc = e;
      const isAsync = this.unit.scope.isCoroutine;
      if (
        isAsync &&
        e.nodeType !== 'GeneratorExp' &&
        outerKind !== 'async_function' &&
        outerKind !== 'comprehension' &&
        !topLevelAwait
      ) {
        this.error('asynchronous comprehension outside of an asynchronous function');
      }
      this.generator(generators, 0, elt, value);
    });
    // The outermost iterable is evaluated in the enclosing scope, after the comprehension is made.
    this.expr(generators[0]!.iter);
  }

  private generator(generators: readonly comprehension[], index: number, elt: expr, value: expr | null): void {
    const gen = generators[index]!;
    if (index > 0) this.comprehensionIter(gen);
    if (gen.is_async) this.push(block(FB.AsyncComprehensionGenerator));
    this.expr(gen.target);
    for (const cond of gen.ifs) this.jumpIf(cond);
    if (index + 1 < generators.length) {
      this.generator(generators, index + 1, elt, value);
    } else {
      this.expr(elt);
      if (value !== null) this.expr(value);
    }
    if (gen.is_async) this.pop();
  }

  /** `for y in [f(x)]` only evaluates f(x) (a compile.c fast path; same checks). */
  private comprehensionIter(gen: comprehension): void {
    const iter = gen.iter;
    if (!gen.is_async && (iter.nodeType === 'List' || iter.nodeType === 'Tuple') && iter.elts.length === 1 && iter.elts[0]!.nodeType !== 'Starred') {
      this.expr(iter.elts[0]!);
    } else {
      this.expr(iter);
    }
  }
}
