/**
 * PEP 604's `int | str`, `list[int] | None`: types.UnionType, made by `|`
 * between classes, None, GenericAliases and unions when no operand's own
 * `__or__`/`__ror__` answers (type.__or__ in CPython). It prints as the
 * expression, compares and hashes by its set of arguments, and stands for
 * them in isinstance and issubclass, as a tuple would.
 *
 * The class is made on first use, as GenericAlias is (genericAlias.ts).
 */
import { TypeError } from './exceptions.js';
import { PyTuple } from './values.js';
import { unionHooks } from './dunders.js';
import { frozenset, hash } from './functions.js';
import { eq } from './equality.js';
import { NotImplemented } from './notImplemented.js';
import { isClassLike, type PyClass } from './classes.js';
import { NoneType, isinstance, issubclass, type } from './types.js';
import { genericAliasClass, typeParameters, typeRepr } from './genericAlias.js';
import { defineClass, newInstance, pyMethod } from '../modules/support/stdlib/pyclass.js';

type Attrs = Record<string, unknown>;

let unionClass: PyClass | undefined;

/** types.UnionType. */
export function unionTypeClass(): PyClass {
  return (unionClass ??= makeUnionClass());
}

function isUnion(v: unknown): v is Attrs {
  return unionClass !== undefined && type(v) === unionClass;
}

/** What `|` can join: None, a class, a GenericAlias, a union. */
function isUnionable(v: unknown): boolean {
  return v === null || v === undefined || isClassLike(v) || isUnion(v) || type(v) === genericAliasClass();
}

/** `a | b` as type.__or__ makes it, or NotImplemented. */
function unionOr(a: unknown, b: unknown): unknown {
  if (!isUnionable(a) || !isUnionable(b)) return NotImplemented;
  const args: unknown[] = [];
  for (const side of [a, b]) {
    const parts = isUnion(side) ? [...(side['__args__'] as PyTuple)] : [side === null || side === undefined ? NoneType : side];
    // Each argument once: `int | int` is int, `(int | str) | int` is `int | str`.
    for (const p of parts) if (!args.some((q) => q === p || (!isClassLike(p) && eq(q, p)))) args.push(p);
  }
  if (args.length === 1) return args[0];
  const u = newInstance(unionTypeClass());
  u['__args__'] = PyTuple.fromArray(args);
  u['__parameters__'] = PyTuple.fromArray(typeParameters(args));
  return u;
}

unionHooks.or = unionOr;

/** How CPython prints a union's argument: `None` for NoneType, else as inside an alias (`int`, `collections.deque`, `list[int]`). */
function argRepr(t: unknown): string {
  return t === NoneType ? 'None' : typeRepr(t);
}

function makeUnionClass(): PyClass {
  const Q = 'types';
  return defineClass('types', 'UnionType', [], {
    __repr__: pyMethod((s: Attrs) => (s['__args__'] as PyTuple).map(argRepr).join(' | '), 'self', 'UnionType.__repr__', Q),
    __eq__: pyMethod((s: Attrs, o: unknown) => {
      if (!isUnion(o)) return NotImplemented;
      return eq(frozenset(s['__args__']), frozenset(o['__args__']));
    }, 'self, other', 'UnionType.__eq__', Q),
    __hash__: pyMethod((s: Attrs) => hash(frozenset(s['__args__'])), 'self', 'UnionType.__hash__', Q),
    __or__: pyMethod((s: Attrs, o: unknown) => unionOr(s, o), 'self, other', 'UnionType.__or__', Q),
    __ror__: pyMethod((s: Attrs, o: unknown) => unionOr(o, s), 'self, other', 'UnionType.__ror__', Q),
    // isinstance(x, A | B) is isinstance(x, (A, B)).
    __instancecheck__: pyMethod((s: Attrs, x: unknown) => isinstance(x, s['__args__']), 'self, instance', 'UnionType.__instancecheck__', Q),
    __subclasscheck__: pyMethod((s: Attrs, c: unknown) => issubclass(c, s['__args__']), 'self, subclass', 'UnionType.__subclasscheck__', Q),
    __init__: pyMethod((): never => {
      throw new TypeError("cannot create 'types.UnionType' instances");
    }, 'self, /, *args, **kwargs', 'UnionType.__init__', Q),
  });
}
