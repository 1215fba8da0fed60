/**
 * Python's `typing`, for what programs use at run time: the names are
 * accepted in annotations, subscriptions and base-class lists, cost nothing
 * and check nothing, as in CPython. Reprs follow CPython's.
 */
import { NotImplementedError, TypeError } from '../builtins/exceptions.js';
import { PyTuple } from '../builtins/values.js';
import { PyStaticMethod, PyClassMethod, setClassAttribute, type PyClass } from '../builtins/classes.js';
import { def } from '../builtins/calls.js';
import { list, dict, tuple, set, frozenset } from '../builtins/functions.js';
import { type as typeBuiltin } from '../builtins/types.js';
import { truthy } from '../builtins/truth.js';
import { defineClass, newInstance, splitKeywords, checkKeywords } from './support/stdlib/pyclass.js';
import { TypeVar as TypeVarClass, genericAlias, specialForm } from './support/typing/forms.js';

export const __name__ = 'typing';

export const TYPE_CHECKING = false;
export { NamedTuple, TypedDict } from './support/typing/namedTuple.js';

export const Any = specialForm('Any');
export const Union = specialForm('Union');
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

export const List = genericAlias('List', list);
export const Dict = genericAlias('Dict', dict);
export const Tuple = genericAlias('Tuple', tuple);
export const Set = genericAlias('Set', set);
export const FrozenSet = genericAlias('FrozenSet', frozenset);
export const Type = genericAlias('Type', typeBuiltin);
export const Callable = genericAlias('Callable', abstract('Callable'));
export const Iterable = genericAlias('Iterable', abstract('Iterable'));
export const Iterator = genericAlias('Iterator', abstract('Iterator'));
export const Generator = genericAlias('Generator', abstract('Generator'));
export const Sequence = genericAlias('Sequence', abstract('Sequence'));
export const MutableSequence = genericAlias('MutableSequence', abstract('MutableSequence'));
export const Mapping = genericAlias('Mapping', abstract('Mapping'));
export const MutableMapping = genericAlias('MutableMapping', abstract('MutableMapping'));
export const AbstractSet = genericAlias('AbstractSet', abstract('Set'));
export const MutableSet = genericAlias('MutableSet', abstract('MutableSet'));
export const Collection = genericAlias('Collection', abstract('Collection'));
export const Container = genericAlias('Container', abstract('Container'));
export const Hashable = genericAlias('Hashable', abstract('Hashable'));
export const Sized = genericAlias('Sized', abstract('Sized'));
export const Reversible = genericAlias('Reversible', abstract('Reversible'));
export const Awaitable = genericAlias('Awaitable', abstract('Awaitable'));
export const Coroutine = genericAlias('Coroutine', abstract('Coroutine'));
export const AsyncIterable = genericAlias('AsyncIterable', abstract('AsyncIterable'));
export const AsyncIterator = genericAlias('AsyncIterator', abstract('AsyncIterator'));
export const AsyncGenerator = genericAlias('AsyncGenerator', abstract('AsyncGenerator'));
export const ItemsView = genericAlias('ItemsView', abstract('ItemsView'));
export const KeysView = genericAlias('KeysView', abstract('KeysView'));
export const ValuesView = genericAlias('ValuesView', abstract('ValuesView'));

/** A stand-in for a collections.abc class (typing's aliases name it as their origin). */
function abstract(name: string): PyClass {
  return defineClass('collections.abc', name, [], {});
}

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

/** Generic: a base class; Generic[T] and C[T] are the class itself. */
export const Generic = defineClass('typing', 'Generic', [], {
  __class_getitem__: new PyClassMethod((cls: unknown) => cls),
});

export const Protocol = defineClass('typing', 'Protocol', [Generic], {});

export function runtime_checkable(cls: unknown): unknown {
  return cls;
}

export function cast(_typ: unknown, value: unknown): unknown {
  return value;
}

export function final(f: unknown): unknown {
  return f;
}

export function no_type_check(f: unknown): unknown {
  return f;
}

export function assert_type(value: unknown, _typ: unknown): unknown {
  return value;
}

export function reveal_type(value: unknown): unknown {
  return value;
}

/** @overload: the decorated stub is replaced by a function that refuses to be called, as CPython's. */
export function overload(_f: unknown): unknown {
  return def(function _overload_dummy(..._args: unknown[]): never {
    throw new NotImplementedError('You should not call an overloaded function. A series of @overload-decorated functions outside a stub module should always be followed by an implementation that is not @overload-ed.');
  }, '*args, **kwds', '_overload_dummy', 'typing');
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
