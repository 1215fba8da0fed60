/**
 * contextlib's asynchronous half: asynccontextmanager, AsyncContextDecorator,
 * aclosing and AsyncExitStack (which has ExitStack's synchronous methods
 * too). Their `__aenter__`/`__aexit__`/`aclose` return runtime coroutines,
 * which `await` starts inline as it starts a Python coroutine, so entering
 * and leaving takes no more loop turns than CPython's `async def` methods.
 */
import { BaseException, RuntimeError, StopAsyncIteration, StopIteration, TypeError } from '../../../builtins/exceptions.js';
import { Keywords, call, def } from '../../../builtins/calls.js';
import { callMethod, getattr } from '../../../builtins/attributes.js';
import { pyClassOf } from '../../../builtins/classes.js';
import { truthy } from '../../../builtins/truth.js';
import { toPython } from '../../../builtins/errors.js';
import { lookupSpecial } from '../../../builtins/special.js';
import { typeName, PyTuple } from '../../../builtins/values.js';
import { anext } from '../../../builtins/asyncGenerators.js';
import { aw, box, runtimeCoroutine, un, type PyCoroutine } from '../../../asyncio/coroutines.js';
import { defineClass, newInstance, pyMethod } from '../stdlib/pyclass.js';
import { updateWrapper } from '../functools/wraps.js';

type Obj = Record<string, unknown>;
type Method = (...args: unknown[]) => unknown;

async function awaited(x: unknown): Promise<unknown> {
  return un(await aw(x));
}

function classOf(exc: unknown): unknown {
  return pyClassOf(exc) ?? (exc as object).constructor;
}

/** Positional arguments and keywords of a call through `def` (the call layer's Keywords last). */
function argsOf(rest: unknown[]): [unknown[], Record<string, unknown> | null] {
  const last = rest[rest.length - 1];
  if (last instanceof Keywords) return [rest.slice(0, -1), Object.keys(last.values).length > 0 ? last.values : null];
  return [rest, null];
}

/** A method receiving the object first (as compiled Python methods do, so direct calls like `cm.__aenter__()` work too). */
function method<F extends (self: Obj, ...args: never[]) => unknown>(fn: F, spec: string, qualname: string): F {
  return pyMethod(fn, spec, qualname, 'contextlib');
}

// ---------------------------------------------------------------------------
// AsyncContextDecorator and asynccontextmanager

/** `@cm` on an async function: each call runs the function inside `async with cm._recreate_cm()`. */
function decorate(self: Obj, func: unknown): unknown {
  const qualname = String(getattr(func, '__qualname__', 'inner'));
  const body = async (args: unknown[], kw: Record<string, unknown> | null): Promise<unknown> => {
    const cm = callMethod(self, '_recreate_cm');
    const exit = lookupSpecial(cm, '__aexit__') as Method;
    await awaited(callMethod(cm, '__aenter__'));
    let result: unknown;
    try {
      result = await awaited(call(func, args, kw));
    } catch (raw) {
      const exc = toPython(raw);
      if (!truthy(await awaited(exit(classOf(exc), exc, null)))) throw exc;
      return null;
    }
    await awaited(exit(null, null, null));
    return box(result);
  };
  const wrapper = def(function inner(...rest: unknown[]): PyCoroutine {
    return runtimeCoroutine(body, argsOf(rest), qualname);
  }, '*args, **kwds', qualname, String(getattr(func, '__module__', '__main__')));
  updateWrapper(wrapper, func);
  return wrapper;
}

export const AsyncContextDecorator = defineClass('contextlib', 'AsyncContextDecorator', [], {
  _recreate_cm: method(function _recreate_cm(self: Obj): unknown {
    return self;
  }, 'self', 'AsyncContextDecorator._recreate_cm'),
  __call__: method(function __call__(self: Obj, func: unknown): unknown {
    return decorate(self, func);
  }, 'self, func', 'AsyncContextDecorator.__call__'),
});

async function agenEnter(self: Obj): Promise<unknown> {
  try {
    return await awaited(anext(self['gen']));
  } catch (e) {
    if (e instanceof StopAsyncIteration) {
      const error = new RuntimeError("generator didn't yield");
      error.__suppress_context__ = true;
      throw error;
    }
    throw e;
  }
}

async function agenExit(self: Obj, type: unknown, value: unknown, tb: unknown): Promise<boolean> {
  const gen = self['gen'];
  if (type === null || type === undefined) {
    try {
      await awaited(anext(gen));
    } catch (e) {
      if (e instanceof StopAsyncIteration) return false;
      throw e;
    }
    throw new RuntimeError("generator didn't stop");
  }
  const val = value === null || value === undefined ? call(type, [], null) : value;
  try {
    await awaited(callMethod(gen, 'athrow', type, val, tb));
  } catch (raw) {
    const exc = toPython(raw);
    if (exc instanceof StopAsyncIteration) return exc !== val;
    if (exc instanceof RuntimeError) {
      if (exc === val) return false;
      if ((val instanceof StopIteration || val instanceof StopAsyncIteration) && exc.__cause__ === val) return false;
      throw exc;
    }
    if (exc !== val) throw exc;
    return false;
  }
  throw new RuntimeError("generator didn't stop after athrow()");
}

export const _AsyncGeneratorContextManager = defineClass('contextlib', '_AsyncGeneratorContextManager', [AsyncContextDecorator], {
  _recreate_cm: method(function _recreate_cm(self: Obj): unknown {
    return (self['$factory'] as () => Obj)();
  }, 'self', '_AsyncGeneratorContextManager._recreate_cm'),
  __aenter__: method(function __aenter__(self: Obj): PyCoroutine {
    return runtimeCoroutine(agenEnter, [self], '_AsyncGeneratorContextManager.__aenter__');
  }, 'self', '_AsyncGeneratorContextManager.__aenter__'),
  __aexit__: method(function __aexit__(self: Obj, type: unknown, value: unknown, tb: unknown): PyCoroutine {
    return runtimeCoroutine(agenExit, [self, type, value, tb], '_AsyncGeneratorContextManager.__aexit__');
  }, 'self, type, value, tb', '_AsyncGeneratorContextManager.__aexit__'),
});

/** @asynccontextmanager: the decorated async generator function makes an async context manager per call. */
export function asynccontextmanager(func: unknown): unknown {
  const helper = def(function helper(...rest: unknown[]): unknown {
    const [args, kw] = argsOf(rest);
    const make = (): Obj => {
      const cm = newInstance(_AsyncGeneratorContextManager);
      cm['gen'] = call(func, args, kw);
      cm['func'] = func;
      cm['args'] = PyTuple.fromArray(args);
      Object.defineProperty(cm, '$factory', { value: make });
      return cm;
    };
    return make();
  }, '*args, **kwds', String(getattr(func, '__qualname__', 'helper')), String(getattr(func, '__module__', '__main__')));
  updateWrapper(helper, func);
  return helper;
}

// ---------------------------------------------------------------------------
// aclosing

async function acloseThing(self: Obj): Promise<unknown> {
  await awaited(callMethod(self['thing'], 'aclose'));
  return null;
}

async function returnSelf(self: Obj): Promise<unknown> {
  return box(self);
}

async function returnThing(self: Obj): Promise<unknown> {
  return box(self['thing']);
}

export const aclosing = defineClass('contextlib', 'aclosing', [], {
  __init__: def(function __init__(self: Obj, thing: unknown): null {
    self['thing'] = thing;
    return null;
  }, 'self, thing', 'aclosing.__init__', 'contextlib'),
  __aenter__: method(function __aenter__(self: Obj): PyCoroutine {
    return runtimeCoroutine(returnThing, [self], 'aclosing.__aenter__');
  }, 'self', 'aclosing.__aenter__'),
  __aexit__: method(function __aexit__(self: Obj): PyCoroutine {
    return runtimeCoroutine(acloseThing, [self], 'aclosing.__aexit__');
  }, 'self, *exc_info', 'aclosing.__aexit__'),
});

// ---------------------------------------------------------------------------
// AsyncExitStack

interface ExitEntry {
  sync: boolean;
  cb: (type: unknown, value: unknown, tb: unknown) => unknown;
}

function entries(self: Obj): ExitEntry[] {
  return self['_exit_callbacks'] as ExitEntry[];
}

function qualifiedTypeName(v: unknown): string {
  const cls = pyClassOf(v);
  if (cls === undefined) return `builtins.${typeName(v)}`;
  return `${String(getattr(cls, '__module__', 'builtins'))}.${cls.__qualname__}`;
}

/** CPython's _fix_exception_context: the new exception's context chain ends at the one being handled. */
function fixContext(exc: unknown, old: unknown): void {
  if (!(exc instanceof BaseException) || !(old instanceof BaseException) || exc === old) return;
  let ctx: BaseException = exc;
  while (ctx.__context__ !== null && ctx.__context__ !== old) ctx = ctx.__context__;
  if (ctx.__context__ === null && ctx !== old) ctx.__context__ = old;
}

async function asyncExitStackExit(self: Obj, type: unknown, value: unknown, tb: unknown): Promise<boolean> {
  const received = type !== null && type !== undefined;
  let details: [unknown, unknown, unknown] = [type, value, tb];
  let suppressed = false;
  let pendingRaise = false;
  const stack = entries(self);
  while (stack.length > 0) {
    const { sync, cb } = stack.pop()!;
    try {
      const result = sync ? cb(...details) : await awaited(cb(...details));
      if (truthy(result)) {
        suppressed = true;
        pendingRaise = false;
        details = [null, null, null];
      }
    } catch (raw) {
      const exc = toPython(raw);
      fixContext(exc, details[1]);
      pendingRaise = true;
      details = [classOf(exc), exc, null];
    }
  }
  if (pendingRaise) throw details[1];
  return received && suppressed;
}

async function enterAsync(self: Obj, cm: unknown): Promise<unknown> {
  const enter = lookupSpecial(cm, '__aenter__');
  const exit = lookupSpecial(cm, '__aexit__');
  if (enter === undefined || exit === undefined) {
    throw new TypeError(`'${qualifiedTypeName(cm)}' object does not support the asynchronous context manager protocol`);
  }
  const result = await awaited(enter());
  entries(self).push({ sync: false, cb: exit });
  return box(result);
}

async function closeStack(self: Obj): Promise<unknown> {
  await asyncExitStackExit(self, null, null, null);
  return null;
}

export const AsyncExitStack = defineClass('contextlib', 'AsyncExitStack', [], {
  __init__: def(function __init__(self: Obj): null {
    self['_exit_callbacks'] = [];
    return null;
  }, 'self', 'AsyncExitStack.__init__', 'contextlib'),
  __aenter__: method(function __aenter__(self: Obj): PyCoroutine {
    return runtimeCoroutine(returnSelf, [self], 'AsyncExitStack.__aenter__');
  }, 'self', 'AsyncExitStack.__aenter__'),
  __aexit__: method(function __aexit__(self: Obj, type: unknown, value: unknown, tb: unknown): PyCoroutine {
    return runtimeCoroutine(asyncExitStackExit, [self, type, value, tb], 'AsyncExitStack.__aexit__');
  }, 'self, type, value, tb', 'AsyncExitStack.__aexit__'),
  aclose: method(function aclose(self: Obj): PyCoroutine {
    return runtimeCoroutine(closeStack, [self], 'AsyncExitStack.aclose');
  }, 'self', 'AsyncExitStack.aclose'),
  enter_async_context: method(function enter_async_context(self: Obj, cm: unknown): PyCoroutine {
    return runtimeCoroutine(enterAsync, [self, cm], 'AsyncExitStack.enter_async_context');
  }, 'self, cm', 'AsyncExitStack.enter_async_context'),
  push_async_exit: method(function push_async_exit(self: Obj, exit: unknown): unknown {
    const method = lookupSpecial(exit, '__aexit__');
    entries(self).push({ sync: false, cb: method !== undefined ? method : (t, v, tb) => call(exit, [t, v, tb], null) });
    return exit;
  }, 'self, exit', 'AsyncExitStack.push_async_exit'),
  push_async_callback: method(function push_async_callback(self: Obj, ...rest: unknown[]): unknown {
    const [[fn, ...fnArgs], kwargs] = argsOf(rest);
    const wrapper = async (): Promise<unknown> => {
      await awaited(call(fn, fnArgs, kwargs));
      return false;
    };
    entries(self).push({ sync: false, cb: () => runtimeCoroutine(wrapper, [], '_exit_wrapper') });
    return fn;
  }, 'self, *args, **kwds', 'AsyncExitStack.push_async_callback'),
  enter_context: method(function enter_context(self: Obj, cm: unknown): unknown {
    const enter = lookupSpecial(cm, '__enter__');
    const exit = lookupSpecial(cm, '__exit__');
    if (enter === undefined || exit === undefined) {
      throw new TypeError(`'${qualifiedTypeName(cm)}' object does not support the context manager protocol`);
    }
    const result = enter();
    entries(self).push({ sync: true, cb: exit });
    return result;
  }, 'self, cm', 'AsyncExitStack.enter_context'),
  push: method(function push(self: Obj, exit: unknown): unknown {
    const method = lookupSpecial(exit, '__exit__');
    entries(self).push({ sync: true, cb: method !== undefined ? method : (t, v, tb) => call(exit, [t, v, tb], null) });
    return exit;
  }, 'self, exit', 'AsyncExitStack.push'),
  callback: method(function callback(self: Obj, ...rest: unknown[]): unknown {
    const [[fn, ...fnArgs], kwargs] = argsOf(rest);
    entries(self).push({
      sync: true,
      cb: () => {
        call(fn, fnArgs, kwargs);
        return false;
      },
    });
    return fn;
  }, 'self, *args, **kwds', 'AsyncExitStack.callback'),
  pop_all: method(function pop_all(self: Obj): unknown {
    const stack = newInstance(pyClassOf(self));
    stack['_exit_callbacks'] = entries(self);
    self['_exit_callbacks'] = [];
    return stack;
  }, 'self', 'AsyncExitStack.pop_all'),
});
