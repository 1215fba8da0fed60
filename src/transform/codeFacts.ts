/**
 * What a function's `__code__` tells that its signature does not, folded
 * into the spec `$def` receives (`"a, b=;x y;c;a;n"`), so a function costs
 * no extra argument and the runtime parses the facts once per definition
 * site, when `__code__` is first read (runtime/builtins/codeObjects.ts).
 * After the parameters, sections separated by `;`, trailing empty ones left
 * out:
 *
 * 1. the other plain locals in `co_varnames` order (localsOrder.ts),
 * 2. `co_freevars`, 3. `co_cellvars` (each sorted, as CPython sorts them),
 * 4. flags the runtime cannot tell from the function: `a` for a module
 *    under `from __future__ import annotations`, `n` for a function nested
 *    in another whose qualified name has no `<locals>` (a lambda in a
 *    comprehension at module level, a `global` function defined in one).
 *
 * Generator and coroutine flags, `*args`, `**kwargs` and the usual nesting
 * (`<locals>` in the qualified name) the runtime reads from the function.
 */
import type * as py from '../ast/nodes.js';
import type { TransformContext } from './context.js';
import { closureTable, ownVariables } from '../semantics/closureNames.js';
import { DEF_ANNOT, type Scope } from '../semantics/scopes.js';
import { referenceOrder } from './localsOrder.js';
import { futureAnnotations } from './annotations.js';

type FunctionNode = py.FunctionDef | py.AsyncFunctionDef | py.Lambda;

export interface CodeFacts {
  /** Appended to the signature spec (empty when there is nothing to tell). */
  readonly text: string;
  /** `co_freevars`: the variables `__closure__` reads, in its order. */
  readonly free: readonly string[];
  /** co_varnames, then the cells that are not parameters, then the free variables: the order of locals(). */
  readonly localsOrder: () => string[];
}

const byName = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

const FACTS = new WeakMap<FunctionNode, CodeFacts>();

/** `fn`'s facts (found once per function node); `scope` is the scope it opens, `ctx` at its definition. */
export function codeFacts(fn: FunctionNode, scope: Scope, qualname: string, ctx: TransformContext): CodeFacts {
  let facts = FACTS.get(fn);
  if (facts === undefined) FACTS.set(fn, (facts = findFacts(fn, scope, qualname, ctx)));
  return facts;
}

function findFacts(fn: FunctionNode, scope: Scope, qualname: string, ctx: TransformContext): CodeFacts {
  const closure = closureTable(ctx.symbols.top).get(scope);
  const cells = closure === undefined ? [] : [...closure.cells].sort(byName);
  const free = closure === undefined ? [] : [...closure.free].sort(byName);
  const a = fn.args;
  const params = new Set<string>();
  for (const p of a.posonlyargs) params.add(ctx.mangle(p.arg));
  for (const p of a.args) params.add(ctx.mangle(p.arg));
  for (const p of a.kwonlyargs) params.add(ctx.mangle(p.arg));
  if (a.vararg) params.add(ctx.mangle(a.vararg.arg));
  if (a.kwarg) params.add(ctx.mangle(a.kwarg.arg));
  const cellSet = closure?.cells;
  // The plain locals: the function's own variables that are neither parameters nor cells.
  const candidates: string[] = [];
  let annotated = false;
  for (const n of ownVariables(scope)) {
    if (params.has(n) || cellSet?.has(n)) continue;
    candidates.push(n);
    if (scope.flags(n) & DEF_ANNOT) annotated = true;
  }
  const annotations = !futureAnnotations(ctx.source);
  const ordered = (): string[] => {
    const wanted = new Set(candidates);
    const out: string[] = [];
    for (const raw of referenceOrder(fn, annotations)) {
      const n = ctx.mangle(raw);
      if (wanted.delete(n)) out.push(n);
    }
    return out;
  };
  // The order of none or one needs no walk of the body, unless the one may be only annotated (`x: int` emits nothing).
  const locals = candidates.length > 1 || annotated ? ordered() : candidates;
  let flags = '';
  if (!annotations) flags += 'a';
  if (!qualname.includes('<locals>') && ctx.inFunctionScope()) flags += 'n';
  const sections = [locals.join(' '), free.join(' '), cells.join(' '), flags];
  let end = sections.length;
  while (end > 0 && sections[end - 1] === '') end--;
  const text = end === 0 ? '' : ';' + sections.slice(0, end).join(';');
  return {
    text,
    free,
    localsOrder: () => [...params, ...locals, ...cells.filter((n) => !params.has(n)), ...free],
  };
}
