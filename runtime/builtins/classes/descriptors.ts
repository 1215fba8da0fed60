/**
 * The descriptor objects a class body makes with `staticmethod`,
 * `classmethod` and `property`. Classes keep them in their namespace as
 * they are; what an instance or a class sees through them is worked out
 * where attributes are looked up (classAttributes.ts installs them on
 * prototypes).
 */
import { DOC } from '../calls.js';
import { TypeError } from '../exceptions.js';
import { bindMethod, hooks, typeOf } from './model.js';
import { checkPositional } from '../arity.js';

/** staticmethod and classmethod objects: class attributes that an instance's lookup must unwrap or bind. */
export abstract class MethodDescriptor {
  constructor(readonly __func__: unknown) {}

  /** `<staticmethod(<function f at 0x…>)>`, as CPython 3.10+ prints them. */
  __repr__(): string {
    const name = (this.constructor as { __name__?: string }).__name__;
    return `<${name}(${hooks.repr ? hooks.repr(this.__func__) : String(this.__func__)})>`;
  }
}

// Their __get__ is for code that binds by hand (`sm.__get__(obj, cls)`): class attribute lookup unwraps them itself.
export class PyStaticMethod extends MethodDescriptor {
  static readonly __name__ = 'staticmethod';

  __get__(_obj: unknown, _owner: unknown = null): unknown {
    return this.__func__;
  }
}

export class PyClassMethod extends MethodDescriptor {
  static readonly __name__ = 'classmethod';

  __get__(obj: unknown, owner: unknown = null): unknown {
    return bindMethod(this.__func__, owner === null || owner === undefined ? typeOf(obj as object) : owner);
  }
}

export class PyProperty {
  static readonly __name__ = 'property';
  readonly __doc__: unknown;
  constructor(
    readonly fget: unknown = null,
    readonly fset: unknown = null,
    readonly fdel: unknown = null,
    doc: unknown = null,
  ) {
    // No doc given: the getter's docstring, as CPython's property takes it.
    this.__doc__ = doc ?? (typeof fget === 'function' ? (fget as unknown as { [DOC]?: string })[DOC] : undefined) ?? null;
  }

  getter(f: unknown): PyProperty {
    return new PyProperty(f, this.fset, this.fdel, this.__doc__);
  }

  setter(f: unknown): PyProperty {
    return new PyProperty(this.fget, f, this.fdel, this.__doc__);
  }

  deleter(f: unknown): PyProperty {
    return new PyProperty(this.fget, this.fset, f, this.__doc__);
  }
}

export function staticmethod(f: unknown): PyStaticMethod {
  if (arguments.length !== 1) checkPositional('staticmethod', arguments.length, 1, 1);
  return new PyStaticMethod(f);
}

export function classmethod(f: unknown): PyClassMethod {
  if (arguments.length !== 1) checkPositional('classmethod', arguments.length, 1, 1);
  return new PyClassMethod(f);
}

export function property(fget: unknown = null, fset: unknown = null, fdel: unknown = null, doc: unknown = null): PyProperty {
  if (arguments.length > 4) throw new TypeError(`property() takes at most 4 arguments (${arguments.length} given)`);
  return new PyProperty(fget, fset, fdel, doc);
}

const PROPERTY_PARAMETERS = ['fget', 'fset', 'fdel', 'doc'];

// `property(fget, fset, doc="…")`: the call layer passes keywords here.
(property as unknown as { $kw: (args: unknown[], kw: Record<string, unknown>) => PyProperty }).$kw = (args, kw) => {
  if (args.length > 4) throw new TypeError(`property() takes at most 4 arguments (${args.length} given)`);
  const values = [...args];
  for (const [key, value] of Object.entries(kw)) {
    const i = PROPERTY_PARAMETERS.indexOf(key);
    if (i < 0) throw new TypeError(`'${key}' is an invalid keyword argument for property()`);
    if (i < args.length) throw new TypeError(`argument for property() given by name ('${key}') and position (${i + 1})`);
    values[i] = value;
  }
  return new PyProperty(values[0] ?? null, values[1] ?? null, values[2] ?? null, values[3] ?? null);
};
