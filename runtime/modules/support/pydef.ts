/**
 * Helpers for the runtime modules that give Python classes and functions:
 * what CPython writes in Python (Counter, json.dumps, copy.deepcopy) is made
 * here as a Python function (a signature, so keywords bind as in a call of a
 * compiled function, with CPython's TypeErrors) and Python classes are made
 * with the same machinery as `class` statements, so that they subclass,
 * `isinstance` and `super()` as Python classes do.
 */
import { Keywords, SIGNATURE, checkArgs, def, noKeywords, positionalCallable, restArgs, type PyCallable, type Signature } from '../../builtins/calls.js';

export { noKeywords };
import { PyClassMethod, PyStaticMethod, makeClass, type PyClass } from '../../builtins/classes.js';
import { TypeError } from '../../builtins/exceptions.js';
import { PyDict } from '../../builtins/dict.js';
import { PyTuple, typeName } from '../../builtins/values.js';

type Impl = (...args: never[]) => unknown;

/**
 * A Python function `qualname(spec)` of module `module`: `impl` receives the
 * positional parameters (undefined when missing, for defaults), then, when
 * the spec has them, the `*args` tuple, the keyword-only values and the
 * `**kwargs` dict, as compiled functions receive them.
 */
export function pyFunction<F extends Impl>(spec: string, qualname: string, module: string, impl: F): F {
  let positional = 0;
  let required = -1;
  let extras = false;
  for (const raw of spec.split(',')) {
    const p = raw.trim();
    if (p === '' || p === '/') continue;
    if (p.startsWith('*')) {
      extras = true;
      break;
    }
    if (p.endsWith('=') && required < 0) required = positional;
    positional++;
  }
  if (required < 0) required = positional;
  const body = impl as unknown as (...a: unknown[]) => unknown;
  /** For extras: what a call without keywords and without surplus positionals appends (set once the signature is known). */
  let tail: ((args: unknown[]) => void) | null | undefined;
  // The checks read the signature `def` puts on fn (parsing the spec on every call cost more than the call).
  const fn: (...args: unknown[]) => unknown = extras
    ? function (...args: unknown[]): unknown {
        const last = args[args.length - 1];
        const keywords = last instanceof Keywords;
        const given = keywords ? args.length - 1 : args.length;
        if (given < required) checkArgs(given, fn);
        if (!keywords && given <= positional) {
          // No keywords and no `*args` items: the keyword-only defaults and an empty `**` dict, as restArgs would give.
          if (tail === undefined) tail = tailFor((fn as unknown as PyCallable)[SIGNATURE]!);
          if (tail !== null) {
            while (args.length < positional) args.push(undefined);
            tail(args);
            return body(...args);
          }
        }
        const head = args.slice(0, Math.min(given, positional));
        while (head.length < positional) head.push(undefined);
        const rest = args.slice(Math.min(given, positional));
        return body(...head, ...restArgs(rest, fn));
      }
    : positional <= 3
    ? // A method of a few positional parameters (deque.append, popleft): no rest array and no spread call at each call.
      function (this: unknown, a: unknown, b: unknown, c: unknown): unknown {
        const n = arguments.length;
        if (n > positional || n < required) checkArgs(n, spec, qualname);
        switch (n) {
          case 0:
            return body();
          case 1:
            return body(a);
          case 2:
            return body(a, b);
          default:
            return body(a, b, c);
        }
      }
    : function (...args: unknown[]): unknown {
        if (args.length > positional || args.length < required) checkArgs(args.length, fn);
        return body(...args);
      };
  Object.defineProperty(fn, 'name', { value: qualname.slice(qualname.lastIndexOf('.') + 1) });
  return positionalCallable(def(fn as unknown as F, spec, qualname, module));
}

/**
 * What restArgs gives a call with no keywords and no surplus positionals
 * (appended to the arguments): null when that is an error or needs more
 * (a required keyword-only parameter).
 */
function tailFor(sig: Signature): ((args: unknown[]) => void) | null {
  if (sig.kwonlyRequired.some((r) => r)) return null;
  const vararg = sig.vararg !== null;
  const kwonly = sig.kwonly.length;
  const kwarg = sig.kwarg !== null;
  return (args) => {
    if (vararg) args.push(PyTuple.fromArray([]));
    for (let i = 0; i < kwonly; i++) args.push(undefined);
    if (kwarg) args.push(new PyDict());
  };
}

/** A classmethod / staticmethod of a runtime Python class. */
export function pyClassMethod(f: unknown): PyClassMethod {
  return new PyClassMethod(f);
}

export function pyStaticMethod(f: unknown): PyStaticMethod {
  return new PyStaticMethod(f);
}

/** A Python class `module.name` with the given bases and namespace, made as a `class` statement makes one. */
export function pyClass(name: string, module: string, bases: unknown[], members: Record<string, unknown>): PyClass {
  return makeClass(name, bases, (ns) => {
    ns['__module__'] = module;
    ns['__qualname__'] = name;
    for (const key of Object.keys(members)) ns[key] = members[key];
  });
}

/** Whether `f` is a runtime or compiled Python function (it takes `self` first when found on a class). */
export function hasSignature(f: unknown): boolean {
  return typeof f === 'function' && (f as PyCallable)[SIGNATURE] !== undefined;
}

/** The `**kwargs` dict a pyFunction receives, as a plain record for dict.update and friends. */
export function kwargsRecord(d: unknown): Record<string, unknown> | undefined {
  if (!(d instanceof PyDict) || d.$size === 0) return undefined;
  const out: Record<string, unknown> = {};
  for (const k of d) out[k as string] = d.$get(k);
  return out;
}

/**
 * For builtins CPython writes in C: the trailing keywords object `call()`
 * passes a JS function, split from the positional arguments.
 */
export function splitKeywords(args: unknown[]): { args: unknown[]; kw: Record<string, unknown> | null } {
  const last = args[args.length - 1];
  if (last !== null && typeof last === 'object' && Object.getPrototypeOf(last) === Object.prototype) {
    return { args: args.slice(0, -1), kw: last as Record<string, unknown> };
  }
  return { args, kw: null };
}

/** A C builtin's arity error: `name expected 2 arguments, got 1`. */
export function expectedArgs(name: string, min: number, max: number, given: number): TypeError {
  if (min === max) return new TypeError(`${name} expected ${min} argument${min === 1 ? '' : 's'}, got ${given}`);
  if (given < min) return new TypeError(`${name} expected at least ${min} argument${min === 1 ? '' : 's'}, got ${given}`);
  return new TypeError(`${name} expected at most ${max} argument${max === 1 ? '' : 's'}, got ${given}`);
}

/**
 * A C builtin with keyword parameters: `$kw` binds them by name into the
 * positional slots (`params` in order), with CPython's messages for unknown
 * keywords and duplicates.
 */
export function withKeywordParams<F extends (...args: never[]) => unknown>(fn: F, name: string, params: readonly string[]): F {
  (fn as unknown as PyCallable).$kw = (args, kwargs) => {
    const bound = [...args];
    for (const key of Object.keys(kwargs)) {
      const i = params.indexOf(key);
      if (i < 0) throw new TypeError(`${name}() got an unexpected keyword argument '${key}'`);
      if (i < args.length) throw new TypeError(`argument for ${name}() given by name ('${key}') and position (${i + 1})`);
      while (bound.length < i) bound.push(undefined);
      bound[i] = kwargs[key];
    }
    return (fn as unknown as (...a: unknown[]) => unknown)(...bound);
  };
  return fn;
}

/** `'X' object cannot be interpreted as an integer`, for C functions reading an index. */
export function notAnInteger(v: unknown): TypeError {
  return new TypeError(`'${typeName(v)}' object cannot be interpreted as an integer`);
}

/**
 * A C builtin whose arguments CPython's Argument Clinic parses: positional
 * parameters (the first `required` of them required) that may also be
 * given by name, then keyword-only ones. `impl` receives them all in
 * order, undefined when not given. CPython's messages for each misuse.
 */
export function clinicFunction<F extends (...args: never[]) => unknown>(
  name: string,
  positional: readonly string[],
  required: number,
  keywordOnly: readonly string[],
  impl: F,
): F {
  const body = impl as unknown as (...a: unknown[]) => unknown;
  const total = positional.length + keywordOnly.length;
  const tooMany = (given: number): TypeError =>
    new TypeError(`${name}() takes ${required === positional.length ? 'exactly' : 'at most'} ${positional.length} positional argument${positional.length === 1 ? '' : 's'} (${given} given)`);
  const missing = (i: number): TypeError => new TypeError(`${name}() missing required argument '${positional[i]}' (pos ${i + 1})`);
  const fn = {
    [name](...args: unknown[]): unknown {
      if (args.length > positional.length) throw tooMany(args.length);
      if (args.length < required) throw missing(args.length);
      return body(...args);
    },
  }[name]!;
  (fn as unknown as PyCallable).$kw = (args, kwargs) => {
    if (args.length > positional.length) throw tooMany(args.length);
    const bound: unknown[] = [...args];
    while (bound.length < total) bound.push(undefined);
    for (const key of Object.keys(kwargs)) {
      let i = positional.indexOf(key);
      if (i < 0) {
        const k = keywordOnly.indexOf(key);
        if (k < 0) throw new TypeError(`'${key}' is an invalid keyword argument for ${name}()`);
        i = positional.length + k;
      } else if (i < args.length) {
        throw new TypeError(`argument for ${name}() given by name ('${key}') and position (${i + 1})`);
      }
      bound[i] = kwargs[key];
    }
    for (let i = 0; i < required; i++) if (bound[i] === undefined) throw missing(i);
    return body(...bound);
  };
  return fn as unknown as F;
}

/** A C builtin taking exactly / between min and max positional arguments and no keywords. */
export function positionalFunction<F extends (...args: never[]) => unknown>(name: string, min: number, max: number, impl: F): F {
  const body = impl as unknown as (...a: unknown[]) => unknown;
  const fn = {
    [name](...args: unknown[]): unknown {
      if (args.length < min || args.length > max) throw expectedArgs(name, min, max, args.length);
      return body(...args);
    },
  }[name]!;
  return noKeywords(fn as unknown as F, name);
}
