/**
 * What queue does where CPython would wait for another thread forever (a
 * deadlock there): with no thread to wait for, it raises RuntimeError at
 * once. (The fixture fixtures/modules/queue_basic.py covers the rest
 * against python3, which cannot show these: it would hang.)
 */
import { describe, expect, it } from 'vitest';
import '../index.js';
import * as queue from './queue.js';
import { call } from '../builtins/calls.js';
import { callMethod } from '../builtins/attributes.js';
import { RuntimeError } from '../builtins/exceptions.js';
import { raised } from '../../tests/support/raised.js';

const make = (cls: unknown, ...args: unknown[]): unknown => call(cls, args, null);

describe('queue without threads', () => {
  it('raises RuntimeError for a blocking get on an empty queue with no timeout', () => {
    for (const cls of [queue.Queue, queue.LifoQueue, queue.PriorityQueue, queue.SimpleQueue]) {
      const e = raised(() => callMethod(make(cls), 'get'));
      expect(e).toBeInstanceOf(RuntimeError);
      expect(String((e as RuntimeError).args[0])).toMatch(/get\(\) on an empty queue with no timeout would block forever/);
    }
  });

  it('raises RuntimeError for a blocking put on a full queue with no timeout, and leaves the queue as it was', () => {
    const q = make(queue.Queue, 1);
    callMethod(q, 'put', 'a');
    const e = raised(() => callMethod(q, 'put', 'b'));
    expect(e).toBeInstanceOf(RuntimeError);
    expect(String((e as RuntimeError).args[0])).toMatch(/put\(\) on a full queue/);
    expect(callMethod(q, 'qsize')).toBe(1);
    expect(callMethod(q, 'get')).toBe('a');
  });

  it('raises RuntimeError for join() with unfinished tasks, and returns once they are done', () => {
    const q = make(queue.Queue);
    callMethod(q, 'put', 1);
    callMethod(q, 'put', 2);
    const e = raised(() => callMethod(q, 'join'));
    expect(e).toBeInstanceOf(RuntimeError);
    expect(String((e as RuntimeError).args[0])).toMatch(/join\(\) with 2 unfinished tasks/);
    callMethod(q, 'task_done');
    callMethod(q, 'task_done');
    expect(callMethod(q, 'join')).toBe(null);
  });

  it('waits out a timeout before raising Empty, as CPython does', () => {
    const start = Date.now();
    const e = raised(() => callMethod(make(queue.Queue), 'get', true, 0.05));
    expect(e).toBeInstanceOf(queue.Empty as unknown as new () => unknown);
    expect(Date.now() - start).toBeGreaterThanOrEqual(45);
  });
});
