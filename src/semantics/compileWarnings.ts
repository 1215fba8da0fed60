/**
 * The SyntaxWarnings CPython 3.11's code generator issues for code that
 * compiles but cannot be what was meant (Python/compile.c: check_compare,
 * check_caller, check_subscripter, check_index, and compiler_assert's):
 * `x is 1`, `(1, 2) (3, 4)`, `None[0]`, `"abc"["x"]`, `assert (x, "msg")`.
 * Each test sees the tree after constant folding, as CPython's does.
 */
import { Ellipsis, PyBytes, PyComplex, PyStrCodePoints } from '../ast/constants.js';
import type { PyConstant } from '../ast/constants.js';
import type { Compare, expr } from '../ast/nodes.js';
import { PyTuple, foldConstant, type Folded } from './constantFolding.js';

/** A warning for the location the code generator is at. */
export interface CompileWarning {
  readonly category: 'SyntaxWarning';
  readonly message: string;
  readonly filename: string;
  readonly lineno: number;
  /** The source line, as the warning shows it (stripped), or null. */
  readonly line: string | null;
}

function constantType(v: Folded): string {
  if (v instanceof PyTuple) return 'tuple';
  if (v === null) return 'NoneType';
  if (v === Ellipsis) return 'ellipsis';
  if (v instanceof PyBytes) return 'bytes';
  if (v instanceof PyComplex) return 'complex';
  if (v instanceof PyStrCodePoints) return 'str';
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'bigint':
      return 'int';
    case 'number':
      return 'float';
    case 'string':
      return 'str';
  }
  return 'object';
}

/** compile.c's infer_type: the type an expression surely has, or null. */
function inferType(e: expr): string | null {
  const folded = foldConstant(e);
  if (folded !== undefined) return constantType(folded);
  switch (e.nodeType) {
    case 'Tuple':
      return 'tuple';
    case 'List':
    case 'ListComp':
      return 'list';
    case 'Dict':
    case 'DictComp':
      return 'dict';
    case 'Set':
    case 'SetComp':
      return 'set';
    case 'GeneratorExp':
      return 'generator';
    case 'Lambda':
      return 'function';
    case 'JoinedStr':
    case 'FormattedValue':
      return 'str';
    case 'Slice':
      return 'slice';
  }
  return null;
}

/** What the code generator sees: a folded expression is a Constant. */
function kindAfterFolding(e: expr): string {
  return foldConstant(e) !== undefined ? 'Constant' : e.nodeType;
}

/** check_is_arg: None, True, False and ... are fine beside `is`; other constants are not. */
function isArgOk(e: expr): boolean {
  const v = foldConstant(e);
  return v === undefined || v === null || v === true || v === false || v === Ellipsis;
}

/** check_compare's warning for `a is 1`, `a is not 'x'`: the first such comparison's only. */
export function compareWarning(e: Compare): string | null {
  let left = e.left;
  for (let i = 0; i < e.ops.length; i++) {
    const op = e.ops[i]!.nodeType;
    const right = e.comparators[i]!;
    if ((op === 'Is' || op === 'IsNot') && (!isArgOk(left) || !isArgOk(right))) {
      return op === 'Is' ? '"is" with a literal. Did you mean "=="?' : '"is not" with a literal. Did you mean "!="?';
    }
    left = right;
  }
  return null;
}

/** check_caller: calling a literal. */
export function callerWarning(func: expr): string | null {
  switch (kindAfterFolding(func)) {
    case 'Constant':
    case 'Tuple':
    case 'List':
    case 'ListComp':
    case 'Dict':
    case 'DictComp':
    case 'Set':
    case 'SetComp':
    case 'GeneratorExp':
    case 'JoinedStr':
    case 'FormattedValue':
      return `'${inferType(func)!}' object is not callable; perhaps you missed a comma?`;
  }
  return null;
}

function isUnsubscriptable(v: PyConstant | PyTuple): boolean {
  return v === null || v === Ellipsis || typeof v === 'boolean' || typeof v === 'bigint' || typeof v === 'number' || v instanceof PyComplex;
}

/** check_subscripter: subscripting a value that is never subscriptable. */
export function subscripterWarning(value: expr): string | null {
  const folded = foldConstant(value);
  const kind = folded !== undefined ? 'Constant' : value.nodeType;
  if (kind === 'Constant' && !isUnsubscriptable(folded!)) return null;
  if (kind === 'Constant' || kind === 'Set' || kind === 'SetComp' || kind === 'GeneratorExp' || kind === 'Lambda') {
    return `'${inferType(value)!}' object is not subscriptable; perhaps you missed a comma?`;
  }
  return null;
}

/** check_index: a sequence literal indexed by something that is surely no integer or slice. */
export function indexWarning(value: expr, index: expr): string | null {
  const indexType = inferType(index);
  if (indexType === null || indexType === 'int' || indexType === 'bool' || indexType === 'slice') return null;
  const folded = foldConstant(value);
  const kind = folded !== undefined ? 'Constant' : value.nodeType;
  if (kind === 'Constant') {
    const t = constantType(folded!);
    if (t !== 'str' && t !== 'bytes' && t !== 'tuple') return null;
  } else if (kind !== 'Tuple' && kind !== 'List' && kind !== 'ListComp' && kind !== 'JoinedStr' && kind !== 'FormattedValue') {
    return null;
  }
  return `${inferType(value)!} indices must be integers or slices, not ${indexType}; perhaps you missed a comma?`;
}

/** A warning as warnings.py's default showwarning prints it: the location, the category and message, then the line. */
export function formatWarning(w: CompileWarning): string {
  return `${w.filename}:${w.lineno}: ${w.category}: ${w.message}\n${w.line !== null ? `  ${w.line}\n` : ''}`;
}
