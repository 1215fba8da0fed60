/**
 * Where asyncio meets concurrent.futures: asyncio.futures' `wrap_future`
 * and `_chain_future` (a concurrent Future's outcome copied to an asyncio
 * Future through the loop's call_soon_threadsafe, a cancellation of the
 * asyncio one cancelling the concurrent one), and asyncio.tasks'
 * `run_coroutine_threadsafe`.
 *
 * The concurrent.futures classes are those of runtime/modules/support/concurrent/,
 * which fill `concurrent` as they load (the asyncio module loads the Future,
 * as CPython's asyncio imports concurrent.futures): the event loop core,
 * which every program loads, needs none of it until a program uses it.
 */
import { AssertionError, BaseException, KeyboardInterrupt, SystemExit, TimeoutError, TypeError } from '../builtins/exceptions.js';
import { call, def } from '../builtins/calls.js';
import { callMethod } from '../builtins/attributes.js';
import { toPython } from '../builtins/errors.js';
import { repr } from '../builtins/repr.js';
import { truthy } from '../builtins/truth.js';
import { isinstance, type } from '../builtins/types.js';
import { CancelledError, InvalidStateError } from './exceptions.js';
import { get_event_loop } from './events.js';
import { isfuture } from './futures.js';
import { ensure_future } from './tasks.js';
import { iscoroutine } from './coroutines.js';
import { onlyKeywords, takeKeywords } from './keywords.js';

/**
 * The concurrent.futures classes asyncio checks for and makes, set as they
 * are defined (null until then: no instance of them can exist before).
 */
export const concurrent: { Future: unknown; CancelledError: unknown; InvalidStateError: unknown; ThreadPoolExecutor: unknown } = {
  Future: null, CancelledError: null, InvalidStateError: null, ThreadPoolExecutor: null,
};

export function isConcurrentFuture(x: unknown): boolean {
  return concurrent.Future !== null && isinstance(x, concurrent.Future);
}

/** `_convert_future_exc`: concurrent.futures' own exceptions become asyncio's. */
function convertFutureExc(exc: unknown): unknown {
  const cls = type(exc);
  const args = (exc as { args: Iterable<unknown> }).args;
  if (cls === concurrent.CancelledError) return call(CancelledError, [...args], null);
  if (cls === TimeoutError) return call(TimeoutError, [...args], null);
  if (cls === concurrent.InvalidStateError) return call(InvalidStateError, [...args], null);
  return exc;
}

/** `_set_concurrent_future_state(concurrent, source)`: an asyncio Future's outcome copied to a concurrent one. */
function setConcurrentFutureState(dest: unknown, source: unknown): void {
  if (truthy(callMethod(source, 'cancelled'))) callMethod(dest, 'cancel');
  if (!truthy(callMethod(dest, 'set_running_or_notify_cancel'))) return;
  const exception = callMethod(source, 'exception');
  if (exception !== null) callMethod(dest, 'set_exception', convertFutureExc(exception));
  else callMethod(dest, 'set_result', callMethod(source, 'result'));
}

/** `_copy_future_state(source, dest)`: any future's outcome copied to an asyncio Future. */
function copyFutureState(source: unknown, dest: unknown): void {
  if (truthy(callMethod(dest, 'cancelled'))) return;
  if (truthy(callMethod(source, 'cancelled'))) {
    callMethod(dest, 'cancel');
    return;
  }
  const exception = callMethod(source, 'exception');
  if (exception !== null) callMethod(dest, 'set_exception', convertFutureExc(exception));
  else callMethod(dest, 'set_result', callMethod(source, 'result'));
}

function loopOf(fut: unknown): unknown {
  return isfuture(fut) ? fut.get_loop() : null;
}

function named<F extends Function>(fn: F, qualname: string): F {
  Object.defineProperty(fn, '__qualname__', { value: qualname });
  Object.defineProperty(fn, '__name__', { value: qualname.slice(qualname.lastIndexOf('.') + 1) });
  return fn;
}

/** `_chain_future(source, destination)`: destination gets source's outcome; a cancelled destination cancels source. */
export function chainFuture(source: unknown, destination: unknown): void {
  if (!isfuture(source) && !isConcurrentFuture(source)) throw new TypeError('A future is required for source argument');
  if (!isfuture(destination) && !isConcurrentFuture(destination)) throw new TypeError('A future is required for destination argument');
  const sourceLoop = loopOf(source);
  const destLoop = loopOf(destination);
  const setState = named((future: unknown, other: unknown): null => {
    if (isfuture(future)) copyFutureState(other, future);
    else setConcurrentFutureState(future, other);
    return null;
  }, '_chain_future.<locals>._set_state');
  const callCheckCancel = named((dest: unknown): null => {
    if (truthy(callMethod(dest, 'cancelled'))) {
      if (sourceLoop === null || sourceLoop === destLoop) callMethod(source, 'cancel');
      else callMethod(sourceLoop, 'call_soon_threadsafe', named(() => callMethod(source, 'cancel'), 'Future.cancel'));
    }
    return null;
  }, '_chain_future.<locals>._call_check_cancel');
  const callSetState = named((src: unknown): null => {
    if (truthy(callMethod(destination, 'cancelled')) && destLoop !== null && truthy(callMethod(destLoop, 'is_closed'))) return null;
    if (destLoop === null || destLoop === sourceLoop) {
      setState(destination, src);
    } else {
      if (truthy(callMethod(destLoop, 'is_closed'))) return null;
      callMethod(destLoop, 'call_soon_threadsafe', setState, destination, src);
    }
    return null;
  }, '_chain_future.<locals>._call_set_state');
  callMethod(destination, 'add_done_callback', callCheckCancel);
  callMethod(source, 'add_done_callback', callSetState);
}

/** asyncio.wrap_future(future, *, loop=None): an asyncio Future given a concurrent Future's outcome. */
export function wrap_future(future: unknown, ...rest: unknown[]): unknown {
  const kw = takeKeywords(rest);
  onlyKeywords(kw, 'wrap_future', ['loop']);
  if (rest.length > 0) throw new TypeError(`wrap_future() takes 1 positional argument but ${rest.length + 1} were given`);
  if (isfuture(future)) return future;
  const given = kw?.['loop'];
  return wrapFuture(future, given === undefined || given === null ? get_event_loop() : given);
}

/** wrap_future of a concurrent Future, for `loop`. */
export function wrapFuture(future: unknown, loop: unknown): unknown {
  if (isfuture(future)) return future;
  if (!isConcurrentFuture(future)) throw new AssertionError(`concurrent.futures.Future is expected, got ${repr(future)}`);
  const newFuture = callMethod(loop, 'create_future');
  chainFuture(future, newFuture);
  return newFuture;
}

/**
 * asyncio.run_coroutine_threadsafe(coro, loop): the coroutine becomes a
 * Task of `loop` at its next iteration; the concurrent Future returned gets
 * the Task's outcome (and cancels it when cancelled). Its result() cannot be
 * waited for on the loop's own (and only) thread: await wrap_future(fut).
 */
export function run_coroutine_threadsafe(coro: unknown, loop: unknown): unknown {
  if (!iscoroutine(coro)) throw new TypeError('A coroutine object is required');
  const future = call(concurrent.Future, [], null);
  const callback = named((): null => {
    try {
      chainFuture(ensure_future(coro, loop), future);
    } catch (err) {
      const exc = toPython(err);
      if (exc instanceof SystemExit || exc instanceof KeyboardInterrupt) throw exc;
      if (exc instanceof BaseException && truthy(callMethod(future, 'set_running_or_notify_cancel'))) callMethod(future, 'set_exception', exc);
      throw exc;
    }
    return null;
  }, 'run_coroutine_threadsafe.<locals>.callback');
  callMethod(loop, 'call_soon_threadsafe', callback);
  return future;
}
def(run_coroutine_threadsafe, 'coro, loop', 'run_coroutine_threadsafe', 'asyncio.tasks');
