/**
 * Argument parsing of the datetime constructors, which CPython does with
 * PyArg_ParseTupleAndKeywords: its messages ('function missing required
 * argument 'month' (pos 2)', 'function takes at most 3 arguments (4 given)').
 */
import type { PyCallable } from '../../../builtins/calls.js';
import { TypeError } from '../../../builtins/exceptions.js';
import { PyStaticMethod } from '../../../builtins/classes.js';

type Impl = (cls: never, ...args: never[]) => unknown;

/**
 * A `__new__` taking `params` (the first `required` of them required, by
 * position or name) then keyword-only `kwOnly`; `impl` receives the class
 * then every parameter in order, undefined when not given. `name` is the
 * function's name in messages, null for CPython's anonymous 'function'.
 */
export function cNew(name: string | null, params: readonly string[], required: number, kwOnly: readonly string[], impl: Impl): PyStaticMethod {
  const fname = name === null ? 'function' : `${name}()`;
  const all = [...params, ...kwOnly];
  const body = impl as unknown as (...a: unknown[]) => unknown;
  const parse = (cls: unknown, args: readonly unknown[], kwargs: Record<string, unknown>): unknown => {
    const keys = Object.keys(kwargs);
    const total = args.length + keys.length;
    if (total > all.length) {
      throw new TypeError(`${fname} takes at most ${all.length} ${args.length === 0 ? 'keyword ' : ''}argument${all.length === 1 ? '' : 's'} (${total} given)`);
    }
    if (args.length > params.length) {
      throw new TypeError(`${fname} takes ${required === params.length ? 'exactly' : 'at most'} ${params.length} positional argument${params.length === 1 ? '' : 's'} (${args.length} given)`);
    }
    const bound: unknown[] = [];
    let used = 0;
    all.forEach((p, i) => {
      if (i < args.length) {
        bound.push(args[i]);
        return;
      }
      const byName = Object.hasOwn(kwargs, p);
      if (byName) used++;
      else if (i < required) throw new TypeError(`${fname} missing required argument '${p}' (pos ${i + 1})`);
      bound.push(byName ? kwargs[p] : undefined);
    });
    if (used < keys.length) {
      // As CPython: a name also given by position first, then a name no parameter has.
      const twice = all.findIndex((p, i) => i < args.length && Object.hasOwn(kwargs, p));
      if (twice >= 0) throw new TypeError(`argument for ${fname} given by name ('${all[twice]}') and position (${twice + 1})`);
      const bad = keys.find((k) => !all.includes(k))!;
      throw new TypeError(`'${bad}' is an invalid keyword argument for ${name === null ? 'this function' : `${name}()`}`);
    }
    return body(cls, ...bound);
  };
  const fn = function (cls: unknown, ...args: unknown[]): unknown {
    return parse(cls, args, {});
  };
  (fn as unknown as PyCallable).$kw = (args, kwargs) => parse(args[0], args.slice(1), kwargs);
  return new PyStaticMethod(fn);
}
