/**
 * A Future's done callbacks: none, one kept as itself, several in an array
 * (a lone callback that is itself an array included), in order, with
 * `_callbacks` None when there are none, as CPython's.
 */
import { describe, expect, it } from 'vitest';
import { FutureImpl, type FutureWaiter } from './futures.js';
import type { BaseEventLoop } from './baseEvents.js';

/** Just enough of a loop for a Future: done callbacks land in `ready` (waiters are woken directly). */
function fakeLoop(): { loop: BaseEventLoop; ready: unknown[] } {
  const ready: unknown[] = [];
  const loop = {
    $push: () => undefined,
    $callSoon1: (cb: unknown) => {
      ready.push(cb);
    },
  } as unknown as BaseEventLoop;
  return { loop, ready };
}

describe('Future callbacks', () => {
  it('has no callback list until one is added', () => {
    const fut = new FutureImpl(fakeLoop().loop);
    expect(fut.$callbacks).toBeNull();
    expect(fut._callbacks).toBeNull();
  });

  it('keeps one callback as itself, several in order', () => {
    const fut = new FutureImpl(fakeLoop().loop);
    const a = (): null => null;
    const b = (): null => null;
    fut.$pushCallback(a);
    expect(fut.$callbacks).toBe(a);
    expect(fut._callbacks).toEqual([a]);
    fut.$pushCallback(b);
    fut.$pushCallback(a);
    expect(fut._callbacks).toEqual([a, b, a]);
  });

  it('schedules every callback in order, and waiters directly', () => {
    const { loop, ready } = fakeLoop();
    const fut = new FutureImpl(loop);
    const woken: unknown[] = [];
    const waiter: FutureWaiter = { $wakeFrom: (f) => void woken.push(f) };
    const a = (): null => null;
    const b = (): null => null;
    fut.$pushCallback(a);
    fut.$addWaiter(waiter);
    fut.$pushCallback(b);
    fut.set_result(1);
    expect(ready).toEqual([a, b]);
    expect(woken).toEqual([fut]);
    expect(fut._callbacks).toBeNull();
  });

  it('does not take a lone array callback for the list of several', () => {
    const { loop, ready } = fakeLoop();
    const fut = new FutureImpl(loop);
    const odd = [1, 2];
    fut.$pushCallback(odd);
    expect(fut._callbacks).toEqual([odd]);
    fut.set_result(null);
    expect(ready).toEqual([odd]);
  });

  it('removes a callback wherever it is, leaving none, one or several', () => {
    const fut = new FutureImpl(fakeLoop().loop);
    const a = (): null => null;
    const b = (): null => null;
    fut.$pushCallback(a);
    fut.$pushCallback(b);
    fut.$pushCallback(a);
    expect(fut.remove_done_callback(a)).toBe(2);
    expect(fut.$callbacks).toBe(b);
    expect(fut.remove_done_callback(a)).toBe(0);
    expect(fut.remove_done_callback(b)).toBe(1);
    expect(fut._callbacks).toBeNull();
  });
});
