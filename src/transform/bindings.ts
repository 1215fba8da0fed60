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
  // Most bodies unbind nothing: the empty set serves as is.
  let unbindable = names;
  if (names.size > 0) {
    unbindable = new Set<string>();
    for (const n of names) unbindable.add(ctx.mangle(n));
  }
  const bound = new Set<string>();
  for (const n of initial) if (!unbindable.has(n)) bound.add(n);
  const frame: BindingFrame = { scope: ctx.scope, bound, unbindable };
  return ctx.withBindings(frame, () => {
    const out: t.Statement[] = [];
    for (const s of body) {
      const compiled = compile(s);
      for (let k = 0; k < compiled.length; k++) out.push(compiled[k]!);
      for (const name of namesBoundBy(s)) {
        const mangled = ctx.mangle(name);
        if (!unbindable.has(mangled)) frame.bound.add(mangled);
      }
    }
    return out;
  });
}

const NONE: readonly string[] = [];

/** Names a statement certainly binds when it completes. */
export function namesBoundBy(s: py.stmt): readonly string[] {
  let out: string[];
  switch (s.nodeType) {
    case 'Assign':
      out = [];
      for (const target of s.targets) targetNames(target, out);
      return out;
    case 'AnnAssign':
      return s.value ? targetNames(s.target, []) : NONE;
    case 'AugAssign':
      return targetNames(s.target, []);
    case 'FunctionDef':
    case 'AsyncFunctionDef':
    case 'ClassDef':
      return [s.name];
    case 'Import':
      out = [];
      for (const a of s.names) out.push(a.asname ?? a.name.split('.')[0]!);
      return out;
    case 'ImportFrom':
      out = [];
      for (const a of s.names) if (a.name !== '*') out.push(a.asname ?? a.name);
      return out;
    case 'With':
    case 'AsyncWith':
      out = [];
      for (const item of s.items) if (item.optional_vars) targetNames(item.optional_vars, out);
      return out;
  }
  // Most statements bind nothing: one shared empty list rather than one per statement.
  return NONE;
}

/** The names an assignment target binds. */
export function targetNames(target: py.expr, out: string[] = []): string[] {
  collectTargetNames(target, out);
  return out;
}

function collectTargetNames(target: py.expr, out: string[]): void {
  switch (target.nodeType) {
    case 'Name':
      out.push(target.id);
      break;
    case 'Tuple':
    case 'List':
      for (const e of target.elts) collectTargetNames(e, out);
      break;
    case 'Starred':
      collectTargetNames(target.value, out);
      break;
  }
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
