// generated — do not edit; run `npm run gen:ast` (scripts/gen-ast.py).
// Source: CPython 3.11.7 `ast` module docstrings, _fields and _attributes.
/* eslint-disable */
// Nodes are class instances, not object literals: V8 pretenures an object literal's
// allocation site when most of its objects outlive a young-generation collection (a
// module's AST lives through the whole compile), and then allocates them in the old
// generation, whose collections cost far more; `new` has no allocation site.
import type { PyConstant } from './constants.js';

/** Location attributes, as CPython's `_attributes` (col offsets are UTF-8 byte offsets). */
export interface Located {
  lineno: number;
  col_offset: number;
  end_lineno: number | null;
  end_col_offset: number | null;
}

export type mod = Module | Interactive | Expression | FunctionType;
export type stmt = FunctionDef | AsyncFunctionDef | ClassDef | Return | Delete | Assign | AugAssign | AnnAssign | For | AsyncFor | While | If | With | AsyncWith | Match | Raise | Try | TryStar | Assert | Import | ImportFrom | Global | Nonlocal | Expr | Pass | Break | Continue;
export type expr = BoolOp | NamedExpr | BinOp | UnaryOp | Lambda | IfExp | Dict | Set | ListComp | SetComp | DictComp | GeneratorExp | Await | Yield | YieldFrom | Compare | Call | FormattedValue | JoinedStr | Constant | Attribute | Subscript | Starred | Name | List | Tuple | Slice;
export type expr_context = Load | Store | Del;
export type boolop = And | Or;
export type operator = Add | Sub | Mult | MatMult | Div | Mod | Pow | LShift | RShift | BitOr | BitXor | BitAnd | FloorDiv;
export type unaryop = Invert | Not | UAdd | USub;
export type cmpop = Eq | NotEq | Lt | LtE | Gt | GtE | Is | IsNot | In | NotIn;
export type excepthandler = ExceptHandler;
export type pattern = MatchValue | MatchSingleton | MatchSequence | MatchMapping | MatchClass | MatchStar | MatchAs | MatchOr;
export type type_ignore = TypeIgnore;

export type { arguments_ as arguments };
export type AST = Module | Interactive | Expression | FunctionType | FunctionDef | AsyncFunctionDef | ClassDef | Return | Delete | Assign | AugAssign | AnnAssign | For | AsyncFor | While | If | With | AsyncWith | Match | Raise | Try | TryStar | Assert | Import | ImportFrom | Global | Nonlocal | Expr | Pass | Break | Continue | BoolOp | NamedExpr | BinOp | UnaryOp | Lambda | IfExp | Dict | Set | ListComp | SetComp | DictComp | GeneratorExp | Await | Yield | YieldFrom | Compare | Call | FormattedValue | JoinedStr | Constant | Attribute | Subscript | Starred | Name | List | Tuple | Slice | Load | Store | Del | And | Or | Add | Sub | Mult | MatMult | Div | Mod | Pow | LShift | RShift | BitOr | BitXor | BitAnd | FloorDiv | Invert | Not | UAdd | USub | Eq | NotEq | Lt | LtE | Gt | GtE | Is | IsNot | In | NotIn | ExceptHandler | MatchValue | MatchSingleton | MatchSequence | MatchMapping | MatchClass | MatchStar | MatchAs | MatchOr | TypeIgnore | comprehension | arguments_ | arg | keyword | alias | withitem | match_case;
export type NodeType = AST['nodeType'];

export interface Module {
  nodeType: 'Module';
  body: stmt[];
  type_ignores: type_ignore[];
}
class ModuleNode implements Module {
  declare nodeType: 'Module';
  declare body: stmt[];
  declare type_ignores: type_ignore[];
  constructor(body: stmt[], type_ignores: type_ignore[]) {
    this.nodeType = 'Module';
    this.body = body;
    this.type_ignores = type_ignores;
  }
}
export function Module(body: stmt[], type_ignores: type_ignore[]): Module {
  return new ModuleNode(body, type_ignores);
}

export interface Interactive {
  nodeType: 'Interactive';
  body: stmt[];
}
class InteractiveNode implements Interactive {
  declare nodeType: 'Interactive';
  declare body: stmt[];
  constructor(body: stmt[]) {
    this.nodeType = 'Interactive';
    this.body = body;
  }
}
export function Interactive(body: stmt[]): Interactive {
  return new InteractiveNode(body);
}

export interface Expression {
  nodeType: 'Expression';
  body: expr;
}
class ExpressionNode implements Expression {
  declare nodeType: 'Expression';
  declare body: expr;
  constructor(body: expr) {
    this.nodeType = 'Expression';
    this.body = body;
  }
}
export function Expression(body: expr): Expression {
  return new ExpressionNode(body);
}

export interface FunctionType {
  nodeType: 'FunctionType';
  argtypes: expr[];
  returns: expr;
}
class FunctionTypeNode implements FunctionType {
  declare nodeType: 'FunctionType';
  declare argtypes: expr[];
  declare returns: expr;
  constructor(argtypes: expr[], returns: expr) {
    this.nodeType = 'FunctionType';
    this.argtypes = argtypes;
    this.returns = returns;
  }
}
export function FunctionType(argtypes: expr[], returns: expr): FunctionType {
  return new FunctionTypeNode(argtypes, returns);
}

export interface FunctionDef extends Located {
  nodeType: 'FunctionDef';
  name: string;
  args: arguments_;
  body: stmt[];
  decorator_list: expr[];
  returns: expr | null;
  type_comment: string | null;
}
class FunctionDefNode implements FunctionDef {
  declare nodeType: 'FunctionDef';
  declare name: string;
  declare args: arguments_;
  declare body: stmt[];
  declare decorator_list: expr[];
  declare returns: expr | null;
  declare type_comment: string | null;
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(name: string, args: arguments_, body: stmt[], decorator_list: expr[], returns: expr | null, type_comment: string | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'FunctionDef';
    this.name = name;
    this.args = args;
    this.body = body;
    this.decorator_list = decorator_list;
    this.returns = returns;
    this.type_comment = type_comment;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function FunctionDef(name: string, args: arguments_, body: stmt[], decorator_list: expr[], returns: expr | null, type_comment: string | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): FunctionDef {
  return new FunctionDefNode(name, args, body, decorator_list, returns, type_comment, lineno, col_offset, end_lineno, end_col_offset);
}

export interface AsyncFunctionDef extends Located {
  nodeType: 'AsyncFunctionDef';
  name: string;
  args: arguments_;
  body: stmt[];
  decorator_list: expr[];
  returns: expr | null;
  type_comment: string | null;
}
class AsyncFunctionDefNode implements AsyncFunctionDef {
  declare nodeType: 'AsyncFunctionDef';
  declare name: string;
  declare args: arguments_;
  declare body: stmt[];
  declare decorator_list: expr[];
  declare returns: expr | null;
  declare type_comment: string | null;
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(name: string, args: arguments_, body: stmt[], decorator_list: expr[], returns: expr | null, type_comment: string | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'AsyncFunctionDef';
    this.name = name;
    this.args = args;
    this.body = body;
    this.decorator_list = decorator_list;
    this.returns = returns;
    this.type_comment = type_comment;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function AsyncFunctionDef(name: string, args: arguments_, body: stmt[], decorator_list: expr[], returns: expr | null, type_comment: string | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): AsyncFunctionDef {
  return new AsyncFunctionDefNode(name, args, body, decorator_list, returns, type_comment, lineno, col_offset, end_lineno, end_col_offset);
}

export interface ClassDef extends Located {
  nodeType: 'ClassDef';
  name: string;
  bases: expr[];
  keywords: keyword[];
  body: stmt[];
  decorator_list: expr[];
}
class ClassDefNode implements ClassDef {
  declare nodeType: 'ClassDef';
  declare name: string;
  declare bases: expr[];
  declare keywords: keyword[];
  declare body: stmt[];
  declare decorator_list: expr[];
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(name: string, bases: expr[], keywords: keyword[], body: stmt[], decorator_list: expr[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'ClassDef';
    this.name = name;
    this.bases = bases;
    this.keywords = keywords;
    this.body = body;
    this.decorator_list = decorator_list;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function ClassDef(name: string, bases: expr[], keywords: keyword[], body: stmt[], decorator_list: expr[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): ClassDef {
  return new ClassDefNode(name, bases, keywords, body, decorator_list, lineno, col_offset, end_lineno, end_col_offset);
}

export interface Return extends Located {
  nodeType: 'Return';
  value: expr | null;
}
class ReturnNode implements Return {
  declare nodeType: 'Return';
  declare value: expr | null;
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(value: expr | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'Return';
    this.value = value;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function Return(value: expr | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Return {
  return new ReturnNode(value, lineno, col_offset, end_lineno, end_col_offset);
}

export interface Delete extends Located {
  nodeType: 'Delete';
  targets: expr[];
}
class DeleteNode implements Delete {
  declare nodeType: 'Delete';
  declare targets: expr[];
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(targets: expr[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'Delete';
    this.targets = targets;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function Delete(targets: expr[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Delete {
  return new DeleteNode(targets, lineno, col_offset, end_lineno, end_col_offset);
}

export interface Assign extends Located {
  nodeType: 'Assign';
  targets: expr[];
  value: expr;
  type_comment: string | null;
}
class AssignNode implements Assign {
  declare nodeType: 'Assign';
  declare targets: expr[];
  declare value: expr;
  declare type_comment: string | null;
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(targets: expr[], value: expr, type_comment: string | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'Assign';
    this.targets = targets;
    this.value = value;
    this.type_comment = type_comment;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function Assign(targets: expr[], value: expr, type_comment: string | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Assign {
  return new AssignNode(targets, value, type_comment, lineno, col_offset, end_lineno, end_col_offset);
}

export interface AugAssign extends Located {
  nodeType: 'AugAssign';
  target: expr;
  op: operator;
  value: expr;
}
class AugAssignNode implements AugAssign {
  declare nodeType: 'AugAssign';
  declare target: expr;
  declare op: operator;
  declare value: expr;
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(target: expr, op: operator, value: expr, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'AugAssign';
    this.target = target;
    this.op = op;
    this.value = value;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function AugAssign(target: expr, op: operator, value: expr, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): AugAssign {
  return new AugAssignNode(target, op, value, lineno, col_offset, end_lineno, end_col_offset);
}

export interface AnnAssign extends Located {
  nodeType: 'AnnAssign';
  target: expr;
  annotation: expr;
  value: expr | null;
  simple: number;
}
class AnnAssignNode implements AnnAssign {
  declare nodeType: 'AnnAssign';
  declare target: expr;
  declare annotation: expr;
  declare value: expr | null;
  declare simple: number;
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(target: expr, annotation: expr, value: expr | null, simple: number, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'AnnAssign';
    this.target = target;
    this.annotation = annotation;
    this.value = value;
    this.simple = simple;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function AnnAssign(target: expr, annotation: expr, value: expr | null, simple: number, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): AnnAssign {
  return new AnnAssignNode(target, annotation, value, simple, lineno, col_offset, end_lineno, end_col_offset);
}

export interface For extends Located {
  nodeType: 'For';
  target: expr;
  iter: expr;
  body: stmt[];
  orelse: stmt[];
  type_comment: string | null;
}
class ForNode implements For {
  declare nodeType: 'For';
  declare target: expr;
  declare iter: expr;
  declare body: stmt[];
  declare orelse: stmt[];
  declare type_comment: string | null;
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(target: expr, iter: expr, body: stmt[], orelse: stmt[], type_comment: string | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'For';
    this.target = target;
    this.iter = iter;
    this.body = body;
    this.orelse = orelse;
    this.type_comment = type_comment;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function For(target: expr, iter: expr, body: stmt[], orelse: stmt[], type_comment: string | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): For {
  return new ForNode(target, iter, body, orelse, type_comment, lineno, col_offset, end_lineno, end_col_offset);
}

export interface AsyncFor extends Located {
  nodeType: 'AsyncFor';
  target: expr;
  iter: expr;
  body: stmt[];
  orelse: stmt[];
  type_comment: string | null;
}
class AsyncForNode implements AsyncFor {
  declare nodeType: 'AsyncFor';
  declare target: expr;
  declare iter: expr;
  declare body: stmt[];
  declare orelse: stmt[];
  declare type_comment: string | null;
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(target: expr, iter: expr, body: stmt[], orelse: stmt[], type_comment: string | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'AsyncFor';
    this.target = target;
    this.iter = iter;
    this.body = body;
    this.orelse = orelse;
    this.type_comment = type_comment;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function AsyncFor(target: expr, iter: expr, body: stmt[], orelse: stmt[], type_comment: string | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): AsyncFor {
  return new AsyncForNode(target, iter, body, orelse, type_comment, lineno, col_offset, end_lineno, end_col_offset);
}

export interface While extends Located {
  nodeType: 'While';
  test: expr;
  body: stmt[];
  orelse: stmt[];
}
class WhileNode implements While {
  declare nodeType: 'While';
  declare test: expr;
  declare body: stmt[];
  declare orelse: stmt[];
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(test: expr, body: stmt[], orelse: stmt[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'While';
    this.test = test;
    this.body = body;
    this.orelse = orelse;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function While(test: expr, body: stmt[], orelse: stmt[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): While {
  return new WhileNode(test, body, orelse, lineno, col_offset, end_lineno, end_col_offset);
}

export interface If extends Located {
  nodeType: 'If';
  test: expr;
  body: stmt[];
  orelse: stmt[];
}
class IfNode implements If {
  declare nodeType: 'If';
  declare test: expr;
  declare body: stmt[];
  declare orelse: stmt[];
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(test: expr, body: stmt[], orelse: stmt[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'If';
    this.test = test;
    this.body = body;
    this.orelse = orelse;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function If(test: expr, body: stmt[], orelse: stmt[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): If {
  return new IfNode(test, body, orelse, lineno, col_offset, end_lineno, end_col_offset);
}

export interface With extends Located {
  nodeType: 'With';
  items: withitem[];
  body: stmt[];
  type_comment: string | null;
}
class WithNode implements With {
  declare nodeType: 'With';
  declare items: withitem[];
  declare body: stmt[];
  declare type_comment: string | null;
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(items: withitem[], body: stmt[], type_comment: string | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'With';
    this.items = items;
    this.body = body;
    this.type_comment = type_comment;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function With(items: withitem[], body: stmt[], type_comment: string | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): With {
  return new WithNode(items, body, type_comment, lineno, col_offset, end_lineno, end_col_offset);
}

export interface AsyncWith extends Located {
  nodeType: 'AsyncWith';
  items: withitem[];
  body: stmt[];
  type_comment: string | null;
}
class AsyncWithNode implements AsyncWith {
  declare nodeType: 'AsyncWith';
  declare items: withitem[];
  declare body: stmt[];
  declare type_comment: string | null;
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(items: withitem[], body: stmt[], type_comment: string | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'AsyncWith';
    this.items = items;
    this.body = body;
    this.type_comment = type_comment;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function AsyncWith(items: withitem[], body: stmt[], type_comment: string | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): AsyncWith {
  return new AsyncWithNode(items, body, type_comment, lineno, col_offset, end_lineno, end_col_offset);
}

export interface Match extends Located {
  nodeType: 'Match';
  subject: expr;
  cases: match_case[];
}
class MatchNode implements Match {
  declare nodeType: 'Match';
  declare subject: expr;
  declare cases: match_case[];
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(subject: expr, cases: match_case[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'Match';
    this.subject = subject;
    this.cases = cases;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function Match(subject: expr, cases: match_case[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Match {
  return new MatchNode(subject, cases, lineno, col_offset, end_lineno, end_col_offset);
}

export interface Raise extends Located {
  nodeType: 'Raise';
  exc: expr | null;
  cause: expr | null;
}
class RaiseNode implements Raise {
  declare nodeType: 'Raise';
  declare exc: expr | null;
  declare cause: expr | null;
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(exc: expr | null, cause: expr | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'Raise';
    this.exc = exc;
    this.cause = cause;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function Raise(exc: expr | null, cause: expr | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Raise {
  return new RaiseNode(exc, cause, lineno, col_offset, end_lineno, end_col_offset);
}

export interface Try extends Located {
  nodeType: 'Try';
  body: stmt[];
  handlers: excepthandler[];
  orelse: stmt[];
  finalbody: stmt[];
}
class TryNode implements Try {
  declare nodeType: 'Try';
  declare body: stmt[];
  declare handlers: excepthandler[];
  declare orelse: stmt[];
  declare finalbody: stmt[];
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(body: stmt[], handlers: excepthandler[], orelse: stmt[], finalbody: stmt[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'Try';
    this.body = body;
    this.handlers = handlers;
    this.orelse = orelse;
    this.finalbody = finalbody;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function Try(body: stmt[], handlers: excepthandler[], orelse: stmt[], finalbody: stmt[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Try {
  return new TryNode(body, handlers, orelse, finalbody, lineno, col_offset, end_lineno, end_col_offset);
}

export interface TryStar extends Located {
  nodeType: 'TryStar';
  body: stmt[];
  handlers: excepthandler[];
  orelse: stmt[];
  finalbody: stmt[];
}
class TryStarNode implements TryStar {
  declare nodeType: 'TryStar';
  declare body: stmt[];
  declare handlers: excepthandler[];
  declare orelse: stmt[];
  declare finalbody: stmt[];
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(body: stmt[], handlers: excepthandler[], orelse: stmt[], finalbody: stmt[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'TryStar';
    this.body = body;
    this.handlers = handlers;
    this.orelse = orelse;
    this.finalbody = finalbody;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function TryStar(body: stmt[], handlers: excepthandler[], orelse: stmt[], finalbody: stmt[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): TryStar {
  return new TryStarNode(body, handlers, orelse, finalbody, lineno, col_offset, end_lineno, end_col_offset);
}

export interface Assert extends Located {
  nodeType: 'Assert';
  test: expr;
  msg: expr | null;
}
class AssertNode implements Assert {
  declare nodeType: 'Assert';
  declare test: expr;
  declare msg: expr | null;
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(test: expr, msg: expr | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'Assert';
    this.test = test;
    this.msg = msg;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function Assert(test: expr, msg: expr | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Assert {
  return new AssertNode(test, msg, lineno, col_offset, end_lineno, end_col_offset);
}

export interface Import extends Located {
  nodeType: 'Import';
  names: alias[];
}
class ImportNode implements Import {
  declare nodeType: 'Import';
  declare names: alias[];
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(names: alias[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'Import';
    this.names = names;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function Import(names: alias[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Import {
  return new ImportNode(names, lineno, col_offset, end_lineno, end_col_offset);
}

export interface ImportFrom extends Located {
  nodeType: 'ImportFrom';
  module: string | null;
  names: alias[];
  level: number | null;
}
class ImportFromNode implements ImportFrom {
  declare nodeType: 'ImportFrom';
  declare module: string | null;
  declare names: alias[];
  declare level: number | null;
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(module: string | null, names: alias[], level: number | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'ImportFrom';
    this.module = module;
    this.names = names;
    this.level = level;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function ImportFrom(module: string | null, names: alias[], level: number | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): ImportFrom {
  return new ImportFromNode(module, names, level, lineno, col_offset, end_lineno, end_col_offset);
}

export interface Global extends Located {
  nodeType: 'Global';
  names: string[];
}
class GlobalNode implements Global {
  declare nodeType: 'Global';
  declare names: string[];
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(names: string[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'Global';
    this.names = names;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function Global(names: string[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Global {
  return new GlobalNode(names, lineno, col_offset, end_lineno, end_col_offset);
}

export interface Nonlocal extends Located {
  nodeType: 'Nonlocal';
  names: string[];
}
class NonlocalNode implements Nonlocal {
  declare nodeType: 'Nonlocal';
  declare names: string[];
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(names: string[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'Nonlocal';
    this.names = names;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function Nonlocal(names: string[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Nonlocal {
  return new NonlocalNode(names, lineno, col_offset, end_lineno, end_col_offset);
}

export interface Expr extends Located {
  nodeType: 'Expr';
  value: expr;
}
class ExprNode implements Expr {
  declare nodeType: 'Expr';
  declare value: expr;
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(value: expr, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'Expr';
    this.value = value;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function Expr(value: expr, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Expr {
  return new ExprNode(value, lineno, col_offset, end_lineno, end_col_offset);
}

export interface Pass extends Located {
  nodeType: 'Pass';
}
class PassNode implements Pass {
  declare nodeType: 'Pass';
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'Pass';
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function Pass(lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Pass {
  return new PassNode(lineno, col_offset, end_lineno, end_col_offset);
}

export interface Break extends Located {
  nodeType: 'Break';
}
class BreakNode implements Break {
  declare nodeType: 'Break';
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'Break';
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function Break(lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Break {
  return new BreakNode(lineno, col_offset, end_lineno, end_col_offset);
}

export interface Continue extends Located {
  nodeType: 'Continue';
}
class ContinueNode implements Continue {
  declare nodeType: 'Continue';
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'Continue';
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function Continue(lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Continue {
  return new ContinueNode(lineno, col_offset, end_lineno, end_col_offset);
}

export interface BoolOp extends Located {
  nodeType: 'BoolOp';
  op: boolop;
  values: expr[];
}
class BoolOpNode implements BoolOp {
  declare nodeType: 'BoolOp';
  declare op: boolop;
  declare values: expr[];
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(op: boolop, values: expr[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'BoolOp';
    this.op = op;
    this.values = values;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function BoolOp(op: boolop, values: expr[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): BoolOp {
  return new BoolOpNode(op, values, lineno, col_offset, end_lineno, end_col_offset);
}

export interface NamedExpr extends Located {
  nodeType: 'NamedExpr';
  target: expr;
  value: expr;
}
class NamedExprNode implements NamedExpr {
  declare nodeType: 'NamedExpr';
  declare target: expr;
  declare value: expr;
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(target: expr, value: expr, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'NamedExpr';
    this.target = target;
    this.value = value;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function NamedExpr(target: expr, value: expr, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): NamedExpr {
  return new NamedExprNode(target, value, lineno, col_offset, end_lineno, end_col_offset);
}

export interface BinOp extends Located {
  nodeType: 'BinOp';
  left: expr;
  op: operator;
  right: expr;
}
class BinOpNode implements BinOp {
  declare nodeType: 'BinOp';
  declare left: expr;
  declare op: operator;
  declare right: expr;
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(left: expr, op: operator, right: expr, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'BinOp';
    this.left = left;
    this.op = op;
    this.right = right;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function BinOp(left: expr, op: operator, right: expr, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): BinOp {
  return new BinOpNode(left, op, right, lineno, col_offset, end_lineno, end_col_offset);
}

export interface UnaryOp extends Located {
  nodeType: 'UnaryOp';
  op: unaryop;
  operand: expr;
}
class UnaryOpNode implements UnaryOp {
  declare nodeType: 'UnaryOp';
  declare op: unaryop;
  declare operand: expr;
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(op: unaryop, operand: expr, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'UnaryOp';
    this.op = op;
    this.operand = operand;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function UnaryOp(op: unaryop, operand: expr, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): UnaryOp {
  return new UnaryOpNode(op, operand, lineno, col_offset, end_lineno, end_col_offset);
}

export interface Lambda extends Located {
  nodeType: 'Lambda';
  args: arguments_;
  body: expr;
}
class LambdaNode implements Lambda {
  declare nodeType: 'Lambda';
  declare args: arguments_;
  declare body: expr;
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(args: arguments_, body: expr, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'Lambda';
    this.args = args;
    this.body = body;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function Lambda(args: arguments_, body: expr, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Lambda {
  return new LambdaNode(args, body, lineno, col_offset, end_lineno, end_col_offset);
}

export interface IfExp extends Located {
  nodeType: 'IfExp';
  test: expr;
  body: expr;
  orelse: expr;
}
class IfExpNode implements IfExp {
  declare nodeType: 'IfExp';
  declare test: expr;
  declare body: expr;
  declare orelse: expr;
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(test: expr, body: expr, orelse: expr, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'IfExp';
    this.test = test;
    this.body = body;
    this.orelse = orelse;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function IfExp(test: expr, body: expr, orelse: expr, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): IfExp {
  return new IfExpNode(test, body, orelse, lineno, col_offset, end_lineno, end_col_offset);
}

export interface Dict extends Located {
  nodeType: 'Dict';
  keys: (expr | null)[];
  values: expr[];
}
class DictNode implements Dict {
  declare nodeType: 'Dict';
  declare keys: (expr | null)[];
  declare values: expr[];
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(keys: (expr | null)[], values: expr[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'Dict';
    this.keys = keys;
    this.values = values;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function Dict(keys: (expr | null)[], values: expr[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Dict {
  return new DictNode(keys, values, lineno, col_offset, end_lineno, end_col_offset);
}

export interface Set extends Located {
  nodeType: 'Set';
  elts: expr[];
}
class SetNode implements Set {
  declare nodeType: 'Set';
  declare elts: expr[];
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(elts: expr[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'Set';
    this.elts = elts;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function Set(elts: expr[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Set {
  return new SetNode(elts, lineno, col_offset, end_lineno, end_col_offset);
}

export interface ListComp extends Located {
  nodeType: 'ListComp';
  elt: expr;
  generators: comprehension[];
}
class ListCompNode implements ListComp {
  declare nodeType: 'ListComp';
  declare elt: expr;
  declare generators: comprehension[];
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(elt: expr, generators: comprehension[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'ListComp';
    this.elt = elt;
    this.generators = generators;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function ListComp(elt: expr, generators: comprehension[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): ListComp {
  return new ListCompNode(elt, generators, lineno, col_offset, end_lineno, end_col_offset);
}

export interface SetComp extends Located {
  nodeType: 'SetComp';
  elt: expr;
  generators: comprehension[];
}
class SetCompNode implements SetComp {
  declare nodeType: 'SetComp';
  declare elt: expr;
  declare generators: comprehension[];
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(elt: expr, generators: comprehension[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'SetComp';
    this.elt = elt;
    this.generators = generators;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function SetComp(elt: expr, generators: comprehension[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): SetComp {
  return new SetCompNode(elt, generators, lineno, col_offset, end_lineno, end_col_offset);
}

export interface DictComp extends Located {
  nodeType: 'DictComp';
  key: expr;
  value: expr;
  generators: comprehension[];
}
class DictCompNode implements DictComp {
  declare nodeType: 'DictComp';
  declare key: expr;
  declare value: expr;
  declare generators: comprehension[];
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(key: expr, value: expr, generators: comprehension[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'DictComp';
    this.key = key;
    this.value = value;
    this.generators = generators;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function DictComp(key: expr, value: expr, generators: comprehension[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): DictComp {
  return new DictCompNode(key, value, generators, lineno, col_offset, end_lineno, end_col_offset);
}

export interface GeneratorExp extends Located {
  nodeType: 'GeneratorExp';
  elt: expr;
  generators: comprehension[];
}
class GeneratorExpNode implements GeneratorExp {
  declare nodeType: 'GeneratorExp';
  declare elt: expr;
  declare generators: comprehension[];
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(elt: expr, generators: comprehension[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'GeneratorExp';
    this.elt = elt;
    this.generators = generators;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function GeneratorExp(elt: expr, generators: comprehension[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): GeneratorExp {
  return new GeneratorExpNode(elt, generators, lineno, col_offset, end_lineno, end_col_offset);
}

export interface Await extends Located {
  nodeType: 'Await';
  value: expr;
}
class AwaitNode implements Await {
  declare nodeType: 'Await';
  declare value: expr;
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(value: expr, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'Await';
    this.value = value;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function Await(value: expr, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Await {
  return new AwaitNode(value, lineno, col_offset, end_lineno, end_col_offset);
}

export interface Yield extends Located {
  nodeType: 'Yield';
  value: expr | null;
}
class YieldNode implements Yield {
  declare nodeType: 'Yield';
  declare value: expr | null;
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(value: expr | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'Yield';
    this.value = value;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function Yield(value: expr | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Yield {
  return new YieldNode(value, lineno, col_offset, end_lineno, end_col_offset);
}

export interface YieldFrom extends Located {
  nodeType: 'YieldFrom';
  value: expr;
}
class YieldFromNode implements YieldFrom {
  declare nodeType: 'YieldFrom';
  declare value: expr;
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(value: expr, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'YieldFrom';
    this.value = value;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function YieldFrom(value: expr, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): YieldFrom {
  return new YieldFromNode(value, lineno, col_offset, end_lineno, end_col_offset);
}

export interface Compare extends Located {
  nodeType: 'Compare';
  left: expr;
  ops: cmpop[];
  comparators: expr[];
}
class CompareNode implements Compare {
  declare nodeType: 'Compare';
  declare left: expr;
  declare ops: cmpop[];
  declare comparators: expr[];
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(left: expr, ops: cmpop[], comparators: expr[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'Compare';
    this.left = left;
    this.ops = ops;
    this.comparators = comparators;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function Compare(left: expr, ops: cmpop[], comparators: expr[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Compare {
  return new CompareNode(left, ops, comparators, lineno, col_offset, end_lineno, end_col_offset);
}

export interface Call extends Located {
  nodeType: 'Call';
  func: expr;
  args: expr[];
  keywords: keyword[];
}
class CallNode implements Call {
  declare nodeType: 'Call';
  declare func: expr;
  declare args: expr[];
  declare keywords: keyword[];
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(func: expr, args: expr[], keywords: keyword[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'Call';
    this.func = func;
    this.args = args;
    this.keywords = keywords;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function Call(func: expr, args: expr[], keywords: keyword[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Call {
  return new CallNode(func, args, keywords, lineno, col_offset, end_lineno, end_col_offset);
}

export interface FormattedValue extends Located {
  nodeType: 'FormattedValue';
  value: expr;
  conversion: number;
  format_spec: expr | null;
}
class FormattedValueNode implements FormattedValue {
  declare nodeType: 'FormattedValue';
  declare value: expr;
  declare conversion: number;
  declare format_spec: expr | null;
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(value: expr, conversion: number, format_spec: expr | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'FormattedValue';
    this.value = value;
    this.conversion = conversion;
    this.format_spec = format_spec;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function FormattedValue(value: expr, conversion: number, format_spec: expr | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): FormattedValue {
  return new FormattedValueNode(value, conversion, format_spec, lineno, col_offset, end_lineno, end_col_offset);
}

export interface JoinedStr extends Located {
  nodeType: 'JoinedStr';
  values: expr[];
}
class JoinedStrNode implements JoinedStr {
  declare nodeType: 'JoinedStr';
  declare values: expr[];
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(values: expr[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'JoinedStr';
    this.values = values;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function JoinedStr(values: expr[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): JoinedStr {
  return new JoinedStrNode(values, lineno, col_offset, end_lineno, end_col_offset);
}

export interface Constant extends Located {
  nodeType: 'Constant';
  value: PyConstant;
  kind: string | null;
}
class ConstantNode implements Constant {
  declare nodeType: 'Constant';
  declare value: PyConstant;
  declare kind: string | null;
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(value: PyConstant, kind: string | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'Constant';
    this.value = value;
    this.kind = kind;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function Constant(value: PyConstant, kind: string | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Constant {
  return new ConstantNode(value, kind, lineno, col_offset, end_lineno, end_col_offset);
}

export interface Attribute extends Located {
  nodeType: 'Attribute';
  value: expr;
  attr: string;
  ctx: expr_context;
}
class AttributeNode implements Attribute {
  declare nodeType: 'Attribute';
  declare value: expr;
  declare attr: string;
  declare ctx: expr_context;
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(value: expr, attr: string, ctx: expr_context, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'Attribute';
    this.value = value;
    this.attr = attr;
    this.ctx = ctx;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function Attribute(value: expr, attr: string, ctx: expr_context, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Attribute {
  return new AttributeNode(value, attr, ctx, lineno, col_offset, end_lineno, end_col_offset);
}

export interface Subscript extends Located {
  nodeType: 'Subscript';
  value: expr;
  slice: expr;
  ctx: expr_context;
}
class SubscriptNode implements Subscript {
  declare nodeType: 'Subscript';
  declare value: expr;
  declare slice: expr;
  declare ctx: expr_context;
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(value: expr, slice: expr, ctx: expr_context, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'Subscript';
    this.value = value;
    this.slice = slice;
    this.ctx = ctx;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function Subscript(value: expr, slice: expr, ctx: expr_context, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Subscript {
  return new SubscriptNode(value, slice, ctx, lineno, col_offset, end_lineno, end_col_offset);
}

export interface Starred extends Located {
  nodeType: 'Starred';
  value: expr;
  ctx: expr_context;
}
class StarredNode implements Starred {
  declare nodeType: 'Starred';
  declare value: expr;
  declare ctx: expr_context;
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(value: expr, ctx: expr_context, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'Starred';
    this.value = value;
    this.ctx = ctx;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function Starred(value: expr, ctx: expr_context, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Starred {
  return new StarredNode(value, ctx, lineno, col_offset, end_lineno, end_col_offset);
}

export interface Name extends Located {
  nodeType: 'Name';
  id: string;
  ctx: expr_context;
}
class NameNode implements Name {
  declare nodeType: 'Name';
  declare id: string;
  declare ctx: expr_context;
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(id: string, ctx: expr_context, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'Name';
    this.id = id;
    this.ctx = ctx;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function Name(id: string, ctx: expr_context, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Name {
  return new NameNode(id, ctx, lineno, col_offset, end_lineno, end_col_offset);
}

export interface List extends Located {
  nodeType: 'List';
  elts: expr[];
  ctx: expr_context;
}
class ListNode implements List {
  declare nodeType: 'List';
  declare elts: expr[];
  declare ctx: expr_context;
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(elts: expr[], ctx: expr_context, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'List';
    this.elts = elts;
    this.ctx = ctx;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function List(elts: expr[], ctx: expr_context, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): List {
  return new ListNode(elts, ctx, lineno, col_offset, end_lineno, end_col_offset);
}

export interface Tuple extends Located {
  nodeType: 'Tuple';
  elts: expr[];
  ctx: expr_context;
}
class TupleNode implements Tuple {
  declare nodeType: 'Tuple';
  declare elts: expr[];
  declare ctx: expr_context;
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(elts: expr[], ctx: expr_context, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'Tuple';
    this.elts = elts;
    this.ctx = ctx;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function Tuple(elts: expr[], ctx: expr_context, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Tuple {
  return new TupleNode(elts, ctx, lineno, col_offset, end_lineno, end_col_offset);
}

export interface Slice extends Located {
  nodeType: 'Slice';
  lower: expr | null;
  upper: expr | null;
  step: expr | null;
}
class SliceNode implements Slice {
  declare nodeType: 'Slice';
  declare lower: expr | null;
  declare upper: expr | null;
  declare step: expr | null;
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(lower: expr | null, upper: expr | null, step: expr | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'Slice';
    this.lower = lower;
    this.upper = upper;
    this.step = step;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function Slice(lower: expr | null, upper: expr | null, step: expr | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Slice {
  return new SliceNode(lower, upper, step, lineno, col_offset, end_lineno, end_col_offset);
}

export interface Load {
  nodeType: 'Load';
}
export const Load: Load = Object.freeze({ nodeType: 'Load' }) as Load;

export interface Store {
  nodeType: 'Store';
}
export const Store: Store = Object.freeze({ nodeType: 'Store' }) as Store;

export interface Del {
  nodeType: 'Del';
}
export const Del: Del = Object.freeze({ nodeType: 'Del' }) as Del;

export interface And {
  nodeType: 'And';
}
export const And: And = Object.freeze({ nodeType: 'And' }) as And;

export interface Or {
  nodeType: 'Or';
}
export const Or: Or = Object.freeze({ nodeType: 'Or' }) as Or;

export interface Add {
  nodeType: 'Add';
}
export const Add: Add = Object.freeze({ nodeType: 'Add' }) as Add;

export interface Sub {
  nodeType: 'Sub';
}
export const Sub: Sub = Object.freeze({ nodeType: 'Sub' }) as Sub;

export interface Mult {
  nodeType: 'Mult';
}
export const Mult: Mult = Object.freeze({ nodeType: 'Mult' }) as Mult;

export interface MatMult {
  nodeType: 'MatMult';
}
export const MatMult: MatMult = Object.freeze({ nodeType: 'MatMult' }) as MatMult;

export interface Div {
  nodeType: 'Div';
}
export const Div: Div = Object.freeze({ nodeType: 'Div' }) as Div;

export interface Mod {
  nodeType: 'Mod';
}
export const Mod: Mod = Object.freeze({ nodeType: 'Mod' }) as Mod;

export interface Pow {
  nodeType: 'Pow';
}
export const Pow: Pow = Object.freeze({ nodeType: 'Pow' }) as Pow;

export interface LShift {
  nodeType: 'LShift';
}
export const LShift: LShift = Object.freeze({ nodeType: 'LShift' }) as LShift;

export interface RShift {
  nodeType: 'RShift';
}
export const RShift: RShift = Object.freeze({ nodeType: 'RShift' }) as RShift;

export interface BitOr {
  nodeType: 'BitOr';
}
export const BitOr: BitOr = Object.freeze({ nodeType: 'BitOr' }) as BitOr;

export interface BitXor {
  nodeType: 'BitXor';
}
export const BitXor: BitXor = Object.freeze({ nodeType: 'BitXor' }) as BitXor;

export interface BitAnd {
  nodeType: 'BitAnd';
}
export const BitAnd: BitAnd = Object.freeze({ nodeType: 'BitAnd' }) as BitAnd;

export interface FloorDiv {
  nodeType: 'FloorDiv';
}
export const FloorDiv: FloorDiv = Object.freeze({ nodeType: 'FloorDiv' }) as FloorDiv;

export interface Invert {
  nodeType: 'Invert';
}
export const Invert: Invert = Object.freeze({ nodeType: 'Invert' }) as Invert;

export interface Not {
  nodeType: 'Not';
}
export const Not: Not = Object.freeze({ nodeType: 'Not' }) as Not;

export interface UAdd {
  nodeType: 'UAdd';
}
export const UAdd: UAdd = Object.freeze({ nodeType: 'UAdd' }) as UAdd;

export interface USub {
  nodeType: 'USub';
}
export const USub: USub = Object.freeze({ nodeType: 'USub' }) as USub;

export interface Eq {
  nodeType: 'Eq';
}
export const Eq: Eq = Object.freeze({ nodeType: 'Eq' }) as Eq;

export interface NotEq {
  nodeType: 'NotEq';
}
export const NotEq: NotEq = Object.freeze({ nodeType: 'NotEq' }) as NotEq;

export interface Lt {
  nodeType: 'Lt';
}
export const Lt: Lt = Object.freeze({ nodeType: 'Lt' }) as Lt;

export interface LtE {
  nodeType: 'LtE';
}
export const LtE: LtE = Object.freeze({ nodeType: 'LtE' }) as LtE;

export interface Gt {
  nodeType: 'Gt';
}
export const Gt: Gt = Object.freeze({ nodeType: 'Gt' }) as Gt;

export interface GtE {
  nodeType: 'GtE';
}
export const GtE: GtE = Object.freeze({ nodeType: 'GtE' }) as GtE;

export interface Is {
  nodeType: 'Is';
}
export const Is: Is = Object.freeze({ nodeType: 'Is' }) as Is;

export interface IsNot {
  nodeType: 'IsNot';
}
export const IsNot: IsNot = Object.freeze({ nodeType: 'IsNot' }) as IsNot;

export interface In {
  nodeType: 'In';
}
export const In: In = Object.freeze({ nodeType: 'In' }) as In;

export interface NotIn {
  nodeType: 'NotIn';
}
export const NotIn: NotIn = Object.freeze({ nodeType: 'NotIn' }) as NotIn;

export interface ExceptHandler extends Located {
  nodeType: 'ExceptHandler';
  type: expr | null;
  name: string | null;
  body: stmt[];
}
class ExceptHandlerNode implements ExceptHandler {
  declare nodeType: 'ExceptHandler';
  declare type: expr | null;
  declare name: string | null;
  declare body: stmt[];
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(type: expr | null, name: string | null, body: stmt[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'ExceptHandler';
    this.type = type;
    this.name = name;
    this.body = body;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function ExceptHandler(type: expr | null, name: string | null, body: stmt[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): ExceptHandler {
  return new ExceptHandlerNode(type, name, body, lineno, col_offset, end_lineno, end_col_offset);
}

export interface MatchValue extends Located {
  nodeType: 'MatchValue';
  value: expr;
}
class MatchValueNode implements MatchValue {
  declare nodeType: 'MatchValue';
  declare value: expr;
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(value: expr, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'MatchValue';
    this.value = value;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function MatchValue(value: expr, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): MatchValue {
  return new MatchValueNode(value, lineno, col_offset, end_lineno, end_col_offset);
}

export interface MatchSingleton extends Located {
  nodeType: 'MatchSingleton';
  value: PyConstant;
}
class MatchSingletonNode implements MatchSingleton {
  declare nodeType: 'MatchSingleton';
  declare value: PyConstant;
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(value: PyConstant, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'MatchSingleton';
    this.value = value;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function MatchSingleton(value: PyConstant, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): MatchSingleton {
  return new MatchSingletonNode(value, lineno, col_offset, end_lineno, end_col_offset);
}

export interface MatchSequence extends Located {
  nodeType: 'MatchSequence';
  patterns: pattern[];
}
class MatchSequenceNode implements MatchSequence {
  declare nodeType: 'MatchSequence';
  declare patterns: pattern[];
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(patterns: pattern[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'MatchSequence';
    this.patterns = patterns;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function MatchSequence(patterns: pattern[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): MatchSequence {
  return new MatchSequenceNode(patterns, lineno, col_offset, end_lineno, end_col_offset);
}

export interface MatchMapping extends Located {
  nodeType: 'MatchMapping';
  keys: expr[];
  patterns: pattern[];
  rest: string | null;
}
class MatchMappingNode implements MatchMapping {
  declare nodeType: 'MatchMapping';
  declare keys: expr[];
  declare patterns: pattern[];
  declare rest: string | null;
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(keys: expr[], patterns: pattern[], rest: string | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'MatchMapping';
    this.keys = keys;
    this.patterns = patterns;
    this.rest = rest;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function MatchMapping(keys: expr[], patterns: pattern[], rest: string | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): MatchMapping {
  return new MatchMappingNode(keys, patterns, rest, lineno, col_offset, end_lineno, end_col_offset);
}

export interface MatchClass extends Located {
  nodeType: 'MatchClass';
  cls: expr;
  patterns: pattern[];
  kwd_attrs: string[];
  kwd_patterns: pattern[];
}
class MatchClassNode implements MatchClass {
  declare nodeType: 'MatchClass';
  declare cls: expr;
  declare patterns: pattern[];
  declare kwd_attrs: string[];
  declare kwd_patterns: pattern[];
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(cls: expr, patterns: pattern[], kwd_attrs: string[], kwd_patterns: pattern[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'MatchClass';
    this.cls = cls;
    this.patterns = patterns;
    this.kwd_attrs = kwd_attrs;
    this.kwd_patterns = kwd_patterns;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function MatchClass(cls: expr, patterns: pattern[], kwd_attrs: string[], kwd_patterns: pattern[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): MatchClass {
  return new MatchClassNode(cls, patterns, kwd_attrs, kwd_patterns, lineno, col_offset, end_lineno, end_col_offset);
}

export interface MatchStar extends Located {
  nodeType: 'MatchStar';
  name: string | null;
}
class MatchStarNode implements MatchStar {
  declare nodeType: 'MatchStar';
  declare name: string | null;
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(name: string | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'MatchStar';
    this.name = name;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function MatchStar(name: string | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): MatchStar {
  return new MatchStarNode(name, lineno, col_offset, end_lineno, end_col_offset);
}

export interface MatchAs extends Located {
  nodeType: 'MatchAs';
  pattern: pattern | null;
  name: string | null;
}
class MatchAsNode implements MatchAs {
  declare nodeType: 'MatchAs';
  declare pattern: pattern | null;
  declare name: string | null;
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(pattern: pattern | null, name: string | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'MatchAs';
    this.pattern = pattern;
    this.name = name;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function MatchAs(pattern: pattern | null, name: string | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): MatchAs {
  return new MatchAsNode(pattern, name, lineno, col_offset, end_lineno, end_col_offset);
}

export interface MatchOr extends Located {
  nodeType: 'MatchOr';
  patterns: pattern[];
}
class MatchOrNode implements MatchOr {
  declare nodeType: 'MatchOr';
  declare patterns: pattern[];
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(patterns: pattern[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'MatchOr';
    this.patterns = patterns;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function MatchOr(patterns: pattern[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): MatchOr {
  return new MatchOrNode(patterns, lineno, col_offset, end_lineno, end_col_offset);
}

export interface TypeIgnore {
  nodeType: 'TypeIgnore';
  lineno: number;
  tag: string;
}
class TypeIgnoreNode implements TypeIgnore {
  declare nodeType: 'TypeIgnore';
  declare lineno: number;
  declare tag: string;
  constructor(lineno: number, tag: string) {
    this.nodeType = 'TypeIgnore';
    this.lineno = lineno;
    this.tag = tag;
  }
}
export function TypeIgnore(lineno: number, tag: string): TypeIgnore {
  return new TypeIgnoreNode(lineno, tag);
}

export interface comprehension {
  nodeType: 'comprehension';
  target: expr;
  iter: expr;
  ifs: expr[];
  is_async: number;
}
class comprehensionNode implements comprehension {
  declare nodeType: 'comprehension';
  declare target: expr;
  declare iter: expr;
  declare ifs: expr[];
  declare is_async: number;
  constructor(target: expr, iter: expr, ifs: expr[], is_async: number) {
    this.nodeType = 'comprehension';
    this.target = target;
    this.iter = iter;
    this.ifs = ifs;
    this.is_async = is_async;
  }
}
export function comprehension(target: expr, iter: expr, ifs: expr[], is_async: number): comprehension {
  return new comprehensionNode(target, iter, ifs, is_async);
}

export interface arguments_ {
  nodeType: 'arguments';
  posonlyargs: arg[];
  args: arg[];
  vararg: arg | null;
  kwonlyargs: arg[];
  kw_defaults: (expr | null)[];
  kwarg: arg | null;
  defaults: expr[];
}
class argumentsNode implements arguments_ {
  declare nodeType: 'arguments';
  declare posonlyargs: arg[];
  declare args: arg[];
  declare vararg: arg | null;
  declare kwonlyargs: arg[];
  declare kw_defaults: (expr | null)[];
  declare kwarg: arg | null;
  declare defaults: expr[];
  constructor(posonlyargs: arg[], args: arg[], vararg: arg | null, kwonlyargs: arg[], kw_defaults: (expr | null)[], kwarg: arg | null, defaults: expr[]) {
    this.nodeType = 'arguments';
    this.posonlyargs = posonlyargs;
    this.args = args;
    this.vararg = vararg;
    this.kwonlyargs = kwonlyargs;
    this.kw_defaults = kw_defaults;
    this.kwarg = kwarg;
    this.defaults = defaults;
  }
}
export function arguments_(posonlyargs: arg[], args: arg[], vararg: arg | null, kwonlyargs: arg[], kw_defaults: (expr | null)[], kwarg: arg | null, defaults: expr[]): arguments_ {
  return new argumentsNode(posonlyargs, args, vararg, kwonlyargs, kw_defaults, kwarg, defaults);
}

export interface arg extends Located {
  nodeType: 'arg';
  arg: string;
  annotation: expr | null;
  type_comment: string | null;
}
class argNode implements arg {
  declare nodeType: 'arg';
  declare arg: string;
  declare annotation: expr | null;
  declare type_comment: string | null;
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(arg: string, annotation: expr | null, type_comment: string | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'arg';
    this.arg = arg;
    this.annotation = annotation;
    this.type_comment = type_comment;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function arg(arg: string, annotation: expr | null, type_comment: string | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): arg {
  return new argNode(arg, annotation, type_comment, lineno, col_offset, end_lineno, end_col_offset);
}

export interface keyword extends Located {
  nodeType: 'keyword';
  arg: string | null;
  value: expr;
}
class keywordNode implements keyword {
  declare nodeType: 'keyword';
  declare arg: string | null;
  declare value: expr;
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(arg: string | null, value: expr, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'keyword';
    this.arg = arg;
    this.value = value;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function keyword(arg: string | null, value: expr, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): keyword {
  return new keywordNode(arg, value, lineno, col_offset, end_lineno, end_col_offset);
}

export interface alias extends Located {
  nodeType: 'alias';
  name: string;
  asname: string | null;
}
class aliasNode implements alias {
  declare nodeType: 'alias';
  declare name: string;
  declare asname: string | null;
  declare lineno: number;
  declare col_offset: number;
  declare end_lineno: number | null;
  declare end_col_offset: number | null;
  constructor(name: string, asname: string | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null) {
    this.nodeType = 'alias';
    this.name = name;
    this.asname = asname;
    this.lineno = lineno;
    this.col_offset = col_offset;
    this.end_lineno = end_lineno;
    this.end_col_offset = end_col_offset;
  }
}
export function alias(name: string, asname: string | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): alias {
  return new aliasNode(name, asname, lineno, col_offset, end_lineno, end_col_offset);
}

export interface withitem {
  nodeType: 'withitem';
  context_expr: expr;
  optional_vars: expr | null;
}
class withitemNode implements withitem {
  declare nodeType: 'withitem';
  declare context_expr: expr;
  declare optional_vars: expr | null;
  constructor(context_expr: expr, optional_vars: expr | null) {
    this.nodeType = 'withitem';
    this.context_expr = context_expr;
    this.optional_vars = optional_vars;
  }
}
export function withitem(context_expr: expr, optional_vars: expr | null): withitem {
  return new withitemNode(context_expr, optional_vars);
}

export interface match_case {
  nodeType: 'match_case';
  pattern: pattern;
  guard: expr | null;
  body: stmt[];
}
class match_caseNode implements match_case {
  declare nodeType: 'match_case';
  declare pattern: pattern;
  declare guard: expr | null;
  declare body: stmt[];
  constructor(pattern: pattern, guard: expr | null, body: stmt[]) {
    this.nodeType = 'match_case';
    this.pattern = pattern;
    this.guard = guard;
    this.body = body;
  }
}
export function match_case(pattern: pattern, guard: expr | null, body: stmt[]): match_case {
  return new match_caseNode(pattern, guard, body);
}

/** Field kinds: '' a single value, '?' optional (None when absent), '*' a list. */
export type FieldQuantifier = '' | '?' | '*';
export interface FieldSpec { readonly name: string; readonly type: string; readonly quantifier: FieldQuantifier; }
export interface NodeSpec { readonly fields: readonly FieldSpec[]; readonly attributes: readonly string[]; readonly base: string | null; }

/** CPython's `_fields` (with ASDL types) and `_attributes` for every node, in CPython's order. */
export const NODE_SPECS: { readonly [K in NodeType]: NodeSpec } = {
  Module: { fields: [{ name: 'body', type: 'stmt', quantifier: '*' }, { name: 'type_ignores', type: 'type_ignore', quantifier: '*' }], attributes: [], base: 'mod' },
  Interactive: { fields: [{ name: 'body', type: 'stmt', quantifier: '*' }], attributes: [], base: 'mod' },
  Expression: { fields: [{ name: 'body', type: 'expr', quantifier: '' }], attributes: [], base: 'mod' },
  FunctionType: { fields: [{ name: 'argtypes', type: 'expr', quantifier: '*' }, { name: 'returns', type: 'expr', quantifier: '' }], attributes: [], base: 'mod' },
  FunctionDef: { fields: [{ name: 'name', type: 'identifier', quantifier: '' }, { name: 'args', type: 'arguments', quantifier: '' }, { name: 'body', type: 'stmt', quantifier: '*' }, { name: 'decorator_list', type: 'expr', quantifier: '*' }, { name: 'returns', type: 'expr', quantifier: '?' }, { name: 'type_comment', type: 'string', quantifier: '?' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'stmt' },
  AsyncFunctionDef: { fields: [{ name: 'name', type: 'identifier', quantifier: '' }, { name: 'args', type: 'arguments', quantifier: '' }, { name: 'body', type: 'stmt', quantifier: '*' }, { name: 'decorator_list', type: 'expr', quantifier: '*' }, { name: 'returns', type: 'expr', quantifier: '?' }, { name: 'type_comment', type: 'string', quantifier: '?' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'stmt' },
  ClassDef: { fields: [{ name: 'name', type: 'identifier', quantifier: '' }, { name: 'bases', type: 'expr', quantifier: '*' }, { name: 'keywords', type: 'keyword', quantifier: '*' }, { name: 'body', type: 'stmt', quantifier: '*' }, { name: 'decorator_list', type: 'expr', quantifier: '*' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'stmt' },
  Return: { fields: [{ name: 'value', type: 'expr', quantifier: '?' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'stmt' },
  Delete: { fields: [{ name: 'targets', type: 'expr', quantifier: '*' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'stmt' },
  Assign: { fields: [{ name: 'targets', type: 'expr', quantifier: '*' }, { name: 'value', type: 'expr', quantifier: '' }, { name: 'type_comment', type: 'string', quantifier: '?' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'stmt' },
  AugAssign: { fields: [{ name: 'target', type: 'expr', quantifier: '' }, { name: 'op', type: 'operator', quantifier: '' }, { name: 'value', type: 'expr', quantifier: '' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'stmt' },
  AnnAssign: { fields: [{ name: 'target', type: 'expr', quantifier: '' }, { name: 'annotation', type: 'expr', quantifier: '' }, { name: 'value', type: 'expr', quantifier: '?' }, { name: 'simple', type: 'int', quantifier: '' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'stmt' },
  For: { fields: [{ name: 'target', type: 'expr', quantifier: '' }, { name: 'iter', type: 'expr', quantifier: '' }, { name: 'body', type: 'stmt', quantifier: '*' }, { name: 'orelse', type: 'stmt', quantifier: '*' }, { name: 'type_comment', type: 'string', quantifier: '?' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'stmt' },
  AsyncFor: { fields: [{ name: 'target', type: 'expr', quantifier: '' }, { name: 'iter', type: 'expr', quantifier: '' }, { name: 'body', type: 'stmt', quantifier: '*' }, { name: 'orelse', type: 'stmt', quantifier: '*' }, { name: 'type_comment', type: 'string', quantifier: '?' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'stmt' },
  While: { fields: [{ name: 'test', type: 'expr', quantifier: '' }, { name: 'body', type: 'stmt', quantifier: '*' }, { name: 'orelse', type: 'stmt', quantifier: '*' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'stmt' },
  If: { fields: [{ name: 'test', type: 'expr', quantifier: '' }, { name: 'body', type: 'stmt', quantifier: '*' }, { name: 'orelse', type: 'stmt', quantifier: '*' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'stmt' },
  With: { fields: [{ name: 'items', type: 'withitem', quantifier: '*' }, { name: 'body', type: 'stmt', quantifier: '*' }, { name: 'type_comment', type: 'string', quantifier: '?' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'stmt' },
  AsyncWith: { fields: [{ name: 'items', type: 'withitem', quantifier: '*' }, { name: 'body', type: 'stmt', quantifier: '*' }, { name: 'type_comment', type: 'string', quantifier: '?' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'stmt' },
  Match: { fields: [{ name: 'subject', type: 'expr', quantifier: '' }, { name: 'cases', type: 'match_case', quantifier: '*' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'stmt' },
  Raise: { fields: [{ name: 'exc', type: 'expr', quantifier: '?' }, { name: 'cause', type: 'expr', quantifier: '?' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'stmt' },
  Try: { fields: [{ name: 'body', type: 'stmt', quantifier: '*' }, { name: 'handlers', type: 'excepthandler', quantifier: '*' }, { name: 'orelse', type: 'stmt', quantifier: '*' }, { name: 'finalbody', type: 'stmt', quantifier: '*' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'stmt' },
  TryStar: { fields: [{ name: 'body', type: 'stmt', quantifier: '*' }, { name: 'handlers', type: 'excepthandler', quantifier: '*' }, { name: 'orelse', type: 'stmt', quantifier: '*' }, { name: 'finalbody', type: 'stmt', quantifier: '*' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'stmt' },
  Assert: { fields: [{ name: 'test', type: 'expr', quantifier: '' }, { name: 'msg', type: 'expr', quantifier: '?' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'stmt' },
  Import: { fields: [{ name: 'names', type: 'alias', quantifier: '*' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'stmt' },
  ImportFrom: { fields: [{ name: 'module', type: 'identifier', quantifier: '?' }, { name: 'names', type: 'alias', quantifier: '*' }, { name: 'level', type: 'int', quantifier: '?' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'stmt' },
  Global: { fields: [{ name: 'names', type: 'identifier', quantifier: '*' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'stmt' },
  Nonlocal: { fields: [{ name: 'names', type: 'identifier', quantifier: '*' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'stmt' },
  Expr: { fields: [{ name: 'value', type: 'expr', quantifier: '' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'stmt' },
  Pass: { fields: [], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'stmt' },
  Break: { fields: [], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'stmt' },
  Continue: { fields: [], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'stmt' },
  BoolOp: { fields: [{ name: 'op', type: 'boolop', quantifier: '' }, { name: 'values', type: 'expr', quantifier: '*' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'expr' },
  NamedExpr: { fields: [{ name: 'target', type: 'expr', quantifier: '' }, { name: 'value', type: 'expr', quantifier: '' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'expr' },
  BinOp: { fields: [{ name: 'left', type: 'expr', quantifier: '' }, { name: 'op', type: 'operator', quantifier: '' }, { name: 'right', type: 'expr', quantifier: '' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'expr' },
  UnaryOp: { fields: [{ name: 'op', type: 'unaryop', quantifier: '' }, { name: 'operand', type: 'expr', quantifier: '' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'expr' },
  Lambda: { fields: [{ name: 'args', type: 'arguments', quantifier: '' }, { name: 'body', type: 'expr', quantifier: '' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'expr' },
  IfExp: { fields: [{ name: 'test', type: 'expr', quantifier: '' }, { name: 'body', type: 'expr', quantifier: '' }, { name: 'orelse', type: 'expr', quantifier: '' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'expr' },
  Dict: { fields: [{ name: 'keys', type: 'expr', quantifier: '*' }, { name: 'values', type: 'expr', quantifier: '*' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'expr' },
  Set: { fields: [{ name: 'elts', type: 'expr', quantifier: '*' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'expr' },
  ListComp: { fields: [{ name: 'elt', type: 'expr', quantifier: '' }, { name: 'generators', type: 'comprehension', quantifier: '*' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'expr' },
  SetComp: { fields: [{ name: 'elt', type: 'expr', quantifier: '' }, { name: 'generators', type: 'comprehension', quantifier: '*' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'expr' },
  DictComp: { fields: [{ name: 'key', type: 'expr', quantifier: '' }, { name: 'value', type: 'expr', quantifier: '' }, { name: 'generators', type: 'comprehension', quantifier: '*' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'expr' },
  GeneratorExp: { fields: [{ name: 'elt', type: 'expr', quantifier: '' }, { name: 'generators', type: 'comprehension', quantifier: '*' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'expr' },
  Await: { fields: [{ name: 'value', type: 'expr', quantifier: '' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'expr' },
  Yield: { fields: [{ name: 'value', type: 'expr', quantifier: '?' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'expr' },
  YieldFrom: { fields: [{ name: 'value', type: 'expr', quantifier: '' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'expr' },
  Compare: { fields: [{ name: 'left', type: 'expr', quantifier: '' }, { name: 'ops', type: 'cmpop', quantifier: '*' }, { name: 'comparators', type: 'expr', quantifier: '*' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'expr' },
  Call: { fields: [{ name: 'func', type: 'expr', quantifier: '' }, { name: 'args', type: 'expr', quantifier: '*' }, { name: 'keywords', type: 'keyword', quantifier: '*' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'expr' },
  FormattedValue: { fields: [{ name: 'value', type: 'expr', quantifier: '' }, { name: 'conversion', type: 'int', quantifier: '' }, { name: 'format_spec', type: 'expr', quantifier: '?' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'expr' },
  JoinedStr: { fields: [{ name: 'values', type: 'expr', quantifier: '*' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'expr' },
  Constant: { fields: [{ name: 'value', type: 'constant', quantifier: '' }, { name: 'kind', type: 'string', quantifier: '?' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'expr' },
  Attribute: { fields: [{ name: 'value', type: 'expr', quantifier: '' }, { name: 'attr', type: 'identifier', quantifier: '' }, { name: 'ctx', type: 'expr_context', quantifier: '' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'expr' },
  Subscript: { fields: [{ name: 'value', type: 'expr', quantifier: '' }, { name: 'slice', type: 'expr', quantifier: '' }, { name: 'ctx', type: 'expr_context', quantifier: '' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'expr' },
  Starred: { fields: [{ name: 'value', type: 'expr', quantifier: '' }, { name: 'ctx', type: 'expr_context', quantifier: '' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'expr' },
  Name: { fields: [{ name: 'id', type: 'identifier', quantifier: '' }, { name: 'ctx', type: 'expr_context', quantifier: '' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'expr' },
  List: { fields: [{ name: 'elts', type: 'expr', quantifier: '*' }, { name: 'ctx', type: 'expr_context', quantifier: '' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'expr' },
  Tuple: { fields: [{ name: 'elts', type: 'expr', quantifier: '*' }, { name: 'ctx', type: 'expr_context', quantifier: '' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'expr' },
  Slice: { fields: [{ name: 'lower', type: 'expr', quantifier: '?' }, { name: 'upper', type: 'expr', quantifier: '?' }, { name: 'step', type: 'expr', quantifier: '?' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'expr' },
  Load: { fields: [], attributes: [], base: 'expr_context' },
  Store: { fields: [], attributes: [], base: 'expr_context' },
  Del: { fields: [], attributes: [], base: 'expr_context' },
  And: { fields: [], attributes: [], base: 'boolop' },
  Or: { fields: [], attributes: [], base: 'boolop' },
  Add: { fields: [], attributes: [], base: 'operator' },
  Sub: { fields: [], attributes: [], base: 'operator' },
  Mult: { fields: [], attributes: [], base: 'operator' },
  MatMult: { fields: [], attributes: [], base: 'operator' },
  Div: { fields: [], attributes: [], base: 'operator' },
  Mod: { fields: [], attributes: [], base: 'operator' },
  Pow: { fields: [], attributes: [], base: 'operator' },
  LShift: { fields: [], attributes: [], base: 'operator' },
  RShift: { fields: [], attributes: [], base: 'operator' },
  BitOr: { fields: [], attributes: [], base: 'operator' },
  BitXor: { fields: [], attributes: [], base: 'operator' },
  BitAnd: { fields: [], attributes: [], base: 'operator' },
  FloorDiv: { fields: [], attributes: [], base: 'operator' },
  Invert: { fields: [], attributes: [], base: 'unaryop' },
  Not: { fields: [], attributes: [], base: 'unaryop' },
  UAdd: { fields: [], attributes: [], base: 'unaryop' },
  USub: { fields: [], attributes: [], base: 'unaryop' },
  Eq: { fields: [], attributes: [], base: 'cmpop' },
  NotEq: { fields: [], attributes: [], base: 'cmpop' },
  Lt: { fields: [], attributes: [], base: 'cmpop' },
  LtE: { fields: [], attributes: [], base: 'cmpop' },
  Gt: { fields: [], attributes: [], base: 'cmpop' },
  GtE: { fields: [], attributes: [], base: 'cmpop' },
  Is: { fields: [], attributes: [], base: 'cmpop' },
  IsNot: { fields: [], attributes: [], base: 'cmpop' },
  In: { fields: [], attributes: [], base: 'cmpop' },
  NotIn: { fields: [], attributes: [], base: 'cmpop' },
  ExceptHandler: { fields: [{ name: 'type', type: 'expr', quantifier: '?' }, { name: 'name', type: 'identifier', quantifier: '?' }, { name: 'body', type: 'stmt', quantifier: '*' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'excepthandler' },
  MatchValue: { fields: [{ name: 'value', type: 'expr', quantifier: '' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'pattern' },
  MatchSingleton: { fields: [{ name: 'value', type: 'constant', quantifier: '' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'pattern' },
  MatchSequence: { fields: [{ name: 'patterns', type: 'pattern', quantifier: '*' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'pattern' },
  MatchMapping: { fields: [{ name: 'keys', type: 'expr', quantifier: '*' }, { name: 'patterns', type: 'pattern', quantifier: '*' }, { name: 'rest', type: 'identifier', quantifier: '?' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'pattern' },
  MatchClass: { fields: [{ name: 'cls', type: 'expr', quantifier: '' }, { name: 'patterns', type: 'pattern', quantifier: '*' }, { name: 'kwd_attrs', type: 'identifier', quantifier: '*' }, { name: 'kwd_patterns', type: 'pattern', quantifier: '*' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'pattern' },
  MatchStar: { fields: [{ name: 'name', type: 'identifier', quantifier: '?' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'pattern' },
  MatchAs: { fields: [{ name: 'pattern', type: 'pattern', quantifier: '?' }, { name: 'name', type: 'identifier', quantifier: '?' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'pattern' },
  MatchOr: { fields: [{ name: 'patterns', type: 'pattern', quantifier: '*' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: 'pattern' },
  TypeIgnore: { fields: [{ name: 'lineno', type: 'int', quantifier: '' }, { name: 'tag', type: 'string', quantifier: '' }], attributes: [], base: 'type_ignore' },
  comprehension: { fields: [{ name: 'target', type: 'expr', quantifier: '' }, { name: 'iter', type: 'expr', quantifier: '' }, { name: 'ifs', type: 'expr', quantifier: '*' }, { name: 'is_async', type: 'int', quantifier: '' }], attributes: [], base: null },
  arguments: { fields: [{ name: 'posonlyargs', type: 'arg', quantifier: '*' }, { name: 'args', type: 'arg', quantifier: '*' }, { name: 'vararg', type: 'arg', quantifier: '?' }, { name: 'kwonlyargs', type: 'arg', quantifier: '*' }, { name: 'kw_defaults', type: 'expr', quantifier: '*' }, { name: 'kwarg', type: 'arg', quantifier: '?' }, { name: 'defaults', type: 'expr', quantifier: '*' }], attributes: [], base: null },
  arg: { fields: [{ name: 'arg', type: 'identifier', quantifier: '' }, { name: 'annotation', type: 'expr', quantifier: '?' }, { name: 'type_comment', type: 'string', quantifier: '?' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: null },
  keyword: { fields: [{ name: 'arg', type: 'identifier', quantifier: '?' }, { name: 'value', type: 'expr', quantifier: '' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: null },
  alias: { fields: [{ name: 'name', type: 'identifier', quantifier: '' }, { name: 'asname', type: 'identifier', quantifier: '?' }], attributes: ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'], base: null },
  withitem: { fields: [{ name: 'context_expr', type: 'expr', quantifier: '' }, { name: 'optional_vars', type: 'expr', quantifier: '?' }], attributes: [], base: null },
  match_case: { fields: [{ name: 'pattern', type: 'pattern', quantifier: '' }, { name: 'guard', type: 'expr', quantifier: '?' }, { name: 'body', type: 'stmt', quantifier: '*' }], attributes: [], base: null },
};

/** The fields of each node kind that hold nodes (single, optional or lists), for walkers. */
export const CHILD_FIELDS: { readonly [K in NodeType]: readonly string[] } = {
  Module: ['body', 'type_ignores'],
  Interactive: ['body'],
  Expression: ['body'],
  FunctionType: ['argtypes', 'returns'],
  FunctionDef: ['args', 'body', 'decorator_list', 'returns'],
  AsyncFunctionDef: ['args', 'body', 'decorator_list', 'returns'],
  ClassDef: ['bases', 'keywords', 'body', 'decorator_list'],
  Return: ['value'],
  Delete: ['targets'],
  Assign: ['targets', 'value'],
  AugAssign: ['target', 'op', 'value'],
  AnnAssign: ['target', 'annotation', 'value'],
  For: ['target', 'iter', 'body', 'orelse'],
  AsyncFor: ['target', 'iter', 'body', 'orelse'],
  While: ['test', 'body', 'orelse'],
  If: ['test', 'body', 'orelse'],
  With: ['items', 'body'],
  AsyncWith: ['items', 'body'],
  Match: ['subject', 'cases'],
  Raise: ['exc', 'cause'],
  Try: ['body', 'handlers', 'orelse', 'finalbody'],
  TryStar: ['body', 'handlers', 'orelse', 'finalbody'],
  Assert: ['test', 'msg'],
  Import: ['names'],
  ImportFrom: ['names'],
  Global: [],
  Nonlocal: [],
  Expr: ['value'],
  Pass: [],
  Break: [],
  Continue: [],
  BoolOp: ['op', 'values'],
  NamedExpr: ['target', 'value'],
  BinOp: ['left', 'op', 'right'],
  UnaryOp: ['op', 'operand'],
  Lambda: ['args', 'body'],
  IfExp: ['test', 'body', 'orelse'],
  Dict: ['keys', 'values'],
  Set: ['elts'],
  ListComp: ['elt', 'generators'],
  SetComp: ['elt', 'generators'],
  DictComp: ['key', 'value', 'generators'],
  GeneratorExp: ['elt', 'generators'],
  Await: ['value'],
  Yield: ['value'],
  YieldFrom: ['value'],
  Compare: ['left', 'ops', 'comparators'],
  Call: ['func', 'args', 'keywords'],
  FormattedValue: ['value', 'format_spec'],
  JoinedStr: ['values'],
  Constant: [],
  Attribute: ['value', 'ctx'],
  Subscript: ['value', 'slice', 'ctx'],
  Starred: ['value', 'ctx'],
  Name: ['ctx'],
  List: ['elts', 'ctx'],
  Tuple: ['elts', 'ctx'],
  Slice: ['lower', 'upper', 'step'],
  Load: [],
  Store: [],
  Del: [],
  And: [],
  Or: [],
  Add: [],
  Sub: [],
  Mult: [],
  MatMult: [],
  Div: [],
  Mod: [],
  Pow: [],
  LShift: [],
  RShift: [],
  BitOr: [],
  BitXor: [],
  BitAnd: [],
  FloorDiv: [],
  Invert: [],
  Not: [],
  UAdd: [],
  USub: [],
  Eq: [],
  NotEq: [],
  Lt: [],
  LtE: [],
  Gt: [],
  GtE: [],
  Is: [],
  IsNot: [],
  In: [],
  NotIn: [],
  ExceptHandler: ['type', 'body'],
  MatchValue: ['value'],
  MatchSingleton: [],
  MatchSequence: ['patterns'],
  MatchMapping: ['keys', 'patterns'],
  MatchClass: ['cls', 'patterns', 'kwd_patterns'],
  MatchStar: [],
  MatchAs: ['pattern'],
  MatchOr: ['patterns'],
  TypeIgnore: [],
  comprehension: ['target', 'iter', 'ifs'],
  arguments: ['posonlyargs', 'args', 'vararg', 'kwonlyargs', 'kw_defaults', 'kwarg', 'defaults'],
  arg: ['annotation'],
  keyword: ['value'],
  alias: [],
  withitem: ['context_expr', 'optional_vars'],
  match_case: ['pattern', 'guard', 'body'],
};
