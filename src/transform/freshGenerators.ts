/**
 * Loops over a generator no one else holds. CPython closes a generator as
 * soon as its last reference goes: `for x in numbers(): break` runs the
 * generator's `finally` blocks at the `break`, before the next statement.
 * Without reference counting, the compiler closes it where it knows that
 * the loop held the only reference: the iterable is a call of a module-level
 * generator function (a plain `def` with `yield`, undecorated) that nothing
 * else in the module binds, so the call makes a new generator that only the
 * loop sees.
 */
import type * as py from '../ast/nodes.js';
import type { AST } from '../ast/nodes.js';
import { forEachChild } from '../ast/walk.js';
import { DEF_GLOBAL, DEF_LOCAL, DEF_PARAM, type Scope, type SymbolTable } from '../semantics/scopes.js';
import type { TransformContext } from './context.js';

const soleGenerators = new WeakMap<AST, ReadonlySet<string>>();

/** Whether `iter` is a call making a generator that only the loop over it will hold. */
export function isFreshGenerator(iter: py.expr, ctx: TransformContext): boolean {
  if (iter.nodeType !== 'Call' || iter.func.nodeType !== 'Name' || ctx.module === null) return false;
  const name = iter.func.id;
  if (ctx.resolve(name) !== 'global') return false;
  let names = soleGenerators.get(ctx.module);
  if (names === undefined) {
    names = soleGeneratorFunctions(ctx.module as py.Module, ctx.symbols);
    soleGenerators.set(ctx.module, names);
  }
  return names.has(name);
}

/** The module's undecorated generator functions whose `def` is the only binding of their name. */
export function soleGeneratorFunctions(module: py.Module, symbols: SymbolTable): ReadonlySet<string> {
  const candidates: string[] = [];
  for (const s of module.body) {
    if (s.nodeType === 'FunctionDef' && s.decorator_list.length === 0 && symbols.scopes.get(s)?.isGenerator === true) candidates.push(s.name);
  }
  const result = new Set<string>();
  if (candidates.length === 0) return result;
  const bindings = new Map<string, number>();
  const bound = (name: string, scope: Scope): void => {
    // In a nested scope, only a name it does not hold as its own binds the module's (a `global`, a walrus in a comprehension).
    if (scope !== symbols.top && (scope.flags(name) & (DEF_LOCAL | DEF_PARAM)) !== 0 && (scope.flags(name) & DEF_GLOBAL) === 0) return;
    bindings.set(name, (bindings.get(name) ?? 0) + 1);
  };
  countBindings(module, symbols.top, symbols, bound);
  for (const name of candidates) if (bindings.get(name) === 1) result.add(name);
  return result;
}

/** Calls `bound` for every binding of a name in the tree (each with the scope it happens in). */
function countBindings(node: AST, scope: Scope, symbols: SymbolTable, bound: (name: string, scope: Scope) => void): void {
  switch (node.nodeType) {
    case 'Name':
      if (node.ctx.nodeType !== 'Load') bound(node.id, scope);
      return;
    case 'FunctionDef':
    case 'AsyncFunctionDef':
    case 'ClassDef':
      bound(node.name, scope);
      break;
    case 'Import':
    case 'ImportFrom':
      for (const a of node.names) bound(a.asname ?? a.name.split('.')[0]!, scope);
      return;
    case 'ExceptHandler':
      if (node.name !== null) bound(node.name, scope);
      break;
    case 'MatchAs':
    case 'MatchStar':
      if (node.name !== null) bound(node.name, scope);
      break;
    case 'MatchMapping':
      if (node.rest !== null) bound(node.rest, scope);
      break;
  }
  // A node opening a scope (def, lambda, class, comprehension): its body is in that scope; its decorators,
  // defaults and bases are visited here too, which can only count a binding more than once (walrus), never miss one.
  const inner = symbols.scopes.get(node) ?? scope;
  forEachChild(node, (child) => countBindings(child, inner, symbols, bound));
}
