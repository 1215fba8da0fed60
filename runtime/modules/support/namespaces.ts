/**
 * Python module objects are ES module namespace objects: a compiled .py
 * file exports its globals (and `__name__`, `__file__`), a runtime module
 * (runtime/modules/math.ts) its functions and constants. This file holds
 * what the rest of the runtime needs to treat them as modules: attribute
 * lookup (`m.f`, `pkg.sub`), `from m import x`, and repr.
 *
 * Namespaces cannot be assigned to: a compiled module exports `$module$setattr`,
 * which assigns its own globals (`config.debug = True`, and `pkg.mod` when
 * `pkg.mod` is imported); other attributes are kept in a table beside it.
 */
import { AttributeError, ImportError, attributeNotFound } from '../../builtins/exceptions.js';

/** A module namespace as the runtime reads it. */
export type ModuleNamespace = Readonly<Record<string, unknown>>;

/**
 * What a module exports to let other modules assign its globals (compiled
 * modules and sys define it): true when `name` is one of them.
 */
type Setattr = (name: string, value: unknown) => boolean;

/** Attributes set on modules that have no global of that name (an ES namespace cannot grow). */
const extraAttributes = new WeakMap<object, Map<string, unknown>>();

/** Whether `obj` is a module (an ES module namespace object). */
export function isModule(obj: unknown): obj is ModuleNamespace {
  return typeof obj === 'object' && obj !== null && (obj as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag] === 'Module';
}

/**
 * `module.name = value`: the module's global when it has one of that name
 * (its own code sees the new value), else an attribute kept beside it.
 */
export function moduleSetattr(mod: ModuleNamespace, name: string, value: unknown): void {
  const set = mod['$module$setattr'];
  if (typeof set === 'function' && (set as Setattr)(name, value)) return;
  let table = extraAttributes.get(mod);
  if (table === undefined) {
    table = new Map();
    extraAttributes.set(mod, table);
  }
  if (value === undefined) table.delete(name);
  else table.set(name, value);
}

/** `del module.name`. */
export function moduleDelattr(mod: ModuleNamespace, name: string): void {
  if (mod[name] === undefined && !extraAttributes.get(mod)?.has(name)) throw noAttribute(mod, name);
  moduleSetattr(mod, name, undefined);
}

/**
 * The program's modules by `__name__` (`__main__` for the entry), as they
 * were loaded. Not `sys.modules`, which lists the runtime's (see README.md):
 * this serves what must find a module by name, `unittest.mock.patch`.
 */
export const programModules = new Map<string, ModuleNamespace>();

/**
 * Run by a compiled module before its body: it is known by name, and a
 * submodule is `pkg.mod` from now on, as after CPython's import.
 */
export function submodule(pkg: ModuleNamespace | null, name: string, mod: ModuleNamespace): void {
  const own = mod['__name__'];
  programModules.set(typeof own === 'string' ? own : name, mod);
  if (pkg !== null) moduleSetattr(pkg, name, mod);
}

/** The names dir(module) lists: its bound globals and attributes set on it, sorted. */
export function moduleDir(mod: ModuleNamespace): string[] {
  const names = new Set<string>();
  for (const key of Object.keys(mod)) if (!key.includes('$') && mod[key] !== undefined) names.add(key);
  for (const key of extraAttributes.get(mod)?.keys() ?? []) names.add(key);
  return [...names].sort();
}

/**
 * `module.name`: the module's global, else an imported submodule, else what
 * a module-level `__getattr__` (PEP 562) answers. An unbound global (a
 * module still running, caught in an import cycle) is missing.
 */
export function moduleGetattr(mod: ModuleNamespace, name: string): unknown {
  const value = mod[name];
  if (value !== undefined) return value;
  return moduleAttributeFallback(mod, name);
}

/** The `module` type, set where the builtin types are made: a module's `__class__` (a descriptor of the type, found before `__getattr__`). */
export const moduleClass: { type?: unknown } = {};

/** moduleGetattr's slow path, for a name the namespace does not bind. */
export function moduleAttributeFallback(mod: ModuleNamespace, name: string): unknown {
  const extra = extraAttributes.get(mod)?.get(name);
  if (extra !== undefined) return extra;
  if (name === '__class__' && moduleClass.type !== undefined) return moduleClass.type;
  const hook = mod['__getattr__'];
  if (typeof hook === 'function') return (hook as (n: string) => unknown)(name);
  throw noAttribute(mod, name);
}

function noAttribute(mod: ModuleNamespace, name: string): AttributeError {
  const moduleName = mod['__name__'];
  if (typeof moduleName !== 'string') {
    // A module still running its imports (an import cycle) has no __name__ yet.
    return new AttributeError(`partially initialized module has no attribute '${name}' (most likely due to a circular import)`);
  }
  return attributeNotFound(`module '${moduleName}' has no attribute '${name}'`, name, mod);
}

/** `from module import name` (compiled as `$importFrom($m$, "name", "m")`): ImportError as CPython words it. */
export function importFrom(mod: ModuleNamespace, name: string, moduleName: string): unknown {
  const value = mod[name];
  if (value !== undefined) return value;
  const extra = extraAttributes.get(mod)?.get(name);
  if (extra !== undefined) return extra;
  const hook = mod['__getattr__'];
  if (typeof hook === 'function') {
    try {
      return (hook as (n: string) => unknown)(name);
    } catch (e) {
      if (!(e instanceof AttributeError)) throw e;
    }
  }
  const file = mod['__file__'];
  const where = typeof file === 'string' ? file : 'unknown location';
  // A module whose body has not run yet (an import cycle) has no __name__ yet.
  if (mod['__name__'] === undefined) {
    throw new ImportError(`cannot import name '${name}' from partially initialized module '${moduleName}' (most likely due to a circular import) (${where})`);
  }
  throw new ImportError(`cannot import name '${name}' from '${moduleName}' (${where})`);
}

/** For `from m import *` when m computes its `__all__`: whether it lists `name`. */
export function inAll(mod: ModuleNamespace, name: string): boolean {
  const all = mod['__all__'];
  if (all === undefined || all === null) return !name.startsWith('_') && mod[name] !== undefined;
  for (const item of all as Iterable<unknown>) if (item === name) return true;
  return false;
}

/** repr(module): `<module 'm' from '/path/m.py'>`, `<module 'math' (built-in)>`. */
export function moduleRepr(mod: ModuleNamespace): string {
  const name = typeof mod['__name__'] === 'string' ? mod['__name__'] : '?';
  const file = mod['__file__'];
  if (typeof file === 'string') return `<module '${name}' from '${file}'>`;
  if (file === null) return `<module '${name}' (namespace)>`;
  return `<module '${name}' (built-in)>`;
}
