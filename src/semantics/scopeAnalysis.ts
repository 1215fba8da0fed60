/**
 * The second pass of CPython's symtable (analyze_block): decides where
 * each `nonlocal` name is bound, raising the errors that pass raises.
 * Scopes are analyzed parent first, each one's names in first-definition
 * order, then its children in creation order, so the first error is
 * CPython's. Only the bookkeeping that can lead to an error is kept: the
 * set of names bound in enclosing functions ("bound").
 */
import { DEF_BOUND, DEF_GLOBAL, DEF_NONLOCAL } from './scopes.js';
import type { Scope } from './scopes.js';
import type { Reporter } from './report.js';

const EMPTY: ReadonlySet<string> = new Set();

export function analyzeScopes(top: Scope, reporter: Reporter): void {
  analyzeBlock(top, null, reporter);
}

/** `bound` is null for the module only; it is never mutated (copied on write). */
function analyzeBlock(scope: Scope, bound: ReadonlySet<string> | null, reporter: Reporter): void {
  // A class's own declarations do not change what its methods see.
  const boundForClassChildren = scope.kind === 'class' ? bound : null;
  let visible = bound;
  let copied = false;
  let locals: string[] | null = null;
  // Each name from keys() and its flags by get(): for-of over the map's entries would make a
  // [name, flags] pair per symbol, even in optimized code.
  const flagsOf = scope.symbols;
  for (const name of flagsOf.keys()) {
    const flags = flagsOf.get(name)!;
    if (flags & DEF_GLOBAL) {
      if (flags & DEF_NONLOCAL) throw errorAtDirective(scope, name, `name '${name}' is nonlocal and global`, reporter);
      if (visible !== null && visible.has(name)) {
        if (!copied) {
          visible = new Set(visible);
          copied = true;
        }
        (visible as Set<string>).delete(name);
      }
    } else if (flags & DEF_NONLOCAL) {
      if (visible === null) throw errorAtDirective(scope, name, 'nonlocal declaration not allowed at module level', reporter);
      if (!visible.has(name)) throw errorAtDirective(scope, name, `no binding for nonlocal '${name}' found`, reporter);
    } else if (flags & DEF_BOUND && scope.kind === 'function') {
      (locals ??= []).push(name);
    }
  }
  let childBound: ReadonlySet<string>;
  if (scope.kind === 'class') {
    const set = new Set(boundForClassChildren ?? EMPTY);
    set.add('__class__');
    childBound = set;
  } else if (locals !== null) {
    const set = new Set(visible ?? EMPTY);
    for (const name of locals) set.add(name);
    childBound = set;
  } else {
    childBound = visible ?? EMPTY;
  }
  for (const child of scope.children) analyzeBlock(child, childBound, reporter);
}

function errorAtDirective(scope: Scope, name: string, msg: string, reporter: Reporter): Error {
  const loc = scope.directives?.get(name);
  if (loc === undefined) throw new Error(`internal error: no directive recorded for '${name}'`);
  return reporter.at(msg, loc);
}
