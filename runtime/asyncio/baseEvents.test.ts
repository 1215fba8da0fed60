/**
 * The loop's timer heap pops equal deadlines in CPython's heapq order (one
 * python3 process computes the expected orders), and the JS side of the
 * runtime: JS awaits Futures and Tasks, Python code awaits JS Promises,
 * thenable Python values are never adopted by JS.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import * as asyncio from '../modules/asyncio.js';
import { asyncDef, aw, coroutine, toPromise, un } from './coroutines.js';
import { ValueError } from '../builtins/exceptions.js';
import type { BaseEventLoop } from './baseEvents.js';
import type { Future } from './futures.js';

/** Runs `body` as the main coroutine of asyncio.run and returns its result. */
function run(body: () => Promise<unknown>): Promise<unknown> {
  const main = asyncDef(() => coroutine(body, []), body, 'main', null, 1);
  return asyncio.run(main()).then(un);
}

describe('timer heap', () => {
  const scenarios = [
    [3, 1, 2, 1, 1, 0, 2, 2, 1, 3],
    [5, 5, 5, 5, 5, 5, 5, 5, 5],
    [1, 2, 1, 2, 1, 2, 1, 2, 0, 0, 0],
  ];
  // Each timer carries its index: equal deadlines come out in heapq's order, not necessarily insertion order.
  const script = `
import heapq, json, sys
class T:
    def __init__(self, when, i): self.when, self.i = when, i
    def __lt__(self, o): return self.when < o.when
out = []
for deadlines in json.loads(sys.stdin.read()):
    h = []
    for i, d in enumerate(deadlines): heapq.heappush(h, T(d, i))
    heapq.heappush(h, T(10 ** 9, -1))  # the timer of the sleep that waits for them
    order = []
    while h: order.append(heapq.heappop(h).i)
    order.remove(-1)
    out.append(order)
print(json.dumps(out))
`;
  const expected = JSON.parse(spawnSync('python3', ['-c', script], { input: JSON.stringify(scenarios), encoding: 'utf8' }).stdout) as number[][];

  it('fires timers with equal deadlines in heapq order', async () => {
    for (let s = 0; s < scenarios.length; s++) {
      const fired: number[] = [];
      await run(async () => {
        const loop = asyncio.get_running_loop() as BaseEventLoop;
        const base = loop.$time() + 0.005;
        scenarios[s]!.forEach((d, i) => loop.call_at(base + d / 1000, (k: number) => fired.push(k), i));
        await aw(asyncio.sleep(0.02));
        return null;
      });
      expect(fired).toEqual(expected[s]);
    }
  });
});

describe('JS interop', () => {
  it('lets JS outside the loop await a Task and a Future', async () => {
    let task: Future | null = null;
    let fut: Future | null = null;
    await run(async () => {
      const loop = asyncio.get_running_loop() as BaseEventLoop;
      fut = loop.create_future();
      loop.call_soon(() => fut!.set_result(41));
      const body = async (): Promise<unknown> => (un(await aw(fut)) as number) + 1;
      task = asyncio.create_task(asyncDef(() => coroutine(body, []), body, 'child', null, 1)());
      return await aw(task);
    });
    expect(await fut!).toBe(41);
    expect(await task!).toBe(42);
  });

  it('lets Python code await a JS Promise, a rejected one raising', async () => {
    const result = await run(async () => {
      const ok = un(await aw(new Promise((resolve) => setTimeout(() => resolve('from JS'), 1))));
      try {
        await aw(Promise.reject(new ValueError('rejected')));
      } catch (e) {
        return [ok, e instanceof ValueError];
      }
      return null;
    });
    expect(result).toEqual(['from JS', true]);
  });

  it('never lets JS adopt a Future returned by a coroutine', async () => {
    const result = await run(async () => {
      const loop = asyncio.get_running_loop() as BaseEventLoop;
      const inner = loop.create_future();
      const body = async (): Promise<unknown> => asyncio.sleep(0) && (await import('./coroutines.js')).box(inner);
      const got = un(await aw(asyncDef(() => coroutine(body, []), body, 'f', null, 1)()));
      return got === inner && !(got as Future).done();
    });
    expect(result).toBe(true);
  });

  it('gives JS a Promise of any Python awaitable', async () => {
    const result = await run(async () => await toPromise(asyncio.sleep(0, 'slept')));
    expect(result).toBe('slept');
  });
});
