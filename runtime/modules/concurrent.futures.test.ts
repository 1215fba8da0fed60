/**
 * What concurrent.futures does where CPython would wait for another thread
 * forever (a deadlock there, so python3 cannot show it in a fixture): with
 * no thread to wait for, it raises RuntimeError at once and leaves the
 * futures as they were. Also the order as_completed gives futures already
 * done, which CPython's set makes vary from run to run, and when an
 * executor's call runs. The fixtures fixtures/modules/concurrent_futures_*.py
 * cover the rest against python3.
 */
import { describe, expect, it } from 'vitest';
import '../index.js';
import * as cf from './concurrent.futures.js';
import { call } from '../builtins/calls.js';
import { callMethod } from '../builtins/attributes.js';
import { RuntimeError } from '../builtins/exceptions.js';
import { isfuture } from '../asyncio/futures.js';
import { isConcurrentFuture } from '../asyncio/concurrentFutures.js';
import { raised } from '../../tests/support/raised.js';

const make = (cls: unknown, ...args: unknown[]): unknown => call(cls, args, null);

function blocked(fn: () => unknown, what: RegExp): void {
  const e = raised(fn);
  expect(e).toBeInstanceOf(RuntimeError);
  expect(String((e as RuntimeError).args[0])).toMatch(what);
  expect(String((e as RuntimeError).args[0])).toMatch(/would block forever: pyasync runs one thread/);
}

describe('concurrent.futures without threads', () => {
  it('raises RuntimeError for result() or exception() of a pending future with no timeout, which stays pending', () => {
    const f = make(cf.Future);
    blocked(() => callMethod(f, 'result'), /^Future\.result\(\) on a pending future with no timeout/);
    blocked(() => callMethod(f, 'exception'), /^Future\.exception\(\) on a pending future with no timeout/);
    expect(callMethod(f, 'done')).toBe(false);
    callMethod(f, 'set_result', 7);
    expect(callMethod(f, 'result')).toBe(7);
  });

  it('raises RuntimeError for wait() and as_completed() on pending futures with no timeout, and removes their waiters', () => {
    const done = make(cf.Future);
    callMethod(done, 'set_result', 1);
    const pending = make(cf.Future);
    for (const when of [cf.ALL_COMPLETED, cf.FIRST_EXCEPTION]) {
      blocked(() => call(cf.wait, [[done, pending]], { return_when: when }), /^wait\(\) for futures still pending/);
    }
    blocked(() => call(cf.wait, [[pending]], { return_when: cf.FIRST_COMPLETED }), /^wait\(\)/);
    const it = call(cf.as_completed, [[done, pending]], null);
    expect(callMethod(it, '__next__')).toBe(done);
    blocked(() => callMethod(it, '__next__'), /^as_completed\(\) waiting for a pending future/);
    expect((pending as { _waiters: unknown[] })._waiters).toEqual([]);
  });

  it('hands out futures already done in the order they finished', () => {
    const [a, b, c] = [make(cf.Future), make(cf.Future), make(cf.Future)];
    callMethod(c, 'set_result', 'c');
    callMethod(a, 'cancel');
    callMethod(a, 'set_running_or_notify_cancel');
    callMethod(b, 'set_exception', make(RuntimeError, 'b'));
    expect([...(call(cf.as_completed, [[a, b, c]], null) as Iterable<unknown>)]).toEqual([c, a, b]);
  });

  it('runs a submitted call inside submit, before it returns', () => {
    const calls: unknown[] = [];
    const ex = make(cf.ThreadPoolExecutor, 2);
    const f = callMethod(ex, 'submit', (x: unknown) => calls.push(x), 'first');
    expect(calls).toEqual(['first']);
    expect(callMethod(f, 'done')).toBe(true);
    expect(callMethod(f, 'cancel')).toBe(false);
    callMethod(ex, 'shutdown');
  });

  it('makes futures asyncio takes for concurrent ones, not its own', () => {
    const f = make(cf.Future);
    expect(isConcurrentFuture(f)).toBe(true);
    expect(isfuture(f)).toBe(false);
  });
});
