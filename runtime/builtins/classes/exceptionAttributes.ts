/**
 * Python exceptions are JS Errors, so that JS code sees a `message` and a
 * `stack`; that gives them JS's names too (`name`, `message`, `stack`,
 * `cause`, `constructor`, `toString` and Object.prototype's), which CPython's
 * exceptions lack: Python code sees them only once it assigned them itself.
 * Likewise the builtin classes' own fields (`args`, `__cause__`…,
 * descriptors in CPython) are no part of an exception's `__dict__`.
 */
import { AttributeError, ImportError, OSError, SyntaxError } from '../exceptions.js';
import { infoOf, mroOf, pyClassOf } from './model.js';

const JS_NAMES = new Set([
  'name', 'message', 'stack', 'cause', 'constructor', 'toString',
  ...Object.getOwnPropertyNames(Error.prototype), ...Object.getOwnPropertyNames(Object.prototype),
]);

/** Own properties V8 itself gives an Error, not enumerable; a Python store makes them enumerable. */
const ENGINE_OWN = new Set(['stack', 'cause']);

/**
 * Whether property `key` of the exception `e` is JS's rather than Python's:
 * one of JS's names, neither stored by Python code (nor by the runtime, as
 * ImportError's `name` is) nor defined by a Python class in its MRO.
 */
export function isJsErrorProperty(e: Error, key: string): boolean {
  if (!JS_NAMES.has(key)) return false;
  const own = Object.getOwnPropertyDescriptor(e, key);
  if (own !== undefined) return ENGINE_OWN.has(key) && !own.enumerable;
  const owner = runtimeAttributes.get(key);
  if (owner !== undefined && e instanceof owner) return false;
  return !classDefines(e, key);
}

type ExceptionClass = abstract new (...args: never[]) => object;

const runtimeAttributes = new Map<string, ExceptionClass>();

/** A runtime class's Python attribute with one of JS's names (an exception group's `message`). */
export function registerPythonAttribute(cls: ExceptionClass, name: string): void {
  runtimeAttributes.set(name, cls);
}

function classDefines(e: Error, key: string): boolean {
  const cls = pyClassOf(e);
  if (cls === undefined) return false;
  for (const c of mroOf(cls)) {
    const info = infoOf(c);
    // The runtime's classes are JS classes: their prototypes' names are JS's.
    if (info.native !== (c as unknown) && info.dict.has(key)) return true;
  }
  return false;
}

/**
 * The property of a Python class's prototype under a name V8 gave the error
 * as its own (a class's `stack` property), which that own property hides
 * from a plain read; undefined when no Python class defines one.
 */
export function classPropertyUnderEngine(e: Error, key: string): PropertyDescriptor | undefined {
  if (!ENGINE_OWN.has(key) || !classDefines(e, key)) return undefined;
  for (let p = Object.getPrototypeOf(e) as object | null; p !== null; p = Object.getPrototypeOf(p) as object | null) {
    const d = Object.getOwnPropertyDescriptor(p, key);
    if (d !== undefined) return d;
  }
  return undefined;
}

/**
 * A Python store of one of JS's names on an exception: an own attribute,
 * which vars() lists, or a Python class's property setter that V8's own
 * property (`stack`) would hide from a plain assignment.
 */
export function storeOverJsProperty(e: Error, key: string, value: unknown): boolean {
  const hidden = classPropertyUnderEngine(e, key);
  if (hidden?.set !== undefined) {
    hidden.set.call(e, value);
    return true;
  }
  if (hidden === undefined && (!isJsErrorProperty(e, key) || classDefines(e, key))) return false;
  // Removed first, so that it comes in assignment order (V8 made `stack` when it made the error).
  delete (e as unknown as Record<string, unknown>)[key];
  Object.defineProperty(e, key, { value, writable: true, configurable: true, enumerable: true });
  return true;
}

/** Whether `name` is a field of a builtin exception class, which CPython keeps outside `__dict__`. */
export function isBuiltinExceptionField(e: Error, name: string): boolean {
  switch (name) {
    case 'args': case '__cause__': case '__context__': case '__suppress_context__': case '__traceback__':
      return true;
    case 'obj':
      return e instanceof AttributeError;
    case 'msg':
      return e instanceof ImportError || e instanceof SyntaxError;
    case 'path':
      return e instanceof ImportError;
    case 'filename':
      return e instanceof OSError || e instanceof SyntaxError;
    case 'errno': case 'strerror': case 'filename2':
      return e instanceof OSError;
    case 'lineno': case 'offset': case 'text': case 'end_lineno': case 'end_offset': case 'print_file_and_line':
      return e instanceof SyntaxError;
  }
  const owner = otherFields.get(name);
  return owner !== undefined && e instanceof owner;
}

const otherFields = new Map<string, ExceptionClass>();

/** Fields of a builtin class defined elsewhere (the exception groups' `exceptions`), which this module cannot import. */
export function registerExceptionField(cls: ExceptionClass, name: string): void {
  otherFields.set(name, cls);
}
