/**
 * Which variables certainly have a value where they are read. Python raises
 * UnboundLocalError (or NameError) for a variable read before it is
 * assigned or after `del`; compiled code holds such a variable as
 * `undefined`. Checking every read would bury the output in checks, so a
 * read is checked only when the variable is not certainly bound there: a
 * parameter, or a name bound by an earlier statement at the top level of
 * the function (or module) body — unless the body can unbind it (`del`, an
 * `except … as` name).
 */
import type * as t from '@babel/types';
import type * as py from '../ast/nodes.js';
import type { TransformContext } from './context.js';
import type { Scope } from '../semantics/scopes.js';

/** The binding state of one function or module body being compiled. */
export interface BindingFrame {
  readonly scope: Scope;
  /** Names certainly bound at the statement being compiled. */
  readonly bound: Set<string>;
  /** Names the body may unbind: always checked. */
  readonly unbindable: ReadonlySet<string>;
  /** Records a name (as written) certainly bound from here on, unless the body may unbind it. */
  readonly bind: (name: string) => void;
}

/**
 * Compiles the statements of a function or module body one by one,
 * recording after each which names it certainly bound.
 */
export function scopeBody(
  body: py.stmt[],
  initial: Iterable<string>,
  ctx: TransformContext,
  compile: (s: py.stmt) => t.Statement[],
): t.Statement[] {
  const names = new Set<string>();
  collectUnbindable(body, names);
  // The module's globals are also unbound by the functions that declare them `global` and delete them.
  if (ctx.scope.kind === 'module') ctx.symbols.unboundGlobals.forEach((n) => names.add(n));
  // Most bodies unbind nothing: the empty set serves as is.
  let unbindable = names;
  if (names.size > 0) {
    unbindable = new Set<string>();
    for (const n of names) unbindable.add(ctx.mangle(n));
  }
  const bound = new Set<string>();
  for (const n of initial) if (!unbindable.has(n)) bound.add(n);
  const bind = (name: string): void => {
    const mangled = ctx.mangle(name);
    if (!unbindable.has(mangled)) bound.add(mangled);
  };
  const frame: BindingFrame = { scope: ctx.scope, bound, unbindable, bind };
  return ctx.withBindings(frame, () => {
    const out: t.Statement[] = [];
    for (const s of body) {
      const compiled = compile(s);
      for (let k = 0; k < compiled.length; k++) out.push(compiled[k]!);
      forNamesBoundBy(s, bind);
    }
    return out;
  });
}

/**
 * Calls `bind` with each name the statement `s` certainly binds when it
 * completes, in order (a callback, not a list: every statement of every
 * body is asked, and most bind one name or none).
 */
export function forNamesBoundBy(s: py.stmt, bind: (name: string) => void): void {
  switch (s.nodeType) {
    case 'Assign':
      for (const target of s.targets) forTargetNames(target, bind);
      return;
    case 'AnnAssign':
      if (s.value) forTargetNames(s.target, bind);
      return;
    case 'AugAssign':
      forTargetNames(s.target, bind);
      return;
    case 'FunctionDef':
    case 'AsyncFunctionDef':
    case 'ClassDef':
      bind(s.name);
      return;
    case 'Import':
      for (const a of s.names) bind(a.asname ?? a.name.split('.')[0]!);
      return;
    case 'ImportFrom':
      for (const a of s.names) if (a.name !== '*') bind(a.asname ?? a.name);
      return;
    case 'With':
    case 'AsyncWith':
      for (const item of s.items) if (item.optional_vars) forTargetNames(item.optional_vars, bind);
      return;
  }
}

function forTargetNames(target: py.expr, bind: (name: string) => void): void {
  switch (target.nodeType) {
    case 'Name':
      bind(target.id);
      break;
    case 'Tuple':
    case 'List':
      for (const e of target.elts) forTargetNames(e, bind);
      break;
    case 'Starred':
      forTargetNames(target.value, bind);
      break;
  }
}

/** The names an assignment target binds. */
export function targetNames(target: py.expr, out: string[] = []): string[] {
  forTargetNames(target, (name) => {
    out.push(name);
  });
  return out;
}

/** `del` targets and `except … as` names in a body, not looking into nested scopes. */
function collectUnbindable(body: py.stmt[], out: Set<string>): void {
  for (const s of body) {
    switch (s.nodeType) {
      case 'Delete': {
        const names: string[] = [];
        for (const target of s.targets) targetNames(target, names);
        for (const n of names) out.add(n);
        break;
      }
      case 'Try':
      case 'TryStar':
        for (const h of s.handlers) {
          if (h.name) out.add(h.name);
          collectUnbindable(h.body, out);
        }
        collectUnbindable(s.body, out);
        collectUnbindable(s.orelse, out);
        collectUnbindable(s.finalbody, out);
        break;
      case 'If':
      case 'For':
      case 'AsyncFor':
      case 'While':
        collectUnbindable(s.body, out);
        collectUnbindable(s.orelse, out);
        break;
      case 'With':
      case 'AsyncWith':
        collectUnbindable(s.body, out);
        break;
      case 'Match':
        for (const c of s.cases) collectUnbindable(c.body, out);
        break;
    }
  }
}
