/**
 * JsProxy: how Python code holds a JS object or function (Pyodide's model).
 * A JsProxy is an instance of a Python class (made by the runtime's class
 * factory), so everything Python does with objects — attributes, calls,
 * subscripts, len, iteration, `in`, truth, await — goes through its special
 * methods, and no JS object or built-in is ever changed. A function's
 * proxy is an instance of the subclass JsCallable (callable instances are
 * JS functions, so compiled code calls them directly). A method read as an
 * attribute remembers its object, which is `this` when it is called.
 *
 * Values cross as convert.ts says: arguments into JS with `toJs`, results
 * back with `toPy`. Errors thrown by JS become Python ones (errors.ts).
 */
import { AttributeError, IndexError, KeyError, TypeError } from '../builtins/exceptions.js';
import { Keywords } from '../builtins/calls.js';
import { newInstance } from '../modules/support/stdlib/pyclass.js';
import { bindMethod, getClassAttr, type PyClass } from '../builtins/classes.js';
import { pyClass, pyFunction } from '../modules/support/pydef.js';
import { _get_running_loop } from '../asyncio/events.js';
import { AwaitIterator } from '../asyncio/futures.js';
import { isIntNumber, typeName } from '../builtins/values.js';
import { PyDict } from '../builtins/dict.js';
import { fromJsError } from './errors.js';
import { deepToPy, toJs, toPy } from './convert.js';

const TARGET = Symbol('pyasync.jsTarget');
const THIS = Symbol('pyasync.jsThis');
const M = 'pyasync.ffi';

interface Proxied {
  [TARGET]: object;
  [THIS]: unknown;
}

type JsObject = Record<PropertyKey, unknown>;

/** One proxy per JS object, so that `is` and identity-based hashing hold across reads. */
const proxies = new WeakMap<object, object>();
const ids = new WeakMap<object, number>();
let nextId = 1;

const PYTHON_KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else',
  'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
  'return', 'try', 'while', 'with', 'yield',
]);

/** The JS object behind a proxy, or undefined for any other value. */
export function proxyTarget(v: unknown): object | undefined {
  if ((typeof v !== 'object' && typeof v !== 'function') || v === null) return undefined;
  return Object.hasOwn(v, TARGET) ? (v as Proxied)[TARGET] : undefined;
}

function target(self: unknown): JsObject {
  const t = proxyTarget(self);
  if (t === undefined) throw new TypeError(`descriptor requires a 'JsProxy' object but received a '${typeName(self)}'`);
  return t as JsObject;
}

/** Runs JS code for Python: what it throws arrives as a Python exception. */
function guarded<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw fromJsError(e);
  }
}

/** `f(*args, **kwargs)` for a JS function: keywords are passed as one trailing object (Pyodide's convention). */
function callJs(fn: Function, thisArg: unknown, args: unknown[]): unknown {
  const last = args[args.length - 1];
  const jsArgs: unknown[] = [];
  const n = last instanceof Keywords ? args.length - 1 : args.length;
  for (let i = 0; i < n; i++) jsArgs.push(toJs(args[i]));
  if (last instanceof Keywords) jsArgs.push(keywordObject(last.values));
  return toPy(guarded(() => Reflect.apply(fn, thisArg, jsArgs)));
}

function keywordObject(kw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(kw)) out[k] = toJs(kw[k]);
  return out;
}

/** The JS property a Python attribute name reads: `from_` is `from` (a Python keyword cannot be written as an attribute). */
function propertyName(t: JsObject, name: string): string {
  if (name.endsWith('_') && !(name in t) && PYTHON_KEYWORDS.has(name.slice(0, -1))) return name.slice(0, -1);
  return name;
}

function isArrayLike(t: JsObject): boolean {
  return Array.isArray(t) || ArrayBuffer.isView(t) || (typeof t['length'] === 'number' && typeof t !== 'function' && typeof t['item'] === 'function');
}

function isMapLike(t: JsObject): boolean {
  return t instanceof Map || t instanceof WeakMap || (typeof t['get'] === 'function' && typeof t['has'] === 'function' && typeof t['set'] === 'function');
}

function index(t: JsObject, key: unknown, what: string): number {
  if (typeof key !== 'number' || !isIntNumber(key)) throw new TypeError(`${what} indices must be integers, not ${typeName(key)}`);
  const n = t['length'] as number;
  const i = key < 0 ? key + n : key;
  if (i < 0 || i >= n) throw new IndexError(`${what} index out of range`);
  return i;
}

function keyOf(key: unknown): PropertyKey {
  const k = toJs(key);
  return typeof k === 'symbol' || typeof k === 'string' || typeof k === 'number' ? k : String(k);
}

function describe(t: unknown): string {
  try {
    return String(t);
  } catch {
    return Object.prototype.toString.call(t);
  }
}

const method = <F extends (...args: never[]) => unknown>(spec: string, name: string, impl: F): F => pyFunction(spec, `JsProxy.${name}`, M, impl);

/** The proxy's own attributes (Pyodide's names); any other attribute is the JS object's. */
const OWN: Record<string, Function> = {
  new: method('self, *args, **kwargs', 'new', (self: unknown, args: unknown[], ...kw: unknown[]) => {
    const t = target(self);
    if (typeof t !== 'function') throw new TypeError(`'${describe(t)}' is not a constructor`);
    const jsArgs = [...args].map(toJs);
    const kwargs = keywordsGiven(kw[kw.length - 1]);
    if (kwargs !== null) jsArgs.push(keywordObject(kwargs));
    return toPy(guarded(() => Reflect.construct(t as unknown as Function, jsArgs)));
  }),
  to_py: method('self, depth=', 'to_py', (self: unknown, depth?: unknown) => deepToPy(target(self), typeof depth === 'number' ? depth : -1)),
  object_keys: method('self', 'object_keys', (self: unknown) => toPy(Object.keys(target(self)))),
  object_values: method('self', 'object_values', (self: unknown) => toPy(Object.values(target(self)))),
  object_entries: method('self', 'object_entries', (self: unknown) => toPy(Object.entries(target(self)))),
};

/** The `**kwargs` dict a call received, as a plain object; null when there were none. */
function keywordsGiven(d: unknown): Record<string, unknown> | null {
  if (!(d instanceof PyDict) || d.$size === 0) return null;
  const out: Record<string, unknown> = {};
  for (const k of d) out[String(k)] = d.$get(k);
  return out;
}

function classAttribute(cls: PyClass, name: string): unknown {
  try {
    return getClassAttr(cls, name);
  } catch (e) {
    if (e instanceof AttributeError) return undefined;
    throw e;
  }
}

function getAttribute(self: unknown, name: unknown): unknown {
  if (typeof name !== 'string') throw new TypeError(`attribute name must be string, not '${typeName(name)}'`);
  if (Object.hasOwn(OWN, name)) return bindMethod(OWN[name], self);
  const cls = Object.getPrototypeOf(self) === JsCallable.prototype ? JsCallable : JsProxy;
  if (name === '__class__') return cls;
  if (name.startsWith('__') && name.endsWith('__')) {
    // Special names are the proxy's own (`x.__eq__`, `x.__len__`), as Python looks them up on the class.
    const found = classAttribute(cls, name);
    if (found !== undefined) return typeof found === 'function' ? bindMethod(found, self) : found;
  }
  const t = target(self);
  if (name === 'typeof') return typeof t;
  const key = propertyName(t, name);
  const value = guarded(() => t[key]);
  if (value === undefined && !(key in t)) throw new AttributeError(`'${typeof t === 'function' ? 'JsCallable' : 'JsProxy'}' object has no attribute '${name}'`);
  if (typeof value === 'function') {
    const py = toPy(value);
    // A JS method read from its object: called with the object as `this`.
    return proxyTarget(py) === value ? wrap(value as object, t) : py;
  }
  return toPy(value);
}

const members: Record<string, unknown> = {
  __getattribute__: method('self, name, /', '__getattribute__', getAttribute),
  __setattr__: method('self, name, value, /', '__setattr__', (self: unknown, name: string, value: unknown) => {
    const t = target(self);
    const key = propertyName(t, name);
    guarded(() => (t[key] = toJs(value)));
    return null;
  }),
  __delattr__: method('self, name, /', '__delattr__', (self: unknown, name: string) => {
    const t = target(self);
    const key = propertyName(t, name);
    if (!(key in t)) throw new AttributeError(`'JsProxy' object has no attribute '${name}'`);
    guarded(() => delete t[key]);
    return null;
  }),
  __getitem__: method('self, key, /', '__getitem__', (self: unknown, key: unknown) => {
    const t = target(self);
    if (isArrayLike(t) && typeof key !== 'string') return toPy(t[index(t, key, 'list')]);
    if (isMapLike(t)) {
      const k = toJs(key);
      if (!guarded(() => (t['has'] as (k: unknown) => boolean)(k))) throw new KeyError(key);
      return toPy(guarded(() => (t['get'] as (k: unknown) => unknown)(k)));
    }
    const k = keyOf(key);
    if (!(k in t)) throw new KeyError(key);
    return toPy(guarded(() => t[k]));
  }),
  __setitem__: method('self, key, value, /', '__setitem__', (self: unknown, key: unknown, value: unknown) => {
    const t = target(self);
    if (isArrayLike(t) && typeof key !== 'string') {
      const i = index(t, key, 'list assignment');
      guarded(() => (t[i] = toJs(value)));
    } else if (isMapLike(t)) {
      guarded(() => (t['set'] as (k: unknown, v: unknown) => unknown)(toJs(key), toJs(value)));
    } else {
      const k = keyOf(key);
      guarded(() => (t[k] = toJs(value)));
    }
    return null;
  }),
  __delitem__: method('self, key, /', '__delitem__', (self: unknown, key: unknown) => {
    const t = target(self);
    if (Array.isArray(t) && typeof key !== 'string') {
      t.splice(index(t, key, 'list assignment'), 1);
    } else if (isMapLike(t)) {
      if (!guarded(() => (t['delete'] as (k: unknown) => boolean)(toJs(key)))) throw new KeyError(key);
    } else {
      const k = keyOf(key);
      if (!(k in t)) throw new KeyError(key);
      guarded(() => delete t[k]);
    }
    return null;
  }),
  __len__: method('self, /', '__len__', (self: unknown) => {
    const t = target(self);
    const n = typeof t['size'] === 'number' ? t['size'] : typeof t['length'] === 'number' && typeof t !== 'function' ? t['length'] : undefined;
    if (n === undefined) throw new TypeError("object of type 'JsProxy' has no len()");
    return n;
  }),
  __bool__: method('self, /', '__bool__', (self: unknown) => {
    const t = target(self);
    // Empty JS containers are false, as Python's are; any other object is true.
    if (t instanceof Map || t instanceof Set) return t.size > 0;
    if (Array.isArray(t) || ArrayBuffer.isView(t)) return (t as unknown as { length: number }).length > 0;
    return true;
  }),
  __iter__: method('self, /', '__iter__', (self: unknown) => {
    const t = target(self);
    if (typeof t[Symbol.iterator] !== 'function') throw new TypeError("'JsProxy' object is not iterable");
    // A Map iterates its keys, as a dict does.
    const source = t instanceof Map ? t.keys() : guarded(() => (t[Symbol.iterator] as () => Iterator<unknown>).call(t));
    return (function* () {
      for (;;) {
        const step = guarded(() => source.next());
        if (step.done) return;
        yield toPy(step.value);
      }
    })();
  }),
  __contains__: method('self, item, /', '__contains__', (self: unknown, item: unknown) => {
    const t = target(self);
    const v = toJs(item);
    if (typeof t['has'] === 'function') return guarded(() => (t['has'] as (v: unknown) => unknown)(v)) === true;
    if (typeof t['includes'] === 'function') return guarded(() => (t['includes'] as (v: unknown) => unknown)(v)) === true;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'symbol') return v in t;
    return false;
  }),
  __eq__: method('self, other, /', '__eq__', (self: unknown, other: unknown) => proxyTarget(other) === target(self)),
  __ne__: method('self, other, /', '__ne__', (self: unknown, other: unknown) => proxyTarget(other) !== target(self)),
  __hash__: method('self, /', '__hash__', (self: unknown) => {
    const t = target(self);
    let id = ids.get(t);
    if (id === undefined) ids.set(t, (id = nextId++));
    return id;
  }),
  // Pyodide's choice: str and repr are JS's String(x).
  __repr__: method('self, /', '__repr__', (self: unknown) => describe(target(self))),
  __str__: method('self, /', '__str__', (self: unknown) => describe(target(self))),
  __await__: method('self, /', '__await__', (self: unknown) => {
    const t = target(self);
    if (typeof t['then'] !== 'function') throw new TypeError("object JsProxy can't be used in 'await' expression");
    const then = t['then'] as (ok: (v: unknown) => unknown, err: (e: unknown) => unknown) => unknown;
    const loop = _get_running_loop();
    if (loop === null) {
      // No event loop (a coroutine JS started with none running): awaited as a plain Promise of the Python value.
      const converted = new Promise((resolve, reject) => then.call(t, (v) => resolve(toPy(v)), (e) => reject(fromJsError(e))));
      return new AwaitIterator(converted);
    }
    const fut = loop.create_future();
    then.call(
      t,
      (v) => {
        if (!fut.done()) fut.set_result(toPy(v));
      },
      (e) => {
        if (!fut.done()) fut.set_exception(fromJsError(e));
      },
    );
    return fut.__await__();
  }),
};

export const JsProxy = pyClass('JsProxy', M, [], members);

export const JsCallable = pyClass('JsCallable', M, [JsProxy], {
  __call__: pyFunction('self, *args, **kwargs', 'JsCallable.__call__', M, (self: unknown, args: unknown[], ...rest: unknown[]) => {
    const fn = target(self) as unknown as Function;
    const kw = keywordsGiven(rest[rest.length - 1]);
    const all = [...args];
    if (kw !== null) all.push(new Keywords(kw));
    return callJs(fn, (self as Proxied)[THIS], all);
  }),
});

/**
 * The proxy of a JS object (one per object), or of a method bound to
 * `thisArg` (made on each read, as Python makes bound methods).
 */
export function wrap(obj: object, thisArg: unknown): object {
  if (thisArg === undefined) {
    const known = proxies.get(obj);
    if (known !== undefined) return known;
  }
  const p = newInstance(typeof obj === 'function' ? JsCallable : JsProxy) as unknown as Proxied;
  Object.defineProperty(p, TARGET, { value: obj });
  Object.defineProperty(p, THIS, { value: thisArg });
  if (thisArg === undefined) proxies.set(obj, p);
  return p;
}
