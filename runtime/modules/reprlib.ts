/**
 * Python's `reprlib` (CPython 3.11's Lib/reprlib.py): Repr, whose
 * `repr1` dispatches on the type's name to a `repr_<typename>` method and
 * cuts containers, strings, ints and other reprs to its `max*` limits,
 * the module's `aRepr` and `repr`, and the `recursive_repr` decorator.
 * Written as CPython writes it, on Python operations, so subclasses that
 * override `repr_*` or the limits behave as in CPython.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { Exception } from '../builtins/exceptions.js';
import { callMethod, getattr, hasattr, setattr } from '../builtins/attributes.js';
import { id, len, repr as builtinRepr } from '../builtins/functions.js';
import { getitem, slice } from '../builtins/items.js';
import { iterate } from '../builtins/iteration.js';
import { sorted } from '../builtins/sort.js';
import { str } from '../builtins/repr.js';
import { truthy } from '../builtins/truth.js';
import { add, floordiv, gt, le, sub } from '../builtins/operators.js';
import { call } from '../builtins/calls.js';
import { type } from '../builtins/types.js';
import { PyDict } from '../builtins/dict.js';
import { islice } from './itertools.js';
import { pyClass, pyFunction } from './support/pydef.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './reprlib.js';

export const __name__ = 'reprlib';
loadedModules.$set('reprlib', self);

const Q = 'reprlib';

type Obj = Record<string, unknown>;

export const recursive_repr = pyFunction('fillvalue=', 'recursive_repr', Q, (fillvalue: unknown = '...') => {
  return pyFunction('user_function', 'recursive_repr.<locals>.decorating_function', Q, (userFunction: unknown) => {
    // CPython keys on (id(self), thread): one thread here, so the object itself.
    const running = new Set<unknown>();
    const qualname = getattr(userFunction, '__qualname__') as string;
    const wrapper = pyFunction('self', qualname, Q, (obj: unknown) => {
      if (running.has(obj)) return fillvalue;
      running.add(obj);
      try {
        return call(userFunction, [obj], null);
      } finally {
        running.delete(obj);
      }
    });
    setattr(wrapper, '__module__', getattr(userFunction, '__module__'));
    setattr(wrapper, '__doc__', getattr(userFunction, '__doc__'));
    setattr(wrapper, '__name__', getattr(userFunction, '__name__'));
    setattr(wrapper, '__qualname__', qualname);
    setattr(wrapper, '__annotations__', getattr(userFunction, '__annotations__', new PyDict()));
    return wrapper;
  });
});

/** `max(0, (limit-3)//2)` and `max(0, limit-3-i)`: how much of the head and tail a cut keeps. */
function cutPoints(limit: unknown): [unknown, unknown] {
  const maxOf = (v: unknown): unknown => (truthy(gt(0, v)) ? 0 : v);
  const i = maxOf(floordiv(sub(limit, 3), 2));
  const j = maxOf(sub(sub(limit, 3), i));
  return [i, j];
}

/** `s[:i] + fillvalue + s[len(s)-j:]`. */
function cut(r: Obj, s: unknown, limit: unknown): unknown {
  const [i, j] = cutPoints(limit);
  return add(add(getitem(s, slice(null, i)), r['fillvalue']), getitem(s, slice(sub(len(s), j), null)));
}

function reprIterable(r: Obj, x: unknown, level: unknown, left: unknown, right: unknown, maxiter: unknown, trail: unknown = ''): unknown {
  const n = len(x);
  let s: unknown;
  if (truthy(le(level, 0)) && truthy(n)) {
    s = r['fillvalue'];
  } else {
    const newlevel = sub(level, 1);
    const pieces: unknown[] = [];
    for (const elem of iterate(islice(x, maxiter))) pieces.push(callMethod(r, 'repr1', elem, newlevel));
    if (truthy(gt(n, maxiter))) pieces.push(r['fillvalue']);
    s = callMethod(', ', 'join', pieces);
    if (n === 1 && truthy(trail)) right = add(trail, right);
  }
  return `${str(left)}${str(s)}${str(right)}`;
}

/** sorted(x), or list(x) when the items do not sort. */
function possiblySorted(x: unknown): unknown[] {
  try {
    return sorted(x);
  } catch (e) {
    if (e instanceof Exception) return [...iterate(x)];
    throw e;
  }
}

const method = <F extends (...args: never[]) => unknown>(spec: string, name: string, impl: F): F => pyFunction(spec, `Repr.${name}`, Q, impl);

export const Repr = pyClass('Repr', Q, [], {
  __init__: method('self', '__init__', (r: Obj) => {
    r['fillvalue'] = '...';
    r['maxlevel'] = 6;
    r['maxtuple'] = 6;
    r['maxlist'] = 6;
    r['maxarray'] = 5;
    r['maxdict'] = 4;
    r['maxset'] = 6;
    r['maxfrozenset'] = 6;
    r['maxdeque'] = 6;
    r['maxstring'] = 30;
    r['maxlong'] = 40;
    r['maxother'] = 30;
    return null;
  }),
  repr: method('self, x', 'repr', (r: Obj, x: unknown) => callMethod(r, 'repr1', x, getattr(r, 'maxlevel'))),
  repr1: method('self, x, level', 'repr1', (r: Obj, x: unknown, level: unknown) => {
    let typename = getattr(type(x), '__name__') as string;
    if (typename.includes(' ')) typename = typename.split(/\s+/).filter((p) => p !== '').join('_');
    if (hasattr(r, 'repr_' + typename)) return callMethod(r, 'repr_' + typename, x, level);
    return callMethod(r, 'repr_instance', x, level);
  }),
  _repr_iterable: method('self, x, level, left, right, maxiter, trail=', '_repr_iterable', reprIterable),
  repr_tuple: method('self, x, level', 'repr_tuple', (r: Obj, x: unknown, level: unknown) =>
    reprIterable(r, x, level, '(', ')', getattr(r, 'maxtuple'), ',')),
  repr_list: method('self, x, level', 'repr_list', (r: Obj, x: unknown, level: unknown) =>
    reprIterable(r, x, level, '[', ']', getattr(r, 'maxlist'))),
  repr_array: method('self, x, level', 'repr_array', (r: Obj, x: unknown, level: unknown) => {
    const typecode = str(getattr(x, 'typecode'));
    if (!truthy(x)) return `array('${typecode}')`;
    return reprIterable(r, x, level, `array('${typecode}', [`, '])', getattr(r, 'maxarray'));
  }),
  repr_set: method('self, x, level', 'repr_set', (r: Obj, x: unknown, level: unknown) => {
    if (!truthy(x)) return 'set()';
    return reprIterable(r, possiblySorted(x), level, '{', '}', getattr(r, 'maxset'));
  }),
  repr_frozenset: method('self, x, level', 'repr_frozenset', (r: Obj, x: unknown, level: unknown) => {
    if (!truthy(x)) return 'frozenset()';
    return reprIterable(r, possiblySorted(x), level, 'frozenset({', '})', getattr(r, 'maxfrozenset'));
  }),
  repr_deque: method('self, x, level', 'repr_deque', (r: Obj, x: unknown, level: unknown) =>
    reprIterable(r, x, level, 'deque([', '])', getattr(r, 'maxdeque'))),
  repr_dict: method('self, x, level', 'repr_dict', (r: Obj, x: unknown, level: unknown) => {
    const n = len(x);
    if (n === 0) return '{}';
    if (truthy(le(level, 0))) return '{' + str(r['fillvalue']) + '}';
    const newlevel = sub(level, 1);
    const maxdict = getattr(r, 'maxdict');
    const pieces: unknown[] = [];
    for (const key of iterate(islice(possiblySorted(x), maxdict))) {
      const keyrepr = callMethod(r, 'repr1', key, newlevel);
      const valrepr = callMethod(r, 'repr1', getitem(x, key), newlevel);
      pieces.push(`${str(keyrepr)}: ${str(valrepr)}`);
    }
    if (truthy(gt(n, maxdict))) pieces.push(r['fillvalue']);
    return `{${str(callMethod(', ', 'join', pieces))}}`;
  }),
  repr_str: method('self, x, level', 'repr_str', (r: Obj, x: unknown) => {
    const maxstring = getattr(r, 'maxstring');
    let s: unknown = builtinRepr(getitem(x, slice(null, maxstring)));
    if (truthy(gt(len(s), maxstring))) {
      const [i, j] = cutPoints(maxstring);
      s = builtinRepr(add(getitem(x, slice(null, i)), getitem(x, slice(sub(len(x), j), null))));
      s = add(add(getitem(s, slice(null, i)), r['fillvalue']), getitem(s, slice(sub(len(s), j), null)));
    }
    return s;
  }),
  repr_int: method('self, x, level', 'repr_int', (r: Obj, x: unknown) => {
    const s = builtinRepr(x);
    const maxlong = getattr(r, 'maxlong');
    return truthy(gt(len(s), maxlong)) ? cut(r, s, maxlong) : s;
  }),
  repr_instance: method('self, x, level', 'repr_instance', (r: Obj, x: unknown) => {
    let s: string;
    try {
      s = builtinRepr(x);
    } catch (e) {
      // A broken __repr__: make something up.
      if (e instanceof Exception) return `<${str(getattr(getattr(x, '__class__'), '__name__'))} instance at 0x${id(x).toString(16)}>`;
      throw e;
    }
    const maxother = getattr(r, 'maxother');
    return truthy(gt(len(s), maxother)) ? cut(r, s, maxother) : s;
  }),
});

export const aRepr = call(Repr, [], null);
export const repr = getattr(aRepr, 'repr');
