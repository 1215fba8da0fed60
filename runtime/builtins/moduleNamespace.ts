/**
 * `globals()`: a compiled module keeps its globals as JS variables, so its
 * namespace dict is made here on the first call and refreshed by each one
 * (src/transform/globalsCall.ts). Writes go the other way at once: the
 * dict's own `set` and `take` (every store and removal of a dict goes
 * through them) also assign or unbind the module's variable through its
 * `$module$setattr`. The dict stays a plain `dict` to Python code.
 */
import { MISSING, PyDict } from './dict.js';

type Setattr = (name: string, value: unknown) => boolean;

/** Per module, keyed by its `$module$globals` function. */
const NAMESPACES = new WeakMap<Function, PyDict>();

const plainSet = PyDict.prototype.$set;
const plainTake = PyDict.prototype.$take;

/**
 * The module's namespace dict, refreshed from `kvs` (names and current
 * values alternating; undefined for a name not bound yet, which is left
 * out). Keys only the dict has (assigned through it, naming no variable) stay.
 */
export function globalsOf(key: Function, kvs: readonly unknown[], setattr: Setattr | null): PyDict {
  let d = NAMESPACES.get(key);
  if (d === undefined) {
    d = new PyDict();
    if (setattr !== null) {
      d.$set = function set(k: unknown, v: unknown) {
        plainSet.call(this, k, v);
        if (typeof k === 'string') setattr(k, v);
        return this;
      };
      d.$take = function take(k: unknown) {
        const v = plainTake.call(this, k);
        if (v !== MISSING && typeof k === 'string') setattr(k, undefined);
        return v;
      };
    }
    NAMESPACES.set(key, d);
  }
  for (let i = 0; i < kvs.length; i += 2) {
    const v = kvs[i + 1];
    if (v !== undefined) plainSet.call(d, kvs[i], v);
    else plainTake.call(d, kvs[i]);
  }
  return d;
}

/**
 * The `$module$globals` functions of the compiled modules that need them
 * found by module name (src/transform/index.ts): those whose annotations
 * hold text, which typing.get_type_hints evaluates there, and those using
 * enum.global_enum. CPython reads `sys.modules[cls.__module__].__dict__` or
 * a function's `__globals__`; neither exists for compiled modules.
 */
const REGISTERED = new Map<string, () => PyDict>();

/** Run first by such a module. */
export function registerGlobals(name: string, globals: () => PyDict): void {
  REGISTERED.set(name, globals);
}

/** The current globals of the module of that name, if it registered them. */
export function registeredGlobals(name: unknown): PyDict | null {
  const globals = typeof name === 'string' ? REGISTERED.get(name) : undefined;
  return globals === undefined ? null : globals();
}
