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
/** Never added to: what analyze gives for a scope without closure names. */
const NO_NAMES = new Set<string>();
const NO_CLOSURE: ClosureNames = { cells: EMPTY, free: EMPTY };

/** A function scope's own variables (CPython's LOCAL): bound here, not declared global or nonlocal. */
function ownVariables(scope: Scope): Set<string> {
  const out = new Set<string>();
  if (scope.kind !== 'function') return out;
  // forEach rather than for-of over entries: that makes a [name, flags] pair per symbol, even optimized.
  scope.symbols.forEach((flags, name) => {
    if (flags & DEF_BOUND && !(flags & (DEF_GLOBAL | DEF_NONLOCAL))) out.add(name);
  });
  return out;
}

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
    for (const child of top.children) analyze(child, EMPTY, new Set(), made);
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

/**
 * The free variables of `scope`; adds its own variables that nested scopes
 * use to `cells`. With a `table`, records each function scope's names there.
 */
function analyze(scope: Scope, bound: ReadonlySet<string>, cells: Set<string>, table: Map<Scope, ClosureNames> | null = null): Set<string> {
  // A scope with nothing nested and nothing to take (a `nonlocal` would need a binding around it) has neither.
  if (bound.size === 0 && scope.children.length === 0) {
    if (table !== null && scope.kind === 'function') table.set(scope, NO_CLOSURE);
    return NO_NAMES;
  }
  const own = ownVariables(scope);
  const free = new Set<string>();
  scope.symbols.forEach((flags, name) => {
    if (flags & DEF_GLOBAL || own.has(name)) return;
    if (flags & DEF_NONLOCAL) free.add(name);
    // A class body's own names are its namespace's; others come from an enclosing function if one binds them.
    else if (!(scope.kind === 'class' && flags & DEF_BOUND) && bound.has(name)) free.add(name);
  });
  const childBound = scope.children.length === 0 ? EMPTY : boundForChildren(scope, bound);
  for (const child of scope.children) {
    for (const name of analyze(child, childBound, new Set(), table)) {
      if (own.has(name)) cells.add(name);
      else if (!(scope.kind === 'class' && name === '__class__')) free.add(name);
    }
  }
  if (table !== null && scope.kind === 'function') table.set(scope, { cells, free });
  return free;
}
