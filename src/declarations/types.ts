/**
 * A Python annotation as a TypeScript type, following the runtime's value
 * model (runtime/README.md): None is null, bool boolean, int a number (an
 * int outside the safe range is a bigint at run time, which this leaves
 * out), float a number (0.0 is -0) or, when its value is integral and
 * not 0.0, a `PyFloat` box (so results and attributes typed float are
 * `number | PyFloat`; parameters
 * take any number), str string, list an Array, tuple a read-only JS tuple
 * (PyTuple extends Array), dict the runtime's PyDict (Map-like; declared
 * in the file as `PyDict`), set `PySet`. What cannot be expressed (an
 * unknown name, a call, a string that is not a name) is `unknown`, never
 * `any`.
 */
import type * as py from '../ast/nodes.js';
import { Ellipsis } from '../ast/constants.js';

/** Names the module defines as classes (usable as types), and the helper types a file needed. */
export interface TypeScope {
  readonly classes: ReadonlySet<string>;
  /** Filled as helper types (PyDict, PySet, Coroutine) are used. */
  readonly helpers: Set<Helper>;
  /** Types of values JS passes in (parameters): a float is any number there, while a float coming out may be a PyFloat box. */
  readonly input?: boolean;
}

export type Helper = 'PyDict' | 'PySet' | 'Coroutine' | 'PyFloat';

const SIMPLE: Readonly<Record<string, string>> = {
  int: 'number',
  complex: 'unknown',
  str: 'string',
  bool: 'boolean',
  None: 'null',
  NoneType: 'null',
  object: 'unknown',
  Any: 'unknown',
  bytes: 'unknown',
};

const LIST_LIKE = new Set(['list', 'List', 'MutableSequence']);
const READONLY_LIST = new Set(['Sequence', 'tuple_ellipsis']);
const DICT_LIKE = new Set(['dict', 'Dict', 'Mapping', 'MutableMapping', 'defaultdict', 'OrderedDict']);
const SET_LIKE = new Set(['set', 'Set', 'frozenset', 'FrozenSet', 'AbstractSet', 'MutableSet']);
const ITERABLE = new Set(['Iterable', 'Iterator', 'Collection', 'Generator']);

/** `typing.X` and `t.X` are read as `X`. */
function nameOf(e: py.expr): string | null {
  if (e.nodeType === 'Name') return e.id;
  if (e.nodeType === 'Attribute' && e.value.nodeType === 'Name') return e.attr;
  return null;
}

export function tsType(annotation: py.expr | null, scope: TypeScope): string {
  if (annotation === null) return 'unknown';
  switch (annotation.nodeType) {
    case 'Constant': {
      const value = annotation.value;
      if (value === null) return 'null';
      // A string annotation is a forward reference: read the name inside.
      if (typeof value === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(value)) return named(value, scope);
      return 'unknown';
    }
    case 'Name':
    case 'Attribute': {
      const name = nameOf(annotation);
      return name === null ? 'unknown' : named(name, scope);
    }
    case 'BinOp':
      // PEP 604: X | Y.
      if (annotation.op.nodeType === 'BitOr') return union([tsType(annotation.left, scope), tsType(annotation.right, scope)]);
      return 'unknown';
    case 'Subscript':
      return generic(annotation, scope);
    default:
      return 'unknown';
  }
}

function named(name: string, scope: TypeScope): string {
  if (name === 'float') return scope.input ? 'number' : helper('PyFloat', 'number | PyFloat', scope);
  const simple = SIMPLE[name];
  if (simple !== undefined) return simple;
  if (scope.classes.has(name)) return name;
  if (LIST_LIKE.has(name)) return 'unknown[]';
  if (name === 'tuple' || name === 'Tuple') return 'readonly unknown[]';
  if (DICT_LIKE.has(name)) return helper('PyDict', 'PyDict<unknown, unknown>', scope);
  if (SET_LIKE.has(name)) return helper('PySet', 'PySet<unknown>', scope);
  return 'unknown';
}

function helper(name: Helper, text: string, scope: TypeScope): string {
  scope.helpers.add(name);
  return text;
}

function generic(node: py.Subscript, scope: TypeScope): string {
  const name = nameOf(node.value);
  const args = node.slice.nodeType === 'Tuple' ? node.slice.elts : [node.slice];
  const arg = (i: number): string => tsType(args[i] ?? null, scope);
  if (name === null) return 'unknown';
  if (LIST_LIKE.has(name)) return `${wrap(arg(0))}[]`;
  if (READONLY_LIST.has(name)) return `readonly ${wrap(arg(0))}[]`;
  if (ITERABLE.has(name)) return `Iterable<${arg(0)}>`;
  if (DICT_LIKE.has(name)) return helper('PyDict', `PyDict<${arg(0)}, ${arg(1)}>`, scope);
  if (SET_LIKE.has(name)) return helper('PySet', `PySet<${arg(0)}>`, scope);
  if (name === 'Optional') return union([arg(0), 'null']);
  if (name === 'Union') return union(args.map((a) => tsType(a, scope)));
  if (name === 'tuple' || name === 'Tuple') {
    // tuple[int, ...] is a tuple of any length.
    const last = args[args.length - 1];
    if (args.length === 2 && last?.nodeType === 'Constant' && last.value === Ellipsis) return `readonly ${wrap(arg(0))}[]`;
    return `readonly [${args.map((a) => tsType(a, scope)).join(', ')}]`;
  }
  if (name === 'Literal') return union(args.map(literal));
  if (name === 'Callable' && args.length === 2) {
    const params = args[0]!;
    const result = tsType(args[1]!, scope);
    if (params.nodeType === 'List') return `((${params.elts.map((p, i) => `arg${i}: ${tsType(p, scope)}`).join(', ')}) => ${result})`;
    return `((...args: unknown[]) => ${result})`;
  }
  if (name === 'Awaitable' || name === 'Coroutine') {
    scope.helpers.add('Coroutine');
    return `Coroutine<${tsType(args[args.length - 1] ?? null, scope)}>`;
  }
  if (name === 'type' || name === 'Type') return 'unknown';
  return 'unknown';
}

function literal(e: py.expr): string {
  if (e.nodeType !== 'Constant') return 'unknown';
  const v = e.value as unknown;
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  return 'unknown';
}

/** `A | B`, with `unknown` absorbing the rest and duplicates removed. */
export function union(types: string[]): string {
  const unique = [...new Set(types)];
  if (unique.includes('unknown')) return 'unknown';
  return unique.length === 1 ? unique[0]! : unique.map(wrap).join(' | ');
}

/** Parenthesised where a suffix (`[]`) or another union would bind tighter. */
function wrap(type: string): string {
  return type.includes(' | ') || type.startsWith('readonly ') ? `(${type})` : type;
}
