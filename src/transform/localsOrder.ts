/**
 * The order of a function's plain local variables in CPython's
 * `co_varnames`, which is the order locals() lists them in: the parameters
 * (positional-only, positional, keyword-only, `*args`, `**kwargs`), then
 * every other name in the order the compiler first emits a load, store or
 * delete of it. That is source order except where CPython compiles a part
 * before the one written first: an assignment's value before its targets,
 * a walrus's value before its name, a `try`'s `else` before its handlers,
 * a `def`'s decorators, defaults and annotations before its name, a match
 * pattern's captures after the whole pattern, and a `finally` body where a
 * `return`, `break` or `continue` leaves its `try` (the compiler copies it
 * there). Nested scopes are not entered, except for what the enclosing
 * scope evaluates (defaults, a comprehension's first iterable, class bases).
 * A name only annotated (`x: int`) is never emitted, so never listed.
 */
import type * as py from '../ast/nodes.js';
import { forEachChild } from '../ast/walk.js';

type FunctionNode = py.FunctionDef | py.AsyncFunctionDef | py.Lambda;

/** What a `return`, `break` or `continue` leaves: a `finally` body it runs, or a loop (where `break` stops). */
type Block = readonly py.stmt[] | 'loop';

class ReferenceWalk {
  /** The wanted names, in the order first met. */
  readonly found: string[] = [];
  /** The `finally` bodies and loops around the code being walked, innermost last. */
  private blocks: Block[] = [];
  /** While walking a match pattern: its captures, which the compiler stores once the whole pattern matched. */
  private captures: string[] | null = null;
  private readonly visitChild = (child: py.AST): void => this.visit(child);

  /**
   * `wanted`: the names to order (mangled), emptied as they are met; the walk
   * stops once all are. `mangle`: a name as written to its mangled form.
   */
  constructor(
    private readonly wanted: Set<string>,
    private readonly mangle: (name: string) => string,
    private readonly annotations: boolean,
  ) {}

  get done(): boolean {
    return this.wanted.size === 0;
  }

  add(name: string): void {
    const mangled = this.mangle(name);
    if (this.wanted.delete(mangled)) this.found.push(mangled);
  }

  all(nodes: readonly py.AST[]): void {
    for (let i = 0; i < nodes.length && !this.done; i++) this.visit(nodes[i]!);
  }

  /** What the enclosing scope evaluates when it makes a function: defaults, keyword-only defaults, annotations. */
  private made(args: py.arguments_, returns: py.expr | null): void {
    this.all(args.defaults);
    for (const d of args.kw_defaults) if (d !== null) this.visit(d);
    if (!this.annotations) return;
    // CPython 3.11's compiler_visit_annotations order: args before posonlyargs.
    for (const a of args.args) if (a.annotation) this.visit(a.annotation);
    for (const a of args.posonlyargs) if (a.annotation) this.visit(a.annotation);
    if (args.vararg?.annotation) this.visit(args.vararg.annotation);
    for (const a of args.kwonlyargs) if (a.annotation) this.visit(a.annotation);
    if (args.kwarg?.annotation) this.visit(args.kwarg.annotation);
    if (returns) this.visit(returns);
  }

  /** The `finally` bodies a jump runs: up to the innermost loop for `break`/`continue`, all of them for `return`. */
  private unwind(toLoop: boolean): void {
    const saved = this.blocks;
    for (let i = saved.length - 1; i >= 0; i--) {
      const block = saved[i]!;
      if (block === 'loop') {
        if (toLoop) break;
        continue;
      }
      // A jump inside that body unwinds only what is around it.
      this.blocks = saved.slice(0, i);
      this.all(block);
    }
    this.blocks = saved;
  }

  private inBlock(block: Block, body: readonly py.AST[]): void {
    this.blocks.push(block);
    this.all(body);
    this.blocks.pop();
  }

  /** A match case's pattern: its loads as met, then its captures. */
  private pattern(p: py.pattern): void {
    const outer = this.captures;
    const captures: string[] = [];
    this.captures = captures;
    this.visit(p);
    this.captures = outer;
    for (const n of captures) this.capture(n);
  }

  private capture(name: string): void {
    if (this.captures !== null) this.captures.push(name);
    else this.add(name);
  }

  visit(node: py.AST): void {
    if (this.done) return;
    switch (node.nodeType) {
      case 'Name':
        this.add(node.id);
        return;
      case 'FunctionDef':
      case 'AsyncFunctionDef':
        this.all(node.decorator_list);
        this.made(node.args, node.returns);
        this.add(node.name);
        return;
      case 'ClassDef':
        this.all(node.decorator_list);
        this.all(node.bases);
        this.all(node.keywords);
        this.add(node.name);
        return;
      case 'Lambda':
        this.made(node.args, null);
        return;
      case 'ListComp':
      case 'SetComp':
      case 'DictComp':
      case 'GeneratorExp':
        this.visit(node.generators[0]!.iter);
        return;
      case 'Assign':
        this.visit(node.value);
        this.all(node.targets);
        return;
      case 'AnnAssign':
        // A local's annotation is not evaluated in a function, and a bare `x: int` emits nothing.
        if (node.value) this.visit(node.value);
        if (node.value || node.target.nodeType !== 'Name') this.visit(node.target);
        return;
      case 'NamedExpr':
        this.visit(node.value);
        this.visit(node.target);
        return;
      case 'For':
      case 'AsyncFor':
        this.visit(node.iter);
        this.visit(node.target);
        this.inBlock('loop', node.body);
        this.all(node.orelse);
        return;
      case 'While':
        this.visit(node.test);
        this.inBlock('loop', node.body);
        this.all(node.orelse);
        return;
      case 'Return':
        if (node.value) this.visit(node.value);
        this.unwind(false);
        return;
      case 'Break':
      case 'Continue':
        this.unwind(true);
        return;
      case 'Try':
      case 'TryStar': {
        const guarded = node.finalbody.length > 0;
        if (guarded) this.blocks.push(node.finalbody);
        this.all(node.body);
        // A try/except's `else` is compiled before its handlers; a try/except*'s after them.
        if (node.nodeType === 'Try') {
          this.all(node.orelse);
          this.all(node.handlers);
        } else {
          this.all(node.handlers);
          this.all(node.orelse);
        }
        if (guarded) this.blocks.pop();
        this.all(node.finalbody);
        return;
      }
      case 'ExceptHandler':
        if (node.type) this.visit(node.type);
        if (node.name !== null) this.add(node.name);
        this.all(node.body);
        return;
      case 'Dict':
        for (let i = 0; i < node.values.length; i++) {
          const key = node.keys[i];
          if (key) this.visit(key);
          this.visit(node.values[i]!);
        }
        return;
      case 'Import':
        for (const a of node.names) this.add(a.asname ?? a.name.split('.')[0]!);
        return;
      case 'ImportFrom':
        for (const a of node.names) if (a.name !== '*') this.add(a.asname ?? a.name);
        return;
      case 'match_case':
        this.pattern(node.pattern);
        if (node.guard) this.visit(node.guard);
        this.all(node.body);
        return;
      case 'MatchAs':
      case 'MatchStar':
        if (node.nodeType === 'MatchAs' && node.pattern) this.visit(node.pattern);
        if (node.name !== null) this.capture(node.name);
        return;
      case 'MatchMapping':
        this.all(node.keys);
        this.all(node.patterns);
        if (node.rest !== null) this.capture(node.rest);
        return;
      case 'MatchOr': {
        // Every alternative binds the same names; they are stored in the first one's order.
        const outer = this.captures;
        node.patterns.forEach((p, i) => {
          this.captures = i === 0 ? outer : [];
          this.visit(p);
        });
        this.captures = outer;
        return;
      }
    }
    forEachChild(node, this.visitChild);
  }
}

/**
 * The names of `wanted` (mangled; the function's plain locals), in the
 * order the function's code first refers to them; `wanted` is emptied.
 * `annotations`: whether the module evaluates annotations (it has no
 * `from __future__ import annotations`), so a nested `def`'s are evaluated
 * here. The walk ends as soon as every name was met.
 */
export function referenceOrder(fn: FunctionNode, wanted: Set<string>, mangle: (name: string) => string, annotations: boolean): string[] {
  const walk = new ReferenceWalk(wanted, mangle, annotations);
  if (fn.nodeType === 'Lambda') walk.visit(fn.body);
  else walk.all(fn.body);
  return walk.found;
}
