/**
 * Which module globals a function can read without checking that they have
 * a value. A function runs only when some code calls it, so a global the
 * module binds before its first statement that may run the program's own
 * code (a call of one of its functions or classes, a decorator of its own,
 * a base class of its own, whose `__init_subclass__` would run) is bound whenever any function of the
 * module runs. Any other global a function reads is checked, so that a
 * function called before the module binds the name raises CPython's
 * NameError instead of reading `undefined`.
 *
 * What counts as running no code of the program is decided conservatively:
 * imports (a circular import that calls back into this module before it has
 * finished is left out, as the README's notes on circular imports say),
 * `def`s and classes with library decorators and bases and plain defaults
 * and bodies, assignments of literals, names and library calls given none
 * of the module's functions, and `if`/`try` made only of such statements.
 */
import type * as py from '../ast/nodes.js';
import { forNamesBoundBy } from './bindings.js';

/** The globals bound before the first statement of `body` (the module's) that may run the program's code. */
export function earlyGlobals(body: readonly py.stmt[]): Set<string> {
  const early = new Set<string>();
  const facts: ModuleFacts = { userCallables: new Set(), plainClasses: new Set() };
  for (const s of body) {
    if (!runsNoProgramCode(s, facts)) break;
    for (const name of boundBy(s)) early.add(name);
    noteBindings(s, facts);
  }
  return early;
}

/** The names a statement certainly binds when it completes: an `if`'s bound in both branches, a `try`'s in its body and every handler. */
function boundBy(s: py.stmt): Set<string> {
  const names = new Set<string>();
  const all = (body: readonly py.stmt[]): Set<string> => {
    const out = new Set<string>();
    for (const b of body) for (const n of boundBy(b)) out.add(n);
    return out;
  };
  const both = (a: Set<string>, b: Set<string>): void => a.forEach((n) => b.has(n) && names.add(n));
  if (s.nodeType === 'If') both(all(s.body), all(s.orelse));
  else if (s.nodeType === 'Try') {
    const inBody = all([...s.body, ...s.orelse]);
    const handled = s.handlers.map((h) => all(h.body));
    inBody.forEach((n) => handled.every((h) => h.has(n)) && names.add(n));
    all(s.finalbody).forEach((n) => names.add(n));
  } else forNamesBoundBy(s, (name) => names.add(name));
  return names;
}

interface ModuleFacts {
  /** Names bound to this module's functions and classes: passing one to a library call may call it. */
  readonly userCallables: Set<string>;
  /** This module's classes made so far that run nothing when subclassed (no `__init_subclass__` of their own). */
  readonly plainClasses: Set<string>;
}

function noteBindings(s: py.stmt, facts: ModuleFacts): void {
  switch (s.nodeType) {
    case 'FunctionDef':
    case 'AsyncFunctionDef':
    case 'ClassDef':
      facts.userCallables.add(s.name);
      facts.plainClasses.delete(s.name);
      if (s.nodeType === 'ClassDef' && !s.body.some((b) => b.nodeType === 'FunctionDef' && b.name === '__init_subclass__')) facts.plainClasses.add(s.name);
      return;
    case 'Assign':
      for (const target of s.targets) {
        if (target.nodeType !== 'Name') continue;
        // `g = f` or `g = lambda: …` holds a function of the program too.
        if (s.value.nodeType === 'Name' || s.value.nodeType === 'Lambda') facts.userCallables.add(target.id);
        else facts.userCallables.delete(target.id);
      }
      return;
  }
}

function runsNoProgramCode(s: py.stmt, facts: ModuleFacts): boolean {
  switch (s.nodeType) {
    case 'Import':
    case 'ImportFrom':
    case 'Pass':
      return true;
    case 'Expr':
      return s.value.nodeType === 'Constant';
    case 'FunctionDef':
    case 'AsyncFunctionDef':
      return s.decorator_list.every((d) => libraryValue(d, facts)) && plainArguments(s.args, facts) && (!s.returns || plainExpr(s.returns, facts));
    case 'ClassDef':
      // A base of the program's may have an `__init_subclass__`: library bases (`Exception`, `Enum`) and plain classes only.
      return s.bases.every((b) => libraryValue(b, facts) || (b.nodeType === 'Name' && facts.plainClasses.has(b.id))) && s.keywords.length === 0
        && s.decorator_list.every((d) => libraryValue(d, facts)) && s.body.every((b) => runsNoProgramCode(b, facts));
    case 'Assign':
      return s.targets.every(plainTarget) && plainExpr(s.value, facts);
    case 'AnnAssign':
      return s.target.nodeType === 'Name' && plainExpr(s.annotation, facts) && (!s.value || plainExpr(s.value, facts));
    case 'If':
      return plainExpr(s.test, facts) && s.body.every((b) => runsNoProgramCode(b, facts)) && s.orelse.every((b) => runsNoProgramCode(b, facts));
    case 'Try':
      return s.body.every((b) => runsNoProgramCode(b, facts))
        && s.handlers.every((h) => (!h.type || plainExpr(h.type, facts)) && h.body.every((b) => runsNoProgramCode(b, facts)))
        && s.orelse.every((b) => runsNoProgramCode(b, facts))
        && s.finalbody.every((b) => runsNoProgramCode(b, facts));
    default:
      return false;
  }
}

function plainArguments(args: py.arguments, facts: ModuleFacts): boolean {
  const all = [...args.posonlyargs, ...args.args, ...args.kwonlyargs, ...(args.vararg ? [args.vararg] : []), ...(args.kwarg ? [args.kwarg] : [])];
  return args.defaults.every((d) => plainExpr(d, facts))
    && args.kw_defaults.every((d) => d === null || plainExpr(d, facts))
    && all.every((a) => !a.annotation || plainExpr(a.annotation, facts));
}

function plainTarget(target: py.expr): boolean {
  if (target.nodeType === 'Name') return true;
  return (target.nodeType === 'Tuple' || target.nodeType === 'List') && target.elts.every(plainTarget);
}

/** An expression whose evaluation runs none of this module's code (values made so far are modules, functions, classes and literals). */
function plainExpr(e: py.expr, facts: ModuleFacts): boolean {
  switch (e.nodeType) {
    case 'Constant':
    case 'Name':
    case 'Lambda':
      return e.nodeType !== 'Lambda' || plainArguments(e.args, facts);
    case 'Attribute':
      return plainExpr(e.value, facts);
    case 'Tuple':
    case 'List':
    case 'Set':
      return e.elts.every((x) => plainExpr(x, facts));
    case 'Dict':
      return e.keys.every((k) => k !== null && plainExpr(k, facts)) && e.values.every((v) => plainExpr(v, facts));
    case 'UnaryOp':
      return plainExpr(e.operand, facts);
    case 'BinOp':
      return plainExpr(e.left, facts) && plainExpr(e.right, facts);
    case 'BoolOp':
      return e.values.every((v) => plainExpr(v, facts));
    case 'Compare':
      return plainExpr(e.left, facts) && e.comparators.every((c) => plainExpr(c, facts));
    case 'IfExp':
      return plainExpr(e.test, facts) && plainExpr(e.body, facts) && plainExpr(e.orelse, facts);
    case 'Subscript':
      // `list[int]`, `Dict[str, int]`; not a class of the program's, whose `__class_getitem__` would run.
      return !(e.value.nodeType === 'Name' && facts.userCallables.has(e.value.id)) && plainExpr(e.value, facts) && plainExpr(e.slice, facts);
    case 'JoinedStr':
      return e.values.every((v) => plainExpr(v, facts));
    case 'FormattedValue':
      return plainExpr(e.value, facts) && (!e.format_spec || plainExpr(e.format_spec, facts));
    case 'Call':
      // `re.compile(…)`, `namedtuple(…)`, `TypeVar("T")`: library code, given nothing of the program's to call back.
      return libraryValue(e.func, facts) && e.args.every((a) => dataArgument(a, facts)) && e.keywords.every((k) => dataArgument(k.value, facts));
    default:
      return false;
  }
}

/** A value that is no function or class of the module's (an import, a builtin, data), or an attribute of one. */
function libraryValue(e: py.expr, facts: ModuleFacts): boolean {
  if (e.nodeType === 'Attribute') return libraryValue(e.value, facts);
  if (e.nodeType === 'Call') return plainExpr(e, facts);
  return e.nodeType === 'Name' && !facts.userCallables.has(e.id);
}

/** An argument a library call cannot call back into the program with: no function or class of the module's. */
function dataArgument(e: py.expr, facts: ModuleFacts): boolean {
  if (e.nodeType === 'Name') return !facts.userCallables.has(e.id);
  if (e.nodeType === 'Lambda' || e.nodeType === 'Starred') return false;
  if (e.nodeType === 'Tuple' || e.nodeType === 'List' || e.nodeType === 'Set') return e.elts.every((x) => dataArgument(x, facts));
  return plainExpr(e, facts) && e.nodeType !== 'Attribute';
}
