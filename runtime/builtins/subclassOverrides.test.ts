import { describe, expect, it } from 'vitest';
import '../index.js'; // the whole runtime: type registrations and hooks
import '../modules/typing.js'; // NamedTuple: a tuple subclass the runtime itself makes
import '../modules/collections.js'; // Counter, OrderedDict, defaultdict: dict subclasses with __eq__, __lt__…
import { makeClass, type PyClass } from './classes.js';
import { def } from './calls.js';
import { dict, len, list, tuple } from './functions.js';
import { setattr } from './attributes.js';
import { truthy } from './truth.js';
import { arrayOverrides, mappingOverrides } from './subclassOverrides.js';

const make = (cls: PyClass, ...args: unknown[]): unknown => (cls as (...a: unknown[]) => unknown)(...args);

describe('the flags that let exact lists and tuples skip the subclass test', () => {
  it("stay off for the runtime's own subclasses, which define none of the watched methods", () => {
    expect(arrayOverrides).toEqual({ truth: false, len: false, iter: false, hash: false, order: false });
    expect(mappingOverrides).toEqual({ len: false });
  });

  it('turn on for a method a base defines, and for one assigned on a base later', () => {
    const Mixin = makeClass('Mixin', [], () => {});
    const L = makeClass('L', [Mixin, list], () => {});
    const l = make(L, [1, 2]);
    expect(len(l)).toBe(2);
    expect(arrayOverrides.len).toBe(false);
    setattr(Mixin, '__len__', def(() => 7, 'self', 'Mixin.__len__'));
    expect(arrayOverrides.len).toBe(true);
    expect(arrayOverrides.truth).toBe(true);
    expect(len(l)).toBe(7);
    expect(truthy(make(L))).toBe(true);

    const Iterates = makeClass('Iterates', [], (ns) => {
      ns['__iter__'] = def(() => ['x'][Symbol.iterator](), 'self', 'Iterates.__iter__');
    });
    expect(arrayOverrides.iter).toBe(false);
    const T = makeClass('T', [Iterates, tuple], () => {});
    expect(arrayOverrides.iter).toBe(true);
    expect([...tuple(make(T, [1, 2]))]).toEqual(['x']);

    expect(mappingOverrides.len).toBe(false);
    makeClass('D', [dict], (ns) => {
      ns['__len__'] = def(() => 3, 'self', 'D.__len__');
    });
    expect(mappingOverrides.len).toBe(true);
  });
});
