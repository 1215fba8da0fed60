/**
 * Python's `functools`: partial, reduce, update_wrapper/wraps, lru_cache and
 * cache, total_ordering, cached_property, cmp_to_key, singledispatch.
 */
import { TypeError, ValueError, AttributeError } from '../builtins/exceptions.js';
import { PyTuple, typeName } from '../builtins/values.js';
import { PyDict } from '../builtins/dict.js';
import { call, def } from '../builtins/calls.js';
import { callable } from '../builtins/types.js';
import { iterate } from '../builtins/iteration.js';
import { repr } from '../builtins/repr.js';
import { getattr, hasattr, setattr } from '../builtins/attributes.js';
import {
  PyProperty, PyStaticMethod, bindMethod, isClassLike, isinstance, mroOf, object, pyClassOf, getClassAttr, setClassAttribute, type PyClass,
} from '../builtins/classes.js';
import { issubclass, type } from '../builtins/types.js';
import { NotImplemented } from '../builtins/notImplemented.js';
import { truthy } from '../builtins/truth.js';
import { eq, ne, compareOp } from './support/functools/compare.js';
import { defineClass, newInstance, pyMethod, splitKeywords, checkKeywords, type Kw } from './support/stdlib/pyclass.js';
import { WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES, updateWrapper } from './support/functools/wraps.js';
import { lruMaxsize, makeLruWrapper } from './support/functools/lruCache.js';
import { pyFunction, withKeywordParams } from './support/pydef.js';
import { unionTypeClass } from '../builtins/unionType.js';

function isUnionType(v: unknown): boolean {
  return v !== null && typeof v === 'object' && type(v) === unionTypeClass();
}

/** The classes of a `types.UnionType` whose arguments are all classes (what singledispatch can register), else null. */
function unionClasses(v: unknown): unknown[] | null {
  if (!isUnionType(v)) return null;
  const args = [...(getattr(v, '__args__') as PyTuple)];
  return args.every((a) => isClassLike(a)) ? args : null;
}

export const __name__ = 'functools';
export { WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES };

/** reduce(function, iterable[, initial]) */
export function reduce(...rest: unknown[]): unknown {
  const [args, kw] = splitKeywords(rest);
  if (Object.keys(kw).length > 0) throw new TypeError('reduce() takes no keyword arguments');
  if (args.length < 2) throw new TypeError(`reduce expected at least 2 arguments, got ${args.length}`);
  if (args.length > 3) throw new TypeError(`reduce expected at most 3 arguments, got ${args.length}`);
  const [fn, iterable] = args;
  let items: Iterable<unknown>;
  try {
    items = iterate(iterable);
  } catch (e) {
    if (e instanceof TypeError) throw new TypeError('reduce() arg 2 must support iteration');
    throw e;
  }
  let acc: unknown;
  let started = args.length === 3;
  if (started) acc = args[2];
  for (const item of items) {
    if (!started) {
      acc = item;
      started = true;
    } else {
      acc = call(fn, [acc, item], null);
    }
  }
  if (!started) throw new TypeError('reduce() of empty iterable with no initial value');
  return acc;
}

// ---------------------------------------------------------------------------
// partial

function partialNew(cls: unknown, ...rest: unknown[]): unknown {
  const [args, kw] = splitKeywords(rest);
  if (args.length === 0) throw new TypeError("type 'partial' takes at least one argument");
  let [func, ...bound] = args;
  let keywords: Kw = { ...kw };
  if (!callable(func)) throw new TypeError('the first argument must be callable');
  // A partial of a partial flattens, as CPython's does.
  if (pyClassOf(func) === partial) {
    const inner = func as unknown as Record<string, unknown>;
    bound = [...(inner['args'] as unknown[]), ...bound];
    keywords = { ...dictToObject(inner['keywords'] as PyDict), ...keywords };
    func = inner['func'];
  }
  const self = newInstance(cls);
  self['func'] = func;
  self['args'] = PyTuple.fromArray(bound);
  self['keywords'] = new PyDict<unknown, unknown>(Object.entries(keywords));
  return self;
}

function dictToObject(d: PyDict): Kw {
  const out: Kw = {};
  for (const k of d) out[k as string] = d.$get(k);
  return out;
}

export const partial = defineClass('functools', 'partial', [], {
  __new__: new PyStaticMethod(partialNew),
  __call__(this: Record<string, unknown>, ...rest: unknown[]): unknown {
    const [args, kw] = splitKeywords(rest);
    const keywords = { ...dictToObject(this['keywords'] as PyDict), ...kw };
    return call(this['func'], [...(this['args'] as unknown[]), ...args], Object.keys(keywords).length > 0 ? keywords : null);
  },
  __repr__(this: Record<string, unknown>): string {
    const cls = pyClassOf(this)!;
    const parts = [repr(this['func']), ...(this['args'] as unknown[]).map(repr)];
    const kw = this['keywords'] as PyDict;
    for (const k of kw) parts.push(`${k as string}=${repr(kw.$get(k))}`);
    return `${String(getattr(cls, '__module__'))}.${cls.__qualname__}(${parts.join(', ')})`;
  },
});

// ---------------------------------------------------------------------------
// wraps

/** update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES) */
export const update_wrapper = def(
  function update_wrapper(wrapper: unknown, wrapped: unknown, assigned: unknown = WRAPPER_ASSIGNMENTS, updated: unknown = WRAPPER_UPDATES): unknown {
    return updateWrapper(wrapper, wrapped, assigned, updated);
  },
  'wrapper, wrapped, assigned=, updated=', 'update_wrapper', 'functools',
);

/** wraps(wrapped, assigned=…, updated=…): a decorator applying update_wrapper. */
export const wraps = def(
  function wraps(wrapped: unknown, assigned: unknown = WRAPPER_ASSIGNMENTS, updated: unknown = WRAPPER_UPDATES): unknown {
    return (wrapper: unknown) => updateWrapper(wrapper, wrapped, assigned, updated);
  },
  'wrapped, assigned=, updated=', 'wraps', 'functools',
);

// ---------------------------------------------------------------------------
// lru_cache, cache

/** lru_cache(maxsize=128, typed=False), or @lru_cache applied to a function directly. */
export function lru_cache(...rest: unknown[]): unknown {
  const [args, kw] = splitKeywords(rest);
  checkKeywords(kw, ['maxsize', 'typed'], 'lru_cache');
  const first = args.length > 0 ? args[0] : kw['maxsize'] !== undefined ? kw['maxsize'] : 128;
  const typed = truthy(args.length > 1 ? args[1] : kw['typed'] ?? false);
  if (callable(first) && typeof first !== 'boolean') return makeLruWrapper(first, 128, typed);
  const maxsize = lruMaxsize(first);
  return (fn: unknown) => makeLruWrapper(fn, maxsize, typed);
}

/** cache(fn): lru_cache(maxsize=None). */
export function cache(fn: unknown): unknown {
  return makeLruWrapper(fn, null, false);
}

// ---------------------------------------------------------------------------
// total_ordering

type Cmp = (self: unknown, other: unknown) => unknown;

/** For each root, how the other three are derived from it (as CPython's table). */
const CONVERT: Record<string, Record<string, (root: Cmp) => Cmp>> = {
  __lt__: {
    __gt__: (r) => (a, b) => invert(r(a, b), (x) => !x && ne(a, b)),
    __le__: (r) => (a, b) => invert(r(a, b), (x) => x || eq(a, b)),
    __ge__: (r) => (a, b) => invert(r(a, b), (x) => !x),
  },
  __le__: {
    __ge__: (r) => (a, b) => invert(r(a, b), (x) => !x || eq(a, b)),
    __lt__: (r) => (a, b) => invert(r(a, b), (x) => x && ne(a, b)),
    __gt__: (r) => (a, b) => invert(r(a, b), (x) => !x),
  },
  __gt__: {
    __lt__: (r) => (a, b) => invert(r(a, b), (x) => !x && ne(a, b)),
    __ge__: (r) => (a, b) => invert(r(a, b), (x) => x || eq(a, b)),
    __le__: (r) => (a, b) => invert(r(a, b), (x) => !x),
  },
  __ge__: {
    __le__: (r) => (a, b) => invert(r(a, b), (x) => !x || eq(a, b)),
    __gt__: (r) => (a, b) => invert(r(a, b), (x) => x && ne(a, b)),
    __lt__: (r) => (a, b) => invert(r(a, b), (x) => !x),
  },
};

function invert(result: unknown, derive: (x: boolean) => boolean): unknown {
  return result === NotImplemented ? NotImplemented : derive(truthy(result));
}

export function total_ordering(cls: unknown): unknown {
  const c = cls as PyClass;
  // CPython's: the operations the class has other than object's.
  const roots = ['__lt__', '__le__', '__gt__', '__ge__'].filter((op) => {
    const own = getattr(c, op, null);
    return own !== null && own !== undefined && own !== getattr(object, op);
  });
  if (roots.length === 0) throw new ValueError('must define at least one ordering operation: < > <= >=');
  // CPython picks max(roots) by name: __lt__ > __le__ > __gt__ > __ge__.
  const root = roots.sort().reverse()[0]!;
  const rootFn = getClassAttr(c, root);
  const rootCall: Cmp = (a, b) => compareOp(rootFn, a, b);
  for (const [op, make] of Object.entries(CONVERT[root]!)) {
    if (roots.includes(op)) continue;
    const fn = make(rootCall);
    setClassAttribute(c, op, pyMethod((self: unknown, other: unknown) => fn(self, other), 'self, other', `${c.__qualname__}.${op}`, 'functools'));
  }
  return cls;
}

// ---------------------------------------------------------------------------
// cached_property

class CachedProperty extends PyProperty {
  attrname: string | null = null;

  constructor(readonly func: unknown) {
    super(null, null, null, getattr(func, '__doc__', null));
    const self = this as unknown as { fget: unknown; fset: unknown; fdel: unknown };
    self.fget = (obj: object) => {
      const name = this.attrname;
      if (name === null) throw new TypeError('Cannot use cached_property instance without calling __set_name__ on it.');
      // The cache is the instance's __dict__: an instance of a class with __slots__ has none.
      if (!hasattr(obj, '__dict__')) {
        throw new TypeError(`No '__dict__' attribute on ${repr(typeName(obj))} instance to cache ${repr(name)} property.`);
      }
      const value = call(this.func, [obj], null);
      Object.defineProperty(obj, name, { value, writable: true, configurable: true, enumerable: true });
      return value;
    };
    self.fset = (obj: object, value: unknown) => {
      Object.defineProperty(obj, this.attrname!, { value, writable: true, configurable: true, enumerable: true });
    };
    self.fdel = (obj: object) => {
      if (!Object.hasOwn(obj, this.attrname!)) throw new AttributeError(this.attrname!);
      delete (obj as Record<string, unknown>)[this.attrname!];
    };
  }

  __set_name__(owner: unknown, name: unknown): null {
    if (this.attrname === null) this.attrname = name as string;
    else if (name !== this.attrname) {
      throw new TypeError(`Cannot assign the same cached_property to two different names (${repr(this.attrname)} and ${repr(name)}).`);
    }
    return null;
  }
}

export function cached_property(func: unknown): unknown {
  return new CachedProperty(func);
}

// ---------------------------------------------------------------------------
// cmp_to_key

export function cmp_to_key(mycmp: unknown): unknown {
  const compare = (op: (n: number) => boolean) => (self: Record<string, unknown>, other: unknown) => {
    if (typeof other !== 'object' || other === null || !('obj' in other)) return NotImplemented;
    const r = call(mycmp, [self['obj'], (other as Record<string, unknown>)['obj']], null);
    return op(Number(r));
  };
  const method = (op: (n: number) => boolean, name: string) => pyMethod(compare(op), 'self, other', `K.${name}`, 'functools');
  return defineClass('functools', 'KeyWrapper', [], {
    __init__: pyMethod((self: Record<string, unknown>, obj: unknown) => {
      self['obj'] = obj;
      return null;
    }, 'self, obj', 'KeyWrapper.__init__', 'functools'),
    __lt__: method((n) => n < 0, '__lt__'),
    __gt__: method((n) => n > 0, '__gt__'),
    __le__: method((n) => n <= 0, '__le__'),
    __ge__: method((n) => n >= 0, '__ge__'),
    __eq__: method((n) => n === 0, '__eq__'),
    __hash__: null,
  });
}

// ---------------------------------------------------------------------------
// singledispatch

/**
 * singledispatch(func): a function that picks its implementation by the
 * class of its first argument, the nearest in that class's MRO among the
 * registered ones (then a registered class it is a virtual subclass of,
 * an ABC), else `func`. `register(cls, impl)`, `@register(cls)` and
 * `@register` on a function whose first annotation is a class add one.
 */
export function singledispatch(func: unknown): unknown {
  const registry = new PyDict<unknown, unknown>();
  registry.$set(object, func);
  const funcname = String(getattr(func, '__name__', 'singledispatch function'));
  const dispatch = (cls: unknown): unknown => {
    // object last: the ABCs a class is a virtual subclass of come before it, as in CPython's composed MRO.
    for (const c of mroOf(cls as PyClass)) if (c !== object && registry.$has(c)) return registry.$get(c);
    for (const c of registry) if (c !== object && issubclass(cls, c)) return registry.$get(c);
    return registry.$get(object);
  };
  const register = (cls: unknown, impl?: unknown): unknown => {
    if (isClassLike(cls) || unionClasses(cls) !== null) {
      if (impl === undefined || impl === null) return (f: unknown) => register(cls, f);
      for (const c of unionClasses(cls) ?? [cls]) registry.$set(c, impl);
      return impl;
    }
    if (impl !== undefined && impl !== null) throw new TypeError(`Invalid first argument to \`register()\`. ${repr(cls)} is not a class or union type.`);
    // @register on a function: the class is its first annotation.
    const annotations = getattr(cls, '__annotations__', null);
    const first = annotations instanceof PyDict ? [...annotations][0] : undefined;
    if (first === undefined) {
      throw new TypeError(`Invalid first argument to \`register()\`: ${repr(cls)}. Use either \`@register(some_class)\` or plain \`@register\` on an annotated function.`);
    }
    const annotated = (annotations as PyDict).$get(first);
    if (isClassLike(annotated)) {
      registry.$set(annotated, cls);
      return cls;
    }
    // `x: int | str` registers each class of the union (3.11).
    const members = unionClasses(annotated);
    if (members === null) {
      const why = isUnionType(annotated) ? 'not all arguments are classes' : 'is not a class';
      throw new TypeError(`Invalid annotation for ${repr(first)}. ${repr(annotated)} ${why}.`);
    }
    for (const c of members) registry.$set(c, cls);
    return cls;
  };
  const wrapper = (...rest: unknown[]): unknown => {
    const [args, kw] = splitKeywords(rest);
    if (args.length === 0) throw new TypeError(`${funcname} requires at least 1 positional argument`);
    return call(dispatch(type(args[0])), args, Object.keys(kw).length > 0 ? kw : null);
  };
  updateWrapper(wrapper, func, WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES);
  setattr(wrapper, 'register', def((cls: unknown, impl: unknown = null) => register(cls, impl), 'cls, func=None', 'singledispatch.<locals>.register', 'functools'));
  setattr(wrapper, 'dispatch', def((cls: unknown) => dispatch(cls), 'cls', 'singledispatch.<locals>.dispatch', 'functools'));
  // The dict itself (CPython's is a read-only mappingproxy of it): types.MappingProxyType's module imports asyncio, which imports this one.
  setattr(wrapper, 'registry', registry);
  setattr(wrapper, '_clear_cache', def(() => null, '', 'singledispatch.<locals>._clear_cache', 'functools'));
  return wrapper;
}


// ---------------------------------------------------------------------------
// partialmethod and singledispatchmethod: descriptors, bound when read from an instance

function getDescriptor(v: unknown): unknown {
  return getattr(v, '__get__', null);
}

function partialmethodInit(this: Record<string, unknown>, ...rest: unknown[]): null {
  const [args, kw] = splitKeywords(rest);
  if (args.length === 0) throw new TypeError("partialmethod.__init__() missing 1 required positional argument: 'func'");
  let [func, ...bound] = args;
  let keywords: Kw = { ...kw };
  if (!callable(func) && getDescriptor(func) === null) throw new TypeError(`${repr(func)} is not callable or a descriptor`);
  // A partialmethod of a partialmethod flattens, as CPython's does.
  if (isinstance(func, partialmethod)) {
    const inner = func as Record<string, unknown>;
    bound = [...(inner['args'] as unknown[]), ...bound];
    keywords = { ...dictToObject(inner['keywords'] as PyDict), ...keywords };
    func = inner['func'];
  }
  this['func'] = func;
  this['args'] = PyTuple.fromArray(bound);
  this['keywords'] = new PyDict<unknown, unknown>(Object.entries(keywords));
  return null;
}

export const partialmethod: PyClass = defineClass('functools', 'partialmethod', [], {
  __init__: partialmethodInit,
  __get__(this: Record<string, unknown>, obj: unknown, cls: unknown = null): unknown {
    const func = this['func'];
    const args = this['args'] as unknown[];
    const keywords = dictToObject(this['keywords'] as PyDict);
    const get = getDescriptor(func);
    if (get !== null) {
      const bound = call(get, [obj, cls], null);
      if (bound !== func) return call(partial, [bound, ...args], Object.keys(keywords).length > 0 ? keywords : null);
    }
    // Read from the class: a function taking the instance first, then the bound arguments.
    const self = this;
    const method = pyFunction('cls_or_self, /, *args, **keywords', 'partialmethod._make_unbound_method.<locals>._method', 'functools',
      (first: unknown, given: PyTuple, kw: PyDict): unknown => {
        const merged = { ...dictToObject(self['keywords'] as PyDict), ...dictToObject(kw) };
        return call(self['func'], [first, ...(self['args'] as unknown[]), ...given], Object.keys(merged).length > 0 ? merged : null);
      });
    return obj === null || obj === undefined ? method : bindMethod(method, obj);
  },
  __repr__(this: Record<string, unknown>): string {
    const cls = pyClassOf(this)!;
    const args = (this['args'] as unknown[]).map(repr).join(', ');
    const kw = this['keywords'] as PyDict;
    const keywords = [...kw].map((k) => `${k as string}=${repr(kw.get(k))}`).join(', ');
    return `${String(getattr(cls, '__module__'))}.${cls.__qualname__}(${repr(this['func'])}, ${args}, ${keywords})`;
  },
});

export const singledispatchmethod: PyClass = defineClass('functools', 'singledispatchmethod', [], {
  __init__(this: Record<string, unknown>, func: unknown): null {
    if (!callable(func) && getDescriptor(func) === null) throw new TypeError(`${repr(func)} is not callable or a descriptor`);
    this['dispatcher'] = singledispatch(func);
    this['func'] = func;
    return null;
  },
  register(this: Record<string, unknown>, cls: unknown, method: unknown = null): unknown {
    return call(getattr(this['dispatcher'], 'register'), [cls, method], null);
  },
  __get__(this: Record<string, unknown>, obj: unknown, cls: unknown = null): unknown {
    const dispatcher = this['dispatcher'];
    const method = (...rest: unknown[]): unknown => {
      const [args, kw] = splitKeywords(rest);
      if (args.length === 0) throw new TypeError(`${String(getattr(this['func'], '__name__', 'singledispatchmethod method'))} requires at least 1 positional argument`);
      const impl = call(getattr(dispatcher, 'dispatch'), [type(args[0])], null);
      const get = getDescriptor(impl);
      const bound = get === null ? impl : call(get, [obj, cls], null);
      return call(bound, args, Object.keys(kw).length > 0 ? kw : null);
    };
    updateWrapper(method, this['func'], WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES);
    setattr(method, 'register', getattr(this, 'register'));
    return method;
  },
});

// Python functions in CPython's functools: calls with keywords bind by their signatures.
def(cache, 'user_function, /', 'cache', 'functools');
def(total_ordering, 'cls', 'total_ordering', 'functools');
def(singledispatch, 'func', 'singledispatch', 'functools');
withKeywordParams(cached_property, 'cached_property.__init__', ['func']);
withKeywordParams(cmp_to_key, 'cmp_to_key', ['mycmp']);
