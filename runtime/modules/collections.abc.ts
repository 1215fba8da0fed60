/**
 * Python's `collections.abc`: the abstract base classes, with CPython's
 * membership rules — a class is a member when it derives from the ABC, when
 * it (or a base) was registered with the ABC or with one of its abstract
 * subclasses (list is a MutableSequence, dict a MutableMapping, str a
 * Sequence…), or, for the one-protocol ABCs (Iterable, Sized, Awaitable…),
 * when its type defines the protocol's methods (`__subclasshook__`). The
 * checks run through the ABC_CHECKS hook that builtins `isinstance` and
 * `issubclass` consult. Deriving from an ABC gives its mixin methods
 * (a Mapping with `__getitem__`, `__iter__` and `__len__` gets `get`,
 * `keys`, `__contains__`…) and abstract-method checks on instantiation.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './collections.abc.js';
import { GeneratorExit, IndexError, KeyError, RuntimeError, StopIteration, TypeError, ValueError } from '../builtins/exceptions.js';
import { PyClassMethod, PyStaticMethod, isClassLike, mroOf, type PyClass } from '../builtins/classes.js';
import { ABC_CHECKS, NoneType, builtinFunctionType, functionType, methodType, type, type AbcChecks } from '../builtins/types.js';
import { bytearray, bytes, complex, dict, float, frozenset, int, len, list, memoryview, set, str, tuple, bool } from '../builtins/functions.js';
import { range } from '../builtins/range.js';
import { getitem, setitem, delitem } from '../builtins/items.js';
import { iter, next } from '../builtins/iteration.js';
import { eq } from '../builtins/operators.js';
import { callMethod } from '../builtins/attributes.js';
import { Keywords } from '../builtins/calls.js';
import { NotImplemented } from '../builtins/notImplemented.js';
import { PyTuple } from '../builtins/values.js';
import { PyGenerator } from '../builtins/generators.js';
import { DictItems, DictKeys, DictValues } from '../builtins/dict.js';
import { PyCoroutine } from '../asyncio/coroutines.js';
import { repr } from '../builtins/repr.js';
import { $abcNew as abcNew, abstractmethod, $markAbstract as markAbstract } from './abc.js';
import { defineClass, newInstance, pyMethod } from './support/stdlib/pyclass.js';
import { pyFunction } from './support/pydef.js';
import { MappingProxyType } from './types.js';

export const __name__ = 'collections.abc';

// `Set` below is the ABC; the JS collection is this one.
const JsSet = globalThis.Set;
loadedModules.$set('collections.abc', self);

interface AbcState {
  /** Classes registered with this ABC (`register`, and the builtins). */
  readonly registry: Set<unknown>;
  /** The ABCs deriving from this one, this one included: their registrations count here too. */
  readonly family: Set<PyClass>;
  /** The methods whose presence makes a class a member (`__subclasshook__`), or null. */
  readonly hook: readonly string[] | null;
}

const STATES = new Map<PyClass, AbcState>();

/** Builtins whose `__hash__` is None (their JS prototypes do not say so). */
const UNHASHABLE = new JsSet<unknown>([list, dict, set, bytearray]);

/** CPython's `_check_methods`: the first class of the MRO defining `name` defines it as something other than None. */
function definesMethod(mro: readonly unknown[], name: string): boolean {
  for (const c of mro) {
    if (name === '__hash__' && UNHASHABLE.has(c)) return false;
    const proto = typeof c === 'function' ? (c as { prototype?: Record<string, unknown> }).prototype : undefined;
    if (proto === undefined || proto === null || !Object.hasOwn(proto, name)) continue;
    return proto[name] !== null && proto[name] !== undefined;
  }
  return false;
}

function safeMro(cls: unknown): unknown[] {
  try {
    return mroOf(cls as PyClass);
  } catch {
    return [cls];
  }
}

function isSubclass(abc: PyClass, state: AbcState, cls: unknown): boolean {
  if (!isClassLike(cls)) throw new TypeError('issubclass() arg 1 must be a class');
  const mro = safeMro(cls);
  if (mro.includes(abc)) return true;
  for (const member of state.family) {
    const registry = STATES.get(member)!.registry;
    if (registry.size > 0 && mro.some((c) => registry.has(c))) return true;
  }
  // Each abstract subclass with a hook of its own (Iterator under Iterable…) is covered by this ABC's hook as well.
  return state.hook !== null && state.hook.every((name) => definesMethod(mro, name));
}

/** Values the runtime represents as JS built-ins: what they are a member of without a class of their own. */
function jsMember(abc: PyClass, x: unknown): boolean {
  if (x === null || typeof x !== 'object') return false;
  const nextFn = (x as { next?: unknown }).next;
  const iterable = typeof (x as Record<symbol, unknown>)[Symbol.iterator] === 'function';
  if (abc === Iterable) return iterable;
  if (abc === Iterator) return iterable && typeof nextFn === 'function';
  return false;
}

function checksFor(abc: PyClass, state: AbcState): AbcChecks {
  return {
    instance(x) {
      if (abc === Callable) return typeof x === 'function';
      if (abc === Hashable && x instanceof PyTuple) return true;
      if (isSubclass(abc, state, type(x))) return true;
      return jsMember(abc, x);
    },
    subclass(cls) {
      return isSubclass(abc, state, cls);
    },
  };
}

type Members = Record<string, unknown>;

function method(cls: string, name: string, spec: string, fn: (self: never, ...args: never[]) => unknown): unknown {
  return pyMethod(fn, spec, `${cls}.${name}`, 'collections.abc');
}

function abstract(cls: string, ...names: string[]): Members {
  const members: Members = {};
  for (const name of names) {
    members[name] = abstractmethod(method(cls, name, 'self, *args', () => {
      throw new TypeError(`abstract method ${name} called`);
    }));
  }
  return members;
}

function defineAbc(name: string, bases: PyClass[], members: Members, hook: readonly string[] | null = null, module = 'collections.abc'): PyClass {
  const cls = defineClass(module, name, bases, {
    __new__: new PyStaticMethod(abcNew),
    __init_subclass__: new PyClassMethod((sub: unknown) => {
      markAbstract(sub as PyClass);
      return null;
    }),
    __slots__: [],
    register: new PyClassMethod((c: unknown, subclass: unknown) => {
      if (!isClassLike(subclass)) throw new TypeError('Can only register classes');
      STATES.get(c as PyClass)?.registry.add(subclass);
      return subclass;
    }),
    ...members,
  });
  markAbstract(cls);
  const state: AbcState = { registry: new JsSet(), family: new JsSet([cls]), hook };
  STATES.set(cls, state);
  for (const ancestor of mroOf(cls)) STATES.get(ancestor)?.family.add(cls);
  Object.defineProperty(cls, ABC_CHECKS, { value: checksFor(cls, state) });
  return cls;
}

function register(abc: PyClass, ...classes: unknown[]): void {
  for (const c of classes) STATES.get(abc)!.registry.add(c);
}

/** For `numbers`, whose ABCs register builtins the same way (`$`: not attributes of the Python module). */
export { defineAbc as $defineAbc, register as $register, abstract as $abstract, definesMethod as $definesMethod };

const truthy = (v: unknown): boolean => v === true;

// ---------------------------------------------------------------------------
// The one-protocol ABCs

export const Hashable = defineAbc('Hashable', [], abstract('Hashable', '__hash__'), ['__hash__']);
export const Awaitable = defineAbc('Awaitable', [], abstract('Awaitable', '__await__'), ['__await__']);
export const Coroutine = defineAbc('Coroutine', [Awaitable], {
  ...abstract('Coroutine', 'send', 'throw'),
  close: method('Coroutine', 'close', 'self', (s: unknown) => {
    try {
      callMethod(s, 'throw', new GeneratorExit());
    } catch (e) {
      if (e instanceof GeneratorExit || e instanceof StopIteration) return null;
      throw e;
    }
    throw new RuntimeError('coroutine ignored GeneratorExit');
  }),
}, ['__await__', 'send', 'throw', 'close']);
export const AsyncIterable = defineAbc('AsyncIterable', [], abstract('AsyncIterable', '__aiter__'), ['__aiter__']);
export const AsyncIterator = defineAbc('AsyncIterator', [AsyncIterable], {
  ...abstract('AsyncIterator', '__anext__'),
  __aiter__: method('AsyncIterator', '__aiter__', 'self', (s: unknown) => s),
}, ['__anext__', '__aiter__']);
export const AsyncGenerator = defineAbc('AsyncGenerator', [AsyncIterator], {
  ...abstract('AsyncGenerator', 'asend', 'athrow'),
  __anext__: method('AsyncGenerator', '__anext__', 'self', (s: unknown) => callMethod(s, 'asend', null)),
}, ['__aiter__', '__anext__', 'asend', 'athrow', 'aclose']);
export const Iterable = defineAbc('Iterable', [], abstract('Iterable', '__iter__'), ['__iter__']);
export const Iterator = defineAbc('Iterator', [Iterable], {
  ...abstract('Iterator', '__next__'),
  __iter__: method('Iterator', '__iter__', 'self', (s: unknown) => s),
}, ['__iter__', '__next__']);
export const Reversible = defineAbc('Reversible', [Iterable], abstract('Reversible', '__reversed__'), ['__reversed__', '__iter__']);
export const Generator = defineAbc('Generator', [Iterator], {
  ...abstract('Generator', 'send', 'throw'),
  __next__: method('Generator', '__next__', 'self', (s: unknown) => callMethod(s, 'send', null)),
  close: method('Generator', 'close', 'self', (s: unknown) => {
    try {
      callMethod(s, 'throw', new GeneratorExit());
    } catch (e) {
      if (e instanceof GeneratorExit || e instanceof StopIteration) return null;
      throw e;
    }
    throw new RuntimeError('generator ignored GeneratorExit');
  }),
}, ['__iter__', '__next__', 'send', 'throw', 'close']);
export const Sized = defineAbc('Sized', [], abstract('Sized', '__len__'), ['__len__']);
export const Container = defineAbc('Container', [], abstract('Container', '__contains__'), ['__contains__']);
export const Collection = defineAbc('Collection', [Sized, Iterable, Container], {}, ['__len__', '__iter__', '__contains__']);
export const Callable = defineAbc('Callable', [], abstract('Callable', '__call__'), ['__call__']);

// ---------------------------------------------------------------------------
// Sets

function fromIterable(s: unknown, items: unknown[]): unknown {
  return callMethod(type(s), '_from_iterable', items);
}

function isSetLike(x: unknown): boolean {
  return checksOf(SetAbc).instance(x);
}

function checksOf(abc: PyClass): AbcChecks {
  return (abc as unknown as Record<symbol, AbcChecks>)[ABC_CHECKS];
}

function contains(container: unknown, x: unknown): boolean {
  return truthy(callMethod(container, '__contains__', x));
}

function items(x: unknown): unknown[] {
  const out: unknown[] = [];
  const it = iter(x);
  for (;;) {
    try {
      out.push(next(it));
    } catch (e) {
      if (e instanceof StopIteration) return out;
      throw e;
    }
  }
}

function subsetOf(a: unknown, b: unknown): boolean {
  if (Number(len(a)) > Number(len(b))) return false;
  return items(a).every((x) => contains(b, x));
}

function setCompare(op: (a: unknown, b: unknown) => boolean): (s: unknown, o: unknown) => unknown {
  return (s, o) => (isSetLike(o) ? op(s, o) : NotImplemented);
}

export const Set = defineAbc('Set', [Collection], {
  _from_iterable: new PyClassMethod((cls: unknown, it: unknown) => (cls as (i: unknown) => unknown)(it)),
  __le__: method('Set', '__le__', 'self, other', setCompare((a, b) => subsetOf(a, b))),
  __lt__: method('Set', '__lt__', 'self, other', setCompare((a, b) => Number(len(a)) < Number(len(b)) && subsetOf(a, b))),
  __ge__: method('Set', '__ge__', 'self, other', setCompare((a, b) => subsetOf(b, a))),
  __gt__: method('Set', '__gt__', 'self, other', setCompare((a, b) => Number(len(a)) > Number(len(b)) && subsetOf(b, a))),
  __eq__: method('Set', '__eq__', 'self, other', setCompare((a, b) => Number(len(a)) === Number(len(b)) && subsetOf(a, b))),
  __and__: method('Set', '__and__', 'self, other', (s: unknown, o: unknown) =>
    (isIterable(o) ? fromIterable(s, items(o).filter((x) => contains(s, x))) : NotImplemented)),
  __or__: method('Set', '__or__', 'self, other', (s: unknown, o: unknown) =>
    (isIterable(o) ? fromIterable(s, [...items(s), ...items(o)]) : NotImplemented)),
  __sub__: method('Set', '__sub__', 'self, other', (s: unknown, o: unknown) => {
    if (!isSetLike(o)) return isIterable(o) ? fromIterable(s, items(s).filter((x) => !items(o).some((y) => eq(x, y)))) : NotImplemented;
    return fromIterable(s, items(s).filter((x) => !contains(o, x)));
  }),
  __xor__: method('Set', '__xor__', 'self, other', (s: unknown, o: unknown) => {
    if (!isIterable(o)) return NotImplemented;
    const other = isSetLike(o) ? o : fromIterable(s, items(o));
    return fromIterable(s, [...items(s).filter((x) => !contains(other, x)), ...items(other).filter((x) => !contains(s, x))]);
  }),
  isdisjoint: method('Set', 'isdisjoint', 'self, other', (s: unknown, o: unknown) => !items(o).some((x) => contains(s, x))),
});
const SetAbc = Set;

function isIterable(x: unknown): boolean {
  return checksOf(Iterable).instance(x);
}

export const MutableSet = defineAbc('MutableSet', [Set], {
  ...abstract('MutableSet', 'add', 'discard'),
  remove: method('MutableSet', 'remove', 'self, value', (s: unknown, v: unknown) => {
    if (!contains(s, v)) throw new KeyError(v);
    callMethod(s, 'discard', v);
    return null;
  }),
  pop: method('MutableSet', 'pop', 'self', (s: unknown) => {
    const all = items(s);
    if (all.length === 0) throw new KeyError();
    callMethod(s, 'discard', all[0]);
    return all[0];
  }),
  clear: method('MutableSet', 'clear', 'self', (s: unknown) => {
    for (const x of items(s)) callMethod(s, 'discard', x);
    return null;
  }),
  __ior__: method('MutableSet', '__ior__', 'self, other', (s: unknown, o: unknown) => {
    for (const x of items(o)) callMethod(s, 'add', x);
    return s;
  }),
  __iand__: method('MutableSet', '__iand__', 'self, other', (s: unknown, o: unknown) => {
    for (const x of items(s)) if (!items(o).some((y) => eq(x, y))) callMethod(s, 'discard', x);
    return s;
  }),
  __isub__: method('MutableSet', '__isub__', 'self, other', (s: unknown, o: unknown) => {
    for (const x of items(o)) callMethod(s, 'discard', x);
    return s;
  }),
});

// ---------------------------------------------------------------------------
// Mappings

function mappingGet(s: unknown, key: unknown, fallback: unknown): unknown {
  try {
    return getitem(s, key);
  } catch (e) {
    if (e instanceof KeyError) return fallback;
    throw e;
  }
}

const MISSING = {};

export const MappingView = defineAbc('MappingView', [Sized], {
  // pyFunction: its argument count is checked (`MappingView()` is a TypeError).
  __init__: pyFunction('self, mapping', 'MappingView.__init__', 'collections.abc', (s: Record<string, unknown>, m: unknown) => {
    s['_mapping'] = m;
    return null;
  }),
  __len__: method('MappingView', '__len__', 'self', (s: Record<string, unknown>) => len(s['_mapping'])),
  __repr__: method('MappingView', '__repr__', 'self', (s: Record<string, unknown>) =>
    `${(type(s) as PyClass).__name__}(${repr(s['_mapping'])})`),
});

export const KeysView = defineAbc('KeysView', [MappingView, Set], {
  _from_iterable: new PyClassMethod((_cls: unknown, it: unknown) => set(it)),
  __contains__: method('KeysView', '__contains__', 'self, key', (s: Record<string, unknown>, k: unknown) => contains(s['_mapping'], k)),
  __iter__: method('KeysView', '__iter__', 'self', (s: Record<string, unknown>) => iter(items(s['_mapping']))),
});

export const ItemsView = defineAbc('ItemsView', [MappingView, Set], {
  _from_iterable: new PyClassMethod((_cls: unknown, it: unknown) => set(it)),
  __contains__: method('ItemsView', '__contains__', 'self, item', (s: Record<string, unknown>, item: unknown) => {
    const [k, v] = item as unknown[];
    const got = mappingGet(s['_mapping'], k, MISSING);
    return got !== MISSING && (got === v || eq(got, v));
  }),
  __iter__: method('ItemsView', '__iter__', 'self', (s: Record<string, unknown>) =>
    iter(items(s['_mapping']).map((k) => PyTuple.fromArray([k, getitem(s['_mapping'], k)])))),
});

export const ValuesView = defineAbc('ValuesView', [MappingView, Collection], {
  __contains__: method('ValuesView', '__contains__', 'self, value', (s: Record<string, unknown>, v: unknown) =>
    items(s['_mapping']).some((k) => { const x = getitem(s['_mapping'], k); return x === v || eq(x, v); })),
  __iter__: method('ValuesView', '__iter__', 'self', (s: Record<string, unknown>) =>
    iter(items(s['_mapping']).map((k) => getitem(s['_mapping'], k)))),
});

function view(cls: PyClass, mapping: unknown): unknown {
  const v = newInstance(cls);
  v['_mapping'] = mapping;
  return v;
}

export const Mapping = defineAbc('Mapping', [Collection], {
  ...abstract('Mapping', '__getitem__'),
  get: method('Mapping', 'get', 'self, key, default=None', (s: unknown, k: unknown, d: unknown = null) => mappingGet(s, k, d)),
  __contains__: method('Mapping', '__contains__', 'self, key', (s: unknown, k: unknown) => mappingGet(s, k, MISSING) !== MISSING),
  keys: method('Mapping', 'keys', 'self', (s: unknown) => view(KeysView, s)),
  items: method('Mapping', 'items', 'self', (s: unknown) => view(ItemsView, s)),
  values: method('Mapping', 'values', 'self', (s: unknown) => view(ValuesView, s)),
  __eq__: method('Mapping', '__eq__', 'self, other', (s: unknown, o: unknown) => {
    if (!checksOf(Mapping).instance(o)) return NotImplemented;
    return eq(dict(callMethod(s, 'items')), dict(callMethod(o, 'items')));
  }),
  __reversed__: null,
});

export const MutableMapping = defineAbc('MutableMapping', [Mapping], {
  ...abstract('MutableMapping', '__setitem__', '__delitem__'),
  pop: method('MutableMapping', 'pop', 'self, key, default=<unrepresentable>', (s: unknown, k: unknown, ...d: unknown[]) => {
    const v = mappingGet(s, k, MISSING);
    if (v === MISSING) {
      if (d.length > 0) return d[0];
      throw new KeyError(k);
    }
    delitem(s, k);
    return v;
  }),
  popitem: method('MutableMapping', 'popitem', 'self', (s: unknown) => {
    let k: unknown;
    try {
      k = next(iter(s));
    } catch (e) {
      if (e instanceof StopIteration) throw new KeyError();
      throw e;
    }
    const v = getitem(s, k);
    delitem(s, k);
    return PyTuple.fromArray([k, v]);
  }),
  // Through popitem until it raises KeyError, as CPython's: a class whose popitem keeps some keys (configparser's keeps DEFAULT) keeps them.
  clear: method('MutableMapping', 'clear', 'self', (s: unknown) => {
    for (;;) {
      try {
        callMethod(s, 'popitem');
      } catch (e) {
        if (e instanceof KeyError) return null;
        throw e;
      }
    }
  }),
  update: method('MutableMapping', 'update', 'self, other=(), /, **kwds', (s: unknown, ...args: unknown[]) => {
    // With a `**kwds` signature the call layer passes the keywords as one Keywords object.
    const last = args[args.length - 1];
    const kw: Record<string, unknown> = last instanceof Keywords ? last.values : {};
    const positional = last instanceof Keywords ? args.slice(0, -1) : args;
    if (positional.length > 1) throw new TypeError(`update expected at most 1 argument, got ${positional.length}`);
    const other: unknown = positional.length > 0 ? positional[0] : PyTuple.fromArray([]);
    if (checksOf(Mapping).instance(other)) {
      for (const k of items(other)) setitem(s, k, getitem(other, k));
    } else {
      for (const pair of items(other)) {
        const [k, v] = items(pair);
        setitem(s, k, v);
      }
    }
    for (const [k, v] of Object.entries(kw)) setitem(s, k, v);
    return null;
  }),
  setdefault: method('MutableMapping', 'setdefault', 'self, key, default=None', (s: unknown, k: unknown, d: unknown = null) => {
    const v = mappingGet(s, k, MISSING);
    if (v !== MISSING) return v;
    setitem(s, k, d);
    return d;
  }),
});

// ---------------------------------------------------------------------------
// Sequences

function sequenceItems(s: unknown): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; ; i++) {
    try {
      out.push(getitem(s, i));
    } catch (e) {
      if (e instanceof IndexError) return out;
      throw e;
    }
  }
}

export const Sequence = defineAbc('Sequence', [Reversible, Collection], {
  ...abstract('Sequence', '__getitem__'),
  __iter__: method('Sequence', '__iter__', 'self', (s: unknown) => iter(sequenceItems(s))),
  __contains__: method('Sequence', '__contains__', 'self, value', (s: unknown, v: unknown) =>
    items(s).some((x) => x === v || eq(x, v))),
  __reversed__: method('Sequence', '__reversed__', 'self', (s: unknown) => {
    const n = Number(len(s));
    const out: unknown[] = [];
    for (let i = n - 1; i >= 0; i--) out.push(getitem(s, i));
    return iter(out);
  }),
  index: method('Sequence', 'index', 'self, value, start=0, stop=None', (s: unknown, v: unknown, start: unknown = 0, stop: unknown = null) => {
    const all = items(s);
    const n = all.length;
    let a = Number(start);
    if (a < 0) a = Math.max(n + a, 0);
    let b = stop === null ? n : Number(stop);
    if (b < 0) b += n;
    for (let i = a; i < Math.min(b, n); i++) if (all[i] === v || eq(all[i], v)) return i;
    throw new ValueError();
  }),
  count: method('Sequence', 'count', 'self, value', (s: unknown, v: unknown) => items(s).filter((x) => x === v || eq(x, v)).length),
});

export const ByteString = defineAbc('ByteString', [Sequence], {});

export const MutableSequence = defineAbc('MutableSequence', [Sequence], {
  ...abstract('MutableSequence', '__setitem__', '__delitem__', 'insert'),
  append: method('MutableSequence', 'append', 'self, value', (s: unknown, v: unknown) => {
    callMethod(s, 'insert', len(s), v);
    return null;
  }),
  clear: method('MutableSequence', 'clear', 'self', (s: unknown) => {
    while (Number(len(s)) > 0) callMethod(s, 'pop');
    return null;
  }),
  reverse: method('MutableSequence', 'reverse', 'self', (s: unknown) => {
    const n = Number(len(s));
    for (let i = 0; i < Math.floor(n / 2); i++) {
      const a = getitem(s, i);
      setitem(s, i, getitem(s, n - i - 1));
      setitem(s, n - i - 1, a);
    }
    return null;
  }),
  extend: method('MutableSequence', 'extend', 'self, values', (s: unknown, values: unknown) => {
    const vs = values === s ? items(values) : items(values);
    for (const v of vs) callMethod(s, 'append', v);
    return null;
  }),
  pop: method('MutableSequence', 'pop', 'self, index=-1', (s: unknown, index: unknown = -1) => {
    const v = getitem(s, index);
    delitem(s, index);
    return v;
  }),
  remove: method('MutableSequence', 'remove', 'self, value', (s: unknown, v: unknown) => {
    delitem(s, callMethod(s, 'index', v));
    return null;
  }),
  __iadd__: method('MutableSequence', '__iadd__', 'self, values', (s: unknown, values: unknown) => {
    callMethod(s, 'extend', values);
    return s;
  }),
});

// ---------------------------------------------------------------------------
// The builtins' registrations (CPython's `X.register(builtin)` lines)

register(Hashable, int, float, complex, str, bytes, tuple, frozenset, bool, NoneType, range, functionType, methodType, builtinFunctionType);
register(Sequence, tuple, str, range, memoryview);
register(ByteString, bytes, bytearray);
register(MutableSequence, list, bytearray);
register(MutableMapping, dict);
register(Mapping, MappingProxyType);
// dict's __reversed__ (3.8) is not on its JS prototype.
register(Reversible, dict);
register(Set, frozenset);
register(MutableSet, set);
register(Generator, PyGenerator);
register(Coroutine, PyCoroutine);
register(KeysView, DictKeys);
register(ValuesView, DictValues);
register(ItemsView, DictItems);
// dict views and builtin iterators are found by their methods, or as JS iterables (jsMember).
