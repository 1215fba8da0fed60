/**
 * What a function's `__code__` tells that its signature does not, folded
 * into the spec `$def` receives (`"a, b=;x y;c;a;n"`), so a function costs
 * no extra argument and the runtime parses the facts once per definition
 * site, when `__code__` is first read (runtime/builtins/codeObjects.ts).
 * After the parameters, sections separated by `;`, trailing empty ones left
 * out:
 *
 * 1. the other plain locals in `co_varnames` order (localsOrder.ts),
 * 2. `co_freevars` (sorted, as CPython sorts them), 3. `co_cellvars` (the
 *    parameters among them first, in their order, then the others sorted),
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
import { closureTable } from '../semantics/closureNames.js';
import { DEF_ANNOT, DEF_BOUND, DEF_GLOBAL, DEF_NONLOCAL, DEF_PARAM, NEVER, SWAPPED, SWAPPED3, type Scope } from '../semantics/scopes.js';
import { referenceOrder } from './localsOrder.js';
import { futureAnnotations } from './annotations.js';

type FunctionNode = py.FunctionDef | py.AsyncFunctionDef | py.Lambda;

export interface CodeFacts {
  /** Appended to the signature spec (empty when there is nothing to tell). */
  readonly text: string;
  /** `co_freevars`: the variables `__closure__` reads, in its order. */
  readonly free: readonly string[];
  /** The plain locals, in co_varnames order after the parameters. */
  readonly locals: readonly string[];
  /** `co_cellvars`. */
  readonly cells: readonly string[];
}

const byName = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/**
 * `fn`'s facts; `scope` is the scope it opens, `ctx` at its definition or in
 * its body (locals() asks again: kept nowhere, as a table of every function
 * would cost the collector more than the rare second look).
 */
export function codeFacts(fn: FunctionNode, scope: Scope, qualname: string, ctx: TransformContext): CodeFacts {
  return findFacts(fn, scope, qualname, ctx);
}

const NONE: readonly string[] = [];

function sortedNames(names: ReadonlySet<string> | undefined): readonly string[] {
  return names === undefined || names.size === 0 ? NONE : [...names].sort(byName);
}

function findFacts(fn: FunctionNode, scope: Scope, qualname: string, ctx: TransformContext): CodeFacts {
  const closure = closureTable(ctx.symbols.top).get(scope);
  const free = sortedNames(closure?.free);
  // co_cellvars: the parameters that are cells, in their order, then the other cells by name (3.11's fast-locals order).
  let cells = sortedNames(closure?.cells);
  if (cells.length > 0) {
    const params = parameters(fn, ctx);
    cells = [...params.filter((p) => closure!.cells.has(p)), ...cells.filter((n) => !params.includes(n))];
  }
  const annotations = !futureAnnotations(ctx);
  const locals = plainLocals(fn, scope, closure?.cells, ctx.mangler, annotations);
  let flags = '';
  if (!annotations) flags += 'a';
  if (!qualname.includes('<locals>') && ctx.inFunctionScope()) flags += 'n';
  let text = '';
  if (flags !== '') text = `;${locals.join(' ')};${free.join(' ')};${cells.join(' ')};${flags}`;
  else if (cells.length > 0) text = `;${locals.join(' ')};${free.join(' ')};${cells.join(' ')}`;
  else if (free.length > 0) text = `;${locals.join(' ')};${free.join(' ')}`;
  else if (locals.length > 0) text = `;${locals.join(' ')}`;
  return { text, free, locals, cells };
}

/** What locals() lists in `fn`: co_varnames, then the cells that are not parameters, then the free variables. */
export function localsOrder(fn: FunctionNode, scope: Scope, ctx: TransformContext): string[] {
  const { locals, cells, free } = findFacts(fn, scope, '', ctx);
  const params = parameters(fn, ctx);
  return [...params, ...locals, ...cells.filter((n) => !params.includes(n)), ...free];
}

/** The parameters' (mangled) names in co_varnames order: positional, keyword-only, `*args`, `**kwargs`. */
function parameters(fn: FunctionNode, ctx: TransformContext): string[] {
  const a = fn.args;
  const params: string[] = [];
  for (const p of a.posonlyargs) params.push(ctx.mangle(p.arg));
  for (const p of a.args) params.push(ctx.mangle(p.arg));
  for (const p of a.kwonlyargs) params.push(ctx.mangle(p.arg));
  if (a.vararg) params.push(ctx.mangle(a.vararg.arg));
  if (a.kwarg) params.push(ctx.mangle(a.kwarg.arg));
  return params;
}

/**
 * The function's plain locals (its own variables that are neither
 * parameters nor cells) in co_varnames order. That is the order the symbol
 * table met them in, unless the table recorded that CPython's compiler
 * emits some of them in another order (Scope.reorders): then a walk of the
 * body finds it (localsOrder.ts). `walk`: take the walk anyway (tests).
 */
export function plainLocals(
  fn: FunctionNode, scope: Scope, cells: ReadonlySet<string> | undefined, mangle: (name: string) => string, annotations: boolean, walk = false,
): string[] {
  const candidates: string[] = [];
  const records = scope.reorders;
  // With records: whether each symbol, by index, is a candidate.
  const marks: boolean[] | null = records === null ? null : [];
  let annotated = false;
  const withCells = cells !== undefined && cells.size > 0;
  scope.symbols.forEach((flags, n) => {
    const plain = (flags & DEF_BOUND) !== 0 && (flags & (DEF_PARAM | DEF_GLOBAL | DEF_NONLOCAL)) === 0 && !(withCells && cells.has(n));
    if (plain) {
      candidates.push(n);
      // A bare `x: int` emits nothing: a name only annotated is not in co_varnames.
      if (flags & DEF_ANNOT) annotated = true;
    }
    if (marks !== null) marks.push(plain);
  });
  if (!walk && !annotated && (candidates.length < 2 || (!scope.reorderedUntold && (marks === null || !reordered(records!, marks))))) {
    return candidates;
  }
  return referenceOrder(fn, new Set(candidates), mangle, annotations);
}

/** Whether a record of `records` changes the order of the candidates (`marks`, by symbol index). */
function reordered(records: readonly number[], marks: readonly boolean[]): boolean {
  const count = (from: number, to: number): number => {
    let n = 0;
    for (let i = from; i < to; i++) if (marks[i]) n++;
    return n;
  };
  for (let i = 0; i < records.length;) {
    const kind = records[i]!;
    if (kind === SWAPPED) {
      if (count(records[i + 1]!, records[i + 2]!) > 0 && count(records[i + 2]!, records[i + 3]!) > 0) return true;
      i += 4;
    } else if (kind === SWAPPED3) {
      const groups = (count(records[i + 1]!, records[i + 2]!) > 0 ? 1 : 0) + (count(records[i + 2]!, records[i + 3]!) > 0 ? 1 : 0)
        + (count(records[i + 3]!, records[i + 4]!) > 0 ? 1 : 0);
      if (groups > 1) return true;
      i += 5;
    } else if (kind === NEVER) {
      if (count(records[i + 1]!, records[i + 2]!) > 0) return true;
      i += 3;
    } else {
      if (count(records[i + 1]!, records[i + 2]!) > 1) return true;
      i += 3;
    }
  }
  return false;
}
