import { describe, expect, it } from 'vitest';
import '../index.js'; // the whole runtime: type registrations and hooks
import { makeClass, type PyClass } from './classes.js';
import { def } from './calls.js';
import { dict, len, list, set, tuple } from './functions.js';
import { add, iadd, lt, or_, sub } from './operators.js';
import { truthy } from './truth.js';
import { hash } from './equality.js';
import { mappingPairs } from './dict.js';
import { isPlainSequence } from './list.js';
import { unpack } from './iteration.js';
import { PyTuple } from './values.js';
import { PySet } from './set.js';
import { NotImplemented } from './notImplemented.js';

type Methods = Record<string, (...args: never[]) => unknown>;

/** `class name(base)` whose body defines `methods` as Python functions (self first). */
function subclass(name: string, base: unknown, methods: Methods = {}): PyClass {
  return makeClass(name, [base], (ns) => {
    for (const [key, fn] of Object.entries(methods)) ns[key] = def(fn, 'self, *args', `${name}.${key}`);
  });
}

const make = (cls: PyClass, ...args: unknown[]): unknown => (cls as (...a: unknown[]) => unknown)(...args);

describe('instances of Python subclasses of the builtin containers (answers checked against CPython 3.11)', () => {
  it('take their class operators, the reflected one first for a subclass on the right', () => {
    const S = subclass('S', set, { __or__: () => 'S.or', __ror__: () => 'S.ror', __lt__: () => 'S.lt' });
    const s = make(S, [1]);
    expect(or_(s, set([2]))).toBe('S.or');
    expect(or_(set([2]), s)).toBe('S.ror');
    expect(lt(s, set([1]))).toBe('S.lt');
    // S defines no __gt__, the reflection of `<`: set's own order answers.
    expect(lt(set([1]), s)).toBe(false);
    const L = subclass('L', list, { __radd__: () => 'L.radd' });
    expect(add([3], make(L, [1]))).toBe('L.radd');
    // A class defining only __radd__ still concatenates on the left (CPython gives it a number slot finding list.__add__).
    expect(add(make(L, [1]), [2])).toEqual([1, 2]);
    const x = [0];
    expect(iadd(x, make(L, [1]))).toBe('L.radd');
  });

  it("fall back on the base type's operator where their class defines none, or declines", () => {
    const Plain = subclass('Plain', set);
    const p = make(Plain, [1, 2]);
    expect(list(sub(p, set([2])))).toEqual([1]);
    const Declines = subclass('Declines', set, { __or__: () => NotImplemented, __ror__: () => NotImplemented });
    const d = make(Declines, [1]);
    expect([...(or_(d, set([2])) as PySet)].sort()).toEqual([1, 2]);
    expect(() => or_(d, make(Declines, [2]))).toThrow("unsupported operand type(s) for |: 'Declines' and 'Declines'");
  });

  it('are false when empty and measure their stored items, unless their class says otherwise', () => {
    for (const base of [dict, set, list, tuple]) {
      const E = subclass('E', base);
      expect(truthy(make(E))).toBe(false);
      expect(len(make(E))).toBe(0);
    }
    const Sized = subclass('Sized', list, { __len__: () => 0 });
    expect(truthy(make(Sized, [1, 2]))).toBe(false);
    expect(len(make(Sized, [1, 2]))).toBe(0);
  });

  it('hash by their class __hash__, and a list subclass defining one is a dict key', () => {
    const T = subclass('T', tuple, { __hash__: () => 3 });
    expect(hash(make(T, [1, 2]))).toBe(3);
    const Hashable = subclass('Hashable', list, { __hash__: () => 5 });
    const k = make(Hashable, [1]);
    const d = dict([[k, 'v']]);
    expect(mappingPairs(d)).toEqual([[k, 'v']]);
    expect(() => hash(make(subclass('Plain', list), []))).toThrow("unhashable type: 'Plain'");
  });

  it('are iterated through their class __iter__ where CPython iterates, read directly only as exact lists and tuples', () => {
    const Letters = subclass('Letters', list, { __iter__: () => ['x', 'y'][Symbol.iterator]() });
    const w = make(Letters, [1, 2]);
    expect(isPlainSequence(w)).toBe(false);
    expect(isPlainSequence([1])).toBe(true);
    expect(isPlainSequence(PyTuple.of(1))).toBe(true);
    expect([...tuple(w)]).toEqual(['x', 'y']);
    expect(unpack(w, 2)).toEqual(['x', 'y']);
  });

  it('merge as mappings through keys() and __getitem__ when their class defines __iter__', () => {
    const D = subclass('D', dict, {
      __iter__: () => ['z'][Symbol.iterator](),
      keys: () => ['k'],
      __getitem__: (_self: never, k: never) => `D[${String(k)}]`,
    });
    const d = make(D, dict([['a', 1]]));
    expect(mappingPairs(d)).toEqual([['k', 'D[k]']]);
    // A class keeping dict's __iter__ merges its stored items, whatever its keys() and __getitem__.
    const G = subclass('G', dict, { __getitem__: () => 'G' });
    expect(mappingPairs(make(G, dict([['a', 1]])))).toEqual([['a', 1]]);
    // A list subclass is no mapping (its engine `keys` is no Python attribute).
    expect(mappingPairs(make(subclass('P', list), [['a', 1]]))).toBeNull();
  });
});
