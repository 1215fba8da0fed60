/**
 * Python's `operator` module: the operators as functions (the runtime's own
 * operations, so results and errors are the operators'), and itemgetter,
 * attrgetter and methodcaller (classes of callable instances, with
 * CPython's reprs). Its exports are exactly the module's attributes.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { OverflowError, TypeError, ValueError } from '../builtins/exceptions.js';
import * as ops from '../builtins/operators.js';
import { is, not, truthy } from '../builtins/truth.js';
import { abs as absolute } from '../builtins/functions.js';
import { delitem as delItem, getitem as getItem, setitem as setItem } from '../builtins/items.js';
import { eqItem } from '../builtins/equality.js';
import { pyIndex } from '../builtins/numbers/index.js';
import { iterate } from '../builtins/iteration.js';
import { getattr } from '../builtins/attributes.js';
import { call as callValue } from '../builtins/calls.js';
import { repr } from '../builtins/repr.js';
import { PyBytes, PyTuple, isInt, isIntNumber, typeName } from '../builtins/values.js';
import { NotImplemented } from '../builtins/notImplemented.js';
import { lookupSpecial } from '../builtins/special.js';
import { len } from '../builtins/functions.js';
import type { PyClass } from '../builtins/classes.js';
import { expectedArgs, pyClass, pyFunction, splitKeywords } from './support/pydef.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './operator.js';

export const __name__ = 'operator';
loadedModules.$set('operator', self);

type Fn = (...args: unknown[]) => unknown;

function noKeywordsFor(fn: Fn, name: string): void {
  (fn as Fn & { $kw?: unknown }).$kw = () => {
    throw new TypeError(`_operator.${name}() takes no keyword arguments`);
  };
}

/** A two-argument function: `add expected 2 arguments, got 1`. */
function binary(name: string, f: (a: unknown, b: unknown) => unknown): Fn {
  const fn = {
    [name](...args: unknown[]): unknown {
      if (args.length !== 2) throw expectedArgs(name, 2, 2, args.length);
      return f(args[0], args[1]);
    },
  }[name]!;
  noKeywordsFor(fn, name);
  return fn;
}

/** A one-argument function: `_operator.neg() takes exactly one argument (2 given)`. */
function unary(name: string, f: (a: unknown) => unknown): Fn {
  const fn = {
    [name](...args: unknown[]): unknown {
      if (args.length !== 1) throw new TypeError(`_operator.${name}() takes exactly one argument (${args.length} given)`);
      return f(args[0]);
    },
  }[name]!;
  noKeywordsFor(fn, name);
  return fn;
}

export const add = binary('add', ops.add);
export const sub = binary('sub', ops.sub);
export const mul = binary('mul', ops.mul);
export const truediv = binary('truediv', ops.truediv);
export const floordiv = binary('floordiv', ops.floordiv);
export const mod = binary('mod', ops.mod);
export const pow = binary('pow', ops.power);
export const matmul = binary('matmul', ops.matmul);
export const lshift = binary('lshift', ops.lshift);
export const rshift = binary('rshift', ops.rshift);
export const and_ = binary('and_', ops.and_);
export const or_ = binary('or_', ops.or_);
export const xor = binary('xor', ops.xor);
export const eq = binary('eq', ops.eq);
export const ne = binary('ne', ops.ne);
export const lt = binary('lt', ops.lt);
export const le = binary('le', ops.le);
export const gt = binary('gt', ops.gt);
export const ge = binary('ge', ops.ge);
export const is_ = binary('is_', is);
export const is_not = binary('is_not', (a, b) => !is(a, b));
export const iadd = binary('iadd', ops.iadd);
export const isub = binary('isub', ops.isub);
export const imul = binary('imul', ops.imul);
export const itruediv = binary('itruediv', ops.itruediv);
export const ifloordiv = binary('ifloordiv', ops.ifloordiv);
export const imod = binary('imod', ops.imod);
export const ipow = binary('ipow', ops.ipow);
export const imatmul = binary('imatmul', ops.imatmul);
export const ilshift = binary('ilshift', ops.ilshift);
export const irshift = binary('irshift', ops.irshift);
export const iand = binary('iand', ops.iand);
export const ior = binary('ior', ops.ior);
export const ixor = binary('ixor', ops.ixor);

export const neg = unary('neg', ops.neg);
export const pos = unary('pos', ops.pos);
export const invert = unary('invert', ops.invert);
export const inv = unary('inv', ops.invert);
export const not_ = unary('not_', not);
export const truth = unary('truth', truthy);
export const abs = unary('abs', absolute);
export const index = unary('index', pyIndex);

export const getitem = binary('getitem', getItem);
export const delitem = binary('delitem', (a, b) => (delItem(a, b), null));
export const contains = binary('contains', (a, b) => ops.in_(b, a));

export const setitem = {
  setitem(...args: unknown[]): unknown {
    if (args.length !== 3) throw expectedArgs('setitem', 3, 3, args.length);
    setItem(args[0], args[1], args[2]);
    return null;
  },
}.setitem;
noKeywordsFor(setitem, 'setitem');

function isSequence(v: unknown): boolean {
  if (typeof v === 'string' || Array.isArray(v) || v instanceof PyBytes) return true;
  return lookupSpecial(v, '__getitem__') !== undefined;
}

function concatenation(name: string, inplace: boolean): Fn {
  return binary(name, (a, b) => {
    if (!isSequence(a)) throw new TypeError(`'${typeName(a)}' object can't be concatenated`);
    return inplace ? ops.iadd(a, b) : ops.add(a, b);
  });
}

export const concat = concatenation('concat', false);
export const iconcat = concatenation('iconcat', true);

/** What countOf and indexOf walk, with their wording for a non-iterable. */
function items(a: unknown): Iterable<unknown> {
  try {
    return iterate(a);
  } catch (e) {
    if (e instanceof TypeError) throw new TypeError(`argument of type '${typeName(a)}' is not iterable`);
    throw e;
  }
}

export const countOf = binary('countOf', (a, b) => {
  let n = 0;
  for (const x of items(a)) if (eqItem(x, b)) n++;
  return n;
});

export const indexOf = binary('indexOf', (a, b) => {
  let i = 0;
  for (const x of items(a)) {
    if (eqItem(x, b)) return i;
    i++;
  }
  throw new ValueError('sequence.index(x): x not in sequence');
});

export const length_hint = {
  length_hint(...args: unknown[]): unknown {
    if (args.length < 1 || args.length > 2) throw expectedArgs('length_hint', 1, 2, args.length);
    const dflt = args.length > 1 ? args[1] : 0;
    if (typeof dflt !== 'number' || !isIntNumber(dflt)) throw new TypeError(`'${typeName(dflt)}' object cannot be interpreted as an integer`);
    try {
      return len(args[0]);
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
    }
    const hint = lookupSpecial(args[0], '__length_hint__');
    if (hint === undefined) return dflt;
    const n = hint();
    if (n === NotImplemented) return dflt;
    if (typeof n === 'boolean') return n ? 1 : 0;
    if (!isInt(n)) throw new TypeError(`__length_hint__ must be an integer, not ${typeName(n)}`);
    if (typeof n === 'bigint' && (n > 2n ** 63n - 1n || n < -(2n ** 63n))) throw new OverflowError('Python int too large to convert to C ssize_t');
    if (n < 0) throw new ValueError('__length_hint__() should return >= 0');
    return n;
  },
}.length_hint;
noKeywordsFor(length_hint, 'length_hint');

export const call = {
  call(...all: unknown[]): unknown {
    const { args, kw } = splitKeywords(all);
    if (args.length < 1) throw expectedArgs('call', 1, Infinity, 0);
    return callValue(args[0], args.slice(1), kw);
  },
}.call;
(call as Fn & { $kw?: unknown }).$kw = (args: unknown[], kwargs: Record<string, unknown>) => {
  if (args.length < 1) throw expectedArgs('call', 1, Infinity, 0);
  return callValue(args[0], args.slice(1), kwargs);
};

// ---------------------------------------------------------------------------
// itemgetter, attrgetter, methodcaller

const ITEMS = Symbol('pyasync.operatorItems');

function oneCallArgument(name: string, args: PyTuple): unknown {
  if (args.length !== 1) throw expectedArgs(name, 1, 1, args.length);
  return args[0];
}
type Holder = Record<symbol, unknown[]>;

function reprArgs(values: readonly unknown[]): string {
  return values.map(repr).join(', ');
}

export const itemgetter: PyClass = pyClass('itemgetter', 'operator', [], {
  __init__: pyFunction('self, /, *items', 'itemgetter.__init__', 'operator', (g: Holder, items: PyTuple) => {
    if (items.length === 0) throw new TypeError('itemgetter expected 1 argument, got 0');
    Object.defineProperty(g, ITEMS, { value: [...items] });
    return null;
  }),
  __call__: pyFunction('self, /, *args', 'itemgetter.__call__', 'operator', (g: Holder, args: PyTuple) => {
    const obj = oneCallArgument('itemgetter', args);
    const items = g[ITEMS]!;
    if (items.length === 1) return getItem(obj, items[0]);
    return PyTuple.fromArray(items.map((i) => getItem(obj, i)));
  }),
  __repr__: pyFunction('self, /', 'itemgetter.__repr__', 'operator', (g: Holder) => `operator.itemgetter(${reprArgs(g[ITEMS]!)})`),
});

function resolveAttr(obj: unknown, dotted: string): unknown {
  let v = obj;
  for (const part of dotted.split('.')) v = getattr(v, part);
  return v;
}

export const attrgetter: PyClass = pyClass('attrgetter', 'operator', [], {
  __init__: pyFunction('self, /, *attrs', 'attrgetter.__init__', 'operator', (g: Holder, attrs: PyTuple) => {
    if (attrs.length === 0) throw new TypeError('attrgetter expected 1 argument, got 0');
    for (const a of attrs) if (typeof a !== 'string') throw new TypeError('attribute name must be a string');
    Object.defineProperty(g, ITEMS, { value: [...attrs] });
    return null;
  }),
  __call__: pyFunction('self, /, *args', 'attrgetter.__call__', 'operator', (g: Holder, args: PyTuple) => {
    const obj = oneCallArgument('attrgetter', args);
    const attrs = g[ITEMS] as string[];
    if (attrs.length === 1) return resolveAttr(obj, attrs[0]!);
    return PyTuple.fromArray(attrs.map((a) => resolveAttr(obj, a)));
  }),
  __repr__: pyFunction('self, /', 'attrgetter.__repr__', 'operator', (g: Holder) => `operator.attrgetter(${reprArgs(g[ITEMS]!)})`),
});

const KWARGS = Symbol('pyasync.operatorKwargs');

export const methodcaller: PyClass = pyClass('methodcaller', 'operator', [], {
  __init__: pyFunction('self, /, *args, **kwargs', 'methodcaller.__init__', 'operator', (g: Holder, args: PyTuple, kwargs: unknown) => {
    if (args.length === 0) throw new TypeError('methodcaller needs at least one argument, the method name');
    if (typeof args[0] !== 'string') throw new TypeError('method name must be a string');
    Object.defineProperty(g, ITEMS, { value: [...args] });
    Object.defineProperty(g, KWARGS, { value: kwargs });
    return null;
  }),
  __call__: pyFunction('self, /, *args', 'methodcaller.__call__', 'operator', (g: Holder, args: PyTuple) => {
    const obj = oneCallArgument('methodcaller', args);
    const [name, ...rest] = g[ITEMS]!;
    const kwargs = (g as unknown as Record<symbol, Iterable<string> & { get(k: string): unknown; size: number }>)[KWARGS]!;
    let kw: Record<string, unknown> | null = null;
    if (kwargs.size > 0) {
      kw = {};
      for (const k of kwargs) kw[k] = kwargs.get(k);
    }
    return callValue(getattr(obj, name as string), rest, kw);
  }),
  __repr__: pyFunction('self, /', 'methodcaller.__repr__', 'operator', (g: Holder) => {
    const parts = g[ITEMS]!.map(repr);
    const kwargs = (g as unknown as Record<symbol, Iterable<string> & { get(k: string): unknown }>)[KWARGS]!;
    for (const k of kwargs) parts.push(`${k}=${repr(kwargs.get(k))}`);
    return `operator.methodcaller(${parts.join(', ')})`;
  }),
});
