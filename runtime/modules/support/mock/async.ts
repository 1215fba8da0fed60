/**
 * unittest.mock's AsyncMock: calling it records the call and returns a
 * coroutine; awaiting that runs the side effect (awaiting a coroutine
 * function's result) and records the await (`await_count`, `await_args`,
 * the assert_awaited methods). Also the async iterator MagicMock's
 * `__aiter__` gives.
 */
import { getattr } from '../../../builtins/attributes.js';
import { call } from '../../../builtins/calls.js';
import { AssertionError, Exception, StopAsyncIteration, StopIteration } from '../../../builtins/exceptions.js';
import { isinstance } from '../../../builtins/types.js';
import { PyDict } from '../../../builtins/dict.js';
import { PyTuple } from '../../../builtins/values.js';
import { repr } from '../../../builtins/repr.js';
import { iter, iterate, next } from '../../../builtins/iteration.js';
import { eqTest } from '../../../builtins/operators.js';
import { PyProperty, makeSuper, superCall, type PyClass } from '../../../builtins/classes.js';
import { aw, runtimeCoroutine } from '../../../asyncio/coroutines.js';
import { COROUTINE_FUNCTION, iscoroutinefunction } from '../../../asyncio/coroutineFunctions.js';
import { pyClass, pyFunction } from '../pydef.js';
import { DEFAULT, Q, formatCallSignature, makeCallList, newCall } from './calls.js';
import { AsyncMockRef, MagicMixin, Mock, callMatcher, isException, kwRecord, raised, stateOf } from './mocks.js';

type Obj = Record<string, unknown>;

interface AwaitState {
  count: number;
  args: unknown;
  list: unknown[];
}

const AWAITS = new WeakMap<object, AwaitState>();

function awaitsOf(m: object): AwaitState {
  let s = AWAITS.get(m);
  if (s === undefined) {
    s = { count: 0, args: null, list: makeCallList() };
    AWAITS.set(m, s);
  }
  return s;
}

function fail(message: string, cause: unknown = null): never {
  const e = new AssertionError(message) as unknown as Obj;
  if (cause !== null) {
    e['__cause__'] = cause;
    e['__suppress_context__'] = true;
  }
  throw e;
}

const nameOf = (self: Obj): string => stateOf(self).name || 'mock';

/** The body of the coroutine a call returns (CPython's async `_execute_mock_call`). */
async function executeAsync(self: Obj, args: PyTuple, kwargs: PyDict): Promise<unknown> {
  const c = newCall([args, kwargs], null, null, true);
  const a = awaitsOf(self);
  a.count += 1;
  a.args = c;
  a.list.push(c);
  const s = stateOf(self);
  const kw = kwRecord(kwargs);
  const effect = getattr(self, 'side_effect');
  if (effect !== null) {
    let result: unknown;
    if (isException(effect)) throw raised(effect);
    if (typeof effect !== 'function') {
      try {
        result = next(effect);
      } catch (e) {
        if (e instanceof StopIteration) throw new StopAsyncIteration();
        throw e;
      }
      if (isException(result)) throw raised(result);
    } else if (iscoroutinefunction(effect)) {
      result = await aw(call(effect, [...args], kw));
    } else {
      result = call(effect, [...args], kw);
    }
    if (result !== DEFAULT) return result;
  }
  if (s.returnValue !== DEFAULT) return getattr(self, 'return_value');
  if (s.wraps !== null) {
    if (iscoroutinefunction(s.wraps)) return await aw(call(s.wraps, [...args], kw));
    return call(s.wraps, [...args], kw);
  }
  return getattr(self, 'return_value');
}

const asyncMockCall = pyFunction('self, /, *args, **kwargs', 'AsyncMockMixin._execute_mock_call', Q, (self: Obj, args: PyTuple, kwargs: PyDict) =>
  runtimeCoroutine(executeAsync as (...a: never[]) => Promise<unknown>, [self, args, kwargs], 'AsyncMockMixin._execute_mock_call'));

function awaitedWith(self: Obj, args: PyTuple, kwargs: PyDict): null {
  const a = awaitsOf(self);
  if (a.args === null) fail(`Expected await: ${formatCallSignature(nameOf(self), args, kwargs)}\nNot awaited`);
  const expected = callMatcher(self, newCall([args, kwargs], null, null, true));
  const actual = callMatcher(self, a.args as PyTuple);
  if (!eqTest(actual, expected)) {
    const [, aa, ak] = [...(a.args as PyTuple)].length === 2 ? ['', (a.args as PyTuple)[0], (a.args as PyTuple)[1]] : [...(a.args as PyTuple)];
    const cause = isinstance(expected, Exception) ? expected : null;
    fail(`expected await not found.\nExpected: ${formatCallSignature(nameOf(self), args, kwargs)}\n  Actual: ${formatCallSignature(nameOf(self), aa, ak)}`, cause);
  }
  return null;
}

const am = (spec: string, name: string, fn: (...a: never[]) => unknown): unknown => pyFunction(spec, `AsyncMockMixin.${name}`, Q, fn);

function initAsync(self: Obj): void {
  AWAITS.set(self, { count: 0, args: null, list: makeCallList() });
  (self as unknown as Record<symbol, boolean>)[COROUTINE_FUNCTION] = true;
}

export const AsyncMockMixin: PyClass = pyClass('AsyncMockMixin', Q, [], {
  __init__: am('self, /, *args, **kwargs', '__init__', (self: Obj, args: PyTuple, kwargs: PyDict) => {
    superCall(makeSuper(AsyncMockMixin, self), '__init__', [...args], kwRecord(kwargs));
    initAsync(self);
    return null;
  }),
  _execute_mock_call: asyncMockCall,
  assert_awaited: am('self', 'assert_awaited', (self: Obj) => {
    if (awaitsOf(self).count === 0) fail(`Expected ${nameOf(self)} to have been awaited.`);
    return null;
  }),
  assert_awaited_once: am('self', 'assert_awaited_once', (self: Obj) => {
    const n = awaitsOf(self).count;
    if (n !== 1) fail(`Expected ${nameOf(self)} to have been awaited once. Awaited ${n} times.`);
    return null;
  }),
  assert_awaited_with: am('self, /, *args, **kwargs', 'assert_awaited_with', awaitedWith),
  assert_awaited_once_with: am('self, /, *args, **kwargs', 'assert_awaited_once_with', (self: Obj, args: PyTuple, kwargs: PyDict) => {
    const n = awaitsOf(self).count;
    if (n !== 1) fail(`Expected ${nameOf(self)} to have been awaited once. Awaited ${n} times.`);
    return awaitedWith(self, args, kwargs);
  }),
  assert_any_await: am('self, /, *args, **kwargs', 'assert_any_await', (self: Obj, args: PyTuple, kwargs: PyDict) => {
    const expected = callMatcher(self, newCall([args, kwargs], null, null, true));
    const cause = isinstance(expected, Exception) ? expected : null;
    const actual = awaitsOf(self).list.map((c) => callMatcher(self, c as PyTuple));
    if (cause !== null || !actual.some((c) => eqTest(c, expected))) {
      fail(`${formatCallSignature(nameOf(self), args, kwargs)} await not found`, cause);
    }
    return null;
  }),
  assert_has_awaits: am('self, calls, any_order=', 'assert_has_awaits', (self: Obj, calls: unknown, anyOrder?: unknown) => {
    const given = [...iterate(calls)];
    const expected = given.map((c) => callMatcher(self, c as PyTuple));
    const cause = expected.find((e) => isinstance(e, Exception)) ?? null;
    const all = awaitsOf(self).list.map((c) => callMatcher(self, c as PyTuple));
    if (anyOrder !== true) {
      let found = false;
      for (let i = 0; i + expected.length <= all.length && !found; i++) found = expected.every((e, j) => eqTest(all[i + j], e));
      if (!found) {
        const problem = cause === null ? 'Awaits not found.'
          : `Error processing expected awaits.\nErrors: ${repr(expected.map((e) => (isinstance(e, Exception) ? e : null)))}`;
        fail(`${problem}\nExpected: ${repr(makeCallList(given))}\nActual: ${repr(awaitsOf(self).list)}`, cause);
      }
      return null;
    }
    const notFound: unknown[] = [];
    for (const kall of expected) {
      const i = all.findIndex((c) => eqTest(c, kall));
      if (i < 0) notFound.push(kall);
      else all.splice(i, 1);
    }
    if (notFound.length > 0) fail(`${repr(PyTuple.fromArray(notFound))} not all found in await list`, cause);
    return null;
  }),
  assert_not_awaited: am('self', 'assert_not_awaited', (self: Obj) => {
    const n = awaitsOf(self).count;
    if (n !== 0) fail(`Expected ${nameOf(self)} to not have been awaited. Awaited ${n} times.`);
    return null;
  }),
  reset_mock: am('self, /, *args, **kwargs', 'reset_mock', (self: Obj, args: PyTuple, kwargs: PyDict) => {
    AWAITS.set(self, { count: 0, args: null, list: makeCallList() });
    const parentReset = getattr(Mock, 'reset_mock');
    return call(parentReset, [self, ...args], kwRecord(kwargs));
  }),
  await_count: new PyProperty(
    pyFunction('self', 'await_count', Q, (self: Obj) => awaitsOf(self).count),
    pyFunction('self, v', 'await_count', Q, (self: Obj, v: number) => {
      awaitsOf(self).count = Number(v);
      return null;
    }),
  ),
  await_args: new PyProperty(
    pyFunction('self', 'await_args', Q, (self: Obj) => awaitsOf(self).args),
    pyFunction('self, v', 'await_args', Q, (self: Obj, v: unknown) => {
      awaitsOf(self).args = v;
      return null;
    }),
  ),
  await_args_list: new PyProperty(
    pyFunction('self', 'await_args_list', Q, (self: Obj) => awaitsOf(self).list),
    pyFunction('self, v', 'await_args_list', Q, (self: Obj, v: unknown[]) => {
      awaitsOf(self).list = v;
      return null;
    }),
  ),
});

export const AsyncMagicMixin: PyClass = pyClass('AsyncMagicMixin', Q, [MagicMixin], {});

export const AsyncMock: PyClass = pyClass('AsyncMock', Q, [AsyncMockMixin, AsyncMagicMixin, Mock], {
  __doc__: 'An enhanced version of `Mock` for async functions: calling it returns a coroutine.',
});

/** The async iterator MagicMock's `__aiter__` gives (CPython's `_AsyncIterator`). */
export const _AsyncIterator: PyClass = pyClass('_AsyncIterator', Q, [], {
  __init__: pyFunction('self, iterator', '_AsyncIterator.__init__', Q, (self: Obj, iterator: unknown) => {
    self['iterator'] = iterator;
    return null;
  }),
  __aiter__: pyFunction('self', '_AsyncIterator.__aiter__', Q, (self: Obj) => self),
  __anext__: pyFunction('self', '_AsyncIterator.__anext__', Q, (self: Obj) =>
    runtimeCoroutine((async (it: unknown) => {
      try {
        return next(it);
      } catch (e) {
        if (e instanceof StopIteration) throw new StopAsyncIteration();
        throw e;
      }
    }) as (...a: never[]) => Promise<unknown>, [self['iterator']], '_AsyncIterator.__anext__')),
});

AsyncMockRef.cls = AsyncMock;
AsyncMockRef.mixin = AsyncMockMixin;
AsyncMockRef.asyncIterator = (items) => call(_AsyncIterator, [iter(items)], null);
