/**
 * typing's ParamSpec (with its `.args` and `.kwargs`) and TypeVarTuple, as
 * CPython 3.11 prints and compares them. Like TypeVar they check nothing.
 */
import { TypeError } from '../../../builtins/exceptions.js';
import { PyStaticMethod, PyProperty, isinstance, setClassAttribute } from '../../../builtins/classes.js';
import { NotImplemented } from '../../../builtins/notImplemented.js';
import { eq } from '../../../builtins/equality.js';
import { getitem } from '../../../builtins/items.js';
import { iter } from '../../../builtins/iteration.js';
import { truthy } from '../../../builtins/truth.js';
import { pyFunction } from '../pydef.js';
import { checkKeywords, defineClass, newInstance, splitKeywords } from '../stdlib/pyclass.js';

type Obj = Record<string, unknown>;

function paramSpecPart(name: 'ParamSpecArgs' | 'ParamSpecKwargs', suffix: string) {
  const cls = defineClass('typing', name, [], {
    __init__: pyFunction('self, origin', `${name}.__init__`, 'typing', (self: Obj, origin: unknown) => {
      self['__origin__'] = origin;
      return null;
    }),
    __repr__(this: Obj): string {
      return `${String((this['__origin__'] as Obj)['__name__'])}.${suffix}`;
    },
    __eq__(this: Obj, other: unknown): unknown {
      if (!isinstance(other, cls)) return NotImplemented;
      return eq(this['__origin__'], (other as Obj)['__origin__']);
    },
  });
  return cls;
}

export const ParamSpecArgs = paramSpecPart('ParamSpecArgs', 'args');
export const ParamSpecKwargs = paramSpecPart('ParamSpecKwargs', 'kwargs');

function part(cls: typeof ParamSpecArgs, origin: Obj): Obj {
  const p = newInstance(cls);
  p['__origin__'] = origin;
  return p;
}

/** ParamSpec(name, *, bound=None, covariant=False, contravariant=False) */
export const ParamSpec = defineClass('typing', 'ParamSpec', [], {
  args: new PyProperty(pyFunction('self', 'ParamSpec.args', 'typing', (self: Obj) => part(ParamSpecArgs, self))),
  kwargs: new PyProperty(pyFunction('self', 'ParamSpec.kwargs', 'typing', (self: Obj) => part(ParamSpecKwargs, self))),
  __typing_subst__(this: Obj, arg: unknown): unknown {
    return arg;
  },
  __repr__(this: Obj): string {
    const prefix = this['__covariant__'] === true ? '+' : this['__contravariant__'] === true ? '-' : '~';
    return `${prefix}${String(this['__name__'])}`;
  },
});
setClassAttribute(ParamSpec, '__new__', new PyStaticMethod((cls: unknown, ...rest: unknown[]) => {
  const [args, kw] = splitKeywords(rest);
  checkKeywords(kw, ['bound', 'covariant', 'contravariant'], 'ParamSpec');
  if (args.length === 0) throw new TypeError("ParamSpec.__new__() missing 1 required positional argument: 'name'");
  if (args.length > 1) throw new TypeError(`ParamSpec.__new__() takes 2 positional arguments but ${args.length + 1} were given`);
  const p = newInstance(cls);
  p['__name__'] = args[0];
  p['__bound__'] = kw['bound'] ?? null;
  p['__covariant__'] = truthy(kw['covariant'] ?? false);
  p['__contravariant__'] = truthy(kw['contravariant'] ?? false);
  return p;
}));

/** The Unpack special form, which typing.ts makes; `iter(Ts)` yields `Unpack[Ts]`. */
export const unpackForm: { form?: unknown } = {};

/** TypeVarTuple(name) */
export const TypeVarTuple = defineClass('typing', 'TypeVarTuple', [], {
  __iter__: pyFunction('self', 'TypeVarTuple.__iter__', 'typing', (self: Obj) => iter([getitem(unpackForm.form, self)])),
  __repr__(this: Obj): string {
    return String(this['__name__']);
  },
  __typing_subst__(this: Obj): never {
    throw new TypeError('Substitution of bare TypeVarTuple is not supported');
  },
});
setClassAttribute(TypeVarTuple, '__new__', new PyStaticMethod((cls: unknown, ...rest: unknown[]) => {
  const [args, kw] = splitKeywords(rest);
  checkKeywords(kw, [], 'TypeVarTuple');
  if (args.length !== 1) throw new TypeError(args.length === 0 ? "TypeVarTuple.__new__() missing 1 required positional argument: 'name'" : `TypeVarTuple.__new__() takes 2 positional arguments but ${args.length + 1} were given`);
  const p = newInstance(cls);
  p['__name__'] = args[0];
  return p;
}));
