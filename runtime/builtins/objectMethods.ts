/**
 * object's methods that need the whole runtime to work: `__sizeof__`,
 * `__getstate__`, `__reduce__` and `__reduce_ex__` (the pickle protocol as
 * `copyreg` and `object.__reduce_ex__` define it), and BaseException's own
 * `__reduce__` and `__setstate__`. objectType.ts has the rest of object's;
 * `__dir__` is with dir() in types.ts.
 *
 * copy.copy and copy.deepcopy do not come here for an instance whose class
 * leaves these to object (copy.ts rebuilds it directly); what these return
 * is for code that calls them, as pickle's callers do.
 */
import { PyBytes, PyTuple, isIntNumber, typeName, unbox } from './values.js';
import { AttributeError, BaseException, OSError, TypeError, isBaseException } from './exceptions.js';
import { attributeHooks, callMethod, getattr, setattr } from './attributes.js';
import { call, METHOD_OF } from './calls.js';
import { PyDict, dict_items } from './dict.js';
import { iter } from './iteration.js';
import { pyIndex } from './numbers/index.js';
import { classAttribute, getClassAttr, instanceDict, mroOf, object, pyClassOf, type PyClass } from './classes.js';
import { addClassAttributes, builtinClasses, defineHidden, infoOf, ownInfo } from './classes/model.js';
import { installObjectMethod, orderObjectDict } from './classes/objectType.js';
import { basicSize, intDigits } from './sizes.js';
import { pyFunction } from '../modules/support/pydef.js';
import { noArgs, oneArg } from './arity.js';

function typeOfValue(v: unknown): PyClass {
  return attributeHooks.typeOf!(v) as PyClass;
}

/** The object a method of object's was called on: `this`, or the first argument when called through the class. */
function selfOf(name: string, self: unknown, args: unknown[]): unknown {
  if (self !== undefined) return self;
  if (args.length === 0) throw new TypeError(`unbound method object.${name}() needs an argument`);
  return args.shift();
}

// ---------------------------------------------------------------------------
// __sizeof__

/** object.__sizeof__: the type's fixed size, plus its item size times the items (an int's digits, a bytes' bytes, a tuple's items). */
function objectSize(v: unknown): number {
  const base = unbox(v);
  let items = 0;
  if ((typeof base === 'number' && isIntNumber(base)) || typeof base === 'bigint' || typeof base === 'boolean') items = 4 * intDigits(base);
  else if (base instanceof PyBytes) items = base.bytes.length;
  else if (base instanceof PyTuple) items = 8 * base.length;
  return basicSize(typeOfValue(v)) + items;
}

installObjectMethod('__sizeof__', function (this: unknown, ...args: unknown[]): number {
  const self = selfOf('__sizeof__', this, args);
  noArgs('object.__sizeof__', args.length);
  return objectSize(self);
});

// ---------------------------------------------------------------------------
// __getstate__

/** copyreg._slotnames: the `__slots__` names of the class and its bases, private ones mangled, `__dict__` and `__weakref__` left out. */
function slotNames(cls: PyClass): string[] {
  const names: string[] = [];
  for (const c of mroOf(cls)) {
    const slots = ownInfo(c)?.dict.get('__slots__');
    if (slots === undefined || builtinClasses.has(c)) continue;
    const own = typeof slots === 'string' ? [slots] : [...(slots as Iterable<unknown>)];
    for (const name of own) {
      if (typeof name !== 'string' || name === '__dict__' || name === '__weakref__') continue;
      const stripped = String(c.__name__).replace(/^_+/, '');
      names.push(name.startsWith('__') && !name.endsWith('__') && stripped !== '' ? `_${stripped}${name}` : name);
    }
  }
  return names;
}

/** Whether the object has a `__dict__`: an instance of a Python class without `__slots__` (or with `__dict__` among them), an exception. */
function hasInstanceDict(self: unknown): boolean {
  if (typeof self !== 'object' && typeof self !== 'function') return false;
  if (self === null) return false;
  const cls = pyClassOf(self);
  if (cls !== undefined) return cls !== object && !infoOf(cls).slots;
  return isBaseException(self);
}

/** object.__getstate__: the `__dict__` (None when empty), paired with the slots' values when there are any. */
function defaultState(self: unknown, required: boolean): unknown {
  const cls = typeOfValue(self);
  const names = slotNames(cls);
  // What pickling rebuilds from `cls.__new__(cls)` and the state must hold nothing else: a C type's own fields cannot be.
  if (required && basicSize(cls) > 16 + 8 * (names.length + 2)) throw new TypeError(`cannot pickle '${typeName(self)}' object`);
  let state: unknown = null;
  if (hasInstanceDict(self)) {
    const d = instanceDict(self as object) as PyDict;
    if (d.$size > 0) state = d;
  }
  if (names.length > 0) {
    const slots = new PyDict();
    for (const name of names) {
      try {
        slots.$set(name, getattr(self, name));
      } catch (e) {
        if (!(e instanceof AttributeError)) throw e;
      }
    }
    if (slots.$size > 0) state = PyTuple.of<unknown>(state, slots);
  }
  return state;
}

const objectGetstate = function (this: unknown, ...args: unknown[]): unknown {
  const self = selfOf('__getstate__', this, args);
  noArgs('object.__getstate__', args.length);
  return defaultState(self, false);
};
installObjectMethod('__getstate__', objectGetstate);

/** _PyObject_GetState: the type's `__getstate__`, or object's (which insists on a picklable layout when `required`). */
function stateOf(self: unknown, required: boolean): unknown {
  if (getClassAttr(typeOfValue(self), '__getstate__') !== objectGetstate) return callMethod(self, '__getstate__');
  return defaultState(self, required);
}

// ---------------------------------------------------------------------------
// __reduce__ and __reduce_ex__

const COPYREG = 'copyreg';

/** copyreg.__newobj__(cls, *args): `cls.__new__(cls, *args)`. */
const newobj = pyFunction('cls, *args', '__newobj__', COPYREG, (cls: unknown, args: PyTuple) => call(getattr(cls, '__new__'), [cls, ...args], null));

/** copyreg.__newobj_ex__(cls, args, kwargs): `cls.__new__(cls, *args, **kwargs)`. */
const newobjEx = pyFunction('cls, args, kwargs', '__newobj_ex__', COPYREG, (cls: unknown, args: unknown, kwargs: PyDict) => {
  const keywords: Record<string, unknown> = {};
  for (const k of kwargs) keywords[k as string] = kwargs.$get(k);
  return call(getattr(cls, '__new__'), [cls, ...(args as PyTuple)], keywords);
});

/** copyreg._reconstructor(cls, base, state): an instance of cls made by its nearest builtin base from state. */
const reconstructor = pyFunction('cls, base, state', '_reconstructor', COPYREG, (cls: unknown, base: unknown, state: unknown) => {
  if (base === object) return call(getClassAttr(object, '__new__'), [cls], null);
  const obj = call(getattr(base, '__new__'), [cls, state], null);
  if (getattr(base, '__init__') !== getClassAttr(object, '__init__')) call(getattr(base, '__init__'), [obj, state], null);
  return obj;
});

/** A class made by a `class` statement (CPython's heap types), rather than a builtin type or a runtime class standing for one. */
function isHeapType(cls: PyClass): boolean {
  const info = ownInfo(cls);
  return info !== undefined && !builtinClasses.has(cls) && info.prototypeMethods !== true;
}

/** copyreg._reduce_ex(self, proto) for protocols 0 and 1: rebuilt from its nearest builtin base's value and its state. */
function reduceOld(self: unknown): PyTuple {
  const cls = typeOfValue(self);
  const base = mroOf(cls).find((c) => !isHeapType(c)) ?? object;
  let baseState: unknown = null;
  if (base !== object) {
    if (base === cls) throw new TypeError(`cannot pickle '${String(cls.__name__)}' object`);
    baseState = call(base, [self], null);
  }
  const args = PyTuple.of<unknown>(cls, base, baseState);
  if (getClassAttr(cls, '__getstate__') === objectGetstate && slotNames(cls).length > 0) {
    throw new TypeError('a class that defines __slots__ without defining __getstate__ cannot be pickled');
  }
  const state = callMethod(self, '__getstate__');
  const empty = state === null || state === undefined || (state instanceof PyDict && state.$size === 0);
  return empty ? PyTuple.of<unknown>(reconstructor, args) : PyTuple.of<unknown>(reconstructor, args, state);
}

/** `(args, kwargs)` from `__getnewargs_ex__`, or `(args, None)` from `__getnewargs__`, or null when the type has neither. */
function newArguments(self: unknown, cls: PyClass): [PyTuple, PyDict | null] | null {
  if (classAttribute(cls, '__getnewargs_ex__') !== undefined) {
    const r = callMethod(self, '__getnewargs_ex__');
    if (!(r instanceof PyTuple)) throw new TypeError(`__getnewargs_ex__ should return a tuple, not '${typeName(r)}'`);
    if (r.length !== 2) throw new TypeError(`__getnewargs_ex__ should return a tuple of length 2, not ${r.length}`);
    const [args, kwargs] = r;
    if (!(args instanceof PyTuple)) throw new TypeError(`first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '${typeName(args)}'`);
    if (!(kwargs instanceof PyDict)) throw new TypeError(`second item of the tuple returned by __getnewargs_ex__ must be a dict, not '${typeName(kwargs)}'`);
    return [args, kwargs];
  }
  if (classAttribute(cls, '__getnewargs__') !== undefined) {
    const args = callMethod(self, '__getnewargs__');
    if (!(args instanceof PyTuple)) throw new TypeError(`__getnewargs__ should return a tuple, not '${typeName(args)}'`);
    return [args, null];
  }
  return null;
}

/** reduce_newobj, for protocols 2 and up: `(copyreg.__newobj__, (cls, *args), state, listitems, dictitems)`. */
function reduceNew(self: unknown): PyTuple {
  const cls = typeOfValue(self);
  const given = newArguments(self, cls);
  const list = Array.isArray(self) && !(self instanceof PyTuple);
  const dict = self instanceof PyDict;
  const state = stateOf(self, given === null && !list && !dict);
  const [args, kwargs] = given ?? [PyTuple.of<unknown>(), null];
  const listitems = list ? iter(self) : null;
  const dictitems = dict ? iter(dict_items(self)) : null;
  if (kwargs === null || kwargs.$size === 0) return PyTuple.of<unknown>(newobj, PyTuple.of<unknown>(cls, ...args), state, listitems, dictitems);
  return PyTuple.of<unknown>(newobjEx, PyTuple.of<unknown>(cls, args, kwargs), state, listitems, dictitems);
}

function commonReduce(self: unknown, protocol: number | bigint): PyTuple {
  return protocol >= 2 ? reduceNew(self) : reduceOld(self);
}

const objectReduce = function (this: unknown, ...args: unknown[]): unknown {
  const self = selfOf('__reduce__', this, args);
  noArgs('object.__reduce__', args.length);
  return commonReduce(self, 0);
};
installObjectMethod('__reduce__', objectReduce);

installObjectMethod('__reduce_ex__', function (this: unknown, ...args: unknown[]): unknown {
  const self = selfOf('__reduce_ex__', this, args);
  oneArg('object.__reduce_ex__', args.length);
  const protocol = pyIndex(args[0]);
  // A class's own `__reduce__` wins (copyreg's and pickle's rule).
  if (getClassAttr(typeOfValue(self), '__reduce__') !== objectReduce) return callMethod(self, '__reduce__');
  return commonReduce(self, protocol);
});

orderObjectDict();

// ---------------------------------------------------------------------------
// BaseException's own: rebuilt by calling its class with its args, its `__dict__` restored after.

function exceptionMethod(cls: typeof BaseException, name: string, method: (e: BaseException, args: unknown[]) => unknown): void {
  const owner = String((cls as unknown as PyClass).__name__);
  const fn = function (this: unknown, ...args: unknown[]): unknown {
    const self = this === undefined ? args.shift() : this;
    if (!(self instanceof cls)) {
      throw new TypeError(self === undefined
        ? `unbound method ${owner}.${name}() needs an argument`
        : `descriptor '${name}' for '${owner}' objects doesn't apply to a '${typeName(self)}' object`);
    }
    return method(self, args);
  };
  Object.defineProperty(fn, 'name', { value: name });
  defineHidden(fn, METHOD_OF, { type: owner, name });
  defineHidden(cls.prototype, name, fn);
  addClassAttributes(cls as unknown as PyClass, [[name, fn]]);
}

/** `(type(e), args)`, with the `__dict__` when it holds anything. */
function reduceException(e: BaseException, args: unknown): PyTuple {
  const d = instanceDict(e) as PyDict;
  const cls = typeOfValue(e);
  return d.$size > 0 ? PyTuple.of<unknown>(cls, args, d) : PyTuple.of<unknown>(cls, args);
}

exceptionMethod(BaseException, '__reduce__', (e, args) => {
  noArgs('BaseException.__reduce__', args.length);
  return reduceException(e, e.args);
});

// OSError's: the file names join the two arguments they were given after (`OSError(2, 'gone', 'f.txt')` has args (2, 'gone')).
exceptionMethod(OSError, '__reduce__', (e, args) => {
  noArgs('OSError.__reduce__', args.length);
  const fields = e as unknown as { filename?: unknown; filename2?: unknown };
  const filename = fields.filename ?? null;
  const filename2 = fields.filename2 ?? null;
  if (e.args.length !== 2 || filename === null) return reduceException(e, e.args);
  return reduceException(e, PyTuple.of<unknown>(...e.args, filename, ...(filename2 !== null ? [null, filename2] : [])));
});

exceptionMethod(BaseException, '__setstate__', (e, args) => {
  oneArg('BaseException.__setstate__', args.length);
  const state = args[0];
  if (state === null || state === undefined) return null;
  if (!(state instanceof PyDict)) throw new TypeError('state is not a dictionary');
  for (const k of state) setattr(e, k as string, state.$get(k));
  return null;
});

