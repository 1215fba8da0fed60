/**
 * typing's run-time objects: special forms (Any, Union, Optional,
 * ClassVar…), generic aliases (List[int], Callable[[int], str]…) and
 * TypeVar, with CPython's reprs. They carry no checking: annotations cost
 * nothing at run time, as in CPython.
 */
import { AttributeError, IndexError, TypeError } from '../../../builtins/exceptions.js';
import { PyTuple } from '../../../builtins/values.js';
import { Ellipsis, NoneType } from '../../../builtins/types.js';
import { repr } from '../../../builtins/repr.js';
import { call } from '../../../builtins/calls.js';
import { eq } from '../../../builtins/equality.js';
import { frozenset } from '../../../builtins/functions.js';
import { isClassLike, isinstance, issubclass, type PyClass } from '../../../builtins/classes.js';
import { getattr, setattr } from '../../../builtins/attributes.js';
import { substituteParameters, typeParameters } from '../../../builtins/genericAlias.js';
import { isinstance as builtinIsinstance, issubclass as builtinIssubclass } from '../../../builtins/types.js';
import { defineClass, newInstance, splitKeywords } from '../stdlib/pyclass.js';
import { SyntaxError } from '../../../builtins/exceptions.js';
import { hash } from '../../../builtins/functions.js';
import { NotImplemented } from '../../../builtins/notImplemented.js';
import { pyFunction } from '../pydef.js';
import { parseAnnotation, type Expr } from './annotationText.js';

type Obj = Record<string, unknown>;

/** How typing prints a type in an alias: `int`, `mod.C`, `None`, `...`, `typing.List[int]`. */
export function typeRepr(t: unknown): string {
  if (t === null || t === undefined) return 'None';
  if (t === Ellipsis) return '...';
  if (isClassLike(t)) {
    const cls = t as PyClass & { __module__?: unknown };
    const module = cls.__module__;
    const name = cls.__qualname__ ?? cls.__name__;
    return typeof module === 'string' && module !== 'builtins' ? `${module}.${name}` : name;
  }
  if (Array.isArray(t) && !(t instanceof PyTuple)) return `[${t.map(typeRepr).join(', ')}]`;
  return repr(t);
}

function argsOf(params: unknown): unknown[] {
  return params instanceof PyTuple ? [...params] : [params];
}

/** `a | b` for typing's objects: `typing.Union[a, b]`, as their `__or__`/`__ror__` make it. */
function unionOf(a: unknown, b: unknown): unknown {
  return (Union['__getitem__'] as (params: unknown) => unknown).call(Union, PyTuple.fromArray([a, b]));
}

const unionOperators = {
  __or__(this: Obj, other: unknown): unknown {
    return unionOf(this, other);
  },
  __ror__(this: Obj, other: unknown): unknown {
    return unionOf(other, this);
  },
};


/** A subscripted alias: `List[int]`, `Dict[str, T]`, and of user generics, `Stack[int]` (no `_name`). */
export const GenericAlias = defineClass('typing', '_GenericAlias', [], {
  ...unionOperators,
  __repr__(this: Obj): string {
    const args = this['__args__'] as unknown[];
    const name = this['$name'] as string;
    if (typeof this['$optionalRepr'] === 'string') return this['$optionalRepr'];
    // Unpack[Ts] and Unpack[tuple[int]]: CPython's _UnpackGenericAlias.
    if ((this['__origin__'] as Obj | null)?.['_name'] === 'Unpack') return `*${repr(args[0])}`;
    const n = this['$callable'];
    if (typeof n === 'number') return `${name}[[${args.slice(0, n).map(typeRepr).join(', ')}], ${typeRepr(args[n])}]`;
    if (this['$literal'] === true) return `${name}[${args.map((a) => repr(a)).join(', ')}]`;
    return `${name}[${args.map(typeRepr).join(', ')}]`;
  },
  __getitem__(this: Obj, params: unknown): unknown {
    const origin = this['__origin__'];
    if (isGenericBase(origin)) throw new TypeError(`Cannot subscript already-subscripted ${repr(this)}`);
    const parameters = [...(this['__parameters__'] as PyTuple)];
    if (parameters.length === 0) throw new TypeError(`${repr(this)} is not a generic class`);
    const given = argsOf(params);
    checkArity(this, given.length, parameters.length);
    const args = (this['__args__'] as PyTuple).map((arg) => substituteParameters(arg, parameters, given));
    const a = alias(this['$name'] as string, origin, args, this);
    if (typeof this['$callable'] === 'number') a['$callable'] = this['$callable'];
    return a;
  },
  __call__(this: Obj, ...rest: unknown[]): unknown {
    const origin = this['__origin__'];
    const [args, kw] = splitKeywords(rest);
    if (this['_name'] !== null && this['$inst'] !== true) {
      throw new TypeError(`Type ${String(this['_name'])} cannot be instantiated; use ${String((origin as { __name__?: unknown }).__name__)}() instead`);
    }
    return makeInstance(this, origin, args, kw);
  },
  __mro_entries__(this: Obj, bases: PyTuple): PyTuple {
    const origin = this['__origin__'];
    if (isinstance(origin, SpecialForm)) throw new TypeError(`Cannot subclass ${repr(this)}`);
    if (this['_name'] !== null) return aliasEntries(this, bases);
    if (origin === genericClasses.Generic) {
      if (genericClasses.Protocol !== undefined && bases.includes(genericClasses.Protocol)) return PyTuple.fromArray([]);
      const later = bases.slice(indexOf(bases, this) + 1);
      if (later.some((b) => b !== this && isinstance(b, GenericAlias))) return PyTuple.fromArray([]);
    }
    return PyTuple.fromArray([origin]);
  },
  __getattr__(this: Obj, name: string): unknown {
    const origin = this['__origin__'];
    if (name === '__name__' || name === '__qualname__') return this['_name'] ?? (origin as { __name__?: unknown }).__name__;
    if (!(name.startsWith('__') && name.endsWith('__'))) return getattr(origin, name);
    throw new AttributeError(name);
  },
  __instancecheck__(this: Obj): never {
    throw new TypeError('Subscripted generics cannot be used with class and instance checks');
  },
  __subclasscheck__(this: Obj): never {
    throw new TypeError('Subscripted generics cannot be used with class and instance checks');
  },
  __eq__(this: Obj, other: unknown): boolean {
    if (!isinstance(other, GenericAlias)) return false;
    const o = other as Obj;
    if (!eq(this['__origin__'], o['__origin__'])) return false;
    // A Union's arguments compare as a set (`Union[int, str] == Union[str, int]`).
    if (this['__origin__'] === Union) return eq(frozenset(this['__args__']), frozenset(o['__args__']));
    return eq(PyTuple.fromArray(this['__args__'] as unknown[]), PyTuple.fromArray(o['__args__'] as unknown[]));
  },
  __hash__(this: Obj): number {
    return 0x7ead;
  },
});

/** CPython's `_BaseGenericAlias.__call__`: an instance of the origin, which records the alias as `__orig_class__` when it can. */
function makeInstance(a: Obj, origin: unknown, args: unknown[], kw: Record<string, unknown>): unknown {
  const result = call(origin, args, Object.keys(kw).length > 0 ? kw : null);
  try {
    setattr(result, '__orig_class__', a);
  } catch (e) {
    if (!(e instanceof AttributeError)) throw e;
  }
  return result;
}

/** Generic and Protocol, which typing.ts defines (they subscript to aliases of this module). */
export const genericClasses: { Generic?: PyClass; Protocol?: PyClass } = {};

function isGenericBase(origin: unknown): boolean {
  return origin === genericClasses.Generic || (origin !== undefined && origin === genericClasses.Protocol);
}

/** The position of `alias` among the bases: itself, else the first equal one (as tuple.index finds it). */
function indexOf(bases: PyTuple, a: unknown): number {
  const i = bases.indexOf(a);
  return i >= 0 ? i : bases.findIndex((b) => eq(b, a));
}

/** What an alias of a builtin or ABC (`List[int]`, `Iterable`) puts among the bases: its origin, and Generic unless a later base brings it. */
function aliasEntries(a: Obj, bases: PyTuple): PyTuple {
  const origin = a['__origin__'];
  const entries: unknown[] = [];
  if (!bases.includes(origin)) entries.push(origin);
  const later = bases.slice(indexOf(bases, a) + 1);
  const generic = genericClasses.Generic!;
  const brought = later.some((b) => isinstance(b, GenericAlias) || isinstance(b, UnsubscriptedAlias) || (isClassLike(b) && issubclass(b as PyClass, generic)));
  if (!brought) entries.push(generic);
  return PyTuple.fromArray(entries);
}

/** CPython's count check for `C[...]` against C's parameters. */
export function checkArity(target: unknown, given: number, expected: number): void {
  if (given === expected) return;
  throw new TypeError(`Too ${given > expected ? 'many' : 'few'} arguments for ${repr(target)}; actual ${given}, expected ${expected}`);
}

function alias(name: string, origin: unknown, args: unknown[], base: Obj | null = null): Obj {
  const a = newInstance(GenericAlias);
  a['$name'] = name;
  a['_name'] = base !== null ? base['_name'] : name.replace(/^typing\./, '');
  a['__origin__'] = origin;
  const literal = base?.['$literal'] === true || (origin as Obj | null)?.['_name'] === 'Literal';
  const annotated = (origin as Obj | null)?.['_name'] === 'Annotated';
  // typing's _type_convert: None is NoneType and text a ForwardRef, except in Literal[...] and Annotated's metadata.
  a['__args__'] = PyTuple.fromArray(args.map((x, i) => (x === null ? NoneType : typeof x === 'string' && !literal && !(annotated && i > 0) ? makeForwardRef(x) : x)));
  a['__parameters__'] = PyTuple.fromArray(typeParameters(a['__args__'] as PyTuple));
  a['$literal'] = literal;
  a['$inst'] = base?.['$inst'] ?? false;
  return a;
}

/** `C[args]` for a user generic class C, or for Generic and Protocol themselves (`_name` None, as CPython's). */
export function userAlias(origin: PyClass, args: unknown[]): Obj {
  const a = alias(typeRepr(origin), origin, args);
  a['_name'] = null;
  return a;
}

/**
 * An unsubscripted alias of a builtin or abstract type (`typing.List` → list).
 * Calling it makes an instance of the origin (`Counter()`), except for the
 * aliases of builtins CPython marks `inst=False` (`List()` is a TypeError).
 */
export function genericAlias(name: string, origin: unknown, inst = true): Obj {
  const a = newInstance(UnsubscriptedAlias);
  a['_name'] = name;
  a['$inst'] = inst;
  a['$name'] = `typing.${name}`;
  a['__origin__'] = origin;
  return a;
}

export const UnsubscriptedAlias = defineClass('typing', '_SpecialGenericAlias', [], {
  __repr__(this: Obj): string {
    return this['$name'] as string;
  },
  __getitem__(this: Obj, params: unknown): unknown {
    const name = this['_name'] as string;
    if (name === 'Callable') {
      const [args, result] = argsOf(params);
      if (Array.isArray(args) && !(args instanceof PyTuple)) {
        const a = alias(this['$name'] as string, this['__origin__'], [...args, result], this);
        a['$callable'] = args.length;
        return a;
      }
      return alias(this['$name'] as string, this['__origin__'], [args, result], this);
    }
    return alias(this['$name'] as string, this['__origin__'], argsOf(params), this);
  },
  __call__(this: Obj, ...rest: unknown[]): unknown {
    const origin = this['__origin__'];
    if (this['$inst'] === true) {
      const [args, kw] = splitKeywords(rest);
      return makeInstance(this, origin, args, kw);
    }
    throw new TypeError(`Type ${String(this['_name'])} cannot be instantiated; use ${String((origin as { __name__?: unknown }).__name__)}() instead`);
  },
  __mro_entries__(this: Obj, bases: PyTuple): PyTuple {
    return aliasEntries(this, bases);
  },
  // `isinstance(x, typing.Iterable)` asks the origin (collections.abc.Iterable).
  __instancecheck__(this: Obj, instance: unknown): boolean {
    return builtinIsinstance(instance, this['__origin__']);
  },
  __subclasscheck__(this: Obj, cls: unknown): boolean {
    return builtinIssubclass(cls, this['__origin__']);
  },
  __getattr__(this: Obj, name: string): unknown {
    if (name === '__name__' || name === '__qualname__') return this['_name'];
    if (!(name.startsWith('__') && name.endsWith('__'))) return getattr(this['__origin__'], name);
    throw new AttributeError(name);
  },
});

export const SpecialForm = defineClass('typing', '_SpecialForm', [], {
  __repr__(this: Obj): string {
    return `typing.${String(this['_name'])}`;
  },
  __getitem__(this: Obj, params: unknown): unknown {
    const name = this['_name'] as string;
    const args = argsOf(params);
    if (name === 'Union' || name === 'Optional') {
      const flat: unknown[] = [];
      for (const a of name === 'Optional' ? [params, null] : args) {
        const t = a === null ? NoneType : typeof a === 'string' ? makeForwardRef(a) : a;
        const parts = isinstance(t, GenericAlias) && (t as Obj)['_name'] === 'Union' ? [...((t as Obj)['__args__'] as unknown[])] : [t];
        for (const p of parts) if (!flat.includes(p)) flat.push(p);
      }
      if (flat.length === 1) return flat[0];
      // Optional[X] is a Union, as CPython's (`get_origin(Optional[int]) is Union`).
      const u = alias('typing.Union', Union, flat);
      u['_name'] = 'Union';
      if (flat.length === 2 && flat.includes(NoneType)) u['$name'] = 'typing.Optional';
      if (u['$name'] === 'typing.Optional') u['$optionalRepr'] = `typing.Optional[${typeRepr(flat.find((f) => f !== NoneType))}]`;
      return u;
    }
    const a = alias(`typing.${name}`, this, args);
    if (name === 'Literal') a['$literal'] = true;
    return a;
  },
  __call__(this: Obj): never {
    if (this['_name'] === 'Any') throw new TypeError('Any cannot be instantiated');
    throw new TypeError(`Cannot instantiate typing.${String(this['_name'])}`);
  },
});

export function specialForm(name: string): Obj {
  const f = newInstance(SpecialForm);
  f['_name'] = name;
  f['$special'] = true;
  return f;
}

/** typing.Union, which `T | int` makes an alias of. */
export const Union = specialForm('Union');

export const TypeVar = defineClass('typing', 'TypeVar', [], {
  ...unionOperators,
  // What PEP 585's aliases (`dict[str, T]`) look for to count an argument as a parameter.
  __typing_subst__(this: Obj, arg: unknown): unknown {
    return arg;
  },
  __repr__(this: Obj): string {
    const prefix = this['__covariant__'] === true ? '+' : this['__contravariant__'] === true ? '-' : '~';
    return `${prefix}${String(this['__name__'])}`;
  },
});

/** A typing alias with other arguments (CPython's `copy_with`), as typing.get_type_hints rebuilds one it evaluated. */
export function copyWith(a: Obj, args: unknown[]): unknown {
  if (a['__origin__'] === Union) return (Union['__getitem__'] as (p: unknown) => unknown).call(Union, PyTuple.fromArray(args));
  const copy = alias(a['$name'] as string, a['__origin__'], args, a);
  if (typeof a['$callable'] === 'number') copy['$callable'] = a['$callable'];
  return copy;
}

/**
 * typing.ForwardRef(arg, is_argument=True, module=None, *, is_class=False):
 * an annotation's text, parsed when made (a SyntaxError then, as CPython's
 * compile), evaluated by typing.get_type_hints (typeHints.ts).
 */
export const ForwardRef = defineClass('typing', 'ForwardRef', [], {
  __init__: pyFunction('self, arg, is_argument=, module=, *, is_class=', 'ForwardRef.__init__', 'typing',
    (self: Obj, arg: unknown, isArgument: unknown = true, module: unknown = null, isClass: unknown = false) => initForwardRef(self, arg, isArgument, module, isClass)),
  __eq__(this: Obj, other: unknown): unknown {
    if (!isinstance(other, ForwardRef)) return NotImplemented;
    const o = other as Obj;
    if (this['__forward_evaluated__'] === true && o['__forward_evaluated__'] === true) {
      return this['__forward_arg__'] === o['__forward_arg__'] && eq(this['__forward_value__'], o['__forward_value__']);
    }
    return this['__forward_arg__'] === o['__forward_arg__'] && eq(this['__forward_module__'], o['__forward_module__']);
  },
  __hash__(this: Obj): unknown {
    return hash(PyTuple.fromArray([this['__forward_arg__'], this['__forward_module__']]));
  },
  ...unionOperators,
  __repr__(this: Obj): string {
    const module = this['__forward_module__'];
    return `ForwardRef(${repr(this['__forward_arg__'])}${module === null || module === undefined ? '' : `, module=${repr(module)}`})`;
  },
});

function initForwardRef(self: Obj, arg: unknown, isArgument: unknown, module: unknown, isClass: unknown): null {
  if (typeof arg !== 'string') throw new TypeError(`Forward reference must be a string -- got ${repr(arg)}`);
  // CPython reads `arg[0]` first.
  if (arg === '') throw new IndexError('string index out of range');
  // `*Ts` (from `def f(*args: *Ts)`) is compiled as `(*Ts,)[0]`: parseAnnotation reads a lone starred item so.
  const code = parseAnnotation(arg);
  if (code === null) throw new SyntaxError(`Forward reference must be an expression -- got ${repr(arg)}`);
  self['__forward_arg__'] = arg;
  self['$code'] = code;
  self['__forward_evaluated__'] = false;
  self['__forward_value__'] = null;
  self['__forward_is_argument__'] = isArgument;
  self['__forward_is_class__'] = isClass;
  self['__forward_module__'] = module;
  return null;
}

export function makeForwardRef(arg: string, isArgument = true, isClass = false): Obj {
  const ref = newInstance(ForwardRef);
  initForwardRef(ref, arg, isArgument, null, isClass);
  return ref;
}

/** A ForwardRef's parsed text. */
export function forwardCode(ref: Obj): Expr {
  return ref['$code'] as Expr;
}
