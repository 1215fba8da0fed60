/**
 * Types as Python sees them: `type(x)`, `isinstance`, `issubclass`,
 * `callable`, `vars`, `dir`, and the builtin types (`int`, `list`…) made
 * classes — with `__name__`, an MRO, and methods a subclass inherits.
 */
import { BASE_VALUE, PyBoxed, PyBytes, PyBytesBox, PyComplex, PyComplexBox, PyFloat, PyFloatBox, PyIntBox, PyStrBox, PyTuple, isFloat, isInt, isIntNumber, typeName, unbox } from './values.js';
import { tupleContains, tupleFromIterable } from './tuple.js';
import { repr as reprOf, reprHooks } from './repr.js';
import { TypeError } from './exceptions.js';
import {
  bool, bytearray, bytes, complex, dict, enumerate, filter, float, format, frozenset, hash, int, len, list, map, memoryview, reversed, set, str, tuple, zip,
} from './functions.js';
import { Enumerate, Filter, PyMap, Zip } from './iterators.js';
import { SequenceReverseIterator } from './reversed.js';
import { registerIteratorTypes } from './iteratorTypes.js';
import { add, eq, ge, gt, iadd, imul, in_, le, lt, mod, mul, ne } from './operators.js';
import { dictOwnItemMethods, getitem, listOwnDelItem, listOwnGetItem, listOwnSetItem, setitem, tupleOwnGetItem } from './items.js';
import { iter, iterate } from './iteration.js';
import { truthy } from './truth.js';
import { callSpecial, hasSpecial, invokeMethod } from './special.js';
import { BYTEARRAY_DUNDERS, BYTEARRAY_METHOD_NAMES, PyByteArray, byteArrayFromHex } from './bytearray.js';
import { MEMORYVIEW_METHODS, PyMemoryView, setEllipsis } from './memoryview/view.js';
import { PyDict } from './dict.js';
import { PyAnySet, PyFrozenSet, PySet } from './set.js';
import { builtinEq, builtinOrder, pyHash, type CompareOp } from './equality.js';
import { PyRange, range } from './range.js';
import { PySlice, slice } from './items.js';
import { TABLES } from './attributes.js';
import { BOUND, BOUND_BUILTIN, METHOD_OF, call, isPyFunction, type PyCallable } from './calls.js';
import { containerSize, isSlotMethod } from './dunders.js';
import { ListIterator, TupleIterator } from './sequenceIterators.js';
import {
  PyClassMethod, PyProperty, PyStaticMethod, PySuper, classmethod, dictHooks, dropInstanceAttr, getClassAttr, writeInstanceAttr, property, staticmethod, instanceDict, isClassLike, isinstance as isInstanceOf,
  issubclass as isSubclassOf, mroOf, object, onClassChain, pyClassOf, registerBuiltinClass, setTypeClass, type PyClass,
} from './classes.js';
import { INFO, OBJECT_PROTO, builtinClasses, classAttribute, hooks as classHooks, infoOf, isPyClass, ownInfo, ownPrototypes } from './classes/model.js';
import { superHooks } from './classes/superObjects.js';
import { builtinInstanceTests, classFromNamespace, markFinalType } from './classes/creation.js';
import { constructInstance } from './classes/construction.js';
import { calculateMetaclass, namespaceHooks } from './classes/metaclasses.js';
import { installMethodDescriptor, typeSetattr } from './classes/classAttributes.js';
import { listContains, list_clear, list_extend } from './list.js';
import { dictContains, dictDelItem, dictGetItem, dictOr, dictSetItem, dict_fromkeys, dict_items, dict_update, reprDict } from './dict.js';
import { COMPLEX_ATTRIBUTES, FLOAT_ATTRIBUTES, FLOAT_CLASS_METHODS, INT_ATTRIBUTES, INT_CLASS_METHODS } from './numbers/methods.js';
import { str_maketrans, strHooks } from './str.js';
import { reprSet, setAnd, setContains, setOr, setSub, setXor, set_clear, set_update } from './set.js';
import { NotImplemented, NotImplementedType } from './notImplemented.js';
import { pyIndex } from './numbers/index.js';
import { bytesCompare, bytesFromHex } from './bytes.js';
import { bytesMaketrans } from './bytes/methods.js';
import { isModule, moduleClass, moduleDir } from '../modules/support/namespaces.js';
import { attributeHooks } from './attributes.js';
import { dunderHooks, isInstance } from './dunders.js';
import { attrName } from './attributeKeys.js';
import { argTypeName, badArgument, checkPositional, noArgs, oneArg } from './arity.js';
import { installObjectMethod, orderObjectDict } from './classes/objectType.js';
import { installBuiltinDescriptors } from './builtinDescriptors.js';
import './objectMethods.js';

type Method = (self: never, ...args: never[]) => unknown;

/** `list(x=1)`, `set.__init__(s, x=1)`: keywords come last as a plain object, which no Python value is. */
/** The positional arguments of an `__init__(self, first, *rest)` whose keywords may trail as a plain object. */
function positionalCount(first: unknown, rest: unknown[]): number {
  const last = rest[rest.length - 1];
  const keywords = last !== null && typeof last === 'object' && Object.getPrototypeOf(last) === Object.prototype;
  return (first === undefined ? 0 : 1) + rest.length - (keywords ? 1 : 0);
}

function noKeywords(name: string, last: unknown): void {
  if (last !== null && typeof last === 'object' && Object.getPrototypeOf(last) === Object.prototype && Object.keys(last).length > 0) {
    throw new TypeError(`${name}() takes no keyword arguments`);
  }
}

/** The class `__new__` is asked to make an instance of, as CPython's tp_new checks it. */
function subtypeFor(name: string, base: Function, cls: unknown): PyClass {
  if (!isClassLike(cls)) throw new TypeError(`${name}.__new__(X): X is not a type object (${typeName(cls)})`);
  if (!isSubclassOf(cls as PyClass, base as unknown as PyClass)) throw new TypeError(`${name}.__new__(${(cls as PyClass).__name__}): ${(cls as PyClass).__name__} is not a subtype of ${name}`);
  return cls as PyClass;
}

/**
 * `tuple.__new__(cls, iterable=())`: immutable, so a subclass's instance
 * gets its items here (an array on the subclass's prototype), not in __init__.
 */
function tuple_new(cls: unknown, iterable?: unknown, ...rest: unknown[]): PyTuple {
  noKeywords('tuple', rest.length > 0 ? rest[rest.length - 1] : iterable);
  const sub = subtypeFor('tuple', tuple, cls);
  const items = tupleFromIterable(isKeywordArg(iterable) ? undefined : iterable);
  if (sub === (tuple as unknown as PyClass)) return items;
  const t = Reflect.construct(PyTuple, [], sub) as PyTuple;
  for (let i = 0; i < items.length; i++) t[i] = items[i];
  return t;
}

/** `frozenset.__new__(cls, iterable=())`, as tuple's. */
function frozenset_new(cls: unknown, iterable?: unknown, ...rest: unknown[]): PyFrozenSet {
  noKeywords('frozenset', rest.length > 0 ? rest[rest.length - 1] : iterable);
  const sub = subtypeFor('frozenset', frozenset, cls);
  const items = isKeywordArg(iterable) ? undefined : iterable;
  if (sub === (frozenset as unknown as PyClass)) return frozenset(items);
  return Reflect.construct(PyFrozenSet, items === undefined ? [] : [items], sub) as PyFrozenSet;
}

/**
 * `int.__new__(cls, …)` and float's, str's, bytes': the base value made by
 * the type itself from the call's arguments; a subclass's instance is a
 * box holding it (values.ts, PyBoxed), on the subclass's prototype.
 */
function valueNew(name: string, base: Function): (cls: unknown, ...args: unknown[]) => unknown {
  return (cls: unknown, ...args: unknown[]): unknown => {
    const sub = subtypeFor(name, base, cls);
    const last = args[args.length - 1];
    const value = isKeywordArg(last)
      ? call(base, args.slice(0, -1), last as Record<string, unknown>)
      : (base as (...a: unknown[]) => unknown)(...args);
    if (sub === (base as unknown as PyClass)) return value;
    const box = Object.create(sub.prototype) as PyBoxed;
    box[BASE_VALUE] = value;
    return box;
  };
}

// A box's prototype chain ends at object's, as every Python instance's does.
Object.setPrototypeOf(PyBoxed.prototype, OBJECT_PROTO);

/** What int, float, str and bytes give their subclasses beyond their method tables. */
function finishValueTypes(): void {
  alternateConstructor(int as unknown as PyClass, 'from_bytes', INT_CLASS_METHODS['from_bytes']!);
  alternateConstructor(float as unknown as PyClass, 'fromhex', FLOAT_CLASS_METHODS['fromhex']!);
  alternateConstructor(bytes as unknown as PyClass, 'fromhex', bytesFromHex as (...args: never[]) => unknown);

  // int's, float's and complex's data attributes (`real`, `numerator`…) for a subclass's instance: read from its value.
  for (const [numberType, attributes] of [[int, INT_ATTRIBUTES], [float, FLOAT_ATTRIBUTES], [complex, COMPLEX_ATTRIBUTES]] as const) {
    for (const [name, read] of Object.entries(attributes)) {
      Object.defineProperty((numberType as unknown as PyClass).prototype, name, {
        get(this: unknown): unknown {
          return (read as (self: unknown) => unknown)(unbox(this));
        },
        configurable: true,
        enumerable: false,
      });
    }
  }

  // int and float have no __str__ of their own (CPython's is object's, which calls repr): a mixin's
  // __str__ after them in an MRO wins (`class N(int, Mixin)`), and object's serves the rest.
  for (const numberType of [int, float]) {
    delete ((numberType as unknown as PyClass).prototype as Record<string, unknown>)['__str__'];
    infoOf(numberType as unknown as PyClass).dict.delete('__str__');
  }
}

/**
 * `int.from_bytes`, `float.fromhex`, `bytes.fromhex` are classmethods: on
 * a subclass they give `cls(value)`, as CPython's do.
 */
function alternateConstructor(cls: PyClass, name: string, make: (...args: never[]) => unknown): void {
  const finish = (target: unknown, value: unknown): unknown => (target === cls ? value : call(target, [value], null));
  const method = function (target: unknown, ...args: unknown[]): unknown {
    return finish(target, (make as (...a: unknown[]) => unknown)(...args));
  } as unknown as PyCallable;
  Object.defineProperty(method, 'name', { value: name });
  // Its `__qualname__` (`int.from_bytes`), read through the bound method.
  Object.defineProperty(method, METHOD_OF, { value: { type: cls.__name__, name } });
  method.$kw = (args: unknown[], kwargs: Record<string, unknown>): unknown => finish(args[0], call(make, args.slice(1), kwargs));
  const descriptor = new PyClassMethod(method);
  installMethodDescriptor(cls.prototype, name, descriptor);
  infoOf(cls).dict.set(name, descriptor);
}

function isKeywordArg(v: unknown): boolean {
  return v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;
}

/** A type object for values the runtime represents without a class of their own (None, functions…), with its own methods. */
function namedType(name: string, single?: null, methods: Record<string, Method> = {}): PyClass {
  // NoneType() gives its one instance, None, as CPython's does; the others make none.
  const fn = single === null
    ? function (...args: unknown[]): null {
      if (args.length > 0) throw new TypeError(`${name} takes no arguments`);
      return null;
    }
    : function (): never {
      throw new TypeError(`cannot create '${name}' instances`);
    };
  registerBuiltinClass(fn, name, null, null, methods);
  return fn as unknown as PyClass;
}

/** The `__repr__` of the function types (`f.__repr__()`), which object's would not give. */
const FUNCTION_METHODS: Record<string, Method> = { __repr__: ((f: unknown) => reprOf(f)) as Method };

export const NoneType = namedType('NoneType', null, { __repr__: (() => 'None') as Method, __bool__: (() => false) as Method });
export const functionType = namedType('function', undefined, FUNCTION_METHODS);
export const methodType = namedType('method', undefined, FUNCTION_METHODS);
export const builtinFunctionType = namedType('builtin_function_or_method', undefined, FUNCTION_METHODS);
/** A builtin type's special method bound to an object (`(1).__add__`), and the types' own methods unbound (`list.append`, `list.__len__`). */
export const methodWrapperType = namedType('method-wrapper');
export const methodDescriptorType = namedType('method_descriptor');
export const wrapperDescriptorType = namedType('wrapper_descriptor');

/**
 * ABCMeta's `__instancecheck__`/`__subclasscheck__` for the runtime's ABCs
 * (collections.abc): a class owning this symbol decides membership itself.
 */
export const ABC_CHECKS = Symbol.for('pyasync.abcChecks');

export interface AbcChecks {
  instance(x: unknown): boolean;
  subclass(cls: unknown): boolean;
}

function abcChecksOf(c: unknown): AbcChecks | undefined {
  return typeof c === 'function' && Object.hasOwn(c, ABC_CHECKS) ? (c as unknown as Record<symbol, AbcChecks>)[ABC_CHECKS] : undefined;
}
export const ModuleType = namedType('module');
moduleClass.type = ModuleType;

/** The type of `...`. */
export class ellipsis {
  static readonly __name__ = 'ellipsis';
  static readonly __module__ = 'builtins';
  __repr__(): string {
    return 'Ellipsis';
  }
}

export const Ellipsis = /*#__PURE__*/ Object.freeze(new ellipsis());
setEllipsis(Ellipsis);

addDunders();
type Static = (...args: never[]) => unknown;
registerBuiltinClass(int, 'int', null, { ctor: PyIntBox, args: false }, TABLES.int, {
  __new__: valueNew('int', int) as Static,
});
registerBuiltinClass(bool, 'bool', int as unknown as PyClass, null, TABLES.bool);
classHooks.eq = (a, b) => invokeMethod(getClassAttr(type(a) as PyClass, '__eq__'), a, [b]);
classHooks.hash = pyHash;
classHooks.not = (v) => !truthy(v);
registerBuiltinClass(float, 'float', null, { ctor: PyFloatBox, args: false }, TABLES.float, {
  __new__: valueNew('float', float) as Static,
});
registerBuiltinClass(str, 'str', null, { ctor: PyStrBox, args: false }, TABLES.str, {
  maketrans: str_maketrans as Static, __new__: valueNew('str', str) as Static,
});
registerBuiltinClass(list, 'list', null, { ctor: Array, args: false }, {
  ...TABLES.list,
  __init__: ((self: unknown[], iterable?: unknown, ...rest: unknown[]) => {
    noKeywords('list', rest.length > 0 ? rest[rest.length - 1] : iterable);
    if (rest.length > 0) checkPositional('list', positionalCount(iterable, rest), 0, 1);
    list_clear(self);
    if (iterable !== undefined) list_extend(self, iterable);
    return null;
  }) as Method,
});
registerBuiltinClass(tuple, 'tuple', null, { ctor: PyTuple as unknown as new () => object, args: false }, TABLES.tuple, {
  __new__: tuple_new as (...args: never[]) => unknown,
});
registerBuiltinClass(dict, 'dict', null, { ctor: PyDict as unknown as new () => object, args: false }, {
  ...TABLES.dict,
  __init__: ((self: PyDict, ...args: unknown[]) => {
    const last = args[args.length - 1];
    const keywords = last !== null && typeof last === 'object' && Object.getPrototypeOf(last) === Object.prototype;
    const positional = keywords ? args.slice(0, -1) : args;
    if (positional.length > 1) checkPositional('dict', positional.length, 0, 1);
    return dict_update(self, positional[0], keywords ? (last as Record<string, unknown>) : undefined);
  }) as Method,
}, { fromkeys: dict_fromkeys as (...args: never[]) => unknown });
dictOwnItemMethods.getitem = (dict as unknown as PyClass).prototype.__getitem__;
dictOwnItemMethods.setitem = (dict as unknown as PyClass).prototype.__setitem__;
registerBuiltinClass(set, 'set', null, { ctor: PySet as unknown as new () => object, args: false }, {
  ...TABLES.set,
  __init__: ((self: PySet, iterable?: unknown, ...rest: unknown[]) => {
    noKeywords('set', rest.length > 0 ? rest[rest.length - 1] : iterable);
    if (rest.length > 0) checkPositional('set', positionalCount(iterable, rest), 0, 1);
    set_clear(self);
    if (iterable !== undefined) set_update(self, iterable);
    return null;
  }) as Method,
});
registerBuiltinClass(frozenset, 'frozenset', null, { ctor: PyFrozenSet as unknown as new () => object, args: false }, TABLES.frozenset, {
  __new__: frozenset_new as (...args: never[]) => unknown,
});
// Their constructors take no keywords (the call layer would pass them as a trailing plain object).
for (const [fn, name] of [[list, 'list'], [tuple, 'tuple'], [set, 'set'], [frozenset, 'frozenset']] as const) {
  (fn as unknown as PyCallable).$kw = (args: unknown[], kwargs: Record<string, unknown>): unknown => {
    noKeywords(name, kwargs);
    return (fn as (...a: unknown[]) => unknown)(...args);
  };
}
registerBuiltinClass(bytes, 'bytes', null, { ctor: PyBytesBox, args: false }, TABLES.bytes, {
  maketrans: bytesMaketrans as Static, __new__: valueNew('bytes', bytes) as Static,
});
registerBuiltinClass(complex, 'complex', null, { ctor: PyComplexBox, args: false }, TABLES.complex, {
  __new__: valueNew('complex', complex) as Static,
});
finishValueTypes();
// bytearray's methods, read from the type (`bytearray.upper(b)`), run the instance's.
// A subclass's instance is a PyByteArray made empty, which bytearray's __init__ fills (as CPython's).
registerBuiltinClass(bytearray, 'bytearray', null, { ctor: PyByteArray as unknown as new () => object, args: false }, {
  ...instanceMethods(PyByteArray.prototype, BYTEARRAY_METHOD_NAMES),
  ...(BYTEARRAY_DUNDERS as unknown as Record<string, Method>),
  __init__: ((self: PyByteArray, ...args: unknown[]) => PyByteArray.prototype.$init.call(self, args)) as Method,
}, {
  maketrans: bytesMaketrans as Static,
});
// A classmethod, as bytes': `B.fromhex(s)` makes a B.
alternateConstructor(bytearray as unknown as PyClass, 'fromhex', byteArrayFromHex as (...args: never[]) => unknown);
registerBuiltinClass(memoryview, 'memoryview', null, null, MEMORYVIEW_METHODS);
/** Methods of a runtime class, read from its type (`range.count(r, 1)`): they run the instance's. */
function instanceMethods(proto: object, names: readonly string[]): Record<string, Method> {
  return Object.fromEntries(names.map((name) => [
    name, ((self: unknown, ...args: unknown[]) => (proto as Record<string, (...a: unknown[]) => unknown>)[name]!.apply(self, args)) as Method,
  ]));
}
registerBuiltinClass(range, 'range', null, null, instanceMethods(PyRange.prototype, ['count', 'index']));
// Types CPython's classes cannot derive from.
for (const final of [bool, memoryview, range, slice, NoneType, functionType, methodType, builtinFunctionType, ellipsis, NotImplementedType]) {
  markFinalType(final as unknown as Function);
}
// The iterators' types (`<class 'map'>`, `isinstance(it, zip)`, `<class 'list_iterator'>`).
registerIteratorTypes({ zip, map, filter, enumerate, reversed });
registerBuiltinClass(slice, 'slice', null, null, instanceMethods(PySlice.prototype, ['indices']));
registerBuiltinClass(property, 'property', null, null, {
  getter: ((self: PyProperty, f: unknown) => self.getter(f)) as Method,
  setter: ((self: PyProperty, f: unknown) => self.setter(f)) as Method,
  deleter: ((self: PyProperty, f: unknown) => self.deleter(f)) as Method,
});
registerBuiltinClass(staticmethod, 'staticmethod', null, null, {});
registerBuiltinClass(classmethod, 'classmethod', null, null, {});

/**
 * A container type's own rich comparisons, on the values whatever the
 * operands' classes define (CPython's list_richcompare, set_richcompare…):
 * NotImplemented for an operand of another kind; `ordered` false for dict,
 * which has no order.
 */
function ownComparisons(kind: (v: unknown) => boolean, ordered = true): Record<string, (a: unknown, b: unknown) => unknown> {
  const order = (op: CompareOp) => (a: unknown, b: unknown): unknown => (ordered && kind(b) ? builtinOrder(op, a, b) : NotImplemented);
  return {
    __eq__: (a, b) => (kind(b) ? builtinEq(a, b) : NotImplemented),
    __ne__: (a, b) => (kind(b) ? !builtinEq(a, b) : NotImplemented),
    __lt__: order('<'), __le__: order('<='), __gt__: order('>'), __ge__: order('>='),
  };
}

/**
 * A builtin type's own `__len__` and `__iter__`, as a subclass's `super().__len__()` reaches them: the stored
 * value's length and items, never the subclass's overriding method again (len() and iter() would call it).
 */
function ownLen(v: unknown): unknown {
  const n = typeof v === 'object' && v !== null ? containerSize(v) : undefined;
  if (n !== undefined) return n;
  return len(v instanceof PyBoxed ? unbox(v) : v);
}

function ownIter(v: unknown): unknown {
  if (Array.isArray(v)) return v instanceof PyTuple ? new TupleIterator(v) : new ListIterator(v);
  if (v instanceof PyBoxed) return iter(unbox(v));
  if (v instanceof PyDict || v instanceof PyAnySet) return (v as Iterable<unknown>)[Symbol.iterator]();
  return iter(v);
}

/** bytes' own comparisons (a subclass's box holds the bytes): the values' order, never the subclass's methods again. */
function bytesComparisons(kind: (v: unknown) => boolean): Record<string, (a: unknown, b: unknown) => unknown> {
  const valueOf = (v: unknown): PyBytes => (v instanceof PyBytes ? v : (v as PyBoxed)[BASE_VALUE] as PyBytes);
  const test = (holds: (c: number) => boolean) => (a: unknown, b: unknown): unknown => (kind(b) ? holds(bytesCompare(valueOf(a), valueOf(b))) : NotImplemented);
  return {
    __eq__: test((c) => c === 0), __ne__: test((c) => c !== 0),
    __lt__: test((c) => c < 0), __le__: test((c) => c <= 0), __gt__: test((c) => c > 0), __ge__: test((c) => c >= 0),
  };
}

/**
 * The special methods of the builtin containers and str (`d.__setitem__(k, v)`,
 * `'__len__' in dir([])`): the operators they stand for. Added to the method
 * tables where the type has no entry of its own.
 */
function addDunders(): void {
  const compare = { __eq__: eq, __ne__: ne, __lt__: lt, __le__: le, __gt__: gt, __ge__: ge };
  // Called as methods, the rich comparisons answer NotImplemented for an operand of another type, as CPython's slots do.
  type Compare = (a: unknown, b: unknown) => unknown;
  // A sequence's repeat takes its count as an index, whatever it is (sq_repeat): `[1].__mul__('x')` cannot be interpreted as an integer.
  const repeat = (a: unknown, n: unknown): unknown => mul(a, pyIndex(n));
  // A set's operators take sets alone (`{1} | [2]` is refused): other operands get NotImplemented. The set's own
  // operation, not the operator: a subclass's `super().__or__(o)` must not dispatch back to the subclass.
  const setOperators: Record<string, Compare> = {};
  for (const [name, op] of [['__or__', setOr], ['__and__', setAnd], ['__sub__', setSub], ['__xor__', setXor]] as const) {
    setOperators[name] = (a, b) => (b instanceof PyAnySet ? op(a as PyAnySet, b) : NotImplemented);
  }
  const isList = (v: unknown): boolean => Array.isArray(v) && !(v instanceof PyTuple);
  const isBytes = (v: unknown): boolean => v instanceof PyBytes || (v instanceof PyBoxed && v[BASE_VALUE] instanceof PyBytes);
  const common = {
    ...compare, __len__: ownLen, __iter__: ownIter,
    __contains__: (self: unknown, x: unknown) => in_(x, self),
  };
  const sequence = { ...common, __getitem__: getitem, __add__: add, __mul__: repeat, __rmul__: repeat, __hash__: hash };
  const extra: Record<string, Record<string, (...args: never[]) => unknown>> = {
    str: {
      ...sequence, __mod__: mod,
      __format__: (s: unknown, spec: unknown) => {
        if (typeof spec !== 'string') throw badArgument('__format__', 'argument', 'str', spec);
        return format(s, spec);
      },
    },
    // Their own item methods: a subclass's `super().__getitem__(i)` must not dispatch back to the subclass.
    // Their own reprs: a subclass's `super().__repr__()` formats the items, not the subclass's __repr__ again.
    // Their own __contains__ too: a subclass's `super().__contains__(x)` must not dispatch back to the subclass.
    // Their own comparisons: `super().__eq__(o)`, `set.__le__(self, o)` compare the values.
    tuple: {
      ...sequence, ...ownComparisons((v) => v instanceof PyTuple), __getitem__: tupleOwnGetItem, __contains__: tupleContains,
      __repr__: (t: PyTuple) => reprHooks.tuple!(t),
    },
    list: {
      ...sequence, ...ownComparisons(isList), __repr__: (l: unknown[]) => reprHooks.list!(l), __contains__: listContains, __getitem__: listOwnGetItem,
      __setitem__: listOwnSetItem, __delitem__: listOwnDelItem, __iadd__: iadd, __imul__: (l: unknown, n: unknown) => imul(l, pyIndex(n)),
      __reversed__: (l: unknown) => reversed(l),
      __hash__: undefined!,
    },
    dict: {
      // dict's own item methods (a subclass's `super().__setitem__` must not dispatch back to the subclass).
      ...common, ...ownComparisons((v) => v instanceof PyDict, false), __contains__: dictContains, __getitem__: dictGetItem, __setitem__: (d: PyDict, k: unknown, v: unknown) => (dictSetItem(d, k, v), null),
      __delitem__: (d: PyDict, k: unknown) => (dictDelItem(d, k), null),
      __or__: (a: PyDict, b: unknown) => (b instanceof PyDict ? dictOr(a, b) : NotImplemented),
      __reversed__: (d: unknown) => reversed(d), __repr__: (d: PyDict) => reprDict(d),
      fromkeys: (_self: unknown, ...args: unknown[]) => (dict_fromkeys as (...a: unknown[]) => PyDict)(...args),
    },
    set: { ...common, ...ownComparisons((v) => v instanceof PyAnySet), ...setOperators, __contains__: setContains, __repr__: (s: PySet) => reprSet(s) },
    frozenset: { ...common, ...ownComparisons((v) => v instanceof PyAnySet), ...setOperators, __contains__: setContains, __hash__: hash, __repr__: (s: PyFrozenSet) => reprSet(s) },
    bytes: { ...sequence, ...bytesComparisons(isBytes), __repr__: (b: PyBytes) => reprHooks.bytes!(b), __str__: (b: PyBytes) => reprHooks.bytes!(b) },
  };
  for (const [kind, dunders] of Object.entries(extra)) {
    const table = TABLES[kind as keyof typeof TABLES] as Record<string, unknown>;
    for (const [name, fn] of Object.entries(dunders)) if (fn !== undefined && table[name] === undefined) table[name] = fn;
  }
  // str's own __getitem__ takes ints only; CPython's takes slices too (`s.__getitem__(slice(1, None))`, a subclass's `s[1:]`).
  (TABLES.str as Record<string, unknown>)['__getitem__'] = getitem;
}

/** The builtin types and which values belong to them (subclass instances included). */
const TYPE_TESTS = new Map<unknown, (v: unknown) => boolean>([
  [int, (v) => isInt(v) || typeof v === 'boolean'],
  [float, (v) => isFloat(v)],
  [bool, (v) => typeof v === 'boolean'],
  [str, (v) => typeof v === 'string'],
  [list, (v) => Array.isArray(v) && !(v instanceof PyTuple)],
  [tuple, (v) => v instanceof PyTuple],
  [dict, (v) => v instanceof PyDict],
  [set, (v) => v instanceof PySet],
  [frozenset, (v) => v instanceof PyFrozenSet],
  [range, (v) => v instanceof PyRange],
  [map, (v) => v instanceof PyMap],
  [filter, (v) => v instanceof Filter],
  [zip, (v) => v instanceof Zip],
  [enumerate, (v) => v instanceof Enumerate],
  [reversed, (v) => v instanceof SequenceReverseIterator],
  [slice, (v) => v instanceof PySlice],
  [NoneType, (v) => v === null || v === undefined],
  [bytes, (v) => v instanceof PyBytes],
  [bytearray, (v) => v instanceof PyByteArray],
  [memoryview, (v) => v instanceof PyMemoryView],
  [complex, (v) => v instanceof PyComplex],
  [type, (v) => isClassLike(v)],
  [functionType, (v) => isPyFunction(v)],
  [methodType, (v) => typeof v === 'function' && (v as PyCallable)[BOUND] !== undefined],
  [builtinFunctionType, (v) => typeof v === 'function' && type(v) === builtinFunctionType],
  [methodWrapperType, (v) => typeof v === 'function' && type(v) === methodWrapperType],
  [methodDescriptorType, (v) => typeof v === 'function' && type(v) === methodDescriptorType],
  [wrapperDescriptorType, (v) => typeof v === 'function' && type(v) === wrapperDescriptorType],
  [ModuleType, (v) => isModule(v)],
  [property, (v) => v instanceof PyProperty],
  [staticmethod, (v) => v instanceof PyStaticMethod],
  [classmethod, (v) => v instanceof PyClassMethod],
]);

for (const [cls, test] of TYPE_TESTS) if (typeof cls === 'function') builtinInstanceTests.set(cls, test);

/** type(x): the builtin type of a builtin value, else its class. */
export function type(x: unknown, ...rest: unknown[]): unknown {
  if (rest.length > 0) {
    if (rest.length !== 2) throw new TypeError('type() takes 1 or 3 arguments');
    return newType(x, rest[0], rest[1]);
  }
  switch (typeof x) {
    case 'boolean':
      return bool;
    case 'number':
      return isIntNumber(x) ? int : float;
    case 'bigint':
      return int;
    case 'string':
      return str;
    case 'undefined':
      if (arguments.length === 0) throw new TypeError('type() takes 1 or 3 arguments');
      return NoneType;
    case 'function': {
      const own = pyClassOf(x);
      if (own !== undefined) return own;
      if (isClassLike(x)) return type;
      const bound = (x as PyCallable)[BOUND];
      // A class method of a builtin type (`int.from_bytes`) is a built-in method, bound to the type.
      if (bound !== undefined) return isPyFunction(bound.func) || !isClassLike(bound.self) ? methodType : builtinFunctionType;
      if (isPyFunction(x)) return functionType;
      const builtin = (x as PyCallable)[BOUND_BUILTIN];
      if (builtin !== undefined) return isSlotMethod(builtin.type ?? typeName(builtin.self), builtin.name) ? methodWrapperType : builtinFunctionType;
      const of = (x as PyCallable)[METHOD_OF];
      if (of !== undefined) return isSlotMethod(of.type, of.name) ? wrapperDescriptorType : methodDescriptorType;
      return builtinFunctionType;
    }
  }
  if (x === null) return NoneType;
  const own = pyClassOf(x);
  if (own !== undefined) return own;
  if (x instanceof PyFloat) return float;
  if (x instanceof PyTuple) return tuple;
  if (Array.isArray(x)) return list;
  if (x instanceof PyDict) return dict;
  if (x instanceof PyFrozenSet) return frozenset;
  if (x instanceof PySet) return set;
  if (x instanceof PyRange) return range;
  if (x instanceof PySlice) return slice;
  if (x instanceof PyBytes) return bytes;
  if (x instanceof PyByteArray) return bytearray;
  if (x instanceof PyMemoryView) return memoryview;
  if (x instanceof PyComplex) return complex;
  if (x instanceof PyProperty) return property;
  if (x instanceof PyStaticMethod) return staticmethod;
  if (x instanceof PyClassMethod) return classmethod;
  if (x instanceof PySuper) return PySuper;
  if (x instanceof NotImplementedType) return NotImplementedType;
  if (isModule(x)) return ModuleType;
  return (x as object).constructor;
}

attributeHooks.typeOf = type;
dunderHooks.typeOf = type;
// `'{0[k]}'.format(x)`, `'%(k)s' % x` and `format_map(x)` subscript x as `x[k]` does: a subclass's
// __getitem__ and __missing__, a user mapping's __getitem__.
strHooks.getitem = getitem;
// `%` takes an instance of a class with __getitem__ as its mapping (not a tuple's or a str's), as CPython's PyMapping_Check.
strHooks.isMapping = (obj) =>
  isInstance(obj) && !(obj instanceof PyTuple) && !(obj instanceof PyStrBox) && typeof (Object.getPrototypeOf(obj) as Record<string, unknown>)['__getitem__'] === 'function';
/**
 * An object's `__dict__`: a dict of its attributes that writes through to
 * the object (`obj.__dict__[k] = v`, `vars(obj).update(…)`). Reads see the
 * attributes as they were when `__dict__` was taken.
 */
class AttributeDict extends PyDict {
  constructor(private readonly owner: object | null, entries: Iterable<readonly [unknown, unknown]>) {
    super(entries);
  }

  override $set(k: unknown, v: unknown): this {
    super.$set(k, v);
    if (this.owner && typeof k === 'string') writeInstanceAttr(this.owner, k, v);
    return this;
  }

  override $take(k: unknown): unknown {
    const v = super.$take(k);
    if (this.owner && typeof k === 'string') dropInstanceAttr(this.owner, k);
    return v;
  }

  override $clear(): void {
    if (this.owner) for (const k of this) if (typeof k === 'string') dropInstanceAttr(this.owner, k);
    super.$clear();
  }
}

dictHooks.make = (entries, owner = null) => new AttributeDict(owner, entries);

function classInfoTuple(name: string, cls: unknown): unknown[] {
  if (cls instanceof PyTuple) return cls;
  if (!isClassLike(cls)) {
    const [one, many] = name === 'issubclass' ? ['class', 'classes'] : ['type', 'types'];
    throw new TypeError(`${name}() arg 2 must be a ${one}, a tuple of ${many}, or a union`);
  }
  return [cls];
}

/**
 * Whether `cls` is an instance (not a class) whose class defines `name`
 * (`__instancecheck__`/`__subclasscheck__`: typing's `Stack[int]` refuses
 * checks with one), as CPython asks type(cls) whatever cls is. A class's
 * own checks come from its metaclass (metaclassCheck below).
 */
function checkedByInstance(cls: unknown, name: string): boolean {
  return !isClassLike(cls) && hasSpecial(cls, name);
}

export function isinstance(x: unknown, cls: unknown): boolean {
  if (arguments.length !== 2) checkPositional('isinstance', arguments.length, 2, 2);
  // The usual case, an instance of cls or of a subclass: no tuple to make, no type's test to look up. An ABC decides itself.
  if (onClassChain(x, cls) && abcChecksOf(cls) === undefined && (cls as PyClass)[INFO]!.meta === undefined) return true;
  if (checkedByInstance(cls, '__instancecheck__')) return truthy(callSpecial(cls, '__instancecheck__', x));
  for (const c of classInfoTuple('isinstance', cls)) {
    if (c instanceof PyTuple) {
      if (isinstance(x, c)) return true;
      continue;
    }
    if (c === object) return true;
    // A member that is no class but answers for itself (a union, a GenericAlias refusing).
    if (checkedByInstance(c, '__instancecheck__')) {
      if (truthy(callSpecial(c, '__instancecheck__', x))) return true;
      continue;
    }
    const check = metaclassCheck(c, '__instancecheck__');
    if (check !== undefined) {
      // CPython asks only when x's type is not c itself.
      if (type(x) === c || truthy(call(check, [x], null))) return true;
      continue;
    }
    const abc = abcChecksOf(c);
    if (abc !== undefined) {
      if (abc.instance(x)) return true;
      continue;
    }
    // The builtin types' tests, and those of types registered elsewhere (the iterators').
    const test = builtinInstanceTests.get(c as Function);
    if (test !== undefined) {
      if (test(x)) return true;
      // A subclass of a builtin type: its instances are the builtin's representation and have its class too.
      const own = pyClassOf(x);
      if (own !== undefined && mroOf(own).includes(c as PyClass)) return true;
      continue;
    }
    if (isClassLike(c) && isInstanceOf(x, c as PyClass)) return true;
  }
  // CPython also asks obj.__class__ when that is not type(obj): a mock with a spec claims its spec's class.
  const own = pyClassOf(x);
  if (own !== undefined) {
    const claimed = (x as Record<string, unknown>)['__class__'];
    if (claimed !== own && claimed !== undefined && isClassLike(claimed)) return issubclass(claimed, cls);
  }
  return false;
}

export function issubclass(sub: unknown, cls: unknown): boolean {
  if (arguments.length !== 2) checkPositional('issubclass', arguments.length, 2, 2);
  if (!isClassLike(sub)) throw new TypeError('issubclass() arg 1 must be a class');
  if (checkedByInstance(cls, '__subclasscheck__')) return truthy(callSpecial(cls, '__subclasscheck__', sub));
  for (const c of classInfoTuple('issubclass', cls)) {
    if (c instanceof PyTuple) {
      if (issubclass(sub, c)) return true;
      continue;
    }
    if (checkedByInstance(c, '__subclasscheck__')) {
      if (truthy(callSpecial(c, '__subclasscheck__', sub))) return true;
      continue;
    }
    const check = metaclassCheck(c, '__subclasscheck__');
    if (check !== undefined) {
      if (truthy(call(check, [sub], null))) return true;
      continue;
    }
    const abc = abcChecksOf(c);
    if (abc !== undefined ? abc.subclass(sub) : isSubclassOf(sub as PyClass, c as PyClass)) return true;
  }
  return false;
}

/** A metaclass's own `__instancecheck__` or `__subclasscheck__` for class `c`, bound to it; undefined for type's. */
function metaclassCheck(c: unknown, name: string): unknown {
  const meta = typeof c === 'function' ? ownInfo(c as PyClass)?.meta : undefined;
  if (meta === undefined || classAttribute(meta, name) === undefined) return undefined;
  return getClassAttr(c as PyClass, name);
}

export function callable(x: unknown): boolean {
  if (arguments.length !== 1) oneArg('callable', arguments.length);
  return typeof x === 'function';
}

/** vars(obj): its `__dict__`. */
export function vars(obj?: unknown): unknown {
  if (arguments.length > 1) checkPositional('vars', arguments.length, 0, 1);
  if (obj === undefined) throw new TypeError('vars() without arguments is not supported by pyasync');
  if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) throw new TypeError('vars() argument must have __dict__ attribute');
  // A list or dict has none; an instance of a Python subclass of one has its own.
  const proto = Object.getPrototypeOf(obj) as object | null;
  if ((Array.isArray(obj) || obj instanceof PyDict) && (proto === Array.prototype || proto === PyTuple.prototype || proto === PyDict.prototype)) {
    throw new TypeError('vars() argument must have __dict__ attribute');
  }
  if (isClassLike(obj)) return getClassAttr(obj as PyClass, '__dict__');
  // Instances of a class whose `__slots__` leave out `__dict__` (and bare object()s) have none.
  const cls = pyClassOf(obj);
  // Nor do the builtin types' own instances (a Python subclass's have a class of their own).
  if (cls === undefined && (obj instanceof PyBytes || obj instanceof PyComplex || obj instanceof PyFloat || obj instanceof PyAnySet
    || obj instanceof PyRange || obj instanceof PySlice || obj instanceof PyByteArray || obj instanceof PyMemoryView)) {
    throw new TypeError('vars() argument must have __dict__ attribute');
  }
  if (cls !== undefined && (cls === object || infoOf(cls).slots)) throw new TypeError('vars() argument must have __dict__ attribute');
  return instanceDict(obj);
}

/**
 * `type(name, bases, dict)` called directly in compiled code, which passes
 * the calling module's `__name__`: CPython's `__module__` for the class
 * unless the dict gives one.
 */
export function newTypeIn(module: unknown, name: unknown, bases: unknown, namespace: unknown): PyClass {
  const cls = newType(name, bases, namespace);
  if (!(namespace as PyDict).$has('__module__')) (cls as unknown as { __module__: unknown }).__module__ = module;
  return cls;
}

/**
 * `type(name, bases, dict)`: the class a `class` statement with that body
 * would make — `type.__call__`: `type.__new__` (which may hand over to a
 * base's metaclass), then that metaclass's `__init__`. `__module__` is
 * `'__main__'` unless the dict names one, when called from where the
 * calling module is unknown (`t = type; t(…)`).
 */
function newType(name: unknown, bases: unknown, namespace: unknown): PyClass {
  const cls = typeNew(type, name, bases, namespace);
  const meta = isClassLike(cls) ? ownInfo(cls)?.meta : undefined;
  if (meta !== undefined) {
    const init = classAttribute(meta, '__init__');
    if (init !== undefined && isPyFunction(init.value)) call(init.value, [cls, name, bases, namespace], null);
  }
  return cls;
}

/**
 * `type.__new__(mcs, name, bases, namespace, **keywords)`: a new class
 * whose metaclass is the most derived of `mcs` and its bases' (CPython
 * hands over to that one's own `__new__` when it has one); the keywords go
 * to `__init_subclass__`.
 */
function typeNew(mcs: unknown, ...args: unknown[]): PyClass {
  const keywords = isKeywordArg(args[args.length - 1]) ? (args.pop() as Record<string, unknown>) : null;
  if (args.length !== 3) {
    if (mcs === type && args.length === 1 && keywords === null) return type(args[0]) as PyClass;
    throw new TypeError(`type.__new__() takes exactly 3 arguments (${args.length} given)`);
  }
  const [name, bases, namespace] = args;
  const meta = subtypeFor('type', type, mcs);
  if (typeof name !== 'string') throw new TypeError(`type.__new__() argument 1 must be str, not ${argTypeName(name)}`);
  if (!(bases instanceof PyTuple)) throw new TypeError(`type.__new__() argument 2 must be tuple, not ${argTypeName(bases)}`);
  if (!(namespace instanceof PyDict)) throw new TypeError(`type.__new__() argument 3 must be dict, not ${argTypeName(namespace)}`);
  for (const base of bases) {
    if (!isClassLike(base)) {
      throw new TypeError('metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases');
    }
  }
  const winner = calculateMetaclass(meta, bases);
  if (winner !== meta) {
    const own = classAttribute(winner, '__new__');
    if (own !== undefined && own.owner !== (type as unknown)) return call(getClassAttr(winner, '__new__'), [winner, name, bases, namespace], keywords) as PyClass;
  }
  const ns = Object.create(null) as Record<string, unknown>;
  for (const item of dict_items(namespace)) {
    const [key, value] = item as PyTuple;
    if (typeof key === 'string') ns[key] = value;
  }
  return classFromNamespace(winner === (type as unknown) ? null : winner, name, [...bases], ns, keywords);
}

/** `type.__call__(cls, *args, **kwargs)`: makes an instance of `cls` as calling a class of plain `type` does. */
function typeCall(cls: unknown, ...args: unknown[]): unknown {
  const keywords = isKeywordArg(args[args.length - 1]) ? (args.pop() as Record<string, unknown>) : null;
  if (cls === type) return call(type, args, keywords);
  if (!isPyClass(cls)) return call(cls, args, keywords);
  return constructInstance(cls, infoOf(cls), args, keywords);
}

/** `type.__init__(cls, name, bases, namespace, **kwargs)`: type.__new__ did the work. */
function typeInit(_cls: unknown, ...args: unknown[]): null {
  const keywords = isKeywordArg(args[args.length - 1]) ? (args.pop() as Record<string, unknown>) : null;
  if (args.length === 1 && keywords !== null && Object.keys(keywords).length > 0) throw new TypeError('type.__init__() takes no keyword arguments');
  if (args.length !== 1 && args.length !== 3) throw new TypeError('type.__init__() takes 1 or 3 arguments');
  return null;
}

registerBuiltinClass(type, 'type', null, null, {
  __init__: typeInit as Method,
  __call__: typeCall as Method,
  __setattr__: ((cls: PyClass, name: string, value: unknown) => (typeSetattr(cls, name, value), null)) as Method,
}, {
  __new__: typeNew as Static,
  // A metaclass's `__prepare__` may start from type's: an empty dict.
  __prepare__: (() => new PyDict()) as Static,
});
setTypeClass(type as unknown as PyClass);
// type(x=1) and type(x, y=1) are refused as type_call refuses them; with three arguments the keywords trail, as before.
(type as unknown as PyCallable).$kw = (args: unknown[], kwargs: Record<string, unknown>): unknown => {
  if (Object.keys(kwargs).length > 0 && args.length !== 3) {
    throw new TypeError(args.length === 1 ? 'type() takes no keyword arguments' : 'type() takes 1 or 3 arguments');
  }
  return (type as (...a: unknown[]) => unknown)(...args, ...(Object.keys(kwargs).length > 0 ? [kwargs] : []));
};
namespaceHooks.dict = () => new PyDict();
namespaceHooks.setitem = (mapping, key, value) => setitem(mapping, key, value);
installBuiltinDescriptors();

/** Names the runtime's JS classes have that are not Python attributes. */
const JS_NAMES = new Set(['constructor', 'toString', 'message', 'name', 'stack', 'toJSON', 'valueOf']);
/** Of those, the ones only JS errors have as JS names (other classes' are Python attributes: a file's `name`). */
const ERROR_NAMES = new Set(['message', 'name', 'stack']);

/** dir(obj): the sorted names of its attributes, its class's and their bases'. */
export function dir(obj?: unknown): unknown[] {
  if (arguments.length > 1) checkPositional('dir', arguments.length, 0, 1);
  if (obj === undefined) throw new TypeError('dir() without arguments is not supported by pyasync');
  if (isModule(obj)) {
    // module.__dir__: the module's own `__dir__` function (PEP 562) if it has one, else its globals.
    const hook = obj['__dir__'];
    return typeof hook === 'function' ? [...iterate(call(hook, [], null))].sort(compareNames) : moduleDir(obj);
  }
  // A `__dir__` of the object's type other than object's (a class's metaclass's, EnumType's) gives the names, sorted into a list.
  if (obj !== null && (typeof obj === 'object' || typeof obj === 'function')) {
    const own = (Object.getPrototypeOf(obj) as Record<string, unknown> | null)?.['__dir__'];
    if (typeof own === 'function' && own !== objectDir) return [...iterate(invokeMethod(own, obj, []))].sort(compareNames);
  }
  return defaultDir(obj);
}

/** object.__dir__: the list dir() sorts (sorted already here; CPython's is in no particular order). */
const objectDir = function (this: unknown, ...args: unknown[]): unknown[] {
  const self = this !== undefined ? this : args.length > 0 ? args.shift() : undefined;
  if (this === undefined && self === undefined) throw new TypeError('unbound method object.__dir__() needs an argument');
  if (args.length > 0) noArgs('object.__dir__', args.length);
  return defaultDir(self);
};
installObjectMethod('__dir__', objectDir);
orderObjectDict();

/** object.__dir__ (type.__dir__ for a class): the names of the object and of its class's MRO, sorted. */
export function defaultDir(obj: unknown): string[] {
  const names = new Set<string>();
  const cls = isClassLike(obj) ? (obj as PyClass) : (type(obj) as PyClass);
  const add = (key: string): void => {
    const name = attrName(key);
    if (name !== null) names.add(name);
  };
  // The instance's own attributes: none for a builtin type's value (its JS fields, a list's indices, are not attributes).
  if (!isClassLike(obj) && obj !== null && typeof obj === 'object' && (pyClassOf(obj) !== undefined || isModule(obj) || !builtinClasses.has(cls as unknown as Function))) {
    const array = Array.isArray(obj);
    for (const k of Object.keys(obj)) if (!(array && /^(0|[1-9][0-9]*)$/.test(k))) add(k);
  }
  if (isClassLike(cls)) {
    for (const c of mroOf(cls)) {
      // A runtime class's hidden bases' names are its own (ownPrototypes); an Error's JS names are not Python's.
      const jsError = c.prototype instanceof Error;
      for (const proto of ownPrototypes(c)) {
        for (const k of Object.getOwnPropertyNames(proto)) if (!(JS_NAMES.has(k) && (jsError || !ERROR_NAMES.has(k)))) add(k);
      }
      // A class statement without __slots__ gives its instances these descriptors.
      const info = ownInfo(c);
      if (info !== undefined && info.slots === null && !info.dict.has('__slots__')) {
        names.add('__dict__');
        names.add('__weakref__');
      }
      // Slots are member descriptors of their class in CPython; here they are plain instance properties.
      const slots = info?.dict.get('__slots__');
      if (slots !== undefined) for (const slot of typeof slots === 'string' ? [slots] : iterate(slots)) if (typeof slot === 'string') names.add(slot);
    }
  }
  // What every object inherits from object, whether or not the runtime defines it as an attribute.
  for (const name of OBJECT_DIR) names.add(name);
  return [...names].sort();
}

/** dir(object()) in CPython 3.11. */
const OBJECT_DIR = [
  '__class__', '__delattr__', '__dir__', '__doc__', '__eq__', '__format__', '__ge__', '__getattribute__', '__getstate__', '__gt__',
  '__hash__', '__init__', '__init_subclass__', '__le__', '__lt__', '__ne__', '__new__', '__reduce__', '__reduce_ex__', '__repr__',
  '__setattr__', '__sizeof__', '__str__', '__subclasshook__',
];

function compareNames(a: unknown, b: unknown): number {
  if (typeof a !== 'string' || typeof b !== 'string') return lt(a, b) ? -1 : lt(b, a) ? 1 : 0;
  return a < b ? -1 : a > b ? 1 : 0;
}

export { NotImplementedType };

// super(int, 5): the value's type, for super's check and MRO.
superHooks.typeOf = (v) => type(v) as PyClass;
