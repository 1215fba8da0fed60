/**
 * Running a test's parts when some of them may be asynchronous: the steps
 * are a generator that yields what each part returned; a plain value goes
 * straight back in, so a synchronous TestCase runs synchronously, and the
 * first Promise (an IsolatedAsyncioTestCase part run by its asyncio Runner)
 * turns the rest of the run into a Promise. Exceptions from either kind of
 * part are thrown back into the generator at its `yield`, so its
 * try/finally blocks run in CPython's order.
 */
import { unboxed } from '../../../asyncio/baseEvents.js';

export type Steps<T = unknown> = Generator<unknown, T, unknown>;

export function drive<T>(gen: Steps<T>): T | Promise<T> {
  let input: unknown = undefined;
  for (;;) {
    const r = gen.next(input);
    if (r.done) return r.value;
    if (r.value instanceof Promise) return finish(gen, r.value);
    input = r.value;
  }
}

async function finish<T>(gen: Steps<T>, first: Promise<unknown>): Promise<T> {
  let pending: unknown = first;
  for (;;) {
    let input: unknown = pending;
    let failed = false;
    if (pending instanceof Promise) {
      try {
        input = unboxed(await pending);
      } catch (e) {
        failed = true;
        input = e;
      }
    }
    const r = failed ? gen.throw(input) : gen.next(input);
    if (r.done) return r.value;
    pending = r.value;
  }
}
