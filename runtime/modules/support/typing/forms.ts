/**
 * typing's run-time objects: special forms (Any, Union, Optional,
 * ClassVar…), generic aliases (List[int], Callable[[int], str]…) and
 * TypeVar, with CPython's reprs. They carry no checking: annotations cost
 * nothing at run time, as in CPython.
 */
import { TypeError } from '../../../builtins/exceptions.js';
import { PyTuple } from '../../../builtins/values.js';
import { Ellipsis, NoneType } from '../../../builtins/types.js';
import { repr } from '../../../builtins/repr.js';
import { call } from '../../../builtins/calls.js';
import { eq } from '../../../builtins/equality.js';
import { isClassLike, isinstance, type PyClass } from '../../../builtins/classes.js';
import { defineClass, newInstance } from '../stdlib/pyclass.js';

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
  if (typeof t === 'string') return `ForwardRef(${repr(t)})`;
  return repr(t);
}

function argsOf(params: unknown): unknown[] {
  return params instanceof PyTuple ? [...params] : [params];
}

export const GenericAlias = defineClass('typing', '_GenericAlias', [], {
  __repr__(this: Obj): string {
    const args = this['__args__'] as unknown[];
    const name = this['$name'] as string;
    if (typeof this['$optionalRepr'] === 'string') return this['$optionalRepr'];
    const n = this['$callable'];
    if (typeof n === 'number') return `${name}[[${args.slice(0, n).map(typeRepr).join(', ')}], ${typeRepr(args[n])}]`;
    if (this['$literal'] === true) return `${name}[${args.map((a) => repr(a)).join(', ')}]`;
    return `${name}[${args.map(typeRepr).join(', ')}]`;
  },
  __getitem__(this: Obj, params: unknown): unknown {
    return alias(this['$name'] as string, this['__origin__'], argsOf(params), this);
  },
  __call__(this: Obj, ...args: unknown[]): unknown {
    const origin = this['__origin__'];
    if (this['$instantiable'] === true) return call(origin, args, null);
    throw new TypeError(`Type ${String(this['_name'])} cannot be instantiated; use ${String((origin as { __name__?: unknown }).__name__)}() instead`);
  },
  __eq__(this: Obj, other: unknown): boolean {
    if (!isinstance(other, GenericAlias)) return false;
    const o = other as Obj;
    return eq(this['__origin__'], o['__origin__']) && eq(PyTuple.fromArray(this['__args__'] as unknown[]), PyTuple.fromArray(o['__args__'] as unknown[]));
  },
  __hash__(this: Obj): number {
    return 0x7ead;
  },
});

function alias(name: string, origin: unknown, args: unknown[], base: Obj | null = null): Obj {
  const a = newInstance(GenericAlias);
  a['$name'] = name;
  a['_name'] = base?.['_name'] ?? name.replace(/^typing\./, '');
  a['__origin__'] = origin;
  a['__args__'] = PyTuple.fromArray(args.map((x) => (x === null ? NoneType : x)));
  a['$literal'] = base?.['$literal'] ?? false;
  return a;
}

/** An unsubscripted alias of a builtin or abstract type (`typing.List` → list). */
export function genericAlias(name: string, origin: unknown): Obj {
  const a = newInstance(UnsubscriptedAlias);
  a['_name'] = name;
  a['$name'] = `typing.${name}`;
  a['__origin__'] = origin;
  return a;
}

const UnsubscriptedAlias = defineClass('typing', '_SpecialGenericAlias', [], {
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
  __call__(this: Obj, ...args: unknown[]): unknown {
    const origin = this['__origin__'];
    throw new TypeError(`Type ${String(this['_name'])} cannot be instantiated; use ${String((origin as { __name__?: unknown }).__name__)}() instead`);
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
        const t = a === null ? NoneType : a;
        const parts = isinstance(t, GenericAlias) && (t as Obj)['_name'] === 'Union' ? [...((t as Obj)['__args__'] as unknown[])] : [t];
        for (const p of parts) if (!flat.includes(p)) flat.push(p);
      }
      if (flat.length === 1) return flat[0];
      const u = alias('typing.Union', this, flat);
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

export const TypeVar = defineClass('typing', 'TypeVar', [], {
  __repr__(this: Obj): string {
    const prefix = this['__covariant__'] === true ? '+' : this['__contravariant__'] === true ? '-' : '~';
    return `${prefix}${String(this['__name__'])}`;
  },
});
