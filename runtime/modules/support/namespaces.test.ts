/**
 * Module objects: attribute lookup, assignment, `from m import x`, repr,
 * with CPython's messages. A compiled module's namespace is stood in for by
 * an object tagged as one, with the `$module$setattr` compiled modules export.
 */
import { describe, expect, it } from 'vitest';
import * as sys from '../sys.js';
import {
  importFrom, inAll, isModule, moduleDelattr, moduleDir, moduleGetattr, moduleRepr, moduleSetattr, submodule, type ModuleNamespace,
} from './namespaces.js';
import { AttributeError, ImportError } from '../../builtins/exceptions.js';

/** A module namespace as a compiled module makes it: globals, and a setter for them. */
function fakeModule(name: string | undefined, globals: Record<string, unknown>, file: string | null = `/src/${name}.py`): ModuleNamespace {
  const values: Record<string, unknown> = { __name__: name, __file__: file, ...globals };
  const ns: Record<string | symbol, unknown> = Object.create(null);
  for (const key of Object.keys(values)) Object.defineProperty(ns, key, { get: () => values[key], enumerable: true });
  ns['$module$setattr'] = (n: string, v: unknown): boolean => {
    if (!(n in values)) return false;
    values[n] = v;
    return true;
  };
  Object.defineProperty(ns, Symbol.toStringTag, { value: 'Module' });
  return ns as ModuleNamespace;
}

describe('module objects', () => {
  it('are recognised', () => {
    expect(isModule(sys)).toBe(true);
    expect(isModule(fakeModule('m', {}))).toBe(true);
    expect(isModule({})).toBe(false);
    expect(isModule(null)).toBe(false);
  });

  it('getattr: globals, then attributes set on the module, then __getattr__', () => {
    const m = fakeModule('m', { x: 1, f: () => 2, unbound: undefined });
    expect(moduleGetattr(m, 'x')).toBe(1);
    let missing: unknown = null;
    try {
      moduleGetattr(m, 'unbound');
    } catch (e) {
      missing = e;
    }
    // CPython's AttributeError names the attribute and the module (what "Did you mean" reads).
    expect(missing).toBeInstanceOf(AttributeError);
    expect(String((missing as Error).message)).toBe("module 'm' has no attribute 'unbound'");
    expect((missing as { name?: unknown }).name).toBe('unbound');
    expect((missing as { obj?: unknown }).obj).toBe(m);
    moduleSetattr(m, 'extra', 'e');
    expect(moduleGetattr(m, 'extra')).toBe('e');
    const lazy = fakeModule('lazy', { __getattr__: (n: string) => `lazy ${n}` });
    expect(moduleGetattr(lazy, 'anything')).toBe('lazy anything');
  });

  it('a module whose body has not run (an import cycle) is partially initialized', () => {
    const partial = fakeModule(undefined, { x: undefined, __file__: undefined });
    expect(() => moduleGetattr(partial, 'x')).toThrow('partially initialized module has no attribute \'x\' (most likely due to a circular import)');
    expect(() => importFrom(partial, 'x', 'cyc')).toThrow(
      new ImportError("cannot import name 'x' from partially initialized module 'cyc' (most likely due to a circular import) (unknown location)"),
    );
  });

  it('setattr assigns the module\'s own global when it has one', () => {
    const m = fakeModule('m', { count: 0 });
    moduleSetattr(m, 'count', 5);
    expect(m['count']).toBe(5);
    moduleDelattr(m, 'count');
    expect(m['count']).toBeUndefined();
    expect(() => moduleDelattr(m, 'count')).toThrow("module 'm' has no attribute 'count'");
  });

  it('a submodule becomes an attribute of its package', () => {
    const sub = fakeModule('pkg.sub', {});
    const declared = fakeModule('pkg', { sub: undefined });
    submodule(declared, 'sub', sub);
    expect(declared['sub']).toBe(sub);
    const undeclared = fakeModule('pkg2', {});
    submodule(undeclared, 'sub', sub);
    expect(moduleGetattr(undeclared, 'sub')).toBe(sub);
  });

  it('from m import x: ImportError as CPython words it', () => {
    const m = fakeModule('m', { x: 1 });
    expect(importFrom(m, 'x', 'm')).toBe(1);
    expect(() => importFrom(m, 'y', 'm')).toThrow(new ImportError("cannot import name 'y' from 'm' (/src/m.py)"));
    expect(() => importFrom(sys as never, 'nope', 'sys')).toThrow("cannot import name 'nope' from 'sys' (unknown location)");
  });

  it('inAll follows __all__, or the public names', () => {
    const listed = fakeModule('l', { __all__: ['a'], a: 1, b: 2 });
    expect([inAll(listed, 'a'), inAll(listed, 'b')]).toEqual([true, false]);
    const open = fakeModule('o', { a: 1, _b: 2 });
    expect([inAll(open, 'a'), inAll(open, '_b'), inAll(open, 'c')]).toEqual([true, false, false]);
  });

  it('dir and repr', () => {
    const m = fakeModule('m', { b: 1, a: 2, gone: undefined });
    expect(moduleDir(m)).toEqual(['__file__', '__name__', 'a', 'b']);
    expect(moduleRepr(m)).toBe("<module 'm' from '/src/m.py'>");
    expect(moduleRepr(fakeModule('ns', {}, null))).toBe("<module 'ns' (namespace)>");
  });
});
