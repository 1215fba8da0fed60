import { describe, expect, it } from 'vitest';
import { GeneratorExit, RuntimeError, StopAsyncIteration } from './exceptions.js';
import {
  ASYNC_GENERATOR_FUNCTION, PyAsyncGenerator, agSerial, anext, asyncForDrop, asyncForFresh, asyncGenDef, asyncGenerator,
} from './asyncGenerators.js';
import { asyncgenHooks } from './asyncGeneratorHooks.js';
import { aw, box, un } from '../asyncio/coroutines.js';
import { typeName } from './values.js';

/**
 * The mechanics under the fixtures (fixtures/async-generators hold
 * CPython's answers): the contract with other runtime parts, the boxing of
 * thenables through a JS async generator's `yield`, and which generators a
 * loop owns and finalizes.
 */

/** Awaits a Python awaitable as compiled code does: `$un(await $aw(x))`. */
async function awaitPy(x: unknown): Promise<unknown> {
  return un(await aw(x));
}

function make(body: () => AsyncGenerator<unknown, unknown, unknown>, name = 'g'): PyAsyncGenerator {
  return asyncGenerator(body, name);
}

describe('async generator objects', () => {
  it('keeps the names other engineers rely on', () => {
    const g = make(async function* () {}, 'C.m');
    expect(typeName(g)).toBe('async_generator');
    expect(g.__name__).toBe('m');
    const fn = asyncGenDef(function f() {});
    expect((fn as unknown as Record<symbol, unknown>)[ASYNC_GENERATOR_FUNCTION]).toBe(true);
    expect(ASYNC_GENERATOR_FUNCTION).toBe(Symbol.for('pyasync.asyncGeneratorFunction'));
  });

  it('hands a boxed thenable to the consumer as the value itself', async () => {
    const thenable = { then: (): void => undefined };
    const g = make(async function* () {
      yield box(thenable);
    });
    // (unboxed here: returned from an async function, the thenable would be adopted)
    expect(un(await aw(g.__anext__()))).toBe(thenable);
    await expect(awaitPy(g.__anext__())).rejects.toBeInstanceOf(StopAsyncIteration);
  });

  it('refuses a second step while one runs, and is not running after it', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const g = make(async function* () {
      await gate;
      yield 1;
    });
    const first = awaitPy(g.__anext__());
    expect(g.ag_running).toBe(true);
    await expect(awaitPy(g.__anext__())).rejects.toBeInstanceOf(RuntimeError);
    release();
    expect(await first).toBe(1);
    expect(g.ag_running).toBe(false);
  });

  it('throws GeneratorExit in on aclose and runs the body to its end', async () => {
    const seen: string[] = [];
    const g = make(async function* () {
      try {
        yield 1;
      } catch (e) {
        seen.push(e instanceof GeneratorExit ? 'exit' : 'other');
        throw e;
      } finally {
        seen.push('finally');
      }
    });
    await awaitPy(g.__anext__());
    expect(await awaitPy(g.aclose())).toBe(null);
    expect(seen).toEqual(['exit', 'finally']);
    expect(await awaitPy(anext(g, 'd'))).toBe('d');
  });
});

describe('generators owned by an async for over a call', () => {
  function withFinalizer<T>(body: (finalized: unknown[]) => Promise<T>): Promise<T> {
    const finalized: unknown[] = [];
    const saved = { ...asyncgenHooks };
    asyncgenHooks.finalizer = (agen: unknown): null => {
      finalized.push(agen);
      return null;
    };
    return body(finalized).finally(() => Object.assign(asyncgenHooks, saved));
  }

  const counting = (): PyAsyncGenerator => make(async function* () {
    yield 1;
    yield 2;
  });

  it('finalizes a generator the call made, left suspended by the loop', () => withFinalizer(async (finalized) => {
    const g = asyncForFresh(agSerial(), counting()) as PyAsyncGenerator;
    await awaitPy(g.__anext__());
    asyncForDrop(g);
    expect(finalized).toEqual([g]);
  }));

  it('leaves alone a generator made before the loop, or one the loop finished', () => withFinalizer(async (finalized) => {
    const before = counting();
    const serial = agSerial();
    const g = asyncForFresh(serial, before) as PyAsyncGenerator;
    await awaitPy(g.__anext__());
    asyncForDrop(g);
    const done = asyncForFresh(agSerial(), counting()) as PyAsyncGenerator;
    for (let i = 0; i < 3; i++) await awaitPy(anext(done, null));
    asyncForDrop(done);
    expect(finalized).toEqual([]);
  }));
});
