// generated — do not edit; run `npm run gen:ast` (scripts/gen-ast.py).
// Source: CPython 3.11.7 `ast` module docstrings, _fields and _attributes.
/* eslint-disable */
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
export function Module(body: stmt[], type_ignores: type_ignore[]): Module {
  return { nodeType: 'Module', body, type_ignores };
}

export interface Interactive {
  nodeType: 'Interactive';
  body: stmt[];
}
export function Interactive(body: stmt[]): Interactive {
  return { nodeType: 'Interactive', body };
}

export interface Expression {
  nodeType: 'Expression';
  body: expr;
}
export function Expression(body: expr): Expression {
  return { nodeType: 'Expression', body };
}

export interface FunctionType {
  nodeType: 'FunctionType';
  argtypes: expr[];
  returns: expr;
}
export function FunctionType(argtypes: expr[], returns: expr): FunctionType {
  return { nodeType: 'FunctionType', argtypes, returns };
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
export function FunctionDef(name: string, args: arguments_, body: stmt[], decorator_list: expr[], returns: expr | null, type_comment: string | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): FunctionDef {
  return { nodeType: 'FunctionDef', name, args, body, decorator_list, returns, type_comment, lineno, col_offset, end_lineno, end_col_offset };
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
export function AsyncFunctionDef(name: string, args: arguments_, body: stmt[], decorator_list: expr[], returns: expr | null, type_comment: string | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): AsyncFunctionDef {
  return { nodeType: 'AsyncFunctionDef', name, args, body, decorator_list, returns, type_comment, lineno, col_offset, end_lineno, end_col_offset };
}

export interface ClassDef extends Located {
  nodeType: 'ClassDef';
  name: string;
  bases: expr[];
  keywords: keyword[];
  body: stmt[];
  decorator_list: expr[];
}
export function ClassDef(name: string, bases: expr[], keywords: keyword[], body: stmt[], decorator_list: expr[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): ClassDef {
  return { nodeType: 'ClassDef', name, bases, keywords, body, decorator_list, lineno, col_offset, end_lineno, end_col_offset };
}

export interface Return extends Located {
  nodeType: 'Return';
  value: expr | null;
}
export function Return(value: expr | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Return {
  return { nodeType: 'Return', value, lineno, col_offset, end_lineno, end_col_offset };
}

export interface Delete extends Located {
  nodeType: 'Delete';
  targets: expr[];
}
export function Delete(targets: expr[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Delete {
  return { nodeType: 'Delete', targets, lineno, col_offset, end_lineno, end_col_offset };
}

export interface Assign extends Located {
  nodeType: 'Assign';
  targets: expr[];
  value: expr;
  type_comment: string | null;
}
export function Assign(targets: expr[], value: expr, type_comment: string | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Assign {
  return { nodeType: 'Assign', targets, value, type_comment, lineno, col_offset, end_lineno, end_col_offset };
}

export interface AugAssign extends Located {
  nodeType: 'AugAssign';
  target: expr;
  op: operator;
  value: expr;
}
export function AugAssign(target: expr, op: operator, value: expr, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): AugAssign {
  return { nodeType: 'AugAssign', target, op, value, lineno, col_offset, end_lineno, end_col_offset };
}

export interface AnnAssign extends Located {
  nodeType: 'AnnAssign';
  target: expr;
  annotation: expr;
  value: expr | null;
  simple: number;
}
export function AnnAssign(target: expr, annotation: expr, value: expr | null, simple: number, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): AnnAssign {
  return { nodeType: 'AnnAssign', target, annotation, value, simple, lineno, col_offset, end_lineno, end_col_offset };
}

export interface For extends Located {
  nodeType: 'For';
  target: expr;
  iter: expr;
  body: stmt[];
  orelse: stmt[];
  type_comment: string | null;
}
export function For(target: expr, iter: expr, body: stmt[], orelse: stmt[], type_comment: string | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): For {
  return { nodeType: 'For', target, iter, body, orelse, type_comment, lineno, col_offset, end_lineno, end_col_offset };
}

export interface AsyncFor extends Located {
  nodeType: 'AsyncFor';
  target: expr;
  iter: expr;
  body: stmt[];
  orelse: stmt[];
  type_comment: string | null;
}
export function AsyncFor(target: expr, iter: expr, body: stmt[], orelse: stmt[], type_comment: string | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): AsyncFor {
  return { nodeType: 'AsyncFor', target, iter, body, orelse, type_comment, lineno, col_offset, end_lineno, end_col_offset };
}

export interface While extends Located {
  nodeType: 'While';
  test: expr;
  body: stmt[];
  orelse: stmt[];
}
export function While(test: expr, body: stmt[], orelse: stmt[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): While {
  return { nodeType: 'While', test, body, orelse, lineno, col_offset, end_lineno, end_col_offset };
}

export interface If extends Located {
  nodeType: 'If';
  test: expr;
  body: stmt[];
  orelse: stmt[];
}
export function If(test: expr, body: stmt[], orelse: stmt[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): If {
  return { nodeType: 'If', test, body, orelse, lineno, col_offset, end_lineno, end_col_offset };
}

export interface With extends Located {
  nodeType: 'With';
  items: withitem[];
  body: stmt[];
  type_comment: string | null;
}
export function With(items: withitem[], body: stmt[], type_comment: string | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): With {
  return { nodeType: 'With', items, body, type_comment, lineno, col_offset, end_lineno, end_col_offset };
}

export interface AsyncWith extends Located {
  nodeType: 'AsyncWith';
  items: withitem[];
  body: stmt[];
  type_comment: string | null;
}
export function AsyncWith(items: withitem[], body: stmt[], type_comment: string | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): AsyncWith {
  return { nodeType: 'AsyncWith', items, body, type_comment, lineno, col_offset, end_lineno, end_col_offset };
}

export interface Match extends Located {
  nodeType: 'Match';
  subject: expr;
  cases: match_case[];
}
export function Match(subject: expr, cases: match_case[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Match {
  return { nodeType: 'Match', subject, cases, lineno, col_offset, end_lineno, end_col_offset };
}

export interface Raise extends Located {
  nodeType: 'Raise';
  exc: expr | null;
  cause: expr | null;
}
export function Raise(exc: expr | null, cause: expr | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Raise {
  return { nodeType: 'Raise', exc, cause, lineno, col_offset, end_lineno, end_col_offset };
}

export interface Try extends Located {
  nodeType: 'Try';
  body: stmt[];
  handlers: excepthandler[];
  orelse: stmt[];
  finalbody: stmt[];
}
export function Try(body: stmt[], handlers: excepthandler[], orelse: stmt[], finalbody: stmt[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Try {
  return { nodeType: 'Try', body, handlers, orelse, finalbody, lineno, col_offset, end_lineno, end_col_offset };
}

export interface TryStar extends Located {
  nodeType: 'TryStar';
  body: stmt[];
  handlers: excepthandler[];
  orelse: stmt[];
  finalbody: stmt[];
}
export function TryStar(body: stmt[], handlers: excepthandler[], orelse: stmt[], finalbody: stmt[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): TryStar {
  return { nodeType: 'TryStar', body, handlers, orelse, finalbody, lineno, col_offset, end_lineno, end_col_offset };
}

export interface Assert extends Located {
  nodeType: 'Assert';
  test: expr;
  msg: expr | null;
}
export function Assert(test: expr, msg: expr | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Assert {
  return { nodeType: 'Assert', test, msg, lineno, col_offset, end_lineno, end_col_offset };
}

export interface Import extends Located {
  nodeType: 'Import';
  names: alias[];
}
export function Import(names: alias[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Import {
  return { nodeType: 'Import', names, lineno, col_offset, end_lineno, end_col_offset };
}

export interface ImportFrom extends Located {
  nodeType: 'ImportFrom';
  module: string | null;
  names: alias[];
  level: number | null;
}
export function ImportFrom(module: string | null, names: alias[], level: number | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): ImportFrom {
  return { nodeType: 'ImportFrom', module, names, level, lineno, col_offset, end_lineno, end_col_offset };
}

export interface Global extends Located {
  nodeType: 'Global';
  names: string[];
}
export function Global(names: string[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Global {
  return { nodeType: 'Global', names, lineno, col_offset, end_lineno, end_col_offset };
}

export interface Nonlocal extends Located {
  nodeType: 'Nonlocal';
  names: string[];
}
export function Nonlocal(names: string[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Nonlocal {
  return { nodeType: 'Nonlocal', names, lineno, col_offset, end_lineno, end_col_offset };
}

export interface Expr extends Located {
  nodeType: 'Expr';
  value: expr;
}
export function Expr(value: expr, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Expr {
  return { nodeType: 'Expr', value, lineno, col_offset, end_lineno, end_col_offset };
}

export interface Pass extends Located {
  nodeType: 'Pass';
}
export function Pass(lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Pass {
  return { nodeType: 'Pass', lineno, col_offset, end_lineno, end_col_offset };
}

export interface Break extends Located {
  nodeType: 'Break';
}
export function Break(lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Break {
  return { nodeType: 'Break', lineno, col_offset, end_lineno, end_col_offset };
}

export interface Continue extends Located {
  nodeType: 'Continue';
}
export function Continue(lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Continue {
  return { nodeType: 'Continue', lineno, col_offset, end_lineno, end_col_offset };
}

export interface BoolOp extends Located {
  nodeType: 'BoolOp';
  op: boolop;
  values: expr[];
}
export function BoolOp(op: boolop, values: expr[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): BoolOp {
  return { nodeType: 'BoolOp', op, values, lineno, col_offset, end_lineno, end_col_offset };
}

export interface NamedExpr extends Located {
  nodeType: 'NamedExpr';
  target: expr;
  value: expr;
}
export function NamedExpr(target: expr, value: expr, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): NamedExpr {
  return { nodeType: 'NamedExpr', target, value, lineno, col_offset, end_lineno, end_col_offset };
}

export interface BinOp extends Located {
  nodeType: 'BinOp';
  left: expr;
  op: operator;
  right: expr;
}
export function BinOp(left: expr, op: operator, right: expr, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): BinOp {
  return { nodeType: 'BinOp', left, op, right, lineno, col_offset, end_lineno, end_col_offset };
}

export interface UnaryOp extends Located {
  nodeType: 'UnaryOp';
  op: unaryop;
  operand: expr;
}
export function UnaryOp(op: unaryop, operand: expr, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): UnaryOp {
  return { nodeType: 'UnaryOp', op, operand, lineno, col_offset, end_lineno, end_col_offset };
}

export interface Lambda extends Located {
  nodeType: 'Lambda';
  args: arguments_;
  body: expr;
}
export function Lambda(args: arguments_, body: expr, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Lambda {
  return { nodeType: 'Lambda', args, body, lineno, col_offset, end_lineno, end_col_offset };
}

export interface IfExp extends Located {
  nodeType: 'IfExp';
  test: expr;
  body: expr;
  orelse: expr;
}
export function IfExp(test: expr, body: expr, orelse: expr, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): IfExp {
  return { nodeType: 'IfExp', test, body, orelse, lineno, col_offset, end_lineno, end_col_offset };
}

export interface Dict extends Located {
  nodeType: 'Dict';
  keys: (expr | null)[];
  values: expr[];
}
export function Dict(keys: (expr | null)[], values: expr[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Dict {
  return { nodeType: 'Dict', keys, values, lineno, col_offset, end_lineno, end_col_offset };
}

export interface Set extends Located {
  nodeType: 'Set';
  elts: expr[];
}
export function Set(elts: expr[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Set {
  return { nodeType: 'Set', elts, lineno, col_offset, end_lineno, end_col_offset };
}

export interface ListComp extends Located {
  nodeType: 'ListComp';
  elt: expr;
  generators: comprehension[];
}
export function ListComp(elt: expr, generators: comprehension[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): ListComp {
  return { nodeType: 'ListComp', elt, generators, lineno, col_offset, end_lineno, end_col_offset };
}

export interface SetComp extends Located {
  nodeType: 'SetComp';
  elt: expr;
  generators: comprehension[];
}
export function SetComp(elt: expr, generators: comprehension[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): SetComp {
  return { nodeType: 'SetComp', elt, generators, lineno, col_offset, end_lineno, end_col_offset };
}

export interface DictComp extends Located {
  nodeType: 'DictComp';
  key: expr;
  value: expr;
  generators: comprehension[];
}
export function DictComp(key: expr, value: expr, generators: comprehension[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): DictComp {
  return { nodeType: 'DictComp', key, value, generators, lineno, col_offset, end_lineno, end_col_offset };
}

export interface GeneratorExp extends Located {
  nodeType: 'GeneratorExp';
  elt: expr;
  generators: comprehension[];
}
export function GeneratorExp(elt: expr, generators: comprehension[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): GeneratorExp {
  return { nodeType: 'GeneratorExp', elt, generators, lineno, col_offset, end_lineno, end_col_offset };
}

export interface Await extends Located {
  nodeType: 'Await';
  value: expr;
}
export function Await(value: expr, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Await {
  return { nodeType: 'Await', value, lineno, col_offset, end_lineno, end_col_offset };
}

export interface Yield extends Located {
  nodeType: 'Yield';
  value: expr | null;
}
export function Yield(value: expr | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Yield {
  return { nodeType: 'Yield', value, lineno, col_offset, end_lineno, end_col_offset };
}

export interface YieldFrom extends Located {
  nodeType: 'YieldFrom';
  value: expr;
}
export function YieldFrom(value: expr, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): YieldFrom {
  return { nodeType: 'YieldFrom', value, lineno, col_offset, end_lineno, end_col_offset };
}

export interface Compare extends Located {
  nodeType: 'Compare';
  left: expr;
  ops: cmpop[];
  comparators: expr[];
}
export function Compare(left: expr, ops: cmpop[], comparators: expr[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Compare {
  return { nodeType: 'Compare', left, ops, comparators, lineno, col_offset, end_lineno, end_col_offset };
}

export interface Call extends Located {
  nodeType: 'Call';
  func: expr;
  args: expr[];
  keywords: keyword[];
}
export function Call(func: expr, args: expr[], keywords: keyword[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Call {
  return { nodeType: 'Call', func, args, keywords, lineno, col_offset, end_lineno, end_col_offset };
}

export interface FormattedValue extends Located {
  nodeType: 'FormattedValue';
  value: expr;
  conversion: number;
  format_spec: expr | null;
}
export function FormattedValue(value: expr, conversion: number, format_spec: expr | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): FormattedValue {
  return { nodeType: 'FormattedValue', value, conversion, format_spec, lineno, col_offset, end_lineno, end_col_offset };
}

export interface JoinedStr extends Located {
  nodeType: 'JoinedStr';
  values: expr[];
}
export function JoinedStr(values: expr[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): JoinedStr {
  return { nodeType: 'JoinedStr', values, lineno, col_offset, end_lineno, end_col_offset };
}

export interface Constant extends Located {
  nodeType: 'Constant';
  value: PyConstant;
  kind: string | null;
}
export function Constant(value: PyConstant, kind: string | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Constant {
  return { nodeType: 'Constant', value, kind, lineno, col_offset, end_lineno, end_col_offset };
}

export interface Attribute extends Located {
  nodeType: 'Attribute';
  value: expr;
  attr: string;
  ctx: expr_context;
}
export function Attribute(value: expr, attr: string, ctx: expr_context, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Attribute {
  return { nodeType: 'Attribute', value, attr, ctx, lineno, col_offset, end_lineno, end_col_offset };
}

export interface Subscript extends Located {
  nodeType: 'Subscript';
  value: expr;
  slice: expr;
  ctx: expr_context;
}
export function Subscript(value: expr, slice: expr, ctx: expr_context, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Subscript {
  return { nodeType: 'Subscript', value, slice, ctx, lineno, col_offset, end_lineno, end_col_offset };
}

export interface Starred extends Located {
  nodeType: 'Starred';
  value: expr;
  ctx: expr_context;
}
export function Starred(value: expr, ctx: expr_context, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Starred {
  return { nodeType: 'Starred', value, ctx, lineno, col_offset, end_lineno, end_col_offset };
}

export interface Name extends Located {
  nodeType: 'Name';
  id: string;
  ctx: expr_context;
}
export function Name(id: string, ctx: expr_context, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Name {
  return { nodeType: 'Name', id, ctx, lineno, col_offset, end_lineno, end_col_offset };
}

export interface List extends Located {
  nodeType: 'List';
  elts: expr[];
  ctx: expr_context;
}
export function List(elts: expr[], ctx: expr_context, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): List {
  return { nodeType: 'List', elts, ctx, lineno, col_offset, end_lineno, end_col_offset };
}

export interface Tuple extends Located {
  nodeType: 'Tuple';
  elts: expr[];
  ctx: expr_context;
}
export function Tuple(elts: expr[], ctx: expr_context, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Tuple {
  return { nodeType: 'Tuple', elts, ctx, lineno, col_offset, end_lineno, end_col_offset };
}

export interface Slice extends Located {
  nodeType: 'Slice';
  lower: expr | null;
  upper: expr | null;
  step: expr | null;
}
export function Slice(lower: expr | null, upper: expr | null, step: expr | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): Slice {
  return { nodeType: 'Slice', lower, upper, step, lineno, col_offset, end_lineno, end_col_offset };
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
export function ExceptHandler(type: expr | null, name: string | null, body: stmt[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): ExceptHandler {
  return { nodeType: 'ExceptHandler', type, name, body, lineno, col_offset, end_lineno, end_col_offset };
}

export interface MatchValue extends Located {
  nodeType: 'MatchValue';
  value: expr;
}
export function MatchValue(value: expr, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): MatchValue {
  return { nodeType: 'MatchValue', value, lineno, col_offset, end_lineno, end_col_offset };
}

export interface MatchSingleton extends Located {
  nodeType: 'MatchSingleton';
  value: PyConstant;
}
export function MatchSingleton(value: PyConstant, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): MatchSingleton {
  return { nodeType: 'MatchSingleton', value, lineno, col_offset, end_lineno, end_col_offset };
}

export interface MatchSequence extends Located {
  nodeType: 'MatchSequence';
  patterns: pattern[];
}
export function MatchSequence(patterns: pattern[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): MatchSequence {
  return { nodeType: 'MatchSequence', patterns, lineno, col_offset, end_lineno, end_col_offset };
}

export interface MatchMapping extends Located {
  nodeType: 'MatchMapping';
  keys: expr[];
  patterns: pattern[];
  rest: string | null;
}
export function MatchMapping(keys: expr[], patterns: pattern[], rest: string | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): MatchMapping {
  return { nodeType: 'MatchMapping', keys, patterns, rest, lineno, col_offset, end_lineno, end_col_offset };
}

export interface MatchClass extends Located {
  nodeType: 'MatchClass';
  cls: expr;
  patterns: pattern[];
  kwd_attrs: string[];
  kwd_patterns: pattern[];
}
export function MatchClass(cls: expr, patterns: pattern[], kwd_attrs: string[], kwd_patterns: pattern[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): MatchClass {
  return { nodeType: 'MatchClass', cls, patterns, kwd_attrs, kwd_patterns, lineno, col_offset, end_lineno, end_col_offset };
}

export interface MatchStar extends Located {
  nodeType: 'MatchStar';
  name: string | null;
}
export function MatchStar(name: string | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): MatchStar {
  return { nodeType: 'MatchStar', name, lineno, col_offset, end_lineno, end_col_offset };
}

export interface MatchAs extends Located {
  nodeType: 'MatchAs';
  pattern: pattern | null;
  name: string | null;
}
export function MatchAs(pattern: pattern | null, name: string | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): MatchAs {
  return { nodeType: 'MatchAs', pattern, name, lineno, col_offset, end_lineno, end_col_offset };
}

export interface MatchOr extends Located {
  nodeType: 'MatchOr';
  patterns: pattern[];
}
export function MatchOr(patterns: pattern[], lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): MatchOr {
  return { nodeType: 'MatchOr', patterns, lineno, col_offset, end_lineno, end_col_offset };
}

export interface TypeIgnore {
  nodeType: 'TypeIgnore';
  lineno: number;
  tag: string;
}
export function TypeIgnore(lineno: number, tag: string): TypeIgnore {
  return { nodeType: 'TypeIgnore', lineno, tag };
}

export interface comprehension {
  nodeType: 'comprehension';
  target: expr;
  iter: expr;
  ifs: expr[];
  is_async: number;
}
export function comprehension(target: expr, iter: expr, ifs: expr[], is_async: number): comprehension {
  return { nodeType: 'comprehension', target, iter, ifs, is_async };
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
export function arguments_(posonlyargs: arg[], args: arg[], vararg: arg | null, kwonlyargs: arg[], kw_defaults: (expr | null)[], kwarg: arg | null, defaults: expr[]): arguments_ {
  return { nodeType: 'arguments', posonlyargs, args, vararg, kwonlyargs, kw_defaults, kwarg, defaults };
}

export interface arg extends Located {
  nodeType: 'arg';
  arg: string;
  annotation: expr | null;
  type_comment: string | null;
}
export function arg(arg: string, annotation: expr | null, type_comment: string | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): arg {
  return { nodeType: 'arg', arg, annotation, type_comment, lineno, col_offset, end_lineno, end_col_offset };
}

export interface keyword extends Located {
  nodeType: 'keyword';
  arg: string | null;
  value: expr;
}
export function keyword(arg: string | null, value: expr, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): keyword {
  return { nodeType: 'keyword', arg, value, lineno, col_offset, end_lineno, end_col_offset };
}

export interface alias extends Located {
  nodeType: 'alias';
  name: string;
  asname: string | null;
}
export function alias(name: string, asname: string | null, lineno: number, col_offset: number, end_lineno: number | null, end_col_offset: number | null): alias {
  return { nodeType: 'alias', name, asname, lineno, col_offset, end_lineno, end_col_offset };
}

export interface withitem {
  nodeType: 'withitem';
  context_expr: expr;
  optional_vars: expr | null;
}
export function withitem(context_expr: expr, optional_vars: expr | null): withitem {
  return { nodeType: 'withitem', context_expr, optional_vars };
}

export interface match_case {
  nodeType: 'match_case';
  pattern: pattern;
  guard: expr | null;
  body: stmt[];
}
export function match_case(pattern: pattern, guard: expr | null, body: stmt[]): match_case {
  return { nodeType: 'match_case', pattern, guard, body };
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
