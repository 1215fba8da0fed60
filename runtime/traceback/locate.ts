/**
 * From a JS frame of a compiled module to the Python frame CPython would
 * show: the source map gives where the JS call came from (the start of a
 * Python expression), the JS text there says what kind of operation it
 * was (`$getitem(`, `$add(`, `$get$name(`, a call…), and the Python tree
 * gives the node, its range and the code object it runs in.
 */
import { byteColumnToCharOffset } from '../../src/parser/positions.js';
import type { AST, Located, expr } from '../../src/ast/nodes.js';
import { findAnchors, operatorText, type Anchors, type Range } from './markers.js';
import { scopeOf, type Placed, type PythonModule } from './pythonSource.js';

export interface PyFrame {
  readonly module: PythonModule;
  readonly filename: string;
  readonly lineno: number;
  /** co_name. */
  readonly name: string;
  /** The code object's node (null for the module): frames of one activation share it. */
  readonly scope: AST | null;
  readonly placed: Placed | null;
  /** Where the JS frame was, to tell equal entries apart. */
  readonly key: string;
}

const IDENT = /[\w$]/;

/** The JS position a call expression starts at, given V8's position for it (its `(`, or a property name after `.`). */
function callStart(lines: readonly string[], line: number, column: number): [number, number] {
  let l = line - 1;
  let c = column;
  const at = (): string | undefined => lines[l]?.[c];
  const back = (): boolean => {
    c--;
    while (c < 0) {
      l--;
      if (l < 0) return false;
      c = lines[l]!.length - 1;
    }
    return true;
  };
  const text = lines[l] ?? '';
  if (text[c] !== '(' && text[c - 1] !== '.') return [line, column];
  let startL = l;
  let startC = c;
  if (text[c] === '(' && !back()) return [line, column];
  for (;;) {
    const ch = at();
    if (ch === undefined) break;
    if (ch === ')' || ch === ']') {
      if (!matchBack()) break;
    } else if (!(IDENT.test(ch) || ch === '.' || ch === '?')) break;
    startL = l;
    startC = c;
    if (!back()) break;
  }
  return [startL + 1, startC];

  /** From a closing bracket back to its opener (strings skipped). */
  function matchBack(): boolean {
    let depth = 0;
    for (;;) {
      const ch = at();
      if (ch === ')' || ch === ']' || ch === '}') depth++;
      else if (ch === '(' || ch === '[' || ch === '{') {
        depth--;
        if (depth === 0) return true;
      } else if (ch === '"' || ch === "'" || ch === '`') {
        const quote = ch;
        do {
          if (!back()) return false;
        } while (!(at() === quote && lines[l]![c - 1] !== '\\'));
      }
      if (!back()) return false;
    }
  }
}

const BINARY = new Set(['add', 'sub', 'mul', 'matmul', 'truediv', 'mod', 'power', 'pow', 'lshift', 'rshift', 'or_', 'xor', 'and_', 'floordiv']);
const AUGMENTED = new Set(['iadd', 'isub', 'imul', 'imatmul', 'itruediv', 'imod', 'ipow', 'ilshift', 'irshift', 'ior', 'ixor', 'iand', 'ifloordiv']);
const COMPARE = new Set(['lt', 'le', 'gt', 'ge', 'eq', 'ne', 'contains', 'notContains', 'in_', 'notIn', 'is_', 'isNot']);
const UNARY = new Set(['neg', 'pos', 'invert', 'not_']);
const SUBSCRIPT = new Set(['getitem', 'setitem', 'delitem', 'getitemAt', 'setitemAt']);

type Kind = (node: AST) => boolean;

/** What a JS token at a mapped position says about the Python node there. */
function kindOf(token: string): { key: string; test: Kind } {
  const attribute = /^\$get\$(.+?)(?:\$\d+)?$/.exec(token);
  if (attribute) return { key: token, test: (n) => n.nodeType === 'Attribute' && n.attr === attribute[1] };
  const method = /^\$call\$(.+)\$\d+$/.exec(token);
  if (method) return { key: token, test: (n) => n.nodeType === 'Call' && n.func.nodeType === 'Attribute' && n.func.attr === method[1] };
  const name = token.replace(/^\$/, '').replace(/\$\d+$/, '');
  if (SUBSCRIPT.has(name)) return { key: 'subscript', test: (n) => n.nodeType === 'Subscript' };
  if (BINARY.has(name)) return { key: 'binop', test: (n) => n.nodeType === 'BinOp' };
  if (AUGMENTED.has(name)) return { key: 'augassign', test: (n) => n.nodeType === 'AugAssign' };
  if (COMPARE.has(name)) return { key: 'compare', test: (n) => n.nodeType === 'Compare' };
  if (UNARY.has(name)) return { key: 'unary', test: (n) => n.nodeType === 'UnaryOp' };
  if (name === 'throw') return { key: 'raise', test: (n) => n.nodeType === 'Raise' };
  if (name === 'new') return { key: 'new', test: (n) => n.nodeType === 'Assert' || n.nodeType === 'Call' };
  return { key: 'call', test: (n) => n.nodeType === 'Call' };
}

const TOKEN = /^(?:[\w$]+)/;

/**
 * Whether the call whose `(` is at `open` is still open at `at`: an
 * operation holding this one, not one done before it (an augmented
 * assignment reads its container `a[0]` into a temporary before `a[0][1]`).
 */
function encloses(text: string, open: number, at: number): boolean {
  if (text[open] !== '(') return true;
  let depth = 0;
  for (let i = open; i < at; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return false;
  }
  return true;
}
const ARGUMENT_BINDING = new Set(['$checkArgs', '$restArgs']);

export function locate(module: PythonModule, jsLine: number, jsColumn: number): PyFrame | null {
  const [line, column] = callStart(module.jsLines, jsLine, jsColumn - 1);
  const position = module.map.lookup(line, column);
  if (position === null || position.source !== 0) return null;
  const text = module.jsLines[line - 1] ?? '';
  const token = TOKEN.exec(text.slice(column))?.[0] ?? '';
  // Binding the arguments fails before the function's frame exists in CPython: the caller's frame has the error.
  if (ARGUMENT_BINDING.has(token.replace(/\$\d+$/, ''))) return null;
  const candidates = module.nodesAt(position.line, position.column);
  let placed: Placed | null = null;
  if (candidates.length > 0) {
    const kind = kindOf(token);
    const matching = candidates.filter((c) => kind.test(c.node));
    if (matching.length > 0) {
      // Nested operations of one kind starting at one place (`a[1][2]`) come outermost first in the JS too.
      let ordinal = 0;
      if (module.map.startsAt(line, column)) {
        const re = /[\w$]+/g;
        for (let m = re.exec(text); m !== null && m.index < column; m = re.exec(text)) {
          if (!module.map.startsAt(line, m.index)) continue;
          const p = module.map.lookup(line, m.index);
          if (p?.line === position.line && p.column === position.column && kindOf(m[0]).key === kind.key && encloses(text, m.index + m[0].length, column)) ordinal++;
        }
      }
      placed = matching[Math.min(ordinal, matching.length - 1)]!;
    } else {
      placed = candidates[0]!;
    }
  }
  if (placed === null) placed = enclosing(module, position.line, position.column);
  // `throw new AssertionError(…)`: CPython 3.11 points at the last comparison the test jumps on, else at the statement.
  if (token === 'new') {
    for (let p = placed; p !== null; p = p.parent) {
      if (p.node.nodeType === 'Assert') {
        const comparison = assertionComparison(p.node.test);
        placed = comparison === null ? p : module.placement(comparison) ?? placed;
        break;
      }
    }
  }
  const scope = placed === null ? { name: '<module>', node: null } : scopeOf(placed);
  return {
    module,
    filename: module.filename,
    lineno: placed?.node.lineno ?? position.line,
    name: scope.name,
    scope: scope.node,
    placed,
    key: `${line}:${column}`,
  };
}

/**
 * The comparison whose location CPython 3.11's code for a failed assert
 * inherits: the last one its test jumps on, through `not`, `and`/`or` and
 * `if`-`else`; null when there is none (the statement is the location).
 */
function assertionComparison(test: expr): expr | null {
  switch (test.nodeType) {
    case 'Compare':
      return test;
    case 'UnaryOp':
      return test.op.nodeType === 'Not' ? assertionComparison(test.operand) : null;
    case 'BoolOp':
      return test.values.reduce<expr | null>((found, v) => assertionComparison(v) ?? found, null);
    case 'IfExp':
      return [test.test, test.body, test.orelse].reduce<expr | null>((found, v) => assertionComparison(v) ?? found, null);
  }
  return null;
}

/** The innermost node whose range holds the position, for a position no node starts at. */
function enclosing(module: PythonModule, line: number, column: number): Placed | null {
  for (let c = column; c >= 0; c--) {
    const nodes = module.nodesAt(line, c);
    if (nodes.length > 0) return nodes[nodes.length - 1]!;
  }
  return null;
}

/** The node's range in code points, and its anchors when CPython draws `~` and `^`. */
export function markerRange(frame: PyFrame, node: AST & Located): { range: Range; anchors: Anchors | null } {
  const lines = frame.module.pyLines;
  const first = lines[node.lineno - 1] ?? '';
  const endLine = node.end_lineno ?? node.lineno;
  const last = lines[endLine - 1] ?? '';
  const range: Range = {
    line: node.lineno,
    column: byteColumnToCharOffset(first, node.col_offset),
    endLine,
    endColumn: byteColumnToCharOffset(last, node.end_col_offset ?? node.col_offset),
  };
  let anchors: Anchors | null = null;
  if (endLine === node.lineno) {
    const left = node.nodeType === 'BinOp' ? node.left : node.nodeType === 'Subscript' ? node.value : null;
    if (left !== null && left.end_lineno === node.lineno && left.end_col_offset !== null) {
      const operator = node.nodeType === 'BinOp' ? (operatorText(node.op.nodeType) ?? null) : null;
      if (node.nodeType === 'Subscript' || operator !== null) {
        anchors = findAnchors(Array.from(first), byteColumnToCharOffset(first, left.end_col_offset), range.endColumn, operator);
      }
    }
  }
  return { range, anchors };
}

/** The frame of the `import` statement that binds the namespace `local` in `module`'s JS. */
export function importStatement(module: PythonModule, local: string): PyFrame | null {
  const lines = module.jsLines;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    if (text.startsWith('import ')) continue;
    const at = text.indexOf(local);
    if (at < 0) continue;
    const position = module.map.lookup(i + 1, at);
    if (position === null) continue;
    let statement: Placed | null = module.nodesAt(position.line, position.column)[0] ?? enclosing(module, position.line, position.column);
    while (statement !== null && statement.node.nodeType !== 'Import' && statement.node.nodeType !== 'ImportFrom') statement = statement.parent;
    if (statement === null) continue;
    const scope = scopeOf(statement);
    return { module, filename: module.filename, lineno: statement.node.lineno, name: scope.name, scope: scope.node, placed: statement, key: `${i + 1}:${at}` };
  }
  return null;
}
