/**
 * The ". Did you mean: 'x'?" CPython 3.11's interpreter adds to an uncaught
 * AttributeError or NameError (Python/suggestions.c; the traceback module
 * adds none before 3.12): the closest name by its weighted Levenshtein
 * distance among the object's dir() — for a NameError, the innermost
 * frame's local variables, then its module's globals, then the builtins.
 */
import type { AST, arguments as Arguments, expr, stmt } from '../../src/ast/nodes.js';
import { forEachChild } from '../../src/ast/walk.js';
import type { PyFrame } from './locate.js';

const MAX_CANDIDATE_ITEMS = 750;
const MAX_STRING_SIZE = 40;
const MOVE_COST = 2;
const CASE_COST = 1;

function substitutionCost(a: number, b: number): number {
  if ((a & 31) !== (b & 31)) return MOVE_COST;
  if (a === b) return 0;
  const lower = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);
  return lower(a) === lower(b) ? CASE_COST : MOVE_COST;
}

/** suggestions.c's levenshtein_distance, on UTF-8 bytes as there: max_cost + 1 when over max_cost. */
export function levenshtein(aText: string, bText: string, maxCost: number): number {
  if (aText === bText) return 0;
  let a = Array.from(new TextEncoder().encode(aText));
  let b = Array.from(new TextEncoder().encode(bText));
  while (a.length > 0 && b.length > 0 && a[0] === b[0]) {
    a = a.slice(1);
    b = b.slice(1);
  }
  while (a.length > 0 && b.length > 0 && a[a.length - 1] === b[b.length - 1]) {
    a = a.slice(0, -1);
    b = b.slice(0, -1);
  }
  if (a.length === 0 || b.length === 0) return (a.length + b.length) * MOVE_COST;
  if (a.length > MAX_STRING_SIZE || b.length > MAX_STRING_SIZE) return maxCost + 1;
  if (b.length < a.length) [a, b] = [b, a];
  if ((b.length - a.length) * MOVE_COST > maxCost) return maxCost + 1;
  const buffer: number[] = a.map((_, i) => (i + 1) * MOVE_COST);
  let result = 0;
  for (let bIndex = 0; bIndex < b.length; bIndex++) {
    const code = b[bIndex]!;
    let distance = (result = bIndex * MOVE_COST);
    let minimum = Infinity;
    for (let index = 0; index < a.length; index++) {
      const substitute = distance + substitutionCost(code, a[index]!);
      distance = buffer[index]!;
      const insertDelete = Math.min(result, distance) + MOVE_COST;
      result = Math.min(insertDelete, substitute);
      buffer[index] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > maxCost) return maxCost + 1;
  }
  return result;
}

/** calculate_suggestions: the first closest candidate, within a third of the characters changed. */
export function closestName(candidates: readonly unknown[], name: string): string | null {
  if (candidates.length >= MAX_CANDIDATE_ITEMS) return null;
  const nameSize = new TextEncoder().encode(name).length;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const item of candidates) {
    if (typeof item !== 'string' || item === name) continue;
    const itemSize = new TextEncoder().encode(item).length;
    const maxDistance = Math.min(Math.floor(((nameSize + itemSize + 3) * MOVE_COST) / 6), bestDistance - 1);
    const distance = levenshtein(name, item, maxDistance);
    if (distance > maxDistance) continue;
    if (best === null || distance < bestDistance) {
      best = item;
      bestDistance = distance;
    }
  }
  return best;
}

/** CPython 3.11's `vars(builtins)`, in its order (which decides between equally close names). */
const BUILTINS = `__name__ __doc__ __package__ __loader__ __spec__ __build_class__ __import__ abs all any ascii bin breakpoint
callable chr compile delattr dir divmod eval exec format getattr globals hasattr hash hex id input isinstance issubclass
iter aiter len locals max min next anext oct ord pow print repr round setattr sorted sum vars None Ellipsis NotImplemented
False True bool memoryview bytearray bytes classmethod complex dict enumerate filter float frozenset property int list map
object range reversed set slice staticmethod str super tuple type zip __debug__ BaseException BaseExceptionGroup Exception
GeneratorExit KeyboardInterrupt SystemExit ArithmeticError AssertionError AttributeError BufferError EOFError ImportError
LookupError MemoryError NameError OSError ReferenceError RuntimeError StopAsyncIteration StopIteration SyntaxError
SystemError TypeError ValueError Warning FloatingPointError OverflowError ZeroDivisionError BytesWarning
DeprecationWarning EncodingWarning FutureWarning ImportWarning PendingDeprecationWarning ResourceWarning RuntimeWarning
SyntaxWarning UnicodeWarning UserWarning BlockingIOError ChildProcessError ConnectionError FileExistsError
FileNotFoundError InterruptedError IsADirectoryError NotADirectoryError PermissionError ProcessLookupError TimeoutError
IndentationError IndexError KeyError ModuleNotFoundError NotImplementedError RecursionError UnboundLocalError UnicodeError
BrokenPipeError ConnectionAbortedError ConnectionRefusedError ConnectionResetError TabError UnicodeDecodeError
UnicodeEncodeError UnicodeTranslateError ExceptionGroup EnvironmentError IOError open quit exit copyright credits license
help`.split(/\s+/);

/** What a module's globals start with before its own names. */
const MODULE_DUNDERS = ['__name__', '__doc__', '__package__', '__loader__', '__spec__', '__builtins__', '__file__', '__cached__'];

/** The names a NameError in `frame` may have meant, by where CPython looks: the code's locals, the globals, the builtins. */
export function nameCandidates(frame: PyFrame): string[][] {
  const tree = frame.module.ast();
  const globals = tree === null ? [] : [...MODULE_DUNDERS, ...boundNames(tree.body, frame.scope === null ? frame.lineno : Infinity)];
  return [frame.scope === null ? [] : localNames(frame.scope), globals, BUILTINS];
}

/** A function's co_varnames (parameters, then the names its body binds) or a comprehension's; none for a class body. */
function localNames(scope: AST): string[] {
  switch (scope.nodeType) {
    case 'FunctionDef':
    case 'AsyncFunctionDef':
    case 'Lambda': {
      const declared = new Set<string>();
      if (scope.nodeType !== 'Lambda') collectDeclarations(scope.body, declared);
      const names = [...parameterNames(scope.args), ...(scope.nodeType === 'Lambda' ? [] : boundNames(scope.body, Infinity))];
      return unique(names.filter((n) => !declared.has(n)));
    }
    case 'ListComp':
    case 'SetComp':
    case 'DictComp':
    case 'GeneratorExp': {
      const names: string[] = ['.0'];
      for (const g of scope.generators) collectTargets(g.target, names);
      return unique(names);
    }
  }
  return [];
}

function parameterNames(a: Arguments): string[] {
  return [
    ...a.posonlyargs, ...a.args, ...a.kwonlyargs, ...(a.vararg ? [a.vararg] : []), ...(a.kwarg ? [a.kwarg] : []),
  ].map((p) => p.arg);
}

/** The names the statements bind in their own scope, in source order (those of statements starting before `beforeLine`). */
function boundNames(body: readonly stmt[], beforeLine: number): string[] {
  const names: string[] = [];
  const visit = (node: AST): void => {
    switch (node.nodeType) {
      case 'FunctionDef':
      case 'AsyncFunctionDef':
      case 'ClassDef':
        names.push(node.name);
        return;
      case 'Lambda':
      case 'ListComp':
      case 'SetComp':
      case 'DictComp':
      case 'GeneratorExp':
        return;
      case 'Import':
      case 'ImportFrom':
        for (const alias of node.names) if (alias.name !== '*') names.push(alias.asname ?? alias.name.split('.')[0]!);
        return;
      case 'Name':
        if (node.ctx.nodeType === 'Store') names.push(node.id);
        return;
    }
    forEachChild(node, visit);
  };
  for (const s of body) if (s.lineno < beforeLine) visit(s);
  return unique(names);
}

function collectDeclarations(body: readonly stmt[], out: Set<string>): void {
  const visit = (node: AST): void => {
    if (node.nodeType === 'Global' || node.nodeType === 'Nonlocal') for (const n of node.names) out.add(n);
    if (node.nodeType === 'FunctionDef' || node.nodeType === 'AsyncFunctionDef' || node.nodeType === 'ClassDef' || node.nodeType === 'Lambda') return;
    forEachChild(node, visit);
  };
  body.forEach(visit);
}

function collectTargets(target: expr, out: string[]): void {
  if (target.nodeType === 'Name') out.push(target.id);
  else forEachChild(target, (child) => collectTargets(child as expr, out));
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}
