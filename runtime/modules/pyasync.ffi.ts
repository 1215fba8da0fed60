/**
 * `pyasync.ffi` (after Pyodide's `pyodide.ffi`): explicit conversions
 * between Python and JS values, the JsProxy class, JS errors, and importing
 * ES modules by specifier. README.md ("JavaScript interop") has the rules.
 */
import { TypeError } from '../builtins/exceptions.js';
import { isIntNumber, typeName } from '../builtins/values.js';
import { pyFunction } from './support/pydef.js';
import { loadedModules } from './support/moduleTable.js';
import { deepToJs, deepToPy, jsFunction, toPy } from '../interop/convert.js';
import { JsException } from '../interop/errors.js';
import { JsCallable, JsProxy, proxyTarget } from '../interop/proxy.js';
import * as self from './pyasync.ffi.js';

export const __name__ = 'pyasync.ffi';
loadedModules.$set('pyasync.ffi', self);
export { JsException, JsProxy, JsCallable };

const M = 'pyasync.ffi';

function depthOf(depth: unknown): number {
  if (depth === undefined || depth === null) return -1;
  if (typeof depth !== 'number' || !isIntNumber(depth)) throw new TypeError(`depth must be an int, not ${typeName(depth)}`);
  return depth;
}

/** `to_js(obj, depth=-1)`: a JS value (new containers: list → Array, dict → object or Map, set → Set), seen from Python as a JsProxy. */
export const to_js = pyFunction('obj, /, depth=', 'to_js', M, (obj: unknown, depth?: unknown) => toPy(deepToJs(obj, depthOf(depth))));

/** `to_py(obj, depth=-1)`: Python containers for JS ones (Array → list, Map and plain objects → dict, Set → set). */
export const to_py = pyFunction('obj, /, depth=', 'to_py', M, (obj: unknown, depth?: unknown) => deepToPy(obj, depthOf(depth)));

/**
 * `create_proxy(f)` (Pyodide's name): here `f` itself. Pyodide needs a
 * proxy to keep `f` alive for JS; in pyasync the JS function standing for
 * `f` is made once and is the same every time `f` is passed to JS (so
 * `removeEventListener` finds it), and the garbage collector sees both.
 */
export const create_proxy = pyFunction('obj, /', 'create_proxy', M, (obj: unknown) => {
  if (typeof obj !== 'function') throw new TypeError(`create_proxy() argument must be callable, not '${typeName(obj)}'`);
  if (proxyTarget(obj) !== undefined) return obj;
  jsFunction(obj);
  return obj;
});

/** `create_once_callable(f)`: a JS function that calls `f` once; later calls raise. */
export const create_once_callable = pyFunction('obj, /', 'create_once_callable', M, (obj: unknown) => {
  if (typeof obj !== 'function') throw new TypeError(`create_once_callable() argument must be callable, not '${typeName(obj)}'`);
  const inner = jsFunction(obj);
  let used = false;
  const once = function (this: unknown, ...args: unknown[]): unknown {
    if (used) throw new globalThis.Error('This function can only be called once');
    used = true;
    return Reflect.apply(inner, this, args);
  };
  return toPy(once);
});

/**
 * `await import_module(specifier)`: the ES module `specifier` (`"node:fs"`,
 * an npm package, a URL) as a JsProxy of its namespace. A dynamic
 * `import()`, made by the runtime: relative specifiers resolve from the
 * runtime's folder, so pass bare or absolute ones.
 */
export const import_module = pyFunction('specifier, /', 'import_module', M, (specifier: unknown) => {
  if (typeof specifier !== 'string') throw new TypeError(`import_module() argument must be str, not '${typeName(specifier)}'`);
  return toPy(import(/* @vite-ignore */ /* webpackIgnore: true */ specifier));
});

