/**
 * Python's `types`: the types of values the runtime represents without a
 * class statement of their own (functions, methods, generators, coroutines,
 * modules, None…), `SimpleNamespace`, and `coroutine`, which makes a
 * generator function's generators awaitable (generator-based coroutines).
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './types.js';
import { TypeError } from '../builtins/exceptions.js';
import { ABC_CHECKS, ModuleType, NoneType, NotImplementedType, builtinFunctionType, callable, ellipsis, functionType, methodDescriptorType, methodType, methodWrapperType, type,
  wrapperDescriptorType, type AbcChecks } from '../builtins/types.js';
import { Keywords, call } from '../builtins/calls.js';
import { eq, in_ } from '../builtins/operators.js';
import { len } from '../builtins/functions.js';
import { getitem } from '../builtins/items.js';
import { iter } from '../builtins/iteration.js';
import { callMethod } from '../builtins/attributes.js';
import { hasSpecial } from '../builtins/special.js';
import { PyDict } from '../builtins/dict.js';
import { property } from '../builtins/classes.js';
import { repr, str } from '../builtins/repr.js';
import { NotImplemented } from '../builtins/notImplemented.js';
import { PyGenerator } from '../builtins/generators.js';
import { PyTraceback } from '../builtins/tracebackObjects.js';
import { PyFrameObject } from '../builtins/frames.js';
import { PyCell, PyCode } from '../builtins/codeObjects.js';
import { PyCoroutine, ITERABLE_COROUTINES } from '../asyncio/coroutines.js';
import { WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES, updateWrapper } from './support/functools/wraps.js';
import { defineClass, pyMethod, splitKeywords } from './support/stdlib/pyclass.js';
import { genericAliasClass } from '../builtins/genericAlias.js';
import { unionTypeClass } from '../builtins/unionType.js';

export const __name__ = 'types';
loadedModules.$set('types', self);

export const FunctionType = functionType;
export const LambdaType = functionType;
export const MethodType = methodType;
export const BuiltinFunctionType = builtinFunctionType;
export const BuiltinMethodType = builtinFunctionType;
export const MethodWrapperType = methodWrapperType;
export const MethodDescriptorType = methodDescriptorType;
export const WrapperDescriptorType = wrapperDescriptorType;
export { ModuleType, NoneType, NotImplementedType };
export const EllipsisType = ellipsis;
export const GeneratorType = PyGenerator;
export const TracebackType = PyTraceback;
export const FrameType = PyFrameObject;
export const CodeType = PyCode;
export const CellType = PyCell;
export const CoroutineType = PyCoroutine;

/**
 * Async generators are made elsewhere in the runtime: their class is known
 * by its name (`async_generator`), so this type recognises its instances
 * without importing it.
 */
export const AsyncGeneratorType = defineClass('builtins', 'async_generator', [], {});
const asyncGenChecks: AbcChecks = {
  instance: (x) => (type(x) as { __name__?: unknown }).__name__ === 'async_generator',
  subclass: (c) => c === AsyncGeneratorType || (typeof c === 'function' && (c as { __name__?: unknown }).__name__ === 'async_generator'),
};
Object.defineProperty(AsyncGeneratorType, ABC_CHECKS, { value: asyncGenChecks });

type Attrs = Record<string, unknown>;

/** `list[int]` as `types.GenericAlias(list, (int,))` makes it: its origin and arguments. */
export const GenericAlias = genericAliasClass();

/** `int | None`'s type (PEP 604). */
export const UnionType = unionTypeClass();

/** A read-only view of a mapping (`mappingproxy`). */
export const MappingProxyType = defineClass('builtins', 'mappingproxy', [], {
  __init__: pyMethod((s: Attrs, mapping: unknown) => {
    if (!hasSpecial(mapping, '__getitem__') && !(mapping instanceof PyDict)) {
      throw new TypeError(`mappingproxy() argument must be a mapping, not ${(type(mapping) as { __name__: string }).__name__}`);
    }
    Object.defineProperty(s, '$mapping', { value: mapping, enumerable: false });
    return null;
  }, 'self, mapping', 'mappingproxy.__init__', 'types'),
  __getitem__: pyMethod((s: Attrs, k: unknown) => getitem(s['$mapping'], k), 'self, key', 'mappingproxy.__getitem__', 'types'),
  __iter__: pyMethod((s: Attrs) => iter(s['$mapping']), 'self', 'mappingproxy.__iter__', 'types'),
  __len__: pyMethod((s: Attrs) => len(s['$mapping']), 'self', 'mappingproxy.__len__', 'types'),
  __contains__: pyMethod((s: Attrs, k: unknown) => in_(k, s['$mapping']), 'self, key', 'mappingproxy.__contains__', 'types'),
  get: pyMethod((s: Attrs, k: unknown, d: unknown = null) => callMethod(s['$mapping'], 'get', k, d), 'self, key, default=None', 'mappingproxy.get', 'types'),
  keys: pyMethod((s: Attrs) => callMethod(s['$mapping'], 'keys'), 'self', 'mappingproxy.keys', 'types'),
  values: pyMethod((s: Attrs) => callMethod(s['$mapping'], 'values'), 'self', 'mappingproxy.values', 'types'),
  items: pyMethod((s: Attrs) => callMethod(s['$mapping'], 'items'), 'self', 'mappingproxy.items', 'types'),
  copy: pyMethod((s: Attrs) => callMethod(s['$mapping'], 'copy'), 'self', 'mappingproxy.copy', 'types'),
  __eq__: pyMethod((s: Attrs, o: unknown) => eq(s['$mapping'], o), 'self, other', 'mappingproxy.__eq__', 'types'),
  __repr__: pyMethod((s: Attrs) => `mappingproxy(${repr(s['$mapping'])})`, 'self', 'mappingproxy.__repr__', 'types'),
  __str__: pyMethod((s: Attrs) => str(s['$mapping']), 'self', 'mappingproxy.__str__', 'types'),
});

/**
 * CPython's DynamicClassAttribute routes class-level access to `__getattr__`;
 * the runtime has no such hook, so it is a property (instance access is the same).
 */
export const DynamicClassAttribute = property;

export const SimpleNamespace = defineClass('types', 'SimpleNamespace', [], {
  __init__: pyMethod((s: Attrs, ...rest: unknown[]) => {
    // With a `**kwargs` signature the call layer passes the keywords as one Keywords object.
    const last = rest[rest.length - 1];
    const kw = last instanceof Keywords ? last.values : {};
    const args = last instanceof Keywords ? rest.slice(0, -1) : rest;
    // 3.11 takes keywords only (3.13 added the positional mapping).
    if (args.length > 0) throw new TypeError('no positional arguments expected');
    Object.assign(s, kw);
    return null;
  }, 'self, *args, **kwargs', 'SimpleNamespace.__init__', 'types'),
  __repr__: pyMethod((s: Attrs) => {
    const parts = Object.keys(s).map((k) => `${k}=${repr(s[k])}`);
    return `namespace(${parts.join(', ')})`;
  }, 'self', 'SimpleNamespace.__repr__', 'types'),
  __eq__: pyMethod((s: Attrs, o: unknown) => {
    if (o === null || typeof o !== 'object' || type(o) !== type(s)) return NotImplemented;
    const a = Object.keys(s);
    const b = Object.keys(o as Attrs);
    return a.length === b.length && a.every((k) => Object.hasOwn(o, k) && eq(s[k], (o as Attrs)[k]));
  }, 'self, other', 'SimpleNamespace.__eq__', 'types'),
  __hash__: null,
});

/**
 * `@types.coroutine`: the generators the function returns become awaitable
 * (`await gen` drives them as a Task would). CPython flags the function's
 * code; the runtime cannot change a compiled function, so it returns a
 * wrapper with the function's names (`types.coroutine(f) is f` is False).
 */
export function coroutine(func: unknown): unknown {
  if (!callable(func)) throw new TypeError('types.coroutine() expects a callable');
  const wrapper = function (this: unknown, ...rest: unknown[]): unknown {
    const [args, kw] = splitKeywords(rest);
    const result = call(func, args, Object.keys(kw).length > 0 ? kw : null);
    if (result instanceof PyGenerator) ITERABLE_COROUTINES.add(result);
    return result;
  };
  updateWrapper(wrapper, func, WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES);
  return wrapper;
}
