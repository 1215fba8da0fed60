/**
 * Python's `contextlib`: contextmanager, suppress, closing, nullcontext,
 * ExitStack, redirect_stdout/redirect_stderr; the asynchronous ones
 * (asynccontextmanager, AsyncExitStack, aclosing, AsyncContextDecorator)
 * live in support/contextlib/async.ts.
 */
import { BaseException, RuntimeError, StopIteration, TypeError } from '../builtins/exceptions.js';
import { Keywords, call, def } from '../builtins/calls.js';
import { next as pyNext } from '../builtins/iteration.js';
import { callMethod, getattr } from '../builtins/attributes.js';
import { issubclass, pyClassOf, type PyClass } from '../builtins/classes.js';
import { truthy } from '../builtins/truth.js';
import { toPython } from '../builtins/errors.js';
import { lookupSpecial } from '../builtins/special.js';
import { typeName, PyTuple } from '../builtins/values.js';
import * as sys from './sys.js';
import { defineClass, newInstance, splitKeywords } from './support/stdlib/pyclass.js';
import { updateWrapper } from './support/functools/wraps.js';

export const __name__ = 'contextlib';

export {
  asynccontextmanager, AsyncContextDecorator, _AsyncGeneratorContextManager, aclosing, AsyncExitStack,
} from './support/contextlib/async.js';
export { AbstractContextManager, AbstractAsyncContextManager, ContextDecorator, chdir } from './support/contextlib/abstract.js';

type Obj = Record<string, unknown>;

// ---------------------------------------------------------------------------
// contextmanager

function generatorExit(self: Obj, type: unknown, value: unknown): boolean {
  const gen = self['gen'];
  if (type === null || type === undefined) {
    try {
      pyNext(gen);
    } catch (e) {
      if (e instanceof StopIteration) return false;
      throw e;
    }
    throw new RuntimeError("generator didn't stop");
  }
  let val = value;
  if (val === null || val === undefined) val = call(type, [], null);
  try {
    callMethod(gen, 'throw', val);
  } catch (raw) {
    const exc = toPython(raw);
    if (exc instanceof StopIteration) return exc !== val;
    if (exc instanceof RuntimeError) {
      if (exc === val) return false;
      if (val instanceof StopIteration && exc.__cause__ === val) return false;
      throw exc;
    }
    if (exc !== val) throw exc;
    return false;
  }
  throw new RuntimeError("generator didn't stop after throw()");
}

export const _GeneratorContextManager = defineClass('contextlib', '_GeneratorContextManager', [], {
  __enter__(this: Obj): unknown {
    try {
      return pyNext(this['gen']);
    } catch (e) {
      if (e instanceof StopIteration) throw new RuntimeError("generator didn't yield");
      throw e;
    }
  },
  __exit__(this: Obj, type: unknown, value: unknown, _tb: unknown): boolean {
    return generatorExit(this, type, value);
  },
  /** As a decorator (ContextDecorator): each call of the function runs in a fresh manager. */
  __call__(this: Obj, func: unknown): unknown {
    const factory = this['$factory'] as () => Obj;
    const wrapper = def(function inner(...rest: unknown[]): unknown {
      const last = rest[rest.length - 1];
      const kw = last instanceof Keywords ? last.values : null;
      const args = kw === null ? rest : rest.slice(0, -1);
      const cm = factory();
      const enter = cm['__enter__'] as () => unknown;
      const exit = cm['__exit__'] as (t: unknown, v: unknown, tb: unknown) => unknown;
      enter.call(cm);
      let result: unknown;
      try {
        result = call(func, args, kw !== null && Object.keys(kw).length > 0 ? kw : null);
      } catch (raw) {
        const exc = toPython(raw);
        if (!truthy(exit.call(cm, pyClassOf(exc) ?? (exc as object).constructor, exc, null))) throw exc;
        return null;
      }
      exit.call(cm, null, null, null);
      return result;
    }, '*args, **kwds', String(getattr(func, '__qualname__', 'inner')), String(getattr(func, '__module__', '__main__')));
    updateWrapper(wrapper, func);
    return wrapper;
  },
});

/** @contextmanager: the decorated generator function makes a context manager per call. */
export function contextmanager(func: unknown): unknown {
  const qualname = String(getattr(func, '__qualname__', 'helper'));
  const module = String(getattr(func, '__module__', '__main__'));
  const helper = def(function helper(...rest: unknown[]): unknown {
    const last = rest[rest.length - 1];
    const kw = last instanceof Keywords ? last.values : null;
    const args = kw === null ? rest : rest.slice(0, -1);
    const make = (): Obj => {
      const cm = newInstance(_GeneratorContextManager);
      cm['gen'] = call(func, args, kw !== null && Object.keys(kw).length > 0 ? kw : null);
      cm['func'] = func;
      cm['args'] = PyTuple.fromArray(args);
      Object.defineProperty(cm, '$factory', { value: make });
      return cm;
    };
    return make();
  }, '*args, **kwds', qualname, module);
  updateWrapper(helper, func);
  return helper;
}

// ---------------------------------------------------------------------------
// suppress, closing, nullcontext

function excTypes(types: readonly unknown[]): PyClass[] {
  return types.flatMap((t) => (t instanceof PyTuple ? [...t] : [t])) as PyClass[];
}

export const suppress = defineClass('contextlib', 'suppress', [], {
  __init__: def(function __init__(self: Obj, ...exceptions: unknown[]): null {
    self['_exceptions'] = PyTuple.fromArray(exceptions);
    return null;
  }, 'self, *exceptions', 'suppress.__init__', 'contextlib'),
  __enter__(): null {
    return null;
  },
  __exit__(this: Obj, type: unknown): boolean {
    if (type === null || type === undefined) return false;
    return excTypes(this['_exceptions'] as unknown[]).some((t) => issubclass(type as PyClass, t));
  },
});

export const closing = defineClass('contextlib', 'closing', [], {
  __init__: def(function __init__(self: Obj, thing: unknown): null {
    self['thing'] = thing;
    return null;
  }, 'self, thing', 'closing.__init__', 'contextlib'),
  __enter__(this: Obj): unknown {
    return this['thing'];
  },
  __exit__(this: Obj): null {
    callMethod(this['thing'], 'close');
    return null;
  },
});

export const nullcontext = defineClass('contextlib', 'nullcontext', [], {
  __init__: def(function __init__(self: Obj, enter_result: unknown = null): null {
    self['enter_result'] = enter_result;
    return null;
  }, 'self, enter_result=', 'nullcontext.__init__', 'contextlib'),
  __enter__(this: Obj): unknown {
    return this['enter_result'];
  },
  __exit__(): null {
    return null;
  },
});

// ---------------------------------------------------------------------------
// redirect_stdout, redirect_stderr

function redirector(name: 'redirect_stdout' | 'redirect_stderr', stream: 'stdout' | 'stderr'): PyClass {
  return defineClass('contextlib', name, [], {
    __init__: def(function __init__(self: Obj, new_target: unknown): null {
      self['_new_target'] = new_target;
      self['_old_targets'] = [];
      return null;
    }, 'self, new_target', `${name}.__init__`, 'contextlib'),
    __enter__(this: Obj): unknown {
      (this['_old_targets'] as unknown[]).push(sys[stream]);
      sys.$module$setattr(stream, this['_new_target']);
      return this['_new_target'];
    },
    __exit__(this: Obj): null {
      sys.$module$setattr(stream, (this['_old_targets'] as unknown[]).pop());
      return null;
    },
  });
}

export const redirect_stdout = redirector('redirect_stdout', 'stdout');
export const redirect_stderr = redirector('redirect_stderr', 'stderr');

// ---------------------------------------------------------------------------
// ExitStack

type ExitCallback = (type: unknown, value: unknown, tb: unknown) => unknown;

function callbacks(self: Obj): ExitCallback[] {
  return self['_exit_callbacks'] as ExitCallback[];
}

function exitStackExit(self: Obj, type: unknown, value: unknown, tb: unknown): boolean {
  const received = type !== null && type !== undefined;
  let details: [unknown, unknown, unknown] = [type, value, tb];
  let suppressed = false;
  let pendingRaise = false;
  const stack = callbacks(self);
  while (stack.length > 0) {
    const cb = stack.pop()!;
    try {
      if (truthy(cb(...details))) {
        suppressed = true;
        pendingRaise = false;
        details = [null, null, null];
      }
    } catch (raw) {
      const exc = toPython(raw);
      const old = details[1];
      if (exc instanceof BaseException && old instanceof BaseException && exc !== old) {
        // The new exception's context is the one being handled, as when raised in an `except`.
        let ctx: BaseException | null = exc;
        while (ctx.__context__ !== null && ctx.__context__ !== old) ctx = ctx.__context__;
        if (ctx.__context__ === null && ctx !== old) ctx.__context__ = old;
      }
      pendingRaise = true;
      details = [pyClassOf(exc) ?? (exc as object).constructor, exc, null];
    }
  }
  if (pendingRaise) throw details[1];
  return received && suppressed;
}

export const ExitStack = defineClass('contextlib', 'ExitStack', [], {
  __init__: def(function __init__(self: Obj): null {
    self['_exit_callbacks'] = [];
    return null;
  }, 'self', 'ExitStack.__init__', 'contextlib'),
  __enter__(this: Obj): unknown {
    return this;
  },
  __exit__(this: Obj, type: unknown, value: unknown, tb: unknown): boolean {
    return exitStackExit(this, type, value, tb);
  },
  enter_context(this: Obj, cm: unknown): unknown {
    const enter = lookupSpecial(cm, '__enter__');
    const exit = lookupSpecial(cm, '__exit__');
    if (enter === undefined || exit === undefined) {
      throw new TypeError(`'${qualifiedTypeName(cm)}' object does not support the context manager protocol`);
    }
    const result = enter();
    callbacks(this).push(exit as ExitCallback);
    return result;
  },
  push(this: Obj, exit: unknown): unknown {
    const method = lookupSpecial(exit, '__exit__');
    callbacks(this).push(method !== undefined ? (method as ExitCallback) : (t, v, tb) => call(exit, [t, v, tb], null));
    return exit;
  },
  callback(this: Obj, ...rest: unknown[]): unknown {
    const [args, kw] = splitKeywords(rest);
    const [fn, ...fnArgs] = args;
    callbacks(this).push(() => {
      call(fn, fnArgs, Object.keys(kw).length > 0 ? kw : null);
      return false;
    });
    return fn;
  },
  pop_all(this: Obj): unknown {
    const stack = newInstance(pyClassOf(this));
    stack['_exit_callbacks'] = callbacks(this);
    this['_exit_callbacks'] = [];
    return stack;
  },
  close(this: Obj): null {
    exitStackExit(this, null, null, null);
    return null;
  },
});

function qualifiedTypeName(v: unknown): string {
  const cls = pyClassOf(v);
  if (cls === undefined) return `builtins.${typeName(v)}`;
  return `${String(getattr(cls, '__module__', '__main__'))}.${cls.__qualname__}`;
}

