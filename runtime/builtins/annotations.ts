/**
 * `x: T` in a class body records T in the class's `__annotations__` dict
 * (src/transform/annotations.ts), as CPython does.
 */
import { PyDict } from './dict.js';

export function annotate(ns: Record<string, unknown>, name: string, value: unknown): void {
  let annotations = ns['__annotations__'];
  if (!(annotations instanceof PyDict)) {
    annotations = new PyDict();
    ns['__annotations__'] = annotations;
  }
  (annotations as PyDict<unknown, unknown>).$set(name, value);
}
