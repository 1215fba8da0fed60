/**
 * Python's `inspect`, the part about what kind of object something is:
 * the `is…` predicates, `getmro`, and the states of generators and
 * coroutines (`getgeneratorstate`, `getcoroutinestate`); signatures, and
 * members and docstrings (support/inspect/).
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './inspect.js';
import { TypeError } from '../builtins/exceptions.js';
import { BOUND, isPyFunction, type PyCallable } from '../builtins/calls.js';
import { isClassLike, mroOf, type PyClass } from '../builtins/classes.js';
import { builtinFunctionType, methodType, type } from '../builtins/types.js';
import { hasSpecial } from '../builtins/special.js';
import { getattr } from '../builtins/attributes.js';
import { PyTuple } from '../builtins/values.js';
import { PyGenerator } from '../builtins/generators.js';
import { isCompiledGeneratorFunction } from '../builtins/codeObjects.js';
import { isModule } from './support/namespaces.js';
import { CREATED, DONE, ITERABLE_COROUTINES, PyCoroutine, iscoroutinefunction as isCoroutineFn } from '../asyncio/coroutines.js';
import { isfuture } from '../asyncio/futures.js';

export const __name__ = 'inspect';
export { BoundArguments, Parameter, Signature, signature } from './support/inspect/signature.js';
import { fullArgSpecFields } from './support/inspect/signature.js';
import { namedtuple } from './support/collections/namedtuple.js';
import { call } from '../builtins/calls.js';
export {
  cleandoc, getdoc, getmembers, getmodule, isabstract, isdatadescriptor, ismethoddescriptor, unwrap,
} from './support/inspect/members.js';
loadedModules.$set('inspect', self);

export const CORO_CREATED = 'CORO_CREATED';
export const CORO_RUNNING = 'CORO_RUNNING';
export const CORO_SUSPENDED = 'CORO_SUSPENDED';
export const CORO_CLOSED = 'CORO_CLOSED';
export const GEN_CREATED = 'GEN_CREATED';
export const GEN_RUNNING = 'GEN_RUNNING';
export const GEN_SUSPENDED = 'GEN_SUSPENDED';
export const GEN_CLOSED = 'GEN_CLOSED';

// The code flags (co_flags), as CPython's inspect exports them from its dis module.
export const CO_OPTIMIZED = 1;
export const CO_NEWLOCALS = 2;
export const CO_VARARGS = 4;
export const CO_VARKEYWORDS = 8;
export const CO_NESTED = 16;
export const CO_GENERATOR = 32;
export const CO_NOFREE = 64;
export const CO_COROUTINE = 128;
export const CO_ITERABLE_COROUTINE = 256;
export const CO_ASYNC_GENERATOR = 512;

export const FullArgSpec = call(namedtuple, ['FullArgSpec', 'args, varargs, varkw, defaults, kwonlyargs, kwonlydefaults, annotations'], { module: 'inspect' });

export function getfullargspec(func: unknown): unknown {
  return call(FullArgSpec, fullArgSpecFields(func), null);
}

/** The contract of the runtime's async generators: their functions carry this flag. */
const ASYNC_GENERATOR_FUNCTION = Symbol.for('pyasync.asyncGeneratorFunction');

/** What CPython's `_has_code_flag` looks through: bound methods and functools.partial objects. */
function unwrapBound(f: unknown): unknown {
  for (;;) {
    if (typeof f === 'function' && (f as PyCallable)[BOUND] !== undefined) {
      f = ((f as PyCallable)[BOUND] as { func: unknown }).func;
      continue;
    }
    if (f !== null && (typeof f === 'object' || typeof f === 'function') && (type(f) as { __name__?: unknown }).__name__ === 'partial') {
      f = getattr(f, 'func');
      continue;
    }
    return f;
  }
}

export function isfunction(obj: unknown): boolean {
  return isPyFunction(obj) && (obj as PyCallable)[BOUND] === undefined && !isClassLike(obj);
}

export function ismethod(obj: unknown): boolean {
  return type(obj) === methodType;
}

export function isclass(obj: unknown): boolean {
  return isClassLike(obj);
}

export function ismodule(obj: unknown): boolean {
  return isModule(obj);
}

export function isbuiltin(obj: unknown): boolean {
  return type(obj) === builtinFunctionType;
}

export function isroutine(obj: unknown): boolean {
  return isbuiltin(obj) || isfunction(obj) || ismethod(obj);
}

export function isgeneratorfunction(obj: unknown): boolean {
  const f = unwrapBound(obj);
  return isfunction(f) && isCompiledGeneratorFunction(f as Function);
}

export function iscoroutinefunction(obj: unknown): boolean {
  return isCoroutineFn(unwrapBound(obj));
}

export function isasyncgenfunction(obj: unknown): boolean {
  const f = unwrapBound(obj);
  return typeof f === 'function' && (f as unknown as Record<symbol, unknown>)[ASYNC_GENERATOR_FUNCTION] === true;
}

export function isgenerator(obj: unknown): boolean {
  return obj instanceof PyGenerator;
}

export function iscoroutine(obj: unknown): boolean {
  return obj instanceof PyCoroutine;
}

export function isasyncgen(obj: unknown): boolean {
  if (obj === null || typeof obj !== 'object') return false;
  const ctor = (obj as { constructor?: { __name__?: unknown } }).constructor;
  return ctor !== undefined && ctor.__name__ === 'async_generator';
}

export function isawaitable(obj: unknown): boolean {
  return obj instanceof PyCoroutine
    || (obj instanceof PyGenerator && ITERABLE_COROUTINES.has(obj))
    || isfuture(obj)
    || (!isClassLike(obj) && hasSpecial(obj, '__await__'));
}

export function getmro(cls: unknown): PyTuple {
  if (!isClassLike(cls)) throw new TypeError(`'${(type(cls) as { __name__: string }).__name__}' object has no attribute '__mro__'`);
  return PyTuple.fromArray(mroOf(cls as PyClass));
}

export function getcoroutinestate(coroutine: unknown): string {
  if (!(coroutine instanceof PyCoroutine)) {
    throw new TypeError(`'${(type(coroutine) as { __name__: string }).__name__}' object has no attribute 'cr_running'`);
  }
  if (coroutine.$state === CREATED) return CORO_CREATED;
  if (coroutine.$state === DONE) return CORO_CLOSED;
  return coroutine.cr_running ? CORO_RUNNING : CORO_SUSPENDED;
}

/** PyGenerator's states (builtins/generators.ts): created, suspended, running, closed. */
const GENERATOR_STATES = [GEN_CREATED, GEN_SUSPENDED, GEN_RUNNING, GEN_CLOSED];

export function getgeneratorstate(generator: unknown): string {
  if (!(generator instanceof PyGenerator)) {
    throw new TypeError(`'${(type(generator) as { __name__: string }).__name__}' object has no attribute 'gi_running'`);
  }
  return GENERATOR_STATES[(generator as unknown as { $state: number }).$state]!;
}
