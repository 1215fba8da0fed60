/** functools.update_wrapper: copies the wrapped function's names onto the wrapper. */
import { AttributeError } from '../../../builtins/exceptions.js';
import { getattr, setattr } from '../../../builtins/attributes.js';
import { PyTuple } from '../../../builtins/values.js';
import { PyDict } from '../../../builtins/dict.js';
import { iterate } from '../../../builtins/iteration.js';

export const WRAPPER_ASSIGNMENTS = PyTuple.fromArray(['__module__', '__name__', '__qualname__', '__doc__', '__annotations__']);
export const WRAPPER_UPDATES = PyTuple.fromArray(['__dict__']);

export function updateWrapper(wrapper: unknown, wrapped: unknown, assigned: unknown = WRAPPER_ASSIGNMENTS, updated: unknown = WRAPPER_UPDATES): unknown {
  for (const attr of iterate(assigned)) {
    let value: unknown;
    try {
      value = getattr(wrapped, attr as string);
    } catch (e) {
      if (e instanceof AttributeError) continue;
      throw e;
    }
    // Functions have no __annotations__ here unless one was set: CPython's is an empty dict.
    setattr(wrapper, attr as string, value);
  }
  for (const attr of iterate(updated)) {
    if (attr === '__dict__') {
      for (const key of ownAttributes(wrapped)) setattr(wrapper, key, (wrapped as Record<string, unknown>)[key]);
      continue;
    }
    let source: unknown;
    try {
      source = getattr(wrapped, attr as string);
    } catch (e) {
      if (e instanceof AttributeError) continue;
      throw e;
    }
    const target = getattr(wrapper, attr as string);
    if (target instanceof PyDict && source instanceof PyDict) for (const k of source) target.$set(k, source.$get(k));
  }
  setattr(wrapper, '__wrapped__', wrapped);
  return wrapper;
}

/** The attributes in a function's or object's `__dict__` (the runtime's own `$`-keys excluded). */
function ownAttributes(obj: unknown): string[] {
  if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) return [];
  const skip = new Set(WRAPPER_ASSIGNMENTS as unknown as string[]);
  return Object.keys(obj).filter((k) => !k.includes('$') && !skip.has(k));
}
