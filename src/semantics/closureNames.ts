/**
 * A function's cell and free variables, as CPython's analyze_block decides
 * them: a cell is a variable of the function that a nested scope reads or
 * assigns (`nonlocal`); a free variable is one the function, or a scope
 * nested in it, takes from an enclosing function (or `__class__` from the
 * class a method is defined in). A function's `__code__` tells both, and
 * locals() lists them (src/transform/codeFacts.ts).
 */
import { DEF_BOUND, DEF_GLOBAL, DEF_NONLOCAL, type Scope } from './scopes.js';

export interface ClosureNames {
  /** The function's own variables that nested scopes use. */
  readonly cells: ReadonlySet<string>;
  /** Variables the function takes from enclosing scopes. */
  readonly free: ReadonlySet<string>;
}

const EMPTY: ReadonlySet<string> = new Set();
const NO_CLOSURE: ClosureNames = { cells: EMPTY, free: EMPTY };

const TABLES = new WeakMap<Scope, ReadonlyMap<Scope, ClosureNames>>();

/**
 * The cells and free variables of every function scope under the module
 * scope `top`, found in one walk and kept (a compilation asks for each
 * function's, for its code object).
 */
export function closureTable(top: Scope): ReadonlyMap<Scope, ClosureNames> {
  let table = TABLES.get(top);
  if (table === undefined) {
    const made = new Map<Scope, ClosureNames>();
    for (const child of top.children) analyze(child, EMPTY, made);
    TABLES.set(top, (table = made));
  }
  return table;
}

/** The names bound in enclosing functions that `scope`'s children see (analyzeScopes' "bound"). */
function boundForChildren(scope: Scope, bound: ReadonlySet<string>): ReadonlySet<string> {
  if (scope.kind === 'module') return EMPTY;
  const out = new Set(bound);
  // A class's names are not visible to its methods; its implicit __class__ cell is.
  if (scope.kind === 'class') {
    out.add('__class__');
    return out;
  }
  scope.symbols.forEach((flags, name) => {
    if (flags & DEF_GLOBAL) out.delete(name);
    else if (flags & DEF_BOUND && !(flags & DEF_NONLOCAL)) out.add(name);
  });
  return out;
}

/** Whether `name` is one of the function scope's own variables (CPython's LOCAL): bound here, not declared global or nonlocal. */
function isOwn(scope: Scope, name: string): boolean {
  if (scope.kind !== 'function') return false;
  const flags = scope.symbols.get(name);
  return flags !== undefined && (flags & DEF_BOUND) !== 0 && (flags & (DEF_GLOBAL | DEF_NONLOCAL)) === 0;
}

/**
 * The free variables of `scope` (of each function scope in it, recorded in
 * `table`, with its cells: its own variables that nested scopes use). Sets
 * are made only for names found: most scopes have none.
 */
function analyze(scope: Scope, bound: ReadonlySet<string>, table: Map<Scope, ClosureNames>): ReadonlySet<string> {
  const isFunction = scope.kind === 'function';
  // A scope with nothing nested and nothing to take (a `nonlocal` would need a binding around it) has neither.
  if (bound.size === 0 && scope.children.length === 0) {
    if (isFunction) table.set(scope, NO_CLOSURE);
    return EMPTY;
  }
  let free: Set<string> | null = null;
  // What it takes from enclosing functions: names they bind that it uses and does not bind itself (nonlocal ones
  // included: analyzeScopes made sure an enclosing function binds them). A class body's own names are its namespace's.
  for (const name of bound) {
    const flags = scope.symbols.get(name);
    if (flags === undefined || flags & DEF_GLOBAL || isOwn(scope, name)) continue;
    if (flags & DEF_NONLOCAL || !(scope.kind === 'class' && flags & DEF_BOUND)) (free ??= new Set()).add(name);
  }
  let cells: Set<string> | null = null;
  if (scope.children.length > 0) {
    const childBound = boundForChildren(scope, bound);
    for (const child of scope.children) {
      for (const name of analyze(child, childBound, table)) {
        if (isOwn(scope, name)) (cells ??= new Set()).add(name);
        else if (!(scope.kind === 'class' && name === '__class__')) (free ??= new Set()).add(name);
      }
    }
  }
  if (isFunction) table.set(scope, cells === null && free === null ? NO_CLOSURE : { cells: cells ?? EMPTY, free: free ?? EMPTY });
  return free ?? EMPTY;
}
