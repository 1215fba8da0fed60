/**
 * Object identity as CPython shows it: `id(obj)`, the default hash, and the
 * default repr `<module.Class object at 0x…>`.
 */
import { typeOf } from './model.js';

const identities = new WeakMap<object, number>();

let nextId = 1;

/** A stable number per object, standing in for CPython's addresses. */
export function objectId(v: object): number {
  let id = identities.get(v);
  if (id === undefined) {
    id = 0x7f0000001000 + 16 * nextId++;
    identities.set(v, id);
  }
  return id;
}

export function identityHash(v: object): number {
  return Math.floor(objectId(v) / 16);
}

export function defaultRepr(v: object): string {
  const cls = typeOf(v);
  return `<${qualifiedName(cls)} object at 0x${objectId(v).toString(16).padStart(12, '0')}>`;
}

/** `module.Qualname`, or just the name for builtins. */
export function qualifiedName(cls: unknown): string {
  const c = cls as { __module__?: unknown; __qualname__?: unknown; __name__?: unknown; name?: string };
  const name = String(c.__qualname__ ?? c.__name__ ?? c.name);
  const module = c.__module__;
  return typeof module === 'string' && module !== 'builtins' ? `${module}.${name}` : name;
}
