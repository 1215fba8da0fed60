/**
 * The symbol table: one Scope per module, class, function, lambda and
 * comprehension (CPython's PySTEntryObject), with the raw per-name flags
 * that CPython's first symtable pass collects. scopeBuilder.ts fills it,
 * scopeAnalysis.ts resolves `nonlocal`, and compileChecks.ts reads the
 * block flags (generator, coroutine) the code generator relies on.
 */
import type { AST } from '../ast/nodes.js';
import type { Loc } from './report.js';

export const DEF_GLOBAL = 1;
export const DEF_LOCAL = 2;
export const DEF_PARAM = 4;
export const DEF_NONLOCAL = 8;
export const USE = 16;
export const DEF_IMPORT = 32;
export const DEF_ANNOT = 64;
/** The name is bound as a comprehension's iteration variable. */
export const DEF_COMP_ITER = 128;
export const DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

/** Kinds of Scope.reorders records. */
export const SWAPPED = 2;
export const SWAPPED3 = 3;
export const NEVER = -1;
export const SCRAMBLED = -2;

/**
 * 'function' covers lambdas and comprehensions too, as in CPython.
 * 'annotation' blocks exist only under `from __future__ import annotations`:
 * they are never analyzed nor compiled (annotations become strings).
 */
export type BlockKind = 'module' | 'class' | 'function' | 'annotation';

export type ComprehensionKind = 'list' | 'set' | 'dict' | 'generator';

export class Scope {
  /** Flags per (mangled) name, in first-definition order like CPython's dict. */
  readonly symbols = new Map<string, number>();
  /**
   * Nested scopes in creation order (annotation blocks are not listed).
   * Array.of(), not `[]`: V8 allocates a literal's arrays in the old
   * generation once most of them outlive a young collection (scopes live
   * through the transform), and a dead old array keeps the young scopes it
   * lists alive through young collections until a major one.
   */
  readonly children: Scope[] = Array.of<Scope>();
  /** Where each name was first declared global/nonlocal (error_at_directive). */
  directives: Map<string, Loc> | null = null;
  isGenerator = false;
  isCoroutine = false;
  comprehension: ComprehensionKind | null = null;
  /** True while the iteration target of a comprehension is being visited. */
  compIterTarget = false;
  /** Depth of comprehension iterable expressions being visited. */
  compIterExpr = 0;
  /**
   * Where a function's names were first met in an order other than the one
   * CPython's code generator emits them in (co_varnames order), as ranges of
   * `symbols` indexes (src/transform/codeFacts.ts reads them): a flat list
   * of records `[SWAPPED, a, b, c]` (the groups [a, b) and [b, c) are
   * emitted in another order), `[SWAPPED3, a, b, c, d]`, `[NEVER, a, b]`
   * (names met in [a, b) there are not emitted there: local annotations),
   * `[SCRAMBLED, a, b]` (emitted in another order, name by name). Null
   * when the orders agree, which is the usual case.
   */
  reorders: number[] | null = null;
  /** The orders may differ in ways the records do not tell (a `match`, a jump out of a `try` with `finally`). */
  reorderedUntold = false;
  /** While building: how many `try` blocks with a `finally` the statements being visited are in. */
  finallyDepth = 0;

  constructor(readonly kind: BlockKind) {}

  flags(name: string): number {
    return this.symbols.get(name) ?? 0;
  }
}

export interface SymbolTable {
  readonly top: Scope;
  /** The scope each module/def/class/lambda/comprehension node opens. */
  readonly scopes: ReadonlyMap<AST, Scope>;
  /**
   * Whether some `global` statement is in a block nested two deep or more
   * (inside a function or a class's method): only there can an enclosing
   * function's variable hide the module's (TransformContext.hiddenGlobal).
   */
  readonly nestedGlobals: boolean;
  /** Module names that a function or class body declares `global` and may unbind (`del`, `except … as`), mangled. */
  readonly unboundGlobals: ReadonlySet<string>;
}

/**
 * CPython's private name mangling (`_Py_Mangle`): inside class `C`,
 * `__x` stands for `_C__x`, except dunder names, dotted names and classes
 * whose name is all underscores.
 */
export function mangle(className: string | null, name: string): string {
  if (className === null || name.charCodeAt(0) !== 0x5f || name.charCodeAt(1) !== 0x5f) return name;
  const n = name.length;
  if ((name.charCodeAt(n - 1) === 0x5f && name.charCodeAt(n - 2) === 0x5f) || name.includes('.')) return name;
  let i = 0;
  while (i < className.length && className.charCodeAt(i) === 0x5f) i++;
  if (i === className.length) return name;
  return '_' + className.slice(i) + name;
}
