/**
 * unittest.IsolatedAsyncioTestCase (CPython 3.11's
 * unittest/async_case.py): each test runs in an asyncio Runner of its own;
 * setUp, the test method, tearDown and cleanups are called as in TestCase,
 * with asyncSetUp after setUp and asyncTearDown before tearDown, and async
 * test methods and cleanups run on the Runner's loop. Its run() is a
 * Promise, which TestSuite, TextTestRunner and unittest.main carry through.
 */
import { callMethod, getattr } from '../../../builtins/attributes.js';
import { call } from '../../../builtins/calls.js';
import { PyDict } from '../../../builtins/dict.js';
import { Runner } from '../../../asyncio/runners.js';
import { asyncDef, coroutine } from '../../../asyncio/coroutines.js';
import { iscoroutinefunction } from '../../inspect.js';
import { pyClass, pyFunction } from '../pydef.js';
import { TestCase, runTest, runtimeRuns, warnReturned } from './case.js';
import { unboxed } from '../../../asyncio/baseEvents.js';

const Q = 'unittest.async_case';
type Obj = Record<string, unknown>;

const a = <F extends (...args: never[]) => unknown>(spec: string, name: string, fn: F): F =>
  pyFunction(spec, `IsolatedAsyncioTestCase.${name}`, Q, fn);

/** An `async def name(self): pass`, for the hooks subclasses override and await through super(). */
function asyncNoop(name: string): unknown {
  const qualname = `IsolatedAsyncioTestCase.${name}`;
  const body = async (): Promise<unknown> => null;
  const fn = pyFunction('self', qualname, Q, (self: unknown) => coroutine(body as (...args: unknown[]) => Promise<unknown>, [self]));
  return asyncDef(fn, body as (...args: unknown[]) => Promise<unknown>, qualname, null, 0);
}

const runnerOf = (self: Obj): unknown => self['_asyncioRunner'];

/** `func(*args)` on the test's Runner when it is a coroutine function, else a plain call. */
function callMaybeAsync(self: Obj, func: unknown, args: unknown[], kwargs: Record<string, unknown> | null): unknown {
  if (iscoroutinefunction(func)) return callMethod(runnerOf(self), 'run', call(func, args, kwargs));
  return call(func, args, kwargs);
}

function kwargsOf(d: unknown): Record<string, unknown> | null {
  if (!(d instanceof PyDict) || d.$size === 0) return null;
  const out: Record<string, unknown> = {};
  for (const k of d) out[k as string] = d.$get(k);
  return out;
}

async function closing(runner: unknown, run: Promise<unknown>): Promise<unknown> {
  try {
    return await run;
  } finally {
    await callMethod(runner, 'close');
  }
}

/** run(): the test on an asyncio Runner of its own, closed when the test is done. */
const asyncRun = a('self, result=', 'run', (self: Obj, result: unknown = null) => {
  const runner = call(Runner, [], { debug: true });
  self['_asyncioRunner'] = runner;
  let outcome: unknown;
  try {
    outcome = runTest(self, result);
  } catch (e) {
    return closing(runner, Promise.reject(e));
  }
  return closing(runner, Promise.resolve(outcome));
});
runtimeRuns.add(asyncRun);

export const IsolatedAsyncioTestCase = pyClass('IsolatedAsyncioTestCase', Q, [TestCase], {
  __init__: a('self, methodName=', '__init__', (self: Obj, methodName: unknown = 'runTest') => {
    call(getattr(TestCase, '__init__'), [self, methodName], null);
    self['_asyncioRunner'] = null;
    return null;
  }),
  asyncSetUp: asyncNoop('asyncSetUp'),
  asyncTearDown: asyncNoop('asyncTearDown'),
  addAsyncCleanup: a('self, func, /, *args, **kwargs', 'addAsyncCleanup', (self: Obj, func: unknown, args: unknown[], kwargs: unknown) => {
    call(getattr(self, 'addCleanup'), [func, ...args], kwargsOf(kwargs));
    return null;
  }),
  _callSetUp: a('self', '_callSetUp', (self: Obj) => {
    callMethod(self, 'setUp');
    return callMethod(runnerOf(self), 'run', callMethod(self, 'asyncSetUp'));
  }),
  _callTestMethod: a('self, method', '_callTestMethod', (self: Obj, method: unknown) => {
    const returned = callMaybeAsync(self, method, [], null);
    // An async test's value arrives after the Python frames that called run() are gone: its warning says sys:1.
    if (returned instanceof Promise) {
      return returned.then((value) => {
        warnReturned(self, method, unboxed(value));
        return null;
      });
    }
    warnReturned(self, method, returned);
    return null;
  }),
  _callTearDown: a('self', '_callTearDown', (self: Obj) =>
    (callMethod(runnerOf(self), 'run', callMethod(self, 'asyncTearDown')) as Promise<unknown>).then(() => callMethod(self, 'tearDown'))),
  _callCleanup: a('self, function, /, *args, **kwargs', '_callCleanup', (self: Obj, fn: unknown, args: unknown[], kwargs: unknown) =>
    callMaybeAsync(self, fn, [...args], kwargsOf(kwargs))),
  run: asyncRun,
});
