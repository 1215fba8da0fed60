/**
 * PEP 585's `list[int]`, `dict[str, list[int]]`, `collections.deque[str]`:
 * types.GenericAlias, an object that prints as the subscription, makes
 * instances of its origin when called, stands for its origin among a
 * class's bases, and refuses isinstance checks, as CPython's.
 *
 * The class is made on first use: builtins are initialised before the
 * class machinery it needs is ready.
 */
import { AttributeError, TypeError } from './exceptions.js';
import { PyTuple } from './values.js';
import { Ellipsis } from './types.js';
import { call } from './calls.js';
import { eq } from './equality.js';
import { dict, frozenset, hash, list, set, tuple } from './functions.js';
import { subscriptHooks } from './dunders.js';
import { genericRuntimeClasses } from './genericClasses.js';
import { getattr, setattr } from './attributes.js';
import { repr } from './repr.js';
import { hasSpecial } from './special.js';
import { getitem } from './items.js';
import { NotImplemented } from './notImplemented.js';
import { isClassLike, mroOf, type PyClass } from './classes.js';
import { type } from './types.js';
import { defineClass, newInstance, pyMethod, splitKeywords } from '../modules/support/stdlib/pyclass.js';

type Attrs = Record<string, unknown>;

let aliasClass: PyClass | undefined;

/** types.GenericAlias. */
export function genericAliasClass(): PyClass {
  return (aliasClass ??= makeAliasClass());
}

/** `origin[args]` for a class whose `__class_getitem__` is PEP 585's. */
export function genericAlias(origin: unknown, args: unknown): Attrs {
  const a = newInstance(genericAliasClass());
  initAlias(a, origin, args);
  return a;
}

function initAlias(a: Attrs, origin: unknown, args: unknown): void {
  const list = args instanceof PyTuple ? [...args] : [args];
  a['__origin__'] = origin;
  a['__args__'] = PyTuple.fromArray(list);
  a['__parameters__'] = PyTuple.fromArray(typeParameters(list));
}

/**
 * The type parameters of an alias's arguments, each once, in order: those
 * that are type variables (anything with `__typing_subst__`, as CPython
 * asks) and the `__parameters__` of aliases among them; classes have none.
 * typing's aliases (forms.ts) and `Generic` (typing.ts) use it too.
 */
export function typeParameters(args: Iterable<unknown>): unknown[] {
  const found: unknown[] = [];
  for (const arg of args) {
    if (isClassLike(arg)) continue;
    const own = hasSpecial(arg, '__typing_subst__') ? [arg] : parametersAttribute(arg);
    for (const t of own) if (!found.includes(t)) found.push(t);
  }
  return found;
}

/** An alias's `__parameters__` (typing's are callable, so functions too); none for classes and other values. */
function parametersAttribute(arg: unknown): unknown[] {
  if (arg === null || (typeof arg !== 'object' && typeof arg !== 'function') || isClassLike(arg)) return [];
  const p = (arg as Attrs)['__parameters__'];
  return p instanceof PyTuple ? [...p] : [];
}

/** How CPython prints a type inside an alias (and a union): `int`, `collections.deque`, `...`, or the repr. */
export function typeRepr(t: unknown): string {
  if (t === Ellipsis) return '...';
  if (isClassLike(t)) {
    const cls = t as { __module__?: unknown; __qualname__?: unknown; __name__?: unknown };
    const name = String(cls.__qualname__ ?? cls.__name__);
    return cls.__module__ === 'builtins' || cls.__module__ === undefined ? name : `${String(cls.__module__)}.${name}`;
  }
  return repr(t);
}

/** `arg` with each of `parameters` replaced by the matching one of `given` (an alias among them subscripted with its own). */
export function substituteParameters(arg: unknown, parameters: unknown[], given: unknown[]): unknown {
  const i = parameters.indexOf(arg);
  if (i >= 0) return given[i];
  const inner = parametersAttribute(arg);
  if (inner.length === 0) return arg;
  return getitem(arg, PyTuple.fromArray(inner.map((t) => substituteParameters(t, parameters, given))));
}

function makeAliasClass(): PyClass {
  const Q = 'types';
  return defineClass('types', 'GenericAlias', [], {
    __init__: pyMethod((s: Attrs, origin: unknown, args: unknown) => {
      initAlias(s, origin, args);
      return null;
    }, 'self, origin, args, /', 'GenericAlias.__init__', Q),
    __repr__: pyMethod((s: Attrs) => {
      const args = s['__args__'] as PyTuple;
      const shown = args.length === 0 ? '()' : args.map(typeRepr).join(', ');
      return `${typeRepr(s['__origin__'])}[${shown}]`;
    }, 'self', 'GenericAlias.__repr__', Q),
    __eq__: pyMethod((s: Attrs, o: unknown) => {
      if (type(o) !== type(s)) return NotImplemented;
      return eq(s['__origin__'], (o as Attrs)['__origin__']) && eq(s['__args__'], (o as Attrs)['__args__']);
    }, 'self, other', 'GenericAlias.__eq__', Q),
    __hash__: pyMethod((s: Attrs) => hash(PyTuple.fromArray([s['__origin__'], s['__args__']])), 'self', 'GenericAlias.__hash__', Q),
    __call__(this: Attrs, ...rest: unknown[]): unknown {
      const [args, kw] = splitKeywords(rest);
      const result = call(this['__origin__'], args, Object.keys(kw).length > 0 ? kw : null);
      try {
        setattr(result, '__orig_class__', this);
      } catch (e) {
        // Values that take no attributes (a list) don't record it, as in CPython.
        if (!(e instanceof AttributeError)) throw e;
      }
      return result;
    },
    __getitem__(this: Attrs, params: unknown): unknown {
      const parameters = [...(this['__parameters__'] as PyTuple)];
      if (parameters.length === 0) throw new TypeError(`${repr(this)} is not a generic class`);
      const given = params instanceof PyTuple ? [...params] : [params];
      if (given.length !== parameters.length) {
        throw new TypeError(`Too ${given.length > parameters.length ? 'many' : 'few'} arguments for ${repr(this)}`);
      }
      const args = (this['__args__'] as PyTuple).map((arg) => substituteParameters(arg, parameters, given));
      return genericAlias(this['__origin__'], PyTuple.fromArray(args));
    },
    __mro_entries__(this: Attrs): PyTuple {
      return PyTuple.fromArray([this['__origin__']]);
    },
    __getattr__(this: Attrs, name: string): unknown {
      // Dunder names stay the alias's own (CPython's attr_exceptions are a few more, all dunders too).
      if (name.startsWith('__') && name.endsWith('__')) throw new AttributeError(`'types.GenericAlias' object has no attribute '${name}'`);
      return getattr(this['__origin__'], name);
    },
    __instancecheck__(this: Attrs): never {
      throw new TypeError('isinstance() argument 2 cannot be a parameterized generic');
    },
    __subclasscheck__(this: Attrs): never {
      throw new TypeError('issubclass() argument 2 cannot be a parameterized generic');
    },
  });
}

subscriptHooks.builtinGeneric = (cls, key) =>
  cls === list || cls === dict || cls === tuple || cls === set || cls === frozenset || cls === type
    || (genericRuntimeClasses.size > 0 && mroOf(cls).some((c) => genericRuntimeClasses.has(c))) ? genericAlias(cls, key) : undefined;
