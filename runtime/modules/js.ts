/**
 * `js` (Pyodide's module of the same name): the JS global scope. Every
 * attribute is looked up on `globalThis` when it is read or imported
 * (`from js import fetch` binds whatever `fetch` is at that moment), and
 * comes to Python as runtime/interop/convert.ts says (objects and
 * functions as JsProxy). A name globalThis lacks is an AttributeError, and
 * so an ImportError for `from js import name`.
 */
import { AttributeError, ImportError } from '../builtins/exceptions.js';
import { toJs, toPy } from '../interop/convert.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './js.js';

export const __name__ = 'js';
loadedModules.$set('js', self);

/** PEP 562: attributes of the module not defined here are JS globals. */
export function __getattr__(name: string): unknown {
  const scope = globalThis as unknown as Record<string, unknown>;
  if (!(name in scope)) throw new AttributeError(`module 'js' has no attribute '${name}'`);
  return toPy(scope[name]);
}

/** `js.name = value` assigns the JS global (the value converted as for any JS store). */
export function $module$setattr(name: string, value: unknown): boolean {
  (globalThis as unknown as Record<string, unknown>)[name] = toJs(value);
  return true;
}

/** `import fs` of an ES module the build maps to a specifier (src/modules/jsModules.ts): its namespace as a JsProxy. */
export function $jsModule(namespace: object): unknown {
  return toPy(namespace);
}

/** `from fs import readFileSync` of such a module. */
export function $jsImportFrom(namespace: Record<string, unknown>, name: string, moduleName: string): unknown {
  if (!(name in namespace)) throw new ImportError(`cannot import name '${name}' from '${moduleName}' (unknown location)`);
  return toPy(namespace[name]);
}
