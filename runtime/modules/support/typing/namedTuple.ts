/**
 * typing.NamedTuple and typing.TypedDict as base classes. CPython builds
 * such a class with a metaclass; here the base's `__init_subclass__` turns
 * the new class into what CPython's would be: for NamedTuple, a tuple
 * subclass with the fields of its annotations (collections.namedtuple's
 * members, the class body's methods kept); for TypedDict, a class whose
 * call makes a plain dict, with `__total__`, `__required_keys__` and
 * `__optional_keys__`. The class keeps NamedTuple or TypedDict as its
 * base (CPython's bases are `tuple` and `dict`).
 */
import { AttributeError, TypeError } from '../../../builtins/exceptions.js';
import { PyDict, dictFrom } from '../../../builtins/dict.js';
import { PyTuple } from '../../../builtins/values.js';
import { PyClassMethod, PyStaticMethod, declareSlots, deleteClassAttribute, setClassAttribute, type PyClass } from '../../../builtins/classes.js';
import { infoOf } from '../../../builtins/classes/model.js';
import { call } from '../../../builtins/calls.js';
import { frozenset, tuple, dict } from '../../../builtins/functions.js';
import { truthy } from '../../../builtins/truth.js';
import { namedtuple } from '../collections/namedtuple.js';
import { pyClass, pyFunction } from '../pydef.js';

/** What the class body may not define: namedtuple's own machinery. */
const PROHIBITED = new Set(['__new__', '__init__', '__slots__', '__getnewargs__', '_fields', '_field_defaults', '_make', '_replace', '_asdict', '_source']);
/** namedtuple members the class body may replace. */
const OVERRIDABLE = ['__repr__', '__doc__', '__match_args__'];

function ownAnnotations(cls: PyClass): string[] {
  const annotations = infoOf(cls).dict.get('__annotations__');
  return annotations instanceof PyDict ? [...annotations].map((k) => String(k)) : [];
}

function makeNamedTuple(cls: PyClass): void {
  const own = infoOf(cls).dict;
  const fields = ownAnnotations(cls);
  const defaults: unknown[] = [];
  const defaulted: string[] = [];
  for (const field of fields) {
    if (own.has(field)) {
      defaults.push(own.get(field));
      defaulted.push(field);
    } else if (defaulted.length > 0) {
      throw new TypeError(`Non-default namedtuple field ${field} cannot follow default field${defaulted.length > 1 ? 's' : ''} ${defaulted.join(', ')}`);
    }
  }
  for (const key of own.keys()) if (PROHIBITED.has(key)) throw new AttributeError(`Cannot overwrite NamedTuple attribute ${key}`);
  const made = call(namedtuple, [cls.__name__, PyTuple.fromArray(fields)], { defaults: PyTuple.fromArray(defaults), module: own.get('__module__') ?? '__main__' }) as PyClass;
  const madeOwn = infoOf(made).dict;
  for (const field of defaulted) deleteClassAttribute(cls, field);
  for (const key of PROHIBITED) if (madeOwn.has(key) && key !== '__slots__') setClassAttribute(cls, key, madeOwn.get(key));
  // `__slots__ = ()`, as namedtuple's: the instances have no __dict__.
  declareSlots(cls, []);
  for (const key of OVERRIDABLE) if (!own.has(key) && madeOwn.has(key)) setClassAttribute(cls, key, madeOwn.get(key));
  // The fields read the tuple's items, as namedtuple's do.
  for (const field of fields) Object.defineProperty(cls.prototype, field, Object.getOwnPropertyDescriptor(made.prototype, field)!);
}

export const NamedTuple: PyClass = pyClass('NamedTuple', 'typing', [tuple], {
  // No __dict__ from this base (CPython's NamedTuple classes derive from tuple alone).
  __slots__: new PyTuple(),
  __init_subclass__: new PyClassMethod(pyFunction('cls, **kwargs', 'NamedTuple.__init_subclass__', 'typing', (cls: PyClass) => {
    // A subclass of a NamedTuple class is an ordinary subclass of it.
    if (infoOf(cls).bases.includes(NamedTuple)) makeNamedTuple(cls);
    return null;
  })),
});

const makeDict = pyFunction('cls, /, *args, **kwargs', 'TypedDict.__new__', 'typing', (_cls: unknown, args: PyTuple, kwargs: PyDict) =>
  dictFrom(args.length > 0 ? args[0] : undefined, Object.fromEntries([...kwargs].map((k) => [String(k), kwargs.$get(k)]))));

export const TypedDict: PyClass = pyClass('TypedDict', 'typing', [], {
  __init_subclass__: new PyClassMethod(pyFunction('cls, /, *, total=', 'TypedDict.__init_subclass__', 'typing', (cls: PyClass, total: unknown = true) => {
    const isTotal = truthy(total ?? true);
    // The keys of the TypedDict bases first, then this body's.
    const annotations = new PyDict();
    const required: string[] = [];
    const optional: string[] = [];
    for (const base of infoOf(cls).bases) {
      if (base === TypedDict) continue;
      const inherited = call(dict, [infoOf(base).dict.get('__annotations__') ?? new PyDict()], null) as PyDict;
      for (const k of inherited) annotations.$set(k, inherited.$get(k));
      required.push(...[...(infoOf(base).dict.get('__required_keys__') as Iterable<string> ?? [])]);
      optional.push(...[...(infoOf(base).dict.get('__optional_keys__') as Iterable<string> ?? [])]);
    }
    for (const key of ownAnnotations(cls)) {
      annotations.$set(key, (infoOf(cls).dict.get('__annotations__') as PyDict).$get(key));
      (isTotal ? required : optional).push(key);
    }
    setClassAttribute(cls, '__annotations__', annotations);
    setClassAttribute(cls, '__total__', isTotal);
    setClassAttribute(cls, '__required_keys__', frozenset(required));
    setClassAttribute(cls, '__optional_keys__', frozenset(optional));
    setClassAttribute(cls, '__new__', new PyStaticMethod(makeDict));
    return null;
  })),
});
