/**
 * contextlib's base classes: AbstractContextManager and
 * AbstractAsyncContextManager (ABCs whose `__subclasshook__` makes any
 * class defining the two methods a member, as collections.abc's one-protocol
 * ABCs do), ContextDecorator, and chdir.
 */
import { Keywords, call, def } from '../../../builtins/calls.js';
import { callMethod, getattr, setattr } from '../../../builtins/attributes.js';
import { PyClassMethod, makeClass, mroOf, pyClassOf, type PyClass } from '../../../builtins/classes.js';
import { truthy } from '../../../builtins/truth.js';
import { toPython } from '../../../builtins/errors.js';
import { lookupSpecial } from '../../../builtins/special.js';
import { NotImplemented } from '../../../builtins/notImplemented.js';
import { genericAlias } from '../../../builtins/genericAlias.js';
import { runtimeCoroutine, type PyCoroutine } from '../../../asyncio/coroutines.js';
import { ABC, abstractmethod } from '../../abc.js';
import { $definesMethod as definesMethod } from '../../collections.abc.js';
import * as os from '../../os.js';
import { updateWrapper } from '../functools/wraps.js';
import { pyFunction } from '../pydef.js';

type Obj = Record<string, unknown>;
const Q = 'contextlib';

/** An ABC whose hook accepts the classes defining `methods` (CPython's `_collections_abc._check_methods`), for itself only. */
function protocolAbc(name: string, methods: readonly string[], members: Record<string, unknown>): PyClass {
  const cls: PyClass = makeClass(name, [ABC], (ns) => {
    ns['__module__'] = Q;
    ns['__qualname__'] = name;
    ns['__class_getitem__'] = new PyClassMethod((c: unknown, args: unknown) => genericAlias(c, args));
    Object.assign(ns, members);
    ns['__subclasshook__'] = new PyClassMethod(pyFunction('cls, C', `${name}.__subclasshook__`, Q, (c: unknown, other: unknown) => {
      if (c !== cls) return NotImplemented;
      const mro = mroOf(other as PyClass);
      return methods.every((m) => definesMethod(mro, m)) ? true : NotImplemented;
    }));
  });
  return cls;
}

export const AbstractContextManager = protocolAbc('AbstractContextManager', ['__enter__', '__exit__'], {
  __enter__: pyFunction('self', 'AbstractContextManager.__enter__', Q, (self: unknown) => self),
  __exit__: abstractmethod(pyFunction('self, exc_type, exc_value, traceback', 'AbstractContextManager.__exit__', Q, () => null)),
});

async function returnSelf(self: unknown): Promise<unknown> {
  return self;
}

async function returnNone(): Promise<unknown> {
  return null;
}

export const AbstractAsyncContextManager = protocolAbc('AbstractAsyncContextManager', ['__aenter__', '__aexit__'], {
  __aenter__: pyFunction('self', 'AbstractAsyncContextManager.__aenter__', Q, (self: unknown): PyCoroutine =>
    runtimeCoroutine(returnSelf, [self], 'AbstractAsyncContextManager.__aenter__')),
  __aexit__: abstractmethod(pyFunction('self, exc_type, exc_value, traceback', 'AbstractAsyncContextManager.__aexit__', Q, (): PyCoroutine =>
    runtimeCoroutine(returnNone, [], 'AbstractAsyncContextManager.__aexit__'))),
});

/** ContextDecorator: `@cm` runs each call of the function inside `with cm._recreate_cm():`. */
export const ContextDecorator = makeClass('ContextDecorator', [], (ns) => {
  ns['__module__'] = Q;
  ns['__qualname__'] = 'ContextDecorator';
  ns['_recreate_cm'] = pyFunction('self', 'ContextDecorator._recreate_cm', Q, (self: unknown) => self);
  ns['__call__'] = pyFunction('self, func', 'ContextDecorator.__call__', Q, (self: unknown, func: unknown) => {
    const inner = def(function inner(...rest: unknown[]): unknown {
      const last = rest[rest.length - 1];
      const kw = last instanceof Keywords ? last.values : null;
      const args = kw === null ? rest : rest.slice(0, -1);
      const cm = callMethod(self, '_recreate_cm');
      const enter = lookupSpecial(cm, '__enter__') as () => unknown;
      const exit = lookupSpecial(cm, '__exit__') as (t: unknown, v: unknown, tb: unknown) => unknown;
      enter();
      let result: unknown;
      try {
        result = call(func, args, kw !== null && Object.keys(kw).length > 0 ? kw : null);
      } catch (raw) {
        const exc = toPython(raw);
        if (!truthy(exit(pyClassOf(exc) ?? (exc as object).constructor, exc, getattr(exc, '__traceback__', null)))) throw exc;
        return null;
      }
      exit(null, null, null);
      return result;
    }, '*args, **kwds', `${String(getattr(func, '__qualname__', 'ContextDecorator.__call__'))}`, String(getattr(func, '__module__', Q)));
    updateWrapper(inner, func);
    return inner;
  });
});

/** chdir(path): changes the working directory on entry and back on exit. */
export const chdir = makeClass('chdir', [AbstractContextManager], (ns) => {
  ns['__module__'] = Q;
  ns['__qualname__'] = 'chdir';
  ns['__init__'] = pyFunction('self, path', 'chdir.__init__', Q, (self: Obj, path: unknown) => {
    setattr(self, 'path', path);
    setattr(self, '_old_cwd', []);
    return null;
  });
  ns['__enter__'] = pyFunction('self', 'chdir.__enter__', Q, (self: Obj) => {
    (getattr(self, '_old_cwd') as unknown[]).push(os.getcwd());
    os.chdir(getattr(self, 'path'));
    return null;
  });
  ns['__exit__'] = pyFunction('self, *excinfo', 'chdir.__exit__', Q, (self: Obj) => {
    const old = getattr(self, '_old_cwd') as unknown[];
    os.chdir(old.pop());
    return null;
  });
});
