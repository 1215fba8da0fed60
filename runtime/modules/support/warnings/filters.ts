/**
 * What the `warnings` module (runtime/modules/warnings.ts) shares with the
 * warnings the runtime's own modules raise before or without it being
 * loaded (fromRuntime.ts): CPython's default filter list and how a warning
 * is matched against a list, the per-module registries behind the
 * "default", "module" and "once" actions, and the version that tells a
 * registry its filters have changed since it was written.
 */
import { DeprecationWarning, ImportWarning, PendingDeprecationWarning, ResourceWarning } from '../../../builtins/exceptions.js';
import { PyTuple } from '../../../builtins/values.js';
import { PyDict } from '../../../builtins/dict.js';
import { callMethod } from '../../../builtins/attributes.js';
import { truthy } from '../../../builtins/truth.js';
import { eq } from '../../../builtins/equality.js';
import { issubclass } from '../../../builtins/types.js';

/** CPython's default filters (a release build, no -W options). */
export function defaultFilters(): unknown[] {
  return [
    PyTuple.of<unknown>('default', null, DeprecationWarning, '__main__', 0),
    PyTuple.of<unknown>('ignore', null, DeprecationWarning, null, 0),
    PyTuple.of<unknown>('ignore', null, PendingDeprecationWarning, null, 0),
    PyTuple.of<unknown>('ignore', null, ImportWarning, null, 0),
    PyTuple.of<unknown>('ignore', null, ResourceWarning, null, 0),
  ];
}

/** The filters' version (CPython's `_filters_version`): bumped whenever they change. */
export const filtersState = { version: 1 };

/** The `__warningregistry__` of each module (by its file), which CPython keeps in the module's globals. */
const registries = new Map<string, PyDict>();

export function registryFor(key: string): PyDict {
  let registry = registries.get(key);
  if (registry === undefined) {
    registry = new PyDict();
    registries.set(key, registry);
  }
  return registry;
}

/** A registry written under older filters forgets what it had shown. */
export function freshRegistry(registry: PyDict): void {
  if (!eq(registry.$has('version') ? registry.$get('version') : 0, filtersState.version)) {
    registry.$clear();
    registry.$set('version', filtersState.version);
  }
}

/** A filter's message or module pattern against the text: None matches all; CPython's C filters hold plain strings compared whole. */
function matches(pattern: unknown, text: string): boolean {
  if (pattern === null || pattern === undefined) return true;
  if (typeof pattern === 'string') return pattern === text;
  return truthy(callMethod(pattern, 'match', text));
}

/** The first filter that matches, and its action; the default action when none does. */
export function filterFor(filters: readonly unknown[], defaultAction: unknown, text: string, category: unknown, module: string, lineno: number): [unknown, unknown] {
  for (const item of filters) {
    const [act, msg, cat, mod, ln] = item as unknown[];
    if (matches(msg, text) && issubclass(category, cat) && matches(mod, module) && (eq(ln, 0) || eq(lineno, ln))) return [act, item];
  }
  return [defaultAction, null];
}

/** The module name CPython's frame globals would give: `__main__` for the entry, else the file's stem. */
export function moduleNameOf(filename: string, entry: boolean): string {
  if (entry) return '__main__';
  const base = filename.slice(filename.lastIndexOf('/') + 1);
  return base.endsWith('.py') ? base.slice(0, -3) : base;
}
