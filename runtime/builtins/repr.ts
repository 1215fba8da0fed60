/**
 * repr() and str() of any value: one dispatch on the representation (see
 * runtime/README.md) to the module that knows the type.
 */
import { PyComplex, PyFloat, PyTuple, PyBytes, isNone } from './values.js';

/** Filled in by the modules that own each type, so this dispatcher imports none of them. */
export const reprHooks: {
  number?: (v: number | bigint | PyFloat) => string;
  str?: (v: string) => string;
  bytes?: (v: PyBytes) => string;
  complex?: (v: PyComplex) => string;
  list?: (v: unknown[]) => string;
  tuple?: (v: PyTuple) => string;
  object?: (v: object) => string | undefined;
  /** str() of objects the owning modules know (instances of Python classes). */
  objectStr?: (v: object) => string | undefined;
  /** repr() of a runtime object with no repr of its own (a map, an iterator): `<map object at 0x…>`. */
  plain?: (v: object) => string;
} = {};

export function repr(v: unknown): string {
  if (isNone(v)) return 'None';
  switch (typeof v) {
    case 'boolean':
      return v ? 'True' : 'False';
    case 'number':
    case 'bigint':
      return reprHooks.number ? reprHooks.number(v) : String(v);
    case 'string':
      return reprHooks.str ? reprHooks.str(v) : `'${v}'`;
  }
  if (v instanceof PyFloat) return reprHooks.number ? reprHooks.number(v) : `${v.value}.0`;
  if (Array.isArray(v) && Object.getPrototypeOf(v) !== Array.prototype && Object.getPrototypeOf(v) !== PyTuple.prototype) {
    // A subclass of list or tuple may define its own __repr__.
    const own = reprHooks.object?.(v);
    if (own !== undefined) return own;
    // A runtime tuple type with a repr of its own (sys.version_info, functools' CacheInfo).
    const method = (Object.getPrototypeOf(v) as { __repr__?: unknown }).__repr__;
    if (v instanceof PyTuple && typeof method === 'function') return method.call(v) as string;
  }
  if (v instanceof PyTuple) return reprHooks.tuple ? reprHooks.tuple(v) : `(${v.map(repr).join(', ')}${v.length === 1 ? ',' : ''})`;
  if (Array.isArray(v)) return reprHooks.list ? reprHooks.list(v) : `[${v.map(repr).join(', ')}]`;
  if (v instanceof PyBytes && reprHooks.bytes) return reprHooks.bytes(v);
  if (v instanceof PyComplex && reprHooks.complex) return reprHooks.complex(v);
  const special = reprHooks.object?.(v as object);
  if (special !== undefined) return special;
  const own = (v as { __repr__?: unknown }).__repr__;
  if (typeof own === 'function') return own.call(v) as string;
  return reprHooks.plain ? reprHooks.plain(v as object) : `<${(v as object).constructor?.name ?? 'object'} object>`;
}

/** str(v): strings as they are, objects through their `__str__`, everything else as repr. */
export function str(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v !== null && (typeof v === 'object' || typeof v === 'function')) {
    const special = reprHooks.objectStr?.(v);
    if (special !== undefined) return special;
  }
  if (v !== null && typeof v === 'object') {
    const own = (v as { __str__?: unknown }).__str__;
    if (typeof own === 'function') return own.call(v) as string;
  }
  return repr(v);
}
