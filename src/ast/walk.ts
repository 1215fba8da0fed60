/** Tree traversal over the node shapes of nodes.ts, like CPython's ast.walk / iter_child_nodes. */
import { CHILD_FIELDS } from './nodes.js';
import type { AST, ExceptHandler, stmt } from './nodes.js';

type Fields = Readonly<Record<string, unknown>>;

/**
 * Calls `fn` on each direct child node in CPython's `iter_child_nodes`
 * order (fields in `_fields` order, list items in order; `None` entries,
 * as in `Dict.keys`, are skipped). Shared singletons such as `Load` are
 * visited every time they occur, as CPython does.
 */
export function forEachChild(node: AST, fn: (child: AST) => void): void {
  const fields = CHILD_FIELDS[node.nodeType];
  const record = node as unknown as Fields;
  for (let f = 0; f < fields.length; f++) {
    const value = record[fields[f]!];
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) {
      for (let k = 0; k < value.length; k++) {
        const item = value[k] as AST | null;
        if (item !== null) fn(item);
      }
    } else {
      fn(value as AST);
    }
  }
}

/**
 * Whether `test(child, arg)` holds for some direct child of `node`, asked
 * in `forEachChild`'s order and no further than the first that does. The
 * argument rides along so that a recursive search needs no closure per node.
 */
export function someChild<A>(node: AST, test: (child: AST, arg: A) => boolean, arg: A): boolean {
  const fields = CHILD_FIELDS[node.nodeType];
  const record = node as unknown as Fields;
  for (let f = 0; f < fields.length; f++) {
    const value = record[fields[f]!];
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) {
      for (let k = 0; k < value.length; k++) {
        const item = value[k] as AST | null;
        if (item !== null && test(item, arg)) return true;
      }
    } else if (test(value as AST, arg)) {
      return true;
    }
  }
  return false;
}

/**
 * Every node of the tree, breadth-first from `node` (included), in
 * `ast.walk`'s order. An array rather than a generator: callers read the
 * whole tree, and an array is its own BFS queue, without a resumption per node.
 */
export function walk(node: AST): readonly AST[] {
  const queue: AST[] = [node];
  const enqueue = (child: AST): void => {
    queue.push(child);
  };
  for (let head = 0; head < queue.length; head++) forEachChild(queue[head]!, enqueue);
  return queue;
}

/**
 * Calls `visit` on each statement list nested in the compound statement `s`
 * (`if`/loops' bodies and `else`, `with`, `try`'s parts, `match` cases), not
 * into function or class definitions: those are the caller's choice.
 */
export function forEachNestedBody(s: stmt, visit: (body: readonly stmt[]) => void): void {
  switch (s.nodeType) {
    case 'If':
    case 'For':
    case 'AsyncFor':
    case 'While':
      visit(s.body);
      visit(s.orelse);
      break;
    case 'With':
    case 'AsyncWith':
      visit(s.body);
      break;
    case 'Try':
    case 'TryStar':
      visit(s.body);
      for (const h of s.handlers) visit((h as ExceptHandler).body);
      visit(s.orelse);
      visit(s.finalbody);
      break;
    case 'Match':
      for (const c of s.cases) visit(c.body);
      break;
  }
}
