/**
 * Python's `typing`, for what programs use at run time: the names are
 * accepted in annotations, subscriptions and base-class lists, cost nothing
 * and check nothing, as in CPython. Reprs follow CPython's.
 */
import { NotImplementedError, TypeError } from '../builtins/exceptions.js';
import { PyTuple } from '../builtins/values.js';
import {
  PyStaticMethod, PyClassMethod, getClassAttr, isClassLike, isinstance as isInstanceOf, issubclass as isSubclassOf, makeClass, mroOf, object, setClassAttribute, type PyClass,
} from '../builtins/classes.js';
import { PyDict } from '../builtins/dict.js';
import { getattr, hasattr } from '../builtins/attributes.js';
import { repr } from '../builtins/repr.js';
import { ABCMeta, abstractmethod } from './abc.js';
import { typeParameters } from '../builtins/genericAlias.js';
import * as abc from './collections.abc.js';
import { call, def } from '../builtins/calls.js';
import { NotImplemented } from '../builtins/notImplemented.js';
import { list, dict, tuple, set, frozenset } from '../builtins/functions.js';
import { type as typeBuiltin } from '../builtins/types.js';
import { truthy } from '../builtins/truth.js';
import { defineClass, newInstance, pyMethod, splitKeywords, checkKeywords } from './support/stdlib/pyclass.js';
import {
  ForwardRef, GenericAlias, TypeVar as TypeVarClass, Union, UnsubscriptedAlias, checkArity, genericAlias, genericClasses, specialForm, userAlias,
} from './support/typing/forms.js';
import { getTypeHints, specialForms } from './support/typing/typeHints.js';
import { unpackForm } from './support/typing/params.js';
import { AssertionError } from '../builtins/exceptions.js';
import { setattr } from '../builtins/attributes.js';
import { bytes, str } from '../builtins/functions.js';
import { PyDict as PyDictClass } from '../builtins/dict.js';
import { ChainMap as ChainMapClass, Counter as CounterClass, OrderedDict as OrderedDictClass, defaultdict, deque } from './collections.js';
import { AbstractAsyncContextManager, AbstractContextManager } from './contextlib.js';
import { Pattern as PatternClass, Match as MatchClass } from './re.js';
import { pyFunction } from './support/pydef.js';
import { updateWrapper } from './support/functools/wraps.js';
import { Keywords } from '../builtins/calls.js';
import { getitem } from '../builtins/items.js';
import { genericAliasClass } from '../builtins/genericAlias.js';
import { unionTypeClass } from '../builtins/unionType.js';
import { Ellipsis } from '../builtins/types.js';

export { Union, ForwardRef };
export { ParamSpec, ParamSpecArgs, ParamSpecKwargs, TypeVarTuple } from './support/typing/params.js';

export const __name__ = 'typing';

export const TYPE_CHECKING = false;
export { NamedTuple, TypedDict } from './support/typing/namedTuple.js';
import { TypedDict as TypedDictBase } from './support/typing/namedTuple.js';

export const Any = specialForm('Any');
export const Optional = specialForm('Optional');
export const ClassVar = specialForm('ClassVar');
export const Final = specialForm('Final');
export const Literal = specialForm('Literal');
export const NoReturn = specialForm('NoReturn');
export const Never = specialForm('Never');
export const Self = specialForm('Self');
export const TypeAlias = specialForm('TypeAlias');
export const Annotated = specialForm('Annotated');
export const Concatenate = specialForm('Concatenate');
export const TypeGuard = specialForm('TypeGuard');
export const LiteralString = specialForm('LiteralString');
export const Required = specialForm('Required');
export const NotRequired = specialForm('NotRequired');
export const Unpack = specialForm('Unpack');
unpackForm.form = Unpack;
Object.assign(specialForms, {
  Any, ClassVar, Final, Literal, NoReturn, Never, Self, TypeAlias, Annotated, LiteralString, Required, NotRequired, Union, Optional,
});

export const List = genericAlias('List', list, false);
export const Dict = genericAlias('Dict', dict, false);
export const Tuple = genericAlias('Tuple', tuple, false);
export const Set = genericAlias('Set', set, false);
export const FrozenSet = genericAlias('FrozenSet', frozenset, false);
export const Type = genericAlias('Type', typeBuiltin, false);
export const Callable = genericAlias('Callable', abc.Callable);
export const Iterable = genericAlias('Iterable', abc.Iterable);
export const Iterator = genericAlias('Iterator', abc.Iterator);
export const Generator = genericAlias('Generator', abc.Generator);
export const Sequence = genericAlias('Sequence', abc.Sequence);
export const MutableSequence = genericAlias('MutableSequence', abc.MutableSequence);
export const Mapping = genericAlias('Mapping', abc.Mapping);
export const MutableMapping = genericAlias('MutableMapping', abc.MutableMapping);
export const AbstractSet = genericAlias('AbstractSet', abc.Set);
export const MutableSet = genericAlias('MutableSet', abc.MutableSet);
export const Collection = genericAlias('Collection', abc.Collection);
export const Container = genericAlias('Container', abc.Container);
export const Hashable = genericAlias('Hashable', abc.Hashable);
export const Sized = genericAlias('Sized', abc.Sized);
export const Reversible = genericAlias('Reversible', abc.Reversible);
export const Awaitable = genericAlias('Awaitable', abc.Awaitable);
export const Coroutine = genericAlias('Coroutine', abc.Coroutine);
export const AsyncIterable = genericAlias('AsyncIterable', abc.AsyncIterable);
export const AsyncIterator = genericAlias('AsyncIterator', abc.AsyncIterator);
export const AsyncGenerator = genericAlias('AsyncGenerator', abc.AsyncGenerator);
export const ItemsView = genericAlias('ItemsView', abc.ItemsView);
export const KeysView = genericAlias('KeysView', abc.KeysView);
export const ValuesView = genericAlias('ValuesView', abc.ValuesView);
export const MappingView = genericAlias('MappingView', abc.MappingView);
export const ByteString = genericAlias('ByteString', abc.ByteString);
export const Pattern = genericAlias('Pattern', PatternClass);
export const Match = genericAlias('Match', MatchClass);
export const ContextManager = genericAlias('ContextManager', AbstractContextManager);
export const AsyncContextManager = genericAlias('AsyncContextManager', AbstractAsyncContextManager);
export const ChainMap = genericAlias('ChainMap', ChainMapClass);
export const Counter = genericAlias('Counter', CounterClass);
export const Deque = genericAlias('Deque', deque);
export const DefaultDict = genericAlias('DefaultDict', defaultdict);
export const OrderedDict = genericAlias('OrderedDict', OrderedDictClass);
/** typing.Text is str. */
export const Text = str;


/** TypeVar(name, *constraints, bound=None, covariant=False, contravariant=False) */
export const TypeVar = TypeVarClass;
setClassAttribute(TypeVar, '__new__', new PyStaticMethod( (cls: unknown, ...rest: unknown[]) => {
  const [args, kw] = splitKeywords(rest);
  checkKeywords(kw, ['bound', 'covariant', 'contravariant'], 'TypeVar');
  if (args.length === 0) throw new TypeError("TypeVar() missing required argument 'name' (pos 1)");
  const tv = newInstance(cls);
  tv['__name__'] = args[0];
  tv['__constraints__'] = PyTuple.fromArray(args.slice(1));
  tv['__bound__'] = kw['bound'] ?? null;
  tv['__covariant__'] = truthy(kw['covariant'] ?? false);
  tv['__contravariant__'] = truthy(kw['contravariant'] ?? false);
  return tv;
}));

/**
 * Generic: `Generic[T]` and `Protocol[T]` take type variables only; `C[int]`
 * for a generic class C checks the count against C's `__parameters__` and
 * is an alias that makes C's instances (and records itself on them as
 * `__orig_class__`).
 */
export const Generic = defineClass('typing', 'Generic', [], {
  __class_getitem__: new PyClassMethod((cls: PyClass, params: unknown) => {
    const args = params instanceof PyTuple ? [...params] : [params];
    if (cls === Generic || cls === Protocol) {
      if (args.length === 0) throw new TypeError(`Parameter list to ${cls.__qualname__}[...] cannot be empty`);
      if (!args.every((a) => isInstanceOf(a, TypeVar))) {
        throw new TypeError(`Parameters to ${cls.__qualname__}[...] must all be type variables or parameter specification variables.`);
      }
      if (new globalThis.Set(args).size !== args.length) throw new TypeError(`Parameters to ${cls.__qualname__}[...] must all be unique`);
    } else {
      const parameters = getattr(cls, '__parameters__', PyTuple.fromArray([])) as PyTuple;
      if (parameters.length === 0) throw new TypeError(`${repr(cls)} is not a generic class`);
      checkArity(cls, args.length, parameters.length);
    }
    return userAlias(cls, args);
  }),
  __init_subclass__: new PyClassMethod((cls: PyClass, ...rest: unknown[]) => {
    const [, kw] = splitKeywords(rest);
    if (Object.keys(kw).length > 0) throw new TypeError(`${cls.__qualname__}.__init_subclass__() takes no keyword arguments`);
    initGenericSubclass(cls);
    return null;
  }),
});
genericClasses.Generic = Generic;

/** CPython's Generic.__init_subclass__: a class's `__parameters__`, from the aliases among the bases it was written with. */
function initGenericSubclass(cls: PyClass): void {
  const own = getClassAttr(cls, '__dict__') as PyDict<unknown, unknown>;
  const origBases = own.$get('__orig_bases__');
  const written = origBases instanceof PyTuple ? [...origBases] : null;
  const plain = written !== null ? written.includes(Generic) : (getattr(cls, '__bases__') as PyTuple).includes(Generic) && cls.__name__ !== 'Protocol';
  if (plain) throw new TypeError('Cannot inherit from plain Generic');
  let parameters: unknown[] = [];
  if (written !== null) {
    parameters = typeParameters(written);
    let declared: unknown[] | null = null;
    for (const base of written) {
      if (!isInstanceOf(base, GenericAlias) || (base as Record<string, unknown>)['__origin__'] !== Generic) continue;
      if (declared !== null) throw new TypeError('Cannot inherit from Generic[...] multiple types.');
      declared = [...((base as Record<string, unknown>)['__parameters__'] as PyTuple)];
    }
    if (declared !== null) {
      const missing = parameters.filter((t) => !declared!.includes(t));
      if (missing.length > 0) {
        throw new TypeError(`Some type variables (${missing.map((t) => repr(t)).join(', ')}) are not listed in Generic[${declared.map((t) => repr(t)).join(', ')}]`);
      }
      parameters = declared;
    }
  }
  setClassAttribute(cls, '__parameters__', PyTuple.fromArray(parameters));
}

/** What a protocol's class bodies hold besides its members (CPython's typing internals and special names). JS's Set: typing's is this module's. */
const NOT_MEMBERS: ReadonlySet<string> = new globalThis.Set([
  '__parameters__', '__orig_bases__', '__orig_class__', '_is_protocol', '_is_runtime_protocol', '__abstractmethods__',
  '__annotations__', '__dict__', '__doc__', '__init__', '__module__', '__new__', '__slots__', '__subclasshook__', '__weakref__',
  '__class_getitem__', '__qualname__', '__init_subclass__', '_MutableMapping__marker',
]);

/** The names a protocol requires: those its classes define or annotate, up to Protocol and Generic. */
function protocolMembers(cls: PyClass): string[] {
  const names: string[] = [];
  for (const base of mroOf(cls)) {
    if (base === object || base === Protocol || base === Generic) continue;
    const dict = getClassAttr(base, '__dict__') as PyDict<unknown, unknown>;
    const annotations = dict.$get('__annotations__');
    const keys = [...dict, ...(annotations instanceof PyDict ? [...annotations] : [])];
    for (const key of keys) if (typeof key === 'string' && !key.startsWith('_abc_') && !NOT_MEMBERS.has(key) && !names.includes(key)) names.push(key);
  }
  return names;
}

function ownFlag(cls: PyClass, name: string): boolean {
  return truthy((getClassAttr(cls, '__dict__') as PyDict<unknown, unknown>).$get(name) ?? false);
}

/**
 * Protocol's metaclass: `isinstance(x, P)` for a `@runtime_checkable`
 * protocol P asks whether x has each of P's members (a method of P's must
 * not be None on x); for other protocols it is CPython's TypeError.
 */
const ProtocolMeta = defineClass('typing', '_ProtocolMeta', [ABCMeta], {
  __instancecheck__: pyMethod((cls: PyClass, instance: unknown): boolean => {
    const isProtocol = truthy(getattr(cls, '_is_protocol', false));
    if (isProtocol && !truthy(getattr(cls, '_is_runtime_protocol', false))) {
      throw new TypeError('Instance and class checks can only be used with @runtime_checkable protocols');
    }
    if (isSubclassOf(typeBuiltin(instance) as PyClass, cls)) return true;
    if (!isProtocol) return false;
    for (const name of protocolMembers(cls)) {
      if (!hasattr(instance, name)) return false;
      if (typeof getattr(cls, name, null) === 'function' && getattr(instance, name) === null) return false;
    }
    return true;
  }, 'cls, instance', '_ProtocolMeta.__instancecheck__', 'typing'),
});

/** `class P(Protocol)`: a protocol class (`_is_protocol`), unless it derives from one without naming Protocol. */
export const Protocol = makeClass('Protocol', [Generic], (ns) => {
  ns['__module__'] = 'typing';
  ns['__qualname__'] = 'Protocol';
  ns['__slots__'] = [];
  ns['_is_protocol'] = true;
  ns['_is_runtime_protocol'] = false;
  ns['__init_subclass__'] = new PyClassMethod((cls: PyClass, ...rest: unknown[]) => {
    const [, kw] = splitKeywords(rest);
    if (Object.keys(kw).length > 0) throw new TypeError(`${cls.__qualname__}.__init_subclass__() takes no keyword arguments`);
    initGenericSubclass(cls);
    if (!ownFlag(cls, '_is_protocol')) {
      const bases = getattr(cls, '__bases__') as PyTuple;
      setClassAttribute(cls, '_is_protocol', [...bases].some((b) => b === Protocol));
    }
    return null;
  });
  ns['__subclasshook__'] = new PyClassMethod(protocolHook);
}, { metaclass: ProtocolMeta });

/**
 * CPython's `_proto_hook`, Protocol's __subclasshook__ (which ABCMeta's
 * issubclass asks first): a class is a subclass of a runtime protocol
 * whose members are all methods when its MRO defines each of them (not as
 * None); other classes deriving from a protocol are left to ABCMeta.
 */
function protocolHook(cls: PyClass, other: unknown): unknown {
  if (!ownFlag(cls, '_is_protocol')) return NotImplemented;
  if (!truthy(getattr(cls, '_is_runtime_protocol', false))) {
    throw new TypeError('Instance and class checks can only be used with @runtime_checkable protocols');
  }
  const members = protocolMembers(cls);
  if (!members.every((name) => typeof getattr(cls, name, null) === 'function')) {
    throw new TypeError("Protocols with non-method members don't support issubclass()");
  }
  if (!isClassLike(other)) throw new TypeError('issubclass() arg 1 must be a class');
  for (const name of members) {
    let found = false;
    for (const base of mroOf(other as PyClass)) {
      const dict = getClassAttr(base, '__dict__') as PyDict<unknown, unknown>;
      const value = dict.$get(name);
      if (value !== undefined) {
        if (value === null) return NotImplemented;
        found = true;
        break;
      }
      const annotations = dict.$get('__annotations__');
      if (annotations instanceof PyDict && annotations.$has(name) && isSubclassOf(other as PyClass, Generic) && truthy(getattr(other, '_is_protocol', false))) {
        found = true;
        break;
      }
    }
    if (!found) return NotImplemented;
  }
  return true;
}
genericClasses.Protocol = Protocol;

/** AnyStr = TypeVar('AnyStr', bytes, str). */
export const AnyStr = call(TypeVar, ['AnyStr', bytes, str], null);

/** typing.IO, TextIO and BinaryIO: generic classes with IO's (abstract) method names, as CPython's. */
function ioClass(name: string, base: PyClass, written: unknown): PyClass {
  return makeClass(name, [base], (ns) => {
    ns['__module__'] = 'typing';
    ns['__qualname__'] = name;
    ns['__slots__'] = [];
    // What Generic.__init_subclass__ reads the parameters from, as for `class IO(Generic[AnyStr])`.
    ns['__orig_bases__'] = PyTuple.fromArray([written]);
  });
}
export const IO = ioClass('IO', Generic, getitem(Generic, AnyStr));
export const BinaryIO = ioClass('BinaryIO', IO, getitem(IO, bytes));
export const TextIO = ioClass('TextIO', IO, getitem(IO, str));

export function runtime_checkable(cls: unknown): unknown {
  if (!isClassLike(cls) || !isSubclassOf(cls as PyClass, Generic) || !truthy(getattr(cls, '_is_protocol', false))) {
    throw new TypeError(`@runtime_checkable can be only applied to protocol classes, got ${repr(cls)}`);
  }
  setClassAttribute(cls as PyClass, '_is_runtime_protocol', true);
  return cls;
}

/** typing's one-method runtime protocols (`SupportsInt`: a class with `__int__`), abstract as CPython's. */
function supportsProtocol(name: string, method: string): PyClass {
  const cls = makeClass(name, [Protocol], (ns) => {
    ns['__module__'] = 'typing';
    ns['__qualname__'] = name;
    ns['__slots__'] = [];
    ns[method] = abstractmethod(def(function (): null {
      return null;
    }, 'self', `${name}.${method}`, 'typing'));
  });
  return runtime_checkable(cls) as PyClass;
}

export const SupportsInt = supportsProtocol('SupportsInt', '__int__');
export const SupportsFloat = supportsProtocol('SupportsFloat', '__float__');
export const SupportsComplex = supportsProtocol('SupportsComplex', '__complex__');
export const SupportsBytes = supportsProtocol('SupportsBytes', '__bytes__');
export const SupportsIndex = supportsProtocol('SupportsIndex', '__index__');
export const SupportsAbs = supportsProtocol('SupportsAbs', '__abs__');
export const SupportsRound = supportsProtocol('SupportsRound', '__round__');

/** Whether tp is a subscription (typing's `List[int]`, `Optional[int]`, or PEP 585's `list[int]`) or an unsubscripted `List`. */
function isAlias(tp: unknown): tp is Record<string, unknown> {
  return isInstanceOf(tp, GenericAlias) || isInstanceOf(tp, UnsubscriptedAlias) || typeBuiltin(tp) === genericAliasClass();
}

/** typing.get_origin: what a subscription was made of (list for `List[int]`, Union for `Optional[int]`), else None. */
export function get_origin(tp: unknown): unknown {
  if (tp === Generic) return Generic;
  if (isAlias(tp)) return tp['__origin__'] ?? null;
  if (typeBuiltin(tp) === unionTypeClass()) return unionTypeClass();
  return null;
}

/** typing.get_args: a subscription's arguments, a Callable's as `([args], result)`; `()` for anything else. */
export function get_args(tp: unknown): PyTuple {
  const args = isAlias(tp) || typeBuiltin(tp) === unionTypeClass() ? (tp as Record<string, unknown>)['__args__'] : undefined;
  if (!(args instanceof PyTuple)) return PyTuple.fromArray([]);
  if (get_origin(tp) === abc.Callable && args.length > 0 && args[0] !== Ellipsis) {
    return PyTuple.fromArray([[...args].slice(0, -1), args[args.length - 1]]);
  }
  return args;
}

export function cast(_typ: unknown, value: unknown): unknown {
  return value;
}

export function final(f: unknown): unknown {
  return f;
}

/** @no_type_check: marks the function (or a class and the methods it defines) `__no_type_check__`, which get_type_hints honours. */
export function no_type_check(arg: unknown): unknown {
  if (isClassLike(arg)) {
    const own = getClassAttr(arg as PyClass, '__dict__') as PyDict<unknown, unknown>;
    for (const key of own) {
      const obj = own.$get(key);
      if (typeof obj !== 'function' || !hasattr(obj, '__qualname__')) continue;
      if (getattr(obj, '__qualname__') !== `${(arg as PyClass).__qualname__}.${String(getattr(obj, '__name__'))}`) continue;
      if (isClassLike(obj)) no_type_check(obj);
      else setattr(obj, '__no_type_check__', true);
    }
  }
  try {
    setattr(arg, '__no_type_check__', true);
  } catch (e) {
    // Built-in classes refuse it.
    if (!(e instanceof TypeError)) throw e;
  }
  return arg;
}

/** @no_type_check_decorator: what the decorator returns is made @no_type_check. */
export function no_type_check_decorator(decorator: unknown): unknown {
  const wrapped = def(function wrapped_decorator(...rest: unknown[]): unknown {
    const last = rest[rest.length - 1];
    const kw = last instanceof Keywords ? last.values : null;
    return no_type_check(call(decorator, kw === null ? rest : rest.slice(0, -1), kw));
  }, '*args, **kwds', 'no_type_check_decorator.<locals>.wrapped_decorator', 'typing');
  updateWrapper(wrapped, decorator);
  return wrapped;
}

/** typing.get_type_hints(obj, globalns=None, localns=None, include_extras=False) */
export const get_type_hints = pyFunction('obj, globalns=, localns=, include_extras=', 'get_type_hints', 'typing',
  (obj: unknown, globalns: unknown = null, localns: unknown = null, includeExtras: unknown = false) => getTypeHints(obj, globalns ?? null, localns ?? null, truthy(includeExtras)));

/** assert_never(arg, /): the AssertionError a type checker's unreachable code raises. */
export const assert_never = pyFunction('arg, /', 'assert_never', 'typing', (arg: unknown): never => {
  let value = repr(arg);
  if (value.length > 100) value = `${value.slice(0, 100)}...`;
  throw new AssertionError(`Expected code to be unreachable, but got: ${value}`);
});

/** is_typeddict(tp): whether tp is a class made by TypedDict. */
export function is_typeddict(tp: unknown): boolean {
  return isClassLike(tp) && tp !== TypedDictBase && isSubclassOf(tp as PyClass, TypedDictBase);
}

/** dataclass_transform(*, eq_default=True, order_default=False, kw_only_default=False, field_specifiers=(), **kwargs) */
export const dataclass_transform = pyFunction('*, eq_default=, order_default=, kw_only_default=, field_specifiers=, **kwargs', 'dataclass_transform', 'typing',
  (eqDefault: unknown = true, orderDefault: unknown = false, kwOnlyDefault: unknown = false, fieldSpecifiers: unknown = PyTuple.fromArray([]), kwargs: unknown = new PyDictClass()) =>
    def(function decorator(clsOrFn: unknown): unknown {
      const info = new PyDictClass<unknown, unknown>();
      info.$set('eq_default', eqDefault ?? true);
      info.$set('order_default', orderDefault ?? false);
      info.$set('kw_only_default', kwOnlyDefault ?? false);
      info.$set('field_specifiers', fieldSpecifiers ?? PyTuple.fromArray([]));
      info.$set('kwargs', kwargs);
      setattr(clsOrFn, '__dataclass_transform__', info);
      return clsOrFn;
    }, 'cls_or_fn', 'dataclass_transform.<locals>.decorator', 'typing'));

export function assert_type(value: unknown, _typ: unknown): unknown {
  return value;
}

export function reveal_type(value: unknown): unknown {
  return value;
}

/** The @overload-ed stubs, by module, qualified name and first line (CPython's `_overload_registry`). */
const overloads = new Map<unknown, Map<unknown, Map<unknown, unknown>>>();

/** A function's code's first line, for the registry (None when it has no `__code__`). */
function firstLine(f: unknown): unknown {
  try {
    return getattr(getattr(f, '__code__'), 'co_firstlineno');
  } catch {
    return null;
  }
}

/** @overload: the stub is recorded for get_overloads and replaced by a function that refuses to be called, as CPython's. */
export function overload(func: unknown): unknown {
  const f = getattr(func, '__func__', func);
  if (hasattr(f, '__module__') && hasattr(f, '__qualname__')) {
    const module = getattr(f, '__module__');
    const qualname = getattr(f, '__qualname__');
    let byName = overloads.get(module);
    if (byName === undefined) overloads.set(module, (byName = new Map()));
    let byLine = byName.get(qualname);
    if (byLine === undefined) byName.set(qualname, (byLine = new Map()));
    byLine.set(firstLine(f), func);
  }
  return def(function _overload_dummy(..._args: unknown[]): never {
    throw new NotImplementedError('You should not call an overloaded function. A series of @overload-decorated functions outside a stub module should always be followed by an implementation that is not @overload-ed.');
  }, '*args, **kwds', '_overload_dummy', 'typing');
}

/** get_overloads(func): the @overload stubs recorded under func's module and qualified name. */
export function get_overloads(func: unknown): unknown[] {
  const f = getattr(func, '__func__', func);
  const byLine = overloads.get(getattr(f, '__module__', null))?.get(getattr(f, '__qualname__', null));
  return byLine === undefined ? [] : [...byLine.values()];
}

export function clear_overloads(): null {
  overloads.clear();
  return null;
}

/** NewType(name, tp): a callable returning its argument, printed as `module.name`. */
export const NewType = defineClass('typing', 'NewType', [], {
  __init__: def(function __init__(self: Record<string, unknown>, name: unknown, tp: unknown): null {
    self['__name__'] = name;
    self['__qualname__'] = name;
    self['__supertype__'] = tp;
    self['__module__'] = '__main__';
    return null;
  }, 'self, name, tp', 'NewType.__init__', 'typing'),
  __call__(this: unknown, x: unknown): unknown {
    return x;
  },
  __repr__(this: Record<string, unknown>): string {
    return `${String(this['__module__'])}.${String(this['__name__'])}`;
  },
});
