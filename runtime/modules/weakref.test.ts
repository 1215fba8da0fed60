/**
 * What weakref does when a referent dies, which a fixture cannot show (the
 * moment depends on V8's collector): here the collector is forced
 * (`gc()` through --expose-gc set at run time), then the
 * FinalizationRegistry's task is waited for. The fixtures
 * fixtures/modules/weakref_*.py cover everything else against python3.
 */
import { describe, expect, it } from 'vitest';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import '../index.js';
import * as weakref from './weakref.js';
import { call } from '../builtins/calls.js';
import { callMethod, getattr } from '../builtins/attributes.js';
import { ReferenceError, TypeError } from '../builtins/exceptions.js';
import { len } from '../builtins/functions.js';
import { repr } from '../builtins/repr.js';
import { pyClass } from './support/pydef.js';
import { raised } from '../../tests/support/raised.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const C = pyClass('C', '__main__', [], {});
const make = (cls: unknown, ...args: unknown[]): unknown => call(cls, args, null);

/** Collects, then lets the registry's cleanup task run. */
async function collect(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** Made in a function of its own, so no local of the caller keeps the referent. */
function refsToGarbage(order: string[]): { r: unknown; hashed: unknown; p: unknown; r1: unknown; r2: unknown } {
  const obj = make(C);
  const hashed = make(weakref.ref, obj);
  call(getattr(hashed, '__hash__'), [], null);
  return {
    r: hashed,
    hashed: call(getattr(hashed, '__hash__'), [], null),
    p: weakref.proxy(obj),
    r1: make(weakref.ref, obj, (ref: unknown) => order.push(`r1 ${String(call(ref, [], null))}`)),
    r2: make(weakref.ref, obj, (ref: unknown) => order.push(`r2 ${String(call(ref, [], null))}`)),
  };
}

describe('weakref when the referent is collected', () => {
  it('clears every reference, then runs the callbacks newest first with the reference', async () => {
    const order: string[] = [];
    const { r, hashed, p, r1, r2 } = refsToGarbage(order);
    await collect();
    expect(order).toEqual(['r2 null', 'r1 null']);
    expect(call(r, [], null)).toBe(null);
    expect(repr(r)).toMatch(/^<weakref at 0x[0-9a-f]+; dead>$/);
    expect(call(getattr(r, '__hash__'), [], null)).toBe(hashed);
    expect(getattr(r1, '__callback__')).toBe(null);
    expect(callMethod(r1, '__eq__', r2)).toBe(false);
    expect(callMethod(r1, '__eq__', r1)).toBe(true);
    const e = raised(() => getattr(p, 'x'));
    expect(e).toBeInstanceOf(ReferenceError);
    expect(String((e as ReferenceError).args[0])).toBe('weakly-referenced object no longer exists');
    expect(repr(p)).toMatch(/^<weakproxy at 0x[0-9a-f]+ to NoneType at 0x[0-9a-f]+>$/);
    expect(r2).toBeDefined();
  });

  it('a dead reference never hashed has no hash', async () => {
    const r = ((): unknown => make(weakref.ref, make(C)))();
    await collect();
    const e = raised(() => call(getattr(r, '__hash__'), [], null));
    expect(e).toBeInstanceOf(TypeError);
    expect(String((e as TypeError).args[0])).toBe('weak object has gone away');
  });

  it('drops the entries of the weak containers and runs finalize', async () => {
    const values = make(weakref.WeakValueDictionary);
    const keys = make(weakref.WeakKeyDictionary);
    const set = make(weakref.WeakSet);
    const ran: unknown[] = [];
    let fin: unknown;
    ((): void => {
      const a = make(C);
      const b = make(C);
      callMethod(values, '__setitem__', 'a', a);
      callMethod(keys, '__setitem__', b, 1);
      callMethod(set, 'add', a);
      fin = make(weakref.finalize, b, (...args: unknown[]) => ran.push(...args), 'done');
    })();
    expect([len(values), len(keys), len(set)]).toEqual([1, 1, 1]);
    await collect();
    expect([len(values), len(keys), len(set)]).toEqual([0, 0, 0]);
    expect(ran).toEqual(['done']);
    expect(getattr(fin, 'alive')).toBe(false);
  });

  it('forgets a reference nobody keeps, with its callback', async () => {
    const order: string[] = [];
    const obj = make(C);
    ((): void => {
      make(weakref.ref, obj, () => order.push('dropped ref'));
    })();
    await collect();
    expect(weakref.getweakrefcount(obj)).toBe(0);
    expect(order).toEqual([]);
  });
});
