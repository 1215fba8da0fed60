/**
 * The order of a function's plain local variables in CPython's
 * `co_varnames`, which is the order locals() lists them in: the parameters
 * (positional-only, positional, keyword-only, `*args`, `**kwargs`), then
 * every other name in the order the compiler first emits a load, store or
 * delete of it. That is source order except where CPython compiles a part
 * before the one written first: an assignment's value before its targets,
 * a walrus's value before its name, a `try`'s `else` before its handlers,
 * a `def`'s decorators and defaults before its name. Nested scopes are not
 * entered, except for what the enclosing scope evaluates (defaults, a
 * comprehension's first iterable, class bases).
 */
import type * as py from '../ast/nodes.js';
import { forEachChild } from '../ast/walk.js';
import { forNamesBoundBy } from './bindings.js';

type FunctionNode = py.FunctionDef | py.AsyncFunctionDef | py.Lambda;

/** Every name the function's own code refers to, parameters first, in first-reference order (unmangled). */
export function referenceOrder(fn: FunctionNode): string[] {
  const seen = new Set<string>();
  const add = (name: string): void => {
    seen.add(name);
  };
  const a = fn.args;
  for (const p of a.posonlyargs) add(p.arg);
  for (const p of a.args) add(p.arg);
  for (const p of a.kwonlyargs) add(p.arg);
  if (a.vararg) add(a.vararg.arg);
  if (a.kwarg) add(a.kwarg.arg);
  if (fn.nodeType === 'Lambda') visit(fn.body, add);
  else for (const s of fn.body) visit(s, add);
  return [...seen];
}

function visitAll(nodes: readonly py.AST[], add: (name: string) => void): void {
  for (const n of nodes) visit(n, add);
}

/** What the enclosing scope evaluates when it makes a function: defaults, then keyword-only defaults. */
function defaults(args: py.arguments_, add: (name: string) => void): void {
  visitAll(args.defaults, add);
  for (const d of args.kw_defaults) if (d !== null) visit(d, add);
}

function visit(node: py.AST, add: (name: string) => void): void {
  switch (node.nodeType) {
    case 'Name':
      add(node.id);
      return;
    case 'FunctionDef':
    case 'AsyncFunctionDef':
      visitAll(node.decorator_list, add);
      defaults(node.args, add);
      add(node.name);
      return;
    case 'ClassDef':
      visitAll(node.decorator_list, add);
      visitAll(node.bases, add);
      visitAll(node.keywords, add);
      add(node.name);
      return;
    case 'Lambda':
      defaults(node.args, add);
      return;
    case 'ListComp':
    case 'SetComp':
    case 'DictComp':
    case 'GeneratorExp':
      visit(node.generators[0]!.iter, add);
      return;
    case 'Assign':
      visit(node.value, add);
      visitAll(node.targets, add);
      return;
    case 'AnnAssign':
      // A local's annotation is not evaluated in a function.
      if (node.value) visit(node.value, add);
      visit(node.target, add);
      return;
    case 'NamedExpr':
      visit(node.value, add);
      visit(node.target, add);
      return;
    case 'For':
    case 'AsyncFor':
      visit(node.iter, add);
      visit(node.target, add);
      visitAll(node.body, add);
      visitAll(node.orelse, add);
      return;
    case 'Try':
      visitAll(node.body, add);
      visitAll(node.orelse, add);
      visitAll(node.handlers, add);
      visitAll(node.finalbody, add);
      return;
    case 'ExceptHandler':
      if (node.type) visit(node.type, add);
      if (node.name !== null) add(node.name);
      visitAll(node.body, add);
      return;
    case 'Dict':
      for (let i = 0; i < node.values.length; i++) {
        const key = node.keys[i];
        if (key) visit(key, add);
        visit(node.values[i]!, add);
      }
      return;
    case 'Import':
    case 'ImportFrom':
      forNamesBoundBy(node, add);
      return;
    case 'MatchAs':
    case 'MatchStar':
      if (node.nodeType === 'MatchAs' && node.pattern) visit(node.pattern, add);
      if (node.name !== null) add(node.name);
      return;
    case 'MatchMapping':
      visitAll(node.keys, add);
      visitAll(node.patterns, add);
      if (node.rest !== null) add(node.rest);
      return;
  }
  forEachChild(node, (child) => visit(child, add));
}
