/**
 * Object identity as CPython shows it: `id(obj)`, the default hash, and the
 * default repr `<module.Class object at 0x…>`.
 */
import { typeOf } from './model.js';
import { typeName } from '../values.js';

const identities = new WeakMap<object, number>();
/** Numbers, strings… given an identity by `object.__repr__(5)`, `super(int, 5).__hash__()`: JS values with no object to key on. */
const valueIdentities = new Map<unknown, number>();

let nextId = 1;

/** A stable number per object, standing in for CPython's addresses. */
export function objectId(v: object): number {
  const objectLike = typeof v === 'object' || typeof v === 'function';
  let id = objectLike ? identities.get(v) : valueIdentities.get(v);
  if (id === undefined) {
    id = 0x7f0000001000 + 16 * nextId++;
    if (objectLike) identities.set(v, id);
    else valueIdentities.set(v, id);
  }
  return id;
}

export function identityHash(v: object): number {
  return Math.floor(objectId(v) / 16);
}

export function defaultRepr(v: object): string {
  const name = typeof v === 'object' || typeof v === 'function' ? qualifiedName(typeOf(v)) : typeName(v);
  return `<${name} object at 0x${objectId(v).toString(16).padStart(12, '0')}>`;
}

/** `module.Qualname`, or just the name for builtins. */
export function qualifiedName(cls: unknown): string {
  const c = cls as { __module__?: unknown; __qualname__?: unknown; __name__?: unknown; name?: string };
  const name = String(c.__qualname__ ?? c.__name__ ?? c.name);
  const module = c.__module__;
  return typeof module === 'string' && module !== 'builtins' ? `${module}.${name}` : name;
}
