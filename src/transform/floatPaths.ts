/**
 * Fast paths for arithmetic on numbers held as plain JS numbers: a tree of
 * `+ - * /` (and unary `-`) compiles to a guard on its operands, the plain
 * JS arithmetic, and the general operators as the fallback. `dx = x1 - x2`:
 *
 *     dx = typeof x1 === "number" && !$isInteger(x1) && typeof x2 === "number" && !$isInteger(x2)
 *       ? $isInteger($1 = x1 - x2) ? $boxFloat($1) : $1
 *       : $sub(x1, x2);
 *
 * The float path is exact: a float held as a JS number is non-integral
 * (runtime/README.md); when every operand that is not a literal is one,
 * every operation in the tree has a float operand, so CPython computes
 * each in IEEE doubles as JS does (an int literal converts exactly), and
 * only the final value may need a box. A divisor must be a non-zero literal
 * or a guarded operand (non-integral, so not zero): no ZeroDivisionError is
 * lost. CPython's float + - * / never raise otherwise (overflow gives inf).
 *
 * The int path (`i + j + 1`, `(i + j) * (i + j + 1)` inside `// 2`) guards
 * on int32 operands: sums and differences of a few int32s are exact safe
 * ints; a product of such sums is exact while the rounded product is a
 * safe int, which the path checks (rounding is monotonic).
 *
 * Why: the general operators are calls, and a hot numeric function holds
 * more of them than TurboFan's inlining budget takes; the plain arithmetic
 * needs no inlining and keeps doubles unboxed, and Number.isInteger
 * (`$isInteger`) is a builtin TurboFan compiles to a machine check.
 *
 * Order of evaluation: operands that are not plain variable reads (calls,
 * subscripts, a `**`) are evaluated once, into temporaries, before the
 * guard, and only those CPython evaluates before any operation of the tree
 * (with the variables read before them), so both paths keep CPython's order.
 *
 * Which trees: an int literal outside a divisor, a `//`, `%` or bit
 * operation, `len()` among the operands mean int arithmetic: the int path
 * or, for the tree's inner sums, theirs. Otherwise the float path, when the
 * tree does more than `+` (which also joins strings and lists) or holds a
 * float literal, no operand is certainly not a number (`[0] * n`,
 * `set(a) - b`), and the function computes with floats at all (a float
 * literal, `/`, `float`, `math`): `j - i` in a function of ints would only
 * get longer. A single operation with a literal keeps numericFacts.ts's
 * helpers.
 */
import * as t from './build.js';
import type * as py from '../ast/nodes.js';
import { forEachChild } from '../ast/walk.js';
import type { TransformContext } from './context.js';
import { floatLiteral, int32Literal, literalOperation } from './numericFacts.js';
import { verbatimExpression } from './verbatim.js';

type Compile = (node: py.expr, ctx: TransformContext) => t.Expression;

type JsOperator = '+' | '-' | '*' | '/';

const OPERATORS: Partial<Record<py.operator['nodeType'], JsOperator>> = { Add: '+', Sub: '-', Mult: '*', Div: '/' };

const HELPERS: Record<JsOperator, string> = { '+': 'add', '-': 'sub', '*': 'mul', '/': 'truediv' };
const INPLACE_HELPERS: Record<JsOperator, string> = { '+': 'iadd', '-': 'isub', '*': 'imul', '/': 'itruediv' };

/** Operators whose operands are ints in practice. */
const INT_OPERATORS = new Set<py.operator['nodeType']>(['FloorDiv', 'Mod', 'LShift', 'RShift', 'BitOr', 'BitXor', 'BitAnd']);

type Tree =
  | { kind: 'op'; op: JsOperator; left: Tree; right: Tree; py: py.BinOp | null; inplace: boolean }
  | { kind: 'neg'; operand: Tree; py: py.UnaryOp }
  /** `operand // c` for an int literal c > 0, inside int arithmetic (`n * (n + 1) // 2 + 1`). */
  | { kind: 'floordiv'; operand: Tree; divisor: number; py: py.BinOp }
  | { kind: 'float'; value: number; py: py.expr }
  | { kind: 'int'; value: number; py: py.expr }
  /** A variable read (compiled: a plain identifier, nothing can happen on reading it), or the caller's identifier. */
  | { kind: 'name'; py: py.expr | null; js: t.Identifier }
  /** Anything else, evaluated once, before the guard: a py operand, or a value the caller computed (`js`). */
  | { kind: 'other'; py: py.expr | null; js: t.Expression | null };

type Leaf = Extract<Tree, { kind: 'name' | 'other' }>;

/**
 * BinOp and UnaryOp nodes compiled by the general operators: the nodes of
 * a tree that took no fast path (its operations are compiled one by one,
 * and must not each try again) and of a fast path's fallback branch.
 */
const plain = new WeakSet<py.expr>();

function tree(node: py.expr, ctx: TransformContext, compile: Compile): Tree {
  if (!plain.has(node)) {
    if (node.nodeType === 'BinOp') {
      const op = OPERATORS[node.op.nodeType];
      if (op !== undefined) {
        return { kind: 'op', op, left: tree(node.left, ctx, compile), right: tree(node.right, ctx, compile), py: node, inplace: false };
      }
      const divisor = node.op.nodeType === 'FloorDiv' ? int32Literal(node.right) : undefined;
      if (divisor !== undefined && divisor > 0) {
        // Only int arithmetic the int path computes exactly; any other quotient stays an operand (`$floordivInt(…)`).
        const operand = tree(node.left, ctx, compile);
        if ((isAdditive(operand) || isProductOfSums(operand)) && !postorder(operand).some((n) => n.kind === 'float')) {
          return { kind: 'floordiv', operand, divisor, py: node };
        }
      }
    }
    if (node.nodeType === 'UnaryOp' && node.op.nodeType === 'USub' && node.operand.nodeType !== 'Constant') {
      return { kind: 'neg', operand: tree(node.operand, ctx, compile), py: node };
    }
  }
  const f = floatLiteral(node);
  if (f !== undefined) return { kind: 'float', value: f, py: node };
  const i = int32Literal(node);
  if (i !== undefined) return { kind: 'int', value: i, py: node };
  if (node.nodeType === 'Name') {
    // An unbound check, a class namespace's entry or a shadowed builtin is not a plain read.
    const js = compile(node, ctx);
    return js.type === 'Identifier' ? { kind: 'name', py: node, js } : { kind: 'other', py: node, js };
  }
  return { kind: 'other', py: node, js: null };
}

/** Operations and operands in CPython's order of evaluation. */
function postorder(node: Tree, out: Tree[] = []): Tree[] {
  if (node.kind === 'op') {
    postorder(node.left, out);
    postorder(node.right, out);
  } else if (node.kind === 'neg' || node.kind === 'floordiv') {
    postorder(node.operand, out);
  }
  out.push(node);
  return out;
}

function isFloatTyped(node: Tree): boolean {
  switch (node.kind) {
    case 'op': return isFloatTyped(node.left) || isFloatTyped(node.right);
    case 'neg': return isFloatTyped(node.operand);
    case 'floordiv': return false;
    case 'int': return false;
    default: return true;
  }
}

const MAX_SAFE = 9007199254740991;
const INT32_MAX = 2147483647;

/**
 * Whether a tree only adds and subtracts, over operands and floor divisions
 * (by a positive literal) of such sums or of products of two such sums: int
 * arithmetic the int path computes exactly (see `emit`).
 */
function isAdditive(node: Tree): boolean {
  switch (node.kind) {
    case 'op': return (node.op === '+' || node.op === '-') && isAdditive(node.left) && isAdditive(node.right);
    case 'neg': return false;
    case 'floordiv': return isAdditive(node.operand) || isProductOfSums(node.operand);
    default: return true;
  }
}

function isProductOfSums(node: Tree): boolean {
  return node.kind === 'op' && node.op === '*' && isAdditive(node.left) && isAdditive(node.right);
}

/** Operand kinds that are never numbers: a tree holding one is not arithmetic (`s + "!"`, `[0] * n`). */
const NOT_NUMBERS = new Set<py.expr['nodeType']>([
  'List', 'Tuple', 'Dict', 'Set', 'ListComp', 'SetComp', 'DictComp', 'GeneratorExp', 'JoinedStr', 'Lambda',
]);

/** Builtins whose result is never a number. */
const OTHER_BUILTINS = new Set(['set', 'frozenset', 'list', 'dict', 'tuple', 'str', 'repr', 'sorted', 'range', 'bytes', 'bytearray']);

/** Builtins whose result is an int. */
const INT_BUILTINS = new Set(['len', 'ord', 'int', 'hash', 'id']);

interface Facts {
  /** An operand that is never a number. */
  notNumbers: boolean;
  /** Signs of int arithmetic: an int literal (but a divisor), a `//`, `%` or bit operation, `len()`. */
  ints: boolean;
  /** Some operation is not `+` (which also joins strings and lists), or a float literal takes part. */
  numeric: boolean;
  /** Every operand the fast path reads after its guard is a plain read (the others come first in CPython's order). */
  hoistable: boolean;
  /** Operands the guard checks. */
  guarded: number;
  operations: number;
  floats: boolean;
  /** No int op int (unbounded in Python), no divisor that may be zero: IEEE arithmetic when the guarded operands are floats. */
  floatSafe: boolean;
}

function isNonZeroLiteral(node: Tree): boolean {
  return (node.kind === 'float' || node.kind === 'int') && node.value !== 0;
}

function facts(root: Tree, ctx: TransformContext): Facts {
  const f: Facts = {
    notNumbers: false, ints: false, numeric: false, hoistable: true, guarded: 0, operations: 0, floats: false, floatSafe: true,
  };
  for (const node of postorder(root)) {
    switch (node.kind) {
      case 'op':
        f.operations++;
        if (node.op !== '+') f.numeric = true;
        if (node.left.kind === 'int' || (node.right.kind === 'int' && node.op !== '/')) f.ints = true;
        if (!isFloatTyped(node.left) && !isFloatTyped(node.right)) f.floatSafe = false;
        if (node.op === '/' && node.right.kind !== 'name' && node.right.kind !== 'other' && !isNonZeroLiteral(node.right)) f.floatSafe = false;
        break;
      case 'neg':
        f.operations++;
        f.numeric = true;
        if (node.operand.kind === 'int') f.ints = true;
        break;
      case 'floordiv':
        f.operations++;
        f.numeric = true;
        f.ints = true;
        break;
      case 'float':
        f.floats = true;
        f.numeric = true;
        break;
      case 'name':
        f.guarded++;
        break;
      case 'other': {
        const p = node.py;
        if (p !== null && (NOT_NUMBERS.has(p.nodeType) || (p.nodeType === 'Constant' && typeof p.value !== 'number' && typeof p.value !== 'bigint'))) {
          f.notNumbers = true;
        }
        if (p?.nodeType === 'BinOp' && INT_OPERATORS.has(p.op.nodeType)) f.ints = true;
        if (p?.nodeType === 'Call' && p.func.nodeType === 'Name' && ctx.resolve(p.func.id) === 'builtin') {
          if (INT_BUILTINS.has(p.func.id)) f.ints = true;
          if (OTHER_BUILTINS.has(p.func.id)) f.notNumbers = true;
        }
        // Evaluated before the guard: only what CPython evaluates before any operation.
        if (f.operations > 0) f.hoistable = false;
        f.guarded++;
        break;
      }
    }
  }
  return f;
}

/** A single operation with a literal operand: numericFacts.ts's helpers are shorter to read and about as fast. */
function isLiteralOperation(root: Tree): boolean {
  if (root.kind !== 'op' || root.py === null) return false;
  const isLiteral = (n: Tree): boolean => n.kind === 'float' || n.kind === 'int';
  const isOperand = (n: Tree): boolean => n.kind === 'name' || n.kind === 'other';
  return (isLiteral(root.left) && isOperand(root.right)) || (isOperand(root.left) && isLiteral(root.right));
}

function markPlain(node: Tree): void {
  if (node.kind === 'op') {
    if (node.py !== null) plain.add(node.py);
    markPlain(node.left);
    markPlain(node.right);
  } else if (node.kind === 'neg' || node.kind === 'floordiv') {
    plain.add(node.py);
    markPlain(node.operand);
  }
}

/**
 * `typeof x === "number" && (x | 0) === x && !$sameValue(x, -0)`: x is an
 * int32 (an int: an integral number that is not -0, the float 0.0;
 * Object.is with the constant -0 is a minus-zero check in TurboFan). As
 * text (verbatim.ts), as the guards have no source positions: a guard's
 * tree was a dozen nodes to print.
 */
function isInt32(x: t.Identifier, ctx: TransformContext, read = x.name): string {
  return `typeof ${read} === "number" && (${x.name} | 0) === ${x.name} && !${ctx.rt('sameValue').name}(${x.name}, -0)`;
}

/**
 * `typeof x === "number" && !$isInteger(x)`: x is a float held as a JS
 * number. As text, as isInt32. `read` is what the typeof tests, when x is
 * assigned there (`typeof ($2 = $1[0])`, an item store's read).
 */
function isDouble(x: t.Identifier, ctx: TransformContext, read = x.name): string {
  return `typeof ${read} === "number" && !${ctx.rt('isInteger').name}(${x.name})`;
}

function numberLiteral(v: number): t.Expression {
  const magnitude = Math.abs(v);
  const literal = magnitude === Infinity ? t.identifier('Infinity') : t.numericLiteral(magnitude);
  return v < 0 || Object.is(v, -0) ? t.unaryExpression('-', literal) : literal;
}

type Mode = 'float' | 'int';

/** A leaf node (an identifier, a number) once more: a shallow copy, cheaper than Babel's deep cloneNode. */
function copy<T extends t.Node>(node: T): T {
  return { ...node };
}

/**
 * `v[0] += d * x` for a list v: the guard reads the item itself, after
 * `$isListAt(v, 0)` (a list, not a subclass, and the index in range):
 * `$isListAt($1, 0) && typeof ($2 = $1[0]) === "number" && ...`; the result
 * goes straight into the list on the fast path, through `setitemAt` (after
 * reading the item again with `getitemAt`) on the other. Read there rather
 * than by a helper returning the item or undefined: the item stays an
 * unboxed double in TurboFan (a helper's result, merged with undefined, is
 * a new HeapNumber per read), and the read's feedback is this site's, not
 * one shared by every such store of the program.
 */
interface ItemStore {
  current: Leaf;
  /** `$isListAt(v, 0)`, as text. */
  isList: string;
  /** `v[0]`, as text. */
  item: string;
  slowCurrent: t.Expression;
  fast: (value: t.Expression) => t.Expression;
  slow: (value: t.Expression) => t.Expression;
}

/** The fast path of a tree `fastPath` chose it for. */
function emit(root: Tree, mode: Mode, ctx: TransformContext, compile: Compile, store: ItemStore | null = null): t.Expression {
  const guard = mode === 'float' ? isDouble : isInt32;
  markPlain(root);
  const order = postorder(root);
  const leaves = order.filter((n): n is Leaf => n.kind === 'name' || n.kind === 'other');
  // Everything up to the last operand that is not a plain read is evaluated first, in order, into temporaries.
  let hoisted = 0;
  leaves.forEach((leaf, i) => {
    if (leaf.kind === 'other') hoisted = i + 1;
  });
  const value = new Map<Tree, t.Expression>();
  const sequence: t.Expression[] = [];
  const guardTexts: string[] = [];
  const guardedNames = new Set<string>();
  leaves.forEach((leaf, i) => {
    if (store !== null && leaf === store.current) {
      // The first leaf, and the only one not a plain read (floatInplaceItem): read in the guard.
      const tmp = ctx.temp();
      value.set(leaf, tmp);
      guardTexts.push(`${store.isList} && ${guard(tmp, ctx, `(${tmp.name} = ${store.item})`)}`);
      return;
    }
    const js = leaf.js ?? compile(leaf.py!, ctx);
    if (i < hoisted) {
      const tmp = ctx.temp();
      sequence.push(t.assignmentExpression('=', tmp, js));
      value.set(leaf, tmp);
      guardTexts.push(guard(tmp, ctx));
      return;
    }
    // Only plain reads are left: read again on either path.
    const id = js as t.Identifier;
    value.set(leaf, id);
    if (!guardedNames.has(id.name)) {
      guardedNames.add(id.name);
      guardTexts.push(guard(id, ctx));
    }
  });
  // The operands' guards, joined as `&&` joins them (no parentheses), then those of products.
  const guards: t.Expression[] = guardTexts.length === 0 ? [] : [verbatimExpression(guardTexts.join(' && '))];
  /*
   * `p // c` for a product p of exact sums: p is exact, and floor(p / c)
   * too, while p is within the int32 range, which the guard checks (into a
   * temporary, inner ones first); so the quotient adds exactly to other
   * int32-sized terms. A quotient of a sum needs no check: the sum is a
   * safe int, whose quotient floor(s / c) is exact (the true quotient is at
   * least 1/c from the next integer, more than half an ulp).
   */
  const products = new Map<Tree, t.Identifier>();
  for (const node of order) {
    if (node.kind !== 'floordiv' || !isProductOfSums(node.operand)) continue;
    const p = ctx.temp();
    products.set(node, p);
    guards.push(
      t.binaryExpression('<=', t.assignmentExpression('=', p, fast(node.operand)), t.numericLiteral(INT32_MAX)),
      t.binaryExpression('>=', t.identifier(p.name), t.unaryExpression('-', t.numericLiteral(INT32_MAX))),
    );
  }
  function fast(node: Tree): t.Expression {
    switch (node.kind) {
      case 'op': return t.binaryExpression(node.op, fast(node.left), fast(node.right));
      case 'neg': return t.unaryExpression('-', fast(node.operand));
      case 'floordiv': {
        // `+ 0` turns -0 (a quotient of 0 * -n) into the int 0.
        const dividend = products.has(node) ? t.identifier(products.get(node)!.name) : fast(node.operand);
        const quotient = t.callExpression(ctx.rt('floor'), [t.binaryExpression('/', dividend, t.numericLiteral(node.divisor))]);
        return t.binaryExpression('+', quotient, t.numericLiteral(0));
      }
      case 'float':
      case 'int': return numberLiteral(node.value);
      default: return copy(value.get(node)!);
    }
  }
  // The fallback: the general operators on the same operands (hoisted ones through their temporaries).
  const byPy = new Map<py.expr, Tree>();
  for (const node of order) if (node.py !== null) byPy.set(node.py, node);
  const slowPy: Compile = (node, c) => {
    const found = byPy.get(node);
    return found !== undefined ? slow(found) : compile(node, c);
  };
  const slow = (node: Tree): t.Expression => {
    switch (node.kind) {
      case 'op': {
        // Located as the operation: a traceback through the general operator points at it.
        const specialised = node.py === null ? null : literalOperation(node.py, ctx, slowPy);
        const general = specialised ?? t.callExpression(ctx.rt((node.inplace ? INPLACE_HELPERS : HELPERS)[node.op]), [slow(node.left), slow(node.right)]);
        return node.py === null ? general : ctx.at(node.py, general);
      }
      case 'neg': return ctx.at(node.py, t.callExpression(ctx.rt('neg'), [slow(node.operand)]));
      case 'floordiv': return ctx.at(node.py, t.callExpression(ctx.rt('floordivInt'), [slow(node.operand), t.numericLiteral(node.divisor)]));
      case 'float':
      case 'int': return compile(node.py, ctx);
      default: return node === store?.current ? store.slowCurrent : copy(value.get(node)!);
    }
  };
  const test = guards.reduce((a, b) => t.logicalExpression('&&', a, b));
  const fastStore = store?.fast ?? ((v: t.Expression) => v);
  const slowStore = store?.slow ?? ((v: t.Expression) => v);
  if (mode === 'int') {
    if (root.kind !== 'op' || root.op !== '*') return withSequence(sequence, t.conditionalExpression(test, fastStore(fast(root)), slowStore(slow(root))));
    // A product of exact sums is exact while the rounded product is a safe int (rounding is monotonic); `+ 0` turns -0 into 0.
    const p = ctx.scratch();
    const inRange = t.logicalExpression('&&',
      t.binaryExpression('<=', t.assignmentExpression('=', p, fast(root)), t.numericLiteral(MAX_SAFE)),
      t.binaryExpression('>=', t.identifier(p.name), t.unaryExpression('-', t.numericLiteral(MAX_SAFE))));
    const product = t.binaryExpression('+', t.identifier(p.name), t.numericLiteral(0));
    return withSequence(sequence, t.conditionalExpression(t.logicalExpression('&&', test, inRange), fastStore(product), slowStore(slow(root))));
  }
  // An integral result takes the runtime's representation (0.0 is -0, the rest boxed).
  const r = ctx.scratch();
  const boxed = t.conditionalExpression(
    t.callExpression(ctx.rt('isInteger'), [t.assignmentExpression('=', r, fast(root))]),
    t.callExpression(ctx.rt('boxFloat'), [t.identifier(r.name)]),
    t.identifier(r.name),
  );
  return withSequence(sequence, t.conditionalExpression(test, fastStore(boxed), slowStore(slow(root))));
}

function withSequence(sequence: t.Expression[], value: t.Expression): t.Expression {
  return sequence.length === 0 ? value : t.sequenceExpression([...sequence, value]);
}

const floatCode = new WeakMap<py.AST, boolean>();

/**
 * Whether the function being compiled (or the module's own code) computes
 * with floats: a float literal, a true division, `float` or the math
 * module. Elsewhere arithmetic on variables alone (`j - i`, `letters -
 * seen`, `s * n`) is on ints, sets or strings, and its float path would
 * only lengthen the output.
 */
function computesWithFloats(ctx: TransformContext): boolean {
  const unit = ctx.codeUnit();
  if (unit === null) return true;
  let known = floatCode.get(unit);
  if (known === undefined) floatCode.set(unit, (known = mentionsFloats(unit)));
  return known;
}

function mentionsFloats(root: py.AST): boolean {
  let found = false;
  const visit = (node: py.AST): void => {
    if (found) return;
    switch (node.nodeType) {
      case 'FunctionDef':
      case 'AsyncFunctionDef':
      case 'ClassDef':
      case 'Lambda':
        // Another function's code (the module's own code is not its functions').
        if (node !== root) return;
        break;
      case 'Constant':
        found = typeof node.value === 'number';
        return;
      case 'Name':
        found = node.id === 'float';
        return;
      case 'BinOp':
      case 'AugAssign':
        if (node.op.nodeType === 'Div') found = true;
        break;
      case 'Import':
        if (node.names.some((alias) => alias.name === 'math')) found = true;
        break;
      case 'ImportFrom':
        if (node.module === 'math') found = true;
        break;
    }
    if (!found) forEachChild(node, visit);
  };
  visit(root);
  return found;
}

/**
 * BinOp nodes inside int arithmetic: they try the int fast path only
 * (`(i + j) * (i + j + 1) // 2`: the sums are ints, as the `// 2` says).
 */
const intContext = new WeakSet<py.expr>();

function markIntPy(node: py.expr): void {
  if (node.nodeType === 'BinOp') {
    intContext.add(node);
    markIntPy(node.left);
    markIntPy(node.right);
  } else if (node.nodeType === 'UnaryOp') {
    intContext.add(node);
    markIntPy(node.operand);
  }
}

function markIntContext(node: Tree, isRoot = true): void {
  if (node.kind === 'op') {
    if (!isRoot && node.py !== null) intContext.add(node.py);
    markIntContext(node.left, false);
    markIntContext(node.right, false);
  } else if (node.kind === 'neg') {
    if (!isRoot) intContext.add(node.py);
    markIntContext(node.operand, false);
  } else if (node.py !== null) {
    markIntPy(node.py);
  }
}

/**
 * The fast path for a tree, or null. Int arithmetic (as its literals and
 * operations tell) gets the int path when it only adds and subtracts (int32
 * operands: the exact result is a safe int), else its inner sums try it;
 * other arithmetic gets the float path.
 */
function fastPath(root: Tree, inInts: boolean, ctx: TransformContext, compile: Compile, store: ItemStore | null = null): t.Expression | null {
  const f = facts(root, ctx);
  if (f.notNumbers) {
    markPlain(root);
    return null;
  }
  if (f.guarded === 0 || f.operations === 0) return null;
  if (f.ints || inInts) {
    const intShape = isAdditive(root) || isProductOfSums(root);
    if (intShape && !f.floats && f.hoistable && !isLiteralOperation(root)) return emit(root, 'int', ctx, compile, store);
    markIntContext(root);
    return null;
  }
  if (f.numeric && f.floatSafe && f.hoistable && !isLiteralOperation(root) && (f.floats || computesWithFloats(ctx))) {
    return emit(root, 'float', ctx, compile, store);
  }
  return null;
}

function callerValue(js: t.Expression): Leaf {
  return js.type === 'Identifier' ? { kind: 'name', py: null, js } : { kind: 'other', py: null, js };
}

/** `left op right` with a fast path, or null when the expression gets none (the caller compiles it as usual). */
export function floatBinOp(node: py.BinOp, ctx: TransformContext, compile: Compile): t.Expression | null {
  if (plain.has(node) || OPERATORS[node.op.nodeType] === undefined) {
    if (intContext.has(node)) markIntPy(node);
    return null;
  }
  return fastPath(tree(node, ctx, compile), intContext.has(node), ctx, compile);
}

/**
 * `target op= value` (the target's current value `current`, already read
 * or to read first) with a fast path; null when it gets none. The fallback
 * is the in-place operator.
 */
export function floatInplace(
  op: py.operator['nodeType'],
  current: t.Expression,
  value: py.expr,
  ctx: TransformContext,
  compile: Compile,
): t.Expression | null {
  const parts = inplaceParts(op, value, ctx, compile);
  if (parts === null) return null;
  return fastPath({ kind: 'op', op: parts.jsOp, left: callerValue(current), right: parts.right, py: null, inplace: true }, false, ctx, compile);
}

/** The JS operator of `op=` and the value's tree; null when no fast path applies. */
function inplaceParts(
  op: py.operator['nodeType'],
  value: py.expr,
  ctx: TransformContext,
  compile: Compile,
): { jsOp: JsOperator; right: Tree } | null {
  const jsOp = OPERATORS[op];
  if (jsOp === undefined) return null;
  const right = tree(value, ctx, compile);
  // A single `x op= literal` is numericFacts.ts's.
  if (right.kind === 'float' || right.kind === 'int') return null;
  return { jsOp, right };
}

/** `total + item` for sum()'s loop (the accumulator a JS temporary), with a fast path; null when it gets none. */
export function floatAccumulate(total: t.Identifier, item: py.expr, ctx: TransformContext, compile: Compile): t.Expression | null {
  const right = tree(item, ctx, compile);
  return fastPath({ kind: 'op', op: '+', left: callerValue(total), right, py: null, inplace: false }, false, ctx, compile);
}

/**
 * `obj[i] op= value` for a list and an int literal i, as `obj` (a temporary
 * holding the container) and `index`, with a fast path that reads and
 * writes the list directly; null when there is none. Only when the value's
 * operands are plain reads: nothing may run between the read of the item
 * and the general path's own read.
 */
export function floatInplaceItem(
  op: py.operator['nodeType'],
  obj: t.Identifier,
  index: t.NumericLiteral,
  value: py.expr,
  ctx: TransformContext,
  compile: Compile,
): t.Expression | null {
  const parts = inplaceParts(op, value, ctx, compile);
  if (parts === null) return null;
  const { jsOp, right } = parts;
  if (postorder(right).some((n) => n.kind === 'other')) return null;
  const current: Leaf = { kind: 'other', py: null, js: null };
  const store: ItemStore = {
    current,
    isList: `${ctx.rt('isListAt').name}(${obj.name}, ${index.value})`,
    item: `${obj.name}[${index.value}]`,
    slowCurrent: t.callExpression(ctx.rt('getitemAt'), [copy(obj), copy(index)]),
    fast: (v) => t.assignmentExpression('=', t.memberExpression(copy(obj), copy(index), true), v),
    slow: (v) => t.callExpression(ctx.rt('setitemAt'), [copy(obj), copy(index), v]),
  };
  return fastPath({ kind: 'op', op: jsOp, left: current, right, py: null, inplace: true }, false, ctx, compile, store);
}
