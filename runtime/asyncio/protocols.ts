/**
 * The runtime side of `async with` and `async for` (compiled by
 * src/transform/async.ts): `__aenter__`/`__aexit__` and
 * `__aiter__`/`__anext__` looked up on the type, with CPython's TypeErrors.
 */
import { BaseException, TypeError } from '../builtins/exceptions.js';
import { typeName } from '../builtins/values.js';
import { callSpecial, hasSpecial, lookupSpecial } from '../builtins/special.js';
import { toPython } from '../builtins/errors.js';
import { truthy } from '../builtins/truth.js';
import { aw, isAwaitable, un } from './coroutines.js';

type ExitMethod = (type: unknown, value: unknown, traceback: unknown) => unknown;

export function asyncWithExit(manager: unknown): ExitMethod {
  if (!hasSpecial(manager, '__aenter__')) {
    throw new TypeError(`'${typeName(manager)}' object does not support the asynchronous context manager protocol`);
  }
  const exit = lookupSpecial(manager, '__aexit__');
  if (exit === undefined) {
    throw new TypeError(`'${typeName(manager)}' object does not support the asynchronous context manager protocol (missed __aexit__ method)`);
  }
  return ((type: unknown, value: unknown, traceback: unknown) => checkedAwaitable(exit(type, value, traceback), '__aexit__')) as ExitMethod;
}

/** `manager.__aenter__()`: the awaitable compiled code awaits. */
export function asyncWithEnter(manager: unknown): unknown {
  return checkedAwaitable(callSpecial(manager, '__aenter__'), '__aenter__');
}

function checkedAwaitable(x: unknown, method: string): unknown {
  if (!isAwaitable(x)) throw new TypeError(`'async with' received an object from ${method} that does not implement __await__: ${typeName(x)}`);
  return x;
}

/** The body raised: `await __aexit__(type, value, None)`, then the error again unless it returned a true value. */
export async function asyncWithError(exit: ExitMethod, error: unknown): Promise<void> {
  const exc = toPython(error);
  const type = exc !== null && typeof exc === 'object' ? (exc as object).constructor : null;
  let swallow: unknown;
  try {
    swallow = un(await aw(exit(type, exc, null)));
  } catch (raised) {
    if (raised instanceof BaseException && raised !== exc && raised.__context__ === null && exc instanceof BaseException) {
      raised.__context__ = exc;
    }
    throw raised;
  }
  if (!truthy(swallow)) throw exc;
}

/** `async for`'s `__aiter__()`. */
export function asyncForIter(iterable: unknown): unknown {
  if (!hasSpecial(iterable, '__aiter__')) {
    throw new TypeError(`'async for' requires an object with __aiter__ method, got ${typeName(iterable)}`);
  }
  const it = callSpecial(iterable, '__aiter__');
  if (!hasSpecial(it, '__anext__')) {
    throw new TypeError(`'async for' received an object from __aiter__ that does not implement __anext__: ${typeName(it)}`);
  }
  return it;
}

/** `await it.__anext__()`: StopAsyncIteration ends the loop. */
export function asyncForNext(it: unknown): unknown {
  const awaitable = callSpecial(it, '__anext__');
  try {
    return aw(awaitable);
  } catch (e) {
    if (e instanceof TypeError && awaitable !== null && typeof awaitable !== 'object') {
      throw new TypeError(`'async for' received an invalid object from __anext__: ${typeName(awaitable)}`);
    }
    throw e;
  }
}
