/**
 * inspect's async-generator predicates against the runtime's contract for
 * async generators (their class is named `async_generator`, their functions
 * carry Symbol.for('pyasync.asyncGeneratorFunction')), with stand-ins; and
 * the limit of native coroutines: they cannot be stepped by hand.
 */
import { describe, expect, it } from 'vitest';
import * as inspect from './inspect.js';
import * as types from './types.js';
import { isinstance } from '../builtins/types.js';
import { def } from '../builtins/calls.js';
import { RuntimeError, TypeError } from '../builtins/exceptions.js';
import { PyCoroutine, asyncDef, coroutine } from '../asyncio/coroutines.js';

class StandInAsyncGenerator {
  static readonly __name__ = 'async_generator';
}

function standInAsyncGeneratorFunction(): StandInAsyncGenerator {
  return new StandInAsyncGenerator();
}
(standInAsyncGeneratorFunction as unknown as Record<symbol, boolean>)[Symbol.for('pyasync.asyncGeneratorFunction')] = true;

describe('inspect and async generators', () => {
  it('recognises async generators and their functions by the contract', () => {
    const agen = standInAsyncGeneratorFunction();
    expect(inspect.isasyncgen(agen)).toBe(true);
    expect(inspect.isasyncgenfunction(standInAsyncGeneratorFunction)).toBe(true);
    expect(isinstance(agen, types.AsyncGeneratorType)).toBe(true);
    expect(inspect.isasyncgen({})).toBe(false);
    expect(inspect.isasyncgenfunction(() => null)).toBe(false);
    expect(inspect.iscoroutine(agen)).toBe(false);
  });
});

describe('coroutines cannot be stepped by hand', () => {
  const body = async (x: unknown): Promise<unknown> => x;
  const f = asyncDef(def(function f(x: unknown) {
    return coroutine(body as (...a: unknown[]) => Promise<unknown>, [x]);
  }, 'x', 'f'), body as (...a: unknown[]) => Promise<unknown>, 'f', null, 1);

  it('send(None) names the limit', () => {
    const c = f(1) as PyCoroutine;
    expect(() => c.send(null)).toThrow(RuntimeError);
    expect(() => c.send(null)).toThrow(/native JS async functions/);
    c.close();
  });

  it('send(value) on a just-started coroutine is CPython\'s TypeError', () => {
    const c = f(1) as PyCoroutine;
    expect(() => c.send(5)).toThrow(TypeError);
    expect(inspect.getcoroutinestate(c)).toBe('CORO_CREATED');
    c.close();
    expect(inspect.getcoroutinestate(c)).toBe('CORO_CLOSED');
  });
});
